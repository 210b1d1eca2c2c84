//! The JavaScript API (the contract (docs/contract.md, "Interfaces")) and the widget, in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test wasm` (CHROMEDRIVER=/usr/bin/chromedriver;
//! `webdriver.json` gives Chromium its flags). Values are checked as JavaScript sees them.
#![cfg(all(target_arch = "wasm32", not(feature = "sheets")))]

use js_sys::{Array, Reflect, JSON};
use opportunity_matcher::wasm::{sectors, suggest_industry, suggest_region, JsMatcher};
use opportunity_matcher::widget::{mount, mount_with_list};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CSV: &str = "项目编号,项目名称,所属行业,细分领域,项目地点,总投资,拟引资额,联系电话,电子邮箱\n\
BAT-1,成都动力电池产业园项目,装备制造,动力电池、储能,四川省成都市双流区,30亿元,20亿元,028-0000 0001,invest@example.cn\n\
FOOD-1,宜宾白酒包材项目,食品饮料,白酒、包装,宜宾市,2亿元,,0831-0000000,\n\
GZ-1,贵阳大数据中心项目,数字经济,数据中心,贵州省贵阳市,15亿元,,,\n\
,无名项目,电子信息,,成都市,1亿元,,,\n\
BAD-2,金额有误项目,电子信息,,成都市,很多钱,,,\n";

const JSON_LIST: &str = r#"{
  "format": "opportunity-list/1",
  "title": "测试清单",
  "projects": [
    {"id": "J-1", "name": "绵阳新能源汽车零部件项目", "name_en": "Mianyang NEV parts", "sector": "新能源汽车", "tags": ["动力电池", "电机"], "region": "绵阳市涪城区", "investment": "12亿元"},
    {"id": "J-2", "name": "重庆智能终端项目", "sector": "电子信息", "region": "重庆市", "investment": "5亿元"}
  ]
}"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn s(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn arr(v: &JsValue, key: &str) -> Array {
    get(v, key).dyn_into::<Array>().unwrap_or_else(|_| panic!("{key} is not an array: {:?}", get(v, key)))
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn csv_matcher() -> JsMatcher {
    JsMatcher::from_text(CSV, "list.csv").map_err(JsValue::from).expect("CSV loads")
}

#[wasm_bindgen_test]
fn from_text_reads_csv_and_reports_rejected_rows() {
    let m = csv_matcher();
    // 5 data rows: one has no id (gets row-N, still loads), one has unreadable money (rejected).
    assert_eq!(m.length(), 4);
    let rejected = m.rejected(Some("en".into()));
    let rejected: Array = rejected.dyn_into().unwrap();
    assert_eq!(rejected.length(), 1, "{:?}", JSON::stringify(&rejected));
    let r = rejected.get(0);
    assert_eq!(get(&r, "row").as_f64(), Some(6.0));
    assert_eq!(s(&r, "field"), "investment");
    assert_eq!(s(&r, "value"), "很多钱");
    assert!(s(&r, "message").contains("row 6"), "{}", s(&r, "message"));
    let zh: Array = m.rejected(Some("zh-Hans".into())).dyn_into().unwrap();
    assert!(s(&zh.get(0), "message").contains("第6行"));
}

#[wasm_bindgen_test]
fn from_text_reads_json_with_meta() {
    let m = JsMatcher::from_text(JSON_LIST, "list.json").map_err(JsValue::from).expect("JSON loads");
    assert_eq!(m.length(), 2);
    let meta = m.meta(Some("en".into()));
    assert_eq!(s(&meta, "title"), "测试清单");
    assert_eq!(s(&meta, "format"), "json");
    assert_eq!(m.index_of("J-2"), 1);
    assert_eq!(m.index_of("nope"), -1);
}

#[wasm_bindgen_test]
fn from_text_throws_a_readable_error_for_an_unreadable_list() {
    let err = JsMatcher::from_text("   ", "list.json").err().map(JsValue::from).expect("empty list throws");
    let message = s(&err, "message");
    assert!(message.contains("empty"), "{message}");
    let err = JsMatcher::from_text("{\"projects\": [", "list.json").err().map(JsValue::from).expect("broken JSON throws");
    assert!(s(&err, "message").contains("JSON"), "{}", s(&err, "message"));
}

