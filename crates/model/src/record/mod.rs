//! The serde types of the report record (`../shared/spec/record.md`, schema `govreport/1`).

use serde::{Deserialize, Serialize};
use serde_json::Number;

use crate::codes::{
    AgencyKind, AgencyLevel, CheckStatus, ErrorCode, Rule, Topic, WarningCode, named_enum,
};
use crate::format::Format;
use crate::template::{CellPath, Template};

pub mod audit;
pub mod cells;
pub mod facts;
pub mod region;
pub mod statistics;
pub mod tables;

pub use audit::Finding;
pub use cells::{CellSource, Cells, Provenance};
pub use facts::{Count, DateFact, Policy};
pub use region::Region;
pub use statistics::{Hang, StatRow, Statistics};
pub use tables::{Cell, Row, Table, Tables};

/// The record schema identifier.
pub const SCHEMA: &str = "govreport/1";

/// One record per input file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which program wrote the record.
    pub extractor: Extractor,
    /// The input file.
    pub source: Source,
    /// `ok`, `partial` or `failed`.
    pub status: Status,
    /// Why the record failed (non-empty exactly when `status` is `failed`).
    pub errors: Vec<Failure>,
    /// Things a reader should know about the extraction.
    pub warnings: Vec<Warning>,
    /// Title, agency, year, period and template.
    pub report: Report,
    /// The six numbered sections.
    pub sections: Vec<Section>,
    /// Document titles written in 《》.
    pub policies: Vec<Policy>,
    /// Calendar dates in the narrative.
    pub dates: Vec<DateFact>,
    /// Counted facts in the narrative.
    pub counts: Vec<Count>,
    /// The three disclosure tables.
    pub tables: Tables,
    /// One entry per consistency rule applied.
    pub checks: Vec<Check>,
    /// How the report is written: findings against the national format and itself
    /// (never a change to `status` or a value); `[]` for a clean report.
    #[serde(default)]
    pub audit: Vec<Finding>,
    /// Where each table cell came from, by path (a cell read from a text, web or Word file
    /// as printed is left out; absent when no cell is listed).
    #[serde(default, skip_serializing_if = "Cells::is_empty")]
    pub cells: Cells,
}

/// The program that wrote a record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Extractor {
    /// `govreport`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            name: "govreport".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// Where the record came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Source {
    /// The path as given or found.
    pub path: String,
    /// `pdf`, `text`, `html`, `docx`, `doc`, `wps`, `odt` or `rtf`; null when the file
    /// failed before its format was decided (older records wrote `""`).
    #[serde(default, deserialize_with = "crate::format::named_or_empty")]
    pub format: Option<Format>,
    /// File size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Page count for a PDF; null otherwise.
    pub pages: Option<u32>,
    /// The PDF's producer (or creator), when it names one.
    pub producer: Option<String>,
    /// How OCR stands behind the text; null for a born-digital text layer.
    #[serde(default)]
    pub ocr: Option<OcrSource>,
    /// The converter that turned a `.doc`/`.wps`/`.odt`/`.rtf` into `.docx`, e.g.
    /// `LibreOffice 7.4`; absent for every other input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_by: Option<String>,
    /// A digest of the `--corrections` rows applied to this record; absent when none were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<String>,
}

/// `source.ocr`: the pages govreport recognised and the pages that came with an OCR layer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct OcrSource {
    /// `tesseract 5.3.0` when govreport recognised pages; else the program the PDF names
    /// as its layer's maker, or null.
    pub engine: Option<String>,
    /// Tesseract's language models, e.g. `chi_sim`; null when govreport recognised no page.
    pub languages: Option<String>,
    /// 1-based pages govreport recognised.
    pub pages: Vec<u32>,
    /// Pages whose existing invisible OCR layer, made before publication, was read as it
    /// is; null when none.
    pub existing_layer: Option<Vec<u32>>,
    /// Pages govreport found scanned sideways or upside down and read turned upright;
    /// absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turned: Option<Vec<TurnedPage>>,
}

