//! The generator vocabularies (`data/*.txt`), split into a dev half and a
//! held-out half.

use std::collections::HashMap;
use std::fmt;

/// Which half of the source text and of the template vocabulary a document
/// is built from. The cleaner may be tuned on `Dev`; `HeldOut` is for
/// reporting only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    Dev,
    HeldOut,
}

impl Split {
    pub const BOTH: [Split; 2] = [Split::Dev, Split::HeldOut];

    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::HeldOut => "held-out",
        }
    }

    fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "held" => Some(Split::HeldOut),
            _ => None,
        }
    }
}

/// A malformed vocabulary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabError {
    pub file: String,
    pub line: usize,
    pub why: String,
}

impl fmt::Display for VocabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.why)
    }
}

impl std::error::Error for VocabError {}

const BUILTIN: [(&str, &str); 7] = [
    ("common", include_str!("../data/common.txt")),
    ("portal", include_str!("../data/portal.txt")),
    ("forum", include_str!("../data/forum.txt")),
    ("gov", include_str!("../data/gov.txt")),
    ("blog", include_str!("../data/blog.txt")),
    ("social", include_str!("../data/social.txt")),
    ("spam", include_str!("../data/spam.txt")),
];

/// Entries by (file, slot, split).
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    entries: HashMap<(String, String, Split), Vec<String>>,
}

impl Vocab {
    /// The vocabularies shipped in `data/`.
    pub fn builtin() -> Result<Self, VocabError> {
        let mut v = Vocab::default();
        for (file, text) in BUILTIN {
            v.add_file(file, text)?;
        }
        Ok(v)
    }

    /// Adds one file's entries: `slot<TAB>split<TAB>entry`, `#` comments and
    /// blank lines skipped, an entry of `-` standing for the empty string.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<(), VocabError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |why: &str| VocabError {
                file: file.to_string(),
                line: i + 1,
                why: why.to_string(),
            };
            let mut cols = line.splitn(3, '\t');
            let (Some(slot), Some(split), Some(entry)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(err("expected slot<TAB>split<TAB>entry"));
            };
            let split = Split::parse(split).ok_or_else(|| err("split must be dev or held"))?;
            let entry = if entry == "-" { "" } else { entry };
            self.entries
                .entry((file.to_string(), slot.to_string(), split))
                .or_default()
                .push(entry.to_string());
        }
        Ok(())
    }

    /// The entries of one slot in one split (empty when there are none).
    pub fn get(&self, file: &str, slot: &str, split: Split) -> &[String] {
        self.entries
            .get(&(file.to_string(), slot.to_string(), split))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Every (file, slot) that has entries, for checks over the whole set.
    pub fn slots(&self) -> Vec<(String, String)> {
        let mut s: Vec<(String, String)> = self
            .entries
            .keys()
            .map(|(f, s, _)| (f.clone(), s.clone()))
            .collect();
        s.sort();
        s.dedup();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_every_slot_has_both_halves() {
        let v = Vocab::builtin().expect("builtin vocabulary parses");
        let slots = v.slots();
        assert!(slots.len() > 60, "{} slots", slots.len());
        for (file, slot) in slots {
            assert!(
                !v.get(&file, &slot, Split::Dev).is_empty(),
                "{file}.{slot} dev"
            );
            assert!(
                !v.get(&file, &slot, Split::HeldOut).is_empty(),
                "{file}.{slot} held"
            );
        }
    }

    #[test]
    fn halves_are_disjoint() {
        let v = Vocab::builtin().expect("parses");
        for (file, slot) in v.slots() {
            let dev = v.get(&file, &slot, Split::Dev);
            for e in v.get(&file, &slot, Split::HeldOut) {
                // The empty entry ("no such line") may be in both halves.
                if !e.is_empty() {
                    assert!(!dev.contains(e), "{file}.{slot}: {e} in both halves");
                }
            }
        }
    }

    #[test]
    fn malformed_lines_are_errors_not_panics() {
        let mut v = Vocab::default();
        let e = v
            .add_file("t", "# c\nsite\tdev\n")
            .expect_err("two columns");
        assert_eq!(e.line, 2);
        let e = v
            .add_file("t", "site\tboth\t首页\n")
            .expect_err("bad split");
        assert!(e.why.contains("split"));
        v.add_file("t", "site\tdev\t首页\nsite\tdev\t-\n")
            .expect("valid");
        assert_eq!(v.get("t", "site", Split::Dev), ["首页", ""]);
        assert!(v.get("t", "site", Split::HeldOut).is_empty());
    }
}
