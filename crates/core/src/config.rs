/// Run-time options shared by the stages. Thresholds live here, applied
/// after scoring, so that a user can change a decision without changing code.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Sentences in the summary (0 disables the summary).
    pub summary_sentences: usize,
    /// Optional character budget for the summary; the sentence budget still
    /// applies.
    pub summary_chars: Option<usize>,
    /// Keywords to return.
    pub keywords: usize,
    /// Write `text` (and everything derived from it) in Simplified.
    pub to_simplified: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            summary_sentences: 3,
            summary_chars: None,
            keywords: 10,
            to_simplified: false,
        }
    }
}
