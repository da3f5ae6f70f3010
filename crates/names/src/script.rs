//! Which script a character belongs to, and how the tokenizer treats each character.
//!
//! [`script_of`] is the public, coarse answer ("this is Cyrillic"). [`classify`] is the
//! tokenizer's finer one: it also says whether a character separates tokens, joins them
//! (apostrophes), is invisible, is a combining mark, or needs compatibility decomposition
//! before it can be folded.

use unicode_normalization::char::is_combining_mark;

/// The writing systems this crate knows how to fold.
///
/// Everything the tokenizer cannot transliterate (Devanagari, Ethiopic, Tamil, ...) is
/// [`Script::Other`]; its letters act as token separators and never reach the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Script {
    /// Digits, punctuation, symbols, spaces: no script of their own.
    Common,
    /// Latin letters, including accented and special letters (ß, ø, ł, ə, ...).
    Latin,
    /// Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian, Kazakh, ...).
    Cyrillic,
    /// Greek, monotonic and polytonic.
    Greek,
    /// Arabic script, including Persian and Urdu letters.
    Arabic,
    /// Hebrew, including Yiddish digraphs.
    Hebrew,
    /// Armenian.
    Armenian,
    /// Georgian (Mkhedruli and Mtavruli).
    Georgian,
    /// Chinese characters (also used in Japanese and Korean).
    Han,
    /// Korean Hangul syllables and jamo.
    Hangul,
    /// Japanese hiragana and katakana.
    Kana,
    /// Thai.
    Thai,
    /// A letter of a script this crate does not transliterate.
    Other,
}

/// The script of one character.
///
/// # Examples
///
/// ```
/// use veto_names::{script_of, Script};
/// assert_eq!(script_of('Ж'), Script::Cyrillic);
/// assert_eq!(script_of('é'), Script::Latin);
/// assert_eq!(script_of('王'), Script::Han);
/// assert_eq!(script_of('7'), Script::Common);
/// ```
pub fn script_of(c: char) -> Script {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() { Script::Latin } else { Script::Common };
    }
    match classify(c) {
        Class::Run(s) => s.script(),
        Class::Han | Class::HanRepeat => Script::Han,
        Class::HangulSyllable | Class::HangulJamo => Script::Hangul,
        Class::Kana | Class::KanaMark(_) => Script::Kana,
        Class::Thai => Script::Thai,
        Class::Latin | Class::Decompose if c.is_alphabetic() => {
            if is_latin_range(c) {
                Script::Latin
            } else {
                // e.g. fullwidth letters, mathematical alphanumerics, CJK compatibility
                // ideographs: report the script of what they decompose to.
                let mut first = None;
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if first.is_none() && !is_combining_mark(d) {
                        first = Some(d);
                    }
                });
                match first {
                    Some(d) if d != c => script_of(d),
                    _ => Script::Other,
                }
            }
        }
        Class::Sep if c.is_alphabetic() => Script::Other,
        _ => Script::Common,
    }
}

/// Scripts whose letters are collected into a run and transliterated together, because the
/// reading of a letter depends on its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RunScript {
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Armenian,
    Georgian,
}

impl RunScript {
    fn script(self) -> Script {
        match self {
            RunScript::Cyrillic => Script::Cyrillic,
            RunScript::Greek => Script::Greek,
            RunScript::Arabic => Script::Arabic,
            RunScript::Hebrew => Script::Hebrew,
            RunScript::Armenian => Script::Armenian,
            RunScript::Georgian => Script::Georgian,
        }
    }
}

/// How the tokenizer treats one non-ASCII character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Ends the current token (spaces, punctuation, symbols, letters of unknown scripts).
    Sep,
    /// Removed without splitting: apostrophes and their look-alikes (O'Neil -> oneil).
    Joiner,
    /// Invisible formatting characters (soft hyphen, ZWJ, tatweel, bidi controls).
    Ignore,
    /// A combining mark; it may compose with the previous letter (и + ̆ -> й).
    Mark,
    /// A decimal digit of another script, with its value.
    Digit(u8),
    /// A Latin letter without a compatibility decomposition (ß, ø, ł, ə, ...).
    Latin,
    /// Needs NFKD before it can be folded (é, ﬁ, Ａ, ①, ㈱, Arabic presentation forms, ...).
    Decompose,
    /// A letter of a script that is transliterated run by run.
    Run(RunScript),
    /// A Chinese character: one token per character.
    Han,
    /// The ideographic iteration mark 々: repeats the previous character's reading.
    HanRepeat,
    /// A precomposed Hangul syllable: one token per syllable.
    HangulSyllable,
    /// A Hangul jamo (conjoining or compatibility).
    HangulJamo,
    /// Hiragana or katakana (a run of kana is one token).
    Kana,
    /// A spacing (semi-)voiced sound mark, to be treated as the combining one.
    KanaMark(char),
    /// Thai (a run of Thai is one token).
    Thai,
}

