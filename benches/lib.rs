//! Shared inputs for the criterion benches: the seed corpus, as raw bytes
//! and as the intermediate documents each stage starts from.

use std::path::PathBuf;

/// The workspace's `seeds/` directory.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// Every seed file as (file id, bytes), in sorted order.
pub fn seed_corpus() -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_string_lossy().to_string();
            Some((id, std::fs::read(&p).ok()?))
        })
        .collect()
}

/// Total bytes of the corpus.
pub fn corpus_bytes(corpus: &[(String, Vec<u8>)]) -> u64 {
    corpus.iter().map(|(_, b)| b.len() as u64).sum()
}
