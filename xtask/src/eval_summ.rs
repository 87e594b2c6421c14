//! `cargo xtask eval summ`.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("eval summ is not implemented yet")
}
