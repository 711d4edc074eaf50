#!/usr/bin/env python3
"""Generate the synthetic Ngari (阿里地区) EIA registers bundled with comply.

The registers are SYNTHETIC: invented projects built to mirror the figures of the
public report on Ngari's rectification after the 2018 provincial inspection (10
未批先建 cases in 水利/交通/扶贫 projects, 25 key projects with overdue acceptance).
Every project below is fictional; the county and township names are real.

Writes, next to this script:
  ngari-2018-register.csv   the register as it stood on 2018-11-05 (use --as-of 2018-11-05)
  ngari-2018-register.json  the same rows as a JSON array of objects (Chinese header -> cell string)
  ngari-2019-register.csv   the same projects on 2019-12-31 (use --as-of 2019-12-31)

Python 3 standard library only, no network, fixed seed: two runs give byte-identical files.
"""
import csv
import hashlib
import json
import os

SEED = "ngari-2018-inspection"
OUT = os.path.dirname(os.path.abspath(__file__))

# Canonical field -> the Chinese header used in the samples (all are aliases from the pack schema).
HEADERS = [
    ("project_id", "项目编号"), ("name", "项目名称"), ("county", "县(区)"), ("sector", "行业类别"),
    ("builder", "建设单位"), ("eia_category", "环评文件类型"), ("eia_approval_no", "批复文号"),
    ("eia_approval_date", "环评批复时间"), ("eia_filing_date", "登记表备案日期"),
    ("eia_rereview_date", "重新审核日期"), ("major_change", "是否重大变动"),
    ("major_change_approval_date", "重大变动批复日期"), ("construction_start_date", "开工时间"),
    ("completion_date", "竣工日期"), ("env_facilities_completion_date", "环保设施建成日期"),
    ("debugging_start_date", "调试开始日期"), ("operation_start_date", "投入使用日期"),
    ("acceptance_date", "竣工环保验收日期"), ("total_investment_wan", "总投资（万元）"),
    ("env_investment_wan", "环保投资（万元）"), ("remarks", "备注"),
]
# Short keys used in the project table for the date fields.
DATES = {"ap": "eia_approval_date", "fil": "eia_filing_date", "rr": "eia_rereview_date",
         "mca": "major_change_approval_date", "st": "construction_start_date", "co": "completion_date",
         "fa": "env_facilities_completion_date", "db": "debugging_start_date",
         "op": "operation_start_date", "ac": "acceptance_date"}
CATS = {"书": ["报告书", "环境影响报告书"], "表": ["报告表", "报告表", "环境影响报告表"],
        "登": ["登记表", "登记表", "环境影响登记表"], "不": ["不纳入", "不纳入", "不纳入环评管理", "豁免"]}


def h(*parts):
    """A stable pseudo-random integer for a cell: the same cell is spelled the same way every run and year."""
    return int.from_bytes(hashlib.sha256("|".join((SEED,) + parts).encode()).digest()[:4], "big")


def pick(options, *parts):
    return options[h(*parts) % len(options)]


# ---- spelling variation -------------------------------------------------------------------------
# Each county office keeps dates its own way (the prefecture register merges seven county sheets);
# about one cell in four deviates from its county's habit.
def f_iso(y, m, d): return f"{y}-{m:02d}-{d:02d}"
def f_slash(y, m, d): return f"{y}/{m}/{d}"
def f_dot(y, m, d): return f"{y}.{m:02d}.{d:02d}"
def f_compact(y, m, d): return f"{y}{m:02d}{d:02d}"
def f_cjk(y, m, d): return f"{y}年{m}月{d}日"
def f_excel(y, m, d): return f"{y}-{m:02d}-{d:02d} 00:00:00"
def f_clock(y, m, d): return f"{y}-{m:02d}-{d:02d} 08:30"


COUNTY_STYLE = {"噶尔县": f_iso, "普兰县": f_cjk, "札达县": f_slash, "日土县": f_dot,
                "革吉县": f_excel, "改则县": f_compact, "措勤县": f_iso}
ALL_STYLES = [f_iso, f_iso, f_slash, f_dot, f_compact, f_cjk, f_excel, f_excel, f_clock]
BLANKS = ["", "", "", "", "", "", "", "/", "/", "/", "无", "—"]


