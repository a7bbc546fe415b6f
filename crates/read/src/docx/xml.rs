//! WordprocessingML (`word/document.xml`) read as blocks: paragraphs with their text and
//! tables with their cells' spans and merges, in document order, depth- and time-bounded.

use std::time::Instant;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Deepest element nesting read. Real documents stay under 40 (a text box in a table cell
/// is about 25 deep); the parser recurses once per level, so this bounds its stack.
pub const MAX_DEPTH: usize = 256;

/// Most grid columns a cell spans: Word's own limit on a table's columns (63), which also
/// bounds the grid the table engine marks out.
pub const MAX_COLUMNS: usize = 63;

/// A paragraph or a table, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table's rows.
    Table(Vec<Row>),
}

/// One `w:p`: its text, and what its properties say about list numbering.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    /// The text, one string per line (`w:br` and `w:cr` start a new one).
    pub lines: Vec<String>,
    /// The paragraph style (`w:pStyle`), whose definition may number it.
    pub style: Option<String>,
    /// The list it is numbered in (`w:numPr/w:numId`; `0` turns a style's list off).
    pub num_id: Option<String>,
    /// Its list level (`w:numPr/w:ilvl`).
    pub level: Option<usize>,
}

/// One `w:tr`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Grid columns left empty before the first cell (`w:gridBefore`).
    pub before: usize,
    /// The row's `w:tc` cells.
    pub cells: Vec<TableCell>,
}

/// How a cell takes part in a vertical merge (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    /// Not merged.
    #[default]
    No,
    /// The first cell of a vertical merge (`w:val="restart"`).
    Restart,
    /// Covered by the cell above (`w:vMerge` without a value, or `continue`).
    Continue,
}

/// One `w:tc`: the grid columns it spans, its vertical merge, and its content.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    /// Grid columns covered (`w:gridSpan`, at least 1).
    pub span: usize,
    /// Its part in a vertical merge.
    pub merge: Merge,
    /// Paragraphs and nested tables inside it.
    pub blocks: Vec<Block>,
}

/// Why the XML gives no blocks.
#[derive(Debug, PartialEq)]
pub enum XmlError {
    /// Not well-formed, or no `w:body`.
    Malformed(String),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The deadline passed.
    Timeout,
}

/// Reads the body of a `word/document.xml` as blocks.
pub fn body(xml: &str, deadline: Instant) -> Result<Vec<Block>, XmlError> {
    let mut parser = Parser::new(xml, deadline);
    loop {
        match parser.next()? {
            Event::Start(e) if e.local_name().as_ref() == b"body" => {
                return parser.blocks(None);
            }
            Event::Eof => return Err(XmlError::Malformed("no w:body element".into())),
            _ => {}
        }
    }
}

/// The streaming parser: an event reader that counts nesting depth and checks the clock.
struct Parser<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    events: usize,
    deadline: Instant,
}

impl<'a> Parser<'a> {
    fn new(xml: &'a str, deadline: Instant) -> Self {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().expand_empty_elements = true;
        Parser {
            reader,
            depth: 0,
            events: 0,
            deadline,
        }
    }

