//! The checks `build.rs` runs on the data files before embedding them, kept in their own file so
//! that `tests/data_files.rs` can feed them malformed lines. Each check returns the line number and
//! what is wrong, and the build stops with `error: data/FILE:LINE: what is wrong`.

/// Runs `check` on every line that is neither blank nor a comment; the error names the line.
pub fn check_lines(text: &str, check: fn(&str) -> Result<(), String>) -> Result<(), (usize, String)> {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        check(line).map_err(|e| (i + 1, format!("{e}: {line:?}")))?;
    }
    Ok(())
}

pub fn six_digits(s: &str) -> Result<(), String> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("{s:?} is not a six-digit code"))
    }
}

/// `~` pairs, `^` pinyin groups, or `CODE NAME [PARENT TRADITIONAL PINYIN SHORT ENGLISH]`.
pub fn regions_line(line: &str) -> Result<(), String> {
    if let Some(pairs) = line.strip_prefix('~') {
        return (pairs.chars().count() % 2 == 0).then_some(()).ok_or_else(|| "a ~ line needs character pairs".into());
    }
    if line.starts_with('^') {
        return Ok(());
    }
    let f: Vec<&str> = line.split('\t').collect();
    match f[0].len() {
        2 if f[0].bytes().all(|b| b.is_ascii_digit()) => {}
        _ => six_digits(f[0])?,
    }
    if f.len() < 2 || f[1].is_empty() {
        return Err("a region line needs a name in its second column".into());
    }
    if f.len() > 7 {
        return Err(format!("{} columns; a region line has at most 7", f.len()));
    }
    if !f[2..].is_empty() && !f[2].is_empty() {
        six_digits(f[2]).map_err(|e| format!("parent: {e}"))?;
    }
    Ok(())
}

/// `abbr CODE CHAR...`, `alias CODE NAME...`, `en CODE NAME [VARIANT...]`,
/// `zone CODE PARENT NAME TRADITIONAL PINYIN ENGLISH`.
pub fn region_extras_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    six_digits(f.get(1).copied().unwrap_or(""))?;
    match f[0] {
        "abbr" if f.len() >= 3 => match f[2..].iter().find(|a| a.chars().count() != 1) {
            Some(a) => Err(format!("abbreviation {a:?} is not one character")),
            None => Ok(()),
        },
        "alias" | "en" if f.len() >= 3 && !f[2].is_empty() => Ok(()),
        "zone" if f.len() == 7 => six_digits(f[2]).map_err(|e| format!("parent: {e}")),
        "abbr" | "alias" | "en" | "zone" => Err(format!("wrong number of columns for {:?}", f[0])),
        other => Err(format!("unknown kind {other:?} (abbr, alias, en, zone)")),
    }
}

/// `NAME TRADITIONAL ENGLISH ALIASES MEMBERS [SCOPE]`, the scope `kin` (the default), `area` or `places`.
pub fn econ_zones_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if !(5..=6).contains(&f.len()) || f[..3].iter().any(|c| c.is_empty()) {
        return Err(format!("{} columns; a zone line has 5 or 6: name, traditional, english, aliases, members [, scope]", f.len()));
    }
    if let Some(scope) = f.get(5) {
        if !matches!(*scope, "kin" | "area" | "places") {
            return Err(format!("unknown scope {scope:?} (kin, area, places)"));
        }
    }
    if f[4].split(' ').filter(|m| !m.is_empty()).count() == 0 {
        return Err("a zone without members".into());
    }
    f[4].split(' ').filter(|m| !m.is_empty()).try_for_each(six_digits)
}

/// `english<TAB>中文|中文` (the bilingual industry glossary).
pub fn glossary_line(line: &str) -> Result<(), String> {
    let ok = line.split_once('\t').is_some_and(|(en, zh)| {
        !en.trim().is_empty() && en.is_ascii() && !zh.trim().is_empty() && zh.split('|').all(|t| !t.trim().is_empty()) && !zh.contains('\t')
    });
    ok.then_some(()).ok_or_else(|| "expected `english<TAB>中文|中文` (English in ASCII, no empty term)".into())
}

/// `term<TAB>pinyin`, the pinyin in lower-case letters.
pub fn pinyin_line(line: &str) -> Result<(), String> {
    match line.split_once('\t') {
        Some((term, py)) if !term.is_empty() && !py.is_empty() && py.bytes().all(|b| b.is_ascii_lowercase()) => Ok(()),
        _ => Err("expected `term<TAB>pinyin` (lower-case letters)".into()),
    }
}

/// The pinyin table of `data/taxonomy-pinyin.tsv` (checked by [`pinyin_line`] first).
pub fn pinyin_map(text: &str) -> PinyinOf {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(t, p)| (t.to_string(), p.to_string()))
        .collect()
}

/// Term → its pinyin.
pub type PinyinOf = std::collections::HashMap<String, String>;

