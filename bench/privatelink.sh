#!/usr/bin/env bash
# The seed's data plane under load, in the cloud's own namespaces, against HAProxy and nginx, plus
# time to ready and the API benchmark, in one run. Usage (root):
#   bench/privatelink.sh            # env: DUR (s per wrk run, 8), ROUNDS (3), WARM (s per warm-up run, 3),
#                                   #      CONNS (32), WRK_THREADS (2), TTR_RUNS (3), PORT (45871), OUT,
#                                   #      HAPROXY_THREADS (nproc: HAProxy's own default), JFR (0; 1 records
#                                   #      the server during round 1 into $OUT/server.jfr), API (1; 0 skips step 4)
# Steps (see docs/benchmarks.md for what each measures and why):
#   1. time to ready: TTR_RUNS fresh `up --detach` (down --purge between); the last cloud stays up
#   2. launches bench-client, bench-haproxy-l4 and bench-haproxy-l7 (t3.micro, service VPC) through
#      the API, starts HAProxy in them and a second nginx in the service instance (/tmp only), adds a
#      bulk target group (port 8081) and a /big* rule to the seed's ALB listener
#   3. a warm-up round, then ROUNDS interleaved rounds of wrk inside the instances (paths rotated)
#   4. down --purge, then bench/api.sh 10 4
# Everything it makes lives in its data dirs and its instances' private /tmp; the trap kills the
# processes it started (by pid) and runs `privatelink down --purge`. Results: $OUT (raw wrk outputs,
# results.md, summary.json).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DUR=${DUR:-8} ROUNDS=${ROUNDS:-3} WARM=${WARM:-3} CONNS=${CONNS:-32} WRK_THREADS=${WRK_THREADS:-2}
TTR_RUNS=${TTR_RUNS:-3} PORT=${PORT:-45871} HAPROXY_THREADS=${HAPROXY_THREADS:-$(nproc)} JFR=${JFR:-0} API=${API:-1}
OUT=${OUT:-/tmp/privatelink-bench-$(date +%Y%m%d-%H%M%S)}
# the whole run is bounded: rounds × 5 paths × 3 scenarios, plus setup, time to ready and the API bench
LIMIT=$(( (ROUNDS * DUR + WARM) * 15 + ROUNDS * 60 + TTR_RUNS * 120 + 600 ))
if [ -z "${PL_BENCH_BOUNDED:-}" ]; then
  export PL_BENCH_BOUNDED=1 OUT
  exec timeout --foreground -s TERM -k 180 "$LIMIT" "$0" "$@"
fi

