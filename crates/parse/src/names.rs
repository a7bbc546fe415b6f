//! Names read by OCR weighed against the other places they appear: a scan's title may
//! misread one character of the body's name (`准安市` for `淮安市`) that the opening
//! sentence, the headers and the seal line spell right.

use govreport_document::layout::Line;
use govreport_document::squeeze_all;
use govreport_model::codes::WarningCode;
use govreport_model::record::{Record, Warning};

/// Characters that tell apart kinds of body, not misreadings: a report of `淮安区` that
/// names its city `淮安市` more often keeps its own name.
const KINDS: &str = "省市县区州盟旗镇乡街道村局委办厅处科室院所站队部会署";

/// Shortest name weighed (shorter runs match by chance).
const SHORTEST: usize = 4;

/// How the text spells a name read once.
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    /// The name as most places spell it, character by character.
    pub name: String,
    /// How many places spell it closely enough to count (the first reading's among them,
    /// when it is in the text).
    pub places: usize,
    /// The characters changed, in order.
    pub changes: Vec<Change>,
}

/// One character of a name most places spell otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// As first read.
    pub from: char,
    /// As most places spell it.
    pub to: char,
    /// How many places spell it so.
    pub votes: usize,
}

impl Vote {
    /// The changes as `淮 for 准, 门 for 内`.
    pub fn described(&self) -> String {
        let each: Vec<String> = self
            .changes
            .iter()
            .map(|c| format!("{} for {} ({} of {})", c.to, c.from, c.votes, self.places))
            .collect();
        each.join(", ")
    }
}

/// `name` as the places in `text` that spell it within `apart` characters spell it: each
/// character the one most of them give, when over half of them and at least two give it,
/// and it and the first reading's are not both characters that tell kinds of body apart
/// (see [`KINDS`]). None when the name is short or fewer than two places spell it.
pub fn vote(name: &str, text: &str, apart: usize) -> Option<Vote> {
    let want: Vec<char> = name.chars().collect();
    let text: Vec<char> = text.chars().collect();
    if want.len() < SHORTEST {
        return None;
    }
    let places = places(&want, &text, apart);
    if places.len() < 2 {
        return None;
    }
    let mut changes = Vec::new();
    let chosen: String = (0..want.len())
        .map(|i| {
            let (to, votes) = choose(want[i], places.iter().map(|w| w[i]), places.len());
            if to != want[i] {
                changes.push(Change {
                    from: want[i],
                    to,
                    votes,
                });
            }
            to
        })
        .collect();
    Some(Vote {
        name: chosen,
        places: places.len(),
        changes,
    })
}

/// Whether `text` names `name` somewhere, within `apart` characters.
pub fn named_in(name: &str, text: &str, apart: usize) -> bool {
    let want: Vec<char> = name.chars().collect();
    let text: Vec<char> = text.chars().collect();
    !places(&want, &text, apart).is_empty()
}

/// The runs of `text` as long as `want` that spell it within `apart` characters.
fn places<'a>(want: &[char], text: &'a [char], apart: usize) -> Vec<&'a [char]> {
    match want.len() {
        0 => Vec::new(),
        n => text
            .windows(n)
            .filter(|w| differing(w, want) <= apart)
            .collect(),
    }
}

/// The character the places give at one position by the rule of [`vote`], with how many
/// give it.
fn choose(first: char, given: impl Iterator<Item = char>, places: usize) -> (char, usize) {
    let mut counts: Vec<(char, usize)> = Vec::new();
    for c in given {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let own = counts.iter().find(|(k, _)| *k == first).map_or(0, |c| c.1);
    let best = counts
        .iter()
        .filter(|(c, _)| *c != first && !(KINDS.contains(*c) && KINDS.contains(first)))
        .max_by_key(|(_, n)| *n);
    match best {
        Some(&(c, n)) if n >= 2 && n * 2 > places => (c, n),
        _ => (first, own),
    }
}

/// How many positions of two runs of equal length differ.
fn differing(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x != y).count()
}

