//! The publication date, read from byline, meta and post-header lines.

use crate::lines::dates;

/// Words before a date that say it is not when the page was published: a
/// member's join, login or check-in dates and a forum's clock (Discuz and
/// phpwind user panels and footers), the validity dates of a
/// government document (its `有效期`, `生效日期`, `截止`), and another
/// post's date (`最新推荐文章于 {date} 发布` in a CSDN post's head). Matched in the
/// date's own field before it (see [`date_rank`]), Simplified and
/// lower-cased.
const NOT_PUBLISHED: &[&str] = &[
    "注册", "登录", "登陆", "打卡", "签到", "入坛", "加入", "访问", "在线", "现在", "当前", "gmt",
    "时区", "截止", "有效", "生效", "失效", "到期", "废止", "出生", "推荐",
];

/// Words before a date, in its field, that say it is later than
/// publication: edit notes and update stamps (`本帖最后由…于…编辑`,
/// `更新时间`, `编辑于`). Such a date stands in when the page shows no
/// other, also after the body, where a Q&A site stamps an answer
/// (`编辑于 2024-02-11 14:23・IP 属地广东`) and a weather or data page its
/// update.
const EDITED_BEFORE: &[&str] = &["编辑", "修改", "更新", "最后"];

/// Words before a date, in its field, that head a reply (`回复于`): a
/// floor number (`#43楼`, `第5楼`, `沙发`, `板凳`). The thread's first post
/// is its `楼主`, or its first floor (`1楼` on Tieba), which are set aside
/// before matching. A reply's date stands in only in a page's head.
const REPLY_BEFORE: &[&str] = &["回复", "回帖", "楼", "沙发", "板凳"];

/// Words in the label just before a date that say it is the publication
/// date (`发布时间：`, `发表于`, `发稿时间`, `成文日期`, `时间：`, `于`,
/// `posted @`): the labels of news-site bylines, forum post headers,
/// government-site document meta and blog post lines.
const PUBLISHED: &[&str] = &[
    "发布", "发表", "发帖", "发稿", "发文", "首发", "时间", "日期", "于", "@",
];

/// Words just after a date that make it an edit stamp.
const EDITED_AFTER: &[&str] = &["编辑", "修改"];

/// Chars after a date read for [`EDITED_AFTER`].
const EDIT_WINDOW: usize = 8;

/// The rank of a date later than publication (an edit, an update): a
/// stand-in.
const LATER: u8 = 2;

/// The rank of a reply's date: a stand-in as [`LATER`], read only in a
/// page's head.
const REPLY: u8 = 3;

/// The page's publication date, chosen among the dates of its furniture
/// lines as they come in page order: the dates in the page's head
/// (byline, meta, first post header) before those after its body has
/// begun (replies, end bylines), and within each the best rank of
/// [`date_candidates`], the first of equals.
#[derive(Debug, Default)]
pub struct PublishedDate {
    /// ((after the body began, rank), value) of the best so far.
    best: Option<((bool, u8), String)>,
}

impl PublishedDate {
    /// Offers the dates of one removed furniture line (`orig` as kept,
    /// `simple` its Simplified form); `in_body` says whether the body has
    /// begun above it.
    pub fn offer(&mut self, orig: &str, simple: &str, in_body: bool) {
        for (rank, value) in date_candidates(orig, simple) {
            // After the body, a reply's date says nothing of when the page
            // was published. An edit's or an update's stands in there as
            // in the head, below every other date.
            if in_body && rank == REPLY {
                continue;
            }
            // In the head, a reply's stamp (a floor's header, on a page
            // showing one post of a thread) and an edit's stand in alike:
            // the first of them wins.
            let key = (in_body, rank.min(LATER));
            if self.best.as_ref().is_none_or(|(k, _)| key < *k) {
                self.best = Some((key, value));
            }
        }
    }

