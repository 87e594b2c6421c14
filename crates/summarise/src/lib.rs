//! Extractive summaries and keywords.
//!
//! Summaries: the clean text is split into sentences ([`sentences::split`]),
//! each sentence is segmented into content terms, and a TextRank graph over
//! the sentences, weighted by BM25 similarity, gives each a centrality.
//! Centrality is scaled by priors (position, length, similarity to the
//! title) that adapt to the input: the lead prior holds in documents of a
//! few sentences and the closing prior in long ones, and the length prior
//! weakens as the sentence budget shrinks. Sentences are chosen greedily, each candidate discounted by the
//! share of its content the chosen ones already cover, until the sentence or
//! character budget is spent. The summary lists them in document order.
//!
//! Keywords: see [`keywords`].
//!
//! When the segmentation stage left a Simplified analysis view of the text
//! (`Document::analysis`), ranking runs on the view and every sentence and
//! keyword is mapped back to the characters of `Document::text`, so what is
//! returned is always a substring of the text.

mod graph;
mod hash;
mod idf;
pub mod keywords;
mod lexicon;
pub mod rank;
pub mod rouge;
pub mod sentences;

use std::collections::HashSet;

use hash::{FastMap, FastSet};

use keywords::{KeywordExtractor, TFIDF_SHARE};
pub use rank::SentenceInput;
use rank::Work;
pub use rank::{Budget, RankParams};
use taojin_core::{AnalysisView, Config, Document, Keyword};
use taojin_segment::Segmenter;

/// Loads the IDF table and stopwords once; share it across threads.
pub struct Summariser {
    keywords: KeywordExtractor,
    stopwords: FastSet<String>,
    params: RankParams,
}

impl Default for Summariser {
    fn default() -> Self {
        Self::new()
    }
}

/// A document split into sentences and segmented, ready for ranking.
#[derive(Debug, Clone)]
pub struct PreparedDoc {
    text: String,
    spans: Vec<Span>,
    inputs: Vec<SentenceInput>,
    title_terms: Vec<String>,
}

impl PreparedDoc {
    /// Number of sentences found.
    pub fn sentence_count(&self) -> usize {
        self.spans.len()
    }

    /// The text of every sentence, in order.
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.spans
            .iter()
            .map(|sp| self.text.get(sp.original.0..sp.original.1).unwrap_or(""))
            .collect()
    }

    /// What ranking sees of every sentence, in order.
    pub fn inputs(&self) -> &[SentenceInput] {
        &self.inputs
    }

    /// The first `n` sentences (the Lead-n baseline).
    pub fn lead(&self, n: usize) -> Vec<String> {
        self.spans
            .iter()
            .take(n)
            .filter_map(|sp| self.text.get(sp.original.0..sp.original.1))
            .map(str::to_string)
            .collect()
    }

    /// The ranking score of every sentence (title prior included) under
    /// `params` for a budget of `budget_sentences`, in order.
    pub fn scores(&self, params: &RankParams, budget_sentences: usize) -> Vec<f64> {
        rank::score(
            &self.inputs,
            &self.title_terms,
            params,
            budget_sentences,
            &mut Work::default(),
        )
    }

    /// The summary under `params` within `budget`.
    pub fn summary(&self, params: &RankParams, budget: Budget) -> Vec<String> {
        self.summary_with_work(params, budget).0
    }

    fn summary_with_work(&self, params: &RankParams, budget: Budget) -> (Vec<String>, Work) {
        let mut work = Work::default();
        let chosen = rank::select(&self.inputs, &self.title_terms, params, budget, &mut work);
        let text = self.text.as_str();
        let mut out: Vec<String> = chosen
            .into_iter()
            .filter_map(|i| self.spans.get(i))
            .filter_map(|sp| text.get(sp.original.0..sp.original.1))
            .map(str::to_string)
            .collect();
        if out.is_empty() && budget.sentences > 0 {
            // Every sentence is longer than the character budget: give the
            // best one cut back to the budget at a clause boundary.
            if let Some(limit) = budget.chars.filter(|&l| l > 0) {
                let mut scratch = Work::default();
                let scores = rank::score(
                    &self.inputs,
                    &self.title_terms,
                    params,
                    budget.sentences,
                    &mut scratch,
                );
                let best = scores
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
                    .map(|(i, _)| i);
                if let Some(sp) = best.and_then(|i| self.spans.get(i)) {
                    let sentence = text.get(sp.original.0..sp.original.1).unwrap_or("");
                    let cut = cut_at_clause(sentence, limit);
                    if !cut.is_empty() {
                        out.push(cut.to_string());
                    }
                }
            }
        }
        (out, work)
    }
}

/// A sentence of the text: its byte range in the original text and its
/// byte range in the analysis text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    original: (usize, usize),
    view: (usize, usize),
}

/// The text ranking runs on, with the way back to the original.
struct Analysis<'a> {
    original: &'a str,
    text: &'a str,
    view: Option<&'a AnalysisView>,
    /// Byte offset of every char of `original`, plus its length at the end.
    original_bytes: Vec<usize>,
}

