/*!
veto's name matcher: finds the listed entities behind a name, however it is
spelt, and explains every score.

A [`Matcher`] is built once over the loaded entities (it builds a
[`veto_index::Index`]); [`Matcher::screen`] then answers a [`Query`] (a
name, plus optional kind, birth date, country and identifiers) with scored
[`Hit`]s, best first, each with an [`Explanation`].

The score is in [0, 1]. [`DEFAULT_THRESHOLD`] is the point from which an
analyst should look at a hit. See DESIGN.md for the algorithm and what the
score means.

```no_run
use veto_matcher::{Matcher, Query, ScreenOptions};

# let entities: Vec<veto_model::Entity> = Vec::new();
let matcher = Matcher::new(entities);
let hits = matcher.screen(&Query::name("Vladimir Putin"), &ScreenOptions::default());
for h in &hits {
    println!("{:.2} {} ({})", h.score, matcher.entity(h).id, h.explanation.summary);
}
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod align;
pub mod evidence;
pub mod explain;
pub mod wire;

use std::collections::HashMap;
use std::fmt::Write as _;

use veto_index::analyze::{Analyzed, TokClass};
use veto_index::sim::token_sim;
use veto_index::{Composite, Index, NameEntry, PreparedQuery, TOKEN_FLOOR};
use veto_model::{Country, Entity, Kind, NameRole, PartialDate};

use crate::align::{align, Alignment, How, Side};
pub use crate::evidence::QueryId;
pub use crate::explain::{Explanation, Factor, TokenMatch};

/// The default threshold: hits scoring at least this deserve an analyst's
/// look. Chosen on the evaluation sets (see the README's benchmark section).
pub const DEFAULT_THRESHOLD: f32 = 0.80;

/// How many candidate names the index hands to full scoring.
const CANDIDATES: usize = 60;

/// The floor for a token to match two joined tokens (spelling only).
use veto_index::JOINED_FLOOR;

/// How many candidate names an abjad query hands to scoring.
const ABJAD_CANDIDATES: usize = 150;

/// Candidates always scored, whatever their estimate.
const MIN_SCORED: usize = 15;
/// Beyond [`MIN_SCORED`], candidates whose estimate is below this fraction of
/// the best estimate are not scored.
const PRUNE_RATIO: f32 = 0.55;

/// How many other romanizations of a non-Latin query are tried.
const MAX_VARIANTS: usize = 3;

/// Factor on a weak alias's name score.
pub const WEAK_ALIAS_FACTOR: f32 = 0.92;

/// Token-pair similarities computed during one query.
type SimCache = HashMap<(u32, u32), f32, std::hash::BuildHasherDefault<veto_index::FxHasher>>;

/// Similarities of a token and two tokens joined, per scored query reading,
/// by where the three texts are (each `(address, length)`): the readings'
/// and the vocabulary's texts stay put while a query is scored, and the
/// same joins recur from candidate to candidate.
#[derive(Default)]
struct JoinCache {
    map: HashMap<[usize; 6], f32, std::hash::BuildHasherDefault<veto_index::FxHasher>>,
}

impl JoinCache {
    fn get_or(&mut self, whole: &str, a: &str, b: &str, f: impl FnOnce() -> f32) -> f32 {
        let at = |t: &str| [t.as_ptr() as usize, t.len()];
        let ([w0, w1], [a0, a1], [b0, b1]) = (at(whole), at(a), at(b));
        *self.map.entry([w0, w1, a0, a1, b0, b1]).or_insert_with(f)
    }
}

/// What to screen.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// The name.
    pub name: String,
    /// The kind of entity, if known.
    pub kind: Option<Kind>,
    /// Birth date, at any precision.
    pub birth_date: Option<PartialDate>,
    /// Country (nationality, residence, registration).
    pub country: Option<Country>,
    /// Identifiers.
    pub identifiers: Vec<QueryId>,
}

impl Query {
    /// A query with a name only.
    pub fn name(name: impl Into<String>) -> Query {
        Query { name: name.into(), ..Query::default() }
    }
}

/// Screening options.
#[derive(Clone, Copy, Debug)]
pub struct ScreenOptions {
    /// Return at most this many hits.
    pub limit: usize,
    /// Return only hits scoring at least this.
    pub threshold: f32,
}

impl Default for ScreenOptions {
    fn default() -> ScreenOptions {
        ScreenOptions { limit: 10, threshold: DEFAULT_THRESHOLD }
    }
}

/// One scored entity.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Index of the entity in the matcher's entities.
    pub entity: u32,
    /// Index of the matched name in the entity's names.
    pub name: u16,
    /// The final score.
    pub score: f32,
    /// Why.
    pub explanation: Explanation,
}

/// The matcher: entities and their index.
#[derive(Debug)]
pub struct Matcher {
    entities: Vec<Entity>,
    index: Index,
}

struct Scored {
    name_idx: u32,
    align: Alignment,
    score: f32,
}

impl Matcher {
    /// Builds the matcher (and its index) over `entities`.
    pub fn new(entities: Vec<Entity>) -> Matcher {
        let index = Index::build(&entities);
        Matcher { entities, index }
    }

    /// The entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity of a hit.
    pub fn entity(&self, hit: &Hit) -> &Entity {
        &self.entities[hit.entity as usize]
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    fn list_sides<'a>(&'a self, n: &NameEntry) -> Vec<Side<'a>> {
        n.toks
            .iter()
            .zip(n.classes.iter())
            .zip(n.weights.iter())
            .map(|((&t, &class), &weight)| Side { text: self.index.vocab.text(t), class, weight })
            .collect()
    }

    fn score_name(
        &self,
        q: &PreparedQuery,
        qs: &[Side],
        n: &NameEntry,
        cache: &mut SimCache,
        joins: &mut JoinCache,
    ) -> Alignment {
        let cs = self.list_sides(n);
        // A Latin query against a name written in an abjad: consonants are
        // compared, not spellings (see `Index::abjad_pair_sim`).
        let vowelless = n.abjad && !q.toks.first().is_some_and(|t| t.abjad);
        let mut sim = |i: usize, j: usize| -> f32 {
            let v = n.toks[j];
            if vowelless {
                // Cached apart from the spelling similarities (the top bit
                // of the query index marks it).
                return *cache.entry((i as u32 | 1 << 31, v)).or_insert_with(|| {
                    let s = self.index.abjad_pair_sim(&q.toks[i].text, &q.toks[i].groups, v);
                    if s >= TOKEN_FLOOR {
                        s
                    } else {
                        0.0
                    }
                });
            }
            *cache.entry((i as u32, v)).or_insert_with(|| {
                if particle_for_name(q.toks[i].class, &q.toks[i].groups, n.classes[j], || {
                    veto_index::names::groups(self.index.vocab.text(v))
                }) {
                    return 0.0;
                }
                if let Some(&(_, s)) = q.toks[i].neighbors.iter().find(|(nv, _)| *nv == v) {
                    return s;
                }
                // Retrieval already found every token within one edit, with
                // the same skeleton or in the same synonym group. What is
                // left can only reach the floor through several cheap edits
                // on long tokens.
                let (a, b) = (q.toks[i].text.as_str(), self.index.vocab.text(v));
                if q.toks[i].abjad {
                    let s = veto_index::sim::abjad_sim(a, b);
                    if s >= TOKEN_FLOOR {
                        return s;
                    }
                }
                if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 2 {
                    return 0.0;
                }
                let s = self.index.pair_sim(a, &q.toks[i].groups, v);
                if s >= TOKEN_FLOOR {
                    s
                } else {
                    0.0
                }
            })
        };
        let composites = &q.composites;
        let abjad = q.toks.first().is_some_and(|t| t.abjad);
        let mut joined = |whole: &str, a: &str, b: &str| -> f32 {
            joins.get_or(whole, a, b, || {
                // Read from an abjad, `al sid` is ELSSEID and `bnhsin` BEN
                // HASSINE: compare the consonants of the joined form.
                if abjad {
                    let s = veto_index::sim::abjad_joined_sim(whole, a, b);
                    if s >= TOKEN_FLOOR {
                        return s;
                    }
                }
                if !joined_plausible(whole, a, b) {
                    return 0.0;
                }
                // Joined query tokens: precomputed against the vocabulary.
                for c in composites {
                    if let Composite::Joined { i, vocab, sim } = *c {
                        if q.toks[i].text == a
                            && q.toks[i + 1].text == b
                            && self.index.vocab.text(vocab) == whole
                        {
                            return sim;
                        }
                    }
                }
                joined_spelling(whole, a, b)
            })
        };
        align(qs, &cs, &mut sim, &mut joined)
    }

    /// Screens a query: the best hits at or above `opts.threshold`.
    pub fn screen(&self, query: &Query, opts: &ScreenOptions) -> Vec<Hit> {
        self.screen_in(query, opts, None)
    }

    /// Screens a query against the given names only (indices into
    /// [`Index::names`]), with no retrieval: for callers that have already
    /// found the candidate names, like the text scanner. Scores, evidence and
    /// explanations are those of [`Matcher::screen`].
    pub fn screen_names(&self, query: &Query, names: &[u32], opts: &ScreenOptions) -> Vec<Hit> {
        self.screen_in(query, opts, Some(names))
    }

    /// `name` read with each word in Cyrillic as the list word it is a case
    /// of, if one is ([`veto_names::inflect`]: Романом Абрамовичем: roman
    /// abramovich; Сбербанка: sberbank, though some list writes SBERBANKA);
    /// `None` if no word is.
    fn nominative_reading(&self, name: &str) -> Option<String> {
        let vocab = &self.index.vocab;
        let mut changed = false;
        let words: Vec<String> = veto_names::tokenize(name)
            .into_iter()
            .map(|t| {
                let written = name.get(t.start..t.end).unwrap_or("");
                // (In the default romanization only: the other conventions
                // are tried on the whole query, and each would cost a fold.)
                match vocab.nominative(written, vocab.id(&t.text).is_some()) {
                    Some(v) => {
                        changed = true;
                        vocab.text(v).to_string()
                    }
                    None => t.text,
                }
            })
            .collect();
        changed.then(|| words.join(" "))
    }

    fn screen_in(&self, query: &Query, opts: &ScreenOptions, only: Option<&[u32]>) -> Vec<Hit> {
        // A name in another script is also tried in the romanizations other
        // conventions give (김정은: gim jeong eun, kim jong un; Юрий: yuriy,
        // iurii), each scored on its own; the best reading wins per entity.
        // So is a romanization of Cyrillic in the other conventions'
        // letters (MADZHID: majid).
        let written = veto_index::Written::of(&query.name);
        let mut preps = vec![self.index.prepare_written(&query.name, query.kind, written)];
        if query.name.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
            let main = veto_names::fold(&query.name);
            for v in veto_names::translit::variants(&query.name)
                .into_iter()
                .filter(|v| *v != main)
                .take(MAX_VARIANTS)
            {
                preps.push(self.index.prepare_written(&v, query.kind, written));
            }
            // Russian declines names (Романом Абрамовичем): read too with
            // each declined word as the list word it is a case of.
            if let Some(v) = self.nominative_reading(&query.name) {
                preps.push(self.index.prepare_written(&v, query.kind, written));
            }
        } else if veto_names::translit::has_latin_readings(&query.name) {
            // Latin letters romanized from Cyrillic (MADZHID, TKHARVAT) are
            // read the ways other lists write the name too (Majid, Tharwat).
            let main = veto_names::fold(&query.name);
            for v in veto_names::translit::latin_readings(&main).into_iter().take(MAX_VARIANTS) {
                preps.push(self.index.prepare_written(&v, query.kind, written));
            }
        }
        // A name of unknown kind whose first or last word, of two letters,
        // was taken for a legal form may be a person's, whose name has no
        // form: YU of YU YI PAO is a surname. Read so too.
        if query.kind.is_none() && !preps[0].analyzed.legal_forms.is_empty() {
            let words = veto_names::tokenize(&query.name);
            let short = |w: Option<&veto_names::Token>| w.is_some_and(|t| t.text.len() <= 2);
            if (2..=4).contains(&words.len()) && (short(words.first()) || short(words.last())) {
                let person = Some(veto_model::Kind::Person);
                preps.push(self.index.prepare_written(&query.name, person, written));
            }
        }
        // Best name per entity, with the reading it came from.
        let mut best: veto_index::FxMap<u32, (usize, Scored)> = veto_index::FxMap::default();
        for (pi, q) in preps.iter().enumerate() {
            if q.toks.is_empty() {
                continue;
            }
            let qs: Vec<Side> = q
                .toks
                .iter()
                .map(|t| Side { text: &t.text, class: t.class, weight: t.weight })
                .collect();
            let mut cache = SimCache::default();
            let mut joins = JoinCache::default();
            // A query read from an abjad is uncertain (no short vowels), so
            // its estimates rank less reliably: score more candidates.
            let abjad = q.toks.first().is_some_and(|t| t.abjad);
            let limit = if abjad { ABJAD_CANDIDATES } else { CANDIDATES };
            let cands = match only {
                Some(names) => names.iter().map(|&n| (n, 1.0)).collect(),
                None => self.index.candidates(q, limit),
            };
            let top = cands.first().map_or(0.0, |c| c.1);
            for (k, (name_idx, estimate)) in cands.into_iter().enumerate() {
                // Past the first few, candidates whose estimate is far below
                // the best one's cannot come near it after scoring.
                if !abjad && k >= MIN_SCORED && estimate < PRUNE_RATIO * top {
                    break;
                }
                let n = &self.index.names[name_idx as usize];
                let a = self.score_name(q, &qs, n, &mut cache, &mut joins);
                let mut s = a.score;
                if n.role == NameRole::WeakAlias {
                    s *= WEAK_ALIAS_FACTOR;
                }
                match best.get(&n.entity) {
                    Some((_, b)) if b.score >= s => {}
                    _ => {
                        best.insert(n.entity, (pi, Scored { name_idx, align: a, score: s }));
                    }
                }
            }
        }
        // Secondary evidence can add at most this much.
        let max_boost = evidence::ID_MATCH + evidence::DOB_DAY + evidence::COUNTRY_MATCH;
        let mut scored: Vec<(f32, f32, u32, usize, Scored, Vec<Factor>)> = best
            .into_iter()
            .filter(|(_, (_, s))| s.score + max_boost >= opts.threshold)
            .map(|(ei, (pi, s))| {
                let (raw, factors) = self.evidence(query, &preps[pi], ei, &s);
                (raw.clamp(0.0, 1.0), raw, ei, pi, s, factors)
            })
            .filter(|(score, ..)| *score >= opts.threshold)
            .collect();
        // Rank by the unclamped score, so that evidence still orders hits
        // whose names all match perfectly (PJSC Sberbank: the PJSC first).
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
        scored.truncate(opts.limit);
        // Explanations only for what is returned.
        scored
            .into_iter()
            .map(|(score, _, ei, pi, s, factors)| {
                let n = &self.index.names[s.name_idx as usize];
                let mut explanation = self.explain(
                    &preps[pi],
                    n,
                    &s.align,
                    &self.entities[ei as usize],
                    score,
                    factors,
                );
                if pi > 0 {
                    let reading = preps[pi]
                        .toks
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    explanation.summary = format!("read as '{reading}': {}", explanation.summary);
                }
                Hit { entity: ei, name: n.name, score, explanation }
            })
            .collect()
    }

    /// The final score of an entity (not yet clamped to [0, 1]) and the
    /// factors behind it.
    fn evidence(
        &self,
        query: &Query,
        q: &PreparedQuery,
        ei: u32,
        s: &Scored,
    ) -> (f32, Vec<Factor>) {
        let entity = &self.entities[ei as usize];
        let n = &self.index.names[s.name_idx as usize];
        let mut factors = Vec::new();
        if n.role == NameRole::WeakAlias {
            factors.push(Factor::new(
                "weak_alias",
                s.score - s.align.score,
                "matched a weak (low-quality) alias, which counts less".to_string(),
            ));
        }
        if let Some(d) = &query.birth_date {
            factors.extend(evidence::birth_date(entity, d));
        }
        if let Some(c) = query.country {
            factors.extend(evidence::country(entity, c));
        }
        if !query.identifiers.is_empty() {
            factors.extend(evidence::identifiers(entity, &query.identifiers));
        }
        if let Some(k) = query.kind {
            factors.extend(evidence::kind(entity, k));
        }
        factors.extend(legal_form_factor(&q.analyzed, n));
        let extra: f32 = factors.iter().filter(|f| f.factor != "weak_alias").map(|f| f.delta).sum();
        (s.score + extra, factors)
    }

    fn explain(
        &self,
        q: &PreparedQuery,
        n: &NameEntry,
        a: &Alignment,
        entity: &Entity,
        score: f32,
        factors: Vec<Factor>,
    ) -> Explanation {
        let ct = |j: usize| self.index.vocab.text(n.toks[j]).to_string();
        let qt = |i: usize| q.toks[i].text.clone();
        let tokens: Vec<TokenMatch> = a
            .edges
            .iter()
            .map(|e| {
                let (query, list) =
                    edge_words(e, |i| &q.toks[i].text, |j| self.index.vocab.text(n.toks[j]));
                let how = match e.how {
                    How::Exact => "exact",
                    How::Similar if (e.sim - veto_index::sim::ROMANIZATION_SIM).abs() < 1e-6 => {
                        "another romanization"
                    }
                    How::Initial => "initial",
                    How::JoinedQuery | How::JoinedList => "joined/split",
                    How::Similar
                        if e.sim >= veto_index::sim::SYNONYM_SIM - 1e-6
                            && e.sim < 0.99
                            && token_sim(&query, &list) < e.sim =>
                    {
                        "name synonym"
                    }
                    How::Similar => "similar spelling or transliteration",
                };
                TokenMatch { query, list, similarity: round2(e.sim), how: how.to_string() }
            })
            .collect();
        let matched_name =
            entity.names.get(n.name as usize).map(|x| x.full.clone()).unwrap_or_default();
        let unmatched_query: Vec<String> = a.unmatched_q.iter().map(|&i| qt(i)).collect();
        let unmatched_list: Vec<String> = a.unmatched_c.iter().map(|&j| ct(j)).collect();
        // (Written piece by piece into one string: the scanner builds an
        // explanation for every span it screens.)
        let mut summary = String::with_capacity(160);
        let push_words = |summary: &mut String, head: &str, words: &[String]| {
            for (k, w) in words.iter().enumerate() {
                summary.push_str(if k == 0 { head } else { " " });
                summary.push_str(w);
            }
        };
        summary.push_str("name '");
        summary.push_str(&matched_name);
        summary.push_str("' (");
        summary.push_str(role_word(n.role));
        let _ = write!(summary, ") scores {:.2}", a.score);
        for (k, t) in tokens.iter().enumerate() {
            summary.push_str(if k == 0 { ": " } else { ", " });
            summary.push_str(&t.query);
            summary.push('=');
            summary.push_str(&t.list);
            summary.push_str(" (");
            summary.push_str(&t.how);
            summary.push(')');
        }
        push_words(&mut summary, "; query words not in the list name: ", &unmatched_query);
        push_words(&mut summary, "; list words not in the query: ", &unmatched_list);
        for f in &factors {
            summary.push_str("; ");
            summary.push_str(&f.detail);
            let _ = write!(summary, " ({:+.2})", f.delta);
        }
        let _ = write!(summary, "; final {:.2}", score);
        Explanation {
            summary,
            matched_name,
            name_score: round2(a.score),
            tokens,
            unmatched_query,
            unmatched_list,
            factors: factors
                .into_iter()
                .map(|mut f| {
                    f.delta = round2(f.delta);
                    f
                })
                .collect(),
        }
    }

    /// Scores two names against each other (the first as the query), with
    /// token rarity taken from the loaded lists.
    pub fn compare(&self, a: &str, b: &str, kind: Option<Kind>) -> (f32, Explanation) {
        let qa = self.index.prepare(a, kind);
        let cb = veto_index::analyze::analyze(b, kind);
        let qs: Vec<Side> = qa
            .toks
            .iter()
            .map(|t| Side { text: &t.text, class: t.class, weight: t.weight })
            .collect();
        let cs: Vec<Side> = cb
            .tokens
            .iter()
            .map(|t| Side {
                text: &t.text,
                class: t.class,
                weight: self.index.rarity(&t.text) * t.class.factor(),
            })
            .collect();
        let groups_a: Vec<&[u32]> =
            qa.toks.iter().map(|t| veto_index::names::groups(&t.text)).collect();
        // Two names written in Chinese, Japanese or Korean script: each token
        // is a whole syllable, and one syllable changed is another name
        // (김정은/김종은), so only equal syllables count.
        let syllabic = is_syllabic(a) && is_syllabic(b);
        let mut sim = |i: usize, j: usize| -> f32 {
            if syllabic {
                return if qs[i].text == cs[j].text { 1.0 } else { 0.0 };
            }
            let s = pair_sim_text(qs[i].text, groups_a[i], cs[j].text);
            if s >= TOKEN_FLOOR {
                s
            } else {
                0.0
            }
        };
        let mut joined = |whole: &str, x: &str, y: &str| joined_spelling(whole, x, y);
        let al = align(&qs, &cs, &mut sim, &mut joined);
        let mut factors: Vec<Factor> = Vec::new();
        if let Some(f) = legal_forms_compare(&qa.analyzed, &cb) {
            factors.push(f);
        }
        let score = (al.score + factors.iter().map(|f| f.delta).sum::<f32>()).clamp(0.0, 1.0);
        let tokens = al
            .edges
            .iter()
            .map(|e| {
                let (query, list) = edge_words(e, |i| qs[i].text, |j| cs[j].text);
                TokenMatch {
                    query,
                    list,
                    similarity: round2(e.sim),
                    how: format!("{:?}", e.how).to_lowercase(),
                }
            })
            .collect::<Vec<_>>();
        let pairs: Vec<String> = tokens
            .iter()
            .map(|t| format!("{}={} ({:.2})", t.query, t.list, t.similarity))
            .collect();
        let ex = Explanation {
            summary: format!(
                "'{a}' vs '{b}': {}; score {:.2}",
                if pairs.is_empty() { "no similar words".to_string() } else { pairs.join(", ") },
                score
            ),
            matched_name: b.to_string(),
            name_score: round2(al.score),
            tokens,
            unmatched_query: al.unmatched_q.iter().map(|&i| qs[i].text.to_string()).collect(),
            unmatched_list: al.unmatched_c.iter().map(|&j| cs[j].text.to_string()).collect(),
            factors,
        };
        (score, ex)
    }
}

/// Whether a query token and a list token are a particle and a known name
/// (`al-` and `Ali`, `bin` and `Bina`): a particle is not that name, however
/// alike they are spelt, and matching them would hide the name's absence.
/// Equal tokens are never asked about (they match before this).
fn particle_for_name<'g>(
    q_class: TokClass,
    q_groups: &[u32],
    c_class: TokClass,
    c_groups: impl FnOnce() -> &'g [u32],
) -> bool {
    match (q_class, c_class) {
        (TokClass::Word, TokClass::Particle) => !q_groups.is_empty(),
        (TokClass::Particle, TokClass::Word) => !c_groups().is_empty(),
        _ => false,
    }
}

/// Whether most letters of `text` are Han, kana or Hangul.
fn is_syllabic(text: &str) -> bool {
    use veto_model::Script;
    let (mut syl, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(Script::of_char(c), Script::Han | Script::Kana | Script::Hangul) {
            syl += 1;
        }
    }
    letters > 0 && syl * 2 > letters
}

/// The similarity of a token and two joined tokens by spelling, 0 under
/// [`JOINED_FLOOR`] or when a cheap check rules it out.
fn joined_spelling(whole: &str, a: &str, b: &str) -> f32 {
    if !joined_plausible(whole, a, b) {
        return 0.0;
    }
    let s = veto_index::sim::spelling_sim(whole, &format!("{a}{b}"));
    if s >= JOINED_FLOOR {
        s
    } else {
        0.0
    }
}

/// The query and list words of an edge (two words for a joined side).
fn edge_words<'a>(
    e: &align::Edge,
    q: impl Fn(usize) -> &'a str,
    c: impl Fn(usize) -> &'a str,
) -> (String, String) {
    let words =
        |(first, second): (usize, Option<usize>), text: &dyn Fn(usize) -> &'a str| match second {
            Some(k) => format!("{} {}", text(first), text(k)),
            None => text(first).to_string(),
        };
    (words(e.q, &q), words(e.c, &c))
}

/// Whether `whole` can be within the joined floor of `a` + `b`: about the
/// same length and the same first letter. Saves most edit distances.
fn joined_plausible(whole: &str, a: &str, b: &str) -> bool {
    let len = a.len() + b.len();
    whole.len().abs_diff(len) <= 1 + len / 10 && whole.as_bytes().first() == a.as_bytes().first()
}

fn pair_sim_text(a: &str, groups_a: &[u32], b: &str) -> f32 {
    let mut s = token_sim(a, b);
    if s < veto_index::sim::SYNONYM_SIM && !groups_a.is_empty() {
        let gb = veto_index::names::groups(b);
        if groups_a.iter().any(|g| gb.contains(g)) {
            s = veto_index::sim::SYNONYM_SIM;
        }
    }
    s
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn role_word(r: NameRole) -> &'static str {
    match r {
        NameRole::Primary => "primary name",
        NameRole::Alias => "alias",
        NameRole::WeakAlias => "weak alias",
        NameRole::Former => "former name",
        NameRole::OriginalScript => "original-script name",
    }
}

/// Score change when query and list name have the same legal form.
pub const LEGAL_FORM_SAME: f32 = 0.02;
/// Score change when their legal forms are of different classes (an AG is
/// not a GmbH: same-named companies of different forms are usually
/// different companies, parent and subsidiary at best).
pub const LEGAL_FORM_DIFFERENT: f32 = -0.10;

/// Legal-form evidence from the query's forms and classes against a list
/// name's (canonical form, class) pairs.
fn legal_form_evidence(q: &Analyzed, list: &[(&str, &str)]) -> Option<Factor> {
    if q.legal_forms.is_empty() || list.is_empty() {
        return None;
    }
    if q.legal_forms.iter().any(|f| list.iter().any(|(c, _)| c == f)) {
        let detail = format!("same legal form ({})", q.legal_forms.join(", "));
        return Some(Factor::new("legal_form", LEGAL_FORM_SAME, detail));
    }
    if q.legal_classes.iter().any(|c| list.iter().any(|(_, g)| g == c)) {
        return None;
    }
    let listed: Vec<&str> = list.iter().map(|(c, _)| *c).collect();
    let detail = format!(
        "legal form {} differs from the list's {}",
        q.legal_forms.join(", "),
        listed.join(", ")
    );
    Some(Factor::new("legal_form", LEGAL_FORM_DIFFERENT, detail))
}

/// Legal-form evidence for an indexed list name.
fn legal_form_factor(q: &Analyzed, n: &NameEntry) -> Option<Factor> {
    let list: Vec<(&str, &str)> = n.legal.iter().map(|(c, g)| (&**c, &**g)).collect();
    legal_form_evidence(q, &list)
}

/// Legal-form evidence between two analysed names.
fn legal_forms_compare(a: &Analyzed, b: &Analyzed) -> Option<Factor> {
    let list: Vec<(&str, &str)> =
        b.legal_forms.iter().zip(&b.legal_classes).map(|(c, g)| (c.as_str(), g.as_str())).collect();
    legal_form_evidence(a, &list)
}

#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    use veto_model::{Name, Source};

    #[test]
    fn matcher_is_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<Matcher>();
    }

    /// A small corpus: each entity a person with the given names (the first
    /// primary, the rest aliases).
    fn matcher(people: &[&[&str]]) -> Matcher {
        let entities = people
            .iter()
            .enumerate()
            .map(|(i, names)| {
                let mut e = Entity::new(Source::UkOfsi, &i.to_string(), Kind::Person);
                for (k, n) in names.iter().enumerate() {
                    let role = if k == 0 { NameRole::Primary } else { NameRole::Alias };
                    e.names.push(Name::new(*n, role));
                }
                e
            })
            .collect();
        Matcher::new(entities)
    }

    /// The best score of entity `ei` for `name`, 0 if not returned.
    fn score_of(m: &Matcher, name: &str, ei: u32) -> f32 {
        let opts = ScreenOptions { limit: 10, threshold: 0.0 };
        m.screen(&Query::name(name), &opts).iter().find(|h| h.entity == ei).map_or(0.0, |h| h.score)
    }

    #[test]
    fn other_romanizations_of_a_query_in_another_script() {
        let m = matcher(&[
            &["Alexander Petrovich PETROV", "Петров Александр Петрович"],
            &["Sergey IVANOV", "Alexander PETROV"],
            &["Alessandro PETROV"],
        ]);
        // Александр is `aleksandr` as read here and `Alexander` on the list:
        // the alias that is exactly the queried name comes first, before a
        // name with a patronymic the query does not have.
        let opts = ScreenOptions { limit: 3, threshold: 0.0 };
        let hits = m.screen(&Query::name("Александр Петров"), &opts);
        assert_eq!(hits[0].entity, 1, "{:?}", hits[0].explanation.summary);
        assert!(hits[0].explanation.summary.contains("another romanization"));
        // Alessandro is the same name in Italian, not a romanization of
        // Александр: it stays a synonym.
        assert!(score_of(&m, "Александр Петров", 2) < hits[0].score - 0.02);
        // A Latin query gets no such reading: Aleksandr/Alexander is a
        // spelling difference there.
        assert!(score_of(&m, "Aleksandr Petrov", 1) < 0.98);
    }

    #[test]
    fn latin_letters_romanized_from_cyrillic_read_as_other_lists_write_them() {
        let m = matcher(&[
            &["Majid MOUSAVI"],
            &["Samir JOUMAA"],
            &["DZHABAROV, Dzhamal"],
            &["THARWAT SALAH SHIHATA"],
            &["AUNG, Shwe Ye Phu"],
        ]);
        // MADZHID is Маджид romanized: Majid on the list.
        assert!(
            score_of(&m, "MADZHID MOUSAVI", 0) >= 0.99,
            "{}",
            score_of(&m, "MADZHID MOUSAVI", 0)
        );
        assert!(score_of(&m, "Samir Dzhoumaa", 1) >= 0.99);
        // A list that writes dzh is still matched as written.
        assert!(score_of(&m, "Dzhamal DZHABAROV", 2) >= 0.99);
        // Тх, Пх: the th and ph of the Latin spelling, romanized back.
        let tkh = score_of(&m, "TKHARVAT SALAKH SHIKHATA", 3);
        assert!(tkh >= 0.9, "{tkh}");
        let pkh = score_of(&m, "SHVE E PKHU AUNG", 4);
        assert!(pkh >= 0.8, "{pkh}");
    }

    #[test]
    fn a_short_word_taken_for_a_legal_form_may_be_a_surname() {
        let m = matcher(&[&["PAO, Yu Yi"], &["LI, Yi"]]);
        // YU is a legal form's abbreviation and a Chinese surname: a query
        // of unknown kind is also read as a person's name, with no form.
        assert!(score_of(&m, "YU YI PAO", 0) >= 0.99, "{}", score_of(&m, "YU YI PAO", 0));
        assert!(score_of(&m, "YU YI PAO", 1) < score_of(&m, "YU YI PAO", 0));
    }

    #[test]
    fn an_arabic_article_joined_to_a_name() {
        let m = matcher(&[&["AL-SHABAAB"], &["Hassan AL-QAIDI"], &["ALEXANDROV, Ivan"]]);
        // ALSHABAAB is al + shabaab, as ALQAIDI is al + qaidi.
        assert!(score_of(&m, "ALSHABAAB", 0) >= 0.95, "{}", score_of(&m, "ALSHABAAB", 0));
        assert!(score_of(&m, "Hassan ALQAIDI", 1) >= 0.95);
        // A word that only begins with the letters is not split there.
        assert!(score_of(&m, "ALEXANDER", 2) < 0.8);
    }

    #[test]
    fn chinese_characters_are_also_read_as_korean() {
        let m = matcher(&[&["KIM, Jong Un"], &["JIN, Zheng"]]);
        let opts = ScreenOptions { limit: 3, threshold: 0.0 };
        let hits = m.screen(&Query::name("金正恩"), &opts);
        assert_eq!(hits[0].entity, 0, "{:?}", hits[0].explanation.summary);
        assert!(hits[0].score >= DEFAULT_THRESHOLD);
        // The Korean reading does not make every Chinese name Korean.
        assert!(score_of(&m, "习近平", 0) < DEFAULT_THRESHOLD);
    }

    #[test]
    fn a_particle_is_not_a_name() {
        let m = matcher(&[&["Tariq AL-HARZI"], &["Ali HARZI"]]);
        let opts = ScreenOptions { limit: 3, threshold: 0.0 };
        let hits = m.screen(&Query::name("Ali Harzi"), &opts);
        assert_eq!(hits[0].entity, 1);
        // `ali` does not stand in for the article `al`.
        let other = hits.iter().find(|h| h.entity == 0).expect("Tariq AL-HARZI is a candidate");
        assert!(
            other.explanation.tokens.iter().all(|t| t.query != "ali"),
            "{:?}",
            other.explanation
        );
        // Particles still meet their own spellings: بن is `bn`, and Ben.
        let m = matcher(&[&["Faleh BEN TAHER"]]);
        assert!(score_of(&m, "فالح بن طاهر", 0) >= DEFAULT_THRESHOLD);
    }

    #[test]
    fn latin_queries_meet_abjad_names_by_consonants() {
        let m = matcher(&[&["عصام شموط"], &["Mazen AL-TURKI"]]);
        // Issam Shammout is what عصام شموط says, consonant for consonant.
        assert!(score_of(&m, "Issam Shammout", 0) >= DEFAULT_THRESHOLD);
        // Adam is a letter away from the vowelless `asam` as spelt, but its
        // consonants are not those of Issam.
        assert!(score_of(&m, "Adam Smith", 0) < DEFAULT_THRESHOLD);
    }
}
