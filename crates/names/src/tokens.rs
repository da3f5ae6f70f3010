//! The tokenizer: one pass over the original text that folds, transliterates and splits it
//! into tokens with byte spans into the original.
//!
//! [`crate::fold`] is this same pass writing the tokens joined by single spaces, so
//! `fold(text) == tokenize(text).map(|t| t.text).join(" ")` always holds.
//!
//! # How characters are treated
//!
//! * ASCII letters and digits are lowercased and copied. This is the fast path: a run of
//!   ASCII alphanumerics is copied with one `push_str` and lowercased in place.
//! * Apostrophes and look-alikes (' ’ ` ʻ ʼ ...) are dropped without splitting the word:
//!   O'Neil → `oneil`.
//! * A period joins the letters on both sides when it sits inside a *dotted chain* of
//!   short segments: letters-or-digits runs of at most two characters separated by single
//!   periods with letters on both sides (S.p.A. → `spa`, J.S.C. → `jsc`, Sh.p.k. → `shpk`).
//!   A chain with a longer segment is split everywhere (J.R.R.Tolkien → `j r r tolkien`,
//!   Co.Ltd → `co ltd`), and a period followed by a space always splits (J. Smith).
//! * Every other punctuation, symbol, space or control character ends the token.
//! * Letters of Cyrillic, Greek, Arabic, Hebrew, Armenian and Georgian are collected into a
//!   run and transliterated together (the reading of a letter depends on its neighbours).
//!   They may share a token with Latin letters: in such a mixed word, a run made only of
//!   letters that look like Latin ones is read as those Latin letters ("Рutin" with a
//!   Cyrillic Р folds to `putin`, not `rutin`), because that is how spoofed names are made.
//! * Each Chinese character is a token (its pinyin); each Hangul syllable is a token; a run
//!   of kana is one token; a run of Thai is one token.
//! * Other characters are NFKD-decomposed, combining marks are dropped and special Latin
//!   letters are mapped (ß → ss, ø → o, ł → l, ...). A character whose decomposition is
//!   several characters (ﬁ, ½, ㈱) stays inside one token.
//! * Letters of scripts without a transliteration (Devanagari, Ethiopic, ...) separate tokens
//!   and produce no output.

use std::ops::Range;

use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

use crate::latin;
use crate::script::{
    classify, homoglyph as homoglyph_of, is_latin_range, is_word_char, is_word_letter, latin_table,
    lower, Class, RunScript,
};
use crate::translit::{self, arabic, chinese, japanese, korean, thai, Convention};

/// One token: its folded text and where it came from in the original text.
///
/// `start..end` is a byte range of the original text; both ends lie on `char` boundaries,
/// `start < end`, and the tokens of one text come in order without overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Token {
    /// The folded text: ASCII lowercase letters and digits, never empty, never a space.
    pub text: String,
    /// Byte offset of the first character of the token in the original text.
    pub start: usize,
    /// Byte offset just past the last character of the token in the original text.
    pub end: usize,
    /// Whether the folded text consists of digits only.
    pub numeric: bool,
}

impl Token {
    /// The byte range of the token in the original text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the folded text consists of digits only ("11420").
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }
}

/// A borrowed token, handed to the callback of [`Tokenizer::for_each_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    /// The folded text (see [`Token::text`]).
    pub text: &'a str,
    /// Byte offset of the token's first character in the original text.
    pub start: usize,
    /// Byte offset just past the token's last character in the original text.
    pub end: usize,
    /// Whether the folded text consists of digits only.
    pub numeric: bool,
}

impl TokenRef<'_> {
    /// Copy into an owned [`Token`].
    pub fn to_token(&self) -> Token {
        Token {
            text: self.text.to_string(),
            start: self.start,
            end: self.end,
            numeric: self.numeric,
        }
    }
}

/// Split `text` into folded tokens with byte spans into `text`.
///
/// # Examples
///
/// ```
/// use veto_names::tokenize;
///
/// let toks = tokenize("O'Neil & Sons S.p.A.");
/// let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(texts, ["oneil", "sons", "spa"]);
/// assert_eq!(toks[0].span(), 0..6);
///
/// let toks = tokenize("习近平");
/// assert_eq!(toks.len(), 3);
/// assert_eq!((toks[1].text.as_str(), toks[1].start, toks[1].end), ("jin", 3, 6));
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    Tokenizer::new().tokens_into(text, &mut out);
    out
}

