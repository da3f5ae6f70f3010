//! Time the loading of every table in a fresh process.
//!
//! ```text
//! cargo run --release -p veto-names --example load_tables
//! ```

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let total = veto_names::load_all();
    println!(
        "load_all: {:.0} ms (wall {:.0} ms)",
        total.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    let s = veto_names::PersonNames::get().stats();
    println!("{s:?}");
}
