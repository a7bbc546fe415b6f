#!/usr/bin/env python3
"""A broad matrix of pre-2019 statistics tables (issue #31), with goldens — not committed.

    python3 samples/generate/pre2019_matrix.py tuned              # → /tmp/pre2019-matrix/tuned/
    python3 samples/generate/pre2019_matrix.py heldout            # → /tmp/pre2019-matrix/heldout/
    python3 samples/generate/pre2019_matrix.py tuned --out DIR --only 3 17 --kind text html

SPLITS (fixed before anything was measured; never move a seed between them):

    tuned    seeds 1–40       look at these, tune the reader on them
    heldout  seeds 1001–1060  measure only; do not read their failures while tuning
    single   seeds 3001–3186  diagnostic (not held out; added after the first baseline): one
                              feature at a time on a plain form (统计指标 | 单位 | 统计数, the
                              2015 form, top-aligned cells), each variant of SINGLE in text
                              (aligned spaces), HTML and reportlab PDF
    wide, wide-heldout        the broader forms (below): seeds 4001–4040 tuned, 5001–5060 held out
    values-first seeds 7001–7060 diagnostic (not held out; added while fixing the orders that
                              print values before code and unit): the broader forms with the
                              order forced to one of VALUES_FIRST
    reportlab seeds 8001–8060 diagnostic (not held out): the tuned/heldout forms, all rendered
                              by reportlab
    poor-values-first 9001–9060 diagnostic (not held out; added after a held-out measurement,
                              from its tallies): values-first's forms, all as poor text

Each seed makes one invented 2008–2018 report (pre2019.py's narrative) with one statistics
table whose header and rows are drawn from the forms real reports use:

- column roles in any plausible order (ORDERS): 序号, the indicator (指标名称/统计指标/项目/
  内容/指标/统计项目), a code (代码/编码/指标代码), the unit (单位/计量单位), 1–3 value columns
  named from VALUE_SETS (统计数; 数量; 本年/历年累计; 本期/累计; 本期实际/本年累计;
  本年/上年/同比; 本年度/上年度/增减; years `2014年/2015年`; 数值; 合计, 上半年/下半年/合计);
  no unit column (units in the labels) and the unit after the values too;
- header names wrapped over two lines (`计量`/`单位`, `历年`/`累计`), a two-row header (a
  group `统计数` over `本年 | 累计`), the `甲 乙 丙 1 2` index line, a letter-spaced `指 标 名 称`;
- rows from the 2015–2018 form (a random choice of its blocks), the provincial coded form, or a
  mixed form with synonyms and unkeyed indicators; numbering restyled per level (一、 一．
  （一） (一) 1. 1、 1． ① (1) （1）), 其中：/其中:, extra trailing notes, a unit written in the
  label (（万元） (件) （单位：人）) with an empty unit cell, codes 01 / A01 / 1.1 / 101, or the
  numbering moved into the 序号 column;
- cells plain, blank, —, ——, /, with thousands separators, full-width digits, decimals (万元),
  signed changes (增减) and percentages (同比 `12.5%`);
- formats: text (tabs; aligned runs of spaces; poor extraction with labels broken over lines and
  the values on the first, last or a middle line), HTML (rowspan/colspan header, `<br>` in
  header cells, heading rows as one spanning cell, `&nbsp;` blanks), PDF by reportlab
  (STSong-Light, narrow columns wrap, rows centred or top-aligned, page breaks with or without
  the header repeated) and by LibreOffice from python-docx (merged header cells).

Output: DIR/<stem>.{txt,html,pdf}, DIR/golden/<stem>.json (the record's expected content, same
shape as golden/*.json of the pre-2019 samples: `tables.statistics` with columns, rows
{label, text, unit, parent, values, key, code?} and printed), and DIR/manifest.json (per stem:
file features, row kinds and cell kinds, read by bench/pre2019_cells.py).

Golden decisions beyond record.md (stated here so a reader change can be argued against them):
- `columns` of a two-row header are the leaf names (`本年`, `累计`), not the group name;
  a wrapped name is joined (`历年累计`).
- `text` is the indicator cell as printed; when the numbering stands in a 序号 column it is
  not part of `text` (the label cell has none), but it still decides the nesting.
- a percentage cell `12.5%` is the number 12.5 with `printed` "12.5%"; `+3` is 3 with
  printed "+3"; `-3` is plain.
- `key` is what the project's template data (crates/parse/src/statistics/keys.rs, parsed here) gives the
  label under its parent's key, so a synonym listed there is keyed and any other label is null.
- `status` is `ok`: the drawn values satisfy statistics.parts_sum / statistics.subset on every
  count column. Change columns (增减, 同比) are not sums of their parts (percentages) or not
  bounded by their parent (signed differences); the golden assumes the rules skip them.
"""
from __future__ import annotations

import argparse
import html as htmlmod
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import model  # noqa: E402
import pre2019  # noqa: E402
import pre2019_forms as forms  # noqa: E402
import pre2019_render as render  # noqa: E402
from pre2019_render import Block  # noqa: E402

ROOT = HERE.parent.parent
KEYS_RS = ROOT / "crates" / "parse" / "src" / "statistics" / "keys.rs"

SPLITS = {"tuned": range(1, 41), "heldout": range(1001, 1061),
          # the broader forms of WIDE (added after the reader was tuned on tuned/heldout's forms;
          # fixed before anything was measured on them): tune on wide, measure wide-heldout only
          "wide": range(4001, 4041), "wide-heldout": range(5001, 5061),
          # diagnostic, not held out (added while fixing the values-first orders): the broader
          # forms of WIDE with the order forced to one that prints the values before the code
          # and/or the unit (VALUES_FIRST, by seed), so those orders meet every other feature
          "values-first": range(7001, 7061),
          # diagnostic, not held out (added while looking for reportlab tables not found): the
          # forms of tuned/heldout, every one rendered by reportlab
          "reportlab": range(8001, 8061),
          # diagnostic, not held out (added after the first held-out measurement of the
          # values-first fixes, from its tallies: poor text with the values first was weak):
          # values-first's tables, every one as poor text
          "poor-values-first": range(9001, 9061)}
# the orders of the values-first split: values before the code and the unit (2 of them drawn
# in wide as well), and values before the unit with the code after the indicator
VALUES_FIRST = ["SLVCU", "LVCU", "SLVUC", "LVUC", "CLVU", "LCVU"]
# diagnostic, not held out: one feature at a time on a plain form (see SINGLE below)
SINGLE_FORMATS = ["txt-spaces", "html", "pdf-reportlab"]
FORMATS = ["txt-tabs", "txt-spaces", "txt-poor", "html", "pdf-reportlab", "pdf-lo"]

# ---------------------------------------------------------------------------------------
# keys: the project's template data, read from the Rust source


def rust_keys() -> list[tuple[str, str | None, list[str]]]:
    """(key, parent key it needs or None, labels) in keys.rs order."""
    src = KEYS_RS.read_text(encoding="utf-8")
    consts = {name: re.findall(r'"([^"]*)"', body)
              for name, body in re.findall(r"const (\w+): &\[&str\] = &\[(.*?)\];", src, re.S)}
    out = []
    for m in re.finditer(r'\b(k|under)\(\s*"([^"]+)",\s*(?:"([^"]+)",\s*)?(&\[.*?\]|[A-Z_]+),?\s*\)', src, re.S):
        labels = re.findall(r'"([^"]*)"', m[4]) if m[4].startswith("&") else consts[m[4]]
        out.append((m[2], m[3], labels))
    assert len(out) > 50, "keys.rs: the key table was not found"
    return out


KEYS = rust_keys()


def key_of(label: str, parent_key: str | None) -> str | None:
    """keys.rs key_of: the first key whose labels hold this one (and whose parent matches)."""
    label = "".join(label.split())
    return next((k for k, under, labels in KEYS
                 if (under is None or under == parent_key) and label in ["".join(l.split()) for l in labels]), None)


# ---------------------------------------------------------------------------------------
# forms as structured rows

H = None  # unit of a heading row


@dataclass
class Row:
    label: str               # the golden label: no numbering, 其中 or trailing note
    unit: str | None         # None: a heading row
    parent: int | None
    rel: str | None          # part | of | None
    level: int = 0           # numbering depth 1–4 (0: unnumbered)
    num: int = 0             # the number printed at that depth (1-based)
    of: bool = False         # printed with a leading 其中
    note: str = ""           # trailing note as printed
    block: int = 0           # top-level block, for codes


