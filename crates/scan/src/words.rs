//! Everyday words: how often a folded word occurs in ordinary text.
//!
//! The table (`data/words/common_words.txt.gz`, built from the `wordfreq` word lists, see
//! `data/words/README.md`) holds the words of eleven languages whose Zipf frequency is at
//! least 3 (once per million words; 3.5 or 4 for the languages with the largest lists).
//! The scanner uses it to tell a listed name's token that is also an everyday word
//! ("horizon", "star", "bank") from one that is not ("sberbank", "khoroshev"): everyday
//! words get no fuzzy matching and cannot make a mention on their own.

use std::io::Read;
use std::sync::OnceLock;

use veto_index::FxMap;

static COMMON_WORDS_GZ: &[u8] = include_bytes!("../../../data/words/common_words.txt.gz");

/// Word frequencies by folded form.
#[derive(Debug, Default)]
pub struct CommonWords {
    zipf: FxMap<Box<str>, u8>,
}

impl CommonWords {
    /// The embedded table, loaded on first use (about 50 ms).
    pub fn get() -> &'static CommonWords {
        static T: OnceLock<CommonWords> = OnceLock::new();
        T.get_or_init(|| CommonWords::parse(COMMON_WORDS_GZ))
    }

    fn parse(gz: &[u8]) -> CommonWords {
        let mut text = String::new();
        // The table is compiled in and checked by the tests; a corrupt copy
        // would leave it empty, which only makes the scanner less selective.
        if flate2::read::GzDecoder::new(gz).read_to_string(&mut text).is_err() {
            return CommonWords::default();
        }
        let mut zipf: FxMap<Box<str>, u8> = FxMap::default();
        for line in text.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(_lang), Some(z), Some(word)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(z) = z.parse::<u8>() else { continue };
            let folded = veto_names::fold(word);
            if folded.is_empty() || folded.contains(' ') {
                continue;
            }
            let slot = zipf.entry(folded.into_boxed_str()).or_insert(0);
            *slot = (*slot).max(z);
        }
        CommonWords { zipf }
    }

    /// The Zipf frequency of a folded word times ten (30 = once per million
    /// words, 60 = once per thousand), 0 when it is not an everyday word.
    pub fn zipf10(&self, folded: &str) -> u8 {
        self.zipf.get(folded).copied().unwrap_or(0)
    }

    /// Number of distinct folded words.
    pub fn len(&self) -> usize {
        self.zipf.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.zipf.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_and_knows_everyday_words() {
        let w = CommonWords::get();
        assert!(w.len() > 100_000, "{}", w.len());
        assert!(w.zipf10("the") >= 70);
        assert!(w.zipf10("bank") >= 45);
        assert!(w.zipf10("horizon") >= 35);
        // Russian words are folded to Latin.
        assert!(w.zipf10("kotoryi") > 0 || w.zipf10("kotoryy") > 0);
        assert_eq!(w.zipf10("khoroshev"), 0);
    }
}