/// A page read turned: it lay sideways or upside down in the file.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct TurnedPage {
    /// 1-based page number.
    pub page: u32,
    /// Degrees the page was turned clockwise to be read: 90, 180 or 270.
    pub degrees: u16,
}

named_enum! {
    /// The overall outcome for one input.
    pub enum Status {
        /// All three tables found and every check passes or was repaired.
        Ok = "ok",
        /// Read, but a table is missing or a check fails.
        Partial = "partial",
        /// Nothing usable.
        Failed = "failed",
    }
}

/// An error or warning with a stable code.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notice<C> {
    /// Stable machine-readable code.
    pub code: C,
    /// What happened and what to do about it.
    pub message: String,
}

impl<C> Notice<C> {
    /// A notice with the given code and message.
    pub fn new(code: C, message: impl Into<String>) -> Self {
        Notice {
            code,
            message: message.into(),
        }
    }
}

/// Why an input gave no usable record: an entry of `errors`.
pub type Failure = Notice<ErrorCode>;

/// An entry of `warnings`.
pub type Warning = Notice<WarningCode>;

/// The report's identity.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Report {
    /// The title as printed, whitespace removed.
    pub title: Option<String>,
    /// The reporting body.
    pub agency: Option<String>,
    /// The agency's normalised key (`govreport_parse::agency::agency_key`), the same for every year and
    /// spelling of one body.
    #[serde(default)]
    pub agency_key: Option<String>,
    /// The division the body belongs to; null when it cannot be placed or its name fits
    /// several divisions that the report does not tell apart.
    #[serde(default)]
    pub region: Option<Region>,
    /// The body's own level; null when unknown (or a national body).
    #[serde(default)]
    pub agency_level: Option<AgencyLevel>,
    /// The body's kind, from its name; null only when the report was not read.
    #[serde(default)]
    pub agency_kind: Option<AgencyKind>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The statistics period, when stated.
    pub period: Option<Period>,
    /// `2021`, `2019` or `unknown`: the national format 表二 follows; `pre2019` for a
    /// report on 2008–2018 without the national tables.
    pub template: Template,
}

/// A date range in ISO form.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
}

/// One of the six numbered sections.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Section {
    /// 1–6.
    pub number: u8,
    /// The heading as printed, without its numeral.
    pub heading: String,
    /// The page the heading is on (PDF only).
    pub page: Option<u32>,
    /// The section's text in reading order.
    pub text: String,
    /// What the section is about, the same in every era.
    #[serde(default)]
    pub topic: Topic,
}

/// One consistency rule applied to one equation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Check {
    /// The rule, e.g. `applications.balance`.
    pub rule: Rule,
    /// `pass`, `fail`, `repaired`, `skipped` or `corrected`.
    pub status: CheckStatus,
    /// The equation with its values.
    pub message: String,
    /// The cell, row or table concerned (for `repaired` and `fail`), as a record path.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<CellPath>,
}

/// Builds a JSON number from a decimal string (`"7730.28"`, `"-8"`), if it is one.
pub fn number(text: &str) -> Option<Number> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(Number::from(i));
    }
    text.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .and_then(Number::from_f64)
}

impl Record {
    /// An empty record for `source`, to be filled by the parsers.
    pub fn new(source: Source) -> Self {
        Record {
            schema: SCHEMA.into(),
            extractor: Extractor::default(),
            source,
            status: Status::Ok,
            errors: Vec::new(),
            warnings: Vec::new(),
            report: Report::default(),
            sections: Vec::new(),
            policies: Vec::new(),
            dates: Vec::new(),
            counts: Vec::new(),
            tables: Tables::default(),
            checks: Vec::new(),
            audit: Vec::new(),
            cells: Cells::default(),
        }
    }

    /// A `failed` record with one error.
    pub fn failed(source: Source, failure: Failure) -> Self {
        let mut record = Record::new(source);
        record.status = Status::Failed;
        record.errors.push(failure);
        record
    }
}
