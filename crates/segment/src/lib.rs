//! Word segmentation.
//!
//! The text is segmented on its Simplified analysis view (Traditional text
//! segments far better that way, since jieba's dictionary is Simplified) and
//! word boundaries are mapped back onto the original characters. On top of
//! jieba's dictionary route and HMM, numbers, dates, URLs, e-mail addresses
//! and Latin words are kept whole (see [`atoms`]).
//!
//! jieba's words are found by the crate's own implementation of jieba's
//! algorithm over jieba's default dictionary and HMM tables (`finder.rs`),
//! which gives exactly the words of jieba-rs `cut(text, true)`, about twice
//! as fast. With a user dictionary or a standard profile loaded (words
//! added to jieba), jieba-rs's own `cut` is used instead.

pub mod atoms;
mod finder;
mod standard;
pub mod view;

use finder::{Known, WordFinder};
use jieba_rs::Jieba;
use standard::{Span, Standard};
use std::collections::HashSet;
use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use taojin_core::{AnalysisView, Document, Tokens};
use view::{ScriptConverter, SimplifiedText};

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

/// Common classifiers (measure words) and time units after a numeral.
const CLASSIFIERS: [char; 23] = [
    '个', '位', '种', '次', '年', '条', '项', '批', '天', '家', '名', '件', '只', '张', '本', '部',
    '句', '头', '块', '把', '根', '样', '点',
];

/// The bakeoff standards a profile can be built for.
pub const STANDARDS: [&str; 4] = ["pku", "msr", "as", "cityu"];

