//! Shared table machinery: value rows with their labels, alignment onto a template's row
//! order, and column assignment by position (placement by the rules is in
//! [`super::placement`], what a table lacks in [`super::gaps`]).

use crate::tables::cells::{Prepared, SplitLine, Value, prepared_similarity, split};
use govreport_document::layout::Line;
use govreport_document::squeeze;
use govreport_model::equations::{Operand, Origin};
use govreport_model::record::{Cell, CellSource, Provenance, number};

/// A line of a table that carries values, with the label text that leads up to it.
#[derive(Debug, Clone)]
pub struct ValueRow {
    /// Own label plus the label-only lines above it since the previous value row.
    pub label: String,
    /// The values, left to right.
    pub values: Vec<Value>,
    /// Page of the line (None for text input).
    pub page: Option<u32>,
    /// Index of the line among the lines the row was read from.
    pub line: usize,
}

/// Collects the rows of a table region that carry at least `min` values. Lines before the
/// first row with a value read, whose values are all unreadable, are label text: header
/// cells OCR saw ink in but could not read (a table all of whose values are unreadable keeps
/// them as rows, for the rules to name).
pub fn value_rows(lines: &[Line], min: usize) -> Vec<ValueRow> {
    let rows = collect_rows(lines, min, true);
    if rows.is_empty() {
        return collect_rows(lines, min, false);
    }
    rows
}

/// [`value_rows`], with leading all-unreadable lines taken as label text when `skip_unread`.
fn collect_rows(lines: &[Line], min: usize, skip_unread: bool) -> Vec<ValueRow> {
    let mut rows = Vec::new();
    let mut pending = String::new();
    for (i, line) in lines.iter().enumerate() {
        let SplitLine { label, values } = split(line);
        let unread = values.iter().all(Value::unreadable);
        if values.len() >= min && !(skip_unread && rows.is_empty() && unread) {
            rows.push(ValueRow {
                label: format!("{pending}{label}"),
                values,
                page: line.page,
                line: i,
            });
            pending.clear();
        } else {
            pending.push_str(&line.text());
        }
    }
    rows
}

/// Aligns observed rows onto template rows (each given by its label phrases): a row whose
/// label names a template row outright ([`pin`]) goes to that row wherever it is printed;
/// the other rows are aligned in order ([`ordered`]) between the pinned rows that stand in
/// template order. Returns for each template row the index of the observed row matched to it.
pub fn align(rows: &[ValueRow], template: &[&[&str]]) -> Vec<Option<usize>> {
    let labels = unglued(rows, template);
    let phrases: Vec<Vec<Prepared>> = template
        .iter()
        .map(|t| t.iter().map(|p| Prepared::phrase(p)).collect())
        .collect();
    // How well each row's label fits each template row, computed once for the alignment
    // and for the rows that trade places after it.
    let fit: Vec<Vec<f32>> = labels
        .iter()
        .map(|l| {
            let l = Prepared::label(l);
            phrases.iter().map(|p| prepared_similarity(&l, p)).collect()
        })
        .collect();
    let pins: Vec<Option<usize>> = labels.iter().map(|l| pin(&squeeze(l), template)).collect();
    let anchors = in_order(&pins);
    let mut matched = vec![None; template.len()];
    for &i in &anchors {
        matched[pins[i].expect("anchors are pinned")] = Some(i);
    }
    for (i, p) in pins.iter().enumerate() {
        if let Some(j) = *p
            && matched[j].is_none()
        {
            matched[j] = Some(i);
        }
    }
    let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
    bounds.extend(anchors.iter().map(|&i| (i + 1, pins[i].unwrap_or(0) + 1)));
    let ends = anchors.iter().map(|&i| (i, pins[i].unwrap_or(0)));
    for ((r0, t0), (r1, t1)) in bounds
        .into_iter()
        .zip(ends.chain([(rows.len(), template.len())]))
    {
        let free_rows: Vec<usize> = (r0..r1).filter(|&i| pins[i].is_none()).collect();
        let free: Vec<usize> = (t0..t1).filter(|&j| matched[j].is_none()).collect();
        for (i, j) in ordered(&fit, &free_rows, &free) {
            matched[j] = Some(i);
        }
    }
    by_label(&mut matched, |i, j| fit[i][j], |i| pins[i].is_some());
    matched
}

