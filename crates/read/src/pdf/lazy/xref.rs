//! The cross-reference data: classic tables, cross-reference streams and hybrid files,
//! followed along `/Prev` to the oldest section (the newest entry of an object wins), as
//! lopdf merges them.

use std::collections::{BTreeMap, HashSet};

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Object, Stream};

use super::syntax::Parser;

/// Entries by object number, and the newest section's trailer.
pub type Table = (BTreeMap<u32, XrefEntry>, Dictionary);

/// The merged cross-reference table and trailer of `bytes`, when every section reads
/// as written; `limit` bounds a cross-reference stream's inflated size.
pub fn read(bytes: &[u8], limit: usize) -> Option<Table> {
    let start = start(bytes)?;
    let (mut entries, mut trailer) = section(bytes, start, limit)?;
    let mut seen = HashSet::from([start]);
    let mut prev = trailer.remove(b"Prev");
    while let Some(offset) = prev.and_then(|o| o.as_i64().ok()) {
        let offset = usize::try_from(offset).ok().filter(|&o| o <= bytes.len())?;
        if !seen.insert(offset) {
            break;
        }
        let (older, mut older_trailer) = section(bytes, offset, limit)?;
        for (id, entry) in older {
            entries.entry(id).or_insert(entry);
        }
        prev = older_trailer.remove(b"Prev");
    }
    Some((entries, trailer))
}

/// The offset `startxref` gives, found as lopdf finds it: the last `startxref` within 25
/// bytes before the last `%%EOF` of the final 1024 bytes (trailing white space aside).
fn start(bytes: &[u8]) -> Option<usize> {
    let end = bytes
        .iter()
        .rposition(|c| !b" \t\n\r\0\x0C".contains(c))
        .map_or(0, |pos| pos + 1);
    let eof = rfind(&bytes[..end], b"%%EOF", end.saturating_sub(1024)).filter(|&e| e > 25)?;
    let at = rfind(&bytes[..eof], b"startxref", eof - 25)?;
    let mut p = Parser::new(bytes, at + 9);
    p.eat(b" ");
    p.eol().then_some(())?;
    while p.eat(b" ") {}
    let offset = usize::try_from(p.unsigned()?).ok()?;
    while p.eat(b" ") {}
    (p.eol() && p.eat(b"%%EOF") && offset <= bytes.len()).then_some(offset)
}

fn rfind(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let found = hay
        .get(from..)?
        .windows(needle.len())
        .rposition(|w| w == needle);
    found.map(|at| from + at)
}

/// The section at `offset`, with the cross-reference stream a hybrid file's table names
/// by `/XRefStm` merged in (its entries fill the table's gaps and free entries).
fn section(bytes: &[u8], offset: usize, limit: usize) -> Option<Table> {
    let (mut entries, mut trailer) = plain_section(bytes, offset, limit)?;
    if let Some(start) = trailer.remove(b"XRefStm").and_then(|o| o.as_i64().ok()) {
        let start = usize::try_from(start).ok().filter(|&s| s <= bytes.len())?;
        for (id, entry) in plain_section(bytes, start, limit)?.0 {
            let kept = matches!(
                entries.get(&id),
                Some(XrefEntry::Normal { .. } | XrefEntry::Compressed { .. })
            );
            if !kept {
                entries.insert(id, entry);
            }
        }
    }
    Some((entries, trailer))
}

/// The section at `offset`: a table with its trailer, or a cross-reference stream, where
/// lopdf would find it without correcting the offset.
fn plain_section(bytes: &[u8], offset: usize, limit: usize) -> Option<Table> {
    if bytes[offset..].starts_with(b"xref") {
        table(bytes, offset)
    } else {
        super::syntax::header_here(&bytes[offset..])?;
        stream(bytes, offset, limit)
    }
}

/// A classic table (`xref`, subsections of 20-byte entries, `trailer` dictionary), with the
/// line ends lopdf accepts.
fn table(bytes: &[u8], offset: usize) -> Option<Table> {
    let mut p = Parser::new(bytes, offset + 4);
    p.eat(b" ");
    p.eol().then_some(())?;
    let mut entries = BTreeMap::new();
    let mut subsections = 0;
    while let Some(first) = subsection_header(&mut p) {
        subsections += 1;
        let mut index = 0u64;
        while let Some((offset, generation, used)) = entry(&mut p) {
            let id = first.checked_add(index).and_then(|n| u32::try_from(n).ok());
            index += 1;
            let entry = match (used, u16::try_from(generation)) {
                (false, _) => XrefEntry::Free,
                (true, Ok(generation)) => XrefEntry::Normal { offset, generation },
                (true, Err(_)) => continue,
            };
            entries.insert(id?, entry);
        }
    }
    (subsections > 0).then_some(())?;
    p.space();
    p.eat(b"trailer").then_some(())?;
    p.space();
    let trailer = p.dictionary_at()?;
    trailer.get(b"Size").and_then(Object::as_i64).ok()?;
    Some((entries, trailer))
}

