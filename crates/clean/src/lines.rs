//! Line classification: features, a first label per line, then smoothing
//! by neighbours (in the spirit of jusText), title detection and the
//! related-list rule for runs of headline-like lines at the edges.

use crate::credits::{names_outlet, names_outlet_not_device};
use crate::lexicon::{Lexicons, PhraseClass};
use taojin_core::{is_cjk_punct, is_han, Reason};

/// What a line is, after classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    /// Body paragraph.
    Body,
    /// A short line kept as part of the body (section heading).
    Heading,
    /// The title line (moved to the `title` field).
    Title,
    /// Boilerplate of some kind.
    Boilerplate(Reason),
}

impl LineClass {
    pub fn is_kept(self) -> bool {
        matches!(self, LineClass::Body | LineClass::Heading)
    }
}

/// Features of one line, computed from its canonical text (`text`) and its
/// lower-cased Simplified form (`simple`), which the lexicons match against.
#[derive(Debug, Clone)]
pub struct LineFeatures {
    pub chars: usize,
    pub han: usize,
    pub clause_marks: usize,
    pub ends_sentence: bool,
    /// Ends with `？` or `！` (ignoring closing quotes): a question or an
    /// exclamation, which no byline is.
    pub ends_question: bool,
    /// Ends with `。` (ignoring closing quotes): prose, not a headline.
    pub ends_full_stop: bool,
    pub separators: usize,
    /// Breadcrumb arrows (`>` `»` `›` `→`) standing between words.
    pub arrows: usize,
    pub segments_short: bool,
    pub is_date_or_time_only: bool,
    pub has_date: bool,
    pub bullet: bool,
    pub caption_marker: bool,
    /// The line opens with a short Han label and a colon (`位置：`).
    pub labelled: bool,
    /// Any letter, digit or Han character at all.
    pub has_alnum: bool,
    /// A furniture shape recognised from the line's form alone.
    pub shape: Option<Shape>,
    /// Short furniture recognised by its words and their order: a prompt
    /// to the reader, a feed header, a photo credit, a list heading (see
    /// [`worded_furniture`]).
    pub worded: Option<(Reason, &'static str)>,
    /// Opens with a link word and a mark before a title (`上一篇 / 标题`,
    /// `Re:标题`): a link to another post, whatever the title ends with.
    pub post_link: bool,
    /// A short closing formula of a post (`今天的分享就到这里`, `我们下期再见！`,
    /// `感谢阅读`): furniture once the article is over, text inside it.
    pub signoff: bool,
    /// Worded as someone talking (see [`is_spoken`]): a first- or
    /// second-person pronoun, or a modal particle at the end. Posts written
    /// in short unpunctuated lines (a diary, a poem, a microblog) talk;
    /// headlines of related articles rarely do.
    pub spoken: bool,
    /// A short line naming the readers' comments (`留言 58`, `312 则留言`,
    /// `全部评论`): once classed as furniture after the article's
    /// paragraphs, it opens the comments section (see `mark_footer`).
    pub names_comments: bool,
    /// An item of a list led by emoji (`1️⃣ 看房一定要白天去一次`,
    /// `🧥 洋葱式穿法，山上比平地冷十度以上`), as social posts write lists;
    /// see [`is_emoji_item`].
    pub emoji_item: bool,
    pub hits: Vec<(PhraseClass, String)>,
}

/// Shapes of page furniture that need no lexicon: they are recognised from
/// how the line is built (tokens, counters, brackets, markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Four or more short words separated by spaces (`图片 科技 新闻 国内`):
    /// a channel bar or menu.
    MenuRow,
    /// Short labels paired with numbers (`主题 12 帖子 34 积分 56`,
    /// `原创 52 篇 粉丝 1万`): profile and thread counters.
    CounterRow,
    /// A category or archive link with its post count (`读书笔记(26)`).
    CategoryCount,
    /// Nothing but `#话题#` tags.
    Hashtags,
    /// A repost trail or mention line (`//@某某: 转发微博`).
    Mentions,
    /// A file link (`附件：2024年工作要点.doc`).
    Attachment,
    /// Two or more bracketed buttons (`[ 打印 ] [ 收藏 ] [ 关闭 ]`).
    ButtonRow,
    /// A date with a time or among loose tokens, and no sentence
    /// (`posted @ 2016.03.12 19:24 某某`, `原创 某某 2023年1月1日`), or a
    /// short label and a date (`注册时间 2019-05-01`).
    DateLine,
    /// Tags under a label or as `#tag` words (`标签：旅行 / 美食`,
    /// `本文标签 #旅行 #美食`, `#话题# 热议中`).
    TagRow,
    /// A headline with its date in brackets at the end
    /// (`某市推出十项便民举措（3月15日）`, `某某招募公告（03-15）`): an item of a
    /// list of links to other articles.
    DatedHeadline,
    /// Two or more `label：value` fields on one line
    /// (`地址：某市某路1号 电话：0000-1234567`): contact and footer rows.
    FieldRow,
    /// A link to another post with an arrow at its outer edge
    /// (`← 某某的标题`, `某某的标题 →`).
    ArrowLink,
    /// A reply's floor number, alone or before the poster's name
    /// (`2楼`, `1樓`, `#5楼`, `[第3楼] 某某`, `12F`).
    FloorLabel,
    /// A post's age alone (`7 年前`, `发布于3天前`, `2小時前`).
    RelativeTime,
    /// A user's level badge alone (`Lv 6`, `LV.12`).
    UserLevel,
}

impl LineFeatures {
    pub fn han_share(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.han as f64 / self.chars as f64
        }
    }

    fn hits_of(&self, class: PhraseClass) -> usize {
        self.hits.iter().filter(|(c, _)| *c == class).count()
    }

    /// A real paragraph: long enough, mostly Han, with clause structure.
    pub fn is_body_anchor(&self) -> bool {
        let long_prose = self.chars >= 30 && self.han_share() >= 0.4 && self.clause_marks >= 1;
        let sentence = self.chars >= 12 && self.ends_sentence && self.han_share() >= 0.5;
        long_prose || sentence
    }

    /// Headline-shaped: short, little clause structure, no final full stop.
    pub fn is_headline_like(&self) -> bool {
        self.chars <= 50 && self.clause_marks <= 3 && !self.ends_with_full_stop()
    }

    fn ends_with_full_stop(&self) -> bool {
        self.ends_sentence
    }
}

// `丨` (U+4E28, a radical no prose uses alone) and the box-drawing bars
// stand in for `|` on many Chinese sites.
const SEPARATORS: &[char] = &[
    '|', '｜', '丨', '│', '︱', '>', '＞', '》', '»', '›', '/', '·', '→', '-', '_',
];
// `丨` (a CJK stroke char, U+4E28) opens the headlines of an account's
// list of earlier posts (`丨某地出台新规`); no sentence starts with it.
const BULLETS: &[char] = &[
    '-', '•', '·', '*', '▪', '◆', '◇', '●', '○', '►', '▶', '◎', '★', '☆', '丨',
];
const CAPTION_MARKERS: &[char] = &['▲', '△', '▼', '↑', '↓'];

/// Whether a line ends a sentence: its last character, ignoring closing
/// quotes and brackets and a wire story's end mark, is a sentence-final mark.
fn ends_sentence(text: &str) -> bool {
    matches!(
        final_mark(text),
        Some('。' | '！' | '？' | '…' | '!' | '?' | '.')
    )
}

/// A line's last character, ignoring closing quotes and brackets and a
/// wire story's end mark (`…志愿者。（完）`): the mark that ends it.
pub fn final_mark(text: &str) -> Option<char> {
    let text = text.trim_end();
    let text = ["（完）", "(完)", "【完】", "[完]"]
        .iter()
        .find_map(|m| text.strip_suffix(m))
        .unwrap_or(text);
    text.chars()
        .rev()
        .find(|c| !matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '"' | '\'' | '】'))
}

/// Whether a string has a date (`2025-01-09`, `2021年1月13日`, `2021/1/13`):
/// the first one, as `YYYY-MM-DD`, with `HH:MM[:SS]` when a time follows.
pub fn find_date(s: &str) -> Option<String> {
    dates(s).into_iter().next().map(|d| d.value)
}

/// A date found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Char offset where the year starts.
    pub at: usize,
    /// Char offset after the date and any time after it.
    pub end: usize,
    /// `YYYY-MM-DD`, with ` HH:MM[:SS]` when a time follows.
    pub value: String,
}

/// Every date in a string, in order.
pub fn dates(s: &str) -> Vec<FoundDate> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            if let Some((value, end)) = date_at(&chars, i) {
                out.push(FoundDate { at: i, end, value });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if chars.iter().any(char::is_ascii_alphabetic) {
        for d in english_dates(&chars) {
            if !out.iter().any(|o| o.at < d.end && d.at < o.end) {
                out.push(d);
            }
        }
        out.sort_by_key(|d| d.at);
    }
    out
}

/// English month names as blog platforms and feeds print them, full or
/// cut to three letters (`Oct`, `October`; `Sept` too).
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Days of the week, as [`MONTHS`] (`Sat`, `Saturday`).
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The index in `names` of the name an English word gives, whole or cut to
/// three or four letters (a dot after it allowed), if any.
fn english_name(names: &[&str], word: &str) -> Option<usize> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    names
        .iter()
        .position(|n| *n == w || (w.len() <= 4 && n.starts_with(w)))
}

/// The month (1-12) an English word names, if any.
fn english_month(word: &str) -> Option<u32> {
    english_name(&MONTHS, word).and_then(|k| u32::try_from(k + 1).ok())
}

/// Whether an English word is a day of the week.
fn english_weekday(word: &str) -> bool {
    english_name(&WEEKDAYS, word).is_some()
}

/// Dates written with an English month, as blog platforms, feeds and
/// English pages print them: `Oct 07 Sat 2023 15:20` (Pixnet),
/// `October 7, 2023`, `7 Oct 2023`, `Sat, 07 Oct 2023 15:20:00`, and C's
/// ctime order `Mon Jun 12 23:41:08 2023`. The day stands next to the
/// month; the year follows within two words (a weekday may sit between)
/// or right after a time; a time after the year is read as [`date_at`]
/// reads it.
fn english_dates(chars: &[char]) -> Vec<FoundDate> {
    // ASCII words and numbers with their char spans.
    let mut tokens: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            tokens.push((start, i, chars[start..i].iter().collect()));
        } else {
            i += 1;
        }
    }
    let day = |t: &str| {
        t.len() <= 2
            && t.chars().all(|c| c.is_ascii_digit())
            && t.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let year = |t: &str| {
        t.len() == 4
            && t.chars().all(|c| c.is_ascii_digit())
            && (t.starts_with("19") || t.starts_with("20"))
    };
    // Only spaces, commas, dots and hyphens between the parts of a date.
    let joined = |a: usize, b: usize| {
        chars[a..b]
            .iter()
            .all(|c| matches!(c, ' ' | ',' | '.' | '-' | '\u{3000}'))
            && b - a <= 3
    };
    let mut out: Vec<FoundDate> = Vec::new();
    for k in 0..tokens.len() {
        let Some(month) = english_month(&tokens[k].2) else {
            continue;
        };
        // The day after the month (`Oct 07`), else before it (`7 Oct`).
        let (first, day_at) = match (tokens.get(k + 1), k.checked_sub(1).map(|p| &tokens[p])) {
            (Some(n), _) if day(&n.2) && joined(tokens[k].1, n.0) => (k, k + 1),
            (_, Some(p)) if day(&p.2) && joined(p.1, tokens[k].0) => (k - 1, k - 1),
            _ => continue,
        };
        let mut y = k.max(day_at) + 1;
        if tokens
            .get(y)
            .is_some_and(|t| english_weekday(&t.2) && joined(tokens[y - 1].1, t.0))
        {
            y += 1;
        }
        // The year next (`Oct 07 2023`), or after the time in the order of
        // C's ctime, which PTT and Unix mail print (`Jun 12 23:41:08 2023`).
        let next_year = tokens
            .get(y)
            .filter(|t| year(&t.2) && joined(tokens[y - 1].1, t.0))
            .map(|t| (t, None));
        let ctime_year = || {
            let after_day = tokens[day_at].1;
            let rest: String = chars[after_day..].iter().collect();
            let lead = rest.chars().count() - rest.trim_start().chars().count();
            let time = find_time(rest.trim_start()).filter(|t| rest.trim_start().starts_with(t))?;
            let time_end = after_day + lead + time.chars().count();
            tokens
                .iter()
                .find(|t| t.0 >= time_end)
                .filter(|t| year(&t.2) && joined(time_end, t.0) && lead > 0)
                .map(|t| (t, Some(time)))
        };
        let Some((yt, time_before)) = next_year.or_else(ctime_year) else {
            continue;
        };
        // A weekday just before the date (`Sat, 07 Oct 2023`) is part of it.
        let mut at = tokens[first].0;
        if let Some(p) = first.checked_sub(1).map(|p| &tokens[p]) {
            if english_weekday(&p.2) && joined(p.1, at) {
                at = p.0;
            }
        }
        let d: u32 = tokens[day_at].2.parse().unwrap_or(0);
        let mut value = format!("{}-{month:02}-{d:02}", yt.2);
        let end = match time_before {
            Some(t) => {
                value.push(' ');
                value.push_str(&t);
                yt.1
            }
            None => time_after(chars, yt.1, &mut value),
        };
        if !out.iter().any(|o| o.at < end && at < o.end) {
            out.push(FoundDate { at, end, value });
        }
    }
    out
}

/// The date starting at `i` (a four-digit year from 1900 to 2099, a month
/// and a day under one separator, `年月日` or `-` `/` `.`), and the offset
/// after it and any time that follows.
fn date_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let digits_from = |j: usize| digits_at(chars, j);
    let y = digits_from(i);
    if y.len() == 2 {
        return short_year_date_at(chars, i, &y);
    }
    if y.len() != 4 || !(y.starts_with("19") || y.starts_with("20")) {
        return None;
    }
    // Typeset pages set a space on each side of 年 月 日 (`2023 年 02 月
    // 10 日`, Typecho and Hexo themes, sspai); other separators stand
    // alone.
    let spaced = |j: usize| {
        let k = j + usize::from(matches!(chars.get(j), Some(' ' | '\u{3000}')));
        chars
            .get(k)
            .is_some_and(|&c| "年月日".contains(c))
            .then_some(k)
    };
    let mut j = i + 4;
    if let Some(k) = spaced(j).filter(|&k| chars[k] == '年') {
        j = k;
    }
    let sep = chars.get(j).copied();
    if !matches!(sep, Some('-' | '/' | '.' | '年')) {
        return None;
    }
    j += 1;
    if sep == Some('年') && chars.get(j) == Some(&' ') {
        j += 1;
    }
    let m = digits_from(j);
    if !(1..=2).contains(&m.len()) {
        return None;
    }
    j += m.len();
    let expected = if sep == Some('年') { '月' } else { sep? };
    if sep == Some('年') {
        j = spaced(j).unwrap_or(j);
    }
    if chars.get(j) != Some(&expected) {
        return None;
    }
    j += 1;
    if sep == Some('年') && chars.get(j) == Some(&' ') {
        j += 1;
    }
    let d = digits_from(j);
    let (mn, dn) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    if !(1..=2).contains(&d.len()) || !(1..=12).contains(&mn) || !(1..=31).contains(&dn) {
        return None;
    }
    let mut out = format!("{y}-{mn:02}-{dn:02}");
    j += d.len();
    if sep == Some('年') {
        j = spaced(j).filter(|&k| chars[k] == '日').unwrap_or(j);
    }
    if chars.get(j) == Some(&'日') {
        j += 1;
    }
    let j = time_after(chars, j, &mut out);
    Some((out, j))
}

