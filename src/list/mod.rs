//! Loading an opportunity list (docs/contract.md, "List format") as officials publish it: JSON
//! (also inside a portal's API envelope), CSV or TSV in UTF-8, UTF-16, GB18030/GBK or Big5, or a
//! spreadsheet (`.xlsx`, `.xls`, `.ods`), with English keys or the Chinese headers officials use,
//! title rows, two-row headers, group headings, totals and notes (see `table.rs`).
//!
//! One path for every source: bytes → text (`decode.rs`) or a workbook (`sheets.rs`) → a [`Grid`]
//! (`grid.rs`), or JSON's rows packed as they are parsed (`json.rs`) → the table reader (`table.rs`)
//! → raw rows (`raw.rs`) → validation (`validate.rs`).
//! How the table was read is a [`TableReading`] on the list.
//!
//! Every row that can be used loads; every row that cannot is a [`Rejection`] naming its row, field,
//! value and reason; problems that do not stop a row are [`Warning`]s. Loading never panics and never
//! hangs, whatever the bytes: the only error for the whole list is a [`LoadError`] (empty file,
//! broken JSON, no name column, bytes in no encoding tried).
//!
//! ```
//! use opportunity_matcher::list::load_text;
//! let list = load_text("项目名称,所属行业,项目地点,总投资\n动力电池项目,装备制造,成都市双流区,50亿元\n,电子信息,成都,1亿\n", "list.csv").unwrap();
//! assert_eq!(list.projects.len(), 1);
//! assert_eq!(list.projects[0].investment.unwrap().min, 5_000_000_000);
//! assert_eq!(list.rejected[0].row, 3);
//! ```

mod decode;
mod export;
mod fields;
mod grid;
mod json;
pub(crate) mod raw;
mod reading;
mod report;
#[cfg(any(not(target_arch = "wasm32"), feature = "sheets"))]
mod sheets;
mod source;
mod store;
mod table;
pub(crate) mod validate;

pub use decode::{decode, decode_candidates, decode_candidates_owned, is_garbled, platform_codec, Codec, Encoding, Legacy};
pub use export::to_normalised_json;
pub use fields::{field_for_header, header_unit, read_header, ColumnRole, Field, HeaderMatch, PlaceLevel, Vocabulary};
pub use grid::{is_table_bytes, split_delimited, Cell, Figure, Grid, GridRow, Merge, Sheet, SourceKind};
pub use raw::RawRow;
pub use reading::{
    column_letter, ColumnChoice, ColumnReading, FillSource, FilledCells, GroupReading, IgnoredColumn, IgnoredSheet, IgnoredWhy,
    ReadingChoices, RowNote, SequenceReading, SheetReading, SkipWhy, SkippedRow, TableReading, UnitReading, UnitSource,
};
pub use report::{RejectReason, Rejection, Warning, WarningKind};
#[cfg(any(not(target_arch = "wasm32"), feature = "sheets"))]
pub use sheets::read_workbook;
pub(crate) use source::read_table_at_packed;
pub use source::{read_table_at, ReadAt};

pub(crate) use store::FacetCounter;
pub use store::{Facets, ProjectRecords, ProjectStore, Projects, ThreadSafe};

use crate::gazetteer::RegionId;
use crate::money::{Amount, Currency, Fx};
use crate::Lang;
use serde::Serialize;
use std::borrow::Cow;

