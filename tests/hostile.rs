//! Hostile lists (issue 6, item 3), natively: each test states what the user gets.
//!
//! - XSS payloads in every text field are data: they load verbatim and come back verbatim from the
//!   ranking, the presentation layer and the normalised export (escaping is the renderer's job);
//! - `javascript:`, `data:`, `vbscript:` and other non-http(s) urls are dropped with a warning;
//! - a 10 MB field loads, and the messages about it quote only an excerpt;
//! - a million rows load without panic in reasonable time (release build: `make test` runs it with
//!   `cargo test --release --test hostile -- --ignored`);
//! - deeply nested JSON is one clear error, never a stack overflow;
//! - bytes that are not UTF-8 decode as GB18030 natively, never panic;
//! - UTF-8, UTF-16 LE and UTF-16 BE byte-order marks (and GB18030's) give the same projects;
//! - CR, LF and CRLF line ends give the same projects;
//! - a UTF-8 file with a few GBK bytes keeps its UTF-8 text;
//! - CSV-formula payloads (`=`, `+`, `-`, `@` at the start of a cell) are kept as data by the loader,
//!   and neutralised by the widget's CSV export (`src/csv.rs`, compiled here natively).
//!
//! Big inputs are generated here, never committed.
#![cfg(not(target_arch = "wasm32"))]

use opportunity_matcher::list::{
    decode, load_bytes, load_text, to_normalised_json, Encoding, Field, LoadError, OpportunityList, Project, RejectReason, WarningKind,
};
use opportunity_matcher::oml::to_compact;
use opportunity_matcher::present::ProjectView;
use opportunity_matcher::rank::{Matcher, Query};
use opportunity_matcher::Lang;
use serde_json::Value;
// Times are printed, never asserted: speed is measured by `make bench`, not gated in tests.
use std::time::Instant;

/// The CSV export of the widget and of the leads views (`opportunity_matcher::csv`, in the core).
use opportunity_matcher::csv as widget_csv;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load(bytes: &[u8], name: &str) -> OpportunityList {
    load_bytes(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The projects without their row numbers (which legitimately differ between JSON and CSV).
fn projects(list: &OpportunityList) -> Vec<Project> {
    list.projects.iter().map(|p| Project { row: 0, ..p.clone() }).collect()
}

/// Runs `f` on a thread with a 1 MiB stack: the size of the wasm32 stack in the browser, so a
/// recursion that would overflow there overflows here too.
fn with_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 20).spawn(f).expect("thread").join().expect("no panic, no overflow")
}

// ---------------------------------------------------------------------------------------------
// XSS payloads
// ---------------------------------------------------------------------------------------------

