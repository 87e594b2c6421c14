//! Who wrote a page, who edited it and where it comes from, read from its
//! removed furniture lines: bylines (`来源：某某日报　作者：张三`), document
//! meta (`信息来源：某市教育局`), post headers (`某某 发表于 2021-1-13`) and
//! post lines (`posted @ 2020-05-06 12:00 某某`).
//!
//! Each line offers what it credits, each credit with a rank saying how
//! surely it names the field; the best rank wins, the first of equals. The
//! words are in `data/credits.txt`.

use crate::lines::{dates, FoundDate};
use crate::spam::name_initials;
use std::sync::OnceLock;
use taojin_core::{is_han, Metadata, Reason};

const CREDIT_WORDS: &str = include_str!("../data/credits.txt");
/// The line classifier's word lists, of which the credits read the
/// platforms' account badges (kind `badge`: `创作者`, `博主`) and the
/// clients and devices a post is sent from (kind `device`: `客户端`,
/// `iphone`).
const FURNITURE_WORDS: &str = include_str!("../data/worded_furniture.txt");

/// The lists of `data/credits.txt`, each longest word first.
#[derive(Default)]
struct Words {
    reporter: Vec<Vec<char>>,
    author: Vec<Vec<char>>,
    field_author: Vec<Vec<char>>,
    correspondent: Vec<Vec<char>>,
    editor: Vec<Vec<char>>,
    name_prefix: Vec<Vec<char>>,
    source: Vec<Vec<char>>,
    source_prefix: Vec<Vec<char>>,
    outlet_tail: Vec<Vec<char>>,
    media_suffix: Vec<Vec<char>>,
    not_credit: Vec<Vec<char>>,
    not_credit_part: Vec<Vec<char>>,
    post_verb: Vec<Vec<char>>,
    floor: Vec<Vec<char>>,
    post_cue: Vec<Vec<char>>,
    profile: Vec<Vec<char>>,
    reply: Vec<Vec<char>>,
    platform: Vec<Vec<char>>,
    badge: Vec<Vec<char>>,
    device: Vec<Vec<char>>,
    written_by: Vec<Vec<char>>,
    written_verb: Vec<Vec<char>>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words::default();
        let furniture = FURNITURE_WORDS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(kind, _)| matches!(*kind, "badge" | "device"));
        let credit_words = CREDIT_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'));
        for (kind, word) in credit_words.chain(furniture) {
            let list = match kind {
                "reporter" => &mut w.reporter,
                "author" => &mut w.author,
                "field_author" => &mut w.field_author,
                "correspondent" => &mut w.correspondent,
                "editor" => &mut w.editor,
                "name_prefix" => &mut w.name_prefix,
                "source" => &mut w.source,
                "source_prefix" => &mut w.source_prefix,
                "outlet_tail" => &mut w.outlet_tail,
                "media_suffix" => &mut w.media_suffix,
                "not_credit" => &mut w.not_credit,
                "not_credit_part" => &mut w.not_credit_part,
                "post_verb" => &mut w.post_verb,
                "floor" => &mut w.floor,
                "post_cue" => &mut w.post_cue,
                "profile" => &mut w.profile,
                "reply" => &mut w.reply,
                "platform" => &mut w.platform,
                "badge" => &mut w.badge,
                "device" => &mut w.device,
                "written_by" => &mut w.written_by,
                "written_verb" => &mut w.written_verb,
                _ => continue,
            };
            list.push(word.trim().chars().collect());
        }
        for list in [
            &mut w.reporter,
            &mut w.author,
            &mut w.field_author,
            &mut w.correspondent,
            &mut w.editor,
            &mut w.name_prefix,
            &mut w.source,
            &mut w.source_prefix,
            &mut w.outlet_tail,
            &mut w.media_suffix,
            &mut w.not_credit,
            &mut w.not_credit_part,
            &mut w.post_verb,
            &mut w.floor,
            &mut w.post_cue,
        ] {
            list.sort_by_key(|x| std::cmp::Reverse(x.len()));
        }
        w
    })
}

/// Author ranks: a reporter, another writer's role, a correspondent, the
/// poster of a post header.
const BY_REPORTER: u8 = 0;
const BY_AUTHOR_ROLE: u8 = 1;
const BY_CORRESPONDENT: u8 = 2;
const BY_POSTER: u8 = 3;
/// A handle alone on its line, placed as a poster's is (see
/// [`Credited::offer_handle_line`]): read from the layout, not a label.
const BY_HANDLE_LINE: u8 = 4;
/// A handle alone on its line that only its shape places (`tiger916`):
/// a site's name may be shaped so too (`Mobile01`).
const BY_HANDLE_SHAPE: u8 = 5;
/// Source ranks: labelled (`来源：`), an outlet named with its reporter or
/// in brackets before the date, an outlet's name alone in a dated byline.
const FROM_LABEL: u8 = 0;
const FROM_OUTLET: u8 = 1;
const FROM_BYLINE: u8 = 2;

/// Added to the rank of what a legal line credits.
const FROM_LEGAL: u8 = 4;

/// The longest credit read, in chars: longer is a sentence, not a name.
const CREDIT_MAX_CHARS: usize = 20;
/// The longest Han-only name read after a role without a separator
/// (`记者王伟`); with one (`作者：爱吃鱼的小猫`) a handle may run longer.
const BARE_NAME_MAX_CHARS: usize = 4;
const HANDLE_MAX_CHARS: usize = 10;

/// Chars that end a field of a furniture line.
fn ends_field(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '/'
                | '／'
                | '丨'
                | '·'
                | '•'
                | '，'
                | ','
                | '、'
                | '。'
                | '；'
                | ';'
                | '（'
                | '('
                | '）'
                | ')'
                | '「'
                | '」'
                | '《'
                | '》'
                | '【'
                | '】'
                | '['
                | ']'
                | '：'
                | ':'
                | '“'
                | '”'
        )
}

/// Chars between a label and the credit it labels.
fn leads_credit(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '：' | ':' | '/' | '|' | '｜' | '丨' | '@' | '「' | '《' | '“' | '·' | '】' | ']'
        )
}

fn starts_with(s: &[char], w: &[char]) -> bool {
    s.len() >= w.len() && &s[..w.len()] == w
}

fn ends_with(s: &[char], w: &[char]) -> bool {
    s.len() >= w.len() && &s[s.len() - w.len()..] == w
}

/// The longest word of `list` starting at `i`, as its length.
fn word_at(s: &[char], i: usize, list: &[Vec<char>]) -> Option<usize> {
    list.iter()
        .find(|w| starts_with(&s[i.min(s.len())..], w))
        .map(Vec::len)
}

