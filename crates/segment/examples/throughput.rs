//! Single-thread segmentation throughput against raw jieba-rs `cut`, on the
//! SIGHAN test inputs (one call per line):
//! `cargo run --release -p taojin-segment --example throughput`.

use jieba_rs::Jieba;
use std::time::Instant;
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn main() {
    let dir = match std::env::var("TAOJIN_DATA") {
        Ok(d) => std::path::PathBuf::from(d),
        Err(_) => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
    .join("sighan2005");
    let seg = Segmenter::new();
    let conv = ScriptConverter::new();
    let jieba = Jieba::new();
    for corpus in ["pku", "msr", "as", "cityu"] {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{corpus}_test.utf8"))) else {
            println!("note: {corpus} test file missing");
            continue;
        };
        let lines: Vec<&str> = text.lines().collect();
        let mb = text.len() as f64 / 1e6;
        let time = |f: &dyn Fn(&str) -> usize| {
            let mut best = f64::MAX;
            for _ in 0..5 {
                let start = Instant::now();
                let n: usize = lines.iter().map(|l| f(l)).sum();
                std::hint::black_box(n);
                best = best.min(start.elapsed().as_secs_f64());
            }
            best
        };
        let raw = time(&|l| jieba.cut(l, true).len());
        let cut = time(&|l| seg.cut_spans(l).len());
        let full = time(&|l| seg.segment(l, &conv).len());
        println!(
            "{corpus:6} jieba cut {:6.2} MB/s | taojin cut_spans {:6.2} MB/s ({:.2}x) | taojin segment incl. view {:6.2} MB/s ({:.2}x)",
            mb / raw,
            mb / cut,
            raw / cut,
            mb / full,
            raw / full
        );
    }
}
