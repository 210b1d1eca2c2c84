//! The raw table every source becomes before it is read: sheets of rows of cells, each row with the
//! number a spreadsheet shows, and the merged regions of a spreadsheet. CSV and TSV text is split
//! here (RFC 4180); JSON in `raw.rs`; spreadsheets in `sheets.rs` (natively, or in the browser by
//! the separate sheets module, which hands the grid over in the compact byte form of
//! [`Grid::to_bytes`]). The table reader (`table.rs`) then reads every grid the same way.

use serde::Serialize;

/// A cell as the source gave it. Twelve bytes in wasm32 (a national list's grid holds millions):
/// boxed text and lists, and the number as its bits ([`Figure`]), which an `f64` would align to 16.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (CSV cells, JSON strings, spreadsheet text; blank is `Text("")`).
    Text(Box<str>),
    /// A JSON array of strings.
    List(Box<[String]>),
    /// A number (JSON, spreadsheet).
    Number(Figure),
}

/// A cell's number, kept as the two halves of its bits so that a [`Cell`] needs no 8-byte
/// alignment.
///
/// ```
/// use opportunity_matcher::list::{Cell, Figure};
/// assert_eq!(Figure::new(2.5).get(), 2.5);
/// assert_eq!(Cell::Number(2.5.into()).as_text(), "2.5");
/// ```
#[derive(Clone, Copy)]
pub struct Figure([u32; 2]);

impl Figure {
    /// The figure of `v`.
    pub fn new(v: f64) -> Figure {
        let bits = v.to_bits();
        Figure([bits as u32, (bits >> 32) as u32])
    }

    /// The number.
    pub fn get(self) -> f64 {
        f64::from_bits(self.0[0] as u64 | (self.0[1] as u64) << 32)
    }
}

impl From<f64> for Figure {
    fn from(v: f64) -> Figure {
        Figure::new(v)
    }
}

/// Compared as numbers (`NaN` is unequal to itself, `0.0` equals `-0.0`), as `f64` is.
impl PartialEq for Figure {
    fn eq(&self, other: &Figure) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl Cell {
    /// True when [`Cell::as_text`] would be empty, without making the text.
    ///
    /// ```
    /// use opportunity_matcher::list::Cell;
    /// assert!(Cell::Text(" ".into()).is_blank());
    /// assert!(!Cell::List(vec![String::new(), String::new()].into()).is_blank()); // "、"
    /// assert!(!Cell::Number(0.0.into()).is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Text(s) => s.trim().is_empty(),
            Cell::List(v) => v.len() <= 1 && v.iter().all(String::is_empty),
            Cell::Number(_) => false,
        }
    }

    /// The cell as text (a list joined with `、`, a number without trailing zeros).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_string(),
            Cell::List(v) => v.join("、"),
            Cell::Number(n) => {
                let n = n.get();
                if n.fract() == 0.0 && n.abs() < 1e17 {
                    format!("{}", n as i64)
                } else {
                    n.to_string()
                }
            }
        }
    }
}

/// What a grid was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Comma- or semicolon-separated text.
    #[default]
    Csv,
    /// Tab-separated text (Excel's "Unicode text", a range pasted from a sheet).
    Tsv,
    /// JSON: an array of project objects, possibly inside an API envelope.
    Json,
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// A binary Excel workbook (`.xls`, also what WPS saves).
    Xls,
    /// An OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl SourceKind {
    /// True for the spreadsheet kinds.
    pub fn is_spreadsheet(self) -> bool {
        matches!(self, SourceKind::Xlsx | SourceKind::Xls | SourceKind::Ods)
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Option<SourceKind> {
        [SourceKind::Csv, SourceKind::Tsv, SourceKind::Json, SourceKind::Xlsx, SourceKind::Xls, SourceKind::Ods]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A merged region of a sheet: rows as the sheet numbers them (1-based), columns from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// First row number.
    pub top: usize,
    /// First column.
    pub left: usize,
    /// Last row number.
    pub bottom: usize,
    /// Last column.
    pub right: usize,
}

impl Merge {
    /// True when the region covers this row number and column.
    pub fn covers(&self, row: usize, col: usize) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }
}

