//! Helpers shared by the decode integration tests. Each test file compiles
//! this module on its own and uses only some of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// The public evaluation data (`../shared/data` beside the workspace, or
/// `TAOJIN_DATA`); tests skip with a note when a file is missing.
pub fn data_dir() -> PathBuf {
    std::env::var_os("TAOJIN_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

/// Levenshtein distance in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
