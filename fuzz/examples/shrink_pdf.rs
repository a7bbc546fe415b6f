//! Writes a fuzzing seed from a sample PDF without what govreport never reads (embedded
//! font programs, Type3 glyph procedures, the structure tree, XMP metadata), so seeds are
//! 15–250 KB instead of up to 640 KB and each fuzz run is faster.
//!
//! Usage: cargo run --release --example shrink_pdf -- IN.pdf OUT.pdf

use lopdf::{Document, Object};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: shrink_pdf IN.pdf OUT.pdf");
        std::process::exit(2);
    };
    let mut doc = match Document::load(input) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{input}: {e}");
            std::process::exit(1);
        }
    };
    const UNREAD: [&[u8]; 8] = [
        b"FontFile",
        b"FontFile2",
        b"FontFile3",
        b"CIDSet",
        b"CharProcs",
        b"StructTreeRoot",
        b"StructParents",
        b"Metadata",
    ];
    for object in doc.objects.values_mut() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        for key in UNREAD {
            dict.remove(key);
        }
    }
    doc.prune_objects();
    doc.compress();
    if let Err(e) = doc.save(output) {
        eprintln!("{output}: {e}");
        std::process::exit(1);
    }
}
