//! The held-out social-platform probe (`tests/probe-social-heldout/`):
//! the even-numbered twenty of the forty social-platform pages a helper
//! wrote in session 20 (see `tests/probe-social/README.md`). Its report
//! gives counts only, per class, so that reading it does not turn it into
//! a development set; it says how far rules written from the harness and
//! the development probes reach on social pages.
//!
//! `cargo test -p taojin-clean --test probe_social_heldout -- --nocapture`

mod common;

use common::{check_probe, Listing};

#[test]
fn social_heldout_probe_counts_match_snapshot() {
    // Bounds: the figures when the pages joined (session 20, before any
    // rule was written from the probe's other half): 14 furniture lines
    // leaked, 11 body lines lost. Session 21's comments header (comments
    // after `留言 58` go with the footer): 13 leaked, 12 lost, a trade read
    // from these counts alone and disclosed with the change.
    check_probe(
        "probe-social-heldout",
        Listing::CountsOnly,
        "probe_social_heldout",
        13,
        12,
    );
}
