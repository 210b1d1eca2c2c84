//! "How I read your table": which sheet and header row, each column and the field it gives, the
//! unit of every amount column and where it came from, the group headings, the rows skipped and
//! why, the blanks filled. A structured value ([`TableReading`], on every list read from a table),
//! worded in three languages by [`TableReading::lines`] for `check` and for the page.

use super::decode::Encoding;
use super::fields::{ColumnRole, Vocabulary};
use super::grid::SourceKind;
use crate::money::{format_yuan, MoneyUnit};
use crate::Lang;
use serde::Serialize;

/// How a list's table was read.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TableReading {
    /// What the list was read from.
    pub kind: SourceKind,
    /// The text encoding found (text sources read from bytes).
    pub encoding: Option<Encoding>,
    /// JSON: where the array of projects was found (`data.list`), `""` for a bare array.
    pub json_path: Option<String>,
    /// The sheets that gave projects (one for CSV and JSON).
    pub sheets: Vec<SheetReading>,
    /// Sheets of a workbook that were not read, and why.
    pub ignored_sheets: Vec<IgnoredSheet>,
    /// The header words the table was read with (an opportunity list's, or a leads sheet's): the
    /// report names each column with this vocabulary's label.
    pub vocabulary: Vocabulary,
}

/// How one sheet was read.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SheetReading {
    /// The sheet's name (spreadsheets).
    pub name: Option<String>,
    /// The header row, and the second header row joined to it (empty for JSON: the keys).
    pub header_rows: Vec<usize>,
    /// Rows above the header (titles, 填报单位, unit rows), with their text.
    pub above_header: Vec<RowNote>,
    /// Every column with a header, and what it gives.
    pub columns: Vec<ColumnReading>,
    /// A unit declared for the whole table (a unit row or a note), if any.
    pub unit_declared: Option<UnitReading>,
    /// Group headings and the sector hint each gives the rows under it.
    pub groups: Vec<GroupReading>,
    /// Rows below the header that are no project, and why.
    pub skipped: Vec<SkippedRow>,
    /// Blank cells filled from a merged cell or from the value written once above.
    pub filled: Vec<FilledCells>,
    /// The `序号` column, if any.
    pub sequence: Option<SequenceReading>,
    /// The sheet's name as the sector of rows without one (a workbook of several list sheets).
    pub sector_hint: Option<String>,
    /// The sheet's name, or its title, as the place of rows without one (a workbook of a sheet
    /// per city or county: `绵阳`, `德阳市`).
    pub place_hint: Option<String>,
    /// Rows read as projects (loaded or rejected).
    pub data_rows: usize,
    /// A sheet laid out as project cards (项目推介表: a label beside its value, one project per
    /// block) read as a table: the row each card begins at. Empty for a table.
    pub cards: Vec<usize>,
}

/// A row and its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowNote {
    /// Row number.
    pub row: usize,
    /// Its cells' text (cut).
    pub text: String,
}

/// One column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnReading {
    /// Position from 0 (`A` is 0).
    pub column: usize,
    /// The header as written (two header rows joined with ` / `).
    pub header: String,
    /// What the column gives; `None`: not a known field, ignored.
    pub role: Option<ColumnRole>,
    /// The unit of an amount column's bare figures.
    pub unit: Option<UnitReading>,
    /// Why a column with a role is still not used.
    pub ignored: Option<IgnoredColumn>,
    /// The field or unit was chosen by the official ([`ReadingChoices`]), not read from the table.
    pub chosen: bool,
}

/// An official's corrections to how a table is read (the publisher page's menus, `check --column`):
/// a column's field, or an amount column's unit. Applied by [`load_bytes_with`](super::load_bytes_with)
/// while reading, so the reading, the rejections and the units all follow them.
///
/// ```
/// use opportunity_matcher::list::{load_text_with, ColumnChoice, Field, ReadingChoices};
/// let csv = "项目名称,地点,金额\n动力电池项目,成都市双流区,5\n";
/// let choices = ReadingChoices {
///     columns: vec![
///         ColumnChoice { column: 1, role: Some("region".into()), ..ColumnChoice::default() },
///         ColumnChoice { column: 2, role: Some("investment".into()), unit: Some("亿元".into()), ..ColumnChoice::default() },
///     ],
/// };
/// let list = load_text_with(csv, "list.csv", &choices).unwrap();
/// assert_eq!(list.projects[0].investment.unwrap().min, 500_000_000);
/// // No unit assumed, no column left unknown.
/// assert!(list.warnings.iter().all(|w| w.field != Some(Field::Investment) && w.field.is_some()), "{:?}", list.warnings);
/// ```
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, Serialize)]
pub struct ReadingChoices {
    /// One entry per corrected column.
    #[serde(default)]
    pub columns: Vec<ColumnChoice>,
}

