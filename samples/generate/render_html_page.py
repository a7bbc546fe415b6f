"""Saved web pages (.html samples, written directly; no browser involved).

Many agencies publish the annual report only as a web page; archivists save it with the
site around it: header, navigation, breadcrumb, sidebar, the article's meta line, related
articles (other years' reports among them), previous/next links, footer, scripts.  None of
that page furniture is part of the report: its dates and numbers never enter a golden.

The layout of each page comes from `Spec.extra["html"]`:

| key | values |
|---|---|
| `site` | the site's name, appended to `<title>` (`… - 柳塘区人民政府网`) |
| `layout` | `plain` (the report only), `cms` (div-based site template), `tables` (old table-based site template, report tables nested in layout tables) |
| `cells` | `word` (Word-exported cells: `<td><p class=MsoNormal><span>12<o:p></o:p></span></p></td>` with newlines, `&nbsp;`) or default (`<td>12</td>`) |
| `title_tag` | `h1` or `div` (`<div class="title">`) |
| `heading` | `strong` (`<p><strong>一、总体情况</strong></p>`), `h3`, `word` (`<p class=MsoNormal><b><span>…`) |
| `upper`, `th`, `vertical_br`, `header_br`, `scroll` | uppercase table tags and `<TBODY>`; `<th>` header cells; `三<br>、<br>本…` vertical group label; `<br>` inside long header cells; table wrapped in `<div style="overflow-x:auto">` |

Everything is derived from the report (`model.Report`) and a fixed seed, so the bytes are
identical on every run.
"""
from __future__ import annotations

import datetime
import html
import random
import re

from model import Report
from tables import Cell, Grid, grids

E = html.escape

# ---------------------------------------------------------------------------------------
# page context (invented furniture)


class Site:
    def __init__(self, rep: Report):
        s = rep.spec
        self.rep = rep
        self.h = s.extra["html"]
        self.rng = random.Random(s.seed * 13 + 5)
        self.name = self.h["site"]
        self.place = re.match(r"^.*?[市区县]", s.agency).group(0)
        self.domain = self.h.get("domain", "www.example.gov.cn")
        self.icp = self.h.get("icp", "京")
        sign = rep.narr.dates[-1]["date"]           # the signature date is the last date
        d0 = datetime.date.fromisoformat(sign)
        self.published = d0 + datetime.timedelta(days=self.rng.randint(2, 12))
        self.time = f"{self.rng.randint(8, 17):02d}:{self.rng.randint(0, 59):02d}"
        self.hits = self.rng.randint(300, 9000)
        self.code = f"{self.rng.randint(1100, 6500)}{self.rng.randint(100000, 999999)}"

    def report_title(self, year: int, agency: str | None = None) -> str:
        s = self.rep.spec
        agency = agency or s.agency
        if s.title_form == "year_first":
            return f"{year}年{agency}政府信息公开工作年度报告"
        return f"{agency}{year}年政府信息公开工作年度报告"

    def related(self) -> list[tuple[str, str]]:
        """(title, date) of related articles: other years' reports, other bodies' reports."""
        y = self.rep.spec.year
        out = []
        for yy in (y - 1, y - 2, y - 3):
            out.append((self.report_title(yy), f"{yy + 1}-01-{self.rng.randint(15, 30):02d}"))
        for other in ("教育局", "财政局", "卫生健康局"):
            out.append((f"{self.place}{other}{y}年政府信息公开工作年度报告",
                        f"{y + 1}-01-{self.rng.randint(10, 31):02d}"))
        out.append((f"{self.place}{y + 1}年政务公开工作要点", f"{y + 1}-03-{self.rng.randint(1, 28):02d}"))
        self.rng.shuffle(out)
        return out

    def nav(self) -> list[str]:
        return ["首页", "政务公开", "政府信息公开年报", "政务服务", "互动交流", "走进" + self.place]

    def sidebar(self) -> list[str]:
        return ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报",
                "依申请公开", "政府信息公开目录"]

    def footer_lines(self) -> list[str]:
        r = self.rng
        phone = f"0{r.randint(510, 799)}-{r.randint(81000000, 89999999)}"
        return [
            f"主办单位：{self.place}人民政府办公室　承办单位：{self.place}大数据发展中心　"
            "技术支持：喆创信息技术有限公司",   # 喆 is in GBK but not in GB2312
            f"网站标识码：{self.code}　"
            f'<a href="https://beian.miit.gov.cn/" target="_blank">{self.icp}ICP备{r.randint(10000000, 99999999)}号-1</a>　'
            f'<a href="http://www.beian.gov.cn/" target="_blank">{self.icp}公网安备 {r.randint(10, 99)}0{r.randint(1000, 9999)}02{r.randint(100000, 999999)}号</a>',
            f"联系电话：{phone}　地址：{self.place}政务服务中心{r.randint(1, 20)}号楼　邮编：{r.randint(1, 8)}{r.randint(10000, 99999)}",
            f"版权所有&copy;{self.place}人民政府　建议使用1920&times;1080分辨率浏览本站",
        ]