[ "$(id -u)" = 0 ] || { echo "bench/privatelink.sh: run as root (the data plane makes namespaces)" >&2; exit 1; }
for c in wrk haproxy nginx openssl curl aws python3 nsenter timeout; do
  command -v "$c" >/dev/null || { echo "bench/privatelink.sh: missing $c (apt-get install wrk haproxy nginx …)" >&2; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken; set PORT" >&2; exit 1; fi
JAVA_HOME="$(bin/setup)"; export JAVA_HOME
[ -f target/privatelink.jar ] || ./mvnw -q -B -DskipTests package

WORK=$(mktemp -d /tmp/pl-bench-namespaces.XXXXXX)
mkdir -p "$OUT/raw"
D=""            # the data dir of the cloud currently up (empty: none)
UP_PID=""       # a background `up` being timed
export AWS_ACCESS_KEY_ID=000000000000 AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
EP="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$OUT/log.txt" >&2; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$UP_PID" ] && kill "$UP_PID" 2>/dev/null || true
  if [ -n "$D" ]; then
    # the processes we started inside instances (their pid files are in the instances' private /tmp)
    for f in "$D"/instances/*/tmp/bench/*.pid; do
      [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
    done
    timeout 120 ./privatelink down --purge --data-dir "$D" >/dev/null 2>&1 || echo "warning: down failed for $D" >&2
  fi
  rm -rf "$WORK"
  echo "results in $OUT" >&2
  exit $rc
}
trap cleanup EXIT INT TERM

pl() { timeout 300 ./privatelink "$@" </dev/null; }
inx() { local who=$1; shift; timeout 180 ./privatelink exec "$who" --data-dir "$D" -- "$@" </dev/null; }
awsq() { timeout 60 aws --endpoint-url "$EP" "$@"; }

{
  echo "date: $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) cores, $(uname -r), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git rev-parse --short HEAD) ($(git status --porcelain src/main | wc -l) uncommitted src/main files)"
  echo "wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2), $(haproxy -v | head -1 | cut -d' ' -f1-3), $(nginx -v 2>&1 | cut -d' ' -f3)"
  echo "settings: DUR=$DUR ROUNDS=$ROUNDS WARM=$WARM CONNS=$CONNS WRK_THREADS=$WRK_THREADS TTR_RUNS=$TTR_RUNS HAPROXY_THREADS=$HAPROXY_THREADS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- 1. time to ready
: > "$OUT/ttr.jsonl"
for i in $(seq 1 "$TTR_RUNS"); do
  if [ -n "$D" ]; then pl down --purge --data-dir "$D" >/dev/null 2>&1; fi
  D="$WORK/cloud$i"
  log "time to ready, run $i: up --detach on a fresh $D"
  python3 bench/privatelink_lib.py ttr "$EP" "$D" "$OUT/up$i.log" -- \
    ./privatelink up --detach --json --data-dir "$D" --port "$PORT" | tee -a "$OUT/ttr.jsonl" >&2
  grep -q '"consumerInstanceId"' "$OUT/up$i.log" || { log "up failed, see $OUT/up$i.log"; exit 1; }
done
sed -n '/^{/,/^}/p' "$OUT/up$TTR_RUNS.log" > "$WORK/outputs.json"
out() { python3 -c "import json,sys;o=json.load(open('$WORK/outputs.json'));print(eval(sys.argv[1]))" "$1"; }
URL_PL=$(out "o['consumerEndpointDnsNames'][0]")
NLB=$(out "o['nlbDnsName']")
SVC=$(out "o['serviceInstanceId']")
CONSUMER=$(out "o['consumerInstanceId']")
itmp() { echo "$D/instances/$1/tmp"; }   # an instance's private /tmp, as the host sees it (inside our data dir)

# ---------------------------------------------------------------- 2. the bench instances and HAProxy
log "launching bench-client, bench-haproxy-l4, bench-haproxy-l7 in the service VPC"
read -r IMAGE SUBNET SG SVC_IP VPC < <(awsq ec2 describe-instances --instance-ids "$SVC" --query \
  'Reservations[0].Instances[0].[ImageId,SubnetId,SecurityGroups[0].GroupId,PrivateIpAddress,VpcId]' --output text)
for port in 8081 8443; do   # the bulk nginx and nginx over TLS; 80 and 443 the seed already allows
  awsq ec2 authorize-security-group-ingress --group-id "$SG" --protocol tcp --port "$port" --cidr 10.0.0.0/16 >/dev/null
done
declare -A IID IP
for name in bench-client bench-haproxy-l4 bench-haproxy-l7; do
  IID[$name]=$(awsq ec2 run-instances --image-id "$IMAGE" --instance-type t3.micro --subnet-id "$SUBNET" \
    --security-group-ids "$SG" --count 1 \
    --tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=$name}]" \
    --query 'Instances[0].InstanceId' --output text)
done
for name in "${!IID[@]}"; do
  for _ in $(seq 1 300); do
    st=$(awsq ec2 describe-instances --instance-ids "${IID[$name]}" --query \
      'Reservations[0].Instances[0].[State.Name,PrivateIpAddress]' --output text)
    [ "${st%%$'\t'*}" = running ] && [ -f "$D/instances/${IID[$name]}/init.pid" ] && break
    sleep 0.5
  done
  IP[$name]=${st##*$'\t'}
  log "$name ${IID[$name]} ${IP[$name]} ($st)"
done

log "certificates: the seed's from ACM; its key is not retrievable, so HAProxy and nginx get our own RSA 2048"
CERT_ARN=$(awsq acm list-certificates --query 'CertificateSummaryList[0].CertificateArn' --output text)
awsq acm get-certificate --certificate-arn "$CERT_ARN" --query Certificate --output text > "$OUT/seed-cert.pem"
openssl x509 -in "$OUT/seed-cert.pem" -noout -subject -text | grep -E 'subject=|Public-Key' > "$OUT/seed-cert.txt"
awsq acm export-certificate --certificate-arn "$CERT_ARN" --passphrase "$(printf bench | base64)" \
  > "$OUT/export-certificate.txt" 2>&1 || true
CN=$(sed -n 's/.*CN *= *\([^,/]*\).*/\1/p' "$OUT/seed-cert.txt" | head -1)
for id in "$SVC" "${IID[bench-haproxy-l7]}"; do
  t=$(itmp "$id")/bench; mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=${CN:-bench}" \
    -keyout "$t/key.pem" -out "$t/cert.pem" 2>/dev/null
  cat "$t/cert.pem" "$t/key.pem" > "$t/haproxy.pem"
done

# Every TLS path offers the ALB listener's policy (ELBSecurityPolicy-2016-08) in its order and
# chooses by it (server preference, as AWS's ALB does), so all of them negotiate the same suite.
# (AWS's published order of the policy; DescribeSSLPolicies is not served here)
POLICY_CIPHERS=ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256
POLICY_CIPHERS+=:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
POLICY_CIPHERS+=:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA
POLICY_CIPHERS+=:AES128-GCM-SHA256:AES128-SHA256:AES128-SHA:AES256-GCM-SHA384:AES256-SHA256:AES256-SHA
log "policy ciphers: $POLICY_CIPHERS"
log "second nginx in the service instance: /tmp/bench/www on 8081 (HTTP) and 8443 (TLS)"
T=$(itmp "$SVC")/bench; mkdir -p "$T/www"
inx "$SVC" curl -s -o /tmp/bench/www/index.html http://127.0.0.1/
head -c 1048576 /dev/urandom > "$T/www/big"
cat > "$T/nginx.conf" <<'CONF'
worker_processes auto;
pid /tmp/bench/nginx.pid;
error_log /tmp/bench/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  default_type application/octet-stream;
  server {
    listen 8081; listen 8443 ssl;
    ssl_certificate /tmp/bench/cert.pem; ssl_certificate_key /tmp/bench/key.pem;
    ssl_protocols TLSv1.2;
    ssl_ciphers POLICY_CIPHERS; ssl_prefer_server_ciphers on;
    root /tmp/bench/www;
  }
}
CONF
sed -i "s/POLICY_CIPHERS/$POLICY_CIPHERS/" "$T/nginx.conf"
inx "$SVC" nginx -c /tmp/bench/nginx.conf -p /tmp/bench/

