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

/// The table-driven `t2s` behind the Simplified view must convert exactly as
/// OpenCC does, line for line, on the Traditional bakeoff inputs (AS and
/// CityU): about 20,000 lines of real Taiwanese and Hong Kong text.
#[test]
fn t2s_view_matches_opencc_on_traditional_corpora() {
    let conv = ScriptConverter::new();
    let reference = opencc_fmmseg::OpenCC::new();
    let mut checked = 0;
    for name in ["as_test.utf8", "cityu_test.utf8"] {
        let path = data_dir().join("sighan2005").join(name);
        let Ok(body) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} missing, skipping", path.display());
            continue;
        };
        for line in body.lines() {
            let want = reference.t2s(line, false);
            assert_eq!(conv.to_simplified(line), want, "{line}");
            let view = conv.simplified_view(line);
            assert_eq!(view.text, want, "{line}");
            assert_eq!(view.to_original.len(), view.text.chars().count());
            checked += 1;
        }
    }
    println!("t2s lines checked against OpenCC: {checked}");
}
