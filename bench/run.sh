#!/usr/bin/env bash
# Benchmarks the seed stack's chain on loopback and compares it with HAProxy and with nginx alone:
#   (a) ours:    wrk → NLB (TCP) → ALB (HTTPS, ELBSecurityPolicy-2016-08) → nginx :80-style HTTP
#   (b) haproxy: wrk → haproxy mode tcp → haproxy mode http + ssl crt → nginx (one process, both hops)
#   (c) nginx:   wrk → nginx over TLS directly
#   (d) base:    optional, a second build of ours (BASE_JAR) on other addresses, to compare two builds
#                under the same noise
# Each path serves /small (~75 B) and /large (1 MiB) from one nginx worker. Runs as root; stops by
# itself (every step is under `timeout`), and kills only the processes it started.
# Usage: bench/run.sh [seconds-per-run]
# Env: ROUNDS (3) measured rounds per scenario, interleaved across paths, medians reported;
#      SCENARIOS ("ka close large"); WARM (5) seconds of warm-up per path and scenario, WARM_CLOSE
#      (3 × WARM) for Connection: close; CONNS (32); THREADS (1) event loop threads
#      of our JVM = nbthread of haproxy; PATHS ("ours haproxy nginx"); JAR, BASE_JAR; JVM_OPTS, BASE_JVM_OPTS;
#      TEST_CLASSES, BASE_TEST_CLASSES: where the bench main lives (test scope, not in the jar).
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-8}
ROUNDS=${ROUNDS:-3}
WARM=${WARM:-5}
# per-connection code (accept, handshake, pipeline set-up) runs once per connection, not per request:
# the JVM needs ~10k connections before C2 has compiled it, so Connection: close warms up longer
WARM_CLOSE=${WARM_CLOSE:-$(( WARM * 3 ))}
CONNS=${CONNS:-32}
THREADS=${THREADS:-1}
PATHS=${PATHS:-ours haproxy nginx}
JAR=${JAR:-target/privatelink.jar}
BASE_JAR=${BASE_JAR:-}
# The bench main is test code (it is not shipped): it runs from the test classes, beside the jar.
TEST_CLASSES=${TEST_CLASSES:-target/test-classes}
BASE_TEST_CLASSES=${BASE_TEST_CLASSES:-$(dirname "${BASE_JAR:-.}")/test-classes}
BENCH_MAIN=dev.privatelink.bench.BenchLoadBalancers
# Netty 4.2 leaves sun.misc.Unsafe alone on Java 25 unless told: without it every direct-buffer access
# goes through ByteBuffer bounds checks and new memory through FFM with zeroing. These are the flags
# a data plane JVM should run with (the product launcher should pass them too).
JVM_OPTS=${JVM_OPTS--XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false}
BASE_JVM_OPTS=${BASE_JVM_OPTS-$JVM_OPTS}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=$(mktemp -d /tmp/pl-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
[ -n "$BASE_JAR" ] && [[ " $PATHS " != *" base "* ]] && PATHS="$PATHS base"

NGINX_IP=127.0.2.50; NGINX_PORT=18080; NGINX_TLS_IP=127.0.2.51; NGINX_TLS_PORT=18443
HA_TCP=127.0.4.1:28443; HA_HTTP=127.0.4.2:28444
OUR_NLB=127.0.1.1:38443; OUR_ALB=127.0.1.11:38444
BASE_NLB=127.0.5.1:48443; BASE_ALB=127.0.5.11:48444

# -DskipTests still compiles the tests, so this builds the bench main too.
[ -f "$JAR" ] && [ -f "$TEST_CLASSES/${BENCH_MAIN//.//}.class" ] \
  || JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -q -B -o package -DskipTests

# the same certificate and key for every path, so every handshake does the same RSA-2048 work, and
# the same TLS versions and cipher suites: those of ELBSecurityPolicy-2016-08, which our ALB listener
# uses (TLS 1.0-1.2; left alone, haproxy and nginx would negotiate TLS 1.3 with AES-256)
POLICY_CIPHERS="ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:AES128-GCM-SHA256:AES128-SHA256:AES128-SHA:AES256-GCM-SHA384:AES256-SHA256:AES256-SHA"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bench.local/O=ACME Demos" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
cat "$WORK/cert.pem" "$WORK/key.pem" > "$WORK/haproxy.pem"
head -c 1048576 /dev/urandom > "$WORK/large"
mkdir -p "$WORK/logs"

cat > "$WORK/nginx.conf" <<CONF
user root;
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  server {
    listen $NGINX_IP:$NGINX_PORT backlog=4096;
    listen $NGINX_TLS_IP:$NGINX_TLS_PORT ssl backlog=4096;
    ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2; ssl_ciphers $POLICY_CIPHERS; ssl_prefer_server_ciphers on;
    location = /small { return 200 "hello from nginx, a small response of about one hundred bytes...........\n"; }
    location = /large { alias $WORK/large; }
    location = / { return 200 "ok\n"; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!)

# one haproxy process with as many threads as our JVM has event loops, running both hops (L4, L7)
cat > "$WORK/haproxy.cfg" <<CONF
global
  nbthread $THREADS
  maxconn 8000
defaults
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend nlb
  mode tcp
  bind $HA_TCP
  default_backend alb
backend alb
  mode tcp
  server alb $HA_HTTP
frontend alb
  mode http
  bind $HA_HTTP ssl crt $WORK/haproxy.pem ssl-min-ver TLSv1.0 ssl-max-ver TLSv1.2 ciphers $POLICY_CIPHERS
  option http-keep-alive
  option forwardfor
  default_backend web
backend web
  mode http
  http-reuse always
  server web $NGINX_IP:$NGINX_PORT
CONF
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/logs/haproxy.log" 2>&1 & PIDS+=($!)

declare -A LBPID   # the process whose CPU time a path's load balancing costs
LBPID[haproxy]=${PIDS[-1]}
# A jar built before the bench main left the main jar still carries it, under its old name.
bench_main() { # jar
  if unzip -l "$1" 2>/dev/null | grep -q 'dev/privatelink/dataplane/elb/bench/BenchLoadBalancers.class'; then
    echo dev.privatelink.dataplane.elb.bench.BenchLoadBalancers
  else
    echo "$BENCH_MAIN"
  fi
}
start_ours() { # path jar nlb alb log jvm-options test-classes
  # shellcheck disable=SC2086
  timeout 3600 "$JAVA" -Xms512m -Xmx512m $6 -cp "$7:$2" \
    "$(bench_main "$2")" "$3" "$4" "$NGINX_IP:$NGINX_PORT" \
    "$WORK/cert.pem" "$WORK/key.pem" 3600 "$THREADS" > "$5" 2>&1 & PIDS+=($!)
  LBPID[$1]=$!
}
[[ " $PATHS " == *" ours "* ]] && start_ours ours "$JAR" "$OUR_NLB" "$OUR_ALB" "$WORK/logs/ours.log" "$JVM_OPTS" "$TEST_CLASSES"
[[ " $PATHS " == *" base "* ]] && start_ours base "$BASE_JAR" "$BASE_NLB" "$BASE_ALB" "$WORK/logs/base.log" "$BASE_JVM_OPTS" "$BASE_TEST_CLASSES"

base_of() {
  case $1 in
    ours) echo "https://$OUR_NLB" ;;
    base) echo "https://$BASE_NLB" ;;
    haproxy) echo "https://$HA_TCP" ;;
    nginx) echo "https://$NGINX_TLS_IP:$NGINX_TLS_PORT" ;;
  esac
}
for path in $PATHS; do
  for i in $(seq 1 150); do curl -skf "$(base_of "$path")/small" >/dev/null 2>&1 && break; sleep 0.2; done
