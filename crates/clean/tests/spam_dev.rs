//! The development spam probe (`tests/spam-dev/README.md`): fifty articles
//! with gambling brands and slogan pieces spliced into their sentences at
//! many densities (ten left clean, several of them with words that look
//! like spam), written in session 17 by a helper that read neither the
//! noise generator, the cleaner's lexicons nor the held-out spam probe.
//! Rules may be written from its report, which lists every string leaked
//! and every spam removal that took no inserted string; its words never go
//! into a lexicon.
//!
//! `cargo test -p taojin-clean --test spam_dev -- --nocapture`

mod common;

use common::{assert_report_snapshot, probe_dir, spam_report, Listing};

#[test]
fn dev_spam_probe_matches_snapshot() {
    let report = spam_report(&probe_dir("spam-dev"), Listing::Lines);
    println!("{report}");
    assert_report_snapshot("spam_dev", &report);
}
