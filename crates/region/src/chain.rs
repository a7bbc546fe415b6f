//! Reading a run of names (江苏省淮安市洪泽区) as a path down the division tree.

use crate::index::INDEX;
use crate::names::Form;
use crate::scan::Mention;

/// What a run of names resolves to.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// The divisions the run ends at; empty only for an empty run.
    pub divs: Vec<usize>,
    /// Whether the reading rests only on a suffix variant with nothing above it in the run
    /// (平川县 for 平川区): a guess that needs the title or text to vouch for it.
    pub guessed: bool,
}

/// The divisions a run of names ends at, each name read as lying within the one before,
/// keeping only the readings with the best name forms; trailing names that fit no reading
/// are dropped.
pub(crate) fn resolve(run: &[Mention]) -> Reading {
    for len in (1..=run.len()).rev() {
        let ends = ends(&run[..len]);
        if !ends.is_empty() {
            let guessed = len == 1 && ends.iter().all(|&d| by_variant(&run[0], d));
            let divs = outermost(ends);
            return Reading { divs, guessed };
        }
    }
    Reading::default()
}

/// Whether a mention names this division only by a suffix variant.
fn by_variant(mention: &Mention, div: usize) -> bool {
    let hit = mention.hits.iter().find(|h| h.div == div);
    hit.is_some_and(|h| h.form == Form::Variant)
}

/// The last divisions of the cheapest consistent readings of the whole run.
fn ends(run: &[Mention]) -> Vec<usize> {
    let Some((first, rest)) = run.split_first() else {
        return Vec::new();
    };
    let mut states: Vec<(usize, u32)> = first.hits.iter().map(|h| (h.div, h.form.cost())).collect();
    for m in rest {
        states = m
            .hits
            .iter()
            .filter_map(|h| {
                let within = states.iter().filter(|(d, _)| INDEX.contains(*d, h.div));
                within
                    .map(|(_, cost)| cost + h.form.cost())
                    .min()
                    .map(|c| (h.div, c))
            })
            .collect();
    }
    let best = states.iter().map(|s| s.1).min();
    let mut out: Vec<usize> = states
        .into_iter()
        .filter(|s| Some(s.1) == best)
        .map(|s| s.0)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One division when it holds all the others (吉林 the province over 吉林 the city), else all.
fn outermost(ends: Vec<usize>) -> Vec<usize> {
    match ends
        .iter()
        .find(|&&a| ends.iter().all(|&b| INDEX.contains(a, b)))
    {
        Some(&a) => vec![a],
        None => ends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{Mode, runs, scan};

    /// The reading of the first run of names in `s`.
    fn reading(s: &str) -> Reading {
        let mentions = scan(s, usize::MAX, Mode::Name, None);
        resolve(runs(&mentions).next().unwrap_or_default())
    }

    /// The codes the first run of names in `s` resolves to.
    fn codes(s: &str) -> Vec<&'static str> {
        reading(s)
            .divs
            .into_iter()
            .map(|d| INDEX.divisions[d].code.as_str())
            .collect()
    }

    #[test]
    fn a_city_picks_its_own_district() {
        assert_eq!(codes("南京市鼓楼区"), ["320106"]);
        assert_eq!(codes("徐州市鼓楼区"), ["320302"]);
        assert_eq!(codes("长春市朝阳区"), ["220104"]);
    }

    #[test]
    fn a_bare_district_name_stays_ambiguous() {
        assert_eq!(codes("鼓楼区"), ["320106", "320302", "350102", "410204"]);
        assert_eq!(codes("朝阳区"), ["110105", "220104"]);
    }

    #[test]
    fn a_name_that_fits_no_reading_is_dropped_from_the_end() {
        assert_eq!(codes("淮安市鼓楼区"), ["320800"]);
    }

    #[test]
    fn full_names_beat_variants_and_nesting_picks_the_outer() {
        assert_eq!(codes("朝阳县"), ["211321"]);
        assert_eq!(codes("北京市朝阳县"), ["110105"]);
        assert_eq!(codes("吉林"), ["220000"]);
    }

    #[test]
    fn a_variant_alone_is_a_guess_and_under_its_city_is_not() {
        let alone = reading("洪泽县");
        assert!(alone.guessed);
        assert_eq!(INDEX.divisions[alone.divs[0]].code, "320813");
        assert!(!reading("淮安市洪泽县").guessed);
        assert!(!reading("洪泽区").guessed);
        assert!(!reading("朝阳县").guessed);
    }
}
