//! The batch page of `extract --html FILE`: summary and charts first, then the problems
//! (failed files, failing checks, warnings, repaired cells), the audit findings, then every
//! report collapsed.
//!
//! Records stream through [`BatchPage::add`] and are never kept: each one's problem rows
//! and details are written at once to temporary files beside the page, and only counters
//! stay in memory; [`BatchPage::finish`] writes the summary and appends the parts.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::charts::{Bar, bars};
use super::crops;
use super::tables::{self, Marks};
use super::{Html, file_url, foot, head};
use crate::output::review;
use govreport_model::codes::{AuditRule, CheckStatus};
use govreport_model::format::Format;
use govreport_model::record::{Check, Notice, Record, Region, Status};
use govreport_model::template::CellPath;

/// The parts written while the batch runs, in page order.
const PARTS: [&str; 6] = [
    "failed", "failing", "review", "repaired", "audit", "reports",
];
/// Most crops one page shows (each a few kilobytes); cells past it show the reason.
const MAX_CROPS: usize = 300;

/// A batch page being written.
pub struct BatchPage {
    path: PathBuf,
    parts: Vec<(PathBuf, BufWriter<File>)>,
    tally: Tally,
    /// Whether crops can be drawn here (`pdftoppm`), else why not.
    crops: Result<(), String>,
}

/// What the summary needs: counts only (a few dozen bytes, whatever the batch size).
#[derive(Default)]
struct Tally {
    files: usize,
    by_status: [usize; 3],
    codes: BTreeMap<&'static str, usize>,
    warnings: BTreeMap<&'static str, usize>,
    failing_per_file: BTreeMap<usize, usize>,
    repaired: usize,
    pages: u64,
    /// Reports per region code, for the map.
    places: BTreeMap<String, usize>,
    /// Reports read but not placed (no region code).
    unplaced: usize,
    /// Audit findings per rule.
    findings: BTreeMap<&'static str, usize>,
    /// Rows written to each problem table (failed files, failing checks and warnings,
    /// cells to review, repaired cells, audit findings), so that an empty one can say so.
    rows: [usize; 5],
    /// Crops drawn so far.
    crops: usize,
}

impl BatchPage {
    /// Starts a page to be written to `path` (parts go to `path.part-*` until the end).
    pub fn create(path: &Path) -> std::io::Result<BatchPage> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let mut parts = Vec::new();
        for name in PARTS {
            let part = path.with_extension(format!("part-{name}"));
            parts.push((part.clone(), BufWriter::new(File::create(&part)?)));
        }
        Ok(BatchPage {
            path: path.to_path_buf(),
            parts,
            tally: Tally::default(),
            crops: crops::available(),
        })
    }

    /// Adds one record: counts it, writes its problem rows and its collapsed details.
    pub fn add(&mut self, record: &Record) -> std::io::Result<()> {
        let t = &mut self.tally;
        t.files += 1;
        t.by_status[index(record.status)] += 1;
        t.pages += u64::from(record.source.pages.unwrap_or(0));
        for e in &record.errors {
            *t.codes.entry(e.code.as_str()).or_default() += 1;
        }
        for w in &record.warnings {
            *t.warnings.entry(w.code.as_str()).or_default() += 1;
        }
        *t.failing_per_file
            .entry(checks(record, CheckStatus::Fail).count())
            .or_default() += 1;
        t.repaired += repaired(record).count();
        match &record.report.region {
            Some(region) => *t.places.entry(region.code.clone()).or_default() += 1,
            None if record.status != Status::Failed => t.unplaced += 1,
            None => {}
        }
        let id = t.files;
        let mut h = Html::new();
        let [failed, failing, repaired] = problems(&mut h, record, id, &mut self.parts)?;
        let crops = self.crops.as_ref().map(|_| ()).map_err(String::as_str);
        let cells = review(&mut h, record, id, crops, &mut self.tally.crops);
        self.parts[2].1.write_all(h.take().as_bytes())?;
        let rows = [failed, failing, cells, repaired];
        for (total, n) in self.tally.rows.iter_mut().zip(rows) {
            *total += n;
        }
        for f in &record.audit {
            *self.tally.findings.entry(f.rule.as_str()).or_default() += 1;
        }
        self.tally.rows[4] += findings(&mut h, record, id, &mut self.parts[4].1)?;
        details(&mut h, record, id);
        self.parts[5].1.write_all(h.take().as_bytes())
    }

    /// Writes the page (summary, then the parts) and removes the parts.
    pub fn finish(mut self, seconds: f64) -> std::io::Result<()> {
        let mut h = Html::new();
        let title = format!("govreport: {} files", self.tally.files);
        head(&mut h, &title);
        summary(&mut h, &self.tally, seconds);
        let mut out = BufWriter::new(File::create(&self.path)?);
        out.write_all(h.take().as_bytes())?;
        let headings: [&'static str; 6] = [
            "<h2 id=failed>Failed files</h2><table><tr><th class=l>file<th class=l>code<th class=l>message",
            "</table><h2 id=failing>Failing checks and warnings</h2><table><tr><th class=l>file<th class=l>rule<th class=l>values<th class=l>cell<th>page",
            "</table><h2 id=review>Cells to review</h2><p>Each doubtful cell with the part of the page it was read from; paste the row, with the value the page shows, into the file given to <code>--corrections</code> (header <code>sha256,path,value,note</code>).</p><table><tr><th class=l>file<th class=l>cell<th>reading<th>page<th class=l>on the page<th class=l>why<th class=l>corrections row",
            "</table><h2 id=repaired>Repaired cells</h2><table><tr><th class=l>file<th class=l>cell<th class=l>how",
            "</table><h2 id=audit>Audit findings</h2><table><tr><th class=l>file<th class=l>rule<th class=l>finding<th class=l>path<th>page",
            "</table><h2 id=reports>Reports</h2>",
        ];
        for (i, ((part, writer), heading)) in self.parts.drain(..).zip(headings).enumerate() {
            drop(writer.into_inner().map_err(|e| e.into_error())?);
            out.write_all(heading.as_bytes())?;
            std::io::copy(&mut File::open(&part)?, &mut out)?;
            fs::remove_file(&part)?;
            if self.tally.rows.get(i) == Some(&0) {
                out.write_all(b"<tr><td class=l colspan=5>none")?;
            }
        }
        foot(&mut h);
        out.write_all(h.take().as_bytes())?;
        out.flush()
    }
}

