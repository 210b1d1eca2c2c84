//! The crate's two hashers, so that no module rolls its own.
//!
//! - [`FxHasher`] (and the [`FxMap`] and [`FxSet`] built on it) for every in-memory map and set:
//!   keys are names, bigrams, id hashes and small integers, looked up once per character or per
//!   project, where SipHash costs more than the work around it (and std's `RandomState` would put
//!   a second hasher in the wasm). Keys are not chosen by an attacker in a way that matters:
//!   the worst case is a slower look-up, never a wrong one.
//! - [`Fnv`], FNV-1a over 64 bits, for the values that are **stored**: the id hashes and the data
//!   fingerprint of a compact list (`.oml`). It must never change, or lists written before would
//!   no longer open.
//!
//! ```
//! use opportunity_matcher::hash::{Fnv, FxMap};
//! let mut m: FxMap<u64, &str> = FxMap::default();
//! m.insert(7, "seven");
//! assert_eq!(m[&7], "seven");
//! // The stored hash is stable: FNV-1a of the empty input is its offset basis.
//! assert_eq!(std::hash::Hasher::finish(&Fnv::default()), 0xcbf2_9ce4_8422_2325);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (as in rustc): one rotate, xor and multiply per 8 bytes or per integer.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// A `HashSet` with [`FxHasher`].
pub type FxSet<K> = std::collections::HashSet<K, FxBuild>;

/// FNV-1a, 64 bits: the stored hashes of a compact list (see the module comment).
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for x in bytes {
            self.0 = (self.0 ^ *x as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl Fnv {
    /// `b` and an end marker, so that consecutive fields cannot run into each other.
    pub fn bytes(&mut self, b: &[u8]) {
        self.write(b);
        self.write(&[0xff]);
    }

    /// A number as its eight little-endian bytes, then the end marker.
    pub fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_hash_is_standard_fnv_1a() {
        // Compact lists written by earlier builds hold these values: the published FNV-1a test
        // vectors pin the algorithm.
        for (input, expected) in [(&b""[..], 0xcbf2_9ce4_8422_2325u64), (b"a", 0xaf63_dc4c_8601_ec8c), (b"foobar", 0x8594_4171_f739_67e8)] {
            let mut h = Fnv::default();
            h.write(input);
            assert_eq!(h.finish(), expected, "{input:?}");
        }
    }

    #[test]
    fn fx_maps_find_what_was_put_in() {
        let mut m: FxMap<String, usize> = FxMap::default();
        for (i, w) in ["成都", "chengdu", "", "新能源汽车动力电池"].iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("chengdu"), Some(&1));
        assert_eq!(m.get(""), Some(&2));
        assert_eq!(m.get("新能源汽车动力电池"), Some(&3));
    }
}
