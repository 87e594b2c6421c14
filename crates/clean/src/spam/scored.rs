//! A learned combiner of weak evidence for slogan pieces said three times or
//! more on a page that already shows spam, and of pieces said twice there by
//! a second model (see [`model_for`]).
//!
//! The pieces the rules of [`find_fragments`] leave are mostly dictionary
//! words landing on word boundaries: each sign of a splice they show (a new
//! neighbour every time, standing near other spam, a broken word, chars the
//! rest of the text does not use) also holds for many words of the text,
//! and each was tried and dropped as a rule. Here they are weighed together
//! by a logistic model, `data/scored_weights.txt`, fitted on the dev split
//! of the cleaning harness only (`scripts/fit_scored.py`). No feature reads
//! where a line stands on the page. The one word list read,
//! `data/slogan_register.txt` (the register of stock slogans and shop
//! copy), is written from that register, not copied from the harness; it
//! was written after reading which dev pieces leaked, and the held-out and
//! blind splits, whose slogans were never read, measure it.
//! With `TAOJIN_SCORED_DUMP` set, the pass writes its rows to stderr and
//! takes nothing (for refitting).

use super::*;

/// Declares the features: [`F`] names each slot of a candidate's row and
/// [`FEATURES`] spells the names, as the weights file does.
macro_rules! features {
    ($($name:ident),* $(,)?) => {
        /// The slots of a candidate's row.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum F {
            $($name),*
        }

        /// Names of the features, in the order of a candidate's row (see
        /// [`cheap_features`] and [`costly_features`] for what each reads).
        /// Shares are over the run's occurrences.
        pub(super) const FEATURES: &[&str] = &[$(stringify!($name)),*];
    };
}

features!(
    len2,
    len3,
    len5,
    ln_n,
    n_over5,
    word,
    ln_freq,
    loose,
    phrase,
    named,
    wedged,
    edge_any,
    edge_both,
    touch,
    near,
    distinct_left,
    distinct_right,
    new_each_time,
    seam,
    glued,
    swallowed,
    free,
    quoted,
    chars_elsewhere_min,
    chars_elsewhere_mean,
    pairs_elsewhere_mean,
    used_elsewhere,
    names_a_party,
    dominant,
    chains,
    particle,
    function_share,
    ln_page,
    max_line_share,
    gap_pair_seen,
    gap_pair_word,
    side_pair_seen,
    register,
    register_all,
);

/// The longest run the scorer reads. Pieces of slogans cut where their
/// words meet run to five or six chars (`从这里开始`, `错过再等一年`), and
/// are said as few times as the shorter ones.
const SCORED_LONGEST: usize = 6;

/// The longest run the weights were fitted on: longer ones (up to
/// [`SCORED_LONGEST`]) are read as runs of this length, `len5` weighing 0.
const FITTED_LONGEST: usize = 4;

/// The count past which [`F::ln_n`] stops growing.
const HANDFUL: f64 = 5.0;

/// A run said three times or more on the live text, with its features.
pub(super) struct Candidate<'a> {
    pub gram: &'a [char],
    pub occs: Vec<Occurrence>,
    pub x: Vec<f64>,
}

/// What every candidate of a page is read against.
struct PageStats<'a> {
    dead: Vec<Vec<bool>>,
    chars: FxHashMap<char, usize>,
    /// Pairs of adjacent live Han chars, keyed by [`pair_key`].
    pairs: FxHashMap<u64, u32>,
    /// The runs of 2 to [`SCORED_LONGEST`] chars said as often as the
    /// caller asks or more.
    runs: FxHashMap<&'a [char], Vec<Occurrence>>,
    pieces: Vec<Vec<char>>,
    page_han: usize,
}

impl PageStats<'_> {
    fn pair(&self, a: char, b: char) -> usize {
        self.pairs.get(&pair_key(a, b)).map_or(0, |&n| n as usize)
    }
}

/// The bar for a run said `said` times, where `threshold` is the page's
/// (for runs said three times or more): a run said twice is read by its
/// own model, against that model's threshold (runs said twice are taken
/// only on pages showing spam, see [`fewest_said`]).
fn said_bar(said: usize, threshold: f64) -> f64 {
    if said < 3 {
        twice_model().threshold
    } else {
        threshold
    }
}

/// The fewest live occurrences a run needs to be taken on `page`: two
/// where the page shows spam found (a piece of a slogan spread through a
/// page, one sentence in three, is often said only twice), else three (on a
/// page where nothing was found, the runs said twice are words of its text
/// far more often than pieces, though one can vouch for another, see
/// [`pair_vouches`]).
fn fewest_said(page: &PageSoFar<'_>) -> usize {
    if page.found.is_empty() && page.brands.is_empty() {
        3
    } else {
        2
    }
}

/// The fewest live occurrences of any run taken: a run said twice.
const TWICE: usize = 2;

/// The page's counts, with the runs said `fewest` times or more.
fn page_stats<'a>(page: &PageSoFar<'a>, fewest: usize) -> PageStats<'a> {
    let dead = page.dead();
    let stretches = live_runs(page.analysis, &dead);
    let pairs = bigram_counts(page.analysis, &stretches);
    let runs = runs_along::<SCORED_LONGEST>(page.analysis, &stretches, &pairs, fewest as u32);
    let mut chars: FxHashMap<char, usize> = FxHashMap::default();
    let mut page_han = 0;
    for (line, d) in page.analysis.iter().zip(&dead) {
        for (&c, &gone) in line.iter().zip(d) {
            if is_han(c) && !gone {
                page_han += 1;
                *chars.entry(c).or_insert(0) += 1;
            }
        }
    }
    // A stock slogan found whole is no chop of a longer phrase, so no
    // anchor for `chains` (see `find_chained`).
    let pieces = page
        .found_pieces()
        .into_iter()
        .filter(|p| !is_whole_stock_slogan(p))
        .collect();
    PageStats {
        dead,
        chars,
        pairs,
        runs,
        pieces,
        page_han,
    }
}

/// Every run of two to four Han chars with `fewest` live, non-overlapping
/// occurrences or more, with its features, longest
/// first. (Runs standing nowhere near spam found were once left out: on
/// pages spammed a sentence here and there most pieces stand far from the
/// brand found, and `near` weighs that.) Unless `all`, a run whose cheap
/// features leave it below `threshold` (raised for runs said twice, see
/// [`said_bar`]) whatever the others say (see [`Model::set_bounds`]) is not
/// read further and left out: most runs of a page are words of its text,
/// and the costly features (cuts of each occurrence's window, the run's
/// shape, chains with found pieces) are read for the few that could pass.
pub(super) fn candidates<'a>(
    page: PageSoFar<'a>,
    cuts: &mut CutCache<'_>,
    all: bool,
    threshold: f64,
    fewest: usize,
    shortest_twice: usize,
) -> (Vec<Candidate<'a>>, Vec<Vec<bool>>) {
    let mut st = page_stats(&page, fewest);
    let runs = std::mem::take(&mut st.runs);
    let mut out = Vec::new();
    for (gram, occs) in runs {
        if !(2..=SCORED_LONGEST).contains(&gram.len()) {
            continue;
        }
        let occs = free_occurrences(gram.len(), &occs);
        if occs.len() < fewest || (occs.len() < 3 && gram.len() < shortest_twice) {
            continue;
        }
        // A run holding a piece found (`民航新征程` around `航新征程`) is
        // that piece where the earlier rules chose to leave it, as part of
        // a phrase of the text (`民航`): the scorer does not undo that.
        if st
            .pieces
            .iter()
            .any(|p| p.len() < gram.len() && holds(gram, p))
        {
            continue;
        }
        // A run said with the same live char beside it every time is part
        // of a longer run (`从|现在开始` ×5), which the passes for longer
        // runs weigh: cut out alone it would strand that char in every
        // place. Pieces spliced at random places almost never share a
        // neighbour three times.
        if same_neighbour_every_time(gram.len(), &occs, page.analysis, &st.dead) {
            continue;
        }
        let threshold = said_bar(occs.len(), threshold);
        let m = model_for(occs.len());
        let mut x = cheap_features(gram, &occs, &page, &st, cuts);
        if !all && m.score(&x) + m.most_added < threshold {
            continue;
        }
        let bar = (!all).then_some(threshold);
        if costly_features(&mut x, gram, &occs, &page, &st, cuts, (m, bar)) {
            out.push(Candidate { gram, occs, x });
        }
    }
    out.sort_by(|a, b| longest_first((a.gram, a.occs.len()), (b.gram, b.occs.len())));
    (out, st.dead)
}

