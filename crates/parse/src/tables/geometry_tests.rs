//! The tables rebuilt from hand-placed glyphs: the geometric variants real PDFs print
//! (vertical group label, labels wrapped around the values' baseline, a header broken
//! mid-word, ruling lines between tight cells, a page break with a running header and a
//! page number, blank cells placed by the header's columns), each with exact values.

use serde_json::{Value as Json, json};

use crate::tables::{active, applications, review};
use govreport_document::layout::{self, Glyph, Line, PageLayer, Rule, is_cjk};
use govreport_document::without_page_numbers;
use govreport_model::codes::{CheckStatus, WarningCode};

/// Hand-placed pages: text at positions, ruling lines.
#[derive(Default)]
struct Sheet {
    pages: Vec<PageLayer>,
}

impl Sheet {
    fn new_page(&mut self) {
        let number = self.pages.len() as u32 + 1;
        self.pages
            .push(PageLayer::new(number, 595.0, 842.0, Vec::new(), Vec::new()));
    }

    /// Writes `text` from `x` on baseline `y`; CJK glyphs are `size` wide, others half.
    fn text(&mut self, x: f32, y: f32, text: &str, size: f32) {
        let page = self.pages.last_mut().expect("a page");
        let mut x = x;
        for ch in text.chars() {
            let width = if is_cjk(ch) { size } else { size * 0.5 };
            page.glyphs.push(Glyph::new(ch, x, y, size, width));
            x += width;
        }
    }

    /// Writes `text` centred on `centre`.
    fn centred(&mut self, centre: f32, y: f32, text: &str, size: f32) {
        let width: f32 = text
            .chars()
            .map(|c| if is_cjk(c) { size } else { size * 0.5 })
            .sum();
        self.text(centre - width / 2.0, y, text, size);
    }

    fn vertical_rule(&mut self, x: f32, y0: f32, y1: f32) {
        let page = self.pages.last_mut().expect("a page");
        page.rules.push(Rule {
            x0: x,
            y0,
            x1: x,
            y1,
        });
    }

    fn lines(&self) -> Vec<Line> {
        without_page_numbers(self.pages.iter().flat_map(layout::lines).collect())
    }
}

/// 表三 value columns: left edge of column `c`, 34 pt wide, so values sit close together.
fn column(c: usize) -> f32 {
    250.0 + c as f32 * 34.0
}

/// The printed labels of 表三 (（六） as one row): (group label, own label, wrapped tail;
/// `|` wraps the tail once more).
const LABELS: [(&str, &str, &str); 23] = [
    ("", "一、本年新收政府信息公开申请数量", ""),
    ("", "二、上年结转政府信息公开申请数量", ""),
    ("", "（一）予以公开", ""),
    (
        "",
        "（二）部分公开（区分处理的，",
        "只计这一情形，不计其他情形）",
    ),
    ("（三）不予公开", "1.属于国家秘密", ""),
    ("", "2.其他法律行政法规禁止", "公开"),
    ("", "3.危及“三安全一稳定”", ""),
    ("", "4.保护第三方合法权益", ""),
    ("", "5.属于三类内部事务信息", ""),
    ("", "6.属于四类过程性信息", ""),
    ("", "7.属于行政执法案卷", ""),
    ("", "8.属于行政查询事项", ""),
    ("（四）无法提供", "1.本机关不掌握相关政府", "信息"),
    ("", "2.没有现成信息需要另行制作", ""),
    ("", "3.补正后申请内容仍不明确", ""),
    ("（五）不予处理", "1.信访举报投诉类申请", ""),
    ("", "2.重复申请", ""),
    ("", "3.要求提供公开出版物", ""),
    ("", "4.无正当理由大量反复申请", ""),
    ("", "5.要求行政机关确认或", "重新出具已获|取信息"),
    ("", "（六）其他处理", ""),
    ("", "（七）总计", ""),
    ("", "四、结转下年度继续办理", ""),
];

