//! A hash index of names, ASCII case-insensitive, that keeps no copy of them: each slot holds
//! a position in the caller's list, and a lookup compares against the name at that position.
//! Four bytes a slot (at most half full) instead of a lowercase `String` key per name.

use std::hash::{BuildHasher, Hasher, RandomState};

/// A free slot.
const EMPTY: u32 = u32::MAX;

/// Positions of names in a list the caller owns, found by name ASCII case-insensitively.
/// Hashing is SipHash with a random key (as `HashMap`'s), so crafted names cannot make
/// lookups slow.
#[derive(Debug, Clone)]
pub(crate) struct NameIndex {
    hasher: RandomState,
    /// Open addressing with linear probing; a power-of-two length, at most half full.
    slots: Vec<u32>,
    len: usize,
}

impl Default for NameIndex {
    fn default() -> NameIndex {
        NameIndex::with_capacity(0)
    }
}

/// Two indexes are equal when they index the same names, which the owner's lists decide:
/// an index is derived data (its layout depends on a random hash key).
impl PartialEq for NameIndex {
    fn eq(&self, other: &NameIndex) -> bool {
        self.len == other.len
    }
}

impl Eq for NameIndex {}

impl NameIndex {
    /// An empty index with room for `n` names before it grows.
    pub(crate) fn with_capacity(n: usize) -> NameIndex {
        NameIndex {
            hasher: RandomState::new(),
            slots: vec![EMPTY; n.saturating_mul(2).max(8).next_power_of_two()],
            len: 0,
        }
    }

    fn hash(&self, name: &str) -> u64 {
        let mut h = self.hasher.build_hasher();
        let mut buf = [0u8; 32];
        for chunk in name.as_bytes().chunks(32) {
            let lower = buf.get_mut(..chunk.len()).unwrap_or_default();
            for (l, b) in lower.iter_mut().zip(chunk) {
                *l = b.to_ascii_lowercase();
            }
            h.write(lower);
        }
        h.write_u8(0xff);
        h.finish()
    }

    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    /// The slot where `name` is, or the free slot where it would go.
    fn probe<'a>(&self, name: &str, name_at: impl Fn(usize) -> Option<&'a str>) -> usize {
        let mask = self.mask();
        let mut i = (self.hash(name) as usize) & mask;
        loop {
            match self.slots.get(i) {
                Some(&EMPTY) | None => return i,
                Some(&pos) => {
                    if name_at(pos as usize).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
                        return i;
                    }
                }
            }
            i = i.wrapping_add(1) & mask;
        }
    }

    /// The position of `name` (`name_at` gives the name at a position).
    pub(crate) fn get<'a>(
        &self,
        name: &str,
        name_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        match self.slots.get(self.probe(name, name_at)) {
            Some(&EMPTY) | None => None,
            Some(&pos) => Some(pos as usize),
        }
    }

    /// Records `name` at position `pos`, unless the name is there already: then its first
    /// position. Positions from `u32::MAX` on are not recorded.
    pub(crate) fn insert<'a>(
        &mut self,
        name: &str,
        pos: usize,
        name_at: impl Fn(usize) -> Option<&'a str> + Copy,
    ) -> Option<usize> {
        if self.len.saturating_mul(2) >= self.slots.len() {
            self.grow(name_at);
        }
        let i = self.probe(name, name_at);
        match self.slots.get_mut(i) {
            Some(slot) if *slot == EMPTY => {
                *slot = u32::try_from(pos).ok().filter(|&p| p != EMPTY)?;
                self.len = self.len.saturating_add(1);
                None
            }
            Some(slot) => Some(*slot as usize),
            None => None,
        }
    }

    /// Records `name` at position `pos`, replacing an earlier position of the same name (the
    /// last one wins, as when a map is collected).
    pub(crate) fn set<'a>(
        &mut self,
        name: &str,
        pos: usize,
        name_at: impl Fn(usize) -> Option<&'a str> + Copy,
    ) {
        if self.len.saturating_mul(2) >= self.slots.len() {
            self.grow(name_at);
        }
        let i = self.probe(name, name_at);
        if let (Some(slot), Ok(p)) = (self.slots.get_mut(i), u32::try_from(pos)) {
            if p != EMPTY {
                if *slot == EMPTY {
                    self.len = self.len.saturating_add(1);
                }
                *slot = p;
            }
        }
    }

    /// Doubles the slots and places every position again.
    fn grow<'a>(&mut self, name_at: impl Fn(usize) -> Option<&'a str> + Copy) {
        let bigger = vec![EMPTY; self.slots.len().saturating_mul(2)];
        let old = std::mem::replace(&mut self.slots, bigger);
        for pos in old.into_iter().filter(|&p| p != EMPTY) {
            if let Some(name) = name_at(pos as usize) {
                let i = self.probe(name, name_at);
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = pos;
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::NameIndex;
    use proptest::prelude::*;

    proptest! {
        /// The index answers what a map of lowercase names to first positions answers, for
        /// names of any case and length (longer than a hashing chunk too), growing from empty.
        #[test]
        fn same_as_a_lowercase_map(
            names in proptest::collection::vec("[a-cA-C0-9-]{0,40}", 0..200),
            probes in proptest::collection::vec("[a-cA-C0-9-]{0,40}", 0..50),
        ) {
            let mut index = NameIndex::with_capacity(0);
            let mut map = std::collections::HashMap::new();
            let name_at = |i: usize| names.get(i).map(String::as_str);
            for (i, n) in names.iter().enumerate() {
                let first = map.get(&n.to_ascii_lowercase()).copied();
                prop_assert_eq!(index.insert(n, i, name_at), first);
                map.entry(n.to_ascii_lowercase()).or_insert(i);
            }
            let mut last = NameIndex::with_capacity(0);
            for (i, n) in names.iter().enumerate() {
                last.set(n, i, name_at);
            }
            for n in names.iter().chain(&probes) {
                let lower = n.to_ascii_lowercase();
                let last_pos = names.iter().rposition(|m| m.to_ascii_lowercase() == lower);
                prop_assert_eq!(last.get(n, name_at), last_pos);
                prop_assert_eq!(index.get(n, name_at), map.get(&n.to_ascii_lowercase()).copied());
                prop_assert_eq!(index.get(&n.to_ascii_uppercase(), name_at), map.get(&n.to_ascii_lowercase()).copied());
            }
        }
    }
}