NUM_PATTERNS = [(1, r"([一二三四五六七八九十]+)、"), (2, r"（([一二三四五六七八九十]+)）"),
                (3, r"(\d+)\."), (4, r"\((\d+)\)")]
CN = "一二三四五六七八九十"


def cn_value(s: str) -> int:
    return int(s) if s.isdigit() else (CN.index(s) + 1 if len(s) == 1 else 10 + (CN.index(s[1]) + 1 if len(s) > 1 else 0))


def parse_form(entries: list[tuple]) -> list[Row]:
    """Rows of a form written as pre2019_forms does: (text, unit, key, parent, relation)."""
    rows, block = [], -1
    for text, unit, _key, parent, rel in entries:
        t, of = text, False
        for p in ("其中：", "其中:"):
            if t.startswith(p):
                t, of = t[len(p):], True
        level = num = 0
        for lv, pat in NUM_PATTERNS:
            m = re.match(pat, t)
            if m:
                level, num, t = lv, cn_value(m[1]), t[m.end():]
                break
        note = ""
        m = re.search(r"（[^（）]*）$", t)
        if m and m.start() > 0:
            note, t = m[0], t[:m.start()]
        if parent is None:
            block += 1
        rows.append(Row(t, unit, parent, rel, level, num, of, note, block))
    return rows


# a municipal short form (invented): synonyms the template data lists, and indicators it does not
FORM_MIXED = [
    ("一、主动公开情况", H, None, None, None),                                                    # 0
    ("（一）主动公开信息数", "条", None, 0, None),
    ("其中：政府网站公开信息数", "条", None, 1, "of"),
    ("政务新媒体公开信息数", "条", None, 1, "of"),
    ("（二）网站专栏页面访问量", "人次", None, 0, None),
    ("二、依申请公开情况", H, None, None, None),                                                  # 5
    ("（一）受理申请总数", "件", None, 5, None),
    ("1.当面申请数", "件", None, 6, "part"),
    ("2.网上申请数", "件", None, 6, "part"),
    ("3.信函申请数", "件", None, 6, "part"),
    ("4.传真申请数", "件", None, 6, "part"),                                                     # 10
    ("（二）申请答复总数", "件", None, 5, None),
    ("1.同意公开答复数", "件", None, 11, "part"),
    ("2.同意部分公开答复数", "件", None, 11, "part"),
    ("3.不同意公开答复总数", "件", None, 11, "part"),
    ("4.其他答复数", "件", None, 11, "part"),                                                    # 15
    ("三、咨询情况", H, None, None, None),
    ("（一）受理咨询数", "人次", None, 16, None),
    ("1.现场咨询数", "人次", None, 17, "part"),
    ("2.电话咨询数", "人次", None, 17, "part"),
    ("3.网上咨询数", "人次", None, 17, "part"),                                                  # 20
    ("四、行政复议数", "件", None, None, None),
    ("五、行政诉讼数", "件", None, None, None),
    ("六、举报投诉数", "件", None, None, None),
    ("七、收取费用总额", "万元", None, None, None),
    ("八、政府信息公开专项经费", "万元", None, None, None),                                      # 25
]

FORMS = {"2015": parse_form(forms.FORM_2015), "provincial": parse_form(forms.FORM_PROVINCIAL),
         "mixed": parse_form(FORM_MIXED)}


def form_keys(rows: list[Row]) -> list[str | None]:
    keys: list[str | None] = []
    for r in rows:
        pk = keys[r.parent] if r.parent is not None else None
        keys.append(None if r.unit is None else key_of(r.label, pk))
    return keys


# the template data and pre2019_forms agree on the two known forms
for _name, _entries in (("2015", forms.FORM_2015), ("provincial", forms.FORM_PROVINCIAL)):
    assert form_keys(FORMS[_name]) == [e[2] for e in _entries], _name


def pick_rows(form: str, rng: random.Random) -> list[Row]:
    """The 2015 form: a random choice of its top-level blocks (at least three); the others whole."""
    rows = FORMS[form]
    if form != "2015":
        return [Row(**vars(r)) for r in rows]
    blocks = sorted({r.block for r in rows})
    keep = set(rng.sample(blocks, rng.randint(3, len(blocks))))
    index, out = {}, []
    for i, r in enumerate(rows):
        if r.block in keep:
            index[i] = len(out)
            out.append(Row(**{**vars(r), "parent": index.get(r.parent) if r.parent is not None else None}))
    # top-level numbering follows the blocks kept (一、二、…)
    n = 0
    for r in out:
        if r.parent is None and r.level == 1:
            n += 1
            r.num = n
    blocks_kept = sorted(keep)
    for r in out:
        r.block = blocks_kept.index(r.block)
    return out


# ---------------------------------------------------------------------------------------
# header layouts

# roles: S 序号, L indicator, C code, U unit, V the value columns
ORDERS = ["LUV", "SLUV", "LCUV", "LUCV", "SLCUV", "SLUCV", "CLUV", "LVU", "SLVU", "LV", "SLV", "CLV", "LCV"]
LABEL_NAMES = ["指标名称", "统计指标", "项目", "内容", "指标", "统计项目"]
CODE_NAMES = ["代码", "编码", "指标代码"]
UNIT_NAMES = ["单位", "计量单位"]
GROUP_NAMES = ["统计数", "数量", "统计数据", "数值"]

# value naming sets: (name, what the column holds); d0 this period, d1 an earlier one, d2 earlier still
VALUE_SETS = {
    "统计数": [("统计数", "d0")],
    "数量": [("数量", "d0")],
    "本年/历年累计": [("本年", "d0"), ("历年累计", "sum")],
    "本期/累计": [("本期", "d0"), ("累计", "sum")],
    "本期实际/本年累计": [("本期实际", "d0"), ("本年累计", "sum")],
    "本年/上年/同比": [("本年", "d0"), ("上年", "d1"), ("同比", "pct")],
    "本年度/上年度/增减": [("本年度", "d0"), ("上年度", "d1"), ("增减", "diff")],
    "years": None,          # 2014年 / 2015年 (/ 2016年): the report year last
    "数值": [("数值", "d0")],
    "合计": None,           # 合计, or 上半年 / 下半年 / 合计
}
# header names wrapped over two lines where the column is narrow
WRAPS = {"计量单位": "计量\n单位", "历年累计": "历年\n累计", "本年累计": "本年\n累计", "指标名称": "指标\n名称",
         "统计指标": "统计\n指标", "本期实际": "本期\n实际", "指标代码": "指标\n代码", "序号": "序\n号",
         "统计数": "统计\n数", "本年度": "本年\n度", "上年度": "上年\n度", "上半年": "上半\n年", "下半年": "下半\n年"}


def value_columns(name: str, k: int, year: int) -> list[tuple[str, str]]:
    if name == "years":
        return [(f"{year - 2}年", "d2"), (f"{year - 1}年", "d1"), (f"{year}年", "d0")][3 - k:]
    if name == "合计":
        return [("合计", "d0")] if k == 1 else [("上半年", "d0"), ("下半年", "d1"), ("合计", "sum")]
    return VALUE_SETS[name][:k]


@dataclass
class Layout:
    order: str                       # roles left to right, V = all value columns
    values: list[tuple[str, str]]    # (printed name, kind) per value column
    value_set: str
    names: dict                      # role -> header name as printed (may hold \n)
    group: str | None = None         # a two-row header: this name over the value columns
    index_line: bool = False         # 甲 乙 丙 1 2 under the header
    seq: str | None = None           # serial | numbering (the numbering moved into 序号)
    code: str | None = None          # 01 | A01 | 1.1 | 101
    heading_cells: str = "dash"      # dash | blank | span (one cell across the row)
    spaced: bool = False             # 指 标 名 称 (text only)

    @property
    def roles(self) -> list[str]:
        out = []
        for ch in self.order:
            out.extend([f"V{i}" for i in range(len(self.values))] if ch == "V" else [ch])
        return out


