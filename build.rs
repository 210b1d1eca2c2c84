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
//!   lists by U+001F: `key kind parent chains zh-Hans zh-Hant en syn`. `Taxonomy::from_json` still
//!   reads the JSON form.
//!
//! Every data file is checked first, line by line: a malformed line (a wrong number of columns, a
//! code that is not six digits, a parent that is not defined above, JSON that does not parse …)
//! fails the build with `error: data/FILE:LINE: what is wrong`.
//! - `style.min.css`, `fair.min.css`: the stylesheets without comments and needless whitespace.

use std::path::{Path, PathBuf};

// The line checks of the data files, shared with their own tests (`tests/data_files.rs`).
#[path = "build/data_checks.rs"]
mod data_checks;
use data_checks::*;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    // Every data file is checked line by line first: a malformed one stops the build here, naming
    // the file and the line, instead of being embedded and failing (or silently losing entries)
    // when the program runs.
    let checked = |path: &str, check: fn(&str) -> Result<(), String>| -> String {
        let text = read(path);
        if let Err((line, e)) = check_lines(&text, check) {
            fail(&format!("{path}:{line}"), &e);
        }
        text
    };
    for (f, check) in [
        ("regions.tsv", regions_line as fn(&str) -> Result<(), String>),
        ("region-extras.tsv", region_extras_line),
        ("econ-zones.tsv", econ_zones_line),
    ] {
        let text = checked(&format!("data/{f}"), check);
        let kept: String = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
        write(&out.join(f), kept.as_bytes());
    }
    // Read at run time straight from the source (`include_str!`): checked here all the same.
    checked("data/list-headers.tsv", list_headers_line);
    checked("data/list-terms.tsv", list_terms_line);
    checked("data/zone-suffixes.tsv", zone_suffixes_line);
    write(&out.join("t2s.bin"), &t2s(&checked("data/t2s.tsv", t2s_line)));
    let json = read("data/taxonomy.json");
    let taxonomy = taxonomy(&json).unwrap_or_else(|(line, e)| fail(&format!("data/taxonomy.json:{line}"), &e));
    write(&out.join("taxonomy.tsv"), taxonomy.as_bytes());
    write(&out.join("style.min.css"), minify_css(&read("src/widget/style.css")).as_bytes());
    write(&out.join("fair.min.css"), minify_css(&read("src/widget/fair/style.css")).as_bytes());
}

/// Stops the build with `error: WHERE: WHAT` (cargo shows a failing build script's stderr).
fn fail(at: &str, message: &str) -> ! {
    eprintln!("error: {at}: {message}");
    std::process::exit(1);
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
