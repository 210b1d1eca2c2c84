//! CSV for Excel (the widget's shortlist, the leads tables of `leads --format csv` and the leads page):
//! UTF-8 with BOM, every cell quoted, and cells that a spreadsheet
//! would read as a formula (`= + - @`, tab, carriage return) neutralised with a leading `'`.

/// One cell, quoted, with formula injection neutralised.
///
/// ```
/// use opportunity_matcher::csv::cell;
/// assert_eq!(cell("=SUM(A1)"), "\"'=SUM(A1)\"");
/// assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
/// ```
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
///
/// ```
/// use opportunity_matcher::csv::to_csv;
/// let text = to_csv(&[vec!["a".into(), "+1".into()]]);
/// assert_eq!(text, "\u{feff}\"a\",\"'+1\"\r\n");
/// ```
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
