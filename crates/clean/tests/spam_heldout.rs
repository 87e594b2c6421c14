//! The held-out spam probe (`tests/spam-heldout/README.md`): forty articles
//! with gambling brands and slogan pieces spliced into their sentences
//! (eight left clean), written in session 17 by a helper that read neither
//! the noise generator nor the cleaner's lexicons. Its brands, their
//! category words and its slogans are none of the ones the harness draws
//! from.
//!
//! Its report gives counts only: which strings leak is not read, so that
//! the probe stays a measure of how far the spam rules reach.
//!
//! `cargo test -p taojin-clean --test spam_heldout -- --nocapture`

use std::collections::BTreeMap;
use std::path::PathBuf;
use taojin_clean::clean_text;
use taojin_noise::{lcs_len, normalise};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/spam-heldout")
}

/// One inserted string of a page: its kind and how often it went in.
struct Injection {
    string: String,
    brand: bool,
    count: usize,
}

fn injections() -> BTreeMap<String, Vec<Injection>> {
    let text = std::fs::read_to_string(dir().join("injections.tsv")).expect("injections.tsv");
    let mut by_page: BTreeMap<String, Vec<Injection>> = BTreeMap::new();
    for row in text.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 4, "bad injection row: {row}");
        by_page
            .entry(f[0].to_string())
            .or_default()
            .push(Injection {
                string: f[1].to_string(),
                brand: match f[2] {
                    "brand" => true,
                    "slogan" => false,
                    other => panic!("unknown kind {other}"),
                },
                count: f[3].parse().expect("count"),
            });
    }
    by_page
}

/// Leaked and inserted occurrences, and the characters of truth kept and
/// output, over a group of pages.
#[derive(Default)]
struct Tally {
    pages: usize,
    leaked: usize,
    inserted: usize,
    truth_chars: usize,
    out_chars: usize,
    common_chars: usize,
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Tally {
    fn leaks(&self, name: &str) -> String {
        let rate = 100.0 * share(self.leaked, self.inserted);
        format!(
            "{name:14} {:5}  {:>5.1}% {:>8}\n",
            self.pages,
            rate,
            format!("{}/{}", self.leaked, self.inserted)
        )
    }

    fn content(&self, name: &str) -> String {
        format!(
            "{name:14} {:5}  {:>6.4} {:>6.4} {:>8}\n",
            self.pages,
            share(self.common_chars, self.truth_chars),
            share(self.common_chars, self.out_chars),
            self.truth_chars - self.common_chars,
        )
    }
}

fn report() -> String {
    let (seg, conv) = (Segmenter::new(), ScriptConverter::new());
    let injections = injections();
    let mut files: Vec<String> = std::fs::read_dir(dir().join("truth"))
        .expect("truth/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let (mut brands, mut slogans, mut spam_pages, mut clean_pages) = Default::default();
    for file in &files {
        let read = |sub: &str| {
            std::fs::read_to_string(dir().join(sub).join(file))
                .unwrap_or_else(|e| panic!("{sub}/{file}: {e}"))
        };
        let (page, truth) = (read("pages"), read("truth"));
        let doc = clean_text(&page, &seg, &conv);
        // The record's text: its title field and its body.
        let out = format!("{}\n{}", doc.title.as_deref().unwrap_or(""), doc.text);
        let rows = injections.get(file.as_str()).map_or(&[][..], Vec::as_slice);
        for row in rows {
            let tally: &mut Tally = if row.brand { &mut brands } else { &mut slogans };
            let left = out.matches(row.string.as_str()).count();
            let natural = truth.matches(row.string.as_str()).count();
            tally.leaked += left.saturating_sub(natural).min(row.count);
            tally.inserted += row.count;
        }
        let (t, o) = (normalise(&truth, &conv), normalise(&out, &conv));
        let tally: &mut Tally = if rows.is_empty() {
            &mut clean_pages
        } else {
            &mut spam_pages
        };
        tally.pages += 1;
        tally.truth_chars += t.len();
        tally.out_chars += o.len();
        tally.common_chars += lcs_len(&t, &o);
    }
    brands.pages = injections
        .values()
        .filter(|rows| rows.iter().any(|r| r.brand))
        .count();
    slogans.pages = injections
        .values()
        .filter(|rows| rows.iter().any(|r| !r.brand))
        .count();
    let mut out = String::from("spam strings   pages  leaked\n");
    out.push_str(&brands.leaks("brands"));
    out.push_str(&slogans.leaks("slogan pieces"));
    out.push_str("\ncontent        pages  recall   prec  lost chars\n");
    out.push_str(&spam_pages.content("spam pages"));
    out.push_str(&clean_pages.content("clean pages"));
    out
}

#[test]
fn heldout_spam_counts_match_snapshot() {
    let report = report();
    println!("{report}");
    // The last field of the report's line for `group`, as a number (the
    // leaked count before its `/`).
    let figure = |group: &str| -> usize {
        report
            .lines()
            .find(|l| l.starts_with(group))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|f| f.split('/').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX)
    };
    // The figures when the probe was first measured, at the start of
    // session 17 (commit 22beef8): a change that makes them worse fails
    // here even if its snapshot is accepted carelessly.
    assert!(figure("brands ") <= 48, "{report}");
    assert!(figure("slogan pieces ") <= 168, "{report}");
    assert!(figure("spam pages ") <= 83, "{report}");
    assert!(figure("clean pages ") <= 36, "{report}");
    insta::with_settings!({
        snapshot_path => "../../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("spam_heldout", report);
    });
}
