//! Reading-order text lines and their joining into one paragraph stream with page tracking.
//!
//! Joining rules (`Stream::new`):
//! - every line is trimmed (ASCII and Unicode whitespace, e.g. U+3000);
//! - page-number lines (`-1-`, `- 2 -`, `第 3 页`, `第3页 共5页`, `3/5`, a bare `12`) are dropped;
//!   the footer forms are [`govreport_document::is_page_number`], shared with the tables;
//! - a line less than 70% as wide as the typical line (the 75th percentile of display
//!   widths, CJK counting 2, when that is at least 20) ends a paragraph: it is a heading or
//!   a paragraph's last line;
//! - a blank line, a line ending in sentence punctuation (`。！？；：` or ASCII `;:!?`), or a
//!   next line starting with a list marker (`一、` `（一）` `(1)` `1、` `- `) ends a paragraph:
//!   the stream gets a `\n` there;
//! - otherwise lines join with nothing between them (Chinese wraps anywhere), except that one
//!   space is put between an ASCII letter and an ASCII letter or digit (`PDF` / `version`);
//!   two digits join with nothing, as a number wrapped at the line end is one number.
//!
//! Full-width digits, `．` and `％` are normalized to ASCII in [`Stream::text`]; the
//! text as printed stays available through [`Stream::original`].

use govreport_document::half_width;
use regex::Regex;
use std::sync::LazyLock;

/// One line of reading-order text and the page it is on (None for text/HTML inputs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextLine {
    /// 1-based page number, or None when the input has no pages.
    pub page: Option<u32>,
    /// The line's text (may carry layout whitespace).
    pub text: String,
}

impl TextLine {
    /// Builds a line from a page and any string-like text.
    pub fn new(page: Option<u32>, text: impl Into<String>) -> Self {
        TextLine {
            page,
            text: text.into(),
        }
    }
}

/// Splits plain text into lines; a form feed (`\x0c`, as `pdftotext` prints) starts a new
/// page when `first_page` is Some.
pub fn lines_from_text(text: &str, first_page: Option<u32>) -> Vec<TextLine> {
    let mut out = Vec::new();
    for (i, page_text) in text.split('\x0c').enumerate() {
        let page = first_page.map(|p| p + i as u32);
        out.extend(page_text.lines().map(|l| TextLine::new(page, l)));
    }
    out
}

/// A line that is only a page number: the footer forms of [`govreport_document::is_page_number`] (also
/// dropped from tables), or a bare number of up to three digits, which in the narrative is
/// a page number the layout left without its dashes (`12`).
fn is_page_number(t: &str) -> bool {
    govreport_document::is_page_number(t) || (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
}

/// A line that starts a new list item, so a new paragraph.
///
/// Examples: `一、总体情况`, `（一）主动公开`, `(2)回应`, `1、举报`, `- 二是`, `3.其他`.
static LIST_MARKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、．]|[0-9]{1,2}\.[^0-9]|[-•·]\s)",
    )
    .expect("list marker regex")
});

/// The joined text of a run of lines, with page and as-printed lookups by byte offset.
#[derive(Debug, Clone, Default)]
pub struct Stream {
    text: String,
    orig: String,
    /// For each byte of `text` (plus one past the end), the byte offset in `orig`.
    map: Vec<usize>,
    /// (byte offset in `text`, page) where each kept line starts, ascending.
    starts: Vec<(usize, Option<u32>)>,
}

impl Stream {
    /// Joins `lines` into one stream (see the module doc for the rules).
    pub fn new(lines: &[TextLine]) -> Self {
        let mut s = Stream::default();
        let mut prev_end: Option<char> = None; // last char of the previous kept line
        let mut pending_break = false; // a blank line or a short line came before this one
        let short = typical_width(lines) * 7 / 10;
        for line in lines {
            let t = line.text.trim();
            if t.is_empty() {
                pending_break = true;
                continue;
            }
            if is_page_number(t) {
                continue;
            }
            if let Some(last) = prev_end {
                let first = t.chars().next().unwrap_or(' ');
                if pending_break || ends_paragraph(last) || LIST_MARKER_RE.is_match(t) {
                    s.push_str("\n");
                } else if needs_space(last, first) {
                    s.push_str(" ");
                }
            }
            s.starts.push((s.text.len(), line.page));
            s.push_str(t);
            prev_end = t.chars().last();
            pending_break = width(t) < short;
        }
        s.map.push(s.orig.len());
        s
    }

    fn push_str(&mut self, t: &str) {
        for c in t.chars() {
            let n = normalize_char(c);
            for _ in 0..n.len_utf8() {
                self.map.push(self.orig.len());
            }
            self.text.push(n);
            self.orig.push(c);
        }
    }

