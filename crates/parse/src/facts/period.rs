//! The statistics period (统计期限): a date range introduced by a period word, in any of
//! the ways reports write dates.

use std::sync::LazyLock;

use regex::Regex;

use crate::facts::dates;
use govreport_document::layout::Line;
use govreport_document::{half_width, squeeze};
use govreport_model::record::Period;

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
    Regex::new(r"(?:统计(?:期限|时限|期间|时间|时段|周期|区间|范围|截止)|数据统计|报告期|起止时间)[^。；]{0,20}$")
        .expect("valid regex")
});

/// Words that may introduce the period but also any other span (`活动时间`): they count
/// only for a whole calendar year.
static LOOSE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:时间|期间)[^。；]{0,20}$").expect("valid regex"));

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
/// after `时间`/`期间` anywhere or with no word in the opening lines.
pub fn find(lines: &[Line]) -> Option<Period> {
    let squeezed: Vec<String> = lines
        .iter()
        .map(|l| {
            ocr_ones(
                &squeeze(&l.text())
                    .chars()
                    .map(half_width)
                    .collect::<String>(),
            )
        })
        .collect();
    let text = squeezed.concat();
    let head: usize = squeezed.iter().take(80).map(String::len).sum();
    let ranges: Vec<(usize, Period)> = RANGE
        .captures_iter(&text)
        .filter_map(|c| Some((c.get(0)?.start(), range(&c["a"], &c["b"])?)))
        .collect();
    let introduced_by = |word: &Regex, at: usize| {
        let before = text[..at]
            .char_indices()
            .rev()
            .nth(24)
            .map_or(0, |(i, _)| i);
        word.is_match(text[before..at].trim_end_matches('自'))
    };
    let introduced = ranges
        .iter()
        .find(|(at, _)| introduced_by(&PERIOD_WORD, *at));
    let whole_year = || {
        ranges.iter().find(|(at, p)| {
            (*at < head || introduced_by(&LOOSE_WORD, *at))
                && p.start.ends_with("-01-01")
                && p.end[..4] == p.start[..4]
                && p.end.ends_with("-12-31")
        })
    };
    introduced.or_else(whole_year).map(|(_, p)| p.clone())
}

/// A month or day `1` as OCR misreads it between the date's characters (`2020年]月]日`,
/// `1月IT日`, `1月1]日`), as `1`: no text prints these shapes.
static OCR_ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[0-9]年|月)(?:1\]|IT|[\]Il|丨])(?P<b>[月日])").expect("valid regex")
});

/// A year whose last digits have a `1` misread as `]` (`202]年`).
static OCR_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:19|20)[0-9\]丨]{2}年").expect("valid regex"));

/// The text with [`OCR_ONE`]'s and [`OCR_YEAR`]'s misread ones mended (twice: `年]月]日`
/// overlaps).
fn ocr_ones(text: &str) -> String {
    let year = OCR_YEAR.replace_all(text, |c: &regex::Captures| c[0].replace([']', '丨'], "1"));
    let once = OCR_ONE.replace_all(&year, "${a}1${b}");
    OCR_ONE.replace_all(&once, "${a}1${b}").into_owned()
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
    use govreport_document::layout::text_lines as lines;

    fn period(lines: &[Line]) -> Option<Period> {
        find(lines)
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
                "统计期限为２０２３年１月１日至２０２３年１２月３１日。",
                y("2023-01-01", "2023-12-31"),
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
            ("培训时间为2024年3月1日至3月15日。", None),
            (
                "报告期间：2024年1月1日至12月31日。",
                y("2024-01-01", "2024-12-31"),
            ),
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

    #[test]
    fn ones_misread_by_ocr_in_the_dates_are_read_as_one() {
        for text in [
            "本报告所列数据统计期限自2020年]月]日起至2020年12月31日止。",
            "统计期限自2021年1月IT日起至2021年12月31日止。",
            "报告中所列数据的统计期限自2021年1月1]日至2021年12月31日止。",
            "报告中所列数据的统计期限自202]年]月1日至2021年12月31日止。",
        ] {
            let p = period(&lines(text)).unwrap();
            assert_eq!((&p.start[5..], &p.end[5..]), ("01-01", "12-31"), "{text}");
        }
    }
}
