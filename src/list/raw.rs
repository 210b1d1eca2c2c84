//! Raw rows: what the table reader (`table.rs`) hands to validation (`validate.rs`), and
//! JSON text turned into a [`Grid`] (the keys its header row) so that JSON is read like any table.

use super::fields::{ColumnRole, Field, Vocabulary};
use super::grid::{Cell, Grid, GridRow, Sheet, SourceKind};
use super::LoadError;
use crate::money::MoneyUnit;
use std::borrow::Cow;

/// One source row, its cells tagged with their field: the row number, the unit of each amount
/// column (`总投资（万元）` → 万元), and what the table around it says.
#[derive(Debug, Default)]
pub struct RawRow {
    /// Row number as a spreadsheet shows it (CSV: the record number), or the 1-based index in JSON.
    pub row: usize,
    /// The sheet, when a workbook gave projects from several.
    pub sheet: Option<String>,
    /// `(field, cell)`, the row's cells that are not blank, in column order.
    pub cells: Vec<(Field, Cell)>,
    /// The unit of bare figures in the row's amount columns (`总投资（万元）` → 万元); a field not
    /// here is read in yuan. Kept apart from the cells: most fields are not amounts, and a national
    /// list holds every row until it is validated.
    pub units: Vec<(Field, MoneyUnit)>,
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
        self.cells.iter().find(|(f, c)| holds(*f, c, field)).map(|(_, c)| c)
    }

    /// [`RawRow::get`], to change the cell.
    pub fn get_mut(&mut self, field: Field) -> Option<&mut Cell> {
        self.cells.iter_mut().find(|(f, c)| holds(*f, c, field)).map(|(_, c)| c)
    }

    /// Sets a field's cell (replacing the first one the row has).
    pub fn set(&mut self, field: Field, cell: Cell) {
        match self.cells.iter_mut().find(|(f, _)| *f == field) {
            Some(slot) => slot.1 = cell,
            None => self.cells.push((field, cell)),
        }
    }

    /// The unit of bare figures in a field's column.
    pub fn unit(&self, field: Field) -> MoneyUnit {
        self.units.iter().find(|(f, _)| *f == field).map(|(_, u)| *u).unwrap_or(MoneyUnit::YUAN)
    }
}

/// True when a row's `(f, cell)` gives `field` a value (a blank text cell reads as absent).
fn holds(f: Field, cell: &Cell, field: Field) -> bool {
    f == field && !matches!(cell, Cell::Text(t) if t.trim().is_empty())
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
    /// What else may name the list's own area: the rows above a table's header (`雅安市荥经县2026年
    /// 招商引资项目清单`, `填报单位：…`) and its sheets' names.
    pub titles: Vec<String>,
}

/// Keys under which portals put their rows, tried first (any array of project objects is found).
const ENVELOPE_KEYS: [&str; 12] =
    ["projects", "list", "rows", "records", "items", "result", "data", "content", "datas", "dataList", "results", "page"];

/// JSON as a list is read from it: like `serde_json::Value`, but an object's keys are numbers into
/// one table of key names, and its entries sit in a vector sorted by key. A national list repeats
/// the same two dozen keys in each of its 100,000 objects: as `Value`s those are millions of small
/// strings and tree nodes, here one number each.
#[derive(Clone)]
enum Json {
    Null,
    Bool(bool),
    Num(serde_json::Number),
    // Boxed slices, not vectors: a value is 24 bytes instead of 32, and each object and string
    // takes exactly its size (a national list holds a million and a half of them at once).
    Str(Box<str>),
    Arr(Box<[Json]>),
    Obj(Box<[(u32, Json)]>),
}

/// The key names of a document, each once.
#[derive(Default)]
struct Keys {
    names: Vec<String>,
    ids: crate::hash::FxMap<String, u32>,
    /// Each key's place among the names in order (valid while it has one entry per name): every
    /// object's entries are put in key order, by number rather than by comparing names.
    ranks: Vec<u32>,
    /// Scratch for [`Keys::sort`], reused across objects.
    order: Vec<u64>,
}

/// Up to this many distinct keys the ranks are remade when a key is new; a hostile document with
/// more sorts its objects by the names themselves (same order, no quadratic re-ranking).
const MAX_RANKED_KEYS: usize = 4096;