/// A consistent 表三: 23 rows × 7 columns under every rule (zeros printed as `0`).
fn values() -> Vec<[i64; 7]> {
    let outcomes = |c: i64| -> [i64; 19] {
        [
            5 + c,
            2,
            1,
            0,
            0,
            3,
            0,
            0,
            0,
            0,
            1 + c % 2,
            0,
            0,
            0,
            4,
            0,
            0,
            0,
            1,
        ]
    };
    let mut rows = vec![[0i64; 7]; 23];
    for c in 0..6 {
        let o = outcomes(c as i64);
        let total: i64 = o.iter().sum();
        let mut column = vec![total + 1 + c as i64, 1];
        column.extend(o);
        column.extend([total, 2 + c as i64]);
        for (row, v) in rows.iter_mut().zip(column) {
            row[c] = v;
        }
    }
    for row in &mut rows {
        row[6] = row[..6].iter().sum();
    }
    rows
}

/// Draws 表三 from `top`, with or without ruling lines; rows from `break_at` on go to a new
/// page that starts with a running header, and the first page ends with a page number.
fn draw_applications(sheet: &mut Sheet, top: f32, break_at: usize, ruled: bool) {
    sheet.text(32.0, top, "（本列数据的勾稽关系为：", 8.0);
    sheet.centred(column(3) + 17.0, top, "申请人情况", 8.0);
    sheet.centred(column(0) + 17.0, top + 16.0, "自然人", 8.0);
    sheet.centred(column(3) + 17.0, top + 16.0, "法人或其他组织", 8.0);
    sheet.centred(column(6) + 17.0, top + 16.0, "总计", 8.0);
    for (c, head) in ["商业企", "科研机构", "社会公益", "法律服务", "其他"]
        .iter()
        .enumerate()
    {
        sheet.centred(column(c + 1) + 17.0, top + 30.0, head, 7.0);
    }
    for (c, tail) in [(1, "业"), (3, "组织"), (4, "机构")] {
        sheet.centred(column(c) + 17.0, top + 39.0, tail, 7.0);
    }
    let rows = values();
    let mut y = top + 60.0;
    let mut page_top = top;
    for (r, (group, label, tail)) in LABELS.iter().enumerate() {
        if r == break_at {
            sheet.text(290.0, 800.0, "- 5 -", 9.0);
            if ruled {
                rules(sheet, page_top, y);
            }
            sheet.new_page();
            sheet.text(150.0, 40.0, "测试县2023年政府信息公开工作年度报告", 8.0);
            y = 80.0;
            page_top = 70.0;
        }
        let x = if group.is_empty() && r < 2 || r > 20 {
            32.0
        } else {
            122.0
        };
        if !group.is_empty() {
            sheet.text(54.0, y, group, 8.0);
        }
        if tail.is_empty() {
            sheet.text(x, y, label, 8.0);
        } else {
            sheet.text(x, y - 6.0, label, 8.0);
            for (i, part) in tail.split('|').enumerate() {
                sheet.text(x, y + 6.0 + i as f32 * 6.0, part, 8.0);
            }
        }
        for (c, v) in rows[r].iter().enumerate() {
            sheet.centred(column(c) + 17.0, y, &v.to_string(), 9.0);
        }
        y += 22.0;
    }
    if ruled {
        rules(sheet, page_top, y);
    }
}

/// The vertical rules of 表三's value columns, from `y0` to `y1`.
fn rules(sheet: &mut Sheet, y0: f32, y1: f32) {
    for c in 0..=7 {
        sheet.vertical_rule(column(c), y0, y1);
    }
}

/// The vertical group label 三、本年度办理结果, one character per line, down rows 2–12.
fn draw_vertical_label(sheet: &mut Sheet, top: f32) {
    for (i, ch) in "三、本年度办理结果".chars().enumerate() {
        sheet.text(
            36.0,
            top + 60.0 + 44.0 + i as f32 * 25.0,
            &ch.to_string(),
            8.0,
        );
    }
}

