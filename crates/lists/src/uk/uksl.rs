//! FCDO UK Sanctions List (CSV, or the same sheet as ods/xlsx).

use veto_model::Entity;

use crate::error::{Error, ErrorKind, Result};
use crate::input::Input;
use crate::sink::Sink;

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed input or (strict mode) invalid records.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let _ = sink;
    Err(Error::file(&input.name, ErrorKind::UnknownFormat("not written yet".into())))
}