impl<'a> Analysis<'a> {
    fn new(doc: &'a Document) -> Self {
        // A view that does not describe this text (stale or malformed) is
        // ignored rather than trusted.
        let view = doc.analysis.as_ref().filter(|v| {
            v.original_len == doc.text.chars().count()
                && v.to_original.len() == v.text.chars().count()
        });
        let text = view.map(|v| v.text.as_str()).unwrap_or(doc.text.as_str());
        let original_bytes = doc
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(doc.text.len()))
            .collect();
        Analysis {
            original: &doc.text,
            text,
            view,
            original_bytes,
        }
    }

    /// Maps a char range of the analysis text to a byte range of the
    /// original, trimmed of whitespace; None when it maps to nothing.
    fn to_original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let (s, e) = match self.view {
            Some(v) => v.map_range(start, end),
            None => (start, end),
        };
        let bs = *self.original_bytes.get(s)?;
        let be = *self.original_bytes.get(e)?;
        let slice = self.original.get(bs..be)?;
        let lead = slice.len() - slice.trim_start().len();
        let trimmed = slice.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some((bs + lead, bs + lead + trimmed.len()))
    }

    fn sentences(&self) -> Vec<Span> {
        let ranges = sentences::split(self.text);
        // Byte → char offsets of the analysis text, walked once in order.
        let mut spans = Vec::with_capacity(ranges.len());
        let mut chars = self.text.char_indices().enumerate().peekable();
        let mut char_of = |byte: usize| -> usize {
            let mut last = 0usize;
            while let Some(&(ci, (bi, _))) = chars.peek() {
                if bi >= byte {
                    return ci;
                }
                last = ci + 1;
                chars.next();
            }
            last
        };
        for (bs, be) in ranges {
            let cs = char_of(bs);
            let ce = char_of(be);
            if let Some(original) = self.to_original(cs, ce) {
                spans.push(Span {
                    original,
                    view: (bs, be),
                });
            }
        }
        spans
    }
}

impl Summariser {
    pub fn new() -> Self {
        Self::with_params(RankParams::default())
    }

    /// A summariser with other ranking parameters (for evaluation).
    pub fn with_params(params: RankParams) -> Self {
        let stopwords = lexicon::stopwords();
        Summariser {
            keywords: KeywordExtractor::new(stopwords.clone()),
            stopwords: stopwords.into_iter().collect(),
            params,
        }
    }

    pub fn params(&self) -> &RankParams {
        &self.params
    }

    /// Content terms of a piece of analysis text: stopwords, punctuation and
    /// whitespace dropped, Latin letters lower-cased.
    fn terms(&self, seg: &Segmenter, text: &str) -> Vec<String> {
        seg.cut(text)
            .into_iter()
            .filter(|w| lexicon::has_content(w) && !self.stopwords.contains(w.as_str()))
            .map(|w| {
                if w.is_ascii() {
                    w.to_ascii_lowercase()
                } else {
                    w
                }
            })
            .collect()
    }

    /// The summary sentences of `doc` (substrings of `doc.text`, in
    /// document order) within the budget.
    pub fn summarise(&self, doc: &Document, budget: Budget, seg: &Segmenter) -> Vec<String> {
        self.summarise_with_work(doc, budget, seg).0
    }

    /// Splits and segments `doc` once, so that many parameter settings can
    /// be tried on it (see [`PreparedDoc::summary`]).
    pub fn prepare(&self, doc: &Document, seg: &Segmenter) -> PreparedDoc {
        let analysis = Analysis::new(doc);
        let tfidf = self.keywords.tfidf_scores(seg.jieba(), analysis.text);
        self.prepare_with(doc, &analysis, &tfidf, seg)
    }

    /// [`Self::prepare`] with the analysis text and its TF-IDF scores
    /// already worked out, so that [`Self::apply`] does both once for the
    /// summary and the keywords.
    fn prepare_with(
        &self,
        doc: &Document,
        analysis: &Analysis<'_>,
        tfidf: &FastMap<String, f64>,
        seg: &Segmenter,
    ) -> PreparedDoc {
        let spans = analysis.sentences();
        let inputs: Vec<SentenceInput> = spans
            .iter()
            .enumerate()
            .map(|(n, sp)| {
                let view_text = analysis.text.get(sp.view.0..sp.view.1).unwrap_or("");
                let original = doc.text.get(sp.original.0..sp.original.1).unwrap_or("");
                let terms = self.terms(seg, view_text);
                let distinct: HashSet<&str> = terms.iter().map(String::as_str).collect();
                let salience = distinct.iter().filter_map(|t| tfidf.get(*t)).sum();
                let weights = terms
                    .iter()
                    .map(|t| tfidf.get(t.as_str()).copied().unwrap_or(0.0))
                    .collect();
                SentenceInput {
                    terms,
                    weights,
                    chars: original.chars().count(),
                    salience,
                    clause_breaks: sentences::clause_breaks(original),
                    headline: n == 0 && sentences::is_bracketed_title(view_text),
                }
            })
            .collect();
        // Without a title line, a bracketed headline opening the text
        // (`【…】`, split off as the first sentence) is the title.
        let title_terms = match doc.title.as_deref() {
            Some(t) => self.terms(seg, t),
            None => spans
                .first()
                .filter(|sp| {
                    analysis
                        .text
                        .get(sp.view.0..sp.view.1)
                        .is_some_and(sentences::is_bracketed_title)
                })
                .and_then(|_| inputs.first())
                .map(|i| i.terms.clone())
                .unwrap_or_default(),
        };
        PreparedDoc {
            text: doc.text.clone(),
            spans,
            inputs,
            title_terms,
        }
    }

