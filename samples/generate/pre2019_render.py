"""Pre-2019 reports: the narrative of each section (recorded through model.Narr) and the
three renderings — Word for LibreOffice (ruled table), plain text, a web page."""
from __future__ import annotations

import html as htmlmod
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

import model
from render_docx import SANS, SERIF, _font, _page_number_footer

CN = "一二三四五六七八九十"


@dataclass
class Block:
    kind: str      # title | para | heading | sub | table | appendix | sign
    text: object = None


def sub(spec, j: int, text: str) -> Block:
    """A sub-heading one level below the sections' numbering."""
    mark = {"cn": f"（{CN[j]}）", "bracket": f"{j + 1}．", "part": f"{CN[j]}、"}[spec.numbering]
    return Block("sub", mark + text)


def _md(rng, y):
    m, d = rng.randint(1, 11), rng.randint(1, 28)
    return m, d, f"{y}-{m:02d}-{d:02d}"


def paragraphs(topic: str, spec, N: model.Narr, rng, i: int) -> list[Block]:
    """The narrative of one section, every number and date recorded for the golden."""
    y, we = spec.year, spec.we
    short = model.short_name(spec.agency)
    n = lambda lo, hi: str(rng.randint(lo, hi))  # noqa: E731
    if topic == "overview":
        m, d, _ = _md(rng, y)
        m2, d2, iso2 = _md(rng, y)
        return [
            sub(spec, 0, "加强组织领导"),
            Block("para", f"{y}年，{we}坚持以公开为原则、不公开为例外，认真做好政府信息公开各项工作。"
                          f"{N.date(m, d, 'cn')}，召开政府信息公开工作会议，研究部署年度工作任务。"),
            sub(spec, 1, "完善工作制度"),
            Block("para", f"{we}于{N.date(m2, d2, 'md')}印发"
                          f"{N.policy(f'{short}政府信息公开工作考核办法', iso2, '印发')}，进一步明确责任分工。"
                          f"{N.count('全年举办业务培训', n(1, 6), '期')}，{N.count('参训人员', n(20, 300), '人次')}。"),
        ]
    if topic == "active":
        m, d, iso = _md(rng, y)
        return [
            Block("para", f"{y}年，{N.count('全年主动公开政府信息', n(200, 4000), '条')}，"
                          f"{N.count('政策文件', n(2, 30), '件', lead='其中')}，"
                          f"{N.count('政策解读', n(1, 20), '条')}。"),
            Block("para", f"{N.date(m, d, 'iso')} 发布{N.policy(f'{short}政府信息公开指南', iso, '发布')}。"),
        ]
    if topic == "applications":
        return [Block("para", f"{y}年，{N.count('全年受理政府信息公开申请', n(1, 60), '件')}，均在规定期限内予以答复。")]
    if topic == "fees":
        return [Block("para", "本年度未收取政府信息公开检索、复制、邮寄等费用。")]
    if topic == "review_litigation":
        return [Block("para", f"本年度，{we}未发生因政府信息公开申请行政复议和提起行政诉讼的情况。")]
    if topic == "consultation":
        return [Block("para", f"{N.count('全年接受公众咨询', n(100, 900), '人次')}，"
                              f"{N.count('现场咨询', n(10, 90), '人次', lead='其中')}，"
                              f"{N.count('网上咨询', n(10, 90), '人次')}。")]
    if topic == "problems":
        return [Block("para", f"{y}年，{we}政府信息公开工作取得一定成效，但仍存在公开内容不够全面、更新不够及时等问题。"
                              f"下一步，{N.count('计划组织专题培训', n(1, 4), '场')}，不断提高工作水平。")]
    return [Block("para", f"按照{N.policy(f'{short}政务公开工作要点')}要求，{we}各项工作任务全部完成。")]


# ---------------------------------------------------------------------------------------
# renderings


def header_cells(t, unit: str = "计量单位") -> list[str]:
    if t.form == "provincial":
        return ["指标名称", unit, "代码"] + t.columns
    return ["统计指标", "单位"] + t.columns


def row_cells(t, i: int) -> list[str]:
    code = [f"{i + 1:02d}"] if t.form == "provincial" else []
    return [t.texts[i], t.units[i]] + code + t.cells[i]


def docx(rep: dict, path: str) -> None:
    spec = rep["spec"]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
    _page_number_footer(sec)
    for b in rep["blocks"]:
        if b.kind == "title":
            # agency and year above the rest of the title (宿州市人民政府2016年 / 政府信息公开…)
            cut = b.text.index("年") + 1 if spec.extra.get("title_split") else len(b.text)
            for line in filter(None, (b.text[:cut], b.text[cut:])):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(p.add_run(line), SANS, 18, True)
        elif b.kind in ("para", "heading", "sub", "appendix"):
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(0 if b.kind == "appendix" else 24)
            p.paragraph_format.line_spacing = 1.35
            _font(p.add_run(b.text), SANS if b.kind in ("heading", "appendix") else SERIF, 12,
                  b.kind != "para")
            if b.kind == "appendix":
                c = doc.add_paragraph()
                c.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(c.add_run(f"{spec.agency}{spec.year}年政府信息公开情况统计表"), SANS, 14, True)
        elif b.kind == "table":
            _table(doc, b.text, spec)
        elif b.kind == "sign":
            for line in b.text:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _font(p.add_run(line))
    doc.save(path)