/// A reusable tokenizer that keeps its scratch buffers between calls.
///
/// Use one per thread when tokenizing many texts: [`Tokenizer::tokens_into`] reuses the
/// `String`s of the tokens already in the output vector, and
/// [`Tokenizer::for_each_token`] allocates nothing once warm.
///
/// # Examples
///
/// ```
/// use veto_names::Tokenizer;
///
/// let mut tok = Tokenizer::new();
/// let mut out = Vec::new();
/// for text in ["Vladimir PUTIN", "Владимир Путин"] {
///     tok.tokens_into(text, &mut out);
///     assert_eq!(out[1].text, "putin");
/// }
///
/// let mut n = 0;
/// tok.for_each_token("ООО «Ромашка», Moscow", |t| n += t.text.len());
/// assert_eq!(n, "ooo romashka moscow".len() - 2);
/// ```
#[derive(Debug, Default, Clone)]
pub struct Tokenizer {
    run: Vec<char>,
    spans: Vec<(usize, usize)>,
    cur: String,
}

impl Tokenizer {
    /// A tokenizer with empty scratch buffers.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// Replace the contents of `out` with the tokens of `text`, reusing the `String`
    /// buffers of the tokens `out` already holds.
    pub fn tokens_into(&mut self, text: &str, out: &mut Vec<Token>) {
        let mut sink = VecSink { out, n: 0, start: 0 };
        run(self, text, &Convention::default(), &mut sink);
        let n = sink.n;
        out.truncate(n);
    }

    /// Call `f` with each token of `text`, in order. Allocates nothing once the tokenizer's
    /// buffers have grown to the longest token seen.
    pub fn for_each_token<F: FnMut(TokenRef<'_>)>(&mut self, text: &str, f: F) {
        let mut cur = std::mem::take(&mut self.cur);
        cur.clear();
        let mut sink = CallbackSink { cur, start: 0, f };
        run(self, text, &Convention::default(), &mut sink);
        self.cur = sink.cur;
    }

    /// Replace the contents of `out` with [`crate::fold`]`(text)`.
    pub fn fold_into(&mut self, text: &str, out: &mut String) {
        self.fold_with(text, &Convention::default(), out);
    }

    pub(crate) fn fold_with(&mut self, text: &str, conv: &Convention, out: &mut String) {
        out.clear();
        let mut sink = FoldSink { out, mark: 0, before: 0 };
        run(self, text, conv, &mut sink);
    }
}

/// Where the engine writes tokens.
pub(crate) trait Sink {
    /// The buffer the current token's folded text is appended to.
    fn buf(&mut self) -> &mut String;
    /// Bytes written to the current token so far.
    fn cur_len(&mut self) -> usize;
    /// A token starts at byte `start` of the original text.
    fn begin(&mut self, start: usize);
    /// The current token ends at byte `end`; an empty token is discarded.
    fn end(&mut self, end: usize);
    /// A token that is `text[start..end]`, ASCII letters and digits,
    /// lowercased; `seen` ors the [`ASCII_WORD`] flags of its bytes.
    fn word(&mut self, text: &str, start: usize, end: usize, _seen: u8) {
        self.begin(start);
        let buf = self.buf();
        let from = buf.len();
        buf.push_str(&text[start..end]);
        buf[from..].make_ascii_lowercase();
        self.end(end);
    }
}

struct FoldSink<'o> {
    out: &'o mut String,
    mark: usize,
    before: usize,
}

impl Sink for FoldSink<'_> {
    fn buf(&mut self) -> &mut String {
        self.out
    }
    fn cur_len(&mut self) -> usize {
        self.out.len() - self.mark
    }
    fn begin(&mut self, _start: usize) {
        self.before = self.out.len();
        if !self.out.is_empty() {
            self.out.push(' ');
        }
        self.mark = self.out.len();
    }
    fn end(&mut self, _end: usize) {
        if self.out.len() == self.mark {
            self.out.truncate(self.before);
        }
    }
}