/// Every non-overlapping occurrence of a word of `list`, as (start, end).
fn occurrences(s: &[char], list: &[Vec<char>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match word_at(s, i, list) {
            Some(n) => {
                out.push((i, i + n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The field starting at or after `i` once the chars that lead a credit
/// (and, when `skip` is given, its words) are passed: (start, end, whether
/// anything was passed).
fn field_after(s: &[char], mut i: usize, skip: &[Vec<char>]) -> (usize, usize, bool) {
    let from = i;
    loop {
        while i < s.len() && leads_credit(s[i]) {
            i += 1;
        }
        match word_at(s, i, skip) {
            Some(n) => i += n,
            None => break,
        }
    }
    let mut end = i;
    while end < s.len() && !ends_field(s[end]) {
        end += 1;
    }
    (i, end, i > from)
}

fn is_not_credit(token: &[char]) -> bool {
    let w = words();
    w.not_credit.iter().any(|n| n.as_slice() == token)
        || w.not_credit_part
            .iter()
            .any(|n| token.windows(n.len()).any(|x| x == n.as_slice()))
        || ends_with(token, &['时', '间'])
        || ends_with(token, &['日', '期'])
        || token.iter().all(|c| c.is_ascii_digit() || *c == '#')
}

/// Whether `token`, read after a role, names a person: a Han name of two
/// to four chars (led by a surname when nothing sets it off from the
/// role, so `作者观点` names no one), or, set off by a separator, a
/// user's handle (`leo8`, `爱吃鱼的小猫`).
fn names_person(token: &[char], separated: bool) -> bool {
    if token.is_empty() || token.len() > CREDIT_MAX_CHARS || is_not_credit(token) {
        return false;
    }
    if token.iter().all(|&c| is_han(c)) {
        if (2..=BARE_NAME_MAX_CHARS).contains(&token.len()) {
            return separated || name_initials().contains(&token[0]);
        }
        return separated && (2..=HANDLE_MAX_CHARS).contains(&token.len());
    }
    separated && token.iter().any(|&c| is_han(c) || c.is_alphabetic())
}

/// Whether `token` holds a role's or a label's word (`只看该作者`,
/// `责任编辑`, `发布于`, `最后更新`): a button or a label, not a handle.
/// `token` is Simplified. A one-char posting verb (`于`) is a surname too.
fn holds_role(token: &[char]) -> bool {
    let w = words();
    [
        &w.reporter,
        &w.author,
        &w.correspondent,
        &w.editor,
        &w.source,
        &w.not_credit_part,
        &w.reply,
    ]
    .iter()
    .any(|list| !occurrences(token, list).is_empty())
        || occurrences(token, &w.post_verb)
            .iter()
            .any(|&(a, b)| b - a >= 2)
}

/// Whether `token` can name a source: two chars or more, not a word that
/// names none (`网络`, `本站`).
fn names_source(token: &[char]) -> bool {
    (2..=CREDIT_MAX_CHARS).contains(&token.len())
        && !is_not_credit(token)
        && token.iter().any(|&c| is_han(c) || c.is_alphabetic())
}

/// Whether `token` reads as a news outlet's name (`某某日报`, `某某发布`):
/// it ends in a media suffix with at least two chars before it. `token`
/// is Simplified.
pub(crate) fn names_outlet(token: &[char]) -> bool {
    names_source(token)
        && words()
            .media_suffix
            .iter()
            .any(|m| token.len() >= m.len() + 2 && ends_with(token, m))
}

/// Whether the name after a post's `来自` names the news outlet the text
/// comes from (`{date} {time} 来自 某某日报`, `来自 某某之声`, `来自 新华社`)
/// rather than the client, app or device it was sent from (`来自
/// iPhone客户端`, `来自 某某新闻客户端`, `来自 微博视频号`): it reads as an
/// outlet's name, or an agency's (`…社`, as a wire dateline names it), and
/// holds no device's or client's word, since a news app's name ends as an
/// outlet's does (`…客户端`). Only here does `社` make an outlet: elsewhere
/// a club's or a travel agency's handle ends in it too (`某某摄影社`).
/// `name` is Simplified.
pub(crate) fn names_outlet_not_device(name: &[char]) -> bool {
    let agency = name.len() >= 3 && name.last() == Some(&'社') && names_source(name);
    let lower: Vec<char> = name.iter().flat_map(|c| c.to_lowercase()).collect();
    (names_outlet(name) || agency)
        && !words()
            .device
            .iter()
            .any(|d| lower.windows(d.len()).any(|x| x == d.as_slice()))
}

/// A dateline's lead naming its outlet, as a paper or a site prints it
/// before the date in a byline (`某某网讯 {date}`, `某某日报讯`, `明报专讯`;
/// bracketed in the body's first line it is read by
/// `offer_bracketed_dateline`): the length of the name before `讯`, when
/// that name reads as an outlet's or is the page's own (`本报讯`). A
/// person's name may end in 讯 too, so nothing else before it counts.
fn dateline_cue(token: &[char]) -> Option<usize> {
    let cut = ["专讯", "讯"]
        .iter()
        .map(|w| w.chars().collect::<Vec<char>>())
        .find(|w| ends_with(token, w))
        .map(|w| token.len() - w.len())?;
    let name = &token[..cut];
    let own = words().not_credit.iter().any(|n| n.as_slice() == name);
    (name.len() >= 2 && (names_outlet(name) || own)).then_some(cut)
}

/// Whether a field names an outlet, by its name or as a dateline's lead
/// (`某某网讯`): no poster's handle.
fn names_outlet_or_cue(token: &[char]) -> bool {
    names_outlet(token) || dateline_cue(token).is_some()
}

/// What the furniture lines of a page credit, best rank first.
#[derive(Debug, Default)]
pub struct Credited {
    author: Option<(u8, String)>,
    editor: Option<String>,
    source: Option<(u8, String)>,
}

impl Credited {
    /// Offers one removed furniture line: `orig` as kept, `simple` its
    /// Simplified form, `reason` its class, `in_body` whether the body has
    /// begun above it. Captions credit photos and related lists are
    /// other pages' headlines, so neither is read; a byline set off by bars
    /// may have been read as a navigation trail, so those are. A legal
    /// line mostly speaks of authors and sources in general (`本文仅代表
    /// 作者观点`), but a repost notice names them (`文章来源于公众号「…」，
    /// 作者…`): what it names comes after every other line's credits.
    ///
    /// `is_word` says whether a string is a word of the dictionary: a
    /// place or section name (`北京`, `国际`) before a date names no poster.
    pub fn offer(
        &mut self,
        orig: &str,
        simple: &str,
        reason: Reason,
        in_body: bool,
        is_word: &dyn Fn(&str) -> bool,
    ) {
        if !matches!(
            reason,
            Reason::Byline
                | Reason::ForumChrome
                | Reason::SiteChrome
                | Reason::Navigation
                | Reason::RepeatedBoilerplate
                | Reason::Decoration
                | Reason::Legal
        ) {
            return;
        }
        let oc: Vec<char> = orig.chars().collect();
        let sc: Vec<char> = simple.chars().collect();
        // Names keep the line's own chars; labels are read from the
        // Simplified form when the two align char for char.
        let sc = if sc.len() == oc.len() { sc } else { oc.clone() };
        let value = |a: usize, b: usize| oc[a..b].iter().collect::<String>();
        let mut found = Found::default();
        read_roles(&sc, reason, &mut found);
        read_written_by(&sc, &mut found);
        read_sources(&sc, reason == Reason::Legal, &mut found);
        if reason == Reason::Legal {
            // A footer's menu names roles too, between bars (`诗文 | 作者 |
            // 古籍`), where a notice names a person (`版权归作者 某某 所有`).
            found.author.retain(|&(_, a, _)| !barred_before(&sc, a));
            for (rank, _, _) in found.author.iter_mut().chain(found.source.iter_mut()) {
                *rank += FROM_LEGAL;
            }
            found.editor = None;
        } else if !in_body || posted_line(&sc) {
            let first_date = dates(&sc.iter().collect::<String>()).into_iter().next();
            read_post(&sc, reason, first_date.as_ref(), is_word, &mut found);
            read_latin_by(&sc, &mut found);
            if reason == Reason::Byline && first_date.is_some() {
                read_outlet_alone(&sc, &mut found);
            }
        }
        self.take(found, &value);
    }

    /// Keeps what `found` credits where it ranks better than what the
    /// lines before it credited; `value` gives a span's text.
    fn take(&mut self, found: Found, value: &dyn Fn(usize, usize) -> String) {
        for (rank, a, b) in found.author {
            if self.author.as_ref().is_none_or(|(r, _)| rank < *r) {
                self.author = Some((rank, value(a, b)));
            }
        }
        if self.editor.is_none() {
            self.editor = found.editor.map(|(a, b)| value(a, b));
        }
        for (rank, a, b) in found.source {
            if self.source.as_ref().is_none_or(|(r, _)| rank < *r) {
                self.source = Some((rank, value(a, b)));
            }
        }
    }

    /// Offers a removed furniture line of the page's head that holds
    /// nothing but a handle (`暖阳下的猫咪酱2019`, `渔家傲_1983`), as
    /// social and forum pages print their poster's name on a line of its
    /// own. Its place makes it the poster's: the line under it opens with
    /// the post's date or time (`24-3-15 08:42 来自…`, `昨天 23:51`), or
    /// with a profile's button, level or counter (`关注`, `Lv6`, `级别:
    /// 骑士`), also past a one-line bio (`某某` / `某公司后端开发，十年码龄` /
    /// `1,203 人赞同了该回答`); or the line over it is a post header (`楼主 |
    /// 发表于 {date}`);
    /// or the classifier placed it as a poster's name; or the line places
    /// it itself (see `handle_range`: a time, a day, a profile's counter,
    /// a creator's badge or a mark after it, an `@` before it). A
    /// dictionary word is a section or site name, not a handle (`国际` over
    /// a date line), and a chrome phrase of the lexicon, a label, a role, a
    /// posting verb, a date or a counter is no handle either (a floor mark
    /// before the handle is passed over: `[楼主] 某某`). It ranks after
    /// every labelled credit and every post header's poster; a handle that
    /// nothing places but its shape (`tiger916`) ranks last of all.
    pub fn offer_handle_line(&mut self, line: &HandleLine<'_>, is_word: &dyn Fn(&str) -> bool) {
        let orig: Vec<char> = line.orig.trim().chars().collect();
        let simple: Vec<char> = line.simple.trim().chars().collect();
        let simple = if simple.len() == orig.len() {
            simple
        } else {
            orig.clone()
        };
        let range = handle_range(&simple);
        let (start, end) = (range.start, range.end);
        let token = &orig[start..end];
        let simple_token: String = simple[start..end].iter().collect();
        let handle_chars = token
            .iter()
            .all(|&c| c.is_alphanumeric() || "_-.·・°".contains(c));
        // A date, a time or a counter is no handle (`8月24日 21:52`,
        // `6975次播放 · 10-08`, `已有559人参与`); a handle's digits end it
        // or stand before a mark (`小猫2019`, `石头_74`).
        let numeric = token.first().is_some_and(char::is_ascii_digit)
            || token
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && is_han(w[1]));
        if !handle_chars
            || numeric
            || token.len() < 2
            || !names_person(token, true)
            || names_outlet_or_cue(token)
            || is_floor(token)
            || holds_role(&simple[start..end])
            || words()
                .post_verb
                .iter()
                .any(|v| ends_with(&simple[start..end], v))
            || is_word(&simple_token)
            || line
                .rule
                .strip_prefix("lexicon:")
                .is_some_and(|phrase| simple_token.contains(phrase))
        {
            return;
        }
        let placed = range.placed
            || line.rule.contains("poster's name")
            || line
                .below
                .is_some_and(|b| opens_with_when_or_profile(b) || is_post_header(b))
            || (line.below.is_some_and(is_bio)
                && line.below_bio.is_some_and(opens_with_when_or_profile))
            || line
                .above
                .is_some_and(|a| is_post_header(a) || is_when_only(a));
        let rank = if placed {
            BY_HANDLE_LINE
        } else if handle_shaped(token) {
            BY_HANDLE_SHAPE
        } else {
            return;
        };
        let found = Found {
            author: vec![(rank, 0, token.len())],
            ..Found::default()
        };
        self.take(found, &|a, b| token[a..b].iter().collect());
    }

    /// Offers the first paragraph of the body, where a wire story names
    /// its reporter in its dateline (`新华社郑州3月8日电（记者 赵文博）`,
    /// `本报讯（记者 某某）`): a reporter or correspondent bracketed right
    /// after `电` or `讯`, near the paragraph's start. It ranks as the
    /// role it names, after the furniture's credits of the same rank.
    pub fn offer_dateline(&mut self, orig: &str, simple: &str) {
        let oc: Vec<char> = orig.chars().take(DATELINE_MAX_CHARS).collect();
        let sc: Vec<char> = simple.chars().take(DATELINE_MAX_CHARS).collect();
        let sc = if sc.len() == oc.len() { sc } else { oc.clone() };
        self.offer_bracketed_dateline(&oc, &sc);
        self.offer_wire_outlet(&oc, &sc);
        let Some(open) = sc
            .windows(2)
            .position(|w| matches!(w[0], '电' | '讯') && matches!(w[1], '（' | '('))
        else {
            return;
        };
        let Some(close) = sc[open..]
            .iter()
            .position(|&c| matches!(c, '）' | ')'))
            .map(|k| open + k)
        else {
            return;
        };
        let mut found = Found::default();
        read_roles(&sc[..close], Reason::Byline, &mut found);
        found
            .author
            .retain(|&(r, a, _)| a > open && matches!(r, BY_REPORTER | BY_CORRESPONDENT));
        found.editor = None;
        found.source.clear();
        self.take(found, &|a, b| oc[a..b].iter().collect());
    }

    /// A wire dateline opening the body names its agency or site before
    /// the place (`新华社郑州3月8日电`, `中新网上海12月2日电`): the source,
    /// as an outlet named beside its reporter ranks. The outlet is the
    /// longest head of the text before the month that ends as a news
    /// outlet's name does (`…社`, `…网`, `…报`), with at most a city's
    /// name after it.
    fn offer_wire_outlet(&mut self, oc: &[char], sc: &[char]) {
        let lead = sc.iter().take_while(|&&c| is_han(c)).count();
        let rest = &sc[lead..];
        let month = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let day_at = month + 1;
        let day = rest
            .get(day_at..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        let wired = (1..=2).contains(&month)
            && rest.get(month) == Some(&'月')
            && (1..=2).contains(&day)
            && rest.get(day_at + day..day_at + day + 2) == Some(&['日', '电'][..]);
        if !wired || lead < 2 {
            return;
        }
        let head = &sc[..lead];
        let outlet_end = (2..=lead.min(DATELINE_OUTLET_MAX_CHARS)).rev().find(|&k| {
            lead - k <= WIRE_PLACE_MAX_CHARS
                && (head[k - 1] == '社' || names_outlet(&head[..k]))
                && names_source(&head[..k])
        });
        if let Some(k) = outlet_end {
            let found = Found {
                source: vec![(FROM_OUTLET, 0, k)],
                ..Found::default()
            };
            self.take(found, &|a, b| oc[a..b].iter().collect());
        }
    }

    /// A paper's own dateline in brackets opening the body (`【明報專訊】`,
    /// `【某某日报讯】`) names the paper: the source, as an outlet named
    /// beside its reporter ranks. `oc` and `sc` are the paragraph's head
    /// as written and in Simplified form.
    fn offer_bracketed_dateline(&mut self, oc: &[char], sc: &[char]) {
        if sc.first() != Some(&'【') {
            return;
        }
        let Some(close) = sc.iter().position(|&c| c == '】') else {
            return;
        };
        let inner = &sc[1..close];
        let Some(cut) = ["专讯", "讯", "电"]
            .iter()
            .map(|w| w.chars().collect::<Vec<char>>())
            .find(|w| ends_with(inner, w))
            .map(|w| inner.len() - w.len())
        else {
            return;
        };
        let name = &inner[..cut];
        if (2..=DATELINE_OUTLET_MAX_CHARS).contains(&name.len())
            && names_source(name)
            && name.iter().all(|&c| is_han(c))
        {
            let found = Found {
                source: vec![(FROM_OUTLET, 1, 1 + cut)],
                ..Found::default()
            };
            self.take(found, &|a, b| oc[a..b].iter().collect());
        }
    }

    /// Fills the fields of `meta` not already set.
    pub fn fill(self, meta: &mut Metadata) {
        if meta.author.is_none() {
            meta.author = self.author.map(|(_, v)| v);
        }
        if meta.editor.is_none() {
            meta.editor = self.editor;
        }
        if meta.source_site.is_none() {
            meta.source_site = self.source.map(|(_, v)| v);
        }
    }
}

/// The longest paper's name read in a bracketed dateline (`【明報專訊】`).
/// The most chars of the place a wire dateline names after its outlet.
const WIRE_PLACE_MAX_CHARS: usize = 4;
const DATELINE_OUTLET_MAX_CHARS: usize = 8;

/// How far into the first paragraph a wire story's dateline is read.
const DATELINE_MAX_CHARS: usize = 40;

/// A removed furniture line of the page's head and its neighbours, for
/// [`Credited::offer_handle_line`].
pub struct HandleLine<'a> {
    /// The line as kept, and in Simplified form.
    pub orig: &'a str,
    pub simple: &'a str,
    /// The rule that removed it.
    pub rule: &'a str,
    /// The line over it and the line under it, in Simplified form.
    pub above: Option<&'a str>,
    pub below: Option<&'a str>,
    /// The line under `below`, in Simplified form: read where `below` is
    /// the poster's one-line bio (see [`is_bio`]).
    pub below_bio: Option<&'a str>,
}

/// The longest line read as a poster's one-line bio.
const BIO_MAX_CHARS: usize = 30;

/// The longest descriptor of a bio, between its separators.
const BIO_PIECE_MAX_CHARS: usize = 12;

/// Whether a line reads as a poster's one-line bio under the name on a Q&A
/// or column page (`某互联网公司后端开发，十年码龄`, `教育学硕士在读 / 前外贸
/// 业务员`): short descriptors set apart by a comma, a slash, a bar or a
/// dot, no end mark, no quote and no date. A headline with a comma has a
/// clause longer than a descriptor, or quotes (`考前一个月，我用“费曼学习法”
/// 把物理从60分拉到了85分`). `s` is Simplified.
fn is_bio(s: &str) -> bool {
    const SEPARATORS: [char; 6] = ['，', ',', '/', '|', '｜', '·'];
    let t = s.trim();
    t.chars().count() <= BIO_MAX_CHARS
        && t.contains(SEPARATORS)
        && t.split(SEPARATORS)
            .all(|p| p.trim().chars().count() <= BIO_PIECE_MAX_CHARS)
        && !t.contains(['“', '”', '"', '《', '「'])
        && !t.ends_with(['。', '！', '？', '!', '?'])
        && dates(t).is_empty()
}

/// Whether a line opens with a post's date or time (`2023-09-05 21:14`,
/// `24-3-15 08:42`, `昨天 23:51`, `14 小时`), or with a word of a
/// profile block (`关注`, `Lv6`, `级别:`, `@handle`). `s` is Simplified.
fn opens_with_when_or_profile(s: &str) -> bool {
    let s = s.trim();
    if dates(s).first().is_some_and(|d| d.at == 0) {
        return true;
    }
    let c: Vec<char> = s.chars().collect();
    // Digits and date marks, then a clock time (`24-3-15 08:42`).
    let lead = c
        .iter()
        .take_while(|&&x| x.is_ascii_digit() || "-/.年月日 ".contains(x))
        .count();
    let clock = |at: usize| {
        let d = c[at..].iter().take_while(|x| x.is_ascii_digit()).count();
        (1..=2).contains(&d) && c.get(at + d) == Some(&':') && {
            let m = c[at + d + 1..]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count();
            m == 2
        }
    };
    if (0..=lead).any(|at| (at == 0 || !c[at - 1].is_ascii_digit()) && clock(at)) {
        return true;
    }
    let low: Vec<char> = s.to_lowercase().chars().collect();
    if ["昨天", "今天", "前天", "刚刚"]
        .iter()
        .any(|w| s.starts_with(w))
    {
        return true;
    }
    // `14 小时`, `3分钟前`, and a day without its year (`3月14日`).
    let digits = low.iter().take_while(|x| x.is_ascii_digit()).count();
    let after: Vec<char> = low[digits..]
        .iter()
        .copied()
        .skip_while(|x| x.is_whitespace())
        .collect();
    let after_text: String = after.iter().take(2).collect();
    if digits > 0
        && ["秒", "分钟", "小时", "天前"]
            .iter()
            .any(|u| after_text.starts_with(u))
    {
        return true;
    }
    if (1..=2).contains(&digits) && after.first() == Some(&'月') {
        let day = after[1..].iter().take_while(|x| x.is_ascii_digit()).count();
        // Standing alone or before the time or place, not opening a
        // sentence (`1月20日，广东省…`).
        let next = after.get(2 + day);
        if (1..=2).contains(&day)
            && matches!(after.get(1 + day), Some('日' | '号'))
            && next.is_none_or(|x| x.is_whitespace() || matches!(x, '·' | '|'))
        {
            return true;
        }
    }
    // A profile's word, or a counter before one (`124粉丝`, `1.2万 粉丝`).
    let counter = low
        .iter()
        .take_while(|x| x.is_ascii_digit() || matches!(x, '.' | ',' | '万' | 'w' | 'k'))
        .count();
    let profile_at = |at: usize| {
        let mut at = at;
        while low.get(at).is_some_and(|x| x.is_whitespace()) {
            at += 1;
        }
        words().profile.iter().any(|w| starts_with(&low[at..], w))
    };
    // A follow button may print its plus apart (`+ 关注 12.6万`).
    let plus = low
        .iter()
        .take_while(|x| matches!(x, '+' | '＋') || x.is_whitespace())
        .count();
    profile_at(0)
        || (plus > 0 && profile_at(plus))
        || (counter > 0 && low[0].is_ascii_digit() && profile_at(counter))
}

/// Where a handle line's handle is, and whether the line itself places
/// it as a poster's.
struct HandleRange {
    start: usize,
    end: usize,
    placed: bool,
}

/// Where a handle line's handle is, as a char range of its Simplified
/// form `simple`: less a floor mark or an `@` before it (`[楼主] 某某`,
/// `樓主 某某`, `@某某`), and what follows it after a space, a dot or a
/// bar where that is a level badge, a bracketed account id, a
/// verification mark (`某某 LV.9`, `某某 (agaga2013)`, `某某 ✓`) or the
/// post's time or the profile's button or counter (`某某 · 关注`, `某某
/// · 124粉丝`, `某某　12:49　赣州`). An `@` before the handle, a mark or
/// a time or a profile's word after it place it as the poster's: a
/// section or site name is written with none of them.
fn handle_range(simple: &[char]) -> HandleRange {
    let c = simple;
    let floor = words().floor.iter().find_map(|f| {
        let at = usize::from(matches!(c.first(), Some('[' | '【')));
        let end = at + f.len();
        let closed = match c.get(end) {
            Some(']' | '】') => at == 1,
            Some(x) => at == 0 && x.is_whitespace(),
            None => false,
        };
        (starts_with(&c[at..], f) && closed).then_some(end + at)
    });
    // A group post's label before its poster (`来自： 某某`).
    let from_label = ["来自：", "来自:"]
        .iter()
        .map(|p| p.chars().collect::<Vec<char>>())
        .find(|p| starts_with(c, p))
        .map(|p| p.len());
    let mut start = floor.or(from_label).unwrap_or(0);
    while c.get(start).is_some_and(|x| x.is_whitespace()) {
        start += 1;
    }
    let mut placed = false;
    if floor.is_none() && c.get(start) == Some(&'@') {
        start += 1;
        placed = true;
    }
    let mut end = c.len();
    // What follows the first space, dot, bar or bracket may be a badge,
    // an id, a time or a profile's word.
    if let Some(k) = c[start..]
        .iter()
        .position(|&x| x.is_whitespace() || matches!(x, '(' | '（' | '·' | '|' | '｜'))
        .map(|k| start + k)
    {
        let rest: String = c[k..]
            .iter()
            .collect::<String>()
            .trim_start_matches(|x: char| x.is_whitespace() || "·|｜".contains(x))
            .to_lowercase();
        let bracket = matches!(c[k], '(' | '（') || rest.starts_with(['(', '（']);
        let badge = rest.starts_with("lv") || bracket;
        let mark = !rest.is_empty()
            && rest
                .chars()
                .all(|x| x.is_whitespace() || is_badge_mark(x) || x == '\u{fe0f}');
        let badge_title = rest.chars().count() <= BADGE_MAX_CHARS && {
            let r: Vec<char> = rest.chars().collect();
            words().badge.iter().any(|w| ends_with(&r, w))
        };
        let inline = !bracket && (opens_with_when_or_profile(&rest) || badge_title);
        if (badge || mark || inline) && k > start {
            end = k;
            placed |= mark || inline;
        }
    }
    HandleRange { start, end, placed }
}

/// The longest creator's title read after a handle (`优质美食领域创作者`).
const BADGE_MAX_CHARS: usize = 12;

/// Whether a handle is shaped as only handles are: Latin letters or an
/// underscore with two digits or more (`tiger916`, `小猫_18`), which no
/// section, site or menu name is.
fn handle_shaped(token: &[char]) -> bool {
    let digits = token.iter().filter(|c| c.is_ascii_digit()).count();
    let letters = token.iter().filter(|c| c.is_ascii_alphabetic()).count();
    digits >= 2 && (letters >= 2 || token.contains(&'_'))
}

/// Whether `c` is a verification or fan badge's mark: a dingbat or an
/// emoji (`✓`, `✔`, `🌟`), not punctuation, which a menu's arrows are.
fn is_badge_mark(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F300}'..='\u{1FAFF}')
}

/// Whether a line holds a date or a time and nothing else (`2023-10-21
/// 16:47`). `s` is Simplified.
fn is_when_only(s: &str) -> bool {
    let s = s.trim();
    dates(s)
        .first()
        .is_some_and(|d| d.at == 0 && s.chars().skip(d.end).all(char::is_whitespace))
}

/// Whether a line is a post header: a floor mark or a posting verb, and a
/// date (`楼主 | 发表于 2024-02-26 19:44`). `s` is Simplified.
/// A paragraph is none, though it may hold a date and `于` (`本院于2017年
/// 6月16日立案`): a header is short, and its verb is more than `于`.
fn is_post_header(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    let w = words();
    c.len() <= POST_HEADER_MAX_CHARS
        && !dates(s).is_empty()
        && (!occurrences(&c, &w.floor).is_empty()
            || occurrences(&c, &w.post_verb)
                .iter()
                .any(|&(a, b)| b - a >= 2))
}

/// The longest line read as a post header.
const POST_HEADER_MAX_CHARS: usize = 60;

/// Whether a bar stands between the name at `a` and the word before it.
fn barred_before(s: &[char], a: usize) -> bool {
    let gap_start = s[..a]
        .iter()
        .rposition(|&c| is_han(c) || c.is_alphanumeric())
        .map_or(0, |k| k + 1);
    s[gap_start..a].iter().any(|&c| matches!(c, '|' | '｜'))
}

/// The credits of one line, as (rank, start, end) char spans.
#[derive(Default)]
struct Found {
    author: Vec<(u8, usize, usize)>,
    editor: Option<(usize, usize)>,
    source: Vec<(u8, usize, usize)>,
}

/// Whether the label at `at` credits a picture (`图片来源`, `图文来源`,
/// `图文编辑`).
fn credits_a_picture(s: &[char], at: usize) -> bool {
    let before = &s[..at];
    ends_with(before, &['图'])
        || ends_with(before, &['图', '片'])
        || ends_with(before, &['图', '文'])
}

/// Whether the role at `at`, with its name ending at `name_end`, credits
/// a photographer: `摄` after the name (`记者 某某/摄`, `某某 拍摄`), or `图`
/// in the role's own field (`[图]本报记者 某某`).
fn credits_a_photo(s: &[char], at: usize, name_end: usize) -> bool {
    let after: Vec<char> = s[name_end..]
        .iter()
        .copied()
        .filter(|&c| !c.is_whitespace() && c != '/')
        .take(3)
        .collect();
    // The next field's label is no credit of this one (`撰稿：某某 摄影：某某`).
    let next_label = matches!(after.as_slice(), ['摄', '影', '：' | ':']);
    if (after.first() == Some(&'摄') && !next_label) || after.starts_with(&['拍', '摄']) {
        return true;
    }
    s[..at]
        .iter()
        .rev()
        .take_while(|&&c| !c.is_whitespace() && !matches!(c, '|' | '｜' | '，' | '：' | ':'))
        .any(|&c| c == '图')
}

/// Names after roles (`记者 张三`, `作者：leo8`, `责任编辑：李四`), and the
/// outlet a reporter writes for (`某某日报全媒记者 王莹`).
fn read_roles(s: &[char], reason: Reason, found: &mut Found) {
    let w = words();
    // (role words, author rank or `None` for an editor, whether the word
    // is a label only where a field starts: `文/`, `文｜`, since `收藏本文 |
    // 打印` holds `文 |`).
    type Role<'w> = (&'w [Vec<char>], Option<u8>, bool);
    let roles: [Role<'_>; 5] = [
        (&w.reporter, Some(BY_REPORTER), false),
        (&w.author, Some(BY_AUTHOR_ROLE), false),
        (&w.field_author, Some(BY_AUTHOR_ROLE), true),
        (&w.correspondent, Some(BY_CORRESPONDENT), false),
        (&w.editor, None, false),
    ];
    let mut all: Vec<(usize, usize, Option<u8>)> = Vec::new();
    for (list, rank, at_field_start) in roles {
        all.extend(
            occurrences(s, list)
                .into_iter()
                .filter(|&(a, _)| {
                    !at_field_start || a == 0 || ends_field(s[a - 1]) || leads_credit(s[a - 1])
                })
                .map(|(a, b)| (a, b, rank)),
        );
    }
    all.sort_unstable();
    let mut taken_to = 0;
    for (at, end, rank) in all {
        // A role inside a longer one (`编辑` of `责任编辑`), or one that
        // credits a picture (`图文`, `图片来源`), names no writer.
        // A button (`只看该作者`) or a post's state (`已编辑`) names no one
        // either.
        if at < taken_to || credits_a_picture(s, at) || (at > 0 && matches!(s[at - 1], '该' | '已'))
        {
            continue;
        }
        // A reply's header (`作者：某某 回复日期：…`) names the reply's
        // poster, not the text's writer.
        if rank.is_some() && !occurrences(s, &w.reply).is_empty() {
            continue;
        }
        taken_to = end;
        let (a, b, separated) = field_after(s, end, &w.name_prefix);
        // A role word that holds its colon (`楼主：`) sets the name off too.
        let separated = separated || matches!(s[end - 1], '：' | ':');
        if !names_person(&s[a..b], separated) || credits_a_photo(s, at, b) {
            continue;
        }
        // In a menu the role is an item beside other items (`诗文 名句
        // 作者 古籍`): there only a mark after it (`作者：`, `作者丨`) makes
        // it a label.
        let marked = leads_credit(s[end - 1]) || s[end..a].iter().any(|c| !c.is_whitespace());
        if reason == Reason::Navigation && !marked {
            continue;
        }
        match rank {
            Some(r) => found.author.push((r, a, b)),
            None => {
                found.editor.get_or_insert((a, b));
            }
        }
        if rank == Some(BY_REPORTER) {
            if let Some((oa, ob)) = outlet_before(s, at) {
                found.source.push((FROM_OUTLET, oa, ob));
            }
        }
    }
}

/// A writer named between a lead and a verb of writing, as blog themes'
/// licence lines and sites' reprint notes credit one (`本文由 某某 创作，采用
/// …许可协议`, `此文由某某原创`): the words of credits.txt, kinds
/// `written_by` and `written_verb`. Ranks as a writer's role.
fn read_written_by(s: &[char], found: &mut Found) {
    let w = words();
    for (_, end) in occurrences(s, &w.written_by) {
        let Some(verb) = (end..s.len().min(end + CREDIT_MAX_CHARS + 2))
            .find(|&k| w.written_verb.iter().any(|v| starts_with(&s[k..], v)))
        else {
            continue;
        };
        let (mut a, mut b) = (end, verb);
        while a < b && s[a].is_whitespace() {
            a += 1;
        }
        while b > a && s[b - 1].is_whitespace() {
            b -= 1;
        }
        let separated = a > end || b < verb;
        if names_person(&s[a..b], separated) && !is_not_credit(&s[a..b]) {
            found.author.push((BY_AUTHOR_ROLE, a, b));
        }
    }
}

/// A writer named after an English `by` in a page's head, as blog themes
/// print their post lines (`By 某某 | {date}`, `{date} by 某某`, `Posted by
/// 某某 on {date}`). The word must stand as a field of its own with no
/// English word before it but a verb of writing or posting, so a theme's
/// credit (`Powered by WordPress`, `Photo by 某某`) names no one.
fn read_latin_by(s: &[char], found: &mut Found) {
    const WRITING_VERBS: [&str; 4] = ["posted", "written", "published", "authored"];
    let all = fields(s, 0, s.len());
    for (i, &(a, b)) in all.iter().enumerate() {
        if !is_latin_by(&s[a..b]) {
            continue;
        }
        let after_word = i > 0 && {
            let (pa, pb) = all[i - 1];
            let word = s[pa..pb].iter().collect::<String>().to_ascii_lowercase();
            word.chars().all(|c| c.is_ascii_alphabetic()) && !WRITING_VERBS.contains(&word.as_str())
        };
        if after_word {
            continue;
        }
        if let Some(&(na, nb)) = all.get(i + 1) {
            if names_person(&s[na..nb], true) && !names_outlet(&s[na..nb]) {
                found.author.push((BY_AUTHOR_ROLE, na, nb));
            }
        }
    }
}

/// Whether a field is an English preposition of a post line (`Posted on
/// {date}`, `at`, `in`), in any case.
fn is_latin_particle(token: &[char]) -> bool {
    let word = token.iter().collect::<String>().to_ascii_lowercase();
    matches!(word.as_str(), "on" | "at" | "in")
}

/// Whether a line is a blog's post line (`posted @ {date} 某某 阅读(312)`),
/// which cnblogs prints under the post: it opens on an English post cue of
/// credits.txt, which after the body still names the post's writer, as no
/// reply's header is worded so.
fn posted_line(s: &[char]) -> bool {
    words().post_cue.iter().any(|cue| {
        cue.iter().all(char::is_ascii_alphabetic)
            && s.len() >= cue.len()
            && s.iter().zip(cue).all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// Whether a field is the English word `by`, in any case.
fn is_latin_by(token: &[char]) -> bool {
    matches!(token, [b, y] if b.eq_ignore_ascii_case(&'b') && y.eq_ignore_ascii_case(&'y'))
}

/// The outlet named just before a reporter's role at `at`: the text back
/// to the field's start (a slash stays: `某日报/某网记者`), less a
/// qualifier (`全媒`), when it reads as an outlet's name.
fn outlet_before(s: &[char], at: usize) -> Option<(usize, usize)> {
    // `聯合報／記者某某`: the outlet is the field before the slash.
    let at = if at > 0 && matches!(s[at - 1], '/' | '／') {
        at - 1
    } else {
        at
    };
    let mut a = at;
    while a > 0 && (s[a - 1] == '/' || !ends_field(s[a - 1])) {
        a -= 1;
    }
    // An e-paper's byline opens on a box (`□本报记者 某某`): no outlet's.
    while a < at && !(is_han(s[a]) || s[a].is_alphanumeric()) {
        a += 1;
    }
    let mut b = at;
    while let Some(t) = words()
        .outlet_tail
        .iter()
        .find(|t| b >= a + t.len() && ends_with(&s[a..b], t))
    {
        b -= t.len();
    }
    let name = &s[a..b];
    let last_part = name.rsplit(|&c| c == '/').next().unwrap_or(name);
    names_outlet(last_part).then_some((a, b))
}

/// Sources after their labels (`来源：某某日报`, `转载自 @某某`,
/// `文章来源于公众号「某某」`), and an outlet in brackets before the date
/// that opens a byline (`【某某日报】2020-05-06`). `legal` says the line is
/// a legal notice, whose prose uses the labels' nouns as words.
fn read_sources(s: &[char], legal: bool, found: &mut Found) {
    let w = words();
    for (at, end) in occurrences(s, &w.source) {
        if credits_a_picture(s, at) {
            continue;
        }
        // In a legal notice's prose a label's noun set inside a phrase
        // labels nothing (`转载请附上原文出处链接和本声明`): Han chars on both
        // sides of it, no colon. A label ending in its preposition
        // (`文章来源于公众号…`, `转自…`) reads on into its source.
        let han_at = |k: Option<usize>| k.and_then(|k| s.get(k)).is_some_and(|&c| is_han(c));
        let prepositional = end >= 1 && matches!(s[end - 1], '于' | '自' | '了');
        if legal && !prepositional && han_at(at.checked_sub(1)) && han_at(Some(end)) {
            continue;
        }
        let (a, b, _) = field_after(s, end, &w.source_prefix);
        if names_source(&s[a..b]) {
            found.source.push((FROM_LABEL, a, b));
        }
    }
    if s.first() == Some(&'【') {
        if let Some(close) = s.iter().position(|&c| c == '】') {
            let rest: String = s[close + 1..].iter().collect();
            let dated = dates(&rest).first().is_some_and(|d| {
                s[close + 1..close + 1 + d.at]
                    .iter()
                    .all(|c| c.is_whitespace())
            });
            if dated && names_source(&s[1..close]) {
                found.source.push((FROM_OUTLET, 1, close));
            }
        }
    }
}

/// The fields of `s[a..b]`, as spans.
fn fields(s: &[char], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        if ends_field(s[i]) || s[i] == '@' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b && !ends_field(s[i]) && s[i] != '@' {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

/// The poster a post header or post line names by its date: the handle
/// before a posting verb (`某某 发表于 {date}`, `某某 于 {date} 发布`) or,
/// on a forum post header, before the date itself (`12# 某某 {date}`,
/// `楼主 某某 发表于`); the handle after the date where a cue word stands
/// before it (`posted @ {date} {time} 某某`, `原创 {date} · 某某`); and
/// a WeChat header's author and account (`原创 某某 某某号 {date}`).
fn read_post(
    s: &[char],
    reason: Reason,
    date: Option<&FoundDate>,
    is_word: &dyn Fn(&str) -> bool,
    found: &mut Found,
) {
    let w = words();
    let is_cue = |(a, b): (usize, usize)| w.post_cue.iter().any(|c| c.as_slice() == &s[a..b]);
    let all = fields(s, 0, s.len());
    // A WeChat header names its author, then its account, before any
    // date (`原创 某某 某某号 {date}`); with one name before the date, that
    // is the account (`原创 某某号 {date}`); with no date, the name after
    // the cue is the author (`原创 某某 · 来源：…`).
    if let [cue, (a, b), rest @ ..] = all.as_slice() {
        // `Posted by 某某 on {date}` is read by `read_latin_by`, and
        // `Posted on {date}` names no one.
        if is_cue(*cue)
            && !is_latin_by(&s[*a..*b])
            && !is_latin_particle(&s[*a..*b])
            && date.as_ref().is_none_or(|d| d.at >= *b)
        {
            let before_date =
                |&(_, end): &(usize, usize)| date.as_ref().is_some_and(|d| end <= d.at);
            let (author, account) = match rest.first() {
                Some(next) if before_date(next) => (Some((*a, *b)), Some(*next)),
                _ if date.is_some() => (None, Some((*a, *b))),
                _ => (Some((*a, *b)), None),
            };
            if let Some((a, b)) = author {
                if names_person(&s[a..b], true) && !names_outlet_or_cue(&s[a..b]) {
                    found.author.push((BY_POSTER, a, b));
                }
            }
            if let Some((a, b)) = account {
                if names_source(&s[a..b]) {
                    found.source.push((FROM_OUTLET, a, b));
                }
            }
            return;
        }
    }
    let Some(date) = date else {
        return;
    };
    let mut left_end = date.at;
    while left_end > 0 && leads_credit(s[left_end - 1]) {
        left_end -= 1;
    }
    let dotted = s[left_end..date.at].contains(&'·');
    let verb = w
        .post_verb
        .iter()
        .find(|v| ends_with(&s[..left_end], v))
        .map(Vec::len);
    if let Some(n) = verb {
        left_end -= n;
    }
    let mut left = fields(s, 0, left_end);
    // A platform's name between the account and the date (`某某 百家号
    // {date}`) leaves the account alone before it.
    if let [_, (a, b)] = left.as_slice() {
        if w.platform.iter().any(|p| p.as_slice() == &s[*a..*b]) {
            left.pop();
        }
    }
    let floored = left.first().is_some_and(|&(a, b)| is_floor(&s[a..b]));
    match left.as_slice() {
        // `posted @ {date} {time} 某某`, `原创 {date} · 某某`.
        [.., last] if is_cue(*last) => {
            if let Some(&(a, b)) = fields(s, date.end, s.len()).first() {
                if names_person(&s[a..b], true) && !names_outlet_or_cue(&s[a..b]) {
                    found.author.push((BY_POSTER, a, b));
                }
            }
        }
        // `某某 发表于 {date}`, `12# 某某 {date}`, `楼主 某某 {date}`,
        // `某某 · {date}`, and any handle before the date of a forum
        // post header.
        [.., (a, b)]
            if verb.is_some()
                || reason == Reason::ForumChrome
                || (floored && left.len() >= 2)
                || (dotted && left.len() == 1) =>
        {
            let token = &s[*a..*b];
            if names_person(token, true) && !names_outlet_or_cue(token) && !is_floor(token) {
                found.author.push((BY_POSTER, *a, *b));
            }
        }
        // A handle alone before the date that opens a post line (`某某
        // 2024-01-09 12:37 · 湖北`), as blog, video and self-media pages
        // print it (a breadcrumb-like `某某 {date} · 科技 · 数码` too); a
        // dictionary word there is a place or a section.
        [(a, b)] => {
            let token = &s[*a..*b];
            let word = is_word(&token.iter().collect::<String>());
            // A bracketed name before a date is an outlet's (`【某某观察】
            // {date}`, read as the source).
            let bracketed = *a > 0 && matches!(s[*a - 1], '【' | '[' | '（' | '(' | '「' | '《');
            if names_person(token, true)
                && !names_outlet_or_cue(token)
                && !is_floor(token)
                && !holds_role(token)
                && !word
                && !bracketed
            {
                found.author.push((BY_POSTER, *a, *b));
            }
        }
        _ => {}
    }
}

/// A post's floor mark (`12#`, `#3楼`, `第5楼`, `楼主`).
fn is_floor(token: &[char]) -> bool {
    token.contains(&'#')
        || (token.last() == Some(&'楼') && token.iter().any(char::is_ascii_digit))
        || words().floor.iter().any(|f| f.as_slice() == token)
}

/// A dated byline's outlet named alone beside the date (`{date} {time}
/// 某某日报`, `某某新闻网 {date}`, `{date} 某某日报·某某网`: the first name,
/// the publisher, before its own site), or named by a dateline's lead
/// (`某某网讯 {date}`), which ranks as a bracketed outlet does.
fn read_outlet_alone(s: &[char], found: &mut Found) {
    let all = fields(s, 0, s.len());
    // After 来自 a post names the device or app it was sent from (`来自
    // iPhone客户端`), unless the name is an outlet's and no client's.
    let names_outlet_at = |k: usize| {
        let (a, b) = all[k];
        let after_from = k > 0 && {
            let (pa, pb) = all[k - 1];
            s[pa..pb].ends_with(&['来', '自'])
        };
        if after_from {
            names_outlet_not_device(&s[a..b])
        } else {
            names_outlet(&s[a..b])
        }
    };
    if let Some(&(a, b)) = (0..all.len())
        .find(|&k| names_outlet_at(k))
        .map(|k| &all[k])
    {
        found.source.push((FROM_BYLINE, a, b));
    }
    let cued = all
        .iter()
        .find_map(|&(a, b)| dateline_cue(&s[a..b]).map(|cut| (a, a + cut)));
    if let Some((a, b)) = cued.filter(|&(a, b)| names_source(&s[a..b])) {
        found.source.push((FROM_OUTLET, a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The credits read from lines offered in order, all from the page's
    /// head, as (author, editor, source).
    fn credits(lines: &[(&str, Reason)]) -> (Option<String>, Option<String>, Option<String>) {
        let mut c = Credited::default();
        for (l, r) in lines {
            c.offer(l, l, *r, false, &test_words);
        }
        let mut m = Metadata::default();
        c.fill(&mut m);
        (m.author, m.editor, m.source_site)
    }

    /// The metadata filled from lines offered as (as kept, Simplified,
    /// class, after the body began).
    fn offered(lines: &[(&str, &str, Reason, bool)]) -> Metadata {
        let mut c = Credited::default();
        for &(orig, simple, reason, in_body) in lines {
            c.offer(orig, simple, reason, in_body, &test_words);
        }
        let mut m = Metadata::default();
        c.fill(&mut m);
        m
    }

    /// A few dictionary words, for the rules that let a word name no one.
    fn test_words(w: &str) -> bool {
        ["北京", "国际", "首页", "财经"].contains(&w)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn reporters_editors_and_sources() {
        assert_eq!(
            credits(&[
                ("（通讯员 楼敏 记者 鲍蔓华）", Reason::Byline),
                ("编辑：实习生 李军（辅导老师：李敏杰）", Reason::Byline),
            ]),
            (s("鲍蔓华"), s("李军"), None)
        );
        assert_eq!(
            credits(&[
                ("2025-01-09 09:14:15 来源：浙江政协同心苑", Reason::Byline),
                ("标签：政协责任编辑：庞舒青", Reason::Byline),
            ]),
            (None, s("庞舒青"), s("浙江政协同心苑"))
        );
        // The outlet a reporter writes for is the source.
        assert_eq!(
            credits(&[("雅安日报/北纬网记者 唐小未", Reason::Byline)]),
            (s("唐小未"), None, s("雅安日报/北纬网"))
        );
        assert_eq!(
            credits(&[(
                "文字：三峡日报全媒记者 王莹 通讯员 郝明路 杨洲 图片：远安政协办公室提供",
                Reason::Byline
            )]),
            (s("王莹"), None, s("三峡日报"))
        );
        // Taiwan's wires set the reporter between full-width slashes.
        let m = offered(&[(
            "聯合報／記者陳怡如／台北即時報導",
            "联合报／记者陈怡如／台北即时报导",
            Reason::Byline,
            false,
        )]);
        assert_eq!((m.author, m.source_site), (s("陳怡如"), s("聯合報")));
    }

    #[test]
    fn blog_and_reprint_labels_name_their_fields() {
        // A blog's or a video site's poster, a drafter and a compiler.
        for line in [
            "发布者：林小舟 2023-12-02",
            "博主：林小舟 时间：2023-12-02",
            "上传者：林小舟 上传时间：2023-12-02",
            "撰稿：林小舟 审核：王大海 2023-12-02",
            "执笔：林小舟 2023-12-02",
            "整理：林小舟 2023-12-02",
            "林小舟 已于 2023-12-02 10:11:05 修改",
            "By 林小舟 | 2023年12月2日",
            "2023.12.02 by 林小舟",
            "Posted by 林小舟 on 2023-12-02",
            "Written by 林小舟 | 2023-12-02",
            "楼主：林小舟 时间：2023-12-02 10:11",
            "卖家：林小舟 · 杭州 · 信用极好 · 回复率98%",
        ] {
            assert_eq!(credits(&[(line, Reason::Byline)]).0, s("林小舟"), "{line}");
        }
        // A compiler is named only where no writer is.
        assert_eq!(
            credits(&[("作者：王大海 整理：林小舟", Reason::Byline)]).0,
            s("王大海")
        );
        // A thread's first poster by their floor's label, and a blog's post
        // line under the post.
        assert_eq!(
            credits(&[(
                "楼主：包子铺老陈 时间：2019-03-28 06:12:45 点击：48215",
                Reason::ForumChrome
            )])
            .0,
            s("包子铺老陈")
        );
        let m = offered(&[(
            "posted @ 2019-06-25 14:03 木头人code 阅读(3127) 评论(6)",
            "posted @ 2019-06-25 14:03 木头人code 阅读(3127) 评论(6)",
            Reason::ForumChrome,
            true,
        )]);
        assert_eq!(m.author, s("木头人code"));
        // A member's registration date names no poster.
        assert_eq!(
            credits(&[(
                "级别： 学徒 威望： 0 发帖： 128 注册： 2018-04-15",
                Reason::ForumChrome
            )])
            .0,
            None
        );
        // A note of first publication, the app a post was sent from: no
        // outlet.
        for line in [
            "于 2023-03-08 10:12:33 首次发布",
            "24-3-15 08:42 来自 iPhone客户端 已编辑",
        ] {
            assert_eq!(credits(&[(line, Reason::Byline)]).2, None, "{line}");
        }
        // A photographer's label after the writer's name labels the next
        // field.
        assert_eq!(
            credits(&[("（撰稿：林雨桐 摄影：陈晓宇 审核：周立新）", Reason::Byline)]).0,
            s("林雨桐")
        );
        // `Posted on {date}` names no one; an e-paper's box names no outlet.
        assert_eq!(
            credits(&[("Posted on 2021-02-17 | In 工具", Reason::Navigation)]),
            (None, None, None)
        );
        assert_eq!(
            credits(&[("□本报记者 马骁 文/图", Reason::Byline)]),
            (s("马骁"), None, None)
        );
        // An English word before `by` makes it a theme's or a photo's credit.
        for line in ["Powered by WordPress 2023-12-02", "Photo by Lin 2023-12-02"] {
            assert_eq!(credits(&[(line, Reason::Byline)]).0, None, "{line}");
        }
        // The English label, with its colon.
        assert_eq!(
            credits(&[("source: xinhua | 2023-12-02", Reason::Byline)]).2,
            s("xinhua")
        );
        // A reprint's print source and a supplying office are sources.
        assert_eq!(
            credits(&[("摘自：《新民晚报》2023-12-02", Reason::Byline)]).2,
            s("新民晚报")
        );
        assert_eq!(
            credits(&[("供稿：市文化馆 2023-12-02", Reason::Byline)]).2,
            s("市文化馆")
        );
    }

    #[test]
    fn bracketed_and_barred_labels_name_their_fields() {
        assert_eq!(
            credits(&[("【作者】张明 【来源】某市日报", Reason::Byline)]),
            (s("张明"), None, s("某市日报"))
        );
        assert_eq!(
            credits(&[("文｜李清  编辑｜王五", Reason::SiteChrome)]).0,
            s("李清")
        );
        assert_eq!(credits(&[("文 | 李清", Reason::SiteChrome)]).0, s("李清"));
        // `文` alone is no label, nor where a word ends in it.
        assert_eq!(
            credits(&[("收藏本文 | 打印 | 纠错", Reason::SiteChrome)]).0,
            None
        );
        assert_eq!(credits(&[("图文 | 李清", Reason::SiteChrome)]).0, None);
        assert_eq!(credits(&[("散文 李清", Reason::SiteChrome)]).0, None);
    }

    #[test]
    fn a_labelled_source_beats_an_outlet_named_alone() {
        assert_eq!(
            credits(&[("2020-05-06 10:00　某市日报", Reason::Byline)]),
            (None, None, s("某市日报"))
        );
        assert_eq!(
            credits(&[
                ("2020-05-06 10:00　某市日报", Reason::Byline),
                ("本文来源：某省新闻网", Reason::Byline),
            ]),
            (None, None, s("某省新闻网"))
        );
        assert_eq!(
            credits(&[("【某市晚报】2020-05-06", Reason::Byline)]),
            (None, None, s("某市晚报"))
        );
        // A channel is not the source's name; a picture's credit is not the
        // page's; `网络` names no source.
        for (line, reason, source) in [
            (
                "来源：微信公众号 某某生活圈",
                Reason::SiteChrome,
                Some("某某生活圈"),
            ),
            ("（图片来源：某市日报）", Reason::Byline, None),
            ("图文来源：网络，侵删", Reason::SiteChrome, None),
            ("来源：网络", Reason::SiteChrome, None),
            // A repost names where it comes from.
            (
                "@路过的阿飞 转发了 @某某生活圈 的微博",
                Reason::SiteChrome,
                Some("某某生活圈"),
            ),
            ("@某某 等5人转发了这条微博", Reason::SiteChrome, None),
        ] {
            assert_eq!(
                credits(&[(line, reason)]).2,
                source.map(String::from),
                "{line}"
            );
        }
    }

    #[test]
    fn a_site_softwares_default_account_names_no_author() {
        for line in [
            "发布时间：2023-10-27  作者：admin  点击数：238",
            "作者：管理员 来源：本站 发布时间：2023-05-01",
        ] {
            assert_eq!(credits(&[(line, Reason::Byline)]).0, None, "{line}");
        }
        // A later drafting credit names the writer.
        let (author, _, _) = credits(&[
            (
                "发布时间：2023-10-27  作者：admin  点击数：238",
                Reason::Byline,
            ),
            ("（供稿：四年级组  执笔：汤雨晴）", Reason::Byline),
        ]);
        assert_eq!(author.as_deref(), Some("汤雨晴"));
        assert_eq!(
            credits(&[("作者：张明 来源：本站", Reason::Byline)])
                .0
                .as_deref(),
            Some("张明")
        );
    }

    #[test]
    fn a_dated_bylines_outlet_is_read_beside_its_date_after_from_or_before_xun() {
        for (line, reason, author, source) in [
            // A date, then the outlet; with its site, the publisher first.
            (
                "2024-05-12 滨海日报·滨海网",
                Reason::Byline,
                None,
                Some("滨海日报"),
            ),
            (
                "2024/05/12 滨海新闻网",
                Reason::Byline,
                None,
                Some("滨海新闻网"),
            ),
            // After a stamp and 来自, an outlet's or an agency's name.
            (
                "2024-05-12 09:30 来自 滨海日报",
                Reason::Byline,
                None,
                Some("滨海日报"),
            ),
            (
                "2024-05-12 09:30 来自 新华社",
                Reason::Byline,
                None,
                Some("新华社"),
            ),
            // A dateline's lead names the outlet, no poster; the page's own
            // lead (`本报讯`) names neither.
            ("滨海网讯 2024-05-12", Reason::Byline, None, Some("滨海网")),
            (
                "滨海日报讯 2024-05-12",
                Reason::Byline,
                None,
                Some("滨海日报"),
            ),
            ("本报讯 2024-05-12", Reason::Byline, None, None),
            // The client or device a post is sent from, a news app's
            // included, is no source.
            (
                "2023-05-06 08:30 来自 iPhone客户端",
                Reason::Byline,
                None,
                None,
            ),
            (
                "2024-05-12 09:30 来自 滨海日报客户端",
                Reason::Byline,
                None,
                None,
            ),
            // A comment's header names its poster, a name ending in 讯 too.
            (
                "山间小路 2023-05-01",
                Reason::Byline,
                Some("山间小路"),
                None,
            ),
            (
                "张小讯 2023-05-01",
                Reason::ForumChrome,
                Some("张小讯"),
                None,
            ),
        ] {
            let (got_author, _, got_source) = credits(&[(line, reason)]);
            assert_eq!(
                (got_author.as_deref(), got_source.as_deref()),
                (author, source),
                "{line}"
            );
        }
    }

    #[test]
    fn posters_are_read_from_post_headers_and_post_lines() {
        let author = |line: &str, r: Reason| credits(&[(line, r)]).0;
        for (line, reason, poster) in [
            (
                "雪莲 发表于 2021-1-13 09:17 | 显示全部楼层",
                Reason::ForumChrome,
                "雪莲",
            ),
            (
                "楼主 leo8 发表于 2020-05-06 12:00",
                Reason::ForumChrome,
                "leo8",
            ),
            (
                "12# 快乐的石头 2020.05.06 12:00",
                Reason::ForumChrome,
                "快乐的石头",
            ),
            (
                "posted @ 2020-05-06 12:00 tiger7",
                Reason::SiteChrome,
                "tiger7",
            ),
            (
                "原创 2020-05-06 12:00 · 路过的书生",
                Reason::SiteChrome,
                "路过的书生",
            ),
        ] {
            assert_eq!(author(line, reason), s(poster), "{line}");
        }
        assert_eq!(
            credits(&[("原创 sunny3 某某新鲜事儿 2020-05-06", Reason::SiteChrome)]),
            (s("sunny3"), None, s("某某新鲜事儿"))
        );
        assert_eq!(
            credits(&[("原创 · 某某新鲜事儿 · 2020-05-06", Reason::SiteChrome)]),
            (None, None, s("某某新鲜事儿"))
        );
        assert_eq!(
            credits(&[("原创 sunny3 · 来源：某某生活圈", Reason::SiteChrome)]),
            (s("sunny3"), None, s("某某生活圈"))
        );
        assert_eq!(
            author("作者: 爱吃鱼的小猫 | 2020-05-06", Reason::SiteChrome),
            s("爱吃鱼的小猫")
        );
        // A photographer is not the author.
        assert_eq!(author("[图]本报记者 胡军 拍摄", Reason::Byline), None);
        assert_eq!(
            author("杭州一景。（某市商报记者 林颖/摄）", Reason::Byline),
            None
        );
        // A repost notice names both, after any other line's credits.
        assert_eq!(
            credits(&[("文章来源于公众号「某某研究所」，作者赵涛", Reason::Legal)]),
            (s("赵涛"), None, s("某某研究所"))
        );
        assert_eq!(
            credits(&[
                ("文章来源于公众号「某某研究所」，作者赵涛", Reason::Legal),
                ("作者：王伟  来源：某市日报", Reason::Byline),
            ]),
            (s("王伟"), None, s("某市日报"))
        );
        // A blog theme's licence line credits its writer between a lead
        // and a verb of writing; a site or a reprint is no writer.
        assert_eq!(
            author(
                "本文由 半盏清茶 创作，采用 知识共享署名4.0 国际许可协议进行许可",
                Reason::Legal
            ),
            s("半盏清茶")
        );
        assert_eq!(
            author("此文由王小明原创，转载请注明", Reason::Legal),
            s("王小明")
        );
        assert_eq!(author("本文由本站原创", Reason::Legal), None);
        assert_eq!(author("本文由某某公众号授权转载", Reason::Legal), None);
        // A licence notice's prose names no source with its nouns.
        assert_eq!(
            credits(&[(
                "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
                Reason::Legal
            )]),
            (None, None, None)
        );
        // A blog platform's line about its newest recommended post credits
        // no one (CSDN prints it in a post's head).
        assert_eq!(
            credits(&[(
                "最新推荐文章于 2023-08-14 10:21:46 发布",
                Reason::SiteChrome
            )])
            .0,
            None
        );
        // A menu's item is not a label.
        assert_eq!(
            credits(&[("推荐 诗文 名句 作者 古籍", Reason::Navigation)]).0,
            None
        );
        assert_eq!(
            credits(&[("2021-01-01 | 分类: 随笔 | 作者: 古月", Reason::Navigation)]).0,
            s("古月")
        );
        assert_eq!(credits(&[("来源: 投稿", Reason::Byline)]).2, None);
        // A government page labels its issuing body.
        assert_eq!(
            credits(&[("发布单位：某某市环境保护局", Reason::Byline)]).2,
            s("某某市环境保护局")
        );
        assert_eq!(
            credits(&[(
                "©2024 某某网 | 诗文 | 名句 | 作者 | 古籍 | 纠错",
                Reason::Legal
            )])
            .0,
            None
        );
        assert_eq!(
            credits(&[("文/刘建　图/网络", Reason::Navigation)]).0,
            s("刘建")
        );
        for legal in [
            "本文仅代表作者观点",
            "著作权归作者所有",
            "本文系作者授权发表",
            "本站部分内容来源于互联网",
        ] {
            assert_eq!(
                credits(&[(legal, Reason::Legal)]),
                (None, None, None),
                "{legal}"
            );
        }
        // A byline's outlet, a label or a floor mark is not a poster, and
        // a site's clock names no one.
        assert_eq!(author("某某新闻网 2020-05-06 10:00", Reason::Byline), None);
        assert_eq!(author("发布时间：2020-05-06", Reason::SiteChrome), None);
        assert_eq!(author("#3楼 2020-05-06 10:00", Reason::ForumChrome), None);
        // A labelled writer beats the poster, wherever it stands.
        let post = "雪莲 发表于 2021-1-13 09:17";
        let byline = "文字：记者 王莹";
        let m = offered(&[
            (post, post, Reason::ForumChrome, false),
            (byline, byline, Reason::Byline, true),
        ]);
        assert_eq!(m.author, s("王莹"));
        // A reply's header, after the body began, names a replier.
        let reply = "老周 发表于 2021-1-14 10:00";
        assert_eq!(
            offered(&[(reply, reply, Reason::ForumChrome, true)]).author,
            None
        );
    }

    #[test]
    fn words_that_follow_a_role_without_naming_anyone_are_not_names() {
        assert_eq!(credits(&[("作者最新文章", Reason::SiteChrome)]).0, None);
        assert_eq!(credits(&[("喜欢作者", Reason::SiteChrome)]).0, None);
        assert_eq!(
            credits(&[("作者回复：谢谢支持", Reason::SiteChrome)]).0,
            None
        );
        assert_eq!(
            credits(&[("最后编辑于 2020-05-06", Reason::SiteChrome)]).1,
            None
        );
        assert_eq!(
            credits(&[("2023-07-19 22:41:07 已编辑 北京", Reason::Byline)]).1,
            None
        );
        assert_eq!(
            credits(&[(
                "本帖最后由 阿飞 于 2019/1/21 13:49 编辑",
                Reason::ForumChrome
            )])
            .1,
            None
        );
    }

    /// The author a handle line gives, with its neighbours and its rule.
    fn handle_author(
        line: &str,
        rule: &str,
        above: Option<&str>,
        below: Option<&str>,
    ) -> Option<String> {
        let mut c = Credited::default();
        c.offer_handle_line(
            &HandleLine {
                orig: line,
                simple: line,
                rule,
                above,
                below,
                below_bio: None,
            },
            &test_words,
        );
        let mut m = Metadata::default();
        c.fill(&mut m);
        m.author
    }

    #[test]
    fn an_answerers_name_over_a_one_line_bio_and_a_counter_is_the_poster() {
        let author = |below: &str, below_bio: &str| {
            let mut c = Credited::default();
            c.offer_handle_line(
                &HandleLine {
                    orig: "林深不知处",
                    simple: "林深不知处",
                    rule: "among boilerplate before the body",
                    above: Some("查看全部 486 个回答"),
                    below: Some(below),
                    below_bio: Some(below_bio),
                },
                &test_words,
            );
            let mut m = Metadata::default();
            c.fill(&mut m);
            m.author
        };
        assert_eq!(
            author("某互联网公司后端开发，十年码龄", "1,203 人赞同了该回答").as_deref(),
            Some("林深不知处")
        );
        assert_eq!(
            author("教育学硕士在读 / 前外贸业务员", "关注").as_deref(),
            Some("林深不知处")
        );
        // A video page's follow button with its plus apart.
        assert_eq!(
            author("全职美食UP主，每周三更新", "+ 关注 12.6万").as_deref(),
            Some("林深不知处")
        );
        // A sentence under the name is no bio, and a bio with nothing of
        // a profile under it places nothing.
        assert_eq!(author("谢邀，说点真实的。", "1,203 人赞同了该回答"), None);
        assert_eq!(
            author("某互联网公司后端开发，十年码龄", "说一下我自己的体会吧。"),
            None
        );
        // A headline with a comma over the page's date line is no bio.
        assert_eq!(
            author(
                "考前一个月，我用“费曼学习法”把物理从60分拉到了85分",
                "2024-04-18 09:27:16　来源: 某某"
            ),
            None
        );
    }

    #[test]
    fn a_handle_alone_on_its_line_is_the_poster_where_its_place_says_so() {
        let rule = "short line in the head";
        for (line, above, below, poster) in [
            // A post's time or a profile's button under it.
            (
                "暖阳下的猫咪酱2019",
                None,
                Some("24-3-15 08:42 来自 iPhone"),
                "暖阳下的猫咪酱2019",
            ),
            ("渔家傲_1983", None, Some("2023-09-05 21:14"), "渔家傲_1983"),
            ("夜航船", None, Some("昨天 23:51"), "夜航船"),
            ("夜航船", None, Some("14 小时前"), "夜航船"),
            ("夜航船", None, Some("关注"), "夜航船"),
            ("夜航船", None, Some("Lv6 · 粉丝 120"), "夜航船"),
            // A floor mark before it and a badge or an id after it.
            ("[楼主] 夜航船", None, Some("2023-09-05 21:14"), "夜航船"),
            ("夜航船 LV.9", None, Some("2023-09-05 21:14"), "夜航船"),
            (
                "夜航船 (agaga2013)",
                None,
                Some("2023-09-05 21:14"),
                "夜航船",
            ),
            // A post header or a lone time over it.
            (
                "夜航船",
                Some("楼主 | 发表于 2024-02-26 19:44"),
                None,
                "夜航船",
            ),
            ("夜航船", Some("2023-10-21 16:47"), None, "夜航船"),
        ] {
            assert_eq!(
                handle_author(line, rule, above, below),
                s(poster),
                "{line} / {above:?} / {below:?}"
            );
        }
        // The classifier's own word places it too.
        assert_eq!(
            handle_author("夜航船", "poster's name over the post", None, None),
            s("夜航船")
        );
        // Nothing places it: a short line of the head may be anything.
        assert_eq!(handle_author("夜航船", rule, None, Some("正文如下")), None);
        assert_eq!(
            handle_author("夜航船", rule, Some("首页 > 社区"), None),
            None
        );
        // A dictionary word is a section, an outlet is a source, a floor
        // mark or a chrome phrase is furniture, and a sentence is no handle.
        let below = Some("2023-09-05 21:14");
        for line in ["国际", "某市日报", "楼主", "我的收藏", "今天天气不错。"] {
            let rule = if line == "我的收藏" {
                "lexicon:收藏"
            } else {
                rule
            };
            assert_eq!(handle_author(line, rule, None, below), None, "{line}");
        }
        // A labelled credit beats it, before or after.
        let mut c = Credited::default();
        c.offer_handle_line(
            &HandleLine {
                orig: "夜航船",
                simple: "夜航船",
                rule,
                above: None,
                below,
                below_bio: None,
            },
            &test_words,
        );
        let byline = "作者：王伟";
        c.offer(byline, byline, Reason::Byline, false, &test_words);
        let mut m = Metadata::default();
        c.fill(&mut m);
        assert_eq!(m.author, s("王伟"));
    }

    #[test]
    fn a_handle_line_places_its_handle_itself() {
        let rule = "short line in the head";
        // What follows the handle on its line: the post's time or day, a
        // profile's button or counter, a creator's title, a badge's mark;
        // or an `@` before it.
        for (line, poster) in [
            ("夜航船　12:49　赣州", "夜航船"),
            ("夜航船　11月13日　来自洛阳", "夜航船"),
            ("夜航船 · 3月14日", "夜航船"),
            ("夜航船 · 关注", "夜航船"),
            ("夜航船 · 124粉丝", "夜航船"),
            ("夜航船　优质美食领域创作者", "夜航船"),
            ("夜航船 财经博主", "夜航船"),
            ("夜航船 ✓", "夜航船"),
            ("夜航船 🌟", "夜航船"),
            ("@夜航船", "夜航船"),
        ] {
            assert_eq!(handle_author(line, rule, None, None), s(poster), "{line}");
        }
        // Neither a menu's arrow nor a word after it places it, and a
        // sentence that opens with a day is no post line under it.
        for (line, below) in [
            ("夜航船 >>", None),
            ("夜航船 温州", None),
            ("夜航船", Some("1月20日，省检察院证实……")),
            // A paragraph with a date and `于` is no post header.
            (
                "夜航船",
                Some("本院于2017年6月16日立案后，依法适用简易程序公开开庭进行了审理。"),
            ),
        ] {
            assert_eq!(handle_author(line, rule, None, below), None, "{line}");
        }
        // A date, a counter or a verb is no handle.
        for line in [
            "8月24日 21:52 来自 iPhone",
            "6975次播放 · 10-08 13:15",
            "已有559人参与 · 关注",
            "发布于 2020年7月5日",
            "写于 2020-07-05",
        ] {
            assert_eq!(handle_author(line, rule, None, None), None, "{line}");
        }
    }

    #[test]
    fn a_handle_shaped_so_is_taken_last() {
        let rule = "short line in the head";
        // Latin letters or an underscore with digits: a handle alone, with
        // nothing around it.
        assert_eq!(handle_author("tiger916", rule, None, None), s("tiger916"));
        assert_eq!(handle_author("小猫_18", rule, None, None), s("小猫_18"));
        assert_eq!(handle_author("夜航船", rule, None, None), None);
        // A site's name may be shaped so: a placed handle beats it.
        let mut c = Credited::default();
        for (line, below) in [
            ("Mobile01", Some("首頁 › 汽機車")),
            ("風城小騎士", Some("2023-09-05 21:14")),
        ] {
            c.offer_handle_line(
                &HandleLine {
                    orig: line,
                    simple: line,
                    rule,
                    above: None,
                    below,
                    below_bio: None,
                },
                &test_words,
            );
        }
        let mut m = Metadata::default();
        c.fill(&mut m);
        assert_eq!(m.author, s("風城小騎士"));
    }

    #[test]
    fn a_wire_dateline_names_its_reporter() {
        // What a paragraph's dateline credits, as written and Simplified.
        let read = |p: &str, simple: &str| {
            let mut c = Credited::default();
            c.offer_dateline(p, simple);
            let mut m = Metadata::default();
            c.fill(&mut m);
            m
        };
        let dateline = |p: &str| read(p, p).author;
        assert_eq!(
            dateline("新华社郑州3月8日电（记者 赵文博）今年以来，全省各地……"),
            s("赵文博")
        );
        assert_eq!(
            dateline("本报讯（记者 林颖 通讯员 郝明）昨天上午，……"),
            s("林颖")
        );
        // An editor, a picture's credit or a bracket far into the text
        // names no writer.
        assert_eq!(dateline("本报讯（编辑 林颖）昨天上午，……"), None);
        assert_eq!(
            dateline("昨天上午，全省各地的代表来到会场，听取了工作报告并进行了讨论，随后又有消息传来电（记者 赵文博）"),
            None
        );
        // A paper's bracketed dateline names the source; `本报` names none.
        let source = |p: &str, simple: &str| read(p, simple).source_site;
        assert_eq!(
            source(
                "【明報專訊】傳統街市近年人流下降",
                "【明报专讯】传统街市近年人流下降"
            ),
            s("明報")
        );
        assert_eq!(
            source("【某市日报讯】昨天上午", "【某市日报讯】昨天上午"),
            s("某市日报")
        );
        assert_eq!(source("【本报讯】昨天上午", "【本报讯】昨天上午"), None);
        // A wire's agency or site before the place.
        assert_eq!(
            source(
                "新华社郑州3月8日电（记者 赵文博）今年以来",
                "新华社郑州3月8日电（记者 赵文博）今年以来"
            ),
            s("新华社")
        );
        assert_eq!(
            source(
                "中新网上海12月2日电 去年冬天",
                "中新网上海12月2日电 去年冬天"
            ),
            s("中新网")
        );
        assert_eq!(
            source("本报北京3月8日电 今年以来", "本报北京3月8日电 今年以来"),
            None
        );
        assert_eq!(source("今年3月8日电价调整", "今年3月8日电价调整"), None);
        assert_eq!(source("【提示】昨天上午", "【提示】昨天上午"), None);
        // A furniture byline's reporter comes first.
        let mut c = Credited::default();
        let byline = "记者 王莹";
        c.offer(byline, byline, Reason::Byline, false, &test_words);
        c.offer_dateline("本报讯（记者 林颖）昨天上午", "本报讯（记者 林颖）昨天上午");
        let mut m = Metadata::default();
        c.fill(&mut m);
        assert_eq!(m.author, s("王莹"));
    }

    #[test]
    fn a_handle_alone_before_a_post_date_is_the_poster() {
        let author = |line: &str| credits(&[(line, Reason::SiteChrome)]).0;
        assert_eq!(author("夜航船 2024-01-09 12:37 · 湖北"), s("夜航船"));
        // A self-media platform's name between them.
        assert_eq!(author("夜航船 百家号 2022-11-07 18:22"), s("夜航船"));
        assert_eq!(author("夜航船 国际 2022-11-07 18:22"), None);
        // A place or section, an outlet in brackets, a floor mark: no one.
        assert_eq!(author("北京 2024-01-09 12:37"), None);
        assert_eq!(author("【夜航船观察】2024-01-09"), None);
        assert_eq!(author("楼主 2024-01-09 12:37"), None);
        // A button's role names no one; nor does a reply's header.
        assert_eq!(author("只看该作者 2024-01-09"), None);
        assert_eq!(author("作者：老周 回复日期：2024-01-09 12:37"), None);
    }

    #[test]
    fn traditional_lines_keep_their_characters() {
        let m = offered(&[(
            "（通訊員 樓敏 記者 鮑蔓華）",
            "（通讯员 楼敏 记者 鲍蔓华）",
            Reason::Byline,
            false,
        )]);
        assert_eq!(m.author.as_deref(), Some("鮑蔓華"));
    }
}
