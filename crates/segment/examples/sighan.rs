//! The SIGHAN 2005 evaluation of `cargo xtask eval seg`, runnable from this
//! crate alone: `cargo run --release -p taojin-segment --example sighan -- [--standard]`.

#[path = "../../../xtask/src/eval_seg.rs"]
mod eval_seg;

/// The shared evaluation data directory, as in xtask.
pub fn data_dir() -> std::path::PathBuf {
    if let Ok(d) = std::env::var("TAOJIN_DATA") {
        return d.into();
    }
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    eval_seg::run(&args)
}
