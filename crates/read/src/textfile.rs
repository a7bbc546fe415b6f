//! Plain-text input: decodes UTF-8, UTF-16 (with BOM), GBK and GB18030 into lines of cells.

use govreport_document::layout::{Line, text_line};
use govreport_model::codes::WarningCode;
use govreport_model::record::Warning;

/// Why a text file gives no lines.
#[derive(Debug, PartialEq)]
pub enum TextError {
    /// Over the limit for text (a report's text is well under a megabyte, and each byte
    /// becomes tens of bytes of lines and cells in memory).
    TooLarge(String),
}

/// Reads a text file's bytes as lines, with a warning when it was not UTF-8.
pub fn read(bytes: &[u8], max_bytes: usize) -> Result<(Vec<Line>, Vec<Warning>), TextError> {
    if bytes.len() > max_bytes {
        let message = format!(
            "the text file is {} bytes, over the {max_bytes} byte limit for text",
            bytes.len()
        );
        return Err(TextError::TooLarge(message));
    }
    let (text, encoding) = decode(bytes);
    let mut warnings = Vec::new();
    if encoding != "UTF-8" {
        let message = format!("the text was decoded as {encoding}");
        warnings.push(Warning::new(WarningCode::Encoding, message));
    }
    Ok((lines(&text), warnings))
}

/// The text of a file, decoded, and the name of the encoding it was in.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), "UTF-8");
    }
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    if !bad {
        return (text.into_owned(), "GB18030");
    }
    (
        String::from_utf8_lossy(bytes).into_owned(),
        "UTF-8 (with invalid bytes replaced)",
    )
}

/// Splits decoded text into lines of cells.
pub fn lines(text: &str) -> Vec<Line> {
    govreport_document::cell_lines::fold(text.lines().map(|l| l.trim_end_matches('\r')))
        .into_iter()
        .map(|(i, l)| text_line(&l, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_text_is_detected_and_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("政府信息公开工作年度报告");
        let (text, name) = decode(&bytes);
        assert_eq!(text, "政府信息公开工作年度报告");
        assert_eq!(name, "GB18030");
    }

    #[test]
    fn utf8_is_taken_as_is() {
        assert_eq!(
            decode("总体情况".as_bytes()),
            ("总体情况".to_string(), "UTF-8")
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("表三".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).0, "表三");
    }
}
