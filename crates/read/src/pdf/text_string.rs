//! PDF text strings (document info, outlines): UTF-16 by byte-order mark, else
//! PDFDocEncoding.

use lopdf::Object;

/// Decodes a PDF text string: `FE FF` → UTF-16BE, `FF FE` → UTF-16LE (written by some
/// Windows tools although the standard allows only big-endian), `EF BB BF` → UTF-8; with
/// no mark, bytes that form UTF-8 with non-ASCII characters are read as UTF-8 (a common
/// producer error), anything else as PDFDocEncoding. Trailing NULs are dropped.
pub fn decode(bytes: &[u8]) -> String {
    let text = match bytes {
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) if !s.is_ascii() => s.to_string(),
            _ => pdf_doc(bytes),
        },
    };
    text.trim_end_matches('\0').to_string()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// PDFDocEncoding (lopdf's table); a byte it leaves undefined becomes U+FFFD.
fn pdf_doc(bytes: &[u8]) -> String {
    let object = Object::string_literal(bytes.to_vec());
    lopdf::decode_text_string(&object).unwrap_or_else(|_| {
        bytes
            .iter()
            .map(|&b| if b.is_ascii() { b as char } else { '\u{FFFD}' })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf16_by_either_byte_order_mark() {
        let text = "WPS 文字(Jisupdf Editor)";
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .chain([0, 0])
            .collect();
        assert_eq!(decode(&be), text);
        assert_eq!(decode(&le), text);
    }

    #[test]
    fn pdf_doc_encoding_and_utf8_without_a_mark() {
        assert_eq!(decode(b"Microsoft\xae Word 2016"), "Microsoft® Word 2016");
        assert_eq!(decode(b"\x80 bullet \x84"), "• bullet —");
        assert_eq!(decode("永中Office".as_bytes()), "永中Office");
        assert_eq!(decode(b"\xEF\xBB\xBFLibreOffice"), "LibreOffice");
    }
}
