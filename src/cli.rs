//! The command line (the contract (docs/contract.md, "Interfaces")): `check`, `convert`, `rank`, and
//! `leads` (investor leads matched both ways, `crate::leads`). Native only.
//!
//! Exit codes: 0 success; 1 `check` found rejected rows; 2 the list could not be read or the
//! command line is wrong (one line on stderr).

use crate::list::{load_owned_bytes_with, to_normalised_json, OpportunityList, ReadingChoices};
use crate::oml::to_compact;
use crate::rank::{Matcher, Query, Weights};
use crate::Lang;
use std::io::Write;

/// Usage text.
pub const USAGE: &str = "\
opportunity-matcher: rank an investment opportunity list against an investor's industry, budget and region

USAGE:
  opportunity-matcher check   LIST [--lang zh-Hans|zh-Hant|en] [--columns SPEC]
  opportunity-matcher convert LIST OUT.json|OUT.oml [--lang zh-Hans|zh-Hant|en] [--columns SPEC]
  opportunity-matcher rank --data LIST [--industry T] [--budget T] [--region T] [--keywords T]
                           [--sector T] [--cooperation T] [--stage T] [--investment T]
                           [--weights industry=0.5,budget=0.2,region=0.3] [--top N]
                           [--lang zh-Hans|zh-Hant|en] [--today YYYY-MM-DD] [--columns SPEC]
  opportunity-matcher leads --data LIST --leads LEADS [--top N] [--lang zh-Hans|zh-Hant|en]
                           [--format json|csv] [--today YYYY-MM-DD] [--columns SPEC]

LIST is a spreadsheet (.xlsx, .xls, .ods), a CSV or TSV file (UTF-8, UTF-16, GB18030/GBK or Big5) or JSON
(also inside a portal's API envelope), with English keys or the Chinese headers officials use.
check   says how it read the table (sheet, header row, each column's field, units, group headings,
        rows skipped), then the loaded and rejected rows; exits 1 if any row is rejected.
convert writes the list as normalised JSON, or (OUT.oml) in the compact binary form that loads fastest.
--columns corrects how columns are read (as the publisher page's menus do): [SHEET!]LETTER=FIELD[:UNIT],
        comma-separated, e.g. D=investment:万元,F=ignore (FIELD: a key of data/list-headers.tsv).
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

/// A wrong command line: one line on stderr, exit 2 (the full usage is `opportunity-matcher help`).
fn usage_error(message: impl Into<String>) -> CliError {
    CliError { message: format!("{} (see `opportunity-matcher help`)", message.into()), code: 2 }
}

/// The options each command takes; anything else on its command line is an error, never ignored.
fn options_of(command: &str) -> &'static [&'static str] {
    match command {
        "check" | "convert" => &["lang", "columns"],
        "rank" => &[
            "data",
            "industry",
            "budget",
            "region",
            "keywords",
            "sector",
            "cooperation",
            "stage",
            "investment",
            "weights",
            "top",
            "lang",
            "today",
            "columns",
        ],
        "leads" => &["data", "leads", "top", "format", "lang", "today", "columns"],
        _ => &[],
    }
}

/// A command's arguments: positional ones and `--name value` / `--name=value` options, each checked
/// against what the command takes. A misspelt option (`--regoin 成都`) or an option without its
/// value is an error that names it, so that a query is never silently ranked without it.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    fn parse(command: &str, args: &[String]) -> Result<Args, CliError> {
        let known = options_of(command);
        let mut parsed = Args { positional: Vec::new(), options: Vec::new() };
        let mut it = args.iter().peekable();
        while let Some(a) = it.next() {
            let Some(name) = a.strip_prefix("--") else {
                parsed.positional.push(a.clone());
                continue;
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            if !known.contains(&name) {
                let closest = known.iter().min_by_key(|k| strsim::levenshtein(k, name)).filter(|k| strsim::levenshtein(k, name) <= 2);
                return Err(usage_error(match closest {
                    Some(k) => format!("error: {command} has no option --{name} (did you mean --{k}?)"),
                    None if known.is_empty() => format!("error: {command} takes no option --{name}"),
                    None => format!("error: {command} has no option --{name}; it takes --{}", known.join(", --")),
                }));
            }
            let value = match inline {
                Some(v) => v,
                None => match it.next_if(|v| !v.starts_with("--")) {
                    Some(v) => v.clone(),
                    None => return Err(usage_error(format!("error: --{name} needs a value"))),
                },
            };
            parsed.options.push((name.to_string(), value));
        }
        Ok(parsed)
    }

    /// The last value given for an option.
    fn get(&self, name: &str) -> Option<String> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }
}

