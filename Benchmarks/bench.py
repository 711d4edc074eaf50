#!/usr/bin/env python3
"""The comply benchmark: registers of several sizes, comply against two references, one Markdown report.

Run through Benchmarks/run.sh (which builds the release binary and the DuckDB virtual environment first):

    Benchmarks/run.sh [--sizes 10k,100k,1M,10M] [--runs 3] [--callgrind] [...]

For each size it generates (or reuses) Benchmarks/data/register-SIZE.csv and times, in rounds so that machine noise
falls on every tool alike:

  floor   `wc -l FILE`: reading the bytes once, the I/O floor
  comply  `.build/release/comply check FILE --as-of 2020-06-30 --format json --output OUT --fail-on never`
          (the full bundled pack, 12 rules)
  duckdb  `Benchmarks/.venv/bin/python Benchmarks/duckdb_rules.py FILE --as-of 2020-06-30 --out OUT`: three rules as
          SQL (Benchmarks/duckdb_rules.sql), interpreter start-up and `import duckdb` included

Wall time is the median of --runs runs (min and max shown too); peak RSS is the largest ru_maxrss of those runs
(from wait4 on the child). It then checks that comply and DuckDB count the same violations for the three rules,
times comply with a 120-rule pack against the 12 bundled rules, the 2018 sample end to end, `comply validate
Rules/eia`, and with --callgrind counts instructions for the 100k file under valgrind. Standard library only.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "Benchmarks"
DATA = BENCH / "data"
COMPLY = ROOT / ".build" / "release" / "comply"
BIN = COMPLY  # replaced by a private copy at start, so that a concurrent rebuild cannot change it mid-run
VENV_PY = BENCH / ".venv" / "bin" / "python"
AS_OF = "2020-06-30"
DUCK_RULES = ["construction-before-approval", "operation-before-acceptance", "acceptance-overdue"]
GB = 1_000_000_000


def rel(p):
    if str(p) == str(BIN):
        return ".build/release/comply"
    try:
        return str(pathlib.Path(p).relative_to(ROOT))
    except ValueError:
        return str(p)


def parse_size(s):
    s = s.strip()
    mult = {"k": 10**3, "K": 10**3, "M": 10**6, "m": 10**6}.get(s[-1], 1)
    return int(float(s[:-1] if mult != 1 else s) * mult)


def run_once(cmd, capture=False):
    """(wall seconds, peak RSS in KB, exit code, stdout, stderr) of one run of cmd."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    out = p.stdout.read() if capture else b""
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    return wall, ru.ru_maxrss, p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


class Measure:
    def __init__(self, name, cmd, capture=False):
        self.name, self.cmd, self.capture = name, cmd, capture
        self.walls, self.rss, self.last_out, self.last_err = [], 0, "", ""

    def run(self, capture=False):
        wall, rss, rc, out, err = run_once(self.cmd, capture)
        if rc != 0:
            sys.exit(f"{self.name}: exit status {rc}\n$ {shlex.join(map(str, self.cmd))}\n{err[-2000:]}")
        self.walls.append(wall)
        self.rss = max(self.rss, rss)
        self.last_out, self.last_err = out, err

    @property
    def median(self):
        return statistics.median(self.walls)


def rounds(measures, runs):
    for _ in range(runs):
        for m in measures:
            m.run(capture=m.capture)


def comply_summary(path):
    """The `summary` object of a comply JSON report, read from the file's tail (the report can be large)."""
    with open(path, "rb") as f:
        f.seek(0, 2)
        n = f.tell()
        f.seek(max(0, n - 1_000_000))
        tail = f.read().decode("utf-8", "replace")
    i = tail.rfind('"summary":')
    body = tail[i + len('"summary":'):].rstrip()
    assert body.endswith("}"), "unexpected end of the JSON report"
    return json.loads(body[:-1])


def fmt_rate(x):
    if x >= 1e6:
        return f"{x / 1e6:.2f}M"
    if x >= 1e3:
        return f"{x / 1e3:.0f}k"
    return f"{x:.0f}"


