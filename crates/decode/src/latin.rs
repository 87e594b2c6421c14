//! Repair of UTF-8 that some program read with a single-byte code page
//! (Windows-1250..1254 and 1257, Latin-1, ISO-8859-2, MacRoman, CP437) and
//! saved again: `cafÃ©` for `café`, `æ–°é—»` for `新闻`, `Ð¿Ñ€Ð¸` for `при`.
//!
//! # Method
//!
//! Every character such a program wrote stands for one byte, so a stretch
//! of mojibake can be turned back into bytes with the page that made it.
//! For each page, the line is walked character by character; where the
//! characters' bytes form a complete multi-byte UTF-8 sequence (or a CESU-8
//! surrogate pair), the sequence is a candidate, and back-to-back sequences
//! form one *cluster* (a broken word or symbol). A cluster's UTF-8 reading
//! may itself be mojibake again (text garbled two or three times), so it is
//! re-read whole, with any page, while it keeps decoding; the least
//! surprising of these layers is the cluster's replacement.
//!
//! Whether a replacement is taken is decided by a surprise score of our own
//! (see [`cost`]): each character has a price by how rarely it occurs in
//! ordinary text (Han characters by the Chinese character model of
//! `src/model.rs`), and neighbours add a price for juxtapositions that real
//! writing avoids but mojibake is full of: a lower-case letter followed by
//! an accented capital, a sign or quote wedged between two letters, piles
//! of signs, letters of two scripts inside one word, an accented letter
//! glued to a Chinese character, a lone letter of another script, a
//! combining mark with nothing to combine with, a Latin word made only of
//! accented letters. The text around the cluster (two characters a side)
//! is scored with and without the replacement, and the replacement must
//! lower the score by [`MARGIN`], plus a little for pages other than
//! Windows-1252 and Latin-1, which are rarer sources and whose signs make
//! up ordinary text more often (`√π`). Once a line holds one such clear
//! repair from a page, the line's other candidates from that page only
//! need to be no worse ([`LINE_MARGIN`]): mojibake comes in batches, and
//! weak clues (a lone `Ã ` whose `A0` byte became a space) are believable
//! next to strong ones. Where pages read the same characters differently,
//! the page that explains most of the line wins.
//!
//! Bytes can be lost on the way. Three lossy forms are read:
//! - U+FFFD where a continuation byte should be: a byte the page left
//!   undefined was dropped; the whole sequence becomes one U+FFFD;
//! - `?` in that place: the same loss in a program that writes `?`; taken
//!   only in a cluster that also has an intact continuation byte, because
//!   `Ê?` at the end of a word is usually just a question;
//! - a space where a continuation byte should be: byte `A0` shown as a
//!   no-break space and later turned into a space. When that space ended a
//!   sequence it may also have been a real space merged with the no-break
//!   one. It is kept after a decoded lower-case letter followed by a word
//!   (`Ã perturber` → `à perturber`, the preposition); it is taken as the
//!   lost byte after a capital (`Å veices` → `Šveices`: capitals start
//!   words), before another space, or before a lone consonant (`Ã s` →
//!   `às`: consonants rarely stand alone).
//!
//! C1 control characters (U+0080..U+009F) left after that are almost never
//! meant: a program read Windows-1252 text as Latin-1. Each one that
//! Windows-1252 defines becomes that character (`\u{85}` → `…`); the
//! others (`\u{81}`) stay.
//!
//! # Invariants
//!
//! - Pure ASCII is returned unchanged (and `repair.rs` does not call the
//!   repair at all for a line without a character that
//!   [`may_contain_char`] accepts).
//! - Only the characters of a cluster whose bytes decode as UTF-8 (allowing
//!   the lossy forms above) are ever replaced, and only by that decoding;
//!   text whose re-encoding is not valid UTF-8 is never changed, and no
//!   character outside a cluster changes except a C1 control.
//! - Each replacement, judged on its surroundings, lowers the surprise
//!   score or leaves it equal; none raises it.
//! - A replacement is never longer than what it replaces (one character per
//!   sequence, at most one kept space); rounds stop at the first one that
//!   changes nothing, and after [`MAX_ROUNDS`] at most.
//!
//! # Provenance
//!
//! The method and its scores are taojin's own. The code pages are facts:
//! encoding_rs's tables (the WHATWG Encoding Standard), with bytes a
//! Windows page leaves undefined read as the Latin-1 character of the same
//! value, as the WHATWG standard does for Windows-1252's five holes; CP437,
//! which encoding_rs lacks, comes from the Unicode Consortium's mapping file
//! (`data/cp437.txt`).

use crate::model::{model, RARE};
use encoding_rs::Encoding;
use std::collections::HashMap;
use std::sync::OnceLock;

const CP437: &str = include_str!("../data/cp437.txt");

/// Score drop a replacement must bring on a line with no other repair.
const MARGIN: f32 = 2.0;
/// Score drop needed once the line holds a repair of at least [`MARGIN`].
const LINE_MARGIN: f32 = 0.0;
/// Rounds of repair per call at most: a round undoes at least one layer,
/// and real text needs two or three; garbage may need more.
const MAX_ROUNDS: u32 = 16;
/// Characters below this have a flat byte table in each page.
const TABLE_END: u32 = 0x2600;
/// Layers of mojibake undone inside one cluster.
const MAX_LAYERS: usize = 3;

/// One single-byte code page: what each byte 0x80..=0xFF is shown as, and
/// the reverse.
struct Page {
    /// Byte of each character below [`TABLE_END`] (0 where there is none:
    /// no character of the upper half is written as byte 0), a flat table
    /// because the lookup runs for every character of a suspicious line.
    low: Vec<u8>,
    /// Characters from [`TABLE_END`] up (MacRoman's ligatures and Apple
    /// sign), sorted.
    high: Vec<(char, u8)>,
    /// Whether the page also takes each C1 control as its own byte: true
    /// for Windows-1252, whose bytes 80..9F a Latin-1 reader shows as C1
    /// controls (and pages often mix the two readings).
    c1_alias: bool,
    /// Score a repair from this page must make up for: pages other than
    /// Windows-1252 and Latin-1 are rarer sources of mojibake, and their
    /// characters (MacRoman's and CP437's math signs above all) make up
    /// more ordinary text by chance.
    rarity: f32,
}

impl Page {
    fn new(upper_half: impl Iterator<Item = (u8, char)>, c1_alias: bool, rarity: f32) -> Page {
        let mut low = vec![0u8; TABLE_END as usize];
        let mut high = Vec::new();
        for (b, c) in upper_half {
            match low.get_mut(c as usize) {
                Some(slot) if *slot == 0 => *slot = b,
                Some(_) => {}
                None => high.push((c, b)),
            }
        }
        high.sort_unstable();
        high.dedup_by_key(|&mut (c, _)| c);
        Page {
            low,
            high,
            c1_alias,
            rarity,
        }
    }

