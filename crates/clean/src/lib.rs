//! Cleaning: from decoded text to the clean body, with every removal
//! recorded.
//!
//! The stage runs in four passes:
//! 1. character normalisation per line ([`chars`]): whitespace, width,
//!    flattened ruby pinyin, punctuation, doubled marks, ellipses;
//! 2. line classification ([`lines`]): features, a first label per line,
//!    then document-level rules (title, footer, related lists) and smoothing
//!    by neighbours;
//! 3. spliced spam inside the kept lines ([`spam`]);
//! 4. metadata from bylines ([`meta`]) and signals.

pub mod chars;
pub mod credits;
pub mod lexicon;
pub mod lines;
pub mod meta;
pub mod spam;

use lexicon::Lexicons;
use lines::{features, first_label, LineClass, LineFeatures};
use std::collections::{HashMap, HashSet};
use taojin_core::{is_han, Document, Reason, Removal};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

/// Line repetition counts across the documents of one source (a directory
/// or a JSONL file), used as evidence of boilerplate, as CCNet does.
#[derive(Debug, Default, Clone)]
pub struct LineStats {
    /// Normalised line -> number of documents it occurs in.
    counts: HashMap<u64, u32>,
    docs: u32,
    /// Spam strings the cleaner removed from documents of this source
    /// (lower-cased, as recorded), with the number of documents each was
    /// removed from; see [`LineStats::learn_spam`].
    spam: Vec<(String, u32)>,
    /// Fragments found only across the documents of this source (see
    /// [`LineStats::add_known_spam`]): weaker evidence than a removal.
    spam_across: Vec<(String, u32)>,
    /// Strings removed from one document only, of a source where two
    /// documents or more showed spam (see [`LineStats::learn_spam`]).
    spam_once: Vec<String>,
}

impl LineStats {
    /// Counts each distinct line of each document once.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut stats = LineStats::default();
        for text in texts {
            stats.docs += 1;
            let distinct: HashSet<u64> = text.lines().filter_map(line_key).collect();
            for k in distinct {
                *stats.counts.entry(k).or_insert(0) += 1;
            }
        }
        stats
    }

    /// Documents (of this source) that contain the line.
    pub fn doc_count(&self, line: &str) -> u32 {
        line_key(line)
            .and_then(|k| self.counts.get(&k).copied())
            .unwrap_or(0)
    }

    /// Learns the spam of this source from a first cleaning of its
    /// documents: a site that injects spam injects the same brands and
    /// slogan pieces into all its pages, so a string removed as spam from
    /// two documents or more is searched for in every document (a page where
    /// it happened to show no evidence of its own loses it too). `removed`
    /// gives, per document, the texts of its spam removals. Strings are
    /// compared in lower-cased Simplified form: a source's pages may come in
    /// either script (`某某娛樂` on one page is `某某娱乐` on another).
    pub fn learn_spam<'a, D, R>(&mut self, removed: D, conv: &ScriptConverter)
    where
        D: IntoIterator<Item = R>,
        R: IntoIterator<Item = &'a str>,
    {
        let mut docs_of: HashMap<String, u32> = HashMap::new();
        let mut spammed_docs = 0;
        for doc in removed {
            let distinct: HashSet<String> = doc
                .into_iter()
                .map(|t| conv.to_simplified(t.trim()).to_lowercase())
                .filter(|t| t.chars().count() >= 2 && t.chars().any(is_han))
                .collect();
            spammed_docs += usize::from(!distinct.is_empty());
            for t in distinct {
                *docs_of.entry(t).or_insert(0) += 1;
            }
        }
        // A string one page lost is the site's vocabulary too when the site
        // shows spam on several pages; it needs more from the page it is
        // looked for on (see the search for a source's spam in `Cleaner::apply`).
        let mut once: Vec<String> = if spammed_docs >= 2 {
            docs_of
                .iter()
                .filter(|&(_, &n)| n == 1)
                .map(|(t, _)| t.clone())
                .collect()
        } else {
            Vec::new()
        };
        once.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        self.spam_once = once;
        let mut spam: Vec<(String, u32)> = docs_of.into_iter().filter(|&(_, n)| n >= 2).collect();
        // Longest first, so that a brand with its call to action goes whole.
        spam.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        self.spam = spam;
    }

    /// The spam strings learned by [`LineStats::learn_spam`], with the
    /// number of documents each was removed from.
    pub fn known_spam(&self) -> &[(String, u32)] {
        &self.spam
    }

    /// Adds spam strings found some other way (see
    /// [`Cleaner::source_fragments`]), with the documents each occurs in.
    pub fn add_known_spam(&mut self, more: impl IntoIterator<Item = (String, u32)>) {
        for (s, n) in more {
            let known = self
                .spam
                .iter()
                .chain(&self.spam_across)
                .any(|(k, _)| *k == s);
            if n >= 2 && !known {
                self.spam_across.push((s, n));
            }
        }
        self.spam_across.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
    }

    /// The strings removed from one document only (see
    /// [`LineStats::learn_spam`]).
    pub fn spam_seen_once(&self) -> &[String] {
        &self.spam_once
    }

    /// The fragments added by [`LineStats::add_known_spam`].
    pub fn known_spam_across(&self) -> &[(String, u32)] {
        &self.spam_across
    }

    /// Whether `text` holds a learned spam string (lower-cased match), or
    /// twice a string removed from one document (once if it is long).
    pub fn mentions_known_spam(&self, text: &str) -> bool {
        if self.spam.is_empty() && self.spam_across.is_empty() && self.spam_once.is_empty() {
            return false;
        }
        let low = text.to_lowercase();
        self.spam
            .iter()
            .chain(&self.spam_across)
            .any(|(s, _)| low.contains(s.as_str()))
            || self.spam_once.iter().any(|s| {
                let needed = if s.chars().count() >= ONCE_SEEN_LONG {
                    1
                } else {
                    2
                };
                low.matches(s.as_str()).nth(needed - 1).is_some()
            })
    }

    /// A line repeated in at least 3 documents and in at least a fifth of
    /// them is boilerplate of that source.
    pub fn is_repeated(&self, line: &str) -> bool {
        let n = self.doc_count(line);
        self.docs >= 3 && n >= 3 && n * 5 >= self.docs
    }
}

/// A hash of a line with whitespace and digits folded, so that counters and
/// dates do not hide a repeated template line. Very short lines are not
/// keyed: repetition of two characters says nothing.
fn line_key(line: &str) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let folded: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect();
    if folded.chars().count() < 4 {
        return None;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    folded.hash(&mut h);
    Some(h.finish())
}

/// The cleaning stage. Holds the lexicons; share it across threads.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    lex: Lexicons,
}

/// Longest headline read as one though it ends in `？` or `！`
/// ([`asking_headline`]): news headlines run to about 30 chars.
const ASKING_HEADLINE_MAX_CHARS: usize = 40;

/// Chars of a kept paragraph that show the body has begun, for
/// telling a page's head (its byline, meta, first post header) from what
/// follows the body (replies, comments): longer than a headline.
const BODY_BEGUN: usize = 40;

/// Documents per batch of [`Cleaner::source_fragments`]: enough pages for
/// a brand spliced once or twice per page to recur, few enough that the
/// search stays cheap on a large source.
const SOURCE_BATCH: usize = 40;

impl Cleaner {
    /// Spliced fragments that show only across the documents of a source.
    /// A site injects the same brands into every page, once or twice each:
    /// too few times for one page to show them, but over the cleaned texts
    /// of its pages taken together they recur at random places like any
    /// spliced fragment. Returns each fragment (lower-cased Simplified)
    /// with the number of documents it occurs in, for
    /// [`LineStats::add_known_spam`].
    pub fn source_fragments(
        &self,
        texts: &[&str],
        seg: &Segmenter,
        conv: &ScriptConverter,
    ) -> Vec<(String, u32)> {
        let mut found: HashMap<String, HashSet<usize>> = HashMap::new();
        for (b, batch) in texts.chunks(SOURCE_BATCH).enumerate() {
            if batch.len() < 3 {
                continue;
            }
            let mut lines: Vec<Vec<char>> = Vec::new();
            let mut doc_of: Vec<usize> = Vec::new();
            for (d, text) in batch.iter().enumerate() {
                for l in text.lines() {
                    lines.push(conv.to_simplified(l).to_lowercase().chars().collect());
                    doc_of.push(b * SOURCE_BATCH + d);
                }
            }
            let brands = spam::find_brands(&lines, &lines, &self.lex);
            let without_brands = spam::blanked(&lines, &brands);
            // Latin- and digit-named brands said once or twice a page: over
            // the pages together the same brand string recurs and breaks a
            // word here and there, the proof a page without other spam
            // asks for (`的|500T游戏|确` on one page, `500T游戏` on another).
            let latin = spam::find_latin_brands(
                &without_brands,
                seg,
                &brands,
                spam::LatinProof::Repeated,
                &self.lex.suffix_chars,
            );
            for b in latin {
                if let Some(&d) = doc_of.get(b.line) {
                    found.entry(b.text).or_default().insert(d);
                }
            }
            for f in spam::find_fragments(&lines, &without_brands, seg, &brands) {
                // A dictionary word recurring over many pages breaks a word
                // here and there by chance (`政|协商|议`); only what is no
                // word is evidence at this scale. Nor is the slogan-piece
                // scorer's word: it was fitted on single pages, and a batch
                // of pages said together repeats the source's phrases
                // (`，人民群众` opening a clause on four pages).
                let chars: Vec<char> = f.text.chars().collect();
                let word = chars.iter().all(|&c| is_han(c)) && seg.jieba().has_word(&f.text);
                if word || f.rule.starts_with("scored") {
                    continue;
                }
                if let Some(&d) = doc_of.get(f.line) {
                    found.entry(f.text).or_default().insert(d);
                }
            }
        }
        found
            .into_iter()
            .map(|(s, docs)| (s, docs.len() as u32))
            .filter(|&(_, n)| n >= 2)
            .collect()
    }
}

/// One input line as the cleaner sees it.
struct Line {
    /// 1-based line number in the decoded input.
    number: usize,
    text: String,
    /// Lower-cased Simplified form, for lexicon matching and analysis.
    simple: String,
    f: LineFeatures,
    class: Option<LineClass>,
    rule: Option<String>,
}

impl Line {
    /// Not decided yet, or kept as body: a line a later rule may still
    /// take for the text or for furniture.
    fn is_open(&self) -> bool {
        matches!(self.class, None | Some(LineClass::Body))
    }
}

impl Cleaner {
    pub fn new() -> Self {
        Cleaner {
            lex: Lexicons::builtin(),
        }
    }

    pub fn with_lexicons(lex: Lexicons) -> Self {
        Cleaner { lex }
    }

    /// Cleans `doc.text` (the decoded input). `stats` carries line
    /// repetition across the documents of the same source, when known.
    pub fn apply(
        &self,
        mut doc: Document,
        seg: &Segmenter,
        conv: &ScriptConverter,
        stats: Option<&LineStats>,
    ) -> Document {
        if doc.is_failed() {
            return doc;
        }
        let raw = std::mem::take(&mut doc.text);
        let chars_in = raw.chars().count() as u64;
        let ruby_doc = chars::count_toned_ruby(&raw) >= 3;
        let mut rep = chars::CharRepairs::default();

        // Pass 1: normalise characters, line by line.
        let mut lines: Vec<Line> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut duplicate_lines = 0usize;
        let raw_lines: Vec<&str> = raw.lines().collect();
        let total = raw_lines.len().max(1);
        for (i, l) in raw_lines.iter().enumerate() {
            let text = chars::normalise_line(l, ruby_doc, &mut rep);
            if text.is_empty() {
                continue;
            }
            *seen.entry(text.clone()).or_insert(0) += 1;
            if seen.get(&text).copied().unwrap_or(0) > 1 {
                duplicate_lines += 1;
            }
            let simple = conv.to_simplified(&text).to_lowercase();
            let f = features(&text, &simple, &self.lex);
            let rel_pos = i as f64 / total as f64;
            let (class, rule) = match first_label(&f, rel_pos) {
                Some((c, r)) => (Some(c), r),
                None => (None, None),
            };
            lines.push(Line {
                number: i + 1,
                text,
                simple,
                f,
                class,
                rule,
            });
        }
        for (kind, n) in &rep.counts {
            doc.count_repair(*kind, *n);
        }

        // Pass 2: document-level decisions.
        if let Some(stats) = stats {
            for line in lines.iter_mut() {
                let strong_body = line.f.chars >= 60 && line.f.clause_marks >= 2;
                if !strong_body && stats.is_repeated(&line.text) {
                    line.class = Some(LineClass::Boilerplate(Reason::RepeatedBoilerplate));
                    line.rule = Some(format!(
                        "in {} documents of this source",
                        stats.doc_count(&line.text)
                    ));
                }
            }
        }
        // A document that already has a title (cleaned before, or given one
        // by its source) keeps it: its first line is body, not a title.
        mark_emoji_lists(&mut lines);
        let mut title = match doc.title.take() {
            Some(t) => Some(t),
            None => decide_title(&mut lines),
        };
        mark_chapter_lists(&mut lines);
        mark_bullet_runs(&mut lines);
        mark_table_of_contents(&mut lines, &self.lex.toc_labels);
        mark_poster_names(&mut lines);
        mark_footer(&mut lines);
        smooth(&mut lines);
        keep_numbered_steps(&mut lines);
        keep_a_post_in_short_lines(&mut lines);

        // Pass 3: spam inside kept lines and the title line (spammers
        // splice into headlines too, and the title is output).
        // Only the first title line: later ones repeat it and would count
        // its words twice.
        let first_title = lines.iter().position(|l| l.class == Some(LineClass::Title));
        let kept_idx: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].class.is_some_and(LineClass::is_kept) || Some(i) == first_title)
            .collect();
        // The injector splices into every line, furniture too: lines that
        // go as furniture still show where a run lands, so the analysis
        // reads them (each distinct text once) and keeps only the spans on
        // kept lines.
        let mut seen_text: HashSet<&str> = HashSet::new();
        let evidence_idx: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let fresh = seen_text.insert(lines[i].text.as_str());
                kept_idx.binary_search(&i).is_ok() || fresh
            })
            .collect();
        let mut ev = char_forms(&lines, &evidence_idx);
        let mut spans: Vec<spam::SpamSpan> =
            find_spam(&ev.original, &ev.simple, &ev.analysis, seg, &self.lex)
                .into_iter()
                .filter_map(|mut s| {
                    let line = *evidence_idx.get(s.line)?;
                    s.line = kept_idx.binary_search(&line).ok()?;
                    Some(s)
                })
                .collect();
        // The kept lines' forms, moved out of the evidence forms (every kept
        // line is an evidence line).
        let kept_at: Vec<usize> = evidence_idx
            .iter()
            .enumerate()
            .filter(|(_, i)| kept_idx.binary_search(i).is_ok())
            .map(|(k, _)| k)
            .collect();
        let kept_chars: Vec<Vec<char>> = kept_at
            .iter()
            .map(|&k| {
                ev.original
                    .get_mut(k)
                    .map(std::mem::take)
                    .unwrap_or_default()
            })
            .collect();
        let analysis: Vec<Vec<char>> = kept_at
            .iter()
            .map(|&k| {
                ev.analysis
                    .get_mut(k)
                    .map(std::mem::take)
                    .unwrap_or_default()
            })
            .collect();
        // Spam this source injected into its other pages.
        if let Some(st) = stats {
            // Removed from other pages first; then what only showed across
            // pages, which needs more from the page itself.
            for (known, strict) in [(st.known_spam(), false), (st.known_spam_across(), true)] {
                if known.is_empty() {
                    continue;
                }
                // Learned in lower-cased Simplified form already.
                let known: Vec<(Vec<char>, u32)> = known
                    .iter()
                    .map(|(s, n)| (s.chars().collect(), *n))
                    .collect();
                let more = spam::find_known(&kept_chars, &analysis, &known, &spans, seg, strict);
                spans.extend(more);
            }
            // Removed from one other page only: on a page showing spam of
            // its own, where the string is said twice or more (once, if it
            // is long: `某某竞猜客户端`) and is no grammatical phrase
            // (`的工资`), since a phrase one page lost by mistake would
            // spread over the site. (Dictionary words need three pages; see
            // `find_known`.)
            if !spans.is_empty() && !st.spam_seen_once().is_empty() {
                let once: Vec<(Vec<char>, u32)> = st
                    .spam_seen_once()
                    .iter()
                    .map(|s| s.chars().collect::<Vec<char>>())
                    .filter(|k| {
                        let needed = if k.len() >= ONCE_SEEN_LONG { 1 } else { 2 };
                        !spam::on_a_particle(k) && spam::occurrences(&analysis, k) >= needed
                    })
                    .map(|k| (k, 1))
                    .collect();
                let more = spam::find_known(&kept_chars, &analysis, &once, &spans, seg, false);
                spans.extend(more);
            }
        }
        // Once the brands' calls to action are known, a Han name and a word
        // no list has before one is a brand too, said once.
        let shared = spam::extend_brand_tails(&analysis, &mut spans, seg);
        let mut more = spam::find_brands_before_actions(&analysis, &spans, seg, &shared, &self.lex);
        spam::drop_names_inside_words(&mut more, &analysis, seg);
        for s in &mut more {
            if let Some(t) = kept_chars.get(s.line).and_then(|l| l.get(s.start..s.end)) {
                s.text = t.iter().collect();
            }
        }
        spans.extend(more);
        // Headlines stuffed with runs the body never says.
        let stuffed: Vec<spam::SpamSpan> = spam::find_stuffed_heads(&analysis, &spans)
            .into_iter()
            .filter(|s| {
                !spans
                    .iter()
                    .any(|t| t.line == s.line && t.start < s.end && s.start < t.end)
            })
            .filter_map(|mut s| {
                s.text = kept_chars
                    .get(s.line)?
                    .get(s.start..s.end)?
                    .iter()
                    .collect();
                Some(s)
            })
            .collect();
        spans.extend(stuffed);
        let intruders = spam::find_script_intruders(
            &kept_chars,
            &spans,
            |c| conv.is_simplified_only(c),
            |c| conv.is_traditional_only(c),
        );
        // A headline in the other script is the site's, not an intruder,
        // unless the run is one the body carries as an intruder too: spam
        // spliced into the headline as into the sentences.
        let title_k = first_title.and_then(|t| kept_idx.binary_search(&t).ok());
        let in_body: HashSet<&str> = intruders
            .iter()
            .filter(|s| Some(s.line) != title_k)
            .map(|s| s.text.as_str())
            .collect();
        let intruders: Vec<spam::SpamSpan> = intruders
            .iter()
            .filter(|s| Some(s.line) != title_k || in_body.contains(s.text.as_str()))
            .cloned()
            .collect();
        spans.extend(intruders);

        // Assemble text, removals (in input order) and metadata.
        let mut spans_by_line: HashMap<usize, Vec<&spam::SpamSpan>> = HashMap::new();
        for s in &spans {
            spans_by_line.entry(s.line).or_default().push(s);
        }
        let mut paragraphs: Vec<String> = Vec::new();
        let mut paragraph_lines: Vec<usize> = Vec::new();
        let mut removed: Vec<Removal> = Vec::new();
        let mut published = meta::PublishedDate::default();
        let mut credited = credits::Credited::default();
        let is_word = |w: &str| seg.jieba().has_word(w);
        // Whether the body has begun above the current line (see where it
        // is set), for the dates and credits of the furniture lines.
        let mut body_begun = false;
        let (mut boiler_chars, mut spam_chars, mut lines_removed) = (0u64, 0u64, 0u64);
        for (i, line) in lines.iter().enumerate() {
            let class = line.class.unwrap_or(LineClass::Body);
            match class {
                LineClass::Body | LineClass::Heading => {
                    let k = kept_idx.binary_search(&i).ok();
                    let mut chars: Vec<char> = line.text.chars().collect();
                    let had_spam = k.is_some_and(|k| spans_by_line.contains_key(&k));
                    if let Some(line_spans) = k.and_then(|k| spans_by_line.get(&k)) {
                        spam_chars += cut_spans(&mut chars, line_spans, line.number, &mut removed);
                    }
                    let text: String = chars.into_iter().collect::<String>().trim().to_string();
                    // Cutting a span out can leave ASCII punctuation next to Han
                    // text or two marks side by side: normalise the seam.
                    let mut seam = chars::CharRepairs::default();
                    let text = chars::punctuation_to_fullwidth(&text, &mut seam);
                    let text = chars::collapse_doubled_marks(&text, &mut seam);
                    // What is left of a spam line without Han text (a bare link,
                    // brackets) went with the spam; a sentence of Latin words
                    // (a quotation in English) is text of its own.
                    let han_left = text.chars().filter(|&c| is_han(c)).count();
                    if had_spam && han_left < 2 && !text.is_empty() && !is_latin_prose(&text) {
                        spam_chars += text.chars().count() as u64;
                        removed.push(Removal {
                            text,
                            reason: Reason::SpamBrand,
                            line: Some(line.number),
                            rule: Some("rest of a spam line".into()),
                        });
                        continue;
                    }
                    if !text.is_empty() {
                        if paragraphs.is_empty() {
                            credited.offer_dateline(&line.text, &line.simple);
                        }
                        // A kept headline (a title not recognised as one)
                        // does not start the body: a paragraph does, or a
                        // second line (dialogue runs in short lines).
                        body_begun |= !paragraphs.is_empty() || text.chars().count() >= BODY_BEGUN;
                        paragraphs.push(text);
                        paragraph_lines.push(line.number);
                    }
                }
                LineClass::Title => {
                    let k = kept_idx.binary_search(&i).ok();
                    if let Some(line_spans) = k.and_then(|k| spans_by_line.get(&k)) {
                        let mut chars: Vec<char> = line.text.chars().collect();
                        spam_chars += cut_spans(&mut chars, line_spans, line.number, &mut removed);
                        // The title was taken from this line (or a line
                        // repeating it): its headline part is replaced by
                        // the cleaned line, a subtitle after it stays.
                        let before = tidy_title(&line.text);
                        let after = tidy_title(&chars.into_iter().collect::<String>());
                        if let Some(rest) = title.as_deref().and_then(|t| t.strip_prefix(&before)) {
                            title = Some(format!("{after}{rest}"));
                        }
                    }
                    lines_removed += 1;
                    removed.push(Removal {
                        text: line.text.clone(),
                        reason: Reason::Title,
                        line: Some(line.number),
                        rule: line.rule.clone(),
                    });
                }
                LineClass::Boilerplate(reason) => {
                    lines_removed += 1;
                    boiler_chars += line.f.chars as u64;
                    credited.offer(&line.text, &line.simple, reason, body_begun, &is_word);
                    // A class given by the neighbours alone (a name line
                    // under a licence notice) says nothing against a handle.
                    let smoothed = matches!(
                        line.rule.as_deref(),
                        Some("among boilerplate before the body")
                    );
                    let read_for_handle = smoothed
                        || !matches!(
                            reason,
                            Reason::Caption | Reason::RelatedList | Reason::Legal
                        );
                    if !body_begun && read_for_handle {
                        let handle = credits::HandleLine {
                            orig: &line.text,
                            simple: &line.simple,
                            rule: line.rule.as_deref().unwrap_or(""),
                            above: i.checked_sub(1).map(|k| lines[k].simple.as_str()),
                            below: lines.get(i + 1).map(|l| l.simple.as_str()),
                            below_bio: lines.get(i + 2).map(|l| l.simple.as_str()),
                        };
                        credited.offer_handle_line(&handle, &is_word);
                    }
                    // A related list's dates are its headlines' own; but
                    // a line of a date and a place alone after the text is
                    // the post's stamp (Xiaohongshu's `2023-04-09 浙江`
                    // under its tags).
                    if line.f.has_date && (reason != Reason::RelatedList || mostly_date(&line.text))
                    {
                        published.offer(&line.text, &line.simple, body_begun);
                    }
                    removed.push(Removal {
                        text: line.text.clone(),
                        reason,
                        line: Some(line.number),
                        rule: line.rule.clone(),
                    });
                }
            }
        }
        // Removals were pushed per line, spans right to left: restore order.
        removed.sort_by_key(|r| r.line.unwrap_or(0));

        doc.title = title;
        if doc.metadata.date.is_none() {
            doc.metadata.date = published.into_date();
        }
        credited.fill(&mut doc.metadata);
        doc.text = paragraphs.join("\n");
        doc.paragraph_lines = paragraph_lines;
        doc.removed = removed;
        doc.metadata.script = Some(conv.detect(&doc.text));
        let chars_out = doc.text.chars().count() as u64;
        let non_space = doc.text.chars().filter(|c| !c.is_whitespace()).count();
        let han = doc.text.chars().filter(|&c| is_han(c)).count();
        let s = &mut doc.signals;
        s.chars_in = chars_in;
        s.chars_out = chars_out;
        s.lines_in = lines.len() as u64;
        s.lines_removed = lines_removed;
        s.han_share = ratio(han as u64, non_space as u64);
        s.boilerplate_share = ratio(boiler_chars, chars_in);
        s.spam_share = ratio(spam_chars, chars_in);
        s.mean_line_length = if paragraphs.is_empty() {
            0.0
        } else {
            ratio(chars_out, paragraphs.len() as u64)
        };
        s.duplicate_line_share = ratio(duplicate_lines as u64, lines.len() as u64);
        s.censored_runs = spam::count_censored(&doc.text);
        s.repairs_total = doc.repairs.values().map(|&n| n as u64).sum();
        doc
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        ((a as f64 / b as f64) * 10_000.0).round() / 10_000.0
    }
}