def draw_layout(rng: random.Random, year: int, form: str, fmt: str) -> tuple[Layout, list[str]]:
    feats = []
    order = rng.choice(ORDERS)
    if form == "provincial" and "C" not in order and rng.random() < 0.6:
        order = rng.choice(["LCUV", "LUCV", "CLUV", "SLCUV"])
    vs = rng.choice(list(VALUE_SETS))
    size = 3 if vs == "years" else 3 if vs == "合计" else len(VALUE_SETS[vs])
    k = size if rng.random() < 0.5 else rng.randint(1, size)   # the whole set half the time
    if vs == "合计" and k == 2:
        k = 3
    values = value_columns(vs, k, year)
    names = {"S": "序号", "L": rng.choice(LABEL_NAMES), "C": rng.choice(CODE_NAMES), "U": rng.choice(UNIT_NAMES)}
    for i, (n, _) in enumerate(values):
        names[f"V{i}"] = n
    lay = Layout(order, values, vs, names)
    feats += [f"order:{'|'.join(order)}", f"values:{vs}", f"ncols:{k}"]
    if k >= 2 and rng.random() < 0.3:
        lay.group = rng.choice(GROUP_NAMES)
        feats.append("header:two-row")
    wrap = [r for r in lay.roles if names[r] in WRAPS and rng.random() < 0.45]
    if fmt == "txt-tabs":
        wrap = [r for r in wrap if len(names[r]) % 2 == 0]   # halves of equal width line up
    feats += [f"label-header:{names['L']}"] + [f"{n}-header:{names[r]}" for r, n in (("C", "code"), ("U", "unit"))
                                               if r in order]
    for r in wrap:
        names[r] = WRAPS[names[r]]
    if wrap:
        feats.append("header:wrapped")
    if "C" in order and rng.random() < 0.4:
        lay.index_line = True
        feats.append("header:index-line")
    if "S" in order:
        lay.seq = rng.choice(["serial", "serial", "numbering"])
        feats.append(f"seq:{lay.seq}")
    if "C" in order:
        lay.code = rng.choice(["01", "A01", "1.1", "101"])
        feats.append(f"code:{lay.code}")
    lay.heading_cells = rng.choice(["dash", "blank"] + (["span"] if fmt in ("html", "pdf-lo", "pdf-reportlab") else []))
    feats.append(f"heading-cells:{lay.heading_cells}")
    if fmt in ("txt-spaces", "txt-poor") and names["L"] in ("指标名称", "统计指标") and rng.random() < 0.25:
        lay.spaced = True
        feats.append("header:letter-spaced")
    return lay, feats


# ---------------------------------------------------------------------------------------
# numbering, labels, codes

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
L1 = {"一、": lambda n: f"{model.cn_num(n)}、", "一．": lambda n: f"{model.cn_num(n)}．"}
L2 = {"（一）": lambda n: f"（{model.cn_num(n)}）", "(一)": lambda n: f"({model.cn_num(n)})"}
L3 = {"1.": lambda n: f"{n}.", "1、": lambda n: f"{n}、", "1．": lambda n: f"{n}．", "①": lambda n: CIRCLED[n - 1],
      "(1)": lambda n: f"({n})", "（1）": lambda n: f"（{n}）"}
EXTRA_NOTES = ["（不含重复）", "（含政务新媒体）", "(含部门网站)", "（按件计）", "（含转办）", "（不含咨询）"]
UNIT_NOTES = ["（{u}）", "({u})", "（单位：{u}）"]


@dataclass
class Labels:
    """How labels are printed in this table."""
    styles: dict                     # level -> numbering style key
    of_mark: str                     # 其中： or 其中:
    notes: dict = field(default_factory=dict)        # row index -> extra note
    unit_in_label: dict = field(default_factory=dict)  # row index -> note naming the unit

    def numbering(self, r: Row) -> str:
        if not r.level:
            return ""
        table = {1: L1, 2: L2, 3: L3, 4: L3}[r.level]
        return table[self.styles[r.level]](r.num)

    def cell(self, i: int, r: Row, in_seq: bool) -> str:
        """The indicator cell as printed (numbering left out when it stands in 序号)."""
        num = "" if in_seq else self.numbering(r)
        note = self.unit_in_label.get(i) or self.notes.get(i) or r.note
        return (self.of_mark if r.of else "") + num + r.label + note


def draw_labels(rng: random.Random, rows: list[Row], lay: Layout) -> tuple[Labels, dict]:
    l3 = rng.choice(list(L3))
    l4 = rng.choice([s for s in ("①", "(1)", "（1）") if s != l3])
    lab = Labels({1: rng.choice(["一、", "一、", "一．"]), 2: rng.choice(["（一）", "（一）", "(一)"]), 3: l3, 4: l4},
                 rng.choice(["其中：", "其中:"]))
    kinds: dict[int, list[str]] = {}
    no_unit_col = "U" not in lay.order
    for i, r in enumerate(rows):
        if r.unit is None:
            continue
        k = kinds.setdefault(i, [])
        if r.level:
            k.append(f"num:{lab.styles[r.level]}")
        if r.of:
            k.append("of")
        if no_unit_col or (not r.note and rng.random() < 0.06) or (r.unit == "万元" and not r.note and rng.random() < 0.5):
            lab.unit_in_label[i] = rng.choice(UNIT_NOTES).format(u=r.unit)
            k.append("unit-in-label")
        elif not r.note and rng.random() < 0.08:
            lab.notes[i] = rng.choice(EXTRA_NOTES)
            k.append("note")
        elif r.note:
            k.append("note")
    return lab, kinds


def codes(rows: list[Row], style: str) -> list[str]:
    out, within, top = [], {}, 0
    for i, r in enumerate(rows):
        if r.parent is None:
            top += 1
        b = r.block
        within[b] = within.get(b, -1) + 1
        j = within[b]
        out.append({"01": f"{i + 1:02d}", "A01": f"{'ABCDEFGHIJ'[b]}{j + 1:02d}",
                    "1.1": f"{b + 1}" if j == 0 else f"{b + 1}.{j}", "101": f"{b + 1}{j + 1:02d}",
                    "1-1": f"{b + 1}" if j == 0 else f"{b + 1}-{j}"}[style])
    return out


# ---------------------------------------------------------------------------------------
# values


def money(rng: random.Random, scale: int) -> Decimal:
    places = rng.choice([1, 2])
    return (Decimal(rng.randint(0, 30 * scale * 10 ** places)) / 10 ** places).normalize()


def draw_values(rows: list[Row], rng: random.Random, scale: int, draws: int) -> list[list]:
    """Per row and draw: parts first, totals as their sums, 其中 parts below their row
    (pre2019_forms.draw for any row list). Heading rows get None."""
    vals: list[list] = [[None] * draws for _ in rows]
    kids = {i: [j for j, r in enumerate(rows) if r.parent == i] for i in range(len(rows))}

    def leaf(i: int):
        u = rows[i].unit
        if u == "万元":
            return money(rng, scale)
        hi = {"条": 300 * scale, "人次": 900 * scale, "篇": 30 * scale}.get(u, 6 * scale)
        return rng.randint(0, hi)

    def fill(i: int, d: int, cap=None):
        if rows[i].unit is None:
            for j in kids[i]:
                fill(j, d)
            return
        parts = [j for j in kids[i] if rows[j].rel == "part"]
        for j in parts:
            fill(j, d)
        v = sum((vals[j][d] for j in parts), type(leaf(i))()) if parts else leaf(i)
        if cap is not None and not parts:
            v = min(v, rng.randint(0, int(cap)) if isinstance(cap, int) else cap)
        vals[i][d] = v
        room = v
        for j in (j for j in kids[i] if rows[j].rel == "of"):
            fill(j, d, room)
            room -= vals[j][d]
        for j in (j for j in kids[i] if rows[j].rel is None):
            fill(j, d)

    for d in range(draws):
        for i, r in enumerate(rows):
            if r.parent is None:
                fill(i, d)
    return vals


def column_value(kind: str, d: list):
    if kind in ("d0", "d1", "d2"):
        return d[int(kind[1])]
    if kind == "sum":
        return d[0] + d[1]
    if kind == "diff":
        return d[0] - d[1]
    if kind in ("pct", "pctn"):  # 同比: change against the earlier period, one decimal; none when that was 0
        return None if not d[1] else (Decimal(d[0] - d[1]) * 100 / Decimal(d[1])).quantize(Decimal("0.1")).normalize()
    raise ValueError(kind)


def plain(v) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return str(v)


def jnum(v):
    if v is None:
        return None
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