done
for path in ours base; do  # timeout's child is the JVM
  [ -n "${LBPID[$path]:-}" ] && LBPID[$path]=$(pgrep -P "${LBPID[$path]}" | head -1)
done
LBPID[nginx]=$(pgrep -P "${PIDS[0]}" | head -1)   # the worker
for path in $PATHS; do
  hp=$(base_of "$path"); hp=${hp#https://}
  echo "$path negotiates: $(echo | timeout 5 openssl s_client -connect "$hp" 2>/dev/null | grep -m1 -E '^New,' || echo '?')"
done
# CPU time (clock ticks, usually 1/100 s) a process has used so far
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK)

# wrk summary → "rps p50 p99 MB/s cpu-µs-per-request" (the last: of the path's load balancer process)
run() { # path seconds url extra-header...
  local pid=${LBPID[$1]}; shift
  local d=$1; shift
  local out rps p50 p99 xfer n c0 c1
  local a=("${@//%20/ }")   # args_of spells a header's space as %20 so that word splitting keeps it whole
  c0=$(ticks "$pid")
  out=$(timeout $(( d + 20 )) wrk -t2 -c"$CONNS" -d"${d}s" --latency "${a[@]}" 2>&1 || true)
  c1=$(ticks "$pid")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  xfer=$(awk '/Transfer\/sec/ {print $2}' <<<"$out")
  echo "${rps:-0} $(ms "${p50:-0}") $(ms "${p99:-0}") $(mb "${xfer:-0}") $(awk -v c=$((c1 - c0)) -v hz="$HZ" -v n="${n:-0}" 'BEGIN{ print (n>0 ? c*1e6/hz/n : 0) }')"
}
# latency "1.23ms" / "850.00us" / "1.02s" → milliseconds
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0} else if (v ~ /s$/) {sub(/s/,"",v); print v*1000} else print 0 }'; }
# transfer "2.40MB" / "96.00KB" / "1.02GB" → MB
mb() { awk -v v="$1" 'BEGIN{ if (v ~ /GB$/) {sub(/GB/,"",v); print v*1024} else if (v ~ /MB$/) {sub(/MB/,"",v); print v+0} else if (v ~ /KB$/) {sub(/KB/,"",v); print v/1024} else {sub(/B$/,"",v); print v/1048576} }'; }
args_of() { # scenario path
  case $1 in
    ka) echo "$(base_of "$2")/small" ;;
    close) echo "$(base_of "$2")/small -H Connection:%20close" ;;
    large) echo "$(base_of "$2")/large" ;;
  esac
}
median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) print 0; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }

