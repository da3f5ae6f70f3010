//! The candidate index over every name of every loaded entity.
//!
//! Scoring every name of the corpus for every query (the naive method) costs
//! 40,000+ string alignments per query. The index answers instead: which
//! names share at least one token *like* a query token? "Like" is what makes
//! it hard: a query may have every token misspelt or transliterated
//! differently from the list, and the true match must still come back. For
//! each distinct list token (the *vocabulary*) the index keeps four ways in:
//!
//! 1. the exact token;
//! 2. its **deletion neighbourhood** (the token with one character deleted,
//!    as in SymSpell): a query token reaches every vocabulary token within
//!    one typo (insertion, deletion, substitution, adjacent swap) by looking
//!    up its own one-deletion variants;
//! 3. its **consonant skeleton** ([`crate::sim::skeleton`]), which unites
//!    transliterations (Wladimir/Vladimir, Mohammed/Muhammad/محمد);
//! 4. its **name-synonym groups** (Wikidata given and family names across
//!    languages and scripts: Giuseppe/Joseph, Юрий/Yuri/George).
//!
//! Each way in yields vocabulary tokens, which are checked with
//! [`crate::sim::token_sim`] and kept above a floor; their postings (the
//! names containing them) are accumulated, weighted by rarity, into a score
//! estimate per name, and the best names go on to full scoring. Joined and
//! split tokens (`ABDULRAHMAN` / `ABDUL RAHMAN`) are looked up as the
//! concatenation of adjacent query tokens and as splits of one query token.

use rayon::prelude::*;
use veto_model::{Entity, Kind, NameRole};

use crate::analyze::{analyze, Analyzed, TokClass};
use crate::hash::FxMap;
use crate::names;
use crate::sim::{deletion_hashes, skeleton, token_hash, token_sim};

/// The floor under which a token pair does not count as similar at all.
pub const TOKEN_FLOOR: f32 = 0.72;

/// The floor for joined/split token matches (spelling similarity).
pub const JOINED_FLOOR: f32 = 0.9;

/// One indexed name.
#[derive(Clone, Debug)]
pub struct NameEntry {
    /// Index of the entity in the slice the index was built from.
    pub entity: u32,
    /// Index of the name in the entity's `names`.
    pub name: u16,
    /// The name's role.
    pub role: NameRole,
    /// Vocabulary ids of its content tokens, in order.
    pub toks: Box<[u32]>,
    /// Their classes.
    pub classes: Box<[TokClass]>,
    /// Legal forms (canonical) and their generic classes.
    pub legal: Box<[(Box<str>, Box<str>)]>,
    /// Weight of each token (rarity × class factor).
    pub weights: Box<[f32]>,
    /// Sum of its tokens' weights.
    pub weight_sum: f32,
    /// Whether the name is written in an abjad (Arabic, Hebrew script): its
    /// tokens then lack the short vowels.
    pub abjad: bool,
}

/// How much a candidate name's own unmatched weight counts when ranking
/// candidates (see the matcher's score).
const CAND_ALPHA: f32 = 0.3;

/// The vocabulary: every distinct token of the indexed names.
#[derive(Debug, Default)]
pub struct Vocab {
    strings: Vec<Box<str>>,
    ids: crate::FxMap<Box<str>, u32>,
    /// Number of names containing each token.
    df: Vec<u32>,
}

