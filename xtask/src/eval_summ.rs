//! `cargo xtask eval summ`: character-level ROUGE of the extractive
//! summariser against Lead-k on CAIL 2020 (3 sentences) and LCSTS
//! (1 sentence), plus a keyword check on LCSTS headlines.
//!
//! Options:
//! - `--set NAME=VALUE` overrides a ranking parameter (`lead`, `tail`,
//!   `length_exponent`, `length_by_budget`, `position_half`,
//!   `position_steepness`, `redundancy`, `reference_scale`, `centroid`,
//!   `damping`, `k1`, `b`, `title`);
//! - `--split-half` chooses each tuned parameter on one half of the
//!   documents of both sets and reports it on the other half;
//! - `--try K=V,K=V` (repeatable) prints both sets' ROUGE under each setting
//!   and skips the keyword and split-half checks;
//! - `--dump DIR` writes every sentence with its terms, ranking score and
//!   ROUGE, and the summary chosen, per set,
//!   for exploring ranking features offline;
//! - `--limit N` evaluates the first N documents of each set.
//!
//! Each set also reports the greedy oracle over taojin's own sentences
//! (the ceiling of ranking on these units) and R1 on halves A and B (even
//! and odd documents).

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::time::Instant;
use taojin_core::Document;
use taojin_segment::Segmenter;
use taojin_summarise::rouge::{self, MeanF1, Scores};
use taojin_summarise::{Budget, PreparedDoc, RankParams, Summariser};

struct Sample {
    text: String,
    reference: String,
}

struct Dataset {
    name: &'static str,
    sentences: usize,
    samples: Vec<Sample>,
}

fn load(file: &str, name: &'static str, sentences: usize, limit: Option<usize>) -> Result<Dataset> {
    let path = crate::data_dir().join("summ").join(file);
    let body = std::fs::read_to_string(&path)
        .with_context(|| format!("reading {} (set TAOJIN_DATA)", path.display()))?;
    let mut samples = Vec::new();
    for (n, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{file}:{}", n + 1))?;
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let reference = v["summary"].as_str().unwrap_or_default().to_string();
        samples.push(Sample { text, reference });
        if limit.is_some_and(|l| samples.len() >= l) {
            break;
        }
    }
    Ok(Dataset {
        name,
        sentences,
        samples,
    })
}

fn set_param(p: &mut RankParams, name: &str, value: f64) -> Result<()> {
    match name {
        "lead" => p.lead = value,
        "tail" => p.tail = value,
        "length_exponent" => p.length_exponent = value,
        "redundancy" => p.redundancy = value,
        "damping" => p.damping = value,
        "k1" => p.k1 = value,
        "b" => p.b = value,
        "title" => p.title = value,
        "centroid" => p.centroid = value,
        "reference_scale" => p.reference_scale = value,
        "position_half" => p.position_half = value,
        "length_by_budget" => p.length_by_budget = value,
        "position_steepness" => p.position_steepness = value,
        "clause_cost" => p.clause_cost = value,
        _ => bail!("unknown parameter {name}"),
    }
    Ok(())
}

fn score_all(
    prepared: &[PreparedDoc],
    refs: &[&str],
    f: impl Fn(&PreparedDoc) -> Vec<String> + Sync,
) -> Vec<Scores> {
    prepared
        .par_iter()
        .zip(refs.par_iter())
        .map(|(p, r)| rouge::score(&f(p).concat(), r))
        .collect()
}

fn row(name: &str, m: &MeanF1, ms: Option<f64>) {
    let time = ms
        .map(|t| format!("{t:>9.3}"))
        .unwrap_or_else(|| format!("{:>9}", "-"));
    println!(
        "  {name:<24} {:>6.2} {:>6.2} {:>6.2} {time}",
        m.rouge1, m.rouge2, m.rouge_l
    );
}

/// The objective the tuned parameters are chosen by: the mean of ROUGE-1,
/// -2 and -L (averaged over the sets given).
fn objective(per_set: &[MeanF1]) -> f64 {
    if per_set.is_empty() {
        return 0.0;
    }
    per_set
        .iter()
        .map(|m| (m.rouge1 + m.rouge2 + m.rouge_l) / 3.0)
        .sum::<f64>()
        / per_set.len() as f64
}

