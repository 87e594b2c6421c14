//! Finds jieba-rs's default dictionary (`src/data/dict.txt` of the
//! jieba-rs 0.11 package, MIT) so that the crate's own word finder can be
//! built from the very list jieba segments with. The file is read where
//! Cargo unpacked the package; nothing is copied into the repository.
//!
//! It is looked for in Cargo's registry sources, then in a `vendor/`
//! directory of the workspace; `TAOJIN_JIEBA_DICT` names the file
//! explicitly. When it cannot be found, an empty list is embedded and the
//! segmenter falls back to jieba-rs's own `cut` at run time; a dictionary
//! that is not the one jieba-rs loads is caught at run time (entry count
//! and total frequency differ) and not used either.

use std::path::{Path, PathBuf};

const PACKAGE: &str = "jieba-rs-0.11.0";

fn registry_dict(cargo_home: &Path) -> Option<PathBuf> {
    let sources = std::fs::read_dir(cargo_home.join("registry/src")).ok()?;
    let mut found: Vec<PathBuf> = sources
        .flatten()
        .map(|e| e.path().join(PACKAGE).join("src/data/dict.txt"))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found.into_iter().next()
}

fn find_dict() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TAOJIN_JIEBA_DICT") {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let homes = [
        std::env::var_os("CARGO_HOME").map(PathBuf::from),
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")),
    ];
    if let Some(found) = homes.into_iter().flatten().find_map(|h| registry_dict(&h)) {
        return Some(found);
    }
    // A workspace built from vendored sources (`cargo vendor`).
    let workspace = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?).join("../..");
    [PACKAGE, "jieba-rs"]
        .iter()
        .map(|dir| workspace.join("vendor").join(dir).join("src/data/dict.txt"))
        .find(|p| p.is_file())
}

fn main() {
    println!("cargo:rerun-if-env-changed=TAOJIN_JIEBA_DICT");
    println!("cargo:rerun-if-changed=build.rs");
    let path = match find_dict() {
        Some(path) => {
            println!("cargo:rerun-if-changed={}", path.display());
            path
        }
        None => {
            println!("cargo:warning=jieba-rs dict.txt not found: segmentation falls back to jieba-rs cut");
            let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
            let empty = out.join("empty_dict.txt");
            if std::fs::write(&empty, "").is_err() {
                println!("cargo:warning=cannot write {}", empty.display());
            }
            empty
        }
    };
    println!("cargo:rustc-env=TAOJIN_JIEBA_DICT_PATH={}", path.display());
}
