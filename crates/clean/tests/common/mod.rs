#![allow(dead_code)] // each test crate that includes this module uses part of it
//! The furniture probes' report, shared by `probe.rs` (the development
//! probe, whose report lists every line it gets wrong) and
//! `probe_heldout.rs` (the held-out probe, whose report gives counts only,
//! so that reading it does not turn it into a development set).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use taojin_clean::clean_text;
use taojin_core::{Document, Reason};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

/// A probe's directory under `tests/`.
pub fn probe_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// One labelled line: whether it is body, and its class.
struct Label {
    file: String,
    line: usize,
    body: bool,
    class: String,
}

fn labels(dir: &Path) -> Vec<Label> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad label row: {l}");
            Label {
                file: f[0].to_string(),
                line: f[1].parse().expect("line number"),
                body: match f[2] {
                    "body" => true,
                    "furniture" => false,
                    other => panic!("unknown label {other}"),
                },
                class: f[3].to_string(),
            }
        })
        .collect()
}

/// Removed lines by 1-based line number, with the reason and rule.
type Removed = BTreeMap<usize, (Reason, String)>;

/// The lines of a cleaned page that left its text as whole lines, with the
/// reason (spam cut out of a line leaves the line).
fn removed_lines(doc: &Document) -> Removed {
    doc.removed
        .iter()
        .filter(|r| !matches!(r.reason, Reason::SpamBrand | Reason::SpamFragment))
        .filter_map(|r| {
            let rule = r.rule.clone().unwrap_or_default();
            r.line.map(|n| (n, (r.reason, rule)))
        })
        .collect()
}

/// What a report shows of the lines the cleaner got wrong.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every line, with its rule: for a development probe.
    Lines,
    /// Counts only: for a held-out probe.
    CountsOnly,
}

/// The report on the probe in `dir`: furniture lines kept and body lines
/// removed, per class, and with `Listing::Lines` each of them.
pub fn report(dir: &Path, listing: Listing) -> String {
    let (seg, conv) = (Segmenter::new(), ScriptConverter::new());
    let labels = labels(dir);
    // Each page's lines and the lines its cleaning removed.
    let mut pages: BTreeMap<String, (Vec<String>, Removed)> = BTreeMap::new();
    for l in &labels {
        if pages.contains_key(&l.file) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("pages").join(&l.file))
            .unwrap_or_else(|e| panic!("{}: {e}", l.file));
        let doc = clean_text(&text, &seg, &conv);
        let lines = text.lines().map(str::to_string).collect();
        pages.insert(l.file.clone(), (lines, removed_lines(&doc)));
    }
    // Per class: lines, and lines the cleaner got wrong (furniture kept in
    // the text or taken as the title, body removed).
    let mut furniture: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut body = (0, 0);
    let mut leaked = Vec::new();
    let mut lost = Vec::new();
    for l in &labels {
        let (lines, removed) = &pages[&l.file];
        let text = lines.get(l.line - 1).map_or("", String::as_str);
        // A line moved to the title field is kept: the record carries it.
        let gone = removed.get(&l.line).filter(|(r, _)| *r != Reason::Title);
        if l.body {
            body.0 += 1;
            if let Some((reason, rule)) = gone {
                body.1 += 1;
                lost.push(format!(
                    "{}:{} [{}] {text}  <{reason:?}: {rule}>",
                    l.file, l.line, l.class
                ));
            }
        } else {
            let c = furniture.entry(&l.class).or_default();
            c.0 += 1;
            if gone.is_none() {
                c.1 += 1;
                let title = removed.contains_key(&l.line);
                let as_title = if title { " (as the title)" } else { "" };
                leaked.push(format!(
                    "{}:{} [{}] {text}{as_title}",
                    l.file, l.line, l.class
                ));
            }
        }
    }
    let (f_all, f_leaked) = furniture
        .values()
        .fold((0, 0), |(a, b), (t, k)| (a + t, b + k));
    let mut out = format!(
        "furniture lines leaked: {f_leaked} of {f_all}\nbody lines lost: {} of {}\n\nclass          lines  leaked\n",
        body.1, body.0
    );
    for (class, (t, k)) in &furniture {
        out.push_str(&format!("{class:14} {t:5}  {k:6}\n"));
    }
    if listing == Listing::CountsOnly {
        return out;
    }
    out.push_str("\nfurniture leaked:\n");
    for l in &leaked {
        out.push_str(&format!("  {l}\n"));
    }
    out.push_str("\nbody lost:\n");
    for l in &lost {
        out.push_str(&format!("  {l}\n"));
    }
    out
}

/// The first number after `prefix` at the start of a report line, or
/// `usize::MAX` when there is none (so a bound on it fails loudly).
pub fn figure(report: &str, prefix: &str) -> usize {
    report
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}
