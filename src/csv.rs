//! CSV for Excel (the widget's shortlist, the leads tables of `leads --format csv` and the leads page):
//! UTF-8 with BOM, every cell quoted, and cells that a spreadsheet
//! would read as a formula (`= + - @`, tab, carriage return) neutralised with a leading `'`.
//!
//! ```
//! use opportunity_matcher::csv::cell;
//! assert_eq!(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
//! ```

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        for risky in ["=1+1", "+86 28 1234", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"] {
            let c = cell(risky);
            assert!(c.starts_with("\"'"), "{risky:?} → {c}");
            assert_eq!(&c[2..c.len() - 1], risky, "the text itself is kept");
        }
        for plain in ["成都动力电池产业园", "30亿元", "a=b", " =x", "https://example.cn/?a=1"] {
            assert_eq!(cell(plain), format!("\"{plain}\""), "{plain:?}");
        }
    }

    #[test]
    fn quotes_double_and_line_breaks_stay_inside_their_cell() {
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("line 1\nline 2"), "\"line 1\nline 2\"");
    }

    #[test]
    fn a_file_starts_with_a_bom_and_ends_rows_with_crlf() {
        let text = to_csv(&[vec!["项目编号".into(), "匹配度".into()], vec!["SC-0001".into(), "-87%".into()]]);
        assert_eq!(text, "\u{feff}\"项目编号\",\"匹配度\"\r\n\"SC-0001\",\"'-87%\"\r\n");
        assert_eq!(to_csv(&[]), "\u{feff}");
    }
}