    fn summarise_with_work(
        &self,
        doc: &Document,
        budget: Budget,
        seg: &Segmenter,
    ) -> (Vec<String>, Work) {
        if budget.sentences == 0 || doc.text.trim().is_empty() {
            return (Vec::new(), Work::default());
        }
        self.prepare(doc, seg)
            .summary_with_work(&self.params, budget)
    }

    /// Keywords of `doc`, best first, the best with weight 1.0, written as
    /// they appear in `doc.text`.
    pub fn keywords(&self, doc: &Document, k: usize, seg: &Segmenter) -> Vec<Keyword> {
        let analysis = Analysis::new(doc);
        let ranked = self.keywords.extract(seg.jieba(), analysis.text, k);
        keywords_in_original(doc, &analysis, ranked)
    }

    /// Keywords of a Simplified text with another TF-IDF share in the blend
    /// (evaluation only).
    pub fn keywords_with_share(
        &self,
        text: &str,
        k: usize,
        tfidf_share: f64,
        seg: &Segmenter,
    ) -> Vec<String> {
        self.keywords
            .extract_with_share(seg.jieba(), text, k, tfidf_share)
            .into_iter()
            .map(|r| r.word)
            .collect()
    }

    /// Fills `doc.summary` and `doc.keywords` from `doc.text` (and
    /// `doc.analysis` when present), using `config.summary_sentences`,
    /// `config.summary_chars` and `config.keywords`. Failed documents pass
    /// through unchanged.
    ///
    /// The same as [`Self::summarise`] followed by [`Self::keywords`], but
    /// the analysis text is set up and tagged (parts of speech and TF-IDF)
    /// once for both.
    pub fn apply(&self, mut doc: Document, config: &Config, seg: &Segmenter) -> Document {
        if doc.is_failed() {
            return doc;
        }
        let budget = Budget {
            sentences: config.summary_sentences,
            chars: config.summary_chars,
        };
        let analysis = Analysis::new(&doc);
        let wants_summary = budget.sentences > 0 && !doc.text.trim().is_empty();
        let wants_keywords = config.keywords > 0 && !analysis.text.trim().is_empty();
        let jieba = seg.jieba();
        let tags = if wants_summary || wants_keywords {
            jieba.tag(analysis.text, true)
        } else {
            Vec::new()
        };
        let tfidf = if wants_summary || wants_keywords {
            self.keywords.tfidf_of_tags(jieba, analysis.text, &tags)
        } else {
            FastMap::default()
        };
        let summary = if wants_summary {
            self.prepare_with(&doc, &analysis, &tfidf, seg)
                .summary_with_work(&self.params, budget)
                .0
        } else {
            Vec::new()
        };
        let ranked = self.keywords.extract_with_scores(
            jieba,
            analysis.text,
            &tags,
            config.keywords,
            TFIDF_SHARE,
            &tfidf,
        );
        let keywords = keywords_in_original(&doc, &analysis, ranked);
        doc.summary = summary;
        doc.keywords = keywords;
        doc
    }
}

/// Keywords found in the analysis text, written as they appear in
/// `doc.text`; a keyword whose original spelling repeats a better one's is
/// dropped.
fn keywords_in_original(
    doc: &Document,
    analysis: &Analysis<'_>,
    ranked: Vec<keywords::RankedWord>,
) -> Vec<Keyword> {
    let mut seen = HashSet::new();
    ranked
        .into_iter()
        .filter_map(|r| {
            let (s, e) = analysis.to_original(r.first.0, r.first.1)?;
            let word = doc.text.get(s..e)?.to_string();
            seen.insert(word.clone()).then_some(Keyword {
                word,
                weight: r.weight,
            })
        })
        .collect()
}

/// The longest prefix of `sentence` of at most `limit` chars that ends after
/// a clause mark, or the first `limit` chars when there is none.
fn cut_at_clause(sentence: &str, limit: usize) -> &str {
    let mut end_at_limit = sentence.len();
    let mut clause_end = None;
    for (n, (i, c)) in sentence.char_indices().enumerate() {
        if n >= limit {
            end_at_limit = i;
            break;
        }
        if matches!(c, '，' | '；' | '：' | '、' | ',' | ';' | ':') {
            clause_end = Some(i + c.len_utf8());
        }
    }
    if end_at_limit == sentence.len() {
        return sentence;
    }
    let end = clause_end.unwrap_or(end_at_limit);
    sentence.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests;
