//! `cargo xtask bench [ARGS]`: runs the criterion benches in `benches/`,
//! then prints the segmentation ratio the project tracks (raw jieba-rs
//! `cut` median time / taojin's segmentation stage median time, same clean
//! text, same run; issue 5's target is at least 0.8).

use anyhow::{bail, Result};
use std::path::Path;

pub fn run(args: &[String]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = crate::workspace_root();
    let status = std::process::Command::new(cargo)
        .current_dir(&root)
        .args(["bench", "-p", "taojin-benches", "--bench", "stages", "--"])
        .args(args)
        .status()?;
    if !status.success() {
        bail!("cargo bench failed: {status}");
    }
    let dir = root.join("target/criterion/stage/segment");
    match (median_ns(&dir.join("taojin")), median_ns(&dir.join("raw-jieba-cut"))) {
        (Some(ours), Some(raw)) => println!(
            "segmentation: taojin {:.0} µs, raw jieba-rs cut {:.0} µs (medians); ratio {:.2} (target >= 0.8)",
            ours / 1e3,
            raw / 1e3,
            raw / ours
        ),
        _ => println!("segmentation ratio: not measured in this run"),
    }
    Ok(())
}

/// The median time (ns) criterion stored for one benchmark's latest run.
fn median_ns(bench_dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(bench_dir.join("new/estimates.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("median")?.get("point_estimate")?.as_f64()
}
