//! One page through OCR: render, clean up, recognise, find the rules and the table cells,
//! re-read the cells, and give words and rules in PDF page space.

use std::path::Path;
use std::time::Instant;

use super::cells;
use super::crop::{self, Crop, PixelBox};
use super::decide::{MARKS, PixelWord, decide, is_mark, is_number, mark_unreadable};
use super::engine::PAGE;
use super::image::Gray;
use super::recogniser::Recogniser;
use super::rules::{self, Params};
use super::{OcrError, grid, loose, skew, tsv, turn};
use govreport_document::layout::Rule;

/// Which part of which page to read.
#[derive(Debug, Clone, PartialEq)]
pub struct PageJob {
    /// 1-based page number.
    pub number: u32,
    /// Page size in points.
    pub size: (f32, f32),
    /// The part of the page to read (points, y downward); None for the whole page.
    pub region: Option<[f32; 4]>,
    /// Rendering resolution.
    pub dpi: u32,
    /// Quarter turns clockwise that stand the page upright, when known (an earlier reading
    /// of the file found them); None: a whole page is turned as the engine finds it lying,
    /// a region read as it lies.
    pub turn: Option<u8>,
}

/// A word read by OCR, in page space.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The text chosen.
    pub text: String,
    /// Left, top, right, bottom (points, y downward).
    pub bbox: [f32; 4],
    /// Baseline and size of its line (points).
    pub baseline: f32,
    /// Glyph size (points).
    pub size: f32,
    /// The page-level reading, when a table cell was re-read and chose otherwise.
    pub first: Option<String>,
    /// Other readings the consistency rules may choose instead (empty: no doubt).
    pub alternatives: Vec<String>,
}

/// What OCR found on one page.
#[derive(Debug, Clone, Default)]
pub struct PageRead {
    /// The words, in reading order.
    pub words: Vec<OcrWord>,
    /// Ruling lines found in the image.
    pub rules: Vec<Rule>,
    /// Quarter turns clockwise the page was turned by to be read (it lay sideways or upside
    /// down): words and rules are in the turned page's space.
    pub turn: u8,
}

/// Reads one page (or the region of it) of the PDF at `pdf`: the page as a whole, then
/// each table cell that may hold a number on its own (see [`cells`]).
pub fn read(
    engine: Recogniser,
    pdf: &Path,
    job: &PageJob,
    deadline: Instant,
) -> Result<PageRead, OcrError> {
    let (prepared, words) = upright_words(engine, &plain(pdf, job, deadline)?, job, deadline)?;
    let Prepared {
        img,
        origin,
        scale,
        dithered,
        turn,
    } = prepared;
    let dpi = job.dpi as f32;
    let pp = match engine {
        Recogniser::PpOcr(pp) => Some(pp),
        Recogniser::Tesseract(_) => None,
    };
    let params = Params::for_page(&img, dpi);
    let segments = rules::on_page(&img, &params, dithered, dpi);
    let grid = grid::cells(&segments, dpi / 60.0, dpi / 15.0);
    let boxes = value_cells(&words, grid.clone(), pp.is_some());
    let crops = crop::cut(&img, &boxes, dpi / 60.0);
    let crop_refs: Vec<&Crop> = crops.iter().collect();
    let readings = match engine {
        Recogniser::PpOcr(pp) => pp.read_cells(&crop_refs, deadline)?,
        Recogniser::Tesseract(t) => cells::read_digits(t, &crop_refs, deadline)?,
    };
    let to_page = |x: f32, y: f32| ((x + origin.0) * scale, (y + origin.1) * scale);
    let lines = Lines::of(&words);
    let inside: Vec<Vec<usize>> = boxes
        .iter()
        .map(|b| {
            (0..words.len())
                .filter(|&i| centre_in(&words[i].bbox, b))
                .collect()
        })
        .collect();
    let mut taken = vec![false; words.len()];
    inside.iter().flatten().for_each(|&i| taken[i] = true);
    let labels: Vec<tsv::Word> = (0..words.len())
        .filter(|&i| !taken[i] && !rule_read_as_text(&words[i], &boxes))
        .map(|i| words[i].clone())
        .collect();
    let decided: Vec<Option<PixelWord>> = (0..boxes.len())
        .map(|k| {
            let page: Vec<&tsv::Word> = inside[k].iter().map(|&i| &words[i]).collect();
            let faint = || crop::cut_at(&img, &boxes[k..=k], dpi / 60.0, params.ink).remove(0);
            cell_value(&page, &readings[k], &crops[k], faint, pp.is_some())
        })
        .collect();
    let mut all = as_read(&labels, &lines, &grid, &to_page);
    if let Some(pp) = pp {
        loose::second_reading(pp, &img, &labels, &mut all, deadline)?;
    }
    let cells = cell_words(decided, &boxes, &crops, &lines, &labels);
    all.extend(cells.iter().map(|w| w.to_page(&to_page)));
    let rules = segments
        .iter()
        .map(|s| {
            let (x0, y0) = to_page(s.x0, s.y0);
            let (x1, y1) = to_page(s.x1, s.y1);
            Rule { x0, y0, x1, y1 }
        })
        .collect();
    Ok(PageRead {
        words: all,
        rules,
        turn,
    })
}