fn hostile_json() -> (Value, OpportunityList) {
    let bytes = fixture_bytes("hostile.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    (raw, load(&bytes, "hostile.json"))
}

fn text_of(p: &Project, key: &str) -> Option<String> {
    match key {
        "id" => Some(p.id.clone()),
        "name" => Some(p.name.clone()),
        "name_en" => p.name_en.clone(),
        "park" => p.park.clone(),
        "stage" => p.stage.clone(),
        "description" => p.description.clone(),
        "description_en" => p.description_en.clone(),
        "benefits" => p.benefits.clone(),
        "policies" => p.policies.clone(),
        "contact_org" => p.contact_org.clone(),
        "contact_name" => p.contact_name.clone(),
        "contact_phone" => p.contact_phone.clone(),
        "contact_email" => p.contact_email.clone(),
        _ => unreachable!("{key}"),
    }
}

const TEXT_KEYS: [&str; 13] = [
    "id",
    "name",
    "name_en",
    "park",
    "stage",
    "description",
    "description_en",
    "benefits",
    "policies",
    "contact_org",
    "contact_name",
    "contact_phone",
    "contact_email",
];

/// The user gets every payload as the exact characters the publisher wrote: nothing is decoded
/// (`&lt;b&gt;` stays six characters), stripped or escaped by the loader, in every free-text field,
/// list items included, and in the list's title and publisher.
#[test]
fn xss_payloads_in_every_text_field_load_verbatim_as_data() {
    let (raw, list) = hostile_json();
    assert_eq!(list.projects.len(), 8, "{:?}", list.rejected);
    assert!(list.rejected.is_empty());
    assert_eq!(list.meta.title.as_deref(), raw["title"].as_str());
    assert_eq!(list.meta.publisher.as_deref(), raw["publisher"].as_str());
    let raw_projects = raw["projects"].as_array().unwrap();
    let mut checked = 0;
    for (p, r) in list.projects.iter().zip(raw_projects) {
        for key in TEXT_KEYS {
            if let Some(v) = r.get(key).and_then(Value::as_str) {
                assert_eq!(text_of(p, key).as_deref(), Some(v), "{key} of {}", p.id);
                checked += 1;
            }
        }
        for key in ["tags", "cooperation"] {
            if let Some(items) = r.get(key).and_then(Value::as_array) {
                let want: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                let got = if key == "tags" { &p.tags } else { &p.cooperation };
                assert_eq!(got, &want, "{key} of {}", p.id);
                checked += 1;
            }
        }
    }
    assert!(checked >= 54, "only {checked} fields checked");
    // The two payload ids are ids like any other.
    assert_eq!(list.projects[0].id, "\"><img src=x onerror=alert('id')>");
    assert_eq!(list.projects[7].id, "</script><script>alert(1)</script>");
    assert_eq!(list.projects[7].name, "宁波 &lt;b&gt; 实体 &amp; 项目");
}

/// Payloads come back verbatim from everything the core hands to a renderer: the ranking (names,
/// ids, and the response JSON that crosses to JavaScript), the presentation layer, and the
/// normalised export, which reloads to the same projects.
#[test]
fn xss_payloads_come_back_verbatim_from_ranking_presentation_and_export() {
    let (_, list) = hostile_json();
    let m = Matcher::new(list.clone());
    let r = m.rank(&Query { keywords: Some("<script>alert(1)</script>".into()), top: Some(8), ..Query::default() });
    assert_eq!(r.results.len(), 8);
    let json: Value = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    for (res, j) in r.results.iter().zip(json["results"].as_array().unwrap()) {
        let p = &list.projects[res.index];
        assert_eq!((res.id.as_str(), res.name.as_str()), (p.id.as_str(), p.name.as_str()));
        assert_eq!((j["id"].as_str(), j["name"].as_str()), (Some(p.id.as_str()), Some(p.name.as_str())));
    }
    assert_eq!(r.query.keywords.as_deref(), Some("<script>alert(1)</script>"));

    for p in &list.projects {
        let v = ProjectView::new(p, Lang::ZhHans);
        assert_eq!((v.id.as_str(), v.name.as_str()), (p.id.as_str(), p.name.as_str()));
        assert_eq!((&v.tags, &v.park, &v.contact_name), (&p.tags, &p.park, &p.contact_name));
    }

    let exported = to_normalised_json(&list);
    let again = load_text(&exported, "again.json").unwrap();
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    assert_eq!(again.meta.title, list.meta.title);
    assert_eq!(again.meta.publisher, list.meta.publisher);
    for (a, b) in again.projects.iter().zip(&list.projects) {
        for key in TEXT_KEYS {
            assert_eq!(text_of(a, key), text_of(b, key), "{key} of {}", b.id);
        }
        assert_eq!((&a.tags, &a.cooperation, &a.url), (&b.tags, &b.cooperation, &b.url), "{}", b.id);
    }
}

// ---------------------------------------------------------------------------------------------
// urls
// ---------------------------------------------------------------------------------------------

/// hostile.json: the user gets the two http(s) links (the one with `<script>` and quotes in its
/// query made attribute-safe by percent-encoding) and a warning naming each of the six others.
#[test]
fn non_http_urls_in_hostile_json_are_dropped_with_a_warning() {
    let (raw, list) = hostile_json();
    let urls: Vec<Option<&str>> = list.projects.iter().map(|p| p.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            None,
            None,
            None,
            None,
            Some("https://example.org/p?q=%3Cscript%3Ealert(1)%3C/script%3E&x=%22y%22"),
            None,
            Some("http://example.org/h-07"),
            None
        ]
    );
    let dropped: Vec<(Option<usize>, &str)> =
        list.warnings.iter().filter(|w| w.kind == WarningKind::UrlDropped).map(|w| (w.row, w.value.as_str())).collect();
    let raw_url = |i: usize| raw["projects"][i]["url"].as_str().unwrap().trim();
    assert_eq!(dropped, [1usize, 2, 3, 4, 6, 8].iter().map(|&row| (Some(row), raw_url(row - 1))).collect::<Vec<_>>());
    for w in list.warnings.iter().filter(|w| w.kind == WarningKind::UrlDropped) {
        assert_eq!(w.field, Some(Field::Url));
        assert!(w.message(Lang::En).contains("is not an http(s) address and was dropped"), "{}", w.message(Lang::En));
    }
}