def machine():
    mtime = datetime.datetime.fromtimestamp(BIN.stat().st_mtime).astimezone().isoformat(timespec="seconds")
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return "?"
    load = open("/proc/loadavg").read().split()[:3]
    py = shlex.quote(str(VENV_PY))
    duck = sh(py + " -c 'import duckdb; print(duckdb.__version__)'")
    changed = sh("git status --porcelain -- Sources Package.swift").splitlines()
    diff_id = sh("git diff HEAD -- Sources Package.swift | sha256sum | cut -c1-12")
    untracked = sh("git ls-files --others --exclude-standard -- Sources | xargs -r cat | sha256sum | cut -c1-12")
    dirty = (f" plus uncommitted changes to {len(changed)} files under Sources (diff sha256 {diff_id}, untracked "
             f"files sha256 {untracked})" if changed else "")
    bin_sha = sh(f"sha256sum {shlex.quote(str(BIN))} | cut -c1-16")
    lines = [
        f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- host: {platform.platform()}",
        f"- nproc: {sh('nproc')}; load average at start: {' '.join(load)}",
        "- memory: " + sh("free -g | sed -n 2p").replace("Mem:", "total/used/free/shared/cache/avail GiB:"),
        "- lscpu:",
        *[f"    {l}" for l in sh("lscpu | grep -E '^(Architecture|CPU\\(s\\)|Model name|Thread|Core|Socket|"
                                 "CPU max MHz|Hypervisor|L1d|L2|L3)'").splitlines()],
        "- swift: " + sh("swift --version 2>&1 | head -n 1"),
        f"- comply: {sh(shlex.quote(str(BIN)) + ' --version')} at git {sh('git rev-parse --short HEAD')}{dirty}; "
        f"binary sha256 {bin_sha}…, built {mtime}, copied before the first measurement and measured from the copy",
        f"- duckdb: {duck} (PyPI, {sh(py + ' --version')}); {sh('wc --version | head -n 1')}",
    ]
    return "\n".join(lines)


