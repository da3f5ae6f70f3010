//! Order-free alignment of query tokens to the tokens of one list name, and
//! the name score that follows from it.
//!
//! Every pair of tokens (and every joined or split pair, `ABDUL RAHMAN` /
//! `ABDULRAHMAN`) with a similarity above the floor is an *edge*. Edges are
//! taken greedily, heaviest first, each token used at most once. For the
//! handful of tokens a name has, greedy is the optimal assignment in all but
//! contrived cases, at a fraction of the Hungarian algorithm's cost.
//!
//! The score weighs tokens by rarity: matching `Khoroshev` says much more
//! than matching `Mohammed`. With `w` a token's weight and `s` an edge's
//! similarity:
//!
//! ```text
//!            Σ_edges s · (w_query + α · w_list)
//! score = ─────────────────────────────────────────────
//!          Σ_query w  +  α · Σ_list w · (1 or u for unmatched patronymics)
//! ```
//!
//! Unmatched query tokens cost their full weight: the query says something
//! the list does not. Unmatched list tokens cost `α` (0.5) of theirs: lists
//! carry middle names and patronymics that queries leave out, and a missing
//! token is weaker evidence than a contradicting one.

use veto_index::analyze::TokClass;

/// Weight of list-side tokens relative to query-side ones.
pub const ALPHA: f32 = 0.3;
/// Factor on the weight of an unmatched list patronymic.
pub const UNMATCHED_PATRONYMIC: f32 = 0.3;
/// Factor on the weight of unmatched query words when the list name is
/// fully matched (see [`align`]).
pub const EXTRA_QUERY: f32 = 0.5;
/// Weight of unmatched list words, instead of [`ALPHA`], when the query
/// also has unmatched words (a substitution, not an omission).
pub const CONFLICT_LIST: f32 = 0.6;
/// Similarity of an initial to a word starting with its letter.
pub const INITIAL_SIM: f32 = 0.8;

/// One token on either side, as the aligner sees it.
#[derive(Clone, Debug)]
pub struct Side<'a> {
    /// Folded text.
    pub text: &'a str,
    /// Class.
    pub class: TokClass,
    /// Weight.
    pub weight: f32,
}

/// How an edge matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Equal tokens.
    Exact,
    /// Similar tokens (spelling, transliteration, synonym).
    Similar,
    /// An initial and a word starting with it.
    Initial,
    /// Two adjacent query tokens joined equal one list token.
    JoinedQuery,
    /// One query token equals two adjacent list tokens joined.
    JoinedList,
}

/// One chosen edge.
#[derive(Clone, Debug)]
pub struct Edge {
    /// Query token indices (one, or two for a joined pair).
    pub q: (usize, Option<usize>),
    /// List token indices (one, or two for a joined pair).
    pub c: (usize, Option<usize>),
    /// Similarity.
    pub sim: f32,
    /// How.
    pub how: How,
}

/// The outcome of aligning a query with one name.
#[derive(Clone, Debug, Default)]
pub struct Alignment {
    /// Chosen edges.
    pub edges: Vec<Edge>,
    /// Query tokens left unmatched.
    pub unmatched_q: Vec<usize>,
    /// List tokens left unmatched.
    pub unmatched_c: Vec<usize>,
    /// The name score.
    pub score: f32,
}

fn initial_sim(a: &Side, b: &Side) -> f32 {
    let ai = a.class == TokClass::Initial;
    let bi = b.class == TokClass::Initial;
    // An initial stands for a name word, not a particle (S. is not al-).
    let wordish =
        |t: &Side| matches!(t.class, TokClass::Word | TokClass::Patronymic | TokClass::Initial);
    if !(ai || bi) {
        return 0.0;
    }
    let (a0, b0) = (a.text.as_bytes().first(), b.text.as_bytes().first());
    let same = || {
        a0 == b0
            || (ai && initial_of(b.text.as_bytes(), a0))
            || (bi && initial_of(a.text.as_bytes(), b0))
    };
    if wordish(a) && wordish(b) && same() {
        if ai && bi {
            1.0
        } else {
            INITIAL_SIM
        }
    } else {
        0.0
    }
}

/// Whether `initial` (an initial's letter) may stand for `word` though not
/// its first letter: the vowel of a Cyrillic iotated one (Е, Ю, Я, Ё) that
/// one romanization writes `ye` and another `e` (E. for Yevgeniy).
fn initial_of(word: &[u8], initial: Option<&u8>) -> bool {
    matches!(initial, Some(b'e' | b'a' | b'u' | b'o'))
        && word.first() == Some(&b'y')
        && word.get(1) == initial
}

