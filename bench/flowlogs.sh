#!/usr/bin/env bash
# The cost of VPC Flow Logs on the PrivateLink chain, in one run: wrk from the seed's consumer
# instance through the interface endpoint (consumer → endpoint ENI → NLB → ALB (TLS) → nginx),
# rounds alternating flow logs off and on (one flow log on each of the two VPCs, TrafficType ALL,
# so both routers count every packet). Usage (root):
#   bench/flowlogs.sh        # env: DUR (s per wrk run, 8), ROUNDS (4 of each), CONNS (32),
#                            #      WRK_THREADS (2), PORT (45873), OUT
# Both sides run in the same cloud, interleaved (off, on, off, on …), with keep-alive and with
# Connection: close (a new 5-tuple per request: the set-insertion path). The trap stops the cloud
# (down --purge). Results: $OUT (raw wrk outputs, results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${DUR:-8} ROUNDS=${ROUNDS:-4} CONNS=${CONNS:-32} WRK_THREADS=${WRK_THREADS:-2} PORT=${PORT:-45873}
OUT=${OUT:-/tmp/privatelink-flowlogs-bench-$(date +%Y%m%d-%H%M%S)}
LIMIT=$(( ROUNDS * 2 * 2 * (DUR + 30) + 900 ))
if [ -z "${PL_BENCH_BOUNDED:-}" ]; then
  export PL_BENCH_BOUNDED=1 OUT
  exec timeout --foreground -s TERM -k 120 "$LIMIT" "$0" "$@"
fi
[ "$(id -u)" = 0 ] || { echo "bench/flowlogs.sh: run as root" >&2; exit 1; }
for c in wrk aws python3 curl nft timeout; do
  command -v "$c" >/dev/null || { echo "bench/flowlogs.sh: missing $c" >&2; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken; set PORT" >&2; exit 1; fi
JAVA_HOME="$(bin/setup | tail -1)"; export JAVA_HOME
[ -f target/privatelink.jar ] || ./mvnw -q -B -DskipTests package

D=$(mktemp -d /tmp/pl-bench-flowlogs.XXXXXX)
mkdir -p "$OUT/raw"
export AWS_ACCESS_KEY_ID=000000000000 AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
EP="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$OUT/log.txt" >&2; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if timeout 120 ./privatelink down --purge --data-dir "$D" >/dev/null 2>&1; then rm -rf "$D"
  else echo "warning: down failed; the cloud's data dir is kept: ./privatelink down --purge --data-dir $D" >&2; fi
  echo "results in $OUT" >&2
  exit $rc
}
trap cleanup EXIT INT TERM
awsq() { timeout 60 aws --endpoint-url "$EP" "$@"; }
inx() { local who=$1; shift; timeout 180 ./privatelink exec "$who" --data-dir "$D" -- "$@" </dev/null; }

