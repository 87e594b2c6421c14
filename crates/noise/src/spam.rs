//! Spliced spam: gambling-brand-like names composed at random, and slogans
//! cut into fragments that are spliced into sentences again and again.

use crate::rng::Rng;
use crate::vocab::{Split, Vocab};
use taojin_core::is_han;

/// What one spam site injects: its brands and its slogan fragments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpamKit {
    pub brands: Vec<String>,
    pub slogan: String,
    pub fragments: Vec<String>,
}

/// Latin brand heads are drawn from disjoint letter and number sets per
/// split, so held-out and blind brands share no head with dev ones. The
/// capitals are shared out between dev and held-out (I and O, which read as
/// digits, left out), so blind heads are lower-case, as many real spam
/// brands print them (`ky棋牌`, `ob体育`). No number is a prefix of another
/// split's number.
fn latin_alphabet(split: Split) -> (&'static [u8], &'static [&'static str]) {
    match split {
        Split::Dev => (b"ABCDEFGHJKLM", &["888", "365", "99", "8"]),
        Split::HeldOut => (b"NPQRSTUVWXYZ", &["168", "777", "500", "6"]),
        Split::Blind => (b"abcdefghjkmnpqrstuvwxyz", &["188", "918", "55", "2"]),
    }
}

/// One brand-like name: a Latin, numeric or Chinese head, a casino-ish word,
/// and often an access word (`KX体育官网`, `聚宝棋牌`, `168彩票网页版`).
pub fn brand(vocab: &Vocab, split: Split, rng: &mut Rng) -> String {
    let (letters, numbers) = latin_alphabet(split);
    let mut head = String::new();
    match rng.below(10) {
        0..=4 => {
            for _ in 0..rng.range(2, 3) {
                if let Some(&b) = rng.pick(letters) {
                    head.push(char::from(b));
                }
            }
        }
        5..=6 => {
            head.push_str(rng.pick(numbers).copied().unwrap_or("8"));
            if rng.chance(0.5) {
                if let Some(&b) = rng.pick(letters) {
                    head.push(char::from(b));
                }
            }
        }
        _ => head.push_str(
            rng.pick(vocab.get("spam", "head_cn", split))
                .map(String::as_str)
                .unwrap_or("金"),
        ),
    }
    let casino = rng
        .pick(vocab.get("spam", "casino", split))
        .cloned()
        .unwrap_or_default();
    let mut b = format!("{head}{casino}");
    if rng.chance(0.5) {
        if let Some(a) = rng.pick(vocab.get("spam", "access", split)) {
            b.push_str(a);
        }
    }
    b
}

/// Cuts a slogan into consecutive fragments of 2-4 characters (a last piece
/// of one character joins the fragment before it).
pub fn fragments(slogan: &str, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = slogan.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let take = rng.range(2, 4).min(chars.len() - i);
        let piece: String = chars.iter().skip(i).take(take).collect();
        match out.last_mut() {
            Some(last) if take < 2 => last.push_str(&piece),
            _ => out.push(piece),
        }
        i += take;
    }
    out
}

/// The longest piece [`phrase_fragments`] makes: a slogan's longest
/// phrases (`从这里开始`, `错过再等一年` cut after `错过`) run to five or
/// six chars.
const PHRASE_LONGEST: usize = 6;

/// Cuts a slogan at word boundaries only, into pieces of two chars or
/// more that are words or phrases of their own (`优化营商|环境激发`): the
/// slogan's words (jieba's cut, standing in for where a person cuts a
/// phrase) are taken one after another into a piece until it holds two to
/// four chars (drawn at random) or the next word would take it past
/// [`PHRASE_LONGEST`]. A last word of one char joins the piece before it.
/// Unlike [`fragments`], no piece breaks a word of its slogan, so no seam
/// between two pieces re-forms a word when they meet.
pub fn phrase_fragments(slogan: &str, rng: &mut Rng) -> Vec<String> {
    static JIEBA: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    let words = JIEBA.get_or_init(jieba_rs::Jieba::new).cut(slogan, false);
    let mut out: Vec<String> = Vec::new();
    let mut piece = String::new();
    let mut want = rng.range(2, 4);
    for w in words.iter().map(|t| t.word) {
        let (len, add) = (piece.chars().count(), w.chars().count());
        if len >= 2 && (len >= want || len + add > PHRASE_LONGEST) {
            out.push(std::mem::take(&mut piece));
            want = rng.range(2, 4);
        }
        piece.push_str(w);
    }
    match out.last_mut() {
        Some(last) if piece.chars().count() < 2 => last.push_str(&piece),
        _ if !piece.is_empty() => out.push(piece),
        _ => {}
    }
    out
}

/// A spam site's kit: 1-3 brands and one slogan cut into fragments.
pub fn kit(vocab: &Vocab, split: Split, rng: &mut Rng) -> SpamKit {
    let brands = (0..rng.range(1, 3))
        .map(|_| brand(vocab, split, rng))
        .collect();
    let slogan = rng
        .pick(vocab.get("spam", "slogan", split))
        .cloned()
        .unwrap_or_default();
    let fragments = fragments(&slogan, rng);
    SpamKit {
        brands,
        slogan,
        fragments,
    }
}

