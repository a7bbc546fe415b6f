//! Text drawn at 0°, 90°, 180° and 270° in page space reads the same, line by line.

use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

use crate::pdf::{Limits, read};
use govreport_document::layout::{self, Line};

/// The lines of a one-page PDF (`width` × `height`) whose content is `ops`, with
/// Helvetica as /F1.
fn lines_of(ops: &str, width: i64, height: i64, rotate: Option<i64>) -> Vec<Line> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1",
    "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding"});
    let content = doc.add_object(Stream::new(Dictionary::new(), ops.as_bytes().to_vec()));
    let mut page = dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => content,
    "MediaBox" => vec![0.into(), 0.into(), width.into(), height.into()],
    "Resources" => dictionary! {"Font" => dictionary! {"F1" => font}}};
    if let Some(r) = rotate {
        page.set("Rotate", r);
    }
    let page = doc.add_object(page);
    let pages = dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1};
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("an in-memory PDF");
    let deadline = Instant::now() + Duration::from_secs(10);
    let text = read(&bytes, &Limits::default(), deadline).expect("a readable PDF");
    layout::lines(&text.pages[0])
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::text).collect()
}

/// Three lines and a two-cell row, drawn in an upright frame that `cm` turns onto the page.
const BODY: &str = "BT /F1 12 Tf 72 700 Td (Title line) Tj 0 -20 Td (second line) Tj \
                    0 -20 Td (left) Tj 200 0 Td (right) Tj ET";

#[test]
fn text_at_every_quarter_turn_reads_like_the_upright_page() {
    let upright = texts(&lines_of(BODY, 595, 842, None));
    assert_eq!(upright, ["Title line", "second line", "left right"]);
    // The content of a 595 × 842 page turned by 90°, 180°, 270° onto the page (as
    // `qpdf --flatten-rotation` does), and a landscape frame drawn on a portrait page.
    for (cm, w, h) in [
        ("0 1 -1 0 842 0", 842, 595),
        ("-1 0 0 -1 595 842", 595, 842),
        ("0 -1 1 0 0 595", 842, 595),
    ] {
        let ops = format!("q {cm} cm {BODY} Q");
        assert_eq!(texts(&lines_of(&ops, w, h, None)), upright, "{cm}");
    }
}

#[test]
fn a_page_rotate_entry_does_not_change_the_reading() {
    for r in [90, 180, 270] {
        assert_eq!(
            texts(&lines_of(BODY, 595, 842, Some(r))),
            ["Title line", "second line", "left right"]
        );
    }
}

#[test]
fn an_upright_footer_beside_a_sideways_table_stays_whole() {
    let ops = format!("q 0 1 -1 0 595 0 cm {BODY} Q BT /F1 10 Tf 280 30 Td (- 3 -) Tj ET");
    let got = texts(&lines_of(&ops, 595, 842, None));
    assert_eq!(got, ["- 3 -", "Title line", "second line", "left right"]);
}

#[test]
fn ruling_lines_split_cells_in_a_sideways_frame() {
    // A vertical rule between two touching words, in the upright frame, turned by 90°.
    let body = "BT /F1 12 Tf 72 700 Td (AAAA) Tj ET BT /F1 12 Tf 102 700 Td (BBBB) Tj ET \
                101 690 m 101 720 l S";
    let upright = lines_of(body, 595, 842, None);
    assert_eq!(upright[0].cells.len(), 2);
    let turned = lines_of(&format!("q 0 1 -1 0 842 0 cm {body} Q"), 842, 595, None);
    assert_eq!(turned[0].cells.len(), 2, "{turned:?}");
}