    /// Every character of the page's upper half with its byte.
    fn chars(&self) -> impl Iterator<Item = (char, u8)> + '_ {
        let low = self
            .low
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b != 0)
            .filter_map(|(c, &b)| Some((char::from_u32(c as u32)?, b)));
        low.chain(self.high.iter().copied())
    }

    /// A page from encoding_rs; an undefined byte reads as the Latin-1
    /// character of the same value.
    fn from_encoding(enc: &'static Encoding, c1_alias: bool, rarity: f32) -> Page {
        Page::new(
            (0x80..=0xffu8).map(|b| {
                let c = enc
                    .decode_without_bom_handling_and_without_replacement(&[b])
                    .and_then(|s| s.chars().next())
                    .filter(|&c| c != '\u{fffd}')
                    .unwrap_or(char::from(b));
                (b, c)
            }),
            c1_alias,
            rarity,
        )
    }

    /// The byte this page writes as `c`.
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        let found = match self.low.get(c as usize) {
            Some(&b) => (b != 0).then_some(b),
            None => self
                .high
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .and_then(|i| self.high.get(i))
                .map(|&(_, b)| b),
        };
        if found.is_some() {
            return found;
        }
        if self.c1_alias && ('\u{80}'..='\u{9f}').contains(&c) {
            return Some(c as u8);
        }
        None
    }

    /// The unit a character stands for: a byte, or a byte lost as U+FFFD.
    fn unit(&self, c: char) -> Option<Unit> {
        if c == '\u{fffd}' {
            Some(Unit::Lost)
        } else {
            self.byte(c).map(Unit::Byte)
        }
    }
}

/// The pages tried, commonest source of mojibake first (ties between
/// pages go to the earlier one).
fn pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let mut pages: Vec<Page> = [
            (encoding_rs::WINDOWS_1252, 0.0),
            (encoding_rs::WINDOWS_1251, 0.5),
            (encoding_rs::WINDOWS_1250, 0.5),
            (encoding_rs::WINDOWS_1257, 1.0),
            (encoding_rs::WINDOWS_1253, 1.0),
            (encoding_rs::WINDOWS_1254, 0.5),
        ]
        .into_iter()
        .map(|(enc, rarity)| Page::from_encoding(enc, enc == encoding_rs::WINDOWS_1252, rarity))
        .collect();
        pages.push(Page::from_encoding(encoding_rs::ISO_8859_2, false, 0.5));
        pages.push(Page::from_encoding(encoding_rs::MACINTOSH, false, 1.0));
        pages.push(Page::new(cp437_table(), false, 1.0));
        pages
    })
}

/// The CP437 data file as `(byte, char)` pairs; malformed lines are skipped
/// (a unit test checks that all 128 bytes are there).
fn cp437_table() -> impl Iterator<Item = (u8, char)> {
    CP437
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (b, c) = l.split_once('\t')?;
            let b = u8::from_str_radix(b.trim(), 16).ok()?;
            let c = char::from_u32(u32::from_str_radix(c.trim(), 16).ok()?)?;
            Some((b, c))
        })
}

/// The Windows-1252 page (with Latin-1's C1 controls).
fn western() -> &'static Page {
    // The first page is always Windows-1252 (see `pages`).
    static FALLBACK: OnceLock<Page> = OnceLock::new();
    pages().first().unwrap_or_else(|| {
        FALLBACK.get_or_init(|| Page::from_encoding(encoding_rs::WINDOWS_1252, true, 0.0))
    })
}

/// Whether `c` can be part of a Latin-family mojibake worth a closer look:
/// a C1 control, or a character that some page draws for a UTF-8 lead byte
/// (every multi-byte sequence starts with one). Typographic marks that
/// MacRoman happens to draw for lead bytes (`“` `”` `‘` `’` `–` `—` `…`
/// `·` `«` `»`, no-break space) are left out: Chinese and European text is
/// full of them, and MacRoman mojibake nearly always has a letter or sign
/// from the set next to them.
pub(crate) fn may_contain_char(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return false;
    }
    if cp < 0xa0 {
        return true;
    }
    if (0x2600..0xf8ff).contains(&cp) || cp > 0xfb02 {
        return false;
    }
    static LEADS: OnceLock<Vec<char>> = OnceLock::new();
    let leads = LEADS.get_or_init(|| {
        let mut leads: Vec<char> = pages()
            .iter()
            .flat_map(|p| p.chars())
            .filter(|&(_, b)| (0xc2..=0xf4).contains(&b))
            .map(|(c, _)| c)
            .filter(|&c| {
                !matches!(
                    c,
                    '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '·' | '«' | '»' | '\u{a0}'
                )
            })
            .collect();
        leads.sort_unstable();
        leads.dedup();
        leads
    });
    leads.binary_search(&c).is_ok()
}

/// Windows-1252 bytes of `text` (C1 controls as their own byte), if every
/// character has one. Used by the Chinese repair, which reads the bytes
/// back as UTF-8 itself.
pub(crate) fn encode_cp1252(text: &str) -> Option<Vec<u8>> {
    let page = western();
    text.chars().map(|c| page.byte(c)).collect()
}

/// Repairs Latin-family mojibake in one line, round after round until
/// nothing changes. Returns the line and the number of repairs made.
pub(crate) fn fix_encoding(text: &str) -> (String, u32) {
    let mut current = text.to_string();
    let mut steps = 0;
    for _ in 0..MAX_ROUNDS {
        let (next, n) = one_round(&current);
        if n == 0 || next == current {
            break;
        }
        steps += n;
        current = next;
    }
    (current, steps)
}

/// What a page's character stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Byte(u8),
    /// A byte lost and shown as U+FFFD.
    Lost,
}

/// One UTF-8 sequence read from a page's characters.
#[derive(Debug)]
struct Sequence {
    /// Characters (= bytes) it spans.
    len: usize,
    decoded: char,
    /// Holds an intact continuation byte or a byte lost as U+FFFD: the
    /// clue that makes a cluster believable.
    clue: bool,
    /// Its last byte was an `A0` shown as a space.
    ends_in_space: bool,
}

/// How a continuation position may be filled.
#[derive(Clone, Copy, PartialEq)]
enum Lossy {
    /// Strict reading, U+FFFD allowed as a lost byte (inner layers).
    LostOnly,
    /// Also `?` for a lost byte and a space for `A0` (the outer layer).
    All,
}

/// Characters read as the bytes of one page.
#[derive(Clone, Copy)]
struct Reader<'a> {
    page: &'a Page,
    chars: &'a [char],
}

