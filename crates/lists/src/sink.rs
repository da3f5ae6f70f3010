//! What a parser reports besides its entities.

use std::collections::BTreeMap;

use veto_model::PartialDate;

use crate::error::{Error, Result};

/// Collects, while a list is parsed, the things that are not entities:
/// record counts, records skipped in lenient mode, values kept only as text,
/// and the data's own date.
#[derive(Debug, Default)]
pub struct Sink {
    lenient: bool,
    /// Records read (rows, elements, lines), including those folded into
    /// other entities.
    pub records: u64,
    /// Records skipped (lenient mode only).
    pub skipped: Vec<Error>,
    /// Values kept only as text, per field name.
    pub unstructured: BTreeMap<String, u64>,
    /// The data's date and where it was read from.
    pub data_date: Option<(PartialDate, String)>,
    /// The dataset name, for aggregators carrying several (OpenSanctions,
    /// Senzing); `None` means the source's own name.
    pub dataset: Option<String>,
}

impl Sink {
    /// A sink; `lenient` lets record-level errors be skipped.
    pub fn new(lenient: bool) -> Sink {
        Sink { lenient, ..Sink::default() }
    }

    /// Whether record-level errors are skipped rather than fatal.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// Reports a bad record. In strict mode, or when the error is not
    /// record-level, returns it so the parse stops; in lenient mode, records
    /// it and returns `Ok(())` so the parser skips the record and goes on.
    ///
    /// # Errors
    ///
    /// Returns `err` unless lenient mode can skip it.
    pub fn bad_record(&mut self, err: Error) -> Result<()> {
        if self.lenient && err.is_record_level() {
            self.skipped.push(err);
            Ok(())
        } else {
            Err(err)
        }
    }

    /// Counts a value that could not be structured and was kept as text
    /// (in the entity's remarks or a free-text field).
    pub fn unstructured(&mut self, field: &str) {
        *self.unstructured.entry(field.to_string()).or_insert(0) += 1;
    }

    /// Sets the data's date, read from `from` (e.g. `Publish_Date`).
    pub fn set_data_date(&mut self, date: PartialDate, from: &str) {
        self.data_date = Some((date, from.to_string()));
    }
}
