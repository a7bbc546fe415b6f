#!/usr/bin/env python3
"""Generate the govreport regression samples (samples/*.pdf, *.txt, *.html), their goldens
(golden/<stem>.json) and samples/generate/manifest.json.

    python3 samples/generate/generate.py            # everything
    python3 samples/generate/generate.py --only songxi-2021-chromium --keep /tmp/build
    python3 samples/generate/generate.py --only html   # only the .html samples (no LibreOffice/Chromium)

Goldens are written from model.py's data, never from an extractor's output.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True   # keep samples/generate free of __pycache__

import model  # noqa: E402
import render_docx  # noqa: E402
import render_html  # noqa: E402
import render_html_page  # noqa: E402
import render_reportlab  # noqa: E402
import render_text  # noqa: E402
import word  # noqa: E402
import years  # noqa: E402  (consecutive years for `govreport compare`)

ROOT = HERE.parent.parent          # the repository
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "golden"

# stem, report key, producer, post-processing of another sample (source stem, tool)
PLAN = [
    ("jiangchuan-2024-lo", "jiangchuan-2024", "libreoffice-docx", None),
    ("qinglan-2023-lo", "qinglan-2023", "libreoffice-docx", None),
    ("baisha-2020-lo", "baisha-2020", "libreoffice-docx", None),
    ("linlan-2019-lo", "linlan-2019", "libreoffice-docx", None),
    ("shuangqiao-2025-lo", "shuangqiao-2025", "libreoffice-docx", None),
    ("heyang-2022-odt", "heyang-2022", "libreoffice-odt", None),
    ("songxi-2021-chromium", "songxi-2021", "chromium-html", None),
    ("dongpu-2025-chromium", "dongpu-2025", "chromium-html", None),
    ("yunshan-2019-chromium", "yunshan-2019", "chromium-html", None),
    ("tongshan-2022-chromium", "tongshan-2022", "chromium-html", None),
    ("nanhu-2023-stsong", "nanhu-2023", "reportlab-stsong", None),
    ("qingyuan-2024-stsong", "qingyuan-2024", "reportlab-stsong", None),
    ("xishan-2020-stsong", "xishan-2020", "reportlab-stsong", None),
    ("fengling-2021-stsong", "fengling-2021", "reportlab-stsong", None),
    ("songxi-2021-chromium-qpdf-objstm", "songxi-2021", "post", ("songxi-2021-chromium", "qpdf-objstm")),
    ("qinglan-2023-lo-qpdf-objstm", "qinglan-2023", "post", ("qinglan-2023-lo", "qpdf-objstm")),
    ("nanhu-2023-stsong-encrypted", "nanhu-2023", "post", ("nanhu-2023-stsong", "qpdf-encrypt-aes256")),
    ("linlan-2019-lo-encrypted", "linlan-2019", "post", ("linlan-2019-lo", "qpdf-encrypt-aes256")),
    ("baisha-2020-lo-gs", "baisha-2020", "post", ("baisha-2020-lo", "ghostscript-pdfwrite")),
    ("jiangchuan-2024-lo-gs", "jiangchuan-2024", "post", ("jiangchuan-2024-lo", "ghostscript-pdfwrite")),
    ("chengbei-2023-poor", "chengbei-2023", "text-utf8", None),
    ("taoyuan-2021-poor-gbk", "taoyuan-2021", "text-gbk", None),
    ("heping-2019-poor", "heping-2019", "text-utf8", None),
    ("xinhe-2024-poor", "xinhe-2024", "text-utf8", None),
    # saved web pages, written directly (render_html_page.py)
    ("bishui-2023-html", "bishui-2023", "html-utf8", None),
    ("liutang-2022-html-gbk", "liutang-2022", "html-gbk", None),
    ("yunlan-2024-html-fullwidth", "yunlan-2024", "html-utf8", None),
    ("meilin-2019-html-gbk-nocharset", "meilin-2019", "html-gbk-undeclared", None),
    ("hechuan-2021-html-brlabel", "hechuan-2021", "html-utf8", None),
    ("liutang-list-page", "liutang-2022", "html-list-gbk", None),   # not a report
] + years.PLAN

KINDS = ("pdf", "text", "html")


def kind_of(producer: str) -> str:
    """The input format a producer writes: pdf, text or html (post-processing makes PDFs)."""
    return producer.split("-")[0] if producer.startswith(("text", "html")) else "pdf"


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]


def run(cmd: list[str], **kw) -> None:
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if r.returncode != 0:
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")


def need(tool: str) -> str:
    p = shutil.which(tool)
    if not p:
        raise SystemExit(f"missing tool: {tool} (see samples/generate/README.md)")
    return p


def soffice_convert(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    run([need("soffice"), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", fmt, "--outdir", str(outdir)] + [str(f) for f in files])


def chromium_pdf(html: Path, pdf: Path, work: Path) -> None:
    prof = Path(tempfile.mkdtemp(prefix="chr-", dir=work))
    run([need("chromium")] + CHROMIUM_FLAGS + [f"--user-data-dir={prof}", f"--print-to-pdf={pdf}",
                                               html.as_uri()])
    shutil.rmtree(prof, ignore_errors=True)


def post_process(tool: str, src: Path, dst: Path) -> None:
    if tool == "qpdf-objstm":
        run([need("qpdf"), "--deterministic-id", "--object-streams=generate", str(src), str(dst)])
    elif tool == "qpdf-encrypt-aes256":
        run([need("qpdf"), "--encrypt", "", "ownerpw", "256", "--", str(src), str(dst)])
    elif tool == "ghostscript-pdfwrite":
        run([need("gs"), "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
             "-dCompatibilityLevel=1.6", f"-sOutputFile={dst}", str(src)])
    else:
        raise ValueError(tool)


def pdf_pages(p: Path) -> int:
    out = subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_texts(p: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True).stdout
    return out.split("\f")


def strip_ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


def verify_pdf(stem: str, rep: model.Report, pdf: Path) -> tuple[list[str], bool]:
    """Light self-check of the produced file's text layer (not used for the golden)."""
    pages = page_texts(pdf)
    flat = strip_ws("".join(pages))
    problems = []
    for needle in [rep.title] + [p["title"] for p in rep.narr.policies] + rep.narr.texts + \
                  ["一、本年新收政府信息公开申请数量", "四、结转下年度继续办理", "行政事业性收费"]:
        if strip_ws(needle) not in flat:
            problems.append(f"text layer lacks {needle!r}")
    first = next((i for i, t in enumerate(pages) if "本年新收政府信息公开" in strip_ws(t)), None)
    last = next((i for i, t in enumerate(pages) if "结转下年度继续办理" in strip_ws(t)), None)
    crosses = first is not None and last is not None and last > first
    return problems, crosses


