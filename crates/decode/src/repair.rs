//! Character-level repair of decoded text: mojibake (UTF-8 that was read as
//! GBK, Big5 or a Latin code page and saved again) and damaged double-byte
//! runs (lost or flipped bytes in GBK text, `?` runs, replacement
//! characters). Works line by line and span by span, because pages mix
//! encodings, and keeps a change only when the character model says the
//! result reads clearly better than what it replaces.

use crate::latin;
use crate::model::{is_latin1_letter, is_text_symbol, model, Side, RARE};
use crate::vocab::{Brackets, Follower, Vocab, CLOSES_OPEN_BRACKET};

use encoding_rs::{BIG5, GBK};
use std::collections::HashMap;
use std::sync::OnceLock;
use taojin_core::{is_cjk_punct, is_han, Reason, Removal, RepairKind};

/// The repaired text, what was repaired (counts by kind, no zero entries,
/// in a fixed order) and the garbage that was taken out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Repaired {
    pub text: String,
    pub repairs: Vec<(RepairKind, u32)>,
    pub removed: Vec<Removal>,
}

/// How much better (mean log-probability per character, in nats) a
/// re-decoded span must read than the original before it replaces it.
pub(crate) const MARGIN: f32 = 2.0;
/// A re-decoded span must also read like ordinary Chinese on its own.
pub(crate) const FLOOR: f32 = -11.0;

/// Repair counters for one call of [`repair_text`].
#[derive(Default)]
pub(crate) struct Tally {
    pub gbk: u32,
    pub latin: u32,
    pub big5: u32,
    pub realigned: u32,
    pub dropped: u32,
    pub removed: Vec<Removal>,
}

impl Tally {
    /// Records removed garbage.
    pub(crate) fn drop_garbage(&mut self, text: String, line: usize, rule: &str) {
        self.dropped += 1;
        self.removed.push(Removal {
            text,
            reason: Reason::Garbage,
            line: Some(line),
            rule: Some(rule.to_string()),
        });
    }

    /// Adds the counts and removals of another tally (a later line's).
    fn absorb(&mut self, other: Tally) {
        self.gbk += other.gbk;
        self.latin += other.latin;
        self.big5 += other.big5;
        self.realigned += other.realigned;
        self.dropped += other.dropped;
        self.removed.extend(other.removed);
    }
}

/// Most rounds of [`repair_once`] that [`repair_text`] runs.
const MOST_ROUNDS: usize = 4;

/// Repairs mojibake and damaged double-byte runs in already-decoded text.
/// Clean text comes back unchanged (and cheaply: a pre-filter skips lines
/// with nothing suspicious).
///
/// Repairing is idempotent: what one round repairs can give the next the
/// context it lacked (a run decoded whole votes on a guess beside it; a
/// lost byte's neighbour, once decoded, no longer hides the run before it),
/// so rounds of [`repair_once`] run until one changes nothing, at most
/// [`MOST_ROUNDS`]; the counts and removals of all rounds are reported.
pub fn repair_text(text: &str) -> Repaired {
    let mut done = repair_once(text);
    for _ in 1..MOST_ROUNDS {
        if done.repairs.is_empty() {
            break;
        }
        let again = repair_once(&done.text);
        if again.text == done.text {
            break;
        }
        for (kind, n) in again.repairs {
            match done.repairs.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, total)) => *total += n,
                None => done.repairs.push((kind, n)),
            }
        }
        done.repairs.sort_by_key(|(k, _)| *k);
        done.removed.extend(again.removed);
        done.text = again.text;
    }
    done
}

