//! `tables.statistics`: the statistics table of a report before 2019.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// `tables.statistics`: the value columns and every indicator row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Statistics {
    /// The value columns' headers as printed, whitespace removed.
    pub columns: Vec<String>,
    /// The indicator rows in printed order (heading rows only appear as `parent`).
    pub rows: Vec<StatRow>,
    /// Cells printed as something other than a plain number, by path (`rows[5].values[0]`).
    #[serde(default)]
    pub printed: Map<String, Json>,
}

/// One indicator row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StatRow {
    /// The indicator without numbering, `其中` or trailing note.
    pub label: String,
    /// The indicator as printed, whitespace removed.
    pub text: String,
    /// The label of the row or heading it belongs to.
    pub parent: Option<String>,
    /// The unit as printed (or named in the label).
    pub unit: Option<String>,
    /// One per column: a number, or null.
    pub values: Vec<Json>,
    /// The stable key of a 2015–2018 form indicator, else null.
    pub key: Option<String>,
    /// The `代码` column's text, when the table has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The `序号` column's text, when the table has one: a serial number, or the row's
    /// numbering (`（一）`), which then is not part of `text` but still decides `parent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// How the row hangs from its parent, as the checks see it (known while the record is
    /// built, not written).
    #[serde(skip)]
    pub hang: Option<Hang>,
}

/// How a statistics row hangs from the row it breaks down, for re-running the checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hang {
    /// Index of the row it breaks down.
    pub parent: Option<usize>,
    /// A `其中` part.
    pub of_which: bool,
    /// A numbered part (`1.`, `（一）`…).
    pub numbered: bool,
}