impl Drop for BatchPage {
    /// A page never finished (an error stopped the batch) leaves no parts behind.
    fn drop(&mut self) {
        for (part, _) in &self.parts {
            let _ = fs::remove_file(part);
        }
    }
}

/// The position of a status in [`STATUS`].
fn index(status: Status) -> usize {
    match status {
        Status::Ok => 0,
        Status::Partial => 1,
        Status::Failed => 2,
    }
}

/// A record's checks with one status.
fn checks(record: &Record, status: CheckStatus) -> impl Iterator<Item = &Check> {
    record.checks.iter().filter(move |c| c.status == status)
}

/// A record's repaired checks that name a cell.
fn repaired(record: &Record) -> impl Iterator<Item = (&CellPath, &Check)> {
    checks(record, CheckStatus::Repaired).filter_map(|c| Some((c.path.as_ref()?, c)))
}

/// A path's text, or "" for none.
fn path_text(path: Option<&CellPath>) -> String {
    path.map(CellPath::to_string).unwrap_or_default()
}

/// Status names and their colours, in summary order.
const STATUS: [(&str, &str); 3] = [
    ("ok", "#176a2a"),
    ("partial", "#c98a00"),
    ("failed", "#b3261e"),
];

fn summary(h: &mut Html, t: &Tally, seconds: f64) {
    h.raw("<nav><a href=#failed>Failed files</a> · <a href=#failing>Failing checks and warnings</a> · <a href=#review>Cells to review</a> · <a href=#repaired>Repaired cells</a> · <a href=#audit>Audit findings</a> · <a href=#reports>Reports</a></nav>");
    h.raw("<h2>Summary</h2><table><tr><th class=l>files<th class=l>ok<th class=l>partial<th class=l>failed<th class=l>pages<th class=l>seconds<th class=l>repaired cells<tr>");
    for n in [t.files, t.by_status[0], t.by_status[1], t.by_status[2]] {
        h.raw("<td>").show(n);
    }
    h.raw("<td>")
        .show(t.pages)
        .raw("<td>")
        .show(format!("{seconds:.2}"));
    h.raw("<td>")
        .show(t.repaired)
        .raw("</table><div class=charts>");
    charts(h, t);
    h.raw("</div><div class=charts>");
    super::map::render(h, &t.places, t.unplaced);
    h.raw("</div>\n");
}

