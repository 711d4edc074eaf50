#!/usr/bin/env python3
"""Where a `perf record -g` profile of comply spends its samples, with Swift names demangled.

    perf record -g -o two.data .build/release/comply check Benchmarks/data/register-1M.csv --as-of 2020-06-30 \\
      --format json --output /tmp/o.json --fail-on never
    python3 Benchmarks/perf_profile.py two.data                  # top functions, inclusive and self
    python3 Benchmarks/perf_profile.py two.data --refcounts      # retains and releases by their caller
    python3 Benchmarks/perf_profile.py two.data --match KeyTable  # share of the functions whose name has this
    python3 Benchmarks/perf_profile.py two.data --threads        # share of each thread, and what it does

Shares are of all samples. Needs `perf` and `swift demangle` on the PATH.
"""
import argparse
import collections
import subprocess


def stacks(data):
    """Each sample's thread id and stack, innermost function first."""
    text = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym"], capture_output=True, text=True).stdout
    for block in text.split("\n\n"):
        lines = block.strip().split("\n")
        if not lines or not lines[0].strip().isdigit():
            continue
        frames = [line.split(None, 1)[1] for line in lines[1:] if len(line.split(None, 1)) == 2]
        if frames:
            yield int(lines[0]), frames


# What a thread of comply does, told by a function on its stacks (the first that matches).
ROLES = [("HashBox", "hashing the input"), ("CSVPipeline.process", "worker (parsing, judging, rendering)"),
         ("comply_main", "main (reading blocks, passing results on, the key table, writing)")]


def demangler(names):
    names = sorted(set(names))
    out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                         capture_output=True, text=True).stdout.split("\n")
    table = dict(zip(names, out))
    return lambda name: table.get(name, name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="a perf.data file recorded with -g")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--refcounts", action="store_true", help="swift_retain and swift_release by immediate caller")
    ap.add_argument("--match", help="total inclusive share of the functions whose demangled name contains this")
    ap.add_argument("--threads", action="store_true", help="share of the samples by thread, with each thread's role")
    a = ap.parse_args()
    tagged = list(stacks(a.data))
    samples = [s for _, s in tagged]
    n = len(samples)
    name = demangler(f for s in samples for f in s)
    print(f"{n} samples")
    if a.threads:
        by_thread, roles = collections.Counter(), collections.defaultdict(collections.Counter)
        for tid, s in tagged:
            by_thread[tid] += 1
            names = [name(f) for f in s]
            role = next((r for key, r in ROLES if any(key in f for f in names)), "other")
            roles[tid][role] += 1
        for tid, c in by_thread.most_common():
            print(f"{100 * c / n:5.1f}% thread {tid}: {roles[tid].most_common(1)[0][0]}")
        return
    if a.refcounts:
        counts = collections.Counter()
        total = 0
        for s in samples:
            if s[0] in ("swift_retain", "swift_release") and len(s) > 1:
                total += 1
                counts[(s[0], name(s[1]))] += 1
        print(f"{100 * total / n:5.1f}% in swift_retain and swift_release; by caller:")
        for (fn, caller), c in counts.most_common(a.top):
            print(f"{100 * c / n:5.2f}% {fn:14s} {caller[:110]}")
        return
    if a.match:
        hit = sum(1 for s in samples if any(a.match in name(f) for f in s))
        print(f"{100 * hit / n:5.1f}% of samples under a function whose name contains {a.match!r}")
        return
    inclusive, own = collections.Counter(), collections.Counter()
    for s in samples:
        own[s[0]] += 1
        for f in set(s):
            inclusive[f] += 1
    print("inclusive  self  function")
    for f, c in inclusive.most_common(a.top):
        print(f"{100 * c / n:8.1f}% {100 * own[f] / n:5.1f}% {name(f)[:110]}")


if __name__ == "__main__":
    main()
