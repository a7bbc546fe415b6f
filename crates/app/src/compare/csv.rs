//! The panel CSV: the tidy CSV's columns (the region code among them) plus `agency_key`,
//! one row per table cell, ordered by agency key, year and input order.

use std::io::Write;

use super::Entry;
use crate::output::csv::HEADER;

/// Writes every cell of every entry, ordered as the panel groups them (agency key, year,
/// input order), then the entries without agency or year (with an empty key).
pub fn write(out: impl Write, entries: &[Entry]) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER.iter().chain(&["agency_key"]))?;
    let mut order: Vec<&Entry> = entries.iter().collect();
    let unplaced = |e: &Entry| e.key.is_none() || e.year.is_none();
    order.sort_by(|a, b| (unplaced(a), &a.key, a.year).cmp(&(unplaced(b), &b.key, b.year)));
    for e in order {
        rows(&mut w, e)?;
    }
    w.flush()?;
    Ok(())
}

fn rows(w: &mut ::csv::Writer<impl Write>, e: &Entry) -> ::csv::Result<()> {
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
        ])?;
    }
    Ok(())
}
