//! Scoring a cleaned document against its truth: character LCS after
//! normalisation, leaked boilerplate lines, leaked spam strings, kept
//! censoring runs.

use crate::generate::Generated;
use crate::transform::star_runs;
use serde::Serialize;
use std::collections::HashMap;
use taojin_segment::view::ScriptConverter;

/// The characters compared: full-width ASCII folded to half-width, the
/// ideographic space to a space, Traditional to Simplified, ASCII lower
/// case, and everything that is not a letter or digit (whitespace,
/// punctuation, symbols) dropped.
pub fn normalise(text: &str, conv: &ScriptConverter) -> Vec<char> {
    let folded: String = text
        .chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect();
    conv.to_simplified(&folded)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Length of the longest common subsequence, bit-parallel (Allison-Dix /
/// Hyyrö): O(n·m/64) word operations.
pub fn lcs_len(a: &[char], b: &[char]) -> usize {
    let (pattern, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if pattern.is_empty() {
        return 0;
    }
    let words = pattern.len().div_ceil(64);
    let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
    for (i, &c) in pattern.iter().enumerate() {
        let v = peq.entry(c).or_insert_with(|| vec![0; words]);
        if let Some(w) = v.get_mut(i / 64) {
            *w |= 1u64 << (i % 64);
        }
    }
    // Bit i of `v` is 0 where row i of the LCS table steps up.
    let mut v = vec![u64::MAX; words];
    for c in text {
        let Some(m) = peq.get(c) else {
            continue;
        };
        let mut carry = 0u64;
        for (vw, &mw) in v.iter_mut().zip(m) {
            let u = *vw & mw;
            let (s1, c1) = vw.overflowing_add(u);
            let (s2, c2) = s1.overflowing_add(carry);
            carry = u64::from(c1 | c2);
            *vw = s2 | (*vw & !mw);
        }
    }
    let tail = pattern.len() % 64;
    v.iter()
        .enumerate()
        .map(|(w, &x)| {
            let mask = if w + 1 == words && tail != 0 {
                (1u64 << tail) - 1
            } else {
                u64::MAX
            };
            (!x & mask).count_ones() as usize
        })
        .sum()
}

/// Non-overlapping occurrences of `needle` in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        0
    } else {
        hay.matches(needle).count()
    }
}

/// The score of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocScore {
    pub lcs: usize,
    pub output_len: usize,
    pub truth_len: usize,
    /// Injected boilerplate lines that can be checked (normalised length at
    /// least 4, not contained in the truth).
    pub boilerplate: usize,
    pub boilerplate_leaked: Vec<String>,
    pub spam_injected: usize,
    pub spam_leaked: usize,
    pub spam_leaked_strings: Vec<String>,
    /// The part of `spam_injected` / `spam_leaked` that is brands.
    pub brand_injected: usize,
    pub brand_leaked: usize,
    pub censored_runs: usize,
    pub censored_kept: usize,
    /// Truth paragraphs with less than half of their characters in the
    /// output, for failure reports.
    pub lost_paragraphs: Vec<String>,
}

/// The text to score for a cleaned document: its body, plus the title the
/// cleaner chose when that is not the page's own title line. A page with no
/// title line loses nothing when its first paragraph is promoted to title,
/// and a boilerplate line promoted to title still counts as leaked.
pub fn scored_output(doc: &Generated, title: Option<&str>, text: &str) -> String {
    match title {
        Some(t) if doc.title.as_deref().map(str::trim) != Some(t.trim()) => {
            format!("{t}\n{text}")
        }
        _ => text.to_string(),
    }
}

/// Scores the cleaned `output` of a generated document.
pub fn score(doc: &Generated, output: &str, conv: &ScriptConverter) -> DocScore {
    let out_n = normalise(output, conv);
    let truth_n = normalise(&doc.truth, conv);
    let out_s: String = out_n.iter().collect();
    let truth_s: String = truth_n.iter().collect();
    let mut s = DocScore {
        lcs: lcs_len(&out_n, &truth_n),
        output_len: out_n.len(),
        truth_len: truth_n.len(),
        censored_runs: doc.censored_runs,
        censored_kept: star_runs(output).min(doc.censored_runs),
        ..DocScore::default()
    };
    for line in &doc.boilerplate {
        let n: String = normalise(line, conv).into_iter().collect();
        if n.chars().count() < 4 || truth_s.contains(&n) {
            continue;
        }
        s.boilerplate += 1;
        if out_s.contains(&n) {
            s.boilerplate_leaked.push(line.clone());
        }
    }
    for (piece, &injected) in &doc.spam {
        let n: String = normalise(piece, conv).into_iter().collect();
        let extra = count(&out_s, &n).saturating_sub(count(&truth_s, &n));
        let leaked = extra.min(injected);
        s.spam_injected += injected;
        s.spam_leaked += leaked;
        if doc.spam_brands.contains(piece) {
            s.brand_injected += injected;
            s.brand_leaked += leaked;
        }
        if leaked > 0 {
            s.spam_leaked_strings.push(piece.clone());
        }
    }
    for para in doc.truth.split('\n') {
        let p = normalise(para, conv);
        if p.len() >= 8 && !out_s.contains(&p.iter().collect::<String>()) {
            let kept = lcs_len(&p, &out_n);
            if kept * 2 < p.len() {
                s.lost_paragraphs.push(para.to_string());
            }
        }
    }
    s
}