impl Reader<'_> {
    /// The unit the character at `i` stands for, if there is one.
    fn unit(&self, i: usize) -> Option<Unit> {
        self.chars.get(i).and_then(|&c| self.page.unit(c))
    }
}

/// Reads the UTF-8 sequence starting at `i`, if the units there form one.
fn read_sequence(units: Reader, i: usize, lossy: Lossy) -> Option<Sequence> {
    let Some(Unit::Byte(lead)) = units.unit(i) else {
        return None;
    };
    let need = match lead {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let (mut lost, mut clue, mut ends_in_space, mut second_lost) = (false, false, false, false);
    for (k, slot) in bytes.iter_mut().enumerate().skip(1).take(need) {
        let mut lose = || {
            lost = true;
            second_lost |= k == 1;
            0x80
        };
        *slot = match units.unit(i + k)? {
            Unit::Byte(b @ 0x80..=0xbf) => {
                clue = true;
                b
            }
            Unit::Lost => {
                clue = true;
                lose()
            }
            Unit::Byte(b' ') if lossy == Lossy::All => {
                ends_in_space = k == need;
                0xa0
            }
            Unit::Byte(b'?') if lossy == Lossy::All => lose(),
            Unit::Byte(_) => return None,
        };
    }
    // The second byte's range depends on the lead (no overlong forms, no
    // code points past U+10FFFF); a lost second byte is given the benefit.
    let second_ok = |lo: u8, hi: u8| second_lost || (lo..=hi).contains(&bytes[1]);
    let len = need + 1;
    let found = |decoded| Sequence {
        len,
        decoded,
        clue,
        ends_in_space,
    };
    match lead {
        0xe0 if !second_ok(0xa0, 0xbf) => return None,
        0xf0 if !second_ok(0x90, 0xbf) => return None,
        0xf4 if !second_ok(0x80, 0x8f) => return None,
        0xed if bytes[1] >= 0xa0 && !lost => return read_surrogate_pair(units, i, &bytes, clue),
        _ => {}
    }
    if lost {
        return Some(found('\u{fffd}'));
    }
    let s = std::str::from_utf8(bytes.get(..len)?).ok()?;
    s.chars().next().map(found)
}

/// CESU-8: a character beyond U+FFFF written as two 3-byte surrogates
/// (`ED A0..AF xx ED B0..BF xx`), as Java and some databases do.
fn read_surrogate_pair(units: Reader, i: usize, high: &[u8; 4], clue: bool) -> Option<Sequence> {
    if !(0xa0..=0xaf).contains(&high[1]) {
        return None;
    }
    let mut low = [0u8; 3];
    for (k, slot) in low.iter_mut().enumerate() {
        match units.unit(i + 3 + k)? {
            Unit::Byte(b) => *slot = b,
            Unit::Lost => return None,
        }
    }
    if low[0] != 0xed || !(0xb0..=0xbf).contains(&low[1]) || !(0x80..=0xbf).contains(&low[2]) {
        return None;
    }
    let hi = 0xd000 | (u32::from(high[1] & 0x3f) << 6) | u32::from(high[2] & 0x3f);
    let lo = 0xd000 | (u32::from(low[1] & 0x3f) << 6) | u32::from(low[2] & 0x3f);
    let cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
    Some(Sequence {
        len: 6,
        decoded: char::from_u32(cp)?,
        clue,
        ends_in_space: false,
    })
}

/// Evaluated clusters of a line: (start, end, first reading) to the best
/// replacement and its gain.
type Readings = HashMap<(usize, usize, Vec<char>), Option<(Vec<char>, f32)>>;

/// A stretch of the line that one page's UTF-8 reading would replace.
#[derive(Debug)]
struct Candidate {
    start: usize,
    end: usize,
    page: usize,
    replacement: Vec<char>,
    /// How much the replacement lowers the surprise score.
    gain: f32,
}

impl Candidate {
    /// The gain less what the page must make up for.
    fn strength(&self) -> f32 {
        self.gain - pages().get(self.page).map_or(0.0, |p| p.rarity)
    }
}

/// One round over a line: finds every page's clusters, keeps the ones that
/// clearly read better, then reads leftover C1 controls as Windows-1252.
fn one_round(line: &str) -> (String, u32) {
    let chars: Vec<char> = line.chars().collect();
    let mut candidates = Vec::new();
    let mut readings = HashMap::new();
    for (page_no, page) in pages().iter().enumerate() {
        let units = Reader {
            page,
            chars: &chars,
        };
        find_clusters(units, page_no, &mut candidates, &mut readings);
    }
    // The page that explains the most of the line wins ties between pages
    // that read the same bytes differently.
    let mut page_totals = vec![0.0f32; pages().len()];
    // Pages with a clear repair somewhere in the line, whether or not that
    // span goes to another page reading it the same way.
    let mut proven = vec![false; pages().len()];
    for c in &candidates {
        if let Some(t) = page_totals.get_mut(c.page) {
            *t += c.gain.max(0.0);
        }
        if let Some(p) = proven.get_mut(c.page) {
            *p |= c.strength() >= MARGIN;
        }
    }
    let total = |p: usize| page_totals.get(p).copied().unwrap_or(0.0);
    let best_page =
        (0..page_totals.len()).max_by(|&a, &b| total(a).total_cmp(&total(b)).then(b.cmp(&a)));
    let rank = |c: &Candidate| c.strength() + if Some(c.page) == best_page { 0.5 } else { 0.0 };
    candidates.sort_by(|a, b| rank(b).total_cmp(&rank(a)).then(a.page.cmp(&b.page)));
    // Clear repairs first, best first; then, on a line that has one, the
    // other candidates of proven pages that do not make things worse.
    let mut used = vec![false; chars.len()];
    let mut taken: Vec<&Candidate> = Vec::new();
    let strong = candidates.iter().filter(|c| c.strength() >= MARGIN);
    let weak = candidates.iter().filter(|c| {
        c.strength() < MARGIN && proven.get(c.page) == Some(&true) && c.gain >= LINE_MARGIN
    });
    for c in strong.chain(weak) {
        let Some(span) = used.get_mut(c.start..c.end) else {
            continue;
        };
        if span.iter().any(|&u| u) {
            continue;
        }
        span.fill(true);
        taken.push(c);
    }
    taken.sort_by_key(|c| c.start);
    let mut out = String::with_capacity(line.len());
    let mut steps = taken.len() as u32;
    let mut i = 0;
    for c in &taken {
        out.extend(chars.get(i..c.start).into_iter().flatten());
        out.extend(&c.replacement);
        i = c.end;
    }
    out.extend(chars.get(i..).into_iter().flatten());
    if out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        let (fixed, changed) = read_c1_as_windows_1252(&out);
        if changed {
            steps += 1;
            out = fixed;
        }
    }
    (out, steps)
}

