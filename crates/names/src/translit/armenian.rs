//! Armenian → Latin, BGN/PCGN-like (Eastern Armenian) without diacritics.
//!
//! ա a, բ b, գ g, դ d, ե e (ye at the start of a word), զ z, է e, ը y, թ t, ժ zh, ի i, լ l,
//! խ kh, ծ ts, կ k, հ h, ձ dz, ղ gh, ճ ch, մ m, յ y, ն n, շ sh, ո o (vo at the start of a
//! word), չ ch, պ p, ջ j, ռ r, ս s, վ v, տ t, ր r, ց ts, ու u, փ p, ք k, և ev (yev at the
//! start), օ o, ֆ f. Aspiration apostrophes are not written.

use super::Convention;

/// Transliterate one run of Armenian letters.
pub(crate) fn translit(run: &[char], _conv: &Convention, out: &mut String) {
    let w: Vec<char> = run.iter().flat_map(|c| c.to_lowercase()).collect();
    let n = w.len();
    let mut i = 0;
    while i < n {
        let c = w[i];
        let start = i == 0;
        if c == 'ո' && w.get(i + 1) == Some(&'ւ') {
            out.push('u');
            i += 2;
            continue;
        }
        let s = match c {
            'ա' => "a",
            'բ' => "b",
            'գ' => "g",
            'դ' => "d",
            'ե' => {
                if start {
                    "ye"
                } else {
                    "e"
                }
            }
            'զ' => "z",
            'է' => "e",
            'ը' => "y",
            'թ' => "t",
            'ժ' => "zh",
            'ի' => "i",
            'լ' => "l",
            'խ' => "kh",
            'ծ' => "ts",
            'կ' => "k",
            'հ' => "h",
            'ձ' => "dz",
            'ղ' => "gh",
            'ճ' => "ch",
            'մ' => "m",
            'յ' => "y",
            'ն' => "n",
            'շ' => "sh",
            'ո' => {
                if start {
                    "vo"
                } else {
                    "o"
                }
            }
            'չ' => "ch",
            'պ' => "p",
            'ջ' => "j",
            'ռ' => "r",
            'ս' => "s",
            'վ' => "v",
            'տ' => "t",
            'ր' => "r",
            'ց' => "ts",
            'ւ' => "v",
            'փ' => "p",
            'ք' => "k",
            'և' => {
                if start {
                    "yev"
                } else {
                    "ev"
                }
            }
            'օ' => "o",
            'ֆ' => "f",
            _ => "",
        };
        out.push_str(s);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($src:expr, $want:expr) => {{
            let w: Vec<char> = $src.chars().collect();
            let mut out = String::new();
            translit(&w, &Convention::default(), &mut out);
            assert_eq!(out, $want, "{}", $src);
        }};
    }

    #[test]
    fn armenian() {
        t!("Փաշինյան", "pashinyan");
        t!("Երևան", "yerevan");
        t!("Ոսկան", "voskan");
        t!("Հովհաննես", "hovhannes");
        t!("Սարգսյան", "sargsyan");
        t!("Պուտին", "putin");
        t!("Ուրարտու", "urartu");
        t!("Քոչարյան", "kocharyan");
        t!("Ղազարյան", "ghazaryan");
    }
}
