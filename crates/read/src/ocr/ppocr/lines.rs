//! Recognised boxes as tesseract-shaped words: boxes on one row share a line id (the
//! layout stage takes a line's baseline from its lowest word), and a box's characters are
//! split into words where a space or a wide gap parts them.

use super::super::decide::{as_mark, is_mark};
use super::super::tsv;
use super::rec::{Char, Line};

/// A gap between character centres wider than this many box heights parts two words.
const WORD_GAP: f32 = 1.5;
/// The share of a detected box's height that is margin above and below the ink (the
/// detector grows each region past the glyphs; tesseract's boxes, which the layout stage
/// was made for, hold the ink only).
const MARGIN: f32 = 0.15;

/// The words of the lines, row by row from the top, left to right in a row.
pub fn words(mut lines: Vec<Line>) -> Vec<tsv::Word> {
    lines.sort_by(|a, b| mid(a).total_cmp(&mid(b)));
    let mut rows: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        match rows.iter_mut().find(|r| same_row(&r[0], &line)) {
            Some(row) => row.push(line),
            None => rows.push(vec![line]),
        }
    }
    let mut out = Vec::new();
    for (n, mut row) in rows.into_iter().enumerate() {
        row.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
        for line in &row {
            let margin = MARGIN * (line.bbox[3] - line.bbox[1]);
            let (top, bottom) = (line.bbox[1] + margin, line.bbox[3] - margin);
            out.extend(split(line).into_iter().map(|(text, x0, x1)| tsv::Word {
                // A dash standing alone is a table's "none" mark (read as 一 or -), not text.
                text: if is_mark(&text) { as_mark(&text) } else { text },
                bbox: [x0, top, x1, bottom],
                conf: line.conf * 100.0,
                line: (1, 1, n as u32 + 1),
                page: 1,
            }));
        }
    }
    out
}

fn mid(l: &Line) -> f32 {
    (l.bbox[1] + l.bbox[3]) / 2.0
}

/// Whether two boxes are on one row: they share half the taller one's height (a label
/// cell merged over several rows is on none of them).
fn same_row(a: &Line, b: &Line) -> bool {
    let overlap = a.bbox[3].min(b.bbox[3]) - a.bbox[1].max(b.bbox[1]);
    let taller = (a.bbox[3] - a.bbox[1]).max(b.bbox[3] - b.bbox[1]);
    overlap >= 0.5 * taller
}

/// The line's words: text, left and right (pixels).
fn split(line: &Line) -> Vec<(String, f32, f32)> {
    let height = line.bbox[3] - line.bbox[1];
    let mut groups: Vec<Vec<&Char>> = Vec::new();
    let mut prev: Option<f32> = None;
    for c in &line.chars {
        if c.text.trim().is_empty() {
            prev = None;
            groups.push(Vec::new());
            continue;
        }
        let apart = prev.is_some_and(|p| c.x - p > WORD_GAP * height);
        match groups.last_mut() {
            Some(g) if !apart => g.push(c),
            _ => groups.push(vec![c]),
        }
        prev = Some(c.x);
    }
    groups.retain(|g| !g.is_empty());
    let pitch = pitch(line);
    let last = groups.len().saturating_sub(1);
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let text: String = g.iter().map(|c| c.text.as_str()).collect();
            let x0 = if i == 0 {
                line.bbox[0]
            } else {
                g[0].x - pitch / 2.0
            };
            let x1 = if i == last {
                line.bbox[2]
            } else {
                g[g.len() - 1].x + pitch / 2.0
            };
            (text, x0.max(line.bbox[0]), x1.min(line.bbox[2]))
        })
        .collect()
}

/// The typical distance between neighbouring characters' centres (the box's width over
/// its characters when there are too few to tell).
fn pitch(line: &Line) -> f32 {
    let mut gaps: Vec<f32> = line.chars.windows(2).map(|w| w[1].x - w[0].x).collect();
    gaps.sort_by(f32::total_cmp);
    match gaps.get(gaps.len() / 2) {
        Some(&g) if gaps.len() >= 2 => g,
        _ => (line.bbox[2] - line.bbox[0]) / line.chars.len().max(1) as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, xs: &[f32], bbox: [f32; 4]) -> Line {
        let chars = text
            .chars()
            .zip(xs)
            .map(|(c, &x)| Char {
                text: c.to_string(),
                x,
            })
            .collect();
        Line {
            bbox,
            chars,
            conf: 0.9,
        }
    }

    #[test]
    fn boxes_level_with_each_other_share_a_line_and_wide_gaps_part_words() {
        let label = line("规章", &[110.0, 140.0], [95.0, 100.0, 155.0, 130.0]);
        let values = line(
            "12 3",
            &[400.0, 415.0, 430.0, 500.0],
            [390.0, 102.0, 510.0, 131.0],
        );
        let below = line("5", &[400.0], [390.0, 140.0, 410.0, 170.0]);
        let dash = line("一", &[500.0], [490.0, 140.0, 510.0, 170.0]);
        let got = words(vec![below, values, label, dash]);
        let text: Vec<(&str, u32)> = got.iter().map(|w| (w.text.as_str(), w.line.2)).collect();
        assert_eq!(
            text,
            vec![("规章", 1), ("12", 1), ("3", 1), ("5", 2), ("—", 2)]
        );
        assert_eq!(got[1].bbox[0], 390.0);
        assert_eq!(got[2].bbox[2], 510.0);
    }

    #[test]
    fn a_label_over_two_rows_joins_neither() {
        let tall = line("本年度", &[20.0, 20.0, 20.0], [0.0, 100.0, 40.0, 200.0]);
        let first = line("4", &[300.0], [290.0, 100.0, 310.0, 140.0]);
        let second = line("14", &[300.0, 310.0], [290.0, 150.0, 320.0, 190.0]);
        let got = words(vec![tall, first, second]);
        let lines: Vec<u32> = got.iter().map(|w| w.line.2).collect();
        assert_eq!(lines, vec![1, 2, 3]);
    }
}
