//! Rows of a UK list file, whether it comes as CSV text or as a spreadsheet.
//!
//! OFSI and the FCDO publish the same table as CSV, xlsx and ods. This module
//! hands the parsers one [`Row`] at a time with the same cell access and the
//! same numbering whatever the container:
//!
//! * `row` is the 1-based row number as a spreadsheet shows it; in a CSV file
//!   it is the record's ordinal, which is the same number for the same row of
//!   the xlsx twin (records may span several lines: OFSI's "Other
//!   Information" holds line breaks).
//! * `line` is the CSV line the record starts on (`None` for spreadsheets).
//!
//! Spreadsheet cells are turned into the text the CSV would hold: numbers
//! without a spurious `.0` (Group IDs), date cells as `dd/mm/yyyy`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Cursor;

use calamine::{DataRef, Reader};

use crate::error::{Error, Location, Result};
use crate::input::{Container, Input};

/// One row of the table.
pub(crate) struct Row<'a> {
    /// 1-based row number (spreadsheet row, or CSV record ordinal).
    pub row: u64,
    /// 1-based CSV line the record starts on; `None` in spreadsheets.
    pub line: Option<u64>,
    /// The CSV text ends inside this record: it is the last one, the file
    /// has no final line break, and a quoted field is left open. A sure sign
    /// of a truncated download.
    pub open_quote: bool,
    /// This is the last record of a CSV file that does not end with a line
    /// break (a truncated file if the record is also short).
    pub at_cut: bool,
    cells: Cells<'a>,
}

enum Cells<'a> {
    Csv(&'a csv::StringRecord),
    Sheet(&'a [DataRef<'a>]),
    Texts(&'a [String]),
}

impl<'a> Row<'a> {
    /// The number of cells.
    pub fn len(&self) -> usize {
        match self.cells {
            Cells::Csv(r) => r.len(),
            Cells::Sheet(c) => c.len(),
            Cells::Texts(c) => c.len(),
        }
    }

    /// The text of cell `i` (empty if there is no such cell).
    pub fn get(&self, i: usize) -> Cow<'a, str> {
        match self.cells {
            Cells::Csv(r) => Cow::Borrowed(r.get(i).unwrap_or("")),
            Cells::Sheet(c) => c.get(i).map_or(Cow::Borrowed(""), cell_text),
            Cells::Texts(c) => Cow::Borrowed(c.get(i).map_or("", String::as_str)),
        }
    }

    /// The text of the cell in column `col`, if the column exists.
    pub fn col(&self, col: Option<usize>) -> Cow<'a, str> {
        col.map_or(Cow::Borrowed(""), |i| self.get(i))
    }

    /// Whether every cell is blank (spreadsheets pad their last rows).
    pub fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| self.get(i).trim().is_empty())
    }

    /// The row's location for error messages and provenance.
    pub fn location(&self) -> Location {
        Location::Record { record: self.row, line: self.line }
    }

    /// The texts of all cells.
    #[cfg(test)]
    pub fn texts(&self) -> Vec<Cow<'a, str>> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

/// The text of a spreadsheet cell, as the CSV twin would write it.
fn cell_text<'a>(d: &DataRef<'a>) -> Cow<'a, str> {
    match d {
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::String(s) => Cow::Owned(s.clone()),
        DataRef::Empty | DataRef::Error(_) => Cow::Borrowed(""),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) => {
            // Ids typed as numbers come back as floats: 14196.0 -> "14196".
            if f.fract() == 0.0 && f.abs() < 1e15 {
                Cow::Owned(format!("{}", *f as i64))
            } else {
                Cow::Owned(f.to_string())
            }
        }
        DataRef::Bool(b) => Cow::Owned(b.to_string()),
        DataRef::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cow::Owned(format!("{d:02}/{m:02}/{y:04}"))
        }
        // ISO dates (`2025-04-10T00:00:00`): keep the date part, which the
        // date parsers read as ISO.
        DataRef::DateTimeIso(s) => Cow::Owned(s.split('T').next().unwrap_or(s).to_string()),
        DataRef::DurationIso(s) => Cow::Owned(s.clone()),
    }
}

