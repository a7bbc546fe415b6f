//! End-to-end: text lines in, `tables.statistics` and its checks out.

use super::*;
use govreport_document::layout::text_lines as lines;
use serde_json::Value as Json;

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
        [
            "主动公开政府信息数",
            "主动公开规范性文件数",
            "制发规范性文件总数",
            "收到申请数",
            "当面申请数",
            "传真申请数",
            "网络申请数",
            "依申请公开信息收取的费用"
        ]
    );
    assert_eq!(
        t.rows[0].text,
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"
    );
    assert_eq!(t.rows[0].values, [Json::from(18258)]);
    assert_eq!(t.printed["rows[0].values[0]"], "１８,258");
    assert_eq!(t.rows[0].parent.as_deref(), Some("主动公开情况"));
    assert_eq!(t.rows[1].parent.as_deref(), Some("主动公开政府信息数"));
    assert_eq!(t.rows[1].key.as_deref(), Some("active.published.normative"));
    assert_eq!(t.rows[4].parent.as_deref(), Some("收到申请数"));
    assert_eq!(t.rows[5].values, [Json::Null]);
    assert_eq!(t.rows[7].unit.as_deref(), Some("万元"));
    assert_eq!(t.rows[7].parent, None);
    assert_eq!(p.spans, vec![Range { start: 1, end: 13 }]);
    // 9 = 4 + blank + 5: skipped; 12 ≤ 18258: subset passes.
    let rules: Vec<(&str, &str)> = p
        .checks
        .iter()
        .map(|c| (c.rule.as_str(), c.status.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("statistics.parts_sum", "skipped"),
            ("statistics.subset", "pass")
        ]
    );
}

#[test]
fn a_total_that_does_not_add_up_fails_with_the_parent_cell() {
    let text = FORM.replace("2.传真申请数\t件\t—", "2.传真申请数\t件\t1");
    let p = parse(&lines(&text)).unwrap();
    let fail = p
        .checks
        .iter()
        .find(|c| c.status == govreport_model::codes::CheckStatus::Fail && c.path.is_some())
        .unwrap();
    assert_eq!(fail.rule.as_str(), "statistics.parts_sum");
    assert_eq!(
        fail.path,
        Some("tables.statistics.rows[3].values[0]".into())
    );
    assert_eq!(p.table.rows[3].values, [Json::from(9)]);
}

#[test]
fn a_report_without_the_header_has_no_table() {
    assert!(parse(&lines("一、概述\n四、行政复议数量\t件\t2")).is_none());
}

/// A line of cells at given x ranges (points), as a PDF page gives them.
fn placed(y: f32, cells: &[(&str, f32, f32)]) -> Line {
    Line {
        page: Some(1),
        y,
        size: 9.0,
        cells: cells
            .iter()
            .map(|(t, x0, x1)| govreport_document::layout::Cell {
                x0: *x0,
                x1: *x1,
                text: t.to_string(),
            })
            .collect(),
        frame: None,
    }
}

#[test]
fn the_last_rows_set_close_together_before_the_text_stay_apart() {
    // The table's last two rows stand closer to each other than to the text after it; each
    // has its numbered label and its unit, so they are two rows, not one spread over lines.
    let lines = [
        placed(
            100.0,
            &[
                ("指标名称", 100.0, 140.0),
                ("单位", 300.0, 318.0),
                ("统计数", 360.0, 387.0),
            ],
        ),
        placed(
            120.0,
            &[
                ("六、举报投诉数", 100.0, 163.0),
                ("件", 303.0, 312.0),
                ("11", 368.0, 378.0),
            ],
        ),
        placed(
            140.0,
            &[("七、收取费用总额", 100.0, 172.0), ("万元", 300.0, 318.0)],
        ),
        placed(
            160.0,
            &[
                ("八、政府信息公开专项经费", 100.0, 208.0),
                ("万元", 300.0, 318.0),
                ("9.7", 366.0, 380.0),
            ],
        ),
        placed(200.0, &[("四、政府信息公开的收费及减免情况", 110.0, 250.0)]),
    ];
    let got = labels_and_values(&parse(&lines).unwrap());
    assert_eq!(
        got,
        [
            ("举报投诉数".to_string(), vec![Json::from(11)]),
            ("收取费用总额".to_string(), vec![Json::Null]),
            ("政府信息公开专项经费".to_string(), vec![Json::from(9.7)])
        ]
    );
}

