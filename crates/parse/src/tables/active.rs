//! 表二 (主动公开政府信息情况): rows found by label, values by the header's columns.

use std::ops::Range;

use crate::tables::TableResult;
use crate::tables::cells::{Value, split};
use crate::tables::grid::{self, ValueRow};
use govreport_document::layout::Line;
use govreport_document::squeeze;
use govreport_model::codes::WarningCode;
use govreport_model::complete::{self, Gap};
use govreport_model::record::{Cell, Provenance, Row, Table, Warning};
use govreport_model::template::{self, CellPath, Column, RowSpec, TableId, Template};

/// Parses 表二 from its region in the given format; None when no row is found.
pub fn parse(lines: &[Line], format: Template) -> Option<TableResult> {
    let spec = template::active::spec(format)?;
    let mut table = Table {
        id: spec.id,
        rows: Vec::new(),
    };
    let mut warnings = Vec::new();
    let mut debug = Vec::new();
    let mut gaps = Vec::new();
    let mut from = 0;
    let mut used = Vec::new();
    let mut provenance = Vec::new();
    for (r, row) in spec.rows.iter().enumerate() {
        let path = spec.row_path(r);
        // In template order first; a row printed elsewhere in the section (converters put
        // 行政许可 … under their 第二十条 headings before the 规章 block) is found by its label.
        let found = find_row(lines, from..lines.len(), row, &used)
            .or_else(|| find_row(lines, 0..from, row, &used));
        let Some((at, values)) = found else {
            gaps.push(Gap::Row { path });
            continue;
        };
        from = from.max(at + 1);
        used.push(at);
        let shown = !values.is_empty() || blank_shown(&lines[at]);
        let (slots, uncertain) = place(lines, at, values, row, &mut warnings);
        gaps.extend(row_gaps(&path, row, &slots, uncertain, shown));
        provenance.extend(row.columns.iter().zip(&slots).map(|(column, v)| {
            let found = v.as_ref();
            let page = found.and_then(|v| v.page).or(lines[at].page);
            let at = path.join(Column::Name(column.to_string()));
            (at, Provenance::text(page, found.and_then(|v| v.bbox)))
        }));
        debug.push(format!("{:<26} ← {}", row.key, lines[at].text()));
        table.rows.push(Row {
            key: row.key.to_string(),
            cells: row_cells(row, &slots, shown),
        });
    }
    if table.rows.is_empty() {
        return None;
    }
    warnings.extend(complete::row_warnings(spec.id, &gaps));
    let checks = complete::entries(spec.id, spec.rows.len(), &gaps);
    Some(TableResult {
        table,
        checks,
        warnings,
        debug,
        cells: provenance,
    })
}

/// Whether a row found without a value cell shows its cells printed blank: a grid's empty
/// cells (HTML, Word) or a PDF page's table. A plain text line holding only the label
/// shows nothing of its values: they may have been lost (converters tear rows apart).
fn blank_shown(line: &Line) -> bool {
    line.page.is_some() || line.cells.iter().any(|c| c.text.is_empty())
}

/// What a found row lacks: its place when `uncertain`, each unreadable cell, and every
/// cell when no value was `shown` at all.
fn row_gaps(
    path: &CellPath,
    row: &RowSpec,
    slots: &[Option<Value>],
    uncertain: bool,
    shown: bool,
) -> Vec<Gap> {
    let place = uncertain.then(|| Gap::Uncertain { path: path.clone() });
    let cells = row.columns.iter().zip(slots);
    let unread = cells.filter(|(_, v)| v.as_ref().map_or(!shown, Value::unreadable));
    place
        .into_iter()
        .chain(unread.map(|(column, _)| Gap::Cell {
            path: path.join(Column::Name(column.to_string())),
        }))
        .collect()
}

/// The record's cells of a found row: a value as printed; a cell with no value printed
/// blank (`""`) when the row showed its cells (`shown`), else not read (no printed text).
fn row_cells(row: &RowSpec, slots: &[Option<Value>], shown: bool) -> Vec<Cell> {
    let cells = row.columns.iter().zip(slots);
    cells
        .map(|(column, v)| Cell {
            column: column.to_string(),
            value: v.as_ref().and_then(|v| v.number.clone()),
            printed: match v {
                None if !shown => None,
                None => Some(String::new()),
                Some(v) if v.unreadable() => None,
                Some(v) => v.printed.clone(),
            },
        })
        .collect()
}

/// The row's values in its columns: in order when complete; by the header's column
/// positions when some cells are blank (PDF); else left to right, with a warning and
/// `true` (the positions are uncertain).
fn place(
    lines: &[Line],
    at: usize,
    values: Vec<Value>,
    row: &RowSpec,
    warnings: &mut Vec<Warning>,
) -> (Vec<Option<Value>>, bool) {
    let width = row.columns.len();
    let centres = if values.is_empty() || values.len() >= width {
        None
    } else {
        grid::header_centres(lines, at, width, 8)
    };
    let observed = ValueRow {
        label: String::new(),
        values,
        page: lines[at].page,
        line: at,
    };
    let placed = grid::place(&observed, width, centres.as_deref());
    let uncertain = placed.unplaced && !observed.values.is_empty();
    if uncertain {
        let message = format!(
            "{}: row {} has {} of {width} values and nothing shows which cells are blank; values were read left to right",
            TableId::ActiveDisclosure.printed(),
            row.key,
            observed.values.len()
        );
        warnings.push(Warning::new(WarningCode::CellPositionUncertain, message));
    }
    (placed.slots, uncertain)
}

