#!/usr/bin/env python3
"""Writes the required members of every input shape of the services we serve, from botocore's models.

The AWS SDK for Java v2 model classes carry wire names and types but not which members are required,
so the API's generic decoders read this file to answer MissingParameter/ValidationError as AWS does.
Run: python3 tools/gen-required-members.py > src/main/resources/dev/privatelink/wire/required-members.txt
"""
import gzip, json, os, botocore

SERVICES = [("ec2", "2016-11-15"), ("elbv2", "2015-12-01"), ("acm", "2015-12-08"), ("sts", "2011-06-15"), ("logs", "2014-03-28")]
root = os.path.join(os.path.dirname(botocore.__file__), "data")
print("# service shape: required members (operation input shapes are keyed by operation name + 'Request')")
for service, version in SERVICES:
    with gzip.open(os.path.join(root, service, version, "service-2.json.gz")) as f:
        model = json.load(f)
    shapes = model["shapes"]
    reachable, todo = {}, []
    for name, op in sorted(model["operations"].items()):
        if "input" in op:
            todo.append((name + "Request", op["input"]["shape"]))
    seen = set()
    while todo:
        key, shape_name = todo.pop()
        if (key, shape_name) in seen:
            continue
        seen.add((key, shape_name))
        shape = shapes[shape_name]
        if shape["type"] == "structure":
            if shape.get("required"):
                reachable[key] = shape["required"]
            for member in shape.get("members", {}).values():
                todo.append((member["shape"], member["shape"]))
        elif shape["type"] == "list":
            todo.append((shape["member"]["shape"], shape["member"]["shape"]))
    for key in sorted(reachable):
        print(f"{service} {key}: {' '.join(reachable[key])}")
