//! The Simplified analysis view of a text, script detection and script
//! conversion.
//!
//! OpenCC's Traditional-to-Simplified dictionaries (`TSCharacters`,
//! `TSPhrases`, and the TW/HK variant reversals) map every phrase to a
//! phrase of the same length, so converting a chunk of text keeps each
//! character in place and the view's offset map is the identity on that
//! chunk. Where a conversion does change the length (the `p` configs'
//! idiom tables, or a future dictionary), the chunk is converted character
//! by character instead, which is exact by construction.

use opencc_fmmseg::{is_delimiter, DictMaxLen, DictionaryMaxlength, OpenCC, OpenccConfig};
use rustc_hash::FxHashMap;
use std::fmt;
use taojin_core::{AnalysisView, Script};

/// Phrase overrides where the opencc-fmmseg dictionaries lag OpenCC's
/// current ones (see the header of the data file).
const OVERRIDES: &str = include_str!("../data/opencc_overrides.tsv");

/// A conversion config name that is not one of OpenCC's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownConfig(pub String);

impl fmt::Display for UnknownConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown OpenCC config `{}`", self.0)
    }
}

impl std::error::Error for UnknownConfig {}

/// One override: within `config`, `from` converts to `to`.
#[derive(Debug, Clone)]
struct Override {
    config: OpenccConfig,
    from: String,
    to: String,
}

/// OpenCC's `t2s` conversion (TSPhrases, then TSCharacters, forward
/// maximum matching) as flat tables, so that the Simplified view can be
/// built in one pass over the text with its offset map, and text with
/// nothing to convert costs one table probe per character.
struct T2sTables {
    /// For each BMP code point, the lengths in chars of the keys starting
    /// with it, bit `n - 1` for length `n` (0: no key does, the char is
    /// copied as it is).
    bmp_lengths: Vec<u16>,
    /// The same for characters beyond the BMP.
    astral_lengths: FxHashMap<char, u16>,
    /// Keys of two chars or more: this crate's overrides first, then
    /// OpenCC's phrases (an override wins over a phrase of equal length).
    phrases: FxHashMap<Box<[char]>, Box<str>>,
    /// Single characters.
    chars: FxHashMap<char, Box<str>>,
    /// For each BMP code point whose single-char value is one char in the
    /// BMP, that char (0 otherwise): the common case without hashing.
    bmp_single: Vec<u16>,
    /// A bit per hash of the first two chars of every phrase key: a clear
    /// bit means no phrase starts with that pair, which settles most
    /// probes of Simplified text (whose chars start many Traditional
    /// phrases) without hashing a key.
    pair_filter: Vec<u64>,
    /// A bit per BMP code point: set if the char sits in some key at a
    /// place where the key's value has another char (every char of a key
    /// whose value has another length). A text none of whose chars is set
    /// converts to itself, whatever keys match in it.
    changing: Vec<u64>,
    /// A bit per BMP code point: set if the char sits in some key. The
    /// matching never carries across a char with its bit clear (no match
    /// can cover it), so a scan can start right after one.
    in_key: Vec<u64>,
}

/// Bits in [`T2sTables::pair_filter`] (a power of two).
const PAIR_FILTER_BITS: usize = 1 << 20;

/// The filter bit of a phrase starting with `a`, `b`.
#[inline]
fn pair_bit(a: char, b: char) -> usize {
    let x = (u64::from(u32::from(a)) << 32 | u64::from(u32::from(b)))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x >> (64 - PAIR_FILTER_BITS.trailing_zeros())) as usize
}

