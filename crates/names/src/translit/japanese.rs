//! Japanese kana → Latin, modified Hepburn as used in passports.
//!
//! A run of hiragana and katakana is one word. Syllables follow Hepburn (し shi, ち chi,
//! つ tsu, ふ fu, じ/ぢ ji, づ zu, を o, ん n); ゃゅょ make きゃ kya, しゃ sha, ちゃ cha, じゃ ja;
//! small vowels give the katakana extensions (ファ fa, ティ ti, ディ di, ウィ wi, シェ she,
//! ジェ je, チェ che, ツァ tsa, ヴァ va); っ doubles the next consonant (っち → tchi).
//! Long vowels are not written: ー is dropped and おう/おお/うう become o/o/u
//! (ウラジーミル → urajimiru, さとう → sato, ゆうき → yuki); えい and いい stay.
//!
//! Variants: the wāpuro variant writes every kana (ー repeats the vowel: satou, yuuki,
//! urajiimiru); the "oh" variant writes a long o as oh (satoh, ohno).
//!
//! Kanji are read as Chinese (pinyin) by the tokenizer, not as Japanese: 山田 folds to
//! "shan tian", not "yamada". Japanese readings need a dictionary this crate does not ship.

use super::{Convention, JaStyle};

/// Map katakana to the hiragana with the same sound; other characters pass through.
fn to_hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

fn base(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' | 'ぁ' => "a",
        'い' | 'ぃ' => "i",
        'う' | 'ぅ' => "u",
        'え' | 'ぇ' => "e",
        'お' | 'ぉ' => "o",
        'か' | 'ゕ' => "ka",
        'き' => "ki",
        'く' => "ku",
        'け' | 'ゖ' => "ke",
        'こ' => "ko",
        'が' => "ga",
        'ぎ' => "gi",
        'ぐ' => "gu",
        'げ' => "ge",
        'ご' => "go",
        'さ' => "sa",
        'し' => "shi",
        'す' => "su",
        'せ' => "se",
        'そ' => "so",
        'ざ' => "za",
        'じ' => "ji",
        'ず' => "zu",
        'ぜ' => "ze",
        'ぞ' => "zo",
        'た' => "ta",
        'ち' => "chi",
        'つ' => "tsu",
        'て' => "te",
        'と' => "to",
        'だ' => "da",
        'ぢ' => "ji",
        'づ' => "zu",
        'で' => "de",
        'ど' => "do",
        'な' => "na",
        'に' => "ni",
        'ぬ' => "nu",
        'ね' => "ne",
        'の' => "no",
        'は' => "ha",
        'ひ' => "hi",
        'ふ' => "fu",
        'へ' => "he",
        'ほ' => "ho",
        'ば' => "ba",
        'び' => "bi",
        'ぶ' => "bu",
        'べ' => "be",
        'ぼ' => "bo",
        'ぱ' => "pa",
        'ぴ' => "pi",
        'ぷ' => "pu",
        'ぺ' => "pe",
        'ぽ' => "po",
        'ま' => "ma",
        'み' => "mi",
        'む' => "mu",
        'め' => "me",
        'も' => "mo",
        'や' | 'ゃ' => "ya",
        'ゆ' | 'ゅ' => "yu",
        'よ' | 'ょ' => "yo",
        'ら' => "ra",
        'り' => "ri",
        'る' => "ru",
        'れ' => "re",
        'ろ' => "ro",
        'わ' | 'ゎ' => "wa",
        'ゐ' => "i",
        'ゑ' => "e",
        'を' => "o",
        'ん' => "n",
        'ゔ' => "vu",
        'ヷ' => "va",
        'ヸ' => "vi",
        'ヹ' => "ve",
        'ヺ' => "vo",
        'ヿ' => "koto",
        'ゟ' => "yori",
        // Small katakana for Ainu final consonants.
        'ㇰ' => "k",
        'ㇱ' => "sh",
        'ㇲ' => "s",
        'ㇳ' => "t",
        'ㇴ' => "n",
        'ㇵ' | 'ㇶ' | 'ㇸ' | 'ㇹ' => "h",
        'ㇷ' => "p",
        'ㇺ' => "m",
        'ㇻ' | 'ㇼ' | 'ㇽ' | 'ㇾ' | 'ㇿ' => "r",
        _ => return None,
    })
}

enum Unit {
    Syl(String),
    Sokuon,
    Long,
}

fn is_small_y(c: char) -> bool {
    matches!(c, 'ゃ' | 'ゅ' | 'ょ')
}

