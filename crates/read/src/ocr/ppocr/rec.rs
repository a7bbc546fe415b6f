//! Text recognition (CTC): each detected box cropped, scaled to the network's 48-pixel
//! height, read in batches of similar width, and decoded with each character's position.

use std::time::Instant;

use ort::session::Session;
use ort::value::Tensor;

use super::super::crop::PixelBox;
use super::super::image::Gray;
use super::PpError;
use super::det::planes;

/// The network's input height.
const HEIGHT: usize = 48;
/// Narrowest input: a one-digit crop is padded to this (the network saw padded lines).
pub const MIN_WIDTH: usize = 48;
/// Widest input (longer lines are squeezed).
const MAX_WIDTH: usize = 3200;
/// Most crops read in one run.
const BATCH: usize = 8;
/// Most input columns in one run, all crops padded to the widest (the network's working
/// memory grows with them: eight 2,400-pixel lines take over 600 MiB).
const BATCH_COLUMNS: usize = 3200;
/// Below this mean confidence a line is dropped, as PaddleOCR does.
const MIN_CONFIDENCE: f32 = 0.5;

/// A character read, with its horizontal centre in image pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Char {
    /// The text of the class (one character; a space for the space class).
    pub text: String,
    /// Centre, image pixels.
    pub x: f32,
}

/// One detected box as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The box, image pixels.
    pub bbox: PixelBox,
    /// Its characters, left to right.
    pub chars: Vec<Char>,
    /// Mean probability of the characters, 0–1.
    pub conf: f32,
}

/// The recogniser's classes from its metadata (`character`): the CTC blank, the
/// dictionary, a space.
pub fn classes(session: &Session) -> Result<Vec<String>, String> {
    let meta = session.metadata().map_err(|e| e.to_string())?;
    let dict = meta
        .custom("character")
        .ok_or("the recognition model has no `character` dictionary")?;
    let mut out = vec![String::new()];
    out.extend(dict.lines().map(str::to_string));
    out.push(" ".into());
    Ok(out)
}

/// Reads every box of `img`; boxes read with too little confidence are left out.
pub fn read(
    session: &mut Session,
    classes: &[String],
    img: &Gray,
    boxes: &[PixelBox],
    deadline: Instant,
) -> Result<Vec<Line>, PpError> {
    let crops: Vec<Gray> = boxes.iter().map(|b| cut(img, b)).collect();
    let refs: Vec<&Gray> = crops.iter().collect();
    let decoded = run(session, classes, &refs, deadline)?;
    Ok(decoded
        .into_iter()
        .zip(boxes)
        .zip(&crops)
        .filter(|((d, _), _)| d.conf >= MIN_CONFIDENCE && !d.chars.is_empty())
        .map(|((d, b), crop)| {
            let scale = (b[2] - b[0]) / d.width.max(1) as f32;
            let upright = crop.width as f32 >= (b[2] - b[0]) - 1.0;
            let chars = d
                .chars
                .into_iter()
                .map(|(text, x)| Char {
                    // A label printed downward is one word at the box's middle.
                    x: if upright {
                        b[0] + x * scale
                    } else {
                        (b[0] + b[2]) / 2.0
                    },
                    text,
                })
                .collect();
            Line {
                bbox: *b,
                chars,
                conf: d.conf,
            }
        })
        .collect())
}

/// Each crop read as one line: its text and mean confidence.
pub fn read_crops(
    session: &mut Session,
    classes: &[String],
    crops: &[&Gray],
    deadline: Instant,
) -> Result<Vec<(String, f32)>, PpError> {
    Ok(run(session, classes, crops, deadline)?
        .into_iter()
        .map(|d| (d.chars.into_iter().map(|c| c.0).collect(), d.conf))
        .collect())
}

/// The box's pixels; a box much taller than wide (a label printed downward) cut into
/// squares laid side by side, so it reads as one line.
fn cut(img: &Gray, b: &PixelBox) -> Gray {
    let crop = img.crop_box(b);
    if crop.height < crop.width * 3 / 2 || crop.width == 0 {
        return crop;
    }
    let n = (crop.height as f32 / crop.width as f32).round() as usize;
    let side = crop.height / n;
    let mut line = Gray::white(crop.width * n, side);
    for k in 0..n {
        line.paste(
            &crop.crop(0, k * side, crop.width, (k + 1) * side),
            k * crop.width,
            0,
        );
    }
    line
}

/// A crop as decoded: characters with centres in the crop's pixels, and the crop's width.
struct Decoded {
    chars: Vec<(String, f32)>,
    conf: f32,
    width: usize,
}

/// Reads the crops in batches of similar width (shortest first), in the crops' order.
fn run(
    session: &mut Session,
    classes: &[String],
    crops: &[&Gray],
    deadline: Instant,
) -> Result<Vec<Decoded>, PpError> {
    let scaled: Vec<Gray> = crops.iter().map(|c| to_height(c)).collect();
    let mut order: Vec<usize> = (0..crops.len()).collect();
    order.sort_by_key(|&i| scaled[i].width);
    let mut out: Vec<Option<Decoded>> = (0..crops.len()).map(|_| None).collect();
    for batch in batches(&order, |i| scaled[i].width.max(MIN_WIDTH)) {
        if Instant::now() >= deadline {
            return Err(PpError::Timeout);
        }
        let images: Vec<&Gray> = batch.iter().map(|&i| &scaled[i]).collect();
        for (&i, mut d) in batch.iter().zip(run_batch(session, classes, &images)?) {
            let back = crops[i].width as f32 / scaled[i].width.max(1) as f32;
            d.chars.iter_mut().for_each(|c| c.1 *= back);
            d.width = crops[i].width;
            out[i] = Some(d);
        }
    }
    Ok(out.into_iter().flatten().collect())
}