/// The ASCII digits from `j` on (none past the end).
fn digits_at(chars: &[char], j: usize) -> String {
    chars[j.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

/// A date with a two-digit year and dashes, as Weibo stamps a post of an
/// earlier year (`24-3-15 08:42`): read only with a clock time after it,
/// since `24-3-15` alone may be a score or a code. The year is this
/// century's.
fn short_year_date_at(chars: &[char], i: usize, y: &str) -> Option<(String, usize)> {
    let digits_from = |j: usize| digits_at(chars, j);
    let mut j = i + 2;
    if chars.get(j) != Some(&'-') {
        return None;
    }
    let m = digits_from(j + 1);
    j += 1 + m.len();
    if !(1..=2).contains(&m.len()) || chars.get(j) != Some(&'-') {
        return None;
    }
    let d = digits_from(j + 1);
    j += 1 + d.len();
    let (mn, dn) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    if !(1..=2).contains(&d.len()) || !(1..=12).contains(&mn) || !(1..=31).contains(&dn) {
        return None;
    }
    // A digit or a dash after the day makes it a longer code.
    if chars
        .get(j)
        .is_some_and(|c| c.is_ascii_digit() || *c == '-')
    {
        return None;
    }
    let mut out = format!("20{y}-{mn:02}-{dn:02}");
    let end = time_after(chars, j, &mut out);
    (end > j).then_some((out, end))
}

/// A clock time straight after a date ending at `j` (spaces between), added
/// to `value` as ` HH:MM[:SS]`; the offset after the time, or `j`.
fn time_after(chars: &[char], j: usize, value: &mut String) -> usize {
    let rest: String = chars[j.min(chars.len())..].iter().collect();
    let lead = rest.chars().count() - rest.trim_start().chars().count();
    match find_time(rest.trim_start()) {
        Some(t) if rest.trim_start().starts_with(&t) => {
            value.push(' ');
            value.push_str(&t);
            j + lead + t.chars().count()
        }
        _ => j,
    }
}

/// A clock time `HH:MM` or `HH:MM:SS` (ASCII or full-width colon).
pub fn find_time(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let h: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let mut j = i + h.len();
        if h.len() > 2 || !matches!(chars.get(j), Some(':' | '：')) {
            continue;
        }
        j += 1;
        let m: String = chars[j.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if m.len() != 2 {
            continue;
        }
        j += 2;
        let mut out = format!("{:02}:{m}", h.parse::<u32>().unwrap_or(0));
        if matches!(chars.get(j), Some(':' | '：')) {
            let s2: String = chars[j + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if s2.len() == 2 {
                out.push(':');
                out.push_str(&s2);
            }
        }
        return Some(out);
    }
    None
}

/// The tokens that stand alone between spaces as separators: the same
/// token twice or more between tokens of two chars or more, either one or
/// two symbols (`首页 ◆ 论坛 ◆ 灌水`; in UTF-8 read as GBK, a `›` before a
/// space loses its last byte and is guessed back as `…`: `首页 …… 论坛`) or
/// one Han char (`»` read as GBK is `禄`: `首页 禄 论坛 禄 帖子`). A word
/// or a number said twice does not count, nor a char between short
/// tokens (`第 1 章 第 2 章`).
fn spaced_separators<'t>(tokens: &[&'t str]) -> Vec<&'t str> {
    let mut out: Vec<&'t str> = Vec::new();
    for (k, &t) in tokens.iter().enumerate() {
        if k == 0 || k + 1 == tokens.len() || out.contains(&t) {
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        // Separators of the usual kind are counted as such already.
        let symbol = chars.len() <= 2
            && chars
                .iter()
                .all(|c| !c.is_alphanumeric() && !SEPARATORS.contains(c));
        let han = chars.len() == 1 && is_han(chars[0]);
        if !(symbol || han) {
            continue;
        }
        let between_items =
            |j: usize| tokens[j - 1].chars().count() >= 2 && tokens[j + 1].chars().count() >= 2;
        let places = (1..tokens.len() - 1)
            .filter(|&j| tokens[j] == t && between_items(j))
            .count();
        if places >= 2 {
            out.push(t);
        }
    }
    out
}

/// Computes a line's features.
pub fn features(text: &str, simple_lower: &str, lex: &Lexicons) -> LineFeatures {
    let chars = text.chars().count();
    let han = text.chars().filter(|&c| is_han(c)).count();
    let clause_marks = text
        .chars()
        .filter(|c| matches!(c, '，' | '、' | '；' | '：' | '。' | '！' | '？'))
        .count();
    // A separator between two digits belongs to a date or number
    // (`2025-01-09`, `1/2`), not to a navigation trail.
    let all: Vec<char> = text.chars().collect();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let spaced = spaced_separators(&tokens);
    let separators = (0..all.len())
        .filter(|&i| SEPARATORS.contains(&all[i]))
        .filter(|&i| {
            let digit = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
            !(i > 0 && digit(all.get(i - 1)) && digit(all.get(i + 1)))
        })
        .count()
        + tokens.iter().filter(|t| spaced.contains(t)).count();
    let arrows = text
        .chars()
        .filter(|c| matches!(c, '>' | '»' | '›' | '→' | '＞'))
        .count();
    // Segments run between separators, spaced ones included.
    let unspaced = if spaced.is_empty() {
        text.to_string()
    } else {
        tokens
            .split(|t| spaced.contains(t))
            .map(|group| group.join(" "))
            .collect::<Vec<_>>()
            .join("|")
    };
    let segments: Vec<&str> = unspaced
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let segments_short = !segments.is_empty()
        && segments.iter().map(|s| s.chars().count()).sum::<usize>() / segments.len() <= 10;
    let found_dates = dates(text);
    let has_date = !found_dates.is_empty();
    // Outside its dates, a line of dates and times holds digits and marks
    // only (an English date's month and weekday are inside its span).
    let outside_dates = text
        .chars()
        .enumerate()
        .filter(|(k, _)| !found_dates.iter().any(|d| (d.at..d.end).contains(k)));
    let is_date_or_time_only = chars <= 30
        && han <= 2
        && text.chars().any(|c| c.is_ascii_digit())
        && outside_dates
            .map(|(_, c)| c)
            .all(|c| c.is_ascii_digit() || !c.is_alphanumeric() || matches!(c, '年' | '月' | '日'));
    let first = text.chars().next();
    // After the bullet, a space, a Han char or a Latin letter
    // (`丨IQ测试的真相`); a digit would read `-5℃` as a bullet.
    let bullet = first.is_some_and(|c| BULLETS.contains(&c))
        && text
            .chars()
            .nth(1)
            .is_some_and(|c| c == ' ' || is_han(c) || c.is_ascii_alphabetic());
    let caption_marker = first.is_some_and(|c| CAPTION_MARKERS.contains(&c));
    let labelled = {
        let label = all.iter().take_while(|&&c| is_han(c)).count();
        (2..=6).contains(&label) && all.get(label).is_some_and(|&c| matches!(c, '：' | ':'))
    };
    let mut hits: Vec<(PhraseClass, String)> = lex
        .hits(simple_lower)
        .into_iter()
        .map(|(c, p)| (c, p.to_string()))
        .collect();
    for phrase in disclaimers(simple_lower, lex) {
        if !hits.iter().any(|(_, p)| phrase.contains(p.as_str())) {
            hits.push((PhraseClass::Legal, phrase));
        }
    }
    LineFeatures {
        chars,
        han,
        clause_marks,
        ends_sentence: ends_sentence(text),
        ends_question: text
            .trim_end()
            .trim_end_matches(['”', '’', '」', '』', '）', ')'])
            .ends_with(['？', '！', '?', '!']),
        ends_full_stop: text
            .trim_end_matches(['”', '’', '」', '』', '）', ')'])
            .ends_with('。'),
        separators,
        arrows,
        segments_short,
        is_date_or_time_only,
        has_date,
        bullet,
        caption_marker,
        labelled,
        has_alnum: text.chars().any(char::is_alphanumeric),
        shape: furniture_shape(text, simple_lower, &all, han, has_date),
        worded: worded_furniture(text, simple_lower, lex),
        post_link: is_post_link(simple_lower, &lex.link_prefixes),
        signoff: (chars <= SIGNOFF_MAX_CHARS
            && clause_marks <= 2
            && lex
                .signoffs
                .iter()
                .any(|w| simple_lower.contains(w.as_str())))
            || (chars <= ENGAGEMENT_MAX_CHARS
                && clause_marks <= 4
                && is_engagement_call(simple_lower, lex)),
        spoken: is_spoken(simple_lower),
        names_comments: chars <= COMMENTS_HEADER_MAX_CHARS && is_comments_header(simple_lower, lex),
        emoji_item: is_emoji_item(text),
        hits,
    }
}

/// Whether a short line heads the readers' comments: a comments noun
/// counted (`留言 58`, `312 则留言`, `评论(12)`) or after a qualifier that
/// opens the line (`全部评论`, `写留言`, `查看全部 58 条评论`). The noun alone
/// or among other buttons (`赞 7 | 评论 | 赞赏`) is an answer's button.
fn is_comments_header(simple_lower: &str, lex: &Lexicons) -> bool {
    // The section's name may stand before its header (`评论 共12836条评论`).
    let trimmed = simple_lower.trim();
    let named = lex.comments_words.iter().find_map(|w| {
        trimmed
            .strip_prefix(w.as_str())
            .filter(|rest| rest.starts_with(char::is_whitespace))
    });
    if named.is_some_and(|rest| is_comments_header(rest, lex)) {
        return true;
    }
    let compact: String = compact_count(simple_lower)
        .chars()
        .filter(|c| !matches!(c, ':' | '：' | '(' | ')' | '（' | '）'))
        .collect();
    lex.comments_words.iter().any(|w| {
        let Some(at) = compact.find(w.as_str()) else {
            return false;
        };
        let (head, tail) = (&compact[..at], &compact[at + w.len()..]);
        // Nothing after the noun but its count (`留言58`, `评论12条`).
        let tail_count = !tail.is_empty()
            && tail.starts_with(|c: char| c.is_ascii_digit())
            && tail
                .chars()
                .all(|c| c.is_ascii_digit() || UNITS.contains(&c) || c == '.');
        // Before it a qualifier, then at most a count and its unit
        // (`查看全部58则留言`, `312则留言`, `全部评论`).
        // Qualifiers may stack (`查看全部`).
        let mut rest = head;
        while let Some(r) = lex
            .comments_qualifiers
            .iter()
            .find_map(|q| rest.strip_prefix(q.as_str()))
        {
            rest = r;
        }
        let qualified = rest.len() < head.len();
        let counted_head = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .chars()
            .all(|c| UNITS.contains(&c) || c == '则');
        let head_count = rest.starts_with(|c: char| c.is_ascii_digit());
        (tail.is_empty() && counted_head && (qualified || head_count))
            || (head.is_empty() && tail_count)
    })
}

/// Whether a char is an emoji a list may be led by: a pictograph (food,
/// objects, symbols) or the keycap mark of `1️⃣`. The geometric shapes
/// (`▶`, `◆`, `★`) are bullets (see `BULLETS`), not counted here.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55 | 0x20E3)
}

/// Whether a line is an item of a list led by emoji: an emoji (or a keycap
/// number, `1️⃣`) first, then a phrase of [`EMOJI_ITEM_MIN_HAN`] Han chars
/// or more with no separator. Counter rows led by emoji (`❤️ 2.3w 💬 486`)
/// have no such phrase; menus (`🔥 热门 | 📢 公告`) have separators.
pub fn is_emoji_item(text: &str) -> bool {
    let t = text.trim_start();
    let mut head = t.chars();
    let led = match head.next() {
        // A keycap number: a digit, an optional variation selector, U+20E3.
        Some(c) if c.is_ascii_digit() => head.find(|&c| c != '\u{FE0F}') == Some('\u{20E3}'),
        Some(c) => is_emoji(c),
        None => false,
    };
    if !led {
        return false;
    }
    let rest: String = t
        .chars()
        .skip_while(|&c| {
            c.is_ascii_digit()
                || is_emoji(c)
                || matches!(c, '\u{FE0F}' | '\u{200D}' | ' ' | '\u{3000}')
        })
        .collect();
    rest.chars().filter(|&c| is_han(c)).count() >= EMOJI_ITEM_MIN_HAN && !rest.contains(SEPARATORS)
}

/// The fewest Han chars after the emoji of a list item.
const EMOJI_ITEM_MIN_HAN: usize = 6;

/// The longest line taken for a comments section's header
/// (`查看全部 1,038 条评论` is 16).
const COMMENTS_HEADER_MAX_CHARS: usize = 16;

/// First- and second-person pronouns (`我` `你` and their colloquial
/// forms): a line that says them talks to or about its writer. Not the
/// polite `您`, which is how a site addresses its readers (`提醒您`).
const PERSONAL_PRONOUNS: &[char] = &['我', '你', '咱', '俺'];

/// Chars before `我` that make it an interface label, not a person talking:
/// a button (`点我下载`, `按我看活动`, `戳我`) or a site's footer link
/// (`关于我们`, `联系我们`, `加入我们`).
const BUTTON_BEFORE_WO: &str = "点按戳于系入";

/// What `我` means before these chars in a headline or a notice: an
/// institution speaking of itself (`我国`, `我省`, `我校`, `我院`, `我局`),
/// not a person.
const INSTITUTIONAL_AFTER_WO: &str =
    "国省市区县州乡镇村校院局厅所部司处厂队军方台报刊社团党行站馆会";

/// Modal particles that end a spoken sentence (`了` `吧` `啊` `呢` ...): a
/// line ending on one is said, not titled.
const MODAL_PARTICLES: &[char] = &[
    '了', '吧', '啊', '呀', '呢', '哦', '嘛', '啦', '哈', '呗', '咯', '噢', '哇', '耶',
];

/// Whether a line (lower-cased Simplified) is worded as someone talking: it
/// holds a personal pronoun (not `我` of an institution, `我国`), or its last
/// Han char, ignoring marks and emoji after it, is a modal particle.
/// On the news headlines of LCSTS (the harness's related-list source) 38
/// in 1000 are; of the short body lines (40 chars or fewer) of the furniture
/// probes, one in five to one in three.
pub fn is_spoken(simple_lower: &str) -> bool {
    let chars: Vec<char> = simple_lower.chars().collect();
    // A menu label of a blog or an account (`我的相册`, `你的收藏`) names a
    // page of the site.
    let label = chars.len() <= 6 && matches!(chars.as_slice(), ['我' | '你', '的', ..]);
    if label {
        return false;
    }
    let pronoun = chars.iter().enumerate().any(|(i, &c)| {
        let institution = || {
            chars
                .get(i + 1)
                .is_some_and(|n| INSTITUTIONAL_AFTER_WO.contains(*n))
        };
        let button = || {
            i.checked_sub(1)
                .and_then(|k| chars.get(k))
                .is_some_and(|p| BUTTON_BEFORE_WO.contains(*p))
        };
        PERSONAL_PRONOUNS.contains(&c) && !(c == '我' && (institution() || button()))
    });
    pronoun
        || chars
            .iter()
            .rev()
            .find(|&&c| is_han(c))
            .is_some_and(|c| MODAL_PARTICLES.contains(c))
}

/// The disclaiming phrases of a line (`data/worded_furniture.txt`,
/// `disclaimer`), as found (`不代表凤凰网观点`), where the line names what a
/// site's disclaimer speaks of (`disclaim_subject`: `本文`, `用户`) or opens
/// on a notice's label (`disclaim_label`: `温馨提示：`), and on such a line
/// the phrases an author also says of their own advice
/// (`disclaimer_on_notice`: `仅供参考`). Each counts as a legal phrase of
/// the line.
fn disclaimers(simple_lower: &str, lex: &Lexicons) -> Vec<String> {
    let notice = lex.disclaim_labels.iter().any(|l| {
        simple_lower
            .strip_prefix(l.as_str())
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    });
    let speaks_of_site = notice
        || lex
            .disclaim_subjects
            .iter()
            .any(|w| simple_lower.contains(w.as_str()));
    if !speaks_of_site {
        return Vec::new();
    }
    let chars: Vec<char> = simple_lower.chars().collect();
    let mut found: Vec<String> = Vec::new();
    if notice {
        found.extend(
            lex.disclaimers_on_notice
                .iter()
                .filter(|p| simple_lower.contains(p.as_str()))
                .cloned(),
        );
    }
    for (head, tail) in &lex.disclaimers {
        let head: Vec<char> = head.chars().collect();
        let tail: Vec<char> = tail.chars().collect();
        let Some(at) = (0..chars.len()).find(|&k| chars[k..].starts_with(&head)) else {
            continue;
        };
        let after = at + head.len();
        if tail.is_empty() {
            found.push(head.iter().collect());
            continue;
        }
        // The tail within twelve chars of the head, in the same sentence.
        let end = (after + 12 + tail.len()).min(chars.len());
        let reach = chars[after..end]
            .iter()
            .position(|c| matches!(c, '。' | '！' | '？'))
            .map_or(end, |p| after + p);
        if let Some(t) = (after..reach).find(|&k| chars[k..reach].starts_with(&tail)) {
            found.push(chars[at..t + tail.len()].iter().collect());
        }
    }
    found
}

/// A site's welcome banner: a welcome verb opening the line, a clause of
/// at most 30 chars after it ending on a kind of site (`欢迎访问某某市人民政府
/// 门户网站！`, `欢迎光临本站`), and at most 30 chars after that clause (the
/// day's date, `今天是：2023年6月15日 星期四`). A sentence inviting readers to
/// a site to do something (`欢迎访问我们的网站了解更多信息。`) does not end
/// its clause on the site.
fn is_welcome_banner(simple_lower: &str, lex: &Lexicons) -> bool {
    let line = simple_lower.trim();
    let Some(rest) = lex
        .welcome_verbs
        .iter()
        .find_map(|v| line.strip_prefix(v.as_str()))
    else {
        return false;
    };
    let clause_end = rest
        .find(['！', '!', '。', '，', ',', '；', ' ', '　'])
        .unwrap_or(rest.len());
    let (clause, after) = rest.split_at(clause_end);
    // A school's, a hospital's or a firm's site greets in its own name
    // (`欢迎访问某某镇中心小学！`): a body's name ends the clause as a site's
    // kind does.
    (1..=30).contains(&clause.chars().count())
        && (lex
            .welcome_places
            .iter()
            .any(|p| clause.ends_with(p.as_str()))
            || crate::lexicon::org_suffixes().iter().any(|p| {
                clause.chars().count() > p.chars().count() && clause.ends_with(p.as_str())
            }))
        && after.chars().count() <= 31
}

/// Longest line, in chars, that may be a post's sign-off.
const SIGNOFF_MAX_CHARS: usize = 30;

/// Longest line, in chars, that may be a closing call to the reader.
const ENGAGEMENT_MAX_CHARS: usize = 40;

/// A closing call to the reader to act on the account, worded as a
/// sentence (`更多精彩内容，请关注我们的公众号。`, `你怎么看？欢迎在留言区
/// 告诉我们。`, `欢迎关注、点赞、转发，你的支持是我们最大的动力！`): a request
/// word, and either a cue of the account or its screen (`公众号`, `留言区`,
/// `身边的朋友`) or two verbs of following and sharing. It counts as a
/// sign-off, so it acts only after the article (see `mark_footer`): the
/// same words between paragraphs are the story's.
fn is_engagement_call(simple_lower: &str, lex: &Lexicons) -> bool {
    let has = |words: &[String]| words.iter().any(|w| simple_lower.contains(w.as_str()));
    if !has(&lex.requests) {
        return false;
    }
    let found: std::collections::BTreeSet<&str> = lex
        .prompt_verbs
        .iter()
        .chain(&lex.tail_verbs)
        .filter(|v| v.chars().count() >= 2 && !lex.requests.contains(v))
        .filter(|v| simple_lower.contains(v.as_str()))
        .map(String::as_str)
        .collect();
    // A verb inside another one found (`分享` in `分享给`) is the same word.
    let verbs = found
        .iter()
        .filter(|v| !found.iter().any(|w| w != *v && w.contains(**v)))
        .count();
    let screen = ["留言区", "评论区"]
        .iter()
        .any(|c| simple_lower.contains(c));
    (has(&lex.prompt_cues) && (verbs >= 1 || screen)) || verbs >= 2
}

