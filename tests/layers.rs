//! The layers stay one-way: each crate depends only on the crates below it, and inside a
//! crate no two top-level modules import each other, directly or round a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crates bottom-up (their folders), each with the workspace crates it may depend on
/// (`govreport-<name>`); the Python module sits on top, beside the binary.
const LAYERS: [(&str, &[&str]); 8] = [
    ("crates/model", &[]),
    ("crates/region", &[]),
    ("crates/document", &["model"]),
    ("crates/read", &["model", "document"]),
    ("crates/parse", &["model", "document", "region"]),
    (
        "crates/verify",
        &["model", "document", "read", "parse", "region"],
    ),
    (
        "crates/app",
        &["model", "document", "read", "parse", "region", "verify"],
    ),
    (
        "python",
        &[
            "model", "document", "read", "parse", "region", "verify", "app",
        ],
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (None for the crate root).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// The identifiers right after each `crate::` in `text`, and each name in `use crate::{…}`.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(inner.split(',').map(|p| ident(p.trim())));
        } else {
            out.push(ident(rest));
        }
    }
    out
}

/// The module graph of one crate: each top-level module and the ones it names.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(src, file) else {
            continue;
        };
        let text = fs::read_to_string(file).expect("a readable source file");
        let named: Vec<String> = crate_paths(&text)
            .into_iter()
            .filter(|m| modules.contains(m) && *m != from)
            .collect();
        edges.entry(from).or_default().extend(named);
    }
    edges
}

/// A circle through `start`, if one exists (depth-first search).
fn circle(edges: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in edges.get(&at).into_iter().flatten() {
            if next == start {
                return Some([path.clone(), vec![start.to_string()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_another_in_a_circle_inside_any_crate() {
    let mut folders: Vec<PathBuf> = LAYERS
        .iter()
        .map(|(folder, _)| root().join(folder).join("src"))
        .collect();
    folders.push(root().join("src"));
    let mut circles = Vec::new();
    for src in folders {
        let edges = graph(&src);
        for module in edges.keys() {
            if let Some(c) = circle(&edges, module) {
                circles.push(format!("{}: {}", src.display(), c.join(" → ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "module circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn each_crate_depends_only_on_the_layers_below_it() {
    for (folder, allowed) in LAYERS {
        let manifest = root().join(folder).join("Cargo.toml");
        let text = fs::read_to_string(&manifest).expect("a crate manifest");
        for line in text.lines() {
            let Some(dep) = line.strip_prefix("govreport-") else {
                continue;
            };
            let dep = dep.split(['.', ' ', '=']).next().unwrap_or_default();
            assert!(
                allowed.contains(&dep),
                "{folder} depends on {dep}, which is not below it ({})",
                manifest.display()
            );
        }
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    assert_eq!(circle(&edges, "a"), None);
    edges.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        circle(&edges, "a").map(|c| c.join(" ")),
        Some("a b c a".into())
    );
    let parsed = crate_paths("use crate::{layout::Line, orient};\nlet x = crate::codes::X;");
    assert_eq!(parsed, ["layout", "orient", "codes"]);
}
