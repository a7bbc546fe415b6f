//! One table cell's value from its two readings, the page-level words inside it and the
//! cell read alone: agreed, a doubt for the consistency rules to settle, or a mark that
//! ink is there which neither reading made anything of.

use super::cells::{self, Reading};
use super::crop::{self, Crop, PixelBox};
use super::page::OcrWord;
use super::tsv;
use govreport_document::layout::UNREADABLE;

/// Below this confidence a reading nothing else confirms is a doubt.
const LOW_CONF: f32 = 80.0;

/// What a cell that says "not applicable" or "none" is printed with, as OCR reads it.
pub const MARKS: &str = "—–-－/／一_~～";

/// A word in image pixels, before it is placed on the page.
pub struct PixelWord {
    /// The text.
    pub text: String,
    /// Its box in page-image pixels.
    pub bbox: PixelBox,
    /// Its baseline (pixel row).
    pub baseline: f32,
    /// Its size (pixels).
    pub size: f32,
    /// The first reading, when the rules or a second look replaced it.
    pub first: Option<String>,
    /// Other readings the rules may choose instead.
    pub alternatives: Vec<String>,
}

impl PixelWord {
    /// The word in page space, through `to_page` (pixels to points).
    pub fn to_page(&self, to_page: &dyn Fn(f32, f32) -> (f32, f32)) -> OcrWord {
        let (x0, y0) = to_page(self.bbox[0], self.bbox[1]);
        let (x1, y1) = to_page(self.bbox[2], self.bbox[3]);
        let (_, baseline) = to_page(0.0, self.baseline);
        let (_, zero) = to_page(0.0, 0.0);
        let (_, size) = to_page(0.0, self.size);
        OcrWord {
            text: self.text.clone(),
            bbox: [x0, y0, x1, y1],
            baseline,
            size: size - zero,
            first: self.first.clone(),
            alternatives: self.alternatives.clone(),
        }
    }
}

/// The value of one table cell from its page-level words and its own reading: a doubt
/// (alternatives for the rules to choose from) when they disagree or confidence is low.
/// Where they disagree, the page-level reading is taken when `page_first` (PP-OCR's page
/// reading, which sees each number with its neighbours), else the cell's (tesseract's page
/// reading runs a row's numbers together; its cell reading does not).
pub fn decide(page: &[&tsv::Word], cell: &Reading, page_first: bool) -> Option<PixelWord> {
    let p: String = page.iter().map(|w| w.text.as_str()).collect();
    let pconf = page.iter().map(|w| w.conf).fold(100.0, f32::min);
    let pbox = page.iter().map(|w| w.bbox).reduce(crop::union);
    let (text, bbox, first, mut alts) = match (pbox, cell.bbox) {
        (None, None) => return None,
        (Some(pb), None) => page_only(&p, pb)?,
        (Some(_), Some(cb)) => both(&p, pconf, cell, cb, page_first),
        // Nothing legible on the page: the cell's own reading.
        (None, Some(cb)) => cell_only(cell, cb),
    };
    alts.retain(|a| *a != text && is_number(a));
    alts.dedup();
    let h = bbox[3] - bbox[1];
    Some(PixelWord {
        first: first.filter(|f| *f != text),
        text,
        bbox,
        baseline: bbox[3],
        size: h / 0.72,
        alternatives: alts,
    })
}

/// A cell's value: its text, box, first reading (when another was taken) and the
/// alternatives the rules may choose instead.
type Choice = (String, PixelBox, Option<String>, Vec<String>);

/// The value when only the page-level reading `p` (box `pb`) says something.
fn page_only(p: &str, pb: PixelBox) -> Option<Choice> {
    let digits = strip_strokes(p);
    Some(if is_mark(p) {
        // A printed mark (—, /) stays as read.
        (as_mark(p), pb, None, Vec::new())
    } else if is_number(p) {
        // Digits the cell could not confirm are a doubt.
        (p.to_string(), pb, None, confusions(p, 0.0))
    } else if is_number(digits) {
        // Digits with a rule's remnant or a bracket read beside them (`|34`): the digits,
        // as a doubt.
        (
            digits.to_string(),
            pb,
            Some(p.to_string()),
            confusions(digits, 0.0),
        )
    } else if p.chars().any(govreport_document::layout::is_cjk) || p == "N/A" {
        // Anything else with a Chinese character (无, a digit read as 区) is kept as read.
        (p.to_string(), pb, None, Vec::new())
    } else {
        // Latin debris read across cells (`olo|l|1|l1l`) is no reading; the cell's ink is
        // then marked unreadable.
        return None;
    })
}