#[test]
fn a_label_run_on_into_the_unit_column_takes_its_bracket_back() {
    let lines = [
        placed(
            100.0,
            &[
                ("指标名称", 100.0, 140.0),
                ("单位", 300.0, 318.0),
                ("统计数", 360.0, 387.0),
            ],
        ),
        placed(
            120.0,
            &[
                ("（四）专项经费（不包括网站建设的经费", 100.0, 296.0),
                ("）万元", 297.0, 318.0),
                ("142.3", 360.0, 385.0),
            ],
        ),
        placed(140.0, &[("五、会议和培训情况", 100.0, 180.0)]),
        placed(
            160.0,
            &[
                ("（一）举办各类培训班数", 100.0, 200.0),
                ("次", 303.0, 312.0),
                ("3", 370.0, 375.0),
            ],
        ),
    ];
    let p = parse(&lines).unwrap();
    let rows = &p.table.rows;
    assert_eq!(rows[0].text, "（四）专项经费（不包括网站建设的经费）");
    assert_eq!(rows[0].unit.as_deref(), Some("万元"));
    assert_eq!(rows[1].label, "举办各类培训班数");
}

#[test]
fn a_row_centred_over_three_lines_is_joined_by_column() {
    // Chromium: cells centred vertically, 万元 wrapped in the narrow unit column, the long
    // label touching the unit column (one cell with 万), its end on the line below.
    let lines = [
        placed(
            10.0,
            &[
                ("统计指标", 100.0, 136.0),
                ("单位", 300.0, 318.0),
                ("统计数", 340.0, 367.0),
            ],
        ),
        placed(
            20.0,
            &[
                ("（三）从事工作人员数", 40.0, 130.0),
                ("人", 305.0, 314.0),
                ("26", 350.0, 359.0),
            ],
        ),
        placed(
            30.0,
            &[(
                "（四）专项经费（不包括用于政府公报编辑管理等方面万",
                40.0,
                295.0,
            )],
        ),
        placed(40.0, &[("6.3", 347.0, 360.0)]),
        placed(50.0, &[("的经费）", 40.0, 76.0), ("元", 305.0, 314.0)]),
        placed(
            60.0,
            &[(
                "本局将继续做好政府信息公开工作，不断提高工作水平。",
                40.0,
                400.0,
            )],
        ),
    ];
    let t = parse(&lines).unwrap().table;
    assert_eq!(t.rows.len(), 2);
    let r = &t.rows[1];
    assert_eq!(
        r.text,
        "（四）专项经费（不包括用于政府公报编辑管理等方面的经费）"
    );
    assert_eq!(
        (r.unit.as_deref(), r.values.clone()),
        (Some("万元"), vec![Json::from(6.3)])
    );
}

