//! The scanner: finds listed names inside a text segment.
//!
//! See DESIGN.md ("Scanning free text") for the algorithm and the evidence rule. In short:
//!
//! 1. The segment is tokenized once (folded, transliterated, with byte spans). Each distinct
//!    token is looked up once per [`ScanState`] and its *neighbours* (similar list tokens)
//!    cached, so the cost per token of running text is a hash lookup.
//! 2. Every list name has one or two *anchor* tokens, its rarest. A text token similar to an
//!    anchor proposes that name; the tokens around it are compared with the name's tokens
//!    and, when enough of the name's weight is there, the covered span becomes a candidate.
//! 3. Each candidate span (widened to adjacent legal forms) is screened by the matcher, the
//!    same scoring as `veto screen`; the span is narrowed to the tokens the hit aligned and,
//!    if it changed, screened again.
//! 4. A hit becomes a mention only with enough evidence: several tokens carrying real
//!    rarity, or a single rare token that is a whole listed name and not an everyday word,
//!    or an identifier of the entity found in the same segment.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use veto_index::analyze::TokClass;
use veto_index::sim::{deletion_hashes, one_edit, token_hash};
use veto_index::{FxMap, TOKEN_FLOOR};
use veto_matcher::{Explanation, Factor, Matcher, Query, QueryId, ScreenOptions};
use veto_model::IdKind;
use veto_names::Tokenizer;

use crate::words::CommonWords;

/// The default threshold of a mention's score.
pub const DEFAULT_SCAN_THRESHOLD: f32 = veto_matcher::DEFAULT_THRESHOLD;

/// Text tokens similar to an anchor at least this much propose its names.
const ANCHOR_SIM: f32 = 0.8;
/// A text word this similar to a word of a hit's query reading is the word
/// the hit aligned.
const ALIGNED_SIM: f32 = 0.7;
/// When a person's name is there only in part, each word must be at least
/// this similar to the listed one.
const PARTIAL_SIM: f32 = 0.9;
/// Below this Zipf × 10, a word of Cyrillic text capitalized inside a
/// sentence is a proper noun, not an everyday word (see [`Ctx::cover`]).
const PROPER_ZIPF: u8 = 50;
/// The similarity of a declined word to the list word it is a case of
/// (Сбербанка: SBERBANK).
const INFLECTED_SIM: f32 = 0.95;
/// A proposed name is screened when the tokens around the anchor cover at
/// least this share of its weight.
const MIN_COVER: f32 = 0.6;
/// A word this frequent (Zipf × 10) is an everyday word: matched exactly
/// only, never a mention on its own.
const COMMON_ZIPF: u8 = 30;
/// Words this frequent are function words (to, new, said): never anchors.
const FUNCTION_ZIPF: u8 = 55;
/// A word about shipping this many words from a vessel's one-word name, at
/// most, makes its sentence one about shipping.
const SHIPPING_NEAR: usize = 8;
/// An everyday word less frequent than this (a surname of Russian text,
/// ROMANENKO) is still a name's second anchor, matched exactly.
const SELDOM_ZIPF: u8 = 40;
/// A mention of several tokens needs this much list rarity in total.
const MIN_RARITY: f32 = 0.9;
/// A single-token mention needs a token at least this rare in the lists (in
/// fewer than about 200 of the embedded lists' 40,000 names: "Sberbank",
/// "Gazprom" alone are those entities, though many listed names carry them).
const SINGLE_RARITY: f32 = 0.5;
/// The rarity of a person's last name that makes the middle names needless
/// (see [`skippable_middle`]).
const RARE_SURNAME: f32 = 0.8;
/// How much a middle name that may be left out counts, of its weight.
const MIDDLE_WEIGHT: f32 = 0.5;
/// A token at least this rare in the lists is distinctive: a mention needs one.
const DISTINCT: f32 = 0.5;
/// The list name's tokens a mention matches must carry this share of its weight.
const LIST_COVER: f32 = 0.6;
/// Words of legal forms this long or longer are read through one typo
/// wherever they are (shorter ones are one edit from too many names:
/// SHALKA, HALKA).
const FORM_TYPO_LEN: usize = 6;
/// Shorter words of legal forms, this long or longer, are read through one
/// typo only inside a form of several words, the others written right
/// (JQINT STOCK COMPANY; not SHALKA alone).
const SHORT_FORM_TYPO_LEN: usize = 5;
/// A listed name of this many words of substance or more, written whole
/// and spelt as listed, is a mention however common its words.
const WHOLE_WORDS: usize = 3;
/// The token cache is emptied when it grows past this many entries.
const CACHE_LIMIT: usize = 400_000;
/// A number or reference this long or longer that nothing is known about
/// (no list word, identifier, everyday word or legal form) is not cached:
/// an account number, amount or date seldom recurs, and caching each
/// would grow the cache by a word per message.
const TRANSIENT_LEN: usize = 6;
/// [`STok::info`] of a word not cached (see [`TRANSIENT_LEN`]): the rest is
/// its index in [`ScanState::transient_at`].
const TRANSIENT: u32 = 1 << 31;
/// At most this many entities are reported for one span of text.
const PER_SPAN: usize = 3;
/// The cache of screened spans is emptied when it grows past this.
const SCREEN_CACHE_LIMIT: usize = 50_000;
/// Segments this long or shorter are remembered with their mentions: a
/// payment flow repeats its banks' BICs, countries, towns and parties.
const MEMO_SEGMENT_LEN: usize = 64;
/// The remembered segments are forgotten when they grow past this many.
const SEGMENT_MEMO_LIMIT: usize = 50_000;
/// Hits asked of the matcher per span (several entities often share a name).
const SCREEN_LIMIT: usize = 10;

/// Scanning options.
#[derive(Clone, Copy, Debug)]
pub struct ScanOptions {
    /// Report mentions scoring at least this.
    pub threshold: f32,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions { threshold: DEFAULT_SCAN_THRESHOLD }
    }
}

/// A piece of text to scan: a whole document, or one field of a message.
#[derive(Clone, Debug)]
pub struct Segment<'a> {
    /// The text. Byte `i` of it is byte `offset + i` of the original input.
    pub text: &'a str,
    /// Where the text starts in the original input.
    pub offset: usize,
    /// The message field it came from (`59`, `Cdtr/Nm`), if any.
    pub field: Option<&'a str>,
}

/// A listed name found in the text.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index of the entity in the matcher's entities.
    pub entity: u32,
    /// The score.
    pub score: f32,
    /// Byte range in the original input.
    pub span: Range<usize>,
    /// The text of the span, as written.
    pub text: String,
    /// The field it was found in, for messages.
    pub field: Option<String>,
    /// Why.
    pub explanation: Explanation,
}

/// What the scanner knows about one distinct folded token.
#[derive(Debug, Default)]
struct TokInfo {
    /// Similar list tokens, by vocabulary id (sorted), with similarity.
    nbrs: Box<[(u32, f32)]>,
    /// Where the ids of `nbrs` start in [`ScanState::nbr_ids`].
    nbr_at: u32,
    /// Everyday-word frequency (Zipf × 10).
    zipf: u8,
    /// The list words it is an anchor as (similar enough, and spelt so if
    /// it is an everyday word), each with the range of its postings in
    /// [`Scanner::anchor_post`]: the names it proposes.
    props: Box<[(u32, Range<usize>)]>,
    /// The vocabulary id of the token itself; for an everyday word, the only
    /// anchor it can be, with its `parts`.
    exact: Option<u32>,
    /// The vocabulary ids of the words the lists read it as: a compound's
    /// parts (ABDALLAH: abd, lah), a number word's number (SEGUNDA: 2).
    parts: Box<[u32]>,
    /// Entities having this token as an identifier.
    ids: Box<[(u32, IdKind)]>,
    /// Whether it is a given name (in some language).
    given: bool,
    /// A word of legal forms it misspells (likbility: liability), by index
    /// in [`Scanner::form_words`].
    form: Option<u32>,
}

/// One token of the segment being scanned.
#[derive(Clone, Copy, Debug)]
struct STok {
    start: usize,
    end: usize,
    /// [`Slot::nbr_bits`].
    nbr_bits: u64,
    info: u32,
    /// Sentence number: names do not cross sentence ends.
    sentence: u32,
    /// Whether the word is one letter (it may be an initial).
    letter: bool,
    /// Whether the word proposes names (its `props` are not empty).
    anchor: bool,
    /// The first byte of the folded word.
    first: u8,
    /// Where its neighbours' ids are in [`ScanState::nbr_ids`].
    nbrs: (u32, u32),
    /// Whether it is an identifier of some listed entity.
    id: bool,
    /// Whether an English possessive followed it ('s, cut off): a name
    /// ends there.
    possessive: bool,
    /// Whether a legal form may begin with it (as read, or as the form word
    /// it misspells): where none does, none is looked for.
    form: bool,
}

/// Hits of spans already scored, by span text and proposing names.
/// (Shared, not copied: most hits become no mention, and a mention copies
/// its own.)
type ScreenCache = FxMap<(Box<str>, Box<[u32]>), Hits>;

/// A short segment scanned before, by the hash of its field and text: its
/// mentions, their spans from the segment's start and without a field.
#[derive(Debug)]
struct MemoSegment {
    field: Option<Box<str>>,
    text: Box<str>,
    mentions: Box<[Mention]>,
}

/// The hits of one screened span.
type Hits = std::sync::Arc<[veto_matcher::Hit]>;

/// Per-thread scratch: the token cache and buffers. Create one per thread
/// and pass it to every [`Scanner::scan`] call of that thread.
#[derive(Debug)]
pub struct ScanState {
    cache: WordCache,
    infos: Vec<TokInfo>,
    texts: Vec<Box<str>>,
    /// The cached words' neighbours' ids, one after another (a word's are
    /// at its `STok::nbrs`): what marking a sentence reads.
    nbr_ids: Vec<u32>,
    tokenizer: Tokenizer,
    toks: Vec<STok>,
    /// Where each sentence of the segment starts (see [`Ctx::sentences`]).
    sentences: Vec<u32>,
    /// Hits of spans already screened: counterparties recur.
    screens: ScreenCache,
    /// Short segments already scanned, with the options they were scanned with.
    segments: FxMap<u64, MemoSegment>,
    memo_threshold: f32,
    scratch: Scratch,
    scanner_id: usize,
    /// Distinct words cached before the cache is emptied (between segments:
    /// the words of the segment being scanned refer to it).
    cache_limit: usize,
    /// The folded text of the current segment's words not cached (see
    /// [`TRANSIENT_LEN`]), one after another, and each one's range.
    transient: String,
    transient_at: Vec<Range<usize>>,
}

/// Scratch of the proposal step, kept between segments.
#[derive(Debug, Default)]
struct Scratch {
    /// Text words a cover has placed.
    used: Vec<usize>,
    /// What the current sentence may hold.
    marks: Marks,
    /// The segment's party lines (see [`Ctx::party_lines`]).
    party: Vec<TokSpan>,
    /// The candidate spans, with the names proposing them.
    spans: Vec<(TokSpan, u32)>,
}

/// The current sentence's marks: which list words, first letters and
/// initials it may hold.
#[derive(Debug)]
struct Marks {
    /// Whether some word of the current sentence may be similar to list
    /// word `v`: bit `v % MARK_BITS`, a Bloom filter of one hash (a name
    /// word not similar to any word of the sentence needs no search). Set
    /// for a sentence's words' neighbours, a few dozen to a few hundred:
    /// one or two percent of other words pass for them, and are looked
    /// for in vain. (A kilobyte, emptied for each sentence, in the
    /// processor's first cache: a bit per list word would need a stamp per
    /// block not to be emptied whole.)
    bits: [u64; MARK_BITS / 64],
    /// The first letters (bit `b % 64` of byte `b`) of the current
    /// sentence's one-letter words: an initial matches a name word by its
    /// first letter, not by similarity.
    initials: u64,
    /// The first letters of all the current sentence's words: an initial of
    /// a name matches a word it begins.
    firsts: u64,
    /// The current sentence's words.
    sentence: std::ops::Range<usize>,
}

/// The bits of [`Marks::bits`].
const MARK_BITS: usize = 8192;

impl Default for Marks {
    fn default() -> Marks {
        Marks { bits: [0; MARK_BITS / 64], initials: 0, firsts: 0, sentence: 0..0 }
    }
}

impl Marks {
    /// Marks the words similar to the text words `words` as the current sentence's.
    fn stamp(&mut self, ctx: &Ctx<'_, '_>, words: std::ops::Range<usize>) {
        self.bits = [0; MARK_BITS / 64];
        self.initials = 0;
        self.firsts = 0;
        self.sentence = words.clone();
        for q in words {
            let first = initial_bit(ctx.toks[q].first);
            self.firsts |= first;
            if ctx.toks[q].letter {
                self.initials |= first;
            }
            let (a, b) = ctx.toks[q].nbrs;
            for &v in ctx.nbr_ids.get(a as usize..b as usize).unwrap_or(&[]) {
                let v = v as usize % MARK_BITS;
                self.bits[v / 64] |= 1 << (v % 64);
            }
        }
    }

    /// Whether some word of the current sentence may be similar to list
    /// word `v` (if not, none is).
    fn similar_here(&self, v: u32) -> bool {
        let v = v as usize % MARK_BITS;
        self.bits[v / 64] & (1 << (v % 64)) != 0
    }

    /// Whether the current sentence may hold name word `w`, proposed by a
    /// text word like `anchor`: the anchor itself, a word like some word of
    /// the sentence, or an initial, on either side, with its letter.
    fn may_be_here(&self, w: &CoverWord, anchor: u32) -> bool {
        let bit = initial_bit(w.first);
        w.v == anchor
            || self.similar_here(w.v)
            || bit & self.initials != 0
            || (w.initial && bit & self.firsts != 0)
    }
}

impl ScanState {
    /// An empty state.
    pub fn new() -> ScanState {
        ScanState::with_cache_limit(CACHE_LIMIT)
    }

    /// An empty state whose word cache is emptied, between segments, once
    /// it holds `limit` distinct words (the default is 400,000: some
    /// hundred megabytes at most). A segment with more distinct words than
    /// that keeps them all until it is done.
    pub fn with_cache_limit(limit: usize) -> ScanState {
        ScanState {
            cache: WordCache::default(),
            infos: Vec::new(),
            texts: Vec::new(),
            nbr_ids: Vec::new(),
            tokenizer: Tokenizer::default(),
            toks: Vec::new(),
            sentences: Vec::new(),
            screens: ScreenCache::default(),
            segments: FxMap::default(),
            memo_threshold: f32::NAN,
            scratch: Scratch::default(),
            scanner_id: 0,
            cache_limit: limit,
            transient: String::new(),
            transient_at: Vec::new(),
        }
    }

    /// How many distinct words the state has cached (numbers and references
    /// that nothing is known about are not: see [`TRANSIENT_LEN`]).
    pub fn cached_words(&self) -> usize {
        self.infos.len()
    }
}

impl Default for ScanState {
    fn default() -> ScanState {
        ScanState::new()
    }
}

/// The scanner: anchors and identifiers of one matcher's lists.
#[derive(Debug)]
pub struct Scanner<'m> {
    matcher: &'m Matcher,
    /// Per vocabulary token (offsets into `anchor_post`), the names it
    /// proposes as an anchor.
    anchor_off: Vec<u32>,
    anchor_post: Vec<Post>,
    /// Identifier key (lowercase letters and digits) → entities.
    ids: FxMap<String, Vec<(u32, IdKind)>>,
    words: &'static CommonWords,
    /// The names' words in the order [`Ctx::cover`] looks for them: by
    /// weight, heaviest first. One flat array, each name's words in a row
    /// (a [`Post`] holds where).
    cover_words: Vec<CoverWord>,
    /// The words of legal forms of at least [`SHORT_FORM_TYPO_LEN`]
    /// letters, for reading a misspelt one (likbility, compnay) as the form.
    form_words: Vec<Box<str>>,
    /// Hashes of each form word and its one-letter deletions → form words
    /// (a word one edit from a form word shares one with it).
    form_dels: FxMap<u64, Vec<u32>>,
    /// Names by their content words (vocabulary ids, sorted): a party's name
    /// in a message field that is exactly a listed name.
    exact: FxMap<Box<[u32]>, Vec<u32>>,
    /// Whether to print each candidate span and verdict to stderr
    /// (`VETO_SCAN_TRACE` set): why a name was or was not reported.
    trace: bool,
    /// What is known of a word not cached: nothing (see [`TRANSIENT_LEN`]).
    blank: TokInfo,
    /// Hashes of the numbers and references of [`TRANSIENT_LEN`] or more
    /// that something is known about: list words, identifier keys, everyday
    /// words, legal forms' first words. Any other is not cached, without
    /// looking it up in each (a hash that collides only sends a word the
    /// long way).
    plain_known:
        std::collections::HashSet<u64, std::hash::BuildHasherDefault<veto_index::FxHasher>>,
    /// The persons' names (entity, name) whose last word is the second of
    /// two family names, which text may leave out (see
    /// [`second_family_name`]).
    second_family: NameSet,
}

/// Names of the index, as (entity, name).
type NameSet =
    std::collections::HashSet<(u32, u16), std::hash::BuildHasherDefault<veto_index::FxHasher>>;

/// The index in `n` of its last word if `n` is in `set` (see
/// [`Scanner::second_family`]).
fn last_word_in(set: &NameSet, n: &veto_index::NameEntry) -> Option<usize> {
    set.contains(&(n.entity, n.name)).then(|| n.toks.len() - 1)
}

