//! The statistics table's header line (统计指标 | 单位 | 统计数, or 指标名称 | 计量单位 | 代码 |
//! 本期实际 | 本年累计): which columns hold values, and where they stand.

use crate::layout::Line;
use crate::statistics::label::strip_ws;

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
}

/// A header token with its horizontal centre.
struct Token {
    text: String,
    x: f32,
}

fn tokens(line: &Line) -> Vec<Token> {
    let mut out = Vec::new();
    for cell in &line.cells {
        let parts: Vec<&str> = cell.text.split_whitespace().collect();
        let step = (cell.x1 - cell.x0) / parts.len().max(1) as f32;
        for (i, p) in parts.iter().enumerate() {
            out.push(Token {
                text: strip_ws(p),
                x: cell.x0 + step * (i as f32 + 0.5),
            });
        }
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
    let mut header = Header {
        columns: Vec::new(),
        centres: Vec::new(),
        code: None,
        numbered: tokens[0].text == "序号",
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
    use crate::layout::text_line;

    #[test]
    fn one_or_two_value_columns_and_a_code_column() {
        let h = find(&text_line("统计指标\t单位\t统计数", 0)).unwrap();
        assert_eq!(h.columns, ["统计数"]);
        assert_eq!(h.code, None);
        let h = find(&text_line("指标名称  计量单位  代码  本期实际  本年累计", 0)).unwrap();
        assert_eq!(h.columns, ["本期实际", "本年累计"]);
        assert!(h.code.is_some());
        let h = find(&text_line("序号 统计指标  单位  统计数", 0)).unwrap();
        assert!(h.numbered);
        assert!(find(&text_line("本单位共有工作人员 3 人", 0)).is_none());
        assert!(is_column_index(&text_line("甲  乙  丙  1  2", 0)));
    }
}