# ---------------------------------------------------------------------------------------
# tables

BR_HEADERS = {  # header texts broken with <br> (header_br)
    "本年新制作数量": "本年新<br>制作数量", "本年新公开数量": "本年新<br>公开数量",
    "对外公开总数量": "对外公开<br>总数量", "上一年项目数量": "上一年<br>项目数量",
    "处理决定数量": "处理决定<br>数量", "本年处理决定数量": "本年处理<br>决定数量",
    "商业企业": "商业<br>企业", "科研机构": "科研<br>机构", "社会公益组织": "社会公益<br>组织",
    "法律服务机构": "法律服务<br>机构", "结果维持": "结果<br>维持", "结果纠正": "结果<br>纠正",
    "其他结果": "其他<br>结果", "尚未审结": "尚未<br>审结",
}


def _cell_inner(c: Cell, h: dict) -> str:
    text = c.text
    if c.kind == "vlabel" and h.get("vertical_br"):
        return "<br>".join(E(ch) for ch in text)
    if c.kind == "header" and h.get("header_br") and text in BR_HEADERS:
        return BR_HEADERS[text]
    return E(text) if text != "" else "&nbsp;"


def table_simple(g: Grid, h: dict) -> str:
    up = h.get("upper")
    T = (lambda t: t.upper()) if up else (lambda t: t)
    out = [f'<{T("table")} border="1" cellspacing="0" cellpadding="0" width="100%" '
           f'style="border-collapse:collapse">']
    if up:
        out.append(f"<{T('tbody')}>")
    for r in range(g.nrows):
        out.append(f"<{T('tr')}>")
        for c in g.at(r):
            tag = "th" if h.get("th") and c.kind in ("caption", "header", "note") else "td"
            attrs = ""
            if c.rs > 1:
                attrs += f' {T("rowspan")}="{c.rs}"'
            if c.cs > 1:
                attrs += f' {T("colspan")}="{c.cs}"'
            inner = _cell_inner(c, h)
            if up:
                inner = inner.replace("<br>", "<BR>")
            out.append(f"<{T(tag)}{attrs}>{inner}</{T(tag)}>")
        out.append(f"</{T('tr')}>")
    if up:
        out.append(f"</{T('tbody')}>")
    out.append(f"</{T('table')}>")
    t = "\n".join(out)
    if h.get("scroll"):
        t = f'<div style="overflow-x:auto">\n{t}\n</div>'
    return t


def _wrap_word(text: str, at: int = 17) -> str:
    """Word's HTML export breaks long source lines, also inside a cell's text."""
    if len(text) <= at + 4:
        return text
    return text[:at] + "\n" + text[at:]


