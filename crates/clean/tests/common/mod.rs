#![allow(dead_code)] // each test crate that includes this module uses part of it
//! The probes' reports: furniture (`probe.rs`, `probe_heldout.rs`) and
//! spliced spam (`spam_dev.rs`, `spam_heldout.rs`). A development probe's
//! report lists every line or string it gets wrong; a held-out probe's
//! gives counts only, so that reading it does not turn it into a
//! development set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use taojin_clean::clean_text;
use taojin_core::{Document, Reason};
use taojin_noise::{lcs_len, normalise};
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

/// The rows of a probe's tab-separated file, each of `columns` fields.
fn tsv_rows(dir: &Path, file: &str, columns: usize) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(file)).expect(file);
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert_eq!(f.len(), columns, "bad {file} row: {l}");
            f
        })
        .collect()
}

/// Pins a probe's report as a snapshot in the workspace's `snapshots/`.
pub fn assert_report_snapshot(name: &str, report: &str) {
    insta::with_settings!({
        // Relative to this file, one directory below `tests/`.
        snapshot_path => "../../../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, report);
    });
}

fn labels(dir: &Path) -> Vec<Label> {
    tsv_rows(dir, "labels.tsv", 4)
        .into_iter()
        .map(|f| Label {
            file: f[0].to_string(),
            line: f[1].parse().expect("line number"),
            body: match f[2].as_str() {
                "body" => true,
                "furniture" => false,
                other => panic!("unknown label {other}"),
            },
            class: f[3].to_string(),
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
    // Body lines lost per rule family (the rule up to its first colon:
    // `lexicon`, `shape`, `after the footer`), which names the cleaner's
    // decision and nothing of the line.
    let mut lost_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for l in &labels {
        let (lines, removed) = &pages[&l.file];
        let text = lines.get(l.line - 1).map_or("", String::as_str);
        // A line moved to the title field is kept: the record carries it.
        let gone = removed.get(&l.line).filter(|(r, _)| *r != Reason::Title);
        if l.body {
            body.0 += 1;
            if let Some((reason, rule)) = gone {
                body.1 += 1;
                let family = rule.split(':').next().unwrap_or_default().trim();
                *lost_by_rule
                    .entry(format!("{reason:?}: {family} [{}]", l.class))
                    .or_default() += 1;
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
    out.push_str("\nbody lost by rule\n");
    let mut by_rule: Vec<(&String, &usize)> = lost_by_rule.iter().collect();
    by_rule.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (rule, n) in by_rule {
        out.push_str(&format!("{n:5}  {rule}\n"));
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

/// One inserted string of a page: its kind and how often it went in.
struct Injection {
    string: String,
    brand: bool,
    count: usize,
}

fn injections(dir: &Path) -> BTreeMap<String, Vec<Injection>> {
    let text = std::fs::read_to_string(dir.join("injections.tsv")).expect("injections.tsv");
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

/// The report on the spam probe in `dir`: spam strings leaked per kind,
/// and the truth kept on pages with spam and on clean pages; with
/// `Listing::Lines` also each leaked string and each run of truth lost.
pub fn spam_report(dir: &Path, listing: Listing) -> String {
    let (seg, conv) = (Segmenter::new(), ScriptConverter::new());
    let injections = injections(dir);
    let mut listed = String::new();
    let mut false_removals = String::new();
    let mut files: Vec<String> = std::fs::read_dir(dir.join("truth"))
        .expect("truth/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let (mut brands, mut slogans, mut spam_pages, mut clean_pages) = Default::default();
    for file in &files {
        let read = |sub: &str| {
            std::fs::read_to_string(dir.join(sub).join(file))
                .unwrap_or_else(|e| panic!("{sub}/{file}: {e}"))
        };
        let (page, truth) = (read("pages"), read("truth"));
        let doc = clean_text(&page, &seg, &conv);
        let rows = injections.get(file.as_str()).map_or(&[][..], Vec::as_slice);
        if listing == Listing::Lines {
            for r in &doc.removed {
                let inserted = rows.iter().any(|i| i.string.contains(r.text.as_str()));
                if matches!(r.reason, Reason::SpamBrand | Reason::SpamFragment) && !inserted {
                    let rule = r.rule.as_deref().unwrap_or("");
                    false_removals.push_str(&format!("  {file} {}  <{rule}>\n", r.text));
                }
            }
        }
        // The record's text: its title field and its body.
        let out = format!("{}\n{}", doc.title.as_deref().unwrap_or(""), doc.text);
        for row in rows {
            let tally: &mut Tally = if row.brand { &mut brands } else { &mut slogans };
            let left = out.matches(row.string.as_str()).count();
            let natural = truth.matches(row.string.as_str()).count();
            let leaked = left.saturating_sub(natural).min(row.count);
            tally.leaked += leaked;
            tally.inserted += row.count;
            if leaked > 0 && listing == Listing::Lines {
                let kind = if row.brand { "brand" } else { "slogan" };
                listed.push_str(&format!(
                    "  {file} {kind} {} ({leaked} of {})\n",
                    row.string, row.count
                ));
            }
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
    if listing == Listing::Lines {
        out.push_str("\nleaked:\n");
        out.push_str(&listed);
        out.push_str("\nremoved, not inserted:\n");
        out.push_str(&false_removals);
    }
    out
}

/// Cleans the probe in `tests/<dir>`, prints its report, checks it against
/// the bounds a change must not cross unnoticed (even if its snapshot were
/// accepted carelessly), and pins it as `snapshots/<snapshot>.snap`.
pub fn check_probe(dir: &str, listing: Listing, snapshot: &str, leaked: usize, lost: usize) {
    let report = report(&probe_dir(dir), listing);
    println!("{report}");
    assert!(
        figure(&report, "furniture lines leaked: ") <= leaked,
        "{report}"
    );
    assert!(figure(&report, "body lines lost: ") <= lost, "{report}");
    assert_report_snapshot(snapshot, &report);
}

/// One page's metadata labels (`meta.tsv`): each field's accepted values,
/// none where the page gives no such field.
struct MetaLabel {
    file: String,
    /// title, date, author, source.
    fields: [Vec<String>; 4],
}

const META_FIELDS: [&str; 4] = ["title", "date", "author", "source"];

fn meta_labels(dir: &Path) -> Vec<MetaLabel> {
    let values = |s: &str| -> Vec<String> {
        if s == "-" {
            Vec::new()
        } else {
            s.split(" | ").map(str::to_string).collect()
        }
    };
    tsv_rows(dir, "meta.tsv", 5)
        .into_iter()
        .map(|f| MetaLabel {
            file: f[0].clone(),
            fields: [values(&f[1]), values(&f[2]), values(&f[3]), values(&f[4])],
        })
        .collect()
}

/// A headline less the bracketed tag a forum or blog puts before it
/// (`[经验分享] `, `【心得】`): a title given with or without it is right.
fn untagged(title: &str) -> &str {
    for (open, close) in [('[', ']'), ('【', '】')] {
        if let Some(rest) = title.strip_prefix(open) {
            if let Some(k) = rest.find(close) {
                return rest[k + close.len_utf8()..].trim_start();
            }
        }
    }
    title
}

/// Right, missed, wrong and spurious values of one metadata field.
#[derive(Default)]
struct MetaCount {
    pages: usize,
    right: usize,
    missed: usize,
    wrong: usize,
    spurious: usize,
}

/// The report on the metadata of the probes in `dirs` (each with a
/// `meta.tsv`): per field, the pages that give it and how many the cleaner
/// got right, missed, got wrong, or gave where the page has none; with
/// `Listing::Lines`, each page it got wrong. Names and titles are compared
/// after width, script and punctuation are normalised (a title's spaces and
/// marks do not count, nor a bracketed tag before a headline); a date is
/// right when it is the day labelled, and a field with several labelled
/// values is right when it is any of them.
pub fn meta_report(dirs: &[PathBuf], listing: Listing) -> String {
    let (seg, conv) = (Segmenter::new(), ScriptConverter::new());
    let mut counts: [MetaCount; 4] = Default::default();
    let mut wrong = Vec::new();
    for dir in dirs {
        let set = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        for label in meta_labels(dir) {
            let text = std::fs::read_to_string(dir.join("pages").join(&label.file))
                .unwrap_or_else(|e| panic!("{}: {e}", label.file));
            let doc = clean_text(&text, &seg, &conv);
            let m = &doc.metadata;
            let found = [
                doc.title.as_deref(),
                m.date.as_deref(),
                m.author.as_deref(),
                m.source_site.as_deref(),
            ];
            for (k, (truth, found)) in label.fields.iter().zip(found).enumerate() {
                let same = |t: &str, f: &str| match k {
                    0 => [t, untagged(t)]
                        .iter()
                        .any(|t| normalise(t, &conv) == normalise(f, &conv)),
                    1 => f.get(..10) == Some(t),
                    _ => normalise(t, &conv) == normalise(f, &conv),
                };
                let c = &mut counts[k];
                let verdict = match (truth.is_empty(), found) {
                    (true, None) => continue,
                    (true, Some(_)) => {
                        c.spurious += 1;
                        "spurious"
                    }
                    (false, None) => {
                        c.pages += 1;
                        c.missed += 1;
                        "missed"
                    }
                    (false, Some(f)) => {
                        c.pages += 1;
                        // A headline may hold the separator of labelled
                        // alternatives itself (`EP42 | 标题`): read whole too.
                        let whole = truth.join(" | ");
                        if truth.iter().any(|t| same(t, f)) || (k == 0 && same(&whole, f)) {
                            c.right += 1;
                            continue;
                        }
                        c.wrong += 1;
                        "wrong"
                    }
                };
                let want = if truth.is_empty() {
                    "-".to_string()
                } else {
                    truth.join(" | ")
                };
                wrong.push(format!(
                    "{set}/{} {} {verdict}: want {want}, got {}",
                    label.file,
                    META_FIELDS[k],
                    found.unwrap_or("-")
                ));
            }
        }
    }
    let mut out = String::from("field    pages  right  missed  wrong  spurious\n");
    for (name, c) in META_FIELDS.iter().zip(&counts) {
        out.push_str(&format!(
            "{name:8} {:5}  {:5}  {:6}  {:5}  {:8}\n",
            c.pages, c.right, c.missed, c.wrong, c.spurious
        ));
    }
    let right: usize = counts.iter().map(|c| c.right).sum();
    let pages: usize = counts.iter().map(|c| c.pages).sum();
    let spurious: usize = counts.iter().map(|c| c.spurious).sum();
    out.push_str(&format!(
        "\nfields right: {right} of {pages}\nfields spurious: {spurious}\n"
    ));
    if listing == Listing::Lines {
        out.push_str("\nwrong:\n");
        for w in &wrong {
            out.push_str(&format!("  {w}\n"));
        }
    }
    out
}