@dataclass
class CellOut:
    text: str         # as printed
    value: object     # golden value (None for blank / dash)
    kind: str         # plain | decimal | blank | dash | slash | thousands | fullwidth | pct | signed | plus


def print_cells(rows, vals, lay: Layout, rng: random.Random, empty_unit: set[int],
                profile: dict | None = None) -> list[list[CellOut] | None]:
    """The printed value cells of every row (None for headings). empty_unit: rows whose unit
    cell is empty (the unit is in the label). profile: fixed choices instead of drawn ones."""
    prof_blank = rng.choice([0, 0, 0.04, 0.08])
    prof_dash = rng.choice([0, 0.03, 0.06])
    thousands = rng.random() < 0.5
    fullwidth = rng.choice(["none", "none", "some", "all"])
    dash_mark = rng.choice(["—", "——", "/"])
    if profile is not None:
        prof_blank, prof_dash = profile.get("blank", 0), profile.get("dash", 0)
        thousands, fullwidth = profile.get("thousands", False), profile.get("fullwidth", "none")
        dash_mark = profile.get("dash_mark", "—")
    out = []
    for i, r in enumerate(rows):
        if r.unit is None:
            out.append(None)
            continue
        cells = []
        for c, (_, kind) in enumerate(lay.values):
            v = column_value(kind, vals[i])
            if v is None:                       # 同比 against a zero: not applicable
                cells.append(CellOut("—", None, "dash"))
                continue
            text = plain(v)
            k = "decimal" if isinstance(v, Decimal) and v != v.to_integral_value() else "plain"
            if kind == "pct":
                text, k = text + "%", "pct"
            elif kind == "pctn":
                k = "pct"
            elif kind == "diff" and v < 0:
                k = "signed"
            elif kind == "diff" and v > 0 and rng.random() < 0.3:
                text, k = "+" + text, "plus"
            x = rng.random()
            if x < prof_blank:
                cells.append(CellOut("", None, "blank"))
                continue
            if x < prof_blank + prof_dash:
                cells.append(CellOut(dash_mark, None, "slash" if dash_mark == "/" else "dash"))
                continue
            if thousands and abs(v) >= 1000 and k in ("plain", "decimal", "signed", "plus"):
                sign = "-" if v < 0 else ("+" if text.startswith("+") else "")
                ip, _, fp = plain(abs(v)).partition(".")
                text, k = sign + f"{int(ip):,}" + ("." + fp if fp else ""), "thousands"
            if fullwidth == "all" or (fullwidth == "some" and i % 3 == 1):
                text, k = model.to_fullwidth(text), "fullwidth"
            cells.append(CellOut(text, jnum(v), k))
        if ("U" not in lay.order or i in empty_unit) and all(c.value is None for c in cells):
            # no unit cell: a row without any value would read as a heading; print its first value
            v = column_value(lay.values[0][1], vals[i])
            cells[0] = CellOut(plain(v), jnum(v), "plain")
        out.append(cells)
    return out


# ---------------------------------------------------------------------------------------
# the table as a grid of cells (every renderer draws it)


@dataclass
class GCell:
    r: int
    c: int
    rs: int
    cs: int
    text: str          # may hold \n: a line break as printed
    role: str          # head | index | S | L | C | U | V | heading
    kind: str = ""     # for rows: heading | row


@dataclass
class Grid:
    ncols: int
    nrows: int
    header_rows: int
    cells: list[GCell]
    roles: list[str]


def build_grid(t: "Table") -> Grid:
    lay, rows = t.layout, t.rows
    roles = lay.roles
    cells: list[GCell] = []
    nv = len(lay.values)
    vstart = roles.index("V0")
    two = lay.group is not None
    for c, role in enumerate(roles):
        name = lay.names[role]
        if role == "L" and lay.spaced:
            name = " ".join(name.replace("\n", ""))
        if role.startswith("V") and two:
            cells.append(GCell(1, c, 1, 1, name, "head"))
        else:
            cells.append(GCell(0, c, 2 if two else 1, 1, name, "head"))
    if two:
        cells.append(GCell(0, vstart, 1, nv, lay.group, "head"))
    r = 2 if two else 1
    if lay.index_line:
        letters = iter("甲乙丙丁戊己")
        digits = iter(range(1, 10))
        for c, role in enumerate(roles):
            cells.append(GCell(r, c, 1, 1, str(next(digits)) if role.startswith("V") else next(letters), "index"))
        r += 1
    header_rows = r
    seq_n = 0
    for i, row in enumerate(rows):
        heading = row.unit is None
        seq_n += 1
        span_heading = heading and lay.heading_cells == "span"
        for c, role in enumerate(roles):
            if role == "S":
                text = serial_text(lay, t.labels, row, seq_n)
            elif role == "L":
                text = t.label_cells[i]
                if span_heading:
                    cells.append(GCell(r, c, 1, len(roles) - c, text, "L", "heading"))
                    break
            elif role == "C":
                text = t.codes[i] if t.codes else ""
            elif role == "U":
                text = ("——" if lay.heading_cells == "dash" else "") if heading else \
                    ("" if i in t.labels.unit_in_label else row.unit)
            elif role == "N":
                text = t.remarks.get(i, "")
            else:
                text = ("——" if lay.heading_cells == "dash" else "") if heading else t.cells[i][int(role[1:])].text
            cells.append(GCell(r, c, 1, 1, text, role[0], "heading" if heading else "row"))
        r += 1
    return Grid(len(roles), r, header_rows, cells, roles)


def serial_text(lay: "Layout", labels: "Labels", row: Row, n: int) -> str:
    """The 序号 cell: a serial number, or the row's numbering (bare, or as printed with 、 .)."""
    if lay.seq == "serial":
        return str(n)
    num = labels.numbering(row)
    return num if lay.seq == "numbering-full" else re.sub(r"[、.．]$", "", num)


@dataclass
class Table:
    rows: list[Row]
    layout: Layout
    labels: Labels
    label_cells: list[str]
    codes: list[str] | None
    cells: list[list[CellOut] | None]
    keys: list[str | None]
    row_kinds: dict
    features: list[str]
    remarks: dict = field(default_factory=dict)     # row index -> 备注 cell text

    def golden(self) -> dict:
        out, printed, cell_kinds, row_kinds = [], {}, {}, {}
        for i, r in enumerate(self.rows):
            if r.unit is None:
                continue
            n = len(out)
            row = {"label": r.label, "text": "".join(self.label_cells[i].split()), "unit": r.unit,
                   "parent": self.rows[r.parent].label if r.parent is not None else None,
                   "values": [c.value for c in self.cells[i]], "key": self.keys[i]}
            if self.codes:
                row["code"] = self.codes[i]
            if "S" in self.layout.order:
                row["serial"] = serial_text(self.layout, self.labels, r, i + 1) or None
            for c, cell in enumerate(self.cells[i]):
                if cell.text != plain(cell.value) if cell.value is not None else True:
                    printed[f"rows[{n}].values[{c}]"] = cell.text
                cell_kinds[f"rows[{n}].values[{c}]"] = cell.kind
            row_kinds[str(n)] = self.row_kinds.get(i, [])
            out.append(row)
        columns = ["".join(n.split()) for n, _ in self.layout.values]
        return {"columns": columns, "rows": out, "printed": printed}, cell_kinds, row_kinds


# ---------------------------------------------------------------------------------------
# the broader forms (splits wide / wide-heldout only; the other splits never draw these)

