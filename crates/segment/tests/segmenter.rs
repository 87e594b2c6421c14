//! Segmentation behaviour on real Chinese text, Simplified and Traditional.

use proptest::prelude::*;
use std::sync::OnceLock;
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(Segmenter::new)
}

fn conv() -> &'static ScriptConverter {
    static CONV: OnceLock<ScriptConverter> = OnceLock::new();
    CONV.get_or_init(ScriptConverter::new)
}

#[test]
fn keeps_numbers_dates_urls_and_latin_whole() {
    let table: &[(&str, &[&str])] = &[
        ("海运业按吨位计占世界总数的１７％。", &["１７％"]),
        (
            "１９９８年１２月３１日发表",
            &["１９９８年", "１２月", "３１日"],
        ),
        ("利润增长18.4%，达4600万元", &["18.4%", "4600万"]),
        (
            "详见http://www.example.com/news?id=3。",
            &["http://www.example.com/news?id=3"],
        ),
        ("来信请寄zhang.san@example.cn。", &["zhang.san@example.cn"]),
        ("通过ＩＳＯ９００１认证", &["ＩＳＯ９００１"]),
        ("他用iPhone拍照", &["iPhone"]),
        (
            "（二○○○年十二月三十一日）",
            &["二○○○年", "十二月", "三十一日"],
        ),
    ];
    for (text, want) in table {
        let words = seg().segment(text, conv());
        for w in *want {
            assert!(
                words.iter().any(|x| x == w),
                "{text}: {w} not kept whole in {words:?}"
            );
        }
    }
}

#[test]
fn splits_two_word_compounds_and_numeral_classifiers() {
    let words = seg().cut("国有企业改革取得一项新成果");
    assert!(
        words.starts_with(&["国有".to_string(), "企业".to_string()]),
        "{words:?}"
    );
    assert!(
        words.contains(&"一".to_string()) && words.contains(&"项".to_string()),
        "{words:?}"
    );
    // An idiom's halves are not words, so it stays whole.
    assert!(seg()
        .cut("经济效益与日俱增")
        .contains(&"与日俱增".to_string()));
}

#[test]
fn traditional_text_segments_like_its_simplified_form() {
    let trad = "有外展社工稱，露宿者日間多到商場等冷氣場所避暑";
    let simp = "有外展社工称，露宿者日间多到商场等冷气场所避暑";
    let t_words = seg().segment(trad, conv());
    let s_words = seg().segment(simp, conv());
    assert_eq!(t_words.len(), s_words.len(), "{t_words:?} vs {s_words:?}");
    // Words are slices of the original, in its own script.
    assert!(t_words.contains(&"商場".to_string()), "{t_words:?}");
    assert_eq!(t_words.concat(), trad);
}

