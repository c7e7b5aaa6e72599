#!/usr/bin/env bash
# What a dashboard costs trading: a max-speed paper session over synthetic one-minute bars, run
# alone, with a dashboard and one viewer, and with a dashboard and VIEWERS viewers (curl clients
# following the session page's event stream, as a browser's EventSource asks for it), the three
# in a rotating order. For each run it prints the wall time and, sampled from /proc while the
# session runs, the processor time of the whole process, of the trading thread (the session
# runs on the process's main thread), of the dashboard's own threads and of the dashboard's own
# process (paper start --dashboard serves it from a child process), and the processor time
# of the viewers themselves; then the medians, their ratios to the session alone (also taken
# within each rotation, whose runs are close in time), and how many bytes a viewer received
# (each journal line reaches every viewer). On a machine shared with other work the wall time says more about the load than
# about the dashboard; the trading thread's processor time is what the dashboard could add to the
# trading path. With --pages each viewer also asks what an open session page asks besides its
# stream: the price chart and the backtest's equity once (the script backtested over the same
# data, in the session's process), and the backtest-versus-live pane every 3 s.
# Usage: bench/dashboard.sh [--runs 5] [--bars 100000] [--viewers 20] [--pages]
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
cpu() { # $1: the session's pid; prints, as last seen while it ran, the processor seconds of the process, its trading thread, the dashboard's threads and its child processes (the dashboard's own)
  local pid=$1 t c s f k kids kf proc=0 main=0 dash=0 child=0 mc dc cc
  while [ -r "/proc/$pid/stat" ] && read -r -a f <"/proc/$pid/stat" 2>/dev/null; do
    mc=0 dc=0 cc=0
    for t in /proc/"$pid"/task/*; do # shell builtins only: sampling must not load the machine it measures
      { read -r c <"$t/comm" && read -r s _ <"$t/schedstat"; } 2>/dev/null || continue
      case "$c" in
        java) [ "$s" -gt "$mc" ] && mc=$s;; # the main thread; the launcher's first thread only waits for it
        dashboard-*|HTTP-Dispatcher) dc=$((dc + s));;
      esac
      kids=(); read -r -a kids <"$t/children" 2>/dev/null || true # no newline ends this file: read says 1 yet fills kids
      for k in "${kids[@]}"; do read -r -a kf <"/proc/$k/stat" 2>/dev/null && cc=$((cc + kf[13] + kf[14])); done
    done
    # each only grows while its threads live: the highest seen, since the main thread ends before the process
    proc=$(( (f[13] + f[14]) * 10000000 )) main=$(( mc > main ? mc : main )) dash=$(( dc > dash ? dc : dash ))
    cc=$((cc * 10000000)) child=$(( cc > child ? cc : child ))
    sleep 0.25
  done
  echo "$proc $main $dash $child" | awk '{printf "%.2f %.2f %.2f %.2f\n", $1 / 1e9, $2 / 1e9, $3 / 1e9, $4 / 1e9}'
}
session() { # $1: account name, $2: viewers (0: no dashboard); prints the wall seconds, then the processor seconds of the process, trading thread, dashboard threads and dashboard process
  local start end pid url="" dashboard=()
  [ "$2" -gt 0 ] && dashboard=(--dashboard)
  start=$(date +%s.%N)
  "$HERE/tradeshell" paper start "$1" "$SCRIPT" --home "$TMP/home" --data "$TMP/bars.csv" --speed max --quiet --no-charts "${dashboard[@]}" >"$TMP/$1.out" 2>&1 &
  pid=$!
  cpu $pid >"$TMP/$1.cpu" &
  local sampler=$! viewers=()
  if [ "$2" -gt 0 ]; then
    while [ -z "$url" ] && kill -0 $pid 2>/dev/null; do url=$(head -1 "$TMP/$1.out" 2>/dev/null | sed -n 's/^dashboard: //p'); sleep 0.05; done
    local base="${url%%/?token=*}" token="${url##*token=}"
    # the viewers open the page once the session has made its account (before, there is nothing to show)
    while [ ! -f "$TMP/home/paper/$1/equity.jsonl" ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done
    for v in $(seq "$2"); do # a viewer keeps what it receives in memory, as a browser does; here only its size is kept
      /usr/bin/time -f '%U %S' -o "$TMP/$1.vcpu$v" curl -s -N -o /dev/null -w '%{size_download}\n' "$base/api/stream?dir=home/paper/$1&token=$token" >"$TMP/$1.viewer$v" 2>&1 &
      viewers+=($!)
      if [ "$PAGES" = 1 ]; then page "$base" "home/paper/$1" "$token" & viewers+=($!); fi
    done
  fi
  wait $pid
  end=$(date +%s.%N)
  wait $sampler
  if [ "$2" -gt 0 ]; then
    wait "${viewers[@]}" 2>/dev/null || true # each ends when the session's server closes its stream
    cat "$TMP/$1".viewer* >>"$TMP/bytes$2"
  fi
  local viewers_cpu=0.00 # the viewers' user and system seconds, as time(1) wrote them (a line before them if curl's exit was not 0)
  [ "$2" -gt 0 ] && viewers_cpu=$(awk '/^[0-9.]+ [0-9.]+$/ {s += $1 + $2} END {printf "%.2f", s}' "$TMP/$1".vcpu*)
  echo "$(echo "$end - $start" | bc) $(cat "$TMP/$1.cpu") $viewers_cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
session warmup 0 >/dev/null
# after a build the launcher trains its start-up cache in the background: measured beside it, the
# first rotation would share the machine with that training; wait until it is made
while compgen -G "$HERE/shell/target/tradeshell-*.aot.lock" >/dev/null; do sleep 1; done
MODES=(0 1 "$VIEWERS")
: >"$TMP/m0"; : >"$TMP/m1"; : >"$TMP/m$VIEWERS"; : >"$TMP/bytes1"; : >"$TMP/bytes$VIEWERS"
echo "seconds: wall / process CPU / trading thread CPU / dashboard threads CPU / dashboard process CPU / the viewers' own CPU (curl)"
for i in $(seq "$RUNS"); do
  line="run $i:"
  for k in 0 1 2; do # rotate which mode goes first, so drifting load falls on each alike
    m=${MODES[$(( (i + k) % 3 ))]}
    t=$(session "r${i}v$m" "$m"); echo "$t" >>"$TMP/m$m"; line="$line ${m} viewers ${t// / / }s,"
  done
  echo "$line (load $(cut -d' ' -f1 /proc/loadavg))"
done
col() { cut -d' ' -f"$1" <"$2" | median; }
rotation() { paste -d' ' <(cut -d' ' -f"$1" <"$TMP/m0") <(cut -d' ' -f"$1" <"$2") | awk '$1 > 0 {printf "%.3f\n", $2 / $1}' | median; }
for c in 1 2 3 4 5 6; do
  name=$(echo "wall process trading-thread dashboard-threads dashboard-process viewers" | cut -d' ' -f$c)
  m0=$(col $c "$TMP/m0"); m1=$(col $c "$TMP/m1"); mv=$(col $c "$TMP/m$VIEWERS")
  if [ "$c" -le 3 ]; then # the medians' ratio, and the median of the ratios within each rotation (run at nearly the same time)
    echo "median $name seconds ($BARS bars, $RUNS runs each): no dashboard $m0, 1 viewer $m1 ($(echo "scale=3; $m1 / $m0" | bc)x, in rotation $(rotation $c "$TMP/m1")x), $VIEWERS viewers $mv ($(echo "scale=3; $mv / $m0" | bc)x, in rotation $(rotation $c "$TMP/m$VIEWERS")x)"
  else
    echo "median $name seconds ($BARS bars, $RUNS runs each): 1 viewer $m1, $VIEWERS viewers $mv"
  fi
done
echo "each viewer received (median): $(median <"$TMP/bytes1") bytes with 1 viewer, $(median <"$TMP/bytes$VIEWERS") bytes with $VIEWERS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
