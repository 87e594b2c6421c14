//! Character-level ROUGE-1, ROUGE-2 and ROUGE-L F1, as the published
//! Chinese summarisation figures compute it: whitespace removed, Unicode
//! punctuation and symbols removed, lower-cased; n-gram counts clipped;
//! ROUGE-L is the longest common subsequence over the whole text.
//!
//! Without Unicode category tables, "punctuation and symbols" is taken as
//! every character that is neither alphanumeric (Unicode letters and
//! numbers), nor a combining mark, nor an invisible format or control
//! character. Those three classes are the only non-P, non-S categories
//! besides whitespace, so the result agrees with a category-based filter
//! except on marks outside the common combining blocks.

use std::collections::HashMap;

/// Precision, recall and F1 of one measure, as fractions in `[0, 1]`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn from_counts(overlap: usize, candidate: usize, reference: usize) -> Prf {
        if overlap == 0 || candidate == 0 || reference == 0 {
            return Prf::default();
        }
        let precision = overlap as f64 / candidate as f64;
        let recall = overlap as f64 / reference as f64;
        Prf {
            precision,
            recall,
            f1: 2.0 * precision * recall / (precision + recall),
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub rouge1: Prf,
    pub rouge2: Prf,
    pub rouge_l: Prf,
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x3099..=0x309A)
}

