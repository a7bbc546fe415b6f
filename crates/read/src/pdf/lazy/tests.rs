//! The lazy reader against lopdf's full load: on every sample, and on built files with
//! cross-reference and object streams, an incremental update, encryption and truncation.

use std::time::{Duration, Instant};

use lopdf::{Document, LoadOptions, Object};

use super::load;
use crate::pdf::{PdfError, PdfText, page_resources, read, sample_documents};
use govreport_model::limits::Limits;

const LIMIT: usize = 64 << 20;

fn full(bytes: &[u8]) -> Document {
    let options = LoadOptions {
        max_decompressed_size: Some(LIMIT),
        ..Default::default()
    };
    Document::load_mem_with_options(bytes, options).expect("lopdf loads it")
}

/// Every lazily loaded object is the full load's, and the pages read the same.
fn assert_same(lazy: &Document, full: &Document, what: &str) {
    for (id, object) in &lazy.objects {
        assert_eq!(Some(object), full.objects.get(id), "{what}: object {id:?}");
    }
    let pages: Vec<_> = lazy.page_iter().collect();
    assert_eq!(
        pages,
        full.page_iter().collect::<Vec<_>>(),
        "{what}: page ids"
    );
    for &page in &pages {
        let content = |d: &Document| d.get_page_content_with_limit(page, LIMIT).ok();
        assert_eq!(content(lazy), content(full), "{what}: content of {page:?}");
        let resources = page_resources(lazy, page);
        assert_eq!(resources, page_resources(full, page), "{what}: resources");
        let fonts = resources.get_deref(b"Font", lazy).and_then(Object::as_dict);
        for (_, font) in fonts.into_iter().flat_map(|f| f.iter()) {
            assert_eq!(
                lazy.dereference(font).ok().map(|(_, o)| o),
                full.dereference(font).ok().map(|(_, o)| o),
                "{what}: font"
            );
        }
    }
    assert_eq!(summary(interpret(lazy)), summary(interpret(full)), "{what}");
}

fn interpret(doc: &Document) -> Result<PdfText, PdfError> {
    let deadline = Instant::now() + Duration::from_secs(60);
    super::super::interpret(doc, &Limits::default(), deadline)
}

/// What a reading gives, in a comparable form.
fn summary(text: Result<PdfText, PdfError>) -> String {
    match text {
        Ok(t) => format!(
            "{:?} {:?} {:?} {:?} {:?} {:?}",
            t.pages, t.producer, t.warnings, t.ocr_layer, t.layer_engine, t.images
        ),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn every_sample_reads_lazily_as_the_full_load_reads_it() {
    let mut lazily = 0;
    let samples = sample_documents();
    for (path, full) in &samples {
        let bytes = std::fs::read(path).expect("a sample");
        let Some(lazy) = load(&bytes, LIMIT) else {
            continue;
        };
        lazily += 1;
        assert_same(&lazy, full, &path.display().to_string());
    }
    assert!(
        lazily * 10 >= samples.len() * 9,
        "{lazily} of {}",
        samples.len()
    );
}

/// Where `needle` last occurs in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .rposition(|w| w == needle)
        .expect("the needle is there")
}

/// A file of numbered objects (`None` leaves a number out), with a trailer or
/// cross-reference stream made by `tail` from the objects' offsets and the end of the body.
fn build(objects: &[Option<&[u8]>], tail: impl Fn(&[usize], usize) -> Vec<u8>) -> Vec<u8> {
    let mut pdf = b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = vec![0];
    for (i, object) in objects.iter().enumerate() {
        offsets.push(if object.is_some() { pdf.len() } else { 0 });
        if let Some(body) = object {
            pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            pdf.extend_from_slice(body);
            pdf.extend_from_slice(b"\nendobj\n");
        }
    }
    let end = pdf.len();
    pdf.extend(tail(&offsets, end));
    pdf
}

/// A stream object with `data` and the dictionary entries `dict`.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fn classic_tail(offsets: &[usize], end: usize, extra: &str) -> Vec<u8> {
    let mut t = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len());
    for offset in &offsets[1..] {
        t += &match offset {
            0 => "0000000000 00001 f \n".to_string(),
            _ => format!("{offset:010} 00000 n \n"),
        };
    }
    t += &format!(
        "trailer\n<< /Size {} /Root 1 0 R {extra} >>\nstartxref\n{end}\n%%EOF\n",
        offsets.len()
    );
    t.into_bytes()
}