fn first_anchor(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| l.class == Some(LineClass::Body))
}

/// Spam inside the kept lines: brands from the lexicon first (so that
/// fragment statistics see the text without them), then repeated spliced
/// fragments, then the brands that need a page already showing spam (brand
/// shapes, Latin-named brands, advertised names, brands built like the
/// page's others). Brands found only in that last step are evidence the
/// fragment search did not have, so it looks again with them.
/// Cuts a line's spam spans out of its chars, last first so that the
/// earlier offsets stay valid, and records each removal with the line's own
/// text (the detectors read a lower-cased Simplified copy). Returns the
/// number of chars cut.
fn cut_spans(
    chars: &mut Vec<char>,
    spans: &[&spam::SpamSpan],
    line_number: usize,
    removed: &mut Vec<Removal>,
) -> u64 {
    let mut sorted = spans.to_vec();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut cut = 0u64;
    for s in sorted {
        let range = s.start.min(chars.len())..s.end.min(chars.len());
        cut += range.len() as u64;
        removed.push(Removal {
            text: chars[range.clone()].iter().collect(),
            reason: if s.brand {
                Reason::SpamBrand
            } else {
                Reason::SpamFragment
            },
            line: Some(line_number),
            rule: Some(s.rule.clone()),
        });
        chars.drain(range);
    }
    cut
}

fn find_spam(
    kept_chars: &[Vec<char>],
    simple_chars: &[Vec<char>],
    analysis: &[Vec<char>],
    seg: &Segmenter,
    lex: &Lexicons,
) -> Vec<spam::SpamSpan> {
    let overlaps = |spans: &[spam::SpamSpan], b: &spam::SpamSpan| {
        spans
            .iter()
            .any(|t| t.line == b.line && t.start < b.end && b.start < t.end)
    };
    // Brand shapes that need a page shown to carry spam, outside the spans
    // already taken.
    let spam_page_shapes = |taken: &[spam::SpamSpan]| {
        let mut shapes = spam::find_brands_on(kept_chars, simple_chars, lex, true);
        spam::widen_names_to_words(&mut shapes, kept_chars, analysis, seg);
        let mut more: Vec<spam::SpamSpan> =
            shapes.into_iter().filter(|b| !overlaps(taken, b)).collect();
        spam::drop_names_inside_words(&mut more, analysis, seg);
        more
    };
    let suffixes = &lex.suffix_chars;
    let mut brands = spam::find_brands(kept_chars, simple_chars, lex);
    spam::widen_names_to_words(&mut brands, kept_chars, analysis, seg);
    let found = brands.clone();
    spam::drop_names_inside_words(&mut brands, analysis, seg);
    if brands.len() < found.len() {
        // A shape dropped as a term of the text (`福利彩票官网`) must not
        // have shown the page to be spam to the shapes that need that
        // (`机选彩票`): look again with it out of the way.
        let dropped: Vec<spam::SpamSpan> = found
            .into_iter()
            .filter(|f| {
                !brands
                    .iter()
                    .any(|b| b.line == f.line && b.start == f.start)
            })
            .collect();
        brands = spam::find_brands(kept_chars, &spam::blanked(simple_chars, &dropped), lex);
        spam::widen_names_to_words(&mut brands, kept_chars, analysis, seg);
        spam::drop_names_inside_words(&mut brands, analysis, seg);
    }
    let addresses: Vec<spam::SpamSpan> = spam::find_bare_addresses(kept_chars, analysis)
        .into_iter()
        .filter(|a| !overlaps(&brands, a))
        .collect();
    brands.extend(addresses);
    let latin_named: Vec<spam::SpamSpan> =
        spam::find_latin_gambling_names(kept_chars, simple_chars, lex)
            .into_iter()
            .filter(|a| !overlaps(&brands, a))
            .collect();
    brands.extend(latin_named);
    let first_brands = brands.len();
    let masked = spam::blanked(analysis, &brands);
    let fragments = spam::find_fragments(kept_chars, &masked, seg, &brands);
    // Spliced fragments show this is a spam page: brand shapes that need
    // such evidence (a Han name before a gambling word) get a second look.
    if !fragments.is_empty() {
        let taken: Vec<spam::SpamSpan> = brands.iter().chain(&fragments).cloned().collect();
        brands.extend(spam_page_shapes(&taken));
    }
    if brands.is_empty() && fragments.is_empty() {
        // A family of Latin-named brands is the one sign of spam the
        // lexicon and the fragment counts can both miss.
        brands = spam::find_brand_families(analysis, seg);
        if brands.is_empty() {
            brands =
                spam::find_latin_brands(analysis, seg, &[], spam::LatinProof::Repeated, suffixes);
        }
        if brands.is_empty() {
            // A Latin name said once, but before a listed category word
            // and breaking a word where it stands.
            brands = spam::find_categorised_latin_brands(analysis, seg, lex);
        }
        if brands.is_empty() {
            // A name advertised with a web address is evidence on its own
            // when it carries a gambling word (`某某视讯【www.…】`) or breaks
            // a word where it was spliced; a site credit does neither.
            brands = spam::find_advertised(kept_chars, analysis, &[], |name| {
                let text: String = name.iter().collect();
                lex.gambling
                    .iter()
                    .any(|(w, _)| !w.is_empty() && text.contains(w.as_str()))
                    || spam::breaks_a_word(analysis, seg, name)
                    || spam::wedged_count(analysis, name) >= 2
            });
        }
        if brands.is_empty() {
            // With nothing else on the page, a weak category word must
            // break two words (`某某体育` is also a sports club's name); a
            // strong one (`棋牌`, `真人`) is rarely anything but a casino's.
            let needed = spam::BreaksNeeded { weak: 2, strong: 1 };
            brands = spam::find_han_brands_breaking_words(
                kept_chars,
                simple_chars,
                lex,
                seg,
                &[],
                needed,
            );
            spam::drop_names_inside_words(&mut brands, analysis, seg);
        }
        if brands.is_empty() {
            brands = spam::find_offtopic_brand_shapes(kept_chars, simple_chars, analysis, lex, seg);
        }
        if brands.is_empty() {
            brands = spam::find_repeated_unlisted(kept_chars, analysis, seg, &[], false);
            spam::drop_names_inside_words(&mut brands, analysis, seg);
        }
        if brands.is_empty() {
            return Vec::new();
        }
    }
    let mut taken: Vec<spam::SpamSpan> = brands.iter().chain(&fragments).cloned().collect();
    let mut more = spam::find_han_brands_breaking_words(
        kept_chars,
        simple_chars,
        lex,
        seg,
        &taken,
        spam::BreaksNeeded { weak: 1, strong: 1 },
    );
    spam::drop_names_inside_words(&mut more, analysis, seg);
    taken.extend(more);
    let more = spam::find_latin_brands(
        &spam::blanked(analysis, &brands),
        seg,
        &taken,
        spam::LatinProof::SpamPage,
        suffixes,
    );
    taken.extend(more);
    let more = spam::find_advertised(kept_chars, analysis, &taken, |_| true);
    taken.extend(more);
    let mut more = spam::find_repeated_unlisted(kept_chars, analysis, seg, &taken, true);
    spam::drop_names_inside_words(&mut more, analysis, seg);
    taken.extend(more);
    let mut more = spam::find_learned_brands(analysis, seg, &taken, lex);
    spam::drop_names_inside_words(&mut more, analysis, seg);
    taken.extend(more);
    // Brand shapes that need a spam page get their look now if only the
    // later rules showed it is one.
    if fragments.is_empty() && first_brands == 0 {
        let more = spam_page_shapes(&taken);
        taken.extend(more);
    }
    let mut all_brands: Vec<spam::SpamSpan> = taken.iter().filter(|s| s.brand).cloned().collect();
    if all_brands.len() == first_brands {
        return taken;
    }
    let fragments: Vec<spam::SpamSpan> = spam::find_fragments(
        kept_chars,
        &spam::blanked(analysis, &all_brands),
        seg,
        &all_brands,
    )
    .into_iter()
    .filter(|f| !overlaps(&all_brands, f))
    .collect();
    all_brands.extend(fragments);
    all_brands
}

/// The chars of some lines in the three forms spam detection reads.
struct CharForms {
    /// As written.
    original: Vec<Vec<char>>,
    /// Lower-cased Simplified.
    simple: Vec<Vec<char>>,
    /// The Simplified form where conversion kept the line's length (so
    /// offsets agree), else the line as written.
    analysis: Vec<Vec<char>>,
}

fn char_forms(lines: &[Line], idx: &[usize]) -> CharForms {
    let original: Vec<Vec<char>> = idx
        .iter()
        .map(|&i| lines[i].text.chars().collect())
        .collect();
    let simple: Vec<Vec<char>> = idx
        .iter()
        .map(|&i| lines[i].simple.chars().collect())
        .collect();
    let analysis = original
        .iter()
        .zip(&simple)
        .map(|(o, s)| {
            if o.len() == s.len() {
                s.clone()
            } else {
                o.clone()
            }
        })
        .collect();
    CharForms {
        original,
        simple,
        analysis,
    }
}

/// Longest line, in chars, that [`decide_title`] takes for site furniture
/// because it stands above the headline.
const ABOVE_TITLE_MAX_CHARS: usize = 40;

/// Longest title candidate, in chars, that [`decide_title`] may take for
/// an account or user name when a longer line stands on the body.
const NAME_SIZED_CHARS: usize = 8;

/// Chars from which a string one page of a source lost is looked for on
/// the source's other spam pages even where it is said once: a run this
/// long recurs across a site's pages by injection, not by chance.
const ONCE_SEEN_LONG: usize = 5;

/// Longest line read as a poster's name or tagline above a post's meta
/// line (`每天一点摄影知识，陪你慢慢变好`): a headline above it is longer.
const NAME_LINE_MAX_CHARS: usize = 20;

/// Fewest chars of a headline that an account's name under it gives way to.
const HEADLINE_OVER_ACCOUNT_MIN_CHARS: usize = 10;

/// Longest account name, in chars, that [`decide_title`] looks for in the
/// page's furniture: a headline's first clause can be longer.
const ACCOUNT_NAME_MAX_CHARS: usize = 12;