# Each HAProxy runs as many threads as the machine has cores (its default), as our server runs one
# event loop per core for both of its load balancers.
log "HAProxy ($HAPROXY_THREADS threads each): l4 (mode tcp) → l7 (mode http, ssl crt, TLS 1.0–1.2 as ELBSecurityPolicy-2016-08) → nginx"
mkdir -p "$(itmp "${IID[bench-haproxy-l4]}")/bench"
cat > "$(itmp "${IID[bench-haproxy-l4]}")/bench/ha.cfg" <<CONF
global
  nbthread $HAPROXY_THREADS
  maxconn 4000
defaults
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend nlb
  mode tcp
  bind :443
  default_backend alb
backend alb
  mode tcp
  server alb ${IP[bench-haproxy-l7]}:443
CONF
cat > "$(itmp "${IID[bench-haproxy-l7]}")/bench/ha.cfg" <<CONF
global
  nbthread $HAPROXY_THREADS
  maxconn 4000
  ssl-default-bind-ciphers $POLICY_CIPHERS
defaults
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend alb
  mode http
  bind :443 ssl crt /tmp/bench/haproxy.pem ssl-min-ver TLSv1.0 ssl-max-ver TLSv1.2
  option http-keep-alive
  option forwardfor
  acl bulk path_beg /big
  use_backend bulk if bulk
  default_backend web
backend web
  mode http
  http-reuse always
  server web $SVC_IP:80
backend bulk
  mode http
  http-reuse always
  server bulk $SVC_IP:8081
