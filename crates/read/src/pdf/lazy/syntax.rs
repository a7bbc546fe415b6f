//! A strict parser of PDF objects that gives what lopdf's parser gives, or nothing: any
//! syntax lopdf might read differently (or repair) is refused, and the caller falls back.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use crate::pdf::lexer::{hex_value, is_regular, is_space as is_whitespace};

/// Arrays, dictionaries and string parentheses nested deeper than this are refused (lopdf
/// allows 100).
pub const MAX_DEPTH: usize = 32;

/// A position in a byte slice, reading objects one after another.
pub struct Parser<'a> {
    data: &'a [u8],
    /// Where the next token starts.
    pub pos: usize,
    /// Emptied vectors that arrays are gathered in, one per nesting level, so each array
    /// is allocated once at its final size.
    scratch: Vec<Vec<Object>>,
}

impl<'a> Parser<'a> {
    /// A parser of `data` at `pos`.
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Parser {
            data,
            pos,
            scratch: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    /// Whether the input continues with `tag`, which is then consumed.
    pub fn eat(&mut self, tag: &[u8]) -> bool {
        let found = self.rest().starts_with(tag);
        if found {
            self.pos += tag.len();
        }
        found
    }

    /// The next `n` bytes, consumed.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let bytes = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(bytes)
    }

    /// An end of line: CR LF, LF or CR.
    pub fn eol(&mut self) -> bool {
        self.eat(b"\r\n") || self.eat(b"\n") || self.eat(b"\r")
    }

    /// The `stream` keyword after a stream's dictionary, and its end of line; nothing is
    /// consumed when it is not there.
    pub fn stream_keyword(&mut self) -> bool {
        let start = self.pos;
        self.space();
        if self.eat(b"stream") {
            while self.eat(b" ") || self.eat(b"\t") {}
            if self.eol() {
                return true;
            }
        }
        self.pos = start;
        false
    }

    /// White space and comments (a comment counts only when an end of line closes it).
    pub fn space(&mut self) {
        loop {
            while self.peek().is_some_and(is_whitespace) {
                self.pos += 1;
            }
            if self.peek() != Some(b'%') {
                return;
            }
            let line = self.rest().iter().position(|&c| c == b'\r' || c == b'\n');
            let Some(line) = line else { return };
            self.pos += line;
            self.eol();
        }
    }

    /// A run of ASCII digits as an unsigned number that fits in `u64`.
    pub fn unsigned(&mut self) -> Option<u64> {
        let digits = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let value = digits_value(&self.rest()[..digits])?;
        (digits > 0).then_some(())?;
        self.pos += digits;
        Some(value)
    }

    /// `N G` followed by white space, as before `obj` or `R`.
    fn object_id(&mut self) -> Option<ObjectId> {
        let number = u32::try_from(self.unsigned()?).ok()?;
        self.space();
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.space();
        Some((number, generation))
    }

    /// The header of an indirect object, `N G obj`, and the space after it.
    pub fn object_header(&mut self) -> Option<ObjectId> {
        self.space();
        let id = self.object_id()?;
        self.eat(b"obj").then_some(())?;
        self.space();
        Some(id)
    }

    /// A direct object and the space after it (lopdf's `direct_object`).
    pub fn direct(&mut self) -> Option<Object> {
        let object = self.object(MAX_DEPTH)?;
        self.space();
        Some(object)
    }

    /// One object, chosen by its first byte; `depth` levels of nesting remain.
    pub fn object(&mut self, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'n' => self.eat(b"null").then_some(Object::Null),
            b't' => self.eat(b"true").then_some(Object::Boolean(true)),
            b'f' => self.eat(b"false").then_some(Object::Boolean(false)),
            b'0'..=b'9' => self.numeric(),
            b'+' | b'-' | b'.' => self.number(),
            b'/' => self.name().map(Object::Name),
            b'(' => self.literal(depth).map(Object::string_literal),
            b'<' if self.rest().starts_with(b"<<") => {
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => self.hex(),
            b'[' => self.array(depth).map(Object::Array),
            _ => None,
        }
    }

    /// A reference, real or integer that starts with a digit, read in one pass: digits
    /// and a point make a real; digits, a generation and `R` a reference; else an integer.
    fn numeric(&mut self) -> Option<Object> {
        let start = self.pos;
        let value = self.unsigned()?;
        if self.peek() == Some(b'.') {
            self.pos = start;
            return self.real().map(Object::Real);
        }
        let after = self.pos;
        if let Some(id) = self.reference_tail(value) {
            return Some(Object::Reference(id));
        }
        self.pos = after;
        i64::try_from(value).ok().map(Object::Integer)
    }

