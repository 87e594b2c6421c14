//! The generator vocabularies (`data/*.txt`), split into a dev part, a
//! held-out part and a blind part.

use std::collections::HashMap;
use std::fmt;

/// Which part of the source text and of the template vocabulary a document
/// is built from. The cleaner may be tuned on `Dev`; `HeldOut` is for
/// reporting only, but has been looked at while the cleaner was developed;
/// `Blind` was written by someone who never saw the cleaner, and only its
/// aggregate figures are ever read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    Dev,
    HeldOut,
    Blind,
}

impl Split {
    /// The two splits the harness reports by default.
    pub const BOTH: [Split; 2] = [Split::Dev, Split::HeldOut];
    /// Every split.
    pub const ALL: [Split; 3] = [Split::Dev, Split::HeldOut, Split::Blind];

    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::HeldOut => "held-out",
            Split::Blind => "blind",
        }
    }

    /// The split of a data-file line (`dev`, `held`, `blind`).
    fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "held" => Some(Split::HeldOut),
            "blind" => Some(Split::Blind),
            _ => None,
        }
    }

    /// A split named on a command line: its data-file name or its
    /// [`Split::name`] (`dev`, `held`, `held-out`, `blind`).
    pub fn from_name(s: &str) -> Option<Split> {
        Split::parse(s).or_else(|| Split::ALL.into_iter().find(|sp| sp.name() == s))
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
            let split =
                Split::parse(split).ok_or_else(|| err("split must be dev, held or blind"))?;
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
    fn builtin_parses_and_every_slot_has_every_split() {
        let v = Vocab::builtin().expect("builtin vocabulary parses");
        let slots = v.slots();
        assert!(slots.len() > 60, "{} slots", slots.len());
        for (file, slot) in slots {
            for split in Split::ALL {
                assert!(
                    !v.get(&file, &slot, split).is_empty(),
                    "{file}.{slot} has no {} entries",
                    split.name()
                );
            }
        }
    }

    #[test]
    fn blind_slots_are_about_as_rich_as_held_out_ones() {
        let v = Vocab::builtin().expect("parses");
        for (file, slot) in v.slots() {
            let held = v.get(&file, &slot, Split::HeldOut).len();
            let blind = v.get(&file, &slot, Split::Blind).len();
            assert!(
                blind * 4 >= held * 3,
                "{file}.{slot}: {blind} blind entries against {held} held-out"
            );
        }
    }

    #[test]
    fn splits_are_disjoint() {
        let v = Vocab::builtin().expect("parses");
        for (file, slot) in v.slots() {
            for (i, a) in Split::ALL.iter().enumerate() {
                for b in Split::ALL.iter().skip(i + 1) {
                    let theirs = v.get(&file, &slot, *a);
                    for e in v.get(&file, &slot, *b) {
                        // The empty entry ("no such line") may be in several.
                        if !e.is_empty() {
                            assert!(
                                !theirs.contains(e),
                                "{file}.{slot}: {e} in {} and {}",
                                a.name(),
                                b.name()
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn blind_entries_do_not_reuse_other_splits_lines_with_other_numbers() {
        // Compared with placeholders and digits taken out, so that a
        // template copied with `{n}` swapped for `{k}` still counts as a copy.
        let bare = |s: &str| -> String {
            let mut out = String::new();
            let mut depth = 0;
            for c in s.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth = 0,
                    _ if depth > 0 || c.is_ascii_digit() || c.is_whitespace() => {}
                    _ => out.push(c),
                }
            }
            out
        };
        let v = Vocab::builtin().expect("parses");
        for (file, slot) in v.slots() {
            let others: Vec<String> = [Split::Dev, Split::HeldOut]
                .iter()
                .flat_map(|&s| v.get(&file, &slot, s))
                .map(|e| bare(e))
                .filter(|e| e.chars().count() > 1)
                .collect();
            for e in v.get(&file, &slot, Split::Blind) {
                let b = bare(e);
                assert!(
                    !others.contains(&b),
                    "{file}.{slot}: blind {e} copies another split"
                );
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
        v.add_file("t", "site\tblind\t主页面\n").expect("valid");
        assert_eq!(v.get("t", "site", Split::Blind), ["主页面"]);
    }

    #[test]
    fn command_line_names_map_to_splits() {
        assert_eq!(Split::from_name("blind"), Some(Split::Blind));
        assert_eq!(Split::from_name("held"), Some(Split::HeldOut));
        assert_eq!(Split::from_name("held-out"), Some(Split::HeldOut));
        assert_eq!(Split::from_name("dev"), Some(Split::Dev));
        assert_eq!(Split::from_name("test"), None);
    }
}
