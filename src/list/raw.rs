//! Cells and raw rows: what the table reader (`table.rs`) hands to validation (`validate.rs`), and
//! JSON text turned into a [`Grid`] (the keys its header row) so that JSON is read like any table.

use super::fields::{ColumnRole, Field, Vocabulary};
use super::grid::{Grid, GridRow, Sheet, SourceKind};
use super::LoadError;
use crate::money::MoneyUnit;

/// A cell as the source gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (CSV cells, JSON strings, spreadsheet text; blank is `Text("")`).
    Text(String),
    /// A JSON array of strings.
    List(Vec<String>),
    /// A number (JSON, spreadsheet).
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

/// One source row, its cells tagged with their field: the row number, the unit of each amount
/// column (`总投资（万元）` → 万元), and what the table around it says.
#[derive(Debug, Default)]
pub struct RawRow {
    /// Row number as a spreadsheet shows it (CSV: the record number), or the 1-based index in JSON.
    pub row: usize,
    /// The sheet, when a workbook gave projects from several.
    pub sheet: Option<String>,
    /// `(field, cell, unit of bare figures)`.
    pub cells: Vec<(Field, Cell, MoneyUnit)>,
    /// The sector a group heading above the row (or its sheet's name) gives, for a row without one.
    pub sector_hint: Option<String>,
    /// The id for a row without one, when `row-N` would not be unique (several sheets).
    pub default_id: Option<String>,
    /// The place was a blank filled with the value written above it (a CSV's merged block): the
    /// project's name may still say otherwise.
    pub place_filled: bool,
}

impl RawRow {
    /// The cell for a field, if the row has it and it is not blank.
    pub fn get(&self, field: Field) -> Option<&Cell> {
        self.cells.iter().find(|(f, c, _)| *f == field && !matches!(c, Cell::Text(t) if t.trim().is_empty())).map(|(_, c, _)| c)
    }

    /// Sets a field's cell (replacing the first one the row has).
    pub fn set(&mut self, field: Field, cell: Cell) {
        match self.cells.iter_mut().find(|(f, _, _)| *f == field) {
            Some(slot) => slot.1 = cell,
            None => self.cells.push((field, cell, MoneyUnit::YUAN)),
        }
    }

