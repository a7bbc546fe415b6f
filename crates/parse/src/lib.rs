//! Parsing: a document's lines into the record's report (with the body placed on the map),
//! sections, facts (dates, policies, counts), the national tables or a pre-2019 statistics
//! table, and their checks; and the audit of how the report is written.

pub mod agency;
pub mod audit;
pub mod facts;
pub mod names;
pub mod pre2019;
pub mod region;
pub mod report;
pub mod statistics;
pub mod tables;
