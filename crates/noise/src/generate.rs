//! Noise kinds and the generator that turns clean paragraphs into a noisy
//! document with its truth and its record of what was injected.

use crate::page::{self, Credits, Filler, Line, Role, Site, Style};
use crate::rng::Rng;
use crate::spam::{self, SpamKit};
use crate::transform::{self, ByteEncoding, RubyStyle};
use crate::vocab::{Split, Vocab, VocabError};
use std::collections::{BTreeMap, BTreeSet};
use taojin_segment::view::ScriptConverter;

/// One kind of noise, reported separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoiseKind {
    /// No noise: the paragraphs alone (a baseline for content loss).
    Plain,
    Portal,
    Forum,
    Gov,
    Blog,
    Social,
    /// Spam spliced into the first paragraphs, densely (as in the seeds).
    Spam,
    /// Spam spread through the page: each piece in a different paragraph
    /// where there are enough, brands said once or twice, slogan pieces
    /// two to four times (as on pages whose every paragraph got one
    /// insertion).
    Sparse,
    /// Spam spread as for [`NoiseKind::Sparse`], but with the slogan cut at
    /// word boundaries into pieces that are words or phrases of their own
    /// (`优化营商|环境激发|市场活力`), as hand-made spam often is, and with
    /// the site's brands on only half the pages: no piece breaks a word of
    /// its slogan, and many pages show no brand to give the spam away.
    Phrase,
    Punct,
    Ruby,
    Encoding,
    Censor,
    /// A random site style combined with random other kinds.
    All,
}

impl NoiseKind {
    pub const EVERY: [NoiseKind; 14] = [
        NoiseKind::Plain,
        NoiseKind::Portal,
        NoiseKind::Forum,
        NoiseKind::Gov,
        NoiseKind::Blog,
        NoiseKind::Social,
        NoiseKind::Spam,
        NoiseKind::Sparse,
        NoiseKind::Phrase,
        NoiseKind::Punct,
        NoiseKind::Ruby,
        NoiseKind::Encoding,
        NoiseKind::Censor,
        NoiseKind::All,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoiseKind::Plain => "plain",
            NoiseKind::Portal => "portal",
            NoiseKind::Forum => "forum",
            NoiseKind::Gov => "gov",
            NoiseKind::Blog => "blog",
            NoiseKind::Social => "social",
            NoiseKind::Spam => "spam",
            NoiseKind::Sparse => "sparse",
            NoiseKind::Phrase => "phrase",
            NoiseKind::Punct => "punct",
            NoiseKind::Ruby => "ruby",
            NoiseKind::Encoding => "encoding",
            NoiseKind::Censor => "censor",
            NoiseKind::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<NoiseKind> {
        NoiseKind::EVERY.into_iter().find(|k| k.name() == s)
    }

    /// The site style of the kinds that are page furniture.
    pub fn style(self) -> Option<Style> {
        match self {
            NoiseKind::Portal => Some(Style::Portal),
            NoiseKind::Forum => Some(Style::Forum),
            NoiseKind::Gov => Some(Style::Gov),
            NoiseKind::Blog => Some(Style::Blog),
            NoiseKind::Social => Some(Style::Social),
            _ => None,
        }
    }

    /// The kind's number in the seeds of its random streams: fixed, so that
    /// adding a kind leaves the pages of the others as they were.
    fn index(self) -> u64 {
        match self {
            NoiseKind::Plain => 0,
            NoiseKind::Portal => 1,
            NoiseKind::Forum => 2,
            NoiseKind::Gov => 3,
            NoiseKind::Blog => 4,
            NoiseKind::Social => 5,
            NoiseKind::Spam => 6,
            NoiseKind::Punct => 7,
            NoiseKind::Ruby => 8,
            NoiseKind::Encoding => 9,
            NoiseKind::Censor => 10,
            NoiseKind::All => 11,
            NoiseKind::Sparse => 12,
            NoiseKind::Phrase => 13,
        }
    }
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct Generated {
    pub id: String,
    pub kind: NoiseKind,
    pub split: Split,
    /// The site (group) the page belongs to.
    pub site: String,
    /// The encoding of `bytes`.
    pub encoding: ByteEncoding,
    /// The page as text, before byte encoding.
    pub text: String,
    pub bytes: Vec<u8>,
    /// The clean truth: the content paragraphs joined by `\n` (after any
    /// script conversion and censoring, which the cleaner must keep).
    pub truth: String,
    /// The page's title line, when it has one (not content, not counted as
    /// boilerplate: the cleaner should move it to `title`).
    pub title: Option<String>,
    /// The title line as it was before spam was spliced into it: what the
    /// cleaner's `title` should read.
    pub clean_title: Option<String>,
    /// The page's publication date as `YYYY-MM-DD`, when a line dates the
    /// page (its byline, first post header, meta or origin line). Other
    /// dates on the page (a poster's join date, an edit note, a footer's
    /// clock, related headlines) are drawn apart from it.
    pub published: Option<String>,
    /// The author and the source site the page's furniture credits (its
    /// byline, document meta, post line or origin line), when one does.
    pub credits: Credits,
    /// Every injected boilerplate line.
    pub boilerplate: Vec<String>,
    /// Injected spam strings and how many times each was injected.
    pub spam: BTreeMap<String, usize>,
    /// The injected spam strings that are brands (the rest are slogan
    /// fragments), so that leaks can be reported per kind.
    pub spam_brands: BTreeSet<String>,
    /// `*` runs in the truth (the cleaner must keep them).
    pub censored_runs: usize,
    /// Ruby annotations added.
    pub ruby: usize,
}

/// A site for one (kind, split): the page furniture it repeats and the spam
/// it injects.
#[derive(Debug, Clone)]
pub struct SiteKit {
    pub site: Site,
    pub spam: SpamKit,
}

/// Noise switched on for one document.
#[derive(Debug, Clone, Copy, Default)]
struct Plan {
    style: Option<Style>,
    spam: bool,
    /// Spam spread through the page rather than packed into its first
    /// paragraphs.
    sparse: bool,
    /// Brands on only half the pages and the slogan on every one (see
    /// [`NoiseKind::Phrase`]).
    phrase: bool,
    punct: bool,
    ruby: bool,
    censor: bool,
    encoding: Option<ByteEncoding>,
}

/// Builds sites and documents from one vocabulary. Every output is a pure
/// function of the seed and the coordinates given.
pub struct Generator<'c> {
    vocab: Vocab,
    converter: &'c ScriptConverter,
    headlines: BTreeMap<Split, Vec<String>>,
}

impl<'c> Generator<'c> {
    pub fn new(converter: &'c ScriptConverter) -> Result<Self, VocabError> {
        Ok(Generator {
            vocab: Vocab::builtin()?,
            converter,
            headlines: BTreeMap::new(),
        })
    }

