//! Font decoding: from the bytes of a shown string to characters and advance widths.

use std::collections::HashMap;

use lopdf::Encoding;
use lopdf::{Dictionary, Document, Object};

use super::cmap::ToUnicode;

/// How the bytes of a string are cut into character codes and turned into text.
enum Decoder {
    /// One byte per code: the ToUnicode map, looked up the first time a code is shown
    /// (subset fonts show few of their 256 codes), else a table from the base encoding.
    Simple {
        to_unicode: Option<ToUnicode>,
        base: Box<[Option<char>; 256]>,
    },
    /// Two-byte codes (Identity-H/V and other two-byte CMaps) mapped by a ToUnicode CMap.
    Cid(ToUnicode),
    /// Two-byte codes that are UCS-2 / UTF-16BE code units (UniGB-UCS2-H, UniGB-UTF16-H…).
    Utf16,
    /// GBK/GB2312 multi-byte codes (GBK-EUC-H, GB-EUC-H, GBKp-EUC-H…), decoded by encoding_rs.
    Gbk,
    /// Two-byte codes with no usable map: the glyphs are placed but their text is unknown.
    Unknown2,
}

/// Advance widths: a table by code for simple fonts, a map by CID for CIDFonts.
enum Widths {
    /// Widths of the one-byte codes the font's /Widths array gives.
    Codes(Box<[Option<f32>; 256]>),
    /// Widths by CID, from a CIDFont's /W array.
    Cids(HashMap<u32, f32>),
}

impl Widths {
    /// The width given for a code or CID, if any.
    fn get(&self, cid: u32) -> Option<f32> {
        match self {
            Widths::Codes(table) => table.get(cid as usize).copied().flatten(),
            Widths::Cids(map) => map.get(&cid).copied(),
        }
    }
}

/// One decoded character code: its text, its width in text space units (thousandths of the size),
/// and whether it was the single-byte code 32 (word spacing applies).
pub struct CharCode {
    /// The character(s) the code stands for; U+FFFD where the font gives no mapping.
    pub text: char,
    /// Horizontal advance in glyph space (1000 = the font size).
    pub width: f32,
    /// The code was the one-byte space, to which word spacing applies.
    pub is_space: bool,
}

/// A font as the content interpreter needs it: decoding, widths and writing mode.
pub struct Font {
    decoder: Decoder,
    widths: Widths,
    default_width: f32,
    /// Vertical writing mode (Identity-V and other -V CMaps).
    pub vertical: bool,
    cache: HashMap<u32, char>,
}

impl Font {
    /// Reads a font dictionary; never fails (an unreadable font decodes to U+FFFD).
    pub fn load(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let subtype = name_of(dict.get(b"Subtype").ok()).unwrap_or_default();
        if subtype == b"Type0" {
            Self::load_type0(doc, dict, limit)
        } else {
            Self::load_simple(doc, dict, limit)
        }
    }

    fn load_type0(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let encoding = name_of(dict.get_deref(b"Encoding", doc).ok()).unwrap_or_default();
        let vertical = encoding.ends_with(b"-V");
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let (widths, default_width) = descendant.map(|d| cid_widths(doc, d)).unwrap_or_default();
        let widths = Widths::Cids(widths);
        let to_unicode = to_unicode_map(doc, dict, limit);
        let enc = String::from_utf8_lossy(&encoding).to_string();
        let decoder = if enc.starts_with("UniGB-UCS2") || enc.starts_with("UniGB-UTF16") {
            Decoder::Utf16
        } else if enc.contains("EUC") || enc.starts_with("GBK") || enc.starts_with("GB-") {
            Decoder::Gbk
        } else if let Some(map) = to_unicode {
            Decoder::Cid(map)
        } else if enc.starts_with("Uni") && enc.contains("UCS2") {
            Decoder::Utf16
        } else {
            Decoder::Unknown2
        };
        let default_width = if default_width > 0.0 {
            default_width
        } else {
            1000.0
        };
        Font {
            decoder,
            widths,
            default_width,
            vertical,
            cache: HashMap::new(),
        }
    }

