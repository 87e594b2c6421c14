//! The probes' metadata: title, publication date, author and source as the
//! pages of the furniture probes give them (`meta.tsv` in each probe
//! directory, labelled in session 27 by helpers that read neither the
//! cleaner nor its data; the convention is in `tests/probe/META.md`).
//!
//! The development probes' report lists every field the cleaner gets
//! wrong; the held-out probes' gives counts only. Both are pinned as
//! snapshots, so a change in what the cleaner credits shows up for review.
//!
//! `cargo test -p taojin-clean --test probe_meta -- --nocapture`

mod common;

use common::{assert_report_snapshot, figure, meta_report, probe_dir, Listing};

#[test]
fn development_probes_metadata_matches_snapshot() {
    let report = meta_report(
        &[probe_dir("probe"), probe_dir("probe-social")],
        Listing::Lines,
    );
    println!("{report}");
    assert_report_snapshot("probe_meta", &report);
    assert_bounds(&report, 285, 8);
}

/// The byline probe: 48 pages of page heads and bylines, metadata only
/// (its own conventions: `tests/probe-bylines/README.md`).
#[test]
fn byline_probe_metadata_matches_snapshot() {
    let report = meta_report(&[probe_dir("probe-bylines")], Listing::Lines);
    println!("{report}");
    assert_report_snapshot("probe_meta_bylines", &report);
    assert_bounds(&report, 141, 0);
}

#[test]
fn heldout_probes_metadata_counts_match_snapshot() {
    let report = meta_report(
        &[
            probe_dir("probe-heldout"),
            probe_dir("probe-social-heldout"),
        ],
        Listing::CountsOnly,
    );
    println!("{report}");
    assert_report_snapshot("probe_meta_heldout", &report);
    assert_bounds(&report, 102, 5);
}

/// Fields right must not fall below `right`, fields spurious must not rise
/// above `spurious` (the figures of the last reviewed change): a
/// snapshot pins the report, the bounds say which way is worse.
fn assert_bounds(report: &str, right: usize, spurious: usize) {
    let got = figure(report, "fields right: ");
    assert!((right..usize::MAX).contains(&got), "{report}");
    assert!(figure(report, "fields spurious: ") <= spurious, "{report}");
}
