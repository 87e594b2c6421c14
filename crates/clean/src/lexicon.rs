//! Lexicons shipped as data files (see `crates/clean/data/*.txt`; each file's
//! header says what its entries are and where they come from).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use taojin_core::Reason;

const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");
const SPAM_BRANDS: &str = include_str!("../data/spam_brands.txt");
const SPAM_SUFFIXES: &str = include_str!("../data/spam_suffixes.txt");
const GAMBLING_TERMS: &str = include_str!("../data/gambling_terms.txt");
const WORDED_FURNITURE: &str = include_str!("../data/worded_furniture.txt");

/// Classes of boilerplate phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseClass {
    Navigation,
    SiteChrome,
    ForumChrome,
    Legal,
    Byline,
    Caption,
}

impl PhraseClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "navigation" => PhraseClass::Navigation,
            "site_chrome" => PhraseClass::SiteChrome,
            "forum_chrome" => PhraseClass::ForumChrome,
            "legal" => PhraseClass::Legal,
            "byline" => PhraseClass::Byline,
            "caption" => PhraseClass::Caption,
            _ => return None,
        })
    }

    pub fn reason(self) -> Reason {
        match self {
            PhraseClass::Navigation => Reason::Navigation,
            PhraseClass::SiteChrome => Reason::SiteChrome,
            PhraseClass::ForumChrome => Reason::ForumChrome,
            PhraseClass::Legal => Reason::Legal,
            PhraseClass::Byline => Reason::Byline,
            PhraseClass::Caption => Reason::Caption,
        }
    }
}

