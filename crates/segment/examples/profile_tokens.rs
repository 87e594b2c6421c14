//! Segments the seed corpus with `Segmenter::tokens` and with raw jieba
//! `cut`, single thread, alternating the two and keeping each one's best
//! round, for a quick ratio and for profiling
//! (`cargo run --release -p taojin-segment --example profile_tokens -- 20`).

use std::time::Instant;
use taojin_segment::{view::ScriptConverter, Segmenter};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    if let Some(pick) = std::env::var_os("SEED_FILTER") {
        // e.g. SEED_FILTER=simplified keeps texts OpenCC finds Simplified.
        let conv = ScriptConverter::new();
        let want = pick.to_string_lossy().to_string();
        texts.retain(|t| format!("{:?}", conv.detect(t)).to_lowercase() == want);
    }
    let built = Instant::now();
    let seg = Segmenter::new();
    eprintln!(
        "segmenter built in {:.0} ms (own finder: {})",
        built.elapsed().as_secs_f64() * 1e3,
        seg.has_own_finder()
    );
    let conv = ScriptConverter::new();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * 20;
    let time = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..20 {
            n += f();
        }
        (t.elapsed().as_secs_f64(), n)
    };
    let ours = || {
        texts
            .iter()
            .map(|t| seg.tokens(t, &conv).len())
            .sum::<usize>()
    };
    let raw = || {
        texts
            .iter()
            .map(|t| seg.jieba().cut(t, true).len())
            .sum::<usize>()
    };
    let finder = || texts.iter().map(|t| seg.raw_words(t).len()).sum::<usize>();
    if std::env::var_os("ONLY_FINDER").is_some() {
        // The crate's own word finder alone (jieba's words, no rules).
        let n: usize = (0..rounds * 20).map(|_| finder()).sum();
        println!("{n}");
        return;
    }
    if std::env::var_os("ONLY_TAOJIN").is_some() {
        // For a profiler: the taojin path alone.
        let n: usize = (0..rounds * 20).map(|_| ours()).sum();
        println!("{n}");
        return;
    }
    if std::env::var_os("ONLY_RAW").is_some() {
        // The raw jieba side alone, to compare profiles.
        let n: usize = (0..rounds * 20).map(|_| raw()).sum();
        println!("{n}");
        return;
    }
    let (mut best_ours, mut best_raw, mut best_finder) = (f64::MAX, f64::MAX, f64::MAX);
    let _ = (time(&ours), time(&raw), time(&finder)); // warm up all
    for _ in 0..rounds {
        best_ours = best_ours.min(time(&ours).0);
        best_raw = best_raw.min(time(&raw).0);
        best_finder = best_finder.min(time(&finder).0);
    }
    println!(
        "taojin tokens {:.1} MB/s, raw jieba cut {:.1} MB/s, ratio {:.2} (best of {rounds} alternating rounds)",
        bytes as f64 / best_ours / 1e6,
        bytes as f64 / best_raw / 1e6,
        best_raw / best_ours
    );
    println!(
        "own finder alone {:.1} MB/s, ratio to raw jieba {:.2}",
        bytes as f64 / best_finder / 1e6,
        best_raw / best_finder
    );
}