/// `first count` and its line end.
fn subsection_header(p: &mut Parser) -> Option<u64> {
    let start = p.pos;
    let header = (|| {
        let first = p.unsigned()?;
        p.eat(b" ").then_some(())?;
        u32::try_from(p.unsigned()?).ok()?;
        p.eat(b" ");
        p.eol().then_some(first)
    })();
    if header.is_none() {
        p.pos = start;
    }
    header
}

/// One entry: offset, generation, and whether it is in use (`n`) rather than free (`f`).
fn entry(p: &mut Parser) -> Option<(u32, u32, bool)> {
    let start = p.pos;
    let entry = (|| {
        let offset = u32::try_from(p.unsigned()?).ok()?;
        p.eat(b" ").then_some(())?;
        let generation = u32::try_from(p.unsigned()?).ok()?;
        p.eat(b" ").then_some(())?;
        let used = if p.eat(b"n") {
            true
        } else {
            p.eat(b"f").then_some(false)?
        };
        let end = p.eat(b" \r") || p.eat(b" \n") || p.eol();
        end.then_some((offset, generation, used))
    })();
    if entry.is_none() {
        p.pos = start;
    }
    entry
}

/// A cross-reference stream at `offset`: its entries, and its dictionary (inflated, less
/// `/Length`, `/W` and `/Index`) as the trailer.
fn stream(bytes: &[u8], offset: usize, limit: usize) -> Option<Table> {
    let mut p = Parser::new(bytes, offset);
    p.object_header()?;
    let dict = p.dictionary_at()?;
    p.stream_keyword().then_some(())?;
    let length = dict.get(b"Length").and_then(Object::as_i64).ok()?;
    let data = super::stream_data(&mut p, length)?;
    let mut stream = Stream::new(dict, data.to_vec());
    if stream.is_compressed() {
        stream.decompress_with_limit(limit).ok()?;
    }
    let entries = stream_entries(&stream.dict, &stream.content)?;
    let mut trailer = stream.dict;
    for key in [&b"Length"[..], b"W", b"Index"] {
        trailer.remove(key);
    }
    Some((entries, trailer))
}

/// The entries of an inflated cross-reference stream with dictionary `dict`.
fn stream_entries(dict: &Dictionary, data: &[u8]) -> Option<BTreeMap<u32, XrefEntry>> {
    let size = dict.get(b"Size").and_then(Object::as_i64).ok()?;
    let index = match dict.get(b"Index") {
        Ok(index) => integers(index)?,
        Err(_) => vec![0, size],
    };
    let widths: Vec<usize> = integers(dict.get(b"W").ok()?)?
        .into_iter()
        .map(|w| usize::try_from(w).ok().filter(|&w| w <= 4))
        .collect::<Option<_>>()?;
    let width: usize = widths.iter().sum();
    (widths.len() == 3 && width > 0 && index.len() % 2 == 0).then_some(())?;
    let count = index
        .chunks(2)
        .try_fold(0i64, |n, pair| n.checked_add(pair[1]))?;
    (usize::try_from(count).ok()? <= data.len() / width.max(3)).then_some(())?;
    let mut rows = data.chunks_exact(width);
    let mut entries = BTreeMap::new();
    for pair in index.chunks(2) {
        for j in 0..pair[1] {
            let row = rows.next()?;
            let (kind, rest) = row.split_at(widths[0]);
            let (second, third) = rest.split_at(widths[1]);
            let kind = if kind.is_empty() { 1 } else { be(kind) };
            let id = u32::try_from(pair[0].checked_add(j)?).ok()?;
            let entry = match kind {
                0 => XrefEntry::Free,
                1 => XrefEntry::Normal {
                    offset: be(second),
                    generation: be(third) as u16,
                },
                2 => XrefEntry::Compressed {
                    container: be(second),
                    index: be(third) as u16,
                },
                _ => continue,
            };
            entries.insert(id, entry);
        }
    }
    Some(entries)
}

/// An array of integers (refused otherwise, and when one is negative).
fn integers(array: &Object) -> Option<Vec<i64>> {
    let array = array.as_array().ok()?;
    let values: Option<Vec<i64>> = array.iter().map(|o| o.as_i64().ok()).collect();
    values.filter(|v| v.iter().all(|&n| n >= 0))
}

/// A big-endian unsigned number of up to four bytes.
fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |v, &b| (v << 8) | u32::from(b))
}
