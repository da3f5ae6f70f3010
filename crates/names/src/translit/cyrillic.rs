//! Cyrillic → Latin, with the table chosen by the letters of the word.
//!
//! The language is detected per word from letters only some languages have (і ї є ґ and
//! -ськ-/-цьк-: Ukrainian; ў, or і with ы/э: Belarusian; ђ ћ ј љ њ џ: Serbian; ѓ ќ ѕ:
//! Macedonian; ә ғ қ ң ө ұ ү һ: Kazakh; ъ before a consonant: Bulgarian); a word with
//! none of them is read as Russian. Detection per word keeps folding
//! compositional (`fold("a b") == fold("a") + " " + fold("b")`); [`super::variants`] adds the
//! reading of the whole text in the language detected anywhere in it.
//!
//! Main form (what [`crate::fold`] produces), BGN/PCGN-like without diacritics:
//!
//! | letter | main | notes |
//! |---|---|---|
//! | е ё | e | `ye`/`yo` in the ye variant (word start, after a vowel, ь, ъ) |
//! | й | y | `i` in the ICAO variant |
//! | х | kh | `h` in the `cyr_h` variant; Serbian, Macedonian, Bulgarian: h |
//! | ц ч ш щ | ts ch sh shch | Bulgarian щ = sht |
//! | ж | zh | |
//! | ъ ь | dropped | Bulgarian ъ = a |
//! | ы | y | |
//! | ю я | yu ya | `iu ia` in the ICAO variant |
//! | ий ый | iy yy | `y`/`ii` in variants |
//!
//! Ukrainian: г→h, ґ→g, и→y, і→i, ї→yi, є→ye. Belarusian: г→h, ў→w. Bulgarian: щ→sht,
//! ъ→a, х→h. Serbian uses the Serbian Latin alphabet folded (ш→s, ч→c, ж→z, ћ→c, ц→c,
//! ђ→dj, џ→dz, љ→lj, њ→nj, х→h), so that Милошевић and Milošević fold alike. Macedonian:
//! ѓ→gj, ќ→kj, ѕ→dz, ж→zh, ч→ch, ш→sh. Kazakh and other Turkic letters: ә→a, ғ→gh, қ→q,
//! ң→ng, ө→o, ұ→u, ү→u, һ→h.

use super::{Convention, CyrStyle};

/// A Cyrillic orthography.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Russian,
    Ukrainian,
    Belarusian,
    Bulgarian,
    Serbian,
    Macedonian,
    Kazakh,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'і' | 'ї' | 'є')
}

fn is_consonant(c: char) -> bool {
    matches!(
        c,
        'б' | 'в'
            | 'г'
            | 'д'
            | 'ж'
            | 'з'
            | 'к'
            | 'л'
            | 'м'
            | 'н'
            | 'п'
            | 'р'
            | 'с'
            | 'т'
            | 'ф'
            | 'х'
            | 'ц'
            | 'ч'
            | 'ш'
            | 'щ'
    )
}

/// Guess the orthography of one word (lowercase letters).
pub(crate) fn detect(word: &[char]) -> Lang {
    let (mut mk, mut sr, mut srmk, mut kk, mut be, mut uk, mut ru, mut bg) =
        (false, false, false, false, false, false, false, false);
    let mut has_i = false;
    let mut soft_sk = false;
    for (i, &c) in word.iter().enumerate() {
        match c {
            'ѓ' | 'ќ' | 'ѕ' => mk = true,
            'ђ' | 'ћ' => sr = true,
            'ј' | 'љ' | 'њ' | 'џ' => srmk = true,
            'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => kk = true,
            'ў' => be = true,
            'ї' | 'є' | 'ґ' => uk = true,
            'і' => has_i = true,
            'ы' | 'э' | 'ё' => ru = true,
            // -ський, -цький: Ukrainian spelling of the Russian -ский, -цкий.
            'ь' if matches!(word.get(i + 1), Some('к'))
                && i > 0
                && matches!(word[i - 1], 'с' | 'ц') =>
            {
                soft_sk = true
            }
            'ъ' if word.get(i + 1).is_some_and(|&n| is_consonant(n)) => bg = true,
            _ => {}
        }
    }
    if mk {
        Lang::Macedonian
    } else if sr || srmk {
        Lang::Serbian
    } else if kk {
        Lang::Kazakh
    } else if be || (has_i && ru) {
        Lang::Belarusian
    } else if uk || has_i || (soft_sk && !ru) {
        Lang::Ukrainian
    } else if bg {
        Lang::Bulgarian
    } else {
        Lang::Russian
    }
}

