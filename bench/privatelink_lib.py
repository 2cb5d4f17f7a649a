#!/usr/bin/env python3
"""Helpers of bench/privatelink.sh: the time-to-ready poller and the wrk report.

  privatelink_lib.py ttr ENDPOINT DATADIR OUTFILE -- UP-COMMAND...
      starts `up`, then every 100 ms tries the consumer's curl of the endpoint's regional URL;
      prints one JSON line {first_curl_s, up_exit_s, ready_in_s}.
  privatelink_lib.py report RESULTS_DIR
      reads RESULTS_DIR/raw/r<round>_<path>_<scenario>.txt (wrk --latency outputs), prints the
      markdown tables (medians over rounds) and the ratios, and writes RESULTS_DIR/summary.json.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request

AUTH = ("AWS4-HMAC-SHA256 Credential=000000000000/20260101/us-east-1/ec2/aws4_request, "
        "SignedHeaders=host, Signature=0")


def consumer_instance(endpoint):
    # the view shows the signing account's instances (the seed's default account here)
    req = urllib.request.Request(endpoint + "/_privatelink/instances", headers={"Authorization": AUTH})
    with urllib.request.urlopen(req, timeout=2) as r:
        for i in json.load(r):
            if i["name"] == "PrivateLink Demo Consumer" and i["state"] == "running":
                return i["instanceId"]
    return None


def endpoint_url(endpoint):
    req = urllib.request.Request(endpoint + "/", data=b"Action=DescribeVpcEndpoints&Version=2016-11-15",
                                 headers={"Authorization": AUTH,
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=2) as r:
        body = r.read().decode()
    if "<state>available</state>" not in body:
        return None
    m = re.search(r"<dnsName>([^<]+)</dnsName>", body)  # AWS lists the regional name first
    return "https://" + m.group(1) if m else None


def ttr(endpoint, data_dir, outfile, up):
    t0 = time.monotonic()
    log = open(outfile, "w")
    proc = subprocess.Popen(up, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    inst = url = None
    first = None
    while time.monotonic() - t0 < 240:
        tick = time.monotonic()
        try:
            inst = inst or consumer_instance(endpoint)
            url = url or endpoint_url(endpoint)
        except OSError:
            pass
        pidfile = os.path.join(data_dir, "instances", inst or "-", "init.pid")
        if inst and url and os.path.exists(pidfile):
            pid = open(pidfile).read().strip()
            # the entry `privatelink exec` makes (nsenter into the instance's init), without its JVM start
            out = subprocess.run(["nsenter", "-t", pid, "-m", "-n", "-u", "--", "curl", "-sk", "--max-time", "2", url],
                                 capture_output=True, text=True).stdout
            if "Welcome to nginx" in out:
                first = time.monotonic() - t0
                break
        time.sleep(max(0.0, 0.1 - (time.monotonic() - tick)))
    try:
        proc.wait(timeout=240)
    except subprocess.TimeoutExpired:
        proc.kill()
    up_exit = time.monotonic() - t0
    log.close()
    m = re.search(r"Ready in ([0-9.]+) s", open(outfile).read())
    print(json.dumps({"first_curl_s": round(first, 2) if first else None, "up_exit_s": round(up_exit, 2),
                      "ready_in_s": float(m.group(1)) if m else None, "up_rc": proc.returncode}))


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}
SIZES = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def parse_wrk(text):
    def dur(s):
        m = re.match(r"([0-9.]+)(us|ms|s|m)$", s)
        return float(m.group(1)) * UNITS[m.group(2)]
    out = {}
    m = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    m = re.search(r"Transfer/sec:\s+([0-9.]+)(B|KB|MB|GB)", text)
    out["bytes_s"] = float(m.group(1)) * SIZES[m.group(2)] if m else None
    for q in ("50", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)" % q, text, re.M)
        out["p" + q] = dur(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["sockerr"] = sum(int(x) for x in m.groups()) if m else 0
    return out


PATHS = [("ours-svc", "ours, client in the service VPC → NLB → ALB (TLS) → nginx"),
         ("ours-pl", "ours, consumer → endpoint → NLB → ALB (TLS) → nginx"),
         ("haproxy", "HAProxy mode tcp → HAProxy mode http + ssl → nginx (client in the service VPC)"),
         ("nginx-tls", "nginx directly over TLS (second nginx, port 8443)"),
         ("nginx", "nginx directly, HTTP (port 80 small, 8081 bulk)")]
SCENARIOS = [("small-ka", "small, keep-alive"), ("small-close", "small, Connection: close"),
             ("bulk", "1 MiB, keep-alive")]


def ticks(pids):
    """User + system clock ticks of the processes and their direct children (nginx's workers)."""
    total = 0
    for pid in pids:
        kids = [c for t in os.listdir("/proc/%s/task" % pid)
                for c in open("/proc/%s/task/%s/children" % (pid, t)).read().split()]
        for q in [pid] + kids:
            fields = open("/proc/%s/stat" % q).read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def cpu_per_request(raw, name, text):
    """Milliseconds of the path's proxy CPU per 1000 requests of one run, or None without a reading."""
    path = os.path.join(raw, name[:-4] + ".cpu")
    m = re.search(r"(\d+) requests in", text)
    if not os.path.exists(path) or not m or not int(m.group(1)):
        return None
    a, b = (int(x) for x in open(path).read().split())
    return (b - a) * 1000.0 / os.sysconf("SC_CLK_TCK") * 1000 / int(m.group(1))


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def report(results):
    raw = os.path.join(results, "raw")
    runs = {}
    for name in sorted(os.listdir(raw)):
        m = re.match(r"r(\d+)_([a-z-]+?)_(small-ka|small-close|bulk)\.txt$", name)
        if m:
            text = open(os.path.join(raw, name)).read()
            run = parse_wrk(text)
            run["cpu"] = cpu_per_request(raw, name, text)
            runs.setdefault((m.group(2), m.group(3)), []).append(run)
    summary = {}
    lines = ["| path | scenario | rounds | req/s (median) | req/s (min–max) | p50 | p99 | MB/s | proxy CPU ms / 1000 req | errors |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for p, _ in PATHS:
        for s, sdesc in SCENARIOS:
            rs = runs.get((p, s))
            if not rs:
                continue
            row = {k: med([r[k] for r in rs]) for k in ("rps", "p50", "p99", "bytes_s", "cpu")}
            row["rounds"] = len(rs)
            row["errors"] = sum(r["non2xx"] + r["sockerr"] for r in rs)
            row["rps_min"] = min(r["rps"] or 0 for r in rs)
            row["rps_max"] = max(r["rps"] or 0 for r in rs)
            summary[p + "/" + s] = row
            lines.append("| %s | %s | %d | %s | %s–%s | %s | %s | %s | %s | %d |" % (
                p, sdesc, len(rs), fmt(row["rps"], 0), fmt(row["rps_min"], 0), fmt(row["rps_max"], 0),
                ms(row["p50"]), ms(row["p99"]), fmt((row["bytes_s"] or 0) / 1e6, 1), fmt(row["cpu"], 0), row["errors"]))
    lines.append("")
    lines.append("| ratio | scenario | req/s (bar ≥ 1.20) | p99 (bar ≤ 1.00) | MB/s | proxy CPU per request |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: |")
    ratios = {}
    for ours, issue in (("ours-svc", "the seed's in-VPC chain"), ("ours-pl", "the PrivateLink path")):
        for s, sdesc in SCENARIOS:
            a, b = summary.get(ours + "/" + s), summary.get("haproxy/" + s)
            if not a or not b:
                continue
            r = {"rps": div(a["rps"], b["rps"]), "p99": div(a["p99"], b["p99"]), "bytes": div(a["bytes_s"], b["bytes_s"]),
                 "cpu": div(a["cpu"], b["cpu"])}
            ratios[ours + "/" + s] = r
            lines.append("| %s/haproxy (%s) | %s | %s %s | %s %s | %s | %s |" % (
                ours, issue, sdesc, fmt(r["rps"], 2), mark(r["rps"], lambda x: x >= 1.2),
                fmt(r["p99"], 2), mark(r["p99"], lambda x: x <= 1.0), fmt(r["bytes"], 2), fmt(r["cpu"], 2)))
    json.dump({"medians": summary, "ratios": ratios}, open(os.path.join(results, "summary.json"), "w"), indent=1)
    print("\n".join(lines))


def div(a, b):
    return a / b if a is not None and b else None


def fmt(x, d):
    return "–" if x is None else ("{:,.%df}" % d).format(x).replace(",", " ")


def ms(x):
    return "–" if x is None else ("%.2f ms" % x if x < 100 else "%.0f ms" % x)


def mark(x, ok):
    return "" if x is None else ("(meets)" if ok(x) else "(misses)")


if __name__ == "__main__":
    if sys.argv[1] == "ttr":
        ttr(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[sys.argv.index("--") + 1:])
    elif sys.argv[1] == "ticks":
        print(ticks(sys.argv[2:]))
    elif sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
