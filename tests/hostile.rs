//! Hostile and broken inputs, built at test time: each gives exactly one record with a
//! stable code, and the good files in the same batch are extracted normally.

mod common;

use common::{govreport, records};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use std::fs;
use std::path::Path;

/// A PDF whose pages show `content` (`pages` copies).
fn pdf(content: &[u8], pages: usize, compress: bool) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut stream = Stream::new(Dictionary::new(), content.to_vec());
    if compress {
        stream.compress().unwrap();
    }
    let content_id = doc.add_object(stream);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            let page = dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]};
            doc.add_object(page).into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => pages as i64},
        ),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    doc
}

fn save(doc: &mut Document, path: &Path) {
    doc.save(path).unwrap();
}

fn build(dir: &Path) {
    let sample = fs::read("samples/qinglan-2023-lo.pdf").unwrap();
    fs::write(dir.join("empty.pdf"), b"").unwrap();
    fs::write(
        dir.join("photo.pdf"),
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'],
    )
    .unwrap();
    fs::write(
        dir.join("error-page.pdf"),
        b"<!DOCTYPE html><html><body>404</body></html>",
    )
    .unwrap();
    fs::write(dir.join("truncated.pdf"), &sample[..sample.len() / 2]).unwrap();
    let text = String::from_utf8_lossy(&sample).into_owned();
    let at = text.rfind("startxref").unwrap();
    let mut damaged = sample.clone();
    damaged.truncate(at);
    damaged.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    fs::write(dir.join("bad-xref.pdf"), damaged).unwrap();
    fs::copy(
        "samples/linlan-2019-lo-encrypted.pdf",
        dir.join("empty-password.pdf"),
    )
    .unwrap();
    fs::copy("samples/jiangchuan-2024-lo.pdf", dir.join("good-a.pdf")).unwrap();
    fs::copy("samples/chengbei-2023-poor.txt", dir.join("good-b.txt")).unwrap();
    let mut locked = pdf(b"BT /F1 12 Tf (x) Tj ET", 1, false);
    let id = Object::String(
        b"0123456789abcdef".to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    locked.trailer.set("ID", vec![id.clone(), id]);
    let version = lopdf::EncryptionVersion::V2 {
        document: &locked,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    };
    let state = lopdf::EncryptionState::try_from(version).expect("an encryption state");
    locked.encrypt(&state).unwrap();
    save(&mut locked, &dir.join("locked.pdf"));
    save(
        &mut pdf(b"0 0 m 100 100 l S 10 10 50 50 re f", 1, false),
        &dir.join("scan.pdf"),
    );
    save(
        &mut pdf(&vec![b' '; 80 << 20], 1, true),
        &dir.join("bomb.pdf"),
    );
    save(&mut pdf(b"q Q", 3000, false), &dir.join("many-pages.pdf"));
    let deep = format!(
        "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/X {}{}>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    fs::write(dir.join("deep.pdf"), deep).unwrap();
    let cycle = b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[2 0 R]/Count 1>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
    fs::write(dir.join("cycle.pdf"), cycle).unwrap();
    fs::write(dir.join("deep-page.html"), "<div>".repeat(100_000)).unwrap();
    fs::write(dir.join("huge.txt"), "一、总体情况\n".repeat(2_000_000)).unwrap();
    fs::write(
        dir.join("list-page.htm"),
        "<ul><li><a href=1>2023年政府信息公开工作年度报告</a></ul>",
    )
    .unwrap();
    fs::copy(
        "samples/liutang-2022-html-gbk.html",
        dir.join("good-c.html"),
    )
    .unwrap();
}

#[test]
fn every_hostile_file_gets_one_record_and_good_files_are_unaffected() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let out = govreport(&[
        "extract",
        "-q",
        "--max-pages",
        "1000",
        dir.path().to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = records(&out);
    assert_eq!(
        found.len(),
        fs::read_dir(dir.path()).unwrap().count(),
        "one record per input"
    );
    let by_name = |name: &str| {
        found
            .iter()
            .find(|r| {
                r["source"]["path"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("/{name}"))
            })
            .unwrap_or_else(|| panic!("a record for {name}"))
            .clone()
    };
    let code = |name: &str| {
        by_name(name)["errors"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    for (name, expected) in [
        ("empty.pdf", "not_pdf"),
        ("photo.pdf", "not_pdf"),
        ("error-page.pdf", "not_pdf"),
        ("locked.pdf", "encrypted"),
        ("scan.pdf", "no_text_layer"),
        ("bomb.pdf", "too_large"),
        ("many-pages.pdf", "too_large"),
        ("deep-page.html", "too_large"),
        ("huge.txt", "too_large"),
        ("list-page.htm", "not_a_report"),
    ] {
        assert_eq!(code(name), expected, "{name}: {}", by_name(name));
        assert_eq!(by_name(name)["status"], "failed");
        assert!(
            !by_name(name)["errors"][0]["message"]
                .as_str()
                .unwrap()
                .is_empty()
        );
    }
    for name in ["truncated.pdf", "bad-xref.pdf", "deep.pdf", "cycle.pdf"] {
        let r = by_name(name);
        let status = r["status"].as_str().unwrap();
        assert!(
            status != "failed"
                || ["truncated", "not_pdf", "no_text_layer"].contains(&code(name).as_str()),
            "{name}: {r}"
        );
        assert_ne!(code(name), "internal", "{name}");
    }
    assert_eq!(
        by_name("bad-xref.pdf")["tables"]["applications"]["rows"]
            .as_object()
            .map(|r| r.len()),
        Some(23)
    );
    for name in [
        "empty-password.pdf",
        "good-a.pdf",
        "good-b.txt",
        "good-c.html",
    ] {
        let r = by_name(name);
        assert_eq!(r["status"], "ok", "{name}: {r}");
        assert!(r["tables"]["applications"].is_object());
    }
}

#[test]
fn a_file_over_the_time_limit_fails_with_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let ops = "BT /F1 12 Tf 10 10 Td (a) Tj ET\n".repeat(20_000);
    save(
        &mut pdf(ops.as_bytes(), 1, false),
        &dir.path().join("slow.pdf"),
    );
    let out = govreport(&[
        "extract",
        "-q",
        "--timeout",
        "0",
        dir.path().to_str().unwrap(),
        "--jsonl",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(records(&out)[0]["errors"][0]["code"], "timeout");
}