    /// Real headlines for titles and related-headline lists of one split
    /// (composed from templates when none are given).
    pub fn with_headlines(mut self, split: Split, headlines: Vec<String>) -> Self {
        self.headlines.insert(split, headlines);
        self
    }

    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    fn headlines(&self, split: Split) -> &[String] {
        self.headlines.get(&split).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Site number `index` of a (kind, split). For `all`, the site's style
    /// is drawn at random.
    pub fn site(&self, kind: NoiseKind, split: Split, index: usize, seed: u64) -> SiteKit {
        let mut rng = Rng::derive(seed, &[1, kind.index(), split as u64, index as u64]);
        let style = match kind {
            NoiseKind::All => rng.pick(&Style::ALL).copied(),
            k => k.style(),
        };
        let base = page::site_base(&self.vocab, style, split, &mut rng);
        let (fixed, head_credits) = match style {
            Some(s) => {
                let filler = Filler {
                    vocab: &self.vocab,
                    split,
                    style,
                    base: &base,
                    headlines: self.headlines(split),
                    published: None,
                    credits: None,
                };
                page::site_fixed(&filler, s, &mut rng)
            }
            None => Default::default(),
        };
        let mut spam = spam::kit(&self.vocab, split, &mut rng);
        if kind == NoiseKind::Phrase {
            spam.fragments = spam::phrase_fragments(&spam.slogan, &mut rng);
        }
        SiteKit {
            site: Site {
                key: format!("{}-{}-site{index}", kind.name(), split.name()),
                style,
                split,
                base,
                fixed,
                head_credits,
            },
            spam,
        }
    }

    fn plan(&self, kind: NoiseKind, kit: &SiteKit, rng: &mut Rng) -> Plan {
        let mut p = Plan {
            style: kind.style(),
            ..Plan::default()
        };
        match kind {
            NoiseKind::Spam => p.spam = true,
            NoiseKind::Sparse => {
                p.spam = true;
                p.sparse = true;
            }
            NoiseKind::Phrase => {
                p.spam = true;
                p.sparse = true;
                p.phrase = true;
            }
            NoiseKind::Punct => p.punct = true,
            NoiseKind::Ruby => p.ruby = true,
            NoiseKind::Censor => p.censor = true,
            NoiseKind::Encoding => p.encoding = rng.pick(&ByteEncoding::NOISY).copied(),
            NoiseKind::All => {
                p.style = kit.site.style;
                p.spam = rng.chance(0.6);
                p.punct = rng.chance(0.4);
                p.ruby = rng.chance(0.25);
                p.censor = rng.chance(0.3);
                if rng.chance(0.5) {
                    p.encoding = rng.pick(&ByteEncoding::NOISY).copied();
                }
            }
            _ => {}
        }
        p
    }

    /// Document number `index` of a site: `paragraphs` (the truth, in order)
    /// wrapped and damaged as the kind says.
    pub fn document(
        &self,
        kind: NoiseKind,
        kit: &SiteKit,
        index: usize,
        paragraphs: &[String],
        seed: u64,
    ) -> Generated {
        let split = kit.site.split;
        let mut rng = Rng::derive(seed, &[2, kind.index(), split as u64, index as u64]);
        let plan = self.plan(kind, kit, &mut rng);
        let filler = Filler {
            vocab: &self.vocab,
            split,
            style: plan.style,
            base: &kit.site.base,
            headlines: self.headlines(split),
            published: None,
            credits: None,
        };
        // The publication date comes from a stream of its own, so that the
        // pages are what they were before dates were scored.
        let (y, m, d) = filler.date_parts(&mut Rng::derive(
            seed,
            &[4, kind.index(), split as u64, index as u64],
        ));
        let mut published = None;
        let mut credits = Credits::default();
        let mut lines: Vec<Line> = match plan.style {
            Some(style) => {
                let shown = filler.format_date(y, m, d);
                let built = page::page(&filler, &kit.site, style, paragraphs, &shown, &mut rng);
                published = built.dated.then(|| format!("{y}-{m:02}-{d:02}"));
                credits = built.credits;
                built.lines
            }
            None => paragraphs
                .iter()
                .map(|p| Line {
                    text: p.clone(),
                    role: Role::Content,
                })
                .collect(),
        };
        lines.retain(|l| !l.text.trim().is_empty());

        let traditional = plan.ruby || plan.encoding == Some(ByteEncoding::Big5);
        if traditional {
            for l in &mut lines {
                if let Ok(t) = self.converter.convert(&l.text, "s2t") {
                    l.text = t;
                }
            }
        }
        if plan.censor {
            let mut done = 0;
            for l in lines.iter_mut().filter(|l| l.role == Role::Content) {
                if done >= 2 || (done > 0 && rng.chance(0.5)) {
                    break;
                }
                let (t, runs) = transform::censor(&l.text, &mut rng);
                l.text = t;
                done += usize::from(runs > 0);
            }
        }
        let truth: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == Role::Content)
            .map(|l| l.text.as_str())
            .collect();
        let truth = truth.join("\n");
        let censored_runs = transform::star_runs(&truth);

        let clean_title = lines
            .iter()
            .find(|l| l.role == Role::Title)
            .map(|l| l.text.clone());
        let mut injected: BTreeMap<String, usize> = BTreeMap::new();
        if plan.spam {
            if plan.sparse {
                self.spread_spam(&mut lines, &kit.spam, plan.phrase, &mut rng, &mut injected);
            } else {
                self.splice_spam(&mut lines, &kit.spam, &mut rng, &mut injected);
            }
        }
        let title = lines
            .iter()
            .find(|l| l.role == Role::Title)
            .map(|l| l.text.clone());
        let boilerplate: Vec<String> = lines
            .iter()
            .filter(|l| l.role == Role::Boilerplate)
            .map(|l| l.text.clone())
            .collect();
        if plan.punct {
            for l in lines.iter_mut().filter(|l| l.role == Role::Content) {
                l.text = transform::fold_punctuation(&l.text, &mut rng);
            }
        }
        let mut ruby = 0;
        if plan.ruby {
            let style = if rng.chance(0.7) {
                RubyStyle::Ascii
            } else {
                RubyStyle::FullWidth
            };
            for l in lines.iter_mut().filter(|l| l.role == Role::Content) {
                let (t, n) = transform::add_ruby(&l.text, style);
                l.text = t;
                ruby += n;
            }
        }
        let newline = if rng.chance(0.3) { "\r\n" } else { "\n" };
        let text = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(newline);
        let (bytes, encoding) =
            transform::encode(&text, plan.encoding.unwrap_or(ByteEncoding::Utf8));
        Generated {
            id: format!("{}-{index}", kit.site.key),
            kind,
            split,
            site: kit.site.key.clone(),
            encoding,
            text,
            bytes,
            truth,
            title,
            clean_title,
            published,
            credits,
            boilerplate,
            spam_brands: if plan.spam {
                kit.spam.brands.iter().cloned().collect()
            } else {
                BTreeSet::new()
            },
            spam: injected,
            censored_runs,
            ruby,
        }
    }