    /// The rest of a reference after its object number: space, generation, space, `R`.
    fn reference_tail(&mut self, number: u64) -> Option<ObjectId> {
        let number = u32::try_from(number).ok()?;
        self.space();
        self.peek().filter(u8::is_ascii_digit)?;
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.space();
        self.eat(b"R").then_some((number, generation))
    }

    /// A real (`1.5`, `-.5`, `4.`) or an integer, as lopdf reads them.
    fn number(&mut self) -> Option<Object> {
        let start = self.pos;
        if let Some(real) = self.real() {
            return Some(Object::Real(real));
        }
        self.pos = start;
        let negative = self.sign();
        let magnitude = self.unsigned()?;
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        };
        value.map(Object::Integer)
    }

    fn sign(&mut self) -> bool {
        if self.eat(b"-") {
            return true;
        }
        self.eat(b"+");
        false
    }

    /// A real: digits, a point and maybe digits, or a point and digits; a minus sign inside
    /// the fraction (`0.00-4142502`) is ignored, as lopdf does.
    fn real(&mut self) -> Option<f32> {
        let start = self.pos;
        self.sign();
        let whole = self.digits();
        self.eat(b".").then_some(())?;
        let fraction = self.digits();
        (whole > 0 || fraction > 0).then_some(())?;
        while self.peek().is_some_and(|c| c == b'-' || c.is_ascii_digit()) {
            self.pos += 1;
        }
        let text = &self.data[start..self.pos];
        let mut digits = text[..1].to_vec();
        digits.extend(text[1..].iter().filter(|&&c| c != b'-'));
        std::str::from_utf8(&digits).ok()?.parse().ok()
    }

    fn digits(&mut self) -> usize {
        let n = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.pos += n;
        n
    }

    /// A name after `/`, its `#xx` escapes decoded; a `#` without two hex digits is refused.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            let run = self
                .rest()
                .iter()
                .position(|&c| c == b'#' || !is_regular(c));
            if bytes.is_empty() && run.is_some_and(|n| self.rest()[n] != b'#') {
                let name = self.rest()[..run?].to_vec();
                self.pos += name.len();
                return Some(name);
            }
            let run = run.unwrap_or(self.rest().len());
            bytes.extend_from_slice(&self.rest()[..run]);
            self.pos += run;
            if self.peek() != Some(b'#') {
                return Some(bytes);
            }
            let h = self.data.get(self.pos + 1..self.pos + 3)?;
            bytes.push(hex_value(h[0])? << 4 | hex_value(h[1])?);
            self.pos += 3;
        }
    }

    /// A literal string's bytes: escapes decoded, each end of line read as LF, nested
    /// parentheses kept.
    fn literal(&mut self, depth: usize) -> Option<Vec<u8>> {
        (depth > 0).then_some(())?;
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            match self.peek()? {
                b')' => {
                    self.pos += 1;
                    return Some(bytes);
                }
                b'(' => {
                    bytes.push(b'(');
                    bytes.extend(self.literal(depth - 1)?);
                    bytes.push(b')');
                }
                b'\\' => {
                    self.pos += 1;
                    self.escape(&mut bytes)?;
                }
                b'\r' | b'\n' => {
                    self.eol();
                    bytes.push(b'\n');
                }
                c => {
                    bytes.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// The escape after a backslash: up to three octal digits, an end of line (nothing),
    /// `n r t b f`, or the character itself.
    fn escape(&mut self, bytes: &mut Vec<u8>) -> Option<()> {
        let octal = self
            .rest()
            .iter()
            .take(3)
            .take_while(|c| matches!(c, b'0'..=b'7'));
        let octal = octal.count();
        if octal > 0 {
            let value = self.rest()[..octal]
                .iter()
                .fold(0u16, |v, &d| v * 8 + u16::from(d - b'0'));
            bytes.push(value as u8);
            self.pos += octal;
            return Some(());
        }
        if self.eol() {
            return Some(());
        }
        let c = self.peek()?;
        self.pos += 1;
        bytes.push(match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 8,
            b'f' => 12,
            other => other,
        });
        Some(())
    }

    /// A hexadecimal string: digits with white space between, an odd last digit padded.
    fn hex(&mut self) -> Option<Object> {
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut high = true;
        loop {
            while self.peek().is_some_and(is_whitespace) {
                self.pos += 1;
            }
            let c = self.peek()?;
            self.pos += 1;
            if c == b'>' {
                return Some(Object::String(bytes, StringFormat::Hexadecimal));
            }
            let v = hex_value(c)?;
            if high {
                bytes.push(v << 4);
            } else if let Some(last) = bytes.last_mut() {
                *last |= v;
            }
            high = !high;
        }
    }

    /// `[` objects `]`.
    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        (depth > 0).then_some(())?;
        self.pos += 1;
        self.space();
        let mut items = self.scratch.pop().unwrap_or_default();
        while !self.eat(b"]") {
            items.push(self.object(depth - 1)?);
            self.space();
        }
        let mut array = Vec::with_capacity(items.len());
        array.append(&mut items);
        self.scratch.push(items);
        Some(array)
    }

    /// A dictionary, which must start here.
    pub fn dictionary_at(&mut self) -> Option<Dictionary> {
        self.rest().starts_with(b"<<").then_some(())?;
        self.dictionary(MAX_DEPTH)
    }

    /// `<<` name–object pairs `>>`; a repeated key keeps its place and takes the last value.
    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        (depth > 0).then_some(())?;
        self.pos += 2;
        self.space();
        let mut dict = Dictionary::new();
        while !self.eat(b">>") {
            (self.peek() == Some(b'/')).then_some(())?;
            let key = self.name()?;
            self.space();
            let value = self.object(depth - 1)?;
            self.space();
            dict.set(key, value);
        }
        Some(dict)
    }
}

