//! `cargo xtask eval clean`: the noise-injection harness for the cleaner.
//!
//! Clean paragraphs from the shared data (SIGHAN test files grouped into
//! articles, LCSTS and CAIL texts) are wrapped in synthetic page furniture,
//! spliced with spam, folded, annotated, censored and encoded by
//! `taojin-noise`, run through the real pipeline, and scored per noise kind:
//! content precision / recall / F1 (character LCS after normalisation),
//! boilerplate lines leaked, spam strings leaked, censoring runs kept.
//!
//! Options:
//!   --docs N       documents per kind and split (default 300)
//!   --seed S       run seed (default 20240601)
//!   --kind K[,K]   only these kinds (plain, portal, forum, gov, blog, social,
//!                  spam, punct, ruby, encoding, censor, all)
//!   --dev | --test only the dev split / only the held-out split (default both)
//!   --blind        only the blind split (vocabulary written by someone who
//!                  never saw the cleaner; its clean paragraphs are another
//!                  sample of the held-out half of the source text)
//!   --split S[,S]  these splits (dev, held, blind)
//!   --group        process the pages of each synthetic site together
//!                  (`process_records`), so cross-page repetition counts
//!   --show N       print the first N documents of each kind with their output
//!   --failures N   print the N most frequent leaks and losses per kind
//!                  (both refused on the blind split: only its aggregate
//!                  figures are ever read, so that it stays blind)
//!   --json FILE    write the figures as JSON

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use taojin_core::{Config, Document, RawContent, RawInput};
use taojin_noise::{
    score, score_meta, scored_output, DocScore, FoundMeta, Generated, Generator, MetaScore,
    MetaTally, NoiseKind, Rng, Split, Tally,
};
use taojin_pipeline::input::Record;
use taojin_pipeline::Pipeline;

const TARGET_F1: f64 = 0.98;
const TARGET_BOILERPLATE: f64 = 0.02;
const TARGET_SPAM: f64 = 0.03;
/// Pages per synthetic site: enough for `--group` to see repetition.
const PAGES_PER_SITE: usize = 8;

struct Opts {
    docs: usize,
    seed: u64,
    kinds: Vec<NoiseKind>,
    splits: Vec<Split>,
    group: bool,
    show: usize,
    failures: usize,
    json: Option<PathBuf>,
}

/// A comma-separated list of names, each parsed by `parse`.
fn comma_list<T>(list: &str, parse: impl Fn(&str) -> Option<T>, what: &str) -> Result<Vec<T>> {
    list.split(',')
        .map(|x| parse(x.trim()).with_context(|| format!("unknown {what} {x}")))
        .collect()
}

fn parse(args: &[String]) -> Result<Opts> {
    let mut o = Opts {
        docs: 300,
        seed: 20240601,
        kinds: NoiseKind::EVERY.to_vec(),
        splits: Split::BOTH.to_vec(),
        group: false,
        show: 0,
        failures: 0,
        json: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => o.docs = it.next().context("--docs N")?.parse()?,
            "--seed" => o.seed = it.next().context("--seed S")?.parse()?,
            "--kind" => {
                let list = it.next().context("--kind K[,K]")?;
                o.kinds = comma_list(list, NoiseKind::parse, "kind")?;
            }
            "--dev" => o.splits = vec![Split::Dev],
            "--test" | "--held-out" => o.splits = vec![Split::HeldOut],
            "--blind" => o.splits = vec![Split::Blind],
            "--split" => {
                let list = it.next().context("--split S[,S]")?;
                o.splits = comma_list(list, Split::from_name, "split")?;
            }
            "--group" => o.group = true,
            "--show" => o.show = it.next().context("--show N")?.parse()?,
            "--failures" => o.failures = it.next().context("--failures N")?.parse()?,
            "--json" => o.json = Some(it.next().context("--json FILE")?.into()),
            other => bail!("unknown option {other}"),
        }
    }
    if o.splits.contains(&Split::Blind) && (o.show > 0 || o.failures > 0) {
        bail!("the blind split reports aggregate figures only: drop --show / --failures");
    }
    Ok(o)
}

