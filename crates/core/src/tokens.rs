//! A document's words, stored compactly.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// The words of a text, in order, stored as one buffer with end offsets:
/// two allocations per document instead of one per word, which matters at
/// segmentation speed (tens of MB/s). Serialised exactly like a
/// `Vec<String>`: an array of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    buf: String,
    /// End byte offset of each word in `buf`.
    ends: Vec<u32>,
}

impl Tokens {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `words` words of `bytes` bytes in all.
    pub fn with_capacity(bytes: usize, words: usize) -> Self {
        Tokens {
            buf: String::with_capacity(bytes),
            ends: Vec::with_capacity(words),
        }
    }

    /// Appends a word. Empty words are not stored.
    #[inline]
    pub fn push(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        self.buf.push_str(word);
        // Documents over 4 GiB are refused by the readers long before this.
        self.ends
            .push(u32::try_from(self.buf.len()).unwrap_or(u32::MAX));
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`-th word.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 {
            0
        } else {
            *self.ends.get(i - 1)? as usize
        };
        self.buf.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).filter_map(|i| self.get(i))
    }

    /// All words joined with nothing between them.
    pub fn concat(&self) -> &str {
        &self.buf
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Tokens {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut t = Tokens::new();
        for w in iter {
            t.push(w.as_ref());
        }
        t
    }
}

impl Serialize for Tokens {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for w in self.iter() {
            seq.serialize_element(w)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Tokens {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words: Vec<String> = Vec::deserialize(deserializer)?;
        Ok(words.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_serialise_as_strings() {
        let t: Tokens = ["縣政協", "委員", "", "3.08"].into_iter().collect();
        assert_eq!(t.len(), 3);
        assert_eq!(t.get(1), Some("委員"));
        assert_eq!(t.get(3), None);
        assert_eq!(t.concat(), "縣政協委員3.08");
        let json = serde_json::to_string(&t).expect("serialises");
        assert_eq!(json, r#"["縣政協","委員","3.08"]"#);
        let back: Tokens = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, t);
        assert_eq!(back.to_vec(), vec!["縣政協", "委員", "3.08"]);
    }
}
