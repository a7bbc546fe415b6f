//! The input formats govreport reads, as `source.format` names them.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

/// The kinds of input the pipeline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A PDF file.
    Pdf,
    /// A plain-text file (UTF-8, GBK or GB18030).
    Text,
    /// A saved web page.
    Html,
    /// A Word 2007+ document, read directly.
    Docx,
    /// A Word 97–2003 document, converted by LibreOffice.
    Doc,
    /// A WPS Office document, converted by LibreOffice.
    Wps,
    /// An OpenDocument text, converted by LibreOffice.
    Odt,
    /// A Rich Text Format document, converted by LibreOffice.
    Rtf,
}

impl Format {
    /// The name used in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Wps => "wps",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
        }
    }

    /// Whether this is a word-processor format (its content decides how it is read).
    pub fn is_word(self) -> bool {
        matches!(
            self,
            Format::Docx | Format::Doc | Format::Wps | Format::Odt | Format::Rtf
        )
    }

    /// The format a file name's extension stands for, if we read it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "txt" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "doc" => Some(Format::Doc),
            "wps" => Some(Format::Wps),
            "odt" => Some(Format::Odt),
            "rtf" => Some(Format::Rtf),
            _ => None,
        }
    }
}

/// `source.format` as a record holds it: a format's name, or `""`/null for none.
pub fn named_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Format>, D::Error> {
    match Option::<String>::deserialize(d)?.as_deref() {
        None | Some("") => Ok(None),
        Some(name) => Format::deserialize(serde::de::value::StrDeserializer::new(name)).map(Some),
    }
}
