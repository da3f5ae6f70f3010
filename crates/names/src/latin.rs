//! Latin letters that have no compatibility decomposition, and the German umlaut variant.
//!
//! NFKD already reduces é, ñ, ǅ, ﬁ and the like to ASCII plus combining marks; what is left
//! are letters that are not "a letter with a mark" in Unicode's eyes (ß, ø, ł, đ, þ, ə, ...).

/// The ASCII spelling of a lowercase, undecomposable Latin letter; "" for letters that are
/// dropped (glottal stops, clicks) and for anything unknown.
pub(crate) fn special(c: char) -> &'static str {
    match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' | 'ǿ' => "o",
        'ł' | 'ƚ' | 'ɫ' | 'ɬ' | 'ɭ' | 'ȴ' | 'ŀ' | 'ʟ' => "l",
        'đ' | 'ð' | 'ɖ' | 'ɗ' | 'ƌ' | 'ȡ' => "d",
        'þ' => "th",
        'ı' | 'ɨ' | 'ɪ' | 'ɩ' => "i",
        'ȷ' | 'ɟ' | 'ʝ' => "j",
        'ħ' | 'ɦ' | 'ɧ' | 'ʜ' => "h",
        'ŧ' | 'ƭ' | 'ʈ' | 'ȶ' => "t",
        'ŋ' => "ng",
        'ĸ' | 'ƙ' | 'ʞ' => "k",
        'ə' | 'ɚ' | 'ɘ' => "a",
        'ǝ' | 'ɛ' | 'ɜ' | 'ɝ' | 'ɇ' | 'ʚ' => "e",
        'ɔ' | 'ɵ' | 'ɒ' | 'ȣ' => "o",
        'ƒ' | 'ɸ' => "f",
        'ʃ' | 'ʂ' | 'ȿ' => "s",
        'ʒ' | 'ƺ' | 'ʐ' | 'ʑ' | 'ƶ' | 'ȥ' | 'ɀ' => "z",
        'ɣ' | 'ɠ' | 'ǥ' | 'ɡ' | 'ɢ' => "g",
        'ɓ' | 'ƀ' | 'ʙ' => "b",
        'ƴ' | 'ȝ' | 'ʏ' | 'ɏ' => "y",
        'ʉ' | 'ʊ' | 'ɥ' => "u",
        'ɐ' | 'ɑ' | 'ʌ' | 'ᴀ' => "a",
        'ƈ' | 'ȼ' | 'ɕ' => "c",
        'ɲ' | 'ɳ' | 'ƞ' | 'ȵ' | 'ɴ' => "n",
        'ƥ' => "p",
        'ɽ' | 'ɍ' | 'ɹ' | 'ɾ' | 'ʀ' | 'ʁ' => "r",
        'ʋ' | 'ⱱ' => "v",
        'ⱳ' | 'ʍ' => "w",
        'ɯ' | 'ɱ' => "m",
        'ꝗ' | 'ʠ' => "q",
        'ȸ' => "db",
        'ȹ' => "qp",
        _ => {
            if c.is_ascii_alphanumeric() {
                // Only reached through NFKD pieces that are ASCII already.
                ascii_str(c)
            } else {
                ""
            }
        }
    }
}

fn ascii_str(c: char) -> &'static str {
    const L: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    let c = c.to_ascii_lowercase();
    match L.find(c) {
        Some(i) => &L[i..i + 1],
        None => "",
    }
}

/// German-style spelling of umlauts (and å, ø) for the variant that expands them.
pub(crate) fn umlaut(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' => "oe",
        'ü' | 'Ü' => "ue",
        'å' | 'Å' => "aa",
        'ø' | 'Ø' => "oe",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials() {
        for (c, s) in [('ß', "ss"), ('æ', "ae"), ('œ', "oe"), ('ø', "o"), ('ł', "l"), ('đ', "d")]
        {
            assert_eq!(special(c), s, "{c}");
        }
        for (c, s) in [('ð', "d"), ('þ', "th"), ('ı', "i"), ('ə', "a"), ('ŋ', "ng"), ('ʔ', "")]
        {
            assert_eq!(special(c), s, "{c}");
        }
        assert_eq!(special('Q'), "q");
        assert_eq!(umlaut('Ü'), Some("ue"));
        assert_eq!(umlaut('u'), None);
    }
}
