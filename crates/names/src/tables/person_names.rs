//! Cross-script synonym groups of given and family names.
//!
//! Source: `data/names/person_names.txt.gz` (rigour 2.6.1, built from Wikidata): 171,833
//! lines `form1, form2, ... => Qid`. Every form is folded with [`crate::fold`] and becomes a
//! key; a key maps to the groups it occurs in (a form can be in several: "hiroshi" is in one
//! group per kanji spelling). Added to these: the nickname groups (bob → robert) and the two
//! manual name groups (Gaddafi, Putin) of `symbols.json`.
//!
//! # Review
//!
//! The table is built from Wikidata labels and is not clean. A form is skipped when:
//!
//! * it is listed in `data/person_names_review.tsv` (made by
//!   `tools/review_person_names.py`): label leaks such as language names ("english",
//!   "yoruba", "multilingue"), descriptive phrases ("list of people with surname lowe"),
//!   and common English words attached to an unrelated name ("make" in the Michael group);
//! * it contains a digit ("albert dalton 1966-presta");
//! * it has more than four words (descriptions rather than names);
//! * its folded key has two characters or fewer (li, yu, de, 이 → i): such keys would tie
//!   unrelated names together and are better compared directly;
//! * it is written with Chinese characters, its pinyin matches no other form of the group,
//!   and it has at most two characters or the group has hiragana forms. The groups of
//!   Japanese and Korean names list kanji/hanja whose *Mandarin* reading has nothing to do
//!   with the name (博 → bo in a "hiroshi" group, 丁 → ding in a "jeong" group, 都築 →
//!   "du zhu" for Tsuzuki), and one or two syllables of pinyin are too generic to trust.
//!   Longer Chinese transliterations of other names (穆罕默德 for Muhammad) are kept;
//! * its key is a particle or a stopword (van, de, and, the, al, bin).
//!
//! [`PersonNames::stats`] reports how many forms each rule removed.

use std::io::Read;
use std::sync::{Condvar, Mutex, OnceLock};

use serde::Deserialize;

use super::{hash_str, FxMap, StrIndex};
use crate::tokens::Tokenizer;
use crate::words;

static PERSON_NAMES_GZ: &[u8] = include_bytes!("../../../../data/names/person_names.txt.gz");
static REVIEW_TSV: &str = include_str!("../../data/person_names_review.tsv");
static SYMBOLS_JSON: &str = include_str!("../../../../data/names/symbols.json");

/// How many forms each review rule removed while loading [`PersonNames`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReviewStats {
    /// Groups read from the file (before adding nicknames and manual groups).
    pub groups: usize,
    /// Forms read from the file.
    pub forms: usize,
    /// Distinct folded keys kept.
    pub keys: usize,
    /// (group, key) pairs kept.
    pub pairs: usize,
    /// Forms listed in `person_names_review.tsv`.
    pub dropped_review: usize,
    /// Forms containing a digit.
    pub dropped_digits: usize,
    /// Forms of more than four words.
    pub dropped_long: usize,
    /// Forms that fold to nothing (scripts without a transliteration).
    pub dropped_empty: usize,
    /// Forms whose key has at most two characters.
    pub dropped_short: usize,
    /// Chinese-character forms whose reading no other form of the group confirms (one or
    /// two characters, or any length in a group with hiragana).
    pub dropped_han: usize,
    /// Forms whose key is a particle or a stopword.
    pub dropped_reserved: usize,
    /// Groups left with fewer than two distinct keys (they can no longer link anything).
    pub groups_inert: usize,
    /// Nickname and manual groups added from `symbols.json`.
    pub extra_groups: usize,
}

