//! Georgian → Latin after the national system of 2002, without the aspiration apostrophes
//! (კ and ქ are both k, ტ and თ both t, პ and ფ both p, წ and ც both ts, ჭ and ჩ both ch).
//!
//! Mtavruli capitals fold to Mkhedruli first. The old Asomtavruli/Nuskhuri alphabets are not
//! transliterated.

use super::Convention;

/// Transliterate one run of Georgian letters.
pub(crate) fn translit(run: &[char], _conv: &Convention, out: &mut String) {
    for &c in run {
        let c = c.to_lowercase().next().unwrap_or(c);
        let s = match c {
            'ა' => "a",
            'ბ' => "b",
            'გ' => "g",
            'დ' => "d",
            'ე' => "e",
            'ვ' => "v",
            'ზ' => "z",
            'თ' => "t",
            'ი' => "i",
            'კ' => "k",
            'ლ' => "l",
            'მ' => "m",
            'ნ' => "n",
            'ო' => "o",
            'პ' => "p",
            'ჟ' => "zh",
            'რ' => "r",
            'ს' => "s",
            'ტ' => "t",
            'უ' => "u",
            'ფ' => "p",
            'ქ' => "k",
            'ღ' => "gh",
            'ყ' => "q",
            'შ' => "sh",
            'ჩ' => "ch",
            'ც' => "ts",
            'ძ' => "dz",
            'წ' => "ts",
            'ჭ' => "ch",
            'ხ' => "kh",
            'ჯ' => "j",
            'ჰ' => "h",
            'ჱ' => "e",
            'ჲ' => "y",
            'ჳ' => "w",
            'ჴ' => "q",
            'ჵ' => "o",
            'ჶ' => "f",
            'ჷ' => "y",
            _ => "",
        };
        out.push_str(s);
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
    fn georgian() {
        t!("სააკაშვილი", "saakashvili");
        t!("ივანიშვილი", "ivanishvili");
        t!("პუტინი", "putini");
        t!("თბილისი", "tbilisi");
        t!("ჯუღაშვილი", "jughashvili");
        t!("ᲡᲐᲐᲙᲐᲨᲕᲘᲚᲘ", "saakashvili");
        t!("ყვარელი", "qvareli");
        t!("წერეთელი", "tsereteli");
    }
}
