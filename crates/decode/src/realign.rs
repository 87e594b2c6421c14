//! Damaged double-byte runs: GBK text where a byte was lost, lost its high
//! bit, or whole characters became `?` (or U+FFFD). The visible symptoms
//! are `?` runs inside Han text, single ASCII characters wedged between Han
//! characters (an orphaned trail byte, or a lead byte whose high bit was
//! cleared) and runs of rare characters decoded one byte out of phase.
//!
//! The method is general: re-encode the suspicious span to GBK bytes, try
//! restoring a high bit, a lost lead byte or the lost phase, decode again and
//! keep the candidate the character model clearly prefers; garbage that
//! cannot be explained is removed and recorded.

use crate::model::model;
use crate::repair::Tally;
use encoding_rs::GBK;
use taojin_core::{is_cjk_punct, is_han};

/// Mean improvement (nats per character) a re-aligned span must show.
const MARGIN: f32 = 2.0;
/// Pair bonus a guessed character must earn with its neighbours before it
/// is preferred to simply removing the damage.
const CONTEXT_BONUS: f32 = 3.0;
/// Clause length (characters since the last punctuation) from which a lost
/// character between two clauses is taken to be a full stop.
const SENTENCE_LEN: usize = 8;

fn chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

fn is_lost(c: char) -> bool {
    c == '?' || c == '\u{fffd}'
}

/// GBK bytes of a string (ASCII as itself); `None` if a character is not in GBK.
fn gbk_bytes(chars: &[char]) -> Option<Vec<u8>> {
    let s: String = chars.iter().collect();
    let (bytes, _, errors) = GBK.encode(&s);
    (!errors).then(|| bytes.into_owned())
}

/// GBK-decodes bytes; `None` if any sequence is malformed.
fn gbk_decode(bytes: &[u8]) -> Option<String> {
    let (text, errors) = GBK.decode_without_bom_handling(bytes);
    (!errors).then(|| text.into_owned())
}

pub(crate) fn repair_damage(
    line: &str,
    line_no: usize,
    doc: &DocPairs<'_>,
    tally: &mut Tally,
) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = out.last().copied();
        let next = chars.get(i + 1).copied();
        if is_lost(c) && prev.is_some_and(chinese) {
            let start = i;
            while i < chars.len() && is_lost(chars[i]) {
                i += 1;
            }
            let lost = &chars[start..i];
            let (x, after_x) = (chars.get(i).copied(), chars.get(i + 1).copied());
            // `?` then a stray ASCII character then Han: a lead byte that
            // lost its high bit, the rest of the run decoded out of phase.
            if x.is_some_and(|x| x.is_ascii_graphic()) && after_x.is_some_and(|c| !c.is_ascii()) {
                if let Some((fixed, used)) = realign_after(&chars, i) {
                    push_lost(&mut out, lost, line_no, tally);
                    out.extend(fixed.chars());
                    tally.realigned += 1;
                    i += used;
                    continue;
                }
            }
            // `?X` then Han: the `?` was a lead byte, X its surviving trail.
            if x.is_some_and(|x| x.is_ascii_alphabetic()) && after_x.is_some_and(is_han) {
                let trail = x.map_or(b'?', |x| x as u8);
                push_lost(&mut out, &lost[..lost.len() - 1], line_no, tally);
                match guess_lead(out.last().copied(), trail, after_x, doc) {
                    Some(g) => {
                        out.push(g);
                        tally.realigned += 1;
                    }
                    None => tally.drop_garbage(
                        format!("{}{}", lost[lost.len() - 1], trail as char),
                        line_no,
                        "orphan_trail_byte",
                    ),
                }
                i += 1;
                continue;
            }
            // Without other evidence a `?` run after Chinese is most likely
            // real (`真的吗??`): only replacement characters are damage here.
            let damaged = lost.contains(&'\u{fffd}');
            if x.is_none_or(chinese) && damaged {
                push_lost(&mut out, lost, line_no, tally);
            } else {
                out.extend(lost);
            }
            continue;
        }
        // A symbol wedged between Han characters: a lead byte that lost its high bit.
        if c.is_ascii_punctuation()
            && c != '?'
            && prev.is_some_and(is_han)
            && next.is_some_and(is_han)
        {
            if let Some((fixed, used)) = realign_after(&chars, i) {
                out.extend(fixed.chars());
                tally.realigned += 1;
                i += used;
                continue;
            }
        }
        // A Han run ending in a lone ASCII letter (an orphaned trail byte)
        // may have been decoded out of phase after a lost byte.
        if is_han(c) && !prev.is_some_and(is_han) {
            if let Some((fixed, used)) = realign_run(&chars, i) {
                out.extend(fixed.chars());
                tally.realigned += 1;
                i += used;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out.into_iter().collect()
}

/// Characters lost whole (`?`, U+FFFD) after Chinese text. At the end of a
/// long clause the lost character was most likely the full stop that the
/// text goes on without; otherwise it cannot be known and is removed.
fn push_lost(out: &mut Vec<char>, lost: &[char], line_no: usize, tally: &mut Tally) {
    if lost.is_empty() {
        return;
    }
    let clause = out
        .iter()
        .rev()
        .filter(|&&c| !matches!(c, '”' | '’' | '」' | '』' | '》' | '）'))
        .take_while(|&&c| !is_clause_end(c))
        .count();
    let last_is_text = out
        .last()
        .is_some_and(|&c| is_han(c) || matches!(c, '”' | '’' | '」' | '』' | '》' | '）'));
    if clause >= SENTENCE_LEN && last_is_text {
        out.push('。');
        tally.realigned += 1;
        if lost.len() > 1 {
            tally.drop_garbage(lost[1..].iter().collect(), line_no, "lost_double_byte");
        }
    } else {
        tally.drop_garbage(lost.iter().collect(), line_no, "lost_double_byte");
    }
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '、' | '：' | ',' | '.' | ';' | '!' | ':' | '?'
    )
}

