//! Detection helpers beyond the BOM / UTF-8 / chardetng chain: HZ-GB-2312,
//! CJK UTF-16 without a BOM, the in-document charset declaration as a hint,
//! EUC-TW recognition, and a per-class report over a labelled corpus.

use crate::model::model;
use encoding_rs::{Encoding, BIG5, GBK, UTF_16BE, UTF_16LE, UTF_8};
use std::fmt;
use std::path::Path;

/// Label reported for HZ-GB-2312 input (WHATWG maps the label to the
/// "replacement" encoding; we decode it ourselves).
pub const HZ_LABEL: &str = "HZ-GB-2312";

/// Decodes HZ-GB-2312 (RFC 1843): ASCII with `~{ ... ~}` shifts into
/// GB2312 written as 7-bit byte pairs, `~~` for `~` and `~` + newline as a
/// line continuation. Returns `None` when the text has no valid GB section,
/// so plain ASCII that merely contains `~{` stays ASCII.
pub fn decode_hz(text: &str) -> Option<String> {
    if !text.contains("~{") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut gb = false;
    let mut han = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'~' {
            match bytes.get(i + 1) {
                Some(b'{') if !gb => gb = true,
                Some(b'}') if gb => gb = false,
                Some(b'~') if !gb => out.push('~'),
                Some(b'\n') if !gb => {}
                _ => return None,
            }
            i += 2;
            continue;
        }
        if gb {
            if b == b'\n' || b == b'\r' {
                // Lines end in ASCII mode in valid HZ; be lenient.
                gb = false;
                out.push(b as char);
                i += 1;
                continue;
            }
            let trail = *bytes.get(i + 1)?;
            if !(0x21..=0x7e).contains(&b) || !(0x21..=0x7e).contains(&trail) {
                return None;
            }
            let pair = [b | 0x80, trail | 0x80];
            let s = GBK
                .decode_without_bom_handling_and_without_replacement(&pair)?
                .into_owned();
            han += s.chars().filter(|&c| taojin_core::is_han(c)).count();
            out.push_str(&s);
            i += 2;
        } else {
            out.push(b as char);
            i += 1;
        }
    }
    (han > 0).then_some(out)
}

/// ISO-2022-JP: 7-bit text that switches to JIS X 0208 with `ESC $ B`
/// (or `ESC $ @`) and back with `ESC ( B` / `ESC ( J`.
pub fn is_iso_2022_jp(bytes: &[u8]) -> bool {
    let has = |seq: &[u8]| bytes.windows(seq.len()).any(|w| w == seq);
    (has(b"\x1b$B") || has(b"\x1b$@"))
        && (has(b"\x1b(B") || has(b"\x1b(J"))
        && !encoding_rs::ISO_2022_JP
            .decode_without_bom_handling(bytes)
            .1
}

/// UTF-16 without a BOM and with few NUL bytes (CJK text): the code units
/// of one byte order fall almost all in the ranges real text uses, those
/// of the other do not.
pub fn utf16_cjk_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(crate::DETECTION_PREFIX) & !1;
    if n < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let plausible = |u: u16| matches!(u, 0x09 | 0x0a | 0x0d | 0x20..=0x7e | 0x3000..=0x30ff | 0x4e00..=0x9fff | 0xff01..=0xff5e | 0x2010..=0x2027);
    let share = |le: bool| {
        let units = bytes[..n].chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        let good = units.filter(|&u| plausible(u)).count();
        good as f64 / (n / 2) as f64
    };
    let (le, be) = (share(true), share(false));
    let enc = if le >= 0.95 && be < 0.5 {
        UTF_16LE
    } else if be >= 0.95 && le < 0.5 {
        UTF_16BE
    } else {
        return None;
    };
    let (_, malformed) = enc.decode_without_bom_handling(bytes);
    (!malformed).then_some(enc)
}

/// The encoding a `charset=` / `encoding=` declaration in the first 4 KiB
/// names, if any.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], b"encoding="] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let mut k = from + pos + key.len();
            while lower
                .get(k)
                .is_some_and(|&b| b == b'"' || b == b'\'' || b == b' ')
            {
                k += 1;
            }
            let end = lower[k..]
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
                })
                .map_or(lower.len(), |e| k + e);
            if let Some(enc) = Encoding::for_label(&lower[k..end]) {
                return Some(enc);
            }
            from = k;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Weighs chardetng's guess against the document's own declaration: the
