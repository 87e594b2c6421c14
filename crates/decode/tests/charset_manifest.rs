//! Encoding detection over the public charset suite
//! (`../shared/data/charset`, or `$TAOJIN_DATA/charset`).

mod common;
use common::data_dir;
use taojin_decode::{detection_report, DetectionReport};

#[test]
fn charset_manifest_targets() {
    let dir = data_dir().join("charset");
    if !dir.join("manifest.tsv").is_file() {
        eprintln!(
            "note: {} not found; skipping the charset suite",
            dir.display()
        );
        return;
    }
    let report: DetectionReport = detection_report(&dir).expect("manifest readable");
    println!("{report}");
    let class = |name: &str| {
        report
            .class(name)
            .map(|c| (c.right, c.total))
            .unwrap_or((0, 0))
    };
    let (chinese, chinese_total) = class("Chinese legacy");
    assert_eq!(
        chinese_total, 54,
        "decodable Chinese legacy files in the suite"
    );
    assert_eq!(
        chinese, chinese_total,
        "every decodable Chinese legacy file"
    );
    let (utf8, utf8_total) = class("Chinese UTF-8");
    assert_eq!(utf8, utf8_total);
    let (controls, controls_total) = class("controls");
    assert_eq!(controls_total, 153);
    assert!(controls >= 150, "controls: {controls} of {controls_total}");
    let (utf16, utf16_total) = class("UTF-16 without BOM");
    assert_eq!(utf16, utf16_total, "UTF-16 without BOM");
    let (unsupported, unsupported_total) = class("HZ / EUC-TW");
    assert_eq!(unsupported, unsupported_total, "HZ decoded, EUC-TW refused");
}