/// One row of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// The row number a spreadsheet shows (1-based; for CSV the record number, for JSON the
    /// position in the array).
    pub number: usize,
    /// The cells, from the first column.
    pub cells: Vec<Cell>,
}

/// One sheet (CSV and JSON have one, unnamed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name (`""` for CSV and JSON).
    pub name: String,
    /// The rows, in order; blank rows included, so numbers stay those the sheet shows.
    pub rows: Vec<GridRow>,
    /// Merged regions (spreadsheets only).
    pub merged: Vec<Merge>,
}

/// Sheets of rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// What it was read from.
    pub kind: SourceKind,
    /// The sheets, in workbook order.
    pub sheets: Vec<Sheet>,
}

/// The first bytes of [`Grid::to_bytes`].
pub const TABLE_MAGIC: &[u8; 8] = b"OMTABLE\x01";

/// True when the bytes are a grid in the form of [`Grid::to_bytes`] (what the sheets module returns).
pub fn is_table_bytes(bytes: &[u8]) -> bool {
    bytes.starts_with(TABLE_MAGIC)
}

fn put_len(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push(0x80 | (n & 0x7f) as u8);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the table ends too early")?;
        self.at += 1;
        Ok(b)
    }
    fn len(&mut self) -> Result<usize, String> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= ((b & 0x7f) as usize).checked_shl(shift).ok_or("a length is too large")?;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a length is too large".into())
    }
    /// A count of items that each take at least one byte: no more than the bytes left.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.len()?;
        if n > self.bytes.len() - self.at {
            return Err("a count is larger than the table".into());
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, String> {
        let n = self.count()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).map_err(|_| "a text is not UTF-8")?;
        self.at += n;
        Ok(s.to_string())
    }
}

impl Grid {
    /// The grid as compact bytes: how the sheets module hands a spreadsheet to the main module.
    ///
    /// ```
    /// use opportunity_matcher::list::{Cell, Grid, GridRow, Merge, Sheet, SourceKind};
    /// let grid = Grid {
    ///     kind: SourceKind::Xlsx,
    ///     sheets: vec![Sheet {
    ///         name: "项目".into(),
    ///         rows: vec![GridRow { number: 3, cells: vec![Cell::Text("项目名称".into()), Cell::Number(1.5.into())] }],
    ///         merged: vec![Merge { top: 3, left: 0, bottom: 4, right: 0 }],
    ///     }],
    /// };
    /// assert_eq!(Grid::from_bytes(&grid.to_bytes()), Ok(grid));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = TABLE_MAGIC.to_vec();
        out.push(self.kind.code());
        put_len(&mut out, self.sheets.len());
        for sheet in &self.sheets {
            put_str(&mut out, &sheet.name);
            put_len(&mut out, sheet.rows.len());
            for row in &sheet.rows {
                put_len(&mut out, row.number);
                put_len(&mut out, row.cells.len());
                for cell in &row.cells {
                    match cell {
                        Cell::Text(t) if t.is_empty() => out.push(0),
                        Cell::Text(t) => {
                            out.push(1);
                            put_str(&mut out, t);
                        }
                        Cell::Number(n) => {
                            out.push(2);
                            out.extend_from_slice(&n.get().to_le_bytes());
                        }
                        Cell::List(items) => {
                            out.push(1);
                            put_str(&mut out, &items.join("、"));
                        }
                    }
                }
            }
            put_len(&mut out, sheet.merged.len());
            for m in &sheet.merged {
                for n in [m.top, m.left, m.bottom, m.right] {
                    put_len(&mut out, n);
                }
            }
        }
        out
    }

    /// Reads [`Grid::to_bytes`]; damaged bytes give a message, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Grid, String> {
        let body = bytes.strip_prefix(TABLE_MAGIC.as_slice()).ok_or("not a table")?;
        let mut r = Reader { bytes: body, at: 0 };
        let kind = SourceKind::from_code(r.byte()?).ok_or("unknown source kind")?;
        let mut sheets = Vec::new();
        for _ in 0..r.count()? {
            let name = r.str()?;
            let mut rows = Vec::new();
            for _ in 0..r.count()? {
                let number = r.len()?;
                let mut cells = Vec::new();
                for _ in 0..r.count()? {
                    cells.push(match r.byte()? {
                        0 => Cell::Text("".into()),
                        1 => Cell::Text(r.str()?.into()),
                        2 => {
                            let end = r.at + 8;
                            let b: [u8; 8] =
                                r.bytes.get(r.at..end).ok_or("the table ends too early")?.try_into().map_err(|_| "bad number")?;
                            r.at = end;
                            Cell::Number(f64::from_le_bytes(b).into())
                        }
                        _ => return Err("unknown cell type".into()),
                    });
                }
                rows.push(GridRow { number, cells });
            }
            let mut merged = Vec::new();
            for _ in 0..r.count()? {
                let (top, left, bottom, right) = (r.len()?, r.len()?, r.len()?, r.len()?);
                merged.push(Merge { top, left, bottom, right });
            }
            sheets.push(Sheet { name, rows, merged });
        }
        Ok(Grid { kind, sheets })
    }
}

