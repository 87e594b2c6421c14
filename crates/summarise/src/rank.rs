//! Sentence ranking: a TextRank graph over sentences weighted by BM25
//! similarity, centrality scaled by position, length and title priors, and
//! greedy selection with coverage-based redundancy control.

use crate::graph::Graph;
use crate::hash::{FastMap, FastSet};

/// The global parameters of sentence ranking. The defaults are the values
/// chosen by the evaluation (see `cargo xtask eval summ --split-half`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankParams {
    /// PageRank damping.
    pub damping: f64,
    /// BM25 term-frequency saturation.
    pub k1: f64,
    /// BM25 length normalisation.
    pub b: f64,
    /// Weight of the lead prior: sentence `i` (0-based) gets
    /// `1 + lead' / (1 + i)`, where `lead'` is `lead` scaled down in long
    /// documents (see [`RankParams::position_half`]).
    pub lead: f64,
    /// Weight of the closing prior: the sentence `j` places from the end gets
    /// `1 + tail' / (1 + j)`, where `tail'` is `tail` scaled down in short
    /// documents.
    pub tail: f64,
    /// Exponent of the length prior `(len / mean len)^e`, where `e` is this
    /// exponent scaled for the budget (see [`RankParams::length_by_budget`]).
    pub length_exponent: f64,
    /// Weight of the similarity to the title, when there is one.
    pub title: f64,
    /// How much of a candidate's score is lost for its share of content
    /// already covered by the chosen sentences (0 = no redundancy control).
    pub redundancy: f64,
    /// The expected reference length, as a multiple of the budget (in chars,
    /// or in sentences of mean length). Selection maximises an estimate of
    /// F1, `overlap / (summary chars + reference chars)`, so a short expected
    /// reference favours short sentences and a long one favours coverage.
    pub reference_scale: f64,
    /// Weight of the centroid score (TF-IDF salience, mean 1) next to graph
    /// centrality (mean 1).
    pub centroid: f64,
    /// Document length `s`, in sentences, at which the lead and closing
    /// priors are at half strength. For a document of `n` sentences and
    /// steepness `h`, the lead prior is scaled by `s^h / (s^h + n^h)` and the
    /// closing prior by `n^h / (s^h + n^h)`: a text of a few sentences is
    /// summed up by its opening (news leads, posts), a long one by its close
    /// (conclusions, decisions, verdicts), and neither holds in between.
    /// 0 = both priors at full strength whatever the length.
    pub position_half: f64,
    /// The Hill exponent `h` above: how sharply the priors switch.
    pub position_steepness: f64,
    /// The length prior's exponent is scaled by `1 - length_by_budget / k`
    /// for a budget of `k` sentences. With room for one sentence the
    /// estimated F1 already trades overlap against length, and a further
    /// prior for long sentences only buys recall the short summary cannot
    /// use; with several sentences, long ones cover more of a long reference.
    pub length_by_budget: f64,
    /// Cost of each clause break inside a sentence when the budget is one
    /// sentence: its score is scaled by `exp(-clause_cost * breaks)`. A
    /// one-sentence summary stands for a one-line reference (a headline),
    /// which keeps one statement: every further clause of the chosen
    /// sentence is mostly material the reference leaves out, beyond what
    /// its length alone costs in the F1 estimate. With room for several
    /// sentences the reference holds several statements, long multi-clause
    /// sentences cover them, and there is no cost.
    pub clause_cost: f64,
}

impl Default for RankParams {
    fn default() -> Self {
        RankParams {
            damping: 0.85,
            k1: 1.2,
            b: 0.75,
            lead: 4.0,
            tail: 2.0,
            length_exponent: 1.0,
            title: 1.0,
            redundancy: 0.5,
            reference_scale: 0.5,
            centroid: 3.0,
            position_half: 4.0,
            position_steepness: 6.0,
            length_by_budget: 1.0,
            clause_cost: 0.2,
        }
    }
}

/// Sentences whose terms appear in more sentences than this are linked only
/// to their nearest [`MAX_POSTINGS`] neighbours in the term's posting list,
/// which bounds the graph at `postings × MAX_POSTINGS` edges.
pub const MAX_POSTINGS: usize = 32;
/// Each sentence keeps at most this many strongest neighbours.
pub const MAX_NEIGHBOURS: usize = 32;

