//! A character model of Chinese, used to decide whether a re-decoded span
//! reads better than what it replaces. Built from jieba's word frequencies
//! (see `data/charmodel.txt` and `examples/gen_charmodel.rs`): unigram
//! log-probabilities of characters plus a bonus for character pairs that
//! occur inside dictionary words.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/charmodel.txt");

/// Log-probability given to Han characters the model has never seen: below
/// every listed character, so unknown Han reads as unlikely.
const UNSEEN_HAN: f32 = -16.0;
/// Log-probability for ASCII letters and digits: neutral, about a middling
/// Han character, so mixed text is neither favoured nor penalised.
pub(crate) const ASCII_WORD: f32 = -8.0;
/// Chinese punctuation is as ordinary as the commonest characters (the
/// comma and full stop, the commonest marks, a little more).
const CJK_PUNCT: f32 = -5.0;
/// Everything else (symbols, Latin-1 letters, controls, private use,
/// replacement characters): what mojibake is made of.
pub(crate) const OTHER: f32 = -17.0;

pub(crate) struct CharModel {
    /// Log-probability of each character in U+4E00..=U+9FFF, indexed by
    /// code point minus 0x4E00 (a flat table: scoring is on the hot path).
    cjk: Vec<f32>,
    other_han: HashMap<char, f32>,
    /// Pointwise association of within-word character pairs, in nats.
    pairs: HashMap<(char, char), f32>,
}

pub(crate) fn model() -> &'static CharModel {
    static MODEL: OnceLock<CharModel> = OnceLock::new();
    MODEL.get_or_init(|| CharModel::parse(DATA))
}

impl CharModel {
    fn parse(data: &str) -> CharModel {
        let mut unigrams: Vec<(char, f64)> = Vec::new();
        let mut bigrams: Vec<((char, char), f64)> = Vec::new();
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(kind), Some(chars), Some(count)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Ok(count) = count.parse::<f64>() else {
                continue;
            };
            let mut cs = chars.chars();
            match (kind, cs.next(), cs.next()) {
                ("u", Some(c), None) => unigrams.push((c, count)),
                ("b", Some(a), Some(b)) => bigrams.push(((a, b), count)),
                _ => {}
            }
        }
        let total: f64 = unigrams.iter().map(|(_, n)| n).sum::<f64>().max(1.0);
        let mut cjk = vec![UNSEEN_HAN; 0x9FFF - 0x4E00 + 1];
        let mut other_han = HashMap::new();
        let mut logp: HashMap<char, f64> = HashMap::new();
        for &(c, n) in &unigrams {
            let lp = (n / total).ln();
            logp.insert(c, lp);
            match (c as usize)
                .checked_sub(0x4E00)
                .and_then(|i| cjk.get_mut(i))
            {
                Some(slot) => *slot = lp as f32,
                None => {
                    other_han.insert(c, lp as f32);
                }
            }
        }
        let pair_total: f64 = bigrams.iter().map(|(_, n)| n).sum::<f64>().max(1.0);
        let mut pairs = HashMap::with_capacity(bigrams.len());
        for ((a, b), n) in bigrams {
            let (Some(la), Some(lb)) = (logp.get(&a), logp.get(&b)) else {
                continue;
            };
            let pmi = (n / pair_total).ln() - la - lb;
            if pmi > 0.0 {
                pairs.insert((a, b), pmi.min(12.0) as f32);
            }
        }
        CharModel {
            cjk,
            other_han,
            pairs,
        }
    }

    /// Log-probability of one character.
    pub(crate) fn char_logp(&self, c: char) -> f32 {
        let cp = c as u32;
        if (0x4E00..=0x9FFF).contains(&cp) {
            return self
                .cjk
                .get((cp - 0x4E00) as usize)
                .copied()
                .unwrap_or(UNSEEN_HAN);
        }
        if let Some(&lp) = self.other_han.get(&c) {
            return lp;
        }
        if taojin_core::is_han(c) {
            UNSEEN_HAN
        } else if c.is_ascii_alphanumeric() || c == ' ' {
            ASCII_WORD
        } else if c == '，' {
            CJK_PUNCT + 1.5
        } else if c == '。' {
            CJK_PUNCT + 1.0
        } else if taojin_core::is_cjk_punct(c) || matches!(c, '０'..='９') {
            CJK_PUNCT
        } else if c.is_ascii_punctuation() {
            ASCII_WORD - 1.0
        } else {
            OTHER
        }
    }

    /// Association bonus of `a` followed by `b` inside a word (0 if none).
    pub(crate) fn pair_bonus(&self, a: char, b: char) -> f32 {
        self.pairs.get(&(a, b)).copied().unwrap_or(0.0)
    }

    /// Total score of a string: unigram log-probabilities plus a share of
    /// the pair bonuses, so that words beat random characters.
    pub(crate) fn score(&self, text: &str) -> f32 {
        let mut total = 0.0;
        let mut prev: Option<char> = None;
        for c in text.chars() {
            total += self.char_logp(c);
            if let Some(p) = prev {
                total += 0.5 * self.pair_bonus(p, c);
            }
            prev = Some(c);
        }
        total
    }

    /// Mean score per character (0 for empty text).
    pub(crate) fn mean_score(&self, text: &str) -> f32 {
        let n = text.chars().count();
        if n == 0 {
            0.0
        } else {
            self.score(text) / n as f32
        }
    }

    /// Whether a Han character is rare enough to hint at mojibake.
    pub(crate) fn is_rare(&self, c: char) -> bool {
        self.char_logp(c) < RARE
    }
}

/// Characters below this log-probability are rare (outside roughly the
/// 4,000 commonest); GBK mojibake of UTF-8 is mostly made of them.
pub(crate) const RARE: f32 = -11.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_beats_rare_and_words_beat_shuffles() {
        let m = model();
        assert!(m.char_logp('的') > m.char_logp('鍙'));
        assert!(m.char_logp('縣') > RARE, "Traditional forms are known");
        assert!(m.mean_score("发布会") > m.mean_score("鍙戝竷浼") + 3.0);
        assert!(m.score("政协委员") > m.score("委政员协"));
        assert!(m.is_rare('竷') && !m.is_rare('国'));
    }
}