/// How often each pair of adjacent characters occurs in a document: the
/// document's own vocabulary, which votes on a lost lead byte. Counted on
/// first use, once per document (counting by searching the text for each
/// candidate pair made long damaged documents quadratic).
pub(crate) struct DocPairs<'a> {
    text: &'a str,
    counts: std::cell::OnceCell<std::collections::HashMap<(char, char), u32>>,
}

impl<'a> DocPairs<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        DocPairs {
            text,
            counts: std::cell::OnceCell::new(),
        }
    }

    /// Occurrences of `a` followed by `b` in the document.
    fn count(&self, a: char, b: char) -> u32 {
        let counts = self.counts.get_or_init(|| {
            let mut counts = std::collections::HashMap::new();
            let mut chars = self.text.chars();
            let mut prev = chars.next();
            for c in chars {
                if let Some(p) = prev {
                    *counts.entry((p, c)).or_insert(0) += 1;
                }
                prev = Some(c);
            }
            counts
        });
        counts.get(&(a, b)).copied().unwrap_or(0)
    }
}

/// The character whose lead byte was lost, given its surviving trail byte
/// and its neighbours: the candidate that forms words with the neighbours
/// (in the dictionary, or elsewhere in the same document), if one clearly
/// does.
fn guess_lead(
    prev: Option<char>,
    trail: u8,
    next: Option<char>,
    doc: &DocPairs<'_>,
) -> Option<char> {
    let m = model();
    let mut scored: Vec<(f32, f32, char)> = Vec::new();
    for lead in 0x81u8..=0xfe {
        let Some(s) = gbk_decode(&[lead, trail]) else {
            continue;
        };
        let Some(c) = s.chars().next().filter(|&c| is_han(c)) else {
            continue;
        };
        let mut bonus =
            prev.map_or(0.0, |p| m.pair_bonus(p, c)) + next.map_or(0.0, |n| m.pair_bonus(c, n));
        // The document's own vocabulary: the same pair seen intact elsewhere.
        for (a, b) in [prev.map(|p| (p, c)), next.map(|n| (c, n))]
            .into_iter()
            .flatten()
        {
            let seen = doc.count(a, b);
            bonus += (1.0 + seen as f32).ln() * 2.0;
        }
        scored.push((m.char_logp(c) + bonus, bonus, c));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored.first()?;
    let runner_up = scored.get(1).map_or(f32::MIN, |s| s.0);
    (best.1 >= CONTEXT_BONUS && best.0 - runner_up >= 1.0).then_some(best.2)
}

/// The run of Chinese characters starting at `i`, and what ends it when
/// that is the other half of a split character: a lone ASCII letter (an
/// orphaned trail byte) or a lost-byte mark. `(end of run, end with it)`.
fn han_run(chars: &[char], i: usize) -> (usize, Option<usize>) {
    let mut j = i;
    // Out-of-phase GBK decodes to any double-byte character: Han, but
    // also symbols, box drawing and full-width forms.
    while j < chars.len() && !chars[j].is_ascii() && !is_lost(chars[j]) {
        j += 1;
    }
    let letter = chars.get(j).is_some_and(|c| c.is_ascii_alphabetic())
        && !chars.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric());
    let lost = chars.get(j).is_some_and(|&c| is_lost(c));
    (j, (letter || lost).then_some(j + 1))
}

