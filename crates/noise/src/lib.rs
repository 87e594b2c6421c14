//! Noise injection for evaluating the cleaner (`cargo xtask eval clean`).
//!
//! Clean paragraphs go in; a noisy page comes out, together with its truth
//! (the paragraphs the cleaner must keep) and a record of everything that
//! was injected (boilerplate lines, spam strings, censoring runs), so that a
//! cleaned output can be scored with [`score::score`].
//!
//! Everything is deterministic: a document is a pure function of the run
//! seed and its coordinates (kind, split, site, index). The template
//! vocabularies in `data/` are split into a dev half and a held-out half,
//! so that the cleaner can be tuned on one and reported on pages it has
//! never seen.

pub mod generate;
pub mod page;
pub mod rng;
pub mod score;
pub mod spam;
pub mod transform;
pub mod vocab;

pub use generate::{Generated, Generator, NoiseKind, SiteKit};
pub use page::Credits;
pub use rng::Rng;
pub use score::{
    lcs_len, normalise, score, score_meta, scored_output, DocScore, FieldScore, FieldTally,
    FoundMeta, MetaScore, MetaTally, Tally,
};
pub use transform::ByteEncoding;
pub use vocab::{Split, Vocab};
