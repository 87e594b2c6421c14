//! The Simplified analysis view of a text and script detection.

use opencc_fmmseg::OpenCC;
use taojin_core::{AnalysisView, Script};

/// Converts between Traditional and Simplified with OpenCC's dictionaries.
pub struct ScriptConverter {
    opencc: OpenCC,
}

impl Default for ScriptConverter {
    fn default() -> Self {
        Self::new()
    }
}

impl ScriptConverter {
    pub fn new() -> Self {
        ScriptConverter { opencc: OpenCC::new() }
    }

    /// Traditional (any variant) to Simplified.
    pub fn to_simplified(&self, text: &str) -> String {
        self.opencc.convert(text, "t2s", false)
    }

    /// Detects the script of a text.
    pub fn detect(&self, text: &str) -> Script {
        match self.opencc.zho_check(text) {
            1 => Script::Traditional,
            2 => Script::Simplified,
            _ => Script::Neutral,
        }
    }

    /// Builds the Simplified view with a char offset map. Conversion works
    /// line by line; where a line keeps its length (the usual case, since
    /// OpenCC maps characters and equal-length phrases) the map is the
    /// identity, otherwise the line's chars are spread proportionally.
    pub fn simplified_view(&self, original: &str) -> AnalysisView {
        let mut text = String::with_capacity(original.len());
        let mut to_original = Vec::new();
        let mut base = 0usize;
        for (i, line) in original.split('\n').enumerate() {
            if i > 0 {
                text.push('\n');
                to_original.push(base - 1);
            }
            let n = line.chars().count();
            let conv = self.to_simplified(line);
            let m = conv.chars().count();
            text.push_str(&conv);
            if m == n {
                to_original.extend(base..base + n);
            } else {
                to_original.extend((0..m).map(|j| base + j * n / m.max(1)));
            }
            base += n + 1;
        }
        AnalysisView { text, to_original, original_len: original.chars().count() }
    }
}
