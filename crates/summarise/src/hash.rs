//! A fast hash for the stage's maps and sets.
//!
//! Why: the stage looks words up by the thousand per document (in jieba's
//! IDF table of some 260 thousand words, the stopwords, the TF-IDF scores,
//! the term ids) and std's SipHash showed up in its profile. This is the
//! multiply-and-rotate word hash rustc uses (FxHash), as jieba-rs does for
//! its own tables. It is not keyed, so it is used only where iteration
//! order does not reach the output.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FxHash multiplier (from Firefox, via rustc).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash: each word is folded into the state by a rotate, xor and
/// multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, &b)| w | (u64::from(b) << (8 * i)));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of<T: Hash>(value: &T) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_equal_and_nearby_words_apart() {
        let words = [
            "经济",
            "经济增长",
            "增长",
            "国内生产总值",
            "GDP",
            "gdp",
            "a",
            "",
        ];
        for w in words {
            assert_eq!(hash_of(&w), hash_of(&w.to_string()));
        }
        let mut hashes: Vec<u64> = words.iter().map(hash_of).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
        // Tail bytes count: words that differ only past the last full
        // eight bytes differ.
        assert_ne!(hash_of(&"国内生产总值a"), hash_of(&"国内生产总值b"));
    }

    #[test]
    fn maps_and_sets_work_with_it() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["数据", "发布", "数据", "统计局"].into_iter().enumerate() {
            *m.entry(w).or_insert(0) += i;
        }
        assert_eq!(m.get("数据"), Some(&2));
        assert_eq!(m.len(), 3);
        let s: FastSet<String> = ["的", "了"].iter().map(|w| w.to_string()).collect();
        assert!(s.contains("的") && !s.contains("经济"));
    }
}
