//! A division of the list and its level: the types the index, the name forms and the
//! placed region share.

use serde::Serialize;

/// A division's level in GB/T 2260.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 省, 自治区, 直辖市, 特别行政区.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    City,
    /// 市辖区, 县, 县级市, 自治县, 旗 and the like.
    County,
}

impl Level {
    /// The level named `province`, `city` or `county`.
    pub(crate) fn parse(s: &str) -> Option<Level> {
        match s {
            "province" => Some(Level::Province),
            "city" => Some(Level::City),
            "county" => Some(Level::County),
            _ => None,
        }
    }
}

/// One division of the list.
#[derive(Debug)]
pub(crate) struct Division {
    /// Six-digit GB/T 2260 code.
    pub code: String,
    /// Full name, e.g. 洪泽区.
    pub name: String,
    /// Province, city or county.
    pub level: Level,
    /// The division above, as an index into `Index::divisions`.
    pub parent: Option<usize>,
    /// Latitude of its seat.
    pub lat: f64,
    /// Longitude of its seat.
    pub lon: f64,
}