def spell_date(value, pid, field, county):
    if value is None:
        return pick(BLANKS, pid, field, "blank")
    if value.startswith("="):          # literal cell: month-only dates and the deliberately unreadable ones
        return value[1:]
    y, m, d = (int(x) for x in value.split("-"))
    style = COUNTY_STYLE[county] if h(pid, field, "style") % 4 else pick(ALL_STYLES, pid, field, "dev")
    return style(y, m, d)


def spell_money(value, pid, field):
    if value is None:
        return pick(BLANKS, pid, field, "blank")
    if isinstance(value, str):
        return value
    if value == int(value):
        return pick([f"{int(value)}", f"{int(value)}", f"{value:.2f}"], pid, field, "money")
    return f"{value:g}"


def approval_no(pid, cat, date):
    year = date[:4]
    n = h(pid, "no") % 58 + 2
    if cat == "书":
        return f"藏环审〔{year}〕{n}号"
    return pick([f"阿环审〔{year}〕{n}号", f"阿环审〔{year}〕{n}号", f"阿环审[{year}]{n}号",
                 f"阿地环审〔{year}〕{n}号"], pid, "nostyle")


# ---- the project table ----------------------------------------------------------------------------
# P(id, county, sector, builder, name, category, total investment 万元, env investment 万元, dates..., y19=changes)
# Category codes: 书 报告书, 表 报告表, 登 登记表, 不 不纳入.  Dates are ISO here and get spelled per county;
# a value starting with "=" is written literally.  no=None leaves the approval number blank; by default an
# approved 报告书/报告表 project gets a generated number.  mc=True marks a major change.  y19 holds the
# changes recorded in the register by 2019-12-31 (it replaces fields; everything else stays as in 2018).
PROJECTS = []


def P(pid, county, sector, builder, name, cat, inv, env, mc=False, rem="", no="auto", y19=None, **dates):
    PROJECTS.append(dict(pid=pid, county=county, sector=sector, builder=builder, name=name, cat=cat, inv=inv,
                         env=env, mc=mc, rem=rem, no=no, dates=dates, y19=y19 or {}))


S_TRANS, S_WATER, S_POOR = "交通", "水利", "扶贫"
CMCC = "中国移动通信集团西藏有限公司阿里分公司"
GRID = "国网西藏电力有限公司阿里供电公司"
FIX = "已补办环评手续"
ACC = "2019年完成竣工环保验收"

# --- the 10 未批先建 (all 水利/交通/扶贫); the first four are also among the 25 overdue acceptances ---
P("ALI-2016-007", "噶尔县", S_TRANS, "噶尔县交通运输局", "噶尔县昆莎乡至门士乡公路工程", "表", 12800, 210,
  st="2016-06-18", co="2017-09-30", fa="2017-09-30", op="2017-10-15", rem="督察反馈：未批先建；已通车",
  y19=dict(ap="2019-01-25", ac="2019-05-20", rem=f"{FIX}；{ACC}"))
P("ALI-2017-001", "札达县", S_WATER, "札达县水利局", "札达县托林镇人饮安全巩固提升工程", "表", 960, 18,
  st="2017-04-06", co="2017-11-20", rem="督察反馈：未批先建", y19=dict(ap="2019-02-26", ac="2019-06-18", rem=f"{FIX}；{ACC}"))
P("ALI-2017-005", "革吉县", S_POOR, "革吉县扶贫开发办公室", "革吉县雄巴乡易地扶贫搬迁安置点建设项目", "表", 4320, 66,
  st="2017-05-20", co="2018-06-30", fa="2018-06-30", rem="督察反馈：未批先建",
  y19=dict(ap="2019-03-12", ac="2019-08-09", rem=f"{FIX}；{ACC}"))
P("ALI-2016-009", "改则县", S_WATER, "改则县水利局", "改则县麻米乡水库除险加固工程", "表", 2150, 40,
  ap="2018-03-01", st="2016-10-12", co="2017-08-25", fa="2017-08-25", rem="开工后补办环评",
  y19=dict(ac="2019-07-16", rem=f"开工后补办环评；{ACC}"))
P("ALI-2017-003", "札达县", S_TRANS, "札达县交通运输局", "札达县香孜乡至底雅乡公路改建工程", "表", 8650, 126.5,
  st="2017-05-12", rem="督察反馈：未批先建；在建", y19=dict(ap="2019-04-18", rem=f"{FIX}；在建"))
