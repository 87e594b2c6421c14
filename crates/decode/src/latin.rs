//! Repair of UTF-8 that was decoded with a single-byte code page (Latin-1,
//! Windows-125x, ISO-8859-2, MacRoman, CP437), following the method of
//! python-ftfy: a regex of character juxtapositions that almost only occur in
//! mojibake decides whether text is suspicious; a suspicious text is
//! re-encoded with each code page that can represent it and decoded as UTF-8;
//! failing that, embedded spans that look like UTF-8 are fixed one by one,
//! and stray C1 controls are read as Windows-1252. The steps repeat until the
//! text stops changing, which undoes mojibake layered several times.
//!
//! The code pages and character classes are data (`data/latin_mojibake.txt`,
//! generated from Python's codecs and ftfy's categories).

use regex::bytes::Regex as BytesRegex;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/latin_mojibake.txt");

/// One code page: what each high byte decodes to, and the reverse.
struct Page {
    name: String,
    /// Sloppy pages decode undefined bytes as the Latin-1 character of the
    /// same value and use byte 0x1A for U+FFFD, so any byte string decodes.
    sloppy: bool,
    encode: HashMap<char, u8>,
}

impl Page {
    /// The bytes for `text` in this page, or `None` when some character is
    /// not in it.
    fn encode(&self, text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                if self.sloppy && c == '\u{1a}' {
                    return None;
                }
                out.push(c as u8);
            } else if self.sloppy && c == '\u{fffd}' {
                out.push(0x1a);
            } else {
                out.push(*self.encode.get(&c)?);
            }
        }
        Some(out)
    }

    fn decode_byte(&self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(if self.sloppy && b == 0x1a {
                '\u{fffd}'
            } else {
                b as char
            });
        }
        self.encode.iter().find(|(_, &v)| v == b).map(|(&c, _)| c)
    }
}

