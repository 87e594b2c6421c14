//! Character-level normalisation of one line: whitespace, full-width letters
//! and digits, flattened ruby pinyin, ASCII punctuation inside Chinese,
//! doubled marks and ellipses.
//!
//! Every function here is a pure `&str -> String` pass that counts what it
//! changed, and every pass is idempotent: running it on its own output
//! changes nothing (the proptests in `tests/` check the composition).

use taojin_core::{is_cjk_punct, is_han, RepairKind};

/// Counts of the repairs one pass made.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CharRepairs {
    pub counts: Vec<(RepairKind, u32)>,
}

impl CharRepairs {
    fn add(&mut self, kind: RepairKind, n: u32) {
        if n == 0 {
            return;
        }
        if let Some(e) = self.counts.iter_mut().find(|(k, _)| *k == kind) {
            e.1 += n;
        } else {
            self.counts.push((kind, n));
        }
    }
}

/// Runs every character-level pass over one line, in the order that makes
/// each pass see canonical input: whitespace and width first, then ruby
/// pinyin (which needs half-width letters), then punctuation.
pub fn normalise_line(line: &str, ruby_doc: bool, rep: &mut CharRepairs) -> String {
    let s = normalise_whitespace(line, rep);
    let s = fullwidth_alnum_to_halfwidth(&s, rep);
    let s = strip_ruby_pinyin(&s, ruby_doc, rep);
    let s = punctuation_to_fullwidth(&s, rep);
    let s = normalise_ellipsis(&s, rep);
    collapse_doubled_marks(&s, rep)
}

/// Zero-width characters, control characters and odd spaces. Runs of
/// spaces collapse to one; a space between two Han characters is kept (page
/// titles use it as a separator) but never doubled.
pub fn normalise_whitespace(line: &str, rep: &mut CharRepairs) -> String {
    let mut out = String::with_capacity(line.len());
    let mut changed = 0u32;
    let mut pending_space = false;
    for c in line.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                changed += 1;
            }
            c if c.is_whitespace() => {
                if c != ' ' {
                    changed += 1;
                }
                pending_space = true;
            }
            c if c.is_control() => changed += 1,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    rep.add(RepairKind::Whitespace, changed);
    out
}