/// Aligns `q` with `c`. `sim(i, j)` is the similarity of query token `i`
/// and list token `j` (0 below the floor); `joined(text_a, text_b)` the
/// similarity of a token and the concatenation of two.
pub fn align(
    q: &[Side],
    c: &[Side],
    sim: &mut dyn FnMut(usize, usize) -> f32,
    joined: &mut dyn FnMut(&str, &str, &str) -> f32,
) -> Alignment {
    let mut edges: Vec<(f32, Edge)> = Vec::new();
    for (i, qt) in q.iter().enumerate() {
        for (j, ct) in c.iter().enumerate() {
            let init = initial_sim(qt, ct);
            let (s, how) = if init > 0.0 {
                (init, How::Initial)
            } else {
                let s = sim(i, j);
                (s, if s >= 1.0 { How::Exact } else { How::Similar })
            };
            if s > 0.0 {
                let mass = s * (qt.weight + ALPHA * ct.weight);
                edges.push((mass, Edge { q: (i, None), c: (j, None), sim: s, how }));
            }
        }
    }
    // Tokens spelt exactly as a token of the other side: two of them are
    // never better read joined (VA DEGTYAREV is not DEGTYAREV with VA left
    // over, however close "vadegtyarev" is).
    let mut exact_q = vec![false; q.len()];
    let mut exact_c = vec![false; c.len()];
    for (_, e) in &edges {
        if e.how == How::Exact {
            exact_q[e.q.0] = true;
            exact_c[e.c.0] = true;
        }
    }
    // Joined pairs: only between word-like tokens, and only when the
    // joined form is closer than the parts would be.
    let joinable = |t: &Side| {
        matches!(
            t.class,
            TokClass::Word | TokClass::Particle | TokClass::Patronymic | TokClass::Honorific
        )
    };
    for i in 0..q.len().saturating_sub(1) {
        if !joinable(&q[i]) || !joinable(&q[i + 1]) || (exact_q[i] && exact_q[i + 1]) {
            continue;
        }
        for (j, ct) in c.iter().enumerate() {
            if ct.text.len() < q[i].text.len() + 2 || !joinable(ct) {
                continue;
            }
            let s = joined(ct.text, q[i].text, q[i + 1].text).max(joined(
                ct.text,
                q[i + 1].text,
                q[i].text,
            ));
            if s > 0.0 {
                let mass = s * (q[i].weight + q[i + 1].weight + ALPHA * ct.weight);
                edges.push((
                    mass,
                    Edge { q: (i, Some(i + 1)), c: (j, None), sim: s, how: How::JoinedQuery },
                ));
            }
        }
    }
    for j in 0..c.len().saturating_sub(1) {
        if !joinable(&c[j]) || !joinable(&c[j + 1]) || (exact_c[j] && exact_c[j + 1]) {
            continue;
        }
        for (i, qt) in q.iter().enumerate() {
            if qt.text.len() < c[j].text.len() + 2 || !joinable(qt) {
                continue;
            }
            let s = joined(qt.text, c[j].text, c[j + 1].text).max(joined(
                qt.text,
                c[j + 1].text,
                c[j].text,
            ));
            if s > 0.0 {
                let mass = s * (qt.weight + ALPHA * (c[j].weight + c[j + 1].weight));
                edges.push((
                    mass,
                    Edge { q: (i, None), c: (j, Some(j + 1)), sim: s, how: How::JoinedList },
                ));
            }
        }
    }
    edges.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut used_q = vec![false; q.len()];
    let mut used_c = vec![false; c.len()];
    let mut out = Alignment::default();
    let mut matched = 0.0f32;
    for (mass, e) in edges {
        let qs = [Some(e.q.0), e.q.1];
        let cs = [Some(e.c.0), e.c.1];
        if qs.iter().flatten().any(|&i| used_q[i]) || cs.iter().flatten().any(|&j| used_c[j]) {
            continue;
        }
        for &i in qs.iter().flatten() {
            used_q[i] = true;
        }
        for &j in cs.iter().flatten() {
            used_c[j] = true;
        }
        matched += mass;
        out.edges.push(e);
    }
    let wq: f32 = q.iter().map(|t| t.weight).sum();
    let mut wc = 0.0f32;
    for (j, t) in c.iter().enumerate() {
        let f =
            if !used_c[j] && t.class == TokClass::Patronymic { UNMATCHED_PATRONYMIC } else { 1.0 };
        wc += t.weight * f;
        if !used_c[j] {
            out.unmatched_c.push(j);
        }
    }
    out.unmatched_q = (0..q.len()).filter(|&i| !used_q[i]).collect();
    // A query that carries more than the list name (a full name against a
    // short alias: DOST MOHAMMAD KHAN HAQQANI / DOST MOHAMMAD) is weaker
    // counter-evidence than a query word that replaces a list word: when
    // every list word is found, and at least two of them, the extra query
    // words cost EXTRA_QUERY of their weight.
    let list_covered = out.unmatched_c.iter().all(|&j| c[j].class == TokClass::Patronymic);
    let matched_list = used_c.iter().filter(|&&u| u).count();
    let wq = if list_covered && matched_list >= 2 {
        let unmatched: f32 = out.unmatched_q.iter().map(|&i| q[i].weight).sum();
        wq - unmatched * (1.0 - EXTRA_QUERY)
    } else {
        wq
    };
    // A query word where the list has another word is a contradiction (the
    // same name with one given name swapped is usually another person):
    // then the list's unmatched words cost more than a plain omission.
    let contentful = |t: &Side| matches!(t.class, TokClass::Word | TokClass::Number);
    let conflict = out.unmatched_q.iter().any(|&i| contentful(&q[i]))
        && out.unmatched_c.iter().any(|&j| contentful(&c[j]));
    // Two different patronymics name two different fathers.
    let patronymic = |t: &Side| t.class == TokClass::Patronymic;
    let father_conflict = out.unmatched_q.iter().any(|&i| patronymic(&q[i]))
        && out.unmatched_c.iter().any(|&j| patronymic(&c[j]));
    if conflict {
        let unmatched: f32 =
            out.unmatched_c.iter().filter(|&&j| contentful(&c[j])).map(|&j| c[j].weight).sum();
        wc += unmatched * (CONFLICT_LIST / ALPHA - 1.0);
    }
    if father_conflict {
        let unmatched: f32 =
            out.unmatched_c.iter().filter(|&&j| patronymic(&c[j])).map(|&j| c[j].weight).sum();
        wc += unmatched * (CONFLICT_LIST / ALPHA - UNMATCHED_PATRONYMIC);
    }
    // Middle names left out (Cinthia GOMEZ / Cinthia Edelmira MONTERROSO
    // GOMEZ): every query word found, in the list's order, from its first
    // word to its last, with only words in between missing. That is how
    // people shorten names, so those words cost less.
    if let Some(f) = middle_omitted(&out, q.len(), c.len()) {
        let middle: f32 = out
            .unmatched_c
            .iter()
            .map(|&j| {
                let p = if c[j].class == TokClass::Patronymic { UNMATCHED_PATRONYMIC } else { 1.0 };
                c[j].weight * p
            })
            .sum();
        wc -= middle * (1.0 - f);
    }
    let denom = wq + ALPHA * wc;
    out.score = if denom > 0.0 { (matched / denom).clamp(0.0, 1.0) } else { 0.0 };
    // A match that rests on one inexact token pair has nothing to
    // corroborate it (Tesla/TESA, ABB/ABBA): its similarity counts half again.
    // An initial beside it corroborates nothing either: one letter in common
    // (Jake Auchincloss / JAK-A) is what any two names have.
    let mut words = out.edges.iter().filter(|e| e.how != How::Initial);
    if let (Some(only), None) = (words.next(), words.next()) {
        let joined = matches!(only.how, How::JoinedQuery | How::JoinedList);
        if only.sim < 1.0 && !joined {
            out.score *= only.sim.sqrt();
        }
    }
    out
}