/// Re-aligns from a stray ASCII symbol at `i` through the Han run after it:
/// restores the symbol's high bit (or drops it) and decodes again.
fn realign_after(chars: &[char], i: usize) -> Option<(String, usize)> {
    let (run_end, with_letter) = han_run(chars, i + 1);
    let end = with_letter.unwrap_or(run_end);
    let window = &chars[i..end];
    if has_kana_pair(window) {
        return None;
    }
    let ends_lost = window.last().is_some_and(|&c| is_lost(c));
    let known = if ends_lost {
        &window[..window.len() - 1]
    } else {
        window
    };
    let bytes = gbk_bytes(known)?;
    let mut candidates = Vec::new();
    let mut high = bytes.clone();
    high[0] |= 0x80;
    if ends_lost {
        // The run's last byte was an orphan the decoder dropped: try every
        // trail byte for it.
        for trail in (0x40u8..=0x7e).chain(0x80..=0xfe) {
            let mut c = high.clone();
            c.push(trail);
            candidates.push(c);
        }
    } else {
        candidates.push(high);
    }
    candidates.push(bytes[1..].to_vec());
    best_candidate(window, chars.get(end).copied(), &candidates).map(|s| (s, window.len()))
}

/// Re-aligns a run of rare Han characters that ends in an orphaned trail
/// byte, by finding the byte whose loss put the run out of phase.
fn realign_run(chars: &[char], i: usize) -> Option<(String, usize)> {
    let (run_end, with_letter) = han_run(chars, i);
    let end = with_letter?;
    let m = model();
    if !chars[i..run_end].iter().any(|&c| m.is_rare(c)) {
        return None;
    }
    let window = &chars[i..end];
    if has_kana_pair(window) {
        return None;
    }
    let bytes = gbk_bytes(window)?;
    // Dropping the byte before the first rare character's lead, or any
    // byte after it, restores the phase for the rest of the run; try
    // each and keep the best (re-encoding keeps the correct prefix).
    let first_rare = window.iter().position(|&c| m.is_rare(c)).unwrap_or(0);
    let prefix_bytes = gbk_bytes(&window[..first_rare])?.len();
    let mut best: Option<(f32, String)> = None;
    let original_tail: String = window[first_rare..].iter().collect();
    let before = m.mean_score(&original_tail);
    for p in prefix_bytes.saturating_sub(2)..bytes.len().saturating_sub(1) {
        let mut trial = bytes.clone();
        trial.remove(p);
        let Some(decoded) = gbk_decode(&trial) else {
            continue;
        };
        let head: String = window[..first_rare].iter().collect();
        let tail = decoded.strip_prefix(&head).unwrap_or(decoded.as_str());
        let after = m.mean_score(tail);
        if after - before >= MARGIN
            && chinese_text(tail)
            && best.as_ref().is_none_or(|b| after > b.0)
        {
            best = Some((after, decoded.clone()));
        }
    }
    best.map(|(_, s)| (s, window.len()))
}

/// Two kana in a row: Japanese, not GBK read out of phase. Out of phase, a
/// kana needs a character's trail byte to be exactly 0xA4 or 0xA5 (GBK's
/// kana rows), so a pair of them in garbage is about one chance in ten
/// thousand, while Japanese strings its particles and endings in kana.
fn has_kana_pair(chars: &[char]) -> bool {
    let kana = |c: &char| matches!(*c, '\u{3041}'..='\u{30ff}');
    chars.windows(2).any(|w| kana(&w[0]) && kana(&w[1]))
}

/// Text that a GBK run should decode to: Han and Chinese punctuation,
/// with at most an ASCII letter or digit here and there.
fn chinese_text(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().filter(|&c| chinese(c)).count();
    n > 0 && han * 4 >= n * 3 && s.chars().all(|c| chinese(c) || c.is_ascii_alphanumeric())
}

/// The candidate decoding that reads clearly better than `window`.
/// `next` is the character after the window: candidates are scored with it
/// so that the last character is chosen in context.
fn best_candidate(window: &[char], next: Option<char>, candidates: &[Vec<u8>]) -> Option<String> {
    let m = model();
    let with_next = |s: &str| -> String { s.chars().chain(next).collect() };
    let original: String = with_next(&window.iter().collect::<String>());
    let before = m.mean_score(&original);
    let mut best: Option<(f32, String)> = None;
    for bytes in candidates {
        let Some(decoded) = gbk_decode(bytes) else {
            continue;
        };
        if !chinese_text(&decoded) {
            continue;
        }
        let after = m.mean_score(&with_next(&decoded));
        if after - before >= MARGIN && best.as_ref().is_none_or(|b| after > b.0) {
            best = Some((after, decoded));
        }
    }
    best.map(|(_, s)| s)
}
