//! What a document says about its own lost bytes. A page repeats its
//! words: the character whose last byte was lost before a number (`李某1`)
//! is usually elsewhere on the same page with all its bytes (`王某2`).
//! The first pass of the repair counts the characters it decoded whole
//! (and those of the page's clean lines), each with what follows it; the
//! second pass prefers, among the candidates of a lost byte, those the
//! page is seen to use in the same place more than Chinese at large does,
//! and those that make a pair of Han characters the page shows whole
//! (`杨某`, a party's name, where the dictionary knows `杨柳`).
//!
//! In the same place, because the loss is not blind to the character: in
//! UTF-8 read as GBK a byte is lost where an odd run of Chinese meets
//! ASCII, so what usually stands before a number, a line's end or ASCII
//! punctuation (`月` in dates, `。` at a line's end) is lost far more often
//! than the rest, and the page's whole characters under-count it. Among
//! the characters that stand before a number, whether a run was odd or
//! even has nothing to do with which character ended it.
//!
//! Also per line: a closing bracket whose opening partner is open earlier
//! on the line is what the line needs (`【蘇州之聲】2023`, not `。`).

use crate::model::model;
use crate::repair::{guessable, Source};
use std::collections::HashMap;
use taojin_core::is_han;

/// Weight of the model's unigram distribution against the page's counts,
/// in characters: the page's evidence for a character counts once it has
/// been seen about as often as this many characters of ordinary text would
/// show it. A Dirichlet prior on the page's character distribution.
const PRIOR_WEIGHT: f32 = 100.0;

/// Largest bonus (nats) the page's counts give: a strong word of the pair
/// model (`杨柳`) still outweighs a few sightings.
const MAX_BONUS: f32 = 8.0;

/// Weight of the model's pair distribution against the page's counts, in
/// occurrences of the first character.
const PAIR_WEIGHT: f32 = 10.0;

/// What follows a character.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Follower {
    /// An ASCII digit.
    Digits,
    /// ASCII punctuation.
    Punct,
    /// Other ASCII: letters, spaces.
    Latin,
    /// The end of the line.
    LineEnd,
    /// A character that is not ASCII.
    Within,
}

impl Follower {
    pub(crate) fn of(c: Option<char>) -> Follower {
        match c {
            None | Some('\r') => Follower::LineEnd,
            Some(c) if c.is_ascii_digit() => Follower::Digits,
            Some(c) if c.is_ascii_punctuation() => Follower::Punct,
            Some(c) if c.is_ascii() => Follower::Latin,
            Some(_) => Follower::Within,
        }
    }
}

/// Characters a page was seen to use with all their bytes known, by what
/// follows them.
#[derive(Default, Debug, Clone)]
pub(crate) struct Vocab {
    counts: HashMap<(char, Follower), u32>,
    /// Pairs of Han neighbours seen whole: the page's own words (`杨某`
    /// where the dictionary knows `杨柳`). Not by follower: a name is a
    /// name wherever it stands, and a pair is seldom the whole of what
    /// stands before ASCII.
    /// By the first character: the second characters and their counts (a
    /// few each), so that a lost byte's candidates after one character
    /// cost one look-up.
    pairs: HashMap<char, Vec<(char, u32)>>,
}

impl Vocab {
    /// Counts one character seen whole (only those a lost byte may be
    /// guessed to complete are of use).
    pub(crate) fn add(&mut self, c: char, next: Follower) {
        if guessable(c) {
            *self.counts.entry((c, next)).or_insert(0) += 1;
        }
    }

    /// Counts a pair of neighbours seen whole. Only Han pairs: which mark
    /// follows a word depends on where the sentence is, not on the page
    /// (`利息、罚息` on a page does not make `利息、` end a line).
    pub(crate) fn add_pair(&mut self, a: char, b: char) {
        if is_han(a) && is_han(b) {
            let after = self.pairs.entry(a).or_default();
            match after.iter_mut().find(|(c, _)| *c == b) {
                Some((_, n)) => *n += 1,
                None => after.push((b, 1)),
            }
        }
    }

    /// Counts the characters of a line that needed no repair.
    pub(crate) fn add_line(&mut self, line: &str) {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            self.add(c, Follower::of(next));
            if let Some(n) = next {
                self.add_pair(c, n);
            }
        }
    }

    /// As [`Vocab::bonus`], for `b` right after `a`: the page's count of
    /// the pair against the model's probability of `b` after `a`, with a
    /// prior worth a few sightings of `a`.
    pub(crate) fn pair_bonus(&self, a: char, b: char) -> f32 {
        pair_bonus_in(self.seen_after(a), a, b)
    }

    /// The characters seen whole right after `a`, with their counts.
    pub(crate) fn seen_after(&self, a: char) -> &[(char, u32)] {
        self.pairs.get(&a).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Log-ratio of the page's probability of `c` before `next` to that of
    /// a character the page never showed there, both under a Dirichlet
    /// prior centred on the model: `ln(1 + n / (w·p))`. Zero for an unseen
    /// character (a page without evidence scores as before); grows with
    /// the count and with how much more the page uses `c` than ordinary
    /// text does, so one sighting of a common character says little and a
    /// short page little at all.
    pub(crate) fn bonus(&self, c: char, next: Follower) -> f32 {
        let Some(&n) = self.counts.get(&(c, next)) else {
            return 0.0;
        };
        let p = model().char_logp(c).exp();
        (n as f32 / (PRIOR_WEIGHT * p)).ln_1p().min(MAX_BONUS)
    }
}