/// Whether every occurrence of a run of `n` chars has the same live Han
/// char of the text right before it, or the same one right after it (the
/// [`dominant_neighbour`] of all of them).
fn same_neighbour_every_time(
    n: usize,
    occs: &[Occurrence],
    analysis: &[Vec<char>],
    dead: &[Vec<bool>],
) -> bool {
    dominant_neighbour(n, occs, analysis, dead).is_some_and(|beside| beside.len() == occs.len())
}

/// The features read from where the occurrences stand and from the page's
/// counts, without cutting any text (but where a side is spam, see
/// [`true_sides`]).
fn cheap_features(
    gram: &[char],
    occs: &[Occurrence],
    page: &PageSoFar<'_>,
    st: &PageStats,
    cuts: &mut CutCache<'_>,
) -> Vec<f64> {
    let len = gram.len();
    let n = occs.len() as f64;
    let dead = &st.dead;
    let analysis = page.analysis;
    let (mut wedged, mut edge_any, mut edge_both, mut touch, mut near) = (0, 0, 0, 0, 0);
    let mut quoted = 0;
    let (mut gap_seen, mut gap_word) = (0, 0);
    let mut lefts: Vec<char> = Vec::with_capacity(occs.len());
    let mut rights: Vec<char> = Vec::with_capacity(occs.len());
    // Occurrences come in text order: the most on one line is the longest
    // stretch of equal lines.
    let (mut max_line, mut on_line, mut line) = (0, 0, usize::MAX);
    for o in occs {
        let (left, right) = true_sides(gram, analysis, dead, cuts, o);
        let (le, re) = (left == Side::Edge, right == Side::Edge);
        wedged += usize::from(!le && !re);
        edge_any += usize::from(le || re);
        edge_both += usize::from(le && re);
        touch += usize::from(left == Side::Spam || right == Side::Spam);
        near += usize::from(near_spam(dead, o, len));
        on_line = if o.line == line { on_line + 1 } else { 1 };
        line = o.line;
        max_line = max_line.max(on_line);
        // What the run's place leaves once it is cut out: a pair the page
        // says elsewhere, or a word, is text the splice broke apart.
        if let (Side::Text(l), Side::Text(r)) = (left, right) {
            gap_seen += usize::from(st.pair(l, r) > 0);
            gap_word += usize::from(cuts.has_word(&[l, r]));
        }
        if let Side::Text(c) = left {
            lefts.push(c);
        }
        if let Side::Text(c) = right {
            rights.push(c);
        }
        if let Some(chars) = analysis.get(o.line) {
            quoted += usize::from(is_quoted(chars, o.start, o.start + len));
        }
    }
    let (left_text, right_text) = (lefts.len(), rights.len());
    // A side whose boundary pair (neighbour and the run's end char) the
    // page says elsewhere than at the run's own places: a word of the
    // text has its usual company.
    let (first, last) = (gram[0], gram[len - 1]);
    let side_seen = lefts
        .iter()
        .filter(|&&l| st.pair(l, first) > lefts.iter().filter(|&&m| m == l).count())
        .count()
        + rights
            .iter()
            .filter(|&&r| st.pair(last, r) > rights.iter().filter(|&&m| m == r).count())
            .count();
    for seen in [&mut lefts, &mut rights] {
        seen.sort_unstable();
        seen.dedup();
    }
    // How often the run's chars and pairs occur on the page outside it.
    let outside = |total: usize| (total.saturating_sub(occs.len()) as f64 / n).ln_1p();
    let (mut char_min, mut char_sum) = (f64::INFINITY, 0.0);
    for c in gram {
        let v = outside(st.chars.get(c).copied().unwrap_or(0));
        char_min = char_min.min(v);
        char_sum += v;
    }
    let pair_sum: f64 = gram.windows(2).map(|w| outside(st.pair(w[0], w[1]))).sum();
    let share = |k: usize| k as f64 / n;
    let flag = |b: bool| f64::from(u8::from(b));
    let new_each_time = wedged >= 2 && lefts.len() == left_text && rights.len() == right_text;
    let mut x = vec![0.0; FEATURES.len()];
    let mut set = |f: F, v: f64| x[f as usize] = v;
    set(F::len2, flag(len == 2));
    set(F::len3, flag(len == 3));
    set(F::len5, flag(len > FITTED_LONGEST));
    // Past a handful the count adds no evidence: a spammer splices a piece
    // a few times per page (three to five in the seed pages), and a run said
    // again and again is a term of the text (`赵某` forty times in a
    // judgment), which an uncapped log-count read as ever stronger evidence
    // (the fit saw no piece said more than five times, so it could not
    // learn the slope stops). Capping only lowers the scores of runs said
    // more than five times, so the weights needed no refit.
    set(F::ln_n, n.min(HANDFUL).ln());
    set(F::n_over5, flag(occs.len() > 5));
    set(F::word, flag(cuts.has_word(gram)));
    set(F::wedged, share(wedged));
    set(F::edge_any, share(edge_any));
    set(F::edge_both, share(edge_both));
    set(F::touch, share(touch));
    set(F::near, share(near));
    set(F::distinct_left, share(lefts.len()));
    set(F::distinct_right, share(rights.len()));
    set(F::new_each_time, flag(new_each_time));
    set(F::quoted, share(quoted));
    set(F::chars_elsewhere_min, char_min);
    set(F::chars_elsewhere_mean, char_sum / len as f64);
    set(
        F::pairs_elsewhere_mean,
        pair_sum / len.saturating_sub(1).max(1) as f64,
    );
    set(
        F::used_elsewhere,
        flag(used_elsewhere_by(gram, occs.len(), |a, b| st.pair(a, b))),
    );
    set(F::particle, flag(on_a_particle(gram)));
    let function = gram.iter().filter(|&&c| FUNCTION_CHARS.contains(c)).count();
    set(F::function_share, function as f64 / len as f64);
    set(F::ln_page, (st.page_han.max(1) as f64).ln());
    set(F::max_line_share, share(max_line));
    set(F::gap_pair_seen, share(gap_seen));
    set(F::gap_pair_word, share(gap_word));
    set(F::side_pair_seen, side_seen as f64 / (2.0 * n));
    let register = register_share(gram, cuts);
    set(F::register, register);
    set(F::register_all, flag(register >= 1.0));
    x
}

const SLOGAN_REGISTER: &str = include_str!("../../data/slogan_register.txt");

/// The entries of `data/slogan_register.txt` (true) and every run of three
/// chars or more inside one (false; a slogan is cut into pieces at any
/// char).
fn slogan_register() -> &'static FxHashMap<Vec<char>, bool> {
    static SET: std::sync::OnceLock<FxHashMap<Vec<char>, bool>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = FxHashMap::default();
        for entry in crate::lexicon::data_lines(SLOGAN_REGISTER) {
            let chars: Vec<char> = entry.trim().chars().collect();
            for from in 0..chars.len() {
                for to in from + 3..=chars.len() {
                    set.entry(chars[from..to].to_vec()).or_insert(false);
                }
            }
            set.insert(chars, true);
        }
        set
    })
}

/// The shortest stretch of a stock slogan that [`chains_in_register`]
/// must find across the seam of two pieces: three chars of a slogan meet
/// by chance in ordinary words (`国人民`).
const REGISTER_CHAIN_SHORTEST: usize = 4;

