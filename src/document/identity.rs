//! Report metadata: title, agency, year and statistics period.

use std::sync::LazyLock;

use regex::Regex;

use super::squeeze;
use crate::layout::Line;
use crate::record::Period;

/// The report's title: the first line (before the opening paragraph) that names a 报告 —
/// joined with the next line when the title wraps (`…年度报` / `告`) — and with the line
/// before it when that line is the agency's name on its own (`洪泽区人民政府` / `2023年…报告`).
pub fn title(lines: &[Line]) -> Option<String> {
    let head: Vec<String> = lines.iter().take(12).map(|l| squeeze(&l.text())).collect();
    let sentence = |t: &str| t.contains(['，', '。', '；']);
    for (i, line) in head.iter().enumerate() {
        if sentence(line) {
            return None;
        }
        let next = head
            .get(i + 1)
            .filter(|n| !sentence(n) && n.chars().count() <= 6);
        let mut title = match next {
            _ if line.contains("报告") => line.clone(),
            Some(n) if format!("{line}{n}").contains("报告") => format!("{line}{n}"),
            _ => continue,
        };
        if let Some(prev) = i.checked_sub(1).map(|p| &head[p]) {
            let agency_alone = prev.chars().count() <= 24 && !YEAR.is_match(prev);
            if agency_alone && AGENCY_ENDINGS.iter().any(|e| prev.ends_with(e)) {
                title = format!("{prev}{title}");
            }
        }
        return Some(title);
    }
    None
}

/// A four-digit year followed by 年.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年度?").expect("valid regex"));

/// How an agency's name usually ends.
const AGENCY_ENDINGS: [&str; 8] = ["政府", "局", "委员会", "中心", "办公室", "委", "院", "厅"];

/// Title endings, longest first, that follow the agency name.
const TITLE_ENDINGS: [&str; 6] = [
    "政府信息公开工作年度报告",
    "信息公开工作年度报告",
    "政务公开工作年度报告",
    "政府信息公开年度报告",
    "工作年度报告",
    "年度报告",
];

/// The year reported on: the year in the title, else the period's start.
pub fn year(title: Option<&str>, period: Option<&Period>) -> Option<i32> {
    title
        .and_then(|t| YEAR.captures(t))
        .and_then(|c| c[1].parse().ok())
        .or_else(|| period.and_then(|p| p.start[..4].parse().ok()))
}

/// The agency from the title: the part before the year, or between the year and the
/// title's ending (`2021年长春市住房公积金管理中心信息公开工作年度报告`).
pub fn agency(title: &str) -> Option<String> {
    let m = YEAR.find(title)?;
    let before = title[..m.start()].trim_start_matches("关于");
    if before.chars().count() >= 2 {
        return Some(before.to_string());
    }
    let after = &title[m.end()..];
    let name = TITLE_ENDINGS
        .iter()
        .find_map(|e| after.strip_suffix(e))
        .unwrap_or(after);
    (name.chars().count() >= 2).then(|| name.to_string())
}

/// `统计期限自2024年1月1日起至2024年12月31日止` and its variants (the second date may
/// omit its year).
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:统计期限|统计时限|统计期间|数据统计|时间)[^。]{0,12}?自?(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-|－)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
        .expect("valid regex")
});

/// The statistics period stated in the opening text, if any.
pub fn period(lines: &[Line]) -> Option<Period> {
    let text: String = lines.iter().take(80).map(|l| squeeze(&l.text())).collect();
    let c = PERIOD.captures(&text)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y1, m1, d1) = (n(1)?, n(2)?, n(3)?);
    let (y2, m2, d2) = (n(4).unwrap_or(y1), n(5)?, n(6)?);
    let valid = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
    if !valid(m1, d1) || !valid(m2, d2) {
        return None;
    }
    Some(Period {
        start: format!("{y1:04}-{m1:02}-{d1:02}"),
        end: format!("{y2:04}-{m2:02}-{d2:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text_line;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, l)| text_line(l, i))
            .collect()
    }

    #[test]
    fn a_title_on_two_lines_is_joined() {
        let l = lines("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由……");
        assert_eq!(
            title(&l).as_deref(),
            Some("洪泽区人民政府2023年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_title_wrapped_inside_a_word_is_joined() {
        let l = lines("2023年青岚区市场监督管理局政府信息公开工作年度报\n告\n本报告由……编制。");
        assert_eq!(
            title(&l).as_deref(),
            Some("2023年青岚区市场监督管理局政府信息公开工作年度报告")
        );
    }

    #[test]
    fn agency_before_or_after_the_year() {
        assert_eq!(
            agency("淮安市人民政府2024年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            agency("2021年长春市住房公积金管理中心信息公开工作年度报告").as_deref(),
            Some("长春市住房公积金管理中心")
        );
    }

    #[test]
    fn year_comes_from_the_title() {
        assert_eq!(
            year(Some("XX区2023年度政府信息公开工作年度报告"), None),
            Some(2023)
        );
    }

    #[test]
    fn period_forms() {
        let p = period(&lines(
            "本报告所列数据统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。",
        ))
        .unwrap();
        assert_eq!(
            (p.start.as_str(), p.end.as_str()),
            ("2021-01-01", "2021-12-31")
        );
        let p = period(&lines("统计期限自2024年1月1日至12月31日。")).unwrap();
        assert_eq!(p.end, "2024-12-31");
        assert!(period(&lines("本报告由某局编制。")).is_none());
    }
}