/// One project of the list, validated and normalised.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// Unique id (`row-N` when the list gave none).
    pub id: String,
    /// Project name as published.
    pub name: String,
    /// English name, if given.
    pub name_en: Option<String>,
    /// Sector as written by the publisher (mapped to the taxonomy when ranked).
    pub sector: String,
    /// Sub-fields, chain links and keywords.
    pub tags: Vec<String>,
    /// The place as written.
    pub region_text: String,
    /// The resolved place: the deepest known division or zone.
    pub region: RegionId,
    /// Industrial park or carrier.
    pub park: Option<String>,
    /// Total investment (`None`: amount not published).
    pub investment: Option<Amount>,
    /// The part sought from investors (`None`: same as the investment).
    pub seeking: Option<Amount>,
    /// Cooperation modes (独资, 合资, PPP …).
    pub cooperation: Vec<String>,
    /// Stage (策划, 前期, 在谈 …).
    pub stage: Option<String>,
    /// Land in mu.
    pub land_mu: Option<f64>,
    /// Description.
    pub description: Option<String>,
    /// English description.
    pub description_en: Option<String>,
    /// Benefits, market outlook.
    pub benefits: Option<String>,
    /// Supporting policies.
    pub policies: Option<String>,
    /// Contact organisation.
    pub contact_org: Option<String>,
    /// Contact person.
    pub contact_name: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// The publisher's own emphasis, 0–100.
    pub priority: Option<u8>,
    /// Expected internal rate of return, percent.
    pub irr_pct: Option<f64>,
    /// Expected payback period, years.
    pub payback_years: Option<f64>,
    /// Jobs created.
    pub jobs: Option<u64>,
    /// Expected annual output.
    pub annual_output: Option<Amount>,
    /// Last update, ISO `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// An http(s) link.
    pub url: Option<String>,
    /// Where the row came from (see [`Rejection::row`] for the numbering).
    pub row: usize,
}

impl Project {
    /// The amount the budget is compared with: `seeking`, else `investment`.
    pub fn sought(&self) -> Option<&Amount> {
        self.seeking.as_ref().or(self.investment.as_ref())
    }
}

/// The list's own description and settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ListMeta {
    /// Title, e.g. `投资四川机遇清单`.
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Date of the list.
    pub updated: Option<String>,
    /// Currency of bare figures.
    pub currency: Currency,
    /// Exchange rates (the list's, over the documented defaults).
    #[serde(skip)]
    pub fx: Fx,
    /// A notice to show with the list (e.g. "illustrative data").
    pub notice: Option<String>,
}

/// Which syntax a list was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// JSON (array or object).
    Json,
    /// CSV (comma, tab or semicolon separated).
    Csv,
    /// The compact binary form written by `convert` (`compact.rs`).
    Compact,
    /// A spreadsheet: `.xlsx`, `.xls` or `.ods` (which one: [`TableReading::kind`]).
    Spreadsheet,
}

/// A loaded list: the usable projects, the rejected rows and the warnings.
#[derive(Clone, Debug)]
pub struct OpportunityList {
    /// Title, publisher, currency, exchange rates.
    pub meta: ListMeta,
    /// The projects that loaded, in list order.
    pub projects: Vec<Project>,
    /// The rows that did not load, with their reasons.
    pub rejected: Vec<Rejection>,
    /// Problems that did not stop a row from loading.
    pub warnings: Vec<Warning>,
    /// JSON or CSV.
    pub format: Format,
    /// The text encoding found (UTF-8 when loaded from text).
    pub encoding: Encoding,
    /// How the table was read (`None` for a compact list).
    pub reading: Option<TableReading>,
}

impl OpportunityList {
    /// A summary line: `loaded 180 projects, rejected 2 rows, 3 warnings`.
    pub fn summary(&self, lang: Lang) -> String {
        summary(self.projects.len(), self.rejected.len(), self.warnings.len(), lang)
    }

    /// The whole report `check` prints, in `lang`: how the table was read, the summary, then every
    /// rejected row and warning (a cause shared by every row said once). See [`report_lines`].
    pub fn report(&self, lang: Lang) -> Vec<String> {
        report_lines(self.reading.as_ref(), self.projects.len(), &self.rejected, &self.warnings, lang)
    }
}