P("ALI-2017-008", "日土县", S_WATER, "日土县水利局", "日土县多玛乡草场灌溉工程", "表", 2380, 45,
  st="2017-08-20", rem="督察反馈：未批先建；在建",
  y19=dict(ap="2019-03-22", co="2019-07-30", fa="2019-07-30", ac="2019-10-25", rem=FIX))
P("ALI-2018-002", "改则县", S_POOR, "改则县扶贫开发办公室", "改则县物玛乡易地扶贫搬迁安置点建设项目", "表", 5460, 88,
  st="2018-04-16", rem="督察反馈：未批先建；在建",
  y19=dict(ap="2019-05-10", co="2019-08-15", fa="2019-08-15", ac="2019-11-08", rem=FIX))
P("ALI-2018-005", "措勤县", S_TRANS, "措勤县交通运输局", "措勤县城至江让乡公路改建工程", "表", 6720, 98,
  st="2018-05-08", rem="督察反馈：未批先建；在建", y19=dict(ap="2019-06-14", rem=f"{FIX}；在建"))
P("ALI-2016-011", "革吉县", S_WATER, "革吉县水利局", "革吉县城防洪堤工程", "表", 3150, 62,
  ap="2018-06-20", st="2017-04-25", rem="开工后补办环评；在建",
  y19=dict(co="2019-06-30", fa="2019-06-30", ac="2019-09-20", rem="开工后补办环评"))
P("ALI-2016-004", "普兰县", S_POOR, "普兰县扶贫开发办公室", "普兰县巴嘎乡岗莎村扶贫产业园建设项目", "表", 1280, 24,
  ap="2017-04-10", st="2016-09-15", co="2017-10-30", fa="2017-10-30", ac="2018-01-20", rem="开工后补办环评")

