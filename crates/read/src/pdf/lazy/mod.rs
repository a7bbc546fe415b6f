//! A lazy PDF reader: the cross-reference data, then only the objects reachable from the
//! page tree and the document information (not the structure tree, annotations, outlines
//! or metadata), parsed on demand into a `lopdf::Document` that equals a subset of lopdf's
//! full load. Anything it does not read exactly as lopdf would gives `None`, and the caller
//! loads the file in full instead.

mod syntax;
mod xref;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use syntax::Parser;

/// Keys whose values text extraction never reads (neither this crate nor the lopdf
/// functions it calls), so the objects only they lead to are not loaded: annotations,
/// structure, metadata, glyph programs and font files, colour, transparency and patterns.
const UNREAD_KEYS: [&[u8]; 25] = [
    b"Annots",
    b"Metadata",
    b"PieceInfo",
    b"Thumb",
    b"B",
    b"P",
    b"K",
    b"Pg",
    b"AA",
    b"StructTreeRoot",
    b"ParentTree",
    b"CharProcs",
    b"FontDescriptor",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
    b"ColorSpace",
    b"ExtGState",
    b"Pattern",
    b"Shading",
    b"SMask",
    b"Mask",
    b"Group",
    b"Properties",
    b"OC",
];

/// How many indirect `/Length` objects may be followed one within another.
const MAX_LENGTH_DEPTH: usize = 4;

/// The page tree and document information of `bytes`, or `None` when any doubt calls for
/// lopdf's full load; `limit` bounds each inflated object or cross-reference stream.
pub fn load(bytes: &[u8], limit: usize) -> Option<Document> {
    let header = bytes.strip_prefix(b"%PDF-")?;
    header.iter().position(|&c| c == b'\r' || c == b'\n')?;
    let (entries, trailer) = xref::read(bytes, limit)?;
    if trailer.has(b"Encrypt") {
        return None;
    }
    let mut loader = Loader {
        bytes,
        entries,
        limit,
        objects: BTreeMap::new(),
        containers: HashMap::new(),
    };
    loader.check_headers()?;
    loader.collect(&trailer)?;
    let mut doc = Document::new();
    doc.objects = loader.objects;
    doc.trailer = trailer;
    page_tree_fits(&doc).then_some(doc)
}

/// An object stream's inflated content and where each member starts (the last of a
/// repeated number).
struct Container {
    content: Vec<u8>,
    members: HashMap<u32, usize>,
}

/// Objects read so far, by id, from the cross-reference entries of one file.
struct Loader<'a> {
    bytes: &'a [u8],
    entries: BTreeMap<u32, XrefEntry>,
    limit: usize,
    objects: BTreeMap<ObjectId, Object>,
    containers: HashMap<u32, Rc<Container>>,
}

impl Loader<'_> {
    /// Refuses a file where an in-use entry points at another object's header: lopdf files
    /// each object under the number its header gives, which may then shadow another.
    fn check_headers(&self) -> Option<()> {
        for (&number, entry) in &self.entries {
            if let XrefEntry::Normal { offset, generation } = *entry {
                let mut p = Parser::new(self.bytes, offset as usize);
                let found = p.object_header();
                found
                    .is_none_or(|id| id == (number, generation))
                    .then_some(())?;
            }
        }
        Some(())
    }

    /// Loads the catalog, the page tree with everything its pages use, and the document
    /// information dictionary.
    fn collect(&mut self, trailer: &Dictionary) -> Option<()> {
        let root = trailer.get(b"Root").and_then(Object::as_reference).ok()?;
        self.load(root, 0)?.then_some(())?;
        let catalog = self.objects.get(&root)?.as_dict().ok()?;
        let pages = catalog.get(b"Pages").and_then(Object::as_reference).ok()?;
        let mut work = vec![pages];
        if let Ok(info) = trailer.get(b"Info") {
            references(info, &mut work);
        }
        while let Some(id) = work.pop() {
            if self.objects.contains_key(&id) || !self.load(id, 0)? {
                continue;
            }
            references(&self.objects[&id], &mut work);
        }
        Some(())
    }

    /// Makes sure object `id` is loaded: `Some(true)` when it is, `Some(false)` when the
    /// full load would not have it either, `None` when in doubt.
    fn load(&mut self, id: ObjectId, depth: usize) -> Option<bool> {
        if self.objects.contains_key(&id) {
            return Some(true);
        }
        let object = match *self.entries.get(&id.0)? {
            XrefEntry::Normal { offset, generation } if generation == id.1 => {
                self.indirect(offset as usize, depth)?
            }
            XrefEntry::Compressed { container, .. } if id.1 == 0 => {
                self.member(container, id.0, depth)?
            }
            XrefEntry::Compressed { .. } | XrefEntry::Free | XrefEntry::UnusableFree => {
                return Some(false);
            }
            XrefEntry::Normal { .. } => return None,
        };
        self.objects.insert(id, object);
        Some(true)
    }

    /// The indirect object at `offset`: a direct object, or a dictionary with its stream.
    fn indirect(&mut self, offset: usize, depth: usize) -> Option<Object> {
        let mut p = Parser::new(self.bytes, offset);
        p.object_header()?;
        if !self.bytes[p.pos..].starts_with(b"<<") {
            return p.object(syntax::MAX_DEPTH);
        }
        let dict = p.dictionary_at()?;
        if !p.stream_keyword() {
            return Some(Object::Dictionary(dict));
        }
        let length = self.length(dict.get(b"Length").ok()?, depth)?;
        let data = stream_data(&mut p, length)?;
        Some(Object::Stream(Stream::new(dict, data.to_vec())))
    }

    /// A stream's `/Length`: an integer, or a reference to one.
    fn length(&mut self, length: &Object, depth: usize) -> Option<i64> {
        let Object::Reference(id) = *length else {
            return length.as_i64().ok();
        };
        (depth < MAX_LENGTH_DEPTH && self.load(id, depth + 1)?).then_some(())?;
        self.objects.get(&id)?.as_i64().ok()
    }

    /// Member `number` of the object stream `container`.
    fn member(&mut self, container: u32, number: u32, depth: usize) -> Option<Object> {
        let stream = self.container(container, depth)?;
        let &start = stream.members.get(&number)?;
        let mut p = Parser::new(&stream.content, start);
        p.space();
        p.direct()
    }

    /// Object stream `number`, inflated and indexed once.
    fn container(&mut self, number: u32, depth: usize) -> Option<Rc<Container>> {
        if let Some(container) = self.containers.get(&number) {
            return Some(container.clone());
        }
        let XrefEntry::Normal { offset, .. } = *self.entries.get(&number)? else {
            return None;
        };
        let object = self.indirect(offset as usize, depth)?;
        let stream = object
            .as_stream()
            .ok()
            .filter(|s| s.dict.has_type(b"ObjStm"))?;
        let container = Rc::new(index_members(stream, self.limit)?);
        self.containers.insert(number, container.clone());
        Some(container)
    }
}