/// The summary's bar charts: files by status, failures and warnings by code, files by
/// number of failing checks.
fn charts(h: &mut Html, t: &Tally) {
    let status: Vec<Bar> = STATUS
        .iter()
        .zip(t.by_status)
        .map(|((label, colour), count)| Bar {
            label: label.to_string(),
            count,
            colour,
        })
        .collect();
    bars(h, "Files by status", &status);
    let coded = |m: &BTreeMap<&str, usize>, colour| -> Vec<Bar> {
        m.iter()
            .map(|(label, &count)| Bar {
                label: label.to_string(),
                count,
                colour,
            })
            .collect()
    };
    if !t.codes.is_empty() {
        bars(h, "Failed files by error code", &coded(&t.codes, "#b3261e"));
    }
    if !t.warnings.is_empty() {
        bars(h, "Warnings by code", &coded(&t.warnings, "#c98a00"));
    }
    let mut histogram = [0usize; 6];
    for (&n, &files) in &t.failing_per_file {
        histogram[n.min(5)] += files;
    }
    let hist: Vec<Bar> = histogram
        .iter()
        .enumerate()
        .map(|(n, &count)| Bar {
            label: if n == 5 {
                "5 or more".into()
            } else {
                n.to_string()
            },
            count,
            colour: "#3b5ba5",
        })
        .collect();
    bars(h, "Files by number of failing checks", &hist);
    let audit: Vec<Bar> = AuditRule::ALL
        .iter()
        .map(|rule| Bar {
            label: rule.as_str().trim_start_matches("audit.").to_string(),
            count: t.findings.get(rule.as_str()).copied().unwrap_or(0),
            colour: "#6a4c93",
        })
        .collect();
    bars(h, "Audit findings by rule (audit.…)", &audit);
}

/// Writes one record's audit findings into the audit part; returns how many.
fn findings(h: &mut Html, r: &Record, id: usize, part: &mut impl Write) -> std::io::Result<usize> {
    for f in &r.audit {
        link(h, id, &r.source.path);
        h.el("<td class=l>", f.rule.as_str(), "")
            .el("<td class=msg>", &f.message, "")
            .el("<td class=l>", &path_text(f.path.as_ref()), "<td>");
        if let Some(p) = f.page {
            h.show(p);
        }
    }
    part.write_all(h.take().as_bytes())?;
    Ok(r.audit.len())
}

/// A link to the file's details further down the page.
fn link(h: &mut Html, id: usize, path: &str) {
    h.raw("<tr><td class=l><a href=\"#f")
        .show(id)
        .raw("\">")
        .text(path)
        .raw("</a>");
}

/// The page of a national table's cell: its section's page (PDF only; none for the
/// pre-2019 statistics, whose section varies).
fn page_of(record: &Record, path: &CellPath) -> Option<u32> {
    let number = path.table()?.section();
    let section = record.sections.iter().find(|s| s.number == number);
    section.and_then(|s| s.page)
}

/// Writes one record's rows into the failed-files, failing-checks and repaired-cells parts;
/// returns how many rows each part got.
fn problems(
    h: &mut Html,
    r: &Record,
    id: usize,
    parts: &mut [(PathBuf, BufWriter<File>)],
) -> std::io::Result<[usize; 3]> {
    let path = &r.source.path;
    for e in &r.errors {
        link(h, id, path);
        h.el("<td class=l>", e.code.as_str(), "")
            .el("<td class=msg>", &e.message, "");
    }
    parts[0].1.write_all(h.take().as_bytes())?;
    let failing = checks(r, CheckStatus::Fail).count();
    for c in checks(r, CheckStatus::Fail) {
        link(h, id, path);
        h.el("<td class=l>", c.rule.as_str(), "")
            .el("<td class=msg>", &c.message, "")
            .el("<td class=l>", &path_text(c.path.as_ref()), "<td>");
        if let Some(p) = c.path.as_ref().and_then(|cell| page_of(r, cell)) {
            h.show(p);
        }
    }
    for w in &r.warnings {
        link(h, id, path);
        h.el("<td class=l>warning: ", w.code.as_str(), "").el(
            "<td class=msg>",
            &w.message,
            "<td><td>",
        );
    }
    parts[1].1.write_all(h.take().as_bytes())?;
    for (cell, c) in repaired(r) {
        link(h, id, path);
        h.el("<td class=l>", &cell.to_string(), "")
            .el("<td class=msg>", &c.message, "");
    }
    parts[3].1.write_all(h.take().as_bytes())?;
    Ok([
        r.errors.len(),
        failing + r.warnings.len(),
        repaired(r).count(),
    ])
}

