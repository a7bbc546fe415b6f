//! The comparison as aligned text for a terminal: changed lines marked with `*`, failed
//! equations with `✗`.

use std::fmt::Write;

use serde_json::Number;
use unicode_width::UnicodeWidthStr;

use super::Comparison;
use super::diff::Pair;
use super::panel::{CarryOver, Group, YearPair};

/// The whole comparison as text.
pub fn render(c: &Comparison) -> String {
    let mut out = String::new();
    if let Some(pair) = &c.pair {
        pair_text(&mut out, pair);
    }
    for g in &c.panel.groups {
        group_text(&mut out, g);
    }
    for e in &c.panel.unplaced {
        let _ = writeln!(out, "not placed (no agency or year): {}", e.path);
    }
    for path in &c.skipped {
        let _ = writeln!(out, "skipped (JSON, not a record): {path}");
    }
    for u in &c.unreadable {
        let _ = writeln!(out, "unreadable: {}: {}", u.path, u.message);
    }
    let _ = writeln!(out, "{}", summary(c));
    out
}

/// The closing line: reports, agencies and the cross-year results.
pub fn summary(c: &Comparison) -> String {
    let groups = &c.panel.groups;
    let reports: usize = groups
        .iter()
        .flat_map(|g| &g.years)
        .map(|y| y.files.len())
        .sum();
    let checks = groups.iter().flat_map(|g| &g.checks);
    let count = |s: &str| checks.clone().filter(|c| c.status == s).count();
    format!(
        "{reports} reports, {} agencies; {CARRY} {} pass, {} fail, {} skipped; {} duplicate years, {} missing years, {} unreadable",
        groups.len(),
        count("pass"),
        count("fail"),
        count("skipped"),
        groups.iter().map(|g| g.duplicates.len()).sum::<usize>(),
        groups.iter().map(|g| g.gaps.len()).sum::<usize>(),
        c.unreadable.len(),
        CARRY = super::panel::CARRY_OVER,
    )
}

/// `s` padded with spaces to `width` terminal columns (CJK characters take two).
pub fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `s` right-aligned in `width` columns.
fn rpad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// A value as printed in tables: the number, or `·` for blank or absent.
pub fn value(v: Option<&Number>) -> String {
    v.map_or_else(|| "·".into(), Number::to_string)
}

/// A change with its sign (`+15`, `-3.5`), or empty when there is none or it is zero.
pub fn signed(d: Option<f64>) -> String {
    d.filter(|d| *d != 0.0)
        .map_or_else(String::new, |d| format!("{d:+}"))
}

/// A percent change (`+12.5%`), or empty when there is none or it is zero.
pub fn percent(p: Option<f64>) -> String {
    p.filter(|p| *p != 0.0)
        .map_or_else(String::new, |p| format!("{p:+.1}%"))
}

fn pair_text(out: &mut String, p: &Pair) {
    let (l, r) = (&p.left, &p.right);
    let _ = writeln!(out, "left:  {} ({})", l.name(), l.path);
    let _ = writeln!(out, "right: {} ({})", r.name(), r.path);
    let (ly, ry) = p.labels();
    let _ = writeln!(
        out,
        "  {}{}{}{}{}{}",
        pad("table", 19),
        pad("row", 32),
        pad("column", 28),
        rpad(&ly, 10),
        rpad(&ry, 10),
        rpad("change", 10) + &rpad("%", 9)
    );
    for c in &p.cells {
        let mark = if c.left != c.right { '*' } else { ' ' };
        let _ = writeln!(
            out,
            "{mark} {}{}{}{}{}{}{}",
            pad(&c.table, 19),
            pad(&c.row, 32),
            pad(&c.column, 28),
            rpad(&value(c.left.as_ref()), 10),
            rpad(&value(c.right.as_ref()), 10),
            rpad(&signed(c.change), 10),
            rpad(&percent(c.percent), 9),
        );
    }
    for (rows, y) in [(&p.rows_only_left, &ly), (&p.rows_only_right, &ry)] {
        if !rows.is_empty() {
            let _ = writeln!(out, "rows only in {y}: {}", rows.join(", "));
        }
    }
    counts_text(out, p);
    let _ = writeln!(out, "policies new in {ry}: {}", p.new_policies.len());
    for t in &p.new_policies {
        let _ = writeln!(out, "  《{t}》");
    }
    out.push('\n');
}

