//! Table cells: which printed tokens are values, and how a line splits into label and values.

use govreport_document::half_width;
use govreport_document::layout::UNREADABLE;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Number;

use govreport_document::layout::{Cell, Line, is_cjk};
use govreport_document::squeeze;
use govreport_model::record::number;

/// A printed value cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The number, or None for a cell that says "not applicable" (`—`, `/`, `无`).
    pub number: Option<Number>,
    /// The text as printed, when it is anything other than a plain number.
    pub printed: Option<String>,
    /// Horizontal centre of the cell (points for PDF, column for text).
    pub x: f32,
    /// The value's box on its page (PDF points, y downward); None for text input.
    pub bbox: Option<[f32; 4]>,
    /// The page it was read on (PDF only).
    pub page: Option<u32>,
}

impl Value {
    /// Whether the cell holds something printed that could not be read ([`UNREADABLE`]).
    pub fn unreadable(&self) -> bool {
        self.printed.as_deref() == Some(UNREADABLE)
    }
}

/// Matches a number as tables print it: sign or 增/减, thousands separators, decimals, a unit.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<sign>[+\-增减])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<unit>元|万元|件|个|项)?$")
        .expect("valid regex")
});

/// Tokens that stand for an empty or not-applicable cell.
const EMPTY_MARKS: [&str; 9] = ["—", "——", "-", "/", "无", "N/A", "\\", "－", "／"];

/// Full-width digits, signs and separators to ASCII.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '，' => ',',
            '＋' => '+',
            '－' if text.chars().count() > 1 => '-',
            _ => half_width(c),
        })
        .collect()
}

/// Reads one token as a value cell, or None when it is not one.
pub fn value(text: &str, x: f32) -> Option<Value> {
    let t = normalize(text);
    if !t.is_empty() && t.chars().all(|c| c == '\u{FFFD}') {
        return Some(Value {
            number: None,
            printed: Some(UNREADABLE.into()),
            x,
            bbox: None,
            page: None,
        });
    }
    if EMPTY_MARKS.contains(&t.as_str()) {
        return Some(Value {
            number: None,
            printed: Some(text.trim().to_string()),
            x,
            bbox: None,
            page: None,
        });
    }
    let caps = NUMBER.captures(&t)?;
    let digits = caps["int"].replace(',', "");
    let frac = caps.name("frac").map_or("", |m| m.as_str());
    let negative = matches!(caps.name("sign").map(|m| m.as_str()), Some("-" | "减"));
    let literal = format!("{}{digits}{frac}", if negative { "-" } else { "" });
    let plain = text.trim() == literal || text.trim() == format!("{digits}{frac}") && !negative;
    Some(Value {
        number: number(&literal),
        printed: (!plain).then(|| text.trim().to_string()),
        x,
        bbox: None,
        page: None,
    })
}

/// The values of one cell, left to right (a cell of several space-separated values gives
/// several), and whether one of them is a misread cell ([`is_misread`], when `may_misread`);
/// None when any part is no value. `after_value`: the text just before the cell (the
/// previous cell's last part) is a value, so a number with a full stop in the cell's first
/// part sits among values (elsewhere `3.` is a label's list number).
fn cell_values(
    line: &Line,
    cell: &Cell,
    may_misread: bool,
    after_value: bool,
) -> Option<(Vec<Value>, bool)> {
    let parts: Vec<&str> = cell.text.split_whitespace().collect();
    let step = (cell.x1 - cell.x0) / parts.len().max(1) as f32;
    let mut used = false;
    let mut out = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let x0 = cell.x0 + step * i as f32;
        let left = match i {
            0 => after_value,
            _ => value(parts[i - 1], 0.0).is_some(),
        };
        let dotted = || left.then(|| speck_after(p, x0 + step * 0.5))?;
        let found = match value(p, x0 + step * 0.5).or_else(dotted) {
            Some(v) => v,
            None if may_misread && !used && is_misread(p) => {
                used = true;
                Value {
                    number: None,
                    printed: Some(UNREADABLE.into()),
                    x: x0 + step * 0.5,
                    bbox: None,
                    page: None,
                }
            }
            None => return None,
        };
        out.push(Value {
            bbox: line.page_box(x0, x0 + step),
            page: line.page,
            ..found
        });
    }
    Some((out, used))
}

/// A number with a full stop after it (`162.`) just after another value: a speck OCR read
/// as a point after the digits. The number, with the text as read kept as printed.
fn speck_after(text: &str, x: f32) -> Option<Value> {
    let digits = text.strip_suffix(['.', '．'])?;
    let v = value(digits, x).filter(|v| v.number.is_some() && !digits.contains('.'))?;
    Some(Value {
        printed: Some(text.to_string()),
        ..v
    })
}

/// A value cell OCR read as Latin letters, with or without digits (`m1`, `I1`, `O`): one
/// or two ASCII letters and digits, one letter at least. No table prints such a value; a
/// longer one (`oil`) may be several cells run together, and ends the values.
fn is_misread(text: &str) -> bool {
    let n = text.chars().count();
    (1..=2).contains(&n)
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_alphabetic())
}

