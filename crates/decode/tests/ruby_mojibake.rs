//! UTF-8 pages with flattened ruby pinyin (`協(xié)商(shāng)`) that were read
//! as GBK and saved again: every Han character is followed by ASCII, so the
//! GBK decoder loses the last byte of each odd-length Han run, and the tone
//! letters of the pinyin turn into Han characters. The repair must give back
//! the pinyin exactly and nearly all of the Han characters.

mod common;

use encoding_rs::{BIG5, GBK};
use pinyin::ToPinyin;
use proptest::prelude::*;
use taojin_core::{is_han, RepairKind};
use taojin_decode::repair_text;

/// Sentences with ruby written by hand, Traditional and Simplified (the
/// readings as a ruby page gives them: neutral tones unmarked).
const ANNOTATED: &[&str] = &[
    "協(xié)商(shāng)議(yì)政(zhèng)是(shì)人(rén)民(mín)政(zhèng)協(xié)的(de)重(zhòng)要(yào)職(zhí)能(néng)。",
    "今(jīn)天(tiān)的(de)天(tiān)氣(qì)很(hěn)好(hǎo)，我(wǒ)們(men)去(qù)公(gōng)園(yuán)散(sàn)步(bù)吧(ba)。",
    "学(xué)校(xiào)图(tú)书(shū)馆(guǎn)新(xīn)增(zēng)了(le)三(sān)千(qiān)多(duō)册(cè)图(tú)书(shū)。",
    "綠(lǜ)色(sè)發(fā)展(zhǎn)理(lǐ)念(niàn)深(shēn)入(rù)人(rén)心(xīn)。",
    "原(yuán)告(gào)金(jīn)月(yuè)英(yīng)訴(sù)被(bèi)告(gào)舒(shū)峰(fēng)、舒(shū)建(jiàn)國(guó)侵(qīn)權(quán)責(zé)任(rèn)糾(jiū)紛(fēn)。",
    "阿(ā)姨(yí)在(zài)市(shì)場(chǎng)買(mǎi)了(le)兩(liǎng)斤(jīn)蘋(píng)果(guǒ)。",
];

/// Plain sentences written for these tests (news, legal and everyday
/// register); the tests annotate them with a dictionary's first reading.
const PLAIN: &[&str] = &[
    "远安县政协组织部分政协委员开展专题视察并进行现场协商。",
    "发布会在北京举行，多家媒体记者到场采访。",
    "近年来，县政协秉持协商民主理念，推动地方高质量发展。",
    "经济学家认为，今年第三季度的消费数据好于市场预期。",
    "隆安縣政協秉持以黨建引領政協工作高質量發展的理念。",
    "在黨建聯建的基礎上，縣政協將民生議事堂與委員履職小組深度融合。",
    "氣象部門提醒市民注意防範強降雨天氣，減少不必要的外出。",
    "专家建议，老年人应当适量运动，保持规律的作息时间。",
    "法院經審理查明，被告未按合同約定支付貨款，應承擔違約責任。",
    "本院認為，原告的訴訟請求符合法律規定，予以支持。",
    "市政府召开常务会议，研究部署下一阶段的防汛工作。",
    "這座城市的公共交通十分便利，地鐵線路覆蓋了主要街區。",
    "农民合作社带动周边村民种植蔬菜，增加了家庭收入。",
    "圖書館將於下週一起延長開放時間，方便讀者借閱。",
    "我们要坚持以人民为中心的发展思想，不断改善民生。",
    "兩岸學者就傳統文化的保護與傳承進行了深入交流。",
];

/// Ruby annotation the way ruby pages are flattened: every Han character
/// followed by its reading in brackets.
fn annotate(text: &str, reading: impl Fn(char) -> Option<String>) -> String {
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if let Some(r) = is_han(c).then(|| reading(c)).flatten() {
            out.push('(');
            out.push_str(&r);
            out.push(')');
        }
    }
    out
}

fn tone_marks(c: char) -> Option<String> {
    c.to_pinyin().map(|p| p.with_tone().to_string())
}

/// A reading with its tone as a trailing digit (`yuán` -> `yuan2`).
fn tone_number(reading: &str) -> String {
    const MARKED: [&str; 6] = ["āēīōūǖ", "áéíóúǘ", "ǎěǐǒǔǚ", "àèìòùǜ", "aeiouü", "AEIOUÜ"];
    let mut tone = 5;
    let mut plain = String::new();
    for c in reading.chars() {
        match MARKED[..4].iter().position(|set| set.contains(c)) {
            Some(t) => {
                tone = t + 1;
                let k = MARKED[t].chars().position(|m| m == c).unwrap_or(0);
                plain.extend(MARKED[4].chars().nth(k));
            }
            None => plain.push(c),
        }
    }
    format!("{plain}{tone}")
}

