//! Builds `crates/decode/data/charmodel.txt`, the character model that the
//! mojibake and realignment repairs use to tell Chinese from garbage.
//!
//! Source: jieba's word list (`jieba-rs-0.11.0/src/data/dict.txt`, MIT), one
//! `word count tag` per line. Every word adds its count to each of its
//! characters and to each adjacent character pair inside it. Each word is
//! also converted to Traditional with OpenCC (`s2t` and `s2tw`) and counted
//! again under its Traditional form, so Traditional text scores as plausible.
//!
//! Run: `cargo run -p taojin-decode --example gen_charmodel [path/to/dict.txt]`

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Characters kept: enough to cover the frequent Simplified and Traditional
/// repertoire, small enough to ship.
const MAX_CHARS: usize = 12_000;
/// Bigrams kept (the most frequent within-word pairs).
const MAX_BIGRAMS: usize = 60_000;

fn find_dict() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    let src = home.join("registry").join("src");
    for entry in std::fs::read_dir(src).ok()? {
        let candidate = entry.ok()?.path().join("jieba-rs-0.11.0/src/data/dict.txt");
        if candidate.is_file() {
            return Some(candidate);
        }
    }
    None
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dict_path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => find_dict().ok_or("jieba-rs-0.11.0 dict.txt not found; pass its path")?,
    };
    let dict = std::fs::read_to_string(&dict_path)?;
    let cc = opencc_fmmseg::OpenCC::new();

    let mut chars: HashMap<char, u64> = HashMap::new();
    let mut pairs: HashMap<(char, char), u64> = HashMap::new();
    let mut add = |word: &str, count: u64| {
        let cs: Vec<char> = word.chars().collect();
        for &c in &cs {
            *chars.entry(c).or_insert(0) += count;
        }
        for w in cs.windows(2) {
            *pairs.entry((w[0], w[1])).or_insert(0) += count;
        }
    };
    let mut words = 0usize;
    for line in dict.lines() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(count)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(count) = count.parse::<u64>() else {
            continue;
        };
        if !word.chars().all(taojin_core::is_han) {
            continue;
        }
        words += 1;
        add(word, count);
        let mut seen = vec![word.to_string()];
        for trad in [cc.s2t(word, false), cc.s2tw(word, false)] {
            if !seen.contains(&trad) {
                add(&trad, count);
                seen.push(trad);
            }
        }
    }

    let mut char_list: Vec<(char, u64)> = chars.into_iter().collect();
    char_list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    char_list.truncate(MAX_CHARS);
    let mut pair_list: Vec<((char, char), u64)> = pairs.into_iter().collect();
    pair_list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    pair_list.truncate(MAX_BIGRAMS);

    let out_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("charmodel.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out_path)?);
    writeln!(
        out,
        "# Chinese character model for mojibake and double-byte repair."
    )?;
    writeln!(
        out,
        "# Made by `cargo run -p taojin-decode --example gen_charmodel` from jieba-rs 0.11.0"
    )?;
    writeln!(
        out,
        "# src/data/dict.txt (MIT): {words} all-Han words; each word adds its count to its"
    )?;
    writeln!(
        out,
        "# characters and to its adjacent character pairs, once as written and once per"
    )?;
    writeln!(
        out,
        "# distinct Traditional form (OpenCC s2t, s2tw via opencc-fmmseg)."
    )?;
    writeln!(
        out,
        "# Lines: `u<TAB>char<TAB>count` (top {MAX_CHARS} characters),"
    )?;
    writeln!(
        out,
        "#        `b<TAB>two chars<TAB>count` (top {MAX_BIGRAMS} within-word pairs)."
    )?;
    for (c, n) in &char_list {
        writeln!(out, "u\t{c}\t{n}")?;
    }
    for ((a, b), n) in &pair_list {
        writeln!(out, "b\t{a}{b}\t{n}")?;
    }
    out.flush()?;
    eprintln!(
        "wrote {} chars and {} bigrams to {}",
        char_list.len(),
        pair_list.len(),
        out_path.display()
    );
    Ok(())
}
