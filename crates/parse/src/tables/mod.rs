//! The table engine: value rows read off the lines, aligned on the template, placed into
//! columns and repaired by the consistency rules — for 表二, 表三 and 表四.

pub mod active;
pub mod applications;
pub mod cells;
pub mod gaps;
#[cfg(test)]
mod geometry_tests;
pub mod grid;
pub mod placement;
pub mod review;

use govreport_model::record::{Check, Provenance, Table, Warning};
use govreport_model::template::CellPath;

/// A parsed table with the checks and warnings it produced and the rows it was read from.
pub struct TableResult {
    /// The table as the record holds it.
    pub table: Table,
    /// Consistency checks on it.
    pub checks: Vec<Check>,
    /// Doubts about how it was read.
    pub warnings: Vec<Warning>,
    /// One line per reconstructed row, for `govreport text`.
    pub debug: Vec<String>,
    /// Where each of its cells came from, by record path.
    pub cells: Vec<(CellPath, Provenance)>,
}
