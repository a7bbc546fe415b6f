//! Web pages: decode the charset, find the report inside the page's navigation and
//! footers, and read it (narrative blocks and table grids) as lines for the parsers.

pub mod charset;
pub mod dom;

use std::ops::Range;

use scraper::{Html, Selector};

use govreport_document::layout::Line;
use govreport_document::{headings, identity, numbered, squeeze};
use govreport_model::codes::WarningCode;
use govreport_model::limits::Limits;
use govreport_model::record::Warning;
use govreport_model::template::TableId;

/// A page read for the parsers: the report's lines and notes on how it was read.
#[derive(Debug)]
pub struct Page {
    /// The report's title (when printed outside the article) and the article's lines.
    pub lines: Vec<Line>,
    /// Notes such as a guessed charset.
    pub warnings: Vec<Warning>,
}

/// Why a page gives no lines.
#[derive(Debug, PartialEq)]
pub enum HtmlError {
    /// The page holds no report (a list page, an error page).
    NotAReport(String),
    /// The page is larger or nests deeper than a report page ever does.
    TooLarge(String),
}

/// Reads a saved web page within the limits' page size and nesting depth (real report
/// pages are well under a megabyte and nest under 100 deep).
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Page, HtmlError> {
    if bytes.len() > limits.max_html_bytes {
        let message = format!(
            "the page is {} bytes, over the {} byte limit for HTML",
            bytes.len(),
            limits.max_html_bytes
        );
        return Err(HtmlError::TooLarge(message));
    }
    let decoded = charset::decode(bytes);
    let depth = nesting(&decoded.text);
    if depth > limits.max_html_depth {
        let message = format!(
            "the page nests elements {depth} deep (limit {}); it is not a saved report page",
            limits.max_html_depth
        );
        return Err(HtmlError::TooLarge(message));
    }
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Warning::new(WarningCode::Encoding, note));
    }
    let doc = Html::parse_document(&decoded.text);
    let page = dom::walk(doc.root_element());
    let Some(article) = report_range(&page) else {
        return Err(HtmlError::NotAReport("the page holds no 政府信息公开工作年度报告: no section headings (一、总体情况 …) and no disclosure tables; it may be a list or error page — save the report's own page".into()));
    };
    let mut lines = page.lines[article.clone()].to_vec();
    if identity::title(&lines).is_none() {
        let mut head = title_before(&page, article.start).unwrap_or_else(|| page_title(&doc));
        head.append(&mut lines);
        lines = head;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        line.y = i as f32;
    }
    Ok(Page { lines, warnings })
}

/// Elements that never hold content or that the parser closes by itself.
const UNNESTED: [&str; 18] = [
    "br", "img", "input", "meta", "link", "hr", "col", "area", "base", "wbr", "source", "p", "li",
    "td", "th", "tr", "option", "dd",
];

/// An upper estimate of the page's element nesting: open tags minus close tags, not
/// counting void elements and those the parser closes implicitly.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in text.split('<').skip(1) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closed = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        if name.is_empty() || UNNESTED.contains(&name.as_str()) || self_closed {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// What some lines hold of a report: section headings found, table anchors found.
fn score(lines: &[Line]) -> (usize, usize) {
    let text: String = lines.iter().map(Line::text).collect();
    let anchors = TableId::ALL
        .iter()
        .flat_map(|t| t.anchors().page)
        .filter(|a| text.contains(*a))
        .count();
    // Pre-2019 reports number their sections freely (`第一部分`, `（一）`).
    let candidates: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, squeeze(&l.text())))
        .collect();
    let older = numbered::top_level(&candidates).len();
    (headings::find(lines).len().max(older), anchors)
}

/// The lines of the smallest container that holds as much of the report as the whole
/// page does; None when the page holds fewer than three section headings and no table.
fn report_range(page: &dom::Walk) -> Option<Range<usize>> {
    let whole = score(&page.lines);
    if whole.0 < 3 && whole.1 < 2 {
        return None;
    }
    let mut containers: Vec<&Range<usize>> = page.containers.iter().map(|(_, r)| r).collect();
    containers.sort_by_key(|r| r.len());
    containers
        .into_iter()
        .find(|r| score(&page.lines[(*r).clone()]) == whole)
        .cloned()
        .or(Some(0..page.lines.len()))
}

/// The report title printed above the article (a page's `<h1>`): the last line before
/// it, outside links, that names a year and a 报告 and is not a sentence — with the line
/// before it, which [`identity::title`] joins on when it is the agency's name.
fn title_before(page: &dom::Walk, start: usize) -> Option<Vec<Line>> {
    let plain = |i: usize| !page.linked[i];
    let at = (0..start)
        .rev()
        .find(|&i| plain(i) && looks_like_title(&page.lines[i].text()))?;
    let from = if at > 0 && plain(at - 1) { at - 1 } else { at };
    Some(page.lines[from..=at].to_vec())
}

fn looks_like_title(text: &str) -> bool {
    let has_year = text.contains("年") && text.chars().any(|c| c.is_ascii_digit());
    text.contains("报告") && has_year && text.chars().count() <= 80 && !text.contains(['，', '。'])
}

/// The `<title>` element's first part (sites append their own name after ` - ` or `_`),
/// as a line, when it names a 报告.
fn page_title(doc: &Html) -> Vec<Line> {
    let sel = Selector::parse("title").expect("valid selector");
    let Some(t) = doc.select(&sel).next() else {
        return Vec::new();
    };
    let full: String = t.text().collect();
    let first = full
        .split(['_', '|'])
        .flat_map(|p| p.split(" - "))
        .map(dom::tidy)
        .find(|p| p.contains("报告"));
    first
        .map(|text| govreport_document::layout::text_line(&text, 0))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests;