#[wasm_bindgen_test]
fn rank_returns_plain_objects_of_the_documented_shape() {
    let m = csv_matcher();
    let r = m.rank(js(r#"{"industry": "动力电池", "budget": "30亿", "region": "成都", "top": 3}"#)).map_err(JsValue::from).unwrap();
    for key in ["query", "warnings", "results", "matched", "suggestions"] {
        assert!(!get(&r, key).is_undefined(), "missing {key}");
    }
    let results = arr(&r, "results");
    assert_eq!(results.length(), 3);
    let first = results.get(0);
    assert_eq!(s(&first, "id"), "BAT-1");
    assert_eq!(s(&first, "name"), "成都动力电池产业园项目");
    let score = get(&first, "score").as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
    let parts = get(&first, "parts");
    for key in ["industry", "budget", "region"] {
        let p = get(&parts, key).as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&p), "parts.{key} = {p}");
    }
    let reasons = arr(&first, "reasons");
    assert!(reasons.length() >= 3);
    assert!(reasons.iter().all(|x| x.as_string().is_some_and(|t| !t.is_empty())));
    assert_eq!(get(&first, "index").as_f64(), Some(0.0));
    // Best first.
    let scores: Vec<f64> = results.iter().map(|x| get(&x, "score").as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The project is shown with money in the language asked for.
    let view = m.project(0, Some("zh-Hant".into()));
    assert_eq!(s(&view, "investment"), "30億元");
    assert_eq!(s(&view, "contact_tel"), "028-00000001");
    assert_eq!(s(&view, "contact_email"), "invest@example.cn");
    assert!(m.project(99, None).is_null());
}

#[wasm_bindgen_test]
fn a_traditional_query_finds_the_same_project_and_answers_in_traditional() {
    let m = csv_matcher();
    let r =
        m.rank(js(r#"{"industry": "動力電池", "budget": "30億", "region": "成都", "lang": "zh-Hant"}"#)).map_err(JsValue::from).unwrap();
    let first = arr(&r, "results").get(0);
    assert_eq!(s(&first, "id"), "BAT-1");
    let reasons: Vec<String> = arr(&first, "reasons").iter().filter_map(|x| x.as_string()).collect();
    assert!(reasons.iter().any(|x| x.contains("成都")), "{reasons:?}");
    assert!(reasons.iter().any(|x| x.contains("億")), "reasons in Traditional: {reasons:?}");
    // An English query too.
    let r = m.rank(js(r#"{"industry": "power battery", "region": "Chengdu", "lang": "en"}"#)).map_err(JsValue::from).unwrap();
    assert_eq!(s(&arr(&r, "results").get(0), "id"), "BAT-1");
}

#[wasm_bindgen_test]
fn what_is_not_understood_becomes_a_warning() {
    let m = csv_matcher();
    let r = m.rank(js(r#"{"budget": "abc", "lang": "en"}"#)).map_err(JsValue::from).unwrap();
    let warnings: Vec<String> = arr(&r, "warnings").iter().filter_map(|x| x.as_string()).collect();
    assert!(warnings.iter().any(|w| w.contains("abc")), "{warnings:?}");
    assert_eq!(arr(&r, "results").length(), 4);
    // An empty or missing query ranks everything.
    let r = m.rank(JsValue::UNDEFINED).map_err(JsValue::from).unwrap();
    assert_eq!(arr(&r, "results").length(), 4);
}

#[wasm_bindgen_test]
fn suggestions_and_sectors_for_the_form() {
    let items: Array = suggest_industry("动力", Some("zh-Hans".into()), Some(8)).dyn_into().unwrap();
    assert!(items.iter().any(|x| s(&x, "label") == "动力电池"), "{:?}", JSON::stringify(&items));
    let items: Array = suggest_industry("pow", Some("en".into()), Some(8)).dyn_into().unwrap();
    assert!(items.length() > 0);
    let places: Array = suggest_region("成都", Some("zh-Hans".into()), Some(5)).dyn_into().unwrap();
    assert!(places.length() > 0);
    assert!(s(&places.get(0), "label").contains("成都"), "{:?}", JSON::stringify(&places));
    let sectors: Array = sectors(Some("en".into())).dyn_into().unwrap();
    assert!(sectors.length() >= 8);
    assert!(sectors.iter().all(|x| !s(&x, "key").is_empty() && !s(&x, "label").is_empty()));
}

fn shadow_host() -> (web_sys::Element, web_sys::ShadowRoot) {
    let window = web_sys::window().unwrap();
    // Each widget test starts from an address without a shared view (an earlier one wrote its own).
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&path)).unwrap();
    let doc = window.document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    (host, root)
}

fn ids(root: &web_sys::ShadowRoot) -> Vec<String> {
    let nodes = root.query_selector_all("[role=listitem][data-project-id]").unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-project-id"))
        .collect()
}

#[wasm_bindgen_test]
fn the_widget_mounts_ranks_as_you_type_and_renders_list_text_as_text() {
    let (host, root) = shadow_host();
    let options = js(r#"{"lang": "zh-Hant", "mode": "portal"}"#);
    let handle = mount(root.clone().into(), options).map_err(JsValue::from).expect("mounts");
    // Before a list arrives: the loading state, never a blank box.
    assert!(root.text_content().unwrap_or_default().contains("正在載入"));
    let hostile = CSV.replace("贵阳大数据中心项目", "<img src=x onerror=alert(1)>大数据");
    handle.load_text(&hostile, "list.csv");
    assert!(root.query_selector("[role=list]").unwrap().is_some());
    assert!(root.query_selector("[role=status]").unwrap().is_some());
    assert_eq!(ids(&root).len(), 4);
    // The hostile name is text, not an element.
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.text_content().unwrap_or_default().contains("<img src=x onerror=alert(1)>"));

    let type_in = |name: &str, value: &str| {
        let input: web_sys::HtmlInputElement = root.query_selector(&format!("input[name={name}]")).unwrap().unwrap().dyn_into().unwrap();
        input.set_value(value);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    type_in("industry", "数据中心");
    type_in("region", "贵阳");
    assert_eq!(ids(&root).first().map(String::as_str), Some("GZ-1"), "results follow the typing");
    for (name, value) in [("industry", "動力電池"), ("budget", "30億"), ("region", "成都")] {
        type_in(name, value);
    }
    assert_eq!(ids(&root).first().map(String::as_str), Some("BAT-1"));
    assert_eq!(handle.result_ids().first().map(String::as_str), Some("BAT-1"));
    // Money and reasons in Traditional Chinese.
    let first = root.query_selector("[data-project-id='BAT-1']").unwrap().unwrap();
    assert!(first.text_content().unwrap_or_default().contains("30億元"));

    handle.set_lang("en");
    assert_eq!(handle.lang(), "en");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Industry") && text.contains("3 billion yuan") && !text.contains("3,000 million"), "{text}");
    // The typed query survives the language switch.
    let input: web_sys::HtmlInputElement = root.query_selector("input[name=industry]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "動力電池");

    handle.load_error("HTTP 404 — data/missing.json");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("could not be loaded") && text.contains("HTTP 404"), "{text}");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn a_widget_started_with_its_list_shows_the_results_at_once() {
    // The element's loader, when the list arrived before the wasm: one call, the results drawn.
    let (host, root) = shadow_host();
    let bytes = js_sys::Uint8Array::from(CSV.as_bytes());
    let handle = mount_with_list(root.clone().into(), js(r#"{"lang": "zh-Hans"}"#), &bytes, "list.csv")
        .map_err(JsValue::from)
        .expect("mounts with the list");
    assert_eq!(ids(&root).len(), 4, "every project ranked, no loading state in between");
    let text = root.text_content().unwrap_or_default();
    assert!(!text.contains("正在载入"), "{text}");
    assert!(root.query_selector("input[name=industry]").unwrap().is_some(), "the form is drawn too");
    // It behaves as a widget mounted empty and then given the list.
    let input: web_sys::HtmlInputElement = root.query_selector("input[name=industry]").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("動力電池");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    assert_eq!(handle.result_ids().first().map(String::as_str), Some("BAT-1"));
    // A list that cannot be read says why, as when it is loaded later.
    let (other_host, other) = shadow_host();
    let broken = js_sys::Uint8Array::from(&b"{ not json"[..]);
    let failed =
        mount_with_list(other.clone().into(), js(r#"{"lang": "zh-Hans"}"#), &broken, "list.json").map_err(JsValue::from).expect("mounts");
    let alert = other.query_selector("[role=alert]").unwrap().expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("未能载入") && text.contains("JSON"), "{text}");
    drop((handle, failed));
    host.remove();
    other_host.remove();
}

#[wasm_bindgen_test]
fn an_unreadable_list_shows_why_in_the_widget() {
    let (host, root) = shadow_host();
    let handle = mount(host.clone().into(), js(r#"{"lang": "zh-Hans"}"#)).map_err(JsValue::from).expect("mounts on an element");
    handle.load_text("{ not json", "list.json");
    let alert = root.query_selector("[role=alert]").unwrap().expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("未能载入") && text.contains("JSON"), "{text}");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn from_compact_reads_a_uint8array_ranks_like_the_text_and_keeps_records_out_of_the_heap() {
    let list = opportunity_matcher::list::load_text(CSV, "list.csv").unwrap();
    let bytes = js_sys::Uint8Array::from(&opportunity_matcher::oml::to_compact(&list)[..]);
    let kept = JsMatcher::from_compact(&bytes).map_err(JsValue::from).expect("compact loads");
    let text = csv_matcher();
    assert_eq!(kept.length(), text.length());
    let query = r#"{"industry": "動力電池", "budget": "30億", "region": "成都", "lang": "zh-Hant"}"#;
    let a = JSON::stringify(&kept.rank(js(query)).map_err(JsValue::from).unwrap()).unwrap();
    let b = JSON::stringify(&text.rank(js(query)).map_err(JsValue::from).unwrap()).unwrap();
    assert_eq!(a, b);
    // A project is decoded from the JavaScript-held bytes when asked for.
    let view = kept.project(0, Some("zh-Hant".into()));
    assert_eq!(s(&view, "investment"), "30億元");
    assert_eq!(kept.index_of("GZ-1"), 2);
    assert_eq!(kept.index_of("nope"), -1);
    // The page may reuse its array: the matcher kept its own copy of the records.
    bytes.fill(0, 0, bytes.length());
    assert_eq!(s(&kept.project(2, None), "name"), "贵阳大数据中心项目");
    // No project text in the wasm heap: the records stay in JavaScript.
    assert_eq!(get(&kept.heap_breakdown(), "text").as_f64(), Some(0.0));
    // Damaged bytes throw an Error that says so, never a panic.
    let broken = js_sys::Uint8Array::from(&b"OMLIST\0\x01broken"[..]);
    let err = JsMatcher::from_compact(&broken).map(|_| ()).map_err(JsValue::from).unwrap_err();
    assert!(format!("{:?}", err).contains("damaged"), "{err:?}");
}

#[wasm_bindgen_test]
fn an_event_fired_while_the_widget_updates_is_handled_after_the_update_not_dropped() {
    let (host, root) = shadow_host();
    let handle = mount(root.clone().into(), js(r#"{"lang": "zh-Hans"}"#)).map_err(JsValue::from).expect("mounts");
    handle.load_text(CSV, "list.csv");
    let input = |name: &str| -> web_sys::HtmlInputElement {
        root.query_selector(&format!("input[name={name}]")).unwrap().unwrap().dyn_into().unwrap()
    };
    let type_in = |name: &str, value: &str| {
        input(name).set_value(value);
        input(name).dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    // A region no project is in: the results offer to clear it.
    type_in("region", "拉萨");
    // Suggestions open under the focused industry input.
    input("industry").focus().unwrap();
    type_in("industry", "动力");
    assert_eq!(input("industry").get_attribute("aria-expanded").as_deref(), Some("true"));
    // Clearing the region moves the focus to the region input while the widget updates: the
    // industry input's `focusout` arrives mid-update and must still close its suggestions.
    let clear: web_sys::HtmlElement =
        root.query_selector("[data-action=clear-region]").unwrap().expect("a clear-region button").dyn_into().unwrap();
    clear.click();
    assert_eq!(root.active_element().and_then(|e| e.get_attribute("name")).as_deref(), Some("region"));
    assert_eq!(input("region").value(), "");
    assert_eq!(input("industry").get_attribute("aria-expanded").as_deref(), Some("false"), "the suggestions closed");
    assert!(root.query_selector("#om-industry-list").unwrap().unwrap().has_attribute("hidden"));
    drop(handle);
    host.remove();
}

// ---- Matcher.fromBytes: the one path for every file ---------------------------------------------

/// A published-style fixture and what it must load to (the sidecar the native test checks too).
macro_rules! published {
    ($file:literal) => {
        (
            $file,
            &include_bytes!(concat!("fixtures/published/", $file))[..],
            include_str!(concat!("fixtures/published/", $file, ".expect.json")),
        )
    };
}

/// Calls a method of a JavaScript object.
fn call(v: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    let f: js_sys::Function = get(v, method).dyn_into().unwrap_or_else(|_| panic!("no method {method}"));
    f.apply(v, &args.iter().collect::<Array>()).expect("the method runs")
}

async fn from_bytes(bytes: &[u8], name: &str, lang: &str) -> Result<JsValue, String> {
    let array = js_sys::Uint8Array::from(bytes);
    wasm_bindgen_futures::JsFuture::from(JsMatcher::from_bytes(&array, name, Some(lang.into()))).await.map_err(|e| s(&e, "message"))
}

#[wasm_bindgen_test]
async fn from_bytes_loads_published_tables_in_every_encoding_as_the_native_reader_does() {
    // The browser decodes with TextDecoder, called from the same Rust detection code the command
    // line runs with encoding_rs: the projects must be the ones tests/published.rs checks natively.
    let fixtures = [
        published!("excel-gbk.csv"),
        published!("big5.csv"),
        published!("unicode-text.txt"),
        published!("utf8-bom.csv"),
        published!("title-and-unit-rows.csv"),
        published!("groups-totals-notes.csv"),
        published!("merged-blanks.csv"),
        published!("portal-envelope.json"),
        published!("portal-records.json"),
    ];
    for (file, bytes, expect) in fixtures {
        let m = from_bytes(bytes, file, "zh-Hans").await.unwrap_or_else(|e| panic!("{file}: {e}"));
        let expect = js(expect);
        let want = arr(&expect, "projects");
        assert_eq!(get(&m, "length").as_f64(), Some(want.length() as f64), "{file}");
        for (i, w) in want.iter().enumerate() {
            let p = call(&m, "project", &[JsValue::from(i as u32), JsValue::from_str("zh-Hans")]);
            assert_eq!(s(&p, "name"), s(&w, "name"), "{file} #{i}");
            assert_eq!(s(&p, "place"), s(&w, "region"), "{file} #{i}");
            let investment = get(&w, "investment");
            if let Some(yuan) = investment.as_f64() {
                assert_eq!(get(&p, "investment_yuan").as_f64(), Some(yuan), "{file} #{i}");
            } else if investment.is_null() {
                assert!(get(&p, "investment_yuan").is_null(), "{file} #{i}");
            }
            for key in ["contact_name", "contact_phone"] {
                let wanted = get(&w, key);
                if !wanted.is_undefined() {
                    assert_eq!(get(&p, key).as_string(), wanted.as_string(), "{file} #{i} {key}");
                }
            }
        }
        let reading = call(&m, "reading", &[JsValue::from_str("zh-Hans")]);
        let want_reading = get(&expect, "reading");
        assert_eq!(s(&reading, "kind"), s(&want_reading, "kind"), "{file}");
        let enc = get(&want_reading, "encoding");
        if !enc.is_undefined() {
            assert_eq!(get(&reading, "encoding"), enc, "{file}");
        }
        assert!(arr(&reading, "lines").length() >= 3, "{file}");
    }
}

/// A JSON list over two megabytes (read a megabyte at a time) loads from the page's array as
/// the native reader loads it, ranks alike, and keeps its projects' records in JavaScript (no
/// project text in the wasm heap).
#[wasm_bindgen_test]
async fn a_large_json_list_loads_from_the_pages_array_with_its_records_kept_in_javascript() {
    let mut json = String::from(r#"{"title":"测试清单","projects":["#);
    for i in 0..10_000 {
        json += &format!(
            r#"{}{{"id":"P{i:05}","项目名称":"第{i}号新能源电池材料项目","项目地点":"{}","总投资（亿元）":{},"项目简介":"建设年产{i}吨锂电池正极材料生产线，配套研发中心。"}}"#,
            if i == 0 { "" } else { "," },
            ["四川省成都市双流区", "贵州省贵阳市", "重庆市两江新区"][i % 3],
            1 + i % 40
        );
    }
    json += "]}";
    assert!(json.len() > 2 << 20, "{}", json.len());
    let native = opportunity_matcher::list::load_bytes(json.as_bytes(), "list.json").unwrap();
    let m = from_bytes(json.as_bytes(), "list.json", "zh-Hans").await.unwrap();
    assert_eq!(get(&m, "length").as_f64(), Some(native.projects.len() as f64));
    let breakdown = call(&m, "heapBreakdown", &[]);
    assert_eq!(get(&breakdown, "text").as_f64(), Some(0.0));
    let p = call(&m, "project", &[JsValue::from(9999u32), JsValue::from_str("zh-Hans")]);
    assert_eq!(s(&p, "name"), native.projects[9999].name);
    assert_eq!(call(&m, "indexOf", &[JsValue::from_str("P04321")]).as_f64(), Some(4321.0));
    let query = js(r#"{"industry": "锂电池", "budget": "5亿", "region": "贵阳"}"#);
    let ranked = JSON::stringify(&call(&m, "rank", std::slice::from_ref(&query))).unwrap();
    let text = JsMatcher::from_text(&json, "list.json").map_err(JsValue::from).unwrap();
    assert_eq!(ranked, JSON::stringify(&text.rank(query).map_err(JsValue::from).unwrap()).unwrap());
}

#[wasm_bindgen_test]
async fn the_reading_and_the_report_come_in_the_chosen_language() {
    let (file, bytes, _) = published!("groups-totals-notes.csv");
    let m = from_bytes(bytes, file, "zh-Hant").await.unwrap();
    let lines: Vec<String> =
        arr(&call(&m, "reading", &[JsValue::from_str("zh-Hant")]), "lines").iter().filter_map(|l| l.as_string()).collect();
    assert!(lines.iter().any(|l| l.contains("表頭在第2行")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("「数字经济」")), "{lines:?}");
    let report: Array = call(&m, "report", &[JsValue::from_str("en")]).dyn_into().unwrap();
    let report: Vec<String> = report.iter().filter_map(|l| l.as_string()).collect();
    assert!(report.iter().any(|l| l.contains("header in row 2")), "{report:?}");
    assert!(report.iter().any(|l| l.starts_with("loaded 6 projects")), "{report:?}");
    // The reading is structured too: the note gave the unit of the amount columns.
    let reading = call(&m, "reading", &[JsValue::from_str("en")]);
    let sheet = arr(&reading, "sheets").get(0);
    let investment = arr(&sheet, "columns").iter().find(|c| s(c, "role") == "investment").unwrap();
    let unit = get(&investment, "unit");
    assert_eq!(get(&get(&unit, "unit"), "scale").as_f64(), Some(1e4));
    assert_eq!(s(&get(&unit, "source"), "kind"), "note");
}

#[wasm_bindgen_test]
async fn a_grid_from_the_spreadsheet_module_loads_with_its_merged_cells() {
    // What readSpreadsheet hands over: the grid bytes of a sheet whose district is merged down.
    use opportunity_matcher::list::{Cell, Grid, GridRow, Merge, Sheet, SourceKind};
    let t = |v: &str| Cell::Text(v.into());
    let grid = Grid {
        kind: SourceKind::Xlsx,
        sheets: vec![Sheet {
            name: "Sheet1".into(),
            rows: vec![
                GridRow { number: 1, cells: vec![t("2024年重点项目"), t(""), t("")] },
                GridRow { number: 2, cells: vec![t("项目名称"), t("所属区县"), t("总投资（亿元）")] },
                GridRow { number: 3, cells: vec![t("双流动力电池项目"), t("成都市双流区"), Cell::Number(5.0.into())] },
                GridRow { number: 4, cells: vec![t("双流储能电池项目"), t(""), Cell::Number(2.5.into())] },
            ],
            merged: vec![Merge { top: 1, left: 0, bottom: 1, right: 2 }, Merge { top: 3, left: 1, bottom: 4, right: 1 }],
        }],
    };
    let m = from_bytes(&grid.to_bytes(), "list.xlsx", "en").await.unwrap();
    assert_eq!(get(&m, "length").as_f64(), Some(2.0));
    let p = call(&m, "project", &[JsValue::from(1u32), JsValue::from_str("zh-Hans")]);
    assert_eq!(s(&p, "place"), "四川省成都市双流区");
    assert_eq!(get(&p, "investment_yuan").as_f64(), Some(250_000_000.0));
    let reading = call(&m, "reading", &[JsValue::from_str("en")]);
    let filled = arr(&arr(&reading, "sheets").get(0), "filled");
    assert_eq!(s(&filled.get(0), "from"), "merged");
}

#[wasm_bindgen_test]
async fn a_file_that_cannot_be_read_rejects_with_a_message_in_the_chosen_language() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00";
    let e = from_bytes(png, "photo.csv", "zh-Hans").await.unwrap_err();
    assert!(e.contains("UTF-8, UTF-16, GB18030, Big5"), "{e}");
    assert!(e.starts_with("文件不是"), "{e}");
    // A workbook when the spreadsheet module cannot be fetched (this test page has none): the
    // promise rejects with a worded reason, it does not hang or throw synchronously.
    let (_, xlsx, _) = published!("workbook.xlsx");
    opportunity_matcher::wasm::sheets_module_url("/no-such-module.js");
    let e = from_bytes(xlsx, "workbook.xlsx", "en").await.unwrap_err();
    assert!(e.starts_with("the spreadsheet could not be read"), "{e}");
}