/// Every way of smuggling a script url through a CSV cell is dropped with a warning; the row still
/// loads. Only http(s) urls are kept.
#[test]
fn script_data_and_other_scheme_urls_are_dropped_in_csv_too() {
    let bad = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "  javascript:alert(1)",
        "\"java\nscript:alert(1)\"",
        "\"java\tscript:alert(1)\"",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",
        "\u{200b}javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example.org/x",
        "https:evil.example.org",
        "http://",
        "\"https://example.org/\u{7}x\"",
        "ftp://example.org/x",
        "mailto:someone@example.org",
    ];
    let good = ["https://example.org/ok", "HTTPS://EXAMPLE.ORG/UP", "http://example.org/a?b=c&d=e#f"];
    let mut csv = String::from("项目名称,项目地点,链接\n");
    for (i, u) in bad.iter().chain(&good).enumerate() {
        csv.push_str(&format!("项目{i},成都市武侯区,{u}\n"));
    }
    let list = load_text(&csv, "urls.csv").unwrap();
    assert_eq!(list.projects.len(), bad.len() + good.len(), "{:?}", list.rejected);
    for (p, u) in list.projects.iter().zip(bad.iter()) {
        assert_eq!(p.url, None, "{u:?} kept");
    }
    let dropped = list.warnings.iter().filter(|w| w.kind == WarningKind::UrlDropped).count();
    assert_eq!(dropped, bad.len());
    let kept: Vec<&str> = list.projects[bad.len()..].iter().map(|p| p.url.as_deref().unwrap()).collect();
    assert_eq!(kept, good);
}

/// Regression (found by the `load_json` fuzz target): the compact binary form (`convert LIST
/// OUT.oml`) took its urls, names, ids and amounts on trust, so a hand-edited file brought back
/// the `javascript:` urls that loading JSON or CSV drops. Such a file is now reported as damaged.
#[test]
fn a_tampered_compact_file_cannot_smuggle_what_validation_drops() {
    let (_, list) = hostile_json();
    let good = to_compact(&list);
    assert_eq!(load(&good, "list.oml").projects, list.projects);
    let patch = |from: &[u8], to: &[u8]| -> Vec<u8> {
        assert_eq!(from.len(), to.len());
        let at = good.windows(from.len()).position(|w| w == from).expect("pattern in the compact bytes");
        let mut bytes = good.clone();
        bytes[at..at + to.len()].copy_from_slice(to);
        bytes
    };
    let tampered = [
        ("javascript: url", patch(b"http://example.org/h-07", b"javascript:alert(1)//xx")),
        ("jttps: url (the fuzzer's find)", patch(b"http://example.org/h-07", b"jttp://example.org/h-07")),
        ("duplicate id", patch(b"\x04H-03", b"\x04H-02")),
    ];
    for (what, bytes) in tampered {
        match load_bytes(&bytes, "list.oml") {
            Err(LoadError::Compact { message }) => assert!(message.contains("damaged"), "{what}: {message}"),
            other => panic!("{what}: expected a damaged-file error, got {:?}", other.map(|l| l.projects.len())),
        }
        assert!(Matcher::from_compact(&bytes).is_err(), "{what}");
    }
    // The fuzzer's input itself, kept in fuzz/regressions/.
    let found = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions/load_json/compact-unsafe-url.oml")).unwrap();
    if let Ok(list) = load_bytes(&found, "list.oml") {
        assert!(list.projects.iter().all(|p| p.url.as_deref().is_none_or(|u| u.starts_with("http"))));
    }
}

// ---------------------------------------------------------------------------------------------
// a 10 MB field
// ---------------------------------------------------------------------------------------------

const TEN_MB: usize = 10 * 1024 * 1024;

