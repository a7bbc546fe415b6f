//! A division as the record shows it: code, name, level and the names above it.

use serde::Serialize;

pub use crate::division::Level;

use crate::index::INDEX;

/// The place of a division on the map, serialised as the record's `region`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// Six-digit GB/T 2260 code, e.g. 320813.
    pub code: String,
    /// The division's name, e.g. 洪泽区.
    pub name: String,
    /// The division's level.
    pub level: Level,
    /// The province it lies in (a municipality for its districts), or itself.
    pub province: Option<String>,
    /// The prefecture-level city it lies in, or itself; for a municipality, the municipality.
    pub city: Option<String>,
    /// The county-level division, when the division is one.
    pub county: Option<String>,
    /// Latitude of its seat, for maps; not serialised.
    #[serde(skip)]
    pub lat: f64,
    /// Longitude of its seat, for maps; not serialised.
    #[serde(skip)]
    pub lon: f64,
}

/// Codes of the four municipalities: 北京, 天津, 上海, 重庆.
const MUNICIPALITIES: [&str; 4] = ["11", "12", "31", "50"];

impl Region {
    /// The region of the division at `div` in the index.
    pub(crate) fn of(div: usize) -> Region {
        let d = &INDEX.divisions[div];
        let mut names = [None, None, None];
        let mut cur = Some(div);
        while let Some(c) = cur {
            let up = &INDEX.divisions[c];
            names[up.level as usize] = Some(up.name.clone());
            cur = up.parent;
        }
        let [province, mut city, county] = names;
        if MUNICIPALITIES.contains(&&d.code[..2]) {
            city.clone_from(&province);
        }
        Region {
            code: d.code.clone(),
            name: d.name.clone(),
            level: d.level,
            province,
            city,
            county,
            lat: d.lat,
            lon: d.lon,
        }
    }

    /// The names from province down, without repeats: 江苏省南京市鼓楼区, 北京市朝阳区.
    pub fn full_name(&self) -> String {
        let mut out = String::new();
        for n in [&self.province, &self.city, &self.county]
            .into_iter()
            .flatten()
        {
            if !out.ends_with(n.as_str()) {
                out.push_str(n);
            }
        }
        out
    }
}

/// Every division of the list, in code order (for maps: each has its seat's coordinates).
pub fn all() -> impl Iterator<Item = Region> {
    (0..INDEX.divisions.len()).map(Region::of)
}

/// The region with this six-digit GB/T 2260 code, if it is in the list.
pub fn by_code(code: &str) -> Option<Region> {
    INDEX.find(code).map(Region::of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_county_serialises_to_the_spec_fields() {
        let r = by_code("320813").unwrap();
        let json = serde_json::to_string(&r).unwrap();
        let want = r#"{"code":"320813","name":"洪泽区","level":"county","province":"江苏省","city":"淮安市","county":"洪泽区"}"#;
        assert_eq!(json, want);
        assert!((r.lat - 33.29).abs() < 0.01 && (r.lon - 118.87).abs() < 0.01);
    }

    #[test]
    fn a_province_has_no_city_or_county() {
        let r = by_code("320000").unwrap();
        assert_eq!((r.level, r.city, r.county), (Level::Province, None, None));
        assert_eq!(r.province.as_deref(), Some("江苏省"));
    }

    #[test]
    fn a_municipality_is_its_districts_city() {
        let r = by_code("110105").unwrap();
        assert_eq!(r.province.as_deref(), Some("北京市"));
        assert_eq!(r.city.as_deref(), Some("北京市"));
        assert_eq!(r.county.as_deref(), Some("朝阳区"));
        assert_eq!(r.full_name(), "北京市朝阳区");
        assert_eq!(by_code("110000").unwrap().city.as_deref(), Some("北京市"));
    }

    #[test]
    fn a_province_administered_city_has_no_city_above() {
        let r = by_code("429004").unwrap();
        assert_eq!(r.name, "仙桃市");
        assert_eq!(
            (r.province.as_deref(), r.city.as_deref()),
            (Some("湖北省"), None)
        );
        assert_eq!(r.full_name(), "湖北省仙桃市");
    }

    #[test]
    fn all_lists_every_division_in_code_order() {
        let codes: Vec<String> = all().map(|r| r.code).collect();
        assert_eq!(codes.len(), 34 + 333 + 2844);
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(codes[0], "110000");
    }

    #[test]
    fn unknown_codes_give_none() {
        assert!(by_code("320899").is_none());
        assert!(by_code("").is_none());
    }
}