/// "How I read your table", the summary line, then the rejected rows and the warnings, each
/// prefixed (`rejected:` / `拒绝：`, `warning:` / `提示：`) in `lang`. A reason that rejects every
/// row (a missing column) is said once; a warning repeated on three rows or more is one line
/// naming the rows.
///
/// ```
/// use opportunity_matcher::list::load_text;
/// use opportunity_matcher::Lang;
/// let list = load_text("项目名称,总投资\nA,1亿\nB,2亿\nC,3亿\n", "x.csv").unwrap();
/// let report = list.report(Lang::ZhHans);
/// let rejected: Vec<&String> = report.iter().filter(|l| l.starts_with("拒绝：")).collect();
/// assert_eq!(rejected.len(), 1, "{report:?}");
/// assert!(rejected[0].contains("全部3行"), "{report:?}");
/// ```
pub fn report_lines(
    reading: Option<&TableReading>,
    loaded: usize,
    rejected: &[Rejection],
    warnings: &[Warning],
    lang: Lang,
) -> Vec<String> {
    let mut out: Vec<String> = reading.map(|r| r.lines(lang)).unwrap_or_default();
    out.push(summary(loaded, rejected.len(), warnings.len(), lang));
    let rejected_prefix = lang.pick("拒绝：", "拒絕：", "rejected: ");
    let warning_prefix = lang.pick("提示：", "提示：", "warning: ");
    let every_row_same = loaded == 0
        && rejected.len() >= 2
        && rejected.iter().all(|r| r.field == rejected[0].field && r.reason_text(lang) == rejected[0].reason_text(lang));
    if every_row_same {
        let r = &rejected[0];
        let rows = rows_text(&rejected.iter().map(|r| r.row).collect::<Vec<_>>());
        let n = rejected.len();
        out.push(match lang {
            Lang::En => format!("{rejected_prefix}all {n} rows (rows {rows}), {}: {}", r.field.key(), r.reason_text(lang)),
            Lang::ZhHans => format!("{rejected_prefix}全部{n}行（第{rows}行），{}：{}", r.field.label(lang), r.reason_text(lang)),
            Lang::ZhHant => format!("{rejected_prefix}全部{n}行（第{rows}行），{}：{}", r.field.label(lang), r.reason_text(lang)),
        });
    } else {
        for r in rejected {
            out.push(format!("{rejected_prefix}{}", r.message(lang)));
        }
    }
    // Warnings: the same words on three rows or more become one line.
    let mut groups: Vec<(String, Vec<&Warning>)> = Vec::new();
    for w in warnings {
        let body = w.text(lang);
        match groups.iter_mut().find(|(b, ws)| *b == body && ws[0].sheet == w.sheet && w.row.is_some()) {
            Some((_, ws)) => ws.push(w),
            None => groups.push((body, vec![w])),
        }
    }
    for (body, ws) in groups {
        if ws.len() >= 3 {
            let rows = rows_text(&ws.iter().filter_map(|w| w.row).collect::<Vec<_>>());
            let n = ws.len();
            let sheet = ws[0]
                .sheet
                .as_ref()
                .map(|s| lang.pick(format!("工作表“{s}”"), format!("工作表「{s}」"), format!("sheet \"{s}\" ")))
                .unwrap_or_default();
            out.push(match lang {
                Lang::En => format!("{warning_prefix}{sheet}rows {rows} ({n} rows), {body}"),
                _ => format!("{warning_prefix}{sheet}第{rows}行（{n}行），{body}"),
            });
        } else {
            for w in ws {
                out.push(format!("{warning_prefix}{}", w.message(lang)));
            }
        }
    }
    out
}

/// `3–5, 9`: row numbers with runs shortened.
fn rows_text(rows: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        out.push(if j > i { format!("{}–{}", rows[i], rows[j]) } else { rows[i].to_string() });
        i = j + 1;
    }
    out.join(", ")
}

/// The summary line of a list with `n` projects, `r` rejected rows and `w` warnings.
pub(crate) fn summary(n: usize, r: usize, w: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("loaded {n} projects, rejected {r} rows, {w} warnings"),
        Lang::ZhHans => format!("已载入{n}个项目，拒绝{r}行，{w}条提示"),
        Lang::ZhHant => format!("已載入{n}個項目，拒絕{r}行，{w}條提示"),
    }
}