ORDERS_WIDE = ORDERS + ["SLUVN", "LUVN", "SLCUVN", "LVN", "CLVU", "SLVCU", "LCUVN"]
LABEL_NAMES_WIDE = LABEL_NAMES + ["项目名称", "指标项目", "统计内容", "事项", "类别", "主要指标"]
CODE_NAMES_WIDE = CODE_NAMES + ["代号", "编号", "指标编码"]
UNIT_NAMES_WIDE = UNIT_NAMES + ["计算单位", "计量"]
SEQ_NAMES = ["序号", "序号", "行次"]
GROUP_NAMES_WIDE = GROUP_NAMES + ["数据", "指标值"]
VALUE_SETS_WIDE = {
    **{k: v for k, v in VALUE_SETS.items() if v is not None},
    "本期数/上期数/增减/增长率(%)": [("本期数", "d0"), ("上期数", "d1"), ("增减", "diff"), ("增长率(%)", "pctn")],
    "本年数/上年数": [("本年数", "d0"), ("上年数", "d1")],
    "本年实际/上年同期/同比增减": [("本年实际", "d0"), ("上年同期", "d1"), ("同比增减", "diff")],
    "上半年/下半年/全年": [("上半年", "d0"), ("下半年", "d1"), ("全年", "sum")],
    "本月/累计": [("本月", "d0"), ("累计", "sum")],
    "本期/本年累计": [("本期", "d0"), ("本年累计", "sum")],
    "本年/比上年增减": [("本年", "d0"), ("比上年增减", "diff")],
    "累计数": [("累计数", "d0")],
    "years": None,          # 2016年度 / 2017年度 or 2016年 / 2017年
    "合计": None,
}
WRAPS_WIDE = {**WRAPS, "计量单位": "计\n量\n单\n位", "增长率(%)": "增长率\n(%)", "上年同期": "上年\n同期",
              "同比增减": "同比\n增减", "项目名称": "项目\n名称", "行次": "行\n次", "计算单位": "计算\n单位",
              "比上年增减": "比上年\n增减", "本年实际": "本年\n实际", "指标编码": "指标\n编码", "累计数": "累计\n数"}
REMARKS = ["含转办", "不含重复", "按件计", "含部门网站", "同比持平", "全年累计"]


def draw_layout_wide(rng: random.Random, year: int, form: str, fmt: str,
                     forced: str | None = None) -> tuple[Layout, list[str]]:
    """Like draw_layout, from the broader lists: more names for every role, 备注 (N), 行次,
    3- and 4-line wraps, letter-spaced names in every format, 4–5 value columns; the column
    order `forced` when given."""
    order = rng.choice(ORDERS_WIDE)
    if form == "provincial" and "C" not in order and rng.random() < 0.6:
        order = rng.choice(["LCUV", "LUCV", "CLUV", "SLCUV", "LCUVN"])
    order = forced or order
    vs = rng.choice(list(VALUE_SETS_WIDE))
    if vs == "years":
        k = rng.randint(1, 3)
        suffix = rng.choice(["年", "年度"])
        values = [(f"{year - i}{suffix}", f"d{i}") for i in range(k)][::-1]
    elif vs == "合计":
        k = rng.choice([1, 3])
        values = value_columns("合计", k, year)
    else:
        size = len(VALUE_SETS_WIDE[vs])
        k = size if rng.random() < 0.6 else rng.randint(1, size)
        values = VALUE_SETS_WIDE[vs][:k]
    names = {"S": rng.choice(SEQ_NAMES), "L": rng.choice(LABEL_NAMES_WIDE), "C": rng.choice(CODE_NAMES_WIDE),
             "U": rng.choice(UNIT_NAMES_WIDE), "N": "备注"}
    for i, (n, _) in enumerate(values):
        names[f"V{i}"] = n
    lay = Layout(order, values, vs, names)
    feats = [f"order:{'|'.join(order)}", f"values:{vs}", f"ncols:{len(values)}", f"label-header:{names['L']}"]
    feats += [f"{n}-header:{names[r]}" for r, n in (("C", "code"), ("U", "unit"), ("S", "seq")) if r in order]
    if len(values) >= 2 and rng.random() < 0.3:
        lay.group = rng.choice(GROUP_NAMES_WIDE)
        feats.append("header:two-row")
    wrap = [r for r in lay.roles if names[r] in WRAPS_WIDE and rng.random() < 0.5]
    if fmt == "txt-tabs":
        wrap = [r for r in wrap if len(names[r]) % 2 == 0 and "\n" not in WRAPS_WIDE[names[r]][3:]]
    for r in wrap:
        names[r] = WRAPS_WIDE[names[r]]
    if wrap:
        feats.append("header:wrapped")
    if any(names[r].count("\n") >= 2 for r in wrap):
        feats.append("header:wrapped-3+")
    if rng.random() < 0.3:
        lay.index_line = True
        feats.append("header:index-line")
    if "S" in order:
        lay.seq = rng.choice(["serial", "numbering", "numbering-full"])
        feats.append(f"seq:{lay.seq}")
    if "C" in order:
        lay.code = rng.choice(["01", "A01", "1.1", "101", "1-1"])
        feats.append(f"code:{lay.code}")
    lay.heading_cells = rng.choice(["dash", "blank"] + (["span"] if fmt in ("html", "pdf-lo", "pdf-reportlab") else []))
    feats.append(f"heading-cells:{lay.heading_cells}")
    if fmt != "txt-tabs" and not wrap and rng.random() < 0.2:
        lay.spaced = True
        feats.append("header:letter-spaced")
    if "N" in order:
        feats.append("note-column")
    return lay, feats


def build_table_wide(rng: random.Random, year: int, fmt: str, forced: str | None = None) -> Table:
    form = rng.choice(["2015", "2015", "provincial", "mixed"])
    rows = pick_rows(form, rng)
    lay, feats = draw_layout_wide(rng, year, form, fmt, forced)
    feats.append(f"form:{form}")
    labels, row_kinds = draw_labels(rng, rows, lay)
    in_seq = lay.seq in ("numbering", "numbering-full")
    label_cells = [labels.cell(i, r, in_seq) for i, r in enumerate(rows)]
    code_list = codes(rows, lay.code) if lay.code else None
    if code_list:
        for i in row_kinds:
            row_kinds[i].append(f"code:{lay.code}")
    vals = draw_values(rows, rng, rng.choice([3, 8, 25]), 3)
    cells = print_cells(rows, vals, lay, rng, set(labels.unit_in_label))
    remarks = {i: rng.choice(REMARKS) for i, r in enumerate(rows)
               if "N" in lay.order and r.unit is not None and rng.random() < 0.25}
    return Table(rows, lay, labels, label_cells, code_list, cells, form_keys(rows), row_kinds, feats, remarks)


def build_table(rng: random.Random, year: int, fmt: str, single: dict | None = None, wide: bool = False,
                forced: str | None = None) -> Table:
    if single is not None:
        return build_single(rng, year, fmt, single)
    if wide or forced:
        return build_table_wide(rng, year, fmt, forced)
    form = rng.choice(["2015", "2015", "provincial", "mixed"])
    rows = pick_rows(form, rng)
    lay, feats = draw_layout(rng, year, form, fmt)
    feats.append(f"form:{form}")
    labels, row_kinds = draw_labels(rng, rows, lay)
    in_seq = lay.seq in ("numbering", "numbering-full")
    label_cells = [labels.cell(i, r, in_seq) for i, r in enumerate(rows)]
    code_list = codes(rows, lay.code) if lay.code else None
    if code_list:
        for i in row_kinds:
            row_kinds[i].append(f"code:{lay.code}")
    scale = rng.choice([3, 8, 25])
    vals = draw_values(rows, rng, scale, 3)
    cells = print_cells(rows, vals, lay, rng, set(labels.unit_in_label))
    keys = form_keys(rows)
    return Table(rows, lay, labels, label_cells, code_list, cells, keys, row_kinds, feats)


# ---------------------------------------------------------------------------------------
# the diagnostic split: one feature at a time on a plain form

# (name, what differs from the plain form: 统计指标 | 单位 | 统计数, the 2015 form, numbering
# 一、（一）1.(1), 其中：, plain cells, headings with —— cells). Seeds 3001…: variant (seed-3001)//3
# in SINGLE_FORMATS[(seed-3001)%3] (a fmt: variant uses its own format three times).
SINGLE = ([("plain", {})]
          + [(f"order:{'|'.join(o)}", {"order": o}) for o in ORDERS if o != "LUV"]
          + [(f"values:{n}", {"values": n}) for n in VALUE_SETS if n != "统计数"]
          + [("header:wrapped", {"wrap": True, "values": "本年/历年累计"}),
             ("header:two-row", {"group": "统计数", "values": "本年/历年累计"}),
             ("header:index-line", {"order": "LUCV", "index_line": True}),
             ("header:letter-spaced", {"spaced": True, "fmt": "txt-spaces"})]
          + [(f"label-header:{n}", {"names": {"L": n}}) for n in LABEL_NAMES if n != "统计指标"]
          + [("unit-header:计量单位", {"names": {"U": "计量单位"}})]
          + [(f"code-header:{n}", {"order": "LUCV", "names": {"C": n}}) for n in CODE_NAMES]
          + [(f"code:{c}", {"order": "LUCV", "code": c}) for c in ("A01", "1.1", "101")]
          + [(f"seq:{q}", {"order": "SLUV", "seq": q}) for q in ("serial", "numbering")]
          + [(f"num:{n}", {"styles": {3: n, 4: "（1）" if n == "(1)" else "(1)"}}) for n in L3 if n != "1."]
          + [("num:一．", {"styles": {1: "一．"}}), ("num:(一)", {"styles": {2: "(一)"}}),
             ("of:其中:", {"of_mark": "其中:"}), ("unit-in-label", {"unit_in_label": True}),
             ("note", {"notes": True})]
          + [(f"cell:{k}", {"profile": p}) for k, p in (
              ("blank", {"blank": 0.15}), ("dash", {"dash": 0.15}), ("slash", {"dash": 0.15, "dash_mark": "/"}),
              ("thousands", {"thousands": True}), ("fullwidth", {"fullwidth": "all"}))]
          + [(f"heading-cells:{h}", {"heading_cells": h}) for h in ("blank", "span")]
          + [(f"form:{f}", {"form": f}) for f in ("provincial", "mixed")]
          + [(f"fmt:{f}", {"fmt": f}) for f in FORMATS if f not in SINGLE_FORMATS])
