#!/usr/bin/env bash
# What a listener's TLS context costs to build with each in-memory key store: Netty's default
# (PKCS12, whose entries are protected by PBKDF2) and JKS, which the load balancers use. First a
# JVM's first context (what a new load balancer pays; OpenSSL already loaded), in fresh JVMs that
# alternate the stores, then warm contexts in one JVM, interleaved; medians and ratios.
# Usage: bench/tls-context.sh [warm rounds, default 20] [fresh JVMs per store, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/setup | tail -1)"; export JAVA_HOME
timeout 600 ./mvnw -q -B -o -DskipTests package >/dev/null
run() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/privatelink.jar" \
  dev.privatelink.bench.TlsContextBenchmark "$@"; }
pk=(); jk=()
for _ in $(seq "${2:-5}"); do pk+=("$(run first PKCS12)"); jk+=("$(run first JKS)"); done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
p="$(median "${pk[@]}")" j="$(median "${jk[@]}")"
echo "| a JVM's first context | PKCS12: ${pk[*]} | JKS: ${jk[*]} |"
echo "| --- | --- | --- |"
echo "| median ms | $p | $j |"
awk -v p="$p" -v j="$j" 'BEGIN {printf "| PKCS12 / JKS | %.2fx | |\n\n", p / j}'
run "${1:-20}"
