//! Transliteration of non-Latin scripts to ASCII Latin, one module per script.
//!
//! [`crate::fold`] uses one fixed romanization per script (the *main* form, documented in each
//! module). Names reach sanctions lists through many other conventions, so [`variants`]
//! returns the main form followed by the forms other common conventions produce for the
//! same text:
//!
//! | script | main | alternatives in [`variants`] |
//! |---|---|---|
//! | Latin | diacritics stripped (Müller → muller) | German umlauts ä ö ü → ae oe ue, å → aa, ø → oe |
//! | Cyrillic | BGN/PCGN-like, language chosen per word ([`cyrillic`]) | е → ye / ё → yo; ICAO 9303 (й → i, ю → iu, я → ia, ий → ii); popular English (ий → y, ия → ia); х → h; the language detected anywhere in the text applied to every word (or г → h when none is); Ukrainian KMU 2010 |
//! | Greek | ELOT 743 ([`greek`]) | letter by letter (mp, nt, au); modern pronunciation |
//! | Arabic | consonantal with long vowels ([`arabic`]) | strictly consonantal (w, y, no ayin) |
//! | Hebrew | consonantal ([`hebrew`]) | ו as o; soft readings (v, kh, f) |
//! | Japanese kana | Hepburn, long vowels dropped ([`japanese`]) | wāpuro (long vowels written); "oh" for long o |
//! | Korean | Revised Romanization per syllable ([`korean`]) | conventional surnames × (RR, eo → o, eo → u, McCune–Reischauer) |
//! | Chinese | toneless pinyin ([`chinese`]) | Sino-Korean readings ([`crate::hanja`]) in the Korean conventions, conventional surnames first (金正恩 → kim jong un) |
//! | Armenian, Georgian, Thai | one table each | none |

pub mod arabic;
pub mod armenian;
pub mod chinese;
pub mod cyrillic;
pub mod georgian;
pub mod greek;
pub mod hebrew;
pub mod japanese;
pub mod korean;
pub mod thai;

use crate::script::{classify, Class, RunScript};

/// Cyrillic conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum CyrStyle {
    /// BGN/PCGN without diacritics, е and ё always e.
    #[default]
    Bgn,
    /// BGN/PCGN with ye/yo at the start of a word and after vowels.
    Ye,
    /// ICAO Doc 9303 (Russian passports since 2013).
    Icao,
    /// English press habit: Yury, Grozny, Maria.
    Popular,
    /// Ukrainian KMU 2010 (positional ie/iu/ia/i; зг → zgh).
    National,
}

/// Greek conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum GreekStyle {
    #[default]
    Elot,
    Literal,
    Phonetic,
}

/// Arabic-script conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum ArabicStyle {
    #[default]
    Default,
    Consonantal,
}

/// Hebrew conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum HebrewStyle {
    #[default]
    Default,
    Vowels,
    Fricative,
}

/// Japanese kana conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum JaStyle {
    #[default]
    Hepburn,
    Wapuro,
    Oh,
}

/// Korean conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum KoStyle {
    /// Revised Romanization.
    #[default]
    Rr,
    /// eo → o, eu → u (Kim Jong Un).
    Jong,
    /// eo → u, eu → u (Kim Il Sung, Hyun).
    Jung,
    /// McCune–Reischauer: voiceless initials, eo → o, eu → u (Kim Chong Un).
    Mr,
}

/// One complete set of romanization choices. The default is the main form used by
/// [`crate::fold`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Convention {
    pub(crate) cyr: CyrStyle,
    pub(crate) cyr_h: bool,
    pub(crate) cyr_lang: Option<cyrillic::Lang>,
    pub(crate) greek: GreekStyle,
    pub(crate) arabic: ArabicStyle,
    pub(crate) hebrew: HebrewStyle,
    pub(crate) japanese: JaStyle,
    pub(crate) korean: KoStyle,
    /// 0: Revised Romanization for the first syllable too; n: the n-th conventional spelling.
    pub(crate) korean_surname: u8,
    pub(crate) latin_umlaut: bool,
}

