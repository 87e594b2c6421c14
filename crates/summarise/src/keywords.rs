//! Keywords: TF-IDF (jieba's IDF table) blended with TextRank over a
//! word co-occurrence graph; adjacent noun-like keywords that recur as a
//! unit become phrases with a score of their own, and a keyword that
//! overlaps a better one (a word inside a phrase, a phrase around a word) is
//! dropped unless it recurs independently.
//!
//! Why a blend: TF-IDF ranks words by how unusual they are in general
//! Chinese, so it finds names and terms but also promotes a rare word that
//! the text mentions once in passing. TextRank ranks words by how central
//! they are to this text's co-occurrence graph, so it finds what the text
//! keeps returning to but favours frequent general words. Each fixes the
//! other's typical error. Both scores are scaled so their best word is 1
//! and combined linearly, with TF-IDF weighted [`TFIDF_SHARE`]: the IDF
//! table is the stronger of the two signals on short texts, where the
//! co-occurrence graph has too few edges to say much; on the LCSTS check
//! (share of keywords found in the human headline, see `cargo xtask eval
//! summ`) the blend scores above either signal alone.

use crate::graph::Graph;
use crate::hash::{FastMap, FastSet};
use crate::idf::IdfTable;
use crate::lexicon::has_content;
use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, Tag, TfIdf};
use std::collections::HashSet;

/// Share of the TF-IDF score in the blend (TextRank gets the rest).
pub const TFIDF_SHARE: f64 = 0.6;
/// Co-occurrence window of TextRank, in tokens.
const WINDOW: usize = 5;
/// Most tokens a merged phrase may have.
const MAX_PHRASE_TOKENS: usize = 3;

/// Part-of-speech tags (jieba's ICTCLAS-style set) that may be keywords:
/// nouns of every kind, verbal and adjectival nouns, verbs, idioms,
/// abbreviations and foreign words.
fn is_keyword_pos(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "v" | "an" | "i" | "j" | "l" | "eng")
}

/// Whether lower-casing changes `word`; when it does not, its lower-case
/// form need not be built to be looked up. (`str::to_lowercase` differs
/// from mapping each char only for a final capital sigma, which is itself a
/// char that changes.)
fn changes_in_lower_case(word: &str) -> bool {
    word.chars().any(|c| {
        let mut lower = c.to_lowercase();
        lower.next() != Some(c) || lower.next().is_some()
    })
}

/// A keyword before mapping to the original text: its text in the analysis
/// view, the view char range of its first occurrence, and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedWord {
    pub word: String,
    pub first: (usize, usize),
    pub weight: f64,
}

/// Extracts keywords from analysis-script text.
pub struct KeywordExtractor {
    tfidf: TfIdf,
    /// jieba's IDF table, when it could be read out of `tfidf`: TF-IDF is
    /// then computed from tags already made instead of by tagging again.
    idf: Option<&'static IdfTable>,
    stopwords: FastSet<String>,
}

/// The smallest word (in chars) the TF-IDF scores cover.
const TFIDF_MIN_CHARS: usize = 2;

impl KeywordExtractor {
    pub fn new(stopwords: HashSet<String>) -> Self {
        let mut tfidf = TfIdf::default();
        *tfidf.config_mut() = KeywordExtractConfig::builder()
            .set_stop_words(stopwords.iter().cloned().collect())
            .min_keyword_length(TFIDF_MIN_CHARS)
            .use_hmm(true)
            .build();
        // `tfidf` holds jieba's default table (only its settings change).
        let idf = IdfTable::jieba_default();
        KeywordExtractor {
            tfidf,
            idf,
            stopwords: stopwords.into_iter().collect(),
        }
    }

    fn is_candidate(&self, word: &str, tag: &str) -> bool {
        let n = word.chars().count();
        is_keyword_pos(tag)
            && n >= 2
            && has_content(word)
            && !word.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !self.stopwords.contains(word)
            && !(changes_in_lower_case(word) && self.stopwords.contains(&word.to_lowercase()))
    }

    /// The TF-IDF scores of every word jieba's table knows in `text`
    /// (unknown words get the table's median IDF).
    pub(crate) fn tfidf_scores(&self, jieba: &Jieba, text: &str) -> FastMap<String, f64> {
        match &self.idf {
            Some(_) => self.tfidf_of_tags(jieba, text, &jieba.tag(text, true)),
            None => self.tfidf_by_jieba(jieba, text),
        }
    }

