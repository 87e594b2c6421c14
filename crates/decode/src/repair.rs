//! Character-level repair of decoded text: mojibake (UTF-8 that was read as
//! GBK, Big5 or a Latin code page and saved again) and damaged double-byte
//! runs (lost or flipped bytes in GBK text, `?` runs, replacement
//! characters). Works line by line and span by span, because pages mix
//! encodings, and keeps a change only when the character model says the
//! result reads clearly better than what it replaces.

use crate::latin;
use crate::model::{model, RARE};
use encoding_rs::{Encoding, BIG5, GBK};
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
const MARGIN: f32 = 2.0;
/// A re-decoded span must also read like ordinary Chinese on its own.
const FLOOR: f32 = -11.0;

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
}

/// Repairs mojibake and damaged double-byte runs in already-decoded text.
/// Clean text comes back unchanged (and cheaply: a pre-filter skips lines
/// with nothing suspicious).
pub fn repair_text(text: &str) -> Repaired {
    let mut tally = Tally::default();
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut current = line.to_string();
        // Repeat to a fixed point so that layered damage is undone and the
        // output is stable under a second pass.
        for _ in 0..4 {
            let next = repair_line(&current, i + 1, &mut tally);
            if next == current {
                break;
            }
            current = next;
        }
        out.push_str(&current);
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

fn repair_line(line: &str, line_no: usize, tally: &mut Tally) -> String {
    let mut line = line.to_string();
    if latin::may_contain(&line) {
        let (fixed, steps) = latin::fix_encoding(&line);
        if steps > 0 && fixed != line {
            tally.latin += steps;
            line = fixed;
        }
        let (fixed, n) = redecode_runs(&line, Source::Cp1252);
        tally.latin += n;
        line = fixed;
    }
    let m = model();
    if line
        .chars()
        .any(|c| (is_han(c) && m.is_rare(c)) || c == '\u{fffd}')
    {
        let (fixed, n) = redecode_runs(&line, Source::Gbk);
        tally.gbk += n;
        line = fixed;
        let (fixed, n) = redecode_runs(&line, Source::Big5);
        tally.big5 += n;
        line = fixed;
        line = drop_replacement_runs(&line, line_no, tally);
    }
    if line.contains('?') || line.contains('\u{fffd}') || has_wedged_ascii(&line) {
        line = crate::realign::repair_damage(&line, line_no, tally);
    }
    line
}

/// An ASCII letter or symbol sitting directly between two Han characters:
/// what a byte of a double-byte character that lost its partner looks like.
fn has_wedged_ascii(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .windows(3)
        .any(|w| is_han(w[0]) && w[1].is_ascii_graphic() && !w[1].is_ascii_digit() && is_han(w[2]))
}

/// The encodings whose mis-reading of UTF-8 is undone here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Gbk,
    Big5,
    Cp1252,
}

impl Source {
    /// Bytes of one character in this encoding, if it has them.
    fn encode(self, c: char, buf: &mut Vec<u8>) -> bool {
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
            Source::Gbk | Source::Big5 => {
                let enc: &'static Encoding = if self == Source::Gbk { GBK } else { BIG5 };
                let mut tmp = [0u8; 4];
                let (bytes, _, errors) = enc.encode(c.encode_utf8(&mut tmp));
                if errors || bytes.len() != 2 {
                    return false;
                }
                buf.extend_from_slice(&bytes);
                true
            }
        }
    }

    /// Characters that can be part of a mis-decoded run.
    fn in_run(self, c: char) -> bool {
        match self {
            Source::Cp1252 => !c.is_ascii() && (c as u32) < 0x2200,
            Source::Gbk | Source::Big5 => !c.is_ascii() && c != '\u{fffd}',
        }
    }
}