/// The lexicons, parsed once, with automata that match them in one pass
/// over a line.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// (class, lower-cased phrase)
    pub phrases: Vec<(PhraseClass, String)>,
    /// Lower-cased brands, longest first so that `九游会` wins over `九游`.
    pub brands: Vec<String>,
    /// Calls to action that follow a brand (`官网`, `注册`), longest first.
    pub suffixes: Vec<String>,
    /// [`Lexicons::suffixes`] as chars, for the matchers that walk lines.
    pub suffix_chars: Vec<Vec<char>>,
    /// Gambling category words: (word, strong), longest first.
    pub gambling: Vec<(String, bool)>,
    /// Words that, after a weak category word, show an ordinary use.
    pub gambling_after: Vec<String>,
    /// English words Latin brand names are built from (`bet`, `lucky`).
    pub gambling_latin: Vec<String>,
    /// Latin runs holding one of those words that are no brand (`alphabet`).
    pub gambling_latin_not: Vec<String>,
    /// Sign-up bonus offers a number follows (`注册送`, `开户送`).
    pub gambling_bonus: Vec<Vec<char>>,
    /// Verbs that open a prompt to the reader (`关注`, `订阅`).
    pub prompt_verbs: Vec<String>,
    /// What such a prompt points at (`上方`, `公众号`).
    pub prompt_cues: Vec<String>,
    /// Verb phrases of a feed header after a user name (`分享了`).
    pub feed_verbs: Vec<String>,
    /// Words naming a picture (`配图`) and its origin (`来自`) in a credit.
    pub picture_words: Vec<String>,
    pub credit_words: Vec<String>,
    /// The two halves of a related-list heading (`相关` + `报道`); a
    /// qualifier may stand alone (`猜你喜欢`).
    pub list_qualifiers: Vec<String>,
    pub list_nouns: Vec<String>,
    /// Whose posts a list heading offers (`作者`, `ta的`), longest first.
    pub list_owners: Vec<String>,
    /// A recommending word after a content noun (`热文推荐`, `小编精选`).
    pub list_tails: Vec<String>,
    /// Nouns of interaction counters (`阅读`, `粉丝`) that a bare number
    /// follows on a counter line (`阅读 1.2万`, `浏览 3521 次`).
    pub counter_words: Vec<String>,
    /// Words after `来自` that name a client or device (`客户端`, `iphone`),
    /// not a place or a person.
    pub device_words: Vec<String>,
    /// Endings of a personal site's name after `的` or a dash
    /// (`某某的技术博客`, `某某 - 博客园`).
    pub site_suffixes: Vec<String>,
    /// Verbs of a site's welcome banner (`欢迎访问`) and the kinds of site
    /// it names (`网站`, `论坛`).
    pub welcome_verbs: Vec<String>,
    pub welcome_places: Vec<String>,
    /// Words that open a link to another post (`上一篇`, `previous`, `re`).
    pub link_prefixes: Vec<String>,
    /// Words that mark the end of a post when set off by decoration
    /// (`— 完 —`, `- end -`).
    pub end_markers: Vec<String>,
    /// Labels of a one-field line that states a fact about the page
    /// (`原标题`, `责任编辑`, `索引号`, `ip属地`), lower-case, longest first.
    pub field_labels: Vec<String>,
    /// Labels of a one-field line whose value is a headline (`原标题`).
    pub title_labels: Vec<String>,
    /// Labels of a one-field line that links to another page (`点击进入专题`,
    /// `政策解读`), lower-case, longest first.
    pub link_labels: Vec<String>,
    /// What a crowd of readers did after a head count (`已有 710 人参与`).
    pub crowd_verbs: Vec<String>,
    /// What may open a count line before its number (`共`, `查看全部`),
    /// longest first.
    pub count_prefixes: Vec<String>,
    /// Labels that stand alone before a colon (`附件：`, `分享到：`).
    pub bare_labels: Vec<String>,
    /// Relative times in a post header (`刚刚`, `昨天`) and the units of
    /// `N 小时前`, longest first.
    pub stamp_words: Vec<String>,
    pub stamp_alone: Vec<String>,
    pub stamp_units: Vec<String>,
    /// Disclaiming phrases (`不代表…观点`): `(head, tail)`, the tail empty
    /// for a phrase of one piece.
    pub disclaimers: Vec<(String, String)>,
    /// What a site's disclaimer speaks of (`本文`, `本站`, `用户`).
    pub disclaim_subjects: Vec<String>,
    /// The labels a site's notices open on (`温馨提示`, `免责声明`).
    pub disclaim_labels: Vec<String>,
    /// Disclaiming phrases that count only on a notice's line (`仅供参考`).
    pub disclaimers_on_notice: Vec<String>,
    /// The label over a table of contents (`目录`), lower-cased.
    pub toc_labels: Vec<String>,
    /// Words that ask the reader for something (`记得`, `请`) and the prompt
    /// verbs such a request ends on (`关注`, `在看`).
    pub requests: Vec<String>,
    pub tail_verbs: Vec<String>,
    /// Interface button words (`关注`, `私信`, `长者模式`), lower-case.
    pub buttons: Vec<String>,
    /// Words of an account's tagline or a poster's bio: a greeting and the
    /// self-introduction after it (`大家好` + `我是`), the account naming
    /// itself (`本号`), what a self-description ends on (`号`, `博主`), the
    /// verb of a promise to readers (`陪你`) and of a bio's likes (`爱`).
    pub greetings: Vec<String>,
    pub self_intros: Vec<String>,
    pub self_refs: Vec<String>,
    pub account_nouns: Vec<String>,
    pub accompany: Vec<String>,
    pub hobbies: Vec<String>,
    /// Verbs of an edit or publication stamp (`修改`, `更新`).
    pub edit_verbs: Vec<String>,
    /// Profile badges shown beside a name (`创作者`, `博主`), lower-case.
    pub badges: Vec<String>,
    /// Closing formulas of a post (`就到这里`, `下期再见`), lower-case.
    pub signoffs: Vec<String>,
    /// Nouns a comments section is headed by (`评论`, `留言`), lower-case.
    pub comments_words: Vec<String>,
    /// What opens a comments header before the noun (`全部`, `写`).
    pub comments_qualifiers: Vec<String>,
    /// Bracketed media placeholders and emoticon codes (`图片`, `赞`).
    pub placeholders: Vec<String>,
    /// Media placeholders printed bare on a line of their own (`图片`).
    pub bare_placeholders: Vec<String>,
    phrase_matcher: Option<AhoCorasick>,
    brand_matcher: Option<AhoCorasick>,
}

/// The entries of a data file: its lines, less blank lines and `#` comments.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Lower-cases words and sorts them longest first, so that the longest
/// label that opens a line wins (`信息来源` over `来源`).
fn longest_first(words: Vec<String>) -> Vec<String> {
    let mut words: Vec<String> = words.into_iter().map(|w| w.to_lowercase()).collect();
    words.sort();
    words.dedup();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

/// Builds a matcher. The patterns are our own data files; should a build
/// ever fail, the lexicon degrades to matching nothing rather than panicking.
fn build_matcher<P: AsRef<[u8]>>(patterns: &[P], kind: MatchKind) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .build(patterns)
        .ok()
}

impl Default for Lexicons {
    fn default() -> Self {
        Self::builtin()
    }
}

/// The words of one kind of worded_furniture.txt, trimmed.
fn furniture_words(kind: &str) -> Vec<String> {
    data_lines(WORDED_FURNITURE)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .map(|(_, w)| w.trim().to_string())
        .collect()
}

