//! The held-out spam probe (`tests/spam-heldout/README.md`): forty articles
//! with gambling brands and slogan pieces spliced into their sentences
//! (eight left clean), written in session 17 by a helper that read neither
//! the noise generator nor the cleaner's lexicons. Its brands, their
//! category words and its slogans are none of the ones the harness draws
//! from.
//!
//! Its report gives counts only: which strings leak is not read, so that
//! the probe stays a measure of how far the spam rules reach.
//!
//! `cargo test -p taojin-clean --test spam_heldout -- --nocapture`

mod common;

use common::{assert_report_snapshot, probe_dir, spam_report, Listing};

#[test]
fn heldout_spam_counts_match_snapshot() {
    let report = spam_report(&probe_dir("spam-heldout"), Listing::CountsOnly);
    println!("{report}");
    // The last field of the report's line for `group`, as a number (the
    // leaked count before its `/`).
    let figure = |group: &str| -> usize {
        report
            .lines()
            .find(|l| l.starts_with(group))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|f| f.split('/').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX)
    };
    // Bounds a change must not cross unnoticed even if its snapshot is
    // accepted carelessly. First measured at the start of session 17
    // (commit 22beef8): brands 48, slogan pieces 168, truth lost on spam
    // pages 83 chars and on clean pages 36. The figures now: taking bare
    // web addresses took 10 more brand strings and, on the pages it showed
    // to be spam, 14 more chars of their text (the scorer's bar falls
    // there), a trade the bound on spam pages was moved for; names that
    // are verbs or adjectives (`购买|彩票`) no longer count as brands, and
    // the clean pages lose 20 chars, not 36. Session 18: Han-named brand
    // shapes on pages with no gambling of their own took 7 more brand
    // strings and, with them, 3 slogan pieces and 19 more chars of text on
    // the pages they showed to be spam (the same trade as before).
    // Session 19: the scorer's register features (runs in the register of
    // stock slogans and shop promotion) took 39 more slogan pieces, and 18
    // more chars of text on spam pages. Session 22: loose runs that never
    // break a word must chain to another piece (`keep_seamless_chained`),
    // so names and terms of the text said near spam stay: 39 fewer chars
    // lost on spam pages (134 -> 95), 3 more slogan pieces leaked.
    // Session 23: the scorer reads runs of five and six chars too (pieces
    // of slogans cut where their words meet): 3 fewer slogan pieces leaked.
    // Session 26: on a page with nothing else found, a run said twice can
    // vouch for one said three times: 7 fewer slogan pieces leaked. The
    // register of stock slogans, grown from 262 entries to 890, took 15
    // more, and 3 more chars of text on spam pages. Session 28: `主办单位`
    // without its colon is no longer a footer word, and a spam page keeps
    // the sentence naming an organiser: 70 fewer chars lost (98 -> 28).
    assert!(figure("brands ") <= 31, "{report}");
    assert!(figure("slogan pieces ") <= 98, "{report}");
    assert!(figure("spam pages ") <= 28, "{report}");
    assert!(figure("clean pages ") <= 20, "{report}");
    assert_report_snapshot("spam_heldout", &report);
}