fn gbk_mojibake(text: &str) -> String {
    GBK.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// The text without its bracketed annotations, and the annotations.
fn split_ruby(text: &str) -> (Vec<char>, Vec<String>) {
    let (mut base, mut notes) = (Vec::new(), Vec::new());
    let mut note: Option<String> = None;
    for c in text.chars() {
        match (c, note.as_mut()) {
            ('(' | '（', None) => note = Some(String::new()),
            (')' | '）', Some(_)) => notes.extend(note.take()),
            (c, Some(n)) => n.push(c),
            (c, None) => base.push(c),
        }
    }
    (base, notes)
}

/// Han characters restored (all of them less the edit distance between
/// the Han text of the repair and of the original), and Han characters in all.
fn han_restored(repaired: &str, original: &str) -> (usize, usize) {
    let han = |text: &str| -> String {
        split_ruby(text)
            .0
            .into_iter()
            .filter(|&c| is_han(c))
            .collect()
    };
    let (got, want) = (han(repaired), han(original));
    let total = want.chars().count();
    (total.saturating_sub(common::distance(&got, &want)), total)
}

fn gbk_repairs(r: &taojin_decode::Repaired) -> u32 {
    r.repairs
        .iter()
        .find(|(k, _)| *k == RepairKind::MojibakeGbk)
        .map_or(0, |(_, n)| *n)
}

#[test]
fn hand_annotated_ruby_is_restored() {
    let (mut same, mut total) = (0, 0);
    for &s in ANNOTATED {
        let broken = gbk_mojibake(s);
        assert!(broken.contains('\u{fffd}'), "{broken}");
        let r = repair_text(&broken);
        assert_eq!(split_ruby(&r.text).1, split_ruby(s).1, "from {broken}");
        assert!(gbk_repairs(&r) >= 2, "{:?}", r.repairs);
        let (a, b) = han_restored(&r.text, s);
        same += a;
        total += b;
    }
    eprintln!("hand-annotated ruby: {same}/{total} Han restored");
    // The one miss: `氣` as `气`, its neighbour in Unicode with the same
    // reading, a character Big5 also holds and the model knows better.
    assert!(same + 1 >= total, "{same}/{total}");
}

/// Garbles each sentence of `PLAIN` annotated by `annotate`, repairs it,
/// checks that every annotation comes back as it was (tone letters and
/// digits lose no byte) and returns the Han characters restored, of all.
fn restored_with_ruby(annotate_one: impl Fn(&str) -> String) -> (usize, usize) {
    let (mut same, mut total) = (0, 0);
    for &s in PLAIN {
        let ruby = annotate_one(s);
        let r = repair_text(&gbk_mojibake(&ruby));
        assert_eq!(split_ruby(&r.text).1, split_ruby(&ruby).1, "{}", r.text);
        let (a, b) = han_restored(&r.text, &ruby);
        same += a;
        total += b;
    }
    (same, total)
}

#[test]
fn dictionary_annotated_ruby_restores_pinyin_and_most_han() {
    let (same, total) = restored_with_ruby(|s| annotate(s, tone_marks));
    let share = same as f64 / total as f64;
    eprintln!("ruby with tone marks: {same}/{total} Han restored ({share:.3})");
    assert!(share >= 0.97, "{same}/{total}");
}

/// Readings with tone numbers (`yuan2`) are readings too.
#[test]
fn tone_number_ruby_is_restored() {
    let (same, total) =
        restored_with_ruby(|s| annotate(s, |c| tone_marks(c).map(|r| tone_number(&r))));
    let share = same as f64 / total as f64;
    eprintln!("ruby with tone numbers: {same}/{total} Han restored ({share:.3})");
    assert!(share >= 0.97, "{same}/{total}");
}

/// Text spaced out character by character (titles, names) has no readings:
/// the Han characters are chosen from the sentence alone, jointly across
/// the spaces.
#[test]
fn spaced_out_text_is_chosen_from_context() {
    let (mut same, mut total) = (0, 0);
    for &s in PLAIN {
        let spaced: String = s.chars().flat_map(|c| [c, ' ']).collect();
        let r = repair_text(&gbk_mojibake(&spaced));
        let (a, b) = han_restored(&r.text.replace(' ', ""), s);
        same += a;
        total += b;
    }
    let share = same as f64 / total as f64;
    eprintln!("spaced-out text: {same}/{total} Han restored ({share:.3})");
    assert!(share >= 0.70, "{same}/{total}");
}

/// Ruby in full-width brackets: the first letter of each reading follows an
/// odd byte and becomes the trail of a double-byte character (`（c` reads
/// as `锛坈`), so runs hold letters and ASCII no longer separates them.
#[test]
fn full_width_bracket_ruby_is_restored() {
    let (same, total) = restored_with_ruby(|s| {
        annotate(s, tone_marks)
            .replace('(', "（")
            .replace(')', "）")
    });
    let share = same as f64 / total as f64;
    eprintln!("ruby in full-width brackets: {same}/{total} Han restored ({share:.3})");
    assert!(share >= 0.97, "{same}/{total}");
}

/// Words of the SIGHAN 2005 training vocabularies (Simplified PKU,
/// Traditional CityU), four to a line with ruby: little sentence context,
/// so the readings do most of the work.
#[test]
fn training_vocabulary_with_ruby() {
    let dir = common::data_dir().join("sighan2005");
    for corpus in ["pku", "cityu"] {
        let path = dir.join(format!("{corpus}_training_words.utf8"));
        let Ok(words) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} not found; skipping", path.display());
            return;
        };
        let words: Vec<&str> = words
            .lines()
            .map(|w| w.trim_start_matches('\u{feff}').trim())
            .filter(|w| w.chars().count() >= 2 && w.chars().all(is_han))
            .take(2000)
            .collect();
        let (mut same, mut total, mut pinyin_ok, mut lines) = (0, 0, 0, 0);
        for group in words.chunks(4) {
            let line = group.join("，") + "。";
            let ruby = annotate(&line, tone_marks);
            let r = repair_text(&gbk_mojibake(&ruby));
            pinyin_ok += usize::from(split_ruby(&r.text).1 == split_ruby(&ruby).1);
            lines += 1;
            let (a, b) = han_restored(&r.text, &ruby);
            same += a;
            total += b;
        }
        let share = same as f64 / total as f64;
        eprintln!(
            "{corpus} vocabulary: {same}/{total} Han restored ({share:.3}), pinyin exact on {pinyin_ok}/{lines} lines"
        );
        assert!(share >= 0.90, "{corpus}: {same}/{total}");
        assert!(
            pinyin_ok * 100 >= lines * 99,
            "{corpus}: {pinyin_ok}/{lines}"
        );
    }
}