/// A name an anchor word proposes, with what [`Ctx::cover`] reads first:
/// most proposals end on the name's rarest word or its next required one,
/// and checking them here spares reading the name (the postings of an
/// anchor are read in a row; the names' words are anywhere in memory).
#[derive(Clone, Copy, Debug)]
struct Post {
    name: u32,
    /// The name's words in [`Scanner::cover_words`].
    words: (u32, u32),
    /// The sum of their weights.
    weight_sum: f32,
    /// The first of the name's cover words (none for a name without words).
    rarest: Option<CoverWord>,
    /// A word other than the anchor and the rarest without which the name's
    /// words cannot weigh enough for a cover, if there is one.
    need: Option<CoverWord>,
    /// Whether one word of text may be the name (one not of a person, its
    /// first word of three letters or more; see [`Ctx::cover`]).
    solo: bool,
    /// Whether the name is one word, maybe repeated (one word of text is
    /// the whole of it, or a compound of its words).
    one_word: bool,
    /// Words of text the name's may have between them beyond its own: a
    /// legal form inside the name (KATINA DRUSTVO S OGRANICENOM
    /// ODGOVORNOSCU ZA NEKRETNINE, a Serbian d.o.o. before its trade).
    slack: u8,
}

/// A word of a name, as [`Ctx::cover`] reads it.
#[derive(Clone, Copy, Debug)]
struct CoverWord {
    /// Vocabulary id.
    v: u32,
    weight: f32,
    /// The word's first byte (an initial matches a word it begins).
    first: u8,
    /// Whether the word is an initial.
    initial: bool,
    /// Whether the name has the word more than once (Omar Awadh OMAR).
    repeated: bool,
    /// Whether the word is a particle (al, bin): no initial of text stands
    /// for one.
    particle: bool,
}

/// Identifier kinds distinctive enough to find in running text.
fn scannable_id(kind: IdKind, key: &str) -> bool {
    let digits = key.bytes().filter(u8::is_ascii_digit).count();
    match kind {
        IdKind::SwiftBic => key.len() == 8 || key.len() == 11,
        IdKind::Imo => key.len() == 7 && digits == 7,
        IdKind::Lei | IdKind::DigitalCurrency => key.len() >= 12,
        IdKind::Mmsi => key.len() == 9 && digits == 9,
        IdKind::Passport
        | IdKind::NationalId
        | IdKind::TaxId
        | IdKind::Registration
        | IdKind::AircraftSerial
        | IdKind::Other => {
            // Long enough not to be an amount or a date, with digits.
            (digits >= 1 && key.len() >= 8 && digits < key.len()) || digits >= 9
        }
        _ => false,
    }
}

