//! Reading a sheet of investor leads with the list's table reader and the leads vocabulary
//! (`data/leads-headers.tsv`), and turning each row into a [`Lead`] or a [`LeadRejection`].

use crate::list::{
    read_table_bytes, read_text_table, Cell, ColumnRole, Encoding, Field, Format, LoadError, RawRow, TableReading, TableRows, Vocabulary,
    Warning,
};
use crate::money::{has_unit_word, MoneyUnit};
use crate::rank::Query;
use crate::Lang;
use serde::Serialize;

/// One investor lead: a company and what it looks for, as the sheet gives it (text, not yet
/// understood: [`Lead::query`] hands it to the ranking exactly as `rank` takes typed text).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Lead {
    /// The lead's id: its id column, else `row-N`.
    pub id: String,
    /// The company.
    pub company: String,
    /// The industry sought and the main business, joined (`新能源汽车、动力电池`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// The budget as text, with the column's unit written out for a bare figure (`5000万元`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<String>,
    /// The preferred regions (`成都、重庆`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Contact person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// Contact phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// Contact email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// Notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The row as the sheet shows it.
    pub row: usize,
    /// The sheet, when a workbook gave leads from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl Lead {
    /// The ranking query for this lead: its industry, budget and region as text, exactly what
    /// `opportunity-matcher rank --industry … --budget … --region …` would be given.
    ///
    /// ```
    /// use opportunity_matcher::leads::read_leads_text;
    /// let sheet = read_leads_text("企业名称,意向行业,投资意向金额（万元）,意向地区\n蓉新能源公司,动力电池,50000,成都\n", "leads.csv").unwrap();
    /// let q = sheet.leads[0].query(5, "en", None);
    /// assert_eq!(q.budget.as_deref(), Some("50000万元"));
    /// assert_eq!((q.industry.as_deref(), q.region.as_deref(), q.top), (Some("动力电池"), Some("成都"), Some(5)));
    /// ```
    pub fn query(&self, top: usize, lang: &str, today: Option<&str>) -> Query {
        Query {
            industry: self.industry.clone(),
            budget: self.budget.clone(),
            region: self.region.clone(),
            top: Some(top),
            lang: Some(lang.to_string()),
            today: today.map(str::to_string),
            ..Query::default()
        }
    }

    /// True when the lead gives something to match on.
    fn has_criteria(&self) -> bool {
        self.industry.is_some() || self.budget.is_some() || self.region.is_some()
    }
}

/// Why a row of a leads sheet was left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LeadRejectReason {
    /// No company name.
    MissingCompany,
    /// Neither an industry, a budget nor a region: nothing to match.
    NothingToMatch,
    /// Another row already uses this lead id.
    DuplicateId {
        /// The row that first used it.
        first_row: usize,
    },
}

/// A row of a leads sheet that was left out: its row, the field, the value and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadRejection {
    /// The row as the sheet shows it.
    pub row: usize,
    /// The sheet, when a workbook gave leads from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The column concerned.
    pub field: ColumnRole,
    /// Its value (may be empty).
    pub value: String,
    /// Why.
    pub reason: LeadRejectReason,
}

impl LeadRejection {
    /// One line in plain words, naming the row, the column (with the leads sheet's own words) and
    /// the reason.
    ///
    /// ```
    /// use opportunity_matcher::{leads::read_leads_text, Lang};
    /// let sheet = read_leads_text("企业名称,意向行业,意向地区\n,动力电池,成都\n", "leads.csv").unwrap();
    /// assert_eq!(sheet.rejected[0].message(Lang::ZhHans), "第2行，企业名称：缺少企业名称，无法识别这条线索");
    /// assert!(sheet.rejected[0].message(Lang::En).starts_with("row 2, company: "));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let row = match &self.sheet {
            None => lang.pick(format!("第{}行", self.row), format!("第{}行", self.row), format!("row {}", self.row)),
            Some(s) => lang.pick(
                format!("工作表“{s}”第{}行", self.row),
                format!("工作表「{s}」第{}行", self.row),
                format!("sheet \"{s}\" row {}", self.row),
            ),
        };
        let field = Vocabulary::Leads.label(self.field, lang);
        let value = if self.value.is_empty() {
            String::new()
        } else {
            lang.pick(format!("“{}”", self.value), format!("「{}」", self.value), format!(" \"{}\"", self.value))
        };
        match lang {
            Lang::En => format!("{row}, {field}{value}: {}", self.reason_text(lang)),
            _ => format!("{row}，{field}{value}：{}", self.reason_text(lang)),
        }
    }

    /// The reason alone, in plain words.
    pub fn reason_text(&self, lang: Lang) -> String {
        match &self.reason {
            LeadRejectReason::MissingCompany => lang
                .pick(
                    "缺少企业名称，无法识别这条线索",
                    "缺少企業名稱，無法識別這條線索",
                    "the company name is blank, so the lead cannot be named",
                )
                .to_string(),
            LeadRejectReason::NothingToMatch => lang
                .pick(
                    "没有意向行业、投资金额或意向地区，无法匹配项目",
                    "沒有意向行業、投資金額或意向地區，無法匹配項目",
                    "no industry, budget or region is given, so there is nothing to match",
                )
                .to_string(),
            LeadRejectReason::DuplicateId { first_row } => match lang {
                Lang::En => format!("the same lead id is already used in row {first_row}"),
                Lang::ZhHans => format!("线索编号与第{first_row}行重复"),
                Lang::ZhHant => format!("線索編號與第{first_row}行重複"),
            },
        }
    }
}