/// The labels a page prints before its headline on the headline's own line
/// (`標題 [心情] …`, `主题：…`), lower case: worded_furniture.txt, kind
/// `title_label`.
pub fn title_labels() -> &'static [String] {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        furniture_words("title_label")
            .iter()
            .map(|w| w.to_lowercase())
            .collect()
    })
}

/// How the names of public bodies end (`…人民政府办公室`, `…村民委员会`,
/// `…人民法院`): worded_furniture.txt, kind `org_suffix`.
pub fn org_suffixes() -> &'static [String] {
    static SUFFIXES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SUFFIXES.get_or_init(|| furniture_words("org_suffix"))
}

/// The words of one kind of worded_furniture.txt, longest first, so that
/// a prefix match takes the longest label (`联系电话` before `电话`).
fn furniture_words_longest_first(kind: &str) -> Vec<String> {
    let mut words = furniture_words(kind);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

/// The labels of a notice's contact lines (`联系人`, `联系电话`):
/// worded_furniture.txt, kind `contact_label`, longest first.
pub fn contact_labels() -> &'static [String] {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| furniture_words_longest_first("contact_label"))
}

/// The titles before the names that sign a court's judgment (`审判长`,
/// `书记员`): worded_furniture.txt, kind `signer_title`, longest first.
pub fn signer_titles() -> &'static [String] {
    static TITLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| furniture_words_longest_first("signer_title"))
}

impl Lexicons {
    /// The lexicons compiled into the crate.
    pub fn builtin() -> Self {
        Self::parse(BOILERPLATE, SPAM_BRANDS, SPAM_SUFFIXES)
    }

    /// Parses lexicon texts in the data-file formats. Malformed lines (an
    /// unknown class) are skipped: a lexicon is evidence, never required.
    pub fn parse(boilerplate: &str, brands: &str, suffixes: &str) -> Self {
        let phrases: Vec<(PhraseClass, String)> = data_lines(boilerplate)
            .filter_map(|l| {
                let (class, phrase) = l.split_once('\t')?;
                Some((PhraseClass::parse(class.trim())?, phrase.to_lowercase()))
            })
            .collect();
        let mut brands: Vec<String> = data_lines(brands)
            .map(|l| l.trim().to_lowercase())
            .filter(|b| b.chars().count() >= 2)
            .collect();
        brands.sort_by_key(|b| std::cmp::Reverse(b.chars().count()));
        brands.dedup();
        let mut suffixes: Vec<String> = data_lines(suffixes)
            .map(|l| l.trim().to_lowercase())
            .collect();
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        let phrase_list: Vec<&str> = phrases.iter().map(|(_, p)| p.as_str()).collect();
        let phrase_matcher = build_matcher(&phrase_list, MatchKind::Standard);
        let brand_matcher = build_matcher(&brands, MatchKind::LeftmostLongest);
        let mut gambling = Vec::new();
        let mut gambling_after = Vec::new();
        let mut gambling_latin = Vec::new();
        let mut gambling_latin_not = Vec::new();
        let mut gambling_bonus: Vec<Vec<char>> = Vec::new();
        for l in data_lines(GAMBLING_TERMS) {
            match l.split_once('\t') {
                Some(("strong", w)) => gambling.push((w.trim().to_string(), true)),
                Some(("weak", w)) => gambling.push((w.trim().to_string(), false)),
                Some(("after", w)) => gambling_after.push(w.trim().to_string()),
                Some(("latin", w)) => gambling_latin.push(w.trim().to_lowercase()),
                Some(("not_latin", w)) => gambling_latin_not.push(w.trim().to_lowercase()),
                Some(("bonus", w)) => gambling_bonus.push(w.trim().chars().collect()),
                _ => {}
            }
        }
        gambling.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        let words_of = furniture_words;
        Lexicons {
            prompt_verbs: words_of("verb"),
            prompt_cues: words_of("cue"),
            feed_verbs: words_of("feed"),
            picture_words: words_of("picture"),
            credit_words: words_of("credit"),
            list_qualifiers: words_of("list_qualifier"),
            list_nouns: words_of("list_noun"),
            list_owners: longest_first(words_of("list_owner")),
            list_tails: words_of("list_tail"),
            counter_words: words_of("counter"),
            device_words: words_of("device"),
            site_suffixes: words_of("site_suffix"),
            welcome_verbs: words_of("welcome"),
            welcome_places: words_of("welcome_place"),
            link_prefixes: words_of("link_prefix"),
            end_markers: words_of("end_marker"),
            field_labels: longest_first(words_of("field_label")),
            title_labels: longest_first(words_of("title_label")),
            link_labels: longest_first(words_of("link_label")),
            crowd_verbs: longest_first(words_of("crowd_verb")),
            count_prefixes: longest_first(words_of("count_prefix")),
            bare_labels: longest_first(words_of("bare_label")),
            buttons: longest_first(words_of("button")),
            greetings: longest_first(words_of("greeting")),
            self_intros: longest_first(words_of("self_intro")),
            self_refs: longest_first(words_of("self_ref")),
            account_nouns: longest_first(words_of("account_noun")),
            accompany: words_of("accompany"),
            hobbies: longest_first(words_of("hobby")),
            edit_verbs: words_of("edit_verb"),
            badges: longest_first(words_of("badge")),
            signoffs: words_of("signoff"),
            comments_words: words_of("comments_word"),
            comments_qualifiers: words_of("comments_qualifier"),
            placeholders: words_of("placeholder"),
            bare_placeholders: words_of("bare_placeholder"),
            requests: words_of("request"),
            tail_verbs: words_of("tail_verb"),
            stamp_words: longest_first(words_of("stamp_word")),
            stamp_alone: longest_first(words_of("stamp_alone")),
            stamp_units: longest_first(words_of("stamp_unit")),
            disclaimers: words_of("disclaimer")
                .into_iter()
                .map(|w| match w.split_once('…') {
                    Some((head, tail)) => (head.to_string(), tail.to_string()),
                    None => (w, String::new()),
                })
                .collect(),
            disclaim_subjects: words_of("disclaim_subject"),
            disclaim_labels: words_of("disclaim_label"),
            disclaimers_on_notice: words_of("disclaimer_on_notice"),
            toc_labels: words_of("toc_label")
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
            phrases,
            brands,
            suffix_chars: suffixes.iter().map(|s| s.chars().collect()).collect(),
            suffixes,
            gambling,
            gambling_after,
            gambling_latin,
            gambling_latin_not,
            gambling_bonus,
            phrase_matcher,
            brand_matcher,
        }
    }