/// The agency (and its title) of a record read by OCR as the text's other places spell
/// it; a warning says what was changed, from what.
pub fn settle(record: &mut Record, lines: &[Line]) {
    let Some(agency) = record.report.agency.clone() else {
        return;
    };
    let Some(vote) = vote(&agency, &squeeze_all(lines), 1).filter(|v| v.name != agency) else {
        return;
    };
    if let Some(title) = record.report.title.as_mut() {
        *title = title.replace(&agency, &vote.name);
    }
    let message = format!(
        "OCR read the body's name as {agency} in the title; the places that name it spell {}: {} taken",
        vote.described(),
        vote.name
    );
    record.report.agency = Some(vote.name);
    record
        .warnings
        .push(Warning::new(WarningCode::OcrNameVoted, message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_the_title_misread_is_taken_from_the_places_that_spell_it_otherwise() {
        let text = "2023年准安市人民政府政府信息公开工作年度报告本报告由淮安市人民政府办公室编制\
                    …淮安市人民政府2024年1月";
        let got = vote("准安市人民政府", text, 1).unwrap();
        assert_eq!(got.name, "淮安市人民政府");
        assert_eq!(got.described(), "淮 for 准 (2 of 3)");
    }

    #[test]
    fn a_record_read_by_ocr_takes_the_spelling_and_says_so() {
        use govreport_document::layout::text_lines;
        use govreport_model::record::{OcrSource, Source};
        let lines = text_lines(
            "2023年准安市人民政府政府信息公开工作年度报告\n\
             本报告由淮安市人民政府办公室编制。\n\
             淮安市人民政府\n",
        );
        let mut record = Record::new(Source {
            ocr: Some(OcrSource::default()),
            ..Source::default()
        });
        record.report.agency = Some("准安市人民政府".into());
        record.report.title = Some("2023年准安市人民政府政府信息公开工作年度报告".into());
        settle(&mut record, &lines);
        assert_eq!(record.report.agency.as_deref(), Some("淮安市人民政府"));
        let title = record.report.title.as_deref();
        assert_eq!(title, Some("2023年淮安市人民政府政府信息公开工作年度报告"));
        assert_eq!(record.warnings[0].code, WarningCode::OcrNameVoted);
        let message = &record.warnings[0].message;
        assert!(
            message.contains("spell 淮 for 准 (2 of 3): 淮安市人民政府 taken"),
            "{message}"
        );
    }

    #[test]
    fn a_name_spelt_alike_everywhere_or_named_once_stands() {
        let text = "淮安市人民政府……淮安市人民政府办公室……准安市人民政府";
        assert_eq!(
            vote("淮安市人民政府", text, 1).unwrap().name,
            "淮安市人民政府"
        );
        assert_eq!(vote("淮安市人民政府", "淮安市人民政府……", 1), None);
        let short = vote("淮安市", "淮安市……准安市……准安市", 1);
        assert_eq!(short, None, "too short to weigh");
    }

    #[test]
    fn another_body_named_more_often_does_not_rename_the_reporting_one() {
        // The district's report names its city three times.
        let text = "淮安区人民政府……淮安市人民政府……淮安市人民政府……淮安市人民政府";
        assert_eq!(
            vote("淮安区人民政府", text, 1).unwrap().name,
            "淮安区人民政府"
        );
    }

    #[test]
    fn a_misreading_repeated_once_does_not_outvote_two_right_ones() {
        let text = "石门镇人民政府……石门镇人民政府……石内镇人民政府";
        assert_eq!(
            vote("石内镇人民政府", text, 1).unwrap().name,
            "石门镇人民政府"
        );
        let even = "石门镇人民政府……石内镇人民政府";
        assert_eq!(
            vote("石内镇人民政府", even, 1).unwrap().name,
            "石内镇人民政府"
        );
    }

    #[test]
    fn a_character_read_many_ways_is_kept_and_one_most_places_agree_on_is_taken() {
        // Tesseract misreads 溪 a different way in each line but 门 alike in most.
        let text =
            "松深县石门镇人民政府|松沉县石门镇人民政府|松汉县石让镇人民政府|松沉县石门镇人民政府";
        let got = vote("松溪县石内镇人民政府", text, 2).unwrap();
        assert_eq!(got.name, "松溪县石门镇人民政府");
        assert_eq!(got.described(), "门 for 内 (3 of 4)");
        assert_eq!(vote("松溪县石内镇人民政府", text, 1), None, "two apart");
    }
}