# diagnostic, not held out (added in session 12, after wide-heldout's one ok record with wrong
# cells was seen only as a tally: poor text, tabs, values on the label's first line): the broader
# forms of WIDE, all as poor text
SPLITS["wide-poor"] = range(5501, 5621)
SPLITS["single"] = range(3001, 3001 + 3 * len(SINGLE))


def single_of(seed: int) -> tuple[str, dict, str]:
    """The variant and format of a seed of the diagnostic split."""
    name, v = SINGLE[(seed - 3001) // 3]
    return name, v, v.get("fmt") or SINGLE_FORMATS[(seed - 3001) % 3]


def build_single(rng: random.Random, year: int, fmt: str, v: dict) -> Table:
    form = v.get("form", "2015")
    rows = pick_rows(form, rng)
    order = v.get("order", "LUV")
    vs = v.get("values", "统计数")
    k = 3 if vs in ("years", "合计") else len(VALUE_SETS[vs])
    values = value_columns(vs, k, year)
    names = {"S": "序号", "L": "统计指标", "C": "代码", "U": "单位", **v.get("names", {})}
    for i, (n, _) in enumerate(values):
        names[f"V{i}"] = n
    lay = Layout(order, values, vs, names, group=v.get("group"), index_line=v.get("index_line", False),
                 seq=v.get("seq", "serial") if "S" in order else None,
                 code=v.get("code", "01") if "C" in order else None,
                 heading_cells=v.get("heading_cells", "dash"), spaced=v.get("spaced", False))
    if v.get("wrap"):
        for r in lay.roles:
            if names[r] in WRAPS:
                names[r] = WRAPS[names[r]]
    labels = Labels({1: "一、", 2: "（一）", 3: "1.", 4: "(1)", **v.get("styles", {})}, v.get("of_mark", "其中："))
    kinds: dict[int, list[str]] = {}
    for i, r in enumerate(rows):
        if r.unit is None:
            continue
        kk = kinds.setdefault(i, [])
        if r.level:
            kk.append(f"num:{labels.styles[r.level]}")
        if r.of:
            kk.append("of")
        if "U" not in order or (v.get("unit_in_label") and not r.note and (r.unit == "万元" or i % 3 == 0)):
            labels.unit_in_label[i] = UNIT_NOTES[i % len(UNIT_NOTES)].format(u=r.unit)
            kk.append("unit-in-label")
        elif v.get("notes") and not r.note and i % 3 == 0:
            labels.notes[i] = EXTRA_NOTES[i % len(EXTRA_NOTES)]
            kk.append("note")
        elif r.note:
            kk.append("note")
    in_seq = lay.seq == "numbering"
    label_cells = [labels.cell(i, r, in_seq) for i, r in enumerate(rows)]
    code_list = codes(rows, lay.code) if lay.code else None
    if code_list:
        for i in kinds:
            kinds[i].append(f"code:{lay.code}")
    vals = draw_values(rows, rng, 25 if v.get("profile", {}).get("thousands") else 8, 3)
    cells = print_cells(rows, vals, lay, rng, set(labels.unit_in_label), v.get("profile", {}))
    return Table(rows, lay, labels, label_cells, code_list, cells, form_keys(rows), kinds, [f"form:{form}"])


# ---------------------------------------------------------------------------------------
# renderers: text


def dwidth(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def place_lines(items: list[tuple[int, int, int, int, list[str]]], nrows: int, valign: str) -> list[list[tuple]]:
    """Lays the grid's cells out as text lines, as a PDF-to-text tool sees them: every cell's
    pieces at their height (top-aligned, bottom-aligned or centred in its rows); pieces at
    the same height share a line. items: (row, rowspan, col, colspan, pieces)."""
    height = [1] * nrows
    for r, rs, c, cs, pieces in items:
        if rs == 1:
            height[r] = max(height[r], len(pieces))
    top = [0]
    for h in height:
        top.append(top[-1] + h)
    placed = []
    for r, rs, c, cs, pieces in items:
        y0, y1, n = top[r], top[r + rs], len(pieces)
        start = {"top": y0, "bottom": y1 - n, "middle": (y0 + y1 - n) / 2}[valign]
        for k, p in enumerate(pieces):
            if p[0] if isinstance(p, tuple) else p:
                placed.append((start + k, c, cs, p))
    ys = sorted({p[0] for p in placed})
    return [[(c, cs, p) for y2, c, cs, p in placed if y2 == y] for y in ys]


def text_table(g: Grid, sep: str, valign: str, rng: random.Random, breaks: set[int]) -> list[str]:
    """sep: tabs | spaces. breaks: grid rows whose label is broken over two lines."""
    items = []
    for cell in g.cells:
        pieces = cell.text.split("\n")
        if cell.role == "L" and cell.r in breaks and len(cell.text) > 8:
            at = rng.randint(4, len(cell.text) - 3)
            pieces = [cell.text[:at], cell.text[at:]]
        left = cell.role == "L" and cell.r >= g.header_rows
        items.append((cell.r, cell.rs, cell.c, cell.cs, [(p, left) for p in pieces]))
    # header and body are laid out apart (the header keeps its own alignment)
    head = [it for it in items if it[0] < g.header_rows]
    lines = place_lines(head, g.header_rows, valign) if head else []
    for r in range(g.header_rows, g.nrows):
        row = [(0, it[1], it[2], it[3], it[4]) for it in items if it[0] == r]
        lines += place_lines(row, 1, valign)
    if sep == "tabs":
        out = []
        for ln in lines:
            fields = [""] * g.ncols
            for c, cs, (p, _) in ln:
                fields[c] = p
            out.append("\t".join(fields).rstrip("\t"))
        return out
    # aligned columns: each column as wide as its widest piece, two to four spaces apart
    width = [2] * g.ncols
    for ln in lines:
        for c, cs, (p, _) in ln:
            if cs == 1:
                width[c] = max(width[c], dwidth(p))
    gap = rng.randint(2, 4)
    x = [0]
    for w in width:
        x.append(x[-1] + w + gap)
    out = []
    for ln in lines:
        s = ""
        for c, cs, (p, left) in sorted(ln):
            span = x[c + cs] - x[c] - gap
            if left:
                at = x[c]
            else:
                at = x[c] + max(0, (span - dwidth(p)) // 2)
            pad = at - dwidth(s)
            if s and pad < 2:
                pad = 2
            s += " " * max(pad, 0) + p
        out.append(s.rstrip())
    return out


def render_text(rep: dict, g: Grid, style: dict, rng: random.Random) -> str:
    out = []
    for b in rep["blocks"]:
        if b.kind == "sign":
            out.extend(b.text)
        elif b.kind == "mtable":
            breaks = set()
            if style.get("breaks"):
                body = [c.r for c in g.cells if c.role == "L" and c.kind == "row" and len(c.text) > 10]
                breaks = set(rng.sample(body, min(len(body), rng.randint(2, 6))))
            out.extend(text_table(g, style["sep"], style["valign"], rng, breaks))
        elif b.kind == "caption":
            out.append(b.text)
        else:
            out.append(b.text)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# renderers: HTML


def render_html(rep: dict, g: Grid, style: dict) -> str:
    E = htmlmod.escape
    body = []
    for b in rep["blocks"]:
        if b.kind == "title":
            body.append(f"<h1>{E(b.text)}</h1>")
        elif b.kind in ("heading", "appendix"):
            body.append(f"<p><strong>{E(b.text)}</strong></p>")
        elif b.kind == "caption":
            body.append(f'<p style="text-align:center"><strong>{E(b.text)}</strong></p>')
        elif b.kind == "sign":
            body.append("".join(f'<p style="text-align:right">{E(s)}</p>' for s in b.text))
        elif b.kind == "mtable":
            rows = []
            for r in range(g.nrows):
                tds = []
                for c in sorted((c for c in g.cells if c.r == r), key=lambda c: c.c):
                    tag = "th" if c.role == "head" and style["th"] else "td"
                    attrs = (f' rowspan="{c.rs}"' if c.rs > 1 else "") + (f' colspan="{c.cs}"' if c.cs > 1 else "")
                    text = "<br>".join(E(p) for p in c.text.split("\n"))
                    if not text:
                        text = "&nbsp;" if (r + c.c) % 2 else ""
                    tds.append(f"<{tag}{attrs}>{text}</{tag}>")
                rows.append("<tr>" + "".join(tds) + "</tr>")
            body.append('<table border="1" cellspacing="0" cellpadding="2">\n' + "\n".join(rows) + "\n</table>")
        else:
            body.append(f"<p>{E(b.text)}</p>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<style>table{border-collapse:collapse}td,th{border:1px solid #000}</style>"
            f"<title>{E(rep['title'])}</title></head>\n<body><div class=\"article\">\n"
            + "\n".join(body) + "\n</div></body></html>\n")


# ---------------------------------------------------------------------------------------
# renderers: PDF by reportlab (direct drawing, STSong-Light)


def widths_pt(g: Grid, total: float, style: dict) -> list[float]:
    fixed = {"S": 40 if style.get("seq_wide") else 26, "C": 40 if style.get("code_wide") else 30,
             "U": style.get("unit_pt", 32), "N": 48}
    # value columns as chosen, but never so narrow that a number wraps (full-width digits are wide)
    need = max((dwidth(c.text) * 5.2 + 16 for c in g.cells if c.role == "V"), default=0)
    vw = max(style.get("value_pt", 46), need)
    w = [fixed.get(r, vw if r.startswith("V") else 0) for r in g.roles]
    w[g.roles.index("L")] = total - sum(w)
    return w


def render_reportlab(rep: dict, g: Grid, path: Path, style: dict) -> None:
    import render_reportlab as rl
    wr = rl.Writer(str(path), style.get("lines", "stroke"), rep["title"])
    size, pad = 8.5, 2.5
    lead = size * 1.3
    colw = widths_pt(g, wr.width, style)
    xs = [wr.ml]
    for w in colw:
        xs.append(xs[-1] + w)

    def lines_of(c: GCell) -> list[str]:
        w = xs[c.c + c.cs] - xs[c.c] - 2 * pad
        out = []
        for part in c.text.split("\n"):
            out += rl.wrap(part, w, size) if part else [""]
        return out

    def row_height(cs: list[GCell]) -> float:
        return max([lead + 2 * pad] + [len(lines_of(c)) * lead + 2 * pad for c in cs if c.rs == 1])

    def draw_rows(rs: list[int], top: float) -> float:
        heights = {r: row_height([c for c in g.cells if c.r == r]) for r in rs}
        ys = {rs[0]: top}
        for r in rs:
            ys[r + 1] = ys[r] - heights[r]
        for c in (c for c in g.cells if c.r in rs):
            x0, x1, y0, y1 = xs[c.c], xs[c.c + c.cs], ys[c.r], ys[c.r + c.rs]
            wr.hline(x0, x1, y0)
            wr.hline(x0, x1, y1)
            wr.vline(x0, y0, y1)
            wr.vline(x1, y0, y1)
            ls = lines_of(c)
            if style["valign"] == "top":
                ty = y0 - pad - size
            else:
                ty = (y0 + y1) / 2 + len(ls) * lead / 2 - size * 1.02
            wr.c.setFont(rl.FONT, size)
            for ln in ls:
                if c.role == "L":
                    wr.c.drawString(x0 + pad, ty, ln)
                else:
                    wr.c.drawCentredString((x0 + x1) / 2, ty, ln)
                ty -= lead
        return ys[rs[-1] + 1]

    head = list(range(g.header_rows))

    def table_top(first: bool) -> float:
        y = wr.y - 4
        return draw_rows(head, y) if (first or style.get("repeat_header")) else y

    for b in rep["blocks"]:
        if b.kind == "title":
            wr.para(b.text, size=18, indent=False, align="center", leading=30)
            wr.y -= 12
        elif b.kind in ("para", "sub"):
            wr.para(b.text)
        elif b.kind in ("heading", "appendix"):
            if wr.y - 60 < wr.mb:
                wr.new_page()
            wr.para(b.text, size=12.5, indent=b.kind == "heading")
        elif b.kind == "caption":
            wr.para(b.text, size=13, indent=False, align="center")
        elif b.kind == "sign":
            wr.y -= 12
            for t in b.text:
                wr.para(t, indent=False, align="right")
        elif b.kind == "mtable":
            wr.c.setLineWidth(0.6)
            if wr.y - 120 < wr.mb:
                wr.new_page()
            y = table_top(True)
            for r in range(g.header_rows, g.nrows):
                h = row_height([c for c in g.cells if c.r == r])
                if y - h < wr.mb:
                    wr.new_page()
                    wr.y = wr.H - wr.mt
                    y = table_top(False)
                y = draw_rows([r], y)
            wr.y = y - 10
    wr.save()


# ---------------------------------------------------------------------------------------
# renderers: Word (python-docx) for LibreOffice


def render_docx(rep: dict, g: Grid, path: Path, style: dict) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    from render_docx import SANS, SERIF, _font, _page_number_footer

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
    _page_number_footer(sec)
    total = 15.8
    pt = widths_pt(g, total / 2.54 * 72, style)
    widths = [Cm(w / 72 * 2.54) for w in pt]
    for b in rep["blocks"]:
        if b.kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(b.text), SANS, 18, True)
        elif b.kind in ("para", "heading", "sub", "appendix", "caption"):
            p = doc.add_paragraph()
            if b.kind == "caption":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p.paragraph_format.first_line_indent = Pt(0 if b.kind == "appendix" else 24)
            p.paragraph_format.line_spacing = 1.35
            _font(p.add_run(b.text), SANS if b.kind in ("heading", "appendix", "caption") else SERIF,
                  13 if b.kind == "caption" else 12, b.kind != "para")
        elif b.kind == "sign":
            for line in b.text:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _font(p.add_run(line))
        elif b.kind == "mtable":
            tb = doc.add_table(rows=g.nrows, cols=g.ncols)
            tb.style = "Table Grid"
            tb.autofit = False
            layout = OxmlElement("w:tblLayout")
            layout.set(qn("w:type"), "fixed")
            tb._tbl.tblPr.append(layout)
            for gc, w in zip(tb._tbl.tblGrid.findall(qn("w:gridCol")), widths):
                gc.set(qn("w:w"), str(int(w.twips)))
            if style.get("repeat_header"):
                for r in range(g.header_rows):
                    trpr = tb.rows[r]._tr.get_or_add_trPr()
                    flag = OxmlElement("w:tblHeader")
                    flag.set(qn("w:val"), "true")
                    trpr.append(flag)
            for r in range(g.nrows):
                for c in range(g.ncols):
                    tb.cell(r, c).width = widths[c]
            for c in g.cells:
                cell = tb.cell(c.r, c.c)
                if c.rs > 1 or c.cs > 1:
                    cell = cell.merge(tb.cell(c.r + c.rs - 1, c.c + c.cs - 1))
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c.role == "L" else WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_after = Pt(0)
                if style["valign"] == "middle":
                    tcpr = cell._tc.get_or_add_tcPr()
                    va = OxmlElement("w:vAlign")
                    va.set(qn("w:val"), "center")
                    tcpr.append(va)
                for k, part in enumerate(c.text.split("\n")):
                    run = p.add_run(part)
                    _font(run, size=9, bold=c.role == "head")
                    if k < c.text.count("\n"):
                        run.add_break()
            doc.add_paragraph()
    doc.save(str(path))


# ---------------------------------------------------------------------------------------
# a report around the table

PLACE_A = "青柳云石枫桐梅杏兰竹松鹤檀棠"
PLACE_B = "溪岭川湾塘桥浦岗坪洲源泉"
BODIES = [("人民政府", "我{k}"), ("教育局", "本局"), ("民政局", "本局"), ("卫生局", "本局"), ("水利局", "本局"),
          ("交通运输局", "本局"), ("财政局", "本局"), ("人民政府办公室", "本办")]
HEADINGS = [pre2019.OLD7,
            ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况",
             "因政府信息公开申请行政复议和提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施"],
            ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "咨询处理情况",
             "因政府信息公开申请行政复议和提起行政诉讼的情况", "存在的主要问题及改进措施", "需要说明的事项与附表"]]


