//! The taojin document model.
//!
//! Every stage (decode, clean, segment, summarise) is a pure function from a
//! [`Document`] plus configuration to a new [`Document`]. The model is
//! deliberately small: it carries the text, what was taken out of it and why,
//! what was repaired, and what later stages computed.
//!
//! Invariants the stages keep:
//! - `text` is the clean body, paragraphs joined by `\n`, with no empty
//!   paragraph and no title line.
//! - every line or span the cleaner drops appears in `removed` with a
//!   [`Reason`]; character-level fixes (punctuation, ruby pinyin, mojibake,
//!   width) are counted in `repairs` by [`RepairKind`].
//! - `tokens`, when present, concatenate back to `text` without the newlines
//!   and whitespace (segmentation never invents or drops characters).
//! - `summary` sentences are substrings of `text`, in document order.

mod config;
mod tokens;
mod view;

pub use config::Config;
pub use tokens::Tokens;
pub use view::AnalysisView;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One input record: either raw bytes in an unknown encoding (a file) or
/// text that is already Unicode (a JSONL `text` field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawInput {
    pub id: String,
    pub source: String,
    pub content: RawContent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawContent {
    Bytes(Vec<u8>),
    Text(String),
    /// The record could not even be read (I/O error, bad JSON line...). It
    /// still flows through the pipeline so that it yields an error record.
    Unreadable(String),
}

/// The document as it moves through the pipeline and as it is written out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub source: String,
    /// The encoding decided, as a WHATWG label (`UTF-8`, `GBK`, `Big5`...).
    pub encoding: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub metadata: Metadata,
    /// The clean body: paragraphs joined by `\n`.
    pub text: String,
    #[serde(default)]
    pub tokens: Tokens,
    #[serde(default)]
    pub keywords: Vec<Keyword>,
    #[serde(default)]
    pub summary: Vec<String>,
    #[serde(default)]
    pub removed: Vec<Removal>,
    #[serde(default)]
    pub repairs: BTreeMap<RepairKind, u32>,
    #[serde(default)]
    pub signals: Signals,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The Simplified analysis view of `text`, built by the segmentation
    /// stage and reused by summarisation. Not part of the output record.
    #[serde(skip)]
    pub analysis: Option<AnalysisView>,
    /// For each paragraph of `text`, the 1-based input line it came from
    /// (for audits: `taojin process --explain`). Not part of the output record.
    #[serde(skip)]
    pub paragraph_lines: Vec<usize>,
}

impl Document {
    /// A document that failed: it keeps its identity and says why.
    pub fn failed(
        id: impl Into<String>,
        source: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        Document {
            id: id.into(),
            source: source.into(),
            error: Some(error.into()),
            ..Document::default()
        }
    }

    /// Paragraphs of the clean text.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n').filter(|p| !p.is_empty())
    }

    /// Adds `n` to the count of a repair kind (no entry for zero).
    pub fn count_repair(&mut self, kind: RepairKind, n: u32) {
        if n > 0 {
            *self.repairs.entry(kind).or_insert(0) += n;
        }
    }

    pub fn is_failed(&self) -> bool {
        self.error.is_some()
    }
}

/// Facts about the document found in its text (bylines, dates) rather than
/// body content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// The publication or site the text credits as its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_site: Option<String>,
    /// `simplified`, `traditional` or `mixed`/`none`; see [`Script`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<Script>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Simplified,
    Traditional,
    /// Han text with no characters specific to either script.
    Neutral,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub word: String,
    /// Normalised so that the best keyword has weight 1.0.
    pub weight: f64,
}

/// A piece of the input the cleaner took out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub text: String,
    pub reason: Reason,
    /// 1-based line number in the decoded input, when the removal is a line
    /// or lies within one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What triggered the decision (lexicon entry, rule name), for audits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// Why something was removed. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Breadcrumbs, menus, "home > section" trails.
    Navigation,
    /// Sign-in prompts, share and print buttons, font-size controls.
    SiteChrome,
    /// Forum furniture: user stats, post headers, reply buttons, signatures.
    ForumChrome,
    /// Copyright, disclaimers, licence numbers, reprint notices.
    Legal,
    /// Lists of related or recommended headlines.
    RelatedList,
    /// Photo captions and image credits.
    Caption,
    /// Author, editor, correspondent, source and date lines (moved to
    /// metadata when they can be parsed).
    Byline,
    /// The title line (moved to `title`).
    Title,
    /// Gambling or SEO brands injected into text (lexicon match).
    SpamBrand,
    /// Short fragments spliced repeatedly into sentences (statistical).
    SpamFragment,
    /// Undecodable byte garbage (`??`, replacement characters).
    Garbage,
    /// A line repeated verbatim across documents of the same source.
    RepeatedBoilerplate,
    /// Empty or decorative lines (separators, lone symbols).
    Decoration,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::SiteChrome => "site_chrome",
            Reason::ForumChrome => "forum_chrome",
            Reason::Legal => "legal",
            Reason::RelatedList => "related_list",
            Reason::Caption => "caption",
            Reason::Byline => "byline",
            Reason::Title => "title",
            Reason::SpamBrand => "spam_brand",
            Reason::SpamFragment => "spam_fragment",
            Reason::Garbage => "garbage",
            Reason::RepeatedBoilerplate => "repeated_boilerplate",
            Reason::Decoration => "decoration",
        }
    }

    /// Whether the reason counts as boilerplate (as opposed to spam or byte
    /// garbage) for the `boilerplate_share` signal.
    pub fn is_boilerplate(self) -> bool {
        !matches!(
            self,
            Reason::SpamBrand | Reason::SpamFragment | Reason::Garbage
        )
    }

    pub fn is_spam(self) -> bool {
        matches!(self, Reason::SpamBrand | Reason::SpamFragment)
    }
}

