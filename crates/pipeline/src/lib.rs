//! The taojin pipeline: decode, clean, segment, summarise.
//!
//! [`Resources`] holds everything loaded once per process (dictionaries,
//! lexicons, conversion tables); [`Pipeline::process`] is a pure function of
//! one input plus configuration, so a batch runs in parallel with rayon and
//! the output order is the input order.

pub mod explain;
pub mod input;

use input::Record;
use rayon::prelude::*;
use std::collections::HashMap;
use taojin_clean::{Cleaner, LineStats};
use taojin_core::{Config, Document, RawContent, RawInput, Reason, RepairKind};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;
use taojin_summarise::Summariser;

/// Shared read-only resources, loaded once.
pub struct Resources {
    pub segmenter: Segmenter,
    pub converter: ScriptConverter,
    pub cleaner: Cleaner,
    pub summariser: Summariser,
}

impl Resources {
    pub fn load() -> Self {
        Resources {
            segmenter: Segmenter::new(),
            converter: ScriptConverter::new(),
            cleaner: Cleaner::new(),
            summariser: Summariser::new(),
        }
    }

    pub fn with_segmenter(segmenter: Segmenter) -> Self {
        Resources {
            segmenter,
            ..Self::load()
        }
    }
}

pub struct Pipeline {
    pub resources: Resources,
    pub config: Config,
}

impl Pipeline {
    pub fn new(config: Config) -> Self {
        Pipeline {
            resources: Resources::load(),
            config,
        }
    }

    pub fn with_resources(resources: Resources, config: Config) -> Self {
        Pipeline { resources, config }
    }

    /// Runs every stage on one input. Never panics on bad input: a stage
    /// failure becomes the record's `error`, and a panic inside a stage is
    /// caught and reported the same way.
    pub fn process(&self, input: RawInput, stats: Option<&LineStats>) -> Document {
        let (id, source) = (input.id.clone(), input.source.clone());
        let run = std::panic::AssertUnwindSafe(|| self.process_inner(input, stats));
        match std::panic::catch_unwind(run) {
            Ok(doc) => doc,
            Err(p) => {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Document::failed(id, source, format!("internal error: {msg}"))
            }
        }
    }

    fn process_inner(&self, input: RawInput, stats: Option<&LineStats>) -> Document {
        let r = &self.resources;
        let doc = decode_stage(input);
        let doc = r.cleaner.apply(doc, &r.segmenter, &r.converter, stats);
        let doc = if self.config.to_simplified {
            to_simplified_stage(doc, &r.converter)
        } else {
            doc
        };
        let doc = r.segmenter.apply(doc, &r.converter);
        let doc = r.summariser.apply(doc, &self.config, &r.segmenter);
        finalise(doc)
    }

    /// Processes a group of records of one source in parallel, counting line
    /// repetition across them first. Output order is input order.
    pub fn process_group(&self, records: Vec<RawInput>) -> Vec<Document> {
        let records = records
            .into_iter()
            .map(|input| Record {
                group: String::new(),
                input,
            })
            .collect();
        self.process_records(records)
    }

