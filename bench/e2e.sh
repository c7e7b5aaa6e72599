#!/usr/bin/env bash
# Whole-process speed: what a user waits for, each figure the median of N runs after a warm-up.
#   bench/e2e.sh [--runs N] [--bars N] [--quick] [--notebooks]
# Prints one table (median seconds, peak RSS) and the ratios against plain ta4j's whole process
# on the same CSV (load, SMA crossover with BarSeriesManager, write JSON; its source is
# shell/src/test/java/io/tradeshell/shell/bench/PlainTa4jWholeProcess.java, started with the
# launcher's JDK). Uses hyperfine's habits without needing it: warm-up first, medians, same session.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5 BARS=1000000 QUICK= NOTEBOOKS=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --bars) BARS="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;   # start-up figures only
    --notebooks) NOTEBOOKS=1; shift ;;   # also the three shipped notebooks, each whole
    -h|--help) sed -n 2,7p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "e2e: unknown option $1" >&2; exit 2 ;;
  esac
done
TS="$HERE/tradeshell"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tradeshell-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
JDK="$(TRADESHELL_PRINT_JDK=1 "$TS")"   # builds on first use, like any launch
TIME=/usr/bin/time; [ -x "$TIME" ] || TIME=

# measure NAME CMD...: warm-up once, then RUNS timed runs; appends "NAME median_s peak_rss_mb" to $WORK/results
measure() {
  local name="$1"; shift
  "$@" >/dev/null 2>&1 </dev/null || { echo "e2e: '$name' failed: $*" >&2; "$@" </dev/null | tail -5 >&2; exit 1; }
  local times=() cpus=() rss=0 i
  for ((i = 0; i < RUNS; i++)); do
    if [ -n "$TIME" ]; then
      "$TIME" -f '%e %M %U %S' -o "$WORK/t" "$@" >/dev/null 2>&1 </dev/null
      read -r s kb u k < "$WORK/t"
      times+=("$s"); cpus+=("$(awk -v u="$u" -v k="$k" 'BEGIN{print u + k}')"); [ "$kb" -gt "$rss" ] && rss="$kb"
    else
      local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 </dev/null; t1=$(date +%s%N)
      times+=("$(awk -v d=$((t1 - t0)) 'BEGIN{printf "%.3f", d/1e9}')")
    fi
  done
  local median; median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  # CPU seconds (user + system) say what a run costs when the machine is shared and wall time moves
  local cpu=-; [ ${#cpus[@]} -gt 0 ] && cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$median" "$((rss / 1024))" "$cpu" "${times[*]}" >> "$WORK/results"
  printf '  %-44s %7.2f s  %5s MB  cpu %5s s  (%s)\n' "$name" "$median" "$((rss / 1024))" "$cpu" "${times[*]}" >&2
}

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
echo "TradeShell whole-process figures, median of $RUNS after a warm-up ($(date -u +%Y-%m-%d), $(nproc) cores, JDK $("$JDK/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), load $(load))" >&2
measure "--version" "$TS" --version
measure "README first command, charts" "$TS" run strategies/sma_crossover.groovy --out "$WORK/readme"
# the same with Groovy compiling the script each time, as on a script's first run or after each edit
TRADESHELL_SCRIPT_CACHE=off measure "README first command, charts, compiled" "$TS" run strategies/sma_crossover.groovy --out "$WORK/readme-c"
measure "README first command, --no-charts" "$TS" run strategies/sma_crossover.groovy --no-charts --out "$WORK/readme-nc"
"$TS" synth --bars 1000 --seed 7 --out "$WORK/bars_1k.csv" >/dev/null
measure "1,000-bar run, --no-charts" "$TS" run strategies/sma_crossover.groovy --data "$WORK/bars_1k.csv" --no-charts --out "$WORK/1k"
measure "console -c 'exit'" "$TS" --home "$WORK/home" -c exit
if [ -z "$QUICK" ]; then
  "$TS" synth --bars "$BARS" --seed 42 --out "$WORK/bars.csv" >/dev/null
  mkdir -p "$WORK/ta4j"
  "$JDK/bin/javac" -nowarn --release 21 -cp "$(cat "$HERE/shell/target/classpath.txt")" -d "$WORK/ta4j" \
    "$HERE/shell/src/test/java/io/tradeshell/shell/bench/PlainTa4jWholeProcess.java"
  measure "plain ta4j whole process, $BARS bars" "$JDK/bin/java" -XX:+UseParallelGC \
    -cp "$WORK/ta4j:$(cat "$HERE/shell/target/classpath.txt")" io.tradeshell.shell.bench.PlainTa4jWholeProcess "$WORK/bars.csv" "$WORK/ta4j.json"
  measure "$BARS-bar run, --no-charts" "$TS" run strategies/sma_crossover.groovy --data "$WORK/bars.csv" --no-charts --out "$WORK/big-nc"
  measure "$BARS-bar run, charts" "$TS" run strategies/sma_crossover.groovy --data "$WORK/bars.csv" --out "$WORK/big"
fi
if [ -n "$NOTEBOOKS" ]; then
  for nb in "$HERE"/notebooks/*.md; do
    measure "notebook $(basename "$nb")" "$TS" notebook "$nb" --out "$WORK/nb"
  done
fi
echo
echo "load at the end $(load) (the targets are for a quiet machine: load well under the core count)"
awk -F'\t' -v bars="$BARS" '
  BEGIN { printf "%-44s %9s  %8s  %9s\n", "median of the runs", "wall", "peak RSS", "CPU" }
  { t[$1] = $2; rss[$1] = $3; printf "%-44s %7.2f s  %5d MB  %7s s\n", $1, $2, $3, $4 }
  END {
    ta = t["plain ta4j whole process, " bars " bars"]; nc = t[bars "-bar run, --no-charts"]; ch = t[bars "-bar run, charts"]
    if (ta > 0 && nc > 0) printf "plain ta4j / tradeshell (no charts)          %7.2fx\n", ta / nc
    if (nc > 0 && ch > 0) printf "charts add                                   %7.2f s\n", ch - nc
    print ""
    check("--version", t["--version"], "<=", 0.3, "s")
    check("README first command, charts", t["README first command, charts"], "<=", 0.7, "s")
    check("1,000-bar run", t["1,000-bar run, --no-charts"], "<=", 0.6, "s")
    check("console prompt", t["console -c '"'"'exit'"'"'"], "<=", 0.5, "s")
    if (ta > 0 && nc > 0) check(bars "-bar run vs plain ta4j", ta / nc, ">=", 2, "x")
    if (nc > 0 && ch > 0) check("charts add to the " bars "-bar run", ch - nc, "<=", 0.3, "s")
    if (rss[bars "-bar run, --no-charts"] > 0) check("peak RSS, " bars "-bar run, --no-charts", rss[bars "-bar run, --no-charts"], "<=", 400, "MB")
    if (rss[bars "-bar run, charts"] > 0) check("peak RSS, " bars "-bar run, charts", rss[bars "-bar run, charts"], "<=", 400, "MB")
  }
  function check(what, value, op, bound, unit) {
    ok = op == "<=" ? value <= bound : value >= bound
    printf "%-4s %-44s %8.2f %s (target %s %s %s)\n", ok ? "PASS" : "FAIL", what, value, unit, op, bound, unit
  }' "$WORK/results"
