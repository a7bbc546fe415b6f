//! Exit statuses: usage errors 1, help and version 0, a failed input 2, a write error 3.

mod common;

use common::govreport;

#[test]
fn an_unknown_option_is_a_usage_error() {
    let out = govreport(&["extract", "--bogus", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bogus"));
}

#[test]
fn a_missing_subcommand_or_input_is_a_usage_error() {
    assert_eq!(govreport(&[]).status.code(), Some(1));
    assert_eq!(govreport(&["extract"]).status.code(), Some(1));
    let out = govreport(&["extract", "no/such/file.pdf", "--jsonl", "-"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn help_and_version_succeed_on_stdout() {
    for args in [&["--help"][..], &["extract", "--help"], &["--version"]] {
        let out = govreport(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn an_output_that_cannot_be_written_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let csv = blocker.join("cells.csv");
    let out = govreport(&["extract", "-q", "samples", "--csv", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create"));
}