    /// [`Self::tfidf_scores`] of `text` given its tags (`jieba.tag(text,
    /// true)`).
    pub(crate) fn tfidf_of_tags(
        &self,
        jieba: &Jieba,
        text: &str,
        tags: &[Tag<'_>],
    ) -> FastMap<String, f64> {
        let Some(idf) = self.idf else {
            return self.tfidf_by_jieba(jieba, text);
        };
        // The same words, counts and arithmetic as jieba's extract_keywords,
        // so that the scores are the same to the last bit.
        let mut counts: FastMap<&str, u64> = FastMap::default();
        for t in tags {
            if self.tfidf_counts(t.word) {
                *counts.entry(t.word).or_insert(0) += 1;
            }
        }
        let total: u64 = counts.values().sum();
        counts
            .into_iter()
            .map(|(word, tf)| (word.to_string(), tf as f64 * idf.get(word) / total as f64))
            .collect()
    }

    /// The TF-IDF scores as jieba's keyword extractor gives them (it tags
    /// the text itself).
    fn tfidf_by_jieba(&self, jieba: &Jieba, text: &str) -> FastMap<String, f64> {
        self.tfidf
            .extract_keywords(jieba, text, usize::MAX, Vec::new())
            .into_iter()
            .map(|k| (k.keyword, k.weight))
            .collect()
    }

    /// Whether jieba's TF-IDF counts `word`: long enough and not a stopword,
    /// as written or, when it has capitals, lower-cased.
    fn tfidf_counts(&self, word: &str) -> bool {
        let mut chars = 0usize;
        let mut has_uppercase = false;
        for c in word.chars() {
            chars += 1;
            has_uppercase |= c.is_uppercase();
        }
        if chars < TFIDF_MIN_CHARS || self.stopwords.contains(word) {
            return false;
        }
        !has_uppercase || !self.stopwords.contains(&word.to_lowercase())
    }

    /// The top `k` keywords of `text`, best first, weights scaled so the
    /// best is 1.0, each with the char range of its first occurrence.
    pub fn extract(&self, jieba: &Jieba, text: &str, k: usize) -> Vec<RankedWord> {
        self.extract_with_share(jieba, text, k, TFIDF_SHARE)
    }

    /// [`Self::extract`] with another TF-IDF share in the blend (1.0 is
    /// TF-IDF alone, 0.0 TextRank alone), for evaluation.
    pub fn extract_with_share(
        &self,
        jieba: &Jieba,
        text: &str,
        k: usize,
        tfidf_share: f64,
    ) -> Vec<RankedWord> {
        if k == 0 || text.trim().is_empty() {
            return Vec::new();
        }
        let tags = jieba.tag(text, true);
        self.extract_ranked(jieba, text, &tags, k, tfidf_share, None)
    }

    /// [`Self::extract_with_share`] with the tags of `text`
    /// (`jieba.tag(text, true)`) and its TF-IDF scores (from
    /// [`Self::tfidf_of_tags`]) already worked out, so that a caller that
    /// also needs them for the summary tags the text only once.
    pub(crate) fn extract_with_scores(
        &self,
        jieba: &Jieba,
        text: &str,
        tags: &[Tag<'_>],
        k: usize,
        tfidf_share: f64,
        tfidf_all: &FastMap<String, f64>,
    ) -> Vec<RankedWord> {
        if k == 0 || text.trim().is_empty() {
            return Vec::new();
        }
        self.extract_ranked(jieba, text, tags, k, tfidf_share, Some(tfidf_all))
    }

    /// The keywords, with the TF-IDF scores computed here when not given.
    fn extract_ranked(
        &self,
        jieba: &Jieba,
        text: &str,
        tags: &[Tag<'_>],
        k: usize,
        tfidf_share: f64,
        given_tfidf: Option<&FastMap<String, f64>>,
    ) -> Vec<RankedWord> {
        // Candidate id per token, None for tokens that are not candidates.
        let mut ids: FastMap<&str, usize> = FastMap::default();
        let mut words: Vec<&str> = Vec::new();
        let mut first: Vec<(usize, usize)> = Vec::new();
        let mut tf: Vec<usize> = Vec::new();
        let mut token_ids: Vec<Option<usize>> = Vec::with_capacity(tags.len());
        for t in tags {
            if t.word.trim().is_empty() {
                token_ids.push(None);
                continue;
            }
            if !self.is_candidate(t.word, t.tag) {
                token_ids.push(None);
                continue;
            }
            let id = *ids.entry(t.word).or_insert_with(|| {
                words.push(t.word);
                first.push((t.start, t.end));
                tf.push(0);
                words.len() - 1
            });
            if let Some(c) = tf.get_mut(id) {
                *c += 1;
            }
            token_ids.push(Some(id));
        }
        if words.is_empty() {
            return Vec::new();
        }
        // Whitespace tokens do not count towards the window; punctuation does,
        // so that words across a clause boundary are less related.
        let positions: Vec<Option<usize>> = tags
            .iter()
            .zip(&token_ids)
            .filter(|(t, _)| !t.word.trim().is_empty())
            .map(|(_, id)| *id)
            .collect();

        let textrank = textrank_scores(words.len(), &positions);
        let computed;
        let tfidf_all = match given_tfidf {
            Some(scores) => scores,
            None => {
                computed = self.tfidf_of_tags(jieba, text, tags);
                &computed
            }
        };
        let tfidf: Vec<f64> = words
            .iter()
            .map(|w| tfidf_all.get(*w).copied().unwrap_or(0.0))
            .collect();
        let blended = blend(&scale_to_max(&tfidf), &scale_to_max(&textrank), tfidf_share);

        let phrase_ok: Vec<bool> = tags
            .iter()
            .zip(&token_ids)
            .map(|(t, id)| id.is_some() && is_phrase_pos(t.tag))
            .collect();
        let phrases = find_phrases(tags, &token_ids, &phrase_ok, &tf, &blended, k);
        let mut items: Vec<Item> = words
            .iter()
            .zip(&first)
            .zip(&blended)
            .zip(&tf)
            .enumerate()
            .map(|(id, (((w, f), s), c))| Item {
                word: RankedWord {
                    word: (*w).to_string(),
                    first: *f,
                    weight: *s,
                },
                count: *c,
                parts: vec![id],
            })
            .collect();
        items.extend(phrases.into_iter().map(|p| {
            let word: String = p
                .parts
                .iter()
                .filter_map(|&id| words.get(id).copied())
                .collect();
            Item {
                word: RankedWord {
                    word,
                    first: p.first,
                    weight: p.weight,
                },
                count: p.count,
                parts: p.parts,
            }
        }));
        items.sort_by(|a, b| {
            b.word
                .weight
                .total_cmp(&a.word.weight)
                .then(a.word.first.cmp(&b.word.first))
        });
        let mut ranked = suppress_overlaps(items, &tf, k);
        let best = ranked.first().map(|r| r.weight).unwrap_or(0.0);
        if best > 0.0 {
            for r in &mut ranked {
                r.weight /= best;
            }
        }
        ranked.retain(|r| r.weight > 0.0);
        if let Some(top) = ranked.first_mut() {
            // Exactly 1, whatever the rounding of the division.
            top.weight = 1.0;
        }
        ranked
    }
}

/// Part-of-speech tags of tokens that may be joined into a phrase: nouns of
/// every kind, verbal and adjectival nouns, abbreviations and foreign words.
/// Verbs are left out so that a phrase names a thing and does not run across
/// a clause (`支部开展党建` is a verb phrase, not a keyphrase).
fn is_phrase_pos(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an" | "j" | "eng")
}

/// A candidate keyword: a word, or a phrase of adjacent words.
struct Item {
    word: RankedWord,
    /// Occurrences of the word, or of the phrase as a unit.
    count: usize,
    /// Candidate ids of its words (one for a word).
    parts: Vec<usize>,
}

/// Takes the best `k` of `items` (sorted best first), dropping an item that
/// overlaps a better one it contains or is contained in, unless most of its
/// occurrences are independent of the better one.
///
/// A word inside a better phrase counts only its occurrences outside the
/// phrase; a phrase below one of its own words is one use of that word and
/// never independent; two separate tokens one inside the other (`政协` and
/// `县政协`) are independent in every occurrence, but the lower one is kept
/// only if it recurs.
fn suppress_overlaps(items: Vec<Item>, tf: &[usize], k: usize) -> Vec<RankedWord> {
    let mut kept: Vec<Item> = Vec::new();
    for item in items {
        if kept.len() >= k {
            break;
        }
        let overlapping = kept.iter().filter(|better| {
            better.word.word.contains(item.word.word.as_str())
                || item.word.word.contains(better.word.word.as_str())
        });
        let mut independent = true;
        for better in overlapping {
            let shares_parts = item.parts.iter().any(|p| better.parts.contains(p));
            let own = if !shares_parts {
                item.count
            } else if item.parts.len() == 1 {
                // A word of a better phrase: its occurrences outside it.
                let id = item.parts.first().copied().unwrap_or(usize::MAX);
                let inside = better.parts.iter().filter(|&&p| p == id).count() * better.count;
                tf.get(id).copied().unwrap_or(0).saturating_sub(inside)
            } else {
                0
            };
            if own < 2 || own * 2 < item.count {
                independent = false;
                break;
            }
        }
        if independent {
            kept.push(item);
        }
    }
    kept.into_iter().map(|i| i.word).collect()
}

fn scale_to_max(v: &[f64]) -> Vec<f64> {
    let max = v.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        v.iter().map(|x| x / max).collect()
    } else {
        vec![0.0; v.len()]
    }
}

fn blend(tfidf: &[f64], textrank: &[f64], share: f64) -> Vec<f64> {
    tfidf
        .iter()
        .zip(textrank)
        .map(|(a, b)| share * a + (1.0 - share) * b)
        .collect()
}

/// TextRank over candidate words: an edge joins two candidates that occur
/// within [`WINDOW`] tokens of each other, weighted by how often they do.
fn textrank_scores(n: usize, positions: &[Option<usize>]) -> Vec<f64> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, a) in positions.iter().enumerate() {
        let Some(a) = *a else { continue };
        for b in positions.iter().skip(i + 1).take(WINDOW - 1).flatten() {
            if a != *b {
                pairs.push((a.min(*b), a.max(*b)));
            }
        }
    }
    // Sorting and counting runs, rather than counting in a hash map, gives
    // the edges in one fixed order, so the ranks do not depend on a hash
    // seed down to the last bit.
    pairs.sort_unstable();
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (a, b) in pairs {
        match edges.last_mut() {
            Some((la, lb, w)) if *la == a && *lb == b => *w += 1.0,
            _ => edges.push((a, b, 1.0)),
        }
    }
    Graph::new(n, &edges).pagerank(0.85, &[], 50).0
}

