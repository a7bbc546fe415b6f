//! The agency key: one normalised name per reporting body, so that the same body's reports
//! group together across years and spellings while different bodies never merge.

use govreport_region::without_places;
use unicode_normalization::UnicodeNormalization;

/// Place names that stand for their 人民政府: a report titled `2023年石湾区政府信息公开…`
/// is the district government's own report.
const PLACE_ENDINGS: [char; 9] = ['省', '市', '区', '县', '州', '旗', '盟', '镇', '乡'];

/// Names ending in 区 that are not a 人民政府's area (their reports come from a 管委会).
const ZONE_ENDINGS: [&str; 11] = [
    "开发区",
    "新区",
    "园区",
    "示范区",
    "保税区",
    "高新区",
    "试验区",
    "合作区",
    "管理区",
    "风景区",
    "景区",
];

/// The key reports are grouped by (`report.agency_key`, see docs/guide/compare.md): with
/// the body's region code, `<code>:<its name key less the place names it starts with>`
/// (`320813:人民政府` for `洪泽区人民政府` and for `淮安市洪泽区人民政府`); without, the name key.
pub fn agency_key(agency: &str, region_code: Option<&str>) -> String {
    let key = name_key(agency);
    match region_code {
        Some(code) => format!("{code}:{}", without_places(&key)),
        None => key,
    }
}

/// The normalised form of an agency name (see docs/guide/compare.md, "The agency key"):
/// 1. Unicode NFKC (full-width letters, digits and brackets become half-width, radical
///    code points such as `⼈` become `人`), ASCII letters lower-cased;
/// 2. every whitespace and invisible format character removed;
/// 3. `政府` right after a place (市 区 县 …) becomes `人民政府` (`石湾区政府办公室` →
///    `石湾区人民政府办公室`);
/// 4. a bare place name (`石湾区`, from a title such as `2023年石湾区政府信息公开工作年度
///    报告`) becomes its `人民政府`, except development zones and parks.
///
/// A trailing 办公室/办公厅 is kept: the office of a 人民政府 publishes its own report as a
/// department, beside the government's report, so the two are different bodies. Prefixes
/// are kept too (`江苏省淮安市洪泽区` and `洪泽区` stay apart): several cities have a 鼓楼区.
pub fn name_key(agency: &str) -> String {
    let squeezed: String = agency
        .nfkc()
        .filter(|c| !c.is_whitespace() && !is_format(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let expanded = expand_short_government(&squeezed);
    if is_bare_place(&expanded) {
        format!("{expanded}人民政府")
    } else {
        expanded
    }
}

/// Zero-width and other invisible format characters that web pages leave in names.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

/// `…区政府` → `…区人民政府` wherever 政府 directly follows a place character.
fn expand_short_government(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 6);
    let mut rest = name;
    while let Some(at) = rest.find("政府") {
        let before = &rest[..at];
        out.push_str(before);
        let place = before
            .chars()
            .next_back()
            .is_some_and(|c| PLACE_ENDINGS.contains(&c));
        let after_renmin = before.ends_with("人民");
        out.push_str(if place && !after_renmin {
            "人民政府"
        } else {
            "政府"
        });
        rest = &rest[at + "政府".len()..];
    }
    out.push_str(rest);
    out
}

/// A name that is only a place (ends in 市, 区, 县 …, is not a zone or park).
fn is_bare_place(name: &str) -> bool {
    name.chars().count() >= 2
        && name
            .chars()
            .next_back()
            .is_some_and(|c| PLACE_ENDINGS.contains(&c))
        && !ZONE_ENDINGS.iter().any(|z| name.ends_with(z))
}

#[cfg(test)]
mod tests {
    use super::name_key as agency_key;

    #[test]
    fn spacing_and_full_width_forms_give_one_key() {
        let key = agency_key("淮安市洪泽区人民政府");
        assert_eq!(agency_key("淮安市 洪泽区　人民政府"), key);
        assert_eq!(agency_key("淮安市洪泽区⼈民政府\u{200b}"), key);
        assert_eq!(agency_key("Ｘ市教育局"), "x市教育局");
    }

    #[test]
    fn a_place_or_its_short_government_is_the_people_s_government() {
        assert_eq!(agency_key("石湾区"), "石湾区人民政府");
        assert_eq!(agency_key("石湾区政府"), "石湾区人民政府");
        assert_eq!(agency_key("石湾区政府办公室"), "石湾区人民政府办公室");
        assert_eq!(agency_key("淮安经济技术开发区"), "淮安经济技术开发区");
    }

    #[test]
    fn different_bodies_keep_different_keys() {
        let government = agency_key("石湾区人民政府");
        assert_ne!(agency_key("石湾区人民政府办公室"), government);
        assert_ne!(agency_key("石湾区教育局"), government);
        assert_ne!(agency_key("淮安市石湾区人民政府"), government);
        assert_ne!(agency_key("石湾区市场监督管理局"), agency_key("石湾区"));
    }

    #[test]
    fn a_region_code_keys_the_body_whatever_its_place_prefix() {
        let key = |a, code| super::agency_key(a, code);
        let hongze = Some("320813");
        assert_eq!(key("洪泽区人民政府", hongze), "320813:人民政府");
        assert_eq!(key("淮安市洪泽区人民政府", hongze), "320813:人民政府");
        assert_eq!(key("洪泽区政府", hongze), "320813:人民政府");
        assert_eq!(key("洪泽区", hongze), "320813:人民政府");
        assert_eq!(
            key("淮安市洪泽区人民政府办公室", hongze),
            "320813:人民政府办公室"
        );
        assert_eq!(key("石湾区人民政府", None), "石湾区人民政府");
    }
}
