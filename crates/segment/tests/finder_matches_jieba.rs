//! The crate's own word finder must give jieba-rs `cut(text, true)`'s words,
//! word for word: on the seeds, on the SIGHAN 2005 test inputs (when the
//! shared data is present) and on random mixes of Chinese, ASCII, digits,
//! punctuation and whitespace.

use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;
use taojin_segment::Segmenter;

fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(Segmenter::new)
}

fn jieba_words(text: &str) -> Vec<&str> {
    seg()
        .jieba()
        .cut(text, true)
        .iter()
        .map(|t| t.word)
        .collect()
}

/// The first line where the two disagree, for a readable failure.
fn first_difference(text: &str) -> Option<String> {
    let ours = seg().raw_words(text);
    let theirs = jieba_words(text);
    if ours == theirs {
        return None;
    }
    let at = ours
        .iter()
        .zip(&theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(theirs.len()));
    let lo = at.saturating_sub(3);
    Some(format!(
        "word {at}: ours {:?} jieba {:?}",
        ours.get(lo..(at + 4).min(ours.len())),
        theirs.get(lo..(at + 4).min(theirs.len()))
    ))
}

fn data_dir() -> PathBuf {
    match std::env::var_os("TAOJIN_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

#[test]
fn default_segmenter_uses_its_own_finder() {
    // The build script names the dictionary it found (an empty file when
    // it found none, and the segmenter falls back to jieba-rs).
    let dict = std::fs::metadata(env!("TAOJIN_JIEBA_DICT_PATH")).map_or(0, |m| m.len());
    if dict == 0 {
        eprintln!("note: no jieba dictionary at build time; jieba-rs cut is used");
        assert!(!seg().has_own_finder());
        return;
    }
    assert!(
        seg().has_own_finder(),
        "the embedded dictionary is not jieba's"
    );
}

#[test]
fn a_user_dictionary_switches_back_to_jieba_and_is_honoured() {
    let dir = std::env::temp_dir().join(format!("taojin-finder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("user.txt");
    std::fs::write(&path, "淘金工具箱 1000 n\n").unwrap();
    let with = Segmenter::with_user_dict(&path).unwrap();
    assert!(!with.has_own_finder());
    let text = "这个淘金工具箱很好用";
    assert!(with.raw_words(text).contains(&"淘金工具箱"));
    assert!(!seg().raw_words(text).contains(&"淘金工具箱"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn table_of_hard_cases_matches_jieba() {
    let cases = [
        // Dictionary route with ties and long words.
        "南京市长江大桥欢迎您",
        "结婚的和尚未结婚的",
        "他说的确实在理",
        // Out-of-vocabulary runs through the HMM, names.
        "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
        "杭研大厦的韩冰冰去了趟乌鲁木齐",
        // ASCII inside blocks: versions, percents, connectors.
        "iPhone15售价5999元，涨幅12.5%，版本v1.2.3-beta_2发布",
        "C++和C#是语言，AT&T是公司，a--b与x..y",
        "卡拉OK和T恤，B股上涨",
        // Full-width forms, punctuation, whitespace, \\r\\n.
        "ＡＢＣ１２３，全角！\r\n第二行\n\n  第三行\t制表",
        // Extension-block ideographs and compatibility ideographs.
        "𠀀𠀁中文㐀㐁豈更",
        // Traditional text (jieba sees it as is).
        "臺灣的資訊產業發展迅速，電腦與網路普及",
        "",
        " ",
        "\r",
        "\r\n",
        "中",
        "a",
        "%",
        "-a-",
        "7%%",
    ];
    for text in cases {
        assert_eq!(first_difference(text), None, "{text:?}");
    }
}

#[test]
fn seeds_match_jieba() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        assert_eq!(first_difference(&text), None, "{}", entry.path().display());
        seen += 1;
    }
    assert!(seen > 0, "no seeds read");
}

#[test]
fn sighan_test_inputs_match_jieba() {
    let dir = data_dir().join("sighan2005");
    if !dir.is_dir() {
        eprintln!("note: {} missing, SIGHAN comparison skipped", dir.display());
        return;
    }
    let mut lines = 0;
    for name in ["pku", "msr", "as", "cityu"] {
        let path = dir.join(format!("{name}_test.utf8"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} missing", path.display());
            continue;
        };
        // Whole file at once (blocks run across lines as jieba sees them).
        assert_eq!(first_difference(&text), None, "{}", path.display());
        lines += text.lines().count();
    }
    eprintln!("compared {lines} SIGHAN test lines");
}

/// Pieces random text is built from: common and rare Han chars, words,
/// ASCII letters/digits and the connectors jieba treats specially,
/// punctuation of both widths, whitespace and line ends.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{4E00}-\u{9FA5}]{1,6}",
        3 => prop::sample::select(vec![
            "中国", "人民", "银行", "发展", "经济", "研究生", "生命", "起源", "北京大学",
            "国有企业", "一个", "三位", "的", "了", "是", "在", "和", "小明", "京都",
        ])
        .prop_map(str::to_string),
        2 => "[a-zA-Z0-9]{1,5}",
        2 => "[+#&._%\\-]{1,2}",
        1 => "[\u{3400}-\u{4DBF}\u{F900}-\u{FAFF}\u{20000}-\u{20010}]",
        2 => "[，。！？、；：“”（）《》,.!?;:()]",
        1 => "[ \t\n\r]{1,2}",
        1 => "[ＡＢＣ１２３ａｂｃ]{1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_mixes_match_jieba(pieces in prop::collection::vec(piece(), 0..24)) {
        let text: String = pieces.concat();
        prop_assert_eq!(first_difference(&text), None, "{:?}", text);
    }

    #[test]
    fn arbitrary_text_matches_jieba(text in "\\PC{0,60}") {
        prop_assert_eq!(first_difference(&text), None, "{:?}", text);
    }
}
