//! Document titles written in 《》, with the publication verb and date their sentence
//! attaches to them.
//!
//! Rules:
//! - a title is the text between a 《 and its matching 》 (nested 《》 kept inside), all
//!   whitespace removed; at most 150 characters, else the 《 is ignored;
//! - titles are deduplicated in order of first appearance; when the first appearance has
//!   neither action nor date, the first later appearance that has one supplies both;
//! - `action` is a publication verb directly before 《, within the same clause: only `了`,
//!   whitespace and an issuing body (`国务院`, `省政府办公厅`, `市住建局` — up to 8 Han chars
//!   ending in an organ word) may stand between; citing verbs (依据, 根据, 按照, 贯彻落实, 下发的 …)
//!   give no action;
//! - `date` is taken only when there is an action: the last date before the verb in the
//!   same clause, separated from it by at most one comma and 12 Han chars (`2021-03-15 发布`,
//!   `2021年3月，中心印发`, `于3月15日印发`); a year-less date takes the year of the last
//!   `YYYY年` earlier in its paragraph, else `report_year`, else no date;
//! - a title joined to the previous one by 、/和/及/以及/与/，/； (after that one's bracket,
//!   if any) takes that one's action and date (`发布《A》和《B》`, `印发《A》（…）；《B》`);
//! - a date written beside the title wins over the clause's: in brackets after it
//!   (`《A》（2021年3月5日印发）`, whose verb becomes the action), right after it
//!   (`《A》 2019-09-29`, `《A》于2021年3月5日印发`), or — when the clause gave no date —
//!   alone right before it (`2019.3.12 《A》`), even with no verb; see `policy_dates`.

use super::narrative::{Stream, TextLine};
use super::policy_dates;
use govreport_document::without_whitespace;
use govreport_model::record::Policy;
use regex::Regex;
use std::sync::LazyLock;

/// Longest title kept, in characters.
const MAX_TITLE_CHARS: usize = 150;

/// A publication verb (optionally `了` and an issuer) at the very end of the text before 《.
///
/// Examples: `发布`, `研究出台了`, `更新维护国务院`, `印发了省政府办公厅`, `转发 市住建局`.
static VERB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(更新维护|审议通过|发布|印发|出台|制定|制发|修订|修改|修正|更新|公布|转发|下发|颁布|废止|起草|编制|编印|上传)了?\s*(?:\p{Han}{0,8}?(?:国务院办公厅|国务院|办公厅|办公室|人民政府|政府|委员会|中央|中心|部|厅|局|委|署|院))?\s*$",
    )
    .expect("verb regex")
});

/// A date that may precede the verb: numeric, or 年月(日), or year-less 月(日).
///
/// Examples: `2021-03-15`, `2021.3.15`, `2021年3月15日`, `2021 年 3 月`, `3月15日`, `3月`.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<y1>[0-9]{4})\s*[-./]\s*(?P<m1>[0-9]{1,2})\s*[-./]\s*(?P<d1>[0-9]{1,2}))|(?:(?:(?P<y2>[0-9]{4})\s*年\s*)?(?P<m2>[0-9]{1,2})\s*月(?:\s*(?P<d2>[0-9]{1,2})\s*[日号])?)",
    )
    .expect("policy date regex")
});

/// What may stand between an attached date and its verb: one comma and a few Han chars.
///
/// Examples: `` (nothing), ` `, `，中心`, `研究`, `于`.
static GAP_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[，,]?\s*\p{Han}{0,12}\s*$").expect("gap regex"));

/// A year written before a year-less date in the same paragraph.
///
/// Examples: `2021年`, `2021 年`.
static CONTEXT_YEAR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})\s*年").expect("context year regex"));

/// Joins a title to the previous one so that it shares its action and date.
///
/// Examples: `、`, `和`, `及`, `以及`, `与`, `，`.
static COORDINATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[（(][^（()）\n]{0,40}[）)])?\s*(?:、|和|及|以及|与|，|,|；|;)\s*$")
        .expect("coordination regex")
});

/// One 《…》 occurrence: byte offsets of 《 and just past 》.
struct Span {
    open: usize,
    close_end: usize,
}

