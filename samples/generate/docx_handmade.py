"""A .docx written by hand (raw WordprocessingML in a zip, no library): the markup Word and
WPS write that python-docx never does. Merged cells as w:gridSpan + w:vMerge restart /
continue, 表三 split into two tables by a page break (the second starting inside a vertical
merge), 表二 nested in a one-cell layout table, the introduction inside a text box (with
its VML fallback copy, which a reader must skip), runs cut mid-word (in cells too), a
hyperlink, a simple and a complex field, tracked insertions (kept) and deletions (dropped),
soft line breaks in the title and signature, 表四's cells inside content controls (w:sdt),
and headings numbered by Word's list numbering (numbering.xml: `一、` through the Heading1
style, `（一）` through the paragraph's own w:numPr), so their numbers are not in the text."""
from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import escape

from model import Report
from tables import Grid, grids

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# one list: level 0 一、二、… (the sections), level 1 （一）（二）… (restarting under each)
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

FONT = '<w:rPr><w:rFonts w:ascii="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC"/><w:sz w:val="21"/></w:rPr>'


def run(text: str) -> str:
    return f'<w:r>{FONT}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def cut(text: str, n: int) -> list[str]:
    """The text in pieces of about n characters (runs cut mid-word, as editing leaves them)."""
    return [text[i:i + n] for i in range(0, len(text), n)] or [""]


def para(text: str, i: int, style: str | None = None, numbered: bool = False) -> str:
    """A paragraph whose runs are cut every few characters; every third paragraph also
    gets a tracked deletion, a hyperlink around a piece and a tracked insertion."""
    num = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>' if numbered else ""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>' if style else ""
    pieces = cut(text, 7 + i % 5)
    body = []
    for j, piece in enumerate(pieces):
        if i % 3 == 0 and j == 1:
            body.append(f'<w:del w:id="{i}0" w:author="审核"><w:r><w:delText>（已于2001年2月3日删除9条）</w:delText></w:r></w:del>')
            body.append(f'<w:hyperlink w:anchor="p{i}">{run(piece)}</w:hyperlink>')
        elif i % 3 == 0 and j == 2:
            body.append(f'<w:ins w:id="{i}1" w:author="审核">{run(piece)}</w:ins>')
        else:
            body.append(run(piece))
    return f"<w:p>{ppr}{''.join(body)}</w:p>"


def lines_para(lines: list[str], align: str) -> str:
    """One paragraph whose lines are separated by soft breaks (w:br)."""
    runs = '<w:r><w:br/></w:r>'.join(run(x) for x in lines)
    return f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'


def field_para(text: str) -> str:
    """A paragraph whose first characters are a complex field's result (the instruction
    text is not page text) and whose last are a simple field's result."""
    head, mid, tail = text[:4], text[4:-2], text[-2:]
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Company \\* MERGEFORMAT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(head)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'{run(mid)}<w:fldSimple w:instr=" QUOTE ">{run(tail)}</w:fldSimple></w:p>')


def text_box(text: str) -> str:
    """A paragraph anchoring a text box that holds `text` (DrawingML, with the VML copy
    older readers use as mc:Fallback)."""
    inner = f'<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>'
    return ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5600000" cy="1300000"/>'
            '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{inner}</wps:txbx>'
            '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape style="width:441pt;height:102pt"><v:textbox>{inner}'
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


def cell(text: str, span: int, merge: str | None, control: bool = False) -> str:
    """A cell, its text in runs of two characters; `control` wraps it in a content control."""
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += '<w:vMerge/>'
    body = "".join(run(x) for x in cut(text, 2)) if text else ""
    tc = f'<w:tc><w:tcPr>{props}</w:tcPr><w:p>{body}</w:p></w:tc>'
    return f'<w:sdt><w:sdtPr><w:alias w:val="数值"/></w:sdtPr><w:sdtContent>{tc}</w:sdtContent></w:sdt>' if control else tc


def rows(g: Grid) -> list[str]:
    """Each grid row as a w:tr: a cell starting there (restarting a vertical merge when it
    spans rows), or a continuation of the cell above that covers the column."""
    out = []
    for r in range(g.nrows):
        tcs, col = [], 0
        while col < g.ncols:
            c = next((c for c in g.cells if c.r == r and c.c == col), None)
            above = next((c for c in g.cells if c.c == col and c.r < r < c.r + c.rs), None)
            if c:
                control = g.name == "t4" and c.kind == "value"
                tcs.append(cell(c.text, c.cs, "restart" if c.rs > 1 else None, control))
                col += c.cs
            elif above:
                tcs.append(cell("", above.cs, "continue"))
                col += above.cs
            else:
                tcs.append(cell("", 1, None))
                col += 1
        out.append(f"<w:tr>{''.join(tcs)}</w:tr>")
    return out


def table(trs: list[str], ncols: int) -> str:
    grid = "".join('<w:gridCol w:w="600"/>' for _ in range(ncols))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            f'<w:tblBorders><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def tables_xml(name: str, g: Grid) -> str:
    trs = rows(g)
    if name == "t3":    # split by a page break inside the outcome rows' vertical merge
        cut_at = g.header_rows + 5
        return table(trs[:cut_at], g.ncols) + PAGE_BREAK + table(trs[cut_at:], g.ncols)
    if name == "t2":    # nested inside a one-cell layout table
        return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
                '<w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>'
                f'{table(trs, g.ncols)}<w:p/></w:tc></w:tr></w:tbl>')
    return table(trs, g.ncols)


def body(rep: Report) -> str:
    gs = grids(rep)
    out, intro_done = [], False
    for i, b in enumerate(rep.blocks):
        if b.kind == "title":
            out.append(lines_para(b.text, "center"))
        elif b.kind == "heading":   # 一、 comes from the Heading1 style's list
            out.append(para(re.sub(r"^[一二三四五六七八九十]+、", "", b.text), i, "Heading1"))
        elif b.kind == "sub":       # （一） from the paragraph's own list level
            out.append(para(re.sub(r"^（[一二三四五六七八九十]+）", "", b.text), i, "Heading2", True))
        elif b.kind == "para" and not intro_done:
            out.append(text_box(b.text))
            intro_done = True
        elif b.kind == "para" and i % 4 == 1 and len(b.text) > 8:
            out.append(field_para(b.text))
        elif b.kind == "para":
            out.append(para(b.text, i))
        elif b.kind == "table":
            out.append(tables_xml(b.text, gs[b.text]))
            out.append("<w:p/>")
        elif b.kind == "sign":
            out.append(lines_para(b.text, "right"))
    return "".join(out)


def render(rep: Report, path: str) -> None:
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS} mc:Ignorable="">'
           f'<w:body>{body(rep)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", doc), ("word/_rels/document.xml.rels", DOC_RELS),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