    /// The date chosen, if any line offered one.
    pub fn into_date(self) -> Option<String> {
        self.best.map(|(_, value)| value)
    }
}

/// How surely a date on a removed furniture line is the page's
/// publication date: 0 labelled as such, 1 unlabelled, 2 ([`LATER`]) an
/// edit or update stamp, 3 ([`REPLY`]) a reply's; `None` for the dates that
/// are never it (see
/// [`NOT_PUBLISHED`]). `simple` is the line's Simplified form; `at` is the
/// date's char offset in it and `end` the offset after it (and its time),
/// `from` where the text that labels it starts (the line's start, or the
/// end of the date before it) and `to` where the text after it that may
/// still describe it ends (the next date, or the line's end).
fn date_rank(simple: &[char], from: usize, at: usize, end: usize, to: usize) -> Option<u8> {
    let text = |a: usize, b: usize| -> String {
        simple
            .get(a.min(b)..b.min(simple.len()))
            .unwrap_or_default()
            .iter()
            .collect::<String>()
            .to_lowercase()
    };
    // The words that label a date are those of its own field: a line
    // holds several (`来源：某网  访问量：123  发布时间：2020-05-06`),
    // set off by a bar, an ideographic space or two spaces.
    let line_before = text(from, at);
    let trimmed = line_before.trim_end();
    let field_start = ["|", "｜", "　", "  "]
        .iter()
        .filter_map(|sep| trimmed.rfind(sep).map(|k| k + sep.len()))
        .max()
        .unwrap_or(0);
    let before = first_floor_set_aside(&trimmed[field_start..].replace("楼主", ""));
    if NOT_PUBLISHED.iter().any(|w| before.contains(w)) {
        return None;
    }
    // An edit note names its act just after the date (`此帖由…在 {date}
    // 重新编辑过`, `本帖最后由…于 {date} 编辑`), before any separator.
    let after: String = text(end, to)
        .chars()
        .take_while(|c| !matches!(c, '|' | '｜'))
        .take(EDIT_WINDOW)
        .collect();
    // A reply's word wins over an edit's (`最后回复：{date}` is the last
    // reply's).
    if REPLY_BEFORE.iter().any(|w| before.contains(w)) {
        return Some(REPLY);
    }
    if EDITED_BEFORE.iter().any(|w| before.contains(w))
        || EDITED_AFTER.iter().any(|w| after.contains(w))
    {
        return Some(LATER);
    }
    // The label is the last word before the date, past any colon or
    // space between them (`发表于 2021-1-13`, `时间：2020-05-06`).
    let label: String = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '：' | ':' | '｜' | '|'))
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '｜' | '|' | '，' | ',' | '·'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if PUBLISHED.iter().any(|w| label.contains(w)) {
        Some(0)
    } else {
        Some(1)
    }
}

