//! Numbers the page-level reading found outside any cell the rules enclose (tables without
//! column rules, a value beside its label): each read a second time from its own crop, in
//! black and white, so that no number is trusted on one reading. Where the two differ, the
//! word carries the other reading as a doubt for the consistency rules.

use std::time::Instant;

use super::cells;
use super::crop;
use super::image::Gray;
use super::page::OcrWord;
use super::ppocr::{self, PpError};
use super::tsv;

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
        .filter(|&i| is_number(&labels[i].text))
        .collect();
    let boxes: Vec<crop::PixelBox> = numbers.iter().map(|&i| labels[i].bbox).collect();
    let crops = crop::cut(img, &boxes, 0.0);
    let readings = pp.read_cells(&crops.iter().collect::<Vec<_>>(), deadline)?;
    for (&i, second) in numbers.iter().zip(readings) {
        let word = &mut placed[i];
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

/// Digits, with a decimal point or a leading minus.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    body.chars().any(|c| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == '.')
}