def ensure_register(label, rows, seed):
    path = DATA / f"register-{label}.csv"
    if path.exists():
        print(f"reusing {rel(path)}", file=sys.stderr)
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.part")
    subprocess.run([sys.executable, str(BENCH / "generate_register.py"), str(rows), str(tmp), "--seed", str(seed)],
                   check=True, cwd=ROOT)
    tmp.rename(path)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M,10M")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--small-runs", type=int, default=11, help="runs for the sample and validate timings")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules-size", default="1M",
                    help="size at which the 120-rule pack is compared with the 12 ('none' to skip)")
    ap.add_argument("--pack-rules", type=int, default=120)
    ap.add_argument("--pack-runs", type=int, default=None, help="runs with the big pack (default: --runs)")
    ap.add_argument("--check-size", default="100k", help="size whose per-rule counts comply and DuckDB must agree on ('all', or 'none' to skip)")
    ap.add_argument("--skip-after", type=float, default=20.0,
                    help="skip the larger sizes once comply's median exceeds this many seconds")
    ap.add_argument("--duckdb-threads", type=int, default=None, help="default: DuckDB's (all cores)")
    ap.add_argument("--no-single-thread", action="store_true",
                    help="do not also time comply with one worker (--jobs 1) and DuckDB with 1 thread")
    ap.add_argument("--callgrind", action="store_true", help="also count instructions on the 100k file (slow)")
    ap.add_argument("--callgrind-size", default="100k")
    ap.add_argument("--keep-large", action="store_true", help="keep generated registers over 1 GB")
    ap.add_argument("--report", default=str(DATA / "last-run.md"), help="also write the report here")
    ap.add_argument("--against", metavar="BINARY",
                    help="another comply binary (an earlier build) timed in the same rounds: the host's speed can "
                         "vary between runs minutes apart by more than one change gains")
    a = ap.parse_args()

    if not COMPLY.exists():
        sys.exit(f"{COMPLY} missing: run `swift build -c release` (Benchmarks/run.sh does)")
    if not VENV_PY.exists():
        sys.exit(f"{VENV_PY} missing: Benchmarks/run.sh creates the virtual environment")
    out_dir = pathlib.Path(tempfile.mkdtemp(prefix="comply-bench-"))
    global BIN
    BIN = out_dir / "comply"
    shutil.copy2(COMPLY, BIN)
    against = None
    if a.against:
        against = out_dir / "comply-against"
        shutil.copy2(a.against, against)
    help_text = run_once([str(BIN), "check", "--help"], capture=True)[3]
    # the option that sets comply's worker threads, if this build has one
    threads_option = next((o for o in ("--jobs", "--threads") if o + " " in help_text), None)
    single = threads_option and not a.no_single_thread
    report = []
    report_path = pathlib.Path(a.report)
    report_path.parent.mkdir(parents=True, exist_ok=True)

    def say(line):
        """Add a line to the report; the file is rewritten as it grows, so an interrupted run keeps what it has."""
        report.append(line)
        report_path.write_text("\n".join(report) + "\n", encoding="utf-8")

    say("## Machine\n")
    say(machine())
    if against:
        # sha256sum, not read into this process: a child's peak RSS counts the parent's memory until it execs.
        digest = subprocess.run(["sha256sum", str(against)], capture_output=True, text=True).stdout[:16]
        say(f"- against: `{a.against}`, binary sha256 {digest}…, copied before the first measurement")
    say("")
    say("## Commands\n")
    say("```sh")
    say(f"Benchmarks/run.sh {' '.join(shlex.quote(x) for x in sys.argv[1:])}".rstrip())
    say(f"# per file, {a.runs} runs each, in rounds (floor, comply, duckdb, floor, comply, duckdb, ...):")
    say("wc -l FILE")
    say(f".build/release/comply check FILE --as-of {AS_OF} --format json --output OUT.json --fail-on never")
    say(f"Benchmarks/.venv/bin/python Benchmarks/duckdb_rules.py FILE --as-of {AS_OF} --out OUT.csv"
        + (f" --threads {a.duckdb_threads}" if a.duckdb_threads else ""))
    if single:
        say("# and, single-threaded:")
        say(f".build/release/comply check FILE --as-of {AS_OF} --format json --output OUT.json --fail-on never "
            f"{threads_option} 1")
        say(f"Benchmarks/.venv/bin/python Benchmarks/duckdb_rules.py FILE --as-of {AS_OF} --out OUT.csv --threads 1")
    say("```\n")

    sizes = [(s.strip(), parse_size(s)) for s in a.sizes.split(",") if s.strip()]
    rows_table = []
    per_size = {}
    skipped = []
    for label, rows in sizes:
        if per_size and max(r["comply"].median for r in per_size.values()) > a.skip_after:
            skipped.append(label)
            continue
        path = ensure_register(label, rows, a.seed)
        size = path.stat().st_size
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
        jout, dout = out_dir / f"comply-{label}.json", out_dir / f"duckdb-{label}.csv"
        duck_cmd = [str(VENV_PY), str(BENCH / "duckdb_rules.py"), str(path), "--as-of", AS_OF, "--out", str(dout)]
        if a.duckdb_threads:
            duck_cmd += ["--threads", str(a.duckdb_threads)]
        nproc = os.cpu_count()
        comply_cmd = [str(BIN), "check", str(path), "--as-of", AS_OF, "--format", "json", "--output", str(jout),
                      "--fail-on", "never"]
        ms = {
            "floor": Measure("floor (wc -l)", ["wc", "-l", str(path)], capture=True),
            "comply": Measure(f"comply (12 rules{f', {nproc} threads' if threads_option else ''})", comply_cmd),
            "duckdb": Measure(f"DuckDB (3 rules{f', {a.duckdb_threads or nproc} threads'})", duck_cmd, capture=True),
        }
        if single:
            ms["comply1"] = Measure(f"comply (12 rules, {threads_option} 1)", comply_cmd + [threads_option, "1"])
            duck1 = [str(VENV_PY), str(BENCH / "duckdb_rules.py"), str(path), "--as-of", AS_OF, "--out",
                     str(dout) + ".1", "--threads", "1"]
            ms["duckdb1"] = Measure("DuckDB (3 rules, 1 thread)", duck1, capture=True)
        if against:
            other = [str(against)] + comply_cmd[1:]
            other[other.index("--output") + 1] = str(out_dir / f"against-{label}.json")
            ms["against"] = Measure(f"comply against (12 rules{f', {nproc} threads' if threads_option else ''})",
                                    other)
            if single:
                ms["against1"] = Measure(f"comply against (12 rules, {threads_option} 1)", other + [threads_option, "1"])
        print(f"[{label}] {rows} rows, {size / 1e6:.1f} MB: {a.runs} rounds ...", file=sys.stderr)
        rounds(list(ms.values()), a.runs)
        lines = int(ms["floor"].last_out.split()[0])
        assert lines == rows + 1, f"wc -l says {lines} lines, expected {rows + 1}"
        summary = comply_summary(jout)
        duck_counts = json.loads(ms["duckdb"].last_out)
        duck_query = ms["duckdb"].last_err.strip()
        per_size[label] = dict(ms, rows=rows, size=size, summary=summary, duck=duck_counts, duck_query=duck_query)
        for key, m in ms.items():
            rows_table.append((label, rows, size, m, ms["floor"].median, ms["duckdb"].median))
        print(f"[{label}] floor {ms['floor'].median:.3f} s, comply {ms['comply'].median:.3f} s, "
              f"duckdb {ms['duckdb'].median:.3f} s", file=sys.stderr)

    say("## Throughput\n")
    say(f"Median of {a.runs} runs (min–max in brackets); rows/s and MB/s from the median; peak RSS is the largest of "
        "the runs; ×floor and ×DuckDB divide the tool's median by `wc -l`'s and DuckDB's on the same file. "
        "MB = 10^6 bytes.\n")
    say("| size | rows | MB | tool | median s (min–max) | rows/s | MB/s | peak RSS MB | ×floor | ×DuckDB |")
    say("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for label, rows, size, m, floor, duck in rows_table:
        med = m.median
        say(f"| {label} | {rows:,} | {size / 1e6:.1f} | {m.name} | {med:.3f} ({min(m.walls):.3f}–{max(m.walls):.3f}) "
            f"| {fmt_rate(rows / med)} | {size / 1e6 / med:.1f} | {m.rss / 1024:.1f} | {med / floor:.1f} "
            f"| {med / duck:.2f} |")
    if skipped:
        say(f"\nSkipped: {', '.join(skipped)} (comply's median exceeded {a.skip_after:g} s at a smaller size).")
    say("")

    if per_size:
        say("### comply time per row (linearity in rows)\n")
        say(f"| size | comply µs/row | ns/byte | comply {threads_option} 1 µs/row | findings | undetermined |")
        say("|---|---:|---:|---:|---:|---:|")
        for label, r in per_size.items():
            med = r["comply"].median
            one = f"{r['comply1'].median / r['rows'] * 1e6:.2f}" if "comply1" in r else "—"
            say(f"| {label} | {med / r['rows'] * 1e6:.2f} | {med / r['size'] * 1e9:.1f} | {one} "
                f"| {r['summary']['findings']:,} | {r['summary']['undetermined']:,} |")
        say("")
        say("DuckDB query time alone (no interpreter start-up or import), last run: "
            + "; ".join(f"{label}: {r['duck_query'].split('query ')[-1]}" for label, r in per_size.items()) + "\n")

    if against and per_size:
        say("### Against the other build, in the same rounds\n")
        say(f"`--against {a.against}`: the same command with the other binary, timed in every round beside this one. "
            "Below 1 is faster than it; the findings must be the same.\n")
        say("| size | this / other (2 threads) | this / other (one thread) | same findings |")
        say("|---|---:|---:|---|")
        for label, r in per_size.items():
            one = f"{r['comply1'].median / r['against1'].median:.3f}" if "against1" in r else "—"
            same = comply_summary(out_dir / f"against-{label}.json")["findings_by_rule"] == r["summary"]["findings_by_rule"]
            say(f"| {label} | {r['comply'].median / r['against'].median:.3f} | {one} | {'yes' if same else '**no**'} |")
        say("")

    # correctness cross-check (`--check-size none` skips it)
    all_agree = True
    if a.check_size != "none":
        say("## Cross-check: comply and DuckDB count the same violations\n")
    for label, r in per_size.items():
        if label != a.check_size and a.check_size != "all":
            continue
        by_rule = r["summary"]["findings_by_rule"]
        say(f"On {label} ({r['rows']:,} rows, as of {AS_OF}):\n")
        say("| rule | comply | DuckDB | agree |")
        say("|---|---:|---:|---|")
        for rule in DUCK_RULES:
            c, d = by_rule.get(rule, 0), r["duck"].get(rule, 0)
            all_agree &= c == d
            say(f"| {rule} | {c:,} | {d:,} | {'yes' if c == d else '**NO**'} |")
        say(f"\nAll three agree: **{'yes' if all_agree else 'NO'}**. comply undetermined outcomes: "
            f"{r['summary']['undetermined']}, warnings: {r['summary']['warnings']}. Rows with a finding: see "
            "`generate_register.py --stats`; comply findings by rule: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(by_rule.items())) + ".\n")
    if a.check_size != "none":
        print(f"cross-check: {'agree' if all_agree else 'DISAGREE'}", file=sys.stderr)

    # rules scaling
    # `none` skips it (any other size not measured falls back to the largest one measured).
    rlabel = None if a.rules_size == "none" else (
        a.rules_size if a.rules_size in per_size else (list(per_size)[-1] if per_size else None))
    if rlabel:
        pack_dir = DATA / f"pack-{a.pack_rules}"
        subprocess.run([sys.executable, str(BENCH / "generate_pack.py"), str(pack_dir), "--rules", str(a.pack_rules)],
                       check=True, cwd=ROOT)
        r = per_size[rlabel]
        path = DATA / f"register-{rlabel}.csv"
        big = Measure(f"comply ({a.pack_rules} rules)", [str(BIN), "check", str(path), "--as-of", AS_OF,
                                                         "--rules", str(pack_dir), "--format", "json",
                                                         "--output", str(out_dir / "comply-pack.json"),
                                                         "--fail-on", "never"])
        print(f"[{rlabel}] {a.pack_rules}-rule pack ...", file=sys.stderr)
        rounds([big], a.pack_runs or a.runs)
        small = r["comply"]
        bsum = comply_summary(out_dir / "comply-pack.json")
        say(f"## Rules: {a.pack_rules} vs 12 on {rlabel}\n")
        say(f"The {a.pack_rules}-rule pack is the bundled pack plus copies of each rule with new ids "
            f"(`Benchmarks/generate_pack.py {rel(pack_dir)} --rules {a.pack_rules}`); every finding is repeated "
            "once per copy.\n")
        say("| pack | rules | median s (min–max) | rows/s | MB/s | peak RSS MB | findings | s per rule |")
        say("|---|---:|---:|---:|---:|---:|---:|---:|")
        for m, n, s in ((small, 12, r["summary"]), (big, a.pack_rules, bsum)):
            say(f"| {m.name} | {n} | {m.median:.3f} ({min(m.walls):.3f}–{max(m.walls):.3f}) | "
                f"{fmt_rate(r['rows'] / m.median)} | {r['size'] / 1e6 / m.median:.1f} | {m.rss / 1024:.1f} | "
                f"{s['findings']:,} | {m.median / n:.3f} |")
        say(f"\nTime ratio {a.pack_rules}/12 rules: **{big.median / small.median:.2f}×** for "
            f"{a.pack_rules / 12:.0f}× the rules (linear in rules would be {a.pack_rules / 12:.0f}×; the fixed part, "
            "reading and parsing the register, is shared).")
        per_rule = (big.median - small.median) / (a.pack_rules - 12)
        fixed = small.median - 12 * per_rule
        say(f"Fitting time = fixed + rules × per-rule through the two points: per rule {per_rule / r['rows'] * 1e9:.0f} "
            f"ns/row, fixed (reading, parsing, reporting) {fixed / r['rows'] * 1e9:.0f} ns/row, i.e. at 12 rules "
            f"{100 * fixed / small.median:.0f}% of the time is the fixed part. "
            f"{a.pack_runs or a.runs} run(s) with the big pack.\n")

    # small inputs
    small_ms = [
        Measure("sample 2018, check --format json", [str(BIN), "check", "Samples/ngari-2018-register.csv",
                                                     "--as-of", "2018-11-05", "--format", "json", "--output",
                                                     str(out_dir / "sample.json"), "--fail-on", "never"]),
        Measure("sample 2018, check (text to stdout)", [str(BIN), "check", "Samples/ngari-2018-register.csv",
                                                        "--as-of", "2018-11-05", "--fail-on", "never"]),
        Measure("validate Rules/eia", [str(BIN), "validate", "Rules/eia"]),
    ]
    print(f"small inputs, {a.small_runs} runs ...", file=sys.stderr)
    rounds(small_ms, a.small_runs)
    say("## Small inputs (target ≤ 50 ms each)\n")
    say("| command | median ms (min–max) | peak RSS MB | ≤ 50 ms |")
    say("|---|---:|---:|---|")
    for m in small_ms:
        shown = " ".join("OUT.json" if str(c).startswith(str(out_dir)) and str(c) != str(BIN) else rel(c)
                         for c in m.cmd)
        say(f"| `{shown}` | {m.median * 1e3:.1f} ({min(m.walls) * 1e3:.1f}–"
            f"{max(m.walls) * 1e3:.1f}) | {m.rss / 1024:.1f} | {'yes' if m.median <= 0.05 else '**no**'} |")
    say(f"\n({a.small_runs} runs each; the output path is a temporary file.)\n")

    if a.callgrind:
        clabel = a.callgrind_size
        rows = parse_size(clabel)
        path = ensure_register(clabel, rows, a.seed)
        cg_out = out_dir / "callgrind.out"
        # valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits, so profile a copy without debug info (the
        # symbol table stays, so functions keep their names).
        binary = out_dir / "comply-nodebug"
        shutil.copyfile(BIN, binary)
        binary.chmod(0o755)
        subprocess.run(["strip", "--strip-debug", str(binary)], check=True)
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg_out}", str(binary), "check", str(path),
               "--as-of", AS_OF, "--format", "json", "--output", str(out_dir / "cg.json"), "--fail-on", "never"]
        print(f"callgrind on {clabel} (slow) ...", file=sys.stderr)
        wall, _, rc, _, err = run_once(cmd)
        say(f"## Instruction count (callgrind, {clabel} rows)\n")
        say("```sh")
        say("strip --strip-debug (copy of .build/release/comply)  # valgrind 3.19 cannot read Swift 6's DWARF 5")
        say(" ".join("comply" if c == str(binary) else rel(c) for c in cmd).replace(str(out_dir) + "/", ""))
        say("```\n")
        total = None
        if rc == 0 and cg_out.exists():
            for line in cg_out.read_text(errors="replace").splitlines():
                if line.startswith(("summary:", "totals:")):
                    total = int(line.split()[1])
        if total is None:
            say(f"callgrind failed (exit status {rc}):\n\n```\n{err[-1500:]}\n```\n")
        else:
            say(f"Total Ir: **{total:,}** ({total / rows:,.0f} per row; {wall:.0f} s under valgrind).\n")
            ann = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", str(cg_out)],
                                 capture_output=True, text=True).stdout
            top = [l for l in ann.splitlines() if "(" in l and l.strip()[:1].isdigit() and "PROGRAM TOTALS" not in l]
            top = top[:25]
            try:  # readable Swift names when the toolchain's demangler is there
                top = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(top), capture_output=True,
                                     text=True, check=True).stdout.splitlines()
            except (OSError, subprocess.CalledProcessError):
                pass
            if top:
                say("Top functions by exclusive Ir (`callgrind_annotate --inclusive=no`, demangled):\n")
                say("```")
                say("\n".join(l[:200] for l in top))
                say("```\n")
            shutil.copyfile(cg_out, DATA / f"callgrind-{clabel}.out")

    say(f"Load average at the end: {open('/proc/loadavg').read().split()[:3]}.")
    print("\n".join(report))
    print(f"report written to {rel(a.report)}", file=sys.stderr)

    if not a.keep_large:
        for p in DATA.glob("register-*.csv"):
            if p.stat().st_size > GB:
                print(f"deleting {rel(p)} ({p.stat().st_size / 1e9:.1f} GB; --keep-large keeps it)", file=sys.stderr)
                p.unlink()
    shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
