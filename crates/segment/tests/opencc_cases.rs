//! OpenCC's own conversion test cases, per config. The to-Simplified configs
//! must pass every case; the others are reported only.

use std::path::PathBuf;
use taojin_segment::view::ScriptConverter;

fn data_dir() -> PathBuf {
    match std::env::var("TAOJIN_DATA") {
        Ok(d) => PathBuf::from(d),
        Err(_) => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

const MUST_PASS: [&str; 5] = ["t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"];

#[test]
fn opencc_testcases_pass_rate_per_config() {
    let dir = data_dir().join("opencc/by_config");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} missing, skipping OpenCC cases", dir.display());
        return;
    };
    let conv = ScriptConverter::new();
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut failures = Vec::new();
    for path in files {
        let Some(config) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let Ok(body) = std::fs::read_to_string(&path) else {
            continue;
        };
        let (mut pass, mut total) = (0, 0);
        for line in body.lines() {
            let mut f = line.split('\t');
            let (Some(_id), Some(input), Some(want)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            total += 1;
            match conv.convert(input, &config) {
                Ok(got) if got == want => pass += 1,
                Ok(got) => {
                    if MUST_PASS.contains(&config.as_str()) {
                        failures.push(format!("{config}: {input}\n  want {want}\n  got  {got}"));
                    }
                }
                Err(e) => failures.push(format!("{config}: {e}")),
            }
        }
        println!("opencc {config:6} {pass:3}/{total:3}");
    }
    assert!(
        failures.is_empty(),
        "to-Simplified failures:\n{}",
        failures.join("\n")
    );
}