/// Apostrophes and look-alikes that are removed without splitting a word.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{201B}' // ‛
            | '\u{2032}' // ′
            | '\u{00B4}' // ´
            | '\u{02B9}' // ʹ
            | '\u{02BB}' // ʻ
            | '\u{02BC}' // ʼ
            | '\u{02BD}' // ʽ
            | '\u{02BE}' // ʾ
            | '\u{02BF}' // ʿ
            | '\u{02C8}' // ˈ
            | '\u{055A}' // Armenian apostrophe
            | '\u{A78B}' // Ꞌ saltillo
            | '\u{A78C}' // ꞌ
            | '\u{FF07}' // fullwidth '
            | '\u{00B7}' // middle dot (Catalan l·l)
    )
}

fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{061C}' // Arabic letter mark
            | '\u{0640}' // Arabic tatweel
            | '\u{05F4}' // Hebrew gershayim (acronyms)
            | '\u{180B}'..='\u{180F}'
            | '\u{200C}'..='\u{200F}' // ZWNJ, ZWJ, LRM, RLM
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Latin blocks whose undecomposable letters are folded with the special-letter table.
pub(crate) fn is_latin_range(c: char) -> bool {
    matches!(c,
        '\u{00C0}'..='\u{024F}'
        | '\u{0250}'..='\u{02AF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}')
}

/// Value of a decimal digit from a non-Latin block.
fn digit_value(c: char) -> Option<u8> {
    const ZEROS: [u32; 22] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
    ];
    let u = c as u32;
    for z in ZEROS {
        if u >= z && u < z + 10 {
            return Some((u - z) as u8);
        }
    }
    None
}

/// Classify a non-ASCII character. ASCII is classified by the tokenizer's byte table.
///
/// The common letters of names (Latin-1 and Latin Extended, Cyrillic, Greek, Arabic, Hebrew,
/// CJK, Hangul, kana) are answered from code-point ranges or a precomputed table before the
/// general path, which needs several Unicode property lookups.
#[inline]
pub(crate) fn classify(c: char) -> Class {
    let u = c as u32;
    match u {
        0x0080..=0x024F => return latin_table()[(u - 0x80) as usize].0,
        0x0400..=0x0481 | 0x048A..=0x052F => return Class::Run(RunScript::Cyrillic),
        0x0483..=0x0489 => return Class::Mark,
        0x0386 | 0x0388..=0x03F5 | 0x03F7..=0x03FF => return Class::Run(RunScript::Greek),
        0x0620..=0x063F | 0x0641..=0x064A | 0x066E | 0x066F | 0x0671..=0x06D3 | 0x06D5 => {
            return Class::Run(RunScript::Arabic)
        }
        0x064B..=0x065F | 0x0670 => return Class::Mark,
        0x05D0..=0x05EA | 0x05EF..=0x05F2 => return Class::Run(RunScript::Hebrew),
        0x0531..=0x0556 | 0x0560..=0x0588 => return Class::Run(RunScript::Armenian),
        0x10D0..=0x10FA | 0x1C90..=0x1CBA => return Class::Run(RunScript::Georgian),
        0x4E00..=0x9FFF => return Class::Han,
        0xAC00..=0xD7A3 => return Class::HangulSyllable,
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x30FC => return Class::Kana,
        _ => {}
    }
    classify_slow(c)
}

/// For U+0080..=U+024F: the class, and for letters whose NFKD is one ASCII letter plus
/// marks (é, Ł is not one), that letter in lowercase (0 otherwise).
pub(crate) fn latin_table() -> &'static [(Class, u8); 0x1D0] {
    static T: std::sync::OnceLock<[(Class, u8); 0x1D0]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [(Class::Sep, 0u8); 0x1D0];
        for (i, e) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(0x80 + i as u32) else { continue };
            let class = classify_slow(c);
            let mut ascii = 0u8;
            if class == Class::Decompose {
                let mut pieces = 0;
                let mut first = '\0';
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if !is_combining_mark(d) {
                        pieces += 1;
                        first = d;
                    }
                });
                if pieces == 1 && first.is_ascii_alphanumeric() {
                    ascii = first.to_ascii_lowercase() as u8;
                }
            }
            *e = (class, ascii);
        }
        t
    })
}

/// Lowercase a letter of a run script without the general Unicode tables where possible.
#[inline]
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x0410..=0x042F => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        0x0430..=0x045F => u,
        0x0391..=0x03A1 | 0x03A3..=0x03AB => u + 0x20,
        0x03AC..=0x03CE => u,
        _ => {
            let mut l = c.to_lowercase();
            return match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            };
        }
    };
    char::from_u32(l).unwrap_or(c)
}

