//! Turning CSV or JSON text into raw rows: cells tagged with their field, not yet validated. Both
//! formats end here so that validation (`validate.rs`) is one code path.

use super::fields::{field_for_header, header_scale, Field};
use super::report::{excerpt, Warning, WarningKind};
use super::LoadError;

/// A cell as the source gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (all CSV cells, JSON strings).
    Text(String),
    /// A JSON array of strings.
    List(Vec<String>),
    /// A JSON number.
    Number(f64),
}

impl Cell {
    /// The cell as text (a list joined with `、`, a number without trailing zeros).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_string(),
            Cell::List(v) => v.join("、"),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e17 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
        }
    }
}

/// One source row: its row number and its cells, with the scale a column header's unit gives bare
/// numbers (`总投资(万元)` → 10,000).
#[derive(Debug, Default)]
pub struct RawRow {
    /// Row number as a spreadsheet shows it (CSV: header is row 1), or the 1-based index in JSON.
    pub row: usize,
    /// `(field, cell, scale)`.
    pub cells: Vec<(Field, Cell, f64)>,
}

impl RawRow {
    /// The cell for a field, if the row has it and it is not blank.
    pub fn get(&self, field: Field) -> Option<&Cell> {
        self.cells.iter().find(|(f, c, _)| *f == field && !matches!(c, Cell::Text(t) if t.trim().is_empty())).map(|(_, c, _)| c)
    }

    /// The header scale for a field's column.
    pub fn scale(&self, field: Field) -> f64 {
        self.cells.iter().find(|(f, _, _)| *f == field).map(|(_, _, s)| *s).unwrap_or(1.0)
    }
}

/// Picks the CSV delimiter from the header line: tab (Excel's "Unicode text"), semicolon, or comma.
fn sniff_delimiter(text: &str) -> u8 {
    // The first record end of any kind: a file with bare CR line ends (old Mac Excel) has no `\n`.
    let header = text.split(['\r', '\n']).next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Reads CSV text (RFC 4180: quoted commas, doubled quotes, newlines inside quotes).
pub fn csv_rows(text: &str, warnings: &mut Vec<Warning>) -> Result<Vec<RawRow>, LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(sniff_delimiter(text)).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => break r,
            Some(Err(e)) => return Err(LoadError::Csv { message: e.to_string() }),
            None => return Err(LoadError::Empty),
        }
    };
    let mut columns: Vec<Option<(Field, f64)>> = Vec::new();
    for h in header.iter() {
        let field = field_for_header(h);
        match field {
            None if !h.trim().is_empty() => {
                warnings.push(Warning { row: Some(1), field: None, value: excerpt(h.trim()), kind: WarningKind::UnknownHeader })
            }
            Some(f) if columns.iter().flatten().any(|(g, _)| *g == f) => {
                warnings.push(Warning { row: Some(1), field: Some(f), value: excerpt(h.trim()), kind: WarningKind::DuplicateHeader });
                columns.push(None);
                continue;
            }
            _ => {}
        }
        columns.push(field.map(|f| (f, header_scale(h))));
    }
    if !columns.iter().flatten().any(|(f, _)| *f == Field::Name) {
        return Err(LoadError::NoNameColumn { headers: header.iter().map(|h| excerpt(h.trim())).collect() });
    }
    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| LoadError::Csv { message: e.to_string() })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > columns.len() && record.iter().skip(columns.len()).any(|c| !c.trim().is_empty()) {
            warnings.push(Warning { row: Some(row), field: None, value: String::new(), kind: WarningKind::ExtraCells });
        }
        let cells =
            record.iter().zip(&columns).filter_map(|(cell, col)| col.map(|(f, scale)| (f, Cell::Text(cell.to_string()), scale))).collect();
        rows.push(RawRow { row, cells });
    }
    Ok(rows)
}

/// The list-level settings a JSON object may carry.
#[derive(Debug, Default)]
pub struct JsonMeta {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub updated: Option<String>,
    pub currency: Option<String>,
    pub fx: Vec<(String, serde_json::Value)>,
    pub notice: Option<String>,
}