/// Every distinct 《》 title in `lines`, in order of first appearance.
pub fn find_policies(lines: &[TextLine], report_year: Option<i32>) -> Vec<Policy> {
    let stream = Stream::new(lines);
    let text = stream.text();
    let mut out: Vec<Policy> = Vec::new();
    let mut prev: Option<(usize, Option<String>, Option<String>)> = None;
    for span in title_spans(text) {
        let inner = stream.original(
            span.open + '《'.len_utf8(),
            span.close_end - '》'.len_utf8(),
        );
        let title = without_whitespace(inner);
        let (date, action) = match &prev {
            Some((end, d, a)) if COORDINATION_RE.is_match(&text[*end..span.open]) => {
                (d.clone(), a.clone())
            }
            _ => attachment(text, span.open, report_year),
        };
        prev = Some((span.close_end, date.clone(), action.clone()));
        let (date, action) = beside(text, &span, report_year, date, action);
        if title.is_empty() {
            continue;
        }
        match out.iter_mut().find(|p| p.title == title) {
            Some(p) if p.action.is_none() && p.date.is_none() => {
                p.action = action;
                p.date = date;
            }
            Some(_) => {}
            None => out.push(Policy {
                title,
                date,
                action,
                page: stream.page_at(span.open),
            }),
        }
    }
    out
}

/// The outermost 《…》 spans of `text`; an unclosed or over-long 《 is skipped.
fn title_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find('《') {
        let open = from + rel;
        let mut depth = 0usize;
        let mut close_end = None;
        for (n, (i, c)) in text[open..].char_indices().enumerate() {
            if n > MAX_TITLE_CHARS + 1 {
                break;
            }
            match c {
                '《' => depth += 1,
                '》' => depth -= 1,
                _ => continue,
            }
            if depth == 0 {
                close_end = Some(open + i + c.len_utf8());
                break;
            }
        }
        match close_end {
            Some(end) => {
                spans.push(Span {
                    open,
                    close_end: end,
                });
                from = end;
            }
            None => from = open + '《'.len_utf8(),
        }
    }
    spans
}

/// The date (and verb) written beside the title — in brackets or right after it, else
/// right before it — over the clause's: see [`policy_dates`].
fn beside(
    text: &str,
    span: &Span,
    report_year: Option<i32>,
    date: Option<String>,
    action: Option<String>,
) -> (Option<String>, Option<String>) {
    let clause_start = text[..span.open]
        .rfind(['。', '；', ';', '\n', '》'])
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let found = policy_dates::after(&text[span.close_end..]).or_else(|| {
        date.is_none()
            .then(|| policy_dates::before(&text[clause_start..span.open]))
            .flatten()
    });
    let Some(b) = found else {
        return (date, action);
    };
    let year = b
        .year
        .or_else(|| context_year(text, span.open))
        .or(report_year.and_then(|y| u32::try_from(y).ok()));
    match year.and_then(|y| format_date(y, b.month, b.day)) {
        Some(d) => (Some(d), b.verb.or(action)),
        None => (date, action),
    }
}

/// The (date, action) that the clause before the 《 at `open` attaches to the title.
fn attachment(
    text: &str,
    open: usize,
    report_year: Option<i32>,
) -> (Option<String>, Option<String>) {
    let clause_start = text[..open]
        .rfind(['。', '；', '！', '？', ';', '!', '?', '\n', '》'])
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &text[clause_start..open];
    let Some(c) = VERB_RE.captures(clause) else {
        return (None, None);
    };
    let verb_start = clause_start + c.get(0).map_or(0, |m| m.start());
    let date = attached_date(text, clause_start, verb_start, report_year);
    (date, Some(c[1].to_string()))
}

/// The last date in `text[clause_start..verb_start]` that is close enough to the verb.
fn attached_date(
    text: &str,
    clause_start: usize,
    verb_start: usize,
    report_year: Option<i32>,
) -> Option<String> {
    let head = &text[clause_start..verb_start];
    let c = DATE_RE
        .captures_iter(head)
        .filter(|c| {
            let m = c.get(0).expect("whole match");
            let glued = head[..m.start()].ends_with(|ch: char| ch.is_ascii_digit());
            !glued && GAP_RE.is_match(&head[m.end()..])
        })
        .last()?;
    let num = |name: &str| c.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    let year = match num("y1").or(num("y2")) {
        Some(y) => y,
        None => {
            let start = clause_start + c.get(0)?.start();
            context_year(text, start).or(report_year.and_then(|y| u32::try_from(y).ok()))?
        }
    };
    let month = num("m1").or(num("m2"))?;
    let day = num("d1").or(num("d2"));
    format_date(year, month, day)
}