    fn load_simple(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let to_unicode = to_unicode_map(doc, dict, limit);
        // Without /Encoding, lopdf's encoding is the ToUnicode map itself: use the one
        // parsed above rather than inflating and parsing the CMap a second time.
        let base = match (&to_unicode, dict.has(b"Encoding")) {
            (Some(map), false) => map_table(map),
            _ => base_table(dict.get_font_encoding_with_limit(doc, limit).ok().as_ref()),
        };
        let first = dict.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
        // Type3 widths are in glyph space, which /FontMatrix maps to text space.
        let scale = dict
            .get_deref(b"FontMatrix", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| m.first())
            .and_then(|a| number(doc, a))
            .map_or(1.0, |a| a * 1000.0);
        let mut widths: Box<[Option<f32>; 256]> = Box::new([None; 256]);
        if let Ok(array) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, w) in array.iter().enumerate() {
                let code = first.wrapping_add(i as i64) as u32 as usize;
                if let (Some(slot), Some(w)) = (widths.get_mut(code), number(doc, w)) {
                    *slot = Some(w * scale);
                }
            }
        }
        Font {
            decoder: Decoder::Simple { to_unicode, base },
            widths: Widths::Codes(widths),
            default_width: 500.0,
            vertical: false,
            cache: HashMap::new(),
        }
    }

    /// A font for a name the resources do not define: one byte per code, Latin-1.
    pub fn fallback() -> Font {
        let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
        for (code, slot) in table.iter_mut().enumerate() {
            *slot = char::from_u32(code as u32);
        }
        Font {
            decoder: Decoder::Simple {
                to_unicode: None,
                base: table,
            },
            widths: Widths::Cids(HashMap::new()),
            default_width: 500.0,
            vertical: false,
            cache: HashMap::new(),
        }
    }

    /// Cuts `bytes` into codes and calls `emit` with each decoded glyph, in order.
    pub fn decode(&mut self, bytes: &[u8], mut emit: impl FnMut(CharCode)) {
        let mut i = 0;
        while i < bytes.len() {
            let (code, len) = self.next_code(&bytes[i..]);
            i += len;
            let text = self.text_of(code, len);
            let cid = self.cid_of(code, len);
            let width = self.widths.get(cid).unwrap_or(self.default_width);
            emit(CharCode {
                text,
                width,
                is_space: len == 1 && code == 32,
            });
        }
    }

    fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let two = |b: &[u8]| {
            if b.len() >= 2 {
                ((b[0] as u32) << 8 | b[1] as u32, 2)
            } else {
                (b[0] as u32, 1)
            }
        };
        match self.decoder {
            Decoder::Simple { .. } => (bytes[0] as u32, 1),
            Decoder::Gbk if bytes[0] < 0x81 => (bytes[0] as u32, 1),
            Decoder::Utf16 if bytes.len() >= 4 && (0xD8..0xDC).contains(&bytes[0]) => {
                let hi = (bytes[0] as u32) << 8 | bytes[1] as u32;
                let lo = (bytes[2] as u32) << 8 | bytes[3] as u32;
                (
                    0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF),
                    4,
                )
            }
            _ => two(bytes),
        }
    }

    fn text_of(&mut self, code: u32, len: usize) -> char {
        if let Some(c) = self.cache.get(&code) {
            return *c;
        }
        let c = match &self.decoder {
            Decoder::Simple { to_unicode, base } => to_unicode
                .as_ref()
                .and_then(|map| map.get(code, 1))
                .and_then(|units| String::from_utf16(&units).ok())
                .map_or(base[code as usize & 0xFF], |s| s.chars().next()),
            Decoder::Cid(map) => map
                .get(code, len as u8)
                .and_then(|u| char::decode_utf16(u).next().and_then(Result::ok)),
            Decoder::Utf16 => char::from_u32(code),
            Decoder::Gbk => gbk_char(code, len),
            Decoder::Unknown2 => None,
        };
        let c = c.map_or('\u{FFFD}', super::unicode::canonical);
        self.cache.insert(code, c);
        c
    }

    /// The CID used for width lookup: the code itself for Identity and simple fonts; for the
    /// predefined Unicode/GBK CMaps, ASCII maps onto Adobe-GB1 CIDs 1–95 and the rest uses DW.
    fn cid_of(&self, code: u32, len: usize) -> u32 {
        match self.decoder {
            Decoder::Utf16 | Decoder::Gbk if (0x20..0x7F).contains(&code) => code - 0x1F,
            Decoder::Utf16 | Decoder::Gbk => u32::MAX,
            _ => {
                let _ = len;
                code
            }
        }
    }
}

