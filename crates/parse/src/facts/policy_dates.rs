//! Dates written next to a cited title instead of before its verb: in brackets after it
//! (`《…》（2021年3月5日印发）`, `《…》(2019.3.12)`, `《…》（沪府规〔2021〕3号，2021年3月5日）`),
//! right after it (`《…》 2019-09-29`, `《…》于2021年3月5日印发`), or alone right before it
//! (`2019.3.12 《…》`, `2019-09-29：《…》`).
//!
//! Rules: a bracket after the title (on the same line or starting the next, read with its
//! line breaks and spaces removed, so `（2025-01-25 更` / `新维护）` is one bracket) gives its
//! date when the bracket holds a date, optionally
//! after a document number and a comma, optionally followed by a publication verb (glued or
//! not: `（2019-10-25更新维护）`), and nothing else (`（2021年3月5日起施行）` is an effective date, not taken). Without a bracket
//! (or after one holding a document number), a date after the title is taken when it is
//! numeric (`2019-09-29`, `2019.3.12`), follows `于`/`已于` or is followed by a verb, and
//! then the clause ends. A date
//! before the title is taken only when nothing but spaces, a colon or a dash separates them.

use regex::{Captures, Regex};
use std::sync::LazyLock;

use super::dates::chinese_number;

/// A date next to a title: year (None when not printed), month, day, and the verb.
#[derive(Debug, PartialEq)]
pub struct Beside {
    /// The printed year, if any.
    pub year: Option<u32>,
    /// Month 1–12 (checked by the caller).
    pub month: u32,
    /// Day, when printed.
    pub day: Option<u32>,
    /// A publication verb written with the date (`印发` in `（2021年3月5日印发）`).
    pub verb: Option<String>,
}

/// A date: `2021年3月5日`, `2021 年 3 月`, `二〇二一年三月五日`, `2019-09-29`, `2019.3.12`,
/// `2019/3/12`, or a year-less `3月5日`.
const DATE: &str = r"(?:(?P<y>[0-9]{4}|[〇零○一二三四五六七八九]{4})\s*(?:年\s*(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?P<d>[0-9]{1,2}|[一二三四五六七八九十廿]{1,3})\s*[日号])?|(?P<sep>[-./／])\s*(?P<m2>[0-9]{1,2})\s*[-./／]\s*(?P<d2>[0-9]{1,2}))|(?P<m3>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?P<d3>[0-9]{1,2}|[一二三四五六七八九十廿]{1,3})\s*[日号])";

/// Verbs that may follow the date (`印发`, `正式发布`, `经区政府常务会议审议通过`).
const VERB: &str = r"(?:经\p{Han}{1,14}?)?(?:正式)?(?P<verb>更新维护|更新|维护|印发|发布|出台|公布|制定|制发|修订|修正|颁布|下发|转发|审议通过|通过)?";

/// `（[doc number，]DATE[verb]）` right after the title.
static BRACKET_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[（(【\[]\s*(?:[^（()）【】\[\]\n]{{0,40}}?[，,、；;\s]\s*)?(?:于\s*)?{DATE}\s*{VERB}\s*[）)】\]]"
    ))
    .expect("bracket date regex")
});

/// `于DATE[verb]` or a numeric date right after the title, then the end of the clause.
static PLAIN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[（(][^（()）\n]{{0,40}}[）)])?\s*[，,：:]?\s*(?P<yu>已于|于)?\s*{DATE}\s*{VERB}\s*(?:$|[，,。；;、\n])"
    ))
    .expect("plain date regex")
});

/// A date directly before the title: only spaces, a colon or a dash between.
static BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{DATE}\s*[：:—\-－]?\s*$")).expect("leading date regex")
});

/// A bracket right after the title, up to its closing mark (at most 60 characters).
static OPEN_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[（(【\[][^（()）【】\[\]]{0,60}?[）)】\]]").expect("open bracket regex")
});

/// The date written after a title, given the text right after its 》.
pub fn after(rest: &str) -> Option<Beside> {
    if let Some(bracket) = OPEN_BRACKET.find(rest) {
        let compact: String = bracket
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some(c) = BRACKET_RE.captures(&compact) {
            return beside(&c);
        }
    }
    let c = PLAIN_RE.captures(rest)?;
    (c.name("yu").is_some() || c.name("sep").is_some() || c.name("verb").is_some())
        .then(|| beside(&c))
        .flatten()
}

/// The date written directly before a title, given the text of its clause before 《.
pub fn before(head: &str) -> Option<Beside> {
    let c = BEFORE_RE.captures(head)?;
    let start = c.get(0)?.start();
    let glued = head[..start].ends_with(|ch: char| ch.is_ascii_digit() || ch == '-');
    if glued {
        return None;
    }
    beside(&c)
}