impl<'m> Scanner<'m> {
    /// Builds the scanner's tables over a matcher's lists (tens of milliseconds).
    pub fn new(matcher: &'m Matcher) -> Scanner<'m> {
        let index = matcher.index();
        let nv = index.vocab.len();
        // A word's neighbour count shares a `u32` with three flags in its `Slot`.
        assert!(nv < Slot::FORM as usize, "{nv} list words: more than a word cache entry counts");
        // Anchors: the token of each name that is least likely in ordinary
        // text: not an everyday word if the name has one, else its rarest.
        // A second distinctive token is an anchor too, so that a misspelling
        // beyond repair of one of them still leaves the name findable.
        let words = CommonWords::get();
        let second_family: NameSet = index
            .names
            .iter()
            .filter(|n| {
                matcher.entities()[n.entity as usize].kind == veto_model::Kind::Person
                    && full_name(matcher, n).and_then(|f| second_family_name(index, n, f)).is_some()
            })
            .map(|n| (n.entity, n.name))
            .collect();
        let second_of = |n: &veto_index::NameEntry| last_word_in(&second_family, n);
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (ni, n) in index.names.iter().enumerate() {
            let content = |j: &usize| {
                !matches!(
                    n.classes[*j],
                    TokClass::Initial
                        | TokClass::Particle
                        | TokClass::Honorific
                        | TokClass::OrgSymbol
                )
            };
            let mut order: Vec<usize> = (0..n.toks.len()).filter(content).collect();
            if order.is_empty() {
                order = (0..n.toks.len()).filter(|&j| n.classes[j] != TokClass::Initial).collect();
            }
            // Numbers and one- or two-letter tokens are everywhere in text.
            let everyday = |j: usize| {
                let t = index.vocab.text(n.toks[j]);
                t.len() <= 2
                    || t.bytes().all(|b| b.is_ascii_digit())
                    || words.zipf10(t) >= COMMON_ZIPF
            };
            // A name that can never make a mention needs no anchor: one with no
            // distinctive token, or a single word that is an everyday word or
            // a person's (see the evidence rule).
            let max_w = n.weights.iter().copied().fold(0.0f32, f32::max);
            let single_with_form = n.toks.len() == 1 && !n.legal.is_empty();
            // (A name whose whole self is the evidence — with its legal form,
            // LTD GENERAL TECHNOLOGY, or of three words or more, CENTRAL
            // REPUBLIC BANK — is looked for too.)
            let substance =
                n.toks.iter().filter(|&&v| !is_function_word(index.vocab.text(v))).count();
            let kind = matcher.entities()[n.entity as usize].kind;
            // (An organization's name of two words, one no everyday word, is
            // a mention whole and capitalized — BANK TEJARAT, though TEJARAT,
            // "trade", is a word of company names: it is looked for by that
            // word.)
            let org = !matches!(kind, veto_model::Kind::Person | veto_model::Kind::Vessel);
            let unusual = |j: &usize| n.classes[*j] != TokClass::Initial && !everyday(*j);
            let pair = org && n.legal.is_empty() && substance == 2 && n.toks.len() == 2;
            if max_w < DISTINCT && n.legal.is_empty() && substance < WHOLE_WORDS {
                if !pair {
                    continue;
                }
                match (0..n.toks.len())
                    .filter(unusual)
                    .max_by(|&a, &b| n.weights[a].total_cmp(&n.weights[b]))
                {
                    Some(j) => order = vec![j],
                    None => continue,
                }
            }
            if order.len() == 1 && n.toks.len() == 1 {
                // (A vessel's is found after a vessel word: "the vessel FREEDOM".)
                let qualified = !n.legal.is_empty() || kind == veto_model::Kind::Vessel;
                // (A name the press of many languages writes alike is a name
                // alone, capitalized: TALIBAN; see the evidence rule.)
                let t = index.vocab.text(n.toks[order[0]]);
                let middling = t.len() > 3 && press_name(words, t, kind);
                if kind == veto_model::Kind::Person
                    || (everyday(order[0]) && !qualified && !middling)
                {
                    continue;
                }
            }
            order.sort_by(|&a, &b| {
                everyday(a).cmp(&everyday(b)).then(n.weights[b].total_cmp(&n.weights[a]))
            });
            // A function word ("to", "new", "said") would test every sentence:
            // anchor on the name's other words.
            // (A one-word name with a legal form is looked for by that word.)
            // (A name of such words only, DES INTERNATIONAL, keeps its first.)
            let first = order.first().copied();
            order.retain(|&j| {
                let t = index.vocab.text(n.toks[j]);
                !is_function_word(t) && (single_with_form || words.zipf10(t) < FUNCTION_ZIPF)
            });
            if order.is_empty() {
                order.extend(first);
            }
            // A person's patronymic, however rare, is left out more often
            // than written ("Viktor Bout" for BOUT, Viktor Anatolijevitch):
            // the name's next word anchors it too, everyday or not.
            let patronymic_first = kind == veto_model::Kind::Person
                && order.first().is_some_and(|&j| {
                    veto_index::analyze::is_patronymic(index.vocab.text(n.toks[j]))
                });
            // So is the second of two family names (MADURO MOROS, Nicolas:
            // "Nicolas Maduro"): the first anchors the name too.
            if let Some(last) = second_of(n).filter(|l| order.first() == Some(l)) {
                pairs.push((n.toks[last - 1], ni as u32));
            }
            for (k, &j) in order.iter().take(2).enumerate() {
                // (A name of everyday words only, TORRES FELIX Javier, has two
                // everyday anchors: one may be spelt otherwise, Феликс. So has
                // a name whose second word is everyday but not frequent, a
                // surname of Russian text: ROMANENKO, Roman Yuryevich, whose
                // patronymic has many spellings.)
                // (A number or a word of one or two letters counts as
                // everyday whatever the word lists say: never seldom.)
                let t = index.vocab.text(n.toks[j]);
                let seldom = t.len() > 2
                    && !t.bytes().all(|b| b.is_ascii_digit())
                    && words.zipf10(t) < SELDOM_ZIPF;
                if k == 0
                    || patronymic_first
                    || (n.weights[j] >= DISTINCT && (!everyday(j) || everyday(order[0]) || seldom))
                {
                    pairs.push((n.toks[j], ni as u32));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut anchor_off = vec![0u32; nv + 1];
        for &(v, _) in &pairs {
            anchor_off[v as usize + 1] += 1;
        }
        for i in 0..nv {
            anchor_off[i + 1] += anchor_off[i];
        }
        let mut cover_off = Vec::with_capacity(index.names.len() + 1);
        let mut cover_words: Vec<CoverWord> = Vec::new();
        cover_off.push(0);
        for n in &index.names {
            // A person's middle names are often left out after a rare
            // family name (Ali KHAMENEI for Ali Husseini KHAMENEI; see
            // `skippable_middle`): they count half, and the first and last
            // names are what the cover looks for first.
            let person = matcher.entities()[n.entity as usize].kind == veto_model::Kind::Person;
            let middle = if person { skippable_middle(index, n) } else { 0..0 };
            // So is the second of two family names (see `second_family_name`).
            let second = second_of(n);
            let weight = |j: usize| {
                if middle.contains(&j) || second == Some(j) {
                    MIDDLE_WEIGHT * n.weights[j]
                } else {
                    n.weights[j]
                }
            };
            let mut js: Vec<usize> = (0..n.toks.len()).collect();
            js.sort_by(|&x, &y| weight(y).total_cmp(&weight(x)));
            cover_words.extend(js.into_iter().map(|j| {
                let v = n.toks[j];
                CoverWord {
                    v,
                    weight: weight(j),
                    first: index.vocab.text(v).bytes().next().unwrap_or(0),
                    initial: n.classes[j] == TokClass::Initial,
                    repeated: n.toks.iter().filter(|&&x| x == v).count() > 1,
                    particle: n.classes[j] == TokClass::Particle,
                }
            }));
            cover_off.push(cover_words.len() as u32);
        }
        let anchor_post: Vec<Post> = pairs
            .into_iter()
            .map(|(anchor, ni)| {
                let (a, b) = (cover_off[ni as usize], cover_off[ni as usize + 1]);
                let order = &cover_words[a as usize..b as usize];
                let n = &index.names[ni as usize];
                let weight_sum: f32 = order.iter().map(|w| w.weight).sum();
                let rarest = order.first().copied();
                // Without `w`, the most the name's words can weigh, summed as
                // the cover sums them (in order, so never more than the cover's
                // bound when `w` is missing). (Where `w` is not, neither is the
                // same word again, but as an initial matching a word it begins.)
                let need = order.iter().skip(1).copied().find(|w| {
                    let gone = |x: &&CoverWord| x.v == w.v && (w.initial || !x.initial);
                    let without: f32 = order.iter().filter(|x| !gone(x)).map(|x| x.weight).sum();
                    w.v != anchor
                        && Some(w.v) != rarest.map(|r| r.v)
                        && without + 1e-4 < MIN_COVER * weight_sum
                });
                let solo = matcher.entities()[n.entity as usize].kind != veto_model::Kind::Person
                    && n.toks.first().is_some_and(|&v| index.vocab.text(v).len() >= 3);
                let one_word = n.toks.windows(2).all(|w| w[0] == w[1]);
                let slack = inner_form_slack(index, n, &matcher.entities()[n.entity as usize]);
                Post { name: ni, words: (a, b), weight_sum, rarest, need, solo, one_word, slack }
            })
            .collect();

        let mut ids: FxMap<String, Vec<(u32, IdKind)>> = FxMap::default();
        for (ei, e) in matcher.entities().iter().enumerate() {
            for id in &e.identifiers {
                let key = veto_matcher::evidence::id_key(&id.value).to_ascii_lowercase();
                if key.is_ascii() && scannable_id(id.kind, &key) {
                    let slot = ids.entry(key).or_default();
                    if !slot.iter().any(|&(x, _)| x == ei as u32) {
                        slot.push((ei as u32, id.kind));
                    }
                }
            }
        }
        let mut exact: FxMap<Box<[u32]>, Vec<u32>> = FxMap::default();
        for (ni, n) in index.names.iter().enumerate() {
            if n.toks.is_empty() {
                continue;
            }
            let mut key = n.toks.to_vec();
            key.sort_unstable();
            exact.entry(key.into()).or_default().push(ni as u32);
        }
        let forms = veto_names::LegalForms::get();
        let mut form_words: Vec<Box<str>> = forms
            .aliases()
            .flat_map(|(alias, _)| alias.split(' '))
            .filter(|w| w.len() >= SHORT_FORM_TYPO_LEN && w.bytes().all(|b| b.is_ascii_lowercase()))
            .map(Box::from)
            .collect();
        form_words.sort_unstable();
        form_words.dedup();
        let mut form_dels: FxMap<u64, Vec<u32>> = FxMap::default();
        for (i, w) in form_words.iter().enumerate() {
            for d in deletion_hashes(w).chain(std::iter::once(token_hash(w.as_bytes()))) {
                let slot = form_dels.entry(d).or_default();
                if !slot.contains(&(i as u32)) {
                    slot.push(i as u32);
                }
            }
        }
        let trace = std::env::var_os("VETO_SCAN_TRACE").is_some();
        let words = CommonWords::get();
        let plain = |w: &str| {
            w.len() >= TRANSIENT_LEN && (w.bytes().all(|b| b.is_ascii_digit()) || is_reference(w))
        };
        let vocab = &matcher.index().vocab;
        let plain_known = (0..vocab.len() as u32)
            .map(|v| vocab.text(v))
            .chain(ids.keys().map(String::as_str))
            .chain(words.words())
            .chain(
                veto_names::LegalForms::get()
                    .aliases()
                    .filter_map(|(alias, _)| alias.split(' ').next()),
            )
            .filter(|w| plain(w))
            .map(|w| token_hash(w.as_bytes()))
            .collect();
        Scanner {
            blank: TokInfo::default(),
            plain_known,
            second_family,
            matcher,
            anchor_off,
            anchor_post,
            ids,
            words,
            cover_words,
            exact,
            form_words,
            form_dels,
            trace,
        }
    }

    /// The matcher the scanner reports against.
    pub fn matcher(&self) -> &'m Matcher {
        self.matcher
    }

    /// Whether the evidence rule keeps `written`, a listed name of entity
    /// `entity` as it appears in a text, from being a mention on its own:
    /// a single word (legal forms aside) that is a person's name, an
    /// everyday word or a word many listed names share, with no legal form
    /// written by it. (A vessel's name is also qualified by a vessel word
    /// before it, "the tanker ATLANTIS", or a sentence about shipping, and
    /// any name by being a whole party field of a message — which `written`
    /// does not show.) Such a name is found only with more evidence (an
    /// identifier of the entity in the same message). Benchmarks use this to
    /// report recall over the names the rule allows.
    pub fn needs_context(&self, written: &str, entity: u32) -> bool {
        let Some(e) = self.matcher.entities().get(entity as usize) else {
            return false;
        };
        let analyzed = veto_index::analyze::analyze(written, Some(e.kind));
        let content: Vec<&str> = analyzed
            .tokens
            .iter()
            .filter(|t| !matches!(t.class, TokClass::Particle | TokClass::Honorific))
            .map(|t| t.text.as_str())
            .collect();
        let [word] = content.as_slice() else { return false };
        if !analyzed.legal_forms.is_empty() && e.kind != veto_model::Kind::Person {
            return false;
        }
        // A capitalized name the press of many languages writes alike
        // (TALIBAN) is taken as a name.
        let z = self.words.zipf10(word);
        let capitalized = written.chars().next().is_some_and(char::is_uppercase);
        let international = capitalized && press_name(self.words, word, e.kind);
        e.kind == veto_model::Kind::Person
            || word.len() < 4
            || (z >= COMMON_ZIPF && !international)
            || name_word(word, international)
            || self.matcher.index().rarity(word) < SINGLE_RARITY
    }

    /// The legal-form word that `text` misspells by one edit (a letter
    /// added, dropped, changed, or two swapped), if any; a form word itself
    /// misspells none.
    fn form_word(&self, text: &str) -> Option<u32> {
        if text.len() < SHORT_FORM_TYPO_LEN || !text.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if self.is_form_word(text) {
            return None;
        }
        deletion_hashes(text)
            .chain(std::iter::once(token_hash(text.as_bytes())))
            .filter_map(|d| self.form_dels.get(&d))
            .flatten()
            .copied()
            .filter(|&w| one_edit(&self.form_words[w as usize], text))
            // Of several, one of the same length (two letters swapped or
            // one changed: LIMITDE is LIMITED, not the alias LIMITD).
            .min_by_key(|&w| (self.form_words[w as usize].len().abs_diff(text.len()), w))
    }

    /// Whether `text` is a word of a legal form (of [`Scanner::form_words`]).
    fn is_form_word(&self, text: &str) -> bool {
        self.form_words.binary_search_by(|w| (**w).cmp(text)).is_ok()
    }

    /// The index in `n` of its last word if that is the second of two
    /// family names (see [`second_family_name`]).
    fn second_family(&self, n: &veto_index::NameEntry) -> Option<usize> {
        last_word_in(&self.second_family, n)
    }

    /// The postings of list word `v` as an anchor (a range of `anchor_post`).
    fn anchors(&self, v: u32) -> Range<usize> {
        self.anchor_off[v as usize] as usize..self.anchor_off[v as usize + 1] as usize
    }

    /// Looks a folded token up, computing and caching what is known about it.
    /// (`ascii`: whether `written` is known to be ASCII.)
    fn info(
        &self,
        st: &mut CacheParts<'_>,
        text: &str,
        numeric: bool,
        written: &str,
        ascii: bool,
    ) -> Slot {
        // What is known depends on the script the word was written in
        // (Карим and Karim fold alike but read differently).
        let key = if ascii || written.is_ascii() { text } else { written };
        if let Some(slot) = st.cache.get(key) {
            return slot;
        }
        // An account number (IT60X0542811101000000123456) is read as itself
        // only: no name spells or joins it.
        let plain = numeric || is_reference(text);
        // A number or reference nothing is known about: not cached (what the
        // long way below would find, sooner).
        let known = |t: &str| self.plain_known.contains(&token_hash(t.as_bytes()));
        if text.len() >= TRANSIENT_LEN
            && plain
            && !known(text)
            && !(text.len() == 11 && text.get(..8).is_some_and(known))
        {
            return st.transient(text);
        }
        let index = self.matcher.index();
        let zipf = self.words.zipf10_in(text, crate::words::WordScript::of(written));
        let in_vocab = index.vocab.id(text);
        let mut parts: Vec<u32> = Vec::new();
        let mut nbrs: Vec<(u32, f32)> = if plain {
            in_vocab.map(|v| vec![(v, 1.0)]).unwrap_or_default()
        } else if text.len() >= 3 || in_vocab.is_some() {
            // A list token's neighbours are precomputed. An everyday word
            // may be another spelling of a listed word (Кармен: karmen,
            // Carmen), but it never proposes a name (see `anchor`).
            let abjad = veto_index::is_abjad(written);
            let mut nbrs = index.neighbors_in(text, abjad);
            let mut readings = vec![text.to_string()];
            // Written in another script, the word is also read the ways
            // other conventions read it (Тхамир: thamir as well as tkhamir;
            // Ёнг: yong as well as eng, a list word too), as the matcher does.
            // A romanization of Cyrillic is read as the matcher reads it too
            // (madzhid: majid).
            let others = if written.is_ascii() {
                veto_names::translit::latin_readings(text)
            } else {
                veto_names::translit::variants(written)
            };
            for v in others {
                if !readings.contains(&v) && !v.contains(' ') {
                    nbrs.extend(index.neighbors_in(&v, abjad));
                    readings.push(v);
                }
            }
            // A Russian word declined (Сбербанка, Абрамовичем) is the list
            // word it is a case of, as the matcher reads it.
            if !written.is_ascii() {
                if let Some(v) = index.vocab.nominative(written, in_vocab.is_some()) {
                    nbrs.push((v, INFLECTED_SIM));
                    parts.push(v);
                }
            }
            // A compound the lists split (Amanullah: aman + ullah, Alaeddin:
            // ala + eddin, ABDALLAH: abd + lah, even where another list name
            // keeps it whole) is also its parts; a number word is its
            // number, as the lists' names read it (66TH: 66, SEGUNDA: 2).
            // ABDUL AZIZ: the lists read `abd` + `aziz`.
            // An Arabic name with its article joined to it (ALMAHMOUDI,
            // ELSAYED, AZZAWAHIRI: az-Zawahiri) is the listed name after the
            // article, as the matcher reads it joined — even a list word
            // (ALASSAD, as one list writes it, is AL-ASSAD of others).
            if in_vocab.is_none() || zipf < COMMON_ZIPF {
                if let Some(v) =
                    veto_index::analyze::joined_article(text).and_then(|rest| index.vocab.id(rest))
                {
                    nbrs.push((v, 1.0));
                    parts.push(v);
                    // (The article is a part too: ALSHABAAB is AL-SHABAAB,
                    // AZZAWAHIRI AL ZAWAHIRI.)
                    for article in [&text[..2], "al"] {
                        if let Some(a) = index.vocab.id(article) {
                            if !parts.contains(&a) {
                                nbrs.push((a, 1.0));
                                parts.push(a);
                            }
                        }
                    }
                }
            }
            if veto_index::analyze::is_abd(text) {
                if let Some(v) = index.vocab.id("abd") {
                    nbrs.push((v, 1.0));
                    parts.push(v);
                }
            }
            for r in &readings {
                let analyzed = veto_index::analyze::word_parts(r).unwrap_or_default();
                match analyzed.as_slice() {
                    // (And the second part of a compound written apart:
                    // EDDINE is `din`, ULLAH `lah`, ZADEH `zad`, as the lists
                    // read ANSAR EDDINE.)
                    [one] if one.text != *r => {
                        if let Some(v) = index.vocab.id(&one.text) {
                            nbrs.push((v, 1.0));
                            parts.push(v);
                        }
                    }
                    [_, _, ..] if r.len() >= 5 => {
                        for part in analyzed.iter().filter(|p| p.text.len() >= 2) {
                            nbrs.extend(index.neighbors(&part.text));
                            parts.extend(index.vocab.id(&part.text));
                        }
                    }
                    _ => {}
                }
            }
            nbrs
        } else {
            Vec::new()
        };
        // One entry per list word, with its best similarity.
        nbrs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        nbrs.dedup_by_key(|&mut (v, _)| v);
        // An everyday word is an anchor only as itself (or its parts).
        let everyday = zipf >= COMMON_ZIPF;
        let props: Box<[(u32, Range<usize>)]> = nbrs
            .iter()
            .filter(|&&(v, s)| {
                s >= ANCHOR_SIM && (!everyday || Some(v) == in_vocab || parts.contains(&v))
            })
            .map(|&(v, _)| (v, self.anchors(v)))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        let mut ids: Vec<(u32, IdKind)> = Vec::new();
        if text.len() >= 7 {
            if let Some(found) = self.ids.get(text) {
                ids.extend_from_slice(found);
            }
            // A BIC with a branch code: SABRRUMMXXX is SABRRUMM.
            if text.len() == 11 && text.is_ascii() {
                if let Some(found) = self.ids.get(&text[..8]) {
                    ids.extend(found.iter().filter(|(_, k)| *k == IdKind::SwiftBic));
                }
            }
        }
        let form_typo = if in_vocab.is_none() && zipf < COMMON_ZIPF && !numeric {
            self.form_word(text)
        } else {
            None
        };
        let form_text = form_typo.map_or(text, |f| &self.form_words[f as usize]);
        let form = veto_names::LegalForms::get().begins(form_text);
        if plain
            && text.len() >= TRANSIENT_LEN
            && nbrs.is_empty()
            && ids.is_empty()
            && zipf == 0
            && form_typo.is_none()
            && !form
        {
            return st.transient(text);
        }
        let i = st.infos.len() as u32;
        let nbr_at = st.nbr_ids.len() as u32;
        st.nbr_ids.extend(nbrs.iter().map(|&(v, _)| v));
        st.infos.push(TokInfo {
            nbrs: nbrs.into(),
            nbr_at,
            zipf,
            props,
            exact: in_vocab,
            parts: parts.into(),
            ids: ids.into(),
            given: !plain && !veto_names::PersonNames::get().groups(text).is_empty(),
            form: form_typo,
        });
        st.texts.push(text.into());
        let slot = Slot::of(i, &st.infos[i as usize], form);
        st.cache.insert(key, slot);
        slot
    }

    /// Joins the words of an MT field cut by the end of a 35-character line
    /// ("ROSOBORONEKSPO⏎RT") into one: where whole it is a list word and its
    /// pieces are not both everyday or short (SBER⏎BANK, not SA⏎DE CV), or
    /// nearly a list word, cut after four letters or more of no everyday
    /// word, before a short or unusual rest ("ON BEHALF OF⏎LYLA" is no
    /// OFLYLA).
    fn join_cut_words(
        &self,
        parts: &mut CacheParts<'_>,
        seg: &Segment<'_>,
        toks: &mut Vec<STok>,
        ascii: bool,
    ) {
        let bytes = seg.text.as_bytes();
        let mut joined = String::new();
        // Where the line of token `i - 1` starts.
        let mut line_start = 0;
        let mut i = 1;
        while i < toks.len() {
            let (end, start) = (toks[i - 1].end, toks[i].start);
            let gap = bytes.get(end..start).unwrap_or(&[]);
            // (A gap is a byte or two: a loop, not memchr's call.)
            #[allow(clippy::manual_contains)]
            if !gap.iter().any(|&b| b == b'\n') {
                i += 1;
                continue;
            }
            let line = bytes.get(line_start..end).unwrap_or(&[]);
            line_start = start;
            let (last, next) = (toks[i - 1], toks[i]);
            // (Characters counted by their first bytes.)
            let cut = matches!(gap, b"\n" | b"\r\n")
                && line.len() >= MT_LINE
                && line.iter().filter(|&&b| b & 0xC0 != 0x80).count() == MT_LINE
                && !last.possessive
                && !next.possessive;
            if cut {
                if let Some(js) = self.join_cut(parts, &mut joined, last, next, seg, ascii) {
                    toks[i - 1] = STok {
                        end: next.end,
                        info: js.info,
                        nbr_bits: js.nbr_bits,
                        letter: false,
                        anchor: js.anchor(),
                        nbrs: (js.nbr_at, js.nbr_at + js.nbr_len()),
                        id: js.id(),
                        form: js.form(),
                        ..last
                    };
                    toks.remove(i);
                    continue;
                }
            }
            i += 1;
        }
    }

    /// The slot of the word tokens `last` and `next` make joined, if they
    /// are one (see [`Scanner::join_cut_words`]).
    fn join_cut(
        &self,
        parts: &mut CacheParts<'_>,
        joined: &mut String,
        last: STok,
        next: STok,
        seg: &Segment<'_>,
        ascii: bool,
    ) -> Option<Slot> {
        // (A word of two letters or fewer, or an everyday one.)
        let words = parts.words(&self.blank);
        let everyday = |i: u32, t: &str| t.len() <= 2 || words.info(i).zipf >= COMMON_ZIPF;
        let (before, after) = (words.text(last.info), words.text(next.info));
        let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
        let (a, b) = (everyday(last.info, before), everyday(next.info, after));
        if (a && b) || digits(before) || digits(after) {
            return None;
        }
        let may_be_near = !a && before.len() >= 4 && !(b && after.len() > 2);
        joined.clear();
        joined.push_str(before);
        joined.push_str(after);
        let listed = self.matcher.index().vocab.id(joined).is_some();
        if !(listed || may_be_near) {
            return None;
        }
        let written = seg.text.get(last.start..next.end)?;
        let js = self.info(parts, joined, false, written, ascii);
        let near =
            parts.words(&self.blank).info(js.info).nbrs.iter().any(|&(_, s)| s >= ANCHOR_SIM);
        (listed || near).then_some(js)
    }

    /// Scans one segment and returns its mentions, in text order.
    pub fn scan(
        &self,
        seg: &Segment<'_>,
        opts: &ScanOptions,
        state: &mut ScanState,
    ) -> Vec<Mention> {
        let me = self as *const _ as usize;
        if state.scanner_id != me {
            // The cache holds vocabulary ids of another scanner's index.
            state.cache.clear();
            state.infos.clear();
            state.texts.clear();
            state.nbr_ids.clear();
            state.screens.clear();
            state.segments.clear();
            state.scanner_id = me;
        }
        if seg.text.len() > MEMO_SEGMENT_LEN || self.trace {
            return self.scan_segment(seg, opts, state);
        }
        // A short segment seen before (a BIC, a country, a town, a party
        // that pays often) has the mentions it had, moved to where it is.
        if state.memo_threshold.to_bits() != opts.threshold.to_bits() {
            state.segments.clear();
            state.memo_threshold = opts.threshold;
        }
        let key = {
            let mut h = veto_index::FxHasher::default();
            seg.field.hash(&mut h);
            seg.text.hash(&mut h);
            h.finish()
        };
        let placed = |m: &Mention| Mention {
            span: seg.offset + m.span.start..seg.offset + m.span.end,
            field: seg.field.map(str::to_string),
            ..m.clone()
        };
        if let Some(known) = state.segments.get(&key) {
            if *known.text == *seg.text && known.field.as_deref() == seg.field {
                return known.mentions.iter().map(placed).collect();
            }
            // (Two segments of one hash: the one seen first keeps it.)
            return self.scan_segment(seg, opts, state);
        }
        let found = self.scan_segment(&Segment { offset: 0, ..*seg }, opts, state);
        let mentions = found.iter().map(placed).collect();
        // A segment with a number or reference new enough not to be cached
        // (an account line, an amount) will not recur: not remembered.
        if !state.transient_at.is_empty() {
            return mentions;
        }
        if state.segments.len() >= SEGMENT_MEMO_LIMIT {
            state.segments.clear();
        }
        let memo = MemoSegment {
            field: seg.field.map(Box::from),
            text: seg.text.into(),
            mentions: found.into(),
        };
        state.segments.insert(key, memo);
        mentions
    }

    /// Scans one segment, [`Scanner::scan`] having checked the state.
    fn scan_segment(
        &self,
        seg: &Segment<'_>,
        opts: &ScanOptions,
        state: &mut ScanState,
    ) -> Vec<Mention> {
        if state.screens.len() >= SCREEN_CACHE_LIMIT {
            state.screens.clear();
        }
        // Emptied between segments only: a segment's words index into it.
        if state.infos.len() >= state.cache_limit {
            state.cache.clear();
            state.infos.clear();
            state.texts.clear();
            state.nbr_ids.clear();
        }
        let ScanState {
            cache,
            infos,
            texts,
            nbr_ids,
            tokenizer,
            toks,
            sentences,
            screens,
            scratch,
            transient,
            transient_at,
            ..
        } = state;
        toks.clear();
        transient.clear();
        transient_at.clear();
        let mut parts = CacheParts { cache, infos, texts, nbr_ids, transient, transient_at };
        let ascii = seg.text.is_ascii();
        let mixed_case = if ascii {
            seg.text.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            seg.text.chars().any(char::is_lowercase)
        };
        let mut sentence = 0u32;
        let mut prev_end = 0usize;
        // The previous token's position in the segment.
        let mut prev = 0..0;
        let vocab = &self.matcher.index().vocab;
        // An MT field (tag 59, 50K, 70: digits first; ISO 20022 paths are
        // letters), whose lines are 35 characters at most.
        let mt_lines =
            seg.field.is_some_and(|f| f.len() <= 3 && f.starts_with(|c: char| c.is_ascii_digit()));
        tokenizer.for_each_token(seg.text, |t| {
            let written = seg.text.get(t.start..t.end).unwrap_or(t.text);
            // An English possessive is no part of the word: Usmanov's is
            // Usmanov (and ends the name), where the lists have the word
            // without the s and not with it (SULTAN'S CONSTRUCTION CC) —
            // or its parts (Nasrallah's: NASRALLAH is read nasr + lah).
            let cut = possessive_len(written).filter(|_| {
                let stem = &t.text[..t.text.len() - 1];
                t.text.len() > 2
                    && vocab.id(t.text).is_none()
                    && (vocab.id(stem).is_some() || read_as_list_parts(vocab, stem))
            });
            let (text, written, end) = match cut {
                Some(len) => {
                    (&t.text[..t.text.len() - 1], &written[..written.len() - len], t.end - len)
                }
                None => (t.text, written, t.end),
            };
            let mut opens = prev_end == 0;
            if prev_end > 0 {
                let gap = seg.text.get(prev_end..t.start).unwrap_or("");
                let brk = match gap_break(gap) {
                    Gap::Joins => false,
                    Gap::Ends => true,
                    Gap::Period => {
                        // A period after an initial or abbreviation (V.P, Co,
                        // Ltd), before an initial (named after V.P. Chkalov,
                        // IM. M.V. FRUNZE) or, in text with lowercase letters,
                        // before a lowercase word (im. m.v. frunze) does not end
                        // a sentence. ("A spokesman" after a period is a new one.)
                        let before = seg.text.get(prev.clone()).unwrap_or("");
                        let short = before.chars().filter(|c| c.is_alphanumeric()).count() <= 1
                            || before.contains('.')
                            || written_abbreviation(before);
                        let initial = t.text.len() <= 1
                            && seg.text.as_bytes().get(t.end).is_some_and(|&b| b == b'.');
                        let continues = initial
                            || (mixed_case
                                && written.chars().next().is_some_and(char::is_lowercase));
                        !(short || continues)
                    }
                };
                if brk {
                    sentence += 1;
                }
                opens = brk;
            }
            // In text with lowercase letters an initial is a capital or has
            // its period: a lowercase letter alone ("a Hezbollah financier",
            // "Ковальчук ... внесены в список") is a word, and so is one
            // opening a sentence ("A Hezbollah financier", "В 2014 году"),
            // not ANSAR-E HEZBOLLAH's or Valentinovich's initial.
            let letter = text.len() == 1
                && !(mixed_case
                    && seg.text.as_bytes().get(end) != Some(&b'.')
                    && (opens || written.chars().all(char::is_lowercase)));
            let slot = self.info(&mut parts, text, t.numeric, written, ascii);
            toks.push(STok {
                start: t.start,
                end,
                info: slot.info,
                nbr_bits: slot.nbr_bits,
                sentence,
                letter,
                anchor: slot.anchor(),
                first: text.as_bytes().first().copied().unwrap_or(0),
                nbrs: (slot.nbr_at, slot.nbr_at + slot.nbr_len()),
                id: slot.id(),
                possessive: cut.is_some(),
                form: slot.form(),
            });
            prev_end = t.end;
            prev = t.start..end;
        });
        if mt_lines && seg.text.len() > MT_LINE {
            self.join_cut_words(&mut parts, seg, toks, ascii);
        }
        let nbr_ids: &[u32] = parts.nbr_ids;
        let seg_words = parts.words(&self.blank);
        // Sentence numbers rise by one at most from a word to the next.
        sentences.clear();
        for (p, t) in toks.iter().enumerate() {
            while sentences.len() <= t.sentence as usize {
                sentences.push(p as u32);
            }
        }
        sentences.push(toks.len() as u32);
        let ctx = Ctx { scanner: self, seg, toks, sentences, seg_words, nbr_ids, opts, mixed_case };
        ctx.run(screens, scratch)
    }
}

/// The [`Post::slack`] of name `n`: none unless the name as listed has
/// words inside it that are not its words (a legal form between them), and
/// then enough for a legal form written out in full (the list may write
/// DOO, the text DRUSTVO S OGRANICENOM ODGOVORNOSCU).
fn inner_form_slack(
    index: &veto_index::Index,
    n: &veto_index::NameEntry,
    e: &veto_model::Entity,
) -> u8 {
    const FULL_FORM: usize = 5;
    if n.legal.is_empty() || n.toks.len() < 2 {
        return 0;
    }
    let Some(written) = e.names.get(n.name as usize) else { return 0 };
    let toks = veto_names::tokenize(&written.full);
    let first = n.toks.first().map(|&v| index.vocab.text(v));
    let last = n.toks.last().map(|&v| index.vocab.text(v));
    let inside = toks.first().map(|t| t.text.as_str()) == first
        && toks.last().map(|t| t.text.as_str()) == last
        && toks.len() > n.toks.len();
    if inside {
        (toks.len() - n.toks.len()).max(FULL_FORM).min(u8::MAX as usize) as u8
    } else {
        0
    }
}

/// The positions of the middle words of a listed person's name `n` (neither
/// its first nor its last, in the order people write it) that may be left
/// out: those of a name of three words or more whose last word is a rare
/// family name (Ali Husseini KHAMENEI; not Jose Francisco LOPEZ, nor
/// Vladimir PADRINO LOPEZ). Empty otherwise.
fn skippable_middle(index: &veto_index::Index, n: &veto_index::NameEntry) -> Range<usize> {
    let k = n.toks.len();
    let rare_last =
        n.toks.last().is_some_and(|&v| index.rarity(index.vocab.text(v)) >= RARE_SURNAME);
    if k >= 3 && rare_last {
        1..k - 1
    } else {
        0..0
    }
}

/// The length of the English possessive that ends a written word ('s, ’s),
/// if one does.
fn possessive_len(written: &str) -> Option<usize> {
    // (Every token asks: the last byte first.)
    let b = written.as_bytes();
    let n = b.len();
    if n < 2 || !matches!(b[n - 1], b's' | b'S') {
        return None;
    }
    if b[n - 2] == b'\'' {
        Some(2)
    } else if n >= 4 && b[n - 4..n - 1] == *"\u{2019}".as_bytes() {
        Some(4)
    } else {
        None
    }
}

/// Whether one word of text is nearly its list word, as the one-word rule
/// asks with a legal form or a vessel's context: similar (≥ 0.85), or one
/// slip of the keyboard in a list word of five letters or more (magazeya:
/// MANGAZEYA).
fn nearly_spelt(sim: f32, query: &str, list: &str) -> bool {
    sim >= 0.85 || (list.len() >= 5 && one_edit(query, list))
}

/// Whether a folded word is an account number or the like: eight
/// characters or more, letters and digits in three runs or more
/// (it60x0542811101000000123456, gb29nwbk60161331926819; not 66th, sech1n,
/// 1000000th).
fn is_reference(text: &str) -> bool {
    if text.len() < 8 {
        return false;
    }
    let b = text.as_bytes();
    let runs = 1 + b.windows(2).filter(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit()).count();
    runs >= 3 && b.iter().any(u8::is_ascii_digit)
}

/// Whether folded `word`, capitalized, is a name alone for an entity of
/// `kind`: one the press of many languages writes alike (TALIBAN; see
/// [`CommonWords::international_name`]), not a vessel's (a vessel's needs a
/// vessel word by it).
fn press_name(words: &CommonWords, word: &str, kind: veto_model::Kind) -> bool {
    kind != veto_model::Kind::Vessel && words.international_name(word)
}

/// The second of a person's two family names (the index of its token in
/// `n`), where the list writes two (CABELLO RONDON, Diosdado; Diosdado
/// CABELLO RONDON: the family names before the comma, or the capitalized
/// words after the given names) and the first is rare in the lists: the
/// mother's family name of Spanish and Portuguese names, which text leaves
/// out more often than not (Diosdado Cabello, Nicolas Maduro). After a
/// family name the lists share (LOPEZ, GARCIA), the short form is too many
/// people's.
fn second_family_name(
    index: &veto_index::Index,
    n: &veto_index::NameEntry,
    full: &str,
) -> Option<usize> {
    let family: Vec<&str> = match full.split_once(',') {
        Some((family, _)) => family.split_whitespace().collect(),
        None => {
            let words: Vec<&str> = full.split_whitespace().collect();
            let capitals = |w: &str| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            };
            let k = words.iter().rev().take_while(|w| capitals(w)).count();
            // (All in capitals, the name says nothing of which are which.)
            if k == words.len() {
                return None;
            }
            words[words.len() - k..].to_vec()
        }
    };
    let [first, second] = family.as_slice() else { return None };
    let (first, second) = (veto_names::fold(first), veto_names::fold(second));
    let last = n.toks.len().checked_sub(1).filter(|&l| l >= 2)?;
    let text = |j: usize| index.vocab.text(n.toks[j]);
    (text(last) == second
        && text(last - 1) == first
        && !is_function_word(&first)
        && index.rarity(&first) >= RARE_SURNAME)
        .then_some(last)
}

/// The name of `n` as its list writes it.
fn full_name<'m>(matcher: &'m Matcher, n: &veto_index::NameEntry) -> Option<&'m str> {
    let e = matcher.entities().get(n.entity as usize)?;
    e.names.get(n.name as usize).map(|x| x.full.as_str())
}