    /// The phrases of each class found in a (lower-cased, Simplified) line,
    /// each once, in lexicon order.
    pub fn hits<'a>(&'a self, lower_simplified: &str) -> Vec<(PhraseClass, &'a str)> {
        let Some(matcher) = &self.phrase_matcher else {
            return Vec::new();
        };
        let mut found: Vec<usize> = matcher
            .find_overlapping_iter(lower_simplified)
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .filter_map(|i| self.phrases.get(i))
            .map(|(c, p)| (*c, p.as_str()))
            .collect()
    }

    /// Leftmost-longest brand matches in a lower-cased line, as byte ranges.
    pub fn brand_matches(&self, lower: &str) -> Vec<(usize, usize)> {
        self.brand_matcher.as_ref().map_or_else(Vec::new, |m| {
            m.find_iter(lower).map(|x| (x.start(), x.end())).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load_every_class() {
        let lex = Lexicons::builtin();
        for class in [
            PhraseClass::Navigation,
            PhraseClass::SiteChrome,
            PhraseClass::ForumChrome,
            PhraseClass::Legal,
            PhraseClass::Byline,
            PhraseClass::Caption,
        ] {
            assert!(
                lex.phrases.iter().any(|(c, _)| *c == class),
                "{class:?} has no entries"
            );
        }
        assert!(lex.brands.iter().all(|b| b.chars().count() >= 2));
        let pos = |b: &str| lex.brands.iter().position(|x| x == b);
        assert!(
            pos("九游会") < pos("九游"),
            "longer brands must be tried first"
        );
    }

    #[test]
    fn hits_find_phrases_by_class() {
        let lex = Lexicons::builtin();
        let hits = lex.hits("版权所有，未经许可不得转载");
        assert!(
            hits.iter()
                .filter(|(c, _)| *c == PhraseClass::Legal)
                .count()
                >= 2
        );
        assert!(lex.hits("今天天气很好。").is_empty());
    }

    #[test]
    fn parse_skips_comments_and_unknown_classes() {
        let lex = Lexicons::parse("# c\nlegal\tABC\nbogus\tx\n", "# b\nXY\nZ\n", "入口\n");
        assert_eq!(lex.phrases, vec![(PhraseClass::Legal, "abc".to_string())]);
        assert_eq!(lex.hits("xxabcxx"), vec![(PhraseClass::Legal, "abc")]);
        assert_eq!(lex.brands, vec!["xy".to_string()]);
    }
}