/// Synonym groups of person names across scripts and spellings.
///
/// Keys are folded forms ([`crate::fold`]); a key with spaces is a multi-token form
/// ("abd al rahman", or a name in Chinese characters, one token per character).
///
/// # Examples
///
/// ```
/// use veto_names::{fold, PersonNames};
///
/// let names = PersonNames::get();
/// assert!(names.same_group("mohammed", "muhammad"));
/// assert!(names.same_group("bob", "robert"));
/// assert!(names.same_group(&fold("Горбачёв"), "gorbachev"));
/// assert!(!names.same_group("mohammed", "robert"));
///
/// let toks = ["abd", "al", "rahman", "khan"];
/// let (n, groups) = names.phrase_at(&toks, 0).expect("a multi-token form");
/// assert_eq!(n, 3);
/// assert!(!groups.is_empty());
/// ```
#[derive(Debug)]
pub struct PersonNames {
    keys: Sharded,
    /// `postings[offsets[k]..offsets[k + 1]]` are the groups of key `k`, sorted.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// Keys of each group: `(offsets, keys)`, built on first use of `group_forms`.
    members: OnceLock<(Vec<u32>, Vec<u32>)>,
    group_ids: Vec<Box<str>>,
    /// First token of each multi-token key → the most tokens such a key has.
    phrase_first: FxMap<Box<str>, usize>,
    stats: ReviewStats,
}

#[derive(Deserialize)]
struct SymbolsFile {
    person_name_parts: std::collections::BTreeMap<String, Vec<String>>,
    person_nick: std::collections::BTreeMap<String, Vec<String>>,
}

fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x323AF | 0xF900..=0xFAFF)
}

impl ReviewStats {
    fn add(&mut self, o: &ReviewStats) {
        self.groups += o.groups;
        self.forms += o.forms;
        self.dropped_review += o.dropped_review;
        self.dropped_digits += o.dropped_digits;
        self.dropped_long += o.dropped_long;
        self.dropped_empty += o.dropped_empty;
        self.dropped_short += o.dropped_short;
        self.dropped_han += o.dropped_han;
        self.dropped_reserved += o.dropped_reserved;
        self.groups_inert += o.groups_inert;
    }
}

