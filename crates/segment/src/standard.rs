//! A bakeoff segmentation standard, learnt from its training word list
//! alone: the words it lists, and three conventions read off the list's
//! shape rather than off any particular word.
//!
//! - Units after numbers: a standard that lists more numbers with a unit
//!   (`３个`, `５万元`) than bare numbers writes a number and its unit as
//!   one word; the units are those the list shows after at least
//!   [`MIN_UNIT_WORDS`] different numbers. Of the four bakeoffs only MSR
//!   does this (7244 such words against 1222 bare numbers; PKU 1216
//!   against 1878).
//! - Whole dates: a standard that lists more dates of two or three parts
//!   (`１９９７年４月２９日`, `４月１８日`) than dates of one part writes
//!   a date as one word (MSR: 996 against 517; the others none or one).
//! - Repeated punctuation: a run of one punctuation mark (`---`, `……`)
//!   is one word only if the list has it, else one word per mark when the
//!   list has the single mark (MSR lists `…` and `-`, PKU `……`).

use std::collections::HashSet;

/// How many different numbers a unit must follow in the list to count.
pub const MIN_UNIT_WORDS: usize = 5;

/// A word of the text being segmented: char and byte ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Span {
    /// This span and the one right after it as one span.
    fn join(self, next: Span) -> Span {
        Span {
            start: self.start,
            end: next.end,
            byte_start: self.byte_start,
            byte_end: next.byte_end,
        }
    }
}

/// A standard's word list and the conventions learnt from it.
#[derive(Debug, Default)]
pub(crate) struct Standard {
    pub words: HashSet<String>,
    /// Units written as one word with the number before them (empty when
    /// the standard keeps numbers bare).
    pub number_units: HashSet<String>,
    /// Whether a date of several parts is one word.
    pub whole_dates: bool,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chars of an Arabic number: digits, decimal points, percent signs.
fn is_number_char(c: char) -> bool {
    is_digit(c) || matches!(c, '.' | '．' | '%' | '％')
}

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
    )
}

/// A number (Arabic or Chinese) followed by a date unit, or `None`.
fn date_unit(word: &[char]) -> Option<char> {
    let (&unit, number) = word.split_last()?;
    let numeric = !number.is_empty()
        && (number.iter().all(|&c| is_number_char(c)) || number.iter().all(|&c| is_cn_numeral(c)));
    (numeric && matches!(unit, '年' | '月' | '日' | '号')).then_some(unit)
}

/// The parts of a date word (`１９９７年４月` has two), or 0 if it is not
/// one.
fn date_parts(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let mut parts = 0;
    let mut rest = chars.as_slice();
    while !rest.is_empty() {
        let Some(cut) = rest
            .iter()
            .position(|c| matches!(c, '年' | '月' | '日' | '号'))
        else {
            return 0;
        };
        let (part, tail) = rest.split_at(cut + 1);
        if date_unit(part).is_none() {
            return 0;
        }
        parts += 1;
        rest = tail;
    }
    parts
}

impl Standard {
    /// Learns a standard from its word list (already in the analysis script).
    pub fn learn(words: HashSet<String>) -> Standard {
        let mut unit_counts: std::collections::HashMap<&str, usize> = Default::default();
        let (mut with_unit, mut bare) = (0usize, 0usize);
        let (mut multi_dates, mut single_dates) = (0usize, 0usize);
        for word in &words {
            let number_len: usize = word
                .chars()
                .take_while(|&c| is_number_char(c))
                .map(char::len_utf8)
                .sum();
            let starts_with_digit = word.chars().next().is_some_and(is_digit);
            if starts_with_digit {
                let unit = word.get(number_len..).unwrap_or_default();
                let unit_chars = unit.chars().count();
                if unit_chars == 0 {
                    bare += 1;
                } else if unit_chars <= 2 && !unit.chars().any(is_digit) {
                    with_unit += 1;
                    *unit_counts.entry(unit).or_insert(0) += 1;
                }
            }
            match date_parts(word) {
                0 => {}
                1 => single_dates += 1,
                _ => multi_dates += 1,
            }
        }
        let number_units = if with_unit > bare {
            unit_counts
                .into_iter()
                .filter(|&(_, n)| n >= MIN_UNIT_WORDS)
                .map(|(u, _)| u.to_string())
                .collect()
        } else {
            HashSet::new()
        };
        Standard {
            number_units,
            whole_dates: multi_dates > single_dates,
            words,
        }
    }

