//! Thai → Latin, a best-effort approximation of the Royal Thai General System (RTGS).
//!
//! Thai writes vowels before, above, below and after the consonant, leaves some vowels
//! implicit, and reads a consonant differently at the end of a syllable. Without a
//! dictionary the syllable boundaries are guessed:
//!
//! * a leading vowel (เ แ โ ใ ไ) starts a syllable and is read after its consonant;
//! * ร, ล, ว after a consonant and before a vowel sign form a cluster (กร kr, ปล pl);
//!   ห and อ before a sonorant are silent (หม m, อย y);
//! * a consonant followed by a vowel sign starts a syllable; otherwise it closes the previous
//!   one (final values: k, ng, t, n, p, m, i for ย, o for ว); a syllable with no written vowel
//!   gets an implicit o when closed and a when open; two consonants at the end of a word
//!   after an open syllable are read consonant + o + final (พล → phon);
//! * ์ (thanthakhat) silences the consonant before it, and a consonant cluster left without
//!   a vowel at the end of a word is silent (จันทร์ → chan, ประยุทธ์ → prayut);
//! * tone marks are ignored.
//!
//! Known limits: the implicit vowel between two consonants is often guessed wrong
//! (สุรยุทธ์ gives sunyut, RTGS surayut); words borrowed from Pali/Sanskrit with silent
//! letters, ฤ in the middle of words, and the many exceptions of real orthography are not
//! handled. Official spellings of Thai names (passports) often differ from RTGS anyway
//! (Thaksin Shinawatra vs RTGS Thaksin Chinnawat).

use super::Convention;

fn is_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c) && c != 'ฤ' && c != 'ฦ'
}

fn is_pre_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Vowel signs written after, above or below their consonant.
fn is_vowel_sign(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E39}' | '\u{0E47}' | '\u{0E45}')
}

fn initial(c: char) -> &'static str {
    match c {
        'ก' => "k",
        'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => "kh",
        'ง' => "ng",
        'จ' | 'ฉ' | 'ช' | 'ฌ' => "ch",
        'ซ' | 'ศ' | 'ษ' | 'ส' => "s",
        'ญ' | 'ย' => "y",
        'ฎ' | 'ด' => "d",
        'ฏ' | 'ต' => "t",
        'ฐ' | 'ฑ' | 'ฒ' | 'ถ' | 'ท' | 'ธ' => "th",
        'ณ' | 'น' => "n",
        'บ' => "b",
        'ป' => "p",
        'ผ' | 'พ' | 'ภ' => "ph",
        'ฝ' | 'ฟ' => "f",
        'ม' => "m",
        'ร' => "r",
        'ล' | 'ฬ' => "l",
        'ว' => "w",
        'ห' | 'ฮ' => "h",
        _ => "",
    }
}

fn final_(c: char) -> &'static str {
    match c {
        'ก' | 'ข' | 'ค' | 'ฆ' => "k",
        'ง' => "ng",
        'จ' | 'ช' | 'ซ' | 'ฌ' | 'ฎ' | 'ฏ' | 'ฐ' | 'ฑ' | 'ฒ' | 'ด' | 'ต' | 'ถ' | 'ท' | 'ธ' | 'ศ'
        | 'ษ' | 'ส' => "t",
        'ญ' | 'ณ' | 'น' | 'ร' | 'ล' | 'ฬ' => "n",
        'บ' | 'ป' | 'พ' | 'ฟ' | 'ภ' => "p",
        'ม' => "m",
        'ย' => "i",
        'ว' => "o",
        _ => "",
    }
}

#[derive(Default)]
struct Syl {
    pre: Option<char>,
    init: Vec<char>,
    vowels: Vec<char>,
    /// A consonant letter that spells part of the vowel (ย in เ-ีย, อ in เ-ือ, ว in -ัว).
    vpart: Option<char>,
    fin: Vec<char>,
}

impl Syl {
    fn is_empty(&self) -> bool {
        self.pre.is_none()
            && self.init.is_empty()
            && self.vowels.is_empty()
            && self.vpart.is_none()
            && self.fin.is_empty()
    }

    /// Whether consonant `c` (followed by `next`) spells part of this syllable's vowel.
    fn is_vowel_part(&self, c: char, next: Option<char>) -> bool {
        if self.vpart.is_some() || !self.fin.is_empty() {
            return false;
        }
        let has = |v: char| self.vowels.contains(&v);
        match (c, self.pre) {
            ('ย', Some('เ')) => has('ี'),
            ('อ', Some('เ')) => has('ื') || self.vowels.is_empty(),
            ('อ', None) => has('ื') || self.vowels.is_empty(),
            ('ว', None) => has('ั') || (self.vowels.is_empty() && next.is_some_and(is_consonant)),
            _ => false,
        }
    }

    fn has_vowel(&self) -> bool {
        self.pre.is_some() || !self.vowels.is_empty()
    }