/// Factor on the cost of list words left out between matched ones (see
/// [`middle_omitted`]).
pub const MIDDLE_OMITTED: f32 = 0.5;

/// Whether the alignment is a name with middle words left out: every query
/// token matched exactly (who shortens a name keeps the words it keeps as
/// they are; a changed word and missing ones are two doubts, Evan Bayh /
/// Juan Manuel ABOUZAID EL BAYEH), at least two word pairs, in the same
/// order on both sides, the list's first and last tokens matched and every
/// unmatched list token between them. Returns the factor on those tokens'
/// cost.
fn middle_omitted(a: &Alignment, nq: usize, nc: usize) -> Option<f32> {
    if !a.unmatched_q.is_empty() || a.unmatched_c.is_empty() || nq < 2 {
        return None;
    }
    if a.edges.iter().any(|e| e.sim < 1.0) {
        return None;
    }
    let mut pairs: Vec<(usize, usize, usize)> = a
        .edges
        .iter()
        .filter(|e| e.how != How::Initial)
        .map(|e| (e.q.0, e.c.0, e.c.1.unwrap_or(e.c.0)))
        .collect();
    if pairs.len() < 2 || pairs.len() != a.edges.len() {
        return None;
    }
    pairs.sort_unstable();
    if pairs.windows(2).any(|w| w[1].1 <= w[0].2) {
        return None;
    }
    let (first, last) = (pairs[0].1, pairs[pairs.len() - 1].2);
    (first == 0 && last + 1 == nc).then_some(MIDDLE_OMITTED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use veto_index::sim::token_sim;

    fn side(s: &str) -> Vec<Side<'_>> {
        s.split(' ')
            .map(|t| Side {
                text: t,
                class: if t.len() == 1 { TokClass::Initial } else { TokClass::Word },
                weight: 1.0,
            })
            .collect()
    }

    fn score(a: &str, b: &str) -> f32 {
        let (q, c) = (side(a), side(b));
        let mut sim = |i: usize, j: usize| {
            let s = token_sim(q[i].text, c[j].text);
            if s >= 0.72 {
                s
            } else {
                0.0
            }
        };
        let mut joined = |whole: &str, x: &str, y: &str| {
            let s = veto_index::sim::spelling_sim(whole, &format!("{x}{y}"));
            if s >= 0.9 {
                s
            } else {
                0.0
            }
        };
        align(&q, &c, &mut sim, &mut joined).score
    }

    #[test]
    fn order_free_and_joins() {
        assert!((score("vladimir putin", "putin vladimir") - 1.0).abs() < 1e-6);
        assert!(score("abdul rahman", "abdulrahman") > 0.95);
        assert!(score("abdulrahman", "abdul rahman") > 0.95);
        assert!(score("v putin", "vladimir putin") > 0.85);
        assert!(score("giuseppe conte", "giuseppe verdi") < 0.6);
        assert!(score("vladimir putin", "putin vladimir vladimirovich") > 0.75);
        assert_eq!(score("a", "b"), 0.0);
    }

    #[test]
    fn words_spelt_as_listed_are_not_read_joined() {
        // "va" + "degtyarev" joined is close to "degtyarev" (and heavier as
        // an edge), but both words are on the list as they are.
        assert!((score("va degtyarev plant", "va degtyarev plant") - 1.0).abs() < 1e-6);
        // ("hhhassan" is 0.93 like "hassan": a heavier edge than either word.)
        assert!((score("hh hassan", "hh hassan") - 1.0).abs() < 1e-6);
        // A word the list writes joined still meets its two parts.
        assert!(score("abdul rahman", "abdulrahman") > 0.95);
    }

    #[test]
    fn middle_names_left_out_cost_less() {
        // First and last word kept, exactly and in order: a shortened name.
        let kept = score("cinthia gomez", "cinthia edelmira monterroso gomez");
        assert!(kept >= 0.8, "{kept}");
        // Not when a kept word is changed (two doubts)...
        let changed = score("cinthio gomez", "cinthia edelmira monterroso gomez");
        assert!(changed < 0.8, "{changed}");
        // ...nor when the list's first word is the one missing (John Taylor /
        // Mark John Taylor is not a shortening of it)...
        let first_missing = score("john taylor", "mark edward john taylor");
        assert!(first_missing < kept - 0.05, "{first_missing}");
        // ...nor out of order.
        let swapped = score("gomez cinthia", "cinthia edelmira monterroso gomez");
        assert!(swapped < kept - 0.05, "{swapped}");
    }

    #[test]
    fn an_initial_does_not_corroborate_an_inexact_word() {
        // One inexact word and an initial: the word's similarity counts
        // again, as for a lone inexact word.
        let lone = score("jake", "jak");
        let with_initial = score("jake auchincloss", "jak a");
        assert!(with_initial < 0.8, "{with_initial}");
        assert!(with_initial <= lone + 1e-6, "{with_initial} > {lone}");
        // An exact word with an initial is still a match (V. PUTIN).
        assert!(score("vladimir putin", "v putin") > 0.85);
    }

    #[test]
    fn an_initial_may_be_an_iotated_vowel() {
        // E. for Yevgeniy (Евгений: Yevgeniy, Evgeniy), both ways.
        let iotated = score("e prigozhin", "yevgeniy prigozhin");
        assert!((iotated - score("y prigozhin", "yevgeniy prigozhin")).abs() < 1e-6);
        assert!((score("yevgeniy prigozhin", "e prigozhin") - iotated).abs() < 1e-6);
        assert!(score("yulia navalnaya", "u navalnaya") > 0.85);
        // Not a consonant (Y. is no Yasin's S.), nor a vowel after another
        // letter than y.
        assert!(score("s prigozhin", "yevgeniy prigozhin") < iotated - 0.1);
        assert!(score("e prigozhin", "yuvgeniy prigozhin") < iotated - 0.1);
        assert!(score("e prigozhin", "kevgeniy prigozhin") < iotated - 0.1);
    }
}