fn read_list(path: &str, lang: Lang, choices: &ReadingChoices) -> Result<OpportunityList, CliError> {
    let error = lang.pick("错误：", "錯誤：", "error: ");
    let bytes = std::fs::read(path).map_err(|e| {
        let message = match lang {
            Lang::En => format!("{error}cannot read {path}: {e}"),
            Lang::ZhHans => format!("{error}无法读取 {path}：{e}"),
            Lang::ZhHant => format!("{error}無法讀取 {path}：{e}"),
        };
        CliError { message, code: 2 }
    })?;
    load_owned_bytes_with(bytes, path, choices)
        .map_err(|e| CliError { message: format!("{error}{path}{}{}", lang.pick("：", "：", ": "), e.message(lang)), code: 2 })
}

/// Today's date from the system clock, for staleness marks.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    crate::date::date_of_unix_day((secs / 86_400) as i64)
}

/// Runs the command line on `args` (without the program name), writing to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<i32, CliError> {
    let Some(command) = args.first() else { return Err(usage_error("error: no command given")) };
    if matches!(command.as_str(), "help" | "--help" | "-h") {
        write!(out, "{USAGE}").map_err(|e| CliError { message: format!("error: {e}"), code: 2 })?;
        return Ok(0);
    }
    if !matches!(command.as_str(), "check" | "convert" | "rank" | "leads") {
        return Err(usage_error(format!("error: unknown command {command:?}")));
    }
    let parsed = Args::parse(command, &args[1..])?;
    let positional = &parsed.positional;
    let opt = |name: &str| parsed.get(name);
    let lang = opt("lang").map(|l| Lang::from_tag(&l)).unwrap_or(Lang::En);
    let io = |e: std::io::Error| CliError { message: format!("error: {e}"), code: 2 };
    let choices = match opt("columns") {
        Some(spec) => ReadingChoices::parse(&spec).map_err(|e| usage_error(format!("error: --columns {e}")))?,
        None => ReadingChoices::default(),
    };
    match command.as_str() {
        "check" => {
            let [path] = &positional[..] else { return Err(usage_error("error: check takes one LIST")) };
            let list = read_list(path, lang, &choices)?;
            for line in list.report(lang) {
                writeln!(out, "{line}").map_err(io)?;
            }
            Ok(if list.rejected.is_empty() { 0 } else { 1 })
        }
        "convert" => {
            let [input, output] = &positional[..] else { return Err(usage_error("error: convert takes LIST OUT.json")) };
            let list = read_list(input, lang, &choices)?;
            // OUT.oml / OUT.bin: the compact binary form with its index (src/list/compact.rs).
            let lower = output.to_ascii_lowercase();
            let bytes =
                if lower.ends_with(".oml") || lower.ends_with(".bin") { to_compact(&list) } else { to_normalised_json(&list).into_bytes() };
            std::fs::write(output, bytes).map_err(|e| CliError { message: format!("error: cannot write {output}: {e}"), code: 2 })?;
            writeln!(out, "{} → {output}", list.summary(lang)).map_err(io)?;
            Ok(0)
        }
        "rank" => {
            let path = match (opt("data"), &positional[..]) {
                (Some(path), []) => path,
                (None, [path]) => path.clone(),
                (None, []) => return Err(usage_error("error: rank needs --data LIST")),
                _ => return Err(usage_error("error: rank takes one LIST (--data LIST)")),
            };
            let list = read_list(&path, lang, &choices)?;
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
            let matcher = Matcher::new(read_list(&list_path, lang, &choices)?);
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
