//! Cleans the seed corpus repeatedly, for profiling the stage
//! (`cargo run --release -p taojin-clean --example clean_seeds -- 50`), or
//! the `.txt` files of another directory (`-- 5 DIR`): the seeds all carry
//! spam, and most pages of a real corpus carry none, which the spam passes
//! read differently.

use taojin_clean::Cleaner;
use taojin_core::Document;
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = std::env::args().nth(2).map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"),
        std::path::PathBuf::from,
    );
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let (seg, conv, cleaner) = (Segmenter::new(), ScriptConverter::new(), Cleaner::new());
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut out = 0;
    for _ in 0..rounds {
        for t in &texts {
            let d = cleaner.apply(
                Document {
                    text: t.clone(),
                    ..Document::default()
                },
                &seg,
                &conv,
                None,
            );
            out += d.text.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB/s ({out} bytes out)",
        (bytes * rounds) as f64 / secs / 1e6
    );
}
