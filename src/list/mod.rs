//! Loading an opportunity list (docs/contract.md, "List format"): JSON or CSV, UTF-8 (with or without BOM), UTF-16 or
//! GB18030/GBK, English keys or the Chinese headers officials use.
//!
//! Every row that can be used loads; every row that cannot is a [`Rejection`] naming its row, field,
//! value and reason; problems that do not stop a row are [`Warning`]s. Loading never panics and never
//! hangs, whatever the bytes: the only error for the whole list is a [`LoadError`] (empty file,
//! broken JSON, no name column).
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
pub(crate) mod raw;
mod report;
mod store;
pub(crate) mod validate;

pub use decode::{decode, Encoding};
pub use export::to_normalised_json;
pub use fields::{field_for_header, Field};
pub use report::{RejectReason, Rejection, Warning, WarningKind};
pub(crate) use store::FacetCounter;
pub use store::{Facets, ProjectRecords, ProjectStore, Projects, ThreadSafe};

use crate::gazetteer::RegionId;
use crate::money::{Amount, Currency, Fx};
use crate::Lang;
use serde::Serialize;

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
}

impl OpportunityList {
    /// A summary line: `loaded 180 projects, rejected 2 rows, 3 warnings`.
    pub fn summary(&self, lang: Lang) -> String {
        summary(self.projects.len(), self.rejected.len(), self.warnings.len(), lang)
    }
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
    if lower.ends_with(".json") {
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

/// Loads a list from text. `file_name` only guides the format (`.json` / `.csv`); pass `""` to sniff.
pub fn load_text(text: &str, file_name: &str) -> Result<OpportunityList, LoadError> {
    let format = detect_format(text, file_name);
    let mut warnings = Vec::new();
    let (meta, rows) = match format {
        Format::Csv => (raw::JsonMeta::default(), raw::csv_rows(text, &mut warnings)?),
        Format::Json | Format::Compact => raw::json_rows(text, &mut warnings)?,
    };
    let (meta, projects, rejected) = validate::validate(meta, rows, &mut warnings);
    Ok(OpportunityList { meta, projects, rejected, warnings, format, encoding: Encoding::Utf8 })
}

/// Loads a list from bytes, detecting the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
/// else GB18030/GBK). A compact list (written by `convert LIST OUT.oml`, see [`to_compact`]) is
/// recognised by its first bytes; [`crate::rank::Matcher::from_compact`] also reuses its index.
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
    if crate::oml::is_compact(bytes) {
        return crate::oml::read_list(bytes);
    }
    let (text, encoding) = decode(bytes);
    let mut list = load_text(&text, file_name)?;
    list.encoding = encoding;
    Ok(list)
}
