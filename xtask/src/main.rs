//! Project tasks: `cargo xtask run`, `cargo xtask bench`, `cargo xtask eval {clean,seg,summ}`.
//! Wiring only: all text logic lives in the library crates.

mod bench;
mod eval_clean;
mod eval_seg;
mod eval_summ;
mod run;

use anyhow::{bail, Result};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  run [--input DIR] [--out DIR]
      clean, segment and summarise every document under DIR (default: seeds/)
      into --out (default: out/), in parallel
  bench [criterion args]
      criterion benchmarks of every stage, then the segmentation speed ratio
  eval clean [--dev|--test|--blind|--split S,S] [--group] [--kind K,K]
             [--docs N] [--seed S] [--show N] [--failures N] [--json FILE]
      noise-injection harness for the cleaner (--show and --failures refuse
      the blind split)
  eval seg [--standard] [--corpus NAME] [--out DIR]
      SIGHAN 2005 segmentation P/R/F1 and OOV/IV recall, jieba-rs beside
  eval summ [--split-half] [--limit N] [--set NAME=VALUE] [--try K=V,K=V]
            [--dump DIR]
      character ROUGE-1/2/L on CAIL 2020 and LCSTS, Lead-k beside
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args
        .iter()
        .any(|a| a == "-h" || a == "--help" || a == "help")
    {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The chain of causes, without a backtrace: these are a
            // user's mistakes or missing data, not bugs.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("eval") => match args.get(1).map(String::as_str) {
            Some("seg") => eval_seg::run(&args[2..]),
            Some("summ") => eval_summ::run(&args[2..]),
            Some("clean") => eval_clean::run(&args[2..]),
            _ => bail!("usage: cargo xtask eval {{clean|seg|summ}} (cargo xtask --help)"),
        },
        _ => bail!("{USAGE}"),
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