/// `key zh-Hans zh-Hant English variants`.
pub fn list_headers_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 5 || f.iter().any(|c| c.trim().is_empty()) {
        return Err(format!("{} columns; a header line has 5 non-empty ones: key, zh-Hans, zh-Hant, English, variants", f.len()));
    }
    Ok(())
}

/// `KIND ZH-HANS ZH-HANT ENGLISH` with KIND `cooperation` or `stage` (`data/list-terms.tsv`).
pub fn list_terms_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 4 || f.iter().any(|c| c.trim().is_empty()) {
        return Err(format!("{} columns; a term line has 4 non-empty ones: kind, zh-Hans, zh-Hant, English", f.len()));
    }
    match f[0] {
        "cooperation" | "stage" => Ok(()),
        other => Err(format!("unknown kind {other:?} (cooperation, stage)")),
    }
}

/// `KIND ZH-HANS ZH-HANT ENGLISH` with KIND `suffix` or `word` (`data/zone-suffixes.tsv`).
pub fn zone_suffixes_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 4 || f.iter().any(|c| c.trim().is_empty()) {
        return Err(format!("{} columns; a zone word line has 4 non-empty ones: kind, zh-Hans, zh-Hant, English", f.len()));
    }
    if !matches!(f[0], "suffix" | "word") {
        return Err(format!("unknown kind {:?} (suffix, word)", f[0]));
    }
    if !f[3].is_ascii() {
        return Err(format!("the English {:?} has non-ASCII characters", f[3]));
    }
    Ok(())
}

/// `TRADITIONAL<TAB>SIMPLIFIED`, one character each.
pub fn t2s_line(line: &str) -> Result<(), String> {
    let mut c = line.chars();
    match (c.next(), c.next(), c.next(), c.next()) {
        (Some(_), Some('\t'), Some(_), None) => Ok(()),
        _ => Err("expected one character, a tab and one character".into()),
    }
}

/// `data/taxonomy.json` as lines; the checks of `src/taxonomy/data.rs` still run on the result.
/// An error comes with the line it is on (for a node: the line of its `"key"`).
pub fn taxonomy(json: &str, pinyin_of: &PinyinOf) -> Result<String, (usize, String)> {
    use serde_json::Value;
    let doc: Value = serde_json::from_str(json).map_err(|e| (e.line(), format!("not JSON: {e}")))?;
    let line_of = |key: Option<&str>| -> usize {
        key.and_then(|k| {
            let at = json.find(&format!("\"key\":\"{k}\"")).or_else(|| json.find(&format!("\"key\": \"{k}\"")))?;
            Some(json[..at].lines().count().max(1))
        })
        .unwrap_or(1)
    };
    let nodes = doc.get("nodes").and_then(Value::as_array).ok_or((1, "missing field `nodes`".to_string()))?;
    let format = doc.get("format").and_then(Value::as_str).ok_or((1, "missing field `format`".to_string()))?;
    let mut keys = std::collections::HashSet::new();
    for (i, n) in nodes.iter().enumerate() {
        let key = n.get("key").and_then(Value::as_str);
        let at = line_of(key);
        let err = |e: String| (at, format!("node #{i} ({}): {e}", key.unwrap_or("no key")));
        // A parent or chain must name a node defined earlier (parent) or anywhere (chains).
        if let Some(p) = n.get("parent").and_then(Value::as_str) {
            if !keys.contains(p) {
                return Err(err(format!("parent `{p}` is not a node defined above")));
            }
        }
        if let Some(k) = key {
            if !keys.insert(k) {
                return Err(err("the same key as an earlier node".into()));
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        for c in n.get("chains").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !keys.contains(c) {
                let key = n.get("key").and_then(Value::as_str);
                return Err((line_of(key), format!("node #{i} ({}): chain `{c}` is not a node", key.unwrap_or("no key"))));
            }
        }
    }
    let mut out = taxonomy_lines(format, nodes, pinyin_of).map_err(|(i, e)| {
        let key = nodes.get(i).and_then(|n| n.get("key")).and_then(Value::as_str);
        (line_of(key), e)
    })?;
    let concepts = match doc.get("concepts") {
        None => &[][..],
        Some(c) => c.as_array().map(Vec::as_slice).ok_or((1, "`concepts` is not an array".to_string()))?,
    };
    for (i, c) in concepts.iter().enumerate() {
        let key = c.get("key").and_then(Value::as_str);
        let at = line_of(key);
        for m in c.get("members").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !keys.contains(m) {
                return Err((at, format!("concept #{i} ({}): member `{m}` is not a node", key.unwrap_or("no key"))));
            }
        }
        out.push_str(&concept_line(i, c, pinyin_of).map_err(|e| (at, e))?);
    }
    Ok(out)
}