impl PersonNames {
    /// The table, loaded on first use.
    pub fn get() -> &'static PersonNames {
        static T: OnceLock<PersonNames> = OnceLock::new();
        T.get_or_init(PersonNames::load)
    }

    fn load() -> PersonNames {
        Self::build_from(PERSON_NAMES_GZ)
    }

    /// Decompress and fold in a pipeline: the calling thread inflates the file and hands
    /// out pieces of whole lines; a worker folds pieces as they arrive, and the calling
    /// thread joins it once the file is inflated.
    fn build_from(gz: &[u8]) -> PersonNames {
        let review = review_table();
        let queue: Mutex<(Vec<(usize, String)>, bool)> = Mutex::new((Vec::new(), false));
        let ready = Condvar::new();
        let worker = |out: &mut Vec<(usize, Chunk)>| loop {
            let job = {
                let mut q = match queue.lock() {
                    Ok(q) => q,
                    Err(p) => p.into_inner(),
                };
                loop {
                    if let Some(j) = q.0.pop() {
                        break Some(j);
                    }
                    if q.1 {
                        break None;
                    }
                    q = match ready.wait(q) {
                        Ok(q) => q,
                        Err(p) => p.into_inner(),
                    };
                }
            };
            match job {
                Some((i, text)) => out.push((i, fold_chunk(&text, &review))),
                None => break,
            }
        };
        let mut chunks: Vec<(usize, Chunk)> = std::thread::scope(|s| {
            let h = s.spawn(|| {
                let mut out = Vec::new();
                worker(&mut out);
                out
            });
            let push = |i: usize, text: String| {
                if let Ok(mut q) = queue.lock() {
                    q.0.insert(0, (i, text));
                }
                ready.notify_one();
            };
            // The embedded file is fixed at compile time (and the tests load it); if it were
            // corrupt, the table would be short rather than crash the process.
            let mut dec = flate2::read::GzDecoder::new(gz);
            let mut buf: Vec<u8> = Vec::with_capacity(PIECE + READ);
            let mut n = 0;
            loop {
                // Inflate straight into the piece buffer (no intermediate copy).
                let len = buf.len();
                buf.resize(len + READ, 0);
                let got = dec.read(&mut buf[len..]).unwrap_or(0);
                buf.truncate(len + got);
                let done = got == 0;
                if buf.len() >= PIECE || (done && !buf.is_empty()) {
                    let cut = if done {
                        buf.len()
                    } else {
                        match buf.iter().rposition(|&b| b == b'\n') {
                            Some(p) => p + 1,
                            None => continue,
                        }
                    };
                    let mut rest = Vec::with_capacity(PIECE + READ);
                    rest.extend_from_slice(&buf[cut..]);
                    buf.truncate(cut);
                    let piece = std::mem::replace(&mut buf, rest);
                    let text = String::from_utf8(piece)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    push(n, text);
                    n += 1;
                }
                if done {
                    break;
                }
            }
            if let Ok(mut q) = queue.lock() {
                q.1 = true;
            }
            ready.notify_all();
            let mut mine = Vec::new();
            worker(&mut mine);
            let mut theirs = h.join().unwrap_or_default();
            mine.append(&mut theirs);
            mine
        });
        chunks.sort_by_key(|c| c.0);
        Self::assemble(chunks.into_iter().map(|c| c.1).collect())
    }

    /// Build from uncompressed text (tests).
    #[cfg(test)]
    fn build(text: &str) -> PersonNames {
        let review = review_table();
        Self::assemble(vec![fold_chunk(text, &review)])
    }

    fn assemble(mut parts: Vec<Chunk>) -> PersonNames {
        let mut stats = ReviewStats::default();
        for p in &parts {
            stats.add(&p.stats);
        }
        parts.push(extra_chunk(&mut stats));
        let mut group_ids: Vec<Box<str>> = Vec::with_capacity(172_000);
        let mut bases = Vec::with_capacity(parts.len());
        for p in &mut parts {
            bases.push(group_ids.len() as u32);
            group_ids.append(&mut p.group_ids);
        }
        // Insert the keys shard by shard (shards by the top bits of the key hash, filled by
        // `fold_chunk`): each shard's table is small enough to stay in cache, and the two
        // threads take alternate shards. Within a shard, entries come in file order, so the
        // groups of each key come out sorted.
        let chunks: Vec<(&Chunk, u32)> = parts.iter().zip(bases.iter().copied()).collect();
        let build_shard = |sh: usize| {
            let n: usize = chunks.iter().map(|(c, _)| c.buckets[sh].len()).sum();
            let mut ix = StrIndex::with_capacity(n);
            let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(n);
            for &(chunk, base) in &chunks {
                for &(h, g, s, e) in &chunk.buckets[sh] {
                    let key = &chunk.arena[s as usize..e as usize];
                    pairs.push((ix.insert_hashed(key, h), base + g));
                }
            }
            (ix, pairs)
        };
        let run = |t: usize| -> Vec<BuiltShard> {
            (t..SHARDS)
                .step_by(2)
                .map(|sh| {
                    let (ix, p) = build_shard(sh);
                    (sh, ix, p)
                })
                .collect()
        };
        let mut built = std::thread::scope(|s| {
            let h = s.spawn(|| run(1));
            let mut a = run(0);
            let mut b = h.join().unwrap_or_else(|_| run(1));
            a.append(&mut b);
            a
        });
        built.sort_by_key(|b| b.0);
        let mut shard_ixs = Vec::with_capacity(SHARDS);
        let mut shard_bases = Vec::with_capacity(SHARDS);
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(built.iter().map(|b| b.2.len()).sum());
        let mut next = 0u32;
        for (_, ix, p) in built {
            shard_bases.push(next);
            pairs.extend(p.into_iter().map(|(k, g)| (k + next, g)));
            next += ix.len() as u32;
            shard_ixs.push(ix);
        }
        let keys = Sharded { shards: shard_ixs, bases: shard_bases };

        let nkeys = keys.len();
        let (offsets, mut postings) = invert(&pairs, nkeys, |p| p.0, |p| p.1);
        for k in 0..nkeys {
            let s = &mut postings[offsets[k] as usize..offsets[k + 1] as usize];
            s.sort_unstable();
        }
        // Dedupe postings per key (the same form folded twice in one group).
        let (offsets, postings) = dedupe(&offsets, &postings);

        let mut phrase_first: FxMap<Box<str>, usize> = FxMap::default();
        for k in 0..nkeys as u32 {
            let key = keys.key(k);
            if let Some((first, _)) = key.split_once(' ') {
                let n = key.split(' ').count();
                let e = phrase_first.entry(first.into()).or_insert(0);
                *e = (*e).max(n);
            }
        }
        stats.keys = nkeys;
        stats.pairs = postings.len();
        PersonNames {
            keys,
            offsets,
            postings,
            members: OnceLock::new(),
            group_ids,
            phrase_first,
            stats,
        }
    }

    /// The groups a folded form belongs to (empty if none). A multi-token form is looked up
    /// with its tokens joined by single spaces, as [`crate::fold`] writes it.
    pub fn groups(&self, folded: &str) -> &[u32] {
        match self.keys.get(folded) {
            Some(k) => {
                let k = k as usize;
                &self.postings[self.offsets[k] as usize..self.offsets[k + 1] as usize]
            }
            None => &[],
        }
    }

    /// Whether two folded forms share a group ("mohammed" and "muhammad", "bob" and
    /// "robert"). A form is not in the same group as itself unless it is in the table.
    pub fn same_group(&self, a: &str, b: &str) -> bool {
        let (x, y) = (self.groups(a), self.groups(b));
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The longest form (one or more tokens) starting at `tokens[i]`: the number of tokens
    /// it covers and its groups.
    pub fn phrase_at<T: AsRef<str>>(&self, tokens: &[T], i: usize) -> Option<(usize, &[u32])> {
        let first = tokens.get(i)?.as_ref();
        let mut best = match self.groups(first) {
            [] => None,
            g => Some((1, g)),
        };
        if let Some(&max) = self.phrase_first.get(first) {
            let max = max.min(tokens.len() - i);
            let mut key = String::with_capacity(32);
            key.push_str(first);
            for (k, t) in tokens[i + 1..i + max].iter().enumerate() {
                key.push(' ');
                key.push_str(t.as_ref());
                let g = self.groups(&key);
                if !g.is_empty() {
                    best = Some((k + 2, g));
                }
            }
        }
        best
    }

    /// Whether a folded token starts some multi-token form (cheap pre-check for
    /// [`PersonNames::phrase_at`]).
    pub fn starts_phrase(&self, token: &str) -> bool {
        self.phrase_first.contains_key(token)
    }

    /// The source id of a group: a Wikidata item ("Q19692506"), a manual id of rigour
    /// ("X12"), or "nick:BOB" / "part:PUTIN" for the groups from `symbols.json`.
    pub fn group_id(&self, group: u32) -> Option<&str> {
        self.group_ids.get(group as usize).map(|s| &**s)
    }

    /// The folded forms of a group.
    pub fn group_forms(&self, group: u32) -> impl Iterator<Item = &str> + '_ {
        let g = group as usize;
        let (moffsets, members) = self.members.get_or_init(|| {
            let nkeys = self.offsets.len().saturating_sub(1);
            let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(self.postings.len());
            for k in 0..nkeys {
                for &g in &self.postings[self.offsets[k] as usize..self.offsets[k + 1] as usize] {
                    pairs.push((g, k as u32));
                }
            }
            invert(&pairs, self.group_ids.len(), |p| p.0, |p| p.1)
        });
        let range = match (moffsets.get(g), moffsets.get(g + 1)) {
            (Some(&s), Some(&e)) => s as usize..e as usize,
            _ => 0..0,
        };
        members[range].iter().map(move |&k| self.keys.key(k))
    }

    /// The number of groups.
    pub fn group_count(&self) -> usize {
        self.group_ids.len()
    }

    /// The number of distinct folded forms.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// What the review removed while loading.
    pub fn stats(&self) -> ReviewStats {
        self.stats
    }
}