/// Clean source text of one split.
#[derive(Default, Clone)]
struct Sources {
    /// Paragraphs of each SIGHAN test file (this split's half).
    sighan: Vec<Vec<String>>,
    lcsts: Vec<String>,
    cail: Vec<String>,
    headlines: Vec<String>,
}

/// Lines ending in a clause mark (`，` `、` `；` `：`) continue on the next
/// line in the SIGHAN files (the AS corpus cuts at commas): join them into
/// paragraphs.
fn paragraphs_of(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for l in lines {
        cur.push_str(l);
        let open = l.ends_with(['，', '、', '；', '：', ',']);
        if !open || cur.chars().count() > 400 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn halves<T: Clone>(items: &[T]) -> [Vec<T>; 2] {
    let mid = items.len() / 2;
    [items[..mid].to_vec(), items[mid..].to_vec()]
}

fn read_lines(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .map(|l| l.trim_start_matches('\u{FEFF}').trim().to_string())
        .filter(|l| !l.is_empty())
        .collect())
}

fn read_jsonl(path: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for line in read_lines(path)? {
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let field = |k: &str| {
            v.get(k)
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .trim()
                .to_string()
        };
        out.push((field("text"), field("summary")));
    }
    Ok(out)
}

fn load_sources(dir: &Path) -> Result<BTreeMap<Split, Sources>> {
    let mut by: BTreeMap<Split, Sources> = Split::BOTH
        .iter()
        .map(|&s| (s, Sources::default()))
        .collect();
    for corpus in ["pku", "msr", "as", "cityu"] {
        let lines = read_lines(&dir.join(format!("sighan2005/{corpus}_test.utf8")))?;
        for (split, half) in Split::BOTH.iter().zip(halves(&paragraphs_of(&lines))) {
            if let Some(s) = by.get_mut(split) {
                s.sighan.push(half);
            }
        }
    }
    let lcsts = read_jsonl(&dir.join("summ/lcsts_test.jsonl"))?;
    let cail = read_jsonl(&dir.join("summ/cail2020_test.jsonl"))?;
    for (i, split) in Split::BOTH.iter().enumerate() {
        let Some(s) = by.get_mut(split) else { continue };
        let l = &halves(&lcsts)[i];
        s.lcsts = l
            .iter()
            .map(|(t, _)| t.clone())
            .filter(|t| !t.is_empty())
            .collect();
        s.headlines = l
            .iter()
            .map(|(_, h)| h.clone())
            .filter(|h| !h.is_empty())
            .collect();
        s.cail = halves(&cail)[i]
            .iter()
            .map(|(t, _)| t.clone())
            .filter(|t| !t.is_empty())
            .collect();
    }
    // The blind split tests new page wording, not new text: it reuses the
    // held-out half, and `article` draws its own sample from it (the split
    // is part of the article's random stream).
    if let Some(held) = by.get(&Split::HeldOut).cloned() {
        by.insert(Split::Blind, held);
    }
    Ok(by)
}

/// Cuts a long single-paragraph text (a CAIL judgment) into paragraphs of
/// 2-4 sentences, as it would be laid out on a page.
fn cut_paragraphs(text: &str, rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut sentences = 0;
    let mut want = rng.range(2, 4);
    for c in text.chars() {
        cur.push(c);
        if matches!(c, '。' | '！' | '？') {
            sentences += 1;
            if sentences >= want {
                out.push(std::mem::take(&mut cur));
                sentences = 0;
                want = rng.range(2, 4);
            }
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Article number `index` of a split: the same for every kind, so kinds are
/// compared on the same truths.
fn article(src: &Sources, seed: u64, split: Split, index: usize) -> Vec<String> {
    let mut rng = Rng::derive(seed, &[3, split as u64, index as u64]);
    match rng.below(20) {
        0..=10 => {
            let Some(file) = rng.pick(&src.sighan) else {
                return Vec::new();
            };
            let n = rng.range(3, 12).min(file.len());
            let start = rng.below(file.len().saturating_sub(n) + 1);
            file.iter().skip(start).take(n).cloned().collect()
        }
        11..=14 => rng.pick(&src.lcsts).cloned().into_iter().collect(),
        _ => match rng.pick(&src.cail) {
            Some(t) => cut_paragraphs(t, &mut rng),
            None => Vec::new(),
        },
    }
}

#[derive(Serialize)]
struct Row {
    split: &'static str,
    kind: &'static str,
    docs: usize,
    failed: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    boilerplate_lines: usize,
    boilerplate_leaked: usize,
    boilerplate_leak_rate: f64,
    spam_injected: usize,
    spam_leaked: usize,
    spam_leak_rate: f64,
    brand_injected: usize,
    brand_leaked: usize,
    censored_runs: usize,
    censored_kept: usize,
    meta: MetaTally,
}

impl Row {
    fn new(split: &'static str, kind: &'static str, t: &Tally) -> Self {
        Row {
            split,
            kind,
            docs: t.docs,
            failed: t.failed,
            precision: t.precision(),
            recall: t.recall(),
            f1: t.f1(),
            boilerplate_lines: t.boilerplate,
            boilerplate_leaked: t.boilerplate_leaked,
            boilerplate_leak_rate: t.boilerplate_leak_rate(),
            spam_injected: t.spam_injected,
            spam_leaked: t.spam_leaked,
            spam_leak_rate: t.spam_leak_rate(),
            brand_injected: t.brand_injected,
            brand_leaked: t.brand_leaked,
            censored_runs: t.censored_runs,
            censored_kept: t.censored_kept,
            meta: t.meta,
        }
    }

    /// The metadata line: for each field, the share right over the pages
    /// that have it, and how many were missed, wrong and spurious.
    fn print_meta(&self) {
        print!("{:<9} {:<9}", self.split, self.kind);
        for (_, f) in self.meta.fields() {
            if f.pages == 0 {
                print!(" {:>6} {:>13}", "-", format!("0/0/{}", f.spurious));
            } else {
                print!(
                    " {:>5.1}% {:>13}",
                    100.0 * f.right as f64 / f.pages as f64,
                    format!("{}/{}/{}", f.missed, f.wrong(), f.spurious)
                );
            }
        }
        println!();
    }

    fn print(&self) {
        let pct = |n: usize, of: usize, rate: f64| {
            if of == 0 {
                "-".to_string()
            } else {
                format!("{:5.1}% {n:>4}/{of:<5}", rate * 100.0)
            }
        };
        let miss = self.f1 < TARGET_F1
            || (self.boilerplate_lines > 0 && self.boilerplate_leak_rate > TARGET_BOILERPLATE)
            || (self.spam_injected > 0 && self.spam_leak_rate > TARGET_SPAM);
        println!(
            "{:<9} {:<9} {:>5} {:>6.4} {:>6.4} {:>6.4}  {:<19} {:<19} {:<10} {:>4} {}",
            self.split,
            self.kind,
            self.docs,
            self.precision,
            self.recall,
            self.f1,
            pct(
                self.boilerplate_leaked,
                self.boilerplate_lines,
                self.boilerplate_leak_rate
            ),
            pct(self.spam_leaked, self.spam_injected, self.spam_leak_rate),
            if self.censored_runs == 0 {
                "-".to_string()
            } else {
                format!("{}/{}", self.censored_kept, self.censored_runs)
            },
            self.failed,
            if miss { "  <- below target" } else { "" }
        );
    }
}

/// Digits masked, so that leaks of one template count together.
fn pattern(line: &str) -> String {
    let mut out = String::new();
    let mut prev = false;
    for c in line.chars() {
        let d = c.is_ascii_digit();
        if d && !prev {
            out.push('#');
        } else if !d {
            out.push(c);
        }
        prev = d;
    }
    out
}

fn top(counts: BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn print_failures(
    kind: NoiseKind,
    scored: &[(&Generated, &Document, DocScore)],
    meta: &[MetaScore],
    n: usize,
) {
    let mut bp: BTreeMap<String, usize> = BTreeMap::new();
    let mut credits: BTreeMap<String, usize> = BTreeMap::new();
    for ((g, d, _), m) in scored
        .iter()
        .zip(meta)
        .filter(|((g, _, _), _)| g.kind == kind)
    {
        let fields = [
            ("author", &m.author, &g.credits.author, &d.metadata.author),
            (
                "source",
                &m.source,
                &g.credits.source,
                &d.metadata.source_site,
            ),
        ];
        for (name, score, truth, found) in fields {
            let how = if score.missed {
                "missed"
            } else if score.wrong() {
                "wrong"
            } else if score.spurious {
                "spurious"
            } else {
                continue;
            };
            // The furniture line that names the truth, or the value found.
            let shown = truth.as_deref().or(found.as_deref()).unwrap_or_default();
            let line = g
                .boilerplate
                .iter()
                .find(|l| !shown.is_empty() && l.contains(shown))
                .map_or("(no line)".to_string(), |l| pattern(l));
            *credits
                .entry(format!("{name} {how}: {line}  -> {found:?}"))
                .or_default() += 1;
        }
    }
    let mut spam: BTreeMap<String, usize> = BTreeMap::new();
    let mut lost: BTreeMap<String, usize> = BTreeMap::new();
    let mut failed: BTreeMap<String, usize> = BTreeMap::new();
    for (g, d, s) in scored.iter().filter(|(g, _, _)| g.kind == kind) {
        for l in &s.boilerplate_leaked {
            *bp.entry(pattern(l)).or_default() += 1;
        }
        for l in &s.spam_leaked_strings {
            *spam.entry(l.clone()).or_default() += 1;
        }
        for p in &s.lost_paragraphs {
            *lost
                .entry(format!("[{}] {}", g.encoding.name(), clip(p, 60)))
                .or_default() += 1;
        }
        if let Some(e) = &d.error {
            *failed
                .entry(format!("[{}] {e}", g.encoding.name()))
                .or_default() += 1;
        }
    }
    println!("\n== {} ==", kind.name());
    for (title, counts) in [
        ("leaked boilerplate", bp),
        ("leaked spam", spam),
        ("lost paragraphs", lost),
        ("failed documents", failed),
        ("author and source", credits),
    ] {
        let t = top(counts, n);
        if t.is_empty() {
            continue;
        }
        println!("  {title}:");
        for (s, c) in t {
            println!("    {c:>4}  {s}");
        }
    }
}

pub fn run(args: &[String]) -> Result<()> {
    let opts = parse(args)?;
    let dir = crate::data_dir();
    if !dir.join("sighan2005").is_dir() {
        bail!(
            "evaluation data not found at {} (set TAOJIN_DATA)",
            dir.display()
        );
    }
    let t0 = Instant::now();
    let sources = load_sources(&dir)?;
    let pipeline = Pipeline::new(Config::default());
    let conv = &pipeline.resources.converter;
    let mut generator = Generator::new(conv)?;
    for (&split, s) in &sources {
        generator = generator.with_headlines(split, s.headlines.clone());
    }
    let load_time = t0.elapsed();

    // Generate every (split, kind) document.
    let t1 = Instant::now();
    let mut jobs: Vec<(Split, NoiseKind, usize)> = Vec::new();
    for &split in &opts.splits {
        for &kind in &opts.kinds {
            jobs.extend((0..opts.docs).map(|i| (split, kind, i)));
        }
    }
    let sites_per = opts.docs.div_ceil(PAGES_PER_SITE).max(1);
    let generated: Vec<Generated> = jobs
        .par_iter()
        .filter_map(|&(split, kind, i)| {
            let src = sources.get(&split)?;
            let paras = article(src, opts.seed, split, i);
            if paras.is_empty() {
                return None;
            }
            let kit = generator.site(kind, split, i % sites_per, opts.seed);
            Some(generator.document(kind, &kit, i, &paras, opts.seed))
        })
        .collect();
    let gen_time = t1.elapsed();

    // Clean.
    let t2 = Instant::now();
    let input = |g: &Generated| RawInput {
        id: g.id.clone(),
        source: g.site.clone(),
        content: RawContent::Bytes(g.bytes.clone()),
    };
    let cleaned: Vec<Document> = if opts.group {
        let records = generated
            .iter()
            .map(|g| Record {
                group: g.site.clone(),
                input: input(g),
            })
            .collect();
        pipeline.process_records(records)
    } else if std::env::var_os("TAOJIN_SCORED_DUMP").is_some() {
        // Refitting the slogan-piece scorer (`scripts/fit_scored.py`): the
        // cleaner writes each page's candidate rows to stderr, so the pages
        // go one at a time, each announced by its id.
        generated
            .iter()
            .map(|g| {
                eprintln!("#DOC {}", g.id);
                pipeline.process(input(g), None)
            })
            .collect()
    } else {
        generated
            .par_iter()
            .map(|g| pipeline.process(input(g), None))
            .collect()
    };
    let clean_time = t2.elapsed();

    let t3 = Instant::now();
    let scored: Vec<(&Generated, &Document, DocScore)> = generated
        .par_iter()
        .zip(cleaned.par_iter())
        .map(|(g, d)| {
            let out = scored_output(g, d.title.as_deref(), &d.text);
            (g, d, score(g, &out, conv))
        })
        .collect();
    let meta: Vec<MetaScore> = scored
        .par_iter()
        .map(|(g, d, _)| {
            let found = FoundMeta {
                title: d.title.as_deref(),
                date: d.metadata.date.as_deref(),
                author: d.metadata.author.as_deref(),
                source: d.metadata.source_site.as_deref(),
            };
            score_meta(g, &found, conv)
        })
        .collect();
    let score_time = t3.elapsed();

    if opts.show > 0 {
        for &split in &opts.splits {
            for &kind in &opts.kinds {
                for (g, d, s) in scored
                    .iter()
                    .filter(|(g, _, _)| g.kind == kind && g.split == split)
                    .take(opts.show)
                {
                    println!(
                        "\n######## {} [{}] {}",
                        g.id,
                        g.encoding.name(),
                        kind.name()
                    );
                    println!("---- generated page\n{}", g.text);
                    println!(
                        "---- cleaned text (title {:?}, page's {:?}; date {:?}, page's {:?}; author {:?}, page's {:?}; source {:?}, page's {:?})\n{}",
                        d.title,
                        g.clean_title,
                        d.metadata.date,
                        g.published,
                        d.metadata.author,
                        g.credits.author,
                        d.metadata.source_site,
                        g.credits.source,
                        d.text
                    );
                    println!("---- injected spam {:?}", g.spam.keys().collect::<Vec<_>>());
                    println!("---- removed ({})", d.removed.len());
                    for r in &d.removed {
                        println!(
                            "  {:?} {}: {}",
                            r.reason,
                            r.rule.as_deref().unwrap_or(""),
                            clip(&r.text, 60)
                        );
                    }
                    println!(
                        "---- score: lcs {} / out {} / truth {}; boilerplate leaked {:?}; spam leaked {:?}",
                        s.lcs, s.output_len, s.truth_len, s.boilerplate_leaked, s.spam_leaked_strings
                    );
                }
            }
        }
        println!();
    }

    let mut rows = Vec::new();
    for &split in &opts.splits {
        for &kind in &opts.kinds {
            let mut t = Tally::default();
            for ((_, d, s), m) in scored
                .iter()
                .zip(&meta)
                .filter(|((g, _, _), _)| g.kind == kind && g.split == split)
            {
                t.add(s);
                t.add_meta(m);
                t.failed += usize::from(d.is_failed());
            }
            rows.push(Row::new(split.name(), kind.name(), &t));
        }
    }
    println!(
        "{:<9} {:<9} {:>5} {:>6} {:>6} {:>6}  {:<19} {:<19} {:<10} {:>4}",
        "split",
        "kind",
        "docs",
        "prec",
        "recall",
        "F1",
        "boilerplate leaked",
        "spam leaked",
        "censor",
        "fail"
    );
    for r in &rows {
        r.print();
    }
    for r in rows.iter().filter(|r| r.spam_injected > 0) {
        let frag_injected = r.spam_injected - r.brand_injected;
        let frag_leaked = r.spam_leaked - r.brand_leaked;
        let rate = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!(
            "spam leaked, {} {}: brands {:.1}% ({}/{}), slogan fragments {:.1}% ({}/{})",
            r.split,
            r.kind,
            rate(r.brand_leaked, r.brand_injected),
            r.brand_leaked,
            r.brand_injected,
            rate(frag_leaked, frag_injected),
            frag_leaked,
            frag_injected
        );
    }
    let meta_rows: Vec<&Row> = rows
        .iter()
        .filter(|r| r.meta.fields().iter().any(|(_, f)| f.pages > 0))
        .collect();
    if !meta_rows.is_empty() {
        println!(
            "\nmetadata: share right of the pages that have the field, then missed/wrong/spurious \
             (title: as the page had it before spam; date: the day)"
        );
        print!("{:<9} {:<9}", "split", "kind");
        for (name, _) in MetaTally::default().fields() {
            print!(" {:>6} {:>13}", name, "m/w/s");
        }
        println!();
        for r in meta_rows {
            r.print_meta();
        }
        println!();
    }
    println!(
        "targets: F1 >= {TARGET_F1}, boilerplate leaked <= {:.0}%, spam leaked <= {:.0}%; mode: {}; seed {}",
        TARGET_BOILERPLATE * 100.0,
        TARGET_SPAM * 100.0,
        if opts.group { "grouped by site" } else { "one page at a time" },
        opts.seed
    );
    println!(
        "{} documents; load {:.1}s, generate {:.1}s, clean {:.1}s, score {:.1}s",
        generated.len(),
        load_time.as_secs_f64(),
        gen_time.as_secs_f64(),
        clean_time.as_secs_f64(),
        score_time.as_secs_f64()
    );

    if opts.failures > 0 {
        for &kind in &opts.kinds {
            print_failures(kind, &scored, &meta, opts.failures);
        }
    }
    if let Some(path) = &opts.json {
        let out = serde_json::json!({
            "seed": opts.seed,
            "docs_per_kind": opts.docs,
            "grouped": opts.group,
            "rows": rows,
        });
        std::fs::write(path, serde_json::to_string_pretty(&out)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_lines_join_into_paragraphs() {
        let lines: Vec<String> = [
            "許多社區長青學苑多開設有書法、插花、土風舞班，",
            "文山區長青學苑則有個十分特別的「英文歌唱班」。",
            "扬帆远东做与中国合作的先行",
            "希腊的经济结构较特殊。",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            paragraphs_of(&lines),
            [
                "許多社區長青學苑多開設有書法、插花、土風舞班，文山區長青學苑則有個十分特別的「英文歌唱班」。",
                "扬帆远东做与中国合作的先行",
                "希腊的经济结构较特殊。",
            ]
        );
    }

    #[test]
    fn long_texts_are_cut_at_sentence_ends_without_losing_text() {
        let text = "原告诉称双方签订合同。被告未按约付款。原告多次催要未果。故诉至法院。本院认为合同有效。被告应当付款。";
        let mut rng = Rng::new(1);
        let paras = cut_paragraphs(text, &mut rng);
        assert!(paras.len() >= 2, "{paras:?}");
        assert_eq!(paras.concat(), text);
        assert!(paras.iter().all(|p| p.ends_with('。')));
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn split_options_choose_the_splits() {
        let cases: [(&[&str], Vec<Split>); 6] = [
            (&[], vec![Split::Dev, Split::HeldOut]),
            (&["--dev"], vec![Split::Dev]),
            (&["--test"], vec![Split::HeldOut]),
            (&["--blind", "--group"], vec![Split::Blind]),
            (&["--split", "blind"], vec![Split::Blind]),
            (&["--split", "dev,held-out,blind"], Split::ALL.to_vec()),
        ];
        for (given, want) in cases {
            let o = parse(&args(given)).expect("valid options");
            assert_eq!(o.splits, want, "{given:?}");
        }
        assert!(parse(&args(&["--blind", "--group"])).is_ok_and(|o| o.group));
        assert!(parse(&args(&["--split", "train"])).is_err());
    }

    #[test]
    fn blind_split_refuses_per_document_output() {
        assert!(parse(&args(&["--blind", "--show", "3"])).is_err());
        assert!(parse(&args(&["--split", "dev,blind", "--failures", "5"])).is_err());
        assert!(parse(&args(&["--test", "--show", "3"])).is_ok());
    }

    #[test]
    fn leak_patterns_mask_numbers() {
        assert_eq!(pattern("阅读(123) 评论(4)"), "阅读(#) 评论(#)");
        assert_eq!(clip("国家统计局今天发布", 4), "国家统计…");
    }
}
