#!/usr/bin/env python3
"""Time to ready: `up --detach` on a fresh data dir until the consumer's curl through the endpoint
shows nginx's page, for each side (interleaved, so load from other work hits every side alike).
Usage: up_bench.py RUNS SIDE=LAUNCHER[,ENV=VALUE...] ...  Prints each run, the medians, the
ratios to the first side, and where the time went (median of each phase)."""
import json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

PAGE = "Welcome to nginx!"
CONSUMER = "PrivateLink Demo Consumer"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def side(arg):
    name, rest = arg.split("=", 1)
    launcher, *env = rest.split(",")
    return name, launcher, dict(e.split("=", 1) for e in env)


def timed_lines(stream, t0, into):
    for line in stream:
        into.append((time.monotonic() - t0, line.rstrip("\n")))


def first(lines, pred, default=None):
    return next((t for t, l in lines if pred(l)), default)


def last(lines, pred, default=None):
    found = [t for t, l in lines if pred(l)]
    return found[-1] if found else default


def phases(lines, up_end, page):
    """Seconds per phase, from the times up printed its lines (its progress goes to stderr with --json)."""
    started = first(lines, lambda l: l.startswith("Cloud started"))
    vpc = first(lines, lambda l: l.startswith("  + aws_vpc.") or l.startswith("  = aws_vpc."))
    resources = last(lines, lambda l: l[:4] in ("  + ", "  = ", "  ~ "))
    waits = last(lines, lambda l: l.startswith("  ready: ") and "consumer's curl" not in l, resources)
    check = first(lines, lambda l: "ready: the consumer's curl" in l, waits)
    if None in (started, vpc, resources):
        return {}
    return {"server start": started, "to the first VPC": vpc - started, "resources (API calls)": resources - vpc,
            "readiness waits": waits - resources, "up's consumer check": check - waits,
            "up's exit": up_end - check, "exec curl": page - up_end}


def run_once(name, launcher, env, log):
    work = tempfile.mkdtemp(prefix="pl-up-bench-")
    data = os.path.join(work, "data")
    environ = dict(os.environ, **env)
    try:
        t0 = time.monotonic()
        p = subprocess.Popen([launcher, "up", "--detach", "--json", "--data-dir", data, "--port", str(free_port())],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ)
        lines = []
        reader = threading.Thread(target=timed_lines, args=(p.stderr, t0, lines))
        reader.start()
        out = p.stdout.read()
        p.wait(timeout=600)
        reader.join()
        up_end = time.monotonic() - t0
        if p.returncode != 0:
            raise RuntimeError(f"{name}: up failed:\n" + "\n".join(l for _, l in lines[-20:]))
        url = json.loads(out)["consumerEndpointDnsNames"][0]
        deadline = time.monotonic() + 120
        while True:
            r = subprocess.run([launcher, "exec", "--data-dir", data, CONSUMER, "--", "curl", "-sk", url],
                               capture_output=True, text=True, env=environ, timeout=120)
            if PAGE in r.stdout:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name}: the consumer's curl never showed the page: {r.stdout} {r.stderr}")
        page = time.monotonic() - t0
        log.write(f"## {name}\n" + "\n".join(f"{t:7.2f} {l}" for t, l in lines) + f"\n{page:7.2f} page shown\n")
        return page, phases(lines, up_end, page)
    finally:
        subprocess.run([launcher, "down", "--purge", "--data-dir", data], capture_output=True, env=environ, timeout=300)
        shutil.rmtree(work, ignore_errors=True)


def main():
    runs = int(sys.argv[1])
    sides = [side(a) for a in sys.argv[2:]]
    results = {name: [] for name, _, _ in sides}
    log_path = os.environ.get("LOG", "/tmp/privatelink-up-bench.log")
    with open(log_path, "w") as log:
        for i in range(runs):
            for name, launcher, env in sides:
                page, ph = run_once(name, launcher, env, log)
                results[name].append((page, ph))
                print(f"run {i + 1} {name:<24} {page:6.2f} s   load {os.getloadavg()[0]:.1f}", flush=True)
    base = statistics.median(p for p, _ in results[sides[0][0]])
    print("\n| side | runs (s) | median (s) | vs " + sides[0][0] + " |\n| --- | --- | ---: | ---: |")
    for name, _, _ in sides:
        pages = [p for p, _ in results[name]]
        med = statistics.median(pages)
        print(f"| {name} | {', '.join(f'{p:.1f}' for p in pages)} | {med:.1f} | {base / med:.2f}x |")
    print("\nWhere the time goes (median seconds of each phase):\n")
    names = [n for n, _, _ in sides]
    print("| phase | " + " | ".join(names) + " |\n| --- |" + " ---: |" * len(names))
    keys = next((ph.keys() for _, ph in results[names[-1]] if ph), [])
    for k in keys:
        cells = [statistics.median(ph[k] for _, ph in results[n] if k in ph) if any(k in ph for _, ph in results[n]) else float("nan") for n in names]
        print(f"| {k} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    print(f"\n(each run's lines with their times: {log_path})")


if __name__ == "__main__":
    main()