    /// The joined, normalized text that the fact parsers search.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The page of the line that holds byte offset `pos` of [`Stream::text`].
    pub fn page_at(&self, pos: usize) -> Option<u32> {
        let i = self.starts.partition_point(|&(start, _)| start <= pos);
        self.starts.get(i.saturating_sub(1)).and_then(|&(_, p)| p)
    }

    /// The text as printed (before digit normalization) for a byte range of [`Stream::text`].
    pub fn original(&self, start: usize, end: usize) -> &str {
        &self.orig[self.map[start]..self.map[end]]
    }
}

/// Display width of a line: 2 for a non-ASCII char, 1 for ASCII.
fn width(t: &str) -> usize {
    t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The 75th-percentile display width of the non-blank lines, or 0 when under 20.
fn typical_width(lines: &[TextLine]) -> usize {
    let mut w: Vec<usize> = lines
        .iter()
        .map(|l| width(l.text.trim()))
        .filter(|&w| w > 0)
        .collect();
    w.sort_unstable();
    let p75 = w.get(w.len() * 3 / 4).copied().unwrap_or(0);
    if p75 >= 20 { p75 } else { 0 }
}

/// Full-width digits, `．` and `％` as ASCII; every other char unchanged.
fn normalize_char(c: char) -> char {
    match c {
        '％' => '%',
        _ => half_width(c),
    }
}

/// True when a line ending in `c` ends its paragraph.
fn ends_paragraph(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | ';' | ':' | '!' | '?')
}

/// True when joining `a` (end of a line) and `b` (start of the next) needs a space.
fn needs_space(a: char, b: char) -> bool {
    let a = normalize_char(a);
    let b = normalize_char(b);
    (a.is_ascii_alphabetic() && b.is_ascii_alphanumeric())
        || (a.is_ascii_digit() && b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[(u32, &str)]) -> Vec<TextLine> {
        v.iter().map(|&(p, t)| TextLine::new(Some(p), t)).collect()
    }

    #[test]
    fn joins_chinese_without_space_and_tracks_pages() {
        let s = Stream::new(&lines(&[
            (1, "   统计期限自 2023 年 1 月 1 日"),
            (1, "起至 2023 年 12 月 31 日止。"),
            (2, "下一段"),
        ]));
        assert_eq!(
            s.text(),
            "统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。\n下一段"
        );
        assert_eq!(s.page_at(0), Some(1));
        let pos = s.text().find("下一段").unwrap();
        assert_eq!(s.page_at(pos), Some(2));
    }

    #[test]
    fn blank_lines_list_markers_and_page_numbers() {
        let s = Stream::new(&lines(&[
            (1, "一、总体情况"),
            (1, "（一）主动公开"),
            (1, "（二）依申请公开。进一步规范依申请公开流程，严格执行“分"),
            (1, "-1-"),
            (2, "级审核”"),
            (2, ""),
            (2, "PDF"),
            (2, "version 2 共 12"),
            (3, "34 条"),
        ]));
        assert_eq!(
            s.text(),
            "一、总体情况\n（一）主动公开\n（二）依申请公开。进一步规范依申请公开流程，严格执行“分级审核”\nPDF version 2 共 1234 条"
        );
    }

    #[test]
    fn short_line_ends_a_paragraph() {
        let s = Stream::new(&lines(&[
            (1, "（一）主动公开情况。主要通过政府门户网站主动公开政"),
            (1, "府文件、项目审批、通知公告等各类政府信息。我区在政"),
            (1, "府网站平台主动公开政府信息 1136 条，较上年有所增加"),
            (1, "（三）2023 年咨询情况统计"),
            (1, "网站互动交流咨询人数 2721 人次，电话咨询 300 人次。"),
        ]));
        assert!(
            s.text()
                .contains("增加\n（三）2023 年咨询情况统计\n网站互动"),
            "{}",
            s.text()
        );
    }

    #[test]
    fn full_width_digits_normalized_original_kept() {
        let s = Stream::new(&lines(&[(1, "满意度９９．９５％")]));
        assert_eq!(s.text(), "满意度99.95%");
        let start = s.text().find('9').unwrap();
        assert_eq!(s.original(start, s.text().len()), "９９．９５％");
    }

    #[test]
    fn form_feed_splits_pages() {
        let l = lines_from_text("a\nb\x0cc", Some(1));
        assert_eq!(l[2], TextLine::new(Some(2), "c"));
        assert_eq!(lines_from_text("a", None)[0].page, None);
    }
}
