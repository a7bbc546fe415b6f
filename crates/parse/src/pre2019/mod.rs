//! Reports on 2008–2018, before the national tables: recognised by their year and the
//! absence of 表二/表三/表四, read as sections with topics, narrative facts and the
//! statistics table (`tables.statistics`).

pub mod sections;
pub mod topics;

use std::ops::Range;

use crate::facts::{self, narrative::TextLine};
use crate::statistics;
use govreport_document::layout::Line;
use govreport_document::squeeze_all;
use govreport_model::codes::{CheckStatus, WarningCode};
use govreport_model::record::{Record, Section, Status, Warning};
use govreport_model::template::Template;

/// Words that only the 2019/2021 national tables print.
const NATIONAL_MARKERS: [&str; 6] = [
    "第二十条第（一）项",
    "申请人情况",
    "本年新收政府信息公开申请数量",
    "结转下年度继续办理",
    "未经复议直接起诉",
    "复议后起诉",
];

/// A report on 2018 or earlier that prints none of the national tables' words.
pub fn applies(year: Option<i32>, lines: &[Line]) -> bool {
    if year.is_none_or(|y| y > 2018) {
        return false;
    }
    let text = squeeze_all(lines);
    !NATIONAL_MARKERS.iter().any(|m| text.contains(m))
}

/// Fills a pre-2019 report's template, sections, facts and statistics table; returns the
/// table's rows as read (for `govreport text`).
pub fn fill(record: &mut Record, lines: &[Line]) -> Vec<String> {
    record.report.template = Template::Pre2019;
    let table = statistics::parse(lines);
    let spans: Vec<Range<usize>> = table.as_ref().map(|t| t.spans.clone()).unwrap_or_default();
    let headings = sections::find(lines, &spans);
    if headings.len() < 2 {
        record.warnings.push(Warning::new(
            WarningCode::SectionNotFound,
            "no numbered section headings (一、 （一） 第一部分) were found",
        ));
    }
    let starts: Vec<usize> = headings.iter().map(|h| h.line).collect();
    record.sections = headings
        .iter()
        .enumerate()
        .map(|(k, h)| Section {
            number: (k + 1).min(255) as u8,
            heading: h.text.clone(),
            page: lines[h.line].page,
            text: govreport_document::headings::section_text(lines, &starts, k),
            topic: h.topic,
        })
        .collect();
    let narrative: Vec<TextLine> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !spans.iter().any(|s| s.contains(i)))
        .map(|(_, l)| TextLine::new(l.page, l.text()))
        .collect();
    facts::fill(record, &narrative);
    if let Some(at) = statistics::unread::first(lines, &spans) {
        let message = format!(
            "statistics: line {} (“{}”) and the lines after it read as statistics rows, but no \
             table header above them was understood; they are not in tables.statistics",
            at + 1,
            lines[at].text()
        );
        record
            .warnings
            .push(Warning::new(WarningCode::StatisticsUnread, message));
    }
    let Some(t) = table else {
        return Vec::new();
    };
    record.tables.statistics = Some(t.table);
    record.cells.extend(t.cells);
    record.checks.extend(t.checks);
    record.warnings.extend(t.warnings);
    let mut debug = vec!["── statistics ──".to_string()];
    debug.extend(t.debug);
    debug
}

/// `ok` when the sections were found, every statistics cell was placed, no statistics rows
/// were left unread or run together and every check holds; `partial` otherwise.
pub fn status(record: &Record) -> Status {
    let doubt = [
        WarningCode::SectionNotFound,
        WarningCode::CellPositionUncertain,
        WarningCode::StatisticsUnread,
        WarningCode::RowNotFound,
    ];
    let warned = record.warnings.iter().any(|w| doubt.contains(&w.code));
    if warned || record.checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Status::Partial
    } else {
        Status::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_lines as lines;

    #[test]
    fn old_period_phrasings() {
        use crate::facts::period::find as period;
        let p = period(&lines(
            "本报告中所列数据的统计期限从2016年1月1日至2016年12月31日止。",
        ))
        .unwrap();
        assert_eq!(
            (p.start.as_str(), p.end.as_str()),
            ("2016-01-01", "2016-12-31")
        );
        let p = period(&lines("报告期为2012年1月1日到12月31日。")).unwrap();
        assert_eq!(p.end, "2012-12-31");
        let p = period(&lines("本报告从2010年1月1日起至2010年12月31日止。")).unwrap();
        assert_eq!(p.start, "2010-01-01");
        assert!(period(&lines("我局于2010年3月1日至3月5日开展培训。")).is_none());
    }

    #[test]
    fn rows_under_a_header_not_understood_make_the_record_partial() {
        let text = "一、概述\n本局做好政府信息公开工作。\n二、附表\n栏目甲\t栏目乙\t栏目丙\n\
                    主动公开信息数\t条\t25\n申请总数\t件\t3\n其中：当面申请数\t件\t1";
        let mut record = Record::new(Default::default());
        fill(&mut record, &lines(text));
        assert!(record.tables.statistics.is_none());
        let codes: Vec<_> = record.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, [WarningCode::StatisticsUnread]);
        assert_eq!(status(&record), Status::Partial);
        let known = text.replace("栏目甲\t栏目乙\t栏目丙", "统计指标\t单位\t统计数");
        let mut record = Record::new(Default::default());
        fill(&mut record, &lines(&known));
        assert_eq!(
            record.tables.statistics.as_ref().map(|t| t.rows.len()),
            Some(3)
        );
        assert_eq!(status(&record), Status::Ok);
    }

    #[test]
    fn two_rows_run_together_make_the_record_partial_with_a_named_doubt() {
        let text = "一、概述\n本局做好政府信息公开工作。\n二、附表\n统计指标\t单位\t统计数\n\
                    六、举报投诉数\t件\t11\n七、收取费用总额八、政府信息公开专项经费\t万元\t9.7";
        let mut record = Record::new(Default::default());
        fill(&mut record, &lines(text));
        let doubt = record
            .warnings
            .iter()
            .find(|w| w.code == WarningCode::RowNotFound);
        assert!(
            doubt.is_some_and(|w| w.message.contains("rows[1]")),
            "{:?}",
            record.warnings
        );
        assert_eq!(status(&record), Status::Partial);
    }

    #[test]
    fn the_year_and_the_national_tables_decide_the_era() {
        let old = lines("一、概述\n统计指标\t单位\t统计数");
        assert!(applies(Some(2016), &old));
        assert!(!applies(Some(2019), &old));
        assert!(!applies(None, &old));
        let national = lines("一、总体情况\n申请人情况\n本年新收政府信息公开申请数量");
        assert!(!applies(Some(2018), &national));
    }
}