struct Tables {
    pages: Vec<Page>,
    badness: Regex,
    utf8_run: Regex,
    strict_continuation: Regex,
    c1: Regex,
    altered_utf8: BytesRegex,
    lossy_utf8: BytesRegex,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

/// Turns `0080-009F 00A0` into regex class contents.
fn class_body(ranges: &str) -> String {
    let mut body = String::new();
    for item in ranges.split_whitespace() {
        let mut ends = item.split('-');
        let lo = ends.next().unwrap_or("");
        body.push_str(&format!("\\x{{{lo}}}"));
        if let Some(hi) = ends.next() {
            body.push_str(&format!("-\\x{{{hi}}}"));
        }
    }
    body
}

fn build_tables() -> Tables {
    let mut pages = Vec::new();
    let mut classes: HashMap<&str, String> = HashMap::new();
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next(), fields.next()) {
            (Some("page"), Some(name), Some(cps)) => {
                let mut encode = HashMap::new();
                for (i, cp) in cps.split_whitespace().enumerate() {
                    let c = u32::from_str_radix(cp, 16).ok().and_then(char::from_u32);
                    if let (Some(c), Ok(b)) = (c, u8::try_from(0x80 + i)) {
                        encode.insert(c, b);
                    }
                }
                pages.push(Page {
                    name: name.to_string(),
                    sloppy: name.starts_with("sloppy"),
                    encode,
                });
            }
            (Some("class"), Some(name), Some(ranges)) => {
                classes.insert(name, class_body(ranges));
            }
            _ => {}
        }
    }
    // Fills `{name}` placeholders with class contents; every rule below is
    // a pair or triple of characters that real text almost never contains.
    let fill = |template: &str| -> String {
        let mut s = template.to_string();
        for (name, body) in &classes {
            s = s.replace(&format!("{{{name}}}"), body);
        }
        s
    };
    let rules = [
        "[{c1}]",
        "[{bad}{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}][{bad}]",
        "[a-zA-Z][{lower_common}{upper_common}][{bad}]",
        "[{bad}][{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}]",
        "[{lower_accented}{lower_common}{box}{end_punctuation}{currency}{numeric}][{upper_accented}]",
        "[{box}{end_punctuation}{currency}{numeric}][{lower_accented}]",
        "[{lower_accented}{box}{end_punctuation}][{currency}]",
        "\\s[{upper_accented}][{currency}]",
        "[{upper_accented}{box}][{numeric}{law}]",
        "[{lower_accented}{upper_accented}{box}{currency}{end_punctuation}][{start_punctuation}][{numeric}]",
        "[{lower_accented}{upper_accented}{currency}{numeric}{box}{law}][{end_punctuation}][{start_punctuation}]",
        "[{currency}{numeric}{box}][{start_punctuation}]",
        "[a-z][{upper_accented}][{start_punctuation}{currency}]",
        "[{box}][{kaomoji}]",
        "[{lower_accented}{upper_accented}{currency}{numeric}{start_punctuation}{end_punctuation}{law}][{box}]",
        "[{box}][{end_punctuation}]",
        "[{lower_accented}{upper_accented}][{start_punctuation}{end_punctuation}]\\w",
        "[Œœ][^A-Za-z]",
        "[{upper_accented}]°",
        "[ÂÃÎÐ][€œŠš¢£Ÿž\\x{a0}\\x{ad}®©°·»{start_punctuation}{end_punctuation}–—´]",
        "×[²³]",
        "[ØÙ][{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»][ØÙ][{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»]",
        "à[²µ¹¼½¾]",
        "√[±∂†≠®™´≤≥¥µø]",
        "≈[°¢]",
        "‚Ä[ìîïòôúùû†°¢π]",
        "‚[âó][àä°ê]",
        "вЂ",
        "[ВГРС][{c1}{bad}{start_punctuation}{end_punctuation}{currency}°µ][ВГРС]",
        "ГўВЂВ.[A-Za-z ]",
        "Ã[\\x{a0}¡]",
        "[a-z]\\s?[ÃÂ] ",
        "^[ÃÂ] ",
        "[a-z.,?!{end_punctuation}]Â[ {start_punctuation}{end_punctuation}]",
        "β€[™\\x{a0}Ά\\x{ad}®°]",
        "[ΒΓΞΟ][{c1}{bad}{start_punctuation}{end_punctuation}{currency}°][ΒΓΞΟ]",
        "ā€",
    ];
    let badness = rules.iter().map(|r| fill(r)).collect::<Vec<_>>().join("|");
    let utf8_run = fill(
        "(?:[{utf8_first_of_2}][{utf8_continuation}]|[{utf8_first_of_3}][{utf8_continuation}]{2}|[{utf8_first_of_4}][{utf8_continuation}]{3})+",
    );
    let strict = fill("[{utf8_continuation_strict}]");
    // The patterns are built from the shipped table; failing to compile
    // would be a bug in that file, caught by every test. A never-matching
    // fallback keeps library code free of panics.
    let never = || Regex::new("[^\\x00-\\x{10FFFF}]").unwrap_or_else(|_| unreachable_regex());
    Tables {
        pages,
        badness: Regex::new(&badness).unwrap_or_else(|_| never()),
        utf8_run: Regex::new(&utf8_run).unwrap_or_else(|_| never()),
        strict_continuation: Regex::new(&strict).unwrap_or_else(|_| never()),
        c1: Regex::new("[\\x{80}-\\x{9f}]").unwrap_or_else(|_| never()),
        altered_utf8: BytesRegex::new(
            "(?-u)[\\xc2\\xc3\\xc5\\xce\\xd0\\xd9] \
             |[\\xe2\\xe3] [\\x80-\\x84\\x86-\\x9f\\xa1-\\xbf]\
             |[\\xe0-\\xe3][\\x80-\\x84\\x86-\\x9f\\xa1-\\xbf] \
             |\\xf0 [\\x80-\\xbf][\\x80-\\xbf]\
             |\\xf0[\\x80-\\xbf] [\\x80-\\xbf]\
             |\\xf0[\\x80-\\xbf][\\x80-\\xbf] ",
        )
        .unwrap_or_else(|_| never_bytes()),
        lossy_utf8: BytesRegex::new(
            "(?-u)[\\xc2-\\xdf]\\x1a\
             |[\\xc2-\\xc3]\\?\
             |\\xed[\\xa0-\\xaf][\\x1a?]\\xed[\\xb0-\\xbf][\\x1a?\\x80-\\xbf]\
             |\\xed[\\xa0-\\xaf][\\x1a?\\x80-\\xbf]\\xed[\\xb0-\\xbf][\\x1a?]\
             |[\\xe0-\\xef][\\x1a?][\\x1a\\x80-\\xbf]\
             |[\\xe0-\\xef][\\x1a\\x80-\\xbf][\\x1a?]\
             |[\\xf0-\\xf4][\\x1a?][\\x1a\\x80-\\xbf][\\x1a\\x80-\\xbf]\
             |[\\xf0-\\xf4][\\x1a\\x80-\\xbf][\\x1a?][\\x1a\\x80-\\xbf]\
             |[\\xf0-\\xf4][\\x1a\\x80-\\xbf][\\x1a\\x80-\\xbf][\\x1a?]\
             |\\x1a",
        )
        .unwrap_or_else(|_| never_bytes()),
    }
}

fn unreachable_regex() -> Regex {
    // `a^` cannot match (text before the start); it always compiles.
    Regex::new("a^").unwrap_or_else(|_| unreachable_regex())
}

fn never_bytes() -> BytesRegex {
    BytesRegex::new("a^").unwrap_or_else(|_| never_bytes())
}

