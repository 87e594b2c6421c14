//! Project tasks: `cargo xtask run`, `cargo xtask bench`, `cargo xtask eval {clean,seg,summ}`.
//! Wiring only: all text logic lives in the library crates.

mod bench;
mod eval_clean;
mod eval_seg;
mod eval_summ;
mod run;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("eval") => match args.get(1).map(String::as_str) {
            Some("seg") => eval_seg::run(&args[2..]),
            Some("summ") => eval_summ::run(&args[2..]),
            Some("clean") => eval_clean::run(&args[2..]),
            _ => bail!("usage: cargo xtask eval {{clean|seg|summ}}"),
        },
        _ => bail!("usage: cargo xtask {{run|bench|eval}}"),
    }
}

/// The shared evaluation data directory (`../shared/data` beside the repo),
/// overridable with `TAOJIN_DATA`.
pub fn data_dir() -> std::path::PathBuf {
    if let Ok(d) = std::env::var("TAOJIN_DATA") {
        return d.into();
    }
    workspace_root().join("../shared/data")
}

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> std::path::PathBuf {
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or(manifest)
}
