//! Hebrew (and Yiddish) → Latin: a consonantal romanization, like Arabic.
//!
//! Vowel points (niqqud) are stripped; most text has none. Main form: א a, ב b, ג g, ד d,
//! ה h (dropped at the end of a word, where it marks a vowel), ו v, ז z, ח h, ט t, י y at the
//! start / after a vowel / before א ו, otherwise i, כ k, ך kh, ל l, מ ם m, נ ן n, ס s, ע a,
//! פ p, ף f, צ ץ ts, ק k, ר r, ש sh, ת t. A geresh after ג ז צ gives j, zh, ch. Doubled וו
//! and יי are one letter. Yiddish װ v, ױ oy, ײ ey.
//!
//! Examples: משה → msh, דוד → dvd, אברהם → abrhm, בנימין → bnimin.
//!
//! Variants: the vowels variant reads ו inside a word as o (יוסף → yosf);
//! the fricative variant uses the soft readings ב v, כ kh, פ f, ח kh.

use super::{Convention, HebrewStyle};

/// Transliterate one run of Hebrew letters.
pub(crate) fn translit(run: &[char], conv: &Convention, out: &mut String) {
    let n = run.len();
    let style = conv.hebrew;
    let fric = style == HebrewStyle::Fricative;
    let mut i = 0;
    while i < n {
        let c = run[i];
        let next = run.get(i + 1).copied();
        let start = i == 0;
        let last = i + 1 == n;
        let geresh = next == Some('\u{05F3}');
        let after_vowel = matches!(out.as_bytes().last(), Some(b'a' | b'i' | b'o' | b'u'));
        let s: &str = match c {
            'א' => "a",
            'ב' => {
                if fric {
                    "v"
                } else {
                    "b"
                }
            }
            'ג' => {
                if geresh {
                    "j"
                } else {
                    "g"
                }
            }
            'ד' => "d",
            'ה' => {
                if last && !start {
                    ""
                } else {
                    "h"
                }
            }
            'ו' => {
                if next == Some('ו') {
                    i += 1;
                    "v"
                } else if style == HebrewStyle::Vowels && !start {
                    "o"
                } else {
                    "v"
                }
            }
            'ז' => {
                if geresh {
                    "zh"
                } else {
                    "z"
                }
            }
            'ח' => {
                if fric {
                    "kh"
                } else {
                    "h"
                }
            }
            'ט' => "t",
            'י' => {
                if next == Some('י') {
                    i += 1;
                    "y"
                } else if start || after_vowel || matches!(next, Some('א' | 'ו')) {
                    "y"
                } else {
                    "i"
                }
            }
            'כ' => {
                if fric {
                    "kh"
                } else {
                    "k"
                }
            }
            'ך' => "kh",
            'ל' => "l",
            'מ' | 'ם' => "m",
            'נ' | 'ן' => "n",
            'ס' => "s",
            'ע' => "a",
            'פ' => {
                if fric {
                    "f"
                } else {
                    "p"
                }
            }
            'ף' => "f",
            'צ' | 'ץ' => {
                if geresh {
                    "ch"
                } else {
                    "ts"
                }
            }
            'ק' => "k",
            'ר' => "r",
            'ש' => "sh",
            'ת' => "t",
            'װ' => "v",
            'ױ' => "oy",
            'ײ' => "ey",
            _ => {
                let mut base = None;
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if base.is_none() {
                        base = Some(d);
                    }
                });
                if let Some(b) = base.filter(|&b| b != c) {
                    translit(&[b], conv, out);
                }
                ""
            }
        };
        out.push_str(s);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str, hebrew: HebrewStyle) -> String {
        let w: Vec<char> = s.chars().collect();
        let mut out = String::new();
        translit(&w, &Convention { hebrew, ..Convention::default() }, &mut out);
        out
    }

    macro_rules! t {
        ($src:expr, $want:expr) => {
            assert_eq!(tr($src, HebrewStyle::Default), $want, "{}", $src)
        };
        ($src:expr, $want:expr, $style:ident) => {
            assert_eq!(tr($src, HebrewStyle::$style), $want, "{}", $src)
        };
    }

    #[test]
    fn hebrew() {
        t!("משה", "msh");
        t!("דוד", "dvd");
        t!("אברהם", "abrhm");
        t!("בנימין", "bnimin");
        t!("נתניהו", "ntnihv");
        t!("יצחק", "ytshk");
        t!("שרה", "shr");
        t!("ג׳ורג׳", "jvrj");
        t!("פוטין", "pvtin");
        t!("דוויד", "dvid");
    }

    #[test]
    fn styles() {
        t!("יוסף", "yosf", Vowels);
        t!("אברהם", "avrhm", Fricative);
        t!("חיים", "khym", Fricative);
    }
}
