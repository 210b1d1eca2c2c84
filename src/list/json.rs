//! JSON lists read without a tree of their projects: the document's small parts (the list
//! settings, an API envelope) become a tree of values, and every array the envelope holds becomes
//! [`JsonRows`] — each object of it one row, its keys numbers into one table of key names and its
//! values packed into a few large byte buffers. The table reader (`table.rs`, `read_keyed`) reads
//! the rows from those bytes one at a time, so a national list is never held as 100,000 objects
//! of small strings, nor as a grid of every row, before validation (issue 15, item 7).

use super::fields::{ColumnRole, Field, Vocabulary};
use super::grid::Cell;
use super::raw::JsonMeta;
use super::LoadError;
use std::borrow::Cow;
use std::cell::RefCell;

/// Keys under which portals put their rows, tried first (any array of project objects is found).
const ENVELOPE_KEYS: [&str; 12] =
    ["projects", "list", "rows", "records", "items", "result", "data", "content", "datas", "dataList", "results", "page"];

/// Rows are packed into buffers of this size (a longer row has one of its own), so that a
/// national list's bytes are never moved to a larger buffer as they grow.
const ROWS_CHUNK: usize = 1 << 20;

/// A document's envelope: like `serde_json::Value`, but an object's keys are numbers into one
/// table of key names, and every array is [`JsonRows`].
enum Json {
    Null,
    Bool(bool),
    Num(serde_json::Number),
    Str(Box<str>),
    Rows(JsonRows),
    Obj(Box<[(u32, Json)]>),
}