/// Bytes of decompressed text handed to a folding thread at a time.
const PIECE: usize = 512 * 1024;

/// Bytes inflated per read.
const READ: usize = 64 * 1024;

fn review_table() -> FxMap<&'static str, Vec<&'static str>> {
    let mut review: FxMap<&str, Vec<&str>> = FxMap::default();
    for line in REVIEW_TSV.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        if let (Some(q), Some(form)) = (f.next(), f.next()) {
            review.entry(q).or_default().push(form);
        }
    }
    review
}

/// A shard's number, key index and (local key, group) pairs.
type BuiltShard = (usize, StrIndex, Vec<(u32, u32)>);

/// Number of key shards (a power of two): about 12k keys each.
const SHARDS: usize = 32;

fn shard_of(h: u64) -> usize {
    (h >> (64 - SHARDS.trailing_zeros())) as usize
}

/// The key index in shards by the top bits of the key's hash, built in parallel. Shard
/// `i`'s key numbers start at `bases[i]`.
#[derive(Debug)]
struct Sharded {
    shards: Vec<StrIndex>,
    bases: Vec<u32>,
}

impl Sharded {
    fn get(&self, s: &str) -> Option<u32> {
        let h = hash_str(s);
        let sh = shard_of(h);
        let local = self.shards.get(sh)?.get_hashed(s, h)?;
        Some(self.bases[sh] + local)
    }

