//! The name forms a division goes by: full name, short forms, suffix variants.

use crate::division::{Division, Level};

/// How a key names its division; cheaper forms win when a key fits several divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Form {
    /// The full name, e.g. 恩施土家族苗族自治州.
    Full,
    /// A short form with a suffix, e.g. 恩施州, 长阳县.
    Short,
    /// A province's or city's name without its suffix, e.g. 江苏, 淮安; not read in report text.
    Bare,
    /// A name the division or a part of it had before (data/changes.tsv).
    Former,
    /// A county-level name with the suffix it may have had before a rename (洪泽县 for
    /// 洪泽区), trusted only when a division above it is named too.
    Variant,
}

impl Form {
    /// What reading a name in this form costs: a former name is as good as a current one
    /// (a 2015 report's 桥东区 may be 邢台's, now 襄都区), a variant is a last resort.
    pub(crate) fn cost(self) -> u32 {
        match self {
            Form::Full | Form::Former => 0,
            Form::Short | Form::Bare => 1,
            Form::Variant => 3,
        }
    }
}

/// Suffixes of the autonomous divisions' names.
const AUTONOMOUS: [&str; 4] = ["自治区", "自治州", "自治县", "自治旗"];
/// Suffixes of provinces' names, longest first.
const PROVINCE_SUFFIXES: [&str; 4] = ["特别行政区", "自治区", "省", "市"];
/// Suffixes of cities' names, longest first.
const CITY_SUFFIXES: [&str; 4] = ["自治州", "地区", "盟", "市"];

/// Every key of a division with its form; `nations` are the 56 nationalities' names.
pub(crate) fn keys(div: &Division, nations: &[&str]) -> Vec<(String, Form)> {
    let name = div.name.as_str();
    let mut out = vec![(name.to_string(), Form::Full)];
    let suffixes: &[&str] = match div.level {
        Level::Province => &PROVINCE_SUFFIXES,
        Level::City => &CITY_SUFFIXES,
        Level::County => &["自治县", "自治旗"],
    };
    if let Some((stem, suffix)) = split_suffix(name, suffixes) {
        let stem = strip_nations(stem, nations);
        if div.level != Level::County {
            out.push((stem.to_string(), Form::Bare));
        }
        if let Some(short) = short_suffix(suffix) {
            out.push((format!("{stem}{short}"), Form::Short));
            out.push((format!("{stem}自治{short}"), Form::Short));
        }
    }
    if div.level == Level::County {
        out.extend(variants(name).map(|v| (v, Form::Variant)));
    }
    out.retain(|(k, _)| k.chars().count() >= 2);
    out
}

/// The stem and suffix of a name ending in one of `suffixes`, the stem two characters or more.
fn split_suffix<'a>(name: &'a str, suffixes: &[&'a str]) -> Option<(&'a str, &'a str)> {
    let suffix = suffixes.iter().find(|s| name.ends_with(*s))?;
    let stem = &name[..name.len() - suffix.len()];
    (stem.chars().count() >= 2).then_some((stem, suffix))
}

/// The one-character suffix an autonomous division is shortened with: 恩施州, 长阳县.
fn short_suffix(suffix: &str) -> Option<&'static str> {
    match suffix {
        "自治州" => Some("州"),
        "自治县" => Some("县"),
        "自治旗" => Some("旗"),
        _ => None,
    }
}

/// The stem without the nationalities that end it: 恩施土家族苗族 -> 恩施, 新疆维吾尔 -> 新疆.
fn strip_nations<'a>(mut stem: &'a str, nations: &[&str]) -> &'a str {
    while let Some(shorter) = nations.iter().find_map(|n| strip_nation(stem, n)) {
        stem = shorter;
    }
    stem
}

/// The stem less one trailing nationality (with 族, or without it if two characters remain),
/// when at least two characters are left.
fn strip_nation<'a>(stem: &'a str, nation: &str) -> Option<&'a str> {
    let bare = nation.strip_suffix('族').filter(|b| b.chars().count() >= 2);
    [Some(nation), bare]
        .into_iter()
        .flatten()
        .find_map(|n| stem.strip_suffix(n))
        .filter(|s| s.chars().count() >= 2)
}

