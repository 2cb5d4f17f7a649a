#!/bin/sh
# Makes a self-signed certificate and its key in ./certificate for aws_acm_certificate to import.
set -eu
dir=$(dirname "$0")/certificate
name="*.us-east-1.elb.amazonaws.com"
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 3 -keyout "$dir/service.key" -out "$dir/service.crt" \
  -subj "/CN=$name" -addext "subjectAltName=DNS:$name,DNS:tls.provider-workflows.example" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