/// Replaces each C1 control that Windows-1252 defines with its character.
fn read_c1_as_windows_1252(text: &str) -> (String, bool) {
    let out: String = text.chars().map(windows_1252_for_c1).collect();
    let changed = out != text;
    (out, changed)
}

/// The Windows-1252 character for a C1 control's byte, where it defines
/// one; any other character as it is.
fn windows_1252_for_c1(c: char) -> char {
    if !('\u{80}'..='\u{9f}').contains(&c) {
        return c;
    }
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling_and_without_replacement(&[c as u8])
        .and_then(|s| s.chars().next())
        .unwrap_or(c)
}

/// Collects the clusters of one page in a line, each with its best
/// replacement and how much it lowers the surprise score.
fn find_clusters(units: Reader, page: usize, out: &mut Vec<Candidate>, readings: &mut Readings) {
    let chars = units.chars;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        // Lead bytes are never ASCII: skip the bulk of the line cheaply.
        if c.is_ascii() {
            i += 1;
            continue;
        }
        let Some(mut seq) = read_sequence(units, i, Lossy::All) else {
            i += 1;
            continue;
        };
        let start = i;
        let mut decoded = Vec::new();
        let (mut clue, mut count) = (false, 0);
        let mut lone_space_letter = false;
        loop {
            decoded.push(seq.decoded);
            clue |= seq.clue;
            count += 1;
            i += seq.len;
            let next = read_sequence(units, i, Lossy::All);
            if seq.ends_in_space && next.is_none() {
                let after = chars.get(i).copied();
                lone_space_letter = count == 1
                    && seq.len == 2
                    && seq.decoded.is_alphabetic()
                    && after.is_some_and(|c| c.is_alphabetic() || c.is_whitespace());
                if keeps_space(seq.decoded, chars.get(i..).unwrap_or(&[])) {
                    decoded.push(' ');
                }
                break;
            }
            match next {
                Some(s) => seq = s,
                None => break,
            }
        }
        if !clue && !lone_space_letter {
            continue;
        }
        let end = i;
        // Pages that agree on a cluster's reading (Windows-1252 and -1254
        // on most of Latin-1) share its evaluation.
        let reading = readings
            .entry((start, end, decoded))
            .or_insert_with_key(|(_, _, decoded)| best_reading(chars, start, end, decoded.clone()))
            .clone();
        if let Some((replacement, gain)) = reading {
            out.push(Candidate {
                start,
                end,
                page,
                replacement,
                gain,
            });
        }
    }
}

/// After a sequence whose last byte `A0` was shown as a space, whether a
/// real space followed it too (see the module docs): after a lower-case
/// letter that is followed by a word, unless that word is a lone consonant.
fn keeps_space(decoded: char, rest: &[char]) -> bool {
    let Some(&first) = rest.first() else {
        return false;
    };
    if !decoded.is_lowercase() || first.is_whitespace() {
        return false;
    }
    let lone_consonant = first.is_ascii_alphabetic()
        && !matches!(
            first.to_ascii_lowercase(),
            'a' | 'e' | 'i' | 'o' | 'u' | 'y'
        )
        && rest.get(1).is_none_or(|c| c.is_whitespace());
    !lone_consonant
}

/// The least surprising layer of a cluster's reading and its gain over the
/// original, judged on the cluster with two characters of context a side.
fn best_reading(
    chars: &[char],
    start: usize,
    end: usize,
    first: Vec<char>,
) -> Option<(Vec<char>, f32)> {
    let before = chars.get(start.saturating_sub(2)..start)?;
    let after = chars.get(end..(end + 2).min(chars.len()))?;
    let original = chars.get(start.saturating_sub(2)..(end + 2).min(chars.len()))?;
    let (open_left, open_right) = (start > 2, end + 2 < chars.len());
    // C1 controls are scored as the Windows-1252 characters they will
    // become anyway, so that a cluster is not taken just for swallowing one.
    let score = |middle: &[char]| {
        let window: Vec<char> = before
            .iter()
            .map(|&c| windows_1252_for_c1(c))
            .chain(middle.iter().copied())
            .chain(after.iter().map(|&c| windows_1252_for_c1(c)))
            .collect();
        cost(&window, open_left, open_right)
    };
    let mut best_score = score(&first);
    let mut best = first.clone();
    let mut layer = first;
    for _ in 1..MAX_LAYERS {
        let Some(next) = pages()
            .iter()
            .filter_map(|p| reread_whole(&layer, p))
            .map(|r| (score(&r), r))
            .min_by(|a, b| a.0.total_cmp(&b.0))
        else {
            break;
        };
        if next.0 <= best_score {
            best_score = next.0;
            best = next.1.clone();
        }
        layer = next.1;
    }
    let original: Vec<char> = original.iter().map(|&c| windows_1252_for_c1(c)).collect();
    Some((best, cost(&original, open_left, open_right) - best_score))
}

/// Reads a whole decoded cluster as mojibake once more: every non-ASCII
/// character must belong to a UTF-8 sequence in `page`, and at least one
/// sequence must be there.
fn reread_whole(text: &[char], page: &Page) -> Option<Vec<char>> {
    // One character cannot hold a multi-byte sequence, and a character
    // outside the page ends the attempt.
    if text.len() < 2 || text.iter().any(|&c| page.unit(c).is_none()) {
        return None;
    }
    let units = Reader { page, chars: text };
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    let mut multi = false;
    while let Some(&c) = text.get(i) {
        if c.is_ascii() {
            out.push(c);
            i += 1;
            continue;
        }
        let seq = read_sequence(units, i, Lossy::LostOnly)?;
        multi = true;
        out.push(seq.decoded);
        i += seq.len;
    }
    multi.then_some(out)
}

/// Writing systems, as far as the score needs them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    /// Han, kana, Hangul and full-width forms: mixed with Latin in East
    /// Asian text all the time.
    EastAsian,
    /// Any other script, by Unicode block (128 code points).
    Block(u32),
}

/// What kind of character, for the neighbour rules.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Space,
    Letter {
        script: Script,
        upper: bool,
        lower: bool,
    },
    Digit,
    /// A combining mark.
    Mark,
    /// Ordinary punctuation: ASCII, the common typographic marks, CJK.
    Punct,
    /// Signs: Latin-1 signs, math, box drawing, spacing accents...
    Sign,
    /// Controls, format characters, private use, U+FFFD.
    Control,
}

