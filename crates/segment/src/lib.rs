//! Word segmentation.
//!
//! The text is segmented on its Simplified analysis view (Traditional text
//! segments far better that way, since jieba's dictionary is Simplified) and
//! word boundaries are mapped back onto the original characters.

pub mod view;

use jieba_rs::Jieba;
use taojin_core::{AnalysisView, Document};

/// A segmenter with its dictionary loaded once; share it across threads by
/// reference.
pub struct Segmenter {
    jieba: Jieba,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    pub fn new() -> Self {
        Segmenter { jieba: Jieba::new() }
    }

    /// The underlying jieba instance (dictionary lookups for other stages).
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Segments a text that is already in the analysis script, returning the
    /// words (whitespace dropped).
    pub fn cut(&self, text: &str) -> Vec<String> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .filter(|t| !t.word.trim().is_empty())
            .map(|t| t.word.to_string())
            .collect()
    }

    /// Segments `view.text` and maps each word back onto the original text,
    /// so that the words returned are slices of the original.
    pub fn cut_mapped(&self, original: &str, view: &AnalysisView) -> Vec<String> {
        let orig_chars: Vec<char> = original.chars().collect();
        let mut out = Vec::new();
        let mut pos = 0usize; // view char position
        let mut last_end = 0usize; // original char position already emitted
        for token in self.jieba.cut(&view.text, true) {
            let n = token.word.chars().count();
            let (s, e) = view.map_range(pos, pos + n);
            pos += n;
            let s = s.max(last_end);
            if e <= s {
                continue;
            }
            last_end = e;
            let w: String = orig_chars[s..e].iter().collect();
            if !w.trim().is_empty() {
                out.push(w.trim().to_string());
            }
        }
        out
    }

    /// The segmentation stage: fills `tokens` (and `analysis` if missing).
    pub fn apply(&self, mut doc: Document, converter: &view::ScriptConverter) -> Document {
        if doc.is_failed() {
            return doc;
        }
        let view = doc.analysis.take().unwrap_or_else(|| converter.simplified_view(&doc.text));
        doc.tokens = self.cut_mapped(&doc.text, &view);
        doc.analysis = Some(view);
        doc
    }
}