/// One round of [`repair_text`].
///
/// Two passes when bytes were lost: the first repairs every suspicious line
/// and counts the characters it decoded whole; lines where a lost byte had
/// to be guessed are then repaired again with those counts (and the
/// characters of the page's clean lines) voting on the guesses.
fn repair_once(text: &str) -> Repaired {
    let pairs = crate::realign::DocPairs::new(text);
    let no_prior = Vocab::default();
    let mut seen = Vocab::default();
    let mut out = String::with_capacity(text.len());
    let mut repaired: Vec<RepairedLine> = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, &line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !scan(line).any() {
            out.push_str(line);
            continue;
        }
        let mut tally = Tally::default();
        let fixed = repair_line_fully(line, i + 1, &pairs, &no_prior, &mut seen, &mut tally);
        let start = out.len();
        out.push_str(&fixed);
        repaired.push(RepairedLine {
            index: i,
            range: start..out.len(),
            tally,
            // Only a lost byte (`?`, U+FFFD) is ever guessed.
            guesses: line.contains(['?', '\u{fffd}']),
        });
    }
    if !seen.is_empty() && repaired.iter().any(|r| r.guesses) {
        out = second_pass(&lines, out, &mut repaired, &pairs, seen);
    }
    let mut tally = Tally::default();
    for line in repaired {
        tally.absorb(line.tally);
    }
    let mut repairs = Vec::new();
    for (kind, n) in [
        (RepairKind::MojibakeGbk, tally.gbk),
        (RepairKind::MojibakeLatin1, tally.latin),
        (RepairKind::MojibakeBig5, tally.big5),
        (RepairKind::RealignedDoubleByte, tally.realigned),
        (RepairKind::GarbageDropped, tally.dropped),
    ] {
        if n > 0 {
            repairs.push((kind, n));
        }
    }
    Repaired {
        text: out,
        repairs,
        removed: tally.removed,
    }
}

/// A line the first pass repaired: where its result is in the output, what
/// was done, and whether a lost byte may have been guessed on it.
struct RepairedLine {
    index: usize,
    range: std::ops::Range<usize>,
    tally: Tally,
    guesses: bool,
}

/// Repairs again the lines where a lost byte may have been guessed, with
/// the page's vocabulary (`seen`, plus the characters of the lines that
/// needed no repair) voting on the guesses; returns the new output.
fn second_pass(
    lines: &[&str],
    first: String,
    repaired: &mut [RepairedLine],
    pairs: &crate::realign::DocPairs<'_>,
    mut seen: Vocab,
) -> String {
    let mut queue = repaired.iter().map(|r| r.index).peekable();
    for (i, line) in lines.iter().enumerate() {
        if queue.next_if_eq(&i).is_none() {
            seen.add_line(line);
        }
    }
    let prior = seen;
    // Nothing is collected in this pass.
    let mut unused = Vocab::default();
    let mut out = String::with_capacity(first.len());
    let mut at = 0;
    for r in repaired.iter_mut().filter(|r| r.guesses) {
        let Some(&line) = lines.get(r.index) else {
            continue;
        };
        out.push_str(first.get(at..r.range.start).unwrap_or_default());
        let mut tally = Tally::default();
        out.push_str(&repair_line_fully(
            line,
            r.index + 1,
            pairs,
            &prior,
            &mut unused,
            &mut tally,
        ));
        r.tally = tally;
        at = r.range.end;
    }
    out.push_str(first.get(at..).unwrap_or_default());
    out
}

