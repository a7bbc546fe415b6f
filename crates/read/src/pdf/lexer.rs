//! The content-stream lexer: operators with their operands, one pass over the bytes with
//! no allocation for numbers and operators (lopdf's parser cost more than the interpreter).
//!
//! Damage is skipped rather than fatal: a stray `)`, `>` or `}` is passed over, an unclosed
//! string or array ends at the end of the stream, and brackets deeper than [`MAX_DEPTH`]
//! are read flat, so one bad byte never hides the rest of a page.

use lopdf::{Dictionary, Object, Stream, StringFormat};

/// Arrays and dictionaries nested deeper than this are read flat (bounds the recursion).
pub const MAX_DEPTH: usize = 32;

/// One operator and the operands before it.
pub struct Op<'a> {
    /// The operator, e.g. `Tj`.
    pub operator: &'a str,
    /// Its operands, in order.
    pub operands: &'a [Object],
}

/// A token: an object, an operator keyword, or the end of an array or dictionary.
enum Token<'a> {
    Object(Object),
    Keyword(&'a [u8]),
    ArrayEnd,
    DictEnd,
}

/// Reads operators and operands from a content stream (or a CMap, which has the same tokens).
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// The next operator, its operands left in `operands` (cleared first); `None` at the end.
    /// An inline image (`BI … ID data EI`) is one `BI` operator with its stream as operand.
    pub fn next_op(&mut self, operands: &mut Vec<Object>) -> Option<&'a str> {
        operands.clear();
        loop {
            match self.token(0)? {
                Token::Object(o) => operands.push(o),
                Token::Keyword(b"BI") => {
                    operands.clear();
                    operands.push(Object::Stream(self.inline_image()));
                    return Some("BI");
                }
                Token::Keyword(k) => return Some(std::str::from_utf8(k).unwrap_or("?")),
                Token::ArrayEnd | Token::DictEnd => {}
            }
        }
    }

    /// The next object or keyword, skipping whitespace, comments and stray delimiters.
    fn token(&mut self, depth: usize) -> Option<Token<'a>> {
        loop {
            self.skip_space();
            let &c = self.data.get(self.pos)?;
            let token = match c {
                b'(' => Token::Object(self.literal()),
                b'<' if self.peek(1) == Some(b'<') && depth >= MAX_DEPTH => {
                    self.pos += 2;
                    continue;
                }
                b'<' if self.peek(1) == Some(b'<') => {
                    self.pos += 2;
                    Token::Object(Object::Dictionary(self.dictionary(depth)))
                }
                b'<' => Token::Object(self.hex()),
                b'>' if self.peek(1) == Some(b'>') => {
                    self.pos += 2;
                    Token::DictEnd
                }
                b'[' if depth >= MAX_DEPTH => {
                    self.pos += 1;
                    continue;
                }
                b'[' => {
                    self.pos += 1;
                    Token::Object(Object::Array(self.array(depth)))
                }
                b']' => {
                    self.pos += 1;
                    Token::ArrayEnd
                }
                b'/' => Token::Object(self.name()),
                b')' | b'>' | b'{' | b'}' => {
                    self.pos += 1;
                    continue;
                }
                _ => self.word(),
            };
            return Some(token);
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.data.get(self.pos + ahead).copied()
    }

    fn skip_space(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if c == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else if is_space(c) {
                self.pos += 1;
            } else {
                return;
            }
        }
    }

    /// A number, `true`/`false`/`null`, or an operator keyword: a run of regular characters.
    fn word(&mut self) -> Token<'a> {
        let start = self.pos;
        while self.pos < self.data.len() && is_regular(self.data[self.pos]) {
            self.pos += 1;
        }
        let word = &self.data[start..self.pos];
        // A number run into its operator (`8Tm`, a space lost) is read as both.
        let digits = word
            .iter()
            .position(|c| !matches!(c, b'0'..=b'9' | b'.' | b'+' | b'-'))
            .unwrap_or(word.len());
        if digits > 0
            && let Some(n) = number(&word[..digits])
        {
            self.pos = start + digits;
            return Token::Object(n);
        }
        match word {
            b"true" => Token::Object(Object::Boolean(true)),
            b"false" => Token::Object(Object::Boolean(false)),
            b"null" => Token::Object(Object::Null),
            _ => Token::Keyword(word),
        }
    }

    fn array(&mut self, depth: usize) -> Vec<Object> {
        let mut items = Vec::new();
        while let Some(token) = self.token(depth + 1) {
            match token {
                Token::Object(o) => items.push(o),
                Token::ArrayEnd => break,
                _ => {}
            }
        }
        items
    }

    fn dictionary(&mut self, depth: usize) -> Dictionary {
        let mut dict = Dictionary::new();
        let mut key: Option<Vec<u8>> = None;
        while let Some(token) = self.token(depth + 1) {
            match (token, key.take()) {
                (Token::DictEnd, _) => break,
                (Token::Object(value), Some(k)) => dict.set(k, value),
                (Token::Object(Object::Name(k)), None) => key = Some(k),
                _ => {}
            }
        }
        dict
    }

    fn name(&mut self) -> Object {
        self.pos += 1;
        let start = self.pos;
        while self.pos < self.data.len() && is_regular(self.data[self.pos]) {
            self.pos += 1;
        }
        let raw = &self.data[start..self.pos];
        if !raw.contains(&b'#') {
            return Object::Name(raw.to_vec());
        }
        let mut name = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let escaped = (raw[i] == b'#')
                .then(|| raw.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| Some(hex_value(h[0])? * 16 + hex_value(h[1])?));
            match escaped {
                Some(b) => {
                    name.push(b);
                    i += 3;
                }
                None => {
                    name.push(raw[i]);
                    i += 1;
                }
            }
        }
        Object::Name(name)
    }

    fn hex(&mut self) -> Object {
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(v) = hex_value(c) else { continue };
            match high.take() {
                Some(h) => bytes.push(h * 16 + v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            bytes.push(h * 16);
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }

    /// A literal string: balanced parentheses, backslash escapes, end-of-line as `\n`.
    fn literal(&mut self) -> Object {
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut open = 1;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => open += 1,
                b')' => {
                    open -= 1;
                    if open == 0 {
                        break;
                    }
                }
                b'\\' => {
                    self.escape(&mut bytes);
                    continue;
                }
                b'\r' => {
                    if self.peek(0) == Some(b'\n') {
                        self.pos += 1;
                    }
                    bytes.push(b'\n');
                    continue;
                }
                _ => {}
            }
            bytes.push(c);
        }
        Object::String(bytes, StringFormat::Literal)
    }

    /// The character after a backslash in a literal string.
    fn escape(&mut self, bytes: &mut Vec<u8>) {
        let Some(&c) = self.data.get(self.pos) else {
            return;
        };
        self.pos += 1;
        let plain = match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 8,
            b'f' => 12,
            b'\r' => {
                if self.peek(0) == Some(b'\n') {
                    self.pos += 1;
                }
                return;
            }
            b'\n' => return,
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.peek(0) {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                value as u8
            }
            other => other,
        };
        bytes.push(plain);
    }

    /// An inline image after `BI`: its dictionary up to `ID`, then its data up to `EI`.
    fn inline_image(&mut self) -> Stream {
        let mut dict = Dictionary::new();
        let mut key: Option<Vec<u8>> = None;
        while let Some(token) = self.token(0) {
            match (token, key.take()) {
                (Token::Keyword(b"ID"), _) => break,
                (Token::Object(value), Some(k)) => dict.set(k, value),
                (Token::Object(Object::Name(k)), None) => key = Some(k),
                _ => {}
            }
        }
        // One whitespace byte follows `ID`; the data ends at whitespace, `EI`, then a delimiter.
        let start = (self.pos + 1).min(self.data.len());
        let rest = &self.data[start..];
        let end = (0..rest.len().saturating_sub(1))
            .find(|&i| {
                rest[i] == b'E'
                    && rest[i + 1] == b'I'
                    && (i == 0 || is_space(rest[i - 1]))
                    && rest.get(i + 2).is_none_or(|&c| !is_regular(c))
            })
            .unwrap_or(rest.len());
        let before_ei = end > 0 && end < rest.len() && is_space(rest[end - 1]);
        let data = rest[..end - usize::from(before_ei)].to_vec();
        self.pos = (start + end + 2).min(self.data.len());
        Stream::new(dict, data)
    }
}

