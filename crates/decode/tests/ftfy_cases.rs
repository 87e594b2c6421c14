//! python-ftfy's own mojibake cases (`../shared/data/ftfy/cases.jsonl`):
//! `original` is the input; the expected output of encoding repair is
//! `fixed-encoding` when present, else `fixed`; `expect` is `pass` for the
//! 151 cases ftfy fixes and `fail` for its 10 known failures.

mod common;
use common::{data_dir, distance};

use taojin_decode::repair_text;

#[test]
fn distance_counts_edits() {
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("政协", "政协"), 0);
}

#[test]
fn ftfy_cases() {
    let path = data_dir().join("ftfy/cases.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} not found; skipping the ftfy cases",
            path.display()
        );
        return;
    };
    let (mut pass_total, mut pass_ok, mut fail_total, mut fail_worse) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let original = case["original"].as_str().expect("original");
        let expected = case
            .get("fixed-encoding")
            .and_then(|v| v.as_str())
            .or(case["fixed"].as_str())
            .expect("fixed");
        let got = repair_text(original).text;
        if case["expect"] == "pass" {
            pass_total += 1;
            if got == expected {
                pass_ok += 1;
            } else {
                println!(
                    "MISS {:?}\n  got  {:?}\n  want {:?}",
                    case["label"], got, expected
                );
            }
        } else {
            fail_total += 1;
            // Worse = further (in edits) from the wanted text than the input was.
            if distance(&got, expected) > distance(original, expected) {
                fail_worse += 1;
                println!("WORSE {:?}\n  got  {:?}", case["label"], got);
            }
        }
    }
    println!("ftfy cases: {pass_ok}/{pass_total} fixed; known failures made worse: {fail_worse}/{fail_total}");
    assert_eq!(pass_total, 151);
    assert!(pass_ok >= 145, "fixed {pass_ok} of {pass_total}");
    assert_eq!(fail_worse, 0);
}