/// The writing system of a letter, by Unicode block.
fn script_of(c: char) -> Script {
    match c as u32 {
        // Basic Latin to IPA, Latin Extended Additional, -C, -D, ligatures.
        0..=0x2af | 0x1e00..=0x1eff | 0x2c60..=0x2c7f | 0xa720..=0xa7ff | 0xfb00..=0xfb06 => {
            Script::Latin
        }
        0x370..=0x3ff | 0x1f00..=0x1fff => Script::Greek,
        0x400..=0x52f => Script::Cyrillic,
        0x590..=0x5ff | 0xfb1d..=0xfb4f => Script::Hebrew,
        0x600..=0x6ff | 0x750..=0x77f | 0xfb50..=0xfdff | 0xfe70..=0xfeff => Script::Arabic,
        0x2e80..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff | 0xff00..=0xffef | 0x20000.. => {
            Script::EastAsian
        }
        cp => Script::Block(cp >> 7),
    }
}

/// Combining marks of the blocks mojibake decodes to (general, Cyrillic,
/// Hebrew and Arabic marks, and the combining supplements).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36f | 0x483..=0x489 | 0x591..=0x5bd | 0x5bf | 0x5c1..=0x5c2 | 0x5c4..=0x5c5 | 0x5c7
        | 0x610..=0x61a | 0x64b..=0x65f | 0x670 | 0x6d6..=0x6dc | 0x6df..=0x6e4 | 0x6e7..=0x6e8
        | 0x6ea..=0x6ed | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// The kind of a character, for the neighbour rules of [`cost`].
fn kind_of(c: char) -> Kind {
    let cp = c as u32;
    if c.is_whitespace() {
        Kind::Space
    } else if c.is_control()
        || c == '\u{fffd}'
        || (0xe000..=0xf8ff).contains(&cp)
        || (0x200b..=0x200f).contains(&cp)
        || (0x2028..=0x202e).contains(&cp)
        || (0x2060..=0x206f).contains(&cp)
        || c == '\u{feff}'
        || c == '\u{ad}'
    {
        Kind::Control
    } else if is_mark(c) {
        Kind::Mark
    } else if (0x2150..=0x218f).contains(&cp) {
        // Roman numerals and vulgar fractions: numbers, though Unicode
        // counts the numerals as letters.
        Kind::Digit
    } else if c.is_alphabetic() && !(0x2b0..=0x2ff).contains(&cp) {
        Kind::Letter {
            script: script_of(c),
            upper: c.is_uppercase(),
            lower: c.is_lowercase(),
        }
    } else if c.is_numeric() && !matches!(c, '¹' | '²' | '³' | '¼' | '½' | '¾') {
        Kind::Digit
    } else if c.is_ascii_punctuation()
        || matches!(
            c,
            '‘' | '’'
                | '“'
                | '”'
                | '„'
                | '–'
                | '—'
                | '…'
                | '•'
                | '«'
                | '»'
                | '¿'
                | '¡'
                | '·'
        )
        || taojin_core::is_cjk_punct(c)
        || (0x3000..=0x303f).contains(&cp)
        || (0xff01..=0xff0f).contains(&cp)
        || (0xfe10..=0xfe6f).contains(&cp)
    {
        Kind::Punct
    } else {
        Kind::Sign
    }
}

/// How unusual a character is in ordinary text, on its own.
fn char_cost(c: char) -> f32 {
    let cp = c as u32;
    if cp < 0x80 {
        return if c.is_ascii_control() && !matches!(c, '\t') {
            5.0
        } else {
            0.0
        };
    }
    match cp {
        0x80..=0x9f => 6.0,
        0xa0 => 1.0,
        0xad => 3.0,
        // `Ã` and `Â` lead most Windows-1252 mojibake and are rare
        // letters; the Icelandic letters are rare outside Icelandic.
        0xc3 => 2.2,
        0xc2 => 1.5,
        0xd0 | 0xde | 0xf0 | 0xfe => 1.5,
        0xd7 | 0xf7 => 1.0,
        0xc0..=0xdf => 0.6,
        0xe0..=0xff => 0.3,
        // Common signs of Latin-1 text; the acute accent often serves as
        // an apostrophe.
        0xb4 => 1.0,
        0xac => 1.5,
        0xa3 | 0xa9 | 0xab | 0xae | 0xb0 | 0xb1 | 0xb7 | 0xbb | 0xbf | 0xa1 | 0xa7 | 0xa5
        | 0xa2 => 1.0,
        0xa4
        | 0xa6
        | 0xa8
        | 0xaa
        | 0xaf
        | 0xb8
        | 0xba
        | 0xb9
        | 0xb2
        | 0xb3
        | 0xbc..=0xbe
        | 0xb5
        | 0xb6 => 2.0,
        0x17f => 3.0,
        0x100..=0x17e => 0.8,
        // Vietnamese and Romanian letters of Latin Extended-B.
        0x1a0 | 0x1a1 | 0x1af | 0x1b0 | 0x218..=0x21b => 0.8,
        0x192 => 3.0,
        0x180..=0x24f => 2.5,
        0x250..=0x2af => 4.0,
        0x2b0..=0x2ff => 3.0,
        0x300..=0x36f => 2.0,
        0x370..=0x3cf => 0.8,
        0x3d0..=0x3ff => 2.5,
        0x400..=0x45f => 0.8,
        0x460..=0x52f => 2.5,
        0x5d0..=0x5ea => 0.8,
        0x620..=0x64a => 0.8,
        0x530..=0x6ff => 2.5,
        0x700..=0x8ff => 4.0,
        0x900..=0xdff => 1.0,
        0xe00..=0xe7f => 1.0,
        0x1e00..=0x1eff => 0.8,
        0x2018 | 0x2019 | 0x201c | 0x201d | 0x2013 | 0x2014 | 0x2026 | 0x2022 | 0x201e => 0.3,
        // Per mille, primes, the hyphenation point and reference mark
        // that Chinese text uses.
        0x2030 | 0x2032 | 0x2033 | 0x2025 | 0x2027 | 0x203b => 1.0,
        0x2000..=0x206f => 2.0,
        0x20ac => 0.5,
        0x20a0..=0x20cf => 1.5,
        0x2122 | 0x2116 | 0x2103 => 0.5,
        0x2100..=0x214f => 2.0,
        0x2190..=0x22ff => 1.5,
        0x2300..=0x23ff => 2.0,
        0x2460..=0x24ff | 0x2150..=0x218f => 1.0,
        0x2500..=0x259f => 1.0,
        0x25a0..=0x27bf => 1.0,
        0x2800..=0x28ff => 1.0,
        // Kana, Hangul and its jamo, bopomofo, enclosed and compatibility
        // CJK forms, CJK punctuation variants.
        0x2e80..=0x2fff | 0x3040..=0x33ff | 0xac00..=0xd7af | 0xfe10..=0xfe1f | 0xfe30..=0xfe6f => {
            0.5
        }
        0xe000..=0xf8ff => 5.0,
        0xfb00..=0xfb06 => 1.5,
        0xfe00..=0xfe0f => 1.0,
        // A byte-order mark is harmless (and what `ï»¿` stands for).
        0xfeff => 1.0,
        0xfffd => 1.5,
        0xfff0..=0xffff => 5.0,
        0x1f000..=0x1faff => 1.0,
        _ if taojin_core::is_han(c) => {
            if model().char_logp(c) < RARE {
                1.5
            } else {
                0.5
            }
        }
        _ if taojin_core::is_cjk_punct(c)
            || (0xff00..=0xffef).contains(&cp)
            || (0x3000..=0x303f).contains(&cp) =>
        {
            0.3
        }
        _ => 2.5,
    }
}

