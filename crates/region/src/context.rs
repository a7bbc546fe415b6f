//! What a report's title and text say about where its body sits, read only when needed.

use std::cell::OnceCell;

use crate::agency::AgencyKind;
use crate::chain::resolve;
use crate::division::Level;
use crate::index::INDEX;
use crate::names::Form;
use crate::scan::{Mention, Mode, runs, scan};

/// How much of a report's text is read, in characters: the opening is where the body is named.
const TEXT_CHARS: usize = 5000;

/// The names in a report's title and in the opening of its text, scanned when first needed.
pub(crate) struct Context<'a> {
    /// The report's title.
    title: Option<&'a str>,
    /// The report's text.
    text: &'a str,
    /// The year reported on, which former names are read for.
    year: Option<i32>,
    /// Names in the title, all forms.
    title_names: OnceCell<Vec<Mention>>,
    /// Names in the text's opening outside cited documents' titles, forms fit for running text.
    text_names: OnceCell<Vec<Mention>>,
}

impl<'a> Context<'a> {
    /// A context for this title, text and year; nothing is scanned yet.
    pub(crate) fn new(title: Option<&'a str>, text: &'a str, year: Option<i32>) -> Context<'a> {
        Context {
            title,
            text,
            year,
            title_names: OnceCell::new(),
            text_names: OnceCell::new(),
        }
    }

    /// The names in the title.
    pub(crate) fn title(&self) -> &[Mention] {
        self.title_names.get_or_init(|| {
            self.title
                .map(|t| scan(t, usize::MAX, Mode::Name, self.year))
                .unwrap_or_default()
        })
    }

    /// The names in the text's opening, skipping cited laws and rules (《江苏省…规定》).
    pub(crate) fn text(&self) -> &[Mention] {
        self.text_names.get_or_init(|| {
            scan(
                &without_cited_rules(self.text, TEXT_CHARS),
                usize::MAX,
                Mode::Text,
                self.year,
            )
        })
    }

    /// The candidates the title, then the text, support most, when they support any.
    pub(crate) fn narrow(&self, mut candidates: Vec<usize>) -> Vec<usize> {
        if candidates.len() > 1 {
            candidates = best_supported(candidates, self.title());
        }
        if candidates.len() > 1 {
            candidates = best_supported(candidates, self.text());
        }
        candidates
    }

    /// The candidates a division above them, named in the title or text, vouches for.
    pub(crate) fn vouched(&self, candidates: Vec<usize>) -> Vec<usize> {
        let named_above = |&c: &usize| support(c, self.title()) + support(c, self.text()) > 0;
        candidates.into_iter().filter(named_above).collect()
    }

    /// A township's county when its name gave only a city or province: the first county
    /// within `div` that the title or text names unambiguously.
    pub(crate) fn refine(&self, div: usize, kind: AgencyKind) -> usize {
        if kind != AgencyKind::Township || INDEX.divisions[div].level == Level::County {
            return div;
        }
        let runs = runs(self.title()).chain(runs(self.text()));
        runs.filter_map(|r| match resolve(r).divs[..] {
            [d] if d != div
                && INDEX.divisions[d].level == Level::County
                && INDEX.contains(div, d) =>
            {
                Some(d)
            }
            _ => None,
        })
        .next()
        .unwrap_or(div)
    }
}

/// Endings of cited laws', rules' and notices' titles, whose place names are not the body's.
const RULES: [&str; 10] = [
    "条例", "规定", "办法", "意见", "通知", "决定", "法", "细则", "方案", "纲要",
];

/// The first `max_chars` characters of `text`, less the 《…》 titles of cited rules.
pub(crate) fn without_cited_rules(text: &str, max_chars: usize) -> String {
    let text: String = text.chars().take(max_chars).collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('《') {
        let close = rest[open..].find('》').map(|i| open + i + '》'.len_utf8());
        let Some(close) = close else { break };
        let cited = &rest[open..close];
        let is_rule = RULES
            .iter()
            .any(|r| cited.trim_end_matches('》').ends_with(r));
        out.push_str(&rest[..if is_rule { open } else { close }]);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// How many mentions name a division above `c` (not by a suffix variant).
fn support(c: usize, mentions: &[Mention]) -> usize {
    let above = |m: &&Mention| {
        m.hits
            .iter()
            .any(|h| h.form != Form::Variant && h.div != c && INDEX.contains(h.div, c))
    };
    mentions.iter().filter(above).count()
}

/// The candidates with the most mentions of a division above them, if any has one.
fn best_supported(candidates: Vec<usize>, mentions: &[Mention]) -> Vec<usize> {
    let counts: Vec<usize> = candidates.iter().map(|&c| support(c, mentions)).collect();
    let max = counts.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return candidates;
    }
    candidates
        .into_iter()
        .zip(counts)
        .filter(|&(_, n)| n == max)
        .map(|(c, _)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_rules_are_cut_but_other_titles_kept() {
        let text = "据《中华人民共和国政府信息公开条例》，公布《鼓楼区2019年年度报告》";
        assert_eq!(
            without_cited_rules(text, 100),
            "据，公布《鼓楼区2019年年度报告》"
        );
        assert_eq!(without_cited_rules("《未完", 100), "《未完");
        assert_eq!(without_cited_rules("南京市鼓楼区", 3), "南京市");
    }

    #[test]
    fn the_best_supported_candidates_win_and_no_support_keeps_all() {
        let [nanjing, xuzhou] = ["320106", "320302"].map(|c| INDEX.find(c).unwrap());
        let mentions = scan("徐州市，南京市，南京市", usize::MAX, Mode::Text, None);
        assert_eq!(best_supported(vec![nanjing, xuzhou], &mentions), [nanjing]);
        assert_eq!(
            best_supported(vec![nanjing, xuzhou], &[]),
            [nanjing, xuzhou]
        );
    }

    #[test]
    fn only_a_division_above_vouches_for_a_candidate() {
        let hongze = INDEX.find("320813").unwrap();
        let vouched = |title, text| Context::new(Some(title), text, None).vouched(vec![hongze]);
        assert_eq!(vouched("洪泽县人民政府", "本县隶属淮安市"), [hongze]);
        assert_eq!(vouched("江苏省洪泽县人民政府", ""), [hongze]);
        assert!(vouched("洪泽县人民政府", "洪泽县位于洪泽湖畔").is_empty());
    }
}