CONF
for name in bench-haproxy-l7 bench-haproxy-l4; do
  inx "${IID[$name]}" haproxy -f /tmp/bench/ha.cfg -D -p /tmp/bench/haproxy.pid
done

log "ours: bulk target group (HTTP 8081) and a /big* rule on the seed's ALB listener"
ALB_ARN=$(awsq elbv2 describe-load-balancers --names service-alb --query 'LoadBalancers[0].LoadBalancerArn' --output text)
LISTENER=$(awsq elbv2 describe-listeners --load-balancer-arn "$ALB_ARN" --query 'Listeners[0].ListenerArn' --output text)
TG=$(awsq elbv2 create-target-group --name bench-bulk --protocol HTTP --port 8081 --vpc-id "$VPC" \
  --target-type instance --health-check-path /index.html --query 'TargetGroups[0].TargetGroupArn' --output text)
awsq elbv2 register-targets --target-group-arn "$TG" --targets "Id=$SVC,Port=8081" >/dev/null
awsq elbv2 create-rule --listener-arn "$LISTENER" --priority 10 \
  --conditions 'Field=path-pattern,Values=/big*' --actions "Type=forward,TargetGroupArn=$TG" >/dev/null
for _ in $(seq 1 120); do
  h=$(awsq elbv2 describe-target-health --target-group-arn "$TG" --query 'TargetHealthDescriptions[0].TargetHealth.State' --output text)
  [ "$h" = healthy ] && break
  sleep 0.5
done
log "bulk target: $h"

# ---------------------------------------------------------------- the paths, checked before measuring
declare -A BASE WHO
BASE[ours-svc]="https://$NLB";                  WHO[ours-svc]=${IID[bench-client]}
BASE[ours-pl]="$URL_PL";                        WHO[ours-pl]=$CONSUMER
BASE[haproxy]="https://${IP[bench-haproxy-l4]}"; WHO[haproxy]=${IID[bench-client]}
BASE[nginx-tls]="https://$SVC_IP:8443";          WHO[nginx-tls]=${IID[bench-client]}
BASE[nginx]="http://$SVC_IP";                    WHO[nginx]=${IID[bench-client]}
url() {  # path scenario
  case "$1/$2" in
    nginx/bulk) echo "http://$SVC_IP:8081/big" ;;
    */bulk) echo "${BASE[$1]}/big" ;;
    *) echo "${BASE[$1]}/" ;;
  esac
}
PATHS=(ours-svc ours-pl haproxy nginx-tls nginx)
SCENARIOS=(small-ka small-close bulk)
for p in "${PATHS[@]}"; do
  for s in small-ka bulk; do
    got=$(inx "${WHO[$p]}" curl -sk -o /dev/null -w '%{http_code} %{size_download} %{ssl_verify_result}' "$(url "$p" "$s")") || true
    log "check $p $s $(url "$p" "$s"): $got"
    case "$s/$got" in small-ka/200\ *|bulk/200\ 1048576*) ;; *) log "path $p $s does not work"; exit 1 ;; esac
  done