# --- the other 21 of the 25 key projects with overdue acceptance (all accepted during 2019) ---
for pid, county, sector, builder, name, cat, inv, env, d, ac in [
    ("ALI-2015-003", "噶尔县", S_WATER, "阿里地区水利局", "噶尔县狮泉河镇防洪堤加固工程", "表", 4580, 85,
     dict(ap="2015-09-10", st="2016-04-20", co="2017-10-15"), "2019-04-12"),
    ("ALI-2016-001", "噶尔县", S_TRANS, "阿里地区交通运输局", "狮泉河镇至左左乡公路改建工程", "书", 28600, 520,
     dict(ap="2016-03-28", st="2016-05-16", co="2018-06-30", fa="2018-06-30"), "2019-05-28"),
    ("ALI-2016-002", "噶尔县", S_WATER, "噶尔县水利局", "噶尔县左左乡人饮安全工程", "表", 760, 15,
     dict(ap="2016-04-12", st="2016-05-30", co="2017-06-20", fa="2017-06-20", db="2017-07-05"), "2019-03-30"),
    ("ALI-2016-003", "普兰县", S_TRANS, "普兰县交通运输局", "普兰县城至科迦村公路工程", "表", 5230, 92,
     dict(ap="2016-04-25", st="2016-06-10", co="2017-09-28", fa="2017-09-28"), "2019-06-05"),
    ("ALI-2016-005", "普兰县", S_POOR, "普兰县扶贫开发办公室", "普兰县霍尔乡易地扶贫搬迁安置点", "表", 3860, 58,
     dict(ap="2016-05-18", st="2016-07-02", co="2017-12-15"), "2019-05-16"),
    ("ALI-2016-006", "札达县", S_WATER, "札达县水利局", "札达县底雅乡灌溉渠道工程", "表", 1650, 30,
     dict(ap="2016-05-05", st="2016-06-25", co="2017-08-31", fa="2017-08-31"), "2019-04-25"),
    ("ALI-2016-008", "日土县", S_TRANS, "日土县交通运输局", "日土县城至多玛乡公路改建工程", "表", 9870, 160,
     dict(ap="2016-06-20", st="2016-08-01", co="2018-05-31", fa="2018-05-31", op="2018-06-15"), "2019-06-27"),
    ("ALI-2016-010", "日土县", S_POOR, "日土县扶贫开发办公室", "日土县热帮乡扶贫搬迁安置点建设项目", "表", 2760, 45,
     dict(ap="2016-07-15", st="2016-09-05", co="2017-11-10", fa="2017-11-10"), "2019-07-30"),
    ("ALI-2016-012", "革吉县", S_TRANS, "革吉县交通运输局", "革吉县盐湖乡至亚热乡公路工程", "表", 7340, 110,
     dict(ap="2016-08-08", st="2016-09-20", co="2018-07-20"), "2019-08-22"),
    ("ALI-2016-013", "改则县", S_POOR, "改则县扶贫开发办公室", "改则县先遣乡扶贫产业（畜产品加工）项目", "表", 1180, 21,
     dict(ap="2016-09-01", st="2016-10-10", co="2017-07-15", fa="2017-07-15"), "2019-04-18"),
    ("ALI-2016-014", "措勤县", S_WATER, "措勤县水利局", "措勤县城区供水工程", "表", 2240, 48,
     dict(ap="2016-09-12", st="2016-10-08", co="2017-09-15", fa="2017-09-15", db="2017-09-25"), "2019-02-28"),
    ("ALI-2017-002", "措勤县", S_TRANS, "措勤县交通运输局", "措勤县磁石乡至达雄乡公路工程", "表", 6180, 95,
     dict(ap="2017-03-10", st="2017-04-22", co="2018-06-15", fa="2018-06-15", op="2018-07-01"), "2019-09-12"),
    ("ALI-2017-004", "噶尔县", S_POOR, "噶尔县扶贫开发办公室", "噶尔县扎西岗乡易地扶贫搬迁安置点", "表", 3420, 55,
     dict(ap="2017-03-25", st="2017-05-05", co="2018-04-30"), "2019-05-09"),
    ("ALI-2017-006", "普兰县", S_WATER, "普兰县水利局", "普兰县孔雀河普兰镇段防洪工程", "表", 5860, 105,
     dict(ap="2017-04-18", st="2017-05-26", co="2018-07-10", fa="2018-07-10"), "2019-06-20"),
    ("ALI-2015-005", "札达县", S_TRANS, "札达县交通运输局", "札达县达巴乡至曲松乡公路工程", "表", 8420, 130,
     dict(ap="2015-10-20", st="2016-04-12", co="2017-08-10", fa="2017-08-10", db="2017-08-20"), "2019-07-05"),
    ("ALI-2017-007", "日土县", S_WATER, "日土县水利局", "日土县日松乡水利灌溉工程", "表", 1420, 26,
     dict(ap="2017-05-08", st="2017-06-12", co="2018-06-28", fa="2018-06-28"), "2019-08-16"),
    ("ALI-2017-009", "革吉县", S_WATER, "革吉县水利局", "革吉县文布当桑乡人饮工程", "表", 680, 12.5,
     dict(ap="2017-05-22", st="2017-06-20", co="2017-10-31"), "2019-04-02"),
    ("ALI-2017-010", "改则县", S_TRANS, "改则县交通运输局", "改则县城至洞措乡公路改建工程", "表", 11250, 180,
     dict(ap="2017-06-06", st="2017-07-01", co="2018-07-25", fa="2018-07-25", op="2018-08-10"), "2019-10-17"),
    ("ALI-2017-011", "措勤县", S_POOR, "措勤县扶贫开发办公室", "措勤县曲洛乡扶贫搬迁安置点", "表", 2980, 46,
     dict(ap="2017-06-15", st="2017-07-10", co="2018-05-20", fa="2018-05-20"), "2019-06-11"),
    ("ALI-2017-012", "札达县", S_POOR, "札达县扶贫开发办公室", "札达县萨让乡扶贫产业（温室大棚）项目", "表", 860, 14,
     dict(ap="2017-07-12", st="2017-08-05", co="2018-06-08"), "2019-05-23"),
    ("ALI-2016-015", "普兰县", S_POOR, "普兰县扶贫开发办公室", "普兰县普兰镇扶贫安置房配套基础设施", "表", 1960, 32,
     dict(ap="2016-10-20", st="2017-04-15", co="2018-03-30", fa="2018-03-30"), "2019-03-21"),
]:
    P(pid, county, sector, builder, name, cat, inv, env, rem="督察反馈：未按期验收", y19=dict(ac=ac, rem=ACC), **d)

# --- findings of the other rules ---
P("ALI-2012-001", "普兰县", "旅游", "普兰县旅游局", "普兰县玛旁雍错景区基础设施建设项目", "表", 3680, 72,  # approval-expired
  ap="2012-08-15", st="2018-04-20", rem="批复后长期未开工，2018年开工")