/// The pinyin of an entry's Simplified label and of its synonyms of up to four characters (longer
/// ones are not typed in pinyin; leaving them out keeps about 3 KB gzipped out of the wasm),
/// U+001F separated, each once.
fn pinyin_cell(entry: &serde_json::Map<String, serde_json::Value>, pinyin_of: &PinyinOf) -> String {
    let mut terms: Vec<&str> = entry.get("zh-Hans").and_then(|v| v.as_str()).into_iter().collect();
    if let Some(syn) = entry.get("syn").and_then(|v| v.as_array()) {
        terms.extend(syn.iter().filter_map(|v| v.as_str()).map(|s| s.trim_start_matches('=')).filter(|s| s.chars().count() <= 4));
    }
    let mut out: Vec<&str> = Vec::new();
    for t in terms {
        if let Some(py) = pinyin_of.get(t.trim()) {
            if !out.contains(&py.as_str()) {
                out.push(py);
            }
        }
    }
    out.join("\x1f")
}

/// One umbrella concept as a `*` line: `*key zh-Hans zh-Hant en syn members pinyin`.
fn concept_line(i: usize, c: &serde_json::Value, pinyin_of: &PinyinOf) -> Result<String, String> {
    use serde_json::Value;
    const FIELDS: [&str; 6] = ["key", "zh-Hans", "zh-Hant", "en", "syn", "members"];
    let c = c.as_object().ok_or_else(|| format!("concept #{i} is not an object"))?;
    if let Some(k) = c.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!("concept #{i}: unknown field `{k}`"));
    }
    let mut cells = Vec::new();
    for f in FIELDS {
        let cell = match c.get(f) {
            Some(Value::String(s)) if !matches!(f, "syn" | "members") && !s.trim().is_empty() => s.clone(),
            Some(Value::Array(items)) if matches!(f, "syn" | "members") => {
                let items: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
                let items = items.ok_or_else(|| format!("concept #{i}: `{f}` holds a non-string"))?;
                if items.iter().any(|s| s.trim().is_empty() || s.contains('\x1f')) {
                    return Err(format!("concept #{i}: `{f}` holds an empty string or U+001F"));
                }
                items.join("\x1f")
            }
            None if f == "syn" => String::new(),
            _ => return Err(format!("concept #{i}: missing or bad field `{f}`")),
        };
        if cell.contains(['\t', '\n', '\r']) {
            return Err(format!("concept #{i}: `{f}` holds a tab or line break"));
        }
        cells.push(cell);
    }
    cells.push(pinyin_cell(c, pinyin_of));
    Ok(format!("*{}\n", cells.join("\t")))
}

pub fn taxonomy_lines(format: &str, nodes: &[serde_json::Value], pinyin_of: &PinyinOf) -> Result<String, (usize, String)> {
    use serde_json::Value;
    let mut out = format!("{format}\n");
    const FIELDS: [&str; 9] = ["key", "kind", "parent", "chains", "zh-Hans", "zh-Hant", "en", "syn", "abbr"];
    for (i, n) in nodes.iter().enumerate() {
        let n = n.as_object().ok_or_else(|| (i, format!("node #{i} is not an object")))?;
        if let Some(k) = n.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err((i, format!("node #{i}: unknown field `{k}`")));
        }
        let mut cells: Vec<String> = Vec::with_capacity(FIELDS.len());
        for f in FIELDS {
            let cell = match (f, n.get(f)) {
                ("key" | "zh-Hans" | "zh-Hant" | "en", None) => return Err((i, format!("node #{i}: missing field `{f}`"))),
                (_, None | Some(Value::Null)) if matches!(f, "kind" | "parent") => String::new(),
                (_, None) => String::new(),
                ("chains" | "syn" | "abbr", Some(Value::Array(items))) => {
                    let items: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
                    items.ok_or_else(|| (i, format!("node #{i}: `{f}` holds a non-string")))?.join("\x1f")
                }
                (_, Some(Value::String(s))) if !matches!(f, "chains" | "syn" | "abbr") => {
                    // An empty kind or parent would read back as absent: leave such a file to the
                    // JSON reader's error.
                    if s.is_empty() && matches!(f, "kind" | "parent") {
                        return Err((i, format!("node #{i}: empty `{f}`")));
                    }
                    s.clone()
                }
                _ => return Err((i, format!("node #{i}: `{f}` has the wrong type"))),
            };
            if cell.contains(['\t', '\n', '\r']) || (cell.contains('\x1f') && !matches!(f, "chains" | "syn" | "abbr")) {
                return Err((i, format!("node #{i}: `{f}` holds a tab, line break or U+001F")));
            }
            cells.push(cell);
        }
        // An empty list and a list of one empty string must not read back alike.
        for (f, idx) in [("chains", 3), ("syn", 7), ("abbr", 8)] {
            if n.get(f)
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|s| s.as_str().is_some_and(|s| s.is_empty() || s.contains('\x1f'))))
            {
                return Err((i, format!("node #{i}: `{f}` holds an empty string or U+001F ({idx})")));
            }
        }
        cells.push(pinyin_cell(n, pinyin_of));
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    Ok(out)
}
