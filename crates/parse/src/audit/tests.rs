//! Each rule on a committed clean sample (`samples/xinhe-2024-poor.txt`) with one defect
//! planted, and on the sample as it is.

use govreport_document::layout::text_lines as lines;
use govreport_model::codes::AuditRule;
use govreport_model::record::{Finding, Source};

use super::audit;
use crate::report;

/// A committed 2021-format sample with no defect the audit looks for.
const CLEAN: &str = include_str!("../../../../samples/xinhe-2024-poor.txt");

/// The sample's pre-2019 counterpart, for the rules that depend on the format.
const PRE2019: &str = include_str!("../../../../samples/shiqiao-2017-poor.txt");

/// The audit of `text` read as a text file.
fn findings(text: &str) -> Vec<Finding> {
    let lines = lines(text);
    let (record, _) = report::record(Source::default(), Vec::new(), &lines);
    audit(&record, &lines)
}

/// The rules of the findings on `text`.
fn rules(text: &str) -> Vec<AuditRule> {
    findings(text).into_iter().map(|f| f.rule).collect()
}

/// `CLEAN` with `from` replaced by `to` (which must occur).
fn planted(from: &str, to: &str) -> String {
    assert!(CLEAN.contains(from), "{from}");
    CLEAN.replacen(from, to, 1)
}

#[test]
fn the_clean_samples_have_no_finding() {
    assert_eq!(findings(CLEAN), []);
    assert_eq!(findings(PRE2019), []);
}

#[test]
fn a_part_removed_is_missing() {
    let text = planted("五、存在的主要问题及改进情况\n", "");
    let got = findings(&text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].rule, AuditRule::SectionMissing);
    assert!(
        got[0].message.contains("五、存在的主要问题"),
        "{}",
        got[0].message
    );
    assert_eq!(got[1].rule, AuditRule::SectionOrder, "六 now skips 五");
}

#[test]
fn parts_swapped_are_out_of_order() {
    let text = planted("二、主动公开政府信息情况", "三、主动公开政府信息情况").replacen(
        "三、收到和处理政府信息公开申请情况",
        "二、收到和处理政府信息公开申请情况",
        1,
    );
    let got = findings(&text);
    assert!(
        got.iter().all(|f| f.rule == AuditRule::SectionOrder),
        "{got:?}"
    );
    assert!(
        got.iter().any(|f| f.message.contains("out of order")),
        "{got:?}"
    );
}

#[test]
fn renumbered_parts_in_the_wrong_order_are_found_by_their_words() {
    let text = planted("一、总体情况", "一、存在的主要问题及改进情况").replacen(
        "五、存在的主要问题及改进情况",
        "五、总体情况",
        1,
    );
    let got = findings(&text);
    assert!(!got.is_empty());
    assert!(
        got.iter().all(|f| f.rule == AuditRule::SectionOrder),
        "{got:?}"
    );
}

#[test]
fn a_numeral_repeated_or_a_second_numbering_system_is_flagged() {
    let text = planted("四、政府信息公开行政复议", "三、政府信息公开行政复议");
    let got = findings(&text);
    assert!(
        got.iter().any(|f| f.message.contains("repeated")),
        "{got:?}"
    );
    let text =
        format!("{CLEAN}\n附表\n一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n");
    let got = findings(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, AuditRule::SectionOrder);
    assert!(got[0].message.contains("two numbering systems"));
}

#[test]
fn table_row_labels_and_subheadings_are_not_top_level_headings() {
    let heads = super::outline::headings(&lines(CLEAN));
    let numerals: Vec<u32> = heads.iter().map(|h| h.numeral).collect();
    assert_eq!(numerals, [1, 2, 3, 4, 5, 6]);
    let parts: Vec<Option<u8>> = heads.iter().map(|h| h.part).collect();
    assert_eq!(parts, [1, 2, 3, 4, 5, 6].map(Some));
}

#[test]
fn no_period_or_another_year_is_flagged() {
    let text = planted(
        "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。",
        "",
    );
    assert_eq!(rules(&text), [AuditRule::PeriodMissing]);
    let text = planted(
        "统计期限自2024年1月1日起至2024年12月31日止",
        "统计期限自2023年1月1日起至2023年12月31日止",
    );
    let got = findings(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].message.contains("not the reported year 2024"));
}

#[test]
fn a_pre2019_report_is_not_asked_for_a_period() {
    let lines = lines(PRE2019);
    let (mut record, _) = report::record(Source::default(), Vec::new(), &lines);
    record.report.period = None;
    assert_eq!(audit(&record, &lines), []);
}

#[test]
fn the_fee_statement_is_asked_of_2021_format_reports_only() {
    let statement = "依据《政府信息公开信息处理费管理办法》，全年收取信息处理费 0 元。";
    let text = planted(statement, "");
    assert_eq!(rules(&text), [AuditRule::FeeStatementMissing]);
    let text2019 = text.replace("2024", "2020").replace("2025", "2021");
    assert_eq!(
        rules(&text2019),
        [],
        "the 2019 trial format had no fees to report"
    );
}

#[test]
fn a_table_dropped_is_missing_but_an_unread_one_is_not() {
    let start = CLEAN.find("行政复议\t行政诉讼").expect("表四");
    let end = CLEAN.find("五、存在的主要问题").expect("五");
    let text = format!("{}{}", &CLEAN[..start], &CLEAN[end..]);
    let got = findings(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, AuditRule::TableMissing);
    assert_eq!(got[0].path, Some("tables.review_litigation".into()));
    let garbled = CLEAN.replacen("74\t21\t45\t11\t151", "", 1);
    assert_eq!(
        findings(&garbled),
        [],
        "printed but not read: a reading gap, not a finding"
    );
}

#[test]
fn a_doubled_word_is_flagged_and_reduplications_are_not() {
    let text = planted("政务公开各项决策部署", "政务公开公开各项决策部署");
    let got = findings(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, AuditRule::DoubledWord);
    assert!(got[0].message.contains("「公开」"), "{}", got[0].message);
    for fine in [
        "常常",
        "人人",
        "研究研究",
        "万万",
        "一个一个",
        "哈哈哈哈",
        "的的确确",
        "2020 2020",
    ] {
        let text = planted("稳步提升。", &format!("稳步提升，{fine}。"));
        assert_eq!(findings(&text), [], "{fine}");
    }
    let text = planted("稳步提升。", "稳步提升，专项资金资金使用规范。");
    assert_eq!(rules(&text), [AuditRule::DoubledWord]);
}

#[test]
fn a_narrative_figure_that_disagrees_with_its_table_is_a_finding_and_a_check() {
    let text = planted(
        "全年新收政府信息公开申请 4225 件",
        "全年新收政府信息公开申请 4226 件",
    );
    let lines = lines(&text);
    let (record, _) = report::record(Source::default(), Vec::new(), &lines);
    let got = audit(&record, &lines);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, AuditRule::Restatement);
    assert_eq!(
        got[0].path,
        Some("tables.applications.rows.new_requests[6]".into())
    );
    assert!(record.checks.iter().any(|c| c.message == got[0].message));
}

#[test]
fn an_ocr_text_is_audited_for_its_restatements_only() {
    let text = planted("五、存在的主要问题及改进情况\n", "");
    let lines = lines(&text);
    let (mut record, _) = report::record(Source::default(), Vec::new(), &lines);
    record.source.ocr = Some(Default::default());
    assert_eq!(audit(&record, &lines), []);
}