def build_case(seed: int) -> dict:
    rng = random.Random(seed)
    fmt = FORMATS[seed % len(FORMATS)] if seed < 1000 else FORMATS[(seed * 7) % len(FORMATS)]
    fmt = rng.choice([fmt, fmt, rng.choice(FORMATS)])
    if seed in SPLITS["reportlab"]:
        fmt = "pdf-reportlab"
    if seed in SPLITS["poor-values-first"] or seed in SPLITS["wide-poor"]:
        fmt = "txt-poor"
    single = None
    if seed in SPLITS["single"]:
        name, single, fmt = single_of(seed)
    year = rng.randint(2008, 2018)
    kind = rng.choice("县市区")
    place = rng.choice(PLACE_A) + rng.choice(PLACE_B) + kind
    body, we = rng.choice(BODIES)
    agency = place + body
    headings = rng.choice(HEADINGS)
    table_in = rng.choice([None, None, len(headings) - 1, 2])
    appendix = rng.choice(["附表", "附件", f"附件：{place}{year}年政府信息公开情况统计表"])
    spec = pre2019.PSpec(f"m{seed:04d}", fmt, agency, year, we.format(k=kind), seed + 50000, headings,
                         table_in=table_in, appendix=appendix,
                         period=rng.choice(["from_to_end", "shixian", "baogaoqi", "qixian", "none"]))
    rep = pre2019.build(spec)
    wide = seed in SPLITS["wide"] or seed in SPLITS["wide-heldout"] or seed in SPLITS["wide-poor"]
    values_first = seed in SPLITS["values-first"] or seed in SPLITS["poor-values-first"]
    forced = VALUES_FIRST[seed % len(VALUES_FIRST)] if values_first else None
    table = build_table(rng, year, fmt, single, wide, forced)
    # the table: at the end of its section, or as an appendix after the signature
    caption = Block("caption", f"{agency}{year}年政府信息公开情况统计表")
    blocks = rep["blocks"]
    if table_in is None:
        blocks += [Block("appendix", appendix)] + ([caption] if rng.random() < 0.7 else []) + [Block("mtable", table)]
    else:
        at = next((k for k, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith(pre2019.number_of(table_in + 1))), None)
        at = at if at is not None else next(k for k, b in enumerate(blocks) if b.kind == "sign")
        blocks[at:at] = [Block("para", "本年度政府信息公开情况统计如下表："), Block("mtable", table)]
    rep["blocks"] = blocks
    rep["table_obj"] = table
    rep["format"] = fmt
    feats = [f"fmt:{fmt}", "place:appendix" if table_in is None else "place:section"] + table.features
    if single is not None:
        feats = [f"single:{name}", f"fmt:{fmt}"]
    style = {"valign": rng.choice(["top", "middle", "bottom"]) if fmt.startswith("txt") else rng.choice(["top", "middle"]),
             "sep": "tabs" if fmt == "txt-tabs" else ("spaces" if fmt == "txt-spaces" else rng.choice(["tabs", "spaces"])),
             "breaks": fmt == "txt-poor", "th": rng.random() < 0.5,
             "repeat_header": rng.random() < 0.5, "unit_pt": rng.choice([24, 32, 40]),
             "value_pt": rng.choice([38, 46, 56]), "code_wide": rng.random() < 0.5,
             "lines": rng.choice(["stroke", "rect"])}
    if single is not None:       # the plain layout: top-aligned cells, header repeated, usual widths
        style.update(valign="top", repeat_header=True, unit_pt=32, value_pt=46, code_wide=True, th=False)
    if fmt.startswith("txt"):
        feats.append(f"text:{style['sep']}")
        if style["breaks"]:
            feats.append(f"text:values-{style['valign']}")
    if fmt.startswith("pdf"):
        feats.append(f"pdf:valign-{style['valign']}")
        if style["unit_pt"] == 24:
            feats.append("pdf:narrow-unit")
    style["seq_wide"] = table.layout.seq in ("numbering", "numbering-full")      # （一） fits on one line
    rep["style"] = style
    rep["features"] = feats
    rep["stem"] = f"m{seed:04d}-{year}-{fmt}"
    return rep