    /// The unit of bare figures in a field's column.
    pub fn unit(&self, field: Field) -> MoneyUnit {
        self.cells.iter().find(|(f, _, _)| *f == field).map(|(_, _, u)| *u).unwrap_or(MoneyUnit::YUAN)
    }
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

/// Keys under which portals put their rows, tried first (any array of project objects is found).
const ENVELOPE_KEYS: [&str; 12] =
    ["projects", "list", "rows", "records", "items", "result", "data", "content", "datas", "dataList", "results", "page"];

/// How many of an array's items are objects with a key that names the project.
fn projects_in(items: &[serde_json::Value], vocab: Vocabulary) -> usize {
    items
        .iter()
        .filter(|v| {
            v.as_object().is_some_and(|o| {
                o.keys().any(|k| {
                    Field::from_key(k) == Some(Field::Name) || vocab.read(k).is_some_and(|m| m.role == ColumnRole::Field(Field::Name))
                })
            })
        })
        .count()
}

/// Finds the array of projects: the document itself, `projects`, or the array of project objects
/// inside an API envelope (`{"code":0,"data":{"list":[…]}}`, `rows`, `records`, `result`, a nested
/// `data.data` …), searched breadth-first to five levels. Returns its path (`data.list`).
fn find_projects(value: &mut serde_json::Value, vocab: Vocabulary) -> Option<(String, Vec<serde_json::Value>)> {
    if let serde_json::Value::Array(items) = value {
        return Some((String::new(), std::mem::take(items)));
    }
    if let Some(serde_json::Value::Array(_)) = value.get("projects") {
        let Some(serde_json::Value::Array(items)) = value.get_mut("projects").map(std::mem::take) else { return None };
        return Some(("projects".into(), items));
    }
    // Breadth-first over objects (and arrays of one object), best array by project count.
    let mut best: Option<(usize, String)> = None;
    let mut queue: Vec<(String, &serde_json::Value, usize)> = vec![(String::new(), &*value, 0)];
    let mut visited = 0;
    while let Some((path, v, depth)) = (!queue.is_empty()).then(|| queue.remove(0)) {
        visited += 1;
        if depth > 5 || visited > 10_000 {
            break;
        }
        let join = |k: &str| if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
        match v {
            serde_json::Value::Object(obj) => {
                let mut keys: Vec<&String> = obj.keys().collect();
                // Known envelope keys first, so a tie goes to them.
                crate::sort::sort_by_key(&mut keys, |k| ENVELOPE_KEYS.iter().position(|e| e.eq_ignore_ascii_case(k)).unwrap_or(usize::MAX));
                for k in keys {
                    queue.push((join(k), &obj[k], depth + 1));
                }
            }
            serde_json::Value::Array(items) => {
                let n = projects_in(items, vocab);
                if n > 0 && best.as_ref().is_none_or(|(b, _)| n > *b) {
                    best = Some((n, path.clone()));
                }
            }
            _ => {}
        }
    }
    let (_, path) = best?;
    let mut target = &mut *value;
    for key in path.split('.') {
        target = target.get_mut(key)?;
    }
    match std::mem::take(target) {
        serde_json::Value::Array(items) => Some((path, items)),
        _ => None,
    }
}

/// Reads a JSON list into a grid: the first row holds the keys (in order of first appearance), each
/// project a row numbered by its place in the array. Also returns the list settings and where the
/// array was found. `vocab` names the key that marks a row (the project name, or a lead's company).
pub fn json_grid(text: &str, vocab: Vocabulary) -> Result<(JsonMeta, Grid, String), LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::Json { line: e.line(), column: e.column(), message: e.to_string() })?;
    let mut meta = JsonMeta::default();
    if let serde_json::Value::Object(obj) = &value {
        let text_of = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_string);
        meta.title = text_of(obj.get("title"));
        meta.publisher = text_of(obj.get("publisher"));
        meta.updated = text_of(obj.get("updated"));
        meta.currency = text_of(obj.get("currency"));
        meta.notice = text_of(obj.get("notice"));
        if let Some(serde_json::Value::Object(fx)) = obj.get("fx") {
            meta.fx = fx.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        }
    }
    let (path, projects) = find_projects(&mut value, vocab).ok_or(LoadError::NoProjects)?;
    let mut keys: Vec<String> = Vec::new();
    let mut key_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows = vec![GridRow { number: 0, cells: Vec::new() }];
    for (i, item) in projects.into_iter().enumerate() {
        let mut cells: Vec<super::raw::Cell> = vec![Cell::Text(String::new()); keys.len()];
        if let serde_json::Value::Object(obj) = item {
            for (key, v) in obj {
                let c = *key_index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key.clone());
                    keys.len() - 1
                });
                if cells.len() <= c {
                    cells.resize(c + 1, Cell::Text(String::new()));
                }
                cells[c] = match v {
                    serde_json::Value::Null | serde_json::Value::Object(_) => Cell::Text(String::new()),
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
                };
            }
        }
        rows.push(GridRow { number: i + 1, cells });
    }
    rows[0].cells = keys.into_iter().map(Cell::Text).collect();
    Ok((meta, Grid { kind: SourceKind::Json, sheets: vec![Sheet { name: String::new(), rows, merged: Vec::new() }] }, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_array_is_found_inside_envelopes() {
        for (doc, path) in [
            (r#"[{"name":"A"}]"#, ""),
            (r#"{"projects":[{"name":"A"}]}"#, "projects"),
            (r#"{"code":0,"msg":"ok","data":{"list":[{"项目名称":"A"}],"total":1}}"#, "data.list"),
            (r#"{"code":200,"data":{"data":{"records":[{"projectName":"x","项目名称":"A"}]}}}"#, "data.data.records"),
            (r#"{"success":true,"result":{"rows":[{"xmmc":1},{"项目名称":"A"}],"tags":["a"]}}"#, "result.rows"),
            (r#"{"status":"ok","items":[{"名称":"A"}]}"#, "items"),
        ] {
            let (_, grid, found) = json_grid(doc, Vocabulary::List).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(found, path, "{doc}");
            assert!(grid.sheets[0].rows.len() >= 2, "{doc}");
        }
        assert_eq!(json_grid(r#"{"code":0,"data":{"total":0}}"#, Vocabulary::List).err(), Some(LoadError::NoProjects));
    }

    #[test]
    fn keys_become_a_header_row() {
        let (_, grid, _) =
            json_grid(r#"[{"名称":"A","总投资（万元）":120000},{"总投资（万元）":5,"地点":"成都","名称":"B"}]"#, Vocabulary::List).unwrap();
        let rows = &grid.sheets[0].rows;
        let texts: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(Cell::as_text).collect()).collect();
        assert_eq!(texts, [vec!["名称", "总投资（万元）", "地点"], vec!["A", "120000"], vec!["B", "5", "成都"]]);
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(json_grid(&deep, Vocabulary::List), Err(LoadError::Json { .. })));
    }
}
