//! Spreadsheets (`.xlsx`, `.xls`, `.ods`; WPS saves these too) into a [`Grid`] with the `calamine`
//! crate (MIT): every visible sheet, its rows numbered as the sheet shows them, its merged regions
//! (`.xlsx` and `.xls`; calamine does not report those of `.ods`, where merged blanks are filled as
//! in CSV). Natively for the command line; in the browser only in the separate sheets module
//! (feature `sheets`), which returns the grid as bytes for the main module's table reader.

use super::grid::Cell;
use super::grid::{Grid, GridRow, Merge, Sheet, SourceKind};
use super::LoadError;
use calamine::{open_workbook_from_rs, Data, DataRef, Dimensions, Ods, Reader, SheetVisible, Xls, Xlsx};
use std::io::Cursor;

/// No sheet has more rows than Excel allows; a damaged file claiming more is cut there.
const MAX_ROWS: u32 = 1_048_576;
/// Nor more columns.
const MAX_COLS: u32 = 16_384;

fn failed(e: impl std::fmt::Display) -> LoadError {
    LoadError::Spreadsheet { message: e.to_string() }
}

/// A date cell as ISO text (`2024-05-01`), a time of day or duration as the sheet's number.
fn date_cell(d: &calamine::ExcelDateTime) -> Cell {
    if !d.is_datetime() {
        return Cell::Number(d.as_f64().into());
    }
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    Cell::Text(format!("{y:04}-{m:02}-{day:02}").into())
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Int(i) => Cell::Number((*i as f64).into()),
        Data::Float(f) => Cell::Number((*f).into()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.as_str().into()),
        Data::Bool(b) => Cell::Text(b.to_string().into()),
        Data::DateTime(dt) => date_cell(dt),
        // `#REF!` stays visible: in an amount column it is an unreadable amount, said as such.
        Data::Error(e) => Cell::Text(e.to_string().into()),
        Data::Empty => Cell::Text("".into()),
    }
}

fn cell_of_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Int(i) => Cell::Number((*i as f64).into()),
        DataRef::Float(f) => Cell::Number((*f).into()),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.as_str().into()),
        DataRef::SharedString(s) => Cell::Text((*s).into()),
        DataRef::Bool(b) => Cell::Text(b.to_string().into()),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::Error(e) => Cell::Text(e.to_string().into()),
        DataRef::Empty => Cell::Text("".into()),
    }
}

/// Cells at absolute (row, column) positions into rows numbered as the sheet shows them, from
/// row 1 to the last row holding a value.
fn rows_of(cells: Vec<(u32, u32, Cell)>) -> Vec<GridRow> {
    let cells: Vec<(u32, u32, Cell)> =
        cells.into_iter().filter(|(r, c, cell)| *r < MAX_ROWS && *c < MAX_COLS && !cell.as_text().is_empty()).collect();
    let last = cells.iter().map(|(r, _, _)| *r).max().map_or(0, |r| r as usize + 1);
    let mut rows: Vec<GridRow> = (0..last).map(|r| GridRow { number: r + 1, cells: Vec::new() }).collect();
    for (r, c, cell) in cells {
        let row = &mut rows[r as usize].cells;
        if row.len() <= c as usize {
            row.resize(c as usize + 1, Cell::Text("".into()));
        }
        row[c as usize] = cell;
    }
    rows
}

fn merges_of(dims: &[Dimensions]) -> Vec<Merge> {
    dims.iter()
        .filter(|d| d.start.0 <= d.end.0 && d.start.1 <= d.end.1 && d.start.0 < MAX_ROWS && d.start.1 < MAX_COLS)
        .map(|d| Merge {
            top: d.start.0 as usize + 1,
            left: d.start.1 as usize,
            bottom: d.end.0.min(MAX_ROWS - 1) as usize + 1,
            right: d.end.1.min(MAX_COLS - 1) as usize,
        })
        .collect()
}

/// The sheets worth reading: visible worksheets, in workbook order.
fn visible<R: std::io::Read + std::io::Seek, W: Reader<R>>(book: &W) -> Vec<String> {
    book.sheets_metadata().iter().filter(|s| s.visible == SheetVisible::Visible).map(|s| s.name.clone()).collect()
}

fn read_xlsx(bytes: &[u8]) -> Result<Grid, LoadError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(failed)?;
    let mut sheets = Vec::new();
    for name in visible(&book) {
        let merged = merges_of(&book.worksheet_merge_cells(&name).and_then(Result::ok).unwrap_or_default());
        // Cell by cell, never the dense rectangle: a damaged file with two cells a million rows
        // apart costs two cells, not a million rows of empties.
        let mut cells = Vec::new();
        let mut reader = book.worksheet_cells_reader(&name).map_err(failed)?;
        while let Some(cell) = reader.next_cell().map_err(failed)? {
            let (r, c) = cell.get_position();
            cells.push((r, c, cell_of_ref(cell.get_value())));
        }
        drop(reader);
        sheets.push(Sheet { name, rows: rows_of(cells), merged });
    }
    Ok(Grid { kind: SourceKind::Xlsx, sheets })
}

fn read_xls(bytes: &[u8]) -> Result<Grid, LoadError> {
    let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(failed)?;
    let mut sheets = Vec::new();
    for name in visible(&book) {
        let merged = merges_of(&book.worksheet_merge_cells(&name).unwrap_or_default());
        let range = book.worksheet_range(&name).map_err(failed)?;
        let cells = range.used_cells().map(|(r, c, d)| (r as u32, c as u32, d)).collect::<Vec<_>>();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let cells = cells.into_iter().map(|(r, c, d)| (r + r0, c + c0, cell_of(d))).collect();
        sheets.push(Sheet { name, rows: rows_of(cells), merged });
    }
    Ok(Grid { kind: SourceKind::Xls, sheets })
}

fn read_ods(bytes: &[u8]) -> Result<Grid, LoadError> {
    let mut book: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(failed)?;
    let mut sheets = Vec::new();
    for name in visible(&book) {
        let range = book.worksheet_range(&name).map_err(failed)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let cells = range.used_cells().map(|(r, c, d)| (r as u32 + r0, c as u32 + c0, cell_of(d))).collect();
        sheets.push(Sheet { name, rows: rows_of(cells), merged: Vec::new() });
    }
    Ok(Grid { kind: SourceKind::Ods, sheets })
}

/// True when a zip archive holds an OpenDocument file (its `mimetype` entry comes first, stored).
fn is_opendocument(bytes: &[u8]) -> bool {
    bytes.get(30..38) == Some(b"mimetype") && bytes.windows(39).take(200).any(|w| w.starts_with(b"application/vnd.oasis.opendocument"))
}

/// Reads a workbook: `.xlsx` and `.ods` (zip archives, told apart by their contents), `.xls` (an
/// OLE compound file). `file_name` is only used when the bytes leave the kind open.
///
/// ```
/// use opportunity_matcher::list::read_workbook;
/// assert!(read_workbook(b"PK\x03\x04 not really a workbook", "x.xlsx").is_err());
/// ```
pub fn read_workbook(bytes: &[u8], file_name: &str) -> Result<Grid, LoadError> {
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return read_xls(bytes);
    }
    let lower = file_name.to_ascii_lowercase();
    if is_opendocument(bytes) || lower.ends_with(".ods") {
        return read_ods(bytes).or_else(|e| read_xlsx(bytes).map_err(|_| e));
    }
    read_xlsx(bytes).or_else(|e| read_ods(bytes).map_err(|_| e))
}