/// The template row a label names outright: of the phrases of [`NAMING`] or more
/// characters it contains, the one printed last (the label's own line comes after a row whose values
/// were lost, or a group heading), the longest where two end together. Only the text after
/// the label's last list number (`3.`, `06.`) counts: what stands before it is the end of
/// the row above's wrapped label (`禁止公开3.危及“三安全一稳定”`), and an OCR'd row whose
/// own phrase is garbled must not be pinned by it.
fn pin(label: &str, template: &[&[&str]]) -> Option<usize> {
    let label = own_part(label);
    let mut best: Option<(usize, usize, usize)> = None;
    for (row, phrases) in template.iter().enumerate() {
        for phrase in phrases.iter().filter(|p| p.chars().count() >= NAMING) {
            // A byte search: `rfind` builds a two-way searcher per call, and labels are short.
            let found = label
                .as_bytes()
                .windows(phrase.len())
                .rposition(|w| w == phrase.as_bytes());
            if let Some(at) = found {
                let key = (at + phrase.len(), phrase.len(), row);
                if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
    }
    best.map(|b| b.2)
}

/// A label from just after its last list number (digits then `.`, `．` or `、`) with text
/// after it; the whole label when it has none.
fn own_part(label: &str) -> &str {
    let chars: Vec<(usize, char)> = label.char_indices().collect();
    let mut start = 0;
    for w in chars.windows(2) {
        let ((_, digit), (at, mark)) = (w[0], w[1]);
        if (digit.is_ascii_digit() || ('０'..='９').contains(&digit)) && "．.、".contains(mark)
        {
            let next = at + mark.len_utf8();
            if next < label.len() {
                start = next;
            }
        }
    }
    &label[start..]
}

/// The pinned rows that stand in template order: the longest run of rows, in the order
/// printed, whose template rows increase (rows printed out of order are left out).
fn in_order(pins: &[Option<usize>]) -> Vec<usize> {
    let pinned: Vec<(usize, usize)> = pins
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|j| (i, j)))
        .collect();
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(pinned.len());
    for k in 0..pinned.len() {
        let before = (0..k)
            .filter(|&b| pinned[b].1 < pinned[k].1)
            .max_by_key(|&b| best[b].0);
        best.push((before.map_or(1, |b| best[b].0 + 1), before));
    }
    let mut at = (0..pinned.len()).max_by_key(|&k| best[k].0);
    let mut run = Vec::new();
    while let Some(k) = at {
        run.push(pinned[k].0);
        at = best[k].1;
    }
    run.reverse();
    run
}