/// Short furniture recognised by its words and their order, on a line that
/// is no sentence (a sentence that opens with `关注`, `关注民生，是政府的
/// 责任。`, is prose):
/// - a prompt to the reader: it opens with an imperative verb of following
///   or subscribing and points at something, with a second such verb, a cue
///   word or a name in quotes right after the verb (`关注「某某」，每天一条
///   好内容`, `点击上方蓝字，一键订阅`);
/// - a feed header: a user name, a space, then a feed verb phrase
///   (`某某 分享了一条动态`);
/// - a photo credit: a picture word and a credit word (`配图来自网络`);
/// - a related-list heading: a qualifier, then a content noun or nothing
///   (`相关报道`, `往期回顾`, `猜你喜欢`).
fn worded_furniture(
    text: &str,
    simple_lower: &str,
    lex: &Lexicons,
) -> Option<(Reason, &'static str)> {
    if is_end_marker(simple_lower, &lex.end_markers) {
        return Some((Reason::SiteChrome, "end-of-post marker"));
    }
    // A device tag names its label's value (`来自 华为Mate 60 Pro`) better
    // than the field rule, which reads `来自` as a poster's label too.
    let device_line = simple_lower
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    if device_line.starts_with("来自")
        && device_line.chars().count() <= 40
        && is_device_tag(device_line, &lex.device_words, &lex.stamp_words)
    {
        return Some((Reason::Byline, "client or device tag"));
    }
    if let Some(found) = labelled_field(simple_lower, lex) {
        return Some(found);
    }
    if is_welcome_banner(simple_lower, lex) {
        return Some((Reason::SiteChrome, "welcome banner"));
    }
    let trimmed = simple_lower
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    let chars = trimmed.chars().count();
    if chars == 0 || chars > 40 || text_is_sentence(text) {
        return None;
    }
    let has_any = |words: &[String], s: &str| words.iter().any(|w| s.contains(w.as_str()));
    if is_lone_counter(trimmed, &lex.counter_words) {
        return Some((Reason::SiteChrome, "counter"));
    }
    if is_crowd_counter(trimmed, lex) {
        return Some((Reason::SiteChrome, "head count"));
    }
    if is_button_words(trimmed, lex) {
        return Some((Reason::SiteChrome, "button words"));
    }
    if is_relative_stamp(trimmed, lex) {
        return Some((Reason::Byline, "relative time stamp"));
    }
    if let Some(verb) = lex
        .prompt_verbs
        .iter()
        .find(|v| trimmed.starts_with(v.as_str()))
    {
        let rest = &trimmed[verb.len()..];
        let quoted = rest.starts_with(['「', '“', '《', '『', '"']);
        if quoted || has_any(&lex.prompt_verbs, rest) || has_any(&lex.prompt_cues, rest) {
            return Some((Reason::SiteChrome, "reader prompt"));
        }
    }
    // A request that ends on a prompt verb (`看完记得关注`, `喜欢请关注`),
    // maybe after one comma and before a softening particle (`喜欢的朋友，
    // 可以加个关注`, `有问题可以在下方留言哦`); a cue of the screen or the
    // account right before the verb asks as well as a request word does
    // (`在下方留言`; `在评论区写下长长的留言` tells what someone did).
    let compact: String = trimmed.chars().filter(|c| c.is_alphanumeric()).collect();
    let compact = compact.trim_end_matches(SOFTENERS);
    let commas = trimmed.chars().filter(|&c| c == '，').count();
    let other_marks = trimmed.chars().any(|c| is_sentence_mark(c) && c != '，');
    let before_verb = lex
        .tail_verbs
        .iter()
        .find_map(|v| compact.strip_suffix(v.as_str()));
    if compact.chars().count() <= 16
        && commas <= 1
        && !other_marks
        && before_verb.is_some_and(|head| {
            has_any(&lex.requests, compact)
                || lex.prompt_cues.iter().any(|c| head.ends_with(c.as_str()))
        })
    {
        return Some((Reason::SiteChrome, "reader prompt"));
    }
    if is_account_tagline(trimmed, lex) {
        return Some((Reason::SiteChrome, "account tagline or bio"));
    }
    if is_edit_stamp(trimmed, &lex.edit_verbs) {
        return Some((Reason::Byline, "edit stamp"));
    }
    let mut tokens = trimmed.splitn(2, char::is_whitespace);
    if let (Some(user), Some(rest)) = (tokens.next(), tokens.next()) {
        let rest = rest.trim_start();
        if (1..=16).contains(&user.chars().count())
            && lex.feed_verbs.iter().any(|v| rest.starts_with(v.as_str()))
        {
            return Some((Reason::SiteChrome, "feed header"));
        }
    }
    if chars <= 24 && has_any(&lex.picture_words, trimmed) && has_any(&lex.credit_words, trimmed) {
        return Some((Reason::Caption, "photo credit"));
    }
    if is_device_tag(trimmed, &lex.device_words, &lex.stamp_words) {
        return Some((Reason::Byline, "client or device tag"));
    }
    if is_reading_time(trimmed, &lex.counter_words) {
        return Some((Reason::Byline, "reading time"));
    }
    if is_site_name(trimmed, &lex.site_suffixes) {
        return Some((Reason::SiteChrome, "personal site name"));
    }
    if is_placeholder_line(simple_lower, &lex.placeholders)
        || lex
            .bare_placeholders
            .iter()
            .any(|w| w == simple_lower.trim())
    {
        return Some((Reason::Caption, "media placeholder or emoticon codes"));
    }
    if is_profile_line(trimmed, &lex.badges) {
        return Some((Reason::SiteChrome, "name with a profile badge"));
    }
    let heading: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    if is_list_heading(&heading, lex) {
        return Some((Reason::RelatedList, "related-list heading"));
    }
    None
}

/// Particles that soften a request at its end (`留言哦`, `关注吧`).
const SOFTENERS: &[char] = &['哦', '噢', '吧', '呀', '啦', '哈', '呢'];

/// Longest account tagline or bio, in chars.
const TAGLINE_MAX_CHARS: usize = 30;

/// An account's tagline or a poster's bio, as platforms print it under the
/// name above a post: a few clauses set apart by commas, no sentence, and
/// - a greeting, then the poster introducing itself (`大家好，我是某某`);
/// - the account naming itself first (`本号只讲职场，欢迎常来坐坐`);
/// - a last clause describing the account as `一个……的……号` or `……博主`
///   (`某某观察，一个有温度的民生号`); a plain noun ending in 号 needs two
///   chars of topic before it, so `一个危险的信号` stays a headline's clause;
/// - a last clause promising company (`每天一点健康知识，陪你慢慢变好`).
///
/// A headline states news in its clauses and speaks of no account.
fn is_account_tagline(lower: &str, lex: &Lexicons) -> bool {
    let starts = |s: &str, words: &[String]| words.iter().any(|w| s.starts_with(w.as_str()));
    let self_ref = starts(lower, &lex.self_refs);
    if !self_ref && !lower.contains(['，', ',']) {
        return false;
    }
    let chars = lower.chars().count();
    if chars > TAGLINE_MAX_CHARS || lower.chars().any(|c| is_sentence_mark(c) && c != '，') {
        return false;
    }
    if self_ref {
        return true;
    }
    let clauses: Vec<&str> = lower
        .split(['，', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if clauses.len() < 2 {
        return false;
    }
    let greeted = clauses.windows(2).any(|w| {
        lex.greetings.iter().any(|g| w[0] == g.as_str()) && starts(w[1], &lex.self_intros)
    });
    let Some(last) = clauses.last() else {
        return false;
    };
    let described = last.starts_with("一个")
        && last.rfind('的').is_some_and(|at| {
            let tail = &last[at + '的'.len_utf8()..];
            lex.account_nouns.iter().any(|n| {
                tail.strip_suffix(n.as_str()).is_some_and(|topic| {
                    let len = topic.chars().count();
                    len <= 4 && (len >= 2 || n.chars().count() > 1)
                })
            })
        });
    let promised = clauses.len() == 2 && chars <= 20 && starts(last, &lex.accompany);
    greeted || described || promised
}

/// A post's edit or publication stamp: a date and an edit verb, maybe
/// with 于, 已 or 最后, and nothing else (`已于2023年5月1日修改`, `更新于
/// 2023-05-01 12:30`). A headline has words beside its date
/// (`2023年5月1日起施行新规`).
fn is_edit_stamp(lower: &str, verbs: &[String]) -> bool {
    if !lower.bytes().any(|b| b.is_ascii_digit())
        || !verbs.iter().any(|v| lower.contains(v.as_str()))
        || find_date(lower).is_none()
    {
        return false;
    }
    let chars: Vec<char> = lower.chars().collect();
    // Han chars outside the date's own marks (a 年, 月 or 日 after a digit).
    let words: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let date_mark = matches!(c, '年' | '月' | '日')
                && i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit);
            is_han(c) && !date_mark
        })
        .map(|(_, &c)| c)
        .collect();
    if chars
        .iter()
        .any(|c| c.is_alphabetic() && !is_han(*c) && !c.is_ascii_digit())
    {
        return false;
    }
    let rest = words.replace("最后", "").replace(['已', '于'], "");
    verbs.iter().any(|v| rest == v.as_str())
}

/// Nothing but bracketed codes a platform prints for what it cannot show
/// as text (`[图片]`, `[视频]`) or for its emoticons (`[赞][赞]`, `[doge]`).
/// A bracketed heading (`【编者按】`) is no code and stays.
fn is_placeholder_line(lower: &str, codes: &[String]) -> bool {
    let mut rest = lower.trim();
    let mut found = 0;
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix(['[', '［']) else {
            return false;
        };
        let Some(close) = inner.find([']', '］']) else {
            return false;
        };
        let code = inner[..close].trim();
        if !codes.iter().any(|c| c == code) {
            return false;
        }
        found += 1;
        let after = &inner[close..];
        let width = after.chars().next().map_or(0, char::len_utf8);
        rest = after[width..].trim_start();
    }
    found > 0
}

/// A name and the badge a platform shows beside it, set apart by a space
/// or a bar (`某某生活圈　美食领域创作者`, `小王 | 旅行博主`): two pieces, the
/// last ending in a badge word and short enough to be one.
fn is_profile_line(lower: &str, badges: &[String]) -> bool {
    let pieces: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '｜' | '|' | '·' | '丨'))
        .filter(|p| !p.is_empty())
        .collect();
    let [name, badge] = pieces.as_slice() else {
        return false;
    };
    let short = |p: &str| (1..=12).contains(&p.chars().count());
    short(name)
        && short(badge)
        && !lower.chars().any(is_sentence_mark)
        && badges.iter().any(|b| badge.ends_with(b.as_str()))
}

/// The heading of a list of links to other posts: after an optional owner
/// (`作者`, `ta的`), a qualifier and a content noun or nothing (`相关报道`,
/// `往期精彩`, `猜你想看`), or a noun and a recommending tail (`热文推荐`,
/// `小编精选`). Closing decoration is ignored (`推荐阅读 ↓`).
fn is_list_heading(heading: &str, lex: &Lexicons) -> bool {
    let heading = heading.trim_end_matches(|c: char| !c.is_alphanumeric());
    let heading = lex
        .list_owners
        .iter()
        .find_map(|o| heading.strip_prefix(o.as_str()).filter(|r| !r.is_empty()))
        .unwrap_or(heading);
    let is_noun = |s: &str| lex.list_nouns.iter().any(|n| n == s);
    let qualified = lex.list_qualifiers.iter().any(|q| {
        heading
            .strip_prefix(q.as_str())
            .is_some_and(|rest| rest.is_empty() || is_noun(rest))
    });
    let recommended = lex
        .list_tails
        .iter()
        .any(|t| heading.strip_suffix(t.as_str()).is_some_and(&is_noun));
    qualified || recommended
}

/// A line that is one `label：value` field whose label names a fact about
/// the page (`责任编辑：某某`, `索引号 000014349`, `IP属地：杭州`), its
/// original headline (`原标题：某地出台新规？`) or a link to another page
/// (`点击进入专题：某某`, `政策解读：某某`). The joint is a colon, a bar, a
/// slash or a space; outer brackets are ignored (`[责任编辑：某某]`).
///
/// The value decides between a field and prose: it is short and holds no
/// `。`; after a label of people or facts it holds no `，？！；` either, so
/// an interview's `记者：您怎么看？` stays; after a space or a one-character
/// label (`文｜某某`) it is a code or a few words without any clause mark.
fn labelled_field(lower: &str, lex: &Lexicons) -> Option<(Reason, &'static str)> {
    let t = lower
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '[' | '【' | '（' | '('))
        .trim_end();
    let t = strip_outer_brackets(t);
    let kinds: [(&[String], Reason, &'static str, &[char]); 3] = [
        (
            &lex.field_labels,
            Reason::Byline,
            "page fact field",
            &['，', '？', '！', '；', '?', '!'],
        ),
        (&lex.title_labels, Reason::Byline, "original headline", &[]),
        (&lex.link_labels, Reason::RelatedList, "link field", &[]),
    ];
    // A label alone before its colon: the value is on the lines below.
    let bare = t.strip_suffix(['：', ':']).map(str::trim_end);
    if let Some(label) = bare {
        if lex.bare_labels.iter().any(|l| l == label) || lex.link_labels.iter().any(|l| l == label)
        {
            return Some((Reason::SiteChrome, "bare label"));
        }
    }
    for (labels, reason, rule, forbidden) in kinds {
        for label in labels {
            let Some(rest) = t.strip_prefix(label.as_str()) else {
                continue;
            };
            const MARKS: &[char] = &['：', ':', '｜', '|', '丨', '/', '／'];
            let after_space = rest.trim_start();
            let marked = after_space.starts_with(MARKS);
            let spaced = !marked && after_space.len() < rest.len();
            if !marked && !spaced {
                continue;
            }
            let value = after_space.trim_start_matches(MARKS).trim();
            let n = value.chars().count();
            let one_char = label.chars().count() == 1;
            let max = if one_char {
                4
            } else if spaced {
                24
            } else {
                60
            };
            let terse = (!spaced && !one_char) || !value.chars().any(is_sentence_mark);
            let ok = (1..=max).contains(&n)
                && terse
                && !value.contains('。')
                && !value.chars().any(|c| forbidden.contains(&c))
                && !value.ends_with(['：', ':', '、'])
                && (!one_char || value.chars().all(is_han));
            if ok {
                return Some((reason, rule));
            }
        }
    }
    None
}

/// The text inside one pair of outer brackets (`[责任编辑：某某]`), or the
/// text itself.
fn strip_outer_brackets(t: &str) -> &str {
    for (open, close) in [('[', ']'), ('【', '】'), ('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                return inner.trim();
            }
        }
    }
    t
}

/// A head count of readers: an optional `已有`/`共有`, a number, `人` or
/// `位` (or `条` before a counter noun), a crowd verb and at most `了` and a
/// short object (`已有710人参与`, `89 人赞同了该回答`, `共 23 条评论`,
/// `查看全部 36 条回复`). A sentence goes on after the verb
/// (`已有710人参与了这次义诊活动，……`), a headline names its own object
/// (`300人参与救援`).
fn is_crowd_counter(lower: &str, lex: &Lexicons) -> bool {
    let compact = compact_count(lower);
    if compact.chars().count() > 16 || compact.chars().any(is_sentence_mark) {
        return false;
    }
    let rest = lex
        .count_prefixes
        .iter()
        .find_map(|p| compact.strip_prefix(p.as_str()))
        .unwrap_or(&compact);
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    if digits == 0 {
        return false;
    }
    let rest = rest[digits..].trim_start_matches(['万', '千', 'w', 'k', '+']);
    let Some(rest) = rest.strip_prefix(['人', '位', '条', '个']) else {
        return false;
    };
    let rest = rest.strip_prefix('次').unwrap_or(rest);
    lex.crowd_verbs.iter().chain(&lex.counter_words).any(|v| {
        // After the verb: nothing, a perfective `了` and its object
        // (`赞同了该回答`), or a second crowd verb (`参与讨论`); a
        // headline goes on with its own object (`300人参与救援`).
        rest.strip_prefix(v.as_str()).is_some_and(|tail| {
            tail.is_empty()
                || (tail.starts_with('了') && tail.chars().count() <= 4 && tail.chars().all(is_han))
                || lex.crowd_verbs.iter().any(|w| w == tail)
        })
    })
}

