//! Throughput of every stage and of the whole pipeline over the seed
//! corpus, in bytes per second of input. Run with `cargo xtask bench`.
//!
//! The `segment` group also runs raw jieba-rs `cut` on the same clean text
//! in the same run, so that the ratio (taojin segmentation / raw jieba) can
//! be read off one report, and the crate's own word finder alone
//! (`segment/own-finder`, jieba's words without the stage's rules).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use taojin_benches::{corpus_bytes, seed_corpus};
use taojin_core::{Config, Document, RawContent, RawInput};
use taojin_pipeline::{decode_stage, Pipeline};

fn raw_inputs(corpus: &[(String, Vec<u8>)]) -> Vec<RawInput> {
    corpus
        .iter()
        .map(|(id, b)| RawInput {
            id: id.clone(),
            source: id.clone(),
            content: RawContent::Bytes(b.clone()),
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let corpus = seed_corpus();
    assert!(!corpus.is_empty(), "no seeds found");
    let bytes = corpus_bytes(&corpus);
    let pipeline = Pipeline::new(Config::default());
    let r = &pipeline.resources;
    let inputs = raw_inputs(&corpus);

    let decoded: Vec<Document> = inputs.iter().cloned().map(decode_stage).collect();
    let cleaned: Vec<Document> = decoded
        .iter()
        .cloned()
        .map(|d| r.cleaner.apply(d, &r.segmenter, &r.converter, None))
        .collect();
    let segmented: Vec<Document> = cleaned
        .iter()
        .cloned()
        .map(|d| r.segmenter.apply(d, &r.converter))
        .collect();
    let clean_bytes: u64 = cleaned.iter().map(|d| d.text.len() as u64).sum();

    let mut g = c.benchmark_group("stage");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode+repair", |b| {
        b.iter(|| {
            inputs
                .iter()
                .cloned()
                .map(decode_stage)
                .map(|d| d.text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("clean", |b| {
        b.iter(|| {
            decoded
                .iter()
                .cloned()
                .map(|d| {
                    r.cleaner
                        .apply(d, &r.segmenter, &r.converter, None)
                        .text
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(clean_bytes));
    // Both sides take the same clean text by reference and return the
    // words: taojin builds the Simplified view, segments it with keep-whole
    // rules and maps words back; raw jieba only cuts.
    g.bench_function(BenchmarkId::new("segment", "taojin"), |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|d| r.segmenter.tokens(black_box(&d.text), &r.converter).len())
                .sum::<usize>()
        })
    });
    let jieba = jieba_rs::Jieba::new();
    g.bench_function(BenchmarkId::new("segment", "raw-jieba-cut"), |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|d| jieba.cut(black_box(&d.text), true).len())
                .sum::<usize>()
        })
    });
    // The word finder alone: the words `jieba.cut(text, true)` gives,
    // found by taojin's own trie and route (what the stage runs on).
    g.bench_function(BenchmarkId::new("segment", "own-finder"), |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|d| r.segmenter.raw_words(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("summarise", |b| {
        b.iter(|| {
            segmented
                .iter()
                .cloned()
                .map(|d| {
                    r.summariser
                        .apply(d, &pipeline.config, &r.segmenter)
                        .summary
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("sequential", |b| {
        b.iter(|| {
            inputs
                .iter()
                .cloned()
                .map(|i| pipeline.process(i, None).text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("parallel-group", |b| {
        b.iter(|| pipeline.process_group(inputs.clone()).len())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
