#!/usr/bin/env python3
"""Write a deterministic synthetic construction-project register in comply's canonical schema.

    python3 Benchmarks/generate_register.py ROWS OUT.csv [--seed N] [--stats]

* The 21 canonical fields, each under the FIRST Chinese header the bundled pack lists for it
  (Rules/eia/pack.yaml), in schema order. UTF-8 without BOM, LF line endings, RFC 4180 quoting.
* ISO full dates only (`YYYY-MM-DD`), no month-only dates, no unreadable cells, blanks written as empty cells;
  every date is on or before the benchmark audit date 2020-06-30 (`AS_OF`). This keeps the three rules that
  Benchmarks/duckdb_rules.sql re-implements in plain SQL exactly equivalent to comply's semantics.
* Categories 报告书/报告表 (~89%), 登记表 (~8%), 不纳入 (~3%). About 5% of rows are built to violate one rule
  (construction-before-approval, operation-before-acceptance and acceptance-overdue take two thirds of them; the
  other nine rules share the rest); the other rows are compliant with all twelve bundled rules at AS_OF.
  A violating row may fire a second rule (a project in operation with no acceptance is usually also overdue).
* A few remarks hold commas and double quotes, so the writer has to quote; none holds a line break, so
  `wc -l` = rows + 1.
* Deterministic: the same ROWS and --seed give identical bytes (random.Random(seed) only; no time, no hash order).
  Rows are made in blocks of 50,000, each seeded from (seed, block number), by worker processes (--jobs, default
  all CPUs; the bytes do not depend on it) and written in order, so memory stays flat. Standard library only.
"""
import argparse
import datetime as dt
import multiprocessing
import os
import random
import sys
import time

AS_OF = dt.date(2020, 6, 30)
HEADERS = [
    "项目编号", "项目名称", "县区", "行业", "建设单位", "环评类别", "环评批复文号", "环评批复日期", "备案日期",
    "重新审核日期", "重大变动", "重新报批日期", "开工日期", "竣工日期", "环保设施竣工日期", "调试日期", "投产日期",
    "验收日期", "总投资(万元)", "环保投资(万元)", "备注",
]
BLOCK = 50_000  # rows per block (the unit of seeding, parallel work and writing)

# --- pools (built once from a fixed seed, independent of --seed so that names look the same across seeds) ---------
COUNTIES = [
    ("噶尔县", "噶"), ("普兰县", "普"), ("札达县", "札"), ("日土县", "日"), ("革吉县", "革"), ("改则县", "改"),
    ("措勤县", "措"), ("城关区", "城"), ("堆龙德庆区", "堆"), ("林周县", "林"), ("当雄县", "当"), ("尼木县", "尼"),
    ("曲水县", "曲"), ("达孜区", "达"), ("墨竹工卡县", "墨"), ("桑珠孜区", "桑"), ("南木林县", "南"), ("江孜县", "江"),
    ("定日县", "定"), ("萨迦县", "萨"), ("拉孜县", "拉"), ("昂仁县", "昂"), ("谢通门县", "谢"), ("白朗县", "白"),
    ("仁布县", "仁"), ("康马县", "康"), ("定结县", "结"), ("仲巴县", "仲"), ("亚东县", "亚"), ("吉隆县", "吉"),
    ("聂拉木县", "聂"), ("萨嘎县", "嘎"),
]
SECTORS = ["水利", "交通", "能源", "市政", "扶贫", "农业", "旅游", "矿产", "建材", "电力", "通信", "教育"]
PLACES = ["狮泉河", "巴嘎", "门士", "霍尔", "托林", "底雅", "多玛", "热邦", "文布", "雄巴", "扎西岗", "左左",
          "昆莎", "日松", "达雄", "曲洛", "麻米", "洞措", "古姆", "物玛", "先遣", "察布", "亚热", "盐湖"]
WORKS = ["供水工程", "污水处理厂", "公路改建", "桥梁工程", "光伏电站", "水电站", "垃圾填埋场", "安置点建设",
         "输变电工程", "砂石料场", "学校建设", "游客中心", "灌溉渠道", "通信基站", "农牧民住房", "防洪堤"]
ORGS = ["县住房和城乡建设局", "县水利局", "县交通运输局", "县发展和改革委员会", "县农业农村局", "县教育局",
        "电力有限公司", "水务有限公司", "建设投资有限公司", "旅游开发有限公司", "县扶贫开发办公室", "矿业有限公司"]
REMARKS = ["已整改", "分期建设", "续建项目", "已补办手续", "待核实", "二期工程",
           '"含引号"的备注', "一期已验收，二期在建", '附注：见"整改台账"，第3页']