/// Whether `text` contains a character sequence typical of mojibake.
pub(crate) fn is_bad(text: &str) -> bool {
    tables().badness.is_match(text)
}

/// Cheap test: could `text` hold Latin-family mojibake at all?
#[cfg(test)]
pub(crate) fn may_contain(text: &str) -> bool {
    text.chars().any(may_contain_char)
}

/// Whether `c` can start Latin-family mojibake: C1 controls, and the
/// characters single-byte pages give UTF-8 lead bytes (Latin-1 letters
/// from U+00C0, Latin Extended, Greek, Cyrillic, Hebrew, box drawing,
/// MacRoman's math signs). U+00A0..U+00BF (`·`, `°`, `±`...) are left out:
/// they only ever stand for continuation bytes, and Chinese text uses them.
pub(crate) fn may_contain_char(c: char) -> bool {
    matches!(c as u32, 0x80..=0x9F | 0xC0..=0x5FF | 0x2500..=0x259F | 0x221A | 0x2248)
}

/// Repairs Latin-family mojibake, repeating until nothing changes.
/// Returns the text and how many repair steps were applied.
pub(crate) fn fix_encoding(text: &str) -> (String, u32) {
    fix_encoding_depth(text, 0)
}

fn fix_encoding_depth(text: &str, depth: u32) -> (String, u32) {
    let mut current = text.to_string();
    let mut steps = 0;
    // Each step strictly changes the text; mojibake more than a handful of
    // layers deep does not occur, so the bound only guards pathological input.
    for _ in 0..16 {
        let next = one_step(&current, depth);
        if next == current {
            break;
        }
        current = next;
        steps += 1;
    }
    (current, steps)
}

fn one_step(text: &str, depth: u32) -> String {
    if text.is_ascii() || !is_bad(text) {
        return text.to_string();
    }
    let t = tables();
    let mut possible: Vec<&str> = Vec::new();
    for page in &t.pages {
        let Some(mut bytes) = page.encode(text) else {
            continue;
        };
        possible.push(&page.name);
        if page.name != "macroman" && t.altered_utf8.is_match(&bytes) {
            bytes = restore_byte_a0(&bytes);
        }
        if page.sloppy {
            bytes = t
                .lossy_utf8
                .replace_all(&bytes, "\u{fffd}".as_bytes())
                .into_owned();
        }
        if let Some(fixed) = decode_utf8_variants(&bytes) {
            if only_drops_capital_a_circumflex(text, &fixed) {
                return text.to_string();
            }
            return fixed;
        }
    }
    if t.utf8_run.is_match(text) && depth < 8 {
        let fixed = fix_embedded(text, depth);
        if fixed != text {
            return fixed;
        }
    }
    if possible.contains(&"latin-1") {
        // Latin-1 but not Windows-1252 text holds C1 controls: read them
        // (and only when every byte is defined) as Windows-1252.
        if let Some(fixed) = latin1_as_windows1252(text) {
            if fixed != text {
                return fixed;
            }
        }
    }
    if t.c1.is_match(text) {
        return fix_c1_controls(text);
    }
    text.to_string()
}

/// `Â` + no-break space is the UTF-8 of a no-break space read as Latin-1,
/// but after a capital letter `Â` is as likely a letter of an all-caps
/// word; a fix that does nothing but drop such `Â`s is not worth the risk.
fn only_drops_capital_a_circumflex(text: &str, fixed: &str) -> bool {
    let pattern = "Â\u{a0}";
    if !text.contains(pattern) || text.replace(pattern, "\u{a0}") != fixed {
        return false;
    }
    text.match_indices(pattern).all(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_uppercase())
    })
}

/// Fixes each span that looks like UTF-8 read as a single-byte page, when
/// the span on its own looks like mojibake. A span preceded by a strict
/// continuation character is part of a larger garble and left alone.
fn fix_embedded(text: &str, depth: u32) -> String {
    let t = tables();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = t.utf8_run.find_at(text, pos) else {
            break;
        };
        let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
        let blocked = before.is_some_and(|c| {
            let mut buf = [0u8; 4];
            t.strict_continuation.is_match(c.encode_utf8(&mut buf))
        });
        if blocked {
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let span = m.as_str();
        out.push_str(&text[copied..m.start()]);
        if span.len() < text.len() && is_bad(span) {
            out.push_str(&fix_encoding_depth(span, depth + 1).0);
        } else {
            out.push_str(span);
        }
        copied = m.end();
        pos = m.end().max(m.start() + 1);
    }
    out.push_str(&text[copied..]);
    out
}