/// Calls `f` with every row of the input, in order: CSV text, or the sheet
/// of a workbook named in `sheet_names` (case-insensitive), else the first.
///
/// # Errors
///
/// Fails on unreadable spreadsheets and invalid UTF-8, and with whatever `f`
/// returns.
pub(crate) fn for_each_row(
    input: &Input,
    sheet_names: &[&str],
    mut f: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    match input.container {
        Container::Xlsx => xlsx_rows(input, sheet_names, &mut f),
        Container::Ods => {
            for (row, cells) in ods::rows(input, sheet_names)? {
                let row = Row {
                    row,
                    line: None,
                    open_quote: false,
                    at_cut: false,
                    cells: Cells::Texts(&cells),
                };
                f(&row)?;
            }
            Ok(())
        }
        Container::Plain | Container::Gzip | Container::Zip => csv_rows(input, &mut f),
    }
}

/// Most cells a spreadsheet row may hold (xlsx and ods maximum); guards
/// against huge sparse rows.
const MAX_COLS: usize = 16_384;

/// Streams the rows of an xlsx sheet: calamine's cell reader, cells
/// borrowed from the shared strings, one row buffer (building the whole
/// `Range` first costs a copy of every string).
fn xlsx_rows(
    input: &Input,
    sheet_names: &[&str],
    f: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let bad = |m: String| Error::syntax(&input.name, Location::File, m);
    let mut book = calamine::Xlsx::new(Cursor::new(&input.data[..]))
        .map_err(|e| bad(format!("unreadable spreadsheet: {e}")))?;
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| sheet_names.iter().any(|w| n.trim().eq_ignore_ascii_case(w)))
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| bad("the workbook has no sheet".into()))?;
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| bad(format!("unreadable sheet '{name}': {e}")))?;
    let mut buf: Vec<DataRef<'_>> = Vec::new();
    let mut cur: Option<u32> = None;
    let emit = |r: u32, buf: &[DataRef<'_>], f: &mut dyn FnMut(&Row<'_>) -> Result<()>| {
        let row = Row {
            row: u64::from(r) + 1,
            line: None,
            open_quote: false,
            at_cut: false,
            cells: Cells::Sheet(buf),
        };
        f(&row)
    };
    loop {
        let next = cells.next_cell().map_err(|e| bad(format!("unreadable sheet '{name}': {e}")))?;
        let Some(cell) = next else { break };
        let (r, c) = cell.get_position();
        if cur != Some(r) {
            if let Some(prev) = cur {
                emit(prev, &buf, f)?;
            }
            buf.clear();
            cur = Some(r);
        }
        let c = c as usize;
        if c < MAX_COLS {
            if buf.len() <= c {
                buf.resize(c + 1, DataRef::Empty);
            }
            buf[c] = cell.get_value().clone();
        }
    }
    if let Some(prev) = cur {
        emit(prev, &buf, f)?;
    }
    Ok(())
}

fn csv_rows(input: &Input, f: &mut dyn FnMut(&Row<'_>) -> Result<()>) -> Result<()> {
    let text = input.text()?;
    let ends_with_newline = text.ends_with('\n') || text.ends_with('\r');
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut read = |rec: &mut csv::StringRecord| -> Result<bool> {
        rdr.read_record(rec).map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            Error::syntax(&input.name, Location::Line(line), format!("bad CSV: {e}"))
        })
    };
    // One record of look-ahead, to know which record is the last.
    let mut cur = csv::StringRecord::new();
    let mut next = csv::StringRecord::new();
    let mut have = read(&mut cur)?;
    let mut ordinal = 0;
    // csv's positions are where the reader stopped (before the `\n` of a
    // `\r\n`, and its line count lags there), so lines are counted here:
    // the record starts after any line breaks at that position.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u64);
    while have {
        let more = read(&mut next)?;
        ordinal += 1;
        let mut start = cur.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
        while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
            start += 1;
        }
        if start > counted_to {
            line += bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted_to = start;
        }
        let at_cut = !more && !ends_with_newline;
        let open_quote = at_cut && bytes[start..].iter().filter(|&&b| b == b'"').count() % 2 == 1;
        let row =
            Row { row: ordinal, line: Some(line), open_quote, at_cut, cells: Cells::Csv(&cur) };
        f(&row)?;
        std::mem::swap(&mut cur, &mut next);
        have = more;
    }
    Ok(())
}