    /// Processes records in parallel; line repetition is counted within each
    /// source group. Output order is input order: one document per record.
    pub fn process_records(&self, records: Vec<Record>) -> Vec<Document> {
        let decoded: Vec<Option<String>> = records
            .par_iter()
            .map(|r| pre_decode_text(&r.input))
            .collect();
        let mut by_group: HashMap<&str, Vec<&str>> = HashMap::new();
        for (r, text) in records.iter().zip(&decoded) {
            if let Some(t) = text {
                by_group
                    .entry(r.group.as_str())
                    .or_default()
                    .push(t.as_str());
            }
        }
        let mut stats: HashMap<String, LineStats> = by_group
            .into_iter()
            .filter(|(_, texts)| texts.len() >= 3)
            .map(|(g, texts)| (g.to_string(), LineStats::from_texts(texts)))
            .collect();
        drop(decoded);
        if stats.is_empty() {
            return records
                .into_par_iter()
                .map(|r| self.process(r.input, None))
                .collect();
        }
        // First pass. Inputs are kept: documents of a source that shows
        // spam are cleaned again once the source's spam is known.
        let mut docs: Vec<Document> = records
            .par_iter()
            .map(|r| self.process(r.input.clone(), stats.get(&r.group)))
            .collect();
        self.learn_source_spam(&records, &docs, &mut stats);
        // Second pass, only where a document still holds a known string.
        let again: Vec<usize> = records
            .iter()
            .zip(&docs)
            .enumerate()
            .filter(|(_, (r, d))| {
                // Learned strings are lower-cased Simplified: a Traditional
                // page is read in that form too.
                let conv = &self.resources.converter;
                stats.get(&r.group).is_some_and(|s| {
                    s.mentions_known_spam(&conv.to_simplified(&d.text))
                        || d.title
                            .as_deref()
                            .is_some_and(|t| s.mentions_known_spam(&conv.to_simplified(t)))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let redone: Vec<(usize, Document)> = again
            .par_iter()
            .filter_map(|&i| {
                let r = records.get(i)?;
                Some((i, self.process(r.input.clone(), stats.get(&r.group))))
            })
            .collect();
        for (i, d) in redone {
            if let Some(slot) = docs.get_mut(i) {
                *slot = d;
            }
        }
        docs
    }
}

impl Pipeline {
    /// Teaches each source's [`LineStats`] its spam from a first cleaning
    /// of its documents: the strings removed from two pages or more, and,
    /// for sources where two pages or more showed spam, the fragments that
    /// recur only across their cleaned pages.
    fn learn_source_spam(
        &self,
        records: &[Record],
        docs: &[Document],
        stats: &mut HashMap<String, LineStats>,
    ) {
        let mut removed_by_group: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
        for (r, d) in records.iter().zip(docs) {
            if stats.contains_key(&r.group) {
                let spam: Vec<&str> = d
                    .removed
                    .iter()
                    .filter(|x| matches!(x.reason, Reason::SpamBrand | Reason::SpamFragment))
                    .map(|x| x.text.as_str())
                    .collect();
                removed_by_group
                    .entry(r.group.as_str())
                    .or_default()
                    .push(spam);
            }
        }
        // Sources where two pages or more showed spam (a site injecting it,
        // not one spammed page among others): only their pages are searched
        // together below, which costs a fragment search over all of them.
        let spammed: std::collections::HashSet<&str> = removed_by_group
            .iter()
            .filter(|(_, removed)| removed.iter().filter(|r| !r.is_empty()).count() >= 2)
            .map(|(g, _)| *g)
            .collect();
        for (group, removed) in removed_by_group {
            if let Some(s) = stats.get_mut(group) {
                s.learn_spam(removed, &self.resources.converter);
            }
        }
        // Fragments that recur only across the pages of a source.
        let mut texts_by_group: HashMap<&str, Vec<&str>> = HashMap::new();
        for (r, d) in records.iter().zip(docs) {
            if spammed.contains(r.group.as_str()) && !d.is_failed() {
                texts_by_group
                    .entry(r.group.as_str())
                    .or_default()
                    .push(d.text.as_str());
            }
        }
        let r = &self.resources;
        let across: Vec<(String, Vec<(String, u32)>)> = texts_by_group
            .into_par_iter()
            .map(|(g, texts)| {
                let found = r
                    .cleaner
                    .source_fragments(&texts, &r.segmenter, &r.converter);
                (g.to_string(), found)
            })
            .collect();
        for (g, found) in across {
            if let Some(s) = stats.get_mut(&g) {
                s.add_known_spam(found);
            }
        }
    }
}

/// Decoded text of a record, for counting line repetition before cleaning.
fn pre_decode_text(r: &RawInput) -> Option<String> {
    match &r.content {
        RawContent::Text(t) => Some(t.clone()),
        RawContent::Bytes(b) => taojin_decode::decode(b).ok().map(|d| d.text),
        RawContent::Unreadable(_) => None,
    }
}

/// Bytes (or JSON text) to repaired text, with the encoding recorded.
pub fn decode_stage(input: RawInput) -> Document {
    let RawInput {
        id,
        source,
        content,
    } = input;
    let (text, encoding) = match content {
        RawContent::Unreadable(why) => return Document::failed(id, source, why),
        RawContent::Text(t) => (t, "UTF-8"),
        RawContent::Bytes(bytes) => match taojin_decode::decode(&bytes) {
            Ok(d) => (d.text, d.encoding),
            Err(e) => return Document::failed(id, source, e.to_string()),
        },
    };
    let mut doc = Document {
        id,
        source,
        encoding: Some(encoding.to_string()),
        ..Document::default()
    };
    if text.trim().is_empty() {
        doc.error = Some("empty input: no text after decoding".into());
        return doc;
    }
    let repaired = taojin_decode::repair_text(&text);
    for (kind, n) in repaired.repairs {
        doc.count_repair(kind, n);
    }
    doc.removed.extend(repaired.removed);
    doc.text = repaired.text;
    doc
}

/// `--to-simplified`: converts the clean text (and title) to Simplified.
pub fn to_simplified_stage(mut doc: Document, conv: &ScriptConverter) -> Document {
    if doc.is_failed() {
        return doc;
    }
    let converted = conv.to_simplified(&doc.text);
    let changed = doc
        .text
        .chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b)
        .count();
    doc.count_repair(RepairKind::ToSimplified, changed as u32);
    doc.text = converted;
    doc.title = doc.title.map(|t| conv.to_simplified(&t));
    doc
}

/// Output records carry weights to four decimals: enough to rank, and
/// stable across runs (summing floats in a different order changes the
/// last bits, which would make snapshots flaky).
fn finalise(mut doc: Document) -> Document {
    for k in &mut doc.keywords {
        k.weight = (k.weight * 10_000.0).round() / 10_000.0;
    }
    doc
}
