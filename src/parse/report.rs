//! Report metadata: title, agency, year and statistics period.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Line;
use crate::parse::cells::squeeze;
use crate::parse::dates;
use crate::record::Period;

/// The report's title: the first lines (before the opening paragraph) that together name a
/// 报告. A title may wrap over up to three lines anywhere — inside a word (`…政府信息公` /
/// `开工作年度报告`, `…年度报` / `告`), after the year-and-agency (`2025年…街道办事处` /
/// `政府信息公开工作年度报告`) — and the agency may stand alone on the line before
/// (`洪泽区人民政府` / `2023年…报告`).
pub fn title(lines: &[Line]) -> Option<String> {
    let head: Vec<String> = lines.iter().take(15).map(|l| squeeze(&l.text())).collect();
    let sentence = |t: &str| t.contains(['，', '。', '；']);
    for (i, line) in head.iter().enumerate() {
        if sentence(line) {
            return None;
        }
        if !line.contains("报告") && !title_start(line) {
            continue;
        }
        let next_has_year = head.get(i + 1).is_some_and(|n| YEAR.is_match(n));
        if !line.contains("报告") && !YEAR.is_match(line) && !agency_alone(line) && next_has_year
        {
            continue;
        }
        let mut title = line.clone();
        for next in head.iter().skip(i + 1).take(2) {
            if title.contains("报告") || !title_part(next) {
                break;
            }
            title.push_str(next);
        }
        if !title.contains("报告") {
            continue;
        }
        if let Some(year) = head.get(i + 1).filter(|n| BRACKETED_YEAR.is_match(n))
            && !YEAR.is_match(&title)
        {
            title.push_str(year);
        }
        if let Some(prev) = i.checked_sub(1).map(|p| &head[p])
            && agency_alone(prev)
            && !agency_alone(line)
        {
            title = format!("{prev}{title}");
        }
        return Some(title);
    }
    None
}

/// A line that can open a wrapped title: it names a year, an agency or the subject.
fn title_start(line: &str) -> bool {
    title_part(line)
        && (YEAR.is_match(line)
            || agency_alone(line)
            || ["政府信息公开", "政务公开", "信息公开"]
                .iter()
                .any(|w| line.contains(w)))
}

/// A line that can continue a title: short, no clause punctuation, labels or headings.
fn title_part(line: &str) -> bool {
    let heading = line.starts_with(['一', '二', '三', '四', '五', '六']) && line.contains('、');
    !line.is_empty()
        && line.chars().count() <= 40
        && !heading
        && !line.contains(['，', '。', '；', '：', ':', '>', '|', '/'])
}

/// A line that is an agency's name on its own (`洪泽区人民政府`, `某街道办事处`).
fn agency_alone(line: &str) -> bool {
    let n = line.chars().count();
    (3..=24).contains(&n)
        && !YEAR.is_match(line)
        && !line.contains("报告")
        && !line.chars().any(|c| c.is_ascii_digit())
        && title_part(line)
        && AGENCY_ENDINGS.iter().any(|e| line.ends_with(e))
}

/// A year in brackets on a line of its own under a title: `（2023年度）`.
static BRACKETED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(](?:19|20)\d{2}年度?[）)]$").expect("valid regex"));

/// A four-digit year followed by 年.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年度?").expect("valid regex"));

/// How an agency's name usually ends.
const AGENCY_ENDINGS: [&str; 28] = [
    "政府",
    "局",
    "委员会",
    "中心",
    "办公室",
    "委",
    "院",
    "厅",
    "办事处",
    "管委会",
    "办",
    "处",
    "所",
    "队",
    "部",
    "署",
    "会",
    "馆",
    "公司",
    "集团",
    "大学",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "镇",
    "乡",
];

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
    let title = title
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rsplit_once(['（', '(']))
        .filter(|(_, y)| YEAR.is_match(y) && y.chars().count() <= 6)
        .map_or(title, |(t, _)| t);
    let Some(m) = YEAR.find(title) else {
        let name = TITLE_ENDINGS.iter().find_map(|e| title.strip_suffix(e))?;
        let name = name.trim_start_matches("关于");
        return (name.chars().count() >= 2).then(|| name.to_string());
    };
    let before = title[..m.start()].trim_start_matches("关于");
    let before = ["关于", "政府信息公开工作", "政务公开工作", "信息公开工作"]
        .iter()
        .fold(before, |b, w| b.strip_suffix(w).unwrap_or(b));
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

