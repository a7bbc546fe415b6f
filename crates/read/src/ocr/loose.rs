//! Numbers the page-level reading found outside any cell the rules enclose (tables without
//! column rules, a value beside its label): each read a second time from its own crop, in
//! black and white, so that no number is trusted on one reading. Where the two differ, the
//! word carries the other reading as a doubt for the consistency rules. A letter read
//! where a row of numbers has a digit (`O`, `a`, `à` for `0`) is read again the same way
//! and becomes the digits read, or a cell no reading made out; a `1` whose ink leans is
//! the mark `/`.

use std::time::Instant;

use super::cells;
use super::crop;
use super::decide::is_number;
use super::image::Gray;
use super::page::OcrWord;
use super::ppocr::{self, PpError};
use super::tsv;
use govreport_document::layout::UNREADABLE;

/// Reads again each word of `labels` that is a number and marks a disagreement on the
/// matching word of `placed` (the same words, placed on the page, in the same order).
pub fn second_reading(
    pp: &ppocr::Engine,
    img: &Gray,
    labels: &[tsv::Word],
    placed: &mut [OcrWord],
    deadline: Instant,
) -> Result<(), PpError> {
    let numbers: Vec<usize> = (0..labels.len())
        .filter(|&i| is_number(&labels[i].text) || misread_in_row(labels, i))
        .collect();
    let boxes: Vec<crop::PixelBox> = numbers.iter().map(|&i| labels[i].bbox).collect();
    let crops = crop::cut(img, &boxes, 0.0);
    let readings = pp.read_cells(&crops.iter().collect::<Vec<_>>(), deadline)?;
    for ((&i, second), crop) in numbers.iter().zip(readings).zip(&crops) {
        let word = &mut placed[i];
        if slash_read_as_one(word, crop) {
            continue;
        }
        if misread_in_row(labels, i) {
            settle_letter(word, &second.text);
            continue;
        }
        if second.text == word.text {
            continue;
        }
        if is_number(&second.text) {
            word.alternatives.push(second.text.clone());
        }
        word.alternatives.extend(cells::alternatives(&word.text));
        word.alternatives.retain(|a| *a != labels[i].text);
        word.alternatives.dedup();
    }
    Ok(())
}

/// Whether `word` is a `1` whose ink leans like `/` (the "not applicable" mark, which both
/// readings often take for `1`; see `Crop::leans`); if so it becomes the mark, with `1`
/// kept as the first reading and the one the rules may choose instead.
fn slash_read_as_one(word: &mut OcrWord, crop: &crop::Crop) -> bool {
    let slash = word.text == "1" && crop.leans();
    if slash {
        word.first = Some(std::mem::replace(&mut word.text, "/".into()));
        word.alternatives = vec!["1".into()];
    }
    slash
}

/// Letters OCR reads for a printed `0` (or a blurred digit) in a row of numbers.
const DIGIT_LOOKALIKES: &str = "OoDQaàáâã°〇○";

/// Whether word `i` stands on a line with two other numbers or more and is a letter read
/// for a digit, or digits with a speck read before or after them (`.0`, `∴0`, and `14.`
/// right of a number: a label's list number `3.` comes first on its line).
fn misread_in_row(words: &[tsv::Word], i: usize) -> bool {
    let w = &words[i];
    let mut chars = w.text.chars();
    let lookalike =
        matches!((chars.next(), chars.next()), (Some(c), None) if DIGIT_LOOKALIKES.contains(c));
    let numbers: Vec<&tsv::Word> = words
        .iter()
        .enumerate()
        .filter(|&(j, o)| j != i && o.page == w.page && o.line == w.line && is_number(&o.text))
        .map(|(_, o)| o)
        .collect();
    numbers.len() >= 2 && (lookalike || dotted(w, &numbers))
}

/// Specks OCR reads as punctuation beside a number (`.0`, `∴0`, `·3`).
const SPECKS: &[char] = &[
    '.', '·', '∴', '∵', ',', '\'', '`', '"', ':', ';', '、', '。', '，',
];

