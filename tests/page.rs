//! The HTML pages of `extract --html` and `compare --html`: they parse, hold every file and
//! every failing check, escape report text, stay small, and render in a browser.

mod common;

use common::{govreport, records};
use scraper::{Html, Selector};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Bytes per record the batch page may use (measured: about 4 KB; see the README).
const BUDGET_PER_RECORD: usize = 8 * 1024;

/// The samples plus one report whose title holds a script and whose 表三 does not add up.
fn batch(dir: &Path) -> (PathBuf, Vec<serde_json::Value>) {
    let text = fs::read_to_string("samples/shiwan-2021-poor.txt").unwrap();
    let bad = text
        .replacen("石湾区", "<script>alert(\"x\")</script>石湾区", 1)
        .replace("（七）总计\t277", "（七）总计\t270");
    let bad_path = dir.join("bad-2021.txt");
    fs::write(&bad_path, bad).unwrap();
    let page = dir.join("page.html");
    let args = ["extract", "-q", "samples", bad_path.to_str().unwrap()];
    let out = govreport(
        &[
            &args[..],
            &["--jsonl", "-", "--html", page.to_str().unwrap()],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(2), "the list page fails");
    (page, records(&out))
}

fn text_of(doc: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn the_batch_page_holds_every_file_and_failing_check_escaped_and_small() {
    let dir = tempfile::tempdir().unwrap();
    let (page, records) = batch(dir.path());
    let html = fs::read_to_string(&page).unwrap();
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let scripts = text_of(&doc, "script");
    assert_eq!(scripts.len(), 1, "only the page's own print helper");
    assert!(
        !scripts[0].contains("alert"),
        "the title's script stays text"
    );
    assert!(
        html.contains("&lt;script&gt;alert"),
        "the title is shown, escaped"
    );
    let summaries = text_of(&doc, "details > summary");
    assert_eq!(summaries.len(), records.len());
    for r in &records {
        let path = r["source"]["path"].as_str().unwrap();
        assert!(summaries.iter().any(|s| s.contains(path)), "{path} missing");
    }
    let rows = text_of(&doc, "table tr");
    let mut failing = 0;
    for r in &records {
        for c in r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["status"] == "fail")
        {
            failing += 1;
            let message = c["message"].as_str().unwrap();
            assert!(
                rows.iter().any(|row| row.contains(message)),
                "{message} missing"
            );
        }
    }
    assert!(failing >= 6, "the broken report fails its rules");
    let marked = text_of(&doc, "td.bad").len();
    assert!(marked >= 2, "the failing total cells are marked: {marked}");
    let errors = text_of(&doc, "tr");
    assert!(errors.iter().any(|r| r.contains("not_a_report")));
    let list_page = text_of(&doc, "details")
        .into_iter()
        .find(|d| d.contains("liutang-list-page"));
    assert!(
        list_page.is_some_and(|d| d.contains("not_a_report: ")),
        "the error in the details"
    );
    let none_rows: Vec<&String> = rows.iter().filter(|r| r.trim() == "none").collect();
    assert!(
        none_rows.is_empty(),
        "a table with rows shows no `none` row (failed files, failing checks and repaired cells all have rows here): {none_rows:?}"
    );
    let summary = doc.select(&Selector::parse("table").unwrap()).next();
    let cells: Vec<String> = summary
        .expect("a summary table")
        .select(&Selector::parse("td").unwrap())
        .map(|e| e.text().collect())
        .collect();
    let seconds: f64 = cells[5].parse().expect("the summary's seconds cell");
    assert!(seconds > 0.0, "the batch took {seconds} s: {cells:?}");
    the_map_has_a_dot_per_placed_division(&doc, &records);
    let per_record = html.len() / records.len();
    assert!(
        per_record < BUDGET_PER_RECORD,
        "{per_record} bytes per record"
    );
    assert!(
        !page.with_extension("part-reports").exists(),
        "parts are removed"
    );
}

/// The summary's map: one dot per region code among the records, titled with its code, and
/// each placed report's region in its details.
fn the_map_has_a_dot_per_placed_division(doc: &Html, records: &[Value]) {
    let mut codes: Vec<&str> = records
        .iter()
        .filter_map(|r| r["report"]["region"]["code"].as_str())
        .collect();
    let placed = codes.len();
    codes.sort_unstable();
    codes.dedup();
    let dots = text_of(doc, "figure svg circle title");
    assert_eq!(dots.len(), codes.len(), "{dots:?}");
    for code in &codes {
        assert!(dots.iter().any(|d| d.starts_with(code)), "{code}: {dots:?}");
    }
    let caption = format!("Reports on the map: {placed} placed");
    assert!(
        text_of(doc, "figcaption")
            .iter()
            .any(|c| c.starts_with(&caption))
    );
    let details = text_of(doc, "details");
    assert!(
        details
            .iter()
            .any(|d| d.contains("region131125 河北省 衡水市 安平县 (county)"))
    );
}

#[test]
fn the_compare_page_shows_the_rule_results_and_both_years() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("compare.html");
    let mut args = vec!["compare", "-q", "--html", page.to_str().unwrap()];
    let files: Vec<String> = fs::read_dir("samples")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .filter(|p| p.contains("shiwan-"))
        .collect();
    args.extend(files.iter().map(String::as_str));
    let out = govreport(&args);
    assert_eq!(out.status.code(), Some(1));
    let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let failed = text_of(&doc, "tr.failed");
    assert_eq!(
        failed.len(),
        2,
        "2022→2023, from each 2022 file: {failed:?}"
    );
    assert!(failed.iter().all(|r| r.contains("2022→2023")));
    assert_eq!(
        text_of(&doc, "td.bad").len(),
        4,
        "自然人 and 总计 of each pair"
    );
    let pairs = text_of(&doc, "details > summary");
    assert_eq!(
        pairs.len(),
        6,
        "each checked pair of files, side by side: {pairs:?}"
    );
    let body = text_of(&doc, "body").concat();
    assert!(body.contains("missing: 2024"), "{body}");
    for f in &files {
        assert!(body.contains(f.as_str()), "{f}");
    }
}