/// The candidate headline whose words the body repeats, where the rules
/// of position took another line: a site's name, a menu row or a user
/// name above or below the headline, which the body does not repeat. A
/// candidate needs [`TITLE_ECHO_PAIRS`] pairs of Han chars for its echo to
/// tell (a short name's few pairs are in the body by chance, or because
/// its comments name the poster), an echo of [`TITLE_ECHO_MIN`], and
/// [`TITLE_ECHO_LEAD`] more than the line taken where that line has the
/// pairs to tell. It may stand above the line taken only when that line is
/// too short to tell: an agency's name above a headline, often signed
/// under the text again, may share words with it. Body lines holding the
/// candidate whole are not read (see [`body_pairs`]).
fn echoed_headline(lines: &[Line], candidates: &[usize], taken: usize) -> Option<usize> {
    let limit = first_anchor(lines)?;
    // The body lines' pairs are read once; each candidate's echo once, where
    // it has the pairs to tell.
    let body: Vec<(&str, HashSet<(char, char)>)> = lines[limit..]
        .iter()
        .filter(|l| l.is_open())
        .map(|l| (l.simple.as_str(), han_pairs(&l.simple)))
        .collect();
    let echoes: Vec<(usize, Option<f64>)> = candidates
        .iter()
        .map(|&i| {
            let own = &lines[i].simple;
            let tells = han_pairs(own).len() >= TITLE_ECHO_PAIRS;
            (i, tells.then(|| title_echo(own, &body_pairs(&body, own))))
        })
        .collect();
    let (best, best_echo) = echoes
        .iter()
        .filter_map(|&(i, e)| e.map(|e| (i, e)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
    let taken_echo = echoes
        .iter()
        .find(|(i, _)| *i == taken)
        .and_then(|(_, e)| *e);
    let clears =
        best_echo >= TITLE_ECHO_MIN && taken_echo.is_none_or(|t| best_echo >= t + TITLE_ECHO_LEAD);
    (best != taken && clears && (best > taken || taken_echo.is_none())).then_some(best)
}

/// Fewest pairs of adjacent Han chars a headline candidate needs for
/// [`echoed_headline`] to read how much of it the body repeats.
const TITLE_ECHO_PAIRS: usize = 10;

/// Least share of a candidate's Han char pairs the body must repeat for
/// [`echoed_headline`] to take it over the line position chose.
const TITLE_ECHO_MIN: f64 = 0.2;

/// How much more of its pairs the body must repeat for a candidate than for
/// the line position chose, when that line is long enough to tell.
const TITLE_ECHO_LEAD: f64 = 0.2;

/// Strips a label before the headline (`標題 `, `主题：`), a forum board
/// prefix (`[远安] `) and trailing dashes from a title.
fn tidy_title(t: &str) -> String {
    let t = t.trim();
    let t = lexicon::title_labels()
        .iter()
        .find_map(|label| {
            let head = t.get(..label.len())?;
            let rest = t[label.len()..].strip_prefix([' ', '\u{3000}', ':', '：'])?;
            (head.to_lowercase() == *label && !rest.trim().is_empty()).then(|| rest.trim())
        })
        .unwrap_or(t);
    let t = match (
        t.starts_with('[') || t.starts_with('【'),
        t.find([']', '】']),
    ) {
        (true, Some(end)) if end < 24 => t[end..].trim_start_matches([']', '】']).trim(),
        _ => t,
    };
    // A section's trail before the headline (`网事杂谈 > 标题`): the last
    // step is the headline when it is headline-sized.
    let t = match t.rsplit_once([' ', '\u{3000}']) {
        Some((crumbs, last))
            if crumbs.trim_end().ends_with(['>', '＞', '›', '»'])
                && last.chars().count() >= TRAIL_HEADLINE_MIN_CHARS =>
        {
            last
        }
        _ => t,
    };
    let t = without_button_row(t);
    t.trim_end_matches(['—', '-', '－', ' ']).to_string()
}

/// A headline printed with a row of two buttons or more after it
/// (`标题 [ 打印 ] [ 关闭 ]`, `标题【收藏】【打印】`), without them: each
/// button a bracketed word of at most [`BUTTON_MAX_CHARS`] chars. One
/// bracketed word alone may be the headline's own tag (`[组图]`), so it
/// stays.
fn without_button_row(t: &str) -> &str {
    let mut head = t.trim_end();
    let mut buttons = 0;
    while let Some(open) = head
        .strip_suffix([']', '】'])
        .and_then(|h| h.rfind(['[', '【']).map(|at| (h, at)))
        .and_then(|(h, at)| {
            let inner = h[at..].trim_start_matches(['[', '【']).trim();
            let n = inner.chars().count();
            ((1..=BUTTON_MAX_CHARS).contains(&n) && inner.chars().all(is_han)).then_some(at)
        })
    {
        head = head[..open].trim_end();
        buttons += 1;
    }
    if buttons >= 2 && head.chars().any(is_han) {
        head
    } else {
        t
    }
}

/// The most chars of a button's word (`打印`, `复制链接`).
const BUTTON_MAX_CHARS: usize = 4;

/// The fewest chars of a headline read as a trail's last step.
const TRAIL_HEADLINE_MIN_CHARS: usize = 5;

/// The least share of Han chars in a headline written in Chinese.
const HEADLINE_MIN_HAN_SHARE: f64 = 0.4;

/// The fewest Han chars of a headline that mixes in English words.
const MIXED_HEADLINE_MIN_HAN: usize = 4;

/// Whether a line is written as a Chinese headline: Han for two in five
/// of its chars, or, in a headline naming tools or products, Han and
/// English words for nearly all of them (`Git 撤销操作速查：reset、revert
/// 与 restore 的区别`).
fn headline_script(l: &Line) -> bool {
    if l.f.han_share() >= HEADLINE_MIN_HAN_SHARE {
        return true;
    }
    let letters = l.text.chars().filter(char::is_ascii_alphabetic).count();
    l.f.han >= MIXED_HEADLINE_MIN_HAN && (l.f.han + letters) * 10 >= l.f.chars * 7
}

/// Whether a line is a date and little else (`2023年05月12日 星期五`): an
/// e-paper's or a portal's day line, no headline.
fn mostly_date(text: &str) -> bool {
    let found = lines::dates(text);
    let Some(first) = found.first() else {
        return false;
    };
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    let dated: usize = found.iter().map(|d| d.end - d.at).sum();
    first.at <= 1 && n.saturating_sub(dated) <= 4
}

/// Whether a line went as navigation for one menu word it says inside a
/// clause (`一部关于等待的电影，也关于我们自己` holds `关于我们`): a menu names
/// its items apart, so such a line may still be the headline, if it is
/// headline-shaped as an undecided line must be. Dated lines are left
/// alone (their dates count elsewhere).
fn menu_word_in_a_clause(l: &Line) -> bool {
    l.class == Some(LineClass::Boilerplate(Reason::Navigation))
        && l.rule.as_deref().is_some_and(|r| r.starts_with("lexicon:"))
        && l.f.hits.len() == 1
        && l.text.contains(['，', ','])
        && l.f.separators == 0
        && l.f.arrows == 0
        && !l.f.has_date
}

/// The headline of a furniture line that is a headline with buttons in
/// brackets after it (`冬天的小镇 [复制链接]`, `某某 【打印】【关闭】`): every
/// phrase of the lexicon the line holds lies in those brackets, and what
/// stands before them is headline-sized Han text with no clause end.
fn headline_before_buttons(l: &Line) -> Option<&str> {
    if !matches!(
        l.class,
        Some(LineClass::Boilerplate(
            Reason::ForumChrome | Reason::SiteChrome
        ))
    ) || l.f.hits.is_empty()
    {
        return None;
    }
    let text = l.text.trim();
    let mut head = text;
    while let Some(open) = head
        .strip_suffix([']', '】'])
        .and_then(|h| h.rfind(['[', '【']))
    {
        head = head[..open].trim_end();
    }
    let buttons = &text[head.len()..];
    // A forum's tag before the headline (`[分享] 标题 [复制链接]`) is the
    // thread's, as a button is.
    let tag_end = match (head.starts_with(['[', '【']), head.find([']', '】'])) {
        (true, Some(end)) if end < 24 => end + head[end..].chars().next().map_or(0, char::len_utf8),
        _ => 0,
    };
    let (tag, head) = (&text[..tag_end], head[tag_end..].trim_start());
    let chars = head.chars().count();
    let han = head.chars().filter(|&c| is_han(c)).count();
    // The lexicon's phrases are Simplified: read the two parts from the
    // line's Simplified form where it aligns char for char.
    let simple: Vec<char> = l.simple.trim().chars().collect();
    let tag_chars = text.chars().count() - text[tag_end..].trim_start().chars().count();
    let head_at = tag_chars..tag_chars + chars;
    let (head_simple, buttons_simple): (String, String) = if simple.len() == text.chars().count() {
        (
            simple[head_at.clone()].iter().collect(),
            simple[..head_at.start]
                .iter()
                .chain(&simple[head_at.end..])
                .collect(),
        )
    } else {
        (
            head.to_lowercase(),
            format!("{tag} {buttons}").to_lowercase(),
        )
    };
    (head.len() < text.len()
        && (5..=80).contains(&chars)
        && han as f64 >= chars as f64 * HEADLINE_MIN_HAN_SHARE
        && !head.contains(['[', '【', ']', '】'])
        && !ends_clause(head)
        && l.f
            .hits
            .iter()
            .all(|(_, p)| buttons_simple.contains(p.as_str()) && !head_simple.contains(p.as_str())))
    .then_some(head)
}

/// The most words of a question's topic row, and chars of a topic.
const TOPIC_ROW_MAX_WORDS: usize = 5;
const TOPIC_MAX_CHARS: usize = 8;

/// Whether the body line at `i` is a headline read as a sentence: one
/// ending in a question or an exclamation mark with furniture (a byline, a
/// date line, a post header) right under it, or one with no end mark at
/// all, clauses and all (`【台北大安】巷弄裡的老派咖啡館，…適合一個人發呆的
/// 好地方`), with its byline or date line right under it; headline-sized,
/// and the body after.
fn asking_headline(lines: &[Line], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    let mark = lines::final_mark(&l.text);
    let asks = matches!(mark, Some('？' | '！' | '?' | '!'));
    let unmarked = mark.is_some_and(|c| is_han(c) || c.is_alphanumeric())
        && lines
            .get(i + 1)
            .is_some_and(|n| n.class == Some(LineClass::Boilerplate(Reason::Byline)));
    // A Q&A page sets the question's topics between it and its buttons
    // (`为什么…？` / `厨房 小家电 空气炸锅` / `关注问题 写回答`).
    let furniture = |k: usize| {
        lines
            .get(k)
            .is_some_and(|n| matches!(n.class, Some(LineClass::Boilerplate(_))))
    };
    let topics = || {
        lines.get(i + 1).is_some_and(|n| {
            let words: Vec<&str> = n.text.split_whitespace().collect();
            n.class.is_none()
                && (2..=TOPIC_ROW_MAX_WORDS).contains(&words.len())
                && words.iter().all(|w| {
                    let k = w.chars().count();
                    (2..=TOPIC_MAX_CHARS).contains(&k)
                        && w.chars().all(|c| is_han(c) || c.is_alphanumeric())
                })
        }) && furniture(i + 2)
    };
    (asks || unmarked)
        && l.f.chars <= ASKING_HEADLINE_MAX_CHARS
        && (furniture(i + 1) || (asks && topics()))
        && lines[i + 2..]
            .iter()
            .any(|n| n.class == Some(LineClass::Body))
}

/// Whether a line ends on a full stop, a comma or a colon, Chinese or
/// folded to ASCII after Han (`说起.`, `如何﹐`, `说道︰`): a sentence or a
/// clause of the body, never a headline.
fn ends_clause(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev();
    match (rev.next(), rev.next()) {
        (Some('。' | '，' | '﹐' | '；' | '：' | '︰'), _) => true,
        (Some('.' | ',' | ';' | ':'), Some(before)) => is_han(before),
        _ => false,
    }
}

/// The title is the first undecided headline-like line before the first
/// body paragraph; a following line that starts with a dash is its
/// subtitle; later lines repeating the title are removed as `title`.
fn decide_title(lines: &mut [Line]) -> Option<String> {
    // A title needs body after it: a document of short lines only (a post,
    // a list) keeps them all as text rather than losing its first one.
    let mut limit = first_anchor(lines)?;
    // A headline may ask or exclaim (`谁来管？`, `哥不要！`), and so read as
    // a sentence; on top of its byline or post header, with the body
    // after, it is the headline.
    if asking_headline(lines, limit) {
        lines[limit].class = None;
        limit = first_anchor(lines)?;
    }
    // A breadcrumb ends on the page's own headline (`首页 > 某书 > 第十章
    // 夜渡`): a line above the body repeating one of its later steps is the
    // headline, however short or name-like.
    let trail_steps: HashSet<&str> = lines[..limit]
        .iter()
        .filter(|l| l.class == Some(LineClass::Boilerplate(Reason::Navigation)))
        .filter(|l| l.text.contains(['>', '＞', '›', '»']))
        .flat_map(|l| {
            l.text
                .split(['>', '＞', '›', '»'])
                .map(str::trim)
                .skip(1)
                .filter(|s| s.chars().count() >= 2)
        })
        .collect();
    // The last step names the page itself, which the trail leads to: a
    // line above the trail repeating it names the section the trail is in
    // (`学院新闻` / `当前位置：首页 > 学院新闻` / headline / byline).
    let trail_ends: Vec<(usize, &str)> = lines[..limit]
        .iter()
        .enumerate()
        .filter(|(_, l)| l.class == Some(LineClass::Boilerplate(Reason::Navigation)))
        .filter(|(_, l)| l.text.contains(['>', '＞', '›', '»']))
        .filter_map(|(j, l)| {
            l.text
                .rsplit(['>', '＞', '›', '»'])
                .next()
                .map(|end| (j, end.trim()))
        })
        .filter(|(_, s)| s.chars().count() >= 2)
        .collect();
    let ends_trail_above =
        |i: usize, text: &str| trail_ends.iter().any(|&(j, end)| j < i && end == text);
    // A forum prints its thread's headline with the thread's buttons
    // after it (Discuz's `标题 [复制链接]`), which made the line furniture:
    // its headline stands as a candidate like an undecided line.
    let buttoned: Vec<Option<String>> = lines[..limit]
        .iter()
        .map(|l| headline_before_buttons(l).map(str::to_string))
        .collect();
    let trail_end_at: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            ends_trail_above(i, l.text.trim())
                || buttoned
                    .get(i)
                    .and_then(Option::as_deref)
                    .is_some_and(|h| ends_trail_above(i, h))
        })
        .collect();
    let in_trail_at: Vec<bool> = lines
        .iter()
        .map(|l| trail_steps.contains(l.text.trim()))
        .collect();
    let in_trail = |i: usize| in_trail_at.get(i).copied().unwrap_or(false);
    // Display names, handles and place or topic lines stand above a post;
    // they are no headline, and with no headline at all they still go. A
    // line with a subtitle under it is a headline, whatever its shape.
    let name_line = |i: usize| {
        let subtitled = lines.get(i + 1).is_some_and(|n| is_subtitle(&n.text));
        lines[i].class.is_none()
            && !subtitled
            && !in_trail(i)
            && lines::is_name_like(&lines[i].text)
    };
    let mut names: Vec<usize> = (0..limit).filter(|&i| name_line(i)).collect();
    // Names stack: an account's name sits on the user name, pin or badge
    // line of its post (`某某生活圈` / `📍成都`). A name-sized line with no
    // sentence mark right above a name line is one too; below one, it may
    // be the post's own short headline.
    let stacked: Vec<usize> = (0..limit)
        .filter(|&i| {
            let l = &lines[i];
            names.contains(&(i + 1))
                && l.class.is_none()
                && l.f.chars <= NAME_SIZED_CHARS
                && l.f.clause_marks == 0
                && !l.f.ends_sentence
                && !names.contains(&i)
                && !in_trail(i)
                && lines.get(i + 1).is_none_or(|n| !is_subtitle(&n.text))
        })
        .collect();
    names.extend(stacked);
    for &i in &names {
        lines[i].class = Some(LineClass::Boilerplate(Reason::SiteChrome));
        lines[i].rule = Some("name or tag line above the body".into());
    }
    // An account's name, alone or leading its tagline (`某某指南，一个有温度
    // 的号`), recurs in the post's byline or follow prompt (`原创 作者 某某指南
    // 2017-11-02`, `扫码关注某某指南`); a headline does not. Navigation is
    // not read: breadcrumbs end on the headline.
    let furniture: Vec<&str> = lines
        .iter()
        .filter(|l| {
            matches!(
                l.class,
                Some(LineClass::Boilerplate(Reason::Byline | Reason::SiteChrome))
            )
        })
        .map(|l| l.text.as_str())
        .collect();
    // The account also signs the headlines it lists after the post
    // (`某某预警 | 某某指南`; read before the footer is marked): there its
    // name is a whole field set off by a separator. A headline listed again
    // as itself fills its line, so it is no such field.
    let signatures: Vec<&str> = lines
        .iter()
        .skip(limit)
        .map(|l| {
            l.text
                .split(['|', '｜', '丨'])
                .map(str::trim)
                .collect::<Vec<&str>>()
        })
        .filter(|fields| fields.len() > 1)
        .flatten()
        .collect();
    let account: Vec<usize> = (0..limit)
        .filter(|&i| {
            let text = lines[i].text.trim();
            let head = text.split(['，', ',']).next().unwrap_or(text).trim();
            lines[i].class.is_none()
                && (4..=ACCOUNT_NAME_MAX_CHARS).contains(&head.chars().count())
                && (furniture.iter().any(|f| f.contains(head)) || signatures.contains(&head))
        })
        .collect();
    for &i in &account {
        lines[i].class = Some(LineClass::Boilerplate(Reason::SiteChrome));
        lines[i].rule = Some("account name repeated in the page's byline or prompts".into());
    }
    // A social post's meta line (its client tag `来自 iPhone客户端`, its
    // hashtags, its location pin) sits under the poster's name or tagline;
    // the post's own headline, when it has one, stands on its body.
    let post_meta = |l: &Line| {
        l.text.trim_start().starts_with('📍')
            || l.rule
                .as_deref()
                .is_some_and(|r| r.ends_with("client or device tag") || r.ends_with("hashtag row"))
    };
    // A group post's poster line (`来自： 某某（签名）` over the post's
    // date, as Douban prints it) is no headline.
    for i in 0..limit {
        let l = &lines[i];
        let simple = l.simple.trim_start();
        let labelled = ["来自：", "来自:"].iter().any(|p| simple.starts_with(p));
        if l.class.is_none()
            && labelled
            && l.f.chars <= NAME_LINE_MAX_CHARS * 2
            && lines.get(i + 1).is_some_and(|n| n.f.has_date)
        {
            lines[i].class = Some(LineClass::Boilerplate(Reason::Byline));
            lines[i].rule = Some("poster's name line over the post's date".into());
        }
    }
    let poster = name_lines_over(lines, limit, post_meta);
    for &i in &poster {
        lines[i].class = Some(LineClass::Boilerplate(Reason::SiteChrome));
        lines[i].rule = Some("poster's name or tagline above the post's meta line".into());
    }
    // A button to follow a person closes a profile block (`某某` / `独立开发
    // 者 · 做了个记账小工具` / `+ 关注TA`): the line right over it is the
    // name or the tagline it follows, never the post's headline. (A
    // question's follow button, `关注问题`, stands under its headline.)
    let follow_button = |l: &Line| {
        let lower = l.simple.to_lowercase();
        let rest = lower
            .trim_start_matches(['+', '＋', ' '])
            .trim_end()
            .strip_prefix("关注");
        l.rule.as_deref() == Some("shape:button words")
            && rest.is_some_and(|r| matches!(r, "" | "ta" | "他" | "她"))
    };
    let profiled = name_lines_over(lines, limit, follow_button);
    for &i in &profiled {
        lines[i].class = Some(LineClass::Boilerplate(Reason::SiteChrome));
        lines[i].rule = Some("name or tagline over a follow button".into());
        // The name stands over its tagline, which is longer (over a name
        // alone, a short line may be the headline).
        let Some(above) = i.checked_sub(1) else {
            continue;
        };
        let tagline_chars = lines[i].f.chars;
        let l = &mut lines[above];
        if l.class.is_none()
            && l.f.chars < tagline_chars
            && l.f.chars <= NAME_SIZED_CHARS
            && l.f.clause_marks == 0
            && !l.f.ends_sentence
        {
            l.class = Some(LineClass::Boilerplate(Reason::SiteChrome));
            l.rule = Some("poster's name over its tagline and follow button".into());
        }
    }
    let candidates: Vec<usize> = (0..limit)
        .filter(|&i| {
            let l = &lines[i];
            if buttoned[i].is_some() {
                return true;
            }
            // A comments section's header (`评论 共12836条评论`) heads no
            // article.
            (l.class.is_none() || menu_word_in_a_clause(l))
                && !l.f.bullet
                && !l.f.names_comments
                && ((5..=80).contains(&l.f.chars) || (in_trail(i) && l.f.chars >= 2))
                && headline_script(l)
                && !mostly_date(&l.text)
                && !ends_clause(&l.text)
                && !is_subtitle(&l.text)
        })
        .collect();
    // Site names and taglines come before the headline, and the headline
    // sits on top of its byline or date line: of several candidates, one
    // followed by furniture is the title. Without that shape (a
    // title, then a section heading leading into the body) the first is.
    // A forum thread's headline has its poster's name between it and the
    // post header (`headline` / `某某她妈` / `发表于 …`): an undecided
    // name-sized line with a post header under it counts as furniture
    // here. (Under other furniture such a line may be a button of a
    // profile block, `关注他`, under the author's tagline, or the account
    // a social post was reposted from, under the repost line.)
    let furniture_at = |j: usize| {
        let Some(n) = lines.get(j) else { return false };
        match n.class {
            Some(LineClass::Boilerplate(_)) => true,
            None => {
                n.f.chars <= NAME_SIZED_CHARS
                    && n.f.clause_marks == 0
                    && !n.f.ends_sentence
                    && lines.get(j + 1).is_some_and(|m| {
                        m.class == Some(LineClass::Boilerplate(Reason::ForumChrome))
                    })
            }
            _ => false,
        }
    };
    let followed_by_furniture = |i: usize| {
        (i + 1..lines.len())
            .find(|&j| !is_subtitle(&lines[j].text))
            .is_some_and(furniture_at)
    };
    // Among those, user names and taglines are shorter than headlines.
    let on_furniture = candidates
        .iter()
        .filter(|&&i| followed_by_furniture(i))
        .max_by_key(|&&i| (lines[i].f.chars, i));
    // A post's headline may also stand right on its body, with the
    // account's name and byline above it (`某某生活圈` / `作者丨某某` /
    // headline / body): a name-sized line on furniture, or a tagline with a
    // comma, gives way to a longer line touching the body. A headline-sized line on its byline
    // keeps the title, whatever short heading leads into the body.
    let touches_body = |i: usize| lines[i + 1..limit].iter().all(|n| is_subtitle(&n.text));
    let on_body = candidates.iter().copied().find(|&i| touches_body(i));
    let gives_way = |f: usize, b: usize, name_max: usize| {
        (lines[f].f.chars <= name_max || lines[f].f.clause_marks > 0)
            && lines[b].f.chars > lines[f].f.chars
    };
    // A self-media page prints its account's name between the headline and
    // the date line (`headline` / `某某说` / `{date} 发布于：北京市`): a
    // name-sized line on the furniture gives way to a headline right above.
    let account_under = |f: usize| {
        let name = &lines[f].f;
        f > 0
            && candidates.contains(&(f - 1))
            && name.chars <= NAME_SIZED_CHARS
            && name.clause_marks == 0
            && !name.ends_sentence
            && lines[f - 1].f.chars >= HEADLINE_OVER_ACCOUNT_MIN_CHARS
    };
    let idx = match (on_furniture, on_body) {
        (Some(&f), Some(b)) if gives_way(f, b, NAME_SIZED_CHARS) => Some(b),
        (Some(&f), _) if account_under(f) => Some(f - 1),
        (None, Some(b))
            if candidates.first().is_some_and(|&f| {
                f != b
                    && gives_way(f, b, ACCOUNT_NAME_MAX_CHARS)
                    && !lines::starts_enumerated(&lines[b].text)
            }) =>
        {
            Some(b)
        }
        (f, _) => f.copied(),
    }
    .or(candidates.first().copied())?;
    let idx = echoed_headline(lines, &candidates, idx).unwrap_or(idx);
    // A line repeating the breadcrumb's last step is the page's headline,
    // whatever else stands on the furniture (`美食 > 朝阳区 > 某某面馆` /
    // `某某面馆` / `营业时间：…`).
    let idx = candidates
        .iter()
        .copied()
        .find(|&i| trail_end_at[i])
        .unwrap_or(idx);
    for &i in candidates.iter().filter(|&&i| i < idx) {
        lines[i].class = Some(LineClass::Boilerplate(Reason::SiteChrome));
        lines[i].rule = Some("site name or tagline above the title".into());
    }
    // The article starts at its headline: other short lines above it
    // (account names, mottos, handles) belong to the site. Sentences and
    // long lines there are left to the other rules: a story of short lines
    // can have a line without a full stop misread as its headline.
    for line in lines.iter_mut().take(idx) {
        let sentence = lines::text_is_sentence(&line.text) || line.text.contains(['，', ',']);
        // Bulleted lines are left to the headline-list rule, which names
        // them better.
        let short = line.f.chars < ABOVE_TITLE_MAX_CHARS;
        if line.class.is_none() && !line.f.bullet && !sentence && short {
            line.class = Some(LineClass::Boilerplate(Reason::SiteChrome));
            line.rule = Some("short line above the title".into());
        }
    }
    let head = buttoned[idx]
        .clone()
        .unwrap_or_else(|| lines[idx].text.trim().to_string());
    let mut title = tidy_title(&head);
    lines[idx].rule = Some(if buttoned[idx].is_some() {
        "headline before the thread's buttons".into()
    } else {
        "first headline before the body".into()
    });
    lines[idx].class = Some(LineClass::Title);
    if let Some(next) = lines.get_mut(idx + 1) {
        if next.class.is_none() && is_subtitle(&next.text) && next.f.chars <= 80 {
            title.push_str(next.text.trim());
            next.class = Some(LineClass::Title);
            next.rule = Some("subtitle".into());
        }
    }
    let base = tidy_title(&head);
    for i in idx + 1..lines.len() {
        if lines[i].class.is_none() || lines[i].class == Some(LineClass::Body) {
            let t = tidy_title(&lines[i].text);
            if t == base || t == title {
                lines[i].class = Some(LineClass::Title);
                lines[i].rule = Some("repeats the title".into());
                // A subtitle repeated after the repeated title goes too.
                if let Some(next) = lines.get_mut(i + 1) {
                    if next.text.starts_with('—')
                        && title.contains(next.text.trim_start_matches('—'))
                    {
                        next.class = Some(LineClass::Title);
                        next.rule = Some("repeats the subtitle".into());
                    }
                }
            }
        }
    }
    Some(title)
}

/// The undecided lines before `limit` short enough for a name or a
/// tagline (see [`NAME_LINE_MAX_CHARS`]) with a line under them that
/// `under` accepts.
fn name_lines_over(lines: &[Line], limit: usize, under: impl Fn(&Line) -> bool) -> Vec<usize> {
    (0..limit)
        .filter(|&i| {
            lines[i].class.is_none()
                && lines[i].f.chars <= NAME_LINE_MAX_CHARS
                && lines.get(i + 1).is_some_and(&under)
        })
        .collect()
}

/// The distinct pairs of adjacent Han chars of a line.
fn han_pairs(simple: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = simple.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_han(w[0]) && is_han(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// The pairs of adjacent Han chars of the body's lines (their Simplified
/// text with its pairs), leaving out the lines that hold `own` whole: what
/// the body says, beside repeating a line (a name signed under the text
/// again is no echo of a headline; nor is a headline repeated in the text).
fn body_pairs(body: &[(&str, HashSet<(char, char)>)], own: &str) -> HashSet<(char, char)> {
    let own = own.trim();
    body.iter()
        .filter(|(text, _)| own.is_empty() || !text.contains(own))
        .flat_map(|(_, pairs)| pairs.iter().copied())
        .collect()
}

/// Share of a line's pairs of adjacent Han chars that the body says too.
fn title_echo(simple: &str, body: &HashSet<(char, char)>) -> f64 {
    let own = han_pairs(simple);
    if own.is_empty() {
        return 0.0;
    }
    own.iter().filter(|p| body.contains(p)).count() as f64 / own.len() as f64
}

/// A subtitle line under a headline (`——记某某`).
fn is_subtitle(text: &str) -> bool {
    text.starts_with('—') || text.starts_with("--")
}

/// Forum chrome lines a page needs before [`mark_poster_names`] reads it
/// as a thread: the post header and buttons of a few posts.
const THREAD_CHROME_LINES: usize = 3;

/// In a forum thread (a page with [`THREAD_CHROME_LINES`] forum chrome
/// lines or more), the poster's name stands alone between a post's header
/// (its floor and date, or its buttons, naming no one) and the reply
/// (`#5 2024-04-11 22:16` / `夜航船` / `每天活跃度满了送两张，够用。`): an
/// undecided line of at most [`NAME_SIZED_CHARS`] letters and digits, right
/// under such a header and right over text. A short reply of the thread's
/// own (`顶`, `谢谢楼主`) has the next post's header under it, not text.
fn mark_poster_names(lines: &mut [Line]) {
    let forum = lines
        .iter()
        .filter(|l| l.class == Some(LineClass::Boilerplate(Reason::ForumChrome)))
        .count();
    if forum < THREAD_CHROME_LINES {
        return;
    }
    // A header that names its poster already (`路过的书生 发表于 …`, or a
    // handle or name line in the block, `tiger257`) has the reply right
    // under it, whatever its first line. So the header line over the
    // candidate, less its furniture words and floor marks, holds no Han
    // char, and no line of the furniture block over it holds a run of four
    // Latin letters, a date beside Han words of its own, or was taken as a
    // name.
    let leftover = |l: &Line| {
        let mut rest = l.simple.clone();
        for (_, phrase) in &l.f.hits {
            rest = rest.replace(phrase.as_str(), "");
        }
        rest
    };
    // An undecided name-sized line in the block over a candidate is a name
    // (`16# xiaoyu522 …` / `小小老李` / `注册时间 …`): the post has its
    // poster already.
    let short_name =
        |l: &Line| l.f.chars <= NAME_SIZED_CHARS && l.f.clause_marks == 0 && !l.f.ends_sentence;
    let han_left = |l: &Line| {
        leftover(l)
            .chars()
            .any(|c| is_han(c) && !"楼层".contains(c))
    };
    let names_someone = |l: &Line| {
        let rest = leftover(l);
        let mut letters = 0;
        let handle = rest.chars().any(|c| {
            letters = if c.is_ascii_alphabetic() {
                letters + 1
            } else {
                0
            };
            letters >= 4
        });
        // A dated header line with words of its own beside the furniture
        // words is the poster's (`楼主 北漂石头 发表于 2021/9/13`).
        let dated_name = l.f.has_date && rest.chars().any(|c| is_han(c) && !"楼层".contains(c));
        handle || dated_name || l.rule.as_deref().is_some_and(|r| r.contains("name"))
    };
    let header_over = |i: usize| {
        let over = &lines[i - 1];
        let post_header = matches!(
            over.class,
            Some(LineClass::Boilerplate(Reason::ForumChrome | Reason::Byline))
        );
        post_header
            && !han_left(over)
            && !lines[..i]
                .iter()
                .rev()
                .take_while(|l| match l.class {
                    Some(LineClass::Boilerplate(_)) => true,
                    None => short_name(l),
                    _ => false,
                })
                .any(|l| l.class.is_none() || names_someone(l))
    };
    let text = |l: &Line| match l.class {
        Some(LineClass::Body) => true,
        None => l.f.ends_sentence || l.f.clause_marks > 0,
        _ => false,
    };
    let names: Vec<usize> = (1..lines.len().saturating_sub(1))
        .filter(|&i| {
            let l = &lines[i];
            let name_like = l.class.is_none()
                && l.f.chars <= NAME_SIZED_CHARS
                && l.f.han > 0
                && !l.f.bullet
                && l.text
                    .trim()
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-·・".contains(c));
            name_like && text(&lines[i + 1]) && header_over(i)
        })
        .collect();
    for i in names {
        lines[i].class = Some(LineClass::Boilerplate(Reason::ForumChrome));
        lines[i].rule = Some("poster's name between a post header and its text".into());
    }
}

/// The fewest numbered steps read as a how-to's.
const NUMBERED_STEPS_MIN: usize = 3;
/// The most lines from one numbered step to the next.
const NUMBERED_STEP_LINES_MAX: usize = 6;

/// A how-to numbers its steps on lines of their own (`1` / `先清理门封圈…`
/// / `2` / `拆下洗涤剂盒…`); a bare number reads as furniture (a date's
/// digits, a forum member's level). Bare numbers counting up from 1, each
/// right over a kept line, at least [`NUMBERED_STEPS_MIN`] of them, are the
/// text's own. A member's levels do not count up, and a pager's numbers
/// stand together.
fn keep_numbered_steps(lines: &mut [Line]) {
    let number = |l: &Line| -> Option<usize> {
        let t = l.text.trim();
        (!t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let mut steps: Vec<usize> = Vec::new();
    for i in 0..lines.len() {
        let Some(n) = number(&lines[i]) else { continue };
        let over_kept = lines.get(i + 1).is_some_and(|next| {
            next.class.is_some_and(LineClass::is_kept) && number(next).is_none()
        });
        // A step's text runs a few paragraphs at most.
        if steps
            .last()
            .is_some_and(|&last| i - last > NUMBERED_STEP_LINES_MAX)
        {
            steps.clear();
        }
        if over_kept && n == steps.len() + 1 {
            steps.push(i);
        } else if over_kept && n == 1 {
            steps = vec![i];
        } else {
            continue;
        }
        if steps.len() >= NUMBERED_STEPS_MIN {
            for &k in &steps {
                if lines[k].class != Some(LineClass::Body) {
                    lines[k].class = Some(LineClass::Body);
                    lines[k].rule = Some("a how-to's numbered step".into());
                }
            }
        }
    }
}

/// Two or more consecutive bullet lines shaped like headlines are a list of
/// links to other articles.
/// A list led by emoji (`1️⃣ 看房一定要白天去一次` / `2️⃣ 打开所有水龙头`,
/// `🧥 洋葱式穿法` / `💧 水带一千毫升`), three items or more in a row, is a
/// social post's text: that is how such posts write their points, and no
/// related list or menu leads its headlines with a different picture each.
/// Marked before the title is chosen, so the line above the list, not its
/// last item, is taken for the headline.
fn mark_emoji_lists(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..]
            .iter()
            .take_while(|l| l.f.emoji_item && l.is_open())
            .count();
        if run >= EMOJI_LIST_MIN {
            for l in &mut lines[i..i + run] {
                l.class = Some(LineClass::Body);
            }
        }
        i += run.max(1);
    }
}

/// The fewest items taken for a list led by emoji.
const EMOJI_LIST_MIN: usize = 3;

/// A video's chapter list (`00:00 开场` / `01:12 第一次看房` / ...): three
/// lines or more, each a timestamp and a short label, the first at zero
/// and each later than the one before. It is the player's navigation,
/// not the description's text. A schedule in a story (`08:30 集合`) does
/// not start at midnight. A short heading right above it (`章节`) goes with
/// it.
fn mark_chapter_lists(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let stamps: Vec<u32> = lines[i..]
            .iter()
            .map_while(|l| {
                if l.class.is_some() {
                    return None;
                }
                chapter_stamp(&l.text)
            })
            .collect();
        let rising = stamps.windows(2).all(|w| w[0] < w[1]);
        if stamps.len() >= CHAPTER_LIST_MIN && stamps.first() == Some(&0) && rising {
            let run = stamps.len();
            let heading = i.checked_sub(1).filter(|&h| {
                let l = &lines[h];
                l.class.is_none() && l.f.chars <= 4 && l.f.clause_marks == 0
            });
            for l in &mut lines[heading.unwrap_or(i)..i + run] {
                l.class = Some(LineClass::Boilerplate(Reason::Navigation));
                l.rule = Some("video chapter list".into());
            }
            i += run;
        } else {
            i += 1;
        }
    }
}

/// The fewest lines taken for a chapter list.
const CHAPTER_LIST_MIN: usize = 3;

/// The seconds of a chapter line's timestamp (`01:12 第一次看房`,
/// `1:02:03 尾声`): `m:ss` or `h:mm:ss`, a space, then a label of at most
/// [`CHAPTER_LABEL_MAX`] chars with no sentence mark.
fn chapter_stamp(text: &str) -> Option<u32> {
    let (stamp, label) = text.trim().split_once(char::is_whitespace)?;
    let label = label.trim();
    if label.is_empty()
        || label.chars().count() > CHAPTER_LABEL_MAX
        || label.contains(['。', '，', '；', '！', '？'])
    {
        return None;
    }
    let parts: Vec<&str> = stamp.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[1..].iter().any(|p| p.len() != 2)
    {
        return None;
    }
    let mut seconds = 0u32;
    for p in &parts {
        seconds = seconds * 60 + p.parse::<u32>().ok()?;
    }
    // Minutes and seconds after the first field stay under 60.
    if parts[1..]
        .iter()
        .any(|p| p.parse::<u32>().map_or(true, |v| v >= 60))
    {
        return None;
    }
    Some(seconds)
}

/// The longest label of a chapter line.
const CHAPTER_LABEL_MAX: usize = 20;

fn mark_bullet_runs(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        // Lines already classed (forum stats, chrome) keep their class.
        let open_bullet = |l: &Line| l.f.bullet && l.is_open();
        let is_item = |l: &Line| open_bullet(l) && l.f.is_headline_like();
        // A list whose items end on a clause mark or a full stop
        // (`- 早上七点到十一点，专业课；` / `- 晚上只复习错题。`) is the text's
        // own: headlines end on no such mark (a question mark they may).
        let bullets = lines[i..].iter().take_while(|l| open_bullet(l)).count();
        if bullets >= 2 && lines[i..i + bullets].iter().any(|l| ends_clause(&l.text)) {
            i += bullets;
            continue;
        }
        if is_item(&lines[i]) {
            let run = lines[i..].iter().take_while(|l| is_item(l)).count();
            if run >= 2 {
                for l in &mut lines[i..i + run] {
                    l.class = Some(LineClass::Boilerplate(Reason::RelatedList));
                    l.rule = Some(format!("run of {run} bulleted headlines"));
                }
            }
            i += run;
        } else {
            i += 1;
        }
    }
}

