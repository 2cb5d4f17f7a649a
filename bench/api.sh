#!/usr/bin/env bash
# API calls/s and p50/p99 latency for a mixed workload, privatelink-local against moto's server,
# in one run on this machine, in interleaved rounds (ours, moto, moto, ours, ...).
# Usage: bench/api.sh [seconds per round] [client threads] [rounds]
# Env: JFR=file.jfr records a Java Flight Recording of the run (our server runs in this JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/setup | tail -1)"; export JAVA_HOME
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
JFR_OPTS=()
[ -n "${JFR:-}" ] && JFR_OPTS=("-XX:StartFlightRecording=filename=$JFR,settings=profile" "-XX:FlightRecorderOptions=stackdepth=256")
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${JFR_OPTS[@]}" \
  -Dseconds="${1:-10}" -Dthreads="${2:-4}" -Drounds="${3:-4}" \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" dev.privatelink.bench.ApiBenchmark