/// Repairs one suspicious line, repeating to a fixed point so that layered
/// damage is undone and the output is stable under a second pass.
fn repair_line_fully(
    line: &str,
    line_no: usize,
    pairs: &crate::realign::DocPairs<'_>,
    prior: &Vocab,
    seen: &mut Vocab,
    tally: &mut Tally,
) -> String {
    let mut current = line.to_string();
    for _ in 0..4 {
        let next = repair_line(&current, line_no, pairs, prior, seen, tally);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// What a line might need, found in one cheap pass so that clean lines
/// (nearly all of them) cost a scan and nothing more.
#[derive(Debug, Default, Clone, Copy)]
struct Suspicion {
    /// A character from the ranges Latin-family mojibake is made of.
    latin: bool,
    /// A rare Han character next to another character with which its GBK
    /// or Big5 bytes could be UTF-8, a rare one before a lost-byte mark,
    /// `锟` or U+FFFD: what GBK/Big5 mojibake of UTF-8 looks like.
    double_byte: bool,
    /// `?` after Chinese, U+FFFD, or an ASCII symbol or letter wedged
    /// between Han characters: damaged double-byte runs.
    damage: bool,
}

impl Suspicion {
    fn any(self) -> bool {
        self.latin || self.double_byte || self.damage
    }
}

fn scan(line: &str) -> Suspicion {
    let m = model();
    let mut s = Suspicion::default();
    let (mut before_prev, mut prev) = ('\0', '\0');
    let (mut before_prev_rare, mut prev_rare) = (false, false);
    for c in line.chars() {
        if c.is_ascii() {
            if c == '?' {
                s.damage |= is_han(prev) || is_cjk_punct(prev);
                s.double_byte |= prev_rare;
            }
            before_prev_rare = prev_rare;
            prev_rare = false;
        } else {
            s.latin |= latin::may_contain_char(c);
            if c == '\u{fffd}' || c == '锟' {
                s.damage = true;
                s.double_byte = true;
            }
            let han = is_han(c);
            let rare = han && m.is_rare(c);
            let rare_count =
                usize::from(rare) + usize::from(prev_rare) + usize::from(before_prev_rare);
            s.double_byte |= rare_count >= 1
                && !prev.is_ascii()
                && !before_prev.is_ascii()
                && utf8_shaped(&[before_prev, prev, c]);
            // A double-byte character whose lead byte was lost leaves its
            // trail byte, always 0x40..=0x7E, between Han characters. Folded
            // punctuation (`,` `:` `;` `(`) lies below that range and is
            // left to the cleaner.
            s.damage |= han && is_han(before_prev) && (0x40..=0x7e).contains(&(prev as u32));
            before_prev_rare = prev_rare;
            prev_rare = rare;
        }
        before_prev = prev;
        prev = c;
    }
    s
}

/// Whether some characters' bytes, in GBK or in Big5, could be a piece of
/// UTF-8 Chinese (3-byte sequences: leads E0..EF, continuations 80..BF).
/// Rare characters next to each other occur in real text; this keeps the
/// expensive re-decoding for runs that can be mojibake.
fn utf8_shaped(chars: &[char; 3]) -> bool {
    let fits = |bytes: &[u8]| {
        // Continuations allowed before the first lead (the window may
        // start mid-character); after a lead, exactly two.
        let mut since_lead: Option<usize> = None;
        bytes.iter().all(|&x| match x {
            0xe0..=0xef => {
                let ok = since_lead.is_none_or(|n| n == 2);
                since_lead = Some(0);
                ok
            }
            0x80..=0xbf => {
                since_lead = since_lead.map(|n| n + 1);
                since_lead.is_none_or(|n| n <= 2)
            }
            _ => false,
        })
    };
    let shaped = |table: fn(char) -> Option<[u8; 2]>| {
        let mut bytes = [0u8; 6];
        for (slot, &c) in bytes.chunks_exact_mut(2).zip(chars) {
            match table(c) {
                Some(pair) if pair[1] != 0 => slot.copy_from_slice(&pair),
                _ => return false,
            }
        }
        fits(&bytes[..2 * chars.len().min(3)])
    };
    shaped(gbk_bytes) || shaped(big5_bytes)
}

fn repair_line(
    line: &str,
    line_no: usize,
    doc: &crate::realign::DocPairs<'_>,
    prior: &Vocab,
    seen: &mut Vocab,
    tally: &mut Tally,
) -> String {
    let mut line = line.to_string();
    let found = scan(&line);
    if found.latin {
        // Chinese first: the model can restore bytes that Windows-1252
        // leaves undefined, which the general repair can only mark as lost.
        let (fixed, n) = redecode_runs(&line, Source::Cp1252, prior, seen);
        tally.latin += n;
        line = fixed;
        let (fixed, steps) = latin::fix_encoding(&line);
        if steps > 0 && fixed != line {
            tally.latin += steps;
            line = fixed;
        }
    }
    if found.double_byte {
        // Chains across ASCII first: they see the context that the runs
        // between ASCII, repaired one at a time, lack.
        let (fixed, n) = crate::chains::redecode_chains(&line, Source::Gbk, prior, seen);
        tally.gbk += n;
        line = fixed;
        let (fixed, n) = redecode_runs(&line, Source::Gbk, prior, seen);
        tally.gbk += n;
        line = fixed;
        let (fixed, n) = crate::chains::redecode_chains(&line, Source::Big5, prior, seen);
        tally.big5 += n;
        line = fixed;
        let (fixed, n) = redecode_runs(&line, Source::Big5, prior, seen);
        tally.big5 += n;
        line = fixed;
    }
    if scan(&line).damage {
        line = crate::realign::repair_damage(&line, line_no, doc, tally);
    }
    drop_replacement_runs(&line, line_no, tally)
}

/// The encodings whose mis-reading of UTF-8 is undone here.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Gbk,
    Big5,
    Cp1252,
}

impl Source {
    /// Bytes of one character in this encoding, if it has them.
    pub(crate) fn encode(self, c: char, buf: &mut Vec<u8>) -> bool {
        match self {
            Source::Cp1252 => {
                let mut tmp = [0u8; 4];
                match latin::encode_cp1252(c.encode_utf8(&mut tmp)) {
                    Some(b) => {
                        buf.extend_from_slice(&b);
                        true
                    }
                    None => false,
                }
            }
            Source::Gbk => match gbk_bytes(c) {
                Some(pair) => {
                    buf.extend_from_slice(&pair[..if pair[1] == 0 { 1 } else { 2 }]);
                    true
                }
                None => false,
            },
            Source::Big5 => match big5_bytes(c) {
                Some(pair) => {
                    buf.extend_from_slice(&pair);
                    true
                }
                None => false,
            },
        }
    }

    /// Bytes of one character of a run of mojibake, where `owed` UTF-8
    /// continuation bytes are still due before it and `next` is the run's
    /// next character. GBK decodes both the single byte 0x80 and the pair
    /// A2 E3 as `€`, so `€` is the pair where only the pair continues the
    /// UTF-8: when it ends a character (one continuation byte owed) and the
    /// next character starts with a continuation byte, A2 ends the
    /// character and E3 starts the next. Everywhere else only 0x80 can be
    /// part of UTF-8.
    pub(crate) fn encode_in_run(
        self,
        c: char,
        owed: u8,
        next: Option<char>,
        buf: &mut Vec<u8>,
    ) -> bool {
        if self == Source::Gbk && c == '€' && owed == 1 {
            let continues = next.is_some_and(|n| {
                n == '€' || gbk_bytes(n).is_some_and(|[b, _]| (0x80..=0xbf).contains(&b))
            });
            if continues {
                buf.extend_from_slice(&[0xa2, 0xe3]);
                return true;
            }
        }
        self.encode(c, buf)
    }

    /// Whether this encoding has bytes for `c`.
    pub(crate) fn can_encode(self, c: char) -> bool {
        match self {
            Source::Cp1252 => {
                let mut tmp = [0u8; 4];
                latin::encode_cp1252(c.encode_utf8(&mut tmp)).is_some()
            }
            Source::Gbk => gbk_bytes(c).is_some(),
            Source::Big5 => big5_bytes(c).is_some(),
        }
    }

    /// Characters that can be part of a mis-decoded run.
    pub(crate) fn in_run(self, c: char) -> bool {
        match self {
            Source::Cp1252 => !c.is_ascii() && (c as u32) < 0x2200,
            Source::Gbk | Source::Big5 => !c.is_ascii() && c != '\u{fffd}',
        }
    }
}

/// GBK bytes of a character (two bytes, or `[0x80, 0]` for the euro
/// sign GBK writes as one byte): a reverse table built once by decoding
/// every two-byte code, so the hot path is a lookup.
pub(crate) fn gbk_bytes(c: char) -> Option<[u8; 2]> {
    static TABLE: OnceLock<HashMap<char, [u8; 2]>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = reverse_table(GBK, 0x81..=0xfe, |t| {
            (0x40..=0xfe).contains(&t) && t != 0x7f
        });
        table.insert('€', [0x80, 0]);
        table
    });
    table.get(&c).copied()
}

