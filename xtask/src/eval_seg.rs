//! `cargo xtask eval seg`.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("eval seg is not implemented yet")
}
