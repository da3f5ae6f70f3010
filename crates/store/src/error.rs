//! Store errors.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error reading or writing the store.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An I/O error on a path.
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A store file is damaged (bad magic, checksum mismatch, truncated,
    /// undecodable) or of an unknown layout.
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Another process is importing into this store.
    Locked(PathBuf),
    /// No stored version has this id.
    UnknownVersion(String),
}

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }

    pub(crate) fn corrupt(path: &Path, reason: impl Into<String>) -> Error {
        Error::Corrupt { path: path.to_path_buf(), reason: reason.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Corrupt { path, reason } => {
                write!(f, "{}: damaged store file: {reason}", path.display())
            }
            Error::Locked(p) => {
                write!(f, "{}: another veto import is using this store", p.display())
            }
            Error::UnknownVersion(v) => write!(f, "no stored list version '{v}'"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A `Result` with the store's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