/// Decodes every two-byte code of a double-byte encoding and maps each
/// single character back to its first code.
fn reverse_table(
    enc: &'static encoding_rs::Encoding,
    leads: std::ops::RangeInclusive<u8>,
    trail_ok: impl Fn(u8) -> bool,
) -> HashMap<char, [u8; 2]> {
    let mut table = HashMap::new();
    for lead in leads {
        for trail in (0x40u8..=0xfe).filter(|&t| trail_ok(t)) {
            let pair = [lead, trail];
            if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(&pair) {
                let mut cs = s.chars();
                if let (Some(ch), None) = (cs.next(), cs.next()) {
                    table.entry(ch).or_insert(pair);
                }
            }
        }
    }
    table
}

/// Big5 bytes of a character, including the HKSCS codes that the WHATWG
/// encoder leaves out but its decoder produces: a reverse table built once
/// by decoding every two-byte code.
pub(crate) fn big5_bytes(c: char) -> Option<[u8; 2]> {
    static TABLE: OnceLock<HashMap<char, [u8; 2]>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        reverse_table(BIG5, 0x81..=0xfe, |t| {
            (0x40..=0x7e).contains(&t) || (0xa1..=0xfe).contains(&t)
        })
    });
    table.get(&c).copied()
}

pub(crate) fn is_lost(c: char) -> bool {
    c == '?' || c == '\u{fffd}'
}

