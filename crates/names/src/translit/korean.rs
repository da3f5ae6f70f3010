//! Korean Hangul → Latin by algorithmic syllable decomposition.
//!
//! Every syllable block is decomposed into initial, vowel and final jamo (Unicode's
//! arithmetic, no table of syllables) and written in the Revised Romanization of 2000, syllable
//! by syllable, without the sound-change rules that apply across syllables: 김정은 →
//! gim jeong eun. The tokenizer makes each syllable a token, so the matcher can compare
//! "Jong Un", "Jong-un" and "Jongun" alike.
//!
//! Passports and sanctions lists spell names differently, so [`super::variants`] adds:
//! the conventional spelling of the surname (first syllable of a Hangul word: 김 kim, 이 lee,
//! 박 park, 최 choi, 정 jung, ...); a simplified McCune–Reischauer (eo → o, eu → u:
//! kim jong un); the South Korean habit eo → u (sung, hyun); and McCune–Reischauer with
//! voiceless initials (kim chong un).

use super::{Convention, KoStyle};

const L: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const L_MR: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t",
    "p", "h",
];
const V: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const T: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Conventional spellings of common surnames, most frequent first.
const SURNAMES: &[(char, &[&str])] = &[
    ('김', &["kim"]),
    ('이', &["lee", "yi", "rhee"]),
    ('박', &["park", "pak"]),
    ('최', &["choi", "choe"]),
    ('정', &["jung", "jeong", "chung"]),
    ('강', &["kang"]),
    ('조', &["cho", "jo"]),
    ('윤', &["yoon", "yun"]),
    ('장', &["jang", "chang"]),
    ('임', &["lim", "im"]),
    ('한', &["han"]),
    ('오', &["oh"]),
    ('서', &["seo", "suh"]),
    ('신', &["shin", "sin"]),
    ('권', &["kwon"]),
    ('황', &["hwang"]),
    ('안', &["ahn", "an"]),
    ('송', &["song"]),
    ('류', &["yoo", "ryu", "yu"]),
    ('유', &["yoo", "yu"]),
    ('홍', &["hong"]),
    ('전', &["jeon", "chun", "jun"]),
    ('고', &["ko", "koh"]),
    ('문', &["moon", "mun"]),
    ('양', &["yang"]),
    ('손', &["son", "sohn"]),
    ('배', &["bae", "pae"]),
    ('백', &["baek", "paik", "paek"]),
    ('허', &["heo", "huh", "hur"]),
    ('남', &["nam"]),
    ('심', &["shim", "sim"]),
    ('노', &["roh", "noh", "no"]),
    ('하', &["ha"]),
    ('곽', &["kwak"]),
    ('성', &["sung", "seong"]),
    ('차', &["cha"]),
    ('주', &["joo", "ju", "chu"]),
    ('우', &["woo", "u"]),
    ('구', &["koo", "ku"]),
    ('민', &["min"]),
    ('나', &["na", "ra"]),
    ('진', &["jin", "chin"]),
    ('지', &["ji", "chi"]),
    ('엄', &["um", "eom"]),
    ('채', &["chae"]),
    ('원', &["won"]),
    ('천', &["chun", "cheon"]),
    ('방', &["bang", "pang"]),
    ('공', &["kong", "gong"]),
    ('현', &["hyun", "hyeon"]),
    ('함', &["ham"]),
    ('변', &["byun", "byeon", "pyon"]),
    ('염', &["yeom", "yum"]),
    ('여', &["yeo", "yuh"]),
    ('추', &["choo", "chu"]),
    ('도', &["do", "doh"]),
    ('소', &["so"]),
    ('석', &["seok", "suk"]),
    ('선', &["sun", "seon"]),
    ('설', &["seol", "sul"]),
    ('마', &["ma"]),
    ('길', &["gil", "kil"]),
    ('연', &["yeon", "yun"]),
    ('위', &["wi", "wee"]),
    ('표', &["pyo"]),
    ('명', &["myung", "myeong"]),
    ('기', &["ki", "gi"]),
    ('반', &["ban", "pan"]),
    ('왕', &["wang"]),
    ('금', &["keum", "kum", "geum"]),
    ('옥', &["ok"]),
    ('육', &["yook", "yuk"]),
    ('인', &["in"]),
    ('맹', &["maeng"]),
    ('제', &["je"]),
    ('모', &["mo"]),
    ('탁', &["tak"]),
    ('국', &["kook", "guk"]),
    ('어', &["eo", "uh"]),
    ('은', &["eun"]),
    ('편', &["pyeon", "pyun"]),
    ('용', &["yong"]),
    ('예', &["ye"]),
    ('경', &["kyung", "kyeong"]),
    ('봉', &["bong"]),
    ('사', &["sa"]),
    ('부', &["boo", "bu"]),
    ('리', &["ri", "lee"]),
    ('림', &["rim", "lim"]),
    ('로', &["ro", "roh"]),
    ('량', &["ryang", "yang"]),
    ('라', &["ra", "na"]),
    ('렴', &["ryom", "yeom"]),
    ('륙', &["ryuk"]),
];

/// The conventional spellings of a surname syllable, if it is a common surname.
pub fn surname_spellings(syllable: char) -> Option<&'static [&'static str]> {
    SURNAMES.iter().find(|(c, _)| *c == syllable).map(|(_, s)| *s)
}

/// Maximum number of conventional spellings of any surname (bounds the variants).
pub(crate) const MAX_SURNAME_SPELLINGS: u8 = 3;