/// Whether folded `word` is a person's name word for the evidence rule: a
/// word of the name table's groups — but a press name (`press`, see
/// [`press_name`]: HAMAS) only if a common one, of several groups (the
/// table's lone groups hold surnames that are other things elsewhere:
/// "hamas, roi, venezolano").
fn name_word(word: &str, press: bool) -> bool {
    let groups = veto_names::PersonNames::get().groups(word).len();
    groups >= if press { 2 } else { 1 }
}

/// The length of an MT field's lines.
const MT_LINE: usize = 35;

/// Whether the lists read folded word `word` as other words of theirs: a
/// compound's parts (nasrallah: nasr + lah) or the word after a joined
/// article (alzawahiri: zawahiri).
fn read_as_list_parts(vocab: &veto_index::Vocab, word: &str) -> bool {
    let parts = veto_index::analyze::word_parts(word).unwrap_or_default();
    let own = !parts.is_empty()
        && parts.iter().any(|p| p.text != word)
        && parts.iter().all(|p| vocab.id(&p.text).is_some());
    own || veto_index::analyze::joined_article(word).is_some_and(|rest| vocab.id(rest).is_some())
}

/// Whether two folded words are spellings of one given name: they share a
/// group of the name table (alexei, alexey).
fn same_given_name(query: &str, list: &str) -> bool {
    let names = veto_names::PersonNames::get();
    let q = names.groups(query);
    !q.is_empty() && names.groups(list).iter().any(|g| q.contains(g))
}

/// Whether a word (or words) of a list name is a number ("2", "18 2").
fn is_number(list: &str) -> bool {
    list.bytes().all(|c| c.is_ascii_digit() || c == b' ')
}

/// Whether `c` is a capital letter of the Cyrillic alphabet.
fn is_cyrillic_capital(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{42f}' | '\u{460}'..='\u{4ff}') && c.is_uppercase()
}

/// Whether `c` is a Han character, kana or Hangul.
fn is_cjk(c: char) -> bool {
    use veto_names::Script;
    matches!(veto_names::script_of(c), Script::Han | Script::Hangul | Script::Kana)
}

/// Whether a written word holds an apostrophe between letters that is no
/// English clitic ('s, n't, 're, 've, 'll, 'd, 'm): the mark of an ʿayn or
/// hamza in a transliterated name (sa'id, mu'ammar, qur'an).
fn transliteration_mark(written: &str) -> bool {
    written.char_indices().any(|(i, c)| {
        if !matches!(c, '\'' | '’' | 'ʼ' | 'ʻ' | '`') || i == 0 {
            return false;
        }
        let after = &written[i + c.len_utf8()..];
        let clitic = matches!(
            after.to_ascii_lowercase().as_str(),
            "s" | "t" | "re" | "ve" | "ll" | "d" | "m"
        );
        after.chars().next().is_some_and(char::is_alphabetic) && !clitic
    })
}

/// A list word's bit in [`STok::nbr_bits`]: a word whose neighbours do not
/// have it is not like that list word (most words of a window are not,
/// and the bit spares reading their neighbours).
fn nbr_bit(v: u32) -> u64 {
    1 << (v.wrapping_mul(0x9E37_79B1) >> 26)
}

/// The bit of an initial's first byte in [`Marks::initials`].
fn initial_bit(b: u8) -> u64 {
    1 << (b % 64)
}

/// What the characters between two tokens say of the sentence.
#[derive(Debug, PartialEq, Eq)]
enum Gap {
    /// The same sentence goes on.
    Joins,
    /// A blank line, `!`, `?` or `;`: the sentence ends.
    Ends,
    /// A period: the sentence ends unless it marks an initial or abbreviation.
    Period,
}

/// Reads the gap between two tokens (one pass; most gaps are one space).
fn gap_break(gap: &str) -> Gap {
    if gap == " " {
        return Gap::Joins;
    }
    let mut newline = false;
    let mut period = false;
    // A period ends a sentence only when a space follows it ("STANKI.RU",
    // "example.com" are words).
    let mut period_space = false;
    for &b in gap.as_bytes() {
        match b {
            b'\n' if newline => return Gap::Ends,
            b'\n' => {
                newline = true;
                period_space |= period;
            }
            b'\r' => {}
            b'!' | b'?' | b';' => return Gap::Ends,
            b'.' => {
                period = true;
                newline = false;
            }
            b' ' | b'\t' => {
                period_space |= period;
                newline = false;
            }
            _ => newline = false,
        }
    }
    if period_space {
        Gap::Period
    } else {
        Gap::Joins
    }
}

/// Whether one word that is a whole listed name needs a qualifier by it (a
/// legal form; for a vessel, a vessel word) to be a mention: a person's name,
/// an everyday word, or a word many listed names share.
fn needs_qualifier(name_word: bool, zipf: u8, list_rarity: f32) -> bool {
    name_word || zipf >= COMMON_ZIPF || list_rarity < SINGLE_RARITY
}

/// Words that say the next word names a vessel.
fn is_vessel_word(t: &str) -> bool {
    matches!(
        t,
        "vessel"
            | "vessels"
            | "ship"
            | "tanker"
            | "freighter"
            | "carrier"
            | "yacht"
            | "trawler"
            | "mv"
            | "mt"
            | "my"
            | "ss"
            | "imo"
    )
}

/// Words of sentences about ships and their voyages.
fn is_shipping_word(t: &str) -> bool {
    matches!(
        t,
        "flagged"
            | "transponder"
            | "ais"
            | "harbour"
            | "harbor"
            | "waters"
            | "sailed"
            | "docked"
            | "anchored"
            | "berthed"
            | "voyage"
            | "deadweight"
            | "tonnage"
            | "bunkering"
            | "shipowner"
    )
}

/// Words of shipping that other prose uses too (a command-line flag, cargo
/// the build tool, a network port): two of them make a sentence about
/// shipping ("flying the flag of …").
fn is_loose_shipping_word(t: &str) -> bool {
    matches!(t, "flag" | "flying" | "cargo" | "crew" | "port")
}

/// Particles and stopwords that names share with prose.
fn is_function_word(t: &str) -> bool {
    veto_index::names::is_particle(t) || veto_index::names::is_stopword(t)
}

/// [`is_abbreviation`] of a word as written (Co, LTD).
fn written_abbreviation(written: &str) -> bool {
    if !written.is_ascii() {
        return is_abbreviation(&written.to_lowercase());
    }
    // (Every abbreviation has four letters at most: no copy of longer words.)
    let mut buf = [0u8; 4];
    let Some(b) = buf.get_mut(..written.len()) else { return false };
    b.copy_from_slice(written.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(is_abbreviation)
}

/// Words usually written with a period that does not end a sentence.
fn is_abbreviation(t: &str) -> bool {
    matches!(
        t,
        "co" | "ltd"
            | "inc"
            | "corp"
            | "llc"
            | "jsc"
            | "sa"
            | "ag"
            | "bv"
            | "nv"
            | "gmbh"
            | "spa"
            | "srl"
            | "plc"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "no"
            | "jr"
            | "sr"
            | "gen"
            | "col"
            | "lt"
            | "capt"
            | "prof"
            | "sh"
            | "cv"
            | "de"
            | "rl"
            | "pt"
            | "tbk"
            | "bhd"
            | "pte"
            | "pvt"
            | "int"
            | "intl"
            | "mt"
            | "vs"
    )
}

/// Words seen → their [`Slot`]. Most words are short and folded to
/// ASCII: those are keyed by their bytes in a `u128` (compared and hashed
/// without reading memory elsewhere), the others by their text.
#[derive(Debug, Default)]
struct WordCache {
    short: FxMap<u128, Slot>,
    long: FxMap<Box<str>, Slot>,
}

/// A cached word's [`TokInfo`] and what every token of it needs from
/// there, kept in the cache's own entry (48 bytes with its `u128` key on
/// x86-64) so that running text reads no `TokInfo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    /// [`nbr_bit`] of each of the word's neighbours, or'ed.
    nbr_bits: u64,
    info: u32,
    /// Where its neighbours' ids start in [`ScanState::nbr_ids`].
    nbr_at: u32,
    /// How many there are, with [`Slot::ANCHOR`] and [`Slot::ID`].
    bits: u32,
}

impl Slot {
    /// The word proposes names (its `props` are not empty).
    const ANCHOR: u32 = 1 << 31;
    /// The word is an identifier of some listed entity.
    const ID: u32 = 1 << 30;
    /// A legal form may begin with the word (see [`STok::form`]).
    const FORM: u32 = 1 << 29;

    fn of(info: u32, ti: &TokInfo, form: bool) -> Slot {
        // (A word has at most one neighbour per list word: fewer than
        // `Slot::FORM`, which `Scanner::new` checks.)
        let mut bits = ti.nbrs.len() as u32;
        if !ti.props.is_empty() {
            bits |= Slot::ANCHOR;
        }
        if !ti.ids.is_empty() {
            bits |= Slot::ID;
        }
        if form {
            bits |= Slot::FORM;
        }
        let nbr_bits = ti.nbrs.iter().fold(0, |acc, &(v, _)| acc | nbr_bit(v));
        Slot { nbr_bits, info, nbr_at: ti.nbr_at, bits }
    }

    fn anchor(self) -> bool {
        self.bits & Slot::ANCHOR != 0
    }

    fn id(self) -> bool {
        self.bits & Slot::ID != 0
    }

    fn form(self) -> bool {
        self.bits & Slot::FORM != 0
    }

    fn nbr_len(self) -> u32 {
        self.bits & (Slot::FORM - 1)
    }
}

impl WordCache {
    /// The key of a word of at most 16 bytes not ending in a NUL (zero
    /// bytes pad it, so only a trailing one would make two words one key).
    fn short_key(key: &str) -> Option<u128> {
        let b = key.as_bytes();
        if b.len() > 16 || b.last() == Some(&0) {
            return None;
        }
        let mut k = [0u8; 16];
        // (Two fixed-size copies that overlap, not a copy of any length:
        // every word looked up goes through here.)
        let n = b.len();
        if n >= 8 {
            k[..8].copy_from_slice(&b[..8]);
            k[n - 8..n].copy_from_slice(&b[n - 8..]);
        } else if n >= 4 {
            k[..4].copy_from_slice(&b[..4]);
            k[n - 4..n].copy_from_slice(&b[n - 4..]);
        } else {
            k[..n].copy_from_slice(b);
        }
        Some(u128::from_le_bytes(k))
    }

    fn get(&self, key: &str) -> Option<Slot> {
        match WordCache::short_key(key) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(key).copied(),
        }
    }

    fn insert(&mut self, key: &str, slot: Slot) {
        match WordCache::short_key(key) {
            Some(k) => self.short.insert(k, slot),
            None => self.long.insert(key.into(), slot),
        };
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

/// The cache fields of a [`ScanState`], borrowed apart from its tokenizer.
struct CacheParts<'s> {
    cache: &'s mut WordCache,
    infos: &'s mut Vec<TokInfo>,
    texts: &'s mut Vec<Box<str>>,
    nbr_ids: &'s mut Vec<u32>,
    transient: &'s mut String,
    transient_at: &'s mut Vec<Range<usize>>,
}

impl CacheParts<'_> {
    /// The slot of a word not cached (what [`Scanner::blank`] says, but for
    /// its text): its text kept for the segment.
    fn transient(&mut self, text: &str) -> Slot {
        let at = self.transient.len();
        self.transient.push_str(text);
        self.transient_at.push(at..self.transient.len());
        let info = TRANSIENT | (self.transient_at.len() - 1) as u32;
        Slot { nbr_bits: 0, info, nbr_at: 0, bits: 0 }
    }

    /// The words tokens refer to (`blank`: what is known of one not cached).
    fn words<'a>(&'a self, blank: &'a TokInfo) -> SegmentWords<'a> {
        SegmentWords {
            infos: self.infos,
            texts: self.texts,
            transient: self.transient,
            transient_at: self.transient_at,
            blank,
        }
    }
}

