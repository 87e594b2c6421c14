//! `cargo xtask eval seg [--standard] [--corpus NAME] [--out DIR]`: word
//! segmentation on the four SIGHAN 2005 test sets, scored like the bakeoff's
//! `score.pl` (words matched by character span), beside raw jieba-rs.
//!
//! Each test line is segmented on its own, as `taojin segment` does. With
//! `--standard` the bakeoff-specific profiles (built from each corpus's
//! training word list) are scored too, in their own rows. `--out DIR` writes
//! each system's output, one line per input line, words split by spaces, so
//! that `score.pl` can be run on it.

use anyhow::{bail, Context, Result};
use jieba_rs::Jieba;
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

const CORPORA: [&str; 4] = ["pku", "msr", "as", "cityu"];

/// Precision, recall, F1, OOV and IV recall of one system on one corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub gold_words: usize,
    pub test_words: usize,
    pub matched: usize,
    pub oov_gold: usize,
    pub oov_matched: usize,
    /// Lines whose characters differ between gold and test (should be 0).
    pub misaligned_lines: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.test_words)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold_words)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn oov_recall(&self) -> f64 {
        ratio(self.oov_matched, self.oov_gold)
    }
    pub fn iv_recall(&self) -> f64 {
        ratio(
            self.matched - self.oov_matched,
            self.gold_words - self.oov_gold,
        )
    }

    /// Adds one line: gold and test words (whitespace inside words ignored).
    pub fn add_line<G: AsRef<str>, T: AsRef<str>>(
        &mut self,
        gold: &[G],
        test: &[T],
        vocab: &HashSet<String>,
    ) {
        let gold_spans = spans(gold);
        let test_spans = spans(test);
        let gold_text: String = gold.iter().map(|w| w.as_ref()).collect();
        let test_text: String = test.iter().map(|w| w.as_ref()).collect();
        if strip_ws(&gold_text) != strip_ws(&test_text) {
            self.misaligned_lines += 1;
        }
        self.gold_words += gold_spans.len();
        self.test_words += test_spans.len();
        let test_set: HashSet<(usize, usize)> = test_spans.into_iter().collect();
        for (span, word) in gold_spans.iter().zip(
            gold.iter()
                .map(|w| w.as_ref())
                .filter(|w| !w.trim().is_empty()),
        ) {
            let oov = !vocab.contains(word);
            let hit = test_set.contains(span);
            self.oov_gold += usize::from(oov);
            self.matched += usize::from(hit);
            self.oov_matched += usize::from(hit && oov);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Character spans of the non-blank words, whitespace not counted.
fn spans<W: AsRef<str>>(words: &[W]) -> Vec<(usize, usize)> {
    let mut pos = 0;
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let n = w.as_ref().chars().filter(|c| !c.is_whitespace()).count();
        if n > 0 {
            out.push((pos, pos + n));
            pos += n;
        }
    }
    out
}

/// Lines of a bakeoff file: BOM and CR dropped, a missing final newline
/// tolerated; a blank last line (from a final newline) is not a line.
pub fn read_lines(path: &Path) -> Result<Vec<String>> {
    let body =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let body = body.strip_prefix('\u{feff}').unwrap_or(&body);
    let mut lines: Vec<String> = body
        .split('\n')
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    Ok(lines)
}

/// Gold words of a line: split on any whitespace (U+3000 in `as`).
pub fn gold_words(line: &str) -> Vec<&str> {
    line.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect()
}

fn gold_path(dir: &Path, corpus: &str) -> std::path::PathBuf {
    if corpus == "as" {
        dir.join("as_testing_gold.utf8")
    } else {
        dir.join(format!("{corpus}_test_gold.utf8"))
    }
}

/// One system under evaluation: a line in, its words out.
type SegmentFn<'a> = Box<dyn Fn(&str) -> Vec<String> + 'a>;

struct Row {
    corpus: String,
    system: String,
    scores: Scores,
    seconds: f64,
}

pub fn run(args: &[String]) -> Result<()> {
    let mut with_standard = false;
    let mut only: Option<String> = None;
    let mut out_dir: Option<std::path::PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--standard" => with_standard = true,
            "--corpus" => only = it.next().cloned(),
            "--out" => out_dir = it.next().map(Into::into),
            other => bail!("unknown argument {other}; usage: cargo xtask eval seg [--standard] [--corpus NAME] [--out DIR]"),
        }
    }
    let dir = crate::data_dir().join("sighan2005");
    if !dir.is_dir() {
        println!("note: {} missing; nothing to evaluate", dir.display());
        return Ok(());
    }
    if let Some(d) = &out_dir {
        std::fs::create_dir_all(d)?;
    }
    let conv = &ScriptConverter::new();
    let ours = &Segmenter::new();
    let jieba = &Jieba::new();
    let mut rows = Vec::new();
    for corpus in CORPORA
        .iter()
        .filter(|c| only.as_deref().is_none_or(|o| o == **c))
    {
        let test = read_lines(&dir.join(format!("{corpus}_test.utf8")))?;
        let gold = read_lines(&gold_path(&dir, corpus))?;
        if test.len() != gold.len() {
            bail!(
                "{corpus}: {} test lines but {} gold lines",
                test.len(),
                gold.len()
            );
        }
        let vocab: HashSet<String> =
            read_lines(&dir.join(format!("{corpus}_training_words.utf8")))?
                .into_iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect();
        let gold: Vec<Vec<&str>> = gold.iter().map(|l| gold_words(l)).collect();

        let mut systems: Vec<(String, SegmentFn<'_>)> = vec![
            (
                "jieba-rs cut(hmm)".into(),
                Box::new(move |l: &str| {
                    jieba
                        .cut(l, true)
                        .into_iter()
                        .map(|t| t.word.to_string())
                        .filter(|w| !w.trim().is_empty())
                        .collect()
                }),
            ),
            (
                "taojin default".into(),
                Box::new(move |l: &str| ours.segment(l, conv)),
            ),
        ];
        if with_standard {
            let std_seg = Segmenter::with_standard(corpus, &dir)
                .with_context(|| format!("profile {corpus}"))?;
            systems.push((
                format!("taojin --standard {corpus}"),
                Box::new(move |l: &str| std_seg.segment(l, conv)),
            ));
        }
        for (name, seg) in &systems {
            let start = Instant::now();
            let outputs: Vec<Vec<String>> = test.iter().map(|l| seg(l)).collect();
            let seconds = start.elapsed().as_secs_f64();
            let mut scores = Scores::default();
            for (g, t) in gold.iter().zip(&outputs) {
                scores.add_line(g, t, &vocab);
            }
            if let Some(d) = &out_dir {
                let file: String = outputs.iter().map(|ws| ws.join(" ") + "\n").collect();
                let slug: String = name
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { '_' })
                    .collect();
                std::fs::write(d.join(format!("{corpus}.{slug}.txt")), file)?;
            }
            rows.push(Row {
                corpus: corpus.to_string(),
                system: name.clone(),
                scores,
                seconds,
            });
        }
    }
    println!(
        "{:6} {:28} {:>6} {:>6} {:>6} {:>7} {:>7} {:>6} {:>6}",
        "corpus", "system", "P", "R", "F1", "OOV-R", "IV-R", "sec", "misal"
    );
    for r in &rows {
        let s = &r.scores;
        println!(
            "{:6} {:28} {:6.3} {:6.3} {:6.3} {:7.3} {:7.3} {:6.2} {:6}",
            r.corpus,
            r.system,
            s.precision(),
            s.recall(),
            s.f1(),
            s.oov_recall(),
            s.iv_recall(),
            r.seconds,
            s.misaligned_lines
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_span_matches_and_oov() {
        let vocab: HashSet<String> = ["共同", "创造"].iter().map(|s| s.to_string()).collect();
        let mut s = Scores::default();
        // gold: 共同 创造 美好 ; test: 共同 创 造美好
        s.add_line(&["共同", "创造", "美好"], &["共同", "创", "造美好"], &vocab);
        assert_eq!((s.gold_words, s.test_words, s.matched), (3, 3, 1));
        assert_eq!((s.oov_gold, s.oov_matched), (1, 0));
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.iv_recall() - 0.5).abs() < 1e-12);
        assert_eq!(s.misaligned_lines, 0);
    }

    #[test]
    fn gold_lines_split_on_ideographic_space() {
        assert_eq!(gold_words("許多　社區　長青"), vec!["許多", "社區", "長青"]);
        assert_eq!(gold_words("扬帆  远东  做  "), vec!["扬帆", "远东", "做"]);
    }

    #[test]
    fn misaligned_lines_are_counted() {
        let mut s = Scores::default();
        s.add_line(&["共同"], &["共", "用"], &HashSet::new());
        assert_eq!(s.misaligned_lines, 1);
    }
}
