#!/usr/bin/env bash
# Benchmarks the seed stack's chain on loopback and compares it with HAProxy and with nginx alone:
#   (a) ours:    wrk → NLB (TCP) → ALB (HTTPS, ELBSecurityPolicy-2016-08) → nginx :80-style HTTP
#   (b) haproxy: wrk → haproxy mode tcp → haproxy mode http + ssl crt → nginx
#   (c) nginx:   wrk → nginx over TLS directly
# Each path serves /small (~100 B) and /large (1 MiB). Runs as root; stops by itself (every step
# is under `timeout`), and kills only the processes it started. Usage: bench/run.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-8}
CONNS=${CONNS:-32}
THREADS=${THREADS:-1}   # event loop threads of our JVM; 1 wins on a 2-core box shared with wrk and nginx
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

NGINX_IP=127.0.2.50; NGINX_PORT=18080; NGINX_TLS_IP=127.0.2.51; NGINX_TLS_PORT=18443
HA_TCP=127.0.4.1:28443; HA_HTTP=127.0.4.2:28444
OUR_NLB=127.0.1.1:38443; OUR_ALB=127.0.1.11:38444

[ -f target/privatelink.jar ] || JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -q -B -o package -DskipTests

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
    listen $NGINX_IP:$NGINX_PORT;
    listen $NGINX_TLS_IP:$NGINX_TLS_PORT ssl;
    ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;
    location = /small { return 200 "hello from nginx, a small response of about one hundred bytes...........\n"; }
    location = /large { alias $WORK/large; }
    location = / { return 200 "ok\n"; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!)

# two haproxy processes of one thread each (L4 and L7), as our chain is two load balancers
cat > "$WORK/ha-tcp.cfg" <<CONF
global
  nbthread 1
  maxconn 4000
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
CONF
cat > "$WORK/ha-http.cfg" <<CONF
global
  nbthread 1
  maxconn 4000
defaults
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend alb
  mode http
  bind $HA_HTTP ssl crt $WORK/haproxy.pem ssl-min-ver TLSv1.0
  option http-keep-alive
  option forwardfor
  default_backend web
backend web
  mode http
  http-reuse always
  server web $NGINX_IP:$NGINX_PORT
CONF
haproxy -f "$WORK/ha-tcp.cfg" -db & PIDS+=($!)
haproxy -f "$WORK/ha-http.cfg" -db & PIDS+=($!)

TOTAL=$(( DUR * 14 + 60 ))
timeout "$TOTAL" "$JAVA" -Xms512m -Xmx512m -XX:+UseParallelGC -cp target/privatelink.jar \
  dev.privatelink.dataplane.elb.bench.BenchLoadBalancers "$OUR_NLB" "$OUR_ALB" "$NGINX_IP:$NGINX_PORT" \
  "$WORK/cert.pem" "$WORK/key.pem" "$TOTAL" "$THREADS" > "$WORK/logs/ours.log" 2>&1 & PIDS+=($!)

for i in $(seq 1 100); do
  curl -skf "https://$OUR_NLB/small" >/dev/null 2>&1 && curl -skf "https://$HA_TCP/small" >/dev/null 2>&1 \
    && curl -skf "https://$NGINX_TLS_IP:$NGINX_TLS_PORT/small" >/dev/null 2>&1 && break
  sleep 0.2
done

# wrk summary → "rps p50 p99 transfer"
run() { # name url extra-header...
  local out
  out=$(timeout $(( DUR + 20 )) wrk -t2 -c"$CONNS" -d"${DUR}s" --latency "$@" 2>&1 || true)
  local rps p50 p99 xfer
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  xfer=$(awk '/Transfer\/sec/ {print $2}' <<<"$out")
  echo "${rps:-0} ${p50:-?} ${p99:-?} ${xfer:-?}"
}
# latency "1.23ms" / "850.00us" / "1.02s" → milliseconds
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0} else if (v ~ /s$/) {sub(/s/,"",v); print v*1000} else print 0 }'; }

echo "warming up (JIT, TLS session setup)..."
run "https://$OUR_NLB/small" >/dev/null
run "https://$OUR_NLB/large" >/dev/null
run "https://$HA_TCP/small" >/dev/null

declare -A R
for path in ours haproxy nginx; do
  case $path in
    ours) base="https://$OUR_NLB" ;;
    haproxy) base="https://$HA_TCP" ;;
    nginx) base="https://$NGINX_TLS_IP:$NGINX_TLS_PORT" ;;
  esac
  R[$path,ka]=$(run "$base/small")
  R[$path,close]=$(run "$base/small" -H 'Connection: close')
  R[$path,large]=$(run "$base/large")
done

printf '\n%-8s %-22s %10s %9s %9s %12s\n' path scenario req/s p50 p99 transfer/s
for path in ours haproxy nginx; do
  for sc in ka close large; do
    read -r rps p50 p99 xfer <<<"${R[$path,$sc]}"
    name=$([ $sc = ka ] && echo "small keep-alive" || ([ $sc = close ] && echo "small Connection:close" || echo "1MiB keep-alive"))
    printf '%-8s %-22s %10s %9s %9s %12s\n' "$path" "$name" "$rps" "$p50" "$p99" "$xfer"
  done
done
echo
for sc in ka close large; do
  read -r r1 _ q1 _ <<<"${R[ours,$sc]}"
  read -r r2 _ q2 _ <<<"${R[haproxy,$sc]}"
  awk -v sc="$sc" -v r1="$r1" -v r2="$r2" -v q1="$(ms "$q1")" -v q2="$(ms "$q2")" \
    'BEGIN{ printf "ours/haproxy %-6s req/s %.2f  p99 %.2f\n", sc, (r2>0?r1/r2:0), (q2>0?q1/q2:0) }'
done
echo "our JVM: $(grep -m1 '^ready' "$WORK/logs/ours.log" || echo 'did not start')"
grep -E "^failed|Exception" "$WORK/logs/ours.log" | head -5 || true