/// One cell's value: its readings weighed ([`decide`]), a leaning `1` taken for `/`, and a
/// dash found in its ink at the crop's threshold or, where nothing was read, at the rules'
/// lighter one (`faint`: a thin grey dash on a photographed page is lost at the crop's).
fn cell_value(
    page: &[&tsv::Word],
    reading: &cells::Reading,
    crop: &Crop,
    faint: impl FnOnce() -> Crop,
    page_first: bool,
) -> Option<PixelWord> {
    let word = decide(page, reading, page_first).map(|w| slash_read_as_one(w, crop));
    let word = dash_misread(word, crop);
    if word
        .as_ref()
        .is_some_and(|w| is_number(&w.text) || is_mark(&w.text))
    {
        return word;
    }
    dash_misread(word, &faint())
}

/// A cell whose ink is one flat stroke ([`Crop::dash`]) that no reading took for a number
/// (`心` read from a faint dash, or nothing): the "none" mark `—`, with the reading kept as
/// the first, so the row keeps a token in that column.
fn dash_misread(word: Option<PixelWord>, crop: &Crop) -> Option<PixelWord> {
    if word
        .as_ref()
        .is_some_and(|w| is_number(&w.text) || is_mark(&w.text))
    {
        return word;
    }
    let Some(ink) = crop.dash() else {
        return word;
    };
    let (ox, oy) = (crop.origin[0] as f32, crop.origin[1] as f32);
    let bbox = [ink[0] + ox, ink[1] + oy, ink[2] + ox, ink[3] + oy];
    Some(PixelWord {
        text: "—".into(),
        bbox,
        baseline: bbox[3],
        size: crop.image.height as f32 / 2.0,
        first: word.map(|w| w.text),
        alternatives: Vec::new(),
    })
}

/// A cell read as `1` whose ink leans like `/` (the mark for "not applicable", which both
/// engines often read as `1`): the mark, with `1` as the first reading and the one the
/// rules may choose instead (a bold `1` on a bilevel scan leans too).
fn slash_read_as_one(mut word: PixelWord, crop: &Crop) -> PixelWord {
    if word.text == "1" && crop.leans() {
        word.first = Some(std::mem::replace(&mut word.text, "/".into()));
        word.alternatives = vec!["1".into()];
    }
    word
}

/// The page-level reading, the page first stood upright when the job does not say how it
/// lies and the engine finds it lying sideways or upside down (a whole page): PP-OCR's
/// where it is installed (see [`turn::upright`]), else tesseract's (`chi_sim`, automatic
/// page segmentation; see [`turn::by_tesseract`]).
fn upright_words(
    engine: Recogniser,
    plain: &Plain,
    job: &PageJob,
    deadline: Instant,
) -> Result<(Prepared, Vec<tsv::Word>), OcrError> {
    let prepared = plain.prepare(job.turn.unwrap_or(0));
    let find = job.turn.is_none() && job.region.is_none();
    match engine {
        Recogniser::PpOcr(pp) => {
            let boxes = pp.lines(&prepared.img, deadline)?;
            let turn = match find {
                true => turn::upright(pp, &prepared.img, &boxes, deadline)?,
                false => 0,
            };
            if turn == 0 {
                let words = pp.read_boxes(&prepared.img, &boxes, deadline)?;
                return Ok((prepared, words));
            }
            let prepared = plain.prepare(turn);
            let words = pp.words(&prepared.img, deadline)?;
            Ok((prepared, words))
        }
        Recogniser::Tesseract(t) => {
            let turn = match find {
                true => turn::by_tesseract(t, &prepared.img, job.dpi, deadline)?,
                false => 0,
            };
            let prepared = match turn {
                0 => prepared,
                quarters => plain.prepare(quarters),
            };
            let words = tsv::parse(&t.tsv(PAGE, &prepared.img, job.dpi, deadline)?);
            Ok((prepared, words))
        }
    }
}

