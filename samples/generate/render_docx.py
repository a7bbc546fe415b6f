"""Word (.docx) rendering with python-docx; converted to PDF by LibreOffice.

`render(..., geometry=G)` varies the tables' look for the scan matrix (scan_matrix.py);
without it (every committed sample) the document is what it always was. G's keys, all
optional: ``line_width`` (rule weight in points, 0.25–1.5; Word's border sizes are eighths
of a point, so 0.1 becomes the thinnest, 0.25), ``rule_color`` (hex, e.g. ``"A0A0A0"`` for
light grey rules), ``inner`` (``"all"``, ``"horizontal"``: no column rules inside,
``"none"``: the frame only), ``widths`` (``{grid name: [relative column widths]}``) and
``size`` (table font size in points).
"""
from __future__ import annotations

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from model import Report
from tables import Grid, grids

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"


def _font(run, name=SERIF, size=None, bold=None):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold


def _page_number_footer(section):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("- ")
    _font(r, size=10)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    rr = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    rr.append(t)
    fld.append(rr)
    p._p.append(fld)
    r2 = p.add_run(" -")
    _font(r2, size=10)


def _borders(tblPr, geometry: dict) -> None:
    """Table borders as geometry asks (a w:tblBorders over the Table Grid style's)."""
    sz = str(max(2, round(geometry.get("line_width", 0.5) * 8)))
    color = geometry.get("rule_color", "000000")
    inner = geometry.get("inner", "all")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        drawn = side in ("top", "left", "bottom", "right") or inner == "all" or \
            (inner == "horizontal" and side == "insideH")
        e.set(qn("w:val"), "single" if drawn else "nil")
        if drawn:
            e.set(qn("w:sz"), sz)
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), color)
        borders.append(e)
    tblPr.append(borders)


def _table(doc, g: Grid, width_cm: float, size: float, geometry: dict | None = None):
    t = doc.add_table(rows=g.nrows, cols=g.ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    rel = (geometry or {}).get("widths", {}).get(g.name, g.widths)
    total = sum(rel)
    widths = [Cm(width_cm * w / total) for w in rel]
    # fixed layout + grid widths so LibreOffice keeps the narrow label columns
    tblPr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblPr.append(layout)
    if geometry:
        _borders(tblPr, geometry)
    for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))
    for row in t.rows:
        for j, cell in enumerate(row.cells):
            cell.width = widths[j]
    for c in g.cells:
        cell = t.cell(c.r, c.c)
        if c.rs > 1 or c.cs > 1:
            cell = cell.merge(t.cell(c.r + c.rs - 1, c.c + c.cs - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c.kind == "label" else WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        if c.text:
            _font(p.add_run(c.text), size=size)
    return t


def render(rep: Report, path: str, table_size: float = 9.0, geometry: dict | None = None):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
    _page_number_footer(sec)
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr()
    rpr = normal.element.rPr
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    rf.set(qn("w:eastAsia"), SERIF)
    text_width = 21.0 - 5.2
    gs = grids(rep)
    for b in rep.blocks:
        if b.kind == "title":
            for line in b.text:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(p.add_run(line), SANS, 18, True)
            doc.add_paragraph()
        elif b.kind in ("para", "heading", "sub"):
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(24)
            p.paragraph_format.space_after = Pt(2)
            p.paragraph_format.line_spacing = 1.35
            if b.kind == "heading":
                _font(p.add_run(b.text), SANS, 12, True)
            elif b.kind == "sub":
                _font(p.add_run(b.text), SERIF, 12, True)
            else:
                _font(p.add_run(b.text))
        elif b.kind == "table":
            _table(doc, gs[b.text], text_width, (geometry or {}).get("size", table_size), geometry)
            doc.add_paragraph()
        elif b.kind == "sign":
            for line in b.text:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _font(p.add_run(line))
    doc.save(path)