    fn key(&self, k: u32) -> &str {
        let sh = self.bases.partition_point(|&b| b <= k).saturating_sub(1);
        match (self.shards.get(sh), self.bases.get(sh)) {
            (Some(ix), Some(&base)) => ix.key(k - base),
            _ => "",
        }
    }

    fn len(&self) -> usize {
        self.shards.iter().map(StrIndex::len).sum()
    }
}

/// The nickname groups and the manual cross-script groups of `symbols.json`.
fn extra_chunk(stats: &mut ReviewStats) -> Chunk {
    let mut c = Chunk {
        group_ids: vec![],
        arena: String::new(),
        buckets: vec![Vec::new(); SHARDS],
        stats: ReviewStats::default(),
    };
    let Ok(sym) = serde_json::from_str::<SymbolsFile>(SYMBOLS_JSON) else {
        return c;
    };
    let mut tok = Tokenizer::new();
    let mut folded = String::new();
    let extra = sym
        .person_nick
        .iter()
        .map(|(k, v)| (format!("nick:{k}"), k, v))
        .chain(sym.person_name_parts.iter().map(|(k, v)| (format!("part:{k}"), k, v)));
    for (id, key, forms) in extra {
        let g = c.group_ids.len() as u32;
        c.group_ids.push(id.into());
        stats.extra_groups += 1;
        // {"MAX": ["Maximilian"]}: the key is the nickname itself.
        let own = if forms.len() == 1 { Some(key) } else { None };
        for f in forms.iter().chain(own) {
            tok.fold_into(f, &mut folded);
            if folded.len() > 2 {
                let s = c.arena.len() as u32;
                c.arena.push_str(&folded);
                let h = hash_str(&folded);
                c.buckets[shard_of(h)].push((h, g, s, c.arena.len() as u32));
            }
        }
    }
    c
}

/// Folded keys of a part of the file, with group numbers relative to the part.
struct Chunk {
    group_ids: Vec<Box<str>>,
    arena: String,
    /// Per shard: (hash, group, start, end): the key `arena[start..end]` belongs to the group.
    buckets: Vec<Vec<(u64, u32, u32, u32)>>,
    stats: ReviewStats,
}