/// The value when the page-level reading `p` (lowest confidence `pconf`) and the cell's
/// own reading (box `cb`) both say something.
fn both(p: &str, pconf: f32, cell: &Reading, cb: PixelBox, page_first: bool) -> Choice {
    let sure = pconf.max(cell.conf) >= LOW_CONF;
    if is_mark(p) {
        // A mark on the page, digits in the cell (`-3` read on the page as a bare `-`).
        (
            cell.text.clone(),
            cb,
            Some(p.to_string()),
            confusions(&cell.text, cell.conf),
        )
    } else if p == cell.text && sure {
        (p.to_string(), cb, None, Vec::new())
    } else if cell.signed && cell.text.strip_prefix('-') == Some(p) && sure {
        // The same digits, and a minus sign the page-level reading dropped.
        (cell.text.clone(), cb, None, Vec::new())
    } else if is_number(p) && page_first {
        let mut alts = vec![cell.text.clone()];
        alts.extend(cells::alternatives(p));
        (p.to_string(), cb, Some(cell.text.clone()), alts)
    } else if is_number(p) {
        let mut alts = vec![p.to_string()];
        alts.extend(cells::alternatives(&cell.text));
        (cell.text.clone(), cb, Some(p.to_string()), alts)
    } else {
        cell_only(cell, cb)
    }
}

/// The cell's own reading, a doubt when its confidence is low.
fn cell_only(cell: &Reading, cb: PixelBox) -> Choice {
    (
        cell.text.clone(),
        cb,
        None,
        confusions(&cell.text, cell.conf),
    )
}

/// Marks each cell that holds a glyph's worth of ink no reading made anything of (or only
/// a lone Chinese character, see [`misread_digit`]) as [`UNREADABLE`] where it sits among
/// numbers, not labels: in a column of three numbers
/// at least (a label's list number read as a digit makes one or two; 表二's rows hold one
/// value each), or between numbers on both sides in its row (表四's one row of values). The
/// table then knows a value is printed there (the rules may give it) instead of taking the
/// cell for blank, and the row's other values keep their columns.
pub fn mark_unreadable(decided: &mut [Option<PixelWord>], boxes: &[PixelBox], crops: &[Crop]) {
    let numbers: Vec<PixelBox> = decided
        .iter()
        .zip(boxes)
        // A label's list number (`3.`) is no value.
        .filter(|(w, _)| {
            w.as_ref()
                .is_some_and(|w| is_number(&w.text) && !w.text.ends_with('.'))
        })
        .map(|(_, b)| *b)
        .collect();
    for ((word, b), crop) in decided.iter_mut().zip(boxes).zip(crops) {
        let misread = word.as_ref().is_some_and(|w| misread_digit(&w.text));
        let Some(ink) = crop.glyph_box().filter(|_| word.is_none() || misread) else {
            continue;
        };
        if among_numbers(b, &numbers, misread) {
            let (ox, oy) = (crop.origin[0] as f32, crop.origin[1] as f32);
            let bbox = [ink[0] + ox, ink[1] + oy, ink[2] + ox, ink[3] + oy];
            *word = Some(PixelWord {
                text: UNREADABLE.into(),
                bbox,
                baseline: bbox[3],
                size: (bbox[3] - bbox[1]) / 0.72,
                first: None,
                alternatives: Vec::new(),
            });
        }
    }
}

/// A Chinese character read where the cell's own reading found no digit (`区` for a
/// blurred `1`): in a column or row of numbers it is a number no reading made out. `无`
/// (none) is printed in value cells and stays.
fn misread_digit(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if govreport_document::layout::is_cjk(c) && c != '无')
}

