#!/usr/bin/env bash
# The VPC fabric on this machine, in one run:
#   (a) RunInstances → running, through the AWS SDK against a cloud with its data plane (N instances,
#       launched one after the other, p50 and max);
#   (b) throughput (iperf3) and round-trip latency (ping) between two instances in two subnets of
#       one VPC, through the VPC's router namespace with its security-group nftables ruleset, next
#       to the same measurements over a bare veth pair between two namespaces this script makes (the
#       physical limit of this host).
# Prints a Markdown table with the ratios. Root only. Every step runs under `timeout`; the trap stops
# the cloud it started, deletes the namespaces it made (and only those) and its temp directory.
# The cloud's data plane reaps every pl-* namespace when it starts: run no other cloud meanwhile.
# Usage: bench/fabric.sh [iperf-seconds] [instances]   Env: PORT (45660), PINGS (200)
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-5}
COUNT=${2:-10}
PORT=${PORT:-45660}
PINGS=${PINGS:-200}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
[ "$(id -u)" = 0 ] || { echo "fabric.sh needs root (namespaces)" >&2; exit 1; }
command -v iperf3 >/dev/null || timeout 300 apt-get install -y -q iperf3 >/dev/null
command -v ping >/dev/null || timeout 300 apt-get install -y -q iputils-ping >/dev/null

if ip netns list | grep -q '^pl-'; then
  echo "another cloud's pl- namespaces exist; our data plane would reap them, so not starting:" >&2
  ip netns list | grep '^pl-' >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/fabric-bench.XXXXXX)
DIRECT_A=fbench-a-$$; DIRECT_B=fbench-b-$$   # not pl-: a cloud's reaper must not take them
SERVER=""
CLOUD_NS=()
cleanup() {
  set +e
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null
    timeout 30 tail --pid="$SERVER" -f /dev/null || kill -9 "$SERVER" 2>/dev/null
  fi
  # What a killed server could not remove: only the namespaces of this run, by name.
  for ns in "${CLOUD_NS[@]:-}" "$DIRECT_A" "$DIRECT_B"; do
    [ -n "$ns" ] || continue
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
    ip netns delete "$ns" 2>/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# The shaded jar carries every runtime dependency the benchmark's main needs (the SDK included).
timeout 600 ./mvnw -q -B -o -DskipTests package >/dev/null 2>&1
CP="target/test-classes:target/privatelink.jar"

# --- the cloud and its instances ---------------------------------------------------------------
$JAVA -XX:+UseSerialGC -cp "$CP" dev.privatelink.cli.Main serve --port "$PORT" --data-dir "$WORK/data" \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$PORT/_privatelink/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
timeout 300 $JAVA -cp "$CP" dev.privatelink.bench.FabricBenchmark "http://127.0.0.1:$PORT" "$COUNT" | tee "$WORK/launch.txt" >&2
VPC=$(awk '$1=="VPC"{print $2}' "$WORK/launch.txt")
mapfile -t INSTANCES < <(awk '$1=="INSTANCE"{print $2" "$3}' "$WORK/launch.txt")
CLOUD_NS=("pl-$VPC")
for line in "${INSTANCES[@]}"; do CLOUD_NS+=("pl-${line%% *}"); done
read -r LAUNCH_P50 LAUNCH_MAX < <(awk '$1=="LAUNCH_MS"{print $2" "$3}' "$WORK/launch.txt")
read -r INST_A IP_A <<<"${INSTANCES[0]}"   # subnet 10.20.1.0/24
read -r INST_B IP_B <<<"${INSTANCES[1]}"   # subnet 10.20.2.0/24
ip netns exec "pl-$VPC" nft list tables | grep -q pl_sg || { echo "the VPC router has no security-group ruleset" >&2; exit 1; }

# --- the direct veth pair ----------------------------------------------------------------------
ip netns add "$DIRECT_A"; ip netns add "$DIRECT_B"
ip -n "$DIRECT_A" link add eth0 type veth peer name eth0 netns "$DIRECT_B"
ip -n "$DIRECT_A" addr add 192.168.251.1/30 dev eth0; ip -n "$DIRECT_B" addr add 192.168.251.2/30 dev eth0
for ns in "$DIRECT_A" "$DIRECT_B"; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done

# --- measurements ------------------------------------------------------------------------------
# iperf3 from client namespace $1 to server namespace $2 at $3: received Gbit/s.
throughput() {
  timeout $((DUR + 15)) ip netns exec "$2" iperf3 -s -1 -p 5201 >/dev/null 2>&1 &
  local srv=$!
  sleep 0.5
  timeout $((DUR + 10)) ip netns exec "$1" iperf3 -c "$3" -p 5201 -t "$DUR" -J >"$WORK/iperf.json"
  wait "$srv" || true
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"]/1e9))' "$WORK/iperf.json"
}
# ping from namespace $1 to $2: "p50 p99" of the round trips in ms.
latency() {
  timeout 60 ip netns exec "$1" ping -n -c "$PINGS" -i 0.01 "$2" \
    | sed -n 's/.*time=\([0-9.]*\) ms/\1/p' | sort -g \
    | awk '{v[NR]=$1} END {if (NR == 0) exit 1; i = int(NR*0.99); if (i < 1) i = 1; printf "%.3f %.3f\n", v[int((NR+1)/2)], v[i]}'
}

latency "pl-$INST_A" "$IP_B" >/dev/null   # warms ARP and the conntrack entry on both paths
latency "$DIRECT_A" 192.168.251.2 >/dev/null
VETH_BPS=$(throughput "$DIRECT_A" "$DIRECT_B" 192.168.251.2)
VPC_BPS=$(throughput "pl-$INST_A" "pl-$INST_B" "$IP_B")
read -r VETH_P50 VETH_P99 < <(latency "$DIRECT_A" 192.168.251.2)
read -r VPC_P50 VPC_P99 < <(latency "pl-$INST_A" "$IP_B")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b == 0 ? 0 : a / b)}'; }
cat <<TABLE

RunInstances → running ($COUNT instances, one after the other, no user data): p50 ${LAUNCH_P50} ms, max ${LAUNCH_MAX} ms

| path | iperf3 Gbit/s (${DUR} s, 1 stream) | ping p50 ms | ping p99 ms |
| --- | ---: | ---: | ---: |
| direct veth pair (physical limit) | $VETH_BPS | $VETH_P50 | $VETH_P99 |
| instance → VPC router (nftables) → instance, two subnets | $VPC_BPS | $VPC_P50 | $VPC_P99 |
| VPC / direct | $(ratio "$VPC_BPS" "$VETH_BPS") | $(ratio "$VPC_P50" "$VETH_P50") | $(ratio "$VPC_P99" "$VETH_P99") |
TABLE
