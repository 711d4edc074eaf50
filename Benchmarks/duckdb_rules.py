#!/usr/bin/env python3
"""Run Benchmarks/duckdb_rules.sql (three bundled rules as SQL) over one register with DuckDB.

    Benchmarks/.venv/bin/python Benchmarks/duckdb_rules.py FILE.csv [--as-of 2020-06-30] [--out /tmp/duck.csv]
        [--threads N]

Writes the violations (project_id, rule_id) to --out and prints the count per rule as one JSON object on
standard output; the query time alone (without interpreter start-up and `import duckdb`) goes to standard error.
"""
import argparse
import json
import pathlib
import sys
import time

import duckdb


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv")
    ap.add_argument("--as-of", default="2020-06-30")
    ap.add_argument("--out", default="/tmp/comply-bench-duckdb.csv")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: DuckDB's, all cores)")
    a = ap.parse_args()
    sql = (pathlib.Path(__file__).resolve().parent / "duckdb_rules.sql").read_text(encoding="utf-8")
    for key, value in (("csv", a.csv), ("as_of", a.as_of), ("out", a.out)):
        if "'" in value:
            sys.exit(f"{key} must not contain a quote: {value}")
        sql = sql.replace("{" + key + "}", value)
    t = time.perf_counter()
    con = duckdb.connect(":memory:")
    if a.threads:
        con.execute(f"SET threads = {a.threads}")
    sql = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))  # whole-line comments only
    statements = [s for s in sql.split(";") if s.strip()]
    for s in statements[:-1]:
        con.execute(s)
    counts = {rule: n for rule, n in con.execute(statements[-1]).fetchall()}
    print(f"duckdb {duckdb.__version__}: query {time.perf_counter() - t:.3f} s", file=sys.stderr)
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main()
