//! Print the folded form, tokens and variants of each argument.
//!
//! ```text
//! cargo run -p veto-names --example fold_demo -- "Владимир Путин" "김정은"
//! ```

fn main() {
    for arg in std::env::args().skip(1) {
        println!("{arg}");
        println!("  fold:     {}", veto_names::fold(&arg));
        let toks: Vec<String> = veto_names::tokenize(&arg)
            .into_iter()
            .map(|t| format!("{}@{}..{}", t.text, t.start, t.end))
            .collect();
        println!("  tokens:   {}", toks.join(" "));
        println!("  variants: {:?}", veto_names::translit::variants(&arg));
    }
}