/// Price of letters of scripts `a` and `b` touching inside a word.
fn script_change_cost(a: Script, b: Script) -> f32 {
    match (a, b) {
        _ if a == b => 0.0,
        (Script::EastAsian, _) | (_, Script::EastAsian) => 0.5,
        (Script::Latin, Script::Greek) | (Script::Greek, Script::Latin) => 1.0,
        _ => 2.5,
    }
}

/// The surprise score of a piece of text: the sum of its characters' costs
/// and of the costs of unusual neighbours. Lower reads more like real text.
///
/// `open_left` and `open_right` say that the text is cut out of a longer
/// line on that side, so a word touching that edge may go on.
fn cost(text: &[char], open_left: bool, open_right: bool) -> f32 {
    let kinds: Vec<Kind> = text.iter().map(|&c| kind_of(c)).collect();
    let mut total = word_cost(text, &kinds, open_left, open_right);
    let at = |k: usize| Some((*text.get(k)?, *kinds.get(k)?));
    for (k, (&c, &kind)) in text.iter().zip(&kinds).enumerate() {
        total += char_cost(c);
        let prev = k.checked_sub(1).and_then(at);
        let next = at(k + 1);
        if let Some(p) = prev {
            total += pair_cost(p, (c, kind));
        }
        if let (Some(p), Some(n)) = (prev, next) {
            total += wedge_cost(p, (c, kind), n);
        }
        if let Kind::Letter { script, upper, .. } = kind {
            total += lone_letter_cost(c, script, upper, prev, next, at(k + 2));
        }
    }
    total
}

/// Price of whole words: a Latin word of two or more letters with no
/// ASCII letter at all (`âœ`) is very rare in real text.
fn word_cost(text: &[char], kinds: &[Kind], open_left: bool, open_right: bool) -> f32 {
    let mut total = 0.0;
    let mut k = 0;
    while k < kinds.len() {
        if !matches!(kinds.get(k), Some(Kind::Letter { .. })) {
            k += 1;
            continue;
        }
        let start = k;
        while matches!(kinds.get(k), Some(Kind::Letter { .. })) {
            k += 1;
        }
        let cut = (start == 0 && open_left) || (k == kinds.len() && open_right);
        let word = text.get(start..k).unwrap_or(&[]);
        let foreign_only = word
            .iter()
            .all(|&c| !c.is_ascii() && script_of(c) == Script::Latin);
        if !cut && word.len() >= 2 && foreign_only {
            total += 1.0;
        }
    }
    total
}

/// Price of a letter that stands alone: a letter of a script other than
/// Latin between characters that are not of its script (`2012а`,
/// `“ה curves`), or a one-letter word that is not ASCII, which is rare
/// apart from the Romance `à` `è` `é` `ò` `ó` `ù`. An accented capital only
/// counts before a lower-case word, since all-caps text spells words out,
/// or glued to a sign.
fn lone_letter_cost(
    c: char,
    script: Script,
    upper: bool,
    prev: Option<(char, Kind)>,
    next: Option<(char, Kind)>,
    after_next: Option<(char, Kind)>,
) -> f32 {
    let same = |x: Option<(char, Kind)>| match x {
        Some((_, Kind::Letter { script: s, .. })) => s == script,
        Some((_, Kind::Mark)) => true,
        _ => false,
    };
    let mut total = 0.0;
    if !matches!(script, Script::Latin | Script::EastAsian) && !same(prev) && !same(next) {
        total += if script == Script::Greek { 0.5 } else { 2.0 };
    }
    let boundary = |x: Option<(char, Kind)>| {
        !matches!(x, Some((_, Kind::Letter { .. } | Kind::Digit | Kind::Mark)))
    };
    if script == Script::Latin && !c.is_ascii() && boundary(prev) && boundary(next) {
        if upper {
            let spaced = matches!(next, Some((_, Kind::Space)));
            if spaced && after_next.is_some_and(|(n, _)| n.is_lowercase()) {
                total += 1.5;
            }
            // Glued to a sign with no word around it (`Â©`, `Â£`).
            if matches!(next, Some((_, Kind::Sign))) {
                total += 1.0;
            }
        } else if !matches!(c, 'à' | 'è' | 'é' | 'ò' | 'ó' | 'ù') {
            total += 1.0;
        }
    }
    total
}

/// Typographic marks that end up inside words only through mojibake.
fn is_quote_like(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '‘' | '¿' | '¡' | '…' | '•')
}

