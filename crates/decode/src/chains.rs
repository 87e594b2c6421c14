//! Mojibake that crosses ASCII. UTF-8 read as GBK (or Big5) keeps ASCII
//! bytes as they are, so a line of mojibake is a series of garbled runs
//! between untouched ASCII pieces. Where every Han character is followed by
//! ASCII, as in pages with flattened ruby pinyin (`原(yuán)告(gào)`), each
//! run is one or two characters long, the last byte of an odd-length run is
//! lost (a GBK lead byte followed by ASCII is invalid) and the tone-marked
//! pinyin letters are garbled too (`á`, C3 A1, reads as `谩`).
//!
//! Run by run, such text has no context: a lost byte must be guessed among
//! 64 characters with nothing to vote on it, and a tone letter alone is not
//! Chinese. Here consecutive runs separated by short ASCII pieces form a
//! chain that is re-decoded as a whole: the Han characters of the chain are
//! one sentence, so their lost bytes are chosen together (Viterbi over the
//! candidates with the character model's log-probabilities and pair
//! bonuses), tone letters inside Latin words are accepted, and the chain is
//! replaced only when the whole reads clearly better than the original.

use crate::model::{model, Side, ASCII_WORD, OTHER};
use crate::repair::{
    big5_bytes, chinese_like, gbk_bytes, guessable, is_lost, utf8_owed_after, Source, FLOOR, MARGIN,
};
use crate::vocab::{pair_bonus_in, Brackets, Follower, Vocab, CLOSES_OPEN_BRACKET};
use pinyin::ToPinyinMulti;
use taojin_core::is_cjk_punct;

/// Longest ASCII piece that may join two garbled runs: a pinyin syllable
/// with its brackets (`n)X(zhu`) or a short number. Longer ASCII is a
/// sentence or a link, a good place to stop.
const MAX_ASCII_GAP: usize = 12;

/// Candidates kept for one character with lost bytes: more would only add
/// rare characters the path never picks, at quadratic cost.
const MAX_CANDIDATES: usize = 64;

/// Latin letters with the tone marks of Hanyu Pinyin (and `ü`, `ê`), which
/// ruby annotations are written in.
const PINYIN_LETTERS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜÊ";

fn is_pinyin_letter(c: char) -> bool {
    !c.is_ascii() && PINYIN_LETTERS.contains(c)
}

/// One character of a re-decoded run: known, or guessed among candidates
/// (its bytes were partly lost).
#[derive(Debug, Clone)]
enum Slot {
    Known(char),
    Guess(Vec<char>),
}

/// A position in a chain: a Chinese character to choose (an index into the
/// candidate lists) or a character known for certain.
#[derive(Clone, Copy)]
enum Item {
    Step(usize),
    Char(char),
}

/// A maximal run of characters the source encoding could have produced
/// from non-ASCII UTF-8 bytes, with its re-decoding if it has one.
struct Run {
    start: usize,
    end: usize,
    slots: Option<Vec<Slot>>,
}

/// Re-decodes chains of garbled runs joined by short ASCII pieces, the
/// page's vocabulary (`prior`) voting on lost bytes. Returns the new line
/// and the number of runs replaced; the characters of replaced runs whose
/// bytes were all known go to `seen`.
pub(crate) fn redecode_chains(
    line: &str,
    source: Source,
    prior: &Vocab,
    seen: &mut Vocab,
) -> (String, u32) {
    let chars: Vec<char> = line.chars().collect();
    let runs = find_runs(&chars, source);
    let mut replacements: Vec<Option<String>> = vec![None; runs.len()];
    let mut k = 0;
    while k < runs.len() {
        // Grow a chain from run k while the next run decodes and the ASCII
        // between them is short.
        let mut end = k + 1;
        if runs.get(k).is_some_and(|r| r.slots.is_some()) {
            while let (Some(a), Some(b)) = (runs.get(end - 1), runs.get(end)) {
                if b.slots.is_none() || !joinable(chars.get(a.end..b.start).unwrap_or(&[])) {
                    break;
                }
                end += 1;
            }
            // A lone run of Chinese has no ASCII to cross: the per-run
            // repair handles it. One that holds letters (swallowed as the
            // trail of a double-byte character) is a chain of its own.
            let lettered = runs
                .get(k)
                .and_then(|r| r.slots.as_ref())
                .is_some_and(|slots| {
                    slots.iter().any(
                        |s| matches!(s, Slot::Known(c) if c.is_ascii() || is_pinyin_letter(*c)),
                    )
                });
            if end - k >= 2 || lettered {
                let chain = runs.get(k..end).unwrap_or(&[]);
                if let Some(decoded) = decode_chain(&chars, chain, source, prior) {
                    for (slot, text) in replacements.iter_mut().skip(k).zip(decoded.texts) {
                        *slot = Some(text);
                    }
                    for (c, next) in decoded.whole {
                        seen.add(c, next);
                    }
                    for (a, b) in decoded.whole_pairs {
                        seen.add_pair(a, b);
                    }
                }
            }
        }
        k = end;
    }
    let mut out = String::with_capacity(line.len());
    let mut fixes = 0;
    let mut next = 0;
    for (run, replacement) in runs.iter().zip(&replacements) {
        let Some(text) = replacement else { continue };
        out.extend(chars.get(next..run.start).unwrap_or(&[]));
        out.push_str(text);
        next = run.end;
        fixes += 1;
    }
    if fixes == 0 {
        return (line.to_string(), 0);
    }
    out.extend(chars.get(next..).unwrap_or(&[]));
    (out, fixes)
}

