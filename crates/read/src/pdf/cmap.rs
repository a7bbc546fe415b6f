//! ToUnicode CMaps: `bfchar` and `bfrange` sections read with the content lexer into a map
//! from (code, code length) to UTF-16 units, kept as ranges (a `<0000> <FFFF>` range is
//! one entry, not 65,536).

use std::collections::HashMap;

use lopdf::Object;

use super::lexer::Lexer;

/// The most mappings kept from one CMap; a hostile stream of millions is cut there.
const MAX_ENTRIES: usize = 200_000;

/// What a range of codes maps to.
enum Target {
    /// UTF-16 units whose last unit grows with the code (`<10> <12> <0041>`).
    Units(Vec<u16>),
    /// One UTF-16 string per code (`<10> <12> [<0041> <0042> <0043>]`).
    List(Vec<Vec<u16>>),
}

/// A range of codes of one length, with the order it was defined in (later ones win).
struct Range {
    low: u32,
    high: u32,
    len: u8,
    order: usize,
    target: Target,
}

/// A parsed ToUnicode CMap.
#[derive(Default)]
pub struct ToUnicode {
    /// Single codes (`bfchar`, and one-code ranges) by (code, length): definition order, units.
    chars: HashMap<(u32, u8), (usize, Vec<u16>)>,
    ranges: Vec<Range>,
}

impl ToUnicode {
    /// Reads a CMap program; `None` when it maps nothing.
    pub fn parse(data: &[u8]) -> Option<ToUnicode> {
        let mut map = ToUnicode::default();
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        let mut section: Vec<Object> = Vec::new();
        let mut order = 0;
        while let Some(op) = lexer.next_op(&mut operands) {
            match op {
                "beginbfchar" | "beginbfrange" => section.clear(),
                "endbfchar" => {
                    section.append(&mut operands);
                    map.chars_from(&section, &mut order);
                }
                "endbfrange" => {
                    section.append(&mut operands);
                    map.ranges_from(&section, &mut order);
                }
                _ => section.append(&mut operands),
            }
            if order > MAX_ENTRIES {
                break;
            }
        }
        (order > 0).then_some(map)
    }

    /// The UTF-16 units a code of `len` bytes maps to, if any.
    pub fn get(&self, code: u32, len: u8) -> Option<Vec<u16>> {
        let single = self.chars.get(&(code, len));
        let range = self
            .ranges
            .iter()
            .rev()
            .find(|r| r.len == len && (r.low..=r.high).contains(&code));
        match (single, range) {
            (Some((o, units)), r) if r.is_none_or(|r| r.order < *o) => Some(units.clone()),
            (_, Some(r)) => Some(r.units(code)),
            _ => None,
        }
    }

    fn chars_from(&mut self, items: &[Object], order: &mut usize) {
        for pair in items.chunks_exact(2) {
            if let (Some((code, len)), Some(units)) = (code(&pair[0]), units(&pair[1])) {
                *order += 1;
                self.chars.insert((code, len), (*order, units));
            }
        }
    }

    fn ranges_from(&mut self, items: &[Object], order: &mut usize) {
        for triple in items.chunks_exact(3) {
            let (Some((low, len)), Some((high, _))) = (code(&triple[0]), code(&triple[1])) else {
                continue;
            };
            let target = match &triple[2] {
                Object::Array(list) => Target::List(list.iter().filter_map(units).collect()),
                other => match units(other) {
                    Some(u) => Target::Units(u),
                    None => continue,
                },
            };
            if high < low {
                continue;
            }
            *order += 1;
            self.ranges.push(Range {
                low,
                high,
                len,
                order: *order,
                target,
            });
        }
    }
}

impl Range {
    fn units(&self, code: u32) -> Vec<u16> {
        let step = code - self.low;
        match &self.target {
            Target::Units(units) => {
                let mut units = units.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(step as u16);
                }
                units
            }
            Target::List(list) => list.get(step as usize).cloned().unwrap_or(vec![0xFFFD]),
        }
    }
}