/// Price of character `b` right after `a`.
fn pair_cost((a, ak): (char, Kind), (b, bk): (char, Kind)) -> f32 {
    match (ak, bk) {
        (
            Kind::Letter {
                script: sa,
                lower: la,
                ..
            },
            Kind::Letter {
                script: sb,
                upper: ub,
                ..
            },
        ) => {
            let mut c = script_change_cost(sa, sb);
            // CJK text takes ASCII words (`A股`, `T恤`) but seldom an
            // accented letter glued to a character.
            let accented = |x: char, s: Script| s == Script::Latin && !x.is_ascii();
            if (sa == Script::EastAsian && accented(b, sb))
                || (sb == Script::EastAsian && accented(a, sa))
            {
                c += 1.0;
            }
            // `tÃ©`, `namedÂ`: lower case then an accented capital.
            if la && ub && !b.is_ascii() {
                c += 2.5;
            }
            // Accented letters seldom come in pairs (`âœ`, `ÄÆ`); Czech,
            // Polish or Vietnamese pairs (`ří`, `ườ`) pay a little.
            if sa == Script::Latin && sb == Script::Latin && !a.is_ascii() && !b.is_ascii() {
                c += 0.7;
            }
            c
        }
        (_, Kind::Mark) => match ak {
            Kind::Letter { .. } | Kind::Mark | Kind::Digit => 0.0,
            _ => 2.0,
        },
        // An opening quote glued to a word before it, or followed by a
        // space or closing punctuation; a closing quote after a space.
        (Kind::Letter { script, .. }, _) if script != Script::EastAsian && is_opening_quote(b) => {
            1.0
        }
        (Kind::Sign | Kind::Digit, _) if is_opening_quote(b) => 1.0,
        (_, Kind::Space) if is_opening_quote(a) => 1.5,
        (_, Kind::Punct) if is_opening_quote(a) && b.is_ascii() && !"([{'\"$#@-.¿¡".contains(b) => {
            1.5
        }
        (Kind::Space, _) if matches!(b, '»' | '”') => 1.5,
        // Most Latin-1 and typographic signs are not used inside CJK text.
        (
            Kind::Sign,
            Kind::Letter {
                script: Script::EastAsian,
                ..
            },
        ) if foreign_to_cjk(a) => 1.0,
        (
            Kind::Letter {
                script: Script::EastAsian,
                ..
            },
            Kind::Sign,
        ) if foreign_to_cjk(b) => 1.0,
        // Box drawing is line art; next to a letter of an alphabet it is
        // CP437 mojibake (CJK text uses `─` as a dash).
        (Kind::Letter { script, .. }, Kind::Sign) if script != Script::EastAsian && is_box(b) => {
            1.5
        }
        (Kind::Sign, Kind::Letter { script, .. }) if script != Script::EastAsian && is_box(a) => {
            1.5
        }
        (Kind::Digit, Kind::Sign) if is_box(b) => 1.5,
        (Kind::Sign, Kind::Digit) if is_box(a) => 1.5,
        // A dash or bullet glued to an accented letter (`â–`, `é–¢`): the
        // commonest start of three-byte mojibake.
        (Kind::Letter { .. }, Kind::Punct) if !a.is_ascii() && matches!(b, '–' | '—' | '•') => {
            1.0
        }
        // A letter running into a sign (`â€`, `Ã¶`); marks of ownership and
        // degrees do follow words.
        (Kind::Letter { script, .. }, Kind::Sign)
            if script != Script::EastAsian && !matches!(b, '™' | '®' | '©' | '°') =>
        {
            1.0
        }
        // A number glued to an accented capital (`11Â·16`); units like
        // `10 Å` take a space.
        (
            Kind::Digit,
            Kind::Letter {
                script: Script::Latin,
                upper: true,
                ..
            },
        ) if !b.is_ascii() => 1.0,
        // Piles of signs and marks (`€™`, `™«`, `”’`); an ellipsis goes
        // with quotes, and box drawing with box drawing.
        (Kind::Sign | Kind::Punct, Kind::Sign | Kind::Punct) if is_pile(a, b) => 1.0,
        _ => 0.0,
    }
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‘' | '¿' | '¡')
}

/// Signs below U+2100 that Chinese text does not use: all but the
/// arithmetic, degree, per-mille, prime, section, currency, copyright and
/// reference signs and the hyphenation point.
fn foreign_to_cjk(c: char) -> bool {
    (c as u32) < 0x2100
        && !matches!(
            c,
            '×' | '÷'
                | '°'
                | '±'
                | '§'
                | '¥'
                | '£'
                | '€'
                | '©'
                | '®'
                | '‰'
                | '′'
                | '″'
                | '‥'
                | '‧'
                | '※'
        )
}

/// Two non-ASCII signs or marks in a row that real text seldom puts
/// together (CJK punctuation, ellipses with quotes and runs of box drawing
/// are common).
fn is_pile(a: char, b: char) -> bool {
    let typographic = |c: char| !c.is_ascii() && c != '…' && (c as u32) < 0x2e80;
    typographic(a) && typographic(b) && !(is_box(a) && is_box(b))
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c)
}

