//! The record's `audit`: findings about how the report is written, which never change its
//! status or values.

use serde::{Deserialize, Serialize};

use crate::codes::AuditRule;
use crate::template::CellPath;

/// One finding of the audit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Finding {
    /// The rule, e.g. `audit.section_missing`.
    pub rule: AuditRule,
    /// What was found, with the words or figures concerned.
    pub message: String,
    /// The record path concerned (a cell for `audit.restatement`), where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<CellPath>,
    /// The page the finding is on (PDF only), where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Finding {
    /// A finding with no path or page.
    pub fn new(rule: AuditRule, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            path: None,
            page: None,
        }
    }

    /// The same finding on `page`.
    pub fn on_page(self, page: Option<u32>) -> Self {
        Finding { page, ..self }
    }
}
