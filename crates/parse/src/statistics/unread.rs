//! Statistics rows left unread: lines that read as an indicator followed by numbers,
//! standing outside every statistics table whose header was understood (a header in a form
//! not known, or rows past where the table was read). They make the record `partial`.

use std::ops::Range;

use crate::statistics::place;
use govreport_document::layout::{Line, is_cjk};

/// The first line of a run of rows outside `spans`: three row-like lines within six.
pub fn first(lines: &[Line], spans: &[Range<usize>]) -> Option<usize> {
    let outside = |i: usize| !spans.iter().any(|s| s.contains(&i));
    let like: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| outside(i) && row_like(l))
        .collect();
    (0..like.len()).find(|&i| like[i] && like[i..].iter().take(6).filter(|b| **b).count() >= 3)
}

/// A line that reads as a statistics row: an indicator (Chinese words, not a sentence),
/// then only short cells — units, codes, values — at least one of them a number.
fn row_like(line: &Line) -> bool {
    let cells: Vec<&str> = line
        .cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let Some((label, rest)) = cells.split_first() else {
        return false;
    };
    let words = label.chars().filter(|c| is_cjk(*c)).count() >= 2 && !label.contains('。');
    let short = rest
        .iter()
        .all(|t| t.chars().count() <= 8 && !t.contains('。'));
    let number = rest
        .iter()
        .any(|t| place::value(t).is_some_and(|v| v.number.is_some()));
    words && short && number
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_lines as lines;

    #[test]
    fn rows_without_a_header_are_found_and_prose_is_not() {
        let text = "附表\n栏目甲\t栏目乙\t栏目丙\n主动公开信息数\t条\t25\n申请总数\t件\t3\n\
                    其中：当面申请数\t件\t1\n2015年，全年主动公开政府信息 537 条。";
        let l = lines(text);
        assert_eq!(first(&l, &[]), Some(2));
        let table = Range { start: 1, end: 5 };
        assert_eq!(first(&l, &[table]), None);
        assert_eq!(
            first(&lines("一、概述\n2015年，全年受理申请 52 件。\n- 1 -"), &[]),
            None
        );
    }
}