/// Fold and review the groups of `text` (whole lines).
fn fold_chunk(text: &str, review: &FxMap<&str, Vec<&str>>) -> Chunk {
    let mut c = Chunk {
        group_ids: Vec::with_capacity(90_000),
        arena: String::with_capacity(text.len()),
        buckets: (0..SHARDS).map(|_| Vec::with_capacity(text.len() / 20 / SHARDS)).collect(),
        stats: ReviewStats::default(),
    };
    let stats = &mut c.stats;
    let mut tok = Tokenizer::new();
    // Keys of the current group: (start, end in arena, Han characters in the form).
    let mut cand: Vec<(u32, u32, usize)> = Vec::with_capacity(128);
    let mut compact_a = String::new();
    let mut compact_b = String::new();
    let mut folded = String::new();
    for line in text.lines() {
        let Some((forms, qid)) = line.rsplit_once(" => ") else {
            continue;
        };
        let qid = qid.trim();
        let g = c.group_ids.len() as u32;
        c.group_ids.push(qid.into());
        stats.groups += 1;
        let skip = review.get(qid);
        cand.clear();
        // A group with hiragana is a Japanese name: its Chinese characters are kanji, whose
        // Mandarin reading says nothing about the name.
        let jp = !forms.is_ascii() && forms.chars().any(is_hiragana);
        let group_start = c.arena.len();
        for form in forms.split(", ") {
            let form =
                if form.starts_with(' ') || form.ends_with(' ') { form.trim() } else { form };
            stats.forms += 1;
            if skip.is_some_and(|s| s.contains(&form)) {
                stats.dropped_review += 1;
                continue;
            }
            if form.bytes().any(|b| b.is_ascii_digit()) {
                stats.dropped_digits += 1;
                continue;
            }
            if form.bytes().filter(|&b| b == b' ' || b == b'-').count() >= 4
                && form.split([' ', '-']).filter(|w| !w.is_empty()).count() > 4
            {
                stats.dropped_long += 1;
                continue;
            }
            if form.bytes().all(|b| b.is_ascii_lowercase()) {
                // Already folded (a third of the forms).
                folded.clear();
                folded.push_str(form);
            } else {
                tok.fold_into(form, &mut folded);
            }
            if folded.is_empty() {
                stats.dropped_empty += 1;
                continue;
            }
            if folded.len() - folded.bytes().filter(|&b| b == b' ').count() <= 2 {
                stats.dropped_short += 1;
                continue;
            }
            if folded.len() <= 6
                && !folded.contains(' ')
                && (words::is_particle(&folded) || words::is_stopword(&folded))
            {
                stats.dropped_reserved += 1;
                continue;
            }
            let han =
                if form.is_ascii() { 0 } else { form.chars().filter(|&ch| is_han(ch)).count() };
            // Within a group, a key folded twice (gorbachev, gorbachëv) is kept once.
            // A non-Han twin confirms a Han form's reading (王 and wang).
            if let Some(d) =
                cand.iter_mut().find(|(s, e, _)| c.arena[*s as usize..*e as usize] == *folded)
            {
                if han == 0 {
                    d.2 = 0;
                }
                continue;
            }
            let s = c.arena.len() as u32;
            c.arena.push_str(&folded);
            cand.push((s, c.arena.len() as u32, han));
        }
        let mut kept = 0;
        for i in 0..cand.len() {
            let (s, e, han) = cand[i];
            if han > 0 && (han <= 2 || jp) {
                compact_a.clear();
                compact_a.extend(c.arena[s as usize..e as usize].split(' '));
                let confirmed = cand.iter().any(|&(s2, e2, h2)| {
                    h2 == 0 && {
                        compact_b.clear();
                        compact_b.extend(c.arena[s2 as usize..e2 as usize].split(' '));
                        compact_a == compact_b
                    }
                });
                if !confirmed {
                    stats.dropped_han += 1;
                    continue;
                }
            }
            let h = hash_str(&c.arena[s as usize..e as usize]);
            c.buckets[shard_of(h)].push((h, g, s, e));
            kept += 1;
        }
        if kept < 2 {
            stats.groups_inert += 1;
        }
        if kept == 0 {
            c.arena.truncate(group_start);
        }
    }
    c
}

