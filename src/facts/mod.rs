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
