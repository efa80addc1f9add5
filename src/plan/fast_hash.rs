//! A fast hash for the planner's maps whose keys it makes itself: positions, addresses of
//! shared texts, and enum values. No text read from the input is hashed with it (maps keyed
//! by names keep `HashMap`'s keyed SipHash), so crafted input cannot choose its keys.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// An odd 64-bit constant with well-spread bits (rustc-hash's).
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// Multiply-rotate over 64-bit words, folded with a full 128-bit product at the end so that
/// every input bit reaches the low bits (aligned addresses end in zero bits) and the high bits
/// (`HashMap` uses both).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..chunk.len()) {
                w.copy_from_slice(chunk);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        let wide = u128::from(self.0).wrapping_mul(u128::from(K));
        (wide as u64) ^ ((wide >> 64) as u64)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::*;

    #[test]
    fn aligned_addresses_spread_over_low_and_high_bits() {
        let b = BuildHasherDefault::<FastHasher>::default();
        let hashes: Vec<u64> = (0..65_536usize)
            .step_by(64)
            .map(|i| b.hash_one(i))
            .collect();
        let low: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 1023).collect();
        let high: std::collections::HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert!(low.len() > 600, "{}", low.len());
        assert_eq!(high.len(), 128);
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m: FastMap<(usize, u8), u32> = FastMap::default();
        for i in 0..1000 {
            m.insert((i, 1), u32::try_from(i).unwrap_or(0));
        }
        assert_eq!(m.get(&(999, 1)), Some(&999));
        assert_eq!(m.get(&(999, 2)), None);
    }
}
