#!/usr/bin/env bash
# API calls/s and p50/p99 latency for a mixed workload, privatelink-local against moto's server,
# in one run on this machine. Usage: bench/api.sh [seconds] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/setup)"; export JAVA_HOME
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dseconds="${1:-15}" -Dthreads="${2:-4}" \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" dev.privatelink.bench.ApiBenchmark
