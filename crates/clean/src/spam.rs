//! Spam spliced into sentences.
//!
//! Two detectors:
//! - brands: a lexicon of gambling/SEO brands (data file), removed with a
//!   following call-to-action word (`入口`, `官网`);
//! - fragments: short runs repeated through a document at random places,
//!   where they break the flow of words. A run is a fragment when it is not a
//!   dictionary word, segments into content characters that stand alone,
//!   sits on word boundaries (it does not complete a word of its context),
//!   and recurs in varied contexts. Names (surname-initial short runs) and
//!   quoted or isolated terms are never fragments.

use crate::lexicon::Lexicons;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use taojin_core::is_han;
use taojin_segment::Segmenter;

mod scored;

const SURNAMES: &str = include_str!("../data/surnames.txt");
const SURNAMES_RARE: &str = include_str!("../data/surnames_rare.txt");
const TRANSLITERATION: &str = include_str!("../data/transliteration.txt");
const ROLE_WORDS: &str = include_str!("../data/role_words.txt");

/// Characters of transcribed foreign names (see `data/transliteration.txt`).
fn transliteration_chars() -> &'static HashSet<char> {
    static SET: std::sync::OnceLock<HashSet<char>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        TRANSLITERATION
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .filter(|c| is_han(*c))
            .collect()
    })
}

/// Words before a person's name (see `data/role_words.txt`).
fn role_words() -> &'static [Vec<char>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ROLE_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.chars().collect())
            .collect()
    })
}

/// Characters that end place names (`姚桥`, `东庄坪`, `马岭镇`): a repeated
/// run whose loose characters include one of these, after its first
/// character, is a toponym that jieba's dictionary lacks, not a splice.
const TOPONYM_SUFFIXES: &str =
    "桥村镇乡县区市省州街路湖山河江庄港湾岛城寺坪场口屯营堡坝塘沟岭峰洲滩园苑坊里巷";

/// Words that end organisation names: a repeated run holding one is the
/// name of a party to the text, not a splice.
const ORG_WORDS: &[&str] = &[
    "公司",
    "集团",
    "银行",
    "医院",
    "学校",
    "学院",
    "大学",
    "中学",
    "小学",
    "协会",
    "委员会",
    "法院",
    "检察院",
    "政府",
    "中心",
    "工厂",
    "商店",
    "合作社",
    "研究所",
    "管理站",
    "事务所",
    "俱乐部",
];

/// [`ORG_WORDS`] as chars, for matching against line text.
fn org_words() -> &'static [Vec<char>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| ORG_WORDS.iter().map(|w| w.chars().collect()).collect())
}

/// Opening and closing marks that enclose a quoted term.
const QUOTES_OPEN: &str = "“‘「『《〈【（(\"";
const QUOTES_CLOSE: &str = "”’」』》〉】）)\"";

/// Single characters that commonly stand alone as function words, and the
/// placeholder `某` of anonymised names (`王某某`, `某小学`); they do not
/// count as evidence of a broken word.
const FUNCTION_CHARS: &str =
    "的了在是和与及也都就而之等一不这那个其或又还很更最并着过把被从向为以于至止对某中上下里内外前后";

/// Length in chars of the stretches of a line within which fragments and
/// brands count as meeting (see [`keep_cooccurring`]); spam injected into
/// a paragraph lands a few dozen characters apart.
const MEETING_STRETCH: usize = 200;

/// Particles that close a grammatical phrase.
const PARTICLES: &str = "的了着过吗呢吧啊地得";

/// A span to remove from a line, in char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpamSpan {
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub brand: bool,
    pub rule: String,
}

impl SpamSpan {
    /// A brand's span `start..end` of line `line`, whose text as written is
    /// `orig`.
    fn brand(line: usize, orig: &[char], start: usize, end: usize, rule: String) -> Self {
        SpamSpan {
            line,
            start,
            end,
            text: orig[start..end].iter().collect(),
            brand: true,
            rule,
        }
    }
}

/// What stands before a bare web address in its sentence (see
/// [`find_bare_addresses`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeadIn {
    /// Nothing introducing it: the address is said bare.
    None,
    /// A one-char word (`在`, `到`).
    OneChar,
    /// A longer word that introduces an address (`官网`).
    Longer,
}

/// A web address standing bare in a sentence: its line, its span and
/// what stands before it.
struct BareAddress {
    line: usize,
    start: usize,
    end: usize,
    lead_in: LeadIn,
}

/// Every surname, common and less common (see `data/surnames_rare.txt`).
pub(crate) fn name_initials() -> &'static HashSet<char> {
    static ALL: std::sync::OnceLock<HashSet<char>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let rare = SURNAMES_RARE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .filter(|c| is_han(*c));
        surnames().into_iter().chain(rare).collect()
    })
}

fn surnames() -> HashSet<char> {
    SURNAMES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| is_han(*c))
        .collect()
}

/// Whether any of `spans` overlaps chars `a..b` of line `line`.
fn overlaps_any<'s>(
    spans: impl IntoIterator<Item = &'s SpamSpan>,
    line: usize,
    a: usize,
    b: usize,
) -> bool {
    spans
        .into_iter()
        .any(|t| t.line == line && t.start < b && a < t.end)
}

/// Finds lexicon brands (with an optional call-to-action suffix) in lines.
/// `simple` holds the lower-cased Simplified form of each line, which must
/// have the same char count as the line for a match to be mapped back.
pub fn find_brands(lines: &[Vec<char>], simple: &[Vec<char>], lex: &Lexicons) -> Vec<SpamSpan> {
    find_brands_on(lines, simple, lex, false)
}

/// [`find_brands`], told whether other spam on the page (spliced fragments
/// found after a first brand pass) already shows it is a spam page, which
/// is evidence enough for brand shapes that need it.
pub fn find_brands_on(
    lines: &[Vec<char>],
    simple: &[Vec<char>],
    lex: &Lexicons,
    spam_page: bool,
) -> Vec<SpamSpan> {
    let suffixes = &lex.suffix_chars;
    let mut out = Vec::new();
    for (li, (orig, low)) in lines.iter().zip(simple).enumerate() {
        if orig.len() != low.len() {
            continue;
        }
        let low_text: String = low.iter().collect();
        let byte_to_char = |b: usize| low_text.get(..b).map_or(0, |p| p.chars().count());
        for (bs, be) in lex.brand_matches(&low_text) {
            let (start, brand_end) = (byte_to_char(bs), byte_to_char(be));
            // A Latin brand must not be part of a longer Latin word.
            let latin = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_alphanumeric());
            if start > 0 && latin(low.get(start)) && latin(low.get(start - 1)) {
                continue;
            }
            let end = brand_end + suffix_len(low, brand_end, suffixes);
            let rule = format!("brand:{}", low[start..brand_end].iter().collect::<String>());
            out.push(SpamSpan::brand(li, orig, start, end, rule));
        }
    }
    let pattern = find_brand_shapes(simple, lex, suffixes, spam_page || !out.is_empty());
    for span in pattern {
        let overlaps = out
            .iter()
            .any(|o| o.line == span.line && o.start < span.end && span.start < o.end);
        if !overlaps && lines[span.line].len() == simple[span.line].len() {
            let text = lines[span.line][span.start..span.end].iter().collect();
            out.push(SpamSpan { text, ..span });
        }
    }
    out.sort_by_key(|s| (s.line, s.start));
    out
}

/// Top-level domains a bare web address in running text ends with.
const ADDRESS_ENDINGS: &[&str] = &[
    "com", "net", "org", "cn", "cc", "vip", "top", "xyz", "bet", "win", "club", "me", "co", "app",
    "live", "io", "tv", "info", "biz",
];

/// Words that introduce a web address in a sentence of the text's own
/// (`登录12306.cn购票`, `详见官网www.…`), and the last char of a site's name
/// given with its address (`人民网people.com.cn`).
const ADDRESS_LEAD_INS: &[&str] = &[
    "网址", "官网", "网站", "登录", "登陆", "访问", "浏览", "点击", "进入", "输入", "搜索", "详见",
    "关注", "域名", "链接", "地址", "邮箱", "在", "从", "用", "上", "到", "至", "通过", "网", "站",
];

/// The end of a web address starting at `at` in a lower-cased line (labels
/// of ASCII letters, digits and hyphens joined by dots, the last one a
/// listed top-level domain), if one starts there.
fn address_end(low: &[char], at: usize) -> Option<usize> {
    let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let mut end = at;
    let mut labels: Vec<(usize, usize)> = Vec::new();
    loop {
        let start = end;
        while low.get(end).is_some_and(|&c| label_char(c)) {
            end += 1;
        }
        if end == start {
            break;
        }
        labels.push((start, end));
        if low.get(end) == Some(&'.') && low.get(end + 1).is_some_and(|&c| label_char(c)) {
            end += 1;
        } else {
            break;
        }
    }
    // The last label listed as a domain ending, after at least one other;
    // `.com.cn` style endings take the longest run of listed labels.
    let listed = |&(a, b): &(usize, usize)| {
        let label: String = low[a..b].iter().map(char::to_ascii_lowercase).collect();
        ADDRESS_ENDINGS.contains(&label.as_str())
    };
    if labels.len() < 2 || !labels.last().is_some_and(listed) {
        return None;
    }
    let name_labels = labels.iter().take_while(|l| !listed(l)).count();
    (name_labels >= 1).then_some(end)
}

/// Web addresses standing bare inside a sentence (`面积不到www.…vip二十平方米`,
/// `，hf888.com民警随即…`): a Han char or a clause mark right before and
/// after, no space, and no word introducing them (see
/// `ADDRESS_LEAD_INS`). A site's own address sits in its footer, after
/// `©` or a space, after `@` or `://`, or after the words that introduce
/// it; a spammer's is dropped into the text where it lands. An address
/// found bare once is taken wherever else it stands bare but for a
/// one-char word before it (`面积不到www.…vip二十平方米`): those words
/// (`在` `到` `上`…) let a site's own address through, and a site does not
/// also drop its address bare into a sentence. `analysis` holds the lines
/// in lower-cased Simplified form.
pub fn find_bare_addresses(lines: &[Vec<char>], analysis: &[Vec<char>]) -> Vec<SpamSpan> {
    let mark = |c: char| "，。；！？、：,.;!?:”“\"）)".contains(c);
    let mut found: Vec<BareAddress> = Vec::new();
    for (li, low) in analysis.iter().enumerate() {
        let mut i = 0;
        while i < low.len() {
            let starts = low[i].is_ascii_alphanumeric()
                && (i == 0
                    || !(low[i - 1].is_ascii_alphanumeric() || "-.@/_".contains(low[i - 1])));
            let Some(end) = starts.then(|| address_end(low, i)).flatten() else {
                i += 1;
                continue;
            };
            let before = i.checked_sub(1).and_then(|k| low.get(k)).copied();
            let after = low.get(end).copied();
            let bare_side = |c: Option<char>| c.is_none_or(|c| is_han(c) || mark(c));
            let head: String = low[i.saturating_sub(2)..i].iter().collect();
            let words: Vec<usize> = ADDRESS_LEAD_INS
                .iter()
                .filter(|w| head.ends_with(*w))
                .map(|w| w.chars().count())
                .collect();
            let lead_in = if words.is_empty() {
                LeadIn::None
            } else if words.iter().all(|&n| n == 1) {
                LeadIn::OneChar
            } else {
                LeadIn::Longer
            };
            // Inside a sentence: a Han char on at least one side.
            let in_sentence = before.is_some_and(is_han) || after.is_some_and(is_han);
            if bare_side(before) && bare_side(after) && in_sentence {
                found.push(BareAddress {
                    line: li,
                    start: i,
                    end,
                    lead_in,
                });
            }
            i = end;
        }
    }
    let address = |f: &BareAddress| &analysis[f.line][f.start..f.end];
    let said_bare: Vec<&[char]> = found
        .iter()
        .filter(|f| f.lead_in == LeadIn::None)
        .map(address)
        .collect();
    found
        .iter()
        .filter(|f| match f.lead_in {
            LeadIn::None => true,
            LeadIn::OneChar => said_bare.contains(&address(f)),
            LeadIn::Longer => false,
        })
        .filter_map(|f| {
            let orig = lines
                .get(f.line)
                .filter(|l| l.len() == analysis[f.line].len())?;
            let rule = format!(
                "bare web address in a sentence:{}",
                address(f).iter().collect::<String>()
            );
            Some(SpamSpan::brand(f.line, orig, f.start, f.end, rule))
        })
        .collect()
}

/// Latin brand names built from an English word of gambling advertising
/// (`latin` in `data/gambling_terms.txt`) and spliced into Chinese text
/// with no Han category word after them (`追回QXBET被盗电动车`,
/// `已经准备WinPlus找消协了`). The word must be one of the name's parts as
/// its letters show them (see [`gambling_latin_word`]). The name stands in
/// Chinese text: a Han char on one side and a Han char, a mark or the
/// line's edge on the other, on a line with more Han chars than other
/// Latin letters. A call to action after it goes with it. `simple` holds the
/// lower-cased Simplified lines.
pub fn find_latin_gambling_names(
    lines: &[Vec<char>],
    simple: &[Vec<char>],
    lex: &Lexicons,
) -> Vec<SpamSpan> {
    let mark = |c: char| "，。；！？、：,;!?”“\"）)（(《》【】「」…".contains(c);
    let mut out = Vec::new();
    for (li, (orig, low)) in lines.iter().zip(simple).enumerate() {
        if orig.len() != low.len() || !orig.iter().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let han = orig.iter().filter(|&&c| is_han(c)).count();
        let letters = orig.iter().filter(|c| c.is_ascii_alphabetic()).count();
        for (start, end) in latin_runs(orig) {
            let own = orig[start..end]
                .iter()
                .filter(|c| c.is_ascii_alphabetic())
                .count();
            if han <= letters - own {
                continue;
            }
            let Some(word) = gambling_latin_word(&orig[start..end], lex) else {
                continue;
            };
            let before = start.checked_sub(1).and_then(|k| orig.get(k)).copied();
            let after = orig.get(end).copied();
            let side_ok = |c: Option<char>| c.is_none_or(|c| is_han(c) || mark(c));
            let in_sentence = before.is_some_and(is_han) || after.is_some_and(is_han);
            if !(side_ok(before) && side_ok(after) && in_sentence) {
                continue;
            }
            let stop = end + suffix_len(low, end, &lex.suffix_chars);
            out.push(SpamSpan {
                line: li,
                start,
                end: stop,
                text: orig[start..stop].iter().collect(),
                brand: true,
                rule: format!(
                    "gambling word in a Latin name:{} ({word})",
                    orig[start..end].iter().collect::<String>().to_lowercase()
                ),
            });
        }
    }
    out
}

/// The gambling word (`latin` in `data/gambling_terms.txt`) that a Latin
/// run is built on, if any: a capitalised part of a mixed-case name
/// (`Win|Plus`, `Power|Bet`), or the start or the end of an all-capitals
/// one (`LUCKY|DRAGON`, `ACE|WIN`, `LUCKY8`). Three-letter words (`bet`,
/// `win`) count only at the end of capitals with letters before them, as
/// `BETTER`, `WINDOWS` and `WIN10` start with one; a part that is the word
/// and digits only counts for longer words. Lower-case runs are mostly
/// English words of the text (`alphabet`, `darwin`) and never count, and
/// the names listed as `not_latin` are products or words of their own.
fn gambling_latin_word<'l>(name: &[char], lex: &'l Lexicons) -> Option<&'l str> {
    if !(4..=16).contains(&name.len()) {
        return None;
    }
    let lower: String = name.iter().collect::<String>().to_lowercase();
    let upper = name.iter().any(|c| c.is_ascii_uppercase());
    let lowercase = name.iter().any(|c| c.is_ascii_lowercase());
    if !upper {
        return None;
    }
    // The letters between any leading and trailing digits.
    let core_start = name.iter().take_while(|c| c.is_ascii_digit()).count();
    let core_end = name.len() - name.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let core: String = lower.chars().take(core_end).skip(core_start).collect();
    if lex
        .gambling_latin_not
        .iter()
        .any(|w| *w == lower || *w == core)
    {
        return None;
    }
    let has_digits = core_start > 0 || core_end < name.len();
    if lowercase {
        // Mixed case: the parts start at a capital after a small letter,
        // at the last capital of a run followed by a small letter (`ACE|Win`)
        // and where letters and digits meet.
        let mut parts: Vec<String> = Vec::new();
        for (i, &c) in name.iter().enumerate() {
            let prev = i.checked_sub(1).map(|k| name[k]);
            let next = name.get(i + 1).copied();
            let new_part = match prev {
                None => true,
                Some(p) => {
                    (c.is_ascii_uppercase() && p.is_ascii_lowercase())
                        || (c.is_ascii_digit() != p.is_ascii_digit())
                        || (c.is_ascii_uppercase()
                            && p.is_ascii_uppercase()
                            && next.is_some_and(|n| n.is_ascii_lowercase()))
                }
            };
            if new_part {
                parts.push(String::new());
            }
            if let Some(last) = parts.last_mut() {
                last.push(c.to_ascii_lowercase());
            }
        }
        let letter_parts = parts
            .iter()
            .filter(|p| p.chars().any(|c| c.is_ascii_alphabetic()))
            .count();
        return lex.gambling_latin.iter().map(String::as_str).find(|w| {
            parts.iter().any(|p| p == w) && (letter_parts >= 2 || (has_digits && w.len() >= 5))
        });
    }
    if !core.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    lex.gambling_latin.iter().map(String::as_str).find(|w| {
        if core == *w {
            has_digits && w.len() >= 5
        } else {
            core.ends_with(w) || (w.len() >= 5 && core.starts_with(w))
        }
    })
}

/// Brand shapes that otherwise need a page shown to carry spam (a Han
/// name before a strong category word, `某某娱乐城`, `某某真人`), taken on a
/// page where nothing else was found when the page has no business of its
/// own with gambling: no strong category word and no `赌` stands anywhere
/// outside the shapes themselves. A report on gambling or the lottery says
/// its words all through (`赌博`, `福利彩票`, `投注站`), and the shapes it
/// holds are its own terms; a spliced brand is the only gambling on a page
/// about something else. `simple` holds the lower-cased Simplified lines,
/// `analysis` the lines the spans index.
pub fn find_offtopic_brand_shapes(
    lines: &[Vec<char>],
    simple: &[Vec<char>],
    analysis: &[Vec<char>],
    lex: &Lexicons,
    seg: &Segmenter,
) -> Vec<SpamSpan> {
    let strong: Vec<Vec<char>> = lex
        .gambling
        .iter()
        .filter(|(w, strong)| *strong && !w.is_empty())
        .map(|(w, _)| w.chars().collect())
        .collect();
    let holds_strong = |chars: &[char]| strong.iter().any(|t| holds(chars, t));
    let mut shapes = find_brands_on(lines, simple, lex, true);
    widen_names_to_words(&mut shapes, lines, analysis, seg);
    drop_names_inside_words(&mut shapes, analysis, seg);
    let mut cuts = CutCache::new(seg);
    shapes.retain(|s| {
        let Some(low) = simple.get(s.line) else {
            return false;
        };
        // The category word must stand as a word of its own. It must end
        // where a word of the text ends: in `文化|娱乐场所` it is the head
        // of a longer word, not a brand's. Nor may a word of the text run
        // into it from the name's side: `女真|人` (the Jurchens) holds
        // `真人` but names no casino.
        let misplaced = strong.iter().any(|t| {
            (s.start..s.end).any(|k| {
                if !low[k..].starts_with(t) {
                    return false;
                }
                let ahead = &low[k..(k + t.len() + 2).min(low.len())];
                let heads_longer = cuts.spans(ahead).first().is_some_and(|&(_, e)| e > t.len());
                let behind = &low[s.start..(k + t.len()).min(low.len())];
                let at = k - s.start;
                heads_longer || cuts.spans(behind).iter().any(|&(a, e)| a < at && e > at)
            })
        });
        s.rule.starts_with("brand shape:")
            && !misplaced
            && low.get(s.start..s.end).is_some_and(holds_strong)
    });
    if shapes.is_empty() {
        return shapes;
    }
    let on_topic = blanked(simple, &shapes)
        .iter()
        .any(|low| low.contains(&'赌') || holds_strong(low));
    if on_topic {
        return Vec::new();
    }
    for s in &mut shapes {
        s.rule = format!("{} (the page's only gambling)", s.rule);
    }
    shapes
}

/// How many words the occurrences of a string must break in all before
/// [`find_han_brands_breaking_words`] takes it, by the strength of its
/// category word (see `data/gambling_terms.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreaksNeeded {
    pub weak: usize,
    pub strong: usize,
}

/// Brands of a two-character Han name and a category word the lexicon
/// lists (`某某体育`, `某某娱乐`) that occur without a call to action and
/// too seldom for [`find_brands_on`] to take them. Spliced in, such a
/// string breaks the words around it (`乐清|某某体育|市`, `迎难|某某体育|而上`):
/// it goes where its occurrences break `min_breaks` words in all (one on
/// a page already showing spam; elsewhere two before a weak category word,
/// one before a strong one). `simple` holds the lower-cased Simplified lines.
pub fn find_han_brands_breaking_words(
    lines: &[Vec<char>],
    simple: &[Vec<char>],
    lex: &Lexicons,
    seg: &Segmenter,
    taken: &[SpamSpan],
    needed: BreaksNeeded,
) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    let after: Vec<Vec<char>> = lex
        .gambling_after
        .iter()
        .map(|w| w.chars().collect())
        .collect();
    let overlaps = |line: usize, a: usize, b: usize| overlaps_any(taken, line, a, b);
    // Each candidate string's places (line, start, end), broken words and
    // whether its category word is a strong one.
    type Places = (Vec<(usize, usize, usize)>, usize, bool);
    let mut found: FxHashMap<Vec<char>, Places> = FxHashMap::default();
    // One-char category words (`彩`) sit inside too many words to be read
    // this way; most chars start no category word at all.
    let terms: Vec<(Vec<char>, bool)> = lex
        .gambling
        .iter()
        .map(|(t, strong)| (t.chars().collect::<Vec<char>>(), *strong))
        .filter(|(t, _)| t.len() >= 2)
        .collect();
    let starts: FxHashSet<char> = terms
        .iter()
        .filter_map(|(t, _)| t.first().copied())
        .collect();
    for (li, low) in simple.iter().enumerate() {
        if lines.get(li).is_none_or(|l| l.len() != low.len()) {
            continue;
        }
        for i in 2..low.len() {
            if !starts.contains(&low[i]) {
                continue;
            }
            let Some((term, strong)) = terms.iter().find(|(t, _)| low[i..].starts_with(t)) else {
                continue;
            };
            let end = i + term.len();
            if !low[i - 2..i].iter().all(|&c| is_han(c))
                || after.iter().any(|a| low[end..].starts_with(a))
                || overlaps(li, i - 2, end)
            {
                continue;
            }
            // A name whose first char ends a word begun before it
            // (`价|格为国际`) is the sentence's own text.
            if i >= 3 && is_han(low[i - 3]) && cuts.has_word(&low[i - 3..i - 1]) {
                continue;
            }
            let entry = found.entry(low[i - 2..end].to_vec()).or_default();
            entry.0.push((li, i - 2, end));
            entry.1 += usize::from(
                word_across_gap(&mut cuts, low, i - 2, end)
                    || echo_across_gap(&mut cuts, simple, li, i - 2, end),
            );
            entry.2 = *strong;
        }
    }
    let mut out: Vec<SpamSpan> = found
        .into_iter()
        .filter(|(_, (_, breaks, strong))| {
            *breaks >= if *strong { needed.strong } else { needed.weak }
        })
        .flat_map(|(text, (occs, ..))| {
            let name: String = text.iter().collect();
            occs.into_iter().map(move |(line, start, end)| SpamSpan {
                line,
                start,
                end,
                text: String::new(),
                brand: true,
                rule: format!("brand shape breaking words:{name}"),
            })
        })
        .collect();
    for s in &mut out {
        s.text = lines[s.line][s.start..s.end].iter().collect();
    }
    out.sort_by_key(|s| (s.line, s.start));
    out
}

/// Widens the two-char name of a brand shape (`某某娱乐城`) to the word of
/// three or four chars it ends (`聚宝盆|老虎机`, `威尼斯人|娱乐城`): brand
/// shapes take two chars before the category word, the commonest length of
/// a brand's name, and [`drop_names_inside_words`] then drops a name that
/// starts inside a word as a term of the text. A word of the best cut that
/// ends exactly where the category word starts, the same at every place
/// the shape is said (twice or more), is the name itself, not a word the
/// name sits inside. `lines` are the lines the spans' texts come
/// from, `analysis` their Simplified forms with equal char counts.
pub fn widen_names_to_words(
    spans: &mut [SpamSpan],
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    seg: &Segmenter,
) {
    let mut cuts = CutCache::new(seg);
    // The chars each span's name would be widened by (analysis form), if any.
    let widenings: Vec<Option<(usize, String)>> = spans
        .iter()
        .map(|s| name_word_start(s, lines, analysis, &mut cuts))
        .collect();
    let rules: Vec<String> = spans.iter().map(|s| s.rule.clone()).collect();
    for k in 0..spans.len() {
        let Some((start, added)) = widenings[k].clone() else {
            continue;
        };
        // Every place of the shape must show the same word: a char of the
        // text before a splice forms a word with the name by chance
        // (`走|鸿运`), and differs from place to place.
        let same: Vec<usize> = (0..spans.len()).filter(|&j| rules[j] == rules[k]).collect();
        let agreed = same.len() >= 2
            && same
                .iter()
                .all(|&j| widenings[j].as_ref().is_some_and(|(_, a)| *a == added));
        if !agreed {
            continue;
        }
        let s = &mut spans[k];
        let Some(own) = lines.get(s.line) else {
            continue;
        };
        s.start = start;
        s.text = own[s.start..s.end.min(own.len())].iter().collect();
        let name = s.rule.trim_start_matches("brand shape:").to_string();
        s.rule = format!("brand shape:{added}{name}{NAME_WIDENED}");
    }
}

/// Where the word of three or four chars that a brand shape's two-char
/// name ends starts, and the chars it adds before the name (see
/// [`widen_names_to_words`]).
fn name_word_start(
    s: &SpamSpan,
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    cuts: &mut CutCache<'_>,
) -> Option<(usize, String)> {
    if !s.brand || !s.rule.starts_with("brand shape:") {
        return None;
    }
    let (chars, own) = (analysis.get(s.line)?, lines.get(s.line)?);
    if chars.len() != own.len() || !chars.get(s.start).is_some_and(|&c| is_han(c)) {
        return None;
    }
    let from = han_reach_back(chars, s.start, 2);
    let name_end = s.start + 2;
    let window = chars.get(from..name_end.min(chars.len()))?;
    let (at, end) = (s.start - from, name_end - from);
    let (a, _) = cuts
        .spans(window)
        .iter()
        .find(|&&(a, b)| a < at && b == end && (3..=4).contains(&(b - a)))
        .copied()?;
    Some((from + a, chars[from + a..s.start].iter().collect()))
}

/// Where the run of Han chars right before `start` begins, looking back at
/// most `reach` chars (`start` itself where the char before is no Han).
fn han_reach_back(chars: &[char], start: usize, reach: usize) -> usize {
    (start.saturating_sub(reach)..start)
        .rev()
        .take_while(|&k| chars.get(k).is_some_and(|&c| is_han(c)))
        .last()
        .unwrap_or(start)
}

/// The mark [`widen_names_to_words`] puts on a rule: the name is a whole
/// word of the text by construction, which [`drop_names_inside_words`]
/// must not read as a term the category word fuses with.
const NAME_WIDENED: &str = " (name widened to a word)";

/// Drops brands found by shape or by likeness to the page's others whose
/// Han name is one dictionary word with the chars after it, or the end of
/// a word of the text before it
/// (`哈|尔滨国际|冰雪节`, `丰|富多彩`): the category word there is the
/// sentence's own. Only a word of three chars or more across the name's
/// start counts, since a spliced name meets a random char before it and two
/// chars form a word by chance often enough. `analysis` holds the lines the
/// spans index, in lower-cased Simplified form.
pub fn drop_names_inside_words(spans: &mut Vec<SpamSpan>, analysis: &[Vec<char>], seg: &Segmenter) {
    let mut cuts = CutCache::new(seg);
    spans.retain(|s| {
        // Lexicon brands are names by the list's say-so.
        if !s.brand || s.rule.starts_with("brand:") {
            return true;
        }
        let Some(chars) = analysis.get(s.line) else {
            return true;
        };
        if !chars.get(s.start).is_some_and(|&c| is_han(c)) {
            return true;
        }
        // A name that fuses with the category word after it into one
        // dictionary word (`福利彩票`, `体育彩票`, `电子竞技`) is a term of
        // the text, the lottery or the sport itself, not a brand's name.
        let widened = s.rule.ends_with(NAME_WIDENED);
        let fused = !widened
            && chars
                .get(s.start..s.end.min(chars.len()))
                .and_then(|own| cuts.spans(own).first().copied())
                .is_some_and(|(a, b)| a == 0 && b >= 3);
        if fused {
            return false;
        }
        // A two-char name that is a verb, adjective or function
        // word of the dictionary (`购买|彩票`, `开设|赌场`, `正规|投注`) makes
        // the category word its object or head: a phrase of the text.
        if name_is_not_a_name(chars, s.start, seg) {
            return false;
        }
        let from = han_reach_back(chars, s.start, 3);
        if from == s.start {
            return true;
        }
        let to = s.end.min(chars.len());
        let Some(window) = chars.get(from..to) else {
            return true;
        };
        let at = s.start - from;
        !cuts
            .spans(window)
            .iter()
            .any(|&(a, b)| a < at && b > at && b - a >= 3)
    });
}

/// Whether the two Han chars at `start` form one dictionary word whose
/// part of speech a name does not have (verb, adjective, adverb,
/// preposition, conjunction, pronoun, numeral, measure word, particle,
/// locality word).
fn name_is_not_a_name(chars: &[char], start: usize, seg: &Segmenter) -> bool {
    let Some(name) = chars.get(start..start + 2) else {
        return false;
    };
    if !name.iter().all(|&c| is_han(c)) {
        return false;
    }
    let text: String = name.iter().collect();
    // The tagger guesses a tag for any pair it does not know (`鑫旺` comes
    // out an adjective): only a word of the dictionary has a known one.
    if !seg.jieba().has_word(&text) {
        return false;
    }
    let tags = seg.tag(&text);
    matches!(tags.as_slice(), [(word, tag)] if *word == text
        && matches!(tag.as_str(), "v" | "vd" | "a" | "ad" | "d" | "p" | "c" | "r" | "m" | "q" | "u" | "f"))
}

/// Length in chars of the call-to-action words at `at`: up to two in a row
/// (`app下载`, `官网入口`), longest first at each step.
fn suffix_len(low: &[char], at: usize, suffixes: &[Vec<char>]) -> usize {
    let mut end = at;
    for _ in 0..2 {
        let Some(rest) = low.get(end..) else { break };
        match suffixes.iter().find(|s| rest.starts_with(s)) {
            Some(s) => end += s.len(),
            None => break,
        }
    }
    end - at
}

