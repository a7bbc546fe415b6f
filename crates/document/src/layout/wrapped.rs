//! Numbers wrapped inside one ruled table cell (`29` over `5` where `295` did not fit a
//! narrow column) joined back into one value, on the line of the cell's row.

use super::{Cell, Line, Rule};

/// Joins every pair of number fragments that share one cell: shown by the rules (the
/// first line under a rule, the second over the next rule, no rule between them), or, in a
/// table without inner rules, by a row of numbers centred between them with that column
/// empty. The value goes to the row's line between them when there is one (a cell centred
/// on its row), else to the fragment's line with more cells (a cell aligned to its row's top
/// or bottom). `lines` are one page's, in reading order (by baseline).
pub fn join(lines: &mut Vec<Line>, rules: &[Rule]) {
    let flat: Vec<&Rule> = rules.iter().filter(|r| is_horizontal(r)).collect();
    let mut from = 0;
    while let Some(pair) = find(lines, from, &flat) {
        from = pair.0.0;
        apply(lines, pair);
    }
    lines.retain(|l| !l.cells.is_empty());
}

/// How many lines after an upper fragment its lower one may be.
const LOOK_AHEAD: usize = 5;

/// Most cells a table's line holds (表四 has 16 with its label); longer lines are not
/// looked at, which bounds the work on hostile input.
const MAX_CELLS: usize = 40;

/// Two fragments: (line, cell) of the upper and of the lower.
type Pair = ((usize, usize), (usize, usize));

/// The first pair whose upper fragment is on line `from` or after.
fn find(lines: &[Line], from: usize, flat: &[&Rule]) -> Option<Pair> {
    for i in from..lines.len() {
        // The lower fragment is a few lines on at most (the row's line, a wrapped label's).
        for j in i + 1..lines.len().min(i + 1 + LOOK_AHEAD) {
            let size = lines[i].size.max(lines[j].size);
            let wide = lines[i].cells.len().max(lines[j].cells.len()) > MAX_CELLS;
            if wide || lines[i].size.min(lines[j].size) < size * 0.7 {
                continue;
            }
            let (ya, yb) = (lines[i].y, lines[j].y);
            if yb - ya > 1.8 * size || lines[j].page != lines[i].page {
                break;
            }
            // OCR puts a fragment on its row's baseline, so the two may be closer than a
            // line apart; the rules must then show one cell.
            if yb - ya < 0.4 * size {
                continue;
            }
            let middle = lines[i + 1..j]
                .iter()
                .find(|m| (m.y - (ya + yb) / 2.0).abs() <= 0.3 * size);
            // Under rules, the lower line holds the rest of some cells: fewer numbers than
            // the upper (else it is the next row), and nothing else when the two are closer
            // than a line apart (OCR's baselines are not that exact).
            if starts_row(&lines[j]) {
                continue;
            }
            let numbers = |l: &Line| l.cells.iter().filter(|c| is_number(&c.text)).count();
            let rest = numbers(&lines[j]) < numbers(&lines[i])
                && (yb - ya >= 0.8 * size || numbers(&lines[j]) == lines[j].cells.len());
            for (a, upper) in lines[i].cells.iter().enumerate() {
                for (b, lower) in lines[j].cells.iter().enumerate() {
                    if !fragments(upper, lower, size) {
                        continue;
                    }
                    let span = (upper.x0.min(lower.x0), upper.x1.max(lower.x1));
                    if parted(span, ya, yb, size, flat) {
                        continue;
                    }
                    if (rest || middle.is_some()) && ruled(span, ya, yb, size, flat)
                        || middle.is_some_and(|m| {
                            (0.8 * size..=1.7 * size).contains(&(yb - ya)) && centred(m, span)
                        })
                    {
                        return Some(((i, a), (j, b)));
                    }
                }
            }
        }
    }
    None
}