P("ALI-2017-013", "噶尔县", "能源", GRID, "噶尔县光伏电站项目", "表", 16800, 210, mc=True,  # major change
  ap="2017-06-28", st="2017-08-15", co="2018-06-30", fa="2018-06-30", db="2018-07-05", rem="装机容量由10MW调整为20MW",
  y19=dict(mca="2019-03-15", ac="2019-05-30"))
P("ALI-2017-014", "日土县", "市政", "日土县住房和城乡建设局", "日土县城区道路及排水管网改造工程", "表", 4260, 75, mc=True,
  ap="2017-07-20", st="2017-09-01", rem="线路走向调整；在建", y19=dict(mca="2019-04-22"))
P("ALI-2017-015", "札达县", "通信", CMCC, "札达县4G基站建设项目（第二批）", "登", 420, 3,  # registration not filed
  st="2018-03-20", co="2018-06-30", op="2018-07-10", y19=dict(fil="2018-12-03"))
P("ALI-2017-016", "措勤县", "农牧", "措勤县农牧局", "措勤县江让乡牲畜棚圈建设项目", "登", 310, 2,
  fil="2018-09-05", st="2018-04-25", co="2018-06-10", op="2018-06-20")
P("ALI-2017-017", "噶尔县", "旅游", "噶尔县旅游局", "噶尔县扎西岗乡旅游接待中心建设项目", "表", 1850, None,  # env inv
  ap="2017-08-10", st="2017-09-20", rem="在建", y19=dict(co="2019-08-30", fa="2019-08-30", ac="2019-11-15", rem=""))
P("ALI-2018-001", "普兰县", "卫生", "普兰县卫生和计划生育委员会", "普兰县人民医院综合楼建设项目", "表", 4980, "0",
  ap="2018-01-15", st="2018-04-10", rem="在建", y19=dict(env=85))
P("ALI-2018-003", "措勤县", "市政", "措勤县住房和城乡建设局", "措勤县城区集中供暖工程", "表", 5340, "无",
  ap="2018-03-05", st="2018-05-20", rem="在建")
P("ALI-2017-018", "革吉县", "旅游", "革吉县旅游局", "革吉县城宾馆改扩建工程", "表", 1560, 28,  # facilities late
  ap="2017-04-20", st="2017-06-01", co="2018-05-30", op="2018-06-01", fa="2018-09-20", rem="污水处理设施后建",
  y19=dict(ac="2019-03-18"))
P("ALI-2017-019", "改则县", "卫生", "改则县卫生和计划生育委员会", "改则县人民医院门诊楼及医疗废水处理工程", "表", 3280, 65,
  ap="2017-05-10", st="2017-06-15", co="2018-07-30", op="2018-08-15", fa="2018-09-28", y19=dict(ac="2019-04-26"))
P("ALI-2017-020", "噶尔县", "能源", "噶尔县住房和城乡建设局", "狮泉河镇燃气锅炉供热站建设项目", "表", 2650, 120,  # debugging
  ap="2017-06-05", st="2017-07-20", co="2018-06-15", db="2018-06-20", fa="2018-07-15", y19=dict(ac="2019-05-10"))
P("ALI-2017-021", "日土县", "市政", "日土县住房和城乡建设局", "日土县城污水处理站工程", "表", 1980, 1650,
  ap="2017-07-05", st="2017-08-10", co="2018-05-30", db="2018-06-10", rem="调试运行中", y19=dict(ac="2019-04-19", rem=""))
P("ALI-2016-017", "普兰县", "教育", "普兰县教育局", "普兰县小学教学楼建设项目", "登", 860, 5,  # date order
  fil="2017-04-20", st="2017-05-10", co="2016-10-30")
P("ALI-2017-022", "札达县", "农牧", "札达县农牧局", "札达县托林镇蔬菜大棚建设项目", "不", 240, None,
  st="2017-06-01", co="2017-09-30", op="2017-05-15")
P("ALI-2016-018", "日土县", "市政", "日土县住房和城乡建设局", "日土县城区集中供水厂建设项目", "表", 2860, 140,
  ap="2016-08-10", st="2016-09-15", co="2017-10-20", fa="2017-10-20", ac="2017-08-30", op="2017-11-10")
P("ALI-2017-023", "改则县", "市政", "改则县住房和城乡建设局", "改则县城区道路改造工程", "表", 3640, 52, no=None,  # no number
  ap="2017-04-28", st="2017-06-10", co="2018-07-20", fa="2018-07-20", ac="2018-10-15")
