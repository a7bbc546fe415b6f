//! What a web browser prints on every page of a saved page — date and time, the page's
//! title, its address, `1/6` — found at the top and bottom of each page and dropped, so
//! that it reaches neither the title, the sections nor the facts.
//!
//! A line is a print stamp when it is among the first two or last two lines of its page
//! and one of its cells is a web address on its own (`file:///…/a.html`,
//! `https://www.gov.cn/…`, `www.…`) or a date with a time of day (`11/29/26, 3:33 AM`,
//! `2026/11/29 15:33`, `2026-11-29 下午3:33`, `2026年11月29日 15:33`), as Chromium, Edge and
//! Firefox print them (Firefox: the date in the footer beside `第 1 页，共 6 页`).

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Line;

/// A cell that is only a web address (ligatures such as `ﬁ` folded first).
static ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?:https?|file|ftp)://|www\.)\S+$").expect("valid regex"));

/// A date followed by a time of day, as browsers stamp them.
static DATE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日)[,，]?\s*(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm|上午|下午)?$",
    )
    .expect("valid regex")
});

/// True for a line that looks like a browser's header or footer (see the module doc).
pub fn is_print_stamp(line: &Line) -> bool {
    let address = line.cells.iter().any(|c| {
        let text = c.text.replace('ﬁ', "fi").replace('ﬂ', "fl");
        ADDRESS.is_match(text.trim())
    });
    let dated = line.cells.iter().any(|c| DATE_TIME.is_match(c.text.trim()))
        || DATE_TIME.is_match(&line.text());
    address || dated
}

/// The lines without the print stamps at the top and bottom of each PDF page.
pub fn without_print_stamps(lines: Vec<Line>) -> Vec<Line> {
    let edge = |i: usize| {
        let page = lines[i].page;
        let first = lines[..i].iter().rev().take(2).any(|l| l.page != page) || i < 2;
        let last = lines[i + 1..].iter().take(2).any(|l| l.page != page) || i + 2 >= lines.len();
        page.is_some() && (first || last)
    };
    let keep: Vec<bool> = (0..lines.len())
        .map(|i| !(edge(i) && is_print_stamp(&lines[i])))
        .collect();
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Cell;

    fn line(page: u32, cells: &[&str]) -> Line {
        Line {
            page: Some(page),
            y: 0.0,
            size: 10.0,
            cells: cells
                .iter()
                .enumerate()
                .map(|(i, t)| Cell {
                    x0: i as f32 * 200.0,
                    x1: i as f32 * 200.0 + 100.0,
                    text: t.to_string(),
                })
                .collect(),
            frame: None,
        }
    }

    fn texts(lines: Vec<Line>) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn browser_headers_and_footers_are_dropped_at_page_edges() {
        let title = "东浦区人民政府2025年政府信息公开工作年度报告";
        let mut lines = Vec::new();
        for (p, stamp) in [
            (1, "11/29/26, 3:33 AM"),
            (2, "2026/11/29 15:33"),
            (3, "2026-11-29 下午3:33"),
            (4, "2026年11月29日 15:33"),
        ] {
            lines.push(line(p, &[stamp, title]));
            lines.push(line(p, &["正文第一行。"]));
            lines.push(line(p, &["正文第二行。"]));
            lines.push(line(p, &["正文第三行。"]));
            lines.push(line(p, &["ﬁle:///tmp/x/d.html", &format!("{p}/4")]));
        }
        lines.push(line(5, &["https://www.gov.cn/zhengce/2024/content_1.htm"]));
        lines.push(line(5, &["第5页"]));
        lines.push(line(5, &["第 5 页，共 6 页", "2024/3/5 10:23"]));
        let got = texts(without_print_stamps(lines));
        assert_eq!(got.len(), 13, "{got:?}");
        assert!(
            got.iter().all(|t| t.starts_with("正文") || t == "第5页"),
            "{got:?}"
        );
    }

    #[test]
    fn addresses_and_dates_inside_the_text_stay() {
        let lines = vec![
            line(1, &["网址：http://www.dongpu.gov.cn。"]),
            line(1, &["2024年3月5日，召开会议。"]),
            line(1, &["中间"]),
            line(1, &["中间"]),
            line(1, &["http://www.dongpu.gov.cn"]),
        ];
        let got = texts(without_print_stamps(lines.clone()));
        assert_eq!(got.len(), 4, "{got:?}");
        let text_input: Vec<Line> = lines
            .into_iter()
            .map(|mut l| {
                l.page = None;
                l
            })
            .collect();
        assert_eq!(
            without_print_stamps(text_input).len(),
            5,
            "text input is left alone"
        );
    }
}