/// A date range: `2024年1月1日起至2024年12月31日止`, `2025-01-01至2025-12-31`,
/// `2024.1.1—12.31`, `二〇二三年一月一日至十二月三十一日`, `2023年1月至12月`. The second
/// date may omit its year; days may be missing (a range of whole months).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let end = format!(r"(?:(?:{YEAR_NUM})[年\-./／－])?{MONTH_DAY}");
    Regex::new(&format!(
        r"(?P<a>(?:{YEAR_NUM})[年\-./／－]{MONTH_DAY})(?:起|开始)?[，,]?(?:至|到|~|～|—{{1,2}}|－|-|–)(?P<b>{end})"
    ))
    .expect("valid regex")
});

/// A year in Arabic or Chinese numerals.
const YEAR_NUM: &str = "[0-9]{4}|[〇零○一二三四五六七八九]{4}";

/// Month and optional day after a year: `1月1日`, `01-01`, `1.1`, `十二月三十一日`, `12月`.
const MONTH_DAY: &str = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:月|[\-./／－])(?:(?:[0-9]{1,2}|[一二三四五六七八九十廿]{1,3})[日号]?)?";

/// Words that introduce the statistics period (`统计期限`, `数据统计时间`, `报告期`…).
static PERIOD_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:统计(?:期限|时限|期间|时间|时段|周期|区间|范围|截止)|数据统计|报告期|起止时间|时间|期间)[^。；]{0,20}$")
        .expect("valid regex")
});

/// One end of a range: year (if printed), month, day (if printed).
static DATE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    let n = "[0-9]{1,2}|[一二三四五六七八九十廿]{1,3}";
    Regex::new(&format!(
        r"^(?:([0-9]{{4}}|[〇零○一二三四五六七八九]{{4}})[年\-./／－])?({n})(?:月|[\-./／－])(?:({n})[日号]?)?$"
    ))
    .expect("valid regex")
});

/// The statistics period: a date range introduced by a period word anywhere in the
/// text (joined across line breaks), else a whole calendar year (`1月1日` to `12月31日`)
/// stated in the opening lines without one.
pub fn period(lines: &[Line]) -> Option<Period> {
    let text: String = lines.iter().map(|l| squeeze(&l.text())).collect();
    let head: usize = lines
        .iter()
        .take(80)
        .map(|l| squeeze(&l.text()).len())
        .sum();
    let ranges: Vec<(usize, Period)> = RANGE
        .captures_iter(&text)
        .filter_map(|c| Some((c.get(0)?.start(), range(&c["a"], &c["b"])?)))
        .collect();
    let introduced = ranges.iter().find(|(at, _)| {
        let before = text[..*at]
            .char_indices()
            .rev()
            .nth(24)
            .map_or(0, |(i, _)| i);
        PERIOD_WORD.is_match(text[before..*at].trim_end_matches('自'))
    });
    let whole_year = || {
        ranges.iter().find(|(at, p)| {
            *at < head
                && p.start.ends_with("-01-01")
                && p.end[..4] == p.start[..4]
                && p.end.ends_with("-12-31")
        })
    };
    introduced.or_else(whole_year).map(|(_, p)| p.clone())
}

/// The period from the two printed ends; the second inherits the first's year.
fn range(a: &str, b: &str) -> Option<Period> {
    let (y1, m1, d1) = date_parts(a, None)?;
    let (y2, m2, d2) = date_parts(b, Some(y1))?;
    let last = days_in_month(y2, m2);
    let (d1, d2) = (d1.unwrap_or(1), d2.unwrap_or(last));
    let valid = |y: u32, m: u32, d: u32| (1..=days_in_month(y, m)).contains(&d);
    if !valid(y1, m1, d1) || !valid(y2, m2, d2) || (y2, m2, d2) < (y1, m1, d1) {
        return None;
    }
    Some(Period {
        start: format!("{y1:04}-{m1:02}-{d1:02}"),
        end: format!("{y2:04}-{m2:02}-{d2:02}"),
    })
}

/// Year, month and day (when printed) of one end, in Arabic or Chinese numerals.
fn date_parts(s: &str, year: Option<u32>) -> Option<(u32, u32, Option<u32>)> {
    let c = DATE_PARTS.captures(s.trim_end_matches(['起', '止']))?;
    let number = |t: &str| t.parse().ok().or_else(|| dates::chinese_number(t));
    let y = match c.get(1) {
        Some(y) => number(y.as_str())?,
        None => year?,
    };
    let day = match c.get(3) {
        Some(d) => Some(number(d.as_str())?),
        None => None,
    };
    ((1900..=2100).contains(&y)).then_some((y, number(&c[2])?, day))
}