def _quote(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def _pools():
    rnd = random.Random(20180)
    names = [p + (w if rnd.random() < 0.7 else "二期" + w) for p in PLACES for w in WORKS]  # 384
    builders = [c[0][:-1] + o for c in COUNTIES for o in ORGS]  # 384
    rnd.shuffle(names)
    rnd.shuffle(builders)
    return [_quote(n) for n in names], [_quote(b) for b in builders], [_quote(r) for r in REMARKS]


NAMES, BUILDERS, REMARKS_Q = _pools()

# Day numbers are offsets from EPOCH; DATE[n] is the ISO string of day n, YEAR[n] its year.
EPOCH = dt.date(2000, 1, 1)
NDAYS = (dt.date(2030, 12, 31) - EPOCH).days + 1
DATE = [(EPOCH + dt.timedelta(days=i)).isoformat() for i in range(NDAYS)] + [""]
NONE = NDAYS  # the day number of a blank cell: DATE[NONE] == ""
YEAR = [s[:4] for s in DATE]
ASOF = (AS_OF - EPOCH).days
D2008 = (dt.date(2008, 1, 1) - EPOCH).days
D2012 = (dt.date(2012, 1, 1) - EPOCH).days
D2016 = (dt.date(2016, 6, 1) - EPOCH).days
SPAN_A = (dt.date(2017, 6, 1) - EPOCH).days - D2008  # clean approvals 2008-01-01 .. 2017-06-01


def block(args):
    """Rows first .. first + count - 1 of block number `index`, as UTF-8 bytes, and the row kinds counted.
    Each block has its own generator seeded from (seed, index), so the output does not depend on --jobs."""
    seed, index, first, count = args
    rnd = random.Random(seed * 1_000_003 + index)
    bits = rnd.getrandbits
    rand = rnd.random
    names, builders, remarks = NAMES, BUILDERS, REMARKS_Q
    nn, nb, nr = len(names), len(builders), len(remarks)
    counties, sectors = COUNTIES, SECTORS
    D, Y, N = DATE, YEAR, NONE
    stats = {}
    buf = []
    push = buf.append
    for i in range(first, first + count):
        r = bits(64)
        q = bits(32)
        cty, pre = counties[r % 32]
        sector = sectors[(r >> 5) % 12]
        name = names[(r >> 9) % nn]
        builder = builders[(r >> 18) % nb]
        t = 50 + (q & 0x7FFF)  # total investment, 万元: 50 .. 32817; environmental investment > 0
        total = str(t)
        env = str(t // 20 + 1 + ((q >> 15) & 15)) + (".5" if q & 0x80000 else "")
        remark = remarks[(q >> 20) % nr] if (q >> 24) & 63 == 0 else ""
        kind = rand()
        # defaults: a completed, accepted, operating category-A project
        a = D2008 + (r >> 27) % SPAN_A
        s = a + 1 + ((r >> 40) & 255)
        c = s + 180 + ((r >> 48) & 511)
        fac = c - ((q >> 4) & 15)
        dbg = fac + 1 + ((r >> 57) & 15) if (q >> 8) & 3 == 0 else N
        acc = fac + 20 + ((q >> 10) & 63)
        op = acc + ((q >> 16) & 15)
        cat = "报告书" if (r >> 26) & 1 else "报告表"
        no = f"{pre}环评〔{Y[a]}〕{1 + (q >> 30) + ((r >> 60) << 2)}号"
        filing = rere = mapp = N
        major_s = "否" if (q >> 12) & 3 == 0 else ""
        if kind < 0.80:
            v = "clean"
            if kind < 0.08:  # under construction: started, nothing completed yet
                v = "clean-in-progress"
                s = min(s, ASOF)
                c = fac = dbg = acc = op = N
            elif kind < 0.10:  # major change, re-approved
                major_s, mapp = "是", s + 30
        elif kind < 0.88:  # 登记表: filed before operation, no approval
            v = "clean-registration"
            cat, no, a, fac, dbg, acc = "登记表", "", N, N, N, N
            filing = s - 1 - ((q >> 4) & 63)
        elif kind < 0.91:  # 不纳入
            v = "clean-exempt"
            cat, no, a, fac, dbg, acc, op = "不纳入", "", N, N, N, N, N
        elif kind < 0.95:  # compliant project, re-reviewed after a late start (approval-expired compliant)
            v = "clean-rereviewed"
            a = D2008 + (r >> 27) % 900
            s = a + 1900 + ((r >> 40) & 127)
            rere = s - 10
            c = s + 100 + ((r >> 48) & 255)
            fac, dbg = c, N
            acc = fac + 20
            op = acc + 5
        else:
            # violations: w in [0, 1)
            w = (kind - 0.95) * 20
            if w < 0.15:
                v = "construction-before-approval"  # started before the approval
                s = a - 1 - ((r >> 40) & 255)
            elif w < 0.27:
                v = "construction-before-approval"  # never approved
                a, no = N, ""
            elif w < 0.40:
                v = "operation-before-acceptance"  # in operation, never accepted (usually also overdue)
                acc = N
            elif w < 0.52:
                v = "operation-before-acceptance"  # accepted only after operation started
                op = fac + 1 + ((q >> 16) & 15)
                acc = op + 1 + ((q >> 10) & 63)
            elif w < 0.67:
                v = "acceptance-overdue"  # facilities complete, no acceptance, no operation
                a = D2008 + (r >> 27) % ((D2016 - D2008) - 1500)
                s = a + 1 + ((r >> 40) & 255)
                c = s + 180 + ((r >> 48) & 511)
                fac = c - ((q >> 4) & 15)
                dbg = fac + 1 if dbg != N else N
                acc = op = N
            elif w < 0.71:
                v = "approval-expired"
                a = D2008 + (r >> 27) % 900
                s = a + 1900 + ((r >> 40) & 127)
                c = s + 100 + ((r >> 48) & 255)
                fac, dbg = c, N
                acc = fac + 20
                op = acc + 5
            elif w < 0.75:
                v = "major-change-not-reapproved"
                major_s = "是"
            elif w < 0.79:
                v = "registration-not-filed"
                cat, no, a, fac, dbg, acc = "登记表", "", N, N, N, N
            elif w < 0.83:
                v = "env-investment-missing"
                env = "0" if q & 1 else ""
            elif w < 0.87:
                v = "facilities-not-in-operation"  # facilities never recorded; completion date is the proxy
                fac = dbg = N
            elif w < 0.91:
                v = "debugging-before-facilities"
                dbg = fac - 1 - ((r >> 57) & 15)
            elif w < 0.95:
                v = "date-order"  # completion recorded before the start
                c = s - 1 - ((r >> 48) & 63)
                fac, dbg, op = N, N, N
                acc = s + 30  # accepted, so acceptance-overdue stays out of it
            else:
                v = "approval-number-missing"
                no = ""
        stats[v] = stats.get(v, 0) + 1
        push(f"P{i:08d},{name},{cty},{sector},{builder},{cat},{no},{D[a]},{D[filing]},{D[rere]},{major_s},"
             f"{D[mapp]},{D[s]},{D[c]},{D[fac]},{D[dbg]},{D[op]},{D[acc]},{total},{env},{remark}\n")
    return "".join(buf).encode("utf-8"), stats


def generate(rows, out, seed=1, jobs=None):
    """Write the register; blocks are generated by `jobs` worker processes and written in order."""
    jobs = jobs or os.cpu_count() or 1
    tasks = [(seed, k, 1 + k * BLOCK, min(BLOCK, rows - k * BLOCK)) for k in range((rows + BLOCK - 1) // BLOCK)]
    stats = {}
    with open(out, "wb") as f:
        f.write((",".join(HEADERS) + "\n").encode("utf-8"))
        if jobs == 1 or len(tasks) < 2:
            results = map(block, tasks)
            pool = None
        else:
            pool = multiprocessing.Pool(jobs)
            results = pool.imap(block, tasks, chunksize=1)
        for data, st in results:
            f.write(data)
            for k, v in st.items():
                stats[k] = stats.get(k, 0) + v
        if pool:
            pool.close()
            pool.join()
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=lambda s: int(float(s.replace("k", "e3").replace("M", "e6"))))
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: all CPUs); output is the same")
    ap.add_argument("--stats", action="store_true", help="print the row kinds generated")
    a = ap.parse_args()
    t = time.perf_counter()
    stats = generate(a.rows, a.out, a.seed, a.jobs)
    el = time.perf_counter() - t
    size = os.path.getsize(a.out)
    print(f"{a.out}: {a.rows} rows, {size / 1e6:.1f} MB, {size / max(a.rows, 1):.1f} bytes/row, "
          f"{el:.1f} s ({a.rows / el / 1e3:.0f}k rows/s)", file=sys.stderr)
    if a.stats:
        for k in sorted(stats):
            print(f"  {k:32s} {stats[k]:10d} {100 * stats[k] / a.rows:6.2f}%", file=sys.stderr)


if __name__ == "__main__":
    main()
