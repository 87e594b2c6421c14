//! Latin-family mojibake repair on real text from the public charset suite
//! (`../shared/data/charset`): correct text in European and East Asian
//! languages must come back unchanged, and the same text garbled through
//! Windows-1252, Latin-1 or Windows-1251 must come back restored.

use encoding_rs::{Encoding, WINDOWS_1251, WINDOWS_1252};
mod common;
use common::data_dir;
use taojin_core::RepairKind;
use taojin_decode::repair_text;

/// Lines of the suite's files (decoded with their known encoding) that
/// hold non-ASCII text, with the encoding label.
fn suite_lines() -> Option<Vec<(String, String)>> {
    let dir = data_dir().join("charset");
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).ok()?;
    let mut lines = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(label)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let Some(enc) = Encoding::for_label(label.as_bytes()) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(dir.join(file)) else {
            continue;
        };
        let (text, _, malformed) = enc.decode(&bytes);
        if malformed {
            continue;
        }
        for line in text.lines() {
            if !line.is_ascii() {
                lines.push((label.to_string(), line.to_string()));
            }
        }
    }
    Some(lines)
}

/// A way of mis-reading UTF-8.
type Garbler = fn(&str) -> String;

/// UTF-8 of `text` as a single-byte page shows it.
fn shown_as(enc: &'static Encoding, text: &str) -> String {
    enc.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[test]
fn correct_text_of_the_charset_suite_is_unchanged() {
    let Some(lines) = suite_lines() else {
        eprintln!("note: charset suite not found; skipping");
        return;
    };
    let (mut changed, mut latin) = (0, 0);
    for (label, line) in &lines {
        let r = repair_text(line);
        if r.text != *line {
            changed += 1;
            println!("CHANGED [{label}] {line:?}\n     => {:?}", r.text);
        }
        if r.repairs
            .iter()
            .any(|(k, _)| *k == RepairKind::MojibakeLatin1)
        {
            latin += 1;
        }
    }
    println!(
        "charset suite: {changed} of {} non-ASCII lines changed, {latin} by the Latin repair",
        lines.len()
    );
    // One UTF-8 page of the suite holds real mojibake (`gyaloglÃ³`), which
    // is rightly repaired; nothing else may be touched.
    assert!(latin <= 1, "{latin} lines changed by the Latin repair");
}

#[test]
fn garbled_text_of_the_charset_suite_is_restored() {
    let Some(lines) = suite_lines() else {
        eprintln!("note: charset suite not found; skipping");
        return;
    };
    let garblers: [(&str, Garbler); 3] = [
        ("windows-1252", |s| shown_as(WINDOWS_1252, s)),
        ("latin-1", |s| s.bytes().map(char::from).collect()),
        ("windows-1251", |s| shown_as(WINDOWS_1251, s)),
    ];
    for (name, garble) in &garblers {
        let (mut total, mut restored) = (0, 0);
        for (label, line) in &lines {
            if line.chars().count() > 300 {
                continue;
            }
            let bad = garble(line);
            total += 1;
            let got = repair_text(&bad).text;
            if got == *line {
                restored += 1;
            } else if total % 7 == 0 {
                println!("MISS {name} [{label}] {line:?}\n  got {got:?}");
            }
        }
        report_restored(name, restored, total);
    }
}

/// Prints how many garbled lines of a set came back exactly and asserts
/// that at least 99.5% did.
fn report_restored(name: &str, restored: usize, total: usize) {
    println!("{name}: {restored} of {total} garbled lines restored");
    assert!(total > 0);
    assert!(
        restored * 1000 >= total * 995,
        "{name}: only {restored} of {total} restored"
    );
}

/// Clean Chinese corpora (SIGHAN 2005 test texts, Simplified PKU and
/// Traditional CityU) garbled as UTF-8 read with Windows-1252 must come
/// back: Chinese news text is full of signs (`○` `①` `Ⅲ` `‰` `─` `·`)
/// whose mojibake the Chinese path alone does not take.
#[test]
fn garbled_chinese_corpora_are_restored() {
    let dir = data_dir().join("sighan2005");
    for corpus in ["pku", "cityu"] {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{corpus}_test.utf8"))) else {
            eprintln!("note: {corpus}_test.utf8 not found; skipping");
            continue;
        };
        let (mut total, mut restored) = (0, 0);
        for line in text.lines().map(|l| l.trim_end_matches('\r')) {
            total += 1;
            let got = repair_text(&shown_as(WINDOWS_1252, line)).text;
            if got == line {
                restored += 1;
            } else {
                println!("MISS [{corpus}] {line:?}\n  got {got:?}");
            }
        }
        report_restored(corpus, restored, total);
    }
}

/// A long line mixing characters Windows-1252 can and cannot write (here
/// Latin-1 and Latin Extended-A letters, no ASCII) once made the Chinese
/// re-decoding recurse once per unwritable character and overflow the
/// stack; it must come back unchanged.
#[test]
fn long_lines_of_mixed_latin_letters_are_left_alone() {
    let line = "éā".repeat(100_000);
    assert_eq!(repair_text(&line).text, line);
}