/// The correction of one column.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, Serialize)]
pub struct ColumnChoice {
    /// The sheet's name (a workbook); `None`: the column of every sheet.
    #[serde(default)]
    pub sheet: Option<String>,
    /// Position from 0 (`A` is 0).
    pub column: usize,
    /// The field's key ([`ColumnRole::key`]: `investment`, `region_county` …), or `ignore`.
    #[serde(default)]
    pub role: Option<String>,
    /// The unit of the column's bare figures (`元`, `万元`, `亿元`, `万美元` …).
    #[serde(default)]
    pub unit: Option<String>,
}

impl ReadingChoices {
    /// Reads the command line's form (`check --columns`): comma-separated `[SHEET!]LETTER=ROLE[:UNIT]`,
    /// e.g. `D=investment:万元,F=ignore,先进制造!E=:亿元` (an empty role keeps the column's field).
    /// The error names the part that is not understood.
    ///
    /// ```
    /// use opportunity_matcher::list::ReadingChoices;
    /// let c = ReadingChoices::parse("D=investment:万元, 先进制造!F=ignore").unwrap();
    /// assert_eq!((c.columns[0].column, c.columns[0].role.as_deref(), c.columns[0].unit.as_deref()), (3, Some("investment"), Some("万元")));
    /// assert_eq!((c.columns[1].sheet.as_deref(), c.columns[1].column), (Some("先进制造"), 5));
    /// assert!(ReadingChoices::parse("D=budget").is_err());
    /// ```
    pub fn parse(spec: &str) -> Result<ReadingChoices, String> {
        let mut columns = Vec::new();
        for part in spec.split([',', '，']).map(str::trim).filter(|p| !p.is_empty()) {
            let bad = || format!("{part:?}: expected [SHEET!]LETTER=FIELD[:UNIT], e.g. D=investment:万元");
            let (target, what) = part.split_once('=').ok_or_else(bad)?;
            let (sheet, letters) = match target.rsplit_once('!') {
                Some((sheet, letters)) => (Some(sheet.trim().to_string()), letters.trim()),
                None => (None, target.trim()),
            };
            if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(bad());
            }
            let column = letters.to_ascii_uppercase().bytes().fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1)) - 1;
            let (role, unit) = match what.split_once(':') {
                Some((role, unit)) => (role.trim(), Some(unit.trim())),
                None => (what.trim(), None),
            };
            if !role.is_empty() && role != "ignore" && ColumnRole::from_key(role).is_none() {
                return Err(format!("{part:?}: {role:?} is no field (see the keys of data/list-headers.tsv, or ignore)"));
            }
            if let Some(u) = unit.filter(|u| MoneyUnit::parse(u).is_none()) {
                return Err(format!("{part:?}: {u:?} is no unit of money (元, 万元, 亿元, 万美元 …)"));
            }
            columns.push(ColumnChoice {
                sheet,
                column,
                role: (!role.is_empty()).then(|| role.to_string()),
                unit: unit.map(str::to_string),
            });
        }
        Ok(ReadingChoices { columns })
    }

    /// True when nothing is corrected.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The corrections that apply to a sheet.
    pub(crate) fn for_sheet<'a>(&'a self, sheet: &'a str) -> impl Iterator<Item = &'a ColumnChoice> + 'a {
        self.columns.iter().filter(move |c| c.sheet.as_deref().is_none_or(|s| s == sheet))
    }
}

