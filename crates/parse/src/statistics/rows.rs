//! One line of a statistics table: the indicator, its unit, its code and its value cells.

use crate::statistics::header::{self, Header};
use crate::statistics::label::is_unit;
use crate::tables::cells::{self, Value};
use govreport_document::layout::{Cell, Line};
use govreport_document::without_whitespace;

/// A line read as a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// The indicator as printed, whitespace removed (continuation lines appended).
    pub text: String,
    /// The unit cell, when it names a unit.
    pub unit: Option<String>,
    /// The `代码` cell.
    pub code: Option<String>,
    /// One slot per value column: None when the cell is absent (blank).
    pub values: Vec<Option<Value>>,
    /// The values' columns were guessed (cells missing, no positions to go by).
    pub uncertain: bool,
    /// Index of the line.
    pub line: usize,
}

impl RawRow {
    /// A row without a unit and without a value (only dashes or blanks) is a heading.
    pub fn is_heading(&self) -> bool {
        self.unit.is_none()
            && self
                .values
                .iter()
                .all(|v| v.as_ref().is_none_or(|v| v.number.is_none()))
    }
}

/// What a line inside a statistics table is.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// A (repeated) header line, a column-index line or an empty line.
    Skip,
    /// A row with a unit or value cells (headings printed with `—` included).
    Row(RawRow),
    /// Text only: a heading, a wrapped label's continuation, or text after the table.
    Text(String),
}

/// Reads one line against the table's header.
pub fn read(line: &Line, index: usize, header: &Header) -> Read {
    if header::find(line).is_some() || header::is_column_index(line) {
        return Read::Skip;
    }
    let mut rest: Vec<&Cell> = line.cells.iter().collect();
    if header.numbered && rest.len() > 1 && rest[0].text.chars().all(|c| c.is_ascii_digit()) {
        rest.remove(0);
    }
    let width = header.columns.len();
    let mut found: Vec<Value> = Vec::new();
    while let Some(cell) = rest.last() {
        match cell_values(cell, line) {
            Some(v) if found.len() + v.len() <= width => {
                found.splice(0..0, v);
                rest.pop();
            }
            _ => break,
        }
    }
    let mut code = None;
    if let Some(cx) = header.code {
        code = take_code(&mut rest, &mut found, cx, header);
    }
    let mut unit = None;
    let mut dash = false;
    if let Some(cell) = rest.last() {
        let t = without_whitespace(&cell.text);
        if is_unit(&t) {
            unit = Some(t);
            rest.pop();
        } else if is_dash(&t) {
            dash = true;
            rest.pop();
        } else if !found.is_empty() && wrapped_unit(line, cell, rest.len(), header) {
            unit = Some(t);
            rest.pop();
        }
    }
    let text = without_whitespace(&rest.iter().map(|c| c.text.as_str()).collect::<String>());
    if text.is_empty() {
        // A unit alone is a fragment of a row spread over several lines.
        return match unit {
            Some(u) if found.is_empty() => Read::Text(u),
            _ => Read::Skip,
        };
    }
    if found.is_empty() && unit.is_none() && !dash {
        return Read::Text(text);
    }
    let (values, uncertain) = place(found, header);
    Read::Row(RawRow {
        text,
        unit,
        code,
        values,
        uncertain,
        line: index,
    })
}

/// The start of a unit wrapped in a narrow unit column (`万` of `万元`, completed by the
/// next line): a page cell standing in the unit column, after the indicator, on a line
/// with values (a row centred over its lines is joined by `spread` instead).
fn wrapped_unit(line: &Line, cell: &Cell, cells: usize, h: &Header) -> bool {
    let centre = (cell.x0 + cell.x1) / 2.0;
    let to_unit = (centre - h.unit).abs();
    let nearer = h
        .centres
        .iter()
        .chain(&h.code)
        .all(|c| (c - centre).abs() > to_unit);
    line.page.is_some() && cells > 1 && centre >= h.unit_left && nearer
}

/// Whether a line (of a page, without numbers) continues the row before it whose unit
/// wrapped: that unit is incomplete (`万`), or completed by the line's unit-column text
/// (`人` + `次`) with nothing else on the line but the rest of an open label.
pub fn continues_unit(row: &RawRow, line: &Line, h: &Header) -> bool {
    let Some(unit) = row.unit.as_deref() else {
        return false;
    };
    let right = |c: &&Cell| (c.x0 + c.x1) / 2.0 >= h.unit_left;
    let tail: String = line
        .cells
        .iter()
        .filter(right)
        .map(|c| without_whitespace(&c.text))
        .collect();
    let left = line.cells.iter().any(|c| !right(&c));
    let numbers = line
        .cells
        .iter()
        .any(|c| cells::value(&c.text, 0.0).is_some_and(|v| v.number.is_some()));
    let open = row.text.matches(['（', '(']).count() > row.text.matches(['）', ')']).count();
    let completes = is_unit(&format!("{unit}{tail}")) && (!left || open);
    line.page.is_some() && !numbers && !tail.is_empty() && (!is_unit(unit) || completes)
}

