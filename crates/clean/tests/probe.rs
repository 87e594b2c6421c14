//! The furniture probe (`tests/probe/README.md`): sixty labelled pages of
//! real-world page types, cleaned one at a time. The report (furniture lines
//! kept, body lines removed, per class, each listed) is pinned as
//! `snapshots/probe.snap`, so every change in what the cleaner keeps on
//! these pages shows up for review.
//!
//! `cargo test -p taojin-clean --test probe -- --nocapture` prints it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use taojin_clean::clean_text;
use taojin_core::{Document, Reason};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn probe_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/probe")
}

/// One labelled line: whether it is body, and its class.
struct Label {
    file: String,
    line: usize,
    body: bool,
    class: String,
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string(probe_dir().join("labels.tsv")).expect("labels.tsv");
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

fn report() -> String {
    let (seg, conv) = (Segmenter::new(), ScriptConverter::new());
    let labels = labels();
    // Each page's lines and the lines its cleaning removed.
    let mut pages: BTreeMap<String, (Vec<String>, Removed)> = BTreeMap::new();
    for l in &labels {
        if pages.contains_key(&l.file) {
            continue;
        }
        let text = std::fs::read_to_string(probe_dir().join("pages").join(&l.file))
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

#[test]
fn probe_report_matches_snapshot() {
    let report = report();
    println!("{report}");
    // Beside the pinned report, bounds a change must not cross unnoticed
    // even if its snapshot is accepted carelessly: the figures at the end of
    // session 16.
    let first = |prefix: &str| -> usize {
        report
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX)
    };
    assert!(first("furniture lines leaked: ") <= 75, "{report}");
    assert!(first("body lines lost: ") <= 22, "{report}");
    insta::with_settings!({
        snapshot_path => "../../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("probe", report);
    });
}