/// Price of character `c` between `prev` and `next`: a sign, control or
/// quote wedged between letters (`Ã©t`, `CÃ™IS`, `AÃ‘OS`, `Ì¶6`), or a
/// lower-case letter after two capitals of which one is accented (`ÄÆd`).
fn wedge_cost((p, prev): (char, Kind), (c, kind): (char, Kind), (n, next): (char, Kind)) -> f32 {
    let mut total = 0.0;
    let wedged = match kind {
        Kind::Sign | Kind::Control => true,
        Kind::Punct => is_quote_like(c),
        _ => false,
    };
    // Chinese and Japanese put all kinds of signs between characters
    // (`一○三`, `一次×片`); only alphabetic words are judged here.
    let letter = |k: Kind| matches!(k, Kind::Letter { script, .. } if script != Script::EastAsian);
    let after_ok = letter(next) || (next == Kind::Digit && char_cost(c) >= 2.0);
    if wedged && (letter(prev) || prev == Kind::Digit) && after_ok {
        total += 3.0;
    }
    if let (Kind::Letter { upper: true, .. }, Kind::Letter { upper: true, .. }) = (prev, kind) {
        if n.is_lowercase() && (!p.is_ascii() || !c.is_ascii()) {
            total += 1.0;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1250, WINDOWS_1251, WINDOWS_1252};
    use proptest::prelude::*;

    /// UTF-8 of `text` as shown by a single-byte page.
    fn shown_as(enc: &'static Encoding, text: &str) -> String {
        enc.decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    /// UTF-8 of `text` as shown by a Latin-1 reader (C1 controls and all).
    fn shown_as_latin1(text: &str) -> String {
        text.bytes().map(char::from).collect()
    }

    #[test]
    fn utf8_read_as_windows_1252_is_restored() {
        for good in [
            "Hôtel de Police",
            "Le château se trouve à côté de l’église.",
            "Größere Übungen für Bürger: Straße und Fußgänger.",
            "Ça coûte 12,50 € — très cher.",
            "© 2024 Société Générale",
            "Singing along♫~ ✔ done",
            "新闻网发布会在北京举行",
        ] {
            let bad = shown_as(WINDOWS_1252, good);
            assert_ne!(bad, good);
            let (fixed, steps) = fix_encoding(&bad);
            assert_eq!(fixed, good, "from {bad}");
            assert!(steps >= 1);
        }
    }

    #[test]
    fn chinese_through_windows_1252_is_restored() {
        assert_eq!(fix_encoding("æ–°é—»ç½‘").0, "新闻网");
    }

    #[test]
    fn utf8_read_as_latin1_with_c1_controls_is_restored() {
        for good in ["naïve café “quoted” — done…", "Ärger über Öl", "新闻网"] {
            let bad = shown_as_latin1(good);
            assert_eq!(fix_encoding(&bad).0, good, "from {bad:?}");
        }
    }

    #[test]
    fn utf8_read_as_other_pages_is_restored() {
        for (enc, good) in [
            (WINDOWS_1250, "Mám dost třetího tisíciletí"),
            (WINDOWS_1251, "Привет, как дела?"),
            (WINDOWS_1252, "Ελληνικά και Русский"),
        ] {
            let bad = shown_as(enc, good);
            assert_eq!(fix_encoding(&bad).0, good, "from {bad}");
        }
    }

    #[test]
    fn no_break_space_turned_space_is_read_as_a0() {
        for (bad, good) in [
            // The A0 of `à` became a space; the real space after it merged.
            ("voilÃ le travail", "voilà le travail"),
            ("voilÃ  le travail", "voilà le travail"),
            (
                "jusqu'Ã nos jours, la rÃ©flexion",
                "jusqu'à nos jours, la réflexion",
            ),
        ] {
            assert_eq!(fix_encoding(bad).0, good, "from {bad}");
        }
        // After a capital the space was the byte itself (`Р` is D0 A0).
        let good = "Русский язык";
        let bad = shown_as(WINDOWS_1252, good).replace('\u{a0}', " ");
        assert!(bad.starts_with("Ð "));
        assert_eq!(fix_encoding(&bad).0, good, "from {bad}");
    }

    #[test]
    fn layered_mojibake_is_undone() {
        let good = "The café’s “menu” and 新闻";
        let twice = shown_as(WINDOWS_1252, &shown_as(WINDOWS_1252, good));
        assert_eq!(fix_encoding(&twice).0, good, "from {twice}");
        let thrice = shown_as(WINDOWS_1252, &twice);
        assert_eq!(fix_encoding(&thrice).0, good, "from {thrice}");
    }

    #[test]
    fn only_the_broken_span_of_a_mixed_line_changes() {
        let line = format!(
            "Correct: café, 政协委员 · broken: {}",
            shown_as(WINDOWS_1252, "crème brûlée")
        );
        assert_eq!(
            fix_encoding(&line).0,
            "Correct: café, 政协委员 · broken: crème brûlée"
        );
    }

    #[test]
    fn lost_bytes_become_one_replacement_character() {
        assert_eq!(
            fix_encoding("â€œlossy decodingâ€\u{fffd}").0,
            "“lossy decoding\u{fffd}"
        );
        assert_eq!(
            fix_encoding("upgraded to â€œbb+â€? from").0,
            "upgraded to “bb+\u{fffd} from"
        );
    }

    #[test]
    fn stray_c1_controls_read_as_windows_1252() {
        assert_eq!(fix_encoding("parlé\u{85} Tu sais").0, "parlé… Tu sais");
        // 0x81 is undefined in Windows-1252: nothing to read it as.
        let odd = "control \u{81} kept";
        assert_eq!(fix_encoding(odd), (odd.to_string(), 0));
    }

    #[test]
    fn surrogate_pairs_of_cesu8_are_joined() {
        assert_eq!(fix_encoding("Hi í\u{a0}½í¸\u{8d}").0, "Hi 😍");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for good in [
            "Hôtel de Police",
            "Straße, Größe, Übung",
            "SÃO PAULO e CONCLUSÃO",
            "Copyright © 2024 · Paris · 5×£35",
            "Mapa Â· legenda",
            "CÂMARA · SENADO · NESTLÉ® · AHÅ™",
            "4288×…",
            "Con il corpo,\u{a0}è come",
            "NESTLÉ® e VOCÊ…",
            "温度为25°C，价格：¥128.00 × 2，“协商民主”模式",
            "(-1/2)! = √π",
            "ПоздравЂаво ВІКІ",
            "Ελληνικά ¨ανατροφή¨",
            "There are a lot of Ã’s in mojibake text",
        ] {
            let (fixed, steps) = fix_encoding(good);
            assert_eq!(fixed, good);
            assert_eq!(steps, 0, "{good}");
        }
    }

    #[test]
    fn prefilter_sees_lead_characters_only() {
        for c in ['Ã', 'Â', 'æ', 'Р', '╨', '√', '\u{85}', 'í'] {
            assert!(may_contain_char(c), "{c}");
        }
        for c in ['政', '，', '“', '’', '—', '·', '°', '©', 'a', '\u{a0}'] {
            assert!(!may_contain_char(c), "{c}");
        }
    }

    #[test]
    fn cp437_table_is_complete() {
        let table: Vec<(u8, char)> = cp437_table().collect();
        assert_eq!(table.len(), 128);
        assert!(table
            .iter()
            .zip(0x80..=0xffu8)
            .all(|(&(b, _), want)| b == want));
        assert!(table.contains(&(0xc4, '─')));
    }

    #[test]
    fn encode_cp1252_covers_c1_and_rejects_others() {
        assert_eq!(
            encode_cp1252("Ã©\u{81}€"),
            Some(vec![0xc3, 0xa9, 0x81, 0x80])
        );
        assert_eq!(encode_cp1252("新"), None);
    }

    /// Real words in the languages and scripts the repair meets, written
    /// for these tests.
    const WORDS: &[&str] = &[
        "château",
        "église",
        "où",
        "naïve",
        "Hélène",
        "Größe",
        "Übung",
        "Straße",
        "España",
        "año",
        "Mám",
        "třetího",
        "Žinoma",
        "Šveices",
        "Rīga",
        "İstanbul",
        "Привет",
        "дела",
        "Ελληνικά",
        "עברית",
        "رسالة",
        "新闻",
        "政协委员",
        "東京",
        "한국어",
        "“quoted”",
        "l’été",
        "€12,50",
        "—",
        "…",
        "café",
        "x",
        "the",
        "2024",
        "😀",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn ascii_is_never_changed(s in "[ -~]{0,80}") {
            prop_assert_eq!(fix_encoding(&s), (s.clone(), 0));
        }

        #[test]
        fn correct_text_is_never_changed(picks in proptest::collection::vec(0..WORDS.len(), 1..8)) {
            let text = words(&picks);
            prop_assert_eq!(fix_encoding(&text).0, text);
        }

        #[test]
        fn text_read_as_windows_1252_or_latin1_is_restored(
            picks in proptest::collection::vec(0..WORDS.len(), 1..8),
            latin1 in any::<bool>(),
        ) {
            let text = words(&picks);
            let bad = if latin1 { shown_as_latin1(&text) } else { shown_as(WINDOWS_1252, &text) };
            prop_assume!(bad != text);
            prop_assert_eq!(fix_encoding(&bad).0, text, "from {:?}", bad);
        }

        #[test]
        fn repair_reaches_a_fixed_point(s in "[ÃÂâ€œ™é©·Ð¿Ñ€ ¡¢£¤¥¦§¨ª«¬®¯°±²³´µ¶¸¹º»¼½¾¿a-z?\u{fffd}\u{80}-\u{9f}新闻]{0,30}") {
            let once = fix_encoding(&s).0;
            prop_assert_eq!(fix_encoding(&once).0, once);
        }
    }

    fn words(picks: &[usize]) -> String {
        let words: Vec<&str> = picks
            .iter()
            .filter_map(|&i| WORDS.get(i).copied())
            .collect();
        words.join(" ")
    }
}
