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
/// Latin-1 letters (`é` in a name) are words of another script inside
/// Chinese text: possible, rarer than the symbols.
const LATIN_LETTER: f32 = -12.0;
/// Everything else (other symbols, controls, private use,
/// replacement characters): what mojibake is made of.
pub(crate) const OTHER: f32 = -17.0;

pub(crate) struct CharModel {
    /// Log-probability of each character in U+4E00..=U+9FFF, indexed by
    /// code point minus 0x4E00 (a flat table: scoring is on the hot path).
    cjk: Vec<f32>,
    other_han: HashMap<char, f32>,
    /// Pointwise association of within-word character pairs, in nats.
    pairs: HashMap<(char, char), f32>,
    /// For each character, its association with a Chinese numeral after
    /// it (`第三`) and before it (`五月`): how well it sits beside a number
    /// written in digits, which the dictionary the model is built from
    /// never shows.
    before_numeral: HashMap<char, f32>,
    after_numeral: HashMap<char, f32>,
    /// Log-probability that a character ends a word (is not followed by
    /// another character of the same word) and that it starts one.
    word_end: HashMap<char, f32>,
    word_start: HashMap<char, f32>,
}

/// What is next to a character on one side, as far as its place in a word
/// is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Side {
    /// ASCII digits: a number.
    Digits,
    /// ASCII punctuation: no word goes on.
    Boundary,
    /// Anything else (Han, Latin letters): says nothing here.
    Other,
}

impl Side {
    /// The side that a neighbouring character makes. The edge of a line
    /// (`None`) and a space say nothing: a page's line may end inside a
    /// sentence or on a name, and titles are spaced out letter by letter.
    pub(crate) fn of(c: Option<char>) -> Side {
        match crate::vocab::Follower::of(c) {
            crate::vocab::Follower::Digits => Side::Digits,
            crate::vocab::Follower::Punct => Side::Boundary,
            _ => Side::Other,
        }
    }
}

/// Chinese numerals that stand for a digit.
const NUMERALS: &str = "〇零一二三四五六七八九十两";

/// Whether `c` is a Chinese numeral standing for a digit.
pub(crate) fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c)
}

