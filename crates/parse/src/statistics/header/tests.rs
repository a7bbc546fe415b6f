//! Header forms: every column role in any order, names wrapped over lines, two-row headers.

use super::*;
use govreport_document::layout::{Cell, text_line, text_lines as lines};

fn roles(h: &Header) -> Vec<Role> {
    h.columns.iter().map(|c| c.role).collect()
}

#[test]
fn one_or_two_value_columns_and_a_code_column() {
    let h = find(&text_line("统计指标\t单位\t统计数", 0)).unwrap();
    assert_eq!(h.names(), ["统计数"]);
    assert_eq!(h.index(Role::Code), None);
    let h = find(&text_line(
        "指标名称  计量单位  代码  本期实际  本年累计",
        0,
    ))
    .unwrap();
    assert_eq!(h.names(), ["本期实际", "本年累计"]);
    assert_eq!(h.index(Role::Code), Some(2));
    let h = find(&text_line("序号 统计指标  单位  统计数", 0)).unwrap();
    assert_eq!(h.index(Role::Serial), Some(0));
    assert!(find(&text_line("本单位共有工作人员 3 人", 0)).is_none());
    assert!(is_column_index(&text_line("甲  乙  丙  1  2", 0)));
}

#[test]
fn roles_in_any_order() {
    use Role::*;
    let cases: [(&str, &[Role]); 7] = [
        (
            "指标名称\t代码\t计量单位\t本年\t历年累计",
            &[Label, Code, Unit, Value, Value],
        ),
        (
            "代码\t项目\t单位\t本期实际\t本年累计",
            &[Code, Label, Unit, Value, Value],
        ),
        (
            "统计项目\t本期\t累计\t计量单位",
            &[Label, Value, Value, Unit],
        ),
        (
            "序号\t内容\t指标代码\t单位\t数量",
            &[Serial, Label, Code, Unit, Value],
        ),
        ("指标\t本年\t上年\t同比", &[Label, Value, Value, Value]),
        ("项目\t编码\t2014年\t2015年", &[Label, Code, Value, Value]),
        ("统计指标\t单位\t统计数\t备注", &[Label, Unit, Value, Note]),
    ];
    for (text, want) in cases {
        let h = find(&text_line(text, 0)).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(roles(&h), want, "{text}");
    }
    let h = find(&text_line("指标\t本年\t上年\t同比", 0)).unwrap();
    assert_eq!(h.changes(), [false, false, true]);
}

#[test]
fn what_is_not_a_header() {
    for text in [
        "项目\t单位",                                       // no value column
        "统计指标\t指标名称\t统计数",                       // two indicator columns
        "一、主动公开情况\t——\t——",                         // a heading row
        "主动公开信息数\t条\t25",                           // a row
        "附表\t统计指标\t统计数\t说明文字很长很长很长很长", // a long word
    ] {
        assert!(find(&text_line(text, 0)).is_none(), "{text}");
    }
}

#[test]
fn a_letter_spaced_header_with_its_unit_on_the_next_line() {
    let lines = lines(
        "指 标 名 称       计量   代码   本期实际   本年累计
                  单位
甲                乙     丙     1          2",
    );
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["本期实际", "本年累计"]);
    assert_eq!(h.columns[1].name, "计量单位");
    assert_eq!(next, 2);
    assert!(is_column_index(&lines[2]));
}

#[test]
fn a_header_wrapped_over_three_lines_is_joined_by_column() {
    let lines = lines(
        "序                      单   统计
       统计指标
号                      位   数
1   一、主动公开情况    ——  ——",
    );
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(
        (h.names(), h.index(Role::Serial), next),
        (vec!["统计数".to_string()], Some(0), 3)
    );
    assert!(find_at(&lines, 3).is_none());
}

#[test]
fn a_header_whose_first_line_holds_only_the_tops_of_wrapped_names() {
    // 行/次 and 上半/年, 单/位: the first line names no column by itself.
    let lines = lines(
        "行\t\t上半\t\t\t单
次\t项目名称\t\t下半年\t全年\t位\t代码
\t\t年
1\t一、主动公开情况\t——\t——\t——\t——\t1",
    );
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["上半年", "下半年", "全年"]);
    assert_eq!(h.columns[0].name, "行次");
    assert_eq!(h.columns[5].name, "单位");
    assert_eq!(next, 3);
    // A line that names nothing, before one that names nothing either, starts no header.
    assert!(find_at(&lines, 2).is_none());
}