/// A post or comment header with a relative time instead of a date
/// (`3分钟前`, `刚刚`, `小王 · 3小时前`, `1天前 · 北京`, `昨天 12:30`,
/// `今天 08:00 来自 iPhone客户端`): one stamp token, the others a short
/// name, a place, a clock time or a device tag. The units need ASCII digits
/// before them, so `三年前的夏天` in prose is no stamp.
fn is_relative_stamp(lower: &str, lex: &Lexicons) -> bool {
    if lower.chars().count() > 40 || lower.chars().any(is_sentence_mark) {
        return false;
    }
    let is_stamp = |t: &str| {
        lex.stamp_words.iter().any(|w| w == t)
            || lex.stamp_alone.iter().any(|w| w == t)
            || lex.stamp_units.iter().any(|u| {
                t.strip_suffix(u.as_str())
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            })
    };
    // A device tag after the stamp (`来自 iPhone客户端`) is the stamp's.
    let head = match lower.find("来自") {
        Some(at) if is_device_tag(&lower[at..], &lex.device_words, &lex.stamp_words) => {
            &lower[..at]
        }
        _ => lower,
    };
    let tokens: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '・' | '|' | '｜'))
        .filter(|t| !t.is_empty())
        .collect();
    let stamps = tokens.iter().filter(|t| is_stamp(t)).count();
    let others_ok = tokens.iter().filter(|t| !is_stamp(t)).all(|t| {
        let n = t.chars().count();
        let clock = find_time(t).is_some_and(|c| c.len() + 1 >= t.len());
        clock || (1..=12).contains(&n) && !t.chars().any(|c| matches!(c, '：' | ':'))
    });
    // A relative day alone (`昨天`) is a one-word reply, not a header.
    let lone_day = tokens.len() == 1
        && tokens
            .iter()
            .all(|t| lex.stamp_words.iter().any(|w| w == t));
    stamps == 1 && tokens.len() <= 3 && others_ok && !lone_day
}

/// A row of interface buttons and switches: every token, split at spaces,
/// bars and dots, is a button word, maybe bracketed, after a `+` or with a
/// count (`关注`, `+关注`, `赞[12]`, `分享 收藏 喜欢`, `【收藏】`,
/// `长者模式 | English`). One word of prose besides (`关注民生`) is no
/// button, nor is a lone word that is also a reply (`喜欢`).
fn is_button_words(lower: &str, lex: &Lexicons) -> bool {
    let compact_len = lower.chars().filter(|c| !c.is_whitespace()).count();
    if compact_len == 0 || compact_len > 30 {
        return false;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '·' | '・' | '丨' | '/'))
        .filter(|t| !t.is_empty())
        .collect();
    // A count standing apart belongs to the button before it (`[赞] 12`).
    let is_count = |t: &str| {
        t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '万' | 'w' | '+'))
    };
    let counted = tokens.iter().any(|t| is_count(t));
    let tokens: Vec<&str> = tokens.into_iter().filter(|t| !is_count(t)).collect();
    !tokens.is_empty()
        && tokens.iter().all(|token| {
            let word = token
                .trim_start_matches(['[', '【', '［', '+', '＋'])
                .trim_end_matches([']', '】', '］', ')', '）', '(', '（'])
                .trim_end_matches(|c: char| {
                    c.is_ascii_digit() || matches!(c, '.' | '万' | 'w' | 'k' | '+')
                })
                .trim_end_matches(['[', '(', '（', ']', '】', '］']);
            // In a row of two or more, a counter noun is a button too
            // (`分享 收藏 喜欢`); alone it may be a one-word reply.
            lex.buttons.iter().any(|b| b == word)
                || (tokens.len() >= 2 && !counted && lex.counter_words.iter().any(|b| b == word))
        })
}

/// An end-of-post marker: an end word set off by decoration on at least one
/// side (`— 完 —`, `- end -`, `/ 全文完 /`, `（全文完）`; `(完)` is left
/// alone: a bracketed 完 closes news copy inside the text). The word alone
/// (`完`) is no marker: a one-character line of a poem or a dialogue.
fn is_end_marker(lower: &str, words: &[String]) -> bool {
    let t = lower.trim();
    let word: String = t
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let decorated = t.chars().next().is_some_and(|c| !c.is_alphanumeric())
        || t.chars().next_back().is_some_and(|c| !c.is_alphanumeric());
    let bracketed_char =
        t.starts_with(['(', '（']) && t.ends_with([')', '）']) && word.chars().count() == 1;
    decorated && !bracketed_char && !word.is_empty() && words.contains(&word)
}

/// A link to another post: a link word, then a colon, slash, bar or space,
/// then a title of a few characters (`上一篇 / 标题`, `previous: 标题`,
/// `re:标题`). A sentence that opens with such a word runs on without the
/// mark (`上篇文章里我们讲过……`).
fn is_post_link(lower: &str, prefixes: &[String]) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let chars = t.chars().count();
    if !(4..=70).contains(&chars) {
        return false;
    }
    prefixes.iter().any(|p| {
        let Some(rest) = t.strip_prefix(p.as_str()) else {
            return false;
        };
        let Some(mark) = rest.chars().next() else {
            return false;
        };
        let title = rest.trim_start_matches([':', '：', '/', '|', '｜', ' ', '»', '>']);
        let marked = matches!(mark, ':' | '：' | '/' | '|' | '｜' | ' ');
        // A Latin word must end where the mark starts (`next:`, not `nextday`).
        marked && title.chars().filter(|&c| is_han(c)).count() >= 4 && !title.contains('。')
    })
}

/// A post's source tag: `来自` and a client or device name, after nothing
/// or a date and time (`来自 iPhone 客户端`, `3月5日 17:13 来自 微博网页版`);
/// after a clock time, any short source (`今天 09:12 来自 微博视频号`) but a
/// news outlet's name (`{date} 09:30 来自 某某日报`), which makes the line a
/// news page's byline, not a post's stamp. Prose that says where something
/// comes from (`来自北京的客人`) names no device and goes on past it.
fn is_device_tag(lower: &str, devices: &[String], stamp_words: &[String]) -> bool {
    let Some(at) = lower.find("来自") else {
        return false;
    };
    let (before, after) = (&lower[..at], lower[at + "来自".len()..].trim());
    // Before `来自`: only digits, date and time marks (a timestamp), maybe
    // after a relative day (`今天 09:12`).
    let day_word = stamp_words
        .iter()
        .find(|w| before.trim_start().starts_with(w.as_str()));
    let stamp = day_word.map_or(before, |w| &before.trim_start()[w.len()..]);
    let stamp_only = stamp.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(c, '-' | '/' | '.' | ':' | '：' | '年' | '月' | '日')
    });
    let tail_chars = after.chars().count();
    // A clock time before `来自` makes the line a post's stamp, whatever
    // the source after it names (`今天 09:12 来自 微博视频号`, `来自 某某超
    // 话`); without one, the source must name a device or a client. A news
    // outlet's name is no post's source but a news byline's (`{date} 09:30
    // 来自 某某日报`), read as a date line, so its headline stays the title.
    let clocked = find_time(stamp).is_some();
    let outlet = names_outlet_not_device(&after.chars().collect::<Vec<char>>());
    stamp_only
        && (day_word.is_none() || clocked)
        && (2..=20).contains(&tail_chars)
        && !after.chars().any(is_sentence_mark)
        && !outlet
        && (clocked || devices.iter().any(|d| after.contains(d.as_str())))
}

/// Unit marks that may stand beside a counter's number.
const UNITS: &[char] = &[
    '次', '人', '条', '个', '篇', '万', '千', '亿', 'w', 'k', '+', ')', '）',
];

/// A counter on its own: a counter noun and one number, with at most a few
/// unit or qualifier characters (`阅读 1.2万`, `浏览 3521 次`, `总访问量：12万`).
/// The number must stand apart from the noun's phrase (a space, a colon or
/// nothing but the noun before it), so `阅读3本书` stays prose.
fn is_lone_counter(lower: &str, counters: &[String]) -> bool {
    let compact = compact_count(lower);
    if compact.chars().count() > 16 {
        return false;
    }
    let numbers = count_numbers(&compact);
    if numbers != 1 {
        return false;
    }
    let Some(word) = counters
        .iter()
        .filter(|w| compact.contains(w.as_str()))
        .max_by_key(|w| w.len())
    else {
        return false;
    };
    // Before the noun, a qualifier of a few characters (`总`, `已被`); after
    // the number, only unit marks (`次`, `万`, `+`): `阅读3本书` goes on.
    let Some(at) = compact.find(word.as_str()) else {
        return false;
    };
    // Number first: a count, a unit and the noun at the end (`26条评论`,
    // `1.2万阅读`).
    let head = &compact[..at];
    let head_digits = head
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(head.len());
    if head_digits > 0
        && compact[at + word.len()..].is_empty()
        && head[head_digits..].chars().count() <= 2
        && head[head_digits..].chars().all(|c| UNITS.contains(&c))
    {
        return true;
    }
    let before = &compact[..at];
    let after = compact[at + word.len()..].trim_start_matches([':', '：', '(', '（']);
    let digits = after
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(after.len());
    digits > 0
        && before.chars().count() <= 3
        && before.chars().all(is_han)
        && after[digits..].chars().count() <= 3
        && after[digits..].chars().all(|c| UNITS.contains(&c))
}

/// A reading-time note under a post's title: a counter noun and a number of
/// minutes, with at most a word count besides (`阅读约需 5 分钟`,
/// `本文共 3200 字，阅读约需 8 分钟`, `阅读时间 6min`).
fn is_reading_time(lower: &str, counters: &[String]) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let minutes = ["分钟", "min"].iter().any(|unit| {
        compact.match_indices(unit).any(|(at, _)| {
            compact[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit())
        })
    });
    minutes
        && compact.chars().count() <= 30
        && (1..=2).contains(&count_numbers(&compact))
        && counters.iter().any(|w| compact.contains(w.as_str()))
}

/// A counter line without its spaces and without the thousands commas of
/// its number (`被浏览 12,345` reads `被浏览12345`).
fn compact_count(lower: &str) -> String {
    let chars: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let digit = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            !(c == ',' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)))
        })
        .map(|(_, &c)| c)
        .collect()
}

/// How many runs of digits (with decimal points) a string holds.
fn count_numbers(s: &str) -> usize {
    let mut count = 0;
    let mut in_number = false;
    for c in s.chars() {
        let digit = c.is_ascii_digit() || (in_number && c == '.');
        if digit && !in_number {
            count += 1;
        }
        in_number = digit;
    }
    count
}

/// The name of a personal blog or space: a short owner name, then `的`, a
/// dash or `'s`, then a site word at the end (`某某的技术博客`,
/// `某某 - 博客园`, `someone's blog`). A heading about blogging
/// (`我为什么写博客`) has no such joint before the site word.
fn is_site_name(lower: &str, suffixes: &[String]) -> bool {
    let chars = lower.chars().count();
    if !(3..=24).contains(&chars) || lower.chars().any(is_sentence_mark) {
        return false;
    }
    suffixes.iter().any(|suffix| {
        let Some(head) = lower.strip_suffix(suffix.as_str()) else {
            return false;
        };
        // A qualifier of up to four Han characters may stand between the
        // joint and the site word (`的技术博客`, `的个人空间`).
        let head = head.trim_end();
        let qualifier = head
            .chars()
            .rev()
            .take_while(|&c| is_han(c) && c != '的')
            .count();
        let joint_at: String = head
            .chars()
            .rev()
            .skip(qualifier.min(4))
            .collect::<String>();
        let joint = joint_at.chars().next();
        // An owner name of two characters or more before the joint.
        let owner = head.chars().count().saturating_sub(qualifier + 1) >= 2;
        (qualifier <= 4 && matches!(joint, Some('的')) && owner)
            || (qualifier == 0
                && (head.ends_with(" -") || head.ends_with('-') || head.ends_with("'s"))
                && head.chars().count() >= 3)
    })
}

/// Ends a sentence, or holds a full stop before its last clause: prose.
pub(crate) fn text_is_sentence(text: &str) -> bool {
    ends_sentence(text.trim_end()) || text.contains('。')
}

/// A short line that reads as a name, a place or a tag rather than a
/// headline: a handle (`@某某`, `leo1357`, `阿飞_38`), a pictograph (`📍`,
/// `✓`, `🌟`, which profile and location lines wear and headlines do not),
/// or two or three short pieces set apart by spaces or bars of which one is
/// a word of three characters or fewer (`旅行｜成都`, `深夜西瓜　赣州`). Social pages put such lines
/// (display names, account names, location and topic lines) above the post;
/// the title search passes over them (see `decide_title` in lib.rs).
pub(crate) fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    let chars: Vec<char> = t.chars().collect();
    if is_profile_tags(t) {
        return true;
    }
    if chars.is_empty() || chars.len() > 24 || chars.iter().any(|&c| is_sentence_mark(c)) {
        return false;
    }
    if ends_sentence(t) || !chars.iter().any(|c| c.is_alphanumeric()) {
        return false;
    }
    if t.contains(['@', '＠']) || wears_badge(t) {
        return true;
    }
    if t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(is_handle_token)
    {
        return true;
    }
    // A follower count beside a name (`某某 · 1234粉丝`) is as short as a
    // place: a number and a word.
    let size = |p: &str| {
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        let rest = p.chars().count() - digits;
        if digits > 0 && (1..=3).contains(&rest) {
            rest
        } else {
            p.chars().count()
        }
    };
    let pieces: Vec<usize> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '｜' | '|' | '·' | '丨' | '・'))
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .map(size)
        .collect();
    let total: usize = pieces.iter().sum();
    // Paired headlines set their halves apart the same way (`党旗领航
    // 履职增效`), but both halves are phrases; a place or a topic word of
    // three characters or fewer is what a tag or location line has.
    (2..=3).contains(&pieces.len())
        && pieces.iter().all(|&n| n <= 8)
        && pieces.iter().any(|&n| n <= 3)
        && total <= 14
}

/// Three or four short pieces set apart by commas, none longer than five
/// characters and one of three or fewer, with nothing else: a profile line
/// of topic, town and habit (`健康，南昌，周末`, `某某，赣州人，爱旅行`).
/// A headline's clauses are longer, and a sentence ends on its mark.
fn is_profile_tags(t: &str) -> bool {
    let pieces: Vec<usize> = t
        .split(['，', ','])
        .map(|p| p.trim().chars().count())
        .collect();
    let clean = !t.chars().any(|c| is_sentence_mark(c) && c != '，')
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '，' | ',' | '_' | ' '));
    // The bio may open on the poster's handle (`tiger1272，合肥人，爱读书`).
    let handle = t
        .split(['，', ','])
        .next()
        .is_some_and(|p| is_handle_token(p.trim()) && p.trim().chars().count() <= 16);
    let sizes = if handle { &pieces[1..] } else { &pieces[..] };
    clean
        && (3..=4).contains(&pieces.len())
        && sizes.iter().all(|&n| (1..=5).contains(&n))
        && sizes.iter().any(|&n| n <= 3)
}

/// A Latin user handle: lower-case letters then two digits or more
/// (`happyfish669`), or a name with an underscore and a number (`tiger_12`).
/// Product names keep their capitals (`iPhone15`) and stay out.
fn is_handle_token(tok: &str) -> bool {
    let letters = tok.chars().take_while(|c| c.is_ascii_lowercase()).count();
    let rest = &tok[letters..];
    let digits = rest.chars().filter(|c| c.is_ascii_digit()).count();
    let plain = letters >= 2 && digits >= 2 && rest.chars().all(|c| c.is_ascii_digit());
    let underscored = tok.contains('_')
        && tok.chars().any(|c| c.is_ascii_digit())
        && tok.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    plain || underscored
}

/// A location pin in front (`📍杭州·西湖`), a verified tick behind
/// (`某某生活圈 ✓`), or an emoji set apart from a name of a few characters
/// (`深夜阿飞 🌟`). An emoji glued to a longer text (`🌸春日赏花攻略🌸`) is a
/// post's own headline and does not count.
fn wears_badge(t: &str) -> bool {
    if t.starts_with('📍') || t.ends_with(['✓', '✔', '☑']) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let emoji_word = |w: &&str| w.chars().all(is_pictograph);
    let text_chars: usize = words
        .iter()
        .filter(|w| !emoji_word(w))
        .map(|w| w.chars().count())
        .sum();
    words.len() >= 2 && words.iter().any(emoji_word) && text_chars <= 6
}

/// Emoji and dingbats (`📍 🌟 ✓ ★ ❤`).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50..=0x2B55)
}

/// Marks that make a line a sentence (or a list of clauses) rather than a
/// row of page furniture.
fn is_sentence_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '、')
}