/// Consecutive runs of `order` (sorted by width) of at most [`BATCH`] crops whose padded
/// width times their number stays within [`BATCH_COLUMNS`] (a crop wider alone is alone).
fn batches(order: &[usize], width: impl Fn(usize) -> usize) -> Vec<&[usize]> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=order.len() {
        let widest = width(order[end - 1]);
        let full = end - start > BATCH || widest * (end - start) > BATCH_COLUMNS;
        if full && end - 1 > start {
            out.push(&order[start..end - 1]);
            start = end - 1;
        }
    }
    if start < order.len() {
        out.push(&order[start..]);
    }
    out
}

/// The crop scaled to the network's height, its width in proportion.
fn to_height(c: &Gray) -> Gray {
    if c.width == 0 || c.height == 0 {
        return Gray::white(8, HEIGHT);
    }
    let w = (HEIGHT as f32 * c.width as f32 / c.height as f32).ceil() as usize;
    c.resized(w.clamp(8, MAX_WIDTH), HEIGHT)
}

/// One run of the network on images of the same height, padded to the widest.
fn run_batch(
    session: &mut Session,
    classes: &[String],
    images: &[&Gray],
) -> Result<Vec<Decoded>, PpError> {
    let widest = images
        .iter()
        .map(|i| i.width)
        .max()
        .unwrap_or(8)
        .max(MIN_WIDTH);
    let width = widest.div_ceil(8) * 8;
    let mut data = vec![0f32; images.len() * 3 * HEIGHT * width];
    for (k, img) in images.iter().enumerate() {
        let plane = planes(&img.pixels, 1);
        for c in 0..3 {
            for y in 0..HEIGHT {
                let at = ((k * 3 + c) * HEIGHT + y) * width;
                data[at..at + img.width]
                    .copy_from_slice(&plane[y * img.width..(y + 1) * img.width]);
            }
        }
    }
    let input = Tensor::from_array(([images.len(), 3, HEIGHT, width], data))?;
    let outputs = session.run(ort::inputs![input])?;
    let (shape, probs) = outputs[0].try_extract_tensor::<f32>()?;
    let (steps, n) = (shape[1] as usize, shape[2] as usize);
    if n != classes.len() || steps == 0 || probs.len() != images.len() * steps * n {
        return Err(PpError::Failed(format!(
            "recogniser output of shape {shape:?} for {} classes",
            classes.len()
        )));
    }
    let step = width as f32 / steps as f32;
    Ok((0..images.len())
        .map(|k| decode(&probs[k * steps * n..(k + 1) * steps * n], n, classes, step))
        .collect())
}

/// Greedy CTC decoding: the best class per step, repeats merged, blanks dropped; each
/// character's centre is the middle of the steps it held.
fn decode(probs: &[f32], n: usize, classes: &[String], step: f32) -> Decoded {
    let mut chars: Vec<(String, f32)> = Vec::new();
    let (mut sum, mut last) = (0.0, 0usize);
    let mut run_start = 0usize;
    for (t, row) in probs.chunks(n).enumerate() {
        let (best, p) =
            row.iter().enumerate().fold(
                (0, f32::MIN),
                |acc, (i, &p)| if p > acc.1 { (i, p) } else { acc },
            );
        if best != 0 && best != last {
            chars.push((classes[best].clone(), (t as f32 + 0.5) * step));
            sum += p;
            run_start = t;
        } else if best != 0
            && best == last
            && let Some(c) = chars.last_mut()
        {
            c.1 = ((run_start + t) as f32 / 2.0 + 0.5) * step;
        }
        last = best;
    }
    let conf = if chars.is_empty() {
        0.0
    } else {
        sum / chars.len() as f32
    };
    Decoded {
        chars,
        conf,
        width: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctc_merges_repeats_drops_blanks_and_places_each_character() {
        let classes: Vec<String> = ["", "1", "2"].iter().map(|s| s.to_string()).collect();
        let step = |best: usize| {
            let mut row = vec![0.05f32; 3];
            row[best] = 0.9;
            row
        };
        // 1 1 _ 1 2 2: "112", the first 1 over steps 0–1.
        let probs: Vec<f32> = [1, 1, 0, 1, 2, 2].iter().flat_map(|&b| step(b)).collect();
        let d = decode(&probs, 3, &classes, 8.0);
        let text: String = d.chars.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(text, "112");
        assert_eq!(
            d.chars.iter().map(|c| c.1).collect::<Vec<_>>(),
            vec![8.0, 28.0, 40.0]
        );
        assert!((d.conf - 0.9).abs() < 1e-6);
    }

    #[test]
    fn batches_hold_few_wide_crops_and_many_narrow_ones() {
        let widths = [100, 100, 100, 1000, 1000, 1000, 1000, 5000];
        let order: Vec<usize> = (0..widths.len()).collect();
        let got: Vec<Vec<usize>> = batches(&order, |i| widths[i])
            .into_iter()
            .map(<[usize]>::to_vec)
            .collect();
        assert_eq!(got, vec![vec![0, 1, 2], vec![3, 4, 5], vec![6], vec![7]]);
    }

    #[test]
    fn a_label_printed_downward_is_laid_out_as_one_line() {
        let mut img = Gray::white(10, 40);
        img.pixels[5 * 10 + 5] = 0; // in the first square
        img.pixels[35 * 10 + 5] = 0; // in the fourth
        let line = cut(&img, &[0.0, 0.0, 10.0, 40.0]);
        assert_eq!((line.width, line.height), (40, 10));
        assert_eq!(line.pixels[5 * 40 + 5], 0);
        assert_eq!(line.pixels[5 * 40 + 35], 0);
    }
}