/// Group `pairs` by `key(p)` (in `0..n`) with a counting sort: returns offsets (n + 1) and
/// the values in key order.
fn invert<P>(
    pairs: &[P],
    n: usize,
    key: impl Fn(&P) -> u32,
    val: impl Fn(&P) -> u32,
) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; n + 1];
    for p in pairs {
        offsets[key(p) as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut vals = vec![0u32; pairs.len()];
    for p in pairs {
        let k = key(p) as usize;
        vals[fill[k] as usize] = val(p);
        fill[k] += 1;
    }
    (offsets, vals)
}

fn dedupe(offsets: &[u32], vals: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut o = Vec::with_capacity(offsets.len());
    let mut v = Vec::with_capacity(vals.len());
    o.push(0);
    for w in offsets.windows(2) {
        let s = &vals[w[0] as usize..w[1] as usize];
        for (i, &x) in s.iter().enumerate() {
            if i == 0 || s[i - 1] != x {
                v.push(x);
            }
        }
        o.push(v.len() as u32);
    }
    (o, v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    #[test]
    fn loads_and_reviews() {
        let n = PersonNames::get();
        let s = n.stats();
        assert_eq!(s.groups, 171_833);
        assert_eq!(s.forms, 682_525);
        assert!(s.dropped_review > 300, "{s:?}");
        assert!(s.dropped_han > 1000, "{s:?}");
        assert!(s.dropped_short > 1000, "{s:?}");
        assert!(s.keys > 350_000, "{s:?}");
        assert_eq!(n.group_count(), s.groups + s.extra_groups);
    }

    macro_rules! same {
        ($a:expr, $b:expr) => {
            assert!(PersonNames::get().same_group(&fold($a), &fold($b)), "{} ~ {}", $a, $b)
        };
    }
    macro_rules! differ {
        ($a:expr, $b:expr) => {
            assert!(!PersonNames::get().same_group(&fold($a), &fold($b)), "{} !~ {}", $a, $b)
        };
    }

    #[test]
    fn synonyms() {
        same!("Mohammed", "Muhammad");
        same!("mohammed", "محمد");
        same!("Mikhail", "Михаил");
        same!("Gorbachev", "Горбачёв");
        same!("Gorbachev", "Gorbatschow");
        same!("Bob", "Robert");
        same!("Max", "Maximilian");
        same!("Gaddafi", "القذافي");
        same!("Putin", "Путин");
        same!("Putin", "プーチン");
        same!("hiroshi", "ひろし");
        same!("jeong", "jung");
        same!("Muhammad", "穆罕默德");
        differ!("olawande", "yoruba");
        differ!("jung", "ding");
        differ!("hiroshi", "bo");
        differ!("John", "Robert");
        differ!("", "");
    }

    #[test]
    fn lookups() {
        let n = PersonNames::get();
        assert!(n.groups("").is_empty());
        assert!(n.groups("zzzzqqq").is_empty());
        assert!(n.groups("li").is_empty(), "two-letter keys are dropped");
        assert!(n.groups("van").is_empty(), "particles are dropped");
        let g = n.groups("mohammed");
        assert!(!g.is_empty());
        assert!(g.windows(2).all(|w| w[0] < w[1]), "sorted and deduplicated");
        let id = n.group_id(g[0]).unwrap_or("");
        assert!(id.starts_with('Q') || id.starts_with('X') || id.contains(':'));
        assert!(n.group_forms(g[0]).any(|f| f == "mohammed"));
        assert_eq!(n.group_forms(u32::MAX).count(), 0);
        assert!(n.starts_phrase("abd"));
        assert_eq!(n.phrase_at(&["abd", "al", "rahman"], 0).map(|x| x.0), Some(3));
        assert_eq!(n.phrase_at(&["qqqq", "al"], 0), None);
        assert_eq!(n.phrase_at(&["abd"], 5), None);
    }

    #[test]
    fn build_small() {
        let t = "mohammed, muhammad, محمد, 穆罕默德 => Q1\nli, 李, lee => Q2\n博, hiroshi, ひろし => Q3\n\
                 putin, 普京 => Q4\nyamada, やまだ, 山田 => Q5\nzhang, 張 => Q6\n\
                 takahashi, たかはし, 高橋 => Q7\nkonosuke, こうのすけ, 幸之助 => Q8\nbad line\n";
        let n = PersonNames::build(t);
        assert!(n.same_group("mohammed", "mhmd"));
        assert!(n.groups("li").is_empty());
        assert!(n.groups("bo").is_empty());
        assert!(n.same_group("hiroshi", "hiroshi"));
        // Two unconfirmed characters are dropped from Q4; symbols.json lists 普京 for Putin.
        let g: Vec<&str> = n.groups("pu jing").iter().filter_map(|&g| n.group_id(g)).collect();
        assert_eq!(g, ["part:PUTIN"]);
        assert!(n.groups("shan tian").is_empty(), "kanji of a Japanese group dropped");
        assert!(n.same_group("zhang", "zhang"));
        assert!(n.same_group("muhammad", "mu han mo de"));
        assert!(n.groups("xing zhi zhu").is_empty(), "kanji of a group with hiragana dropped");
        assert!(n.same_group("konosuke", "konosuke"));
        assert_eq!(n.stats().groups, 8);
    }
}