#[test]
fn many_repeated_headers_and_headings_stay_linear_and_shallow() {
    let mut text = String::from("统计指标\t单位\t统计数\n");
    for _ in 0..5_000 {
        text.push_str("统计指标\t单位\t统计数\n一、主动公开情况\n");
    }
    text.push_str("（一）收到申请数\t件\t1\n");
    let start = std::time::Instant::now();
    let p = parse(&lines(&text)).unwrap();
    assert_eq!(p.table.rows.len(), 1);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn a_unit_wrapped_below_a_top_aligned_row_is_completed() {
    // LibreOffice, narrow unit column: 人次 as 人 / 次, 万元 as 万 / 元, values on the first line.
    let lines = [
        placed(
            10.0,
            &[
                ("统计指标", 100.0, 136.0),
                ("单位", 300.0, 318.0),
                ("统计数", 340.0, 367.0),
            ],
        ),
        placed(
            20.0,
            &[
                ("网站专栏页面访问量", 40.0, 121.0),
                ("人", 305.0, 314.0),
                ("693", 347.0, 360.0),
            ],
        ),
        placed(30.0, &[("次", 305.0, 314.0)]),
        placed(
            40.0,
            &[
                ("专项经费（不包括网站", 40.0, 130.0),
                ("万", 305.0, 314.0),
                ("6.3", 347.0, 360.0),
            ],
        ),
        placed(50.0, &[("建设经费）", 40.0, 85.0), ("元", 305.0, 314.0)]),
        placed(
            60.0,
            &[
                ("接受培训人员数", 40.0, 103.0),
                ("人", 305.0, 314.0),
                ("12", 347.0, 356.0),
            ],
        ),
    ];
    let t = parse(&lines).unwrap().table;
    let rows: Vec<(&str, Option<&str>)> = t
        .rows
        .iter()
        .map(|r| (r.text.as_str(), r.unit.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("网站专栏页面访问量", Some("人次")),
            ("专项经费（不包括网站建设经费）", Some("万元")),
            ("接受培训人员数", Some("人"))
        ]
    );
}

fn labels_and_values(p: &Parsed) -> Vec<(String, Vec<Json>)> {
    p.table
        .rows
        .iter()
        .map(|r| (r.label.clone(), r.values.clone()))
        .collect()
}

#[test]
fn labels_wrapped_below_their_values_in_poor_text() {
    // Tab-separated text, the values on a label's first line; the last line completes a
    // known indicator, the signature after the table is not part of it.
    let text = "统计指标\t单位\t统计数
（一）收到申请数\t件\t9
1.当面申\t件\t4
请数
2.传真申请数\t件\t5
（二）接受培\t人次\t12
训人员数
本局办公室
2016年1月8日";
    let p = parse(&lines(text)).unwrap();
    let got = labels_and_values(&p);
    let want = [
        ("收到申请数", 9),
        ("当面申请数", 4),
        ("传真申请数", 5),
        ("接受培训人员数", 12),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((label, values), (l, v)) in got.iter().zip(want) {
        assert_eq!((label.as_str(), values.clone()), (l, vec![Json::from(v)]));
    }
}

#[test]
fn labels_wrapped_above_their_values_in_poor_text() {
    let text = "项目\t计量单位\t本年\t上年
其中：主动公开
规范性文件数\t条\t12\t10
（二）申请
办结数\t件\t7\t3
1.按时
办结数\t件\t5\t3";
    let p = parse(&lines(text)).unwrap();
    let labels: Vec<String> = labels_and_values(&p).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["主动公开规范性文件数", "申请办结数", "按时办结数"]);
    assert_eq!(p.table.rows[2].parent.as_deref(), Some("申请办结数"));
}

#[test]
fn labels_wrapped_in_poor_text_go_where_known_indicators_and_open_marks_say() {
    // Nothing in the table's layout shows where values sit: `其中:主` + `动公开规范性文件数`
    // and `（1）政府公报公开` + `政府信息数` make known indicators; `“非《规` is left open.
    let text = "序号\t项目\t本年\t单位\t代码
1\t其中:主\t44\t条\t103
\t动公开规范性文件数
2\t制发规范性文件总数\t14\t件\t104
\t（1）政府公报公开
3\t政府信息数\t604\t条\t105
4\t其中：“非《规\t4\t条\t605
\t定》所指政府信息”数
5\t网站专栏页面访问量\t16\t人次\t201";
    let p = parse(&lines(text)).unwrap();
    let labels: Vec<String> = labels_and_values(&p).into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        labels,
        [
            "主动公开规范性文件数",
            "制发规范性文件总数",
            "政府公报公开政府信息数",
            "“非《规定》所指政府信息”数",
            "网站专栏页面访问量"
        ]
    );
}

#[test]
fn a_row_whose_value_is_blank_between_its_wrapped_label_lines() {
    // The middle line holds the row's 序号, unit and code but no number (a blank value).
    let text = "序号\t事项\t2018年度\t计算单位\t编码
①\t政府公报公开政府信息数\t4,367\t条\t1-5
\t政府网站公开
②\t\t\t条\t1-6
\t政府信息数
③\t政务微博公开政府信息数\t3,865\t条\t1-7";
    let p = parse(&lines(text)).unwrap();
    let got = labels_and_values(&p);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got[1],
        ("政府网站公开政府信息数".to_string(), vec![Json::Null])
    );
    assert_eq!(p.table.rows[2].code.as_deref(), Some("1-7"));
}