/// Transliterate a run of letters of one script into `out`.
pub(crate) fn run(script: RunScript, chars: &[char], conv: &Convention, out: &mut String) {
    match script {
        RunScript::Cyrillic => cyrillic::translit(chars, conv, out),
        RunScript::Greek => greek::translit(chars, conv, out),
        RunScript::Arabic => arabic::translit(chars, conv, out),
        RunScript::Hebrew => hebrew::translit(chars, conv, out),
        RunScript::Armenian => armenian::translit(chars, conv, out),
        RunScript::Georgian => georgian::translit(chars, conv, out),
    }
}

/// The most variants [`variants`] returns.
pub const MAX_VARIANTS: usize = 24;

/// The folded main form of `text` followed by the folded forms that other common
/// romanization conventions give, without duplicates (at most [`MAX_VARIANTS`]).
///
/// The first element is always [`crate::fold`]`(text)`. Only conventions for scripts that
/// occur in `text` are tried, and each alternative changes one script's convention at a
/// time (no cross product), so a Latin-only name without umlauts yields one string.
///
/// # Examples
///
/// ```
/// use veto_names::translit::variants;
///
/// let v = variants("김정은");
/// assert_eq!(v[0], "gim jeong eun");
/// assert!(v.contains(&"kim jong un".to_string()));
///
/// let v = variants("Юрий Щербаков");
/// assert_eq!(v[0], "yuriy shcherbakov");
/// assert!(v.contains(&"iurii shcherbakov".to_string()));
/// assert!(v.contains(&"yury shcherbakov".to_string()));
///
/// assert_eq!(variants("Müller"), ["muller", "mueller"]);
/// ```
pub fn variants(text: &str) -> Vec<String> {
    let p = Presence::of(text);
    let base = Convention::default();
    let mut convs = vec![base];
    if p.umlaut {
        convs.push(Convention { latin_umlaut: true, ..base });
    }
    if p.cyrillic {
        for cyr in [CyrStyle::Ye, CyrStyle::Icao, CyrStyle::Popular] {
            convs.push(Convention { cyr, ..base });
        }
        convs.push(Convention { cyr_h: true, ..base });
        convs.push(Convention { cyr: CyrStyle::Popular, cyr_h: true, ..base });
        match cyrillic::detect_text(text) {
            Some(lang) => {
                convs.push(Convention { cyr_lang: Some(lang), ..base });
                convs.push(Convention { cyr_lang: Some(cyrillic::Lang::Russian), ..base });
                if lang == cyrillic::Lang::Ukrainian {
                    convs.push(Convention {
                        cyr: CyrStyle::National,
                        cyr_lang: Some(lang),
                        ..base
                    });
                }
            }
            None => {
                // No marker letters: the text may still be Ukrainian or Belarusian. The
                // Belarusian table reads г as h and otherwise agrees with the Russian one.
                convs.push(Convention { cyr_lang: Some(cyrillic::Lang::Belarusian), ..base });
            }
        }
    }
    if p.greek {
        convs.push(Convention { greek: GreekStyle::Literal, ..base });
        convs.push(Convention { greek: GreekStyle::Phonetic, ..base });
    }
    if p.arabic {
        convs.push(Convention { arabic: ArabicStyle::Consonantal, ..base });
    }
    if p.hebrew {
        convs.push(Convention { hebrew: HebrewStyle::Vowels, ..base });
        convs.push(Convention { hebrew: HebrewStyle::Fricative, ..base });
    }
    if p.kana {
        convs.push(Convention { japanese: JaStyle::Wapuro, ..base });
        convs.push(Convention { japanese: JaStyle::Oh, ..base });
    }
    if p.hangul {
        for korean in [KoStyle::Rr, KoStyle::Jong, KoStyle::Jung, KoStyle::Mr] {
            for korean_surname in 0..=korean::MAX_SURNAME_SPELLINGS {
                if korean == KoStyle::Rr && korean_surname == 0 {
                    continue;
                }
                convs.push(Convention { korean, korean_surname, ..base });
            }
        }
    }
    // Arabic joins the conjunction و (wa-, "and") to the word after it:
    // وبشار الأسد is "and Bashar al-Assad". Read without it too.
    let unjoined = if p.arabic { without_wa(text) } else { None };
    let mut out: Vec<String> = Vec::new();
    let mut tok = crate::Tokenizer::new();
    let arabic_convs = vec![base, Convention { arabic: ArabicStyle::Consonantal, ..base }];
    let texts =
        std::iter::once((text, convs)).chain(unjoined.as_deref().map(|u| (u, arabic_convs)));
    for (text, convs) in texts {
        for conv in convs {
            let mut s = String::new();
            tok.fold_with(text, &conv, &mut s);
            if !out.contains(&s) {
                out.push(s);
                if out.len() == MAX_VARIANTS {
                    return out;
                }
            }
        }
    }
    // Chinese characters also read as Korean: a Korean name written in hanja (金正恩) is
    // listed as Korean reads it (Kim Jong Un), not as Mandarin does (jin zheng en). The
    // readings most lists use come first: conventional surname spellings, then eo/eu as
    // o/u, as u, McCune–Reischauer, Revised Romanization.
    if p.han {
        if let Some(hangul) = hanja_as_hangul(text) {
            let mut korean_convs = Vec::new();
            for korean_surname in (1..=korean::MAX_SURNAME_SPELLINGS).chain([0]) {
                for korean in [KoStyle::Jong, KoStyle::Jung, KoStyle::Mr, KoStyle::Rr] {
                    korean_convs.push(Convention { korean, korean_surname, ..base });
                }
            }
            for conv in korean_convs {
                let mut s = String::new();
                tok.fold_with(&hangul, &conv, &mut s);
                if !out.contains(&s) {
                    out.push(s);
                    if out.len() == MAX_VARIANTS {
                        break;
                    }
                }
            }
        }
    }
    out
}