impl Vocab {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.into());
        self.ids.insert(s.into(), id);
        self.df.push(0);
        id
    }

    /// The id of a token, if it is in the vocabulary.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The list word that `written`, a word in Cyrillic declined by Russian
    /// (Сбербанка, Абрамовичем), is a case of, in the default romanization
    /// ([`veto_names::inflect::nominatives_of`]; `listed`: whether the word
    /// as written is a list word itself).
    pub fn nominative(&self, written: &str, listed: bool) -> Option<u32> {
        veto_names::inflect::nominatives_of(written, listed)
            .into_iter()
            .find_map(|n| self.id(&veto_names::fold(&n)))
    }

    /// The text of a token.
    pub fn text(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

/// A query token with its weight and its similar vocabulary tokens.
#[derive(Clone, Debug)]
pub struct QueryTok {
    /// Folded text.
    pub text: String,
    /// Class.
    pub class: TokClass,
    /// Weight (rarity × class factor).
    pub weight: f32,
    /// Similar vocabulary tokens, with similarity, best first.
    pub neighbors: Vec<(u32, f32)>,
    /// Its name-synonym groups.
    pub groups: Vec<u32>,
    /// Whether it was read from an abjad (Arabic, Hebrew script), where
    /// short vowels are not written.
    pub abjad: bool,
}

/// A query token pair (adjacent in the query) that matches one vocabulary
/// token when joined, or a query token that matches two vocabulary tokens
/// when split.
#[derive(Clone, Debug)]
pub enum Composite {
    /// Query tokens `i` and `i + 1` joined match `vocab` with `sim`.
    Joined {
        /// First query token.
        i: usize,
        /// Vocabulary token.
        vocab: u32,
        /// Similarity.
        sim: f32,
    },
    /// Query token `i` matches the vocabulary tokens `a` then `b`.
    Split {
        /// Query token.
        i: usize,
        /// First part.
        a: u32,
        /// Second part.
        b: u32,
    },
}

/// A query, analysed and looked up in the vocabulary.
#[derive(Clone, Debug, Default)]
pub struct PreparedQuery {
    /// The analysis.
    pub analyzed: Analyzed,
    /// Tokens with weights and neighbours.
    pub toks: Vec<QueryTok>,
    /// Joined/split matches.
    pub composites: Vec<Composite>,
}

/// The index.
#[derive(Debug, Default)]
pub struct Index {
    /// The vocabulary.
    pub vocab: Vocab,
    /// Every indexed name.
    pub names: Vec<NameEntry>,
    /// Kind of each entity.
    pub kinds: Vec<Kind>,
    /// For each entity, the range of its names in `names`.
    pub entity_names: Vec<(u32, u32)>,
    post_off: Vec<u32>,
    post: Vec<u32>,
    /// Hash of each vocabulary token and of each of its one-deletion
    /// variants → the tokens.
    deletes: FxMap<u64, Vec<u32>>,
    /// Rarity weight of each vocabulary token.
    weights: Vec<f32>,
    /// For each vocabulary token, its similar vocabulary tokens (computed
    /// once at build time: queries mostly use listed words).
    vocab_neighbors: Vec<Box<[(u32, f32)]>>,
    skeletons: FxMap<u64, Vec<u32>>,
    /// Two-consonant skeletons, used only for abjad queries.
    skeletons2: FxMap<u64, Vec<u32>>,
    groups: FxMap<u32, Vec<u32>>,
    ln_n: f32,
    /// Tells this index's entries in the per-thread memo from another's.
    uid: u64,
}

/// Similar vocabulary tokens, with their similarity.
type Neighbors = Box<[(u32, f32)]>;

/// Per-thread memo of similarities computed for tokens outside the
/// vocabulary: a scanner or a batch meets the same misspelling many times.
#[derive(Default)]
struct Memo {
    uid: u64,
    /// Neighbours of out-of-vocabulary tokens, read plainly and from an abjad.
    neighbors: [FxMap<Box<str>, Neighbors>; 2],
    /// `pair_sim` by query token, then vocabulary token.
    pairs: FxMap<Box<str>, FxMap<u32, f32>>,
    pair_count: usize,
    /// Two adjacent query tokens written as one word → the vocabulary
    /// tokens spelt like it (see [`Index::joined`]).
    joined: FxMap<Box<str>, Neighbors>,
}

/// The memo is emptied when it holds more entries than this.
const MEMO_LIMIT: usize = 200_000;

impl Memo {
    fn for_index(&mut self, uid: u64) -> &mut Memo {
        let full = self.neighbors.iter().map(|m| m.len()).sum::<usize>()
            + self.pair_count
            + self.joined.len();
        if self.uid != uid || full > MEMO_LIMIT {
            *self = Memo { uid, ..Memo::default() };
        }
        self
    }
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Source of [`Index`] uids.
static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Whether a word's neighbours are only looked up (the word itself and its
/// name groups), never searched for by spelling: a word with a digit.
fn looked_up_only(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

impl Index {
    /// Builds the index over `entities` (all their names).
    pub fn build(entities: &[Entity]) -> Index {
        names::preload();
        let analyzed: Vec<Vec<Analyzed>> = entities
            .par_iter()
            .map(|e| e.names.iter().map(|n| analyze(&n.full, Some(e.kind))).collect())
            .collect();
        let mut ix = Index {
            kinds: entities.iter().map(|e| e.kind).collect(),
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Index::default()
        };
        for (ei, (e, names)) in entities.iter().zip(analyzed).enumerate() {
            let start = ix.names.len() as u32;
            for (ni, a) in names.into_iter().enumerate() {
                if a.tokens.is_empty() {
                    continue;
                }
                let toks: Box<[u32]> = a.tokens.iter().map(|t| ix.vocab.intern(&t.text)).collect();
                ix.names.push(NameEntry {
                    entity: ei as u32,
                    name: ni.min(u16::MAX as usize) as u16,
                    role: e.names[ni].role,
                    abjad: is_abjad(&e.names[ni].full),
                    toks,
                    classes: a.tokens.iter().map(|t| t.class).collect(),
                    weight_sum: 0.0,
                    weights: Box::new([]),
                    legal: a
                        .legal_forms
                        .iter()
                        .zip(&a.legal_classes)
                        .map(|(f, c)| (f.as_str().into(), c.as_str().into()))
                        .collect(),
                });
            }
            ix.entity_names.push((start, ix.names.len() as u32));
        }
        // Postings in CSR form, names in increasing order, one entry per
        // (token, name).
        let nv = ix.vocab.len();
        let mut counts = vec![0u32; nv + 1];
        let mut seen: Vec<u32> = Vec::new();
        for n in &ix.names {
            seen.clear();
            seen.extend_from_slice(&n.toks);
            seen.sort_unstable();
            seen.dedup();
            for &t in &seen {
                counts[t as usize] += 1;
            }
        }
        ix.vocab.df = counts[..nv].to_vec();
        let mut off = vec![0u32; nv + 1];
        for v in 0..nv {
            off[v + 1] = off[v] + counts[v];
        }
        let mut fill = off.clone();
        let mut post = vec![0u32; off[nv] as usize];
        for (id, n) in ix.names.iter().enumerate() {
            seen.clear();
            seen.extend_from_slice(&n.toks);
            seen.sort_unstable();
            seen.dedup();
            for &t in &seen {
                post[fill[t as usize] as usize] = id as u32;
                fill[t as usize] += 1;
            }
        }
        ix.post_off = off;
        ix.post = post;
        // Ways in: deletions, skeletons, synonym groups.
        let per_token: Vec<(Vec<u64>, u64, Vec<u32>)> = ix
            .vocab
            .strings
            .par_iter()
            .map(|s| {
                let mut dels = vec![token_hash(s.as_bytes())];
                if s.len() >= 3 && !s.bytes().any(|b| b.is_ascii_digit()) {
                    dels.extend(deletion_hashes(s));
                }
                let sk = skeleton(s);
                // Skeletons count from three consonants (see sim.rs), and
                // from two for abjad queries.
                let skh = if sk.len() >= 2 { token_hash(sk.as_bytes()) } else { 0 };
                (dels, skh, names::groups(s).to_vec())
            })
            .collect();
        for (v, (dels, skh, groups)) in per_token.into_iter().enumerate() {
            let v = v as u32;
            for d in dels {
                ix.deletes.entry(d).or_default().push(v);
            }
            if skh != 0 {
                let long = skeleton(ix.vocab.text(v)).len() >= 3;
                let map = if long { &mut ix.skeletons } else { &mut ix.skeletons2 };
                map.entry(skh).or_default().push(v);
            }
            for g in groups {
                ix.groups.entry(g).or_default().push(v);
            }
        }
        ix.ln_n = ((ix.names.len() as f32) + 1.0).ln().max(1.0);
        let lists: Vec<Box<[(u32, f32)]>> = (0..nv as u32)
            .into_par_iter()
            .map(|v| ix.compute_neighbors(ix.vocab.text(v), false).into_boxed_slice())
            .collect();
        ix.vocab_neighbors = lists;
        ix.weights = (0..nv as u32).map(|v| ix.rarity_of_df(ix.vocab.df[v as usize])).collect();
        let weights: Vec<Box<[f32]>> = ix
            .names
            .iter()
            .map(|n| {
                n.toks
                    .iter()
                    .zip(n.classes.iter())
                    .map(|(&t, c)| ix.weights[t as usize] * c.factor())
                    .collect()
            })
            .collect();
        for (n, w) in ix.names.iter_mut().zip(weights) {
            n.weight_sum = w.iter().sum();
            n.weights = w;
        }
        ix
    }

    /// The names containing vocabulary token `v`.
    pub fn postings(&self, v: u32) -> &[u32] {
        let (a, b) = (self.post_off[v as usize] as usize, self.post_off[v as usize + 1] as usize);
        &self.post[a..b]
    }

    /// The rarity weight of a token in [0.1, 1]: its inverse document
    /// frequency over the indexed names, relative to the rarest possible.
    /// Tokens not in the vocabulary are as rare as can be.
    pub fn rarity(&self, text: &str) -> f32 {
        match self.vocab.id(text) {
            Some(v) => self.weights.get(v as usize).copied().unwrap_or(1.0),
            None => self.rarity_of_df(0),
        }
    }

    /// The rarity weight of vocabulary token `v`.
    pub fn weight(&self, v: u32) -> f32 {
        self.weights[v as usize]
    }

    fn rarity_of_df(&self, df: u32) -> f32 {
        let n = self.names.len() as f32;
        ((1.0 + n / (df as f32 + 1.0)).ln() / self.ln_n).clamp(0.1, 1.0)
    }

    /// Similar vocabulary tokens of `text`, with their similarity, best
    /// first, above [`TOKEN_FLOOR`].
    pub fn neighbors(&self, text: &str) -> Vec<(u32, f32)> {
        self.neighbors_in(text, false)
    }

    /// [`Index::neighbors`], for a token read from an abjad when `abjad`.
    pub fn neighbors_in(&self, text: &str, abjad: bool) -> Vec<(u32, f32)> {
        if !abjad {
            if let Some(list) =
                self.vocab.id(text).and_then(|v| self.vocab_neighbors.get(v as usize))
            {
                return list.to_vec();
            }
        }
        // An account number or a reference is cheap to look up and rarely
        // comes again: remembering it would only crowd the memo.
        if looked_up_only(text) {
            return self.compute_neighbors(text, abjad);
        }
        let slot = usize::from(abjad);
        let known = MEMO.with(|m| {
            m.borrow_mut().for_index(self.uid).neighbors[slot].get(text).map(|l| l.to_vec())
        });
        if let Some(list) = known {
            return list;
        }
        let list = self.compute_neighbors(text, abjad);
        MEMO.with(|m| {
            m.borrow_mut().for_index(self.uid).neighbors[slot]
                .insert(text.into(), list.clone().into_boxed_slice())
        });
        list
    }

    fn compute_neighbors(&self, text: &str, abjad: bool) -> Vec<(u32, f32)> {
        let mut cand: Vec<u32> = Vec::new();
        if let Some(v) = self.vocab.id(text) {
            cand.push(v);
        }
        if !looked_up_only(text) && text.len() >= 2 {
            self.extend_one_edit(text, &mut cand);
            let mut by_skeleton = |sk: &str| {
                let map = if sk.len() >= 3 {
                    &self.skeletons
                } else if abjad && sk.len() == 2 {
                    &self.skeletons2
                } else {
                    return;
                };
                if let Some(vs) = map.get(&token_hash(sk.as_bytes())) {
                    cand.extend_from_slice(vs);
                }
            };
            by_skeleton(&skeleton(text));
            // Letters whose Latin spelling depends on the language
            // (ث th/s, ظ z/d, ق q/g): their other readings' skeletons.
            if abjad {
                for r in crate::sim::abjad_readings(text) {
                    by_skeleton(&skeleton(&r));
                }
            }
        }
        let groups = names::groups(text);
        for g in groups {
            if let Some(vs) = self.groups.get(g) {
                cand.extend_from_slice(vs);
            }
        }
        cand.sort_unstable();
        cand.dedup();
        let mut out: Vec<(u32, f32)> = cand
            .into_iter()
            .filter_map(|v| {
                let mut s = self.pair_sim_uncached(text, groups, v);
                if abjad && s < TOKEN_FLOOR {
                    s = s.max(crate::sim::abjad_sim(text, self.vocab.text(v)));
                }
                (s >= TOKEN_FLOOR).then_some((v, s))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// The vocabulary tokens spelt like `joined` (two query tokens written
    /// as one), with their similarity, memoized per thread: the same pairs
    /// recur from query to query (a scanner's overlapping spans). Joined
    /// forms are matched by spelling alone (a skeleton of two words'
    /// consonants says too little): the exact form and its one-edit
    /// neighbourhood.
    fn joined(&self, joined: &str) -> Neighbors {
        let known = MEMO.with(|m| m.borrow_mut().for_index(self.uid).joined.get(joined).cloned());
        if let Some(list) = known {
            return list;
        }
        let list: Neighbors = self
            .spelling_candidates(joined)
            .into_iter()
            .map(|v| (v, crate::sim::spelling_sim(joined, self.vocab.text(v))))
            .filter(|&(_, sim)| sim >= JOINED_FLOOR)
            .collect();
        MEMO.with(|m| {
            m.borrow_mut().for_index(self.uid).joined.insert(joined.into(), list.clone())
        });
        list
    }

    /// Vocabulary tokens within one edit of `text` (exact included).
    fn spelling_candidates(&self, text: &str) -> Vec<u32> {
        let mut cand = Vec::new();
        self.extend_one_edit(text, &mut cand);
        cand.sort_unstable();
        cand.dedup();
        cand
    }

    /// Adds the vocabulary tokens within one edit of `text`. The map holds
    /// every vocabulary token and its one-deletion variants, so looking up
    /// the text and its own deletions finds tokens one insertion, deletion
    /// or substitution away (and adjacent swaps, through a shared deletion).
    fn extend_one_edit(&self, text: &str, cand: &mut Vec<u32>) {
        if let Some(vs) = self.deletes.get(&token_hash(text.as_bytes())) {
            cand.extend_from_slice(vs);
        }
        if text.len() >= 3 {
            for d in deletion_hashes(text) {
                if let Some(vs) = self.deletes.get(&d) {
                    cand.extend_from_slice(vs);
                }
            }
        }
    }

    /// Similarity of a query token (with its synonym groups) and a
    /// vocabulary token.
    pub fn pair_sim(&self, text: &str, groups: &[u32], v: u32) -> f32 {
        let known = MEMO.with(|m| {
            m.borrow_mut().for_index(self.uid).pairs.get(text).and_then(|p| p.get(&v).copied())
        });
        if let Some(s) = known {
            return s;
        }
        let s = self.pair_sim_uncached(text, groups, v);
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            let m = m.for_index(self.uid);
            m.pair_count += 1;
            match m.pairs.get_mut(text) {
                Some(p) => {
                    p.insert(v, s);
                }
                None => {
                    m.pairs.insert(text.into(), std::iter::once((v, s)).collect());
                }
            }
        });
        s
    }

    fn pair_sim_uncached(&self, text: &str, groups: &[u32], v: u32) -> f32 {
        let other = self.vocab.text(v);
        let mut s = token_sim(text, other);
        if s < crate::sim::SYNONYM_SIM && !groups.is_empty() {
            let og = names::groups(other);
            if groups.iter().any(|g| og.contains(g)) {
                s = crate::sim::SYNONYM_SIM;
            }
        }
        s
    }

    /// Similarity of a Latin query token (with its synonym groups) and a
    /// vocabulary token read from an abjad name: their consonants are
    /// compared ([`crate::sim::abjad_sim`]), not their spellings, since the
    /// list token lacks the vowels a spelling comparison would count against
    /// it and, worse, for it (`adam`/`asam` is one letter apart as spelt, but
    /// عصام is Issam).
    pub fn abjad_pair_sim(&self, text: &str, groups: &[u32], v: u32) -> f32 {
        let other = self.vocab.text(v);
        if text == other {
            return 1.0;
        }
        let mut s = crate::sim::abjad_sim(other, text);
        if s < crate::sim::SYNONYM_SIM && !groups.is_empty() {
            let og = names::groups(other);
            if groups.iter().any(|g| og.contains(g)) {
                s = crate::sim::SYNONYM_SIM;
            }
        }
        s
    }

    /// Analyses a query name and looks its tokens up.
    pub fn prepare(&self, name: &str, kind: Option<Kind>) -> PreparedQuery {
        self.prepare_written(name, kind, Written::of(name))
    }

    /// [`Index::prepare`] for `reading`, one reading of a name whose script
    /// is `written` ([`Written::of`] the original, found once for all its
    /// readings): its tokens are treated as read from that script (an
    /// abjad's missing vowels, other romanizations).
    pub fn prepare_written(
        &self,
        reading: &str,
        kind: Option<Kind>,
        written: Written,
    ) -> PreparedQuery {
        let analyzed = analyze(reading, kind);
        let Written { abjad, romanized } = written;
        let toks: Vec<QueryTok> = analyzed
            .tokens
            .iter()
            .map(|t| {
                let groups = names::groups(&t.text).to_vec();
                let mut neighbors = if t.class == TokClass::Initial {
                    Vec::new()
                } else {
                    self.neighbors_in(&t.text, abjad)
                };
                if romanized {
                    self.romanizations(&t.text, &groups, &mut neighbors);
                }
                QueryTok {
                    text: t.text.clone(),
                    class: t.class,
                    weight: self.rarity(&t.text) * t.class.factor(),
                    neighbors,
                    groups,
                    abjad,
                }
            })
            .collect();
        let mut composites = Vec::new();
        for i in 0..toks.len().saturating_sub(1) {
            let joined = format!("{}{}", toks[i].text, toks[i + 1].text);
            for &(v, sim) in self.joined(&joined).iter() {
                composites.push(Composite::Joined { i, vocab: v, sim });
            }
        }
        for (i, t) in toks.iter().enumerate() {
            let b = &t.text;
            if b.len() < 6 || t.class != TokClass::Word {
                continue;
            }
            // (Split after two letters only where they are an Arabic
            // article joined to the name: ALSHABAAB, ELSAYED, AZZAWAHIRI.)
            let from = if crate::analyze::joined_article(b).is_some() { 2 } else { 3 };
            for p in from..=b.len() - 3 {
                if let (Some(a), Some(c)) = (self.vocab.id(&b[..p]), self.vocab.id(&b[p..])) {
                    composites.push(Composite::Split { i, a, b: c });
                }
            }
        }
        PreparedQuery { analyzed, toks, composites }
    }

    /// For a token romanized from another script: the neighbours that are
    /// the same name (a shared synonym group) with the same consonants are
    /// other romanizations of the same written name, not misspellings of it
    /// (Александр is `aleksandr` here and `Alexander` on a list), and score
    /// [`crate::sim::ROMANIZATION_SIM`].
    fn romanizations(&self, text: &str, groups: &[u32], neighbors: &mut [(u32, f32)]) {
        if groups.is_empty() {
            return;
        }
        let sk = skeleton(text);
        if sk.len() < 2 {
            return;
        }
        let mut changed = false;
        for (v, s) in neighbors.iter_mut() {
            if *s >= crate::sim::ROMANIZATION_SIM {
                continue;
            }
            let other = self.vocab.text(*v);
            // (The group first: a lookup, where a skeleton is built.)
            if names::groups(other).iter().any(|g| groups.contains(g)) && skeleton(other) == sk {
                *s = crate::sim::ROMANIZATION_SIM;
                changed = true;
            }
        }
        if changed {
            neighbors.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
    }

    /// The best candidate names for a prepared query: names sharing a
    /// similar token, ranked by an estimate (the sum over query tokens of
    /// similarity × weight), at most `limit`.
    pub fn candidates(&self, q: &PreparedQuery, limit: usize) -> Vec<(u32, f32)> {
        SCRATCH.with(|cell| {
            let mut sc = cell.borrow_mut();
            sc.ensure(self.names.len());
            let Scratch { acc, local, touched, ltouched } = &mut *sc;
            let bump = |n: u32, w: f32, acc: &mut Vec<f32>, touched: &mut Vec<u32>| {
                let slot = &mut acc[n as usize];
                if *slot == 0.0 {
                    touched.push(n);
                }
                *slot += w;
            };
            for t in &q.toks {
                // Once per (query token, name): the best neighbour counts.
                for &(v, s) in &t.neighbors {
                    let w = s * t.weight;
                    for &n in self.postings(v) {
                        let slot = &mut local[n as usize];
                        if *slot == 0.0 {
                            ltouched.push(n);
                        }
                        if w > *slot {
                            *slot = w;
                        }
                    }
                }
                for &n in ltouched.iter() {
                    let w = std::mem::take(&mut local[n as usize]);
                    bump(n, w, acc, touched);
                }
                ltouched.clear();
            }
            for c in &q.composites {
                let (v, w) = match *c {
                    Composite::Joined { i, vocab, sim } => {
                        (vocab, sim * (q.toks[i].weight + q.toks[i + 1].weight) * 0.5)
                    }
                    // Retrieve through the rarer part: `muhammad` + `ehsan`
                    // by `ehsan`, not through thousands of Muhammads.
                    Composite::Split { i, a, b } => {
                        let rarer = if self.vocab.df[a as usize] <= self.vocab.df[b as usize] {
                            a
                        } else {
                            b
                        };
                        (rarer, q.toks[i].weight * 0.5)
                    }
                };
                for &n in self.postings(v) {
                    bump(n, w, acc, touched);
                }
            }
            // Rank by the estimate relative to the name's own total weight,
            // as the final score does, so that short exact names are not
            // crowded out by long names sharing one common token.
            let wq: f32 = q.toks.iter().map(|t| t.weight).sum::<f32>().max(1e-3);
            let mut out: Vec<(u32, f32)> = touched
                .iter()
                .map(|&n| {
                    let a = std::mem::take(&mut acc[n as usize]);
                    (n, a / (wq + CAND_ALPHA * self.names[n as usize].weight_sum))
                })
                .collect();
            touched.clear();
            let k = limit.min(out.len());
            if k == 0 {
                return Vec::new();
            }
            out.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            out.truncate(k);
            out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            out
        })
    }
}

/// Whether `text` has letters of a script other than Latin.
fn is_other_script(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_alphabetic()
            && !c.is_ascii()
            && veto_model::Script::of_char(c) != veto_model::Script::Latin
    })
}

/// What the script a query was written in says about its readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    /// Most letters are Arabic or Hebrew ([`is_abjad`]): read without vowels.
    pub abjad: bool,
    /// Some letters are of a script other than Latin: its readings are
    /// romanizations, and other romanizations of a name are that name.
    pub romanized: bool,
}

impl Written {
    /// What `original`'s letters say.
    pub fn of(original: &str) -> Written {
        Written { abjad: is_abjad(original), romanized: is_other_script(original) }
    }
}

/// Whether most letters of `text` are Arabic or Hebrew.
pub fn is_abjad(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let (mut abjad, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(
            veto_model::Script::of_char(c),
            veto_model::Script::Arabic | veto_model::Script::Hebrew
        ) {
            abjad += 1;
        }
    }
    letters > 0 && abjad * 2 > letters
}

/// Per-thread scratch space for candidate accumulation: dense arrays
/// indexed by name, reset through the list of touched slots, so a query
/// costs what it touches and allocates nothing.
#[derive(Default)]
struct Scratch {
    acc: Vec<f32>,
    local: Vec<f32>,
    touched: Vec<u32>,
    ltouched: Vec<u32>,
}

impl Scratch {
    fn ensure(&mut self, n: usize) {
        if self.acc.len() < n {
            self.acc.resize(n, 0.0);
            self.local.resize(n, 0.0);
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use veto_model::{Name, Source};

    use super::*;

    fn index(names: &[&str]) -> Index {
        let entities: Vec<Entity> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut e = Entity::new(Source::UkOfsi, &i.to_string(), Kind::Person);
                e.names.push(Name::new(*n, NameRole::Primary));
                e
            })
            .collect();
        Index::build(&entities)
    }

    /// The joined forms of a query, as `(first token, vocabulary text, sim)`.
    fn joined(ix: &Index, query: &str) -> Vec<(usize, String, f32)> {
        ix.prepare(query, None)
            .composites
            .iter()
            .filter_map(|c| match *c {
                Composite::Joined { i, vocab, sim } => {
                    Some((i, ix.vocab.text(vocab).to_string(), sim))
                }
                Composite::Split { .. } => None,
            })
            .collect()
    }

    #[test]
    fn joined_forms_are_memoized_unchanged() {
        let ix = index(&["Omar ALSAYED", "Mohammed BINLADEN"]);
        // Written apart, read joined: exactly, and one edit away.
        let first = joined(&ix, "Omar Al Sayed");
        assert_eq!(first, [(1, "alsayed".to_string(), 1.0)]);
        let near = joined(&ix, "Bin Laden");
        assert!(near.iter().any(|(_, v, s)| v == "binladen" && *s >= 0.99), "{near:?}");
        // The second time comes from the memo: the same forms, in order.
        assert_eq!(joined(&ix, "Omar Al Sayed"), first);
        assert_eq!(joined(&ix, "Bin Laden"), near);
        assert_eq!(joined(&ix, "Bin Ladin").len(), 1);
    }

    #[test]
    fn abjad_by_the_majority_of_letters() {
        assert!(!is_abjad("Mohammed bin Laden"));
        assert!(!is_abjad(""));
        assert!(is_abjad("محمد بن لادن"));
        assert!(is_abjad("אברהם"));
        assert!(!is_abjad("Муhаммед"));
        // Mostly Arabic letters, a Latin one among them.
        assert!(is_abjad("محمد x"));
    }
}
