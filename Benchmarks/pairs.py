#!/usr/bin/env python3
"""Two comply builds timed in back-to-back pairs on one register, for when the host's speed drifts.

    python3 Benchmarks/pairs.py BEFORE/comply AFTER/comply --pairs 12 --jobs 1
    python3 Benchmarks/pairs.py BEFORE/comply AFTER/comply --pairs 12 --jobs 2 --file Benchmarks/data/register-1M.csv

Each pair runs the first build, then the second, with the harness's command (`check FILE --as-of 2020-06-30
--format json --output OUT --fail-on never --jobs J`). Prints each build's median wall and CPU time (user + system,
from wait4), how many cores each kept busy (CPU time over wall time, per run), and the medians of the pairs'
ratios (second / first): a pair shares the host's state, so its ratio is steadier than a ratio of medians taken
minutes apart, and cores busy shows how well a build uses the cores whatever their speed that minute.
"""
import argparse
import os
import statistics
import tempfile
import time


def timed(binary, file, jobs, out, rules=None):
    """Wall and CPU seconds of one check."""
    start = time.perf_counter()
    pid = os.spawnv(os.P_NOWAIT, binary, [binary, "check", file, "--as-of", "2020-06-30", "--format", "json",
                                          "--output", out, "--fail-on", "never", "--jobs", str(jobs)]
                    + (["--rules", rules] if rules else []))
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{binary} exited with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--file", default="Benchmarks/data/register-1M.csv")
    ap.add_argument("--rules", help="a rule pack other than the bundled one (`--rules` of comply check)")
    args = ap.parse_args()
    out = os.path.join(tempfile.mkdtemp(), "out.json")
    runs = [(timed(args.first, args.file, args.jobs, out, args.rules),
             timed(args.second, args.file, args.jobs, out, args.rules))
            for _ in range(args.pairs)]
    for name, k in ((args.first, 0), (args.second, 1)):
        walls, cpus = [r[k][0] for r in runs], [r[k][1] for r in runs]
        busy = [cpu / wall for wall, cpu in (r[k] for r in runs)]
        print(f"{name}: wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
              f"CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f}), "
              f"cores busy (CPU / wall) median {statistics.median(busy):.2f} ({min(busy):.2f}-{max(busy):.2f})")
    wall_ratio = statistics.median(b[0] / a[0] for a, b in runs)
    cpu_ratio = statistics.median(b[1] / a[1] for a, b in runs)
    print(f"second / first, median of {args.pairs} pairs, --jobs {args.jobs}: wall {wall_ratio:.3f}, CPU {cpu_ratio:.3f}")


if __name__ == "__main__":
    main()