/// Days in a month (0 for a month that does not exist).
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
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
    fn titles_wrapped_anywhere() {
        for (text, want) in [
            (
                "2023年青岚区市场监督管理局政府信息公\n开工作年度报告\n本报告由……编制。",
                "2023年青岚区市场监督管理局政府信息公开工作年度报告",
            ),
            (
                "2025年东湖街道办事处\n政府信息公开工作年度报告\n一、总体情况",
                "2025年东湖街道办事处政府信息公开工作年度报告",
            ),
            (
                "某市某区人民政府\n2023年政府信息公开工作\n年度报告\n一、总体情况",
                "某市某区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "青石镇人民政府2020年政府信息\n公开工作年度报告",
                "青石镇人民政府2020年政府信息公开工作年度报告",
            ),
            (
                "东湖街道办事处\n2024年度政府信息公开\n工作年度报告",
                "东湖街道办事处2024年度政府信息公开工作年度报告",
            ),
            (
                "索引号：11320800/2024-00012\n淮安市人民政府2024年政府信息公开工作年度报告",
                "淮安市人民政府2024年政府信息公开工作年度报告",
            ),
            (
                "政府信息公开专栏\n某区人民政府2023年政府信息公开工作年度报告\n一、总体情况",
                "某区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "江川市南湖区\n人民政府2023年政府信息公开工作年度报告\n一、总体情况",
                "江川市南湖区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "某县司法局政府信息公开工作年度报告\n（2023年度）\n一、总体情况",
                "某县司法局政府信息公开工作年度报告（2023年度）",
            ),
            (
                "某县卫生健康委员会\n关于2022年度政府信息公开工作情况的报告",
                "某县卫生健康委员会关于2022年度政府信息公开工作情况的报告",
            ),
        ] {
            assert_eq!(title(&lines(text)).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn agency_from_titles_of_every_shape() {
        for (t, want) in [
            (
                "2025年东湖街道办事处政府信息公开工作年度报告",
                "东湖街道办事处",
            ),
            (
                "某县卫生健康委员会关于2022年度政府信息公开工作情况的报告",
                "某县卫生健康委员会",
            ),
            ("某市司法局政府信息公开工作2023年度报告", "某市司法局"),
            (
                "某县司法局政府信息公开工作年度报告（2023年度）",
                "某县司法局",
            ),
            ("关于某县审计局政府信息公开工作年度报告", "某县审计局"),
        ] {
            assert_eq!(agency(t).as_deref(), Some(want), "{t}");
        }
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

    fn span(text: &str) -> Option<(String, String)> {
        period(&lines(text)).map(|p| (p.start, p.end))
    }

    #[test]
    fn period_in_iso_dotted_padded_and_chinese_forms() {
        let y = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        for (text, want) in [
            (
                "本报告统计期限自2025-01-01至2025-12-31。",
                y("2025-01-01", "2025-12-31"),
            ),
            (
                "统计时间：2024-01-01 至 2024-12-31。",
                y("2024-01-01", "2024-12-31"),
            ),
            (
                "数据统计期限为 2023 年 01 月 01 日至 2023 年 12 月 31 日。",
                y("2023-01-01", "2023-12-31"),
            ),
            (
                "报告期为2022.1.1—2022.12.31。",
                y("2022-01-01", "2022-12-31"),
            ),
            (
                "统计期间：2022/01/01～2022/12/31",
                y("2022-01-01", "2022-12-31"),
            ),
            (
                "统计时段为2021年1月1日—12月31日",
                y("2021-01-01", "2021-12-31"),
            ),
            (
                "统计期限为二〇二三年一月一日至十二月三十一日。",
                y("2023-01-01", "2023-12-31"),
            ),
            ("统计期限为2023年1月至12月。", y("2023-01-01", "2023-12-31")),
            (
                "所列数据统计范围为2020年7月1日至2021年6月30日。",
                y("2020-07-01", "2021-06-30"),
            ),
            (
                "2024年1月1日至2024年12月31日，本机关共……",
                y("2024-01-01", "2024-12-31"),
            ),
            ("2024年3月1日至3月15日开展培训。", None),
            ("统计期限自2024年12月31日至2024年1月1日", None),
        ] {
            assert_eq!(span(text), want, "{text}");
        }
    }

    #[test]
    fn a_period_split_over_lines_or_far_down_is_found() {
        assert_eq!(
            span("本报告中所列数据的统计期限自2023年1\n月1日起至2023年12月31日止。"),
            Some(("2023-01-01".into(), "2023-12-31".into()))
        );
        let far = format!(
            "{}统计时限：2022-01-01至\n2022-12-31",
            "正文。\n".repeat(200)
        );
        assert_eq!(span(&far).map(|p| p.1), Some("2022-12-31".into()));
    }
}