/// A line cut into its label (leading text) and its trailing value cells.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitLine {
    /// The text before the values, whitespace removed.
    pub label: String,
    /// The trailing value cells, left to right.
    pub values: Vec<Value>,
}

/// Splits a line: trailing cells that read as values (a cell of several space-separated
/// values counts as several) are values; the rest is label. An empty cell (only HTML
/// tables give them) is a blank value, in a row that has at least one other value. One
/// cell that OCR misread into Latin letters (`m1` for `111`, `I1` for `11`), among two
/// numbers or more, is an unreadable value, so the row keeps its values and its columns.
pub fn split(line: &Line) -> SplitLine {
    let mut values = Vec::new();
    let mut cut = line.cells.len();
    // The one misread cell allowed: where it is in `values`, and `cut` before it.
    let mut misread: Option<(usize, usize)> = None;
    for (k, cell) in line.cells.iter().enumerate().rev() {
        if cell.text.is_empty() {
            values.push(Value {
                number: None,
                printed: Some(String::new()),
                x: (cell.x0 + cell.x1) / 2.0,
                bbox: line.page_box(cell.x0, cell.x1),
                page: line.page,
            });
            cut -= 1;
            continue;
        }
        let before = k.checked_sub(1).map(|j| line.cells[j].text.as_str());
        let after_value = before
            .and_then(|t| t.split_whitespace().last())
            .is_some_and(|t| value(t, 0.0).is_some());
        match cell_values(line, cell, misread.is_none(), after_value) {
            Some((mut v, used)) if !v.is_empty() => {
                if used {
                    misread = Some((values.len(), cut));
                }
                v.reverse();
                values.extend(v);
                cut -= 1;
            }
            _ => break,
        }
    }
    // A misread cell is a value only among two numbers or more; else the line ends there.
    if let Some((at, before)) = misread
        && values.iter().filter(|v| v.number.is_some()).count() < 2
    {
        values.truncate(at);
        cut = before;
    }
    values.reverse();
    if values
        .iter()
        .all(|v| v.number.is_none() && v.printed.as_deref() == Some(""))
    {
        values.clear();
        cut = line.cells.len();
    }
    let label = line.cells[..cut]
        .iter()
        .map(|c| c.text.as_str())
        .collect::<String>();
    SplitLine {
        label: squeeze(&label),
        values,
    }
}

/// A label or phrase squeezed once, with its character pairs, so that [`prepared_similarity`]
/// can compare many labels with many phrases cheaply.
pub struct Prepared {
    text: String,
    pairs: Vec<(char, char)>,
}

impl Prepared {
    /// A label: every pair of neighbouring characters.
    pub fn label(text: &str) -> Self {
        let text = squeeze(text);
        let chars: Vec<char> = text.chars().collect();
        let pairs = chars.windows(2).map(|w| (w[0], w[1])).collect();
        Prepared { text, pairs }
    }

    /// A phrase: pairs of neighbouring Chinese characters, other characters left out.
    pub fn phrase(text: &str) -> Self {
        let text = squeeze(text);
        let chars: Vec<char> = text.chars().filter(|c| is_cjk(*c)).collect();
        let pairs = chars.windows(2).map(|w| (w[0], w[1])).collect();
        Prepared { text, pairs }
    }
}