/// The words of the value cells as decided: unreadable ink marked, each on its row label's
/// line (a row with no label on its numbers' line).
fn cell_words(
    mut decided: Vec<Option<PixelWord>>,
    boxes: &[PixelBox],
    crops: &[Crop],
    lines: &Lines,
    labels: &[tsv::Word],
) -> Vec<PixelWord> {
    mark_unreadable(&mut decided, boxes, crops);
    let placed: Vec<(PixelWord, &PixelBox, bool)> = decided
        .into_iter()
        .zip(boxes)
        .filter_map(|(w, b)| {
            let mut w = w?;
            let label = lines.beside(labels, &w.bbox, b);
            (w.baseline, w.size) = label.unwrap_or((w.baseline, w.size));
            Some((w, b, label.is_some()))
        })
        .collect();
    unlabelled_on_one_line(placed)
}

/// The cell words, every number and mark of a row with no label (表四's one row of numbers)
/// put on the row's baseline: the middle one of its numbers' (a dash drawn at mid-height,
/// or a number whose box took in a rule's remnant below it, would otherwise start a line of
/// its own and the row would lose its columns); a row of marks alone on its lowest one.
fn unlabelled_on_one_line(placed: Vec<(PixelWord, &PixelBox, bool)>) -> Vec<PixelWord> {
    let row_baseline: Vec<f32> = placed
        .iter()
        .map(|(_, b, _)| {
            let mates: Vec<&PixelWord> = placed
                .iter()
                .filter(|(w, o, labelled)| {
                    let overlap = o[3].min(b[3]) - o[1].max(b[1]);
                    !labelled
                        && value_like(&w.text)
                        && overlap > 0.8 * (o[3] - o[1]).max(b[3] - b[1])
                })
                .map(|(w, _, _)| w)
                .collect();
            let mut numbers: Vec<f32> = mates
                .iter()
                .filter(|w| is_number(&w.text))
                .map(|w| w.baseline)
                .collect();
            numbers.sort_by(f32::total_cmp);
            match numbers.get(numbers.len() / 2) {
                Some(&middle) => middle,
                None => mates.iter().map(|w| w.baseline).fold(f32::MIN, f32::max),
            }
        })
        .collect();
    placed
        .into_iter()
        .zip(row_baseline)
        .map(|((mut w, _, labelled), row)| {
            if !labelled && value_like(&w.text) {
                w.baseline = row;
            }
            w
        })
        .collect()
}

/// A number or a printed mark: what a row's value cells hold (unreadable ink, read in a
/// label's cell beside the row, keeps its own line).
fn value_like(text: &str) -> bool {
    is_number(text) || is_mark(text)
}

/// Whether `w` is a table's ruling line that tesseract read as text (`|`) between two
/// value cells of a row (in a header, such bars still tell its columns apart).
fn rule_read_as_text(w: &tsv::Word, values: &[PixelBox]) -> bool {
    let bars = !w.text.is_empty() && w.text.chars().all(|c| "|丨¦".contains(c));
    let level = |b: &&PixelBox| b[1] < w.bbox[3] && b[3] > w.bbox[1];
    let left = values.iter().filter(level).any(|b| b[2] <= w.bbox[2]);
    let right = values.iter().filter(level).any(|b| b[0] >= w.bbox[0]);
    bars && left && right
}