/// Whether `upper` and `lower` may be the two lines of one wrapped number: number
/// fragments, aligned left, right or centre, the lower no wider than the upper.
fn fragments(upper: &Cell, lower: &Cell, size: f32) -> bool {
    if !is_number(&upper.text)
        || lower.text.is_empty()
        || !lower.text.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return false;
    }
    let near = 0.6 * size;
    let aligned = (upper.x0 - lower.x0).abs() <= near
        || (upper.x1 - lower.x1).abs() <= near
        || ((upper.x0 + upper.x1) - (lower.x0 + lower.x1)).abs() / 2.0 <= near;
    aligned && lower.x1 - lower.x0 <= upper.x1 - upper.x0 + 0.3 * size
}

/// Whether the rules across `span` put both fragments (baselines `ya`, `yb`) between the
/// same two rules, no more than four lines apart: one cell. A fragment counts where its
/// glyphs' middle is, a third of a line over its baseline (OCR puts a fragment on its row's
/// baseline, which may lie a little off its own).
fn ruled((lo, hi): (f32, f32), ya: f32, yb: f32, size: f32, flat: &[&Rule]) -> bool {
    let covering: Vec<f32> = flat
        .iter()
        .filter(|r| r.x0 <= lo + 1.0 && r.x1 >= hi - 1.0)
        .map(|r| mid(r))
        .collect();
    let band = |y: f32| {
        let y = y - 0.35 * size;
        let over = covering.iter().copied().filter(|&m| m < y).reduce(f32::max);
        let under = covering.iter().copied().filter(|&m| m > y).reduce(f32::min);
        over.zip(under)
    };
    match (band(ya), band(yb)) {
        (Some(a), Some(b)) => a == b && a.1 - a.0 <= 4.0 * size,
        _ => false,
    }
}

/// Whether a rule across `span` lies between the two fragments (baselines `ya`, `yb`,
/// counted where their glyphs' middle is, as in [`ruled`]): two cells, whatever else.
fn parted((lo, hi): (f32, f32), ya: f32, yb: f32, size: f32, flat: &[&Rule]) -> bool {
    let (top, bottom) = (ya - 0.35 * size, yb - 0.35 * size);
    flat.iter()
        .any(|r| r.x0 <= lo + 1.0 && r.x1 >= hi - 1.0 && (top..bottom).contains(&mid(r)))
}

/// Whether `line` begins with a numbered label (`4.`, `4、`, `（五）`, `(五)`): the first
/// line of a row of its own, not the rest of the row above.
fn starts_row(line: &Line) -> bool {
    let Some(first) = line.cells.first() else {
        return false;
    };
    let mut chars = first.text.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    let cjk_after = chars.next().is_some_and(|c| !c.is_ascii());
    (a.is_ascii_digit() && matches!(b, '.' | '、' | '．') && cjk_after) || matches!(a, '（' | '(')
}

/// Whether `row` is a row of two or more numbers with nothing over `span`.
fn centred(row: &Line, (lo, hi): (f32, f32)) -> bool {
    let numbers = row.cells.iter().filter(|c| is_number(&c.text)).count();
    numbers >= 2 && row.cells.iter().all(|c| c.x1 <= lo || c.x0 >= hi)
}

/// Digits, possibly with a sign, separators or a decimal point.
fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,-".contains(c))
}

/// Moves the joined value onto its row's line and takes both fragments away.
fn apply(lines: &mut [Line], ((i, a), (j, b)): Pair) {
    let lower = lines[j].cells.remove(b);
    let upper = lines[i].cells.remove(a);
    let joined = Cell {
        x0: upper.x0.min(lower.x0),
        x1: upper.x1.max(lower.x1),
        text: format!("{}{}", upper.text, lower.text),
    };
    let free = |l: &Line| {
        l.cells
            .iter()
            .all(|c| c.x1 <= joined.x0 || c.x0 >= joined.x1)
    };
    let row = (i + 1..j)
        .filter(|&m| free(&lines[m]) && !lines[m].cells.is_empty())
        .max_by_key(|&m| lines[m].cells.len())
        .unwrap_or(if lines[j].cells.len() > lines[i].cells.len() {
            j
        } else {
            i
        });
    let cells = &mut lines[row].cells;
    let at = cells.partition_point(|c| c.x0 < joined.x0);
    cells.insert(at, joined);
}