/// A 10 MB description loads whole and ranks; a 10 MB value that cannot be used (an amount, a
/// place, a url, a header) rejects the row or warns with an excerpt of 200 characters, so no
/// message is 10 MB long. Each case is its own list, timed.
#[test]
fn a_10_mb_field_loads_and_messages_quote_an_excerpt() {
    let big_text = "很长的项目简介<script>".repeat(TEN_MB / 29 + 1);
    assert!(big_text.len() >= TEN_MB);
    let big_money = "亿".repeat(TEN_MB / 3);
    let big_place = "火星".repeat(TEN_MB / 6);
    let big_url = format!("javascript:{}", "a".repeat(TEN_MB));
    let big_header = "备注".repeat(TEN_MB / 6);
    let head = "项目名称,项目地点,总投资,链接,项目简介";
    let cases = [
        ("description", format!("{head}\n长简介项目,成都市武侯区,1亿,,{big_text}\n")),
        ("investment", format!("{head}\n长金额项目,成都市武侯区,{big_money},,\n")),
        ("region", format!("{head}\n长地点项目,{big_place},1亿,,\n")),
        ("url", format!("{head}\n长链接项目,成都市武侯区,1亿,{big_url},\n")),
        ("header", format!("{head},{big_header}\n长表头项目,成都市武侯区,1亿,,,x\n")),
    ];
    for (what, csv) in &cases {
        let started = Instant::now();
        let list = load_text(csv, "big.csv").unwrap();
        let took = started.elapsed();
        eprintln!("10 MB {what}: loaded in {took:?}");
        match *what {
            "description" => {
                assert_eq!(list.projects[0].description.as_deref(), Some(big_text.as_str()));
            }
            "investment" | "region" => {
                assert!(list.projects.is_empty());
                let r = &list.rejected[0];
                assert_eq!((r.row, r.field), (2, if *what == "region" { Field::Region } else { Field::Investment }));
                assert_eq!(r.value.chars().count(), 201, "{what}");
                assert!(r.value.ends_with('…'));
                for lang in Lang::ALL {
                    assert!(r.message(lang).len() < 2_000, "{what}");
                }
            }
            _ => {
                assert_eq!(list.projects.len(), 1, "{what}");
                assert_eq!(list.projects[0].url, None);
                let kind = if *what == "url" { WarningKind::UrlDropped } else { WarningKind::UnknownHeader };
                let w = list.warnings.iter().find(|w| w.kind == kind).unwrap_or_else(|| panic!("{what}: no warning"));
                assert_eq!(w.value.chars().count(), 201, "{what}");
                for lang in Lang::ALL {
                    assert!(w.message(lang).len() < 2_000, "{what}");
                }
            }
        }
        for w in &list.warnings {
            assert!(w.value.chars().count() <= 201, "{what}: {:?}", w.kind);
        }

        if *what == "description" {
            // It ranks, and the reasons do not copy 10 MB.
            let started = Instant::now();
            let m = Matcher::new(list);
            let r = m.rank(&Query { keywords: Some("项目简介".into()), region: Some("成都".into()), ..Query::default() });
            eprintln!("10 MB description: indexed and ranked in {:?}", started.elapsed());
            assert_eq!(r.results[0].name, "长简介项目");
            assert_eq!(r.results[0].parts.keywords, Some(1.0));
            assert!(r.results.iter().all(|p| p.reasons.iter().all(|x| x.len() < 2_000)));
        }
    }
}

/// A 10 MB name in a JSON list, and a 10 MB unknown key: the project loads, the warning is short.
#[test]
fn a_10_mb_json_string_loads() {
    let name = "名".repeat(TEN_MB / 3);
    let key = "k".repeat(TEN_MB);
    let json = format!(r#"[{{"name":"{name}","region":"510116","{key}":1}}]"#);
    let list = load_text(&json, "big.json").unwrap();
    assert_eq!(list.projects[0].name.len(), name.len());
    let unknown: Vec<_> = list.warnings.iter().filter(|w| w.kind == WarningKind::UnknownHeader).collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].value.chars().count(), 201);
}

// ---------------------------------------------------------------------------------------------
// a million rows
// ---------------------------------------------------------------------------------------------

fn million_row_csv() -> String {
    const PLACES: [&str; 8] =
        ["成都市双流区", "四川省绵阳市涪城区", "宜宾市叙州区", "重庆市渝北区", "贵阳市观山湖区", "510116", "苏州工业园区", "朝阳区"];
    const SECTORS: [&str; 5] = ["装备制造", "食品饮料", "电子信息", "先进材料", "数字经济"];
    const MONEY: [&str; 6] = ["30亿元", "1.2亿", "5000万元", "", "5-10亿", "USD 50 million"];
    let mut csv = String::with_capacity(80 * 1_000_000);
    csv.push_str("项目编号,项目名称,所属行业,项目地点,总投资,细分领域\n");
    for i in 0..1_000_000usize {
        use std::fmt::Write;
        let _ = writeln!(csv, "M-{i},{}项目{i},{},{},{},动力电池、{}", SECTORS[i % 5], SECTORS[i % 5], PLACES[i % 8], MONEY[i % 6], i % 97);
    }
    csv
}