/// What one sentence contributes to ranking.
#[derive(Debug, Clone, Default)]
pub struct SentenceInput {
    /// Content terms (stopwords and punctuation already removed).
    pub terms: Vec<String>,
    /// The document-level TF-IDF weight of each term (parallel to `terms`;
    /// 0 for a term the IDF table does not score).
    pub weights: Vec<f64>,
    /// Length in characters.
    pub chars: usize,
    /// The document-level TF-IDF mass (general-language IDF) of the
    /// sentence's distinct terms.
    pub salience: f64,
    /// Clause breaks inside the sentence (see [`crate::sentences::clause_breaks`]).
    pub clause_breaks: usize,
    /// The document's own headline (a bracketed title opening the text):
    /// the writer's one-line summary, chosen before any ranked sentence.
    pub headline: bool,
}

/// How much work ranking did, for bounds in tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Similarity contributions accumulated while building the graph.
    pub pair_updates: usize,
    /// Edges kept in the graph.
    pub edges: usize,
    /// Adjacency entries visited by PageRank.
    pub pagerank_visits: usize,
}

/// The budget for a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub sentences: usize,
    pub chars: Option<usize>,
}

struct TermStats<'a> {
    ids: FastMap<&'a str, usize>,
    /// term id → (sentence, count) in sentence order.
    postings: Vec<Vec<(usize, usize)>>,
    /// per sentence: (term id, count).
    bags: Vec<Vec<(usize, usize)>>,
    idf: Vec<f64>,
    lengths: Vec<f64>,
    avg_len: f64,
}

fn term_stats(sentences: &[SentenceInput]) -> TermStats<'_> {
    let mut ids: FastMap<&str, usize> = FastMap::default();
    let mut postings: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut bags = Vec::with_capacity(sentences.len());
    for (s, sent) in sentences.iter().enumerate() {
        let mut term_ids: Vec<usize> = sent
            .terms
            .iter()
            .map(|t| {
                *ids.entry(t.as_str()).or_insert_with(|| {
                    postings.push(Vec::new());
                    postings.len() - 1
                })
            })
            .collect();
        // Counted as runs of the sorted ids: the bag in id order.
        term_ids.sort_unstable();
        let mut bag: Vec<(usize, usize)> = Vec::new();
        for id in term_ids {
            match bag.last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => bag.push((id, 1)),
            }
        }
        for &(id, c) in &bag {
            if let Some(p) = postings.get_mut(id) {
                p.push((s, c));
            }
        }
        bags.push(bag);
    }
    let n = sentences.len() as f64;
    // BM25's idf with the +1 inside the log, which keeps it positive even for
    // a term found in every sentence (the classic form goes negative past
    // half the sentences and would then push similar sentences apart).
    let idf = postings
        .iter()
        .map(|p| {
            let df = p.len() as f64;
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        })
        .collect();
    let lengths: Vec<f64> = sentences.iter().map(|s| s.terms.len() as f64).collect();
    let avg_len = if lengths.is_empty() {
        0.0
    } else {
        lengths.iter().sum::<f64>() / n
    };
    TermStats {
        ids,
        postings,
        bags,
        idf,
        lengths,
        avg_len,
    }
}

