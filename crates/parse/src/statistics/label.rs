//! Indicator labels: their numbering (`一、` `（一）` `1.` `（1）` `①`), a leading `其中`,
//! a trailing parenthesised note, and a unit written in the label.

use std::sync::LazyLock;

use govreport_document::without_whitespace;
use regex::Regex;

/// A numbering style, outermost first (its order is the nesting depth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Style {
    /// `一、`
    Chinese,
    /// `（一）`
    ChineseBracket,
    /// `1.` `1、`
    Arabic,
    /// `（1）` `(1)`
    ArabicBracket,
    /// `①`
    Circled,
}

/// A label taken apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    /// The label: no numbering, no `其中`, no trailing note.
    pub label: String,
    /// The numbering's style, when the label is numbered.
    pub style: Option<Style>,
    /// Introduced by `其中`.
    pub of_which: bool,
    /// A unit named in the trailing note (`（万元）`).
    pub unit: Option<String>,
}

/// Units the statistics tables print, longest first.
pub const UNITS: [&str; 16] = [
    "人次", "万元", "千元", "元", "条", "件", "次", "人", "个", "篇", "项", "期", "场", "家", "份",
    "户",
];

static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?P<cn>[一二三四五六七八九十]{1,3})[、.．]",
        r"|[（(](?P<cnb>[一二三四五六七八九十]{1,3})[）)][、.．]?",
        r"|(?P<ar>\d{1,2})[、．.](?P<decimal>\d)?",
        r"|[（(](?P<arb>\d{1,2})[）)][、.．]?",
        r"|(?P<ci>[①-⑳]))"
    ))
    .expect("valid regex")
});

/// A trailing parenthesised note: `（不同渠道和方式公开相同信息计1条）`.
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（）()]*[）)]$").expect("valid regex"));

/// The numbering at the start of `text`: its style and the text after it.
pub fn numbering(text: &str) -> Option<(Style, &str)> {
    let caps = NUMBERING.captures(text)?;
    if caps.name("decimal").is_some() {
        return None;
    }
    let style = if caps.name("cn").is_some() {
        Style::Chinese
    } else if caps.name("cnb").is_some() {
        Style::ChineseBracket
    } else if caps.name("ar").is_some() {
        Style::Arabic
    } else if caps.name("arb").is_some() {
        Style::ArabicBracket
    } else {
        Style::Circled
    };
    Some((style, &text[caps.get(0).map_or(0, |m| m.end())..]))
}

/// Takes a printed indicator (whitespace removed) apart.
pub fn parts(text: &str) -> Parts {
    let mut rest = text;
    let mut style = numbering(rest).map(|(s, r)| {
        rest = r;
        s
    });
    let of_which = ["其中：", "其中:", "其中，", "其中"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .map(|r| rest = r)
        .is_some();
    if of_which && let Some((s, r)) = numbering(rest) {
        style = Some(s);
        rest = r;
    }
    let mut label = rest.to_string();
    let mut unit = None;
    if let Some(m) = NOTE.find(&label)
        && m.start() > 0
    {
        let inner = &label[m.start()..m.end()];
        let inner = inner
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        let inner = inner
            .trim_start_matches("单位：")
            .trim_start_matches("单位:");
        if UNITS.contains(&inner) {
            unit = Some(inner.to_string());
        }
        label.truncate(m.start());
    }
    Parts {
        label,
        style,
        of_which,
        unit,
    }
}

/// True for a cell that is only a unit (`条`, `人次`, `万元`).
pub fn is_unit(text: &str) -> bool {
    UNITS.contains(&without_whitespace(text).as_str())
}

/// A numbering inside a label, between its characters (`…收取费用总额八、政府…`,
/// `…培训班数（三）接受…`, `…数2.传真…`).
static INNER_NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\p{Han}”）)](?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|[①-⑳])[\p{Han}“]",
    )
    .expect("valid regex")
});

/// Whether a row's label holds a numbering inside it, as when the labels of two rows ran
/// together (a row then missing from the table).
pub fn runs_together(text: &str) -> bool {
    INNER_NUMBERING.is_match(&without_whitespace(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_two_rows_run_together_are_told_from_numbered_notes() {
        assert!(runs_together("七、收取费用总额八、政府信息公开专项经费"));
        assert!(runs_together(
            "2930（二）举办各类培训班数（三）接受培训人员数"
        ));
        assert!(runs_together("其中：当面申请数2.传真申请数"));
        assert!(!runs_together(
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"
        ));
        assert!(!runs_together("其中：1.当面申请数"));
        assert!(!runs_together("（1）“非《规定》所指政府信息”数"));
        assert!(!runs_together("政府信息公开专项经费（1.5万元以上）"));
    }

    #[test]
    fn numbering_styles_are_told_apart() {
        let style = |t: &str| numbering(t).map(|(s, _)| s);
        assert_eq!(style("一、主动公开情况"), Some(Style::Chinese));
        assert_eq!(style("（二）申请办结数"), Some(Style::ChineseBracket));
        assert_eq!(style("(三)申请答复数"), Some(Style::ChineseBracket));
        assert_eq!(style("1.当面申请数"), Some(Style::Arabic));
        assert_eq!(style("3、信函申请数"), Some(Style::Arabic));
        assert_eq!(style("(10)“免予公开范围6”数"), Some(Style::ArabicBracket));
        assert_eq!(style("②兼职人员数"), Some(Style::Circled));
        assert_eq!(style("主动公开信息数"), None);
        assert_eq!(style("2.5万元"), None);
    }

    #[test]
    fn labels_lose_numbering_of_which_and_notes_but_keep_quotes() {
        let p = parts("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
        assert_eq!(p.label, "主动公开政府信息数");
        assert_eq!(p.style, Some(Style::ChineseBracket));
        assert!(!p.of_which);
        let p = parts("其中：主动公开规范性文件数");
        assert_eq!(
            (p.label.as_str(), p.of_which, p.style),
            ("主动公开规范性文件数", true, None)
        );
        let p = parts("其中:(1)“非《规定》所指政府信息”数");
        assert_eq!(p.label, "“非《规定》所指政府信息”数");
        assert_eq!(p.style, Some(Style::ArabicBracket));
        assert!(p.of_which);
    }

    #[test]
    fn a_unit_in_the_label_is_taken_out() {
        let p = parts("七、依申请公开信息收取的费用（万元）");
        assert_eq!(p.label, "依申请公开信息收取的费用");
        assert_eq!(p.unit.as_deref(), Some("万元"));
        assert_eq!(parts("经费(单位：万元)").unit.as_deref(), Some("万元"));
        assert!(is_unit("人次") && !is_unit("人数"));
    }
}