impl T2sTables {
    fn new(dict: &DictionaryMaxlength, overrides: &[Override]) -> Self {
        let mut tables = T2sTables {
            bmp_lengths: vec![0; 0x1_0000],
            astral_lengths: FxHashMap::default(),
            phrases: FxHashMap::default(),
            chars: FxHashMap::default(),
            bmp_single: vec![0; 0x1_0000],
            pair_filter: vec![0; PAIR_FILTER_BITS / 64],
            changing: vec![0; 0x1_0000 / 64],
            in_key: vec![0; 0x1_0000 / 64],
        };
        let override_pairs = overrides
            .iter()
            .filter(|o| o.config == OpenccConfig::T2s)
            .map(|o| (o.from.chars().collect::<Vec<char>>(), o.to.as_str()));
        let dict_pairs = dict
            .ts_phrases
            .iter()
            .chain(dict.ts_characters.iter())
            .map(|(k, v)| (k.to_vec(), v));
        for (key, value) in override_pairs.chain(dict_pairs) {
            // OpenCC never converts across or at a delimiter, so a key with
            // one in it can never apply.
            let Some(&first) = key.first() else { continue };
            if key.iter().any(|&c| is_delimiter(c)) || key.len() > MAX_KEY_CHARS {
                continue;
            }
            let lengths = match tables.bmp_lengths.get_mut(first as usize) {
                Some(slot) => slot,
                None => tables.astral_lengths.entry(first).or_insert(0),
            };
            *lengths |= 1 << (key.len() - 1);
            for &k in &key {
                if let Some(word) = tables.in_key.get_mut(k as usize / 64) {
                    *word |= 1 << (k as usize % 64);
                }
            }
            tables.mark_changing(&key, &value.chars().collect::<Vec<char>>());
            if let [c] = key.as_slice() {
                if tables.chars.contains_key(c) {
                    continue;
                }
                tables.chars.insert(*c, value.into());
                let mut it = value.chars();
                if let (Some(v), None, Some(slot)) =
                    (it.next(), it.next(), tables.bmp_single.get_mut(*c as usize))
                {
                    *slot = u16::try_from(u32::from(v)).unwrap_or(0);
                }
            } else {
                if let [a, b, ..] = key.as_slice() {
                    let bit = pair_bit(*a, *b);
                    if let Some(word) = tables.pair_filter.get_mut(bit / 64) {
                        *word |= 1 << (bit % 64);
                    }
                }
                tables
                    .phrases
                    .entry(key.into_boxed_slice())
                    .or_insert_with(|| value.into());
            }
        }
        tables
    }

    /// Marks the chars of `key` that its `value` replaces.
    fn mark_changing(&mut self, key: &[char], value: &[char]) {
        let same_length = key.len() == value.len();
        for (i, &k) in key.iter().enumerate() {
            if same_length && value.get(i) == Some(&k) {
                continue;
            }
            if let Some(word) = self.changing.get_mut(k as usize / 64) {
                *word |= 1 << (k as usize % 64);
            }
        }
    }

    /// The byte offset of the first char of `text` a conversion may
    /// replace (chars beyond the BMP are not tracked and count as
    /// replaceable). A text with none converts to itself, found with one
    /// bit test per char in a table that stays in the L1 cache.
    fn first_changing_char(&self, text: &str) -> Option<usize> {
        text.char_indices()
            .find(|&(_, c)| {
                !c.is_ascii()
                    && self
                        .changing
                        .get(c as usize / 64)
                        .is_none_or(|word| word & (1 << (c as usize % 64)) != 0)
            })
            .map(|(byte, _)| byte)
    }

    /// The key lengths starting with `c`, as a bit set (0 if none).
    #[inline]
    fn lengths(&self, c: char) -> u16 {
        match self.bmp_lengths.get(c as usize) {
            Some(&n) => n,
            None => self.astral_lengths.get(&c).copied().unwrap_or(0),
        }
    }