/// The BM25 similarity graph. The weight of `{i, j}` is the mean of
/// BM25(i as query, j as document) and BM25(j, i).
fn similarity_graph(stats: &TermStats, params: &RankParams, work: &mut Work) -> Graph {
    let n = stats.bags.len();
    let saturate = |count: usize, sentence: usize| {
        let c = count as f64;
        let len = stats.lengths.get(sentence).copied().unwrap_or(0.0);
        let norm = if stats.avg_len > 0.0 {
            len / stats.avg_len
        } else {
            1.0
        };
        c * (params.k1 + 1.0) / (c + params.k1 * (1.0 - params.b + params.b * norm))
    };
    let mut rows: Vec<FastMap<usize, f64>> = vec![FastMap::default(); n];
    for (term, posting) in stats.postings.iter().enumerate() {
        let idf = stats.idf.get(term).copied().unwrap_or(0.0);
        if idf <= 0.0 || posting.len() < 2 {
            continue;
        }
        for (a, &(i, ci)) in posting.iter().enumerate() {
            // Pairs with the next MAX_POSTINGS sentences sharing the term:
            // all pairs for all but very common terms.
            for &(j, cj) in posting.iter().skip(a + 1).take(MAX_POSTINGS) {
                let w = 0.5 * idf * (saturate(cj, j) + saturate(ci, i));
                work.pair_updates += 1;
                if let Some(row) = rows.get_mut(i) {
                    *row.entry(j).or_insert(0.0) += w;
                }
            }
        }
    }
    // Keep each sentence's strongest neighbours (an edge survives if either
    // end keeps it).
    let mut keep: FastMap<(usize, usize), f64> = FastMap::default();
    let mut by_vertex: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (i, row) in rows.iter().enumerate() {
        for (&j, &w) in row {
            if let Some(v) = by_vertex.get_mut(i) {
                v.push((j, w));
            }
            if let Some(v) = by_vertex.get_mut(j) {
                v.push((i, w));
            }
        }
    }
    for (i, nb) in by_vertex.iter_mut().enumerate() {
        nb.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(j, w) in nb.iter().take(MAX_NEIGHBOURS) {
            keep.insert((i.min(j), i.max(j)), w);
        }
    }
    let mut edges: Vec<(usize, usize, f64)> =
        keep.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    edges.sort_by_key(|e| (e.0, e.1));
    work.edges = edges.len();
    Graph::new(n, &edges)
}

/// Share of the query's idf mass found in the other bag of terms.
fn idf_overlap(query: &[(usize, usize)], other: &dyn Fn(usize) -> bool, idf: &[f64]) -> f64 {
    let total: f64 = query
        .iter()
        .map(|(t, _)| idf.get(*t).copied().unwrap_or(0.0))
        .sum();
    if total <= 0.0 {
        return 0.0;
    }
    let shared: f64 = query
        .iter()
        .filter(|(t, _)| other(*t))
        .map(|(t, _)| idf.get(*t).copied().unwrap_or(0.0))
        .sum();
    shared / total
}

/// Scores every sentence: centrality times the position, length and title
/// priors. `title_terms` may be empty.
pub fn score(
    sentences: &[SentenceInput],
    title_terms: &[String],
    params: &RankParams,
    budget_sentences: usize,
    work: &mut Work,
) -> Vec<f64> {
    score_with(
        &term_stats(sentences),
        sentences,
        title_terms,
        params,
        budget_sentences,
        work,
    )
}

fn score_with(
    stats: &TermStats,
    sentences: &[SentenceInput],
    title_terms: &[String],
    params: &RankParams,
    budget_sentences: usize,
    work: &mut Work,
) -> Vec<f64> {
    let n = sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let graph = similarity_graph(stats, params, work);
    let (rank, visits) = graph.pagerank(params.damping, &[], 100);
    work.pagerank_visits = visits;

    let mean_chars = sentences.iter().map(|s| s.chars as f64).sum::<f64>() / n as f64;
    let mean_salience = sentences.iter().map(|s| s.salience).sum::<f64>() / n as f64;
    let title_ids: Vec<Option<usize>> = title_terms
        .iter()
        .map(|t| stats.ids.get(t.as_str()).copied())
        .collect();
    let title_set: FastSet<usize> = title_ids.iter().flatten().copied().collect();
    let (lead, tail) = if params.position_half > 0.0 {
        let s = params.position_half.powf(params.position_steepness);
        let nf = (n as f64).powf(params.position_steepness);
        (params.lead * s / (s + nf), params.tail * nf / (s + nf))
    } else {
        (params.lead, params.tail)
    };
    let length_exponent = params.length_exponent
        * (1.0 - params.length_by_budget / budget_sentences.max(1) as f64).max(0.0);
    let clause_cost = if budget_sentences <= 1 {
        params.clause_cost
    } else {
        0.0
    };

    (0..n)
        .map(|i| {
            let graph_rank = rank.get(i).copied().unwrap_or(0.0) * n as f64;
            let salience = sentences.get(i).map(|s| s.salience).unwrap_or(0.0);
            let salience = if mean_salience > 0.0 {
                salience / mean_salience
            } else {
                1.0
            };
            let centrality = (graph_rank + params.centroid * salience) / (1.0 + params.centroid);
            let from_end = n - 1 - i;
            let position = (1.0 + lead / (1.0 + i as f64)) * (1.0 + tail / (1.0 + from_end as f64));
            let chars = sentences.get(i).map(|s| s.chars as f64).unwrap_or(0.0);
            let length = if mean_chars > 0.0 {
                (chars / mean_chars).powf(length_exponent)
            } else {
                1.0
            };
            let title = if title_set.is_empty() {
                1.0
            } else {
                let bag = stats.bags.get(i).map(Vec::as_slice).unwrap_or(&[]);
                1.0 + params.title * idf_overlap(bag, &|t| title_set.contains(&t), &stats.idf)
            };
            let breaks = sentences.get(i).map(|s| s.clause_breaks).unwrap_or(0);
            let clauses = (-clause_cost * breaks as f64).exp();
            centrality * position * length * title * clauses
        })
        .collect()
}

