//! Text reuse between one body's consecutive years: the share of the later report's
//! sentences that appear in the earlier one.
//!
//! Sentences come from the records' `sections[].text` (so records stay as they are and
//! `compare` needs no source file): each section's lines that are not table rows (a line
//! with two or more figures standing apart) are joined without whitespace and cut after
//! `。！？；!?`; a run left without an end mark (table labels at a section's end) is not a
//! sentence. A sentence is normalised by folding every number (ASCII or full-width
//! digits, with its thousands commas and decimals) and every year in Chinese numerals
//! (`二〇二三年`) into `#`; sentences of fewer than eight characters (`无。`) are not
//! counted. Each sentence is kept as a 64-bit hash with its section number, a few bytes per sentence. The later report's sentence is
//! reused when the earlier report holds the same normalised sentence in any section (a
//! paragraph moved between sections is still copied). Shares are rounded to two decimals.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use govreport_model::record::Section;

/// One normalised sentence: its section number and hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// `sections[].number` of the section it is in.
    pub section: u32,
    /// A hash of the normalised sentence.
    pub hash: u64,
}

/// `text_reuse` of a consecutive pair of years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    /// The share of all the later report's sentences found in the earlier one.
    pub overall: f64,
    /// The same share per section of the later report, by section number (written as a
    /// string key in JSON).
    pub sections: BTreeMap<u32, f64>,
}

/// Digit runs and years in Chinese numerals, folded into `#`.
static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]+(?:[,.．][0-9０-９]+)*|[〇零○一二三四五六七八九]{4}(?:年)")
        .expect("valid regex")
});

/// A figure standing apart on a line: a table cell.
static CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)-?[0-9][0-9,.]*(?:\s|$)").expect("valid regex"));

/// The marks that end a sentence.
const ENDS: [char; 6] = ['。', '！', '？', '；', '!', '?'];

/// The shortest sentence counted, in characters after normalisation.
const SHORTEST: usize = 8;

/// The sentences of a record's sections.
pub fn sentences(sections: &[Section]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for section in sections {
        let number = u32::from(section.number);
        let text: String = (section.text.lines())
            .filter(|l| CELL.find_iter(l).count() < 2)
            .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
            .collect();
        for sentence in text.split_inclusive(ENDS).filter(|s| s.ends_with(ENDS)) {
            let folded = FIGURES.replace_all(sentence, "#");
            if folded.chars().count() >= SHORTEST {
                out.push(Sentence {
                    section: number,
                    hash: hash(&folded),
                });
            }
        }
    }
    out
}

/// A 64-bit hash of a string, the same for the same string within one run.
fn hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The reuse of `later`'s sentences in `earlier`; None when `later` has no sentence.
pub fn reuse(earlier: &[Sentence], later: &[Sentence]) -> Option<Reuse> {
    if later.is_empty() {
        return None;
    }
    let known: HashSet<u64> = earlier.iter().map(|s| s.hash).collect();
    let mut by_section: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for s in later {
        let (found, all) = by_section.entry(s.section).or_default();
        *found += usize::from(known.contains(&s.hash));
        *all += 1;
    }
    let found: usize = by_section.values().map(|(f, _)| f).sum();
    let sections = by_section
        .into_iter()
        .map(|(n, (f, all))| (n, share(f, all)))
        .collect();
    Some(Reuse {
        overall: share(found, later.len()),
        sections,
    })
}

/// `part / whole`, rounded to two decimals.
fn share(part: usize, whole: usize) -> f64 {
    (part as f64 / whole as f64 * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn of(texts: &[&str]) -> Vec<Sentence> {
        let sections: Vec<Section> = (1u8..)
            .zip(texts)
            .map(|(number, t)| Section {
                number,
                heading: String::new(),
                page: None,
                text: t.to_string(),
                topic: Default::default(),
            })
            .collect();
        sentences(&sections)
    }

    #[test]
    fn figures_and_whitespace_are_folded() {
        let a = of(&["2023年，全年主动公开政府信息 294 条。二〇二三年工作稳步推进，成效明显。"]);
        let b =
            of(&["2024年，全年主动公开 政府信息\n1,318 条。二〇二四年工作稳步推进，成效明显。"]);
        assert_eq!(a.len(), 2);
        assert_eq!(reuse(&a, &b).unwrap().overall, 1.0);
    }

    #[test]
    fn shares_are_per_section_and_overall() {
        let a = of(&[
            "坚持以人民为中心的发展思想。持续深化决策公开。",
            "加强平台建设工作。",
        ]);
        let b = of(&[
            "坚持以人民为中心的发展思想。全面推进基层政务公开。",
            "加强平台建设工作。政务新媒体规范运营。",
            "无。",
        ]);
        let r = reuse(&a, &b).unwrap();
        assert_eq!(r.overall, 0.5);
        assert_eq!(r.sections[&1], 0.5);
        assert_eq!(r.sections[&2], 0.5);
        assert!(!r.sections.contains_key(&3), "too short to count");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            json!({"overall": 0.5, "sections": {"1": 0.5, "2": 0.5}})
        );
        assert_eq!(reuse(&a, &[]), None);
    }

    #[test]
    fn table_rows_are_not_sentences() {
        let a = of(&[
            "全年共办理申请若干件。信息内容\n规章\t3\t1\t60\n行政规范性文件 136 40 3002\n行政许可",
        ]);
        let b = of(&["全年共办理申请若干件。"]);
        assert_eq!(
            a, b,
            "the rows and the labels left without an end mark are dropped"
        );
    }
}