/// Appends a line that continues a row whose unit wrapped: its cells in the unit column
/// to the unit, the others to the indicator.
pub fn continue_row(row: &mut RawRow, line: &Line, h: &Header) {
    for cell in &line.cells {
        let text = without_whitespace(&cell.text);
        match &mut row.unit {
            Some(unit) if (cell.x0 + cell.x1) / 2.0 >= h.unit_left => unit.push_str(&text),
            _ => row.text.push_str(&text),
        }
    }
}

/// Dashes, as typed or as a font maps them (`——`, `⸺`), or a slash: not applicable.
fn is_dash(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| "—-－―─⸺⸻/／".contains(c))
}

/// A cell's values, each with its page and box: an empty cell (HTML) is one blank value;
/// a cell of space-separated numbers is several.
fn cell_values(cell: &Cell, line: &Line) -> Option<Vec<Value>> {
    let x = (cell.x0 + cell.x1) / 2.0;
    let bbox = line.page_box(cell.x0, cell.x1);
    let mark = |printed: String| Value {
        number: None,
        printed: Some(printed),
        x,
        bbox,
        page: line.page,
    };
    if is_dash(&without_whitespace(&cell.text)) {
        return Some(vec![mark(cell.text.trim().to_string())]);
    }
    if cell.text.trim().is_empty() {
        return Some(vec![mark(String::new())]);
    }
    let parts: Vec<&str> = cell.text.split_whitespace().collect();
    let step = (cell.x1 - cell.x0) / parts.len() as f32;
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x0 = cell.x0 + step * i as f32;
            let found = cells::value(p, x0 + step * 0.5)?;
            Some(Value {
                bbox: line.page_box(x0, x0 + step),
                page: line.page,
                ..found
            })
        })
        .collect()
}

/// The `代码` cell: the last label-side cell when it is a short number, or the first value
/// taken when it stands nearer the code column than any value column.
fn take_code(rest: &mut Vec<&Cell>, found: &mut Vec<Value>, cx: f32, h: &Header) -> Option<String> {
    let is_code = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if let Some(cell) = rest.last()
        && is_code(cell.text.trim())
    {
        let code = cell.text.trim().to_string();
        rest.pop();
        return Some(code);
    }
    let first = found.first()?;
    let nearest = h
        .centres
        .iter()
        .map(|c| (c - first.x).abs())
        .fold(f32::MAX, f32::min);
    let printed = first.printed.clone().unwrap_or_else(|| {
        first
            .number
            .as_ref()
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    ((cx - first.x).abs() < nearest && is_code(&printed)).then(|| {
        found.remove(0);
        printed
    })
}

/// The values in their columns: in order when all are there, else by the header's column
/// centres (a blank cell prints nothing in a PDF).
fn place(found: Vec<Value>, h: &Header) -> (Vec<Option<Value>>, bool) {
    let width = h.columns.len();
    let mut slots: Vec<Option<Value>> = vec![None; width];
    if found.len() == width {
        return (found.into_iter().map(Some).collect(), false);
    }
    if found.is_empty() {
        return (slots, false);
    }
    let spread = h.centres.windows(2).all(|w| w[1] > w[0]);
    for (i, v) in found.into_iter().enumerate() {
        let at = if spread { nearest(&h.centres, v.x) } else { i };
        if slots[at].is_none() {
            slots[at] = Some(v);
        }
    }
    (slots, !spread)
}

fn nearest(centres: &[f32], x: f32) -> usize {
    (0..centres.len())
        .min_by(|&a, &b| (centres[a] - x).abs().total_cmp(&(centres[b] - x).abs()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn unit_code_and_values_are_told_apart() {
        let h = header("指标名称\t计量单位\t代码\t本期实际\t本年累计");
        let r = row("其中:1.当面申请数\t条\t11\t3\t18,258", &h);
        assert_eq!(r.text, "其中:1.当面申请数");
        assert_eq!(
            (r.unit.as_deref(), r.code.as_deref()),
            (Some("条"), Some("11"))
        );
        let v: Vec<_> = r.values.iter().map(|v| v.clone().unwrap().number).collect();
        assert_eq!(v, [Some(3.into()), Some(18258.into())]);
        assert_eq!(
            r.values[1].as_ref().unwrap().printed.as_deref(),
            Some("18,258")
        );
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
        let r = row("七、依申请公开信息收取的费用（万元）\t0.5", &h);
        assert_eq!(r.unit, None);
        assert_eq!(
            read(&text_line("（不同渠道和方式公开相同信息计1条）", 2), 2, &h),
            Read::Text("（不同渠道和方式公开相同信息计1条）".into())
        );
        assert_eq!(
            read(&text_line("统计指标\t单位\t统计数", 3), 3, &h),
            Read::Skip
        );
    }
}