#[test]
fn a_two_row_header_in_tab_separated_text_keeps_the_leaf_names() {
    let lines = lines("统计\t单位\t代码\t数值\n指标\t\t\t本期\t累计\n甲\t乙\t丙\t1\t2");
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["本期", "累计"]);
    assert_eq!(h.columns[0].name, "统计指标");
    assert_eq!(next, 2);
}

#[test]
fn a_group_over_its_columns_wrapped_in_aligned_text() {
    // 数量 over 本年度 | 上年度 | 增减, with 计量/单位 and 本年/度 wrapped and centred.
    let lines = lines(
        "                                                             数量
                                    计量
            指标名称                           本年          上年
                                    单位                                   增减
                                                度            度",
    );
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["本年度", "上年度", "增减"]);
    assert_eq!(h.columns[1].name, "计量单位");
    assert_eq!(next, 5);
}

/// A line of cells at given x ranges, as a PDF page or an HTML table gives them.
fn placed(cells: &[(&str, f32, f32)]) -> Line {
    Line {
        page: Some(1),
        y: 0.0,
        size: 9.0,
        frame: None,
        cells: cells
            .iter()
            .map(|(t, x0, x1)| Cell {
                x0: *x0,
                x1: *x1,
                text: t.to_string(),
            })
            .collect(),
    }
}

#[test]
fn a_group_cell_spanning_its_columns_is_left_out() {
    // HTML: 统计数 with colspan=2 over 本年 | 历年累计.
    let lines = [
        placed(&[
            ("统计指标", 0.0, 10.0),
            ("单位", 10.0, 20.0),
            ("统计数", 20.0, 40.0),
        ]),
        placed(&[("本年", 20.0, 30.0), ("历年累计", 30.0, 40.0)]),
    ];
    let (h, _) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["本年", "历年累计"]);
    assert_eq!(h.bounds, [10.0, 20.0, 30.0]);
}

#[test]
fn a_group_name_centred_between_its_columns_is_left_out() {
    // PDF, merged header cell: 统计数 centred over the boundary of 本年 | 上年.
    let lines = [
        placed(&[
            ("统计指标", 120.0, 156.0),
            ("单位", 300.0, 318.0),
            ("统计数", 371.0, 398.0),
        ]),
        placed(&[("本年", 336.0, 354.0), ("上年", 416.0, 434.0)]),
    ];
    let (h, _) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["本年", "上年"]);
}

#[test]
fn a_group_name_over_year_columns_joined_to_one_of_them_is_cut_off() {
    // PDF: 统计数据 over 2013年 | 2014年, overlapping 2013年 more (统计数据2013年 as one
    // name has a year's digits inside it).
    let lines = [
        placed(&[
            ("统计项目", 120.0, 156.0),
            ("代码", 250.0, 268.0),
            ("单位", 290.0, 308.0),
            ("统计数据", 330.0, 366.0),
        ]),
        placed(&[("2013年", 316.0, 346.0), ("2014年", 356.0, 386.0)]),
    ];
    let (h, _) = find_at(&lines, 0).unwrap();
    assert_eq!(h.names(), ["2013年", "2014年"]);
}

#[test]
fn a_unit_name_wrapped_over_four_lines_and_more_names() {
    // 行次 | 项目名称 | 计/量/单/位 | 本期数 | 增长率(%) | 备注, middle-aligned text.
    let lines = lines(
        "                          计
行次     项目名称         量     本期数    增长率    备注
                          单                (%)
                          位",
    );
    let (h, next) = find_at(&lines, 0).unwrap();
    assert_eq!(
        roles(&h),
        [
            Role::Serial,
            Role::Label,
            Role::Unit,
            Role::Value,
            Role::Value,
            Role::Note
        ]
    );
    assert_eq!(h.columns[2].name, "计量单位");
    assert_eq!(h.names(), ["本期数", "增长率(%)"]);
    assert_eq!(h.changes(), [false, true]);
    assert_eq!(next, 4);
}

#[test]
fn a_header_starts_on_a_line_that_names_a_column() {
    // `次` (the rest of a unit wrapped in the row above) is not the start of the repeated
    // header below it, though alone it looks like a header word.
    let lines = lines("                  次\n统计指标          单位    统计数");
    assert!(find_at(&lines, 0).is_none());
    assert_eq!(find_at(&lines, 1).map(|(_, next)| next), Some(2));
    // Nor is a caption above the header part of it.
    let lines = self::lines("附表\t\t\n统计指标\t单位\t统计数");
    assert!(find_at(&lines, 0).is_none());
}