/// The suffixes a county-level division with this last character may have had before:
/// a 区 was often a 县 or a county-level 市, a 市 a 县; a 县 has stayed a 县.
fn former_suffixes(last: char) -> &'static [char] {
    match last {
        '区' => &['县', '市'],
        '市' => &['县'],
        _ => &[],
    }
}

/// A county-level name with each suffix it may have had before a rename (洪泽县 and 洪泽市
/// for 洪泽区, 昆山县 for 昆山市), when a stem of two characters or more is left and the name
/// is not autonomous.
fn variants(name: &str) -> impl Iterator<Item = String> + '_ {
    let last = name.chars().last();
    let stem = last.map(|c| &name[..name.len() - c.len_utf8()]);
    let stem =
        stem.filter(|s| s.chars().count() >= 2 && !AUTONOMOUS.iter().any(|a| name.ends_with(a)));
    let suffixes = stem.and(last).map_or(&[][..], former_suffixes);
    suffixes
        .iter()
        .filter_map(move |c| stem.map(|s| format!("{s}{c}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A division for the key functions; only name and level matter.
    fn div(name: &str, level: Level) -> Division {
        let code = String::new();
        Division {
            code,
            name: name.to_string(),
            level,
            parent: None,
            lat: 0.0,
            lon: 0.0,
        }
    }

    /// The keys of a division as (key, form) pairs of strs.
    fn keys_of(name: &str, level: Level) -> Vec<(String, Form)> {
        let nations: Vec<&str> = include_str!("../data/nations.txt").lines().collect();
        keys(&div(name, level), &nations)
    }

    fn has(keys: &[(String, Form)], key: &str, form: Form) -> bool {
        keys.iter().any(|(k, f)| k == key && *f == form)
    }

    #[test]
    fn autonomous_prefectures_shorten_to_stem_and_zhou() {
        let k = keys_of("恩施土家族苗族自治州", Level::City);
        assert!(has(&k, "恩施州", Form::Short) && has(&k, "恩施", Form::Bare));
        let k = keys_of("海西蒙古族藏族自治州", Level::City);
        assert!(has(&k, "海西州", Form::Short));
        let k = keys_of("博尔塔拉蒙古自治州", Level::City);
        assert!(has(&k, "博尔塔拉州", Form::Short));
    }

    #[test]
    fn provinces_lose_suffix_and_nationality() {
        assert!(has(
            &keys_of("新疆维吾尔自治区", Level::Province),
            "新疆",
            Form::Bare
        ));
        assert!(has(
            &keys_of("内蒙古自治区", Level::Province),
            "内蒙古",
            Form::Bare
        ));
        assert!(has(
            &keys_of("西藏自治区", Level::Province),
            "西藏",
            Form::Bare
        ));
        assert!(has(&keys_of("北京市", Level::Province), "北京", Form::Bare));
    }

    #[test]
    fn counties_get_suffix_variants_but_no_bare_stem() {
        let k = keys_of("洪泽区", Level::County);
        assert!(has(&k, "洪泽县", Form::Variant) && has(&k, "洪泽市", Form::Variant));
        assert!(!k.iter().any(|(key, _)| key == "洪泽"));
        assert_eq!(
            keys_of("沙县", Level::County),
            vec![("沙县".to_string(), Form::Full)]
        );
    }

    #[test]
    fn variants_only_go_back_to_an_older_suffix() {
        let k = keys_of("昆山市", Level::County);
        assert!(has(&k, "昆山县", Form::Variant) && !has(&k, "昆山区", Form::Variant));
        let k = keys_of("新河县", Level::County);
        assert!(!k.iter().any(|(_, f)| *f == Form::Variant), "{k:?}");
    }

    #[test]
    fn autonomous_counties_shorten_without_variants() {
        let k = keys_of("长阳土家族自治县", Level::County);
        assert!(has(&k, "长阳县", Form::Short) && has(&k, "长阳自治县", Form::Short));
        assert!(!k.iter().any(|(_, f)| *f == Form::Variant));
    }
}
