//! Placing a reporting body: from its name, else its report's title, else the report's text.

use serde::Serialize;

use crate::agency::{AgencyKind, is_national, kind};
use crate::chain::{Reading, resolve};
use crate::context::Context;
use crate::index::INDEX;
use crate::region::{Level, Region};
use crate::scan::{Mention, Mode, runs, scan};

/// The reporting body's own level; a street office or township is below its county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyLevel {
    /// A province-level body (a municipality's too).
    Province,
    /// A prefecture-level body.
    City,
    /// A county-level body.
    County,
    /// A street office or township government.
    Township,
}

/// Where a body sits and what it is: the record's `region`, `agency_level`, `agency_kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    /// The smallest division the body belongs to; None when unplaced, ambiguous or national.
    pub region: Option<Region>,
    /// The body's level; None for national bodies and bodies of unknown level.
    pub agency_level: Option<AgencyLevel>,
    /// The body's kind, from its name.
    pub agency_kind: AgencyKind,
    /// The divisions the body's place name fits when nothing tells them apart.
    pub ambiguous: Vec<Region>,
}

impl Placement {
    /// The message of a `region_ambiguous` warning, when the body fits several divisions.
    pub fn ambiguity(&self) -> Option<String> {
        let list: Vec<String> = self
            .ambiguous
            .iter()
            .map(|r| format!("{} {}", r.code, r.full_name()))
            .collect();
        (!list.is_empty()).then(|| format!("fits {} divisions: {}", list.len(), list.join(", ")))
    }
}

/// Places a body by its name (`淮安市洪泽区人民政府`), else its report's title, else the
/// opening of the report's text, reading former names whatever the report's year; see
/// [`place_in_year`].
pub fn place(agency: Option<&str>, title: Option<&str>, text: &str) -> Placement {
    place_in_year(agency, title, text, None)
}

/// Places the body of a report on `year` by its name, else the report's title, else the
/// opening of its text. A name fitting several divisions is narrowed by the title and the
/// text, and left unplaced if they do not tell the candidates apart; a suffix variant
/// (洪泽县 for 洪泽区) counts only when a division above it is named; a former name only
/// up to a year after it was given up.
pub fn place_in_year(
    agency: Option<&str>,
    title: Option<&str>,
    text: &str,
    year: Option<i32>,
) -> Placement {
    let agency = agency.filter(|a| !a.trim().is_empty());
    let body = strip_note(agency.or(title.map(title_body)).unwrap_or(""));
    let agency_kind = kind(body);
    let context = Context::new(title, text, year);
    let named = body_run(&scan(body, usize::MAX, Mode::Name, year));
    let national = named.divs.is_empty() && !body.is_empty() && is_national(body);
    let reading = if national || !named.divs.is_empty() {
        named
    } else {
        let from_title = first_run(context.title());
        if from_title.divs.is_empty() {
            first_run(context.text())
        } else {
            from_title
        }
    };
    let candidates = if reading.guessed {
        context.vouched(reading.divs)
    } else {
        reading.divs
    };
    settle(context.narrow(candidates), agency_kind, national, &context)
}

/// The placement of a body of `kind` with these candidates: placed when one is left.
fn settle(candidates: Vec<usize>, kind: AgencyKind, national: bool, c: &Context) -> Placement {
    let mut placement = Placement {
        region: None,
        agency_level: None,
        agency_kind: kind,
        ambiguous: Vec::new(),
    };
    match candidates[..] {
        [one] => placement.region = Some(Region::of(c.refine(one, kind))),
        _ => placement.ambiguous = candidates.into_iter().map(Region::of).collect(),
    }
    placement.agency_level = agency_level(&placement, kind, national);
    placement
}

/// The name less the place names it starts with (`淮安市洪泽区人民政府` -> `人民政府`,
/// `洪泽县教育局` -> `教育局`); the whole name when it starts with none. Whitespace is dropped.
pub fn without_places(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let mentions = scan(&name, usize::MAX, Mode::Name, None);
    let lead = runs(&mentions).next().filter(|run| run[0].start == 0);
    let end = lead.and_then(|run| run.last()).map_or(0, |m| m.end);
    name.chars().skip(end).collect()
}

/// A name without a trailing note in brackets: `…办公室（区政务服务管理办公室）` -> `…办公室`.
fn strip_note(name: &str) -> &str {
    let name = name.trim();
    match name
        .ends_with(['）', ')'])
        .then(|| name.rfind(['（', '(']))
        .flatten()
    {
        Some(i) if i > 0 => name[..i].trim_end(),
        _ => name,
    }
}

/// The body's name at the head of a report title: what comes before its year or
/// `政府信息公开` (`鼓楼区人民政府2019年政府信息公开工作年度报告` -> `鼓楼区人民政府`).
fn title_body(title: &str) -> &str {
    let title = title.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let title = title
        .strip_prefix("年度")
        .or(title.strip_prefix('年'))
        .unwrap_or(title);
    let cut = [
        title.find(|c: char| c.is_ascii_digit()),
        title.find("政府信息公开"),
    ];
    &title[..cut.into_iter().flatten().min().unwrap_or(title.len())]
}

/// The first run of names in a body's name that places it, taken deeper by each later run
/// that lies within it (新疆生产建设兵团第八师石河子市: 新疆, then 石河子市 inside it; a
/// later run elsewhere, 广东省人民政府驻北京办事处's 北京, is not the body's place).
fn body_run(mentions: &[Mention]) -> Reading {
    let mut readings = runs(mentions).map(resolve).filter(|r| !r.divs.is_empty());
    let Some(mut best) = readings.next() else {
        return Reading::default();
    };
    for later in readings {
        let within = |d: &usize| best.divs.iter().any(|&b| b != *d && INDEX.contains(b, *d));
        if later.divs.iter().all(within) {
            best = later;
        }
    }
    best
}

/// The reading of the first run of names; empty if no name.
fn first_run(mentions: &[Mention]) -> Reading {
    runs(mentions)
        .map(resolve)
        .find(|r| !r.divs.is_empty())
        .unwrap_or_default()
}

/// The body's level: township by kind, else its region's, else its candidates' shared one.
fn agency_level(p: &Placement, kind: AgencyKind, national: bool) -> Option<AgencyLevel> {
    if national {
        return None;
    }
    if kind == AgencyKind::Township {
        return Some(AgencyLevel::Township);
    }
    let mut levels = p.region.iter().chain(&p.ambiguous).map(|r| r.level);
    let first = levels.next()?;
    levels.all(|l| l == first).then_some(match first {
        Level::Province => AgencyLevel::Province,
        Level::City => AgencyLevel::City,
        Level::County => AgencyLevel::County,
    })
}

#[cfg(test)]
#[path = "place_tests.rs"]
mod tests;
