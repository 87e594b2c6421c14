//! Sentence splitting for Chinese text.
//!
//! A sentence ends at `。！？!?` (a run of them counts as one end, so `？！`
//! and `!!!` stay together), and any closing quotes or brackets that follow
//! the end mark stay on the sentence they close. Line ends always end a
//! sentence. Commas never split a sentence of normal length.
//!
//! Over-long sentences (run-on text with no end marks, tables flattened into
//! one line) are cut so that one of them cannot eat a whole summary budget:
//! first at semicolons, then, if a piece is still too long, at the comma
//! nearest a balanced cut, and as a last resort at a fixed length.

/// Above this many characters a sentence is split at semicolons.
pub const LONG_SENTENCE_CHARS: usize = 256;
/// Above this many characters a piece is split at commas (or hard-cut).
pub const HARD_SENTENCE_CHARS: usize = 400;

fn is_end_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Marks that close a quotation or bracket and belong to the sentence
/// before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '］' | ']' | '"' | '\'' | '〕'
    )
}

fn is_semicolon(c: char) -> bool {
    matches!(c, '；' | ';')
}

fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':')
}

/// Splits `text` into sentences, returned as byte ranges `[start, end)` into
/// `text`, in order, non-overlapping, each trimmed of surrounding whitespace
/// and never empty.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
            continue;
        }
        if is_end_mark(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_end_mark(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Trims whitespace off `[start, end)`, then pushes it (split further if it
/// is over-long) unless it is empty.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = start + lead;
    let e = s + trimmed.len();
    split_long(text, s, e, out);
}

/// Pushes `[s, e)`, cutting it at semicolons when it is long and at commas
/// (or hard) when a piece is still too long.
fn split_long(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let Some(slice) = text.get(s..e) else {
        return;
    };
    if slice.chars().count() <= LONG_SENTENCE_CHARS {
        out.push((s, e));
        return;
    }
    let mut piece_start = s;
    for (i, c) in slice.char_indices() {
        if is_semicolon(c) {
            let end = s + i + c.len_utf8();
            cut_hard(text, piece_start, end, out);
            piece_start = end;
        }
    }
    cut_hard(text, piece_start, e, out);
}

/// Pushes `[s, e)` (trimmed), in pieces of at most [`HARD_SENTENCE_CHARS`]
/// characters, cutting after commas where it can.
fn cut_hard(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let Some(slice) = text.get(s..e) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let slice = slice.trim();
    if slice.is_empty() {
        return;
    }
    let s = s + lead;
    let n = slice.chars().count();
    if n <= HARD_SENTENCE_CHARS {
        out.push((s, s + slice.len()));
        return;
    }
    // Aim at pieces of equal length; cut at the last comma before the limit
    // that is past half of it, or at the limit itself.
    let pieces = n.div_ceil(HARD_SENTENCE_CHARS);
    let target = n.div_ceil(pieces);
    let mut piece_start = 0usize; // byte offset in slice
    let mut count = 0usize; // chars since piece_start
    let mut last_comma: Option<(usize, usize)> = None; // (byte end, chars at it)
    for (i, c) in slice.char_indices() {
        count += 1;
        let after = i + c.len_utf8();
        if is_comma(c) && count * 2 >= target {
            last_comma = Some((after, count));
        }
        if count >= target && after < slice.len() {
            let (cut, used) = last_comma.unwrap_or((after, count));
            out.push((s + piece_start, s + cut));
            piece_start = cut;
            count -= used;
            last_comma = None;
        }
    }
    if piece_start < slice.len() {
        out.push((s + piece_start, s + slice.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .filter_map(|(s, e)| text.get(s..e))
            .collect()
    }

    #[test]
    fn splits_at_end_marks_and_keeps_closers() {
        let cases: &[(&str, &[&str])] = &[
            (
                "今天天气很好。我们去公园散步，然后回家。",
                &["今天天气很好。", "我们去公园散步，然后回家。"],
            ),
            (
                "他问：“你去哪里？”我说：“回家。”",
                &["他问：“你去哪里？”", "我说：“回家。”"],
            ),
            (
                "真的吗？！太好了!!!好。",
                &["真的吗？！", "太好了!!!", "好。"],
            ),
            (
                "（本报记者 王明）\n第一段没有句号\n  第二段。  ",
                &["（本报记者 王明）", "第一段没有句号", "第二段。"],
            ),
            ("价格是3.5元，涨了10%。", &["价格是3.5元，涨了10%。"]),
            (
                "《红楼梦》是名著。（完）",
                &["《红楼梦》是名著。", "（完）"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(pieces(text), *want, "{text}");
        }
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{3000}\n").is_empty());
    }

    #[test]
    fn long_sentence_splits_at_semicolons_then_commas() {
        let clause = "被告应当于本判决生效之日起十日内支付原告货款人民币一万元及利息";
        let semi: String = (0..12).map(|_| format!("{clause}；")).collect::<String>() + "。";
        let got = pieces(&semi);
        assert!(got.len() >= 12, "{got:?}");
        assert!(got.iter().all(|p| p.ends_with('；') || p.ends_with('。')));

        let comma: String = (0..30).map(|_| format!("{clause}，")).collect::<String>() + "。";
        let got = pieces(&comma);
        assert!(got.len() >= 3, "{}", got.len());
        assert!(got.iter().all(|p| p.chars().count() <= HARD_SENTENCE_CHARS));
        assert!(
            got[..got.len() - 1].iter().all(|p| p.ends_with('，')),
            "{got:?}"
        );
        assert_eq!(got.concat(), comma);
    }

    #[test]
    fn run_without_any_mark_is_hard_cut() {
        let text = "字".repeat(HARD_SENTENCE_CHARS * 2 + 5);
        let got = pieces(&text);
        assert_eq!(got.len(), 3);
        assert_eq!(got.concat(), text);
    }

    proptest::proptest! {
        #[test]
        fn ranges_are_ordered_trimmed_and_nonempty(text in "[。！？!?，；\n 的是在他说“”（）a-c0-9]{0,600}") {
            let ranges = split(&text);
            let mut last = 0usize;
            for &(s, e) in &ranges {
                proptest::prop_assert!(s >= last && s < e && e <= text.len());
                let piece = text.get(s..e);
                proptest::prop_assert!(piece.is_some());
                let piece = piece.unwrap_or_default();
                proptest::prop_assert_eq!(piece.trim(), piece);
                proptest::prop_assert!(!piece.contains('\n'));
                last = e;
            }
        }
    }
}