/// Finds runs of characters that the given encoding could have produced
/// from UTF-8 bytes (with `?` / U+FFFD standing for a byte the round trip
/// lost), and within each run the spans whose bytes decode as UTF-8 into
/// text the model clearly prefers. Returns the new line and the number of
/// spans replaced.
fn redecode_runs(line: &str, source: Source, prior: &Vocab, seen: &mut Vocab) -> (String, u32) {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut fixes = 0;
    // Brackets opened before each run, its own mojibake read as bytes.
    let mut brackets = Brackets::default();
    let mut buf = Vec::new();
    // A character the encoding cannot write ends a run (and is kept as it
    // is): splitting here rather than inside `redecode_run` keeps the work
    // iterative however many such characters a line holds.
    let member = |c: char| source.in_run(c) && source.can_encode(c);
    let mut i = 0;
    while i < chars.len() {
        if !member(chars[i]) {
            out.push(chars[i]);
            brackets.push_line_char(chars[i], source, &mut buf);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (member(chars[i]) || is_lost(chars[i])) {
            i += 1;
        }
        // What the run sits between tells how a character whose last
        // byte was lost (always the run's last, before ASCII) reads.
        let edges = Edges {
            before: Side::of(start.checked_sub(1).and_then(|k| chars.get(k)).copied()),
            after: Side::of(chars.get(i).copied()),
            follower: Follower::of(chars.get(i).copied()),
            brackets,
            prior,
        };
        let run = &chars[start..i];
        let (fixed, n) = redecode_run(run, source, edges, seen);
        fixes += n;
        // The run as repaired: a bracket guessed for a lost byte counts.
        for c in fixed.chars() {
            brackets.push_line_char(c, source, &mut buf);
        }
        out.push_str(&fixed);
    }
    (out, fixes)
}

/// One byte of a run: known, or lost (shown as `?` / U+FFFD).
type PatternByte = Option<u8>;

/// UTF-8 continuation bytes still due after byte `b`, when `owed` were due
/// before it; `None` if `b` cannot come there.
pub(crate) fn utf8_owed_after(owed: u8, b: u8) -> Option<u8> {
    match (owed, b) {
        (1.., 0x80..=0xbf) => Some(owed - 1),
        (0, 0x00..=0x7f) => Some(0),
        (0, 0xc2..=0xdf) => Some(1),
        (0, 0xe0..=0xef) => Some(2),
        (0, 0xf0..=0xf4) => Some(3),
        _ => None,
    }
}

/// What is before and after a run, and what the line and the page say
/// about its lost bytes.
#[derive(Clone, Copy)]
struct Edges<'a> {
    before: Side,
    after: Side,
    /// What follows the run, for the page's vocabulary.
    follower: Follower,
    /// Brackets left open on the line before the run.
    brackets: Brackets,
    prior: &'a Vocab,
}