/// Whether cell `b` lies where a value would: see [`mark_unreadable`]. With `same_width`,
/// the numbers of its column must be in cells as wide as it (a wide label cell over a
/// table's value columns is no value cell).
fn among_numbers(b: &PixelBox, numbers: &[PixelBox], same_width: bool) -> bool {
    let overlaps = |lo: usize, hi: usize, o: &PixelBox, wide: bool| {
        let overlap = o[hi].min(b[hi]) - o[lo].max(b[lo]);
        let (mine, its) = (b[hi] - b[lo], o[hi] - o[lo]);
        o != b && overlap > 0.5 * if wide { mine.max(its) } else { mine.min(its) }
    };
    let row: Vec<&PixelBox> = numbers
        .iter()
        .filter(|o| overlaps(1, 3, o, false))
        .collect();
    let column = numbers
        .iter()
        .filter(|o| overlaps(0, 2, o, same_width))
        .count();
    let left = row.iter().any(|o| o[2] <= b[0]);
    let right = row.iter().any(|o| o[0] >= b[2]);
    column >= 3 || (left && right)
}

/// A number: digits, a decimal point, a leading minus (表二's 增/减 column).
pub(crate) fn is_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    body.chars().any(|c| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// `s` without the strokes OCR reads from a rule or a bracket next to a number.
fn strip_strokes(s: &str) -> &str {
    s.trim_matches(|c: char| "|[](){}!'\"‘’“”:;,_".contains(c) || c.is_whitespace())
}

/// The mark OCR read as `s` (一, _, ~ for a dash): `/` or `—`, as tables print them.
pub fn as_mark(s: &str) -> String {
    if s.contains(['/', '／']) { "/" } else { "—" }.to_string()
}

/// A printed "none" or "not applicable" mark (—, /).
pub fn is_mark(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| MARKS.contains(c))
}

