//! The six parts of the format (templates.md §2): each present, in order, numbered 一 to 六
//! once, with one numbering system at the top level.
//!
//! A top-level heading is a line `一、…` (or `第一部分…`) of at most 40 characters after its
//! numeral, with no figure but a year, that is not one of 表三's own row labels
//! (`一、本年新收…`, `四、结转下年度…`). Its part is read from its words, as sections'
//! `topic` is: 总体情况/概述 → 1, 主动公开 → 2, 收到和处理/依申请 → 3, 复议/诉讼 → 4,
//! 问题/改进 → 5, 其他/其它/需要报告 → 6; other words (`一、加强组织领导`) name no part.
//! A part counts as present when such a heading, the record's section of that topic, or an
//! unnumbered heading line (≤ 30 characters, no sentence punctuation, naming the part and
//! ending in 情况/事项/概述/措施) shows it.

use std::sync::LazyLock;

use regex::Regex;

use govreport_document::layout::Line;
use govreport_document::squeeze;
use govreport_model::codes::{AuditRule, Topic};
use govreport_model::record::{Finding, Record};

use crate::pre2019::topics;

/// The parts' names in the 2021 format, for messages.
const PARTS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// A numbered top-level line: `一、总体情况`, `第二部分 主动公开…`.
static TOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第([一二三四五六七八九十]{1,3})部分[、.．：:]?|([一二三四五六七八九十]{1,3})[、.．])(.{1,40})$")
        .expect("valid regex")
});

/// A year in a heading (`一、2023年工作总体情况`), the only figure a heading may hold.
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{4}年度?").expect("valid regex"));

/// Words of 表三's own numbered row labels, which are not headings.
const TABLE_ROWS: [&str; 5] = ["本年新收", "上年结转", "结转下年", "办理结果", "本年度办理"];

/// A top-level heading: its numeral's value, the part it names, where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The numeral's value (一 = 1).
    pub numeral: u32,
    /// The part of the format (1–6) its words name, if any.
    pub part: Option<u8>,
    /// The line as printed, whitespace removed.
    pub text: String,
    /// Its page (PDF only).
    pub page: Option<u32>,
}

/// The value of a Chinese numeral of up to 三十.
fn value(numeral: &str) -> u32 {
    let digit = |c: char| "一二三四五六七八九".find(c).map_or(0, |i| i as u32 / 3 + 1);
    match numeral.split_once('十') {
        None => numeral.chars().map(digit).sum(),
        Some((tens, ones)) => {
            let tens = tens.chars().next().map_or(1, digit);
            tens * 10 + ones.chars().next().map_or(0, digit)
        }
    }
}

/// The part (1–6) a heading's words name, if any.
pub fn part(words: &str) -> Option<u8> {
    match topics::of_heading(words) {
        Topic::Overview => Some(1),
        Topic::Active => Some(2),
        Topic::Applications => Some(3),
        Topic::ReviewLitigation => Some(4),
        Topic::Problems => Some(5),
        Topic::Other
            if ["其他", "其它", "需要报告"]
                .iter()
                .any(|w| words.contains(w)) =>
        {
            Some(6)
        }
        _ => None,
    }
}

/// The top-level headings of `lines`, in order.
pub fn headings(lines: &[Line]) -> Vec<Heading> {
    lines
        .iter()
        .filter_map(|line| {
            let text = squeeze(&line.text());
            let caps = TOP.captures(&text)?;
            let numeral = caps.get(1).or(caps.get(2))?.as_str();
            let rest = &caps[3];
            let figures = YEAR.replace_all(rest, "");
            if figures.chars().any(|c| c.is_ascii_digit())
                || TABLE_ROWS.iter().any(|w| rest.contains(w))
            {
                return None;
            }
            Some(Heading {
                numeral: value(numeral),
                part: part(rest),
                text: text.clone(),
                page: line.page,
            })
        })
        .collect()
}

/// `audit.section_missing` and `audit.section_order` for a report due in a national format.
pub fn findings(record: &Record, lines: &[Line]) -> Vec<Finding> {
    let heads = headings(lines);
    let mut out = missing(record, lines, &heads);
    out.extend(numbering(&heads));
    out.extend(order(&heads));
    out
}

