//! Reference tables embedded in the binary and parsed lazily, once per process.
//!
//! The raw files live in `data/names/` at the workspace root (see `DATA.md` in this crate);
//! they are compiled in with `include_bytes!`, so the binary works from a fresh clone with
//! no other files. Each table sits behind its own `OnceLock`, so a caller that needs only
//! the legal forms never pays for the person-name table.

pub mod hanja;
pub(crate) mod legal_forms;
pub(crate) mod person_names;
pub mod words;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Load every table now (otherwise each loads on first use). Returns the time it took.
///
/// Call this at start-up in a server so the first request does not pay for it.
pub fn load_all() -> std::time::Duration {
    let t = std::time::Instant::now();
    std::thread::scope(|s| {
        // The person-name table is the big one; the rest load alongside it.
        s.spawn(|| {
            person_names::PersonNames::get();
        });
        legal_forms::LegalForms::get();
        words::preload();
    });
    t.elapsed()
}

/// A small, fast, non-cryptographic hasher (the rustc "Fx" hash) for the in-memory tables.
/// The keys are fixed data compiled into the binary, so flooding attacks do not apply.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply-rotate steps leave the low bits depending mostly on the first bytes;
        // hash tables index by the low bits, so finish with a full avalanche (murmur3 fmix64).
        let mut x = self.hash;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// A set of strings stored in one arena, each with a dense index: no allocation per key.
/// Open addressing with linear probing over slots that hold a key's index
/// and the high half of its hash: a probe compares the key itself (two
/// more memory reads, into `spans` and `arena`) only when the hashes agree.
#[derive(Debug, Default)]
pub(crate) struct StrIndex {
    arena: String,
    spans: Vec<(u32, u32)>,
    slots: Vec<(u32, u32)>,
}

const EMPTY: u32 = u32::MAX;

/// The half of a key's hash a slot keeps beside its index (the other half
/// picks the slot).
fn tag(h: u64) -> u32 {
    (h >> 32) as u32
}

impl StrIndex {
    pub(crate) fn with_capacity(n: usize) -> StrIndex {
        let cap = (n * 2).next_power_of_two().max(16);
        StrIndex {
            arena: String::new(),
            spans: Vec::with_capacity(n),
            slots: vec![(EMPTY, 0); cap],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn key(&self, idx: u32) -> &str {
        match self.spans.get(idx as usize) {
            Some(&(s, l)) => &self.arena[s as usize..(s + l) as usize],
            None => "",
        }
    }

    fn find_slot(&self, s: &str, h: u64) -> (usize, Option<u32>) {
        let mask = self.slots.len() - 1;
        let high = tag(h);
        let mut i = h as usize & mask;
        loop {
            let (v, hv) = self.slots[i];
            if v == EMPTY {
                return (i, None);
            }
            if hv == high && self.key(v) == s {
                return (i, Some(v));
            }
            i = (i + 1) & mask;
        }
    }

    #[cfg(test)]
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.get_hashed(s, hash_str(s))
    }

    /// [`StrIndex::get`] with `h == hash_str(s)` computed by the caller.
    pub(crate) fn get_hashed(&self, s: &str, h: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.find_slot(s, h).1
    }

    #[cfg(test)]
    pub(crate) fn insert(&mut self, s: &str) -> u32 {
        self.insert_hashed(s, hash_str(s))
    }

    /// [`StrIndex::insert`] with `h == hash_str(s)` computed by the caller.
    pub(crate) fn insert_hashed(&mut self, s: &str, h: u64) -> u32 {
        if (self.spans.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (slot, found) = self.find_slot(s, h);
        if let Some(v) = found {
            return v;
        }
        let idx = self.spans.len() as u32;
        self.spans.push((self.arena.len() as u32, s.len() as u32));
        self.arena.push_str(s);
        self.slots[slot] = (idx, tag(h));
        idx
    }

    fn grow(&mut self) {
        let cap = (self.slots.len() * 2).max(16);
        self.slots = vec![(EMPTY, 0); cap];
        let mask = cap - 1;
        for idx in 0..self.spans.len() as u32 {
            let h = hash_str(self.key(idx));
            let mut i = h as usize & mask;
            while self.slots[i].0 != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = (idx, tag(h));
        }
    }
}

/// Folded phrases (token sequences) mapped to values, with longest-match lookup in a token
/// slice. Keys are folded texts: tokens joined by single spaces.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    map: FxMap<Box<str>, V>,
    /// For each first token: the most tokens any phrase starting with it has.
    first: FxMap<Box<str>, usize>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable { map: FxMap::default(), first: FxMap::default() }
    }
}

impl<V> PhraseTable<V> {
    /// Insert (or replace) a folded phrase. Empty phrases are ignored.
    pub(crate) fn insert(&mut self, folded: &str, v: V) {
        if folded.is_empty() {
            return;
        }
        let n = folded.split(' ').count();
        let first = folded.split(' ').next().unwrap_or(folded);
        let e = self.first.entry(first.into()).or_insert(0);
        *e = (*e).max(n);
        self.map.insert(folded.into(), v);
    }

    pub(crate) fn get(&self, folded: &str) -> Option<&V> {
        self.map.get(folded)
    }

    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.map.contains_key(folded)
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(k, v)| (&**k, v))
    }

    /// Whether some phrase begins with token `first`.
    pub(crate) fn begins(&self, first: &str) -> bool {
        self.first.contains_key(first)
    }

    /// Longest phrase starting at `tokens[i]`: (number of tokens, value).
    pub(crate) fn match_at<T: AsRef<str>>(&self, tokens: &[T], i: usize) -> Option<(usize, &V)> {
        let first = tokens.get(i)?.as_ref();
        let max = (*self.first.get(first)?).min(tokens.len() - i);
        let mut best = self.map.get(first).map(|v| (1, v));
        if max > 1 {
            let mut key = String::with_capacity(32);
            key.push_str(first);
            for (k, t) in tokens[i + 1..i + max].iter().enumerate() {
                key.push(' ');
                key.push_str(t.as_ref());
                if let Some(v) = self.map.get(key.as_str()) {
                    best = Some((k + 2, v));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_index() {
        let mut ix = StrIndex::with_capacity(2);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ix.insert(w), i as u32);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ix.insert(w), i as u32);
            assert_eq!(ix.get(w), Some(i as u32));
            assert_eq!(ix.key(i as u32), w);
        }
        assert_eq!(ix.get("nope"), None);
        assert_eq!(ix.len(), 1000);
        assert_eq!(StrIndex::default().get("x"), None);
    }

    #[test]
    fn phrase_table() {
        let mut t = PhraseTable::default();
        t.insert("joint stock company", 1);
        t.insert("joint", 2);
        t.insert("public joint stock company", 3);
        let toks = ["public", "joint", "stock", "company", "x"];
        assert_eq!(t.match_at(&toks, 0), Some((4, &3)));
        assert_eq!(t.match_at(&toks, 1), Some((3, &1)));
        assert_eq!(t.match_at(&toks, 2), None);
        assert_eq!(t.match_at(&toks, 9), None);
        assert_eq!(t.match_at(&["joint", "venture"], 0), Some((1, &2)));
    }
}