/// Record ends and quoted fields of delimited text, for sniffing the delimiter: the counts of
/// `delims` outside quotes on each of the first `max_lines` records.
fn counts_per_record(text: &str, delims: &[u8], max_lines: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); delims.len()];
    let mut current = vec![0usize; delims.len()];
    let mut quoted = false;
    let mut records = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && records < max_lines {
        let c = b[i];
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && (c == b'\n' || c == b'\r') {
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            for (k, n) in current.iter_mut().enumerate() {
                out[k].push(std::mem::take(n));
            }
            records += 1;
        } else if !quoted && (c == b'\t' || c == b',' || c == b';') {
            if let Some(k) = delims.iter().position(|d| *d == c) {
                current[k] += 1;
            }
        }
        i += 1;
    }
    if records < max_lines {
        for (k, n) in current.iter().enumerate() {
            out[k].push(*n);
        }
    }
    out
}

/// Picks the delimiter: the one that occurs the same number of times (its most common non-zero
/// count) on the most records among the first fifty, so title rows above the header and commas
/// inside the cells of a TSV do not mislead it. Ties: tab, then comma, then semicolon.
pub fn sniff_delimiter(text: &str) -> u8 {
    const DELIMS: [u8; 3] = [b'\t', b',', b';'];
    let counts = counts_per_record(text, &DELIMS, 50);
    let mut best = (0usize, 0usize, b',');
    for (k, per_line) in counts.iter().enumerate() {
        let mut values: Vec<usize> = per_line.iter().copied().filter(|n| *n > 0).collect();
        crate::sort::sort_by_key(&mut values, |v| *v);
        let mut mode = (0usize, 0usize); // (lines, count)
        let mut i = 0;
        while i < values.len() {
            let j = values[i..].iter().take_while(|v| **v == values[i]).count();
            if j > mode.0 || (j == mode.0 && values[i] > mode.1) {
                mode = (j, values[i]);
            }
            i += j;
        }
        if mode.0 > best.0 || (mode.0 == best.0 && mode.1 > best.1) {
            best = (mode.0, mode.1, DELIMS[k]);
        }
    }
    best.2
}