    /// The longest key at the start of `rest` (whose first char is `first`):
    /// its length in chars and bytes, and its value.
    #[inline]
    fn match_at(&self, rest: &str, first: char) -> Option<Match<'_>> {
        let lengths = self.lengths(first);
        if lengths > 1 && self.may_start_phrase(rest, first) {
            let longest = (u16::BITS - lengths.leading_zeros()) as usize;
            let mut key = ['\0'; MAX_KEY_CHARS];
            let mut ends = [0usize; MAX_KEY_CHARS];
            let mut len = 0;
            for ((slot, end), (i, c)) in key
                .iter_mut()
                .zip(ends.iter_mut())
                .zip(rest.char_indices())
                .take(longest)
            {
                *slot = c;
                *end = i + c.len_utf8();
                len += 1;
            }
            for n in (2..=len).rev().filter(|n| lengths & (1 << (n - 1)) != 0) {
                let hit = key.get(..n).and_then(|k| self.phrases.get(k));
                if let (Some(value), Some(&bytes)) = (hit, ends.get(n - 1)) {
                    return Some(Match {
                        chars: n,
                        bytes,
                        value,
                    });
                }
            }
        }
        if lengths & 1 == 0 {
            return None;
        }
        self.chars.get(&first).map(|value| Match {
            chars: 1,
            bytes: first.len_utf8(),
            value,
        })
    }

    /// Whether a phrase key may start at the start of `rest` (whose first
    /// char is `first`), by the pair filter.
    #[inline]
    fn may_start_phrase(&self, rest: &str, first: char) -> bool {
        let Some(second) = rest.get(first.len_utf8()..).and_then(|r| r.chars().next()) else {
            return false;
        };
        let bit = pair_bit(first, second);
        self.pair_filter
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    /// Whether no match can carry across `c`: it is in no key (delimiters
    /// never are) or is a delimiter. Chars beyond the BMP count only as
    /// delimiters.
    #[inline]
    fn ends_matching(&self, c: char) -> bool {
        let i = c as usize;
        self.in_key
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) == 0)
            || is_delimiter(c)
    }

    /// Where the first conversion that changes something starts (byte and
    /// char offset), or `None` if the text converts to itself.
    ///
    /// Only a match that covers a char of the `changing` set can change
    /// anything, so the forward matching runs only around those chars:
    /// from the last char before one that ends all matching (or from where
    /// the previous run stopped, if that is later) up to past it.
    fn first_change(&self, text: &str) -> Option<(usize, usize)> {
        // Bytes before this are settled: matching would start here.
        let mut settled = 0;
        loop {
            let changing = settled + self.first_changing_char(text.get(settled..)?)?;
            let restart = text
                .get(settled..changing)?
                .char_indices()
                .rev()
                .find(|&(_, c)| self.ends_matching(c))
                .map_or(settled, |(byte, c)| settled + byte + c.len_utf8());
            match self.scan_changes(text, restart, changing)? {
                Scan::Changes(byte) => {
                    let index = text.get(..byte)?.chars().count();
                    return Some((byte, index));
                }
                Scan::SettledTo(byte) => settled = byte,
            }
        }
    }

    /// Runs the forward matching from `restart` (where a match attempt
    /// starts) until it has passed byte `through`: the byte where a match
    /// changes the text, or where the next attempt would start.
    fn scan_changes(&self, text: &str, restart: usize, through: usize) -> Option<Scan> {
        // Chars up to this byte belong to a key matched earlier.
        let mut matched_to = restart;
        for (byte, c) in text.get(restart..)?.char_indices() {
            let byte = restart + byte;
            if byte > through && byte >= matched_to {
                return Some(Scan::SettledTo(byte));
            }
            if byte < matched_to {
                continue;
            }
            let lengths = self.lengths(c);
            if lengths == 0 {
                continue;
            }
            let rest = text.get(byte..)?;
            if lengths == 1 || !self.may_start_phrase(rest, c) {
                // Only the char itself can match: settle it from the flat
                // table where its value is one BMP char.
                if lengths & 1 == 0 {
                    continue;
                }
                if let Some(v) = self.bmp_single_value(c) {
                    if v == c {
                        continue;
                    }
                    return Some(Scan::Changes(byte));
                }
            }
            if let Some(m) = self.match_at(rest, c) {
                if m.value != rest.get(..m.bytes)? {
                    return Some(Scan::Changes(byte));
                }
                matched_to = byte + m.bytes;
            }
        }
        Some(Scan::SettledTo(text.len().max(matched_to)))
    }

    /// Converts `text`, appending to `out` and copying the stretches that
    /// do not change in one piece each. Says whether every conversion kept
    /// its length in chars (the output is aligned char for char with
    /// `text`) and in bytes too.
    fn convert_copying_runs(&self, text: &str, out: &mut String) -> Alignment {
        let mut aligned = Alignment {
            chars: true,
            bytes: true,
        };
        // Start of the stretch not yet copied, and end of the last key.
        let (mut copied_to, mut matched_to) = (0, 0);
        for (byte, c) in text.char_indices() {
            let lengths = self.lengths(c);
            if byte < matched_to || lengths == 0 {
                continue;
            }
            let mut buf = [0u8; 4];
            let (key_bytes, value): (usize, &str) = match self.single(c, lengths) {
                // A single char is compared as a char, not as a string
                // (which would be a `memcmp` call per char).
                Some(v) if v == c => {
                    matched_to = byte + c.len_utf8();
                    continue;
                }
                Some(v) => (c.len_utf8(), v.encode_utf8(&mut buf)),
                None => match text.get(byte..).and_then(|rest| self.match_at(rest, c)) {
                    Some(m) => {
                        aligned.chars &= m.value.chars().count() == m.chars;
                        matched_to = byte + m.bytes;
                        if text.get(byte..matched_to) == Some(m.value) {
                            continue;
                        }
                        (m.bytes, m.value)
                    }
                    None => continue,
                },
            };
            matched_to = byte + key_bytes;
            // Byte offsets carry over only if each output char is as wide
            // as the input char at its place (one comparison for a single
            // char, char by char for a phrase).
            aligned.bytes &= if key_bytes == c.len_utf8() {
                value.len() == key_bytes
            } else {
                text.get(byte..matched_to).is_some_and(|key| {
                    key.chars()
                        .map(char::len_utf8)
                        .eq(value.chars().map(char::len_utf8))
                })
            };
            out.push_str(text.get(copied_to..byte).unwrap_or_default());
            out.push_str(value);
            copied_to = matched_to;
        }
        out.push_str(text.get(copied_to..).unwrap_or_default());
        aligned.bytes &= aligned.chars;
        aligned
    }

    /// The value of the single-char key `c` when it is one BMP char.
    #[inline]
    fn bmp_single_value(&self, c: char) -> Option<char> {
        self.bmp_single
            .get(c as usize)
            .and_then(|&v| char::from_u32(u32::from(v)))
            .filter(|&v| v != '\0')
    }

    /// The one-char value of `c` when only a single-char key starts with it
    /// and the value is one BMP char (no hashing needed).
    #[inline]
    fn single(&self, c: char, lengths: u16) -> Option<char> {
        if lengths != 1 {
            return None;
        }
        self.bmp_single_value(c)
    }

    /// Converts `text`, appending to `out`; with `map`, appends for every
    /// output char the index (plus `base`) of the input char it came from.
    fn convert_into(
        &self,
        text: &str,
        base: usize,
        out: &mut String,
        mut map: Option<&mut Vec<usize>>,
    ) {
        let (mut byte, mut index) = (0, base);
        while let Some(rest) = text.get(byte..) {
            let Some(first) = rest.chars().next() else {
                break;
            };
            {
                // Only a single-char key starts here: the common case of
                // Traditional text, converted without hashing.
                if let Some(v) = self.single(first, self.lengths(first)) {
                    out.push(v);
                    if let Some(map) = map.as_deref_mut() {
                        map.push(index);
                    }
                    byte += first.len_utf8();
                    index += 1;
                    continue;
                }
            }
            let Some(m) = self.match_at(rest, first) else {
                out.push(first);
                if let Some(map) = map.as_deref_mut() {
                    map.push(index);
                }
                byte += first.len_utf8();
                index += 1;
                continue;
            };
            match map.as_deref_mut() {
                None => out.push_str(m.value),
                Some(map) if m.value.chars().count() == m.chars => {
                    out.push_str(m.value);
                    map.extend(index..index + m.chars);
                }
                Some(map) => {
                    // A key that changes length has no char-to-char
                    // alignment: convert its chars one by one instead, each
                    // output char mapped to the char it came from.
                    let key = rest.get(..m.bytes).unwrap_or_default();
                    for (k, kc) in key.chars().enumerate() {
                        let before = out.len();
                        match self.chars.get(&kc) {
                            Some(v) => out.push_str(v),
                            None => out.push(kc),
                        }
                        let added = out.get(before..).map_or(0, |s| s.chars().count());
                        map.extend(std::iter::repeat_n(index + k, added));
                    }
                }
            }
            byte += m.bytes;
            index += m.chars;
        }
    }
}