/// Inserts each piece inside a sentence of `text`. Two kinds of place: a
/// clause edge (right after a punctuation mark and before a Han char,
/// right after a Han char and before a mark, or the end of a text ending
/// on a mark), taken one time in three when the text has one, and
/// otherwise the boundary between two Han chars; a text with neither takes
/// the piece at its end. In the seed corpus about half the spliced strings
/// stand beside a mark or at a line end (`,党建得民党走这里`, `。心人`):
/// spam is not only dropped between two chars of a word. All places are
/// chosen in the original text, so that no piece lands inside another.
pub fn splice(text: &str, pieces: &[String], rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let han_at = |i: usize| chars.get(i).is_some_and(|&c| is_han(c));
    let mark_at = |i: usize| chars.get(i).is_some_and(|&c| is_mark(c));
    let inner: Vec<usize> = (1..chars.len())
        .filter(|&i| han_at(i - 1) && han_at(i))
        .collect();
    let edges: Vec<usize> = (1..=chars.len())
        .filter(|&i| {
            (mark_at(i - 1) && han_at(i))
                || (han_at(i - 1) && mark_at(i))
                || (i == chars.len() && mark_at(i - 1))
        })
        .collect();
    // Two pieces share a place only when the text has too few: a short
    // line has few edges, and stacking pieces there (`安全生产安全生产`)
    // would make a kind of spam the pages are not meant to show.
    let mut used: Vec<usize> = Vec::new();
    let mut place = |rng: &mut Rng| {
        let slots = if !edges.is_empty() && (inner.is_empty() || rng.below(3) == 0) {
            &edges
        } else {
            &inner
        };
        let mut pick = rng.pick(slots).copied().unwrap_or(chars.len());
        for _ in 0..8 {
            if !used.contains(&pick) {
                break;
            }
            pick = rng.pick(slots).copied().unwrap_or(chars.len());
        }
        used.push(pick);
        pick
    };
    let mut at: Vec<(usize, &str)> = pieces.iter().map(|p| (place(rng), p.as_str())).collect();
    at.sort_by_key(|&(i, _)| i);
    let mut out = String::with_capacity(text.len() + pieces.iter().map(String::len).sum::<usize>());
    let mut next = at.iter().peekable();
    for (i, c) in chars.iter().enumerate() {
        while let Some((_, p)) = next.next_if(|&&(j, _)| j == i) {
            out.push_str(p);
        }
        out.push(*c);
    }
    for (_, p) in next {
        out.push_str(p);
    }
    out
}