/// ASCII between two runs of one chain: printable and short.
fn joinable(gap: &[char]) -> bool {
    !gap.is_empty()
        && gap.len() <= MAX_ASCII_GAP
        && gap.iter().all(|&c| c.is_ascii_graphic() || c == ' ')
}

/// The runs of a line: characters the encoding writes with non-ASCII
/// bytes, and lost bytes (U+FFFD, or `?` after such a character).
fn find_runs(chars: &[char], source: Source) -> Vec<Run> {
    let member = |c: char| source.in_run(c) && source.can_encode(c);
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !(member(c) || c == '\u{fffd}') {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i).is_some_and(|&c| member(c) || is_lost(c)) {
            i += 1;
        }
        let mut end = i;
        let mut slots = chars.get(start..end).and_then(|r| run_slots(r, source));
        // `?` may be a real question mark after the run rather than a
        // lost byte: then the run without it must decode.
        if slots.is_none() {
            while end > start && chars.get(end - 1) == Some(&'?') {
                end -= 1;
            }
            if end < i {
                slots = chars.get(start..end).and_then(|r| run_slots(r, source));
            }
        }
        runs.push(Run { start, end, slots });
    }
    runs
}

/// Reads a run's bytes as UTF-8, character by character; lost bytes give
/// the candidate characters they could complete. `None` when the bytes are
/// not whole UTF-8 characters of the kinds a Chinese page with pinyin holds.
fn run_slots(run: &[char], source: Source) -> Option<Vec<Slot>> {
    let mut pattern: Vec<Option<u8>> = Vec::with_capacity(run.len() * 2);
    let mut buf = Vec::new();
    // Continuation bytes still owed by the last lead byte: checked as the
    // bytes come, so that real Chinese (whose bytes are seldom UTF-8 for
    // long) is given up at once, before any candidate is looked at.
    let mut owed = 0u8;
    for (k, &c) in run.iter().enumerate() {
        buf.clear();
        if is_lost(c) {
            owed = owed.checked_sub(1)?;
            pattern.push(None);
            continue;
        }
        if !source.encode_in_run(c, owed, run.get(k + 1).copied(), &mut buf) {
            return None;
        }
        for &b in &buf {
            // ASCII other than letters cannot come out of a double-byte
            // character's bytes.
            if b.is_ascii() && !b.is_ascii_alphabetic() {
                return None;
            }
            owed = utf8_owed_after(owed, b)?;
            pattern.push(Some(b));
        }
    }
    if owed > 0 {
        return None;
    }
    let mut slots = Vec::new();
    let mut p = 0;
    while p < pattern.len() {
        let len = match pattern.get(p)? {
            // A letter that followed an odd byte became the trail of a
            // double-byte character (`（c` reads as `锛坈`): ASCII again.
            // Only a letter, and only right after a character whose bytes
            // all survived (the odd byte it was paired with ended that
            // character).
            Some(b)
                if b.is_ascii_alphabetic()
                    && matches!(slots.last(), Some(Slot::Known(c)) if !c.is_ascii()) =>
            {
                slots.push(Slot::Known(char::from(*b)));
                p += 1;
                continue;
            }
            Some(b) if (0xc2..=0xdf).contains(b) => 2,
            Some(b) if (0xe0..=0xef).contains(b) => 3,
            Some(b) if (0xf0..=0xf4).contains(b) => 4,
            // A continuation byte cannot start a character, nor can other
            // ASCII come out of a double-byte character's bytes; and a
            // byte is lost only at the end of a character, the lead byte
            // of a pair that ASCII followed.
            Some(_) | None => return None,
        };
        let seq = pattern.get(p..p + len)?;
        let slot = if seq.iter().all(Option::is_some) {
            let bytes: Vec<u8> = seq.iter().flatten().copied().collect();
            let c = std::str::from_utf8(&bytes).ok()?.chars().next()?;
            if !(chinese_like(c) || is_pinyin_letter(c)) {
                return None;
            }
            Slot::Known(c)
        } else {
            Slot::Guess(candidates(seq)?)
        };
        slots.push(slot);
        p += len;
    }
    (!slots.is_empty()).then_some(slots)
}

