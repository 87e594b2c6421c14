//! `taojin`: the command-line tool. Argument parsing, readers and writers
//! only; all text logic lives in the library crates.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{BufRead, BufWriter, Write};
use taojin_core::Config;
use taojin_pipeline::input::{stream_records, InputSpec};
use taojin_pipeline::{explain, Pipeline, Resources};
use taojin_segment::view::ScriptConverter;
use taojin_segment::Segmenter;

#[derive(Parser)]
#[command(
    name = "taojin",
    version,
    about = "Clean, segment and summarise noisy Chinese web text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Process documents into JSON records (one per line).
    Process(ProcessArgs),
    /// Segment lines of text from standard input: words separated by spaces.
    Segment(SegmentArgs),
}

#[derive(Args)]
struct ProcessArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    /// A .jsonl or .jsonl.gz file holds one document per line.
    #[arg(default_value = "-")]
    inputs: Vec<String>,
    /// Write records here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT.jsonl")]
    output: Option<String>,
    /// Sentences in the summary.
    #[arg(long, default_value_t = 3)]
    summary_sentences: usize,
    /// Character budget for the summary.
    #[arg(long)]
    summary_chars: Option<usize>,
    /// Keywords per document.
    #[arg(long, default_value_t = 10)]
    keywords: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Write text in Simplified characters.
    #[arg(long)]
    to_simplified: bool,
    /// Print each document with its removals marked, for review, instead of JSON.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    seg: SegOptions,
}

#[derive(Args)]
struct SegmentArgs {
    #[command(flatten)]
    seg: SegOptions,
}

#[derive(Args)]
struct SegOptions {
    /// A user dictionary in jieba's format (`word [freq] [tag]` per line).
    #[arg(long, value_name = "FILE")]
    user_dict: Option<String>,
    /// A segmentation profile built from a SIGHAN 2005 bakeoff's training word
    /// list (pku, msr, as, cityu), read from --data-dir.
    #[arg(long, value_name = "NAME")]
    standard: Option<String>,
    /// Where the public evaluation data lives (for --standard).
    #[arg(
        long,
        value_name = "DIR",
        env = "TAOJIN_DATA",
        default_value = "../shared/data"
    )]
    data_dir: String,
}

impl SegOptions {
    fn segmenter(&self) -> Result<Segmenter> {
        let mut seg = match &self.standard {
            Some(name) => Segmenter::with_standard(name, std::path::Path::new(&self.data_dir))
                .with_context(|| format!("cannot load segmentation profile {name}"))?,
            None => Segmenter::new(),
        };
        if let Some(path) = &self.user_dict {
            seg.add_user_dict(path)
                .with_context(|| format!("cannot load user dictionary {path}"))?;
        }
        Ok(seg)
    }
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Process(args) => process(args),
        Command::Segment(args) => segment(args),
    };
    if let Err(e) = result {
        eprintln!("taojin: {e:#}");
        std::process::exit(2);
    }
}

/// Records per parallel batch: enough for every core and for line
/// repetition statistics, small enough to bound memory.
const BATCH: usize = 2048;

fn process(args: ProcessArgs) -> Result<()> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot set up threads")?;
    }
    // Open the output first: an unwritable output fails before any work.
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(std::fs::File::create(path).with_context(|| format!("cannot write {path}"))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let config = Config {
        summary_sentences: args.summary_sentences,
        summary_chars: args.summary_chars,
        keywords: args.keywords,
        to_simplified: args.to_simplified,
    };
    let resources = Resources::with_segmenter(args.seg.segmenter()?);
    let pipeline = Pipeline::with_resources(resources, config);
    let specs: Vec<InputSpec> = args.inputs.iter().map(|a| InputSpec::parse(a)).collect();
    // Records stream through in bounded batches: each batch is processed in
    // parallel (line repetition counted within the batch's source groups)
    // and written in input order before the next is read.
    let mut stream = stream_records(&specs).peekable();
    while stream.peek().is_some() {
        let batch: Vec<_> = stream.by_ref().take(BATCH).collect();
        for doc in pipeline.process_records(batch) {
            if args.explain {
                writeln!(out, "{}", explain::render(&doc))?;
            } else {
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(())
}

fn segment(args: SegmentArgs) -> Result<()> {
    let seg = args.seg.segmenter()?;
    let conv = ScriptConverter::new();
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut buf = Vec::new();
    let mut reader = stdin.lock();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        writeln!(out, "{}", seg.segment(line, &conv).join(" "))?;
    }
    out.flush()?;
    Ok(())
}