/// A segmenter with its dictionary loaded once; share it across threads by
/// reference (it is `Sync`).
pub struct Segmenter {
    jieba: Jieba,
    /// The crate's own word finder over jieba's default dictionary, which
    /// finds the words `jieba.cut(text, true)` finds, faster. `None` once
    /// the dictionary differs from the default one (a user dictionary or a
    /// standard profile was loaded) or when the build could not find the
    /// dictionary: jieba-rs's `cut` is used then.
    finder: Option<Arc<WordFinder>>,
    /// A bakeoff profile's word list (Simplified), when one is loaded: its
    /// words are never split, and jieba words it lacks are split into its
    /// words where they can be.
    standard: Option<Standard>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("jieba", &self.jieba)
            .field("own_finder", &self.finder.is_some())
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
        let (jieba, finder) = if WordFinder::shared_default_is_built() {
            (Jieba::new(), WordFinder::shared_default())
        } else {
            // The first segmenter of a process builds both tries; they do
            // not depend on each other, so the finder's is built alongside.
            std::thread::scope(|scope| {
                let finder = scope.spawn(WordFinder::shared_default);
                let jieba = Jieba::new();
                (jieba, finder.join().ok().flatten())
            })
        };
        let finder = finder.filter(|f| same_dictionary(f, &jieba));
        Segmenter {
            jieba,
            finder,
            standard: None,
        }
    }

    /// Whether words are found by the crate's own finder (jieba's default
    /// dictionary, unchanged) rather than by jieba-rs's `cut`.
    pub fn has_own_finder(&self) -> bool {
        self.finder.is_some()
    }

    /// The words jieba-rs `cut(text, true)` gives for `text`, with the
    /// segmenter's dictionary, before any of this crate's rules (whitespace
    /// included, as jieba gives it).
    pub fn raw_words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.found_tokens(text, &mut Vec::new())
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// jieba's tokens of `text` with what is known of each word, from the
    /// crate's finder when it has one; the chars of `text` are appended to
    /// `chars`.
    fn found_tokens<'a>(&self, text: &'a str, chars: &mut Vec<char>) -> Vec<Tok<'a>> {
        let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
        match &self.finder {
            Some(finder) => {
                let mut at = 0;
                finder.cut(text, chars, |f| {
                    if let Some(word) = text.get(f.byte_start..f.byte_end) {
                        tokens.push(Tok {
                            word,
                            start: at,
                            end: at + f.chars,
                            byte_start: f.byte_start,
                            known: f.known,
                        });
                    }
                    at += f.chars;
                });
            }
            None => {
                tokens.extend(self.jieba.cut(text, true).into_iter().map(|t| Tok {
                    word: t.word,
                    start: t.start,
                    end: t.end,
                    byte_start: t.byte_start,
                    known: Known::Unknown,
                }));
                chars.extend(text.chars());
            }
        }
        tokens
    }

    /// Whether a token is a dictionary word.
    fn is_dict_word(&self, t: &Tok<'_>) -> bool {
        match t.known {
            Known::Word | Known::Compound => true,
            Known::NotWord => false,
            Known::Unknown => match &self.finder {
                Some(finder) => finder.has_word(t.word),
                None => self.jieba.has_word(t.word),
            },
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
        // The finder knows only the default dictionary.
        self.finder = None;
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
        self.finder = None;
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
        self.standard = Some(Standard::learn(list));
    }

    /// The underlying jieba instance (dictionary lookups for other stages).
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Word spans of a text in the analysis script, as half-open char
    /// ranges; whitespace belongs to no span.
    pub fn cut_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.spans_of(text)
            .into_iter()
            .map(|s| (s.start, s.end))
            .collect()
    }

    /// The words of `text` as spans that hold no
    /// whitespace: jieba's words, compounds split, atoms kept whole.
    ///
    /// Most tokens become spans as they are; only where an atom overlaps
    /// tokens are the boundaries worked out char by char.
    fn spans_of(&self, text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        self.spans_into(text, &mut spans);
        spans
    }

    /// [`Self::spans_of`] into any sink: without a standard profile the
    /// spans go straight to it, with no list in between.
    fn spans_into<K: SpanSink>(&self, text: &str, out: &mut K) {
        match &self.standard {
            Some(standard) => {
                let mut list = Vec::new();
                self.raw_spans_into(text, &mut list);
                let adjusted = with_chars_of(text, |chars| standard.adjust(list, chars));
                for span in adjusted {
                    out.push_span(span);
                }
            }
            None => self.raw_spans_into(text, out),
        }
    }

    /// jieba's words with compounds split and atoms kept whole, before any
    /// standard's conventions.
    fn raw_spans_into<K: SpanSink>(&self, text: &str, spans: &mut K) {
        let (tokens, n, atoms) = with_char_buffer(|chars| {
            let tokens = self.found_tokens(text, chars);
            let atoms = self.active_atoms(chars, &tokens);
            (tokens, chars.len(), atoms)
        });
        let (mut k, mut next_atom) = (0, 0);
        while let Some(t) = tokens.get(k) {
            let (start, t_end) = (t.start.min(n), t.end.min(n));
            while atoms.get(next_atom).is_some_and(|a| a.end <= start) {
                next_atom += 1;
            }
            if atoms.get(next_atom).is_none_or(|a| a.start >= t_end) {
                self.push_token(spans, t, start, t_end - start);
                k += 1;
                continue;
            }
            // The region of the overlapping tokens and atoms, grown until no
            // token or atom crosses its end.
            let mut end = t_end;
            let (mut m, mut last_atom) = (k + 1, next_atom);
            loop {
                let mut grew = false;
                while let Some(a) = atoms.get(last_atom).filter(|a| a.start < end) {
                    end = end.max(a.end);
                    last_atom += 1;
                    grew = true;
                }
                while let Some(t2) = tokens.get(m).filter(|t2| t2.start < end) {
                    end = end.max(t2.end.min(n));
                    m += 1;
                    grew = true;
                }
                if !grew {
                    break;
                }
            }
            let mut small = [false; 64];
            let mut large = Vec::new();
            let boundary: &mut [bool] = match small.get_mut(..end - start + 1) {
                Some(b) => b,
                None => {
                    large.resize(end - start + 1, false);
                    &mut large
                }
            };
            for t2 in tokens.get(k..m).unwrap_or_default() {
                let s = t2.start.min(n).saturating_sub(start);
                let e = t2.end.min(n).saturating_sub(start);
                set(boundary, s);
                set(boundary, e);
                if e - s >= 2 {
                    if let Some(mid) = self.compound_split(t2, e - s) {
                        set(boundary, s + mid);
                    }
                }
            }
            for a in atoms.get(next_atom..last_atom).unwrap_or_default() {
                let (s, e) = (a.start.saturating_sub(start), a.end.saturating_sub(start));
                set(boundary, s);
                set(boundary, e);
                for b in boundary.iter_mut().take(e).skip(s + 1) {
                    *b = false;
                }
            }
            push_region(
                spans,
                text.get(t.byte_start..).unwrap_or_default(),
                end - start,
                boundary,
                start,
                t.byte_start,
            );
            k = m;
            next_atom = last_atom;
        }
    }

    /// The atoms of a text that cut through its tokens: all but those
    /// inside a longer dictionary word (`卡拉OK`, `B股`).
    fn active_atoms(&self, chars: &[char], tokens: &[Tok<'_>]) -> Vec<atoms::Atom> {
        let mut tok = tokens.iter().peekable();
        let mut active = atoms::find_atoms(chars);
        active.retain(|atom| {
            while tok.next_if(|t| t.end <= atom.start).is_some() {}
            !tok.peek().is_some_and(|t| {
                t.start <= atom.start
                    && t.end >= atom.end
                    && t.end - t.start > atom.end - atom.start
                    && self.is_dict_word(t)
            })
        });
        active
    }

    /// A jieba token as one span, or two where it is a compound to split;
    /// whitespace tokens make none (jieba never mixes whitespace into a
    /// word).
    fn push_token<K: SpanSink>(&self, spans: &mut K, token: &Tok<'_>, start: usize, len: usize) {
        let (word, byte_start) = (token.word, token.byte_start);
        let Some(&lead) = word.as_bytes().first() else {
            return;
        };
        // Chars from U+4000 on (lead byte E4 and up: the Han block) are
        // never whitespace: only lower ones need decoding and a lookup.
        if lead < 0xE4 && word.chars().next().is_some_and(char::is_whitespace) {
            return;
        }
        let byte_end = byte_start + word.len();
        // Only two- and four-char words split outside a standard profile,
        // and a two-char word only after a numeral (checked here, without
        // a call, for the commonest length of word).
        let may_split = self.standard.is_some()
            || (len == 2 && word.chars().next().is_some_and(is_numeral))
            || len == 4;
        let mid = if len >= 2 && may_split {
            self.compound_split(token, len)
                .and_then(|mid| Some((mid, word.char_indices().nth(mid)?.0)))
        } else {
            None
        };
        match mid
            .and_then(|(mid, mid_byte)| Some((mid, mid_byte, word.split_at_checked(mid_byte)?)))
        {
            Some((mid, mid_byte, (head, tail))) => {
                let head_span = Span {
                    start,
                    end: start + mid,
                    byte_start,
                    byte_end: byte_start + mid_byte,
                };
                spans.push_word_span(head_span, head);
                let tail_span = Span {
                    start: start + mid,
                    end: start + len,
                    byte_start: byte_start + mid_byte,
                    byte_end,
                };
                spans.push_word_span(tail_span, tail);
            }
            None => {
                let span = Span {
                    start,
                    end: start + len,
                    byte_start,
                    byte_end,
                };
                spans.push_word_span(span, word);
            }
        }
    }

    /// Where (in chars) to split a dictionary word that the common
    /// segmentation standards cut in two, if anywhere. Checked on the four
    /// bakeoff training word lists: a four-character jieba word made of two
    /// two-character words (`国有企业`, `检察机关`) is listed whole for under
    /// 10% of such words, and a numeral with a classifier (`一位`, `两个`)
    /// is split in three of the four standards. Idioms (`与日俱增`) survive
    /// because their halves are not words.
    fn compound_split(&self, token: &Tok<'_>, len: usize) -> Option<usize> {
        let word = token.word;
        if let Some(list) = &self.standard {
            // Words the HMM proposed are new names more often than not.
            return standard_split(&list.words, word);
        }
        match len {
            2 => {
                let mut it = word.chars();
                let (num, classifier) = (it.next()?, it.next()?);
                (is_numeral(num) && is_classifier(classifier)).then_some(1)
            }
            4 if token.known == Known::Compound => Some(2),
            4 if token.known != Known::Unknown => None,
            4 => {
                let half = word.char_indices().nth(2)?.0;
                let (a, b) = word.split_at_checked(half)?;
                let split =
                    self.jieba.has_word(a) && self.jieba.has_word(b) && self.jieba.has_word(word);
                split.then_some(2)
            }
            _ => None,
        }
    }

    /// Segments a text that is already in the analysis script, returning the
    /// words (whitespace dropped).
    pub fn cut(&self, text: &str) -> Vec<String> {
        self.spans_of(text)
            .into_iter()
            .filter_map(|s| Some(text.get(s.byte_start..s.byte_end)?.to_string()))
            .collect()
    }

    /// Segments `view.text` and maps each word back onto the original text,
    /// so that the words returned are slices of the original. The words
    /// concatenate to the original without its whitespace.
    pub fn cut_mapped(&self, original: &str, view: &AnalysisView) -> Vec<String> {
        let aligned = view.text == original || byte_aligned(original, view);
        self.cut_view(original, view, aligned)
    }

    /// [`Self::cut_mapped`], told whether the view's byte offsets are the
    /// original's.
    fn cut_view(&self, original: &str, view: &AnalysisView, aligned: bool) -> Vec<String> {
        let mut out = Vec::new();
        self.cut_view_into(original, view, aligned, &mut out);
        out
    }

    /// [`Self::cut_view`] into any sink.
    fn cut_view_into<S: WordSink>(
        &self,
        original: &str,
        view: &AnalysisView,
        aligned: bool,
        out: &mut S,
    ) {
        let map = if aligned {
            ViewMap::Bytes
        } else {
            ViewMap::Mapped(view)
        };
        self.cut_text_into(original, &view.text, map, out);
    }

    /// Segments `text` (the Simplified form of `original`, lined up with it
    /// as `map` says) and pushes the words, as slices of `original`.
    fn cut_text_into<S: WordSink>(&self, original: &str, text: &str, map: ViewMap, out: &mut S) {
        let view = match map {
            ViewMap::Bytes => {
                // The view of text that needed no conversion is the text
                // itself; a view converted char for char into chars of the
                // same width has the same byte offsets: each span is a word
                // of the original as it comes.
                let mut words = WordsOfSpans {
                    original,
                    same_text: std::ptr::eq(original, text),
                    out,
                };
                self.spans_into(text, &mut words);
                return;
            }
            ViewMap::Chars => None,
            ViewMap::Mapped(view) => Some(view),
        };
        let spans = self.spans_of(text);
        let mut cursor = CharCursor::new(original);
        let mut last_end = 0usize;
        let mut last_byte = 0usize;
        for span in spans {
            let e = match view {
                Some(view) => view.map_range(span.start, span.end).1,
                None => span.end,
            };
            if e <= last_end {
                // Several view chars from one original char: already emitted.
                continue;
            }
            // Original chars no view char came from join the next word.
            let byte = cursor.byte_at(e);
            push_words(out, original.get(last_byte..byte).unwrap_or_default());
            last_end = e;
            last_byte = byte;
        }
        push_words(out, original.get(last_byte..).unwrap_or_default());
    }

    /// Segments `original` through its Simplified form into `out`, building
    /// no more of a view than the alignment needs.
    fn segment_into<S: WordSink>(&self, original: &str, converter: &ScriptConverter, out: &mut S) {
        match converter.simplified_text(original) {
            SimplifiedText::Same => self.cut_text_into(original, original, ViewMap::Bytes, out),
            SimplifiedText::CharAligned {
                text,
                bytes_aligned,
            } => {
                let map = if bytes_aligned {
                    ViewMap::Bytes
                } else {
                    ViewMap::Chars
                };
                self.cut_text_into(original, &text, map, out);
            }
            SimplifiedText::Mapped(view) => {
                self.cut_text_into(original, &view.text, ViewMap::Mapped(&view), out)
            }
        }
    }

    /// Segments any text: builds its Simplified view, segments that and maps
    /// the words back onto the original characters.
    pub fn segment(&self, original: &str, converter: &ScriptConverter) -> Vec<String> {
        let mut out = Vec::new();
        self.segment_into(original, converter, &mut out);
        out
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

    /// The words of any text as compact [`Tokens`] (the stage's work
    /// without a document around it).
    pub fn tokens(&self, original: &str, converter: &ScriptConverter) -> Tokens {
        let mut tokens = Tokens::with_capacity(original.len(), original.len() / 4);
        self.segment_into(original, converter, &mut tokens);
        tokens
    }

    /// The segmentation stage: fills `tokens` (and `analysis` if missing).
    pub fn apply(&self, mut doc: Document, converter: &ScriptConverter) -> Document {
        if doc.is_failed() {
            return doc;
        }
        let mut tokens = Tokens::with_capacity(doc.text.len(), doc.text.len() / 4);
        let view = match doc.analysis.take() {
            Some(view) => {
                let aligned = view.text == doc.text || byte_aligned(&doc.text, &view);
                self.cut_view_into(&doc.text, &view, aligned, &mut tokens);
                view
            }
            None => {
                let (view, aligned) = converter.simplified_view_aligned(&doc.text);
                self.cut_view_into(&doc.text, &view, aligned, &mut tokens);
                view
            }
        };
        doc.tokens = tokens;
        doc.analysis = Some(view);
        doc
    }
}

/// A word as jieba's segmentation gives it: its text, char range and byte
/// start in the segmented text, and what the finder knows of it.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    word: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    known: Known,
}

