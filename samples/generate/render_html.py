"""HTML rendering (printed to PDF by headless Chromium)."""
from __future__ import annotations

import html

from model import Report
from tables import Grid, grids

CSS = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 11.5pt; line-height: 1.75; }
.title { text-align: center; font-size: 17pt; font-weight: bold; margin: 0 0 1.2em 0; line-height: 1.5; }
p { text-indent: 2em; margin: 0.15em 0; text-align: justify; }
p.h { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; }
p.sub { font-weight: bold; }
p.sign { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em 0; font-size: 8.5pt;
        line-height: 1.35; table-layout: fixed; }
td { border: 0.8pt solid #000; text-align: center; vertical-align: middle; padding: 2px 3px; }
td.label { text-align: left; }
td.vlabel { width: 1.2em; }
"""


def table_html(g: Grid) -> str:
    total = sum(g.widths)
    out = ["<table>", "<colgroup>"]
    for w in g.widths:
        out.append(f'<col style="width:{100 * w / total:.2f}%">')
    out.append("</colgroup>")
    for r in range(g.nrows):
        out.append("<tr>")
        for c in g.at(r):
            attrs = ""
            if c.rs > 1:
                attrs += f' rowspan="{c.rs}"'
            if c.cs > 1:
                attrs += f' colspan="{c.cs}"'
            cls = {"label": "label", "vlabel": "vlabel"}.get(c.kind)
            if cls:
                attrs += f' class="{cls}"'
            text = html.escape(c.text) if c.text != "" else "&nbsp;"
            out.append(f"<td{attrs}>{text}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def render(rep: Report, font: str | None = None) -> str:
    gs = grids(rep)
    css = CSS
    if font:   # e.g. a TrueType CJK font: Chromium embeds it as a CID TrueType font
        css = css.replace('"Noto Serif CJK SC", serif', f'"{font}"').replace('"Noto Sans CJK SC", sans-serif', f'"{font}"')
    body = []
    for b in rep.blocks:
        if b.kind == "title":
            body.append('<div class="title">' + "<br>".join(html.escape(t) for t in b.text) + "</div>")
        elif b.kind == "para":
            body.append(f"<p>{html.escape(b.text)}</p>")
        elif b.kind == "heading":
            body.append(f'<p class="h">{html.escape(b.text)}</p>')
        elif b.kind == "sub":
            body.append(f'<p class="sub">{html.escape(b.text)}</p>')
        elif b.kind == "table":
            body.append(table_html(gs[b.text]))
        elif b.kind == "sign":
            body.append("".join(f'<p class="sign">{html.escape(t)}</p>' for t in b.text))
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{html.escape(rep.title)}</title><style>{css}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