def table_word(g: Grid, h: dict, rng: random.Random) -> str:
    total = sum(g.widths)
    px = [round(600 * w / total) for w in g.widths]
    out = ["<div align=center>",
           "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600",
           " style='width:450.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;",
           " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for r in range(g.nrows):
        out.append(f" <tr style='mso-yfti-irow:{r};height:{rng.choice(['15.75', '18.0', '20.25'])}pt'>")
        for c in g.at(r):
            w = sum(px[c.c:c.c + c.cs])
            attrs = f" width={w}"
            if c.cs > 1:
                attrs += f" colspan={c.cs}"
            if c.rs > 1:
                attrs += f" rowspan={c.rs}"
            align = "left" if c.kind == "label" else "center"
            if c.kind == "value":
                if c.text == "":
                    inner = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
                elif rng.random() < 0.12:   # stray non-breaking space before the number
                    inner = (f"<span lang=EN-US style='font-size:10.5pt'>&nbsp;</span><span\n  lang=EN-US "
                             f"style='font-size:10.5pt;font-family:\"Times New Roman\"'>{E(c.text)}<o:p></o:p></span>")
                else:
                    inner = (f"<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\"'>"
                             f"{E(c.text)}<o:p></o:p></span>")
            else:
                text = E(_wrap_word(c.text)) if c.kind in ("label", "note") else E(c.text)
                inner = f"<span style='font-size:10.5pt;font-family:宋体'>{text}</span>"
            out.append(f"  <td{attrs} valign=middle style='width:{w * 0.75:.1f}pt;border:solid windowtext 1.0pt;\n"
                       f"  border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                       f"  <p class=MsoNormal align={align} style='text-align:{align};line-height:15.0pt'>{inner}</p>\n"
                       f"  </td>")
        out.append(" </tr>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# the article body

ASCII_RUN = re.compile(r"[\x20-\x7e]+")


def _word_runs(text: str) -> str:
    """A paragraph as Word exports it: CJK runs and ASCII runs (`lang=EN-US`) in separate spans,
    source lines broken inside the tags."""
    out = []
    pos = 0
    for m in ASCII_RUN.finditer(text):
        if m.start() > pos:
            out.append(f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{E(text[pos:m.start()])}</span>")
        out.append(f"<span\nlang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'>{E(m.group(0))}</span>")
        pos = m.end()
    if pos < len(text):
        out.append(f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{E(text[pos:])}</span>")
    return "".join(out)


def article_body(rep: Report) -> str:
    h = rep.spec.extra["html"]
    word = h.get("cells") == "word"
    rng = random.Random(rep.spec.seed * 17 + 3)
    gs = grids(rep)
    hs = h.get("heading", "strong")
    out = []
    for b in rep.blocks:
        if b.kind == "title":
            if word:   # the Word document's own title, repeated under the CMS title
                out.append("<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span\n"
                           "style='font-size:22.0pt;font-family:方正小标宋简体'>"
                           + "<br>".join(E(t) for t in b.text) + "</span></b></p>")
        elif b.kind == "para":
            if word:
                out.append("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>"
                           + _word_runs(b.text) + "</p>")
            else:
                out.append(f'<p style="text-indent:2em">{E(b.text)}</p>')
        elif b.kind in ("heading", "sub"):
            t = E(b.text)
            if hs == "h3":
                out.append(f"<h3>{t}</h3>" if b.kind == "heading" else f"<h4>{t}</h4>")
            elif hs == "word":
                font = "黑体" if b.kind == "heading" else "楷体_GB2312"
                out.append("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b><span\n"
                           f"style='font-size:16.0pt;font-family:{font}'>{t}</span></b></p>")
            else:
                out.append(f'<p style="text-indent:2em"><strong>{t}</strong></p>')
        elif b.kind == "table":
            g = gs[b.text]
            out.append(table_word(g, h, rng) if word else table_simple(g, h))
        elif b.kind == "sign":
            if word:
                out.extend("<p class=MsoNormal align=right style='text-align:right;line-height:28.0pt'>"
                           + _word_runs(t) + "</p>" for t in b.text)
            else:
                out.extend(f'<p style="text-align:right">{E(t)}</p>' for t in b.text)
    return "\n".join(out)


def title_html(rep: Report) -> str:
    tag = rep.spec.extra["html"].get("title_tag", "h1")
    inner = "<br>".join(E(t) for t in rep.title_lines)
    if tag == "div":
        return f'<div class="title">{inner}</div>'
    return f'<h1 class="article-title">{inner}</h1>'


def head_title(rep: Report) -> str:
    return f"{E(rep.title)} - {E(rep.spec.extra['html']['site'])}"


# ---------------------------------------------------------------------------------------
# page layouts

CSS_PLAIN = """body { font-family: "SimSun", "宋体", serif; font-size: 16px; line-height: 1.8; margin: 2em auto; max-width: 900px; }
.title { text-align: center; font-size: 24px; font-weight: bold; margin-bottom: 1em; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
td, th { border: 1px solid #000; text-align: center; padding: 2px 4px; }"""

CSS_CMS = """* { margin: 0; padding: 0; } body { font: 14px/1.8 "Microsoft YaHei", sans-serif; color: #333; }
.header { background: #b30000; color: #fff; height: 120px; } .nav li { float: left; list-style: none; }
.crumb { height: 36px; line-height: 36px; } .side { float: left; width: 220px; } .main { float: right; width: 940px; }
.article-title { font-size: 24px; text-align: center; } .info { color: #888; text-align: center; border-bottom: 1px dashed #ccc; }
.content table td, .content table th { border: 1px solid #000; padding: 3px; text-align: center; }
.footer { clear: both; background: #f2f2f2; text-align: center; font-size: 12px; padding: 20px 0; }"""


def page_plain(rep: Report, charset_meta: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n" + charset_meta +
            f"<title>{head_title(rep)}</title>\n<style>\n{CSS_PLAIN}\n</style>\n</head>\n<body>\n"
            + title_html(rep) + "\n" + article_body(rep) + "\n</body>\n</html>\n")


def _links(items, cls="") -> str:
    li = "".join(f'\n      <li><a href="/{cls}/{i + 1:03d}.html" title="{E(t)}" target="_blank">{E(t)}</a></li>'
                 for i, t in enumerate(items))
    return f'<ul class="{cls}">{li}\n    </ul>'


def page_cms(rep: Report, charset_meta: str) -> str:
    S = Site(rep)
    related = S.related()
    prev_t, next_t = S.report_title(rep.spec.year - 1), f"{S.place}{rep.spec.year}年政务公开工作总结"
    rel = "".join(f'\n        <li><a href="/art/{S.published.year}/{i + 1}/art_{S.rng.randint(1000, 9999)}.html" '
                  f'target="_blank">{E(t)}</a><span class="date">{d}</span></li>' for i, (t, d) in enumerate(related))
    meta_table = ""
    if rep.spec.extra.get("long"):   # the 信息公开 platform's index table above the article
        meta_table = (
            '<table class="xxgk-meta" width="100%" border="0" cellspacing="0" cellpadding="0">\n'
            f'      <tr><td>索引号：</td><td>{S.code}/{S.published.year}-{S.rng.randint(10000, 99999)}</td>'
            f'<td>主题分类：</td><td>政务公开</td></tr>\n'
            f'      <tr><td>发布机构：</td><td>{E(rep.spec.office)}</td><td>生成日期：</td><td>{S.published.isoformat()}</td></tr>\n'
            f'      <tr><td>文号：</td><td>无</td><td>有效性：</td><td>有效</td></tr>\n'
            '    </table>\n    ')
    nav = "".join(f'<li><a href="/{i}/index.html">{E(n)}</a></li>' for i, n in enumerate(S.nav()))
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n" + charset_meta +
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<meta name="SiteName" content="{E(S.name)}">\n<meta name="SiteDomain" content="{S.domain}">\n'
        f'<meta name="ArticleTitle" content="{E(rep.title)}">\n<meta name="PubDate" content="{S.published.isoformat()} {S.time}">\n'
        f"<title>{head_title(rep)}</title>\n"
        f'<link rel="stylesheet" href="/static/css/common.css">\n<style>\n{CSS_CMS}\n</style>\n'
        '<script type="text/javascript">\n'
        f'  var _pageId = "{S.rng.randint(100000, 999999)}"; var shareTitle = "{E(rep.title)}";\n'
        '  function setFontSize(s) { document.getElementById("zoom").style.fontSize = s + "px"; }\n'
        "</script>\n</head>\n<body>\n"
        '<div class="topbar"><div class="w1200"><span id="today"></span>'
        '<a href="/wza/">无障碍</a> | <a href="/old/">长者模式</a> | <a href="/en/">English</a></div></div>\n'
        f'<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/static/img/logo.png" alt="{E(S.name)}"></a>\n'
        '  <form class="search" action="/search/"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div></div>\n'
        f'<div class="nav"><ul class="w1200">{nav}</ul></div>\n'
        '<div class="crumb w1200">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
        '<a href="/zwgk/xxgk/">政府信息公开</a> &gt; <a href="/zwgk/xxgknb/">政府信息公开年报</a></div>\n'
        '<div class="w1200 clearfix">\n'
        '  <div class="side">\n    <h2>政府信息公开</h2>\n    ' + _links(S.sidebar(), "side") + "\n"
        '    <div class="side-box"><h3>热点专题</h3>\n    ' + _links(["优化营商环境", "乡村振兴", "民生实事"], "zt") + "\n    </div>\n  </div>\n"
        '  <div class="main">\n    ' + meta_table + title_html(rep) + "\n"
        f'    <div class="info"><span>发布时间：{S.published.isoformat()} {S.time}</span>'
        f'<span>来源：{E(rep.spec.office)}</span><span>浏览次数：<em id="hits">{S.hits}</em></span>'
        '<span>字号：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> '
        '<a href="javascript:setFontSize(14)">小</a></span></div>\n'
        '    <div class="content" id="zoom">\n<div class="TRS_Editor">\n' + article_body(rep) + "\n</div>\n    </div>\n"
        '    <div class="tools"><a href="javascript:window.print()">【打印本页】</a>'
        '<a href="javascript:window.close()">【关闭窗口】</a></div>\n'
        f'    <div class="prevnext"><p>上一篇：<a href="/art/prev.html">{E(prev_t)}</a></p>'
        f'<p>下一篇：<a href="/art/next.html">{E(next_t)}</a></p></div>\n'
        f'    <div class="related"><h3>相关文章</h3>\n      <ul>{rel}\n      </ul>\n    </div>\n'
        "  </div>\n</div>\n"
        '<div class="footer">\n' + "".join(f"  <p>{line}</p>\n" for line in S.footer_lines()) +
        '  <p><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | <a href="/privacy/">隐私声明</a></p>\n'
        "</div>\n"
        '<script type="text/javascript">\n'
        '  (function () { var d = new Date(); document.getElementById("today").innerHTML =\n'
        '    "今天是" + d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日"; })();\n'
        f'  var _hmt = _hmt || []; _hmt.push(["_trackPageview", "/art/{S.published.year}/{S.hits}.html"]);\n'
        "</script>\n</body>\n</html>\n")


def page_tables(rep: Report) -> str:
    """An old table-layout site (no charset declared anywhere)."""
    S = Site(rep)
    related = S.related()[:5]
    nav = "　|　".join(f'<a href="/{i}/" class="nav">{E(n)}</a>' for i, n in enumerate(S.nav()))
    side = "".join(f'<tr><td height="28" class="side">·<a href="/list/{i}.asp">{E(t)}</a></td></tr>\n'
                   for i, t in enumerate(S.sidebar()))
    rel = "".join(f'<tr><td>·<a href="/show.asp?id={S.rng.randint(1000, 9999)}">{E(t)}</a></td>'
                  f'<td width="90"><font color="#999999">{d}</font></td></tr>\n' for t, d in related)
    foot = "<br>\n".join(S.footer_lines())
    return (
        "<html>\n<head>\n"
        f"<title>{head_title(rep)}</title>\n"
        f'<meta name="keywords" content="{E(S.name)},政府信息公开,年度报告">\n'
        '<link href="/css/style.css" rel="stylesheet" type="text/css">\n'
        '<style type="text/css">\n.title { font-size: 20px; font-weight: bold; text-align: center; line-height: 40px; }\n'
        ".content td { font-size: 14px; }\n</style>\n</head>\n"
        '<body leftmargin="0" topmargin="0">\n'
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        f'<tr><td><img src="/images/top.jpg" width="1000" height="150" alt="{E(S.name)}"></td></tr>\n'
        f'<tr><td height="35" align="center" bgcolor="#0a5fb4">{nav}</td></tr>\n'
        "</table>\n"
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">\n<tr>\n'
        '<td width="220" valign="top">\n<table width="100%" border="0" cellspacing="0" cellpadding="0">\n'
        '<tr><td height="32" class="lmtitle"><b>政务公开</b></td></tr>\n' + side + "</table>\n</td>\n"
        '<td width="10">&nbsp;</td>\n<td width="770" valign="top">\n'
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">\n'
        '<tr><td height="30" class="lm">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a>'
        " &gt;&gt; 政府信息公开年报</td></tr>\n"
        f"<tr><td>{title_html(rep)}</td></tr>\n"
        f'<tr><td align="center" height="30"><font color="#666666">发布日期：{S.published.isoformat()}　　'
        f"作者：{E(rep.spec.office)}　　阅读：{S.hits}次</font></td></tr>\n"
        '<tr><td class="content">\n' + article_body(rep) + "\n</td></tr>\n"
        '<tr><td align="right"><a href="javascript:window.print()">打印</a>　<a href="javascript:window.close()">关闭</a></td></tr>\n'
        "</table>\n"
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">\n<tr><td colspan="2"><b>相关链接</b></td></tr>\n'
        + rel + "</table>\n"
        "</td>\n</tr>\n</table>\n"
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#eeeeee">\n'
        f'<tr><td align="center" height="100">{foot}</td></tr>\n</table>\n'
        "</body>\n</html>\n")


def render(rep: Report, charset: str) -> str:
    """The page for a report; `charset` is "utf-8", "gb2312" (declared) or None (undeclared)."""
    layout = rep.spec.extra["html"]["layout"]
    if charset == "utf-8" and layout == "plain":
        meta = '<meta charset="utf-8">\n'
    elif charset:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
    else:
        meta = ""
    if layout == "plain":
        return page_plain(rep, meta)
    if layout == "cms":
        return page_cms(rep, meta)
    assert charset is None, "the old table-layout pages declare no charset"
    return page_tables(rep)


# ---------------------------------------------------------------------------------------
# a list page (栏目页): links to several years' reports, not a report itself


def list_page(rep: Report, charset: str) -> tuple[str, list[str]]:
    """The site's 政府信息公开年报 column page; returns the page and its report link texts."""
    S = Site(rep)
    y = rep.spec.year
    items = []
    for yy in range(y + 1, y - 6, -1):
        day = S.rng.randint(15, 31)   # (drawn for every year, so the other dates stay put)
        items.append((S.report_title(yy), S.published.isoformat() if yy == y else f"{yy + 1}-01-{day:02d}"))
        if yy in (y + 1, y):
            for other in ("教育局", "民政局"):
                items.append((f"{S.place}{other}{yy}年政府信息公开工作年度报告",
                              f"{yy + 1}-01-{S.rng.randint(10, 31):02d}"))
    items.sort(key=lambda t: t[1], reverse=True)
    lis = "".join(f'\n        <li><a href="/art/{d[:4]}/{d[5:7]}/art_{S.rng.randint(1000, 9999)}.html" target="_blank" '
                  f'title="{E(t)}">{E(t)}</a><span class="date">{d}</span></li>' for t, d in items)
    nav = "".join(f'<li><a href="/{i}/index.html">{E(n)}</a></li>' for i, n in enumerate(S.nav()))
    n_pages = 3
    html_ = (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        f'<meta name="SiteName" content="{E(S.name)}">\n<meta name="ColumnName" content="政府信息公开年报">\n'
        f"<title>政府信息公开年报 - {E(S.name)}</title>\n<style>\n{CSS_CMS}\n</style>\n</head>\n<body>\n"
        f'<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/static/img/logo.png" alt="{E(S.name)}"></a></div></div>\n'
        f'<div class="nav"><ul class="w1200">{nav}</ul></div>\n'
        '<div class="crumb w1200">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
        '<a href="/zwgk/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>\n'
        '<div class="w1200 clearfix">\n'
        '  <div class="side">\n    <h2>政府信息公开</h2>\n    ' + _links(S.sidebar(), "side") + "\n  </div>\n"
        '  <div class="main">\n    <div class="column-title">政府信息公开年报</div>\n'
        f'    <ul class="list">{lis}\n    </ul>\n'
        f'    <div class="page">共 {len(items) + 2 * 10} 条记录　当前第 1/{n_pages} 页　<a href="#">首页</a> '
        '<a href="#">上一页</a> <a href="index_2.html">下一页</a> <a href="index_3.html">尾页</a></div>\n'
        "  </div>\n</div>\n"
        '<div class="footer">\n' + "".join(f"  <p>{line}</p>\n" for line in S.footer_lines()) + "</div>\n"
        "</body>\n</html>\n")
    return html_, [t for t, _ in items]