/// Whether the finder's dictionary is the one `jieba` holds: the same
/// number of entries with the same total frequency (jieba reports both in
/// its `Debug` form, its only public view of them).
fn same_dictionary(finder: &WordFinder, jieba: &Jieba) -> bool {
    let shown = format!("{jieba:?}");
    let field = |name: &str| -> Option<usize> {
        let rest = shown
            .split(name)
            .nth(1)?
            .trim_start_matches(':')
            .trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    field("records_len") == Some(finder.records) && field("total_freq") == Some(finder.total)
}

/// Splits a word a standard's list lacks into two listed words, the most
/// balanced way; the split point is in chars.
fn standard_split(list: &HashSet<String>, word: &str) -> Option<usize> {
    if list.contains(word) {
        return None;
    }
    let len = word.chars().count();
    if len < 2 {
        return None;
    }
    let mid = len / 2;
    // Points nearest the middle first, the earlier one on a tie.
    let points = (0..len).flat_map(|d| [mid.checked_sub(d), (d > 0).then_some(mid + d)]);
    points.flatten().filter(|&p| p >= 1 && p < len).find(|&p| {
        word.char_indices()
            .nth(p)
            .and_then(|(b, _)| word.split_at_checked(b))
            .is_some_and(|(a, b)| list.contains(a) && list.contains(b))
    })
}

/// Numerals that, before a classifier, make a word of their own.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '几'
    )
}

