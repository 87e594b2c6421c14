//! Repair of Chinese text: every kind of mojibake the stage handles, damaged
//! double-byte runs (the seed's real damage and synthetic damage made from
//! real sentences), and the promise that correct text is never touched.

mod common;
use common::distance;

use encoding_rs::{BIG5, GBK, WINDOWS_1252};
use proptest::prelude::*;
use taojin_core::{Reason, RepairKind};
use taojin_decode::{decode, repair_text};

/// Real Chinese sentences (news and government-report style), Simplified
/// and Traditional, written for these tests.
const SENTENCES: &[&str] = &[
    "远安县政协组织部分政协委员开展专题视察并进行现场协商。",
    "发布会在北京举行，多家媒体记者到场采访。",
    "近年来，县政协秉持协商民主理念，推动地方高质量发展。",
    "该县新建镇委员履职小组聚焦农村闲置宅基地盘活利用等课题开展调研。",
    "经济学家认为，今年第三季度的消费数据好于市场预期。",
    "隆安縣政協秉持以黨建引領政協工作高質量發展的理念。",
    "在黨建聯建的基礎上，縣政協將民生議事堂與委員履職小組深度融合。",
    "氣象部門提醒市民注意防範強降雨天氣，減少不必要的外出。",
    "学校图书馆新增了三千多册图书，供学生课余时间借阅。",
    "专家建议，老年人应当适量运动，保持规律的作息时间。",
];

fn utf8_read_as(enc: &'static encoding_rs::Encoding, text: &str) -> String {
    enc.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// What a GBK round trip does to UTF-8: decode as GBK, save again with
/// `?` for every character that could not be decoded.
fn gbk_mojibake_saved(text: &str) -> String {
    utf8_read_as(GBK, text).replace('\u{fffd}', "?")
}

fn count(r: &taojin_decode::Repaired, kind: RepairKind) -> u32 {
    r.repairs
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |(_, n)| *n)
}

#[test]
fn utf8_read_as_gbk_is_restored() {
    for &s in SENTENCES {
        let broken = gbk_mojibake_saved(s);
        assert_ne!(broken, s);
        let r = repair_text(&broken);
        assert_eq!(r.text, s, "from {broken}");
        assert!(count(&r, RepairKind::MojibakeGbk) >= 1);
    }
}

#[test]
fn utf8_read_as_windows_1252_or_latin1_is_restored() {
    for &s in SENTENCES {
        // Windows-1252 with its five undefined bytes lost as U+FFFD.
        let cp1252 = utf8_read_as(WINDOWS_1252, s);
        let r = repair_text(&cp1252);
        assert_eq!(r.text, s, "from {cp1252}");
        assert!(count(&r, RepairKind::MojibakeLatin1) >= 1);
        // Latin-1: undefined bytes became C1 controls.
        let latin1: String = s.bytes().map(char::from).collect();
        assert_eq!(repair_text(&latin1).text, s, "from {latin1:?}");
    }
}

#[test]
fn utf8_read_as_big5_is_restored_where_lossless() {
    // Big5 mis-decoding of UTF-8 loses bytes for most text; the words whose
    // bytes came through intact (found by trying every adjacent pair of
    // characters in the sample sentences) must be restored.
    let mut restored = 0;
    for &s in SENTENCES {
        let chars: Vec<char> = s.chars().filter(|&c| taojin_core::is_han(c)).collect();
        for pair in chars.windows(2) {
            let word: String = pair.iter().collect();
            let (broken, had_errors) = BIG5.decode_without_bom_handling(word.as_bytes());
            if had_errors || broken.chars().count() < 2 {
                continue;
            }
            let r = repair_text(&broken);
            assert_eq!(r.text, word, "from {broken}");
            assert_eq!(count(&r, RepairKind::MojibakeBig5), 1);
            restored += 1;
        }
    }
    println!("big5 lossless words restored: {restored}");
    assert!(restored >= 3, "too few lossless samples: {restored}");
}

#[test]
fn mojibake_is_repaired_per_span_in_mixed_lines() {
    let line = format!(
        "新闻：{} 2024年 {}",
        gbk_mojibake_saved("发布会在北京举行"),
        utf8_read_as(WINDOWS_1252, "政协委员")
    );
    let r = repair_text(&line);
    assert_eq!(r.text, "新闻：发布会在北京举行 2024年 政协委员");
    assert!(count(&r, RepairKind::MojibakeGbk) >= 1 && count(&r, RepairKind::MojibakeLatin1) >= 1);
}

