//! Finding division names in a string: the longest name at each place, left to right.

use crate::index::{Hit, INDEX};
use crate::names::Form;

/// What is scanned: a body's name or a title, or a report's running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Every form counts.
    Name,
    /// Bare stems (南京) and two-character names (城区, 和县) are too often plain words.
    Text,
}

/// A division name found in a string, with the divisions it may mean.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// First character, as a character position.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The divisions the name fits, with how it names each.
    pub hits: Vec<Hit>,
}

/// The names in `s`, in order, reading at most `max_chars` characters (whitespace dropped);
/// former names only as a report on `year` may use them.
pub(crate) fn scan(s: &str, max_chars: usize, mode: Mode, year: Option<i32>) -> Vec<Mention> {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(max_chars)
        .collect();
    let offsets: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let n = offsets.len() - 1;
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < n {
        match longest_at(&s, &offsets, pos, mode, year) {
            Some(m) => {
                pos = m.end;
                out.push(m);
            }
            None => pos += 1,
        }
    }
    out
}

/// The longest name starting at character `pos` that a report on `year` may use, if any.
fn longest_at(
    s: &str,
    offsets: &[usize],
    pos: usize,
    mode: Mode,
    year: Option<i32>,
) -> Option<Mention> {
    let first = s[offsets[pos]..].chars().next()?;
    let min = if mode == Mode::Text { 3 } else { 2 };
    let room = offsets.len() - 1 - pos;
    let lengths = INDEX.key_lengths(first).iter().copied();
    lengths
        .filter(|&len| len >= min && len <= room)
        .find_map(|len| {
            let hits = INDEX.lookup(&s[offsets[pos]..offsets[pos + len]])?;
            let hits: Vec<Hit> = hits
                .iter()
                .filter(|h| (mode == Mode::Name || h.form != Form::Bare) && h.in_use(year))
                .copied()
                .collect();
            (!hits.is_empty()).then_some(Mention {
                start: pos,
                end: pos + len,
                hits,
            })
        })
}

/// The mentions split into runs of names written one after another (南京市鼓楼区).
pub(crate) fn runs(mentions: &[Mention]) -> impl Iterator<Item = &[Mention]> {
    mentions.chunk_by(|a, b| a.end == b.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names found, as strings of the scanned text.
    fn found(s: &str, mode: Mode) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let names = scan(s, usize::MAX, mode, None);
        names
            .iter()
            .map(|m| chars[m.start..m.end].iter().collect())
            .collect()
    }

    #[test]
    fn takes_the_longest_name_at_each_place() {
        assert_eq!(
            found("南京市鼓楼区教育局", Mode::Name),
            ["南京市", "鼓楼区"]
        );
        assert_eq!(
            found("天津市河北区人民政府", Mode::Name),
            ["天津市", "河北区"]
        );
        assert_eq!(found("恩施州人民政府", Mode::Name), ["恩施州"]);
    }

    #[test]
    fn text_mode_skips_bare_stems_and_two_character_names() {
        assert_eq!(found("南京鼓楼区", Mode::Name), ["南京", "鼓楼区"]);
        assert_eq!(found("南京鼓楼区", Mode::Text), ["鼓楼区"]);
        assert!(found("城区学校和县直部门", Mode::Text).is_empty());
    }

    #[test]
    fn whitespace_is_dropped_and_runs_join_adjacent_names() {
        let mentions = scan("南京市 鼓楼区，江苏省", usize::MAX, Mode::Name, None);
        let runs: Vec<&[Mention]> = runs(&mentions).collect();
        assert_eq!(runs.iter().map(|r| r.len()).collect::<Vec<_>>(), [2, 1]);
    }
}