/// Brands not in the lexicon, recognised by shape: a short Latin/digit name
/// (`CFE`, `99E`) or a 2-3 character Han name, then a gambling category word,
/// then possibly a call-to-action word. A Han name needs a strong category
/// word and a call-to-action; a weak category word (`体育`) needs a Latin
/// name, no ordinary continuation after it, and a call-to-action or a
/// second occurrence in the document. On a page showing spam, four Han
/// characters before a call to action, recurring, are a brand too, whatever
/// their category word.
fn find_brand_shapes(
    simple: &[Vec<char>],
    lex: &Lexicons,
    suffixes: &[Vec<char>],
    page_has_spam: bool,
) -> Vec<SpamSpan> {
    let terms: Vec<(Vec<char>, bool)> = lex
        .gambling
        .iter()
        .map(|(w, s)| (w.chars().collect(), *s))
        .collect();
    // Most chars start no category word: one set lookup rules them out
    // (unless an empty word, which starts everywhere, is listed).
    let term_starts: FxHashSet<char> = terms
        .iter()
        .filter_map(|(t, _)| t.first().copied())
        .collect();
    let any_start = terms.iter().any(|(t, _)| t.is_empty());
    let after: Vec<Vec<char>> = lex
        .gambling_after
        .iter()
        .map(|w| w.chars().collect())
        .collect();
    // span, needs repetition in the document, needs another brand on the
    // page, has a Latin name, is a number of two or three digits (which a
    // second occurrence proves a brand's on any page)
    let mut found: Vec<(SpamSpan, bool, bool, bool, bool)> = Vec::new();
    for (li, low) in simple.iter().enumerate() {
        for i in 0..low.len() {
            if !any_start && !term_starts.contains(&low[i]) {
                continue;
            }
            let Some((term, strong)) = terms.iter().find(|(t, _)| low[i..].starts_with(t)) else {
                continue;
            };
            let latin = (0..i)
                .rev()
                .take_while(|&k| low[k].is_ascii_alphanumeric())
                .count();
            let han = (0..i).rev().take(3).take_while(|&k| is_han(low[k])).count();
            let term_end = i + term.len();
            let suffix_chars = suffix_len(low, term_end, suffixes);
            let suffix = (suffix_chars > 0).then_some(suffix_chars);
            let end = term_end + suffix_chars;
            let continues = after.iter().any(|a| low[term_end..].starts_with(a));
            let name_edge = i - latin == 0 || !low[i - latin - 1].is_ascii_alphanumeric();
            let latin_ok = (1..=6).contains(&latin)
                && low[i - latin..i].iter().any(|c| c.is_ascii_alphabetic())
                && name_edge;
            // An all-digit name (`365`, `888`): brand-shaped, but numbers
            // also stand before ordinary words, so it needs other spam.
            // A single digit (`6彩票`) only before a strong category word,
            // and only on a page that shows other spam.
            let one_digit = latin == 1 && *strong;
            let digits_ok = ((2..=4).contains(&latin) || one_digit) && !latin_ok && name_edge;
            let (start, needs_repeat, needs_spam) = if latin_ok && *strong {
                (i - latin, false, false)
            } else if latin_ok && !continues {
                (i - latin, suffix.is_none(), false)
            } else if *strong && han >= 2 && suffix.is_some() {
                // Two characters, the commonest brand-name length: a third
                // would as often be the sentence's own (`为了|金鼎棋牌`).
                (i - 2, false, false)
            } else if han >= 2 && suffix_chars >= 3 {
                // A long call to action (`体育app下载`, `娱乐官网入口`) marks a
                // brand even before a weak category word; a lone `平台` or
                // `官网` after `体育` may be ordinary text. The name is
                // taken as two characters, the commonest brand length.
                (i - 2, false, false)
            } else if digits_ok && !continues {
                (i - latin, false, suffix.is_none() || one_digit)
            } else if han >= 2 && !continues {
                // A two-character Han name before a category word
                // (`某某棋牌`, `某某娱乐官网`) is a brand only on a page that
                // already shows one; before a weak word with no call to
                // action (`某某体育`) it must recur as well.
                (i - 2, !strong && suffix.is_none(), true)
            } else {
                continue;
            };
            let name: String = low[start..term_end].iter().collect();
            found.push((
                SpamSpan {
                    line: li,
                    start,
                    end,
                    text: String::new(),
                    brand: true,
                    rule: format!("brand shape:{name}"),
                },
                needs_repeat,
                needs_spam,
                latin_ok,
                digits_ok && !one_digit && (latin <= 3 || brand_like_number(&low[i - latin..i])),
            ));
        }
    }
    // A two-character Han name and a two-character word before a call to
    // action (`某某竞猜注册`): a brand whatever its category word, on a page
    // showing spam where the string recurs.
    let cta_starts: FxHashSet<char> = suffixes.iter().filter_map(|s| s.first().copied()).collect();
    for (li, low) in simple.iter().enumerate() {
        for j in 4..low.len() {
            if !cta_starts.contains(&low[j]) {
                continue;
            }
            let cta = suffix_len(low, j, suffixes);
            let taken = found
                .iter()
                .any(|(s, ..)| s.line == li && s.start < j + cta && j - 4 < s.end);
            if cta == 0 || taken || !low[j - 4..j].iter().all(|&c| is_han(c)) {
                continue;
            }
            let name: String = low[j - 4..j].iter().collect();
            found.push((
                SpamSpan {
                    line: li,
                    start: j - 4,
                    end: j + cta,
                    text: String::new(),
                    brand: true,
                    rule: format!("brand shape:{name}"),
                },
                true,
                true,
                false,
                false,
            ));
        }
    }
    for span in find_bonus_offers(simple, &lex.gambling_bonus) {
        let taken = found
            .iter()
            .any(|(s, ..)| s.line == span.line && s.start < span.end && span.start < s.end);
        if !taken {
            // Needs a second place, not a page shown to carry spam.
            found.push((span, true, false, false, false));
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (s, ..) in &found {
        *counts.entry(s.rule.clone()).or_insert(0) += 1;
    }
    // A short number before a category word said twice (`168国际` twice;
    // four digits only where they are no year or round count, see
    // [`brand_like_number`]) is a brand's name on any page: a quantity or a
    // year does not recur before the same category word.
    let sure: Vec<SpamSpan> = found
        .iter()
        .filter(|(s, needs_repeat, needs_spam, _, short_number)| {
            let repeated = counts.get(&s.rule).copied().unwrap_or(0) >= 2;
            (!needs_spam && (!needs_repeat || repeated)) || (*short_number && repeated)
        })
        .map(|(s, ..)| s.clone())
        .collect();
    if !page_has_spam && sure.is_empty() {
        return sure;
    }
    let mut out = sure;
    // On a page already showing a brand, a Latin name before a weak
    // category word (`HM体育`) needs no second occurrence: Latin names are
    // rare in Chinese prose, and ordinary continuations were excluded.
    out.extend(
        found
            .into_iter()
            .filter(|(s, needs_repeat, needs_spam, latin, short_number)| {
                if *short_number && counts.get(&s.rule).copied().unwrap_or(0) >= 2 {
                    // In `sure` already.
                    return false;
                }
                let repeated = counts.get(&s.rule).copied().unwrap_or(0) >= 2;
                if *needs_spam {
                    !needs_repeat || repeated
                } else {
                    *needs_repeat && !repeated && *latin
                }
            })
            .map(|(s, ..)| s),
    );
    out.sort_by_key(|s| (s.line, s.start));
    out
}

/// Generic words a sign-up offer follows in ordinary text (`新用户注册送10元`):
/// who signs up, not a brand's name.
const BONUS_NOT_NAMES: &[&str] = &[
    "用户", "会员", "新人", "玩家", "客户", "首次", "立即", "即可", "现在", "马上",
];

/// Sign-up bonus offers of gambling sites (`金樽注册送88`, `凯旋开户送58`):
/// a two-char Han name, an offer of `data/gambling_terms.txt` (`bonus`) and
/// a number of one to four digits, with the name as the span's rule so
/// that [`find_brand_shapes`] can ask for a second place. The number is
/// what makes the offer a casino's: a shop's sign-up gift names a thing.
fn find_bonus_offers(simple: &[Vec<char>], offers: &[Vec<char>]) -> Vec<SpamSpan> {
    let mut out = Vec::new();
    for (li, low) in simple.iter().enumerate() {
        for j in 2..low.len() {
            let Some(offer) = offers.iter().find(|o| low[j..].starts_with(o)) else {
                continue;
            };
            let after = j + offer.len();
            let digits = low[after..]
                .iter()
                .take(5)
                .take_while(|c| c.is_ascii_digit())
                .count();
            let name = &low[j - 2..j];
            let name_text: String = name.iter().collect();
            if !(1..=4).contains(&digits)
                || !name.iter().all(|&c| is_han(c))
                || BONUS_NOT_NAMES.contains(&name_text.as_str())
            {
                continue;
            }
            let end = after + digits + usize::from(low.get(after + digits) == Some(&'元'));
            out.push(SpamSpan {
                line: li,
                start: j - 2,
                end,
                text: String::new(),
                brand: true,
                rule: format!("brand shape:{name_text} + sign-up offer"),
            });
        }
    }
    out
}

/// Whether four digits read as a brand's number rather than a year or a
/// round quantity: years (`2024国际车展`) and round counts (`3000国际游客`)
/// stand before category words in ordinary text, and recur there, while
/// gambling brands pick numbers for their look (`3658`, `8838`, `5179`).
fn brand_like_number(digits: &[char]) -> bool {
    let year = matches!(digits, ['1', '9', _, _] | ['2', '0', _, _]);
    let round = digits.ends_with(&['0', '0']);
    digits.len() == 4 && digits.iter().all(char::is_ascii_digit) && !year && !round
}

/// The maximal runs of ASCII letters and digits in a line, as
/// `(start, end)` char offsets: the candidate Latin names of brands.
fn latin_runs(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < chars.len() && !chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= chars.len() {
            return None;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        Some((start, i))
    })
}

/// Up to eight Han chars from `at`: the words a brand name may carry.
fn han_after(chars: &[char], at: usize) -> Vec<char> {
    chars
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take(8)
        .take_while(|&&c| is_han(c))
        .copied()
        .collect()
}

/// Brands whose category word is not in the lexicon (`XQZ竞猜网页版`),
/// looked for only on a page already shown to carry spam. A short Latin
/// name (letters, perhaps with digits) wedged between two Han characters
/// starts one; how far it reaches is shown either by the text around it
/// (without the name and the Han words after it, a word of the sentence
/// re-forms across the gap: `统|XQZ竞猜网页版|计局` -> `统计局`) or by a
/// second occurrence of the name followed by the same Han words (their
/// common part is the brand), or, on a spam page, by a call to action
/// ending its words (`TNR游戏注册`). A name seen once, with no word broken,
/// stays: acronyms (`GDP`, `APP`) sit in Chinese sentences all the time.
///
/// With `proof` set to [`LatinProof::Repeated`] the page need not carry
/// other spam, but a name must show itself a brand twice: two of its
/// occurrences each break a word (`实|NS竞猜网页版|事`, `拆|NS竞猜网页版|迁`),
/// or one does and another repeats the same Han words after it. An acronym
/// of an ordinary sentence re-forms a word across its gap by chance at
/// most once.
pub fn find_latin_brands(
    analysis: &[Vec<char>],
    seg: &Segmenter,
    taken: &[SpamSpan],
    proof: LatinProof,
    suffixes: &[Vec<char>],
) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    let is_taken = |line: usize, a: usize, b: usize| overlaps_any(taken, line, a, b);
    // (line, name start, name end) of every candidate name.
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    for (li, chars) in analysis.iter().enumerate() {
        for (start, i) in latin_runs(chars) {
            let han = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|&c| is_han(c));
            let name = &chars[start..i];
            // Placeholders are not names: one letter over and over
            // (`XXXX`, an anonymised number). Numbers and codes (`500`,
            // `R27450`) are, but need more proof (see `numeric_name`).
            let one_letter = name[0].is_ascii_alphabetic()
                && name.iter().all(|c| c.eq_ignore_ascii_case(&name[0]));
            // After a number, a unit or measure word (`500|万元`, `3|号`)
            // is the number's own; a brand's word follows its name directly.
            let counted =
                numeric_name(name) && chars.get(i).is_some_and(|&c| NUMBER_UNITS.contains(c));
            if (2..=6).contains(&(i - start))
                && !one_letter
                && !counted
                && han(start.checked_sub(1))
                && han(Some(i))
                && !is_taken(li, start, i)
            {
                names.push((li, start, i));
            }
        }
    }
    let lowered: Vec<String> = names
        .iter()
        .map(|&(li, a, b)| analysis[li][a..b].iter().collect::<String>().to_lowercase())
        .collect();
    // Per occurrence: the Han chars after the name, how far a word
    // re-forms across the gap (the brand's end), and how many of those
    // chars a second occurrence of the name shares.
    let mut seen: Vec<(String, Vec<char>, Option<usize>, usize)> = Vec::new();
    for (n, occ) in names.iter().enumerate() {
        let (li, start, name_end) = *occ;
        let chars = &analysis[li];
        let han_after = han_after(chars, name_end);
        // End on a word boundary of the Han text after the name, before
        // any function word (`DNA|在|复制`: the sentence goes on there).
        let ends: Vec<usize> = cuts
            .spans(&han_after)
            .iter()
            .take_while(|w| !han_after.get(w.0..w.1).is_some_and(all_function))
            .map(|w| w.1)
            .filter(|&e| e <= 6)
            .collect();
        let rejoin_end = ends
            .iter()
            .copied()
            .take_while(|&e| chars.get(name_end + e).is_some_and(|&c| is_han(c)))
            .find(|&e| word_across_gap(&mut cuts, chars, start, name_end + e));
        let common = names
            .iter()
            .zip(&lowered)
            .enumerate()
            .filter(|&(m, (_, name))| m != n && *name == lowered[n])
            .map(|(_, (other, _))| {
                analysis[other.0][other.2..]
                    .iter()
                    .zip(&han_after)
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .max()
            .unwrap_or(0);
        // A Latin name whose words end on a call to action (`TNR游戏注册`,
        // `XY竞猜官网`) is a brand's, whatever its category word: the
        // lexicon lists the calls to action, not every category. On a page
        // without other spam, only where the whole string is said twice.
        let call_end = if numeric_name(&chars[start..name_end]) {
            None
        } else {
            ends.iter()
                .copied()
                .filter(|&k| (1..=4).contains(&k))
                .find_map(|k| Some(k + suffix_len(&han_after, k, suffixes)).filter(|&e| e > k))
                .filter(|&e| proof == LatinProof::SpamPage || common >= e)
        };
        let rejoin_end = rejoin_end.or(call_end);
        let common_end = ends.iter().copied().filter(|&e| e <= common).max();
        seen.push((
            lowered[n].clone(),
            han_after,
            rejoin_end,
            common_end.unwrap_or(0),
        ));
    }
    // A name is a brand's once one of its occurrences breaks a word (on a
    // page without other spam: twice, or once where another occurrence
    // carries the same Han words, so the whole brand string recurs).
    let mut breaks: FxHashMap<&str, (usize, bool)> = FxHashMap::default();
    for (i, s) in seen.iter().enumerate() {
        let entry = breaks.entry(s.0.as_str()).or_insert((0, false));
        let Some(e) = s.2 else { continue };
        entry.0 += 1;
        entry.1 |= seen
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.0 == s.0 && o.1.len() >= e && o.1.get(..e) == s.1.get(..e));
    }
    // On a spam page, a name said twice or more, always with the same Han
    // words after it (the whole brand string recurring), is a brand without
    // breaking a word. An acronym of the text is followed by different
    // words in different places (`LCD面板`, `LCD监视器`).
    if proof == LatinProof::SpamPage {
        for s in &seen {
            let always = seen.iter().filter(|o| o.0 == s.0).all(|o| o.3 >= 2);
            if s.3 >= 2 && always && !numeric_name(&s.0.chars().collect::<Vec<_>>()) {
                breaks.entry(s.0.as_str()).or_insert((0, false)).0 += 1;
            }
        }
    }
    // On a spam page, a name said only before one two-char word, which the
    // page says nowhere else and whose chars it says nowhere else either,
    // brought that word with it: a category word no list has (`XQZ夺宝`).
    // An acronym of the text mostly stands before the text's own words
    // (`GDP增长` where `增长` or its chars recur), or names a party
    // (`IBM公司`); one before a word of its own still goes (`GDP能耗`).
    let mut foreign: FxHashMap<&str, usize> = FxHashMap::default();
    if proof == LatinProof::SpamPage {
        let count = |needle: &[char]| said_outside(analysis, needle, is_taken);
        for s in &seen {
            let shown_so_far = breaks.get(s.0.as_str()).is_some_and(|b| b.0 > 0);
            if shown_so_far || foreign.contains_key(s.0.as_str()) {
                continue;
            }
            let Some(&(0, w_end)) = cuts.spans(&s.1).first() else {
                continue;
            };
            let word = &s.1[..w_end];
            let said = seen.iter().filter(|o| o.0 == s.0).count();
            // An organisation word (`IBM公司`, `某某体育公司`) names a party.
            let org = org_words()
                .iter()
                .any(|o| s.1.starts_with(o) || s.1[w_end..].starts_with(o));
            // A call to action is no category word (`某某平台`).
            let action = suffixes.iter().any(|a| a.as_slice() == word);
            let shown = word.len() == 2
                && !all_function(word)
                && !org
                && !action
                && seen
                    .iter()
                    .filter(|o| o.0 == s.0)
                    .all(|o| o.1.starts_with(word))
                && count(&s.0.chars().collect::<Vec<_>>()) == said;
            // The word may stand after a Han name too (the site's other
            // brand, `某某夺宝`): a wedged string that is no dictionary word,
            // its name said nowhere else.
            let mut han_named = || {
                let mut n = 0;
                for (li, low) in analysis.iter().enumerate() {
                    for k in 2..low.len().saturating_sub(1) {
                        if low[k..].starts_with(word)
                            && !is_taken(li, k, k + 2)
                            && !low[k - 1].is_ascii_alphanumeric()
                        {
                            let g = &low[k - 2..k + 2];
                            let wedged = k >= 3
                                && is_han(low[k - 3])
                                && low.get(k + 2).is_some_and(|&c| is_han(c));
                            let named = wedged
                                && g.iter().all(|&c| is_han(c))
                                && !is_taken(li, k - 2, k)
                                && count(&g[..2]) == 1
                                && !cuts.has_word(g);
                            if !named {
                                return None;
                            }
                            n += 1;
                        }
                    }
                }
                Some(n)
            };
            let shown = shown
                && han_named().is_some_and(|n| {
                    count(word) == said + n && word.iter().all(|&c| count(&[c]) == said + n)
                });
            if shown {
                foreign.insert(s.0.as_str(), w_end);
            }
        }
    }
    let confirmed: FxHashSet<&str> = breaks
        .iter()
        .filter(|(name, &(broken, repeated))| {
            // A number breaks a word by chance more easily than a Latin
            // name (a page has many), so it always needs the proof of a
            // page without other spam.
            let numeric = numeric_name(&name.chars().collect::<Vec<_>>());
            match proof {
                LatinProof::SpamPage if !numeric => broken >= 1,
                _ => broken >= 2 || (broken >= 1 && repeated),
            }
        })
        .map(|(name, _)| *name)
        .collect();
    let mut out = Vec::new();
    for (occ, (name, _, rejoin_end, common_end)) in names.iter().zip(&seen) {
        let foreign_end = foreign.get(name.as_str()).copied();
        if !confirmed.contains(name.as_str()) && foreign_end.is_none() {
            continue;
        }
        let (li, start, name_end) = *occ;
        let e = if *common_end >= 2 {
            *common_end
        } else if let Some(e) = rejoin_end.or(foreign_end) {
            e
        } else {
            continue;
        };
        // The brand's words end where something already taken begins: a
        // second occurrence may share the fragment spliced after it
        // (`XNN竞猜|天天特价`), which is not the brand's own.
        let stop = taken
            .iter()
            .filter(|t| t.line == li && t.start >= name_end && t.start < name_end + e)
            .map(|t| t.start)
            .min()
            .unwrap_or(name_end + e);
        if stop == name_end || is_taken(li, start, stop) {
            continue;
        }
        let text: String = analysis[li][start..stop].iter().collect();
        let how = if confirmed.contains(name.as_str()) {
            ""
        } else {
            ", its word foreign to the page"
        };
        out.push(SpamSpan {
            line: li,
            start,
            end: stop,
            rule: format!("{LATIN_NAMED}{how}:{text}"),
            text,
            brand: true,
        });
    }
    out
}

/// Latin-named brands said once on a page without other spam, where the
/// words after the name open with a gambling category word the lexicon
/// lists and cutting the string out re-forms a word of the sentence
/// (`在所|GDH体育|有`). Either sign alone is common in
/// ordinary text (`NBA体育频道`, `GDP增长`); together they are how spliced
/// brands sit. A digit name still needs two broken words, as in
/// [`find_latin_brands`]: a page has many numbers, and one breaks a word by
/// chance more easily. `analysis` holds the lower-cased Simplified lines.
pub fn find_categorised_latin_brands(
    analysis: &[Vec<char>],
    seg: &Segmenter,
    lex: &Lexicons,
) -> Vec<SpamSpan> {
    let terms: Vec<Vec<char>> = lex
        .gambling
        .iter()
        .filter(|(t, _)| t.chars().count() >= 2)
        .map(|(t, _)| t.chars().collect())
        .collect();
    let mut cuts = CutCache::new(seg);
    let mut found = find_latin_brands(analysis, seg, &[], LatinProof::SpamPage, &lex.suffix_chars);
    found.retain(|b| {
        let Some(line) = analysis.get(b.line) else {
            return false;
        };
        let Some(span) = line.get(b.start..b.end) else {
            return false;
        };
        let name = span
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let words = &span[name..];
        terms.iter().any(|t| words.starts_with(t))
            && word_across_gap(&mut cuts, line, b.start, b.end)
    });
    for b in &mut found {
        b.rule = format!("{LATIN_NAMED}, before a category word:{}", b.text);
    }
    found
}

/// Chars that follow a number as its unit or measure word (`500万元`,
/// `3号`, `12月`, `30余人`, `21世纪`, `50美元`), both scripts: a number with one of these after
/// it is a quantity, whatever word its removal would re-form.
const NUMBER_UNITS: &str = "年月日昼晝号號时時分秒世美点點元角岁歲届屆期次个個位名人家户戶件条條项項款辆輛台张張只隻十百千万萬亿億余餘多倍级級度周天米克吨噸斤亩畝升里层層楼樓栋棟室路线線版章节節集季轮輪场場盘盤票股份批种種类類成间間棵株座套头頭匹枚篇部本首封双雙对對片块塊根颗顆粒堆幅瓶杯碗箱袋包公毫厘寸尺省道";

/// Whether a Latin run is mostly digits (`500`, `500V`, `R27450`): a
/// number or a code rather than a name, though spam sites name brands so
/// too.
fn numeric_name(name: &[char]) -> bool {
    let letters = name.iter().filter(|c| c.is_ascii_alphabetic()).count();
    letters * 2 < name.len()
}

/// How much a Latin-named brand must show before [`find_latin_brands`]
/// takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatinProof {
    /// The page is already shown to carry spam: one broken word will do.
    SpamPage,
    /// Nothing else on the page is spam: the name must show it twice.
    Repeated,
}

/// The Han chars on each side of `line[start..end]`, up to `reach` each,
/// stopping at the first char that is not Han; `None` when a side has
/// none.
fn seam_sides(line: &[char], start: usize, end: usize, reach: usize) -> Option<(&[char], &[char])> {
    let han = |k: &usize| line.get(*k).is_some_and(|&c| is_han(c));
    let left_from = (start.saturating_sub(reach)..start)
        .rev()
        .take_while(han)
        .last()
        .unwrap_or(start);
    let right_to = (end..(end + reach).min(line.len()))
        .take_while(han)
        .last()
        .map_or(end, |k| k + 1);
    let (left, right) = (line.get(left_from..start)?, line.get(end..right_to)?);
    (!left.is_empty() && !right.is_empty()).then_some((left, right))
}

/// Whether cutting `start..end` out of `line` lets a dictionary word form
/// across the gap, reading up to four Han chars on each side
/// (`统|XQZ竞猜网页版|计局` -> `统计局`).
fn word_across_gap(cuts: &mut CutCache<'_>, line: &[char], start: usize, end: usize) -> bool {
    let Some((left, right)) = seam_sides(line, start, end, 4) else {
        return false;
    };
    let seam = left.len();
    let joined: Vec<char> = left.iter().chain(right).copied().collect();
    cuts.spans(&joined)
        .iter()
        .any(|&(a, b)| a < seam && b > seam && b - a >= 2)
}

/// Whether, with `line[start..end]` taken out, the Han chars that meet at
/// the seam (one to three on each side, three or more in all) are said
/// elsewhere on the page: a splice inside a name the text repeats
/// (`宋|某某棋牌|秀兰` beside a later `宋秀兰`). Names are what the
/// dictionary does not know, so [`word_across_gap`] cannot see these seams;
/// the page's own words can. Measured on the harness's development pages,
/// about one occurrence of a repeated clean run in fifty shows such an echo,
/// against one spliced string in seven. A side that is a dictionary word
/// itself (`举办|高校电竞|联赛` beside a later `届联赛`) echoes by chance:
/// any char before a common word is said again somewhere.
fn echo_across_gap(
    cuts: &mut CutCache<'_>,
    lines: &[Vec<char>],
    li: usize,
    start: usize,
    end: usize,
) -> bool {
    let Some((left, right)) = lines
        .get(li)
        .and_then(|line| seam_sides(line, start, end, 3))
    else {
        return false;
    };
    for k in 1..=left.len() {
        for m in 1..=right.len() {
            let (l, r) = (&left[left.len() - k..], &right[..m]);
            if k + m < 3 || (k >= 2 && cuts.has_word(l)) || (m >= 2 && cuts.has_word(r)) {
                continue;
            }
            let joined: Vec<char> = left[left.len() - k..]
                .iter()
                .chain(&right[..m])
                .copied()
                .collect();
            if lines.iter().any(|l| holds(l, &joined)) {
                return true;
            }
        }
    }
    false
}

/// A found brand's name and the Han words after it: a Latin or digit name
/// is its leading alphanumerics, a Han name two chars (see
/// `find_brand_shapes`). `None` when what follows the name is not all Han.
fn brand_name_and_words(span: &[char]) -> Option<(usize, &[char])> {
    let latin = span
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let head = if latin > 0 { latin } else { 2 };
    let rest = span.get(head..)?;
    rest.iter().all(|&c| is_han(c)).then_some((head, rest))
}

/// Brands built like the ones already found on the page. A spam site
/// names its brands from a few parts (a name, a category word such as
/// `娱乐`, a call to action such as `官网`), so once some brands are found
/// their Han words after the name are this page's category and
/// call-to-action words, whether or not the lexicon knows them. Other
/// strings made of a name and those words are then brands too: a Latin or
/// digit name before a learned category word, or a two-character Han name
/// before one when the string recurs, carries a learned call to action, or
/// breaks a word of the sentence (`统|某某竞猜|计局`). `analysis` holds the
/// lower-cased Simplified lines.
pub fn find_learned_brands(
    analysis: &[Vec<char>],
    seg: &Segmenter,
    taken: &[SpamSpan],
    lex: &Lexicons,
) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    // The Han words after the name in each brand found so far.
    let mut categories: FxHashSet<Vec<char>> = FxHashSet::default();
    let mut actions: FxHashSet<Vec<char>> = FxHashSet::default();
    let mut names: FxHashSet<Vec<char>> = FxHashSet::default();
    for t in taken.iter().filter(|t| t.brand) {
        let Some(span) = analysis.get(t.line).and_then(|l| l.get(t.start..t.end)) else {
            continue;
        };
        let Some((head, rest)) = brand_name_and_words(span).filter(|(_, r)| r.len() >= 2) else {
            continue;
        };
        // A one-char name (`6彩票`) stands before ordinary words too.
        if let Some(name) = span.get(..head).filter(|n| n.len() >= 2) {
            names.insert(name.to_vec());
        }
        let words = cuts.spans(rest);
        for (k, &(a, b)) in words.iter().enumerate() {
            let w = rest[a..b].to_vec();
            if w.len() < 2 || all_function(&w) {
                break;
            }
            if k == 0 {
                categories.insert(w);
            } else {
                actions.insert(w);
            }
        }
    }
    if taken.is_empty() {
        return Vec::new();
    }
    let members = family_members(analysis, &mut cuts, taken);
    let (family_categories, family_actions) = family_words(&members, true);
    categories.extend(family_categories);
    actions.extend(family_actions);
    // The lexicon's words count as well: on a page showing spam, a name
    // before them needs no second occurrence when it breaks a word
    // (`扩|某某娱乐|大`).
    // A weak word (`国际`, `体育`) the page's own brands did not use is too
    // common for a broken word to be evidence: a Han name before it needs
    // a call to action or a repeat.
    let weak: FxHashSet<Vec<char>> = lex
        .gambling
        .iter()
        .filter(|(_, strong)| !strong)
        .map(|(w, _)| w.chars().collect::<Vec<char>>())
        .filter(|w| !categories.contains(w))
        .collect();
    categories.extend(
        lex.gambling
            .iter()
            .map(|(w, _)| w.chars().collect::<Vec<char>>()),
    );
    actions.extend(
        lex.suffixes
            .iter()
            .map(|w| w.chars().collect::<Vec<char>>()),
    );
    let after: Vec<Vec<char>> = lex
        .gambling_after
        .iter()
        .map(|w| w.chars().collect())
        .collect();
    let is_taken = |line: usize, a: usize, b: usize, more: &[SpamSpan]| {
        overlaps_any(taken.iter().chain(more), line, a, b)
    };
    // Candidates: (line, start, end of the category word, end, Latin name).
    let mut found: Vec<(usize, usize, usize, usize, bool)> = Vec::new();
    for (li, low) in analysis.iter().enumerate() {
        for i in 0..low.len() {
            let Some(cat) = categories
                .iter()
                .filter(|c| !c.is_empty() && low[i..].starts_with(c))
                .max_by_key(|c| c.len())
            else {
                continue;
            };
            // An ordinary continuation (`体育新闻`) shows an ordinary use.
            if after.iter().any(|a| low[i + cat.len()..].starts_with(a)) {
                continue;
            }
            let latin = low[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let han = low[..i]
                .iter()
                .rev()
                .take(2)
                .take_while(|&&c| is_han(c))
                .count();
            let start = if (1..=6).contains(&latin) {
                i - latin
            } else if han == 2 {
                i - 2
            } else {
                continue;
            };
            let cat_end = i + cat.len();
            let mut end = cat_end;
            // Learned calls to action, up to two.
            for _ in 0..2 {
                match actions.iter().find(|a| low[end..].starts_with(a)) {
                    Some(a) => end += a.len(),
                    None => break,
                }
            }
            if !is_taken(li, start, end, &[]) {
                found.push((li, start, cat_end, end, latin > 0));
            }
        }
    }
    // The page's brand names before other words: a spam site prints one
    // name with several category words (`某某娱乐`, `某某体育`), so the
    // word after a known name is a category word even where no list and
    // no other brand has it.
    let mut named: Vec<(usize, usize, usize, usize, bool)> = Vec::new();
    for (li, low) in analysis.iter().enumerate() {
        for name in &names {
            let latin = name.iter().all(|c| c.is_ascii_alphanumeric());
            let mut from = 0;
            while let Some(pos) = low
                .get(from..)
                .and_then(|rest| rest.windows(name.len()).position(|w| w == name.as_slice()))
            {
                let start = from + pos;
                let name_end = start + name.len();
                from = name_end;
                // A Latin name must not be part of a longer Latin word.
                let ascii = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_alphanumeric());
                if latin && (start > 0 && ascii(low.get(start - 1)) || ascii(low.get(name_end))) {
                    continue;
                }
                let after = han_after(low, name_end);
                let Some(&(_, word_end)) = cuts.spans(&after).first() else {
                    continue;
                };
                let word = &after[..word_end];
                if !(2..=4).contains(&word.len()) || all_function(word) {
                    continue;
                }
                let cat_end = name_end + word_end;
                let mut end = cat_end;
                for _ in 0..2 {
                    match actions.iter().find(|a| low[end..].starts_with(a)) {
                        Some(a) => end += a.len(),
                        None => break,
                    }
                }
                let clash =
                    |o: &(usize, usize, usize, usize, bool)| o.0 == li && o.1 < end && start < o.3;
                if !is_taken(li, start, end, &[]) && !found.iter().any(clash) {
                    named.push((li, start, cat_end, end, latin));
                }
            }
        }
    }
    let text_of =
        |&(li, a, _, b, _): &(usize, usize, usize, usize, bool)| analysis[li][a..b].to_vec();
    // A Han name before a learned category word said once, standing as a
    // spliced brand does (see [`stands_alone`]), where the page says the
    // word outside spam only in such strings: a word of the text says it
    // elsewhere too (`营运模式`, `自动模式`).
    let mut pairs = None;
    let alone: Vec<bool> = found
        .iter()
        .map(|&(li, start, cat_end, end, latin)| {
            // Only where nothing else would take it (see below).
            !latin
                && cat_end == start + 4
                && end == cat_end
                && !weak.iter().any(|w| analysis[li][..cat_end].ends_with(w))
                && stands_alone(&mut cuts, analysis, &mut pairs, (li, start, cat_end), true)
        })
        .collect();
    let category_of = |&(li, start, cat_end, ..): &(usize, usize, usize, usize, bool)| {
        &analysis[li][start + 2..cat_end]
    };
    let lone: Vec<bool> = found
        .iter()
        .zip(&alone)
        .map(|(cand, &a)| {
            let word = category_of(cand);
            let strings = found
                .iter()
                .zip(&alone)
                .filter(|(o, &oa)| oa && category_of(o) == word)
                .count();
            a && said_outside(analysis, word, |li, a, b| is_taken(li, a, b, &[])) == strings
        })
        .collect();
    let mut out: Vec<SpamSpan> = Vec::new();
    for (ci, cand) in found.iter().chain(&named).enumerate() {
        let by_name = named.contains(cand);
        let (li, start, cat_end, end, latin) = *cand;
        let low = &analysis[li];
        let with_action = end > cat_end;
        let recurs = found.iter().filter(|o| text_of(o) == text_of(cand)).count() >= 2;
        let breaks = word_across_gap(&mut cuts, low, start, end);
        // A Han name needs more than the category word: `网络游戏` is a
        // phrase wherever `游戏` names a brand's category.
        let weak_word = weak.iter().any(|w| low[..cat_end].ends_with(w));
        let ok = if latin {
            true
        } else if by_name {
            // A Han name before an unknown word needs the word to show
            // itself a brand's: a call to action or a broken word.
            with_action || breaks
        } else {
            let lone = lone.get(ci).copied().unwrap_or(false);
            with_action || recurs || (breaks && !weak_word) || (lone && !weak_word)
        };
        if !ok || is_taken(li, start, end, &out) {
            continue;
        }
        let text: String = low[start..end].iter().collect();
        out.push(SpamSpan {
            line: li,
            start,
            end,
            rule: if by_name {
                format!("a brand name of the page before another word:{text}")
            } else {
                format!("brand like the page's others:{text}")
            },
            text,
            brand: true,
        });
    }
    out
}

/// One Latin name wedged after a Han character, with the Han words after
/// it: a possible member of a family of brands (see [`family_words`]).
struct FamilyMember {
    line: usize,
    start: usize,
    /// End of the name.
    name_end: usize,
    name: String,
    /// The first word after the name, and the second if there is one.
    category: Vec<char>,
    action: Option<Vec<char>>,
    /// Removed as a brand by another rule already.
    removed: bool,
    /// Cut out with its words, it lets a word of the sentence re-form
    /// across the gap.
    breaks: bool,
}

fn family_members(
    analysis: &[Vec<char>],
    cuts: &mut CutCache<'_>,
    taken: &[SpamSpan],
) -> Vec<FamilyMember> {
    let mut members = Vec::new();
    for (li, chars) in analysis.iter().enumerate() {
        for (start, i) in latin_runs(chars) {
            let name = &chars[start..i];
            let letters = name.iter().filter(|c| c.is_ascii_alphabetic()).count();
            let wedged = start > 0 && is_han(chars[start - 1]);
            if !(2..=6).contains(&name.len()) || letters == 0 || !wedged {
                continue;
            }
            let han_after = han_after(chars, i);
            let spans = cuts.spans(&han_after);
            let word = |k: usize| {
                spans
                    .get(k)
                    .and_then(|&(a, b)| han_after.get(a..b))
                    .filter(|w| w.len() >= 2 && !all_function(w))
                    .map(<[char]>::to_vec)
            };
            let Some(category) = word(0) else {
                continue;
            };
            let action = word(1);
            let cat_end = i + category.len();
            let end = cat_end + action.as_ref().map_or(0, Vec::len);
            let removed = taken
                .iter()
                .any(|t| t.brand && t.line == li && t.start == start && t.end > i);
            let breaks = word_across_gap(cuts, chars, start, cat_end)
                || (end > cat_end && word_across_gap(cuts, chars, start, end));
            members.push(FamilyMember {
                line: li,
                start,
                name_end: i,
                name: name.iter().collect::<String>().to_lowercase(),
                category,
                action,
                removed,
                breaks,
            });
        }
    }
    members
}

/// The category and call-to-action words of the families among `members`.
/// A spam site names its brands from a few parts, so different Latin names
/// followed by the same Han word (`ZMT夺宝`, `KQ夺宝`) show that word is
/// the site's category word, whether or not the lexicon knows it; a second
/// word shared by two names after it is a call to action. Acronyms in
/// ordinary prose share words too (`GDP增长`, `CPI增长`), so a family needs
/// two names of which one is shown to be a brand (removed by another rule,
/// or breaking a word of its sentence: `黑龙|KQ夺宝|江`), or three names on
/// a page already showing spam (`on_spam_page`). Without other spam on the
/// page, removals by other rules do not exist and a break is required.
fn family_words(members: &[FamilyMember], on_spam_page: bool) -> (Vec<Vec<char>>, Vec<Vec<char>>) {
    let mut categories: Vec<Vec<char>> = Vec::new();
    let mut actions: Vec<Vec<char>> = Vec::new();
    for m in members {
        if categories.contains(&m.category) {
            continue;
        }
        let family: Vec<&FamilyMember> = members
            .iter()
            .filter(|o| o.category == m.category)
            .collect();
        let mut names: Vec<&str> = family.iter().map(|o| o.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let shown_member = family.iter().any(|o| o.removed || o.breaks);
        let shown = names.len() >= 2 && (shown_member || (on_spam_page && names.len() >= 3));
        if !shown {
            continue;
        }
        categories.push(m.category.clone());
        for a in family.iter().filter_map(|o| o.action.as_ref()) {
            let mut users: Vec<&str> = family
                .iter()
                .filter(|o| o.action.as_ref() == Some(a))
                .map(|o| o.name.as_str())
                .collect();
            users.sort_unstable();
            users.dedup();
            if users.len() >= 2 && !actions.contains(a) {
                actions.push(a.clone());
            }
        }
    }
    (categories, actions)
}

/// Families of Latin-named brands on a page that shows no other spam: two
/// names or more before the same Han word, one of them breaking a word of
/// its sentence (see [`family_words`]). Each member goes with its category
/// word, and with the call to action the family shares. The brands found
/// make the page a spam page for the other rules.
pub fn find_brand_families(analysis: &[Vec<char>], seg: &Segmenter) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    let members = family_members(analysis, &mut cuts, &[]);
    let (categories, actions) = family_words(&members, false);
    members
        .iter()
        .filter(|m| categories.contains(&m.category))
        .filter_map(|m| {
            let cat_end = m.name_end + m.category.len();
            let end = match &m.action {
                Some(a) if actions.contains(a) => cat_end + a.len(),
                _ => cat_end,
            };
            let text: String = analysis.get(m.line)?.get(m.start..end)?.iter().collect();
            Some(SpamSpan {
                line: m.line,
                start: m.start,
                end,
                rule: format!("family of latin-named brands:{text}"),
                text,
                brand: true,
            })
        })
        .collect()
}

/// Longest call to action, in chars, that [`extend_brand_tails`] adds to a
/// brand: the link words of spam (`网页版`, `注册送`) are one to three.
const MAX_TAIL: usize = 3;

/// The rule name of [`find_latin_brands`].
const LATIN_NAMED: &str = "latin-named brand";

/// Brands reach over the call to action after them, which no list holds in
/// full (`网页版`, `客户端`, `注册送`): a brand cut without it leaves the
/// words behind in the sentence (`成|某某国际|网页版|果`). Once brands are
/// found, the Han chars after each are compared: words (not function words)
/// that follow two occurrences of one brand, or two different brands, while
/// the text after them differs, are this page's call to action, and go with
/// every brand they follow. A word of the sentence re-forming across the
/// gap once the words are cut would be evidence too, but on the harness's
/// dev pages that test fired on ordinary text after every brand it
/// extended (`|立案`, `|提出`), so it is not used.
///
/// `analysis` holds the lines in lower-cased Simplified form; spans keep
/// their rule and grow only over Han chars no other span covers.
pub fn extend_brand_tails(
    analysis: &[Vec<char>],
    spans: &mut [SpamSpan],
    seg: &Segmenter,
) -> Vec<Vec<char>> {
    let mut cuts = CutCache::new(seg);
    // The Han chars after each brand, up to the next span on its line.
    let tails: Vec<Option<Vec<char>>> = spans
        .iter()
        .map(|s| {
            if !s.brand {
                return None;
            }
            let line = analysis.get(s.line)?;
            let next = spans
                .iter()
                .filter(|o| o.line == s.line && o.start >= s.end)
                .map(|o| o.start)
                .min()
                .unwrap_or(line.len());
            let after = han_after(line.get(..next)?, s.end);
            Some(after)
        })
        .collect();
    // Whether a web address or its bracket follows a brand's Han tail.
    let addressed: Vec<bool> = spans
        .iter()
        .zip(&tails)
        .map(|(s, tail)| {
            let at = s.end + tail.as_ref().map_or(0, Vec::len);
            analysis
                .get(s.line)
                .and_then(|l| l.get(at))
                .is_some_and(|&c| "【[（(《<".contains(c) || c.is_ascii_alphanumeric())
        })
        .collect();
    // The Han char before each brand: where the brand was spliced into a
    // word (`共|某某|和国`), the words after it finish that word.
    let before: Vec<Option<char>> = spans
        .iter()
        .map(|s| {
            let k = s.start.checked_sub(1)?;
            analysis.get(s.line)?.get(k).copied().filter(|&c| is_han(c))
        })
        .collect();
    let finishes_word = |cuts: &mut CutCache<'_>, i: usize, word: &[char]| {
        before[i].is_some_and(|c| {
            let joined: Vec<char> = std::iter::once(c).chain(word.iter().copied()).collect();
            cuts.spans(&joined).first().is_some_and(|w| w.1 > 1)
        })
    };
    // Words after a brand that its other occurrences, or other brands,
    // share with it, cut at a word boundary of the text that follows.
    let mut learned: Vec<Vec<char>> = Vec::new();
    for (i, tail) in tails.iter().enumerate() {
        let Some(tail) = tail else { continue };
        for (j, other) in tails.iter().enumerate().skip(i + 1) {
            let Some(other) = other else { continue };
            let common = tail.iter().zip(other).take_while(|(a, b)| a == b).count();
            // The same text going on after both (a sentence that is on the
            // page twice) shows nothing about the brand. A tail that stops
            // short at the brand's web address (`某某彩票客户端【www.…】`, the
            // brand's own line) and is all shared is the call to action
            // itself.
            let shorter = tail.len().min(other.len());
            let at_address =
                |k: usize| tails[k].as_ref().is_some_and(|t| t.len() == shorter) && addressed[k];
            if common >= shorter && !(shorter <= MAX_TAIL && (at_address(i) || at_address(j))) {
                continue;
            }
            let end = cuts
                .spans(tail)
                .iter()
                .map(|w| w.1)
                .take_while(|&e| e <= common.min(MAX_TAIL))
                .last()
                .unwrap_or(0);
            let word = &tail[..end];
            // One char shared by two brands before different text is a
            // call to action too (`注册|送`), unless it is a function char.
            if end == 0 || all_function(word) || learned.iter().any(|w| w == word) {
                continue;
            }
            if !finishes_word(&mut cuts, i, word) && !finishes_word(&mut cuts, j, word) {
                learned.push(word.to_vec());
            }
        }
    }
    for (i, (s, tail)) in spans.iter_mut().zip(&tails).enumerate() {
        let Some(tail) = tail else { continue };
        let Some(k) = learned
            .iter()
            .filter(|w| tail.starts_with(w))
            .map(Vec::len)
            .max()
        else {
            continue;
        };
        if finishes_word(&mut cuts, i, &tail[..k]) {
            continue;
        }
        s.end += k;
        s.text.extend(&tail[..k]);
        s.rule = format!(
            "{} + {}: call to action shared by brands",
            s.rule,
            tail[..k].iter().collect::<String>()
        );
    }
    learned
}