/// An object stream's content and member offsets, read as lopdf's `ObjectStream` reads them.
fn index_members(stream: &Stream, limit: usize) -> Option<Container> {
    let content = stream.get_plain_content_with_limit(limit).ok()?;
    let first = usize::try_from(stream.dict.get(b"First").and_then(Object::as_i64).ok()?).ok()?;
    stream.dict.get(b"N").and_then(Object::as_i64).ok()?;
    let numbers = std::str::from_utf8(content.get(..first)?).ok()?;
    let numbers: Vec<Option<u32>> = numbers
        .split(['\r', '\n'])
        .flat_map(|line| {
            line.split('%')
                .next()
                .unwrap_or_default()
                .split_whitespace()
        })
        .map(|n| n.parse().ok())
        .collect();
    let mut members = HashMap::new();
    for pair in numbers.chunks_exact(2) {
        if let (Some(number), Some(at)) = (pair[0], pair[1]) {
            let start = first + at as usize;
            if start < content.len() {
                members.insert(number, start);
            }
        }
    }
    Some(Container { content, members })
}

/// The `length` bytes of a stream's data at the parser, then an optional end of line and
/// `endstream`.
fn stream_data<'a>(p: &mut Parser<'a>, length: i64) -> Option<&'a [u8]> {
    let length = usize::try_from(length).ok()?;
    let data = p.take(length)?;
    p.eol();
    p.eat(b"endstream").then_some(data)
}

/// Pushes the references in `object` onto `work`, except under [`UNREAD_KEYS`].
fn references(object: &Object, work: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => work.push(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, work)),
        Object::Dictionary(dict) => dict_references(dict, work),
        Object::Stream(stream) => dict_references(&stream.dict, work),
        _ => {}
    }
}

fn dict_references(dict: &Dictionary, work: &mut Vec<ObjectId>) {
    for (key, value) in dict.iter() {
        if !UNREAD_KEYS.contains(&key.as_slice()) {
            references(value, work);
        }
    }
}

/// Whether lopdf's page iterator, which stops after as many kids as the document has
/// objects, sees every kid of this smaller document (and so the same pages as in the full
/// load), and the page tree's root has kids (else lopdf would rebuild the file). The walk
/// is the iterator's own.
fn page_tree_fits(doc: &Document) -> bool {
    let kids = |id| {
        doc.get_dictionary(id)
            .and_then(|node| node.get_deref(b"Kids", doc))
            .and_then(Object::as_array)
            .map(Vec::as_slice)
            .ok()
    };
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference);
    let Some(mut slots) = root.ok().and_then(kids) else {
        return false;
    };
    let mut stack: Vec<&[Object]> = Vec::new();
    let mut visits = 0;
    loop {
        while let Some((kid, rest)) = slots.split_first() {
            visits += 1;
            if visits > doc.objects.len() {
                return false;
            }
            slots = rest;
            let Ok(id) = kid.as_reference() else { continue };
            let node = doc.get_dictionary(id).and_then(Dictionary::get_type);
            if node.is_ok_and(|t| t == b"Pages") && stack.len() < 256 {
                if !rest.is_empty() {
                    stack.push(rest);
                }
                slots = kids(id).unwrap_or_default();
            }
        }
        match stack.pop() {
            Some(rest) => slots = rest,
            None => return true,
        }
    }
}