/// The words a segment's tokens refer to by [`STok::info`]: the cached ones
/// and, with [`TRANSIENT`] set, the segment's words not cached.
#[derive(Clone, Copy)]
struct SegmentWords<'a> {
    infos: &'a [TokInfo],
    texts: &'a [Box<str>],
    /// The text of the words not cached, and where each is.
    transient: &'a str,
    transient_at: &'a [Range<usize>],
    /// What is known of a word not cached.
    blank: &'a TokInfo,
}

impl<'a> SegmentWords<'a> {
    /// What is known of word `i`.
    fn info(self, i: u32) -> &'a TokInfo {
        if i & TRANSIENT != 0 {
            self.blank
        } else {
            &self.infos[i as usize]
        }
    }

    /// The folded text of word `i`.
    fn text(self, i: u32) -> &'a str {
        if i & TRANSIENT != 0 {
            &self.transient[self.transient_at[(i & !TRANSIENT) as usize].clone()]
        } else {
            &self.texts[i as usize]
        }
    }
}

/// One segment being scanned.
struct Ctx<'a, 'm> {
    scanner: &'a Scanner<'m>,
    seg: &'a Segment<'a>,
    toks: &'a [STok],
    /// The first word of each sentence, by sentence number, and then the
    /// number of words: sentence `s` is `sentences[s]..sentences[s + 1]`.
    sentences: &'a [u32],
    nbr_ids: &'a [u32],
    seg_words: SegmentWords<'a>,
    opts: &'a ScanOptions,
    /// Whether the segment has lowercase letters (is not all capitals).
    mixed_case: bool,
}

/// A span of tokens, inclusive.
type TokSpan = (usize, usize);

impl Ctx<'_, '_> {
    fn info(&self, p: usize) -> &TokInfo {
        self.seg_words.info(self.toks[p].info)
    }

    fn text(&self, p: usize) -> &str {
        self.seg_words.text(self.toks[p].info)
    }

    /// Text word `p`, or the legal-form word it misspells.
    fn form_text(&self, p: usize) -> &str {
        match self.info(p).form {
            Some(i) => &self.scanner.form_words[i as usize],
            None => self.text(p),
        }
    }

    /// Similarity of text token `p` to vocabulary token `v`.
    fn sim(&self, p: usize, v: u32) -> f32 {
        let nb = &self.info(p).nbrs;
        match nb.binary_search_by_key(&v, |&(x, _)| x) {
            Ok(i) => nb[i].1,
            Err(_) => 0.0,
        }
    }

    fn run(&self, screens: &mut ScreenCache, scratch: &mut Scratch) -> Vec<Mention> {
        let n = self.toks.len();
        // Identifiers of listed entities written in this segment.
        let mut found_ids: Vec<(usize, u32, IdKind)> = Vec::new();
        for p in (0..n).filter(|&p| self.toks[p].id) {
            for &(e, k) in self.info(p).ids.iter() {
                found_ids.push((p, e, k));
            }
        }
        // The lines of a party field that hold a name alone.
        let mut party = std::mem::take(&mut scratch.party);
        self.party_lines(&mut party);
        // 1. Candidate spans from anchors, with the names proposing them.
        let mut spans = std::mem::take(&mut scratch.spans);
        spans.clear();
        let mut found: FxMap<u32, TokSpan> = FxMap::default();
        // The end of the sentence stamped last.
        let mut stamped = 0;
        for p in 0..n {
            if !self.toks[p].anchor {
                continue;
            }
            if p >= stamped {
                let words = self.sentence_of(p);
                stamped = words.end;
                scratch.marks.stamp(self, words);
            }
            for (v, posts) in self.info(p).props.iter() {
                let v = *v;
                for post in &self.scanner.anchor_post[posts.clone()] {
                    let marks = &scratch.marks;
                    if post.rarest.is_some_and(|w| !marks.may_be_here(&w, v))
                        || post.need.is_some_and(|w| !marks.may_be_here(&w, v))
                    {
                        continue;
                    }
                    let name = post.name;
                    // Its other anchor, in a span already found.
                    if !found.is_empty()
                        && matches!(found.get(&name), Some(&(a, b)) if a <= p && p <= b)
                    {
                        continue;
                    }
                    if let Some(span) = self.cover(post, p, v, &found_ids, &party, scratch) {
                        found.insert(name, span);
                        spans.push((self.widen(span), name));
                    }
                }
            }
        }
        // A party's name standing alone in its field, exactly a listed name.
        for &(a, b) in &party {
            for name in self.exact_names((a, b)) {
                spans.push(((a, b), name));
            }
        }
        spans.sort_unstable();
        spans.dedup();
        // Each span is scored against the names proposing it.
        let mut groups: Vec<(TokSpan, Vec<u32>)> = Vec::new();
        for &(span, name) in &spans {
            match groups.last_mut() {
                Some((s, names)) if *s == span => names.push(name),
                _ => groups.push((span, vec![name])),
            }
        }

        // 2. Screen each span.
        let ids: Vec<QueryId> = found_ids
            .iter()
            .map(|&(p, _, k)| QueryId { kind: Some(k), value: self.text(p).to_string() })
            .collect();
        let mut mentions: Vec<Mention> = Vec::new();
        // Spans that are a country's name, as found.
        let mut places: FxMap<TokSpan, bool> = FxMap::default();
        for (span, names) in groups {
            if self.scanner.trace {
                self.trace_span(span, &names);
            }
            let hits = self.screen(span, &names, &ids, screens);
            for hit in hits.iter() {
                // A hit that aligned every word of the span needs no narrowing
                // (the words of another reading, Джосепх: josepkh, may not
                // look like the default one).
                let narrow = if hit.explanation.unmatched_query.is_empty() {
                    span
                } else {
                    self.widen(self.aligned(span, hit))
                };
                let narrowed;
                let hit = if narrow == span {
                    hit
                } else {
                    narrowed = self.screen(narrow, &names, &ids, screens);
                    match narrowed.iter().find(|h| h.entity == hit.entity) {
                        Some(h) => h,
                        None => continue,
                    }
                };
                let place = *places.entry(narrow).or_insert_with(|| self.is_place(narrow));
                let verdict = if place {
                    Err("a country's name")
                } else {
                    self.verdict(narrow, hit, &found_ids, &party)
                };
                if self.scanner.trace {
                    let name = &self.scanner.matcher.entities()[hit.entity as usize].id;
                    let text = self.span_text(narrow);
                    eprintln!("  {name} {:.3} {text:?}: {verdict:?}", hit.score);
                }
                if verdict.is_ok() {
                    mentions.push(self.mention(narrow, hit.clone()));
                }
            }
        }
        // 3. Identifiers on their own.
        for &(p, e, k) in &found_ids {
            mentions.push(self.id_mention(p, e, k));
        }
        scratch.party = party;
        scratch.spans = spans;
        dedup(mentions)
    }