/// Whether `start..start + 4` of line `li`, a two-char Han name and a
/// two-char word, followed up to `end` by a call to action or nothing,
/// stands as a spliced brand does: wedged between Han chars, not one
/// dictionary word, with no word of the sentence reading across its name,
/// its word or its end (`自媒体`, `推行注册制`, `半自动模式`), and its name
/// said on the page only in this string (a sentence's own words recur:
/// `本院|依法`). With `clause_end`, a clause's closing mark may stand for
/// the Han char after it (`发生|某某体育|，`). `pairs` caches
/// [`pair_counts`] over `analysis`.
fn stands_alone(
    cuts: &mut CutCache<'_>,
    analysis: &[Vec<char>],
    pairs: &mut Option<FxHashMap<(char, char), usize>>,
    (li, start, end): (usize, usize, usize),
    clause_end: bool,
) -> bool {
    let Some(low) = analysis.get(li) else {
        return false;
    };
    let Some(g) = low.get(start..start + 4) else {
        return false;
    };
    let wedged = start > 0
        && low.get(start - 1).is_some_and(|&c| is_han(c))
        && low
            .get(end)
            .is_some_and(|&c| is_han(c) || (clause_end && CLAUSE_ENDS.contains(c)));
    if !wedged || !g.iter().all(|&c| is_han(c)) {
        return false;
    }
    let pairs = pairs.get_or_insert_with(|| pair_counts(analysis));
    if pairs.get(&(g[0], g[1])).copied().unwrap_or(0) != occurrences(analysis, g)
        || cuts.has_word(g)
    {
        return false;
    }
    let from = start.saturating_sub(3);
    let to = (end + 3).min(low.len());
    let seams = [start, start + 2, start + 4, end];
    !cuts
        .spans(&low[from..to])
        .iter()
        .any(|&(a, b)| seams.iter().any(|&k| from + a < k && k < from + b))
}

/// The marks that close a clause or sentence, which a brand spliced at a
/// clause's end stands before.
const CLAUSE_ENDS: &str = "，。；！？、,;!?";

/// How often the page says `word` outside the spans `taken` marks
/// (`taken(line, start, end)`).
fn said_outside(
    analysis: &[Vec<char>],
    word: &[char],
    taken: impl Fn(usize, usize, usize) -> bool,
) -> usize {
    if word.is_empty() {
        return 0;
    }
    analysis
        .iter()
        .enumerate()
        .map(|(li, l)| {
            l.windows(word.len())
                .enumerate()
                .filter(|&(k, w)| w == word && !taken(li, k, k + word.len()))
                .count()
        })
        .sum()
}

/// Brands of a two-char Han name and a two-char word no list has before a
/// call to action (`某某竞猜注册`, `某某竞猜客户端`), said once on a page
/// showing spam. `find_brand_shapes` takes such strings only when they
/// recur, and `find_learned_brands` only with a category word it knows.
///
/// The call to action is one the page's brands carry after their category
/// word (`客户端` after `某某彩票客户端`; `shared` holds the words
/// [`extend_brand_tails`] found after two brands), or one the lexicon
/// lists, which needs the name to be a dictionary word (`为|自媒体平台`
/// reads a function char and half a word as a name). The string must
/// stand as a spliced brand does (see [`stands_alone`]), and its word too
/// must occur on the page only in it. A word of the page's brands counts
/// as their call to action only where every place the page says it
/// outside spam is such a string: a slogan piece that happened to follow
/// two brands (`勇毅`) stands elsewhere too. A word the brands share after
/// their call to action (`注册|送`) goes with it. `analysis` holds the
/// lower-cased Simplified lines `spans` index.
pub fn find_brands_before_actions(
    analysis: &[Vec<char>],
    spans: &[SpamSpan],
    seg: &Segmenter,
    shared: &[Vec<char>],
    lex: &Lexicons,
) -> Vec<SpamSpan> {
    if spans.is_empty() {
        return Vec::new();
    }
    let mut cuts = CutCache::new(seg);
    // The words after the category word of the page's brands.
    let mut page: Vec<Vec<char>> = shared.iter().filter(|w| w.len() >= 2).cloned().collect();
    for t in spans.iter().filter(|t| t.brand) {
        let Some(span) = analysis.get(t.line).and_then(|l| l.get(t.start..t.end)) else {
            continue;
        };
        let Some((_, rest)) = brand_name_and_words(span).filter(|(_, r)| r.len() >= 3) else {
            continue;
        };
        for &(a, b) in cuts.spans(rest).iter().skip(1) {
            let w = &rest[a..b];
            if w.len() >= 2 && !all_function(w) && !page.iter().any(|p| p == w) {
                page.push(w.to_vec());
            }
        }
    }
    let overlaps = |li: usize, a: usize, b: usize| overlaps_any(spans, li, a, b);
    let longest_at = |words: &'_ [Vec<char>], low: &[char], j: usize| {
        words
            .iter()
            .filter(|w| !w.is_empty() && low[j..].starts_with(w))
            .map(Vec::len)
            .max()
    };
    let starts: FxHashSet<char> = page
        .iter()
        .chain(&lex.suffix_chars)
        .filter_map(|w| w.first().copied())
        .collect();
    let mut pairs = None;
    // (line, start, end, the page's own call to action, a listed one after
    // a dictionary word)
    type Found<'a> = (usize, usize, usize, Option<&'a [char]>, bool);
    let mut found: Vec<Found<'_>> = Vec::new();
    for (li, low) in analysis.iter().enumerate() {
        for j in 4..low.len() {
            if !starts.contains(&low[j]) {
                continue;
            }
            let own = longest_at(&page, low, j);
            let listed = longest_at(&lex.suffix_chars, low, j);
            let Some(len) = own.max(listed) else {
                continue;
            };
            let (start, end) = (j - 4, j + len);
            let g = &low[start..j];
            let own = (own == Some(len)).then(|| &low[j..end]);
            let by_list = listed == Some(len);
            if (own.is_none() && !by_list)
                || all_function(&g[..2])
                || all_function(&g[2..])
                || overlaps(li, start, end)
                || found.iter().any(|f| f.0 == li && f.1 < end && start < f.2)
                || !stands_alone(&mut cuts, analysis, &mut pairs, (li, start, end), false)
            {
                continue;
            }
            let n = occurrences(analysis, g);
            let word_pairs = pairs.get_or_insert_with(|| pair_counts(analysis));
            if word_pairs.get(&(g[2], g[3])).copied().unwrap_or(0) != n {
                continue;
            }
            // A listed call to action is a common word (`注册`, `登录`): it
            // needs a name the dictionary knows, and a name made of the
            // text's own chars (`需要|进行实名注册`) is a phrase of it, while
            // a spliced name brings its chars.
            let by_list = by_list
                && cuts.has_word(&g[..2])
                && g[..2]
                    .iter()
                    .all(|&c| said_outside(analysis, &[c], overlaps) == n);
            if own.is_some() || by_list {
                found.push((li, start, end, own, by_list));
            }
        }
    }
    let mut out = Vec::new();
    for &(li, start, end, own, by_list) in &found {
        let by_page = own.is_some_and(|w| {
            said_outside(analysis, w, overlaps) == found.iter().filter(|f| f.3 == Some(w)).count()
        });
        if !by_page && !by_list {
            continue;
        }
        let low = &analysis[li];
        // A word the page's brands share after their call to action
        // (`注册|送`), unless it starts a word of the sentence (`注册|送给`).
        let tail = longest_at(shared, low, end)
            .filter(|&k| {
                let to = (end + k + 3).min(low.len());
                cuts.spans(&low[end..to]).first().is_some_and(|w| w.1 == k)
            })
            .unwrap_or(0);
        let end = end + tail;
        let text: String = low[start..end].iter().collect();
        out.push(SpamSpan {
            line: li,
            start,
            end,
            rule: format!("brand before a call to action:{text}"),
            text,
            brand: true,
        });
    }
    out
}

/// Spam strings learned from other documents of the same source (see
/// `LineStats::learn_spam`): `known` holds each in lower-cased Simplified
/// form with the number of documents it was removed from. A string that is
/// a dictionary word (`携手`) is ordinary text in most places, so it needs
/// three documents and a page that shows spam of its own. An occurrence of
/// Han text that a word of its context takes part of (`手携手`, `贴|心人`)
/// stays.
pub fn find_known(
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    known: &[(Vec<char>, u32)],
    taken: &[SpamSpan],
    seg: &Segmenter,
    strict: bool,
) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    let mut out: Vec<SpamSpan> = Vec::new();
    let overlaps =
        |spans: &[SpamSpan], line: usize, a: usize, b: usize| overlaps_any(spans, line, a, b);
    // Chars under some occurrence of a known string: pieces of one slogan
    // spliced side by side (`携手并|进共建`) are judged as one splice, since
    // the word across their seam (`并进`) is the slogan's, not the text's.
    let known_at: Vec<Vec<bool>> = analysis
        .iter()
        .map(|low| {
            let mut at = vec![false; low.len()];
            for (k, _) in known.iter().filter(|(k, _)| k.len() >= 2) {
                for i in 0..(low.len() + 1).saturating_sub(k.len()) {
                    if low[i..i + k.len()] == k[..] {
                        at[i..i + k.len()].fill(true);
                    }
                }
            }
            at
        })
        .collect();
    for (k, docs) in known {
        let n = k.len();
        if n < 2 {
            continue;
        }
        let word = k.iter().all(|&c| is_han(c)) && cuts.has_word(k);
        if word && (*docs < 3 || taken.is_empty()) {
            continue;
        }
        // `strict` (found only across pages, never removed from one): Han
        // text goes only from a page that shows spam of its own, since in
        // a directory of unrelated pages a phrase several of them share
        // (`经济发展`) may have passed for a fragment. A Latin-named brand
        // is evidence enough.
        let latin = k.iter().any(|c| c.is_ascii_alphabetic());
        if strict && !latin && taken.is_empty() {
            continue;
        }
        let han_only = k.iter().all(|&c| is_han(c));
        let brand = k.iter().any(|c| c.is_ascii_alphanumeric()) || n >= 4;
        for (li, low) in analysis.iter().enumerate() {
            let mut i = 0;
            while i + n <= low.len() {
                if low[i..i + n] != k[..]
                    || overlaps(taken, li, i, i + n)
                    || overlaps(&out, li, i, i + n)
                {
                    i += 1;
                    continue;
                }
                if han_only {
                    // Where a word of its context takes part of it
                    // (`贴|心人`, `群|众跟|着`), the string is that text's own.
                    let at = &known_at[li];
                    let start = (0..i).rev().take_while(|&j| at[j]).last().unwrap_or(i);
                    let end = (i + n..low.len())
                        .take_while(|&j| at[j])
                        .last()
                        .map_or(i + n, |j| j + 1);
                    let from = start.saturating_sub(3);
                    let to = (end + 3).min(low.len());
                    let window = &low[from..to];
                    let (s, e) = (start - from, end - from);
                    let swallowed = cuts
                        .spans(window)
                        .iter()
                        .any(|&(a, b)| (a < s && b > s) || (a < e && b > e));
                    if swallowed {
                        i += 1;
                        continue;
                    }
                }
                out.push(SpamSpan {
                    line: li,
                    start: i,
                    end: i + n,
                    text: lines[li][i..i + n].iter().collect(),
                    brand,
                    rule: format!(
                        "spam of this source (removed from {docs} of its documents):{}",
                        k.iter().collect::<String>()
                    ),
                });
                i += n;
            }
        }
    }
    out
}

/// Names advertised on a line of their own with a web address
/// (`某某娱乐【www.123.com】`, `某某棋牌 http://…`), on a page already shown
/// to carry spam, or, on any page, names `accept` takes (built like a
/// brand): the line goes, and so does every other occurrence of the name in
/// the text, which is where the spammer spliced it. `analysis` holds the
/// lines in lower-cased Simplified form.
pub fn find_advertised(
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    taken: &[SpamSpan],
    accept: impl Fn(&[char]) -> bool,
) -> Vec<SpamSpan> {
    const OPEN: &str = "【[（(<《 :：";
    const CLOSE: &str = "】]）)>》 /";
    let overlaps =
        |line: usize, a: usize, b: usize, spans: &[SpamSpan]| overlaps_any(spans, line, a, b);
    let mut out: Vec<SpamSpan> = Vec::new();
    let mut names: Vec<Vec<char>> = Vec::new();
    for (li, low) in analysis.iter().enumerate() {
        // Most lines hold no address: skip them without building a string.
        let maybe_url = low
            .windows(3)
            .any(|w| w == ['w', 'w', 'w'] || w == [':', '/', '/']);
        if !maybe_url {
            continue;
        }
        let text: String = low.iter().collect();
        let Some(url_byte) = ["http://", "https://", "www."]
            .iter()
            .filter_map(|p| text.find(p))
            .min()
        else {
            continue;
        };
        let url_at = text[..url_byte].chars().count();
        let url_end = url_at
            + low[url_at..]
                .iter()
                .take_while(|c| c.is_ascii_graphic() && !CLOSE.contains(**c))
                .count();
        let tail_ok = low[url_end..].iter().all(|c| CLOSE.contains(*c));
        let mut name_end = url_at;
        while name_end > 0 && OPEN.contains(low[name_end - 1]) {
            name_end -= 1;
        }
        let name = &low[..name_end];
        let name_ok = (2..=12).contains(&name.len())
            && name.iter().all(|&c| is_han(c) || c.is_ascii_alphanumeric())
            && name.iter().any(|&c| is_han(c));
        if !(tail_ok && name_ok && accept(name)) {
            continue;
        }
        names.push(name.to_vec());
        // A line whose name another rule found already goes by that rule
        // (its rest goes with it).
        if overlaps(li, 0, low.len(), taken) {
            continue;
        }
        out.push(SpamSpan {
            line: li,
            start: 0,
            end: lines[li].len(),
            text: lines[li].iter().collect(),
            brand: true,
            rule: format!(
                "name with a web address:{}",
                name.iter().collect::<String>()
            ),
        });
    }
    let advert_lines: Vec<usize> = out.iter().map(|s| s.line).collect();
    for name in &names {
        for (li, low) in analysis.iter().enumerate() {
            if advert_lines.contains(&li) {
                continue;
            }
            let n = name.len();
            let mut k = 0;
            while k + n <= low.len() {
                if low[k..k + n] == name[..]
                    && !overlaps(li, k, k + n, taken)
                    && !overlaps(li, k, k + n, &out)
                {
                    out.push(SpamSpan {
                        line: li,
                        start: k,
                        end: k + n,
                        text: lines[li][k..k + n].iter().collect(),
                        brand: true,
                        rule: format!("advertised name:{}", name.iter().collect::<String>()),
                    });
                    k += n;
                } else {
                    k += 1;
                }
            }
        }
    }
    out
}

/// Whether some occurrence of `name` in the lines, with Han chars on both
/// sides, breaks a word: without it a dictionary word re-forms across the
/// gap (`所|龙腾视讯客户端|有权` -> `所有权`). A name of the text's own sits
/// between words.
pub fn breaks_a_word(analysis: &[Vec<char>], seg: &Segmenter, name: &[char]) -> bool {
    let n = name.len();
    if n == 0 {
        return false;
    }
    let mut cuts = CutCache::new(seg);
    analysis.iter().any(|line| {
        (0..(line.len() + 1).saturating_sub(n)).any(|k| {
            line[k..k + n] == name[..]
                && k > 0
                && line.get(k - 1).is_some_and(|&c| is_han(c))
                && line.get(k + n).is_some_and(|&c| is_han(c))
                && word_across_gap(&mut cuts, line, k, k + n)
        })
    })
}

/// Every place `(line, start)` where `run` occurs in the lines, overlapping
/// places included.
fn places<'a>(
    analysis: &'a [Vec<char>],
    run: &'a [char],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    analysis.iter().enumerate().flat_map(move |(li, line)| {
        line.windows(run.len().max(1))
            .enumerate()
            .filter(move |(_, w)| !run.is_empty() && *w == run)
            .map(move |(k, _)| (li, k))
    })
}

/// How many times `name` stands wedged between two Han chars in the lines
/// (`原告超越|某某竞猜网页版|钢管`): inside a sentence rather than on a line
/// or after a label of its own.
pub fn wedged_count(analysis: &[Vec<char>], name: &[char]) -> usize {
    places(analysis, name)
        .filter(|&(li, k)| {
            let line = &analysis[li];
            k > 0 && is_han(line[k - 1]) && line.get(k + name.len()).is_some_and(|&c| is_han(c))
        })
        .count()
}

/// Whether a run starts or ends on a particle (`的工资`, `一样的`): a
/// grammatical phrase of the text, which pages repeat all the time.
pub fn on_a_particle(run: &[char]) -> bool {
    run.first().is_some_and(|c| PARTICLES.contains(*c))
        || run.last().is_some_and(|c| PARTICLES.contains(*c))
}

/// Non-overlapping occurrences of `run` in the lines.
pub fn occurrences(analysis: &[Vec<char>], run: &[char]) -> usize {
    let mut free_from = (usize::MAX, 0);
    places(analysis, run)
        .filter(|&(li, k)| {
            let free = li != free_from.0 || k >= free_from.1;
            if free {
                free_from = (li, k + run.len());
            }
            free
        })
        .count()
}

/// The characters left and right of an occurrence (`None` at a clause edge).
type Context = (Option<char>, Option<char>);

/// One occurrence of a candidate run.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    line: usize,
    start: usize,
}

/// Finds repeated spliced fragments. `lines` are the kept body lines (any
/// script); `analysis` their Simplified forms with equal char counts (lines
/// whose conversion changed length are analysed as they are).
pub fn find_fragments(
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    seg: &Segmenter,
    brands: &[SpamSpan],
) -> Vec<SpamSpan> {
    let surnames = surnames();
    let mut removed: Vec<SpamSpan> = Vec::new();
    let mut dead: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
    // Runs are keyed by slices of `analysis`, which never changes here (only
    // `dead` does): no copy of a run is made to count, sort or remember it.
    // Verdicts on a candidate's own shape, which masking cannot change.
    let mut shape_ok: FxHashMap<&[char], Shape> = FxHashMap::default();
    // Fragments shown to break words in two places or more: evidence enough.
    let mut strong: HashSet<String> = HashSet::new();
    // Fragments shown to break words in three places or more: enough on a
    // page without brands even where no other fragment meets them.
    let mut very_strong: HashSet<String> = HashSet::new();
    // Fragments shown to break a word in one place: two of them meeting in
    // one stretch of text pool their evidence (see `keep_cooccurring`).
    let mut broke_once: HashSet<String> = HashSet::new();
    // Loose runs accepted without one broken word.
    let mut seamless: FxHashSet<&[char]> = FxHashSet::default();
    // Candidates judged and rejected in an earlier round stay rejected:
    // masking a splice elsewhere rarely turns a term into a fragment.
    let mut rejected: FxHashSet<&[char]> = FxHashSet::default();
    // The same short texts are cut again and again (the windows around a
    // run re-judged in a later round, windows shared by runs of one line).
    let mut cuts = CutCache::new(seg);
    // The runs occurring three times or more, with removed spans masked.
    // Masking only takes occurrences away (a live occurrence is one whose
    // chars are all live), so after each round the counts are brought up
    // to date by dropping the occurrences it masked, not by recounting.
    let mut counts = count_runs(analysis, &dead, 3);
    // Pair counts for `used_elsewhere`, made when first needed.
    let mut pairs: Option<FxHashMap<(char, char), usize>> = None;
    // Longest accepted first.
    for _round in 0..24 {
        let mut candidates: Vec<(&[char], &[Occurrence])> = counts
            .iter()
            .filter(|(gram, occ)| occ.len() >= 3 && !rejected.contains(*gram))
            .map(|(gram, occ)| (*gram, occ.as_slice()))
            .collect();
        candidates.sort_by(|a, b| longest_first((a.0, a.1.len()), (b.0, b.1.len())));
        let mut accepted = None;
        for (gram, occs) in candidates {
            let shape = *shape_ok
                .entry(gram)
                .or_insert_with(|| fragment_shape(gram, &mut cuts, &surnames));
            // On a page showing no brand, a phrase that starts or ends on
            // a particle (`一样的`, `的承包`) is a grammatical phrase of the
            // text, which clean pages repeat all the time. Whatever phrase
            // is judged there must still break words twice to count.
            let grammatical = shape == Shape::Phrase
                && brands.is_empty()
                && (gram.last().is_some_and(|c| PARTICLES.contains(*c))
                    || gram.first().is_some_and(|c| PARTICLES.contains(*c)));
            if shape == Shape::None || grammatical {
                rejected.insert(gram);
                continue;
            }
            match judge(
                gram,
                shape,
                occs,
                analysis,
                &dead,
                &mut cuts,
                !brands.is_empty(),
            ) {
                // A run that names a party of the text is no fragment;
                // unproven by broken words, neither is a run whose words
                // the text uses elsewhere. (Checked after the judge, which
                // dismisses most candidates more cheaply.)
                Some((_, seams))
                    if names_a_party(gram.len(), occs, analysis, &surnames)
                        || (seams < 2
                            && used_elsewhere(
                                gram,
                                occs.len(),
                                pairs.get_or_insert_with(|| pair_counts(analysis)),
                            )) =>
                {
                    rejected.insert(gram);
                }
                Some((spliced, seams)) => {
                    if seams == 1 {
                        broke_once.insert(format!(
                            "repeated fragment:{}",
                            gram.iter().collect::<String>()
                        ));
                    }
                    if shape == Shape::Loose && seams == 0 && gram.len() <= TERM_LONGEST {
                        seamless.insert(gram);
                    }
                    if seams >= 2 {
                        strong.insert(format!(
                            "repeated fragment:{}",
                            gram.iter().collect::<String>()
                        ));
                    }
                    if seams >= 3 {
                        very_strong.insert(format!(
                            "repeated fragment:{}",
                            gram.iter().collect::<String>()
                        ));
                    }
                    accepted = Some((gram, spliced));
                    break;
                }
                None => {
                    rejected.insert(gram);
                }
            }
        }
        let Some((gram, spliced)) = accepted else {
            break;
        };
        let gram_text: String = gram.iter().collect();
        for occ in spliced {
            let end = occ.start + gram.len();
            for d in &mut dead[occ.line][occ.start..end] {
                *d = true;
            }
            removed.push(SpamSpan {
                line: occ.line,
                start: occ.start,
                end,
                text: lines[occ.line][occ.start..end].iter().collect(),
                brand: false,
                rule: format!("repeated fragment:{gram_text}"),
            });
        }
        drop_masked(&mut counts, &dead, &rejected, 3);
    }
    let kept = keep_cooccurring(removed, brands, &strong, &very_strong, &broke_once);
    let (kept, held_back) = keep_seamless_chained(kept, analysis, &seamless, &mut cuts);
    let mut kept = extend_to_adjacent(kept, lines, analysis, brands);
    let page = PageSoFar {
        lines,
        analysis,
        surnames: &surnames,
        brands,
        found: &[],
    };
    // Confined pieces can sit beside occurrences of the pieces found before
    // them (`一站式购|物放心选`): each pass's finds join before the next.
    // The scorer may find the first fragment of a page that showed only
    // brands before, and only fragments mark the lines that carry spam and
    // give pieces to chain to: when it finds any, the passes run again (up
    // to three more rounds, while they find something).
    for round in 0..4 {
        let before = kept.len();
        let mut scored_any = false;
        let passes: [(Pass, bool); 3] = [
            (find_confined, false),
            (find_chained, false),
            (scored::find_scored, true),
        ];
        for (pass, is_scorer) in passes {
            let more = pass(
                PageSoFar {
                    found: &kept,
                    ..page
                },
                &mut cuts,
            );
            if !more.is_empty() {
                scored_any |= is_scorer;
                kept.extend(more);
                kept = extend_to_adjacent(kept, lines, analysis, brands);
            }
        }
        if (round == 0 && !scored_any) || kept.len() == before {
            break;
        }
    }
    // A piece held back may chain to one the passes found after it.
    let free: Vec<SpamSpan> = held_back
        .into_iter()
        .filter(|h| {
            !kept
                .iter()
                .any(|k| k.line == h.line && k.start < h.end && h.start < k.end)
        })
        .collect();
    if !free.is_empty() {
        let n = kept.len();
        let all: Vec<SpamSpan> = kept.iter().chain(&free).cloned().collect();
        let chained = chained_seamless(&all, analysis, &seamless, &mut cuts);
        kept.extend(
            free.into_iter()
                .filter(|s| span_text(analysis, s).is_some_and(|g| chained.contains(g))),
        );
        if kept.len() > n {
            kept = extend_to_adjacent(kept, lines, analysis, brands);
        }
    }
    kept
}

/// The longest loose run [`keep_seamless_chained`] holds back: the names
/// and abbreviations a text repeats are mostly two to four chars (`丘亚葵`,
/// `海合会`), while a longer run said verbatim in three places without a
/// dictionary word spanning it, such as a whole slogan piece set at clause
/// edges (`，党建得民党走这里`, seed 001), is spam far more often.
const TERM_LONGEST: usize = 4;

/// Holds back the loose runs of two to [`TERM_LONGEST`] chars that never
/// broke a word unless each reads as
/// a chop of the same slogan as another piece found: joined to it, a word
/// of the dictionary crosses their seam (`诚信经|营顾客`: `经营`). Loose runs
/// are what the dictionary does not know, and a run the dictionary does
/// not know repeated in varied places without breaking a word is as often
/// a name or term of the text (`海合会`, `丘亚葵`, `答辩人`) as a slogan
/// chop landing on word boundaries. A chop is loose because it cut a word
/// of its slogan, and that word re-forms when it meets the next chop.
/// Returns the spans kept and those held back; a run held back is still a
/// candidate for the passes after (the scorer weighs it with all its
/// evidence), and goes after all if it chains to a piece they find.
///
/// Measured on the harness, one page at a time (dev seed 1, 1000 pages of
/// each spam kind): spam removals that took no injected text fell from
/// 2621 to 1970 strings, leaked strings rose from 1035 to 1051.
fn keep_seamless_chained(
    spans: Vec<SpamSpan>,
    analysis: &[Vec<char>],
    seamless: &FxHashSet<&[char]>,
    cuts: &mut CutCache<'_>,
) -> (Vec<SpamSpan>, Vec<SpamSpan>) {
    if seamless.is_empty() {
        return (spans, Vec::new());
    }
    let chained = chained_seamless(&spans, analysis, seamless, cuts);
    spans.into_iter().partition(|s| {
        span_text(analysis, s).is_none_or(|g| !seamless.contains(g) || chained.contains(g))
    })
}

/// The seamless runs that chain to another fragment among `spans`.
fn chained_seamless<'a>(
    spans: &[SpamSpan],
    analysis: &[Vec<char>],
    seamless: &FxHashSet<&'a [char]>,
    cuts: &mut CutCache<'_>,
) -> FxHashSet<&'a [char]> {
    let pieces = distinct_pieces(analysis, spans);
    seamless
        .iter()
        .copied()
        .filter(|g| pieces.iter().any(|p| p != g && meets_in_a_word(cuts, g, p)))
        .collect()
}

/// Whether some dictionary word crosses the seam where `piece` meets
/// `other`, read in either order.
fn meets_in_a_word(cuts: &mut CutCache<'_>, piece: &[char], other: &[char]) -> bool {
    [(piece, other), (other, piece)].iter().any(|&(a, b)| {
        let joined: Vec<char> = a.iter().chain(b).copied().collect();
        cuts.word_crosses(&joined, a.len())
    })
}

/// One of the passes after the rounds of repeated runs.
type Pass = fn(PageSoFar<'_>, &mut CutCache<'_>) -> Vec<SpamSpan>;

/// What the passes after the rounds of repeated runs read: the kept lines,
/// their analysis forms, the surnames, the page's brands and the fragments
/// found so far.
#[derive(Clone, Copy)]
struct PageSoFar<'a> {
    lines: &'a [Vec<char>],
    analysis: &'a [Vec<char>],
    surnames: &'a HashSet<char>,
    brands: &'a [SpamSpan],
    found: &'a [SpamSpan],
}

impl PageSoFar<'_> {
    /// The chars already removed: the fragments found and the brands.
    fn dead(&self) -> Vec<Vec<bool>> {
        dead_mask(self.analysis, self.found.iter().chain(self.brands))
    }

    /// The distinct texts (analysis form) of the fragments found so far.
    fn found_pieces(&self) -> Vec<Vec<char>> {
        distinct_pieces(self.analysis, self.found)
            .into_iter()
            .map(<[char]>::to_vec)
            .collect()
    }
}

/// Whether `short` occurs in `long` (an empty `short` does).
fn holds(long: &[char], short: &[char]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

/// The text of a span in `analysis`, the Simplified form it was found in.
fn span_text<'a>(analysis: &'a [Vec<char>], s: &SpamSpan) -> Option<&'a [char]> {
    analysis.get(s.line).and_then(|c| c.get(s.start..s.end))
}

/// The distinct texts (analysis form) of the fragments among `spans`, in
/// the order first found.
fn distinct_pieces<'a>(analysis: &'a [Vec<char>], spans: &[SpamSpan]) -> Vec<&'a [char]> {
    let mut pieces: Vec<&[char]> = Vec::new();
    for g in spans
        .iter()
        .filter(|s| !s.brand)
        .filter_map(|s| span_text(analysis, s))
    {
        if !pieces.contains(&g) {
            pieces.push(g);
        }
    }
    pieces
}

/// Whether `piece` read next to `other` (on either side) forms a word of
/// the segmenter's best cut across their seam (`筑梦再|创辉煌`: `再创`).
/// The pieces of one slogan are consecutive chops of one phrase, so the
/// seam between two of them in the right order often splits a word.
fn chains_with(cuts: &mut CutCache<'_>, piece: &[char], other: &[char]) -> bool {
    [(piece, other), (other, piece)].iter().any(|&(a, b)| {
        let joined: Vec<char> = a.iter().chain(b).copied().collect();
        let seam = a.len();
        cuts.spans(&joined)
            .iter()
            .any(|&(start, end)| start < seam && end > seam)
    })
}

/// The slogan pieces the repeated-fragment rules miss: a dictionary word
/// or phrase that mostly lands on word boundaries, so it never shows the
/// broken words those rules need, on a line holding too little spam for
/// [`find_confined`]. A run of two to four characters seen three to
/// [`CHAIN_MOST`] times is one too when every occurrence lies within
/// [`CHAIN_REACH`] chars of removed spam, at least two occurrences sit
/// between characters of the text (a splice lands inside a sentence) with
/// a new character on each side every time, one occurrence touches spam
/// or breaks a word, and it reads as the neighbouring chop of a piece
/// already found: joined to that piece, a word of the best cut crosses
/// their seam. Each piece accepted so becomes a neighbour the next one may
/// chain to. A run seen only twice needs more: chained by a dictionary
/// word alone, every one the rule took on the harness was a word of the
/// text, so it must leave a char loose (no sequence of words), stand
/// beside new chars each time, and rejoin a piece into a stretch of a stock
/// slogan (see [`scored::chains_in_register`]). Measured on the harness's
/// dev split (session 32), that took 6 leaked sparse pieces and no text.
/// A run that is a word, whatever its count, chains also where it and a
/// piece found make a stretch of a stock slogan together
/// ([`scored::rejoins_whole`]): a slogan cut where its words meet leaves
/// no seam that breaks a word (session 33: 24 dev pieces, no text).
/// When no run chains, two that make a whole register entry together go
/// as a pair ([`paired_chops`]).
fn find_chained(page: PageSoFar<'_>, cuts: &mut CutCache<'_>) -> Vec<SpamSpan> {
    // A stock slogan found whole (`知识改变命运`) is no chop of a longer
    // phrase: the words of the text that re-form a word with its ends
    // (`农业|知识`) are no neighbouring pieces.
    let mut pieces: Vec<Vec<char>> = page
        .found_pieces()
        .into_iter()
        .filter(|p| !scored::is_whole_stock_slogan(p))
        .collect();
    let mut dead = page.dead();
    let mut out = Vec::new();
    if pieces.is_empty() {
        // Nothing found to chain to: two halves of a stock slogan spliced
        // apart may still show the page carries spam (see `seed_pair`).
        let seeds = seed_pair(page, &dead, cuts);
        if seeds.is_empty() {
            return Vec::new();
        }
        for (gram, occs) in seeds {
            let rule = format!(
                "halves of a stock slogan:{}",
                gram.iter().collect::<String>()
            );
            out.extend(remove_occurrences(
                &gram, &occs, page.lines, &mut dead, &rule,
            ));
            pieces.push(gram);
        }
    }
    let mut counts = count_runs(page.analysis, &dead, 2);
    let mut rejected: FxHashSet<&[char]> = FxHashSet::default();
    for _round in 0..8 {
        let mut candidates: Vec<(&[char], Vec<Occurrence>)> = counts
            .iter()
            .filter(|(g, _)| (2..=4).contains(&g.len()) && !rejected.contains(*g))
            .map(|(g, o)| (*g, free_occurrences(g.len(), o)))
            .filter(|(_, occ)| (2..=CHAIN_MOST).contains(&occ.len()))
            .collect();
        candidates.sort_by(|a, b| longest_first((a.0, a.1.len()), (b.0, b.1.len())));
        let mut accepted: Option<(&[char], Vec<Occurrence>)> = None;
        for (gram, occs) in &candidates {
            let n = gram.len();
            let near = occs.iter().all(|o| near_spam(&dead, o, n));
            let beside_new = near && varied(gram, occs, page.analysis, &dead);
            // A run that makes a stretch of a stock slogan with a piece
            // found (`科技|引领未来`) needs only to stand beside new chars
            // each time: a slogan cut where its words meet leaves whole
            // words, spliced at clause edges as often as inside clauses.
            let whole = beside_new
                && scored::rejoins_whole(&pieces, gram)
                && reads_as_spliced(gram, occs, page.analysis, &dead, cuts, page.surnames);
            if whole {
                accepted = Some((gram, occs.clone()));
                break;
            }
            if occs.len() < 3 {
                // Said twice: only a chop that leaves a char loose (it cut
                // a word of its slogan) and rejoins a piece found into a
                // stretch of a stock slogan (`一键下|单极速`: `一键下单`).
                // Words of the text re-form stretches with pieces by
                // chance (`爱国卫生|城市`: `卫生城市`).
                let ok = beside_new
                    && fragment_shape(gram, cuts, page.surnames) == Shape::Loose
                    && pieces
                        .iter()
                        .any(|p| scored::chains_in_register(cuts, p, gram));
                if ok {
                    accepted = Some((gram, occs.clone()));
                    break;
                }
                rejected.insert(gram);
                continue;
            }
            let ok = near
                && inner_and_varied(gram, occs, page.analysis, &dead)
                && pieces.iter().any(|p| chains_with(cuts, gram, p))
                && occs.iter().any(|o| {
                    let lr = live_context(page.analysis, &dead, o, n);
                    touches_spam(&dead, o, n)
                        || (lr.0 > 0 && lr.1 > 0 && rejoins(cuts, page.analysis, &dead, o, n, lr))
                })
                && !matches!(
                    fragment_shape(gram, cuts, page.surnames),
                    Shape::None | Shape::Named
                );
            if ok {
                accepted = Some((gram, occs.clone()));
                break;
            }
            rejected.insert(gram);
        }
        let accepted: Vec<(&[char], Vec<Occurrence>)> = match accepted {
            Some(one) => vec![one],
            None => {
                let pair = paired_chops(&candidates, page.analysis, &dead, cuts, page.surnames);
                if pair.is_empty() {
                    break;
                }
                pair
            }
        };
        for (gram, occs) in accepted {
            let rule = format!(
                "chained to a slogan piece:{}",
                gram.iter().collect::<String>()
            );
            out.extend(remove_occurrences(
                gram, &occs, page.lines, &mut dead, &rule,
            ));
            pieces.push(gram.to_vec());
        }
        drop_masked(&mut counts, &dead, &rejected, 2);
    }
    out
}

