#!/usr/bin/env python3
"""Samples for the narrative forms and producers of issue 18, with goldens from model.py's data.

    python3 samples/generate/narrative2.py              # all of them
    python3 samples/generate/narrative2.py --only nanhu-2024-stsong-turn90

New reports (model.build_report, then their title, period and extra sentences rewritten here,
each recorded in the report's Narr so that the golden lists it):

- Chromium *with* its print header and footer (date and time, page title, file address,
  `n/m`), in English and Chinese locale; titles wrapped inside a word and year-first with
  the agency on the first line; periods in ISO form; policy dates in brackets after the
  title, lists of titles separated by `；`, a date after a title with `于…正式发布`.
- reportlab pages drawn sideways: a landscape frame turned by 90° or 270° onto a portrait
  page (the text runs up or down the page); a three-line title; a zero-padded period
  (`2024 年 01 月 01 日`) broken over a line; `2024.3.12 《…》` and `《…》 2024-09-29` lists;
  a figure for a narrower body (`区政府办代表区政府受理…申请 N 件`), which the golden
  expects as a `skipped` check.

Copies of committed samples turned by qpdf (their goldens are the upright source's):
`--rotate` only (a /Rotate entry) and `--rotate` + `--flatten-rotation` at 90°, 180°, 270°
(the text itself runs sideways in page space), and one with only its table pages (2–3)
turned, so that upright and sideways pages share a document. The committed sources are only read.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import generate  # noqa: E402
import model  # noqa: E402
import render_html  # noqa: E402
import render_reportlab  # noqa: E402
from model import Block, Spec  # noqa: E402

SPECS2 = {
    "wangjiang-2024": Spec("wangjiang-2024", "东浦区望江街道办事处", 2024, "2021", False, "small", "本街道",
                           "东浦区望江街道办事处党政办公室", 131),
    "heyang-czj-2025": Spec("heyang-czj-2025", "河阳市财政局", 2025, "2021", True, "medium", "本局",
                            "河阳市财政局办公室", 132),
    "nanhu-2024": Spec("nanhu-2024", "南湖区人民政府", 2024, "2021", True, "medium", "我区",
                       "南湖区人民政府办公室", 133),
    "qingyuan-2025": Spec("qingyuan-2025", "清源市住房公积金管理中心", 2025, "2021", False, "small", "本中心",
                          "清源市住房公积金管理中心办公室", 134),
}

# stem, report key, producer, option
PLAN2 = [
    ("wangjiang-2024-chromium-stamped", "wangjiang-2024", "chromium-stamped", "en-US"),
    ("heyang-czj-2025-chromium-stamped", "heyang-czj-2025", "chromium-stamped", "zh-CN"),
    ("nanhu-2024-stsong-turn90", "nanhu-2024", "reportlab-turned", 90),
    ("qingyuan-2025-stsong-turn270", "qingyuan-2025", "reportlab-turned", 270),
    ("fengling-2021-stsong-rotate90", "fengling-2021", "qpdf-rotate", ("fengling-2021-stsong", 90, False)),
    ("nanhu-2023-stsong-flat90", "nanhu-2023", "qpdf-rotate", ("nanhu-2023-stsong", 90, True)),
    ("xishan-2020-stsong-flat180", "xishan-2020", "qpdf-rotate", ("xishan-2020-stsong", 180, True)),
    ("qingyuan-2024-stsong-flat270", "qingyuan-2024", "qpdf-rotate", ("qingyuan-2024-stsong", 270, True)),
    # only the table pages turned: sideways and upright pages in one document
    ("fengling-2021-stsong-flat90-p2-3", "fengling-2021", "qpdf-rotate", ("fengling-2021-stsong", 90, True, "2-3")),
]


# ---------------------------------------------------------------------------------------
# Rewriting a built report: every date and count written goes through its Narr.

def set_title(rep: model.Report, lines: list[str]) -> None:
    rep.title_lines = lines
    rep.title = "".join(lines)
    rep.blocks[0] = Block("title", lines)


def set_period(rep: model.Report, write) -> None:
    """Replaces the opening paragraph's period sentence by `write(N)`, which records the
    period's two dates anew (the golden's lists compare as sets)."""
    N = rep.narr
    y = rep.spec.year
    for t in (f"{y}年1月1日", f"{y}年12月31日"):
        N.texts.remove(t)
    del N.dates[:2]          # the period's dates are the first two written
    sentence = write(N)
    para = rep.blocks[1]
    para.text = re.sub(r"(本报告所列数据|报告中所列数据的)统计期限自.*?。", lambda _: sentence, para.text, count=1)
    assert sentence in para.text, para.text


def padded(N: model.Narr, m: int, d: int) -> str:
    """A zero-padded date with spaces, `2024 年 01 月 01 日` (a form Narr.date lacks)."""
    text = f"{N.year} 年 {m:02d} 月 {d:02d} 日"
    N.dates.append({"date": f"{N.year}-{m:02d}-{d:02d}"})
    N.texts.append(text)
    return text


def insert_after(rep: model.Report, marker: str, blocks: list[Block]) -> None:
    i = next(k for k, b in enumerate(rep.blocks) if isinstance(b.text, str) and marker in b.text)
    rep.blocks[i + 1:i + 1] = blocks


def recheck(rep: model.Report) -> None:
    """model's self-check (every date and count in the text is recorded), on a copy whose
    spaced zero-padded dates are closed up so that its date pattern sees them."""
    def close(t):
        return re.sub(r"(\d{4})\s+年\s+(\d{2})\s+月\s+(\d{2})\s+日", r"\1年\2月\3日", t) if isinstance(t, str) else t
    closed = [Block(b.kind, close(b.text), b.number) for b in rep.blocks]
    narr = copy.copy(rep.narr)
    narr.texts = [close(t) for t in rep.narr.texts]
    model._self_check(rep.spec, closed, narr)


def wangjiang(rep: model.Report) -> None:
    y = rep.spec.year
    N = rep.narr
    set_title(rep, [f"东浦区望江街道办事处{y}年政府信息公", "开工作年度报告"])
    set_period(rep, lambda N: f"本报告统计期限自{N.date(1, 1, 'iso')}至{N.date(12, 31, 'iso')}。")
    a = N.policy("东浦区望江街道政府信息主动公开目录", f"{y}-03-05", "印发")
    b = N.policy("望江街道政务服务好差评管理办法", f"{y}-06-18", "印发")
    c = N.policy("望江街道政府网站信息发布审核制度", f"{y}-09-29", "印发")
    s = (f"本街道还印发了{a}（{N.date(3, 5)}印发）；{b}（望政办发〔{y}〕12号，{N.date(6, 18, 'dot')}）；"
         f"{c}（{N.date(9, 29, 'iso')}）。")
    d = N.policy("望江街道政策解读工作规则", f"{y}-11-02", "发布")
    s2 = f"{d}于{N.date(11, 2)}正式发布，进一步规范政策解读工作。"
    insert_after(rep, "及时公开政策文件", [Block("para", s), Block("para", s2)])


def heyang(rep: model.Report) -> None:
    y = rep.spec.year
    N = rep.narr
    set_title(rep, [f"{y}年河阳市财政局", "政府信息公开工作年度报告"])
    set_period(rep, lambda N: f"统计时间为{N.date(1, 1, 'iso')} 至 {N.date(12, 31, 'iso')}。")
    a = N.policy("河阳市财政局预算信息公开工作规程", f"{y}-04-08", "发布")
    b = N.policy("关于做好财政资金直达机制信息公开的通知", f"{y}-07-15", "发布")
    s = f"发布{a}（{N.date(4, 8, 'slash')}）、{b}（{N.date(7, 15, 'slash')}）。"
    insert_after(rep, "及时公开政策文件", [Block("para", s)])


def nanhu(rep: model.Report) -> None:
    y = rep.spec.year
    N = rep.narr
    set_title(rep, ["南湖区人民政府", f"{y}年政府信息公开工作", "年度报告"])
    set_period(rep, lambda N: f"本报告所列数据统计期限为 {padded(N, 1, 1)}至 {padded(N, 12, 31)}。")
    a = N.policy("南湖区政务公开事项标准目录", f"{y}-03-12", None)
    b = N.policy("南湖区重大行政决策事项清单", f"{y}-09-29", None)
    lst = [Block("para", "公开目录和清单如下："),
           Block("para", f"{N.date(3, 12, 'dot')} {a}"),
           Block("para", f"{b} {N.date(9, 29, 'iso')}")]
    insert_after(rep, "及时公开政策文件", lst)
    part = max(1, rep.applications["new_requests"][6] // 2)
    s = (f"{N.count('区政府办代表区政府受理政府信息公开申请', str(part), '件', sp1=' ')}，"
         f"均在法定期限内办结。")
    insert_after(rep, "全年新收政府信息公开申请", [Block("para", s)])


def qingyuan(rep: model.Report) -> None:
    y = rep.spec.year
    N = rep.narr
    set_title(rep, ["清源市住房公积金管理中心", f"{y}年度政府信息公开工作年度报告"])
    set_period(rep, lambda N: f"报告期：{N.date(1, 1, 'dot')}—{N.date(12, 31, 'dot')}。")
    a = N.policy("清源市住房公积金缴存管理办法", f"{y}-03-05", "印发")
    b = N.policy("清源市住房公积金提取业务操作规程", f"{y}-06-02", "发布")
    s = (f"本中心{a}（{N.date(3, 5, 'hanzi')}印发）明确了缴存范围；"
         f"{b}于{N.date(6, 2)}正式发布。")
    insert_after(rep, "及时公开政策文件", [Block("para", s)])


REWRITE = {"wangjiang-2024": wangjiang, "heyang-czj-2025": heyang, "nanhu-2024": nanhu,
           "qingyuan-2025": qingyuan}


def break_period(rep: model.Report) -> None:
    """Ends the opening paragraph inside the period's second date (`2024 年` / `12 月 31 日`),
    so that the period is split over a line break (after the self-check, which reads
    paragraphs one by one)."""
    para = rep.blocks[1]
    y = rep.spec.year
    cut = para.text.index(f"{y} 年 12 月") + len(f"{y} 年 ")
    rep.blocks[1:2] = [Block("para", para.text[:cut]), Block("para", para.text[cut:])]


def report(key: str) -> model.Report:
    if key not in SPECS2:
        return model.all_reports()[key]
    rep = model.build_report(SPECS2[key])
    REWRITE[key](rep)
    recheck(rep)
    if key == "nanhu-2024":
        break_period(rep)
    return rep


# ---------------------------------------------------------------------------------------
# Producers

def chromium_stamped(rep: model.Report, pdf: Path, work: Path, lang: str) -> None:
    """Chromium's print header (date, time, title) and footer (address, n/m) left on, then
    qpdf object streams to halve the size. (With Droid Sans Fallback, Chromium 120 here
    draws some digits as Type 3 glyphs that pdftotext cannot read, so the self-check would
    fail: the default Noto fonts are kept.)"""
    html = work / f"{pdf.stem}.html"
    html.write_text(render_html.render(rep), encoding="utf-8")
    printed = work / f"{pdf.stem}.pdf"
    prof = Path(tempfile.mkdtemp(prefix="chr-", dir=work))
    flags = [f for f in generate.CHROMIUM_FLAGS if f != "--no-pdf-header-footer"]
    generate.run([generate.need("chromium")] + flags + [f"--lang={lang}", f"--user-data-dir={prof}",
                                                        f"--print-to-pdf={printed}", html.as_uri()],
                 env={**os.environ, "LANG": f"{lang.replace('-', '_')}.UTF-8"})
    shutil.rmtree(prof, ignore_errors=True)
    generate.post_process("qpdf-objstm", printed, pdf)


class TurnedWriter(render_reportlab.Writer):
    """A landscape (or upside-down) frame drawn onto each portrait A4 page by a rotated canvas."""

    def __init__(self, path: str, lines: str, title: str, turn: int):
        super().__init__(path, lines, title)
        self.turn = turn
        if turn in (90, 270):
            self.W, self.H = self.H, self.W
        self.y = self.H - self.mt
        self._turn()

    def _turn(self):
        pw, ph = render_reportlab.A4
        if self.turn == 90:
            self.c.translate(pw, 0)
            self.c.rotate(90)
        elif self.turn == 270:
            self.c.translate(0, ph)
            self.c.rotate(-90)
        elif self.turn == 180:
            self.c.translate(pw, ph)
            self.c.rotate(180)

    def new_page(self):
        super().new_page()
        self._turn()


def reportlab_turned(rep: model.Report, pdf: Path, turn: int) -> None:
    plain = render_reportlab.Writer
    render_reportlab.Writer = lambda path, lines, title: TurnedWriter(path, lines, title, turn)
    try:
        render_reportlab.render(rep, str(pdf), "stroke")
    finally:
        render_reportlab.Writer = plain


def qpdf_rotate(src: Path, dst: Path, turn: int, flatten: bool, pages: str = "") -> None:
    qpdf = generate.need("qpdf")
    rotate = f"--rotate=+{turn}" + (f":{pages}" if pages else "")
    if not flatten:
        generate.run([qpdf, "--deterministic-id", rotate, str(src), str(dst)])
        return
    tmp = dst.with_suffix(".rotated.pdf")
    generate.run([qpdf, rotate, str(src), str(tmp)])
    generate.run([qpdf, "--deterministic-id", "--flatten-rotation", str(tmp), str(dst)])
    tmp.unlink()


def features(producer: str, option, rep: model.Report) -> list[str]:
    f = generate.features(rep)
    if producer == "chromium-stamped":
        f += ["browser-print-header-footer", f"locale-{option}"]
    elif producer == "reportlab-turned":
        f.append(f"text-turned-{option}")
    else:
        f.append(f"page-turned-{option[1]}" + ("-flattened" if option[2] else "-rotate-entry")
                 + (f"-pages-{option[3]}" if len(option) > 3 else ""))
    if rep.spec.key in SPECS2:
        f.append("narrative2-forms")
    return f


def main(only: set[str] | None = None, work: Path | None = None) -> None:
    samples, golden = generate.SAMPLES, generate.GOLDEN
    work = work or Path(tempfile.mkdtemp(prefix="govreport-narrative2-"))
    man_path = HERE / "manifest.json"
    manifest = json.loads(man_path.read_text())
    entries = {m["file"]: m for m in manifest["samples"]}
    ok = True
    for stem, key, producer, option in PLAN2:
        if only and stem not in only:
            continue
        rep = report(key)
        pdf = samples / f"{stem}.pdf"
        if producer == "chromium-stamped":
            chromium_stamped(rep, pdf, work, option)
        elif producer == "reportlab-turned":
            reportlab_turned(rep, pdf, option)
        else:
            qpdf_rotate(samples / f"{option[0]}.pdf", pdf, *option[1:])
        pages = generate.pdf_pages(pdf)
        gold = rep.golden("pdf", pages)
        if key == "nanhu-2024":   # the 区政府办 figure is noted, not compared
            gold["checks"]["$contains"].append({"rule": "narrative.agrees_with_tables", "status": "skipped",
                                                "path": "tables.applications.rows.new_requests[6]"})
        (golden / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
        problems, crosses = generate.verify_pdf(stem, rep, pdf)
        if problems:
            ok = False
            print(f"WARNING {pdf.name}: " + "; ".join(problems), file=sys.stderr)
        source = f" of {option[0]}" if producer == "qpdf-rotate" else ""
        entries[f"samples/{pdf.name}"] = {
            "file": f"samples/{pdf.name}", "golden": f"golden/{stem}.json", "report": key,
            "agency": rep.spec.agency, "year": rep.spec.year, "producer": producer + source,
            "features": features(producer, option, rep) + (["table3-crosses-page"] if crosses else []),
            "pages": pages}
        print(f"{pdf.name:40s} {producer + source:45s} pages={pages}")
    manifest["samples"] = list(entries.values())
    man_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not ok:
        raise SystemExit("some self-checks failed (see warnings)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="stems to (re)generate (default: all)")
    args = ap.parse_args()
    main(set(args.only or []))