/// The id of the `N G obj` header `input` starts with, read as lopdf checks where an
/// offset points (no leading space, blanks between, `obj` ending its token).
pub fn header_here(input: &[u8]) -> Option<ObjectId> {
    fn digits(input: &[u8], cap: usize) -> Option<(&[u8], &[u8])> {
        let n = input.iter().take_while(|b| b.is_ascii_digit()).count();
        (0 < n && n <= cap).then(|| input.split_at(n))
    }
    fn blanks(input: &[u8]) -> Option<&[u8]> {
        let n = input
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        (n > 0).then(|| &input[n..])
    }
    let (number, rest) = digits(input, 10)?;
    let (generation, rest) = digits(blanks(rest)?, 5)?;
    let tail = blanks(rest)?.strip_prefix(b"obj")?;
    tail.first()
        .is_none_or(|b| !b.is_ascii_alphanumeric())
        .then_some(())?;
    let number = u32::try_from(digits_value(number)?).ok()?;
    Some((number, u16::try_from(digits_value(generation)?).ok()?))
}

/// The value of a run of ASCII digits, or `None` past `u64`.
fn digits_value(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |value, &digit| {
        value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> Option<Object> {
        Parser::new(text, 0).direct()
    }

    #[test]
    fn objects_read_as_lopdf_reads_them() {
        let text = b"<< /A [1 0 R 2 -3 .5 4. 0.00-41 (a\\(b\\)\r\nc\\101) <4E2 D5> /N#20x] /B true /C null >>";
        let dict = parse(text).unwrap();
        let dict = dict.as_dict().unwrap();
        let a = dict.get(b"A").unwrap().as_array().unwrap();
        assert_eq!(a[0], Object::Reference((1, 0)));
        assert_eq!(a[1], Object::Integer(2));
        assert_eq!(a[2], Object::Integer(-3));
        assert_eq!(a[3], Object::Real(0.5));
        assert_eq!(a[4], Object::Real(4.0));
        assert_eq!(a[5], Object::Real(0.0041));
        assert_eq!(a[6], Object::string_literal(b"a(b)\ncA".to_vec()));
        assert_eq!(
            a[7],
            Object::String(vec![0x4E, 0x2D, 0x50], StringFormat::Hexadecimal)
        );
        assert_eq!(a[8], Object::Name(b"N x".to_vec()));
        assert_eq!(dict.get(b"B").unwrap(), &Object::Boolean(true));
        assert_eq!(dict.get(b"C").unwrap(), &Object::Null);
    }

    #[test]
    fn doubtful_syntax_is_refused() {
        assert_eq!(parse(b"/A#zz"), None);
        assert_eq!(parse(b"<< /A 1 /B >>"), None);
        assert_eq!(parse(b"[1 2"), None);
        assert_eq!(parse(b"<< /A {1} >>"), None);
        let deep = [vec![b'['; 40], vec![b']'; 40]].concat();
        assert_eq!(parse(&deep), None);
    }

    #[test]
    fn an_object_header_is_read_with_its_id() {
        let mut p = Parser::new(b"  12 3 obj\n<< >>", 0);
        assert_eq!(p.object_header(), Some((12, 3)));
        assert_eq!(p.pos, 11);
    }
}