/// The key names of a document, each once, and which of them name a project.
#[derive(Default)]
struct Keys {
    names: Vec<String>,
    ids: crate::hash::FxMap<String, u32>,
    /// Per key: it names the project (an object holding it is a project).
    names_project: Vec<bool>,
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
    fn id(&mut self, key: &str, vocab: Vocabulary) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(key.to_string());
        self.ids.insert(key.to_string(), id);
        // A key inside a record's object (`properties.项目名称`) by its last part, as the table
        // reader reads it.
        let key = nested_last(key).unwrap_or(key);
        self.names_project
            .push(Field::from_key(key) == Some(Field::Name) || vocab.read(key).is_some_and(|m| m.role == ColumnRole::Field(Field::Name)));
        id
    }

    /// Puts an object's entries in the order of their key names (as `serde_json::Map` iterates),
    /// so that the columns come out the same whatever order each object was written in.
    fn sort<T>(&mut self, entries: &mut [(u32, T)]) {
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

/// The state a parse shares: the key table, and scratch for the object being packed.
struct Reader {
    keys: Keys,
    vocab: Vocabulary,
    /// The packed values of the object being read, and each entry's key and span in them.
    values: Vec<u8>,
    entries: Vec<(u32, (u32, u32))>,
    /// Per key: the row it was last seen in and its entry there, so that a key given twice in a
    /// row is found at once (a hostile object of 100,000 keys is not searched 100,000 times).
    seen_in_row: Vec<(usize, u32)>,
    /// Rows begun, counting from 1.
    row: usize,
}

impl Reader {
    /// Records an entry of the row being read. A key given twice keeps its last value, as
    /// `serde_json::Map` does.
    fn record(&mut self, id: u32, span: (u32, u32)) {
        let key = id as usize;
        if self.seen_in_row.len() <= key {
            self.seen_in_row.resize(key + 1, (0, 0));
        }
        match self.seen_in_row[key] {
            (row, at) if row == self.row => self.entries[at as usize].1 = span,
            _ => {
                self.seen_in_row[key] = (self.row, self.entries.len() as u32);
                self.entries.push((id, span));
            }
        }
    }
}

/// The last part of a key made by [`flat_key`] (`cityName` of `area.cityName`); `None` for a key
/// with no part after a dot (`No.`).
pub(crate) fn nested_last(key: &str) -> Option<&str> {
    key.rsplit_once('.').map(|(_, last)| last).filter(|last| last.chars().next().is_some_and(char::is_alphanumeric))
}

/// The column of a value inside a row's object: the object's own key for its plain value
/// (`totalInvestment.value`, `industry.name` → `totalInvestment`, `industry`), else
/// `parent.child` (`area.cityName`, `totalInvestment.unit`), whose last part the table reader
/// also reads as a header.
/// A text given in two languages (`"name": {"zh": …, "en": …}`) is the field and its English
/// twin (`name`, `name_en`).
fn flat_key(parent: &str, child: &str) -> String {
    const PLAIN: [&str; 17] = [
        "value", "val", "amount", "num", "number", "name", "text", "label", "title", "content", "zh", "cn", "zh-cn", "zh_cn", "zh-hans",
        "zhcn", "chinese",
    ];
    const ENGLISH: [&str; 5] = ["en", "english", "en-us", "en_us", "en-gb"];
    if PLAIN.iter().any(|p| child.eq_ignore_ascii_case(p)) {
        parent.to_string()
    } else if ENGLISH.iter().any(|e| child.eq_ignore_ascii_case(e)) {
        format!("{parent}_en")
    } else {
        format!("{parent}.{child}")
    }
}

// ---- packed rows --------------------------------------------------------------------------------

/// How a value is packed: a tag byte, then its payload.
mod tag {
    pub const BLANK: u8 = 0; // null, an object
    pub const STR: u8 = 1; // varint length, UTF-8
    pub const U64: u8 = 2; // 8 bytes
    pub const I64: u8 = 3; // 8 bytes
    pub const F64: u8 = 4; // 8 bytes
    pub const TRUE: u8 = 5;
    pub const FALSE: u8 = 6;
    pub const LIST: u8 = 7; // u32 count, then that many STR / U64 / I64 / F64 values
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn varint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// The rows of one array of a JSON document: each item an object's entries (key number, packed
/// value) in key-name order; an item that is no object is a row with no cells.
#[derive(Default)]
pub(crate) struct JsonRows {
    chunks: Vec<Vec<u8>>,
    len: usize,
    /// Items that are objects with a key naming the project.
    named: usize,
}

impl JsonRows {
    /// The number of rows (items of the array).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends a row: `entries` (key, span in `values`) in key order.
    fn push(&mut self, entries: &[(u32, (u32, u32))], values: &[u8]) {
        let body = varint_len(entries.len() as u64)
            + entries.iter().map(|(k, (s, e))| varint_len(u64::from(*k)) + (e - s) as usize).sum::<usize>();
        // Each row starts with its length, so that a reader steps over it without reading its cells.
        let size = varint_len(body as u64) + body;
        let fits = self.chunks.last().is_some_and(|c| c.capacity() - c.len() >= size);
        if !fits {
            self.chunks.push(Vec::with_capacity(size.max(ROWS_CHUNK)));
        }
        let Some(chunk) = self.chunks.last_mut() else { return };
        put_varint(chunk, body as u64);
        put_varint(chunk, entries.len() as u64);
        for (k, (s, e)) in entries {
            put_varint(chunk, u64::from(*k));
            chunk.extend_from_slice(&values[*s as usize..*e as usize]);
        }
        self.len += 1;
    }

    /// Each row in order, as its cells.
    pub(crate) fn for_each(&self, f: &mut dyn FnMut(Row<'_>)) {
        for chunk in &self.chunks {
            let mut at = 0;
            while at < chunk.len() {
                let row = Row::at(chunk, &mut at);
                f(row);
            }
        }
    }

    /// [`JsonRows::for_each`], giving up each buffer once its rows are read (the memory is then
    /// free for what is built from them).
    pub(crate) fn into_each(self, f: &mut dyn FnMut(Row<'_>)) {
        for chunk in self.chunks {
            let mut at = 0;
            while at < chunk.len() {
                let row = Row::at(&chunk, &mut at);
                f(row);
            }
        }
    }
}

/// Reads a varint at `*at` (packed by this module: never malformed).
fn get_varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 || shift >= 64 {
            break;
        }
    }
    v
}

fn get_8(bytes: &[u8], at: &mut usize) -> [u8; 8] {
    let mut out = [0u8; 8];
    if let Some(b) = bytes.get(*at..*at + 8) {
        out.copy_from_slice(b);
    }
    *at += 8;
    out
}

/// One packed row: its cells, read in order.
pub(crate) struct Row<'a> {
    bytes: &'a [u8],
    cells: usize,
}

impl<'a> Row<'a> {
    fn at(chunk: &'a [u8], at: &mut usize) -> Row<'a> {
        let len = get_varint(chunk, at) as usize;
        let end = (*at + len).min(chunk.len());
        let mut body = *at;
        *at = end;
        let cells = get_varint(chunk, &mut body) as usize;
        Row { bytes: chunk.get(body..end).unwrap_or_default(), cells }
    }

    /// Each cell: its key's number and its value.
    pub(crate) fn cells(&self) -> impl Iterator<Item = (u32, Value<'a>)> + 'a {
        let bytes = self.bytes;
        let mut at = 0;
        (0..self.cells).map(move |_| {
            let key = get_varint(bytes, &mut at) as u32;
            let start = at;
            skip_value(bytes, &mut at);
            (key, Value(&bytes[start..at]))
        })
    }
}

fn skip_value(bytes: &[u8], at: &mut usize) {
    let Some(&t) = bytes.get(*at) else { return };
    *at += 1;
    match t {
        tag::STR => {
            let n = get_varint(bytes, at) as usize;
            *at += n;
        }
        tag::U64 | tag::I64 | tag::F64 => *at += 8,
        tag::LIST => {
            let n = u32::from_le_bytes(bytes.get(*at..*at + 4).and_then(|b| b.try_into().ok()).unwrap_or_default());
            *at += 4;
            for _ in 0..n {
                skip_value(bytes, at);
            }
        }
        _ => {}
    }
}

/// One packed value.
#[derive(Clone, Copy)]
pub(crate) struct Value<'a>(&'a [u8]);

impl<'a> Value<'a> {
    /// The value as the table reader's cell: text for strings and booleans, a number, a list of
    /// the strings and numbers of an array; blank for `null` and objects.
    pub(crate) fn to_cell(self) -> Cell {
        let bytes = self.0;
        let mut at = 1;
        match bytes.first().copied().unwrap_or(tag::BLANK) {
            tag::STR => Cell::Text(self.text().into()),
            tag::U64 | tag::I64 | tag::F64 => Cell::Number(self.number().and_then(|n| n.as_f64()).unwrap_or(f64::NAN).into()),
            tag::TRUE => Cell::Text("true".into()),
            tag::FALSE => Cell::Text("false".into()),
            tag::LIST => {
                at += 4;
                let n = u32::from_le_bytes(bytes.get(1..5).and_then(|b| b.try_into().ok()).unwrap_or_default());
                let mut items = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    let start = at;
                    skip_value(bytes, &mut at);
                    let item = Value(&bytes[start..at]);
                    match item.0.first().copied() {
                        Some(tag::STR) => items.push(item.text().into_owned()),
                        _ => items.extend(item.number().map(|n| n.to_string())),
                    }
                }
                Cell::List(items.into())
            }
            _ => Cell::Text("".into()),
        }
    }

    /// A string value's text (empty for any other).
    fn text(self) -> Cow<'a, str> {
        let mut at = 1;
        if self.0.first() != Some(&tag::STR) {
            return Cow::Borrowed("");
        }
        let n = get_varint(self.0, &mut at) as usize;
        // Packed from a `&str`: always UTF-8 (the lossy reading is never taken).
        let bytes = self.0.get(at..at + n).unwrap_or_default();
        std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed)
    }

    fn number(self) -> Option<serde_json::Number> {
        let mut at = 1;
        let raw = get_8(self.0, &mut at);
        match self.0.first().copied()? {
            tag::U64 => Some(u64::from_le_bytes(raw).into()),
            tag::I64 => Some(i64::from_le_bytes(raw).into()),
            tag::F64 => serde_json::Number::from_f64(f64::from_le_bytes(raw)),
            _ => None,
        }
    }
}