def _table(doc, t, spec) -> None:
    repeat = spec.extra.get("repeat_header", False)
    narrow = spec.extra.get("unit_cm")     # a unit column so narrow that 人次 wraps
    head = header_cells(t, "单位" if narrow else "计量单位")
    code = [Cm(1.2)] if t.form == "provincial" else []
    rest = 15.8 - 8.4 - (narrow or 1.6) - 1.2 * len(code)
    widths = [Cm(8.4), Cm(narrow or 1.6)] + code + [Cm(rest / len(t.columns))] * len(t.columns)
    tb = doc.add_table(rows=1 + len(t.rows), cols=len(head))
    tb.style = "Table Grid"
    tb.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tb._tbl.tblPr.append(layout)
    for gc, w in zip(tb._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))
    if repeat:
        trpr = tb.rows[0]._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        trpr.append(flag)
    if t.form == "provincial":
        tb.add_row()
    index = [["甲", "乙", "丙"] + [str(k + 1) for k in range(len(t.columns))]] if t.form == "provincial" else []
    for r, cells in enumerate([head] + index + [row_cells(t, i) for i in range(len(t.rows))]):
        for c, text in enumerate(cells):
            cell = tb.cell(r, c)
            cell.width = widths[c]
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            if text:
                _font(p.add_run(text), size=9, bold=r == 0)
    doc.add_paragraph()


def _cut(text: str) -> tuple[str, str]:
    """A wrapped label: the first piece ends inside its note (an open bracket)."""
    at = text.index("（", 3) + 4
    return text[:at], text[at:]


def text(rep: dict) -> str:
    spec = rep["spec"]
    out = []
    for b in rep["blocks"]:
        if b.kind == "sign":
            out.extend(b.text)
        elif b.kind != "table":
            out.append(b.text)
            continue
        else:
            t = b.text
            out.append("\t".join(header_cells(t)))
            for i in range(len(t.rows)):
                cells = row_cells(t, i)
                if i in spec.extra.get("wrap", []):
                    first, rest = _cut(cells[0])
                    out.append(first)
                    cells[0] = rest
                out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def html(rep: dict) -> str:
    spec = rep["spec"]
    E = htmlmod.escape
    body = []
    for b in rep["blocks"]:
        if b.kind == "title":
            body.append(f"<h1>{E(b.text)}</h1>")
        elif b.kind in ("heading", "appendix"):
            body.append(f"<p><strong>{E(b.text)}</strong></p>")
        elif b.kind == "sign":
            body.append("".join(f'<p style="text-align:right">{E(s)}</p>' for s in b.text))
        elif b.kind == "table":
            t = b.text
            seq = spec.extra.get("seq")
            rows = ["<tr>" + "".join(f"<th>{E(c)}</th>" for c in ["序号"] * bool(seq) + header_cells(t)) + "</tr>"]
            if t.form == "provincial":
                index = ["甲", "乙", "丙"] + [str(k + 1) for k in range(len(t.columns))]
                rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in index) + "</tr>")
            for i in range(len(t.rows)):
                cells = [str(i + 1)] * bool(seq) + row_cells(t, i)
                rows.append("<tr>" + "".join(f"<td>{E(c) if c else ('&nbsp;' if i % 2 else '')}</td>"
                                             for c in cells) + "</tr>")
            body.append('<table border="1" cellspacing="0">' + "\n".join(rows) + "</table>")
        else:
            body.append(f"<p>{E(b.text)}</p>")
    style = ("<style>body{font-family:'Noto Serif CJK SC';font-size:12pt;margin:2cm}"
             "table{border-collapse:collapse;font-size:9pt}td,th{border:1px solid #000;padding:2px 4px}"
             "h1{text-align:center;font-size:18pt}</style>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">" + style +
            f"<title>{E(rep['title'])} - {E(spec.agency)}</title></head>\n<body><div class=\"article\">\n"
            + "\n".join(body) + "\n</div></body></html>\n")


def verify_pdf(rep: dict, pdf: Path) -> None:
    """The PDF's text layer holds the title, every 《》 title and date/count text."""
    flat = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                             text=True).stdout)
    missing = [t for t in [rep["title"]] + [p["title"] for p in rep["narr"].policies] + rep["narr"].texts
               if re.sub(r"\s+", "", t) not in flat]
    if missing:
        raise SystemExit(f"{pdf.name}: text layer lacks {missing}")
