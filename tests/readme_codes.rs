//! The README lists every error and warning code a record can carry.

use govreport_model::codes::{ErrorCode, WarningCode};

#[test]
fn every_error_and_warning_code_is_in_the_readme() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let codes = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(WarningCode::ALL.iter().map(|c| c.as_str()));
    let missing: Vec<&str> = codes
        .filter(|code| !readme.contains(&format!("`{code}`")))
        .collect();
    assert!(missing.is_empty(), "not in the README: {missing:?}");
}