/// The numerals whose pairs tell how a character reads beside a number:
/// two to nine are numbers in every word they form, while `一`, `十`,
/// `两` and `零` also make words that are not about a number (`一定`,
/// `十分`, `两岸`, `零星`, `十几`).
fn is_plain_numeral(c: char) -> bool {
    "二三四五六七八九".contains(c)
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
        for &((a, b), n) in &bigrams {
            let (Some(la), Some(lb)) = (logp.get(&a), logp.get(&b)) else {
                continue;
            };
            let pmi = (n / pair_total).ln() - la - lb;
            if pmi > 0.0 {
                pairs.insert((a, b), pmi.min(12.0) as f32);
            }
        }
        // The numerals as one class: the summed counts of a character's
        // pairs with any of them, against the class's share of characters.
        // A class keeps what holds for numbers (`五月`, `八月`, `第三`) and
        // drops the one-off words of a single numeral (`三叶草`).
        let numeral_logp = unigrams
            .iter()
            .filter(|(c, _)| is_plain_numeral(*c))
            .map(|(_, n)| n / total)
            .sum::<f64>()
            .max(f64::MIN_POSITIVE)
            .ln();
        let (mut before_counts, mut after_counts): (HashMap<char, f64>, HashMap<char, f64>) =
            (HashMap::new(), HashMap::new());
        for &((a, b), n) in &bigrams {
            if is_plain_numeral(b) && !is_numeral(a) {
                *before_counts.entry(a).or_insert(0.0) += n;
            }
            if is_plain_numeral(a) && !is_numeral(b) {
                *after_counts.entry(b).or_insert(0.0) += n;
            }
        }
        let association = |counts: HashMap<char, f64>| -> HashMap<char, f32> {
            counts
                .into_iter()
                .filter_map(|(c, n)| {
                    let pmi = (n / pair_total).ln() - numeral_logp - logp.get(&c)?;
                    (pmi > 0.0).then_some((c, pmi.min(12.0) as f32))
                })
                .collect()
        };
        let before_numeral = association(before_counts);
        let after_numeral = association(after_counts);
        // Word-internal continuations of each character, summed over the
        // pairs (the listed pairs are the commonest, so this is a lower
        // bound and the word-end share an upper bound).
        let (mut followed, mut preceded): (HashMap<char, f64>, HashMap<char, f64>) =
            (HashMap::new(), HashMap::new());
        for &((a, b), n) in &bigrams {
            *followed.entry(a).or_insert(0.0) += n;
            *preceded.entry(b).or_insert(0.0) += n;
        }
        let share = |inside: Option<&f64>, n: f64| {
            let alone = 1.0 - inside.copied().unwrap_or(0.0) / n.max(1.0);
            alone.max(MIN_WORD_EDGE).ln() as f32
        };
        let mut word_end = HashMap::with_capacity(unigrams.len());
        let mut word_start = HashMap::with_capacity(unigrams.len());
        for &(c, n) in &unigrams {
            word_end.insert(c, share(followed.get(&c), n));
            word_start.insert(c, share(preceded.get(&c), n));
        }
        CharModel {
            cjk,
            other_han,
            pairs,
            before_numeral,
            after_numeral,
            word_end,
            word_start,
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
        } else if let Some(lp) = text_symbol_logp(c) {
            lp
        } else if is_latin1_letter(c) {
            LATIN_LETTER
        } else {
            OTHER
        }
    }

    /// Association bonus of `a` followed by `b` inside a word (0 if none).
    pub(crate) fn pair_bonus(&self, a: char, b: char) -> f32 {
        self.pairs.get(&(a, b)).copied().unwrap_or(0.0)
    }

    /// How well `c` reads right before a number written in digits (its
    /// association with a following numeral), less a penalty for a
    /// numeral: `五2017` mixes two ways of writing one number.
    pub(crate) fn before_number(&self, c: char) -> f32 {
        if is_numeral(c) {
            -NUMERAL_BESIDE_DIGITS
        } else {
            self.before_numeral.get(&c).copied().unwrap_or(0.0)
        }
    }

    /// How well `c` reads right after a number written in digits (`5月`).
    pub(crate) fn after_number(&self, c: char) -> f32 {
        if is_numeral(c) {
            -NUMERAL_BESIDE_DIGITS
        } else {
            self.after_numeral.get(&c).copied().unwrap_or(0.0)
        }
    }

    /// How well `c` reads with what is on its two sides: beside a number
    /// as beside a numeral, and at a word's edge where no word goes on
    /// (`提前了,`: `了` ends words far more often than `人` does).
    pub(crate) fn beside(&self, c: char, before: Side, after: Side) -> f32 {
        let start = match before {
            Side::Digits => self.after_number(c),
            Side::Boundary => self.word_start.get(&c).copied().unwrap_or(0.0),
            Side::Other => 0.0,
        };
        let end = match after {
            Side::Digits => self.before_number(c),
            Side::Boundary => self.word_end.get(&c).copied().unwrap_or(0.0),
            Side::Other => 0.0,
        };
        start + end
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

/// Symbols that Chinese text writes outside its punctuation: arithmetic
/// (`680元×55%`), units (`25℃`, `3‰`), degrees, section and number signs,
/// the reference mark. GBK has them all, so real GBK text shows them too.
pub(crate) fn is_text_symbol(c: char) -> bool {
    text_symbol_logp(c).is_some()
}

/// Log-probability of a symbol of Chinese text: the commonest (`×`, `°`,
/// `℃`) about as ordinary as ASCII punctuation, the others (`÷` and the
/// rest, which a lost byte must not turn `×` into) a little rarer.
fn text_symbol_logp(c: char) -> Option<f32> {
    match c {
        '×' | '°' => Some(ASCII_WORD - 1.0),
        '℃' => Some(ASCII_WORD - 1.5),
        '±' | '‰' => Some(ASCII_WORD - 2.5),
        '÷' | '№' | '§' | '※' | '′' | '″' => Some(ASCII_WORD - 3.0),
        _ => None,
    }
}

/// Letters of Latin-1 (`é`, `ñ`, `ö`), as in foreign names.
pub(crate) fn is_latin1_letter(c: char) -> bool {
    matches!(c, 'À'..='ÿ') && !matches!(c, '×' | '÷')
}

/// Smallest share of a character's uses at a word's edge that scoring
/// assumes: the pair counts are only of the commonest pairs.
const MIN_WORD_EDGE: f64 = 0.05;

/// Penalty, in nats, for a Chinese numeral written against digits.
const NUMERAL_BESIDE_DIGITS: f32 = 4.0;

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