/// Keys longer than this many chars are left out of the tables (OpenCC's
/// longest `t2s` phrase has 10).
const MAX_KEY_CHARS: usize = 16;

/// How a converted text lines up with the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Alignment {
    /// Every output char sits where its input char was.
    chars: bool,
    /// ... and has the same UTF-8 width, so byte offsets carry over.
    bytes: bool,
}

/// A dictionary key found in the text.
struct Match<'a> {
    chars: usize,
    bytes: usize,
    value: &'a str,
}

/// Converts between Traditional and Simplified with OpenCC's dictionaries.
pub struct ScriptConverter {
    opencc: OpenCC,
    overrides: Vec<Override>,
    t2s: T2sTables,
    /// A bit per BMP code point: a Simplified form that Traditional text
    /// does not use (OpenCC's s2t changes it, its t2s leaves it alone).
    simplified_only: Vec<u64>,
    /// A bit per BMP code point: a Traditional form that Simplified text
    /// does not use (t2s changes it, s2t leaves it alone).
    traditional_only: Vec<u64>,
}

/// Forms of one script only: chars that `forward` (single chars) maps to
/// another char, that the other script's dictionaries never use (they are
/// in no `backward` key, no key of `backward_phrases` and no value of
/// `forward_phrases`). The second test matters: many Simplified forms were
/// Traditional characters already (`台` `里` `后` `干`), and the phrase
/// tables show them in Traditional text (`舞台`, `鄰里`). A bit per BMP
/// code point.
fn one_way_chars(
    forward: &DictMaxLen,
    forward_phrases: &DictMaxLen,
    backward: &DictMaxLen,
    backward_phrases: &DictMaxLen,
) -> Vec<u64> {
    let mut other_script = vec![0u64; 0x10000 / 64];
    let set = |bits: &mut Vec<u64>, c: char| {
        let code = c as usize;
        if let Some(w) = bits.get_mut(code / 64) {
            *w |= 1 << (code % 64);
        }
    };
    for (_, value) in forward_phrases.iter() {
        value.chars().for_each(|c| set(&mut other_script, c));
    }
    for (key, _) in backward_phrases.iter().chain(backward.iter()) {
        key.iter().for_each(|&c| set(&mut other_script, c));
    }
    let mut bits = vec![0u64; 0x10000 / 64];
    for (key, value) in forward.iter() {
        let [c] = key else { continue };
        let changes = value.chars().next().is_some_and(|v| v != *c);
        // A char listed among its own alternatives (`床` -> `牀 床`) is
        // written in the other script too.
        let own_alternative = value.chars().skip(1).any(|v| v == *c);
        if changes && !own_alternative && !bit_is_set(&other_script, *c) {
            set(&mut bits, *c);
        }
    }
    bits
}