/// Splits delimited text into rows (RFC 4180: quoted delimiters, doubled quotes, line breaks inside
/// quotes; bare CR, LF or CRLF end a record). Every record is a row, blank ones included, numbered
/// from 1 as a spreadsheet opening the file numbers them.
///
/// ```
/// use opportunity_matcher::list::{split_delimited, Cell};
/// let (rows, delimiter) = split_delimited("标题\n\n名称,地点\n\"A,B\",成都\n");
/// assert_eq!(delimiter, b',');
/// assert_eq!(rows.len(), 4);
/// assert_eq!(rows[3].number, 4);
/// assert_eq!(rows[3].cells[0], Cell::Text("A,B".into()));
/// ```
pub fn split_delimited(text: &str) -> (Vec<super::grid::GridRow>, u8) {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = sniff_delimiter(text);
    let mut splitter = Splitter::new(delimiter);
    splitter.feed(text.as_bytes(), true);
    (splitter.finish(), delimiter)
}

/// [`split_delimited`]'s state machine, fed a piece of the text at a time (a large file read where
/// its bytes are): the rows so far, and the record and cell being read.
pub(crate) struct Splitter {
    delimiter: u8,
    rows: Vec<GridRow>,
    cells: Vec<Cell>,
    cell: Vec<u8>,
    quoted: bool,
    field_start: bool,
}

impl Splitter {
    pub(crate) fn new(delimiter: u8) -> Splitter {
        Splitter { delimiter, rows: Vec::new(), cells: Vec::new(), cell: Vec::new(), quoted: false, field_start: true }
    }

    fn finish_cell(&mut self) {
        // Only ASCII bytes split cells, so every cell is whole UTF-8.
        let cell = String::from_utf8_lossy(&self.cell).into_owned();
        self.cell.clear();
        self.cells.push(Cell::Text(cell.into()));
    }

    fn finish_record(&mut self) {
        self.finish_cell();
        // The next record is sized like this one (a table's records have the same cells): no
        // vector grown and left with spare room per row of a national list.
        let width = self.cells.len();
        let cells = std::mem::replace(&mut self.cells, Vec::with_capacity(width));
        self.rows.push(GridRow { number: self.rows.len() + 1, cells });
    }

    /// Reads `b`; returns how many bytes were used. Unless `last`, a piece that ends where the next
    /// byte decides (a `\r` before a possible `\n`, a quote before a possible second one) leaves
    /// those bytes unused, to be fed again at the start of the next piece.
    pub(crate) fn feed(&mut self, b: &[u8], last: bool) -> usize {
        let delimiter = self.delimiter;
        let special = |c: u8| c == delimiter || c == b'"' || c == b'\n' || c == b'\r';
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if self.quoted {
                // Copy up to the next quote in one go.
                let run = b[i..].iter().position(|&c| c == b'"').unwrap_or(b.len() - i);
                self.cell.extend_from_slice(&b[i..i + run]);
                i += run;
                if i < b.len() {
                    if i + 1 == b.len() && !last {
                        return i;
                    }
                    if b.get(i + 1) == Some(&b'"') {
                        self.cell.push(b'"');
                        i += 1;
                    } else {
                        self.quoted = false;
                    }
                }
            } else if c == b'"' && self.field_start {
                self.quoted = true;
                self.field_start = false;
            } else if c == delimiter {
                self.finish_cell();
                self.field_start = true;
            } else if c == b'\n' || c == b'\r' {
                if c == b'\r' && i + 1 == b.len() && !last {
                    return i;
                }
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                self.finish_record();
                self.field_start = true;
            } else {
                // Copy up to the next delimiter, quote or line end in one go.
                let run = b[i..].iter().position(|&c| special(c)).unwrap_or(b.len() - i).max(1);
                self.cell.extend_from_slice(&b[i..i + run]);
                self.field_start = false;
                i += run;
                continue;
            }
            i += 1;
        }
        b.len()
    }

    /// The rows, the last record ended by the end of the text.
    pub(crate) fn finish(mut self) -> Vec<GridRow> {
        if !self.cell.is_empty() || !self.cells.is_empty() || self.quoted || !self.field_start {
            self.finish_cell();
            let cells = std::mem::take(&mut self.cells);
            self.rows.push(GridRow { number: self.rows.len() + 1, cells });
        }
        self.rows
    }
}

