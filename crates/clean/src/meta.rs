//! Metadata from byline, source and date lines.

use crate::lines::find_date;
use taojin_core::{is_han, Metadata};

/// Role words that introduce a person's name, by the field they fill.
const AUTHOR_ROLES: &[&str] = &["记者", "作者", "撰文", "文字", "文/", "通讯员", "主持人"];
const EDITOR_ROLES: &[&str] = &["责任编辑", "责编", "编辑"];
const SOURCE_ROLES: &[&str] = &["来源", "稿源", "出处"];
/// Words that sit between a role and a name (`编辑：实习生 李军`).
const NAME_PREFIXES: &[&str] = &["实习生", "全媒", "首席", "特约", "见习"];

/// Reads a name after a role word: skips colons, slashes, spaces and title
/// words, then takes 2 to 4 Han characters.
fn name_after(orig: &[char], simple: &[char], role_end: usize) -> Option<String> {
    let mut i = role_end;
    loop {
        while i < simple.len() && matches!(simple[i], '：' | ':' | '/' | ' ' | '（' | '(') {
            i += 1;
        }
        let rest: String = simple[i.min(simple.len())..].iter().collect();
        match NAME_PREFIXES.iter().find(|p| rest.starts_with(*p)) {
            Some(p) => i += p.chars().count(),
            None => break,
        }
    }
    let n = simple[i.min(simple.len())..]
        .iter()
        .take_while(|&&c| is_han(c))
        .count();
    (2..=4)
        .contains(&n)
        .then(|| orig[i..i + n].iter().collect())
}

/// Fills metadata from one byline-like line. `orig` is the line as kept,
/// `simple` its Simplified form (same char count, else matching is skipped
/// for names). Earlier values win: the first byline names the author.
pub fn parse_byline(orig: &str, simple: &str, meta: &mut Metadata) {
    let oc: Vec<char> = orig.chars().collect();
    let sc: Vec<char> = simple.chars().collect();
    if meta.date.is_none() {
        meta.date = find_date(orig);
    }
    if oc.len() != sc.len() {
        return;
    }
    let find_role = |roles: &[&str]| -> Option<(usize, usize)> {
        roles
            .iter()
            .filter_map(|r| {
                let byte = simple.find(r)?;
                let start = simple[..byte].chars().count();
                Some((start, start + r.chars().count()))
            })
            .min()
    };
    if meta.author.is_none() {
        // Prefer 记者 over 通讯员 when both are present.
        let reporter = find_role(&["记者"]).and_then(|(_, e)| name_after(&oc, &sc, e));
        meta.author =
            reporter.or_else(|| find_role(AUTHOR_ROLES).and_then(|(_, e)| name_after(&oc, &sc, e)));
    }
    if meta.editor.is_none() {
        meta.editor = find_role(EDITOR_ROLES).and_then(|(_, e)| name_after(&oc, &sc, e));
    }
    if meta.source_site.is_none() {
        if let Some((_, e)) = find_role(SOURCE_ROLES) {
            let mut i = e;
            while i < sc.len() && matches!(sc[i], '：' | ':' | ' ') {
                i += 1;
            }
            let src: String = oc[i.min(oc.len())..]
                .iter()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '|' | '｜' | '）' | ')'))
                .collect();
            if !src.is_empty() && src.chars().count() <= 30 {
                meta.source_site = Some(src);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(lines: &[&str]) -> Metadata {
        let mut m = Metadata::default();
        for l in lines {
            parse_byline(l, l, &mut m);
        }
        m
    }

    #[test]
    fn reporters_editors_sources_and_dates() {
        let m = parse(&[
            "（通讯员 楼敏 记者 鲍蔓华）",
            "编辑：实习生 李军（辅导老师：李敏杰）",
        ]);
        assert_eq!(m.author.as_deref(), Some("鲍蔓华"));
        assert_eq!(m.editor.as_deref(), Some("李军"));
        let m = parse(&[
            "2025-01-09 09:14:15 来源：浙江政协同心苑",
            "标签：政协责任编辑：庞舒青",
        ]);
        assert_eq!(m.date.as_deref(), Some("2025-01-09 09:14:15"));
        assert_eq!(m.source_site.as_deref(), Some("浙江政协同心苑"));
        assert_eq!(m.editor.as_deref(), Some("庞舒青"));
        let m = parse(&["雅安日报/北纬网记者 唐小未"]);
        assert_eq!(m.author.as_deref(), Some("唐小未"));
        let m = parse(&["文字：三峡日报全媒记者 王莹 通讯员 郝明路 杨洲"]);
        assert_eq!(m.author.as_deref(), Some("王莹"));
    }

    #[test]
    fn traditional_lines_keep_their_characters() {
        let mut m = Metadata::default();
        parse_byline(
            "（通訊員 樓敏 記者 鮑蔓華）",
            "（通讯员 楼敏 记者 鲍蔓华）",
            &mut m,
        );
        assert_eq!(m.author.as_deref(), Some("鮑蔓華"));
    }
}