/// `text` without the conjunction و joined to the start of its Arabic words
/// (وبشار: بشار), where three letters or more are left; `None` if no word
/// has it.
fn without_wa(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut any = false;
    let mut at_start = true;
    for (i, c) in text.char_indices() {
        if at_start && c == '\u{648}' {
            let rest = text[i + c.len_utf8()..]
                .chars()
                .take_while(|&x| matches!(classify(x), Class::Run(RunScript::Arabic) | Class::Mark))
                .count();
            if rest >= 3 {
                any = true;
                at_start = false;
                continue;
            }
        }
        at_start = !c.is_alphanumeric();
        out.push(c);
    }
    any.then_some(out)
}

/// Other readings of folded Latin text romanized from Cyrillic, in the
/// letters other lists write for the same name:
///
/// - the `dzh` that BGN/PCGN and most Russian documents write for Дж, read
///   as the English `j` and the French `dj` (MADZHID: Majid, DZHAMEL:
///   Djamel);
/// - the `kh` after a stop that Russian writes for the `h` of a Latin
///   digraph (Тхакур, Пхеньян, Бхутто, Дхака: tkhakur, pkhenyan, bkhutto,
///   dkhaka), read as that digraph (thakur, phenyan, bhutto, dhaka).
///
/// Empty when the text has neither.
///
/// ```
/// use veto_names::translit::latin_readings;
///
/// assert_eq!(latin_readings("madzhid mousavi"), ["majid mousavi", "madjid mousavi"]);
/// assert_eq!(latin_readings("tkharvat salakh"), ["tharvat salakh"]);
/// assert!(latin_readings("majid").is_empty());
/// assert!(latin_readings("mikhail khodorkovsky").is_empty());
/// ```
pub fn latin_readings(folded: &str) -> Vec<String> {
    let bases = if folded.contains(DZH) {
        vec![folded.replace(DZH, "j"), folded.replace(DZH, "dj")]
    } else {
        vec![folded.to_string()]
    };
    bases
        .into_iter()
        .map(|b| ASPIRATES.iter().fold(b, |r, (from, to)| r.replace(from, to)))
        .filter(|r| r != folded)
        .collect()
}