/// Why a whole list could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Nothing but whitespace.
    Empty,
    /// The JSON is malformed (or nested deeper than 128 levels).
    Json {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The JSON is valid but holds no project array.
    NoProjects,
    /// The CSV could not be read.
    Csv {
        /// The reader's message.
        message: String,
    },
    /// No column of the CSV header names the project (项目名称 / name).
    NoNameColumn {
        /// The headers that were found.
        headers: Vec<String>,
    },
    /// A compact list (`.oml`, written by `convert`) that is damaged or of another version.
    Compact {
        /// What is wrong.
        message: String,
    },
    /// The bytes are text in none of the encodings tried, or no text at all (an image, a PDF, a
    /// word-processor file).
    Undecodable {
        /// The encodings tried.
        tried: Vec<Encoding>,
    },
    /// A spreadsheet that could not be read (damaged, encrypted, or not a workbook after all).
    Spreadsheet {
        /// The reader's message.
        message: String,
    },
    /// A spreadsheet given to a build without the spreadsheet reader (the browser's main module:
    /// spreadsheets go through the separate sheets module first).
    NeedsSheetsModule,
    /// A compact list (`.oml`) given where a table is read (a leads file, the table reader): it
    /// holds projects already read, no rows to read again.
    CompactNotTable,
}

