#!/usr/bin/env python3
"""Pre-2019 samples (reports on 2008–2018, before the national tables) and their goldens.

    python3 samples/generate/pre2019.py            # all pre-2019 samples
    python3 samples/generate/pre2019.py --only anping-2016-lo

Reports are built here (sections with old headings and numberings, a narrative recorded
through model.Narr, the statistics table from pre2019_forms) and rendered by LibreOffice
(python-docx → PDF, ruled tables), as text and as a web page (pre2019_render).  Goldens
are written from this data, never from an extractor's output.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import model  # noqa: E402
import pre2019_forms as forms  # noqa: E402
import pre2019_render as render  # noqa: E402
import regions  # noqa: E402
from pre2019_render import Block  # noqa: E402

ROOT = HERE.parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "golden"

CN = "一二三四五六七八九十"


@dataclass
class PSpec:
    stem: str
    producer: str                 # libreoffice-docx | text-utf8 | text-gbk | html-utf8
    agency: str
    year: int
    we: str
    seed: int
    headings: list[str]           # numbered sections, in order
    numbering: str = "cn"         # cn 一、 | bracket （一） | part 第一部分
    form: str | None = None       # 2015 | provincial | None (no table)
    columns: list[str] = field(default_factory=lambda: ["统计数"])
    table_in: int | None = None   # section index holding the table; None: an unnumbered 附表
    appendix: str = "附表"
    period: str = "from_to_end"   # from_to_end | shixian | baogaoqi | qixian | none
    extra: dict = field(default_factory=dict)


OLD7 = ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况",
        "因政府信息公开申请行政复议和提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施",
        "其他需要报告的事项"]

SPECS = [
    PSpec("anping-2016-lo", "libreoffice-docx", "安平县人民政府", 2016, "我县", 201, OLD7,
          form="2015", extra={"printed": {(1, 0): "thousands", (6, 0): "thousands"}, "big": {1: 18258, 6: 1203},
                           "repeat_header": True}),
    PSpec("qinghe-2018-lo", "libreoffice-docx", "清河市环境保护局", 2018, "本局", 202,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施"],
          form="2015", columns=["本年度", "上年度"], table_in=1, period="shixian",
          extra={"wrong_total": (21, 0, 3), "blank": [(17, 0), (59, 1)], "title_split": True}),
    PSpec("shiqiao-2017-poor", "text-utf8", "石桥镇人民政府", 2017, "我镇", 203,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "存在的主要问题及改进措施", "需要说明的事项与附表"],
          form="2015", table_in=6, period="qixian",
          extra={"fullwidth": True, "dash_rows": [8, 18], "fee_unit_in_label": True, "wrap": [1, 63]}),
    PSpec("hexi-2013-html", "html-utf8", "河西区人民政府", 2013, "我区", 204,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "咨询处理情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "存在的主要问题及改进措施"],
          form="provincial", columns=["本期实际", "本年累计"], appendix="附件：河西区政府信息公开情况统计报表",
          period="baogaoqi", extra={"blank": [(2, 1), (4, 1)]}),
    PSpec("liushui-2010-poor-gbk", "text-gbk", "流水县交通局", 2010, "本局", 205,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "存在的主要问题及改进措施"],
          numbering="bracket"),
    PSpec("baima-2011-lo", "libreoffice-docx", "白马市人民政府办公室", 2011, "本办", 206,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "咨询处理情况", "政府信息公开的收费及减免情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施", "其他需要报告的事项"],
          numbering="part", period="qixian"),
    PSpec("songlin-2015-chromium", "chromium-html", "松林县水利局", 2015, "本局", 207,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "存在的主要问题及改进措施"],
          form="2015", appendix="附件", extra={"seq": True}),
    PSpec("nanshan-2012-html", "html-utf8", "南山区卫生局", 2012, "本局", 208,
          ["主要工作概述", "主动公开政府信息情况", "依申请公开政府信息情况", "人员、收费及减免情况",
           "政府信息公开咨询情况", "存在的主要问题和改进措施"],
          numbering="part", period="none"),
    PSpec("yanhe-2014-lo", "libreoffice-docx", "沿河县民政局", 2014, "本局", 209,
          ["概述", "主动公开政府信息情况", "依申请公开政府信息情况",
           "因政府信息公开申请行政复议和提起行政诉讼的情况", "存在的主要问题及改进措施", "其他需要报告的事项"],
          form="provincial", columns=["本期实际", "本年累计"], appendix="附件", period="from_to_end",
          extra={"unit_cm": 0.9}),
]


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple]              # form rows (text, unit, key, parent, relation)
    cells: list[list[str]]         # printed value cells per row (— for headings)
    units: list[str]               # printed unit cell per row
    texts: list[str]               # printed indicator per row
    values: list[list]             # true values as printed (None for blank/dash)
    form: str


def number_of(i: int) -> str:
    return CN[i] if i < 10 else "十" + CN[i - 10]


def heading_line(spec: PSpec, i: int) -> str:
    n = number_of(i)
    return {"cn": f"{n}、", "bracket": f"（{n}）", "part": f"第{n}部分 "}[spec.numbering] + spec.headings[i]


def build_table(spec: PSpec, rng: random.Random) -> Table:
    rows = forms.FORMS[spec.form]
    values = forms.draw(spec.form, rng, 3, len(spec.columns))
    ex = spec.extra
    for i, v in ex.get("big", {}).items():   # thousands, printed 18,258 (其中 parts stay below)
        values[i] = [v] * len(spec.columns)
    cells, units, texts = [], [], []
    for i, r in enumerate(rows):
        heading = r[1] is None
        units.append("——" if heading else r[1])
        texts.append(r[0])
        row = []
        for c in range(len(spec.columns)):
            v = values[i][c]
            t = "——" if heading else str(v)
            if (i, c) in ex.get("printed", {}) and isinstance(v, int):
                t = f"{v:,}"
            row.append(t)
        cells.append(row)
    for i in ex.get("dash_rows", []):     # printed — : not applicable (value null)
        cells[i] = ["—"] * len(spec.columns)
        values[i] = [None] * len(spec.columns)
    for i, c in ex.get("blank", []):
        cells[i][c] = ""
        values[i][c] = None
    if ex.get("fee_unit_in_label"):
        k = next(i for i, r in enumerate(rows) if r[2] == "fees.collected")
        texts[k] += "（万元）"
        units[k] = ""
    if "wrong_total" in ex:
        i, c, delta = ex["wrong_total"]
        values[i][c] += delta
        cells[i][c] = str(values[i][c])
    if ex.get("fullwidth"):
        for i, row in enumerate(cells):
            if i % 3 == 1 and row[0] not in ("—", "——"):
                row[0] = model.to_fullwidth(row[0])
    return Table(spec.columns, rows, cells, units, texts, values, spec.form)


def table_golden(t: Table) -> dict:
    out_rows, printed, index = [], {}, {}
    for i, r in enumerate(t.rows):
        if r[1] is None:
            continue
        index[i] = n = len(out_rows)
        unit = t.units[i] or ("万元" if t.texts[i].endswith("（万元）") else None)
        vals = []
        for c, v in enumerate(t.values[i]):
            vals.append(float(v) if isinstance(v, Decimal) and v != v.to_integral_value() else
                        (int(v) if v is not None else None))
            if t.cells[i][c] != str(t.values[i][c]):
                printed[f"rows[{n}].values[{c}]"] = t.cells[i][c]
        row = {"label": forms.label_of(t.texts[i]), "text": t.texts[i], "unit": unit,
               "parent": forms.label_of(t.rows[r[3]][0]) if r[3] is not None else None,
               "values": vals, "key": r[2]}
        if t.form == "provincial":
            row["code"] = f"{i + 1:02d}"
        out_rows.append(row)
    return {"columns": t.columns, "rows": out_rows, "printed": printed}, index


def period_text(spec: PSpec, N: model.Narr) -> tuple[str, dict | None]:
    y = spec.year
    full = {"start": f"{y}-01-01", "end": f"{y}-12-31"}
    if spec.period == "from_to_end":
        return f"本报告中所列数据的统计期限从{N.date(1, 1)}至{N.date(12, 31)}止。", full
    if spec.period == "shixian":
        return f"报告中所列数据统计时限为{N.date(1, 1)}至{N.date(12, 31)}。", full
    if spec.period == "baogaoqi":
        return f"本报告的报告期为{N.date(1, 1)}到{N.date(12, 31, 'md')}。", full
    if spec.period == "qixian":
        return f"本报告所列数据从{N.date(1, 1)}起至{N.date(12, 31)}止。", full
    return "", None


def build(spec: PSpec) -> dict:
    rng = random.Random(spec.seed)
    N = model.Narr(rng, spec.year)
    y, we = spec.year, spec.we
    office = spec.agency + ("" if spec.agency.endswith("办公室") else "办公室")
    title = f"{spec.agency}{y}年政府信息公开工作年度报告"
    blocks = [Block("title", title)]
    period_s, period = period_text(spec, N)
    blocks.append(Block("para", f"本报告由{office}根据{N.policy('中华人民共和国政府信息公开条例')}要求编制，"
                                f"全文包括{'、'.join(spec.headings[:4])}等部分。{period_s}"
                                f"如对本报告有疑问，请与{office}联系。"))
    table = build_table(spec, rng) if spec.form else None
    for i, h in enumerate(spec.headings):
        blocks.append(Block("heading", heading_line(spec, i)))
        blocks.extend(render.paragraphs(forms_topic(h), spec, N, rng, i))
        if table and spec.table_in == i:
            blocks.append(Block("para", "本年度政府信息公开情况统计如下表："))
            blocks.append(Block("table", table))
    sign = Block("sign", [office, N.date(rng.randint(1, 3), rng.randint(5, 28), rng.choice(["cn", "hanzi"]), y=y + 1)])
    if table and spec.table_in is None:
        blocks.append(sign)
        blocks.append(Block("appendix", spec.appendix))
        blocks.append(Block("table", table))
    else:
        blocks.append(sign)
    model._self_check(model.Spec(spec.stem, spec.agency, y, "", False, "", we, office, spec.seed),
                      [model.Block(b.kind, b.text) for b in blocks if b.kind != "table"], N)
    return {"spec": spec, "title": title, "blocks": blocks, "narr": N, "period": period, "table": table}


TOPICS = [("review_litigation", ["行政复议", "行政诉讼"]), ("fees", ["收费"]), ("applications", ["依申请"]),
          ("consultation", ["咨询"]), ("active", ["主动公开"]), ("problems", ["问题"]), ("overview", ["概述"])]


def forms_topic(heading: str) -> str:
    """The topic record.md gives this heading (the golden's expectation)."""
    return next((t for t, words in TOPICS if any(w in heading for w in words)), "other")


def golden(rep: dict, fmt: str, pages: int | None) -> dict:
    spec: PSpec = rep["spec"]
    sections = [{"number": i + 1, "heading": h, "topic": forms_topic(h)} for i, h in enumerate(spec.headings)]
    if rep["table"] and spec.table_in is None:
        sections.append({"number": len(sections) + 1, "heading": spec.appendix, "topic": "appendix"})
    stats, checks = None, []
    if rep["table"]:
        stats, index = table_golden(rep["table"])
        if "wrong_total" in spec.extra:
            i, c, _ = spec.extra["wrong_total"]
            checks = {"$contains": [{"rule": "statistics.parts_sum", "status": "fail",
                                     "path": f"tables.statistics.rows[{index[i]}].values[{c}]"}]}
    out = {
        "source": {"format": fmt, "pages": pages},
        "status": "partial" if checks else "ok",
        "warnings": ([{"code": "encoding"}] if spec.producer == "text-gbk" else [])
                    + regions.warnings(spec.agency),
        "report": {"title": rep["title"], "agency": spec.agency, **regions.placement(spec.agency),
                   "year": spec.year,
                   "period": rep["period"], "template": "pre2019"},
        "sections": sections,
        "policies": rep["narr"].policies,
        "dates": rep["narr"].dates,
        "counts": rep["narr"].counts,
        "tables": {"active_disclosure": None, "applications": None, "review_litigation": None,
                   "statistics": stats},
    }
    if checks:
        out["checks"] = checks
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="stems to (re)generate (default: all)")
    ap.add_argument("--goldens-only", action="store_true",
                    help="rewrite the goldens only (the committed samples must already be there)")
    args = ap.parse_args(argv)
    plan = [s for s in SPECS if not args.only or s.stem in args.only]
    work = Path(tempfile.mkdtemp(prefix="govreport-pre2019-"))
    reps = {s.stem: build(s) for s in plan}
    docx = []
    for s in plan if not args.goldens_only else []:
        rep = reps[s.stem]
        if s.producer == "libreoffice-docx":
            d = work / f"{s.stem}.docx"
            render.docx(rep, str(d))
            docx.append(d)
        elif s.producer.startswith("text"):
            enc = "gbk" if s.producer == "text-gbk" else "utf-8"
            (SAMPLES / f"{s.stem}.txt").write_bytes(render.text(rep).encode(enc))
        elif s.producer == "chromium-html":
            from generate import chromium_pdf
            h = work / f"{s.stem}.html"
            h.write_text(render.html(rep), encoding="utf-8")
            chromium_pdf(h, SAMPLES / f"{s.stem}.pdf", work)
        else:
            (SAMPLES / f"{s.stem}.html").write_bytes(render.html(rep).encode("utf-8"))
    if docx:
        subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{work}/lo",
                        "--headless", "--convert-to", "pdf", "--outdir", str(work)] + [str(d) for d in docx],
                       check=True, capture_output=True)
        for d in docx:
            shutil.copyfile(work / f"{d.stem}.pdf", SAMPLES / f"{d.stem}.pdf")
    for s in plan:
        kind = "pdf" if s.producer.startswith(("libreoffice", "chromium")) else s.producer.split("-")[0]
        ext = {"pdf": "pdf", "text": "txt", "html": "html"}[kind]
        pages = None
        if kind == "pdf":
            out = subprocess.run(["pdfinfo", str(SAMPLES / f"{s.stem}.pdf")], capture_output=True, text=True).stdout
            pages = int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))
            render.verify_pdf(reps[s.stem], SAMPLES / f"{s.stem}.pdf")
        gold = golden(reps[s.stem], kind, pages)
        (GOLDEN / f"{s.stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{s.stem}.{ext:5s} {s.producer:18s} pages={pages}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