const PAGE: &[u8] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
    /Resources << /Font << /F1 6 0 R >> >> >>";

/// Object stream 7 (objects 1, 2, 3, 5 and 6) and content stream 4, whose `/Length` is
/// object 5 in the object stream.
fn object_stream_parts() -> (Vec<u8>, Vec<u8>) {
    let members: [(u32, &[u8]); 5] = [
        (
            1,
            b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 8 0 R >>",
        ),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        (3, PAGE),
        (5, b"34"),
        (6, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ];
    let mut body = Vec::new();
    let mut index = String::new();
    for (number, object) in members {
        index += &format!("{number} {} ", body.len());
        body.extend_from_slice(object);
        body.push(b' ');
    }
    let first = index.len();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&[index.as_bytes(), &body].concat(), 6);
    let objstm = stream(
        &format!("/Type /ObjStm /N 5 /First {first} /Filter /FlateDecode"),
        &packed,
    );
    let content = b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET";
    let content = [
        &b"<< /Length 5 0 R >>\nstream\n"[..],
        content,
        b"\nendstream",
    ]
    .concat();
    (objstm, content)
}

/// The objects 1–8 of a file with [`object_stream_parts`] and an unreferenced structure tree.
fn object_stream_objects<'a>(objstm: &'a [u8], content: &'a [u8]) -> Vec<Option<&'a [u8]>> {
    let tree: &[u8] = b"<< /Type /StructTreeRoot >>";
    vec![
        None,
        None,
        None,
        Some(content),
        None,
        None,
        Some(objstm),
        Some(tree),
    ]
}

#[test]
fn cross_reference_and_object_streams_are_read() {
    let (objstm, content) = object_stream_parts();
    let pdf = build(&object_stream_objects(&objstm, &content), xref_stream);
    let lazy = load(&pdf, LIMIT).expect("read lazily");
    assert!(
        !lazy.objects.contains_key(&(8, 0)),
        "the structure tree is left"
    );
    assert_same(&lazy, &full(&pdf), "object streams");
    let page = lazy.page_iter().next().unwrap();
    assert!(rfind(&lazy.get_page_content(page), b"(Hi) Tj") > 0);
}

/// A hybrid-reference file: a table that lists objects 4, 7 and 8 (the others as free)
/// and names the cross-reference stream of [`xref_stream`] by `/XRefStm`.
#[test]
fn a_hybrid_file_reads_its_cross_reference_stream_too() {
    let (objstm, content) = object_stream_parts();
    let pdf = build(&object_stream_objects(&objstm, &content), |offsets, end| {
        let mut tail = xref_stream(offsets, end);
        tail.truncate(rfind(&tail, b"startxref"));
        let at = end + tail.len();
        let mut table = String::from("xref\n0 10\n");
        for (number, offset) in offsets.iter().enumerate().chain([(9, &0)]) {
            table += &match number {
                4 | 7 | 8 => format!("{offset:010} 00000 n \n"),
                _ => "0000000000 65535 f \n".to_string(),
            };
        }
        table += &format!(
            "trailer\n<< /Size 10 /Root 1 0 R /XRefStm {end} >>\nstartxref\n{at}\n%%EOF\n"
        );
        tail.extend(table.as_bytes());
        tail
    });
    let lazy = load(&pdf, LIMIT).expect("read lazily");
    assert!(
        lazy.objects.contains_key(&(6, 0)),
        "the font comes from the stream"
    );
    assert_same(&lazy, &full(&pdf), "hybrid");
}

