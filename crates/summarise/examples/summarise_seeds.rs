//! Runs the summarisation stage (summary and keywords) over the seed corpus
//! repeatedly, for profiling
//! (`cargo run --release -p taojin-summarise --example summarise_seeds -- 50`).
//!
//! The seeds are taken as they are (no decoding or cleaning, which this crate
//! does not depend on) and segmented once up front, so that only the
//! summariser is timed.

use taojin_core::{Config, Document};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;
use taojin_summarise::Summariser;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let (seg, conv, summariser) = (Segmenter::new(), ScriptConverter::new(), Summariser::new());
    let config = Config::default();
    let segmented: Vec<Document> = texts
        .iter()
        .map(|t| {
            let doc = Document {
                text: t.clone(),
                ..Document::default()
            };
            seg.apply(doc, &conv)
        })
        .collect();
    let bytes: usize = segmented.iter().map(|d| d.text.len()).sum();
    let start = std::time::Instant::now();
    let mut out = 0;
    for _ in 0..rounds {
        for d in &segmented {
            let d = summariser.apply(d.clone(), &config, &seg);
            out += d.summary.len() + d.keywords.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB/s over {} documents ({out} sentences and keywords out)",
        (bytes * rounds) as f64 / secs / 1e6,
        segmented.len()
    );
}