fn is_format(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// The characters ROUGE compares: whitespace, punctuation and symbols
/// dropped, the rest lower-cased.
pub fn normalise(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|&c| c.is_alphanumeric() || is_combining_mark(c) || is_format(c) || c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

fn ngram_counts(chars: &[char], n: usize) -> HashMap<&[char], usize> {
    let mut counts = HashMap::new();
    if n == 0 {
        return counts;
    }
    for gram in chars.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

/// ROUGE-N over normalised character sequences, with clipped counts.
pub fn rouge_n(candidate: &[char], reference: &[char], n: usize) -> Prf {
    let cand = ngram_counts(candidate, n);
    let refs = ngram_counts(reference, n);
    let overlap: usize = cand
        .iter()
        .map(|(g, &c)| c.min(refs.get(g).copied().unwrap_or(0)))
        .sum();
    let total_cand = candidate.len().saturating_sub(n.saturating_sub(1));
    let total_ref = reference.len().saturating_sub(n.saturating_sub(1));
    Prf::from_counts(overlap, total_cand, total_ref)
}

/// Length of the longest common subsequence, in O(|a|·|b|) time and
/// O(min) memory.
pub fn lcs_len(a: &[char], b: &[char]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut row = vec![0usize; short.len() + 1];
    for &x in long {
        let mut diag = 0usize; // row[j-1] of the previous line
        for (j, &y) in short.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let v = if x == y { diag + 1 } else { up.max(left) };
            diag = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = v;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// ROUGE-L over normalised character sequences.
pub fn rouge_l(candidate: &[char], reference: &[char]) -> Prf {
    Prf::from_counts(
        lcs_len(candidate, reference),
        candidate.len(),
        reference.len(),
    )
}

/// All three measures of a candidate summary against a reference.
pub fn score(candidate: &str, reference: &str) -> Scores {
    let c = normalise(candidate);
    let r = normalise(reference);
    Scores {
        rouge1: rouge_n(&c, &r, 1),
        rouge2: rouge_n(&c, &r, 2),
        rouge_l: rouge_l(&c, &r),
    }
}

/// Mean F1 (times 100) of each measure over many documents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MeanF1 {
    pub rouge1: f64,
    pub rouge2: f64,
    pub rouge_l: f64,
    pub documents: usize,
}

impl MeanF1 {
    pub fn of(scores: &[Scores]) -> MeanF1 {
        let n = scores.len();
        if n == 0 {
            return MeanF1::default();
        }
        let mean = |f: fn(&Scores) -> f64| 100.0 * scores.iter().map(f).sum::<f64>() / n as f64;
        MeanF1 {
            rouge1: mean(|s| s.rouge1.f1),
            rouge2: mean(|s| s.rouge2.f1),
            rouge_l: mean(|s| s.rouge_l.f1),
            documents: n,
        }
    }
}

/// The extractive oracle: the sentences (at most `k`, as indices in
/// document order) whose concatenation in document order scores best
/// against `reference`, found greedily. Each step adds the sentence that
/// raises ROUGE-1 F1 + ROUGE-2 F1 most, and selection stops when no
/// sentence raises it. It bounds what any ranking over these sentences can
/// reach (up to the greedy search), so a ranking change can be told apart
/// from a change of the units ranked.
pub fn greedy_oracle(sentences: &[&str], reference: &str, k: usize) -> Vec<usize> {
    let reference = normalise(reference);
    let units: Vec<Vec<char>> = sentences.iter().map(|s| normalise(s)).collect();
    let objective = |chosen: &[usize]| {
        let mut order = chosen.to_vec();
        order.sort_unstable();
        let candidate: Vec<char> = order
            .iter()
            .filter_map(|&i| units.get(i))
            .flatten()
            .copied()
            .collect();
        rouge_n(&candidate, &reference, 1).f1 + rouge_n(&candidate, &reference, 2).f1
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut best = 0.0;
    while chosen.len() < k {
        let mut step: Option<(usize, f64)> = None;
        for i in (0..units.len()).filter(|i| !chosen.contains(i)) {
            let mut trial = chosen.clone();
            trial.push(i);
            let value = objective(&trial);
            if value > best && step.is_none_or(|(_, v)| value > v) {
                step = Some((i, value));
            }
        }
        let Some((i, value)) = step else { break };
        chosen.push(i);
        best = value;
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn normalise_drops_space_punctuation_symbols_and_lowercases() {
        let got: String = normalise("北京， 2024年！ABC　“好”…… +-×%")
            .into_iter()
            .collect();
        assert_eq!(got, "北京2024年abc好");
    }

    #[test]
    fn hand_worked_unigram_and_bigram() {
        // candidate 我爱北京 (4 chars), reference 我爱上海北京 (6 chars).
        // unigrams: overlap 我 爱 北 京 = 4 → P 4/4, R 4/6, F1 0.8.
        // bigrams: cand 我爱 爱北 北京; ref 我爱 爱上 上海 海北 北京;
        // overlap 我爱 北京 = 2 → P 2/3, R 2/5, F1 = 2·(2/3)(2/5)/(2/3+2/5) = 0.5.
        // LCS 我爱北京 = 4 → same as ROUGE-1.
        let s = score("我爱北京。", "我爱上海，北京！");
        assert!(close(s.rouge1.precision, 1.0));
        assert!(close(s.rouge1.recall, 4.0 / 6.0));
        assert!(close(s.rouge1.f1, 0.8));
        assert!(close(s.rouge2.precision, 2.0 / 3.0));
        assert!(close(s.rouge2.recall, 0.4));
        assert!(close(s.rouge2.f1, 0.5));
        assert!(close(s.rouge_l.f1, 0.8));
    }

    #[test]
    fn counts_are_clipped() {
        // candidate 好好好好 vs reference 好好: unigram overlap min(4,2) = 2,
        // P 2/4, R 2/2, F1 2/3; bigram cand 好好×3, ref 好好×1 → overlap 1,
        // P 1/3, R 1, F1 0.5; LCS 2 → same as ROUGE-1.
        let s = score("好好好好", "好好");
        assert!(close(s.rouge1.f1, 2.0 / 3.0));
        assert!(close(s.rouge2.f1, 0.5));
        assert!(close(s.rouge_l.f1, 2.0 / 3.0));
    }

    #[test]
    fn lcs_is_a_subsequence_not_a_substring() {
        // 法院判决驳回 vs 法院依法驳回: LCS 法院驳回 = 4, out of 6 and 6.
        let s = score("法院判决驳回", "法院依法驳回");
        assert_eq!(
            lcs_len(&normalise("法院判决驳回"), &normalise("法院依法驳回")),
            4
        );
        assert!(close(s.rouge_l.f1, 4.0 / 6.0));
        // unigrams: 法 院 驳 回 match, 法 appears twice in the reference but once
        // in the candidate → overlap 4; bigrams 法院 驳回 → 2 of 5.
        assert!(close(s.rouge1.f1, 4.0 / 6.0));
        assert!(close(s.rouge2.f1, 0.4));
    }

    #[test]
    fn empty_sides_score_zero() {
        assert_eq!(score("", "参考摘要"), Scores::default());
        assert_eq!(score("候选", "，。"), Scores::default());
        assert_eq!(score("甲", "乙").rouge1.f1, 0.0);
    }

    #[test]
    fn oracle_picks_the_sentence_closest_to_the_reference() {
        let sentences = [
            "据新华社报道，本周全国大部分地区气温偏高。",
            "气象台预计周末北方将迎来大范围降雪。",
            "专家提醒市民注意出行安全。",
        ];
        // The headline shares 北方 降雪 with the second sentence only.
        assert_eq!(
            greedy_oracle(&sentences, "北方周末迎大范围降雪", 1),
            vec![1]
        );
        // With room for two, a sentence that adds overlap is taken, and the
        // result is in document order.
        assert_eq!(
            greedy_oracle(&sentences, "全国气温偏高，北方将迎降雪", 2),
            vec![0, 1]
        );
    }

    #[test]
    fn oracle_stops_when_nothing_helps() {
        let sentences = ["法院判决驳回原告诉讼请求。", "今天天气晴朗。"];
        // The second sentence shares nothing with the reference: adding it
        // only lowers precision, so it is left out even with room for three.
        assert_eq!(greedy_oracle(&sentences, "驳回原告诉讼请求", 3), vec![0]);
        // Nothing overlaps at all: no sentence is chosen.
        assert!(greedy_oracle(&sentences, "股市大涨", 1).is_empty());
        assert!(greedy_oracle(&[], "股市大涨", 1).is_empty());
        assert!(greedy_oracle(&sentences, "驳回", 0).is_empty());
    }

    #[test]
    fn mean_is_times_one_hundred() {
        let a = score("我爱北京", "我爱北京");
        let b = score("甲", "乙");
        let m = MeanF1::of(&[a, b]);
        assert!(close(m.rouge1, 50.0) && close(m.rouge2, 50.0) && close(m.rouge_l, 50.0));
        assert_eq!(m.documents, 2);
    }
}
