//! A list's file read where it is kept — in the browser, the page's `Uint8Array`, outside the wasm
//! heap — a piece at a time, instead of copied whole into the heap first.
//!
//! A JSON, CSV or TSV list in UTF-8 (what portals publish, what an office exports, and what a
//! national list is) is parsed or split straight from the bytes a megabyte at a time, so that its
//! text is never held beside the values read from it: at 100,000 projects that is 50–70 MB less at
//! the moment the load needs the most memory. Any other file — a legacy encoding, UTF-16, damaged
//! JSON, a workbook — is copied and read by [`super::read_owned_table_bytes`], so every file loads,
//! is rejected and is reported exactly as [`super::load_bytes`] does.

use super::decode::Encoding;
use super::grid::{delimited_grid, holds_records, is_table_bytes, sniff_delimiter, Splitter};
use super::{
    detect_format, is_spreadsheet, json, keyed_table_rows, table_bytes, table_rows, Format, GridRow, LoadError, ReadingChoices, TableRows,
    Vocabulary,
};

/// Bytes that can be read at any offset, where they are kept.
///
/// ```
/// use opportunity_matcher::list::ReadAt;
/// let bytes: &[u8] = br#"[{"name":"A"}]"#;
/// let mut out = [0u8; 4];
/// assert!(bytes.read_at(3, &mut out));
/// assert_eq!(&out, b"name");
/// assert!(!bytes.read_at(14, &mut out)); // past the end: false
/// ```
pub trait ReadAt {
    /// Length in bytes.
    fn size(&self) -> usize;
    /// Copies `at..at + out.len()` into `out`; false (and `out` unspecified) when out of range.
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool;
}

impl ReadAt for Vec<u8> {
    fn size(&self) -> usize {
        self.len()
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        self.as_slice().read_at(at, out)
    }
}

impl ReadAt for &[u8] {
    fn size(&self) -> usize {
        self.len()
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        match at.checked_add(out.len()).and_then(|end| self.get(at..end)) {
            Some(bytes) => {
                out.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }
}

/// How much is read at a time.
const CHUNK: usize = 1 << 20;

/// Files up to this size are read from a copy: a province's list costs the heap little either way,
/// and the parser reads a text in one piece faster than through a reader (natively, a tree of 72 MB
/// of JSON in 0.27 s against 0.37 s).
const IN_PLACE_FROM: usize = 2 * CHUNK;

/// Reads a table from bytes kept elsewhere, as [`super::read_owned_table_bytes`] reads a copy of
/// them: a JSON, CSV or TSV list in UTF-8 read from the bytes a chunk at a time, anything else (or
/// a list that does not load that way) from a copy. A compact list (`.oml`) has no table: open it
/// with `Matcher::from_compact_source`.
///
/// ```
/// use opportunity_matcher::list::{read_table_at, ReadingChoices, Vocabulary};
/// let json = r#"{"projects":[{"项目名称":"动力电池项目","地点":"成都","总投资（亿元）":5}]}"#;
/// let table = read_table_at(&json.as_bytes(), "list.json", Vocabulary::List, &ReadingChoices::default()).unwrap();
/// assert_eq!(table.rows.len(), 1);
/// assert_eq!(table.reading.json_path.as_deref(), Some("projects"));
/// ```
pub fn read_table_at(source: &dyn ReadAt, file_name: &str, vocab: Vocabulary, choices: &ReadingChoices) -> Result<TableRows, LoadError> {
    read_table_at_packed(source, file_name, vocab, choices).map(TableRows::build_rows)
}

/// [`read_table_at`] leaving the rows pending (`TableRows::pending`: a JSON list's packed rows, a
/// sheet's classified cells) for `Matcher::from_table_into` to build one at a time.
pub(crate) fn read_table_at_packed(
    source: &dyn ReadAt,
    file_name: &str,
    vocab: Vocabulary,
    choices: &ReadingChoices,
) -> Result<TableRows, LoadError> {
    if let Some(Ok(table)) = text_in_place(source, file_name, vocab, choices) {
        return Ok(table);
    }
    let mut bytes = vec![0; source.size()];
    if !source.read_at(0, &mut bytes) {
        return Err(LoadError::Empty);
    }
    table_bytes(std::borrow::Cow::Owned(bytes), file_name, vocab, choices)
}

/// A JSON, CSV or TSV list in UTF-8 read from its bytes where they are; `None` when the file is
/// anything else (or small), and an error when it does not read as UTF-8 text: either way the
/// caller reads a copy the usual way (other encodings, the error worded as for any file).
fn text_in_place(
    source: &dyn ReadAt,
    file_name: &str,
    vocab: Vocabulary,
    choices: &ReadingChoices,
) -> Option<Result<TableRows, LoadError>> {
    let len = source.size();
    if len <= IN_PLACE_FROM {
        return None;
    }
    let mut head = vec![0u8; len.min(CHUNK)];
    if !source.read_at(0, &mut head) || is_table_bytes(&head) || is_spreadsheet(&head) || crate::oml::is_compact(&head) {
        return None;
    }
    // Byte order marks, as `decode_candidates_owned` drops them (every mark of a doubled one).
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let mut start = 0;
    while head[start..].starts_with(BOM) {
        start += BOM.len();
    }
    if start == 0 && [b"\xff\xfe".as_slice(), b"\xfe\xff", b"\x84\x31\x95\x33"].iter().any(|m| head.starts_with(m)) {
        return None;
    }
    // The format as `detect_format` decides it on the text's start.
    let prefix = match std::str::from_utf8(&head[start..]) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&head[start..start + e.valid_up_to()]).unwrap_or_default(),
    };
    if prefix.trim_start_matches('\u{feff}').trim_start().is_empty() {
        return None;
    }
    let is_json = detect_format(prefix, file_name) == Format::Json;
    drop(head);
    let read = if is_json {
        // No check of the whole text first: JSON is ASCII outside its strings and the parser
        // checks every string's UTF-8 and refuses a raw control character in one, so a document
        // that parses is valid UTF-8 without a zero byte (the sign of UTF-16); one that does not
        // is read again from a copy, where every encoding is tried.
        let reader = std::io::BufReader::with_capacity(CHUNK, Pieces { source, at: start });
        json::json_table_from_reader(reader, vocab).map(|table| keyed_table_rows(table, vocab, choices))
    } else {
        let (rows, delimiter) = split_in_place(source, start)?;
        table_rows(delimited_grid(rows, delimiter)?, Format::Csv, vocab, choices)
    };
    Some(read.map(|mut table| {
        table.encoding = Encoding::Utf8;
        table.reading.encoding = Some(Encoding::Utf8);
        table
    }))
}

