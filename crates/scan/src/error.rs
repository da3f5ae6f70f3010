//! Errors: which input (file, message) and what is wrong with it.

/// An input that cannot be scanned, or one message of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {message}")]
pub struct ScanError {
    /// The input (file name, `file:line` of a JSONL batch, `file message 3`).
    pub source_name: String,
    /// What is wrong.
    pub message: String,
}

impl ScanError {
    /// An error about `source_name`.
    pub fn new(source_name: impl Into<String>, message: impl Into<String>) -> ScanError {
        ScanError { source_name: source_name.into(), message: message.into() }
    }
}
