//! The character set of a saved web page: BOM, then the declared `<meta charset>`, then
//! detection (chardetng) when the page declares nothing or declares the wrong thing.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// A decoded page: its text, the encoding used, and a note when that was a guess.
#[derive(Debug)]
pub struct Decoded {
    /// The page's text.
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `GBK`, …).
    pub encoding: &'static str,
    /// Why the encoding was not simply the declared one, when it was not.
    pub note: Option<String>,
}

/// `charset=` inside a `<meta>` tag (both `<meta charset>` and `http-equiv` forms).
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)"#).expect("valid regex")
});

/// The charset the page declares in its first 4 KiB, if any and if known.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label).map(|e| e.output_encoding())
}

/// Decodes a page: BOM first, then the declared charset when the bytes fit it, else the
/// detected one (with a note saying so).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return decoded(text.into_owned(), enc, None);
    }
    let declared = declared(bytes);
    if let Some(enc) = declared {
        let (text, bad) = enc.decode_without_bom_handling(bytes);
        if !bad {
            return decoded(text.into_owned(), enc, None);
        }
    }
    let guess = detect(bytes);
    let (text, _) = guess.decode_without_bom_handling(bytes);
    let note = match declared {
        Some(enc) => format!(
            "the page declares {} but is not valid {}; decoded as {} (detected)",
            enc.name(),
            enc.name(),
            guess.name()
        ),
        None if guess == UTF_8 => return decoded(text.into_owned(), guess, None),
        None => format!(
            "the page declares no charset; decoded as {} (detected)",
            guess.name()
        ),
    };
    decoded(text.into_owned(), guess, Some(note))
}

/// The most likely encoding of undeclared bytes: UTF-8 when valid, else chardetng's guess
/// for a Chinese (.cn) page.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
}

fn decoded(text: String, enc: &'static Encoding, note: Option<String>) -> Decoded {
    Decoded {
        text,
        encoding: enc.name(),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    #[test]
    fn a_declared_gb2312_page_is_read_as_gbk() {
        let page = gbk(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>总体情况</p>"#,
        );
        let d = decode(&page);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("总体情况"));
        assert_eq!(d.note, None);
    }

    #[test]
    fn html5_meta_charset_is_found() {
        assert_eq!(declared(br#"<meta charset="UTF-8">"#), Some(UTF_8));
        assert_eq!(declared(b"<META CHARSET=gbk>"), Some(encoding_rs::GBK));
        assert_eq!(declared(b"<p>charset=gbk</p>"), None);
    }

    #[test]
    fn an_undeclared_gbk_page_is_detected() {
        let page = gbk(
            "<html><body><p>一、总体情况</p><p>本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息一千余条。</p></body></html>",
        );
        let d = decode(&page);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("中华人民共和国政府信息公开条例"));
        assert!(d.note.unwrap().contains("declares no charset"));
    }

    #[test]
    fn a_page_declared_utf8_but_written_in_gbk_is_detected() {
        let mut page = b"<meta charset=\"utf-8\">".to_vec();
        page.extend(gbk(
            "<p>二、主动公开政府信息情况，本年新制发规范性文件十二件。</p>",
        ));
        let d = decode(&page);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("主动公开政府信息情况"));
        assert!(d.note.unwrap().contains("declares UTF-8"));
    }

    #[test]
    fn undeclared_utf8_needs_no_note() {
        let d = decode("<p>三、收到和处理政府信息公开申请情况</p>".as_bytes());
        assert_eq!((d.encoding, d.note), ("UTF-8", None));
    }

    #[test]
    fn a_utf16_bom_wins() {
        let mut page = vec![0xFF, 0xFE];
        page.extend("<p>表三</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&page).text, "<p>表三</p>");
    }
}
