//! Synthetic sites and pages: the furniture of five site styles wrapped
//! around clean paragraphs.
//!
//! A [`Site`] fixes what a real site repeats on every page (its name, menu
//! bar, footer, login bar, date format); each page then draws what varies
//! (bylines, counters, related headlines, replies) from the same split of
//! the vocabulary.

use crate::rng::Rng;
use crate::vocab::{Split, Vocab};
use std::cell::RefCell;
use std::collections::HashMap;

/// The five site styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Portal,
    Forum,
    Gov,
    Blog,
    Social,
}

impl Style {
    pub const ALL: [Style; 5] = [
        Style::Portal,
        Style::Forum,
        Style::Gov,
        Style::Blog,
        Style::Social,
    ];

    /// The vocabulary file of the style.
    pub fn file(self) -> &'static str {
        match self {
            Style::Portal => "portal",
            Style::Forum => "forum",
            Style::Gov => "gov",
            Style::Blog => "blog",
            Style::Social => "social",
        }
    }

    /// The slot that `{sec}` draws from.
    fn section_slot(self) -> &'static str {
        match self {
            Style::Portal => "section",
            Style::Forum => "board",
            Style::Gov => "menu",
            Style::Blog => "category",
            Style::Social => "account",
        }
    }
}

/// What a line of a generated page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The page title (the cleaner may move it to `title`; it is neither
    /// content nor counted boilerplate).
    Title,
    /// Page furniture the cleaner should remove.
    Boilerplate,
    /// A paragraph of the clean truth.
    Content,
    /// A spam line (counted as spam, not as boilerplate).
    Spam,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub role: Role,
}

impl Line {
    fn new(text: String, role: Role) -> Self {
        Line { text, role }
    }
}

/// Identity of a synthetic site: what `{site}`, `{city}`, `{date}` resolve to.
#[derive(Debug, Clone, Default)]
pub struct SiteBase {
    pub name: String,
    pub city: String,
    pub account: String,
    pub year: u32,
    date_style: usize,
}

/// A synthetic site: identity plus the lines it repeats on every page.
#[derive(Debug, Clone)]
pub struct Site {
    /// Group key (`--group` processes the pages of one site together).
    pub key: String,
    pub style: Option<Style>,
    pub split: Split,
    pub base: SiteBase,
    /// Site-wide lines by role (`menu`, `footer`, `login`...).
    pub fixed: HashMap<&'static str, Vec<String>>,
    /// What the site-wide lines a page shows at its head credit (a social
    /// account's own header, `{account@author} ✓`): a page showing them
    /// credits it too.
    pub head_credits: Credits,
}

impl Site {
    fn fixed(&self, role: &str) -> &[String] {
        self.fixed.get(role).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Fills `{placeholder}`s from one split of the vocabulary.
pub struct Filler<'a> {
    pub vocab: &'a Vocab,
    pub split: Split,
    pub style: Option<Style>,
    pub base: &'a SiteBase,
    /// Real headlines to draw `{headline}` from; composed ones when empty.
    pub headlines: &'a [String],
    /// The page's publication date in the site's format: when set, every
    /// `{date}` becomes it (the publication lines of a page agree on one
    /// date, which is the truth the metadata is scored against).
    pub published: Option<&'a str>,
    /// The page's credits, when lines of one page are being filled: a
    /// placeholder tagged `@author` or `@source` (`{name@author}`,
    /// `{media@source}`) records its value there, or, when the page has
    /// already named one, repeats it (a page credits one author and one
    /// source).
    pub credits: Option<&'a RefCell<Credits>>,
}

/// Who and what a page credits: the author and source named by its tagged
/// placeholders, the truth the cleaner's `author` and `source_site` are
/// scored against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits {
    pub author: Option<String>,
    pub source: Option<String>,
}

/// The longest placeholder name read between braces (`{account@source}`).
const PLACEHOLDER_MAX: usize = 16;