// ---- the parse ----------------------------------------------------------------------------------

/// What a value is read as, by where it is.
enum Mode<'s> {
    /// A value of the envelope: the document, or a value of one of its objects. Objects and
    /// scalars become [`Json`], an array becomes rows.
    Envelope,
    /// An item of an array: an object is packed as a row of `JsonRows`, anything else is a row with
    /// no cells.
    Row(&'s mut JsonRows),
    /// A value of a row's object, packed into the reader's scratch. An object under a row's key
    /// (`"area": {"provinceName": …}`, `"totalInvestment": {"value": 20, "unit": "亿元"}`) is
    /// flattened one level into cells of their own ([`flat_key`]); deeper objects are not read.
    Value(Option<u32>),
    /// An item of an array value: a string or a number is packed (and counted), anything else
    /// skipped.
    Item,
    /// Read and dropped.
    Skip,
}

/// What reading a value gives: the envelope's value, or whether an item was packed.
enum Read {
    Json(Json),
    Kept(bool),
}

/// One visitor for every value of the document. One type, not one per kind of value: the parser's
/// `deserialize_any` is compiled once per visitor type and reader, and is large. Every nested
/// value goes through `deserialize_any` (none through `IgnoredAny`), so it counts against the
/// parser's depth limit: a document nested 100,000 deep is an error wherever the nesting is.
struct Visit<'r, 's> {
    reader: &'r RefCell<Reader>,
    mode: Mode<'s>,
}

impl<'r, 's> Visit<'r, 's> {
    fn seed(reader: &'r RefCell<Reader>, mode: Mode<'s>) -> Visit<'r, 's> {
        Visit { reader, mode }
    }