/// Whether a piece found and a run joined, either way round, hold a
/// stretch of [`REGISTER_CHAIN_SHORTEST`] chars or more of a register entry
/// that crosses their seam, leaving of the run nothing or one dictionary
/// word of two chars or more outside it: they are neighbouring chops of
/// one stock slogan (`一键下` and `单极速` rejoin `一键下单`, leaving
/// `极速`). A run that took a char of the text with it (`天保卫|林`)
/// leaves that char loose.
pub(super) fn chains_in_register(cuts: &mut CutCache<'_>, piece: &[char], run: &[char]) -> bool {
    let set = slogan_register();
    // Single chars are words of the dictionary too, but a loose one is what
    // a run takes from the text.
    let mut leaves_a_word =
        |rest: &[char]| rest.is_empty() || (rest.len() >= 2 && cuts.has_word(rest));
    // The run after the piece: the stretch covers the run's head.
    let mut after = piece.to_vec();
    after.extend_from_slice(run);
    let seam = piece.len();
    for to in (seam + 1..=after.len()).rev() {
        let crosses = (0..seam)
            .any(|from| to - from >= REGISTER_CHAIN_SHORTEST && set.contains_key(&after[from..to]));
        if crosses && leaves_a_word(&run[to - seam..]) {
            return true;
        }
    }
    // The run before the piece: the stretch covers the run's tail.
    let mut before = run.to_vec();
    before.extend_from_slice(piece);
    let seam = run.len();
    for from in 0..seam {
        let crosses = (seam + 1..=before.len())
            .any(|to| to - from >= REGISTER_CHAIN_SHORTEST && set.contains_key(&before[from..to]));
        if crosses && leaves_a_word(&run[..from]) {
            return true;
        }
    }
    false
}

/// Whether `run` is a whole entry of the slogan register.
pub(super) fn is_register_entry(run: &[char]) -> bool {
    slogan_register().get(run).copied().unwrap_or(false)
}

/// The shortest stretch of a stock slogan that [`rejoins_whole`] must
/// make of a piece found and a run: two chars of the text and one found
/// make three chars of some entry by chance (`国人民`), as for
/// [`REGISTER_CHAIN_SHORTEST`]. On the harness's dev split (session 33),
/// 4 took 20 more leaked pieces than 6 and no text.
const WHOLE_REJOIN_SHORTEST: usize = 4;

/// Whether the run joined with a piece found, either way round, is a
/// stretch of one register entry of [`WHOLE_REJOIN_SHORTEST`] chars or
/// more, neither reaching outside it (`科技` and `引领未来` make
/// `科技引领未来`), or the run with the end of such a piece facing it is a
/// whole entry (`优先立德|树人`: `立德树人`). Slogans cut where their words
/// meet leave whole words as pieces, so no seam breaks a word for
/// [`chains_in_register`] to see. A piece that is itself a whole entry
/// lends no end: it is a slogan of its own, not a chop, and a word of the
/// text meets its ends by chance (`其他` before `垃圾分类`: `其他垃圾`).
pub(super) fn rejoins_whole(pieces: &[Vec<char>], run: &[char]) -> bool {
    let set = slogan_register();
    let long = |a: &[char], b: &[char]| a.len() + b.len() >= WHOLE_REJOIN_SHORTEST;
    let is_stretch = |a: &[char], b: &[char]| long(a, b) && set.contains_key(&[a, b].concat());
    let makes_entry = |a: &[char], b: &[char]| long(a, b) && is_register_entry(&[a, b].concat());
    pieces.iter().any(|p| {
        let n = p.len();
        is_stretch(p, run)
            || is_stretch(run, p)
            || (!is_register_entry(p)
                && (2..n).any(|k| makes_entry(&p[n - k..], run) || makes_entry(run, &p[..k])))
    })
}

/// The shortest piece found that [`is_whole_stock_slogan`] reads as a
/// whole slogan: shorter entries (`凝心聚力`) are as often the chop of a
/// longer slogan (`爱国卫生|运动常`), whose neighbouring chops do chain.
const WHOLE_SLOGAN_SHORTEST: usize = 5;

/// Whether a piece found is a whole stock slogan of the register (of
/// [`WHOLE_SLOGAN_SHORTEST`] chars or more): no chop of a longer phrase, so
/// no anchor for chains (`知识改变命运` re-forms `农业知识` with the text's
/// `农业`, which is no piece).
pub(super) fn is_whole_stock_slogan(piece: &[char]) -> bool {
    piece.len() >= WHOLE_SLOGAN_SHORTEST && is_register_entry(piece)
}

/// The shortest whole entry of [`slogan_register`] whose being said twice
/// on a page where nothing else was found has runs said twice read (see
/// [`register_said_twice`]): two-char entries (`担当`, `初心`) are words of
/// any text. It is also the shortest run said twice read then: most runs a
/// page says twice are pairs of chars, the costliest to read and the
/// weakest evidence, while stock slogans run to three chars or more.
const REGISTER_GATE_SHORTEST: usize = 3;

/// Whether a whole entry of [`slogan_register`] of
/// [`REGISTER_GATE_SHORTEST`] chars or more is said twice or more on the
/// page. Realistic spam splices stock slogans whole (`安全生产`,
/// `凝心聚力`), each piece two or three times and no brand beside them,
/// so that no run said three times may reach the bar to vouch for the
/// others: a stock slogan said twice is reason enough to read the runs of
/// [`REGISTER_GATE_SHORTEST`] chars or more said twice. Reading every run
/// said twice on every clean page costs about a fifth more time on clean
/// text (396 SIGHAN documents of 15 lines: 3.3 -> 2.5 MB/s); behind this
/// gate, about 2% (3.27 -> 3.21 MB/s; 8 of the 396 documents say a stock
/// phrase twice). The runs are still taken only by the scorer's bars.
fn register_said_twice(analysis: &[Vec<char>]) -> bool {
    static FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let entries: Vec<&str> = crate::lexicon::data_lines(SLOGAN_REGISTER)
            .map(str::trim)
            .filter(|e| e.chars().count() >= REGISTER_GATE_SHORTEST)
            .collect();
        aho_corasick::AhoCorasick::new(entries).ok()
    });
    let Some(finder) = finder else {
        return false;
    };
    let mut seen: FxHashMap<usize, usize> = FxHashMap::default();
    let mut line = String::new();
    for chars in analysis {
        line.clear();
        line.extend(chars.iter());
        for m in finder.find_overlapping_iter(&line) {
            let n = seen.entry(m.pattern().as_usize()).or_insert(0);
            *n += 1;
            if *n >= TWICE {
                return true;
            }
        }
    }
    false
}

/// The ways of cutting a whole entry of [`slogan_register`] of four chars
/// or more in two halves of two chars or more each of which the page says
/// twice or more (counted where they overlap too): the pairs
/// [`super::seed_pair`] may read on a page where nothing was found yet.
/// One pass of a matcher over the page; on most pages it finds none.
pub(super) fn register_halves_said_twice(analysis: &[Vec<char>]) -> Vec<(Vec<char>, Vec<char>)> {
    struct Halves {
        finder: aho_corasick::AhoCorasick,
        /// The halves, by pattern id.
        halves: Vec<Vec<char>>,
        /// For each entry's cut, the ids of its two halves.
        cuts: Vec<(usize, usize)>,
    }
    static HALVES: std::sync::OnceLock<Option<Halves>> = std::sync::OnceLock::new();
    let halves = HALVES.get_or_init(|| {
        let mut ids: FxHashMap<Vec<char>, usize> = FxHashMap::default();
        let mut halves: Vec<Vec<char>> = Vec::new();
        let mut cuts = Vec::new();
        let mut id_of = |h: &[char]| {
            *ids.entry(h.to_vec()).or_insert_with(|| {
                halves.push(h.to_vec());
                halves.len() - 1
            })
        };
        for entry in crate::lexicon::data_lines(SLOGAN_REGISTER) {
            let chars: Vec<char> = entry.trim().chars().collect();
            for k in 2..=chars.len().saturating_sub(2) {
                cuts.push((id_of(&chars[..k]), id_of(&chars[k..])));
            }
        }
        let patterns: Vec<String> = halves.iter().map(|h| h.iter().collect()).collect();
        let finder = aho_corasick::AhoCorasick::new(patterns).ok()?;
        Some(Halves {
            finder,
            halves,
            cuts,
        })
    });
    let Some(h) = halves else {
        return Vec::new();
    };
    let mut said = vec![0usize; h.halves.len()];
    let mut line = String::new();
    for chars in analysis {
        line.clear();
        line.extend(chars.iter());
        for m in h.finder.find_overlapping_iter(&line) {
            said[m.pattern().as_usize()] += 1;
        }
    }
    h.cuts
        .iter()
        .filter(|&&(a, b)| said[a] >= TWICE && said[b] >= TWICE)
        .map(|&(a, b)| (h.halves[a].clone(), h.halves[b].clone()))
        .collect()
}