fn centre_in(w: &[f32; 4], b: &PixelBox) -> bool {
    let (cx, cy) = ((w[0] + w[2]) / 2.0, (w[1] + w[3]) / 2.0);
    cx >= b[0] && cx < b[2] && cy >= b[1] && cy < b[3]
}

/// A page image ready to read (see [`prepare`]).
pub(crate) struct Prepared {
    /// Background normalised, skew removed.
    pub img: Gray,
    /// The job region's top left corner, in pixels of the rendered page.
    pub origin: (f32, f32),
    /// Points per pixel.
    pub scale: f32,
    /// Whether the page is dithered (see [`super::descreen`]), decided before rotation.
    pub dithered: bool,
    /// Quarter turns clockwise the page was turned by to stand upright.
    pub turn: u8,
}

/// A page image rendered, cut to the job's region and its background normalised, as it
/// lies: what [`Plain::prepare`] turns and straightens.
pub(crate) struct Plain {
    img: Gray,
    origin: (f32, f32),
    scale: f32,
    dithered: bool,
}

impl Plain {
    /// The page turned clockwise by `quarters` quarter turns, then its skew taken out
    /// (measured on the turned page: one rotation, whichever way it lay).
    pub fn prepare(&self, quarters: u8) -> Prepared {
        let img = match quarters % 4 {
            0 => self.img.clone(),
            q => self.img.turned(q),
        };
        let angle = skew::estimate(&img, self.dithered);
        Prepared {
            img: match angle.abs() >= 0.05 {
                true => img.rotate(-angle),
                false => img,
            },
            origin: self.origin,
            scale: self.scale,
            dithered: self.dithered,
            turn: quarters % 4,
        }
    }
}

/// The page image to read: rendered, cut to the job's region, background normalised,
/// turned as the job says and skew removed.
pub(crate) fn prepare(pdf: &Path, job: &PageJob, deadline: Instant) -> Result<Prepared, OcrError> {
    Ok(plain(pdf, job, deadline)?.prepare(job.turn.unwrap_or(0)))
}

/// The page image rendered, cut to the job's region and its background normalised.
pub(crate) fn plain(pdf: &Path, job: &PageJob, deadline: Instant) -> Result<Plain, OcrError> {
    let img = super::render::page(pdf, job, deadline)?;
    let scale = job.size.0 / img.width.max(1) as f32;
    let (img, origin) = match job.region {
        Some(r) => {
            let px = r.map(|v| (v / scale).max(0.0) as usize);
            let origin = (px[0] as f32, px[1] as f32);
            (img.crop(px[0], px[1], px[2], px[3]), origin)
        }
        None => (img, (0.0, 0.0)),
    };
    let img = img.normalise_background((job.dpi as f32 / 6.0) as usize);
    let dithered = super::descreen::is_dithered(&img);
    Ok(Plain {
        img,
        origin,
        scale,
        dithered,
    })
}

/// Words as read, each on its line's baseline and size; a word in a table cell whose line
/// tesseract ran on below that cell (a header's second line read with the numbers under
/// it) on its own bottom instead.
fn as_read(
    words: &[tsv::Word],
    lines: &Lines,
    grid: &[PixelBox],
    to_page: &dyn Fn(f32, f32) -> (f32, f32),
) -> Vec<OcrWord> {
    words
        .iter()
        .map(|w| {
            let (mut baseline, size) = lines.geometry[&(w.page, w.line)];
            if grid
                .iter()
                .any(|c| centre_in(&w.bbox, c) && baseline > c[3])
            {
                baseline = w.bbox[3];
            }
            let pw = PixelWord {
                text: w.text.clone(),
                bbox: w.bbox,
                baseline,
                size,
                first: None,
                alternatives: Vec::new(),
            };
            pw.to_page(to_page)
        })
        .collect()
}