fn classify_slow(c: char) -> Class {
    let u = c as u32;
    // Thai first: its vowel signs are combining marks but matter for transliteration.
    if (0x0E00..=0x0E7F).contains(&u) {
        return match c {
            '\u{0E50}'..='\u{0E59}' => Class::Digit((u - 0x0E50) as u8),
            '\u{0E46}' => Class::Ignore, // ๆ repetition mark
            '\u{0E2F}' | '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}' | '\u{0E3F}' => Class::Sep,
            _ if u <= 0x0E5B => Class::Thai,
            _ => Class::Sep,
        };
    }
    if is_apostrophe(c) {
        return Class::Joiner;
    }
    if is_ignorable(c) {
        return Class::Ignore;
    }
    match c {
        '\u{309B}' | '\u{FF9E}' => return Class::KanaMark('\u{3099}'),
        '\u{309C}' | '\u{FF9F}' => return Class::KanaMark('\u{309A}'),
        '\u{05F3}' => return Class::Run(RunScript::Hebrew), // geresh: ג׳ = j
        _ => {}
    }
    if is_combining_mark(c) {
        return Class::Mark;
    }
    if let Some(d) = digit_value(c) {
        return Class::Digit(d);
    }
    match u {
        0xAC00..=0xD7A3 => return Class::HangulSyllable,
        0x1100..=0x11FF | 0x3131..=0x318E | 0xA960..=0xA97C | 0xD7B0..=0xD7FB => {
            return Class::HangulJamo
        }
        0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF => {
            return Class::Kana
        }
        0x31F0..=0x31FF => return Class::Kana,
        0x3005 => return Class::HanRepeat,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2EBEF | 0x30000..=0x323AF => {
            return Class::Han
        }
        _ => {}
    }
    if c.is_alphabetic() {
        let run = match u {
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0xA640..=0xA69F => Some(RunScript::Cyrillic),
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Some(RunScript::Greek),
            0x0531..=0x058F => Some(RunScript::Armenian),
            0x05D0..=0x05F2 => Some(RunScript::Hebrew),
            0x0620..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF => Some(RunScript::Arabic),
            0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Some(RunScript::Georgian),
            _ => None,
        };
        if let Some(r) = run {
            // Greek polytonic letters and a few Cyrillic/Armenian ligatures decompose;
            // the script modules take care of that themselves.
            return Class::Run(r);
        }
    }
    if has_decomposition(c) {
        return Class::Decompose;
    }
    if c.is_alphabetic() && is_latin_range(c) {
        return Class::Latin;
    }
    Class::Sep
}

/// Whether NFKD changes this character.
pub(crate) fn has_decomposition(c: char) -> bool {
    let mut n = 0;
    let mut same = true;
    unicode_normalization::char::decompose_compatible(c, |d| {
        n += 1;
        if d != c {
            same = false;
        }
    });
    !(n == 1 && same)
}

/// The Latin letter a lowercase Cyrillic or Greek letter looks like (in either case), for
/// words that mix scripts ("Рutin" with a Cyrillic Р is a spoofed "Putin", not "Rutin").
pub(crate) fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' | 'α' => 'a',
        'в' | 'β' | 'ь' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' | 'н' | 'η' => 'h',
        'і' | 'ι' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' | 'μ' => 'm',
        'п' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ζ' => 'z',
        _ => return None,
    })
}

/// A letter for the purpose of the initialism rule (a period between two letters joins).
pub(crate) fn is_word_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match classify(c) {
        Class::Run(_) | Class::Latin => true,
        Class::Decompose => c.is_alphabetic(),
        _ => false,
    }
}

/// A letter or digit that counts toward the length of a segment in a dotted chain.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match classify(c) {
        Class::Run(_) | Class::Latin | Class::Digit(_) => true,
        Class::Decompose => c.is_alphanumeric(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! s {
        ($c:expr, $s:ident) => {
            assert_eq!(script_of($c), Script::$s, "{:?}", $c)
        };
    }

    #[test]
    fn scripts() {
        s!('a', Latin);
        s!('ß', Latin);
        s!('é', Latin);
        s!('Ａ', Latin);
        s!('1', Common);
        s!('-', Common);
        s!('ж', Cyrillic);
        s!('ў', Cyrillic);
        s!('λ', Greek);
        s!('ἀ', Greek);
        s!('م', Arabic);
        s!('پ', Arabic);
        s!('ש', Hebrew);
        s!('Ա', Armenian);
        s!('ა', Georgian);
        s!('王', Han);
        s!('김', Hangul);
        s!('ㄱ', Hangul);
        s!('カ', Kana);
        s!('ｶ', Kana);
        s!('ก', Thai);
        s!('क', Other);
        s!('ሀ', Other);
    }

    #[test]
    fn classes() {
        assert_eq!(classify('’'), Class::Joiner);
        assert_eq!(classify('\u{0301}'), Class::Mark);
        assert_eq!(classify('\u{00AD}'), Class::Ignore);
        assert_eq!(classify('٣'), Class::Digit(3));
        assert_eq!(classify('é'), Class::Decompose);
        assert_eq!(classify('ß'), Class::Latin);
        assert_eq!(classify('—'), Class::Sep);
        assert_eq!(classify('ิ'), Class::Thai);
        assert!(is_word_letter('ж'));
        assert!(!is_word_letter('王'));
    }
}