#[test]
fn replacement_characters_through_gbk_are_dropped_as_garbage() {
    let r = repair_text("锟斤拷锟斤拷政协委员开展视察");
    assert_eq!(r.text, "政协委员开展视察");
    assert_eq!(r.removed.len(), 1);
    assert_eq!(r.removed[0].reason, Reason::Garbage);
    assert_eq!(r.removed[0].line, Some(1));
    let r = repair_text("第一行\n政协\u{fffd}\u{fffd}委员");
    assert_eq!(r.text, "第一行\n政协委员");
    assert_eq!(r.removed[0].line, Some(2));
    assert_eq!(count(&r, RepairKind::GarbageDropped), 1);
}

fn seed_line(needle: &str) -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).ok()? {
        let text = std::fs::read_to_string(entry.ok()?.path()).ok()?;
        if let Some(line) = text.lines().find(|l| l.contains(needle)) {
            return Some(line.to_string());
        }
    }
    None
}

#[test]
fn seed_damaged_runs_are_realigned() {
    for (damaged, repaired) in [
        ("注入強勁動能??h政協", "注入強勁動能。縣政協"),
        ("?!拔鬣l(xiāng)共濟", "。“西鄉(xiāng)共濟"),
    ] {
        let Some(line) = seed_line(damaged) else {
            eprintln!("note: seed line with {damaged} not found; skipping");
            continue;
        };
        let r = repair_text(&line);
        assert!(r.text.contains(repaired), "{damaged} -> {}", r.text);
        assert!(count(&r, RepairKind::RealignedDoubleByte) >= 2);
        assert!(!r.text.contains('?'));
    }
}

/// Synthetic damage: GBK bytes of real sentences with a lead byte's high bit
/// cleared after a lost punctuation mark (`?`), as in the seed.
#[test]
fn synthetic_high_bit_damage_is_realigned() {
    let (mut exact, mut total) = (0, 0);
    for pair in SENTENCES.windows(2) {
        let text = format!("{}{}", pair[0].trim_end_matches('。'), pair[1]);
        // Damage the clause boundary: `。` lost as `?`, then the next
        // character's lead byte loses its high bit.
        let first: String = pair[0].trim_end_matches('。').to_string();
        let (a, _, _) = GBK.encode(&first);
        let (b, _, _) = GBK.encode(pair[1]);
        let mut bytes = a.into_owned();
        bytes.push(b'?');
        let mut rest = b.into_owned();
        rest[0] &= 0x7f;
        bytes.extend_from_slice(&rest);
        let damaged = GBK.decode_without_bom_handling(&bytes).0.into_owned();
        let expected = format!("{}。{}", first, pair[1]);
        let r = repair_text(&damaged);
        total += 1;
        if r.text == expected {
            exact += 1;
        }
        assert!(
            distance(&r.text, &expected) <= distance(&damaged, &expected),
            "{damaged} -> {}",
            r.text
        );
        let _ = text;
    }
    println!("high-bit damage: {exact}/{total} restored exactly");
    assert!(exact * 10 >= total * 6, "{exact}/{total}");
}

/// Synthetic damage: a lead byte lost inside a sentence, so its trail byte
/// survives as ASCII after a `?`.
#[test]
fn synthetic_lost_lead_never_makes_text_worse() {
    for &s in SENTENCES {
        let (bytes, _, _) = GBK.encode(s);
        let chars: Vec<char> = s.chars().collect();
        // Damage the fourth character when its trail byte is an ASCII letter.
        for k in 3..chars.len().saturating_sub(2) {
            let offset: usize = chars[..k]
                .iter()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum();
            let trail = bytes[offset + 1];
            if !trail.is_ascii_alphabetic() {
                continue;
            }
            let mut damaged_bytes = bytes[..offset].to_vec();
            damaged_bytes.push(b'?');
            damaged_bytes.extend_from_slice(&bytes[offset + 1..]);
            let damaged = GBK
                .decode_without_bom_handling(&damaged_bytes)
                .0
                .into_owned();
            let r = repair_text(&damaged);
            assert!(!r.text.contains('?'), "{damaged} -> {}", r.text);
            assert!(
                distance(&r.text, s) <= distance(&damaged, s),
                "{damaged} -> {}",
                r.text
            );
        }
    }
}

#[test]
fn correct_text_is_unchanged() {
    let samples = [
        "The quick brown fox jumps over the lazy dog.",
        "Le château se trouve à côté de l’église; où est-il? À bientôt, Hélène.",
        "Größere Übungen für Bürger: Straße, Maß und Fußgänger.",
        "Ça coûte 12,50 € — très cher, n’est-ce pas ?",
        "今天的会议讨论了三个问题：预算、人事和培训。",
        "你好吗?我很好!谢谢。",
        "臺灣的夜市文化豐富多彩，吸引了許多觀光客。",
        "日本語の文章もそのまま残ります。東京は晴れです。",
        "한국어 문장도 그대로 둡니다.",
        "温度为25°C，湿度为60%，风速3m/s。",
        "价格：¥128.00 × 2 = ¥256.00",
        "电话：010-12345678 · 邮箱：info@example.com",
        "“协商民主﹢N”模式",
    ];
    for s in samples.iter().chain(SENTENCES) {
        let r = repair_text(s);
        assert_eq!(r.text, *s);
        assert!(
            r.repairs.is_empty() && r.removed.is_empty(),
            "{s}: {:?}",
            r.repairs
        );
    }
}