/// Finds runs of characters that the given encoding could have produced
/// from UTF-8 bytes, and within each run the spans whose bytes decode as
/// UTF-8 into text the model clearly prefers. Returns the new line and the
/// number of spans replaced.
fn redecode_runs(line: &str, source: Source) -> (String, u32) {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut fixes = 0;
    let mut i = 0;
    while i < chars.len() {
        if !source.in_run(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && source.in_run(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        // A lost final byte shows as `?` or U+FFFD right after the run.
        let lost_tail = matches!(chars.get(i), Some('?') | Some('\u{fffd}'));
        let (fixed, n, used_tail) = redecode_run(run, source, lost_tail);
        out.push_str(&fixed);
        fixes += n;
        if used_tail {
            i += 1;
        }
    }
    (out, fixes)
}

/// Re-decodes the spans of one run. Returns the text, the number of spans
/// fixed and whether the lost-byte marker after the run was consumed.
fn redecode_run(run: &[char], source: Source, lost_tail: bool) -> (String, u32, bool) {
    let m = model();
    if source != Source::Cp1252 && !run.iter().any(|&c| is_han(c) && m.is_rare(c)) {
        return (run.iter().collect(), 0, false);
    }
    // Bytes of the run and the byte offset where each character starts.
    let mut bytes = Vec::with_capacity(run.len() * 2);
    let mut offsets = Vec::with_capacity(run.len() + 1);
    for &c in run {
        offsets.push(bytes.len());
        if !source.encode(c, &mut bytes) {
            // Not representable: the run cannot be this mojibake as a whole;
            // split at the character and treat both sides separately.
            offsets.pop();
            break;
        }
    }
    let encodable = offsets.len();
    offsets.push(bytes.len());
    let mut out = String::new();
    let mut fixes = 0;
    let mut used_tail = false;
    let mut i = 0;
    while i < encodable {
        if let Some((j, decoded, tail)) =
            best_span(run, &bytes, &offsets, i, encodable, source, lost_tail)
        {
            out.push_str(&decoded);
            fixes += 1;
            used_tail |= tail;
            i = j;
        } else {
            out.push(run[i]);
            i += 1;
        }
    }
    for &c in &run[encodable..] {
        out.push(c);
    }
    if encodable < run.len() {
        // The rest after an unencodable character gets its own chance.
        let rest: String = run[encodable + 1..].iter().collect();
        let (fixed, n) = redecode_runs(&rest, source);
        out.truncate(out.len() - rest.len());
        out.push_str(&fixed);
        fixes += n;
    }
    (out, fixes, used_tail)
}

/// The longest span starting at character `i` whose bytes are valid UTF-8
/// ending on a character boundary, if re-decoding it is clearly better.
fn best_span(
    run: &[char],
    bytes: &[u8],
    offsets: &[usize],
    i: usize,
    end: usize,
    source: Source,
    lost_tail: bool,
) -> Option<(usize, String, bool)> {
    let start = *offsets.get(i)?;
    let slice = bytes.get(start..offsets[end])?;
    let valid_len = match std::str::from_utf8(slice) {
        Ok(_) => slice.len(),
        Err(e) => e.valid_up_to(),
    };
    // The last run character boundary within the valid prefix.
    let mut j = i;
    while j < end && offsets[j + 1] - start <= valid_len {
        j += 1;
    }
    let m = model();
    let mut best: Option<(usize, String, bool)> = None;
    if j > i {
        let decoded = std::str::from_utf8(bytes.get(start..offsets[j])?)
            .ok()?
            .to_string();
        if decoded.chars().all(|c| c == '\u{fffd}') && source == Source::Gbk {
            // `锟斤拷`: replacement characters that went through GBK.
            return Some((j, decoded, false));
        }
        if accept(&run[i..j], &decoded, source) {
            best = Some((j, decoded, false));
        }
    }
    // The run ends in an incomplete UTF-8 sequence whose last byte was
    // lost (shown as `?`): complete it with the continuation byte that
    // gives the likeliest character.
    if lost_tail && j < end && (best.as_ref().is_some_and(|b| b.0 == j) || j == i) {
        let tail = bytes.get(offsets[j]..offsets[end])?;
        let prefix = bytes.get(start..offsets[j])?;
        if (1..=3).contains(&tail.len()) && !prefix.is_empty() || j == i {
            let mut best_char: Option<(f32, String)> = None;
            for last in 0x80u8..=0xbf {
                let mut trial = prefix.to_vec();
                trial.extend_from_slice(tail);
                trial.push(last);
                if let Ok(s) = std::str::from_utf8(&trial) {
                    let score = s.chars().last().map_or(f32::MIN, |c| m.char_logp(c));
                    if best_char.as_ref().is_none_or(|b| score > b.0) {
                        best_char = Some((score, s.to_string()));
                    }
                }
            }
            if let Some((score, s)) = best_char {
                if score > RARE && accept(&run[i..end], &s, source) {
                    return Some((end, s, true));
                }
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
    let chinese_like = decoded.chars().all(|c| {
        is_han(c)
            || is_cjk_punct(c)
            || c.is_ascii_alphanumeric()
            || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF5E)
    });
    if han == 0 || !chinese_like {
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