    /// Splices the site's brands and slogan fragments inside the first
    /// paragraphs, and sometimes puts a brand on a line of its own.
    fn splice_spam(
        &self,
        lines: &mut Vec<Line>,
        kit: &SpamKit,
        rng: &mut Rng,
        injected: &mut BTreeMap<String, usize>,
    ) {
        let content = content_lines(lines);
        if content.is_empty() {
            return;
        }
        let first = content.len().min(rng.range(1, 3));
        let mut pieces: Vec<Vec<String>> = vec![Vec::new(); first];
        let mut put = |piece: &str, rng: &mut Rng| {
            if let Some(p) = pieces.get_mut(rng.below(first)) {
                p.push(piece.to_string());
                *injected.entry(piece.to_string()).or_insert(0) += 1;
            }
        };
        for b in &kit.brands {
            for _ in 0..rng.range(1, 2) {
                put(b, rng);
            }
        }
        if rng.chance(0.7) {
            for f in &kit.fragments {
                for _ in 0..rng.range(3, 5) {
                    put(f, rng);
                }
            }
        }
        for (&at, p) in content.iter().zip(&pieces) {
            if let Some(l) = lines.get_mut(at) {
                l.text = spam::splice(&l.text, p, rng);
            }
        }
        if rng.chance(0.3) {
            if let Some(b) = rng.pick(&kit.brands) {
                let at = content.last().map_or(lines.len(), |&i| i + 1);
                lines.insert(
                    at.min(lines.len()),
                    Line {
                        text: format!("{b}【www.{}.com】", rng.range(100, 999)),
                        role: Role::Spam,
                    },
                );
                *injected.entry(b.clone()).or_insert(0) += 1;
            }
        }
    }