struct Prepared<'a> {
    set: &'a Dataset,
    docs: Vec<PreparedDoc>,
}

impl Prepared<'_> {
    fn refs(&self) -> Vec<&str> {
        self.set
            .samples
            .iter()
            .map(|s| s.reference.as_str())
            .collect()
    }
    fn budget(&self) -> Budget {
        Budget {
            sentences: self.set.sentences,
            chars: None,
        }
    }
    /// Per-document scores under `params`.
    fn scores(&self, params: &RankParams) -> Vec<Scores> {
        let budget = self.budget();
        score_all(&self.docs, &self.refs(), |d| d.summary(params, budget))
    }
}

fn half(scores: &[Scores], parity: usize) -> MeanF1 {
    let picked: Vec<Scores> = scores
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == parity)
        .map(|(_, s)| *s)
        .collect();
    MeanF1::of(&picked)
}

fn param_value(p: &RankParams, name: &str) -> f64 {
    match name {
        "lead" => p.lead,
        "tail" => p.tail,
        "length_exponent" => p.length_exponent,
        "redundancy" => p.redundancy,
        "centroid" => p.centroid,
        "reference_scale" => p.reference_scale,
        "position_half" => p.position_half,
        "position_steepness" => p.position_steepness,
        "length_by_budget" => p.length_by_budget,
        "clause_cost" => p.clause_cost,
        _ => f64::NAN,
    }
}

/// Held-out figures of one half: the objective, then CAIL R1/R2 and LCSTS R1.
fn held_out(per_set: &[MeanF1]) -> String {
    let cail = per_set.first().copied().unwrap_or_default();
    let lcsts = per_set.get(1).copied().unwrap_or_default();
    format!(
        "{:>6.2} ({:.2}/{:.2}, {:.2})",
        objective(per_set),
        cail.rouge1,
        cail.rouge2,
        lcsts.rouge1
    )
}

/// A grid value with the per-set means on half A and on half B.
type PerValue = (f64, Vec<MeanF1>, Vec<MeanF1>);

fn split_half(prepared: &[Prepared], base: &RankParams) -> Result<()> {
    let grids: &[(&str, &[f64])] = &[
        ("lead", &[0.0, 1.0, 2.0, 4.0, 8.0]),
        ("tail", &[0.0, 1.0, 2.0, 4.0]),
        ("position_half", &[0.0, 3.0, 3.5, 4.0, 5.0, 6.0]),
        ("position_steepness", &[1.0, 2.0, 4.0, 6.0, 10.0]),
        ("length_exponent", &[0.25, 0.5, 0.75, 1.0, 1.5]),
        ("length_by_budget", &[0.0, 0.5, 1.0]),
        ("reference_scale", &[0.25, 0.5, 1.0, 2.0]),
        ("redundancy", &[0.0, 0.25, 0.5, 0.75, 1.0]),
        ("centroid", &[0.0, 1.0, 3.0, 10.0]),
        ("clause_cost", &[0.0, 0.1, 0.15, 0.2, 0.25, 0.3]),
    ];
    println!(
        "\nsplit-half check (objective: mean over CAIL and LCSTS of the mean of R1/R2/RL F1; \
         halves A/B = even/odd documents of each set; held-out figures: objective (CAIL R1/R2, LCSTS R1))"
    );
    println!(
        "  {:<18} {:>7} {:>8} {:<26} {:<26} | {:>7} {:<26} {:<26}",
        "parameter",
        "default",
        "A-chose",
        "B @ A-chose",
        "B @ default",
        "B-chose",
        "A @ B-chose",
        "A @ default"
    );
    for (name, grid) in grids {
        // Per grid value: the per-set means on half A and on half B.
        let mut per_value: Vec<PerValue> = Vec::new();
        for &v in grid.iter() {
            let mut p = *base;
            set_param(&mut p, name, v)?;
            let all: Vec<Vec<Scores>> = prepared.iter().map(|pr| pr.scores(&p)).collect();
            let a: Vec<MeanF1> = all.iter().map(|s| half(s, 0)).collect();
            let b: Vec<MeanF1> = all.iter().map(|s| half(s, 1)).collect();
            per_value.push((v, a, b));
        }
        let best_on = |pick: fn(&PerValue) -> &Vec<MeanF1>| {
            per_value
                .iter()
                .max_by(|x, y| objective(pick(x)).total_cmp(&objective(pick(y))))
        };
        let (Some(best_a), Some(best_b)) = (best_on(|x| &x.1), best_on(|x| &x.2)) else {
            continue;
        };
        let default_value = param_value(base, name);
        let at_default = per_value
            .iter()
            .find(|x| (x.0 - default_value).abs() < 1e-12);
        let (def_a, def_b) = at_default
            .map(|x| (held_out(&x.1), held_out(&x.2)))
            .unwrap_or_else(|| ("-".into(), "-".into()));
        println!(
            "  {:<18} {:>7.2} {:>8.2} {:<26} {:<26} | {:>7.2} {:<26} {:<26}",
            name,
            default_value,
            best_a.0,
            held_out(&best_a.2),
            def_b,
            best_b.0,
            held_out(&best_b.1),
            def_a
        );
    }
    Ok(())
}

