/*!
Name normalization for veto: the one place that decides what two spellings of a name have
in common.

Everything the matcher and the free-text scanner compare goes through this crate:

* [`fold`] turns any text into its canonical matching form: ASCII, lowercase, accents
  stripped, other scripts transliterated, apostrophes dropped without splitting
  (`O'Neil` → `oneil`), initialisms joined (`S.p.A.` → `spa`), all other punctuation a
  single space.
* [`tokenize`] and the reusable [`Tokenizer`] produce the same folded words as [`Token`]s
  that carry byte spans into the *original* text, so a hit can be shown where it occurred.
  Chinese characters and Hangul syllables are one token each.
* [`translit`] holds one module per script and [`translit::variants`], the forms other
  romanization conventions give (kim jong un for 김정은, iurii for Юрий).
* Reference tables, loaded lazily once per process: [`PersonNames`] (cross-script synonym
  groups of given and family names), [`LegalForms`] (OOO ≡ LLC ≡ ООО, PJSC ≡ ПАО, ...), and
  the word lists in [`words`] (honorifics, particles, org symbols, stopwords, ordinals).

The tables come from OpenSanctions' `rigour` (MIT) and Wikidata (CC0); see `NOTICE` and
`DATA.md` in this crate for credits and for what was filtered out.

# Example

```
use veto_names::{fold, tokenize, LegalForms, PersonNames};

assert_eq!(fold("Владимир Путин"), "vladimir putin");
assert_eq!(fold("O'Neil Trading S.p.A."), "oneil trading spa");
assert_eq!(fold("习近平"), "xi jin ping");

let toks = tokenize("ООО «Ромашка»");
assert_eq!(toks[0].text, "ooo");
assert_eq!(&"ООО «Ромашка»"[toks[1].span()], "Ромашка");

let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
let (len, form) = LegalForms::get().match_at(&words, 0).ok_or("no legal form")?;
assert_eq!((len, form.compare.as_str(), form.generic.as_str()), (1, "llc", "LLC"));

let names = PersonNames::get();
assert!(names.same_group("mohammed", &fold("محمد")));
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Performance

Tokenizing mostly-ASCII text runs through a byte-table fast path and allocates nothing per
token with [`Tokenizer::for_each_token`] (or reuses the token strings with
[`Tokenizer::tokens_into`]). `examples/throughput.rs` measures it: about 200 MB/s per core
in a release build on 50 MB of payment-message-like text. [`load_all`] loads every table;
`examples/load_tables.rs` times it. The person-name table dominates: it inflates 10 MB of
text and folds 682k forms on two threads, about 170 ms on two idle cores and about 300 ms
of CPU in all.
*/
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod inflect;
mod latin;
mod script;
mod tables;
mod tokens;
pub mod translit;

pub use script::{script_of, Script};
pub use tables::hanja;
pub use tables::legal_forms::{LegalForm, LegalForms};
pub use tables::load_all;
pub use tables::person_names::{PersonNames, ReviewStats};
pub use tables::words;
pub use tokens::{tokenize, Token, TokenRef, Tokenizer};

/// The canonical matching form of `text`.
///
/// NFKD with combining marks removed, lowercase, special letters spelled out (ß → ss,
/// æ → ae, ø → o, ł → l, đ/ð → d, þ → th, ı → i), other scripts transliterated to ASCII
/// (see [`translit`]), apostrophes removed without splitting, periods inside initialisms
/// removed, every other run of punctuation or whitespace a single space, trimmed. Digits
/// are kept. The output is ASCII, and `fold(fold(x)) == fold(x)`.
///
/// It equals the texts of [`tokenize`]`(text)` joined by single spaces.
///
/// # Examples
///
/// ```
/// use veto_names::fold;
///
/// assert_eq!(fold("  Jean-Pierre  O'NEIL "), "jean pierre oneil");
/// assert_eq!(fold("Straße Ærø Łódź"), "strasse aero lodz");
/// assert_eq!(fold("J.S.C. \"Rosneft\""), "jsc rosneft");
/// assert_eq!(fold("J. Smith"), "j smith");
/// assert_eq!(fold("11420 CORP."), "11420 corp");
/// assert_eq!(fold("Αλέξανδρος"), "alexandros");
/// assert_eq!(fold("김정은"), "gim jeong eun");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    Tokenizer::new().fold_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests;
