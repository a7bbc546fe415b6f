//! Parsing: a document's lines into the record's report (with the body placed on the map),
//! sections, facts (dates, policies, counts), the national tables or a pre-2019 statistics
//! table, and their checks.

pub mod agency;
pub mod facts;
pub mod pre2019;
pub mod region;
pub mod report;
pub mod statistics;
pub mod tables;
