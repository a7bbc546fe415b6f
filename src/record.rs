//! The serde types of the report record (`../shared/spec/record.md`, schema `govreport/1`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

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
    pub errors: Vec<Notice>,
    /// Things a reader should know about the extraction.
    pub warnings: Vec<Notice>,
    /// Title, agency, year, period and template.
    pub report: Report,
    /// The six numbered sections.
    pub sections: Vec<Section>,
    /// Document titles written in 《》.
    pub policies: Vec<Value>,
    /// Calendar dates in the narrative.
    pub dates: Vec<Value>,
    /// Counted facts in the narrative.
    pub counts: Vec<Value>,
    /// The three disclosure tables.
    pub tables: Tables,
    /// One entry per consistency rule applied.
    pub checks: Vec<Check>,
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
    /// `pdf`, `text`, `html`, `docx`, `doc`, `wps`, `odt` or `rtf`.
    pub format: String,
    /// File size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Page count for a PDF; null otherwise.
    pub pages: Option<u32>,
    /// The PDF's producer (or creator), when it names one.
    pub producer: Option<String>,
    /// The converter that turned a `.doc`/`.wps`/`.odt`/`.rtf` into `.docx`, e.g.
    /// `LibreOffice 7.4`; absent for every other input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_by: Option<String>,
}

/// The overall outcome for one input.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// All three tables found and every check passes or was repaired.
    Ok,
    /// Read, but a table is missing or a check fails.
    Partial,
    /// Nothing usable.
    Failed,
}

/// An error or warning with a stable code.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notice {
    /// Stable machine-readable code.
    pub code: String,
    /// What happened and what to do about it.
    pub message: String,
}

impl Notice {
    /// A notice with the given code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Notice {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// The report's identity.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// The title as printed, whitespace removed.
    pub title: Option<String>,
    /// The reporting body.
    pub agency: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The statistics period, when stated.
    pub period: Option<Period>,
    /// `2021`, `2019` or `unknown`: the national format 表二 follows; `pre2019` for a
    /// report on 2008–2018 without the national tables.
    pub template: String,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            title: None,
            agency: None,
            year: None,
            period: None,
            template: "unknown".into(),
        }
    }
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
    /// What the section is about, the same in every era: `overview`, `active`,
    /// `applications`, `fees`, `review_litigation`, `consultation`, `problems`, `other`,
    /// `appendix`.
    #[serde(default)]
    pub topic: String,
}

/// The three tables; each is null when the report does not contain it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Tables {
    /// 表二 主动公开.
    pub active_disclosure: Option<Map<String, Value>>,
    /// 表三 收到和处理申请.
    pub applications: Option<Applications>,
    /// 表四 复议诉讼.
    pub review_litigation: Option<Map<String, Value>>,
    /// The statistics table of a report before 2019 (null otherwise).
    #[serde(default)]
    pub statistics: Option<crate::statistics::Statistics>,
}

/// 表三: seven columns per row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Applications {
    /// The seven column keys, in order.
    pub columns: Vec<String>,
    /// Row key → seven cells.
    pub rows: Map<String, Value>,
    /// Cells printed as something other than a plain number, by path, with their text.
    #[serde(default)]
    pub printed: Map<String, Value>,
}

/// One consistency rule applied to one equation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Check {
    /// Rule name, e.g. `applications.balance`.
    pub rule: String,
    /// `pass`, `fail`, `repaired` or `skipped`.
    pub status: String,
    /// The equation with its values.
    pub message: String,
    /// The cell concerned (for `repaired` and `fail`), as a record path.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
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
        }
    }

    /// A `failed` record with one error.
    pub fn failed(source: Source, code: &str, message: impl Into<String>) -> Self {
        let mut record = Record::new(source);
        record.status = Status::Failed;
        record.errors.push(Notice::new(code, message));
        record
    }
}
