//! The record guide (docs/guide/record.md, where the README's code list moved) lists every
//! error and warning code, every check rule and every audit rule a record can carry; the
//! README names every audit rule with the format element it enforces.

use govreport_model::codes::{AuditRule, ErrorCode, Rule, WarningCode};

/// The page that documents the codes.
const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide/record.md");

#[test]
fn every_error_and_warning_code_check_rule_and_audit_rule_is_in_the_record_guide() {
    let guide = std::fs::read_to_string(GUIDE).expect("docs/guide/record.md is readable");
    let codes = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(WarningCode::ALL.iter().map(|c| c.as_str()))
        .chain(Rule::ALL.iter().map(|r| r.as_str()))
        .chain(AuditRule::ALL.iter().map(|r| r.as_str()));
    let missing: Vec<&str> = codes
        .filter(|code| !guide.contains(&format!("`{code}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/guide/record.md: {missing:?}"
    );
}

#[test]
fn every_audit_rule_has_its_line_in_the_readme() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let missing: Vec<&str> = AuditRule::ALL
        .iter()
        .map(|r| r.as_str())
        .filter(|rule| {
            !readme
                .lines()
                .any(|l| l.starts_with(&format!("- `{rule}`")))
        })
        .collect();
    assert!(missing.is_empty(), "no README line for: {missing:?}");
}
