//! `cargo xtask eval clean`.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("eval clean is not implemented yet")
}
