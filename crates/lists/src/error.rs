//! Errors that say which file, which line or record, and what is wrong.

use std::fmt;

/// Where in a file an error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (unknown format, unreadable, empty).
    File,
    /// A line (1-based).
    Line(u64),
    /// A record (1-based: row, XML element, JSON line), with the line it
    /// starts on when the format has lines.
    Record {
        /// 1-based record number.
        record: u64,
        /// 1-based line number, if known.
        line: Option<u64>,
    },
    /// A byte offset (0-based), for formats without lines.
    Byte(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Location::File => Ok(()),
            Location::Line(l) => write!(f, "line {l}"),
            Location::Record { record, line: Some(l) } => write!(f, "line {l} (record {record})"),
            Location::Record { record, line: None } => write!(f, "record {record}"),
            Location::Byte(b) => write!(f, "byte {b}"),
        }
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io(std::io::Error),
    /// The file is not in any format veto reads, or not in the forced one.
    UnknownFormat(String),
    /// The file breaks its format's syntax (bad CSV quoting, malformed or
    /// truncated XML, invalid JSON, unreadable spreadsheet).
    Syntax(String),
    /// A record is well-formed but its content is invalid (missing id,
    /// unknown entity type, wrong number of fields).
    Invalid(String),
    /// Two records claim the same id.
    DuplicateId(String),
    /// A file refers to something that is not there (an alias row for an
    /// entity the primary file lacks).
    Dangling(String),
    /// The file is in a known format but holds nothing.
    Empty,
    /// Files given together do not fit together (an `alt.csv` without its
    /// `sdn.csv`).
    Grouping(String),
}

/// An error reading a list file, with the file and location.
#[derive(Debug)]
pub struct Error {
    /// The file's name as given.
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// A new error.
    pub fn new(file: impl Into<String>, location: Location, kind: ErrorKind) -> Error {
        Error { file: file.into(), location, kind }
    }

    /// An error about a whole file.
    pub fn file(file: impl Into<String>, kind: ErrorKind) -> Error {
        Error::new(file, Location::File, kind)
    }

    /// An invalid-record error.
    pub fn invalid(file: impl Into<String>, location: Location, msg: impl Into<String>) -> Error {
        Error::new(file, location, ErrorKind::Invalid(msg.into()))
    }

    /// A syntax error.
    pub fn syntax(file: impl Into<String>, location: Location, msg: impl Into<String>) -> Error {
        Error::new(file, location, ErrorKind::Syntax(msg.into()))
    }

    /// Whether this error concerns one record only, so that lenient mode can
    /// skip that record and go on. Syntax errors and file-level errors are
    /// never skippable: what follows them cannot be trusted.
    pub fn is_record_level(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Invalid(_) | ErrorKind::DuplicateId(_) | ErrorKind::Dangling(_)
        ) && !matches!(self.location, Location::File)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.location != Location::File {
            write!(f, ": {}", self.location)?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
            ErrorKind::UnknownFormat(m) => write!(f, ": unknown format: {m}"),
            ErrorKind::Syntax(m) => write!(f, ": malformed: {m}"),
            ErrorKind::Invalid(m) => write!(f, ": invalid record: {m}"),
            ErrorKind::DuplicateId(id) => write!(f, ": duplicate id '{id}'"),
            ErrorKind::Dangling(m) => write!(f, ": {m}"),
            ErrorKind::Empty => write!(f, ": no records (empty or truncated file)"),
            ErrorKind::Grouping(m) => write!(f, ": {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