/// Asserts every cell of a parsed 表三 against [`values`], every check passing.
fn assert_exact(lines: &[Line]) {
    let t = applications::parse(lines).expect("表三 is found");
    let expected = values();
    let table = json!(t.table);
    let rows = table["rows"].as_object().expect("rows");
    for (r, (key, got)) in rows.iter().enumerate() {
        let want: Vec<Json> = expected[r].iter().map(|v| json!(v)).collect();
        assert_eq!(got, &Json::Array(want), "row {key}");
    }
    assert_eq!(t.table.rows.len(), 23);
    assert!(
        t.checks.iter().all(|c| c.status == CheckStatus::Pass),
        "{:?}",
        t.checks
    );
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn applications_from_glyphs_every_cell_exact_across_a_page_break() {
    let mut sheet = Sheet::default();
    sheet.new_page();
    draw_vertical_label(&mut sheet, 100.0);
    draw_applications(&mut sheet, 100.0, 13, true);
    assert_exact(&sheet.lines());
}

#[test]
fn applications_without_ruling_lines_on_one_page() {
    let mut sheet = Sheet::default();
    sheet.new_page();
    draw_vertical_label(&mut sheet, 60.0);
    draw_applications(&mut sheet, 60.0, usize::MAX, false);
    assert_exact(&sheet.lines());
}

#[test]
fn values_closer_than_a_gap_are_split_by_the_ruling_line_between_them() {
    let mut sheet = Sheet::default();
    sheet.new_page();
    sheet.text(32.0, 100.0, "（一）予以公开", 8.0);
    for c in 0..7 {
        // Right-aligned in even columns, left-aligned in odd ones: 2 pt apart across a rule.
        let x = if c % 2 == 0 {
            column(c + 1) - 19.0
        } else {
            column(c) + 1.0
        };
        sheet.text(x, 100.0, "1234", 9.0);
    }
    rules(&mut sheet, 90.0, 110.0);
    let cells: Vec<String> = sheet.lines()[0]
        .cells
        .iter()
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(cells.len(), 8, "{cells:?}");
}

/// 表二 (2021) with its header and the 规章 row missing its middle cell.
#[test]
fn a_blank_active_disclosure_cell_is_placed_by_the_header_columns() {
    let mut sheet = Sheet::default();
    sheet.new_page();
    let centres = [260.0, 340.0, 420.0];
    sheet.text(40.0, 100.0, "信息内容", 9.0);
    for (x, head) in centres
        .iter()
        .zip(["本年制发件数", "本年废止件数", "现行有效件数"])
    {
        sheet.centred(*x, 100.0, head, 9.0);
    }
    sheet.text(40.0, 120.0, "规章", 9.0);
    sheet.centred(centres[0], 120.0, "3", 9.0);
    sheet.centred(centres[2], 120.0, "20", 9.0);
    sheet.text(40.0, 140.0, "行政规范性文件", 9.0);
    sheet.centred(centres[1], 140.0, "4", 9.0);
    let t = active::parse(
        &sheet.lines(),
        govreport_model::template::Template::Format2021,
    )
    .expect("表二 is found");
    assert_eq!(
        json!(t.table)["regulations"],
        json!({"issued": 3, "repealed": null, "in_force": 20})
    );
    assert_eq!(
        json!(t.table)["normative_documents"],
        json!({"issued": null, "repealed": 4, "in_force": null})
    );
    assert_eq!(json!(t.table)["printed"]["regulations.repealed"], "");
    assert!(
        !t.warnings
            .iter()
            .any(|w| w.code == WarningCode::CellPositionUncertain),
        "{:?}",
        t.warnings
    );
}

/// 表四 with three blank cells, placed by the fifteen column headings above the row.
#[test]
fn blank_review_cells_are_placed_by_the_header_columns() {
    let mut sheet = Sheet::default();
    sheet.new_page();
    let x = |i: usize| 40.0 + i as f32 * 36.0;
    sheet.centred(x(2), 100.0, "行政复议", 8.0);
    sheet.centred(x(9), 100.0, "行政诉讼", 8.0);
    sheet.centred(x(7), 114.0, "未经复议直接起诉", 7.0);
    sheet.centred(x(12), 114.0, "复议后起诉", 7.0);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    for i in 0..15 {
        sheet.centred(x(i), 128.0, heads[i % 5], 7.0);
    }
    let printed = [
        "2", "1", "", "0", "3", "4", "", "1", "0", "5", "", "0", "0", "1", "1",
    ];
    for (i, v) in printed.iter().enumerate() {
        sheet.centred(x(i), 150.0, v, 9.0);
    }
    let t = review::parse(&sheet.lines()).expect("表四 is found");
    assert_eq!(
        json!(t.table)["litigation_direct"],
        json!({"upheld": 4, "corrected": null, "other": 1, "pending": 0, "total": 5})
    );
    assert_eq!(json!(t.table)["administrative_review"]["other"], Json::Null);
    assert_eq!(json!(t.table)["litigation_after_review"]["total"], 1);
    assert!(
        t.checks.iter().all(|c| c.status == CheckStatus::Pass),
        "{:?}",
        t.checks
    );
}