impl LoadError {
    /// One line a user can act on.
    ///
    /// ```
    /// use opportunity_matcher::{list::LoadError, Lang};
    /// assert!(LoadError::Empty.message(Lang::En).contains("empty"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Empty => lang.pick("文件是空的", "檔案是空的", "the file is empty").to_string(),
            LoadError::Json { line, column, message } => match lang {
                Lang::En => format!("not valid JSON at line {line}, column {column}: {message}"),
                Lang::ZhHans => format!("JSON 格式错误（第{line}行第{column}列）：{message}"),
                Lang::ZhHant => format!("JSON 格式錯誤（第{line}行第{column}列）：{message}"),
            },
            LoadError::NoProjects => lang
                .pick(
                    "JSON 中没有项目数组：应为项目数组，或带有 \"projects\" 数组的对象",
                    "JSON 中沒有項目陣列：應為項目陣列，或帶有 \"projects\" 陣列的物件",
                    "the JSON holds no projects: give an array of projects or an object with a \"projects\" array",
                )
                .to_string(),
            LoadError::Csv { message } => match lang {
                Lang::En => format!("the CSV could not be read: {message}"),
                _ => format!("{}{message}", lang.pick("CSV 无法读取：", "CSV 無法讀取：", "")),
            },
            LoadError::NoNameColumn { headers } => match lang {
                Lang::En => format!("no column names the project (项目名称 or name); the header row was: {}", headers.join(", ")),
                Lang::ZhHans => format!("表头中没有“项目名称”列；表头为：{}", headers.join("、")),
                Lang::ZhHant => format!("表頭中沒有「項目名稱」欄；表頭為：{}", headers.join("、")),
            },
            LoadError::Compact { message } => match lang {
                Lang::En => message.clone(),
                _ => format!("{}{message}", lang.pick("压缩清单无法读取：", "壓縮清單無法讀取：", "")),
            },
            LoadError::Undecodable { tried } => {
                let names = tried.iter().map(|e| e.name()).collect::<Vec<_>>().join(", ");
                match lang {
                    Lang::En => {
                        format!("the file is not text in any encoding tried ({names}), nor a spreadsheet; save it as CSV (UTF-8) or .xlsx")
                    }
                    Lang::ZhHans => format!("文件不是所尝试的任一编码（{names}）的文本，也不是电子表格；请另存为 CSV（UTF-8）或 .xlsx"),
                    Lang::ZhHant => format!("檔案不是所嘗試的任一編碼（{names}）的文字，也不是試算表；請另存為 CSV（UTF-8）或 .xlsx"),
                }
            }
            LoadError::Spreadsheet { message } => match lang {
                Lang::En => format!("the spreadsheet could not be read: {message}"),
                Lang::ZhHans => format!("电子表格无法读取：{message}"),
                Lang::ZhHant => format!("試算表無法讀取：{message}"),
            },
            LoadError::NeedsSheetsModule => lang
                .pick(
                    "这是电子表格文件，需先用表格读取模块转换",
                    "這是試算表檔案，需先用表格讀取模組轉換",
                    "this is a spreadsheet: it needs the spreadsheet reader module first",
                )
                .to_string(),
            LoadError::CompactNotTable => lang
                .pick(
                    "这是压缩清单（.oml），其中是已读好的项目，没有可读的表格：请把它作为机遇清单打开，或改用其来源的 JSON、CSV 或表格文件",
                    "這是壓縮清單（.oml），其中是已讀好的項目，沒有可讀的表格：請把它作為機遇清單開啟，或改用其來源的 JSON、CSV 或試算表檔案",
                    "this is a compact list (.oml): it holds projects already read, not a table; open it as an opportunity list, or use the JSON, CSV or spreadsheet it was made from",
                )
                .to_string(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Guesses the format from the file name, else from the first character.
fn detect_format(text: &str, file_name: &str) -> Format {
    let lower = file_name.to_ascii_lowercase();
    if [".json", ".jsonl", ".ndjson", ".geojson"].iter().any(|e| lower.ends_with(e)) {
        return Format::Json;
    }
    if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
        return Format::Csv;
    }
    match text.trim_start_matches('\u{feff}').trim_start().chars().next() {
        Some('[') | Some('{') => Format::Json,
        _ => Format::Csv,
    }
}

/// Reads a grid (a spreadsheet's, or one from the sheets module) as a list.
///
/// ```
/// use opportunity_matcher::list::{load_grid, Cell, Grid, GridRow, Merge, Sheet, SourceKind};
/// let t = |s: &str| Cell::Text(s.into());
/// let grid = Grid {
///     kind: SourceKind::Xlsx,
///     sheets: vec![Sheet {
///         name: "Sheet1".into(),
///         rows: vec![
///             GridRow { number: 1, cells: vec![t("项目名称"), t("所属区县"), t("总投资（亿元）")] },
///             GridRow { number: 2, cells: vec![t("动力电池项目"), t("双流区"), Cell::Number(5.0.into())] },
///             GridRow { number: 3, cells: vec![t("电驱动项目"), t(""), Cell::Number(2.5.into())] },
///         ],
///         merged: vec![Merge { top: 2, left: 1, bottom: 3, right: 1 }],
///     }],
/// };
/// let list = load_grid(&grid).unwrap();
/// assert_eq!(list.projects.len(), 2);
/// assert_eq!(list.projects[1].region_text, "双流区");
/// assert_eq!(list.projects[1].investment.unwrap().min, 250_000_000);
/// ```
pub fn load_grid(grid: &Grid) -> Result<OpportunityList, LoadError> {
    load_grid_with(grid, &ReadingChoices::default())
}

/// [`load_grid`] with the official's corrections of columns and units.
pub fn load_grid_with(grid: &Grid, choices: &ReadingChoices) -> Result<OpportunityList, LoadError> {
    read_grid_table(grid.clone(), Vocabulary::List, choices).map(TableRows::into_list)
}

/// A table read into rows by the table reader, before validation: what an opportunity list and a
/// leads sheet (`crate::leads`) share. The rows' cells are tagged with the column roles of the
/// vocabulary the table was read with.
#[derive(Debug)]
pub struct TableRows {
    /// The list settings a JSON object carried (title, currency, exchange rates).
    pub(crate) meta: raw::JsonMeta,
    /// The data rows, numbered as the source shows them.
    pub rows: Vec<RawRow>,
    /// The rows not built yet (a JSON list's packed rows, a sheet's classified rows), for
    /// `Matcher::from_table_into`, which builds them one at a time; `rows` is then empty. Every
    /// public reader builds them into `rows`.
    pub(crate) pending: Option<validate::Rows>,
    /// How the table was read.
    pub reading: TableReading,
    /// Problems found while reading (an assumed unit, a repeated header …).
    pub warnings: Vec<Warning>,
    /// The syntax the table was read from.
    pub format: Format,
    /// The text encoding found.
    pub encoding: Encoding,
}

impl TableRows {
    /// Validates the rows as projects.
    fn into_list(self) -> OpportunityList {
        let (meta, rows, reading, mut warnings, format, encoding) = self.into_rows();
        let mut projects = Vec::with_capacity(rows.len());
        let (meta, rejected) = validate::validate_rows(meta, rows, &mut warnings, |p| projects.push(p));
        OpportunityList { meta, projects, rejected, warnings, format, encoding, reading: Some(reading) }
    }

