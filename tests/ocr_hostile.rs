//! Hostile page images: each gives one record, bounded by the limits and --timeout, and the
//! good file in the same batch is unaffected.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// A PDF of `pages` pages, each painting the image `image` over the whole A4 page.
fn scan(image: Stream, pages: usize, path: &Path) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image_id = doc.add_object(image);
    let content = b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec();
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let resources = dictionary! {"XObject" => dictionary! {"Im0" => image_id}};
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            let page = dictionary! {"Type" => "Page", "Parent" => pages_id,
            "Contents" => content_id, "Resources" => resources.clone(),
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]};
            doc.add_object(page).into()
        })
        .collect();
    let count = pages as i64;
    let pages = dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count};
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    doc.save(path).unwrap();
}

fn image(width: i64, height: i64, bits: i64, filter: &str, data: Vec<u8>) -> Stream {
    let dict = dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => width,
    "Height" => height, "ColorSpace" => "DeviceGray", "BitsPerComponent" => bits,
    "Filter" => filter};
    Stream::new(dict, data).with_compression(false)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut s = Stream::new(Dictionary::new(), data.to_vec());
    s.compress().unwrap();
    s.content
}

#[test]
fn hostile_images_give_one_record_each_within_the_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 60000 × 60000 pixels declared by a stream of a few bytes.
    scan(
        image(60000, 60000, 8, "FlateDecode", deflate(&[255; 64])),
        1,
        &d.join("huge.pdf"),
    );
    // 4000 × 4000 declared, the stream inflating to 256 MiB.
    let bomb = deflate(&vec![255u8; 256 << 20]);
    scan(
        image(4000, 4000, 8, "FlateDecode", bomb),
        1,
        &d.join("inflating.pdf"),
    );
    // CCITT and JBIG2 streams that are not what their sizes say.
    let fax = image(20000, 20000, 1, "CCITTFaxDecode", vec![0x5a; 300]);
    scan(fax, 1, &d.join("lying-ccitt.pdf"));
    let jbig2 = image(
        20000,
        20000,
        1,
        "JBIG2Decode",
        vec![0x97, 0x4a, 0x42, 0x32, 0, 1],
    );
    scan(jbig2, 1, &d.join("lying-jbig2.pdf"));
    // A 2000-page scan: far more OCR than the time limit allows.
    let page = image(
        850,
        1200,
        8,
        "FlateDecode",
        deflate(&vec![200u8; 850 * 1200]),
    );
    scan(page, 2000, &d.join("many-pages.pdf"));
    std::fs::copy("samples/baisha-2020-lo.pdf", d.join("good.pdf")).unwrap();
    let start = Instant::now();
    let dirname = d.to_str().unwrap();
    let out = common::govreport(&[
        "extract",
        "-q",
        "--timeout",
        "8",
        "--max-timeout",
        "8",
        dirname,
        "--jsonl",
        "-",
    ]);
    let elapsed = start.elapsed();
    let records = common::records(&out);
    assert_eq!(records.len(), 6);
    let by = |name: &str| {
        records
            .iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    assert_eq!(
        by("huge.pdf")["errors"][0]["code"],
        "too_large",
        "{}",
        by("huge.pdf")
    );
    assert_eq!(by("many-pages.pdf")["errors"][0]["code"], "timeout");
    for name in ["inflating.pdf", "lying-ccitt.pdf", "lying-jbig2.pdf"] {
        let r = by(name);
        assert_ne!(r["errors"][0]["code"], "internal", "{name}: {r}");
        assert_ne!(r["status"], "ok", "{name}: {r}");
    }
    assert_eq!(by("good.pdf")["status"], "ok");
    // Six files at 8 s each at most (--max-timeout caps the time OCR pages add), on however
    // many cores: bounded, not hung.
    assert!(elapsed < Duration::from_secs(6 * 8 + 20), "{elapsed:?}");
}