/// The first line in `range`, not already `used` by another row, whose label is the
/// row's, with the row's values (from the same line, or the next line when the label
/// wrapped).
fn find_row(
    lines: &[Line],
    range: Range<usize>,
    row: &RowSpec,
    used: &[usize],
) -> Option<(usize, Vec<Value>)> {
    for i in range.filter(|i| !used.contains(i)) {
        let s = split(&lines[i]);
        let label = squeeze(&s.label);
        if !row.labels.iter().any(|l| label_is(&label, l)) {
            continue;
        }
        if !s.values.is_empty() {
            return Some((i, s.values));
        }
        let next = lines
            .get(i + 1)
            .map(split)
            .filter(|n| n.label.is_empty() && !n.values.is_empty());
        return Some((i, next.map(|n| n.values).unwrap_or_default()));
    }
    None
}

/// A label matches when it is the phrase, possibly after a list number or before a
/// bracketed note (`规章（设区的市…）`), or when a phrase of four or more characters is
/// one character off (`规范性文作` from OCR, `其他对外管理服务事` with `项` wrapped onto the
/// next line) or the label is its start, cut after seven tenths of it or more by a wrap
/// (`行政事业性收`); no two rows' phrases are that close.
fn label_is(label: &str, phrase: &str) -> bool {
    let label = label.trim_start_matches(|c: char| c.is_ascii_digit() || "．.、".contains(c));
    label == phrase
        || label
            .strip_prefix(phrase)
            .is_some_and(|rest| rest.starts_with('（'))
        || near(label, phrase)
}

/// One character substituted, left out or added, or a wrap's cut, in a phrase of four or
/// more characters.
fn near(label: &str, phrase: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (label.chars().collect(), phrase.chars().collect());
    if b.len() < 4 || a.len() < 4 {
        return false;
    }
    let cut = b.starts_with(&a) && a.len() * 10 >= b.len() * 7;
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let one_off = match long.len() - short.len() {
        0 => a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    };
    cut || one_off
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;

    #[test]
    fn rows_printed_before_the_regulations_block_are_found_by_their_label() {
        let text = "第二十条第（五）项\n行政许可\t97\n第二十条第（六）项\n行政处罚\t3\n行政强制\t0\n\
                    第二十条第（八）项\n行政事业性收费\t1.5\n第二十条第（一）项\n规章\t0\t0\t4\n\
                    行政规范性文件\t2\t1\t30";
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        let t = parse(&lines, Template::Format2021).expect("表二");
        let value = |key: &str, k: usize| {
            let row = t.table.rows.iter().find(|r| r.key == key).expect(key);
            row.cells[k].value.as_ref().map(ToString::to_string)
        };
        assert_eq!(value("administrative_licensing", 0).as_deref(), Some("97"));
        assert_eq!(value("administrative_penalty", 0).as_deref(), Some("3"));
        assert_eq!(value("administrative_fees", 0).as_deref(), Some("1.5"));
        assert_eq!(value("regulations", 2).as_deref(), Some("4"));
        assert_eq!(value("normative_documents", 2).as_deref(), Some("30"));
        assert!(
            t.checks
                .iter()
                .all(|c| c.status == govreport_model::codes::CheckStatus::Pass)
        );
    }

    #[test]
    fn a_label_alone_in_plain_text_is_a_row_not_read_but_an_empty_grid_cell_is_blank() {
        let text = "第二十条第（五）项\n行政许可\n第二十条第（六）项\n行政处罚\t3\n行政强制\t0\n\
                    行政事业性收费\t1.5\n规章\t0\t0\t4\n行政规范性文件\t2\t1\t30";
        let mut lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        let t = parse(&lines, Template::Format2021).expect("表二");
        let licensing = &t
            .table
            .rows
            .iter()
            .find(|r| r.key == "administrative_licensing");
        let cell = &licensing.expect("the row is found").cells[0];
        assert_eq!((cell.value.as_ref(), cell.printed.as_deref()), (None, None));
        let path = "tables.active_disclosure.administrative_licensing.decisions";
        assert!(
            t.checks
                .iter()
                .any(|c| c.path.as_ref().is_some_and(|p| *p == path)
                    && c.status == govreport_model::codes::CheckStatus::Fail)
        );
        // A web page's empty cell shows the value printed blank.
        lines[1].cells.push(govreport_document::layout::Cell {
            x0: 20.0,
            x1: 40.0,
            text: String::new(),
        });
        let t = parse(&lines, Template::Format2021).expect("表二");
        let licensing = &t
            .table
            .rows
            .iter()
            .find(|r| r.key == "administrative_licensing");
        assert_eq!(
            licensing.expect("found").cells[0].printed.as_deref(),
            Some("")
        );
        assert!(t.checks.iter().all(|c| c.path.is_none()), "{:?}", t.checks);
    }

    #[test]
    fn a_label_misread_in_one_character_still_names_its_row_but_a_short_one_does_not() {
        assert!(label_is("规范性文作", "规范性文件"));
        assert!(label_is("2.行政许可", "行政许可"));
        assert!(!label_is("行政处罚", "行政强制"));
        assert!(!label_is("规并", "规章"));
    }

    #[test]
    fn a_label_cut_by_a_wrap_or_one_character_short_or_long_still_names_its_row() {
        assert!(label_is("其他对外管理服务事", "其他对外管理服务事项"));
        assert!(label_is("行政事业性收", "行政事业性收费"));
        assert!(label_is("行政事业性", "行政事业性收费"));
        assert!(label_is("行政许可可", "行政许可"));
        assert!(!label_is("行政事业", "行政事业性收费"));
        assert!(!label_is("行政", "行政许可"));
        assert!(!label_is("规范性文件", "行政规范性文件"));
        assert!(!label_is("行政规范性文件", "规范性文件"));
    }
}
