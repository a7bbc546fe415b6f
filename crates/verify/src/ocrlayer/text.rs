//! Cleaning an OCR layer's table lines: characters OCR reads in place of digits (`了` for
//! 7, `。` for 0, `l` for 1) turned back into digits in a line's value cells, and table
//! borders read as `|` dropped.

use govreport_document::layout::{Cell, Line};

/// The digit a character OCR commonly puts in its place stands for.
fn digit_for(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        'o' | 'O' | 'D' | 'Q' | '。' | '〇' => '0',
        'l' | 'I' | 'i' | '工' | '丨' | '!' => '1',
        'Z' | 'z' => '2',
        'S' | 's' => '5',
        'b' => '6',
        '了' | 'T' => '7',
        'B' => '8',
        'g' | 'q' => '9',
        _ => return None,
    })
}

/// A value token as OCR read it, with its confusable characters made digits, when it has
/// at least one real digit or is one lone confusable character; None when it is not one.
fn as_digits(token: &str) -> Option<String> {
    let core = token.trim_matches(|c| c == '|' || c == '[' || c == ']');
    let digits: Option<String> = core.chars().map(digit_for).collect();
    let digits = digits?;
    let real = core.chars().any(|c| c.is_ascii_digit());
    (!digits.is_empty() && (real || core.chars().count() == 1)).then_some(digits)
}

/// Rewrites the trailing value tokens of a line (right to left, while tokens read as
/// digits or `|`); the rest of the line is left as it is. True when anything changed.
fn clean_line(line: &mut Line) -> bool {
    let mut changed = false;
    let mut values = 0;
    for cell in line.cells.iter_mut().rev() {
        let tokens: Vec<&str> = cell.text.split_whitespace().collect();
        let mut out = Vec::with_capacity(tokens.len());
        let mut stop = false;
        for token in tokens.iter().rev() {
            if stop {
                out.push(token.to_string());
            } else if token.chars().all(|c| c == '|') {
                changed = true;
            } else if let Some(d) = as_digits(token) {
                changed |= d != *token;
                values += 1;
                out.push(d);
            } else {
                stop = true;
                out.push(token.to_string());
            }
        }
        out.reverse();
        cell.text = out.join(" ");
        if stop {
            break;
        }
    }
    line.cells.retain(|c: &Cell| !c.text.is_empty());
    changed && values >= 2
}

/// Cleans the value cells of the lines on the given OCR-layer pages; a line is only
/// rewritten when at least two of its trailing tokens read as numbers (a table row, not
/// a sentence ending in a figure).
pub fn clean(lines: &[Line], pages: &[u32]) -> Vec<Line> {
    lines
        .iter()
        .map(|line| {
            if !line.page.is_some_and(|p| pages.contains(&p)) {
                return line.clone();
            }
            let mut cleaned = line.clone();
            if clean_line(&mut cleaned) {
                cleaned
            } else {
                line.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> Line {
        let cells = cells
            .iter()
            .enumerate()
            .map(|(i, t)| Cell {
                x0: i as f32 * 40.0,
                x1: i as f32 * 40.0 + 20.0,
                text: t.to_string(),
            })
            .collect();
        Line {
            page: Some(1),
            y: 100.0,
            size: 9.0,
            cells,
            frame: None,
        }
    }

    fn texts(l: &Line) -> Vec<&str> {
        l.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn confusable_characters_in_value_cells_become_digits() {
        let got = clean(
            &[line(&[
                "6属于四类过程性信息",
                "了",
                "0",
                "。",
                "工",
                "1O",
                "|",
                "8",
            ])],
            &[1],
        );
        assert_eq!(
            texts(&got[0]),
            ["6属于四类过程性信息", "7", "0", "0", "1", "10", "8"]
        );
    }

    #[test]
    fn labels_sentences_and_other_pages_are_left_alone() {
        let sentence = line(&["全年办理人大代表建议工", "66", "件"]);
        assert_eq!(clean(std::slice::from_ref(&sentence), &[1])[0], sentence);
        let row = line(&["规章", "了", "0", "5"]);
        assert_eq!(
            clean(std::slice::from_ref(&row), &[2])[0],
            row,
            "not a layer page"
        );
        let label = line(&["工本机关不掌握相关政府信息", "68", "5"]);
        assert_eq!(
            texts(&clean(&[label], &[1])[0])[0],
            "工本机关不掌握相关政府信息"
        );
    }
}