/// A source code from a hex string of 1–4 bytes: its value and length.
fn code(object: &Object) -> Option<(u32, u8)> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let value = bytes.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
    Some((value, bytes.len() as u8))
}

/// A destination string's UTF-16BE units (an odd last byte is dropped).
fn units(object: &Object) -> Option<Vec<u16>> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    (!units.is_empty()).then_some(units)
}

#[cfg(test)]
mod tests {
    use super::ToUnicode;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <01F2> <4E2D>
endbfchar
3 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0061> <0062>] <0030> <0031> <D835DC00>
endbfrange
1 beginbfchar <05> <00660069> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn chars_and_ranges_map_codes_of_their_own_length() {
        let map = ToUnicode::parse(CMAP).unwrap();
        assert_eq!(map.get(0x0003, 2), Some(vec![0x20]));
        assert_eq!(map.get(0x01F2, 2), Some(vec![0x4E2D]));
        assert_eq!(map.get(0x0011, 2), Some(vec![0x42]));
        assert_eq!(map.get(0x0021, 2), Some(vec![0x62]));
        assert_eq!(map.get(0x0031, 2), Some(vec![0xD835, 0xDC01]));
        assert_eq!(map.get(0x05, 1), Some(vec![0x66, 0x69]));
        assert_eq!(
            map.get(0x05, 2),
            None,
            "a two-byte <0005> is not the one-byte <05>"
        );
        assert_eq!(map.get(0x0013, 2), None);
    }

    #[test]
    fn a_later_mapping_of_the_same_code_wins() {
        let map = ToUnicode::parse(
            b"1 beginbfrange <00> <FF> <0041> endbfrange 1 beginbfchar <42> <4E00> endbfchar
              1 beginbfrange <43> <43> <0078> endbfrange",
        )
        .unwrap();
        assert_eq!(map.get(0x42, 1), Some(vec![0x4E00]));
        assert_eq!(map.get(0x43, 1), Some(vec![0x78]));
        assert_eq!(map.get(0x44, 1), Some(vec![0x41 + 0x44]));
    }

    #[test]
    fn nothing_mapped_is_no_map() {
        assert!(ToUnicode::parse(b"begincmap endcmap").is_none());
        assert!(ToUnicode::parse(b"\x00\xff garbage ) ] >> }").is_none());
    }
}

/// The parser against lopdf's on every ToUnicode map of the committed sample PDFs.
#[cfg(test)]
mod versus_lopdf {
    use lopdf::{Dictionary, Encoding, Object};

    use super::ToUnicode;

    #[test]
    fn every_sample_map_gives_lopdfs_text_for_every_code() {
        let mut maps = 0;
        for (path, doc) in crate::pdf::sample_documents() {
            for object in doc.objects.values() {
                let Ok(dict) = object.as_dict() else { continue };
                let Ok(stream) = dict
                    .get_deref(b"ToUnicode", &doc)
                    .and_then(Object::as_stream)
                else {
                    continue;
                };
                let mut only = Dictionary::new();
                only.set("Type", Object::Name(b"Font".to_vec()));
                only.set("ToUnicode", dict.get(b"ToUnicode").unwrap().clone());
                let Ok(Encoding::UnicodeMapEncoding(theirs)) = only.get_font_encoding(&doc) else {
                    continue;
                };
                let ours = ToUnicode::parse(&stream.decompressed_content().unwrap()).unwrap();
                for (len, top) in [(1u8, 0xFFu32), (2, 0xFFFF)] {
                    // Every mapped code, and every 61st code for the unmapped.
                    let mapped = theirs.bf_ranges[len as usize - 1]
                        .iter()
                        .flat_map(|(range, _)| range.clone().take(0x1_0000));
                    for code in mapped.chain((0..=top).step_by(61)) {
                        let at = format!("{} code {code:#x}/{len}", path.display());
                        assert_eq!(ours.get(code, len), theirs.get(code, len), "{at}");
                    }
                }
                maps += 1;
            }
        }
        assert!(maps > 100, "only {maps} sample maps compared");
    }
}