/// Delimited text in UTF-8 split into rows a piece at a time, as [`super::split_delimited`] splits
/// it whole: the delimiter sniffed on the first piece (`None` when its first fifty records are not
/// all in it), a record or a character cut by a piece's end carried into the next. `None` for
/// bytes that are not UTF-8 or hold a zero byte (UTF-16): those are read from a copy, where every
/// encoding is tried.
fn split_in_place(source: &dyn ReadAt, start: usize) -> Option<(Vec<GridRow>, u8)> {
    let len = source.size();
    let mut piece: Vec<u8> = Vec::with_capacity(CHUNK + 16);
    let mut splitter: Option<(Splitter, u8)> = None;
    let mut at = start;
    loop {
        let n = CHUNK.min(len - at);
        let kept = piece.len();
        piece.resize(kept + n, 0);
        if !source.read_at(at, &mut piece[kept..]) || piece[kept..].contains(&0) {
            return None;
        }
        at += n;
        let last = at >= len;
        let text = match std::str::from_utf8(&piece) {
            Ok(t) => t,
            // A character cut by the piece's end: read with the next piece.
            Err(e) if e.error_len().is_none() && !last => std::str::from_utf8(&piece[..e.valid_up_to()]).ok()?,
            Err(_) => return None,
        };
        let (split, _) = match &mut splitter {
            Some(s) => s,
            None => {
                if !last && !holds_records(text, 50) {
                    return None;
                }
                let delimiter = sniff_delimiter(text);
                splitter.insert((Splitter::new(delimiter), delimiter))
            }
        };
        let used = split.feed(text.as_bytes(), last);
        piece.drain(..used);
        if last {
            break;
        }
    }
    splitter.map(|(split, delimiter)| (split.finish(), delimiter))
}

/// The source from an offset on, as `std::io::Read`.
struct Pieces<'s> {
    source: &'s dyn ReadAt,
    at: usize,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = out.len().min(self.source.size().saturating_sub(self.at));
        if n > 0 && !self.source.read_at(self.at, &mut out[..n]) {
            return Err(std::io::Error::other("the list's bytes could not be read"));
        }
        self.at += n;
        Ok(n)
    }
}