/// A line's text without a list number before it (`1 `, `2.3 `, `第2页：`,
/// `（三）`, `四、`), trimmed: what a table of contents and the heading it
/// points at share.
fn without_list_number(text: &str) -> &str {
    let t = text.trim();
    const HAN_DIGITS: &str = "一二三四五六七八九十";
    let digits = |s: &str| {
        s.char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(s.len(), |(k, _)| k)
    };
    let rest = if let Some(r) = t.strip_prefix('第') {
        // `第2页：`, `第三章 `
        let n = r
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || HAN_DIGITS.contains(c)))
            .map_or(r.len(), |(k, _)| k);
        let r2 = &r[n..];
        match r2.chars().next() {
            Some(c) if n > 0 && "页章节部分篇".contains(c) => &r2[c.len_utf8()..],
            _ => t,
        }
    } else if let Some(r) = t.strip_prefix(['（', '(']) {
        let n = r
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || HAN_DIGITS.contains(c)))
            .map_or(r.len(), |(k, _)| k);
        match r[n..].strip_prefix(['）', ')']) {
            Some(r2) if n > 0 => r2,
            _ => t,
        }
    } else if t.starts_with(|c: char| HAN_DIGITS.contains(c)) {
        let n = t
            .char_indices()
            .find(|&(_, c)| !HAN_DIGITS.contains(c))
            .map_or(t.len(), |(k, _)| k);
        t[n..].strip_prefix(['、', '.', '．']).unwrap_or(t)
    } else {
        // A number is a list number only with a mark or a space after it
        // (`1 铺设工艺`, `2.`, `3、`), not before a unit (`2024年`).
        let n = digits(t);
        let marked = t[n..].starts_with(['、', '.', '．', '：', ':', ' ', '\u{3000}']);
        if n > 0 && n <= 5 && (marked || t[..n].ends_with('.')) {
            &t[n..]
        } else {
            t
        }
    };
    rest.trim_start_matches(['、', '.', '．', '：', ':', ' ', '\u{3000}'])
        .trim()
}

/// A table of contents: a run of two short lines or more, each naming (after
/// its list number) a heading that stands elsewhere on the page on a line
/// of its own (`1 铺设工艺` … then `铺设工艺` over its section; or a review's
/// `第2页：屏幕表现` after the page). The headings themselves are spread
/// through the text, one over each section, while the table lists them
/// together; a run whose other copies stand together too (a menu printed
/// at the top and the bottom) is left to the other rules. A label right
/// before the run (`目录`, `toc_label` in `data/worded_furniture.txt`) goes
/// with it.
fn mark_table_of_contents(lines: &mut [Line], labels: &[String]) {
    let entry = |l: &Line| -> Option<String> {
        let e = without_list_number(&l.text);
        let n = e.chars().count();
        let usable = (2..=30).contains(&n)
            && e.chars().any(is_han)
            && !l.f.ends_sentence
            && matches!(
                l.class,
                None | Some(LineClass::Body) | Some(LineClass::Title)
            );
        usable.then(|| e.to_string())
    };
    let entries: Vec<Option<String>> = lines.iter().map(entry).collect();

    let mut by_entry: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(e) = e {
            by_entry.entry(e.as_str()).or_default().push(i);
        }
    }
    let listed = |i: usize| {
        entries[i]
            .as_deref()
            .and_then(|e| by_entry.get(e))
            .is_some_and(|at| at.len() >= 2)
    };
    let mut i = 0;
    while i < lines.len() {
        if !listed(i) {
            i += 1;
            continue;
        }
        // A table names each heading once: the run stops where an entry
        // comes again (the first heading right after the table).
        let mut named: HashSet<&str> = HashSet::new();
        let run = (i..lines.len())
            .take_while(|&k| listed(k) && entries[k].as_deref().is_some_and(|e| named.insert(e)))
            .count();
        let range = i..i + run;
        // Each entry's other copies: outside the run, none beside another.
        let mut others: Vec<usize> = Vec::new();
        for k in range.clone() {
            if let Some(at) = entries[k].as_deref().and_then(|e| by_entry.get(e)) {
                others.extend(at.iter().copied().filter(|j| !range.contains(j)));
            }
        }
        others.sort_unstable();
        others.dedup();
        let spread = others.windows(2).all(|w| w[1] > w[0] + 1);
        let every_entry_elsewhere = range.clone().all(|k| {
            entries[k]
                .as_deref()
                .and_then(|e| by_entry.get(e))
                .is_some_and(|at| at.iter().any(|j| !range.contains(j)))
        });
        if run >= 2 && spread && every_entry_elsewhere && !others.is_empty() {
            for l in &mut lines[range.clone()] {
                l.class = Some(LineClass::Boilerplate(Reason::Navigation));
                l.rule = Some("table of contents: names headings of the page".into());
            }
            if let Some(label) = i.checked_sub(1).and_then(|k| lines.get_mut(k)) {
                let text = label.simple.trim().replace([' ', '\u{3000}'], "");
                if labels.contains(&text) {
                    label.class = Some(LineClass::Boilerplate(Reason::Navigation));
                    label.rule = Some("label of a table of contents".into());
                }
            }
        }
        i += run;
    }
}

/// Where an official document's signature (落款) starting at `from` ends:
/// one to three lines each naming a body (`临川市人民政府办公室`, ending in
/// an [`lexicon::org_suffixes`] word, Han only), then a line holding only
/// the date (`2023年6月12日`, `二〇二三年八月二十八日`), then maybe a
/// bracketed note (`（此件公开发布）`). Or a court's: lines each holding a
/// signer's title and name (`审判员　张某`, see [`is_signer_line`]) and one
/// date line among them (the clerk signs under the date). Only lines not
/// yet decided or kept as body count.
fn signature_end(lines: &[Line], from: usize) -> Option<usize> {
    let open = Line::is_open;
    let (mut end, mut signers, mut dated) = (from, 0, false);
    while let Some(l) = lines.get(end).filter(|l| open(l)) {
        let t = l.simple.trim();
        if is_signer_line(t) {
            signers += 1;
        } else if !dated && is_date_only(t) {
            dated = true;
        } else {
            break;
        }
        end += 1;
    }
    if signers > 0 && dated {
        return Some(end);
    }
    // A writer signs a letter or an essay with their name, then the day
    // written out (`张明远` / `2023年5月1日`, or `…于杭州`). A blog's post
    // line under its text gives a numeric date with a time instead
    // (`林小舟` / `2023-12-02 10:11`), which is furniture.
    let person = lines.get(from).filter(|l| open(l)).is_some_and(|l| {
        let t: Vec<char> = l.simple.trim().chars().collect();
        (2..=SIGNER_NAME_MAX_CHARS).contains(&t.len())
            && t.iter().all(|&c| is_han(c))
            && spam::name_initials().contains(&t[0])
    });
    if person
        && lines
            .get(from + 1)
            .filter(|l| open(l))
            .is_some_and(|l| is_written_day(l.simple.trim()))
    {
        return Some(from + 2);
    }
    let org = |l: &Line| {
        let t = l.simple.trim();
        let n = t.chars().count();
        open(l)
            && (SIGNATURE_ORG_MIN_CHARS..=SIGNATURE_ORG_MAX_CHARS).contains(&n)
            && t.chars().all(is_han)
            && lexicon::org_suffixes()
                .iter()
                .any(|s| t.ends_with(s.as_str()))
    };
    let orgs = lines[from.min(lines.len())..]
        .iter()
        .take(3)
        .take_while(|l| org(l))
        .count();
    if orgs == 0 {
        return None;
    }
    let date_at = from + orgs;
    let date = lines.get(date_at).filter(|l| open(l))?;
    if !is_date_only(date.simple.trim()) {
        return None;
    }
    let note = lines.get(date_at + 1).is_some_and(|l| {
        let t = l.text.trim();
        open(l) && t.starts_with(['（', '(']) && t.ends_with(['）', ')']) && t.chars().count() <= 12
    });
    Some(date_at + 1 + usize::from(note))
}

/// The longest closing formula read between a notice's last paragraph and
/// its signature (`特此通知。`, `特此公告。`, `此复。`).
const CLOSING_FORMULA_MAX_CHARS: usize = 8;

/// The longest heading read over a fact box's contact lines (`店家资讯`).
const FACT_HEADING_MAX_CHARS: usize = 8;

/// The longest line read as a notice's contact line.
const CONTACT_LINE_MAX_CHARS: usize = 40;

/// Whether a line (Simplified) gives a notice's contact: a contact label
/// (`联系人`, `联系电话`, `邮箱`: worded_furniture.txt, kind
/// `contact_label`) at its start, a colon, and a value, no sentence.
fn is_contact_line(simple: &str) -> bool {
    let t = simple.trim();
    t.chars().count() <= CONTACT_LINE_MAX_CHARS
        && !t.ends_with(['。', '！', '？'])
        && lexicon::contact_labels().iter().any(|label| {
            t.strip_prefix(label.as_str())
                .and_then(|rest| rest.trim_start().strip_prefix(['：', ':']))
                .is_some_and(|value| !value.trim().is_empty())
        })
}

/// The most chars of a signer's name on a court's signature line (`张某`,
/// `欧阳某某`).
const SIGNER_NAME_MAX_CHARS: usize = 4;

/// Whether a line signs a court's document: a signer's title
/// ([`lexicon::signer_titles`]) and a name of one to
/// [`SIGNER_NAME_MAX_CHARS`] Han chars (or the masks of a published
/// judgment, `×`), spaces allowed between (`审 判 员　张某`).
fn is_signer_line(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    lexicon::signer_titles().iter().any(|title| {
        t.strip_prefix(title.as_str()).is_some_and(|name| {
            (1..=SIGNER_NAME_MAX_CHARS).contains(&name.chars().count())
                && name.chars().all(|c| is_han(c) || "×＊*Xｘ".contains(c))
        })
    })
}

/// The least share of Han chars of a sentence that opens the body right
/// on it (see [`smooth`]): a sentence, not a code or a counter.
const OPENING_SENTENCE_MIN_HAN_SHARE: f64 = 0.6;

/// The longest sentence read as a site's notice between furniture lines
/// (see [`mark_footer`]): an article's paragraphs run longer.
const NOTICE_MAX_CHARS: usize = 80;

/// The longest line read as a body's name in a signature.
const SIGNATURE_ORG_MAX_CHARS: usize = 30;

/// The shortest: an office of three chars (`教务处`, `财政局`), the date
/// under it making the pair a signature.
const SIGNATURE_ORG_MIN_CHARS: usize = 3;

/// Whether a line is a date and nothing else, in Arabic or Chinese
/// numerals (`2023年6月12日`, `2023-06-12`, `二〇二三年八月二十八日`). Unlike
/// [`LineFeatures::is_date_or_time_only`], which leaves such lines to the
/// body (three Han chars), and knows no Chinese numerals.
/// The most Han chars of the place a signature's day is written in
/// (`2023年5月1日于杭州`).
const SIGNED_PLACE_MAX_CHARS: usize = 6;

/// Whether a line is a day written out with 年, 月 and 日 and nothing else
/// but the place it was written in (`2023年5月1日`, `二〇二三年五月一日于杭州`).
fn is_written_day(t: &str) -> bool {
    let day = match t.split_once('于') {
        Some((day, place)) => {
            let n = place.chars().count();
            if n == 0 || n > SIGNED_PLACE_MAX_CHARS || !place.chars().all(is_han) {
                return false;
            }
            day
        }
        None => t,
    };
    ["年", "月", "日"].iter().all(|w| day.contains(w)) && is_date_only(day)
}

fn is_date_only(t: &str) -> bool {
    let n = t.chars().count();
    let arabic = t.starts_with(|c: char| c.is_ascii_digit())
        && n <= 12
        && lines::find_date(t).is_some()
        && t.chars()
            .all(|c| c.is_ascii_digit() || "年月日-/.".contains(c));
    let chinese = t
        .chars()
        .all(|c| "〇零一二三四五六七八九十年月日".contains(c))
        && ["年", "月", "日"].iter().all(|w| t.contains(w))
        && n <= 12;
    arabic || chinese
}

/// The footer starts after the last real paragraph (60+ chars with clause
/// structure, or a full sentence), at the first boilerplate line or at a
/// block of three lines or more of which none is a sentence. What is left
/// from there and not already boilerplate is short, headline-like material:
/// lists of related articles, channel links, sidebars.
fn mark_footer(lines: &mut [Line]) {
    let Some(first_body) = first_anchor(lines) else {
        return;
    };
    // A sentence closed by a full stop is prose too, however short: a
    // caption or an ad inside the article must not cut off the sentences
    // after it. Headline lists rarely end with `。`.
    let is_paragraph = |l: &Line| {
        l.class == Some(LineClass::Body)
            && !l.f.signoff
            && ((l.f.chars >= 60 && l.f.clause_marks >= 2)
                || (l.f.chars >= 12 && l.f.ends_full_stop && l.f.han_share() >= 0.5))
    };
    // Readers' comments are written in sentences as the article is, so the
    // last paragraph is sought before the comments section: a furniture
    // line naming the comments (`留言 58`, `全部评论`) after a paragraph
    // opens it. Before the first paragraph such a line is a post's counter
    // row (`评论 12 | 阅读 300`).
    let comments = (first_body..lines.len()).find(|&i| {
        lines[i].f.names_comments
            && matches!(lines[i].class, Some(LineClass::Boilerplate(_)))
            && lines[first_body..i].iter().any(is_paragraph)
    });
    // Sentences holding furniture phrases, set between furniture lines, are
    // the site's notices (`本站提示：各位书友…！` between the chapter's
    // buttons and the copyright line), not the article's last paragraph.
    let furniture =
        |l: &Line| matches!(l.class, Some(LineClass::Boilerplate(r)) if r != Reason::Caption);
    let phrased = |l: &Line| {
        l.f.chars <= NOTICE_MAX_CHARS
            && l.f.hits.iter().any(|(c, _)| {
                matches!(
                    c,
                    lexicon::PhraseClass::SiteChrome | lexicon::PhraseClass::Legal
                )
            })
            && l.is_open()
    };
    let mut after = vec![false; lines.len()];
    for i in 1..lines.len() {
        after[i] = phrased(&lines[i]) && (after[i - 1] || furniture(&lines[i - 1]));
    }
    let mut notice = vec![false; lines.len()];
    for i in (0..lines.len().saturating_sub(1)).rev() {
        notice[i] = after[i] && (notice[i + 1] || furniture(&lines[i + 1]));
    }
    let paragraph = (0..comments.unwrap_or(lines.len()))
        .rev()
        .find(|&i| is_paragraph(&lines[i]) && !notice[i]);
    let last_paragraph = paragraph.unwrap_or(first_body);
    // A notice gives whom to ask right after its last paragraph
    // (`联系人：王老师` / `联系电话：…`), then signs (the issuing body, then
    // the date): both are the document's own.
    // A closing formula may stand between (`特此通告。`, `此复。`): a
    // sentence too short to be a paragraph; a letter's takes two lines
    // (`此致` / `敬礼！`). It moves the last paragraph only with the
    // contacts or signature found after it.
    // (`此致` may have been read as a heading.)
    let short = |l: &Line| {
        (l.is_open() || l.class == Some(LineClass::Heading))
            && l.f.chars <= CLOSING_FORMULA_MAX_CHARS
            && l.f.clause_marks == 0
    };
    let closes = |l: &Line| {
        l.is_open()
            && l.f.chars <= CLOSING_FORMULA_MAX_CHARS
            && (l.f.ends_full_stop || l.text.trim_end().ends_with('！'))
    };
    let closing = match (lines.get(last_paragraph + 1), lines.get(last_paragraph + 2)) {
        (Some(a), _)
            if a.is_open() && a.f.ends_full_stop && a.f.chars <= CLOSING_FORMULA_MAX_CHARS =>
        {
            1
        }
        (Some(a), Some(b)) if short(a) && !a.f.ends_sentence && closes(b) => 2,
        _ => 0,
    };
    let from = last_paragraph + 1 + closing;
    let contacts_from = |from: usize| {
        lines[from.min(lines.len())..]
            .iter()
            .take_while(|l| l.is_open() && is_contact_line(&l.simple))
            .count()
    };
    let mut contacts = contacts_from(from);
    // A review or a travel post gives its shop's or venue's facts under a
    // short heading (`店家资讯` / `地址：…` / `营业时间：…`): two such lines
    // at least make the heading the text's too.
    let headed = contacts == 0
        && lines.get(from).is_some_and(|l| {
            l.f.chars <= FACT_HEADING_MAX_CHARS && l.f.clause_marks == 0 && !l.f.ends_sentence
        })
        && contacts_from(from + 1) >= 2;
    if headed {
        contacts = 1 + contacts_from(from + 1);
    }
    let own_end =
        signature_end(lines, from + contacts).or((contacts > 0).then_some(from + contacts));
    let last_paragraph = match own_end {
        Some(end) => {
            for l in &mut lines[last_paragraph + 1..end] {
                l.class = Some(LineClass::Body);
            }
            end - 1
        }
        None => last_paragraph,
    };
    // Page furniture no lexicon knows starts the footer too: after the last
    // paragraph, a block of three lines or more in which no line is a
    // sentence (blogroll names, headlines of other articles, archive links)
    // is not the article's. A sentence after it (dialogue, a short closing
    // line) keeps the block in the article.
    // An item of a list led by emoji is the post's own (see
    // `mark_emoji_lists`), as a sentence is.
    let no_sentence = |l: &Line| match l.class {
        Some(LineClass::Body) if l.f.emoji_item => false,
        None | Some(LineClass::Body) | Some(LineClass::Heading) => !l.f.ends_sentence,
        _ => true,
    };
    // Only lines before the first furniture line that starts a footer can
    // keep the block: a sentence in the footer (a related headline ending
    // in `？`) goes with it, and a second clean would no longer see it.
    let known_footer = (last_paragraph + 1..lines.len())
        .find(
            |&i| matches!(lines[i].class, Some(LineClass::Boilerplate(r)) if r != Reason::Caption),
        )
        .unwrap_or(lines.len());
    let tail_start = lines[..known_footer]
        .iter()
        .rposition(|l| !no_sentence(l))
        .map_or(0, |k| k + 1)
        .max(last_paragraph + 1);
    // Unless the block talks: a post written in short unpunctuated lines
    // (`全车都笑了`) ends the same way, and headlines rarely say `我` or end
    // on `了` (see `lines::is_spoken`); two in three of its lines must.
    let open_lines: Vec<&Line> = lines[tail_start.min(known_footer)..known_footer]
        .iter()
        .filter(|l| l.is_open())
        .collect();
    let spoken = open_lines.iter().filter(|l| l.f.spoken).count();
    // A numbered line (`24、某地…`) makes the block a list of headlines,
    // whatever its heading says (`看过本文的人还看了`).
    let numbered = open_lines.iter().any(|l| lines::starts_enumerated(&l.text));
    // Only on a page with no paragraph: after an article's paragraphs, a
    // talking block is more often its readers' comments.
    let talks =
        paragraph.is_none() && spoken >= 2 && spoken * 3 >= open_lines.len() * 2 && !numbered;
    let unknown_tail = lines.len().saturating_sub(tail_start) >= 3 && !talks;
    // A caption or photo credit sits inside the article as often as at its
    // end: the short lines after one are the article's own.
    let footer = (last_paragraph + 1..lines.len()).find(|&i| match lines[i].class {
        Some(LineClass::Boilerplate(r)) => r != Reason::Caption,
        // A post's sign-off (`今天的分享就到这里`) closes it: what follows is
        // the account's, however it is worded.
        // So does a name, handle or place line (a commenter's name above
        // the comment, `某某　杭州`), which no article ends on.
        None | Some(LineClass::Body) => {
            (unknown_tail && i >= tail_start)
                || lines[i].f.signoff
                || lines::is_name_like(&lines[i].text)
        }
        _ => false,
    });
    let Some(footer) = footer else { return };
    let rule = if matches!(lines[footer].class, Some(LineClass::Boilerplate(_))) {
        "after the footer"
    } else if lines[footer].f.signoff {
        "from the sign-off after the article"
    } else if lines::is_name_like(&lines[footer].text) {
        "from a name line after the article"
    } else {
        "block of non-sentences after the article"
    };
    let replies = reply_texts(lines, footer);
    for (l, reply) in lines[footer..].iter_mut().zip(&replies[footer..]) {
        if *reply {
            l.class = Some(LineClass::Body);
            l.rule = Some(REPLY_RULE.into());
            continue;
        }
        if l.class.is_none() || l.class == Some(LineClass::Body) {
            let reason = if l.f.chars <= 6 {
                Reason::Navigation
            } else {
                Reason::RelatedList
            };
            l.class = Some(LineClass::Boilerplate(reason));
            l.rule = Some(rule.into());
        }
    }
}

