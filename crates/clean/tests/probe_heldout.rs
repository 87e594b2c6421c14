//! The held-out furniture probe (`tests/probe-heldout/README.md`): thirty
//! labelled pages of real-world page types, from sites the first probe did
//! not have, written in session 17 by a helper that read neither the
//! cleaner nor the first probe's pages. (It wrote sixty; the other thirty
//! joined the development probe.)
//!
//! Its report gives counts only, per class: reading which lines go wrong
//! would make it a development set like the first probe. Its figures say
//! how far rules written from the harness and the first probe reach.
//!
//! `cargo test -p taojin-clean --test probe_heldout -- --nocapture`

mod common;

use common::{assert_report_snapshot, figure, probe_dir, report, Listing};

#[test]
fn heldout_probe_counts_match_snapshot() {
    let report = report(&probe_dir("probe-heldout"), Listing::CountsOnly);
    println!("{report}");
    // A change that makes the figures worse fails here even if its
    // snapshot is accepted carelessly. First measured at the start of
    // session 17 (commit 22beef8): 42 furniture lines leaked, 35 body lines
    // lost; the poster-name rule and the interface wording of session 17
    // took the leaks to 39. Session 21's comments header (readers' comments
    // after `留言 58` go with the footer) took them to 37 and lost one body
    // line more (36): a trade read from these counts alone, kept because
    // the development probes gained 11 lines and lost none. Session 29's
    // thread replies after the footer (kept where the thread kept an
    // earlier reply) gave one body line back and leaked one line labelled
    // `other` (35 / 35), a trade read from these counts alone, kept because
    // the development probe gained 7 body lines and leaked none more. The
    // same session's notice contact lines and three-char offices in a
    // signature gave two more back (33). Session 30's headline rules (a
    // day line is no headline; a headline mixing English words is one) put
    // the title where it is and freed the lines between (34 / 31).
    assert!(
        figure(&report, "furniture lines leaked: ") <= 34,
        "{report}"
    );
    assert!(figure(&report, "body lines lost: ") <= 31, "{report}");
    assert_report_snapshot("probe_heldout", &report);
}
