/// A view of a text used for analysis (for example its Simplified form),
/// with a map from every character of the view back to the character of the
/// original it came from.
///
/// Invariant: `to_original.len() == text.chars().count()` and the map is
/// non-decreasing, so a span of view characters maps to a span of original
/// characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalysisView {
    pub text: String,
    /// For each char of `text`, the char index in the original.
    pub to_original: Vec<usize>,
    /// Number of chars in the original text.
    pub original_len: usize,
}

impl AnalysisView {
    /// The identity view: the analysis text is the original.
    pub fn identity(original: &str) -> Self {
        let n = original.chars().count();
        AnalysisView {
            text: original.to_string(),
            to_original: (0..n).collect(),
            original_len: n,
        }
    }

    /// Maps a half-open range of view chars `[start, end)` to a half-open
    /// range of original chars.
    pub fn map_range(&self, start: usize, end: usize) -> (usize, usize) {
        let o_start = self
            .to_original
            .get(start)
            .copied()
            .unwrap_or(self.original_len);
        let o_end = if end >= self.to_original.len() {
            self.original_len
        } else {
            self.to_original
                .get(end)
                .copied()
                .unwrap_or(self.original_len)
        };
        (o_start, o_end.max(o_start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_ranges_onto_themselves() {
        let v = AnalysisView::identity("縣政協委員");
        assert_eq!(v.map_range(1, 3), (1, 3));
        assert_eq!(v.map_range(3, 5), (3, 5));
        assert_eq!(v.map_range(5, 5), (5, 5));
    }

    #[test]
    fn many_to_one_maps_stay_monotone() {
        // view "ab" came from original char 0, "c" from original char 2.
        let v = AnalysisView {
            text: "abc".into(),
            to_original: vec![0, 0, 2],
            original_len: 3,
        };
        assert_eq!(v.map_range(0, 2), (0, 2));
        assert_eq!(v.map_range(2, 3), (2, 3));
    }
}