/// A leads sheet as read: the leads, the rows left out, the warnings, and how the table was read.
#[derive(Clone, Debug)]
pub struct LeadSheet {
    /// The leads, in sheet order.
    pub leads: Vec<Lead>,
    /// The rows left out, with their reasons.
    pub rejected: Vec<LeadRejection>,
    /// Problems that did not stop a row (an amount unit assumed from the figures' size …).
    pub warnings: Vec<Warning>,
    /// How the table was read (header row, each column's meaning, units, rows skipped).
    pub reading: TableReading,
    /// The syntax the sheet was read from.
    pub format: Format,
    /// The text encoding found.
    pub encoding: Encoding,
}

impl LeadSheet {
    /// "How I read your table", a summary line, then every rejected row and warning, in `lang`.
    ///
    /// ```
    /// use opportunity_matcher::{leads::read_leads_text, Lang};
    /// let sheet = read_leads_text("公司名称,主营业务,意向区域,联系人\n甲公司,白酒,贵州,张三\n乙公司,,,李四\n", "x.csv").unwrap();
    /// let report = sheet.report(Lang::En).join("\n");
    /// assert!(report.contains("B \"主营业务\" → main business"), "{report}");
    /// assert!(report.contains("read 1 leads, rejected 1 rows"), "{report}");
    /// ```
    pub fn report(&self, lang: Lang) -> Vec<String> {
        let mut out = self.reading.lines(lang);
        let (n, r, w) = (self.leads.len(), self.rejected.len(), self.warnings.len());
        out.push(match lang {
            Lang::En => format!("read {n} leads, rejected {r} rows, {w} warnings"),
            Lang::ZhHans => format!("已读取{n}条线索，拒绝{r}行，{w}条提示"),
            Lang::ZhHant => format!("已讀取{n}條線索，拒絕{r}行，{w}條提示"),
        });
        let rejected = lang.pick("拒绝：", "拒絕：", "rejected: ");
        out.extend(self.rejected.iter().map(|x| format!("{rejected}{}", x.message(lang))));
        let warning = lang.pick("提示：", "提示：", "warning: ");
        out.extend(self.warnings.iter().map(|x| format!("{warning}{}", x.message(lang))));
        out
    }
}

/// Reads a leads sheet from bytes: a spreadsheet (`.xlsx`, `.xls`, `.ods`; natively), a grid from
/// the browser's sheets module, or CSV, TSV or JSON text in any encoding the list reader knows.
/// Fails as a whole only when no table with a company column is found ([`LoadError`]).
///
/// ```
/// use opportunity_matcher::leads::read_leads;
/// let sheet = read_leads("company,industry,budget,preferred region\nAcme,power battery,3 billion yuan,Chengdu\n".as_bytes(), "leads.csv").unwrap();
/// assert_eq!(sheet.leads[0].company, "Acme");
/// assert_eq!(sheet.leads[0].region.as_deref(), Some("Chengdu"));
/// ```
pub fn read_leads(bytes: &[u8], file_name: &str) -> Result<LeadSheet, LoadError> {
    Ok(from_rows(read_table_bytes(bytes, file_name, Vocabulary::Leads)?))
}

