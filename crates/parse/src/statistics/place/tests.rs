//! Cells to columns: by position, and by order and content where positions mislead.

use super::*;
use crate::statistics::header;
use govreport_document::layout::text_line;

fn header(text: &str) -> Header {
    header::find(&text_line(text, 0)).unwrap()
}

fn texts(p: &Placed) -> Vec<String> {
    p.columns.iter().map(|c| c.concat()).collect()
}

#[test]
fn tab_fields_stand_in_their_columns_and_a_blank_stays_blank() {
    let h = header("指标名称\t代码\t计量单位\t本年\t历年累计");
    let p = place(&text_line("主动公开规范性文件数\t02\t条\t\t18", 1), &h);
    assert_eq!(texts(&p), ["主动公开规范性文件数", "02", "条", "", "18"]);
    assert!(!p.guessed);
    let p = place(&text_line("主动公开规范性文件数\t02\t条\t7", 1), &h);
    assert_eq!(texts(&p), ["主动公开规范性文件数", "02", "条", "7", ""]);
}

#[test]
fn the_unit_after_the_values_and_percentages() {
    let h = header("统计项目\t本年\t上年\t同比\t计量单位");
    let p = place(&text_line("主动公开信息数\t2,370\t844\t180.8%\t条", 1), &h);
    assert_eq!(
        texts(&p),
        ["主动公开信息数", "2,370", "844", "180.8%", "条"]
    );
    let v = value("180.8%").unwrap();
    assert_eq!(
        (v.number.unwrap().as_f64(), v.printed.as_deref()),
        (Some(180.8), Some("180.8%"))
    );
}

#[test]
fn aligned_text_places_a_blank_by_position() {
    let h = header("指标名称            单位      本年      上年      增减");
    let p = place(
        &text_line(
            "其中：政府网站公开信息数  条                  841       -144",
            1,
        ),
        &h,
    );
    assert_eq!(
        texts(&p),
        ["其中：政府网站公开信息数", "条", "", "841", "-144"]
    );
}

#[test]
fn misplaced_cells_are_read_by_order_and_content() {
    // Positions say nothing (one long cell run together): the code and unit still go
    // to their columns, the missing value column is a guess.
    let h = header("指标名称\t计量单位\t代码\t本年\t累计");
    let line = text_line("其中：主动公开规范性文件数 条 A01 12", 1);
    let p = place(&line, &h);
    assert_eq!(texts(&p)[..3], ["其中：主动公开规范性文件数", "条", "A01"]);
    assert!(p.guessed);
}

#[test]
fn what_fits_where() {
    assert!(fits(Role::Code, "A01") && fits(Role::Code, "1.1") && fits(Role::Code, "101"));
    assert!(!fits(Role::Code, "条"));
    assert!(fits(Role::Serial, "（一）") && fits(Role::Serial, "一") && fits(Role::Serial, "12"));
    assert!(!fits(Role::Serial, "1、当面申请数"));
    assert!(fits(Role::Unit, "人次") && fits(Role::Unit, "——") && !fits(Role::Unit, "12"));
    assert!(fits(Role::Value, "１，２３４") && fits(Role::Value, "+3") && fits(Role::Value, "/"));
    assert!(!fits(Role::Value, "条"));
}

/// A line of cells on the HTML column grid (10 per column).
fn grid(cells: &[&str]) -> Line {
    Line {
        page: None,
        y: 0.0,
        size: 1.0,
        frame: None,
        cells: cells
            .iter()
            .enumerate()
            .map(|(i, t)| Cell {
                x0: i as f32 * 10.0,
                x1: (i + 1) as f32 * 10.0,
                text: t.to_string(),
            })
            .collect(),
    }
}

#[test]
fn html_cells_stand_in_their_grid_columns_and_remarks_are_kept_apart() {
    let h = header::find(&grid(&[
        "序号", "内容", "编码", "单位", "本年", "上年", "备注",
    ]))
    .unwrap();
    let p = place(
        &grid(&[
            "3",
            "其中：主动公开规范性文件数",
            "A03",
            "条",
            "",
            "12",
            "含转办",
        ]),
        &h,
    );
    assert_eq!(
        texts(&p),
        [
            "3",
            "其中：主动公开规范性文件数",
            "A03",
            "条",
            "",
            "12",
            "含转办"
        ]
    );
    // A heading across the table (colspan) belongs to the indicator's column.
    let mut heading = grid(&["一", "二、依申请公开情况"]);
    heading.cells[1].x1 = 70.0;
    assert_eq!(
        texts(&place(&heading, &h))[..2],
        ["一", "二、依申请公开情况"]
    );
}
