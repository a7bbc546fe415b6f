"""Direct PDF drawing with reportlab and the non-embedded CID font STSong-Light
(predefined CMap UniGB-UCS2-H).  Table rulings are drawn either as stroked lines
(lines="stroke") or as thin filled rectangles (lines="rect").

`render(..., geometry=G)` varies the tables' look for the scan matrix (scan_matrix.py);
without it (every committed sample) the output is byte for byte what it always was.
G's keys, all optional:

- ``line_width``: rule weight in points (0.6 by default; 0.1 is a hairline, 1.5 heavy);
- ``rule_grey``: rule shade, 0 = black … 1 = white (light grey rules: 0.5–0.7);
- ``inner``: ``"all"`` (default), ``"horizontal"`` (the frame and row rules only, no
  column rules inside) or ``"none"`` (the frame only);
- ``widths``: ``{grid name: [relative column widths]}`` replacing tables.py's;
- ``pad``: cell padding in points (2.5 by default; larger gives taller rows);
- ``size``: table font size (8 / 7.5 for 表四 by default);
- ``vlabel``: ``"wrap"`` wraps the vertical group label (三、本年度办理结果) like any
  label instead of one character a line.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from model import Report
from tables import Grid, grids

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))   # encoding UniGB-UCS2-H, not embedded

NO_LINE_START = set("，。；：、）》”％%")


def tokens(text: str) -> list[str]:
    out, buf = [], ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            buf += ch
            continue
        if buf:
            out.append(buf)
            buf = ""
        out.append(ch)
    if buf:
        out.append(buf)
    return out


def wrap(text: str, width: float, size: float) -> list[str]:
    lines, cur, w = [], "", 0.0
    for t in tokens(text):
        tw = pdfmetrics.stringWidth(t, FONT, size)
        if cur and w + tw > width and t not in NO_LINE_START and not t.isspace():
            lines.append(cur.rstrip())
            cur, w = "", 0.0
            if t.isspace():
                continue
        cur += t
        w += tw
    if cur:
        lines.append(cur.rstrip())
    return lines or [""]


class Writer:
    def __init__(self, path: str, lines: str, title: str, geometry: dict | None = None):
        self.geo = geometry or {}
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("govreport sample generator")
        self.W, self.H = A4
        self.ml, self.mr, self.mt, self.mb = 72, 72, 78, 72
        self.y = self.H - self.mt
        self.page = 1
        self.lines = lines

    @property
    def width(self):
        return self.W - self.ml - self.mr

    def new_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = self.H - self.mt

    def footer(self):
        self.c.setFont(FONT, 10)
        self.c.drawCentredString(self.W / 2, 40, f"- {self.page} -")

    def para(self, text: str, size=12.0, indent=True, align="left", leading=None):
        leading = leading or size * 1.75
        first = 2 * size if indent else 0
        out = []
        remaining = text
        w = self.width - first
        while remaining:
            ln = wrap(remaining, w, size)[0]
            out.append((ln, first if not out else 0))
            remaining = remaining[len(ln):].lstrip(" ")
            w = self.width
        for ln, ind in out:
            if self.y - leading < self.mb:
                self.new_page()
            self.y -= leading
            self.c.setFont(FONT, size)
            if align == "center":
                self.c.drawCentredString(self.W / 2, self.y, ln)
            elif align == "right":
                self.c.drawRightString(self.W - self.mr, self.y, ln)
            else:
                self.c.drawString(self.ml + ind, self.y, ln)

    def hline(self, x0, x1, y):
        if self.lines == "rect":
            t = self.geo.get("line_width", 0.6)
            self.c.rect(x0 - t / 2, y - t / 2, x1 - x0 + t, t, stroke=0, fill=1)
        else:
            self.c.line(x0, y, x1, y)

    def vline(self, x, y0, y1):
        if self.lines == "rect":
            t = self.geo.get("line_width", 0.6)
            self.c.rect(x - t / 2, min(y0, y1) - t / 2, t, abs(y1 - y0) + t, stroke=0, fill=1)
        else:
            self.c.line(x, y0, x, y1)

    def ruled(self, edge: str, outer: bool) -> bool:
        """Whether a cell edge (`h` or `v`) is drawn under geometry["inner"]."""
        inner = self.geo.get("inner", "all")
        return outer or inner == "all" or (inner == "horizontal" and edge == "h")

    def table(self, g: Grid, size=8.0):
        geo = self.geo
        size = geo.get("size", size)
        pad = geo.get("pad", 2.5)
        lead = size * 1.3
        widths = geo.get("widths", {}).get(g.name, g.widths)
        total = sum(widths)
        colw = [self.width * w / total for w in widths]
        xs = [self.ml]
        for w in colw:
            xs.append(xs[-1] + w)
        wrapped = {}
        for c in g.cells:
            w = xs[c.c + c.cs] - xs[c.c] - 2 * pad
            if c.kind == "vlabel" and geo.get("vlabel") != "wrap":
                wrapped[id(c)] = ["三、"] + list(c.text[2:])   # one character per line
            else:
                wrapped[id(c)] = wrap(c.text, w, size)
        heights = [lead + 2 * pad + 1] * g.nrows
        for c in g.cells:
            if c.rs == 1:
                heights[c.r] = max(heights[c.r], len(wrapped[id(c)]) * lead + 2 * pad)
        for c in g.cells:
            if c.rs > 1:
                need = len(wrapped[id(c)]) * lead + 2 * pad
                have = sum(heights[c.r:c.r + c.rs])
                if need > have:
                    for i in range(c.r, c.r + c.rs):
                        heights[i] += (need - have) / c.rs
        if self.y - sum(heights) - 6 < self.mb:
            self.new_page()
        top = self.y - 4
        ys = [top]
        for h in heights:
            ys.append(ys[-1] - h)
        self.c.setLineWidth(geo.get("line_width", 0.6))
        for c in g.cells:
            x0, x1 = xs[c.c], xs[c.c + c.cs]
            y0, y1 = ys[c.r], ys[c.r + c.rs]
            if not geo:
                self.hline(x0, x1, y0)
                self.hline(x0, x1, y1)
                self.vline(x0, y0, y1)
                self.vline(x1, y0, y1)
            else:
                grey = geo.get("rule_grey", 0)
                self.c.setStrokeGray(grey)
                self.c.setFillGray(grey)
                if self.ruled("h", c.r == 0):
                    self.hline(x0, x1, y0)
                if self.ruled("h", c.r + c.rs == g.nrows):
                    self.hline(x0, x1, y1)
                if self.ruled("v", c.c == 0):
                    self.vline(x0, y0, y1)
                if self.ruled("v", c.c + c.cs == g.ncols):
                    self.vline(x1, y0, y1)
                self.c.setStrokeGray(0)
                self.c.setFillGray(0)
            lines = wrapped[id(c)]
            block = len(lines) * lead
            ty = (y0 + y1) / 2 + block / 2 - size * 1.02
            self.c.setFont(FONT, size)
            for ln in lines:
                if c.kind == "label":
                    self.c.drawString(x0 + pad, ty, ln)
                else:
                    self.c.drawCentredString((x0 + x1) / 2, ty, ln)
                ty -= lead
        self.y = ys[-1] - 10

    def save(self):
        self.footer()
        self.c.save()


def render(rep: Report, path: str, lines: str = "stroke", geometry: dict | None = None):
    # narrative2.py swaps Writer for a three-argument factory: call it that way by default
    w = Writer(path, lines, rep.title, geometry) if geometry else Writer(path, lines, rep.title)
    gs = grids(rep)
    for b in rep.blocks:
        if b.kind == "title":
            for t in b.text:
                w.para(t, size=18, indent=False, align="center", leading=30)
            w.y -= 12
        elif b.kind in ("para", "sub"):
            w.para(b.text)
        elif b.kind == "heading":
            if w.y - 60 < w.mb:
                w.new_page()
            w.para(b.text, size=12.5)
        elif b.kind == "table":
            w.table(gs[b.text], size=8.0 if b.text != "t4" else 7.5)
        elif b.kind == "sign":
            w.y -= 12
            for t in b.text:
                w.para(t, indent=False, align="right")
    w.save()
