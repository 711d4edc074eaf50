#!/usr/bin/env python3
"""Writes Samples/ngari-rectification-plan.csv: a synthetic rectification plan (整改方案) for the Rules/rectification
pack, built to mirror the figures of Ngari's public report of 2019-12-31 on its rectification after the 2018
regional inspection: 78 measures in 21 tasks; 68 done with evidence (17 due in 2018, 18 of the 28 due in 2019-2020,
and all 33 ongoing ones); 4 on schedule and 6 lagging for funding or policy reasons with a special plan filed, those
10 due by 2020-12-31. Deterministic: running it twice writes the same bytes. Standard library only."""
import csv
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ngari-rectification-plan.csv")

TASKS = [
    ("建设项目环评未批先建问题整改", "地区生态环境局"),
    ("建设项目竣工环保验收滞后问题整改", "地区生态环境局"),
    ("狮泉河镇污水处理厂运行不稳定问题", "噶尔县人民政府"),
    ("县城生活垃圾填埋场渗滤液处理问题", "地区住房和城乡建设局"),
    ("普兰县城污水管网建设滞后问题", "普兰县人民政府"),
    ("札达土林保护区内违规建设问题", "札达县人民政府"),
    ("日土县砂石料场无序开采问题", "地区自然资源局"),
    ("革吉县草原超载过牧问题", "地区农业农村局"),
    ("改则县矿山地质环境恢复治理问题", "地区自然资源局"),
    ("措勤县医疗废物处置问题", "地区卫生健康委员会"),
    ("水利工程环评手续不全问题", "地区水利局"),
    ("交通工程取弃土场生态恢复问题", "地区交通运输局"),
    ("扶贫搬迁项目配套环保设施问题", "地区发展和改革委员会"),
    ("饮用水水源地保护区划定问题", "地区生态环境局"),
    ("机动车尾气与扬尘污染防治问题", "地区公安局"),
    ("自然保护区“绿盾”专项排查问题", "地区林业和草原局"),
    ("环境监测能力不足问题", "地区生态环境局"),
    ("环境执法力量薄弱问题", "地区生态环境局"),
    ("环境信息公开不到位问题", "地区生态环境局"),
    ("生态环境保护责任清单落实问题", "地委办公室"),
    ("环保督察整改长效机制建设问题", "地区督察整改领导小组办公室"),
]
MEASURES_PER_TASK = [4] * 15 + [3] * 6  # 78 in all
assert sum(MEASURES_PER_TASK) == 78 and len(MEASURES_PER_TASK) == len(TASKS)

VERBS = ["制定整改方案并组织实施", "开展专项排查并建立台账", "完成问题点位整治", "落实日常监管责任",
         "补齐基础设施短板", "完善制度并公开进展"]
HEADERS = ["任务序号", "措施编号", "整改措施", "牵头单位", "整改时限", "进展情况", "滞后原因", "专项方案", "佐证材料"]


def spelled(day, rng):
    """A date in one of the spellings registers use."""
    y, m, d = day
    return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{y}.{m:02d}.{d:02d}"])


def main():
    rng = random.Random(20191231)
    slots = []  # one kind per measure
    slots += ["due2018"] * 17 + ["done1920"] * 18 + ["schedule"] * 4 + ["lagging"] * 6 + ["ongoing"] * 33
    rng.shuffle(slots)
    rows = []
    n = 0
    for t, ((title, unit), count) in enumerate(zip(TASKS, MEASURES_PER_TASK), start=1):
        for k in range(1, count + 1):
            kind = slots[n]
            n += 1
            content = f"{title}：{VERBS[(t + k) % len(VERBS)]}"
            evidence = f"阿督整办〔{2018 if kind == 'due2018' else 2019}〕{t * 10 + k}号"
            lag_reason, plan = "", ""
            if kind == "due2018":
                deadline, status = spelled((2018, rng.randint(6, 12), rng.randint(1, 28)), rng), "已完成"
            elif kind == "done1920":
                deadline = spelled((rng.choice([2019, 2019, 2020]), rng.randint(1, 12), rng.randint(1, 28)), rng)
                status = rng.choice(["已完成", "完成"])
            elif kind == "ongoing":
                deadline, status = "长期坚持", "已完成"
            else:
                deadline = spelled((2020, rng.randint(3, 12), rng.randint(1, 28)), rng)
                evidence = ""
                if kind == "schedule":
                    status = rng.choice(["序时推进", "按序时推进"])
                else:
                    status = "滞后"
                    lag_reason = rng.choice(["资金未到位", "中央预算内资金尚未下达", "政策调整，待自治区出台实施细则"])
                    plan = rng.choice(["是", "已制定"])
            rows.append([str(t), f"{t}-{k}", content, unit, deadline, status, lag_reason, plan, evidence])
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADERS)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