fn vowel(v: usize, style: KoStyle) -> &'static str {
    let rr = V[v];
    match style {
        KoStyle::Rr => rr,
        KoStyle::Jong | KoStyle::Mr => match rr {
            "eo" => "o",
            "yeo" => "yo",
            "eu" => "u",
            x => x,
        },
        KoStyle::Jung => match rr {
            "eo" => "u",
            "yeo" => "yu",
            "eu" => "u",
            x => x,
        },
    }
}

/// Romanize one precomposed Hangul syllable (U+AC00..=U+D7A3) into `out`.
///
/// `first` says whether the syllable starts a Hangul word, where the conventional surname
/// spelling applies if `conv.korean_surname` asks for it.
pub(crate) fn syllable(c: char, first: bool, conv: &Convention, out: &mut String) {
    let s = (c as u32).wrapping_sub(0xAC00) as usize;
    if s >= 11172 {
        return;
    }
    if first && conv.korean_surname > 0 {
        if let Some(sp) = surname_spellings(c) {
            let k = usize::from(conv.korean_surname - 1).min(sp.len() - 1);
            out.push_str(sp[k]);
            return;
        }
    }
    let (l, v, t) = (s / 588, (s % 588) / 28, s % 28);
    out.push_str(if conv.korean == KoStyle::Mr { L_MR[l] } else { L[l] });
    out.push_str(vowel(v, conv.korean));
    out.push_str(T[t]);
}

/// Compose a conjoining jamo sequence (L V [T]) into a syllable.
pub(crate) fn compose(l: char, v: char, t: Option<char>) -> Option<char> {
    let l = (l as u32).checked_sub(0x1100).filter(|&x| x < 19)?;
    let v = (v as u32).checked_sub(0x1161).filter(|&x| x < 21)?;
    let t = match t {
        Some(t) => (t as u32).checked_sub(0x11A7).filter(|&x| (1..28).contains(&x))?,
        None => 0,
    };
    char::from_u32(0xAC00 + (l * 21 + v) * 28 + t)
}

/// Whether `c` is a conjoining vowel jamo.
pub(crate) fn is_jamo_v(c: char) -> bool {
    ('\u{1161}'..='\u{1175}').contains(&c)
}

/// Whether `c` is a conjoining final jamo.
pub(crate) fn is_jamo_t(c: char) -> bool {
    ('\u{11A8}'..='\u{11C2}').contains(&c)
}

/// Romanize a lone jamo (conjoining or compatibility).
pub(crate) fn jamo(c: char, out: &mut String) {
    const COMPAT_CONS: [&str; 30] = [
        "g", "kk", "gs", "n", "nj", "nh", "d", "tt", "r", "lg", "lm", "lb", "ls", "lt", "lp", "lh",
        "m", "b", "pp", "bs", "s", "ss", "ng", "j", "jj", "ch", "k", "t", "p", "h",
    ];
    let u = c as u32;
    let s = match u {
        0x1100..=0x1112 => L[(u - 0x1100) as usize],
        0x1161..=0x1175 => V[(u - 0x1161) as usize],
        0x11A8..=0x11C2 => T[(u - 0x11A7) as usize],
        0x3131..=0x314E => COMPAT_CONS[(u - 0x3131) as usize],
        0x314F..=0x3163 => V[(u - 0x314F) as usize],
        _ => "",
    };
    out.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ro(s: &str, conv: Convention) -> String {
        let mut parts = Vec::new();
        for (i, c) in s.chars().enumerate() {
            let mut o = String::new();
            syllable(c, i == 0, &conv, &mut o);
            parts.push(o);
        }
        parts.join(" ")
    }

    macro_rules! t {
        ($src:expr, $want:expr) => {
            assert_eq!(ro($src, Convention::default()), $want, "{}", $src)
        };
        ($src:expr, $want:expr, $style:ident, $sur:expr) => {
            assert_eq!(
                ro(
                    $src,
                    Convention {
                        korean: KoStyle::$style,
                        korean_surname: $sur,
                        ..Convention::default()
                    }
                ),
                $want,
                "{}",
                $src
            )
        };
    }

    #[test]
    fn revised() {
        t!("김정은", "gim jeong eun");
        t!("김일성", "gim il seong");
        t!("박근혜", "bak geun hye");
        t!("이명박", "i myeong bak");
        t!("문재인", "mun jae in");
        t!("최룡해", "choe ryong hae");
        t!("리설주", "ri seol ju");
        t!("서울", "seo ul");
        t!("한국", "han guk");
        t!("닭", "dak");
        t!("값", "gap");
    }

    #[test]
    fn conventional() {
        t!("김정은", "kim jeong eun", Rr, 1);
        t!("김정은", "kim jong un", Jong, 1);
        t!("김일성", "kim il sung", Jung, 1);
        t!("김정은", "kim chong un", Mr, 1);
        t!("이명박", "lee myeong bak", Rr, 1);
        t!("이명박", "yi myeong bak", Rr, 2);
        t!("이명박", "rhee myeong bak", Rr, 3);
        t!("박근혜", "park geun hye", Rr, 1);
        t!("박근혜", "park gun hye", Jong, 1);
        t!("문재인", "moon jae in", Rr, 1);
        t!("정", "chung", Rr, 3);
        t!("김", "kim", Rr, 3);
    }

    #[test]
    fn jamo_composition() {
        assert_eq!(compose('\u{1100}', '\u{1161}', None), Some('가'));
        assert_eq!(compose('\u{1100}', '\u{1175}', Some('\u{11B7}')), Some('김'));
        assert_eq!(compose('\u{1161}', '\u{1161}', None), None);
        let mut o = String::new();
        jamo('ㄱ', &mut o);
        jamo('ㅏ', &mut o);
        assert_eq!(o, "ga");
    }
}