/// Reads a JSON list: an array of projects, or an object with `projects`.
pub fn json_rows(text: &str, warnings: &mut Vec<Warning>) -> Result<(JsonMeta, Vec<RawRow>), LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::Json { line: e.line(), column: e.column(), message: e.to_string() })?;
    let mut meta = JsonMeta::default();
    let projects = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut obj) => {
            let text_of = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_string);
            meta.title = text_of(obj.get("title"));
            meta.publisher = text_of(obj.get("publisher"));
            meta.updated = text_of(obj.get("updated"));
            meta.currency = text_of(obj.get("currency"));
            meta.notice = text_of(obj.get("notice"));
            if let Some(serde_json::Value::Object(fx)) = obj.get("fx") {
                meta.fx = fx.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            }
            match obj.remove("projects") {
                Some(serde_json::Value::Array(items)) => items,
                _ => return Err(LoadError::NoProjects),
            }
        }
        _ => return Err(LoadError::NoProjects),
    };
    let mut unknown_keys: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(projects.len());
    for (i, item) in projects.into_iter().enumerate() {
        let row = i + 1;
        let serde_json::Value::Object(obj) = item else {
            rows.push(RawRow { row, cells: Vec::new() });
            continue;
        };
        let mut cells = Vec::with_capacity(obj.len());
        for (key, v) in obj {
            let field = Field::from_key(&key).or_else(|| field_for_header(&key));
            let Some(field) = field else {
                if !unknown_keys.contains(&key) {
                    unknown_keys.push(key);
                }
                continue;
            };
            let cell = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => Cell::Text(s),
                serde_json::Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
                serde_json::Value::Bool(b) => Cell::Text(b.to_string()),
                serde_json::Value::Array(a) => Cell::List(
                    a.into_iter()
                        .filter_map(|x| match x {
                            serde_json::Value::String(s) => Some(s),
                            serde_json::Value::Number(n) => Some(n.to_string()),
                            _ => None,
                        })
                        .collect(),
                ),
                serde_json::Value::Object(_) => Cell::Text(String::new()),
            };
            if !cells.iter().any(|(f, _, _)| *f == field) {
                cells.push((field, cell, 1.0));
            }
        }
        rows.push(RawRow { row, cells });
    }
    for key in unknown_keys {
        warnings.push(Warning { row: None, field: None, value: excerpt(&key), kind: WarningKind::UnknownHeader });
    }
    Ok((meta, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_commas_quotes_and_newlines_survive() {
        let text = "项目名称,项目地点,总投资\n\"名称含逗号,和\"\"引号\"\"的项目\",宁波市海曙区,\"1,200万元\"\n\"多行\n简介\",成都,1亿\n";
        let mut w = Vec::new();
        let rows = csv_rows(text, &mut w).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get(Field::Name), Some(&Cell::Text("名称含逗号,和\"引号\"的项目".into())));
        assert_eq!(rows[0].get(Field::Investment), Some(&Cell::Text("1,200万元".into())));
        assert_eq!(rows[1].row, 3);
        assert!(w.is_empty());
    }

    #[test]
    fn unknown_headers_warn_and_tabs_are_sniffed() {
        let mut w = Vec::new();
        let rows = csv_rows("项目名称\t备注\t地区\nA\tx\t成都\n", &mut w).unwrap();
        assert_eq!(rows[0].get(Field::Region), Some(&Cell::Text("成都".into())));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].kind, WarningKind::UnknownHeader);
    }

    #[test]
    fn a_csv_without_a_name_column_is_an_error_that_lists_the_headers() {
        let err = csv_rows("a,b\n1,2\n", &mut Vec::new()).unwrap_err();
        assert_eq!(err, LoadError::NoNameColumn { headers: vec!["a".into(), "b".into()] });
    }

    #[test]
    fn json_array_and_object_forms() {
        let mut w = Vec::new();
        let (_, rows) = json_rows(r#"[{"name":"A","region":"510116","investment":2500000000,"tags":["x","y"]}]"#, &mut w).unwrap();
        assert_eq!(rows[0].get(Field::Investment), Some(&Cell::Number(2.5e9)));
        assert_eq!(rows[0].get(Field::Tags), Some(&Cell::List(vec!["x".into(), "y".into()])));
        let (meta, rows) = json_rows(r#"{"title":"T","fx":{"USD":7.0},"projects":[{"项目名称":"B","oops":1}]}"#, &mut w).unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(rows[0].get(Field::Name), Some(&Cell::Text("B".into())));
        assert_eq!(w.last().map(|w| w.value.as_str()), Some("oops"));
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(json_rows(&deep, &mut Vec::new()), Err(LoadError::Json { .. })));
    }
}