class PageText(HTMLParser):
    """The text a browser would show (script/style skipped) and every table's cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.skip = 0
        self.tables: list[list[list[tuple[str, int, int]]]] = []   # table -> rows -> (text, rs, cs)
        self.stack: list[int] = []      # open tables (indexes into self.tables)
        self.cell: list[str] | None = None
        self.cell_attrs: tuple[int, int] = (1, 1)
        self.cell_stack: list = []
        self.charset_decl: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "meta":
            m = re.search(r"charset=([\w-]+)", a.get("content") or "") if "content" in a else None
            if a.get("charset"):
                self.charset_decl.append(a["charset"].lower())
            elif m:
                self.charset_decl.append(m.group(1).lower())
        elif tag == "table":
            self.cell_stack.append((self.cell, self.cell_attrs))
            self.cell = None
            self.tables.append([])
            self.stack.append(len(self.tables) - 1)
        elif tag == "tr" and self.stack:
            self.tables[self.stack[-1]].append([])
        elif tag in ("td", "th") and self.stack:
            self.cell = []
            self.cell_attrs = (int(a.get("rowspan") or 1), int(a.get("colspan") or 1))
        if tag in ("br", "p", "div", "tr", "li", "h1", "h3", "h4"):
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in ("td", "th") and self.stack and self.cell is not None:
            t = self.tables[self.stack[-1]]
            if t:
                t[-1].append(("".join(self.cell), *self.cell_attrs))
            self.cell = None
        elif tag == "table" and self.stack:
            self.stack.pop()
            self.cell, self.cell_attrs = self.cell_stack.pop()
        if tag in ("td", "th", "p", "div"):
            self.text.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def decode_html(fname: str, raw: bytes, producer: str) -> tuple[str, list[str]]:
    """Decodes a sample with the charset it must have; checks that a GBK page is not UTF-8."""
    problems = []
    if "gbk" in producer:
        try:
            raw.decode("utf-8")
            problems.append("a GBK page decodes as UTF-8")
        except UnicodeDecodeError:
            pass
        try:   # the pages declared gb2312 use GBK-only characters too (喆), as real sites do
            raw.decode("gb2312")
            problems.append("a GBK page has no character outside GB2312")
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("gbk")
        except UnicodeDecodeError as e:
            problems.append(f"not GBK: {e}")
            text = raw.decode("gbk", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"not UTF-8: {e}")
            text = raw.decode("utf-8", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("unexpected BOM")
    return text, problems


def verify_html(fname: str, rep: model.Report, producer: str) -> list[str]:
    """Light self-check of a written page (not used for the golden): charset, every title,
    date and count text in the decoded page text, and each table's cells = the grid's."""
    raw = (SAMPLES / fname).read_bytes()
    text, problems = decode_html(fname, raw, producer)
    p = PageText()
    p.feed(text)
    p.close()
    want_decl = {"html-utf8": ["utf-8"], "html-gbk": ["gb2312"], "html-gbk-undeclared": [],
                 "html-list-gbk": ["gb2312"]}[producer]
    if p.charset_decl != want_decl:
        problems.append(f"charset declarations {p.charset_decl}, expected {want_decl}")
    if producer == "html-gbk-undeclared" and b"charset" in raw.lower():
        problems.append("the word 'charset' occurs in an undeclared page")
    flat = strip_ws("".join(p.text))
    if producer == "html-list-gbk":
        if p.tables:
            problems.append("the list page has a table")
        if strip_ws("总体情况") in flat or "《" in flat:
            problems.append("the list page looks like a report")
        if flat.count("政府信息公开工作年度报告") < 5:
            problems.append("the list page has too few report links")
        return problems
    head = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    if not head.startswith(rep.title + " - "):
        problems.append(f"<title> is {head!r}")
    for needle in [rep.title] + [q["title"] for q in rep.narr.policies] + rep.narr.texts + \
                  [f"{model.NUMERALS[i]}、{h}" for i, h in enumerate(rep.headings)]:
        if strip_ws(needle) not in flat:
            problems.append(f"page text lacks {needle!r}")
    # the three report tables, cell by cell (text without whitespace, spans)
    found = {}
    for name, g in render_html_page.grids(rep).items():
        want = [[(strip_ws(c.text), c.rs, c.cs) for c in g.at(r)] for r in range(g.nrows)]
        got = [[[(strip_ws(t), rs, cs) for t, rs, cs in row] for row in tb] for tb in p.tables]
        found[name] = got.count(want)
        if found[name] != 1:
            problems.append(f"table {name} found {found[name]} times, expected once")
    return problems


def features(rep: model.Report) -> list[str]:
    s = rep.spec
    f = [f"table2-{s.template}", "table3-six-split" if s.six_split else "table3-six-one-row",
         f"scale-{s.scale}", f"period-{s.period_form}", f"title-{s.title_form}"]
    for n, h in s.heading_variants.items():
        f.append(f"heading{n}-variant:{h}")
    if s.caption_space:
        f.append("caption-spaced")
    if s.printed:
        f.append("non-numeric-cells:" + ",".join(sorted(set(s.printed.values()) - {""}) + ["blank"]))
    if "docno" in s.extra:
        f.append("document-number")
    if "lines" in s.extra:
        f.append(f"rulings-{s.extra['lines']}")
    if "lost" in s.extra:
        f.append(f"lost-cell:applications.rows.{s.extra['lost'][0]}[{s.extra['lost'][1]}]")
    if "html_font" in s.extra:
        f.append(f"html-font:{s.extra['html_font']}")
    if "sep" in s.extra:
        f.append(f"separators-{s.extra['sep']}")
    if any(b.kind == "para" and "月" in b.text and "于" in b.text and "印发" in b.text for b in rep.blocks):
        f.append("policy-date-without-year")
    if "fullwidth" in s.extra:
        f.append("fullwidth-digits:" + ",".join(s.extra["fullwidth"]))
    h = s.extra.get("html")
    if h:
        f.append(f"html-layout-{h['layout']}")
        f.append(f"html-title-{h.get('title_tag', 'h1')}")
        f.append(f"html-headings-{h.get('heading', 'strong')}")
        for k, name in (("cells", "html-cells-word"), ("upper", "html-uppercase-tags-tbody"),
                        ("th", "html-th-headers"), ("vertical_br", "html-vertical-label-br"),
                        ("header_br", "html-header-br"), ("scroll", "html-overflow-div")):
            if h.get(k):
                f.append(name)
        if h["layout"] != "plain":
            f.append("html-site-clutter")
    return f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*",
                    help="stems to (re)generate, or kinds: pdf, text, html (default: all)")
    ap.add_argument("--kind", action="append", choices=KINDS,
                    help="only the samples of this input format (repeatable); --kind html needs no "
                         "LibreOffice/Chromium and leaves the PDFs untouched")
    ap.add_argument("--keep", help="keep intermediate .docx/.odt/.html files in this folder")
    ap.add_argument("--goldens-only", action="store_true",
                    help="rewrite goldens and the manifest from model.py without re-rendering the "
                         "samples (the committed samples must already be there)")
    args = ap.parse_args()

    only = set(args.only or [])
    kinds = set(args.kind or []) | (only & set(KINDS))
    only -= set(KINDS)
    unknown = only - {p[0] for p in PLAN}
    if unknown:
        raise SystemExit(f"unknown sample(s): {', '.join(sorted(unknown))}")
    reports = {**model.all_reports(), **years.reports()}
    SAMPLES.mkdir(exist_ok=True)
    GOLDEN.mkdir(exist_ok=True)
    work = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="govreport-samples-"))
    work.mkdir(parents=True, exist_ok=True)
    profile = work / "lo-profile"
    plan = [p for p in PLAN if not (only or kinds) or p[0] in only or
            (p[3] and p[3][0] in only) or kind_of(p[2]) in kinds]
    wanted = {p[0] for p in plan}
    for stem, key, producer, post in PLAN:      # a post-processed copy needs its source
        if stem in wanted and post and post[0] not in wanted:
            wanted.add(post[0])
    plan = [p for p in PLAN if p[0] in wanted]
    producers = {p[2] for p in plan} | {"post-" + p[3][1] for p in plan if p[3]}
    render = not args.goldens_only
    tools = {"soffice": render and any(x.startswith("libreoffice") for x in producers),
             "chromium": render and "chromium-html" in producers,
             "qpdf": render and any(x.startswith("post-qpdf") for x in producers),
             "gs": render and "post-ghostscript-pdfwrite" in producers,
             "pdfinfo": any(kind_of(x) == "pdf" for x in producers),
             "pdftotext": any(kind_of(x) == "pdf" for x in producers)}
    for t, needed in tools.items():
        if needed:
            need(t)

    # 1. documents for LibreOffice, in one soffice call per step
    docx_for_pdf, docx_for_odt = [], []
    for stem, key, producer, post in plan if render else []:
        if producer.startswith("libreoffice"):
            d = work / f"{stem}.docx"
            render_docx.render(reports[key], str(d))
            (docx_for_pdf if producer == "libreoffice-docx" else docx_for_odt).append(d)
    if docx_for_odt:
        soffice_convert(docx_for_odt, "odt", work, profile)
    lo_inputs = docx_for_pdf + [work / f"{d.stem}.odt" for d in docx_for_odt]
    if lo_inputs:
        soffice_convert(lo_inputs, "pdf", work, profile)
        for f in lo_inputs:
            shutil.copyfile(work / f"{f.stem}.pdf", SAMPLES / f"{f.stem}.pdf")

    # 2. the other producers, then post-processing
    for stem, key, producer, post in plan if render else []:
        rep = reports[key]
        if producer == "chromium-html":
            h = work / f"{stem}.html"
            h.write_text(render_html.render(rep, rep.spec.extra.get("html_font")), encoding="utf-8")
            chromium_pdf(h, SAMPLES / f"{stem}.pdf", work)
        elif producer == "reportlab-stsong":
            render_reportlab.render(rep, str(SAMPLES / f"{stem}.pdf"), rep.spec.extra.get("lines", "stroke"))
        elif producer.startswith("text"):
            txt = render_text.render(rep, rep.spec.extra.get("sep", "tab"), rep.spec.extra.get("lost"))
            enc = "gbk" if producer == "text-gbk" else "utf-8"
            (SAMPLES / f"{stem}.txt").write_bytes(txt.encode(enc))
        elif producer == "html-list-gbk":
            page, _ = render_html_page.list_page(rep, "gb2312")
            (SAMPLES / f"{stem}.html").write_bytes(page.encode("gbk"))
        elif producer.startswith("html"):
            charset = {"html-utf8": "utf-8", "html-gbk": "gb2312", "html-gbk-undeclared": None}[producer]
            page = render_html_page.render(rep, charset)
            (SAMPLES / f"{stem}.html").write_bytes(page.encode("utf-8" if producer == "html-utf8" else "gbk"))
    for stem, key, producer, post in plan if render else []:
        if post:
            post_process(post[1], SAMPLES / f"{post[0]}.pdf", SAMPLES / f"{stem}.pdf")

    # 3. goldens + manifest
    man_path = HERE / "manifest.json"
    manifest = {m["file"]: m for m in json.loads(man_path.read_text())["samples"]} if man_path.exists() else {}
    ok = True
    for stem, key, producer, post in plan:
        rep = reports[key]
        kind = kind_of(producer)
        is_pdf = kind == "pdf"
        fname = f"{stem}.{ {'pdf': 'pdf', 'text': 'txt', 'html': 'html'}[kind] }"
        pages = pdf_pages(SAMPLES / fname) if is_pdf else None
        if producer == "html-list-gbk":   # a site's list page: not a report
            gold = {"source": {"format": "html", "pages": None}, "status": "failed",
                    "errors": [{"code": "not_a_report"}]}
        else:
            gold = rep.golden(kind, pages)
        (GOLDEN / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
        entry = {"file": f"samples/{fname}", "golden": f"golden/{stem}.json", "report": key,
                 "agency": rep.spec.agency, "year": rep.spec.year,
                 "producer": post[1] + " of " + post[0] if post else producer,
                 "features": features(rep)}
        if producer == "html-list-gbk":
            entry.update(report=None, agency=None, year=None,
                         features=["not-a-report", "html-list-page", "html-site-clutter"])
        if producer in ("text-gbk", "html-gbk", "html-list-gbk"):
            entry["features"].append("encoding-gbk")
        if producer in ("html-gbk", "html-list-gbk"):
            entry["features"].append("charset-declared-gb2312")
        if producer == "html-gbk-undeclared":
            entry["features"] += ["encoding-gbk", "charset-undeclared"]
        if producer == "html-utf8":
            entry["features"].append("encoding-utf8")
        if kind == "html":
            problems = verify_html(fname, rep, producer)
            if problems:
                ok = False
                print(f"WARNING {fname}: " + "; ".join(problems), file=sys.stderr)
        elif not is_pdf:
            flat = strip_ws((SAMPLES / fname).read_bytes().decode("gbk" if producer == "text-gbk" else "utf-8"))
            missing = [t for t in [rep.title] + rep.narr.texts if strip_ws(t) not in flat]
            if missing:
                ok = False
                print(f"WARNING {fname}: text lacks {missing}", file=sys.stderr)
        if is_pdf:
            problems, crosses = verify_pdf(stem, rep, SAMPLES / fname)
            entry["pages"] = pages
            if crosses:
                entry["features"].append("table3-crosses-page")
            if problems:
                ok = False
                print(f"WARNING {fname}: " + "; ".join(problems), file=sys.stderr)
        manifest[entry["file"]] = entry
        print(f"{fname:40s} {entry['producer']:45s} pages={pages}")
    order = {f"{p[0]}": i for i, p in enumerate(PLAN)}
    items = sorted((m for m in manifest.values() if Path(m["file"]).stem in order),
                   key=lambda m: order[Path(m["file"]).stem])
    man_path.write_text(json.dumps({"generated_by": "samples/generate/generate.py", "samples": items},
                                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if render and not only and (not kinds or "pdf" in kinds):   # issue 18's samples, narrative2.py
        import narrative2
        narrative2.main(work=work)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if not (only or kinds):   # the pre-2019 samples (pre2019.py; run it alone for --only)
        import pre2019
        pre2019.main(["--goldens-only"] if args.goldens_only else [])
        import torn   # the torn converter-text samples (torn.py samples; text, so always written)
        torn.write_samples()
    if not ok:
        raise SystemExit("some self-checks failed (see warnings)")
    if render and not (only or kinds):
        import scan  # the scanned copies (tests/scans/) of the PDFs just written
        scan.main()
        import ocr_layer  # scans with an OCR layer made before publication (samples/)
        ocr_layer.main()
    if render and not (only or kinds):   # the Word samples: samples/generate/word.py
        word.generate(args.keep and str(Path(args.keep) / "word"))


if __name__ == "__main__":
    main()
