//! The page of `compare --html`: every agency's years with the cross-year rule's results,
//! text reuse between consecutive years, duplicates and gaps; the two reports side by side
//! (or each consecutive pair, collapsed).

use serde_json::Number;

use super::tables::label;
use super::{Html, file_url, foot, head};
use crate::compare::diff::Pair;
use crate::compare::panel::{CarryOver, Group, YearPair};
use crate::compare::text::{pairs, percent, share, signed, summary, value};
use crate::compare::{Comparison, Entry};

/// The whole comparison as one page.
pub fn render(c: &Comparison) -> String {
    let mut h = Html::new();
    head(&mut h, "govreport compare");
    h.el("<p>", &summary(c), "</p>");
    if !c.unreadable.is_empty() {
        h.raw("<h2>Unreadable inputs</h2><table><tr><th class=l>input<th class=l>why");
        for u in &c.unreadable {
            h.el("<tr><td class=l>", &u.path, "")
                .el("<td class=msg>", &u.message, "");
        }
        h.raw("</table>");
    }
    if let Some(pair) = &c.pair {
        h.raw("<h2>Side by side</h2>");
        pair_view(&mut h, pair);
    }
    h.raw("<h2>Agencies</h2>");
    for g in &c.panel.groups {
        group(&mut h, g, &c.entries);
    }
    if !c.panel.unplaced.is_empty() {
        h.raw("<h2>Not placed (no agency or year)</h2><ul>");
        for e in &c.panel.unplaced {
            h.el("<li>", &e.path, "");
        }
        h.raw("</ul>");
    }
    foot(&mut h);
    h.into_string()
}

fn file(h: &mut Html, path: &str) {
    h.raw("<a href=\"")
        .text(&file_url(path))
        .raw("\">")
        .text(path)
        .raw("</a>");
}

fn group(h: &mut Html, g: &Group, entries: &[Entry]) {
    h.el("<h3>", &g.key, "</h3><p>")
        .text(&g.agencies.join(" / "));
    if !g.gaps.is_empty() {
        let gaps: Vec<String> = g.gaps.iter().map(i32::to_string).collect();
        h.el(" <span class=bad>missing: ", &gaps.join(", "), "</span>");
    }
    h.raw("</p><ul>");
    for y in &g.years {
        h.raw("<li>").show(y.year).raw(": ");
        for f in &y.files {
            file(h, f);
            h.raw(" ");
        }
    }
    h.raw("</ul>");
    for d in &g.duplicates {
        h.raw("<p>duplicate ").show(d.year).raw(": ");
        for f in &d.files {
            file(h, f);
            h.raw(" ");
        }
        h.raw("(").show(d.cells_differ).raw(" cells differ)</p>");
    }
    reuse_table(h, &g.pairs);
    if g.checks.is_empty() {
        return;
    }
    carry_over_table(h, &g.checks);
    for checks in pairs(&g.checks) {
        let (p, c) = (&checks[0].previous.file, &checks[0].current.file);
        let find = |path: &String| entries.iter().find(|e| &e.path == path);
        if let (Some(a), Some(b)) = (find(p), find(c)) {
            h.raw("<details><summary>")
                .show(checks[0].previous.year)
                .raw(" and ");
            h.show(checks[0].current.year)
                .raw(" side by side (")
                .text(p)
                .raw(" → ")
                .text(c);
            h.raw(")</summary>");
            pair_view(h, &Pair::new(a, b));
            h.raw("</details>");
        }
    }
}