/// Re-decodes the spans of one run; returns the text and the spans fixed.
/// Characters of the spans replaced whose bytes were all known go to
/// `seen`.
fn redecode_run(run: &[char], source: Source, edges: Edges, seen: &mut Vocab) -> (String, u32) {
    let m = model();
    let suspicious = run
        .iter()
        .any(|&c| (is_han(c) && m.is_rare(c)) || is_lost(c));
    if source != Source::Cp1252 && !suspicious {
        return (run.iter().collect(), 0);
    }
    // Byte pattern of the run and the offset where each character starts.
    let mut pattern: Vec<PatternByte> = Vec::with_capacity(run.len() * 2);
    let mut offsets = Vec::with_capacity(run.len() + 1);
    let mut buf = Vec::new();
    // UTF-8 continuation bytes due so far (0 again after bytes that are
    // not UTF-8: spans are looked for wherever they may start).
    let mut owed = 0u8;
    for (k, &c) in run.iter().enumerate() {
        offsets.push(pattern.len());
        if is_lost(c) {
            pattern.push(None);
            owed = owed.saturating_sub(1);
            continue;
        }
        buf.clear();
        let next = run.get(k + 1).copied();
        let encoded = source.encode_in_run(c, owed, next, &mut buf);
        owed = buf
            .iter()
            .fold(owed, |o, &b| utf8_owed_after(o, b).unwrap_or(0));
        if !encoded {
            // `redecode_runs` ends runs at such characters; should one get
            // here all the same, the run is left alone.
            return (run.iter().collect(), 0);
        }
        pattern.extend(buf.iter().map(|&b| Some(b)));
    }
    offsets.push(pattern.len());
    let mut out = String::new();
    let mut fixes = 0;
    let mut i = 0;
    while i < run.len() {
        match best_span(run, &pattern, &offsets, i, source, edges) {
            Some((j, decoded, whole)) => {
                let after_span = if j == run.len() {
                    edges.follower
                } else {
                    Follower::Within
                };
                let mut chars = decoded.chars().zip(whole).peekable();
                while let Some((c, known)) = chars.next() {
                    let next = match chars.peek() {
                        Some(&(n, _)) => Follower::of(Some(n)),
                        None => after_span,
                    };
                    if known {
                        seen.add(c, next);
                        if let Some(&(n, true)) = chars.peek() {
                            seen.add_pair(c, n);
                        }
                    }
                }
                out.push_str(&decoded);
                fixes += 1;
                i = j;
            }
            None => {
                out.push(run[i]);
                i += 1;
            }
        }
    }
    (out, fixes)
}

