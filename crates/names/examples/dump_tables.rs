//! Print table contents for review: short legal-form aliases and the largest name groups.
//!
//! ```text
//! cargo run --release -p veto-names --example dump_tables
//! ```

use veto_names::{LegalForms, PersonNames};

fn main() {
    let lf = LegalForms::get();
    let mut short: Vec<(&str, &str)> =
        lf.aliases().filter(|(a, _)| a.len() <= 2).map(|(a, f)| (a, f.compare.as_str())).collect();
    short.sort();
    println!("legal-form aliases of 1-2 letters ({}): {:?}", short.len(), short);
    let pn = PersonNames::get();
    let mut sizes: Vec<(usize, u32)> =
        (0..pn.group_count() as u32).map(|g| (pn.group_forms(g).count(), g)).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    for &(n, g) in sizes.iter().take(5) {
        let forms: Vec<&str> = pn.group_forms(g).take(12).collect();
        println!("{} {} {:?}", pn.group_id(g).unwrap_or("?"), n, forms);
    }
    let mut multi: Vec<(usize, &str)> = Vec::new();
    for w in ["li", "wang", "kim", "ali", "john", "maria", "de", "van", "bin", "hiroshi"] {
        multi.push((pn.groups(w).len(), w));
    }
    println!("groups per key: {multi:?}");
}
