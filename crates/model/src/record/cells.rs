//! `cells`: where each table cell came from — its page, its box on the page and its source —
//! kept in one map beside the tables: one entry per cell in memory, written one entry per
//! table row (see [`wire`]).

mod wire;

use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::Tables;
use crate::codes::named_enum;
use crate::template::CellPath;

named_enum! {
    /// How a cell's value was obtained (the `source` of its `cells` entry).
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

/// One cell's provenance. `page` and `box` are None where unknown (text, web pages and
/// Word files have no pages; derived cells no box).
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// 1-based page the cell was read on.
    pub page: Option<u32>,
    /// `[x0, y0, x1, y1]`, y downward from the top: PDF points for a text layer (to 0.1 pt),
    /// pixels of the page image OCR read (300 dpi for an A4 page) for `ocr`.
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

/// The provenance of every table cell, by record path, in table order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cells(pub Vec<(CellPath, Provenance)>);

impl Cells {
    /// A cell's provenance.
    pub fn get(&self, path: &CellPath) -> Option<&Provenance> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, v)| v)
    }

    /// Sets a cell's provenance (replacing it in place, or appending it).
    pub fn set(&mut self, path: &CellPath, provenance: Provenance) {
        match self.0.iter_mut().find(|(p, _)| p == path) {
            Some(entry) => entry.1 = provenance,
            None => self.0.push((path.clone(), provenance)),
        }
    }

    /// Adds entries, each replacing any entry of the same path.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = (CellPath, Provenance)>) {
        for (path, provenance) in entries {
            self.set(&path, provenance);
        }
    }

    /// Keeps only the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&CellPath, &Provenance) -> bool) {
        self.0.retain(|(p, v)| keep(p, v));
    }

    /// Keeps only the entries of cells `tables` has, in table order (表二, 表三, 表四, the
    /// statistics table; row after row), leaving out those that say no more than `text`
    /// (no page, no box: a cell of a text file, web page or Word file read as printed).
    pub fn tidy(&mut self, tables: &Tables) {
        let mut paths: Vec<CellPath> = tables.cells().map(|(at, _)| at.path()).collect();
        for (n, row) in tables
            .statistics
            .iter()
            .flat_map(|s| s.rows.iter().enumerate())
        {
            paths.extend((0..row.values.len()).map(|c| CellPath::StatisticsCell(n, c)));
        }
        let rank: std::collections::HashMap<&CellPath, usize> =
            paths.iter().enumerate().map(|(i, p)| (p, i)).collect();
        let plain = Provenance::bare(CellSource::Text);
        self.0.retain(|(p, v)| rank.contains_key(p) && *v != plain);
        self.0.sort_by_key(|(p, _)| rank[p]);
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        wire::encode(&self.0).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Cells {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        wire::decode(&map)
            .map(Cells)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells written and read back: the JSON, and the same entries in the same order.
    fn round_trip(cells: &Cells) -> String {
        let json = serde_json::to_string(cells).unwrap();
        let back: Cells = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, cells, "{json}");
        json
    }

    /// The path of a text.
    fn at(text: &str) -> CellPath {
        CellPath::parse(text)
    }

    #[test]
    fn a_row_shares_its_page_source_and_top_and_bottom() {
        let mut cells = Cells::default();
        let row = "tables.applications.rows.granted";
        cells.set(
            &at(&format!("{row}[0]")),
            Provenance::text(Some(3), Some([72.04, 100.0, 90.56, 112.0])),
        );
        cells.set(
            &at(&format!("{row}[1]")),
            Provenance::text(Some(3), Some([95.0, 100.0, 99.5, 112.0])),
        );
        assert_eq!(
            round_trip(&cells),
            r#"{"tables.applications.rows.granted":{"page":3,"source":"text","y":[100,112],"x":[[72,90.6],[95,99.5]]}}"#
        );
    }

    #[test]
    fn cells_that_differ_are_given_one_by_one_in_the_rows_shape() {
        let mut cells = Cells::default();
        let row = "tables.applications.rows.new_requests";
        cells.set(
            &at(&format!("{row}[0]")),
            Provenance::bare(CellSource::Derived),
        );
        cells.set(
            &at(&format!("{row}[2]")),
            Provenance::text(Some(2), Some([1.0, 5.0, 2.0, 6.0])),
        );
        cells.set(
            &at(&format!("{row}[3]")),
            Provenance::text(Some(2), Some([3.0, 7.0, 4.0, 8.0])),
        );
        let active = "tables.active_disclosure.regulations";
        cells.set(
            &at(&format!("{active}.new_made")),
            Provenance::text(Some(2), Some([1.0, 5.0, 2.0, 6.0])),
        );
        cells.set(
            &at(&format!("{active}.total_published")),
            Provenance::bare(CellSource::Corrected),
        );
        assert_eq!(
            round_trip(&cells),
            concat!(
                r#"{"tables.applications.rows.new_requests":{"page":[null,null,2,2],"source":["derived",null,"text","text"],"#,
                r#""box":[null,null,[1,5,2,6],[3,7,4,8]]},"#,
                r#""tables.active_disclosure.regulations":{"page":{"new_made":2,"total_published":null},"#,
                r#""source":{"new_made":"text","total_published":"corrected"},"#,
                r#""y":[5,6],"x":{"new_made":[1,2],"total_published":null}}}"#
            )
        );
    }

    #[test]
    fn rows_without_boxes_list_their_cells_by_source() {
        let mut cells = Cells::default();
        cells.set(
            &at("tables.applications.rows.granted[1]"),
            Provenance::bare(CellSource::Derived),
        );
        let stat = "tables.statistics.rows[3].values";
        cells.set(&at(&format!("{stat}[0]")), Provenance::text(Some(1), None));
        cells.set(&at(&format!("{stat}[1]")), Provenance::text(Some(1), None));
        assert_eq!(
            round_trip(&cells),
            concat!(
                r#"{"tables.applications.rows.granted":{"source":[null,"derived"]},"#,
                r#""tables.statistics.rows[3].values":{"page":1,"source":["text","text"]}}"#
            )
        );
    }

    #[test]
    fn cells_written_one_by_one_before_rows_were_grouped_are_read() {
        let old = r#"{"tables.applications.rows.granted[0]":{"page":2,"box":[1,2,3,4],"source":"ocr"},
            "tables.active_disclosure.regulations.issued":{"source":"derived"}}"#;
        let cells: Cells = serde_json::from_str(old).unwrap();
        let granted = cells
            .get(&at("tables.applications.rows.granted[0]"))
            .unwrap();
        assert_eq!(
            (granted.page, granted.bbox),
            (Some(2), Some([1.0, 2.0, 3.0, 4.0]))
        );
        assert_eq!(granted.source, CellSource::Ocr);
        let issued = cells.get(&at("tables.active_disclosure.regulations.issued"));
        assert_eq!(issued.map(|p| p.source), Some(CellSource::Derived));
    }

    #[test]
    fn a_row_written_badly_is_an_error_naming_it() {
        let bad = [
            r#"{"tables.applications.rows.granted":{"source":"text"}}"#,
            r#"{"tables.applications.rows.granted":{"source":"text","box":[[1,2,3]]}}"#,
            r#"{"tables.applications.rows.granted":{"page":"two","source":["text"]}}"#,
        ];
        for text in bad {
            let error = serde_json::from_str::<Cells>(text).unwrap_err().to_string();
            assert!(
                error.contains("cells.tables.applications.rows.granted"),
                "{error}"
            );
        }
    }
}