/// On a page where nothing was found, the two halves of a whole register
/// entry (`邻里|互助`) each said two to [`CHAIN_MOST`] times, beside new
/// chars each time, never inside a longer word of their context and never
/// said right against each other in the entry's order, and each breaking
/// a word of the text at one place at least (`学邻里校`): a stock slogan
/// spliced apart. A text on the slogan's topic says its words together
/// somewhere, or apart between its own words; without the broken words
/// the rule took `保护` and `环境` from 10 of 396 clean SIGHAN documents
/// (session 33).
fn seed_pair(
    page: PageSoFar<'_>,
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
) -> Vec<(Vec<char>, Vec<Occurrence>)> {
    let splits = scored::register_halves_said_twice(page.analysis);
    let analysis = page.analysis;
    // The checks that cut text, read only for halves placed as a splice
    // would place them.
    let breaks_words = |g: &[char], occs: &[Occurrence], cuts: &mut CutCache<'_>| {
        occs.iter().any(|o| {
            let lr = live_context(analysis, dead, o, g.len());
            rejoins(cuts, analysis, dead, o, g.len(), lr)
        }) && reads_as_spliced(g, occs, analysis, dead, cuts, page.surnames)
    };
    for (a, b) in splits {
        let (occs_a, occs_b) = (
            live_occurrences(&a, analysis, dead),
            live_occurrences(&b, analysis, dead),
        );
        let together = said_together(&a, &occs_a, &b, analysis);
        let placed = |g: &[char], occs: &[Occurrence]| {
            (2..=CHAIN_MOST).contains(&occs.len()) && varied(g, occs, analysis, dead)
        };
        if !together
            && placed(&a, &occs_a)
            && placed(&b, &occs_b)
            && breaks_words(&a, &occs_a, cuts)
            && breaks_words(&b, &occs_b, cuts)
        {
            return vec![(a, occs_a), (b, occs_b)];
        }
    }
    Vec::new()
}

/// The places of `gram` in `analysis` whose chars are all live, in text
/// order, none overlapping the one before: a direct scan, cheaper than
/// counting every run of the page when only a few runs are asked about.
fn live_occurrences(gram: &[char], analysis: &[Vec<char>], dead: &[Vec<bool>]) -> Vec<Occurrence> {
    let n = gram.len();
    let mut out = Vec::new();
    for (line, (chars, d)) in analysis.iter().zip(dead).enumerate() {
        let mut start = 0;
        while start + n <= chars.len() {
            let live = d.get(start..start + n).is_some_and(|w| !w.contains(&true));
            if live && chars[start..start + n] == *gram {
                out.push(Occurrence { line, start });
                start += n;
            } else {
                start += 1;
            }
        }
    }
    out
}

/// Two runs that no piece found vouches for, but that joined (either way
/// round) make a whole entry of the slogan register (`惊喜|不断`:
/// `惊喜不断`), each beside removed spam at all its places, beside new
/// chars each time, never inside a longer word of its context and never
/// said right against the other: neighbouring chops of one slogan spliced
/// apart. Returns both with their occurrences, or nothing.
fn paired_chops<'a>(
    candidates: &[(&'a [char], Vec<Occurrence>)],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
    surnames: &HashSet<char>,
) -> Vec<(&'a [char], Vec<Occurrence>)> {
    // The register is asked first: most pages hold no such pair, and the
    // placement tests cut text. Each run's verdict is read once.
    let mut placed: Vec<Option<bool>> = vec![None; candidates.len()];
    let mut is_placed = |k: usize, cuts: &mut CutCache<'_>| {
        *placed[k].get_or_insert_with(|| {
            let (g, occs) = &candidates[k];
            occs.iter().all(|o| near_spam(dead, o, g.len()))
                && varied(g, occs, analysis, dead)
                && reads_as_spliced(g, occs, analysis, dead, cuts, surnames)
        })
    };
    for (i, (a, occs_a)) in candidates.iter().enumerate() {
        for (j, (b, occs_b)) in candidates.iter().enumerate().skip(i + 1) {
            let joins = [(a, occs_a, b), (b, occs_b, a)]
                .into_iter()
                .any(|(x, occs_x, y)| {
                    scored::is_register_entry(&[*x, *y].concat())
                        && !said_together(x, occs_x, y, analysis)
                });
            if joins && is_placed(i, cuts) && is_placed(j, cuts) {
                return vec![(a, occs_a.clone()), (b, occs_b.clone())];
            }
        }
    }
    Vec::new()
}

/// Whether `y` follows right after one of the places `occs` of `x`.
fn said_together(x: &[char], occs: &[Occurrence], y: &[char], analysis: &[Vec<char>]) -> bool {
    occs.iter().any(|o| {
        let at = o.start + x.len();
        analysis.get(o.line).and_then(|l| l.get(at..at + y.len())) == Some(y)
    })
}

/// The most occurrences a run may have for [`find_chained`]: a spammer
/// splices a piece a handful of times, while a run repeated more often in
/// the sentences around spam is a term of the text (`原告` in a judgment).
const CHAIN_MOST: usize = 5;

/// How far (in chars, either way) from removed spam an occurrence may lie
/// for [`find_chained`]: a slogan's pieces crowd into the same sentences,
/// while a long line (a judgment on one line) holds terms far from them.
const CHAIN_REACH: usize = 80;

/// The occurrences of a run of `n` chars (in text order) that do not
/// overlap one taken before them: in `人人人民` the run `人人` is counted
/// twice, but one splice made it, and cutting both would take `人民`.
fn free_occurrences(n: usize, occs: &[Occurrence]) -> Vec<Occurrence> {
    let mut free_from = (usize::MAX, 0);
    occs.iter()
        .copied()
        .filter(|o| {
            let free = o.line != free_from.0 || o.start >= free_from.1;
            if free {
                free_from = (o.line, o.start + n);
            }
            free
        })
        .collect()
}

/// The tests of a run's text that the rules reading whole-word pieces
/// share: no place of it lies inside a longer word of its context
/// ([`swallowed_somewhere`]), and its shape is a fragment's, not a name's.
fn reads_as_spliced(
    gram: &[char],
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
    surnames: &HashSet<char>,
) -> bool {
    !swallowed_somewhere(gram, occs, analysis, dead, cuts)
        && !matches!(
            fragment_shape(gram, cuts, surnames),
            Shape::None | Shape::Named
        )
}

/// Whether at one of its places a run lies inside a longer word of the
/// best cut of its live context (`节约|用水` cut as `节约用水`): there it
/// is part of the text's own word, whatever a piece found makes of it.
fn swallowed_somewhere(
    gram: &[char],
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
) -> bool {
    let n = gram.len();
    occs.iter().any(|o| {
        let (ll, rl) = live_context(analysis, dead, o, n);
        let window = analysis
            .get(o.line)
            .and_then(|chars| chars.get(o.start - ll..o.start + n + rl));
        window.is_some_and(|w| {
            cuts.spans(w)
                .iter()
                .any(|&(s, e)| s <= ll && e >= ll + n && e - s > n)
        })
    })
}

/// Whether removed spam lies within [`CHAIN_REACH`] chars of an occurrence.
fn near_spam(dead: &[Vec<bool>], o: &Occurrence, n: usize) -> bool {
    let Some(d) = dead.get(o.line) else {
        return false;
    };
    let from = o.start.saturating_sub(CHAIN_REACH);
    let to = (o.start + n + CHAIN_REACH).min(d.len());
    d.get(from..to).is_some_and(|w| w.contains(&true))
}

/// Whether an occurrence stands right beside removed spam.
fn touches_spam(dead: &[Vec<bool>], o: &Occurrence, n: usize) -> bool {
    let d = dead.get(o.line);
    let at = |k: Option<usize>| k.and_then(|k| d?.get(k)).copied() == Some(true);
    at(o.start.checked_sub(1)) || at(Some(o.start + n))
}

/// The placement test of [`find_chained`]: at least two occurrences have
/// a Han character of the text or removed spam on both sides, and the
/// text characters beside those differ every time on each side (a word
/// of the text keeps company: `提起|诉讼|请求` twice). Occurrences against
/// a mark or a line edge (beside a brand no rule found) say nothing.
fn inner_and_varied(
    gram: &[char],
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
) -> bool {
    let inner: Vec<(Side, Side)> = sides(gram, occs, analysis, dead)
        .filter(|&(l, r)| l != Side::Edge && r != Side::Edge)
        .collect();
    inner.len() >= 2 && all_new(inner.into_iter())
}

/// Whether no two occurrences of a run share the char of the text before
/// them or the char after them (a splice lands beside new text each time).
fn varied(gram: &[char], occs: &[Occurrence], analysis: &[Vec<char>], dead: &[Vec<bool>]) -> bool {
    all_new(sides(gram, occs, analysis, dead))
}

/// What stands before and after each occurrence of a run (see [`side_of`]).
fn sides<'a>(
    gram: &'a [char],
    occs: &'a [Occurrence],
    analysis: &'a [Vec<char>],
    dead: &'a [Vec<bool>],
) -> impl Iterator<Item = (Side, Side)> + 'a {
    occs.iter().map(move |o| {
        (
            side_of(gram, analysis, dead, o.line, o.start.checked_sub(1)),
            side_of(gram, analysis, dead, o.line, Some(o.start + gram.len())),
        )
    })
}

/// Whether no char of the text stands on the same side of two of the
/// occurrences whose `sides` are given.
fn all_new(sides: impl Iterator<Item = (Side, Side)>) -> bool {
    let mut lefts: FxHashSet<char> = FxHashSet::default();
    let mut rights: FxHashSet<char> = FxHashSet::default();
    let mut fresh = |s: Side, right: bool| match s {
        Side::Text(c) if right => rights.insert(c),
        Side::Text(c) => lefts.insert(c),
        _ => true,
    };
    for (l, r) in sides {
        if !fresh(l, false) || !fresh(r, true) {
            return false;
        }
    }
    true
}

/// The order in which repeated runs are judged: longest first (a slogan
/// piece before the shorter runs inside it), then most repeated, then by
/// text so that the result does not depend on hash order.
fn longest_first(a: (&[char], usize), b: (&[char], usize)) -> std::cmp::Ordering {
    b.0.len()
        .cmp(&a.0.len())
        .then(b.1.cmp(&a.1))
        .then(a.0.cmp(b.0))
}

/// Marks the occurrences of an accepted run as removed in `dead` and
/// returns them as fragment spans with the line's own text.
fn remove_occurrences(
    gram: &[char],
    occs: &[Occurrence],
    lines: &[Vec<char>],
    dead: &mut [Vec<bool>],
    rule: &str,
) -> Vec<SpamSpan> {
    let mut out = Vec::new();
    for o in occs {
        let end = o.start + gram.len();
        let (Some(d), Some(text)) = (
            dead.get_mut(o.line).and_then(|d| d.get_mut(o.start..end)),
            lines.get(o.line).and_then(|l| l.get(o.start..end)),
        ) else {
            continue;
        };
        d.fill(true);
        out.push(SpamSpan {
            line: o.line,
            start: o.start,
            end,
            text: text.iter().collect(),
            brand: false,
            rule: rule.to_string(),
        });
    }
    out
}

/// `lines` with the chars of `spans` blanked out (same lengths, so that
/// offsets still agree).
pub fn blanked(lines: &[Vec<char>], spans: &[SpamSpan]) -> Vec<Vec<char>> {
    let mut out = lines.to_vec();
    for s in spans {
        if let Some(m) = out.get_mut(s.line).and_then(|l| l.get_mut(s.start..s.end)) {
            m.fill(' ');
        }
    }
    out
}

/// Per line, which chars the given spans cover.
fn dead_mask<'a>(
    analysis: &[Vec<char>],
    spans: impl Iterator<Item = &'a SpamSpan>,
) -> Vec<Vec<bool>> {
    let mut dead: Vec<Vec<bool>> = analysis.iter().map(|l| vec![false; l.len()]).collect();
    for s in spans {
        if let Some(d) = dead.get_mut(s.line).and_then(|d| d.get_mut(s.start..s.end)) {
            d.fill(true);
        }
    }
    dead
}

/// What stands at char `k` of a line (`None`: before its start) beside an
/// occurrence of `gram`.
fn side_of(
    gram: &[char],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    line: usize,
    k: Option<usize>,
) -> Side {
    let Some(k) = k else { return Side::Edge };
    if inside_copy(analysis, gram, line, k) || dead.get(line).and_then(|d| d.get(k)) == Some(&true)
    {
        return Side::Spam;
    }
    match analysis.get(line).and_then(|c| c.get(k)) {
        Some(&c) if is_han(c) => Side::Text(c),
        _ => Side::Edge,
    }
}

/// What stands on one side of an occurrence of a candidate run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A Han character of the text.
    Text(char),
    /// Removed spam, or another occurrence of the same run.
    Spam,
    /// A mark, a non-Han character or the line's edge.
    Edge,
}

/// What stands on each side of an occurrence, as [`side_of`] reads it,
/// except that spam spliced into a word the run finishes (`共|某某|和国`)
/// makes the run look beside spam: past the spam the word is whole, and
/// the char there is the run's true neighbour.
fn true_sides(
    gram: &[char],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
    o: &Occurrence,
) -> (Side, Side) {
    let n = gram.len();
    let side = |line: usize, k: Option<usize>| side_of(gram, analysis, dead, line, k);
    // The first live Han char past removed spam, walking from `k` by
    // `step`: the text the spam was spliced into.
    let past_spam = |line: usize, k: usize, step: isize| -> Option<char> {
        let chars = analysis.get(line)?;
        let dead_line = dead.get(line)?;
        let mut k = k as isize;
        while k >= 0 && dead_line.get(k as usize) == Some(&true) {
            k += step;
        }
        chars
            .get(usize::try_from(k).ok()?)
            .copied()
            .filter(|&c| is_han(c))
    };
    let mut left = side(o.line, o.start.checked_sub(1));
    let mut right = side(o.line, Some(o.start + n));
    if left == Side::Spam {
        if let Some(c) = o
            .start
            .checked_sub(1)
            .and_then(|k| past_spam(o.line, k, -1))
        {
            let joined: Vec<char> = std::iter::once(c).chain(gram.iter().copied()).collect();
            if cuts.spans(&joined).first().is_some_and(|w| w.1 > 1) {
                left = Side::Text(c);
            }
        }
    }
    if right == Side::Spam {
        if let Some(c) = past_spam(o.line, o.start + n, 1) {
            let joined: Vec<char> = gram.iter().copied().chain(std::iter::once(c)).collect();
            if cuts.spans(&joined).last().is_some_and(|w| w.0 < n) {
                right = Side::Text(c);
            }
        }
    }
    (left, right)
}

/// The test of [`find_confined`] on one run's occurrences: no side is an
/// edge; the text characters beside it differ every time on each side;
/// and at least one occurrence breaks a word, or two touch other spam
/// (one touch proves little: pieces land beside words of the text as
/// often as beside each other).
fn confined_evidence(
    gram: &[char],
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
) -> bool {
    let n = gram.len();
    let mut lefts: FxHashSet<char> = FxHashSet::default();
    let mut rights: FxHashSet<char> = FxHashSet::default();
    let mut touching = 0;
    for o in occs {
        let mut touches = false;
        let (left, right) = true_sides(gram, analysis, dead, cuts, o);
        for (s, seen) in [(left, &mut lefts), (right, &mut rights)] {
            match s {
                Side::Edge => return false,
                Side::Spam => touches = true,
                Side::Text(c) => {
                    if !seen.insert(c) {
                        return false;
                    }
                }
            }
        }
        touching += usize::from(touches);
    }
    touching >= 2
        || occs.iter().any(|o| {
            let lr = live_context(analysis, dead, o, n);
            lr.0 > 0 && lr.1 > 0 && rejoins(cuts, analysis, dead, o, n, lr)
        })
}

/// Runs confined to the sentences that carry spam. A spammer splices all
/// the pieces of a slogan into the same one to three paragraphs, three to
/// five times each; once some of them (and brands) have been found there,
/// the lines holding two or more removed spans are known to carry spam.
/// A run repeated three times or more whose every occurrence lies inside
/// such lines, between two Han characters or other spam (a splice lands
/// inside a sentence, never against a mark or a line edge), with a
/// different character on each side every time (a word of the text keeps
/// company: `提起|诉讼|请求` twice), and that breaks a word at least once
/// (or touches other spam twice), is one of the pieces that could not show
/// two broken words because it is a dictionary word that mostly landed on
/// word boundaries. Measured on the cleaning harness: of the occurrences
/// this removes, 182 of 233 (dev) and 405 of 426 (held-out) were injected
/// spam.
fn find_confined(page: PageSoFar<'_>, cuts: &mut CutCache<'_>) -> Vec<SpamSpan> {
    let mut per_line: FxHashMap<usize, usize> = FxHashMap::default();
    for s in page.found.iter().chain(page.brands) {
        *per_line.entry(s.line).or_insert(0) += 1;
    }
    let spam_lines: FxHashSet<usize> = per_line
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(&l, _)| l)
        .collect();
    if spam_lines.is_empty() || page.found.is_empty() {
        return Vec::new();
    }
    let han = |l: &Vec<char>| l.iter().filter(|&&c| is_han(c)).count();
    let total: usize = page.analysis.iter().map(han).sum();
    let in_spam_lines: usize = spam_lines
        .iter()
        .filter_map(|&l| page.analysis.get(l))
        .map(han)
        .sum();
    let spam_share = in_spam_lines as f64 / total.max(1) as f64;
    let mut dead = page.dead();
    let mut out = Vec::new();
    // As in `find_fragments`: counted once, brought up to date by masking,
    // and each run's shape and rejection remembered across rounds.
    let mut counts = count_runs(page.analysis, &dead, 3);
    let mut rejected: FxHashSet<&[char]> = FxHashSet::default();
    let mut shapes: FxHashMap<&[char], Shape> = FxHashMap::default();
    for _round in 0..12 {
        let mut candidates: Vec<(&[char], &Vec<Occurrence>)> = counts
            .iter()
            .filter(|(g, occ)| occ.len() >= 3 && !rejected.contains(*g))
            .map(|(g, o)| (*g, o))
            .collect();
        candidates.sort_by(|a, b| longest_first((a.0, a.1.len()), (b.0, b.1.len())));
        let mut accepted: Option<(&[char], Vec<Occurrence>)> = None;
        for (gram, occs) in candidates {
            let shape = *shapes
                .entry(gram)
                .or_insert_with(|| fragment_shape(gram, cuts, page.surnames));
            let ok = by_chance(spam_share, occs.len()) <= CONFINED_CHANCE
                && occs.iter().all(|o| spam_lines.contains(&o.line))
                && !matches!(shape, Shape::None | Shape::Named)
                && confined_evidence(gram, occs, page.analysis, &dead, cuts);
            if ok {
                accepted = Some((gram, occs.clone()));
                break;
            }
            rejected.insert(gram);
        }
        let Some((gram, occs)) = accepted else { break };
        let rule = format!("confined to spam lines:{}", gram.iter().collect::<String>());
        out.extend(remove_occurrences(
            gram, &occs, page.lines, &mut dead, &rule,
        ));
        drop_masked(&mut counts, &dead, &rejected, 3);
    }
    out
}

/// The most likely a run of the text may be to fall wholly inside the
/// spam lines by chance for [`find_confined`] to read its being there as
/// evidence: with the spam lines holding half the page's text, a run said
/// three times lands only there one time in eight.
const CONFINED_CHANCE: f64 = 0.125;

/// How likely `said` occurrences placed at random in a page's text all land
/// in the share `share` of it.
fn by_chance(share: f64, said: usize) -> f64 {
    share.powi(i32::try_from(said).unwrap_or(i32::MAX))
}

/// Brings the counts of [`count_runs`] up to date after more of the text
/// was masked in `dead`: occurrences with a masked char go, and so do runs
/// left with fewer than `min` occurrences or already `rejected`.
fn drop_masked(
    counts: &mut FxHashMap<&[char], Vec<Occurrence>>,
    dead: &[Vec<bool>],
    rejected: &FxHashSet<&[char]>,
    min: usize,
) {
    counts.retain(|gram, occs| {
        if rejected.contains(gram) {
            return false;
        }
        occs.retain(|o| {
            dead.get(o.line)
                .and_then(|d| d.get(o.start..o.start + gram.len()))
                .is_some_and(|d| !d.contains(&true))
        });
        occs.len() >= min
    });
}

/// Pieces of one slogan are sometimes spliced side by side
/// (`一站式购` + `物放心选`), where each piece completes a word of the other
/// (`购物`) and so never shows free boundaries. Any occurrence of an
/// accepted fragment that touches another removed span (a fragment or a
/// brand) goes with it; repeated until nothing more joins.
fn extend_to_adjacent(
    mut kept: Vec<SpamSpan>,
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    brands: &[SpamSpan],
) -> Vec<SpamSpan> {
    let grams: Vec<(Vec<char>, String)> = {
        let mut seen = HashSet::new();
        kept.iter()
            .filter(|s| seen.insert(s.rule.clone()))
            .filter_map(|s| {
                let g: Vec<char> = analysis.get(s.line)?.get(s.start..s.end)?.to_vec();
                Some((g, s.rule.clone()))
            })
            .collect()
    };
    for _ in 0..4 {
        let mut added = Vec::new();
        for (li, chars) in analysis.iter().enumerate() {
            // Spans already removed on this line; grows as pieces join.
            let mut taken: Vec<(usize, usize)> = kept
                .iter()
                .chain(brands)
                .filter(|s| s.line == li)
                .map(|s| (s.start, s.end))
                .collect();
            // Free occurrences of accepted fragments on this line.
            let mut free: Vec<(usize, usize, &String)> = Vec::new();
            for (gram, rule) in &grams {
                let n = gram.len();
                for start in 0..(chars.len() + 1).saturating_sub(n) {
                    let end = start + n;
                    if chars[start..end] == gram[..]
                        && !taken.iter().any(|&(a, b)| a < end && start < b)
                    {
                        free.push((start, end, rule));
                    }
                }
            }
            // One joins when it touches a removed span or another free
            // occurrence (two pieces side by side); repeat until stable.
            let touches = |spans: &[(usize, usize)], s: usize, e: usize| {
                spans.iter().any(|&(a, b)| b == s || a == e)
            };
            let mut joined = true;
            while joined {
                joined = false;
                let mut i = 0;
                while i < free.len() {
                    let (s0, e0, rule) = free[i];
                    let next_to_piece = free
                        .iter()
                        .enumerate()
                        .any(|(j, &(a, b, _))| j != i && (b == s0 || a == e0));
                    let overlaps = taken.iter().any(|&(a, b)| a < e0 && s0 < b);
                    if !overlaps && (touches(&taken, s0, e0) || next_to_piece) {
                        taken.push((s0, e0));
                        added.push(SpamSpan {
                            line: li,
                            start: s0,
                            end: e0,
                            text: lines[li][s0..e0].iter().collect(),
                            brand: false,
                            rule: format!("{rule} (next to other spam)"),
                        });
                        free.swap_remove(i);
                        joined = true;
                    } else {
                        i += 1;
                    }
                }
            }
        }
        if added.is_empty() {
            break;
        }
        kept.extend(added);
    }
    kept
}

/// What a candidate run looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Not a candidate: a name, or a sequence of ordinary words.
    None,
    /// Not a dictionary word, and the dictionary leaves loose characters in
    /// it: spliced wherever it sits on word boundaries.
    Loose,
    /// A dictionary word: spliced only where it breaks a word of its context.
    Word,
    /// Several dictionary words in a row: spliced only where it breaks a
    /// word of its context, but a phrase is rarer than a word, so once it
    /// is shown breaking words twice its other occurrences count too.
    Phrase,
    /// Starts with what reads as a person's name (a surname and one or two
    /// characters the dictionary leaves loose) and goes on with words
    /// (`龙|腾|竞猜`): a name and the word after it, or a brand whose head
    /// begins with a surname. Judged like a phrase, but only three broken
    /// words show a splice: a name with the same word after it breaks a
    /// word across it once or twice by chance (`原告|王明|诉称` reads
    /// `告诉`), a brand spliced through a site's pages many times.
    Named,
}

/// jieba's `cut(text, false)` of short texts, as word spans in chars,
/// remembered for the document: fragment detection cuts the same windows
/// again when a run is re-judged in a later round, and neighbouring runs
/// of a line share windows. The spans are all the detector uses, since
/// the word of a span is the slice of the text it covers.
struct CutCache<'s> {
    seg: &'s Segmenter,
    spans: FxHashMap<Vec<char>, Rc<[(usize, usize)]>>,
    /// Reused to hand jieba a `&str`.
    text: String,
}

impl<'s> CutCache<'s> {
    fn new(seg: &'s Segmenter) -> Self {
        CutCache {
            seg,
            spans: FxHashMap::default(),
            text: String::new(),
        }
    }

    /// The word spans of `chars`, as `(start, end)` char offsets.
    fn spans(&mut self, chars: &[char]) -> Rc<[(usize, usize)]> {
        if let Some(spans) = self.spans.get(chars) {
            return Rc::clone(spans);
        }
        self.text.clear();
        self.text.extend(chars);
        let spans: Rc<[(usize, usize)]> = self
            .seg
            .jieba()
            .cut(&self.text, false)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        self.spans.insert(chars.to_vec(), Rc::clone(&spans));
        spans
    }

    /// Whether the segmenter's own cut (which guesses unknown words) reads
    /// a word of two or three characters in `chars` that starts with a
    /// surname and holds a character the dictionary's cut leaves alone.
    fn names_in(&mut self, chars: &[char]) -> bool {
        let surnames = name_initials();
        let loose: Vec<bool> = {
            let mut l = vec![false; chars.len()];
            for &(s, e) in self.spans(chars).iter() {
                if e == s + 1 {
                    if let Some(x) = l.get_mut(s) {
                        *x = true;
                    }
                }
            }
            l
        };
        self.text.clear();
        self.text.extend(chars);
        let mut at = 0;
        for w in self.seg.cut(&self.text) {
            let n = w.chars().count();
            let starts_with_surname = w.chars().next().is_some_and(|c| surnames.contains(&c));
            if (2..=3).contains(&n)
                && starts_with_surname
                && loose.get(at..at + n).is_some_and(|l| l.contains(&true))
            {
                return true;
            }
            at += n;
        }
        false
    }

    /// Whether `chars` has been cut already.
    fn is_cut(&self, chars: &[char]) -> bool {
        self.spans.contains_key(chars)
    }

    /// Whether some dictionary word of `chars` starts before char `at`
    /// and ends after it. jieba's full mode lists every dictionary word at
    /// every char (one trie walk per char, no route to compute), so any
    /// word a cut can give is among its tokens.
    fn word_crosses(&mut self, chars: &[char], at: usize) -> bool {
        self.text.clear();
        self.text.extend(chars);
        self.seg
            .jieba()
            .cut_all(&self.text)
            .iter()
            .any(|t| t.start < at && t.end > at)
    }

    /// Whether `chars` is one word of jieba's dictionary.
    fn has_word(&mut self, chars: &[char]) -> bool {
        self.text.clear();
        self.text.extend(chars);
        self.seg.jieba().has_word(&self.text)
    }
}

/// Whether every char of a word is a function char (see [`FUNCTION_CHARS`]).
fn all_function(word: &[char]) -> bool {
    word.iter().all(|&c| FUNCTION_CHARS.contains(c))
}

/// Single characters that attach to the word beside them by grammar:
/// numerals and the ordinal `第`, demonstratives and pronouns (`本`, `该`,
/// `每`, `我`), prepositions that open a phrase (`由`, `按`, `自`, `当`,
/// `将`, `据`), the negation `未`, and common measure words (`亩`, `号`,
/// `位`, `条`). Standing loose beside a word (`二|被告`, `本|判决`,
/// `由|被告`, `亩|土地`) they make an ordinary phrase of the text, which a
/// legal or news article repeats all the time; a slogan cut at random
/// leaves content characters loose (`奋斗|新`, `时代|启`). Both scripts.
const GRAMMAR_EDGE_CHARS: &str = "二两兩三四五六七八九十百千万萬几幾半第本该該此各每诸我你他她它您咱由按自当當未将將据據亩畝号號位名条條件次棵只隻张張台臺辆輛项項";

/// Whether a loose single character is evidence of a cut-up run: neither
/// a function character nor one that attaches by grammar.
fn loose_content(word: &[char]) -> bool {
    !word
        .iter()
        .all(|&c| FUNCTION_CHARS.contains(c) || GRAMMAR_EDGE_CHARS.contains(c))
}

/// Classifies a run by its own shape. One cut per distinct candidate; most
/// repeated runs of a document (its words and phrases) stop here.
fn fragment_shape(gram: &[char], cuts: &mut CutCache<'_>, surnames: &HashSet<char>) -> Shape {
    if gram.len() <= 3 && gram.first().is_some_and(|c| surnames.contains(c)) {
        return Shape::None;
    }
    // A role word (`第三人`, `被上诉人`) names a party of the text.
    if role_words().iter().any(|r| r.as_slice() == gram) {
        return Shape::None;
    }
    // Anonymised parties (`鲍某`, `王某某`) are names, however they segment.
    if gram.contains(&'某') {
        return Shape::None;
    }
    let tokens = cuts.spans(gram);
    let word = |&(s, e): &(usize, usize)| gram.get(s..e).unwrap_or_default();
    // A run holding a place name (`东莞市`, `马岭镇`: three characters or
    // more, so that words like `这里` `市场` do not count) is part of an
    // address or an organisation's name.
    let place = tokens.iter().any(|t| {
        t.1 - t.0 >= 3
            && word(t)
                .last()
                .is_some_and(|&c| TOPONYM_SUFFIXES.contains(c))
    });
    if place {
        return Shape::None;
    }
    // An organisation's name (`亿安居公司`, `某某法院`) is a term of the text.
    let org = tokens.iter().any(|t| {
        let w = word(t);
        ORG_WORDS.iter().any(|o| o.chars().eq(w.iter().copied()))
    });
    if org {
        return Shape::None;
    }
    // A person's name inside the run (`被告|罗|正|军`): a surname that starts
    // a run of two or three loose single characters. One that opens a run
    // of four characters or more, with words after it, is a name and
    // what follows it or a brand (`龙|腾|竞猜`).
    let mut named = false;
    let mut k = 0;
    while k < tokens.len() {
        let run = tokens[k..].iter().take_while(|t| t.1 - t.0 == 1).count();
        if (2..=3).contains(&run)
            && word(&tokens[k])
                .first()
                .is_some_and(|c| surnames.contains(c))
        {
            if k == 0 && run < tokens.len() && gram.len() >= 4 {
                named = true;
            } else {
                return Shape::None;
            }
        }
        k += run.max(1);
    }
    // A transcribed foreign name (`尼可拉斯`, `凱薩琳丹妮芙`).
    let translit = transliteration_chars();
    if gram.len() >= 3 && gram.iter().all(|c| translit.contains(c)) {
        return Shape::None;
    }
    // A role or title before a surname (`被告|王|明月`, `记者|胡|万军`).
    let all_surnames = name_initials();
    let after_role = (0..gram.len()).any(|i| {
        role_words().iter().any(|r| {
            gram[i..].starts_with(r)
                && gram
                    .get(i + r.len())
                    .is_some_and(|c| all_surnames.contains(c))
        })
    });
    if after_role {
        return Shape::None;
    }
    // A name the dictionary splits otherwise (`被告|胡|万军`): the cut that
    // guesses unknown words reads a surname and one or two more characters
    // as one word, and some of them stood alone in the dictionary's cut.
    if gram.len() >= 3 && cuts.names_in(gram) && !named {
        return Shape::None;
    }
    if named {
        return Shape::Named;
    }
    if cuts.has_word(gram) {
        return Shape::Word;
    }
    let loose = tokens
        .iter()
        .filter(|t| t.1 - t.0 == 1 && loose_content(word(t)))
        .count();
    let needed = if gram.len() == 2 { 2 } else { 1 };
    if loose >= needed {
        Shape::Loose
    } else if gram.len() == 2 && tokens.len() == 2 {
        // Two single characters of which one or both are function
        // characters (`都更`): not a word, and too common side by side to
        // count as loose; like a word, a splice only where it breaks one
        // (`国|都更|务院`). Slogans cut at random places leave such pieces.
        Shape::Word
    } else if (3..=5).contains(&gram.len()) {
        // Several words in a row (`时代启航`): a phrase of the text or a
        // slogan piece; like a word, it is spliced only where it breaks one.
        Shape::Phrase
    } else {
        Shape::None
    }
}

/// Injected fragments come in sets: a spammer splices several pieces of a
/// slogan, and brands, into the same sentences. A repeated non-word that
/// never shares a line with other spam is far more likely a term of the
/// article (`越抓越`, `专精特新`). So a fragment is kept when it was seen
/// breaking words of its context in two places, or when, summed over its
/// lines, it meets at least twice either such a fragment or (on a page with
/// brands) any other distinct fragment or brand, or when it broke a word in
/// one place and meets another fragment that did the same: two different
/// runs, each passing the judge and each breaking a word, side by side in
/// one stretch, are two pieces of one injection (`上|式购物|海` and
/// `祖|放心选|国` in one sentence of a page with no brand).
fn keep_cooccurring(
    spans: Vec<SpamSpan>,
    brands: &[SpamSpan],
    strong: &HashSet<String>,
    very_strong: &HashSet<String>,
    broke_once: &HashSet<String>,
) -> Vec<SpamSpan> {
    // Meetings are counted within stretches of a line, not whole lines:
    // a long judgment or report on one line would otherwise have every
    // repeated name meet every piece of spam in it.
    let mut rule_lines: HashMap<&str, HashSet<(usize, usize)>> = HashMap::new();
    for s in spans.iter().chain(brands) {
        rule_lines
            .entry(s.rule.as_str())
            .or_default()
            .insert((s.line, s.start / MEETING_STRETCH));
    }
    let fragment_rules: HashSet<&str> = spans.iter().map(|s| s.rule.as_str()).collect();
    // How often a fragment meets, within the same stretch, other removed
    // spans whose rule passes `with`.
    let meetings = |rule: &str, with: &dyn Fn(&str) -> bool| -> usize {
        rule_lines.get(rule).map_or(0, |lines| {
            lines
                .iter()
                .map(|l| {
                    rule_lines
                        .iter()
                        .filter(|(other, ls)| **other != rule && with(other) && ls.contains(l))
                        .count()
                })
                .sum()
        })
    };
    let accepted: HashSet<String> = fragment_rules
        .into_iter()
        .filter(|rule| {
            // Without a brand in the document there is no sign of spam
            // besides the fragments themselves: repeated names and terms of
            // a clean article meet each other too, so only a run seen
            // breaking words counts then (in three places, or in two where
            // another fragment meets it: a term a clean text says often
            // re-forms two words across itself by chance, as `少数族裔人`
            // did in a report), or one that meets such a run twice (the
            // page is shown to carry spliced spam, and the injector puts
            // its pieces into the same sentences). Two runs that each broke
            // one word pool their evidence where they meet.
            (strong.contains(*rule)
                && (!brands.is_empty()
                    || very_strong.contains(*rule)
                    || meetings(rule, &|other| other != *rule) >= 1))
                || (!brands.is_empty() && meetings(rule, &|_| true) >= 2)
                || meetings(rule, &|other| strong.contains(other)) >= 2
                || (broke_once.contains(*rule)
                    && meetings(rule, &|other| broke_once.contains(other)) >= 1)
        })
        .map(str::to_string)
        .collect();
    spans
        .into_iter()
        .filter(|s| accepted.contains(&s.rule))
        .collect()
}

/// Every Han n-gram (2 to 8 chars) of the live text that occurs at least
/// `min` times, with where it occurs. Bigrams are counted first (packed
/// into a u64, no hashing of strings); an n-gram can only occur `min` times
/// if each of its bigrams does, so longer n-grams are counted only along
/// runs of frequent bigrams, and only the frequent ones are materialised.
fn count_runs<'a>(
    analysis: &'a [Vec<char>],
    dead: &[Vec<bool>],
    min: u32,
) -> FxHashMap<&'a [char], Vec<Occurrence>> {
    let runs = live_runs(analysis, dead);
    let bigrams = bigram_counts(analysis, &runs);
    runs_along::<8>(analysis, &runs, &bigrams, min)
}

