//! Lists as officials publish them (`tests/fixtures/published/`, written by
//! `scripts/make-published-fixtures.py`): every fixture loads exactly the projects its sidecar
//! `<file>.expect.json` lists — names, amounts in yuan, places, sectors, contacts — with no phantom
//! row, rejects exactly the rows it lists, and is read the way it says (header rows, the unit of
//! every amount column and where it came from, group headings, rows skipped, blanks filled).

#![cfg(not(target_arch = "wasm32"))]

use opportunity_matcher::gazetteer::Gazetteer;
use opportunity_matcher::list::{load_bytes, load_bytes_with, OpportunityList, Project, ReadingChoices, TableReading};
use opportunity_matcher::money::Amount;
use opportunity_matcher::Lang;
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/published")
}

/// Every fixture with its expectations, in name order.
fn fixtures() -> Vec<(String, Vec<u8>, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/published exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".expect.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 17, "{names:?}");
    names
        .into_iter()
        .map(|n| {
            let file = n.trim_end_matches(".expect.json").to_string();
            let expect: Value = serde_json::from_str(&std::fs::read_to_string(dir().join(&n)).unwrap()).unwrap();
            let bytes = std::fs::read(dir().join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            (file, bytes, expect)
        })
        .collect()
}

fn amount_json(a: &Option<Amount>) -> Value {
    match a {
        None => Value::Null,
        Some(a) if a.min == a.max => Value::from(a.min),
        Some(a) => Value::from(vec![a.min, a.max]),
    }
}

fn text_json(t: &Option<String>) -> Value {
    t.as_ref().map_or(Value::Null, |s| Value::from(s.as_str()))
}

/// The project's value for an expectation key.
fn actual(p: &Project, key: &str) -> Value {
    match key {
        "row" => Value::from(p.row),
        "name" => Value::from(p.name.as_str()),
        "id" => Value::from(p.id.as_str()),
        "investment" => amount_json(&p.investment),
        "seeking" => amount_json(&p.seeking),
        "region" => Value::from(Gazetteer::global().display_path(p.region, Lang::ZhHans)),
        "sector" => Value::from(p.sector.as_str()),
        "park" => text_json(&p.park),
        "cooperation" => Value::from(p.cooperation.clone()),
        "stage" => text_json(&p.stage),
        "description" => text_json(&p.description),
        "contact_org" => text_json(&p.contact_org),
        "contact_name" => text_json(&p.contact_name),
        "contact_phone" => text_json(&p.contact_phone),
        "contact_email" => text_json(&p.contact_email),
        "updated" => text_json(&p.updated),
        other => panic!("no expectation key {other}"),
    }
}

fn check_projects(file: &str, list: &OpportunityList, expect: &Value) {
    let want = expect["projects"].as_array().unwrap();
    let got: Vec<(usize, &str)> = list.projects.iter().map(|p| (p.row, p.name.as_str())).collect();
    assert_eq!(list.projects.len(), want.len(), "{file}: projects loaded {got:?}; rejected {:?}", list.rejected);
    for (p, w) in list.projects.iter().zip(want) {
        for (key, value) in w.as_object().unwrap() {
            assert_eq!(&actual(p, key), value, "{file}, row {}, {key}", p.row);
        }
    }
    let rejected: Vec<(usize, String)> = list.rejected.iter().map(|r| (r.row, r.field.key().to_string())).collect();
    let want: Vec<(usize, String)> = expect["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap() as usize, r["field"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(rejected, want, "{file}: rejected");
}

fn check_reading(file: &str, list: &OpportunityList, expect: &Value) {
    let reading: &TableReading = list.reading.as_ref().unwrap_or_else(|| panic!("{file}: no reading"));
    let want = &expect["reading"];
    let json = serde_json::to_value(reading).unwrap();
    assert_eq!(json["kind"], want["kind"], "{file}: kind");
    if let Some(e) = want.get("encoding") {
        assert_eq!(&serde_json::to_value(list.encoding).unwrap(), e, "{file}: encoding");
    }
    if let Some(p) = want.get("json_path") {
        assert_eq!(&json["json_path"], p, "{file}: where the projects were found");
    }
    // The sheets that gave projects, and those not read (workbooks); the expectations below are
    // about the first sheet read.
    match want.get("sheets") {
        Some(names) => {
            let got: Vec<Option<&str>> = reading.sheets.iter().map(|s| s.name.as_deref()).collect();
            assert_eq!(serde_json::to_value(got).unwrap(), *names, "{file}: sheets read");
        }
        None => assert_eq!(reading.sheets.len(), 1, "{file}"),
    }
    let ignored: Vec<(String, Value)> =
        reading.ignored_sheets.iter().map(|s| (s.name.clone(), serde_json::to_value(s.why).unwrap())).collect();
    assert_eq!(serde_json::to_value(ignored).unwrap(), want.get("ignored_sheets").cloned().unwrap_or(Value::Array(vec![])), "{file}");
    // A sheet of project cards: the row each card begins at; a table has none.
    for s in &reading.sheets {
        let want_cards = want.get("cards").and_then(|c| c.get(s.name.as_deref().unwrap_or(""))).cloned().unwrap_or(Value::Array(vec![]));
        assert_eq!(serde_json::to_value(&s.cards).unwrap(), want_cards, "{file}: cards of sheet {:?}", s.name);
    }
    let sheet = &reading.sheets[0];
    // No phantom row: every row read as a project loaded or was rejected.
    let data_rows: usize = reading.sheets.iter().map(|s| s.data_rows).sum();
    assert_eq!(data_rows, list.projects.len() + list.rejected.len(), "{file}: rows read as projects");
    if let Some(h) = want.get("header_rows") {
        assert_eq!(serde_json::to_value(&sheet.header_rows).unwrap(), *h, "{file}: header rows");
    }
    if let Some(rows) = want.get("above_header") {
        let got: Vec<usize> = sheet.above_header.iter().map(|r| r.row).collect();
        assert_eq!(serde_json::to_value(got).unwrap(), *rows, "{file}: rows above the header");
    }
    for (header, unit) in want.get("units").and_then(Value::as_object).into_iter().flatten() {
        let col = sheet
            .columns
            .iter()
            .find(|c| c.header.contains(header.as_str()) && c.unit.is_some())
            .unwrap_or_else(|| panic!("{file}: no amount column {header}: {:?}", sheet.columns));
        let u = col.unit.as_ref().unwrap();
        let source = serde_json::to_value(&u.source).unwrap();
        assert_eq!(u.unit.scale, unit[0].as_f64().unwrap(), "{file}: unit of {header}");
        assert_eq!(source["kind"], unit[1], "{file}: where the unit of {header} came from");
    }
    if let Some(groups) = want.get("groups") {
        let got: Vec<(usize, &str)> = sheet.groups.iter().map(|g| (g.row, g.hint.as_str())).collect();
        assert_eq!(serde_json::to_value(got).unwrap(), *groups, "{file}: group headings");
    }
    for (why, rows) in want.get("skipped").and_then(Value::as_object).into_iter().flatten() {
        let got: Vec<usize> =
            sheet.skipped.iter().filter(|s| serde_json::to_value(s.why).unwrap() == why.as_str()).map(|s| s.row).collect();
        assert_eq!(serde_json::to_value(got).unwrap(), *rows, "{file}: rows skipped as {why}");
    }
    if want.get("skipped").is_none() {
        assert!(sheet.skipped.iter().all(|s| s.why == opportunity_matcher::list::SkipWhy::Empty), "{file}: {:?}", sheet.skipped);
    }
    for (header, rows) in want.get("filled").and_then(Value::as_object).into_iter().flatten() {
        let got: Vec<usize> = sheet.filled.iter().filter(|f| f.header == *header).flat_map(|f| f.rows.clone()).collect();
        assert_eq!(serde_json::to_value(got).unwrap(), *rows, "{file}: blanks filled in {header}");
        // One source for every column filled, or one per column.
        if let Some(from) = want.get("filled_from").map(|f| f.get(header.as_str()).unwrap_or(f)) {
            for f in sheet.filled.iter().filter(|f| f.header == *header) {
                assert_eq!(&serde_json::to_value(f.from).unwrap(), from, "{file}: how {header} was filled");
            }
        }
    }
    if want.get("filled").is_none() {
        assert!(sheet.filled.is_empty(), "{file}: nothing should be filled: {:?}", sheet.filled);
    }
    // Second columns of a text field, whose text follows the first's.
    let joined: Vec<&str> =
        sheet.columns.iter().filter(|c| serde_json::to_value(c.ignored).unwrap() == "joined").map(|c| c.header.as_str()).collect();
    assert_eq!(
        serde_json::to_value(joined).unwrap(),
        want.get("joined").cloned().unwrap_or(Value::Array(vec![])),
        "{file}: columns joined"
    );
    // A workbook of a sheet per place: the place each sheet gives its rows without one.
    for s in &reading.sheets {
        let hint = want.get("place_hints").and_then(|h| h.get(s.name.as_deref().unwrap_or(""))).cloned().unwrap_or(Value::Null);
        assert_eq!(serde_json::to_value(&s.place_hint).unwrap(), hint, "{file}: place of sheet {:?}", s.name);
    }
    if let Some(as_id) = want.get("sequence_as_id") {
        assert_eq!(Value::from(sheet.sequence.as_ref().map(|s| s.as_id)), *as_id, "{file}: 序号 as the id");
    }
}

fn check_warnings(file: &str, list: &OpportunityList, expect: &Value) {
    let messages: Vec<String> = list.warnings.iter().map(|w| w.message(Lang::En)).collect();
    for want in expect.get("warnings").and_then(Value::as_array).into_iter().flatten() {
        let want = want.as_str().unwrap();
        assert!(messages.iter().any(|m| m.contains(want)), "{file}: no warning with {want:?} in {messages:#?}");
    }
    // A unit is never a silent guess: an assumed unit always comes with its warning.
    let assumed = list
        .reading
        .as_ref()
        .unwrap()
        .sheets
        .iter()
        .flat_map(|s| &s.columns)
        .filter(|c| c.unit.as_ref().is_some_and(|u| u.source.is_assumed() && u.unit.scale != 1.0))
        .count();
    let warned = messages.iter().filter(|m| m.contains("UNIT ASSUMED")).count();
    assert_eq!(assumed, warned, "{file}: {messages:#?}");
}

#[test]
fn every_published_table_loads_its_real_projects_and_nothing_else() {
    for (file, bytes, expect) in fixtures() {
        let list = load_bytes(&bytes, &file).unwrap_or_else(|e| panic!("{file}: {e}"));
        check_projects(&file, &list, &expect);
        check_reading(&file, &list, &expect);
        check_warnings(&file, &list, &expect);
    }
}

#[test]
fn the_reading_is_worded_in_each_language() {
    for (file, bytes, _) in fixtures() {
        let list = load_bytes(&bytes, &file).unwrap();
        for lang in Lang::ALL {
            let report = list.report(lang);
            assert!(report.len() >= 3, "{file} {lang:?}: {report:?}");
            if lang != Lang::En {
                // No English word of the report's own (the table's cells are quoted as written).
                for line in &report {
                    for word in ["rejected:", "warning:", "header", "Columns", "row ", "rows ", "read as", "from the"] {
                        assert!(!line.contains(word), "{file} {lang:?}: {word:?} in {line}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_same_table_in_other_encodings_loads_the_same_projects() {
    // Each text fixture re-encoded in every encoding the loader detects.
    for (file, bytes, _) in fixtures() {
        if file.ends_with(".json") || file.ends_with(".xlsx") || file.ends_with(".ods") {
            continue;
        }
        let reference = load_bytes(&bytes, &file).unwrap();
        let text: String = match reference.encoding {
            opportunity_matcher::list::Encoding::Utf16 => {
                let units: Vec<u16> = bytes[2..].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
                String::from_utf16(&units).unwrap()
            }
            opportunity_matcher::list::Encoding::Utf8 => {
                String::from_utf8(bytes.clone()).unwrap().trim_start_matches('\u{feff}').to_string()
            }
            _ => opportunity_matcher::list::decode(&bytes).0,
        };
        let mut encodings: Vec<(&str, Vec<u8>)> = vec![("UTF-8", text.as_bytes().to_vec())];
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        encodings.push(("UTF-16LE", utf16));
        let utf16_no_bom: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        encodings.push(("UTF-16BE without BOM", utf16_no_bom));
        for (name, enc) in [("GBK", encoding_rs::GBK), ("Big5", encoding_rs::BIG5)] {
            let (b, _, unmappable) = enc.encode(&text);
            if !unmappable {
                encodings.push((name, b.into_owned()));
            }
        }
        for (name, b) in encodings {
            let list = load_bytes(&b, &file).unwrap_or_else(|e| panic!("{file} in {name}: {e}"));
            assert_eq!(list.projects, reference.projects, "{file} in {name}");
            assert_eq!(list.rejected, reference.rejected, "{file} in {name}");
        }
    }
}

#[test]
fn a_damaged_workbook_is_an_error_never_a_panic() {
    for file in ["workbook.xlsx", "workbook.ods"] {
        let bytes = std::fs::read(dir().join(file)).unwrap();
        // Cut anywhere, or with bytes flipped: an error or a list, never a panic or a hang.
        for cut in (0..bytes.len()).step_by(97) {
            let _ = load_bytes(&bytes[..cut], file);
        }
        for at in (40..bytes.len()).step_by(131) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            let _ = load_bytes(&damaged, file);
        }
        let err = load_bytes(&bytes[..bytes.len() / 2], file).unwrap_err();
        assert!(err.message(Lang::En).starts_with("the spreadsheet could not be read"), "{file}: {err}");
    }
}

#[test]
fn an_officials_corrections_of_columns_and_units_give_the_amounts() {
    // A fixture whose expectations carry `corrected`: the `--columns` the official would choose on
    // the publisher page, and the total investment in yuan of each project once applied.
    let mut seen = 0;
    for (file, bytes, expect) in fixtures() {
        let Some(corrected) = expect.get("corrected") else { continue };
        seen += 1;
        let choices = ReadingChoices::parse(corrected["columns"].as_str().unwrap()).unwrap();
        let list = load_bytes_with(&bytes, &file, &choices).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<Value> = list.projects.iter().map(|p| amount_json(&p.investment)).collect();
        assert_eq!(Value::from(got), corrected["investment"], "{file}: corrected amounts");
        // The names and places do not change, and no warning is left about the chosen column.
        let names: Vec<&str> = list.projects.iter().map(|p| p.name.as_str()).collect();
        let want: Vec<&str> = expect["projects"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(names, want, "{file}");
        assert!(list.warnings.is_empty(), "{file}: {:?}", list.warnings);
        let lines = list.reading.as_ref().unwrap().lines(Lang::ZhHant).join("\n");
        assert!(lines.contains("由您選定"), "{file}: {lines}");
    }
    assert!(seen > 0, "no fixture with corrections");
}

#[test]
fn one_figure_in_another_unit_is_kept_and_said_on_its_row() {
    // A column of bare figures read as 万元 from their size, with one figure written in 亿 (3.5):
    // a clerk would stop at it, so the reading says so on its row, in every language.
    let tsv = "项目名称\t建设地点\t计划总投资\n东部新区航空配套项目\t成都市东部新区\t120000\n前湾智能家电项目\t宁波市慈溪市\t85000\n\
               瓯海鞋革产业园\t温州市瓯海区\t3.5\n龙港印刷包装项目\t温州市龙港市\t64000\n";
    let list = load_bytes(tsv.as_bytes(), "paste.tsv").unwrap();
    assert_eq!(list.projects.len(), 4, "every row still loads");
    let outliers: Vec<_> = list.warnings.iter().filter(|w| w.message(Lang::En).contains("a thousand times less")).collect();
    assert_eq!(outliers.len(), 1, "{:?}", list.warnings.iter().map(|w| w.message(Lang::En)).collect::<Vec<_>>());
    assert_eq!(outliers[0].row, Some(4));
    assert!(outliers[0].message(Lang::ZhHans).contains("3.5万元"), "{}", outliers[0].message(Lang::ZhHans));
    assert!(outliers[0].message(Lang::ZhHant).contains("請核對單位"));
}
