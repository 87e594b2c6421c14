//! Word segmentation.
//!
//! The text is segmented on its Simplified analysis view (Traditional text
//! segments far better that way, since jieba's dictionary is Simplified) and
//! word boundaries are mapped back onto the original characters. On top of
//! jieba's dictionary route and HMM, numbers, dates, URLs, e-mail addresses
//! and Latin words are kept whole (see [`atoms`]).

pub mod atoms;
pub mod view;

use jieba_rs::Jieba;
use std::collections::HashSet;
use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use taojin_core::{AnalysisView, Document};
use view::ScriptConverter;

/// Why a segmenter could not be built.
#[derive(Debug)]
pub enum SegmentError {
    /// A dictionary or word-list file could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A user dictionary line jieba could not parse.
    Dictionary { path: PathBuf, message: String },
    /// `--standard NAME` with a name that is not a bakeoff corpus.
    UnknownStandard(String),
}

impl fmt::Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SegmentError::Io { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            SegmentError::Dictionary { path, message } => {
                write!(f, "bad dictionary {}: {message}", path.display())
            }
            SegmentError::UnknownStandard(name) => {
                write!(
                    f,
                    "unknown segmentation standard `{name}` (expected one of {})",
                    STANDARDS.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for SegmentError {}

/// Numerals that, before a classifier, make a word of their own.
const NUMERALS: &str = "一两二三四五六七八九十几";
/// Common classifiers (measure words) and time units after a numeral.
const CLASSIFIERS: &str = "个位种次年条项批天家名件只张本部句头块把根样点";

/// The bakeoff standards a profile can be built for.
pub const STANDARDS: [&str; 4] = ["pku", "msr", "as", "cityu"];

/// A segmenter with its dictionary loaded once; share it across threads by
/// reference (it is `Sync`).
pub struct Segmenter {
    jieba: Jieba,
    /// A bakeoff profile's word list (Simplified), when one is loaded: its
    /// words are never split, and jieba words it lacks are split into its
    /// words where they can be.
    standard: Option<HashSet<String>>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("jieba", &self.jieba)
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// The general-purpose segmenter: jieba's default dictionary and HMM.
    pub fn new() -> Self {
        Segmenter {
            jieba: Jieba::new(),
            standard: None,
        }
    }

    /// The general-purpose segmenter plus a user dictionary in jieba's
    /// format (`word [freq] [tag]` per line).
    pub fn with_user_dict(path: impl AsRef<Path>) -> Result<Self, SegmentError> {
        let mut seg = Self::new();
        seg.add_user_dict(path)?;
        Ok(seg)
    }

    /// Adds a user dictionary in jieba's format.
    pub fn add_user_dict(&mut self, path: impl AsRef<Path>) -> Result<(), SegmentError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| SegmentError::Io {
            path: path.into(),
            source,
        })?;
        let mut reader = std::io::BufReader::new(file);
        self.jieba
            .load_dict(&mut reader)
            .map_err(|e| SegmentError::Dictionary {
                path: path.into(),
                message: e.to_string(),
            })
    }

    /// A profile for one bakeoff's segmentation standard, built at run time
    /// from `<data_dir>/<name>_training_words.utf8` (its training word list).
    pub fn with_standard(name: &str, data_dir: &Path) -> Result<Self, SegmentError> {
        if !STANDARDS.contains(&name) {
            return Err(SegmentError::UnknownStandard(name.to_string()));
        }
        let path = data_dir.join(format!("{name}_training_words.utf8"));
        let file = std::fs::File::open(&path).map_err(|source| SegmentError::Io {
            path: path.clone(),
            source,
        })?;
        let words: Vec<String> = std::io::BufReader::new(file)
            .lines()
            .collect::<Result<_, _>>()
            .map_err(|source| SegmentError::Io {
                path: path.clone(),
                source,
            })?;
        let conv = ScriptConverter::new();
        let mut seg = Self::new();
        seg.apply_standard_words(
            words
                .iter()
                .map(|w| w.trim_start_matches('\u{feff}').trim()),
            &conv,
        );
        Ok(seg)
    }

    fn apply_standard_words<'a>(
        &mut self,
        words: impl Iterator<Item = &'a str>,
        conv: &ScriptConverter,
    ) {
        let mut list = HashSet::new();
        for word in words.filter(|w| !w.is_empty()) {
            let simplified = conv.to_simplified(word);
            // A word whose conversion changes length would not line up with
            // the view; keep the form that does.
            let word = if simplified.chars().count() == word.chars().count() {
                simplified
            } else {
                word.to_string()
            };
            let freq = self.jieba.suggest_freq(&word);
            self.jieba.add_word(&word, Some(freq), None);
            list.insert(word);
        }
        self.standard = Some(list);
    }

