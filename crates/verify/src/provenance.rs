//! Where each cell came from, settled once the second opinions are done: a cell read on a
//! page (or an image region) OCR recognised is `ocr`, its box in pixels of the page image
//! OCR read; one read on a page with an OCR layer made before publication is `ocr_layer`.

use std::collections::HashMap;

use govreport_document::layout::Line;
use govreport_model::record::{CellSource, Provenance, Record};
use govreport_read::ocr::render::dpi_for;

/// What OCR read: a 1-based page and the region of it (None: the whole page), in points.
pub type OcrRead = (u32, Option<[f32; 4]>);

/// Marks each `text` cell of `record` that OCR (`reads`) or a pre-publication OCR layer
/// stands behind, and gives every `ocr` cell's box in pixels of its page image (the page
/// sizes come from the frames of `lines`); the entries end in table order.
pub fn settle(record: &mut Record, lines: &[Line], reads: &[OcrRead]) {
    let layer = record
        .source
        .ocr
        .as_ref()
        .and_then(|o| o.existing_layer.clone())
        .unwrap_or_default();
    let sizes: HashMap<u32, (f32, f32)> = lines
        .iter()
        .filter_map(|l| Some((l.page?, l.frame?)))
        .map(|(p, f)| (p, (f.width, f.height)))
        .collect();
    for (_, cell) in record.cells.0.iter_mut() {
        if cell.source == CellSource::Text
            && let Some(page) = cell.page
        {
            if reads.iter().any(|r| covers(r, page, cell.bbox)) {
                cell.source = CellSource::Ocr;
            } else if layer.contains(&page) {
                cell.source = CellSource::OcrLayer;
            }
        }
        if cell.source == CellSource::Ocr {
            to_pixels(cell, &sizes);
        }
    }
    record.cells.tidy(&record.tables);
}

/// Whether an OCR read covers a cell on `page` (a blank cell, without a box, only by a
/// whole-page read).
fn covers(read: &OcrRead, page: u32, bbox: Option<[f32; 4]>) -> bool {
    match (read.1, bbox) {
        _ if read.0 != page => false,
        (None, _) => true,
        (Some(r), Some(b)) => {
            let (x, y) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
            x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]
        }
        (Some(_), None) => false,
    }
}

/// An OCR cell's box from points to whole pixels of the page image OCR read (rendered at
/// [`dpi_for`] the page's size); dropped when the page's size is unknown.
fn to_pixels(cell: &mut Provenance, sizes: &HashMap<u32, (f32, f32)>) {
    let dpi = cell
        .page
        .and_then(|p| sizes.get(&p))
        .and_then(|&size| dpi_for(size));
    cell.bbox = match (cell.bbox, dpi) {
        (Some(b), Some(dpi)) => Some(b.map(|v| (v * dpi as f32 / 72.0).round())),
        _ => None,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::Frame;
    use govreport_model::record::{OcrSource, Source, Table};
    use govreport_model::template::{CellPath, TableId};

    #[test]
    fn ocr_cells_get_pixel_boxes_and_layer_cells_their_source() {
        let source = Source {
            ocr: Some(OcrSource {
                existing_layer: Some(vec![2]),
                ..OcrSource::default()
            }),
            ..Source::default()
        };
        let mut record = Record::new(source);
        let group =
            serde_json::json!({"administrative_review": {"upheld": 1, "corrected": 2, "other": 3}});
        let map = group.as_object().cloned().unwrap_or_default();
        record.tables.review_litigation = Table::from_json(TableId::ReviewLitigation, map).ok();
        let row = "tables.review_litigation.administrative_review";
        let path = |c: &str| CellPath::parse(&format!("{row}.{c}"));
        let cell = |page| Provenance::text(Some(page), Some([72.0, 144.0, 90.0, 150.0]));
        record.cells.set(&path("other"), cell(3));
        record.cells.set(&path("upheld"), cell(1));
        record.cells.set(&path("corrected"), cell(2));
        record
            .cells
            .set(&"tables.review_litigation.nothing.here".into(), cell(1));
        let frame = |p| Line {
            page: Some(p),
            y: 0.0,
            size: 1.0,
            cells: Vec::new(),
            frame: Some(Frame {
                dir: 0,
                width: 595.0,
                height: 842.0,
                turn: 0,
            }),
        };
        settle(&mut record, &[frame(1), frame(2)], &[(1, None)]);
        let a = record.cells.get(&path("upheld")).unwrap();
        assert_eq!(a.source, CellSource::Ocr);
        assert_eq!(a.bbox, Some([300.0, 600.0, 375.0, 625.0]));
        let b = record.cells.get(&path("corrected")).unwrap();
        assert_eq!(b.source, CellSource::OcrLayer);
        assert_eq!(
            record.cells.get(&path("other")).unwrap().source,
            CellSource::Text
        );
        let order: Vec<&CellPath> = record.cells.0.iter().map(|(p, _)| p).collect();
        assert_eq!(
            order,
            [&path("upheld"), &path("corrected"), &path("other")],
            "table order, no stray path"
        );
    }
}