fn beside(c: &Captures) -> Option<Beside> {
    let number = |name: &str| {
        c.name(name)
            .map(|g| g.as_str())
            .and_then(|t| t.parse().ok().or_else(|| chinese_number(t)))
    };
    Some(Beside {
        year: number("y"),
        month: number("m").or(number("m2")).or(number("m3"))?,
        day: number("d").or(number("d2")).or(number("d3")),
        verb: c.name("verb").map(|v| v.as_str().to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::narrative::TextLine;
    use crate::facts::policies::find_policies;
    use govreport_model::record::Policy;

    fn policies(text: &str, year: Option<i32>) -> Vec<Policy> {
        let lines: Vec<TextLine> = text.lines().map(|l| TextLine::new(Some(1), l)).collect();
        find_policies(&lines, year)
    }

    fn one(text: &str, year: Option<i32>) -> (String, Option<String>, Option<String>) {
        let p = policies(text, year).remove(0);
        (p.title, p.date, p.action)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn dates_beside_the_title() {
        let got = policies(
            "印发《甲》（2021年3月5日印发）；《乙》（2021年4月1日）；《丙》。",
            Some(2021),
        );
        let dated: Vec<_> = got
            .iter()
            .map(|p| (p.title.as_str(), p.date.clone(), p.action.clone()))
            .collect();
        assert_eq!(
            dated,
            [
                ("甲", s("2021-03-05"), s("印发")),
                ("乙", s("2021-04-01"), s("印发")),
                ("丙", None, s("印发")),
            ]
        );
        let got = one("《关于某事的通知》（沪府规〔2019〕3号，2019.3.12）", None);
        assert_eq!((got.1, got.2), (s("2019-03-12"), None));
        let got = one("2019-09-29 《某办法》\n", None);
        assert_eq!(got.1, s("2019-09-29"));
        let got = one("出台《某办法》 2019-09-29；", None);
        assert_eq!((got.1, got.2), (s("2019-09-29"), s("出台")));
        let got = one("《某细则》于3月5日正式发布。", Some(2022));
        assert_eq!((got.1, got.2), (s("2022-03-05"), s("发布")));
        let got = one("依据《条例》（2019年4月3日修订）开展工作", None);
        assert_eq!((got.1, got.2), (s("2019-04-03"), s("修订")));
        let got = one("落实《条例》，2021年3月，中心召开会议", None);
        assert_eq!((got.1, got.2), (None, None));
        let got = one("《某条例》（2021年3月5日起施行）", None);
        assert_eq!(got.1, None);
    }

    /// Year, month, day and verb of a found date.
    type Ymd = (Option<u32>, u32, Option<u32>, Option<String>);

    fn ymd(b: Option<Beside>) -> Option<Ymd> {
        b.map(|b| (b.year, b.month, b.day, b.verb))
    }

    #[test]
    fn bracketed_dates_after_a_title() {
        let v = |s: &str| Some(s.to_string());
        for (rest, want) in [
            (
                "（2021年3月5日印发）；",
                (Some(2021), 3, Some(5), v("印发")),
            ),
            ("(2019.3.12)", (Some(2019), 3, Some(12), None)),
            ("（2019-09-29）", (Some(2019), 9, Some(29), None)),
            ("【2020/6/1 发布】", (Some(2020), 6, Some(1), v("发布"))),
            (
                "（沪府规〔2021〕3号，2021年3月5日印发）",
                (Some(2021), 3, Some(5), v("印发")),
            ),
            (
                "（二〇二一年三月五日正式发布）",
                (Some(2021), 3, Some(5), v("发布")),
            ),
            ("（3月5日印发）", (None, 3, Some(5), v("印发"))),
            ("（2021 年 3 月）", (Some(2021), 3, None, None)),
            (
                "（2019-10-25更新维护）",
                (Some(2019), 10, Some(25), v("更新维护")),
            ),
            (
                "（2025-01-25 更\n新维护）；",
                (Some(2025), 1, Some(25), v("更新维护")),
            ),
            (
                "\n（2025-01-25 更新维护）",
                (Some(2025), 1, Some(25), v("更新维护")),
            ),
        ] {
            assert_eq!(ymd(after(rest)), Some(want), "{rest}");
        }
    }

    #[test]
    fn plain_dates_after_a_title_only_at_the_clause_end() {
        assert_eq!(
            ymd(after(" 2019-09-29\n")),
            Some((Some(2019), 9, Some(29), None))
        );
        assert_eq!(
            ymd(after("于2021年3月5日正式印发，")),
            Some((Some(2021), 3, Some(5), Some("印发".into())))
        );
        for rest in [
            "（区政办发〔2021〕5号）于2021年3月5日印发。",
            "，2021年3月5日印发；",
            "（2021年3月5日经区政府常务会议审议通过）",
        ] {
            let got = ymd(after(rest)).map(|b| (b.1, b.2));
            assert_eq!(got, Some((3, Some(5))), "{rest}");
        }
        for rest in [
            "（2021年3月5日起施行）",
            "（苏政办发〔2021〕12号）",
            "，2021年3月，中心印发",
            "2021年3月5日起施行",
            "于2021年3月5日召开会议",
            "（2021年）",
        ] {
            assert_eq!(ymd(after(rest)), None, "{rest}");
        }
    }

    #[test]
    fn a_bracket_wrapped_or_on_the_next_line_dates_the_title() {
        for text in [
            "《关于印发某办法的通知》（2025-01-25 更\n新维护）",
            "《关于印发某办法的通知》\n（2025-01-25 更新维护）",
            "《关于印发某办法的通知》（2025-01-25更新维护）",
        ] {
            let got = one(text, Some(2025));
            assert_eq!((got.1, got.2), (s("2025-01-25"), s("更新维护")), "{text}");
        }
    }

    #[test]
    fn a_date_right_before_a_title() {
        assert_eq!(
            ymd(before("2019.3.12 ")),
            Some((Some(2019), 3, Some(12), None))
        );
        assert_eq!(
            ymd(before("2019-09-29：")),
            Some((Some(2019), 9, Some(29), None))
        );
        assert_eq!(ymd(before("2019年3月12日召开会议，学习")), None);
        assert_eq!(ymd(before("12019-09-29")), None);
    }
}
