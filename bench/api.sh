#!/usr/bin/env bash
# API calls/s and p50/p99 latency for a mixed workload, privatelink-local against moto's server,
# in one run on this machine, in interleaved rounds (ours, moto, moto, ours, ...). Each server runs
# in its own process pinned to one CPU, the load generator (this script's JVM) to the other, so the
# client never takes the server's CPU.
# Usage: bench/api.sh [seconds per round] [client threads] [rounds]
# Env: HTTP=urlconnection makes the SDK use the JDK's HTTP client instead of its default (apache5);
# JFR=file.jfr records a Java Flight Recording of our server; CLIENT_CPUS / SERVER_CPUS (default 0 / 1);
# WARMUP seconds per server before the rounds (default 30: the JIT on one core takes that long), then
# 5 s slices until the server's CPU per call settles, at most WARMUP_MORE seconds more (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/setup | tail -1)"; export JAVA_HOME
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
client="${CLIENT_CPUS:-0}"
exec taskset -c "$client" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Dseconds="${1:-10}" -Dthreads="${2:-4}" -Drounds="${3:-4}" -DclientCpus="$client" -DserverCpus="${SERVER_CPUS:-1}" \
  -DwarmupSeconds="${WARMUP:-30}" -DwarmupMoreSeconds="${WARMUP_MORE:-60}" -Djfr="${JFR:-}" -Dhttp="${HTTP:-apache5}" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" dev.privatelink.bench.ApiBenchmark