/// The last plausible `YYYY年` in the paragraph before byte offset `pos`.
fn context_year(text: &str, pos: usize) -> Option<u32> {
    let para_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    CONTEXT_YEAR_RE
        .captures_iter(&text[para_start..pos])
        .filter_map(|c| c[1].parse::<u32>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .last()
}

/// `YYYY-MM-DD` / `YYYY-MM` when the parts form a real date.
fn format_date(year: u32, month: u32, day: Option<u32>) -> Option<String> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => return None,
    };
    if !(1900..=2100).contains(&year) {
        return None;
    }
    match day {
        Some(d) if (1..=days).contains(&d) => Some(format!("{year:04}-{month:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{year:04}-{month:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn date_before_verb() {
        let got = one("2021-03-15 发布《关于调整住房公积金贷款额度的通知》;", None);
        assert_eq!(
            got,
            (
                "关于调整住房公积金贷款额度的通知".into(),
                s("2021-03-15"),
                s("发布")
            )
        );
    }

    #[test]
    fn issuer_between_verb_and_title() {
        let got = one("2021-11-15 更新维护国务院《住房公积金管理条例》;", None);
        assert_eq!(got.1, s("2021-11-15"));
        assert_eq!(got.2, s("更新维护"));
        let got = one("印发了省政府办公厅《关于做好某项工作的意见》", None);
        assert_eq!(got.2, s("印发"));
    }

    #[test]
    fn yearless_date_uses_context_then_report_year() {
        assert_eq!(
            one("中心于3月15日印发《某办法》。", Some(2021)).1,
            s("2021-03-15")
        );
        assert_eq!(
            one("2020年，中心于3月15日印发《某办法》。", Some(2021)).1,
            s("2020-03-15")
        );
        assert_eq!(one("中心于3月15日印发《某办法》。", None).1, None);
    }

    #[test]
    fn month_precision_and_le() {
        let got = one("2021年3月出台了《某管理办法》", None);
        assert_eq!(got.1, s("2021-03"));
        assert_eq!(got.2, s("出台"));
        let got = one("2021年3月，中心研究出台了《某细则》", None);
        assert_eq!((got.1, got.2), (s("2021-03"), s("出台")));
    }

    #[test]
    fn citing_verbs_give_nothing() {
        for t in [
            "依据《中华人民共和国政府信息公开条例》",
            "根据《条例》要求",
            "按照《某实施意见》全面部署",
            "认真贯彻落实《条例》",
            "2021年3月15日，根据上级下发的《评估报告》整改",
        ] {
            let got = one(t, Some(2021));
            assert_eq!((got.1, got.2), (None, None), "{t}");
        }
    }

    #[test]
    fn date_not_attached_across_clauses_or_far_away() {
        let got = one("2021年3月15日召开会议。会后印发《某通知》", None);
        assert_eq!((got.1, got.2), (None, s("印发")));
        let got = one(
            "2021年3月15日中心领导班子召开专题会议研究部署并印发《某通知》",
            None,
        );
        assert_eq!(got.1, None);
    }

    #[test]
    fn whitespace_removed_and_broken_titles_joined() {
        let lines = vec![
            TextLine::new(Some(1), "2021-06-11 发布《关于对长春市 2021 年住房公积"),
            TextLine::new(Some(2), "金缴存基数进行调整的通知》;"),
        ];
        let got = find_policies(&lines, None);
        assert_eq!(
            got[0].title,
            "关于对长春市2021年住房公积金缴存基数进行调整的通知"
        );
        assert_eq!(got[0].page, Some(1));
        assert_eq!(got[0].date, s("2021-06-11"));
    }

    #[test]
    fn dedup_keeps_first_and_fills_missing() {
        let got = policies(
            "根据《甲》和《乙》开展工作。2021-01-08 发布《丙》。出台了《丙》。2021年5月印发《甲》。",
            None,
        );
        let titles: Vec<_> = got.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["甲", "乙", "丙"]);
        assert_eq!(
            (got[0].date.clone(), got[0].action.clone()),
            (s("2021-05"), s("印发"))
        );
        assert_eq!((got[1].date.clone(), got[1].action.clone()), (None, None));
        assert_eq!(
            (got[2].date.clone(), got[2].action.clone()),
            (s("2021-01-08"), s("发布"))
        );
    }

    #[test]
    fn coordinated_titles_share_action() {
        let got = policies("2021年4月印发《甲》、《乙》和《丙》。", None);
        assert!(
            got.iter()
                .all(|p| p.action == s("印发") && p.date == s("2021-04"))
        );
    }

    #[test]
    fn nested_and_unclosed_titles() {
        let got = policies("印发《关于印发《某办法》的通知》。《未闭合的书名号", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].title, "关于印发《某办法》的通知");
        assert!(policies("《》", None).is_empty());
    }
}
