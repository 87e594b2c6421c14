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
    // leaked, 11 body lines lost.
    check_probe(
        "probe-social-heldout",
        Listing::CountsOnly,
        "probe_social_heldout",
        14,
        11,
    );
}