    /// The table's parts, its rows as validation takes them: built, or still pending.
    pub(crate) fn into_rows(self) -> (raw::JsonMeta, validate::Rows, TableReading, Vec<Warning>, Format, Encoding) {
        let TableRows { meta, rows, pending, reading, warnings, format, encoding } = self;
        let rows = pending.unwrap_or(validate::Rows::Built(rows));
        (meta, rows, reading, warnings, format, encoding)
    }

    /// Builds the pending rows into `rows`.
    fn build_rows(mut self) -> TableRows {
        if let Some(pending) = self.pending.take() {
            self.rows.reserve_exact(pending.len());
            pending.take(&mut |row| self.rows.push(row));
        }
        self
    }
}

/// A JSON list's table: its keys the header, its array's items the rows, left packed.
fn keyed_table_rows(mut table: json::JsonTable, vocab: Vocabulary, choices: &ReadingChoices) -> TableRows {
    let mut warnings = Vec::new();
    let meta = std::mem::take(&mut table.meta);
    let path = std::mem::take(&mut table.path);
    let (keyed, mut reading) = table::read_keyed(table, vocab, choices, &mut warnings);
    reading.json_path = Some(path);
    TableRows {
        meta,
        rows: Vec::new(),
        pending: Some(validate::Rows::Keyed(keyed)),
        reading,
        warnings,
        format: Format::Json,
        encoding: Encoding::Utf8,
    }
}

fn read_grid_table(grid: Grid, vocab: Vocabulary, choices: &ReadingChoices) -> Result<TableRows, LoadError> {
    let format = if grid.kind.is_spreadsheet() { Format::Spreadsheet } else { Format::Csv };
    table_rows(grid, format, vocab, choices)
}

fn table_rows(grid: Grid, format: Format, vocab: Vocabulary, choices: &ReadingChoices) -> Result<TableRows, LoadError> {
    let mut warnings = Vec::new();
    let (rows, reading) = table::read_grid(grid, vocab, choices, &mut warnings)?;
    let mut meta = raw::JsonMeta::default();
    // A title is one of the first rows (a page of notes above a header names no area).
    for sheet in &reading.sheets {
        meta.titles.extend(sheet.above_header.iter().take(3).map(|r| r.text.clone()).chain(sheet.name.clone()));
    }
    Ok(TableRows {
        meta,
        rows: Vec::new(),
        pending: Some(validate::Rows::Sheet(rows)),
        reading,
        warnings,
        format,
        encoding: Encoding::Utf8,
    })
}

/// Loads a list from text (JSON, CSV or TSV). `file_name` only guides the format (`.json` /
/// `.csv`); pass `""` to sniff.
pub fn load_text(text: &str, file_name: &str) -> Result<OpportunityList, LoadError> {
    load_text_with(text, file_name, &ReadingChoices::default())
}

/// [`load_text`] with the official's corrections of columns and units (see [`ReadingChoices`]).
pub fn load_text_with(text: &str, file_name: &str, choices: &ReadingChoices) -> Result<OpportunityList, LoadError> {
    text_table(text, file_name, Vocabulary::List, choices).map(TableRows::into_list)
}

/// Reads text (JSON, CSV or TSV) into rows with the header words of `vocab`.
pub fn read_text_table(text: &str, file_name: &str, vocab: Vocabulary) -> Result<TableRows, LoadError> {
    text_table(text, file_name, vocab, &ReadingChoices::default()).map(TableRows::build_rows)
}

fn text_table(text: &str, file_name: &str, vocab: Vocabulary, choices: &ReadingChoices) -> Result<TableRows, LoadError> {
    text_grid(Cow::Borrowed(text), file_name, vocab)?.read(vocab, choices)
}

/// Text parsed, before the table reader reads it.
enum TextTable {
    /// JSON: the keys are the header, every item of the project array a row.
    Json(Box<json::JsonTable>),
    /// CSV or TSV.
    Grid(Grid),
}

impl TextTable {
    fn read(self, vocab: Vocabulary, choices: &ReadingChoices) -> Result<TableRows, LoadError> {
        match self {
            TextTable::Json(table) => Ok(keyed_table_rows(*table, vocab, choices)),
            TextTable::Grid(grid) => table_rows(grid, Format::Csv, vocab, choices),
        }
    }
}

fn text_grid(text: Cow<'_, str>, file_name: &str, vocab: Vocabulary) -> Result<TextTable, LoadError> {
    match detect_format(&text, file_name) {
        Format::Json => json::json_table(text, vocab).map(|t| TextTable::Json(Box::new(t))),
        _ => {
            let (rows, delimiter) = split_delimited(&text);
            drop(text);
            grid::delimited_grid(rows, delimiter).map(TextTable::Grid).ok_or(LoadError::Empty)
        }
    }
}

/// True for the first bytes of a workbook: a zip (`.xlsx`, `.ods`) or an OLE compound file (`.xls`).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
}