/// Whether `w` is digits with specks read before them, or after them right of another
/// number (a label's list number `3.` or `3、` comes first on its line).
fn dotted(w: &tsv::Word, numbers: &[&tsv::Word]) -> bool {
    let bare = w.text.trim_matches(SPECKS);
    bare.len() < w.text.len()
        && !bare.is_empty()
        && bare.chars().all(|c| c.is_ascii_digit())
        && (!w.text.starts_with(|c: char| c.is_ascii_digit())
            || numbers.iter().any(|o| o.bbox[2] <= w.bbox[0]))
}

/// A letter or stray point read where digits are printed, given the second reading: the
/// digits read again (a doubt, with their confusions for the rules), else the digits the
/// first reading had around its points, else a cell no reading made out.
fn settle_letter(word: &mut OcrWord, second: &str) {
    let first = std::mem::take(&mut word.text);
    let again = second.trim_matches(SPECKS);
    let bare = first.trim_matches(SPECKS);
    word.text = if is_number(again) {
        again.to_string()
    } else if is_number(bare) {
        bare.to_string()
    } else {
        UNREADABLE.to_string()
    };
    word.alternatives = cells::alternatives(&word.text);
    word.first = Some(first);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, line: u32) -> tsv::Word {
        tsv::Word {
            text: text.into(),
            bbox: [0.0, 0.0, 10.0, 10.0],
            conf: 90.0,
            line: (1, 1, line),
            page: 1,
        }
    }

    fn placed(text: &str) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox: [0.0, 0.0, 10.0, 10.0],
            baseline: 10.0,
            size: 10.0,
            first: None,
            alternatives: Vec::new(),
        }
    }

    /// A crop of one 4-pixel stroke from column `top` (row 10) to column `bottom` (row 50).
    fn stroke(top: usize, bottom: usize) -> crop::Crop {
        let mut image = Gray::white(40, 60);
        for y in 10..=50 {
            let x = top as f32 + (bottom as f32 - top as f32) * (y - 10) as f32 / 40.0;
            let x = x.round() as usize;
            image.pixels[y * 40 + x..y * 40 + x + 4].fill(0);
        }
        crop::Crop {
            image,
            origin: [0, 0],
        }
    }

    #[test]
    fn a_loose_one_that_leans_is_the_slash_mark_with_one_for_the_rules() {
        let mut word = placed("1");
        assert!(slash_read_as_one(&mut word, &stroke(24, 14)));
        assert_eq!(word.text, "/");
        assert_eq!(word.first.as_deref(), Some("1"));
        assert_eq!(word.alternatives, ["1"]);
        for (text, top) in [("1", 18), ("7", 24)] {
            let mut word = placed(text);
            assert!(!slash_read_as_one(&mut word, &stroke(top, 18)));
            assert_eq!(word.text, text);
        }
    }

    #[test]
    fn a_letter_among_numbers_is_read_again_but_not_in_text() {
        let words = [
            word("116", 1),
            word("O", 1),
            word("137", 1),
            word("a", 2),
            word("项", 2),
            word("3", 2),
            word("Oo", 1),
        ];
        let read: Vec<bool> = (0..words.len())
            .map(|i| misread_in_row(&words, i))
            .collect();
        assert_eq!(read, [false, true, false, false, false, false, false]);
    }

    #[test]
    fn a_letter_read_again_as_digits_is_a_doubt_else_unreadable() {
        let mut w = placed("O");
        settle_letter(&mut w, "0");
        assert_eq!((w.text.as_str(), w.first.as_deref()), ("0", Some("O")));
        assert!(
            !w.alternatives.is_empty(),
            "0 may be 6, 8 or 9: the rules choose"
        );
        let mut w = placed("à");
        settle_letter(&mut w, "");
        assert_eq!(
            (w.text.as_str(), w.first.as_deref()),
            (UNREADABLE, Some("à"))
        );
    }
}
