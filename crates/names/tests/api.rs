//! The public API only, as the matcher and the scanner use it.

use veto_names::translit::variants;
use veto_names::{fold, tokenize, words, LegalForms, PersonNames, Token, Tokenizer};

#[test]
fn shared_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<PersonNames>();
    send_sync::<LegalForms>();
    send_sync::<Token>();
    send_sync::<Tokenizer>();
}

#[test]
fn tables_load_from_many_threads_at_once() {
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| PersonNames::get().key_count() + LegalForms::get().alias_count())
        })
        .collect();
    let counts: Vec<usize> = handles.into_iter().map(|h| h.join().expect("thread")).collect();
    assert!(counts.windows(2).all(|w| w[0] == w[1]) && counts[0] > 0);
    assert!(veto_names::load_all() < std::time::Duration::from_secs(60));
}

/// The scanner's use: find a listed name in free text and report where it is.
#[test]
fn scanner_spans_highlight_the_original() {
    let text = "Payment to ООО «Ромашка» for Mr. Sergey IVANOV (a.k.a. Сергей Иванов), ref #77.";
    let toks = tokenize(text);
    let words_: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let i = words_.iter().position(|w| *w == "romashka").expect("romashka");
    assert_eq!(&text[toks[i].span()], "Ромашка");
    let (n, lf) = LegalForms::get().match_at(&words_, i - 1).expect("ООО");
    assert_eq!((n, lf.compare.as_str()), (1, "llc"));
    let mr = words_.iter().position(|w| *w == "mr").expect("mr");
    assert!(words::is_honorific(words_[mr]));
    assert!(!words_.contains(&"a"), "a.k.a. is one token: aka");
    let aka = words_.iter().position(|w| *w == "aka").expect("aka");
    assert_eq!(words::name_split_at(&words_, aka), Some(1));
    let ivanov: Vec<&str> =
        toks.iter().filter(|t| t.text == "ivanov").map(|t| &text[t.span()]).collect();
    assert_eq!(ivanov, ["IVANOV", "Иванов"]);
    let num = toks.iter().find(|t| t.is_numeric()).expect("a number");
    assert_eq!(&text[num.span()], "77");
}

/// The matcher's use: a list entry and a query in different scripts and conventions.
#[test]
fn matcher_cross_script() {
    let names = PersonNames::get();
    let q = fold("Mikhail Gorbachev");
    let t = fold("Михаил Горбачёв");
    assert_eq!(q, t);
    let q = variants("Евгений Пригожин");
    assert!(q.iter().any(|v| v == "yevgeniy prigozhin"));
    assert!(names.same_group("yevgeniy", "evgeny"));
    let v = variants("김정은");
    assert!(v.iter().any(|v| v == "kim jong un"));
    let a: Vec<String> = tokenize("Muammar al-Qaddafi").into_iter().map(|t| t.text).collect();
    assert_eq!(a, ["muammar", "al", "qaddafi"]);
    assert!(names.same_group("qaddafi", &fold("القذافي")));
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long_chain = "a.".repeat(100_000);
    let inputs = [
        "\u{0}\u{1}\u{7f}",
        "\u{10FFFF}\u{FFFD}",
        "̈́̈́̈́",
        long_chain.as_str(),
        "ﷺﷺﷺ",
        "ᄀᄀᄀ\u{1161}\u{1161}",
        "ーーっっゃゃ",
        "์์์่่",
    ];
    for s in inputs {
        let f = fold(s);
        assert!(f.is_ascii());
        let _ = tokenize(s);
        let _ = variants(s);
    }
    assert_eq!(fold(&"a.".repeat(10)), "aaaaaaaaaa");
}