def golden_of(rep: dict, fmt: str, pages: int | None) -> tuple[dict, dict]:
    spec = rep["spec"]
    table: Table = rep["table_obj"]
    gold = pre2019.golden({**rep, "table": None}, fmt, pages)
    if spec.table_in is None:
        gold["sections"].append({"number": len(gold["sections"]) + 1, "heading": spec.appendix, "topic": "appendix"})
    stats, cell_kinds, row_kinds = table.golden()
    gold["tables"]["statistics"] = stats
    return gold, {"features": rep["features"], "rows": row_kinds, "cells": cell_kinds}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=list(SPLITS))
    ap.add_argument("--out", type=Path, help="output folder (default /tmp/pre2019-matrix/<split>)")
    ap.add_argument("--only", nargs="*", type=int, help="seeds of the split to (re)make")
    ap.add_argument("--kind", action="append", choices=["text", "html", "pdf"], help="only these formats")
    args = ap.parse_args(argv)
    out = args.out or Path("/tmp/pre2019-matrix") / args.split
    (out / "golden").mkdir(parents=True, exist_ok=True)
    seeds = [s for s in SPLITS[args.split] if not args.only or s in args.only]
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    work = Path(tempfile.mkdtemp(prefix="pre2019-matrix-"))
    docx_jobs = []
    for seed in seeds:
        rep = build_case(seed)
        fmt, stem = rep["format"], rep["stem"]
        fam = fmt.split("-")[0].replace("txt", "text")
        if args.kind and fam not in args.kind:
            continue
        g = build_grid(rep["table_obj"])
        rng = random.Random(seed * 31 + 7)
        if fam == "text":
            (out / f"{stem}.txt").write_text(render_text(rep, g, rep["style"], rng), encoding="utf-8")
            gold, man = golden_of(rep, "text", None)
        elif fam == "html":
            (out / f"{stem}.html").write_text(render_html(rep, g, rep["style"]), encoding="utf-8")
            gold, man = golden_of(rep, "html", None)
        elif fmt == "pdf-reportlab":
            render_reportlab(rep, g, out / f"{stem}.pdf", rep["style"])
            gold, man = golden_of(rep, "pdf", pdf_pages(out / f"{stem}.pdf"))
            render.verify_pdf(rep, out / f"{stem}.pdf")
        else:
            render_docx(rep, g, work / f"{stem}.docx", rep["style"])
            docx_jobs.append(rep)
            continue
        write(out, stem, gold, man, manifest)
    if docx_jobs:
        soffice = shutil.which("soffice")
        if not soffice:
            print("soffice not found: the pdf-lo cases are left out", file=sys.stderr)
        else:
            subprocess.run(["nice", soffice, f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to",
                            "pdf", "--outdir", str(work)] + [str(work / f"{r['stem']}.docx") for r in docx_jobs],
                           check=True, capture_output=True)
            for rep in docx_jobs:
                pdf = out / f"{rep['stem']}.pdf"
                shutil.copyfile(work / f"{rep['stem']}.pdf", pdf)
                render.verify_pdf(rep, pdf)
                gold, man = golden_of(rep, "pdf", pdf_pages(pdf))
                write(out, rep["stem"], gold, man, manifest)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))


def write(out: Path, stem: str, gold: dict, man: dict, manifest: dict) -> None:
    (out / "golden" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    manifest[stem] = man
    print(f"{stem:32s} rows={len(gold['tables']['statistics']['rows']):3d} {' '.join(man['features'])}")


if __name__ == "__main__":
    main()