/// The cells that may hold a number: at most one Chinese character read inside them (a
/// digit is sometimes read as one, 2 as 区; a label has two or more), or a digit among
/// four characters at most (`1371` read as `卫3六`). With PP-OCR's words (`apart`), a
/// box holding two numbers side by side is a row of a table without column rules, not
/// one cell: its numbers keep their own words.
fn value_cells(words: &[tsv::Word], cells: Vec<PixelBox>, apart: bool) -> Vec<PixelBox> {
    cells
        .into_iter()
        .filter(|b| !apart || numbers_apart(words, b, 0) < 2 && numbers_apart(words, b, 1) < 2)
        .filter(|b| {
            let text: Vec<char> = words
                .iter()
                .filter(|w| centre_in(&w.bbox, b))
                .flat_map(|w| w.text.chars())
                .collect();
            let cjk = text
                .iter()
                .filter(|&&c| govreport_document::layout::is_cjk(c) && !MARKS.contains(c))
                .count();
            cjk <= 1 || (text.len() <= 4 && text.iter().any(char::is_ascii_digit))
        })
        .collect()
}

/// How many numbers read inside `b` stand apart along `axis` (0: side by side, 1: one above
/// another), none overlapping another's extent: a box holding two is no single cell.
fn numbers_apart(words: &[tsv::Word], b: &PixelBox, axis: usize) -> usize {
    let mut spans: Vec<(f32, f32)> = words
        .iter()
        .filter(|w| centre_in(&w.bbox, b) && is_number(&w.text))
        .map(|w| (w.bbox[axis], w.bbox[axis + 2]))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let apart = spans.windows(2).filter(|p| p[1].0 >= p[0].1).count();
    if spans.is_empty() { 0 } else { apart + 1 }
}

/// The baseline (lowest bottom) and size (tallest box) of each line tesseract read.
struct Lines {
    geometry: std::collections::HashMap<LineId, (f32, f32)>,
}

/// A line tesseract read: the image (page) it is on, and its block, paragraph and line.
type LineId = (u32, (u32, u32, u32));

impl Lines {
    fn of(words: &[tsv::Word]) -> Lines {
        let mut geometry = std::collections::HashMap::new();
        for w in words {
            let g = geometry.entry((w.page, w.line)).or_insert((0.0f32, 0.0f32));
            *g = (g.0.max(w.bbox[3]), g.1.max(w.bbox[3] - w.bbox[1]));
        }
        Lines { geometry }
    }

