#!/usr/bin/env bash
# The store's benchmarks, each a comparison within one run:
#  1. mutations/s through the SDK with 1, 4 and 16 writers in different accounts, one fsync per
#     mutation under the writer lock (the path before group commit) against group commit;
#  2. start time and RSS after 1k, 10k and 100k journaled mutations, main's jar (whole journal
#     replayed) against this branch's (snapshot + tail).
# Usage: bench/store.sh [seconds per writer round] [base ref for the "before" jar, default main]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/setup)"; export JAVA_HOME
base="${2:-main}"
./mvnw -q -B -DskipTests package >/dev/null
before="$(mktemp -d)"
git archive "$base" | tar -x -C "$before"
(cd "$before" && ./mvnw -q -B -o -DskipTests package >/dev/null)
# The shaded jar holds the main classes and every dependency; the benchmarks are test classes.
cp="target/test-classes:target/privatelink.jar"
echo "## writers (group commit)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dseconds="${1:-5}" -cp "$cp" dev.privatelink.bench.StoreBenchmark
echo "## start time and RSS ($base vs $(git rev-parse --short HEAD))"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.privatelink.bench.StartBenchmark \
  "$before/target/privatelink.jar" target/privatelink.jar
rm -rf "$before"