/// How one metadata field the cleaner gave compares with the page's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldScore {
    /// The page has the field.
    pub page: bool,
    /// ... and the cleaner's value is the page's.
    pub right: bool,
    /// ... or the cleaner gave none.
    pub missed: bool,
    /// The page has no such field but the cleaner gave one.
    pub spurious: bool,
}

impl FieldScore {
    /// Scores `found` against `truth`, with `same` deciding whether two
    /// values agree; `count_spurious` says whether a value found on a page
    /// without one counts against the cleaner.
    fn new(
        truth: Option<&str>,
        found: Option<&str>,
        count_spurious: bool,
        same: impl Fn(&str, &str) -> bool,
    ) -> Self {
        match (truth, found) {
            (Some(t), Some(f)) => FieldScore {
                page: true,
                right: same(t, f),
                ..FieldScore::default()
            },
            (Some(_), None) => FieldScore {
                page: true,
                missed: true,
                ..FieldScore::default()
            },
            (None, Some(_)) => FieldScore {
                spurious: count_spurious,
                ..FieldScore::default()
            },
            (None, None) => FieldScore::default(),
        }
    }

    /// A value found but not the page's: wrong, where neither right nor
    /// missed.
    pub fn wrong(&self) -> bool {
        self.page && !self.right && !self.missed
    }
}

/// The metadata the cleaner gave for a page.
#[derive(Debug, Clone, Copy, Default)]
pub struct FoundMeta<'a> {
    pub title: Option<&'a str>,
    /// `YYYY-MM-DD`, a time may follow.
    pub date: Option<&'a str>,
    pub author: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// How the cleaner's title, publication date, author and source site
/// compare with a page's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MetaScore {
    /// Right when it reads as the title line did before spam was spliced
    /// in (after normalisation). Spurious only on a furnished page without
    /// a title line: the first line of bare text may well be a headline.
    pub title: FieldScore,
    /// Right when it is the page's day (a time after it is not scored).
    pub date: FieldScore,
    /// Right when it is the name the page credits (after normalisation).
    pub author: FieldScore,
    /// Right when it is the source the page credits (after normalisation).
    pub source: FieldScore,
}

/// Scores the cleaner's metadata against the page's.
pub fn score_meta(doc: &Generated, found: &FoundMeta<'_>, conv: &ScriptConverter) -> MetaScore {
    let same = |a: &str, b: &str| normalise(a, conv) == normalise(b, conv);
    let furnished = !doc.boilerplate.is_empty();
    MetaScore {
        title: FieldScore::new(doc.clean_title.as_deref(), found.title, furnished, same),
        date: FieldScore::new(doc.published.as_deref(), found.date, true, |t, f| {
            f.get(..10) == Some(t)
        }),
        author: {
            // A wire story's dateline in the body names its reporter, who
            // is the text's writer whatever poster the furniture names (a
            // forum or social page reposting a news story): either is right.
            let wire = doc.truth.lines().next().and_then(dateline_reporter);
            let truth = doc.credits.author.as_deref().or(wire.as_deref());
            FieldScore::new(truth, found.author, true, |t, f| {
                same(t, f) || wire.as_deref().is_some_and(|w| same(w, f))
            })
        },
        source: FieldScore::new(doc.credits.source.as_deref(), found.source, true, same),
    }
}

/// The reporter a wire story's dateline names at the start of a paragraph
/// (`新华社北京3月8日电（记者 王某）`, `本报讯(记者王某某)`): the first name of
/// two to four Han chars after `记者` in brackets opened right after `电`
/// or `讯` in the paragraph's first 40 chars.
pub fn dateline_reporter(paragraph: &str) -> Option<String> {
    let head: Vec<char> = paragraph.chars().take(40).collect();
    let open = head
        .windows(2)
        .position(|w| matches!(w[0], '电' | '讯') && matches!(w[1], '（' | '('))?;
    let inside: Vec<char> = head[open + 2..]
        .iter()
        .copied()
        .take_while(|&c| !matches!(c, '）' | ')'))
        .collect();
    let role = inside.windows(2).position(|w| w == ['记', '者'])?;
    let name: String = inside[role + 2..]
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|&&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        .collect();
    (2..=4).contains(&name.chars().count()).then_some(name)
}