/// Recognises furniture by the form of the line; `None` for anything that
/// could be prose.
fn furniture_shape(
    text: &str,
    simple_lower: &str,
    all: &[char],
    han: usize,
    has_date: bool,
) -> Option<Shape> {
    let chars = all.len();
    if chars == 0 || chars > 100 {
        return None;
    }
    let lower = text.to_lowercase();
    const FILE_TYPES: &[&str] = &[
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".zip", ".rar", ".txt",
    ];
    if FILE_TYPES.iter().any(|e| lower.trim_end().ends_with(e)) && han >= 2 {
        return Some(Shape::Attachment);
    }
    if chars <= 60 && han >= 4 && is_dated_headline(text) {
        return Some(Shape::DatedHeadline);
    }
    if chars <= 60 && han >= 4 && is_arrow_link(text) {
        return Some(Shape::ArrowLink);
    }
    if all.iter().any(|&c| is_sentence_mark(c)) {
        return None;
    }
    if is_floor_label(text) {
        return Some(Shape::FloorLabel);
    }
    if is_relative_time(text) {
        return Some(Shape::RelativeTime);
    }
    if is_user_level(text) {
        return Some(Shape::UserLevel);
    }
    if is_handle_field(text) {
        return Some(Shape::FieldRow);
    }
    if is_hashtag_row(all) {
        return Some(Shape::Hashtags);
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let trimmed = text.trim_start();
    // A short label before a handle (`原微博：@某某`) credits an account.
    let labelled_handle = chars <= 40
        && text.split_once(['：', ':']).is_some_and(|(label, rest)| {
            let label = label.trim();
            (1..=6).contains(&label.chars().count())
                && label.chars().all(is_han)
                && rest.trim_start().starts_with(['@', '＠'])
                && !rest.trim().contains(' ')
        });
    // A repost credit ends on the account it names (`转自 @某某`).
    let ends_on_handle = chars <= 40
        && tokens.len() >= 2
        && tokens
            .last()
            .is_some_and(|t| t.starts_with(['@', '＠']) && t.chars().count() >= 2);
    if trimmed.starts_with("//@")
        || (chars <= 80 && text.contains("//@"))
        || (trimmed.starts_with('@') && chars <= 50)
        || ends_on_handle
        || labelled_handle
    {
        return Some(Shape::Mentions);
    }
    if chars <= 60
        && is_tag_row(
            &tag_tokens(text)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            text,
        )
    {
        return Some(Shape::TagRow);
    }
    if chars <= 100 && field_labels(all) >= 2 {
        return Some(Shape::FieldRow);
    }
    if chars <= 60 && is_button_row(all) {
        return Some(Shape::ButtonRow);
    }
    // A tab may carry its count in brackets (`商品评价(2万+)`, `评论（128）`):
    // the item is the word before it.
    let bare = |t: &str| -> String {
        let t = t.trim();
        match t.find(['(', '（']) {
            Some(at)
                if at > 0
                    && t.ends_with([')', '）'])
                    && t[at..]
                        .chars()
                        .skip(1)
                        .all(|c| c.is_ascii_digit() || "万千+kKwW.,)）".contains(c)) =>
            {
                t[..at].to_string()
            }
            _ => t.to_string(),
        }
    };
    let wordlike_item = |t: &str| {
        let n = t.chars().count();
        (1..=4).contains(&n) && t.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
    };
    let wordlike = |t: &&str| wordlike_item(t);
    // A longer menu may hold a few longer items or a bracketed switch
    // (`首页 历史上的今天 百科冷知识 图解百科 懂啦`, `北京站 [切换城市] 首页
    // 美食 …`): five items or more, none over six chars, most of four.
    let item = |t: &&str| {
        let t = t
            .trim_start_matches(['[', '【'])
            .trim_end_matches([']', '】']);
        (1..=6).contains(&t.chars().count())
            && t.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
    };
    let long_menu = tokens.len() >= 5
        && tokens.iter().all(item)
        && tokens.iter().filter(|t| wordlike(t)).count() * 10 >= tokens.len() * 6;
    // A row of four tabs may hold one item of five or six chars, and
    // counts in brackets (`商品介绍 规格与包装 售后保障 商品评价(2万+)`);
    // its items are words (a button row counts on one char: `赞(15) 踩`).
    let tab_row = tokens.len() == 4
        && tokens
            .iter()
            .all(|t| item(&bare(t).as_str()) && bare(t).chars().count() >= 2)
        && tokens.iter().filter(|t| wordlike_item(&bare(t))).count() >= 3
        && tokens.iter().any(|t| bare(t) != *t || !wordlike(t));
    // A heading set letter by letter (`民 事 判 决 书`, `通 知`) is no menu:
    // a menu's items are words.
    let words = tokens.iter().filter(|t| t.chars().count() >= 2).count();
    if chars <= 60
        && tokens.len() >= 4
        && (tokens.iter().all(wordlike) || long_menu || tab_row)
        && tokens.iter().filter(|t| t.chars().any(is_han)).count() >= 3
        && words >= 3
    {
        return Some(Shape::MenuRow);
    }
    if has_date && chars <= 60 && !ends_sentence(text) {
        let with_time = find_time(text).is_some();
        if with_time
            || tokens.len() >= 3
            || is_labelled_date(&tokens)
            || is_source_and_date(all)
            || is_name_and_stamp(&tokens)
            || is_stamp_and_outlet(simple_lower)
        {
            return Some(Shape::DateLine);
        }
    }
    if chars <= 40 && !has_date && is_name_and_stamp(&tokens) {
        return Some(Shape::DateLine);
    }
    if chars <= 50 && han >= 2 && is_counter_row(all) {
        return Some(Shape::CounterRow);
    }
    if chars <= 20 && is_category_count(all) {
        return Some(Shape::CategoryCount);
    }
    None
}

/// Tokens for tag detection: a lone `#` joins the word after it (`# 旅行`
/// is the tag `#旅行`), and a `label：` glued to a tag stands apart from it
/// (`话题：#旅行#` is the label `话题：` and the tag `#旅行#`).
fn tag_tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending_mark = false;
    for token in text.split_whitespace() {
        if token == "#" || token == "＃" {
            pending_mark = true;
            continue;
        }
        let token = if pending_mark {
            format!("#{token}")
        } else {
            token.to_string()
        };
        pending_mark = false;
        match token.find(['：', ':']) {
            Some(at)
                if token[at..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '#' || c == '＃') =>
            {
                let colon_len = token[at..].chars().next().map_or(1, char::len_utf8);
                out.push(token[..at + colon_len].to_string());
                out.push(token[at + colon_len..].to_string());
            }
            _ => out.push(token),
        }
    }
    out
}

/// A link to another post marked by an arrow at its outer edge
/// (`← 上一篇的标题`, `下一篇的标题 →`): the arrow points off the page. An
/// arrow inside a sentence (`从北京→上海`) has text on both sides.
fn is_arrow_link(text: &str) -> bool {
    let t = text.trim();
    let inner = if let Some(rest) = t.strip_prefix(['←', '⟵', '⇐']) {
        rest
    } else if let Some(rest) = t.strip_suffix(['→', '⟶', '⇒']) {
        rest
    } else {
        return false;
    };
    let inner = inner.trim();
    !inner.is_empty() && !ends_sentence(inner) && !inner.ends_with(['，', '：', ':'])
}

/// An account's ID under a short label ending in `号` or `ID`
/// (`微信号：abc123`, `公众号ID：abc_news`): the label, a colon and one
/// Latin handle, nothing else.
/// A forum reply's floor number, the line's first token: digits after an
/// optional `#` or `第` and before `楼`/`樓` or `F`, in brackets or not; at
/// most a short name may follow it (the poster's, no sentence). Threads
/// number their replies so; prose writes floors as `三楼` or inside a
/// sentence (`住在5楼的邻居说`), which has more after it.
fn is_floor_label(text: &str) -> bool {
    let t = text.trim();
    let mut tokens = t.splitn(2, char::is_whitespace);
    let first = tokens.next().unwrap_or("");
    let rest = tokens.next().unwrap_or("").trim();
    let inner = first
        .trim_start_matches(['[', '【', '('])
        .trim_end_matches([']', '】', ')'])
        .trim_start_matches(['#', '＃'])
        .trim_start_matches('第');
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    let floor = (1..=5).contains(&digits)
        && matches!(&inner[digits..], "楼" | "樓" | "F" | "f" | "楼:" | "楼：");
    let name_after = rest.chars().count() <= 16 && !rest.chars().any(is_sentence_mark);
    floor && name_after
}

/// A post's age and nothing else: an optional `发布于`/`发表于`/`更新于`,
/// a number of units, `前` (`7 年前`, `发布于3天前`, `2小時前`). Prose says
/// it inside a sentence (`三天前他来过`), with more around it.
fn is_relative_time(text: &str) -> bool {
    let t = text.trim();
    let t = ["发布于", "发表于", "發佈於", "發表於", "更新于", "更新於"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim_start_matches(['：', ':'])
        .trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let Some(rest) = t.get(digits..).map(str::trim) else {
        return false;
    };
    let units = [
        "秒", "分钟", "分鐘", "小时", "小時", "天", "周", "週", "个月", "個月", "月", "年",
    ];
    (1..=3).contains(&digits)
        && rest
            .strip_suffix('前')
            .is_some_and(|u| units.contains(&u.trim()))
}

/// A user's level badge alone: `Lv`/`LV`/`Level`, an optional dot or
/// space, one to three digits.
fn is_user_level(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    if is_level_badge(&t) {
        return true;
    }
    // After a poster's name, as a microblog or video site prints it
    // (`某某的铲屎官 LV.9`): a short name with no clause mark, then the badge.
    ["lv", "level"].iter().any(|b| {
        t.rfind(b).is_some_and(|at| {
            let (name, badge) = t.split_at(at);
            let spaced = name.ends_with(char::is_whitespace);
            let name = name.trim();
            spaced
                && !name.is_empty()
                && name.chars().count() <= POSTER_NAME_MAX_CHARS
                && !name.contains(['，', '。', '；', '！', '？', ',', ';'])
                && is_level_badge(badge)
        })
    })
}

/// The longest poster's name read before a level badge.
const POSTER_NAME_MAX_CHARS: usize = 16;

/// A level badge alone (`lv 6`, `lv.12`, `level 3`), lower-cased.
fn is_level_badge(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("level").or_else(|| t.strip_prefix("lv")) else {
        return false;
    };
    let n = rest.trim_start_matches(['.', ' ', '：', ':']);
    (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
}

fn is_handle_field(text: &str) -> bool {
    let Some((label, value)) = text.trim().split_once(['：', ':', '|', '｜']) else {
        return false;
    };
    let label = label.trim();
    let value = value.trim();
    // An app's account number may be all digits (`小红书号：12345678`).
    let numbered = label.chars().count() >= 3
        && label.ends_with('号')
        && (5..=16).contains(&value.chars().count())
        && value.chars().all(|c| c.is_ascii_digit());
    if numbered && label.chars().all(is_han) {
        return true;
    }
    let label_lower = label.to_ascii_lowercase();
    let label_ok = (2..=10).contains(&label.chars().count())
        && label.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
        && (label.ends_with('号')
            || label.ends_with("微信")
            || label_lower.ends_with("id")
            || label_lower.ends_with("qq"));
    let value_ok = (3..=30).contains(&value.chars().count())
        && value.chars().any(|c| c.is_ascii_alphabetic())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    label_ok && value_ok
}

/// A line that ends with a bracketed date (`（3月15日）`, `(03-15)`,
/// `（2015-03-15）`) after some text, and is no sentence before it.
fn is_dated_headline(text: &str) -> bool {
    let t = text.trim_end();
    let Some(body) = t.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return false;
    };
    let (headline, inside) = (&body[..open], &body[open..]);
    let inside = inside.trim_start_matches(['（', '(']).trim();
    let digits = inside.chars().filter(char::is_ascii_digit).count();
    let date_shaped = (2..=8).contains(&digits)
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '月' | '日' | '年' | '-' | '/' | '.'))
        && (inside.contains('月') || inside.contains(['-', '/', '.']));
    date_shaped
        && !headline
            .trim_end()
            .ends_with(['。', '！', '？', '，', '：'])
}

/// Only `#tag#` groups (and spaces) on the line, at least one of them.
fn is_hashtag_row(all: &[char]) -> bool {
    let is_mark = |c: char| c == '#' || c == '＃';
    let mut tags = 0;
    let mut i = 0;
    while i < all.len() {
        let c = all[i];
        if c == ' ' {
            i += 1;
            continue;
        }
        if !is_mark(c) {
            return false;
        }
        let inner = all[i + 1..]
            .iter()
            .take_while(|&&c| !is_mark(c) && c != ' ')
            .count();
        let close = i + 1 + inner;
        if inner == 0 || inner > 20 || !all.get(close).is_some_and(|&c| is_mark(c)) {
            return false;
        }
        tags += 1;
        i = close + 1;
    }
    tags >= 1
}

/// A short Han label (optionally ending in a colon) and a date, nothing else
/// (`入会时间 2019年5月1日`, `发布日期：2019-05-01`).
fn is_labelled_date(tokens: &[&str]) -> bool {
    let [label, date] = tokens else {
        return false;
    };
    let label = label.trim_end_matches(['：', ':']);
    let n = label.chars().count();
    (2..=6).contains(&n)
        && label.chars().all(is_han)
        && date.chars().any(|c| c.is_ascii_digit())
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '/' | '.'))
}

/// A comment or post header: a user name, then a date or a clock time, then
/// at most a short place name (`某某 2023-05-01`, `某某 18:30 昆明`). The
/// stamp holds only digits and date marks; a diary line that opens with
/// its date (`2019年5月1日 晴`) has no name before it.
fn is_name_and_stamp(tokens: &[&str]) -> bool {
    let stamp = |t: &str| {
        // A clock time, or a date with two marks (`2021.3.8`, `5月1日`);
        // a figure (`13.5`, `1300`) has at most one.
        let marks = t.chars().filter(|c| !c.is_ascii_digit()).count();
        t.chars().filter(char::is_ascii_digit).count() >= 3
            && (find_time(t).is_some() || marks >= 2)
            && t.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '/' | '.' | ':' | '：')
            })
    };
    let name = |t: &str| {
        let n = t.chars().count();
        (2..=12).contains(&n)
            && t.chars().any(|c| c.is_alphabetic())
            && !t
                .chars()
                .any(|c| is_sentence_mark(c) || matches!(c, '：' | ':'))
    };
    match tokens {
        [who, when] => name(who) && stamp(when),
        [who, when, place] => {
            name(who)
                && stamp(when)
                && (1..=5).contains(&place.chars().count())
                && place.chars().all(is_han)
        }
        _ => false,
    }
}

/// A date, then the outlet that printed it, nothing else (`2024-05-12
/// 某某日报`, `2024/05/12 某某新闻网`, `2024-05-12 某某日报·某某网`): a news
/// page's byline without labels, the mirror of a comment header's name and
/// stamp. `simple_lower` is the line in Simplified, where the outlets'
/// endings are read. A diary's date and weather (`2019年5月1日 晴`) or a
/// timeline's date and event (`2008年8月8日 北京奥运会开幕`) names no outlet;
/// a year or a month alone (`2019年5月 某某网上线`) is no byline's date.
fn is_stamp_and_outlet(simple_lower: &str) -> bool {
    let t = simple_lower.trim();
    let Some(date) = dates(t).into_iter().next() else {
        return false;
    };
    if date.at != 0 {
        return false;
    }
    let rest: String = t.chars().skip(date.end).collect();
    let names: Vec<Vec<char>> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '・' | '|' | '｜' | '/' | '／'))
        .filter(|n| !n.is_empty())
        .map(|n| n.chars().collect())
        .collect();
    (1..=2).contains(&names.len())
        && names
            .iter()
            .all(|n| n.len() <= 12 && n.iter().all(|c| c.is_alphanumeric()))
        && names.iter().any(|n| names_outlet(n))
}

/// A bracketed source name and a date, nothing else (`【某某日报】2019-05-01`).
fn is_source_and_date(all: &[char]) -> bool {
    let close = match all.first() {
        Some('【') => '】',
        Some('[') => ']',
        Some('［') => '］',
        _ => return false,
    };
    let Some(end) = all.iter().position(|&c| c == close) else {
        return false;
    };
    let name = &all[1..end];
    let rest = &all[end + 1..];
    (2..=16).contains(&name.len())
        && name.iter().any(|&c| is_han(c))
        && rest.iter().any(|c| c.is_ascii_digit())
        && rest.iter().all(|&c| {
            c.is_ascii_digit() || c == ' ' || matches!(c, '年' | '月' | '日' | '-' | '/' | '.')
        })
}

/// Tags: `#tag` words after an optional short label (`本文标签 #旅行 #美食`);
/// a label with a colon and two or more short items split by `/` `|` or
/// spaces (`关键词：旅行 / 美食`); or `#话题#` groups with at most one short
/// word beside them (`#某地美食# 热议中`).
fn is_tag_row(tokens: &[&str], text: &str) -> bool {
    let is_tag = |t: &str| {
        let n = t.chars().count();
        t.starts_with(['#', '＃']) && (2..=16).contains(&n)
    };
    let short_label = |t: &str| {
        let t = t.trim_end_matches(['：', ':']);
        (1..=6).contains(&t.chars().count()) && t.chars().all(is_han)
    };
    let tags = tokens.iter().filter(|t| is_tag(t)).count();
    if tags >= 1 {
        let others: Vec<&str> = tokens.iter().copied().filter(|t| !is_tag(t)).collect();
        let label_first = tokens.first().is_some_and(|t| !is_tag(t)) && others.len() == 1;
        let closed_groups = tokens.iter().any(|t| {
            let inner = t.trim_start_matches(['#', '＃']);
            inner.ends_with(['#', '＃'])
        });
        let tail_short = others.len() == 1 && others.iter().all(|t| t.chars().count() <= 4);
        return match others.as_slice() {
            [] => tags >= 2,
            [one] => {
                (label_first && short_label(one) && (tags >= 2 || one.ends_with(['：', ':'])))
                    || (closed_groups && tail_short && one.chars().all(is_han))
            }
            _ => false,
        };
    }
    let Some((label, rest)) = text.split_once(['：', ':']) else {
        return false;
    };
    if !short_label(label.trim()) || label.chars().count() < 2 {
        return false;
    }
    let items: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '｜' | '丨'))
        .filter(|s| !s.is_empty())
        .collect();
    let separated = rest.contains(['/', '|', '｜', '丨']);
    separated
        && items.len() >= 2
        && items
            .iter()
            .all(|i| (1..=8).contains(&i.chars().count()) && i.chars().all(|c| c.is_alphanumeric()))
}

/// How many `label：` fields the line holds: a 2-6 character Han label
/// right before a colon, at the line start or after a space.
fn field_labels(all: &[char]) -> usize {
    let mut count = 0;
    for (i, &c) in all.iter().enumerate() {
        if !matches!(c, '：' | ':') {
            continue;
        }
        let label = all[..i].iter().rev().take_while(|&&h| is_han(h)).count();
        let start = i - label;
        let at_edge = start == 0 || all[start - 1].is_whitespace();
        let has_value = all.get(i + 1).is_some_and(|v| !v.is_whitespace());
        if (2..=6).contains(&label) && at_edge && has_value {
            count += 1;
        }
    }
    count
}