/// Aligns the rows `rows` onto the template rows `template` in order (indices into `fit`):
/// each pair scores one plus how well the label fits, a row left out −1, a template row
/// left out −0.6. Returns the matched pairs (row, template row).
fn ordered(fit: &[Vec<f32>], rows: &[usize], template: &[usize]) -> Vec<(usize, usize)> {
    let (n, m) = (rows.len(), template.len());
    let mut score = vec![vec![f32::MIN; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    score[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = score[i][j];
            if here == f32::MIN {
                continue;
            }
            let mut relax = |a: usize, b: usize, s: f32, step: u8| {
                if s > score[a][b] {
                    score[a][b] = s;
                    back[a][b] = step;
                }
            };
            if i < n && j < m {
                relax(i + 1, j + 1, here + 1.0 + fit[rows[i]][template[j]], 1);
            }
            if i < n {
                relax(i + 1, j, here - 1.0, 2);
            }
            if j < m {
                relax(i, j + 1, here - 0.6, 3);
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                pairs.push((rows[i - 1], template[j - 1]));
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    pairs
}

/// The labels rows are matched by. Rows dumped column-wise (`1.信访举报投诉类申请`,
/// `3.要求提供公开出版物`, `2.重复申请` on their own lines, then the value lines) leave the
/// whole run of labels on the first value row and none on the others: when the run names
/// exactly as many template rows as there are such value rows, each takes one name, in the
/// order printed.
fn unglued(rows: &[ValueRow], template: &[&[&str]]) -> Vec<String> {
    let mut labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    for i in 0..rows.len() {
        let bare = rows[i + 1..]
            .iter()
            .take_while(|r| r.label.is_empty())
            .count();
        let names = named_rows(&squeeze(&rows[i].label), template);
        if bare > 0 && names.len() == bare + 1 {
            for (k, name) in names.into_iter().enumerate() {
                labels[i + k] = name.to_string();
            }
        }
    }
    labels
}

/// The fewest characters of a phrase that names a row by itself (`其他`, `总计` are parts of
/// other labels and headings: `（六）其他处理`, `法人或其他组织`).
const NAMING: usize = 4;

/// The template phrases a label holds, in the order printed, one per template row, none
/// inside another's span (the longest phrase wins where two start together).
fn named_rows<'a>(label: &str, template: &[&[&'a str]]) -> Vec<&'a str> {
    let mut found: Vec<(usize, usize, usize, &str)> = Vec::new();
    for (row, phrases) in template.iter().enumerate() {
        for phrase in phrases.iter().filter(|p| p.chars().count() >= NAMING) {
            found.extend(
                label
                    .match_indices(phrase)
                    .map(|(at, _)| (at, phrase.len(), row, *phrase)),
            );
        }
    }
    found.sort_by_key(|&(at, len, _, _)| (at, std::cmp::Reverse(len)));
    let (mut end, mut rows, mut names) = (0, Vec::new(), Vec::new());
    for (at, len, row, phrase) in found {
        if at >= end && !rows.contains(&row) {
            end = at + len;
            rows.push(row);
            names.push(phrase);
        }
    }
    names
}

/// Similarity at which a row's label clearly names a template row (a phrase contained,
/// or nearly all of its character pairs).
const NAMES: f32 = 0.85;
/// How much better two rows must fit each other's template rows to trade places.
const MARGIN: f32 = 0.5;

/// Rows printed out of order go where their labels say: two matched rows, neither
/// `pinned`, trade template rows when each label clearly names the other's row and fits it
/// much better than its own (`fit(row, template row)`). Order decides only where labels do not.
fn by_label(
    matched: &mut [Option<usize>],
    fit: impl Fn(usize, usize) -> f32,
    pinned: impl Fn(usize) -> bool,
) {
    let mut changed = true;
    while changed {
        changed = false;
        for a in 0..matched.len() {
            for b in a + 1..matched.len() {
                let (Some(ra), Some(rb)) = (matched[a], matched[b]) else {
                    continue;
                };
                if pinned(ra) || pinned(rb) {
                    continue;
                }
                let (crossed, kept) = (fit(ra, b) + fit(rb, a), fit(ra, a) + fit(rb, b));
                if fit(ra, b) >= NAMES && fit(rb, a) >= NAMES && crossed > kept + MARGIN {
                    matched.swap(a, b);
                    changed = true;
                }
            }
        }
    }
}

/// The values of a row placed into `width` columns. `None` marks a column the row has
/// no value for; `unplaced` is set when positions could not tell which columns those are.
#[derive(Debug, Clone)]
pub struct Placed {
    /// One slot per column.
    pub slots: Vec<Option<Value>>,
    /// The row had fewer values than columns and nothing showed where the gaps are.
    pub unplaced: bool,
}

/// Column centres from the rows that have exactly `width` values (median per column).
pub fn column_centres(rows: &[&ValueRow], width: usize) -> Option<Vec<f32>> {
    let full: Vec<&&ValueRow> = rows
        .iter()
        .filter(|r| r.values.len() == width && r.page.is_some())
        .collect();
    if full.is_empty() {
        return None;
    }
    let centres = (0..width)
        .map(|c| {
            let mut xs: Vec<f32> = full.iter().map(|r| r.values[c].x).collect();
            xs.sort_by(f32::total_cmp);
            xs[xs.len() / 2]
        })
        .collect();
    Some(centres)
}