impl Filler<'_> {
    /// Entries of a slot: the style's own file first, then `common`.
    pub fn entries(&self, slot: &str) -> &[String] {
        if let Some(style) = self.style {
            let own = self.vocab.get(style.file(), slot, self.split);
            if !own.is_empty() {
                return own;
            }
        }
        self.vocab.get("common", slot, self.split)
    }

    /// A random entry of a slot, placeholders filled.
    pub fn pick(&self, rng: &mut Rng, slot: &str) -> String {
        let template = rng.pick(self.entries(slot)).cloned().unwrap_or_default();
        self.fill(rng, &template)
    }

    /// A random raw entry of a slot (no filling).
    pub fn raw(&self, rng: &mut Rng, slot: &str) -> String {
        rng.pick(self.entries(slot)).cloned().unwrap_or_default()
    }

    pub fn fill(&self, rng: &mut Rng, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if close <= PLACEHOLDER_MAX => {
                    let name = &after[..close];
                    match self.value(rng, name) {
                        Some(v) => out.push_str(&v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn value(&self, rng: &mut Rng, name: &str) -> Option<String> {
        if let Some((kind, tag)) = name.split_once('@') {
            // The value is drawn either way, so that tagging a placeholder
            // leaves the page's random stream as it was.
            let drawn = self.value(rng, kind)?;
            let Some(credits) = self.credits else {
                return Some(drawn);
            };
            let mut credits = credits.borrow_mut();
            let slot = match tag {
                "author" => &mut credits.author,
                "source" => &mut credits.source,
                _ => return None,
            };
            return Some(slot.get_or_insert(drawn).clone());
        }
        if let Some(literal) = name.strip_prefix('=') {
            // A fixed value that a tag may credit (`{=知乎@source}`).
            return Some(literal.to_string());
        }
        let b = self.base;
        Some(match name {
            "n" => rng.range(1, 99).to_string(),
            "k" => rng.range(100, 9999).to_string(),
            "big" => rng.range(10_000, 999_999).to_string(),
            "city" => {
                if rng.chance(0.6) && !b.city.is_empty() {
                    b.city.clone()
                } else {
                    self.raw(rng, "city")
                }
            }
            "name" => self.person(rng),
            "user" => self.user(rng),
            "date" => {
                // The draws are made either way, so that a page with a
                // publication date keeps the random stream of one without.
                let drawn = self.date(rng);
                self.published.map_or(drawn, str::to_string)
            }
            "time" => format!("{:02}:{:02}", rng.range(6, 23), rng.below(60)),
            "year" => b.year.to_string(),
            "since" => rng.range(1998, 2015).to_string(),
            "site" => b.name.clone(),
            "sec" => match self.style {
                Some(s) => self.pick(rng, s.section_slot()),
                None => self.raw(rng, "topic"),
            },
            "topic" => self.raw(rng, "topic"),
            "headline" => self.headline(rng),
            "digits" => {
                let n = rng.range(10, 13);
                digits(rng, n)
            }
            "icp" => digits(rng, 8),
            "post" => digits(rng, 6),
            "phone" => {
                if rng.chance(0.5) {
                    format!("0{}-{}", digits(rng, 3), digits(rng, 8))
                } else {
                    format!("1{}{}", rng.range(3, 9), digits(rng, 9))
                }
            }
            "media" => self.pick(rng, "media"),
            "prov" => self.raw(rng, "prov"),
            "mail" => format!(
                "{}{}@{}",
                self.raw(rng, "latin").to_lowercase(),
                rng.range(1, 999),
                self.raw(rng, "domain")
            ),
            "mmdd" => {
                let (m, d) = (rng.range(1, 12), rng.range(1, 28));
                if rng.chance(0.5) {
                    format!("{m:02}-{d:02}")
                } else {
                    format!("{m}月{d}日")
                }
            }
            "month" => rng.range(1, 12).to_string(),
            "month2" => format!("{:02}", rng.range(1, 12)),
            "account" => {
                if b.account.is_empty() {
                    let t = self.raw(rng, "account");
                    self.fill(rng, &t)
                } else {
                    b.account.clone()
                }
            }
            "latin" => self.raw(rng, "latin"),
            "road" => self.raw(rng, "road"),
            _ => return None,
        })
    }

    pub fn person(&self, rng: &mut Rng) -> String {
        let mut s = self.raw(rng, "surname");
        for _ in 0..rng.range(1, 2) {
            s.push_str(&self.raw(rng, "given"));
        }
        s
    }

    pub fn user(&self, rng: &mut Rng) -> String {
        match rng.below(10) {
            0..=4 => format!("{}{}", self.raw(rng, "nick_a"), self.raw(rng, "nick_b")),
            5..=7 => format!("{}{}", self.raw(rng, "latin"), rng.range(1, 2024)),
            _ => format!("{}_{}", self.raw(rng, "nick_b"), rng.range(10, 99)),
        }
    }

    /// A date in the site's own format.
    pub fn date(&self, rng: &mut Rng) -> String {
        let (y, m, d) = self.date_parts(rng);
        self.format_date(y, m, d)
    }

    /// A year, month and day within the site's last two years.
    pub fn date_parts(&self, rng: &mut Rng) -> (u32, usize, usize) {
        let y = self.base.year.saturating_sub(rng.below(2) as u32);
        (y, rng.range(1, 12), rng.range(1, 28))
    }

    /// A date written in the site's own format.
    pub fn format_date(&self, y: u32, m: usize, d: usize) -> String {
        match self.base.date_style % 5 {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("{y}年{m:02}月{d:02}日"),
            2 => format!("{y}/{m}/{d}"),
            3 => format!("{y}.{m:02}.{d:02}"),
            _ => format!("{y}年{m}月{d}日"),
        }
    }

    /// This filler with every `{date}` written as `published`: for the
    /// lines that date the page (byline, first post header, document meta).
    pub fn publishing<'p>(&'p self, published: &'p str) -> Filler<'p> {
        Filler {
            vocab: self.vocab,
            split: self.split,
            style: self.style,
            base: self.base,
            headlines: self.headlines,
            published: Some(published),
            credits: self.credits,
        }
    }

    pub fn headline(&self, rng: &mut Rng) -> String {
        match rng.pick(self.headlines) {
            Some(h) if rng.chance(0.8) => h.clone(),
            _ => self.pick(rng, "headline"),
        }
    }
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|i| {
            let d = if i == 0 {
                rng.range(1, 9)
            } else {
                rng.below(10)
            };
            char::from(b'0' + d as u8)
        })
        .collect()
}

/// Makes the site-wide identity for a style (or a bare site for the noise
/// kinds that have no page furniture).
pub fn site_base(vocab: &Vocab, style: Option<Style>, split: Split, rng: &mut Rng) -> SiteBase {
    let city_pool = vocab.get("common", "city", split);
    let city = rng.pick(city_pool).cloned().unwrap_or_default();
    let mut base = SiteBase {
        city,
        year: rng.range(2012, 2025) as u32,
        date_style: rng.below(5),
        ..SiteBase::default()
    };
    let filler = Filler {
        vocab,
        split,
        style,
        base: &base,
        headlines: &[],
        published: None,
        credits: None,
    };
    let name = match style {
        Some(_) => filler.pick(rng, "site"),
        None => filler.pick(rng, "media"),
    };
    let account = if style == Some(Style::Social) {
        filler.pick(rng, "account")
    } else {
        String::new()
    };
    base.name = name;
    base.account = account;
    base
}

/// The lines a site repeats on every page, and what those a page shows at
/// its head credit.
pub fn site_fixed(
    filler: &Filler<'_>,
    style: Style,
    rng: &mut Rng,
) -> (HashMap<&'static str, Vec<String>>, Credits) {
    let mut fixed: HashMap<&'static str, Vec<String>> = HashMap::new();
    let head_credits = RefCell::new(Credits::default());
    let mut put = |k: &'static str, v: String| fixed.entry(k).or_default().push(v);
    let distinct = |rng: &mut Rng, slot: &str, lo: usize, hi: usize| -> Vec<String> {
        let n = rng.range(lo, hi);
        let mut pool: Vec<String> = filler.entries(slot).to_vec();
        let mut out = Vec::new();
        while out.len() < n && !pool.is_empty() {
            let i = rng.below(pool.len());
            let t = pool.swap_remove(i);
            out.push(filler.fill(rng, &t));
        }
        out
    };
    match style {
        Style::Portal | Style::Gov => {
            let slot = if style == Style::Portal {
                "section"
            } else {
                "menu"
            };
            let sep = filler.raw(rng, "menu_sep");
            let items = distinct(rng, slot, 5, 8);
            put("menu", items.join(&sep));
            for l in distinct(rng, "chrome", 2, 2) {
                put("chrome", l);
            }
            for l in distinct(rng, "footer", 2, 4) {
                put("footer", l);
            }
            if style == Style::Portal {
                put("crumb_lead", filler.raw(rng, "crumb_lead"));
                put("home", filler.pick(rng, "home"));
                put("crumb_sep", filler.raw(rng, "crumb_sep"));
                put("crumb_tail", filler.raw(rng, "crumb_tail"));
            } else {
                put("access", filler.pick(rng, "access"));
                put("crumb", filler.raw(rng, "crumb"));
            }
        }
        Style::Forum => {
            put("login", filler.pick(rng, "login"));
            put("crumb", filler.pick(rng, "crumb"));
            put("buttons", filler.pick(rng, "buttons"));
            for l in distinct(rng, "user_stat", 3, 3) {
                put("user_stat", l);
            }
            for l in distinct(rng, "footer", 2, 3) {
                put("footer", l);
            }
        }
        Style::Blog => {
            put("motto", filler.pick(rng, "motto"));
            put("menu", filler.pick(rng, "menu"));
            for l in distinct(rng, "footer", 1, 2) {
                put("footer", l);
            }
        }
        Style::Social => {
            let crediting = Filler {
                credits: Some(&head_credits),
                ..*filler
            };
            put("follow", crediting.pick(rng, "follow"));
            put("qr", filler.pick(rng, "qr"));
            for l in distinct(rng, "action", 1, 2) {
                put("action", l);
            }
        }
    }
    (fixed, head_credits.into_inner())
}

/// One built page: its lines, whether a line dates the page with the
/// publication date it was given, and the author and source its lines
/// credit.
pub struct BuiltPage {
    pub lines: Vec<Line>,
    pub dated: bool,
    pub credits: Credits,
}

/// Builds one page: the site's furniture around `paragraphs` (in order).
/// `published` is the page's publication date in the site's format; the
/// line that dates the page (byline, first post header, document meta,
/// post line, origin line) writes its dates as that one.
pub fn page(
    filler: &Filler<'_>,
    site: &Site,
    style: Style,
    paragraphs: &[String],
    published: &str,
    rng: &mut Rng,
) -> BuiltPage {
    let mut p = Page {
        published: published.to_string(),
        ..Page::default()
    };
    let credits = RefCell::new(Credits::default());
    let f = &Filler {
        credits: Some(&credits),
        ..*filler
    };
    let title = f.headline(rng);
    match style {
        Style::Portal => portal(&mut p, f, site, &title, paragraphs, rng),
        Style::Forum => forum(&mut p, f, site, &title, paragraphs, rng),
        Style::Gov => gov(&mut p, f, site, &title, paragraphs, rng),
        Style::Blog => blog(&mut p, f, site, &title, paragraphs, rng),
        Style::Social => social(&mut p, f, site, &title, paragraphs, rng),
    }
    BuiltPage {
        lines: p.lines,
        dated: p.dated,
        credits: credits.into_inner(),
    }
}

#[derive(Default)]
struct Page {
    lines: Vec<Line>,
    published: String,
    dated: bool,
}

impl Page {
    fn bp(&mut self, text: String) {
        if !text.trim().is_empty() {
            self.lines.push(Line::new(text, Role::Boilerplate));
        }
    }
    /// A line of `slot` that dates the page: its dates are the page's
    /// publication date.
    fn dating(&mut self, f: &Filler<'_>, slot: &str, rng: &mut Rng) {
        let published = self.published.clone();
        let text = f.publishing(&published).pick(rng, slot);
        if !published.is_empty() && text.contains(&published) {
            self.dated = true;
        }
        self.bp(text);
    }
    fn bps(&mut self, texts: &[String]) {
        for t in texts {
            self.bp(t.clone());
        }
    }
    fn title(&mut self, text: &str) {
        self.lines.push(Line::new(text.to_string(), Role::Title));
    }
    fn content(&mut self, paragraphs: &[String]) {
        for t in paragraphs {
            self.lines.push(Line::new(t.clone(), Role::Content));
        }
    }
    /// Paragraphs with a boilerplate line (a caption) after one of them.
    fn content_with(&mut self, paragraphs: &[String], extra: Option<String>, rng: &mut Rng) {
        let at = rng.below(paragraphs.len().max(1));
        for (i, t) in paragraphs.iter().enumerate() {
            self.lines.push(Line::new(t.clone(), Role::Content));
            if i == at && i + 1 < paragraphs.len() {
                if let Some(e) = &extra {
                    self.bp(e.clone());
                }
            }
        }
    }
}

fn portal(p: &mut Page, f: &Filler<'_>, site: &Site, title: &str, paras: &[String], rng: &mut Rng) {
    if rng.chance(0.8) {
        p.bps(site.fixed("menu"));
    }
    let one = |role: &str| site.fixed(role).first().cloned().unwrap_or_default();
    let sep = one("crumb_sep");
    let mut crumb = format!("{}{}", one("crumb_lead"), one("home"));
    for _ in 0..rng.range(1, 2) {
        crumb.push_str(&sep);
        crumb.push_str(&f.pick(rng, "section"));
    }
    let tail = one("crumb_tail");
    if !tail.is_empty() {
        crumb.push_str(&sep);
        crumb.push_str(&tail);
    }
    p.bp(crumb);
    p.title(title);
    p.dating(f, "byline", rng);
    if let Some(c) = site.fixed("chrome").first() {
        if rng.chance(0.7) {
            p.bp(c.clone());
        }
    }
    let caption = rng.chance(0.5).then(|| f.pick(rng, "caption"));
    p.content_with(paras, caption, rng);
    if rng.chance(0.7) {
        p.bp(f.pick(rng, "editor"));
    }
    if let Some(c) = site.fixed("chrome").get(1) {
        if rng.chance(0.5) {
            p.bp(c.clone());
        }
    }
    if rng.chance(0.8) {
        p.bp(f.pick(rng, "related_head"));
        for _ in 0..rng.range(3, 8) {
            p.bp(f.pick(rng, "related_item"));
        }
    }
    p.bps(site.fixed("footer"));
}

fn forum(p: &mut Page, f: &Filler<'_>, site: &Site, title: &str, paras: &[String], rng: &mut Rng) {
    p.bps(site.fixed("login"));
    p.bps(site.fixed("crumb"));
    p.bp(f.pick(rng, "counter"));
    p.title(title);
    let poster = f.user(rng);
    p.dating(f, "post_head", rng);
    if rng.chance(0.5) {
        p.bp(poster.clone());
    }
    let stats = site.fixed("user_stat");
    for s in stats.iter().take(rng.range(1, stats.len().max(1))) {
        // The site's stat layout with this poster's numbers.
        p.bp(f.fill(rng, &renumber(s)));
    }
    if rng.chance(0.3) {
        p.bp(f.pick(rng, "edited"));
    }
    p.content(paras);
    if rng.chance(0.6) {
        p.bp(f.pick(rng, "sig_sep"));
        p.bp(f.pick(rng, "signature"));
    }
    p.bps(site.fixed("buttons"));
    // A reply's header names its replier, not the thread's author.
    let replies = Filler {
        credits: None,
        ..*f
    };
    for _ in 0..rng.range(0, 4) {
        p.bp(replies.pick(rng, "post_head"));
        p.bp(f.pick(rng, "reply"));
        p.bps(site.fixed("buttons"));
    }
    p.bps(site.fixed("footer"));
}

fn gov(p: &mut Page, f: &Filler<'_>, site: &Site, title: &str, paras: &[String], rng: &mut Rng) {
    p.bps(site.fixed("access"));
    p.bps(site.fixed("menu"));
    if let Some(c) = site.fixed("crumb").first() {
        p.bp(f.fill(rng, c));
    }
    p.title(title);
    for _ in 0..rng.range(1, 2) {
        p.dating(f, "meta", rng);
    }
    if let Some(c) = site.fixed("chrome").first() {
        p.bp(c.clone());
    }
    p.content(paras);
    if let Some(c) = site.fixed("chrome").get(1) {
        if rng.chance(0.7) {
            p.bp(c.clone());
        }
    }
    if rng.chance(0.4) {
        for _ in 0..rng.range(1, 2) {
            p.bp(f.pick(rng, "attach"));
        }
    }
    p.bps(site.fixed("footer"));
}

fn blog(p: &mut Page, f: &Filler<'_>, site: &Site, title: &str, paras: &[String], rng: &mut Rng) {
    p.bp(site.base.name.clone());
    if rng.chance(0.6) {
        p.bps(site.fixed("motto"));
    }
    p.bps(site.fixed("menu"));
    p.title(title);
    p.dating(f, "posted", rng);
    p.content(paras);
    if rng.chance(0.8) {
        p.bp(f.pick(rng, "tags"));
    }
    p.bp(f.pick(rng, "counter"));
    for _ in 0..rng.range(1, 2) {
        p.bp(f.pick(rng, "prevnext"));
    }
    for _ in 0..rng.range(1, 2) {
        p.bp(f.pick(rng, "side_head"));
        for _ in 0..rng.range(2, 5) {
            p.bp(f.pick(rng, "side_item"));
        }
    }
    p.bps(site.fixed("footer"));
}

fn social(p: &mut Page, f: &Filler<'_>, site: &Site, title: &str, paras: &[String], rng: &mut Rng) {
    if rng.chance(0.5) {
        p.bp(f.pick(rng, "repost"));
    }
    if rng.chance(0.7) {
        p.bps(site.fixed("follow"));
        if let Some(credits) = f.credits {
            let mut credits = credits.borrow_mut();
            let head = &site.head_credits;
            if let Some(a) = &head.author {
                credits.author.get_or_insert_with(|| a.clone());
            }
            if let Some(s) = &head.source {
                credits.source.get_or_insert_with(|| s.clone());
            }
        }
    }
    if rng.chance(0.8) {
        p.dating(f, "origin", rng);
    }
    if rng.chance(0.5) {
        p.bp(f.pick(rng, "hashtag"));
    }
    if rng.chance(0.5) {
        p.title(title);
    }
    p.content(paras);
    if rng.chance(0.6) {
        p.bp(f.pick(rng, "end"));
    }
    p.bps(site.fixed("qr"));
    if rng.chance(0.6) {
        p.bp(f.pick(rng, "more_head"));
        for _ in 0..rng.range(2, 4) {
            p.bp(f.pick(rng, "more_item"));
        }
    }
    p.bps(site.fixed("action"));
}

/// Turns the numbers of a filled line back into placeholders, so that a
/// site-wide layout line gets fresh numbers on each page. A date becomes
/// `{date}` (fresh digits in its three parts would make `2023年94月60日`).
fn renumber(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut run = 0;
    let flush = |out: &mut String, run: usize| match run {
        0 => {}
        1 | 2 => out.push_str("{n}"),
        _ => out.push_str("{k}"),
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if run == 0 {
            if let Some(len) = date_len(&chars[i..]) {
                out.push_str("{date}");
                i += len;
                continue;
            }
        }
        i += 1;
        if c.is_ascii_digit() {
            run += 1;
        } else {
            flush(&mut out, run);
            run = 0;
            out.push(c);
        }
    }
    flush(&mut out, run);
    out
}

/// The length in chars of a date at the start of `s` (`2019-05-01`,
/// `2019年5月1日`, `2019/5/1`, `2019.05.01`), if there is one.
fn date_len(s: &[char]) -> Option<usize> {
    let digits = |from: usize, min: usize, max: usize| {
        let n = s
            .get(from..)?
            .iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(n)
    };
    let year = digits(0, 4, 4)?;
    let sep = *s.get(year)?;
    if !matches!(sep, '年' | '-' | '/' | '.') {
        return None;
    }
    let month = digits(year + 1, 1, 2)?;
    let sep2 = *s.get(year + 1 + month)?;
    let expected = if sep == '年' { '月' } else { sep };
    if sep2 != expected {
        return None;
    }
    let day = digits(year + month + 2, 1, 2)?;
    let end = year + month + day + 2;
    Some(if sep == '年' && s.get(end) == Some(&'日') {
        end + 1
    } else {
        end
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::builtin().expect("parses")
    }

    /// A portal site in 杭州 named 测试新闻网, as of 2020.
    fn test_base() -> SiteBase {
        SiteBase {
            name: "测试新闻网".into(),
            city: "杭州".into(),
            year: 2020,
            ..SiteBase::default()
        }
    }

    /// A dev portal filler with no page's date or credits.
    fn portal_filler<'a>(v: &'a Vocab, base: &'a SiteBase) -> Filler<'a> {
        Filler {
            vocab: v,
            split: Split::Dev,
            style: Some(Style::Portal),
            base,
            headlines: &[],
            published: None,
            credits: None,
        }
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones() {
        let v = vocab();
        let base = test_base();
        let f = portal_filler(&v, &base);
        let mut rng = Rng::new(1);
        let s = f.fill(&mut rng, "Copyright © {year} {site} {nope} {n}号 {");
        assert!(s.starts_with("Copyright © 2020 测试新闻网 {nope} "), "{s}");
        assert!(s.ends_with("号 {"), "{s}");
        assert!(!f.fill(&mut rng, "{date}").contains('{'));
    }

    #[test]
    fn tagged_placeholders_record_the_page_credits_and_repeat_them() {
        let v = vocab();
        let base = test_base();
        let bare = portal_filler(&v, &base);
        let credits = RefCell::new(Credits::default());
        let crediting = Filler {
            credits: Some(&credits),
            ..bare
        };
        let template = "作者：{name@author} 来源：{media@source} 编辑：{name}";
        // Tagging draws what the untagged placeholder draws.
        let untagged = bare.fill(&mut Rng::new(7), "作者：{name} 来源：{media} 编辑：{name}");
        let first = crediting.fill(&mut Rng::new(7), template);
        assert_eq!(first, untagged);
        let c = credits.borrow().clone();
        let author = c.author.expect("an author");
        let source = c.source.expect("a source");
        assert!(
            first.starts_with(&format!("作者：{author} 来源：{source} ")),
            "{first}"
        );
        // A second line of the page credits the same author.
        let again = crediting.fill(&mut Rng::new(8), "文/{name@author}");
        assert_eq!(again, format!("文/{author}"));
        // ... and its source, even where the line names a fixed one.
        assert_eq!(
            crediting.fill(&mut Rng::new(9), "来源：{=知乎@source}"),
            format!("来源：{source}")
        );
        let fresh = RefCell::new(Credits::default());
        let other_page = Filler {
            credits: Some(&fresh),
            ..bare
        };
        assert_eq!(
            other_page.fill(&mut Rng::new(9), "来源：{=知乎@source}"),
            "来源：知乎"
        );
        assert_eq!(fresh.borrow().source.as_deref(), Some("知乎"));
        // An unknown tag is left as written on a page, and is only its
        // placeholder without one.
        assert_eq!(
            other_page.fill(&mut Rng::new(9), "{name@nobody}"),
            "{name@nobody}"
        );
        assert!(!bare.fill(&mut Rng::new(9), "{name@nobody}").contains('{'));
    }

    #[test]
    fn renumber_turns_digit_runs_into_placeholders() {
        assert_eq!(renumber("主题 12 帖子 3456"), "主题 {n} 帖子 {k}");
        assert_eq!(renumber("Rank: 7"), "Rank: {n}");
        assert_eq!(renumber("注册时间"), "注册时间");
        assert_eq!(
            renumber("入会 2019年5月1日 积分 12"),
            "入会 {date} 积分 {n}"
        );
        assert_eq!(
            renumber("最后登录 2019/5/21 第3楼"),
            "最后登录 {date} 第{n}楼"
        );
        assert_eq!(renumber("2019-05-01 12:30"), "{date} {n}:{n}");
        assert_eq!(renumber("编号 2019-05"), "编号 {k}-{n}");
    }

    #[test]
    fn a_social_page_showing_its_accounts_header_credits_the_account() {
        let v = vocab();
        let paras = vec!["今天天气很好。".to_string()];
        let (mut shown, mut credited_sites) = (0, 0);
        for seed in 0..40 {
            let mut rng = Rng::new(seed);
            let base = site_base(&v, Some(Style::Social), Split::Dev, &mut rng);
            let f = Filler {
                vocab: &v,
                split: Split::Dev,
                style: Some(Style::Social),
                base: &base,
                headlines: &[],
                published: None,
                credits: None,
            };
            let (fixed, head_credits) = site_fixed(&f, Style::Social, &mut rng);
            let Some(account) = head_credits.author.clone() else {
                continue;
            };
            credited_sites += 1;
            let header = fixed["follow"][0].clone();
            assert!(header.contains(&account), "{header} / {account}");
            let site = Site {
                key: "s".into(),
                style: Some(Style::Social),
                split: Split::Dev,
                base: base.clone(),
                fixed,
                head_credits,
            };
            for _ in 0..5 {
                let built = page(&f, &site, Style::Social, &paras, "2020-05-06", &mut rng);
                let Some(at) = built.lines.iter().position(|l| l.text == header) else {
                    continue;
                };
                shown += 1;
                // A repost line over it that names the original's writer
                // (`原文作者：@某某`) credits that writer instead.
                let named_before = built.lines[..at].iter().any(|l| l.text.contains("作者"));
                let author = built.credits.author.as_deref();
                if named_before {
                    assert!(author.is_some());
                } else {
                    assert_eq!(author, Some(account.as_str()));
                }
            }
        }
        assert!(credited_sites > 0 && shown > 0, "{credited_sites} {shown}");
    }

    #[test]
    fn every_style_keeps_paragraphs_in_order_and_adds_furniture() {
        let v = vocab();
        let paras: Vec<String> = ["今天天气很好。", "我们去公园散步。", "晚上回家吃饭。"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for style in Style::ALL {
            for split in Split::ALL {
                let mut rng = Rng::new(3);
                let base = site_base(&v, Some(style), split, &mut rng);
                let f = Filler {
                    vocab: &v,
                    split,
                    style: Some(style),
                    base: &base,
                    headlines: &[],
                    published: None,
                    credits: None,
                };
                let (fixed, head_credits) = site_fixed(&f, style, &mut rng);
                let site = Site {
                    key: "s".into(),
                    style: Some(style),
                    split,
                    base: base.clone(),
                    fixed,
                    head_credits,
                };
                let built = page(&f, &site, style, &paras, "2020-05-06", &mut rng);
                let lines = built.lines;
                let content: Vec<&str> = lines
                    .iter()
                    .filter(|l| l.role == Role::Content)
                    .map(|l| l.text.as_str())
                    .collect();
                assert_eq!(
                    content,
                    ["今天天气很好。", "我们去公园散步。", "晚上回家吃饭。"]
                );
                let bp = lines.iter().filter(|l| l.role == Role::Boilerplate).count();
                assert!(bp >= 3, "{style:?} {split:?}: {bp} boilerplate lines");
                for l in &lines {
                    assert!(!l.text.contains('{'), "{style:?}: unfilled {}", l.text);
                }
            }
        }
    }
}
