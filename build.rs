//! Build-time preparation of the reference data and the widget's stylesheets, so that what the
//! wasm embeds is small and quick to read. The text files in `data/` and `src/widget/**.css` stay
//! the source of truth (edit those); what this writes to `OUT_DIR` is derived from them on every
//! build:
//!
//! - `regions.tsv`, `region-extras.tsv`, `econ-zones.tsv`: the same lines without the comment
//!   lines and empty lines (the loader skips those anyway).
//! - `t2s.bin`: the Traditional→Simplified table of `data/t2s.tsv`, sorted, with chained targets
//!   followed to the end (as `fold` did at run time): a little-endian `u32` count, the
//!   Traditional code points as LEB128 deltas, then the Simplified characters as UTF-8.
//! - `taxonomy.tsv`: the nodes of `data/taxonomy.json`, one line each, fields separated by tabs,
//!   lists by U+001F: `key kind parent chains zh-Hans zh-Hant en syn`. A file the converter cannot
//!   read becomes a single line `!message`, which `Taxonomy::global` reports (as a broken JSON file
//!   did before); `Taxonomy::from_json` still reads the JSON form.
//! - `style.min.css`, `fair.min.css`: the stylesheets without comments and needless whitespace.
//!
//! `data/list-headers.tsv`, `data/leads-headers.tsv` and `data/table-words.tsv` are embedded as they are (`include_str!`);
//! this only checks them, failing the build with the file and line of a malformed line.

use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for f in ["regions.tsv", "region-extras.tsv", "econ-zones.tsv"] {
        let text = read(&format!("data/{f}"));
        let kept: String = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
        write(&out.join(f), kept.as_bytes());
    }
    write(&out.join("t2s.bin"), &t2s(&read("data/t2s.tsv")));
    let taxonomy = match taxonomy(&read("data/taxonomy.json")) {
        Ok(t) => t,
        Err(e) => format!("!{}\n", e.replace('\n', " ")),
    };
    write(&out.join("taxonomy.tsv"), taxonomy.as_bytes());
    write(&out.join("style.min.css"), minify_css(&read("src/widget/style.css")).as_bytes());
    write(&out.join("fair.min.css"), minify_css(&read("src/widget/fair/style.css")).as_bytes());
    check_tsv("data/list-headers.tsv", 5, &HEADER_KEYS);
    check_tsv("data/leads-headers.tsv", 5, &HEADER_KEYS);
    check_tsv("data/table-words.tsv", 2, &WORD_KINDS);
}

/// The keys `data/list-headers.tsv` and `data/leads-headers.tsv` may give: the fields of the format and the column roles of
/// `ColumnRole` (src/list/fields.rs; a test there checks every line of the file reads back).
const HEADER_KEYS: [&str; 32] = [
    "id",
    "name",
    "name_en",
    "sector",
    "tags",
    "region",
    "park",
    "investment",
    "seeking",
    "cooperation",
    "stage",
    "land_mu",
    "description",
    "description_en",
    "benefits",
    "policies",
    "contact_org",
    "contact_name",
    "contact_phone",
    "contact_email",
    "priority",
    "irr_pct",
    "payback_years",
    "jobs",
    "annual_output",
    "updated",
    "url",
    "sequence",
    "contact",
    "region_province",
    "region_city",
    "region_county",
];

/// The kinds of `data/table-words.tsv` (src/list/table.rs).
const WORD_KINDS: [&str; 7] = ["total", "note", "footer", "unit-link", "contact-label", "project-word", "generic-sheet"];