/// Whether `text` (any case, not yet folded) has what [`latin_readings`]
/// reads otherwise: a cheap test before folding it.
///
/// ```
/// use veto_names::translit::has_latin_readings;
///
/// assert!(has_latin_readings("TKHARVAT SALAKH"));
/// assert!(has_latin_readings("Madzhid"));
/// assert!(!has_latin_readings("Mikhail Khodorkovsky"));
/// ```
pub fn has_latin_readings(text: &str) -> bool {
    let b = text.as_bytes();
    let has = |pat: &str| b.windows(pat.len()).any(|w| w.eq_ignore_ascii_case(pat.as_bytes()));
    has(DZH) || ASPIRATES.iter().any(|(from, _)| has(from))
}

/// BGN/PCGN's romanization of Дж.
const DZH: &str = "dzh";

/// A stop followed by the `kh` of Russian х where the name's Latin spelling
/// has a digraph in `h` (Thakur: Тхакур), and that digraph.
const ASPIRATES: [(&str, &str); 6] =
    [("tkh", "th"), ("pkh", "ph"), ("bkh", "bh"), ("dkh", "dh"), ("gkh", "gh"), ("kkh", "kh")];

/// `text` with its Chinese characters replaced by their Sino-Korean readings in Hangul
/// ([`crate::hanja::reading`]: 金正恩 → 김정은, the first character of a run read as a
/// surname), or `None` if no character has a reading.
pub fn hanja_as_hangul(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let (mut any, mut first, mut last) = (false, true, None);
    for c in text.chars() {
        let han = match classify(c) {
            Class::Han => Some(c),
            // 々 repeats the character before it (read as not starting the name).
            Class::HanRepeat => last,
            _ => None,
        };
        match han.and_then(|h| crate::hanja::reading(h, first && h == c)) {
            Some(r) => {
                out.push(r);
                any = true;
            }
            None => out.push(c),
        }
        first = han.is_none();
        last = han.or(last);
    }
    any.then_some(out)
}

/// Which scripts (and Latin umlauts) occur in a text.
#[derive(Default)]
struct Presence {
    umlaut: bool,
    cyrillic: bool,
    greek: bool,
    arabic: bool,
    hebrew: bool,
    kana: bool,
    hangul: bool,
    han: bool,
}

