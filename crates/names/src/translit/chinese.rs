//! Chinese characters → toneless Hanyu Pinyin, one syllable per character, via the `pinyin`
//! crate (most frequent reading of each character).
//!
//! Known limits: a character with several readings always gets its most frequent one, which
//! is sometimes wrong for surnames (单 shan/dan, 曾 zeng/ceng); ü is written u (吕 → lu, not
//! lyu or lv); Japanese kanji and Korean hanja get their Mandarin reading.

use pinyin::ToPinyin;

/// Append the toneless pinyin of `c`, if it has one. Returns whether anything was written.
pub(crate) fn han(c: char, out: &mut String) -> bool {
    if c == '〇' {
        out.push_str("ling");
        return true;
    }
    match c.to_pinyin() {
        Some(p) => {
            for ch in p.plain().chars() {
                match ch {
                    'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => out.push('u'),
                    'ê' => out.push('e'),
                    c if c.is_ascii_alphabetic() => out.push(c.to_ascii_lowercase()),
                    _ => {}
                }
            }
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($c:expr, $want:expr) => {{
            let mut o = String::new();
            han($c, &mut o);
            assert_eq!(o, $want, "{}", $c);
        }};
    }

    #[test]
    fn pinyin() {
        t!('习', "xi");
        t!('近', "jin");
        t!('平', "ping");
        t!('王', "wang");
        t!('伟', "wei");
        t!('吕', "lu");
        t!('女', "nu");
        t!('〇', "ling");
        t!('張', "zhang");
        t!('a', "");
    }
}