/// The rule recorded on a reply kept after the footer (see [`reply_texts`]).
const REPLY_RULE: &str = "a reply under its post stamp";

/// The longest line read as a reply's stamp (`#8 2024-04-11 23:15`,
/// `价值投资小学生 2024-07-15 21:07`, `发布于：2021-10-04 07:02`).
const REPLY_STAMP_MAX_CHARS: usize = 40;

/// Which lines from `footer` on are a thread's replies, kept although they
/// stand after the footer's start. A thread's last posts come after its
/// first button row (`回复 引用 举报`), which starts the footer, and a short
/// one (`请问原PO选的是哪个方案？`) is no paragraph that would move the
/// footer past it. What sets a reply apart from the headlines of a related
/// list is its stamp: the line right over it, or over the poster's name
/// right over it, is furniture holding a date and a clock time, as post
/// headers do and headline lists (dated by day, if at all) do not. The
/// reply is a line of text (an end mark or a clause mark, mostly Han), which
/// may name the thread's furniture (`请问楼主…？`); the lines under it that
/// are text too and name none (a notice under the last reply, `你需要登录后
/// 才能回复`, does), or the items of a list it opens (`整理一下：` / `1. …`),
/// are the same post's. Replies are treated alike: only a thread that kept
/// a reply before the footer (a stamped post with body over it) keeps them
/// after it; under a single post, stamped lines after the footer are its
/// readers' comments, which go with the footer as before.
fn reply_texts(lines: &[Line], footer: usize) -> Vec<bool> {
    let stamp = |l: &Line| {
        matches!(
            l.class,
            Some(LineClass::Boilerplate(
                Reason::Byline | Reason::ForumChrome | Reason::SiteChrome
            ))
        ) && l.f.chars <= REPLY_STAMP_MAX_CHARS
            && l.f.has_date
            && lines::find_time(&l.text).is_some()
    };
    let poster = |l: &Line| {
        (l.f.chars <= NAME_SIZED_CHARS || lines::is_name_like(&l.text))
            && l.f.clause_marks == 0
            && !l.f.ends_sentence
            && !l.f.has_date
            && l.f.hits.is_empty()
            && matches!(
                l.class,
                None | Some(LineClass::Body | LineClass::Boilerplate(Reason::ForumChrome))
            )
    };
    let open = Line::is_open;
    let text =
        |l: &Line| open(l) && (l.f.ends_sentence || l.f.clause_marks > 0) && l.f.han_share() >= 0.5;
    let stamped = |i: usize| {
        i >= 1
            && (stamp(&lines[i - 1]) || (i >= 2 && poster(&lines[i - 1]) && stamp(&lines[i - 2])))
    };
    let mut kept = vec![false; lines.len()];
    // Replies alike: only where the thread kept a reply before the footer,
    // a stamped post with body over it (the opening post's).
    let body = |l: &Line| l.class == Some(LineClass::Body);
    let Some(first_body) = lines.iter().position(body) else {
        return kept;
    };
    if !(first_body + 1..footer).any(|i| body(&lines[i]) && stamped(i)) {
        return kept;
    }
    let mut i = footer;
    while i < lines.len() {
        if !(stamped(i) && text(&lines[i]) && !lines::starts_enumerated(&lines[i].text)) {
            i += 1;
            continue;
        }
        let opens_list = lines[i].text.trim_end().ends_with(['：', ':']);
        kept[i] = true;
        i += 1;
        while i < lines.len()
            && ((text(&lines[i]) && lines[i].f.hits.is_empty())
                || (opens_list && open(&lines[i]) && lines::starts_enumerated(&lines[i].text)))
        {
            kept[i] = true;
            i += 1;
        }
    }
    kept
}

/// Undecided lines take their class from their neighbours: between body
/// lines a short line is a heading; between boilerplate lines it is
/// boilerplate; a headline-like line that leads into body is a heading.
fn smooth(lines: &mut [Line]) {
    if first_anchor(lines).is_none() {
        mark_spoken_runs(lines);
    }
    let decided: Vec<Option<LineClass>> = lines.iter().map(|l| l.class).collect();
    let anchor = first_anchor(lines);
    // The title, and captions (which sit inside the article as often as
    // around it), say nothing about their neighbours.
    let telling = |c: &&LineClass| {
        !matches!(
            c,
            LineClass::Title | LineClass::Boilerplate(Reason::Caption)
        )
    };
    for i in 0..lines.len() {
        if decided[i].is_some() {
            continue;
        }
        let prev = decided[..i].iter().rev().flatten().find(telling).copied();
        let next = decided[i + 1..].iter().flatten().find(telling).copied();
        let body =
            |c: Option<LineClass>| matches!(c, Some(LineClass::Body) | Some(LineClass::Heading));
        // The article starts under its headline: a short sentence there
        // (`我一定得挣扎。`) opens the body, whatever furniture stands above
        // the headline.
        let under_title = || decided[..i].iter().rev().flatten().next() == Some(&LineClass::Title);
        let (class, rule) = match (prev, next) {
            (p, n) if body(p) && body(n) => (LineClass::Heading, "between body lines"),
            (_, n) if body(n) && lines[i].f.ends_sentence && under_title() => {
                (LineClass::Body, "opens the body under the title")
            }
            // A full sentence right on the body opens it, whatever stands
            // above (`说一下我自己的体会吧。` under an answer's counters).
            (_, n)
                if body(n)
                    && lines[i].f.ends_full_stop
                    && lines[i].f.han_share() >= OPENING_SENTENCE_MIN_HAN_SHARE
                    && decided.get(i + 1).is_some_and(|d| body(*d)) =>
            {
                (LineClass::Body, "opens the body")
            }
            (_, n) if body(n) && lines[i].f.is_headline_like() => {
                (LineClass::Heading, "leads into body")
            }
            (p, _) if body(p) && lines[i].f.chars >= 20 => (LineClass::Body, "follows body"),
            (Some(LineClass::Boilerplate(r)), _) if anchor.is_none_or(|a| i < a) => (
                LineClass::Boilerplate(r),
                "among boilerplate before the body",
            ),
            (_, Some(LineClass::Boilerplate(r))) if !body(prev) => {
                (LineClass::Boilerplate(r), "among boilerplate")
            }
            (p, _) if body(p) => (LineClass::Heading, "follows body"),
            (Some(LineClass::Boilerplate(r)), _) => {
                (LineClass::Boilerplate(r), "among boilerplate")
            }
            // A document with no clear body: keep what is not boilerplate.
            _ => (LineClass::Body, "no neighbours decided"),
        };
        lines[i].class = Some(class);
        if !class.is_kept() {
            lines[i].rule = Some(rule.to_string());
        }
    }
}

/// On a page with no paragraph, the run of three undecided lines or more
/// in which the most lines talk (two at least; see `lines::is_spoken`) is
/// its text: a diary or a microblog post written line by line, with no
/// sentence long enough to anchor the body (`我没有回头看那个考场` /
/// `走出校门` / `什么也没问`). Without this, the furniture above such a post
/// (its author and date) takes every line after it as "boilerplate before
/// the body". One run only: a page holds one post, and other talking runs
/// are its sidebars and comments. A sign-off (`以上就是今天的全部内容啦~`)
/// ends a run: it talks, but it is the account's.
fn mark_spoken_runs(lines: &mut [Line]) {
    // (start, length, talking lines) of the best run so far.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..]
            .iter()
            .take_while(|l| l.class.is_none() && l.f.han_share() >= 0.5 && !l.f.signoff)
            .count();
        let spoken = lines[i..i + run].iter().filter(|l| l.f.spoken).count();
        if run >= 3 && spoken >= 2 && best.is_none_or(|b| (spoken, run) > (b.2, b.1)) {
            best = Some((i, run, spoken));
        }
        i += run.max(1);
    }
    let Some((start, run, _)) = best else { return };
    for l in &mut lines[start..start + run] {
        l.class = Some(LineClass::Body);
    }
    // What is left from a sign-off right after the post on is the
    // account's, as after an article (see `mark_footer`).
    if lines
        .get(start + run)
        .is_some_and(|l| l.class.is_none() && l.f.signoff)
    {
        for l in lines[start + run..]
            .iter_mut()
            .filter(|l| l.class.is_none())
        {
            l.class = Some(LineClass::Boilerplate(Reason::SiteChrome));
            l.rule = Some("from the sign-off after the post".into());
        }
    }
}

/// The rule recorded on the lines [`keep_a_post_in_short_lines`] keeps.
const SHORT_LINE_POST_RULE: &str = "a post in short lines, the page's only text";

/// The most lines a post in short lines is read to have.
const SHORT_LINE_POST_MAX_LINES: usize = 12;

/// The least mean length, in chars, of the lines of a post in short lines:
/// a sidebar's channel names run to four.
const SHORT_LINE_POST_MIN_MEAN_CHARS: usize = 6;

/// A page whose every line went as furniture keeps its post when the post
/// is written in short lines with no mark and no talking word (`周末去爬山了
/// 累但是值得` / `山顶的风好大` / `下山的时候腿都在抖`): a microblog or diary
/// post between its poster's header and its buttons, which neither anchors
/// a body nor talks enough for [`mark_spoken_runs`], so that smoothing
/// took it as "among boilerplate". A page keeps some text if it has any:
/// the run right under the post's stamp of two to
/// [`SHORT_LINE_POST_MAX_LINES`] lines that only smoothing decided, each
/// mostly Han, with no name, handle, date, numbered or bulleted item or
/// furniture phrase, their mean length at least
/// [`SHORT_LINE_POST_MIN_MEAN_CHARS`]. A longer run is a list of links,
/// shorter lines a menu.
fn keep_a_post_in_short_lines(lines: &mut [Line]) {
    if lines
        .iter()
        .any(|l| l.class.is_some_and(LineClass::is_kept))
    {
        return;
    }
    let smoothed = |l: &Line| {
        matches!(l.class, Some(LineClass::Boilerplate(_)))
            && matches!(
                l.rule.as_deref(),
                Some("among boilerplate before the body" | "among boilerplate")
            )
            && l.f.han_share() >= OPENING_SENTENCE_MIN_HAN_SHARE
            && l.f.chars >= 4
            && l.f.hits.is_empty()
            && !l.f.has_date
            && !l.f.bullet
            && !lines::starts_enumerated(&l.text)
            && !l
                .text
                .trim_start()
                .starts_with(['●', '•', '·', '○', '■', '□', '◆', '▪', '>'])
            && !lines::is_name_like(&l.text)
    };
    // The post's stamp is the first furniture line with a date or a clock
    // time (`3月15日 08:42 来自 iPhone`): a post
    // stands right under its poster's header, the site's name and motto
    // above it, lists of other pages after it. A page with no stamp shows
    // no post.
    let Some(stamp) = lines.iter().position(|l| {
        (l.f.has_date || lines::find_time(&l.text).is_some())
            && matches!(l.class, Some(LineClass::Boilerplate(_)))
    }) else {
        return;
    };
    // The post opens right under its stamp, or under one line (a place or
    // a client tag) beside it.
    let Some((start, run)) = (stamp + 1..=stamp + 2)
        .map(|i| {
            (
                i,
                lines
                    .get(i..)
                    .map_or(0, |rest| rest.iter().take_while(|l| smoothed(l)).count()),
            )
        })
        .find(|&(_, run)| (2..=SHORT_LINE_POST_MAX_LINES).contains(&run))
    else {
        return;
    };
    // Lines of a post run longer than a menu's items (`国内新闻`, `体育频道`).
    let chars: usize = lines[start..start + run].iter().map(|l| l.f.chars).sum();
    if chars < SHORT_LINE_POST_MIN_MEAN_CHARS * run {
        return;
    }
    for l in &mut lines[start..start + run] {
        l.class = Some(LineClass::Body);
        l.rule = Some(SHORT_LINE_POST_RULE.into());
    }
}

/// Convenience for tests and tools: cleans a text on its own.
pub fn clean_text(text: &str, seg: &Segmenter, conv: &ScriptConverter) -> Document {
    Cleaner::new().apply(
        Document {
            text: text.to_string(),
            ..Document::default()
        },
        seg,
        conv,
        None,
    )
}

/// The fewest Latin words that make what is left of a spam line a
/// sentence of its own: a link or a code has none between spaces, a
/// bracketed pair of letters (`（a、b）`) one or two.
const LATIN_PROSE_WORDS: usize = 4;