struct VecSink<'o> {
    out: &'o mut Vec<Token>,
    n: usize,
    start: usize,
}

impl Sink for VecSink<'_> {
    fn buf(&mut self) -> &mut String {
        if self.n == self.out.len() {
            self.out.push(Token::default());
        }
        &mut self.out[self.n].text
    }
    fn cur_len(&mut self) -> usize {
        self.buf().len()
    }
    fn begin(&mut self, start: usize) {
        self.buf().clear();
        self.start = start;
    }
    fn end(&mut self, end: usize) {
        let start = self.start;
        let n = self.n;
        if let Some(t) = self.out.get_mut(n) {
            if !t.text.is_empty() {
                t.start = start;
                t.end = end;
                t.numeric = t.text.bytes().all(|b| b.is_ascii_digit());
                self.n += 1;
            }
        }
    }
}

struct CallbackSink<F> {
    cur: String,
    start: usize,
    f: F,
}

impl<F: FnMut(TokenRef<'_>)> Sink for CallbackSink<F> {
    fn buf(&mut self) -> &mut String {
        &mut self.cur
    }
    fn cur_len(&mut self) -> usize {
        self.cur.len()
    }
    fn begin(&mut self, start: usize) {
        self.cur.clear();
        self.start = start;
    }
    fn end(&mut self, end: usize) {
        if !self.cur.is_empty() {
            let numeric = self.cur.bytes().all(|b| b.is_ascii_digit());
            (self.f)(TokenRef { text: &self.cur, start: self.start, end, numeric });
            self.cur.clear();
        }
    }
    fn word(&mut self, text: &str, start: usize, end: usize, seen: u8) {
        let word = &text[start..end];
        // (A word in lowercase is its own folded text: no copy.)
        let text = if seen & W_UPPER != 0 {
            self.cur.clear();
            self.cur.push_str(word);
            self.cur.make_ascii_lowercase();
            &self.cur
        } else {
            word
        };
        let numeric = seen & W_LETTER == 0;
        (self.f)(TokenRef { text, start, end, numeric });
        self.cur.clear();
    }
}

/// Byte classes: ASCII ones, and the bytes of other characters.
const A_SEP: u8 = 0;
const A_ALNUM: u8 = 1;
const A_APOS: u8 = 2;
const A_PERIOD: u8 = 3;
const A_HIGH: u8 = 4;

/// Flags of the bytes of an ASCII word, or'ed over it by the tokenizer's
/// scan (so that no later pass reads the word again for them).
const W_ALNUM: u8 = 1;
const W_UPPER: u8 = 2;
const W_LETTER: u8 = 4;

/// [`W_ALNUM`], [`W_UPPER`] and [`W_LETTER`] of each byte.
static ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            t[b] = W_ALNUM;
        } else if c.is_ascii_lowercase() {
            t[b] = W_ALNUM | W_LETTER;
        } else if c.is_ascii_uppercase() {
            t[b] = W_ALNUM | W_LETTER | W_UPPER;
        }
        b += 1;
    }
    t
};

static ASCII: [u8; 256] = {
    let mut t = [A_HIGH; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = A_SEP;
        b += 1;
    }
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = A_ALNUM;
        }
        b += 1;
    }
    t[b'\'' as usize] = A_APOS;
    t[b'`' as usize] = A_APOS;
    t[b'.' as usize] = A_PERIOD;
    t
};

/// What kind of run is being collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunKind {
    Script(RunScript),
    Kana,
    Thai,
}

impl RunKind {
    /// Kana and Thai runs are words of their own; alphabetic runs may share a token with
    /// Latin letters and digits.
    fn is_own_word(self) -> bool {
        matches!(self, RunKind::Kana | RunKind::Thai)
    }
}

struct Engine<'a, S> {
    text: &'a str,
    conv: &'a Convention,
    sink: &'a mut S,
    run: &'a mut Vec<char>,
    spans: &'a mut Vec<(usize, usize)>,
    run_kind: Option<RunKind>,
    in_tok: bool,
    tok_end: usize,
    /// Whether the current token has Latin letters (for homoglyph runs).
    tok_latin: bool,
    /// Word characters in the current segment of a dotted chain.
    seg_chars: usize,
    /// Whether the last character seen was a letter (for the initialism rule).
    prev_letter: bool,
    /// Periods before this byte belong to a chain already decided.
    chain_end: usize,
    chain_join: bool,
    last_han: Option<char>,
    /// Byte offset just past the last Hangul syllable (to find the first syllable of a word).
    hangul_end: usize,
    /// Whether a word between separators is written at once (see `scan`).
    shortcut: bool,
}