done
# the suite each TLS path negotiates with an OpenSSL client (wrk's library), which must be the same
: > "$OUT/tls.txt"
for p in ours-svc ours-pl haproxy nginx-tls; do
  hostport=${BASE[$p]#https://}; [ "$hostport" = "${hostport%:*}" ] && hostport="$hostport:443"
  suite=$(inx "${WHO[$p]}" sh -c "echo | openssl s_client -connect $hostport 2>/dev/null" \
    | sed -n 's/^ *Cipher *: *//p' | head -1) || true
  echo "$p ${suite:-none}" | tee -a "$OUT/tls.txt" >&2
done
if [ "$(cut -d' ' -f2 "$OUT/tls.txt" | sort -u | wc -l)" != 1 ]; then
  log "the TLS paths negotiate different suites (see $OUT/tls.txt)"; exit 1
fi

# ---------------------------------------------------------------- 3. rounds
# The CPU the proxies of a path use (user + system clock ticks of their processes and of those
# processes' children, as /proc counts them) is read around each wrk run: per request it depends far
# less on what else the machine runs than req/s does. Ours is the whole server JVM (its API and
# health checks too); HAProxy both of its processes; nginx the service instance's second nginx.
server_pid() { python3 -c "import json;print(json.load(open('$D/server.json'))['pid'])"; }
proxy_pids() {  # path
  case "$1" in
    ours-*) server_pid ;;
    haproxy) cat "$(itmp "${IID[bench-haproxy-l4]}")/bench/haproxy.pid" "$(itmp "${IID[bench-haproxy-l7]}")/bench/haproxy.pid" ;;
    nginx*) cat "$(itmp "$SVC")/bench/nginx.pid" ;;
  esac
}
proxy_ticks() {  # path: the clock ticks its proxies have used so far
  local pids; pids=$(proxy_pids "$1" | tr '\n' ' ')
  # shellcheck disable=SC2086
  python3 bench/privatelink_lib.py ticks $pids 2>/dev/null || echo 0
}
# Each wrk run is one `privatelink exec` into its client instance (a script in the client's /tmp);
# the order of the paths rotates from round to round, so no path always runs first or last.
run_round() {  # round-label seconds rotation
  local label=$1 secs=$2 rot=$3 n=${#PATHS[@]} order=() i p s
  for i in $(seq 0 $((n - 1))); do order+=("${PATHS[$(( (i + rot) % n ))]}"); done
  for s in "${SCENARIOS[@]}"; do
    for p in "${order[@]}"; do
      local who=${WHO[$p]} dir
      dir=$(itmp "$who")/bench; mkdir -p "$dir/out"
      local hdr=""; [ "$s" = small-close ] && hdr="-H 'Connection: close'"
      echo "wrk -t$WRK_THREADS -c$CONNS -d${secs}s --timeout 5s --latency $hdr '$(url "$p" "$s")' > /tmp/bench/out/${label}_${p}_${s}.txt 2>&1" \
        > "$dir/run.sh"
      local before; before=$(proxy_ticks "$p")
      inx "$who" sh /tmp/bench/run.sh || log "wrk failed: $label $p $s"
      echo "$before $(proxy_ticks "$p")" > "$OUT/raw/${label}_${p}_${s}.cpu"
      cp "$dir/out/${label}_${p}_${s}.txt" "$OUT/raw/" 2>/dev/null || true
    done
  done
}
jfr() { "${JAVA_HOME:?JFR=1 needs JAVA_HOME (JDK 25)}/bin/jcmd" "$(server_pid)" "$@"; }
log "warm-up round (${WARM}s per run, not counted)"
run_round w "$WARM" 0
for r in $(seq 1 "$ROUNDS"); do
  log "round $r of $ROUNDS (${DUR}s per run)"
  if [ "$r" = 1 ] && [ "$JFR" = 1 ]; then   # the server's profile over the first counted round
    jfr JFR.start name=bench settings=profile filename="$OUT/server.jfr" >/dev/null || log "JFR did not start"
  fi
  run_round "r$r" "$DUR" "$r"
  cut -d' ' -f1-3 /proc/loadavg | sed "s/^/load after round $r: /" >> "$OUT/machine.txt"
  if [ "$r" = 1 ] && [ "$JFR" = 1 ]; then
    jfr JFR.stop name=bench >/dev/null || log "JFR did not stop"
  fi
done
rm -f "$OUT"/raw/w_*
python3 bench/privatelink_lib.py report "$OUT" | tee "$OUT/results.md"

# ---------------------------------------------------------------- 4. API benchmark (no data plane)
for f in "$D"/instances/*/tmp/bench/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
pl down --purge --data-dir "$D" >/dev/null 2>&1; D=""
if [ "$API" = 1 ]; then
  log "API benchmark: bench/api.sh 10 4"
  timeout 300 bench/api.sh 10 4 2>&1 | grep -E '^\||ratios' | tee "$OUT/api.md" || log "api.sh failed"
else
  echo "(skipped: API=0)" > "$OUT/api.md"
fi
{ echo; echo "## negotiated TLS suites"; cat "$OUT/tls.txt"; echo; echo "## time to ready"; cat "$OUT/ttr.jsonl"; echo; echo "## API"; cat "$OUT/api.md"; } >> "$OUT/results.md"
log "done"