/// Loads a list from bytes: a compact list (written by `convert LIST OUT.oml`, see [`crate::oml::to_compact`];
/// recognised by its first bytes), a spreadsheet (`.xlsx`, `.xls`, `.ods`), a grid from the sheets
/// module ([`Grid::to_bytes`]), or text in any encoding [`decode_candidates`] recognises. When the
/// likeliest encoding gives no header, the next is tried; text that is garbled in every encoding
/// is an error naming the encodings tried, never a list of mojibake headers.
///
/// ```
/// use opportunity_matcher::list::{load_bytes, Encoding};
/// // "项目名称,项目地点\n测试项目,成都\n" in GBK
/// let gbk: &[u8] = b"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,\xcf\xee\xc4\xbf\xb5\xd8\xb5\xe3\n\xb2\xe2\xca\xd4\xcf\xee\xc4\xbf,\xb3\xc9\xb6\xbc\n";
/// let list = load_bytes(gbk, "list.csv").unwrap();
/// assert_eq!(list.encoding, Encoding::Gb18030);
/// assert_eq!(list.projects[0].name, "测试项目");
/// ```
pub fn load_bytes(bytes: &[u8], file_name: &str) -> Result<OpportunityList, LoadError> {
    load_bytes_with(bytes, file_name, &ReadingChoices::default())
}

/// [`load_bytes`] with the official's corrections of columns and units (see [`ReadingChoices`]);
/// a compact list has no table and ignores them.
pub fn load_bytes_with(bytes: &[u8], file_name: &str, choices: &ReadingChoices) -> Result<OpportunityList, LoadError> {
    list_bytes(Cow::Borrowed(bytes), file_name, choices)
}

/// [`load_bytes_with`] of bytes the caller gives up (a file just read, a page's download): UTF-8
/// text is read in place and dropped as soon as it is a table, so a national list is not held as
/// bytes, text and cells at once.
///
/// ```
/// use opportunity_matcher::list::{load_owned_bytes_with, ReadingChoices};
/// let bytes = "项目名称,项目地点\n测试项目,成都\n".as_bytes().to_vec();
/// let list = load_owned_bytes_with(bytes, "list.csv", &ReadingChoices::default()).unwrap();
/// assert_eq!(list.projects[0].name, "测试项目");
/// ```
pub fn load_owned_bytes_with(bytes: Vec<u8>, file_name: &str, choices: &ReadingChoices) -> Result<OpportunityList, LoadError> {
    list_bytes(Cow::Owned(bytes), file_name, choices)
}

