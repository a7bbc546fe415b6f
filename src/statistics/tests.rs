//! End-to-end: text lines in, `tables.statistics` and its checks out.

use super::*;
use crate::layout::text_line;

fn lines(text: &str) -> Vec<Line> {
    text.lines().enumerate().map(|(i, l)| text_line(l, i)).collect()
}

const FORM: &str = "附表
统计指标\t单位\t统计数
一、主动公开情况\t——\t——
（一）主动公开政府信息数（不同渠道和方式公开
相同信息计1条）\t条\t１８,258
其中：主动公开规范性文件数\t条\t12
制发规范性文件总数\t件\t15
三、依申请公开情况\t——\t——
（一）收到申请数\t件\t9
1.当面申请数\t件\t4
2.传真申请数\t件\t—
3.网络申请数\t件\t5
七、依申请公开信息收取的费用（万元）\t\t0
本局将继续做好政府信息公开工作。";

#[test]
fn the_form_is_read_with_parents_units_keys_and_printed_cells() {
    let p = parse(&lines(FORM)).unwrap();
    let t = &p.table;
    assert_eq!(t.columns, ["统计数"]);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["主动公开政府信息数", "主动公开规范性文件数", "制发规范性文件总数", "收到申请数", "当面申请数", "传真申请数", "网络申请数", "依申请公开信息收取的费用"]
    );
    assert_eq!(t.rows[0].text, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
    assert_eq!(t.rows[0].values, [Json::from(18258)]);
    assert_eq!(t.printed["rows[0].values[0]"], "１８,258");
    assert_eq!(t.rows[0].parent.as_deref(), Some("主动公开情况"));
    assert_eq!(t.rows[1].parent.as_deref(), Some("主动公开政府信息数"));
    assert_eq!(t.rows[1].key.as_deref(), Some("active.published.normative"));
    assert_eq!(t.rows[4].parent.as_deref(), Some("收到申请数"));
    assert_eq!(t.rows[5].values, [Json::Null]);
    assert_eq!(t.rows[7].unit.as_deref(), Some("万元"));
    assert_eq!(t.rows[7].parent, None);
    assert_eq!(p.spans, [1..13]);
    // 9 = 4 + blank + 5: skipped; 12 ≤ 18258: subset passes.
    let rules: Vec<(&str, &str)> = p.checks.iter().map(|c| (c.rule.as_str(), c.status.as_str())).collect();
    assert_eq!(rules, [("statistics.parts_sum", "skipped"), ("statistics.subset", "pass")]);
}

#[test]
fn a_total_that_does_not_add_up_fails_with_the_parent_cell() {
    let text = FORM.replace("2.传真申请数\t件\t—", "2.传真申请数\t件\t1");
    let p = parse(&lines(&text)).unwrap();
    let fail = p.checks.iter().find(|c| c.status == "fail" && c.path.is_some()).unwrap();
    assert_eq!(fail.rule, "statistics.parts_sum");
    assert_eq!(fail.path.as_deref(), Some("tables.statistics.rows[3].values[0]"));
    assert_eq!(p.table.rows[3].values, [Json::from(9)]);
}

#[test]
fn a_report_without_the_header_has_no_table() {
    assert!(parse(&lines("一、概述\n四、行政复议数量\t件\t2")).is_none());
}