P("ALI-2018-004", "噶尔县", "卫生", "阿里地区卫生和计划生育委员会", "阿里地区人民医院医技楼建设项目", "表", 8900, 160,
  no=None, ap="2018-02-08", st="2018-04-25", rem="在建", y19=dict(no="阿环审〔2018〕6号"))
P("ALI-2017-024", "普兰县", "能源", GRID, "普兰县10kV农网改造升级工程", "表", 2460, 35,  # acceptance due soon
  ap="2017-05-15", st="2017-06-20", co="2018-08-05", fa="2018-08-05", y19=dict(ac="2018-12-18"))
P("ALI-2017-025", "噶尔县", "市政", "噶尔县住房和城乡建设局", "狮泉河镇北区道路硬化工程", "表", 1320, 22,
  ap="2017-06-20", st="2017-07-25", co="2018-08-25", y19=dict(ac="2019-01-10"))
P("ALI-2016-019", "措勤县", "能源", GRID, "措勤县光伏电站扩建工程", "表", 6200, 90,
  ap="2016-11-10", st="2017-04-20", co="2017-11-30", fa="2017-11-30", db="2017-12-10", y19=dict(ac="2018-11-28"))

# --- rows whose outcome cannot be decided: month-only dates and three unreadable cells ---
P("ALI-2018-007", "日土县", "市政", "日土县住房和城乡建设局", "日土县城区集中供热工程", "表", 3870, 60,
  ap="2018-03-15", st="=2018年3月", rem="在建", y19=dict(co="2019-08-30", fa="2019-08-30", ac="2019-11-20", rem=""))
P("ALI-2018-008", "噶尔县", "能源", GRID, "噶尔县昆莎乡35kV变电站工程", "表", 4150, 58,
  ap="=2018-13-45", no="阿环审〔2018〕21号", st="2018-06-12", rem="在建")
P("ALI-2017-026", "改则县", "市政", "改则县住房和城乡建设局", "改则县城区供水管网延伸工程", "表", 1240, 20,
  ap="2017-05-25", st="2017-06-28", co="2018-08-20", fa="=2018-08", y19=dict(ac="2019-02-20"))
P("ALI-2018-009", "措勤县", "旅游", "措勤县旅游局", "措勤县扎日南木错景区游客中心建设项目", "表", 2130, 36,
  ap="2018-01-20", st="2018-04-15", co="=明年", y19=dict(co="2019-07-25", ac="2019-10-30"))
P("ALI-2017-027", "札达县", "旅游", "札达县旅游局", "札达县古格王国遗址景区基础设施提升工程", "表", 2780, 44,
  ap="2017-03-15", st="2017-04-20", co="2018-07-10", fa="2018-07-20", op="2018-08-01", ac="=待定",
  y19=dict(ac="2019-03-15"))
P("ALI-2018-006", "革吉县", "通信", "中国铁塔股份有限公司阿里地区分公司", "革吉县通信铁塔建设项目", "登", 380, 2,
  st="2018-05-15", co="2018-09-30", op="=2018-11", y19=dict(fil="2018-11-20"))

# --- clean projects ---
P("ALI-2014-001", "噶尔县", "市政", "噶尔县住房和城乡建设局", "狮泉河镇污水处理厂建设项目", "书", 9800, 6200,
  ap="2014-06-12", st="2014-08-20", co="=2016年11月", fa="2016-11-25", db="2016-12-05", ac="2017-02-20", op="2017-03-01")
P("ALI-2015-001", "普兰县", S_TRANS, "普兰县交通运输局", "普兰县城至吉让边贸市场公路工程", "表", 3980, 70,
  ap="2015-04-10", st="2015-06-15", co="2016-09-30", fa="2016-09-30", ac="2016-12-20")
P("ALI-2015-002", "札达县", S_WATER, "札达县水利局", "札达县象泉河托林镇段防洪工程", "表", 4720, 88,
  ap="2015-05-20", st="2015-07-01", co="2016-10-15", fa="2016-10-15", ac="2017-01-10", op="2017-01-20")
P("ALI-2015-004", "日土县", "教育", "日土县教育局", "日土县中学综合楼建设项目", "登", 2350, 15,
  fil="2015-08-12", st="2015-09-01", co="2016-08-30", op="2016-09-01")