/// Why a column that names a field is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredColumn {
    /// Another column gives the same field.
    Duplicate,
    /// A second column of a text field (`项目简介` and `建设内容`, or a `备注` column after them):
    /// not ignored, its text is added after the first column's, behind its own header
    /// (`建设内容：…`), so that nothing a list says about a project is dropped.
    Joined,
    /// The header cell only declares the unit of the amounts (`单位：万元`).
    UnitOnly,
    /// A column of units (`单位`: 亿元, 万元, 万美元 …) beside the amounts: each row's unit of the
    /// bare figures in the amount columns before it.
    RowUnits,
    /// The official chose to leave it out.
    Chosen,
    /// An amount column of one year or of what is done (`2026年计划投资`, `年度计划投资`,
    /// `累计完成投资`): not the project's total nor what it seeks.
    NotTotal,
}

/// The unit of an amount column and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitReading {
    /// What a bare figure counts.
    pub unit: MoneyUnit,
    /// Where that was found.
    pub source: UnitSource,
}

/// Where an amount column's unit came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnitSource {
    /// The column's header (`总投资（万元）`).
    Header,
    /// The second header row or a unit row under the header (`（万元）`).
    SubHeader {
        /// Its row.
        row: usize,
    },
    /// A row above the table (`金额单位：万元`).
    UnitRow {
        /// Its row.
        row: usize,
        /// Its text.
        text: String,
    },
    /// A note under the table (`注：表中投资额单位为万元`).
    Note {
        /// Its row.
        row: usize,
        /// Its text.
        text: String,
    },
    /// The JSON key (`"总投资（万元）"`).
    JsonKey,
    /// The format's own English key (`investment`): yuan.
    Format,
    /// Chosen by the official ([`ReadingChoices`]).
    Chosen,
    /// Nothing said it: assumed from the size of the figures (a typical figure given).
    Magnitudes {
        /// The median bare figure.
        typical: f64,
    },
    /// Nothing said it: matched to the amounts of the same columns written with a unit.
    Calibrated {
        /// The median bare figure.
        typical: f64,
        /// The median amount written with a unit, in yuan.
        written: f64,
    },
}

impl UnitSource {
    /// True when no header, key, row or note gave the unit.
    pub fn is_assumed(&self) -> bool {
        matches!(self, UnitSource::Magnitudes { .. } | UnitSource::Calibrated { .. })
    }
}

/// A group heading.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupReading {
    /// Its row.
    pub row: usize,
    /// The heading as written.
    pub text: String,
    /// The sector hint it gives (the heading without ordinal and count).
    pub hint: String,
    /// Project rows under it.
    pub rows: usize,
}

/// A row that is no project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkippedRow {
    /// Its row.
    pub row: usize,
    /// Why.
    pub why: SkipWhy,
    /// Its text (cut).
    pub text: String,
}

/// Why a row below the header is no project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipWhy {
    /// Nothing in it.
    Empty,
    /// 合计 / 小计 / 总计.
    Total,
    /// 注：… / 说明：…
    Note,
    /// 填报人：… or a line of text after the last project.
    Footer,
    /// The header again (a table printed over several pages).
    RepeatedHeader,
    /// Only units (`万元`, `亿元`).
    UnitRow,
    /// Text going on from the project above (`项目简介` over two rows): added to its cell.
    Continued,
}

/// Blank cells of one column filled in place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilledCells {
    /// The column.
    pub column: usize,
    /// Its header.
    pub header: String,
    /// The rows filled.
    pub rows: Vec<usize>,
    /// From a merged cell, or from the value written once above.
    pub from: FillSource,
}

/// Where a filled blank's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FillSource {
    /// The spreadsheet merged the cell with the one above.
    Merged,
    /// No merge recorded (CSV): the value written once above for the block.
    Above,
    /// The cell says `同上` (ditto): the value of the project row above.
    Ditto,
}

/// The `序号` column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SequenceReading {
    /// The column.
    pub column: usize,
    /// Its header.
    pub header: String,
    /// Used as the project id (every number given, none repeated, no id column).
    pub as_id: bool,
    /// It starts again (in each group).
    pub restarts: bool,
}

/// A sheet that was not read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IgnoredSheet {
    /// The sheet's name.
    pub name: String,
    /// Why.
    pub why: IgnoredWhy,
}

