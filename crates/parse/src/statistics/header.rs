//! The statistics table's header line (统计指标 | 单位 | 统计数, or 指标名称 | 计量单位 | 代码 |
//! 本期实际 | 本年累计): which columns hold values, and where they stand.

use govreport_document::layout::{Cell, Line};
use govreport_document::without_whitespace;

/// What the header says about the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The value columns' headers as printed, whitespace removed.
    pub columns: Vec<String>,
    /// Horizontal centres of the value columns, in the header's order.
    pub centres: Vec<f32>,
    /// Centre of the `代码` column, when there is one.
    pub code: Option<f32>,
    /// The table starts with a `序号` column.
    pub numbered: bool,
    /// Centre of the unit column.
    pub unit: f32,
    /// Where the unit column begins: cells centred left of it are the indicator's.
    pub unit_left: f32,
}

/// A header token with its horizontal centre.
struct Token {
    text: String,
    x: f32,
}

fn tokens(line: &Line) -> Vec<Token> {
    let mut out = Vec::new();
    for cell in &line.cells {
        let parts = spaced_words(&cell.text);
        let step = (cell.x1 - cell.x0) / parts.len().max(1) as f32;
        for (i, p) in parts.iter().enumerate() {
            out.push(Token {
                text: without_whitespace(p),
                x: cell.x0 + step * (i as f32 + 0.5),
            });
        }
    }
    out
}

/// A cell's words: split at spaces, except that a run of single characters is one
/// letter-spaced word (`指 标 名 称`).
fn spaced_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut single = false;
    for w in text.split_whitespace() {
        let one = w.chars().count() == 1;
        match out.last_mut() {
            Some(last) if one && single => last.push_str(w),
            _ => out.push(w.to_string()),
        }
        single = one;
    }
    out
}

/// Reads a header line: an indicator column (`指标`, `项目`), a unit column (`单位`), and
/// at least one value column after it.
pub fn find(line: &Line) -> Option<Header> {
    let tokens = tokens(line);
    let unit = tokens.iter().position(|t| t.text.ends_with("单位"))?;
    let names = ["指标", "项目", "名称"];
    if !tokens[..unit]
        .iter()
        .any(|t| names.iter().any(|n| t.text.contains(n)))
    {
        return None;
    }
    let unit_x = tokens[unit].x;
    let next = tokens.get(unit + 1).map_or(unit_x + 20.0, |t| t.x);
    let mut header = Header {
        columns: Vec::new(),
        centres: Vec::new(),
        code: None,
        numbered: tokens[0].text == "序号",
        unit: unit_x,
        unit_left: unit_x - (next - unit_x) / 2.0,
    };
    for t in &tokens[unit + 1..] {
        if ["代码", "编码", "代号"].contains(&t.text.as_str()) {
            header.code = Some(t.x);
        } else {
            header.columns.push(t.text.clone());
            header.centres.push(t.x);
        }
    }
    (!header.columns.is_empty() && header.columns.len() <= 4).then_some(header)
}

/// A header printed over up to three lines (narrow columns wrap `单位` into `单` / `位`):
/// the header and the index of the line after it.
pub fn find_at(lines: &[Line], at: usize) -> Option<(Header, usize)> {
    (1..=3).take_while(|k| at + k <= lines.len()).find_map(|k| {
        let window = &lines[at..at + k];
        if k == 1 {
            return find(&window[0]).map(|h| (h, at + 1));
        }
        // Every line a fragment: none is a header alone, none is a wide row of cells.
        let fragments = window
            .iter()
            .all(|l| l.cells.len() <= 8 && find(l).is_none());
        find(&merged(window))
            .filter(|_| fragments)
            .map(|h| (h, at + k))
    })
}

/// The lines' cells joined column by column: cells whose spans overlap are one column,
/// their texts in line order.
pub fn merged(lines: &[Line]) -> Line {
    let mut cells: Vec<Cell> = Vec::new();
    for line in lines {
        for c in &line.cells {
            match cells.iter_mut().find(|m| c.x0 < m.x1 && m.x0 < c.x1) {
                Some(m) => {
                    m.text.push_str(&c.text);
                    m.x0 = m.x0.min(c.x0);
                    m.x1 = m.x1.max(c.x1);
                }
                None => cells.push(c.clone()),
            }
        }
    }
    cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    Line {
        cells,
        ..lines[0].clone()
    }
}

