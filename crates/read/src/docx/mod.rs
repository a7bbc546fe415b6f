//! Word files: `.docx` read directly (zip + WordprocessingML), and `.doc`, `.wps`, `.odt`,
//! `.rtf` converted to `.docx` by LibreOffice first; either way into the parsers' lines.

pub mod convert;
pub mod lines;
pub mod numbering;
pub mod xml;

use std::io::{Cursor, Read};
use std::time::Instant;

use govreport_document::Document;
use govreport_document::layout::Line;
use govreport_model::codes::ErrorCode;
use govreport_model::format::Format;
use govreport_model::limits::Limits;
use govreport_model::record::Failure;

/// Most entries a `.docx` may hold (real ones hold 10–200: parts, images, relations).
pub const MAX_ENTRIES: usize = 10_000;

/// Why a Word file gives no lines.
#[derive(Debug, PartialEq)]
pub enum DocxError {
    /// Not a zip archive, or one whose directory or data is damaged.
    Damaged(String),
    /// A zip, but no Word document inside (an `.odt`, a `.xlsx`, any other zip).
    NotWord(String),
    /// Past a limit: a part inflating past the stream limit, XML nested too deep.
    TooLarge(String),
    /// The deadline passed.
    Timeout,
}

/// Reads a Word file of any format into a document, converting all but `.docx` with
/// LibreOffice first (noting the converter's name); no `.docx` part is inflated past the
/// stream limit, and LibreOffice is killed at the deadline.
pub fn read_any(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
    deadline: Instant,
) -> Result<Document, Failure> {
    if is_encrypted_ooxml(bytes) {
        let message = "the Word file is encrypted with a password; open it with the password and save an unprotected copy";
        return Err(Failure::new(ErrorCode::Encrypted, message));
    }
    let (docx, converted_by) = if format == Format::Docx {
        (std::borrow::Cow::Borrowed(bytes), None)
    } else {
        let converted = convert::to_docx(bytes, format.name(), deadline)?;
        (std::borrow::Cow::Owned(converted.docx), Some(converted.by))
    };
    let lines = read(&docx, limits.max_inflated_stream_bytes, deadline)?;
    Ok(Document {
        lines,
        converted_by,
        ..Document::default()
    })
}

/// Whether an OLE2 file is a password-protected `.docx` (its `EncryptedPackage` stream),
/// which LibreOffice cannot open without the password.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && bytes.windows(name.len()).any(|w| w == name)
}

/// The word-processor format a file's first bytes show, whatever its name says: a zip
/// is a `.docx` (an `.odt` when its `mimetype` entry says so), an OLE2 compound file a
/// `.doc` (or the `.wps` it was named, or the password-protected `.docx` it was named),
/// `{\rtf` an RTF file. None for anything else.
pub fn by_content(bytes: &[u8], claimed: Option<Format>) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(200)];
        let odt = b"mimetypeapplication/vnd.oasis.opendocument.text";
        Some(if head.windows(odt.len()).any(|w| w == odt) {
            Format::Odt
        } else {
            Format::Docx
        })
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(match claimed {
            Some(Format::Wps) => Format::Wps,
            Some(Format::Docx) if is_encrypted_ooxml(bytes) => Format::Docx,
            _ => Format::Doc,
        })
    } else if bytes.starts_with(b"{\\rtf") {
        Some(Format::Rtf)
    } else {
        None
    }
}

/// Reads a `.docx` held in memory; no part is inflated past `max_part_bytes`.
pub fn read(
    bytes: &[u8],
    max_part_bytes: usize,
    deadline: Instant,
) -> Result<Vec<Line>, DocxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocxError::Damaged(format!("not a readable zip archive: {e}")))?;
    if zip.len() > MAX_ENTRIES {
        let message = format!(
            "the archive holds {} entries, over the {MAX_ENTRIES} a Word file ever needs",
            zip.len()
        );
        return Err(DocxError::TooLarge(message));
    }
    let name = main_part(&mut zip, max_part_bytes)?;
    let xml = part(&mut zip, &name, max_part_bytes)?;
    let xml = String::from_utf8(xml)
        .map_err(|_| DocxError::Damaged(format!("{name} is not UTF-8 XML")))?;
    let mut blocks = xml::body(&xml, deadline).map_err(|e| match e {
        xml::XmlError::Malformed(m) => DocxError::Damaged(format!("{name}: {m}")),
        xml::XmlError::TooDeep => DocxError::TooLarge(format!(
            "{name} nests elements more than {} deep; no Word document does",
            xml::MAX_DEPTH
        )),
        xml::XmlError::Timeout => DocxError::Timeout,
    })?;
    let numbering = sibling(&mut zip, &name, "numbering.xml", max_part_bytes)?;
    let styles = sibling(&mut zip, &name, "styles.xml", max_part_bytes)?;
    numbering::Numbering::read(&numbering, &styles).apply(&mut blocks);
    Ok(lines::lines(&blocks))
}

/// The main document part: `word/document.xml`, else the target `_rels/.rels` names.
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, max: usize) -> Result<String, DocxError> {
    const USUAL: &str = "word/document.xml";
    if zip.index_for_name(USUAL).is_some() {
        return Ok(USUAL.into());
    }
    let not_word = || {
        DocxError::NotWord(
            "the zip archive holds no Word document (word/document.xml); it is not a .docx".into(),
        )
    };
    if zip.index_for_name("_rels/.rels").is_none() {
        return Err(not_word());
    }
    let rels = String::from_utf8_lossy(&part(zip, "_rels/.rels", max)?).into_owned();
    let target = rels
        .split("<Relationship")
        .find(|r| r.contains("/officeDocument\""))
        .and_then(|r| r.split("Target=\"").nth(1))
        .and_then(|t| t.split('"').next())
        .map(|t| t.trim_start_matches('/').to_string())
        .ok_or_else(not_word)?;
    if zip.index_for_name(&target).is_none() {
        return Err(not_word());
    }
    Ok(target)
}

/// A part beside the main document part (`word/numbering.xml`), as text; empty when the
/// archive has none.
fn sibling(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    main: &str,
    file: &str,
    max: usize,
) -> Result<String, DocxError> {
    let dir = main
        .rsplit_once('/')
        .map_or(String::new(), |(d, _)| format!("{d}/"));
    let path = format!("{dir}{file}");
    if zip.index_for_name(&path).is_none() {
        return Ok(String::new());
    }
    Ok(String::from_utf8_lossy(&part(zip, &path, max)?).into_owned())
}

/// One part, inflated: the size is checked while inflating (a header's size can lie).
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    max: usize,
) -> Result<Vec<u8>, DocxError> {
    let entry = zip
        .by_name(name)
        .map_err(|e| DocxError::Damaged(format!("{name}: {e}")))?;
    let mut out = Vec::new();
    entry
        .take(max as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DocxError::Damaged(format!("{name}: {e}")))?;
    if out.len() > max {
        let message = format!(
            "{name} inflates past {max} bytes (--max-stream-mb); a zip bomb, or a document far larger than any report"
        );
        return Err(DocxError::TooLarge(message));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