    fn render(&self, out: &mut String) {
        let silent_lead = self.init.len() == 2 && matches!(self.init[0], 'ห' | 'อ');
        for (k, &c) in self.init.iter().enumerate() {
            if !(silent_lead && k == 0) {
                out.push_str(initial(c));
            }
        }
        let has = |c: char| self.vowels.contains(&c);
        let vp = self.vpart;
        let v: &str = match self.pre {
            Some('เ') => {
                if has('า') {
                    "ao"
                } else if vp == Some('ย') {
                    "ia"
                } else if vp == Some('อ') && has('ื') {
                    "uea"
                } else if vp == Some('อ') || has('ิ') {
                    "oe"
                } else {
                    "e"
                }
            }
            Some('แ') => "ae",
            Some('โ') => "o",
            Some(_) => "ai",
            None => {
                if has('ำ') {
                    "am"
                } else if vp == Some('ว') {
                    "ua"
                } else if has('ื') || has('ึ') {
                    "ue"
                } else if has('ิ') || has('ี') {
                    "i"
                } else if has('ุ') || has('ู') {
                    "u"
                } else if has('ะ') || has('ั') || has('า') {
                    "a"
                } else if vp == Some('อ') || !self.fin.is_empty() {
                    "o"
                } else {
                    "a"
                }
            }
        };
        out.push_str(v);
        if let Some(&f) = self.fin.first() {
            if !(f == 'ย' && matches!(self.pre, Some('ใ' | 'ไ'))) {
                out.push_str(final_(f));
            }
        }
    }
}

/// Transliterate one run of Thai characters.
pub(crate) fn translit(run: &[char], _conv: &Convention, out: &mut String) {
    let mut syls: Vec<Syl> = Vec::new();
    let mut cur = Syl::default();
    let n = run.len();
    let mut i = 0;
    while i < n {
        let c = run[i];
        let next = run.get(i + 1).copied();
        if is_pre_vowel(c) {
            if !cur.is_empty() {
                syls.push(std::mem::take(&mut cur));
            }
            cur.pre = Some(c);
        } else if c == 'ฤ' || c == 'ฦ' {
            if !cur.is_empty() {
                syls.push(std::mem::take(&mut cur));
            }
            let mut s = Syl::default();
            s.init.push(if c == 'ฤ' { 'ร' } else { 'ล' });
            s.vowels.push('ึ');
            syls.push(s);
            if next == Some('\u{0E45}') {
                i += 1;
            }
        } else if is_consonant(c) {
            let starts_syllable = next.is_some_and(is_vowel_sign);
            if cur.init.is_empty() {
                cur.init.push(c);
                // Clusters and silent leading consonants.
                if let Some(nx) = next {
                    let after = run.get(i + 2).copied();
                    let cluster = matches!(nx, 'ร' | 'ล' | 'ว')
                        && matches!(c, 'ก' | 'ข' | 'ค' | 'ต' | 'ป' | 'ผ' | 'พ')
                        && after.is_some_and(|a| {
                            is_vowel_sign(a) || a == '\u{0E48}' || a == '\u{0E49}'
                        });
                    let silent = (c == 'ห'
                        && matches!(nx, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว'))
                        || (c == 'อ' && nx == 'ย');
                    if cluster || (silent && after.is_some_and(|a| !is_consonant(a))) {
                        cur.init.push(nx);
                        i += 1;
                    }
                }
            } else if !starts_syllable && cur.is_vowel_part(c, next) {
                cur.vpart = Some(c);
            } else if starts_syllable || !cur.fin.is_empty() {
                syls.push(std::mem::take(&mut cur));
                cur.init.push(c);
            } else if !cur.has_vowel() {
                // Closed syllable with an implicit vowel.
                cur.fin.push(c);
            } else {
                // After an open syllable, "C1 C2" at the end of a word reads C1 + o + C2.
                let needs_final = cur.vowels.iter().any(|&v| v == 'ั' || v == '\u{0E47}');
                let c2_closes_word = next.is_some_and(is_consonant)
                    && run.get(i + 2).is_none_or(|&a| is_consonant(a) || is_pre_vowel(a));
                if !needs_final && cur.pre.is_none() && c2_closes_word {
                    syls.push(std::mem::take(&mut cur));
                    cur.init.push(c);
                } else {
                    cur.fin.push(c);
                }
            }
        } else if is_vowel_sign(c) {
            cur.vowels.push(c);
        } else if c == '\u{0E4C}' {
            // Thanthakhat: the consonant before it is silent.
            if cur.fin.pop().is_none() {
                cur.init.pop();
            }
            if !cur.has_vowel() {
                cur = Syl::default();
            }
        }
        i += 1;
    }
    if !cur.is_empty() {
        // A lone consonant after a closed syllable ends a final cluster (ตร in วัตร): silent.
        let lone = !cur.has_vowel() && cur.fin.is_empty() && cur.init.len() == 1;
        let prev_closed = syls.last().is_some_and(|s| !s.fin.is_empty());
        if !(lone && prev_closed) {
            syls.push(cur);
        }
    }
    for s in &syls {
        s.render(out);
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
    fn rtgs() {
        t!("ทักษิณ", "thaksin");
        t!("ชินวัตร", "chinwat");
        t!("กรุงเทพ", "krungthep");
        t!("ประยุทธ์", "prayut");
        t!("จันทร์โอชา", "chanocha");
        t!("สมชาย", "somchai");
        t!("ไทย", "thai");
        t!("ภูมิพล", "phumiphon");
        t!("ปูติน", "putin");
        t!("เชียงใหม่", "chiangmai");
        t!("ตัว", "tua");
        t!("คน", "khon");
        t!("เมือง", "mueang");
        t!("เกาะ", "kao");
    }
}