/// Mojibake sometimes also had byte A0 turned into a space. Puts A0 back
/// where that makes a UTF-8 sequence, and reads `Ã ` before a word as `à `.
fn restore_byte_a0(bytes: &[u8]) -> Vec<u8> {
    let mut fixed = Vec::with_capacity(bytes.len() + 8);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xc3 && bytes.get(i + 1) == Some(&b' ') {
            let rest = &bytes[i + 2..];
            // Portuguese contractions (às, àquele...) keep the space
            // inside the word; a double space is a real separator.
            let keeps = [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
                .iter()
                .any(|p| rest.starts_with(p));
            if !keeps {
                fixed.extend_from_slice(&[0xc3, 0xa0, b' ']);
                i += 2;
                continue;
            }
        }
        fixed.push(bytes[i]);
        i += 1;
    }
    tables()
        .altered_utf8
        .replace_all(&fixed, |caps: &regex::bytes::Captures| {
            caps[0]
                .iter()
                .map(|&b| if b == b' ' { 0xa0 } else { b })
                .collect::<Vec<u8>>()
        })
        .into_owned()
}

/// Strict UTF-8, extended with CESU-8 surrogate pairs and Java's `C0 80`
/// for NUL, the variants that real mojibake contains.
fn decode_utf8_variants(bytes: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    if !bytes.iter().any(|&b| b == 0xed || b == 0xc0) {
        return None;
    }
    let mut out = String::with_capacity(bytes.len());
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let special = if bytes[i] == 0xc0 && bytes.get(i + 1) == Some(&0x80) {
            Some(('\0', 2))
        } else if let Some(&[0xed, b1, b2, 0xed, b4, b5]) = bytes
            .get(i..i + 6)
            .and_then(|s| <&[u8; 6]>::try_from(s).ok())
        {
            if (0xa0..=0xaf).contains(&b1)
                && (0xb0..=0xbf).contains(&b4)
                && (0x80..=0xbf).contains(&b2)
                && (0x80..=0xbf).contains(&b5)
            {
                let cp = ((u32::from(b1) & 0x0f) << 16)
                    + ((u32::from(b2) & 0x3f) << 10)
                    + ((u32::from(b4) & 0x0f) << 6)
                    + (u32::from(b5) & 0x3f)
                    + 0x10000;
                char::from_u32(cp).map(|c| (c, 6))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((c, len)) = special {
            out.push_str(std::str::from_utf8(&bytes[start..i]).ok()?);
            out.push(c);
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(std::str::from_utf8(&bytes[start..]).ok()?);
    Some(out)
}

fn page(name: &str) -> Option<&'static Page> {
    tables().pages.iter().find(|p| p.name == name)
}

/// Reads Latin-1 text as strict Windows-1252 (fails on its five undefined bytes).
fn latin1_as_windows1252(text: &str) -> Option<String> {
    let cp1252 = page("sloppy-windows-1252")?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        if cp > 0xff {
            return None;
        }
        if (0x80..=0x9f).contains(&cp) {
            if matches!(cp, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d) {
                return None;
            }
            out.push(cp1252.decode_byte(cp as u8)?);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Reads each C1 control as the Windows-1252 character of the same byte.
fn fix_c1_controls(text: &str) -> String {
    let cp1252 = page("sloppy-windows-1252");
    text.chars()
        .map(|c| match (c as u32, cp1252) {
            (cp @ 0x80..=0x9f, Some(p)) => p.decode_byte(cp as u8).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// UTF-8 read as Windows-1252/Latin-1 and then kept: the bytes of each
/// character, if every character maps to one byte in the sloppy
/// Windows-1252 page. Used by the Chinese-specific pass.
pub(crate) fn encode_cp1252(text: &str) -> Option<Vec<u8>> {
    page("sloppy-windows-1252")?.encode(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_cases() {
        for (bad, good) in [
            ("HÃ´tel de Police", "Hôtel de Police"),
            (
                "The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.",
                "The Mona Lisa doesn’t have eyebrows.",
            ),
            ("voilÃ le travail", "voilà le travail"),
            ("Hi guys í\u{a0}½í¸\u{8d}", "Hi guys 😍"),
            ("ç®€ä½“ä¸\u{ad}æ–‡", "简体中文"),
            ("parlé\u{85} Tu", "parlé… Tu"),
        ] {
            assert_eq!(fix_encoding(bad).0, good, "{bad}");
        }
    }

    #[test]
    fn prefilter_sees_mojibake_letters_only() {
        assert!(may_contain("HÃ´tel") && may_contain("╨┐") && !may_contain("政协委员，“协商”。"));
    }

    #[test]
    fn correct_text_is_kept() {
        for good in [
            "Hôtel de Police",
            "Straße, Größe, Übung",
            "4288×…",
            "Con il corpo,\u{a0}è come",
        ] {
            assert_eq!(fix_encoding(good).0, good);
        }
    }
}