{
  echo "date: $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) cores, $(uname -r), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git rev-parse --short HEAD) ($(git status --porcelain src/main | wc -l) uncommitted src/main files)"
  echo "settings: DUR=$DUR ROUNDS=$ROUNDS CONNS=$CONNS WRK_THREADS=$WRK_THREADS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

log "up --detach (the seed)"
timeout 600 ./privatelink up --detach --json --data-dir "$D" --port "$PORT" </dev/null > "$OUT/up.log" 2>&1
sed -n '/^{/,/^}/p' "$OUT/up.log" > "$D/outputs.json"
out() { python3 -c "import json,sys;o=json.load(open('$D/outputs.json'));print(eval(sys.argv[1]))" "$1"; }
URL=$(out "o['consumerEndpointDnsNames'][0]")/
CONSUMER=$(out "o['consumerInstanceId']")
VPCS=$(awsq ec2 describe-vpcs --filters Name=is-default,Values=false --query 'Vpcs[].VpcId' --output text)
log "consumer $CONSUMER, URL $URL, VPCs $VPCS"
inx "$CONSUMER" curl -sk -o /dev/null -w '%{http_code}\n' "$URL" | grep -q 200 || { log "the chain does not answer"; exit 1; }

tables() {  # how many of the VPC routers hold the flow counters
  local n=0 v
  for v in $VPCS; do ip netns exec "pl-$v" nft list table inet pl_flow >/dev/null 2>&1 && n=$((n + 1)); done
  echo $n
}
wait_tables() {  # wanted count
  local deadline=$(( $(date +%s) + 60 ))
  until [ "$(tables)" = "$1" ]; do
    [ "$(date +%s)" -lt $deadline ] || { log "the routers did not reach $1 flow tables"; exit 1; }
    sleep 0.5
  done
}
flow_logs_on() {
  # shellcheck disable=SC2086
  awsq ec2 create-flow-logs --resource-type VPC --resource-ids $VPCS --traffic-type ALL --log-group-name /bench/flows \
    --deliver-logs-permission-arn arn:aws:iam::000000000000:role/flow-logs --query 'FlowLogIds' --output text
}
wrk_run() {  # label scenario
  local dir="$D/instances/$CONSUMER/tmp/bench" hdr=""
  mkdir -p "$dir"
  [ "$2" = close ] && hdr="-H 'Connection: close'"
  echo "wrk -t$WRK_THREADS -c$CONNS -d${DUR}s --timeout 5s $hdr '$URL' > /tmp/bench/$1_$2.txt 2>&1" > "$dir/run.sh"
  inx "$CONSUMER" sh /tmp/bench/run.sh || log "wrk failed: $1 $2"
  cp "$dir/$1_$2.txt" "$OUT/raw/"
}

IDS=""
for r in $(seq 1 "$ROUNDS"); do
  for side in off on; do
    if [ "$side" = on ]; then IDS=$(flow_logs_on); wait_tables 2; else
      # shellcheck disable=SC2086
      [ -n "$IDS" ] && awsq ec2 delete-flow-logs --flow-log-ids $IDS >/dev/null
      IDS=""; wait_tables 0
    fi
    for s in keepalive close; do
      log "round $r, flow logs $side, $s"
      wrk_run "r${r}_${side}" "$s"
    done
  done
done
RECORDS=$(awsq logs filter-log-events --no-paginate --log-group-name /bench/flows --query 'length(events)' --output text 2>/dev/null || echo 0)
echo "records delivered to /bench/flows (first page): $RECORDS" >> "$OUT/machine.txt"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

python3 - "$OUT" <<'PY' | tee "$OUT/results.md"
import os, re, sys, statistics
out = sys.argv[1]
runs = {}
for name in sorted(os.listdir(os.path.join(out, "raw"))):
    m = re.match(r"r(\d+)_(off|on)_(keepalive|close)\.txt$", name)
    if not m:
        continue
    text = open(os.path.join(out, "raw", name)).read()
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    runs.setdefault((m.group(3), m.group(2)), []).append(
        (float(rps.group(1)) if rps else 0.0, int(non2xx.group(1)) if non2xx else 0))
print(open(os.path.join(out, "machine.txt")).read())
print("| scenario | flow logs off, req/s (median; runs) | flow logs on, req/s (median; runs) | on / off |")
print("| --- | --- | --- | --- |")
for s in ("keepalive", "close"):
    off = [r for r, _ in runs.get((s, "off"), [])]
    on = [r for r, _ in runs.get((s, "on"), [])]
    if not off or not on:
        continue
    mo, mn = statistics.median(off), statistics.median(on)
    bad = sum(n for _, n in runs[(s, "off")] + runs[(s, "on")])
    print(f"| {s} | {mo:.0f} ({', '.join(f'{x:.0f}' for x in off)}) | {mn:.0f} ({', '.join(f'{x:.0f}' for x in on)}) "
          f"| {mn / mo:.2f} |" + (f" non-2xx: {bad}" if bad else ""))
PY