/// A cross-reference stream (object 9, after the body) with PNG Up prediction: objects
/// 1, 2, 3, 5 and 6 in object stream 7, the others at `offsets`.
fn xref_stream(offsets: &[usize], end: usize) -> Vec<u8> {
    let row = |kind: u8, a: usize, b: u8| [kind, (a >> 8) as u8, a as u8, b];
    let mut rows = vec![row(0, 0, 255)];
    for (number, &offset) in offsets.iter().enumerate().skip(1) {
        rows.push(match number {
            1 | 2 | 3 | 5 | 6 => row(2, 7, number as u8),
            _ => row(1, offset, 0),
        });
    }
    rows.push(row(1, end, 0));
    let mut data = Vec::new();
    let mut above = [0u8; 4];
    for r in rows {
        data.push(2);
        data.extend(r.iter().zip(above).map(|(x, up)| x.wrapping_sub(up)));
        above = r;
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&data, 6);
    let dict = "/Type /XRef /Size 10 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode \
        /DecodeParms << /Predictor 12 /Columns 4 >>";
    let mut t = b"9 0 obj\n".to_vec();
    t.extend(stream(dict, &packed));
    t.extend_from_slice(format!("\nendobj\nstartxref\n{end}\n%%EOF\n").as_bytes());
    t
}

fn simple(text: &str) -> Vec<u8> {
    let content = stream(
        "",
        format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET").as_bytes(),
    );
    let objects: Vec<Option<&[u8]>> = vec![
        Some(b"<< /Type /Catalog /Pages 2 0 R >>"),
        Some(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Some(PAGE),
        Some(&content),
        None,
        Some(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ];
    build(&objects, |offsets, end| classic_tail(offsets, end, ""))
}

#[test]
fn an_incremental_update_replaces_the_objects_it_rewrites() {
    let mut pdf = simple("old");
    let prev = rfind(&pdf, b"xref\n0 ");
    let at = pdf.len();
    pdf.extend(b"4 0 obj\n");
    pdf.extend(stream("", b"BT /F1 12 Tf 72 700 Td (new) Tj ET"));
    pdf.extend(b"\nendobj\n");
    let end = pdf.len();
    let update = format!(
        "xref\n0 1\n0000000000 65535 f \n4 1\n{at:010} 00000 n \n\
         trailer\n<< /Size 7 /Root 1 0 R /Prev {prev} >>\nstartxref\n{end}\n%%EOF\n"
    );
    pdf.extend(update.as_bytes());
    let lazy = load(&pdf, LIMIT).expect("read lazily");
    assert_same(&lazy, &full(&pdf), "update");
    let page = lazy.page_iter().next().unwrap();
    assert!(rfind(&lazy.get_page_content(page), b"(new) Tj") > 0);
}

#[test]
fn an_encrypted_file_is_left_to_the_full_load() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/linlan-2019-lo-encrypted.pdf"
    );
    let bytes = std::fs::read(path).expect("a sample");
    assert!(load(&bytes, LIMIT).is_none());
    let mut locked = simple("x");
    let at = rfind(&locked, b"/Root");
    locked.splice(at..at, b"/Encrypt 5 0 R ".iter().copied());
    assert!(load(&locked, LIMIT).is_none());
}

#[test]
fn a_truncated_or_misaddressed_file_is_left_to_the_full_load() {
    let pdf = simple("x");
    assert!(load(&pdf, LIMIT).is_some());
    let deadline = Instant::now() + Duration::from_secs(10);
    for cut in [pdf.len() / 2, pdf.len() - 30] {
        assert!(load(&pdf[..cut], LIMIT).is_none(), "cut at {cut}");
        let got = summary(read(&pdf[..cut], &Limits::default(), deadline));
        let options = LoadOptions::default();
        let want = Document::load_mem_with_options(&pdf[..cut], options);
        match want {
            Ok(doc) => assert_eq!(got, summary(interpret(&doc))),
            Err(_) => assert!(got.starts_with("Truncated"), "{got}"),
        }
    }
    let mut shifted = pdf.clone();
    shifted.insert(rfind(&pdf, b"3 0 obj") + 1, b' ');
    assert!(load(&shifted, LIMIT).is_none());
}
