//! Greek → Latin after ELOT 743 (the transcription used in Greek passports), without
//! diacritics.
//!
//! Letters: α a, β v, γ g, δ d, ε e, ζ z, η i, θ th, ι i, κ k, λ l, μ m, ν n, ξ x, ο o, π p,
//! ρ r, σ/ς s, τ t, υ y, φ f, χ ch, ψ ps, ω o. Digraphs: ου → ou; αυ/ευ/ηυ → av/ev/iv before
//! a vowel or voiced consonant, af/ef/if otherwise; μπ → b at the start of a word, mp inside;
//! ντ → d at the start, nt inside; γκ → g at the start, gk inside; γγ → ng, γξ → nx,
//! γχ → nch. A diaeresis (ϊ, ϋ) breaks a digraph. Accents are dropped.
//!
//! Variants: the literal variant spells every letter on its own (mp, nt, gk, au, eu);
//! the phonetic variant follows modern pronunciation (αι → e, ει/οι/υ/η → i, χ → h).

use super::{Convention, GreekStyle};

/// Normalise one Greek letter: lowercase base letter, keeping the diaeresis on ι and υ.
fn normalize(c: char, out: &mut Vec<char>) {
    let mut base = None;
    let mut diaeresis = false;
    unicode_normalization::char::decompose_compatible(c, |d| {
        if base.is_none() {
            base = Some(d);
        } else if d == '\u{0308}' {
            diaeresis = true;
        }
    });
    let b = base.unwrap_or(c);
    let b = b.to_lowercase().next().unwrap_or(b);
    out.push(match (b, diaeresis) {
        ('ι', true) => 'ϊ',
        ('υ', true) => 'ϋ',
        ('ς' | 'ϲ', _) => 'σ',
        (x, _) => x,
    });
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω' | 'ϊ' | 'ϋ')
}

fn is_voiced(c: char) -> bool {
    is_vowel(c) || matches!(c, 'β' | 'γ' | 'δ' | 'ζ' | 'λ' | 'μ' | 'ν' | 'ρ')
}

/// Transliterate one run of Greek letters.
pub(crate) fn translit(run: &[char], conv: &Convention, out: &mut String) {
    let mut g = Vec::with_capacity(run.len());
    for &c in run {
        normalize(c, &mut g);
    }
    let style = conv.greek;
    let n = g.len();
    let mut i = 0;
    while i < n {
        let c = g[i];
        let next = g.get(i + 1).copied();
        let start = i == 0;
        if style == GreekStyle::Literal {
            // ISO 843: the u of the diphthongs αυ ευ ηυ ου.
            if next == Some('υ') && matches!(c, 'α' | 'ε' | 'η' | 'ο') {
                out.push_str(match c {
                    'α' => "au",
                    'ε' => "eu",
                    'η' => "iu",
                    _ => "ou",
                });
                i += 2;
                continue;
            }
        } else {
            let digraph: Option<&str> = match (c, next) {
                ('ο', Some('υ')) => Some("ou"),
                ('α' | 'ε' | 'η', Some('υ')) => {
                    let v = match g.get(i + 2) {
                        Some(&f) => is_voiced(f),
                        None => false,
                    };
                    Some(match (c, v, style) {
                        ('α', true, _) => "av",
                        ('α', false, _) => "af",
                        ('ε', true, _) => "ev",
                        ('ε', false, _) => "ef",
                        (_, true, _) => "iv",
                        (_, false, _) => "if",
                    })
                }
                ('μ', Some('π')) => Some(if start { "b" } else { "mp" }),
                ('ν', Some('τ')) => Some(if start { "d" } else { "nt" }),
                ('γ', Some('κ')) => Some(if start { "g" } else { "gk" }),
                ('γ', Some('γ')) => Some("ng"),
                ('γ', Some('ξ')) => Some("nx"),
                ('γ', Some('χ')) => {
                    Some(if style == GreekStyle::Phonetic { "nh" } else { "nch" })
                }
                ('α', Some('ι')) if style == GreekStyle::Phonetic => Some("e"),
                ('ε' | 'ο' | 'υ', Some('ι')) if style == GreekStyle::Phonetic => Some("i"),
                _ => None,
            };
            if let Some(d) = digraph {
                out.push_str(d);
                i += 2;
                continue;
            }
        }
        let s = match c {
            'α' => "a",
            'β' | 'ϐ' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' | 'ϵ' => "e",
            'ζ' => "z",
            'η' => "i",
            'θ' | 'ϑ' => "th",
            'ι' | 'ϊ' => "i",
            'κ' | 'ϰ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' => "o",
            'π' | 'ϖ' => "p",
            'ρ' | 'ϱ' => "r",
            'σ' => "s",
            'τ' => "t",
            'υ' | 'ϋ' | 'ϒ' => {
                if style == GreekStyle::Phonetic {
                    "i"
                } else {
                    "y"
                }
            }
            'φ' | 'ϕ' => "f",
            'χ' => {
                if style == GreekStyle::Phonetic {
                    "h"
                } else {
                    "ch"
                }
            }
            'ψ' => "ps",
            'ω' => "o",
            'ϝ' => "w",
            'ϙ' | 'ϟ' => "q",
            'ϛ' => "st",
            'ϡ' => "ss",
            'ͱ' => "h",
            'ϳ' => "j",
            _ => "",
        };
        out.push_str(s);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str, greek: GreekStyle) -> String {
        let w: Vec<char> = s.chars().collect();
        let mut out = String::new();
        translit(&w, &Convention { greek, ..Convention::default() }, &mut out);
        out
    }

    macro_rules! t {
        ($src:expr, $want:expr) => {
            assert_eq!(tr($src, GreekStyle::Elot), $want, "{}", $src)
        };
        ($src:expr, $want:expr, $style:ident) => {
            assert_eq!(tr($src, GreekStyle::$style), $want, "{}", $src)
        };
    }

    #[test]
    fn elot() {
        t!("Αλέξανδρος", "alexandros");
        t!("Νικόλαος", "nikolaos");
        t!("Ευάγγελος", "evangelos");
        t!("Ευρώπη", "evropi");
        t!("Αυτός", "aftos");
        t!("Παύλος", "pavlos");
        t!("Μητσοτάκης", "mitsotakis");
        t!("Μπακογιάννη", "bakogianni");
        t!("Λαμπράκης", "lamprakis");
        t!("Ντόρα", "dora");
        t!("Αντώνης", "antonis");
        t!("Γκίκας", "gikas");
        t!("Χριστόδουλος", "christodoulos");
        t!("Θεόδωρος", "theodoros");
        t!("Ψαρράς", "psarras");
        t!("ΚΥΡΙΑΚΟΣ", "kyriakos");
        t!("Παπαδόπουλος", "papadopoulos");
        t!("Αϊδίνης", "aidinis");
        t!("Ἀθῆναι", "athinai");
    }

    #[test]
    fn styles() {
        t!("Μπακογιάννη", "mpakogianni", Literal);
        t!("Ευάγγελος", "euaggelos", Literal);
        t!("Χριστίνα", "hristina", Phonetic);
        t!("Αικατερίνη", "ekaterini", Phonetic);
    }
}
