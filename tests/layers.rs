//! No circular imports between folders: each part of the code builds on the
//! ones below it, so a folder can be read, tested and changed knowing only
//! what it imports.
//!
//! The web app's folders stack as platform < state < components < tools <
//! lock < settings < cases < app; the tools under `tools/` import no other
//! tool but the ones they are made from (the safety plan's child pages are
//! the child's voice's). The domain's folders stack the same way, with one
//! exception that is the point of a case: `case` holds every tool's
//! document, and the checks that read across a family (the quality check,
//! the family's plan, the genogram's people, the chronology's linked
//! events) take the whole case. Those tools' imports of `case` are allowed
//! ([`READ_THE_WHOLE_CASE`]); every other cycle fails this test, with the
//! imports that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// An import of folder `to` from folder `from`, at `file:line`.
type Edges = BTreeMap<(String, String), Vec<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code a build uses: tests may import from anywhere.
fn shipped_code(path: &Path) -> Option<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return None;
    }
    let text = fs::read_to_string(path).expect("source file");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let lines: Vec<&str> = code
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect();
    Some(lines.join("\n"))
}

/// The first names after `prefix`: `a` in `prefix::a::b`, and `a`, `b` in
/// `prefix::{a::x, b}`.
fn names_after(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    let (mut depth, mut names, mut start) = (0, Vec::new(), true);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                names.push(ident(&group[i..]));
                start = false;
            }
            _ => {}
        }
    }
    names
}

/// Folder-to-folder imports under `root`, written as `prefix::folder`. A
/// capitalised name is an item re-exported at the root: `hub` says whose.
fn imports(root: &Path, prefix: &str, hub: Option<&str>) -> Edges {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut edges = Edges::new();
    for file in files {
        let relative = file.strip_prefix(root).expect("under root");
        let mut parts = relative.iter().map(|p| p.to_string_lossy().to_string());
        let first = parts.next().expect("a name");
        let from = if relative.components().count() > 1 {
            first
        } else {
            first.trim_end_matches(".rs").to_string()
        };
        let Some(code) = shipped_code(&file) else {
            continue;
        };
        for (at, _) in code.match_indices(prefix) {
            let line = code[..at].lines().count().max(1);
            for name in names_after(&code[at + prefix.len()..]) {
                let to = match name.chars().next() {
                    Some(c) if c.is_uppercase() => match hub {
                        Some(hub) => hub.to_string(),
                        None => continue,
                    },
                    Some(_) => name,
                    None => continue,
                };
                if to != from && to != "self" {
                    let shown = file.strip_prefix(here("")).unwrap_or(&file);
                    let place = format!("{}:{line}", shown.display());
                    edges.entry((from.clone(), to)).or_default().push(place);
                }
            }
        }
    }
    edges
}

/// A cycle in `edges`, as the folders round it, if there is one.
fn cycle(edges: &Edges) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().insert(to);
    }
    fn visit<'a>(
        at: &'a str,
        next: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| *p == at) {
            let mut round: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
            round.push(at.to_string());
            return Some(round);
        }
        if !done.insert(at) {
            return None;
        }
        path.push(at);
        for to in next.get(at).into_iter().flatten() {
            if let Some(found) = visit(to, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    let starts: Vec<&str> = next.keys().copied().collect();
    starts
        .into_iter()
        .find_map(|start| visit(start, &next, &mut Vec::new(), &mut done))
}

fn explain(edges: &Edges, round: &[String]) -> String {
    round
        .windows(2)
        .map(|pair| {
            let key = (pair[0].clone(), pair[1].clone());
            format!("{} -> {}: {}", pair[0], pair[1], edges[&key].join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_no_cycle(edges: &Edges) {
    if let Some(round) = cycle(edges) {
        panic!(
            "these folders import each other in a circle:\n{}",
            explain(edges, &round)
        );
    }
}

/// The tools whose checks read across the family, and so take the case
/// that holds their own document.
const READ_THE_WHOLE_CASE: [&str; 4] = ["chronology", "genogram", "plans", "safety_plan"];

fn here(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_web_apps_folders_import_in_one_direction() {
    let edges = imports(&here("src/ui"), "crate::ui::", None);
    assert!(
        edges.contains_key(&("app".into(), "cases".into())),
        "the scan finds imports"
    );
    assert_no_cycle(&edges);
}

#[test]
fn no_tool_imports_a_tool_that_imports_it() {
    assert_no_cycle(&imports(&here("src/ui/tools"), "crate::ui::tools::", None));
}

#[test]
fn the_domains_folders_import_in_one_direction_but_for_the_case() {
    let root = here("crates/kinplan-core/src/domain");
    let mut edges = imports(&root, "crate::domain::", Some("case"));
    assert!(
        edges.contains_key(&("case".into(), "plans".into())),
        "the scan finds imports"
    );
    edges.retain(|(from, to), _| to != "case" || !READ_THE_WHOLE_CASE.contains(&from.as_str()));
    assert_no_cycle(&edges);
}

#[test]
fn the_scan_sees_a_circle() {
    let mut edges = Edges::new();
    for (from, to) in [("app", "cases"), ("cases", "state"), ("state", "app")] {
        edges.insert((from.into(), to.into()), vec![format!("{from}.rs:1")]);
    }
    let round = cycle(&edges).expect("a circle");
    assert_eq!(round.first(), round.last());
    assert_eq!(round.len(), 4);
    assert_eq!(names_after("{a::x, b, c::{d, e}} rest"), ["a", "b", "c"]);
    assert_eq!(names_after("tools::plans::PlanEditor;"), ["tools"]);
}