/// A million rows load in one pass: every row but the ambiguous `朝阳区` ones loads, each rejected
/// row is named, and a query ranks them. Release build only (`make test` runs it): in a debug
/// build it takes minutes.
#[test]
#[ignore = "a million rows: run with `cargo test --release --test hostile -- --ignored` (make test does)"]
fn a_million_rows_load_without_panic() {
    let csv = million_row_csv();
    let started = Instant::now();
    let list = load_text(&csv, "million.csv").unwrap();
    let load_took = started.elapsed();
    drop(csv);
    assert_eq!(list.projects.len() + list.rejected.len(), 1_000_000);
    assert_eq!(list.rejected.len(), 125_000);
    assert!(list.rejected.iter().all(|r| r.field == Field::Region && matches!(r.reason, RejectReason::AmbiguousRegion { .. })));
    assert_eq!(list.projects.last().map(|p| p.id.as_str()), Some("M-999998"));

    let started = Instant::now();
    let m = Matcher::new(list);
    let r =
        m.rank(&Query {
            industry: Some("动力电池".into()), budget: Some("30亿".into()), region: Some("成都".into()), ..Query::default()
        });
    let rank_took = started.elapsed();
    assert_eq!(r.results.len(), 20);
    assert_eq!(r.matched, 875_000);
    eprintln!("a million rows: loaded in {load_took:?}, indexed and ranked in {rank_took:?}");
}

// ---------------------------------------------------------------------------------------------
// deeply nested JSON
// ---------------------------------------------------------------------------------------------

/// However deep the nesting, the user gets one error naming the line and column, on a stack as
/// small as the browser's; nesting within the parser's limit inside a field is ignored like any
/// other non-text value.
#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    with_small_stack(|| {
        let n = 1_000_000;
        let cases = [
            "[".repeat(n) + &"]".repeat(n),
            "[".repeat(n),
            "{\"a\":".repeat(n) + "1" + &"}".repeat(n),
            format!("{{\"projects\":[{{\"name\":{}\"x\"{}}}]}}", "[".repeat(n), "]".repeat(n)),
            format!("[{{\"name\":\"A\",\"region\":\"成都\",\"tags\":{}1{}}}]", "{\"t\":".repeat(n), "}".repeat(n)),
        ];
        for text in &cases {
            match load_text(text, "deep.json") {
                Err(LoadError::Json { line, column, message }) => {
                    assert_eq!(line, 1);
                    assert!(column > 0 && message.contains("recursion limit"), "{message}");
                }
                other => panic!("expected a JSON error, got {:?}", other.map(|l| l.projects.len())),
            }
            // Sniffed without a file name, and as bytes, the same.
            assert!(matches!(load_bytes(text.as_bytes(), ""), Err(LoadError::Json { .. })));
        }
    });
}