/// A phrase found in the text: its words, how often it occurs as a unit,
/// the char range of its first occurrence and its own score.
struct Phrase {
    parts: Vec<usize>,
    count: usize,
    first: (usize, usize),
    weight: f64,
}

/// Joins runs of adjacent noun-like keyword tokens that recur together into
/// phrases. A link between two adjacent top candidates counts when the pair
/// occurs at least twice and makes up at least half the occurrences of the
/// rarer word; a phrase must itself occur at least twice.
///
/// A phrase's score is its own: each word contributes its score in
/// proportion to the share of its occurrences that are inside the phrase.
/// A phrase that is always used whole thus outranks its words (TF-IDF of a
/// unit is its count times its IDF, and the IDF of two words together is
/// about the sum of theirs), and one that is a minor use of common words
/// ranks below them.
fn find_phrases(
    tags: &[jieba_rs::Tag<'_>],
    token_ids: &[Option<usize>],
    phrase_ok: &[bool],
    tf: &[usize],
    scores: &[f64],
    k: usize,
) -> Vec<Phrase> {
    // Only the best candidates can link: a phrase of two weak words is noise.
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| {
        let sa = scores.get(a).copied().unwrap_or(0.0);
        let sb = scores.get(b).copied().unwrap_or(0.0);
        sb.total_cmp(&sa).then(a.cmp(&b))
    });
    let top: FastSet<usize> = order.into_iter().take(k.saturating_mul(3)).collect();
    // The phrase-eligible id of each token.
    let eligible = |i: usize| -> Option<usize> {
        match (token_ids.get(i), phrase_ok.get(i)) {
            (Some(Some(id)), Some(true)) if top.contains(id) => Some(*id),
            _ => None,
        }
    };
    let mut pair_count: FastMap<(usize, usize), usize> = FastMap::default();
    for i in 1..token_ids.len() {
        if let (Some(a), Some(b)) = (eligible(i - 1), eligible(i)) {
            if a != b {
                *pair_count.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let tf_of = |i: usize| tf.get(i).copied().unwrap_or(0);
    let linked = |a: usize, b: usize| {
        let c = pair_count.get(&(a, b)).copied().unwrap_or(0);
        c >= 2 && c * 2 >= tf_of(a).min(tf_of(b))
    };
    // Walk the tokens and collect maximal linked runs.
    let mut runs: FastMap<Vec<usize>, (usize, (usize, usize))> = FastMap::default();
    let mut i = 0usize;
    while i < token_ids.len() {
        let Some(start) = eligible(i) else {
            i += 1;
            continue;
        };
        let mut run = vec![start];
        let mut j = i + 1;
        while run.len() < MAX_PHRASE_TOKENS {
            match (run.last(), eligible(j)) {
                (Some(&prev), Some(next)) if linked(prev, next) => {
                    run.push(next);
                    j += 1;
                }
                _ => break,
            }
        }
        if run.len() >= 2 {
            let s = tags.get(i).map(|t| t.start).unwrap_or(0);
            let e = tags.get(j - 1).map(|t| t.end).unwrap_or(s);
            let entry = runs.entry(run).or_insert((0, (s, e)));
            entry.0 += 1;
        }
        i = j.max(i + 1);
    }
    runs.into_iter()
        .filter(|(_, (count, _))| *count >= 2)
        .map(|(parts, (count, first))| {
            let weight = parts
                .iter()
                .map(|&id| {
                    let share = (count as f64 / tf_of(id).max(1) as f64).min(1.0);
                    scores.get(id).copied().unwrap_or(0.0) * share
                })
                .sum();
            Phrase {
                parts,
                count,
                first,
                weight,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::stopwords;

    fn extractor() -> KeywordExtractor {
        KeywordExtractor::new(stopwords())
    }

    const NEWS: &str = "国家统计局今天发布数据，一季度国内生产总值同比增长5.3%。\
        国家统计局新闻发言人表示，一季度经济运行开局良好，工业生产较快增长，\
        消费市场持续恢复。分析人士认为，国内生产总值增长好于预期，\
        消费和投资对经济增长的拉动作用明显增强。";

    #[test]
    fn news_keywords_are_topical_and_normalised() {
        let jieba = Jieba::new();
        let kws = extractor().extract(&jieba, NEWS, 8);
        let words: Vec<&str> = kws.iter().map(|k| k.word.as_str()).collect();
        assert!(!kws.is_empty() && kws.len() <= 8);
        assert!((kws[0].weight - 1.0).abs() < 1e-12, "{kws:?}");
        assert!(kws.windows(2).all(|w| w[0].weight >= w[1].weight));
        assert!(kws.iter().all(|k| k.weight > 0.0 && k.weight <= 1.0));
        assert!(words.iter().any(|w| w.contains("统计局")), "{words:?}");
        assert!(
            words
                .iter()
                .any(|w| w.contains("增长") || w.contains("生产总值")),
            "{words:?}"
        );
        for stop in ["表示", "认为", "今天", "的"] {
            assert!(!words.contains(&stop), "{stop} in {words:?}");
        }
        for k in &kws {
            let got: String = NEWS
                .chars()
                .skip(k.first.0)
                .take(k.first.1 - k.first.0)
                .collect();
            assert_eq!(got, k.word);
        }
    }

    #[test]
    fn recurring_adjacent_keywords_merge_into_a_phrase() {
        let jieba = Jieba::new();
        let text = "数字经济发展迅速。各地都在推动数字经济。数字经济成为增长引擎，\
                    数字经济规模继续扩大。";
        let kws = extractor().extract(&jieba, text, 5);
        let words: Vec<&str> = kws.iter().map(|k| k.word.as_str()).collect();
        assert_eq!(words.first(), Some(&"数字经济"), "{words:?}");
        assert!(!words.contains(&"数字"), "{words:?}");
    }

    #[test]
    fn verb_phrases_are_not_merged() {
        let jieba = Jieba::new();
        let text = "村党支部开展党建活动，带动群众增收。社区党支部开展党建共建，\
                    服务辖区居民。机关党支部开展党建培训，提升党员能力。\
                    企业党支部开展党建交流，助力企业发展。";
        let kws = extractor().extract(&jieba, text, 8);
        let words: Vec<&str> = kws.iter().map(|k| k.word.as_str()).collect();
        assert!(words.contains(&"党建"), "{words:?}");
        assert!(
            !words
                .iter()
                .any(|w| w.contains("开展") && w.chars().count() > 2),
            "{words:?}"
        );
    }

    #[test]
    fn phrase_has_its_own_score_and_does_not_duplicate_its_words() {
        let jieba = Jieba::new();
        // 园区 is mostly used alone; 飞地园区 (two words to jieba) is a
        // minor use of it.
        let text = "园区今年新引进项目十二个。园区管委会表示，园区基础设施已经完善。\
                    飞地园区建设进展顺利，飞地园区企业数量翻番。\
                    园区还将扩大招商，园区就业人数持续增加。";
        let kws = extractor().extract(&jieba, text, 6);
        let words: Vec<&str> = kws.iter().map(|k| k.word.as_str()).collect();
        assert_eq!(words.first(), Some(&"园区"), "{words:?}");
        assert!(!words.contains(&"飞地园区"), "{words:?}");
        // Always used whole: the phrase outranks and replaces its words,
        // with a weight of its own rather than a copy of theirs.
        let text = "数字经济发展迅速。各地都在推动数字经济。数字经济成为增长引擎，\
                    数字经济规模继续扩大，传统经济也在转型。";
        let kws = extractor().extract(&jieba, text, 6);
        let words: Vec<&str> = kws.iter().map(|k| k.word.as_str()).collect();
        assert_eq!(words.first(), Some(&"数字经济"), "{words:?}");
        assert!(!words.contains(&"数字"), "{words:?}");
        assert_eq!(kws[0].weight, 1.0);
        assert!(kws.windows(2).all(|w| w[0].weight > w[1].weight), "{kws:?}");
    }

    /// TF-IDF from the tags already made must be jieba's own, bit for bit.
    #[test]
    fn tfidf_of_tags_is_what_jieba_extracts() {
        let jieba = Jieba::new();
        let extractor = extractor();
        assert!(extractor.idf.is_some(), "jieba's IDF table was not read");
        let mut texts = vec![
            NEWS.to_string(),
            "The GDP和CPI数据显示，APP下载量与iPhone销量A股同步上升。The And OF".to_string(),
            String::new(),
            "，。".to_string(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t);
                }
            }
        } else {
            eprintln!("note: {} missing, seeds skipped", dir.display());
        }
        for text in &texts {
            let ours = extractor.tfidf_of_tags(&jieba, text, &jieba.tag(text, true));
            let theirs = extractor.tfidf_by_jieba(&jieba, text);
            let bits = |m: &FastMap<String, f64>| {
                let mut v: Vec<(String, u64)> =
                    m.iter().map(|(w, x)| (w.clone(), x.to_bits())).collect();
                v.sort();
                v
            };
            assert_eq!(bits(&ours), bits(&theirs));
            assert_eq!(extractor.tfidf_scores(&jieba, text), theirs);
        }
    }

    #[test]
    fn lower_case_check_agrees_with_to_lowercase() {
        for (word, changes) in [
            ("经济", false),
            ("gdp", false),
            ("GDP", true),
            ("5G网络", true),
            ("5g网络", false),
            ("iPhone", true),
            ("ΟΔΟΣ", true),
            ("ǅ", true),
            ("Ⅻ", true),
            ("２０２４年", false),
        ] {
            assert_eq!(changes_in_lower_case(word), changes, "{word}");
            assert_eq!(changes, word.to_lowercase() != word, "{word}");
        }
    }

    #[test]
    fn capitalised_stopwords_are_not_keywords() {
        let mut stopwords = stopwords();
        stopwords.insert("app".to_string());
        let extractor = KeywordExtractor::new(stopwords);
        assert!(extractor.is_candidate("数据", "n"));
        assert!(extractor.is_candidate("GDP", "eng"));
        for word in ["APP", "App", "app"] {
            assert!(!extractor.is_candidate(word, "eng"), "{word}");
        }
    }

    #[test]
    fn empty_or_punctuation_only_text_has_no_keywords() {
        let jieba = Jieba::new();
        assert!(extractor().extract(&jieba, "", 5).is_empty());
        assert!(extractor().extract(&jieba, "，。！？……", 5).is_empty());
        assert!(extractor().extract(&jieba, NEWS, 0).is_empty());
    }
}