fn is_horizontal(r: &Rule) -> bool {
    let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
    h <= 2.0 && w > 4.0 * h.max(0.5)
}

fn mid(r: &Rule) -> f32 {
    (r.y0 + r.y1) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, cells: &[(f32, &str)]) -> Line {
        Line {
            page: Some(1),
            y,
            size: 10.0,
            cells: cells
                .iter()
                .map(|&(x, t)| Cell {
                    x0: x,
                    x1: x + 5.5 * t.chars().count() as f32,
                    text: t.to_string(),
                })
                .collect(),
            frame: None,
        }
    }

    fn rule(y: f32) -> Rule {
        Rule {
            x0: 0.0,
            x1: 400.0,
            y0: y,
            y1: y,
        }
    }

    fn texts(lines: &[Line]) -> Vec<Vec<&str>> {
        lines
            .iter()
            .map(|l| l.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_number_wrapped_in_a_cell_centred_on_its_row_joins_on_the_row_line() {
        let mut lines = vec![
            line(110.0, &[(200.0, "29"), (380.0, "31")]),
            line(116.0, &[(20.0, "一、本年新收"), (250.0, "6"), (300.0, "1")]),
            line(122.0, &[(200.0, "5"), (380.0, "9")]),
            line(140.0, &[(20.0, "二、上年结转"), (200.0, "3")]),
        ];
        join(&mut lines, &[rule(98.0), rule(126.0), rule(146.0)]);
        assert_eq!(
            texts(&lines),
            [
                vec!["一、本年新收", "295", "6", "1", "319"],
                vec!["二、上年结转", "3"]
            ]
        );
    }

    #[test]
    fn a_number_wrapped_under_its_row_joins_the_row() {
        let mut lines = vec![
            line(110.0, &[(20.0, "（七）总计"), (200.0, "29"), (250.0, "7")]),
            line(122.0, &[(200.0, "2")]),
        ];
        join(&mut lines, &[rule(98.0), rule(126.0)]);
        assert_eq!(texts(&lines), [vec!["（七）总计", "292", "7"]]);
    }

    #[test]
    fn a_fragment_ocr_put_on_its_rows_baseline_joins_the_one_just_under_it() {
        let mut lines = vec![
            line(
                116.0,
                &[(20.0, "一、本年新收"), (200.0, "29"), (250.0, "6")],
            ),
            line(122.0, &[(200.0, "5")]),
        ];
        join(&mut lines, &[rule(98.0), rule(124.0)]);
        assert_eq!(texts(&lines), [vec!["一、本年新收", "295", "6"]]);
        let mut lines = vec![
            line(
                116.0,
                &[(20.0, "一、本年新收"), (200.0, "29"), (250.0, "6")],
            ),
            line(122.0, &[(200.0, "5")]),
        ];
        join(&mut lines, &[]);
        assert_eq!(lines.len(), 2, "without rules nothing shows one cell");
    }

    #[test]
    fn two_rows_of_numbers_stay_apart_with_a_rule_between_or_without_rules_round_them() {
        let rows = || {
            vec![
                line(110.0, &[(20.0, "行政复议"), (200.0, "29")]),
                line(122.0, &[(200.0, "5")]),
            ]
        };
        for rules in [
            vec![rule(98.0), rule(115.0), rule(126.0)],
            vec![rule(60.0), rule(180.0)],
            Vec::new(),
        ] {
            // (no row of numbers between them: nothing else shows one cell)
            let mut lines = rows();
            join(&mut lines, &rules);
            assert_eq!(
                texts(&lines),
                [vec!["行政复议", "29"], vec!["5"]],
                "{rules:?}"
            );
        }
    }

    #[test]
    fn without_inner_rules_a_number_wrapped_round_a_row_of_numbers_joins_it() {
        let row = || {
            vec![
                line(110.0, &[(20.0, "三"), (380.0, "12")]),
                line(
                    116.0,
                    &[(40.0, "（一）予以公开"), (200.0, "106"), (250.0, "11")],
                ),
                line(122.0, &[(20.0, "、"), (380.0, "5")]),
            ]
        };
        let mut lines = row();
        join(&mut lines, &[]);
        assert_eq!(
            texts(&lines),
            [
                vec!["三"],
                vec!["（一）予以公开", "106", "11", "125"],
                vec!["、"]
            ]
        );
        let mut lines = row();
        (lines[1].cells[2].x0, lines[1].cells[2].x1) = (381.0, 392.0);
        join(&mut lines, &[]);
        assert_eq!(
            lines[0].cells.len(),
            2,
            "the row has a number in that column"
        );
        let mut lines = row();
        lines[2].y = 130.0;
        lines[1].y = 120.0;
        join(&mut lines, &[]);
        assert_eq!(lines[0].cells.len(), 2, "two lines apart: two rows");
    }

    /// A row (`3.要求提供公开出版物`) whose middle numbers OCR put on a line of their own with
    /// the group label (`处理 0 0`), over the next row; `1` in the first column of both.
    fn split_row() -> Vec<Line> {
        vec![
            line(
                110.0,
                &[(40.0, "3.要求提供公开出版物"), (200.0, "1"), (380.0, "1")],
            ),
            line(116.0, &[(10.0, "处理"), (250.0, "0"), (300.0, "0")]),
            line(
                126.0,
                &[
                    (40.0, "4.无正当理由大量反复申请"),
                    (200.0, "1"),
                    (250.0, "0"),
                ],
            ),
        ]
    }

    #[test]
    fn numbers_of_two_rows_stay_apart_round_a_centred_row_when_a_rule_parts_them() {
        let mut lines = split_row();
        lines[2].cells[0].text = "大量反复申请".into();
        join(&mut lines, &[rule(98.0), rule(118.0), rule(130.0)]);
        assert_eq!(lines[0].cells.len(), 3, "{:?}", texts(&lines));
    }

    #[test]
    fn a_line_that_begins_with_a_numbered_label_is_a_row_of_its_own() {
        for first in ["4.无正当理由大量反复申请", "（五）不予处理", "(五)不予处理"]
        {
            let mut lines = split_row();
            lines[2].cells[0].text = first.into();
            join(&mut lines, &[]);
            assert_eq!(lines[0].cells.len(), 3, "{first}: {:?}", texts(&lines));
        }
        let mut lines = split_row();
        lines[2].cells[0].text = "大量反复申请".into();
        join(&mut lines, &[]);
        assert!(
            texts(&lines).concat().contains(&"11"),
            "without rules or a label, the centred row shows one cell: {:?}",
            texts(&lines)
        );
    }

    #[test]
    fn numbers_of_two_tight_rows_stay_apart_when_ocr_puts_one_just_under_its_rule() {
        let mut lines = vec![
            line(186.0, &[(20.0, "4.无正当理由"), (200.0, "2"), (380.0, "3")]),
            line(
                194.4,
                &[(20.0, "5.要求行政机关"), (200.0, "5"), (380.0, "6")],
            ),
        ];
        join(&mut lines, &[rule(170.2), rule(182.6), rule(195.1)]);
        assert_eq!(lines[0].cells.len(), 3);
        assert_eq!(lines[1].cells.len(), 3);
        // Both baselines read low, into one band: a full row under is still a row.
        let mut lines = vec![
            line(175.3, &[(20.0, "3.要求提供"), (200.0, "2"), (380.0, "3")]),
            line(186.1, &[(20.0, "4.无正当理由"), (200.0, "2"), (380.0, "3")]),
        ];
        join(&mut lines, &[rule(170.2), rule(182.6), rule(195.1)]);
        assert_eq!(lines[1].cells.len(), 3);
    }

    #[test]
    fn a_wider_second_line_or_words_are_no_wrapped_number() {
        for (upper, lower) in [("2", "95"), ("29", "件"), ("合计", "5")] {
            let mut lines = vec![
                line(110.0, &[(200.0, upper)]),
                line(122.0, &[(200.0, lower)]),
            ];
            join(&mut lines, &[rule(98.0), rule(126.0)]);
            assert_eq!(lines.len(), 2, "{upper} {lower}");
        }
    }
}