/// Why a sheet was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredWhy {
    /// Nothing in it.
    Empty,
    /// No row of it names the project (项目名称).
    NoHeader,
    /// A header, but no project row under it.
    NoRows,
}

/// `A`, `B` … `Z`, `AA` …: the column as a spreadsheet names it.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn quote(lang: Lang, v: &str) -> String {
    lang.pick(format!("“{v}”"), format!("「{v}」"), format!("\"{v}\""))
}

/// `1, 2, 5–9`: row numbers with runs shortened.
fn row_list(rows: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        out.push(if j > i + 1 { format!("{}–{}", rows[i], rows[j]) } else { rows[i].to_string() });
        if j == i + 1 {
            out.push(rows[j].to_string());
        }
        i = j + 1;
    }
    out.join(", ")
}

impl UnitReading {
    /// `万元 (from the header)`, `亿元（表头上方第3行：金额单位：亿元）` …
    pub fn describe(&self, lang: Lang) -> String {
        let unit = self.unit.label(lang);
        let from = match &self.source {
            UnitSource::Header => lang.pick("表头", "表頭", "from the header").to_string(),
            UnitSource::SubHeader { row } => match lang {
                Lang::En => format!("from the header's row {row}"),
                _ => format!("第{row}行表头"),
            },
            UnitSource::UnitRow { row, text } => match lang {
                Lang::En => format!("from row {row} above the table: {text}"),
                Lang::ZhHans => format!("表格上方第{row}行：{text}"),
                Lang::ZhHant => format!("表格上方第{row}行：{text}"),
            },
            UnitSource::Note { row, text } => match lang {
                Lang::En => format!("from the note in row {row}: {text}"),
                Lang::ZhHans => format!("第{row}行的说明：{text}"),
                Lang::ZhHant => format!("第{row}行的說明：{text}"),
            },
            UnitSource::JsonKey => lang.pick("JSON 键名", "JSON 鍵名", "from the JSON key").to_string(),
            UnitSource::Chosen => lang.pick("由您选定", "由您選定", "as you chose").to_string(),
            UnitSource::Format => {
                lang.pick("英文字段名，按格式规定为元", "英文欄位名，按格式規定為元", "the format's English key: yuan").to_string()
            }
            UnitSource::Magnitudes { typical } | UnitSource::Calibrated { typical, .. } if self.unit.scale == 1.0 && *typical >= 1e6 => {
                lang.pick("数字达百万以上，按元读取", "數字達百萬以上，按元讀取", "figures of a million and more are yuan").to_string()
            }
            UnitSource::Magnitudes { typical } => {
                let example = format_yuan((typical * self.unit.scale).round() as u64, lang);
                match lang {
                    Lang::En => format!(
                        "ASSUMED: no unit anywhere, judged from the size of the figures (a typical {} would be {example})",
                        trim(*typical)
                    ),
                    Lang::ZhHans => format!("推测：表中未写单位，按数字大小判断（典型值{}即{example}）", trim(*typical)),
                    Lang::ZhHant => format!("推測：表中未寫單位，按數字大小判斷（典型值{}即{example}）", trim(*typical)),
                }
            }
            UnitSource::Calibrated { typical, written } => {
                let w = format_yuan(written.round() as u64, lang);
                match lang {
                    Lang::En => format!(
                        "ASSUMED: no unit given, matched to the amounts written with a unit (typical {w}; bare typical {})",
                        trim(*typical)
                    ),
                    Lang::ZhHans => format!("推测：未写单位，参照同列写明单位的金额（典型{w}；数字典型值{}）", trim(*typical)),
                    Lang::ZhHant => format!("推測：未寫單位，參照同欄寫明單位的金額（典型{w}；數字典型值{}）", trim(*typical)),
                }
            }
        };
        match lang {
            Lang::En => format!("in {unit} ({from})"),
            _ => format!("{}{unit}（{from}）", lang.pick("单位", "單位", "")),
        }
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What the data rows of a table are, in `lang`: projects of a list, leads of a leads sheet.
fn rows_are(vocabulary: Vocabulary, lang: Lang) -> &'static str {
    match vocabulary {
        Vocabulary::List => lang.pick("项目", "項目", "projects"),
        Vocabulary::Leads => lang.pick("线索", "線索", "leads"),
    }
}

impl TableReading {
    /// The reading in plain words, one line each, in `lang`: what `check` prints first.
    ///
    /// ```
    /// use opportunity_matcher::list::load_text;
    /// use opportunity_matcher::Lang;
    /// let csv = "2024年重点招商项目表\n金额单位：万元\n项目名称,建设地点,总投资\n动力电池项目,成都市双流区,50000\n合计,,50000\n";
    /// let list = load_text(csv, "list.csv").unwrap();
    /// let lines = list.reading.as_ref().unwrap().lines(Lang::En).join("\n");
    /// assert!(lines.contains("header in row 3"), "{lines}");
    /// assert!(lines.contains("total investment, in 10 thousand yuan (万元) (from row 2 above the table"), "{lines}");
    /// assert!(lines.contains("5 \"合计 50000\" (total)"), "{lines}");
    /// assert_eq!(list.projects[0].investment.unwrap().min, 500_000_000);
    /// ```
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        let kind = match self.kind {
            SourceKind::Csv => "CSV",
            SourceKind::Tsv => lang.pick("TSV（制表符分隔）", "TSV（定位字元分隔）", "TSV (tab-separated)"),
            SourceKind::Json => "JSON",
            SourceKind::Xlsx => lang.pick("Excel 工作簿（.xlsx）", "Excel 活頁簿（.xlsx）", "Excel workbook (.xlsx)"),
            SourceKind::Xls => lang.pick("Excel 工作簿（.xls）", "Excel 活頁簿（.xls）", "Excel workbook (.xls)"),
            SourceKind::Ods => lang.pick("OpenDocument 表格（.ods）", "OpenDocument 試算表（.ods）", "OpenDocument spreadsheet (.ods)"),
        };
        let enc = self.encoding.map(|e| e.name());
        out.push(match (lang, enc) {
            (Lang::En, Some(e)) => format!("Read as {kind}, encoding {e}."),
            (Lang::En, None) => format!("Read as {kind}."),
            (Lang::ZhHans, Some(e)) => format!("按{kind}读取，编码{e}。"),
            (Lang::ZhHant, Some(e)) => format!("按{kind}讀取，編碼{e}。"),
            (_, None) => format!("按{kind}{}", lang.pick("读取。", "讀取。", "")),
        });
        if let Some(path) = &self.json_path {
            let path = if path.is_empty() { lang.pick("顶层", "頂層", "the top level") } else { path.as_str() };
            out.push(match lang {
                Lang::En => format!("The projects are the array at {path}; its keys are the columns."),
                Lang::ZhHans => format!("项目数组位于 {path}，其键名即各列。"),
                Lang::ZhHant => format!("項目陣列位於 {path}，其鍵名即各欄。"),
            });
        }
        for ignored in &self.ignored_sheets {
            let why = match ignored.why {
                IgnoredWhy::Empty => lang.pick("是空的", "是空的", "is empty"),
                IgnoredWhy::NoHeader => lang.pick(
                    "没有含“项目名称”的表头，未读取",
                    "沒有含「項目名稱」的表頭，未讀取",
                    "has no header row naming the project (项目名称); not read",
                ),
                IgnoredWhy::NoRows => lang.pick("表头下没有项目行", "表頭下沒有項目行", "has no project rows under its header"),
            };
            out.push(match lang {
                Lang::En => format!("Sheet {} {why}.", quote(lang, &ignored.name)),
                _ => format!("{}{}{why}。", lang.pick("工作表", "工作表", ""), quote(lang, &ignored.name)),
            });
        }
        for sheet in &self.sheets {
            sheet.lines(lang, self.kind == SourceKind::Json, self.vocabulary, &mut out);
        }
        out
    }
}