#[test]
fn numbering_in_the_serial_column_nests_and_is_kept() {
    let text = "序号\t项目\t单位\t本年度\t上年度\t增减
一\t主动公开情况\t\t\t\t
（一）\t主动公开政府信息数\t条\t12\t10\t+2
1\t政府公报公开政府信息数\t条\t5\t4\t1
2\t政府网站公开政府信息数\t条\t7\t6\t1";
    let p = parse(&lines(text)).unwrap();
    let rows = &p.table.rows;
    assert_eq!(p.table.columns, ["本年度", "上年度", "增减"]);
    assert_eq!(
        (rows[0].serial.as_deref(), rows[0].text.as_str()),
        (Some("（一）"), "主动公开政府信息数")
    );
    assert_eq!(rows[0].parent.as_deref(), Some("主动公开情况"));
    assert_eq!(rows[1].parent.as_deref(), Some("主动公开政府信息数"));
    assert_eq!(rows[1].key.as_deref(), Some("active.channel.gazette"));
    // 5 + 7 = 12 and 4 + 6 = 10 hold; 增减 is a change column, not summed.
    assert!(
        p.checks.iter().all(|c| c.status.as_str() == "pass"),
        "{:?}",
        p.checks
    );
}

#[test]
fn a_row_set_over_lines_closer_than_the_rows_around_it_is_one_row() {
    // A PDF with padded cells, top-aligned: a heading with its code wraps onto a second
    // line, and the next row's label wraps below its values; the gaps tell them apart.
    let head = placed(
        10.0,
        &[
            ("内容", 100.0, 118.0),
            ("编码", 230.0, 248.0),
            ("单位", 270.0, 288.0),
            ("统计数", 320.0, 347.0),
        ],
    );
    let lines = [
        head,
        placed(
            26.0,
            &[
                ("（二）通过不同渠道和方式回应解读的情", 40.0, 220.0),
                ("B03", 232.0, 246.0),
            ],
        ),
        placed(37.0, &[("况", 40.0, 49.0)]),
        placed(
            53.0,
            &[
                ("1.参加或举办新闻发布会总次数(含部", 40.0, 220.0),
                ("B04", 232.0, 246.0),
                ("次", 274.0, 283.0),
                ("9", 330.0, 336.0),
            ],
        ),
        placed(64.0, &[("门网站)", 40.0, 76.0)]),
        placed(
            80.0,
            &[
                ("2.政府网站在线访谈次数", 40.0, 150.0),
                ("B05", 232.0, 246.0),
                ("次", 274.0, 283.0),
                ("4", 330.0, 336.0),
            ],
        ),
    ];
    let t = parse(&lines).unwrap().table;
    let rows: Vec<(&str, Option<&str>, Option<&str>)> = t
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.parent.as_deref(), r.code.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "参加或举办新闻发布会总次数",
                Some("通过不同渠道和方式回应解读的情况"),
                Some("B04")
            ),
            (
                "政府网站在线访谈次数",
                Some("通过不同渠道和方式回应解读的情况"),
                Some("B05")
            ),
        ]
    );
}

#[test]
fn a_plain_text_label_line_the_table_does_not_place_is_a_named_doubt() {
    // No numbering, no `其中`, nothing open: `的主动公开信息数` ends the row above (values on
    // a label's first line) or begins the next (a row centred over three lines); only the
    // words decide, so the rows it could belong to are named and the table is not certain.
    let text = "指标\t本年数\t上年数\t单位
主动公开信息数\t1895\t1368\t条
全文电子化\t18\t103\t条
的主动公开信息数
网站专栏页面\t194\t5308\t人次
访问量（不含重复）
现场接待人数\t5770\t5595\t人次";
    let p = parse(&lines(text)).unwrap();
    let doubts: Vec<&str> = p.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(doubts.len(), 1, "{doubts:?}");
    assert!(doubts[0].contains("rows[2]"), "{doubts:?}");
    assert_eq!(
        p.warnings[0].code,
        govreport_model::codes::WarningCode::CellPositionUncertain
    );
    // Numbered labels show the wrap (values first): the same lines are then no doubt.
    let numbered = text
        .replace("全文电子化", "1.全文电子化")
        .replace("网站专栏页面", "2.网站专栏页面")
        .replace("现场接待人数", "3.现场接待人数");
    let p = parse(&lines(&numbered)).unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let labels: Vec<String> = labels_and_values(&p).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels[1], "全文电子化的主动公开信息数");
}
