//! `--timeout` bounds every format, not only PDFs: past it the file fails with `timeout`.

mod common;

use common::{govreport, records};

#[test]
fn text_and_web_pages_past_the_timeout_fail_with_timeout() {
    for sample in [
        "samples/xinhe-2024-poor.txt",
        "samples/bishui-2023-html.html",
        "samples/qinglan-2023-lo.pdf",
    ] {
        let out = govreport(&["extract", "-q", "--timeout", "0", sample, "--jsonl", "-"]);
        assert_eq!(out.status.code(), Some(2), "{sample}");
        let record = &records(&out)[0];
        assert_eq!(record["status"], "failed", "{sample}");
        assert_eq!(record["errors"][0]["code"], "timeout", "{sample}");
    }
}

#[test]
fn the_default_timeout_leaves_them_alone() {
    let out = govreport(&[
        "extract",
        "-q",
        "samples/xinhe-2024-poor.txt",
        "--jsonl",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out)[0]["errors"], serde_json::json!([]));
}
