//! Calendar dates in the narrative, normalized to `YYYY-MM-DD` (or `YYYY-MM` without a day).
//!
//! Dates with an explicit year are returned, plus the second end of a range whose year is
//! inherited from the first (`2021年1月1日起至12月31日止`), plus month-day dates without a
//! year (`于3月15日印发`), whose year is the last year named earlier in the same paragraph,
//! else the report's year. A bare year
//! (`2021年`, `2021 年度`) is not a date; an impossible date (`2021-02-30`, month 13)
//! is skipped; years outside 1900–2100 are skipped.

use super::narrative::{Stream, TextLine};
use govreport_model::record::DateFact;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Numeric dates with `-`, `.` or `/` separators (no spaces inside).
///
/// Examples: `2021-01-08`, `2021.1.8`, `2021/1/8`.
static NUMERIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|\.([0-9]{1,2})\.([0-9]{1,2})|/([0-9]{1,2})/([0-9]{1,2}))")
        .expect("numeric date regex")
});

/// Year-month(-day) with Arabic digits and 年/月/日 (or 号); spaces allowed between parts.
///
/// Examples: `2021年1月8日`, `2021 年 1 月 8 日`, `2021年3月` (month only), `2021年3月8号`.
static ARABIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?")
        .expect("arabic date regex")
});

/// Year-month(-day) in Chinese numerals.
///
/// Examples: `二〇二一年一月八日`, `二零二一年十二月三十一日`, `二○二一年三月`.
static CHINESE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([〇零○0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十廿]{1,3})\s*[日号])?",
    )
    .expect("chinese date regex")
});

/// The year-less second end of a range, right after a full date (anchored at its end).
///
/// Examples: `起至12月31日止` (after `2021年1月1日`), `至十二月三十一日`, `—6月30日`, `至12月`.
static RANGE_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*起?\s*(?:至|到|—|－|-|~|～)\s*(([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*([0-9]{1,2}|[一二三四五六七八九十廿]{1,3})\s*[日号])?)",
    )
    .expect("range tail regex")
});

/// A month and day with no year before it.
///
/// Examples: `于3月15日印发` (year from context), `10月13日`.
static MONTH_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]").expect("month-day regex")
});

/// A year named in the text, for dating a later month-day.
static YEAR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})\s*年").expect("year regex"));

/// A date match before validation: byte span in the stream and its parts.
struct Raw {
    start: usize,
    end: usize,
    year: u32,
    month: u32,
    day: Option<u32>,
}

/// Every date in `lines`, in reading order; `report_year` dates a month-day that has no
/// year in its paragraph.
pub fn find_dates(lines: &[TextLine], report_year: Option<i32>) -> Vec<DateFact> {
    let stream = Stream::new(lines);
    let text = stream.text();
    let mut raws: Vec<Raw> = Vec::new();
    raws.extend(
        NUMERIC_RE
            .captures_iter(text)
            .filter_map(|c| numeric(text, &c)),
    );
    raws.extend(
        ARABIC_RE
            .captures_iter(text)
            .filter_map(|c| arabic(text, &c)),
    );
    raws.extend(CHINESE_RE.captures_iter(text).filter_map(|c| chinese(&c)));
    raws.extend(
        MONTH_DAY_RE
            .captures_iter(text)
            .filter_map(|c| month_day(text, &c, report_year)),
    );
    raws.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut last_end = 0;
    for raw in raws {
        if raw.start < last_end {
            continue;
        }
        last_end = raw.end;
        out.push(fact(&stream, &raw));
        if let Some(tail) = range_tail(text, &raw) {
            last_end = tail.end;
            out.push(fact(&stream, &tail));
        }
    }
    out
}

/// Builds the output fact for a validated match.
fn fact(stream: &Stream, raw: &Raw) -> DateFact {
    let date = match raw.day {
        Some(d) => format!("{:04}-{:02}-{:02}", raw.year, raw.month, d),
        None => format!("{:04}-{:02}", raw.year, raw.month),
    };
    DateFact {
        date,
        text: stream.original(raw.start, raw.end).to_string(),
        page: stream.page_at(raw.start),
    }
}

/// A numeric-separator match, if its boundaries and values are valid.
/// A month-day not preceded by a year: dated by the paragraph's last year, else the report's.
fn month_day(text: &str, c: &Captures, report_year: Option<i32>) -> Option<Raw> {
    let m = c.get(0)?;
    let before = text[..m.start()].trim_end();
    if before.ends_with(['年', '-', '.', '/']) || before.ends_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let paragraph = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let year = YEAR_RE
        .captures_iter(paragraph)
        .last()
        .and_then(|y| y[1].parse().ok())
        .or_else(|| report_year.and_then(|y| u32::try_from(y).ok()))?;
    validated(
        m.start(),
        m.end(),
        year,
        c[1].parse().ok()?,
        Some(c[2].parse().ok()?),
    )
}