SCENARIOS=${SCENARIOS:-ka close large}
echo "warming up every path and scenario for ${WARM}s, ${WARM_CLOSE}s with Connection: close (JIT)..."
for sc in $SCENARIOS; do for path in $PATHS; do
  # shellcheck disable=SC2046
  run "$path" "$([ "$sc" = close ] && echo "$WARM_CLOSE" || echo "$WARM")" $(args_of "$sc" "$path") >/dev/null
done; done

declare -A R
for r in $(seq 1 "$ROUNDS"); do
  for sc in $SCENARIOS; do
    for path in $PATHS; do
      # shellcheck disable=SC2046
      R[$path,$sc,$r]=$(run "$path" "$DUR" $(args_of "$sc" "$path"))
      echo "round $r $path $sc: ${R[$path,$sc,$r]}"
    done
  done
done

declare -A M
printf '\nmedians of %s rounds of %ss, %s connections, %s thread(s):\n' "$ROUNDS" "$DUR" "$CONNS" "$THREADS"
printf '%-8s %-22s %10s %9s %9s %10s %12s\n' path scenario req/s p50ms p99ms MB/s cpu-us/req
for path in $PATHS; do
  for sc in $SCENARIOS; do
    for col in 1 2 3 4 5; do
      M[$path,$sc,$col]=$(for r in $(seq 1 "$ROUNDS"); do awk -v c=$col '{print $c}' <<<"${R[$path,$sc,$r]}"; done | median)
    done
    name=$([ $sc = ka ] && echo "small keep-alive" || ([ $sc = close ] && echo "small Connection:close" || echo "1MiB keep-alive"))
    printf '%-8s %-22s %10.0f %9.2f %9.2f %10.2f %12.1f\n' "$path" "$name" "${M[$path,$sc,1]}" "${M[$path,$sc,2]}" "${M[$path,$sc,3]}" "${M[$path,$sc,4]}" "${M[$path,$sc,5]}"
  done
done
echo
if [[ " $PATHS " == *" haproxy "* ]]; then
  for path in ours base; do
    [[ " $PATHS " == *" $path "* ]] || continue
    for sc in $SCENARIOS; do
      awk -v p="$path" -v sc="$sc" -v r1="${M[$path,$sc,1]}" -v r2="${M[haproxy,$sc,1]}" -v q1="${M[$path,$sc,3]}" \
        -v q2="${M[haproxy,$sc,3]}" -v x1="${M[$path,$sc,4]}" -v x2="${M[haproxy,$sc,4]}" \
        -v u1="${M[$path,$sc,5]}" -v u2="${M[haproxy,$sc,5]}" \
        'BEGIN{ printf "%s/haproxy %-6s req/s %.2f  p99 %.2f  MB/s %.2f  cpu/req %.2f\n", p, sc, (r2>0?r1/r2:0), (q2>0?q1/q2:0), (x2>0?x1/x2:0), (u2>0?u1/u2:0) }'
    done
  done
fi
for path in ours base; do
  [[ " $PATHS " == *" $path "* ]] || continue
  echo "$path JVM: $(grep -m1 '^ready' "$WORK/logs/$path.log" || echo 'did not start')"
  grep -E "^failed|Exception" "$WORK/logs/$path.log" | head -5 || true
done