fn is_small_vowel(c: char) -> bool {
    matches!(c, 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゎ')
}

/// Transliterate one run of kana.
pub(crate) fn translit(run: &[char], conv: &Convention, out: &mut String) {
    let mut units: Vec<Unit> = Vec::with_capacity(run.len());
    for &raw in run {
        let c = to_hiragana(raw);
        match c {
            'っ' => units.push(Unit::Sokuon),
            'ー' => units.push(Unit::Long),
            'ゝ' | 'ゞ' => {
                if let Some(Unit::Syl(s)) = units.last() {
                    let s = s.clone();
                    units.push(Unit::Syl(s));
                }
            }
            _ if is_small_y(c) || is_small_vowel(c) => {
                let v = base(c).unwrap_or("");
                let merged = match units.last() {
                    Some(Unit::Syl(last)) => combine(last, c, v),
                    _ => None,
                };
                match merged {
                    Some(m) => {
                        if let Some(Unit::Syl(last)) = units.last_mut() {
                            *last = m;
                        }
                    }
                    None => units.push(Unit::Syl(v.to_string())),
                }
            }
            _ => {
                if let Some(b) = base(c) {
                    units.push(Unit::Syl(b.to_string()));
                }
            }
        }
    }
    let style = conv.japanese;
    let mut geminate = false;
    for u in &units {
        match u {
            Unit::Sokuon => geminate = true,
            Unit::Long => {
                geminate = false;
                match style {
                    JaStyle::Wapuro => {
                        if let Some(v) = out.chars().last().filter(|c| "aeiou".contains(*c)) {
                            out.push(v);
                        }
                    }
                    JaStyle::Oh => {
                        if out.ends_with('o') {
                            out.push('h');
                        }
                    }
                    JaStyle::Hepburn => {}
                }
            }
            Unit::Syl(s) => {
                if geminate {
                    geminate = false;
                    if s.starts_with("ch") {
                        out.push('t');
                    } else if let Some(f) = s.chars().next().filter(|c| !"aeioun".contains(*c)) {
                        out.push(f);
                    }
                }
                let long = (s == "u" && (out.ends_with('o') || out.ends_with('u')))
                    || (s == "o" && out.ends_with('o'));
                if long && style != JaStyle::Wapuro {
                    if style == JaStyle::Oh && out.ends_with('o') {
                        out.push('h');
                    }
                    continue;
                }
                out.push_str(s);
            }
        }
    }
}

/// Combine a syllable with a following small kana (きゃ, シェ, ファ, ティ, ...).
fn combine(last: &str, small: char, v: &str) -> Option<String> {
    let stem = |s: &str| s[..s.len() - 1].to_string();
    if is_small_y(small) {
        let vowel = &v[1..];
        if matches!(last, "shi" | "chi" | "ji") {
            return Some(stem(last) + vowel);
        }
        if last.len() >= 2 && (last.ends_with('i') || last.ends_with('e') || last.ends_with('u')) {
            return Some(stem(last) + "y" + vowel);
        }
        return None;
    }
    let m = match (last, v) {
        ("u", "a" | "i" | "e" | "o") => format!("w{v}"),
        ("i", "e") => "ye".to_string(),
        ("te" | "de", "i") => format!("{}i", &last[..1]),
        ("to" | "do", "u") => format!("{}u", &last[..1]),
        ("ku" | "gu", "wa" | "a") => format!("{}wa", &last[..1]),
        ("shi" | "chi" | "ji", "e") => stem(last) + "e",
        _ if last.len() >= 2 && last.ends_with('u') && v != "u" => stem(last) + v,
        _ if last.len() >= 2 && last.ends_with('i') && v == "e" => stem(last) + "ye",
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str, japanese: JaStyle) -> String {
        let w: Vec<char> = s.chars().collect();
        let mut out = String::new();
        translit(&w, &Convention { japanese, ..Convention::default() }, &mut out);
        out
    }

    macro_rules! t {
        ($src:expr, $want:expr) => {
            assert_eq!(tr($src, JaStyle::Hepburn), $want, "{}", $src)
        };
        ($src:expr, $want:expr, $style:ident) => {
            assert_eq!(tr($src, JaStyle::$style), $want, "{}", $src)
        };
    }

    #[test]
    fn hepburn() {
        t!("ウラジーミル", "urajimiru");
        t!("ヤマダ", "yamada");
        t!("やまだ", "yamada");
        t!("プーチン", "puchin");
        t!("ゆうき", "yuki");
        t!("こうじ", "koji");
        t!("さとう", "sato");
        t!("おおの", "ono");
        t!("けいこ", "keiko");
        t!("いいだ", "iida");
        t!("きっちり", "kitchiri");
        t!("ホッカイドウ", "hokkaido");
        t!("きょうと", "kyoto");
        t!("しゃしん", "shashin");
        t!("ちゃ", "cha");
        t!("じゅん", "jun");
        t!("ティファニー", "tifani");
        t!("ジェームズ", "jemuzu");
        t!("ウィリアム", "wiriamu");
        t!("ヴァイオリン", "vaiorin");
        t!("ツァー", "tsa");
        t!("ディズニー", "dizuni");
        t!("シンゾウ", "shinzo");
        t!("あべ", "abe");
        t!("こゝろ", "kokoro");
        t!("っ", "");
    }

    #[test]
    fn styles() {
        t!("さとう", "satou", Wapuro);
        t!("ウラジーミル", "urajiimiru", Wapuro);
        t!("さとう", "satoh", Oh);
        t!("おおの", "ohno", Oh);
        t!("ゆうき", "yuki", Oh);
    }
}
