//! The six numbered sections: finding their headings without being fooled by 表三's
//! own `一、`…`四、` row labels.

use std::sync::LazyLock;

use regex::Regex;

use super::squeeze;
use crate::layout::Line;

/// A section heading found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1–6.
    pub number: u8,
    /// Index of the heading line.
    pub line: usize,
    /// The heading as printed, without its numeral and whitespace.
    pub text: String,
}

/// What each section's heading must mention (any phrase), by number.
const KEYWORDS: [&[&str]; 6] = [
    &["总体情况", "概述", "总体工作情况", "基本情况"],
    &["主动公开"],
    &["收到和处理", "依申请公开"],
    &["行政复议", "行政诉讼"],
    &["存在的主要问题", "存在问题", "主要问题", "改进"],
    &["其他需要报告", "其它需要报告", "需要说明"],
];

/// `一、` … `六、` at the start of a line (also with a full stop or space after the numeral).
static NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([一二三四五六])[、.．，,]\s*(.+)$").expect("valid regex"));

/// Finds the section headings in order: each must follow the previous one, start with
/// its numeral and name its subject, and be short enough to be a heading.
pub fn find(lines: &[Line]) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = squeeze(&line.text());
        let Some(caps) = NUMERAL.captures(&text) else {
            continue;
        };
        let number = "一二三四五六"
            .chars()
            .position(|c| caps[1].starts_with(c))
            .unwrap_or(0) as u8
            + 1;
        let rest = caps[2].to_string();
        if number as usize <= out.last().map_or(0, |h| h.number as usize)
            || rest.chars().count() > 40
        {
            continue;
        }
        if !KEYWORDS[number as usize - 1]
            .iter()
            .any(|k| rest.contains(k))
            || rest.contains("结转")
        {
            continue;
        }
        out.push(Heading {
            number,
            line: i,
            text: rest.trim_end_matches(['：', ':', '。']).to_string(),
        });
    }
    out
}

/// The text of the `k`-th section, whose headings stand on the lines `starts`: from the
/// line after its heading to the next heading (or the end).
pub fn section_text(lines: &[Line], starts: &[usize], k: usize) -> String {
    let end = starts.get(k + 1).copied().unwrap_or(lines.len());
    let text: Vec<String> = lines[starts[k] + 1..end].iter().map(Line::text).collect();
    text.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text_line;

    fn headings(text: &str) -> Vec<(u8, String)> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        find(&lines)
            .into_iter()
            .map(|h| (h.number, h.text))
            .collect()
    }

    #[test]
    fn table_row_labels_are_not_headings() {
        let text = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项";
        let h = headings(text);
        assert_eq!(h.len(), 6);
        assert_eq!(h[3], (4, "政府信息公开行政复议、行政诉讼情况".to_string()));
    }

    #[test]
    fn variants_and_spacing_are_accepted() {
        let h = headings("一、 总体情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况");
        assert_eq!(
            h,
            vec![
                (1, "总体情况".into()),
                (
                    4,
                    "因政府信息公开工作被申请行政复议、提起行政诉讼情况".into()
                )
            ]
        );
    }

    #[test]
    fn the_first_section_may_be_named_basic_situation() {
        let h = headings("一、工作基本情况\n本镇……\n二、主动公开政府信息情况");
        assert_eq!(
            h,
            vec![
                (1, "工作基本情况".into()),
                (2, "主动公开政府信息情况".into())
            ]
        );
    }
}