/// One row per pair of files: both files, then each column's 四 of N−1 and 二 of N.
fn carry_over_table(h: &mut Html, checks: &[CarryOver]) {
    let pairs = pairs(checks);
    h.raw(
        "<table><tr><th>years<th class=l>四、结转下年度 of N−1 in<th class=l>二、上年结转 of N in",
    );
    for c in pairs.first().into_iter().flatten() {
        h.el("<th>", label(&c.column), "");
    }
    for pair in &pairs {
        let failed = pair.iter().any(|c| c.status == "fail");
        h.raw(if failed { "<tr class=failed>" } else { "<tr>" });
        h.raw("<td>")
            .show(pair[0].previous.year)
            .raw("→")
            .show(pair[0].current.year);
        h.raw("<td class=l>");
        file(h, &pair[0].previous.file);
        h.raw("<td class=l>");
        file(h, &pair[0].current.file);
        for c in pair {
            h.raw(match c.status {
                "fail" => "<td class=bad title=fail>",
                "skipped" => "<td title=skipped>",
                _ => "<td title=pass>",
            });
            h.show(value(c.previous.value.as_ref()));
            h.raw(if c.status == "fail" { " ≠ " } else { " = " });
            h.show(value(c.current.value.as_ref()));
        }
    }
    h.raw("</table>");
}

/// One row per pair of files: the share of year N's sentences found in year N−1's,
/// overall and per section.
fn reuse_table(h: &mut Html, pairs: &[YearPair]) {
    let mut sections: Vec<u32> = pairs
        .iter()
        .filter_map(|p| p.text_reuse.as_ref())
        .flat_map(|r| r.sections.keys().copied())
        .collect();
    sections.sort_unstable();
    sections.dedup();
    if sections.is_empty() {
        return;
    }
    h.raw("<table><tr><th>years<th>text reuse");
    for s in &sections {
        h.raw("<th>section ").show(s);
    }
    for p in pairs {
        let Some(r) = &p.text_reuse else { continue };
        h.raw("<tr><td>")
            .show(p.previous.year)
            .raw("→")
            .show(p.current.year);
        h.el("<td>", &share(Some(r.overall)), "");
        for s in &sections {
            h.el("<td>", &share(r.sections.get(s).copied()), "");
        }
    }
    h.raw("</table>");
}

fn number_cell(h: &mut Html, v: Option<&Number>, class: &'static str) {
    h.raw(class).show(value(v));
}

/// The two reports' cells side by side, changed ones marked; counts and new policies.
fn pair_view(h: &mut Html, p: &Pair) {
    let (ly, ry) = p.labels();
    h.raw("<p>left: ").text(&p.left.name()).raw(" (");
    file(h, &p.left.path);
    h.raw(")<br>right: ").text(&p.right.name()).raw(" (");
    file(h, &p.right.path);
    h.raw(")</p><table><tr><th class=l>table<th class=l>row<th class=l>column<th>");
    h.text(&ly).raw("<th>").text(&ry).raw("<th>change<th>%");
    for c in &p.cells {
        h.el("<tr><td class=l>", &c.table, "")
            .el("<td class=l>", label(&c.row), "");
        h.el("<td class=l>", label(&c.column), "");
        let class = match c.present {
            "left" => "<td class=gone>",
            "right" => "<td class=new>",
            _ if c.left != c.right => "<td class=chg>",
            _ => "<td>",
        };
        number_cell(h, c.left.as_ref(), class);
        number_cell(h, c.right.as_ref(), class);
        h.raw(class)
            .text(&signed(c.change))
            .raw(class)
            .text(&percent(c.percent));
    }
    h.raw("</table>");
    if !p.counts.is_empty() {
        h.raw("<h4>Narrative counts</h4><table><tr><th class=l>label<th>unit<th>");
        h.text(&ly).raw("<th>").text(&ry).raw("<th>change<th>%");
        for c in &p.counts {
            let class = if c.left != c.right {
                "<td class=chg>"
            } else {
                "<td>"
            };
            h.el("<tr><td class=l>", &c.label, "")
                .el("<td>", &c.unit, "");
            number_cell(h, c.left.as_ref(), class);
            number_cell(h, c.right.as_ref(), class);
            h.raw(class)
                .text(&signed(c.change))
                .raw(class)
                .text(&percent(c.percent));
        }
        h.raw("</table>");
    }
    h.raw("<h4>Policies new in ").text(&ry).raw("</h4><ul>");
    for t in &p.new_policies {
        h.el("<li>《", t, "》");
    }
    h.raw("</ul>");
}