fn run<S: Sink>(tok: &mut Tokenizer, text: &str, conv: &Convention, sink: &mut S) {
    run_with(tok, text, conv, sink, true);
}

/// [`run`], with or without the shortcut for words between separators
/// (without: every word through `ascii_word` and `close`, as the tests
/// compare).
fn run_with<S: Sink>(
    tok: &mut Tokenizer,
    text: &str,
    conv: &Convention,
    sink: &mut S,
    shortcut: bool,
) {
    tok.run.clear();
    tok.spans.clear();
    let mut e = Engine {
        text,
        conv,
        sink,
        run: &mut tok.run,
        spans: &mut tok.spans,
        run_kind: None,
        in_tok: false,
        tok_end: 0,
        tok_latin: false,
        seg_chars: 0,
        prev_letter: false,
        chain_end: 0,
        chain_join: false,
        last_han: None,
        hangul_end: usize::MAX,
        shortcut,
    };
    e.scan();
}

impl<S: Sink> Engine<'_, S> {
    fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                match ASCII[b as usize] {
                    A_ALNUM => {
                        let s = i;
                        let mut seen = ASCII_WORD[b as usize];
                        i += 1;
                        while i < n {
                            let f = ASCII_WORD[bytes[i] as usize];
                            if f & W_ALNUM == 0 {
                                break;
                            }
                            seen |= f;
                            i += 1;
                        }
                        // A word between separators (most words) is a
                        // token of its own, as `ascii_word` and `close`
                        // would make it.
                        if self.shortcut
                            && !self.in_tok
                            && self.run_kind.is_none()
                            && bytes.get(i).is_none_or(|&b| ASCII[b as usize] == A_SEP)
                        {
                            self.sink.word(text, s, i, seen);
                            self.tok_end = i;
                            self.prev_letter = false;
                            self.seg_chars = 0;
                            continue;
                        }
                        self.ascii_word(s, i);
                    }
                    A_APOS => {
                        self.prev_letter = false;
                        i += 1;
                    }
                    A_PERIOD => {
                        self.period(i, 1);
                        i += 1;
                    }
                    _ => {
                        if self.in_tok {
                            self.close();
                        }
                        i += 1;
                    }
                }
            } else {
                let c = match text[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                };
                let len = c.len_utf8();
                i += self.feed(c, i, len);
            }
        }
        self.close();
    }

    fn ascii_word(&mut self, s: usize, e: usize) {
        self.before_latin(true);
        self.open(s);
        let buf = self.sink.buf();
        let from = buf.len();
        buf.push_str(&self.text[s..e]);
        buf[from..].make_ascii_lowercase();
        self.tok_end = e;
        self.seg_chars += e - s;
        self.prev_letter = self.text.as_bytes()[e - 1].is_ascii_alphabetic();
        self.tok_latin |= self.text.as_bytes()[s..e].iter().any(u8::is_ascii_alphabetic);
    }

    /// Before Latin letters or digits: end a kana/Thai word, or flush an alphabetic run
    /// (read as homoglyphs if Latin letters follow).
    fn before_latin(&mut self, letter: bool) {
        match self.run_kind {
            Some(k) if k.is_own_word() => self.close(),
            Some(_) => self.flush(letter),
            None => {}
        }
    }

    fn open(&mut self, pos: usize) {
        if !self.in_tok {
            self.sink.begin(pos);
            self.in_tok = true;
            self.tok_latin = false;
            self.seg_chars = 0;
        }
    }

    fn close(&mut self) {
        if self.run_kind.is_some() {
            self.flush(self.tok_latin);
        }
        if self.in_tok {
            self.sink.end(self.tok_end);
            self.in_tok = false;
        }
        self.prev_letter = false;
        self.seg_chars = 0;
    }

    fn flush_run(&mut self) {
        self.flush(false);
    }

    /// Transliterate the pending run into the current token. With `homoglyph`, a Cyrillic or
    /// Greek run whose letters all look like Latin letters is written as those letters.
    fn flush(&mut self, homoglyph: bool) {
        let Some(kind) = self.run_kind.take() else {
            return;
        };
        let conv = self.conv;
        if homoglyph
            && matches!(kind, RunKind::Script(RunScript::Cyrillic | RunScript::Greek))
            && self.run.iter().all(|&c| homoglyph_of(c).is_some())
        {
            let buf = self.sink.buf();
            buf.extend(self.run.iter().filter_map(|&c| homoglyph_of(c)));
            self.run.clear();
            self.spans.clear();
            return;
        }
        match kind {
            RunKind::Script(RunScript::Arabic) => {
                let mut from = 0;
                if let Some(k) = arabic::article_len(self.run) {
                    let (_, art_end) = self.spans[k - 1];
                    let (rest_start, _) = self.spans[k];
                    if self.sink.cur_len() == 0 && art_end <= rest_start {
                        self.sink.buf().push_str("al");
                        self.sink.end(art_end);
                        self.sink.begin(rest_start);
                        from = k;
                    }
                }
                arabic::translit(&self.run[from..], conv, self.sink.buf());
            }
            RunKind::Script(s) => translit::run(s, self.run, conv, self.sink.buf()),
            RunKind::Kana => japanese::translit(self.run, conv, self.sink.buf()),
            RunKind::Thai => thai::translit(self.run, conv, self.sink.buf()),
        }
        self.run.clear();
        self.spans.clear();
    }

    fn push_run(&mut self, kind: RunKind, c: char, pos: usize, len: usize) {
        match self.run_kind {
            Some(k) if k == kind => {}
            Some(k) if k.is_own_word() || kind.is_own_word() => self.close(),
            Some(_) => self.flush_run(),
            None if kind.is_own_word() && self.in_tok => self.close(),
            None => {}
        }
        self.open(pos);
        self.run_kind = Some(kind);
        let lc = match kind {
            RunKind::Script(_) => lower(c),
            _ => c,
        };
        self.run.push(lc);
        self.spans.push((pos, pos + len));
        self.tok_end = pos + len;
        self.seg_chars += 1;
        self.prev_letter = true;
    }

    /// A token of its own (Chinese character, Hangul syllable, lone jamo).
    fn single(&mut self, pos: usize, end: usize, write: impl FnOnce(&Convention, &mut String)) {
        self.close();
        self.sink.begin(pos);
        write(self.conv, self.sink.buf());
        self.sink.end(end);
    }

    /// Handle one non-ASCII character; returns the bytes consumed.
    fn feed(&mut self, c: char, pos: usize, len: usize) -> usize {
        match classify(c) {
            Class::Sep => self.close(),
            Class::Joiner => self.prev_letter = false,
            Class::Ignore => {}
            Class::Mark => self.mark(c),
            Class::KanaMark(m) => {
                if self.run_kind == Some(RunKind::Kana) {
                    self.mark(m);
                }
            }
            Class::Digit(d) => {
                self.before_latin(false);
                self.open(pos);
                self.sink.buf().push(char::from(b'0' + d));
                self.tok_end = pos + len;
                self.seg_chars += 1;
                self.prev_letter = false;
            }
            Class::Latin => self.latin_letter(c, pos, len),
            Class::Decompose => self.decompose(c, pos, len),
            Class::Run(s) => self.push_run(RunKind::Script(s), c, pos, len),
            Class::Kana => self.push_run(RunKind::Kana, c, pos, len),
            Class::Thai => self.push_run(RunKind::Thai, c, pos, len),
            Class::Han => {
                self.last_han = Some(c);
                self.single(pos, pos + len, |_, out| {
                    chinese::han(c, out);
                });
            }
            Class::HanRepeat => {
                if let Some(h) = self.last_han {
                    self.single(pos, pos + len, |_, out| {
                        chinese::han(h, out);
                    });
                }
            }
            Class::HangulSyllable => {
                let first = self.hangul_end != pos;
                self.single(pos, pos + len, |conv, out| korean::syllable(c, first, conv, out));
                self.hangul_end = pos + len;
            }
            Class::HangulJamo => return self.jamo(c, pos, len),
        }
        len
    }

    /// A combining mark: compose it with the last letter of the run if possible (и + ̆ → й,
    /// カ + ゙ → ガ); otherwise drop it.
    fn mark(&mut self, m: char) {
        if let Some(last) = self.run.last_mut() {
            if let Some(c) = compose(*last, m) {
                *last = c;
            }
        }
    }

    fn latin_letter(&mut self, c: char, pos: usize, len: usize) {
        self.before_latin(true);
        self.open(pos);
        self.tok_latin = true;
        let umlaut = self.conv.latin_umlaut;
        let buf = self.sink.buf();
        for lc in c.to_lowercase() {
            if umlaut && lc == 'ø' {
                buf.push_str("oe");
            } else {
                buf.push_str(latin::special(lc));
            }
        }
        self.tok_end = pos + len;
        self.seg_chars += 1;
        self.prev_letter = true;
    }

    fn decompose(&mut self, c: char, pos: usize, len: usize) {
        // Fast path: é, ñ, ü, ... whose NFKD is one ASCII letter plus marks.
        if let Some(&(_, b)) = latin_table().get((c as u32).wrapping_sub(0x80) as usize) {
            if b != 0 && !(self.conv.latin_umlaut && latin::umlaut(c).is_some()) {
                self.before_latin(true);
                self.open(pos);
                self.tok_latin = true;
                self.sink.buf().push(char::from(b));
                self.tok_end = pos + len;
                self.seg_chars += 1;
                self.prev_letter = b.is_ascii_alphabetic();
                return;
            }
        }
        if self.conv.latin_umlaut {
            if let Some(s) = latin::umlaut(c) {
                self.before_latin(true);
                self.open(pos);
                self.tok_latin = true;
                self.sink.buf().push_str(s);
                self.tok_end = pos + len;
                self.seg_chars += 1;
                self.prev_letter = true;
                return;
            }
        }
        let mut pieces = ['\0'; 24];
        let mut n = 0;
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) && n < pieces.len() {
                pieces[n] = d;
                n += 1;
            }
        });
        match n {
            0 => self.mark(c),
            1 => {
                let d = pieces[0];
                if d == c {
                    // Cannot happen for characters classified Decompose; be safe anyway.
                    self.close();
                } else if d.is_ascii() {
                    match ASCII[d as usize] {
                        A_ALNUM => {
                            let letter = d.is_ascii_alphabetic();
                            self.before_latin(letter);
                            self.open(pos);
                            self.tok_latin |= letter;
                            self.sink.buf().push(d.to_ascii_lowercase());
                            self.tok_end = pos + len;
                            self.seg_chars += 1;
                            self.prev_letter = d.is_ascii_alphabetic();
                        }
                        A_APOS => self.prev_letter = false,
                        A_PERIOD => self.period(pos, len),
                        _ => self.close(),
                    }
                } else {
                    // NFKD output is fully decomposed, so this recursion ends here.
                    self.feed(d, pos, len);
                }
            }
            _ => self.expansion(&pieces[..n], c, pos, len),
        }
    }

    /// A character that decomposes into several (ﬁ, ½, ㈱, ǅ): all of it goes into one token.
    fn expansion(&mut self, pieces: &[char], c: char, pos: usize, len: usize) {
        if !pieces.iter().any(|p| p.is_alphanumeric()) {
            self.close();
            return;
        }
        self.before_latin(c.is_alphabetic());
        self.open(pos);
        let conv = self.conv;
        let buf = self.sink.buf();
        for &p in pieces {
            if p.is_ascii() {
                if p.is_ascii_alphanumeric() {
                    buf.push(p.to_ascii_lowercase());
                }
                continue;
            }
            match classify(p) {
                Class::Latin | Class::Decompose if is_latin_range(p) => {
                    for lc in p.to_lowercase() {
                        buf.push_str(latin::special(lc));
                    }
                }
                Class::Run(s) => {
                    let lc = p.to_lowercase().next().unwrap_or(p);
                    translit::run(s, &[lc], conv, buf);
                }
                Class::Han => {
                    chinese::han(p, buf);
                }
                Class::Kana => japanese::translit(&[p], conv, buf),
                Class::HangulSyllable => korean::syllable(p, false, conv, buf),
                Class::HangulJamo => korean::jamo(p, buf),
                Class::Digit(d) => buf.push(char::from(b'0' + d)),
                _ => {}
            }
        }
        self.tok_end = pos + len;
        self.seg_chars += 1;
        self.prev_letter = c.is_alphabetic();
    }

    /// Hangul jamo: compose a conjoining L V (T) sequence into a syllable, or romanize a lone
    /// jamo as a token of its own.
    fn jamo(&mut self, c: char, pos: usize, len: usize) -> usize {
        let rest = &self.text[pos + len..];
        let mut it = rest.chars();
        if let Some(v) = it.next().filter(|&v| korean::is_jamo_v(v)) {
            let t = it.next().filter(|&t| korean::is_jamo_t(t));
            if let Some(syl) = korean::compose(c, v, t) {
                let used = len + v.len_utf8() + t.map_or(0, char::len_utf8);
                let first = self.hangul_end != pos;
                self.single(pos, pos + used, |conv, out| korean::syllable(syl, first, conv, out));
                self.hangul_end = pos + used;
                return used;
            }
        }
        self.single(pos, pos + len, |_, out| korean::jamo(c, out));
        len
    }

    /// A period at `pos` (`len` bytes: '.' or a full-width one).
    fn period(&mut self, pos: usize, len: usize) {
        let next_pos = pos + len;
        if self.in_tok && self.prev_letter {
            let next = self.text[next_pos..].chars().next();
            if next.is_some_and(is_word_letter) {
                if next_pos >= self.chain_end {
                    let (ok, end) = self.scan_chain(next_pos);
                    self.chain_join = ok && self.seg_chars <= 2;
                    self.chain_end = end;
                }
                if self.chain_join {
                    self.seg_chars = 0;
                    self.prev_letter = false;
                    return;
                }
            }
        }
        self.close();
    }

    /// Scan the segments of a dotted chain starting at `from`. Returns whether every segment
    /// has at most two word characters, and the byte offset where the chain ends.
    fn scan_chain(&self, from: usize) -> (bool, usize) {
        let text = self.text;
        let mut ok = true;
        let mut cnt = 0usize;
        let mut prev_letter = false;
        let mut it = text[from..].char_indices().peekable();
        let mut end = from;
        while let Some((off, ch)) = it.next() {
            let at = from + off;
            if is_word_char(ch) {
                cnt += 1;
                prev_letter = is_word_letter(ch);
                end = at + ch.len_utf8();
            } else if ch == '.' || ch == '．' {
                let next_letter = it.peek().is_some_and(|&(_, n)| is_word_letter(n));
                if !(prev_letter && next_letter) {
                    break;
                }
                if cnt > 2 {
                    ok = false;
                }
                cnt = 0;
                prev_letter = false;
            } else if crate::script::is_apostrophe(ch) || is_combining_mark(ch) {
                continue;
            } else {
                break;
            }
        }
        if cnt > 2 {
            ok = false;
        }
        (ok, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` through `for_each_token` (the scanner's way)
    /// and, as `tokens_into` collects them, without the shortcut for words
    /// between separators.
    fn both_ways(text: &str) -> (Vec<Token>, Vec<Token>) {
        let mut fast = Vec::new();
        Tokenizer::new().for_each_token(text, |t| fast.push(t.to_token()));
        let mut slow = Vec::new();
        let mut sink = VecSink { out: &mut slow, n: 0, start: 0 };
        run_with(&mut Tokenizer::new(), text, &Convention::default(), &mut sink, false);
        let n = sink.n;
        slow.truncate(n);
        (fast, slow)
    }

    #[test]
    fn words_between_separators_read_as_every_word() {
        let texts = [
            "",
            "a",
            "Vladimir PUTIN, Moscow; ooo \"Romashka\" (OOO) 11420 Corp.",
            "O'Neil & Sons S.p.A. U.S.A. J.P.Morgan e.g. end.",
            "word. Next 'quoted' rock'n'roll x-y 3.14 1,000 v2.0",
            "Рosneft Pушкин ВТБ-Bank Ёнг Нам Ким",
            "Müller-Lüdenscheidt GmbH Ørsted ß",
            "习近平 and 김정은 and ｶﾀｶﾅ and สวัสดี end",
            "MT103 :59:/40702810\nAO SBERBANK\nLEASING\r\n:70:INV 17",
            "  leading and trailing  ",
            "ab\u{301}c A\u{300}B tab\there",
        ];
        for text in texts {
            let (fast, slow) = both_ways(text);
            assert_eq!(fast, slow, "{text:?}");
        }
        // Every string of up to four pieces from an alphabet of the byte
        // classes (and letters of other scripts).
        fn every(text: &mut String, depth: usize, alphabet: &[&str], count: &mut usize) {
            let (fast, slow) = both_ways(text);
            assert_eq!(fast, slow, "{text:?}");
            *count += 1;
            if depth == 0 {
                return;
            }
            for piece in alphabet {
                let keep = text.len();
                text.push_str(piece);
                every(text, depth - 1, alphabet, count);
                text.truncate(keep);
            }
        }
        let alphabet = ["a", "B", "7", " ", "'", ".", "-", "é", "Я"];
        let mut count = 0;
        every(&mut String::new(), 4, &alphabet, &mut count);
        assert_eq!(count, 1 + 9 + 81 + 729 + 6561);
    }

    fn spans(text: &str) -> Vec<(String, &str)> {
        tokenize(text).into_iter().map(|t| (t.text.clone(), &text[t.span()])).collect()
    }

    macro_rules! sp {
        ($text:expr, [$(($tok:expr, $src:expr)),* $(,)?]) => {
            assert_eq!(spans($text), vec![$(($tok.to_string(), $src)),*], "{:?}", $text)
        };
    }

    #[test]
    fn spans_point_into_original() {
        sp!("O'Neil", [("oneil", "O'Neil")]);
        sp!("'quoted'", [("quoted", "quoted")]);
        sp!("  Jean-Pierre  ", [("jean", "Jean"), ("pierre", "Pierre")]);
        sp!("S.p.A.", [("spa", "S.p.A")]);
        sp!("J. Smith", [("j", "J"), ("smith", "Smith")]);
        sp!("Müller", [("muller", "Müller")]);
        sp!("习近平", [("xi", "习"), ("jin", "近"), ("ping", "平")]);
        sp!("김정은", [("gim", "김"), ("jeong", "정"), ("eun", "은")]);
        sp!("ウラジーミル・プーチン", [("urajimiru", "ウラジーミル"), ("puchin", "プーチン")]);
        sp!("Путин", [("putin", "Путин")]);
        sp!("بشار الأسد", [("bshar", "بشار"), ("al", "ال"), ("asd", "أسد")]);
        sp!("ＡＢＣ", [("abc", "ＡＢＣ")]);
        sp!("abcカタ", [("abc", "abc"), ("kata", "カタ")]);
        sp!(
            "株式会社ABC",
            [("zhu", "株"), ("shi", "式"), ("hui", "会"), ("she", "社"), ("abc", "ABC")]
        );
        sp!("11420 CORP", [("11420", "11420"), ("corp", "CORP")]);
        sp!("١٢٣", [("123", "١٢٣")]);
        sp!("ﬁne", [("fine", "ﬁne")]);
    }

    #[test]
    fn numeric_flag() {
        let t = tokenize("11420 CORP 3rd");
        assert!(t[0].is_numeric());
        assert!(!t[1].is_numeric());
        assert!(!t[2].is_numeric());
    }

    #[test]
    fn reuse() {
        let mut tok = Tokenizer::new();
        let mut out = Vec::new();
        tok.tokens_into("one two three four", &mut out);
        assert_eq!(out.len(), 4);
        tok.tokens_into("five", &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0], Token { text: "five".into(), start: 0, end: 4, numeric: false });
        let mut seen = Vec::new();
        tok.for_each_token("a-b c", |t| seen.push(t.to_token()));
        assert_eq!(seen, tokenize("a-b c"));
        let mut s = String::from("junk");
        tok.fold_into("Hello, World", &mut s);
        assert_eq!(s, "hello world");
    }
}