/// Han characters, Chinese punctuation and symbols whose UTF-8 bytes fit a pattern
/// with one or two lost bytes, the likeliest first.
fn candidates(seq: &[Option<u8>]) -> Option<Vec<char>> {
    let lost: Vec<usize> = seq
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_none())
        .map(|(k, _)| k)
        .collect();
    if lost.len() > 2 {
        return None;
    }
    // Only continuation bytes are ever lost (see `run_slots`).
    let choices = |_: usize| 0x80u8..=0xbf;
    let mut bytes: Vec<u8> = seq.iter().map(|b| b.unwrap_or(0)).collect();
    let mut found = Vec::new();
    let first = *lost.first()?;
    for a in choices(first) {
        if let Some(slot) = bytes.get_mut(first) {
            *slot = a;
        }
        let seconds = match lost.get(1) {
            Some(&k) => choices(k),
            None => 0..=0,
        };
        for b in seconds {
            if let Some(&k) = lost.get(1) {
                if let Some(slot) = bytes.get_mut(k) {
                    *slot = b;
                }
            }
            let Ok(s) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if let Some(c) = s.chars().next() {
                if guessable(c) {
                    found.push(c);
                }
            }
        }
    }
    let m = model();
    found.sort_by(|a, b| m.char_logp(*b).total_cmp(&m.char_logp(*a)));
    found.truncate(MAX_CANDIDATES);
    (!found.is_empty()).then_some(found)
}

/// A chain re-decoded: each run's new text, and the characters whose bytes
/// were all known with what follows each.
struct DecodedChain {
    texts: Vec<String>,
    whole: Vec<(char, Follower)>,
    /// Neighbours one word may hold, both read whole.
    whole_pairs: Vec<(char, char)>,
}