/// The seed page with partial ruby (only some characters annotated), read
/// as GBK: its lines must come back as they were.
#[test]
fn seed_page_with_partial_ruby_is_restored() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let Some(path) = std::fs::read_dir(&dir).ok().and_then(|d| {
        d.filter_map(Result::ok).map(|e| e.path()).find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("000_"))
        })
    }) else {
        eprintln!("note: seed 000 not found; skipping");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let (mut same, mut total) = (0, 0);
    for line in text.lines().filter(|l| l.contains("(x")).take(20) {
        let r = repair_text(&gbk_mojibake(line));
        let (a, b) = han_restored(&r.text, line);
        same += a;
        total += b;
    }
    let share = same as f64 / total.max(1) as f64;
    eprintln!("seed 000 lines with ruby: {same}/{total} Han restored ({share:.3})");
    assert!(total > 0 && share >= 0.90, "{same}/{total}");
}

/// Correct text with ruby, and correct GBK text holding ASCII, is never
/// touched.
#[test]
fn correct_text_with_ruby_or_ascii_is_unchanged() {
    let decoded_gbk = |s: &str| {
        let (bytes, _, _) = GBK.encode(s);
        GBK.decode_without_bom_handling(&bytes).0.into_owned()
    };
    let mixed = [
        "第3章(上)：2024年GDP增长5.2%，CPI(居民消费价格指数)上涨0.2%。",
        "他说(笑)：OK，我们明天(周六)见。",
        "表(1)、表(2)和图(a)见附录(B)。",
        "Pokémon(宝可梦)在中国大陆的正式译名于2016年公布。",
    ];
    for s in ANNOTATED.iter().chain(&mixed) {
        for text in [s.to_string(), decoded_gbk(s)] {
            let r = repair_text(&text);
            assert_eq!(r.text, text);
            assert!(r.repairs.is_empty(), "{text}: {:?}", r.repairs);
        }
    }
}

/// UTF-8 read as Big5 loses far more (a lead byte takes a non-ASCII byte
/// that is no Big5 trail with it): nothing may get worse, and the pinyin,
/// where its bytes survived, comes back.
#[test]
fn big5_misreading_of_ruby_never_gets_worse() {
    let (mut exact, mut notes) = (0, 0);
    for &s in ANNOTATED {
        let broken = BIG5
            .decode_without_bom_handling(s.as_bytes())
            .0
            .into_owned();
        let r = repair_text(&broken);
        assert!(
            common::distance(&r.text, s) <= common::distance(&broken, s),
            "{broken} -> {}",
            r.text
        );
        let (want, got) = (split_ruby(s).1, split_ruby(&r.text).1);
        notes += want.len();
        if want.len() == got.len() {
            exact += want.iter().zip(&got).filter(|(w, g)| w == g).count();
        }
    }
    eprintln!("Big5: {exact}/{notes} annotations exact after repair");
    // Where the tone letters' bytes survived (a third of them and more;
    // 6 of 83 annotations came through before chains were re-decoded).
    assert!(exact * 3 >= notes, "{exact}/{notes}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any mix of the sentences with ruby: the pinyin always comes back
    /// exactly, and a second repair changes nothing.
    #[test]
    fn ruby_pinyin_always_restored(picks in proptest::collection::vec(0..PLAIN.len(), 1..4)) {
        let text: String = picks.iter().filter_map(|&i| PLAIN.get(i).copied()).collect();
        let ruby = annotate(&text, tone_marks);
        let r = repair_text(&gbk_mojibake(&ruby));
        prop_assert_eq!(split_ruby(&r.text).1, split_ruby(&ruby).1);
        prop_assert_eq!(repair_text(&r.text).text, r.text);
    }
}