/// Character-level repairs, counted per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A span of UTF-8 that had been decoded as GBK/GB18030 and re-saved.
    MojibakeGbk,
    /// A span of UTF-8 that had been decoded as Windows-1252/Latin-1.
    MojibakeLatin1,
    /// A span of UTF-8 that had been decoded as Big5.
    MojibakeBig5,
    /// A double-byte run re-aligned after a lost or damaged byte.
    RealignedDoubleByte,
    /// Replacement characters or `?` runs dropped from inside Han text.
    GarbageDropped,
    /// A flattened ruby annotation `字(zì)` reduced to `字`.
    RubyPinyin,
    /// ASCII punctuation between Han characters made full-width.
    PunctuationWidth,
    /// Doubled punctuation (`,,` `,;`) collapsed to one mark.
    PunctuationDoubled,
    /// Ellipsis variants (`...`, `。。。`, `…`) normalised to `……`.
    Ellipsis,
    /// Full-width ASCII letters and digits made half-width.
    FullwidthAlnum,
    /// Control characters, zero-width characters and odd spaces normalised.
    Whitespace,
    /// Characters converted to Simplified (`--to-simplified`).
    ToSimplified,
}

impl RepairKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::MojibakeGbk => "mojibake_gbk",
            RepairKind::MojibakeLatin1 => "mojibake_latin1",
            RepairKind::MojibakeBig5 => "mojibake_big5",
            RepairKind::RealignedDoubleByte => "realigned_double_byte",
            RepairKind::GarbageDropped => "garbage_dropped",
            RepairKind::RubyPinyin => "ruby_pinyin",
            RepairKind::PunctuationWidth => "punctuation_width",
            RepairKind::PunctuationDoubled => "punctuation_doubled",
            RepairKind::Ellipsis => "ellipsis",
            RepairKind::FullwidthAlnum => "fullwidth_alnum",
            RepairKind::Whitespace => "whitespace",
            RepairKind::ToSimplified => "to_simplified",
        }
    }
}

/// Per-document quality signals. All are plain numbers so that downstream
/// filters can threshold them without parsing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// Characters of decoded input text.
    pub chars_in: u64,
    /// Characters of clean `text`.
    pub chars_out: u64,
    /// Non-empty lines in the decoded input.
    pub lines_in: u64,
    /// Input lines removed whole.
    pub lines_removed: u64,
    /// Share of Han characters among the non-space characters of `text`.
    pub han_share: f64,
    /// Share of input characters removed as boilerplate.
    pub boilerplate_share: f64,
    /// Share of input characters removed as spam.
    pub spam_share: f64,
    /// Mean length in characters of the paragraphs of `text`.
    pub mean_line_length: f64,
    /// Share of input lines that repeat another line of the same document or
    /// (when documents are processed together) of the same source.
    pub duplicate_line_share: f64,
    /// Censored runs such as `***` or `学*`, left in place.
    pub censored_runs: u64,
    /// Total character-level repairs (the sum of `repairs`).
    pub repairs_total: u64,
}

/// Counts Han (CJK ideograph) characters.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF |
        0x2A700..=0x2EBEF | 0x30000..=0x3134F | 0x3007)
}

/// Chinese (full-width or CJK) punctuation, the marks that end or split
/// clauses in Chinese text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '〔'
            | '〕'
            | '～'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_document_serialises_its_error() {
        let d = Document::failed("a", "x/a.txt", "empty input");
        let json = serde_json::to_value(&d).expect("serialises");
        assert_eq!(json["error"], "empty input");
        assert_eq!(json["id"], "a");
        assert!(json["tokens"].as_array().is_some_and(|t| t.is_empty()));
    }

    #[test]
    fn ok_document_has_no_error_field() {
        let d = Document {
            id: "a".into(),
            text: "你好。".into(),
            ..Document::default()
        };
        let json = serde_json::to_value(&d).expect("serialises");
        assert!(json.get("error").is_none());
        assert!(json.get("analysis").is_none());
    }

    #[test]
    fn repairs_serialise_as_snake_case_keys_and_skip_zero() {
        let mut d = Document::default();
        d.count_repair(RepairKind::RubyPinyin, 3);
        d.count_repair(RepairKind::RubyPinyin, 2);
        d.count_repair(RepairKind::Ellipsis, 0);
        let json = serde_json::to_value(&d).expect("serialises");
        assert_eq!(json["repairs"]["ruby_pinyin"], 5);
        assert!(json["repairs"].get("ellipsis").is_none());
        for kind in [RepairKind::MojibakeGbk, RepairKind::PunctuationDoubled] {
            let s = serde_json::to_string(&kind).expect("serialises");
            assert_eq!(s, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn reasons_round_trip() {
        for r in [
            Reason::Navigation,
            Reason::SpamFragment,
            Reason::RepeatedBoilerplate,
        ] {
            let s = serde_json::to_string(&r).expect("serialises");
            assert_eq!(s, format!("\"{}\"", r.as_str()));
            let back: Reason = serde_json::from_str(&s).expect("parses");
            assert_eq!(back, r);
        }
    }

    #[test]
    fn han_and_punct_classes() {
        assert!(is_han('政') && is_han('協') && !is_han('a') && !is_han('，'));
        assert!(is_cjk_punct('，') && is_cjk_punct('。') && !is_cjk_punct(','));
    }

    #[test]
    fn paragraphs_skip_empty() {
        let d = Document {
            text: "一\n\n二".into(),
            ..Document::default()
        };
        assert_eq!(d.paragraphs().collect::<Vec<_>>(), vec!["一", "二"]);
    }
}
