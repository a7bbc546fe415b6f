//! The body's name on a scan PP-OCR read, read a second time by tesseract on the lines
//! that name it: a misreading PP-OCR makes the same way in every place (`石门镇` read
//! `石内镇` in the title, the opening sentence and the seal line alike), which weighing the
//! places against each other cannot catch, is then named.

use std::time::Instant;

use govreport_document::layout::Line;
use govreport_document::squeeze;
use govreport_model::codes::WarningCode;
use govreport_model::record::{Record, Warning};
use govreport_parse::names::{self, Vote};
use govreport_read::ocr::confirm::{self, Target};
use govreport_read::ocr::render::dpi_for;

/// Most lines read again.
const LINES: usize = 6;

/// Reads again, with tesseract, the lines of the pages OCR read that name the record's
/// agency (within one character); when most of them spell it otherwise (by the rule of
/// [`names::vote`]), a warning `ocr_name_uncertain` gives both spellings. Nothing changes
/// when tesseract cannot read.
pub fn second_reading(record: &mut Record, lines: &[Line], bytes: &[u8], deadline: Instant) {
    let Some(agency) = record.report.agency.clone() else {
        return;
    };
    let read = record.source.ocr.as_ref().map(|o| o.pages.clone());
    let targets = targets(&agency, lines, &read.unwrap_or_default());
    if targets.len() < 2 {
        return;
    }
    let Ok(texts) = confirm::lines(bytes, &targets, deadline) else {
        return;
    };
    if let Some(other) = differing(&agency, &texts) {
        let message = format!(
            "PP-OCR reads the body's name as {agency}; tesseract, reading the lines that name it again, reads {} ({}): check the title",
            other.described(),
            other.name
        );
        let warning = Warning::new(WarningCode::OcrNameUncertain, message);
        record.warnings.push(warning);
    }
}

/// How tesseract's readings spell the name, when most of them spell a character of it
/// otherwise: each line may misread a character more than PP-OCR's places may (tesseract
/// misreads rare characters of place names each its own way), for names of eight
/// characters or more.
fn differing(agency: &str, texts: &[String]) -> Option<Vote> {
    names::vote(agency, &texts.join("|"), apart(agency)).filter(|v| v.name != agency)
}

/// How many characters a line may spell otherwise and still name `agency`.
fn apart(agency: &str) -> usize {
    match agency.chars().count() >= 8 {
        true => 2,
        false => 1,
    }
}

/// The lines that name `agency` within one character on the first page of those in `read`
/// that has any (the title, the opening sentence: one page to render again), as boxes in
/// pixels of its page image (the first [`LINES`]).
fn targets(agency: &str, lines: &[Line], read: &[u32]) -> Vec<Target> {
    let naming: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page.is_some_and(|p| read.contains(&p)))
        .filter(|l| names::named_in(agency, &squeeze(&l.text()), 1))
        .collect();
    let first = naming.first().and_then(|l| l.page);
    naming
        .into_iter()
        .filter(|l| l.page == first)
        .filter_map(|l| {
            let (first, last) = (l.cells.first()?, l.cells.last()?);
            let frame = l.frame?;
            let size = (frame.width, frame.height);
            let dpi = dpi_for(size)? as f32;
            let bbox = l.page_box(first.x0, last.x1)?.map(|v| v * dpi / 72.0);
            Some(Target {
                page: l.page?,
                size,
                bbox,
                clip: None,
                turn: frame.turn,
            })
        })
        .take(LINES)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::{Cell, Frame};

    fn line(page: u32, y: f32, text: &str) -> Line {
        Line {
            page: Some(page),
            y,
            size: 12.0,
            cells: vec![Cell {
                x0: 72.0,
                x1: 300.0,
                text: text.into(),
            }],
            frame: Some(Frame {
                dir: 0,
                width: 595.0,
                height: 842.0,
                turn: 0,
            }),
        }
    }

    #[test]
    fn the_lines_read_again_are_those_naming_the_body_on_the_first_page_that_does() {
        let lines = [
            line(
                1,
                100.0,
                "2021年鹤川县石内镇人民政府政府信息公开工作年度报告",
            ),
            line(1, 130.0, "本报告由鹤川县石内镇人民政府党政办公室编制"),
            line(1, 160.0, "一、总体情况"),
            line(2, 100.0, "鹤川县石内镇人民政府"),
        ];
        let got = targets("鹤川县石内镇人民政府", &lines, &[1, 2]);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|t| t.page == 1 && t.turn == 0));
        // Points to pixels at 300 dpi: x 72 → 300, the baseline 100 less a glyph → 366.7.
        assert_eq!(got[0].bbox[0], 300.0);
        assert!((got[0].bbox[1] - 366.7).abs() < 0.1, "{:?}", got[0].bbox);
        assert!(targets("鹤川县石内镇人民政府", &lines, &[2]).len() == 1);
        assert!(targets("鹤川县石内镇人民政府", &lines, &[]).is_empty());
    }

    #[test]
    fn a_name_tesseract_spells_otherwise_in_most_lines_is_named() {
        let texts = [
            "2021年鹤川县石门镇人民政府政府信息公开工作年度报告",
            "本报告由鹤川县石门镇人民政府党政办公室根据",
            "请与准川县石门镇人民政府党",
            "鹤川县石和镇人民政府党政办公室",
        ]
        .map(String::from);
        let got = differing("鹤川县石内镇人民政府", &texts).unwrap();
        assert_eq!(got.name, "鹤川县石门镇人民政府");
        assert_eq!(got.described(), "门 for 内 (3 of 4)");
        assert_eq!(differing("鹤川县石门镇人民政府", &texts), None);
    }
}