/// The stretches `(line, start, end)` of two live Han chars or more.
#[inline]
fn live_runs(analysis: &[Vec<char>], dead: &[Vec<bool>]) -> Vec<(usize, usize, usize)> {
    let mut live_runs: Vec<(usize, usize, usize)> = Vec::new();
    for (li, chars) in analysis.iter().enumerate() {
        let live = |k: usize| is_han(chars[k]) && !dead[li][k];
        let mut i = 0;
        while i < chars.len() {
            if !live(i) {
                i += 1;
                continue;
            }
            let run_end = (i..chars.len()).find(|&k| !live(k)).unwrap_or(chars.len());
            if run_end - i >= 2 {
                live_runs.push((li, i, run_end));
            }
            i = run_end;
        }
    }
    live_runs
}

/// Two chars packed into one key (no hashing of strings).
fn pair_key(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// How often each pair of adjacent chars occurs in the stretches, keyed
/// by [`pair_key`].
#[inline]
fn bigram_counts(
    analysis: &[Vec<char>],
    live_runs: &[(usize, usize, usize)],
) -> FxHashMap<u64, u32> {
    let mut bigrams: FxHashMap<u64, u32> = FxHashMap::default();
    for &(li, start, end) in live_runs {
        let c = &analysis[li];
        for s in start..end - 1 {
            *bigrams.entry(pair_key(c[s], c[s + 1])).or_insert(0) += 1;
        }
    }
    bigrams
}

/// The n-grams (2 to `LONGEST` chars) of the stretches that occur at
/// least `min` times, with where they occur, counted only along runs of
/// frequent bigrams (an n-gram can only occur `min` times if each of its
/// bigrams does).
#[inline]
fn runs_along<'a, const LONGEST: usize>(
    analysis: &'a [Vec<char>],
    live_runs: &[(usize, usize, usize)],
    bigrams: &FxHashMap<u64, u32>,
    min: u32,
) -> FxHashMap<&'a [char], Vec<Occurrence>> {
    let frequent =
        |c: &[char], s: usize| bigrams.get(&pair_key(c[s], c[s + 1])).copied().unwrap_or(0) >= min;
    let mut counts: FxHashMap<&[char], u32> = FxHashMap::default();
    for &(li, start, end) in live_runs {
        let c = &analysis[li];
        for s in start..end - 1 {
            let mut n = 2;
            while n <= LONGEST && s + n <= end && frequent(c, s + n - 2) {
                *counts.entry(&c[s..s + n]).or_insert(0) += 1;
                n += 1;
            }
        }
    }
    let mut out: FxHashMap<&[char], Vec<Occurrence>> = FxHashMap::default();
    for &(li, start, end) in live_runs {
        let c = &analysis[li];
        for s in start..end - 1 {
            let mut n = 2;
            while n <= LONGEST && s + n <= end {
                match counts.get(&c[s..s + n]) {
                    Some(&k) if k >= min => {
                        out.entry(&c[s..s + n])
                            .or_default()
                            .push(Occurrence { line: li, start: s });
                    }
                    Some(_) => {}
                    None => break,
                }
                n += 1;
            }
        }
    }
    out
}

/// Decides whether `gram` is a spliced fragment; returns its spliced
/// occurrences if so.
fn judge(
    gram: &[char],
    shape: Shape,
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    cuts: &mut CutCache<'_>,
    page_has_brand: bool,
) -> Option<(Vec<Occurrence>, usize)> {
    // Cheap necessary conditions first, so that most candidates are
    // dismissed without cutting a window around each occurrence. Below, an
    // occurrence is spliced only by a seam or, for a loose run, by its own
    // window; either way two spliced occurrences are needed (free ones
    // count only once there are two seams). So a word or phrase needs two
    // occurrences where a word re-forms across it, and a loose run two
    // occurrences with live context.
    let dominant = dominant_neighbour(gram.len(), occs, analysis, dead);
    let contexts_of = |occ: &Occurrence| live_context(analysis, dead, occ, gram.len());
    // The contexts that make a run's occurrences diverse are those of
    // occurrences with live context; isolated ones add at most one.
    let mut context_kinds: FxHashSet<Context> = FxHashSet::default();
    let mut any_isolated = false;
    for occ in occs {
        let Some(chars) = analysis.get(occ.line) else {
            continue;
        };
        let end = occ.start + gram.len();
        match contexts_of(occ) {
            (0, 0) => any_isolated |= !is_quoted(chars, occ.start, end),
            (left_len, right_len) => {
                let left = (left_len > 0).then(|| chars.get(occ.start - 1).copied());
                let right = (right_len > 0).then(|| chars.get(end).copied());
                context_kinds.insert((left.flatten(), right.flatten()));
            }
        }
    }
    if context_kinds.len() + usize::from(any_isolated) < 3 {
        return None;
    }
    if shape == Shape::Loose {
        let with_context = occs.iter().filter(|occ| contexts_of(occ) != (0, 0)).count();
        if with_context < 2 {
            return None;
        }
    } else {
        // A run read as a name needs three (see `Shape::Named`).
        let needed = if shape == Shape::Named { 3 } else { 2 };
        let mut rejoining = 0;
        for occ in occs {
            let (left_len, right_len) = contexts_of(occ);
            if left_len > 0
                && right_len > 0
                && rejoins(cuts, analysis, dead, occ, gram.len(), (left_len, right_len))
            {
                rejoining += 1;
                if rejoining == needed {
                    break;
                }
            }
        }
        if rejoining < needed {
            return None;
        }
    }
    // A run that mostly stands beside the same character is part of a
    // longer unit (`被告汪|佑键`: a name the dictionary splits into single
    // characters), whatever varied places the rest of the unit takes.
    // Spliced pieces land at random places, so two thirds of them sharing
    // a neighbour does not happen by chance, unless the run breaks words
    // twice, once at least beside that neighbour (`资源优|滋味|势`,
    // `有关部|滋味|门` beside `党支部|滋味|书记`): a longer unit's part
    // would not re-form a word with the char after it. (Checked after the
    // cheaper conditions above; the cuts are remembered.)
    if let Some(beside) = dominant {
        let mut rejoining = |o: &&Occurrence| {
            let lr = contexts_of(o);
            lr.0 > 0 && lr.1 > 0 && rejoins(cuts, analysis, dead, o, gram.len(), lr)
        };
        let beside_breaks = beside.iter().any(|o| rejoining(&o));
        if !beside_breaks || occs.iter().filter(rejoining).take(2).count() < 2 {
            return None;
        }
    }
    // The neighbours of the places where a word re-forms across the run.
    let mut seam_contexts: Vec<Context> = Vec::new();
    let mut spliced = Vec::new();
    let mut isolated = Vec::new();
    // Occurrences on word boundaries that show no break themselves.
    let mut free = Vec::new();
    // Occurrences a word of the context reaches into without taking the
    // whole run (`闫联|航新征程`: `联航`), which show nothing either.
    let mut glued = Vec::new();
    // Occurrences a word of the context holds whole (`企业|家`).
    let mut held_by_text = 0;
    let mut contexts: HashSet<Context> = HashSet::new();
    for occ in occs {
        let chars = &analysis[occ.line];
        let end = occ.start + gram.len();
        let (left_len, right_len) = contexts_of(occ);
        if left_len == 0 && right_len == 0 {
            // A quoted run is a term, never a splice. An unquoted run that
            // stands alone (`。心人` at a line end) is removed only when the
            // run is shown to be spliced elsewhere.
            if !is_quoted(chars, occ.start, end) {
                isolated.push(*occ);
            }
            continue;
        }
        let window = &chars[occ.start - left_len..end + right_len];
        let tokens = cuts.spans(window);
        let word = |&(s, e): &(usize, usize)| window.get(s..e).unwrap_or_default();
        let (f_start, f_end) = (left_len, left_len + gram.len());
        let boundaries_free = tokens.iter().all(|&(start, end)| {
            let straddles_start = start < f_start && end > f_start;
            let straddles_end = start < f_end && end > f_end;
            !straddles_start && !straddles_end
        });
        // A word of the context that swallows the whole run (`企业|家`)
        // shows the run belongs there; one that takes only part of it
        // (`本心|选`) is a splice glued to its neighbour.
        let swallowed = tokens
            .iter()
            .any(|&(start, end)| start <= f_start && end >= f_end && end - start > gram.len());
        let loose_singles = tokens
            .iter()
            .filter(|&&(start, end)| start >= f_start && end <= f_end && end - start == 1)
            .filter(|t| loose_content(word(t)))
            .count();
        // The strongest evidence: without the run, a word forms across the
        // seam (`中|撸起|央` -> `中央`).
        let seam = !swallowed
            && left_len > 0
            && right_len > 0
            && rejoins(cuts, analysis, dead, occ, gram.len(), (left_len, right_len));
        let needed = if gram.len() == 2 { 2 } else { 1 };
        // A splice often glues onto a neighbour (`本|心选|院` cuts as
        // `本心`): a word re-forming across the seam outweighs that, but
        // loose characters alone count only on free boundaries.
        let loose_ok = boundaries_free && shape == Shape::Loose && loose_singles >= needed;
        if !(seam || loose_ok) {
            held_by_text += usize::from(swallowed);
            if boundaries_free {
                let left = (left_len > 0).then(|| chars[occ.start - 1]);
                let right = (right_len > 0).then(|| chars[end]);
                free.push((*occ, (left, right)));
            } else if !swallowed {
                let left = (left_len > 0).then(|| chars[occ.start - 1]);
                let right = (right_len > 0).then(|| chars[end]);
                glued.push((*occ, (left, right)));
            }
            continue;
        }
        if seam {
            seam_contexts.push((
                (left_len > 0).then(|| chars[occ.start - 1]),
                (right_len > 0).then(|| chars[end]),
            ));
        }
        let place_name = tokens.iter().any(|t| {
            t.0 > f_start
                && t.1 <= f_end
                && t.1 - t.0 == 1
                && word(t).iter().all(|&c| TOPONYM_SUFFIXES.contains(c))
        });
        if place_name {
            return None;
        }
        let left = (left_len > 0).then(|| chars[occ.start - 1]);
        let right = (right_len > 0).then(|| chars[end]);
        contexts.insert((left, right));
        spliced.push(*occ);
    }
    // Broken words between the same two chars are one phrase of the text
    // said twice (`視|布殊|為` -> `視為`), not splices landing at random
    // places, unless the text says that word elsewhere too: a frequent
    // word is hit twice by chance (`下|一站式购|调` beside `全面下调`).
    let seams = seam_breaks(&seam_contexts, analysis);
    // A run that always follows (or precedes) the same character is part of
    // a longer unit (`汪|红德`), not something dropped in at random places.
    let fixed_side = |side: fn(&Context) -> Option<char>| {
        let mut values = contexts.iter().map(side);
        let first = values.next().flatten();
        first.is_some() && values.all(|v| v == first)
    };
    let varied = !fixed_side(|c| c.0) && !fixed_side(|c| c.1);
    // A run shown breaking words in two places is spliced spam; its other
    // occurrences that sit between words (`日|一站式|立案`) go with it. A
    // dictionary word on a page without brands must show enough breaks by
    // itself first: `以|党建|为` re-forms `以为` by chance.
    let counts_free = shape != Shape::Word || page_has_brand;
    // A splice lands between two chars at random and breaks a word in a
    // large share of its places. A dictionary word that sits between words
    // more than twice as often as it breaks one is the text's own word,
    // frequent enough to re-form a word across itself by chance (`发展` in
    // a report on development: two broken words among fourteen places).
    if shape == Shape::Word && free.len() > 2 * seams {
        return None;
    }
    // Where no brand shows the page carries spam, the places where a word
    // of the text holds the run (`商品|经济`) or glues onto it count against
    // it too: a common word said ten times in a history text re-forms two
    // words across itself by chance (`社会|经济|形态`), while a piece
    // spliced a few times breaks a word in a large share of its places.
    if shape == Shape::Word
        && !page_has_brand
        && free.len() + glued.len() + held_by_text > 2 * seams
    {
        return None;
    }
    let mut free_spliced = Vec::new();
    if seams >= 2 {
        for (occ, context) in free {
            if counts_free {
                contexts.insert(context);
            }
            free_spliced.push(occ);
        }
    }
    if counts_free {
        spliced.append(&mut free_spliced);
    }
    if shape == Shape::Named && seams < 3 {
        return None;
    }
    // A run that is no word of the dictionary, shown spliced in two places
    // by a broken word, goes where it glues onto a neighbour too: the
    // neighbour's word forms by chance, and those places count. A
    // dictionary word stays there.
    let glued_count = seams >= 2 && shape != Shape::Word;
    if glued_count {
        contexts.extend(glued.iter().map(|g| g.1));
    }
    let shown = spliced.len() + if glued_count { glued.len() } else { 0 };
    let enough = shown >= 3 || (shown >= 2 && shown + isolated.len() >= 3);
    let diverse = contexts.len() + isolated.len().min(1) >= 3;
    if !(enough && diverse && varied) {
        return None;
    }
    spliced.extend(isolated);
    spliced.extend(free_spliced);
    // Once the run is accepted, a run of three chars or more that is no
    // dictionary word goes where it glues onto a neighbour as well
    // (`安|好货不贵`), when such places are the fewer: a run gluing onto
    // its neighbour in most places (`团级|职务`, `排级|职务`) is the
    // second half of a phrase of the text.
    let glued_few = gram.len() >= 3 && shape != Shape::Word && glued.len() < spliced.len();
    if glued_count || glued_few {
        spliced.extend(glued.into_iter().map(|g| g.0));
    }
    spliced.sort_by_key(|o| (o.line, o.start));
    Some((spliced, seams))
}

/// How many broken words `contexts` (the neighbours of a run's places
/// where a word re-forms across it) show, counting the places between the
/// same two chars once when the text never puts those chars side by side.
fn seam_breaks(contexts: &[Context], analysis: &[Vec<char>]) -> usize {
    let mut distinct: Vec<(Context, usize)> = Vec::new();
    for &c in contexts {
        match distinct.iter_mut().find(|(d, _)| *d == c) {
            Some((_, n)) => *n += 1,
            None => distinct.push((c, 1)),
        }
    }
    distinct
        .iter()
        .map(|&((left, right), n)| match (left, right) {
            (Some(l), Some(r)) if n > 1 => {
                let said: usize = analysis
                    .iter()
                    .map(|chars| chars.windows(2).filter(|w| w[0] == l && w[1] == r).count())
                    .sum();
                if said >= n {
                    n
                } else {
                    1
                }
            }
            _ => n,
        })
        .sum()
}

/// Whether char `k` of a line lies inside a copy of `gram` there. Checked
/// on the text rather than collected from the occurrences, which for a run
/// repeated many thousand times in a long page would fill a large set.
fn inside_copy(analysis: &[Vec<char>], gram: &[char], line: usize, k: usize) -> bool {
    let Some(chars) = analysis.get(line) else {
        return false;
    };
    let n = gram.len();
    n > 0 && (k.saturating_sub(n - 1)..=k).any(|j| chars.get(j..j + n) == Some(gram))
}

/// Counts of every pair of adjacent Han characters in the text.
fn pair_counts(analysis: &[Vec<char>]) -> FxHashMap<(char, char), usize> {
    let mut pairs: FxHashMap<(char, char), usize> = FxHashMap::default();
    for chars in analysis {
        for w in chars.windows(2) {
            if is_han(w[0]) && is_han(w[1]) {
                *pairs.entry((w[0], w[1])).or_insert(0) += 1;
            }
        }
    }
    pairs
}

/// Whether half the characters of a run of three or more belong to pairs
/// that the rest of the text uses at least half as often as the run occurs
/// (`案涉房屋` beside `房屋` in other phrases, `零赤字预算` beside `赤字`
/// and `预算`): the run is made of the article's own vocabulary. A slogan
/// piece brings its characters with it, so they seldom occur without it;
/// one that holds a word of the article (`党建|得民党走` in a report on
/// party building) still has most of its characters to itself.
fn used_elsewhere(
    gram: &[char],
    occurrences: usize,
    pairs: &FxHashMap<(char, char), usize>,
) -> bool {
    used_elsewhere_by(gram, occurrences, |a, b| {
        pairs.get(&(a, b)).copied().unwrap_or(0)
    })
}

/// [`used_elsewhere`] with the pair counts read through `pairs`.
fn used_elsewhere_by(
    gram: &[char],
    occurrences: usize,
    pairs: impl Fn(char, char) -> usize,
) -> bool {
    if gram.len() < 3 {
        return false;
    }
    let mut covered = vec![false; gram.len()];
    for (k, w) in gram.windows(2).enumerate() {
        let total = pairs(w[0], w[1]);
        if 2 * total.saturating_sub(occurrences) >= occurrences {
            covered[k] = true;
            covered[k + 1] = true;
        }
    }
    2 * covered.iter().filter(|&&c| c).count() >= gram.len()
}

/// Whether a run names a party of the text: in two of its occurrences or
/// more it follows a word that introduces a person (`被告|由国芹`,
/// `记者|游景玉`) or comes before a word that ends an organisation's name
/// (`迅达强|公司`, `利丰|银行`). Names recur through a judgment or a report
/// in those places; a splice lands after `被告` twice only by rare chance.
fn names_a_party(
    len: usize,
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    surnames: &HashSet<char>,
) -> bool {
    let introduced = |occ: &Occurrence| {
        let Some(chars) = analysis.get(occ.line) else {
            return false;
        };
        let before = chars.get(..occ.start).unwrap_or_default();
        let after = chars.get(occ.start + len..).unwrap_or_default();
        // A run between a role word and a surname sits before the name
        // (`被告|贵天天特价|李宏秋`): spliced there, not named there.
        let before_name = after.first().is_some_and(|c| surnames.contains(c));
        (role_words().iter().any(|r| before.ends_with(r)) && !before_name)
            || org_words().iter().any(|o| after.starts_with(o))
    };
    occs.iter().filter(|o| introduced(o)).take(2).count() == 2
}

/// The occurrences of a run beside a character of the text that stands on
/// the same side of at least two thirds of them (and of two at least), if
/// some character does. Removed spam and other occurrences of the run
/// (`进共建美进共建美`) are not the text.
fn dominant_neighbour(
    len: usize,
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
) -> Option<Vec<Occurrence>> {
    let gram: Vec<char> = match occs.first() {
        Some(o) => analysis
            .get(o.line)
            .and_then(|c| c.get(o.start..o.start + len))
            .map(<[char]>::to_vec)
            .unwrap_or_default(),
        None => return None,
    };
    let text_char = |line: usize, k: Option<usize>| -> Option<char> {
        let k = k?;
        if inside_copy(analysis, &gram, line, k) || dead.get(line)?.get(k).copied().unwrap_or(true)
        {
            return None;
        }
        analysis.get(line)?.get(k).copied().filter(|&c| is_han(c))
    };
    let left_of = |o: &Occurrence| text_char(o.line, o.start.checked_sub(1));
    let right_of = |o: &Occurrence| text_char(o.line, Some(o.start + len));
    let mut left: FxHashMap<char, usize> = FxHashMap::default();
    let mut right: FxHashMap<char, usize> = FxHashMap::default();
    for o in occs {
        if let Some(c) = left_of(o) {
            *left.entry(c).or_insert(0) += 1;
        }
        if let Some(c) = right_of(o) {
            *right.entry(c).or_insert(0) += 1;
        }
    }
    let most_left = left.into_iter().max_by_key(|&(_, n)| n);
    let most_right = right.into_iter().max_by_key(|&(_, n)| n);
    let (on_left, (c, most)) = match (most_left, most_right) {
        (Some(l), Some(r)) if r.1 > l.1 => (false, r),
        (Some(l), _) => (true, l),
        (None, Some(r)) => (false, r),
        (None, None) => return None,
    };
    if most < 2 || most * 3 < occs.len() * 2 {
        return None;
    }
    let beside = |o: &&Occurrence| {
        if on_left {
            left_of(o) == Some(c)
        } else {
            right_of(o) == Some(c)
        }
    };
    Some(occs.iter().filter(beside).copied().collect())
}

/// Whether the run at `start..end` of a line stands between quote marks
/// (either one is enough: `“心人` at a line end).
fn is_quoted(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|k| chars.get(k)).copied();
    let after = chars.get(end).copied();
    before.is_some_and(|c| QUOTES_OPEN.contains(c))
        || after.is_some_and(|c| QUOTES_CLOSE.contains(c))
}

/// How many live Han chars (up to four) stand left and right of an
/// occurrence of a run `len` chars long.
fn live_context(
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    occ: &Occurrence,
    len: usize,
) -> (usize, usize) {
    let (Some(chars), Some(dead)) = (analysis.get(occ.line), dead.get(occ.line)) else {
        return (0, 0);
    };
    let live = |k: usize| {
        chars.get(k).is_some_and(|&c| is_han(c)) && !dead.get(k).copied().unwrap_or(true)
    };
    let end = occ.start + len;
    let left_len = (0..occ.start)
        .rev()
        .take(4)
        .take_while(|&k| live(k))
        .count();
    let right_len = (end..chars.len()).take(4).take_while(|&k| live(k)).count();
    (left_len, right_len)
}

/// The strongest evidence of a splice: without the run, a word forms
/// across the seam (`中|撸起|央` -> `中央`). The last argument is the
/// occurrence's live context, as [`live_context`] gives it; where that
/// context stops short at spam already found, it reads on past it, since
/// the text joins there once the spam is out (`印度|新篇|尼西|凝心聚|亚`
/// reads `印度尼西亚`).
fn rejoins(
    cuts: &mut CutCache<'_>,
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
    occ: &Occurrence,
    len: usize,
    (left_len, right_len): (usize, usize),
) -> bool {
    let (Some(chars), Some(dead)) = (analysis.get(occ.line), dead.get(occ.line)) else {
        return false;
    };
    let end = occ.start + len;
    if left_len == 0 || right_len == 0 || end > chars.len() {
        return false;
    }
    let is_dead = |k: usize| dead.get(k).copied().unwrap_or(false);
    // Up to four live Han chars on each side, passing over dead ones.
    let reach = |ks: &mut dyn Iterator<Item = usize>| -> Vec<char> {
        let mut out = Vec::new();
        for k in ks {
            if is_dead(k) {
                continue;
            }
            match chars.get(k) {
                Some(&c) if is_han(c) && out.len() < 4 => out.push(c),
                _ => break,
            }
        }
        out
    };
    let mut left = reach(&mut (0..occ.start).rev());
    left.reverse();
    let right = reach(&mut (end..chars.len()));
    let seam = left.len();
    let joined: Vec<char> = left.into_iter().chain(right).collect();
    // Every word of two chars or more in a cut is a dictionary word, so
    // where none of those crosses the seam the cut cannot show one.
    if !cuts.is_cut(&joined) && !cuts.word_crosses(&joined, seam) {
        return false;
    }
    cuts.spans(&joined)
        .iter()
        .any(|&(start, end)| start < seam && end > seam && end - start >= 2)
}

/// The Traditional-only chars a page must show, outside spam already found,
/// before [`find_script_intruders`] reads it as Traditional.
const TRADITIONAL_EVIDENCE_MIN: usize = 6;

/// Spam injected into a Traditional page is usually written in Simplified
/// characters: the injector's templates are Simplified and nothing converts
/// them. On a page whose script-specific characters are clearly Traditional,
/// a run repeated twice or more that holds Simplified-only characters
/// (`时`, `启`: forms Traditional text does not use) and no Traditional-only
/// one is spliced in. Longest runs first; runs overlapping spam already
/// found are skipped. Only this direction is checked: Traditional names
/// quoted in Simplified articles (`臺灣`) are ordinary.
pub fn find_script_intruders(
    lines: &[Vec<char>],
    taken: &[SpamSpan],
    is_simplified_only: impl Fn(char) -> bool,
    is_traditional_only: impl Fn(char) -> bool,
) -> Vec<SpamSpan> {
    // Most pages are Simplified: leave before any mask is built (the
    // count below, on what spam leaves, can only be lower).
    if lines
        .iter()
        .flatten()
        .filter(|&&c| is_traditional_only(c))
        .count()
        < TRADITIONAL_EVIDENCE_MIN
    {
        return Vec::new();
    }
    let mut dead: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
    for s in taken {
        if let Some(d) = dead.get_mut(s.line) {
            for k in s.start..s.end.min(d.len()) {
                d[k] = true;
            }
        }
    }
    // Clearly Traditional: enough evidence, and the Simplified-only chars
    // a minority that spam alone can explain. Chars of spam already found
    // are no evidence of the page's script: a heavily spammed Traditional
    // page carries as many Simplified chars in its spam as its text has
    // Traditional ones. Nor, where they are many, are the chars of the
    // Simplified runs said again and again (see below): spam not yet found
    // is made of those, while a page written in both scripts has its
    // Simplified chars all over its text.
    let (mut native, mut foreign) = (0usize, 0usize);
    for (chars, dead) in lines.iter().zip(&dead) {
        for (&c, &d) in chars.iter().zip(dead) {
            if !d {
                native += usize::from(is_traditional_only(c));
                foreign += usize::from(is_simplified_only(c));
            }
        }
    }
    if native < TRADITIONAL_EVIDENCE_MIN {
        return Vec::new();
    }
    let mut runs: FxHashMap<&[char], Vec<Occurrence>> = FxHashMap::default();
    for (li, chars) in lines.iter().enumerate() {
        let live = |k: usize| is_han(chars[k]) && !dead[li][k] && !is_traditional_only(chars[k]);
        for start in 0..chars.len() {
            let mut has_foreign = false;
            for end in start + 1..=(start + 8).min(chars.len()) {
                if !live(end - 1) {
                    break;
                }
                has_foreign |= is_simplified_only(chars[end - 1]);
                if end - start >= 2 && has_foreign {
                    runs.entry(&chars[start..end])
                        .or_default()
                        .push(Occurrence { line: li, start });
                }
            }
        }
    }
    let mut candidates: Vec<(&[char], Vec<Occurrence>)> =
        runs.into_iter().filter(|(_, occ)| occ.len() >= 2).collect();
    if foreign * 3 > native {
        let mut repeated: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
        for (gram, occs) in &candidates {
            for o in occs {
                if let Some(r) = repeated
                    .get_mut(o.line)
                    .and_then(|r| r.get_mut(o.start..o.start + gram.len()))
                {
                    r.fill(true);
                }
            }
        }
        let scattered = lines
            .iter()
            .zip(dead.iter().zip(&repeated))
            .flat_map(|(chars, (d, r))| chars.iter().zip(d.iter().zip(r)))
            .filter(|&(&c, (&d, &r))| !d && !r && is_simplified_only(c))
            .count();
        if scattered * 3 > native {
            return Vec::new();
        }
    }
    candidates.sort_by(|a, b| longest_first((a.0, a.1.len()), (b.0, b.1.len())));
    let mut out: Vec<SpamSpan> = Vec::new();
    for (gram, occs) in candidates {
        let free = |o: &Occurrence| {
            !out.iter()
                .any(|s| s.line == o.line && s.start < o.start + gram.len() && o.start < s.end)
        };
        let occs: Vec<Occurrence> = occs.into_iter().filter(free).collect();
        if occs.len() < 2 {
            continue;
        }
        let text: String = gram.iter().collect();
        for o in occs {
            out.push(SpamSpan {
                line: o.line,
                start: o.start,
                end: o.start + gram.len(),
                text: text.clone(),
                brand: false,
                rule: format!("Simplified run in Traditional text:{text}"),
            });
        }
    }
    // Said once, a run is taken whole only where Traditional-only chars
    // bound it (`出貨|聚宝竞猜注册送|給海外`; on one side the clause may end),
    // so that no char of the text around it goes, and with two
    // Simplified-only chars at least. A whole clause in Simplified is a
    // line or heading of the site's own, not a splice.
    for (li, chars) in lines.iter().enumerate() {
        let open = |k: usize| !is_han(chars[k]) || dead[li][k] || is_traditional_only(chars[k]);
        let mut k = 0;
        while k < chars.len() {
            if open(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k < chars.len() && !open(k) {
                k += 1;
            }
            let edge = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_none_or(|&c| !is_han(c));
            let native = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|&c| is_traditional_only(c))
            };
            let (before, after) = (start.checked_sub(1), Some(k));
            let bounded = (native(before) || edge(before))
                && (native(after) || edge(after))
                && (native(before) || native(after));
            let foreign = chars[start..k]
                .iter()
                .filter(|&&c| is_simplified_only(c))
                .count();
            let free = !out
                .iter()
                .any(|s| s.line == li && s.start < k && start < s.end);
            if (3..=8).contains(&(k - start)) && foreign >= 2 && bounded && free {
                let text: String = chars[start..k].iter().collect();
                out.push(SpamSpan {
                    line: li,
                    start,
                    end: k,
                    rule: format!("Simplified run in Traditional text:{text}"),
                    text,
                    brand: false,
                });
            }
        }
    }
    out.sort_by_key(|s| (s.line, s.start));
    out
}

/// Counts censored runs left in the text: `***` and a Han character
/// followed by a lone `*` (`学*`).
pub fn count_censored(text: &str) -> u64 {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '*' || chars[i] == '＊' {
            let run = chars[i..]
                .iter()
                .take_while(|&&c| c == '*' || c == '＊')
                .count();
            let after_han = i > 0 && is_han(chars[i - 1]);
            if run >= 2 || after_han {
                n += 1;
            }
            i += run;
        } else {
            i += 1;
        }
    }
    n
}

/// Where a run stands: (line, start) pairs.
type Occurrences = Vec<(usize, usize)>;

/// Headlines stuffed with spam: a short line among the page's top three
/// (at most one clause mark) whose Han text is largely runs said twice or
/// more in those lines (two distinct runs said three times or more, six
/// times in all; two runs twice or more, five times in all, jumbled through
/// the line itself), none of which the rest of the page says (or says
/// once, against three times at the top), and whose rest still reads as a
/// headline the body supports (most of its chars occur in the body). The
/// slogan pieces are often dictionary words (`品质` `生活`), which the
/// fragment judge cannot prove broken, and the page may show no other spam;
/// a real headline repeating a word (`快乐学习快乐生活快乐成长`) has one
/// run, and one repeating the body's words (`中国队`) is the body's.
pub fn find_stuffed_heads(analysis: &[Vec<char>], taken: &[SpamSpan]) -> Vec<SpamSpan> {
    const TOP: usize = 3;
    const MAX_LEN: usize = 6;
    let unit = |c: char| is_han(c) || c.is_ascii_alphanumeric();
    let han_count = |l: &[char]| l.iter().filter(|c| is_han(**c)).count();
    // Headline-like: short, at most one clause mark before its end.
    let pool: Vec<usize> = (0..analysis.len().min(TOP))
        .filter(|&i| {
            let l = &analysis[i];
            let n = han_count(l);
            let marks = l
                .iter()
                .take(l.len().saturating_sub(1))
                .filter(|c| "，。；！？、：,;!?".contains(**c))
                .count();
            (8..=80).contains(&n) && marks <= 1
        })
        .collect();
    if pool.is_empty() {
        return Vec::new();
    }
    let body: Vec<&Vec<char>> = (0..analysis.len())
        .filter(|i| !pool.contains(i))
        .filter_map(|i| analysis.get(i))
        .collect();
    if body.iter().map(|l| han_count(l)).sum::<usize>() < 60 {
        return Vec::new();
    }
    let body_text: String = body
        .iter()
        .flat_map(|l| l.iter().copied().chain(std::iter::once('\n')))
        .collect();
    let body_chars: HashSet<char> = body_text.chars().filter(|c| is_han(*c)).collect();
    let in_taken = |line: usize, k: usize| {
        taken
            .iter()
            .any(|s| s.line == line && s.start <= k && k < s.end)
    };
    // Runs said twice or more in the pool, never in the body.
    let mut grams: HashMap<Vec<char>, Vec<(usize, usize)>> = HashMap::new();
    for &i in &pool {
        let l = &analysis[i];
        for start in 0..l.len() {
            for len in 2..=MAX_LEN {
                let end = start + len;
                let Some(g) = l.get(start..end) else { break };
                // Spam found already is no run of these lines.
                if !g.iter().all(|c| unit(*c)) {
                    break;
                }
                if g.iter().filter(|c| is_han(**c)).count() < 2
                    || (g[0].is_ascii_alphanumeric()
                        && start > 0
                        && l[start - 1].is_ascii_alphanumeric())
                    || (g[len - 1].is_ascii_alphanumeric()
                        && l.get(end).is_some_and(|c| c.is_ascii_alphanumeric()))
                {
                    continue;
                }
                grams.entry(g.to_vec()).or_default().push((i, start));
            }
        }
    }
    let mut cands: Vec<(Vec<char>, Occurrences)> = grams
        .into_iter()
        .filter(|(g, occ)| {
            // Said once in the body, a word can be the body's there too
            // (`人民生活水平`) and still stuffed three times at the top.
            // (Counted only for runs said twice: the body may be long.)
            occ.len() >= 2 && {
                let said = body_text.matches(&g.iter().collect::<String>()).count();
                said == 0 || (said == 1 && occ.len() >= 3)
            }
        })
        .collect();
    cands.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.1.cmp(&b.1))
    });
    let mut covered: HashMap<usize, Vec<bool>> = pool
        .iter()
        .map(|&i| (i, vec![false; analysis[i].len()]))
        .collect();
    let mut runs: Vec<(Vec<char>, Occurrences)> = Vec::new();
    for (g, occ) in cands {
        let free: Vec<(usize, usize)> = occ
            .into_iter()
            .filter(|&(i, s)| {
                covered
                    .get(&i)
                    .is_some_and(|m| (s..s + g.len()).all(|k| !m.get(k).copied().unwrap_or(true)))
            })
            .collect();
        // Non-overlapping occurrences only (`哈哈哈` is one run).
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (i, s) in free {
            if kept
                .last()
                .is_some_and(|&(li, ls)| li == i && s < ls + g.len())
            {
                continue;
            }
            kept.push((i, s));
        }
        if kept.len() < 2 {
            continue;
        }
        for &(i, s) in &kept {
            if let Some(m) = covered.get_mut(&i) {
                for k in s..s + g.len() {
                    if let Some(b) = m.get_mut(k) {
                        *b = true;
                    }
                }
            }
        }
        runs.push((g, kept));
    }
    // Two runs said three times or more: a slogan cut into pieces, each
    // spliced several times (a headline's own repeated word is one).
    let total: usize = runs.iter().map(|r| r.1.len()).sum();
    if runs.iter().filter(|r| r.1.len() >= 3).count() < 2 || total < 6 {
        return Vec::new();
    }
    // Share of each pool line's Han text the runs cover, and whether what
    // is left reads as the body's headline.
    let mut stuffed: Vec<usize> = Vec::new();
    let mut best = 0.0f64;
    for &i in &pool {
        let l = &analysis[i];
        let Some(m) = covered.get(&i) else { continue };
        let han = han_count(l).max(1);
        let cov = (0..l.len()).filter(|&k| m[k] && is_han(l[k])).count();
        let rest: Vec<char> = (0..l.len())
            .filter(|&k| !m[k] && is_han(l[k]) && !in_taken(i, k))
            .map(|k| l[k])
            .collect();
        let supported = rest.iter().filter(|c| body_chars.contains(c)).count();
        let share = cov as f64 / han as f64;
        // Jumbled through the line itself: two runs said twice or more in
        // it, five times in all (a question repeating `一个` has one).
        let here: Vec<usize> = runs
            .iter()
            .map(|r| r.1.iter().filter(|o| o.0 == i).count())
            .filter(|&n| n >= 2)
            .collect();
        let jumbled = here.len() >= 2 && here.iter().sum::<usize>() >= 5;
        if jumbled && share >= 0.3 && rest.len() >= 4 && supported * 10 >= rest.len() * 6 {
            best = best.max(share);
            stuffed.push(i);
        }
    }
    if best < 0.5 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (g, occ) in &runs {
        for &(i, s) in occ {
            if stuffed.contains(&i) {
                out.push(SpamSpan {
                    line: i,
                    start: s,
                    end: s + g.len(),
                    text: g.iter().collect(),
                    brand: false,
                    rule: format!("stuffed headline: {}x in the top lines", occ.len()),
                });
            }
        }
    }
    out
}