fn clear_bit(bits: &mut [u64], c: char) {
    let code = c as usize;
    if let Some(w) = bits.get_mut(code / 64) {
        *w &= !(1 << (code % 64));
    }
}

fn bit_is_set(bits: &[u64], c: char) -> bool {
    let code = c as usize;
    bits.get(code / 64)
        .is_some_and(|w| w & (1 << (code % 64)) != 0)
}

impl Default for ScriptConverter {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for ScriptConverter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScriptConverter")
            .field("overrides", &self.overrides.len())
            .field("t2s_phrases", &self.t2s.phrases.len())
            .field("t2s_chars", &self.t2s.chars.len())
            .finish()
    }
}

impl ScriptConverter {
    pub fn new() -> Self {
        let overrides = parse_overrides(OVERRIDES);
        // A dictionary that fails to load leaves an empty one (no
        // conversion) rather than a panic, as `OpenCC::new` does.
        let dict = DictionaryMaxlength::new().unwrap_or_default();
        let t2s = T2sTables::new(&dict, &overrides);
        let mut simplified_only = one_way_chars(
            &dict.st_characters,
            &dict.st_phrases,
            &dict.ts_characters,
            &dict.ts_phrases,
        );
        // Taiwan and Hong Kong standard forms are Traditional text's own
        // even where OpenCC's generic Traditional prefers another variant
        // (`床` for `牀`, Hong Kong's `户` `温` `税` `脱`): a page from
        // those places writes them throughout.
        for variants in [&dict.tw_variants, &dict.hk_variants] {
            for (_, value) in variants.iter() {
                value
                    .chars()
                    .for_each(|c| clear_bit(&mut simplified_only, c));
            }
        }
        let traditional_only = one_way_chars(
            &dict.ts_characters,
            &dict.ts_phrases,
            &dict.st_characters,
            &dict.st_phrases,
        );
        let mut opencc = OpenCC::from_dictionary(dict);
        // Documents are processed in parallel by the caller; a conversion
        // spawning its own workers would only contend with them.
        opencc.set_parallel(false);
        ScriptConverter {
            opencc,
            overrides,
            t2s,
            simplified_only,
            traditional_only,
        }
    }

    /// Whether `c` is a Simplified form that Traditional text does not use
    /// (`时`, `启`; not `后` or `干`, which Traditional text has too).
    pub fn is_simplified_only(&self, c: char) -> bool {
        bit_is_set(&self.simplified_only, c)
    }

    /// Whether `c` is a Traditional form that Simplified text does not use
    /// (`時`, `啟`).
    pub fn is_traditional_only(&self, c: char) -> bool {
        bit_is_set(&self.traditional_only, c)
    }