fn is_classifier(c: char) -> bool {
    CLASSIFIERS.contains(&c)
}

/// Spans of a region of `len` chars at the start of `text` (and at char
/// `start`, byte `byte_start` of the segmented text) cut at `boundary`
/// (relative to the region) and at whitespace, which belongs to no span.
fn push_region<K: SpanSink>(
    spans: &mut K,
    text: &str,
    len: usize,
    boundary: &[bool],
    start: usize,
    byte_start: usize,
) {
    let mut open: Option<(usize, usize)> = None;
    let mut byte = byte_start;
    let mut count = 0;
    for (i, (c, &b)) in text.chars().take(len).zip(boundary).enumerate() {
        count = i + 1;
        if b || c.is_whitespace() {
            if let Some((s, bs)) = open.take() {
                spans.push_span(Span {
                    start: s,
                    end: start + i,
                    byte_start: bs,
                    byte_end: byte,
                });
            }
        }
        if open.is_none() && !c.is_whitespace() {
            open = Some((start + i, byte));
        }
        byte += c.len_utf8();
    }
    if let Some((s, bs)) = open {
        spans.push_span(Span {
            start: s,
            end: start + count,
            byte_start: bs,
            byte_end: byte,
        });
    }
}

fn set(boundary: &mut [bool], i: usize) {
    if let Some(b) = boundary.get_mut(i) {
        *b = true;
    }
}

