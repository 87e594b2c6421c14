//! Corpus regression: the full output record of every document in `seeds/`
//! is pinned as an insta snapshot under the top-level `snapshots/`.
//! Review changes with `cargo insta review` (or read the `.snap.new` diff).

use std::path::PathBuf;
use taojin_core::{Config, Document};
use taojin_pipeline::input::{read_records, InputSpec};
use taojin_pipeline::Pipeline;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn process_seeds() -> Vec<Document> {
    let pipeline = Pipeline::new(Config::default());
    pipeline.process_records(read_records(&[InputSpec::Path(seeds_dir())]))
}

#[test]
fn seed_records_match_snapshots() {
    let docs = process_seeds();
    assert_eq!(docs.len(), 5, "every seed yields a record");
    for doc in docs {
        // Sources are machine paths; pin the file name only.
        let mut record = doc.clone();
        record.source = PathBuf::from(&doc.source)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        insta::with_settings!({
            snapshot_path => "../../../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(doc.id.clone(), record);
        });
    }
}

/// What the seeds must look like, asserted directly (not only through the
/// snapshots, which a careless review could accept).
#[test]
fn seeds_are_clean() {
    let docs = process_seeds();
    let by_prefix = |p: &str| {
        docs.iter()
            .find(|d| d.id.starts_with(p))
            .expect("seed present")
    };
    let ruby = |t: &str| t.contains("(xié)") || t.contains("(zhèn)") || t.contains("(fā)");
    for p in ["000", "002"] {
        let d = by_prefix(p);
        assert!(!ruby(&d.text), "{p}: ruby pinyin left");
        assert!(
            d.repairs
                .get(&taojin_core::RepairKind::RubyPinyin)
                .copied()
                .unwrap_or(0)
                > 50
        );
    }
    let d = by_prefix("001");
    // `雅安日报/北纬网记者 唐小未`: the reporter, and the outlets she writes for.
    assert_eq!(d.metadata.author.as_deref(), Some("唐小未"));
    assert_eq!(d.metadata.source_site.as_deref(), Some("雅安日报/北纬网"));
    for spam in [
        "AG超玩会",
        "九游",
        "党建得民党走",
        "众跟",
        "心人乘客",
        "民群车辆",
        "友情链接",
        "Powered By",
        "36小时内删除",
        "梅州",
    ] {
        assert!(!d.text.contains(spam), "001: {spam} left in text");
    }
    assert!(
        d.text.contains("人民群众"),
        "001: a real word containing a spam fragment was damaged"
    );
    let d = by_prefix("003");
    for bp in [
        "您当前的位置",
        "字体",
        "—2025—",
        "09:14:15",
        "版权和免责",
        "独家版权",
        "责任编辑",
        "融媒产品",
        "更多资讯",
    ] {
        assert!(!d.text.contains(bp), "003: {bp} left in text");
    }
    assert_eq!(d.metadata.editor.as_deref(), Some("庞舒青"));
    assert_eq!(d.metadata.date.as_deref(), Some("2025-01-09 09:14:15"));
    assert_eq!(d.metadata.source_site.as_deref(), Some("浙江政协同心苑"));
    let d = by_prefix("004");
    // The thread's date is its first post's, not the poster's last
    // check-in above it nor the forum's clock below.
    assert_eq!(d.metadata.date.as_deref(), Some("2021-01-13 09:17"));
    // The reposted article's reporter wrote it (the thread's poster, 雪莲,
    // only stands in when no writer is named), for the paper she names.
    assert_eq!(d.metadata.author.as_deref(), Some("王莹"));
    assert_eq!(d.metadata.source_site.as_deref(), Some("三峡日报"));
    for bp in [
        "找回密码",
        "立即注册",
        "查看:",
        "打卡",
        "发表于",
        "复制链接",
        "使用道具",
        "本版积分规则",
        "Discuz",
        "鄂ICP备",
        "签名",
        "快速回复",
        "GMT+8",
    ] {
        assert!(!d.text.contains(bp), "004: {bp} left in text");
    }
    assert!(
        d.text.contains("坚持以***新时代"),
        "004: censored runs stay in place"
    );
    assert!(d.signals.censored_runs >= 3);
    for d in &docs {
        assert!(d.error.is_none(), "{}: {:?}", d.id, d.error);
        assert!(
            !d.text.contains(",,") && !d.text.contains("，，"),
            "{}: doubled commas",
            d.id
        );
        assert_eq!(d.summary.len(), 3, "{}: three summary sentences", d.id);
        for s in &d.summary {
            assert!(
                d.text.contains(s.as_str()),
                "{}: summary sentence not from the clean text: {s}",
                d.id
            );
        }
        assert!(!d.keywords.is_empty(), "{}: keywords", d.id);
        for r in &d.removed {
            assert!(!r.text.is_empty(), "{}: empty removal", d.id);
        }
    }
    // Titles where the page has one.
    assert!(by_prefix("003")
        .title
        .as_deref()
        .is_some_and(|t| t.contains("衢州政协这样干")));
    assert!(by_prefix("004")
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("同心凝聚共识")));
    assert!(by_prefix("002")
        .title
        .as_deref()
        .is_some_and(|t| t.contains("黨旗領航")));
}

/// Ruby pages that went through mojibake with replacement (UTF-8 bytes read
/// as Windows-1252 the way Python's `errors='replace'` reads them: the five
/// undefined bytes become U+FFFD) lose one byte of most toned vowels. The
/// repaired text keeps `（l�ng）`-shaped annotations, which must go as ruby.
#[test]
fn ruby_goes_after_lossy_mojibake() {
    let pipeline = Pipeline::new(Config::default());
    let clean = process_seeds();
    for p in ["000", "002"] {
        let seed = clean
            .iter()
            .find(|d| d.id.starts_with(p))
            .expect("seed present");
        let path = std::fs::read_dir(seeds_dir())
            .expect("seeds dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|f| {
                f.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(p))
            })
            .expect("seed file");
        let bytes = std::fs::read(&path).expect("seed readable");
        let (read, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        let lossy: String = read
            .chars()
            .map(|c| match c {
                '\u{81}' | '\u{8D}' | '\u{8F}' | '\u{90}' | '\u{9D}' => '\u{FFFD}',
                c => c,
            })
            .collect();
        assert!(lossy.contains('\u{FFFD}'), "{p}: the mojibake is lossy");
        let doc = pipeline.process(
            taojin_core::RawInput {
                id: p.into(),
                source: p.into(),
                content: taojin_core::RawContent::Text(lossy),
            },
            None,
        );
        let chars: Vec<char> = doc.text.chars().collect();
        let left = chars
            .windows(3)
            .filter(|w| {
                matches!(w[0], '(' | '（')
                    && (w[1].is_ascii_lowercase() || w[1] == '\u{FFFD}')
                    && (w[2].is_ascii_lowercase() || w[2] == '\u{FFFD}')
            })
            .count();
        assert_eq!(left, 0, "{p}: ruby left in {}", doc.text);
        // Nearly all of the text is the seed's clean text.
        let mut bag: std::collections::HashMap<char, i64> = Default::default();
        for c in seed.text.chars() {
            *bag.entry(c).or_default() += 1;
        }
        let shared: i64 = doc
            .text
            .chars()
            .filter(|c| {
                let n = bag.entry(*c).or_default();
                *n -= 1;
                *n >= 0
            })
            .count() as i64;
        let n = doc.text.chars().count() as f64;
        assert!(
            shared as f64 / n > 0.95,
            "{p}: {shared} of {n} chars shared"
        );
    }
}
