//! Single-thread throughput of the segmentation stage against raw jieba-rs
//! `cut` on the same text, on the SIGHAN 2005 test inputs:
//! `cargo run --release -p taojin-segment --example throughput [-- ROUNDS]`.
//!
//! Two shapes of input per corpus: every line on its own (many short
//! calls) and the whole file as one document (what the pipeline does). The
//! stage is `Segmenter::apply` on a fresh `Document` (Simplified view built
//! from scratch, tokens as owned strings); raw jieba is `cut(text, true)`.
//! The systems run in alternation, ROUNDS times (default 15), and the
//! median of each is reported, so that load from other processes on the
//! machine hits both alike. A third column, raw jieba plus one owned
//! `String` per word (what filling `Document::tokens` costs at the least),
//! shows the ceiling any stage returning owned tokens can reach.

use jieba_rs::Jieba;
use std::hint::black_box;
use std::time::Instant;
use taojin_core::Document;
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(15);
    let dir = match std::env::var("TAOJIN_DATA") {
        Ok(d) => std::path::PathBuf::from(d),
        Err(_) => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
    .join("sighan2005");
    let seg = Segmenter::new();
    let conv = ScriptConverter::new();
    let jieba = Jieba::new();
    println!(
        "{:6} {:5} {:>12} {:>12} {:>6} {:>14}",
        "corpus", "shape", "jieba MB/s", "stage MB/s", "ratio", "ceiling ratio"
    );
    for corpus in ["pku", "msr", "as", "cityu"] {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{corpus}_test.utf8"))) else {
            println!("note: {corpus} test file missing");
            continue;
        };
        let text = text.replace("\r\n", "\n");
        let lines: Vec<&str> = text.lines().collect();
        let whole = [text.as_str()];
        for (shape, docs) in [("lines", &lines[..]), ("whole", &whole[..])] {
            let mb = docs.iter().map(|d| d.len()).sum::<usize>() as f64 / 1e6;
            let (mut raw, mut stage, mut owned) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..rounds {
                let start = Instant::now();
                let n: usize = docs
                    .iter()
                    .map(|d| jieba.cut(black_box(d), true).len())
                    .sum();
                black_box(n);
                raw.push(start.elapsed().as_secs_f64());

                let start = Instant::now();
                let n: usize = docs
                    .iter()
                    .map(|d| {
                        let doc = Document {
                            text: d.to_string(),
                            ..Document::default()
                        };
                        seg.apply(doc, &conv).tokens.len()
                    })
                    .sum();
                black_box(n);
                stage.push(start.elapsed().as_secs_f64());

                let start = Instant::now();
                let n: usize = docs
                    .iter()
                    .map(|d| {
                        let words: Vec<String> = jieba
                            .cut(black_box(d), true)
                            .iter()
                            .map(|t| t.word.to_string())
                            .collect();
                        words.len()
                    })
                    .sum();
                black_box(n);
                owned.push(start.elapsed().as_secs_f64());
            }
            let (raw, stage, owned) = (median(raw), median(stage), median(owned));
            println!(
                "{corpus:6} {shape:5} {:12.2} {:12.2} {:6.2} {:14.2}",
                mb / raw,
                mb / stage,
                raw / stage,
                raw / owned
            );
        }
    }
}