/// Detect the orthography of a whole text: the first non-Russian language any word shows.
pub(crate) fn detect_text(text: &str) -> Option<Lang> {
    let mut word: Vec<char> = Vec::new();
    let mut found = None;
    let mut check = |w: &mut Vec<char>| {
        if !w.is_empty() {
            let l = detect(w);
            if l != Lang::Russian && found.is_none() {
                found = Some(l);
            }
            w.clear();
        }
    };
    for c in text.chars() {
        if matches!(c as u32, 0x0400..=0x052F) {
            word.extend(c.to_lowercase());
        } else {
            check(&mut word);
        }
    }
    check(&mut word);
    found
}

/// Transliterate one run of lowercase Cyrillic letters.
pub(crate) fn translit(word: &[char], conv: &Convention, out: &mut String) {
    let lang = conv.cyr_lang.unwrap_or_else(|| detect(word));
    let n = word.len();
    let mut i = 0;
    while i < n {
        let c = word[i];
        let prev = if i > 0 { Some(word[i - 1]) } else { None };
        let next = word.get(i + 1).copied();
        let start = i == 0;
        let soft_start = start || prev.is_some_and(|p| is_vowel(p) || p == 'ъ' || p == 'ь');
        let last = i + 1 == n;
        let style = conv.cyr;
        // Word-final adjective endings ий / ый and the noun ending ия.
        if i + 2 == n && next == Some('й') && (c == 'и' || c == 'ы') {
            let s = match (style, lang, c) {
                (CyrStyle::Popular, Lang::Russian | Lang::Belarusian | Lang::Kazakh, _) => "y",
                (CyrStyle::Icao, _, 'и') if lang != Lang::Ukrainian => "ii",
                (CyrStyle::Icao, _, _) if lang != Lang::Ukrainian => "yi",
                (CyrStyle::National, Lang::Ukrainian, _) => "yi",
                _ => "",
            };
            if !s.is_empty() {
                out.push_str(s);
                i += 2;
                continue;
            }
        }
        if i + 2 == n
            && c == 'и'
            && next == Some('я')
            && (style == CyrStyle::Popular || lang == Lang::Bulgarian)
        {
            out.push_str("ia");
            i += 2;
            continue;
        }
        // English writes дж as j (Джон: John, Джохар: Jokhar).
        if c == 'д'
            && next == Some('ж')
            && style == CyrStyle::Popular
            && !matches!(lang, Lang::Serbian | Lang::Macedonian)
        {
            out.push('j');
            i += 2;
            continue;
        }
        let s: &str = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => match lang {
                Lang::Ukrainian | Lang::Belarusian => "h",
                _ => "g",
            },
            'ґ' => "g",
            'д' => "d",
            'е' => match lang {
                Lang::Russian | Lang::Belarusian | Lang::Kazakh
                    if soft_start && matches!(style, CyrStyle::Ye | CyrStyle::Popular) =>
                {
                    "ye"
                }
                _ => "e",
            },
            'ё' => match style {
                CyrStyle::Ye | CyrStyle::Popular => {
                    if prev.is_some_and(|p| matches!(p, 'ж' | 'ч' | 'ш' | 'щ')) {
                        "o"
                    } else {
                        "yo"
                    }
                }
                _ => "e",
            },
            'є' => match style {
                CyrStyle::National if !start => "ie",
                _ => "ye",
            },
            'ж' => match lang {
                Lang::Serbian => "z",
                _ => "zh",
            },
            'з' => "z",
            'и' => match lang {
                Lang::Ukrainian => "y",
                _ => "i",
            },
            'і' => "i",
            'ї' => match style {
                CyrStyle::National if !start => "i",
                _ => "yi",
            },
            'й' => match (style, lang) {
                (CyrStyle::Icao, Lang::Russian | Lang::Belarusian | Lang::Kazakh) => "i",
                (CyrStyle::National, Lang::Ukrainian) if !start => "i",
                (CyrStyle::Popular, _) if last && prev.is_some_and(is_vowel) => "i",
                _ => "y",
            },
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ў' => "w",
            'ф' => "f",
            'х' => match lang {
                Lang::Serbian | Lang::Macedonian | Lang::Bulgarian => "h",
                _ if conv.cyr_h => "h",
                _ => "kh",
            },
            'ц' => match lang {
                Lang::Serbian | Lang::Macedonian => "c",
                _ => "ts",
            },
            'ч' => match lang {
                Lang::Serbian => "c",
                _ => "ch",
            },
            'ш' => match lang {
                Lang::Serbian => "s",
                _ => "sh",
            },
            'щ' => match lang {
                Lang::Bulgarian => "sht",
                _ => "shch",
            },
            'ъ' => match lang {
                Lang::Bulgarian if !last => "a",
                _ if style == CyrStyle::Icao && !last => "ie",
                _ => "",
            },
            'ы' => "y",
            'ь' => match lang {
                Lang::Bulgarian if next == Some('о') => "y",
                _ => "",
            },
            'э' => "e",
            'ю' => match (style, lang) {
                (CyrStyle::Icao, Lang::Russian | Lang::Belarusian | Lang::Kazakh) => "iu",
                (CyrStyle::National, Lang::Ukrainian) if !start => "iu",
                _ => "yu",
            },
            'я' => match (style, lang) {
                (CyrStyle::Icao, Lang::Russian | Lang::Belarusian | Lang::Kazakh) => "ia",
                (CyrStyle::National, Lang::Ukrainian) if !start => "ia",
                _ => "ya",
            },
            // Serbian and Macedonian
            'ђ' => "dj",
            'ћ' => "c",
            'џ' => "dz",
            'љ' => "lj",
            'њ' => "nj",
            'ј' => "j",
            'ѓ' => "gj",
            'ќ' => "kj",
            'ѕ' => "dz",
            // Kazakh, Tatar, Bashkir, Kyrgyz, Tajik, Uzbek, Azerbaijani, Chuvash, ...
            'ә' | 'ӛ' => "a",
            'ғ' | 'ҕ' => "gh",
            'қ' | 'ҡ' | 'ӄ' | 'ԛ' => "q",
            'ң' | 'ҥ' | 'ӈ' | 'ӊ' => "ng",
            'ө' | 'ӧ' | 'ӫ' => "o",
            'ұ' | 'ү' | 'ӯ' | 'ӱ' | 'ӳ' => "u",
            'һ' | 'ҳ' | 'ӽ' | 'ӿ' => "h",
            'ҷ' | 'ҹ' => "j",
            'ӣ' | 'ӥ' => "i",
            'җ' | 'ӝ' => "zh",
            'ҙ' | 'ӟ' => "z",
            'ҫ' | 'ԍ' => "s",
            'ӑ' => "a",
            'ӗ' | 'ӭ' | 'ԑ' => "e",
            'ҝ' | 'ӷ' => "g",
            'ӹ' => "y",
            'ӕ' => "ae",
            'ӡ' => "dz",
            'ҧ' => "p",
            'ҭ' | 'ԏ' => "t",
            'ҵ' => "ts",
            'ҽ' | 'ҿ' => "ch",
            'ӆ' => "l",
            'ԁ' => "d",
            'ԝ' => "w",
            // Pre-1918 Russian and Church Slavonic
            'ѣ' => "e",
            'ѳ' => "f",
            'ѵ' => "i",
            'ѡ' => "o",
            'ѯ' => "ks",
            'ѱ' => "ps",
            'ѫ' => "u",
            'ѧ' => "ya",
            'ӏ' => "",
            _ => {
                // Accented or otherwise precomposed letters: use the base letter.
                let mut base = None;
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if base.is_none() {
                        base = Some(d);
                    }
                });
                match base {
                    Some(b) if b != c => {
                        let one = [b];
                        translit(&one, &Convention { cyr_lang: Some(lang), ..*conv }, out);
                    }
                    _ => {}
                }
                ""
            }
        };
        // Ukrainian KMU 2010 writes зг as zgh.
        if c == 'г' && lang == Lang::Ukrainian && style == CyrStyle::National && prev == Some('з')
        {
            out.push_str("gh");
        } else {
            out.push_str(s);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str, conv: Convention) -> String {
        let w: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
        let mut out = String::new();
        translit(&w, &conv, &mut out);
        out
    }

    macro_rules! t {
        ($src:expr, $want:expr) => {
            assert_eq!(tr($src, Convention::default()), $want, "{}", $src)
        };
        ($src:expr, $want:expr, $conv:expr) => {
            assert_eq!(tr($src, $conv), $want, "{} with {:?}", $src, $conv)
        };
    }

    fn style(cyr: CyrStyle) -> Convention {
        Convention { cyr, ..Convention::default() }
    }

    #[test]
    fn russian_main() {
        t!("Владимир", "vladimir");
        t!("Путин", "putin");
        t!("Щукин", "shchukin");
        t!("Жуков", "zhukov");
        t!("Хрущёв", "khrushchev");
        t!("Цой", "tsoy");
        t!("Чехов", "chekhov");
        t!("Шойгу", "shoygu");
        t!("Юрий", "yuriy");
        t!("Яковлев", "yakovlev");
        t!("Лавров", "lavrov");
        t!("Грозный", "groznyy");
        t!("Эрнст", "ernst");
        t!("Евгений", "evgeniy");
        t!("Подъячев", "podyachev");
        t!("Игорь", "igor");
        t!("Михаилъ", "mikhail");
    }

    #[test]
    fn russian_styles() {
        t!("Евгений", "yevgeniy", style(CyrStyle::Ye));
        t!("Пётр", "pyotr", style(CyrStyle::Ye));
        t!("Хрущёв", "khrushchov", style(CyrStyle::Ye));
        t!("Юрий", "iurii", style(CyrStyle::Icao));
        t!("Мария", "mariia", style(CyrStyle::Icao));
        t!("Юрий", "yury", style(CyrStyle::Popular));
        t!("Грозный", "grozny", style(CyrStyle::Popular));
        t!("Мария", "maria", style(CyrStyle::Popular));
        t!("Джохар", "jokhar", style(CyrStyle::Popular));
        t!("Джохар", "dzhokhar");
        t!("Сергей", "sergei", style(CyrStyle::Popular));
        t!("Михаил", "mihail", Convention { cyr_h: true, ..Convention::default() });
    }

    #[test]
    fn other_languages() {
        t!("Зеленський", "zelenskyy");
        t!("Григорій", "hryhoriy");
        t!("Ґонгадзе", "gonhadze");
        t!("Їжак", "yizhak");
        t!("Євген", "yevhen");
        t!("Київ", "kyyiv");
        t!("Згурський", "zghurskyi", style(CyrStyle::National));
        t!("Лукашэнка", "lukashenka");
        t!("Ўладзімір", "wladzimir");
        t!("Пъргав", "pargav");
        t!("Щъркел", "shtarkel");
        t!("Ђоковић", "djokovic");
        t!("Милошевић", "milosevic");
        t!("Џаџић", "dzadzic");
        t!("Љубљана", "ljubljana");
        t!("Његош", "njegos");
        t!("Ѓорѓе", "gjorgje");
        t!("Ќосе", "kjose");
        t!("Назарбаев", "nazarbaev");
        t!("Тоқаев", "toqaev");
        t!("Әлихан", "alikhan");
        t!("Ғани", "ghani");
        t!("Ұлы", "uly");
        t!("Өмір", "omir");
        t!("Үкімет", "ukimet");
        t!("Һ", "h");
        t!("Ің", "ing");
    }

    #[test]
    fn detection() {
        let d = |s: &str| detect(&s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>());
        assert_eq!(d("Владимир"), Lang::Russian);
        assert_eq!(d("Київ"), Lang::Ukrainian);
        assert_eq!(d("Іван"), Lang::Ukrainian);
        assert_eq!(d("Беларусь"), Lang::Russian);
        assert_eq!(d("Ўладзімір"), Lang::Belarusian);
        assert_eq!(d("Лукашэнка"), Lang::Russian);
        assert_eq!(d("Міхаіл"), Lang::Ukrainian);
        assert_eq!(d("Рэспубліка"), Lang::Belarusian);
        assert_eq!(d("Пъргав"), Lang::Bulgarian);
        assert_eq!(d("Подъезд"), Lang::Russian);
        assert_eq!(d("Ђоковић"), Lang::Serbian);
        assert_eq!(d("Ѓорѓе"), Lang::Macedonian);
        assert_eq!(d("Тоқаев"), Lang::Kazakh);
        assert_eq!(detect_text("Ганна Іванівна"), Some(Lang::Ukrainian));
        assert_eq!(detect_text("Анна Ивановна"), None);
    }
}
