//! The command line as a user runs it: `check`, `convert`, `rank`, exit codes and the JSON contract.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_opportunity-matcher");
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/opportunity-list.json");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().expect("binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn rank_prints_the_json_contract() {
    let (code, out, err) =
        run(&["rank", "--data", BUNDLED, "--industry", "動力電池", "--budget", "30億", "--region", "成都", "--top", "5"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert!(v["query"].is_object());
    assert!(v["warnings"].as_array().unwrap().is_empty(), "{}", v["warnings"]);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    for r in results {
        assert!(r["id"].is_string() && r["name"].is_string());
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        for part in ["industry", "budget", "region"] {
            let p = r["parts"][part].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&p), "{part} {p}");
        }
        assert!(r["reasons"].as_array().unwrap().len() >= 3);
    }
    let scores: Vec<f64> = results.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn rank_in_english_words_reasons_in_english() {
    let (code, out, _) =
        run(&["rank", "--data", BUNDLED, "--industry", "power battery", "--region", "Chengdu", "--lang", "en", "--top", "3"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reasons = v["results"][0]["reasons"].to_string();
    assert!(reasons.contains("Region: ") && reasons.contains("Industry: "), "{reasons}");
}

#[test]
fn rank_reports_what_it_did_not_understand() {
    let (code, out, _) = run(&["rank", "--data", BUNDLED, "--budget", "abc"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["warnings"][0].as_str().unwrap().contains("abc"));
    assert!(!v["results"].as_array().unwrap().is_empty());
}

#[test]
fn check_lists_rejected_rows_and_exits_1() {
    let (code, out, _) = run(&["check", &fixture("bad-rows.csv"), "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("rejected: row "), "{out}");
    assert!(out.contains("火星"), "{out}");
}

#[test]
fn check_of_a_clean_list_exits_0() {
    let (code, out, _) = run(&["check", BUNDLED]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("rejected 0 rows"), "{out}");
}

#[test]
fn an_unreadable_list_exits_2_with_one_line() {
    let dir = std::env::temp_dir().join(format!("om-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"projects\": [").unwrap();
    let (code, out, err) = run(&["rank", "--data", broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("JSON"), "{err}");
    let (code, _, err) = run(&["check", dir.join("missing.csv").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn convert_writes_json_that_reloads_to_the_same_ranking() {
    let dir = std::env::temp_dir().join(format!("om-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("normalised.json");
    let (code, _, err) = run(&["convert", &fixture("sample-gbk.csv"), out_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let args = |data: &str| {
        let (c, out, e) =
            run(&["rank", "--data", data, "--industry", "食品", "--budget", "2亿", "--region", "四川", "--today", "2026-11-01"]);
        assert_eq!(c, 0, "{e}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["results"].as_array().unwrap().iter().map(|r| (r["id"].clone(), r["score"].clone())).collect::<Vec<_>>()
    };
    assert_eq!(args(&fixture("sample-gbk.csv")), args(out_path.to_str().unwrap()));
}

#[test]
fn check_says_how_it_read_the_table_first_in_the_chosen_language() {
    let path = fixture("published/groups-totals-notes.csv");
    let (code, out, _) = run(&["check", &path, "--lang", "zh-Hant"]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("按CSV讀取"), "{out}");
    assert!(out.contains("表頭在第2行"), "{out}");
    assert!(out.contains("第3行「一、智能网联及新能源汽车（3个）」 → 「智能网联及新能源汽车」"), "{out}");
    assert!(out.contains("合計行：7 「小计 470000 330000」"), "{out}");
    assert!(out.contains("總投資，單位萬元（第15行的說明：注：1.表中投资额单位为万元"), "{out}");
    // The reading comes before the summary.
    let summary = lines.iter().position(|l| l.starts_with("已載入")).unwrap();
    let columns = lines.iter().position(|l| l.contains("各欄")).unwrap();
    assert!(columns < summary, "{out}");
    assert!(!out.contains("rejected") && !out.contains("warning"), "{out}");
}

#[test]
fn a_cause_that_rejects_every_row_is_said_once() {
    let dir = std::env::temp_dir().join(format!("om-cli-all-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("no-place.csv");
    std::fs::write(&list, "项目名称,总投资\n甲项目,1亿\n乙项目,2亿\n丙项目,3亿\n丁项目,4亿\n").unwrap();
    let (code, out, _) = run(&["check", list.to_str().unwrap(), "--lang", "zh-Hans"]);
    assert_eq!(code, 1, "{out}");
    let rejected: Vec<&str> = out.lines().filter(|l| l.starts_with("拒绝：")).collect();
    assert_eq!(rejected, ["拒绝：全部4行（第2–5行），项目地点：缺少项目地点，无法按地区匹配"], "{out}");
}

#[test]
fn fatal_errors_are_in_the_chosen_language() {
    let dir = std::env::temp_dir().join(format!("om-cli-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("picture.csv");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00",
    )
    .unwrap();
    let (code, _, err) = run(&["check", png.to_str().unwrap(), "--lang", "zh-Hans"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误："), "{err}");
    assert!(err.contains("UTF-8, UTF-16, GB18030, Big5"), "{err}");
    let (_, _, err) = run(&["check", dir.join("missing.csv").to_str().unwrap(), "--lang", "zh-Hant"]);
    assert!(err.starts_with("錯誤：") && err.contains("無法讀取"), "{err}");
}

/// A misspelt option or one without its value stops the command with one line naming it (exit 2),
/// instead of ranking without it.
#[test]
fn a_wrong_option_is_one_line_and_exit_2_never_ignored() {
    let (code, out, err) = run(&["rank", "--data", BUNDLED, "--regoin", "成都"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing ranked: {out}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("--regoin") && err.contains("did you mean --region?"), "{err}");

    let (code, out, err) = run(&["rank", "--data", BUNDLED, "--industry"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--industry needs a value"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    // A flag where a value belongs is the missing value, not the value.
    let (code, _, err) = run(&["rank", "--data", BUNDLED, "--region", "--industry", "电池"]);
    assert_eq!(code, 2);
    assert!(err.contains("--region needs a value"), "{err}");

    let (code, _, err) = run(&["check", fixture("sample.json").as_str(), "--top", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("check has no option --top"), "{err}");

    let (code, _, err) = run(&["rank", BUNDLED, fixture("sample.json").as_str()]);
    assert_eq!(code, 2, "two lists for one rank: {err}");

    // The right spelling, with `=` or a space, still works.
    let (code, out, _) = run(&["rank", "--data", BUNDLED, "--region=成都", "--top", "1"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"results\""));
}