    /// A scalar: `json()` for the envelope; packed as `tag` and `payload` for a row's value, and
    /// for an item of an array value when `item` (the kinds an array keeps); an empty row for an
    /// array's item; nothing otherwise.
    fn scalar(self, json: impl FnOnce() -> Json, tag: u8, payload: &[u8], item: bool) -> Read {
        let keep = match self.mode {
            Mode::Envelope => return Read::Json(json()),
            Mode::Row(rows) => {
                rows.push(&[], &[]);
                return Read::Kept(false);
            }
            Mode::Value(_) => true,
            Mode::Item => item,
            Mode::Skip => false,
        };
        if keep {
            let mut r = self.reader.borrow_mut();
            r.values.push(tag);
            r.values.extend_from_slice(payload);
        }
        Read::Kept(keep)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Visit<'_, '_> {
    type Value = Read;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Read, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Visit<'_, '_> {
    type Value = Read;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Read, E> {
        // A boolean in an array value is not kept (as before: only strings and numbers are).
        Ok(self.scalar(|| Json::Bool(v), if v { tag::TRUE } else { tag::FALSE }, &[], false))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Read, E> {
        Ok(self.scalar(|| Json::Num(v.into()), tag::I64, &v.to_le_bytes(), true))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Read, E> {
        Ok(self.scalar(|| Json::Num(v.into()), tag::U64, &v.to_le_bytes(), true))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Read, E> {
        Ok(self.scalar(|| serde_json::Number::from_f64(v).map_or(Json::Null, Json::Num), tag::F64, &v.to_le_bytes(), true))
    }
    fn visit_str<E>(self, v: &str) -> Result<Read, E> {
        match self.mode {
            Mode::Value(_) | Mode::Item => {
                let mut r = self.reader.borrow_mut();
                r.values.push(tag::STR);
                put_varint(&mut r.values, v.len() as u64);
                r.values.extend_from_slice(v.as_bytes());
                Ok(Read::Kept(true))
            }
            _ => Ok(self.scalar(|| Json::Str(v.into()), tag::STR, &[], false)),
        }
    }
    fn visit_unit<E>(self) -> Result<Read, E> {
        Ok(self.scalar(|| Json::Null, tag::BLANK, &[], false))
    }
    fn visit_none<E>(self) -> Result<Read, E> {
        Ok(self.scalar(|| Json::Null, tag::BLANK, &[], false))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Read, A::Error> {
        let reader = self.reader;
        match self.mode {
            Mode::Envelope => {
                let mut rows = JsonRows::default();
                while seq.next_element_seed(Visit::seed(reader, Mode::Row(&mut rows)))?.is_some() {}
                Ok(Read::Json(Json::Rows(rows)))
            }
            Mode::Value(_) => {
                let at = {
                    let mut r = reader.borrow_mut();
                    r.values.push(tag::LIST);
                    r.values.extend_from_slice(&[0; 4]);
                    r.values.len() - 4
                };
                let mut n = 0u32;
                while let Some(read) = seq.next_element_seed(Visit::seed(reader, Mode::Item))? {
                    n += u32::from(matches!(read, Read::Kept(true)));
                }
                reader.borrow_mut().values[at..at + 4].copy_from_slice(&n.to_le_bytes());
                Ok(Read::Kept(true))
            }
            mode => {
                while seq.next_element_seed(Visit::seed(reader, Mode::Skip))?.is_some() {}
                if let Mode::Row(rows) = mode {
                    rows.push(&[], &[]);
                }
                Ok(Read::Kept(false))
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        let reader = self.reader;
        match self.mode {
            Mode::Envelope => {
                let mut entries: Vec<(u32, Json)> = Vec::new();
                while let Some(id) = map.next_key_seed(KeySeed(reader))? {
                    let Read::Json(value) = map.next_value_seed(Visit::seed(reader, Mode::Envelope))? else { continue };
                    // A key given twice keeps its last value, as `serde_json::Map` does.
                    match entries.iter_mut().find(|(k, _)| *k == id) {
                        Some(slot) => slot.1 = value,
                        None => entries.push((id, value)),
                    }
                }
                reader.borrow_mut().keys.sort(&mut entries);
                Ok(Read::Json(Json::Obj(entries.into_boxed_slice())))
            }
            Mode::Row(rows) => {
                {
                    let mut r = reader.borrow_mut();
                    r.values.clear();
                    r.entries.clear();
                    r.row += 1;
                }
                while let Some(id) = map.next_key_seed(KeySeed(reader))? {
                    let start = reader.borrow().values.len() as u32;
                    let read = map.next_value_seed(Visit::seed(reader, Mode::Value(Some(id))))?;
                    // An object was flattened into cells of its own (its `value` or `name` child
                    // under this key): the key itself is no column.
                    if !matches!(read, Read::Kept(false)) {
                        let mut r = reader.borrow_mut();
                        let span = (start, r.values.len() as u32);
                        r.record(id, span);
                    }
                }
                let mut guard = reader.borrow_mut();
                let r = &mut *guard;
                // In key order, as `serde_json::Map` iterates: the columns come out the same
                // whatever order each object was written in.
                r.keys.sort(&mut r.entries);
                if r.entries.iter().any(|(k, _)| r.keys.names_project[*k as usize]) {
                    rows.named += 1;
                }
                rows.push(&r.entries, &r.values);
                Ok(Read::Kept(true))
            }
            Mode::Value(Some(parent)) => {
                while let Some(child) = map.next_key_seed(KeySeed(reader))? {
                    let start = reader.borrow().values.len() as u32;
                    let read = map.next_value_seed(Visit::seed(reader, Mode::Value(None)))?;
                    if matches!(read, Read::Kept(false)) {
                        continue; // an object inside the object: not read
                    }
                    let mut guard = reader.borrow_mut();
                    let r = &mut *guard;
                    let name = flat_key(&r.keys.names[parent as usize], &r.keys.names[child as usize]);
                    let id = r.keys.id(&name, r.vocab);
                    let span = (start, r.values.len() as u32);
                    r.record(id, span);
                }
                Ok(Read::Kept(false))
            }
            _ => {
                // (An object inside a row's object is not read, and its key gets no cell.)
                while map.next_key_seed(Visit::seed(reader, Mode::Skip))?.is_some() {
                    map.next_value_seed(Visit::seed(reader, Mode::Skip))?;
                }
                Ok(Read::Kept(false))
            }
        }
    }
}

/// Reads an object key straight into its number in [`Keys`] (no string kept per object).
struct KeySeed<'r>(&'r RefCell<Reader>);

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
        let mut r = self.0.borrow_mut();
        let vocab = r.vocab;
        Ok(r.keys.id(v, vocab))
    }
}

// ---- the document -------------------------------------------------------------------------------

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

    /// The value as `serde_json` has it (the list settings: exchange rates). An array, packed as
    /// rows, comes back as that many nulls (no exchange rate is an array).
    fn to_value(&self, keys: &Keys) -> serde_json::Value {
        match self {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Num(n) => serde_json::Value::Number(n.clone()),
            Json::Str(s) => serde_json::Value::String(s.to_string()),
            Json::Rows(rows) => serde_json::Value::Array(vec![serde_json::Value::Null; rows.len()]),
            Json::Obj(entries) => {
                serde_json::Value::Object(entries.iter().map(|(k, v)| (keys.names[*k as usize].clone(), v.to_value(keys))).collect())
            }
        }
    }
}

/// Finds the array of projects: the document itself, `projects`, or the array of project objects
/// inside an API envelope (`{"code":0,"data":{"list":[…]}}`, `rows`, `records`, `result`, a nested
/// `data.data` …), searched breadth-first to five levels. Returns its path (`data.list`).
fn find_projects(value: &mut Json, keys: &Keys) -> Option<(String, JsonRows)> {
    if let Json::Rows(rows) = value {
        return Some((String::new(), std::mem::take(rows)));
    }
    if let Some(Json::Rows(rows)) = value.get_mut(keys, "projects") {
        return Some(("projects".into(), std::mem::take(rows)));
    }
    // Breadth-first over objects, best array by project count.
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
            Json::Rows(rows) if rows.named > 0 && best.as_ref().is_none_or(|(b, _)| rows.named > *b) => {
                best = Some((rows.named, path.clone()));
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
        Json::Rows(rows) => Some((path, rows)),
        _ => None,
    }
}

/// Projects written as an object keyed by their ids (`{"P001": {"name": …}, "P002": {…}}`, at the
/// top or inside an envelope, searched as [`find_projects`] searches): each member object is a
/// row, and its key the project's id unless the members give ids of their own. Members that are
/// not objects are left out; a member's own objects and arrays are not read.
fn keyed_projects(value: &mut Json, keys: &mut Keys, vocab: Vocabulary) -> Option<(String, JsonRows)> {
    let names_project = |v: &Json| matches!(v, Json::Obj(e) if e.iter().any(|(k, _)| keys.names_project[*k as usize]));
    // The object with the most members naming a project (two at least), breadth-first.
    let mut best: Option<(usize, Vec<u32>)> = None;
    let mut queue: std::collections::VecDeque<(Vec<u32>, &Json)> = std::collections::VecDeque::from([(Vec::new(), &*value)]);
    let mut visited = 0;
    while let Some((path, v)) = queue.pop_front() {
        visited += 1;
        if path.len() > 5 || visited > 10_000 {
            break;
        }
        let Json::Obj(entries) = v else { continue };
        let named = entries.iter().filter(|(_, m)| names_project(m)).count();
        if named >= 2 && named * 2 > entries.len() && best.as_ref().is_none_or(|(b, _)| named > *b) {
            best = Some((named, path.clone()));
        }
        for (k, child) in entries.iter() {
            queue.push_back((path.iter().copied().chain([*k]).collect(), child));
        }
    }
    let (_, path) = best?;
    let mut target = &*value;
    for k in &path {
        let Json::Obj(entries) = target else { return None };
        target = &entries.iter().find(|(key, _)| key == k)?.1;
    }
    let Json::Obj(members) = target else { return None };
    let is_id =
        |name: &str| Field::from_key(name) == Some(Field::Id) || vocab.read(name).is_some_and(|m| m.role == ColumnRole::Field(Field::Id));
    let has_ids = members.iter().any(|(_, m)| matches!(m, Json::Obj(e) if e.iter().any(|(k, _)| is_id(&keys.names[*k as usize]))));
    let id_key = (!has_ids).then(|| keys.id("id", vocab));
    let mut rows = JsonRows::default();
    let mut scratch = (Vec::new(), Vec::new());
    for (key, member) in members.iter() {
        let Json::Obj(cells) = member else { continue };
        let id = id_key.map(|id| (id, keys.names[*key as usize].clone()));
        pack_object(cells, id, keys, vocab, &mut rows, &mut scratch);
    }
    let path = path.iter().map(|k| keys.names[*k as usize].as_str()).collect::<Vec<_>>().join(".");
    Some((path, rows))
}

/// Reused buffers of [`pack_object`]: the packed values, and each entry's key and span in them.
type PackScratch = (Vec<u8>, Vec<(u32, (u32, u32))>);

/// Packs an object of the envelope's tree (its scalars; its own objects and arrays are not read) as
/// a row, with an `id` cell first when given.
fn pack_object(
    cells: &[(u32, Json)],
    id: Option<(u32, String)>,
    keys: &mut Keys,
    vocab: Vocabulary,
    rows: &mut JsonRows,
    scratch: &mut PackScratch,
) {
    let (values, entries) = scratch;
    values.clear();
    entries.clear();
    // An object under a key is read one level down, as a row's objects are (`area.cityName`).
    let mut flat: Vec<(u32, &Json)> = Vec::new();
    for (k, v) in cells.iter() {
        match v {
            Json::Obj(children) => {
                for (c, child) in children.iter() {
                    let name = flat_key(&keys.names[*k as usize], &keys.names[*c as usize]);
                    flat.push((keys.id(&name, vocab), child));
                }
            }
            v => flat.push((*k, v)),
        }
    }
    // A key given twice (a flattened child named as a key of its own) keeps its last value.
    let mut seen: crate::hash::FxSet<u32> = crate::hash::FxSet::default();
    let flat: Vec<(u32, &Json)> = flat.into_iter().rev().filter(|(k, _)| seen.insert(*k)).collect();
    let mut put = |k: u32, values: &mut Vec<u8>, pack: &dyn Fn(&mut Vec<u8>)| {
        let start = values.len() as u32;
        pack(values);
        entries.push((k, (start, values.len() as u32)));
    };
    let text = |out: &mut Vec<u8>, t: &str| {
        out.push(tag::STR);
        put_varint(out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    };
    if let Some((k, name)) = id {
        put(k, values, &|out| text(out, &name));
    }
    for (k, v) in flat.into_iter().rev() {
        let k = &k;
        match v {
            Json::Str(t) => put(*k, values, &|out| text(out, t)),
            Json::Num(n) => put(*k, values, &|out| match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => {
                    out.push(tag::U64);
                    out.extend_from_slice(&u.to_le_bytes());
                }
                (None, Some(i)) => {
                    out.push(tag::I64);
                    out.extend_from_slice(&i.to_le_bytes());
                }
                _ => {
                    out.push(tag::F64);
                    out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
                }
            }),
            Json::Bool(b) => put(*k, values, &|out| out.push(if *b { tag::TRUE } else { tag::FALSE })),
            Json::Null => put(*k, values, &|out| out.push(tag::BLANK)),
            Json::Obj(_) | Json::Rows(_) => {}
        }
    }
    keys.sort(entries);
    if entries.iter().any(|(k, _)| keys.names_project[*k as usize]) {
        rows.named += 1;
    }
    rows.push(entries, values);
}

/// A JSON list as the table reader takes it: the settings, where the array was found, the key
/// names and the rows.
pub(crate) struct JsonTable {
    pub meta: JsonMeta,
    /// Where the array of projects was found (`data.list`; empty for the document itself).
    pub path: String,
    /// Key names by number.
    pub keys: Vec<String>,
    pub rows: JsonRows,
}

impl JsonTable {
    /// The header: key numbers → columns in order of first appearance (each object's keys in name
    /// order), and the columns' names.
    pub(crate) fn columns(&self) -> (Vec<Option<usize>>, Vec<String>) {
        let mut column_of: Vec<Option<usize>> = vec![None; self.keys.len()];
        let mut header = Vec::new();
        self.rows.for_each(&mut |row| {
            for (key, _) in row.cells() {
                column_of[key as usize].get_or_insert_with(|| {
                    header.push(self.keys[key as usize].clone());
                    header.len() - 1
                });
            }
        });
        (column_of, header)
    }
}

/// Reads a JSON list: the settings, the project array (found inside API envelopes) as rows.
/// `vocab` names the key that marks a project (the project name, or a lead's company).
///
/// Text the caller gives up (`Cow::Owned`) is dropped once it is parsed.
pub(crate) fn json_table(text: Cow<'_, str>, vocab: Vocabulary) -> Result<JsonTable, LoadError> {
    let (keys, value) = {
        let body = text.trim_start_matches('\u{feff}');
        if body.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        // (Its first megabyte only: a whole document in one object is not scanned twice.)
        if looks_like_json_lines(&body.as_bytes()[..body.len().min(1 << 20)]) {
            parse(serde_json::Deserializer::from_reader(one_reader(Box::new(JsonLinesAsArray::new(body.as_bytes())))), vocab)?
        } else {
            parse(serde_json::Deserializer::from_str(body), vocab)?
        }
    };
    drop(text);
    table_of(keys, value, vocab)
}

/// [`json_table`] of UTF-8 text read a piece at a time (a page's file left where it is, outside
/// the wasm heap): the text is never held whole, only the rows packed from it.
pub(crate) fn json_table_from_reader<'a>(mut text: impl std::io::BufRead + 'a, vocab: Vocabulary) -> Result<JsonTable, LoadError> {
    let lines = text.fill_buf().is_ok_and(looks_like_json_lines);
    let inner: Box<dyn std::io::Read + 'a> = if lines { Box::new(JsonLinesAsArray::new(text)) } else { Box::new(text) };
    let (keys, value) = parse(serde_json::Deserializer::from_reader(one_reader(inner)), vocab)?;
    table_of(keys, value, vocab)
}

/// Every reader the parser reads from, as one type: the parser and its visitor are compiled once per
/// reader type, and are large (each more would cost the bundle several KB). Buffered here, so that
/// the parser's byte-at-a-time reads stay calls into the buffer, not through the box.
fn one_reader<'a>(inner: Box<dyn std::io::Read + 'a>) -> std::io::BufReader<Box<dyn std::io::Read + 'a>> {
    std::io::BufReader::with_capacity(1 << 16, inner)
}

/// Whether text begins as JSON Lines (one object a line, as a database or a portal exports): an
/// object, then after it another object, within the bytes given (a first piece of the file).
fn looks_like_json_lines(head: &[u8]) -> bool {
    let mut scan = ValueScan::default();
    let mut bytes = head.iter().copied().skip_while(u8::is_ascii_whitespace);
    if bytes.next() != Some(b'{') {
        return false;
    }
    scan.step(b'{');
    for b in bytes.by_ref() {
        scan.step(b);
        if scan.depth == 0 {
            break;
        }
    }
    scan.depth == 0 && bytes.find(|b| !b.is_ascii_whitespace()) == Some(b'{')
}

/// Where a scan of JSON bytes stands: inside a string (and after its backslash), and how deep in
/// objects and arrays.
#[derive(Default)]
struct ValueScan {
    in_string: bool,
    escaped: bool,
    depth: i64,
}

impl ValueScan {
    fn step(&mut self, b: u8) {
        if self.in_string {
            match (self.escaped, b) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.in_string = false,
                _ => {}
            }
            return;
        }
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => self.depth -= 1,
            _ => {}
        }
    }
}