/// Re-decodes a chain of runs as one text: picks every lost byte jointly,
/// checks that tone letters sit in Latin words and that the result reads
/// clearly better than the original. Returns each run's new text and the
/// characters read whole.
fn decode_chain(
    chars: &[char],
    runs: &[Run],
    source: Source,
    prior: &Vocab,
) -> Option<DecodedChain> {
    // The Chinese characters of the chain, in order, with their
    // candidates, and the chain as a sequence of those steps and the
    // characters known for certain (ASCII, tone letters) between them.
    let mut steps: Vec<Vec<char>> = Vec::new();
    // Which steps are characters whose bytes were all known.
    let mut known: Vec<bool> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut at = runs.first()?.start;
    for run in runs {
        items.extend(chars.get(at..run.start)?.iter().map(|&c| Item::Char(c)));
        for slot in run.slots.as_ref()? {
            match slot {
                Slot::Known(c) if is_pinyin_letter(*c) || c.is_ascii() => {
                    items.push(Item::Char(*c))
                }
                Slot::Known(c) => {
                    items.push(Item::Step(steps.len()));
                    steps.push(vec![*c]);
                    known.push(true);
                }
                Slot::Guess(cands) => {
                    items.push(Item::Step(steps.len()));
                    steps.push(cands.clone());
                    known.push(false);
                }
            }
        }
        at = run.end;
    }
    // The annotation of the last character may close after the chain.
    let tail = chars.get(at..).unwrap_or(&[]);
    items.extend(tail.iter().take(MAX_ASCII_GAP).map(|&c| Item::Char(c)));
    let readings: Vec<Option<String>> = items
        .iter()
        .enumerate()
        .map(|(k, item)| match item {
            Item::Step(_) => annotation(items.get(k + 1..).unwrap_or(&[]), |item| match item {
                Item::Char(c) => Some(c),
                Item::Step(s) => match steps.get(s).map(Vec::as_slice) {
                    Some(&[c]) => Some(c),
                    _ => None,
                },
            }),
            Item::Char(_) => None,
        })
        .collect();
    // Where a bracket opened before a reading, a character that may be
    // its closing bracket is one.
    let closes: Vec<bool> = (0..items.len())
        .map(|k| {
            let before = items.get(..k).unwrap_or(&[]);
            let certain = |item: &Item| match *item {
                Item::Char(c) => Some(c),
                Item::Step(s) => match steps.get(s).map(Vec::as_slice) {
                    Some(&[c]) => Some(c),
                    _ => None,
                },
            };
            let mut letters = 0;
            for item in before.iter().rev().take(8) {
                match certain(item) {
                    Some(c) if c.is_ascii_alphabetic() || is_pinyin_letter(c) => letters += 1,
                    Some('（') => return letters > 0,
                    _ => return false,
                }
            }
            false
        })
        .collect();
    for ((item, reading), closes) in items.iter().zip(&readings).zip(closes) {
        let Item::Step(step) = item else { continue };
        let Some(cands) = steps.get_mut(*step) else {
            continue;
        };
        if let Some(reading) = reading {
            narrow_by_reading(cands, reading);
        }
        if closes && cands.contains(&'）') {
            *cands = vec!['）'];
        }
    }
    keep_one_script(&mut steps);
    let before_chain = Side::of(
        runs.first()
            .and_then(|r| r.start.checked_sub(1))
            .and_then(|k| chars.get(k))
            .copied(),
    );
    let (links, beside) = step_context(&items, &steps, before_chain);
    let open = open_brackets(chars.get(..runs.first()?.start)?, &items, &steps, source);
    let followers = step_followers(&items, steps.len());
    let path = best_path(&steps, &links, &beside, &open, &followers, prior)?;
    // Fill the runs in: pinyin letters as they are, the rest from the path.
    let mut picked = path.into_iter();
    let mut texts = Vec::with_capacity(runs.len());
    for run in runs {
        let mut text = String::new();
        for slot in run.slots.as_ref()? {
            match slot {
                Slot::Known(c) if is_pinyin_letter(*c) || c.is_ascii() => text.push(*c),
                _ => text.push(picked.next()?),
            }
        }
        texts.push(text);
    }
    let first = runs.first()?.start;
    let last = runs.last()?.end;
    // The chain as re-decoded, with one character of context either side.
    let mut decoded: Vec<char> = Vec::new();
    if let Some(&c) = first.checked_sub(1).and_then(|k| chars.get(k)) {
        decoded.push(c);
    }
    let mut at = first;
    for (run, text) in runs.iter().zip(&texts) {
        decoded.extend(chars.get(at..run.start)?);
        decoded.extend(text.chars());
        at = run.end;
    }
    if let Some(&c) = chars.get(last) {
        decoded.push(c);
    }
    if !pinyin_in_words(&decoded) {
        return None;
    }
    let original: String = runs
        .iter()
        .flat_map(|r| chars.get(r.start..r.end).unwrap_or(&[]))
        .collect();
    let new: String = texts.concat();
    let (before, after) = (chain_score(&original), chain_score(&new));
    let whole = steps
        .iter()
        .zip(&known)
        .zip(&followers)
        .filter_map(|((step, &known), &next)| match step.as_slice() {
            &[c] if known => Some((c, next)),
            _ => None,
        })
        .collect();
    let mut whole_pairs = Vec::new();
    for (k, pair) in steps.windows(2).enumerate() {
        let linked = links.get(k + 1) == Some(&Link::Word);
        let both_known = known.get(k..k + 2) == Some(&[true, true]);
        if let (true, true, [a], [b]) = (
            linked,
            both_known,
            pair.first().map_or(&[][..], Vec::as_slice),
            pair.get(1).map_or(&[][..], Vec::as_slice),
        ) {
            whole_pairs.push((*a, *b));
        }
    }
    (after > FLOOR && after - before > MARGIN).then_some(DecodedChain {
        texts,
        whole,
        whole_pairs,
    })
}