#[test]
fn decode_then_repair_on_gbk_bytes() {
    let text = SENTENCES.concat();
    let (bytes, _, _) = GBK.encode(&text);
    let d = decode(&bytes).expect("decodes");
    assert_eq!(d.encoding, "GBK");
    assert_eq!(repair_text(&d.text).text, text);
}

#[test]
fn decode_errors_are_one_line_messages() {
    for e in [
        decode(b"").unwrap_err(),
        decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
    ] {
        let msg = e.to_string();
        assert!(!msg.is_empty() && !msg.contains('\n'), "{msg}");
    }
    let euc_tw = taojin_decode::DecodeError::Unsupported("EUC-TW").to_string();
    assert!(euc_tw.contains("EUC-TW"));
}

#[test]
fn a_repair_that_gives_context_to_the_next_is_carried_through() {
    // Found by `repair_is_idempotent_on_mojibake_like_text`: one round
    // decoded the second `鍙斤�?` and left `鍙?`, which a second round,
    // with that context, repaired. Repairing runs until nothing changes.
    let once = repair_text("鍙?。竷?鍙斤�?").text;
    assert_eq!(repair_text(&once).text, once);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn repair_never_panics_and_is_idempotent(s in "\\PC{0,80}") {
        let once = repair_text(&s).text;
        let twice = repair_text(&once).text;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn repair_is_idempotent_on_mojibake_like_text(
        s in "[ÃÂâ€œ™é锟斤拷鍙戝竷?�a-z 政协。]{0,40}"
    ) {
        let once = repair_text(&s).text;
        prop_assert_eq!(repair_text(&once).text, once);
    }

    #[test]
    fn correct_chinese_is_unchanged(picks in proptest::collection::vec(0..SENTENCES.len(), 1..6), sep in "[ \n]?") {
        let text: Vec<&str> = picks.iter().map(|&i| SENTENCES[i]).collect();
        let text = text.join(&sep);
        prop_assert_eq!(repair_text(&text).text, text);
    }
}

/// Clean published corpora (SIGHAN 2005 test texts: PKU and MSR
/// Simplified, AS and CityU Traditional) must come back unchanged: every
/// repair there would be a false positive.
#[test]
fn clean_corpora_are_unchanged() {
    let dir = std::env::var_os("TAOJIN_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        })
        .join("sighan2005");
    for corpus in ["pku", "msr", "as", "cityu"] {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{corpus}_test.utf8"))) else {
            eprintln!("note: {corpus}_test.utf8 not found; skipping");
            continue;
        };
        let r = repair_text(&text);
        assert!(
            r.repairs.is_empty(),
            "{corpus}: {:?} {:?}",
            r.repairs,
            r.removed.first()
        );
        assert!(r.text == text, "{corpus} changed");
    }
}

#[test]
fn japanese_with_a_stray_letter_is_not_realigned() {
    // A Han run ending in a lone ASCII letter looks like GBK decoded out of
    // phase, but two kana in a row mark Japanese (from a Shift_JIS page of
    // the charset suite, typo `y` included): nothing may change.
    for line in [
        "外部施設の使用料、講座などの受講費y用、外部教育機関への研修委託費",
        "日本語の文章ですB。",
    ] {
        assert_eq!(repair_text(line).text, line);
    }
}

/// UTF-8 read as GBK and saved again, as a page in that state shows it: a
/// GBK lead byte before ASCII is lost as U+FFFD.
fn utf8_read_as_gbk(text: &str) -> String {
    utf8_read_as(GBK, text)
}

#[test]
fn euro_sign_of_gbk_mojibake_is_read_either_way() {
    // GBK decodes the pair A2 E3 as `€` as well as the byte 0x80: here
    // `波` (E6 B3 A2) and `、` (E3 80 81) meet in A2 E3.
    for text in [
        "为薄一波、宋任穷、张三",
        "他到过法院、检察院等单位。",
        "这里的水波。",
        "依照最高人民法院《关于审理人身损害赔偿案件",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
}

#[test]
fn symbols_of_chinese_text_are_restored_in_gbk_mojibake() {
    // `×` (C3 97) reads as GBK `脳`; before ASCII it loses its last byte.
    for text in [
        "请对鄂Ａ××号重型半挂牵引车进行检验。",
        "其中680元×55%计算。",
        "今天最高气温25℃，湿度较大。",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
}

#[test]
fn lost_bytes_beside_numbers_read_as_beside_numerals() {
    // A character after a number is read as after a numeral (`5月`), a
    // numeral is not written against digits (`五2017`), and the pair model
    // does not join characters across a number (`年5月` is not `年末`).
    for text in [
        "本院在2017年5月11日立案受理。",
        "原告在2017年7月3日向本院起诉。",
        "本案第3次开庭在6月举行。",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
}

#[test]
fn lost_bytes_before_ascii_punctuation_end_a_word() {
    // A character before `,` ends a word: `了` does, `人` seldom.
    for text in [
        "会议时间提前了,请大家准时参加。",
        "各地报送具体项目,经审核后公布。",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
}

#[test]
fn gbk_text_with_euro_and_times_signs_is_left_alone() {
    // Real text (decoded from GBK bytes) with the symbols the repair now
    // restores: nothing to undo.
    for text in [
        "票价为12€，约合人民币95元。",
        "长×宽×高为3×2×1米，重约500公斤。",
        "气温-5℃至3℃，北风3级。",
        "价格：128.00元 × 2 = 256.00元",
    ] {
        let (bytes, _, _) = GBK.encode(text);
        let decoded = GBK.decode_without_bom_handling(&bytes).0.into_owned();
        assert_eq!(decoded, text);
        let r = repair_text(&decoded);
        assert_eq!(r.text, text);
        assert!(r.repairs.is_empty(), "{text}: {:?}", r.repairs);
    }
}

#[test]
fn a_page_votes_on_its_own_lost_bytes() {
    // A judgment names its parties `李某1`, `王某2` throughout. Where the
    // run before the number has an odd number of characters, `某` loses
    // its last byte, and on its own the model reads `查` (E6 9F A5, next
    // to `某` E6 9F 90); where the run is even, the page shows `某` whole
    // before a number, and that decides the lost ones.
    let text = "原告李某1与被告王某2民间借贷纠纷一案，本院立案后依法适用简易程序。\n\
                原告李某1诉称，被告王某2向其借款。\n\
                被告王某2辩称，原告李某1所述不实。";
    let broken = utf8_read_as_gbk(text);
    assert!(broken.contains('\u{fffd}'), "{broken}");
    assert_eq!(repair_text(&broken).text, text, "from {broken}");
}

#[test]
fn a_short_page_without_evidence_reads_as_before() {
    // `于` loses its last byte before the year; alone, the commoner `人`
    // wins, as it did before pages had a say. Where the same page shows
    // `于` whole before a number (`本案于`, an even run), `于` wins.
    let alone = utf8_read_as_gbk("本院于2017年立案。");
    assert_eq!(repair_text(&alone).text, "本院人2017年立案。");
    let text = "本院于2017年立案。\n经审理本案于2018年审结。";
    let broken = utf8_read_as_gbk(text);
    assert_eq!(repair_text(&broken).text, text, "from {broken}");
    // A page whose whole characters say nothing about the candidates
    // keeps the model's choice too.
    let unrelated = utf8_read_as_gbk("本院于2017年立案。\n今天天气很好。");
    assert!(
        repair_text(&unrelated).text.starts_with("本院人2017年"),
        "{}",
        repair_text(&unrelated).text
    );
}

#[test]
fn a_closing_bracket_closes_what_the_line_opened() {
    // `】` (E3 80 91) loses its last byte before the date; `。` (E3 80 82)
    // is commoner, but the line opened `【`.
    for text in [
        "【蘇州之聲】2023年03月13日",
        "【苏州之声】2023年03月13日",
        "依照《民法典》2021年施行的规定。",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
    // Without an open bracket the full stop stays.
    let text = "本院依法审理终结。2023年03月13日";
    let broken = utf8_read_as_gbk(text);
    assert_eq!(repair_text(&broken).text, text, "from {broken}");
}

#[test]
fn a_page_names_its_parties_its_own_way() {
    // `、杨某2`: an odd run, `某` lost; the dictionary knows `杨柳` (a
    // willow). The page never shows `某` whole before a number, but it
    // shows the pair `杨某` whole (`杨某诉称`, an even run).
    let alone = utf8_read_as_gbk("、杨某2。");
    assert_eq!(repair_text(&alone).text, "、杨柳2。");
    for text in [
        "、杨某2。\n杨某诉称，借款属实。",
        "原告杨某1、杨某2与被告杨某3继承纠纷一案，原告杨某1诉称。",
    ] {
        let broken = utf8_read_as_gbk(text);
        assert_eq!(repair_text(&broken).text, text, "from {broken}");
    }
}
