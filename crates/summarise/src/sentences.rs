//! Sentence splitting for Chinese text.
//!
//! A sentence ends at `。！？!?` (a run of them counts as one end, so `？！`
//! and `!!!` stay together), and any closing quotes or brackets that follow
//! the end mark stay on the sentence they close. Line ends always end a
//! sentence. Commas never split a sentence of normal length.
//!
//! A sentence that opens with a bracketed title, `【…】` followed by more
//! text (the way news posts and microblogs head a story), gives the title a
//! sentence of its own: it is the writer's own one-line summary, and glued
//! to the body it could only be chosen together with it.
//!
//! Over-long sentences (run-on text with no end marks, tables flattened into
//! one line) are cut so that one of them cannot eat a whole summary budget:
//! first at semicolons, then, if a piece is still too long, at the comma
//! nearest a balanced cut, and as a last resort at a fixed length.

/// Above this many characters a sentence is split at semicolons.
pub const LONG_SENTENCE_CHARS: usize = 256;
/// Above this many characters a piece is split at commas (or hard-cut).
pub const HARD_SENTENCE_CHARS: usize = 400;
/// A bracketed title at the start of a sentence holds at least this many
/// characters: shorter brackets are labels (`【图】`, `【快讯】`) that belong
/// to the text they label.
pub const MIN_TITLE_CHARS: usize = 4;
/// ... and at most this many: a longer bracket is not a headline.
pub const MAX_TITLE_CHARS: usize = 64;

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

/// Clause breaks inside a sentence: commas and semicolons with more of the
/// sentence after them. A comma between two digits (`1,000`) groups
/// thousands and is not a break; enumeration commas (`、`) list items of one
/// clause and are not breaks either.
pub fn clause_breaks(sentence: &str) -> usize {
    let chars: Vec<char> = sentence.chars().collect();
    let mut breaks = 0;
    for (i, &c) in chars.iter().enumerate() {
        let is_break = match c {
            '，' | '；' | ';' => true,
            ',' => {
                let digit_before = i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit);
                let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
                !(digit_before && digit_after)
            }
            _ => false,
        };
        if is_break
            && chars
                .get(i + 1..)
                .is_some_and(|rest| rest.iter().any(|r| r.is_alphanumeric()))
        {
            breaks += 1;
        }
    }
    breaks
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
    if let Some(title_end) = title_end(trimmed) {
        split_long(text, s, s + title_end, out);
        push_trimmed(text, s + title_end, e, out);
        return;
    }
    split_long(text, s, e, out);
}

/// Whether `sentence` is a whole bracketed title `【…】`, as
/// [`split`] leaves one that opens a sentence.
pub fn is_bracketed_title(sentence: &str) -> bool {
    sentence
        .strip_prefix('【')
        .and_then(|s| s.strip_suffix('】'))
        .is_some_and(|inner| {
            let n = inner.chars().count();
            !inner.contains(['【', '】']) && (MIN_TITLE_CHARS..=MAX_TITLE_CHARS).contains(&n)
        })
}

/// The byte length of a bracketed title `【…】` that opens `sentence` and is
/// followed by more text, when there is one.
fn title_end(sentence: &str) -> Option<usize> {
    let body = sentence.strip_prefix('【')?;
    let mut inside = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '】' => {
                let end = '【'.len_utf8() + i + c.len_utf8();
                let rest = sentence.get(end..)?;
                let has_rest = rest.chars().any(|r| !r.is_whitespace());
                return (inside >= MIN_TITLE_CHARS && has_rest).then_some(end);
            }
            '【' => return None,
            _ if inside >= MAX_TITLE_CHARS => return None,
            _ => inside += 1,
        }
    }
    None
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
    fn opening_bracketed_title_is_its_own_sentence() {
        let cases: &[(&str, &[&str])] = &[
            // A headline in 【】 opening a post is split off, at the start of
            // the text and after an earlier sentence alike.
            (
                "【多地出台新政支持首套住房】记者从多个城市获悉，首付比例进一步下调。",
                &[
                    "【多地出台新政支持首套住房】",
                    "记者从多个城市获悉，首付比例进一步下调。",
                ],
            ),
            (
                "昨日股市收涨。【券商板块集体走强，成交额创新高】午后多只券商股涨停。",
                &[
                    "昨日股市收涨。",
                    "【券商板块集体走强，成交额创新高】",
                    "午后多只券商股涨停。",
                ],
            ),
            // Short labels stay with what they label.
            (
                "【快讯】今晨本市发生轻微地震，暂无人员伤亡。",
                &["【快讯】今晨本市发生轻微地震，暂无人员伤亡。"],
            ),
            // A bracket inside a sentence is not a title.
            (
                "合同编号为农信借字【2014】第3号。",
                &["合同编号为农信借字【2014】第3号。"],
            ),
            // A title alone is one sentence; an unclosed one is not split.
            ("【春运首日客流平稳有序】", &["【春运首日客流平稳有序】"]),
            (
                "【春运首日客流平稳有序，铁路发送旅客一千万人次",
                &["【春运首日客流平稳有序，铁路发送旅客一千万人次"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(pieces(text), *want, "{text}");
        }
        let long_bracket = format!("【{}】正文。", "很长的说明文字".repeat(10));
        assert_eq!(pieces(&long_bracket).len(), 1);
    }

    #[test]
    fn bracketed_title_is_recognised_whole() {
        let cases: &[(&str, bool)] = &[
            ("【多地出台新政支持首套住房】", true),
            ("【快讯】", false),
            ("【多地出台新政】支持首套住房", false),
            ("多地出台新政支持首套住房】", false),
            ("【多地【出台】新政支持】", false),
        ];
        for &(text, want) in cases {
            assert_eq!(is_bracketed_title(text), want, "{text}");
        }
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{3000}\n").is_empty());
    }

    #[test]
    fn clause_breaks_count_commas_and_semicolons_inside_the_sentence() {
        let cases: &[(&str, usize)] = &[
            ("地铁三号线二期工程今日正式开通运营。", 0),
            (
                "记者从市交通委获悉，地铁三号线二期工程今日正式开通运营。",
                1,
            ),
            (
                "截至6月底，全市共有新能源公交车3,200辆，占公交车总数的八成；\
                 充电桩建设进度则慢于预期。",
                3,
            ),
            // Enumeration commas list the parts of one clause.
            ("北京、上海、广州三地的房价同比均有下降。", 0),
            // Half-width commas: a thousands separator is not a break, a
            // comma between words is.
            ("The fund raised 1,500 million, and closed.", 1),
            // Marks with nothing after them end the sentence, not a clause.
            ("开通运营，", 0),
            ("", 0),
        ];
        for &(text, want) in cases {
            assert_eq!(clause_breaks(text), want, "{text}");
        }
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
        fn ranges_are_ordered_trimmed_and_nonempty(text in "[。！？!?，；\n 的是在他说“”（）【】a-c0-9]{0,600}") {
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
            // Nothing but whitespace is lost.
            let kept: String = ranges
                .iter()
                .filter_map(|&(s, e)| text.get(s..e))
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .collect();
            let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(kept, all);
        }
    }
}