impl SheetReading {
    fn lines(&self, lang: Lang, json: bool, vocabulary: Vocabulary, out: &mut Vec<String>) {
        let indent = "  ";
        let sheet = self.name.as_ref().map(|n| match lang {
            Lang::En => format!("Sheet {}: ", quote(lang, n)),
            _ => format!("{}{}：", lang.pick("工作表", "工作表", ""), quote(lang, n)),
        });
        let sheet = sheet.unwrap_or_default();
        if !json && !self.cards.is_empty() {
            let first = self.cards.iter().map(usize::to_string).collect::<Vec<_>>().join(lang.pick("、", "、", ", "));
            out.push(match lang {
                Lang::En => format!(
                    "{sheet}project cards (a label beside each value, one project per card) beginning at row {first}; {} cards read as {}.",
                    self.data_rows,
                    rows_are(vocabulary, lang)
                ),
                _ => format!(
                    "{sheet}{}{first}{}{}{}{}{}。",
                    lang.pick(
                        "按项目卡片读取（标签与内容左右并列，每张卡片一个项目），卡片起于第",
                        "按項目卡片讀取（標籤與內容左右並列，每張卡片一個項目），卡片起於第",
                        ""
                    ),
                    lang.pick("行；共", "行；共", ""),
                    self.data_rows,
                    lang.pick("张卡片按", "張卡片按", ""),
                    rows_are(vocabulary, lang),
                    lang.pick("读取", "讀取", "")
                ),
            });
        } else if !json {
            let header = match (&self.header_rows[..], lang) {
                ([h], Lang::En) => format!("header in row {h}"),
                ([h, s], Lang::En) => format!("header in rows {h} and {s} (two header rows joined)"),
                ([h], _) => format!("{}第{h}{}", lang.pick("表头在", "表頭在", ""), lang.pick("行", "行", "")),
                ([h, s], _) => format!(
                    "{}第{h}、{s}{}",
                    lang.pick("表头在", "表頭在", ""),
                    lang.pick("行（两行表头合并读取）", "行（兩行表頭合併讀取）", "")
                ),
                _ => String::new(),
            };
            let rows = match lang {
                Lang::En => format!("{} rows read as {}", self.data_rows, rows_are(vocabulary, lang)),
                _ => format!("共{}行按{}{}", self.data_rows, rows_are(vocabulary, lang), lang.pick("读取", "讀取", "")),
            };
            out.push(format!("{sheet}{header}{}{rows}{}", lang.pick("；", "；", "; "), lang.pick("。", "。", ".")));
        } else {
            out.push(match lang {
                Lang::En => format!("{} items read as {}.", self.data_rows, rows_are(vocabulary, lang)),
                _ => format!(
                    "共{}{}按{}{}",
                    self.data_rows,
                    lang.pick("项", "項", ""),
                    rows_are(vocabulary, lang),
                    lang.pick("读取。", "讀取。", "")
                ),
            });
        }
        if !self.above_header.is_empty() {
            let rows: Vec<String> = self.above_header.iter().map(|r| format!("{} {}", r.row, quote(lang, &r.text))).collect();
            out.push(match lang {
                Lang::En => format!("{indent}Above the header, not {} (titles): {}", rows_are(vocabulary, lang), rows.join("; ")),
                Lang::ZhHans => format!("{indent}表头上方各行（标题等，不是{}）：{}", rows_are(vocabulary, lang), rows.join("；")),
                Lang::ZhHant => format!("{indent}表頭上方各行（標題等，不是{}）：{}", rows_are(vocabulary, lang), rows.join("；")),
            });
        }
        out.push(format!("{indent}{}", lang.pick("各列：", "各欄：", "Columns:")));
        for col in &self.columns {
            let name = if json { quote(lang, &col.header) } else { format!("{} {}", column_letter(col.column), quote(lang, &col.header)) };
            let what = match (col.role, col.ignored) {
                (None, None) => lang.pick("未使用（不是已知字段）", "未使用（不是已知欄位）", "not used (not a known field)").to_string(),
                (_, Some(IgnoredColumn::UnitOnly)) => lang
                    .pick("不是一列：说明金额的单位", "不是一欄：說明金額的單位", "no column: it gives the unit of the amounts")
                    .to_string(),
                (_, Some(IgnoredColumn::RowUnits)) => {
                    lang.pick("各行金额的单位", "各列金額的單位", "the unit of each row's amounts").to_string()
                }
                (None, Some(IgnoredColumn::Duplicate)) => lang.pick("未使用", "未使用", "not used").to_string(),
                (_, Some(IgnoredColumn::NotTotal)) => lang
                    .pick(
                        "未使用（一年的或已完成的金额，不是总投资）",
                        "未使用（一年的或已完成的金額，不是總投資）",
                        "not used (one year's or a completed amount, not the project's total)",
                    )
                    .to_string(),
                (_, Some(IgnoredColumn::Chosen)) => {
                    lang.pick("未使用（由您选定）", "未使用（由您選定）", "not used (as you chose)").to_string()
                }
                (Some(role), Some(IgnoredColumn::Joined)) => {
                    let label = vocabulary.label(role, lang);
                    match lang {
                        Lang::En => format!("{label}, added after the earlier column's text"),
                        Lang::ZhHans => format!("{label}（接在前面一列的内容之后）"),
                        Lang::ZhHant => format!("{label}（接在前面一欄的內容之後）"),
                    }
                }
                (None, Some(IgnoredColumn::Joined)) => lang.pick("未使用", "未使用", "not used").to_string(),
                (Some(_), Some(IgnoredColumn::Duplicate)) => lang
                    .pick("未使用（另一列给出同一字段）", "未使用（另一欄給出同一欄位）", "not used (another column gives the same field)")
                    .to_string(),
                (Some(role), None) => {
                    let mut s = vocabulary.label(role, lang).to_string();
                    if col.chosen {
                        s.push_str(lang.pick("（由您选定）", "（由您選定）", " (as you chose)"));
                    }
                    if role == ColumnRole::Sequence {
                        if let Some(seq) = &self.sequence {
                            s.push_str(match (seq.as_id, seq.restarts) {
                                (true, _) => match vocabulary {
                                    Vocabulary::List => lang.pick("，用作项目编号", "，用作項目編號", ", used as the project id"),
                                    Vocabulary::Leads => lang.pick("，用作线索编号", "，用作線索編號", ", used as the lead id"),
                                },
                                (false, true) => lang.pick(
                                    "，每组重新编号：仅为序号，不是项目编号",
                                    "，每組重新編號：僅為序號，不是項目編號",
                                    ", restarts in each group: a sequence number, not an id",
                                ),
                                (false, false) => lang.pick("，仅为序号", "，僅為序號", ", a sequence number only"),
                            });
                        }
                    }
                    if let Some(u) = &col.unit {
                        s.push_str(lang.pick("，", "，", ", "));
                        s.push_str(&u.describe(lang));
                    }
                    s
                }
            };
            out.push(format!("{indent}{indent}{name} → {what}"));
        }
        if let Some(hint) = &self.place_hint {
            out.push(match lang {
                Lang::En => format!("{indent}Rows that give no place take the one the sheet names: {}.", quote(lang, hint)),
                Lang::ZhHans => format!("{indent}未填项目地点的各行按工作表所指地区读取：{}。", quote(lang, hint)),
                Lang::ZhHant => format!("{indent}未填項目地點的各行按工作表所指地區讀取：{}。", quote(lang, hint)),
            });
        }
        if let Some(hint) = &self.sector_hint {
            out.push(match lang {
                Lang::En => format!("{indent}The sheet name {} is the sector of rows that give none.", quote(lang, hint)),
                Lang::ZhHans => format!("{indent}工作表名{}作为未填行业各行的行业。", quote(lang, hint)),
                Lang::ZhHant => format!("{indent}工作表名{}作為未填行業各行的行業。", quote(lang, hint)),
            });
        }
        if !self.groups.is_empty() {
            out.push(format!(
                "{indent}{}",
                lang.pick(
                    "分组标题（作为其下各行的行业）：",
                    "分組標題（作為其下各行的行業）：",
                    "Group headings (the sector of the rows under them):"
                )
            ));
            for g in &self.groups {
                out.push(match lang {
                    Lang::En => {
                        format!(
                            "{indent}{indent}row {} {} → {} ({} row{})",
                            g.row,
                            quote(lang, &g.text),
                            quote(lang, &g.hint),
                            g.rows,
                            if g.rows == 1 { "" } else { "s" }
                        )
                    }
                    _ => format!("{indent}{indent}第{}行{} → {}（{}行）", g.row, quote(lang, &g.text), quote(lang, &g.hint), g.rows),
                });
            }
        }
        if !self.skipped.is_empty() {
            out.push(match lang {
                Lang::En => format!("{indent}Rows skipped (no {}):", rows_are(vocabulary, lang)),
                _ => format!("{indent}{}{}）：", lang.pick("跳过的行（不是", "略過的行（不是", ""), rows_are(vocabulary, lang)),
            });
            for why in [
                SkipWhy::Total,
                SkipWhy::Note,
                SkipWhy::Footer,
                SkipWhy::RepeatedHeader,
                SkipWhy::UnitRow,
                SkipWhy::Continued,
                SkipWhy::Empty,
            ] {
                let rows: Vec<&SkippedRow> = self.skipped.iter().filter(|s| s.why == why).collect();
                if rows.is_empty() {
                    continue;
                }
                let label = match why {
                    SkipWhy::Total => lang.pick("合计行", "合計行", "total"),
                    SkipWhy::Note => lang.pick("说明行", "說明行", "note"),
                    SkipWhy::Footer => lang.pick("表尾文字", "表尾文字", "text under the table"),
                    SkipWhy::RepeatedHeader => lang.pick("重复的表头", "重複的表頭", "the header repeated"),
                    SkipWhy::UnitRow => lang.pick("单位行", "單位行", "units only"),
                    SkipWhy::Continued => {
                        lang.pick("接上一项目的文字，已并入", "接上一項目的文字，已併入", "the project above goes on: its text added there")
                    }
                    SkipWhy::Empty => lang.pick("空行", "空行", "empty"),
                };
                let list = if why == SkipWhy::Empty {
                    row_list(&rows.iter().map(|r| r.row).collect::<Vec<_>>())
                } else {
                    rows.iter().map(|r| format!("{} {}", r.row, quote(lang, &r.text))).collect::<Vec<_>>().join(lang.pick("；", "；", "; "))
                };
                out.push(match lang {
                    Lang::En => format!("{indent}{indent}{list} ({label})"),
                    _ => format!("{indent}{indent}{label}：{list}"),
                });
            }
        }
        for f in &self.filled {
            let rows = row_list(&f.rows);
            let col = format!("{} {}", column_letter(f.column), quote(lang, &f.header));
            out.push(match (f.from, lang) {
                (FillSource::Merged, Lang::En) => format!("{indent}Blank cells of {col} filled from the merged cell above: rows {rows}"),
                (FillSource::Merged, Lang::ZhHans) => format!("{indent}{col}列的合并单元格已按上方的值填入：第{rows}行"),
                (FillSource::Merged, Lang::ZhHant) => format!("{indent}{col}欄的合併儲存格已按上方的值填入：第{rows}行"),
                (FillSource::Above, Lang::En) => {
                    format!("{indent}Blank cells of {col} filled with the value written once above them (as merged cells): rows {rows}")
                }
                (FillSource::Above, Lang::ZhHans) => {
                    format!("{indent}{col}列的空白单元格按上方只写一次的值填入（视为合并单元格）：第{rows}行")
                }
                (FillSource::Above, Lang::ZhHant) => {
                    format!("{indent}{col}欄的空白儲存格按上方只寫一次的值填入（視為合併儲存格）：第{rows}行")
                }
                (FillSource::Ditto, Lang::En) => {
                    format!("{indent}Cells of {col} that say \"同上\" (ditto) take the value of the row above: rows {rows}")
                }
                (FillSource::Ditto, Lang::ZhHans) => format!("{indent}{col}列写“同上”的单元格已按上一行的值填入：第{rows}行"),
                (FillSource::Ditto, Lang::ZhHant) => format!("{indent}{col}欄寫「同上」的儲存格已按上一行的值填入：第{rows}行"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_and_row_lists() {
        assert_eq!([0, 25, 26, 27, 701, 702].map(column_letter), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
        assert_eq!(row_list(&[3, 4, 5, 9, 11, 12]), "3–5, 9, 11, 12");
    }
}