fn keyword_check(summariser: &Summariser, seg: &Segmenter, set: &Dataset) {
    // Share of the top 5 keywords that occur in the human headline: a weak
    // but independent signal of whether keywords name the topic.
    let k = 5;
    let shares = [
        ("tf-idf only", 1.0),
        ("textrank only", 0.0),
        ("blend (shipped)", taojin_summarise::keywords::TFIDF_SHARE),
    ];
    println!(
        "\nkeywords on {} (top {k}; share found in the reference headline)",
        set.name
    );
    for (name, share) in shares {
        let (hits, total) = set
            .samples
            .par_iter()
            .map(|s| {
                let kws = summariser.keywords_with_share(&s.text, k, share, seg);
                let hits = kws
                    .iter()
                    .filter(|w| s.reference.contains(w.as_str()))
                    .count();
                (hits, kws.len())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        println!(
            "  {name:<24} {:>6.1}%  ({hits}/{total})",
            100.0 * hits as f64 / total.max(1) as f64
        );
    }
}

/// Writes, per document, every sentence with its terms, term weights,
/// ranking score and ROUGE against the reference, for
/// exploring ranking features offline.
fn dump_features(
    dir: &str,
    set: &Dataset,
    prep: &[PreparedDoc],
    params: &RankParams,
) -> Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let path = std::path::Path::new(dir).join(format!("{}.jsonl", set.name));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let budget = Budget {
        sentences: set.sentences,
        chars: None,
    };
    for (doc, sample) in prep.iter().zip(&set.samples) {
        let summary = doc.summary(params, budget);
        let scores = doc.scores(params, set.sentences);
        let sentences: Vec<serde_json::Value> = doc
            .sentence_texts()
            .iter()
            .zip(doc.inputs())
            .zip(scores)
            .map(|((text, input), score)| {
                let s = rouge::score(text, &sample.reference);
                serde_json::json!({
                    "text": text,
                    "chars": input.chars,
                    "terms": input.terms,
                    "weights": input.weights,
                    "salience": input.salience,
                    "score": score,
                    "r1": s.rouge1.f1, "r2": s.rouge2.f1, "rl": s.rouge_l.f1,
                })
            })
            .collect();
        let line = serde_json::json!({
            "reference": sample.reference,
            "summary": summary,
            "sentences": sentences,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

pub fn run(args: &[String]) -> Result<()> {
    let mut params = RankParams::default();
    let mut split = false;
    let mut dump: Option<String> = None;
    let mut tries: Vec<String> = Vec::new();
    let mut limit = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split-half" => split = true,
            "--try" => tries.push(it.next().context("--try K=V,K=V")?.clone()),
            "--dump" => dump = Some(it.next().context("--dump DIR")?.clone()),
            "--limit" => limit = Some(it.next().context("--limit N")?.parse()?),
            "--set" => {
                let kv = it.next().context("--set NAME=VALUE")?;
                let (k, v) = kv.split_once('=').context("--set NAME=VALUE")?;
                set_param(&mut params, k, v.parse()?)?;
            }
            other => bail!("unknown option {other}"),
        }
    }
    let sets = vec![
        load("cail2020_test.jsonl", "cail2020_test", 3, limit)?,
        load("lcsts_test.jsonl", "lcsts_test", 1, limit)?,
    ];
    let seg = Segmenter::new();
    let summariser = Summariser::with_params(params);
    println!("params: {params:?}");
    let mut prepared = Vec::new();
    for set in &sets {
        let docs: Vec<Document> = set
            .samples
            .iter()
            .enumerate()
            .map(|(i, s)| Document {
                id: i.to_string(),
                text: s.text.clone(),
                ..Document::default()
            })
            .collect();
        // Time the whole stage (sentence split, segmentation, ranking) on
        // one thread, per document.
        let start = Instant::now();
        let budget = Budget {
            sentences: set.sentences,
            chars: None,
        };
        let summaries: Vec<Vec<String>> = docs
            .iter()
            .map(|d| summariser.summarise(d, budget, &seg))
            .collect();
        let ms = start.elapsed().as_secs_f64() * 1000.0 / docs.len().max(1) as f64;
        let prep: Vec<PreparedDoc> = docs
            .par_iter()
            .map(|d| summariser.prepare(d, &seg))
            .collect();
        let refs: Vec<&str> = set.samples.iter().map(|s| s.reference.as_str()).collect();
        let ours: Vec<Scores> = summaries
            .iter()
            .zip(&refs)
            .map(|(s, r)| rouge::score(&s.concat(), r))
            .collect();
        let lead = score_all(&prep, &refs, |d| d.lead(set.sentences));
        println!(
            "\n{} ({} docs, {} sentence(s))   R1     R2     RL   ms/doc",
            set.name,
            docs.len(),
            set.sentences
        );
        // The greedy oracle over taojin's own sentences bounds what ranking
        // alone can reach on these units.
        let oracle: Vec<Scores> = prep
            .par_iter()
            .zip(refs.par_iter())
            .map(|(d, r)| {
                let texts = d.sentence_texts();
                let picked: String = rouge::greedy_oracle(&texts, r, set.sentences)
                    .into_iter()
                    .filter_map(|i| texts.get(i).copied())
                    .collect();
                rouge::score(&picked, r)
            })
            .collect();
        row(&format!("Lead-{}", set.sentences), &MeanF1::of(&lead), None);
        row("taojin", &MeanF1::of(&ours), Some(ms));
        row("oracle (own sentences)", &MeanF1::of(&oracle), None);
        println!(
            "  R1 on halves A / B: Lead {:.2} / {:.2}, taojin {:.2} / {:.2}, oracle {:.2} / {:.2}",
            half(&lead, 0).rouge1,
            half(&lead, 1).rouge1,
            half(&ours, 0).rouge1,
            half(&ours, 1).rouge1,
            half(&oracle, 0).rouge1,
            half(&oracle, 1).rouge1
        );
        if let Some(dir) = &dump {
            dump_features(dir, set, &prep, &params)?;
        }
        prepared.push(Prepared { set, docs: prep });
    }
    for t in &tries {
        let mut p = params;
        for kv in t.split(',') {
            let (k, v) = kv.split_once('=').context("--try K=V,K=V")?;
            set_param(&mut p, k, v.parse()?)?;
        }
        let figures: Vec<String> = prepared
            .iter()
            .map(|pr| {
                let m = MeanF1::of(&pr.scores(&p));
                format!("{:.2}/{:.2}/{:.2}", m.rouge1, m.rouge2, m.rouge_l)
            })
            .collect();
        println!("try {t:<60} {}", figures.join("  "));
    }
    if !tries.is_empty() {
        return Ok(());
    }
    if let Some(lcsts) = sets.get(1) {
        keyword_check(&summariser, &seg, lcsts);
    }
    if split {
        split_half(&prepared, &params)?;
    }
    Ok(())
}