/// Full-width ASCII letters and digits (`Ａ`, `１`) to half-width. Full-width
/// punctuation is left alone: in Chinese text it is the canonical form.
pub fn fullwidth_alnum_to_halfwidth(line: &str, rep: &mut CharRepairs) -> String {
    let mut n = 0u32;
    let out = line
        .chars()
        .map(|c| {
            let u = c as u32;
            let is_fw_alnum = (0xFF10..=0xFF19).contains(&u)
                || (0xFF21..=0xFF3A).contains(&u)
                || (0xFF41..=0xFF5A).contains(&u);
            if is_fw_alnum {
                n += 1;
                char::from_u32(u - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    rep.add(RepairKind::FullwidthAlnum, n);
    out
}

const TONE_VOWELS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
const PLAIN_VOWELS: &str = "aeiouüvê";

fn base_letter(c: char) -> Option<char> {
    if c.is_ascii_lowercase() || c == 'ü' || c == 'ê' {
        return Some(c);
    }
    let bases = [
        ("āáǎà", 'a'),
        ("ēéěè", 'e'),
        ("īíǐì", 'i'),
        ("ōóǒò", 'o'),
        ("ūúǔù", 'u'),
        ("ǖǘǚǜ", 'ü'),
        ("ńňǹ", 'n'),
        ("ḿ", 'm'),
    ];
    bases
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, b)| *b)
}

/// Whether `s` has the shape of one pinyin syllable: an optional initial, a
/// final made of vowels with an optional `n`/`ng`/`r` coda, and an optional
/// tone digit. Returns (is_syllable, has_explicit_tone).
pub fn pinyin_syllable(s: &str) -> (bool, bool) {
    // A toned vowel is the one non-ASCII letter of most syllables, so it is
    // what byte damage loses: mojibake read with replacement leaves `l�ng`
    // (`lǐng`) or `l?ng`. One lost char that some vowel makes a syllable of
    // stands for a toned vowel; it needs a letter beside it (`(?)` after a
    // word is an editor's query, not a syllable).
    let lost = |c: char| c == '\u{FFFD}' || c == '?';
    if s.contains(lost) {
        if s.chars().filter(|&c| lost(c)).count() > 1 || !s.chars().any(|c| c.is_ascii_lowercase())
        {
            return (false, false);
        }
        let ok = ['a', 'e', 'i', 'o', 'u', 'ü']
            .iter()
            .any(|&v| pinyin_syllable(&s.replace(lost, &v.to_string())).0);
        return (ok, ok);
    }
    let mut letters = String::with_capacity(s.len());
    let mut tone = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if TONE_VOWELS.contains(c) {
            tone = true;
        }
        if c.is_ascii_digit() {
            // A tone number closes the syllable.
            if !('1'..='5').contains(&c) || chars.peek().is_some() {
                return (false, false);
            }
            tone = true;
            continue;
        }
        match base_letter(c) {
            Some(b) => letters.push(b),
            None => return (false, false),
        }
    }
    if letters.is_empty() || letters.chars().count() > 6 {
        return (false, false);
    }
    // Syllabic nasals: m, n, ng, hm, hng (only with a tone mark).
    if matches!(letters.as_str(), "m" | "n" | "ng" | "hm" | "hng") {
        return (tone, tone);
    }
    const INITIALS: [&str; 23] = [
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w",
    ];
    let rest = INITIALS
        .iter()
        .find(|i| letters.starts_with(*i) && letters.len() > i.len())
        .map_or(letters.as_str(), |i| &letters[i.len()..]);
    let rest = rest
        .strip_suffix("ng")
        .or_else(|| rest.strip_suffix('n'))
        .or_else(|| {
            if rest.len() > 1 {
                rest.strip_suffix('r')
            } else {
                None
            }
        })
        .unwrap_or(rest);
    const FINAL_VOWELS: [&str; 17] = [
        "a", "o", "e", "i", "u", "ü", "v", "ê", "ai", "ei", "ao", "ou", "ia", "ie", "iao", "iu",
        "ua",
    ];
    const MORE: [&str; 6] = ["uo", "uai", "ui", "üe", "ve", "ue"];
    let ok = !rest.is_empty()
        && rest.chars().all(|c| PLAIN_VOWELS.contains(c))
        && (FINAL_VOWELS.contains(&rest) || MORE.contains(&rest) || rest == "io" || rest == "iou");
    (ok, tone && ok)
}

/// Whether a parenthesised string is a run of pinyin syllables: returns the
/// number of syllables and whether any carries a tone.
fn pinyin_run(inner: &str) -> Option<(usize, bool)> {
    let mut n = 0;
    let mut tone = false;
    for syl in inner.split([' ', '\'', '-']) {
        if syl.is_empty() {
            continue;
        }
        let (ok, t) = pinyin_syllable(syl);
        if !ok {
            return None;
        }
        n += 1;
        tone |= t;
    }
    (n > 0).then_some((n, tone))
}

/// Counts ruby annotations with an explicit tone (`協(xié)`) in a text: a
/// document that has several is a ruby-annotated page, and there toneless
/// (neutral-tone) annotations such as `們(men)` are stripped too.
pub fn count_toned_ruby(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate() {
        if (c == '(' || c == '（') && i > 0 && is_han(chars[i - 1]) {
            if let Some(close) = chars[i + 1..]
                .iter()
                .take(16)
                .position(|&d| d == ')' || d == '）')
            {
                let inner: String = chars[i + 1..i + 1 + close].iter().collect();
                if matches!(pinyin_run(&inner), Some((_, true))) {
                    n += 1;
                }
            }
        }
    }
    n
}

/// Removes flattened ruby annotations: a parenthesised pinyin run straight
/// after Han characters, with no more syllables than the Han characters
/// before it. Toned syllables are always ruby; toneless ones only in a
/// ruby-annotated document (`ruby_doc`). English words, abbreviations and
/// numbers in parentheses are never pinyin-shaped with a tone, and are left.
pub fn strip_ruby_pinyin(line: &str, ruby_doc: bool, rep: &mut CharRepairs) -> String {
    if !line.contains(['(', '（', ')', '）']) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut n = 0u32;
    while i < chars.len() {
        let c = chars[i];
        // A ruby annotation whose opening parenthesis was destroyed by byte
        // damage: `重?fù)` (a `?` or U+FFFD, one toned syllable, `)`).
        let damaged_open =
            (c == '?' || c == '\u{FFFD}') && i > 0 && (is_han(chars[i - 1]) || chars[i - 1] == ')');
        if damaged_open {
            let close = chars[i + 1..]
                .iter()
                .take(8)
                .position(|&d| d == ')' || d == '）');
            if let Some(close) = close {
                let inner: String = chars[i + 1..i + 1 + close].iter().collect();
                if matches!(pinyin_run(&inner), Some((1, true))) {
                    n += 1;
                    i += close + 2;
                    continue;
                }
            }
        }
        if (c == '(' || c == '（') && i > 0 && is_han(chars[i - 1]) {
            let close = chars[i + 1..]
                .iter()
                .take(40)
                .position(|&d| d == ')' || d == '）');
            if let Some(close) = close {
                let inner: String = chars[i + 1..i + 1 + close].iter().collect();
                let han_before = chars[..i].iter().rev().take_while(|&&d| is_han(d)).count();
                if let Some((syllables, tone)) = pinyin_run(&inner) {
                    if syllables <= han_before && (tone || ruby_doc) {
                        n += 1;
                        i += close + 2;
                        continue;
                    }
                }
            }
        }
        out.push(c);
        i += 1;
    }
    rep.add(RepairKind::RubyPinyin, n);
    out
}

/// Chinese context: Han characters, full-width punctuation and the quotes
/// and brackets of Chinese text.
fn is_chinese_context(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

fn fullwidth_of(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '?' => '？',
        '!' => '！',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// ASCII `,` `?` `!` `:` `;` next to Chinese text become full-width, and
/// `(` `)` pairs whose content or surroundings are Chinese. Left alone:
/// marks between digits (`3,000`, `12:30`), inside URLs and in Latin text.
pub fn punctuation_to_fullwidth(line: &str, rep: &mut CharRepairs) -> String {
    if !line
        .bytes()
        .any(|b| matches!(b, b',' | b'?' | b'!' | b':' | b';' | b'(' | b')'))
    {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let url_spans = url_spans(&chars);
    let in_url = |i: usize| url_spans.iter().any(|&(s, e)| i >= s && i < e);
    let mut out: Vec<char> = chars.clone();
    let mut n = 0u32;
    for i in 0..chars.len() {
        let c = chars[i];
        if !matches!(c, ',' | '?' | '!' | ':' | ';') || in_url(i) {
            continue;
        }
        // The left neighbour is read from the converted output, so that a run
        // like `,;` after Han text converts as a whole.
        let prev = prev_non_space(&out, i);
        let next = next_non_space(&chars, i);
        let digit_both =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|q| q.is_ascii_digit());
        if digit_both {
            continue;
        }
        let prev_cn = prev.is_some_and(is_chinese_context);
        let next_cn = next.is_some_and(is_chinese_context);
        let prev_latin = prev.is_some_and(|p| p.is_ascii_alphanumeric());
        let next_latin = next.is_some_and(|q| q.is_ascii_alphabetic());
        let convert = (prev_cn && !next_latin) || (next_cn && !prev_latin) || (prev_cn && next_cn);
        if convert {
            if let Some(f) = fullwidth_of(c) {
                out[i] = f;
                n += 1;
            }
        }
    }
    // Parentheses: match pairs on the line; convert a pair when its content
    // has Han characters, or when it sits between Han characters.
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..chars.len() {
        match chars[i] {
            '(' if !in_url(i) => stack.push(i),
            ')' if !in_url(i) => {
                if let Some(open) = stack.pop() {
                    let inner = &chars[open + 1..i];
                    let has_han = inner.iter().any(|&d| is_han(d));
                    let outside_han = open > 0
                        && chars.get(open - 1).is_some_and(|&d| is_han(d))
                        && chars.get(i + 1).is_none_or(|&d| is_chinese_context(d));
                    let latin_inner = inner.iter().all(|d| d.is_ascii() || d.is_whitespace());
                    if has_han || (outside_han && !latin_inner) {
                        out[open] = '（';
                        out[i] = '）';
                        n += 2;
                    }
                }
            }
            _ => {}
        }
    }
    rep.add(RepairKind::PunctuationWidth, n);
    out.into_iter().collect()
}

fn prev_non_space(chars: &[char], i: usize) -> Option<char> {
    chars[..i].iter().rev().find(|c| **c != ' ').copied()
}

fn next_non_space(chars: &[char], i: usize) -> Option<char> {
    chars.get(i + 1..)?.iter().find(|c| **c != ' ').copied()
}

/// Char spans of URLs and e-mail-like tokens (`http://...`, `www.`...).
fn url_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let s: String = chars.iter().collect();
    for pat in ["http://", "https://", "www.", "ftp://"] {
        let mut from = 0;
        while let Some(pos) = s[from..].find(pat) {
            let byte_start = from + pos;
            let start = s[..byte_start].chars().count();
            let len = chars[start..]
                .iter()
                .take_while(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>'))
                .count();
            spans.push((start, start + len));
            from = byte_start + pat.len();
        }
    }
    spans
}

/// `...`, `。。。`, `…` and runs of them become the Chinese ellipsis `……`
/// when they follow Chinese text. (A Latin `...` stays.)
pub fn normalise_ellipsis(line: &str, rep: &mut CharRepairs) -> String {
    if !line.contains("..") && !line.contains('…') && !line.contains("。。") {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut n = 0u32;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '…' | '。' | '·') {
            let run = chars[i..]
                .iter()
                .take_while(|&&d| d == c || d == '…')
                .count();
            let dots = chars[i..i + run]
                .iter()
                .map(|&d| if d == '…' { 3 } else { 1 })
                .sum::<usize>();
            let prev = chars[..i].last().copied();
            let chinese_before = prev.is_some_and(is_chinese_context);
            let is_ellipsis = match c {
                '…' => true,
                '.' => dots >= 3 && chinese_before,
                '。' => run >= 3,
                _ => run >= 3 && chinese_before,
            };
            if is_ellipsis {
                let original: String = chars[i..i + run].iter().collect();
                if original != "……" {
                    n += 1;
                }
                out.push_str("……");
                i += run;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    rep.add(RepairKind::Ellipsis, n);
    out
}

/// The strength of a clause mark, for collapsing doubled marks. The comma is
/// the weakest: a converter that doubles marks usually adds a comma next to
/// the real one, so any other mark wins over it.
fn mark_strength(c: char) -> Option<u8> {
    Some(match c {
        '，' => 0,
        '、' => 1,
        '：' => 2,
        '；' => 3,
        '。' | '？' | '！' => 4,
        _ => return None,
    })
}

/// Collapses runs of adjacent clause marks (`，，` `，；` `，、` `，。`) to the
/// strongest mark in the run. `？！` and `！！` are left alone (emphasis).
pub fn collapse_doubled_marks(line: &str, rep: &mut CharRepairs) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut n = 0u32;
    while i < chars.len() {
        if mark_strength(chars[i]).is_some() {
            let run = chars[i..]
                .iter()
                .take_while(|&&d| mark_strength(d).is_some())
                .count();
            let marks = &chars[i..i + run];
            let emphatic = marks.iter().all(|&d| matches!(d, '？' | '！'));
            if run > 1 && !emphatic {
                let best = marks
                    .iter()
                    .copied()
                    .max_by_key(|&d| mark_strength(d).unwrap_or(0))
                    .unwrap_or('，');
                out.push(best);
                n += 1;
            } else {
                out.extend(marks);
            }
            i += run;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    rep.add(RepairKind::PunctuationDoubled, n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&str, &mut CharRepairs) -> String, s: &str) -> String {
        f(s, &mut CharRepairs::default())
    }

    #[test]
    fn pinyin_syllables() {
        for s in [
            "xié", "xiāng", "zhèn", "lǚ", "nv3", "shuang1", "er2", "ài", "ou", "qióng", "yuǎn",
        ] {
            assert!(pinyin_syllable(s).0, "{s} should be a syllable");
        }
        for s in [
            "ABC", "N", "1", "the", "str", "xyz", "Co", "ltd", "hello", "SUV",
        ] {
            assert!(!pinyin_syllable(s).1, "{s} must not be a toned syllable");
        }
        assert_eq!(pinyin_syllable("xié"), (true, true));
        assert_eq!(pinyin_syllable("men"), (true, false));
        // A toned vowel lost to byte damage (`lǐng` -> `l�ng`, `l?ng`).
        for s in ["l\u{FFFD}ng", "l?ng", "f\u{FFFD}", "xi\u{FFFD}ng", "gu?n"] {
            assert_eq!(pinyin_syllable(s), (true, true), "{s}");
        }
        // Not with two lost chars, nothing to stand beside, or no vowel
        // that makes a syllable of it.
        for s in ["l\u{FFFD}\u{FFFD}ng", "?", "\u{FFFD}", "str?", "x?z"] {
            assert_eq!(pinyin_syllable(s), (false, false), "{s}");
        }
    }

    #[test]
    fn ruby_is_stripped_from_seed_style_text() {
        let cases = [
            ("首頁>協(xié)商議政>地方政協(xié)", "首頁>協商議政>地方政協"),
            ("“紅色”引領(lǐng)發(fā)展新空間", "“紅色”引領發展新空間"),
            ("鄉(xiāng)鎮(zhèn)委員聯(lián)絡(luò)室", "鄉鎮委員聯絡室"),
            // Mojibake read with replacement lost the toned vowels.
            (
                "“紅色”引領（l\u{FFFD}ng）發（f\u{FFFD}）展",
                "“紅色”引領發展",
            ),
            ("全（quán）國", "全國"),
            ("協商(xie2)議政", "協商議政"),
            ("勇挑重?fù)?dān)、率先", "勇挑重、率先"),
        ];
        for (input, want) in cases {
            assert_eq!(
                strip_ruby_pinyin(input, false, &mut CharRepairs::default()),
                want
            );
        }
    }

    #[test]
    fn genuine_parentheses_are_kept() {
        for s in [
            "世界貿易組織(WTO)成員",
            "第(1)條",
            "注意事項(N)",
            "他說(the end)",
            "公司(Co)成立",
            "北京(Beijing)",
            "(a)",
            "真的嗎(?)",
            "他是誰（？）",
            "型號(X?)",
        ] {
            assert_eq!(
                strip_ruby_pinyin(s, true, &mut CharRepairs::default()),
                s,
                "{s}"
            );
        }
    }

    #[test]
    fn toneless_ruby_only_in_ruby_documents() {
        assert_eq!(
            strip_ruby_pinyin("我們(men)的", false, &mut CharRepairs::default()),
            "我們(men)的"
        );
        assert_eq!(
            strip_ruby_pinyin("我們(men)的", true, &mut CharRepairs::default()),
            "我們的"
        );
        assert_eq!(count_toned_ruby("協(xié)商(shāng)議政(zhèng)"), 3);
    }

    #[test]
    fn punctuation_between_han_becomes_fullwidth() {
        let cases = [
            ("车间内,一幅幅美丽的画卷", "车间内，一幅幅美丽的画卷"),
            ("飞地园区,飞跃发展,靠什么?", "飞地园区，飞跃发展，靠什么？"),
            ("字体:", "字体："),
            ("飞地园区(经开区)3地", "飞地园区（经开区）3地"),
            (
                "形成“支部+产业(合作社)+群众”",
                "形成“支部+产业（合作社）+群众”",
            ),
            ("好做法好经验;共同求索", "好做法好经验；共同求索"),
            ("谢谢“红马甲”!在外流浪", "谢谢“红马甲”！在外流浪"),
        ];
        for (input, want) in cases {
            assert_eq!(run(punctuation_to_fullwidth, input), want, "{input}");
        }
    }

    #[test]
    fn numbers_urls_and_latin_are_left_alone() {
        for s in [
            "投入3.08亿元",
            "共3,000人",
            "时间12:30开始",
            "见 https://example.com/a?b=1,2 页",
            "Hello, world! How are you?",
            "GMT+8, 2025-12-22 16:20",
            "(1)",
        ] {
            assert_eq!(run(punctuation_to_fullwidth, s), s, "{s}");
        }
    }

    #[test]
    fn doubled_marks_collapse_to_the_strongest() {
        let cases = [
            ("联络室,、9个", "联络室、9个"),
            ("理念,,创新", "理念，创新"),
            ("新篇章,。", "新篇章。"),
            ("委员,;开展", "委员；开展"),
            ("联络组,;72名", "联络组；72名"),
            ("支部,,72名", "支部，72名"),
            ("真的吗？！", "真的吗？！"),
        ];
        for (input, want) in cases {
            let canon = run(punctuation_to_fullwidth, input);
            assert_eq!(run(collapse_doubled_marks, &canon), want, "{input}");
        }
    }

    #[test]
    fn ellipses_normalise() {
        assert_eq!(
            run(normalise_ellipsis, "赴远安考察......多年的"),
            "赴远安考察……多年的"
        );
        assert_eq!(run(normalise_ellipsis, "流浪生涯...."), "流浪生涯……");
        assert_eq!(run(normalise_ellipsis, "等等。。。"), "等等……");
        assert_eq!(run(normalise_ellipsis, "wait..."), "wait...");
        assert_eq!(run(normalise_ellipsis, "版本1.2.3"), "版本1.2.3");
    }

    #[test]
    fn fullwidth_letters_and_digits_become_halfwidth() {
        assert_eq!(
            run(fullwidth_alnum_to_halfwidth, "ＡＩ技术２０２４年"),
            "AI技术2024年"
        );
        assert_eq!(run(fullwidth_alnum_to_halfwidth, "，。！"), "，。！");
    }

    #[test]
    fn whitespace_is_tidied() {
        assert_eq!(
            run(normalise_whitespace, "\u{3000}\u{3000}华秋实，高歌奋进。"),
            "华秋实，高歌奋进。"
        );
        assert_eq!(
            run(normalise_whitespace, "同心凝聚共识  共谋\u{200B}发展"),
            "同心凝聚共识 共谋发展"
        );
        assert_eq!(run(normalise_whitespace, "  a \t b  "), "a b");
    }

    #[test]
    fn normalise_line_counts_repairs() {
        let mut rep = CharRepairs::default();
        let out = normalise_line("近年來,,隆安縣政協(xié)秉持", true, &mut rep);
        assert_eq!(out, "近年來，隆安縣政協秉持");
        assert!(rep.counts.contains(&(RepairKind::RubyPinyin, 1)));
        assert!(rep.counts.contains(&(RepairKind::PunctuationDoubled, 1)));
    }
}