/// declaration wins only when it decodes cleanly and the guess does not,
/// or when it names a CJK multi-byte encoding that decodes cleanly while
/// the guess is a single-byte page (clean multi-byte decoding of a whole
/// document is strong evidence; a single-byte page decodes anything).
pub fn weigh_declaration(bytes: &[u8], guess: &'static Encoding) -> &'static Encoding {
    let Some(declared) = declared_encoding(bytes) else {
        return guess;
    };
    if declared == guess
        || declared == UTF_16LE
        || declared == UTF_16BE
        || declared == encoding_rs::REPLACEMENT
    {
        return guess;
    }
    let clean = |enc: &'static Encoding| !enc.decode_without_bom_handling(bytes).1;
    let single_byte = |enc: &'static Encoding| enc.is_single_byte();
    if clean(declared)
        && (!clean(guess) || (single_byte(guess) && !single_byte(declared) && declared != UTF_8))
    {
        declared
    } else {
        guess
    }
}

/// EUC-TW (CNS 11643) has the byte shape of EUC-CN but decodes as GBK or
/// Big5 into implausible characters; plane-2 characters start with SS2
/// (0x8E). Claimed only when every high byte fits the EUC shape and the
/// Chinese reading makes no sense under the character model.
pub fn looks_like_euc_tw(bytes: &[u8], guess: &'static Encoding) -> bool {
    if guess != GBK && guess != BIG5 {
        return false;
    }
    let mut i = 0;
    let mut pairs = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if b == 0x8e {
            let ok = bytes
                .get(i + 1)
                .is_some_and(|&p| (0xa1..=0xb0).contains(&p))
                && bytes
                    .get(i + 2..i + 4)
                    .is_some_and(|s| s.iter().all(|&x| x >= 0xa1 && x != 0xff));
            if !ok {
                return false;
            }
            pairs += 1;
            i += 4;
        } else if (0xa1..=0xfe).contains(&b)
            && bytes
                .get(i + 1)
                .is_some_and(|&t| (0xa1..=0xfe).contains(&t))
        {
            pairs += 1;
            i += 2;
        } else {
            return false;
        }
    }
    if pairs < 4 {
        return false;
    }
    let m = model();
    let plausibility = |enc: &'static Encoding| {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let scores: Vec<f32> = text
            .chars()
            .filter(|&c| taojin_core::is_han(c))
            .map(|c| m.char_logp(c))
            .collect();
        if scores.len() < 10 {
            return 0.0;
        }
        scores.iter().sum::<f32>() / scores.len() as f32
    };
    // The Han characters of real GB2312 or Big5 text average about -8 or
    // better (the suite's legacy files: -8.1 at worst); EUC-TW read as GBK
    // averages about -11, being rare characters picked by misplaced codes.
    plausibility(guess) < -10.0
}

/// Detection results for one class of files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassReport {
    pub name: String,
    pub right: usize,
    pub total: usize,
    /// `file: expected -> guessed` for each miss.
    pub misses: Vec<String>,
}

/// Per-class detection accuracy over a labelled corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetectionReport {
    pub classes: Vec<ClassReport>,
}

impl DetectionReport {
    pub fn class(&self, name: &str) -> Option<&ClassReport> {
        self.classes.iter().find(|c| c.name == name)
    }
}

impl fmt::Display for DetectionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<28} {:>6} {:>6}", "class", "right", "total")?;
        for c in &self.classes {
            writeln!(f, "{:<28} {:>6} {:>6}", c.name, c.right, c.total)?;
        }
        for c in &self.classes {
            for m in &c.misses {
                writeln!(f, "  miss [{}] {}", c.name, m)?;
            }
        }
        Ok(())
    }
}

/// Class names used by [`detection_report`].
pub const CLASS_CHINESE: &str = "Chinese legacy";
pub const CLASS_CHINESE_UTF8: &str = "Chinese UTF-8";
pub const CLASS_CONTROLS: &str = "controls";
pub const CLASS_UTF16_NO_BOM: &str = "UTF-16 without BOM";
pub const CLASS_UNSUPPORTED: &str = "HZ / EUC-TW";

/// The encoding_rs encoding for a manifest label (Python codec names).
fn expected_encoding(label: &str) -> Option<&'static Encoding> {
    let label = match label {
        "cp932" => "shift_jis",
        "cp949" => "euc-kr",
        "ascii" => "windows-1252",
        "utf-16" => "utf-16le",
        other => other,
    };
    Encoding::for_label(label.as_bytes())
}

