//! The record and everything it is made of, with no I/O: the serde types of record.md,
//! stable codes, the consistency rules and their evaluation, the national table templates,
//! input formats and the limits on one file's cost. Every other crate builds on these.

pub mod checks;
pub mod codes;
pub mod complete;
pub mod equations;
pub mod format;
pub mod limits;
pub mod record;
pub mod template;
