//! The command line (SPEC §6.1): `check`, `convert`, `rank`, and `leads` (investor leads matched
//! both ways, `crate::leads`). Native only.
//!
//! Exit codes: 0 success; 1 `check` found rejected rows; 2 the list could not be read or the
//! command line is wrong (one line on stderr).

use crate::list::{load_bytes, to_compact, to_normalised_json, OpportunityList};
use crate::rank::{Matcher, Query, Weights};
use crate::Lang;
use std::io::Write;

/// Usage text.
pub const USAGE: &str = "\
opportunity-matcher: rank an investment opportunity list against an investor's industry, budget and region

USAGE:
  opportunity-matcher check   LIST [--lang zh-Hans|zh-Hant|en]
  opportunity-matcher convert LIST OUT.json|OUT.oml
  opportunity-matcher rank --data LIST [--industry T] [--budget T] [--region T] [--keywords T]
                           [--sector T] [--cooperation T] [--stage T] [--investment T]
                           [--weights industry=0.5,budget=0.2,region=0.3] [--top N]
                           [--lang zh-Hans|zh-Hant|en] [--today YYYY-MM-DD]
  opportunity-matcher leads --data LIST --leads LEADS [--top N] [--lang zh-Hans|zh-Hant|en]
                           [--format json|csv] [--today YYYY-MM-DD]

