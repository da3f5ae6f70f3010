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

/// The script a word was written in, for [`CommonWords::zipf10_in`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordScript {
    /// Latin letters (or unknown): every language of the table counts.
    Latin,
    /// Cyrillic: Russian and Ukrainian words only ("Акса" is not the
    /// Turkish word "aksa").
    Cyrillic,
    /// Arabic script: Arabic words only.
    Arabic,
    /// A script of no language of the table (Han, Hangul, Greek, …): no
    /// everyday word.
    Other,
}

impl WordScript {
    /// The script of a word as written: Cyrillic or Arabic if it has such a
    /// letter, else Latin if it has a Latin letter, else another.
    pub fn of(written: &str) -> WordScript {
        if written.is_ascii() {
            return WordScript::Latin;
        }
        let mut latin = false;
        for c in written.chars() {
            match veto_names::script_of(c) {
                veto_names::Script::Cyrillic => return WordScript::Cyrillic,
                veto_names::Script::Arabic => return WordScript::Arabic,
                veto_names::Script::Latin => latin = true,
                _ => {}
            }
        }
        if latin {
            WordScript::Latin
        } else {
            WordScript::Other
        }
    }
}

/// Word frequencies by folded form.
#[derive(Debug, Default)]
pub struct CommonWords {
    /// Per folded word: its frequencies and languages.
    zipf: FxMap<Box<str>, Freq>,
}

/// How often a folded word is written, and in which languages.
#[derive(Clone, Copy, Debug, Default)]
struct Freq {
    /// The Zipf × 10 over all languages, over the languages written in
    /// Latin letters, over the Cyrillic ones, over Arabic.
    z: [u8; 4],
    /// The table's languages it is an everyday word of, as bits (two
    /// spellings may fold alike).
    langs: u16,
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
        let mut zipf: FxMap<Box<str>, Freq> = FxMap::default();
        let mut lang_ids: Vec<String> = Vec::new();
        for line in text.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(lang), Some(z), Some(word)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(z) = z.parse::<u8>() else { continue };
            let folded = veto_names::fold(word);
            if folded.is_empty() || folded.contains(' ') {
                continue;
            }
            let li = match lang_ids.iter().position(|l| l == lang) {
                Some(i) => i,
                None => {
                    lang_ids.push(lang.to_string());
                    lang_ids.len() - 1
                }
            };
            let slot = zipf.entry(folded.into_boxed_str()).or_default();
            slot.langs |= 1 << li.min(15);
            slot.z[0] = slot.z[0].max(z);
            let k = match lang {
                "ru" | "uk" => 2,
                "ar" => 3,
                _ => 1,
            };
            slot.z[k] = slot.z[k].max(z);
        }
        // A common personal name is everyday in Latin letters if it is in
        // any language (Andrey, Ilya: Андрей, Илья are among the commonest
        // Russian words), as the rules for given names expect. (Common: in
        // several of the name table's groups; VEB, a spelling of Webb, is in
        // one.)
        let names = veto_names::PersonNames::get();
        for (word, slot) in zipf.iter_mut() {
            if slot.z[1] < slot.z[0] && names.groups(word).len() >= 2 {
                slot.z[1] = slot.z[0];
            }
        }
        CommonWords { zipf }
    }

    /// How many of the table's languages `folded` is an everyday word of.
    pub fn languages(&self, folded: &str) -> u8 {
        self.zipf.get(folded).map_or(0, |f| f.langs.count_ones() as u8)
    }

    /// Whether `folded` is a name the press of many languages writes alike
    /// (HAMAS, TALIBAN: everyday in three languages or more, in none
    /// frequent) rather than a word of one language (leverage, goodwill):
    /// capitalized, such a word names what it names.
    pub fn international_name(&self, folded: &str) -> bool {
        self.zipf.get(folded).is_some_and(|f| f.langs.count_ones() >= 3 && f.z[0] < 40)
    }

    /// The Zipf frequency of a folded word times ten (30 = once per million
    /// words, 60 = once per thousand), 0 when it is not an everyday word.
    pub fn zipf10(&self, folded: &str) -> u8 {
        self.zipf.get(folded).map_or(0, |f| f.z[0])
    }

    /// [`CommonWords::zipf10`] for a word written in `script`: a word
    /// written in Cyrillic is everyday only if it is a Russian or Ukrainian
    /// one, in Arabic script only if Arabic, in Latin letters only if a word
    /// of a language written so (a Russian or Arabic word spelt in Latin
    /// letters is a name more often than not: gazprom, veb, qaida).
    pub fn zipf10_in(&self, folded: &str, script: WordScript) -> u8 {
        let k = match script {
            WordScript::Latin => 1,
            WordScript::Cyrillic => 2,
            WordScript::Arabic => 3,
            WordScript::Other => return 0,
        };
        self.zipf.get(folded).map_or(0, |f| f.z[k])
    }

    /// The folded words some script writes every day (a Zipf × 10 over 0
    /// in some column), in no order.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.zipf.iter().filter(|(_, f)| f.z[1..].iter().any(|&z| z > 0)).map(|(w, _)| &**w)
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
        // By script: "aksa" is a Turkish word, not a Russian one.
        assert!(w.zipf10_in("aksa", WordScript::Latin) >= 30);
        assert_eq!(w.zipf10_in("aksa", WordScript::Cyrillic), 0);
        assert!(
            w.zipf10_in("kotoryi", WordScript::Cyrillic) > 0
                || w.zipf10_in("kotoryy", WordScript::Cyrillic) > 0
        );
        assert_eq!(WordScript::of("Акса"), WordScript::Cyrillic);
        assert_eq!(WordScript::of("José"), WordScript::Latin);
        assert_eq!(WordScript::of("مطيع"), WordScript::Arabic);
        assert_eq!(WordScript::of("陈刚"), WordScript::Other);
        assert_eq!(w.zipf10_in("gang", WordScript::Other), 0);
        // Written in Latin letters, a Russian or Arabic word is no everyday
        // word (gazprom, qaida), but a common personal name still is.
        assert!(w.zipf10("gazprom") >= 30);
        assert_eq!(w.zipf10_in("gazprom", WordScript::Latin), 0);
        assert!(w.zipf10_in("gazprom", WordScript::Cyrillic) >= 30);
        assert_eq!(w.zipf10_in("qaida", WordScript::Latin), 0);
        assert!(w.zipf10_in("andrey", WordScript::Latin) >= 30);
        assert!(w.zipf10_in("bank", WordScript::Latin) >= 45);
        // Names the press of many languages writes alike.
        assert!(w.languages("hamas") >= 3);
        assert!(w.international_name("taliban"));
        assert!(!w.international_name("leverage"));
        assert!(!w.international_name("bank"));
        assert!(!w.international_name("sberbankx"));
    }
}