/// The narrative counts of two reports, matched by label.
fn counts_text(out: &mut String, p: &Pair) {
    if !p.counts.is_empty() {
        let _ = writeln!(out, "narrative counts:");
    }
    for c in &p.counts {
        let mark = if c.left != c.right { '*' } else { ' ' };
        let _ = writeln!(
            out,
            "{mark} {}{}{}{}{}{}",
            pad(&c.label, 40),
            pad(&c.unit, 8),
            rpad(&value(c.left.as_ref()), 12),
            rpad(&value(c.right.as_ref()), 12),
            rpad(&signed(c.change), 12),
            rpad(&percent(c.percent), 9),
        );
    }
}

fn group_text(out: &mut String, g: &Group) {
    let names = g.agencies.join(" / ");
    let _ = writeln!(out, "{} [{}]", g.key, names);
    let years: Vec<String> = g
        .years
        .iter()
        .map(|y| match y.files.len() {
            1 => y.year.to_string(),
            n => format!("{}×{n}", y.year),
        })
        .collect();
    let _ = writeln!(out, "  years: {}", years.join(" "));
    for pair in pairs(&g.checks) {
        let (p, c) = (&pair[0].previous, &pair[0].current);
        let fails: Vec<&&CarryOver> = pair.iter().filter(|c| c.status == "fail").collect();
        let passes = pair.iter().filter(|c| c.status == "pass").count();
        let verdict = if fails.is_empty() { "pass" } else { "FAIL" };
        let _ = writeln!(
            out,
            "  {}→{} carry-over {verdict}: {passes} pass, {} fail, {} skipped  ({} → {})",
            p.year,
            c.year,
            fails.len(),
            pair.len() - passes - fails.len(),
            p.file,
            c.file
        );
        for f in fails {
            let _ = writeln!(out, "    ✗ {}", f.message);
        }
    }
    for p in &g.pairs {
        reuse_text(out, p);
    }
    for d in &g.duplicates {
        let same = match d.cells_differ {
            0 => "same tables".to_string(),
            n => format!("{n} cells differ"),
        };
        let _ = writeln!(
            out,
            "  duplicate {}: {} ({same})",
            d.year,
            d.files.join(", ")
        );
    }
    if !g.gaps.is_empty() {
        let gaps: Vec<String> = g.gaps.iter().map(i32::to_string).collect();
        let _ = writeln!(out, "  missing years: {}", gaps.join(", "));
    }
}

/// A share (0–1) as a whole percentage (`63 %`); blank when there is none.
pub fn share(s: Option<f64>) -> String {
    s.map_or(String::new(), |s| format!("{:.0} %", s * 100.0))
}

/// One pair's text reuse: overall, then each section's.
fn reuse_text(out: &mut String, p: &YearPair) {
    let Some(r) = &p.text_reuse else { return };
    let sections: Vec<String> = r
        .sections
        .iter()
        .map(|(n, s)| format!("{n}: {}", share(Some(*s))))
        .collect();
    let _ = writeln!(
        out,
        "  {}→{} text reuse {} (sections {})  ({} → {})",
        p.previous.year,
        p.current.year,
        share(Some(r.overall)),
        sections.join(", "),
        p.previous.file,
        p.current.file
    );
}

/// The checks split by pair of files (each pair's columns together, in order).
pub fn pairs(checks: &[CarryOver]) -> Vec<Vec<&CarryOver>> {
    let mut out: Vec<Vec<&CarryOver>> = Vec::new();
    for c in checks {
        match out.last_mut() {
            Some(last)
                if last[0].previous.file == c.previous.file
                    && last[0].current.file == c.current.file =>
            {
                last.push(c)
            }
            _ => out.push(vec![c]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_counts_chinese_characters_as_two_columns() {
        assert_eq!(pad("自然人", 8), "自然人  ");
        assert_eq!(rpad("12", 5), "   12");
        assert_eq!(pad("too long", 3), "too long");
    }

    #[test]
    fn zero_and_missing_changes_are_left_blank() {
        assert_eq!(signed(Some(15.0)), "+15");
        assert_eq!(signed(Some(-3.5)), "-3.5");
        assert_eq!(signed(Some(0.0)), "");
        assert_eq!(percent(Some(12.345)), "+12.3%");
        assert_eq!(percent(None), "");
    }
}
