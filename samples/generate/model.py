"""The single source of truth for the sample corpus.

Every number that appears in a generated document, and every expected value in a golden
record, comes from the objects built here.  The renderers (render_*.py) only lay out what
this module decided; goldens are written from the same objects (never from an extractor).

Invented data only: agency names, figures, titles, addresses and phone numbers are made up.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regions

# ---------------------------------------------------------------------------------------
# Table 三 definitions (templates.md §4)

COLS = ["natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_organization", "legal_service_agency", "other_organization", "total"]

G3 = "（三）不予公开"
G4 = "（四）无法提供"
G5 = "（五）不予处理"
G6 = "（六）其他处理"

# (key, group or None, label) for the outcome rows （一）–（六）, split layout of （六）
OUTCOME_HEAD = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", G3, "1.属于国家秘密"),
    ("denied_prohibited_by_law", G3, "2.其他法律行政法规禁止公开"),
    ("denied_three_safeties", G3, "3.危及“三安全一稳定”"),
    ("denied_third_party_rights", G3, "4.保护第三方合法权益"),
    ("denied_internal_affairs", G3, "5.属于三类内部事务信息"),
    ("denied_process_information", G3, "6.属于四类过程性信息"),
    ("denied_enforcement_files", G3, "7.属于行政执法案卷"),
    ("denied_administrative_query", G3, "8.属于行政查询事项"),
    ("unable_not_held", G4, "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", G4, "2.没有现成信息需要另行制作"),
    ("unable_unclear_after_correction", G4, "3.补正后申请内容仍不明确"),
    ("not_processed_complaint", G5, "1.信访举报投诉类申请"),
    ("not_processed_repeated", G5, "2.重复申请"),
    ("not_processed_publication", G5, "3.要求提供公开出版物"),
    ("not_processed_excessive", G5, "4.无正当理由大量反复申请"),
    ("not_processed_confirmation", G5, "5.要求行政机关确认或重新出具已获取信息"),
]
OUTCOME_SIX_SPLIT = [
    ("other_overdue_correction", G6, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", G6, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", G6, "3.其他"),
]
OUTCOME_SIX_ONE = [("other_processing", None, "（六）其他处理")]

ROW_NEW = ("new_requests", "一、本年新收政府信息公开申请数量")
ROW_CARRIED = ("carried_over", "二、上年结转政府信息公开申请数量")
ROW_TOTAL = ("total_processed", "（七）总计")
ROW_FORWARD = ("carried_forward", "四、结转下年度继续办理")
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_GROUP_LABEL = "三、本年度办理结果"

# weights of outcome rows when distributing a column's processed applications
OUT_WEIGHTS = {
    "granted": 30, "partially_granted": 10,
    "denied_state_secret": 0.3, "denied_prohibited_by_law": 0.6, "denied_three_safeties": 0.5,
    "denied_third_party_rights": 1.5, "denied_internal_affairs": 1.2,
    "denied_process_information": 2.0, "denied_enforcement_files": 0.8,
    "denied_administrative_query": 1.0,
    "unable_not_held": 24, "unable_needs_creation": 3, "unable_unclear_after_correction": 2,
    "not_processed_complaint": 4, "not_processed_repeated": 3, "not_processed_publication": 0.6,
    "not_processed_excessive": 0.8, "not_processed_confirmation": 1.0,
    "other_overdue_correction": 4, "other_overdue_fee": 0.5, "other_other": 3,
    "other_processing": 7,
}

T4_GROUPS = ["administrative_review", "litigation_direct", "litigation_after_review"]
T4_KEYS = ["upheld", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

SECTION_HEADINGS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                    "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
NUMERALS = "一二三四五六"
# record.md "sections, all eras": the topics of the six sections
SECTION_TOPICS = ["overview", "active", "applications", "review_litigation", "problems", "other"]

# ---------------------------------------------------------------------------------------
# Report specifications: one per distinct report (post-processed copies reuse a report)


@dataclass
class Spec:
    key: str                 # base name, e.g. "jiangchuan-2024"
    agency: str
    year: int
    template: str            # "2021" | "2019"  (表二 format)
    six_split: bool          # 表三 （六） printed as three rows
    scale: str               # tiny | small | medium | large
    we: str                  # how the narrative refers to the agency ("我市")
    office: str              # compiler of the report
    seed: int
    period_form: str = "full"     # full | short | none
    title_form: str = "agency_first"  # agency_first | year_first | two_lines
    heading_variants: dict = field(default_factory=dict)  # section number -> heading
    printed: dict = field(default_factory=dict)  # "table:path" -> printed text (value null)
    caption_space: bool = False   # "第二十条 第（一）项"
    extra: dict = field(default_factory=dict)


SPECS = [
    Spec("jiangchuan-2024", "江川市人民政府", 2024, "2021", True, "large", "我市",
         "江川市人民政府办公室", 101, extra={"long": True, "docno": "江政办发〔2025〕4号"}),
    Spec("qinglan-2023", "青岚区市场监督管理局", 2023, "2021", False, "small", "本局",
         "青岚区市场监督管理局办公室", 102, title_form="year_first"),
    Spec("baisha-2020", "白沙县青石镇人民政府", 2020, "2019", False, "tiny", "我镇",
         "白沙县青石镇人民政府党政办公室", 103, period_form="none"),
    Spec("linlan-2019", "临澜市住房公积金管理中心", 2019, "2019", False, "medium", "本中心",
         "临澜市住房公积金管理中心办公室", 104,
         heading_variants={4: "因政府信息公开工作被申请行政复议、提起行政诉讼情况"}),
    Spec("heyang-2022", "河阳市教育局", 2022, "2019", False, "small", "本局",
         "河阳市教育局办公室", 105, period_form="short"),
    Spec("songxi-2021", "松溪县人民政府", 2021, "2021", True, "medium", "我县",
         "松溪县人民政府办公室", 106, title_form="two_lines", caption_space=True),
    Spec("dongpu-2025", "东浦区人民政府", 2025, "2021", False, "medium", "我区",
         "东浦区人民政府办公室", 107, period_form="short"),
    Spec("yunshan-2019", "云山市人民政府", 2019, "2019", False, "large", "我市",
         "云山市人民政府办公室", 108,
         extra={"docno": "云政办发〔2020〕7号", "html_font": "Droid Sans Fallback"}),
    Spec("tongshan-2022", "桐山县罗田镇人民政府", 2022, "2021", True, "tiny", "我镇",
         "桐山县罗田镇人民政府党政办公室", 109,
         printed={"active_disclosure:regulations.issued": "/",
                  "active_disclosure:regulations.repealed": "/",
                  "active_disclosure:regulations.in_force": "/",
                  "applications:rows.denied_state_secret[1]": "",
                  "applications:rows.denied_state_secret[2]": "",
                  "applications:rows.not_processed_publication[3]": "",
                  "applications:rows.other_overdue_fee[5]": "—",
                  "review_litigation:litigation_after_review.pending": "—"}),
    Spec("nanhu-2023", "南湖区人民政府", 2023, "2021", True, "medium", "我区",
         "南湖区人民政府办公室", 110, extra={"lines": "stroke"}),
    Spec("qingyuan-2024", "清源市住房公积金管理中心", 2024, "2021", False, "medium", "本中心",
         "清源市住房公积金管理中心办公室", 111, title_form="two_lines", extra={"lines": "rect"}),
    Spec("xishan-2020", "西山市生态环境局", 2020, "2019", False, "small", "本局",
         "西山市生态环境局办公室", 112, extra={"lines": "rect"}),
    Spec("fengling-2021", "枫岭县枫岭镇人民政府", 2021, "2021", True, "tiny", "我镇",
         "枫岭县枫岭镇人民政府党政办公室", 113, period_form="short",
         heading_variants={5: "政府信息公开工作存在的主要问题及改进情况"}, extra={"lines": "stroke"}),
    Spec("shuangqiao-2025", "双桥区住房和城乡建设局", 2025, "2021", True, "small", "本局",
         "双桥区住房和城乡建设局办公室", 114),
    Spec("chengbei-2023", "城北区人民政府", 2023, "2021", True, "medium", "我区",
         "城北区人民政府办公室", 115, extra={"sep": "tab", "lost": ("new_requests", 0)}),
    Spec("taoyuan-2021", "桃源县卫生健康局", 2021, "2021", False, "small", "本局",
         "桃源县卫生健康局办公室", 116, title_form="year_first", extra={"sep": "space"}),
    Spec("heping-2019", "平川县和平镇人民政府", 2019, "2019", False, "tiny", "我镇",
         "平川县和平镇人民政府党政办公室", 117, period_form="none",
         heading_variants={4: "因政府信息公开工作被申请行政复议、提起行政诉讼情况"},
         extra={"sep": "space"}),
    Spec("xinhe-2024", "新河市住房公积金管理中心", 2024, "2021", True, "large", "本中心",
         "新河市住房公积金管理中心办公室", 118, extra={"sep": "tab", "lost": ("carried_forward", 0)}),
    # ---- HTML pages (render_html_page.py); extra["html"] drives the page layout
    Spec("bishui-2023", "碧水市交通运输局", 2023, "2021", True, "small", "本局",
         "碧水市交通运输局办公室", 119,
         extra={"html": {"site": "碧水市交通运输局", "layout": "plain", "title_tag": "div",
                         "heading": "strong"}}),
    Spec("liutang-2022", "柳塘区人民政府", 2022, "2021", False, "medium", "我区",
         "柳塘区人民政府办公室", 120, period_form="short",
         printed={f"applications:rows.{k}[2]": "" for k in [
             "granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law",
             "denied_three_safeties", "denied_third_party_rights", "denied_internal_affairs",
             "denied_process_information", "denied_enforcement_files", "denied_administrative_query",
             "unable_not_held", "unable_needs_creation", "unable_unclear_after_correction",
             "not_processed_complaint", "not_processed_repeated", "not_processed_publication",
             "not_processed_excessive", "not_processed_confirmation", "other_processing"]},
         extra={"html": {"site": "柳塘区人民政府网", "layout": "cms", "cells": "word", "title_tag": "h1",
                         "heading": "word", "icp": "浙", "domain": "www.liutang.gov.cn"}}),
    Spec("yunlan-2024", "云岚市人民政府", 2024, "2021", True, "large", "我市",
         "云岚市人民政府办公室", 121,
         extra={"long": True, "filler": 2, "docno": "岚政办发〔2025〕3号",
                "fullwidth": ("active_disclosure", "applications", "review_litigation"),
                "html": {"site": "云岚市人民政府", "layout": "cms", "title_tag": "h1", "heading": "h3",
                         "icp": "黔", "domain": "www.yunlan.gov.cn"}}),
    Spec("meilin-2019", "溪口县梅林镇人民政府", 2019, "2019", False, "tiny", "我镇",
         "溪口县梅林镇人民政府党政办公室", 122,
         heading_variants={5: "政府信息公开工作存在的主要问题及改进情况"},
         extra={"html": {"site": "溪口县人民政府", "layout": "tables", "title_tag": "div", "heading": "h3",
                         "header_br": True, "icp": "闽", "domain": "www.xikou.gov.cn"}}),
    Spec("hechuan-2021", "鹤川县自然资源局", 2021, "2021", True, "small", "本局",
         "鹤川县自然资源局办公室", 123, title_form="two_lines", caption_space=True,
         extra={"html": {"site": "鹤川县人民政府网", "layout": "cms", "title_tag": "h1", "heading": "strong",
                         "upper": True, "vertical_br": True, "th": True, "scroll": True, "header_br": True,
                         "icp": "湘", "domain": "www.hechuan.gov.cn"}}),
]
SPEC_BY_KEY = {s.key: s for s in SPECS}

# ---------------------------------------------------------------------------------------
# Table generation


def _spread(rng: random.Random, n: int, keys: list[str]) -> dict[str, int]:
    out = {k: 0 for k in keys}
    if n <= 0:
        return out
    picks = rng.choices(keys, weights=[OUT_WEIGHTS[k] for k in keys], k=n)
    for k in picks:
        out[k] += 1
    return out


def outcome_keys(six_split: bool) -> list[str]:
    six = OUTCOME_SIX_SPLIT if six_split else OUTCOME_SIX_ONE
    return [k for k, _, _ in OUTCOME_HEAD + six]


def t3_row_keys(six_split: bool) -> list[str]:
    return ["new_requests", "carried_over"] + outcome_keys(six_split) + ["total_processed", "carried_forward"]


def make_applications(rng: random.Random, scale: str, six_split: bool) -> dict[str, list[int]]:
    """Detail rows random, then totals computed so that R1, R2, R3 hold exactly."""
    processed_ranges = {
        "tiny": [(0, 4), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
        "small": [(6, 60), (0, 6), (0, 1), (0, 1), (0, 3), (0, 2)],
        "medium": [(80, 400), (5, 40), (0, 3), (0, 4), (2, 20), (0, 8)],
        "large": [(1500, 4200), (60, 320), (0, 6), (0, 12), (20, 110), (3, 30)],
    }[scale]
    okeys = outcome_keys(six_split)
    rows = {k: [0] * 7 for k in t3_row_keys(six_split)}
    for c, (lo, hi) in enumerate(processed_ranges):
        processed = rng.randint(lo, hi)
        spread = _spread(rng, processed, okeys)
        for k in okeys:
            rows[k][c] = spread[k]
        rows["total_processed"][c] = processed
        frac = 0.06 if scale != "tiny" else 0.3
        fwd = rng.randint(0, int(processed * frac)) if processed else 0
        over = rng.randint(0, min(int(processed * frac) + 1, processed + fwd)) if processed else 0
        rows["carried_forward"][c] = fwd
        rows["carried_over"][c] = over
        rows["new_requests"][c] = processed + fwd - over
        assert rows["new_requests"][c] >= 0
    for k, r in rows.items():
        r[6] = sum(r[:6])
    check_applications(rows, six_split)
    return rows


def check_applications(rows: dict[str, list[int]], six_split: bool) -> None:
    okeys = outcome_keys(six_split)
    for c in range(7):
        assert rows["new_requests"][c] + rows["carried_over"][c] == \
            rows["total_processed"][c] + rows["carried_forward"][c], ("R1", c)
        assert rows["total_processed"][c] == sum(rows[k][c] for k in okeys), ("R2", c)
    for k, r in rows.items():
        assert r[6] == sum(r[:6]), ("R3", k)


def make_review(rng: random.Random, scale: str) -> dict[str, dict[str, int]]:
    hi = {"tiny": 0, "small": 3, "medium": 12, "large": 90}[scale]
    out = {}
    for g in T4_GROUPS:
        h = hi if g == "administrative_review" else hi // 3
        vals = [rng.randint(0, h), rng.randint(0, h // 3), rng.randint(0, h // 2), rng.randint(0, h // 4)]
        out[g] = dict(zip(T4_KEYS, vals + [sum(vals)]))
    return out


def _money(rng: random.Random, lo: int, hi: int) -> Decimal:
    places = rng.choice([2, 2, 2, 1, 4])
    cents = rng.randint(lo * 10 ** places, hi * 10 ** places)
    return Decimal(cents).scaleb(-places)


def make_active(rng: random.Random, scale: str, template: str) -> dict[str, dict[str, Any]]:
    big = {"tiny": 1, "small": 8, "medium": 40, "large": 300}[scale]
    if template == "2021":
        reg_force = rng.randint(10, 60) if scale == "large" else 0
        reg_iss = rng.randint(0, 3) if reg_force else 0
        nd_iss = rng.randint(0, 3 * big // 4 + 2)
        nd_rep = rng.randint(0, nd_iss + 3)
        return {
            "regulations": {"issued": reg_iss, "repealed": rng.randint(0, 1) if reg_force else 0, "in_force": reg_force},
            "normative_documents": {"issued": nd_iss, "repealed": nd_rep,
                                    "in_force": nd_iss + rng.randint(0, 10 * big)},
            "administrative_licensing": {"decisions": rng.randint(0, 300 * big)},
            "administrative_penalty": {"decisions": rng.randint(0, 60 * big)},
            "administrative_coercion": {"decisions": rng.randint(0, 8 * big)},
            "administrative_fees": {"amount": Decimal(0) if scale == "tiny" else _money(rng, 1, 30 * big)},
        }
    def items():
        prev = rng.randint(0, 25 * big)
        change = rng.randint(-min(prev, 12), 15)
        return {"previous_year_items": prev, "change": change, "decisions": rng.randint(0, 200 * big)}
    made = rng.randint(0, 3) if scale == "large" else 0
    nd_made = rng.randint(0, big // 2 + 2)
    nd_pub = rng.randint(0, nd_made)
    lic = items()
    if lic["previous_year_items"] > 0:  # make sure the corpus has negative changes
        lic["change"] = -min(lic["previous_year_items"], rng.randint(1, 9))
    return {
        "regulations": {"new_made": made, "new_published": made, "total_published": made + rng.randint(0, 40 if made else 0)},
        "normative_documents": {"new_made": nd_made, "new_published": nd_pub, "total_published": nd_pub + rng.randint(0, 8 * big)},
        "administrative_licensing": lic,
        "other_external_services": items(),
        "administrative_penalty": items(),
        "administrative_coercion": items(),
        "administrative_fees": {k: v for k, v in items().items() if k != "decisions"},
        "centralized_procurement": {"projects": rng.randint(0, 3 * big),
                                    "amount": Decimal(0) if scale == "tiny" else _money(rng, 1, 20 * big)},
    }


# ---------------------------------------------------------------------------------------
# Narrative with golden bookkeeping

CN_DIGITS = "〇一二三四五六七八九"


def cn_num(n: int) -> str:
    if n <= 10:
        return "〇一二三四五六七八九十"[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    t, u = divmod(n, 10)
    return CN_DIGITS[t] + "十" + (CN_DIGITS[u] if u else "")


class Narr:
    """Builds narrative text pieces and records what a perfect extractor must find."""

    def __init__(self, rng: random.Random, year: int):
        self.rng = rng
        self.year = year
        self.dates: list[dict] = []
        self.counts: list[dict] = []
        self.policies: list[dict] = []
        self.texts: list[str] = []     # date and count texts as written (for self-checks)

    def date(self, m: int, d: int | None = None, form: str = "cn", y: int | None = None) -> str:
        y = y or self.year
        iso = f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else "")
        text = {
            "iso": f"{y}-{m:02d}-{d:02d}" if d else None,
            "cn": f"{y}年{m}月{d}日" if d else f"{y}年{m}月",
            "dot": f"{y}.{m}.{d}",
            "slash": f"{y}/{m}/{d}",
            "hanzi": "".join(CN_DIGITS[int(ch)] for ch in str(y)) + f"年{cn_num(m)}月{cn_num(d)}日" if d else None,
            "md": f"{m}月{d}日",   # no year: the report year is implied
            "month": f"{y}年{m}月",
        }[form]
        assert text
        self.dates.append({"date": iso})
        self.texts.append(text)
        return text

    def count(self, label: str, num: str, unit: str, sp1: str | None = None, sp2: str | None = None,
              lead: str = "") -> str:
        """A count clause `{lead}{label} {num}{unit}`; `lead` (e.g. 其中) is printed but is not part of the label."""
        assert label and all("\u4e00" <= ch <= "\u9fff" for ch in label), label
        assert not label.startswith(("共", "累计", "达", "约")), label
        if sp1 is None:
            sp1 = self.rng.choice(["", " "])
        if sp2 is None:
            sp2 = sp1 if unit != "%" else ""
        if unit.startswith("万") and unit != "万元":
            value = Decimal(num) * 10000
            assert value == value.to_integral_value()
            value, u = int(value), unit[1:]
        else:
            value = float(num) if "." in num else int(num)
            u = unit
        self.counts.append({"label": label, "value": value, "unit": u})
        self.texts.append(f"{lead}{label}{sp1}{num}{sp2}{unit}")
        return self.texts[-1]

    def policy(self, title: str, date: str | None = None, action: str | None = None) -> str:
        key = "".join(title.split())
        assert key not in [p["title"] for p in self.policies], key
        self.policies.append({"title": key, "date": date, "action": action})
        return f"《{title}》"


def _n(rng, lo, hi):
    return str(rng.randint(lo, hi))


def _dec(rng, lo, hi, places=2):
    return str(Decimal(rng.randint(lo * 10 ** places, hi * 10 ** places)).scaleb(-places))


def _nz(rng, lo, hi, places=2):
    """A decimal whose last printed digit is not 0 (so the printed form is unambiguous)."""
    while True:
        s = _dec(rng, lo, hi, places)
        if not s.endswith("0"):
            return s


# policy title pools (invented)
POLICY_POOL = [
    "关于进一步做好政务公开重点工作的通知",
    "关于调整住房公积金个人住房贷款最高额度的通知",
    "关于开展 {y} 年度住房公积金缴存基数调整的通知",
    "{short}政务公开工作考核办法",
    "{short}重大行政决策公众参与实施细则",
    "关于规范政务新媒体管理工作的通知",
    "关于推进基层政务公开标准化规范化建设的实施方案",
    "{short}行政规范性文件管理办法",
    "关于优化营商环境进一步提升政务服务效能的若干措施",
    "{short}依申请公开工作规程",
]
NODATE_POOL = [
    "关于全面推进政务公开工作的意见",
    "政府信息公开信息处理费管理办法",
    "{prov}政务公开工作要点",
]


FULLWIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


def to_fullwidth(text: str) -> str:
    return text.translate(FULLWIDTH)


def short_name(agency: str) -> str:
    for suf in ("人民政府", ""):
        if suf and agency.endswith(suf):
            return agency[: -len(suf)]
    return agency


@dataclass
class Block:
    kind: str    # title | para | heading | sub | table | sign
    text: Any = None
    number: int | None = None


@dataclass
class Report:
    spec: Spec
    title: str
    title_lines: list[str]
    blocks: list[Block]
    active: dict
    applications: dict
    review: dict
    narr: Narr
    period: dict | None
    headings: list[str]

    # ----- printed forms of table cells ---------------------------------------------
    def printed_of(self, table: str) -> dict[str, str]:
        return {k.split(":", 1)[1]: v for k, v in self.spec.printed.items() if k.startswith(table + ":")}

    def cell_text(self, table: str, path: str, value) -> str:
        p = self.printed_of(table)
        if path in p:
            assert value == 0, (table, path, value)   # only a true zero is ever printed as blank or /
            return p[path]
        if isinstance(value, Decimal):
            return self._width(table, str(value))
        return self._width(table, str(value))

    def _width(self, table: str, text: str) -> str:
        """Full-width digits for the tables listed in `extra["fullwidth"]` (HTML samples)."""
        return to_fullwidth(text) if table in self.spec.extra.get("fullwidth", ()) else text

    def fullwidth_printed(self, table: str) -> dict[str, str]:
        """`printed` entries of the cells written with full-width digits (value kept)."""
        if table not in self.spec.extra.get("fullwidth", ()):
            return {}
        if table == "applications":
            items = [(f"rows.{k}[{i}]", v[i]) for k, v in self.applications.items() for i in range(7)]
        else:
            src = self.active if table == "active_disclosure" else self.review
            items = [(f"{g}.{k}", v) for g, d in src.items() for k, v in d.items()]
        p = self.printed_of(table)
        return {path: self.cell_text(table, path, v) for path, v in items if path not in p}

    # ----- golden ------------------------------------------------------------------
    def golden_tables(self) -> dict:
        def jv(v):
            if isinstance(v, Decimal):
                return int(v) if v == v.to_integral_value() and "." not in str(v) else float(v)
            return v
        ad = {g: {k: jv(v) for k, v in d.items()} for g, d in self.active.items()}
        for path, txt in self.printed_of("active_disclosure").items():
            g, k = path.split(".")
            ad[g][k] = None
        p = {**self.printed_of("active_disclosure"), **self.fullwidth_printed("active_disclosure")}
        if p:
            ad["printed"] = p
        rows = {k: list(v) for k, v in self.applications.items()}
        for path, txt in self.printed_of("applications").items():
            k = path.split(".", 1)[1].split("[")[0]
            i = int(path.split("[")[1].rstrip("]"))
            rows[k][i] = None
        apps = {"columns": COLS, "rows": rows,
                "printed": {**self.printed_of("applications"), **self.fullwidth_printed("applications")}}
        rl = {g: dict(d) for g, d in self.review.items()}
        for path in self.printed_of("review_litigation"):
            g, k = path.split(".")
            rl[g][k] = None
        p = {**self.printed_of("review_litigation"), **self.fullwidth_printed("review_litigation")}
        if p:
            rl["printed"] = p
        return {"active_disclosure": ad, "applications": apps, "review_litigation": rl}

    def golden(self, fmt: str, pages: int | None) -> dict:
        return {
            "source": {"format": fmt, "pages": pages},
            "status": "ok",
            "report": {"title": "".join(self.title.split()), "agency": self.spec.agency,
                       **regions.placement(self.spec.agency),
                       "year": self.spec.year, "period": self.period, "template": self.spec.template},
            "sections": [{"number": i + 1, "heading": h, "topic": SECTION_TOPICS[i]}
                         for i, h in enumerate(self.headings)],
            "policies": self.narr.policies,
            "dates": self.narr.dates,
            "counts": self.narr.counts,
            "tables": self.golden_tables(),
            # the 依申请公开 paragraph restates these two table totals (build_report)
            "checks": {"$contains": [
                {"rule": "narrative.agrees_with_tables", "status": "pass",
                 "path": "tables.applications.rows.new_requests[6]"},
                {"rule": "narrative.agrees_with_tables", "status": "pass",
                 "path": "tables.applications.rows.carried_over[6]"},
            ]},
        }


PROVINCES = {"江川": "江川", "青岚": "青州", "白沙": "南岭", "临澜": "临海", "河阳": "河东",
             "松溪": "闽溪", "东浦": "东海", "云山": "云岭", "桐山": "桐江", "南湖": "湖东",
             "清源": "清江", "西山": "西岭", "枫岭": "枫江", "双桥": "双江", "城北": "北江",
             "桃源": "湘源", "平川": "平原", "新河": "新江", "碧水": "碧江", "柳塘": "浙东",
             "云岚": "黔岭", "溪口": "闽西", "鹤川": "湘中"}


def build_report(spec: Spec) -> Report:
    rng = random.Random(spec.seed)
    apps = make_applications(rng, spec.scale, spec.six_split)
    review = make_review(rng, spec.scale)
    active = make_active(rng, spec.scale, spec.template)
    # zero the cells that are printed as blank / "/" / "—" (their true value must be 0)
    for key in spec.printed:
        table, path = key.split(":", 1)
        if table == "applications":
            k = path.split(".", 1)[1].split("[")[0]
            i = int(path.split("[")[1].rstrip("]"))
            assert apps[k][i] == 0, (spec.key, path, apps[k][i])
        elif table == "active_disclosure":
            g, k = path.split(".")
            assert active[g][k] == 0, (spec.key, path)
        else:
            g, k = path.split(".")
            assert review[g][k] == 0, (spec.key, path)

    y = spec.year
    N = Narr(rng, y)
    we = spec.we
    short = short_name(spec.agency)
    prov = next(v for k, v in PROVINCES.items() if spec.agency.startswith(k))
    place = re.match(r"^.*?[市区县]", spec.agency).group(0)
    blocks: list[Block] = []

    # title
    if spec.title_form == "year_first":
        title_lines = [f"{y}年{spec.agency}政府信息公开工作年度报告"]
    elif spec.title_form == "two_lines":
        title_lines = [spec.agency, f"{y}年政府信息公开工作年度报告"]
    else:
        title_lines = [f"{spec.agency}{y}年政府信息公开工作年度报告"]
    title = "".join(title_lines)
    blocks.append(Block("title", title_lines))

    # opening paragraph
    s = f"本报告由{spec.office}根据{N.policy('中华人民共和国政府信息公开条例')}（国令第711号）"
    if "docno" in spec.extra:
        s += f"和{N.policy(f'{prov}省人民政府办公厅关于做好政府信息公开工作年度报告编制工作的通知')}（{spec.extra['docno']}）"
    s += "要求编制。"
    period = None
    if spec.period_form == "full":
        s += f"本报告所列数据统计期限自{N.date(1, 1)}起至{N.date(12, 31)}止。"
        period = {"start": f"{y}-01-01", "end": f"{y}-12-31"}
    elif spec.period_form == "short":
        s += f"报告中所列数据的统计期限自{N.date(1, 1)}至{N.date(12, 31)}。"
        period = {"start": f"{y}-01-01", "end": f"{y}-12-31"}
    area = f"0{rng.randint(510, 799)}-{rng.randint(8100, 8899)}{rng.randint(1000, 9999)}"
    street = rng.choice(["芳草街", "府前路", "人民大道", "解放东路", "滨河路", "文化路"])
    s += (f"如对本报告有疑问，请与{spec.office}联系（地址：{place}{street}{rng.randint(12, 1999)}号，"
          f"邮编：{rng.randint(1, 8)}{rng.randint(10000, 99999)}，电话：{area}）。")
    blocks.append(Block("para", s))

    headings = [spec.heading_variants.get(i + 1, h) for i, h in enumerate(SECTION_HEADINGS)]

    def heading(i):
        blocks.append(Block("heading", f"{NUMERALS[i - 1]}、{headings[i - 1]}", i))

    # ---- 一、总体情况
    heading(1)
    tot_new = apps["new_requests"][6]
    big = {"tiny": 1, "small": 6, "medium": 30, "large": 200}[spec.scale]
    s = (f"{y}年，{we}坚持以人民为中心的发展思想，认真贯彻落实政务公开各项决策部署，"
         f"持续深化决策、执行、管理、服务、结果公开，政府信息公开工作质量和实效稳步提升。")
    blocks.append(Block("para", s))
    blocks.append(Block("sub", "（一）主动公开"))
    s = (f"主要通过门户网站、政务新媒体和公开栏等渠道主动公开各类政府信息，"
         f"{N.count('全年主动公开政府信息', _n(rng, 40 * big, 300 * big), '条')}，"
         f"{N.count('政策文件', _n(rng, 2, 6 * big), '件', lead='其中')}，"
         f"{N.count('政策解读', _n(rng, 1, 3 * big), '条')}。")
    blocks.append(Block("para", s))
    # dated policies (ISO + 发布), like real reports' lists
    pool = [t.format(y=y, short=short) for t in POLICY_POOL
            if "住房公积金" not in t or "公积金" in spec.agency]
    rng.shuffle(pool)
    n_pol = rng.randint(2, 4)
    days = sorted(rng.sample(range(20, 340), n_pol + 1))
    blocks.append(Block("para", "及时公开政策文件，主要有："))
    for j in range(n_pol):
        m, d = _md(y, days[j])
        end = "。" if j == n_pol - 1 else "；"
        blocks.append(Block("para", f"{N.date(m, d, 'iso')} 发布{N.policy(pool[j], f'{y}-{m:02d}-{d:02d}', '发布')}{end}"))
    if rng.random() < 0.7:
        m, d = _md(y, days[n_pol])
        t = pool[n_pol]
        blocks.append(Block("para", f"{we}于{N.date(m, d, 'md')}印发{N.policy(t, f'{y}-{m:02d}-{d:02d}', '印发')}，"
                                    f"进一步明确责任分工和工作要求。"))
    blocks.append(Block("sub", "（二）依申请公开"))
    s = (f"进一步规范依申请公开办理流程，畅通受理渠道，"
         f"{N.count('全年新收政府信息公开申请', str(tot_new), '件')}，"
         f"{N.count('上年结转申请', str(apps['carried_over'][6]), '件')}，均在法定期限内予以答复。")
    blocks.append(Block("para", s))
    blocks.append(Block("sub", "（三）政府信息管理"))
    forms = ["cn", "dot", "slash", "cn"]
    rng.shuffle(forms)
    evs = sorted(rng.sample(range(8, 330), 3))
    acts = ["召开政务公开工作专题会议，研究部署年度重点任务", "组织开展政府信息公开专项自查",
            "完成政府网站栏目梳理和优化调整", "开展政务新媒体内容安全检查"]
    rng.shuffle(acts)
    parts = []
    for j, dd in enumerate(evs):
        m, d = _md(y, dd)
        parts.append(f"{N.date(m, d, forms[j])}，{acts[j]}")
    mm = rng.randint(2, 11)
    s = ("严格执行信息发布审核制度，落实先审后发要求。" + "；".join(parts) + "。" +
         f"{N.date(mm, None, 'month')}，启动历史公开信息清理工作，对过时信息及时归档或撤除。")
    blocks.append(Block("para", s))
    blocks.append(Block("sub", "（四）政府信息公开平台建设"))
    v_tel = _nz(rng, 1, 60 if spec.scale in ("medium", "large") else 6)
    s = (f"持续加强门户网站和政务新媒体建设，"
         f"{N.count('网站访问量', _nz(rng, 3, 900), '万次')}，"
         f"{N.count('办件量总数', _n(rng, 100 * big, 4000 * big), '个')}；"
         f"{N.count('热线平台全年接入电话', v_tel, '万个')}，"
         f"{N.count('满意度', _nz(rng, 95, 99), '%', sp1=rng.choice(['', ' ']))}。")
    if spec.extra.get("long"):
        s += (f"{N.count('政务新媒体账号', _n(rng, 5, 30), '个')}，"
              f"{N.count('全年发布政务微博', _n(rng, 300, 3000), '条')}，"
              f"{N.count('人工接通率', _nz(rng, 90, 99), '%')}。")
    blocks.append(Block("para", s))
    blocks.append(Block("sub", "（五）监督保障"))
    s = (f"将政务公开纳入年度绩效考核，"
         f"{N.count('举办业务培训', _n(rng, 1, 6), '期')}，"
         f"{N.count('参训人员', _n(rng, 20, 400), '人次')}；"
         f"{N.count('开展专项检查', _n(rng, 1, 9), '次')}，发现问题均已整改到位。")
    blocks.append(Block("para", s))
    if spec.extra.get("long"):
        s = ("此外，" + f"{we}围绕重点领域信息公开，持续做好财政预决算、重大建设项目、公共资源配置、"
             "社会公益事业等领域信息的公开工作，做到应公开尽公开。同时加强政策解读和回应关切，"
             "通过政策问答、图文解读、视频解读等形式，帮助群众更好理解政策内容，不断提升政府工作透明度。"
             "对社会关注度高的事项，及时发布权威信息，主动回应群众关切，营造良好舆论氛围。")
        blocks.append(Block("para", s))
        if spec.extra.get("filler", 1) > 1:
            blocks.append(Block("para", s.replace("此外，", "同时，").replace("持续做好", "扎实做好")))

    # ---- 二 三 四 tables
    heading(2)
    if rng.random() < 0.4:
        blocks.append(Block("para", "该部分以表格形式报告。"))
    blocks.append(Block("table", "t2"))
    heading(3)
    blocks.append(Block("table", "t3"))
    heading(4)
    blocks.append(Block("table", "t4"))

    # ---- 五
    heading(5)
    s = (f"{y}年，{we}政府信息公开工作取得一定成效，但对照上级要求仍存在一定差距，"
         f"主要是依申请公开答复的规范化水平有待提升，政策解读的形式还不够丰富，"
         f"工作人员业务能力有待加强。")
    blocks.append(Block("para", s))
    s = (f"下一步，{we}将重点做好以下工作：一是健全依申请公开工作机制，强化法制审核；"
         f"二是丰富政策解读形式，提升解读质量；三是加强业务培训，"
         f"{N.count('计划组织专题培训', _n(rng, 1, 4), '场')}，不断提高工作人员业务水平。")
    blocks.append(Block("para", s))

    # ---- 六
    heading(6)
    nodate = [t.format(prov=prov) for t in NODATE_POOL]
    if y >= 2021:
        fee = rng.choice(["0", "0", str(rng.randint(1, 80) * 10)])
        s = f"依据{N.policy(nodate[1])}，{N.count('全年收取信息处理费', fee, '元')}。"
    else:
        s = "本年度未收取政府信息公开信息处理费。"
    blocks.append(Block("para", s))
    s = (f"按照{N.policy(nodate[2])}要求，"
         f"{N.count('办理人大代表建议', _n(rng, 0, 3 * big), '件')}，"
         f"{N.count('政协委员提案', _n(rng, 0, 3 * big), '件')}，"
         f"{N.count('办复率', '100', '%', sp1=' ')}，各项工作任务全部完成。")
    blocks.append(Block("para", s))

    # signature
    sign_m, sign_d = rng.randint(1, 2), rng.randint(5, 28)
    form = rng.choice(["hanzi", "cn"])
    blocks.append(Block("sign", [spec.office, N.date(sign_m, sign_d, form, y=y + 1)]))
    _self_check(spec, blocks, N)
    return Report(spec, title, title_lines, blocks, active, apps, review, N, period, headings)


UNIT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(万?(?:人次|条|件|个|次|户|笔|项|场|期|人|元)|%)")
DATE_RE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
                     r"|[〇一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")


def _self_check(spec: Spec, blocks: list[Block], N: Narr) -> None:
    """Every number+unit and every date in the narrative is one the golden lists."""
    text = "\n".join(b.text if isinstance(b.text, str) else "\n".join(b.text)
                     for b in blocks if b.kind in ("para", "sign", "sub", "heading"))
    count_texts = [t for t in N.texts if not DATE_RE.fullmatch(t)]
    found = [m.group(0) for m in UNIT_RE.finditer(text)]
    expected = [UNIT_RE.search(t).group(0) for t in count_texts]
    assert sorted(found) == sorted(expected), (spec.key, sorted(found), sorted(expected))
    dates = [m.group(0) for m in DATE_RE.finditer(text)]
    assert len(dates) == len(N.dates), (spec.key, dates, N.dates)


def _md(y: int, doy: int) -> tuple[int, int]:
    import datetime
    d = datetime.date(y, 1, 1) + datetime.timedelta(days=doy)
    return d.month, d.day


def all_reports() -> dict[str, Report]:
    return {s.key: build_report(s) for s in SPECS}


if __name__ == "__main__":
    import json
    for k, r in all_reports().items():
        print(k, json.dumps(r.golden("pdf", None), ensure_ascii=False)[:300])