/// A table row spread over several lines (cells centred vertically, wrapped): the cells
/// left of the unit column joined by overlap (序号, the indicator), those right of it
/// joined by the nearest column (unit, 代码, values), texts in line order.
pub fn spread(lines: &[Line], h: &Header) -> Line {
    let centre = |c: &Cell| (c.x0 + c.x1) / 2.0;
    let split: Vec<Line> = lines
        .iter()
        .map(|l| Line {
            cells: l.cells.iter().flat_map(|c| cut(c, h.unit_left)).collect(),
            ..l.clone()
        })
        .collect();
    let left: Vec<Line> = split
        .iter()
        .map(|l| Line {
            cells: l
                .cells
                .iter()
                .filter(|c| centre(c) < h.unit_left)
                .cloned()
                .collect(),
            ..l.clone()
        })
        .collect();
    let mut out = merged(&left);
    let mut columns = vec![h.unit];
    columns.extend(h.code);
    columns.extend(&h.centres);
    let mut right: Vec<Option<Cell>> = vec![None; columns.len()];
    for c in split
        .iter()
        .flat_map(|l| &l.cells)
        .filter(|c| centre(c) >= h.unit_left)
    {
        let at = (0..columns.len())
            .min_by(|&a, &b| {
                (columns[a] - centre(c))
                    .abs()
                    .total_cmp(&(columns[b] - centre(c)).abs())
            })
            .unwrap_or(0);
        match &mut right[at] {
            Some(m) => m.text.push_str(&c.text),
            slot => *slot = Some(c.clone()),
        }
    }
    out.cells.extend(right.into_iter().flatten());
    out
}

/// A cell of evenly wide characters that runs from the indicator column into the unit
/// column (no gap or rule between them), cut where that column begins.
fn cut(cell: &Cell, at: f32) -> Vec<Cell> {
    let chars: Vec<char> = cell.text.chars().collect();
    let width = (cell.x1 - cell.x0) / chars.len().max(1) as f32;
    let k = ((at - cell.x0) / width).round();
    if cell.x0 >= at || cell.x1 < at + width / 2.0 || k < 1.0 || k as usize >= chars.len() {
        return vec![cell.clone()];
    }
    let k = k as usize;
    let x = cell.x0 + width * k as f32;
    vec![
        Cell {
            x0: cell.x0,
            x1: x,
            text: chars[..k].iter().collect(),
        },
        Cell {
            x0: x,
            x1: cell.x1,
            text: chars[k..].iter().collect(),
        },
    ]
}

/// The line under some headers that names the columns 甲 乙 丙 1 2.
pub fn is_column_index(line: &Line) -> bool {
    let tokens = tokens(line);
    tokens.iter().any(|t| t.text == "甲")
        && tokens.iter().all(|t| {
            ["甲", "乙", "丙", "丁"].contains(&t.text.as_str())
                || (t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;

    #[test]
    fn one_or_two_value_columns_and_a_code_column() {
        let h = find(&text_line("统计指标\t单位\t统计数", 0)).unwrap();
        assert_eq!(h.columns, ["统计数"]);
        assert_eq!(h.code, None);
        let h = find(&text_line(
            "指标名称  计量单位  代码  本期实际  本年累计",
            0,
        ))
        .unwrap();
        assert_eq!(h.columns, ["本期实际", "本年累计"]);
        assert!(h.code.is_some());
        let h = find(&text_line("序号 统计指标  单位  统计数", 0)).unwrap();
        assert!(h.numbered);
        assert!(find(&text_line("本单位共有工作人员 3 人", 0)).is_none());
        assert!(is_column_index(&text_line("甲  乙  丙  1  2", 0)));
    }

    #[test]
    fn a_letter_spaced_header_with_its_unit_on_the_next_line() {
        let lines = [
            text_line("指 标 名 称       计量   代码   本期实际   本年累计", 0),
            text_line("                  单位", 1),
            text_line("甲                乙     丙     1          2", 2),
        ];
        let (h, next) = find_at(&lines, 0).unwrap();
        assert_eq!(h.columns, ["本期实际", "本年累计"]);
        assert!(h.code.is_some());
        assert_eq!(next, 2);
        assert!(is_column_index(&lines[2]));
    }

    #[test]
    fn a_header_wrapped_over_three_lines_is_joined_by_column() {
        let lines = [
            text_line("序                      单   统计", 0),
            text_line("       统计指标", 1),
            text_line("号                      位   数", 2),
            text_line("1   一、主动公开情况    ——  ——", 3),
        ];
        let (h, next) = find_at(&lines, 0).unwrap();
        assert_eq!(
            (h.columns.as_slice(), h.numbered, next),
            (&["统计数".to_string()][..], true, 3)
        );
        assert!(find_at(&lines, 3).is_none());
    }
}