/// Rows split from delimited text as a one-sheet grid (CSV, or TSV when tabs split it); `None`
/// when every cell is blank.
pub(crate) fn delimited_grid(rows: Vec<GridRow>, delimiter: u8) -> Option<Grid> {
    if rows.iter().all(|r| r.cells.iter().all(Cell::is_blank)) {
        return None;
    }
    let kind = if delimiter == b'\t' { SourceKind::Tsv } else { SourceKind::Csv };
    Some(Grid { kind, sheets: vec![Sheet { name: String::new(), rows, merged: Vec::new() }] })
}

/// True when `text` holds more than `records` records (quoted line breaks read as
/// [`sniff_delimiter`] reads them): its first `records` are whole.
pub(crate) fn holds_records(text: &str, records: usize) -> bool {
    counts_per_record(text, b",", records + 1)[0].len() > records
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_split_a_piece_at_a_time_is_the_text_split_whole() {
        let samples = [
            "项目名称,地点,总投资\r\n\"A,\"\"甲\"\"\r\n乙\",成都,5亿\r\nB,绵阳,\"\"\r\n\r\nC,\"德阳\"\r",
            "标题\n\n名称\t地点\n\"多行\n文字\"\t成都\n末行\t",
            "a;b;c\rd;\"e\"\"\";f\r\n\"\"\"\"\r",
            "\"未闭合,的引号\n继续",
            "x,y\n1,2",
        ];
        for text in samples {
            let whole = split_delimited(text);
            let bytes = text.as_bytes();
            for size in 1..=9 {
                let mut split = Splitter::new(whole.1);
                let mut pending: Vec<u8> = Vec::new();
                let pieces: Vec<&[u8]> = bytes.chunks(size).collect();
                for (k, piece) in pieces.iter().enumerate() {
                    pending.extend_from_slice(piece);
                    let used = split.feed(&pending, k + 1 == pieces.len());
                    pending.drain(..used);
                }
                assert!(pending.is_empty(), "{text:?} in pieces of {size}");
                assert_eq!(split.finish(), whole.0, "{text:?} in pieces of {size}");
            }
        }
    }

    use super::*;

    fn texts(rows: &[GridRow]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.cells.iter().map(Cell::as_text).collect()).collect()
    }

    #[test]
    fn quotes_line_breaks_and_blank_records() {
        let (rows, _) = split_delimited("a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\r\n\r\nlast,\n");
        assert_eq!(texts(&rows), [vec!["a", "b"], vec!["x\ny", "say \"hi\""], vec![""], vec!["last", ""]]);
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2, 3, 4]);
        // No final line end; a bare CR.
        let (rows, _) = split_delimited("a,b\rc,d");
        assert_eq!(texts(&rows), [vec!["a", "b"], vec!["c", "d"]]);
    }

    #[test]
    fn the_delimiter_survives_title_rows_and_commas_in_cells() {
        let tsv = "2024年重点项目表\n项目名称\t地点\t简介\nA\t成都\t一,二,三,四,五\nB\t绵阳\t六,七,八,九,十\n";
        assert_eq!(sniff_delimiter(tsv), b'\t');
        let csv = "附件2\n2024年重点项目表\n序号,项目名称,地点,总投资\n1,A,成都,1\n2,B,绵阳,2\n";
        assert_eq!(sniff_delimiter(csv), b',');
        assert_eq!(sniff_delimiter("名称;地点\nA;成都\n"), b';');
    }

    #[test]
    fn damaged_table_bytes_are_an_error() {
        let grid = Grid { kind: SourceKind::Ods, sheets: vec![Sheet { name: "a".into(), rows: vec![], merged: vec![] }] };
        let bytes = grid.to_bytes();
        for cut in 0..bytes.len() {
            assert!(Grid::from_bytes(&bytes[..cut]).is_err());
        }
        let mut huge = TABLE_MAGIC.to_vec();
        huge.extend_from_slice(&[3, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(Grid::from_bytes(&huge).is_err());
    }
}
