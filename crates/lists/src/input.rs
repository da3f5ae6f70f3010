//! Reading input files: decompression, hashing, naming.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use veto_model::InputFile;

use crate::error::{Error, ErrorKind, Location, Result};

/// The largest decompressed input accepted (guards against zip bombs).
pub const MAX_INPUT_BYTES: u64 = 2 << 30;

/// What kind of container the bytes came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// Plain bytes.
    Plain,
    /// gzip-compressed (`.gz`).
    Gzip,
    /// A ZIP archive with one data member (`CONS_ENHANCED.ZIP`).
    Zip,
    /// An Excel workbook (`.xlsx`), kept as is for the spreadsheet reader.
    Xlsx,
    /// An OpenDocument spreadsheet (`.ods`), kept as is.
    Ods,
}

/// One input file, read into memory and decompressed.
#[derive(Debug)]
pub struct Input {
    /// The path as given.
    pub path: PathBuf,
    /// The name used in messages (the file name, plus the archive member).
    pub name: String,
    /// The content, decompressed (spreadsheets are kept as their archive).
    pub data: Vec<u8>,
    /// How the file was packed.
    pub container: Container,
    /// Hash and size of the file's bytes as stored on disk.
    pub file: InputFile,
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

impl Input {
    /// Reads a file from disk.
    ///
    /// # Errors
    ///
    /// Fails if the file cannot be read or its compression is broken.
    pub fn read(path: &Path) -> Result<Input> {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let raw = std::fs::read(path)
            .map_err(|e| Error::file(path.display().to_string(), ErrorKind::Io(e)))?;
        Input::from_bytes(path.to_path_buf(), name, raw)
    }

    /// Builds an input from bytes already in memory (downloads, tests, the
    /// embedded default lists).
    ///
    /// # Errors
    ///
    /// Fails if the compression is broken.
    pub fn from_bytes(path: PathBuf, name: String, raw: Vec<u8>) -> Result<Input> {
        let file = InputFile {
            path: path.display().to_string(),
            sha256: sha256_hex(&raw),
            bytes: raw.len() as u64,
        };
        let (data, container, name) = unpack(&name, raw)?;
        Ok(Input { path, name, data, container, file })
    }

    /// The content as UTF-8 text, without a byte-order mark.
    ///
    /// # Errors
    ///
    /// Fails, naming the line, if the content is not valid UTF-8.
    pub fn text(&self) -> Result<&str> {
        let bytes = self.data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.data);
        std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64;
            Error::syntax(
                &self.name,
                Location::Line(line),
                format!("invalid UTF-8 at byte {}", at + (self.data.len() - bytes.len())),
            )
        })
    }
}

fn unpack(name: &str, raw: Vec<u8>) -> Result<(Vec<u8>, Container, String)> {
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(MAX_INPUT_BYTES)
            .read_to_end(&mut out)
            .map_err(|e| Error::syntax(name, Location::File, format!("broken gzip data: {e}")))?;
        let inner = name.strip_suffix(".gz").unwrap_or(name).to_string();
        let (data, container, inner) = unpack(&inner, out)?;
        let container = if container == Container::Plain { Container::Gzip } else { container };
        return Ok((data, container, inner));
    }
    if raw.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&raw[..]))
            .map_err(|e| Error::syntax(name, Location::File, format!("broken ZIP archive: {e}")))?;
        let names: Vec<String> = zip.file_names().map(str::to_string).collect();
        if names.iter().any(|n| n == "xl/workbook.xml") {
            return Ok((raw, Container::Xlsx, name.to_string()));
        }
        if names.iter().any(|n| n == "content.xml") && names.iter().any(|n| n == "mimetype") {
            return Ok((raw, Container::Ods, name.to_string()));
        }
        let members: Vec<&String> = names.iter().filter(|n| !n.ends_with('/')).collect();
        let [member] = members.as_slice() else {
            return Err(Error::file(
                name,
                ErrorKind::UnknownFormat(format!(
                    "ZIP archive with {} files ({}); expected one list file",
                    members.len(),
                    names.join(", ")
                )),
            ));
        };
        let member = (*member).clone();
        let mut out = Vec::new();
        zip.by_name(&member)
            .map_err(|e| Error::syntax(name, Location::File, format!("broken ZIP member: {e}")))?
            .take(MAX_INPUT_BYTES)
            .read_to_end(&mut out)
            .map_err(|e| Error::syntax(name, Location::File, format!("broken ZIP member: {e}")))?;
        return Ok((out, Container::Zip, format!("{name}/{member}")));
    }
    Ok((raw, Container::Plain, name.to_string()))
}

/// Finds a `YYYY-MM-DD` or `YYYYMMDD` date in a path, for files whose content
/// carries no date (OFAC's legacy CSV).
pub fn date_in_path(path: &Path) -> Option<veto_model::PartialDate> {
    let s = path.to_string_lossy();
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |i: usize, n: usize| s.get(i..i + n).and_then(|t| t.parse::<u16>().ok());
    let mut found = None;
    for i in 0..b.len() {
        if i > 0 && digit(i - 1) {
            continue;
        }
        // YYYY-MM-DD
        if (0..4).all(|k| digit(i + k))
            && b.get(i + 4) == Some(&b'-')
            && digit(i + 5)
            && digit(i + 6)
            && b.get(i + 7) == Some(&b'-')
            && digit(i + 8)
            && digit(i + 9)
            && !digit(i + 10)
        {
            if let (Some(y), Some(m), Some(d)) = (num(i, 4), num(i + 5, 2), num(i + 8, 2)) {
                if let Ok(date) = veto_model::PartialDate::new(y, Some(m as u8), Some(d as u8)) {
                    found = Some(date);
                }
            }
        } else if (0..8).all(|k| digit(i + k)) && !digit(i + 8) {
            if let (Some(y), Some(m), Some(d)) = (num(i, 4), num(i + 4, 2), num(i + 6, 2)) {
                if (1990..=2100).contains(&y) {
                    if let Ok(date) = veto_model::PartialDate::new(y, Some(m as u8), Some(d as u8))
                    {
                        found = Some(date);
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_paths() {
        let d = |p: &str| date_in_path(Path::new(p)).map(|d| d.to_string());
        assert_eq!(d("lists/ofac/2024-05-03/sdn.csv").as_deref(), Some("2024-05-03"));
        assert_eq!(d("csv-2025-12-19/cons_prim.csv").as_deref(), Some("2025-12-19"));
        assert_eq!(d("20250801-FULL-1_0.csv").as_deref(), Some("2025-08-01"));
        assert_eq!(d("sdn.csv"), None);
        assert_eq!(d("x/2024-13-40/sdn.csv"), None);
    }

    #[test]
    fn gzip_is_unpacked() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        let input = Input::from_bytes("a.csv.gz".into(), "a.csv.gz".into(), gz).unwrap();
        assert_eq!(input.data, b"hello");
        assert_eq!(input.name, "a.csv");
        assert_eq!(input.container, Container::Gzip);
        let bad = Input::from_bytes("b.gz".into(), "b.gz".into(), vec![0x1f, 0x8b, 8, 0, 1]);
        assert!(bad.unwrap_err().to_string().contains("broken gzip"));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let input =
            Input::from_bytes("x".into(), "x.csv".into(), b"a\nb\n\xff\n".to_vec()).unwrap();
        let err = input.text().unwrap_err().to_string();
        assert_eq!(err, "x.csv: line 3: malformed: invalid UTF-8 at byte 4");
    }
}
