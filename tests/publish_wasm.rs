//! The publisher page's module (feature `publish`, `ListDraft`) in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --features publish --test publish_wasm`. A workbook is
//! read by the same core reader as everywhere, with an official's correction given as JavaScript
//! sees it, and written out as the normalised JSON and the compact form.
#![cfg(all(target_arch = "wasm32", feature = "publish"))]

use js_sys::{Array, Reflect, JSON};
use opportunity_matcher::publish_wasm::JsListDraft;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORKBOOK: &[u8] = include_bytes!("fixtures/published/publisher-drop.xlsx");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn lines(v: JsValue) -> Vec<String> {
    v.dyn_into::<Array>().expect("an array").iter().filter_map(|l| l.as_string()).collect()
}

fn draft(choices: &str, lang: &str) -> JsListDraft {
    let choices = if choices.is_empty() { JsValue::NULL } else { JSON::parse(choices).unwrap() };
    JsListDraft::from_bytes(WORKBOOK, "publisher-drop.xlsx", choices, Some(lang.into())).map_err(JsValue::from).expect("the workbook reads")
}

#[wasm_bindgen_test]
fn a_workbook_read_as_it_is_names_the_column_it_could_not_map() {
    let d = draft("", "zh-Hans");
    assert_eq!(d.length(), 4);
    let reading = lines(get(&d.reading(Some("zh-Hans".into())), "lines"));
    assert!(reading.iter().any(|l| l.contains("E “资金盘子” → 未使用（不是已知字段）")), "{reading:?}");
    let warnings: Vec<String> =
        d.warnings(Some("en".into())).dyn_into::<Array>().unwrap().iter().map(|w| get(&w, "message").as_string().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("资金盘子")), "{warnings:?}");
    let list: serde_json::Value = serde_json::from_str(&d.json()).unwrap();
    assert!(list["projects"].as_array().unwrap().iter().all(|p| p.get("investment").is_none_or(|v| v.is_null())), "no amount invented");
}

#[wasm_bindgen_test]
fn a_correction_from_the_menus_gives_the_amounts_in_every_output() {
    let d = draft(r#"{"columns": [{"column": 4, "role": "investment", "unit": "万元"}]}"#, "zh-Hant");
    let reading = lines(get(&d.reading(Some("zh-Hant".into())), "lines"));
    assert!(reading.iter().any(|l| l.contains("资金盘子") && l.contains("由您選定")), "{reading:?}");
    let report = lines(d.report(Some("en".into())));
    assert!(report.iter().any(|l| l.starts_with("loaded 4 projects, rejected 0 rows, 0 warnings")), "{report:?}");
    let list: serde_json::Value = serde_json::from_str(&d.json()).unwrap();
    let amounts: Vec<i64> = list["projects"].as_array().unwrap().iter().map(|p| p["investment"].as_i64().unwrap()).collect();
    assert_eq!(amounts, [1_500_000_000, 800_000_000, 2_000_000_000, 600_000_000]);
    assert_eq!(&d.compact()[..6], b"OMLIST");
}

#[wasm_bindgen_test]
fn the_menus_offer_every_field_and_the_common_units_in_the_chosen_language() {
    let roles: Vec<(String, String)> = JsListDraft::column_roles(Some("en".into()))
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .map(|r| (get(&r, "key").as_string().unwrap(), get(&r, "label").as_string().unwrap()))
        .collect();
    assert!(roles.iter().any(|(k, l)| k == "investment" && l == "total investment"), "{roles:?}");
    assert!(roles.iter().any(|(k, _)| k == "region_county"));
    let units = JsListDraft::units(Some("zh-Hant".into())).dyn_into::<Array>().unwrap();
    let wan = units.iter().find(|u| get(u, "key").as_string().as_deref() == Some("万元")).expect("万元 offered");
    assert_eq!(get(&wan, "label").as_string().as_deref(), Some("萬元"));
    assert_eq!(get(&wan, "scale").as_f64(), Some(1e4));
}

#[wasm_bindgen_test]
fn a_bad_correction_or_a_broken_file_says_why() {
    let bad = JsListDraft::from_bytes(WORKBOOK, "x.xlsx", JSON::parse(r#"{"columns": [{"column": "E"}]}"#).unwrap(), None);
    assert!(bad.is_err());
    let broken = JsListDraft::from_bytes(b"PK\x03\x04broken", "x.xlsx", JsValue::NULL, Some("zh-Hans".into()));
    let message = format!("{:?}", JsValue::from(broken.map(|_| ()).unwrap_err()));
    assert!(message.contains("电子表格无法读取"), "{message}");
}