/// Column centres read from the table's header just above line `at` (PDF lines only): the
/// nearest of the `look` lines above that holds no values and at least `width` cells,
/// whose last `width` cells are the column headings.
pub fn header_centres(lines: &[Line], at: usize, width: usize, look: usize) -> Option<Vec<f32>> {
    lines[at.saturating_sub(look)..at]
        .iter()
        .rev()
        .filter(|l| l.page.is_some() && l.cells.len() >= width)
        .find(|l| split(l).values.is_empty())
        .map(|l| {
            l.cells[l.cells.len() - width..]
                .iter()
                .map(|c| (c.x0 + c.x1) / 2.0)
                .collect()
        })
}

/// Places a row's values into `width` columns: in order when complete, by nearest column
/// centre when positions are known, else marked unplaced (left-aligned for now).
pub fn place(row: &ValueRow, width: usize, centres: Option<&[f32]>) -> Placed {
    let mut slots: Vec<Option<Value>> = vec![None; width];
    if row.values.len() == width {
        for (slot, v) in slots.iter_mut().zip(&row.values) {
            *slot = Some(v.clone());
        }
        return Placed {
            slots,
            unplaced: false,
        };
    }
    if let (Some(centres), Some(_)) = (centres, row.page) {
        let mut ok = true;
        for v in &row.values {
            match nearest_column(centres, v.x) {
                Some(c) if slots[c].is_none() => slots[c] = Some(v.clone()),
                _ => ok = false,
            }
        }
        if ok {
            return Placed {
                slots,
                unplaced: false,
            };
        }
        slots = vec![None; width];
    }
    for (slot, v) in slots.iter_mut().zip(&row.values) {
        *slot = Some(v.clone());
    }
    Placed {
        slots,
        unplaced: row.values.len() < width,
    }
}

/// The column whose centre is nearest `x`, when it is clearly the nearest: nearer than
/// 0.7 of the distance to the next one. A value halfway between two header centres (a
/// header OCR misread and split, so its centres are off by half a column) is placed by
/// nothing.
fn nearest_column(centres: &[f32], x: f32) -> Option<usize> {
    let mut order: Vec<(f32, usize)> = centres
        .iter()
        .enumerate()
        .map(|(i, c)| ((c - x).abs(), i))
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    match order[..] {
        [(d1, _), (d2, _), ..] if d1 >= 0.7 * d2 => None,
        [(_, c), ..] => Some(c),
        [] => None,
    }
}

/// Flat cells of placed rows: a value is `Printed`, a known gap `Blank`, an unplaced gap or
/// an unreadable cell `Lost`.
pub fn cells_of(placed: &[Option<Placed>], width: usize) -> Vec<Operand> {
    let mut cells = Vec::with_capacity(placed.len() * width);
    for row in placed {
        match row {
            None => cells.extend(std::iter::repeat_n(Operand::lost(), width)),
            Some(p) => cells.extend(p.slots.iter().map(|s| match s {
                Some(v) if v.unreadable() => Operand::lost(),
                Some(v) => Operand::printed(v.number.as_ref().and_then(|n| n.as_f64())),
                None if p.unplaced => Operand::lost(),
                None => Operand {
                    value: None,
                    origin: Origin::Blank,
                },
            })),
        }
    }
    cells
}

/// The record's cell for a settled operand: the value and text as printed, or the value
/// the rules repaired; null (and no text) for a cell that was not read.
pub fn record_cell(column: &str, operand: &Operand, slot: Option<&Value>) -> Cell {
    let (value, printed) = match (operand.origin, slot) {
        (Origin::Printed, Some(v)) => (v.number.clone(), v.printed.clone()),
        (Origin::Repaired, _) => (operand.value.and_then(|v| number(&format!("{v}"))), None),
        (Origin::Blank, _) => (None, Some(String::new())),
        _ => (None, None),
    };
    Cell {
        column: column.to_string(),
        value,
        printed,
    }
}