    /// Traditional (any variant) to Simplified, characters and phrases
    /// (OpenCC `t2s`), punctuation untouched.
    pub fn to_simplified(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.t2s.convert_copying_runs(text, &mut out);
        out
    }

    /// Converts with a named OpenCC config (`t2s`, `tw2s`, `tw2sp`, `hk2s`,
    /// `hk2sp`, `s2t`, ...), applying this crate's override table first.
    pub fn convert(&self, text: &str, config: &str) -> Result<String, UnknownConfig> {
        let cfg = OpenccConfig::parse(config).ok_or_else(|| UnknownConfig(config.to_string()))?;
        if cfg == OpenccConfig::T2s {
            return Ok(self.to_simplified(text));
        }
        Ok(self.convert_config(text, cfg))
    }

    fn convert_config(&self, text: &str, cfg: OpenccConfig) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        // Earliest override match wins; the text between matches goes to
        // OpenCC unchanged.
        loop {
            let hit = self
                .overrides
                .iter()
                .filter(|o| o.config == cfg)
                .filter_map(|o| rest.find(o.from.as_str()).map(|at| (at, o)))
                .min_by_key(|(at, o)| (*at, usize::MAX - o.from.len()));
            match hit {
                Some((at, o)) => {
                    let (before, after) = rest.split_at(at);
                    if !before.is_empty() {
                        out.push_str(&self.opencc.convert_with_config(before, cfg, false));
                    }
                    out.push_str(&o.to);
                    rest = after.get(o.from.len()..).unwrap_or("");
                }
                None => {
                    if !rest.is_empty() {
                        out.push_str(&self.opencc.convert_with_config(rest, cfg, false));
                    }
                    return out;
                }
            }
        }
    }

    /// Detects the script of a text (from its first 1000 bytes or so).
    pub fn detect(&self, text: &str) -> Script {
        match self.opencc.zho_check(text) {
            1 => Script::Traditional,
            2 => Script::Simplified,
            _ => Script::Neutral,
        }
    }

    /// Builds the Simplified view with an exact char offset map.
    ///
    /// The text is converted in one forward-maximum-matching pass over
    /// OpenCC's `t2s` tables. Every entry they hold keeps its length, so
    /// each view char maps to the original char at the same place; an entry
    /// that did not (an override, a future dictionary) is converted char by
    /// char instead, each output char mapped to the char it came from. Text
    /// that converts to itself (Simplified, Latin) gets the identity view
    /// without building anything char by char.
    pub fn simplified_view(&self, original: &str) -> AnalysisView {
        self.simplified_view_aligned(original).0
    }

    /// [`Self::simplified_view`], and whether every view char has the same
    /// place and UTF-8 width as the original char it came from (so that
    /// byte offsets in the view are byte offsets in the original).
    pub(crate) fn simplified_view_aligned(&self, original: &str) -> (AnalysisView, bool) {
        match self.simplified_text(original) {
            SimplifiedText::Same => (AnalysisView::identity(original), true),
            SimplifiedText::CharAligned {
                text,
                bytes_aligned,
            } => {
                let original_len = original.chars().count();
                let view = AnalysisView {
                    text,
                    to_original: (0..original_len).collect(),
                    original_len,
                };
                (view, bytes_aligned)
            }
            SimplifiedText::Mapped(view) => (view, false),
        }
    }

    /// The Simplified text of `original` with only as much of a view as it
    /// needs: nothing for text that converts to itself (most Simplified
    /// input), no offset map where every char stays in place.
    pub(crate) fn simplified_text(&self, original: &str) -> SimplifiedText {
        let Some((byte, index)) = self.t2s.first_change(original) else {
            return SimplifiedText::Same;
        };
        let (same, rest) = original.split_at_checked(byte).unwrap_or(("", original));
        let mut text = String::with_capacity(original.len());
        text.push_str(same);
        let aligned = self.t2s.convert_copying_runs(rest, &mut text);
        if aligned.chars {
            return SimplifiedText::CharAligned {
                text,
                bytes_aligned: aligned.bytes,
            };
        }
        // Some key changed length: map every output char one by one.
        text.truncate(same.len());
        let mut to_original = Vec::with_capacity(original.len());
        to_original.extend(0..index);
        self.t2s
            .convert_into(rest, index, &mut text, Some(&mut to_original));
        SimplifiedText::Mapped(AnalysisView {
            text,
            to_original,
            original_len: index + rest.chars().count(),
        })
    }
}

