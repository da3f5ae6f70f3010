//! Finds listed names inside free text: documents, SWIFT MT messages and ISO 20022
//! payment XML, each mention with its byte span, line and message field.
//!
//! Data flows: [`input::read`] turns an input into a same-length text and its
//! [`input::SegmentSpec`]s (fields of messages, or the whole document); a [`Scanner`] built
//! over a [`veto_matcher::Matcher`] finds the [`Mention`]s in each segment, scoring them
//! with the matcher's name scoring and keeping only those with enough evidence (DESIGN.md,
//! "Scanning free text").
//!
//! ```no_run
//! use veto_matcher::Matcher;
//! use veto_scan::{input, ScanOptions, ScanState, Scanner};
//!
//! # let entities = Vec::new();
//! let matcher = Matcher::new(entities);
//! let scanner = Scanner::new(&matcher);
//! let mut state = ScanState::new();
//! let parsed = input::read("pay.fin", b":20:X\n:59:AO SBERBANK\nLEASING\n", None).unwrap();
//! for msg in veto_scan::scan_parsed(&scanner, &parsed, &ScanOptions::default(), &mut state) {
//!     for m in msg.mentions.unwrap() {
//!         println!("{} {:?} {}", m.score, m.span, m.text);
//!     }
//! }
//! ```

mod error;
pub mod input;
pub mod scanner;
pub mod words;

pub use error::ScanError;
pub use input::{Format, Parsed};
pub use scanner::{
    LineIndex, Mention, ScanOptions, ScanState, Scanner, Segment, DEFAULT_SCAN_THRESHOLD,
};

/// The mentions found in one message of an input (or the error that kept it from being
/// read).
#[derive(Debug)]
pub struct MessageMentions {
    /// The message's label (`message 2 (:20: REF)`); empty for a plain document.
    pub label: String,
    /// Its type, when known.
    pub kind: Option<String>,
    /// Its mentions in text order, or why it could not be read.
    pub mentions: Result<Vec<Mention>, ScanError>,
}

/// Scans every message of a parsed input.
pub fn scan_parsed(
    scanner: &Scanner<'_>,
    parsed: &Parsed,
    opts: &ScanOptions,
    state: &mut ScanState,
) -> Vec<MessageMentions> {
    parsed
        .messages
        .iter()
        .map(|m| match m {
            Err(e) => {
                MessageMentions { label: String::new(), kind: None, mentions: Err(e.clone()) }
            }
            Ok(msg) => {
                let mut mentions = Vec::new();
                for s in &msg.segments {
                    let Some(text) = parsed.text.get(s.range.clone()) else { continue };
                    let seg = Segment { text, offset: s.range.start, field: s.field.as_deref() };
                    mentions.extend(scanner.scan(&seg, opts, state));
                }
                MessageMentions {
                    label: msg.label.clone(),
                    kind: msg.kind.clone(),
                    mentions: Ok(mentions),
                }
            }
        })
        .collect()
}
