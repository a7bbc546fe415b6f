//! The panel CSV: the tidy CSV's columns (the region code among them) plus `agency_key` and
//! `text_reuse` (the report's share of sentences found in the same body's report of the year
//! before, blank for a first year), one row per table cell, ordered by agency key, year and
//! input order.

use std::io::Write;

use std::collections::HashMap;

use super::Entry;
use super::panel::Panel;
use crate::output::csv::HEADER;

/// Writes every cell of every entry, ordered as the panel groups them (agency key, year,
/// input order), then the entries without agency or year (with an empty key).
pub fn write(out: impl Write, entries: &[Entry], panel: &Panel) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER.iter().chain(&["agency_key", "text_reuse"]))?;
    let reuse: HashMap<&str, String> = panel
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .filter_map(|p| {
            Some((
                p.current.file.as_str(),
                p.text_reuse.as_ref()?.overall.to_string(),
            ))
        })
        .collect();
    let mut order: Vec<&Entry> = entries.iter().collect();
    let unplaced = |e: &Entry| e.key.is_none() || e.year.is_none();
    order.sort_by(|a, b| (unplaced(a), &a.key, a.year).cmp(&(unplaced(b), &b.key, b.year)));
    for e in order {
        let reused = reuse.get(e.path.as_str()).map_or("", String::as_str);
        rows(&mut w, e, reused)?;
    }
    w.flush()?;
    Ok(())
}

/// The rows of one entry's cells, each ending with its key and `text_reuse`.
fn rows(w: &mut ::csv::Writer<impl Write>, e: &Entry, reused: &str) -> ::csv::Result<()> {
    let year = e.year.map(|y| y.to_string()).unwrap_or_default();
    for c in &e.cells {
        let value = c.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
        w.write_record([
            e.path.as_str(),
            e.agency.as_deref().unwrap_or_default(),
            e.region_code.as_deref().unwrap_or_default(),
            e.agency_level.as_deref().unwrap_or_default(),
            &year,
            &e.template,
            c.table(),
            c.row(),
            c.column(),
            &value,
            c.printed.as_deref().unwrap_or_default(),
            e.key.as_deref().unwrap_or_default(),
            reused,
        ])?;
    }
    Ok(())
}