/// [`read_leads`] from text (CSV, TSV or JSON; `file_name` only guides the format).
pub fn read_leads_text(text: &str, file_name: &str) -> Result<LeadSheet, LoadError> {
    Ok(from_rows(read_text_table(text, file_name, Vocabulary::Leads)?))
}

/// Why a whole leads sheet cannot be read, in `lang`: as for a list, except that the column a
/// sheet cannot do without is the company's.
///
/// ```
/// use opportunity_matcher::{leads::{read_leads_text, sheet_error}, Lang};
/// let e = read_leads_text("意向行业,意向地区\n动力电池,成都\n", "x.csv").unwrap_err();
/// assert_eq!(sheet_error(&e, Lang::ZhHans), "表头中没有“企业名称”列；表头为：意向行业、意向地区");
/// ```
pub fn sheet_error(error: &LoadError, lang: Lang) -> String {
    match error {
        LoadError::NoNameColumn { headers } => match lang {
            Lang::En => format!("no column names the company (企业名称 or company); the header row was: {}", headers.join(", ")),
            Lang::ZhHans => format!("表头中没有“企业名称”列；表头为：{}", headers.join("、")),
            Lang::ZhHant => format!("表頭中沒有「企業名稱」欄；表頭為：{}", headers.join("、")),
        },
        other => other.message(lang),
    }
}

fn text(row: &RawRow, field: Field) -> Option<String> {
    row.get(field).map(Cell::as_text).map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// The budget cell as text a query takes: a bare figure gets its column's unit written out
/// (`50000` under `投资意向金额（万元）` → `50000万元`), so that the ranking reads the amount the
/// sheet meant; a cell with its own unit word is kept as written.
fn budget_text(row: &RawRow) -> Option<String> {
    let t = text(row, Field::Investment)?;
    if has_unit_word(&t) || !t.chars().any(|c| c.is_ascii_digit()) {
        return Some(t);
    }
    let unit: MoneyUnit = row.unit(Field::Investment);
    Some(format!("{t}{}", unit.label(Lang::ZhHans)))
}

fn from_rows(table: TableRows) -> LeadSheet {
    let TableRows { rows, reading, warnings, format, encoding, .. } = table;
    let mut leads: Vec<Lead> = Vec::new();
    let mut rejected = Vec::new();
    let mut first_row_of: crate::hash::FxMap<String, usize> = crate::hash::FxMap::default();
    for row in rows {
        let industry = {
            let mut parts: Vec<String> = Vec::new();
            for t in [text(&row, Field::Sector), text(&row, Field::Tags)].into_iter().flatten() {
                if !parts.contains(&t) {
                    parts.push(t);
                }
            }
            // A group heading above the row (`一、新能源汽车`) names the industry of rows without one.
            if parts.is_empty() {
                parts.extend(row.sector_hint.clone().filter(|h| !h.trim().is_empty()));
            }
            (!parts.is_empty()).then(|| parts.join("、"))
        };
        let company = text(&row, Field::Name);
        let id = text(&row, Field::Id).or_else(|| row.default_id.clone()).unwrap_or_else(|| format!("row-{}", row.row));
        let lead = Lead {
            id: id.clone(),
            company: company.clone().unwrap_or_default(),
            industry,
            budget: budget_text(&row),
            region: text(&row, Field::Region),
            contact_name: text(&row, Field::ContactName),
            contact_phone: text(&row, Field::ContactPhone),
            contact_email: text(&row, Field::ContactEmail),
            notes: text(&row, Field::Description),
            row: row.row,
            sheet: row.sheet.clone(),
        };
        let reject = |field: Field, value: String, reason: LeadRejectReason| LeadRejection {
            row: row.row,
            sheet: row.sheet.clone(),
            field: ColumnRole::Field(field),
            value,
            reason,
        };
        if company.is_none() {
            rejected.push(reject(Field::Name, String::new(), LeadRejectReason::MissingCompany));
        } else if !lead.has_criteria() {
            rejected.push(reject(Field::Sector, String::new(), LeadRejectReason::NothingToMatch));
        } else if let Some(&first_row) = first_row_of.get(&id) {
            rejected.push(reject(Field::Id, id, LeadRejectReason::DuplicateId { first_row }));
        } else {
            first_row_of.insert(id, row.row);
            leads.push(lead);
        }
    }
    LeadSheet { leads, rejected, warnings, reading, format, encoding }
}
