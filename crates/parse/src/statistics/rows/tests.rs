//! Rows read against their header: indicator, unit, code, values, headings.

use super::*;
use govreport_document::layout::text_line;

fn header(text: &str) -> Header {
    header::find(&text_line(text, 0)).unwrap()
}

fn row(text: &str, h: &Header) -> RawRow {
    match read(&text_line(text, 1), 1, h) {
        Read::Row(r) => r,
        other => panic!("{other:?}"),
    }
}

fn numbers(r: &RawRow) -> Vec<Option<f64>> {
    r.values
        .iter()
        .map(|v| v.as_ref().and_then(|v| v.number.as_ref()?.as_f64()))
        .collect()
}

#[test]
fn unit_code_and_values_are_told_apart() {
    let h = header("指标名称\t计量单位\t代码\t本期实际\t本年累计");
    let r = row("其中:1.当面申请数\t条\t11\t3\t18,258", &h);
    assert_eq!(r.text, "其中:1.当面申请数");
    assert_eq!(
        (r.unit.as_deref(), r.code.as_deref()),
        (Some("条"), Some("11"))
    );
    assert_eq!(numbers(&r), [Some(3.0), Some(18258.0)]);
    assert_eq!(
        r.values[1].as_ref().unwrap().printed.as_deref(),
        Some("18,258")
    );
}

#[test]
fn a_code_before_the_unit_is_not_glued_to_the_label() {
    let h = header("指标名称\t代码\t单位\t本年\t历年累计");
    let r = row("主动公开规范性文件数\t02\t条\t12\t30", &h);
    assert_eq!(
        (r.text.as_str(), r.code.as_deref()),
        ("主动公开规范性文件数", Some("02"))
    );
    let h = header("代码\t项目\t单位\t统计数");
    let r = row("A01\t主动公开信息数\t条\t5", &h);
    assert_eq!(
        (r.text.as_str(), r.code.as_deref()),
        ("主动公开信息数", Some("A01"))
    );
}

#[test]
fn numbering_in_the_serial_column_is_kept_apart() {
    let h = header("序号\t项目\t计量单位\t本年度\t上年度\t增减");
    let r = row("（一）\t主动公开政府信息数\t条\t12\t10\t+2", &h);
    assert_eq!(
        (r.serial.as_deref(), r.text.as_str()),
        (Some("（一）"), "主动公开政府信息数")
    );
    assert_eq!(numbers(&r), [Some(12.0), Some(10.0), Some(2.0)]);
    match read(&text_line("一\t主动公开情况\t\t\t\t", 2), 2, &h) {
        Read::Text(t) => assert_eq!(
            (t.serial.as_deref(), t.text.as_str()),
            (Some("一"), "主动公开情况")
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_unit_column_units_in_the_labels() {
    let h = header("指标名称\t本期\t累计");
    let r = row("（一）主动公开政府信息数（条）\t—\t4,884", &h);
    assert_eq!(r.unit, None);
    assert_eq!(numbers(&r), [None, Some(4884.0)]);
    assert!(!r.is_heading());
}

#[test]
fn headings_and_blank_values() {
    let h = header("统计指标\t单位\t统计数");
    assert!(row("一、主动公开情况\t——\t——", &h).is_heading());
    let r = row("四、行政复议数量\t件\t2", &h);
    assert!(!r.is_heading());
    let r = row("1.政府公报公开政府信息数\t条\t—", &h);
    assert_eq!(r.values[0].as_ref().unwrap().printed.as_deref(), Some("—"));
    assert!(!r.is_heading());
    let r = row("七、依申请公开信息收取的费用（万元）\t\t0.5", &h);
    assert_eq!(r.unit, None);
    match read(&text_line("（不同渠道和方式公开相同信息计1条）", 2), 2, &h) {
        Read::Text(t) => assert_eq!(t.text, "（不同渠道和方式公开相同信息计1条）"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        read(&text_line("统计指标\t单位\t统计数", 3), 3, &h),
        Read::Skip
    );
}