/// The ruby reading that follows a character: the letters of `(pinyin)`
/// or `（pinyin）`, lower-cased. `known` gives the character at an item
/// when it is certain.
fn annotation(after: &[Item], known: impl Fn(Item) -> Option<char>) -> Option<String> {
    let mut items = after.iter().map(|&item| known(item));
    if !matches!(items.next(), Some(Some('(' | '（'))) {
        return None;
    }
    let mut reading = String::new();
    let mut tone = None;
    for c in items.take(8) {
        match c? {
            ')' | '）' if !reading.is_empty() => {
                return Some(match tone {
                    Some(t) => mark_tone(&reading, t),
                    None => reading,
                })
            }
            // Readings written with tone numbers (`yuan2`).
            c @ '1'..='5' if tone.is_none() && !reading.is_empty() => {
                tone = c.to_digit(10);
            }
            c if tone.is_none() && (c.is_ascii_alphabetic() || is_pinyin_letter(c)) => {
                reading.extend(c.to_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// A syllable in tone-number form written with its tone mark: on `a` or
/// `e` if there is one, on the `o` of `ou`, else on the last vowel (`v`
/// stands for `ü`). Tone 5 is the neutral tone, unmarked.
fn mark_tone(syllable: &str, tone: u32) -> String {
    const MARKS: [[char; 6]; 4] = [
        ['ā', 'ē', 'ī', 'ō', 'ū', 'ǖ'],
        ['á', 'é', 'í', 'ó', 'ú', 'ǘ'],
        ['ǎ', 'ě', 'ǐ', 'ǒ', 'ǔ', 'ǚ'],
        ['à', 'è', 'ì', 'ò', 'ù', 'ǜ'],
    ];
    let chars: Vec<char> = syllable
        .chars()
        .map(|c| if c == 'v' { 'ü' } else { c })
        .collect();
    let vowel = |c: char| "aeiouü".chars().position(|v| v == c);
    let target = chars
        .iter()
        .position(|&c| c == 'a' || c == 'e')
        .or_else(|| {
            syllable
                .contains("ou")
                .then(|| chars.iter().position(|&c| c == 'o'))
                .flatten()
        })
        .or_else(|| chars.iter().rposition(|&c| vowel(c).is_some()));
    let marks = tone.checked_sub(1).and_then(|t| MARKS.get(t as usize));
    chars
        .iter()
        .enumerate()
        .map(|(k, &c)| match (Some(k) == target, marks, vowel(c)) {
            (true, Some(marks), Some(v)) => marks.get(v).copied().unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Keeps the candidates that a dictionary says can be read as the ruby
/// says: with the same tone if any can, else the same syllable (tone
/// sandhi, as `一` and `不` are annotated, changes the tone). A reading no
/// candidate has (a typo, a dialect form) leaves the list as it is.
fn narrow_by_reading(cands: &mut Vec<char>, reading: &str) {
    if cands.len() < 2 {
        return;
    }
    let toneless = strip_tones(reading);
    let readings = |c: char| -> Vec<&'static str> {
        c.to_pinyin_multi()
            .map(|m| m.into_iter().map(|p| p.with_tone()).collect())
            .unwrap_or_default()
    };
    let same_tone: Vec<char> = cands
        .iter()
        .copied()
        .filter(|&c| readings(c).contains(&reading))
        .collect();
    if !same_tone.is_empty() {
        *cands = same_tone;
        return;
    }
    let same_syllable: Vec<char> = cands
        .iter()
        .copied()
        .filter(|&c| readings(c).iter().any(|r| strip_tones(r) == toneless))
        .collect();
    if !same_syllable.is_empty() {
        *cands = same_syllable;
    }
}

/// Which of the two written forms of Chinese a character belongs to, as
/// far as the national character sets tell: GB 2312 holds the Simplified
/// forms, Big5 the Traditional ones, and characters common to both (most
/// of them) belong to either.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Simplified,
    Traditional,
    Either,
}

fn script(c: char) -> Script {
    // GB 2312's Han rows (leads B0..F7) and Big5's standard Han (leads
    // A4..F9), without the GBK extension and the HKSCS additions, which
    // mix both forms.
    let gb2312 =
        gbk_bytes(c).is_some_and(|[lead, trail]| (0xb0..=0xf7).contains(&lead) && trail >= 0xa1);
    let big5 = big5_bytes(c).is_some_and(|[lead, _]| (0xa4..=0xf9).contains(&lead));
    match (gb2312, big5) {
        (true, false) => Script::Simplified,
        (false, true) => Script::Traditional,
        _ => Script::Either,
    }
}

/// A page is written in one form. Characters of the chain whose candidates
/// (one if it is whole, those with the annotated reading if not) are all of
/// one form vote on which;
/// where the vote is clear, candidates of the other form are dropped
/// wherever a candidate of the right form or of either remains. Without
/// this the model, built from mostly Simplified text, would turn a
/// Traditional `職` whose last byte was lost into `职`, its neighbour in
/// Unicode.
fn keep_one_script(steps: &mut [Vec<char>]) {
    let (mut simplified, mut traditional) = (0usize, 0usize);
    for step in steps.iter() {
        let first = step.first().map_or(Script::Either, |&c| script(c));
        if step.iter().skip(1).all(|&c| script(c) == first) {
            match first {
                Script::Simplified => simplified += 1,
                Script::Traditional => traditional += 1,
                Script::Either => {}
            }
        }
    }
    let wrong = if traditional > 2 * simplified {
        Script::Simplified
    } else if simplified > 2 * traditional {
        Script::Traditional
    } else {
        return;
    };
    for step in steps.iter_mut().filter(|s| s.len() > 1) {
        if step.iter().any(|&c| script(c) != wrong) {
            step.retain(|&c| script(c) != wrong);
        }
    }
}

/// A pinyin syllable without tone marks (`ü` kept: `lü` and `lu` differ).
fn strip_tones(syllable: &str) -> String {
    syllable
        .chars()
        .map(|c| match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'ü',
            other => other,
        })
        .collect()
}

/// What lies between two consecutive Chinese characters of a chain, as far
/// as the within-word pair model is concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Side by side, or apart only by a ruby reading (`協(xié)商`) or by
    /// spaces (`政 协`, a title spaced out): one word may hold both.
    Word,
    /// Apart by anything else (a number, punctuation, a Latin word): no
    /// word holds both, so their pair says nothing.
    Apart,
}

/// What is on either side of a step, when it is not another step.
#[derive(Clone, Copy)]
struct Beside {
    before: Side,
    after: Side,
}

/// The link of each step to the one before it (the first one's is unused)
/// and what is beside each step; `first_before` is what comes before the
/// chain.
fn step_context(
    items: &[Item],
    steps: &[Vec<char>],
    first_before: Side,
) -> (Vec<Link>, Vec<Beside>) {
    let n = steps.len();
    let mut links = vec![Link::Apart; n];
    let mut beside = vec![
        Beside {
            before: Side::Other,
            after: Side::Other
        };
        n
    ];
    let side = |item: Option<&Item>| match item {
        Some(Item::Char(c)) => Side::of(Some(*c)),
        // Chinese punctuation ends words as ASCII punctuation does.
        Some(Item::Step(s)) => match steps.get(*s).map(Vec::as_slice) {
            Some(&[c]) if is_cjk_punct(c) => Side::Boundary,
            _ => Side::Other,
        },
        None => Side::Other,
    };
    let mut gap: Vec<char> = Vec::new();
    let mut seen_step = false;
    for (k, item) in items.iter().enumerate() {
        match *item {
            Item::Char(c) => gap.push(c),
            Item::Step(s) => {
                let reading = gap.first() == Some(&'(') && gap.last() == Some(&')');
                if let Some(link) = links.get_mut(s).filter(|_| seen_step) {
                    let spaced = gap.iter().all(|&c| c == ' ');
                    *link = if spaced || reading {
                        Link::Word
                    } else {
                        Link::Apart
                    };
                }
                let before = match k.checked_sub(1) {
                    Some(j) => side(items.get(j)),
                    None => first_before,
                };
                if let Some(b) = beside.get_mut(s) {
                    *b = Beside {
                        before,
                        after: side(items.get(k + 1)),
                    };
                }
                seen_step = true;
                gap.clear();
            }
        }
    }
    (links, beside)
}

/// The brackets left open before each step: on the line before the chain
/// (mojibake read as bytes) and in the chain up to the step. A step still
/// to be chosen that may close an open bracket is taken to close it, so
/// that a later full stop is not read as the same bracket again.
fn open_brackets(
    before_chain: &[char],
    items: &[Item],
    steps: &[Vec<char>],
    source: Source,
) -> Vec<Brackets> {
    let mut open = Brackets::default();
    let mut buf = Vec::new();
    for &c in before_chain {
        open.push_line_char(c, source, &mut buf);
    }
    let mut at_steps = vec![Brackets::default(); steps.len()];
    for item in items {
        match *item {
            Item::Char(c) => open.push_char(c),
            Item::Step(s) => {
                if let Some(slot) = at_steps.get_mut(s) {
                    *slot = open;
                }
                match steps.get(s).map(Vec::as_slice) {
                    Some(&[c]) => open.push_char(c),
                    Some(cands) => {
                        let closer = cands.iter().copied().find(|&c| open.closes(c));
                        open.push_char(closer.unwrap_or(' '));
                    }
                    None => {}
                }
            }
        }
    }
    at_steps
}

/// What follows each step: a character of the chain or of the line after
/// it (a later step is a Chinese character), or the line's end.
fn step_followers(items: &[Item], n: usize) -> Vec<Follower> {
    let mut followers = vec![Follower::Within; n];
    for (k, item) in items.iter().enumerate() {
        let Item::Step(s) = *item else { continue };
        if let Some(f) = followers.get_mut(s) {
            *f = match items.get(k + 1) {
                Some(Item::Char(c)) => Follower::of(Some(*c)),
                Some(Item::Step(_)) => Follower::Within,
                None => Follower::LineEnd,
            };
        }
    }
    followers
}

/// Viterbi over the candidates of each step: the sequence with the highest
/// sum of character log-probabilities, pair bonuses of characters that one
/// word may hold, how well characters beside numbers read there, the
/// page's use of each character and closing brackets that close.
fn best_path(
    steps: &[Vec<char>],
    links: &[Link],
    beside: &[Beside],
    open: &[Brackets],
    followers: &[Follower],
    prior: &Vocab,
) -> Option<Vec<char>> {
    let m = model();
    let is_number = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９');
    // A full-width digit is a Chinese character of the chain: the pair
    // with it is scored as the pair with a numeral.
    let pair = |p: char, c: char| match (is_number(p), is_number(c)) {
        (true, false) => m.after_number(c),
        (false, true) => m.before_number(p),
        _ => m.pair_bonus(p, c),
    };
    let node = |k: usize, c: char| {
        let closes = open.get(k).is_some_and(|b| b.closes(c));
        m.char_logp(c)
            + beside
                .get(k)
                .map_or(0.0, |at| m.beside(c, at.before, at.after))
            + followers.get(k).map_or(0.0, |&next| prior.bonus(c, next))
            + if closes { CLOSES_OPEN_BRACKET } else { 0.0 }
    };
    let first = steps.first()?;
    let mut scores: Vec<f32> = first.iter().map(|&c| node(0, c)).collect();
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(steps.len());
    for (k, window) in steps.windows(2).enumerate() {
        let (prev, cur) = (window.first()?, window.get(1)?);
        let word = links.get(k + 1) == Some(&Link::Word);
        let mut next_scores = Vec::with_capacity(cur.len());
        let mut from = Vec::with_capacity(cur.len());
        // What the page showed after each previous candidate.
        let seen_after: Vec<&[(char, u32)]> = if word {
            prev.iter().map(|&p| prior.seen_after(p)).collect()
        } else {
            Vec::new()
        };
        for &c in cur.iter() {
            let (arg, best) = prev
                .iter()
                .zip(&scores)
                .enumerate()
                .map(|(j, (&p, &s))| {
                    if !word {
                        return (j, s);
                    }
                    let page = seen_after
                        .get(j)
                        .map_or(0.0, |after| pair_bonus_in(after, p, c));
                    (j, s + pair(p, c) + page)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            next_scores.push(best + node(k + 1, c));
            from.push(arg);
        }
        scores = next_scores;
        back.push(from);
    }
    let (mut at, _) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    let mut path = Vec::with_capacity(steps.len());
    for (k, step) in steps.iter().enumerate().rev() {
        path.push(*step.get(at)?);
        if k > 0 {
            at = *back.get(k - 1)?.get(at)?;
        }
    }
    path.reverse();
    Some(path)
}

/// Every tone letter is part of a Latin word: next to an ASCII letter or
/// another tone letter, or alone in brackets (`(ā)`, a syllable that is one
/// vowel).
fn pinyin_in_words(text: &[char]) -> bool {
    let letter =
        |c: Option<&char>| c.is_some_and(|&c| c.is_ascii_alphabetic() || is_pinyin_letter(c));
    text.iter().enumerate().all(|(k, &c)| {
        if !is_pinyin_letter(c) {
            return true;
        }
        let before = k.checked_sub(1).and_then(|j| text.get(j));
        let after = text.get(k + 1);
        letter(before) || letter(after) || (before == Some(&'(') && after == Some(&')'))
    })
}

/// Mean score per non-ASCII character, the ASCII pieces being the same on
/// both sides. Tone letters (only ever accepted inside Latin words) score
/// as ASCII letters do.
fn chain_score(text: &str) -> f32 {
    let m = model();
    let mut total = 0.0;
    let mut n = 0usize;
    let mut prev: Option<char> = None;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        n += 1;
        if is_pinyin_letter(c) {
            total += ASCII_WORD;
            continue;
        }
        total += if c == '\u{fffd}' {
            OTHER
        } else {
            m.char_logp(c)
        };
        if let Some(p) = prev {
            total += 0.5 * m.pair_bonus(p, c);
        }
        prev = Some(c);
    }
    if n == 0 {
        0.0
    } else {
        total / n as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_numbers_become_tone_marks() {
        for (syllable, tone, marked) in [
            ("yuan", 2, "yuán"),
            ("gou", 3, "gǒu"),
            ("liu", 2, "liú"),
            ("gui", 4, "guì"),
            ("lv", 4, "lǜ"),
            ("xiong", 2, "xióng"),
            ("zhong", 1, "zhōng"),
            ("de", 5, "de"),
        ] {
            assert_eq!(mark_tone(syllable, tone), marked, "{syllable}{tone}");
        }
        assert_eq!(strip_tones("lǜ"), "lü");
        assert_eq!(strip_tones("zhōng"), "zhong");
    }

    #[test]
    fn character_sets_tell_the_written_form() {
        for (c, form) in [
            ('职', Script::Simplified),
            ('国', Script::Simplified),
            ('職', Script::Traditional),
            ('國', Script::Traditional),
            ('政', Script::Either),
            ('人', Script::Either),
        ] {
            assert!(script(c) == form, "{c}");
        }
    }

    #[test]
    fn a_reading_narrows_the_candidates_of_a_lost_byte() {
        // `訴` (E8 A8 B4) with its last byte lost: 64 neighbours, among
        // them the commoner `設`; the reading `sù` leaves `訴`.
        let mut cands = candidates(&[Some(0xe8), Some(0xa8), None]).unwrap_or_default();
        assert!(cands.contains(&'設') && cands.contains(&'訴'));
        narrow_by_reading(&mut cands, "sù");
        assert!(cands.contains(&'訴') && !cands.contains(&'設'), "{cands:?}");
        // A reading no candidate has leaves them all.
        let mut all = candidates(&[Some(0xe8), Some(0xa8), None]).unwrap_or_default();
        let n = all.len();
        narrow_by_reading(&mut all, "qx");
        assert_eq!(all.len(), n);
    }

    #[test]
    fn tone_letters_only_inside_latin_words() {
        let cases: [(&str, bool); 4] = [
            ("(yuán)", true),
            ("(ā)", true),
            ("中á文", false),
            ("é", false),
        ];
        for (text, ok) in cases {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(pinyin_in_words(&chars), ok, "{text}");
        }
    }

    #[test]
    fn real_chinese_is_rejected_at_once() {
        // GBK bytes of ordinary text are not UTF-8.
        for text in ["凌晨新德里下起了小雨", "政协委员", "臺灣的夜市"] {
            let chars: Vec<char> = text.chars().collect();
            assert!(run_slots(&chars, Source::Gbk).is_none(), "{text}");
        }
    }
}
