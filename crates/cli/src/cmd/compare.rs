//! `veto compare A B`: the pairwise score with its explanation.

use anyhow::Result;
use serde_json::json;
use veto_matcher::Matcher;

use crate::args::{Cli, CompareArgs, OutputFormat};
use crate::cmd::screen::load_entities;
use crate::output::{self, print_json};
use crate::Outcome;

/// Runs `veto compare`.
pub fn run(cli: &Cli, args: &CompareArgs) -> Result<Outcome> {
    let matcher = Matcher::new(load_entities(cli, &args.lists)?);
    let (score, ex) = matcher.compare(&args.a, &args.b, args.kind);
    let over = score >= veto_matcher::DEFAULT_THRESHOLD;
    match args.format {
        OutputFormat::Json => print_json(&json!({
            "a": args.a, "b": args.b, "score": output::score(score),
            "match": over, "threshold": output::score(veto_matcher::DEFAULT_THRESHOLD), "explanation": ex,
        }))?,
        OutputFormat::Table => {
            println!("{score:.3}  {}", if over { "match" } else { "no match" });
            println!("why: {}", ex.summary);
        }
    }
    Ok(if over { Outcome::Found } else { Outcome::NotFound })
}