/// Punctuation that ends or separates clauses, full-width or folded to ASCII.
fn is_mark(c: char) -> bool {
    "，。、；：？！,.;:?!".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_are_deterministic_and_split_specific() {
        let v = Vocab::builtin().expect("parses");
        let a: Vec<String> = (0..20)
            .scan(Rng::new(5), |r, _| Some(brand(&v, Split::Dev, r)))
            .collect();
        let b: Vec<String> = (0..20)
            .scan(Rng::new(5), |r, _| Some(brand(&v, Split::Dev, r)))
            .collect();
        assert_eq!(a, b);
        let held: Vec<String> = (0..200)
            .scan(Rng::new(6), |r, _| Some(brand(&v, Split::HeldOut, r)))
            .collect();
        for h in &held {
            assert!(!a.contains(h), "{h} in both splits");
            let casino = v.get("spam", "casino", Split::HeldOut);
            assert!(casino.iter().any(|c| h.contains(c.as_str())), "{h}");
        }
    }

    /// The Latin or numeric head of a brand (empty for a Chinese head).
    fn ascii_head(brand: &str) -> String {
        brand
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect()
    }

    #[test]
    fn head_letters_and_numbers_are_disjoint_across_splits() {
        for (i, &a) in Split::ALL.iter().enumerate() {
            for &b in Split::ALL.iter().skip(i + 1) {
                let (la, na) = latin_alphabet(a);
                let (lb, nb) = latin_alphabet(b);
                assert!(la.iter().all(|c| !lb.contains(c)), "{a:?} {b:?} letters");
                for x in na {
                    for y in nb {
                        assert!(
                            !x.starts_with(y) && !y.starts_with(x),
                            "{a:?} {x} and {b:?} {y}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn blind_brands_share_no_head_or_name_with_other_splits() {
        let v = Vocab::builtin().expect("parses");
        let sample = |split: Split, seed: u64| -> Vec<String> {
            (0..300)
                .scan(Rng::new(seed), |r, _| Some(brand(&v, split, r)))
                .collect()
        };
        let others: Vec<String> = [sample(Split::Dev, 1), sample(Split::HeldOut, 2)].concat();
        let other_heads: std::collections::HashSet<String> =
            others.iter().map(|b| ascii_head(b)).collect();
        let blind = sample(Split::Blind, 3);
        let casino = v.get("spam", "casino", Split::Blind);
        let mut latin = 0;
        for b in &blind {
            assert!(!others.contains(b), "{b} in another split");
            assert!(casino.iter().any(|c| b.contains(c.as_str())), "{b}");
            let head = ascii_head(b);
            if !head.is_empty() {
                latin += 1;
                assert!(
                    !other_heads.contains(&head),
                    "{b}: head {head} in another split"
                );
            }
        }
        assert!(latin > 100, "{latin} Latin or numeric heads in 300");
    }

    #[test]
    fn fragments_cover_the_slogan_in_pieces_of_two_to_four() {
        for seed in 0..50 {
            let mut r = Rng::new(seed);
            let f = fragments("凝心聚力共谱新篇", &mut r);
            assert_eq!(f.concat(), "凝心聚力共谱新篇");
            assert!(f.len() >= 2);
            for piece in &f {
                let n = piece.chars().count();
                assert!((2..=5).contains(&n), "{piece}");
            }
        }
    }

    #[test]
    fn phrase_fragments_cut_only_where_words_meet() {
        let slogan = "垃圾分类人人有责";
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..50 {
            let mut r = Rng::new(seed);
            let f = phrase_fragments(slogan, &mut r);
            assert_eq!(f.concat(), slogan);
            for piece in &f {
                let n = piece.chars().count();
                assert!((2..=PHRASE_LONGEST).contains(&n), "{piece}");
                seen.insert(piece.clone());
            }
        }
        // jieba reads the slogan as 垃圾 | 分类 | 人人有责: every piece starts
        // on one of those words, and none on a char inside one.
        let starts = ["垃圾", "分类", "人人有责"];
        for p in &seen {
            assert!(starts.iter().any(|w| p.starts_with(w)), "{p} in {seen:?}");
        }
        assert!(
            seen.contains("垃圾分类") && seen.contains("人人有责"),
            "{seen:?}"
        );
        let one = phrase_fragments("知识改变命运", &mut Rng::new(1));
        assert_eq!(one.concat(), "知识改变命运");
        assert!(
            one.iter()
                .all(|p| ["知识", "改变", "命运"].iter().any(|w| p.starts_with(w))),
            "{one:?}"
        );
    }

    #[test]
    fn splice_goes_between_han_characters_or_at_clause_edges() {
        let mut r = Rng::new(2);
        let one = |s: &str| vec![s.to_string()];
        let inner = ["今XX天，天气好。", "今天，天XX气好。", "今天，天气XX好。"];
        let edges = [
            "今天XX，天气好。",
            "今天，XX天气好。",
            "今天，天气好XX。",
            "今天，天气好。XX",
        ];
        let (mut at_inner, mut at_edge) = (0, 0);
        for _ in 0..300 {
            let s = splice("今天，天气好。", &one("XX"), &mut r);
            if inner.contains(&s.as_str()) {
                at_inner += 1;
            } else {
                assert!(edges.contains(&s.as_str()), "{s}");
                at_edge += 1;
            }
        }
        // One time in three at an edge.
        assert!(
            (70..130).contains(&at_edge),
            "{at_edge} at edges, {at_inner} inside"
        );
        // Never inside a Latin or digit run, never before the first char.
        for _ in 0..50 {
            let s = splice("abc12", &one("金鼎"), &mut r);
            assert_eq!(s, "abc12金鼎");
        }
        assert_eq!(splice("", &one("金鼎"), &mut r), "金鼎");
        // A text of marks and Han chars only at clause edges takes edges.
        let s = splice("好。", &one("XX"), &mut r);
        assert!(s == "好XX。" || s == "好。XX", "{s}");
    }

    fn owned(pieces: &[&str]) -> Vec<String> {
        pieces.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pieces_take_distinct_places_when_the_text_has_enough() {
        let pieces = owned(&["凝心", "聚力", "共谱", "新篇"]);
        let text = "国家统计局今天发布数据，居民收入稳步增长，消费需求持续回升。";
        for seed in 0..200 {
            let s = splice(text, &pieces, &mut Rng::new(seed));
            for a in &pieces {
                for b in &pieces {
                    assert!(!s.contains(&format!("{a}{b}")), "{s}");
                }
            }
        }
    }

    #[test]
    fn spliced_pieces_never_land_inside_each_other() {
        let pieces = owned(&["金鼎娱乐", "凝心", "聚力", "共谱新篇"]);
        let spam_chars = pieces.concat();
        for seed in 0..100 {
            let mut r = Rng::new(seed);
            let s = splice("国家统计局今天发布数据居民收入增长", &pieces, &mut r);
            for p in &pieces {
                assert!(s.contains(p.as_str()), "{s}");
            }
            let rest: String = s.chars().filter(|&c| !spam_chars.contains(c)).collect();
            assert_eq!(rest, "国家统计局今天发布数据居民收入增长");
        }
    }
}