#[test]
fn user_dictionary_adds_words() {
    let dir = std::env::temp_dir().join(format!("taojin-seg-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("user.txt");
    std::fs::write(&path, "淘金工具箱 1000 n\n").unwrap();
    let with = Segmenter::with_user_dict(&path).unwrap();
    assert!(with
        .cut("我们的淘金工具箱很好用")
        .contains(&"淘金工具箱".to_string()));
    assert!(!seg()
        .cut("我们的淘金工具箱很好用")
        .contains(&"淘金工具箱".to_string()));
    assert!(Segmenter::with_user_dict(dir.join("missing.txt")).is_err());
    std::fs::write(&path, "坏词 notanumber\n").unwrap();
    assert!(Segmenter::with_user_dict(&path).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_standard_is_an_error() {
    assert!(Segmenter::with_standard("ctb", std::path::Path::new(".")).is_err());
    assert!(Segmenter::with_standard("pku", std::path::Path::new("/nonexistent")).is_err());
}

/// Builds a profile from a word list written to a scratch directory.
fn profile(name: &str, words: &[&str]) -> Segmenter {
    let dir = std::env::temp_dir().join(format!("taojin-seg-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(
        dir.join(format!("{name}_training_words.utf8")),
        words.join("\n"),
    )
    .expect("word list");
    let seg = Segmenter::with_standard(name, &dir).expect("profile");
    let _ = std::fs::remove_dir_all(&dir);
    seg
}

#[test]
fn standard_conventions_follow_the_word_list() {
    // A list shaped like MSR's: numbers carry their units, dates are whole,
    // `…` and `-` are listed single.
    let msr_like = [
        "３个",
        "５个",
        "７个",
        "９个",
        "１１个",
        "３元",
        "４元",
        "５元",
        "６元",
        "８元",
        "１２",
        "１９９７年４月２９日",
        "４月１８日",
        "１９９５年３月",
        "１９９７年",
        "…",
        "-",
        "建成",
        "工厂",
        "投资",
    ];
    let seg = profile("msr", &msr_like);
    let conv = conv();
    let table: &[(&str, &[&str])] = &[
        (
            "１９９８年１２月３１日建成３个工厂",
            &["１９９８年１２月３１日", "建成", "３个", "工厂"],
        ),
        ("投资５００元……", &["投资", "５００元", "…", "…"]),
        ("编号A-1---B", &["编号", "A-1", "-", "-", "-", "B"]),
    ];
    for (text, want) in table {
        assert_eq!(seg.segment(text, conv), want.to_vec(), "{text}");
    }
    // A list shaped like PKU's keeps bare numbers, date parts and `……`.
    let pku_like = [
        "３",
        "５",
        "１２",
        "５００",
        "１９９７年",
        "４月",
        "２９日",
        "……",
        "…",
    ];
    let seg = profile("pku", &pku_like);
    assert_eq!(
        seg.segment("１９９８年１２月３１日建成３个工厂……", conv),
        vec![
            "１９９８年",
            "１２月",
            "３１日",
            "建成",
            "３",
            "个",
            "工厂",
            "……"
        ]
    );
}

#[test]
fn tags_words_with_parts_of_speech() {
    let tags = seg().tag("我们在北京学习");
    assert!(
        tags.contains(&("北京".to_string(), "ns".to_string())),
        "{tags:?}"
    );
    assert!(
        tags.iter().any(|(w, t)| w == "学习" && t.starts_with('v')),
        "{tags:?}"
    );
}

#[test]
fn apply_fills_tokens_and_view() {
    let doc = taojin_core::Document {
        text: "許多社區長青學苑\n多開設有書法班".into(),
        ..Default::default()
    };
    let out = seg().apply(doc, conv());
    assert_eq!(out.tokens.concat(), "許多社區長青學苑多開設有書法班");
    assert!(out.analysis.is_some_and(|v| v.text.starts_with("许多社区")));
}

/// The words of `text` through the full Simplified view (with its offset
/// map), the reference the lean paths must agree with.
fn words_through_full_view(text: &str) -> Vec<String> {
    seg().cut_mapped(text, &conv().simplified_view(text))
}

#[test]
fn lean_paths_agree_with_the_full_view_on_the_seeds() {
    // `segment` and `tokens` build no more of a view than they need (none
    // for Simplified text); the words must be exactly those the full view
    // gives, on real Simplified and Traditional pages.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: no seeds at {}, skipping", dir.display());
        return;
    };
    let mut checked = 0;
    for path in entries.flatten().map(|e| e.path()) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let want = words_through_full_view(&text);
        assert_eq!(seg().segment(&text, conv()), want, "{}", path.display());
        assert_eq!(
            seg().tokens(&text, conv()).to_vec(),
            want,
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 0, "no seed could be read in {}", dir.display());
}

proptest! {
    #[test]
    fn lean_paths_agree_with_the_full_view(
        text in "[許多社區長青學苑開設書法乾隆著名後來，。「」 a-zA-Z0-9０-９%.\\-—\n汉字国有企业一项二○年月日@:/]{0,60}|\\PC{0,30}"
    ) {
        let want = words_through_full_view(&text);
        prop_assert_eq!(seg().segment(&text, conv()), want.clone());
        prop_assert_eq!(seg().tokens(&text, conv()).to_vec(), want);
    }

    #[test]
    fn mapped_tokens_rebuild_the_original_without_whitespace(
        text in "[許多社區長青學苑開設書法插花土風舞班，。「」 a-zA-Z0-9０-９%.\\-—\n\u{3000}汉字国有企业一项二○年月日@:/]{0,60}"
    ) {
        let words = seg().segment(&text, conv());
        let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(words.concat(), want);
        prop_assert!(words.iter().all(|w| !w.is_empty() && !w.chars().any(char::is_whitespace)));
    }

    #[test]
    fn arbitrary_strings_never_panic_and_keep_characters(text in "\\PC{0,40}") {
        let words = seg().segment(&text, conv());
        let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(words.concat(), want);
    }
}