/// Tells the two UK layouts apart in a spreadsheet without reading it:
/// whether the start of its text (xlsx shared strings, ods content) has the
/// UK Sanctions List's `Unique ID` column (`Some(true)`) or the ConList's
/// `Group ID` without it (`Some(false)`). Only the first 256 KiB of the
/// packed text are inflated; the header strings come first. `None` when the
/// input is not a spreadsheet or neither name is seen.
///
/// Used by format detection.
pub(crate) fn sheet_is_uksl(input: &Input) -> Option<bool> {
    use std::io::Read;
    let member = match input.container {
        Container::Xlsx => "xl/sharedStrings.xml",
        Container::Ods => "content.xml",
        _ => return None,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(&input.data[..])).ok()?;
    let mut head = Vec::new();
    zip.by_name(member).ok()?.take(256 * 1024).read_to_end(&mut head).ok()?;
    let text = String::from_utf8_lossy(&head);
    if text.contains("Unique ID") {
        Some(true)
    } else if text.contains("Group ID") {
        Some(false)
    } else {
        None
    }
}

/// A reader for OpenDocument spreadsheets (`.ods`).
///
/// calamine 0.31 rejects the FCDO's ods export (its `content.xml` is
/// pretty-printed, with whitespace between cells), so ods is read here with
/// quick-xml: the rows of one table, cells repeated as
/// `table:number-columns-repeated` says, text from the `text:p` paragraphs
/// (whitespace collapsed as ODF prescribes, `text:s` spaces kept), typed
/// values from their `office:*-value` attribute, dates as `dd/mm/yyyy`.
mod ods {
    use std::io::{Cursor, Read};

    use quick_xml::events::{BytesStart, Event};

    use crate::error::{Error, Location, Result};
    use crate::input::{Input, MAX_INPUT_BYTES};

    use super::MAX_COLS;
    /// Most copies made of a non-blank repeated row.
    const MAX_ROW_REPEAT: u64 = 1_000;

    fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
        e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| {
            // content.xml is UTF-8 (ODF requires it).
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
        })
    }

    fn repeat(e: &BytesStart<'_>, name: &[u8]) -> u64 {
        attr(e, name).and_then(|v| v.trim().parse::<u64>().ok()).unwrap_or(1).max(1)
    }

    /// The value of a typed (non-string) cell, as the CSV would write it.
    fn typed_value(e: &BytesStart<'_>) -> Option<String> {
        let ty = attr(e, b"office:value-type")?;
        match ty.as_str() {
            "float" | "percentage" | "currency" => {
                let v = attr(e, b"office:value")?;
                match v.parse::<f64>() {
                    Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(format!("{}", f as i64)),
                    _ => Some(v),
                }
            }
            "date" => {
                let v = attr(e, b"office:date-value")?;
                let d = v.split('T').next().unwrap_or(&v).to_string();
                let p: Vec<&str> = d.split('-').collect();
                match p.as_slice() {
                    [y, m, dd] => Some(format!("{dd}/{m}/{y}")),
                    _ => Some(d),
                }
            }
            "boolean" => attr(e, b"office:boolean-value"),
            "time" => attr(e, b"office:time-value"),
            _ => None,
        }
    }

    #[derive(Default)]
    struct Cell {
        text: String,
        typed: Option<String>,
        repeat: u64,
        in_p: bool,
        /// Literal whitespace seen and not yet written (collapsed to one
        /// space, dropped at the start and end of a paragraph).
        space: bool,
    }

    impl Cell {
        fn push_literal(&mut self, s: &str) {
            for c in s.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r') {
                    self.space = true;
                } else {
                    self.push_char(c);
                }
            }
        }

        fn push_char(&mut self, c: char) {
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
        }
    }

    #[derive(Default)]
    struct RowBuild {
        cells: Vec<String>,
        pending_empty: u64,
        repeat: u64,
    }

    impl RowBuild {
        fn push(&mut self, value: String, n: u64) {
            if value.is_empty() {
                self.pending_empty = self.pending_empty.saturating_add(n);
                return;
            }
            let room = MAX_COLS.saturating_sub(self.cells.len());
            let empties = (self.pending_empty as usize).min(room);
            self.cells.extend(std::iter::repeat_n(String::new(), empties));
            self.pending_empty = 0;
            let room = MAX_COLS.saturating_sub(self.cells.len());
            self.cells.extend(std::iter::repeat_n(value, (n as usize).min(room)));
        }
    }

    /// Rows of a table: (1-based row number, cell texts).
    type Rows = Vec<(u64, Vec<String>)>;

    /// The rows of the table named in `sheet_names` (case-insensitive), else
    /// of the first table: (1-based row number, cell texts). Blank rows are
    /// left out (but counted in the numbering).
    pub(super) fn rows(input: &Input, sheet_names: &[&str]) -> Result<Rows> {
        let bad = |loc, m: String| Error::syntax(&input.name, loc, m);
        let mut zip = zip::ZipArchive::new(Cursor::new(&input.data[..]))
            .map_err(|e| bad(Location::File, format!("unreadable ods: {e}")))?;
        let mut xml = Vec::new();
        zip.by_name("content.xml")
            .map_err(|e| bad(Location::File, format!("unreadable ods: {e}")))?
            .take(MAX_INPUT_BYTES)
            .read_to_end(&mut xml)
            .map_err(|e| bad(Location::File, format!("unreadable ods content.xml: {e}")))?;
        let mut rdr = quick_xml::Reader::from_reader(&xml[..]);
        let mut buf = Vec::new();
        let mut first: Option<Rows> = None;
        let mut table: Option<(bool, Rows)> = None; // (wanted, rows)
        let mut row_no: u64 = 0;
        let mut row: Option<RowBuild> = None;
        let mut cell: Option<Cell> = None;
        let mut skip = 0usize; // depth inside annotations (cell comments)
        loop {
            let ev = rdr.read_event_into(&mut buf).map_err(|e| {
                let at = Location::Byte(rdr.buffer_position());
                bad(at, format!("malformed ods content.xml: {e}"))
            })?;
            if skip > 0 {
                match ev {
                    Event::Start(_) => skip += 1,
                    Event::End(_) => skip -= 1,
                    Event::Eof => break,
                    _ => {}
                }
                buf.clear();
                continue;
            }
            match ev {
                Event::Eof => break,
                Event::Start(e) => match e.local_name().as_ref() {
                    b"table" => {
                        let name = attr(&e, b"table:name").unwrap_or_default();
                        let wanted =
                            sheet_names.iter().any(|w| name.trim().eq_ignore_ascii_case(w));
                        table = Some((wanted, Vec::new()));
                        row_no = 0;
                    }
                    b"table-row" => {
                        row = Some(RowBuild {
                            repeat: repeat(&e, b"table:number-rows-repeated"),
                            ..RowBuild::default()
                        })
                    }
                    b"table-cell" | b"covered-table-cell" => {
                        cell = Some(Cell {
                            typed: typed_value(&e),
                            repeat: repeat(&e, b"table:number-columns-repeated"),
                            ..Cell::default()
                        })
                    }
                    b"p" | b"h" => {
                        if let Some(c) = cell.as_mut() {
                            if !c.text.is_empty() {
                                c.text.push('\n');
                            }
                            c.in_p = true;
                            c.space = false;
                        }
                    }
                    b"annotation" => skip = 1,
                    _ => {}
                },
                Event::Empty(e) => match e.local_name().as_ref() {
                    b"table-row" => {
                        row_no = row_no.saturating_add(repeat(&e, b"table:number-rows-repeated"));
                    }
                    b"table-cell" | b"covered-table-cell" => {
                        if let Some(r) = row.as_mut() {
                            let v = typed_value(&e).unwrap_or_default();
                            r.push(v, repeat(&e, b"table:number-columns-repeated"));
                        }
                    }
                    b"s" => {
                        if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                            let n = attr(&e, b"text:c")
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(1);
                            for _ in 0..n.min(1000) {
                                c.push_char(' ');
                            }
                        }
                    }
                    b"tab" => {
                        if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                            c.push_char('\t');
                        }
                    }
                    b"line-break" => {
                        if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                            c.space = false;
                            c.text.push('\n');
                        }
                    }
                    _ => {}
                },
                Event::Text(t) => {
                    if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                        let s = t.decode().map_err(|e| {
                            bad(
                                Location::Byte(rdr.buffer_position()),
                                format!("bad text in ods: {e}"),
                            )
                        })?;
                        c.push_literal(&s);
                    }
                }
                Event::CData(t) => {
                    if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                        for ch in String::from_utf8_lossy(&t).chars() {
                            c.push_char(ch);
                        }
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(c) = cell.as_mut().filter(|c| c.in_p) {
                        let ch = match r.resolve_char_ref() {
                            Ok(Some(ch)) => Some(ch.to_string()),
                            _ => r
                                .decode()
                                .ok()
                                .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
                                .map(str::to_string),
                        };
                        for ch in ch.unwrap_or_default().chars() {
                            c.push_char(ch);
                        }
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"p" | b"h" => {
                        if let Some(c) = cell.as_mut() {
                            c.in_p = false;
                            c.space = false;
                        }
                    }
                    b"table-cell" | b"covered-table-cell" => {
                        if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                            let v = c.typed.unwrap_or(c.text);
                            r.push(v, c.repeat);
                        }
                    }
                    b"table-row" => {
                        if let (Some(r), Some((_, rows))) = (row.take(), table.as_mut()) {
                            if r.cells.is_empty() {
                                row_no = row_no.saturating_add(r.repeat);
                            } else {
                                for _ in 0..r.repeat.min(MAX_ROW_REPEAT) {
                                    row_no += 1;
                                    rows.push((row_no, r.cells.clone()));
                                }
                                row_no =
                                    row_no.saturating_add(r.repeat.saturating_sub(MAX_ROW_REPEAT));
                            }
                        }
                    }
                    b"table" => {
                        if let Some((wanted, rows)) = table.take() {
                            if wanted {
                                return Ok(rows);
                            }
                            if first.is_none() {
                                first = Some(rows);
                            }
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        first.ok_or_else(|| bad(Location::File, "the ods file has no table".into()))
    }
}

/// Normalizes a header name for lookup: lowercase letters and digits only,
/// so that `Nationality(/ies)`, `nationality (ies)` and `NATIONALITYIES`
/// are the same column.
pub(crate) fn norm_header(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The columns of a header row, found by name.
pub(crate) struct Columns {
    by_name: HashMap<String, usize>,
    /// The number of header cells (up to the last non-blank one).
    pub width: usize,
}

impl Columns {
    /// Reads a header row.
    pub fn new(row: &Row<'_>) -> Columns {
        let mut by_name = HashMap::new();
        let mut width = 0;
        for i in 0..row.len() {
            let name = norm_header(&row.get(i));
            if !name.is_empty() {
                width = i + 1;
                by_name.entry(name).or_insert(i);
            }
        }
        Columns { by_name, width }
    }

    /// The index of the first of `names` (any spelling: see [`norm_header`])
    /// that is a column.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.by_name.get(&norm_header(n)).copied())
    }

    /// How many of `names` are columns.
    pub fn count_known(row: &Row<'_>, names: &[&str]) -> usize {
        let want: Vec<String> = names.iter().map(|n| norm_header(n)).collect();
        (0..row.len()).filter(|&i| want.contains(&norm_header(&row.get(i)))).count()
    }

    /// Checks that a data row has the header's number of cells.
    /// `Err` for a truncated file (fatal), `Ok(Some(err))` for one bad row
    /// (to be passed to `Sink::bad_record`), `Ok(None)` when it is fine.
    ///
    /// # Errors
    ///
    /// A syntax error when the row is the cut-off end of a truncated file.
    pub fn check_width(&self, file: &str, row: &Row<'_>) -> Result<Option<Error>> {
        let n = row.len();
        if row.open_quote || (row.at_cut && n < self.width) {
            return Err(Error::syntax(
                file,
                row.location(),
                format!(
                    "the file ends in the middle of a record ({n} of {} fields{}): truncated?",
                    self.width,
                    if row.open_quote { ", unclosed quote" } else { "" }
                ),
            ));
        }
        if n < self.width {
            return Ok(Some(Error::invalid(
                file,
                row.location(),
                format!("{n} fields where the header has {}", self.width),
            )));
        }
        if (self.width..n).any(|i| !row.get(i).trim().is_empty()) {
            return Ok(Some(Error::invalid(
                file,
                row.location(),
                format!("{n} fields where the header has {}", self.width),
            )));
        }
        Ok(None)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// (row, line, at_cut, open_quote, cells)
    type Seen = (u64, Option<u64>, bool, bool, Vec<String>);

    fn rows(bytes: &[u8]) -> Result<Vec<Seen>> {
        let input = Input::from_bytes(PathBuf::from("t.csv"), "t.csv".into(), bytes.to_vec())?;
        let mut out = Vec::new();
        for_each_row(&input, &[], |r| {
            let cells = r.texts().into_iter().map(Cow::into_owned).collect();
            out.push((r.row, r.line, r.at_cut, r.open_quote, cells));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn csv_rows_are_numbered_by_record_and_line() {
        let r = rows(b"a,b\r\n\"x\ny\",2\r\nz,3\r\n").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!((r[1].0, r[1].1), (2, Some(2)));
        assert_eq!((r[2].0, r[2].1), (3, Some(4)), "{r:?}");
        assert_eq!(r[1].4, vec!["x\ny".to_string(), "2".into()]);
        assert!(!r[2].2);
    }

    #[test]
    fn cut_records_are_flagged() {
        let r = rows(b"a,b\nx,\"unfinished").unwrap();
        assert!(r[1].2 && r[1].3);
        let r = rows(b"a,b\nx,y").unwrap();
        assert!(r[1].2 && !r[1].3);
    }

    /// Builds an ods file in memory around the rows of one table.
    fn ods(table_xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("mimetype", opt).unwrap();
        w.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        w.start_file("content.xml", opt).unwrap();
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\n  <office:body>\n    \
             <office:spreadsheet>\n{table_xml}\n    </office:spreadsheet>\n  </office:body>\n</office:document-content>"
        );
        w.write_all(doc.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn ods_cells() {
        let t = r#"<table:table table:name="Other"><table:table-row><table:table-cell office:value-type="string"><text:p>wrong sheet</text:p></table:table-cell></table:table-row></table:table>
        <table:table table:name="UK_Sanction_List">
          <table:table-row>
            <table:table-cell office:value-type="string">
              <text:p>A  <text:s text:c="2"/>b &amp; c</text:p>
            </table:table-cell>
            <table:table-cell table:number-columns-repeated="2" />
            <table:table-cell office:value-type="float" office:value="14196"><text:p>14,196</text:p></table:table-cell>
            <table:table-cell office:value-type="date" office:date-value="2022-02-25T00:00:00"><text:p>25 Feb</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><office:annotation><text:p>comment</text:p></office:annotation><text:p>one</text:p><text:p>two<text:line-break/>three</text:p></table:table-cell>
            <table:table-cell table:number-columns-repeated="16000" />
          </table:table-row>
          <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>
          <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row>
          <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
        </table:table>"#;
        let input = Input::from_bytes("t.ods".into(), "t.ods".into(), ods(t)).unwrap();
        assert_eq!(input.container, Container::Ods);
        let mut got = Vec::new();
        for_each_row(&input, &["uk_sanction_list"], |r| {
            got.push((r.row, r.texts().into_iter().map(Cow::into_owned).collect::<Vec<_>>()));
            Ok(())
        })
        .unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[0].1, ["A   b & c", "", "", "14196", "25/02/2022", "one\ntwo\nthree"]);
        assert_eq!((got[1].0, got[2].0), (5, 6));
        assert_eq!(got[2].1, ["x", "x"]);
    }

    #[test]
    fn broken_spreadsheets_are_syntax_errors() {
        let mut bytes = ods("<table:table table:name=\"S\"><table:table-row>");
        let input = Input::from_bytes("t.ods".into(), "t.ods".into(), bytes.clone()).unwrap();
        let err = for_each_row(&input, &[], |_| Ok(())).unwrap_err().to_string();
        assert!(err.starts_with("t.ods") && err.contains("malformed"), "{err}");
        // A cut-off archive is not recognised as a spreadsheet at all; an
        // archive whose content is damaged is a syntax error.
        let at = bytes.len() / 2;
        bytes[at] ^= 0xff;
        if let Ok(input) = Input::from_bytes("t.ods".into(), "t.ods".into(), bytes) {
            if input.container == Container::Ods {
                assert!(for_each_row(&input, &[], |_| Ok(())).is_err());
            }
        }
    }

    #[test]
    fn headers_match_loosely() {
        let input = Input::from_bytes(
            "h.csv".into(),
            "h.csv".into(),
            b"Nationality(/ies), D.O.B ,Group ID\n".to_vec(),
        )
        .unwrap();
        let mut cols = None;
        for_each_row(&input, &[], |r| {
            cols = Some(Columns::new(r));
            Ok(())
        })
        .unwrap();
        let cols = cols.unwrap();
        assert_eq!(cols.find(&["nationality (ies)"]), Some(0));
        assert_eq!(cols.find(&["DOB"]), Some(1));
        assert_eq!(cols.find(&["x", "GROUP ID"]), Some(2));
        assert_eq!(cols.width, 3);
    }
}
