//! The word lists the summariser ships with.

use std::collections::HashSet;

const STOPWORDS: &str = include_str!("../data/stopwords.txt");

/// Parses a word list: one entry a line, `#` starts a comment line, blank
/// lines ignored, surrounding whitespace trimmed.
pub fn parse_word_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The shipped stopword list (`data/stopwords.txt`).
pub fn stopwords() -> HashSet<String> {
    parse_word_list(STOPWORDS)
}

/// Whether a token carries content: it has at least one letter or digit
/// (Han characters are letters), so punctuation and symbols are dropped.
pub fn has_content(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_load_and_skip_comments() {
        let s = stopwords();
        assert!(s.contains("的") && s.contains("因此") && s.contains("进行"));
        assert!(!s
            .iter()
            .any(|w| w.starts_with('#') || w.trim() != w || w.is_empty()));
        assert!(!s.contains("法院") && !s.contains("经济"));
    }

    #[test]
    fn content_words() {
        assert!(has_content("经济") && has_content("GDP") && has_content("2024"));
        assert!(!has_content("，") && !has_content("……") && !has_content(" "));
    }
}
