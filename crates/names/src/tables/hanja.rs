//! Sino-Korean (hanja) readings of Chinese characters: 金 → 금, 正 → 정, 恩 → 은.
//!
//! Korean names are also written in Chinese characters (North Korean sources, older South
//! Korean documents, Chinese press writing Korean names), and a list spells them as Korean
//! reads them: 金正恩 is Kim Jong Un, not the Mandarin `jin zheng en`. The table
//! (`data/names/hanja_hangul.bin`, built by `data/names/build_hanja_hangul.py` from the
//! `hanja` package, WTFPL) gives one reading per character for the CJK Unified Ideographs
//! (with extension A) and the compatibility ideographs: a dense array of u16, the Hangul
//! syllable's offset from U+AC00, 0xFFFF for none. It is compiled in and read in place:
//! nothing to parse, 55 KB.
//!
//! The readings are dictionary readings. [`reading`] adds what a name needs on top: the
//! surname reading of 金 (김, not 금). The initial-sound rule of South Korea (리 → 이) is
//! left to the surname spellings of the romanizer, which write 리 as both `ri` and `lee`.

static TABLE: &[u8] = include_bytes!("../../../../data/names/hanja_hangul.bin");

/// The code-point ranges the table covers, in its order.
const RANGES: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// The dictionary reading of `c` as a Hangul syllable, if it has one.
pub fn hangul(c: char) -> Option<char> {
    let cp = c as u32;
    let mut base = 0usize;
    for (lo, hi) in RANGES {
        if (lo..=hi).contains(&cp) {
            let i = 2 * (base + (cp - lo) as usize);
            let v = u16::from_le_bytes([*TABLE.get(i)?, *TABLE.get(i + 1)?]);
            return if v == 0xFFFF { None } else { char::from_u32(0xAC00 + u32::from(v)) };
        }
        base += (hi - lo + 1) as usize;
    }
    None
}

/// Characters whose reading as a surname differs from their dictionary reading.
const SURNAME_READINGS: &[(char, char)] = &[('金', '김')];

/// The reading of `c` in a name: at the start of a name word (`first`), a surname's own
/// reading where it differs (金 → 김); otherwise the dictionary reading.
pub fn reading(c: char, first: bool) -> Option<char> {
    if first {
        if let Some(&(_, r)) = SURNAME_READINGS.iter().find(|(h, _)| *h == c) {
            return Some(r);
        }
    }
    hangul(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings() {
        assert_eq!(TABLE.len(), 2 * (0x9FFF - 0x3400 + 1 + 0xFAFF - 0xF900 + 1));
        assert_eq!(hangul('金'), Some('금'));
        assert_eq!(reading('金', true), Some('김'));
        assert_eq!(reading('金', false), Some('금'));
        assert_eq!(hangul('正'), Some('정'));
        assert_eq!(hangul('恩'), Some('은'));
        assert_eq!(hangul('李'), Some('리'));
        assert_eq!(hangul('朴'), Some('박'));
        // Simplified and traditional forms read alike.
        assert_eq!(hangul('郑'), hangul('鄭'));
        // Extension A and compatibility ideographs are covered; other text is not.
        assert_eq!(hangul('\u{3400}'), Some('구'));
        assert_eq!(hangul('a'), None);
        assert_eq!(hangul('김'), None);
        assert_eq!(hangul('〇'), None);
    }
}