#[test]
#[ignore = "needs chromium (CI installs it and runs --include-ignored)"]
fn a_headless_browser_renders_the_batch_page() {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("chromium, chromium-browser or google-chrome on PATH");
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = batch(dir.path());
    let png = dir.path().join("page.png");
    let profile = dir.path().join("profile");
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
        ])
        .args(["--no-first-run", "--window-size=1280,2000"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let bytes = fs::read(&png).unwrap_or_default();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
        "no screenshot ({} bytes): {}",
        bytes.len(),
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn a_pre_2019_report_shows_its_statistics_with_the_failing_total_marked() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pre.html");
    let sample = "samples/qinghe-2018-lo.pdf";
    let out = govreport(&[
        "extract",
        "-q",
        sample,
        "--jsonl",
        "-",
        "--html",
        page.to_str().unwrap(),
    ]);
    let record = &records(&out)[0];
    let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
    assert_eq!(
        text_of(&doc, "h4"),
        ["统计表"],
        "no national tables before 2019"
    );
    let rows = record["tables"]["statistics"]["rows"].as_array().unwrap();
    let table_rows = text_of(&doc, "table.t tr");
    assert_eq!(
        table_rows.len(),
        rows.len() + 1,
        "a header and one line per indicator"
    );
    let failing: Vec<&Value> = record["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail" && c["path"].is_string())
        .collect();
    assert!(
        !failing.is_empty(),
        "the sample prints a total that does not add up"
    );
    assert_eq!(text_of(&doc, "td.bad").len(), failing.len());
}

/// Whether poppler's `pdftoppm` runs here.
fn pdftoppm() -> bool {
    Command::new("pdftoppm").arg("-v").output().is_ok()
}

#[test]
fn each_cell_to_review_shows_its_crop_reading_and_corrections_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("samples/xinhe-2024-poor.txt").unwrap();
    let bad = dir.path().join("xinhe-bad.txt");
    fs::write(
        &bad,
        text.replace("74\t21\t45\t11\t151", "74\t21\t45\t17\t151"),
    )
    .unwrap();
    let (page, review) = (dir.path().join("page.html"), dir.path().join("review.csv"));
    let args = [
        "extract",
        "-q",
        "samples/baisha-2020-ocrmypdf.pdf",
        bad.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
        "--review",
        review.to_str().unwrap(),
    ];
    assert!(govreport(&args).status.success());
    let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
    let rows = Selector::parse("h2#review + p + table tr").unwrap();
    let rows: Vec<_> = doc.select(&rows).skip(1).collect();
    let mut reader = ::csv::Reader::from_path(&review).unwrap();
    let listed: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(listed.len() >= 2, "both files have doubtful cells");
    assert_eq!(rows.len(), listed.len(), "one page row per review row");
    let img = Selector::parse("img").unwrap();
    for (row, cell) in rows.iter().zip(&listed) {
        let text: String = row.text().collect();
        let paste = format!("{},{},{},", &cell[0], &cell[1], &cell[2]);
        assert!(text.contains(&paste), "{paste} not in {text}");
        let crop = row.select(&img).next();
        if cell[5].ends_with(".txt") {
            assert!(crop.is_none() && text.contains("no page image"), "{text}");
        } else if pdftoppm() && !cell[3].is_empty() {
            let src = crop.expect("a crop").value().attr("src").unwrap();
            assert!(
                src.starts_with("data:image/png;base64,iVBORw0KGgo"),
                "{src:.40}"
            );
            assert!(src.len() < 40_000, "a small crop: {} bytes", src.len());
        }
    }
}