    /// The lines of a party field that hold a name on their own, as token
    /// spans: an ISO 20022 `Nm` element, or each line of an MT party field
    /// (50a, 52a–59a) but its account and numbered-line prefixes.
    fn party_lines(&self, lines: &mut Vec<TokSpan>) {
        lines.clear();
        let Some(field) = self.seg.field else { return };
        let iso = field == "Nm" || field.ends_with("/Nm");
        let mt = matches!(
            field.get(..2),
            Some("50" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59")
        ) && field.len() <= 3;
        if !(iso || mt) || self.toks.is_empty() {
            return;
        }
        let mut start = 0;
        for p in 0..self.toks.len() {
            let next_line = p + 1 == self.toks.len()
                || (mt
                    && self
                        .seg
                        .text
                        .get(self.toks[p].end..self.toks[p + 1].start)
                        .is_some_and(|gap| gap.contains('\n')));
            if next_line {
                // 50F/59F number their lines (1/NAME); accounts are digits too.
                let mut a = start;
                while a < p && self.written(a).bytes().all(|b| b.is_ascii_digit()) {
                    a += 1;
                }
                let account =
                    self.seg.text.get(self.toks[a].start.saturating_sub(1)..self.toks[a].start)
                        == Some("/");
                if !account {
                    lines.push((a, p));
                }
                start = p + 1;
            }
        }
    }

    /// Whether `(a, b)` is a whole party line (legal forms aside).
    fn whole_party(&self, party: &[TokSpan], (a, b): TokSpan) -> bool {
        party.iter().any(|&(pa, pb)| {
            pa <= a && b <= pb && {
                let legal: Vec<usize> = self.legal_words((pa, pb)).collect();
                (pa..a).chain(b + 1..=pb).all(|p| legal.contains(&p))
            }
        })
    }

    /// The names whose content words are exactly the words of `span` (legal
    /// forms aside).
    fn exact_names(&self, span: TokSpan) -> Vec<u32> {
        let legal: Vec<usize> = self.legal_words(span).collect();
        let mut key = Vec::new();
        for p in span.0..=span.1 {
            if legal.contains(&p) {
                continue;
            }
            match self.info(p).exact {
                Some(v) => key.push(v),
                None => return Vec::new(),
            }
        }
        key.sort_unstable();
        self.scanner.exact.get(key.as_slice()).cloned().unwrap_or_default()
    }

    /// Prints a candidate span and the names proposing it (`VETO_SCAN_TRACE`).
    fn trace_span(&self, span: TokSpan, names: &[u32]) {
        let index = self.scanner.matcher.index();
        let names: Vec<&str> = names
            .iter()
            .map(|&n| {
                let ne = &index.names[n as usize];
                let e = &self.scanner.matcher.entities()[ne.entity as usize];
                e.names.get(ne.name as usize).map_or("", |n| n.full.as_str())
            })
            .collect();
        eprintln!("veto scan trace: span {:?} proposed by {names:?}", self.span_text(span));
    }

    /// Whether the tokens around `p` (similar to the name's word `anchor`)
    /// cover enough of name `name`; the span they cover if so.
    fn cover(
        &self,
        post: &Post,
        p: usize,
        anchor: u32,
        ids: &[(usize, u32, IdKind)],
        party: &[TokSpan],
        scratch: &mut Scratch,
    ) -> Option<TokSpan> {
        let Scratch { used, marks, .. } = scratch;
        let sentence = &marks.sentence;
        // The name's words, rarest first: it must be there (the evidence
        // rule asks it).
        let name = post.name;
        let order = &self.scanner.cover_words[post.words.0 as usize..post.words.1 as usize];
        let weight_sum = post.weight_sum;
        let k = order.len();
        // Most proposals fail for want of the name's other words anywhere in
        // the sentence: bound the cover by the words that may be there
        // before looking where they are.
        let may_be_here = |w: &CoverWord| marks.may_be_here(w, anchor);
        let mut bound = 0.0f32;
        // Whether a word of the name may be somewhere else than the anchor.
        let mut elsewhere = false;
        for (i, w) in order.iter().enumerate() {
            if may_be_here(w) {
                bound += w.weight;
                elsewhere |= w.v != anchor || w.repeated;
            } else if i == 0 {
                return None;
            }
        }
        // (Summed in another order than the weight sum: a margin for rounding.)
        if bound + 1e-4 < MIN_COVER * weight_sum {
            return None;
        }
        // A cover of the anchor alone is a mention only of a name that one
        // word of text can be (see below): of a name not a person's, all of
        // it one word or a compound of its words, or with an identifier.
        if !elsewhere
            && ids.is_empty()
            && !(post.solo && (post.one_word || !self.info(p).parts.is_empty()))
        {
            return None;
        }
        // Text words placed so far.
        used.clear();
        // Within the sentence (stamped by the caller).
        let reach = k + post.slack as usize;
        let lo = p.saturating_sub(reach + 1).max(sentence.start);
        let hi = (p + reach + 2).min(sentence.end);
        let mut got = 0.0f32;
        let mut left = weight_sum;
        let (mut first, mut last) = (p, p);
        // The rarest word first (most proposals end there), then by weight:
        // function words last, placed by the words of substance.
        for (i, w) in order.iter().enumerate() {
            // Not enough weight left to reach the cover.
            if got + left < MIN_COVER * weight_sum {
                return None;
            }
            left -= w.weight;
            let v = w.v;
            let v_bit = nbr_bit(v);
            let initial = w.initial;
            let mut best = 0.0f32;
            let mut at = p;
            // Distance from the words placed so far.
            let dist = |q: usize| {
                if q < first {
                    first - q
                } else {
                    q.saturating_sub(last)
                }
            };
            // A word the name repeats (Omar Awadh OMAR) is looked for again.
            let repeated = w.repeated;
            // The anchor is where it was found; a word like no word of the
            // sentence is nowhere.
            let window = if v == anchor && !repeated {
                p..p + 1
            } else if !may_be_here(w) {
                p..p
            } else {
                lo..hi
            };
            for q in window {
                if repeated && used.contains(&q) {
                    continue;
                }
                let mut s = if self.toks[q].nbr_bits & v_bit != 0 { self.sim(q, v) } else { 0.0 };
                if s == 0.0 && (initial || (self.toks[q].letter && !w.particle)) {
                    // An initial on either side matches a word it begins.
                    if self.toks[q].first == w.first {
                        s = 0.6;
                    }
                }
                // Of equals (the, of), the nearest.
                if s > best || (s == best && s > 0.0 && dist(q) < dist(at)) {
                    best = s;
                    at = q;
                }
            }
            if best > 0.0 {
                got += best * w.weight;
                first = first.min(at);
                last = last.max(at);
                used.push(at);
            } else if i == 0 {
                return None;
            }
        }
        let cover = if weight_sum > 0.0 { got / weight_sum } else { 0.0 };
        if cover < MIN_COVER || last - first > reach + 2 {
            return None;
        }
        // One word of text can only be a mention as a whole one-word name,
        // not a person's (or with an identifier of the entity in the
        // segment): most such covers end on the posting, before the name is
        // read.
        if first == last && ids.is_empty() && !post.solo {
            return None;
        }
        let ne = &self.scanner.matcher.index().names[name as usize];
        if first == last && !ids.iter().any(|&(_, e, _)| e == ne.entity) {
            let entity = &self.scanner.matcher.entities()[ne.entity as usize];
            let index = self.scanner.matcher.index();
            let list = index.vocab.text(ne.toks[0]);
            let info = self.info(first);
            // (A compound the lists split, HIZBALLAH: hizb + lah, is one word
            // of text and the whole name.)
            let whole = ne.toks.len() == 1
                || ne.toks.iter().all(|&v| Some(v) == info.exact || info.parts.contains(&v));
            if !whole || !post.solo {
                return None;
            }
            let legal = || {
                if entity.kind == veto_model::Kind::Vessel {
                    self.vessel_context(first)
                } else {
                    self.widen((first, first)) != (first, first)
                }
            };
            // A person's name, an everyday word or a word many listed names
            // share needs a legal form by it (a vessel's, a vessel word).
            let rarity =
                ne.toks.iter().map(|&v| index.rarity(index.vocab.text(v))).fold(0.0f32, f32::max);
            // (Capitalized, a name the press of many languages writes alike
            // will do: TALIBAN — in text with lowercase letters, not as the
            // first word of a sentence, where every word is capitalized:
            // "Router: …" is no ROUTER.)
            // (So will a word the lists read as a compound's parts, HEZBOLLAH:
            // hezb + lah, of an organization: a transliteration, however
            // often the press of one language writes it, is no word of it.)
            let capitalized = self.written(first).chars().next().is_some_and(char::is_uppercase);
            let opening = self.mixed_case && self.sentence_of(first).start == first;
            let compound = ne.toks.len() > 1 && entity.kind == veto_model::Kind::Organization;
            // (And so will a proper noun of Cyrillic text: see `proper_noun`.)
            let middling = capitalized
                && !opening
                && (compound
                    || self.proper_noun(first, info.zipf, entity.kind)
                    || press_name(self.scanner.words, self.text(first), entity.kind));
            let zipf = if middling { 0 } else { info.zipf };
            let given = if middling { name_word(self.text(first), true) } else { info.given };
            let plain = needs_qualifier(given, zipf, rarity);
            if (plain || list.len() < 4) && !legal() {
                return None;
            }
            // One word not spelt as listed is a mention only nearly so, no
            // everyday word, with a legal form (a vessel word) by it, or as a
            // party's whole name in its field (the evidence rule): the
            // matcher need not score the others. (Written in Latin letters:
            // the matcher reads a word of another script other ways too.)
            let s = self.sim(first, ne.toks[0]);
            if ne.toks.len() == 1
                && s < 0.95
                && self.written(first).is_ascii()
                && !self.whole_party(party, (first, first))
                && !(nearly_spelt(s, self.text(first), list) && info.zipf == 0 && legal())
            {
                return None;
            }
        }
        Some((first, last))
    }

    /// Widens a span over legal forms next to it ("AO" before, "LLC" after)
    /// and initials or fragments joined to it.
    fn widen(&self, (mut a, mut b): TokSpan) -> TokSpan {
        let n = self.toks.len();
        // Legal forms are at most four words long.
        let lo = a.saturating_sub(4);
        let after = b + 1 < n
            && self.toks[b + 1].form
            && self.toks[b + 1].sentence == self.toks[b].sentence
            && !self.toks[b].possessive;
        // (Most spans have no word a form begins with around them.)
        if !after && !self.toks[lo..a].iter().any(|t| t.form) {
            return (a, b);
        }
        let words: Vec<&str> = (lo..(b + 5).min(n)).map(|p| self.form_text(p)).collect();
        let sentence = self.toks[a].sentence;
        // Before: a form ending right at `a`.
        for s in lo..a {
            if self.toks[s].sentence != sentence {
                continue;
            }
            if self.form_at(&words, s - lo, s) == Some(a - s) {
                a = s;
                break;
            }
        }
        // After: a form starting right after `b` (not after a possessive:
        // "Deripaska's company").
        if after {
            if let Some(len) = self.form_at(&words, b + 1 - lo, b + 1) {
                b += len;
            }
        }
        (a, b.min(n - 1))
    }

    /// How many words the legal form written from text word `p` on has
    /// (`words[i]` is word `p`'s form text, the words after it follow): none
    /// where no form begins with the word, or where the form is that one
    /// word and it is a function word of the prose ([`Ctx::prose_word`]:
    /// "as", not Norwegian AS).
    fn form_at(&self, words: &[&str], i: usize, p: usize) -> Option<usize> {
        if !self.toks[p].form {
            return None;
        }
        let (len, _) = veto_names::LegalForms::get().match_at(words, i)?;
        // (A short form word misspelt is the form only among its others.)
        let alone = len == 1 && (self.prose_word(p) || self.short_form_typo(p));
        (!alone).then_some(len)
    }

    /// Whether text word `p` misspells a legal-form word, itself or the
    /// form word shorter than [`FORM_TYPO_LEN`] (jqint: joint).
    fn short_form_typo(&self, p: usize) -> bool {
        self.info(p).form.is_some_and(|f| {
            self.scanner.form_words[f as usize].len().min(self.text(p).len()) < FORM_TYPO_LEN
        })
    }

    /// The narrowest span holding the query tokens a hit aligned.
    fn aligned(&self, (a, b): TokSpan, hit: &veto_matcher::Hit) -> TokSpan {
        let mut lo = usize::MAX;
        let mut hi = 0;
        for tm in &hit.explanation.tokens {
            for w in tm.query.split(' ') {
                for p in a..=b {
                    let t = self.text(p);
                    // Another reading of the text (Тхамир: thamir, not
                    // tkhamir) is a similar spelling of it.
                    // A joined word, or a part of a compound (amanullah:
                    // aman, lah).
                    let (long, short) = if w.len() > t.len() { (w, t) } else { (t, w) };
                    if t == w
                        || (long.len() > short.len()
                            && short.len() >= 2
                            && (long.starts_with(short) || long.ends_with(short)))
                        || (!self.written(p).is_ascii()
                            && veto_index::sim::token_sim(t, w) >= ALIGNED_SIM)
                    {
                        lo = lo.min(p);
                        hi = hi.max(p);
                    }
                }
            }
        }
        if lo == usize::MAX {
            (a, b)
        } else {
            (lo, hi)
        }
    }

    /// Whether text word `p` stands where a vessel's name does: after a
    /// vessel word, or capitalized (or after "the" and no everyday word) in
    /// a sentence about shipping ("transferred to the GRACEFUL in
    /// international waters", "The Mara, flying the flag of …").
    fn vessel_context(&self, p: usize) -> bool {
        // A one-word legal form before the word is of the name (the vessel
        // YU SON, the NP DIKSON: the lists' forms).
        let start = if p >= 1
            && self.toks[p - 1].sentence == self.toks[p].sentence
            && self.form_at(&[self.form_text(p - 1)], 0, p - 1) == Some(1)
        {
            p - 1
        } else {
            p
        };
        if self.after_vessel_word(start) {
            return true;
        }
        // ("the sarvihn": a word no dictionary has, after "the", is a name.)
        let capitalized = self.written(p).chars().next().is_some_and(char::is_uppercase);
        let named = capitalized
            || (start >= 1
                && self.toks[start - 1].sentence == self.toks[p].sentence
                && self.text(start - 1) == "the"
                && self.info(p).zipf == 0);
        // A word of a longer name ("Daniel Bevenius", "Monu-Chaudhary") is
        // not a vessel's.
        let joined_cap = |q: usize| {
            q < self.toks.len()
                && self.toks[q].sentence == self.toks[p].sentence
                && self.mixed_case
                && self
                    .seg
                    .text
                    .get(self.toks[p.min(q)].end..self.toks[p.max(q)].start)
                    .is_some_and(|gap| gap == "-" || gap.bytes().all(|b| b == b' '))
                && self.written(q).chars().next().is_some_and(char::is_uppercase)
                && !is_function_word(self.text(q))
        };
        if !named || (start > 0 && joined_cap(start - 1)) || joined_cap(p + 1) {
            return false;
        }
        // The shipping word near it, not anywhere in a long sentence.
        let s = self.sentence_of(p);
        let near = s.start.max(p.saturating_sub(SHIPPING_NEAR))..s.end.min(p + SHIPPING_NEAR + 1);
        let mut loose = 0;
        for r in near.filter(|&r| r != p) {
            let t = self.text(r);
            if is_vessel_word(t) || is_shipping_word(t) {
                return true;
            }
            loose += usize::from(is_loose_shipping_word(t));
        }
        loose >= 2
    }

    /// The words of word `p`'s sentence.
    fn sentence_of(&self, p: usize) -> Range<usize> {
        let s = self.toks[p].sentence as usize;
        match (self.sentences.get(s), self.sentences.get(s + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => p..p + 1,
        }
    }

    /// Whether text word `p` follows a word that says a vessel comes next
    /// (vessel, tanker, MV, M/T, …) in the same sentence.
    fn after_vessel_word(&self, p: usize) -> bool {
        let same = |q: usize| self.toks[q].sentence == self.toks[p].sentence;
        let word = |q: usize| self.text(q);
        if p >= 1 && same(p - 1) && is_vessel_word(word(p - 1)) {
            return true;
        }
        // M/V, M/T, m.v.: two one-letter words.
        p >= 2 && same(p - 2) && word(p - 2) == "m" && matches!(word(p - 1), "v" | "t" | "y")
    }

    /// The words of the span that belong to a legal form written there
    /// ("obshchestvo", "s", "ogranichennoi", … of OOO spelt out).
    fn legal_words(&self, (a, b): TokSpan) -> impl Iterator<Item = usize> + '_ {
        // (Most spans have no word a form begins with: nothing to read.)
        let mut legal = Vec::new();
        if (a..=b).any(|p| self.toks[p].form) {
            let words: Vec<&str> = (a..=b).map(|p| self.form_text(p)).collect();
            legal = vec![false; words.len()];
            for i in 0..words.len() {
                if let Some(len) = self.form_at(&words, i, a + i) {
                    legal[i..(i + len).min(words.len())].fill(true);
                }
            }
        }
        (a..=b).filter(move |&p| legal.get(p - a).copied().unwrap_or(false))
    }

    /// Whether word `p` is part of code, a path or a file name in prose:
    /// the run of characters without spaces around it holds an underscore,
    /// a backslash, backtick, brace, bar, `<`, `>` or `=`, a colon between
    /// letters (std::io), or, in lowercase, a slash between words (src/sp;
    /// not a/s) or a period before an extension (ops.cpp, table.c). Only in
    /// text with lowercase letters: payment messages use none of these in
    /// names.
    fn in_code(&self, p: usize) -> bool {
        if !self.mixed_case {
            return false;
        }
        let text = self.seg.text.as_bytes();
        let (mut s, mut e) = (self.toks[p].start, self.toks[p].end);
        while s > 0 && !text[s - 1].is_ascii_whitespace() {
            s -= 1;
        }
        while e < text.len() && !text[e].is_ascii_whitespace() {
            e += 1;
        }
        // (Less the punctuation of the sentence after it: "camellia.h.")
        while e > self.toks[p].end && matches!(text[e - 1], b'.' | b',' | b';' | b':' | b')') {
            e -= 1;
        }
        let run = &text[s..e];
        // Paths and file names are in lowercase (PARTY/FRONT and Stanki.ru
        // are names).
        let lower = !run.iter().any(u8::is_ascii_uppercase);
        let letter = |i: usize| run.get(i).is_some_and(u8::is_ascii_lowercase);
        run.iter().enumerate().any(|(i, &c)| match c {
            b'_' | b'\\' | b'<' | b'>' | b'=' | b'{' | b'}' | b'|' => true,
            // (Between letters of another script, an apostrophe: Ukrainian
            // lists write В`ячеслав.)
            b'`' => !(i >= 1 && run[i - 1] >= 0x80 && run.get(i + 1).is_some_and(|&c| c >= 0x80)),
            // std::io, cargo:rustc-link.
            b':' => {
                i >= 1
                    && run[i - 1].is_ascii_alphabetic()
                    && run.get(i + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b':')
            }
            // (Between two words of two letters or more: a/s and m/t are not.)
            b'/' => {
                lower && i >= 2 && letter(i - 1) && letter(i - 2) && letter(i + 1) && letter(i + 2)
            }
            // (After two letters or more: s.a. and s.p.a. are legal forms.)
            b'.' => {
                lower
                    && i >= 2
                    && run[i - 2].is_ascii_alphanumeric()
                    && (run[i - 1].is_ascii_lowercase() || run[i - 1].is_ascii_digit())
                    && (letter(i + 1) || run.get(i + 1).is_some_and(u8::is_ascii_digit))
                    && (letter(i + 2) || i + 2 == run.len())
            }
            _ => false,
        })
    }

    /// Whether word `p` is digits with a period and digits on one side: a
    /// decimal or version number (1.95, 3.1.4).
    fn in_decimal(&self, p: usize) -> bool {
        let text = self.seg.text.as_bytes();
        let (s, e) = (self.toks[p].start, self.toks[p].end);
        let digit = |i: usize| text.get(i).is_some_and(u8::is_ascii_digit);
        text[s..e].iter().all(u8::is_ascii_digit)
            && ((s >= 2 && text[s - 1] == b'.' && digit(s - 2))
                || (text.get(e) == Some(&b'.') && digit(e + 1)))
    }

    /// Whether word `p` is a short function word of the prose around it,
    /// not the legal form it also spells: two or three lowercase letters
    /// among capitals, as frequent as "as" (Norwegian AS). ("s.a." and
    /// "company" are forms.)
    fn prose_word(&self, p: usize) -> bool {
        let w = self.written(p);
        self.mixed_case
            && w.len() <= 3
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && self.info(p).zipf >= FUNCTION_ZIPF
    }

    /// Text word `p` as written.
    fn written(&self, p: usize) -> &str {
        self.seg.text.get(self.toks[p].start..self.toks[p].end).unwrap_or("")
    }

    fn span_text(&self, (a, b): TokSpan) -> &str {
        self.seg.text.get(self.toks[a].start..self.toks[b].end).unwrap_or("")
    }

    /// Scores a span against the names proposing it. Counterparties recur,
    /// so results are kept by span text and names (when no identifier of a
    /// listed entity is in the segment to change them).
    fn screen(
        &self,
        span: TokSpan,
        names: &[u32],
        ids: &[QueryId],
        screens: &mut ScreenCache,
    ) -> Hits {
        // Misspelt legal-form words are given to the matcher as the form
        // (a short one, only inside a form of several words) — but not a
        // word spelt nearly as a word of a name proposing the span, outside
        // a form of several words (ZAKRIE of Yakub Salmanovich ZAKRIEV is
        // one letter from ZAKRITE too).
        let text: Box<str> = if (span.0..=span.1).any(|p| self.info(p).form.is_some()) {
            let in_form: Vec<usize> = self.legal_words(span).collect();
            let among_forms =
                |p: usize| (p > 0 && in_form.contains(&(p - 1))) || in_form.contains(&(p + 1));
            let mut q = String::new();
            let mut at = self.toks[span.0].start;
            for p in span.0..=span.1 {
                if self.info(p).form.is_some()
                    && (!self.short_form_typo(p) || in_form.contains(&p))
                    && (among_forms(p) || !self.name_word(p, names))
                {
                    q.push_str(self.seg.text.get(at..self.toks[p].start).unwrap_or(" "));
                    q.push_str(self.form_text(p));
                    at = self.toks[p].end;
                }
            }
            q.push_str(self.seg.text.get(at..self.toks[span.1].end).unwrap_or(""));
            q.into()
        } else {
            self.span_text(span).into()
        };
        let key = (text, Box::<[u32]>::from(names));
        if ids.is_empty() {
            if let Some(h) = screens.get(&key) {
                return Hits::clone(h);
            }
        }
        let query =
            Query { name: key.0.to_string(), identifiers: ids.to_vec(), ..Query::default() };
        let opts = ScreenOptions { limit: SCREEN_LIMIT, threshold: self.opts.threshold };
        let hits: Hits = self.scanner.matcher.screen_names(&query, names, &opts).into();
        if ids.is_empty() {
            screens.insert(key, Hits::clone(&hits));
        }
        hits
    }

    /// Whether text word `p` is spelt nearly (≥ [`ANCHOR_SIM`]) as a word,
    /// not of a legal form, of one of `names`.
    fn name_word(&self, p: usize, names: &[u32]) -> bool {
        let index = self.scanner.matcher.index();
        names.iter().any(|&n| {
            index.names[n as usize].toks.iter().any(|&v| {
                self.sim(p, v) >= ANCHOR_SIM && !self.scanner.is_form_word(index.vocab.text(v))
            })
        })
    }

    /// Whether a span is a country's name ("Hong Kong", "in Austria"): a
    /// place, whatever list name contains it, and never a mention.
    fn is_place(&self, (a, b): TokSpan) -> bool {
        let plain: Vec<&str> =
            (a..=b).map(|p| self.text(p)).filter(|t| !matches!(*t, "in" | "the" | "of")).collect();
        !plain.is_empty() && veto_model::country::resolve(&plain.join(" ")).is_some()
    }

    /// The evidence rule (DESIGN.md, "Scanning free text"): `Ok` when a
    /// hit carries enough evidence to be a mention, else the reason not
    /// (a span that is a country's name is refused before, see
    /// [`Ctx::is_place`]).
    fn verdict(
        &self,
        (a, b): TokSpan,
        hit: &veto_matcher::Hit,
        ids: &[(usize, u32, IdKind)],
        party: &[TokSpan],
    ) -> Result<(), &'static str> {
        if ids.iter().any(|&(_, e, _)| e == hit.entity) {
            return Ok(());
        }
        let index = self.scanner.matcher.index();
        let words = self.scanner.words;
        let ex = &hit.explanation;
        let entity = &self.scanner.matcher.entities()[hit.entity as usize];
        let person = entity.kind == veto_model::Kind::Person;
        let vessel = entity.kind == veto_model::Kind::Vessel;
        let weak = ex.factors.iter().any(|f| f.factor == "weak_alias");
        let same_legal = ex.factors.iter().any(|f| f.factor == "legal_form" && f.delta > 0.0);
        // Whether a list word is written in the span, though read otherwise
        // (AG of SIDAN AG HITTA, CO of Augusto MARIO CO: legal forms).
        let written_here = |w: &str| (a..=b).any(|p| self.text(p) == w);
        // Code, paths and file names (GOLDEN_RATIO, src/sp, ops.cpp) are no
        // prose.
        if (a..=b).any(|p| self.in_code(p)) {
            return Err("code, a path or a file name");
        }
        // Nor is a formula: an operator between the words ("2 * sinh"),
        // unless the listed name has it too (A+ ENGINEERING, ELECTRONICS &
        // MEDIA PRINTING CO. LTD.).
        let operator = |c: char| {
            matches!(c, '*' | '=' | '+' | '^' | '|' | '{' | '}' | '<' | '>')
                && !ex.matched_name.contains(c)
        };
        let formula = (a..b).any(|p| {
            self.seg
                .text
                .get(self.toks[p].end..self.toks[p + 1].start)
                .is_some_and(|gap| gap.contains(operator))
        });
        if formula {
            return Err("a formula");
        }
        // A preposition of place between the name's words that the listed
        // name does not have is prose ("Trading company in Dubai" is not
        // DUBAI TRADING COMPANY).
        if ex
            .unmatched_query
            .iter()
            .any(|q| matches!(q.as_str(), "in" | "at" | "from" | "near" | "into" | "with"))
        {
            return Err("a preposition between the name's words");
        }
        // Han, kana and Hangul are read syllable by syllable, and two or
        // three syllables make most names of East Asia: read through a
        // romanization they match a listed name by chance (陈刚: chen gang,
        // NAM CHON GANG). Such a span must be the listed name in its own
        // script, or the whole name, exactly, in three syllables or more.
        let cjk: String = self.span_text((a, b)).chars().filter(|&c| is_cjk(c)).collect();
        if !cjk.is_empty() {
            let in_name =
                ex.matched_name.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let whole = ex.unmatched_list.is_empty()
                && ex.tokens.len() >= 3
                && ex.tokens.iter().all(|t| t.similarity >= 0.95);
            if !in_name.contains(&cjk) && !whole {
                return Err("East Asian script read through a romanization");
            }
        }
        // A name is written in one script: a Cyrillic word and an English
        // one ("Мухаммад said") are two names, or a name and prose — legal
        // forms aside (ООО «Alfa»), and unless the listed name mixes them.
        let scripts = |text: &str| {
            let mut seen = [false; 4];
            for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
                seen[crate::words::WordScript::of(w) as usize] = true;
            }
            seen.iter().filter(|&&x| x).count()
        };
        // (The span's legal-form words, by position; their texts below.)
        let legal_at: Vec<usize> = self.legal_words((a, b)).collect();
        if !self.seg.text.is_ascii() {
            let name_text: String = (a..=b)
                .filter(|p| !legal_at.contains(p))
                .map(|p| self.written(p))
                .collect::<Vec<_>>()
                .join(" ");
            if scripts(&name_text) > 1 && scripts(&ex.matched_name) < 2 {
                return Err("words of two scripts");
            }
        }
        // A weak alias of one word (OFAC's low-quality AKA: HELIOS, CPP) is
        // no evidence alone — one written word, however the analysis splits
        // it (Saifuddin: saif + din is "SAIF AL DIN", a common given name).
        let list_words = ex.tokens.iter().map(|t| t.list.split(' ').count()).sum::<usize>()
            + ex.unmatched_list.len();
        let name_words = ex.matched_name.split_whitespace().count();
        if (list_words == 1 || name_words == 1) && weak {
            return Err("a weak alias of one word");
        }
        // Whether a word the matcher read is everyday depends on the script
        // it was written in (Акса is no Turkish "aksa").
        let script = crate::words::WordScript::of(self.span_text((a, b)));
        let zipf_of = |q: &str| words.zipf10_in(q, script);
        // Nor is an everyday word in lowercase an initial ("MARIE DE
        // LOURDES in" is not the vessel MARIE DE LOURDES I).
        let lowercase_initial = |t: &veto_matcher::TokenMatch| {
            t.how == "initial"
                && t.query.len() > 1
                && zipf_of(&t.query) >= COMMON_ZIPF
                && (a..=b).any(|p| {
                    self.text(p) == t.query && !self.written(p).chars().any(char::is_uppercase)
                })
        };
        if self.mixed_case && ex.tokens.iter().any(lowercase_initial) {
            return Err("an everyday word read as an initial");
        }
        // What each aligned pair proves: the list word's rarity, if the text
        // word is that word, or a variant of it that is not itself an
        // everyday word (a fuzzy or synonym match of "june" proves nothing).
        let weight = |w: &str| {
            let r = index.rarity(w);
            if veto_index::names::is_particle(w)
                || veto_index::names::is_org_symbol(w)
                || veto_index::names::is_stopword(w)
            {
                r * 0.25
            } else {
                r
            }
        };
        // A legal form proves nothing about whose it is (a list name may
        // hold a misspelt one that is not recognized as a form).
        let legal: Vec<&str> = legal_at.iter().map(|&p| self.text(p)).collect();
        // A party's whole name in its field, exactly a listed name (not only
        // a weak alias of one word), is that party, as `veto screen` says.
        if self.whole_party(party, (a, b)) {
            // (A list word written in the line, AG of SIDAN AG HITTA, is there.)
            let complete = ex.unmatched_list.iter().all(|w| written_here(w))
                && ex.unmatched_query.iter().all(|q| legal.contains(&q.as_str()))
                && !ex.tokens.is_empty();
            let exact =
                complete && ex.tokens.iter().all(|t| t.similarity >= 0.95 && t.how != "initial");
            // One short word (3M) needs its listed legal form by it.
            let short = ex.tokens.len() < 2 && ex.tokens.iter().all(|t| t.list.len() < 4);
            if exact && !(weak && (ex.tokens.len() < 2 || name_words < 2)) && (!short || same_legal)
            {
                return Ok(());
            }
            // One word a slip of the keyboard from a listed one-word name of
            // six letters or more, neither an everyday word, is that party
            // misspelt (AVIOHEM: AVIOCHEM), as `veto screen` says.
            let slipped = |t: &veto_matcher::TokenMatch| {
                t.how != "initial"
                    && t.list.len() >= 6
                    && !t.list.contains(' ')
                    && words.zipf10(&t.query) < COMMON_ZIPF
                    && words.zipf10(&t.list) < COMMON_ZIPF
                    && one_edit(&t.query, &t.list)
            };
            if complete && !weak && matches!(ex.tokens.as_slice(), [t] if slipped(t)) {
                return Ok(());
            }
        }
        // A span of legal-form words only ("Pte. Ltd") names nobody.
        if (a..=b).all(|p| legal.contains(&self.text(p)) || is_function_word(self.text(p))) {
            return Err("legal-form words only");
        }
        let mut proofs: Vec<f32> = Vec::new();
        // Words aligned that are no numbers.
        let mut word_proofs = 0;
        let mut matched_max = 0.0f32;
        let mut matched_sum = 0.0f32;
        for t in &ex.tokens {
            if t.how == "initial" {
                // An initial written as listed ("T-PLATFORMS") proves a little.
                if t.query == t.list && ex.unmatched_list.is_empty() {
                    proofs.push(0.5 * weight(&t.list));
                    word_proofs += 1;
                }
                continue;
            }
            let list_w: f32 = t.list.split(' ').map(weight).sum();
            matched_sum += list_w;
            matched_max = matched_max.max(list_w);
            // Numbers are everywhere in text (1.3, "no 2", `1`): they add
            // to a name's other words, and prove nothing alone.
            if !is_number(&t.list) {
                word_proofs += 1;
            }
            // A given name's synonym (Jian: Gang, Gie: Kei) is another
            // person's name, and no evidence of an organization's; nor is
            // another romanization (Chen: Chon) of a part of one.
            if !person
                && (t.how == "name synonym"
                    || (t.how == "another romanization" && !ex.unmatched_list.is_empty()))
            {
                continue;
            }
            // (A given name that one language's press writes often, Alexei or
            // Dmitri — Zipf 3 in English — one letter from the listed
            // spelling of the same name, Alexey, is still the listed
            // person's given name, whether the matcher read it as a spelling
            // or as the name table's synonym (Юрий: yuriy, Yuri). Not another
            // name: King is no James JIN.)
            let variant = person
                && matches!(t.how.as_str(), "similar spelling or transliteration" | "name synonym")
                && t.query.len() >= 5
                && one_edit(&t.query, &t.list)
                && same_given_name(&t.query, &t.list);
            let everyday = t.query.split(' ').any(|q| zipf_of(q) >= COMMON_ZIPF) && !variant;
            let exact = t.similarity >= 0.95;
            // Written in Latin letters, a word much shorter or longer than
            // the listed one is another word with the same consonants (MPL:
            // AMAPOLA), not a spelling of it.
            if !exact
                && script == crate::words::WordScript::Latin
                && t.query.len().abs_diff(t.list.len()) > 3
            {
                continue;
            }
            let form = t.query.split(' ').all(|q| legal.contains(&q));
            if form {
                proofs.push(0.25 * list_w * t.similarity);
            } else if exact || (!everyday && t.similarity >= ANCHOR_SIM) {
                proofs.push(list_w * t.similarity);
            }
        }
        // The list name must be there: its rarest word, and most of its weight.
        // (A person's patronymic is left out more often than not: Suleiman
        // KERIMOV, not Suleiman Abusaidovich.)
        // Nor are a person's middle names always written (Ali KHAMENEI for
        // Ali Husseini KHAMENEI): they count half, as in the cover.
        // (So does the second of two family names: Nicolas Maduro.)
        let middle = if person { self.middle_words(hit) } else { Vec::new() };
        let second = self
            .hit_entry(hit)
            .and_then(|n| Some(index.vocab.text(n.toks[self.scanner.second_family(n)?])));
        let unmatched: Vec<f32> = ex
            .unmatched_list
            .iter()
            .map(|w| {
                if person && veto_index::analyze::is_patronymic(w) {
                    0.25 * weight(w)
                } else if middle.contains(&w.as_str()) || second == Some(w.as_str()) {
                    MIDDLE_WEIGHT * weight(w)
                } else {
                    weight(w)
                }
            })
            .collect();
        let unmatched_max = unmatched.iter().copied().fold(0.0f32, f32::max);
        let total = matched_sum + unmatched.iter().sum::<f32>();
        if unmatched_max > matched_max + 1e-6 || (total > 0.0 && matched_sum / total < LIST_COVER) {
            return Err("the list name's rarest words are not there");
        }
        // A vessel's whole name as listed, numbers and all, after a vessel
        // word or in a sentence about shipping, is the vessel ("the vessel
        // MARIA E", "The FULL STAR, flying the flag of …", "M/V TOUR 2"),
        // as a company's is with its legal form.
        let complete = ex.unmatched_list.is_empty()
            && ex.unmatched_query.iter().all(|q| legal.contains(&q.as_str()));
        let misspelt: Vec<&veto_matcher::TokenMatch> =
            ex.tokens.iter().filter(|t| t.similarity < 0.95).collect();
        if vessel
            && complete
            && misspelt.is_empty()
            && !ex.tokens.is_empty()
            && self.vessel_context(a)
        {
            return Ok(());
        }
        // A vessel's name is short and made of everyday names and numbers:
        // a part of it ("sinh 2" of HYOK SIN 2) names no vessel.
        if vessel && ex.unmatched_list.iter().any(|w| !is_function_word(w)) {
            return Err("part of a vessel's name");
        }
        // (A number with its listed legal form is that name: 11420 CORP.)
        if word_proofs == 0 && !(complete && misspelt.is_empty() && same_legal) {
            return Err("numbers only");
        }
        // A decimal or version number (1.95, 3.1) is no name's number.
        if (a..=b).any(|p| self.in_decimal(p)) {
            return Err("a decimal number");
        }
        // One everyday word and numbers ("1. Set": SET 1) need the legal form.
        // (WON SAN 2 is two words and a number, though SAN reads 3.)
        let written_words =
            (a..=b).filter(|&p| self.written(p).chars().any(char::is_alphabetic)).count();
        if word_proofs == 1
            && written_words <= 1
            && legal.is_empty()
            && ex.tokens.len() > 1
            && ex.tokens.iter().all(|t| {
                is_number(&t.list) || t.query.split(' ').all(|q| zipf_of(q) >= COMMON_ZIPF)
            })
        {
            return Err("an everyday word and numbers");
        }
        // A name made of everyday words is the name only whole: "Advanced
        // Research" is not ADVANCED RESEARCH FOUNDATION.
        let everyday_only = |prose: bool| {
            let everyday = |q: &str| {
                let z = zipf_of(q);
                let given = z < 45 && !veto_names::PersonNames::get().groups(q).is_empty();
                let (floor, given_aside) = if prose { (40, true) } else { (COMMON_ZIPF, false) };
                (z >= floor && !(given_aside && given)) || legal.contains(&q)
            };
            ex.tokens.iter().all(|t| {
                t.how == "initial" || is_number(&t.list) || t.query.split(' ').all(everyday)
            })
        };
        // (A list word written in the span, CO of Augusto MARIO CO, is there.)
        let missing = |w: &String| !is_function_word(w) && !written_here(w);
        if !person && everyday_only(false) && ex.unmatched_list.iter().any(missing) {
            return Err("part of a name of everyday words");
        }
        // Nor, in capitals throughout (a payment's text), are two everyday
        // words the name listed with a legal form, without it: "CNC MILLING
        // MACHINES" on an invoice are goods, not LIMITED LIABILITY COMPANY
        // MILLING MACHINES (a party's name alone in its field aside, above).
        let form_left_out = !person
            && !vessel
            && legal.is_empty()
            && self.hit_entry(hit).is_some_and(|n| !n.legal.is_empty());
        let two_words = ex.tokens.len() == 2
            && ex.tokens.iter().all(|t| t.how != "initial" && !is_number(&t.list));
        if !self.mixed_case && form_left_out && two_words && everyday_only(false) {
            return Err("two everyday words without their listed legal form");
        }
        let proof: f32 = proofs.iter().sum();
        let distinctive = proofs.iter().any(|&p| p >= DISTINCT);
        // The whole listed name spelt as listed, with its legal form (LTD
        // GENERAL TECHNOLOGY, ROSNEFT TRADING SA), is the name, however
        // everyday its words.
        // With its legal form, one rare word of it may be misspelt (rsneft
        // TRADE LIMITED). Three words of substance or more, spelt as listed
        // and in full, are the name too (CENTRAL REPUBLIC BANK). Either may
        // have one slip of the keyboard in one word, if that makes no
        // everyday word (CENTRAL rpeublic BANK; not CENTRAL PUBLIC BANK).
        let rare_typo = |t: &veto_matcher::TokenMatch| {
            t.similarity >= ANCHOR_SIM
                && t.how != "initial"
                && t.list.split(' ').all(|w| words.zipf10(w) < COMMON_ZIPF)
                && index.rarity(&t.list) >= DISTINCT
        };
        // One slip of the keyboard: one word, one edit from the listed one.
        let keyboard_slip = |t: &veto_matcher::TokenMatch| {
            t.similarity >= ANCHOR_SIM
                && t.how != "initial"
                && !t.query.contains(' ')
                && one_edit(&t.query, &t.list)
        };
        // A misspelling, not another word: no everyday word (rpeublic:
        // republic).
        let slip =
            |t: &veto_matcher::TokenMatch| keyboard_slip(t) && zipf_of(&t.query) < COMMON_ZIPF;
        // With its listed legal form, the name may have any one slip of the
        // keyboard in a word of four letters or more, even one that makes a
        // word of some language (TARDE, Spanish, for TRADE; GORUP, Turkish
        // görüp, for GROUP; PELA, Portuguese, for PELLA).
        let form_slip = |t: &veto_matcher::TokenMatch| keyboard_slip(t) && t.query.len() >= 4;
        let substance = ex.tokens.iter().filter(|t| !is_function_word(&t.query)).count();
        if !proofs.is_empty() && ex.tokens.len() >= 2 && complete && same_legal {
            match misspelt.as_slice() {
                [] if proofs.len() >= 2 => return Ok(()),
                [t] if rare_typo(t) || slip(t) || form_slip(t) => return Ok(()),
                _ => {}
            }
        }
        if complete && substance >= WHOLE_WORDS {
            match misspelt.as_slice() {
                [] => return Ok(()),
                [t] if slip(t) => return Ok(()),
                _ => {}
            }
        }
        // Everyday words with one in lowercase, in text that has capitals,
        // are prose ("new name (Rich", "transport protocol independent"),
        // short of a whole name of three ("army supply bureau", above) or a
        // given name that is not a very common word ("vladimir putin"); all
        // quite frequent (Zipf 4: "russian railways" is a name).
        // (A word hyphened to a capitalized one is part of it: Al-dunya.)
        let hyphened_to_capital = |p: usize| {
            p > a
                && self.seg.text.get(self.toks[p - 1].end..self.toks[p].start) == Some("-")
                && self.written(p - 1).chars().next().is_some_and(char::is_uppercase)
        };
        let lowercase = |p: usize| {
            self.written(p).chars().next().is_some_and(char::is_lowercase)
                && !hyphened_to_capital(p)
        };
        // (Not with a legal form, nor words joined by a hyphen: t-platforms;
        // nor in a party's name field, which holds no prose.)
        let in_party = party.iter().any(|&(pa, pb)| pa <= a && b <= pb);
        if self.mixed_case
            && !in_party
            && everyday_only(true)
            && (a..=b).any(lowercase)
            && legal.is_empty()
            && self.span_text((a, b)).contains(char::is_whitespace)
            && !(a..=b).any(|p| transliteration_mark(self.written(p)))
        {
            return Err("everyday words in prose");
        }
        let zipf = |p: usize| self.info(p).zipf;
        let capitalized = |p: usize| self.written(p).chars().next().is_some_and(char::is_uppercase);
        // One written word is one word of a person's name, hyphens or not
        // ("Mohammad-Bagher" is a given name, not Mohammad BAGHERI).
        if person && !self.span_text((a, b)).contains(char::is_whitespace) {
            return Err("one word of a person's name");
        }
        // An organization's whole name of two words, spelt as listed and
        // capitalized, one of them no everyday word (CHAM HOLDING), is the
        // name, though the lists share its words with other names; so is
        // one such word with a particle, if rare in the lists (AL KAWTHAR).
        let unusual = |t: &veto_matcher::TokenMatch| {
            t.how != "initial"
                && !is_number(&t.list)
                && t.query.split(' ').all(|q| zipf_of(q) < COMMON_ZIPF)
        };
        if !person
            && !vessel
            && !weak
            && complete
            && misspelt.is_empty()
            && (substance == 2
                || (substance == 1
                    && ex.tokens.len() == 2
                    && ex.tokens.iter().any(|t| {
                        unusual(t) && t.list.len() >= 4 && index.rarity(&t.list) >= SINGLE_RARITY
                    })))
            && ex.tokens.iter().any(unusual)
            && (a..=b)
                .all(|p| is_function_word(self.text(p)) || capitalized(p) || hyphened_to_capital(p))
        {
            return Ok(());
        }
        if proofs.len() >= 2 {
            if proof < MIN_RARITY || !distinctive {
                return Err("too little rarity proven");
            }
            if self.person_edge_missing(hit, (a, b)) {
                return Err("a first or last word of the person's name is missing");
            }
            if person {
                // A middle initial that no left-out word of the listed name
                // begins with is another person's (Dmitry V. Levin is not
                // Dmitriy Olegovich LEVIN).
                let left_out: Vec<&String> =
                    ex.unmatched_list.iter().filter(|w| !is_function_word(w)).collect();
                let other_initial = !left_out.is_empty()
                    && ex.unmatched_query.iter().any(|q| {
                        q.len() == 1 && !left_out.iter().any(|w| w.as_bytes()[0] == q.as_bytes()[0])
                    });
                if other_initial {
                    return Err("a middle initial not the listed name's");
                }
                // A listed word hyphened to another is half a name (Chin Huang
                // is not HUANG, Chin-Hua).
                if self.half_hyphened(hit) {
                    return Err("half of a hyphened name");
                }
            }
            // Part of a person's name, and misspelt too, is too little.
            if person
                && !ex.unmatched_list.is_empty()
                && ex.tokens.iter().any(|t| t.similarity < PARTIAL_SIM)
            {
                return Err("part of a person's name, misspelt");
            }
            // A weak alias (OFAC's, the UN's "low quality" AKA) counts only
            // whole and spelt as listed ("ZAKI UR REHMAN" is not the alias
            // "Kaki Ur-Rehman" of Zaki-ur-Rehman LAKHVI).
            if !ex.unmatched_list.is_empty() && weak {
                return Err("part of a weak alias");
            }
            if weak && !misspelt.is_empty() {
                return Err("a weak alias misspelt");
            }
            // In text with lowercase letters, a pair of everyday words in
            // lowercase ("a new horizon") is prose, unless it holds a given
            // name that is not a very common word ("vladimir putin"; "new" is
            // a given name too) or a legal form. Three or more such words
            // in the order of a listed name ("army supply bureau") are the
            // name, written carelessly.
            let content = (a..=b).filter(|&p| !is_function_word(self.text(p))).count();
            // (Words joined by a hyphen, "t-platforms", are one name.)
            // (An apostrophe inside a word, not an English clitic, marks a
            // transliteration: "sa'id sa'id" is a name, "said" a verb.)
            // (Where the listed name has a legal form the text leaves out,
            // everyday words will do, given names too: "milling machines"
            // are goods, not LIMITED LIABILITY COMPANY MILLING MACHINES.)
            let floor = if form_left_out { COMMON_ZIPF } else { 40 };
            let prose = content <= 2
                && self.span_text((a, b)).contains(char::is_whitespace)
                && legal.is_empty()
                && (a..=b).all(|p| {
                    lowercase(p)
                        && zipf(p) >= floor
                        && !(self.info(p).given && zipf(p) < 45 && !form_left_out)
                        && !transliteration_mark(self.written(p))
                });
            return if self.mixed_case && !in_party && prose {
                Err("lowercase everyday words in prose")
            } else {
                Ok(())
            };
        }
        // One word: it must be the whole listed name, rare in the lists and not
        // an everyday word (capitalized, a rarer word will do; with a legal
        // form, any). Spelt exactly, or nearly when long or with a legal form.
        let [t] = ex.tokens.as_slice() else { return Err("no aligned word") };
        // With a legal form, the listed one (or one of its class) counts
        // fully; another, only for a word that is rare and not a name.
        let z = zipf_of(&t.query);
        let cap = (a..=b).any(capitalized);
        let press = cap && press_name(self.scanner.words, &t.query, entity.kind);
        let name_word = name_word(&t.query, press);
        let plain = needs_qualifier(name_word, z, index.rarity(&t.list));
        // A vessel's name after a vessel word ("the vessel FREEDOM", "M/T
        // SPARTA") is qualified as a company's is by its legal form.
        let legal = if vessel {
            // (Of the name's word, after a form written before it: the NP
            // DIKSON.)
            let word = (a..=b).find(|&p| !legal.contains(&self.text(p))).unwrap_or(a);
            self.vessel_context(word)
        } else {
            same_legal || (!plain && !legal.is_empty())
        };
        if person || (!legal && name_word) {
            return Err("one word of a person's name");
        }
        // Vessels are named after flowers, gods and people (CAMELLIA,
        // HELIOS, DANIEL): one word is a vessel's name only where the text
        // speaks of a vessel.
        if vessel && !legal {
            return Err("a vessel's one-word name, not about a vessel");
        }
        if !ex.unmatched_list.is_empty() || t.list.contains(' ') || t.how == "initial" {
            return Err("one word, not the whole listed name");
        }
        // In text with capitals, a name is capitalized: one lowercase word
        // is the name only spelt as listed ("interal" is no INTEGRAL),
        // unless its legal form or a vessel word says so.
        if self.mixed_case && !cap && !legal && t.similarity < 0.95 {
            return Err("one lowercase word, misspelt");
        }
        // A number is a name only with its legal form (11420 CORP.).
        if is_number(&t.list) && !same_legal {
            return Err("a number");
        }
        // Nothing around one word confirms it: spelt as listed, or nearly
        // with a legal form (or a vessel's context), where nearly is one
        // slip of the keyboard in a long word (magazeya: MANGAZEYA).
        let nearly = nearly_spelt(t.similarity, &t.query, &t.list);
        let spelt = t.similarity >= 0.95 || (nearly && z == 0 && legal);
        if !spelt {
            return Err("one word, not spelt as listed");
        }
        if t.list.len() < if legal { 3 } else { 4 }
            || (index.rarity(&t.list) < SINGLE_RARITY && !legal)
        {
            return Err("one short or frequent list word");
        }
        if z < COMMON_ZIPF
            || legal
            || (cap && z < SELDOM_ZIPF)
            || self.proper_noun(a, z, entity.kind)
        {
            Ok(())
        } else {
            Err("one everyday word")
        }
    }

    /// Whether word `p` of Cyrillic text, of Zipf × 10 `zipf`, is a proper
    /// noun that may be a listed name of `kind` alone: capitalized inside a
    /// sentence of text with lowercase letters (Russian capitalizes proper
    /// nouns only: Сбербанк, Газпром, everyday words of Russian news), not
    /// so frequent as to be many things (Россия, Москва), not a vessel's
    /// (a vessel's needs a vessel word by it).
    fn proper_noun(&self, p: usize, zipf: u8, kind: veto_model::Kind) -> bool {
        self.mixed_case
            && zipf < PROPER_ZIPF
            && kind != veto_model::Kind::Vessel
            && self.written(p).chars().next().is_some_and(is_cyrillic_capital)
            && self.sentence_of(p).start != p
    }

    /// Whether the hit leaves out a word that the listed name joins with a
    /// hyphen to a word it matched (Chin-Hua, Abd-al-Rahman).
    fn half_hyphened(&self, hit: &veto_matcher::Hit) -> bool {
        let ex = &hit.explanation;
        if ex.unmatched_list.is_empty() {
            return false;
        }
        let entity = &self.scanner.matcher.entities()[hit.entity as usize];
        let Some(name) = entity.names.get(hit.name as usize) else { return false };
        let matched = |w: &str| ex.tokens.iter().any(|t| t.list.split(' ').any(|l| l == w));
        name.full.split(|c: char| c.is_whitespace() || c == ',').filter(|w| w.contains('-')).any(
            |w| {
                // (Particles aside: AL-MAAROUFI is Maaroufi.)
                let parts: Vec<String> = w
                    .split('-')
                    .map(veto_names::fold)
                    .filter(|p| p.len() >= 2 && !is_function_word(p))
                    .collect();
                parts.iter().any(|p| matched(p))
                    && parts.iter().any(|p| ex.unmatched_list.iter().any(|u| u == p))
            },
        )
    }

    /// The indexed name a hit matched.
    fn hit_entry(&self, hit: &veto_matcher::Hit) -> Option<&veto_index::NameEntry> {
        let index = self.scanner.matcher.index();
        let &(lo, hi) = index.entity_names.get(hit.entity as usize)?;
        index.names.get(lo as usize..hi as usize)?.iter().find(|n| n.name == hit.name)
    }

    /// The words of [`skippable_middle`] of the listed name of a hit, when
    /// its rare family name is there as listed.
    fn middle_words(&self, hit: &veto_matcher::Hit) -> Vec<&str> {
        let index = self.scanner.matcher.index();
        let Some(ne) = self.hit_entry(hit) else { return Vec::new() };
        let middle = skippable_middle(index, ne);
        let Some(&last) = ne.toks.last() else { return Vec::new() };
        let last = index.vocab.text(last);
        let there = hit.explanation.tokens.iter().any(|t| t.list == last && t.similarity >= 0.95);
        if middle.is_empty() || !there {
            return Vec::new();
        }
        ne.toks[middle].iter().map(|&v| index.vocab.text(v)).collect()
    }

    /// Whether a person's hit leaves out the first or last word of the listed
    /// name: "John Taylor" is not Mark John TAYLOR, "Chong Chol" not RI Chong
    /// Chol. Middle names and patronymics are often left out; the ends of a
    /// name are what tell people apart.
    fn person_edge_missing(&self, hit: &veto_matcher::Hit, (a, b): TokSpan) -> bool {
        let matcher = self.scanner.matcher;
        if matcher.entities()[hit.entity as usize].kind != veto_model::Kind::Person
            || hit.explanation.unmatched_list.is_empty()
        {
            return false;
        }
        let index = matcher.index();
        let Some(ne) = self.hit_entry(hit) else { return false };
        // (The second of two family names may be left out: Diosdado Cabello.)
        let second = self.scanner.second_family(ne);
        let edge = |j: usize| {
            let class = ne.classes[j];
            let word = index.vocab.text(ne.toks[j]);
            // A one-letter family name (Korean O, U) counts; one written in
            // the span but read as something else (Augusto MARIO CO: "Co" is
            // also a legal form) is there.
            !matches!(class, TokClass::Particle | TokClass::Honorific)
                && hit.explanation.unmatched_list.iter().any(|w| w == word)
                && !(a..=b).any(|p| self.text(p) == word)
        };
        let last = ne.toks.len().saturating_sub(1);
        let second_left_out = second == Some(last) && !edge(last - 1);
        !ne.toks.is_empty() && (edge(0) || (edge(last) && !second_left_out))
    }

    fn mention(&self, span: TokSpan, hit: veto_matcher::Hit) -> Mention {
        let (s, e) = (self.toks[span.0].start, self.toks[span.1].end);
        Mention {
            entity: hit.entity,
            score: hit.score,
            span: self.seg.offset + s..self.seg.offset + e,
            text: self.seg.text.get(s..e).unwrap_or("").to_string(),
            field: self.seg.field.map(str::to_string),
            explanation: hit.explanation,
        }
    }

    fn id_mention(&self, p: usize, entity: u32, kind: IdKind) -> Mention {
        let e = &self.scanner.matcher.entities()[entity as usize];
        let (s, t) = (self.toks[p].start, self.toks[p].end);
        let written = self.seg.text.get(s..t).unwrap_or("").to_string();
        let listed = e
            .identifiers
            .iter()
            .find(|i| i.kind == kind)
            .map(|i| if i.label.is_empty() { format!("{kind:?}") } else { i.label.clone() })
            .unwrap_or_else(|| format!("{kind:?}"));
        let name = e.primary_name().unwrap_or("").to_string();
        let detail = format!("{listed} {written} is listed for {name}");
        Mention {
            entity,
            score: 1.0,
            span: self.seg.offset + s..self.seg.offset + t,
            text: written,
            field: self.seg.field.map(str::to_string),
            explanation: Explanation {
                summary: format!("identifier: {detail}; final 1.00"),
                matched_name: name,
                name_score: 0.0,
                tokens: Vec::new(),
                unmatched_query: Vec::new(),
                unmatched_list: Vec::new(),
                factors: vec![Factor::new("identifier", 1.0, detail)],
            },
        }
    }
}

