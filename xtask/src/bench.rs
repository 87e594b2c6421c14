//! `cargo xtask bench [ARGS]`: runs the criterion benches in `benches/`.

use anyhow::{bail, Result};

pub fn run(args: &[String]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(crate::workspace_root())
        .args(["bench", "-p", "taojin-benches", "--bench", "stages", "--"])
        .args(args)
        .status()?;
    if !status.success() {
        bail!("cargo bench failed: {status}");
    }
    Ok(())
}
