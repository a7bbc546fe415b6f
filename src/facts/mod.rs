//! The narrative facts: the report's title, year and period, its six sections, the
//! policies, dates and counts in its text, and the figures it restates from the tables.

pub mod counts;
pub mod dates;
#[cfg(test)]
mod facts_corpus_tests;
pub mod narrative;
pub mod policies;
pub mod report;
pub mod restated;
pub mod sections;
