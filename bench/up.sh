#!/usr/bin/env bash
# Time to ready: N runs of `up --detach` on a fresh data dir, each timed until the consumer's curl
# through the endpoint (./privatelink exec "PrivateLink Demo Consumer" -- curl -sk <endpoint url>)
# shows nginx's page, then `down --purge`. Three sides, interleaved run by run: a base commit's
# launcher (its own build, in a temporary tree), this tree without the AOT cache (PRIVATELINK_AOT=0)
# and with it. Prints each run, the medians, the ratios to the base and where the time goes.
# Usage (root): bench/up.sh [runs, default 5] [base ref, default main; "none" leaves the base out]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}" base="${2:-main}"
[ "$(id -u)" = 0 ] || { echo "bench/up.sh: run as root (the data plane makes namespaces)" >&2; exit 1; }
# Builds the jar and makes its AOT cache before the first timed run, which then measures only `up`.
./privatelink --help >/dev/null
sides=()
before=""
trap '[ -n "$before" ] && rm -rf "$before"' EXIT
if [ "$base" != none ]; then
  before="$(mktemp -d /tmp/pl-up-bench-base.XXXXXX)"
  git archive "$base" | tar -x -C "$before"
  "$before/privatelink" --help >/dev/null 2>&1
  sides+=("$base ($(git rev-parse --short "$base"))=$before/privatelink")
fi
sides+=("this tree, no AOT cache=$PWD/privatelink,PRIVATELINK_AOT=0" "this tree, AOT cache=$PWD/privatelink")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/up_bench.py "$runs" "${sides[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