/// One class for the family-equivalence rule (GB2312/GBK/GB18030 one
/// class, Big5/Big5-HKSCS one).
fn family(enc: &'static Encoding) -> &'static str {
    if enc == GBK || enc == encoding_rs::GB18030 {
        "gb"
    } else {
        enc.name()
    }
}

/// Runs [`crate::decode`] over `manifest.tsv` in `dir` and scores it: a
/// guess is right when it is in the expected family or decodes to the same
/// text as the expected encoding. HZ and EUC-TW are scored apart: right
/// when HZ is decoded as HZ and EUC-TW is refused as unsupported.
pub fn detection_report(dir: &Path) -> std::io::Result<DetectionReport> {
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv"))?;
    let mut classes: Vec<ClassReport> = [
        CLASS_CHINESE,
        CLASS_CHINESE_UTF8,
        CLASS_CONTROLS,
        CLASS_UTF16_NO_BOM,
        CLASS_UNSUPPORTED,
    ]
    .iter()
    .map(|n| ClassReport {
        name: n.to_string(),
        ..ClassReport::default()
    })
    .collect();
    for line in manifest.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(expected), Some(group)) = (f.first(), f.get(1), f.get(3)) else {
            continue;
        };
        let bom = f.get(5).copied().unwrap_or("");
        let bytes = std::fs::read(dir.join(file))?;
        let result = crate::decode(&bytes);
        let (class_idx, right, got) = match *expected {
            "hz-gb-2312" => {
                let ok = matches!(&result, Ok(d) if d.encoding == HZ_LABEL);
                (4, ok, describe(&result))
            }
            "euc-tw" => {
                let ok = matches!(&result, Err(crate::DecodeError::Unsupported("EUC-TW")));
                (4, ok, describe(&result))
            }
            label => {
                let ok = match (&result, expected_encoding(label)) {
                    (Ok(d), Some(exp)) => {
                        let guessed = Encoding::for_label(d.encoding.as_bytes());
                        let same_family = guessed.is_some_and(|g| family(g) == family(exp));
                        let (want, _, _) = exp.decode(&bytes);
                        same_family || d.text == want.trim_start_matches('\u{feff}')
                    }
                    _ => false,
                };
                let idx = match *group {
                    "chinese" => 0,
                    "chinese-utf8" => 1,
                    _ => 2,
                };
                (idx, ok, describe(&result))
            }
        };
        let mut record = |idx: usize| {
            if let Some(c) = classes.get_mut(idx) {
                c.total += 1;
                if right {
                    c.right += 1;
                } else {
                    c.misses.push(format!("{file}: {expected} -> {got}"));
                }
            }
        };
        record(class_idx);
        if bom.is_empty() && matches!(*expected, "utf-16le" | "utf-16be") {
            record(3);
        }
    }
    Ok(DetectionReport { classes })
}

fn describe(result: &Result<crate::Decoded, crate::DecodeError>) -> String {
    match result {
        Ok(d) => d.encoding.to_string(),
        Err(e) => format!("error: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hz_decodes_and_ascii_stays() {
        let hz = "In GB: ~{<:Ky2;S{#,~} done";
        assert_eq!(decode_hz(hz).as_deref(), Some("In GB: 己所不欲， done"));
        assert_eq!(decode_hz("a ~{ b"), None);
        assert_eq!(decode_hz("no shifts"), None);
    }

    #[test]
    fn cjk_utf16_is_found_without_bom() {
        let text = "远安县政协组织部分政协委员开展专题视察并进行现场协商。";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(utf16_cjk_without_bom(&le), Some(UTF_16LE));
        assert_eq!(utf16_cjk_without_bom(&be), Some(UTF_16BE));
        let (gbk, _, _) = GBK.encode(text);
        assert_eq!(utf16_cjk_without_bom(&gbk), None);
    }

    #[test]
    fn declaration_is_a_hint() {
        let text = "<meta charset=\"gb2312\">远安县政协组织部分政协委员开展专题视察";
        let (bytes, _, _) = GBK.encode(text);
        assert_eq!(declared_encoding(&bytes), Some(GBK));
        assert_eq!(weigh_declaration(&bytes, encoding_rs::WINDOWS_1252), GBK);
        // A wrong declaration does not override a guess that decodes cleanly
        // into the same family of bytes.
        let wrong = "<meta charset=\"shift_jis\">远安县政协组织部分政协委员开展专题视察";
        let (bytes, _, _) = GBK.encode(wrong);
        assert_eq!(weigh_declaration(&bytes, GBK), GBK);
    }
}