impl Keys {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(key.to_string());
        self.ids.insert(key.to_string(), id);
        id
    }

    /// Puts an object's entries in the order of their key names (as `serde_json::Map` iterates).
    fn sort(&mut self, entries: &mut [(u32, Json)]) {
        if self.ranks.len() != self.names.len() && self.names.len() <= MAX_RANKED_KEYS {
            let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
            crate::sort::sort_by(&mut order, |a, b| self.names[*a as usize].cmp(&self.names[*b as usize]));
            self.ranks = vec![0; order.len()];
            for (rank, id) in order.into_iter().enumerate() {
                self.ranks[id as usize] = rank as u32;
            }
        }
        if self.ranks.len() == self.names.len() {
            // Keys are unique within an object (a repeated key keeps one entry).
            crate::sort::sort_by_unique_u32_key(entries, |(id, _)| self.ranks[*id as usize], &mut self.order);
        } else {
            crate::sort::sort_by(entries, |a, b| self.names[a.0 as usize].cmp(&self.names[b.0 as usize]));
        }
    }
}

/// Reads one JSON value into a [`Json`], interning object keys in the shared [`Keys`].
struct JsonSeed<'k>(&'k std::cell::RefCell<Keys>);

impl<'de> serde::de::DeserializeSeed<'de> for JsonSeed<'_> {
    type Value = Json;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for JsonSeed<'_> {
    type Value = Json;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Num))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.into()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v.into_boxed_str()))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(JsonSeed(self.0))? {
            items.push(item);
        }
        // A national list holds its projects' objects until they become rows: no spare room.
        Ok(Json::Arr(items.into_boxed_slice()))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries: Vec<(u32, Json)> = Vec::new();
        while let Some(id) = map.next_key_seed(KeySeed(self.0))? {
            let value = map.next_value_seed(JsonSeed(self.0))?;
            // A key given twice keeps its last value, as `serde_json::Map` does.
            match entries.iter_mut().find(|(k, _)| *k == id) {
                Some(slot) => slot.1 = value,
                None => entries.push((id, value)),
            }
        }
        // In key order, as `serde_json::Map` iterates: the columns of the grid come out the same
        // whatever order each object was written in.
        self.0.borrow_mut().sort(&mut entries);
        Ok(Json::Obj(entries.into_boxed_slice()))
    }
}

/// Reads an object key straight into its number in [`Keys`] (no string kept per object).
struct KeySeed<'k>(&'k std::cell::RefCell<Keys>);

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed<'_> {
    type Value = u32;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySeed<'_> {
    type Value = u32;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E>(self, v: &str) -> Result<u32, E> {
        Ok(self.0.borrow_mut().id(v))
    }
}

impl Json {
    fn get(&self, keys: &Keys, key: &str) -> Option<&Json> {
        let id = *keys.ids.get(key)?;
        match self {
            Json::Obj(entries) => entries.iter().find(|(k, _)| *k == id).map(|(_, v)| v),
            _ => None,
        }
    }