/// How a run of the forward matching in [`T2sTables::first_change`]
/// ended.
enum Scan {
    /// A match starting at this byte changes the text.
    Changes(usize),
    /// Nothing up to this byte changes; the next attempt starts here.
    SettledTo(usize),
}

/// The Simplified form of a text, from [`ScriptConverter::simplified_text`].
pub(crate) enum SimplifiedText {
    /// The text converts to itself.
    Same,
    /// Converted char for char: view char `i` came from original char `i`
    /// (and, with `bytes_aligned`, has the same UTF-8 width).
    CharAligned { text: String, bytes_aligned: bool },
    /// Some conversion changed length: the full view with its offset map.
    Mapped(AnalysisView),
}

fn parse_overrides(data: &str) -> Vec<Override> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let config = OpenccConfig::parse(f.next()?.trim())?;
            let from = f.next()?.to_string();
            let to = f.next()?.to_string();
            (!from.is_empty()).then_some(Override { config, from, to })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_script_forms_are_told_apart() {
        let c = ScriptConverter::new();
        for ch in ['时', '启', '这', '网', '体', '为'] {
            assert!(c.is_simplified_only(ch), "{ch}");
            assert!(!c.is_traditional_only(ch), "{ch}");
        }
        for ch in ['時', '啟', '這', '網', '體', '為'] {
            assert!(c.is_traditional_only(ch), "{ch}");
            assert!(!c.is_simplified_only(ch), "{ch}");
        }
        // Simplified forms that were Traditional characters already, and
        // characters both scripts share.
        for ch in ['台', '里', '后', '干', '准', '松', '人', '的', 'a', '，'] {
            assert!(!c.is_simplified_only(ch), "{ch}");
            assert!(!c.is_traditional_only(ch), "{ch}");
        }
        // Forms Taiwan or Hong Kong text writes though generic Traditional
        // prefers another variant (`病床`, Hong Kong's `住户` `温度`).
        for ch in ['床', '户', '温', '税', '脱'] {
            assert!(!c.is_simplified_only(ch), "{ch}");
            assert!(!c.is_traditional_only(ch), "{ch}");
        }
    }

    #[test]
    fn detects_scripts() {
        let c = ScriptConverter::new();
        let table = [
            ("許多社區長青學苑多開設有書法", Script::Traditional),
            ("海运业雄踞全球之首", Script::Simplified),
            ("hello 2024", Script::Neutral),
        ];
        for (text, want) in table {
            assert_eq!(c.detect(text), want, "{text}");
        }
    }

    #[test]
    fn view_of_traditional_is_simplified_and_aligned() {
        let c = ScriptConverter::new();
        let v = c.simplified_view("露宿者日間多到商場等冷氣場所避暑");
        assert_eq!(v.text, "露宿者日间多到商场等冷气场所避暑");
        assert_eq!(v.to_original.len(), v.text.chars().count());
        assert_eq!(v.map_range(3, 5), (3, 5));
    }

    #[test]
    fn t2s_tables_match_opencc_on_real_text() {
        // Traditional and Simplified news text, idioms whose phrases stop
        // char-level conversion (`乾隆`, `一乾二淨`), and mixed Latin.
        let texts = [
            "露宿者日間多到商場等冷氣場所避暑，乾隆年間的舊書一乾二淨。",
            "香港特別行政區政府發表聲明，指出經濟數據於2024年第3季回升。",
            "海运业雄踞全球之首，按吨位计占世界总数的１７％。",
            "頭髮、發展、後來、皇后、乾淨、幹部、麵條、著作、著名",
            "Email: info@example.com 網址 https://www.example.com/路徑",
            // Simplified text with a few Traditional phrases after
            // delimiters (the scan restarts at the last delimiter before
            // the first char that may change).
            "海运业雄踞全球之首，按吨位计占世界总数。他的著作一乾二淨，乾隆年间頭髮",
            "一二三四五六七八九十乾隆",
        ];
        let c = ScriptConverter::new();
        let reference = OpenCC::new();
        for text in texts {
            assert_eq!(c.to_simplified(text), reference.t2s(text, false), "{text}");
            let view = c.simplified_view(text);
            assert_eq!(view.text, reference.t2s(text, false), "{text}");
            assert_eq!(view.to_original.len(), view.text.chars().count());
            assert_eq!(view.original_len, text.chars().count());
        }
    }

    #[test]
    fn text_that_converts_to_itself_gets_the_identity_view() {
        let c = ScriptConverter::new();
        for text in ["海运业雄踞全球之首", "一个中国人的发展", "hello 2024", ""] {
            assert_eq!(c.simplified_view(text), AnalysisView::identity(text));
        }
    }

    #[test]
    fn pre_scan_passes_only_text_that_converts_to_itself() {
        let c = ScriptConverter::new();
        let table = [
            ("海运业雄踞全球之首，按吨位计占世界总数的１７％。", true),
            ("hello 2024 https://example.com", true),
            ("", true),
            ("露宿者日間多到商場", false),
            // One Traditional char in Simplified text is enough.
            ("这部著作很有名", false),
            ("乾隆年间", false),
        ];
        for (text, want) in table {
            let passes = c.t2s.first_changing_char(text).is_none();
            assert_eq!(passes, want, "{text}");
            if passes {
                assert_eq!(c.to_simplified(text), text);
            }
        }
    }

    fn converter() -> &'static ScriptConverter {
        static CONVERTER: std::sync::OnceLock<ScriptConverter> = std::sync::OnceLock::new();
        CONVERTER.get_or_init(ScriptConverter::new)
    }

    /// Pieces of Simplified and Traditional text whose chars start,
    /// end or sit inside t2s keys, with delimiters and Latin between.
    /// (`原著` is a key that keeps its `著`, which alone becomes `着`.)
    const PIECES: [&str; 27] = [
        "乾隆",
        "干",
        "乾",
        "发",
        "髮",
        "頭髮",
        "理发",
        "著作",
        "这部",
        "很有名",
        "后面",
        "後",
        "麵",
        "里",
        "裡",
        "一干二净",
        "海运业",
        "，",
        "。",
        " ",
        "a1",
        "的",
        "了",
        "是",
        "原著",
        "土",
        "著",
    ];

    proptest::proptest! {
        #[test]
        fn first_change_agrees_with_a_scan_of_the_whole_text(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let c = converter();
            let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            let whole = match c.t2s.scan_changes(&text, 0, text.len()) {
                Some(Scan::Changes(byte)) => Some((byte, text[..byte].chars().count())),
                _ => None,
            };
            proptest::prop_assert_eq!(c.t2s.first_change(&text), whole);
            proptest::prop_assert_eq!(whole.is_none(), c.to_simplified(&text) == text);
        }
    }

    #[test]
    fn a_key_that_changes_length_is_mapped_char_by_char() {
        // An override of the kind the `p` configs carry (主機板 -> 主板):
        // the view falls back to converting those chars one by one, each
        // output char mapped to the char it came from.
        let overrides = vec![Override {
            config: OpenccConfig::T2s,
            from: "主機板".into(),
            to: "主板".into(),
        }];
        let dict = DictionaryMaxlength::new().unwrap_or_default();
        let c = ScriptConverter {
            opencc: OpenCC::from_dictionary(DictionaryMaxlength::default()),
            t2s: T2sTables::new(&dict, &overrides),
            overrides,
            simplified_only: Vec::new(),
            traditional_only: Vec::new(),
        };
        assert_eq!(c.to_simplified("買了主機板。"), "买了主板。");
        let v = c.simplified_view("買了主機板。");
        assert_eq!(v.text, "买了主机板。");
        assert_eq!(v.to_original, vec![0, 1, 2, 3, 4, 5]);
        let seg_view = c.simplified_view("主機板");
        assert_eq!(seg_view.text, "主机板");
        assert_eq!(seg_view.map_range(1, 3), (1, 3));
    }

    #[test]
    fn unknown_config_is_an_error() {
        let c = ScriptConverter::new();
        assert!(c.convert("漢字", "t2x").is_err());
        assert_eq!(c.convert("漢字", "tw2s").as_deref(), Ok("汉字"));
    }

    #[test]
    fn length_changing_config_does_not_break_char_mapping() {
        // tw2sp rewrites 主機板 (3 chars) to 主板 (2 chars); the view itself
        // uses t2s, but the fallback must stay exact for any chunk.
        let c = ScriptConverter::new();
        assert_eq!(c.convert("主機板", "tw2sp").as_deref(), Ok("主板"));
        let v = c.simplified_view("買了主機板，花了1000元。");
        assert_eq!(v.text.chars().count(), v.to_original.len());
        assert!(v.to_original.windows(2).all(|w| w[0] <= w[1]));
    }
}
