//! Tests over the reference corpus (`shared/corpus`), skipped when it is absent.

use super::counts::find_counts;
use super::dates::find_dates;
use super::narrative::{TextLine, lines_from_text};
use super::policies::find_policies;
use std::path::PathBuf;

/// The corpus file `rel`, looked for in `shared/` beside or above the workspace.
fn corpus(rel: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../../../shared/corpus", "../../../../shared/corpus"]
        .iter()
        .map(|d| root.join(d).join(rel))
        .find(|p| p.is_file())
}

/// The seed report's text lines (no pages), or None (with a message) when absent.
fn seed_lines() -> Option<Vec<TextLine>> {
    let Some(path) = corpus("seed/000_2395ce83fb86712e.txt") else {
        eprintln!("skipped: shared/corpus/seed/000_2395ce83fb86712e.txt not found");
        return None;
    };
    let text = std::fs::read_to_string(path).expect("read seed");
    Some(lines_from_text(&text, None))
}

/// The seed's titles with their expected (date, action), in order of first appearance.
const SEED_POLICIES: &[(&str, Option<&str>, Option<&str>)] = &[
    ("中华人民共和国政府信息公开条例", None, None),
    (
        "吉林省委办公厅、吉林省人民政府办公厅关于全面推进政务公开的实施意见",
        None,
        None,
    ),
    (
        "关于开展2021年度住房公积金缴存基数调整的通知",
        Some("2021-01-08"),
        Some("发布"),
    ),
    (
        "关于调整住房公积金个人住房贷款单笔最高额度的通知",
        Some("2021-03-15"),
        Some("发布"),
    ),
    (
        "长春市住房公积金提取管理办法",
        Some("2021-03-15"),
        Some("发布"),
    ),
    (
        "长春市住房公积金提取管理办法实施细则",
        Some("2021-04-22"),
        Some("发布"),
    ),
    (
        "关于对长春市2021年住房公积金缴存基数进行调整的通知",
        Some("2021-06-11"),
        Some("发布"),
    ),
    (
        "关于取消住房公积金贷款保证金的通知",
        Some("2021-08-25"),
        Some("发布"),
    ),
    (
        "关于开展住房公积金组合贷款(试点)的通知",
        Some("2021-09-16"),
        Some("发布"),
    ),
    ("住房公积金管理条例", Some("2021-11-15"), Some("更新维护")),
    (
        "关于调整长春市住房公积金缴存基数下限的通知",
        Some("2021-11-30"),
        Some("发布"),
    ),
    (
        "关于加强对住房公积金个人住房贷款借款申请人信用状况审查的通知",
        Some("2021-12-03"),
        Some("发布"),
    ),
    (
        "关于调整既有住宅加装电梯提取住房公积金政策的通知",
        Some("2021-12-22"),
        Some("发布"),
    ),
    ("政务公开指数评估报告", None, None),
    ("关于进一步明确缴存基数构成的通知", None, Some("发布")),
];

#[test]
fn seed_policies() {
    let Some(lines) = seed_lines() else { return };
    let got: Vec<(String, Option<String>, Option<String>)> = find_policies(&lines, Some(2021))
        .into_iter()
        .map(|p| (p.title, p.date, p.action))
        .collect();
    let want: Vec<_> = SEED_POLICIES
        .iter()
        .map(|&(t, d, a)| (t.to_string(), d.map(String::from), a.map(String::from)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_dates() {
    let Some(lines) = seed_lines() else { return };
    let got: Vec<String> = find_dates(&lines, Some(2021))
        .into_iter()
        .map(|d| d.date)
        .collect();
    let want = [
        "2021-01-01",
        "2021-12-31",
        "2021-01-08",
        "2021-03-15",
        "2021-03-15",
        "2021-04-22",
        "2021-06-11",
        "2021-08-25",
        "2021-09-16",
        "2021-11-15",
        "2021-11-30",
        "2021-12-03",
        "2021-12-22",
    ];
    assert_eq!(got, want);
}

#[test]
fn seed_counts() {
    let Some(lines) = seed_lines() else { return };
    let got = find_counts(&lines);
    let has = |label: &str, value: &str, unit: &str| {
        got.iter()
            .any(|c| c.label == label && c.value.to_string() == value && c.unit == unit)
    };
    for (label, value, unit) in [
        ("全年信息发布", "294", "条"),
        ("办件量总数", "659396", "个"),
        ("接入电话", "409300", "个"),
        ("人工接通率", "94.44", "%"),
        ("满意度", "99.95", "%"),
        ("同比增长", "26.11", "%"),
        ("业务网点", "17", "个"),
        ("回复网站留言", "1624", "条"),
        ("政府公开专项经费", "0", "元"),
    ] {
        assert!(
            has(label, value, unit),
            "missing {label} {value} {unit}: {got:#?}"
        );
    }
    for bad in ["130022", "12329", "1177", "711", "89216913", "431", "2021"] {
        assert!(
            got.iter().all(|c| c.value.to_string() != bad),
            "{bad} counted"
        );
    }
}

#[test]
fn hongze_pdf_text() {
    let Some(path) = corpus("real/hongze-2023.pdf") else {
        eprintln!("skipped: shared/corpus/real/hongze-2023.pdf not found");
        return;
    };
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("utf-8 path"), "-"])
        .output();
    let Ok(out) = out.map_err(|e| eprintln!("skipped: pdftotext not runnable: {e}")) else {
        return;
    };
    let lines = lines_from_text(&String::from_utf8_lossy(&out.stdout), Some(1));
    let dates: Vec<String> = find_dates(&lines, Some(2021))
        .into_iter()
        .map(|d| d.date)
        .collect();
    assert_eq!(dates, ["2023-01-01", "2023-12-31"]);
    let policies = find_policies(&lines, Some(2023));
    assert!(
        policies
            .iter()
            .all(|p| p.action.is_none() && p.date.is_none())
    );
    let fee = policies
        .iter()
        .find(|p| p.title == "政府信息公开信息处理费管理办法");
    assert_eq!(fee.map(|p| p.page), Some(Some(5)));
    let counts = find_counts(&lines);
    let find = |v: &str| counts.iter().find(|c| c.value.to_string() == v);
    assert_eq!(
        find("1136").map(|c| (c.unit.as_str(), c.page)),
        Some(("条", Some(1)))
    );
    assert_eq!(
        find("21").map(|c| c.label.as_str()),
        Some("全区受理政府信息公开申请")
    );
    for bad in ["711", "90", "223100", "87222589", "126"] {
        assert!(find(bad).is_none(), "{bad} counted");
    }
}