/// Brands whose category word no list knows (`某某赛车`, `某某赛车手机版`),
/// found by how they were spliced rather than by their words: a Han run
/// of four to seven chars said exactly twice, each time between other
/// neighbours (so the run is all that repeats), outside the spans already
/// taken. It goes when cutting it out lets a word form across the gap at
/// both places (`公|某某赛车|交车`), or, on a page already showing spam
/// (`spam_page`), at one place when both places sit inside a sentence, no
/// word of the sentence runs across an edge of either, and the run's first
/// two chars and last two chars are said nowhere else on the page (a
/// phrase of the text shares its words with the text around it). `lines`
/// are the lines as written, `analysis` their lower-cased Simplified forms
/// with equal char counts.
pub fn find_repeated_unlisted(
    lines: &[Vec<char>],
    analysis: &[Vec<char>],
    seg: &Segmenter,
    taken: &[SpamSpan],
    spam_page: bool,
) -> Vec<SpamSpan> {
    let mut cuts = CutCache::new(seg);
    let is_taken = |line: usize, a: usize, b: usize| overlaps_any(taken, line, a, b);
    // A run said twice starts with four chars said twice or more: most
    // four-char runs of a text are said once, so they are counted first
    // (keyed by their chars packed in one integer), and longer runs are
    // collected only from where a repeated one starts.
    let key = |w: &[char]| w.iter().fold(0u128, |k, &c| (k << 21) | u128::from(c));
    let mut quads: FxHashMap<u128, u32> = FxHashMap::default();
    for line in analysis {
        for w in line.windows(4) {
            if w.iter().all(|&c| is_han(c)) {
                *quads.entry(key(w)).or_insert(0) += 1;
            }
        }
    }
    let mut runs: FxHashMap<&[char], Vec<(usize, usize)>> = FxHashMap::default();
    for (li, line) in analysis.iter().enumerate() {
        for (k, w) in line.windows(4).enumerate() {
            if !w.iter().all(|&c| is_han(c)) || quads.get(&key(w)).is_none_or(|&c| c < 2) {
                continue;
            }
            for n in 4..=7 {
                let Some(run) = line.get(k..k + n) else {
                    break;
                };
                if !run.iter().all(|&c| is_han(c)) {
                    break;
                }
                if !is_taken(li, k, k + n) {
                    runs.entry(run).or_default().push((li, k));
                }
            }
        }
    }
    // Each accepted run with its two places (line, start) and its rule.
    type Accepted<'a> = (&'a [char], [(usize, usize); 2], &'static str);
    let mut accepted: Vec<Accepted<'_>> = Vec::new();
    for (&run, occs) in &runs {
        let &[(l1, k1), (l2, k2)] = occs.as_slice() else {
            continue;
        };
        let n = run.len();
        // A run starting or ending on a particle is a phrase of the text.
        if (l1 == l2 && k2 < k1 + n) || on_a_particle(run) {
            continue;
        }
        let before = |li: usize, k: usize| {
            k.checked_sub(1)
                .and_then(|j| analysis.get(li).and_then(|l| l.get(j)))
        };
        let after = |li: usize, k: usize| analysis.get(li).and_then(|l| l.get(k + n));
        if before(l1, k1) == before(l2, k2) || after(l1, k1) == after(l2, k2) {
            continue;
        }
        let mut breaks = 0;
        let mut wedged = 0;
        let mut glued = false;
        for &(li, k) in occs {
            let Some(line) = analysis.get(li) else {
                continue;
            };
            breaks += usize::from(word_across_gap(&mut cuts, line, k, k + n));
            wedged += usize::from(
                before(li, k).is_some_and(|&c| is_han(c))
                    && after(li, k).is_some_and(|&c| is_han(c)),
            );
            // A word of the sentence running across either edge.
            let from = k.saturating_sub(3);
            let (start, end) = (k - from, k + n - from);
            if let Some(window) = line.get(from..(k + n + 3).min(line.len())) {
                glued |= cuts
                    .spans(window)
                    .iter()
                    .any(|&(a, b)| (a < start && b > start) || (a < end && b > end));
            }
        }
        let rule = if breaks == 2 {
            "unlisted brand breaking two words"
        } else if spam_page
            && breaks == 1
            && wedged == 2
            && !glued
            && places(analysis, &run[..2]).count() == 2
            && places(analysis, &run[n - 2..]).count() == 2
        {
            "unlisted brand with words of its own"
        } else {
            continue;
        };
        accepted.push((run, [(l1, k1), (l2, k2)], rule));
    }
    // Longest first; a run overlapping one kept is a piece of it.
    accepted.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
    let mut out: Vec<SpamSpan> = Vec::new();
    for (run, occs, rule) in accepted {
        let n = run.len();
        if occs.iter().any(|&(li, k)| {
            out.iter()
                .any(|o| o.line == li && o.start < k + n && k < o.end)
        }) {
            continue;
        }
        let name: String = run.iter().collect();
        for (line, start) in occs {
            let Some(text) = lines.get(line).and_then(|l| l.get(start..start + n)) else {
                continue;
            };
            out.push(SpamSpan {
                line,
                start,
                end: start + n,
                text: text.iter().collect(),
                brand: true,
                rule: format!("{rule}:{name}"),
            });
        }
    }
    out.sort_by_key(|s| (s.line, s.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines lower-cased, as the brand passes read them.
    pub(super) fn lower(lines: &[Vec<char>]) -> Vec<Vec<char>> {
        lines
            .iter()
            .map(|l| l.iter().flat_map(|c| c.to_lowercase()).collect())
            .collect()
    }

    pub(super) fn chars(lines: &[&str]) -> Vec<Vec<char>> {
        lines.iter().map(|l| l.chars().collect()).collect()
    }

    /// Each span as (line, text), for comparing what a detector found.
    fn line_texts(found: &[SpamSpan]) -> Vec<(usize, &str)> {
        found.iter().map(|s| (s.line, s.text.as_str())).collect()
    }

    /// [`find_learned_brands`] with the built-in lexicons.
    fn learned(lines: &[Vec<char>], taken: &[SpamSpan]) -> Vec<SpamSpan> {
        find_learned_brands(lines, property_segmenter(), taken, &Lexicons::builtin())
    }

    /// A brand another rule found at `start` of `line`, for the rules that
    /// build on the page's brands.
    fn brand_span(line: usize, start: usize, text: &str, rule: &str) -> SpamSpan {
        SpamSpan {
            line,
            start,
            end: start + text.chars().count(),
            text: text.into(),
            brand: true,
            rule: rule.into(),
        }
    }

    /// The brands the lexicon pass finds on `lines`, as text.
    fn brand_texts(lines: &[&str]) -> Vec<String> {
        let lines = chars(lines);
        let low = lower(&lines);
        find_brands(&lines, &low, &Lexicons::builtin())
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn brands_are_found_with_their_suffix() {
        assert_eq!(
            brand_texts(&[
                "往返于名山、AG超玩会入口飞地园区",
                "在飞地园区的九游创业孵化中心内"
            ]),
            vec!["AG超玩会入口", "九游"]
        );
    }

    #[test]
    fn listed_brands_and_betting_words_are_found() {
        assert_eq!(
            brand_texts(&[
                "全市中小学雷竞技官网开展安全教育",
                "活动现场KX投注平台吸引了不少市民"
            ]),
            vec!["雷竞技官网", "KX投注平台"]
        );
    }

    #[test]
    fn simplified_runs_spliced_into_traditional_text_are_found() {
        let conv = taojin_segment::view::ScriptConverter::new();
        let find = |lines: &[Vec<char>]| {
            find_script_intruders(
                lines,
                &[],
                |c| conv.is_simplified_only(c),
                |c| conv.is_traditional_only(c),
            )
        };
        let page = chars(&[
            "廢娼非國際潮流，廢娼曾經一度成為世界潮流，不過這個潮流很快就被事實證明為無效。",
            "不僅對性产业产業的問題沒有獲得根本的解決，只是徒然讓問題由台面轉入地下。",
            "說明性產業地下化之後的日本性產業，反而造成更多的社會問題，這是台北市長陳水扁也承認的。",
            "日本政府之所以訂立這項法律，主要源自聯合國通過的條款，當時日本在戰後極力振興國內经济。",
            "為進入聯合國，日本政府簽署該項宣言，並從一九五八年開始全面禁止性产业活動。",
        ]);
        let texts: Vec<String> = find(&page).into_iter().map(|s| s.text).collect();
        assert_eq!(texts, vec!["性产业", "性产业"], "{texts:?}");
        // Said once: only between Traditional-only chars (`貨`, `給`), not a
        // whole clause in Simplified (a heading of the site's own).
        let mut once = page.clone();
        once.extend(chars(&[
            "該公司不斷假交易，或出貨聚宝竞猜注册送給海外子公司。",
            "相關閱讀：联手对抗敌人",
        ]));
        let texts: Vec<String> = find(&once).into_iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            vec!["性产业", "性产业", "聚宝竞猜注册送"],
            "{texts:?}"
        );
        // Heavily spammed: the spam already found carries as many
        // Simplified-only chars as the text has Traditional-only ones, yet
        // it explains them; what is left of the page is clearly Traditional
        // and a Simplified run said twice in it is spliced in.
        let mut heavy = page.clone();
        heavy[0] = chars(&["廢娼非國際潮流，再创辉煌廢娼曾經一度成为世界潮流，不過這個网页游戏潮流很快就被事實證明為無效。"])[0].clone();
        heavy[2] = chars(&["說明性產業地下化之後的日本性產業，反而造成更多的社會问题，網页游戏这是台北市長陳水扁也承認的。"])[0].clone();
        heavy[3] = chars(&["日本政府之所以訂立這項法律，主要源自聯合國通過的條款，当时日本在戰後极力振兴國內再创辉煌。"])[0].clone();
        let spam_run = |line: usize, text: &str| {
            let at = heavy[line]
                .iter()
                .collect::<String>()
                .find(text)
                .unwrap_or(0);
            let start = heavy[line].iter().collect::<String>()[..at].chars().count();
            SpamSpan {
                line,
                start,
                end: start + text.chars().count(),
                text: text.to_string(),
                brand: false,
                rule: String::new(),
            }
        };
        let found_before = [
            spam_run(0, "网页游戏"),
            spam_run(2, "網页游戏"),
            spam_run(2, "这是台北"),
            spam_run(3, "当时日本"),
            spam_run(3, "极力振兴"),
            spam_run(0, "成为世界"),
            spam_run(2, "社會问题"),
        ];
        let with_found = |taken: &[SpamSpan]| -> Vec<String> {
            find_script_intruders(
                &heavy,
                taken,
                |c| conv.is_simplified_only(c),
                |c| conv.is_traditional_only(c),
            )
            .into_iter()
            .map(|s| s.text)
            .collect()
        };
        let texts = with_found(&found_before);
        assert_eq!(
            texts.iter().filter(|t| *t == "再创辉煌").count(),
            2,
            "{texts:?}"
        );
        // Spam not yet found, said again and again, may carry more
        // Simplified chars than a third of the Traditional ones: they are
        // all in the repeated runs, so the page is still Traditional. A
        // page written in both scripts, its Simplified chars scattered
        // over its text, is not.
        let crowded = chars(&[
            "藏個家园雞蛋和人握手怒提携手糞桶携手潑携手餐并进共建廳",
            "說并进共建什麼歌壇「壞小孩」羅比威廉斯老愛家园作怪，說什麼火爆浪携手子羅素克羅并进共建威携手動不家园動就并进共建揮拳揍人。",
            "他和人握手時，會在自己手心裏藏個雞蛋；會在電影院裏看悲劇時，自顧自放聲大哭；又會在天不亮時起床打鼓。",
        ]);
        let texts: Vec<String> = find(&crowded).into_iter().map(|s| s.text).collect();
        let count = |t: &str| texts.iter().filter(|x| *x == t).count();
        assert_eq!(
            (count("家园"), count("并进共建"), count("携手")),
            (3, 4, 5),
            "{texts:?}"
        );
        let mut mixed = crowded.clone();
        mixed.push(chars(&[
            "据报道，这位歌手在网络上发表声明，说明自己对这些传闻的看法，并表示将继续专心创作。",
        ])[0].clone());
        assert!(find(&mixed).is_empty(), "{:?}", find(&mixed));
        // `台` is Traditional too, and a Simplified page has no intruders.
        let simplified = chars(&[
            "日本政府之所以订立这项法律，主要源自联合国通过的条款，当时日本在战后极力振兴国内经济。",
            "为进入联合国，日本政府签署该项宣言，并从一九五八年开始全面禁止性产业活动，性产业转入地下。",
        ]);
        assert!(find(&simplified).is_empty());
        // A short Traditional page (a dozen Traditional-only chars) shows
        // its script as clearly as a long one.
        let short = chars(&[
            "「想色誘聯绿色出行邦密探吧？」她以燦爛的笑容回報道。",
            "「只不知小妹有沒有這樣的能力？」我绿色出行嘆道。",
        ]);
        let texts: Vec<String> = find(&short).into_iter().map(|s| s.text).collect();
        assert_eq!(texts, vec!["绿色出行", "绿色出行"], "{texts:?}");
        // A short Simplified page quoting Traditional names keeps its
        // repeated words: its Simplified chars are all over it.
        let quoting = chars(&[
            "记者从「國立臺灣大學」获悉，该校将与「國立臺灣師範大學」合作开设课程。",
            "两校表示，合作课程将于明年开设，课程内容由两校教师共同设计。",
        ]);
        assert!(find(&quoting).is_empty(), "{:?}", find(&quoting));
    }

    #[test]
    fn brand_shapes_need_other_spam_on_the_page() {
        let lex = Lexicons::builtin();
        let found = |lines: &[&str]| {
            let lines = chars(lines);
            let low = lower(&lines);
            let spans = find_brands(&lines, &low, &lex);
            spans.into_iter().map(|s| s.text).collect::<Vec<_>>()
        };
        // A spam page: one brand with a call to action, so Han-named and
        // digit-named brands around it go too; ordinary uses stay.
        assert_eq!(
            found(&[
                "村里新建了XQ真人官网文化广场，宏发棋牌老人们每天在此下棋。",
                "777体育平台居民在社区棋牌室里休息，真人秀节目也在这里录制。",
            ]),
            vec!["XQ真人官网", "宏发棋牌", "777体育平台"]
        );
        // A Latin name before a weak category word needs no second
        // occurrence on a page showing a brand; a chained call to action
        // marks a Han-named brand on its own.
        assert_eq!(
            found(&[
                "徐某HM体育某提出的赔偿请求，宏发棋牌官网不予支持。",
                "蠕虫电盛世体育app下载脑病毒传播迅速。",
            ]),
            vec!["HM体育", "宏发棋牌官网", "盛世体育app下载"]
        );
        // The same shapes on a clean page are ordinary words.
        assert!(found(&[
            "村里新建了文化广场，老年棋牌活动每天在此举行。",
            "全市365体育场馆免费开放，群众体育蓬勃发展。",
        ])
        .is_empty());
        // Two Han characters and a word the lexicon does not know, before a
        // call to action: a brand on a spam page where it recurs, and not
        // where it is said once (`实名注册`, a phrase of the text).
        let on_spam_page = |lines: &[&str]| {
            let lines = chars(lines);
            let low = lower(&lines);
            let spans = find_brands_on(&lines, &low, &lex, true);
            spans.into_iter().map(|s| s.text).collect::<Vec<_>>()
        };
        let recurring = [
            "原、被告双聚宝竞猜注册方签订租赁合同，用户须实名注册账号。",
            "原告要聚宝竞猜注册求被告立即支付租金。",
        ];
        assert_eq!(on_spam_page(&recurring), ["聚宝竞猜注册", "聚宝竞猜注册"]);
        assert!(on_spam_page(&recurring[..1]).is_empty());
        assert!(found(&recurring).is_empty());
        // A number of two or three digits before the same category word
        // twice is a brand's name on any page; once, or a year, is not.
        // Four digits that are no year and no round count read the same.
        let cases: [(&str, [&str; 2], [&str; 2]); 2] = [
            (
                "168国际",
                [
                    "贾进东、贾进玉三人168国际签订个人最高额联合保证借款合同一份。",
                    "约定对原告处发生的168国际借款业务承担连带保证责任。",
                ],
                [
                    "2010国际汽车展览会在北京开幕。",
                    "本届2010国际汽车展览会规模空前。",
                ],
            ),
            (
                "3658国际",
                [
                    "老人第一次坐上了3658国际自家楼栋的新电梯。",
                    "社区先后召开了十几次楼栋会议，3658国际请来设计单位现场讲解。",
                ],
                [
                    "今年春节共接待3000国际游客，同比增长两成。",
                    "预计明年将有3000国际游客来访。",
                ],
            ),
        ];
        for (brand, twice, ordinary) in cases {
            assert_eq!(found(&twice), [brand, brand]);
            assert!(found(&twice[..1]).is_empty(), "{brand} once");
            assert!(found(&ordinary).is_empty(), "{ordinary:?}");
        }
    }

    /// Spans for every occurrence of `gram` in `lines`, as an earlier rule
    /// would have reported an accepted fragment.
    pub(super) fn fragment_spans(lines: &[Vec<char>], gram: &str) -> Vec<SpamSpan> {
        let g: Vec<char> = gram.chars().collect();
        let mut out = Vec::new();
        for (li, l) in lines.iter().enumerate() {
            for start in 0..(l.len() + 1).saturating_sub(g.len()) {
                if l[start..start + g.len()] == g[..] {
                    out.push(SpamSpan {
                        line: li,
                        start,
                        end: start + g.len(),
                        text: gram.into(),
                        brand: false,
                        rule: format!("repeated fragment:{gram}"),
                    });
                }
            }
        }
        out
    }

    /// The texts [`find_chained`] removes from `lines` once the pieces in
    /// `found` are known, sorted and deduplicated.
    fn chained_texts(lines: &[&str], found: &[&str]) -> Vec<String> {
        let seg = property_segmenter();
        let lines = chars(lines);
        let found: Vec<SpamSpan> = found
            .iter()
            .flat_map(|g| fragment_spans(&lines, g))
            .collect();
        let mut cuts = CutCache::new(seg);
        let mut texts: Vec<String> = find_chained(
            PageSoFar {
                lines: &lines,
                analysis: &lines,
                surnames: &surnames(),
                brands: &[],
                found: &found,
            },
            &mut cuts,
        )
        .into_iter()
        .map(|s| s.text)
        .collect();
        texts.sort();
        texts.dedup();
        texts
    }

    #[test]
    fn chained_pieces_join_the_piece_they_were_cut_from() {
        // `匠心铸|就品质`: with `就品质` found, `匠心铸` reads as its left
        // neighbour (`铸就` forms across the seam), sits three times in
        // the same sentences with new neighbours, and once beside the piece.
        let spliced = [
            "今年春天我们来到山区学校匠心铸看望留守儿童就品质，老师匠心铸就品质讲故事。",
            "孩子们非常高兴就品质地唱歌跳舞，临别时匠心铸大家依依不舍。",
        ];
        assert_eq!(chained_texts(&spliced, &["就品质"]), vec!["匠心铸"]);
        // Without a found piece to chain to there is nothing to join.
        assert!(chained_texts(&spliced, &[]).is_empty());
    }

    #[test]
    fn a_chop_said_twice_chains_where_it_rejoins_a_stock_slogan() {
        // `单极速` twice, no word and beside new chars each time: with
        // `一键下` found it rejoins `一键下单`, a stretch of a stock slogan.
        let spliced = [
            "法院依法适用简易程序一键下，单极速公开开庭进行了审理。",
            "原告一键下的诉讼请求单极速于法有据，本院予以一键下支持。",
        ];
        assert_eq!(chained_texts(&spliced, &["一键下"]), vec!["单极速"]);
        // With the same char of the text after it both times (`单极速|公`)
        // the run may be part of the text's own phrase: kept.
        let same_side = [
            "法院依法适用简易程序一键下，单极速公开开庭进行了审理。",
            "原告一键下的诉讼请求单极速公开，本院予以一键下支持。",
        ];
        assert!(chained_texts(&same_side, &["一键下"]).is_empty());
    }

    #[test]
    fn a_word_said_twice_chains_where_it_and_a_piece_make_a_stock_slogan() {
        let table: [(&[&str], &str, &[&str]); 4] = [
            // `科技` is a word, so it leaves no char loose; but joined to
            // the piece `引领未来` it is `科技引领未来`, a whole stock slogan,
            // and it stands beside new chars each time: the slogan was cut
            // where its words meet.
            (
                &[
                    "其实，科技我过去也曾经因为用鼠标过度引领未来，而从右手的食指一路痛到肩膀。",
                    "当时引领未来，就是母亲指点的办法科技给医好的。",
                ],
                "引领未来",
                &["科技"],
            ),
            // The same word beside a piece it makes no slogan with stays.
            (
                &[
                    "其实，科技我过去也曾经因为用鼠标过度品质生活，而从右手的食指一路痛到肩膀。",
                    "当时品质生活，就是母亲指点的办法科技给医好的。",
                ],
                "品质生活",
                &[],
            ),
            // `树人` with the end of `优先立德` is `立德树人`, a whole entry.
            (
                &[
                    "孩子们在操场上树人奔跑，老师优先立德站在一旁看着。",
                    "放学以后优先立德，家长树人陆续来到校门口接孩子。",
                ],
                "优先立德",
                &["树人"],
            ),
            // A piece that is a whole entry lends no end: `其他` before
            // `垃圾分类` makes `其他垃圾`, but the text says `其他` of its own.
            (
                &[
                    "应当经过相应的院校或者其他训练机构培训垃圾分类。",
                    "培训不能满足需要时垃圾分类，应当通过其他方式完成。",
                ],
                "垃圾分类",
                &[],
            ),
        ];
        for (lines, piece, taken) in table {
            assert_eq!(chained_texts(lines, &[piece]), taken, "{piece}");
        }
        // Nor is a word of the text taken that only a stretch of three
        // chars joins (`国人民` of `全国人民`-like entries): the join must
        // make four chars or more.
        assert!(!scored::rejoins_whole(
            &["国".chars().collect()],
            &['人', '民']
        ));
    }

    #[test]
    fn a_chained_run_said_against_itself_is_cut_once() {
        // `人人` spliced before `人民` reads `人人人民`, where the run is
        // counted at two overlapping places: one splice made it, so one
        // is cut and `人民` stays.
        let lines = chars(&[
            "活动受到了充分肯定有责，得到了人人人民群众的普遍好评。",
            "王某指出有责，在肯定成绩的同时，人人我们还必须清醒地看到困难。",
        ]);
        let found: Vec<SpamSpan> = fragment_spans(&lines, "有责");
        let seg = property_segmenter();
        let mut cuts = CutCache::new(seg);
        let spans = find_chained(
            PageSoFar {
                lines: &lines,
                analysis: &lines,
                surnames: &surnames(),
                brands: &[],
                found: &found,
            },
            &mut cuts,
        );
        let mut dead: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
        for s in &spans {
            assert_eq!(s.text, "人人");
            assert!(!dead[s.line][s.start..s.end].contains(&true), "overlap");
            dead[s.line][s.start..s.end].fill(true);
        }
        assert_eq!(spans.len(), 2);
    }

    #[test]
    fn halves_of_a_stock_slogan_spliced_apart_go_as_a_pair() {
        let table: [(&[&str], &[&str], &[&str]); 4] = [
            // Nothing found vouches for `惊喜` or `不断`, but together they
            // are `惊喜不断`, a stock slogan of shop copy, spliced apart near
            // the spam already found (`新品上市`), beside new chars each time.
            (
                &[
                    "今年春天我们来到山区学校惊喜看望留守儿童新品上市，老师不断给孩子们讲故事。",
                    "孩子们非常高兴新品上市地唱歌跳舞，临别时大家惊喜依依不舍不断。",
                ],
                &["新品上市"],
                &["不断", "惊喜"],
            ),
            // Said right against each other they are the slogan written
            // whole, which is the text's to say: neither goes as a chop.
            (
                &[
                    "今年春天我们来到山区学校惊喜不断，看望留守儿童新品上市，老师讲故事。",
                    "孩子们非常高兴新品上市地唱歌跳舞，临别时大家惊喜不断，依依不舍。",
                ],
                &["新品上市"],
                &[],
            ),
            // With nothing found on the page, `邻里` and `互助` (together
            // `邻里互助`) each said twice, inside words of the text
            // (`学邻里校`, `老互助师`), beside new chars each time and never
            // together, seed it: a slogan cut in two and spliced.
            (
                &[
                    "今年春天我们来到山区学邻里校看望留守儿童，老互助师给孩子们讲故事。",
                    "孩子们非常高兴地唱歌跳舞邻里，临别时大家依依不舍，互助老人们也来送行。",
                ],
                &[],
                &["互助", "邻里"],
            ),
            // An article that says `保护` and `环境` apart, each between
            // words of its own sentences, breaks no word with either: kept.
            (
                &[
                    "我们要保护好身边的绿水青山，让城市环境更加宜居。",
                    "各地加强生态保护，持续改善农村人居环境，群众满意度明显提高。",
                ],
                &[],
                &[],
            ),
        ];
        for (lines, found, taken) in table {
            assert_eq!(chained_texts(lines, found), taken, "{lines:?}");
        }
    }

    #[test]
    fn chained_pieces_keep_topic_words_and_far_or_rare_runs() {
        let table: [(&[&str], &str); 3] = [
            // `孩子` is repeated beside the pieces (once right against one)
            // but forms no word with `就品质` on either side: a topic word.
            (
                &[
                    "今年春天我们来到山区学校孩子看望留守儿童就品质，老师孩子就品质讲故事。",
                    "大家非常高兴就品质地唱歌跳舞，临别时孩子们依依不舍就品质。",
                ],
                "就品质",
            ),
            // Seen only twice: too few to tell a piece from a word.
            (
                &[
                    "今年春天我们来到山区学校匠心铸看望留守儿童就品质，老师匠心铸就品质讲故事。",
                    "大家非常高兴就品质地唱歌跳舞，临别时依依不舍就品质。",
                ],
                "就品质",
            ),
            // One occurrence lies far from any removed spam on a long line:
            // a phrase of the article, whatever its company elsewhere.
            (
                &[
                    "今年春天我们来到山区学校匠心铸看望留守儿童就品质，老师匠心铸就品质讲故事。",
                    "大家非常高兴就品质地唱歌跳舞，临别时依依不舍就品质。",
                    "后来，村里修通了公路，建起了新的教学楼和图书馆，\
                     学生们在宽敞明亮的教室里读书写字，家长们也纷纷回到家乡创业，\
                     乡村的面貌一年比一年好，人们的日子越过越红火，匠心铸成了大家的共识。",
                ],
                "就品质",
            ),
        ];
        for (lines, found) in table {
            assert!(
                chained_texts(lines, &[found]).is_empty(),
                "{lines:?} should keep its repeated runs"
            );
        }
    }

    #[test]
    fn chains_with_reads_a_word_across_the_seam_either_way() {
        let seg = property_segmenter();
        let mut cuts = CutCache::new(seg);
        let c = |t: &str| t.chars().collect::<Vec<char>>();
        assert!(chains_with(&mut cuts, &c("匠心铸"), &c("就品质")));
        assert!(chains_with(&mut cuts, &c("就品质"), &c("匠心铸")));
        assert!(!chains_with(&mut cuts, &c("孩子"), &c("就品质")));
    }

    #[test]
    fn repeated_spliced_fragments_are_found_and_terms_kept() {
        let seg = property_segmenter();
        let lines = chars(&[
            "车上的心人乘客一边打量眼前的新图景，众跟正是心人全市组织系统的党员干部。",
            "他们走进社区，心人考察贫困村，众跟让广大委员甘当基层群众的贴心人。",
            "党建工作越抓越严、越抓越细、越抓越实，众跟走访居民区。",
            "以科技创新加大引育专精特新中小企业力度，为专精特新中小企业发展把脉，靶向助力专精特新中小企业繁花绽放。",
            "深化“三联三帮”工作，“三联三帮”活动，“三联三帮”见成效。",
            "远安县政协委员汪红德通过电商助力，在汪红德帮助下，汪红德组织协会。",
            "提高人民群众生活质量，让人民群众满意，使人民群众更加自觉。",
            "成语大赛。心人",
            "雨城区姚桥商圈党群服务中心，姚桥商圈整合区域内企业资源，姚桥商圈的区域化共建。",
        ]);
        // The page also carries a gambling brand (found by the brand pass):
        // the document shows spam by another sign than the fragments.
        let mut with_brand = lines.clone();
        with_brand.push("欢迎访问AG超玩会入口".chars().collect());
        let low = lower(&with_brand);
        let brands = find_brands(&with_brand, &low, &Lexicons::builtin());
        assert_eq!(brands.len(), 1);
        let spans = find_fragments(&with_brand, &with_brand, seg, &brands);
        let mut texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        texts.sort();
        assert_eq!(
            texts,
            vec!["众跟", "众跟", "众跟", "心人", "心人", "心人", "心人"],
            "{spans:?}"
        );
        // 贴心人 is a word: that occurrence is kept.
        assert!(spans.iter().all(|s| !(s.line == 1 && s.start > 20)));
    }

    /// A loose run said in varied places on a page with spam, but never
    /// breaking a word, is a term of the text unless it chains to another
    /// piece: the abbreviation `渔合社` (no dictionary word) is not taken as
    /// a repeated fragment, while
    /// `营顾客`, a chop of `诚信经营顾客至上`, goes with `诚信经` (the two
    /// re-form `经营` where they meet).
    #[test]
    fn seamless_loose_runs_go_only_when_they_chain() {
        let seg = property_segmenter();
        let page = [
            "欢迎访问AG超玩会入口",
            "去年，沿海六个渔村成立渔合社，统一收购和销售渔获。",
            "诚信经渔合社的章程规定，社员按出资比例分红，营顾客年底公开账目。",
            "今年春汛，营顾客渔合社组织船队出海，诚信经收获比往年多出两成。",
            "村民说，有了渔合社，诚信经价格不再被压，营顾客日子越过越好。",
            "乡里打算明年把渔合社的经验推广到内河渔民中去。",
        ];
        let lines = chars(&page);
        let low = lower(&lines);
        let brands = find_brands(&lines, &low, &Lexicons::builtin());
        assert_eq!(brands.len(), 1);
        let spans = find_fragments(&lines, &lines, seg, &brands);
        // The rule's own verdicts (the scorer after it weighs what it holds
        // back, on this small page dense with spam at a bar it just passes).
        let rules: HashSet<&str> = spans.iter().map(|s| s.rule.as_str()).collect();
        assert!(!rules.contains("repeated fragment:渔合社"), "{spans:?}");
        assert!(rules.contains("repeated fragment:营顾客"), "{spans:?}");
        assert!(rules.contains("repeated fragment:诚信经"), "{spans:?}");
        let mut cuts = CutCache::new(seg);
        let c = |t: &str| t.chars().collect::<Vec<char>>();
        assert!(meets_in_a_word(&mut cuts, &c("营顾客"), &c("诚信经")));
        assert!(!meets_in_a_word(&mut cuts, &c("渔合社"), &c("营顾客")));
    }

    /// A page with a brand, two loose pieces and `滋味`, a dictionary word
    /// spliced four times that only the scorer takes (see the tests below
    /// and `spam::scored`'s).
    pub(super) const SCORED_PAGE: &[&str] = &[
        "欢迎访问AG超玩会入口",
        "今年以来，我市坚持稳中求进工作总基调，经济运行心人滋味总体平稳，众跟发展态势良好。",
        "全市规模以上工业增加值同比增长，固定滋味资产投资众跟保持较快增长，心人项目建设有序推进。",
        "消费市场持续回暖，社会消费品零售总额滋味逐步提升，居民收入众跟稳定增加，心人就业形势稳定。",
        "下一步，将继续深化改革开放，推动高质量众跟发展滋味取得新成效。",
        "会议强调，要把握经济规律，推动区域经济协调发展，为全省经济大局多作贡献。",
    ];

    #[test]
    fn a_dictionary_word_spliced_beside_spam_is_scored_as_a_slogan_piece() {
        // `滋味` is a dictionary word spliced four times, every time between
        // new chars, within reach of the other spam and once against it,
        // breaking a word once only (the judge needs two) and standing in
        // a line that holds one other piece only (too little for the
        // confined test). No rule takes it; the scorer weighs it all
        // together. `经济` and `发展`, topic words said four and three
        // times in the same sentences, stay.
        let lines = chars(SCORED_PAGE);
        let spans = fragments_with_lexicon_brands(&lines);
        let scored: Vec<(usize, &str)> = spans
            .iter()
            .filter(|s| s.rule.starts_with("scored repeated run:滋味"))
            .map(|s| (s.line, s.text.as_str()))
            .collect();
        assert_eq!(
            scored,
            vec![(1, "滋味"), (2, "滋味"), (3, "滋味"), (4, "滋味")],
            "{spans:?}"
        );
        assert!(
            spans.iter().all(|s| s.text != "经济" && s.text != "发展"),
            "{spans:?}"
        );
    }

    #[test]
    fn topic_words_of_a_judgment_on_a_spam_page_are_not_scored_as_pieces() {
        // A judgment carrying spam says `合同`, `原告` and `被告` four times
        // each, between Han chars with a new neighbour every time, near the
        // spam: a splice's placement. But they are frequent words whose
        // chars the text uses elsewhere (`合法`, `同意`), and they stay.
        let lines = chars(&[
            "欢迎访问AG超玩会入口",
            "原告与被告签订买卖合同约定，心人被告应于收货后支付货款，众跟原告依约交付了货物。",
            "被告收货后未按照合同规定支付，心人原告多次催要未果，众跟遂诉至本院。",
            "本院认为，双方签订的合同系真实意思表示，心人合法有效，众跟双方均应依约履行。",
            "被告未履行合同义务，应承担违约责任，原告的诉讼请求本院予以支持。",
        ]);
        let spans = fragments_with_lexicon_brands(&lines);
        assert!(spans.iter().any(|s| s.text == "心人"), "{spans:?}");
        assert!(
            spans.iter().all(|s| !s.rule.starts_with("scored")),
            "{spans:?}"
        );
    }

    #[test]
    fn dictionary_words_confined_to_spam_lines_go_with_the_spam() {
        // `携手` is a dictionary word: two of its three occurrences sit on
        // word boundaries, one breaks `社区`. On its own that is too little,
        // but every occurrence lies in lines that carry other spam, in
        // contexts that never repeat. `工作` recurs there too, but also in
        // a clean line, and stays. (The spam lines hold most of this short
        // page, so confinement alone is weak here: since session 23 the
        // scorer, reading all the evidence, is what takes `携手`.)
        let lines = chars(&[
            "车上的心人乘客一边打量眼前的携手新图景，众跟正是心人全市工作组织系统的党员干部。",
            "他们走进社携手区，心人考察贫困村，众跟让广大委员甘当工作基层群众的贴心人。",
            "党建工作越抓越严，心人越抓越细，众跟走访居民区，干部携手考察。",
            "提高人民群众生活质量，让人民群众满意，做好基层工作。",
            "欢迎访问AG超玩会入口",
        ]);
        let spans = fragments_with_lexicon_brands(&lines);
        let gone: Vec<(usize, &str)> = spans
            .iter()
            .filter(|s| s.text == "携手")
            .map(|s| (s.line, s.text.as_str()))
            .collect();
        assert_eq!(
            gone,
            vec![(0, "携手"), (1, "携手"), (2, "携手")],
            "{spans:?}"
        );
        assert!(spans.iter().all(|s| s.text != "工作"), "{spans:?}");
        // Where the spam lines are a small share of the page, confinement
        // is evidence on its own: the same three spam lines among eight
        // clean ones, and `携手` goes by that rule.
        let mut long: Vec<&str> = vec![
            "车上的心人乘客一边打量眼前的携手新图景，众跟正是心人全市工作组织系统的党员干部。",
            "他们走进社携手区，心人考察贫困村，众跟让广大委员甘当工作基层群众的贴心人。",
            "党建工作越抓越严，心人越抓越细，众跟走访居民区，干部携手考察。",
            "欢迎访问AG超玩会入口",
        ];
        long.extend([
            "提高人民群众生活质量，让人民群众满意，做好基层工作。",
            "会议指出，要进一步加强社区治理，完善服务体系，把各项措施落到实处。",
            "各地区各部门要结合实际，研究制定具体办法，确保任务按期完成。",
            "街道办事处组织志愿者开展环境整治，清理楼道杂物，修补破损路面。",
            "居民代表在座谈会上提出意见建议，涉及停车、养老、托幼等方面。",
            "相关部门表示，将建立台账逐项销号，定期向居民通报办理进度。",
            "下一步还将推进老旧小区改造，增设电梯和无障碍设施，改善居住条件。",
            "区里安排专项资金支持试点，总结经验后在全区推广。",
        ]);
        let spans = fragments_with_lexicon_brands(&chars(&long));
        let confined = spans
            .iter()
            .filter(|s| s.text == "携手" && s.rule.starts_with("confined"))
            .count();
        assert_eq!(confined, 3, "{spans:?}");
    }

    #[test]
    fn confinement_means_little_where_spam_lines_are_most_of_the_page() {
        // Three places of a word all landing in spam lines that hold 90% of
        // the text is what any word of it does (the dev spam probe's
        // recipe, spammed on every line, lost `小火` and `锅盖` so: see
        // its snapshot); in lines holding 30% of it, one time in thirty-seven.
        assert!(by_chance(0.9, 3) > CONFINED_CHANCE);
        assert!(by_chance(0.5, 3) <= CONFINED_CHANCE);
        assert!(by_chance(0.5, 2) > CONFINED_CHANCE);
        assert!((by_chance(0.3, 3) - 0.027).abs() < 1e-9);
    }

    #[test]
    fn confined_runs_need_inner_places_new_neighbours_and_evidence() {
        let seg = property_segmenter();
        let gram: Vec<char> = "携手".chars().collect();
        // (line, dead spans, expected)
        type Case<'a> = (&'a str, &'a [(usize, usize)], bool);
        let cases: &[Case] = &[
            // Between Han chars, new neighbours each time, but nothing
            // broken and no spam beside it: not enough.
            (
                "农民携手发展生产，工人携手建设城市，学生携手学习知识。",
                &[],
                false,
            ),
            // Two occurrences touch removed spam (`众跟`).
            (
                "农民众跟携手发展生产，工人携手心人建设城市，学生携手学习知识。",
                &[(2, 4), (14, 16)],
                true,
            ),
            // One occurrence against a comma: a splice never lands there.
            (
                "农民众跟携手，发展生产，工人携手心人建设城市，学生携手学习知识。",
                &[(2, 4), (16, 18)],
                false,
            ),
            // The same right neighbour twice: a phrase of the text.
            (
                "农民众跟携手发展生产，工人携手心人建设城市，学生携手发扬传统。",
                &[(2, 4), (14, 16)],
                false,
            ),
        ];
        for &(line, dead_spans, expected) in cases {
            let analysis = chars(&[line]);
            let mut dead = vec![vec![false; analysis[0].len()]];
            for &(a, b) in dead_spans {
                dead[0][a..b].fill(true);
            }
            let occs: Vec<Occurrence> = (0..analysis[0].len() - 1)
                .filter(|&k| analysis[0][k..k + 2] == gram[..])
                .map(|start| Occurrence { line: 0, start })
                .collect();
            assert_eq!(occs.len(), 3, "{line}");
            let mut cuts = CutCache::new(seg);
            assert_eq!(
                confined_evidence(&gram, &occs, &analysis, &dead, &mut cuts),
                expected,
                "{line}"
            );
        }
    }

    #[test]
    fn latin_named_brands_are_found_where_they_break_a_word() {
        let seg = property_segmenter();
        let lines = chars(&[
            "国家统XQZ竞猜网页版计局今天发布数据，居民收入稳步增长。",
            "专家认为，今年GDP增长速度符合预期，市场XQZ竞猜网页版信心回升。",
            "这款LCD面板由本地工厂生产，LCD面板的价格下降。",
            "车牌为R27450号的客车，案号为XXXX字第3号。",
        ]);
        let found = find_latin_brands(&lines, seg, &[], LatinProof::SpamPage, &[]);
        let texts = line_texts(&found);
        // The first occurrence breaks `统计局`; the second, on a word
        // boundary, goes because the name is confirmed and the same Han
        // words follow it. Acronyms that break nothing, codes and
        // placeholders stay.
        assert_eq!(
            texts,
            vec![(0, "XQZ竞猜网页版"), (1, "XQZ竞猜网页版")],
            "{found:?}"
        );
        // Spans already taken by other spam are left alone.
        assert!(find_latin_brands(&lines, seg, &found, LatinProof::SpamPage, &[]).is_empty());
    }

    #[test]
    fn a_latin_brand_ends_where_a_fragment_already_taken_begins() {
        let seg = property_segmenter();
        // Both occurrences of `XNN竞猜` are followed by the fragment
        // `天天特价`, so the Han text the two share runs on into it; the
        // second breaks `揭晓` once both are cut. The brand is the name and
        // its own word only.
        let lines = chars(&["新闻摄影比赛XNN竞猜天天特价揭XNN竞猜天天特价晓。"]);
        let taken: Vec<SpamSpan> = [11, 21]
            .iter()
            .map(|&start| SpamSpan {
                line: 0,
                start,
                end: start + 4,
                rule: "repeated fragment".into(),
                text: "天天特价".into(),
                brand: false,
            })
            .collect();
        let found = find_latin_brands(&lines, seg, &taken, LatinProof::SpamPage, &[]);
        assert_eq!(
            line_texts(&found),
            vec![(0, "XNN竞猜"), (0, "XNN竞猜")],
            "{found:?}"
        );
    }

    #[test]
    fn on_a_spam_page_a_latin_brand_string_said_twice_whole_is_a_brand() {
        let seg = property_segmenter();
        let found = |lines: &[&str]| -> Vec<String> {
            find_latin_brands(&chars(lines), seg, &[], LatinProof::SpamPage, &[])
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Neither occurrence breaks a word, but the name is always followed
        // by the same words.
        assert_eq!(
            found(&[
                "中国SNV游戏能源汽车传播集团董事长指出，今年形势严峻。",
                "今年SNV游戏百强零部件企业的利润率下滑。",
            ]),
            ["SNV游戏", "SNV游戏"]
        );
        // An acronym of the text takes different words in different places.
        assert!(found(&[
            "这家工厂生产LCD面板，LCD面板的价格今年下降。",
            "新款LCD监视器已经上市。",
        ])
        .is_empty());
    }

    #[test]
    fn on_a_spam_page_a_latin_name_before_a_word_of_its_own_said_once_is_a_brand() {
        let seg = property_segmenter();
        let found = |lines: &[&str]| -> Vec<String> {
            find_latin_brands(&lower(&chars(lines)), seg, &[], LatinProof::SpamPage, &[])
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Said once, breaking no word, before a word the page says nowhere
        // else, made of chars it says nowhere else: the name brought it.
        assert_eq!(
            found(&[
                "会议指出，今年XQZ夺宝粮食的宏观调控政策是在总结经验的基础上制定的。",
                "会议认为，这样做是完全正确的。",
            ]),
            ["xqz夺宝"]
        );
        // The word may stand after a Han-named brand of the site as well.
        assert_eq!(
            found(&[
                "会议指出，今年XQZ夺宝粮食的宏观调控政策是在总结经验的基础上制定的。",
                "会议认为，这样做金鼎夺宝是完全正确的。",
            ]),
            ["xqz夺宝"]
        );
        // Not where the text says it at the head of a clause.
        assert!(found(&[
            "会议指出，今年XQZ夺宝粮食的宏观调控政策是在总结经验的基础上制定的。",
            "会议认为，夺宝奇兵是一部老电影。",
        ])
        .is_empty());
        // An acronym before the text's own word (`增长` said again), before
        // a word whose chars the text uses (`协` in `协商`), or naming a
        // party (`公司`) stays, and so does a number before its unit.
        for page in [
            [
                "今年一季度，我国GDP增长较快，消费增长也很稳定。",
                "会议认为形势向好。",
            ],
            [
                "双方经过协商，决定采用TCP协议传输数据。",
                "会议认为方案可行。",
            ],
            ["本案原告系美国IBM公司在华的代表处。", "会议认为证据充分。"],
            ["人类进入21世纪以后，科技发展迅速。", "会议认为形势向好。"],
        ] {
            assert!(found(&page).is_empty(), "{page:?}");
        }
    }

    #[test]
    fn occurrences_do_not_overlap_and_wedged_ones_sit_between_han() {
        let lines = chars(&["好好好好，好好", "某某竞猜在前，原告某某竞猜钢管，某某竞猜"]);
        let run = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(occurrences(&lines, &run("好好")), 3);
        assert_eq!(occurrences(&lines, &run("某某竞猜")), 3);
        assert_eq!(occurrences(&lines, &run("")), 0);
        // Only `告|某某竞猜|钢` is wedged: the others open a clause or end the line.
        assert_eq!(wedged_count(&lines, &run("某某竞猜")), 1);
    }

    #[test]
    fn a_seam_reads_on_past_spam_already_found() {
        let seg = property_segmenter();
        let mut cuts = CutCache::new(seg);
        let analysis = chars(&["印度新篇尼西凝心聚亚的森林火灾波及邻国。"]);
        let occ = Occurrence { line: 0, start: 2 };
        // `凝心聚` still live: the right context is `尼西凝心`, no word
        // crosses the seam.
        let live = vec![vec![false; analysis[0].len()]];
        let lr = live_context(&analysis, &live, &occ, 2);
        assert!(!rejoins(&mut cuts, &analysis, &live, &occ, 2, lr));
        // Found as spam, it is passed over: `印度|尼西亚` joins.
        let mut dead = live.clone();
        dead[0][6..9].fill(true);
        let lr = live_context(&analysis, &dead, &occ, 2);
        assert_eq!(lr, (2, 2));
        assert!(rejoins(&mut cuts, &analysis, &dead, &occ, 2, lr));
    }

    #[test]
    fn a_latin_name_before_a_category_word_goes_where_it_breaks_a_word() {
        let lex = Lexicons::builtin();
        let seg = property_segmenter();
        let found = |lines: &[&str]| -> Vec<String> {
            let low = lower(&chars(lines));
            find_categorised_latin_brands(&low, seg, &lex)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Said once, breaking `所有` and `清偿`.
        assert_eq!(
            found(&["这一价格在所GDH体育有拍卖中位居第四。"]),
            ["gdh体育"]
        );
        // A number breaks a word by chance more easily: once is not enough.
        assert!(found(&["借款逾期未还，应予清8棋牌偿。"]).is_empty());
        // A name before a category word that breaks nothing, a name that
        // breaks a word before no category word: the text's own.
        for line in [
            "他每晚都看NBA体育新闻。",
            "今年GDP增长了百分之六。",
            "在所GDH有拍卖中位居第四。",
        ] {
            assert!(found(&[line]).is_empty(), "{line}");
        }
    }

    #[test]
    fn han_named_brands_go_where_they_break_words() {
        let lex = Lexicons::builtin();
        let seg = property_segmenter();
        let found = |lines: &[&str], weak: usize| -> Vec<String> {
            let lines = chars(lines);
            let low = lower(&lines);
            let needed = BreaksNeeded { weak, strong: 1 };
            find_han_brands_breaking_words(&lines, &low, &lex, seg, &[], needed)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Two broken words (`乐清市`, `迎难而上`): a brand on any page.
        let twice = [
            "乐清豪门体育市已修建竣工海塘八十公里。",
            "浙江这次冬修海塘，做到了迎难豪门体育而上。",
        ];
        assert_eq!(found(&twice, 2), ["豪门体育", "豪门体育"]);
        // One, only on a page already showing spam.
        assert!(found(&twice[..1], 2).is_empty());
        assert_eq!(found(&twice[..1], 1), ["豪门体育"]);
        // Before a strong category word one broken word will do (`引起`).
        let strong = ["这座城墙再次引福星棋牌起人们的关注。"];
        assert_eq!(found(&strong, 2), ["福星棋牌"]);
        // Said without breaking a word, it needs a page showing spam.
        assert!(found(&["消息传来，福星棋牌当地人士表示关注。"], 2).is_empty());
        // Ordinary uses of strong category words break nothing.
        for line in [
            "这部电影由真人演出，不用特效。",
            "渔民每天出海捕鱼，早出晚归。",
            "警方查处了一个地下赌场。",
            "他每期都去买彩票，从未中过大奖。",
        ] {
            assert!(found(&[line], 2).is_empty(), "{line}");
        }
        // The sentence's own words: a name that ends a word begun before
        // it (`价|格为`), a category word going on (`体育总局`).
        assert!(found(
            &[
                "今年原油价格为国际市场所关注。",
                "国家体育总局今天发布了新的规定。"
            ],
            1
        )
        .is_empty());
        // Spliced into a name the page says again (`邢兆坤`): the seam
        // echoes it, which the dictionary could not show.
        let echo = [
            "原告邢鸿运棋牌兆坤向本院提出诉讼请求。",
            "讼争房屋取得后，邢兆坤一直居住至今。",
        ];
        assert_eq!(found(&echo, 1), ["鸿运棋牌"]);
        assert!(found(&echo[..1], 1).is_empty());
        // A side that is a word echoes by chance (`办|联赛`, `届联赛`).
        let chance = [
            "首届高校电竞联赛决赛落幕。",
            "举办高校电竞联赛，旨在引导大学生理性看待游戏。",
        ];
        assert!(found(&chance, 1).is_empty());
    }

    #[test]
    fn a_run_said_twice_goes_by_how_it_was_spliced() {
        let seg = property_segmenter();
        let found = |lines: &[&str], spam_page: bool| -> Vec<String> {
            let lines = chars(lines);
            let low = lower(&lines);
            find_repeated_unlisted(&lines, &low, seg, &[], spam_page)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // A name and a category word no list has, cut out of two places
        // where it broke a word (`公交车`, `图书馆`): a brand on any page.
        let broke_two = [
            "他每天坐公星耀赛马交车去上班。",
            "周末她常去图星耀赛马书馆看书。",
        ];
        assert_eq!(found(&broke_two, false), ["星耀赛马", "星耀赛马"]);
        // One broken word is enough only on a page already showing spam,
        // for a run whose words the page says nowhere else.
        let broke_one = [
            "他每天坐公星耀赛马交车去上班。",
            "昨天我们一起星耀赛马去了公园。",
        ];
        assert!(found(&broke_one, false).is_empty());
        assert_eq!(found(&broke_one, true), ["星耀赛马", "星耀赛马"]);
        // A phrase of the text said twice, between different neighbours,
        // breaking nothing: kept.
        let phrase = ["我们讨论了环境保护的问题。", "大家都认为环境保护很重要。"];
        assert!(found(&phrase, false).is_empty());
        assert!(found(&phrase, true).is_empty());
    }

    #[test]
    fn on_a_spam_page_a_latin_name_ending_on_a_call_to_action_is_a_brand() {
        let seg = property_segmenter();
        let suffixes: Vec<Vec<char>> = ["注册", "官网"]
            .iter()
            .map(|s| s.chars().collect())
            .collect();
        // Nothing re-forms across the gap (`的|过程`), but the words after
        // the name end on a call to action the lexicon lists.
        let lines = chars(&[
            "这是一个反复的TNR游戏注册送过程。",
            "用户可以通过APP注册账号。",
        ]);
        let found = find_latin_brands(&lines, seg, &[], LatinProof::SpamPage, &suffixes);
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        // `APP注册`: no words between the name and the call to action.
        assert_eq!(texts, ["TNR游戏注册"], "{found:?}");
        // Said once, only on a page already shown to carry spam.
        assert!(find_latin_brands(&lines, seg, &[], LatinProof::Repeated, &suffixes).is_empty());
        // Said twice whole, on any page (with the word both share after
        // the call to action).
        let twice = chars(&[
            "三阳镇政府TNR游戏注册送并不因农民违约而打击报复。",
            "双方的关系变得TNR游戏注册送相互更加理解。",
        ]);
        let found = find_latin_brands(&twice, seg, &[], LatinProof::Repeated, &suffixes);
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["TNR游戏注册送", "TNR游戏注册送"], "{found:?}");
    }

    #[test]
    fn latin_named_brands_on_a_page_without_other_spam_must_show_it_twice() {
        let seg = property_segmenter();
        let texts = |lines: &[&str], proof: LatinProof| -> Vec<String> {
            find_latin_brands(&chars(lines), seg, &[], proof, &[])
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Two occurrences, each breaking a word (`实事`, `拆迁`); or one
        // broken word (`统计局`) and the same brand string once more.
        let twice = [
            "工会要为职工办实NS竞猜网页版事，不走过场。",
            "居民不同意拆NS竞猜网页版迁补偿协议。",
        ];
        let repeated = [
            "国家统XQZ竞猜网页版计局今天发布数据。",
            "市场XQZ竞猜网页版信心回升。",
        ];
        for (lines, brand) in [(twice, "NS竞猜网页版"), (repeated, "XQZ竞猜网页版")] {
            assert_eq!(texts(&lines, LatinProof::Repeated), [brand, brand]);
        }
        // A code whose one chance rejoin (`恢复|ATO营运|模式` reads as
        // `恢复模式`) is followed by other words elsewhere: only a page
        // already carrying spam takes it (with the words its other
        // occurrences share).
        let code = [
            "台北车站分阶段恢复ATO营运模式，第一阶段已完成。",
            "捷运人员进行列车ATO模式的安全验证测试。",
            "恢复为列车ATO模式后，各线班距不变。",
        ];
        assert!(texts(&code, LatinProof::Repeated).is_empty());
        assert_eq!(
            texts(&code, LatinProof::SpamPage),
            ["ATO营运", "ATO模式", "ATO模式"]
        );
        // One broken word and nothing repeated: not enough on its own.
        assert!(texts(&twice[..1], LatinProof::Repeated).is_empty());
        // A number named brand needs the same proof even on a spam page.
        let numbered = [
            "人才在竞500V竞猜争中脱颖而出。",
            "图书馆昨日重新开500V竞猜馆。",
        ];
        for proof in [LatinProof::SpamPage, LatinProof::Repeated] {
            assert_eq!(texts(&numbered, proof), ["500V竞猜", "500V竞猜"]);
            assert!(texts(&numbered[..1], proof).is_empty());
        }
        // A number with its unit is a quantity, whatever its removal
        // re-forms: without `20次`, `开|会` reads `开会`, and `20次` recurs.
        let quantities = ["全年共开展20次活动，开20次会。"];
        let line = &chars(&quantities)[0];
        let mut cuts = CutCache::new(seg);
        assert!(word_across_gap(&mut cuts, line, 12, 15));
        for proof in [LatinProof::SpamPage, LatinProof::Repeated] {
            assert!(texts(&quantities, proof).is_empty());
        }
    }

    #[test]
    fn known_spam_of_the_source_goes_and_dictionary_words_need_more() {
        let seg = property_segmenter();
        let lines = chars(&[
            "今年春天XQZ竞猜网页版雨水较多，农民携手播种。",
            "大家手携手，共同发展。",
        ]);
        let low = lower(&lines);
        let known = |list: &[(&str, u32)]| -> Vec<(Vec<char>, u32)> {
            list.iter()
                .map(|(s, n)| (s.to_lowercase().chars().collect(), *n))
                .collect()
        };
        let texts = |found: &[SpamSpan]| -> Vec<(usize, String)> {
            found.iter().map(|s| (s.line, s.text.clone())).collect()
        };
        // A brand seen on two other pages goes; `携手` is a word, which
        // needs three documents and a page showing spam of its own.
        let k = known(&[("XQZ竞猜网页版", 2), ("携手", 2)]);
        let found = find_known(&lines, &low, &k, &[], seg, false);
        assert_eq!(texts(&found), vec![(0, "XQZ竞猜网页版".to_string())]);
        // Found only across pages (strict): Han text needs spam on the page
        // itself; a Latin-named brand does not.
        let across = known(&[("XQZ竞猜网页版", 2), ("春天雨水", 4)]);
        let found = find_known(&lines, &low, &across, &[], seg, true);
        assert_eq!(texts(&found), vec![(0, "XQZ竞猜网页版".to_string())]);
        let k = known(&[("携手", 5)]);
        assert!(find_known(&lines, &low, &k, &[], seg, false).is_empty());
        let page_spam = [SpamSpan {
            line: 0,
            start: 4,
            end: 13,
            text: "XQZ竞猜网页版".into(),
            brand: true,
            rule: "latin-named brand".into(),
        }];
        // With spam on the page, the word goes where it stands alone, not
        // inside `手携手`.
        let found = find_known(&lines, &low, &k, &page_spam, seg, false);
        assert_eq!(texts(&found), vec![(0, "携手".to_string())]);
        // Two known pieces side by side go together: `并进` across their
        // seam is the slogan's word, not the text's; a piece alone whose
        // edge a word of the text crosses (`携手|并且`) stays.
        let side_by_side = chars(&[
            "这在以前携手并进共建是不可思议的事情。",
            "他携手并且勇敢地前进。",
        ]);
        let k = known(&[("携手并", 3), ("进共建", 3)]);
        let found = find_known(&side_by_side, &side_by_side, &k, &[], seg, false);
        assert_eq!(
            texts(&found),
            vec![(0, "携手并".to_string()), (0, "进共建".to_string())]
        );
    }

    #[test]
    fn names_advertised_with_a_web_address_go_everywhere() {
        let lines = chars(&[
            "国家统计局今天发布数据，居民收入龙腾竞猜稳步增长。",
            "专家认为，今年经济增长速度符合预期。",
            "龙腾竞猜【www.123.com】",
            "来源：新华网 www.news.cn",
        ]);
        let found = find_advertised(&lines, &lines, &[], |_| true);
        let texts: Vec<(usize, &str, &str)> = found
            .iter()
            .map(|s| (s.line, s.text.as_str(), s.rule.as_str()))
            .collect();
        // A labelled source line is not a name with an address.
        assert_eq!(
            texts,
            vec![
                (
                    2,
                    "龙腾竞猜【www.123.com】",
                    "name with a web address:龙腾竞猜"
                ),
                (0, "龙腾竞猜", "advertised name:龙腾竞猜"),
            ]
        );
        // A line another rule took already is left to it, but its name
        // still goes elsewhere.
        let taken = [brand_span(2, 0, "龙腾竞猜", "brand shape:龙腾竞猜")];
        let found = find_advertised(&lines, &lines, &taken, |_| true);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].start, found[0].end), (0, 16, 20));
    }

    #[test]
    fn brands_built_like_the_page_s_others_are_found() {
        let lines = chars(&[
            "国家统XQZ竞猜网页版计局今天发布数据。",
            "居民收入龙腾竞猜网页稳步增长，今年RW竞猜火热。",
            "体育竞猜是一种游戏，市民竞猜结果。",
        ]);
        // The page's first brand, found by another rule: `竞猜` is this
        // page's category word and `网页` its call to action.
        let taken = [brand_span(
            0,
            3,
            "XQZ竞猜网页版",
            "latin-named brand:XQZ竞猜网页版",
        )];
        let found = learned(&lines, &taken);
        let texts = line_texts(&found);
        // A Han name needs the call to action (or a repeat, or a broken
        // word); a Latin name does not. Ordinary uses of the word stay.
        assert_eq!(texts, vec![(1, "龙腾竞猜网页"), (1, "RW竞猜")], "{found:?}");
        // Without a brand on the page nothing is learned.
        assert!(learned(&lines, &[]).is_empty());
    }

    #[test]
    fn a_han_name_before_a_learned_category_word_said_once_is_a_brand() {
        let taken = [brand_span(0, 4, "ZMT夺宝", "latin-named brand:ZMT夺宝")];
        // `夺宝` is the page's category word (`ZMT夺宝`); `鸿运夺宝`, said
        // once, breaks no word and carries no call to action, but the page
        // says neither `鸿运` nor `夺宝` anywhere else.
        let lines = chars(&[
            "欢迎访问ZMT夺宝",
            "居民收入鸿运夺宝稳步增长，经济形势良好。",
        ]);
        let found = learned(&lines, &taken);
        assert_eq!(line_texts(&found), vec![(1, "鸿运夺宝")], "{found:?}");
        // A page that says the word in its own sentences too: the string
        // is the text's.
        let lines = chars(&[
            "欢迎访问ZMT夺宝",
            "居民收入鸿运夺宝稳步增长，经济形势良好。",
            "网上夺宝活动层出不穷。",
        ]);
        let found = learned(&lines, &taken);
        assert!(found.is_empty(), "{found:?}");
        // A name the page says elsewhere is the text's own word.
        let lines = chars(&[
            "欢迎访问ZMT夺宝",
            "居民收入鸿运夺宝稳步增长，经济形势良好。",
            "祝大家鸿运当头。",
        ]);
        let found = learned(&lines, &taken);
        assert!(found.is_empty(), "{found:?}");
        // Spliced at a clause's end, before its comma: the mark stands for
        // the char after it. At a line's end nothing stands there.
        let lines = chars(&[
            "欢迎访问ZMT夺宝",
            "居民收入稳步增长鸿运夺宝，经济形势良好。",
        ]);
        let found = learned(&lines, &taken);
        assert_eq!(line_texts(&found), vec![(1, "鸿运夺宝")], "{found:?}");
        let lines = chars(&["欢迎访问ZMT夺宝", "居民收入稳步增长鸿运夺宝"]);
        let found = learned(&lines, &taken);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_han_name_and_an_unknown_word_before_a_call_to_action_said_once() {
        let seg = property_segmenter();
        let lex = Lexicons::builtin();
        let taken = [brand_span(0, 4, "ZMT彩票大厅", "brand shape:zmt彩票")];
        let found_on =
            |lines: &[&str]| find_brands_before_actions(&chars(lines), &taken, seg, &[], &lex);
        // `大厅` follows the category word of the page's brand: a Han name
        // and a word no list has before it, said once, are a brand.
        let found = found_on(&["欢迎访问ZMT彩票大厅", "居民收入鸿运夺宝大厅稳步增长。"]);
        assert_eq!(line_texts(&found), vec![(1, "鸿运夺宝大厅")], "{found:?}");
        // Where the page says `大厅` in its own sentences too, it is no
        // call to action of the brands'.
        let found = found_on(&[
            "欢迎访问ZMT彩票大厅",
            "居民收入鸿运夺宝大厅稳步增长。",
            "市民在服务大厅排队办理业务。",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // A listed call to action (`注册`) after a name the dictionary
        // knows, whose chars the page says nowhere else.
        let found = found_on(&["欢迎访问ZMT彩票大厅", "居民收入鸿运夺宝注册稳步增长。"]);
        assert_eq!(line_texts(&found), vec![(1, "鸿运夺宝注册")], "{found:?}");
        // The text's own phrase: its name is made of the page's chars.
        let found = found_on(&[
            "欢迎访问ZMT彩票大厅",
            "用户需要进行实名注册才能购票。",
            "改革进行到底，行动见成效。",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // Nothing without spam on the page.
        let lines = chars(&["居民收入鸿运夺宝大厅稳步增长。"]);
        assert!(find_brands_before_actions(&lines, &[], seg, &[], &lex).is_empty());
    }

    #[test]
    fn a_family_of_latin_names_teaches_the_page_its_category_word() {
        let lines = chars(&[
            "欢迎访问AG真人官网",
            "记者联系上了ZMT夺宝大厅他们，称女儿下落不明。",
            "黑龙KQ夺宝大厅江、安徽等地今年推出新政策。",
            "今年PW夺宝市场火热，居民收入稳步增长。",
        ]);
        let taken = [brand_span(0, 4, "AG真人官网", "brand:ag真人")];
        let found = learned(&lines, &taken);
        let texts = line_texts(&found);
        // Three names before `夺宝`, and `黑龙|KQ夺宝大厅|江` breaks a word:
        // `夺宝` is the site's category word and `大厅`, after two of them,
        // its call to action.
        assert_eq!(
            texts,
            vec![(1, "ZMT夺宝大厅"), (2, "KQ夺宝大厅"), (3, "PW夺宝")],
            "{found:?}"
        );
    }

    #[test]
    fn a_family_shown_by_a_broken_word_is_found_on_a_page_without_other_spam() {
        let seg = property_segmenter();
        let lines = chars(&[
            "备受关注的改革终于ZMT夺宝大厅在今年破冰。",
            "黑龙KQ夺宝大厅江、安徽等地今年推出新政策。",
        ]);
        let found = find_brand_families(&lines, seg);
        let texts = line_texts(&found);
        assert_eq!(
            texts,
            vec![(0, "ZMT夺宝大厅"), (1, "KQ夺宝大厅")],
            "{found:?}"
        );
        // One name alone, or two that break nothing, are no family.
        let one = chars(&["黑龙KQ夺宝大厅江、安徽等地今年推出新政策。"]);
        assert!(find_brand_families(&one, seg).is_empty());
        let prose = chars(&["今年我国GDP增长百分之七，CPI增长百分之二。"]);
        assert!(find_brand_families(&prose, seg).is_empty());
    }

    #[test]
    fn acronyms_sharing_a_word_in_ordinary_prose_are_no_family() {
        let lines = chars(&[
            "欢迎访问AG真人官网",
            "今年我国GDP增长百分之七，CPI增长百分之二。",
        ]);
        let taken = [brand_span(0, 4, "AG真人官网", "brand:ag真人")];
        // Two names, neither breaking a word: no family.
        let found = learned(&lines, &taken);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn lexicon_category_words_need_a_broken_word_and_weak_ones_more() {
        let lines = chars(&[
            "财政部要扩金鼎彩票大部门预决算公开范围。",
            "推进产业化和国际市场接轨。",
            "欢迎访问AG真人官网",
        ]);
        let taken = [brand_span(2, 4, "AG真人官网", "brand:ag真人")];
        let found = learned(&lines, &taken);
        let texts = line_texts(&found);
        // `扩|金鼎彩票|大` re-forms 扩大 before a strong word; `化和|国际|市场`
        // would re-form 化市 only by chance, and `国际` is weak.
        assert_eq!(texts, vec![(0, "金鼎彩票")], "{found:?}");
    }

    #[test]
    fn a_single_digit_before_a_strong_category_word_needs_other_spam() {
        let lines = chars(&["今天6彩票开奖，居民收入稳步增长。"]);
        let low = lines.clone();
        let lex = Lexicons::builtin();
        assert!(find_brands_on(&lines, &low, &lex, false).is_empty());
        let on_spam_page = find_brands_on(&lines, &low, &lex, true);
        let texts: Vec<&str> = on_spam_page.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["6彩票"]);
    }

    #[test]
    fn a_phrase_breaking_words_twice_goes_on_a_page_without_brands() {
        let seg = property_segmenter();
        let lines = chars(&[
            "本时代启航报记者今天从市统计局获悉。",
            "全市居民收入时代启航稳步增长。",
            "今年的经济时代启航增长速度符合预期。",
            "国家统时代启航计局发布的数据显示一样的情况。",
            "这里和那里是一样的道理，两地也是一样的做法。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        let texts: Vec<(usize, &str)> = spans.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                (0, "时代启航"),
                (1, "时代启航"),
                (2, "时代启航"),
                (3, "时代启航")
            ],
            "{spans:?}"
        );
    }

    #[test]
    fn a_frequent_word_that_seldom_breaks_a_word_is_the_texts_own() {
        // `机遇` breaks a word in each of its three places (`中央`, `北京`,
        // `国家`): spliced.
        let seg = property_segmenter();
        let spliced = chars(&[
            "党中机遇央召开会议，部署今年的工作。",
            "北机遇京市的代表在会上发言。",
            "国机遇家统计局发布了数据。",
        ]);
        let spans = find_fragments(&spliced, &spliced, seg, &[]);
        assert_eq!(
            line_texts(&spans),
            vec![(0, "机遇"), (1, "机遇"), (2, "机遇")],
            "{spans:?}"
        );
        // The same two broken words on a page that says `机遇` between words
        // in six more places (and once alone before a comma): a splice breaks a word in a large share of its
        // places, the text's own word only now and then by chance.
        let own = chars(&[
            "党中机遇央召开会议，部署今年的工作。",
            "北机遇京市的代表在会上发言。",
            "我们要抓住机遇，迎接挑战。新的机遇就在眼前。",
            "发展的机遇来之不易，历史机遇稍纵即逝。",
            "面对机遇和挑战，要把握机遇。",
            "机遇，属于有准备的人。",
        ]);
        let spans = find_fragments(&own, &own, seg, &[]);
        assert!(spans.iter().all(|s| s.text != "机遇"), "{spans:?}");
    }

    #[test]
    fn a_common_word_held_by_the_words_around_it_is_the_texts_own() {
        // A history text says `经济` nine times: twice a word re-forms
        // across it by chance (`在|经济|生活中`), once it stands alone
        // between marks, and elsewhere the words around it hold it
        // (`商品|经济`, `经济|命脉`). Counted with the free places only,
        // the two breaks were enough on a page without brands.
        let seg = property_segmenter();
        let text = chars(&[
            "中世纪晚期的远洋贸易促进了交流，故商品经济关系得以在城市里生长起来。",
            "新航路的开辟刺激了西欧商品经济和资本主义关系的发展，手工工场随之兴起。",
            "垄断组织形成以后，它们在经济生活中起决定作用，国家的政策也随之改变。",
            "列强之间的竞争日益激烈，它们结成同盟在经济上瓜分世界，又在军事上争夺殖民地。",
            "与此同时，东方的老大帝国却政治腐败，经济崩溃，文化衰落，民生疾苦。",
            "当西方在科学技术、经济、财富、文化等方面占据优势时，这个帝国还沉醉于往日的繁荣。",
            "历史表明，无论从经济基础还是从上层建筑看，它都落后了一个社会经济形态。",
            "封闭的农业社会远不是推行经济扩张和武力侵略的工业强国的对手。",
            "到了世纪之交，外国资本控制了这个国家的经济命脉，也操纵了它的政治。",
        ]);
        let spans = find_fragments(&text, &text, seg, &[]);
        assert!(spans.iter().all(|s| s.text != "经济"), "{spans:?}");
    }

    #[test]
    fn words_broken_between_the_same_two_chars_count_once_unless_said_elsewhere() {
        // `视|布殊|为` re-forms `视为` twice: one phrase of the text said
        // twice, and the name's other places sit between words.
        let seg = property_segmenter();
        let own = chars(&[
            "右派教徒视布殊为自己人，将更积极支持布殊。",
            "事实上，盟友却把视布殊为他们中的一分子，令他们对布殊更具忠诚。",
        ]);
        let spans = find_fragments(&own, &own, seg, &[]);
        assert!(spans.iter().all(|s| s.text != "布殊"), "{spans:?}");
        // The same places on a page that says `视为` twice more: a frequent
        // word hit twice by splices landing at random.
        let spliced = chars(&[
            "右派教徒视布殊为自己人，将更积极支持布殊。",
            "事实上，盟友却把视布殊为他们中的一分子，令他们对布殊更具忠诚。",
            "这被视为一次转变，也被视为一个信号。",
        ]);
        let spans = find_fragments(&spliced, &spliced, seg, &[]);
        assert_eq!(
            spans.iter().filter(|s| s.text == "布殊").count(),
            4,
            "{spans:?}"
        );
    }

    #[test]
    fn two_runs_each_breaking_one_word_in_one_sentence_go_together() {
        // No brand on the page, and neither run breaks two words: `西|乐无边|北`
        // re-forms `西北` and `北|天低价|京` re-forms `北京`, the other places
        // sit between words. Together, in the same sentences, they are two
        // pieces of one injection. (Neither run is in the register of stock
        // slogans and shop copy, which would be evidence of its own.)
        let seg = property_segmenter();
        let lines = chars(&[
            "去年冬天，来自西乐无边北的学生在北天低价京参加了冬令营活动，大家在天低价雪地里乐无边堆起雪人，老师乐无边带着孩子们参观了天低价博物馆。",
            "冬令营为期一周，学生们每天都写日记。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        let mut texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        texts.sort_unstable();
        assert_eq!(
            texts,
            ["乐无边", "乐无边", "乐无边", "天低价", "天低价", "天低价"],
            "{spans:?}"
        );
        // Either run alone, with its one broken word, is no proof of spam.
        let alone = chars(&[
            "去年冬天，来自西乐无边北的学生在北京参加了冬令营活动，大家在雪地里乐无边堆起雪人，老师乐无边带着孩子们参观了博物馆。",
            "冬令营为期一周，学生们每天都写日记。",
        ]);
        let spans = find_fragments(&alone, &alone, seg, &[]);
        assert!(spans.is_empty(), "{spans:?}");
    }

    #[test]
    fn a_run_shown_spliced_goes_where_it_glues_onto_a_neighbour() {
        // Two broken words (`曲折`, `撞击`) show `航新征程` spliced; in
        // `联|航新征程` the neighbour makes `联航` with its first character,
        // which shows nothing, but the run goes there too.
        let seg = property_segmenter();
        let lines = chars(&[
            "道路曲航新征程折，车辆撞航新征程击护栏后停下。",
            "原告闫联航新征程颖不能正常使用经营该车辆。",
            "这是另一条航新征程全新的道路。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        let found: Vec<(usize, usize)> = spans.iter().map(|s| (s.line, s.start)).collect();
        assert_eq!(found, vec![(0, 3), (0, 12), (1, 4), (2, 5)], "{spans:?}");
        // The glued place also counts toward the three places the run must
        // show: two broken words (`危害`, `农田`) and `购|物放心选`.
        let lines = chars(&[
            "过去这里植被稀疏，风沙危物放心选害极其严重。",
            "许多村庄和农物放心选田被荒沙埋没。",
            "他在商场购物放心选了一台电视机。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        let texts: Vec<(usize, &str)> = spans.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert_eq!(
            texts,
            [(0, "物放心选"), (1, "物放心选"), (2, "物放心选")],
            "{spans:?}"
        );
    }

    #[test]
    fn passes_needing_a_found_fragment_run_again_after_the_scorer_finds_one() {
        // Brands alone mark no line as carrying spam; the scorer takes
        // `美好时光` (it breaks `第二` once), and only then is `从现在开始` (a phrase of dictionary
        // words, on word boundaries or touching spam at every place)
        // confined to the lines that carry spam.
        let page = [
            "第三季度美好时光从现在开始从现在开始以365真人来，大盘跌豪门棋牌幅居前的板块从现在开始中，有五只被机构重仓持有。某家美好时光基金旗下365真人有六只偏股从现在开始产品不幸从现在开始踩中，是涉及产品数量最多的公司。另一家美好时光红利基金踩中四只股票，排在第美好时光二位。",
            "分析人士认为，机构在三季度普遍加仓了周期板块，而消费板块的持仓比例有所下降。",
        ];
        let lines = chars(&page);
        let low = lower(&lines);
        let brands = find_brands_on(&lines, &low, &Lexicons::builtin(), true);
        assert_eq!(brands.len(), 3, "{brands:?}");
        let spans = find_fragments(&lines, &lines, property_segmenter(), &brands);
        let count = |t: &str| spans.iter().filter(|s| s.text == t).count();
        assert_eq!(
            (count("美好时光"), count("从现在开始")),
            (4, 5),
            "{spans:?}"
        );
        // The same phrase opening clauses of the text (a line edge or a mark
        // beside it) is the text's own, whatever else the page carries.
        let page = [
            "第三季度美好时光以365真人来，大盘跌豪门棋牌幅居前的板块中，有五只被机构重仓持有。某家美好时光基金旗下365真人有六只偏股产品不幸踩中，是涉及产品数量最多的公司。另一家美好时光红利基金踩中四只股票，排美好时光在第二位。",
            "从现在开始，机构普遍加仓周期板块；从现在开始，消费板块的持仓比例下降。从现在开始，基金公司要披露持仓。",
        ];
        let lines = chars(&page);
        let low = lower(&lines);
        let brands = find_brands_on(&lines, &low, &Lexicons::builtin(), true);
        let spans = find_fragments(&lines, &lines, property_segmenter(), &brands);
        assert!(spans.iter().all(|s| s.text != "从现在开始"), "{spans:?}");
    }

    #[test]
    fn an_accepted_run_goes_where_it_glues_onto_a_neighbour_in_fewer_places() {
        // `航新征程` (`航` a loose char) breaks one word (`挖|航新征程|掘`)
        // and stands between words in two places: with a brand on the page
        // that is enough. In `闫联|航新征程|颖` the neighbour takes its first
        // char (`联航`); it goes there too.
        let lines = chars(&[
            "被告辩称航新征程原告在河堤上挖航新征程掘，双方500X彩票网页版签订合同。",
            "损害了他们所种植的航新征程树木，原告闫联航新征程颖不能正常使用该500X彩票网页版车辆。",
        ]);
        let low = lower(&lines);
        let brands = find_brands_on(&lines, &low, &Lexicons::builtin(), true);
        assert_eq!(brands.len(), 2, "{brands:?}");
        let spans = find_fragments(&lines, &lines, property_segmenter(), &brands);
        let found: Vec<(usize, usize)> = spans.iter().map(|s| (s.line, s.start)).collect();
        assert_eq!(found, vec![(0, 4), (0, 15), (1, 9), (1, 20)], "{spans:?}");
        // A run that glues onto its neighbour in more places than it is
        // shown spliced is the end of a phrase of the text there
        // (`民航|新征程` four times): those places stay.
        let lines = chars(&[
            "被告辩称航新征程原告在河堤上挖航新征程掘，双方500X彩票网页版签订合同。",
            "损害了他们所种植的航新征程树木，该500X彩票网页版车辆停在路边。",
            "中国民航新征程开启，民航新征程起步，民航新征程提速，民航新征程展开。",
        ]);
        let low = lower(&lines);
        let brands = find_brands_on(&lines, &low, &Lexicons::builtin(), true);
        let spans = find_fragments(&lines, &lines, property_segmenter(), &brands);
        let found: Vec<(usize, usize)> = spans.iter().map(|s| (s.line, s.start)).collect();
        assert_eq!(found, vec![(0, 4), (0, 15), (1, 9)], "{spans:?}");
    }

    #[test]
    fn a_name_split_by_spam_is_not_a_fragment() {
        // The dictionary splits the name 汪佑键 into single characters, and
        // a brand spliced into one of its occurrences gives the pieces
        // around it varied places. But `被告汪` is nearly always followed
        // by 佑, and `佑键` preceded by 汪: parts of one unit.
        let spans = fragments_beside_one_brand(&[
            "原告某银行与被告汪佑500X彩票网页版键借款合同纠纷一案，本院受理后依法审理。",
            "请求依法判令被告汪佑键归还借款，被告汪德国承担连带责任。",
            "经审理查明，被告汪佑键与崔某签订合同，约定被告汪佑键以六十万元的价格购买房屋。",
            "同月，原告与被告汪佑键签订借款合同，被告汪佑键借款后未按约定归还借款本息。",
            "判决如下：被告汪佑键在本判决生效后三日内归还借款本金。",
        ]);
        assert!(spans.is_empty(), "{spans:?}");
    }

    /// The fragments found on `lines` beside the lexicon brands they carry.
    fn fragments_with_lexicon_brands(lines: &[Vec<char>]) -> Vec<SpamSpan> {
        let low = lower(lines);
        let brands = find_brands(lines, &low, &Lexicons::builtin());
        find_fragments(lines, lines, property_segmenter(), &brands)
    }

    /// The fragments found on `lines`, which carry exactly one lexicon
    /// brand (asserted).
    fn fragments_beside_one_brand(lines: &[&str]) -> Vec<SpamSpan> {
        let lines = chars(lines);
        let low = lower(&lines);
        let brands = find_brands_on(&lines, &low, &Lexicons::builtin(), true);
        assert_eq!(brands.len(), 1, "{brands:?}");
        find_fragments(&lines, &lines, property_segmenter(), &brands)
    }

    #[test]
    fn a_piece_beside_the_same_char_twice_goes_when_it_breaks_words_there_and_elsewhere() {
        // `部` stands left of two of three occurrences of `滋味`, which would
        // mark a longer unit; but `部|门` re-forms beside it and `优|势`
        // elsewhere: a splice.
        let spans = fragments_beside_one_brand(&[
            "新上任的党支部滋味书记傅英耐心细致地做思想工作。",
            "引导群众咬住煤炭资源优滋味势，争取上级有关部滋味门支持。",
            "欢迎访问金鼎娱乐城官网。",
        ]);
        let texts: Vec<(usize, &str)> = spans.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert_eq!(texts, [(0, "滋味"), (1, "滋味"), (1, "滋味")], "{spans:?}");
    }

    #[test]
    fn repeated_names_of_a_clean_document_are_not_fragments() {
        // A judgment names its parties again and again, in varied places:
        // without any other sign of spam these runs are the text itself.
        let seg = property_segmenter();
        let lines = chars(&[
            "原告柯丽娟诉被告鲁振邦、范志伟房屋租赁合同纠纷一案，本院受理后依法适用简易程序公开开庭进行了审理。",
            "原告柯丽娟向本院提出诉讼请求：判令被告鲁振邦支付拖欠租金，被告范志伟承担连带责任。",
            "被告鲁振邦辩称，原告柯丽娟所述租金数额不实，被告范志伟未到庭。",
            "本院认为，被告鲁振邦应向原告柯丽娟支付租金，被告范志伟对此承担连带清偿责任。",
            "案件受理费由被告鲁振邦负担，原告柯丽娟已预交，由被告范志伟直接给付。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        assert!(spans.is_empty(), "{spans:?}");
    }

    #[test]
    fn a_brand_whose_head_reads_as_a_name_needs_three_broken_words() {
        let seg = property_segmenter();
        let mut cuts = CutCache::new(seg);
        let gram: Vec<char> = "龙腾竞猜".chars().collect();
        assert_eq!(fragment_shape(&gram, &mut cuts, &surnames()), Shape::Named);
        // Spliced through the pages of a site: `纠纷`, `北京`, `全部` re-form
        // without it.
        let spliced = [
            "这是一起借款合同纠龙腾竞猜纷，本院依法受理。",
            "被告北龙腾竞猜京某酒店管理有限公司未到庭。",
            "被告应支付利息直至全龙腾竞猜部欠款还清为止。",
            "原告要求被告龙腾竞猜承担诉讼费用。",
            // The rest of the judgment: the slogan-piece scorer reads a run
            // against the size of its page, and a page of four short lines
            // would make three places count for more than they do on a
            // real one.
            "本院认为，原告与被告之间的借款关系合法有效，被告应当按照约定偿还借款本金及利息。",
            "依照《中华人民共和国合同法》第二百零六条的规定，判决如下：被告于本判决生效之日起十日内偿还原告借款本金五万元。",
        ];
        let found = find_fragments(&chars(&spliced), &chars(&spliced), seg, &[]);
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["龙腾竞猜"; 4], "{found:?}");
        // Two broken words are what a name with the same word after it can
        // show by chance: not enough.
        let found = find_fragments(&chars(&spliced[1..]), &chars(&spliced[1..]), seg, &[]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn splices_glued_to_a_neighbour_are_found_by_the_word_they_break() {
        // `本心`, `费心` and `责心` are words or cut as such, so the run does
        // not sit on free boundaries; without it `本院`, `费用`, `责任`
        // re-form. Repeated anonymised names (`延吉市某小学`) stay.
        let seg = property_segmenter();
        let lines = chars(&[
            "原告与被告侵权责心选任纠纷一案，延吉市某小学承担相应的责任。",
            "原告向本心选院提出诉讼请求，延吉市某小学未到庭。",
            "判令被告赔偿补牙费心选用一万元，延吉市某小学不同意赔偿。",
        ]);
        let spans = find_fragments(&lines, &lines, seg, &[]);
        let texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["心选", "心选", "心选"], "{spans:?}");
        let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
        assert_eq!(starts, vec![8, 4, 9]);
    }

    #[test]
    fn a_slogan_phrase_breaking_words_twice_goes_everywhere() {
        // `时代启航` is two dictionary words: it re-forms `曲折` and `撞击`
        // when cut out, so on a page with a brand its occurrences between
        // words (`条|时代启航|路`) go as well.
        let seg = property_segmenter();
        let lines = chars(&[
            "道路曲时代启航折，车辆撞时代启航击护栏后停下。",
            "这是另一条时代启航路，一条全新的道路。",
            "欢迎访问AG超玩会入口",
        ]);
        let low = lower(&lines);
        let brands = find_brands(&lines, &low, &Lexicons::builtin());
        assert_eq!(brands.len(), 1);
        let spans = find_fragments(&lines, &lines, seg, &brands);
        let at: Vec<(usize, usize, &str)> = spans
            .iter()
            .map(|s| (s.line, s.start, s.text.as_str()))
            .collect();
        assert_eq!(
            at,
            vec![(0, 3, "时代启航"), (0, 12, "时代启航"), (1, 5, "时代启航")]
        );
    }

    #[test]
    fn censored_runs_are_counted() {
        assert_eq!(
            count_censored("坚持以***新时代思想为指导，建立学*制度，实行学*培训"),
            3
        );
        assert_eq!(count_censored("3*4=12，没有审查"), 0);
    }

    #[test]
    fn han_brand_names_do_not_take_the_sentence_s_characters() {
        let lex = Lexicons::builtin();
        let lines = chars(&["为了金鼎棋牌app下载凑钱买大锤"]);
        let spans = find_brands(&lines, &lines, &lex);
        let texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["金鼎棋牌app下载"]);
    }

    #[test]
    fn pieces_spliced_side_by_side_go_together() {
        // `一站式购` was accepted where it stood alone; here it touches an
        // accepted `物放心选` (they complete `购物` together) and goes too.
        let lines =
            chars(&["在一站式购党员的带动下，为凑钱买大锤一站式购物放心选钢钎，物放心选家里"]);
        let span = |start: usize, end: usize, rule: &str| SpamSpan {
            line: 0,
            start,
            end,
            text: lines[0][start..end].iter().collect(),
            brand: false,
            rule: rule.into(),
        };
        let kept = vec![
            span(1, 5, "repeated fragment:一站式购"),
            span(29, 33, "repeated fragment:物放心选"),
        ];
        let grown = extend_to_adjacent(kept.clone(), &lines, &lines, &[]);
        assert_eq!(grown.len(), 4, "{grown:?}");
        let joined: Vec<&str> = grown[2..].iter().map(|s| s.text.as_str()).collect();
        assert!(
            joined.contains(&"一站式购") && joined.contains(&"物放心选"),
            "{joined:?}"
        );
        // Nothing touches a removed span in clean text: nothing grows.
        let clean = chars(&["全村人都豁出去了，为凑钱买大锤钢钎。"]);
        assert!(extend_to_adjacent(Vec::new(), &clean, &clean, &[]).is_empty());
    }

    /// Text for the property tests below: sentences of the kind spam is
    /// spliced into, with words that recur.
    const PROPERTY_TEXT: &str = "原告向本院提出诉讼请求，被告承担相应的责任。党建工作越抓越严，\
        走访居民区，考察贫困村，让广大委员甘当基层群众的贴心人。道路曲折，车辆撞击护栏后停下。";

    #[test]
    fn a_run_that_finishes_a_word_past_the_spam_beside_it_is_no_evidence() {
        let seg = property_segmenter();
        let mut cuts = CutCache::new(seg);
        // `某某` (chars 7-8) is removed spam in every line.
        let dead_at = |lines: &[Vec<char>]| -> Vec<Vec<bool>> {
            lines
                .iter()
                .map(|l| (0..l.len()).map(|k| k == 7 || k == 8).collect())
                .collect()
        };
        let occs: Vec<Occurrence> = (0..3).map(|line| Occurrence { line, start: 9 }).collect();
        let lines_ok =
            |lines: &[Vec<char>]| lines.iter().all(|l| l[7..11] == ['某', '某', '和', '国']);
        // Past the spam, `共` + `和国` is `共和国`: the run's neighbour is
        // the same text char each time.
        let split = chars(&[
            "依照中华人民共某某和国合同法",
            "根据中华人民共某某和国担保法",
            "按照中华人民共某某和国民法典",
        ]);
        assert!(lines_ok(&split));
        assert!(!confined_evidence(
            &['和', '国'],
            &occs,
            &split,
            &dead_at(&split),
            &mut cuts
        ));
        // Beside spam that split no word, touching it twice is evidence.
        let beside = chars(&[
            "今年全省的粮食某某和国总产量",
            "各地正积极推进某某和国农业化",
            "全市的经济运行某某和国稳中有",
        ]);
        assert!(lines_ok(&beside));
        assert!(confined_evidence(
            &['和', '国'],
            &occs,
            &beside,
            &dead_at(&beside),
            &mut cuts
        ));
    }

    fn property_segmenter() -> &'static Segmenter {
        static SEG: std::sync::OnceLock<Segmenter> = std::sync::OnceLock::new();
        SEG.get_or_init(Segmenter::new)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

        /// `rejoins` skips the cut when no dictionary word crosses the
        /// seam; that is only sound if every cut word crossing it is one.
        #[test]
        fn a_cut_word_across_a_point_is_a_full_mode_word(
            picks in proptest::collection::vec(0usize..1000, 2..9),
            at_pick in 0usize..8,
        ) {
            let han: Vec<char> = PROPERTY_TEXT.chars().filter(|&c| is_han(c)).collect();
            // Runs of the text, not random chars, so that words do form.
            let first = picks[0] % han.len();
            let chars: Vec<char> = (0..picks.len()).map(|k| han[(first + k + picks[k] % 2) % han.len()]).collect();
            let at = 1 + at_pick % (chars.len() - 1);
            let mut cuts = CutCache::new(property_segmenter());
            let crosses_in_cut = cuts.spans(&chars).iter().any(|&(s, e)| s < at && e > at);
            if crosses_in_cut {
                proptest::prop_assert!(cuts.word_crosses(&chars, at), "{chars:?} at {at}");
            }
        }

        /// Dropping the occurrences masking covers gives what counting
        /// the masked text afresh gives.
        #[test]
        fn counts_updated_by_masking_equal_a_recount(
            masks in proptest::collection::vec((0usize..4, 0usize..60, 1usize..6), 0..6),
        ) {
            let lines: Vec<Vec<char>> = [
                "他们走进社区，心人考察贫困村，众跟让广大委员甘当基层群众的贴心人。",
                "车上的心人乘客一边打量眼前的新图景，众跟正是心人全市组织系统的党员干部。",
                "党建工作越抓越严、越抓越细、越抓越实，众跟走访居民区，心人考察贫困村。",
                "提高人民群众生活质量，让人民群众满意，众跟使人民群众更加自觉。",
            ]
            .iter()
            .map(|l| l.chars().collect())
            .collect();
            let mut dead: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
            let mut counts = count_runs(&lines, &dead, 3);
            for (line, start, len) in masks {
                let d = &mut dead[line];
                let start = start % d.len();
                for k in start..(start + len).min(d.len()) {
                    d[k] = true;
                }
            }
            drop_masked(&mut counts, &dead, &FxHashSet::default(), 3);
            let fresh = count_runs(&lines, &dead, 3);
            let as_sorted = |m: &FxHashMap<&[char], Vec<Occurrence>>| {
                let mut v: Vec<(String, Vec<(usize, usize)>)> = m
                    .iter()
                    .map(|(g, o)| (g.iter().collect(), o.iter().map(|o| (o.line, o.start)).collect()))
                    .collect();
                v.sort();
                v
            };
            proptest::prop_assert_eq!(as_sorted(&counts), as_sorted(&fresh));
        }
    }

    /// A removed span of `text` at `line`, `start`, under `rule:text`.
    fn span_at(line: usize, start: usize, text: &str, brand: bool, rule: &str) -> SpamSpan {
        SpamSpan {
            line,
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
            brand,
            rule: format!("{rule}:{text}"),
        }
    }

    #[test]
    fn on_a_page_without_brands_a_fragment_meeting_a_proven_one_twice_goes() {
        let frag = |line: usize, start: usize, text: &str| {
            span_at(line, start, text, false, "repeated fragment")
        };
        // `梦飞扬` was seen breaking words twice; `齐心` (a word, no breaks
        // of its own) shares two lines with it; `金融业` shares lines only
        // with `齐心`, and `汇率` with nothing.
        let spans = vec![
            frag(0, 3, "梦飞扬"),
            frag(0, 20, "齐心"),
            frag(1, 8, "梦飞扬"),
            frag(1, 30, "齐心"),
            frag(2, 5, "梦飞扬"),
            frag(3, 4, "齐心"),
            frag(3, 40, "金融业"),
            frag(4, 9, "金融业"),
            frag(5, 2, "汇率"),
            frag(6, 2, "汇率"),
        ];
        let strong: HashSet<String> = ["repeated fragment:梦飞扬".to_string()].into();
        let texts = |kept: Vec<SpamSpan>| kept.into_iter().map(|s| s.text).collect::<Vec<String>>();
        assert_eq!(
            texts(keep_cooccurring(
                spans.clone(),
                &[],
                &strong,
                &HashSet::new(),
                &HashSet::new()
            )),
            ["梦飞扬", "齐心", "梦飞扬", "齐心", "梦飞扬", "齐心"]
        );
        // No proven fragment and no brand: nothing shows the page is spam.
        assert!(keep_cooccurring(
            spans.clone(),
            &[],
            &HashSet::new(),
            &HashSet::new(),
            &HashSet::new()
        )
        .is_empty());
        // A lone fragment that broke two words, meeting no other fragment,
        // is no proof on a page without brands (a term of a clean text
        // re-forms two words by chance); one that broke three is.
        let lone = vec![frag(5, 2, "汇率"), frag(6, 2, "汇率")];
        let proven: HashSet<String> = ["repeated fragment:汇率".to_string()].into();
        let kept = |very: &HashSet<String>| {
            texts(keep_cooccurring(
                lone.clone(),
                &[],
                &proven,
                very,
                &HashSet::new(),
            ))
        };
        assert!(kept(&HashSet::new()).is_empty());
        assert_eq!(kept(&proven), ["汇率", "汇率"]);
    }

    #[test]
    fn a_brand_name_that_ends_a_word_before_it_is_text() {
        let seg = property_segmenter();
        let shape =
            |line: usize, start: usize, text: &str| span_at(line, start, text, true, "brand shape");
        let analysis: Vec<Vec<char>> = [
            "本届哈尔滨国际冰雪节有看头",
            "展览内容丰富多彩",
            "今天金鼎国际官网开业",
        ]
        .iter()
        .map(|l| l.chars().collect())
        .collect();
        let mut spans = vec![
            shape(0, 3, "尔滨国际"),
            shape(1, 5, "富多彩"),
            shape(2, 2, "金鼎国际"),
        ];
        drop_names_inside_words(&mut spans, &analysis, seg);
        let kept: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(kept, ["金鼎国际"]);
    }

    #[test]
    fn bare_web_addresses_inside_sentences_are_spam_and_introduced_ones_text() {
        let found = |text: &str| -> Vec<String> {
            let lines = chars(&[text]);
            find_bare_addresses(&lines, &lower(&lines))
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Dropped into a sentence: between Han chars, or after a clause mark
        // and before the next clause.
        assert_eq!(
            found("面粉和黄油涨价，www.AB66.vip房东又要加租金。"),
            ["www.AB66.vip"]
        );
        assert_eq!(
            found("同行人员未受伤。hf123.com民警随即赶到。"),
            ["hf123.com"]
        );
        assert_eq!(found("一边xyz77.cc给记者切开"), ["xyz77.cc"]);
        // Introduced by the sentence, named with its site, in a footer, in
        // an e-mail or a URL: the text's own.
        for own in [
            "旅客可登录12306.cn购票。",
            "详见官网www.example.com。",
            "据人民网people.com.cn报道，",
            "©2024 douban.com, all rights reserved",
            "客服邮箱：help@example.com 违法信息举报",
            "原文链接：https://blog.example.net/a/1",
            "我在taobao.com上买的。",
            "版本号1.2.3已发布。",
        ] {
            assert!(found(own).is_empty(), "{own}: {:?}", found(own));
        }
        // Said bare once, the address is taken after a one-char word too,
        // but not after a word that introduces it.
        let page = chars(&[
            "面积不到www.AB66.vip二十平方米，",
            "房东又要加租金，www.AB66.vip一个月下来不挣钱。",
            "详见官网www.AB66.vip。",
        ]);
        let taken: Vec<(usize, String)> = find_bare_addresses(&page, &lower(&page))
            .into_iter()
            .map(|s| (s.line, s.text))
            .collect();
        assert_eq!(
            taken,
            [
                (0, "www.AB66.vip".to_string()),
                (1, "www.AB66.vip".to_string())
            ]
        );
        // Alone, the same line keeps it.
        assert!(found("面积不到www.AB66.vip二十平方米，").is_empty());
    }

    #[test]
    fn a_sign_up_offer_with_a_number_said_twice_is_a_brand() {
        let lex = Lexicons::builtin();
        let found = |page: &[&str]| -> Vec<String> {
            let lines = chars(page);
            let low = lower(&lines);
            find_brands_on(&lines, &low, &lex, false)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        let page = [
            "社区新建的篮球场昨天开放，金樽注册送88附近居民纷纷前来打球。",
            "球场由街道出资建设，金樽注册送88面积约六百平方米。",
        ];
        assert_eq!(found(&page), ["金樽注册送88", "金樽注册送88"]);
        // Once, or a shop's offer of a thing, or who signs up: no brand.
        assert!(found(&page[..1]).is_empty());
        assert!(found(&[
            "平台宣称新用户注册送88元，不少老人信以为真。",
            "警方提醒，新用户注册送88元的说法多为诱饵。",
        ])
        .is_empty());
        assert!(found(&["本店新会员注册送好礼，老会员注册送积分。"]).is_empty());
    }

    #[test]
    fn a_three_char_name_said_the_same_everywhere_widens_the_shape() {
        let lex = Lexicons::builtin();
        let seg = property_segmenter();
        let widened = |page: &[&str]| -> Vec<(String, String)> {
            let lines = chars(page);
            let low = lower(&lines);
            let mut shapes = find_brands_on(&lines, &low, &lex, true);
            widen_names_to_words(&mut shapes, &lines, &low, seg);
            drop_names_inside_words(&mut shapes, &low, seg);
            shapes.into_iter().map(|s| (s.text, s.rule)).collect()
        };
        // `聚宝盆` before `老虎机` at both places: the shape takes the whole
        // name (two chars of it would start inside the word and be dropped).
        let page = [
            "还建议把刹车皮跟轮胎一起换掉，聚宝盆老虎机报价下来将近六千块。",
            "刹车皮也是看厚度，聚宝盆老虎机请老板拆给你看。",
        ];
        let found = widened(&page);
        assert_eq!(found.len(), 2, "{found:?}");
        for (text, rule) in &found {
            assert_eq!(text, "聚宝盆老虎机");
            assert!(rule.ends_with(NAME_WIDENED), "{rule}");
        }
        // Said once, the word the name ends may be the text's own char
        // before a splice: the shape is dropped as before.
        assert!(widened(&page[..1]).is_empty());
    }

    #[test]
    fn a_han_named_brand_shape_is_taken_where_the_page_has_no_gambling_of_its_own() {
        let lex = Lexicons::builtin();
        let seg = property_segmenter();
        let found = |page: &[&str]| -> Vec<String> {
            let lines = chars(page);
            let low = lower(&lines);
            find_offtopic_brand_shapes(&lines, &low, &low, &lex, seg)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // A road report with one casino name spliced in.
        let road = [
            "新建的快速路北起高铁站，南至会展中心，全程约二十公里。",
            "沿线设置八座立交，金樽娱乐城预计明年五月建成通车。",
        ];
        assert_eq!(found(&road), ["金樽娱乐城"]);
        // A police report on an illegal casino says its words elsewhere
        // (`赌场`, `赌资`): its shapes are its own terms.
        let police = [
            "警方捣毁一处地下赌场，现场查获赌资十余万元。",
            "据查，该团伙以金樽娱乐城为名招揽赌客。",
        ];
        assert!(found(&police).is_empty());
        // The state lottery and a verb before the category word are no
        // shapes, and they make the page one about the lottery.
        let lottery = [
            "市福利彩票发行中心介绍，本期销量创新高。",
            "一位彩民的机选彩票中了二等奖，他每周都去购买彩票。",
        ];
        assert!(found(&lottery).is_empty());
        // A weak category word (`体育`) is not enough on its own, nor a
        // strong one heading a longer word (`娱乐场所`).
        assert!(found(&["周末金樽体育举办了一场篮球比赛。"]).is_empty());
        assert!(found(&["全市清理整顿文化娱乐场所三百余家。"]).is_empty());
        // Nor one a word of the text runs into from the name's side:
        // `女真|人`, the Jurchens, holds `真人`.
        assert!(found(&[
            "历经三十余年征战，才促成后金的创建与女真人的重新凝聚。",
            "这一过程也是满族形成的历史进程。",
        ])
        .is_empty());
        assert_eq!(
            found(&["沿线设置八座立交，鸿福真人预计明年五月建成。"]),
            ["鸿福真人"]
        );
    }

    #[test]
    fn latin_names_built_on_a_gambling_word_are_brands_and_english_words_are_not() {
        let lex = Lexicons::builtin();
        let found = |text: &str| -> Vec<String> {
            let lines = chars(&[text]);
            find_latin_gambling_names(&lines, &lower(&lines), &lex)
                .into_iter()
                .map(|s| s.text)
                .collect()
        };
        // Capitals ending on `BET` or `WIN`, or opening with a longer word;
        // a mixed-case name with the word as one of its parts; the word and
        // a digit. A call to action goes with the name.
        assert_eq!(found("警方追回MKBET被盗车辆十余辆。"), ["MKBET"]);
        assert_eq!(found("师傅说下周，TOPWIN一定来。"), ["TOPWIN"]);
        assert_eq!(found("我们准备RichWin找消协投诉。"), ["RichWin"]);
        assert_eq!(found("汤汁浓稠LUCKYTIGER发亮。"), ["LUCKYTIGER"]);
        assert_eq!(found("冰糖三十克，LUCKY7生姜一块。"), ["LUCKY7"]);
        assert_eq!(
            found("每道菜都有留样POKERKING官网下载。"),
            ["POKERKING官网下载"]
        );
        // English words, products and names holding such a word; acronyms;
        // lower-case runs; the word alone; a line of English.
        for own in [
            "他用WINDOWS系统办公。",
            "电脑装的是WIN10系统。",
            "请用WinRAR解压文件。",
            "进化论由DARWIN提出。",
            "学生背诵ALPHABET字母表。",
            "西藏的英文是Tibet，",
            "这部剧叫TWIN PEAKS。",
            "他的小狗名叫LUCKY，很可爱。",
            "运营商推出BET套餐。",
            "the alphabet is learned, not born; luckybet是什么？",
            "公司总部设在VEGAS IS GREAT BETWEEN TOWNS HERE。",
        ] {
            assert!(found(own).is_empty(), "{own}: {:?}", found(own));
        }
    }

    #[test]
    fn a_name_fused_with_its_category_word_or_a_verb_before_it_is_text() {
        let seg = property_segmenter();
        let shape =
            |line: usize, start: usize, text: &str| span_at(line, start, text, true, "brand shape");
        let analysis: Vec<Vec<char>> = [
            "中奖者可登录福利彩票官网查询",
            "今天金鼎彩票官网开业",
            "他每周都去购买彩票",
            "警方查明其开设赌场",
            "全村男女老少都来看。鑫旺炸金花",
        ]
        .iter()
        .map(|l| l.chars().collect())
        .collect();
        // `福利彩票` is one word of the dictionary (the state lottery);
        // `金鼎|彩票` is a name and a category word; `购买` and `开设` are
        // verbs, whose object the category word is. `鑫旺` is no word of the
        // dictionary, whatever tag the tagger guesses for it.
        assert!(!seg.jieba().has_word("鑫旺"));
        let mut spans = vec![
            shape(0, 6, "福利彩票官网"),
            shape(1, 2, "金鼎彩票官网"),
            shape(2, 5, "购买彩票"),
            shape(3, 5, "开设赌场"),
            shape(4, 10, "鑫旺炸金花"),
        ];
        drop_names_inside_words(&mut spans, &analysis, seg);
        let kept: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(kept, ["金鼎彩票官网", "鑫旺炸金花"]);
    }

    #[test]
    fn a_run_whose_words_the_text_uses_elsewhere_is_the_texts_own() {
        let lines =
            |text: &str| -> Vec<Vec<char>> { text.lines().map(|l| l.chars().collect()).collect() };
        // `诉争仓库` three times; `仓库` twice more on its own: the article's
        // vocabulary (a legal term for the warehouse in dispute).
        let judgment = lines(
            "原告对诉争仓库享有使用权。\n被告占用诉争仓库至今。\n诉争仓库的租金未付。\n\
             仓库位于城东。\n该仓库面积三百平方米。",
        );
        let run: Vec<char> = "诉争仓库".chars().collect();
        assert!(used_elsewhere(&run, 3, &pair_counts(&judgment)));
        // A slogan piece's characters come only with the piece.
        let spliced =
            lines("今年的经梦飞扬济形势平稳。\n会议指出发梦飞扬展是关键。\n各地梦飞扬压实责任。");
        let piece: Vec<char> = "梦飞扬".chars().collect();
        assert!(!used_elsewhere(&piece, 3, &pair_counts(&spliced)));
        // A piece holding one word of the article keeps most of its
        // characters to itself.
        let meeting = lines(
            "会议齐飞扬要求各地压实责任。\n本次会议齐飞扬由市政府召开。\n会议指出，会议齐飞扬精神要落实。\n\
             会议期间，代表们审议了报告。",
        );
        let piece: Vec<char> = "会议齐飞扬".chars().collect();
        assert!(!used_elsewhere(&piece, 3, &pair_counts(&meeting)));
        // Two-char runs are judged by their breaks alone.
        let two: Vec<char> = "仓库".chars().collect();
        assert!(!used_elsewhere(&two, 5, &pair_counts(&judgment)));
    }

    #[test]
    fn a_run_introduced_as_a_party_twice_is_a_name() {
        let surnames = surnames();
        let party = |text: &str, run: &str| {
            let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
            let run: Vec<char> = run.chars().collect();
            let occs: Vec<Occurrence> = lines
                .iter()
                .enumerate()
                .flat_map(|(line, l)| {
                    (0..l.len())
                        .filter(|&start| l[start..].starts_with(&run))
                        .map(move |start| Occurrence { line, start })
                        .collect::<Vec<_>>()
                })
                .collect();
            names_a_party(run.len(), &occs, &lines, &surnames)
        };
        // After a role word twice (the surname `由` is no common one).
        let judgment = "原告诉称，被告由春华借款未还。\n被告由春华辩称已经还款。\n由春华未到庭。";
        assert!(party(judgment, "由春华"));
        // Before an organisation word twice (a short name the text defines).
        let company = "原告丰茂商贸有限公司（以下简称丰茂公司）诉称。\n丰茂公司向本院提出诉讼请求。\n丰茂为本地企业。";
        assert!(party(company, "丰茂"));
        // Once is chance.
        let once = "被告由春华借款未还。\n由春华辩称已经还款。\n由春华未到庭。";
        assert!(!party(once, "由春华"));
        // A splice between a role word and the name that follows it.
        let spliced =
            "被告梦飞扬李宏秋借款未还。\n被告梦飞扬李宏秋辩称已经还款。\n本院梦飞扬认为。";
        assert!(!party(spliced, "梦飞扬"));
    }

    #[test]
    fn names_places_and_localised_phrases_are_not_fragments() {
        let seg = property_segmenter();
        let surnames = surnames();
        let mut cuts = CutCache::new(seg);
        let mut shape =
            |s: &str| fragment_shape(&s.chars().collect::<Vec<_>>(), &mut cuts, &surnames);
        for term in [
            "被告鲍某",
            "第三人周某",
            "第三人",
            "被执行人",
            "东莞市瑞",
            "汪红德",
            "被告罗正军",
            "原告亿安居公司",
            // Less common surnames, where unknown-word guessing reads a name.
            "被告屈斌",
            "原告翟建修",
        ] {
            assert_eq!(shape(term), Shape::None, "{term}");
        }
        for term in ["尼可拉斯", "凱薩琳丹妮芙", "被告王明月", "记者胡万军"] {
            assert_eq!(shape(term), Shape::None, "{term}");
        }
        // `至` is a preposition: `利息至` leaves no loose character.
        assert_ne!(shape("利息至"), Shape::Loose);
        // `中` is a localiser, not a loose character: a phrase of words, which
        // counts only where it breaks a word of its context.
        assert_ne!(shape("过程中"), Shape::Loose);
        for piece in ["心人", "民群", "党建得民党走"] {
            assert_eq!(shape(piece), Shape::Loose, "{piece}");
        }
        // A numeral, demonstrative, preposition or measure word beside a
        // word attaches to it by grammar: an ordinary phrase, however often
        // a legal text repeats it. A content character left loose is not.
        for phrase in ["二被告", "本判决", "由被告", "亩土地", "當原告"] {
            assert_ne!(shape(phrase), Shape::Loose, "{phrase}");
        }
        for piece in ["奋斗新", "时代启", "梦飞扬"] {
            assert_eq!(shape(piece), Shape::Loose, "{piece}");
        }
    }
    #[test]
    fn stuffed_headlines_lose_their_runs() {
        let body =
            "乡镇企业迅猛发展，取得了巨大成就，已成为农村经济的主体力量和国民经济的一大支柱，\
                    为转移农村富余劳动力，增加农民收入做出了重大贡献，是我国农民的伟大创造。";
        // Two slogan pieces of dictionary words, five times each in a short
        // first line and nowhere in the body; what is left is the headline.
        let stuffed = chars(&[
            "乡美好未来携手共创镇美好未来企业是中携手共创国农美好未来民携手共创的美好未来伟携手共创大美好未来创携手共创造。",
            body,
        ]);
        let found: Vec<String> = find_stuffed_heads(&stuffed, &[])
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(found.len(), 10, "{found:?}");
        assert!(found.iter().all(|t| t == "美好未来" || t == "携手共创"));
        // A headline repeating one word, a list line of short questions,
        // and one repeating the body's word stay.
        for top in [
            ["快乐学习快乐生活快乐成长", "本报讯靠种田能不能致富？"],
            [
                "一个村、一个乡乃至一个县能不能靠种田脱贫？",
                "本报讯靠种田能不能致富？",
            ],
            ["乡镇企业乡镇企业乡镇企业", "农民收入农民收入农民收入"],
        ] {
            let lines = chars(&[top[0], top[1], body]);
            assert!(find_stuffed_heads(&lines, &[]).is_empty(), "{top:?}");
        }
        // Under a stuffed line, a question repeating one word of its own
        // (`一个`) stays: no two runs are jumbled through it.
        let lines = chars(&[
            "庄稼地里凝心聚力凝心聚力共谱新篇也凝心聚力共谱新篇能种出希望。",
            "一个村、一个乡乃至一个县能不能靠种田脱贫？",
            "本报讯靠种田能不能致富？",
            body,
        ]);
        let taken: Vec<SpamSpan> = [4, 8, 12, 17, 21]
            .iter()
            .map(|&k| {
                brand_span(
                    0,
                    k,
                    if k == 12 || k == 21 {
                        "共谱新篇"
                    } else {
                        "凝心聚力"
                    },
                    "f",
                )
            })
            .collect();
        assert_eq!(taken[1].text, "凝心聚力");
        assert!(find_stuffed_heads(&lines, &taken).is_empty());
        assert!(find_stuffed_heads(&lines, &[]).iter().all(|s| s.line == 0));
    }
}