/// Byte classes: 1 whitespace, 2 delimiter, 0 regular.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let spaces = b" \t\n\r\x0c\0";
    let mut i = 0;
    while i < spaces.len() {
        table[spaces[i] as usize] = 1;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        table[delimiters[i] as usize] = 2;
        i += 1;
    }
    table
};

/// PDF whitespace.
pub(crate) fn is_space(c: u8) -> bool {
    CLASS[c as usize] == 1
}

/// Neither whitespace nor a delimiter.
pub(crate) fn is_regular(c: u8) -> bool {
    CLASS[c as usize] == 0
}

/// The value of a hexadecimal digit.
pub(crate) fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|v| v as u8)
}

/// An integer or real in PDF syntax (`12`, `-3`, `+.5`, `4.`), if `word` is one.
fn number(word: &[u8]) -> Option<Object> {
    if (1..=9).contains(&word.len()) && word.iter().all(u8::is_ascii_digit) {
        let value = word.iter().fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'));
        return Some(Object::Integer(value));
    }
    let digits = word
        .strip_prefix(b"-")
        .or(word.strip_prefix(b"+"))
        .unwrap_or(word);
    let dots = digits.iter().filter(|&&c| c == b'.').count();
    let valid = !digits.is_empty()
        && dots <= 1
        && digits.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && digits != b".";
    if !valid {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    if dots == 0
        && let Ok(i) = text.parse::<i64>()
    {
        return Some(Object::Integer(i));
    }
    text.parse::<f32>().ok().map(Object::Real)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Object>)> {
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_op(&mut operands) {
            out.push((op.to_string(), operands.clone()));
        }
        out
    }

    fn string(s: &[u8]) -> Object {
        Object::String(s.to_vec(), StringFormat::Literal)
    }

    #[test]
    fn numbers_names_strings_and_arrays_are_operands() {
        let got = ops(b"BT /F1#20a 12 Tf 1 0 0 -1.5 .5 +3 Tm [(a) -250 <4E2D>] TJ ET");
        assert_eq!(got[0].0, "BT");
        assert_eq!(
            got[1],
            ("Tf".into(), vec![Object::Name(b"F1 a".to_vec()), 12.into()])
        );
        let tm = &got[2].1;
        assert_eq!(tm[3], Object::Real(-1.5));
        assert_eq!(tm[4], Object::Real(0.5));
        assert_eq!(tm[5], Object::Integer(3));
        let tj = got[3].1[0].as_array().unwrap();
        assert_eq!(tj[0], string(b"a"));
        assert_eq!(tj[1], Object::Integer(-250));
        assert_eq!(
            tj[2],
            Object::String(vec![0x4E, 0x2D], StringFormat::Hexadecimal)
        );
        assert_eq!(got[4].0, "ET");
    }

    #[test]
    fn literal_strings_keep_nested_parentheses_and_read_escapes() {
        let got = ops(b"(a(b)c\\)\\101\\n\\\ncont) Tj <414>Tj");
        assert_eq!(got[0].1, vec![string(b"a(b)c)A\ncont")]);
        assert_eq!(
            got[1].1,
            vec![Object::String(vec![0x41, 0x40], StringFormat::Hexadecimal)]
        );
    }

    #[test]
    fn comments_and_stray_delimiters_are_skipped() {
        let got = ops(b"% a comment (not a string\n1 0 0 RG } ) 10 20 m\r30 40 l S");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["RG", "m", "l", "S"]);
        assert_eq!(got[1].1, vec![10.into(), 20.into()]);
    }

    #[test]
    fn marked_content_dictionaries_are_read() {
        let got = ops(b"/P <</MCID 3 /Alt (x)>> BDC EMC");
        let dict = got[0].1[1].as_dict().unwrap();
        assert_eq!(dict.get(b"MCID").unwrap(), &Object::Integer(3));
        assert_eq!(got[1].0, "EMC");
    }

    #[test]
    fn an_inline_image_is_one_operator_with_its_data() {
        let got = ops(b"q BI /W 2 /H 1 /BPC 8 ID \x01EI\xff EI Q");
        assert_eq!(got[1].0, "BI");
        let stream = got[1].1[0].as_stream().unwrap();
        assert_eq!(stream.dict.get(b"W").unwrap(), &Object::Integer(2));
        assert_eq!(stream.content, b"\x01EI\xff");
        assert_eq!(got[2].0, "Q");
    }

    #[test]
    fn damage_never_stops_the_stream_and_deep_nesting_is_bounded() {
        let deep = format!("{}1{} 5 w", "[".repeat(10_000), "]".repeat(10_000));
        let got = ops(deep.as_bytes());
        assert_eq!(got.last().unwrap().0, "w");
        assert_eq!(got.last().unwrap().1.last(), Some(&Object::Integer(5)));
        assert_eq!(ops(b"(unclosed Tj").len(), 0);
        assert_eq!(ops(b"1.2.3 4 --5 Td").last().unwrap().0, "Td");
        let glued = ops(b"1 0 0 1 72 700.5Tm");
        assert_eq!(glued[0].0, "Tm");
        assert_eq!(glued[0].1[5], Object::Real(700.5));
    }
}

/// The lexer against lopdf's content parser on every page of the committed sample PDFs.
#[cfg(test)]
mod versus_lopdf {
    use lopdf::content::Content;

    #[test]
    fn every_sample_page_gives_lopdfs_operations() {
        let mut pages = 0;
        for (path, doc) in crate::pdf::sample_documents() {
            for (n, id) in doc.get_pages() {
                let data = doc.get_page_content(id);
                let theirs = Content::decode(&data).expect("lopdf reads the samples");
                let mut lexer = super::Lexer::new(&data);
                let mut operands = Vec::new();
                for (i, op) in theirs.operations.iter().enumerate() {
                    let ours = lexer.next_op(&mut operands);
                    let at = format!("{} page {n} op {i}", path.display());
                    assert_eq!(ours, Some(op.operator.as_str()), "{at}");
                    assert_eq!(operands, op.operands, "{at}");
                }
                assert_eq!(lexer.next_op(&mut operands), None);
                pages += 1;
            }
        }
        assert!(pages > 100, "only {pages} sample pages read");
    }
}
