//! Character- and byte-level noise: punctuation folding, ruby pinyin,
//! censoring runs and legacy encodings.

use crate::rng::Rng;
use encoding_rs::{Encoding, BIG5, GB18030, GBK};
use pinyin::ToPinyin;
use taojin_core::is_han;

/// Folds the full-width marks of Chinese text to ASCII (`，` to `,`, `。`
/// to `.`...) and doubles some commas (`,,` `,;`), as careless converters
/// and input methods do.
pub fn fold_punctuation(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let folded = match c {
            '，' => ',',
            '。' => '.',
            '？' => '?',
            '！' => '!',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            other => {
                out.push(other);
                continue;
            }
        };
        out.push(folded);
        if folded == ',' && rng.chance(0.12) {
            out.push(if rng.chance(0.5) { ',' } else { ';' });
        }
    }
    out
}

/// How a flattened ruby annotation is written after its character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RubyStyle {
    /// `漢(hàn)`
    Ascii,
    /// `漢（hàn）`
    FullWidth,
}

/// Adds the tone-marked pinyin of every Han character the pinyin table
/// knows, right after the character. Characters without an entry are left
/// bare (the table covers the common Simplified and Traditional sets).
/// Returns the text and the number of annotations.
pub fn add_ruby(text: &str, style: RubyStyle) -> (String, usize) {
    let mut out = String::with_capacity(text.len() * 3);
    let mut n = 0;
    for c in text.chars() {
        out.push(c);
        if !is_han(c) {
            continue;
        }
        if let Some(p) = c.to_pinyin() {
            let (open, close) = match style {
                RubyStyle::Ascii => ('(', ')'),
                RubyStyle::FullWidth => ('（', '）'),
            };
            out.push(open);
            out.push_str(p.with_tone());
            out.push(close);
            n += 1;
        }
    }
    (out, n)
}

/// Replaces 1-3 runs of 1-3 Han characters with `*` (one star a
/// character, or a fixed `***`), as censored reposts look. Returns the text
/// and the number of star runs in it afterwards.
pub fn censor(text: &str, rng: &mut Rng) -> (String, usize) {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..rng.range(1, 3) {
        let len = rng.range(1, 3);
        let starts: Vec<usize> = (1..chars.len().saturating_sub(len))
            .filter(|&i| (i - 1..i + len + 1).all(|j| chars.get(j).is_some_and(|&c| is_han(c))))
            .collect();
        let Some(&at) = rng.pick(&starts) else {
            break;
        };
        let stars = if rng.chance(0.3) { 3 } else { len };
        let tail: Vec<char> = chars.iter().skip(at + len).copied().collect();
        chars.truncate(at);
        chars.extend(std::iter::repeat_n('*', stars));
        chars.extend(tail);
    }
    let out: String = chars.into_iter().collect();
    let runs = star_runs(&out);
    (out, runs)
}

/// Counts maximal runs of `*` (or full-width `＊`).
pub fn star_runs(text: &str) -> usize {
    let mut runs = 0;
    let mut prev = false;
    for c in text.chars() {
        let star = c == '*' || c == '＊';
        if star && !prev {
            runs += 1;
        }
        prev = star;
    }
    runs
}

/// The byte encodings of the `encoding` noise kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteEncoding {
    Utf8,
    Gbk,
    Gb18030,
    /// Traditional text (the generator converts it first).
    Big5,
    Utf16Le,
    Utf16LeBom,
    /// UTF-8 bytes decoded as GBK and saved again as UTF-8.
    Utf8AsGbk,
}

impl ByteEncoding {
    pub const NOISY: [ByteEncoding; 6] = [
        ByteEncoding::Gbk,
        ByteEncoding::Gb18030,
        ByteEncoding::Big5,
        ByteEncoding::Utf16Le,
        ByteEncoding::Utf16LeBom,
        ByteEncoding::Utf8AsGbk,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ByteEncoding::Utf8 => "UTF-8",
            ByteEncoding::Gbk => "GBK",
            ByteEncoding::Gb18030 => "GB18030",
            ByteEncoding::Big5 => "Big5",
            ByteEncoding::Utf16Le => "UTF-16LE",
            ByteEncoding::Utf16LeBom => "UTF-16LE+BOM",
            ByteEncoding::Utf8AsGbk => "UTF-8-as-GBK",
        }
    }
}