/// Ranks and selects sentences within the budget; returns their indices in
/// document order.
pub fn select(
    sentences: &[SentenceInput],
    title_terms: &[String],
    params: &RankParams,
    budget: Budget,
    work: &mut Work,
) -> Vec<usize> {
    if budget.sentences == 0 || sentences.is_empty() {
        return Vec::new();
    }
    let stats = term_stats(sentences);
    let scores = score_with(
        &stats,
        sentences,
        title_terms,
        params,
        budget.sentences,
        work,
    );
    let mut covered = vec![false; stats.idf.len()];
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_chars = 0usize;
    let mut available: Vec<bool> = sentences.iter().map(|s| s.chars > 0).collect();
    // The reference length the selection expects, in chars: the budget in
    // chars if there is one, else `budget.sentences` sentences of mean length.
    let mean_chars = sentences.iter().map(|s| s.chars as f64).sum::<f64>() / sentences.len() as f64;
    let reference = params.reference_scale
        * budget
            .chars
            .map(|c| c as f64)
            .unwrap_or(budget.sentences as f64 * mean_chars);
    let mut gained = 0.0;
    // The document's own headline goes first, when it fits the budget.
    let mut headline = sentences
        .iter()
        .position(|s| s.headline)
        .filter(|&i| available.get(i).copied().unwrap_or(false))
        .filter(|&i| {
            let chars = sentences.get(i).map(|x| x.chars).unwrap_or(0);
            budget.chars.is_none_or(|limit| chars <= limit)
        });
    while chosen.len() < budget.sentences {
        // The headline is taken as it is; every other pick is the sentence
        // that raises the estimated F1 most.
        let pick = headline.take().or_else(|| {
            let mut best: Option<(usize, f64)> = None;
            for (i, s) in scores.iter().enumerate() {
                if !available.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let chars = sentences.get(i).map(|x| x.chars).unwrap_or(0);
                if budget.chars.is_some_and(|limit| used_chars + chars > limit) {
                    continue;
                }
                let bag = stats.bags.get(i).map(Vec::as_slice).unwrap_or(&[]);
                let seen = idf_overlap(
                    bag,
                    &|t| covered.get(t).copied().unwrap_or(false),
                    &stats.idf,
                );
                let gain = s * (1.0 - params.redundancy * seen);
                // Estimated F1 of the summary with this sentence added: overlap
                // over candidate plus reference length.
                let value = (gained + gain) / (used_chars as f64 + chars as f64 + reference);
                if best.is_none_or(|(_, b)| value > b) {
                    best = Some((i, value));
                }
            }
            best.map(|(i, _)| i)
        });
        let Some(i) = pick else { break };
        let bag = stats.bags.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let seen = idf_overlap(
            bag,
            &|t| covered.get(t).copied().unwrap_or(false),
            &stats.idf,
        );
        gained += scores.get(i).copied().unwrap_or(0.0) * (1.0 - params.redundancy * seen);
        if let Some(a) = available.get_mut(i) {
            *a = false;
        }
        used_chars += sentences.get(i).map(|x| x.chars).unwrap_or(0);
        for (t, _) in stats.bags.get(i).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(c) = covered.get_mut(*t) {
                *c = true;
            }
        }
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}
