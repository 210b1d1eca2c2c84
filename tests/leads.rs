//! `opportunity-matcher leads` as a user runs it: a leads sheet matched against the bundled list both
//! ways, checked against `rank` (the same binary) for every lead of the fixture sheet.

use opportunity_matcher::list::load_bytes;
use opportunity_matcher::rank::{Matcher, Query};
use serde_json::Value;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_opportunity-matcher");
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/opportunity-list.json");
const TODAY: &str = "2026-09-01";

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/leads/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().expect("binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

fn leads(sheet: &str, top: &str, lang: &str) -> Value {
    json(&["leads", "--data", BUNDLED, "--leads", &fixture(sheet), "--top", top, "--lang", lang, "--today", TODAY])
}

/// `rank` for a lead's industry, budget and region as the leads output says it asked.
fn rank_for(lead: &Value, top: &str, lang: &str) -> Value {
    let mut args: Vec<String> = ["rank", "--data", BUNDLED, "--top", top, "--lang", lang, "--today", TODAY].map(String::from).to_vec();
    for part in ["industry", "budget", "region"] {
        if let Some(text) = lead["asked"][part].as_str() {
            args.push(format!("--{part}"));
            args.push(text.to_string());
        }
    }
    json(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn every_lead_gets_exactly_what_rank_returns_and_both_views_agree() {
    let matcher = Matcher::new(load_bytes(&std::fs::read(BUNDLED).unwrap(), BUNDLED).unwrap());
    for lang in ["zh-Hans", "en"] {
        let out = leads("investor-leads.csv", "5", lang);
        let all_leads = out["leads"].as_array().unwrap();
        assert_eq!(all_leads.len(), 12, "every row of the sheet is a lead");
        assert!(out["rejected"].as_array().unwrap().is_empty(), "{}", out["rejected"]);
        // The sheet's own words reach the query: the unit of the amount column, several regions.
        let first = &all_leads[0];
        assert_eq!(first["company"], "川渝储能科技有限公司");
        assert_eq!(first["asked"]["budget"], "80000万元");
        assert_eq!(first["asked"]["region"], "成都、重庆");
        assert_eq!(first["query"]["budget"]["min_yuan"], 800_000_000u64);
        assert_eq!(first["query"]["region"].as_array().unwrap().len(), 2);
        assert!(all_leads[4]["asked"]["budget"].is_null(), "a lead without a budget asks for none");

        // Every pair's score, from `rank` over the whole list, lead by lead.
        let mut pair: std::collections::HashMap<(String, String), (f64, Value)> = Default::default();
        for lead in all_leads {
            let ranked = rank_for(lead, "5", lang);
            for key in ["query", "warnings", "results"] {
                assert_eq!(lead[key], ranked[key], "lead {} ({lang}): {key} differs from rank", lead["id"]);
            }
            // Every project for this lead: the library's `rank`, which the binary calls (one
            // loading of the list instead of a process per lead).
            let query = Query {
                industry: lead["asked"]["industry"].as_str().map(String::from),
                budget: lead["asked"]["budget"].as_str().map(String::from),
                region: lead["asked"]["region"].as_str().map(String::from),
                top: Some(1000),
                lang: Some(lang.into()),
                today: Some(TODAY.into()),
                ..Query::default()
            };
            // Through JSON text, as the binary prints it (an f32 score reads back as the same decimal).
            let everything: Value = serde_json::from_str(&serde_json::to_string(&matcher.rank(&query)).unwrap()).unwrap();
            for r in everything["results"].as_array().unwrap() {
                let key = (lead["id"].as_str().unwrap().to_string(), r["id"].as_str().unwrap().to_string());
                pair.insert(key, (r["score"].as_f64().unwrap(), r["reasons"].clone()));
            }
        }
        // The projects view: each project's best five leads, with the same score and reasons as
        // the pair has from `rank`, and no lead left out that scores higher.
        let projects = out["projects"].as_array().unwrap();
        assert_eq!(projects.len(), 211, "every project of the bundled list has its leads");
        for project in projects {
            let pid = project["id"].as_str().unwrap().to_string();
            let kept = project["leads"].as_array().unwrap();
            assert_eq!(kept.len(), 5, "{pid}");
            let mut worst_kept = f64::INFINITY;
            let mut last = f64::INFINITY;
            for fit in kept {
                let (score, reasons) = &pair[&(fit["id"].as_str().unwrap().to_string(), pid.clone())];
                assert_eq!(fit["score"].as_f64().unwrap(), *score, "{pid} {}", fit["id"]);
                assert_eq!(&fit["reasons"], reasons, "{pid} {}", fit["id"]);
                assert!(*score <= last, "{pid}: best first");
                last = *score;
                worst_kept = worst_kept.min(*score);
            }
            for lead in all_leads {
                let lid = lead["id"].as_str().unwrap().to_string();
                if !kept.iter().any(|f| f["id"] == lead["id"]) {
                    assert!(pair[&(lid.clone(), pid.clone())].0 <= worst_kept, "{pid}: lead {lid} scores higher than a kept one");
                }
            }
        }
    }
}

#[test]
fn a_bad_leads_sheet_gives_row_level_rejections_in_three_languages() {
    let expected = [
        (
            "zh-Hans",
            [
                "第3行，企业名称：缺少企业名称",
                "第4行，意向行业：没有意向行业、投资金额或意向地区",
                "第5行，线索编号“L-01”：线索编号与第2行重复",
            ],
        ),
        (
            "zh-Hant",
            [
                "第3行，企業名稱：缺少企業名稱",
                "第4行，意向行業：沒有意向行業、投資金額或意向地區",
                "第5行，線索編號「L-01」：線索編號與第2行重複",
            ],
        ),
        (
            "en",
            [
                "row 3, company: the company name is blank",
                "row 4, industry sought: no industry, budget or region",
                "row 5, lead id \"L-01\": the same lead id is already used in row 2",
            ],
        ),
    ];
    for (lang, messages) in expected {
        let out = leads("bad-leads.csv", "3", lang);
        let rejected = out["rejected"].as_array().unwrap();
        assert_eq!(rejected.iter().map(|r| r["row"].as_u64().unwrap()).collect::<Vec<_>>(), [3, 4, 5]);
        for (r, m) in rejected.iter().zip(messages) {
            assert!(r["message"].as_str().unwrap().starts_with(m), "{lang}: {} !~ {m}", r["message"]);
        }
        let ids: Vec<&str> = out["leads"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["L-01", "L-05"], "the usable rows still match");
        // A budget and a region that cannot be understood are warnings on the lead, not silence.
        let warnings = out["leads"][1]["warnings"].as_array().unwrap();
        assert_eq!(warnings.len(), 2, "{lang}: {warnings:?}");
        assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("一些钱")), "{warnings:?}");
        assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("火星")), "{warnings:?}");
    }
    let (code, _, err) = run(&["leads", "--data", BUNDLED, "--leads", &fixture("no-company.csv"), "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-company.csv") && err.contains("no column names the company") && err.contains("意向行业"), "{err}");
}