P("ALI-2016-020", "革吉县", "能源", GRID, "革吉县光伏电站项目", "表", 14200, 180, mc=True,
  ap="2016-06-15", mca="2018-04-10", st="2016-08-01", co="2018-06-20", fa="2018-06-20", db="2018-06-25",
  rem="调试运行中", y19=dict(ac="2019-05-15", rem=""))
P("ALI-2016-021", "改则县", "通信", CMCC, "改则县4G基站建设项目", "登", 560, 4,
  fil="2016-07-20", st="2016-08-15", co="2016-10-30", op="2016-11-05")
P("ALI-2016-022", "措勤县", "农牧", "措勤县农牧局", "措勤县达雄乡人工种草项目", "不", 180, None,
  st="=2017-05", co="2017-08-30")
P("ALI-2016-023", "噶尔县", "教育", "噶尔县教育局", "噶尔县幼儿园建设项目", "登", 1460, 8,
  fil="2016-05-10", st="2016-06-01", co="2017-08-20", op="2017-09-01")
P("ALI-2016-024", "普兰县", "农牧", "普兰县农牧局", "普兰县巴嘎乡牲畜暖棚建设项目", "不", 260, None,
  st="2016-07-15", co="2016-09-30")
P("ALI-2016-025", "札达县", "卫生", "札达县卫生和计划生育委员会", "札达县卫生服务中心业务用房建设项目", "登", 980, 12,
  fil="2016-08-22", st="2016-09-10", co="2017-09-15", op="=2018-03")
P("ALI-2016-026", "日土县", S_WATER, "日土县水利局", "日土县热帮乡人饮工程", "表", 820, 16,
  ap="2016-05-06", st="2016-06-08", co="2017-06-20", fa="2017-06-20", ac="=2017年9月")
P("ALI-2016-027", "革吉县", S_TRANS, "革吉县交通运输局", "革吉县城至雄巴乡公路工程", "表", 8860, 140,
  ap="2016-04-10", st="2016-05-20", co="2017-09-10", fa="2017-09-10", ac="2017-12-05", op="2017-12-15")
P("ALI-2017-028", "改则县", S_POOR, "改则县扶贫开发办公室", "改则县察布乡扶贫安置点配套设施", "表", 1650, 27,
  ap="2017-03-20", st="2017-05-02", co="2017-10-25", fa="2017-10-25", ac="2018-01-18")
P("ALI-2017-029", "措勤县", "通信", CMCC, "措勤县光缆干线工程", "登", 740, 6,
  fil="2017-04-01", st="2017-05-20", co="2017-09-30", op="2017-10-10")
P("ALI-2017-030", "噶尔县", "旅游", "噶尔县旅游局", "噶尔县狮泉河湿地公园建设项目", "表", 2540, 310,
  ap="2017-04-12", st="2017-05-18", co="2018-09-20", fa="2018-09-20", y19=dict(ac="2019-01-25"))
P("ALI-2017-031", "普兰县", "教育", "普兰县教育局", "普兰县中学运动场建设项目", "不", 420, None,
  st="2017-05-10", co="2017-09-20")
P("ALI-2017-032", "札达县", "能源", GRID, "札达县35kV输变电工程", "表", 5120, 68,
  ap="2017-05-05", st="2017-06-20", co="2018-05-15", fa="2018-05-15", ac="2018-08-10", op="2018-08-20")
P("ALI-2017-033", "日土县", "农牧", "日土县农牧局", "日土县东汝乡饲草料基地建设项目", "登", 650, 5,
  fil="2017-05-25", st="2017-06-10", co="2017-10-10", op="2017-10-15")
P("ALI-2018-010", "革吉县", S_POOR, "革吉县扶贫开发办公室", "革吉县亚热乡扶贫产业（牦牛养殖）项目", "表", 1380, 26,
  ap="2018-03-28", st="2018-05-06", rem='列入"十三五"脱贫攻坚规划；在建', y19=dict(co="2019-10-20", fa="2019-10-20", rem="验收准备中"))
P("ALI-2018-011", "改则县", S_WATER, "改则县水利局", "改则县古姆乡饮水安全工程", "表", 720, 14,
  ap="2018-04-02", st="2018-05-15", co="2018-10-25", fa="2018-10-25", y19=dict(ac="2019-01-15"))