fn numeric(text: &str, c: &Captures) -> Option<Raw> {
    let m = c.get(0)?;
    let before = text[..m.start()].chars().next_back();
    if before.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, '.' | '-' | '/')) {
        return None;
    }
    let mut after = text[m.end()..].chars();
    match (after.next(), after.next()) {
        (Some(a), _) if a.is_ascii_digit() => return None,
        (Some('.' | '-' | '/'), Some(b)) if b.is_ascii_digit() => return None,
        _ => {}
    }
    let num = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
    let (month, day) = [(2, 3), (4, 5), (6, 7)]
        .iter()
        .find_map(|&(a, b)| Some((num(a)?, num(b)?)))?;
    validated(m.start(), m.end(), num(1)?, month, Some(day))
}

/// A `年月日` match with Arabic digits, if not glued to a longer number and valid.
fn arabic(text: &str, c: &Captures) -> Option<Raw> {
    let m = c.get(0)?;
    if text[..m.start()]
        .chars()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit())
    {
        return None;
    }
    let num = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
    let day = match c.get(3) {
        Some(_) => Some(num(3)?),
        None => None,
    };
    validated(m.start(), m.end(), num(1)?, num(2)?, day)
}

/// A Chinese-numeral match, if valid.
fn chinese(c: &Captures) -> Option<Raw> {
    let m = c.get(0)?;
    let year = c[1]
        .chars()
        .try_fold(0u32, |acc, ch| Some(acc * 10 + cn_digit(ch)?))?;
    let day = match c.get(3) {
        Some(d) => Some(cn_small(d.as_str())?),
        None => None,
    };
    validated(m.start(), m.end(), year, cn_small(&c[2])?, day)
}

/// The year-less range end following `head`, inheriting its year (or the next year when
/// the end would fall before the start).
fn range_tail(text: &str, head: &Raw) -> Option<Raw> {
    let c = RANGE_TAIL_RE.captures(&text[head.end..])?;
    let g = c.get(1)?;
    let month = small_number(&c[2])?;
    let day = match c.get(3) {
        Some(d) => Some(small_number(d.as_str())?),
        None => None,
    };
    let before_head = (month, day.unwrap_or(31)) < (head.month, head.day.unwrap_or(1));
    let year = head.year + u32::from(before_head);
    validated(head.end + g.start(), head.end + g.end(), year, month, day)
}

/// The parts as a `Raw` when they form a real calendar date.
fn validated(start: usize, end: usize, year: u32, month: u32, day: Option<u32>) -> Option<Raw> {
    let ok_day = day.is_none_or(|d| d >= 1 && d <= days_in_month(year, month));
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && ok_day).then_some(Raw {
        start,
        end,
        year,
        month,
        day,
    })
}

/// Days in `month` of `year` (0 for an invalid month).
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// An Arabic or Chinese-numeral month/day number.
fn small_number(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| cn_small(s))
}

/// A number in Chinese numerals: a year digit by digit (`二〇二三`) or 1–39 (`三十一`).
pub fn chinese_number(s: &str) -> Option<u32> {
    if s.chars().count() == 4 {
        return s
            .chars()
            .try_fold(0u32, |acc, ch| Some(acc * 10 + cn_digit(ch)?));
    }
    cn_small(s)
}

/// One Chinese digit (〇/零/○ and a stray ASCII 0 are zero).
fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(matches!(c, '零' | '○' | '0').then_some(0))
}

/// A Chinese numeral from 1 to 39: `八`, `十`, `十一`, `二十`, `二十三`, `廿三`, `三十一`.
fn cn_small(s: &str) -> Option<u32> {
    let s = s.replace('廿', "二十");
    let (tens, units) = match s.split_once('十') {
        Some((t, u)) => (
            if t.is_empty() {
                Some(1)
            } else {
                cn_digit_str(t)
            },
            u,
        ),
        None => (Some(0), s.as_str()),
    };
    let units = if units.is_empty() {
        Some(0)
    } else {
        cn_digit_str(units)
    };
    let n = tens? * 10 + units?;
    (1..40).contains(&n).then_some(n)
}

