//! The record guide (docs/guide/record.md, where the README's code list moved) lists every
//! error and warning code and every check rule a record can carry.

use govreport_model::codes::{ErrorCode, Rule, WarningCode};

/// The page that documents the codes.
const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide/record.md");

#[test]
fn every_error_and_warning_code_and_check_rule_is_in_the_record_guide() {
    let guide = std::fs::read_to_string(GUIDE).expect("docs/guide/record.md is readable");
    let codes = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(WarningCode::ALL.iter().map(|c| c.as_str()))
        .chain(Rule::ALL.iter().map(|r| r.as_str()));
    let missing: Vec<&str> = codes
        .filter(|code| !guide.contains(&format!("`{code}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/guide/record.md: {missing:?}"
    );
}