/// Two or more bracketed words of up to six characters, with little text
/// outside the brackets.
fn is_button_row(all: &[char]) -> bool {
    let close_of = |c: char| match c {
        '[' => Some(']'),
        '【' => Some('】'),
        '［' => Some('］'),
        _ => None,
    };
    let (mut buttons, mut outside) = (0, 0);
    let mut i = 0;
    while i < all.len() {
        let c = all[i];
        match close_of(c) {
            Some(close) => {
                let Some(len) = all[i + 1..].iter().position(|&x| x == close) else {
                    return false;
                };
                let inner = all[i + 1..i + 1 + len]
                    .iter()
                    .filter(|c| **c != ' ')
                    .count();
                if !(1..=6).contains(&inner) {
                    return false;
                }
                buttons += 1;
                i += len + 2;
            }
            None => {
                if c != ' ' {
                    outside += 1;
                }
                i += 1;
            }
        }
    }
    buttons >= 2 && outside <= 8
}

/// Labels paired with numbers: every word of the line is short, and numbers
/// stand between them (`铜板 120 个 好评度 3`, `赞(12) 踩 收藏 转发`).
fn is_counter_row(all: &[char]) -> bool {
    let mut numbers = 0;
    let mut labels: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let c = all[i];
        if c.is_ascii_digit() {
            numbers += 1;
            i += all[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '.')
                .count();
        } else if c.is_alphabetic() {
            let n = all[i..].iter().take_while(|c| c.is_alphabetic()).count();
            labels.push(n);
            i += n;
        } else {
            i += 1;
        }
    }
    // Counters stand apart (`主题 12 帖子 34`); digits glued into a date
    // (`12月30日电`) or a phrase (`可纳130人`) belong to a sentence.
    let spaced = all.iter().filter(|&&c| c == ' ' || c == '|').count();
    let date_unit = all
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], '年' | '月' | '日' | '号' | '时'));
    let max_label = labels.iter().copied().max().unwrap_or(0);
    !date_unit
        && labels.len() >= 2
        && ((numbers >= 2 && max_label <= 4 && spaced >= 1)
            // Three counters or more may carry longer labels
            // (`笔记 2 粉丝 144 获赞与收藏 569`).
            || (numbers >= 3 && labels.len() >= 3 && max_label <= 6 && spaced >= 2)
            || (numbers == 1 && labels.len() >= 3 && max_label <= 2 && spaced >= 2))
}

/// `分类名(12)`: a short name and a parenthesised count, nothing else.
fn is_category_count(all: &[char]) -> bool {
    let name = all.iter().take_while(|&&c| is_han(c)).count();
    let rest: String = all[name..].iter().filter(|c| **c != ' ').collect();
    let inner = rest
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    (2..=8).contains(&name)
        && inner.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// The first label of a line from its own features only. `None` means
/// undecided: smoothing decides from the neighbours.
pub fn first_label(f: &LineFeatures, rel_pos: f64) -> Option<(LineClass, Option<String>)> {
    let bp = |r: Reason, rule: String| Some((LineClass::Boilerplate(r), Some(rule)));
    let first_hit = |class: PhraseClass| {
        f.hits
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, p)| p.clone())
    };
    let long_body = f.chars >= 120 && f.clause_marks >= 4;

    if f.han == 0 && !f.hits.is_empty() && f.chars <= 80 {
        // Latin-only furniture (`Powered by`, `Archiver`, `GMT+8`, `©`).
        let (c, p) = &f.hits[0];
        return bp(c.reason(), format!("lexicon:{p}"));
    }
    if !f.has_alnum {
        return bp(Reason::Decoration, "no text".into());
    }
    if f.is_date_or_time_only {
        return bp(Reason::Byline, "date/time line".into());
    }
    let legal = f.hits_of(PhraseClass::Legal);
    // A sentence of clauses naming one legal word (`主办单位`, `举报电话`)
    // is the article's own unless it stands where footers do or opens on a
    // label (`版权声明：本文为博主原创文章，…`).
    let clause_sentence = !f.labelled
        && f.chars >= 30
        && f.han * 2 >= f.chars
        && f.ends_sentence
        && f.clause_marks >= 2;
    let legal_one =
        legal == 1 && !long_body && ((f.chars <= 60 && !clause_sentence) || rel_pos >= 0.6);
    if legal >= 2 || legal_one {
        return bp(
            Reason::Legal,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::Legal).unwrap_or_default()
            ),
        );
    }
    // A short line with a chrome phrase is chrome unless it reads as a
    // sentence (ends with a full stop after clause structure).
    // A full sentence (a subject and a predicate need about eight characters)
    // ending in `。` is prose even when it mentions a furniture word.
    let prose = f.chars >= 8 && f.han * 2 >= f.chars && text_ends_with_full_stop(f);
    // A question or exclamation built of clauses is as much a sentence
    // (`请问楼主说的是哪种，网上那种可以吗？`); one of two clauses or more
    // and thirty chars is prose whatever furniture words it names
    // (`文案被转发了两百多次，点赞的人很多，真来住的人很少。`), while the
    // furniture that reads as a sentence is short or has one clause
    // (`谢谢楼主分享！`, `转发、点赞、收藏，一键三连！`).
    let clauses = f.chars >= 12 && f.han * 2 >= f.chars && f.ends_sentence && f.clause_marks >= 1;
    let long_prose = clauses && f.chars >= 30 && f.clause_marks >= 2;
    let forum = f.hits_of(PhraseClass::ForumChrome);
    if (forum >= 2 && !long_prose) || (forum == 1 && f.chars <= 60 && !prose && !clauses) {
        return bp(
            Reason::ForumChrome,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::ForumChrome).unwrap_or_default()
            ),
        );
    }
    let chrome = f.hits_of(PhraseClass::SiteChrome);
    if (chrome >= 2 && !long_prose) || (chrome == 1 && f.chars <= 30 && !prose && !clauses) {
        return bp(
            Reason::SiteChrome,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::SiteChrome).unwrap_or_default()
            ),
        );
    }
    let nav = f.hits_of(PhraseClass::Navigation);
    if nav >= 1 && f.chars <= 60 && !f.is_body_anchor() {
        return bp(
            Reason::Navigation,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::Navigation).unwrap_or_default()
            ),
        );
    }
    if f.separators >= 2 && f.segments_short && !f.ends_sentence && f.clause_marks <= 1 {
        return bp(Reason::Navigation, "separator trail".into());
    }
    // One breadcrumb arrow between short names is enough (`新闻中心 > 本地新闻`),
    // also after a `label：` (`位置：首页 > 本地新闻`).
    if f.arrows >= 1
        && f.segments_short
        && f.chars <= 40
        && f.clause_marks <= usize::from(f.labelled)
        && !f.ends_sentence
    {
        return bp(Reason::Navigation, "breadcrumb".into());
    }
    // A forum's trail ends on the thread's headline, which may ask
    // (`论坛首页 » 某某交流区 » 老空调漏水，自己能处理吗？`): two arrows
    // between short steps make it a trail whatever its last step says.
    if f.arrows >= 2 && f.segments_short && f.chars <= 60 {
        return bp(Reason::Navigation, "breadcrumb to a headline".into());
    }
    if f.post_link {
        return bp(Reason::RelatedList, "shape:link to another post".into());
    }
    if f.caption_marker && f.chars <= 120 {
        return bp(Reason::Caption, "caption marker".into());
    }
    let byline = f.hits_of(PhraseClass::Byline);
    // A byline states facts; a line that asks or exclaims after `记者：` is
    // an interview's dialogue.
    if byline >= 1
        && f.chars <= 60
        && f.clause_marks <= 3
        && !(f.ends_sentence && f.chars > 30)
        && !f.ends_question
        && !prose
    {
        return bp(
            Reason::Byline,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::Byline).unwrap_or_default()
            ),
        );
    }
    if f.hits_of(PhraseClass::Caption) >= 1 && f.chars <= 60 && !f.is_body_anchor() {
        return bp(
            Reason::Caption,
            format!(
                "lexicon:{}",
                first_hit(PhraseClass::Caption).unwrap_or_default()
            ),
        );
    }
    if let Some((reason, kind)) = f.worded {
        return bp(reason, format!("shape:{kind}"));
    }
    if let Some(shape) = f.shape {
        let (reason, rule) = match shape {
            Shape::MenuRow => (Reason::Navigation, "menu row"),
            Shape::CategoryCount => (Reason::Navigation, "category with count"),
            Shape::CounterRow => (Reason::SiteChrome, "counter row"),
            Shape::Hashtags => (Reason::SiteChrome, "hashtag row"),
            Shape::Mentions => (Reason::SiteChrome, "mention/repost line"),
            Shape::Attachment => (Reason::SiteChrome, "attachment link"),
            Shape::ButtonRow => (Reason::SiteChrome, "button row"),
            Shape::DateLine => (Reason::Byline, "date line"),
            Shape::TagRow => (Reason::Navigation, "tag row"),
            Shape::FieldRow => (Reason::SiteChrome, "field row"),
            Shape::DatedHeadline => (Reason::RelatedList, "headline with a bracketed date"),
            Shape::ArrowLink => (Reason::RelatedList, "arrow link to another post"),
            Shape::FloorLabel => (Reason::ForumChrome, "floor number"),
            Shape::RelativeTime => (Reason::Byline, "post age"),
            Shape::UserLevel => (Reason::ForumChrome, "user level"),
        };
        return bp(reason, format!("shape:{rule}"));
    }
    if f.is_body_anchor() {
        return Some((LineClass::Body, None));
    }
    None
}

fn text_ends_with_full_stop(f: &LineFeatures) -> bool {
    f.ends_full_stop
}

/// Whether a line is made only of punctuation/symbols.
pub fn is_decoration(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| !c.is_alphanumeric() || is_cjk_punct(c))
}