    fn get_mut(&mut self, keys: &Keys, key: &str) -> Option<&mut Json> {
        let id = *keys.ids.get(key)?;
        match self {
            Json::Obj(entries) => entries.iter_mut().find(|(k, _)| *k == id).map(|(_, v)| v),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value as `serde_json` has it (the list settings: exchange rates).
    fn into_value(self, keys: &Keys) -> serde_json::Value {
        match self {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(b),
            Json::Num(n) => serde_json::Value::Number(n),
            Json::Str(s) => serde_json::Value::String(s.into_string()),
            Json::Arr(items) => serde_json::Value::Array(items.into_vec().into_iter().map(|v| v.into_value(keys)).collect()),
            Json::Obj(entries) => serde_json::Value::Object(
                entries.into_vec().into_iter().map(|(k, v)| (keys.names[k as usize].clone(), v.into_value(keys))).collect(),
            ),
        }
    }
}

/// How many of an array's items are objects with a key that names the project.
fn projects_in(items: &[Json], names_project: &[bool]) -> usize {
    items.iter().filter(|v| matches!(v, Json::Obj(entries) if entries.iter().any(|(k, _)| names_project[*k as usize]))).count()
}

/// Finds the array of projects: the document itself, `projects`, or the array of project objects
/// inside an API envelope (`{"code":0,"data":{"list":[…]}}`, `rows`, `records`, `result`, a nested
/// `data.data` …), searched breadth-first to five levels. Returns its path (`data.list`).
fn find_projects(value: &mut Json, keys: &Keys, vocab: Vocabulary) -> Option<(String, Vec<Json>)> {
    if let Json::Arr(items) = value {
        return Some((String::new(), std::mem::take(items).into_vec()));
    }
    if let Some(Json::Arr(items)) = value.get_mut(keys, "projects") {
        return Some(("projects".into(), std::mem::take(items).into_vec()));
    }
    // Which keys name the project, decided once per key rather than once per object.
    let names_project: Vec<bool> = keys
        .names
        .iter()
        .map(|k| Field::from_key(k) == Some(Field::Name) || vocab.read(k).is_some_and(|m| m.role == ColumnRole::Field(Field::Name)))
        .collect();
    // Breadth-first over objects (and arrays of one object), best array by project count.
    let mut best: Option<(usize, String)> = None;
    let mut queue: std::collections::VecDeque<(String, &Json, usize)> = std::collections::VecDeque::from([(String::new(), &*value, 0)]);
    let mut visited = 0;
    while let Some((path, v, depth)) = queue.pop_front() {
        visited += 1;
        if depth > 5 || visited > 10_000 {
            break;
        }
        let join = |k: &str| if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
        match v {
            Json::Obj(entries) => {
                let mut order: Vec<&(u32, Json)> = entries.iter().collect();
                // Known envelope keys first, so a tie goes to them.
                crate::sort::sort_by_key(&mut order, |(k, _)| {
                    ENVELOPE_KEYS.iter().position(|e| e.eq_ignore_ascii_case(&keys.names[*k as usize])).unwrap_or(usize::MAX)
                });
                for (k, child) in order {
                    queue.push_back((join(&keys.names[*k as usize]), child, depth + 1));
                }
            }
            Json::Arr(items) => {
                let n = projects_in(items, &names_project);
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
        target = target.get_mut(keys, key)?;
    }
    match std::mem::replace(target, Json::Null) {
        Json::Arr(items) => Some((path, items.into_vec())),
        _ => None,
    }
}

/// Reads a JSON list into a grid: the first row holds the keys (in order of first appearance), each
/// project a row numbered by its place in the array. Also returns the list settings and where the
/// array was found. `vocab` names the key that marks a row (the project name, or a lead's company).
///
/// Text the caller gives up (`Cow::Owned`) is dropped once it is parsed, before the projects
/// become rows: a national list is not held as text, tree and rows at once.
pub fn json_grid(text: Cow<'_, str>, vocab: Vocabulary) -> Result<(JsonMeta, Grid, String), LoadError> {
    let (keys, value) = {
        let body = text.trim_start_matches('\u{feff}');
        if body.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        parse(serde_json::Deserializer::from_str(body))?
    };
    drop(text);
    grid_of(keys, value, vocab)
}

/// [`json_grid`] of UTF-8 text read a piece at a time (a page's file left where it is, outside the
/// wasm heap): the text is never held whole, only the values read from it.
pub fn json_grid_from_reader(text: impl std::io::Read, vocab: Vocabulary) -> Result<(JsonMeta, Grid, String), LoadError> {
    let (keys, value) = parse(serde_json::Deserializer::from_reader(text))?;
    grid_of(keys, value, vocab)
}

/// One JSON document, the whole input.
fn parse<'de, R: serde_json::de::Read<'de>>(mut de: serde_json::Deserializer<R>) -> Result<(Keys, Json), LoadError> {
    let json_error = |e: serde_json::Error| LoadError::Json { line: e.line(), column: e.column(), message: e.to_string() };
    let keys = std::cell::RefCell::new(Keys::default());
    let value = serde::de::DeserializeSeed::deserialize(JsonSeed(&keys), &mut de).map_err(json_error)?;
    de.end().map_err(json_error)?;
    Ok((keys.into_inner(), value))
}

/// The settings and the grid of a parsed document.
fn grid_of(keys: Keys, mut value: Json, vocab: Vocabulary) -> Result<(JsonMeta, Grid, String), LoadError> {
    let mut meta = JsonMeta::default();
    if let Json::Obj(_) = &value {
        let text_of = |key: &str| value.get(&keys, key).and_then(Json::as_str).map(str::to_string);
        meta.title = text_of("title");
        meta.publisher = text_of("publisher");
        meta.updated = text_of("updated");
        meta.currency = text_of("currency");
        meta.notice = text_of("notice");
        if let Some(fx @ Json::Obj(_)) = value.get(&keys, "fx") {
            if let serde_json::Value::Object(fx) = fx.clone().into_value(&keys) {
                meta.fx = fx.into_iter().collect();
            }
        }
    }
    let (path, projects) = find_projects(&mut value, &keys, vocab).ok_or(LoadError::NoProjects)?;
    drop(value);
    // Document key → grid column, in order of first appearance.
    let mut column_of: Vec<Option<usize>> = vec![None; keys.names.len()];
    let mut header: Vec<Cell> = Vec::new();
    let mut rows = vec![GridRow { number: 0, cells: Vec::new() }];
    rows.reserve(projects.len());
    for (i, item) in projects.into_iter().enumerate() {
        let mut cells: Vec<Cell> = vec![Cell::Text(String::new()); header.len()];
        if let Json::Obj(entries) = item {
            for (key, v) in entries.into_vec() {
                let c = *column_of[key as usize].get_or_insert_with(|| {
                    header.push(Cell::Text(keys.names[key as usize].clone()));
                    header.len() - 1
                });
                if cells.len() <= c {
                    cells.resize(c + 1, Cell::Text(String::new()));
                }
                cells[c] = match v {
                    Json::Null | Json::Obj(_) => Cell::Text(String::new()),
                    Json::Str(s) => Cell::Text(s.into_string()),
                    Json::Num(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
                    Json::Bool(b) => Cell::Text(b.to_string()),
                    Json::Arr(a) => Cell::List(
                        a.into_vec()
                            .into_iter()
                            .filter_map(|x| match x {
                                Json::Str(s) => Some(s.into_string()),
                                Json::Num(n) => Some(n.to_string()),
                                _ => None,
                            })
                            .collect(),
                    ),
                };
            }
        }
        rows.push(GridRow { number: i + 1, cells });
    }
    rows[0].cells = header;
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
            let (_, grid, found) = json_grid(doc.into(), Vocabulary::List).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(found, path, "{doc}");
            assert!(grid.sheets[0].rows.len() >= 2, "{doc}");
        }
        assert_eq!(json_grid(r#"{"code":0,"data":{"total":0}}"#.into(), Vocabulary::List).err(), Some(LoadError::NoProjects));
    }

    #[test]
    fn keys_become_a_header_row() {
        let (_, grid, _) =
            json_grid(r#"[{"名称":"A","总投资（万元）":120000},{"总投资（万元）":5,"地点":"成都","名称":"B"}]"#.into(), Vocabulary::List)
                .unwrap();
        let rows = &grid.sheets[0].rows;
        let texts: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(Cell::as_text).collect()).collect();
        assert_eq!(texts, [vec!["名称", "总投资（万元）", "地点"], vec!["A", "120000"], vec!["B", "5", "成都"]]);
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn an_object_with_many_keys_in_any_order_gives_the_same_row() {
        // Thirty keys (more than a short insertion sort handles), written in three orders: the
        // header is the keys in name order, each value under its own key.
        let keys: Vec<String> = (0..30).map(|i| format!("k{:02}", (i * 7) % 30)).collect();
        let object = |order: &[usize]| {
            let body: Vec<String> = order.iter().map(|&i| format!("\"{}\":\"v{}\"", keys[i], &keys[i][1..])).collect();
            format!("{{{}}}", body.join(","))
        };
        let forward: Vec<usize> = (0..30).collect();
        let backward: Vec<usize> = (0..30).rev().collect();
        let shuffled: Vec<usize> = (0..30).map(|i| (i * 11) % 30).collect();
        let doc = format!("[{},{},{}]", object(&forward), object(&backward), object(&shuffled));
        let (_, grid, _) = json_grid(doc.as_str().into(), Vocabulary::List).unwrap();
        let rows = &grid.sheets[0].rows;
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(rows[0].cells.iter().map(Cell::as_text).collect::<Vec<_>>(), sorted);
        for row in &rows[1..] {
            let values: Vec<String> = row.cells.iter().map(Cell::as_text).collect();
            assert_eq!(values, sorted.iter().map(|k| format!("v{}", &k[1..])).collect::<Vec<_>>());
        }
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(json_grid(deep.as_str().into(), Vocabulary::List), Err(LoadError::Json { .. })));
    }
}