/// How well a label matches any of the phrases: 1 for a contained phrase, else the share
/// of the best phrase's character pairs found in the label.
pub fn prepared_similarity(label: &Prepared, phrases: &[Prepared]) -> f32 {
    let mut best = 0.0f32;
    for phrase in phrases {
        if label.text.contains(phrase.text.as_str()) {
            return 1.0;
        }
        if phrase.pairs.is_empty() {
            continue;
        }
        let found = phrase
            .pairs
            .iter()
            .filter(|p| label.pairs.contains(p))
            .count();
        best = best.max(found as f32 / phrase.pairs.len() as f32 * 0.9);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(label: &str, phrases: &[&str]) -> f32 {
        let phrases: Vec<Prepared> = phrases.iter().map(|p| Prepared::phrase(p)).collect();
        prepared_similarity(&Prepared::label(label), &phrases)
    }
    use govreport_document::layout::text_line;

    fn num(text: &str) -> Option<Number> {
        value(text, 0.0).and_then(|v| v.number)
    }

    #[test]
    fn plain_full_width_and_separated_numbers() {
        assert_eq!(num("3119"), Some(3119.into()));
        assert_eq!(num("３１１９"), Some(3119.into()));
        assert_eq!(num("1,234,567"), Some(1234567.into()));
        assert_eq!(num("7730.28"), number("7730.28"));
        assert_eq!(num("-8"), Some((-8).into()));
        assert_eq!(num("减4"), Some((-4).into()));
        assert_eq!(num("+1036"), Some(1036.into()));
    }

    #[test]
    fn non_plain_cells_keep_their_printed_text() {
        assert_eq!(
            value("/", 0.0).unwrap(),
            Value {
                number: None,
                printed: Some("/".into()),
                x: 0.0,
                bbox: None,
                page: None,
            }
        );
        assert_eq!(value("—", 0.0).unwrap().number, None);
        assert_eq!(value("无", 0.0).unwrap().number, None);
        assert_eq!(
            value("251000元", 0.0).unwrap().printed.as_deref(),
            Some("251000元")
        );
        assert_eq!(
            value("1,234", 0.0).unwrap().printed.as_deref(),
            Some("1,234")
        );
        assert_eq!(value("0", 0.0).unwrap().printed, None);
    }

    #[test]
    fn labels_are_not_values() {
        assert!(value("1.属于国家秘密", 0.0).is_none());
        assert!(value("5以公开", 0.0).is_none());
        assert!(value("1.", 0.0).is_none());
    }

    #[test]
    fn a_line_splits_into_label_and_values() {
        let s = split(&text_line(
            "一、本年新收政府信息公开申请数量\t\t\t\t0\t0\t0\t0\t0\t1\t\t",
            0,
        ));
        assert_eq!(s.label, "一、本年新收政府信息公开申请数量");
        assert_eq!(s.values.len(), 6);
        let s = split(&text_line("行政规范性文件  10 10 10", 0));
        assert_eq!(s.values.len(), 3);
    }

    #[test]
    fn a_number_with_a_speck_read_as_a_full_stop_is_a_value_but_a_list_number_is_not() {
        let s = split(&text_line(
            "二、上年结转政府信息公开申请数量  151  6  0  1  3.  1  162.",
            0,
        ));
        assert_eq!(s.label, "二、上年结转政府信息公开申请数量");
        let got: Vec<Option<Number>> = s.values.iter().map(|v| v.number.clone()).collect();
        let want = [151, 6, 0, 1, 3, 1, 162].map(|n| Some(Number::from(n)));
        assert_eq!(got, want);
        assert_eq!(s.values[6].printed.as_deref(), Some("162."));
        let s = split(&text_line("3.  12  4", 0));
        assert_eq!((s.label.as_str(), s.values.len()), ("3.", 2));
        // A list number after a label's text (a group label on the same line) is no value.
        let s = split(&text_line("（六）其他处理  1.  10  1  0  0  0  11", 0));
        assert_eq!((s.label.as_str(), s.values.len()), ("（六）其他处理1.", 6));
        let s = split(&text_line("合计  7.5.", 0));
        assert_eq!(s.values.len(), 0);
    }

    #[test]
    fn one_cell_misread_into_letters_among_numbers_is_an_unreadable_value() {
        let s = split(&text_line(
            "1.本机关不掌握相关政府  106  2  0  1  2  0  m1",
            0,
        ));
        assert_eq!(s.label, "1.本机关不掌握相关政府");
        assert_eq!(s.values.len(), 7);
        assert!(s.values[6].unreadable());
        let s = split(&text_line("（七）总计  386  I1  1  3  11  2  414", 0));
        assert_eq!(s.label, "（七）总计");
        assert_eq!(s.values.len(), 7);
        assert!(s.values[1].unreadable());
        // Alone, or a second one: the line's values end there.
        let s = split(&text_line("附件  A1", 0));
        assert_eq!((s.label.as_str(), s.values.len()), ("附件A1", 0));
        let s = split(&text_line("行政许可  3  m1  O  5  6", 0));
        assert_eq!(s.values.len(), 3);
        let s = split(&text_line("投诉类申请  1  oil  0  1  0  7", 0));
        assert_eq!(s.values.len(), 4);
        let s = split(&text_line("项目  PDF  12", 0));
        assert_eq!(s.values.len(), 1);
        let s = split(&text_line("1.本机关不掌握相关政府  106 2 0 1 2 0 m1", 0));
        assert_eq!(s.values.len(), 7);
        assert!(s.values[6].unreadable());
    }

    #[test]
    fn values_of_a_page_line_carry_their_page_and_box() {
        use govreport_document::layout::{Cell, Frame};
        let cell = |x0: f32, x1: f32, text: &str| Cell {
            x0,
            x1,
            text: text.into(),
        };
        let line = Line {
            page: Some(3),
            y: 100.0,
            size: 10.0,
            cells: vec![cell(10.0, 80.0, "予以公开"), cell(100.0, 140.0, "12 7")],
            frame: Some(Frame {
                dir: 0,
                width: 595.0,
                height: 842.0,
                turn: 0,
            }),
        };
        let s = split(&line);
        assert_eq!(s.values.len(), 2);
        assert_eq!(s.values[1].page, Some(3));
        assert_eq!(s.values[1].bbox, Some([120.0, 90.0, 140.0, 102.0]));
        let text = split(&text_line("予以公开\t12", 0));
        assert_eq!((text.values[0].page, text.values[0].bbox), (None, None));
    }

    #[test]
    fn similarity_tolerates_misprints() {
        assert_eq!(
            similarity("2.其他法律行政法规禁止公开", &["其他法律行政法规禁止公开"]),
            1.0
        );
        assert!(similarity("2.其他法律行政止公开", &["其他法律行政法规禁止公开"]) > 0.5);
        assert!(similarity("5.5NKKA/IIIKK", &["要求提供公开出版物"]) < 0.1);
    }
}