/// Encodes `text`. A legacy encoding that cannot represent some character
/// falls back to GB18030 (which represents every one), so no numeric
/// character reference is ever produced; the encoding actually used is
/// returned.
pub fn encode(text: &str, enc: ByteEncoding) -> (Vec<u8>, ByteEncoding) {
    let legacy = |e: &'static Encoding| -> Option<Vec<u8>> {
        let (bytes, _, unmappable) = e.encode(text);
        (!unmappable).then(|| bytes.into_owned())
    };
    match enc {
        ByteEncoding::Utf8 => (text.as_bytes().to_vec(), enc),
        ByteEncoding::Gbk | ByteEncoding::Big5 => {
            let e = if enc == ByteEncoding::Gbk { GBK } else { BIG5 };
            match legacy(e) {
                Some(b) => (b, enc),
                None => encode(text, ByteEncoding::Gb18030),
            }
        }
        ByteEncoding::Gb18030 => (GB18030.encode(text).0.into_owned(), enc),
        ByteEncoding::Utf16Le | ByteEncoding::Utf16LeBom => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if enc == ByteEncoding::Utf16LeBom {
                out.extend_from_slice(&[0xFF, 0xFE]);
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&u.to_le_bytes());
            }
            (out, enc)
        }
        ByteEncoding::Utf8AsGbk => {
            let (garbled, _) = GBK.decode_without_bom_handling(text.as_bytes());
            (garbled.into_owned().into_bytes(), enc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_folds_to_ascii_and_keeps_the_letters() {
        let mut r = Rng::new(1);
        let s = fold_punctuation("你好，世界。真的吗？是的！注意：一；二（三）", &mut r);
        assert!(
            !s.contains(['，', '。', '？', '！', '：', '；', '（', '）']),
            "{s}"
        );
        let han: String = s.chars().filter(|&c| is_han(c)).collect();
        assert_eq!(han, "你好世界真的吗是的注意一二三");
        assert!(s.starts_with("你好,"), "{s}");
    }

    #[test]
    fn punctuation_doubles_some_commas() {
        let mut r = Rng::new(3);
        let text = "甲，乙".repeat(200);
        let s = fold_punctuation(&text, &mut r);
        let doubled = s.matches(",,").count() + s.matches(",;").count();
        assert!((5..60).contains(&doubled), "{doubled}");
    }

    #[test]
    fn ruby_annotates_han_with_tone_marks() {
        let (s, n) = add_ruby("漢字a", RubyStyle::Ascii);
        assert_eq!(s, "漢(hàn)字(zì)a");
        assert_eq!(n, 2);
        let (s, _) = add_ruby("中国", RubyStyle::FullWidth);
        assert_eq!(s, "中（zhōng）国（guó）");
    }

    #[test]
    fn censor_replaces_han_with_star_runs() {
        for seed in 0..30 {
            let mut r = Rng::new(seed);
            let text = "今天我们在人民广场参加了一场盛大的音乐会，大家都非常开心。";
            let (s, runs) = censor(text, &mut r);
            assert!((1..=3).contains(&runs), "{s}");
            assert_eq!(runs, star_runs(&s));
            assert!(s.ends_with("开心。") || s.contains('*'));
        }
        assert_eq!(star_runs("a**b*c＊＊"), 3);
        assert_eq!(censor("", &mut Rng::new(1)).1, 0);
    }

    #[test]
    fn encodings_round_trip_through_their_decoders() {
        let text = "北京欢迎你，Hello 2024！";
        for enc in [ByteEncoding::Gbk, ByteEncoding::Gb18030] {
            let (b, used) = encode(text, enc);
            assert_eq!(used, enc);
            assert_eq!(GB18030.decode_without_bom_handling(&b).0, text);
        }
        let (b, used) = encode("臺灣歡迎你", ByteEncoding::Big5);
        assert_eq!(used, ByteEncoding::Big5);
        assert_eq!(BIG5.decode_without_bom_handling(&b).0, "臺灣歡迎你");
        let (b, _) = encode("中文", ByteEncoding::Utf16LeBom);
        assert_eq!(b, [0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65]);
        let (b, _) = encode("中文", ByteEncoding::Utf16Le);
        assert_eq!(b, [0x2D, 0x4E, 0x87, 0x65]);
    }

    #[test]
    fn unmappable_characters_fall_back_to_gb18030() {
        // `ǹ` has no Big5 or GBK code.
        let (b, used) = encode("嗯(ǹ)", ByteEncoding::Big5);
        assert_eq!(used, ByteEncoding::Gb18030);
        assert_eq!(GB18030.decode_without_bom_handling(&b).0, "嗯(ǹ)");
    }

    #[test]
    fn utf8_read_as_gbk_is_mojibake_but_valid_utf8() {
        let (b, _) = encode("中文网页", ByteEncoding::Utf8AsGbk);
        let s = String::from_utf8(b).expect("valid UTF-8");
        assert_ne!(s, "中文网页");
        assert!(s.chars().count() > 4);
    }
}
