#!/usr/bin/env python3
"""Where a `perf record -g` profile of comply spends its samples, with Swift names demangled.

    perf record -g -o two.data .build/release/comply check Benchmarks/data/register-1M.csv --as-of 2020-06-30 \\
      --format json --output /tmp/o.json --fail-on never
    python3 Benchmarks/perf_profile.py two.data                  # top functions, inclusive and self
    python3 Benchmarks/perf_profile.py two.data --refcounts      # retains and releases by their caller
    python3 Benchmarks/perf_profile.py two.data --match KeyTable  # share of the functions whose name has this

Shares are of all samples. Needs `perf` and `swift demangle` on the PATH.
"""
import argparse
import collections
import subprocess


def stacks(data):
    """Each sample's stack, innermost function first."""
    text = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], capture_output=True, text=True).stdout
    for block in text.split("\n\n"):
        frames = [line.split(None, 1)[1] for line in block.strip().split("\n") if len(line.split(None, 1)) == 2]
        if frames:
            yield frames


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
    a = ap.parse_args()
    samples = list(stacks(a.data))
    n = len(samples)
    name = demangler(f for s in samples for f in s)
    print(f"{n} samples")
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
