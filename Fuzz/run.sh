#!/bin/sh
# Runs one libFuzzer target for a given time, at the lowest priority.
# Usage: Fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#   TARGET: rules, expression, csv, xlsx or cells (build them first with Fuzz/build.sh).
# Seeds come from Fuzz/Corpus/TARGET (read only); new inputs go to .build-fuzz/corpus/TARGET; crashes, hangs
# and OOMs to .build-fuzz/crashes/TARGET/. Leak detection is off: Swift's runtime keeps objects that
# LeakSanitizer cannot see are still referenced, and reports them at exit.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 rules|expression|csv|xlsx|cells SECONDS [libFuzzer options...]" >&2; exit 2; }
target=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
case $target in
  rules) product=FuzzRules max_len=16384 ;;
  expression) product=FuzzExpression max_len=2048 ;;
  csv) product=FuzzCSV max_len=8192 ;;
  xlsx) product=FuzzXLSX max_len=65536 ;;
  cells) product=FuzzCells max_len=64 ;;
  *) echo "unknown target '$target'" >&2; exit 2 ;;
esac
binary=$root/.build-fuzz/${FUZZ_CONFIGURATION:-release}/$product
[ -x "$binary" ] || { echo "$binary is not built: run Fuzz/build.sh" >&2; exit 2; }
corpus=$root/.build-fuzz/corpus/$target
crashes=$root/.build-fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
dictionary=$root/Fuzz/Dictionaries/$target.dict
set -- -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 \
  -print_final_stats=1 -artifact_prefix="$crashes/" "$@"
[ -f "$dictionary" ] && set -- -dict="$dictionary" "$@"
# Swift's own crash reporter would read memory under ASan and mask the crash; libFuzzer reports it instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
# The target's scratch folder (Fuzz.scratch: comply-fuzz-PID in /dev/shm, or in the temporary folder) goes with it,
# however the run ends.
nice -n 19 "$binary" "$@" "$corpus" "$root/Fuzz/Corpus/$target" &
pid=$!
trap 'kill "$pid" 2>/dev/null' INT TERM
status=0
wait "$pid" || status=$?
# A signal interrupts `wait`: wait on until the fuzzer has stopped.
while kill -0 "$pid" 2>/dev/null; do wait "$pid" || status=$?; done
rm -rf "/dev/shm/comply-fuzz-$pid" "${TMPDIR:-/tmp}/comply-fuzz-$pid"
exit "$status"
