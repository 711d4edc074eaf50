#!/usr/bin/env bash
# The comply benchmark. Builds the release binary, sets up DuckDB in Benchmarks/.venv, generates the registers
# into Benchmarks/data/ (cached by size) and prints a Markdown report (also written to Benchmarks/data/last-run.md).
#
#   Benchmarks/run.sh [--sizes 10k,100k,1M,10M] [--runs 3] [--callgrind] [--no-build] [bench.py options ...]
#
# Every option other than --no-build is passed to Benchmarks/bench.py (see `python3 Benchmarks/bench.py --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

DUCKDB_VERSION="${DUCKDB_VERSION:-2.0.1}"
build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exec python3 Benchmarks/bench.py --help ;;
    *) args+=("$arg") ;;
  esac
done

if [[ $build == 1 ]]; then
  swift build -c release >&2
fi
if [[ ! -x Benchmarks/.venv/bin/python ]]; then
  python3 -m venv Benchmarks/.venv >&2
fi
if ! Benchmarks/.venv/bin/python -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
  Benchmarks/.venv/bin/pip install --quiet "duckdb==$DUCKDB_VERSION" >&2
fi
for tool in wc valgrind callgrind_annotate; do
  if ! command -v "$tool" >/dev/null; then
    if [[ $tool == wc ]] || printf '%s\n' "${args[@]:-}" | grep -qx -- --callgrind; then
      echo "run.sh: $tool is missing (valgrind: apt-get install valgrind)" >&2; exit 1
    fi
  fi
done
exec python3 Benchmarks/bench.py "${args[@]}"