/// Keeps, for each entity, the best of its overlapping mentions, and at
/// most [`PER_SPAN`] entities per stretch of overlapping text; sorted by
/// position.
fn dedup(mut ms: Vec<Mention>) -> Vec<Mention> {
    // Best first; of equals, the longer span.
    ms.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)))
            .then(a.span.start.cmp(&b.span.start))
    });
    // A little lower (a typo), a longer reading still wins when it aligns
    // more words of substance (RANA SADDAM HUSSEIN AL TIKRITI; MINISTRY OF
    // DEFENCE AND ARMED FORCES logitics), not merely a function word more
    // ("of Joint Stock Company Machine Building Design Bureau").
    let wins = |outer: &Mention, inner: &Mention| {
        outer.score >= inner.score
            || (outer.score + 0.1 >= inner.score && substance(outer) > substance(inner))
    };
    let mut kept: Vec<Mention> = Vec::new();
    for m in ms {
        let overlaps = |k: &Mention| k.span.start < m.span.end && m.span.start < k.span.end;
        let around = |k: &Mention| {
            m.span.start <= k.span.start && k.span.end <= m.span.end && k.span != m.span
        };
        // One mention per entity and place: the whole name rather than a
        // part of it that scored as well (MULTIMAT LC VE DIS TICARET …, not
        // its alias MULTIMAT LTD inside), lest another entity's longer
        // reading then drop the entity altogether.
        if let Some(i) = kept.iter().position(|k| k.entity == m.entity && overlaps(k)) {
            if around(&kept[i]) && wins(&m, &kept[i]) {
                kept.remove(i);
            } else {
                continue;
            }
        }
        // The longest name wins: "VTB BANK ARMENIA CJSC" is not also "VTB BANK".
        let inside = |k: &Mention| {
            k.span.start <= m.span.start && m.span.end <= k.span.end && k.span != m.span
        };
        if kept.iter().any(|k| inside(k) && wins(k, &m)) {
            continue;
        }
        kept.retain(|k| !(around(k) && wins(&m, k)));
        if kept.iter().filter(|k| overlaps(k)).count() >= PER_SPAN {
            continue;
        }
        kept.push(m);
    }
    kept.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.score.total_cmp(&a.score)));
    kept
}