/// One finding per part no heading, section or heading line shows.
fn missing(record: &Record, lines: &[Line], heads: &[Heading]) -> Vec<Finding> {
    let unnumbered: Vec<u8> = lines
        .iter()
        .filter_map(|l| unnumbered_part(&squeeze(&l.text())))
        .collect();
    (1..=6u8)
        .filter(|p| {
            !heads.iter().any(|h| h.part == Some(*p))
                && !unnumbered.contains(p)
                && !record
                    .sections
                    .iter()
                    .any(|s| part_of_topic(s.topic) == Some(*p))
        })
        .map(|p| {
            let message = format!(
                "part {p} of the national format ({}) was not found: no heading names it",
                PARTS[usize::from(p) - 1]
            );
            Finding::new(AuditRule::SectionMissing, message)
        })
        .collect()
}

/// The part of a record section's topic (the six parts of a 2019+ report).
fn part_of_topic(topic: Topic) -> Option<u8> {
    crate::pre2019::topics::NATIONAL
        .iter()
        .position(|t| *t == topic)
        .map(|i| i as u8 + 1)
}

/// The part an unnumbered heading line names: short, no sentence punctuation, ending as
/// a heading does.
fn unnumbered_part(text: &str) -> Option<u8> {
    let short = (4..=30).contains(&text.chars().count());
    let sentence = text.contains(['，', '。', '；', ',']);
    let ends = ["情况", "事项", "概述", "措施"]
        .iter()
        .any(|e| text.ends_with(e));
    (short && !sentence && ends).then(|| part(text)).flatten()
}

/// Numerals skipped, repeated, out of order, or restarting (two numbering systems).
fn numbering(heads: &[Heading]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut previous: Option<&Heading> = None;
    for h in heads {
        let before = previous.map_or(0, |p| p.numeral);
        let problem = match h.numeral {
            n if n == before + 1 => None,
            1 => Some(format!(
                "two numbering systems at the top level: 「{}」 starts again at 一 after 「{}」",
                h.text,
                previous.map_or("", |p| &p.text)
            )),
            n if n == before => Some(format!("the numeral of 「{}」 is repeated", h.text)),
            n if n > before => Some(format!(
                "「{}」 skips {} after {}",
                h.text,
                skipped(before + 1, n),
                if before == 0 {
                    "the start".to_string()
                } else {
                    numeral(before)
                }
            )),
            _ => Some(format!(
                "「{}」 comes after {}: the numerals are out of order",
                h.text,
                numeral(before)
            )),
        };
        if let Some(message) = problem {
            out.push(Finding::new(AuditRule::SectionOrder, message).on_page(h.page));
        }
        previous = Some(h);
    }
    out
}

/// The numerals from `from` to before `to`, as printed (`二、三`).
fn skipped(from: u32, to: u32) -> String {
    (from..to).map(numeral).collect::<Vec<_>>().join("、")
}

/// A numeral up to 三十 as printed.
fn numeral(n: u32) -> String {
    let digit = |d: u32| {
        "一二三四五六七八九"
            .chars()
            .nth(d as usize - 1)
            .unwrap_or('〇')
    };
    match (n / 10, n % 10) {
        (0, d) => digit(d).to_string(),
        (1, 0) => "十".into(),
        (1, d) => format!("十{}", digit(d)),
        (t, 0) => format!("{}十", digit(t)),
        (t, d) => format!("{}十{}", digit(t), digit(d)),
    }
}

/// Parts that come after a later part, within one numbering run.
fn order(heads: &[Heading]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut latest: Option<(u8, &str)> = None;
    for h in heads {
        if h.numeral == 1 {
            latest = None;
        }
        let Some(part) = h.part else { continue };
        match latest {
            Some((seen, text)) if part < seen => {
                let message = format!(
                    "part {part} ({}) comes after part {seen} (「{text}」): the parts are out of order",
                    PARTS[usize::from(part) - 1]
                );
                out.push(Finding::new(AuditRule::SectionOrder, message).on_page(h.page));
            }
            _ => latest = Some((part, &h.text)),
        }
    }
    out
}