/// The share of a run's chars covered by stretches of two chars or more
/// that [`slogan_register`] holds: how far the run reads as a piece of a
/// stock slogan or of shop promotion copy. A part of an entry that is a
/// word of the dictionary does not count: the nouns slogans are built
/// around (`电动车` of `严禁电动车进楼`, `水龙头` of `拧紧水龙头`) are the
/// topic words of the articles about them, while the pieces a slogan is cut
/// into at random (`乡村振`) or where its phrases meet (`优化营商`) are no
/// words.
fn register_share(gram: &[char], cuts: &mut CutCache<'_>) -> f64 {
    let set = slogan_register();
    let mut covered = vec![false; gram.len()];
    for from in 0..gram.len() {
        for to in from + 2..=gram.len() {
            let stretch = &gram[from..to];
            let counts = match set.get(stretch) {
                Some(&entry) => entry || !cuts.has_word(stretch),
                None => false,
            };
            if counts {
                covered[from..to].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    covered.iter().filter(|&&c| c).count() as f64 / gram.len().max(1) as f64
}

/// The features [`cheap_features`] leaves at zero: how each occurrence's window cuts (a word
/// re-forms across the gap once the run is out, a word of the context
/// swallows the run or glues onto part of it, or it sits on free word
/// boundaries), the run's shape and dictionary frequency, whether it
/// chains with a piece found, names a party or mostly stands beside the
/// same char. Read in three steps, from the widest range of scores to the
/// narrowest; given a `bar`, it stops (false) as soon as the run is shown
/// unable to reach it under the model `m` it is read by, with the rest left
/// at zero.
fn costly_features(
    x: &mut [f64],
    gram: &[char],
    occs: &[Occurrence],
    page: &PageSoFar<'_>,
    st: &PageStats,
    cuts: &mut CutCache<'_>,
    (m, bar): (&Model, Option<f64>),
) -> bool {
    let len = gram.len();
    let n = occs.len() as f64;
    let dead = &st.dead;
    let analysis = page.analysis;
    let (mut seam, mut glued, mut swallowed, mut free) = (0, 0, 0, 0);
    for o in occs {
        let end = o.start + len;
        let (ll, rl) = live_context(analysis, dead, o, len);
        if ll == 0 && rl == 0 {
            continue;
        }
        let Some(window) = analysis
            .get(o.line)
            .and_then(|chars| chars.get(o.start - ll..end + rl))
        else {
            continue;
        };
        let tokens = cuts.spans(window);
        let (fs, fe) = (ll, ll + len);
        // No word of the context straddles either end of the run.
        let straddles = |&(s, e): &(usize, usize)| (s < fs && e > fs) || (s < fe && e > fe);
        let is_free = !tokens.iter().any(straddles);
        let is_swallowed = tokens
            .iter()
            .any(|&(s, e)| s <= fs && e >= fe && e - s > len);
        let is_seam =
            !is_swallowed && ll > 0 && rl > 0 && rejoins(cuts, analysis, dead, o, len, (ll, rl));
        seam += usize::from(is_seam);
        swallowed += usize::from(is_swallowed);
        if !is_seam {
            if is_free {
                free += 1;
            } else if !is_swallowed {
                glued += 1;
            }
        }
    }
    let share = |k: usize| k as f64 / n;
    let flag = |b: bool| f64::from(u8::from(b));
    x[F::seam as usize] = share(seam);
    x[F::glued as usize] = share(glued);
    x[F::swallowed as usize] = share(swallowed);
    x[F::free as usize] = share(free);
    let hopeless = |x: &[f64], rest: f64| bar.is_some_and(|t| m.score(x) + rest < t);
    if hopeless(x, m.after_windows) {
        return false;
    }
    let mut shape = fragment_shape(gram, cuts, page.surnames);
    // The model was fitted on runs of two to four chars, where a name's
    // shape (`Shape::None`: an anonymised party, a role word) is weighed
    // with the rest. Runs of five or six are read as four-char ones
    // (`len5` weighs nothing until a refit shows it should), and a name
    // that long (`延吉市某小学`) is left out, as the rules of
    // `find_fragments` leave out every name. So is every other run of six
    // chars, which [`fragment_shape`] reads as no phrase (`原告应明海`,
    // `享有优先受偿权` are terms of the text), unless the register holds it
    // whole: a stock slogan of six (`知识改变命运`, `建设美丽乡村`) is a
    // phrase, and the pieces a site cuts at word boundaries run that long.
    if len > FITTED_LONGEST && shape == Shape::None {
        if x[F::register_all as usize] < 1.0 {
            return false;
        }
        shape = Shape::Phrase;
    }
    let text: String = gram.iter().collect();
    let freq = cuts.seg.jieba().suggest_freq(&text).max(1) as f64;
    x[F::loose as usize] = flag(shape == Shape::Loose);
    x[F::phrase as usize] = flag(shape == Shape::Phrase);
    x[F::named as usize] = flag(shape == Shape::Named || shape == Shape::None);
    x[F::ln_freq as usize] = freq.ln();
    x[F::dominant as usize] = flag(dominant_neighbour(len, occs, analysis, dead).is_some());
    x[F::names_a_party as usize] = flag(names_a_party(len, occs, analysis, page.surnames));
    if hopeless(x, m.after_names) {
        return false;
    }
    x[F::chains as usize] = flag(st.pieces.iter().any(|p| chains_with(cuts, gram, p)));
    true
}

/// The fitted model (`data/scored_weights.txt`): a weight per feature, a
/// bias, and the score from which a run is taken.
struct Model {
    bias: f64,
    threshold: f64,
    weights: Vec<f64>,
    /// The most the features of [`costly_features`] can add to a score,
    /// all of them; those after its first step; those of its last.
    most_added: f64,
    after_windows: f64,
    after_names: f64,
}

const WEIGHTS: &str = include_str!("../../data/scored_weights.txt");

/// The model for runs said twice (`data/scored_twice_weights.txt`), fitted
/// the same way on the runs said twice alone.
const WEIGHTS_TWICE: &str = include_str!("../../data/scored_twice_weights.txt");

/// The model for runs said three times or more.
fn model() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| parse_model(WEIGHTS))
}

/// The model for runs said twice. With half the places to read, a run said
/// twice shows each sign of a splice (new neighbours, broken words) far
/// more often by chance than one said three times: read by the other
/// model, from the bar at which at most one run in ten it took was not a
/// piece (4.5 on dev seeds 1-3 of the harness, session 17), it took 428
/// pieces of 1516 and 39 other runs; this model, at its threshold (at most
/// one run in twenty not a piece), took 610 of 1585 out of fold, and 32
/// other runs; with the register features (session 19), 1042 of 1634 and
/// 54 other runs (see the weights file).
fn twice_model() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| parse_model(WEIGHTS_TWICE))
}

/// The model a run said `said` times is read by.
fn model_for(said: usize) -> &'static Model {
    if said < 3 {
        twice_model()
    } else {
        model()
    }
}

/// Reads `name value` lines; a feature the file does not weigh counts
/// nothing, and a missing threshold takes nothing.
fn parse_model(text: &str) -> Model {
    let mut m = Model {
        bias: 0.0,
        threshold: f64::INFINITY,
        weights: vec![0.0; FEATURES.len()],
        most_added: 0.0,
        after_windows: 0.0,
        after_names: 0.0,
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut it = line.split_whitespace();
        let (Some(name), Some(Ok(v))) = (it.next(), it.next().map(str::parse::<f64>)) else {
            continue;
        };
        match name {
            "bias" => m.bias = v,
            "threshold" => m.threshold = v,
            _ => {
                if let Some(i) = FEATURES.iter().position(|f| *f == name) {
                    m.weights[i] = v;
                }
            }
        }
    }
    m.set_bounds();
    m
}

impl Model {
    fn score(&self, x: &[f64]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    /// Sets the bounds of what [`costly_features`] can add: the shares of
    /// seams, glued, swallowed and free occurrences sum to one at most, as
    /// the shape flags do; the other flags are 0 or 1; the log frequency
    /// is 0 or more (a positive weight there bounds nothing).
    fn set_bounds(&mut self) {
        let w = |f: F| self.weights.get(f as usize).copied().unwrap_or(0.0);
        let best = |fs: &[F]| fs.iter().map(|&f| w(f)).fold(0.0, f64::max);
        let ln_freq = if w(F::ln_freq) > 0.0 {
            f64::INFINITY
        } else {
            0.0
        };
        self.after_names = best(&[F::chains]);
        self.after_windows = self.after_names
            + best(&[F::loose, F::phrase, F::named])
            + best(&[F::names_a_party])
            + best(&[F::dominant])
            + ln_freq;
        self.most_added = self.after_windows + best(&[F::seam, F::glued, F::swallowed, F::free]);
    }
}

/// Whether feature rows are written to stderr for refitting (see
/// `scripts/fit_scored.py`).
fn dumping() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("TAOJIN_SCORED_DUMP").is_some())
}

