//! Bytes to text.
//!
//! Detection order: byte-order mark, strict UTF-8, UTF-16 without a BOM (by
//! the pattern of NUL bytes), then chardetng on a bounded prefix, with
//! encoding_rs decoding the whole input. The encoding chosen is reported as a
//! WHATWG label. An HTML/XML `charset=` declaration is only a hint: it is
//! used when the statistical guess does not decode cleanly. HZ-GB-2312 is
//! decoded here; EUC-TW is recognised and refused with a clear error.
//!
//! [`repair_text`] then fixes mojibake and damaged double-byte runs in the
//! decoded text.

mod chains;
mod detect;
mod latin;
mod model;
mod realign;
mod repair;
mod vocab;

pub use detect::{detection_report, ClassReport, DetectionReport};
pub use repair::{repair_text, Repaired};

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes the statistical detector looks at. Detection cost
/// stays bounded on huge inputs; the whole input is still decoded.
pub const DETECTION_PREFIX: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG label of the encoding used (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`...).
    pub encoding: &'static str,
    /// Malformed sequences replaced with U+FFFD while decoding.
    pub malformed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// Text in an encoding recognised but not decodable here.
    #[error("unsupported encoding {0}: recognised but cannot be decoded")]
    Unsupported(&'static str),
}

/// Decodes a document's bytes, choosing the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, &bytes[bom_len..]));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(decode_with(enc, bytes));
    }
    // UTF-16 Chinese without a BOM has few NULs and many bytes below 0x20:
    // recognise it (by a strict share of plausible code units) before the
    // binary check would reject it.
    if let Some(enc) = detect::utf16_cjk_without_bom(bytes) {
        return Ok(decode_with(enc, bytes));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.is_ascii() && detect::is_iso_2022_jp(bytes) {
            return Ok(decode_with(encoding_rs::ISO_2022_JP, bytes));
        }
        if text.is_ascii() {
            if let Some(text) = detect::decode_hz(text) {
                return Ok(Decoded {
                    text,
                    encoding: detect::HZ_LABEL,
                    malformed: false,
                });
            }
        }
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            malformed: false,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(decode_with(UTF_8, bytes));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECTION_PREFIX)];
    // Never tell the detector this is the last buffer: a file cut in the
    // middle of a double-byte character (a truncated download) must not
    // disqualify the legacy encoding it is really in.
    detector.feed(prefix, false);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let enc = detect::weigh_declaration(bytes, guess);
    if detect::looks_like_euc_tw(bytes, enc) {
        return Err(DecodeError::Unsupported("EUC-TW"));
    }
    Ok(decode_with(enc, bytes))
}

/// Valid UTF-8 with a little damage: many well-formed multi-byte
/// sequences and only a few bytes that are not (a truncated end, a stray
/// byte from a bad copy). Such text is UTF-8 with replacement characters;
/// a legacy detector would read the whole of it as Windows-1252 instead.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good_multibyte, mut bad, mut bad_chunks) = (0usize, 0usize, 0usize);
    let mut cut_at_end = false;
    for chunk in bytes.utf8_chunks() {
        good_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            bad += invalid.len();
            bad_chunks += 1;
            // An invalid tail shorter than a character that starts like a
            // multi-byte sequence: the file was cut mid-character.
            cut_at_end = invalid.len() < 4 && invalid[0] >= 0xC2 && invalid[0] <= 0xF4;
        }
    }
    let only_cut = bad_chunks == 1 && cut_at_end;
    (only_cut && good_multibyte >= 2) || (good_multibyte >= 8 && bad * 4 <= good_multibyte)
}

/// Decodes with a known encoding (no detection), for callers that were
/// told the encoding.
pub fn decode_as(bytes: &[u8], enc: &'static Encoding) -> Decoded {
    decode_with(enc, bytes)
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, malformed) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        malformed,
    }
}

/// UTF-16 text without a BOM shows NUL in every other byte for ASCII and
/// for most Latin text; CJK text in UTF-16 has few NULs but shows a lopsided
/// byte distribution. We only claim UTF-16 on the NUL pattern, which is
/// unambiguous: no legacy Chinese encoding produces NUL bytes in text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(DETECTION_PREFIX) & !1;
    if n < 4 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for (i, &b) in bytes[..n].iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even_nul += 1;
            } else {
                odd_nul += 1;
            }
        }
    }
    let pairs = n / 2;
    // At least a fifth of the code units must have a NUL half, all on one side.
    if odd_nul * 5 >= pairs && even_nul * 20 <= odd_nul {
        Some(UTF_16LE)
    } else if even_nul * 5 >= pairs && odd_nul * 20 <= even_nul {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Recognises common binary formats by magic number, and otherwise any
/// input whose prefix is full of control bytes.
fn binary_signature(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x7fELF", "ELF executable"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ\x00", "xz data"),
        (b"RIFF", "RIFF media"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some((*kind).to_string());
        }
    }
    let prefix = &bytes[..bytes.len().min(DETECTION_PREFIX)];
    // NUL padding around text is common in dumps; judge the rest.
    let controls = prefix
        .iter()
        .filter(|&&b| b > 0 && b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    let non_nul = prefix.iter().filter(|&&b| b != 0).count();
    if non_nul == 0 || controls * 10 > non_nul {
        return Some(format!(
            "{controls} control bytes in the first {} bytes",
            prefix.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_as_is() {
        let d = decode("縣政協委員".as_bytes()).expect("decodes");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "縣政協委員");
    }

    #[test]
    fn gbk_is_detected() {
        let text = "远安县政协组织部分政协委员、相关单位负责人开展专题视察并进行现场协商。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes).expect("decodes");
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, text);
    }

    #[test]
    fn big5_is_detected() {
        let text = "隆安縣政協秉持以黨建引領政協工作高質量發展的理念，創新實施黨建工作機制。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&bytes).expect("decodes");
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Hello, 政协 world! This is mostly ASCII text.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).expect("le").encoding, "UTF-16LE");
        assert_eq!(decode(&be).expect("be").text, text);
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("政协".as_bytes());
        let d = decode(&bytes).expect("decodes");
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", "政协"));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "远安县政协组织部分政协委员开展专题视察。"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"\xff\xfe\xfa");
        let d = decode(&bytes).expect("decodes");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.malformed && d.text.starts_with("远安县政协组织部分政协委员"));
        // Cut in the middle of a character.
        let whole = "远安县政协组织部分政协委员开展专题视察。".as_bytes();
        let d = decode(&whole[..whole.len() - 2]).expect("decodes");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16le_chinese_without_bom_is_text() {
        let text = "據說一副虎鞭售價高達新臺幣數萬元，業者坦承，這些商品多半來自走私。\n臺北多雲，氣溫十四至二十三度。";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&le).expect("decodes");
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", text));
    }

    #[test]
    fn truncated_gbk_is_still_gbk() {
        let text = "远安县政协组织部分政协委员开展专题视察并进行现场协商。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes[..bytes.len() - 1]).expect("decodes");
        assert_eq!(d.encoding, "GBK");
        assert!(d
            .text
            .starts_with("远安县政协组织部分政协委员开展专题视察并进行现场协商"));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        assert!(matches!(decode(png), Err(DecodeError::Binary(k)) if k.contains("PNG")));
    }
}