/// Decodes one UTF-8 character from a byte pattern at `p`, filling lost
/// bytes with the values that give the likeliest character (after `prev`).
/// Returns the character, its length and whether all its bytes were known,
/// or `None` if no valid character can start here.
fn decode_char(
    pattern: &[PatternByte],
    p: usize,
    prev: Option<char>,
    source: Source,
    edges: Edges,
) -> Option<(char, usize, bool)> {
    let lead = *pattern.get(p)?;
    let len = match lead {
        Some(b) if b < 0x80 => return Some((b as char, 1, true)),
        Some(b) if (0xc2..=0xdf).contains(&b) => 2,
        Some(b) if (0xe0..=0xef).contains(&b) => 3,
        Some(b) if (0xf0..=0xf4).contains(&b) => 4,
        Some(_) => return None,
        // A lost lead byte: assume the 3-byte CJK range.
        None => 3,
    };
    let seq = pattern.get(p..p + len)?;
    let lost: Vec<usize> = (0..len).filter(|&k| seq[k].is_none()).collect();
    if lost.is_empty() {
        let bytes: Vec<u8> = seq.iter().flatten().copied().collect();
        return std::str::from_utf8(&bytes)
            .ok()?
            .chars()
            .next()
            .map(|c| (c, len, true));
    }
    if lost.len() > 2 {
        return None;
    }
    let m = model();
    // The next character, when its bytes are all known, also votes.
    let next = pattern.get(p + len..p + len + 3).and_then(|s| {
        let bytes: Option<Vec<u8>> = s.iter().copied().collect();
        let bytes = bytes?;
        std::str::from_utf8(&bytes).ok()?.chars().next()
    });
    let choices = |k: usize| -> Vec<u8> {
        if source == Source::Cp1252 {
            // Windows-1252 loses exactly the five bytes it leaves undefined.
            vec![0x81, 0x8d, 0x8f, 0x90, 0x9d]
        } else if k == 0 {
            (0xe3..=0xe9).collect()
        } else {
            (0x80..=0xbf).collect()
        }
    };
    let before = if p == 0 { edges.before } else { Side::Other };
    let (after, follower) = if p + len == pattern.len() {
        (edges.after, edges.follower)
    } else {
        (Side::Other, Follower::Within)
    };
    // Brackets open before this character, read only if a candidate is a
    // closing bracket.
    let mut open_here: Option<Brackets> = None;
    let mut best: Option<(f32, f32, char)> = None;
    let mut bytes: Vec<u8> = seq.iter().map(|b| b.unwrap_or(0)).collect();
    let first = choices(lost[0]);
    let second = lost.get(1).map(|&k| choices(k)).unwrap_or_else(|| vec![0]);
    for &a in &first {
        bytes[lost[0]] = a;
        for &b in &second {
            if let Some(&k) = lost.get(1) {
                bytes[k] = b;
            }
            let Ok(s) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let Some(c) = s.chars().next() else { continue };
            if !guessable(c) {
                continue;
            }
            // The page's use of `c` counts towards it being ordinary.
            let score = m.char_logp(c)
                + prev.map_or(0.0, |pc| {
                    m.pair_bonus(pc, c) + edges.prior.pair_bonus(pc, c)
                })
                + next.map_or(0.0, |nc| m.pair_bonus(c, nc))
                + edges.prior.bonus(c, follower);
            let mut in_place = score + m.beside(c, before, after);
            if Brackets::is_closing(c) {
                let open = open_here.get_or_insert_with(|| {
                    let mut open = edges.brackets;
                    for &b in pattern.get(..p).unwrap_or_default() {
                        open.push_byte(b);
                    }
                    open
                });
                if open.closes(c) {
                    in_place += CLOSES_OPEN_BRACKET;
                }
            }
            if best.is_none_or(|(s, _, _)| in_place > s) {
                best = Some((in_place, score, c));
            }
        }
    }
    // A guessed character must at least be an ordinary one.
    best.filter(|&(_, s, _)| s > RARE)
        .map(|(_, _, c)| (c, len, false))
}

