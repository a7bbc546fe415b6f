//! `govreport compare`: reports of the same body across years, or of different bodies, side
//! by side; the cross-year rule `cross_year.carry_over`; text reuse between consecutive
//! years; duplicates and gaps.
//!
//! Everything here works on [`Entry`], a compact view of one typed record; a record written
//! by an older version of the extractor reads into the type with the fields added since at
//! their defaults, and its body is placed again when it was written before regions.

pub mod csv;
pub mod diff;
pub mod entry;
pub mod load;
pub mod panel;
pub mod reuse;
pub mod text;

pub use entry::Entry;

use serde::Serialize;

/// How a comparison came out (the command maps it to its exit status).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input read, every cross-year rule holds.
    Ok,
    /// A cross-year rule fails.
    RuleFailed,
    /// An input could not be read.
    InputFailed,
}

/// What `compare` found: the panel of every agency and, for exactly two reports, their
/// side-by-side comparison.
#[derive(Debug, Serialize)]
pub struct Comparison {
    /// Every record read, in input order.
    #[serde(skip)]
    pub entries: Vec<Entry>,
    /// Agencies, grouped and ordered by year, with their cross-year checks.
    pub panel: panel::Panel,
    /// The two reports side by side (present when exactly two reports were read).
    pub pair: Option<diff::Pair>,
    /// Inputs that could not be read (file errors, bad JSON, failed extractions).
    pub unreadable: Vec<load::Unreadable>,
    /// JSON files in folders that are not records, skipped.
    pub skipped: Vec<String>,
}

impl Comparison {
    /// Compares the entries read (in input order) and notes the inputs that were not.
    pub fn new(loaded: load::Loaded) -> Comparison {
        let entries = &loaded.entries;
        let panel = panel::Panel::new(entries);
        let pair = match &entries[..] {
            [a, b] => Some(diff::Pair::new(a, b)),
            _ => None,
        };
        Comparison {
            panel,
            pair,
            unreadable: loaded.unreadable,
            skipped: loaded.skipped,
            entries: loaded.entries,
        }
    }

    /// How the comparison came out, worst first: an input could not be read, a
    /// cross-year rule fails, or all is well.
    pub fn outcome(&self) -> Outcome {
        if !self.unreadable.is_empty() {
            Outcome::InputFailed
        } else if self.panel.failures() > 0 {
            Outcome::RuleFailed
        } else {
            Outcome::Ok
        }
    }
}