/// Whether every char of the view sits at the same place and has the
/// same UTF-8 width as the original char it came from.
fn byte_aligned(original: &str, view: &AnalysisView) -> bool {
    if view.text.len() != original.len() || view.to_original.len() != view.original_len {
        return false;
    }
    let mut orig = original.chars();
    let same = view
        .text
        .chars()
        .zip(&view.to_original)
        .enumerate()
        .all(|(i, (vc, &o))| {
            o == i && orig.next().is_some_and(|oc| oc.len_utf8() == vc.len_utf8())
        });
    same && orig.next().is_none()
}

thread_local! {
    /// A char buffer reused from one text to the next on a thread, so that
    /// segmenting a stream of documents does not allocate (and fault in)
    /// a fresh buffer for each one.
    static CHAR_BUFFER: std::cell::Cell<Vec<char>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Buffers above this many chars are not kept for the next text.
const KEEP_BUFFER_CHARS: usize = 1 << 20;

/// Calls `f` with the thread's char buffer, emptied, for it to fill.
fn with_char_buffer<R>(f: impl FnOnce(&mut Vec<char>) -> R) -> R {
    CHAR_BUFFER.with(|cell| {
        let mut chars = cell.take();
        chars.clear();
        let result = f(&mut chars);
        if chars.capacity() <= KEEP_BUFFER_CHARS {
            cell.set(chars);
        }
        result
    })
}

/// Calls `f` with the chars of `text`, collected into the thread's buffer.
fn with_chars_of<R>(text: &str, f: impl FnOnce(&[char]) -> R) -> R {
    CHAR_BUFFER.with(|cell| {
        let mut chars = cell.take();
        // Counting chars is a fast byte scan: size the buffer once and
        // write the chars into it, where an extend would check capacity
        // push by push.
        chars.resize(text.chars().count(), '\0');
        for (slot, c) in chars.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        let result = f(&chars);
        if chars.capacity() <= KEEP_BUFFER_CHARS {
            cell.set(chars);
        }
        result
    })
}

/// Where spans go: a list, or straight out as words.
trait SpanSink {
    fn push_span(&mut self, span: Span);

    /// A span whose text in the segmented text is `word`.
    #[inline]
    fn push_word_span(&mut self, span: Span, _word: &str) {
        self.push_span(span);
    }
}

impl SpanSink for Vec<Span> {
    fn push_span(&mut self, span: Span) {
        self.push(span);
    }
}

/// Spans of a view byte-aligned with `original`, pushed as its words.
struct WordsOfSpans<'a, S> {
    original: &'a str,
    /// Whether the segmented text is `original` itself, so that its words
    /// are the original's words as they come.
    same_text: bool,
    out: &'a mut S,
}