    fn next(&mut self) -> Result<Event<'a>, XmlError> {
        self.events += 1;
        if self.events.is_multiple_of(4096) && Instant::now() > self.deadline {
            return Err(XmlError::Timeout);
        }
        let event = self
            .reader
            .read_event()
            .map_err(|e| XmlError::Malformed(e.to_string()))?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(XmlError::TooDeep);
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(event)
    }

    /// Skips the element just started, with all it holds.
    fn skip(&mut self, start: &BytesStart) -> Result<(), XmlError> {
        self.reader
            .read_to_end(start.name())
            .map_err(|e| XmlError::Malformed(e.to_string()))?;
        self.depth -= 1;
        Ok(())
    }

    /// The paragraphs and tables up to the end of the element just started (the body, a
    /// table cell — whose `w:tcPr` fills `cell` — or a text box).
    fn blocks(&mut self, mut cell: Option<&mut (usize, Merge)>) -> Result<Vec<Block>, XmlError> {
        let level = self.depth;
        let mut out = Vec::new();
        loop {
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"p" => self.paragraph(&mut out)?,
                    b"tbl" => out.push(Block::Table(self.table()?)),
                    b"Fallback" | b"del" | b"moveFrom" => self.skip(&e)?,
                    b"gridSpan" => {
                        if let Some(c) = cell.as_mut() {
                            let span = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1);
                            c.0 = span.clamp(1, MAX_COLUMNS);
                        }
                    }
                    b"vMerge" => {
                        if let Some(c) = cell.as_mut() {
                            c.1 = match val(&e).as_deref() {
                                Some("restart") => Merge::Restart,
                                _ => Merge::Continue,
                            };
                        }
                    }
                    _ => {}
                },
                Event::End(_) if self.depth < level => return Ok(out),
                Event::Eof => return Err(XmlError::Malformed("the XML ends early".into())),
                _ => {}
            }
        }
    }

    /// A paragraph, pushed onto `out` with the text boxes anchored in it after it.
    fn paragraph(&mut self, out: &mut Vec<Block>) -> Result<(), XmlError> {
        let level = self.depth;
        let mut para = Para {
            lines: vec![String::new()],
            ..Para::default()
        };
        let lines = &mut para.lines;
        let (mut para_style, mut num_id, mut list_level) = (None, None, None);
        let mut boxes = Vec::new();
        loop {
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"t" => self.text(lines.last_mut().expect("one line at least"))?,
                    b"br" | b"cr" => lines.push(String::new()),
                    b"tab" | b"ptab" => lines.last_mut().expect("a line").push(' '),
                    b"noBreakHyphen" => lines.last_mut().expect("a line").push('-'),
                    b"txbxContent" => boxes.append(&mut self.blocks(None)?),
                    b"pStyle" => para_style = val(&e),
                    b"numId" => num_id = val(&e),
                    b"ilvl" => list_level = val(&e).and_then(|v| v.parse().ok()),
                    b"rPr" | b"pPrChange" | b"del" | b"moveFrom" | b"instrText" | b"delText"
                    | b"Fallback" => self.skip(&e)?,
                    _ => {}
                },
                Event::End(_) if self.depth < level => break,
                Event::Eof => return Err(XmlError::Malformed("the XML ends early".into())),
                _ => {}
            }
        }
        para.style = para_style;
        para.num_id = num_id;
        para.level = list_level;
        out.push(Block::Para(para));
        out.append(&mut boxes);
        Ok(())
    }

    /// The text of a `w:t` element, appended to `line`.
    fn text(&mut self, line: &mut String) -> Result<(), XmlError> {
        loop {
            match self.next()? {
                Event::Text(t) => {
                    line.push_str(&t.decode().map_err(|e| XmlError::Malformed(e.to_string()))?)
                }
                Event::CData(t) => line.push_str(&String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        line.push(c);
                    } else {
                        line.push_str(match r.as_ref() {
                            b"amp" => "&",
                            b"lt" => "<",
                            b"gt" => ">",
                            b"quot" => "\"",
                            b"apos" => "'",
                            _ => "",
                        });
                    }
                }
                Event::Start(e) => self.skip(&e)?,
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(XmlError::Malformed("the XML ends early".into())),
                _ => {}
            }
        }
    }

    /// A table's rows, up to its `</w:tbl>`.
    fn table(&mut self) -> Result<Vec<Row>, XmlError> {
        let level = self.depth;
        let mut rows = Vec::new();
        loop {
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"tr" => rows.push(self.row()?),
                    b"tblPr" | b"tblGrid" | b"tblPrEx" => self.skip(&e)?,
                    _ => {}
                },
                Event::End(_) if self.depth < level => return Ok(rows),
                Event::Eof => return Err(XmlError::Malformed("the XML ends early".into())),
                _ => {}
            }
        }
    }

    /// A row's cells, up to its `</w:tr>`.
    fn row(&mut self) -> Result<Row, XmlError> {
        let level = self.depth;
        let mut row = Row::default();
        loop {
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"tc" => {
                        let mut props = (1, Merge::No);
                        let blocks = self.blocks(Some(&mut props))?;
                        row.cells.push(TableCell {
                            span: props.0.max(1),
                            merge: props.1,
                            blocks,
                        });
                    }
                    b"gridBefore" => {
                        let before = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0);
                        row.before = before.min(MAX_COLUMNS);
                    }
                    b"tblPrEx" => self.skip(&e)?,
                    _ => {}
                },
                Event::End(_) if self.depth < level => return Ok(row),
                Event::Eof => return Err(XmlError::Malformed("the XML ends early".into())),
                _ => {}
            }
        }
    }
}

/// An element's `w:val` attribute.
pub fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

/// An element's attribute, by local name, trimmed.
pub fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_string()))
}