/// Whether a line opens on a section number (`一、`, `（二）`, `3.`,
/// `第四章`): a heading inside the article, not its headline.
pub fn starts_enumerated(text: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十百零〇0123456789０１２３４５６７８９";
    let t = text.trim_start();
    let t = t.strip_prefix(['（', '(']).unwrap_or(t);
    let t = t.strip_prefix('第').unwrap_or(t);
    let digits = t.chars().take_while(|&c| NUMERALS.contains(c)).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    t.chars()
        .nth(digits)
        .is_some_and(|c| "、.．）)章节節部篇条條".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class and rule a line gets on its own, mid-document.
    fn labelled(line: &str) -> Option<(LineClass, Option<String>)> {
        let lex = Lexicons::builtin();
        let f = features(line, &line.to_lowercase(), &lex);
        first_label(&f, 0.5)
    }

    fn label(line: &str) -> Option<LineClass> {
        labelled(line).map(|(c, _)| c)
    }

    /// Asserts that every line of `lines` gets the label `want`.
    fn assert_each_labelled(lines: &[&str], want: Option<LineClass>) {
        for line in lines {
            assert_eq!(label(line), want, "{line}");
        }
    }

    #[test]
    fn a_token_repeated_alone_between_items_separates_them() {
        let nav = Some(LineClass::Boilerplate(Reason::Navigation));
        assert_each_labelled(
            &[
                "首页 ◆ 新闻中心 ◆ 本地要闻",
                // `›` whose lost byte was guessed as `…` in UTF-8 read as GBK.
                "赣州生活网社区 …… 论坛 …… 灌水专区 …… 查看内容",
                // `»` read as GBK.
                "綿陽生活網社區 禄 襄陽雜談 禄 帖子詳情",
            ],
            nav,
        );
        assert_eq!(
            spaced_separators(&["第", "1", "章", "第", "2", "章"]),
            Vec::<&str>::new()
        );
        assert_eq!(
            spaced_separators(&["首页", "|", "新闻", "|", "本地"]),
            Vec::<&str>::new()
        );
        assert_ne!(label("他说 …… 我们 …… 再等等吧。"), nav);
    }

    #[test]
    fn a_posts_age_and_a_users_level_are_furniture() {
        for line in ["7 年前", "发布于3天前", "2小時前", "更新于 12 分钟前"] {
            assert_eq!(
                labelled(line).and_then(|(_, r)| r).as_deref(),
                Some("shape:post age"),
                "{line}"
            );
        }
        for line in [
            "Lv 6",
            "LV.12",
            "level 3",
            "团子和年糕的铲屎官 LV.9",
            "某某 Lv 6",
        ] {
            assert_eq!(
                labelled(line).and_then(|(_, r)| r).as_deref(),
                Some("shape:user level"),
                "{line}"
            );
        }
        for line in [
            "三天前他来过这里。",
            "7年前的今天",
            "Lv 6级会员可以发帖",
            "lvmh",
            // a sentence before the badge is no poster's name
            "我终于升到了，真不容易 LV.9",
        ] {
            let rule = labelled(line).and_then(|(_, r)| r);
            assert!(
                !rule
                    .as_deref()
                    .is_some_and(|r| r.ends_with("post age") || r.ends_with("user level")),
                "{line}: {rule:?}"
            );
        }
    }

    #[test]
    fn a_sentence_of_clauses_naming_one_legal_word_is_body_mid_page() {
        let legal = Some(LineClass::Boilerplate(Reason::Legal));
        assert_ne!(
            label("通知强调，要畅通群众反映问题渠道，公布监督举报电话，及时回应群众诉求。"),
            legal
        );
        // Opening on its label, or short, it is the footer's.
        assert_eq!(
            label("版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。"),
            legal
        );
        assert_eq!(label("举报电话：12345"), legal);
    }

    #[test]
    fn a_sites_disclaimer_in_its_own_wording_is_legal_and_a_speakers_is_not() {
        let legal = Some(LineClass::Boilerplate(Reason::Legal));
        let footer = |line: &str| {
            let lex = Lexicons::builtin();
            let f = features(line, &line.to_lowercase(), &lex);
            first_label(&f, 0.9).map(|(c, _)| c)
        };
        // Each site names itself in its disclaimer: no fixed phrase of the
        // boilerplate list holds them all.
        for line in [
            "本文仅作科普，不构成任何医疗建议。",
            "以上内容仅代表作者个人观点，不代表某某网立场。",
            "温馨提示：论坛帖子仅供参考，请以官方公告为准。",
            "本站刊载的所有稿件，不代表本站及其运营方的观点，版权归原作者所有。",
            "本文为作者原创，如若转载，请注明出处。",
        ] {
            assert_eq!(footer(line), legal, "{line}");
        }
        // A speaker's disclaimer in a story names no site or text, a line
        // opening on a person is no notice, and an advice of one's own is
        // no disclaimer.
        for line in [
            "他强调，这只是个人看法，不代表公司立场。",
            "王某同志：“这些意见仅供参考”的说法不对。",
            "说几个对我有用的小办法，仅供参考，严重的一定要去医院。",
            "以上几种做法是我自己的经验，内容仅供参考。",
            "这篇报道被多家媒体转载，记者在文中保留了当事人的原话。",
        ] {
            assert_ne!(label(line), legal, "{line}");
        }
    }

    #[test]
    fn a_wire_storys_end_mark_follows_its_last_sentence() {
        assert!(ends_sentence("现在已经有四十多名队员。（完）"));
        assert!(ends_sentence("记者从会上获悉此事。(完)"));
        assert!(!ends_sentence("完"));
        assert!(!ends_sentence("社会新闻精选（完）"));
    }

    #[test]
    fn dates_and_times() {
        let cases: [(&str, Option<&str>); 21] = [
            (
                "2025-01-09 09:14:15 来源：浙江政协同心苑",
                Some("2025-01-09 09:14:15"),
            ),
            // A two-digit year, as Weibo stamps an earlier year's post,
            // only with a clock time after it.
            ("24-3-15 08:42 来自 iPhone客户端", Some("2024-03-15 08:42")),
            ("比分24-3-15，主队胜", None),
            ("编号 24-3-15-2 08:42", None),
            ("24-13-15 08:42", None),
            (
                "雪莲 发表于 2021-1-13 09:17 | 显示全部楼层",
                Some("2021-01-13 09:17"),
            ),
            ("2020年12月10日，远安县政协", Some("2020-12-10")),
            ("投入3.08亿元，共2023个项目", None),
            ("2024年，市政协", None),
            // Typeset with a space on each side of 年 月 日.
            (
                "2023 年 02 月 10 日 · 随笔 · 阅读 1,024",
                Some("2023-02-10"),
            ),
            ("2024 年 2 月 17 日 09:30", Some("2024-02-17 09:30")),
            ("2023 年 3 月的数据", None),
            // English months, as blog platforms and feeds print them.
            ("Oct 07 Sat 2023 15:20", Some("2023-10-07 15:20")),
            ("Posted on October 7, 2023", Some("2023-10-07")),
            (
                "Sat, 07 Oct 2023 15:20:00 +0800",
                Some("2023-10-07 15:20:00"),
            ),
            ("发表于 7 Sept 2021", Some("2021-09-07")),
            // C's ctime order, as PTT prints a post's time.
            ("時間 Mon Jun 12 23:41:08 2023", Some("2023-06-12 23:41:08")),
            ("Jun 12 23:41 2023", Some("2023-06-12 23:41")),
            // A month without a day, or a day far from its year, is no date.
            ("May 2023 的销量", None),
            ("March 3 was cold; 2023 was warm", None),
            ("June 12 at 23:41, 2023 people came", None),
        ];
        for (line, date) in cases {
            assert_eq!(find_date(line).as_deref(), date, "{line}");
        }
        assert_eq!(find_date("may 5 people join in 2023"), None);
        assert_eq!(
            find_time("GMT+8, 2025-12-22 16:20").as_deref(),
            Some("16:20")
        );
        assert_eq!(find_time("比分3:2"), None);
    }

    #[test]
    fn furniture_lines_are_labelled_by_kind() {
        let bp = |r| Some(LineClass::Boilerplate(r));
        let cases = [
            ("首页 > 新闻中心 > 地方动态", bp(Reason::Navigation)),
            ("新闻中心 > 本地新闻", bp(Reason::Navigation)),
            ("位置：首页＞本地新闻", bp(Reason::Navigation)),
            (
                "论坛首页 » 空调维修交流区 » 老空调室内机漏水，自己能处理吗？",
                bp(Reason::Navigation),
            ),
            ("机构概况丨政务公开丨办事服务", bp(Reason::Navigation)),
            (
                "网站首页 | 机构概况 | 政务公开 | 办事服务",
                bp(Reason::Navigation),
            ),
            (
                "字体：大 中 小 【打印本页】 【关闭窗口】",
                bp(Reason::SiteChrome),
            ),
            ("查看：5244|回复：1", bp(Reason::ForumChrome)),
            ("使用道具 举报", bp(Reason::ForumChrome)),
            ("版权所有 © 2024 某某网 未经许可不得转载", bp(Reason::Legal)),
            ("京ICP备12345678号-1", bp(Reason::Legal)),
            ("责任编辑：王小明", bp(Reason::Byline)),
            ("（记者 张三 通讯员 李四）", bp(Reason::Byline)),
            ("▲图为活动现场。", bp(Reason::Caption)),
            ("09:14:15", bp(Reason::Byline)),
            ("×", bp(Reason::Decoration)),
        ];
        for (line, want) in cases {
            assert_eq!(label(line), want, "{line}");
        }
    }

    #[test]
    fn a_replys_floor_number_is_forum_chrome() {
        for line in [
            "2楼",
            "1樓",
            "#5楼",
            "[第3楼] 同城老王",
            "12F",
            "第108楼 river_88",
        ] {
            assert_eq!(
                labelled(line),
                Some((
                    LineClass::Boilerplate(Reason::ForumChrome),
                    Some("shape:floor number".to_string())
                )),
                "{line}"
            );
        }
        // Floors in prose, and numbers that are no floor.
        for line in [
            "住在5楼的邻居说，电梯又坏了。",
            "5楼 的邻居每天早上六点就开始装修，吵得整栋楼都睡不着",
            "2023年",
            "三楼",
        ] {
            assert!(!is_floor_label(line), "{line}");
        }
    }

    #[test]
    fn furniture_is_recognised_by_shape() {
        let shape = |line: &str| {
            let lex = Lexicons::builtin();
            features(line, &line.to_lowercase(), &lex).shape
        };
        let cases = [
            ("要闻  财经  体育  汽车  房产  教育", Some(Shape::MenuRow)),
            ("主页 随笔 相册 留言", Some(Shape::MenuRow)),
            (
                "商品介绍 规格与包装 售后保障 商品评价(2万+)",
                Some(Shape::MenuRow),
            ),
            ("详情 评论（128） 相关 收藏", Some(Shape::MenuRow)),
            // A heading set letter by letter is none.
            ("民 事 判 决 书", None),
            // Five items or more may hold a longer one or a bracketed switch.
            (
                "首页 历史上的今天 冷知识 图解百科 懂啦",
                Some(Shape::MenuRow),
            ),
            (
                "北京站 [切换城市] 首页 美食 丽人 结婚 亲子",
                Some(Shape::MenuRow),
            ),
            ("帖子 238 精华 2 积分 1054", Some(Shape::CounterRow)),
            ("文章 86 篇 评论 1024 条", Some(Shape::CounterRow)),
            ("赞(15) 踩 分享 收藏", Some(Shape::CounterRow)),
            ("散文随笔(31)", Some(Shape::CategoryCount)),
            ("#春节回家# #武汉#", Some(Shape::Hashtags)),
            ("//@山城小王: 说得太对了", Some(Shape::Mentions)),
            (
                "附件：关于2023年度项目申报的通知.docx",
                Some(Shape::Attachment),
            ),
            ("【 推荐 】【 打印 】【 关闭 】", Some(Shape::ButtonRow)),
            ("2023-05-06 08:30 网友 小周", Some(Shape::DateLine)),
            ("原创 山城小王 重庆日报 2023年5月6日", Some(Shape::DateLine)),
            ("注册时间 2016年3月12日", Some(Shape::DateLine)),
            ("【山城晚报】2016-03-12", Some(Shape::DateLine)),
            ("标签：旅行 / 美食 / 重庆", Some(Shape::TagRow)),
            ("本文标签 #旅行 #美食", Some(Shape::TagRow)),
            ("#重庆美食# 热议中", Some(Shape::TagRow)),
            ("转载自 @山城小王", Some(Shape::Mentions)),
            (
                "联系地址：重庆市渝中区某路1号 联系电话：023-12345678",
                Some(Shape::FieldRow),
            ),
            // Prose, datelines, censored text and headings are no furniture.
            ("（本报北京5月6日电）", None),
            ("教**援可*纳130人", None),
            ("1997年5月20日", None),
            ("三、大力推进2023年重点工程建设", None),
            ("2、该所民警在辖区商场开展安全检查。", None),
            ("#春节回家#今天终于到家了，妈妈做了一桌菜。", None),
        ];
        for (line, want) in cases {
            assert_eq!(shape(line), want, "{line}");
        }
        assert_eq!(
            label("帖子 238 精华 2 积分 1054"),
            Some(LineClass::Boilerplate(Reason::SiteChrome))
        );
        assert_eq!(
            label("2023-05-06 08:30 网友 小周"),
            Some(LineClass::Boilerplate(Reason::Byline))
        );
    }

    #[test]
    fn short_furniture_is_recognised_by_its_words() {
        let chrome = Some(LineClass::Boilerplate(Reason::SiteChrome));
        assert_each_labelled(
            &[
                // Prompts: a verb of following, and what it points at.
                "关注「山城生活圈」，每天都有新鲜事",
                "点击上方蓝字，一键订阅",
                "▲长按二维码，识别关注",
                "戳这里，收藏本号",
                // Feed headers: a user name, then a feed verb phrase.
                "山城小王 分享了一篇文章",
                "追梦人_2021 转发了这条微博",
            ],
            chrome,
        );
        let caption = Some(LineClass::Boilerplate(Reason::Caption));
        assert_each_labelled(
            &["配图源自网络", "题图源自视觉中国", "（照片由受访单位提供）"],
            caption,
        );
        let related = Some(LineClass::Boilerplate(Reason::RelatedList));
        assert_each_labelled(
            &[
                "热门视频",
                "精彩文章：",
                "最新资讯",
                "某市推出十项便民服务新举措（3月15日）",
                "全省春耕生产有序推进(03-15)",
                "某区青年创业大赛招募公告（2021-03-15）",
            ],
            related,
        );
        for line in [
            // A sentence with a date in brackets, a heading that only
            // starts like a list heading, a picture in a sentence.
            "会议要求各地抓好春耕生产（3月15日）。",
            "相关部门正在调查",
            "这张照片来自一位市民的投稿，拍下了事故发生的瞬间。",
        ] {
            assert_ne!(label(line), related, "{line}");
            assert_ne!(label(line), caption, "{line}");
        }
        for line in [
            // Sentences that open with the same verbs are prose.
            "关注民生，是各级政府的责任。",
            "关注度持续上升，相关话题热议不断",
            "点击率是衡量广告效果的重要指标",
            "收藏家张先生 分享了他的藏品故事。",
        ] {
            assert_ne!(label(line), chrome, "{line}");
        }
    }

    #[test]
    fn body_lines_are_not_furniture() {
        assert_each_labelled(
            &[
                "远安县政协组织部分政协委员、相关单位负责人开展专题视察并进行现场协商。",
                "群众举报后，执法人员迅速赶到现场，依法查处了这家无证经营的作坊。",
                "记者从市政府新闻发布会上获悉，今年全市新增就业岗位三万余个，超额完成年度目标。",
                "2020年12月10日，远安县政协组织部分政协委员开展专题视察。",
            ],
            Some(LineClass::Body),
        );
        // Short sentences that mention a furniture word are still prose.
        for line in [
            "该文发表于2020年。",
            "他在会上举报了此事。",
            // One field, an ordinary line with `#`.
            "主持人：我们今天请到了李教授",
            "第3#楼的住户都已搬离",
        ] {
            assert!(
                !matches!(label(line), Some(LineClass::Boilerplate(_))),
                "{line}"
            );
        }
        // Short headings are undecided: their neighbours decide.
        assert_eq!(label("党建引领经济加速度"), None);
    }
    /// The rule that removed a line, or `None` when it was kept or left to
    /// the neighbours.
    fn rule(line: &str) -> Option<String> {
        labelled(line).and_then(|(_, r)| r)
    }

    /// Each line is removed by the rule named beside it.
    fn assert_rules(cases: &[(&str, &str)]) {
        for (line, want) in cases {
            assert_eq!(rule(line).as_deref(), Some(*want), "{line}");
        }
    }

    /// No line is taken for boilerplate on its own.
    fn assert_not_boilerplate(lines: &[&str]) {
        for line in lines {
            assert!(
                !matches!(label(line), Some(LineClass::Boilerplate(_))),
                "{line}: {:?}",
                rule(line)
            );
        }
    }

    #[test]
    fn social_and_blog_furniture_is_recognised_by_structure() {
        let cases: &[(&str, &str)] = &[
            // Source tags: a client or device after `来自`, maybe after a stamp.
            ("来自 华为Mate 60 Pro", "shape:client or device tag"),
            ("12-31 08:05 来自 微博网页版", "shape:client or device tag"),
            (
                "4月2日 21:40 来自 小米14 Ultra",
                "shape:client or device tag",
            ),
            ("来自安卓客户端", "shape:client or device tag"),
            ("今天 09:12 来自 微博视频号", "shape:client or device tag"),
            ("3-18 09:30 来自 某某超话", "shape:client or device tag"),
            // Lone counters: a counter noun and one number.
            ("播放 3.5万", "shape:counter"),
            ("粉丝 862", "shape:counter"),
            ("人气：12万+", "shape:counter"),
            ("已被围观 532 次", "shape:counter"),
            // Reading-time notes.
            ("阅读约需 7 分钟", "shape:reading time"),
            ("全文 4800 字，阅读时间约 12 分钟", "shape:reading time"),
            // Names of personal blogs.
            ("山间小路的读书博客", "shape:personal site name"),
            ("老周的部落格", "shape:personal site name"),
            ("xiaoming's blog", "shape:personal site name"),
            ("北方的狼 - 博客园", "shape:personal site name"),
            // A label and a handle; an ID field.
            ("原帖：@江南听雨", "shape:mention/repost line"),
            ("视频号：@城市夜读", "shape:mention/repost line"),
            ("公众号ID：city_reading", "shape:field row"),
            ("微信号：zhou_2019", "shape:field row"),
            ("投稿请加微信：ed_city", "shape:field row"),
            // Comment and post headers: a name and a stamp, maybe a place.
            ("山间小路 2023-05-01", "shape:date line"),
            ("夜读君 18:30 昆明", "shape:date line"),
            ("lucky_fish 2021.3.8", "shape:date line"),
            // Tags under a glued label, and `# tag` words.
            ("话题：#春运# #返乡日记#", "shape:tag row"),
            ("# 读书  # 旅行", "shape:tag row"),
            // Links to other posts marked by an outer arrow.
            ("← 周末去郊外看油菜花", "shape:arrow link to another post"),
            (
                "春天来了，去郊外看一场油菜花 →",
                "shape:arrow link to another post",
            ),
            // A reply header in a comment section.
            ("清风徐来 回复 山间小路", "shape:feed header"),
            // Number-first counters.
            ("26条评论", "shape:counter"),
            // End markers, set off by decoration.
            ("— 完 —", "shape:end-of-post marker"),
            ("~ END ~", "shape:end-of-post marker"),
            ("*** 全文完 ***", "shape:end-of-post marker"),
            ("（全文完）", "shape:end-of-post marker"),
            // Prompts with more verbs and cues of such pages.
            ("后台回复“资料”免费领取", "shape:reader prompt"),
            ("邀请好友一起星标本号", "shape:reader prompt"),
            // List headings.
            ("近期热文", "shape:related-list heading"),
            ("你可能还喜欢", "shape:related-list heading"),
            ("1.2万阅读", "shape:counter"),
            // Links to other posts by their opening word and mark, even
            // when the title ends with a question mark.
            (
                "下一篇 / 城里的菜价为何涨了？",
                "shape:link to another post",
            ),
            ("Previous: 秋天去哪里看红叶", "shape:link to another post"),
            ("Re:老房子改造的三点经验", "shape:link to another post"),
            ("上篇：一座小城的早餐地图", "shape:link to another post"),
        ];
        assert_rules(cases);
    }

    #[test]
    fn portal_gov_and_answer_furniture_is_recognised_by_fields_and_counts() {
        let lex = Lexicons::builtin();
        // One field whose label names a fact about the page, its original
        // headline or a link to another page: the field rule itself
        // recognises each (some also carry a lexicon phrase), and the line
        // is removed.
        let fields: &[(&str, &str)] = &[
            (
                "原标题：某地出台新规，小店也能开上网？",
                "original headline",
            ),
            ("[责任编辑：李明]", "page fact field"),
            ("【排版：李明】", "page fact field"),
            ("校对 张小红", "page fact field"),
            ("发文机关：某市人民政府办公室", "page fact field"),
            ("主题分类：城乡建设、环境保护", "page fact field"),
            ("索引号 11330100mb1234567x", "page fact field"),
            ("ip属地：杭州", "page fact field"),
            ("文｜周静", "page fact field"),
            ("图 / 网络", "page fact field"),
            ("原文链接：https://example.com/s/abc123", "page fact field"),
            ("博主：林小舟", "page fact field"),
            ("整理：林小舟", "page fact field"),
            ("摘自：《新民晚报》", "page fact field"),
            ("来自： 晚风不晚 （一个普通上班族）", "page fact field"),
            ("处理状态：已办结", "page fact field"),
            ("办理单位：北岭区住房和城乡建设局", "page fact field"),
            ("点击进入专题：两会时间", "link field"),
            ("政策解读：一图读懂新版住房公积金办法", "link field"),
        ];
        for (line, want) in fields {
            assert_eq!(
                labelled_field(line, &lex).map(|(_, r)| r),
                Some(*want),
                "{line}"
            );
            assert!(
                matches!(label(line), Some(LineClass::Boilerplate(_))),
                "{line}"
            );
        }
        let cases: &[(&str, &str)] = &[
            // Head counts of readers.
            ("已有710人参与", "shape:head count"),
            ("89 人赞同了该回答", "shape:head count"),
            ("3.2万人想看", "shape:head count"),
            // Three counters with a long label.
            ("笔记 2  粉丝 144  获赞与收藏 569", "shape:counter row"),
            // Headings of lists over a time window.
            ("24小时热文", "shape:related-list heading"),
            ("一周热点", "shape:related-list heading"),
            ("为您推荐", "shape:related-list heading"),
        ];
        assert_rules(cases);
    }

    #[test]
    fn buttons_bare_labels_and_reply_counts_are_removed() {
        let cases: &[(&str, &str)] = &[
            // Interface buttons alone or in a row, bracketed or counted.
            ("+关注", "shape:button words"),
            ("+ 关注TA", "shape:button words"),
            ("关注他", "shape:button words"),
            ("私信", "shape:button words"),
            ("赞[12]", "shape:button words"),
            ("【收藏】", "shape:button words"),
            ("分享 收藏 喜欢", "shape:button words"),
            ("适老化 | 繁体", "shape:button words"),
            ("政务微信 政务抖音", "shape:button words"),
            // A label alone before its colon.
            ("附件下载：", "shape:bare label"),
            ("相关附件：", "shape:bare label"),
            ("相关文件：", "shape:bare label"),
            // Counts of replies and comments after a prefix.
            ("共 23 条评论", "shape:head count"),
            ("查看全部 36 条回复", "shape:head count"),
            ("128人参与讨论", "shape:head count"),
            // An app account number, a label with a space in it.
            ("小红书号：12345678", "shape:field row"),
            ("微信号 | abc123", "shape:field row"),
            ("IP 属地：广东", "shape:page fact field"),
        ];
        assert_rules(cases);
    }

    #[test]
    fn body_lines_like_buttons_and_counts_are_kept() {
        assert_not_boilerplate(&[
            // A one-word reply, words that open with a button word.
            "喜欢",
            "“喜欢吗？”",
            "关注民生",
            "收藏家的故事",
            "笔记本电脑",
            "注册会计师",
            "回复他的信",
            // Headlines with a count and their own object.
            "300人参与救援",
            "共3条意见",
            "查看全部资料",
            // A colon that introduces a list in prose.
            "全文如下：",
            "路线如下：",
            "编号：",
        ]);
    }

    proptest::proptest! {
        /// The field, head-count and button rules never panic, and a line
        /// that a full sentence ends is never taken for a field or a
        /// button row, whatever label or button word opens it.
        #[test]
        fn field_and_button_rules_leave_full_sentences(
            head in "[原责编校图文附件分享关注赞共人条评论：:｜| 0-9a-z，。？]{0,24}",
        ) {
            let lex = Lexicons::builtin();
            let _ = labelled_field(&head, &lex);
            let _ = is_crowd_counter(&head, &lex);
            let _ = is_button_words(&head, &lex);
            let sentence = format!("{head}，这件事我们明天再谈。");
            proptest::prop_assert!(labelled_field(&sentence, &lex).is_none());
            proptest::prop_assert!(!is_crowd_counter(&sentence, &lex));
            proptest::prop_assert!(!is_button_words(&sentence, &lex));
        }
    }

    #[test]
    fn list_headings_with_owners_and_tails_and_more_prompts_are_removed() {
        let cases: &[(&str, &str)] = &[
            // An owner before the qualifier, a recommending tail after a noun.
            ("作者其他文章", "shape:related-list heading"),
            ("TA的其他作品", "shape:related-list heading"),
            ("热文推荐", "shape:related-list heading"),
            ("小编精选", "shape:related-list heading"),
            ("同类推荐", "shape:related-list heading"),
            ("— 往期精彩 —", "shape:related-list heading"),
            ("猜你想看", "shape:related-list heading"),
            ("相关回答", "shape:related-list heading"),
            // Prompts that open with a welcome or a plea.
            ("欢迎关注", "shape:reader prompt"),
            ("求转发", "shape:reader prompt"),
            ("分享给更多朋友", "shape:reader prompt"),
            ("图文：山间小路", "shape:page fact field"),
        ];
        assert_rules(cases);
        assert_not_boilerplate(&[
            "其他",
            "其他问题",
            "他的作品",
            "欢迎来到北京",
            "求职心得",
            "分享是一种美德",
            "问题",
        ]);
    }

    #[test]
    fn answer_player_and_repost_furniture_is_removed() {
        let cases: &[(&str, &str)] = &[
            // Relative stamps in post and comment headers.
            ("3分钟前", "shape:relative time stamp"),
            ("刚刚", "shape:relative time stamp"),
            ("小王 · 3小时前", "shape:relative time stamp"),
            ("1天前 · 北京", "shape:relative time stamp"),
            ("今天 08:00 来自 iPhone客户端", "shape:relative time stamp"),
            // Answer-page counters with thousands commas, player buttons.
            ("被浏览 12,345", "shape:counter"),
            ("1,234 人关注", "shape:counter"),
            ("12 个回答", "shape:counter"),
            ("[赞] 12", "shape:button words"),
            ("播放 全屏 倍速", "shape:button words"),
            // Repost credits and contact labels.
            ("转：小王", "shape:page fact field"),
            ("公众号：城市夜读", "shape:page fact field"),
            ("QQ群：123456789", "shape:page fact field"),
            ("小王：//@小李：好", "shape:mention/repost line"),
        ];
        assert_rules(cases);
        assert_not_boilerplate(&[
            "昨天",
            "今天天气很好",
            "三年前的夏天",
            "那是2小时前的事，现在已经好了",
            "刚刚好",
            "公众号运营",
            "他回答说",
        ]);
    }

    #[test]
    fn requests_ending_on_a_prompt_verb_and_link_buttons_are_removed() {
        let cases: &[(&str, &str)] = &[
            ("看完记得关注", "shape:reader prompt"),
            ("喜欢请关注", "shape:reader prompt"),
            ("好看的人都点了在看", "shape:reader prompt"),
            ("别忘了点个关注", "shape:reader prompt"),
            ("点击这里", "shape:button words"),
            ("查看原文", "shape:button words"),
        ];
        assert_rules(cases);
        assert_not_boilerplate(&["值得关注", "社会各界高度关注", "记得", "原文"]);
    }

    #[test]
    fn platform_disclaimers_and_player_text_are_removed() {
        for line in [
            "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
            "*本文为某某原创，转载请后台留言",
            "视频加载中...",
            "某市教育局政务微博 | 某市教育局政务微信",
        ] {
            assert!(
                matches!(label(line), Some(LineClass::Boilerplate(_))),
                "{line}: {:?}",
                rule(line)
            );
        }
    }

    #[test]
    fn body_lines_like_fields_and_counts_are_kept() {
        assert_not_boilerplate(&[
            // Interview dialogue after a person label.
            "记者：您怎么看这次调整？",
            "编辑：我认为这篇稿子还要改。",
            // `来源` opening prose, `附件` inside a sentence.
            "来源于群众，服务于群众。",
            "附件中的表格请各单位于月底前填写。",
            // A one-character label before prose, a word that only
            // starts like a label.
            "文：这是一个关于童年的故事，写于二〇〇八年",
            "文化：城市的灵魂",
            "图书馆：周一闭馆",
            // A head count that goes on into a sentence.
            "已有710人参与了这次义诊活动，大家反响很好",
            "300人参加比赛",
            // Headings and verse.
            "一周见闻",
            "第三章 来源",
            "春眠不觉晓",
        ]);
    }

    #[test]
    fn body_lines_like_social_furniture_are_kept() {
        assert_not_boilerplate(&[
            // `来自` in prose names a place or a person, not a device.
            "来自北京的游客",
            "这封信来自远方的老朋友",
            "来自山区的孩子们第一次看到了大海",
            // Numbers in prose are glued into phrases.
            "阅读3本书",
            "他每天阅读两小时",
            "评论区里吵成了一锅粥",
            // A heading about blogging has no owner joint before the word.
            "我为什么开始写博客",
            "写博客的第十年",
            // Arrows inside a line, or after a clause that goes on.
            "价格从8元→12元，涨了一半",
            "路线如下：",
            // A label with prose after it, not a handle.
            "原文：君子坦荡荡，小人长戚戚",
            "电话号码：请拨打总机转接",
            // Dialogue and verse.
            "“你来了？”",
            "床前明月光",
            "一、坚持问题导向",
            "# 第一章",
            "阅读理解的五个方法",
            // A count glued to prose, a link word opening a sentence.
            "3条意见都被采纳了",
            "上篇文章里我们讲过，菜价跟运费有关。",
            "下篇将讲讲城里的早餐",
            "next day we left",
            // End words without decoration or in brackets stay.
            "完",
            "（完）",
            "结束",
            // Verbs of prompts opening prose.
            "加入世贸组织以后，小镇的外贸订单多了起来",
            "添加剂超标的问题由来已久",
            // A diary date with the weather; a figure after a word.
            "2019年5月1日 晴",
            "人口 1300",
            "面积 13.5",
            "联系方式：请到前台咨询",
        ]);
    }

    #[test]
    fn a_date_then_an_outlets_name_is_a_byline_and_a_date_then_anything_else_is_not() {
        let shape = |line: &str| {
            let lex = Lexicons::builtin();
            features(line, &line.to_lowercase(), &lex).shape
        };
        // An outlet's name after a full date, alone or with its site, in
        // any date format the dates are read in.
        for line in [
            "2024-05-12 滨海日报·滨海网",
            "2024/05/12 滨海新闻网",
            "2021年3月8日 某某广播电视台",
            "2022.11.30 某某之声 | 某某在线",
        ] {
            assert_eq!(shape(line), Some(Shape::DateLine), "{line}");
            assert_eq!(
                label(line),
                Some(LineClass::Boilerplate(Reason::Byline)),
                "{line}"
            );
        }
        // A diary's date and weather, a timeline's date and event, a month
        // alone before an outlet's launch, and a date before prose stay.
        for line in [
            "2019年5月1日 晴",
            "2008年8月8日 北京奥运会开幕",
            "2019年5月 某某网正式上线",
            "2024-05-12 我们去了趟市图书馆",
        ] {
            assert_eq!(shape(line), None, "{line}");
        }
        assert_not_boilerplate(&[
            "2019年5月1日 晴",
            "2008年8月8日 北京奥运会开幕",
            "2019年5月 某某网正式上线",
        ]);
        assert_rules(&[
            // After a stamp and 来自, an outlet's name makes a news byline,
            // where a device, a client (a news app's too) or a channel
            // makes a post's tag.
            ("2024-05-12 09:30 来自 滨海日报", "shape:date line"),
            ("2024-05-12 09:30 来自 某某通讯社", "shape:date line"),
            ("2024-05-12 09:30 来自 新华社", "shape:date line"),
            ("2024-05-12 09:30 来自 某某之声", "shape:date line"),
            (
                "2023-05-06 08:30 来自 iPhone客户端",
                "shape:client or device tag",
            ),
            (
                "2024-05-12 09:30 来自 滨海日报客户端",
                "shape:client or device tag",
            ),
            ("来自 江南新闻客户端", "shape:client or device tag"),
            ("今天 09:12 来自 微博视频号", "shape:client or device tag"),
            // A dateline's lead before the date, and a comment's header.
            ("滨海网讯 2024-05-12", "shape:date line"),
            ("山间小路 2023-05-01", "shape:date line"),
        ]);
    }

    #[test]
    fn bullets_open_a_line_before_a_space_a_han_char_or_a_latin_letter() {
        let lex = Lexicons::builtin();
        let bullet = |t: &str| features(t, &t.to_lowercase(), &lex).bullet;
        assert!(bullet("◆ 某地出台新规"));
        assert!(bullet("丨某地出台新规"));
        assert!(bullet("丨IQ测试的三个误区"));
        // A sign before a number, a stroke char inside prose.
        assert!(!bullet("-5℃的夜里，他还在巡逻"));
        assert!(!bullet("他说丨这是笔误"));
    }

    #[test]
    fn name_place_and_tag_lines_are_told_from_headlines() {
        let table = [
            // Handles, badges, pins and short tag or place pairs.
            ("@江城阿明", true),
            ("leo1357", true),
            ("阿飞_38的读书日常", true),
            ("📍杭州·西湖", true),
            ("江城生活圈 ✓", true),
            ("深夜阿飞 🌟", true),
            ("旅行｜成都", true),
            ("4月28日　襄阳", true),
            ("爱吃鱼的老李 · 4632粉丝", true),
            // Profile lines of short comma-set pieces.
            ("健康，南昌，周末", true),
            ("北漂阿飞，襄阳人，爱法治", true),
            ("leo50，温州人，爱旅行", true),
            // Headlines, paired headlines, a post's emoji headline, sentences.
            ("党旗领航 履职增效", false),
            ("国务院常务会议 部署稳就业", false),
            ("🌸春日赏花攻略🌸", false),
            ("苹果发布iPhone15新品", false),
            ("老城区改造后的第一个春天", false),
            ("今天 天气 真好。", false),
            ("旅行，成都", false),
            ("大雪来袭，多地学校停课，航班延误", false),
            ("春节回家，路上堵吗，怎么办？", false),
        ];
        for (line, expected) in table {
            assert_eq!(is_name_like(line), expected, "{line}");
        }
    }

    #[test]
    fn placeholder_and_emoticon_lines_are_furniture_but_bracketed_headings_stay() {
        // Bare too, where a text view prints a picture's place (`图片`).
        for line in [
            "[图片]",
            "[视频] ",
            "[赞][赞]",
            "[doge] [吃瓜]",
            "［图片］",
            "图片",
            "视频",
        ] {
            assert_eq!(
                rule(line).as_deref(),
                Some("shape:media placeholder or emoticon codes"),
                "{line}"
            );
        }
        for line in [
            "[编者按]",
            "[图片]来源：新华社",
            "看到这张[图片]我笑了",
            "[]",
            // An emoticon's name alone is a one-word reply.
            "哈哈",
            "图片很美",
        ] {
            assert_ne!(
                rule(line).as_deref(),
                Some("shape:media placeholder or emoticon codes"),
                "{line}"
            );
        }
    }

    #[test]
    fn a_name_with_its_profile_badge_is_a_profile_line() {
        for line in ["江城生活圈　美食领域创作者", "小王 | 旅行博主", "阿明 UP主"]
        {
            assert_eq!(
                rule(line).as_deref(),
                Some("shape:name with a profile badge"),
                "{line}"
            );
        }
        // One piece, or a sentence, is text.
        for line in ["他是一位很有名的旅行博主", "我也想当 旅行博主，"] {
            assert_ne!(
                rule(line).as_deref(),
                Some("shape:name with a profile badge"),
                "{line}"
            );
        }
    }

    #[test]
    fn account_taglines_and_bios_go_but_headlines_of_the_same_build_stay() {
        assert_rules(&[
            (
                "大家好，我是江边的小鱼，一个爱分享的家居博主",
                "shape:account tagline or bio",
            ),
            ("本号只聊数码，欢迎常来逛逛", "shape:account tagline or bio"),
            ("本公众号专注亲子阅读", "shape:account tagline or bio"),
            (
                "城南旧事，一个有温度的读书号",
                "shape:account tagline or bio",
            ),
            ("每天一点历史，陪你读懂过去", "shape:account tagline or bio"),
        ]);
        // A bio may open on the poster's handle; it reads as a name line.
        assert!(is_name_like("moonriver88，厦门人，爱咖啡"));
        assert!(!is_name_like("iphone15，发布会前夜的十个传闻"));
        assert_not_boilerplate(&[
            // A headline's clause describing no account.
            "房价连跌三个月，一个危险的信号",
            "他，一个普通的快递员",
            "小伙辞职回乡，成为一个养猪的大学生",
            // A greeting without a self-introduction after it.
            "你好，陌生人",
            // A promise in a longer headline, and a sentence.
            "这个冬天最暖心的一幕：志愿者陪你回家过年的路上",
            "本号今天起暂停更新，感谢大家一直以来的陪伴。",
            // A handle opening a longer headline.
            "iphone15，发布会前夜的十个传闻",
        ]);
    }

    #[test]
    fn edit_stamps_and_request_prompts_go_but_dated_headlines_stay() {
        assert_rules(&[
            ("已于2024年3月8日修改", "shape:edit stamp"),
            ("更新于 2023-05-01", "shape:edit stamp"),
            ("2022/11/30 发布", "shape:edit stamp"),
            ("喜欢的朋友，可以加个关注", "shape:reader prompt"),
            ("有什么想法可以在下方留言哦", "shape:reader prompt"),
        ]);
        assert_not_boilerplate(&[
            "2024年3月8日起施行新修改的条例",
            "新规2023-05-01起全面实施",
            "大家都在关注",
            "他在评论区写下长长的留言",
            "朋友，你在关注什么",
        ]);
    }

    #[test]
    fn font_size_switches_and_shop_buttons_are_button_rows() {
        assert_rules(&[
            ("字号", "shape:button words"),
            ("小字号", "shape:button words"),
            ("字号 大 中 小", "lexicon:大 中 小"),
            ("加入购物车 立即购买", "shape:button words"),
            ("订阅专栏", "shape:button words"),
            ("我要提问", "shape:button words"),
        ]);
        assert_not_boilerplate(&["他在课堂上向老师提问", "老字号的招牌已经挂了一百年"]);
    }

    #[test]
    fn search_suggestions_are_link_fields() {
        assert_rules(&[
            ("大家正在搜：春季过敏高发", "shape:link field"),
            ("猜你想搜：老街改造", "shape:link field"),
        ]);
        assert_not_boilerplate(&["大家正在搜寻失踪的登山者，直到深夜才找到他。"]);
    }

    #[test]
    fn a_sites_welcome_banner_goes_but_an_invitation_in_prose_stays() {
        assert_rules(&[
            (
                "欢迎访问临川市人民政府门户网站！ 今天是：2023年6月15日 星期四",
                "shape:welcome banner",
            ),
            ("欢迎光临石桥镇政府网站！", "shape:welcome banner"),
            ("欢迎来到江城钓鱼论坛", "shape:welcome banner"),
            ("欢迎您访问本站", "shape:welcome banner"),
            (
                "欢迎访问星桥镇中心小学！ 今天是：2023年11月3日 星期五",
                "shape:welcome banner",
            ),
        ]);
        assert_not_boilerplate(&[
            "欢迎访问我们的网站了解更多信息。",
            "欢迎来到江城，这里的春天比别处来得早。",
            "欢迎光临的顾客络绎不绝，店主忙得顾不上吃饭。",
            "欢迎来到中学，这是你们人生的新起点。",
        ]);
    }

    #[test]
    fn a_line_that_talks_says_i_or_you_or_ends_on_a_particle() {
        for line in [
            "我没有回头看那个考场",
            "看到我妈站在对面树底下",
            "全车都笑了",
            "你也太可爱了吧🥹",
            "「我们去吃饭。",
        ] {
            assert!(is_spoken(line), "{line}");
        }
        for line in [
            // an institution speaking of itself
            "我国经济稳中向好",
            "我省出台新规",
            // interface labels
            "点我下载app",
            "关于我们 · 联系我们",
            "我的相册",
            // a site addressing its reader politely
            "自由时报提醒您，如有疑问可拨打专线",
            // a headline
            "走出校门",
        ] {
            assert!(!is_spoken(line), "{line}");
        }
    }

    #[test]
    fn a_comments_header_counts_or_qualifies_the_comments() {
        let lex = Lexicons::builtin();
        for line in [
            "留言 58",
            "312 则留言",
            "评论(12)",
            "全部评论",
            "写留言",
            "查看全部 58 则留言",
            "共23条评论",
            "精选留言",
            "comments (4)",
            // the section's name before its header
            "评论 共12836条评论",
        ] {
            assert!(is_comments_header(line, &lex), "{line}");
        }
        for line in [
            // an answer's buttons
            "留言",
            "赞 7 | 评论 | 赞赏",
            "评论 收起",
            "评论 他写留言给老师",
            // a counter row naming other counts too
            "转发 12 评论 34 赞 56",
            // prose
            "网友评论说这家店的面很好吃",
            "他写留言给老师",
        ] {
            assert!(!is_comments_header(line, &lex), "{line}");
        }
    }

    #[test]
    fn a_list_item_led_by_emoji_holds_a_phrase() {
        for line in [
            "1️⃣ 看房一定要白天去一次、晚上去一次",
            "🧥 洋蔥式穿法，山上比平地冷十度以上",
            "⛑ 不舒服就下山，山一直都在",
            "💧水带一千毫升以上",
        ] {
            assert!(is_emoji_item(line), "{line}");
        }
        for line in [
            "❤️ 2.3w 💬 486 ⭐ 1.1w",
            "🔥 热门推荐 | 📢 最新公告",
            "📌 置顶",
            "1. 看房一定要白天去一次",
            "▶ 某地举办春季招聘会活动",
            "看房一定要白天去一次 1️⃣",
        ] {
            assert!(!is_emoji_item(line), "{line}");
        }
    }
}