/// Totals of one metadata field over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FieldTally {
    pub pages: usize,
    pub right: usize,
    pub missed: usize,
    pub spurious: usize,
}

impl From<&FieldScore> for FieldTally {
    fn from(f: &FieldScore) -> Self {
        FieldTally {
            pages: usize::from(f.page),
            right: usize::from(f.right),
            missed: usize::from(f.missed),
            spurious: usize::from(f.spurious),
        }
    }
}

impl FieldTally {
    fn merge(&mut self, o: &FieldTally) {
        self.pages += o.pages;
        self.right += o.right;
        self.missed += o.missed;
        self.spurious += o.spurious;
    }

    pub fn wrong(&self) -> usize {
        self.pages - self.right - self.missed
    }
}

/// Totals of every metadata field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MetaTally {
    pub title: FieldTally,
    pub date: FieldTally,
    pub author: FieldTally,
    pub source: FieldTally,
}

impl MetaTally {
    fn add(&mut self, m: &MetaScore) {
        self.merge(&MetaTally {
            title: (&m.title).into(),
            date: (&m.date).into(),
            author: (&m.author).into(),
            source: (&m.source).into(),
        });
    }

    fn merge(&mut self, o: &MetaTally) {
        self.title.merge(&o.title);
        self.date.merge(&o.date);
        self.author.merge(&o.author);
        self.source.merge(&o.source);
    }

    /// The fields with their names, in table order.
    pub fn fields(&self) -> [(&'static str, &FieldTally); 4] {
        [
            ("title", &self.title),
            ("date", &self.date),
            ("author", &self.author),
            ("source", &self.source),
        ]
    }
}

/// Micro-averaged totals over documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub docs: usize,
    pub failed: usize,
    pub lcs: usize,
    pub output_len: usize,
    pub truth_len: usize,
    pub boilerplate: usize,
    pub boilerplate_leaked: usize,
    pub spam_injected: usize,
    pub spam_leaked: usize,
    pub brand_injected: usize,
    pub brand_leaked: usize,
    pub censored_runs: usize,
    pub censored_kept: usize,
    pub meta: MetaTally,
}

fn ratio(a: usize, b: usize, empty: f64) -> f64 {
    if b == 0 {
        empty
    } else {
        a as f64 / b as f64
    }
}

impl Tally {
    pub fn add(&mut self, s: &DocScore) {
        self.docs += 1;
        self.lcs += s.lcs;
        self.output_len += s.output_len;
        self.truth_len += s.truth_len;
        self.boilerplate += s.boilerplate;
        self.boilerplate_leaked += s.boilerplate_leaked.len();
        self.spam_injected += s.spam_injected;
        self.spam_leaked += s.spam_leaked;
        self.brand_injected += s.brand_injected;
        self.brand_leaked += s.brand_leaked;
        self.censored_runs += s.censored_runs;
        self.censored_kept += s.censored_kept;
    }

    pub fn add_meta(&mut self, m: &MetaScore) {
        self.meta.add(m);
    }

    pub fn merge(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.failed += o.failed;
        self.lcs += o.lcs;
        self.output_len += o.output_len;
        self.truth_len += o.truth_len;
        self.boilerplate += o.boilerplate;
        self.boilerplate_leaked += o.boilerplate_leaked;
        self.spam_injected += o.spam_injected;
        self.spam_leaked += o.spam_leaked;
        self.brand_injected += o.brand_injected;
        self.brand_leaked += o.brand_leaked;
        self.censored_runs += o.censored_runs;
        self.censored_kept += o.censored_kept;
        self.meta.merge(&o.meta);
    }

    /// Share of output characters that are truth (1 for an empty output).
    pub fn precision(&self) -> f64 {
        ratio(self.lcs, self.output_len, 1.0)
    }

    /// Share of truth characters that are in the output.
    pub fn recall(&self) -> f64 {
        ratio(self.lcs, self.truth_len, 1.0)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn boilerplate_leak_rate(&self) -> f64 {
        ratio(self.boilerplate_leaked, self.boilerplate, 0.0)
    }

    pub fn spam_leak_rate(&self) -> f64 {
        ratio(self.spam_leaked, self.spam_injected, 0.0)
    }

    pub fn censored_kept_rate(&self) -> f64 {
        ratio(self.censored_kept, self.censored_runs, 1.0)
    }
}