/// A single Chinese digit given as a one-char string.
fn cn_digit_str(s: &str) -> Option<u32> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => cn_digit(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, String)> {
        let lines: Vec<TextLine> = text.lines().map(|l| TextLine::new(Some(1), l)).collect();
        find_dates(&lines, Some(2021))
            .into_iter()
            .map(|d| (d.date, d.text))
            .collect()
    }

    fn only(text: &str) -> Vec<String> {
        dates(text).into_iter().map(|(d, _)| d).collect()
    }

    #[test]
    fn all_full_forms_normalize() {
        for t in [
            "于2021-01-08发布",
            "2021年1月8日",
            "在 2021 年 1 月 8 日，",
            "2021.1.8",
            "2021/1/8",
            "二〇二一年一月八日",
            "二零二一年一月八日",
            "二○二一年一月八号",
            "２０２１年１月８日",
        ] {
            assert_eq!(only(t), vec!["2021-01-08"], "{t}");
        }
        assert_eq!(only("二〇二一年十二月二十三日"), vec!["2021-12-23"]);
        assert_eq!(only("二〇二一年十一月十日"), vec!["2021-11-10"]);
        assert_eq!(only("二〇二一年三月三十一日"), vec!["2021-03-31"]);
    }

    #[test]
    fn text_keeps_inner_spaces_but_not_line_breaks() {
        let got = dates("统计期限自 2023 年 1 月 1\n日起至 2023 年 12 月 31 日止");
        assert_eq!(
            got,
            vec![
                ("2023-01-01".into(), "2023 年 1 月 1日".into()),
                ("2023-12-31".into(), "2023 年 12 月 31 日".into()),
            ]
        );
    }

    #[test]
    fn month_only_and_not_when_a_day_follows() {
        assert_eq!(only("2021年3月出台了"), vec!["2021-03"]);
        assert_eq!(only("2021 年 3 月份"), vec!["2021-03"]);
        assert_eq!(only("2021年3月15日"), vec!["2021-03-15"]);
        assert_eq!(only("二〇二一年三月"), vec!["2021-03"]);
    }

    #[test]
    fn ranges_give_both_ends() {
        assert_eq!(
            only("自2024年1月1日至2024年12月31日"),
            vec!["2024-01-01", "2024-12-31"]
        );
        let got = dates("2021年1月1日起至12月31日止");
        assert_eq!(got[1], ("2021-12-31".into(), "12月31日".into()));
        assert_eq!(
            only("二〇二一年一月一日至十二月三十一日"),
            vec!["2021-01-01", "2021-12-31"]
        );
        assert_eq!(
            only("2021年12月1日至1月31日"),
            vec!["2021-12-01", "2022-01-31"]
        );
        assert_eq!(only("2021年1月至6月"), vec!["2021-01", "2021-06"]);
    }

    #[test]
    fn invalid_and_bare_years_are_not_dates() {
        for t in [
            "2021-02-30",
            "2021年13月1日",
            "2021年2月29日",
            "2021 年",
            "2021年度",
            "2021 年度共接入",
            "2021年底",
            "0517-87222589",
            "0431-12329",
            "1.2.3.4",
            "12021-1-8",
            "版本 2021.1.8.3",
        ] {
            assert!(only(t).is_empty(), "{t}: {:?}", only(t));
        }
        assert_eq!(only("2020年2月29日"), vec!["2020-02-29"]);
        assert_eq!(
            only("3月15日"),
            vec!["2021-03-15"],
            "dated by the report year"
        );
    }

    #[test]
    fn page_is_where_the_date_starts() {
        let lines = vec![
            TextLine::new(Some(1), "数据统计期限自 2023 年 1 月 1"),
            TextLine::new(Some(2), "日起至 2023 年 12 月 31 日止。"),
        ];
        let got = find_dates(&lines, Some(2021));
        assert_eq!(got[0].page, Some(1));
        assert_eq!(got[1].page, Some(2));
    }

    #[test]
    fn chinese_small_numbers() {
        assert_eq!(cn_small("十"), Some(10));
        assert_eq!(cn_small("十一"), Some(11));
        assert_eq!(cn_small("二十"), Some(20));
        assert_eq!(cn_small("廿三"), Some(23));
        assert_eq!(cn_small("三十一"), Some(31));
        assert_eq!(cn_small("十十"), None);
    }

    #[test]
    fn a_month_day_takes_the_year_of_its_paragraph_or_the_report() {
        let lines = vec![TextLine {
            page: None,
            text: "2020年起，我市于3月15日印发《办法》。".into(),
        }];
        let got: Vec<String> = find_dates(&lines, Some(2021))
            .into_iter()
            .map(|d| d.date)
            .collect();
        assert_eq!(got, ["2020-03-15"]);
        let lines = vec![TextLine {
            page: None,
            text: "本局于10月13日印发《办法》，于2月30日公布。".into(),
        }];
        let got: Vec<String> = find_dates(&lines, Some(2019))
            .into_iter()
            .map(|d| d.date)
            .collect();
        assert_eq!(got, ["2019-10-13"]);
    }
}