#[test]
fn english_json_leads_inside_an_envelope() {
    let out = leads("investor-leads.json", "3", "en");
    let all = out["leads"].as_array().unwrap();
    assert_eq!(
        all.iter().map(|l| l["company"].as_str().unwrap()).collect::<Vec<_>>(),
        ["Sichuan Battery Works", "Guizhou Liquor Packaging", "West Data Centres"]
    );
    assert_eq!(all[0]["id"], "EN-1");
    assert_eq!(all[0]["asked"]["industry"], "new energy vehicles、power battery cells");
    assert_eq!(all[0]["query"]["region"].as_array().unwrap().len(), 2, "Chengdu, Yibin");
    assert!(all[2]["query"]["zones"].as_array().unwrap().iter().any(|z| z.as_str().unwrap().contains("Chengdu")), "{}", all[2]["query"]);
    assert!(out["reading"].as_array().unwrap().iter().any(|l| l.as_str().unwrap().contains("\"company\" → company")), "{}", out["reading"]);
}

#[test]
fn csv_writes_both_tables_formula_safe() {
    let (code, out, err) = run(&[
        "leads",
        "--data",
        BUNDLED,
        "--leads",
        &fixture("formula-leads.csv"),
        "--top",
        "2",
        "--format",
        "csv",
        "--lang",
        "en",
        "--today",
        TODAY,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with('\u{feff}'), "a BOM so that Excel reads UTF-8");
    let tables: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n\r\n").collect();
    assert_eq!(tables.len(), 2, "{out}");
    assert!(tables[0].starts_with("\"lead id\",\"company\",\"rank\",\"project id\""), "{}", tables[0]);
    assert!(tables[1].starts_with("\"project id\",\"project name\",\"rank\",\"lead id\",\"company\",\"contact\""), "{}", tables[1]);
    // The company cell that would run as a formula in Excel is neutralised, in both tables.
    assert!(tables[0].contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{}", tables[0]);
    assert!(tables[1].contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{}", tables[1]);
    assert!(!out.contains(",\"=HYPERLINK"), "no raw formula cell");
    // One row per pair: two leads × two projects, then 211 projects × two leads.
    assert_eq!(tables[0].lines().count(), 1 + 4);
    assert_eq!(tables[1].trim_end().lines().count(), 1 + 211 * 2);
}
