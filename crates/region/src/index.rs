//! The division list and the name index, built once from the data files.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::division::{Division, Level};
use crate::names::{Form, keys};

/// The divisions, one a row: code, name, level, parent code, latitude, longitude.
const DIVISIONS: &str = include_str!("../data/divisions.tsv");
/// Former names: old code, old name, new code, new name, year, note.
const CHANGES: &str = include_str!("../data/changes.tsv");
/// The 56 nationalities, one a line, for shortening autonomous divisions' names.
const NATIONS: &str = include_str!("../data/nations.txt");

/// A name key's meaning: which division, and how the name denotes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Index into `Index::divisions`.
    pub div: usize,
    /// Full name, short form, former name or suffix variant.
    pub form: Form,
    /// For a former name, the year it was given up (data/changes.tsv).
    pub until: Option<i32>,
}

impl Hit {
    /// Whether a report on `year` may use this name: a former name up to a year after it
    /// was given up (the years in changes.tsv may be off by one), any other name always.
    pub fn in_use(&self, year: Option<i32>) -> bool {
        match (self.until, year) {
            (Some(until), Some(year)) => year <= until + 1,
            _ => true,
        }
    }
}

/// Divisions with lookups by code and by name.
pub(crate) struct Index {
    /// All divisions, sorted by code.
    pub divisions: Vec<Division>,
    /// Code -> index into `divisions`.
    by_code: HashMap<String, usize>,
    /// Name key -> its divisions, the best form per division.
    names: HashMap<String, Vec<Hit>>,
    /// First character of keys -> the keys' lengths in characters, longest first.
    lengths: HashMap<char, Vec<usize>>,
}

/// The index, built on first use.
pub(crate) static INDEX: LazyLock<Index> = LazyLock::new(Index::build);

/// Tab-separated data rows of a file: comment lines and the header skipped.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect())
}

impl Index {
    /// Parses the data files and indexes every name form.
    fn build() -> Index {
        let mut divisions = Vec::new();
        let mut parents = Vec::new();
        for r in rows(DIVISIONS) {
            parents.push(r[3]);
            divisions.push(Division {
                code: r[0].to_string(),
                name: r[1].to_string(),
                level: Level::parse(r[2]).expect("level in divisions.tsv"),
                parent: None,
                lat: r[4].parse().expect("latitude in divisions.tsv"),
                lon: r[5].parse().expect("longitude in divisions.tsv"),
            });
        }
        let by_code: HashMap<String, usize> = divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.clone(), i))
            .collect();
        for (d, p) in divisions.iter_mut().zip(parents) {
            d.parent = by_code.get(p).copied();
        }
        let mut index = Index {
            divisions,
            by_code,
            names: HashMap::new(),
            lengths: HashMap::new(),
        };
        index.index_names();
        index
    }

    /// Adds every division's name forms and the former names of changes.tsv.
    fn index_names(&mut self) {
        let nations: Vec<&str> = NATIONS.lines().filter(|l| !l.is_empty()).collect();
        for div in 0..self.divisions.len() {
            for (key, form) in keys(&self.divisions[div], &nations) {
                let until = None;
                self.add(key, Hit { div, form, until });
            }
        }
        for r in rows(CHANGES) {
            let div = self.by_code[r[2]];
            let until = Some(r[4].parse().expect("year in changes.tsv"));
            let form = Form::Former;
            self.add(r[1].to_string(), Hit { div, form, until });
        }
    }

    /// Adds one key, keeping for each division only its best form (of two former names,
    /// the one in use longer).
    fn add(&mut self, key: String, hit: Hit) {
        if let Some(first) = key.chars().next() {
            let lengths = self.lengths.entry(first).or_default();
            let len = key.chars().count();
            if let Err(at) = lengths.binary_search_by(|l| len.cmp(l)) {
                lengths.insert(at, len);
            }
        }
        let hits = self.names.entry(key).or_default();
        match hits.iter_mut().find(|h| h.div == hit.div) {
            Some(h) if (hit.form, h.until) < (h.form, hit.until) => *h = hit,
            Some(_) => {}
            None => hits.push(hit),
        }
    }

    /// The divisions a key names, if any.
    pub fn lookup(&self, key: &str) -> Option<&[Hit]> {
        self.names.get(key).map(Vec::as_slice)
    }

    /// The lengths of the keys starting with `first`, in characters, longest first.
    pub fn key_lengths(&self, first: char) -> &[usize] {
        self.lengths.get(&first).map_or(&[], Vec::as_slice)
    }

    /// The division with this six-digit code.
    pub fn find(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// Whether `a` is `b` or lies above it.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            cur = self.divisions[c].parent;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_level_match_the_header() {
        let count = |l: Level| INDEX.divisions.iter().filter(|d| d.level == l).count();
        assert_eq!(count(Level::Province), 34);
        assert_eq!(count(Level::City), 333);
        assert_eq!(count(Level::County), 2844);
    }

    #[test]
    fn every_division_but_provinces_has_a_parent_above_it() {
        for d in &INDEX.divisions {
            match d.parent {
                None => assert_eq!(d.level, Level::Province, "{}", d.code),
                Some(p) => assert!(INDEX.divisions[p].level < d.level, "{}", d.code),
            }
        }
    }

    #[test]
    fn former_names_point_at_current_divisions() {
        let hits = INDEX.lookup("洪泽县").expect("a variant of 洪泽区");
        assert_eq!(INDEX.divisions[hits[0].div].code, "320813");
        let hits = INDEX.lookup("莱城区").expect("a former name");
        assert_eq!(INDEX.divisions[hits[0].div].code, "370116");
    }

    #[test]
    fn a_former_name_is_in_use_until_a_year_after_its_change() {
        let hits = INDEX
            .lookup("双桥区")
            .expect("承德's district, 重庆's former one");
        let chongqing = hits.iter().find(|h| h.form == Form::Former).unwrap();
        assert_eq!(chongqing.until, Some(2011));
        assert!(chongqing.in_use(Some(2012)) && chongqing.in_use(None));
        assert!(!chongqing.in_use(Some(2013)));
        assert!(
            hits.iter()
                .all(|h| h.form == Form::Former || h.in_use(Some(2025)))
        );
    }

    #[test]
    fn key_lengths_are_listed_longest_first() {
        let lengths = INDEX.key_lengths('恩');
        assert!(lengths.contains(&10) && lengths.contains(&3), "{lengths:?}");
        assert!(lengths.windows(2).all(|w| w[0] > w[1]));
        assert!(INDEX.key_lengths('的').is_empty());
    }

    #[test]
    fn containment_follows_parents() {
        let (nanjing, gulou) = (INDEX.find("320100").unwrap(), INDEX.find("320106").unwrap());
        assert!(INDEX.contains(nanjing, gulou));
        assert!(!INDEX.contains(gulou, nanjing));
        assert!(INDEX.contains(gulou, gulou));
    }
}