/// The longest span starting at character `i` whose bytes decode as UTF-8
/// ending on a character boundary, if re-decoding it is clearly better:
/// where it ends, its text and which of its characters had all their
/// bytes known.
fn best_span(
    run: &[char],
    pattern: &[PatternByte],
    offsets: &[usize],
    i: usize,
    source: Source,
    edges: Edges,
) -> Option<(usize, String, Vec<bool>)> {
    let start = *offsets.get(i)?;
    // A span must start on a UTF-8 lead byte (a cheap test that skips
    // most positions of real text).
    if !matches!(pattern.get(start), Some(Some(0xc2..=0xf4))) {
        return None;
    }
    let mut p = start;
    let mut decoded = String::new();
    let mut whole = Vec::new();
    let mut prev = None;
    let mut best: Option<(usize, String, Vec<bool>)> = None;
    let mut j = i;
    // Whether the decoded text so far holds a replacement character, or a
    // character that is not one: a span that mixes the two, or holds a
    // character `accept` never takes, cannot become acceptable by growing,
    // so the walk stops there (which keeps long non-Chinese runs linear
    // per start instead of cubic).
    let (mut has_replacement, mut has_other) = (false, false);
    while p < pattern.len() {
        let Some((c, len, known)) = decode_char(pattern, p, prev, source, edges) else {
            break;
        };
        if c == '\u{fffd}' {
            has_replacement = true;
        } else {
            has_other = true;
        }
        if (has_replacement && has_other) || (c != '\u{fffd}' && !chinese_like(c)) {
            break;
        }
        decoded.push(c);
        whole.push(known);
        prev = Some(c);
        p += len;
        while offsets.get(j + 1).is_some_and(|&o| o < p) {
            j += 1;
        }
        if offsets.get(j + 1) == Some(&p) {
            j += 1;
            // Both readings agree on a boundary here: a candidate span.
            // `锟斤拷` (U+FFFD that went through GBK) decodes to
            // replacement characters, which a later step drops as garbage.
            let replacement_only = decoded.chars().all(|c| c == '\u{fffd}');
            if replacement_only || accept(&run[i..j], &decoded, source) {
                best = Some((j, decoded.clone(), whole.clone()));
            }
        }
    }
    best
}

/// Whether `decoded` should replace `original`: it must be Chinese-looking,
/// read clearly better under the model and well on its own.
fn accept(original: &[char], decoded: &str, source: Source) -> bool {
    let m = model();
    let n = decoded.chars().count();
    if n == 0 || decoded.contains('\u{fffd}') {
        return false;
    }
    let han = decoded.chars().filter(|&c| is_han(c)).count();
    if han == 0 || !decoded.chars().all(chinese_like) {
        return false;
    }
    let orig: String = original.iter().collect();
    let (before, after) = (m.mean_score(&orig), m.mean_score(decoded));
    let short = n < 2;
    match source {
        // Latin letters score as symbols; a single decoded character must be common.
        Source::Cp1252 => after > FLOOR && (!short || after > -9.0),
        Source::Gbk | Source::Big5 => {
            after > FLOOR && after - before > MARGIN && (!short || after > -9.0)
        }
    }
}

/// Characters a re-decoded Chinese span may contain.
pub(crate) fn chinese_like(c: char) -> bool {
    guessable(c)
        || c.is_ascii_alphanumeric()
        || is_latin1_letter(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF5E)
}

/// Characters a lost byte may be guessed to complete: Han, Chinese
/// punctuation and the symbols of Chinese text. Not Latin letters: in a
/// Latin word they follow ASCII, which keeps their bytes whole.
pub(crate) fn guessable(c: char) -> bool {
    is_han(c) || is_cjk_punct(c) || is_text_symbol(c)
}

/// Drops runs of U+FFFD inside Han text (bytes lost for good), recording
/// them as garbage.
fn drop_replacement_runs(line: &str, line_no: usize, tally: &mut Tally) -> String {
    if !line.contains('\u{fffd}') {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\u{fffd}' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] == '\u{fffd}' {
            i += 1;
        }
        let chinese = |c: Option<&char>| c.is_none_or(|&c| is_han(c) || is_cjk_punct(c));
        if chinese(start.checked_sub(1).and_then(|k| chars.get(k))) && chinese(chars.get(i)) {
            tally.drop_garbage(
                chars[start..i].iter().collect(),
                line_no,
                "replacement_characters",
            );
        } else {
            out.extend(&chars[start..i]);
        }
    }
    out
}