/// [`Vocab::pair_bonus`] of `b` after `a`, given what was seen after `a`.
pub(crate) fn pair_bonus_in(seen_after: &[(char, u32)], a: char, b: char) -> f32 {
    let Some(&(_, n)) = seen_after.iter().find(|(c, _)| *c == b) else {
        return 0.0;
    };
    let m = model();
    let p = (m.char_logp(b) + m.pair_bonus(a, b)).min(0.0).exp();
    (n as f32 / (PAIR_WEIGHT * p)).ln_1p().min(MAX_BONUS)
}

/// Bracket pairs of Chinese text. All are three bytes in UTF-8, so a
/// three-byte window over mojibake finds them.
const PAIRS: [(char, char); 12] = [
    ('（', '）'),
    ('【', '】'),
    ('《', '》'),
    ('〈', '〉'),
    ('「', '」'),
    ('『', '』'),
    ('〔', '〕'),
    ('〖', '〗'),
    ('［', '］'),
    ('｛', '｝'),
    ('“', '”'),
    ('‘', '’'),
];

/// Brackets left open so far on a line, read from decoded characters and
/// from the UTF-8 bytes that mojibake still holds.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Brackets {
    open: [u16; PAIRS.len()],
    /// The last three bytes of mojibake, newest last; `None` where a byte
    /// was lost or a decoded character broke the bytes.
    window: [Option<u8>; 3],
}

impl Brackets {
    /// A decoded character.
    pub(crate) fn push_char(&mut self, c: char) {
        self.window = [None; 3];
        self.bracket(c);
    }

    /// A byte of mojibake (`None` for a lost one).
    pub(crate) fn push_byte(&mut self, b: Option<u8>) {
        self.window = [self.window[1], self.window[2], b];
        if let [Some(x), Some(y), Some(z)] = self.window {
            if let Ok(s) = std::str::from_utf8(&[x, y, z]) {
                if let Some(c) = s.chars().next() {
                    self.bracket(c);
                }
            }
        }
    }

    /// A character of a line that may be mojibake: brackets as they are,
    /// other non-ASCII characters by their bytes in `source` (real Chinese
    /// seldom spells a bracket's UTF-8 with its bytes), lost bytes as lost.
    pub(crate) fn push_line_char(&mut self, c: char, source: Source, buf: &mut Vec<u8>) {
        if crate::repair::is_lost(c) {
            self.push_byte(None);
            return;
        }
        if c.is_ascii() || PAIRS.iter().any(|&(o, e)| o == c || e == c) {
            self.push_char(c);
            return;
        }
        buf.clear();
        if source.encode(c, buf) {
            for &b in buf.iter() {
                self.push_byte(Some(b));
            }
        } else {
            self.push_char(c);
        }
    }

    fn bracket(&mut self, c: char) {
        for (k, &(open, close)) in PAIRS.iter().enumerate() {
            if let Some(n) = self.open.get_mut(k) {
                if c == open {
                    *n = n.saturating_add(1);
                } else if c == close {
                    *n = n.saturating_sub(1);
                }
            }
        }
    }

    /// Whether `c` is a closing bracket.
    pub(crate) fn is_closing(c: char) -> bool {
        PAIRS.iter().any(|&(_, close)| close == c)
    }

    /// Whether `c` closes a bracket left open.
    pub(crate) fn closes(&self, c: char) -> bool {
        PAIRS
            .iter()
            .zip(&self.open)
            .any(|(&(_, close), &n)| close == c && n > 0)
    }
}

/// Bonus (nats) for a closing bracket whose partner is open: more than
/// the full stop's lead over a bracket in the model, and what a word's end
/// adds to it before a number or at a line's end.
pub(crate) const CLOSES_OPEN_BRACKET: f32 = 3.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseen_characters_get_nothing_and_counts_grow_the_bonus() {
        let d = Follower::Digits;
        let mut v = Vocab::default();
        assert!(v.is_empty());
        assert_eq!(v.bonus('某', d), 0.0);
        v.add('某', d);
        let once = v.bonus('某', d);
        v.add('某', d);
        let twice = v.bonus('某', d);
        assert!(
            once > 0.0 && twice > once && twice <= MAX_BONUS,
            "{once} {twice}"
        );
        // Seen before a number says nothing about the end of a line.
        assert_eq!(v.bonus('某', Follower::LineEnd), 0.0);
        // A common character seen once is hardly news.
        v.add('的', d);
        assert!(v.bonus('的', d) < 0.5 * once, "{}", v.bonus('的', d));
        // ASCII is never a guess.
        v.add('a', d);
        assert_eq!(v.bonus('a', d), 0.0);
        v.add_line("王某2与李某3");
        assert!(v.bonus('某', d) > twice);
        // Han neighbours seen whole; punctuation pairs are not counted.
        assert!(v.pair_bonus('王', '某') > 0.0);
        assert_eq!(v.pair_bonus('王', '柳'), 0.0);
        v.add_line("利息、罚息");
        assert_eq!(v.pair_bonus('息', '、'), 0.0);
    }

    #[test]
    fn brackets_are_read_from_characters_and_from_mojibake() {
        let mut b = Brackets::default();
        b.push_char('【');
        assert!(b.closes('】') && !b.closes('》'));
        b.push_char('】');
        assert!(!b.closes('】'));
        // `《` read as GBK: its UTF-8 bytes E3 80 8A are in the mojibake.
        let mut buf = Vec::new();
        let garbled = encoding_rs::GBK
            .decode_without_bom_handling("《法".as_bytes())
            .0
            .into_owned();
        for c in garbled.chars() {
            b.push_line_char(c, Source::Gbk, &mut buf);
        }
        assert!(b.closes('》'), "{garbled}");
    }
}