/// Every line that is not a comment has `columns` tab-separated cells, a first cell among `keys`,
/// and a last cell of `|`-separated words none of which is empty.
fn check_tsv(path: &str, columns: usize, keys: &[&str]) {
    for (i, line) in read(path).lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fail = |what: String| panic!("{path}:{}: {what}", i + 1);
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != columns {
            fail(format!("{} tab-separated cells, expected {columns}", cells.len()));
        }
        if !keys.contains(&cells[0]) {
            fail(format!("unknown key `{}` (known: {})", cells[0], keys.join(", ")));
        }
        if cells.iter().any(|c| c.trim().is_empty()) {
            fail("an empty cell".into());
        }
        if cells[columns - 1].split('|').any(|w| w.trim_start_matches('=').trim().is_empty()) {
            fail("an empty word between `|`".into());
        }
    }
}

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &Path, bytes: &[u8]) {
    // Unchanged output keeps its time stamp, so the crate is not rebuilt for nothing.
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The table exactly as `fold` built it at run time from the TSV text.
fn t2s(text: &str) -> Vec<u8> {
    let mut table: Vec<(u32, u32)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut chars = l.chars();
            let t = chars.next()?;
            let tab = chars.next()?;
            let s = chars.next()?;
            (tab == '\t').then_some((t as u32, s as u32))
        })
        .collect();
    table.sort_unstable();
    let lookup = |table: &[(u32, u32)], c: u32| table.binary_search_by_key(&c, |&(t, _)| t).ok().map(|i| table[i].1);
    for i in 0..table.len() {
        let (t, mut s) = table[i];
        for _ in 0..8 {
            match lookup(&table, s) {
                Some(next) if next != s && next != t => s = next,
                _ => break,
            }
        }
        table[i].1 = s;
    }
    let mut out = (table.len() as u32).to_le_bytes().to_vec();
    let mut prev = 0u32;
    for &(t, _) in &table {
        let mut d = t - prev;
        prev = t;
        while d >= 0x80 {
            out.push(0x80 | (d & 0x7f) as u8);
            d >>= 7;
        }
        out.push(d as u8);
    }
    for &(_, s) in &table {
        let mut buf = [0u8; 4];
        out.extend_from_slice(char::from_u32(s).expect("a character").encode_utf8(&mut buf).as_bytes());
    }
    out
}

/// `data/taxonomy.json` as lines; the checks of `src/taxonomy/data.rs` still run on the result.
fn taxonomy(json: &str) -> Result<String, String> {
    use serde_json::Value;
    let doc: Value = serde_json::from_str(json).map_err(|e| format!("taxonomy JSON: {e}"))?;
    let format = doc.get("format").and_then(Value::as_str).ok_or("taxonomy JSON: missing field `format`")?;
    let nodes = doc.get("nodes").and_then(Value::as_array).ok_or("taxonomy JSON: missing field `nodes`")?;
    let mut out = format!("{format}\n");
    const FIELDS: [&str; 8] = ["key", "kind", "parent", "chains", "zh-Hans", "zh-Hant", "en", "syn"];
    for (i, n) in nodes.iter().enumerate() {
        let n = n.as_object().ok_or_else(|| format!("taxonomy JSON: node #{i} is not an object"))?;
        if let Some(k) = n.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(format!("taxonomy JSON: node #{i}: unknown field `{k}`"));
        }
        let mut cells: Vec<String> = Vec::with_capacity(FIELDS.len());
        for f in FIELDS {
            let cell = match (f, n.get(f)) {
                ("key" | "zh-Hans" | "zh-Hant" | "en", None) => return Err(format!("taxonomy JSON: node #{i}: missing field `{f}`")),
                (_, None | Some(Value::Null)) if matches!(f, "kind" | "parent") => String::new(),
                (_, None) => String::new(),
                ("chains" | "syn", Some(Value::Array(items))) => {
                    let items: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
                    items.ok_or_else(|| format!("taxonomy JSON: node #{i}: `{f}` holds a non-string"))?.join("\x1f")
                }
                (_, Some(Value::String(s))) if !matches!(f, "chains" | "syn") => {
                    // An empty kind or parent would read back as absent: leave such a file to the
                    // JSON reader's error.
                    if s.is_empty() && matches!(f, "kind" | "parent") {
                        return Err(format!("taxonomy JSON: node #{i}: empty `{f}`"));
                    }
                    s.clone()
                }
                _ => return Err(format!("taxonomy JSON: node #{i}: `{f}` has the wrong type")),
            };
            if cell.contains(['\t', '\n', '\r']) || (cell.contains('\x1f') && !matches!(f, "chains" | "syn")) {
                return Err(format!("taxonomy JSON: node #{i}: `{f}` holds a tab, line break or U+001F"));
            }
            cells.push(cell);
        }
        // An empty list and a list of one empty string must not read back alike.
        for (f, idx) in [("chains", 3), ("syn", 7)] {
            if n.get(f)
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|s| s.as_str().is_some_and(|s| s.is_empty() || s.contains('\x1f'))))
            {
                return Err(format!("taxonomy JSON: node #{i}: `{f}` holds an empty string or U+001F ({idx})"));
            }
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    Ok(out)
}

/// Removes comments and the whitespace CSS does not need. Spaces before `:` are kept (they are a
/// descendant combinator in `a :hover`), and so are those around `+` and `-` (`calc(1px + 2%)`).
fn minify_css(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    let mut pending_space = false;
    for c in text.chars() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let prev = out.chars().last();
            let glue = |p: char| matches!(p, '{' | '}' | ';' | ',' | '>' | ':' | '(');
            if !(prev.is_none_or(glue) || matches!(c, '{' | '}' | ';' | ',' | '>' | ')')) {
                out.push(' ');
            }
            pending_space = false;
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out.replace(";}", "}")
}