#[test]
fn nesting_within_the_limit_inside_a_field_is_ignored() {
    with_small_stack(|| {
        let deep = "[".repeat(100) + "\"x\"" + &"]".repeat(100);
        let obj = "{\"a\":".repeat(100) + "1" + &"}".repeat(100);
        let text = format!(r#"[{{"name":"A","region":"成都","tags":{deep},"description":{obj},"park":{deep}}}]"#);
        let list = load_text(&text, "deep.json").unwrap();
        assert_eq!(list.projects.len(), 1);
        let p = &list.projects[0];
        assert!(p.tags.is_empty());
        assert_eq!((&p.description, &p.park), (&None, &None));
    });
}

// ---------------------------------------------------------------------------------------------
// invalid UTF-8, byte soup
// ---------------------------------------------------------------------------------------------

/// Bytes that are not UTF-8 are read as GB18030 (officials' Excel exports): the user gets the
/// rows, with U+FFFD where a byte means nothing in GB18030 either.
#[test]
fn invalid_utf8_decodes_as_gb18030() {
    let mut bytes = b"name,region\n".to_vec();
    bytes.extend_from_slice(b"A\xff\xfe\x80,Chengdu\n");
    bytes.extend_from_slice(b"B\xb3\xc9\xb6\xbc,510116\n"); // B成都 in GBK
    let list = load(&bytes, "x.csv");
    assert_eq!(list.encoding, Encoding::Gb18030);
    assert_eq!(list.projects.len(), 2, "{:?}", list.rejected);
    assert!(list.projects[0].name.starts_with('A'));
    assert!(list.projects[0].name.contains('\u{fffd}'), "{:?}", list.projects[0].name);
    assert_eq!(list.projects[1].name, "B成都");

    // The GBK fixture: the same projects as its UTF-8 twin.
    let gbk = load(&fixture_bytes("sample-gbk.csv"), "sample-gbk.csv");
    let utf8 = load(&fixture_bytes("sample-utf8.csv"), "sample-utf8.csv");
    assert_eq!(gbk.encoding, Encoding::Gb18030);
    assert_eq!(gbk.projects, utf8.projects);
}

/// A tiny deterministic generator (xorshift), so the byte soup is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Every one- and two-byte file, and a few thousand random ones after a valid header, as CSV,
/// as JSON and sniffed: never a panic.
#[test]
fn any_bytes_load_or_fail_without_panic() {
    for a in 0..=255u8 {
        for name in ["x.csv", "x.json", ""] {
            let _ = load_bytes(&[a], name);
        }
        for b in 0..=255u8 {
            let _ = load_bytes(&[a, b], "x.csv");
            let _ = load_bytes(&[b'[', a, b], "");
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<u8> = b",\"\n\r\t;{}[]:\\ 0123456789abc\xef\xbb\xbf\xff\xfe\x80\xa1\xb3\xc9\xe4\xb8\xad".to_vec();
    for i in 0..3_000 {
        let mut bytes: Vec<u8> = if i % 2 == 0 { "项目名称,项目地点,总投资\n".into() } else { b"[{\"name\":".to_vec() };
        let len = rng.next() % 200;
        for _ in 0..len {
            let r = rng.next();
            bytes.push(if r % 3 == 0 { (r >> 8) as u8 } else { alphabet[(r >> 8) as usize % alphabet.len()] });
        }
        for name in ["x.csv", "x.json", ""] {
            if let Ok(list) = load_bytes(&bytes, name) {
                for p in &list.projects {
                    assert!(!p.name.trim().is_empty());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// byte-order marks
// ---------------------------------------------------------------------------------------------

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
    for u in text.encode_utf16() {
        out.extend(if little_endian { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// UTF-8 with and without BOM, UTF-16 LE and BE with BOM, GB18030 with its own BOM: the user gets
/// the same 32 projects, and the encoding found is reported.
#[test]
fn byte_order_marks_give_the_same_projects() {
    let with_bom = fixture_bytes("sample-utf8.csv");
    assert!(with_bom.starts_with(b"\xef\xbb\xbf"));
    let text = std::str::from_utf8(&with_bom[3..]).unwrap();
    let reference = load(text.as_bytes(), "plain.csv");
    assert_eq!(reference.projects.len(), 32);
    assert!(reference.rejected.is_empty());

    let mut gb_bom = b"\x84\x31\x95\x33".to_vec();
    gb_bom.extend(fixture_bytes("sample-gbk.csv"));
    let mut double_bom = b"\xef\xbb\xbf".to_vec();
    double_bom.extend(&with_bom);
    let mut odd_utf16 = utf16(text, true);
    odd_utf16.push(b'\n');
    let variants: [(&str, Vec<u8>, Encoding); 6] = [
        ("UTF-8 BOM", with_bom.clone(), Encoding::Utf8),
        ("double UTF-8 BOM", double_bom, Encoding::Utf8),
        ("UTF-16 LE", utf16(text, true), Encoding::Utf16),
        ("UTF-16 BE", utf16(text, false), Encoding::Utf16),
        ("UTF-16 LE, odd last byte", odd_utf16, Encoding::Utf16),
        ("GB18030 BOM", gb_bom, Encoding::Gb18030),
    ];
    for (what, bytes, encoding) in variants {
        let list = load(&bytes, "list.csv");
        assert_eq!(list.encoding, encoding, "{what}");
        assert_eq!(list.projects, reference.projects, "{what}");
        assert_eq!(list.warnings, reference.warnings, "{what}");
    }

    // The JSON twin, likewise.
    let json = fixture_bytes("sample.json");
    let json_text = std::str::from_utf8(&json).unwrap();
    let reference = load(&json, "sample.json");
    let mut bom_json = b"\xef\xbb\xbf".to_vec();
    bom_json.extend(&json);
    for (what, bytes) in [("UTF-8 BOM", bom_json), ("UTF-16 LE", utf16(json_text, true)), ("UTF-16 BE", utf16(json_text, false))] {
        for name in ["list.json", ""] {
            let list = load(&bytes, name);
            assert_eq!(projects(&list), projects(&reference), "{what} {name:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// line ends
// ---------------------------------------------------------------------------------------------

/// Replaces record ends (line breaks outside quotes) with `end`, leaving line breaks inside quoted
/// fields as they are (as Excel writes them).
fn with_record_ends(csv: &str, end: &str) -> String {
    let mut out = String::with_capacity(csv.len() + csv.len() / 50);
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                out.push(c);
            }
            '\r' if !quoted => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(end);
            }
            '\n' if !quoted => out.push_str(end),
            c => out.push(c),
        }
    }
    out
}

/// LF, CRLF, CR alone and a mix of the three give the same projects (the multi-line quoted
/// description of SC-0109 keeps its own line break).
#[test]
fn cr_lf_and_crlf_line_ends_give_the_same_projects() {
    let lf = String::from_utf8(fixture_bytes("sample-utf8.csv")).unwrap();
    let reference = load_text(&lf, "lf.csv").unwrap();
    let sc0109 = reference.projects.iter().find(|p| p.id == "SC-0109").unwrap();
    assert!(sc0109.description.as_deref().unwrap().contains('\n'));

    let crlf_fixture = String::from_utf8(fixture_bytes("sample-utf8-nobom-crlf.csv")).unwrap();
    let mut mixed = String::new();
    for (i, line) in with_record_ends(&lf, "\u{0}").split('\u{0}').enumerate() {
        mixed.push_str(line);
        mixed.push_str(["\n", "\r\n", "\r"][i % 3]);
    }
    let variants = [
        ("CRLF fixture", crlf_fixture),
        ("CRLF", with_record_ends(&lf, "\r\n")),
        ("CR", with_record_ends(&lf, "\r")),
        ("mixed", mixed),
        ("no final line end", lf.trim_end().to_string()),
    ];
    for (what, text) in variants {
        let list = load_text(&text, "list.csv").unwrap();
        assert_eq!(list.projects, reference.projects, "{what}");
        assert_eq!(list.rejected, reference.rejected, "{what}");
        assert_eq!(list.warnings, reference.warnings, "{what}");
    }
}

/// The delimiter is guessed from the header line whatever ends it: a tab-separated CR-only file
/// whose cells hold commas still splits on tabs.
#[test]
fn the_delimiter_is_sniffed_from_the_header_line_with_any_line_end() {
    let tsv = "项目名称\t项目地点\t总投资\t项目简介\n\
               甲项目\t成都市武侯区\t1亿\t一,二,三,四,五,六,七,八,九,十\n\
               乙项目\t绵阳市涪城区\t2亿\t六,七,八,九,十,一,二,三,四,五\n";
    let reference = load_text(tsv, "list.csv").unwrap();
    assert_eq!(reference.projects.len(), 2);
    assert_eq!(reference.projects[0].description.as_deref(), Some("一,二,三,四,五,六,七,八,九,十"));
    for end in ["\r\n", "\r"] {
        let list = load_text(&tsv.replace('\n', end), "list.csv").unwrap();
        assert_eq!(list.projects, reference.projects, "{end:?}");
        assert_eq!(list.warnings, reference.warnings, "{end:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// mixed encodings
// ---------------------------------------------------------------------------------------------

/// A UTF-8 file into which one row was pasted in GBK: the UTF-8 rows keep their text (they are not
/// turned into mojibake by reading the whole file as GB18030), and the GBK row loads too.
#[test]
fn a_utf8_file_with_a_few_gbk_bytes_keeps_its_utf8_text() {
    let utf8 = fixture_bytes("sample-utf8.csv");
    let reference = load(&utf8, "sample-utf8.csv");
    let (gbk_row, _, _) = encoding_rs::GBK.encode("GBK-1,混入的项目,,装备制造,,成都市双流区,,1亿元\n");
    for (what, start) in [("with BOM", 0), ("without BOM", 3)] {
        let mut mixed = utf8[start..].to_vec();
        mixed.extend_from_slice(&gbk_row);
        let list = load(&mixed, "mixed.csv");
        assert_eq!(list.encoding, Encoding::Utf8Lossy, "{what}");
        assert_eq!(list.projects.len(), 33, "{what}: {:?}", list.rejected);
        assert_eq!(list.projects[..32], reference.projects[..], "{what}");
        let last = &list.projects[32];
        assert_eq!((last.id.as_str(), last.investment.map(|a| a.min)), ("GBK-1", Some(100_000_000)), "{what}");
        assert_eq!(last.name, "混入的项目", "{what}");
        assert_eq!(last.region_text, "成都市双流区", "{what}");
    }

    // A GBK file stays GBK even if a cell or two happens to be UTF-8.
    let mut gbk = fixture_bytes("sample-gbk.csv");
    gbk.extend_from_slice("UTF8-1,粘贴的项目,,装备制造,,成都市双流区,,1亿元\n".as_bytes());
    let list = load(&gbk, "mixed.csv");
    assert_eq!(list.encoding, Encoding::Gb18030);
    assert_eq!(list.projects[..32], reference.projects[..]);
}

#[test]
fn decoding_never_panics_on_mixed_bytes() {
    let mut rng = Rng(42);
    let pieces: [&[u8]; 6] = [b"abc,", "成都".as_bytes(), b"\xb3\xc9\xb6\xbc", b"\xff", b"\xe4\xb8", b"\n"];
    for _ in 0..2_000 {
        let mut bytes = Vec::new();
        for _ in 0..rng.next() % 40 {
            bytes.extend_from_slice(pieces[rng.next() as usize % pieces.len()]);
        }
        let (text, _) = decode(&bytes);
        assert!(text.len() <= bytes.len() * 3 + 3);
    }
}

// ---------------------------------------------------------------------------------------------
// CSV-formula payloads
// ---------------------------------------------------------------------------------------------

/// Cells that a spreadsheet would run as formulas are kept by the loader exactly as written (they
/// are data here); in the amount columns they are unreadable amounts and reject the row with a
/// reason. Neutralising them is the CSV export's job (next test).
#[test]
fn csv_formula_payloads_are_kept_as_data_by_the_loader() {
    let csv = "项目编号,项目名称,所属行业,细分领域,项目地点,总投资,项目简介,联系人,联系电话\n\
               =1+2,\"=HYPERLINK(\"\"http://x\"\")项目\",装备制造,@SUM(A1),成都市武侯区,1亿,+1+1 简介,-2+3,=cmd|' /C calc'!A0\n\
               F-2,+1+1 项目,装备制造,-2+3,成都市武侯区,2亿,@SUM(A1),@联系人,+86-028-00000000\n\
               F-3,正常项目,装备制造,,成都市武侯区,=1+2,,,\n\
               F-4,正常项目二,装备制造,,成都市武侯区,-2+3,,,\n";
    let list = load_text(csv, "formulas.csv").unwrap();
    assert_eq!(list.projects.len(), 2);
    let (a, b) = (&list.projects[0], &list.projects[1]);
    assert_eq!(a.id, "=1+2");
    assert_eq!(a.name, "=HYPERLINK(\"http://x\")项目");
    assert_eq!(a.tags, ["@SUM(A1)"]);
    assert_eq!(a.description.as_deref(), Some("+1+1 简介"));
    assert_eq!(a.contact_name.as_deref(), Some("-2+3"));
    assert_eq!(a.contact_phone.as_deref(), Some("=cmd|' /C calc'!A0"));
    assert_eq!(b.name, "+1+1 项目");
    assert_eq!(b.tags, ["-2+3"]);
    assert_eq!(b.description.as_deref(), Some("@SUM(A1)"));
    assert_eq!(b.contact_name.as_deref(), Some("@联系人"));
    let rejected: Vec<(usize, Field, &str)> = list.rejected.iter().map(|r| (r.row, r.field, r.value.as_str())).collect();
    assert_eq!(rejected, [(4, Field::Investment, "=1+2"), (5, Field::Investment, "-2+3")]);

    // The normalised JSON export keeps them as they are (JSON is not run by a spreadsheet).
    let again = load_text(&to_normalised_json(&list), "again.json").unwrap();
    assert_eq!(again.projects[0].name, a.name);
    assert_eq!(again.projects[1].description, b.description);
}

/// The shortlist CSV export (`src/csv.rs`): every cell that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text; quotes are
/// doubled; other cells are unchanged. Applied to every payload of hostile.json.
#[test]
fn the_shortlist_csv_export_neutralises_formula_cells() {
    assert_eq!(widget_csv::cell("=1+2"), "\"'=1+2\"");
    assert_eq!(widget_csv::cell("+1+1"), "\"'+1+1\"");
    assert_eq!(widget_csv::cell("-2+3"), "\"'-2+3\"");
    assert_eq!(widget_csv::cell("@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_eq!(widget_csv::cell("\t=1"), "\"'\t=1\"");
    assert_eq!(widget_csv::cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    assert_eq!(widget_csv::cell("成都 =1+2"), "\"成都 =1+2\"");

    let (_, list) = hostile_json();
    let rows: Vec<Vec<String>> = list
        .projects
        .iter()
        .map(|p| {
            let mut row = vec![p.id.clone(), p.name.clone(), p.tags.join("、")];
            row.extend(TEXT_KEYS.iter().filter_map(|k| text_of(p, k)));
            row
        })
        .collect();
    let csv = widget_csv::to_csv(&rows);
    assert!(csv.starts_with('\u{feff}'));
    // Read back as a spreadsheet would: no cell starts with a formula character.
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&csv.as_bytes()[3..]);
    let mut cells = 0;
    for (record, row) in reader.records().zip(&rows) {
        let record = record.unwrap();
        for (cell, original) in record.iter().zip(row) {
            cells += 1;
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
            let expected = if original.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{original}") } else { original.clone() };
            assert_eq!(cell, expected);
        }
    }
    assert!(cells > 60);
}