/// JSON Lines read as the JSON array of their values, a piece at a time: `[` first, `,` before
/// each value after the first, `]` at the end. A line cut short stays an error of the array.
struct JsonLinesAsArray<R> {
    inner: R,
    scan: ValueScan,
    started: bool,
    ended: bool,
    /// A value was completed at the top level: the next one gets a comma before it.
    after_value: bool,
    out: Vec<u8>,
    at: usize,
}

impl<R: std::io::Read> JsonLinesAsArray<R> {
    fn new(inner: R) -> Self {
        JsonLinesAsArray { inner, scan: ValueScan::default(), started: false, ended: false, after_value: false, out: Vec::new(), at: 0 }
    }
}

impl<R: std::io::Read> std::io::Read for JsonLinesAsArray<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.out.len() {
            if self.ended {
                return Ok(0);
            }
            self.out.clear();
            self.at = 0;
            if !self.started {
                self.started = true;
                self.out.push(b'[');
            }
            let mut piece = [0u8; 1 << 14];
            let n = self.inner.read(&mut piece)?;
            if n == 0 {
                self.ended = true;
                self.out.push(b']');
            }
            for &b in &piece[..n] {
                let top = self.scan.depth == 0 && !self.scan.in_string;
                if top && matches!(b, b'{' | b'[') && self.after_value {
                    self.out.push(b',');
                    self.after_value = false;
                }
                self.scan.step(b);
                if top && !b.is_ascii_whitespace() && !matches!(b, b'{' | b'[') {
                    // A scalar at the top level: the array takes it as a value of its own.
                    self.after_value = true;
                } else if !self.scan.in_string && self.scan.depth == 0 && matches!(b, b'}' | b']') {
                    self.after_value = true;
                }
                self.out.push(b);
            }
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// One JSON document, the whole input.
fn parse<'de, R: serde_json::de::Read<'de>>(mut de: serde_json::Deserializer<R>, vocab: Vocabulary) -> Result<(Keys, Json), LoadError> {
    let json_error = |e: serde_json::Error| LoadError::Json { line: e.line(), column: e.column(), message: e.to_string() };
    let reader =
        RefCell::new(Reader { keys: Keys::default(), vocab, values: Vec::new(), entries: Vec::new(), seen_in_row: Vec::new(), row: 0 });
    let read = serde::de::DeserializeSeed::deserialize(Visit::seed(&reader, Mode::Envelope), &mut de).map_err(json_error)?;
    let value = match read {
        Read::Json(value) => value,
        Read::Kept(_) => Json::Null,
    };
    de.end().map_err(json_error)?;
    Ok((reader.into_inner().keys, value))
}

/// The settings and the project rows of a parsed document.
fn table_of(mut keys: Keys, mut value: Json, vocab: Vocabulary) -> Result<JsonTable, LoadError> {
    let mut meta = JsonMeta::default();
    if let Json::Obj(_) = &value {
        let text_of = |key: &str| value.get(&keys, key).and_then(Json::as_str).map(str::to_string);
        meta.title = text_of("title");
        meta.publisher = text_of("publisher");
        meta.updated = text_of("updated");
        meta.currency = text_of("currency");
        meta.notice = text_of("notice");
        if let Some(fx @ Json::Obj(_)) = value.get(&keys, "fx") {
            if let serde_json::Value::Object(fx) = fx.to_value(&keys) {
                meta.fx = fx.into_iter().collect();
            }
        }
    }
    let (path, rows) = match find_projects(&mut value, &keys) {
        Some(found) => found,
        None => keyed_projects(&mut value, &mut keys, vocab).ok_or(LoadError::NoProjects)?,
    };
    drop(value);
    Ok(JsonTable { meta, path, keys: keys.names, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header and every row's cells as text.
    fn texts(t: &JsonTable) -> Vec<Vec<String>> {
        let (column_of, header) = t.columns();
        let mut out = vec![header.clone()];
        t.rows.for_each(&mut |row| {
            let mut cells = vec![String::new(); header.len()];
            for (k, v) in row.cells() {
                if let Some(c) = column_of[k as usize] {
                    cells[c] = v.to_cell().as_text();
                }
            }
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            out.push(cells);
        });
        out
    }

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
            let t = json_table(doc.into(), Vocabulary::List).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(t.path, path, "{doc}");
            assert!(t.rows.len() >= 1, "{doc}");
        }
        assert_eq!(json_table(r#"{"code":0,"data":{"total":0}}"#.into(), Vocabulary::List).err(), Some(LoadError::NoProjects));
    }

    #[test]
    fn json_lines_are_an_array_of_their_objects() {
        let t = json_table(
            "{\"项目名称\":\"A\",\"area\":{\"cityName\":\"成都市\"}}\n{\"项目名称\":\"B\",\"area\":{\"cityName\":\"德阳市\"}}\n".into(),
            Vocabulary::List,
        )
        .unwrap();
        // The first object is read as the others are, its object one level down.
        assert_eq!(texts(&t), [vec!["area.cityName", "项目名称"], vec!["成都市", "A"], vec!["德阳市", "B"]]);
        // Read a piece at a time (a page's file in place), and with a string holding braces.
        let lines = "{\"项目名称\":\"A}{\"}\n\n{\"项目名称\":\"B\"}\n{\"项目名称\":\"C\"}";
        let t = json_table_from_reader(std::io::BufReader::with_capacity(40, lines.as_bytes()), Vocabulary::List).unwrap();
        assert_eq!(texts(&t), [vec!["项目名称"], vec!["A}{"], vec!["B"], vec!["C"]]);
        // A file cut short inside a line, or a value after an array, stays an error.
        assert!(json_table("{\"项目名称\":\"A\"}\n{\"项目名称\":".into(), Vocabulary::List).is_err());
        assert!(json_table("[1,2] {\"a\":1}".into(), Vocabulary::List).is_err());
    }

    #[test]
    fn projects_keyed_by_their_ids_are_rows_with_those_ids() {
        let t = json_table(
            r#"{"code":0,"data":{"P-1":{"项目名称":"成都AI产业园","总投资":12.5,"在建":true},"P-2":{"项目名称":"重庆汽配园","标签":["a"]},"count":2}}"#.into(),
            Vocabulary::List,
        )
        .unwrap();
        assert_eq!(t.path, "data");
        // The key is the id (no member gives one); a member's array is not read, a number stays one.
        assert_eq!(
            texts(&t),
            [vec!["id", "在建", "总投资", "项目名称"], vec!["P-1", "true", "12.5", "成都AI产业园"], vec!["P-2", "", "", "重庆汽配园"]]
        );
        // An object whose members do not name projects is no list.
        assert!(json_table(r#"{"a":{"b":1},"c":{"d":"e"}}"#.into(), Vocabulary::List).is_err());
    }

    #[test]
    fn objects_in_a_record_are_columns_of_their_own() {
        let t = json_table(
            r#"[{"name":{"zh":"成都航空产业园","en":"Chengdu Aviation Park"},"area":{"cityName":"成都市","geo":{"lat":30}},"total":{"value":20,"unit":"亿元"}}]"#
                .into(),
            Vocabulary::List,
        )
        .unwrap();
        // A text in two languages is the field and its English twin; a value and its unit; a
        // deeper object is not read.
        assert_eq!(
            texts(&t),
            [
                vec!["area.cityName", "name", "name_en", "total", "total.unit"],
                vec!["成都市", "成都航空产业园", "Chengdu Aviation Park", "20", "亿元"]
            ]
        );
    }

    #[test]
    fn keys_become_a_header_row() {
        let t = json_table(
            r#"[{"名称":"A","总投资（万元）":120000},{"总投资（万元）":5,"地点":"成都","名称":"B"},7,{"名称":"C","标签":["x",2,{"y":1},1.5],"有":true,"空":null,"对象":{"a":[1]}}]"#.into(),
            Vocabulary::List,
        )
        .unwrap();
        assert_eq!(
            texts(&t),
            [
                // An object in a record is read as columns of its own (`对象.a`).
                vec!["名称", "总投资（万元）", "地点", "对象.a", "有", "标签", "空"],
                vec!["A", "120000"],
                vec!["B", "5", "成都"],
                vec![],
                vec!["C", "", "", "1", "true", "x、2、1.5"],
            ]
        );
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
        let t = json_table(doc.as_str().into(), Vocabulary::List).unwrap();
        let rows = texts(&t);
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(rows[0], sorted);
        for row in &rows[1..] {
            assert_eq!(*row, sorted.iter().map(|k| format!("v{}", &k[1..])).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_object_of_many_keys_given_twice_keeps_each_last_value() {
        // 60,000 distinct keys, each given twice: the later value wins, and no key is searched
        // for among all the others (that was 1.8 billion comparisons).
        let n = 60_000;
        let first: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
        let second: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{}", i + 1)).collect();
        let doc = format!("[{{\"name\":\"A\",{},{}}}]", first.join(","), second.join(","));
        let t = json_table(doc.as_str().into(), Vocabulary::List).unwrap();
        let (column_of, header) = t.columns();
        assert_eq!(header.len(), n + 1);
        let mut values = vec![String::new(); header.len()];
        t.rows.for_each(&mut |row| {
            for (k, v) in row.cells() {
                values[column_of[k as usize].unwrap()] = v.to_cell().as_text();
            }
        });
        for (h, v) in header.iter().zip(&values) {
            if let Some(i) = h.strip_prefix('k') {
                assert_eq!(*v, (i.parse::<usize>().unwrap() + 1).to_string(), "{h}");
            }
        }
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let t = json_table(r#"[{"name":"A","name":"B"}]"#.into(), Vocabulary::List).unwrap();
        assert_eq!(texts(&t), [vec!["name"], vec!["B"]]);
    }

    #[test]
    fn rows_longer_than_a_buffer_and_many_buffers_read_back_in_order() {
        let long = "长".repeat(ROWS_CHUNK / 2);
        let mut doc = String::from("[");
        for i in 0..3000 {
            let text = if i % 1000 == 7 { long.clone() } else { format!("项目{i}") };
            doc.push_str(&format!("{}{{\"name\":\"{text}\",\"n\":{i}}}", if i > 0 { "," } else { "" }));
        }
        doc.push(']');
        let t = json_table(doc.as_str().into(), Vocabulary::List).unwrap();
        assert!(t.rows.chunks.len() > 2);
        let rows = texts(&t);
        assert_eq!(rows.len(), 3001);
        assert_eq!(rows[0], ["n", "name"]);
        for (i, row) in rows[1..].iter().enumerate() {
            assert_eq!(row[0], i.to_string());
            assert_eq!(row[1].chars().count(), if i % 1000 == 7 { ROWS_CHUNK / 2 } else { format!("项目{i}").chars().count() });
        }
    }

    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        for deep in ["[".repeat(100_000) + &"]".repeat(100_000), format!("[{{\"a\":{}{}}}]", "[".repeat(100_000), "]".repeat(100_000))] {
            assert!(matches!(json_table(deep.as_str().into(), Vocabulary::List), Err(LoadError::Json { .. })));
        }
    }
}
