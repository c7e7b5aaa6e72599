#!/usr/bin/env bash
# What a dashboard costs trading: a max-speed paper session over synthetic one-minute bars, run
# alone, with a dashboard and one viewer, and with a dashboard and VIEWERS viewers (curl clients
# following the session page's event stream, as a browser's EventSource asks for it), the three
# in a rotating order; prints each run's wall time, the medians and their ratios, and how many
# bytes a viewer received (each journal line reaches every viewer). With --pages each viewer also
# asks what an open session page asks besides its stream: the price chart and the backtest's
# equity once (the script backtested over the same data, in the session's process), and the
# backtest-versus-live pane every 3 s. Usage: bench/dashboard.sh [--runs 5] [--bars 100000] [--viewers 20] [--pages]
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=5 BARS=100000 VIEWERS=20 PAGES=0
while [ $# -gt 0 ]; do case "$1" in
  --runs) RUNS="$2"; shift 2;; --bars) BARS="$2"; shift 2;; --viewers) VIEWERS="$2"; shift 2;; --pages) PAGES=1; shift;;
  *) echo "usage: $0 [--runs N] [--bars N] [--viewers N] [--pages]" >&2; exit 2;; esac; done
TMP="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT
"$HERE/tradeshell" synth --bars "$BARS" --seed 7 --out "$TMP/bars.csv" >/dev/null
SCRIPT="$HERE/strategies/sma_crossover.groovy"
page() { # what an open session page asks besides its stream: the price chart and the backtest's equity once, the pane every 3 s
  local q="dir=$2&token=$3"
  curl -s -o /dev/null "$1/api/chart?$q"; curl -s -o /dev/null "$1/api/parity?curve&$q"
  while curl -s -f -o /dev/null "$1/api/parity?$q"; do sleep 3; done
}
session() { # $1: account name, $2: viewers (0: no dashboard); prints the wall seconds
  local start end
  start=$(date +%s.%N)
  if [ "$2" -gt 0 ]; then
    "$HERE/tradeshell" paper start "$1" "$SCRIPT" --home "$TMP/home" --data "$TMP/bars.csv" --speed max --quiet --no-charts --dashboard >"$TMP/$1.out" 2>&1 &
    local pid=$! url=""
    while [ -z "$url" ] && kill -0 $pid 2>/dev/null; do url=$(head -1 "$TMP/$1.out" | sed -n 's/^dashboard: //p'); sleep 0.05; done
    local base="${url%%/?token=*}" token="${url##*token=}"
    # the viewers open the page once the session has made its account (before, there is nothing to show)
    while [ ! -f "$TMP/home/paper/$1/equity.jsonl" ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done
    local viewers=()
    for v in $(seq "$2"); do # a viewer keeps what it receives in memory, as a browser does; here only its size is kept
      curl -s -N -o /dev/null -w '%{size_download}\n' "$base/api/stream?dir=home/paper/$1&token=$token" >"$TMP/$1.viewer$v" 2>&1 &
      viewers+=($!)
      if [ "$PAGES" = 1 ]; then page "$base" "home/paper/$1" "$token" & viewers+=($!); fi
    done
    wait $pid
    end=$(date +%s.%N)
    wait "${viewers[@]}" 2>/dev/null || true # each ends when the session's server closes its stream
    cat "$TMP/$1".viewer* >>"$TMP/bytes$2"
  else
    "$HERE/tradeshell" paper start "$1" "$SCRIPT" --home "$TMP/home" --data "$TMP/bars.csv" --speed max --quiet --no-charts >"$TMP/$1.out" 2>&1
    end=$(date +%s.%N)
  fi
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
session warmup 0 >/dev/null
MODES=(0 1 "$VIEWERS")
: >"$TMP/m0"; : >"$TMP/m1"; : >"$TMP/m$VIEWERS"; : >"$TMP/bytes1"; : >"$TMP/bytes$VIEWERS"
for i in $(seq "$RUNS"); do
  line="run $i:"
  for k in 0 1 2; do # rotate which mode goes first, so drifting load falls on each alike
    m=${MODES[$(( (i + k) % 3 ))]}
    t=$(session "r${i}v$m" "$m"); echo "$t" >>"$TMP/m$m"; line="$line ${m} viewers ${t}s,"
  done
  echo "$line"
done
m0=$(median <"$TMP/m0"); m1=$(median <"$TMP/m1"); mv=$(median <"$TMP/m$VIEWERS")
echo "medians ($BARS bars, $RUNS runs each): no dashboard ${m0}s, dashboard and 1 viewer ${m1}s ($(echo "scale=3; $m1 / $m0" | bc)x), dashboard and $VIEWERS viewers ${mv}s ($(echo "scale=3; $mv / $m0" | bc)x)"
echo "each viewer received (median): $(median <"$TMP/bytes1") bytes with 1 viewer, $(median <"$TMP/bytes$VIEWERS") bytes with $VIEWERS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
