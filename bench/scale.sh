#!/usr/bin/env bash
# How cost grows with the cloud, on this machine, in one run against a cloud with its data plane:
# N consumer VPCs with an interface endpoint each to one endpoint service (N = 1, 10, 50, 100), then
# 10, 100 and 200 instances in one VPC: time per unit (to available / first byte / running), host
# objects and RSS per unit, the API's calls/s and p99 at each size (ScaleBenchmark). Root only.
# The trap stops the cloud it started and removes whatever host object that cloud still owned.
# Usage: bench/scale.sh   Env: SKIP_BUILD=1 (the jar is built), PORT (45690), ENDPOINTS (1,10,50,100), INSTANCES (10,100,200), OUT (file)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-45690}
ENDPOINTS=${ENDPOINTS:-1,10,50,100}
INSTANCES=${INSTANCES:-10,100,200}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
[ "$(id -u)" = 0 ] || { echo "scale.sh needs root (namespaces)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/scale-bench.XXXXXX)
SERVER=""
OWNED=()
cleanup() {
  set +e
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null
    timeout 120 tail --pid="$SERVER" -f /dev/null || kill -9 "$SERVER" 2>/dev/null
  fi
  # What the server could not remove: only the namespaces it owned, by name.
  for ns in "${OWNED[@]:-}"; do
    [ -n "$ns" ] && ip netns list | grep -q "^$ns\b" || continue
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
    ip netns delete "$ns" 2>/dev/null && echo "removed leftover $ns" >&2
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

[ -n "${SKIP_BUILD:-}" ] || timeout 900 ./mvnw -q -B -o -DskipTests package >/dev/null 2>&1
CP="target/test-classes:target/privatelink.jar"

# The server as users run it: the launcher's JVM flags and AOT cache (the launcher execs the JVM,
# so $! is the server's own pid).
./privatelink serve --port "$PORT" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1200); do
  curl -sf "http://127.0.0.1:$PORT/_privatelink/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
set +e
timeout 3600 $JAVA -Dendpoints="$ENDPOINTS" -Dinstances="$INSTANCES" -cp "$CP" dev.privatelink.bench.ScaleBenchmark \
  "http://127.0.0.1:$PORT" "$SERVER" | tee "${OUT:-/dev/null}"
RC=${PIPESTATUS[0]}
set -e
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
mapfile -t OWNED < <(grep -l "^$SERVER " /run/privatelink-local/owners/* 2>/dev/null | xargs -r -n1 basename)
exit "$RC"
