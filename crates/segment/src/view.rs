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

use opencc_fmmseg::{OpenCC, OpenccConfig};
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

/// Converts between Traditional and Simplified with OpenCC's dictionaries.
pub struct ScriptConverter {
    opencc: OpenCC,
    overrides: Vec<Override>,
    /// Whether every t2s override keeps its length, so that a whole text
    /// converted to the same length is aligned char to char.
    t2s_keeps_length: bool,
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
            .finish()
    }
}

impl ScriptConverter {
    pub fn new() -> Self {
        let overrides = parse_overrides(OVERRIDES);
        let t2s_keeps_length = overrides
            .iter()
            .filter(|o| o.config == OpenccConfig::T2s)
            .all(|o| o.from.chars().count() == o.to.chars().count());
        ScriptConverter {
            opencc: OpenCC::new(),
            overrides,
            t2s_keeps_length,
        }
    }

    /// Traditional (any variant) to Simplified, characters and phrases
    /// (OpenCC `t2s`), punctuation untouched.
    pub fn to_simplified(&self, text: &str) -> String {
        self.convert_config(text, OpenccConfig::T2s)
    }

    /// Converts with a named OpenCC config (`t2s`, `tw2s`, `tw2sp`, `hk2s`,
    /// `hk2sp`, `s2t`, ...), applying this crate's override table first.
    pub fn convert(&self, text: &str, config: &str) -> Result<String, UnknownConfig> {
        let cfg = OpenccConfig::parse(config).ok_or_else(|| UnknownConfig(config.to_string()))?;
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
    /// The text is cut into chunks at characters that are not Han (OpenCC's
    /// phrases never cross them); a chunk whose conversion keeps its length
    /// maps char to char, since every t2s dictionary entry is
    /// length-preserving; any other chunk is converted char by char, each
    /// output char mapped to the char it came from.
    pub fn simplified_view(&self, original: &str) -> AnalysisView {
        let original_len = original.chars().count();
        // Pure ASCII (or any text OpenCC leaves alone) needs no work.
        let converted = self.to_simplified(original);
        if converted == original {
            return AnalysisView::identity(original);
        }
        if self.t2s_keeps_length && converted.chars().count() == original_len {
            return AnalysisView {
                text: converted,
                to_original: (0..original_len).collect(),
                original_len,
            };
        }
        let mut text = String::with_capacity(converted.len());
        let mut to_original = Vec::with_capacity(original_len);
        let mut base = 0usize;
        for chunk in han_chunks(original) {
            let n = chunk.chars().count();
            let conv = if is_han(chunk.chars().next().unwrap_or(' ')) {
                self.to_simplified(chunk)
            } else {
                chunk.to_string()
            };
            if conv.chars().count() == n {
                text.push_str(&conv);
                to_original.extend(base..base + n);
            } else {
                for (i, c) in chunk.chars().enumerate() {
                    let mut buf = [0u8; 4];
                    let one = self.to_simplified(c.encode_utf8(&mut buf));
                    for oc in one.chars() {
                        text.push(oc);
                        to_original.push(base + i);
                    }
                }
            }
            base += n;
        }
        AnalysisView {
            text,
            to_original,
            original_len,
        }
    }
}

/// Han ideographs (the blocks OpenCC's dictionaries cover).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Splits a text into maximal runs of Han and of non-Han characters.
fn han_chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let han = is_han(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_han(c) != han)
            .map_or(rest.len(), |(i, _)| i);
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
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

    #[test]
    fn han_chunks_alternate() {
        let chunks: Vec<&str> = han_chunks("漢字abc，字").collect();
        assert_eq!(chunks, vec!["漢字", "abc，", "字"]);
    }
}
