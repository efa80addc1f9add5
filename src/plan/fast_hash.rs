//! A fast hash for the planner's maps whose keys it makes itself: positions, addresses of
//! shared texts, and enum values. No text read from the input is hashed with it (maps keyed
//! by names keep `HashMap`'s keyed SipHash), so crafted input cannot choose its keys.
//!
//! The hash is rustc's (`rustc-hash`), whose `finish` rotates the product so that aligned
//! addresses (low bits zero) still spread over the low bits `HashMap` indexes with.

use std::collections::HashMap;

/// A `HashMap` with rustc's fast hash.
pub(crate) type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    #[test]
    fn aligned_addresses_spread_over_low_and_high_bits() {
        let b = rustc_hash::FxBuildHasher;
        let hashes: Vec<u64> = (0..65_536usize)
            .step_by(64)
            .map(|i| b.hash_one(i))
            .collect();
        let low: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 1023).collect();
        let high: std::collections::HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert!(low.len() > 600, "{}", low.len());
        assert!(high.len() > 100, "{}", high.len());
    }
}