    /// Spreads the site's brands (each once or twice) and, on seven pages
    /// in ten, its slogan's pieces (each two to four times) through the
    /// content paragraphs, each insertion in the paragraph holding the
    /// fewest so far (ties broken at random): the sparse spam of pages
    /// that were spammed a sentence here and there. With `phrase`, the
    /// brands come on half the pages and the slogan on every one.
    fn spread_spam(
        &self,
        lines: &mut [Line],
        kit: &SpamKit,
        phrase: bool,
        rng: &mut Rng,
        injected: &mut BTreeMap<String, usize>,
    ) {
        let content = content_lines(lines);
        if content.is_empty() {
            return;
        }
        let mut strings: Vec<&str> = Vec::new();
        let brands: &[String] = if phrase && rng.chance(0.5) {
            &[]
        } else {
            &kit.brands
        };
        for b in brands {
            for _ in 0..rng.range(1, 2) {
                strings.push(b);
            }
        }
        if phrase || rng.chance(0.7) {
            for f in &kit.fragments {
                for _ in 0..rng.range(2, 4) {
                    strings.push(f);
                }
            }
        }
        let mut pieces: Vec<Vec<String>> = vec![Vec::new(); content.len()];
        for s in strings {
            let fewest = pieces.iter().map(Vec::len).min().unwrap_or(0);
            let open: Vec<usize> = (0..pieces.len())
                .filter(|&k| pieces[k].len() == fewest)
                .collect();
            if let Some(&k) = rng.pick(&open) {
                pieces[k].push(s.to_string());
                *injected.entry(s.to_string()).or_insert(0) += 1;
            }
        }
        for (&at, p) in content.iter().zip(&pieces) {
            if let Some(l) = lines.get_mut(at) {
                if !p.is_empty() {
                    l.text = spam::splice(&l.text, p, rng);
                }
            }
        }
    }
}

/// The indices of a page's content lines, in order.
fn content_lines(lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == Role::Content)
        .map(|(i, _)| i)
        .collect()
}
