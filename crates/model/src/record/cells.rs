//! `cells`: where each table cell came from — its page, its box on the page and its source —
//! kept in one map beside the tables, keyed by the cell's record path.

use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Number;

use super::{Tables, number};
use crate::codes::named_enum;

named_enum! {
    /// How a cell's value was obtained (`cells[path].source`).
    pub enum CellSource {
        /// Read from the document's own text (a PDF text layer, a web page, a Word or text file).
        Text = "text",
        /// Read by govreport's OCR of the page image.
        Ocr = "ocr",
        /// Read from an invisible OCR text layer made before publication.
        OcrLayer = "ocr_layer",
        /// Not read: derived from the consistency rules.
        Derived = "derived",
        /// Set by a person (`--corrections`).
        Corrected = "corrected",
    }
}

/// One cell's provenance. `page` and `box` are omitted where unknown (text, web pages and
/// Word files have no pages; derived cells no box).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Provenance {
    /// 1-based page the cell was read on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// `[x0, y0, x1, y1]`, y downward from the top: PDF points for a text layer (to 0.1 pt),
    /// pixels of the page image OCR read (300 dpi for an A4 page) for `ocr`.
    #[serde(
        rename = "box",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "short_box"
    )]
    pub bbox: Option<[f32; 4]>,
    /// Where the value came from.
    pub source: CellSource,
}

impl Provenance {
    /// A cell read from the text at `page` and `bbox`.
    pub fn text(page: Option<u32>, bbox: Option<[f32; 4]>) -> Self {
        Provenance {
            page,
            bbox: bbox.map(|b| b.map(|v| (v * 10.0).round() / 10.0)),
            source: CellSource::Text,
        }
    }

    /// A cell of `source` with no page or box.
    pub fn bare(source: CellSource) -> Self {
        Provenance {
            page: None,
            bbox: None,
            source,
        }
    }
}

/// Writes box coordinates as short numbers (`72.5`, `300`), not as `72.5000001`.
fn short_box<S: Serializer>(bbox: &Option<[f32; 4]>, s: S) -> Result<S::Ok, S::Error> {
    let numbers: Option<Vec<Number>> = bbox.map(|b| {
        b.iter()
            .map(|v| number(&format!("{v}")).unwrap_or_else(|| Number::from(0)))
            .collect()
    });
    numbers.serialize(s)
}

/// The provenance of every table cell, by record path, in table order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cells(pub Vec<(String, Provenance)>);

impl Cells {
    /// A cell's provenance.
    pub fn get(&self, path: &str) -> Option<&Provenance> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, v)| v)
    }

    /// Sets a cell's provenance (replacing it in place, or appending it).
    pub fn set(&mut self, path: &str, provenance: Provenance) {
        match self.0.iter_mut().find(|(p, _)| p == path) {
            Some(entry) => entry.1 = provenance,
            None => self.0.push((path.to_string(), provenance)),
        }
    }

    /// Adds entries, each replacing any entry of the same path.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = (String, Provenance)>) {
        for (path, provenance) in entries {
            self.set(&path, provenance);
        }
    }

    /// Keeps only the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &Provenance) -> bool) {
        self.0.retain(|(p, v)| keep(p, v));
    }

    /// Keeps only the entries of cells `tables` has, in table order (表二, 表三, 表四, the
    /// statistics table; row after row), leaving out those that say no more than `text`
    /// (no page, no box: a cell of a text file, web page or Word file read as printed).
    pub fn tidy(&mut self, tables: &Tables) {
        let mut paths: Vec<String> = tables.cells().map(|(at, _)| at.path()).collect();
        for (n, row) in tables
            .statistics
            .iter()
            .flat_map(|s| s.rows.iter().enumerate())
        {
            paths.extend(
                (0..row.values.len()).map(|c| format!("tables.statistics.rows[{n}].values[{c}]")),
            );
        }
        let rank: std::collections::HashMap<&str, usize> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        let plain = Provenance::bare(CellSource::Text);
        self.0
            .retain(|(p, v)| rank.contains_key(p.as_str()) && *v != plain);
        self.0.sort_by_key(|(p, _)| rank[p.as_str()]);
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (path, provenance) in &self.0 {
            map.serialize_entry(path, provenance)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Cells {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        let entries = map
            .into_iter()
            .map(|(k, v)| {
                Ok((
                    k,
                    serde_json::from_value(v).map_err(serde::de::Error::custom)?,
                ))
            })
            .collect::<Result<Vec<_>, D::Error>>()?;
        Ok(Cells(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_write_short_boxes_and_read_back() {
        let mut cells = Cells::default();
        let page = Provenance::text(Some(3), Some([72.04, 100.0, 90.56, 112.0]));
        cells.set("tables.applications.rows.granted[0]", page);
        cells.set(
            "tables.applications.rows.granted[1]",
            Provenance::bare(CellSource::Derived),
        );
        let json = serde_json::to_string(&cells).unwrap();
        assert_eq!(
            json,
            r#"{"tables.applications.rows.granted[0]":{"page":3,"box":[72,100,90.6,112],"source":"text"},"tables.applications.rows.granted[1]":{"source":"derived"}}"#
        );
        let back: Cells = serde_json::from_str(&json).unwrap();
        assert_eq!(back.0.len(), 2);
        assert_eq!(
            back.get("tables.applications.rows.granted[1]")
                .unwrap()
                .source,
            CellSource::Derived
        );
    }
}