/// Where a record cell came from: derived when the rules repaired it, else the text at its
/// value's page and box (a blank cell: its row's `page`, no box).
pub fn provenance(operand: &Operand, slot: Option<&Value>, page: Option<u32>) -> Provenance {
    if operand.origin == Origin::Repaired {
        return Provenance::bare(CellSource::Derived);
    }
    let page = slot.and_then(|v| v.page).or(page);
    Provenance::text(page, slot.and_then(|v| v.bbox))
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;

    fn rows(text: &str) -> Vec<ValueRow> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect();
        value_rows(&lines, 2)
    }

    #[test]
    fn a_label_is_pinned_by_its_own_text_after_its_list_number_only() {
        let template: [&[&str]; 2] = [&["其他法律行政法规", "禁止公开"], &["三安全一稳定"]];
        assert_eq!(own_part("禁止公开3.危及三安全一稳"), "危及三安全一稳");
        assert_eq!(own_part("信息06.属于四类过程性信"), "属于四类过程性信");
        assert_eq!(own_part("一、本年新收"), "一、本年新收");
        assert_eq!(own_part("合计1."), "合计1.");
        assert_eq!(pin("禁止公开3.危及三安全一稳", &template), None);
        assert_eq!(pin("禁止公开3.危及三安全一稳定", &template), Some(1));
        assert_eq!(pin("2.其他法律行政法规禁止公开", &template), Some(0));
    }

    #[test]
    fn wrapped_labels_lead_into_the_next_value_row() {
        let r = rows("（二）部分公开（区分处理的，\n只计这一情形）\t4\t4\n1.属于国家秘密\t1\t1");
        assert_eq!(r.len(), 2);
        assert!(r[0].label.contains("部分公开"));
    }

    #[test]
    fn unreadable_header_cells_above_the_first_read_row_are_label_text() {
        // OCR saw ink in the header's cells (申请人情况) but read none of it.
        let r =
            rows("申请人情况\t\u{FFFD}\t\u{FFFD}\n一、本年新收\t15\t5\n二、上年结转\t\u{FFFD}\t1");
        assert_eq!(r.len(), 2);
        assert!(r[0].label.starts_with("申请人情况") && r[0].label.ends_with("本年新收"));
        assert!(
            r[1].values[0].unreadable(),
            "a lost cell below the first row stays"
        );
        // A table none of whose values could be read keeps its rows, for the rules to name.
        let r = rows("一、本年新收\t\u{FFFD}\t\u{FFFD}\n二、上年结转\t\u{FFFD}\t\u{FFFD}");
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn a_value_halfway_between_two_header_centres_is_placed_by_nothing() {
        let value = |x: f32| Value {
            number: None,
            printed: Some("0".into()),
            x,
            bbox: None,
            page: Some(1),
        };
        let row = |xs: &[f32]| ValueRow {
            label: "一、本年新收".into(),
            values: xs.iter().map(|&x| value(x)).collect(),
            page: Some(1),
            line: 0,
        };
        let centres = [10.0, 20.0, 30.0, 40.0];
        let near = place(&row(&[11.0, 29.0, 38.0]), 4, Some(&centres));
        let at: Vec<bool> = near.slots.iter().map(Option::is_some).collect();
        assert_eq!((at, near.unplaced), (vec![true, false, true, true], false));
        // Centres off by half a column, as from a header OCR split: no value is placed.
        let off = place(&row(&[15.0, 25.0, 35.0]), 4, Some(&centres));
        assert!(off.unplaced);
    }

    #[test]
    fn alignment_skips_a_row_that_is_not_printed() {
        let r = rows("予以公开\t1\t1\n重复申请\t2\t2");
        let t: [&[&str]; 3] = [&["予以公开"], &["部分公开"], &["重复申请"]];
        assert_eq!(align(&r, &t), vec![Some(0), None, Some(1)]);
    }

    #[test]
    fn rows_that_trade_places_go_where_their_labels_say() {
        let r =
            rows("予以公开\t1\t1\n本机关不掌握相关政府信息\t2\t2\n重复申请\t3\t3\n部分公开\t4\t4");
        let t: [&[&str]; 4] = [
            &["予以公开"],
            &["部分公开"],
            &["重复申请"],
            &["本机关不掌握相关政府信息"],
        ];
        assert_eq!(align(&r, &t), vec![Some(0), Some(3), Some(2), Some(1)]);
    }

    #[test]
    fn rows_dumped_column_wise_take_their_labels_in_the_order_printed() {
        let r = rows("1.信访举报投诉类申请\n3.要求提供公开出版物\n2.重复申请\n3\t3\n0\t0\n2\t2");
        let t: [&[&str]; 3] = [
            &["信访举报投诉类申请"],
            &["重复申请"],
            &["要求提供公开出版物"],
        ];
        assert_eq!(align(&r, &t), vec![Some(0), Some(2), Some(1)]);
        // A run that names fewer rows than there are bare value rows is left to the order.
        let r = rows("1.信访举报投诉类申请\n3\t3\n0\t0\n2\t2");
        assert_eq!(align(&r, &t), vec![Some(0), Some(1), Some(2)]);
    }

    const DENIED: [&[&str]; 5] = [
        &["予以公开"],
        &["属于国家秘密"],
        &["其他法律行政法规禁止公开"],
        &["危及三安全一稳定", "三安全一稳定"],
        &["保护第三方合法权益"],
    ];

    #[test]
    fn a_label_that_names_a_row_is_read_as_that_row_wherever_it_stands() {
        // 国家秘密 lost its values (its label runs into the next row's), and rows 4 and 3
        // trade places: order would put each row one place off.
        let r = rows(
            "（一）予以公开\t5\t5\n1.属于国家秘密\n2.其他法律行政法规禁止公开\t1\t1\n\
             4.保护第三方合法权益\t4\t4\n3.危及“三安全一稳定”\t0\t0",
        );
        assert_eq!(
            align(&r, &DENIED),
            [Some(0), None, Some(1), Some(3), Some(2)]
        );
    }

    #[test]
    fn a_row_whose_label_is_unreadable_never_takes_a_named_rows_place() {
        let t: [&[&str]; 5] = [
            &["予以公开"],
            &["部分公开"],
            DENIED[2],
            DENIED[3],
            DENIED[4],
        ];
        // Printed before （一）: order would give it 予以公开 and push （一） down; it is left
        // out, and its row is left for the rules to rebuild.
        let r = rows(
            "某某某某\t4\t4\n（一）予以公开\t5\t5\n2.其他法律行政法规禁止公开\t1\t1\n\
             3.危及“三安全一稳定”\t0\t0\n4.保护第三方合法权益\t2\t2",
        );
        assert_eq!(align(&r, &t), [Some(1), None, Some(2), Some(3), Some(4)]);
        // Between named rows, it takes the row left free between them.
        let r = rows("（一）予以公开\t5\t5\n某某某某\t4\t4\n2.其他法律行政法规禁止公开\t1\t1");
        assert_eq!(align(&r, &t)[..3], [Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn a_group_heading_in_a_column_wise_run_names_no_row() {
        let r = rows(
            "1.信访举报投诉类申请\n2.重复申请\n（六）其他处理\n\
             1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n3\t3\n0\t0\n2\t2",
        );
        let t: [&[&str]; 4] = [
            &["信访举报投诉类申请"],
            &["重复申请"],
            &["申请人无正当理由逾期不补正"],
            &["3.其他", "其他"],
        ];
        assert_eq!(align(&r, &t), [Some(0), Some(1), Some(2), None]);
    }

    #[test]
    fn alignment_follows_order_when_labels_are_noise() {
        let r = rows("xx\t1\t1\nyy\t2\t2");
        let t: [&[&str]; 2] = [&["予以公开"], &["部分公开"]];
        assert_eq!(align(&r, &t), vec![Some(0), Some(1)]);
    }

    #[test]
    fn an_unreadable_cell_holds_its_place_and_is_lost_for_the_rules_to_give() {
        let r = rows("部分公开\t3\t\u{FFFD}\t5");
        assert_eq!(r[0].values.len(), 3);
        let placed = place(&r[0], 3, None);
        let cells = cells_of(&[Some(placed)], 3);
        assert_eq!(cells[0], Operand::printed(Some(3.0)));
        assert_eq!(cells[1], Operand::lost());
        let eq = govreport_model::equations::Equation {
            rule: govreport_model::codes::Rule::ApplicationsRowTotals,
            result: 2,
            extra: Vec::new(),
            parts: vec![0, 1],
            scope: String::new(),
        };
        let mut cells = cells;
        govreport_model::equations::repair(&mut cells, &[eq]);
        assert_eq!(cells[1].value, Some(2.0));
    }
}
