#!/usr/bin/env bash
# What a dashboard costs trading: a max-speed paper session over synthetic one-minute bars, run
# alone and with a dashboard open and VIEWERS clients following its page's event stream, in
# turns; prints each run's wall time and the medians. Usage: bench/dashboard.sh [--runs 5] [--bars 200000] [--viewers 3]
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=5 BARS=200000 VIEWERS=3
while [ $# -gt 0 ]; do case "$1" in
  --runs) RUNS="$2"; shift 2;; --bars) BARS="$2"; shift 2;; --viewers) VIEWERS="$2"; shift 2;;
  *) echo "usage: $0 [--runs N] [--bars N] [--viewers N]" >&2; exit 2;; esac; done
TMP="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT
"$HERE/tradeshell" synth --bars "$BARS" --seed 7 --out "$TMP/bars.csv" >/dev/null
SCRIPT="$HERE/strategies/sma_crossover.groovy"
session() { # $1: account name, $2: with a dashboard (yes/no); prints the wall seconds
  local start end opts=()
  [ "$2" = yes ] && opts=(--dashboard)
  start=$(date +%s.%N)
  if [ "$2" = yes ]; then
    "$HERE/tradeshell" paper start "$1" "$SCRIPT" --home "$TMP/home" --data "$TMP/bars.csv" --speed max --quiet --no-charts "${opts[@]}" >"$TMP/$1.out" 2>&1 &
    local pid=$! url=""
    while [ -z "$url" ] && kill -0 $pid 2>/dev/null; do url=$(head -1 "$TMP/$1.out" | sed -n 's/^dashboard: //p'); sleep 0.05; done
    local base="${url%%/?token=*}" token="${url##*token=}"
    for v in $(seq "$VIEWERS"); do
      curl -s -N "$base/api/stream?dir=home/paper/$1&token=$token" >/dev/null 2>&1 &
    done
    wait $pid
  else
    "$HERE/tradeshell" paper start "$1" "$SCRIPT" --home "$TMP/home" --data "$TMP/bars.csv" --speed max --quiet --no-charts >"$TMP/$1.out" 2>&1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
session warmup no >/dev/null
: >"$TMP/alone"; : >"$TMP/watched"
for i in $(seq "$RUNS"); do
  a=$(session "alone$i" no); w=$(session "watched$i" yes)
  echo "run $i: alone ${a}s, with a dashboard and $VIEWERS viewers ${w}s"
  echo "$a" >>"$TMP/alone"; echo "$w" >>"$TMP/watched"
done
ma=$(median <"$TMP/alone"); mw=$(median <"$TMP/watched")
echo "median alone ${ma}s, watched ${mw}s: $(echo "scale=1; 100 * ($mw - $ma) / $ma" | bc)% longer ($BARS bars, $VIEWERS viewers)"
