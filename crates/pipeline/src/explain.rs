//! A human-readable audit of one document: every input line in order,
//! kept paragraphs plain, removed lines marked with their reason and rule,
//! and spans removed inside kept lines listed under them.

use std::collections::BTreeMap;
use std::fmt::Write;
use taojin_core::{Document, Removal};

/// Renders a document for review.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "=== {}  ({})", doc.id, doc.source);
    if let Some(e) = &doc.error {
        let _ = writeln!(out, "ERROR: {e}");
        return out;
    }
    let m = &doc.metadata;
    let _ = writeln!(
        out,
        "encoding: {}  title: {}  date: {}  author: {}  editor: {}  source: {}",
        doc.encoding.as_deref().unwrap_or("-"),
        doc.title.as_deref().unwrap_or("-"),
        m.date.as_deref().unwrap_or("-"),
        m.author.as_deref().unwrap_or("-"),
        m.editor.as_deref().unwrap_or("-"),
        m.source_site.as_deref().unwrap_or("-"),
    );
    let _ = writeln!(
        out,
        "repairs: {:?}",
        doc.repairs
            .iter()
            .map(|(k, v)| format!("{}={v}", k.as_str()))
            .collect::<Vec<_>>()
    );
    // Line number -> what happened to it.
    let mut whole: BTreeMap<usize, &Removal> = BTreeMap::new();
    let mut inner: BTreeMap<usize, Vec<&Removal>> = BTreeMap::new();
    let kept: BTreeMap<usize, &str> = doc
        .paragraph_lines
        .iter()
        .copied()
        .zip(doc.paragraphs())
        .collect();
    for r in &doc.removed {
        match r.line {
            Some(l) if kept.contains_key(&l) => inner.entry(l).or_default().push(r),
            Some(l) => {
                whole.insert(l, r);
            }
            None => inner.entry(0).or_default().push(r),
        }
    }
    let mut lines: Vec<usize> = whole.keys().chain(kept.keys()).copied().collect();
    lines.sort_unstable();
    lines.dedup();
    for l in lines {
        if let Some(r) = whole.get(&l) {
            let rule = r
                .rule
                .as_deref()
                .map(|x| format!("  ({x})"))
                .unwrap_or_default();
            let _ = writeln!(out, "{l:>4} - [{}] {}{rule}", r.reason.as_str(), r.text);
        } else if let Some(p) = kept.get(&l) {
            let _ = writeln!(out, "{l:>4}   {p}");
            for r in inner.get(&l).into_iter().flatten() {
                let rule = r
                    .rule
                    .as_deref()
                    .map(|x| format!("  ({x})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "         ^ removed [{}] {}{rule}",
                    r.reason.as_str(),
                    r.text
                );
            }
        }
    }
    if !doc.summary.is_empty() {
        let _ = writeln!(out, "summary:");
        for s in &doc.summary {
            let _ = writeln!(out, "  * {s}");
        }
    }
    if !doc.keywords.is_empty() {
        let kw: Vec<String> = doc
            .keywords
            .iter()
            .map(|k| format!("{}:{:.2}", k.word, k.weight))
            .collect();
        let _ = writeln!(out, "keywords: {}", kw.join(" "));
    }
    out
}