/// The words of substance a mention aligned (function words aside).
fn substance(m: &Mention) -> usize {
    m.explanation.tokens.iter().filter(|t| !is_function_word(&t.query)).count()
}

/// Byte offset → line number (1-based) of one input.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// Keeps the threshold checks honest: the token floor is the matcher's.
const _: () = assert!(TOKEN_FLOOR < ANCHOR_SIM);

#[cfg(test)]
mod tests {
    use super::{
        dedup, gap_break, is_abbreviation, is_reference, transliteration_mark,
        written_abbreviation, Gap, Mention, Slot, WordCache,
    };

    #[test]
    fn word_cache_tells_words_apart() {
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "a\0b",
            "\0",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "карим",
            "karim",
        ];
        let mut cache = WordCache::default();
        let slot = |i: usize| Slot { nbr_bits: 0, info: i as u32, nbr_at: 0, bits: 0 };
        for (i, w) in words.iter().enumerate() {
            cache.insert(w, slot(i));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(cache.get(w), Some(slot(i)), "{w:?}");
        }
        assert_eq!(cache.get("abc"), None);
        assert_eq!(cache.get("ab\0\0"), None);
    }

    #[test]
    fn short_keys_are_the_bytes_padded() {
        let text = "abcdefghijklmnopq";
        for n in 0..=16 {
            let w = &text[..n];
            let mut k = [0u8; 16];
            k[..n].copy_from_slice(w.as_bytes());
            assert_eq!(WordCache::short_key(w), Some(u128::from_le_bytes(k)), "{w}");
        }
        assert_eq!(WordCache::short_key(text), None);
    }

    fn mention(entity: u32, score: f32, span: std::ops::Range<usize>, words: &[&str]) -> Mention {
        let tokens = words
            .iter()
            .map(|w| veto_matcher::TokenMatch {
                query: w.to_string(),
                list: w.to_string(),
                similarity: 1.0,
                how: "exact".to_string(),
            })
            .collect();
        Mention {
            entity,
            score,
            span,
            text: String::new(),
            field: None,
            explanation: veto_matcher::Explanation { tokens, ..Default::default() },
        }
    }

    #[test]
    fn dedup_keeps_each_entity_with_its_whole_name() {
        // Entity 1 matches the whole name and, as well, an alias inside it;
        // entity 2 the whole name a little lower. Both stay, at the whole name.
        let whole = ["multimat", "lc", "ve", "dis", "ticaret"];
        let kept = dedup(vec![
            mention(1, 1.0, 0..8, &["multimat", "lc"]),
            mention(1, 1.0, 0..40, &whole),
            mention(2, 0.99, 0..40, &whole),
        ]);
        let got: Vec<(u32, std::ops::Range<usize>)> =
            kept.iter().map(|m| (m.entity, m.span.clone())).collect();
        assert_eq!(got, [(1, 0..40), (2, 0..40)]);
        // The longest name wins over another entity's name inside it.
        let kept = dedup(vec![
            mention(3, 1.0, 0..8, &["vtb", "bank"]),
            mention(4, 1.0, 0..20, &["vtb", "bank", "armenia"]),
        ]);
        assert_eq!(kept.iter().map(|m| m.entity).collect::<Vec<_>>(), [4]);
    }

    #[test]
    fn account_numbers_are_references() {
        for w in ["it60x0542811101000000123456", "gb29nwbk60161331926819", "ab1cd2ef"] {
            assert!(is_reference(w), "{w}");
        }
        // Numbers, ordinals, words with one digit in them, short words.
        for w in ["12345678", "1000000th", "66th", "sech1n", "a1b2c3", "sberbank", "inv00000123"] {
            assert!(!is_reference(w), "{w}");
        }
    }

    #[test]
    fn abbreviations_as_written() {
        for w in ["Co", "LTD", "gmbh", "Intl", "S", "Limited", "Capt", "CAPTAIN", "", "Ltd\u{e9}"] {
            assert_eq!(written_abbreviation(w), is_abbreviation(&w.to_lowercase()), "{w}");
        }
        assert!(written_abbreviation("GmbH") && written_abbreviation("Tbk"));
        assert!(!written_abbreviation("Trading"));
    }

    #[test]
    fn transliteration_marks() {
        assert!(transliteration_mark("sa'id"));
        assert!(transliteration_mark("Mu’ammar"));
        for w in ["it's", "don't", "they're", "we've", "I'll", "he'd", "I'm", "'abdallah", "said"] {
            assert!(!transliteration_mark(w), "{w}");
        }
    }

    #[test]
    fn gaps() {
        for g in [" ", "\n", ", ", "\n \n", " - ", "", ".", "-."] {
            assert_eq!(gap_break(g), Gap::Joins, "{g:?}");
        }
        for g in ["\n\n", "\r\n\r\n", " \n\r\n", "; ", "? ", "!", ".\n\n", ". ! "] {
            assert_eq!(gap_break(g), Gap::Ends, "{g:?}");
        }
        for g in [". ", "., ", ".\n", ".) "] {
            assert_eq!(gap_break(g), Gap::Period, "{g:?}");
        }
    }
}
