//! What the format asks a report to state: its statistics period, the 信息处理费 it
//! charged (2021 format, section 六), and the three national tables.

use govreport_document::layout::Line;
use govreport_document::squeeze_all;
use govreport_model::codes::AuditRule;
use govreport_model::record::{Finding, Record};
use govreport_model::template::TableId;

/// Words that only a printed table holds (its header or group labels), so that a table
/// the parser could not read is not reported as absent.
fn table_words(table: TableId) -> &'static [&'static str] {
    match table {
        TableId::ActiveDisclosure => &["第二十条", "信息内容"],
        TableId::Applications => &["申请人情况", "勾稽", "本年新收政府信息公开申请数量"],
        TableId::ReviewLitigation => &["复议后起诉", "未经复议"],
    }
}

/// `audit.period_missing`: no statistics period (when the format asks for one: `required`),
/// or one outside the reported year.
pub fn period(record: &Record, required: bool) -> Option<Finding> {
    let message = match (&record.report.period, record.report.year) {
        (None, _) if required => "no statistics period (统计期限) is stated".to_string(),
        (None, _) => return None,
        (Some(p), Some(year)) => {
            let of = |date: &str| date.get(..4).and_then(|y| y.parse::<i32>().ok());
            if of(&p.start) == Some(year) && of(&p.end) == Some(year) {
                return None;
            }
            format!(
                "the statistics period {} – {} is not the reported year {year}",
                p.start, p.end
            )
        }
        (Some(_), None) => return None,
    };
    Some(Finding::new(AuditRule::PeriodMissing, message))
}

/// `audit.fee_statement_missing`: neither a word on 信息处理费 anywhere in the narrative nor a
/// word on fees (收费, 费用, 收取) in section 六.
pub fn fee(record: &Record, narrative: &str) -> Option<Finding> {
    let six = record.sections.iter().filter(|s| s.number == 6).any(|s| {
        ["收费", "费用", "收取", "处理费"]
            .iter()
            .any(|w| s.text.contains(w))
    });
    if six || narrative.contains("处理费") {
        return None;
    }
    let message = "no statement on 信息处理费 (the fees charged for requests), which the 2021 format asks for in 六、其他需要报告的事项";
    Some(Finding::new(AuditRule::FeeStatementMissing, message))
}

/// `audit.table_missing`: a national table neither read nor printed (none of its header
/// words in the text).
pub fn tables(record: &Record, lines: &[Line]) -> Vec<Finding> {
    let text = squeeze_all(lines);
    let t = &record.tables;
    let read = [
        (TableId::ActiveDisclosure, t.active_disclosure.is_some()),
        (TableId::Applications, t.applications.is_some()),
        (TableId::ReviewLitigation, t.review_litigation.is_some()),
    ];
    read.into_iter()
        .filter(|&(table, found)| !found && !table_words(table).iter().any(|w| text.contains(w)))
        .map(|(table, _)| {
            let message = format!(
                "{} (section {}) is absent: none of its header words ({}) is in the report",
                table.printed(),
                table.section(),
                table_words(table).join("、")
            );
            Finding {
                path: Some(table.path()),
                ..Finding::new(AuditRule::TableMissing, message)
            }
        })
        .collect()
}
