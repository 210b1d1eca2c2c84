//! The shortlist as CSV for Excel: UTF-8 with BOM, every cell quoted, and cells that a spreadsheet
//! would read as a formula (`= + - @`, tab, carriage return) neutralised with a leading `'`.

/// One cell, quoted, with formula injection neutralised.
pub fn cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(text.len() + 3);
    out.push('"');
    if risky {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Rows to CSV text (CRLF line ends, BOM so that Excel reads UTF-8).
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