    /// The baseline and size of the line a cell's reading sits beside: of the words outside
    /// the value cells in the same table row (`cell`'s band) and to its left, the nearest
    /// one level with the reading (the row's label, not a tall label beside many rows), or
    /// else the one whose middle is nearest (a wrapped label's nearer line). Every number
    /// of a row so gets its label's baseline, as on a born-digital page.
    fn beside(
        &self,
        labels: &[tsv::Word],
        reading: &PixelBox,
        cell: &PixelBox,
    ) -> Option<(f32, f32)> {
        let mid = (reading[1] + reading[3]) / 2.0;
        // Spanning the middle comes first, then the nearer middle, then the nearer word.
        let key = |w: &&tsv::Word| {
            let spans = w.bbox[1] <= mid && w.bbox[3] >= mid;
            let off = ((w.bbox[1] + w.bbox[3]) / 2.0 - mid).abs();
            (
                !spans,
                if spans { 0 } else { off as u32 },
                (reading[0] - w.bbox[2]) as u32,
            )
        };
        labels
            .iter()
            .filter(|w| {
                let cy = (w.bbox[1] + w.bbox[3]) / 2.0;
                cy >= cell[1] && cy < cell[3] && w.bbox[2] <= reading[0]
            })
            .min_by_key(key)
            .map(|w| self.geometry[&(w.page, w.line)])
            // A line tesseract ran across two rows (a wrapped label beside the next row's)
            // has its baseline in the other row: the digits' own bottom then.
            .map(|(baseline, size)| {
                (
                    if baseline <= cell[3] {
                        baseline
                    } else {
                        reading[3]
                    },
                    size,
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, bbox: PixelBox) -> tsv::Word {
        tsv::Word {
            text: text.into(),
            bbox,
            conf: 90.0,
            line: (1, 1, 1),
            page: 1,
        }
    }

    #[test]
    fn a_box_over_two_rows_or_two_columns_of_numbers_is_no_cell_with_ppocr() {
        let one = [0.0, 0.0, 100.0, 40.0];
        let two_rows = [0.0, 0.0, 100.0, 80.0];
        let two_columns = [0.0, 0.0, 200.0, 40.0];
        let words = [
            word("11", [40.0, 10.0, 60.0, 30.0]),
            word("8", [45.0, 50.0, 55.0, 70.0]),
            word("12", [140.0, 10.0, 160.0, 30.0]),
        ];
        let boxes = vec![one, two_rows, two_columns];
        assert_eq!(value_cells(&words, boxes.clone(), true), vec![one]);
        assert_eq!(value_cells(&words, boxes.clone(), false), boxes);
        // 表二's 上一年项目数 and 本年增/减 under one box (their rule lost to dithering).
        let signed = [
            word("11", [40.0, 10.0, 60.0, 30.0]),
            word("-1", [140.0, 10.0, 160.0, 30.0]),
        ];
        assert!(value_cells(&signed, vec![two_columns], true).is_empty());
    }

    #[test]
    fn a_bar_between_two_value_cells_is_a_rule_but_one_in_a_header_is_kept() {
        let values = [[0.0, 100.0, 50.0, 150.0], [60.0, 100.0, 110.0, 150.0]];
        assert!(rule_read_as_text(
            &word("|", [52.0, 90.0, 58.0, 140.0]),
            &values
        ));
        assert!(!rule_read_as_text(
            &word("|", [52.0, 20.0, 58.0, 60.0]),
            &values
        ));
        assert!(!rule_read_as_text(
            &word("1", [52.0, 90.0, 58.0, 140.0]),
            &values
        ));
    }

    #[test]
    fn flat_ink_read_as_a_character_or_not_at_all_is_the_none_mark() {
        let mut image = Gray::white(120, 60);
        (30..33).for_each(|y| image.pixels[y * 120 + 46..y * 120 + 74].fill(0));
        let crop = Crop {
            image,
            origin: [1000, 500],
        };
        let read = |text: &str| PixelWord {
            text: text.into(),
            bbox: [1046.0, 530.0, 1074.0, 533.0],
            baseline: 533.0,
            size: 4.0,
            first: None,
            alternatives: Vec::new(),
        };
        let got = dash_misread(Some(read("心")), &crop).unwrap();
        assert_eq!((got.text.as_str(), got.first.as_deref()), ("—", Some("心")));
        assert_eq!(got.bbox, [1046.0, 530.0, 1073.0, 532.0]);
        assert_eq!(dash_misread(None, &crop).unwrap().text, "—");
        assert_eq!(dash_misread(Some(read("0")), &crop).unwrap().text, "0");
    }

    #[test]
    fn every_word_of_a_row_with_no_label_joins_its_numbers_baseline() {
        let at = |text: &str, baseline: f32| PixelWord {
            text: text.into(),
            bbox: [0.0, 0.0, 1.0, 1.0],
            baseline,
            size: 10.0,
            first: None,
            alternatives: Vec::new(),
        };
        let cell = |k: f32| [60.0 * k, 100.0, 60.0 * k + 50.0, 150.0];
        let cells: Vec<PixelBox> = (0..5).map(|k| cell(k as f32)).collect();
        let row = |words: Vec<PixelWord>| {
            let placed = words.into_iter().zip(&cells).map(|(w, b)| (w, b, false));
            unlabelled_on_one_line(placed.collect())
                .iter()
                .map(|w| w.baseline)
                .collect::<Vec<f32>>()
        };
        // A dash drawn at mid-height and a number whose box took in a rule below it.
        let got = row(vec![
            at("0", 140.0),
            at("—", 126.0),
            at("10", 145.0),
            at("3", 140.0),
        ]);
        assert_eq!(got, [140.0; 4]);
        assert_eq!(row(vec![at("—", 126.0), at("/", 128.0)]), [128.0; 2]);
        // Unreadable ink keeps its own line (it may be a label's cell beside the row).
        let got = row(vec![at("0", 140.0), at("\u{FFFD}", 120.0), at("3", 140.0)]);
        assert_eq!(got, [140.0, 120.0, 140.0]);
        // A labelled word keeps its label's line.
        let placed = vec![
            (at("7", 145.0), &cells[0], true),
            (at("8", 140.0), &cells[1], false),
        ];
        let got: Vec<f32> = unlabelled_on_one_line(placed)
            .iter()
            .map(|w| w.baseline)
            .collect();
        assert_eq!(got, [145.0, 140.0]);
    }
}
