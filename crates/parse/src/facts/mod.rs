//! The narrative facts: the statistics period, the policies, dates and counts in the
//! report's text, and the figures it restates from the tables.

pub mod counts;
pub mod dates;
#[cfg(test)]
mod facts_corpus_tests;
pub mod narrative;
pub mod period;
pub mod policies;
mod policy_dates;
pub mod restated;

use govreport_model::record::Record;

/// Fills `dates`, `policies` and `counts` from the narrative lines.
pub fn fill(record: &mut Record, text: &[narrative::TextLine]) {
    record.dates = dates::find_dates(text, record.report.year);
    record.policies = policies::find_policies(text, record.report.year);
    record.counts = counts::find_counts(text);
}