    fn has(&self, chars: &[char]) -> bool {
        let word: String = chars.iter().collect();
        self.words.contains(&word)
    }

    /// Applies the conventions to the spans of a text whose chars are
    /// `chars`.
    pub fn adjust(&self, spans: Vec<Span>, chars: &[char]) -> Vec<Span> {
        let word = |s: &Span| chars.get(s.start..s.end).unwrap_or_default();
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        let mut i = 0;
        while let Some(&span) = spans.get(i) {
            i += 1;
            let w = word(&span);
            // Repeated punctuation the list does not have whole.
            if let [first, rest @ ..] = w {
                let run = !rest.is_empty()
                    && rest.iter().all(|c| c == first)
                    && !first.is_alphanumeric()
                    && !first.is_whitespace();
                if run && !self.has(w) && self.has(std::slice::from_ref(first)) {
                    let width = first.len_utf8();
                    out.extend((0..w.len()).map(|k| Span {
                        start: span.start + k,
                        end: span.start + k + 1,
                        byte_start: span.byte_start + k * width,
                        byte_end: span.byte_start + (k + 1) * width,
                    }));
                    continue;
                }
            }
            let mut span = span;
            // A number takes the unit after it (one span or two).
            if !self.number_units.is_empty()
                && w.first().is_some_and(|&c| is_digit(c))
                && w.iter().all(|&c| is_number_char(c))
            {
                let next = spans.get(i).copied();
                let after = spans.get(i + 1).copied();
                let contiguous = |a: &Span, b: &Span| a.end == b.start;
                let unit_of = |parts: &[Span]| -> Option<Span> {
                    let (&first, rest) = parts.split_first()?;
                    let mut joined = first;
                    for p in rest {
                        if !contiguous(&joined, p) {
                            return None;
                        }
                        joined = joined.join(*p);
                    }
                    let text: String = word(&joined).iter().collect();
                    self.number_units.contains(&text).then_some(joined)
                };
                let taken = match (next, after) {
                    (Some(n), Some(a)) if contiguous(&span, &n) && unit_of(&[n, a]).is_some() => 2,
                    (Some(n), _) if contiguous(&span, &n) && unit_of(&[n]).is_some() => 1,
                    _ => 0,
                };
                for _ in 0..taken {
                    if let Some(&n) = spans.get(i) {
                        span = span.join(n);
                        i += 1;
                    }
                }
            }
            // Date parts join the date part before them, in order.
            if self.whole_dates {
                if let Some(prev) = out.last_mut() {
                    let prev_unit = date_tail_unit(word(prev));
                    let unit = date_unit(word(&span));
                    let follows = matches!(
                        (prev_unit, unit),
                        (Some('年'), Some('月')) | (Some('月'), Some('日' | '号'))
                    );
                    if follows && prev.end == span.start {
                        *prev = prev.join(span);
                        continue;
                    }
                }
            }
            out.push(span);
        }
        out
    }
}

/// The unit ending a date word of one or more parts, or `None`.
fn date_tail_unit(word: &[char]) -> Option<char> {
    let text: String = word.iter().collect();
    if date_parts(&text) == 0 {
        return None;
    }
    word.last().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learn(words: &[&str]) -> Standard {
        Standard::learn(words.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn units_are_learnt_only_where_numbers_take_them() {
        let mut words = vec!["３", "１２"];
        let units = [
            "３个",
            "５个",
            "７个",
            "９个",
            "１１个",
            "３元",
            "４元",
            "５元",
            "６元",
            "７元",
            "２名",
        ];
        words.extend(units);
        let s = learn(&words);
        let mut got: Vec<&str> = s.number_units.iter().map(String::as_str).collect();
        got.sort();
        // `名` follows one number only.
        assert_eq!(got, vec!["个", "元"]);
        // The same words with more bare numbers than units: no units.
        let mut bare = words.clone();
        bare.extend([
            "１", "２", "４", "５", "６", "７", "８", "９", "１０", "２０",
        ]);
        assert!(learn(&bare).number_units.is_empty());
    }

    #[test]
    fn dates_are_whole_where_the_list_writes_them_whole() {
        let s = learn(&[
            "１９９７年４月２９日",
            "４月１８日",
            "十二月三十一日",
            "１９９５年",
            "十二月",
        ]);
        assert!(s.whole_dates);
        let s = learn(&["１９９７年", "４月", "２９日", "十二月三十一日"]);
        assert!(!s.whole_dates);
        assert_eq!(date_parts("１９９７年４月２９日"), 3);
        assert_eq!(date_parts("今年"), 0);
    }
}