/// The one path of [`load_bytes_with`] and [`load_owned_bytes_with`]: a compact list as it is,
/// anything else through the table reader and validation.
fn list_bytes(bytes: Cow<'_, [u8]>, file_name: &str, choices: &ReadingChoices) -> Result<OpportunityList, LoadError> {
    if crate::oml::is_compact(&bytes) {
        return crate::oml::read_list(&bytes);
    }
    table_bytes(bytes, file_name, Vocabulary::List, choices).map(TableRows::into_list)
}

/// Reads a table from bytes — a spreadsheet, a grid from the sheets module, or text in any
/// encoding [`decode_candidates`] recognises — into rows with the header words of `vocab`: the
/// path of [`load_bytes`] before validation, shared with leads sheets.
pub fn read_table_bytes(bytes: &[u8], file_name: &str, vocab: Vocabulary) -> Result<TableRows, LoadError> {
    table_bytes(Cow::Borrowed(bytes), file_name, vocab, &ReadingChoices::default()).map(TableRows::build_rows)
}

/// [`read_table_bytes`] of bytes the caller gives up: UTF-8 text is read in place and dropped as
/// soon as it is a grid (see [`load_owned_bytes_with`]).
pub fn read_owned_table_bytes(
    bytes: Vec<u8>,
    file_name: &str,
    vocab: Vocabulary,
    choices: &ReadingChoices,
) -> Result<TableRows, LoadError> {
    table_bytes(Cow::Owned(bytes), file_name, vocab, choices).map(TableRows::build_rows)
}

pub(crate) fn table_bytes(
    bytes: Cow<'_, [u8]>,
    file_name: &str,
    vocab: Vocabulary,
    choices: &ReadingChoices,
) -> Result<TableRows, LoadError> {
    // Its bytes would read as text in some encoding: rows of garbage, or "not text".
    if crate::oml::is_compact(&bytes) {
        return Err(LoadError::CompactNotTable);
    }
    if is_table_bytes(&bytes) {
        let grid = Grid::from_bytes(&bytes).map_err(|message| LoadError::Spreadsheet { message })?;
        return read_grid_table(grid, vocab, choices);
    }
    if is_spreadsheet(&bytes) {
        #[cfg(any(not(target_arch = "wasm32"), feature = "sheets"))]
        return read_grid_table(read_workbook(&bytes, file_name)?, vocab, choices);
        #[cfg(all(target_arch = "wasm32", not(feature = "sheets")))]
        return Err(LoadError::NeedsSheetsModule);
    }
    let candidates = match bytes {
        Cow::Borrowed(bytes) => decode_candidates(bytes, platform_codec()),
        Cow::Owned(bytes) => decode_candidates_owned(bytes, platform_codec()),
    };
    let mut first_error: Option<LoadError> = None;
    let mut all_garbled = true;
    for (n, (text, encoding)) in candidates.into_iter().enumerate() {
        let garbled = is_garbled(&text);
        all_garbled &= garbled;
        // The text is given up once it is parsed: every cell is its own string by then.
        let grid = text_grid(Cow::Owned(text), file_name, vocab);
        match grid.and_then(|grid| grid.read(vocab, choices)) {
            // A less likely reading is only taken for the rows it finds: a header found in its
            // mojibake with nothing under it is no list (the likelier reading's error stands).
            Ok(table) if n > 0 && first_error.is_some() && table.reading.sheets.iter().all(|s| s.data_rows == 0) => {}
            Ok(mut table) => {
                table.encoding = encoding;
                table.reading.encoding = Some(encoding);
                return Ok(table);
            }
            Err(e @ (LoadError::NoNameColumn { .. } | LoadError::NoProjects | LoadError::Json { .. } | LoadError::Empty)) => {
                first_error.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    let garbled_header =
        matches!(&first_error, Some(LoadError::NoNameColumn { headers }) if headers.iter().any(|h| h.contains('\u{fffd}')));
    if all_garbled || garbled_header {
        return Err(LoadError::Undecodable { tried: decode::TRIED.to_vec() });
    }
    Err(first_error.unwrap_or(LoadError::Empty))
}