/// The alternatives of a reading no second reading confirmed, when its confidence is low.
fn confusions(text: &str, conf: f32) -> Vec<String> {
    if conf < LOW_CONF {
        cells::alternatives(text)
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::image::Gray;

    fn word(text: &str, conf: f32) -> tsv::Word {
        tsv::Word {
            text: text.into(),
            bbox: [10.0, 10.0, 30.0, 30.0],
            conf,
            line: (1, 1, 1),
            page: 1,
        }
    }

    fn reading(text: &str, conf: f32) -> Reading {
        Reading {
            text: text.into(),
            conf,
            bbox: (!text.is_empty()).then_some([10.0, 10.0, 30.0, 30.0]),
            signed: false,
        }
    }

    #[test]
    fn two_readings_that_agree_leave_no_doubt_and_a_disagreement_is_one() {
        let agreed = decide(&[&word("34", 95.0)], &reading("34", 90.0), false).unwrap();
        assert_eq!((agreed.text.as_str(), agreed.alternatives.len()), ("34", 0));
        let differ = decide(&[&word("2", 95.0)], &reading("12", 90.0), false).unwrap();
        assert_eq!(differ.text, "12");
        assert_eq!(differ.first.as_deref(), Some("2"));
        assert!(differ.alternatives.contains(&"2".to_string()));
        let pp = decide(&[&word("14", 99.0)], &reading("104", 90.0), true).unwrap();
        assert_eq!((pp.text.as_str(), pp.first.as_deref()), ("14", Some("104")));
        assert!(pp.alternatives.contains(&"104".to_string()));
    }

    #[test]
    fn digits_read_with_a_rule_remnant_are_the_digits_as_a_doubt() {
        let w = decide(&[&word("|34", 60.0)], &reading("", 0.0), false).unwrap();
        assert_eq!(w.text, "34");
        assert_eq!(w.first.as_deref(), Some("|34"));
        assert!(!w.alternatives.is_empty());
        assert_eq!(strip_strokes("[12)"), "12");
        assert_eq!(strip_strokes("l1"), "l1"); // a letter may be a misread digit: kept
    }

    #[test]
    fn a_dash_read_as_a_chinese_one_is_a_dash() {
        let w = decide(&[&word("一", 90.0)], &reading("", 0.0), false).unwrap();
        assert_eq!(w.text, "—");
        let w = decide(&[&word("／", 90.0)], &reading("", 0.0), false).unwrap();
        assert_eq!(w.text, "/");
    }

    /// A cell crop 60×40 at `origin`, with a digit-sized stroke when `digit`, else a speck.
    fn crop(digit: bool, origin: [usize; 2]) -> Crop {
        let mut image = Gray::white(60, 40);
        let rows = if digit { 8..32 } else { 20..22 };
        for y in rows {
            image.pixels[y * 60 + 28..y * 60 + 32].fill(0);
        }
        Crop { image, origin }
    }

    #[test]
    fn ink_no_reading_made_anything_of_is_marked_only_in_a_column_of_numbers() {
        let number = || decide(&[&word("5", 95.0)], &reading("5", 95.0), false);
        // Row 0: an inked label cell, an inked cell, a speck; rows 1–3: numbers under the
        // inked cell (表二: one value a row); row 4: an inked cell under the label.
        let at = |x: f32, y: f32| [x, y, x + 60.0, y + 40.0];
        let boxes = [
            at(0.0, 0.0),
            at(60.0, 0.0),
            at(120.0, 0.0),
            at(60.0, 50.0),
            at(60.0, 100.0),
            at(60.0, 150.0),
            at(0.0, 200.0),
        ];
        let crops = [
            crop(true, [0, 0]),
            crop(true, [60, 0]),
            crop(false, [120, 0]),
            crop(true, [60, 50]),
            crop(true, [60, 100]),
            crop(true, [60, 150]),
            crop(true, [0, 200]),
        ];
        let mut decided = vec![None, None, None, number(), number(), number(), None];
        mark_unreadable(&mut decided, &boxes, &crops);
        let texts: Vec<Option<&str>> = decided
            .iter()
            .map(|w| w.as_ref().map(|w| w.text.as_str()))
            .collect();
        // the inked cell over a column of numbers is marked; the labels and a speck are not
        assert_eq!(texts[..3], [None, Some(UNREADABLE), None]);
        assert_eq!(texts[6], None);
    }

    #[test]
    fn a_lone_chinese_character_among_numbers_is_unreadable_but_not_in_a_wide_label_cell() {
        let number = |t: &str| decide(&[&word(t, 95.0)], &reading(t, 95.0), false);
        let cjk = || decide(&[&word("区", 80.0)], &reading("", 0.0), false);
        // A column of value cells 60 wide; the top one read as 区; a label cell 240 wide
        // (its 计 alone in a cell) over the same columns; list numbers (1. 2. 3.) are no values.
        let boxes = [
            [60.0, 0.0, 120.0, 40.0],
            [60.0, 50.0, 120.0, 90.0],
            [60.0, 100.0, 120.0, 140.0],
            [60.0, 150.0, 120.0, 190.0],
            [0.0, 200.0, 240.0, 240.0],
            [0.0, 250.0, 60.0, 290.0],
            [0.0, 300.0, 60.0, 340.0],
            [0.0, 350.0, 60.0, 390.0],
            [0.0, 400.0, 60.0, 440.0],
        ];
        let crops: Vec<Crop> = boxes
            .iter()
            .map(|b| crop(true, [b[0] as usize, b[1] as usize]))
            .collect();
        let mut decided = vec![
            cjk(),
            number("1"),
            number("2"),
            number("3"),
            cjk(),
            number("1."),
            number("2."),
            number("3."),
            None,
        ];
        mark_unreadable(&mut decided, &boxes, &crops);
        let texts: Vec<&str> = decided.iter().flatten().map(|w| w.text.as_str()).collect();
        // The unread ink under three list numbers is a label's, not a lost value.
        assert_eq!(texts, [UNREADABLE, "1", "2", "3", "区", "1.", "2.", "3."]);
        assert!(!misread_digit("无") && !misread_digit("区域") && misread_digit("区"));
    }

    #[test]
    fn ink_between_numbers_in_a_row_is_marked_and_a_label_before_them_is_not() {
        let number = || decide(&[&word("1", 95.0)], &reading("1", 95.0), false);
        // One row (表四): an unread label cell, a number, an inked cell, a number.
        let boxes: Vec<PixelBox> = (0..4)
            .map(|i| [i as f32 * 60.0, 0.0, i as f32 * 60.0 + 60.0, 40.0])
            .collect();
        let crops: Vec<Crop> = (0..4).map(|i| crop(true, [i * 60, 0])).collect();
        let mut decided = vec![None, number(), None, number()];
        mark_unreadable(&mut decided, &boxes, &crops);
        let texts: Vec<Option<&str>> = decided
            .iter()
            .map(|w| w.as_ref().map(|w| w.text.as_str()))
            .collect();
        assert_eq!(texts, [None, Some("1"), Some(UNREADABLE), Some("1")]);
    }
}
