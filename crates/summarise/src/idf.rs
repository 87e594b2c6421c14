//! jieba's IDF table, held as a lookup of its own so that TF-IDF scores can
//! be computed from tags the summariser already has.
//!
//! Why: `jieba_rs::TfIdf::extract_keywords` tags the whole text again every
//! time it is called, and the keyword stage tags the same text for parts of
//! speech anyway; that second tagging pass was the largest single cost of the
//! stage. jieba-rs keeps its table private and offers no lookup, so the table
//! is read once from the `Debug` form of `TfIdf` (its only public view of
//! it; the segmentation crate reads jieba's dictionary size the same way).
//! When that form cannot be read, [`IdfTable::from_tfidf`] gives `None` and
//! the caller keeps using `extract_keywords`.

use crate::hash::FastMap;
use jieba_rs::TfIdf;
use std::sync::OnceLock;

/// Word → inverse document frequency, and the value jieba uses for a word
/// its table lacks (the median of the table).
#[derive(Debug, Clone)]
pub(crate) struct IdfTable {
    idf: FastMap<String, f64>,
    median: f64,
}

impl IdfTable {
    /// The table jieba-rs ships (what `TfIdf::default()` holds), read once
    /// per process: it is large (about 260 thousand words) and the same for
    /// every summariser.
    pub(crate) fn jieba_default() -> Option<&'static IdfTable> {
        static TABLE: OnceLock<Option<IdfTable>> = OnceLock::new();
        TABLE
            .get_or_init(|| IdfTable::from_tfidf(&TfIdf::default()))
            .as_ref()
    }

    /// Reads the table held by `tfidf`.
    pub(crate) fn from_tfidf(tfidf: &TfIdf) -> Option<IdfTable> {
        parse_debug(&format!("{tfidf:?}"))
    }

    /// The IDF jieba gives `word`: its entry, or the median.
    pub(crate) fn get(&self, word: &str) -> f64 {
        self.idf.get(word).copied().unwrap_or(self.median)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.idf.len()
    }
}

/// Parses `TfIdf { idf_dict: {"word": 1.5, ...}, median_idf: 11.7, ... }`.
fn parse_debug(shown: &str) -> Option<IdfTable> {
    let mut rest = shown.strip_prefix("TfIdf { idf_dict: {")?;
    let mut idf = FastMap::default();
    if let Some(after) = rest.strip_prefix('}') {
        rest = after;
    } else {
        loop {
            let (word, after) = quoted(rest)?;
            let after = after.strip_prefix(": ")?;
            let end = after.find([',', '}'])?;
            let value: f64 = after.get(..end)?.parse().ok()?;
            idf.insert(word, value);
            let after = after.get(end..)?;
            if let Some(next) = after.strip_prefix(", ") {
                rest = next;
            } else {
                rest = after.strip_prefix('}')?;
                break;
            }
        }
    }
    let rest = rest.strip_prefix(", median_idf: ")?;
    let end = rest.find([',', ' ', '}'])?;
    let median: f64 = rest.get(..end)?.parse().ok()?;
    (!idf.is_empty() && median.is_finite()).then_some(IdfTable { idf, median })
}

/// A string in Rust's `Debug` form at the start of `text`, unescaped, and
/// what follows it.
fn quoted(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, body.get(i + 1..)?)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    '\\' | '"' | '\'' => out.push(e),
                    'u' => {
                        let (open, _) = chars.next()?;
                        let hex_start = open + 1;
                        let close = body.get(hex_start..)?.find('}')? + hex_start;
                        let code = u32::from_str_radix(body.get(hex_start..close)?, 16).ok()?;
                        out.push(char::from_u32(code)?);
                        while chars.next().is_some_and(|(j, _)| j < close) {}
                    }
                    _ => return None,
                }
            }
            _ => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jieba_table_is_read_whole() {
        let table = IdfTable::jieba_default();
        let Some(table) = table else {
            panic!("the Debug form of TfIdf could not be read");
        };
        // jieba's shipped idf.txt has about 260 thousand entries.
        assert!(table.len() > 200_000, "{}", table.len());
        assert!(table.get("经济") > 0.0 && table.get("经济") < table.get("生产总值"));
        // A word the table lacks gets the median, which lies between them.
        let unknown = table.get("这不是一个词");
        assert!(unknown > table.get("经济") && unknown < 20.0);
    }

    #[test]
    fn debug_form_parses_with_escapes_and_rejects_other_shapes() {
        let shown = r#"TfIdf { idf_dict: {"a\"b": 1.5, "\u{301}x": 2.0, "中\\文": 1e-3}, median_idf: 11.25, config: KeywordExtractConfig { } }"#;
        let table = parse_debug(shown);
        let Some(table) = table else {
            panic!("not parsed")
        };
        assert_eq!(table.len(), 3);
        assert_eq!(table.get("a\"b"), 1.5);
        assert_eq!(table.get("\u{301}x"), 2.0);
        assert_eq!(table.get("中\\文"), 0.001);
        assert_eq!(table.get("别的"), 11.25);
        for bad in [
            "",
            "TfIdf { idf_dict: {}, median_idf: 11.25 }",
            "TfIdf { idf_dict: {\"a\": x}, median_idf: 1.0 }",
            "TfIdf { idf_dict: {\"a\": 1.0}, median_idf: 1.0",
            "TfIdf { idf_dict: {\"a\\q\": 1.0}, median_idf: 1.0 }",
            "Other { idf_dict: {\"a\": 1.0}, median_idf: 1.0 }",
        ] {
            assert!(parse_debug(bad).is_none(), "{bad}");
        }
    }
}