/// The first character of each one-byte code in a simple font's base encoding.
fn base_table(base: Option<&Encoding>) -> Box<[Option<char>; 256]> {
    let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
    let Some(base) = base else { return table };
    let mut text = String::new();
    for (code, slot) in table.iter_mut().enumerate() {
        text.clear();
        if base.write_to_string(&[code as u8], &mut text).is_ok() {
            *slot = text.chars().next();
        }
    }
    table
}

/// The first character of each one-byte code through a ToUnicode map (U+FFFD where unmapped),
/// as the base table of a simple font without /Encoding.
fn map_table(map: &ToUnicode) -> Box<[Option<char>; 256]> {
    let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
    for (code, slot) in table.iter_mut().enumerate() {
        let units = map.get(code as u32, 1).unwrap_or(vec![0xFFFD]);
        *slot = char::decode_utf16(units)
            .next()
            .map(|c| c.unwrap_or('\u{FFFD}'));
    }
    table
}

fn gbk_char(code: u32, len: usize) -> Option<char> {
    let bytes: Vec<u8> = if len == 1 {
        vec![code as u8]
    } else {
        vec![(code >> 8) as u8, code as u8]
    };
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    if bad { None } else { text.chars().next() }
}

fn name_of(object: Option<&Object>) -> Option<Vec<u8>> {
    object.and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec)
}

fn number(doc: &Document, object: &Object) -> Option<f32> {
    doc.dereference(object)
        .ok()
        .and_then(|(_, o)| o.as_float().ok())
}

/// Parses the font's /ToUnicode CMap, if any (a stream inflating past `limit` gives none).
fn to_unicode_map(doc: &Document, dict: &Dictionary, limit: usize) -> Option<ToUnicode> {
    let stream = dict.get_deref(b"ToUnicode", doc).ok()?.as_stream().ok()?;
    let content = super::inflate::plain(stream, limit)?;
    ToUnicode::parse(&content)
}

/// Reads a CIDFont's /W array and /DW into a width table.
fn cid_widths(doc: &Document, dict: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let dw = dict
        .get(b"DW")
        .ok()
        .and_then(|o| number(doc, o))
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Ok(w) = dict.get_deref(b"W", doc).and_then(Object::as_array) else {
        return (widths, dw);
    };
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = number(doc, &w[i]) else {
            break;
        };
        let first = first as u32;
        match doc.dereference(&w[i + 1]).map(|(_, o)| o) {
            Ok(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = number(doc, v) {
                        widths.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            _ if i + 2 < w.len() => {
                let last = number(doc, &w[i + 1]).unwrap_or(first as f32) as u32;
                let v = number(doc, &w[i + 2]).unwrap_or(dw);
                for cid in first..=last.min(first.saturating_add(65535)) {
                    widths.insert(cid, v);
                }
                i += 3;
            }
            _ => break,
        }
    }
    (widths, dw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_codes_decode_to_chinese() {
        let mut font = Font::fallback();
        font.decoder = Decoder::Gbk;
        let mut out = String::new();
        font.decode(&[0xD6, 0xD0, b'1', 0xCE, 0xC4], |g| out.push(g.text));
        assert_eq!(out, "中1文");
    }

    #[test]
    fn ucs2_codes_decode_directly() {
        let mut font = Font::fallback();
        font.decoder = Decoder::Utf16;
        let mut out = String::new();
        font.decode(&[0x4E, 0x2D, 0x00, 0x33], |g| out.push(g.text));
        assert_eq!(out, "中3");
    }
}
