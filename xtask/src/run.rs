//! `cargo xtask run [--input DIR] [--out DIR]`: the main job. Processes the
//! seed corpus (or DIR) in parallel into `out/<id>.json` and `out/all.jsonl`
//! and prints a table.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use taojin_core::{Config, Document};
use taojin_pipeline::input::{read_records, InputSpec};
use taojin_pipeline::Pipeline;

pub fn run(args: &[String]) -> Result<()> {
    let root = crate::workspace_root();
    let mut input = root.join("seeds");
    let mut out = root.join("out");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--input" => input = PathBuf::from(it.next().context("--input needs a directory")?),
            "--out" => out = PathBuf::from(it.next().context("--out needs a directory")?),
            other => anyhow::bail!(
                "unknown argument {other}; usage: cargo xtask run [--input DIR] [--out DIR]"
            ),
        }
    }
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let started = std::time::Instant::now();
    let pipeline = Pipeline::new(Config::default());
    let loaded = started.elapsed();
    let docs: Vec<Document> =
        pipeline.process_records(read_records(&[InputSpec::Path(input.clone())]));
    let all_path = out.join("all.jsonl");
    let mut all = std::io::BufWriter::new(
        std::fs::File::create(&all_path)
            .with_context(|| format!("cannot write {}", all_path.display()))?,
    );
    for d in &docs {
        serde_json::to_writer(&mut all, d)?;
        writeln!(all)?;
        let name = sanitize(&d.id);
        let path = out.join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(d)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    all.flush()?;
    print_table(&docs);
    let bytes_in: u64 = docs.iter().map(|d| d.signals.chars_in).sum();
    println!(
        "\n{} documents from {} ({} chars) in {:.2?} (resources loaded in {:.2?}); wrote {}",
        docs.len(),
        input.display(),
        bytes_in,
        started.elapsed(),
        loaded,
        out.display()
    );
    Ok(())
}

fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn print_table(docs: &[Document]) {
    println!(
        "{:<24} {:<9} {:>8} {:>8} {:>7}  first summary sentence",
        "id", "encoding", "chars in", "out", "removed"
    );
    for d in docs {
        let first = match &d.error {
            Some(e) => format!("ERROR: {e}"),
            None => d.summary.first().cloned().unwrap_or_default(),
        };
        let first: String = first.chars().take(48).collect();
        println!(
            "{:<24} {:<9} {:>8} {:>8} {:>7}  {}",
            d.id.chars().take(24).collect::<String>(),
            d.encoding.as_deref().unwrap_or("-"),
            d.signals.chars_in,
            d.signals.chars_out,
            d.signals.lines_removed,
            first
        );
    }
}