LIST is a spreadsheet (.xlsx, .xls, .ods), a CSV or TSV file (UTF-8, UTF-16, GB18030/GBK or Big5) or JSON
(also inside a portal's API envelope), with English keys or the Chinese headers officials use.
check   says how it read the table (sheet, header row, each column's field, units, group headings,
        rows skipped), then the loaded and rejected rows; exits 1 if any row is rejected.
convert writes the list as normalised JSON, or (OUT.oml) in the compact binary form that loads fastest.
rank    prints one JSON object: {\"query\", \"warnings\", \"results\": [{\"id\", \"name\", \"score\", \"parts\", \"reasons\"}]}.
leads   matches a sheet of investor leads (企业名称, 主营业务/意向行业, 投资意向金额, 意向地区, 联系人 …; read like
        a LIST) both ways: {\"leads\": [{\"id\", \"company\", \"query\", \"warnings\", \"results\"}], \"projects\":
        [{\"id\", \"name\", \"leads\": [{\"id\", \"company\", \"score\", \"reasons\"}]}], \"rejected\": […]}; a lead's
        results are what rank gives for its industry, budget and region. --top N per lead and per project
        (default 10). --format csv writes the two tables (by lead, then by project) as CSV for Excel.
";

/// A command-line failure: message and exit code.
#[derive(Debug)]
pub struct CliError {
    /// One line for stderr.
    pub message: String,
    /// Process exit code.
    pub code: i32,
}

fn usage_error(message: impl Into<String>) -> CliError {
    CliError { message: format!("{}\n\n{USAGE}", message.into()), code: 2 }
}

fn read_list(path: &str, lang: Lang) -> Result<OpportunityList, CliError> {
    let error = lang.pick("错误：", "錯誤：", "error: ");
    let bytes = std::fs::read(path).map_err(|e| {
        let message = match lang {
            Lang::En => format!("{error}cannot read {path}: {e}"),
            Lang::ZhHans => format!("{error}无法读取 {path}：{e}"),
            Lang::ZhHant => format!("{error}無法讀取 {path}：{e}"),
        };
        CliError { message, code: 2 }
    })?;
    load_bytes(&bytes, path)
        .map_err(|e| CliError { message: format!("{error}{path}{}{}", lang.pick("：", "：", ": "), e.message(lang)), code: 2 })
}

/// Today's date from the system clock, for staleness marks.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Runs the command line on `args` (without the program name), writing to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<i32, CliError> {
    let Some(command) = args.first() else { return Err(usage_error("error: no command given")) };
    let mut positional = Vec::new();
    let mut options: Vec<(String, String)> = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            let (name, value) = match name.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => (name.to_string(), it.next().cloned().ok_or_else(|| usage_error(format!("error: --{name} needs a value")))?),
            };
            options.push((name, value));
        } else {
            positional.push(a.clone());
        }
    }
    let opt = |name: &str| options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let lang = opt("lang").map(|l| Lang::from_tag(&l)).unwrap_or(Lang::En);
    let io = |e: std::io::Error| CliError { message: format!("error: {e}"), code: 2 };
    match command.as_str() {
        "check" => {
            let [path] = &positional[..] else { return Err(usage_error("error: check takes one LIST")) };
            let list = read_list(path, lang)?;
            for line in list.report(lang) {
                writeln!(out, "{line}").map_err(io)?;
            }
            Ok(if list.rejected.is_empty() { 0 } else { 1 })
        }
        "convert" => {
            let [input, output] = &positional[..] else { return Err(usage_error("error: convert takes LIST OUT.json")) };
            let list = read_list(input, lang)?;
            // OUT.oml / OUT.bin: the compact binary form with its index (src/list/compact.rs).
            let lower = output.to_ascii_lowercase();
            let bytes =
                if lower.ends_with(".oml") || lower.ends_with(".bin") { to_compact(&list) } else { to_normalised_json(&list).into_bytes() };
            std::fs::write(output, bytes).map_err(|e| CliError { message: format!("error: cannot write {output}: {e}"), code: 2 })?;
            writeln!(out, "{} → {output}", list.summary(lang)).map_err(io)?;
            Ok(0)
        }
        "rank" => {
            let path = opt("data").or_else(|| positional.first().cloned()).ok_or_else(|| usage_error("error: rank needs --data LIST"))?;
            let list = read_list(&path, lang)?;
            let top = match opt("top") {
                None => None,
                Some(t) => Some(t.parse::<usize>().map_err(|_| usage_error(format!("error: --top {t:?} is not a number")))?),
            };
            let query = Query {
                industry: opt("industry"),
                budget: opt("budget"),
                region: opt("region"),
                keywords: opt("keywords"),
                sector: opt("sector"),
                cooperation: opt("cooperation"),
                stage: opt("stage"),
                investment: opt("investment"),
                top,
                lang: Some(opt("lang").unwrap_or_else(|| "zh-Hans".into())),
                weights: opt("weights").map(|w| Weights::parse(&w)),
                today: Some(opt("today").unwrap_or_else(today)),
            };
            let matcher = Matcher::new(list);
            let response = matcher.rank(&query);
            let json = serde_json::to_string_pretty(&response).map_err(|e| CliError { message: format!("error: {e}"), code: 2 })?;
            writeln!(out, "{json}").map_err(io)?;
            Ok(0)
        }
        "leads" => {
            let list_path = opt("data").ok_or_else(|| usage_error("error: leads needs --data LIST"))?;
            let leads_path = opt("leads").ok_or_else(|| usage_error("error: leads needs --leads LEADS"))?;
            let top = match opt("top") {
                None => 10,
                Some(t) => {
                    t.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| usage_error(format!("error: --top {t:?} is not a number")))?
                }
            };
            let csv = match opt("format").as_deref() {
                None | Some("json") => false,
                Some("csv") => true,
                Some(other) => return Err(usage_error(format!("error: --format {other:?}: give json or csv"))),
            };
            let matcher = Matcher::new(read_list(&list_path, lang)?);
            let error = lang.pick("错误：", "錯誤：", "error: ");
            let bytes = std::fs::read(&leads_path).map_err(|e| CliError { message: format!("{error}{leads_path}: {e}"), code: 2 })?;
            let sheet = crate::leads::read_leads(&bytes, &leads_path).map_err(|e| CliError {
                message: format!("{error}{leads_path}{}{}", lang.pick("：", "：", ": "), crate::leads::sheet_error(&e, lang)),
                code: 2,
            })?;
            let options = crate::leads::LeadsOptions { top, lang, today: Some(opt("today").unwrap_or_else(today)) };
            let report = crate::leads::match_leads(&matcher, &sheet, &options, &mut |_, _| {});
            if csv {
                let (by_lead, by_project) = report.tables(lang);
                // Two tables one after the other, a blank line between, for one file Excel opens.
                let text =
                    format!("{}\r\n{}", crate::csv::to_csv(&by_lead), crate::csv::to_csv(&by_project).trim_start_matches('\u{feff}'));
                write!(out, "{text}").map_err(io)?;
            } else {
                let json = serde_json::to_string_pretty(&report).map_err(|e| CliError { message: format!("error: {e}"), code: 2 })?;
                writeln!(out, "{json}").map_err(io)?;
            }
            Ok(0)
        }
        "help" | "--help" | "-h" => {
            write!(out, "{USAGE}").map_err(io)?;
            Ok(0)
        }
        other => Err(usage_error(format!("error: unknown command {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_an_iso_date() {
        let t = super::today();
        assert_eq!(t.len(), 10);
        assert!(t.starts_with("20"));
    }
}