/// The score from which [`find_scored`] takes a run on a page where
/// nothing else was found. The model was fitted on pages showing spam, and
/// on the others nearly every run it would take is a word of the text: on
/// the clean pages of dev seeds 1-3 (1000 pages a kind each), 5.0 is the
/// lowest whole score at which it took no run that is not a piece (at 4.0
/// it took 15), and it took 201 of the 615 slogan pieces said three times
/// or more on spam pages where nothing else was found. Dev seeds 4 and 5,
/// read only after the choice: 178 pieces of 414, no other run. (Checked
/// again when the register features were added, session 19; before them
/// the model took 14 pieces of 161 here.)
const ALONE_THRESHOLD: f64 = 5.0;

/// The score from which [`find_scored`] takes a run on `page`: the fitted
/// threshold where the page shows spam found, else [`ALONE_THRESHOLD`]
/// (which [`pair_vouches`] may lower to [`PAIR_THRESHOLD`] once the runs
/// are read).
fn bar(page: &PageSoFar<'_>) -> f64 {
    let m = model();
    if page.found.is_empty() && page.brands.is_empty() {
        m.threshold.max(ALONE_THRESHOLD)
    } else {
        m.threshold
    }
}

/// The score from which two runs unrelated to each other (see
/// [`pair_vouches`]) are taken on a page where nothing else was found,
/// with every other run reaching it. It is below the fitted threshold
/// because the model was fitted on pages showing spam, where most pieces
/// stand near spam found (`near`, weighing 2.1): on a page where nothing
/// was found no run has that evidence, and a second piece stands in for it.
///
/// On dev seeds 1-3 of the harness (one page at a time, 1000 pages a
/// kind), 0.0 is the lowest whole score at which no clean page had two
/// such runs (at -1.0, 13 did); on the spam pages where nothing else was
/// found, 134 pages had two, holding 320 pieces and 2 other runs. Read
/// after the choice: dev seeds 4 and 5 gave 217 pieces and 1 other run,
/// the held-out seeds 1 and 2 615 pieces and 8 other runs, and no clean
/// page. (Chosen again when the register features were added, session 19:
/// the model's scores moved; it was -1.0 before.)
const PAIR_THRESHOLD: f64 = 0.0;

