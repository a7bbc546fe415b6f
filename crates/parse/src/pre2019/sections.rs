//! Sections of reports before 2019: any number, numbered `一、`, `（一）` or `第一部分`
//! (only the top level counts), then an unnumbered `附表`/`附件`; table rows and list
//! items are never headings.

use std::ops::Range;

use crate::pre2019::topics;
use crate::statistics::label::is_unit;
use crate::tables::cells::split;
use govreport_document::layout::Line;
use govreport_document::{numbered, squeeze};
use govreport_model::codes::Topic;

/// A section heading found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Index of the heading line.
    pub line: usize,
    /// The heading without its numeral.
    pub text: String,
    /// What the section is about.
    pub topic: Topic,
}

/// Finds the headings, leaving out the lines in `tables`.
pub fn find(lines: &[Line], tables: &[Range<usize>]) -> Vec<Heading> {
    let candidates: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !tables.iter().any(|t| t.contains(i)))
        .filter(|(_, l)| split(l).values.is_empty())
        .filter(|(_, l)| l.cells.len() < 2 || !l.cells.last().is_some_and(|c| is_unit(&c.text)))
        .map(|(i, l)| (i, squeeze(&l.text())))
        .collect();
    let mut best: Vec<Heading> = numbered::top_level(&candidates)
        .into_iter()
        .map(|n| Heading {
            line: n.line,
            topic: topics::of_heading(&n.text),
            text: n.text,
        })
        .collect();
    let after = best.last().map_or(0, |h| h.line + 1);
    let appendix = candidates.iter().find(|(i, t)| {
        *i >= after
            && ["附表", "附件", "附图"].iter().any(|a| t.starts_with(a))
            && t.chars().count() <= 40
            && !t.contains('。')
    });
    if let Some((i, t)) = appendix.filter(|_| !best.is_empty()) {
        let text = t.trim_end_matches(['：', ':']).to_string();
        best.push(Heading {
            line: *i,
            topic: topics::of_heading(&text),
            text,
        });
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;

    fn headings(text: &str, tables: &[Range<usize>]) -> Vec<(String, &'static str)> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        find(&lines, tables)
            .into_iter()
            .map(|h| (h.text, h.topic.as_str()))
            .collect()
    }

    #[test]
    fn parts_outrank_chinese_numerals_which_become_sub_headings() {
        let h = headings(
            "第一部分 概述\n一、加强组织领导\n二、完善制度\n第二部分 主动公开政府信息情况\n第三部分 咨询处理情况\n第四部分：存在的主要问题及改进措施",
            &[],
        );
        let topics: Vec<&str> = h.iter().map(|(_, t)| *t).collect();
        assert_eq!(topics, ["overview", "active", "consultation", "problems"]);
        assert_eq!(h[3].0, "存在的主要问题及改进措施");
    }

    #[test]
    fn table_rows_list_items_and_sentences_are_not_headings() {
        let text = "一、概述\n本年度，我局认真贯彻《条例》。\n二、主动公开政府信息情况\n（一）公开内容\n一、这是列表项，不是标题。\n四、行政复议数量\t件\t2\n三、依申请公开政府信息情况\n四、因政府信息公开申请行政复议和提起行政诉讼的情况\n附表\n统计指标\t单位\t统计数\n五、举报投诉数量\t件\t0";
        let gap = headings("一、概述\n二、主动公开\n四、存在问题\n六、其他", &[]);
        assert_eq!(gap.len(), 3, "one numeral may be missing, not two");
        let table = 9..11;
        let h = headings(text, std::slice::from_ref(&table));
        let topics: Vec<&str> = h.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            topics,
            [
                "overview",
                "active",
                "applications",
                "review_litigation",
                "appendix"
            ]
        );
    }

    #[test]
    fn bracketed_numerals_can_be_the_top_level() {
        let h = headings(
            "（一）概述\n（二）主动公开情况\n（三）依申请公开情况\n（四）存在问题",
            &[],
        );
        assert_eq!(h.len(), 4);
    }
}
