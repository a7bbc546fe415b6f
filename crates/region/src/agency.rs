//! What kind of body a name denotes, and whether it is a national one.

use serde::Serialize;

/// The kind of reporting body, read from the end of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A people's government (人民政府, 行政公署, 国务院).
    Government,
    /// A government's general office (人民政府办公室, 办公厅).
    Office,
    /// A department or other body under a government (局, 厅, 委员会, 中心 …).
    Department,
    /// A street office or township government (街道办事处, 镇/乡人民政府).
    Township,
    /// Anything else, or no name.
    Other,
}

/// Endings of township bodies' names.
const TOWNSHIP: [&str; 10] = [
    "街道办事处",
    "街道办",
    "街道",
    "镇人民政府",
    "乡人民政府",
    "苏木人民政府",
    "镇政府",
    "乡政府",
    "镇",
    "乡",
];
/// Endings of the general offices' names, after the government's.
const OFFICE: [&str; 2] = ["办公室", "办公厅"];
/// Endings of governments' names.
const GOVERNMENT: [&str; 4] = ["人民政府", "政府", "行政公署", "国务院"];
/// Endings of departments' and other bodies' names.
const DEPARTMENT: [&str; 18] = [
    "局",
    "厅",
    "委员会",
    "委",
    "会",
    "中心",
    "办",
    "署",
    "部",
    "处",
    "所",
    "站",
    "院",
    "队",
    "馆",
    "室",
    "社",
    "办事处",
];
/// Beginnings of national bodies' names.
const NATIONAL_START: [&str; 5] = ["国务院", "国家", "中华人民共和国", "中国", "全国"];
/// Endings of national bodies' names when no place is named: ministries, 总署, 总局, 审计署.
const NATIONAL_END: [&str; 4] = ["部", "总署", "总局", "审计署"];

/// The kind of body a name denotes.
pub(crate) fn kind(name: &str) -> AgencyKind {
    let ends = |list: &[&str]| list.iter().any(|s| name.ends_with(s));
    if ends(&TOWNSHIP) {
        AgencyKind::Township
    } else if OFFICE
        .iter()
        .filter_map(|s| name.strip_suffix(s))
        .any(|rest| GOVERNMENT.iter().any(|g| rest.ends_with(g)))
    {
        AgencyKind::Office
    } else if ends(&GOVERNMENT) {
        AgencyKind::Government
    } else if ends(&DEPARTMENT) {
        AgencyKind::Department
    } else {
        AgencyKind::Other
    }
}

/// Whether a name that names no place is a national body's (国务院办公厅, 自然资源部).
pub(crate) fn is_national(name: &str) -> bool {
    NATIONAL_START.iter().any(|s| name.starts_with(s))
        || NATIONAL_END.iter().any(|s| name.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_name_ending() {
        let cases = [
            ("淮安市洪泽区人民政府", AgencyKind::Government),
            ("阿克苏地区行政公署", AgencyKind::Government),
            ("江苏省人民政府办公厅", AgencyKind::Office),
            ("南京市鼓楼区人民政府办公室", AgencyKind::Office),
            ("国务院办公厅", AgencyKind::Office),
            ("南京市人民防空办公室", AgencyKind::Department),
            ("南京市鼓楼区教育局", AgencyKind::Department),
            ("国家发展和改革委员会", AgencyKind::Department),
            ("南京市政务服务中心", AgencyKind::Department),
            ("宁海路街道办事处", AgencyKind::Township),
            ("城关镇人民政府", AgencyKind::Township),
            ("南京市鼓楼区", AgencyKind::Other),
        ];
        for (name, want) in cases {
            assert_eq!(kind(name), want, "{name}");
        }
    }

    #[test]
    fn national_bodies_are_told_by_start_or_ending() {
        assert!(is_national("国务院办公厅"));
        assert!(is_national("国家发展和改革委员会"));
        assert!(is_national("自然资源部"));
        assert!(is_national("审计署"));
        assert!(!is_national("区教育局"));
    }
}
