//! `report.region`: the division a reporting body belongs to.

use serde::{Deserialize, Serialize};

use crate::codes::DivisionLevel;

/// The smallest county-level-or-above division the body belongs to, with the names above it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Region {
    /// Six-digit GB/T 2260 code, e.g. `320813`.
    pub code: String,
    /// The division's name, e.g. `洪泽区`.
    pub name: String,
    /// The division's level.
    pub level: DivisionLevel,
    /// The province it lies in (a municipality for its districts), or itself.
    pub province: Option<String>,
    /// The prefecture-level city it lies in, or itself; null above city level.
    pub city: Option<String>,
    /// The county-level division, when it is one; null above county level.
    pub county: Option<String>,
}