P("ALI-2018-012", "措勤县", S_TRANS, "措勤县交通运输局", "措勤县城区道路改造工程", "表", 2960, 45,
  ap="2018-09-15", st="2019-04-01", rem="已批复\n计划2019年开工", y19=dict(rem="在建"))
P("ALI-2018-013", "噶尔县", "市政", "噶尔县住房和城乡建设局", "狮泉河镇西区给排水管网工程", "表", 3360, 48,
  ap="2018-03-10", st="2018-04-20", co="2019-05-31", rem="在建，计划竣工日期",
  y19=dict(co="2019-05-20", fa="2019-05-20", ac="2019-08-10", rem=""))
P("ALI-2018-014", "普兰县", "通信", CMCC, "普兰县通信基站建设项目", "登", 480, 3,
  fil="2018-04-15", st="2018-05-10", co="2018-08-30", op="2018-09-05")
P("ALI-2011-001", "噶尔县", "能源", "阿里地区狮泉河水电厂", "狮泉河水电站增效扩容改造工程", "书", 15600, 260,
  ap="2011-06-10", rr="2017-11-20", st="2018-05-15", rem="批复超五年，已重新审核",
  y19=dict(co="2019-09-30", fa="2019-09-30", db="2019-10-10", rem="调试运行中"))
P("ALI-2016-028", "札达县", "旅游", "札达县旅游局", "札达县托林寺景区停车场建设项目", "登", 540, 6,
  fil="2016-04-10", st="2016-05-01", co="2016-09-15", op="2016-10-01")
P("ALI-2014-002", "改则县", "能源", GRID, "改则县城光伏电站", "表", 7600, 95,
  ap="2014-05-20", st="2014-07-01", co="2015-09-30", fa="2015-09-30", db="2015-10-10", ac="2016-06-20", op="2016-07-01")
P("ALI-2018-015", "日土县", "卫生", "日土县卫生和计划生育委员会", "日土县藏医院改扩建项目", "表", 2450, 40,
  ap="2018-05-20", st="2018-06-25", rem="在建")


# ---- rendering ---------------------------------------------------------------------------------------
COUNTY_ORDER = ["噶尔县", "普兰县", "札达县", "日土县", "革吉县", "改则县", "措勤县"]


def render(p, year):
    d = dict(p["dates"])
    ch = p["y19"] if year == 2019 else {}
    d.update({k: v for k, v in ch.items() if k in DATES})
    pid, county, cat = p["pid"], p["county"], p["cat"]
    no = ch.get("no", p["no"])
    if no == "auto":
        no = approval_no(pid, cat, d["ap"]) if cat in "书表" and d.get("ap") else None
    if p["mc"]:
        mc = pick(["是", "是", "Y"], pid, "mc")
    else:
        mc = pick(["", "", "", "", "否", "N"], pid, "mc")
    cell = {
        "project_id": pid, "name": p["name"], "county": county, "sector": p["sector"], "builder": p["builder"],
        "eia_category": pick(CATS[cat], pid, "cat"),
        "eia_approval_no": no if no else pick(BLANKS, pid, "no", "blank"),
        "major_change": mc,
        "total_investment_wan": spell_money(p["inv"], pid, "inv"),
        "env_investment_wan": spell_money(ch.get("env", p["env"]), pid, "env"),
        "remarks": ch.get("rem", p["rem"]),
    }
    for key, field in DATES.items():
        cell[field] = spell_date(d.get(key), pid, field, county)
    return [cell[field] for field, _ in HEADERS]


def rows(year):
    ordered = sorted(PROJECTS, key=lambda p: (COUNTY_ORDER.index(p["county"]), p["pid"]))
    return [render(p, year) for p in ordered]


def write_csv(path, data):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([hdr for _, hdr in HEADERS])
        w.writerows(data)


def main():
    assert len({p["pid"] for p in PROJECTS}) == len(PROJECTS), "duplicate project id"
    r2018 = rows(2018)
    write_csv(os.path.join(OUT, "ngari-2018-register.csv"), r2018)
    write_csv(os.path.join(OUT, "ngari-2019-register.csv"), rows(2019))
    objs = [dict(zip([hdr for _, hdr in HEADERS], r)) for r in r2018]
    with open(os.path.join(OUT, "ngari-2018-register.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(objs, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {len(PROJECTS)} projects x 2 years to {OUT}")


if __name__ == "__main__":
    main()
