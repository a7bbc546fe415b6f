//! Numbered heading runs in the three numbering styles reports use (`第一部分`, `一、`,
//! `（一）`): lines numbered one, two, three… in order, with the outermost style that has
//! a run taken as the top level. Pre-2019 sections and the web-page reader share it.

use std::sync::LazyLock;

use regex::Regex;

/// A heading of the top-level run.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbered {
    /// Index of the heading line among the candidates' lines.
    pub line: usize,
    /// The heading without its numeral (and without a trailing colon).
    pub text: String,
}

/// The three numbering styles of top-level headings, outermost first.
static STYLES: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let n = "[一二三四五六七八九十]{1,3}";
    [
        format!(r"^第({n})部分[、：:.．]?(.+)$"),
        format!(r"^({n})[、.．，,](.+)$"),
        format!(r"^[（(]({n})[）)][、.．]?(.+)$"),
    ]
    .map(|p| Regex::new(&p).expect("valid regex"))
});

/// The value of a Chinese numeral up to 99 (`十二` = 12).
fn numeral(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// A heading is short and not a sentence.
fn heading_like(rest: &str) -> bool {
    let n = rest.chars().count();
    (1..=30).contains(&n) && !rest.contains(['。', '；', '，', ';', ','])
}

/// The top-level run among `candidates` (line index, whitespace-free text): the first
/// style, outermost first, with at least two headings in sequence; empty when none has.
pub fn top_level(candidates: &[(usize, String)]) -> Vec<Numbered> {
    STYLES
        .iter()
        .map(|re| run(candidates, re))
        .find(|r| r.len() >= 2)
        .unwrap_or_default()
}

/// The headings of one style numbered one, two, three… in order (one numeral may be
/// skipped: a heading printed as a table row, or misprinted).
fn run(candidates: &[(usize, String)], re: &Regex) -> Vec<Numbered> {
    let mut out = Vec::new();
    for (i, text) in candidates {
        let Some(c) = re.captures(text) else { continue };
        let rest = c[2].trim_start_matches(['、', '：', ':']);
        let next = out.len() as u32 + 1;
        let in_sequence = numeral(&c[1]).is_some_and(|n| n == next || n == next + 1 && next > 1);
        if in_sequence && heading_like(rest) {
            out.push(Numbered {
                line: *i,
                text: rest.trim_end_matches(['：', ':']).to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &str) -> Vec<String> {
        let candidates: Vec<(usize, String)> =
            lines.lines().map(str::to_string).enumerate().collect();
        top_level(&candidates).into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn the_outermost_style_with_a_run_is_the_top_level() {
        let got = texts("第一部分概述\n一、加强领导\n二、完善制度\n第二部分主动公开：");
        assert_eq!(got, ["概述", "主动公开"]);
    }

    #[test]
    fn one_numeral_may_be_missing_not_two_and_sentences_do_not_count() {
        assert_eq!(
            texts("一、概述\n二、主动公开\n四、存在问题\n六、其他").len(),
            3
        );
        assert!(texts("一、这是句子，不是标题。\n二、也是句子。").is_empty());
    }

    #[test]
    fn numerals_reach_beyond_ten() {
        assert_eq!(
            (numeral("十二"), numeral("二十"), numeral("七")),
            (Some(12), Some(20), Some(7))
        );
    }
}