/// `text` without a first floor's mark (`1楼`, `第1楼`): on Tieba the
/// thread's first post, which prints its date under its text. Elsewhere
/// (`1樓` on Mobile01) it may be the first reply, but those pages date the
/// first post in their head, which outranks any date after the body. A
/// number ending in 1 (`11楼`) is no first floor; `#1` is a reply on NGA
/// and Discuz alike, so only `楼` counts.
fn first_floor_set_aside(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if chars[i] == '1' && !after_digit && chars.get(i + 1) == Some(&'楼') {
            i += 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The publication date candidates of one removed furniture line, as
/// `(rank, value)` (see [`date_rank`]); `orig` is the line as kept and
/// `simple` its Simplified form.
fn date_candidates(orig: &str, simple: &str) -> Vec<(u8, String)> {
    let sc: Vec<char> = simple.chars().collect();
    // Dates are read from the line as kept (digits and the date's own
    // chars are the same in both scripts); labels from the Simplified form
    // when the two align char for char.
    let aligned = sc.len() == orig.chars().count();
    let lc: Vec<char> = if aligned { sc } else { orig.chars().collect() };
    let found = dates(orig);
    let mut from = 0;
    let mut out = Vec::new();
    for (k, d) in found.iter().enumerate() {
        let to = found.get(k + 1).map_or(lc.len(), |n| n.at);
        if let Some(rank) = date_rank(&lc, from, d.at, d.end, to) {
            out.push((rank, d.value.clone()));
        }
        from = d.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates of one line as (rank, day).
    fn ranked(line: &str) -> Vec<(u8, String)> {
        date_candidates(line, line)
            .into_iter()
            .map(|(r, v)| (r, v[..10].to_string()))
            .collect()
    }

    #[test]
    fn dates_are_ranked_by_what_labels_them() {
        let day = |r: u8, d: &str| vec![(r, d.to_string())];
        // Labelled as publication, or not labelled at all.
        assert_eq!(
            ranked("雪莲 发表于 2021-1-13 09:17 | 显示全部楼层"),
            day(0, "2021-01-13")
        );
        assert_eq!(
            ranked("发布时间：2012年09月22日　阅读次数：3324"),
            day(0, "2012-09-22")
        );
        assert_eq!(
            ranked("2025-01-09 09:14:15 来源：浙江政协同心苑"),
            day(1, "2025-01-09")
        );
        // Edits, updates and replies stand in only.
        assert_eq!(
            ranked("本帖最后由 阿飞 于 2019/1/21 13:49 编辑"),
            day(LATER, "2019-01-21")
        );
        assert_eq!(
            ranked("此帖由 老周 在 2016年4月12日 22:02 重新编辑过"),
            day(LATER, "2016-04-12")
        );
        assert_eq!(
            ranked("#43楼 老李 2024.04.15 20:05"),
            day(REPLY, "2024-04-15")
        );
        assert_eq!(ranked("2楼 2023-05-18 08:20"), day(REPLY, "2023-05-18"));
        assert_eq!(ranked("11楼 2023-05-18 08:20"), day(REPLY, "2023-05-18"));
        // Tieba numbers the first post as floor 1.
        assert_eq!(
            ranked("来自Android客户端1楼2023-05-18 07:56"),
            day(1, "2023-05-18")
        );
        assert_eq!(ranked("#1 2023-05-18 07:56"), day(1, "2023-05-18"));
        assert_eq!(ranked("21楼 2023-05-18 07:56"), day(REPLY, "2023-05-18"));
        assert_eq!(
            ranked("最后回复：2023-05-19 10:02"),
            day(REPLY, "2023-05-19")
        );
        // The thread starter's header is the first post, not a reply.
        assert_eq!(
            ranked("楼主 书生 发表于 2018年06月13日 17:43"),
            day(0, "2018-06-13")
        );
        // A member's dates, a forum's clock, a document's validity: never.
        for line in [
            "• 最近打卡：2025-12-21 16:04:15",
            "注册时间 2019/8/16",
            "GMT+8, 2025-12-22 16:20",
            "当前时区 GMT+8, 现在时间是 2016-03-20 21:26",
            "文号：太原府〔2021〕92号  生效日期：2021.01.17",
            "最新推荐文章于 2023-08-14 10:21:46 发布",
        ] {
            assert!(ranked(line).is_empty(), "{line}");
        }
        // Each date of a line is labelled by the text since the one before.
        assert_eq!(
            ranked("成文日期：2020-01-02　有效期至：2025-01-02"),
            day(0, "2020-01-02")
        );
        assert_eq!(
            ranked("注册于 2019-03-04　发表于 2020-05-06"),
            day(0, "2020-05-06")
        );
        // A counter's field before the date's own says nothing of it.
        assert_eq!(
            ranked("来源：某某网  访问量：123  发布时间：2020-05-06"),
            day(0, "2020-05-06")
        );
        assert_eq!(
            ranked("在线人数 88 | 2020-05-06 08:00"),
            day(1, "2020-05-06")
        );
    }
}