/// Whether two runs or more, unrelated to each other, reach `threshold` on
/// a page where nothing else was found: a slogan is cut into several pieces
/// and each is spliced in several times, so the pieces vouch for each
/// other, while the words of a text that one run mimics rarely come two at
/// once. Unrelated means neither run holds the other and no occurrence of
/// one overlaps or touches one of the other (two runs of one longer
/// repeated run are one piece of evidence, not two).
///
/// A run said twice vouches where its own model would take it on a page
/// showing spam (see [`said_bar`]): a slogan's pieces are said two to four
/// times, and one said three times beside one said twice is as much a
/// pair. Read off the scorer's rows by a replica of this choice, on dev
/// seeds 3 and 4 of the harness (1000 pages a kind, one page at a time):
/// on the pages of the ten kinds without spam, pairs with a run said twice
/// flagged 35 pages against none before (on seed 3, all 24 were one of
/// three texts: a Hong Kong text's transcribed names `布殊` and `列根`, and
/// a finance text's `超募` and `首发`); on the spam pages where nothing else
/// was found, 568 pages against 340, on which the scorer's bars take 1339
/// pieces against 839. (Reading the runs said twice on every such page,
/// not only where a run said three times reaches the pair bar, flagged 636
/// pages holding 1484 pieces, but made the clean stage 8% slower on the
/// seeds.)
fn pair_vouches(cands: &[Candidate<'_>], threshold: f64) -> bool {
    let mut vouching: Vec<&Candidate<'_>> = Vec::new();
    for c in cands.iter().filter(|c| {
        let n = c.occs.len();
        model_for(n).score(&c.x) >= said_bar(n, threshold)
    }) {
        let related = vouching.iter().any(|v| runs_related(v, c));
        if !related {
            vouching.push(c);
            if vouching.len() >= 2 {
                return true;
            }
        }
    }
    false
}

/// Whether one run holds the other, or an occurrence of one overlaps or
/// touches an occurrence of the other.
fn runs_related(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    if holds(a.gram, b.gram) || holds(b.gram, a.gram) {
        return true;
    }
    a.occs.iter().any(|x| {
        b.occs.iter().any(|y| {
            x.line == y.line
                && x.start <= y.start + b.gram.len()
                && y.start <= x.start + a.gram.len()
        })
    })
}

/// The final pass of [`find_fragments`]: every
/// run of two to four Han chars still said three times or more is scored
/// by a logistic model over weak evidence that no rule could use alone
/// (how varied its neighbours are, broken words, words that swallow it,
/// how near spam it stands, how much of its chars and pairs the rest of
/// the text uses, its dictionary frequency, ...), and taken, longest
/// first, where the score reaches the fitted threshold (on a page that
/// shows no other spam, [`ALONE_THRESHOLD`], or [`PAIR_THRESHOLD`] where
/// [`pair_vouches`]).
pub(super) fn find_scored(page: PageSoFar<'_>, cuts: &mut CutCache<'_>) -> Vec<SpamSpan> {
    let m = model();
    let threshold = bar(&page);
    // The rows for a refit come from pages that show spam, as before.
    if threshold > m.threshold && dumping() {
        return Vec::new();
    }
    let alone = threshold > m.threshold;
    // Where nothing else was found, runs down to the pair bar are read.
    let reads_from = if alone {
        m.threshold.min(PAIR_THRESHOLD)
    } else {
        m.threshold
    };
    let mut fewest = fewest_said(&page);
    let (mut cands, mut dead) = candidates(page, cuts, dumping(), reads_from, fewest, TWICE);
    // Where nothing else was found, a run said three times that reaches
    // the pair bar may have a partner said twice (see [`pair_vouches`]):
    // only then are the runs said twice read, as they cost far more to
    // read than the few said three times.
    let could_pair = |cands: &[Candidate<'_>]| {
        cands
            .iter()
            .any(|c| model_for(c.occs.len()).score(&c.x) >= PAIR_THRESHOLD)
    };
    if alone && fewest > TWICE {
        let shortest = if could_pair(&cands) {
            Some(TWICE)
        } else if register_said_twice(page.analysis) {
            Some(REGISTER_GATE_SHORTEST)
        } else {
            None
        };
        if let Some(shortest) = shortest {
            (cands, dead) = candidates(page, cuts, false, reads_from, TWICE, shortest);
        }
    }
    let threshold = if !alone {
        m.threshold
    } else if pair_vouches(&cands, PAIR_THRESHOLD) {
        // The pair shows the page carries spam: runs said twice are
        // taken on it as on any page showing spam.
        fewest = TWICE;
        PAIR_THRESHOLD
    } else {
        threshold
    };
    if dumping() {
        let mut out = String::from("#CALL\n");
        for c in &cands {
            let g: String = c.gram.iter().collect();
            let x: Vec<String> = c.x.iter().map(|v| format!("{v:.4}")).collect();
            out.push_str(&format!("#ROW\t{g}\t{}\t{}\n", c.occs.len(), x.join(",")));
        }
        eprint!("{out}");
        // The rows are read as the page stands before this pass: nothing
        // is taken, so a refit does not depend on the weights in use.
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in &cands {
        let score = model_for(c.occs.len()).score(&c.x);
        if score < said_bar(c.occs.len(), threshold) {
            continue;
        }
        let n = c.gram.len();
        let live: Vec<Occurrence> = c
            .occs
            .iter()
            .filter(|o| {
                dead.get(o.line)
                    .and_then(|d| d.get(o.start..o.start + n))
                    .is_some_and(|d| !d.contains(&true))
            })
            .copied()
            .collect();
        if live.len() < fewest {
            continue;
        }
        let g: String = c.gram.iter().collect();
        let rule = format!("scored repeated run:{g} ({score:.2})");
        out.extend(remove_occurrences(
            c.gram, &live, page.lines, &mut dead, &rule,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of `lines` (as written and as analysed) with nothing found.
    fn bare_page<'a>(lines: &'a [Vec<char>], surnames: &'a HashSet<char>) -> PageSoFar<'a> {
        PageSoFar {
            lines,
            analysis: lines,
            surnames,
            brands: &[],
            found: &[],
        }
    }

    /// The brand on the first line of `SCORED_PAGE`.
    fn scored_page_brand() -> SpamSpan {
        SpamSpan {
            line: 0,
            start: 4,
            end: 11,
            text: "AG超玩会入口".to_string(),
            brand: true,
            rule: "brand".to_string(),
        }
    }

    /// The slot of a feature in [`FEATURES`].
    fn slot(name: &str) -> usize {
        FEATURES
            .iter()
            .position(|f| *f == name)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn the_weights_files_weigh_every_feature_and_set_a_threshold() {
        for file in [WEIGHTS, WEIGHTS_TWICE] {
            let named: Vec<&str> = file
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_whitespace().next())
                .collect();
            for f in FEATURES.iter().chain(&["bias", "threshold"]) {
                assert!(named.contains(f), "{f} has no weight");
            }
            assert_eq!(named.len(), FEATURES.len() + 2, "{named:?}");
        }
        assert!(model().threshold.is_finite());
        assert!(twice_model().threshold.is_finite());
        // Each count of places is read by its own model.
        assert!(std::ptr::eq(model_for(2), twice_model()));
        assert!(std::ptr::eq(model_for(3), model()));
        assert!(std::ptr::eq(model_for(7), model()));
    }

    /// The features [`costly_features`] reads; [`Model::most_added`] bounds them.
    const COSTLY: &[&str] = &[
        "seam",
        "glued",
        "swallowed",
        "free",
        "loose",
        "phrase",
        "named",
        "ln_freq",
        "chains",
        "names_a_party",
        "dominant",
    ];

    #[test]
    fn the_costly_features_are_features() {
        for f in COSTLY {
            assert!(FEATURES.contains(f), "{f}");
        }
    }

    #[test]
    fn runs_left_out_unread_would_not_have_passed() {
        // The runs of a spam page whose cheap features rule them out are
        // exactly those whose full score stays below the threshold.
        let seg = Segmenter::new();
        let lines = crate::spam::tests::chars(crate::spam::tests::SCORED_PAGE);
        let brands = vec![scored_page_brand()];
        let found = find_fragments(&lines, &lines, &seg, &brands);
        let found: Vec<SpamSpan> = found
            .into_iter()
            .filter(|s| !s.rule.starts_with("scored"))
            .collect();
        let surnames = surnames();
        let page = PageSoFar {
            brands: &brands,
            found: &found,
            ..bare_page(&lines, &surnames)
        };
        let m = model();
        let passing = |all: bool| -> Vec<String> {
            let mut cuts = CutCache::new(&seg);
            candidates(page, &mut cuts, all, m.threshold, fewest_said(&page), TWICE)
                .0
                .iter()
                .filter(|c| {
                    model_for(c.occs.len()).score(&c.x) >= said_bar(c.occs.len(), m.threshold)
                })
                .map(|c| c.gram.iter().collect())
                .collect()
        };
        // The cheap pass leaves exactly the costly slots for the other.
        let st = page_stats(&page, fewest_said(&page));
        let mut cuts = CutCache::new(&seg);
        let every = candidates(
            page,
            &mut cuts,
            true,
            m.threshold,
            fewest_said(&page),
            TWICE,
        )
        .0;
        let mut seen_costly = vec![false; FEATURES.len()];
        for c in &every {
            let mut x = cheap_features(c.gram, &c.occs, &page, &st, &mut cuts);
            for &f in COSTLY {
                assert_eq!(x[slot(f)], 0.0, "{f}");
            }
            let before = x.clone();
            let read_by = (model_for(c.occs.len()), None);
            costly_features(&mut x, c.gram, &c.occs, &page, &st, &mut cuts, read_by);
            for (k, (a, b)) in before.iter().zip(&x).enumerate() {
                if a != b {
                    seen_costly[k] = true;
                    assert!(COSTLY.contains(&FEATURES[k]), "{}", FEATURES[k]);
                }
            }
        }
        assert!(seen_costly.iter().any(|&b| b));
        assert_eq!(passing(false), passing(true));
        assert_eq!(passing(true), vec!["滋味".to_string()]);
    }

    #[test]
    fn a_run_always_beside_the_same_char_is_part_of_a_longer_one() {
        let lines: Vec<Vec<char>> = [
            "美好时光从现在开始来到，大盘从现在开始下跌。",
            "基金从现在开始踩中四只股票，现在开始披露。",
        ]
        .iter()
        .map(|l| l.chars().collect())
        .collect();
        let live: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
        let at = |line: usize, start: usize| Occurrence { line, start };
        // `从|现在开始` three times: the run is the tail of `从现在开始`.
        let tail = [at(0, 5), at(0, 15), at(1, 3)];
        assert!(same_neighbour_every_time(4, &tail, &lines, &live));
        // Add the place where a mark stands before it: the left neighbour
        // varies, and after it comes `来|下|踩|披`: a run of its own.
        let varied = [at(0, 5), at(0, 15), at(1, 3), at(1, 14)];
        assert!(!same_neighbour_every_time(4, &varied, &lines, &live));
        // A neighbour already found to be spam is not the run's own.
        let mut dead = live.clone();
        dead[0][4] = true;
        assert!(!same_neighbour_every_time(4, &tail, &lines, &dead));
    }

    #[test]
    fn the_gap_and_side_pairs_tell_a_spliced_run_from_a_word_of_the_text() {
        // `正品` cut into `支付` three times; `租金` the text's own word.
        let lines = crate::spam::tests::chars(&[
            "原告应支正品付租金，被告每月租金三千元，按时支付。",
            "被告拖欠租金未支正品付，月租房屋一套。",
            "法院判决被告支正品付月租金及利息。",
        ]);
        let surnames = surnames();
        let page = bare_page(&lines, &surnames);
        let seg = Segmenter::new();
        let mut cuts = CutCache::new(&seg);
        let st = page_stats(&page, fewest_said(&page));
        let features = |gram: &str, cuts: &mut CutCache<'_>| -> Vec<f64> {
            let g: Vec<char> = gram.chars().collect();
            let occs: Vec<Occurrence> = lines
                .iter()
                .enumerate()
                .flat_map(|(line, l)| {
                    let g = g.clone();
                    (0..l.len())
                        .filter(move |&k| l[k..].starts_with(&g))
                        .map(move |start| Occurrence { line, start })
                })
                .collect();
            cheap_features(&g, &occs, &page, &st, cuts)
        };
        let spliced = features("正品", &mut cuts);
        // Every place rejoins `支|付`, a word the page says elsewhere.
        assert_eq!(spliced[slot("gap_pair_seen")], 1.0);
        assert_eq!(spliced[slot("gap_pair_word")], 1.0);
        // `支正` and `品付` are said nowhere else.
        assert_eq!(spliced[slot("side_pair_seen")], 0.0);
        let word = features("租金", &mut cuts);
        // `月|租` is said past the run's places too (`月租房`), and what is
        // left where it is cut out (`欠未`, `月三`, `月及`) is no pair the
        // page says.
        assert_eq!(word[slot("side_pair_seen")], 0.25);
        assert_eq!(word[slot("gap_pair_seen")], 0.0);
        let m = model();
        assert!(m.score(&spliced) > m.score(&word));
    }

    #[test]
    fn the_register_share_counts_entries_and_three_char_parts_of_them() {
        let seg = Segmenter::new();
        let mut cuts = CutCache::new(&seg);
        let mut share = |g: &str| register_share(&g.chars().collect::<Vec<char>>(), &mut cuts);
        // Whole entries, and pieces cut out of one at any char.
        assert_eq!(share("包邮"), 1.0);
        assert_eq!(share("乡村振"), 1.0);
        assert_eq!(share("村振兴"), 1.0);
        assert_eq!(share("凝心聚力"), 1.0);
        // A piece straddling two slogans' words: `好物` covers two of three.
        assert!((share("选好物") - 2.0 / 3.0).abs() < 1e-9);
        // Two-char parts of longer entries are words of any text.
        assert_eq!(share("村振"), 0.0);
        assert_eq!(share("经济"), 0.0);
        // Stock verbs of official prose are not in the register, nor runs
        // that read across two words (`认为|民`).
        assert_eq!(share("助力"), 0.0);
        assert_eq!(share("认为民"), 0.0);
        assert_eq!(share("原告"), 0.0);
        // A dictionary word inside an entry is the topic word of articles
        // about it (`严禁电动车进楼`): it counts only as a whole entry.
        assert_eq!(share("严禁电动车进楼"), 1.0);
        assert_eq!(share("电动车"), 0.0);
        assert_eq!(share("禁电动"), 1.0);
    }

    /// The brand of `page` (exactly one) and the fragments found beside it.
    fn fragments_beside_brand(page: &[&str], seg: &Segmenter) -> (Vec<SpamSpan>, Vec<SpamSpan>) {
        let lines = crate::spam::tests::chars(page);
        let low = crate::spam::tests::lower(&lines);
        let brands = find_brands(&lines, &low, &crate::lexicon::Lexicons::builtin());
        assert_eq!(brands.len(), 1, "{brands:?}");
        let spans = find_fragments(&lines, &lines, seg, &brands);
        (brands, spans)
    }

    /// [`fragments_beside_brand`] on `page` with every `from` replaced by
    /// `to` (the same splices with another phrase).
    fn fragments_with(page: &[&str], from: &str, to: &str, seg: &Segmenter) -> Vec<SpamSpan> {
        let other: Vec<String> = page.iter().map(|l| l.replace(from, to)).collect();
        let other: Vec<&str> = other.iter().map(String::as_str).collect();
        fragments_beside_brand(&other, seg).1
    }

    /// The texts of `spans`, in order.
    fn texts(spans: &[SpamSpan]) -> Vec<&str> {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_slogan_piece_said_twice_on_word_boundaries_goes_where_the_page_shows_spam() {
        // `凝心聚力` spliced twice into a judgment at clause edges breaks no
        // word; the judgment's own words said twice (`被告`, `借款`) stay.
        let page = [
            "原告诉称，被告向其借款五万元，凝心聚力约定一年内归还。",
            "被告辩称，借款已部分归还，凝心聚力剩余款项无力偿还。",
            "本院认为，双方借贷关系明确，被告应当偿还剩余借款。",
            "欢迎访问AG超玩会入口",
        ];
        let seg = Segmenter::new();
        let (_, spans) = fragments_beside_brand(&page, &seg);
        let lines = crate::spam::tests::chars(&page);
        assert_eq!(texts(&spans), ["凝心聚力", "凝心聚力"], "{spans:?}");
        assert!(spans
            .iter()
            .all(|s| s.rule.starts_with("scored repeated run")));
        // Without the brand the page shows no spam: the stock slogan said
        // twice has the runs said twice read, but with no second piece to
        // vouch for it nothing reaches the bar, and nothing is taken.
        let spans = find_fragments(&lines[..3], &lines[..3], &seg, &[]);
        assert!(spans.is_empty(), "{spans:?}");
        // A phrase outside the register, spliced the same way, shows no
        // other sign of a splice and stays: the register is the evidence.
        let spans = fragments_with(&page, "凝心聚力", "春暖花开", &seg);
        assert!(spans.is_empty(), "{spans:?}");
    }

    #[test]
    fn a_six_char_stock_slogan_is_a_phrase_and_no_anchor_for_chains() {
        // `知识改变命运`, a register entry of six chars, spliced three times
        // beside a brand (once breaking `农民`): read as a phrase, it goes.
        // Found whole, it is no chop of a longer phrase, so the text's
        // `农业` and `特色农业`, which re-form `农业知识` with it, stay.
        let page = [
            "如何把农业丰收与农业增产、农知识改变命运民增收结合起来？",
            "地委根据当地实际，提出在巩固提高常规农业的同时，“山上抓再造，栏里抓发展”的发展思路，突出发展特色农业，使全区七成农户受益，两万多人靠发展特色农业脱了贫。",
            "各级党委和政府为做好特色农业这篇文章，知识改变命运采取了一系列措施知识改变命运，如政策鼓励、资金扶持，并迅速形成特色农业的区域布局。",
            "欢迎访问AG超玩会入口",
        ];
        let seg = Segmenter::new();
        let (brands, spans) = fragments_beside_brand(&page, &seg);
        assert_eq!(texts(&spans), ["知识改变命运"; 3], "{spans:?}");
        // A six-char phrase the register does not hold is read as before:
        // not at all.
        let spans = fragments_with(&page, "知识改变命运", "春暖花开时节", &seg);
        assert!(spans.iter().all(|s| s.text != "春暖花开时节"), "{spans:?}");
        // The anchor rule itself: with the slogan found whole, `特色农业`
        // does not chain to it; with a four-char chop of it found
        // (`知识改变`), it does (`农业|知识`).
        let lines = crate::spam::tests::chars(&page);
        let surnames = surnames();
        let chains_with_found = |piece: &str| -> f64 {
            let found = crate::spam::tests::fragment_spans(&lines, piece);
            let page = PageSoFar {
                brands: &brands,
                found: &found,
                ..bare_page(&lines, &surnames)
            };
            let mut cuts = CutCache::new(&seg);
            let (cands, _) = candidates(page, &mut cuts, true, f64::NEG_INFINITY, TWICE, TWICE);
            cands
                .iter()
                .find(|c| c.gram.iter().collect::<String>() == "特色农业")
                .map_or(-1.0, |c| c.x[F::chains as usize])
        };
        assert_eq!(chains_with_found("知识改变命运"), 0.0);
        assert_eq!(chains_with_found("知识改变"), 1.0);
    }

    #[test]
    fn a_run_said_past_a_handful_of_times_reads_no_stronger_than_five() {
        // `赵某`, the party of a judgment, said eight times beside a brand:
        // its count feature stops at five places, so forty places could not
        // outweigh everything else the run shows.
        let page: &[&str] = &[
            "欢迎访问AG超玩会入口",
            "原告赵某诉称，赵某于去年借给被告三万元，被告至今未还。",
            "被告辩称，赵某所述借款属实，但赵某曾同意延期归还。",
            "本院认为，赵某提交的借条真实有效，赵某的诉讼请求应予支持。",
            "判决被告于十日内偿还赵某借款，赵某预交的受理费由被告负担。",
        ];
        let seg = Segmenter::new();
        let lines = crate::spam::tests::chars(page);
        let surnames = surnames();
        let brand = [scored_page_brand()];
        let shown = PageSoFar {
            brands: &brand,
            ..bare_page(&lines, &surnames)
        };
        let mut cuts = CutCache::new(&seg);
        let (found, _) = candidates(
            shown,
            &mut cuts,
            true,
            f64::NEG_INFINITY,
            fewest_said(&shown),
            TWICE,
        );
        let zhao: Vec<char> = "赵某".chars().collect();
        let run = found.iter().find(|c| c.gram == zhao.as_slice());
        let Some(run) = run else {
            panic!("赵某 is no candidate");
        };
        assert_eq!(run.occs.len(), 8);
        assert_eq!(run.x[slot("ln_n")], HANDFUL.ln());
        assert_eq!(run.x[slot("n_over5")], 1.0);
    }

    #[test]
    fn a_page_showing_no_other_spam_needs_the_higher_score() {
        let seg = Segmenter::new();
        let lines = crate::spam::tests::chars(crate::spam::tests::SCORED_PAGE);
        let surnames = surnames();
        let alone = bare_page(&lines, &surnames);
        let m = model();
        assert_eq!(bar(&alone), ALONE_THRESHOLD);
        assert!(ALONE_THRESHOLD > m.threshold);
        // Unfound, the brand and the other pieces leave `滋味` far from
        // spam: it scores below either bar and nothing is taken.
        let mut cuts = CutCache::new(&seg);
        assert!(find_scored(alone, &mut cuts).is_empty());
        let brand = [scored_page_brand()];
        let shown = PageSoFar {
            brands: &brand,
            ..alone
        };
        assert_eq!(bar(&shown), m.threshold);
    }

    #[test]
    fn two_unrelated_runs_on_a_page_with_nothing_found_vouch_for_each_other() {
        // Two pieces of one slogan, each spliced three times into a
        // judgment (`适|用`, `到|期` broken): alone, each scores under
        // the bar for pages where nothing was found; together they are
        // taken, and the words the judgment itself repeats are not. (The
        // slogan is none of the register's, which would carry each piece
        // past the bar alone.)
        let page: &[&str] = &[
            "原告王某与被告李某民间借贷纠纷一案，本院受理后依法适善待自然用简易程序，公开开庭进行了审理。",
            "原告诉称，被告于去年三月向原告借款五万元，约定半年内归还，到拥抱未来期后经原告多次催要，被告善待自然至今未还。",
            "被告辩称，借款属实，但因经营困难暂时无力偿还，拥抱未来请求法院给予宽限。",
            "本院认为，合法的借贷关系受法律保护。被告向原告借款后未按约定期限归还，应当承担还款责任善待自然。",
            "原告要求被告偿还借款本金的诉讼请求，证据充分，本院予以支持。被告关于暂缓还款的意见，原告不同意，本院不予采纳拥抱未来。",
            "判决如下：被告于本判决生效之日起十日内偿还原告借款本金五万元。案件受理费减半收取，由被告负担。",
        ];
        let seg = Segmenter::new();
        let surnames = surnames();
        let taken = |lines: &[Vec<char>]| -> Vec<String> {
            let mut cuts = CutCache::new(&seg);
            let mut t: Vec<String> = find_scored(bare_page(lines, &surnames), &mut cuts)
                .into_iter()
                .map(|s| s.text)
                .collect();
            t.sort();
            t.dedup();
            t
        };
        let both = crate::spam::tests::chars(page);
        assert_eq!(taken(&both), ["善待自然", "拥抱未来"]);
        let m = model();
        for piece in ["善待自然", "拥抱未来"] {
            let without: Vec<String> = page.iter().map(|l| l.replace(piece, "")).collect();
            let without: Vec<&str> = without.iter().map(String::as_str).collect();
            let lines = crate::spam::tests::chars(&without);
            let mut cuts = CutCache::new(&seg);
            let page = bare_page(&lines, &surnames);
            let (cands, _) = candidates(
                page,
                &mut cuts,
                true,
                m.threshold,
                fewest_said(&page),
                TWICE,
            );
            let other: String = ["善待自然", "拥抱未来"]
                .into_iter()
                .find(|p| *p != piece)
                .unwrap_or_default()
                .to_string();
            let score = cands
                .iter()
                .find(|c| c.gram.iter().collect::<String>() == other)
                .map(|c| m.score(&c.x));
            // The other piece would pass on a page showing spam, not alone.
            assert!(
                score.is_some_and(|s| s >= m.threshold && s < ALONE_THRESHOLD),
                "{score:?}"
            );
            assert!(taken(&lines).is_empty(), "{piece}");
        }
        // One piece said only twice still vouches for the other, and is
        // taken with it; said twice with no partner, it is not read.
        let twice: Vec<String> = page
            .iter()
            .map(|l| l.replace("采纳拥抱未来", "采纳"))
            .collect();
        let twice: Vec<&str> = twice.iter().map(String::as_str).collect();
        assert_eq!(
            taken(&crate::spam::tests::chars(&twice)),
            ["善待自然", "拥抱未来"]
        );
        let alone: Vec<String> = twice.iter().map(|l| l.replace("善待自然", "")).collect();
        let alone: Vec<&str> = alone.iter().map(String::as_str).collect();
        assert!(taken(&crate::spam::tests::chars(&alone)).is_empty());
    }

    #[test]
    fn a_stock_slogan_said_twice_has_the_runs_said_twice_read() {
        // Whole stock slogans spliced at clause starts, each twice, no
        // brand and nothing said three times: the register's entry said
        // twice has the runs said twice read, and the pieces vouch for
        // each other.
        let page: &[&str] = &[
            "社区老年食堂昨日正式开业，凝心聚力首批六十多位老人在食堂吃上了午饭。",
            "食堂由街道出资改建，节约用水面积约两百平方米，可同时容纳八十人就餐。",
            "据负责人介绍，凝心聚力食堂每天供应两荤两素一汤，七十岁以上老人每餐只需十元。",
            "不少老人说，饭菜口味清淡，价格实惠，节约用水以后不用再为做饭发愁了。",
            "街道还计划在食堂旁开设阅览室，方便老人饭后休息。",
        ];
        let seg = Segmenter::new();
        let surnames = surnames();
        let taken = |lines: &[&str]| -> Vec<String> {
            let lines = crate::spam::tests::chars(lines);
            let mut cuts = CutCache::new(&seg);
            let mut t: Vec<String> = find_scored(bare_page(&lines, &surnames), &mut cuts)
                .into_iter()
                .map(|s| s.text)
                .collect();
            t.sort();
            t.dedup();
            t
        };
        assert!(register_said_twice(&crate::spam::tests::chars(page)));
        assert_eq!(taken(page), ["凝心聚力", "节约用水"]);
        // The same page spammed with phrases outside the register: no
        // entry is said twice, so the runs said twice are not read.
        let unlisted: Vec<String> = page
            .iter()
            .map(|l| {
                l.replace("凝心聚力", "拥抱未来")
                    .replace("节约用水", "善待自然")
            })
            .collect();
        let unlisted: Vec<&str> = unlisted.iter().map(String::as_str).collect();
        assert!(!register_said_twice(&crate::spam::tests::chars(&unlisted)));
        assert!(taken(&unlisted).is_empty());
        // A clean page saying a stock phrase once keeps it.
        let clean: Vec<String> = page
            .iter()
            .map(|l| l.replacen("凝心聚力", "", 1).replace("节约用水", ""))
            .collect();
        let clean: Vec<&str> = clean.iter().map(String::as_str).collect();
        assert!(!register_said_twice(&crate::spam::tests::chars(&clean)));
        assert!(taken(&clean).is_empty());
    }

    #[test]
    fn runs_of_one_longer_run_are_related() {
        fn run<'a>(gram: &'a [char], at: &[(usize, usize)]) -> Candidate<'a> {
            Candidate {
                gram,
                occs: at
                    .iter()
                    .map(|&(line, start)| Occurrence { line, start })
                    .collect(),
                x: Vec::new(),
            }
        }
        let chars = |s: &str| -> Vec<char> { s.chars().collect() };
        let (slogan, tail, other) = (chars("远离毒品"), chars("毒品"), chars("珍爱"));
        let whole = run(&slogan, &[(0, 3), (1, 8), (2, 0)]);
        // Held inside the other run.
        assert!(runs_related(&whole, &run(&tail, &[(4, 0), (5, 0), (6, 0)])));
        // Touching it: `珍爱` right after `远离毒品` on line 1.
        assert!(runs_related(
            &whole,
            &run(&other, &[(1, 12), (7, 0), (8, 0)])
        ));
        // Elsewhere on the same lines.
        assert!(!runs_related(
            &whole,
            &run(&other, &[(1, 13), (0, 0), (9, 0)])
        ));
    }

    #[test]
    fn chops_chain_where_they_rejoin_a_stock_slogan() {
        let seg = Segmenter::new();
        let mut cuts = CutCache::new(&seg);
        let c = |t: &str| t.chars().collect::<Vec<char>>();
        // `一键下|单极速` rejoins `一键下单` (a register entry) and leaves
        // `极速`, a word of its own; either way round.
        assert!(chains_in_register(&mut cuts, &c("一键下"), &c("单极速")));
        assert!(chains_in_register(&mut cuts, &c("单极速"), &c("一键下")));
        // `撸起` found, `证撸起`: the stretch `撸起袖子` leaves `证`, a char
        // the run took from the text.
        assert!(!chains_in_register(
            &mut cuts,
            &c("袖子加油干"),
            &c("证撸起")
        ));
        assert!(chains_in_register(&mut cuts, &c("袖子加油干"), &c("撸起")));
        // Three chars of a slogan across the seam are too few (`国人民`),
        // and a run unrelated to the piece rejoins nothing.
        assert!(!chains_in_register(&mut cuts, &c("全国"), &c("人民法院")));
        assert!(!chains_in_register(&mut cuts, &c("一键下"), &c("判决书")));
    }

    #[test]
    fn a_model_without_a_threshold_takes_nothing() {
        let m = parse_model("# nothing\nbias 3.0\nlen2 1.0\n");
        assert_eq!(m.bias, 3.0);
        assert_eq!(m.weights[0], 1.0);
        assert!(m.threshold.is_infinite());
    }
}
