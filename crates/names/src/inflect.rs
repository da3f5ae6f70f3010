//! The dictionary forms a Russian (or Ukrainian, Belarusian) word written
//! in Cyrillic may be an inflected form of.
//!
//! Russian text declines names: санкции против Сбербанка (genitive of
//! Сбербанк), встреча с Романом Абрамовичем (instrumental), счета Олега
//! Дерипаски, поставки Роснефти. The lists write the nominative. Edit
//! distance bridges a one-letter ending (sberbanka: sberbank) but not a
//! longer one (abramovichem), and a word the language writes every day
//! (Сбербанк, in Russian news) proposes a listed name only as itself.
//!
//! [`nominatives`] undoes the case endings of nouns, surnames, given names
//! and adjectival surnames by rule — no dictionary: it proposes candidates,
//! and the caller keeps those that are list words. The rules cover the
//! singular (names are singular) of the three declensions and of the
//! adjectival (-ский, -ой) and possessive (-ов, -ин) surnames.

/// Case endings and the nominative endings they may replace, longest
/// first: genitive, dative, accusative, instrumental and prepositional of
/// the singular.
const ENDINGS: &[(&str, &[&str])] = &[
    // Adjectival surnames and adjectives (Ходорковского: Ходорковский).
    ("ого", &["ий", "ый", "ой"]),
    ("его", &["ий"]),
    ("ому", &["ий", "ый", "ой"]),
    ("ему", &["ий"]),
    // Possessive surnames, instrumental (Путиным: Путин; Ивановым).
    ("ым", &["", "ый"]),
    ("им", &["", "ий"]),
    // Masculine instrumental (Абрамовичем, Сбербанком, Игорем).
    ("ом", &[""]),
    ("ем", &["", "ь", "й"]),
    ("ём", &["ь"]),
    // Feminine instrumental and genitive (Ивановой: Иванова).
    ("ой", &["а", "ая"]),
    ("ей", &["я", "ь", "ая"]),
    ("ою", &["а"]),
    ("ью", &["ь"]),
    // Words in -ия, -ий (Юрия: Юрий; России: Россия).
    ("ия", &["ий"]),
    ("ию", &["ия", "ий"]),
    ("ии", &["ия", "ий"]),
    ("ие", &["ия", "ий"]),
    // One letter (Сбербанка, Игоря, Усманову, Пригожине, Роснефти, Ирину).
    ("а", &["", "ь"]),
    ("я", &["ь", "й"]),
    ("у", &["", "а"]),
    ("ю", &["ь", "й", "я"]),
    ("е", &["", "а", "ь", "я"]),
    ("ы", &["а"]),
    ("и", &["ь", "а", "я"]),
];

/// The shortest stem an ending is taken from, in letters.
const MIN_STEM: usize = 3;

/// The nominatives `word` (one word in Cyrillic, any case) may be an
/// inflected form of, lowercase, most likely first; empty for a word of
/// another script or too short to be inflected.
///
/// ```
/// use veto_names::inflect::nominatives;
///
/// assert!(nominatives("Сбербанка").contains(&"сбербанк".to_string()));
/// assert!(nominatives("Абрамовичем").contains(&"абрамович".to_string()));
/// assert!(nominatives("Роснефти").contains(&"роснефть".to_string()));
/// assert!(nominatives("Sberbanka").is_empty());
/// ```
pub fn nominatives(word: &str) -> Vec<String> {
    if !word.chars().all(is_cyrillic_letter) {
        return Vec::new();
    }
    let lower = word.to_lowercase();
    let letters = lower.chars().count();
    let mut out: Vec<String> = Vec::new();
    for &(ending, nominative) in ENDINGS {
        let Some(stem) = lower.strip_suffix(ending) else { continue };
        if letters - ending.chars().count() < MIN_STEM {
            continue;
        }
        for n in nominative {
            let candidate = format!("{stem}{n}");
            if candidate != lower && !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

/// [`nominatives`] of a word that is itself a list word (`listed`) or not.
/// A list word ending in a vowel may be a foreign name, which Russian does
/// not decline (Карами: KARAMI, not the case of a KARAM): of such a word,
/// only the stem of a case ending (Сбербанка: сбербанк, though SBERBANKA is
/// some list's word too) is a candidate.
pub fn nominatives_of(word: &str, listed: bool) -> Vec<String> {
    let mut out = nominatives(word);
    if listed {
        let lower = word.to_lowercase();
        out.retain(|n| lower.starts_with(n.as_str()));
    }
    out
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4ff}') && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, nominative: &str) -> bool {
        nominatives(word).iter().any(|n| n == nominative)
    }

    #[test]
    fn cases_of_names_and_companies() {
        // Genitive, dative, instrumental, prepositional of masculine names.
        for (w, n) in [
            ("Сбербанка", "сбербанк"),
            ("Сбербанку", "сбербанк"),
            ("Сбербанком", "сбербанк"),
            ("Сбербанке", "сбербанк"),
            ("Абрамовича", "абрамович"),
            ("Абрамовичем", "абрамович"),
            ("Романом", "роман"),
            ("Усманову", "усманов"),
            ("Путиным", "путин"),
            ("Кадырове", "кадыров"),
            ("Юрия", "юрий"),
            ("Игоря", "игорь"),
            ("Игорем", "игорь"),
            ("Ходорковского", "ходорковский"),
            ("Ходорковским", "ходорковский"),
            // Feminine: Роснефть, Иванова, Ирина, Россия.
            ("Роснефти", "роснефть"),
            ("Роснефтью", "роснефть"),
            ("Ивановой", "иванова"),
            ("Ирину", "ирина"),
            ("Ирины", "ирина"),
            ("России", "россия"),
            ("Россию", "россия"),
            // Declined nouns of the first declension (Дерипаска).
            ("Дерипаски", "дерипаска"),
            ("Дерипаске", "дерипаска"),
        ] {
            assert!(has(w, n), "{w}: {:?}", nominatives(w));
        }
    }

    #[test]
    fn a_list_word_is_only_stripped_of_its_ending() {
        assert!(nominatives_of("Карами", false).contains(&"карамь".to_string()));
        assert!(nominatives_of("Карами", true).is_empty());
        assert!(nominatives_of("Сбербанка", true).contains(&"сбербанк".to_string()));
    }

    #[test]
    fn not_other_scripts_nor_short_stems() {
        assert!(nominatives("Sberbanka").is_empty());
        assert!(nominatives("Сбербанк-а").is_empty());
        // A stem under three letters is no stem (Ива: ив).
        assert!(!has("Ива", "ив"));
        assert!(nominatives("").is_empty());
        // The word itself is never its own candidate.
        assert!(!has("Путин", "путин"));
    }
}