/// Writes one row per doubtful cell of a record (as `extract --review` lists them): its
/// reading, its crop of the page (while fewer than [`MAX_CROPS`] were drawn), the reasons and
/// the corrections row to paste; returns how many rows.
fn review(
    h: &mut Html,
    record: &Record,
    id: usize,
    crops: Result<(), &str>,
    drawn: &mut usize,
) -> usize {
    let doubts = review::doubts(record);
    let source = &record.source;
    for d in &doubts {
        link(h, id, &source.path);
        let value = d.value.as_ref().map(|n| n.to_string()).unwrap_or_default();
        h.el("<td class=l>", &d.path.to_string(), "")
            .el("<td>", &value, "<td>");
        if let Some(p) = d.page {
            h.show(p);
        }
        h.raw("<td class=l>");
        let provenance = record.cells.get(&d.path);
        let image = match (crops, provenance) {
            (Err(why), _) => Err(why.to_string()),
            _ if *drawn >= MAX_CROPS => Err(format!("no crop: the page shows {MAX_CROPS} at most")),
            _ if source.format != Some(Format::Pdf) => {
                Err("no page image: the file has no pages".to_string())
            }
            (_, None) => Err("no box: the record does not say where the cell was read".into()),
            (Ok(()), Some(p)) => crops::crop(Path::new(&source.path), p),
        };
        match image {
            Ok(uri) => {
                *drawn += 1;
                h.raw("<img alt=\"crop\" src=\"").text(&uri).raw("\">");
            }
            Err(why) => {
                h.text(&why);
            }
        }
        let row = format!("{},{},{value},", source.sha256, d.path);
        h.el("<td class=msg>", &d.reason, "")
            .el("<td class=l><code>", &row, "</code>");
    }
    doubts.len()
}

/// One report, collapsed: status, path and title; inside, metadata and tables.
fn details(h: &mut Html, r: &Record, id: usize) {
    let status = STATUS[index(r.status)].0;
    let source = &r.source;
    let path = &source.path;
    h.raw("<details id=\"f")
        .show(id)
        .raw("\"><summary><b class=");
    h.text(status)
        .raw(">")
        .text(status)
        .raw("</b> ")
        .text(path)
        .raw(" — ");
    let title = r.report.title.as_deref().unwrap_or("(no title)");
    h.text(title)
        .raw("</summary><dl class=meta><dt>source<dd><a href=\"");
    h.text(&file_url(path)).raw("\">").text(path).raw("</a> (");
    h.text(source.format.map_or("", Format::name))
        .raw(", ")
        .show(source.bytes)
        .raw(" bytes");
    if let Some(p) = source.pages {
        h.raw(", ").show(p).raw(" pages");
    }
    h.raw(")");
    report_meta(h, r);
    h.raw("</dl>");
    let marks = Marks::of(&r.checks, &r.tables);
    tables::render(h, &r.tables, &marks);
    h.raw("</details>\n");
}

/// A record's `report.region` as `320813 江苏省 淮安市 洪泽区 (county)`.
fn region(region: &Region) -> String {
    let names = [&region.province, &region.city, &region.county];
    let mut names: Vec<&str> = names.into_iter().flatten().map(String::as_str).collect();
    names.dedup();
    let (code, level) = (&region.code, region.level);
    format!("{code} {} ({level})", names.join(" "))
}

/// A record's report fields, check count, errors and warnings, as `<dt>`/`<dd>` pairs.
fn report_meta(h: &mut Html, r: &Record) {
    let report = &r.report;
    let period = (report.period.as_ref()).map(|p| format!("{} – {}", p.start, p.end));
    for (name, v) in [
        ("agency", report.agency.clone()),
        ("region", report.region.as_ref().map(region)),
        ("agency level", report.agency_level.map(|l| l.to_string())),
        ("agency kind", report.agency_kind.map(|k| k.to_string())),
        ("year", report.year.map(|y| y.to_string())),
        ("period", period),
        ("template", Some(report.template.to_string())),
    ] {
        h.raw("<dt>")
            .text(name)
            .raw("<dd>")
            .text(v.as_deref().unwrap_or("—"));
    }
    h.raw("<dt>checks<dd>")
        .show(r.checks.len())
        .raw(", failing ")
        .show(checks(r, CheckStatus::Fail).count());
    notices(h, "error", &r.errors);
    notices(h, "warning", &r.warnings);
}

/// A record's errors or warnings, `code: message`, as `<dt>`/`<dd>` pairs.
fn notices<C: std::fmt::Display>(h: &mut Html, name: &str, notices: &[Notice<C>]) {
    for n in notices {
        h.raw("<dt>").text(name).raw("<dd>").show(&n.code).raw(": ");
        h.text(&n.message);
    }
}