    /// The underlying jieba instance (dictionary lookups for other stages).
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Word spans of a text in the analysis script, as half-open char
    /// ranges; whitespace belongs to no span.
    pub fn cut_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut boundary = vec![false; n + 1];
        let tokens: Vec<(usize, usize)> = self
            .jieba
            .cut(text, true)
            .into_iter()
            .map(|t| (t.start.min(n), t.end.min(n)))
            .collect();
        for &(s, e) in &tokens {
            set(&mut boundary, s);
            set(&mut boundary, e);
            if let Some(mid) = chars.get(s..e).and_then(|w| self.compound_split(w)) {
                set(&mut boundary, s + mid);
            }
        }
        let mut tok = tokens.iter().peekable();
        for atom in atoms::find_atoms(&chars) {
            while tok.next_if(|t| t.1 <= atom.start).is_some() {}
            // A dictionary word that contains the atom wins (`卡拉OK`, `B股`).
            if let Some(&&(s, e)) = tok.peek() {
                let covers = s <= atom.start && e >= atom.end && e - s > atom.end - atom.start;
                if covers
                    && chars
                        .get(s..e)
                        .is_some_and(|w| self.jieba.has_word(&w.iter().collect::<String>()))
                {
                    continue;
                }
            }
            set(&mut boundary, atom.start);
            set(&mut boundary, atom.end);
            for b in boundary.iter_mut().take(atom.end).skip(atom.start + 1) {
                *b = false;
            }
        }
        let mut spans = Vec::with_capacity(tokens.len());
        let mut start = 0;
        for i in 1..=n {
            if boundary.get(i).copied().unwrap_or(true) {
                if chars
                    .get(start..i)
                    .is_some_and(|w| w.iter().any(|c| !c.is_whitespace()))
                {
                    spans.push((start, i));
                }
                start = i;
            }
        }
        spans
    }

    /// Where to split a dictionary word that the common segmentation
    /// standards cut in two, if anywhere. Checked on the four bakeoff
    /// training word lists: a four-character jieba word made of two
    /// two-character words (`国有企业`, `检察机关`) is listed whole for under
    /// 10% of such words, and a numeral with a classifier (`一位`, `两个`)
    /// is split in three of the four standards. Idioms (`与日俱增`) survive
    /// because their halves are not words.
    fn compound_split(&self, word: &[char]) -> Option<usize> {
        if let Some(list) = &self.standard {
            // Words the HMM proposed are new names more often than not.
            return standard_split(list, word);
        }
        match word {
            [num, classifier] if NUMERALS.contains(*num) && CLASSIFIERS.contains(*classifier) => {
                Some(1)
            }
            [a, b, c, d] => {
                let mut buf = [0u8; 16];
                let split = self.has_chars(&[*a, *b], &mut buf)
                    && self.has_chars(&[*c, *d], &mut buf)
                    && self.has_chars(word, &mut buf);
                split.then_some(2)
            }
            _ => None,
        }
    }

    /// Dictionary lookup of a few chars without allocating.
    fn has_chars(&self, chars: &[char], buf: &mut [u8; 16]) -> bool {
        let mut len = 0;
        for c in chars {
            let Some(slot) = buf.get_mut(len..len + c.len_utf8()) else {
                return false;
            };
            c.encode_utf8(slot);
            len += c.len_utf8();
        }
        std::str::from_utf8(buf.get(..len).unwrap_or_default())
            .is_ok_and(|w| self.jieba.has_word(w))
    }

    /// Segments a text that is already in the analysis script, returning the
    /// words (whitespace dropped).
    pub fn cut(&self, text: &str) -> Vec<String> {
        let starts = char_starts(text);
        self.cut_spans(text)
            .into_iter()
            .filter_map(|(s, e)| Some(text.get(*starts.get(s)?..*starts.get(e)?)?.to_string()))
            .collect()
    }

    /// Segments `view.text` and maps each word back onto the original text,
    /// so that the words returned are slices of the original. The words
    /// concatenate to the original without its whitespace.
    pub fn cut_mapped(&self, original: &str, view: &AnalysisView) -> Vec<String> {
        let starts = char_starts(original);
        let n = starts.len().saturating_sub(1);
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut last_end = 0usize;
        for (vs, ve) in self.cut_spans(&view.text) {
            let (_, e) = view.map_range(vs, ve);
            let e = e.min(n);
            if e <= last_end {
                // Several view chars from one original char: already emitted.
                continue;
            }
            // Original chars no view char came from join the next word.
            ranges.push((last_end, e));
            last_end = e;
        }
        if last_end < n {
            ranges.push((last_end, n));
        }
        let mut out = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            let Some(word) = starts
                .get(s)
                .zip(starts.get(e))
                .and_then(|(&a, &b)| original.get(a..b))
            else {
                continue;
            };
            out.extend(
                word.split(char::is_whitespace)
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
        }
        out
    }

    /// Segments any text: builds its Simplified view, segments that and maps
    /// the words back onto the original characters.
    pub fn segment(&self, original: &str, converter: &ScriptConverter) -> Vec<String> {
        let view = converter.simplified_view(original);
        self.cut_mapped(original, &view)
    }

    /// Words with jieba's part-of-speech tags (`n`, `v`, `ns`, `eng`, `x`,
    /// ...), for keyword filtering; whitespace dropped.
    pub fn tag(&self, text: &str) -> Vec<(String, String)> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .filter(|t| !t.word.trim().is_empty())
            .map(|t| (t.word.to_string(), t.tag.to_string()))
            .collect()
    }

    /// The segmentation stage: fills `tokens` (and `analysis` if missing).
    pub fn apply(&self, mut doc: Document, converter: &ScriptConverter) -> Document {
        if doc.is_failed() {
            return doc;
        }
        let view = doc
            .analysis
            .take()
            .unwrap_or_else(|| converter.simplified_view(&doc.text));
        doc.tokens = self.cut_mapped(&doc.text, &view);
        doc.analysis = Some(view);
        doc
    }
}

/// Splits a word a standard's list lacks into two listed words, the most
/// balanced way.
fn standard_split(list: &HashSet<String>, word: &[char]) -> Option<usize> {
    if word.len() < 2 || list.contains(&word.iter().collect::<String>()) {
        return None;
    }
    let mid = word.len() / 2;
    let mut points: Vec<usize> = (1..word.len()).collect();
    points.sort_by_key(|p| p.abs_diff(mid));
    points.into_iter().find(|&p| {
        let (a, b) = word.split_at(p);
        list.contains(&a.iter().collect::<String>()) && list.contains(&b.iter().collect::<String>())
    })
}

fn set(boundary: &mut [bool], i: usize) {
    if let Some(b) = boundary.get_mut(i) {
        *b = true;
    }
}

/// Byte offset of every char, plus the text length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}