impl Presence {
    fn of(text: &str) -> Presence {
        let mut p = Presence::default();
        if text.is_ascii() {
            return p;
        }
        for c in text.chars() {
            if c.is_ascii() {
                continue;
            }
            match c {
                'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'å' | 'Å' | 'ø' | 'Ø' => {
                    p.umlaut = true
                }
                _ => {}
            }
            match classify(c) {
                Class::Run(RunScript::Cyrillic) => p.cyrillic = true,
                Class::Run(RunScript::Greek) => p.greek = true,
                Class::Run(RunScript::Arabic) => p.arabic = true,
                Class::Run(RunScript::Hebrew) => p.hebrew = true,
                Class::Kana => p.kana = true,
                Class::HangulSyllable | Class::HangulJamo => p.hangul = true,
                Class::Han => p.han = true,
                Class::Decompose => {
                    // Presentation forms and half-width kana decompose into these scripts.
                    let mut first = None;
                    unicode_normalization::char::decompose_compatible(c, |d| {
                        if first.is_none() {
                            first = Some(d);
                        }
                    });
                    match first.map(classify) {
                        Some(Class::Run(RunScript::Arabic)) => p.arabic = true,
                        Some(Class::Run(RunScript::Hebrew)) => p.hebrew = true,
                        Some(Class::Run(RunScript::Greek)) => p.greek = true,
                        Some(Class::Kana) => p.kana = true,
                        Some(Class::HangulJamo) => p.hangul = true,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conjunction_joined_to_an_arabic_word() {
        // وبشار الأسد: "and Bashar al-Assad".
        assert_eq!(without_wa("وبشار الأسد").as_deref(), Some("بشار الأسد"));
        assert_eq!(without_wa("حسن وماهر").as_deref(), Some("حسن ماهر"));
        // Not where fewer than three letters are left (ولد), nor inside a
        // word, nor in other scripts.
        assert_eq!(without_wa("ولد"), None);
        assert_eq!(without_wa("حسن"), None);
        assert_eq!(without_wa("Bashar"), None);
        let v = variants("وبشار الأسد");
        assert_eq!(v[0], crate::fold("وبشار الأسد"));
        assert!(v.contains(&crate::fold("بشار الأسد")), "{v:?}");
    }

    #[test]
    fn variants_basic() {
        assert_eq!(variants("John Smith"), ["john smith"]);
        assert_eq!(variants(""), [""]);
        let v = variants("Владимир Путин");
        assert_eq!(v[0], "vladimir putin");
        let v = variants("Евгений Пригожин");
        assert!(v.contains(&"yevgeniy prigozhin".to_string()), "{v:?}");
        assert!(v.contains(&"yevgeny prigozhin".to_string()), "{v:?}");
        let v = variants("Михаил Ходорковский");
        assert!(v.contains(&"mikhail khodorkovskiy".to_string()), "{v:?}");
        assert!(v.contains(&"mihail hodorkovskiy".to_string()), "{v:?}");
        assert!(v.contains(&"mikhail khodorkovsky".to_string()), "{v:?}");
        let v = variants("Ганна Іванівна");
        assert_eq!(v[0], "ganna ivanivna");
        assert!(v.contains(&"hanna ivanivna".to_string()), "{v:?}");
        let v = variants("Зеленський");
        assert!(v.contains(&"zelenskyi".to_string()), "{v:?}");
    }

    #[test]
    fn variants_korean() {
        let v = variants("김정은");
        for want in ["gim jeong eun", "kim jeong eun", "kim jong un", "kim chong un"] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        let v = variants("김일성");
        assert!(v.contains(&"kim il sung".to_string()), "{v:?}");
        let v = variants("이명박");
        assert!(v.contains(&"lee myeong bak".to_string()), "{v:?}");
        assert!(v.contains(&"rhee myeong bak".to_string()), "{v:?}");
        assert!(v.len() <= MAX_VARIANTS);
    }

    #[test]
    fn variants_hanja() {
        // 金正恩 is also read as Korean: 김정은, Kim Jong Un (金 as a surname is 김).
        assert_eq!(hanja_as_hangul("金正恩").as_deref(), Some("김정은"));
        assert_eq!(hanja_as_hangul("金 正恩").as_deref(), Some("김 정은"));
        assert_eq!(hanja_as_hangul("白金").as_deref(), Some("백금"));
        assert_eq!(hanja_as_hangul("Kim"), None);
        let v = variants("金正恩");
        assert_eq!(v[0], "jin zheng en");
        // The readings lists use come right after the Mandarin one.
        assert_eq!(v[1..4], ["kim jong un", "kim jung un", "kim chong un"]);
        let v = variants("金日成");
        assert!(v[1..4].contains(&"kim il sung".to_string()), "{v:?}");
        // Text without Chinese characters gets no Korean reading.
        assert_eq!(variants("Kim Jong Un"), ["kim jong un"]);
    }

    #[test]
    fn variants_other() {
        let v = variants("Μπακογιάννη");
        assert_eq!(v[0], "bakogianni");
        assert!(v.contains(&"mpakogianni".to_string()));
        let v = variants("さとう");
        assert_eq!(v, ["sato", "satou", "satoh"]);
        let v = variants("محمود");
        assert_eq!(v, ["mhmud", "mhmwd"]);
        let v = variants("יוסף");
        assert!(v.contains(&"yosf".to_string()));
    }
}