/// Whether `text` holds [`LATIN_PROSE_WORDS`] words or more of two Latin
/// letters or more, set apart by spaces (`（President Bush, he said to
/// me, …）`).
fn is_latin_prose(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .count()
        >= LATIN_PROSE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn res() -> &'static (Segmenter, ScriptConverter) {
        static R: OnceLock<(Segmenter, ScriptConverter)> = OnceLock::new();
        R.get_or_init(|| (Segmenter::new(), ScriptConverter::new()))
    }

    fn clean_with(text: &str, stats: Option<&LineStats>) -> Document {
        let (seg, conv) = res();
        Cleaner::new().apply(
            Document {
                text: text.into(),
                ..Document::default()
            },
            seg,
            conv,
            stats,
        )
    }

    /// `text` cleans to the title `title` over the paragraphs BODY1, BODY2;
    /// returns the cleaned document.
    /// The rules of a document's removals, in order.
    fn removal_rules(d: &Document) -> Vec<&str> {
        d.removed.iter().filter_map(|r| r.rule.as_deref()).collect()
    }

    /// Cleans `page` and asserts its text is `BODY1` and `BODY2` alone.
    fn assert_two_paragraphs(page: &str) -> Document {
        let d = clean_with(page, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"), "{:?}", d.removed);
        d
    }

    fn assert_title_and_two_paragraphs(text: &str, title: &str) -> Document {
        let d = clean_with(text, None);
        assert_eq!(d.title.as_deref(), Some(title), "{}", d.text);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        d
    }

    #[test]
    fn a_shape_dropped_as_a_term_of_the_text_shows_no_spam_to_the_others() {
        // `福利彩票官网` is brand-shaped (a name, a category word, a call to
        // action) but `福利彩票` is the state lottery, a word of the text; it
        // once showed the page to be spam to `机选彩票` and `中奖彩票`.
        let page = "\
本市彩民喜中双色球二等奖
记者从市福利彩票发行中心获悉，一位彩民用一张机选彩票命中二等奖，奖金二十余万元。
中心提醒，中奖彩票须在六十日内兑奖，开奖信息可在中国福利彩票官网查询。";
        let d = clean_with(page, None);
        let spam: Vec<&str> = d
            .removed
            .iter()
            .filter(|r| matches!(r.reason, Reason::SpamBrand | Reason::SpamFragment))
            .map(|r| r.text.as_str())
            .collect();
        assert!(spam.is_empty(), "{spam:?}");
        assert!(d.text.contains("一张机选彩票命中"), "{}", d.text);
    }

    #[test]
    fn list_numbers_come_off_a_line() {
        assert_eq!(without_list_number("1 铺设工艺"), "铺设工艺");
        assert_eq!(without_list_number("2.3 保护现状"), "保护现状");
        assert_eq!(without_list_number("第2页：屏幕表现"), "屏幕表现");
        assert_eq!(without_list_number("第三章 夜渡"), "夜渡");
        assert_eq!(without_list_number("（四）监督检查"), "监督检查");
        assert_eq!(without_list_number("五、附则"), "附则");
        // No list number: the line as it is.
        assert_eq!(without_list_number("2024年工作总结"), "2024年工作总结");
        assert_eq!(without_list_number("第一书记"), "第一书记");
        assert_eq!(without_list_number("三亚的海"), "三亚的海");
    }

    #[test]
    fn a_table_of_contents_names_the_headings_of_the_page() {
        let page = "\
石拱桥
石拱桥是用天然石料砌成拱券的桥梁，在我国有悠久的历史，各地都有保存完好的古桥。
目录
1 建造方法
2 著名古桥
建造方法
工匠先搭起木拱架，再从两端向中间逐块砌筑拱石，合龙之后拆去拱架，拱券便能自己站住。
著名古桥
河北的赵州桥建于隋代，是现存最早的敞肩石拱桥之一，至今仍能通行。";
        let d = clean_with(page, None);
        let toc: Vec<&str> = d
            .removed
            .iter()
            .filter(|r| r.reason == Reason::Navigation)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(toc, ["目录", "1 建造方法", "2 著名古桥"], "{:?}", d.removed);
        // The headings over their sections stay.
        assert!(d.text.contains("建造方法\n工匠先搭起木拱架"), "{}", d.text);
        assert!(d.text.contains("著名古桥\n河北的赵州桥"), "{}", d.text);
        // Two headings that come together again are no table: a repeated
        // pair of short lines with nothing between the copies' neighbours.
        let repeated = "\
石拱桥是用天然石料砌成拱券的桥梁，在我国有悠久的历史，各地都有保存完好的古桥。
上一篇
下一篇
工匠先搭起木拱架，再从两端向中间逐块砌筑拱石，合龙之后拆去拱架，拱券便能自己站住。
上一篇
下一篇";
        let d = clean_with(repeated, None);
        assert!(
            !removal_rules(&d)
                .iter()
                .any(|r| r.starts_with("table of contents")),
            "{:?}",
            d.removed
        );
    }

    #[test]
    fn a_line_repeating_a_later_step_of_the_breadcrumb_is_the_title() {
        let page = "\
笔趣文学
笔趣文学 > 山河旧梦 > 第一百二十七章 夜渡
第一百二十七章 夜渡
作者：青灯夜雨 | 更新时间：2024-03-09 23:58
沈砚把斗笠往下压了压，蹲在船头，看着对岸那点若有若无的灯火。
阿蘅抱着那只木匣坐在船舱里，一路上一句话也没说。";
        let d = clean_with(page, None);
        assert_eq!(
            d.title.as_deref(),
            Some("第一百二十七章 夜渡"),
            "{:?}",
            d.removed
        );
        let travel = "\
携程攻略 > 某省 > 某市 > 景点 > 某某古镇 > 点评
某某古镇
4.6分 · 3215条点评 · 开放时间：全天
五一前带孩子来的，避开了人潮，整体体验很好。
古镇不收门票，里面的几个老宅院单独收费，二十元一个。";
        let d = clean_with(travel, None);
        assert_eq!(d.title.as_deref(), Some("某某古镇"), "{:?}", d.removed);
        // The last step's line wins over a longer one on the furniture, and
        // is no name line for standing over a score.
        let shop = "\
北京美食 > 朝阳区 > 北京菜 > 胡同口炸酱面
胡同口炸酱面
4.6 分
营业时间：周一至周日 10:30-21:00
五一前带孩子来的，避开了人潮，整体体验很好，面很筋道，酱也香。
老板很热情，还送了一碟小菜，下次还会再来。";
        let d = clean_with(shop, None);
        assert_eq!(d.title.as_deref(), Some("胡同口炸酱面"), "{:?}", d.removed);
        // Above the trail, its last step names the section the page is in.
        let section = format!(
            "某某大学外国语学院\n学院新闻\n当前位置： 首页 > 学院新闻\n\
             外国语学院举办第五届英语配音大赛\n作者： 来源：外国语学院 日期：2023-04-21 浏览次数：412\n\
             {BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&section, "外国语学院举办第五届英语配音大赛");
    }

    #[test]
    fn a_posters_name_between_a_bare_post_header_and_the_reply_is_chrome() {
        let thread = "\
求助：新手开荒卡在二十五级怎么办？
楼主 2024-04-11 21:10
级别： 新兵 声望： 3 发帖： 52
材料本可以攒到周末双倍再刷，平时体力优先换经验书。
回复 引用 举报 赞 18
#2 2024-04-11 21:32
不吃香菜的阿木
楼上正解。另外突破材料可以去商店用周常代币换，每周限购三个。
回复 引用 举报 赞 9
#3 2024-04-11 22:04
夜航船
洗练这块确实坑，我的建议是紫装别洗，等橙装毕业再说。
回复 引用 举报";
        let d = clean_with(thread, None);
        assert!(!d.text.contains("不吃香菜的阿木"), "{}", d.text);
        assert!(!d.text.contains("夜航船"), "{}", d.text);
        assert!(d.text.contains("每周限购三个"));
        // A header naming its poster has the post's own first line under
        // it, a heading here.
        let named = "\
小区停车位怎么分配的？
北漂石头 发表于 2021/9/13 10:13 | 只看该作者
注册时间 2015/10/25
二期车位
二期的车位是摇号分配的，每户最多一个，剩下的对外出租。
回复 引用 举报
北漂石头 发表于 2021/9/13 10:40 | 只看该作者
租金
租金每月三百，物业统一收取，合同一年一签。
回复 引用 举报";
        let d = clean_with(named, None);
        assert!(d.text.contains("二期车位"), "{}", d.text);
    }

    #[test]
    fn a_posts_stamp_with_any_source_is_no_headline() {
        let post = format!(
            "微博\n首页 热门 视频\n城西说事\n今天 09:12 来自 微博视频号\n{BODY1}\n{BODY2}\n\
             转发 56 评论 102 赞 389"
        );
        let d = clean_with(&post, None);
        assert_eq!(d.title, None, "{:?}", d.removed);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
    }

    #[test]
    fn a_post_in_short_unmarked_lines_is_kept_when_nothing_else_is() {
        // No line ends a sentence, none talks: smoothing took every line
        // as furniture and the page came out empty.
        let post = "\
微博
首页 发现 消息
山野小鹿
3月15日 08:42 来自 iPhone客户端
周末去爬山了 累但是值得
山顶的风好大
下山的时候腿都在抖
转发 12 评论 8 赞 56";
        let d = clean_with(post, None);
        assert_eq!(
            d.text, "周末去爬山了 累但是值得\n山顶的风好大\n下山的时候腿都在抖",
            "{:?}",
            d.removed
        );
        // Only right under the post's stamp: a site's name and motto above
        // it, or links further down, are no post.
        let links = "\
林中小屋
慢慢走，欣赏啊
写于 2020-01-11 · 归档于 工作手记
莫斯科多云－4℃／－1℃
银川晴转多云－11℃／－2℃
前一篇 青岛百盛收购青岛购物中心
后一篇 退休年龄的误读与试探
Copyright 2020 林中小屋";
        let d = clean_with(links, None);
        assert!(!d.text.contains("林中小屋"), "{}", d.text);
        assert!(!d.text.contains("青岛百盛"), "{}", d.text);
    }

    #[test]
    fn a_notices_contact_lines_and_signature_are_its_own_text() {
        let page = format!(
            "某某大学教务处\n首页 > 通知公告\n关于春季学期补考安排的通知\n\
             发布时间：2024-02-20 浏览次数：1203\n{BODY1}\n{BODY2}\n\
             联系人：王老师\n联系电话：0571-8888XXXX\n教务处\n2024年2月20日\n\
             附件：补考安排表.xlsx\n上一篇：关于寒假安全教育的通知\n\
             版权所有 © 某某大学"
        );
        let d = clean_with(&page, None);
        assert_eq!(
            d.text,
            format!(
                "{BODY1}\n{BODY2}\n联系人：王老师\n联系电话：0571-8888XXXX\n教务处\n2024年2月20日"
            ),
            "{:?}",
            d.removed
        );
        // A closing formula between the last paragraph and the signature.
        let closed = format!(
            "关于调整部分公交线路的通告\n{BODY1}\n{BODY2}\n特此通告。\n某某市交通运输局\n\
             2024年4月2日\n（此件公开发布）\n【打印本页】【关闭窗口】"
        );
        assert_eq!(
            clean_with(&closed, None).text,
            format!(
                "{BODY1}\n{BODY2}\n特此通告。\n某某市交通运输局\n2024年4月2日\n（此件公开发布）"
            )
        );
        // A letter's closing formula in two lines, the writer's name and the
        // day written out; a blog's post line under its text stays furniture.
        let letter = format!(
            "致老朋友的一封信\n2023-05-02 10:00 来源：某某晚报\n{BODY1}\n{BODY2}\n此致\n敬礼！\n\
             张明远\n2023年5月1日于杭州\n相关阅读\n另一封信的故事\n城市里的老邮局"
        );
        assert_eq!(
            clean_with(&letter, None).text,
            format!("{BODY1}\n{BODY2}\n此致\n敬礼！\n张明远\n2023年5月1日于杭州")
        );
        let post_line = format!(
            "冬天的小镇\n{BODY1}\n{BODY2}\n林小舟\n2023-12-02 10:11\n相关阅读\n另一封信的故事\n城市里的老邮局"
        );
        assert_eq!(
            clean_with(&post_line, None).text,
            format!("{BODY1}\n{BODY2}")
        );
        assert!(is_written_day("二〇二三年五月一日"));
        assert!(!is_written_day("2023-05-01"));
        assert!(!is_written_day("2023年5月1日于杭州市人民政府大楼"));
        // A review's fact box under its heading, before the blog's tags and
        // related posts; one fact line alone does not make a heading text.
        let reviewed = format!(
            "小猫的美食日记\n首页 | 台北美食 | 关于我\n巷子里的老派咖啡馆，适合一个人发呆\n\
             2023-10-07 15:20\n{BODY1}\n{BODY2}\n店家资讯\n地址：某市某区某某路12号\n\
             营业时间：周二至周日 12:00-19:00\n电话：02-2700-XXXX\n文章标签\n某市咖啡 手冲咖啡\n\
             热门文章\n上一篇：在地人才知道的早午餐"
        );
        assert_eq!(
            clean_with(&reviewed, None).text,
            format!(
                "{BODY1}\n{BODY2}\n店家资讯\n地址：某市某区某某路12号\n营业时间：周二至周日 12:00-19:00\n电话：02-2700-XXXX"
            )
        );
        let one_fact = format!(
            "巷子里的老派咖啡馆，适合一个人发呆\n2023-10-07 15:20\n{BODY1}\n{BODY2}\n\
             相关推荐\n人均：80元\n另一家咖啡馆的十种喝法\n老城区的三条小巷"
        );
        assert!(!clean_with(&one_fact, None).text.contains("相关推荐"));
        assert!(is_contact_line("邮箱：jwc@example.edu.cn"));
        // A sentence that opens on a label's word gives no contact.
        assert!(!is_contact_line("电话：打了三次都没人接，只好自己跑一趟。"));
        assert!(!is_contact_line("电话"));
    }

    #[test]
    fn a_judgments_signers_and_date_are_its_own_text() {
        let page = "\
某某县人民法院
民事判决书
（2023）某0102民初1234号
本院认为，合法的借贷关系受法律保护。被告向原告借款后未按约定归还，应承担相应的民事责任。
如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于某某市中级人民法院。
审 判 长　欧阳某某
人民陪审员　李某
二〇二三年九月四日
书 记 员　王×
关联文书
版权所有：某某法院网";
        let d = clean_with(page, None);
        assert!(
            d.text
                .ends_with("审 判 长 欧阳某某\n人民陪审员 李某\n二〇二三年九月四日\n书 记 员 王×"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("关联文书"), "{}", d.text);
        assert!(is_signer_line("审判员　张某"));
        // A sentence about a judge, or a title with a long tail, signs
        // nothing.
        assert!(!is_signer_line("审判员认为被告的辩解不能成立"));
        assert!(!is_signer_line("书记员张某某某某"));
        assert!(!is_signer_line("审判员"));
        // Without a date among them, title lines are no signature.
        let undated = "\
本院认为，合法的借贷关系受法律保护。被告向原告借款后未按约定归还，应承担相应的民事责任。
审判长　欧阳某某
书记员　王某
相关文章
某地法院开展普法宣传活动
某地法院召开年度工作会议";
        let d = clean_with(undated, None);
        assert!(!d.text.contains("书记员"), "{}", d.text);
    }

    #[test]
    fn a_threads_last_short_replies_are_kept_as_its_earlier_ones_are() {
        // The first button row starts the footer; the replies after the
        // last full-stop sentence used to go with it.
        let thread = "\
[讨论] 周末带娃去哪儿玩比较省心？
楼主 2024-05-10 20:01
城东老王
孩子六岁，周末总在家里待着也不是办法，想找个近一点、人少一点的地方，大家有推荐吗？
回复 引用 举报
#1 2024-05-10 20:15
晴天小猪
城北湿地公园不错，周六上午人不多，带上野餐垫能待一整天。
回复 引用 举报 赞 6
#2 2024-05-10 20:40
Kevin_Lin0823
科技馆要提前预约吗？
回复 引用 举报
#3 2024-05-10 21:02
城东老王
谢谢大家，汇总一下：
1. 湿地公园周六上午去
2. 科技馆提前三天约
回复 引用 举报 赞 2
你需要登录后才能回复
©2024 某某论坛";
        let d = clean_with(thread, None);
        for kept in [
            "周六上午人不多",
            "科技馆要提前预约吗？",
            "谢谢大家，汇总一下：",
            "2. 科技馆提前三天约",
        ] {
            assert!(d.text.contains(kept), "{kept}: {}", d.text);
        }
        assert!(
            d.removed
                .iter()
                .all(|r| r.rule.as_deref() != Some(REPLY_RULE)),
            "a kept reply is no removal"
        );
        for gone in ["Kevin_Lin0823", "回复 引用", "你需要登录", "©2024"] {
            assert!(!d.text.contains(gone), "{gone}: {}", d.text);
        }
        // A single post with comments under it keeps no reply: nothing
        // after its opening post is a reply the page kept.
        let post = "\
周末带娃去哪儿玩比较省心？
城东老王 2024-05-10 20:01
孩子六岁，周末总在家里待着也不是办法，想找个近一点、人少一点的地方。
城北湿地公园不错，周六上午人不多，带上野餐垫能待一整天。
回复 引用 举报
晴天小猪 2024-05-10 20:40
科技馆要提前预约吗？
回复 引用 举报";
        let d = clean_with(post, None);
        assert!(d.text.contains("带上野餐垫"), "{}", d.text);
        assert!(!d.text.contains("科技馆"), "{}", d.text);
    }

    const BODY1: &str = "市政协牢记政协组织是政治组织，始终把旗帜鲜明讲政治作为政协工作的生命线，把政治建设摆在首要位置。";
    const BODY2: &str =
        "一年来，委员会客厅、专题协商会、民生议事堂等各类履职平台共开展活动521场，提出建议1441条。";
    const BODY3: &str = "这一年，市政协以更高追求、更严标准常做常新、出彩出新，履职品牌效应显著增强，委员主体作用发挥更加充分。";

    #[test]
    fn headings_between_paragraphs_stay_and_tail_lists_go() {
        let text = format!(
            "新闻中心 > 本地新闻\n市政协这一年：履职有声有色\n{BODY1}\n红色引领\n{BODY2}\n{BODY3}\n（记者 张三）\n\
             某地举办春季招聘会 提供岗位千余个\n高速公路清明出行指引发布\n多地气温回升 注意防范火灾"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("市政协这一年：履职有声有色"));
        assert_eq!(d.text, format!("{BODY1}\n红色引领\n{BODY2}\n{BODY3}"));
        assert_eq!(d.metadata.author.as_deref(), Some("张三"));
        let reasons: Vec<Reason> = d.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            vec![
                Reason::Navigation,
                Reason::Title,
                Reason::Byline,
                Reason::RelatedList,
                Reason::RelatedList,
                Reason::RelatedList
            ]
        );
    }

    #[test]
    fn a_bulleted_list_whose_items_end_on_clause_marks_is_the_texts() {
        // Items ending on `；` or `。` are a list inside the text, even when
        // two of them are as short as headlines.
        let list = "- 早上七点到十一点，专业课；\n- 下午一点到五点，英语和政治；\n- 晚上只复习错题，十点前必须睡。";
        let text = format!("{BODY1}\n{list}\n{BODY2}");
        assert_eq!(clean_with(&text, None).text, text);
        // Bulleted headlines with no such mark are a list of links.
        let text = format!("{BODY1}\n- 某地举办春季招聘会\n- 高速公路清明出行指引发布\n{BODY2}");
        assert_eq!(clean_with(&text, None).text, format!("{BODY1}\n{BODY2}"));
    }

    #[test]
    fn a_video_chapter_list_goes_but_a_schedule_stays() {
        let chapters = "章节\n00:00 开场\n01:12 第一次看房\n05:40 拆天花板\n1:02:03 尾声";
        let text = format!("{BODY1}\n{chapters}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        assert_eq!(removal_rules(&d), ["video chapter list"; 5]);
        // A day's schedule in a story starts in the morning, not at zero.
        let schedule = "08:30 集合\n09:15 参观展馆\n11:40 午餐";
        let text = format!("{BODY1}\n{schedule}\n{BODY2}");
        assert_eq!(clean_with(&text, None).text, text);
        // A stamp reads as a clock; a label with a sentence mark is text.
        assert_eq!(chapter_stamp("01:12 第一次看房"), Some(72));
        assert_eq!(chapter_stamp("1:02:03 尾声"), Some(3723));
        assert_eq!(chapter_stamp("01:75 开场"), None);
        assert_eq!(chapter_stamp("00:00 他走进来，坐下。"), None);
    }

    #[test]
    fn a_list_led_by_emoji_is_the_posts_text() {
        let list = "1️⃣ 看房一定要白天去一次、晚上去一次\n2️⃣ 打开所有水龙头，看水压和热水要多久\n3️⃣ 手机在每个房间测一下信号";
        // Under the headline: the headline is the line above the list, not
        // the list's last item.
        let text = format!("图文\n第一次租房的避坑清单，看完少花冤枉钱\n{list}\n{BODY1}");
        let d = clean_with(&text, None);
        assert_eq!(
            d.title.as_deref(),
            Some("第一次租房的避坑清单，看完少花冤枉钱")
        );
        assert_eq!(d.text, format!("{list}\n{BODY1}"));
        // After the text, with no full stop in it: still the post's.
        let tips = "给第一次爬的朋友：\n🧥 洋葱式穿法，山上比平地冷十度以上\n💧 水带一千毫升以上\n🍫 巧克力、香蕉都很好用";
        let text = format!("{BODY1}\n{tips}");
        assert_eq!(clean_with(&text, None).text, text);
    }

    #[test]
    fn a_run_of_headlines_under_a_stroke_bullet_goes() {
        // `丨` opens an account's list of earlier posts, also before a
        // Latin word.
        let text = format!(
            "市政协这一年：履职有声有色\n{BODY1}\n丨某地出台新规 小店也能开上网\n丨IQ测试的三个误区\n{BODY2}\n{BODY3}"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}\n{BODY3}"));
        let rules = removal_rules(&d);
        assert_eq!(
            rules,
            vec![
                "first headline before the body",
                "run of 2 bulleted headlines",
                "run of 2 bulleted headlines"
            ]
        );
    }

    #[test]
    fn spam_spliced_into_the_headline_leaves_the_title() {
        let text = format!(
            "新闻中心 > 本地新闻\n市政协这一年AG超玩会入口：履职有声有色\n（记者 张三）\n{BODY1}\n{BODY2}\n{BODY3}"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("市政协这一年：履职有声有色"));
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}\n{BODY3}"));
        let spam: Vec<(&str, Option<usize>)> = d
            .removed
            .iter()
            .filter(|r| r.reason == Reason::SpamBrand)
            .map(|r| (r.text.as_str(), r.line))
            .collect();
        assert_eq!(spam, vec![("AG超玩会入口", Some(2))]);
    }

    #[test]
    fn simplified_runs_go_from_a_traditional_headline_only_when_the_body_has_them_too() {
        let body = "就宗教層面而言，佛教教義中並沒有禁止這種行為，而在猶太教中有許多的儀式是和這種行為有關的。\n\
                    根據近代一些研究宗教的學者指出，一些宗教所禁止的並不是這種行為本身，這些宗教對異性行為相信也是一視同仁地禁止的！\n\
                    就生物層面而言，科學家已發現在其他動物的行為中，亦有類似人類的情形，很多的研究報告都已把成因從心理層面擴展到生理層面。";
        // Said twice, too seldom for the repeated-fragment rules: only the
        // script shows it.
        let spliced = body.replacen("學者", "學携手者", 1);
        let text = format!("宗教與携手生物層面的觀點\n{spliced}");
        let d = clean_with(&text, None);
        assert_eq!(
            d.title.as_deref(),
            Some("宗教與生物層面的觀點"),
            "{}",
            d.text
        );
        assert_eq!(d.text, body);
        // A headline in Simplified over a Traditional article is the
        // site's own: it stays whole.
        let text = format!("宗教与生物层面的观点\n{body}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("宗教与生物层面的观点"));
    }

    #[test]
    fn a_call_to_action_that_follows_two_brands_goes_with_them() {
        // `手机端` is in no list: it shows as the page's call to action by
        // following two brands before different text.
        let text = "今年全省粮食总产量KD彩票手机端再创新高，农民收入稳步增长。\n\
                    各地积极推进农业产业化经营，PW彩票手机端农业结构调整步伐加快。";
        let d = clean_with(text, None);
        assert_eq!(
            d.text,
            "今年全省粮食总产量再创新高，农民收入稳步增长。\n各地积极推进农业产业化经营，农业结构调整步伐加快。"
        );
        let spam: Vec<&str> = d
            .removed
            .iter()
            .filter(|r| r.reason == Reason::SpamBrand)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(spam, vec!["KD彩票手机端", "PW彩票手机端"]);
        assert!(d.removed.iter().all(|r| r
            .rule
            .as_deref()
            .is_some_and(|x| x.contains("call to action shared"))));
        let cleaned = "今年全省粮食总产量再创新高，农民收入稳步增长。\n各地积极推进农业产业化经营，农业结构调整步伐加快。";
        for text in [
            // The brand said once in a sentence and once on a line of its
            // own with its web address: all its line's Han words after the
            // name are the call to action, so they go from the sentence too.
            "今年全省粮食总产量KD彩票手机端再创新高，农民收入稳步增长。\n\
             各地积极推进农业产业化经营，农业结构调整步伐加快。\nKD彩票手机端【www.kd.com】",
            // A single char after a listed call to action, shared by two
            // brands before different text, goes with them (`注册|送`).
            "今年全省粮食总产量KD彩票注册送再创新高，农民收入稳步增长。\n\
             各地积极推进农业产业化经营，PW彩票注册送农业结构调整步伐加快。",
        ] {
            assert_eq!(clean_with(text, None).text, cleaned, "{text}");
        }
        // One brand shows nothing about the words after it: they stay.
        let d = clean_with(
            "今年全省粮食总产量KD彩票手机端再创新高，农民收入稳步增长。",
            None,
        );
        assert_eq!(
            d.text,
            "今年全省粮食总产量手机端再创新高，农民收入稳步增长。"
        );
    }

    #[test]
    fn a_brand_name_of_the_page_before_another_word_is_a_brand() {
        // `金樽彩票官网` is a brand by shape; `竞技` is in no list, but after
        // the page's brand name and before a call to action it is one too.
        // The name in an ordinary phrase, breaking nothing, stays.
        let text = "今年全省粮食总产量金樽彩票官网再创新高，农民收入稳步增长。\n\
                    各地积极推进农业产业化经营，金樽竞技官网农业结构调整步伐加快。\n\
                    代表们晚上在金樽酒家聚餐，气氛热烈。";
        let d = clean_with(text, None);
        assert_eq!(
            d.text,
            "今年全省粮食总产量再创新高，农民收入稳步增长。\n\
             各地积极推进农业产业化经营，农业结构调整步伐加快。\n\
             代表们晚上在金樽酒家聚餐，气氛热烈。"
        );
        let rules = removal_rules(&d);
        assert!(
            rules
                .iter()
                .any(|r| r.starts_with("a brand name of the page")),
            "{rules:?}"
        );
    }

    #[test]
    fn a_pair_of_function_characters_spliced_through_words_goes() {
        // `都更` is two single characters to the dictionary; it goes where
        // its removal lets the words it split re-form (`国务院`, `发展`).
        let text = "党中央、国都更务院关于按保护价敞开收购议价粮的决策是及时的。\n\
                    会议指出，发都更展是解决一切问题的基础和关键。\n\
                    今年的经都更济形势总体平稳，粮食收购工作进展顺利。";
        let d = clean_with(text, None);
        assert_eq!(
            d.text,
            "党中央、国务院关于按保护价敞开收购议价粮的决策是及时的。\n\
             会议指出，发展是解决一切问题的基础和关键。\n\
             今年的经济形势总体平稳，粮食收购工作进展顺利。"
        );
        // The same pair in its ordinary use stays, however often.
        let text = "大家都更加努力了。\n同学们都更愿意参加集体活动。\n老人们都更关心身体健康。";
        assert_eq!(clean_with(text, None).text, text);
    }

    #[test]
    fn spam_in_furniture_lines_is_evidence_for_the_body() {
        // `梦飞扬` breaks two words of the body (`经济`, `发展`): two
        // occurrences alone are too few to judge. The site spliced it into
        // its breadcrumb and byline too; those lines go as furniture, but
        // they show the same run at two more random places, one breaking a
        // third word (`新闻`): on a page without brands a lone fragment
        // needs three.
        let body = "今年的经梦飞扬济形势总体平稳，粮食收购工作进展顺利。\n\
                    会议指出，发梦飞扬展是解决一切问题的基础和关键。\n\
                    会议要求各地压实责任，确保全年目标任务顺利完成。";
        let clean_body = "今年的经济形势总体平稳，粮食收购工作进展顺利。\n\
                          会议指出，发展是解决一切问题的基础和关键。\n\
                          会议要求各地压实责任，确保全年目标任务顺利完成。";
        let text = format!("新闻中心 > 本地新梦飞扬闻\n{body}\n（记者 张梦飞扬三）");
        let d = clean_with(&text, None);
        assert_eq!(d.text, clean_body);
        let rules: Vec<&str> = d
            .removed
            .iter()
            .map(|r| r.rule.as_deref().unwrap_or_default())
            .collect();
        assert!(rules.contains(&"repeated fragment:梦飞扬"), "{rules:?}");
        // Without the furniture the body alone does not show it.
        assert_eq!(clean_with(body, None).text, body);
    }

    #[test]
    fn what_a_brand_leaves_of_a_line_goes_unless_it_is_a_latin_sentence() {
        let text =
            "依照《中华人民共AG超玩会和国合同法》第六十条的规定，被告应当AG超玩会承担违约责任。\n\
                    www.example-ag.com AG超玩会\n\
                    (He said to me, we are between a rock and a hard place.) AG超玩会\n\
                    根据《中华人民共AG超玩会和国担保法》第三十三条，原告有权优先受偿。";
        let d = clean_with(text, None);
        assert!(!d.text.contains("example-ag"), "{}", d.text);
        assert!(
            d.text.contains("between a rock and a hard place"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("AG超玩会"), "{}", d.text);
    }

    #[test]
    fn the_rest_of_a_word_split_by_spam_is_not_a_slogan_piece() {
        // `和国` stands beside spam three times, with a new char after it
        // each time, but past the spam it finishes `共和国`: it is text.
        let text =
            "依照《中华人民共AG超玩会和国合同法》第六十条的规定，被告应当AG超玩会承担违约责任。\n\
                    根据《中华人民共AG超玩会和国担保法》第三十三条，原告AG超玩会有权优先受偿。\n\
                    依照《中华人民共AG超玩会和国民事诉讼法》第一百四十四条，AG超玩会缺席判决如下。";
        let d = clean_with(text, None);
        assert_eq!(d.text.matches("中华人民共和国").count(), 3, "{}", d.text);
        assert!(!d.text.contains("AG超玩会"), "{}", d.text);
    }

    #[test]
    fn a_family_of_latin_named_brands_is_removed_from_a_page_without_lexicon_brands() {
        // No name or category word here is in the lexicons: the page shows
        // spam only by two names before the same word, one breaking 黑龙江.
        let text = "备受关注的改革终于ZMT夺宝大厅在今年破冰。已有九省方案出炉。\n\
                    黑龙KQ夺宝大厅江、安徽、新疆等地确定在明年正式实施。";
        let d = clean_with(text, None);
        assert_eq!(
            d.text,
            "备受关注的改革终于在今年破冰。已有九省方案出炉。\n黑龙江、安徽、新疆等地确定在明年正式实施。"
        );
        let spam: Vec<(&str, Reason)> = d
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect();
        assert_eq!(
            spam,
            vec![
                ("ZMT夺宝大厅", Reason::SpamBrand),
                ("KQ夺宝大厅", Reason::SpamBrand)
            ]
        );
    }

    #[test]
    fn a_name_advertised_with_a_web_address_goes_from_a_page_without_other_spam() {
        // Nothing else on the page is spam; the advertised name carries a
        // gambling word (`视讯`) and goes wherever it was spliced.
        let text = format!(
            "{BODY1}\n原告超然钢管聚宝视讯公司主张被告支付租金。\n{BODY2}\n聚宝视讯【www.600.com】"
        );
        let d = clean_with(&text, None);
        assert!(!d.text.contains("聚宝视讯"), "{}", d.text);
        assert!(d.text.contains("原告超然钢管公司主张被告支付租金。"));
        // Without a gambling word, the name must break a word where it
        // was spliced (`所|某某网页版|有权` reads `所有权`).
        let text = format!(
            "{BODY1}\n他只有经营权，没有所龙腾网页版有权。\n{BODY2}\n龙腾网页版【www.560.com】"
        );
        let d = clean_with(&text, None);
        assert!(d.text.contains("他只有经营权，没有所有权。"), "{}", d.text);
        // Or stand inside sentences twice: a credit is named once, at a
        // source line or after `据`.
        let text = format!(
            "{BODY1}\n原告超越龙腾网页版钢管公司主张被告支付租金、返还全部租赁龙腾网页版钢管。\n{BODY2}\n龙腾网页版【www.560.com】"
        );
        let d = clean_with(&text, None);
        assert!(
            d.text
                .contains("原告超越钢管公司主张被告支付租金、返还全部租赁钢管。"),
            "{}",
            d.text
        );
        // A news site's name with its address is a credit, not spam.
        let text =
            format!("{BODY1}\n据新华网报道，会议今天开幕。\n{BODY2}\n新华网【www.xinhuanet.com】");
        let d = clean_with(&text, None);
        assert!(
            d.text.contains("据新华网报道，会议今天开幕。"),
            "{}",
            d.text
        );
        assert!(d
            .removed
            .iter()
            .all(|r| !matches!(r.reason, Reason::SpamBrand | Reason::SpamFragment)));
    }

    #[test]
    fn an_account_name_repeated_in_the_byline_is_no_title() {
        // The account's tagline leads the post; its name recurs in the
        // byline and the follow prompt. There is no headline.
        let text = format!(
            "济南生活指南，吃喝玩乐全知道\n原创 小小西瓜 济南生活指南 2017-11-02\n{BODY1}\n{BODY2}\n扫码关注济南生活指南"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.title, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let rule = d.removed.first().and_then(|r| r.rule.as_deref());
        assert_eq!(
            rule,
            Some("account name repeated in the page's byline or prompts")
        );
        // A headline that merely shares words with the byline stays one.
        let text =
            format!("济南生活指南发布新版\n原创 小小西瓜 济南晚报 2017-11-02\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("济南生活指南发布新版"));
        // The account signs the headlines it lists after the post with its
        // name as a field of its own: no byline needed.
        let list = "往期推荐\n济南发布高温橙色预警 | 济南生活指南\n济南启动老旧小区改造三年行动";
        let text = format!("济南生活指南，一个有温度的城市号\n{BODY1}\n{BODY2}\n{list}");
        let d = clean_with(&text, None);
        assert_eq!(d.title, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        // A headline listed again as a whole line, or sharing only words
        // with a signed field, stays the title.
        let list = "往期推荐\n济南生活指南发布新版\n济南发布高温橙色预警 | 济南晚报";
        let text = format!("济南生活指南发布新版\n{BODY1}\n{BODY2}\n{list}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("济南生活指南发布新版"));
    }

    #[test]
    fn short_lines_after_a_photo_credit_stay() {
        // A credit near the end of the article is no footer: the short
        // sentences after it are the article's.
        let text =
            format!("{BODY1}\n{BODY2}\n配图来自网络\n事情还得从头说起。\n他们又是怎样的关系？");
        let d = clean_with(&text, None);
        let removed: Vec<(&str, Reason, Option<&str>)> = d
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason, r.rule.as_deref()))
            .collect();
        assert_eq!(
            removed,
            vec![("配图来自网络", Reason::Caption, Some("shape:photo credit"))]
        );
        assert_eq!(
            d.text,
            format!("{BODY1}\n{BODY2}\n事情还得从头说起。\n他们又是怎样的关系？")
        );
    }

    #[test]
    fn a_block_of_non_sentences_after_the_article_goes() {
        // Sidebar and list lines no lexicon knows, after the last paragraph.
        let text = format!(
            "{BODY1}\n{BODY2}\n本周热帖排行\n山间小屋的四季\n老街巷里的烟火气\n城南旧事重读"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let rules: Vec<Option<&str>> = d.removed.iter().map(|r| r.rule.as_deref()).collect();
        assert_eq!(
            rules,
            vec![Some("block of non-sentences after the article"); 4]
        );
        // A sentence at the end keeps the short lines before it: dialogue.
        let text = format!("{BODY1}\n{BODY2}\n他停下来问道：\n“你是谁\n我是谁\n她笑了。");
        let d = clean_with(&text, None);
        assert_eq!(d.text, text);
        // Two such lines are too few to tell.
        let text = format!("{BODY1}\n{BODY2}\n山间小屋的四季\n城南旧事重读");
        assert_eq!(clean_with(&text, None).text, text);
    }

    #[test]
    fn a_short_document_after_a_top_byline_is_kept_whole() {
        let text = "本报讯（记者 李四）\n今天上午，全市安全生产工作会议召开。\n会议要求各地压实责任。\n下午举行分组讨论。";
        let d = clean_with(text, None);
        assert_eq!(d.text.lines().count(), 3, "{:?}", d.removed);
    }

    #[test]
    fn spam_removed_from_two_documents_is_learned_for_the_source() {
        let (_, conv) = res();
        let mut stats = LineStats::from_texts(["甲", "乙", "丙"]);
        stats.learn_spam(
            [
                vec!["XQZ竞猜网页版", "心人", "众跟"],
                vec!["xqz競猜網頁版", "心人", "心人"],
                vec!["眾跟"],
                vec!["AG"],
            ],
            conv,
        );
        // Lower-cased Simplified, counted once per document, longest first;
        // Latin-only strings and strings seen in one document are not learned.
        let known: Vec<(&str, u32)> = stats
            .known_spam()
            .iter()
            .map(|(s, n)| (s.as_str(), *n))
            .collect();
        assert_eq!(known, vec![("xqz竞猜网页版", 2), ("众跟", 2), ("心人", 2)]);
        assert!(stats.mentions_known_spam("今年XQZ竞猜网页版火热"));
        assert!(!stats.mentions_known_spam("今年市场火热"));
        // No Han string was lost by one document alone.
        assert!(stats.spam_seen_once().is_empty());
        // Fragments seen only across pages are kept apart (weaker evidence),
        // without repeating what removals taught.
        stats.add_known_spam([("聚宝竞猜".to_string(), 3), ("心人".to_string(), 2)]);
        assert_eq!(stats.known_spam_across(), &[("聚宝竞猜".to_string(), 3)]);
        assert!(stats.mentions_known_spam("居民聚宝竞猜收入"));
    }

    #[test]
    fn a_string_one_page_of_a_spammed_source_lost_goes_where_a_spam_page_says_it_twice() {
        let (_, conv) = res();
        let mut stats = LineStats::from_texts(["甲", "乙", "丙"]);
        stats.learn_spam(
            [
                vec!["守正创新", "的工资", "天成竞猜客户端"],
                vec!["XQZ竞猜网页版"],
                vec!["XQZ竞猜网页版"],
            ],
            conv,
        );
        // Kept apart from the strings two documents lost; a page must say
        // one twice to mention it.
        assert_eq!(
            stats.spam_seen_once(),
            ["天成竞猜客户端", "守正创新", "的工资"].map(String::from)
        );
        assert!(!stats.mentions_known_spam("委员们守正创新深入调研。"));
        assert!(stats.mentions_known_spam("委员们守正创新深入调研，守正创新。"));
        let page = |body: &str| format!("{BODY1}\n{body}\n{BODY2}\n{BODY3}XQZ竞猜网页版");
        // A page showing spam (the source's brand) says it twice.
        let d = clean_with(
            &page("委员们守正创新深入调研，提出守正创新建议，职工的工资按时发放，的工资条也公开。"),
            Some(&stats),
        );
        assert!(!d.text.contains("守正创新"), "{}", d.text);
        // A grammatical phrase is never taken this way.
        assert!(d.text.contains("职工的工资按时发放"), "{}", d.text);
        // Said once, it stays, unless it is long.
        let d = clean_with(
            &page("委员们守正创新深入调研，对集成电路采取了天成竞猜客户端低功耗设计。"),
            Some(&stats),
        );
        assert!(d.text.contains("守正创新"), "{}", d.text);
        assert!(d.text.contains("采取了低功耗设计"), "{}", d.text);
    }

    #[test]
    fn strings_spliced_once_per_page_show_across_the_pages_of_a_source() {
        let seg = Segmenter::new();
        let conv = ScriptConverter::new();
        let cases: [(&[&str], (&str, u32)); 2] = [
            // One splice per page: no page shows it twice, but four pages
            // do, twice breaking a word (统|聚宝竞猜|计, 政|聚宝竞猜|府).
            (
                &[
                    "国家统聚宝竞猜计局今天发布数据，人民群众生活水平稳步提高。",
                    "市政聚宝竞猜府召开会议，研究部署人民群众关心的民生工作。",
                    "专家认为，今年经济增长聚宝竞猜速度符合预期，人民群众信心增强。",
                    "农业部门组织技术人员下乡，聚宝竞猜帮助人民群众解决实际问题。",
                ],
                ("聚宝竞猜", 4),
            ),
            // One `500T游戏` a page: a number needs two broken words or one
            // and the brand string again, which no page shows alone;
            // together the first page's broken `的确` and the string on the
            // others do.
            (
                &[
                    "的500T游戏确，由于利率很低，贷款几乎是唾手可得。",
                    "通过微信500T游戏从租赁公司租来八辆豪车，可租完之后没有付钱。",
                    "事后，谈起灾后500T游戏的恢复重建，人们几乎都这么说。",
                ],
                ("500t游戏", 3),
            ),
        ];
        for (texts, (spam, docs)) in cases {
            let found = Cleaner::default().source_fragments(texts, &seg, &conv);
            assert_eq!(found, vec![(spam.to_string(), docs)], "{found:?}");
            // Fewer than three pages are no evidence.
            assert!(Cleaner::default()
                .source_fragments(&texts[..2], &seg, &conv)
                .is_empty());
        }
        // A number before its unit on every page is a quantity, not a name.
        let quantities = [
            "今年全省新建500个游戏场地，方便群众健身。",
            "全市已有500个游戏场地对外开放。",
            "明年还将再建500个游戏场地。",
        ];
        assert!(Cleaner::default()
            .source_fragments(&quantities, &seg, &conv)
            .is_empty());
    }

    #[test]
    fn lines_repeated_across_documents_of_a_source_are_boilerplate() {
        let footer = "本网站由某某市融媒体中心主办 欢迎投稿";
        let docs: Vec<String> = [BODY1, BODY2, BODY3]
            .iter()
            .map(|b| format!("{b}\n{footer}"))
            .collect();
        let stats = LineStats::from_texts(docs.iter().map(String::as_str));
        assert!(stats.is_repeated(footer));
        assert!(!stats.is_repeated(BODY1));
        let d = clean_with(&docs[0], Some(&stats));
        assert_eq!(d.text, BODY1);
        assert_eq!(d.removed[0].reason, Reason::RepeatedBoilerplate);
        // Without the other documents the same line is kept: it looks like body.
        let alone = clean_with(&docs[0], None);
        assert!(alone.text.contains("欢迎投稿"));
    }

    #[test]
    fn site_names_and_taglines_above_the_headline_are_not_the_title() {
        let text = format!(
            "山城老周\n慢慢走，欣赏啊\n主页 随笔 相册 留言\n老城区改造后的第一个春天\n\
             2023-04-02 21:15 | 分类：城市漫步\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
        // A forum user name between the headline and the member panel is
        // shorter than the headline: it does not take the title.
        let text = format!(
            "江城论坛 » 城事杂谈\n老城区改造后的第一个春天\n江城阿明 发表于 2023-04-02 21:15\n\
             江城阿明\n帖子 238 精华 2 积分 1054\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
        // A title followed by a section heading keeps the first line.
        let text = format!("老城区改造后的第一个春天\n一、总体情况\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("老城区改造后的第一个春天"));
        assert!(d.text.starts_with("一、总体情况"), "{}", d.text);
        // A reposted post: the account's name, then the longer headline
        // standing on the body, with no byline between them.
        let text = format!("转发了 river88 的微博：\n江城小猫的法治日常\n老城区改造后的第一个春天\n{BODY1}\n{BODY2}");
        assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
    }

    #[test]
    fn the_headline_the_body_echoes_wins_over_a_site_row_above_it() {
        // A row of the site's channel names above the breadcrumb is as long
        // as the headline and also stands on furniture; the body repeats
        // the headline's words (`政协`, `履职`, `平台`), not the row's.
        let text = format!(
            "手机客户端 江城日报 江城晚报 江城视频 江城发布
江城新闻 > 本地 > 正文
             市政协这一年履职平台活动超过五百场
2024-01-05 08:30 来源：江城日报
{BODY1}
{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "市政协这一年履职平台活动超过五百场");
        // A user name under the headline is too short to tell by its echo,
        // whatever the body says of it.
        let text = format!(
            "江城论坛 » 城事杂谈
市政协这一年履职平台活动超过五百场
江城阿明 发表于 2023-04-02 21:15
             江城阿明
帖子 238 精华 2 积分 1054
{BODY1}
{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "市政协这一年履职平台活动超过五百场");
        // An agency's name above the headline, signed under the text
        // again: the lines holding it are not read, and the one pair it
        // shares with the body (`政协`) is no echo.
        let text = format!(
            "江城市人民政协办公室主办网站
市政协举办委员培训班
2024-01-05 08:30
             {BODY1}
{BODY2}
江城市人民政协办公室主办网站"
        );
        let d = clean_with(&text, None);
        assert_eq!(
            d.title.as_deref(),
            Some("市政协举办委员培训班"),
            "{}",
            d.text
        );
    }

    #[test]
    fn title_echo_is_the_share_of_pairs_the_body_repeats() {
        let body: HashSet<(char, char)> = han_pairs("市政协履职平台");
        // 政协, 协履 said; 这一, 一年, 年政 not; Latin and marks make no pair.
        assert_eq!(title_echo("这一年政协履", &body), 2.0 / 5.0);
        assert_eq!(title_echo("ab，c", &body), 0.0);
    }

    #[test]
    fn a_posters_tagline_above_the_posts_meta_line_is_no_title() {
        for meta in ["2012.04.18 18:55 来自 微博网页版", "📍襄阳", "#今日科技#"] {
            let text = format!("每天一点城市知识，陪你慢慢变好\n{meta}\n{BODY1}\n{BODY2}");
            let d = clean_with(&text, None);
            assert_eq!(d.title, None, "{meta}");
            assert_eq!(d.text, format!("{BODY1}\n{BODY2}"), "{meta}");
            assert!(d
                .removed
                .iter()
                .any(|r| r.text.starts_with("每天一点") && r.reason == Reason::SiteChrome));
        }
        // A headline on its byline stays the title.
        let text = format!(
            "老城区改造后的第一个春天\n2023-04-02 21:15 | 分类：城市漫步\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
    }

    #[test]
    fn a_headlines_label_and_board_prefix_are_not_the_title() {
        for (line, title) in [
            ("標題 [心情] 離職後才發現", "離職後才發現"),
            ("主题：周末去哪儿玩", "周末去哪儿玩"),
            ("Title: 周末去哪儿玩", "周末去哪儿玩"),
            ("[远安] 周末去哪儿玩 —", "周末去哪儿玩"),
            // A label alone, or a headline that only starts with the word.
            ("标题", "标题"),
            ("主题教育活动启动", "主题教育活动启动"),
        ] {
            assert_eq!(tidy_title(line), title, "{line}");
        }
    }

    #[test]
    fn an_events_organiser_named_in_a_sentence_is_no_footer() {
        // A short news item near the page's foot, where footers stand.
        for story in [
            "西九海滨长廊今明两日举行手作市集，约六十个摊档售卖饰物，主办单位表示下次将增至八十个。",
            "本届马拉松的计时系统由本地一家公司提供技术支持，成绩将在赛后两小时内公布。",
            "市场监管部门提醒，发现商家违规销售药品的，市民可拨打举报电话12315反映。",
            "法院认为，格式合同中的免责条款未作提示说明，对消费者不发生效力。",
        ] {
            let page = format!(
                "某某网\n某某网 > 即时新闻 > 港澳\n2024年10月12日 13:25\n{story}\n某某网 © 版权所有"
            );
            let d = clean_with(&page, None);
            assert_eq!(d.text, story, "{:?}", d.removed);
        }
        // With its colon the word labels a footer.
        let page = format!("{BODY1}\n{BODY2}\n主办单位：某某市人民政府\n某某网 © 版权所有");
        assert_two_paragraphs(&page);
    }

    #[test]
    fn a_full_sentence_right_on_the_body_opens_it_under_furniture() {
        let page = format!(
            "某某问答\n关注问题 写回答 邀请回答 分享\n1,203 人赞同了该回答\n说一下我自己的体会吧。\n{BODY1}\n{BODY2}"
        );
        let d = clean_with(&page, None);
        assert_eq!(
            d.text,
            format!("说一下我自己的体会吧。\n{BODY1}\n{BODY2}"),
            "{:?}",
            d.removed
        );
        // Without its full stop it is left to the furniture around it.
        let page = format!(
            "关注问题 写回答 邀请回答 分享\n1,203 人赞同了该回答\n相关推荐\n{BODY1}\n{BODY2}"
        );
        assert_two_paragraphs(&page);
    }

    #[test]
    fn a_sites_notice_between_furniture_lines_is_no_paragraph() {
        let notice = "使用某某知道APP，立即抢鲜体验。你的手机镜头里或许有别人想知道的答案。";
        let page = format!(
            "{BODY1}\n{BODY2}\n为你推荐：\n没有借条只有转账记录，起诉能赢吗？\n下载某某APP，抢鲜体验\n{notice}\n扫描二维码下载\n©2024 某某 使用前必读"
        );
        assert_two_paragraphs(&page);
        // With the article going on after it, the same sentence is left to
        // the line classifier.
        let page = format!("{BODY1}\n扫描二维码下载\n{notice}\n{BODY2}");
        let d = clean_with(&page, None);
        assert!(d.text.ends_with(BODY2), "{:?}", d.removed);
    }

    #[test]
    fn an_official_documents_signature_is_its_own_text() {
        let notice = |sign: &str| {
            format!(
                "{BODY1}\n{BODY2}\n{sign}\n相关链接\n关于开展环境整治行动的实施方案\n关于做好防汛工作的通知\n版权所有：某市人民政府"
            )
        };
        for sign in [
            "临川市人民政府办公室\n2023年6月12日\n（此件公开发布）",
            "石桥村村民委员会\n石桥村村务监督委员会\n2023年10月8日",
            "某某区人民法院\n二〇二三年八月二十八日",
        ] {
            let d = clean_with(&notice(sign), None);
            assert_eq!(d.text, format!("{BODY1}\n{BODY2}\n{sign}"), "{sign}");
        }
        // A list's last headline over a date is no signature; nor is a name
        // with no date under it.
        for tail in [
            "关于开展环境整治行动的实施方案\n2023年6月12日\n关于做好防汛工作的通知",
            "临川市人民政府办公室\n关于做好防汛工作的通知\n关于开展环境整治行动的实施方案",
        ] {
            let d = clean_with(&format!("{BODY1}\n{BODY2}\n{tail}"), None);
            assert_eq!(d.text, format!("{BODY1}\n{BODY2}"), "{tail}");
        }
        for (line, date) in [
            ("2023年6月12日", true),
            ("2023-06-12", true),
            ("二〇二三年八月二十八日", true),
            ("2023年6月12日上午", false),
            ("六月", false),
        ] {
            assert_eq!(is_date_only(line), date, "{line}");
        }
    }

    #[test]
    fn a_bracketed_picture_caption_and_a_bare_placeholder_go() {
        for line in ["（图：雨后的月牙泉）", "(图/雨后的月牙泉)", "图片"] {
            let text = format!("{BODY1}\n{line}\n{BODY2}");
            let d = clean_with(&text, None);
            assert_eq!(d.text, format!("{BODY1}\n{BODY2}"), "{line}");
            assert!(
                d.removed
                    .iter()
                    .any(|r| (r.text.contains("月牙泉") || r.text == line)
                        && r.reason == Reason::Caption),
                "{line}: {:?}",
                d.removed
            );
        }
    }

    #[test]
    fn a_headline_with_no_end_mark_on_its_date_line_is_the_title() {
        let headline = "【台北大安】巷弄里的老派咖啡馆，手冲豆子每周更换，适合一个人发呆的好地方";
        let page = format!(
            "某某的美食日记\n跟着小猫一起吃遍台北大街小巷\n首页 | 台北美食 | 旅游 | 关于我\n{headline}\nOct 07 Sat 2023 15:20\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(
            &page,
            "巷弄里的老派咖啡馆，手冲豆子每周更换，适合一个人发呆的好地方",
        );
        // A first paragraph with no end mark over a caption stays text.
        let page = format!(
            "{BODY1}\n市政协常委会议现场，委员们围绕议题展开讨论，气氛热烈\n▲图为会议现场\n{BODY2}"
        );
        let d = clean_with(&page, None);
        assert!(d.text.contains("气氛热烈"), "{:?}", d.removed);
    }

    #[test]
    fn an_anonymous_posters_name_is_furniture_under_the_question() {
        let page = format!(
            "某某知识+\n首页 > 所有分类 > 家居 > 维修\n租屋处冷气漏水，应该是房东还是房客负责修理？\n匿名用户\n7 年前\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&page, "租屋处冷气漏水，应该是房东还是房客负责修理？");
    }

    #[test]
    fn a_group_posts_poster_line_is_no_title() {
        let page = format!(
            "某某小组 > 租房那些事\n记录一下我和前房东的押金拉锯战，希望能帮到后来的人\n来自： 橘子味的汽水（一只慢吞吞的北漂）\n2023-07-19 22:41:07 已编辑 北京\n{BODY1}\n{BODY2}"
        );
        let d = assert_title_and_two_paragraphs(
            &page,
            "记录一下我和前房东的押金拉锯战，希望能帮到后来的人",
        );
        assert_eq!(d.metadata.author.as_deref(), Some("橘子味的汽水"));
        assert_eq!(d.metadata.editor, None);
    }

    #[test]
    fn a_profile_block_closed_by_a_follow_button_is_no_title() {
        // Name, tagline, follow button: the name is the poster's.
        let text =
            format!("周末写代码的鱼\n独立开发者 · 做了个记账小工具\n+ 关注TA\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        assert_eq!(d.metadata.author.as_deref(), Some("周末写代码的鱼"));
        // A headline over a name and its button stays the title: a name
        // is shorter than it.
        let text = format!("我的记账心得\n陈小树\n关注他\n{BODY1}\n{BODY2}");
        assert_title_and_two_paragraphs(&text, "我的记账心得");
        // A question's follow button stands under its headline.
        let text =
            format!("工作五年后辞职考研，是一种什么体验？\n关注问题  写回答\n{BODY1}\n{BODY2}");
        assert_title_and_two_paragraphs(&text, "工作五年后辞职考研，是一种什么体验？");
    }

    #[test]
    fn a_how_tos_numbered_steps_are_its_own() {
        let page = "洗衣机滚筒怎么清洗\n墨色小屋 | 浏览：28362 | 更新：2023-10-11 14:20\n\
            洗衣机用久了，滚筒内壁会积累洗涤剂残留和污垢，产生异味。下面介绍一种简单的清洁方法。\n\
            1\n先清理门封圈的褶皱处，用抹布把里面的头发、绒毛和水渍擦干净。\n\
            2\n拆下洗涤剂盒，用温水冲洗后晾干。\n\
            3\n滚筒内加入清洁剂或一碗白醋，选择高温洗程序，空转一遍。\n\
            ©2024 某某经验 使用前必读";
        let d = clean_with(page, None);
        assert!(
            d.text.contains("1\n先清理") && d.text.contains("3\n滚筒内"),
            "{}",
            d.text
        );
        // Numbers that do not count up from one (members' levels) stay
        // furniture.
        let levels = format!("{BODY1}\n江南小笼包啊\n13\n{BODY2}\n兰州本地土著\n11\n{BODY1}");
        let d = clean_with(&levels, None);
        assert!(
            !d.text.lines().any(|l| l == "13" || l == "11"),
            "{}",
            d.text
        );
    }

    #[test]
    fn a_thread_headline_printed_with_its_buttons_is_the_title() {
        // Discuz prints the thread's headline with its link button; the
        // site's name above it is no headline.
        for crumb in ["首页 › 生活杂谈 › 冬天的小镇\n", "首页 › 生活杂谈\n", ""]
        {
            let text = format!(
                "某某论坛 - 生活杂谈\n{crumb}查看: 2103 | 回复: 12\n冬天的小镇 [复制链接]\n小舟林\n发表于 2023-12-02 10:11 | 只看该作者\n{BODY1}\n{BODY2}"
            );
            assert_title_and_two_paragraphs(&text, "冬天的小镇");
        }
        // A furniture line whose own words are furniture keeps no headline.
        let l = |text: &str| Line {
            number: 1,
            text: text.to_string(),
            simple: text.to_string(),
            f: features(text, text, &Lexicons::builtin()),
            class: Some(LineClass::Boilerplate(Reason::ForumChrome)),
            rule: None,
        };
        assert_eq!(
            headline_before_buttons(&l("冬天的小镇 [复制链接]")),
            Some("冬天的小镇")
        );
        assert_eq!(
            headline_before_buttons(&l("发表于 2023-12-02 [只看该作者]")),
            None
        );
        assert_eq!(headline_before_buttons(&l("热门 [更多]")), None);
        // A forum's tag before the headline goes with the buttons.
        assert_eq!(
            headline_before_buttons(&l("[分享] 周末带娃去哪儿？分享几个好去处 [复制链接]")),
            Some("周末带娃去哪儿？分享几个好去处")
        );
    }

    #[test]
    fn a_day_line_is_no_headline_and_a_tools_headline_is_one() {
        let text = format!(
            "某某晚报数字报\n2023年05月12日 星期五\n首页 | 往期回顾 | 版面导航\n\
             菜市场里的共享秤\n本报记者 马骁\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "菜市场里的共享秤");
        assert!(mostly_date("2023年05月12日 星期五"));
        assert!(!mostly_date("2023年城市更新十大案例"));
        let text = format!(
            "记录一点点\nGit 撤销操作速查：reset、revert 与 restore 的区别\n\
             Posted on 2021-02-17 | In 工具 | Views: 1,024\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "Git 撤销操作速查：reset、revert 与 restore 的区别");
    }

    #[test]
    fn a_headline_wins_over_the_account_or_topics_between_it_and_its_furniture() {
        // A self-media account's name between the headline and its date
        // line gives way to the headline; a Q&A question over its topic row
        // and buttons is the title. Each page's poster is read too.
        let pages = [
            (
                "搜狐 首页 新闻 体育 汽车 房产 旅游 教育 时尚 科技 财经 娱乐 更多\n登录\n\
                 带爸妈出游，这些高铁乘车细节要提前知道\n旅途慢慢说\n2023-09-28 08:15 发布于：北京市",
                "带爸妈出游，这些高铁乘车细节要提前知道",
                "旅途慢慢说",
            ),
            (
                "知乎\n首页 会员 发现 等你来答\n搜索 提问 登录/注册\n\
                 为什么很多人买了空气炸锅最后都闲置了？\n厨房 小家电 空气炸锅\n关注问题 写回答\n\
                 查看全部 1,286 个回答\n吃饭是件大事\n美食博主｜偶尔做饭偶尔点外卖\n1,024 人赞同了该回答",
                "为什么很多人买了空气炸锅最后都闲置了？",
                "吃饭是件大事",
            ),
        ];
        // A headline that says a menu's words inside a clause.
        let review = format!(
            "豆瓣电影\n影讯&购票 选电影 电视剧 排行榜 影评\n一部关于等待的电影，也关于我们自己\n\
             半糖主义 评论 远山的灯 4星 2023-02-14 23:05:12 上海\n这篇影评可能有剧透\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&review, "一部关于等待的电影，也关于我们自己");
        for (head, title, poster) in pages {
            let d = assert_title_and_two_paragraphs(&format!("{head}\n{BODY1}\n{BODY2}"), title);
            assert_eq!(d.metadata.author.as_deref(), Some(poster), "{title}");
        }
    }

    #[test]
    fn a_posts_day_and_place_under_its_tags_dates_it() {
        let text = format!(
            "小红书\n发现 发布 通知\n登录\n奶茶不加糖\n关注\n租房党必看｜500块改造出租屋卧室\n\
             {BODY1}\n{BODY2}\n#出租屋改造 #租房好物 #卧室改造\n2023-04-09 浙江\n共 86 条评论\n\
             蓝莓酱 04-10 上海\n灯是哪家买的呀，求链接"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.metadata.date.as_deref(), Some("2023-04-09"));
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
    }

    #[test]
    fn a_title_drops_a_row_of_buttons_but_keeps_its_own_tag() {
        assert_eq!(
            tidy_title("公司举办年度员工趣味运动会 [ 打印 ] [ 关闭 ]"),
            "公司举办年度员工趣味运动会"
        );
        assert_eq!(
            tidy_title("春日赏花指南【收藏】【打印】【关闭】"),
            "春日赏花指南"
        );
        assert_eq!(tidy_title("春日赏花指南 [组图]"), "春日赏花指南 [组图]");
    }

    #[test]
    fn a_title_drops_its_sections_trail() {
        assert_eq!(
            tidy_title("网事杂谈 > 上班通勤一小时，大家都是怎么打发时间的？"),
            "上班通勤一小时，大家都是怎么打发时间的？"
        );
        // A short last step is a section, and a title with no trail keeps its
        // spaces.
        assert_eq!(tidy_title("新闻中心 > 公司新闻"), "新闻中心 > 公司新闻");
        assert_eq!(
            tidy_title("好鄰居超市會員日 生鮮第二件六折"),
            "好鄰居超市會員日 生鮮第二件六折"
        );
    }

    #[test]
    fn a_headline_that_asks_or_exclaims_is_the_title_on_its_byline() {
        // The ASCII mark after Han text comes out full-width.
        for (headline, title) in [
            ("买处方药像买菜谁给的方便？", "买处方药像买菜谁给的方便？"),
            (
                "周鸿祎见董明珠：联手对抗敌人?",
                "周鸿祎见董明珠：联手对抗敌人？",
            ),
            (
                "年终成绩单：半数房企未达标！",
                "年终成绩单：半数房企未达标！",
            ),
        ] {
            let text =
                format!("首页 > 财经 > 正文\n{headline}\n作者：刘宇  2017/5/6\n{BODY1}\n{BODY2}");
            assert_title_and_two_paragraphs(&text, title);
            // A forum thread's, on its post header.
            let text = format!(
                "查看: 8272|回复: 27\n{headline}\n楼主 sunny185 发表于 2016.04.22 22:25\n{BODY1}\n{BODY2}"
            );
            assert_title_and_two_paragraphs(&text, title);
        }
        // A question opening the body, with no furniture under it, stays.
        let text = format!("首页 > 财经 > 正文\n飞地园区飞跃发展，靠的是什么？\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert!(
            d.text.starts_with("飞地园区飞跃发展，靠的是什么？"),
            "{:?}",
            d.title
        );
    }

    #[test]
    fn the_publication_date_is_the_posts_not_a_members_or_a_replys() {
        // A Discuz thread: the poster's panel (check-in and join dates)
        // above the post header, replies and the forum's clock after the
        // post.
        let text = format!(
            "远安论坛\n• 最近打卡：2025-12-21 16:04:15\n注册时间 2019-03-13\n\
             雪莲 发表于 2021-1-13 09:17 | 显示全部楼层\n{BODY1}\n{BODY2}\n\
             壮志未酬 发表于 2021-1-13 13:34 | 显示全部楼层\n回复\nGMT+8, 2025-12-22 16:20"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.metadata.date.as_deref(), Some("2021-01-13 09:17"));
        let date_of = |page: String| clean_with(&page, None).metadata.date;
        let day = |d: &str| Some(d.to_string());
        // An edit stamp stands in when the page shows nothing better; a
        // reply's date after the body never does.
        assert_eq!(
            date_of(format!(
                "本帖最后由 阿飞 于 2019/1/21 13:49 编辑\n{BODY1}\n{BODY2}"
            )),
            day("2019-01-21 13:49")
        );
        assert_eq!(
            date_of(format!("{BODY1}\n{BODY2}\n#43楼 老李 2024.04.15 20:05")),
            None
        );
        // A Q&A answer's edit stamp under its text is its only date; a
        // thread's last reply, however worded, is never the page's.
        assert_eq!(
            date_of(format!(
                "{BODY1}\n{BODY2}\n编辑于 2024-02-11 14:23・IP 属地广东"
            )),
            day("2024-02-11 14:23")
        );
        assert_eq!(
            date_of(format!("{BODY1}\n{BODY2}\n最后回复：2024-02-12 09:00")),
            None
        );
        // Tieba prints the first post's floor and date under its text.
        assert_eq!(
            date_of(format!(
                "{BODY1}\n{BODY2}\n来自Android客户端1楼2023-05-18 07:56\n回复"
            )),
            day("2023-05-18 07:56")
        );
        // Typeset dates, a space on each side of 年 月 日.
        assert_eq!(
            date_of(format!(
                "2023 年 02 月 10 日 · 随笔 · 阅读 1,024\n{BODY1}\n{BODY2}"
            )),
            day("2023-02-10")
        );
        // A government page's meta line, removed as site chrome, dates it.
        assert_eq!(
            date_of(format!(
                "发布时间：2012年09月22日　阅读次数：3324\n{BODY1}\n{BODY2}"
            )),
            day("2012-09-22")
        );
    }

    #[test]
    fn clause_ends_and_section_numbers_are_read_from_the_line() {
        for line in [
            "门打了开来。",
            "门打了开来.",
            "不论内容如何﹐",
            "他缓缓转身道︰",
            "他说:",
        ] {
            assert!(ends_clause(line), "{line}");
        }
        for line in ["老城区改造后的第一个春天", "Vol.", "谁来管？", "版本 2.0"] {
            assert!(!ends_clause(line), "{line}");
        }
        for line in [
            "一、总体情况",
            "（二）主要做法",
            "3. 下一步",
            "第四章 结语",
            "十二、附则",
        ] {
            assert!(lines::starts_enumerated(line), "{line}");
        }
        for line in [
            "一当被告：法院中止审理",
            "三阳镇地处大洪山南麓",
            "2023年工作总结",
            "第一次出远门",
        ] {
            assert!(!lines::starts_enumerated(line), "{line}");
        }
    }

    #[test]
    fn short_lines_above_the_headline_go_but_sentences_there_stay() {
        // A handle and a motto above the headline are not candidates for
        // the title (no Han text, a dash), yet they are the site's.
        let text = format!(
            "river_walker88\n—— 在江城写字的人\n老城区改造后的第一个春天\n\
             2023-04-02 21:15 | 分类：城市漫步\n{BODY1}\n{BODY2}"
        );
        let d = assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
        let rules = removal_rules(&d);
        assert_eq!(
            rules
                .iter()
                .filter(|r| **r == "short line above the title")
                .count(),
            2,
            "{rules:?}"
        );
        // In a story of short lines a line without a full stop can pass for
        // a headline; the sentences above it are still text.
        let text = format!("門打了開來。\n他沒有回答\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("他沒有回答"));
        assert!(d.text.starts_with("門打了開來。\n"), "{}", d.text);
    }

    #[test]
    fn short_sentences_after_a_caption_inside_the_article_stay() {
        let text = format!(
            "{BODY1}\n（图片来源：某某市融媒体中心）\n委员们随后察看了三个社区的改造现场。\n\
             大家对下一步工作提出了具体建议。\n相关新闻\n某地举办春季招聘会 提供岗位千余个\n高速公路清明出行指引发布"
        );
        let d = clean_with(&text, None);
        assert_eq!(
            d.text,
            format!(
                "{BODY1}\n委员们随后察看了三个社区的改造现场。\n大家对下一步工作提出了具体建议。"
            )
        );
    }

    #[test]
    fn signals_describe_the_document() {
        let text = format!("首页 > 新闻\n{BODY1}\n{BODY2}\n坚持以***新时代思想为指导，建立学*制度，推进学习常态化。");
        let d = clean_with(&text, None);
        let s = &d.signals;
        assert_eq!(s.lines_in, 4);
        assert_eq!(s.lines_removed, 1);
        assert_eq!(s.censored_runs, 2);
        assert!(s.han_share > 0.8 && s.han_share <= 1.0);
        assert!(s.boilerplate_share > 0.0 && s.boilerplate_share < 0.1);
        assert_eq!(s.chars_out, d.text.chars().count() as u64);
    }

    #[test]
    fn name_and_place_lines_above_a_post_go_by_position() {
        // A post with no headline: a handle and a location pin above it
        // are not promoted to title, and the post's text stays whole.
        let text = format!("@江城阿明\n📍杭州·西湖\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let removed: Vec<(&str, Reason)> = d
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect();
        assert_eq!(
            removed,
            [
                ("@江城阿明", Reason::SiteChrome),
                ("📍杭州·西湖", Reason::SiteChrome)
            ]
        );
        // A one-line post under its author's handle stays.
        let d = clean_with("leo1357\n今天终于看到了西湖的日出，太美了！", None);
        assert_eq!(d.text, "今天终于看到了西湖的日出，太美了！");
        // The same shapes between paragraphs are the article's own.
        let text = format!("{BODY1}\n旅行｜成都\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.text, text);
    }

    #[test]
    fn an_account_name_on_its_byline_gives_way_to_the_headline_on_the_body() {
        let text = format!("江城生活圈\n作者丨王建\n老城区改造后的第一个春天\n{BODY1}\n{BODY2}");
        assert_title_and_two_paragraphs(&text, "老城区改造后的第一个春天");
        // So does a tagline with a comma, when the line on the body is the
        // longer one.
        let text = format!(
            "每天读点书，陪你变好\n作者丨王建\n老城区改造后迎来的第一个热闹春天\n{BODY1}\n{BODY2}"
        );
        assert_title_and_two_paragraphs(&text, "老城区改造后迎来的第一个热闹春天");
        // A headline-sized title on its byline keeps the title; the short
        // heading leading into the body stays text.
        let text = format!("老城区改造后的第一个春天\n作者丨王建\n一、总体情况\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("老城区改造后的第一个春天"));
        assert!(d.text.starts_with("一、总体情况\n"), "{}", d.text);
    }

    #[test]
    fn paired_headlines_set_apart_by_a_space_stay_titles() {
        let d = clean_with(&format!("党旗领航 履职增效\n{BODY1}\n{BODY2}"), None);
        assert_eq!(d.title.as_deref(), Some("党旗领航 履职增效"));
        // An account's name on its post's pin line goes with it; a short
        // headline on a byline stays.
        let text = format!("江城生活圈\n📍杭州·西湖\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let text = format!("春日西湖行\n作者：王建\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("春日西湖行"));
        // Under a subtitle even a tag-shaped line is a headline.
        let text = format!("春日 杭州\n——记一次西湖边的早市\n{BODY1}\n{BODY2}");
        assert_title_and_two_paragraphs(&text, "春日 杭州——记一次西湖边的早市");
    }

    #[test]
    fn a_sign_off_after_the_article_starts_the_footer_but_not_inside_it() {
        // After the last paragraph, the sign-off and the account's lines
        // under it go, a closing question and all.
        let text = format!(
            "{BODY1}\n{BODY2}\n今天的分享就到这里，我们下期再见！\n江城生活圈\n你最喜欢哪一条？"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let rules = removal_rules(&d);
        assert_eq!(rules, ["from the sign-off after the article"; 3]);
        // Between paragraphs the same words are the story's.
        let text = format!("{BODY1}\n主持人说：今天的节目就到这里。\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.text, text);
        // A commenter's name line after the article starts the footer; the
        // same line between paragraphs is text.
        let text = format!("{BODY1}\n{BODY2}\n深夜阿飞　杭州\n说得太好了！\n写得真不错。");
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        let rules = removal_rules(&d);
        assert_eq!(rules, ["from a name line after the article"; 3]);
        let text = format!("{BODY1}\n深夜阿飞 杭州\n{BODY2}");
        assert_eq!(clean_with(&text, None).text, text);
        // A one-line post that is a sign-off has no article to close.
        let d = clean_with("今天的分享就到这里，我们下期再见！", None);
        assert_eq!(d.text, "今天的分享就到这里，我们下期再见！");
    }

    #[test]
    fn readers_comments_after_a_comments_header_go_with_the_footer() {
        // Comments are written in sentences as the article is: after the
        // header that names them, they are the footer's, not more paragraphs.
        let comment = "我家也是这样做的，汤一直很清，味道也好。";
        let text = format!("{BODY1}\n{BODY2}\n阅读原文\n留言 58\n阿杏\n{comment}");
        let d = clean_with(&text, None);
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
        assert!(
            d.removed.iter().any(|r| r.text == comment),
            "{:?}",
            d.removed
        );
        // An answer's comment button does not open a comments section: a
        // second answer after it is text (a Q&A page).
        let text = format!("{BODY1}\n赞 7 | 评论 | 赞赏\n{BODY2}");
        assert_eq!(clean_with(&text, None).text, format!("{BODY1}\n{BODY2}"));
    }

    #[test]
    fn a_closing_call_to_follow_or_share_starts_the_footer_after_the_article() {
        for call in [
            "更多精彩内容，请关注我们的公众号。",
            "你怎么看？欢迎在留言区告诉我们。",
            "如果你也喜欢这里，记得把这篇文章分享给身边的朋友哦~",
            "欢迎关注、点赞、转发，你的支持是我们最大的动力！",
        ] {
            let text = format!("{BODY1}\n{BODY2}\n{call}\n江城生活圈");
            let d = clean_with(&text, None);
            assert_eq!(d.text, format!("{BODY1}\n{BODY2}"), "{call}");
            assert_eq!(
                removal_rules(&d),
                ["from the sign-off after the article"; 2],
                "{call}"
            );
            // Between paragraphs the same words are the story's.
            let text = format!("{BODY1}\n{call}\n{BODY2}");
            assert_eq!(clean_with(&text, None).text, text, "{call}");
        }
        // A closing line of news with a request but nothing of the account
        // or its screen stays.
        let text = format!("{BODY1}\n{BODY2}\n活动将持续到月底，欢迎市民前往参观。");
        assert_eq!(clean_with(&text, None).text, text);
        // One verb read twice (`分享` inside `分享给`) is one verb: a request
        // to share with someone named is the story's.
        let text = format!("{BODY1}\n{BODY2}\n他请我把照片分享给远方的家人。");
        assert_eq!(clean_with(&text, None).text, text);
    }

    #[test]
    fn a_short_sentence_under_the_title_opens_the_body() {
        // A tagline above, a tag line between it and the headline, and a
        // short sentence under the headline: the sentence is the body's first.
        let text = format!(
            "每天一点历史，陪你读懂过去\n标签：历史 洛阳\n老城墙下的最后一家铁匠铺\n我决定再去一次。\n{BODY1}\n{BODY2}"
        );
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("老城墙下的最后一家铁匠铺"));
        assert_eq!(d.text, format!("我决定再去一次。\n{BODY1}\n{BODY2}"));
        // A short sentence among the furniture above the headline still goes.
        let text =
            format!("标签：历史 洛阳\n点此阅读。\n老城墙下的最后一家铁匠铺\n{BODY1}\n{BODY2}");
        let d = clean_with(&text, None);
        assert_eq!(d.title.as_deref(), Some("老城墙下的最后一家铁匠铺"));
        assert_eq!(d.text, format!("{BODY1}\n{BODY2}"));
    }

    #[test]
    fn a_post_written_in_short_lines_is_kept_on_a_page_with_no_paragraph() {
        // No line is long enough or closed by a full stop to anchor the
        // body; the author and date above it used to take every line.
        let text = "晴天°\n2019年6月9日 17:32\n最后一门英语交卷的时候\n我没有回头看那个考场\n\
                    走出校门\n看到我妈站在对面树底下\n什么也没问\n就这样结束了\n\
                    浏览(1024)\n赞(89)  评论(23)  转发";
        let d = clean_with(text, None);
        assert_eq!(
            d.text,
            "最后一门英语交卷的时候\n我没有回头看那个考场\n走出校门\n看到我妈站在对面树底下\n什么也没问\n就这样结束了"
        );
        // A sign-off after such a post is the account's.
        let signed = "晴天°\n2019年6月9日 17:32\n我没有回头看那个考场\n走出校门\n\
                      看到我妈站在对面树底下\n以上就是今天的全部内容啦~\n关注我们的公众号";
        let d = clean_with(signed, None);
        assert_eq!(
            d.text,
            "我没有回头看那个考场\n走出校门\n看到我妈站在对面树底下"
        );
        // Short lines that do not talk (a sidebar of channel names) are no
        // post.
        let menu = "晴天°\n2019年6月9日 17:32\n国内新闻\n国际新闻\n体育频道\n财经频道";
        assert_eq!(clean_with(menu, None).text, "");
    }

    #[test]
    fn a_talking_block_ends_a_post_without_paragraphs_but_not_an_article() {
        // A microblog post in unpunctuated lines: its last lines talk.
        let post = "tw.leafy_\n14 小時\n台北今天這場雨真的太誇張\n\
                    公車站牌前面的水淹到腳踝，一位阿嬤直接脫鞋拎在手上走過去，超帥\n\
                    後來公車遲到二十五分鐘，大家只好站在雨裡等\n全車都笑了\n我覺得是有點可愛的一天啦\n\
                    ♡ 2,418   💬 136";
        let d = clean_with(post, None);
        assert!(
            d.text.ends_with("全車都笑了\n我覺得是有點可愛的一天啦"),
            "{}",
            d.text
        );
        // A numbered line makes the block a list of other posts.
        let listed = post.replace("全車都笑了", "24、全車都笑了");
        let d = clean_with(&listed, None);
        assert!(!d.text.contains("全車都笑了"), "{}", d.text);
        // After an article's paragraphs, a talking block is its readers'.
        let article = "台北今天這場雨真的太誇張，公車站牌前面的水淹到腳踝，一位阿嬤直接脫鞋拎在手上走過去。\n\
                       後來公車遲到二十五分鐘，大家只好站在雨裡等，司機說前面路口積水太深。\n\
                       看哭了我\n你也太可愛了吧\n我也想去啊";
        let d = clean_with(article, None);
        assert!(!d.text.contains("我也想去啊"), "{}", d.text);
    }
}
