//! Self-contained HTML pages: the batch page of `extract --html` and the comparison page of
//! `compare --html` (inline CSS and SVG, `<details>` to collapse; one line of inline script
//! opens every `<details>` before printing, and the page works without it).
//!
//! Every page is written through [`Html`], whose only unescaped input is `&'static str`:
//! text from a report (titles, messages, paths) can only enter escaped.

pub mod batch;
pub mod charts;
pub mod compare;
pub mod crops;
pub mod map;
pub mod marks;
pub mod tables;

use std::fmt::Display;
use std::path::Path;

/// An HTML buffer that escapes everything but static markup.
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// An empty buffer.
    pub fn new() -> Html {
        Html::default()
    }

    /// Static markup, written as it is.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    /// Text (or an attribute value inside quotes), escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&#39;"),
                c => self.out.push(c),
            }
        }
        self
    }

    /// Anything displayable (numbers, years), escaped like text.
    pub fn show(&mut self, value: impl Display) -> &mut Html {
        self.text(&value.to_string())
    }

    /// `open` + escaped `text` + `close`.
    pub fn el(&mut self, open: &'static str, text: &str, close: &'static str) -> &mut Html {
        self.raw(open).text(text).raw(close)
    }

    /// The markup.
    pub fn into_string(self) -> String {
        self.out
    }

    /// The markup, leaving the buffer empty.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// The page's head: charset, title, the style sheet, and the opening of the body.
pub fn head(h: &mut Html, title: &str) {
    h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .el("<title>", title, "</title>")
        .raw("<style>")
        .raw(CSS)
        .raw("</style><script>")
        .raw(PRINT_ALL)
        .raw("</script></head><body>\n")
        .el("<h1>", title, "</h1>\n");
}

/// The end of the page.
pub fn foot(h: &mut Html) {
    h.raw("<footer>Written by govreport ")
        .text(env!("CARGO_PKG_VERSION"))
        .raw(". Values as printed; <span class=\"rep\">repaired</span> cells were derived from the tables' rules, <span class=\"bad\">red</span> cells are totals a failing equation does not reach, <span class=\"eq\">pink</span> ones its other terms.</footer>\n</body></html>\n");
}

/// A `file://` link to a source path (made absolute from the working folder).
pub fn file_url(path: &str) -> String {
    let p = Path::new(path);
    let absolute = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| p.to_path_buf(), |d| d.join(p))
    };
    let mut url = String::from("file://");
    for c in absolute.to_string_lossy().chars() {
        match c {
            '%' | '#' | '?' | ' ' | '"' | '\'' | '<' | '>' => {
                url.push_str(&format!("%{:02X}", c as u32))
            }
            c => url.push(c),
        }
    }
    url
}

/// Opens every collapsed report before printing, so that paper shows them all.
const PRINT_ALL: &str = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})})";

/// The style sheet: readable on a laptop, tables compact, print without backgrounds lost.
const CSS: &str = "
body{font:14px/1.45 system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.2em auto;max-width:1200px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #ccd;margin-top:1.6em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.4em 0 .8em}td,th{border:1px solid #bbc;padding:2px 6px;text-align:right;vertical-align:top}
th{background:#eef0f6;font-weight:600;text-align:center}td.l,th.l,.t td:first-child{text-align:left}
.ok{color:#176a2a}.partial{color:#9a6500}.failed{color:#b3261e}
td.bad,span.bad{background:#fbd3d0;outline:1px solid #b3261e}td.eq,span.eq{background:#fdeceb}td.rep,span.rep{background:#fff1b8}
td.chg{background:#e3efff}td.new{background:#e6f6e6}td.gone{background:#f3e6f6}
details{border:1px solid #dde;margin:.3em 0;padding:.2em .6em}summary{cursor:pointer}
.charts{display:flex;flex-wrap:wrap;gap:1.5em}.charts figure{margin:0}figcaption{font-weight:600}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:0 1em}dl.meta dt{color:#666}dl.meta dd{margin:0}
.msg{max-width:60em;text-align:left}footer{margin-top:2em;color:#666;font-size:.9em}
@media print{details{break-inside:avoid}summary{list-style:none}body{max-width:none}}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_text_is_escaped_and_static_markup_is_not() {
        let mut h = Html::new();
        h.el("<b>", "<script>alert('x')</script> & \"q\"", "</b>");
        assert_eq!(
            h.into_string(),
            "<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</b>"
        );
    }

    #[test]
    fn file_links_are_absolute_and_quote_what_would_break_them() {
        let url = file_url("/tmp/a b#1.pdf");
        assert_eq!(url, "file:///tmp/a%20b%231.pdf");
        assert!(file_url("x.pdf").starts_with("file:///"));
    }
}
