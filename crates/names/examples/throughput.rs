//! Quick throughput and load-time measurement (no criterion).
//!
//! ```text
//! cargo run --release -p veto-names --example throughput [MB]
//! ```
//!
//! Generates about 50 MB (or the given number of MB) of mostly-ASCII text shaped like
//! payment messages and news (names, company names with legal forms, numbers, punctuation,
//! about 2% non-ASCII: accented Latin, some Cyrillic, Arabic and CJK), then measures:
//! the zero-allocation callback tokenizer, `tokens_into` with a reused vector, and `fold_into`;
//! and the time to load each table. Every pass checks its token count against the first, so
//! a broken tokenizer cannot look fast.

use std::time::Instant;

use veto_names::{LegalForms, PersonNames, Tokenizer};

const WORDS: &[&str] = &[
    "the",
    "payment",
    "of",
    "USD",
    "1,250.00",
    "to",
    "account",
    "IBAN",
    "DE89370400440532013000",
    "ref",
    "invoice",
    "no.",
    "2024/117",
    "for",
    "services",
    "rendered",
    "by",
    "ACME",
    "Trading",
    "Co.,",
    "Ltd.",
    "John",
    "Smith",
    "O'Neil",
    "S.p.A.",
    "Gazprom",
    "PJSC",
    "Rosneft",
    "Oil",
    "Company",
    "LLC",
    "Bank",
    "Mohammed",
    "Al-Hassan",
    "Jean-Pierre",
    "GmbH",
    "and",
    "with",
    "shipment",
    "container",
    "MSCU1234567",
    "via",
    "Port",
    "Said",
    "on",
    "12.03.2024",
    "(see",
    "attached)",
    "\"urgent\"",
    "Inc.",
    "J.S.C.",
    "vessel",
    "M/V",
    "Ever",
    "Given",
    "-",
    "amount",
    "EUR",
    "beneficiary:",
    "Sberbank",
    "Moscow",
    "Russia",
    "Dubai",
    "UAE",
    "Hong",
    "Kong",
    "Limited",
    "Holdings",
    "Group",
    "International",
    "Corp.",
    "#4411",
    "tel.",
    "+44",
    "20",
    "7946",
    "0958",
    "email:",
    "info@example.com",
    "www.example.org",
];
const NON_ASCII: &[&str] = &[
    "Müller",
    "José",
    "Société",
    "Générale",
    "Łódź",
    "Straße",
    "ООО",
    "«Ромашка»",
    "Путин",
    "محمد",
    "习近平",
    "김정은",
    "Ærø",
    "İstanbul",
    "Αθήνα",
    "–",
    "€",
];

fn generate(target: usize) -> String {
    let mut s = String::with_capacity(target + 64);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while s.len() < target {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let r = (x % 1000) as usize;
        let w = if r < 15 {
            NON_ASCII[(x >> 20) as usize % NON_ASCII.len()]
        } else {
            WORDS[(x >> 20) as usize % WORDS.len()]
        };
        s.push_str(w);
        s.push(if r % 97 == 0 { '\n' } else { ' ' });
    }
    s
}

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let text = generate(mb * 1_000_000);
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let megabytes = text.len() as f64 / 1e6;
    println!(
        "input: {:.1} MB, {:.2}% non-ASCII chars",
        megabytes,
        100.0 * non_ascii as f64 / text.chars().count() as f64
    );

    let mut tok = Tokenizer::new();
    // Warm-up (grows buffers).
    let mut expected = 0usize;
    tok.for_each_token(&text[..text.len().min(1_000_000)], |_| expected += 1);

    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0usize;
        let mut bytes = 0usize;
        tok.for_each_token(&text, |t| {
            n += 1;
            bytes += t.text.len();
        });
        best = best.min(t.elapsed().as_secs_f64());
        assert!(n > 0 && bytes > 0);
        if count == 0 {
            count = n;
        }
        assert_eq!(n, count, "token count changed between runs");
    }
    println!("for_each_token: {:>8.1} MB/s  ({} tokens)", megabytes / best, count);

    let mut out = Vec::new();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        tok.tokens_into(&text, &mut out);
        best = best.min(t.elapsed().as_secs_f64());
        assert_eq!(out.len(), count);
    }
    println!("tokens_into:    {:>8.1} MB/s  (reused Vec<Token>)", megabytes / best);

    let mut folded = String::new();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        tok.fold_into(&text, &mut folded);
        best = best.min(t.elapsed().as_secs_f64());
        assert_eq!(folded.split(' ').count(), count);
    }
    println!("fold_into:      {:>8.1} MB/s", megabytes / best);

    let t = Instant::now();
    let lf = LegalForms::get();
    let t_lf = t.elapsed();
    let t = Instant::now();
    assert!(veto_names::words::is_particle("al"));
    let t_words = t.elapsed();
    let t = Instant::now();
    let pn = PersonNames::get();
    let t_pn = t.elapsed();
    println!(
        "load: person names {:.0} ms ({} keys, {} groups), legal forms {:.1} ms ({} aliases), word lists {:.1} ms",
        t_pn.as_secs_f64() * 1e3,
        pn.key_count(),
        pn.group_count(),
        t_lf.as_secs_f64() * 1e3,
        lf.alias_count(),
        t_words.as_secs_f64() * 1e3,
    );
    println!("review: {:?}", pn.stats());
}