impl<S: WordSink> SpanSink for WordsOfSpans<'_, S> {
    #[inline]
    fn push_span(&mut self, span: Span) {
        if let Some(w) = self.original.get(span.byte_start..span.byte_end) {
            self.out.push_word(w);
        }
    }

    #[inline]
    fn push_word_span(&mut self, span: Span, word: &str) {
        if self.same_text {
            self.out.push_word(word);
        } else {
            self.push_span(span);
        }
    }
}

/// How a view's text lines up with the original it came from.
enum ViewMap<'v> {
    /// Same byte offsets.
    Bytes,
    /// Same char offsets (some chars differ in UTF-8 width).
    Chars,
    /// Only through the view's offset map.
    Mapped(&'v AnalysisView),
}

/// Where words go: a `Vec<String>` for callers that want owned words, or a
/// compact [`Tokens`] for documents.
trait WordSink {
    fn push_word(&mut self, w: &str);
}

impl WordSink for Vec<String> {
    fn push_word(&mut self, w: &str) {
        self.push(w.to_string());
    }
}

impl WordSink for Tokens {
    fn push_word(&mut self, w: &str) {
        self.push(w);
    }
}

/// Appends the whitespace-separated pieces of `text` as words.
fn push_words<S: WordSink>(out: &mut S, text: &str) {
    for w in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        out.push_word(w);
    }
}

/// Byte offsets of char indices, for indices that never decrease: one
/// forward walk over the text instead of a table of every char's offset.
struct CharCursor<'a> {
    text: &'a str,
    char_index: usize,
    byte: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            char_index: 0,
            byte: 0,
        }
    }

    /// Byte offset of char `index` (the text length past the end). An index
    /// behind the cursor gives the cursor's offset.
    fn byte_at(&mut self, index: usize) -> usize {
        while self.char_index < index {
            let Some(c) = self.text.get(self.byte..).and_then(|r| r.chars().next()) else {
                break;
            };
            self.byte += c.len_utf8();
            self.char_index += 1;
        }
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL_DICT: &str = "中国 100 ns\n人民 120 n\n银行 80 n\n";

    #[test]
    fn the_finder_is_used_only_with_the_dictionary_jieba_holds() {
        let finder = WordFinder::from_dict(SMALL_DICT).unwrap();
        let same = Jieba::with_dict(&mut SMALL_DICT.as_bytes()).unwrap();
        assert!(same_dictionary(&finder, &same));
        let other =
            Jieba::with_dict(&mut "中国 100 ns\n人民 121 n\n银行 80 n\n".as_bytes()).unwrap();
        assert!(!same_dictionary(&finder, &other));
        let more =
            Jieba::with_dict(&mut "中国 100 ns\n人民 120 n\n银行 80 n\n的 0\n".as_bytes()).unwrap();
        assert!(!same_dictionary(&finder, &more));
    }

    #[test]
    fn loading_words_switches_to_jieba() {
        let mut seg = Segmenter::new();
        // Without a dictionary at build time there is no finder to leave.
        let embedded = !include_str!(env!("TAOJIN_JIEBA_DICT_PATH")).is_empty();
        assert_eq!(seg.has_own_finder(), embedded);
        seg.apply_standard_words(["淘金工具"].into_iter(), &ScriptConverter::new());
        assert!(!seg.has_own_finder());
        assert!(seg.raw_words("这个淘金工具好").contains(&"淘金工具"));
    }
}
