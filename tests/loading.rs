//! Loading lists as officials write them: what loads, what is rejected (row, field, value, reason),
//! what only warns. Expectations come from `tests/fixtures/README.md`.

use opportunity_matcher::gazetteer::Gazetteer;
use opportunity_matcher::list::{load_bytes, load_text, Field, OpportunityList, RejectReason, WarningKind};
use opportunity_matcher::Lang;

fn fixture(name: &str) -> OpportunityList {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load_bytes(&bytes, &path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn code_of(list: &OpportunityList, id: &str) -> u32 {
    let p = list.projects.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id} not loaded"));
    Gazetteer::global().region(p.region).code
}

fn city_code_of(list: &OpportunityList, id: &str) -> u32 {
    let g = Gazetteer::global();
    let p = list.projects.iter().find(|p| p.id == id).unwrap();
    g.region(g.city_of(p.region).unwrap_or_else(|| g.province_of(p.region))).code
}

#[test]
fn bad_rows_are_rejected_with_row_field_value_and_reason_and_the_rest_loads() {
    let list = fixture("bad-rows.csv");
    let loaded: Vec<&str> = list.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(loaded, ["BR-01", "BR-08", "BR-09", "BR-10", "BR-11", "BR-12"]);
    let rejected: Vec<(usize, Field, &str)> = list.rejected.iter().map(|r| (r.row, r.field, r.value.as_str())).collect();
    assert_eq!(
        rejected,
        [
            (3, Field::Name, ""),
            (4, Field::Region, ""),
            (5, Field::Region, "火星市"),
            (6, Field::Investment, "很多钱"),
            (7, Field::Id, "BR-01"),
            (8, Field::Region, "朝阳区"),
        ]
    );
    assert_eq!(list.rejected[0].reason, RejectReason::MissingName);
    assert_eq!(list.rejected[2].reason, RejectReason::UnknownRegion);
    assert!(matches!(list.rejected[3].reason, RejectReason::UnreadableAmount { .. }));
    assert_eq!(list.rejected[4].reason, RejectReason::DuplicateId { first_row: 2 });
    match &list.rejected[5].reason {
        RejectReason::AmbiguousRegion { candidates } => {
            assert!(candidates.iter().any(|c| c.contains("北京")) && candidates.iter().any(|c| c.contains("长春")), "{candidates:?}")
        }
        other => panic!("{other:?}"),
    }
    // Messages are plain words in each language.
    assert!(list.rejected[2].message(Lang::En).starts_with("row 5, region \"火星市\": "));
    assert!(list.rejected[3].message(Lang::ZhHans).contains("第6行"));
    assert!(list.rejected[4].message(Lang::ZhHant).contains("重複"));
    // The city settles 朝阳区; the javascript: url is dropped with a warning; blank amount loads.
    assert_eq!(code_of(&list, "BR-08"), 220104);
    assert_eq!(code_of(&list, "BR-12"), 110105);
    let br09 = list.projects.iter().find(|p| p.id == "BR-09").unwrap();
    assert_eq!(br09.url, None);
    assert!(list.warnings.iter().any(|w| w.row == Some(10) && w.kind == WarningKind::UrlDropped));
    assert!(list.projects.iter().find(|p| p.id == "BR-10").unwrap().investment.is_none());
    let br11 = list.projects.iter().find(|p| p.id == "BR-11").unwrap();
    assert_eq!(br11.name, "<script>alert(1)</script>顺庆物流园项目");
}

#[test]
fn every_money_form_reads_to_the_expected_yuan() {
    let path = format!("{}/tests/fixtures/money-forms.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let list = load_text(&text, "money-forms.csv").unwrap();
    assert!(list.rejected.is_empty());
    assert_eq!(list.warnings.len(), 1, "only the expected_yuan header warns");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let id_col = headers.iter().position(|h| h == "项目编号").unwrap();
    let expected_col = headers.iter().position(|h| h == "expected_yuan").unwrap();
    let mut checked = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (id, expected) = (&record[id_col], &record[expected_col]);
        let p = list.projects.iter().find(|p| p.id == id).unwrap();
        let got = p.investment;
        match expected {
            "" => assert!(got.is_none(), "{id}"),
            e if e.starts_with(">=") => assert_eq!(got.unwrap().min, e[2..].parse::<u64>().unwrap(), "{id}"),
            e if e.starts_with("<=") => assert_eq!(got.unwrap().max, e[2..].parse::<u64>().unwrap(), "{id}"),
            e if e.contains('-') => {
                let (lo, hi) = e.split_once('-').unwrap();
                let a = got.unwrap();
                assert_eq!((a.min, a.max), (lo.parse().unwrap(), hi.parse().unwrap()), "{id}");
            }
            e => {
                let a = got.unwrap_or_else(|| panic!("{id} has no amount"));
                assert_eq!((a.min, a.max), (e.parse().unwrap(), e.parse().unwrap()), "{id}");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 20);
}

#[test]
fn zones_and_parks_resolve_to_their_city_and_keep_the_park() {
    let list = fixture("park-and-zones.csv");
    assert_eq!(list.projects.len(), 12);
    assert!(list.rejected.is_empty());
    let g = Gazetteer::global();
    let park = |id: &str| list.projects.iter().find(|p| p.id == id).unwrap().park.clone();
    assert_eq!(code_of(&list, "PZ-01"), 510116);
    assert_eq!(park("PZ-01").as_deref(), Some("成都芯谷"));
    assert_eq!(city_code_of(&list, "PZ-02"), 320500);
    assert_eq!(g.region(list.projects[1].region).level, opportunity_matcher::gazetteer::Level::Zone);
    assert_eq!(city_code_of(&list, "PZ-03"), 510700);
    assert_eq!(city_code_of(&list, "PZ-04"), 510100);
    assert_eq!(g.region(g.province_of(list.projects[4].region)).code, 500000);
    assert_eq!(city_code_of(&list, "PZ-06"), 511500);
    assert_eq!(city_code_of(&list, "PZ-07"), 510100);
    assert_eq!(park("PZ-07").as_deref(), Some("天府软件园"));
    assert_eq!(g.region(g.province_of(list.projects[7].region)).code, 520000);
    assert_eq!(city_code_of(&list, "PZ-09"), 340100);
    assert_eq!(city_code_of(&list, "PZ-10"), 620100);
    assert_eq!(code_of(&list, "PZ-11"), 510703);
    assert_eq!(park("PZ-11").as_deref(), Some("涪城电子信息产业园"));
    assert_eq!(code_of(&list, "PZ-12"), code_of(&list, "PZ-05"));
    let park_warnings: Vec<usize> =
        list.warnings.iter().filter(|w| matches!(w.kind, WarningKind::PlaceNote { .. })).filter_map(|w| w.row).collect();
    assert_eq!(park_warnings, [2, 12]);
    assert!(list.warnings[0].message(Lang::En).contains("成都芯谷"), "{}", list.warnings[0].message(Lang::En));
}

#[test]
fn header_variants_and_english_headers_map_to_fields() {
    let list = fixture("header-variants.csv");
    assert_eq!(list.projects.len(), 6);
    // 备注 is no field of its own: its text follows the description (建设内容), behind its header.
    assert!(list.warnings.is_empty(), "{:?}", list.warnings);
    assert_eq!(list.projects[0].description.as_deref(), Some("建设泡菜、复合调味料深加工生产线及检测中心；备注：省级重点项目"));
    assert_eq!(list.projects[1].description.as_deref(), Some("建设风光互补发电基地及配套升压站。"));
    let ids: Vec<&str> = list.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
    let priorities: Vec<Option<u8>> = list.projects.iter().map(|p| p.priority).collect();
    assert_eq!(priorities, [Some(50), Some(70), Some(70), Some(70), Some(70), Some(87)]);

    let en = fixture("english-headers.csv");
    assert_eq!(en.projects.len(), 8);
    assert!(en.rejected.is_empty());
    assert!(!en.warnings.iter().any(|w| w.kind == WarningKind::UnknownHeader));
    let get = |id: &str| en.projects.iter().find(|p| p.id == id).unwrap();
    assert_eq!(get("GZ-0001").tags, ["数据中心", "算力", "云计算"]);
    assert_eq!(get("GZ-0001").cooperation, ["PPP", "合资"]);
    assert_eq!(code_of(&en, "SC-0110"), 510603);
    assert_eq!(get("SC-0110").investment.unwrap().min, 1_500_000_000);
    assert_eq!(get("GD-0008").investment.unwrap().min, 910_000_000);
    assert_eq!(get("ZJ-0001").investment.unwrap().min, 1_925_000_000);
    assert_eq!(get("JS-0002").investment.unwrap().min, 213_000_000);
    for p in &en.projects {
        assert!(p.contact_email.is_some() && p.url.is_some() && p.irr_pct.is_some() && p.jobs.is_some(), "{}", p.id);
    }
}

#[test]
fn quoting_and_multiline_fields_survive_in_every_encoding() {
    for name in ["sample-utf8.csv", "sample-gbk.csv", "sample-utf8-nobom-crlf.csv"] {
        let list = fixture(name);
        assert_eq!(list.projects.len(), 32, "{name}");
        let p = list.projects.iter().find(|p| p.id == "SC-0109").unwrap();
        assert_eq!(p.name, "眉山\"东坡味道\"川菜调味品产业园项目(一期, 二期)", "{name}");
        assert_eq!(p.description.as_deref(), Some("一期建设复合调味料生产线；\n二期建设预制菜中央厨房及冷链仓储。"), "{name}");
        assert_eq!(p.row, 25);
        let sc73 = list.projects.iter().find(|p| p.id == "SC-0073").unwrap();
        assert_eq!(sc73.investment.unwrap().min, 12_000_000);
        let gz = list.projects.iter().find(|p| p.id == "GZ-0001").unwrap();
        let s = gz.seeking.unwrap();
        assert_eq!((s.min, s.max), (5_000_000_000, 6_000_000_000));
    }
}

#[test]
fn a_header_unit_scales_bare_numbers() {
    let list = load_text("项目名称,项目地点,总投资(万元),拟引资额（亿元）\n甲,成都,5000,0.3\n", "x.csv").unwrap();
    let p = &list.projects[0];
    assert_eq!(p.investment.unwrap().min, 50_000_000);
    assert_eq!(p.seeking.unwrap().min, 30_000_000);
}

#[test]
fn a_list_without_a_name_column_is_one_clear_error() {
    let err = load_text("a,b,c\n1,2,3\n", "x.csv").unwrap_err();
    let msg = err.message(Lang::En);
    assert!(msg.contains("项目名称") && msg.contains("a, b, c"), "{msg}");
    assert!(load_text("", "x.json").unwrap_err().message(Lang::ZhHans).contains("空"));
}

#[test]
fn a_blank_place_is_read_from_a_name_that_begins_with_a_district_of_the_list_and_said() {
    // The list's city is clear (南充). One blank place, not a merged block: the name that begins
    // with a district of that city gives the place; a name without one is still rejected.
    let csv = "项目名称,所在县（市、区）,总投资\n\
               顺庆区物流园项目,南充市顺庆区,8亿\n\
               嘉陵区汽车零部件项目,南充市嘉陵区,12亿\n\
               高坪区丝绸文创产业园项目,,3亿\n\
               营山县食品产业园项目,南充市营山县,2亿\n\
               丝绸博物馆项目,南充市阆中市,1亿\n\
               阆中市古城文旅项目,南充市阆中市,6亿\n\
               仪陇县红色文旅项目,南充市仪陇县,2亿\n\
               新能源汽车项目,,3亿\n";
    let list = load_text(csv, "list.csv").unwrap();
    let loaded: Vec<(&str, &str)> = list.projects.iter().map(|p| (p.name.as_str(), p.region_text.as_str())).collect();
    assert!(loaded.contains(&("高坪区丝绸文创产业园项目", "四川省南充市高坪区")), "{loaded:?}");
    let warning = list.warnings.iter().find(|w| w.row == Some(4)).expect("the reading is said");
    assert!(warning.message(Lang::En).contains("read from the project name"), "{warning:?}");
    let rejected: Vec<(usize, Field)> = list.rejected.iter().map(|r| (r.row, r.field)).collect();
    assert_eq!(rejected, [(9, Field::Region)], "no place in the name: still rejected");
}

#[test]
fn a_place_filled_down_a_block_gives_way_to_a_name_that_says_another_district() {
    // Districts written once for blocks (a CSV exported from merged cells): the blanks are filled
    // from above, except where the project's name names another district of the list's area.
    let csv = "项目名称,所在县（市、区）,总投资\n\
               顺庆区物流园项目,南充市顺庆区,8亿\n\
               顺庆区冷链中心项目,,3亿\n\
               嘉陵区汽车零部件项目,南充市嘉陵区,12亿\n\
               高坪区丝绸文创产业园项目,,3亿\n\
               新能源汽车项目,,3亿\n\
               阆中市古城文旅项目,南充市阆中市,6亿\n";
    let list = load_text(csv, "list.csv").unwrap();
    let places: Vec<(&str, &str)> = list.projects.iter().map(|p| (p.name.as_str(), p.region_text.as_str())).collect();
    assert_eq!(
        places,
        [
            ("顺庆区物流园项目", "南充市顺庆区"),
            ("顺庆区冷链中心项目", "南充市顺庆区"),
            ("嘉陵区汽车零部件项目", "南充市嘉陵区"),
            ("高坪区丝绸文创产业园项目", "四川省南充市高坪区"),
            ("新能源汽车项目", "南充市嘉陵区"),
            ("阆中市古城文旅项目", "南充市阆中市"),
        ]
    );
    assert!(list.warnings.iter().any(|w| w.row == Some(5) && w.message(Lang::ZhHans).contains("已按项目名称")), "{:?}", list.warnings);
}

/// Every fixture list (the published-style tables, the bundled list, bad rows, legacy encodings, a
/// workbook) read as the browser reads it — each project validated, indexed and stored as a
/// compact record as it is read — shows, reports and ranks exactly as the list loaded whole.
#[test]
fn a_list_stored_as_records_while_it_is_read_is_the_list_loaded_whole() {
    use opportunity_matcher::list::{load_owned_bytes_with, read_table_at, ReadingChoices, Vocabulary};
    use opportunity_matcher::rank::{Matcher, Query};
    let mut files: Vec<std::path::PathBuf> = ["tests/fixtures", "tests/fixtures/published", "www/data"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".md") && !p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "{files:?}");
    let query = |industry: &str, budget: &str, region: &str| Query {
        industry: Some(industry.to_string()).filter(|t| !t.is_empty()),
        budget: Some(budget.to_string()).filter(|t| !t.is_empty()),
        region: Some(region.to_string()).filter(|t| !t.is_empty()),
        ..Query::default()
    };
    let queries = [
        query("新能源汽车", "", "成都"),
        query("食品", "5000万", ""),
        query("", "1-5亿", "广东"),
        query("xinnengyuan", "", ""),
        query("", "", ""),
    ];
    let mut loaded = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let name = path.to_string_lossy();
        let whole = load_owned_bytes_with(bytes.clone(), &name, &ReadingChoices::default()).map(Matcher::new);
        // As a page opens a file: its rows built one at a time while they are validated.
        let in_place = Matcher::from_source_into(&bytes.as_slice(), &name, Box::new(opportunity_matcher::oml::Chunks::default()));
        let built = read_table_at(&bytes, &name, Vocabulary::List, &ReadingChoices::default()).and_then(Matcher::from_table);
        assert_eq!(in_place.as_ref().map(|m| m.len()).ok(), built.as_ref().map(|m| m.len()).ok(), "{name}");
        let stored = Matcher::open_owned_bytes(bytes, &name, &ReadingChoices::default());
        // Read where the bytes are (a page's array): the same as from a copy.
        match (&in_place, &stored) {
            (Ok(a), Ok(b)) => {
                assert_eq!(
                    (a.len(), a.facets(), format!("{:?}", a.reading())),
                    (b.len(), b.facets(), format!("{:?}", b.reading())),
                    "{name}"
                );
                assert_eq!(format!("{:?}", a.rejected()), format!("{:?}", b.rejected()), "{name}");
                assert_eq!(format!("{:?}", a.warnings()), format!("{:?}", b.warnings()), "{name}");
                assert!((0..a.len()).all(|i| a.project(i) == b.project(i)), "{name}");
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{name}"),
            (a, b) => panic!("{name}: {:?} against {:?}", a.as_ref().err(), b.as_ref().err()),
        }
        let (whole, stored) = match (whole, stored) {
            (Ok(w), Ok(s)) => (w, s),
            (Err(w), Err(s)) => {
                assert_eq!(w, s, "{name}");
                continue;
            }
            (w, s) => panic!("{name}: {:?} against {:?}", w.err(), s.err()),
        };
        loaded += 1;
        assert_eq!(stored.len(), whole.len(), "{name}");
        for i in 0..whole.len() {
            let p = whole.project(i).unwrap();
            assert_eq!(stored.project(i), Some(p.clone()), "{name}: project {i}");
            assert_eq!(stored.position(&p.id), Some(i), "{name}: {}", p.id);
        }
        assert_eq!(format!("{:?}", stored.rejected()), format!("{:?}", whole.rejected()), "{name}");
        assert_eq!(format!("{:?}", stored.warnings()), format!("{:?}", whole.warnings()), "{name}");
        assert_eq!(format!("{:?}", stored.reading()), format!("{:?}", whole.reading()), "{name}");
        assert_eq!((stored.format(), stored.encoding()), (whole.format(), whole.encoding()), "{name}");
        assert_eq!(stored.facets(), whole.facets(), "{name}");
        for q in &queries {
            assert_eq!(stored.rank(q), whole.rank(q), "{name}: {q:?}");
        }
    }
    assert!(loaded >= 20, "{loaded} lists loaded");
}

/// Bytes read where they are, remembering the largest piece asked for at once.
struct Watched<'a>(&'a [u8], std::cell::Cell<usize>);

impl Watched<'_> {
    fn new(bytes: &[u8]) -> Watched<'_> {
        Watched(bytes, std::cell::Cell::new(0))
    }
}

impl opportunity_matcher::list::ReadAt for Watched<'_> {
    fn size(&self) -> usize {
        self.0.len()
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        self.1.set(self.1.get().max(out.len()));
        (&self.0).read_at(at, out)
    }
}

/// A JSON list larger than the pieces it is read in is parsed from its bytes where they are,
/// never copied whole (the browser keeps a page's file outside the wasm heap): characters cut by a
/// piece's end, byte order marks, and every other kind of file (which is copied) load as
/// `load_bytes` loads them.
#[test]
fn a_large_json_list_is_read_in_pieces_where_its_bytes_are() {
    use opportunity_matcher::list::{load_bytes, read_table_at, ReadingChoices, Vocabulary};
    let mut json = String::from(r#"{"title":"测试清单","projects":["#);
    for i in 0..10_000 {
        json += &format!(
            r#"{}{{"项目名称":"第{i}号新能源电池材料项目","项目地点":"四川省成都市双流区","总投资（亿元）":{},"项目简介":"建设年产{i}吨锂电池正极材料生产线，配套研发中心与仓储物流设施。"}}"#,
            if i == 0 { "" } else { "," },
            1 + i % 40
        );
    }
    json += "]}";
    assert!(json.len() > 2 << 20, "{}", json.len());
    for bytes in [json.clone().into_bytes(), [b"\xef\xbb\xbf".as_slice(), json.as_bytes()].concat()] {
        let watched = Watched::new(&bytes);
        let table = read_table_at(&watched, "list.json", Vocabulary::List, &ReadingChoices::default()).unwrap();
        assert!(watched.1.get() <= 1 << 20, "read {} bytes at once", watched.1.get());
        assert_eq!(table.rows.len(), 10_000);
        let list = load_bytes(&bytes, "list.json").unwrap();
        let m = opportunity_matcher::rank::Matcher::from_table(table).unwrap();
        assert_eq!(m.len(), list.projects.len());
        assert!((0..m.len()).all(|i| m.project(i).as_deref() == Some(&list.projects[i])));
    }
    // Not JSON in UTF-8 (CSV, UTF-16, damaged JSON): read from a copy, as `load_bytes` reads it.
    let utf16: Vec<u8> = "[{\"项目名称\":\"甲\"}]".encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (bytes, name) in [
        (b"name,region\nA,\xe6\x88\x90\xe9\x83\xbd\n".to_vec(), "a.csv"),
        (utf16, "a.json"),
        (br#"[{"name":"A"},"#.to_vec(), "a.json"),
        // [{"项目名称":"测试项目"}] in GBK: not UTF-8, read from a copy with the encodings tried.
        (b"[{\"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6\":\"\xb2\xe2\xca\xd4\xcf\xee\xc4\xbf\"}]".to_vec(), "a.json"),
        (b"[{\"name\":\"A\x00\"}]".to_vec(), "a.json"),
        (b"".to_vec(), "a.json"),
    ] {
        let watched = Watched::new(&bytes);
        let read = read_table_at(&watched, name, Vocabulary::List, &ReadingChoices::default()).map(|t| t.rows.len());
        assert_eq!(read, load_bytes(&bytes, name).map(|l| l.projects.len() + l.rejected.len()), "{name}");
    }
}

#[test]
fn a_compact_list_given_where_a_table_is_read_is_named_as_such_in_every_language() {
    use opportunity_matcher::list::{load_bytes, read_table_at, read_table_bytes, LoadError, ReadingChoices, Vocabulary};
    let list = fixture("sample.json");
    let compact = opportunity_matcher::oml::to_compact(&list);
    // The compact list itself opens as a list …
    assert_eq!(load_bytes(&compact, "list.oml").unwrap().projects, list.projects);
    // … but the table readers and the leads reader say what it is, instead of garbage rows.
    assert_eq!(read_table_bytes(&compact, "list.oml", Vocabulary::List).err(), Some(LoadError::CompactNotTable));
    assert_eq!(
        read_table_at(&compact.as_slice(), "x.json", Vocabulary::List, &ReadingChoices::default()).err(),
        Some(LoadError::CompactNotTable)
    );
    // A large one too (read in place from 2 MiB on).
    let mut big = compact.clone();
    big.resize(3 << 20, 0);
    assert_eq!(
        read_table_at(&big.as_slice(), "big.oml", Vocabulary::List, &ReadingChoices::default()).err(),
        Some(LoadError::CompactNotTable)
    );
    assert_eq!(opportunity_matcher::leads::read_leads(&compact, "leads.oml").err(), Some(LoadError::CompactNotTable));
    let [hans, hant, en] = [Lang::ZhHans, Lang::ZhHant, Lang::En].map(|l| LoadError::CompactNotTable.message(l));
    assert!(hans.contains("压缩清单") && hant.contains("壓縮清單") && en.contains("compact list"), "{hans} / {hant} / {en}");
}

#[test]
fn a_name_wrapped_inside_its_cell_is_one_name_found_by_words_across_the_break() {
    use opportunity_matcher::rank::{Matcher, Query};
    // Excel saves a cell's Alt+Enter line break inside the quoted CSV field.
    let csv = "项目名称,项目地点,所属行业,英文名称\n锂电池隔膜及正极材料项目,遵义市播州区,新能源,\n\"遵义经开区新能源电池\n正极材料项目\",遵义市汇川区,\"新能源\r\n电池\",\"Cathode materials\nPhase II\"\n";
    let list = load_text(csv, "list.csv").unwrap();
    let p = &list.projects[1];
    assert_eq!(p.name, "遵义经开区新能源电池正极材料项目");
    assert_eq!(p.sector, "新能源电池");
    assert_eq!(p.name_en.as_deref(), Some("Cathode materials Phase II"));
    // Words that span the break find it before a project that has them apart.
    let m = Matcher::new(list);
    let q = Query { keywords: Some("电池正极材料".into()), ..Query::default() };
    let ranked = m.rank(&q);
    assert_eq!(ranked.results[0].name, "遵义经开区新能源电池正极材料项目");
}

#[test]
fn a_county_list_that_names_its_area_only_in_its_title_places_its_projects_there_and_says_so() {
    // A county's own list: no place column, the county named once, in the title row.
    let csv = "雅安市荥经县2026年度招商引资重点项目清单\n序号,项目名称,项目类别,投资额\n1,绿色建材产业园,工业项目,8000万\n2,茶叶精深加工项目,农业项目,5000万元\n";
    let list = load_text(csv, "list.csv").unwrap();
    assert!(list.rejected.is_empty(), "{:?}", list.rejected);
    let g = Gazetteer::global();
    assert!(list.projects.iter().all(|p| g.region(p.region).code == 511822), "荥经县");
    let said: Vec<_> = list.warnings.iter().filter(|w| matches!(w.kind, WarningKind::PlaceFromTitle { .. })).collect();
    assert_eq!(said.len(), 2);
    let [hans, hant, en] = [Lang::ZhHans, Lang::ZhHant, Lang::En].map(|l| said[0].text(l));
    assert!(hans.contains("清单标题") && hans.contains("荥经县"), "{hans}");
    assert!(hant.contains("清單標題") && hant.contains("滎經縣"), "{hant}");
    assert!(en.contains("title") && en.contains("Yingjing"), "{en}");
    // The publisher line of a JSON list does the same.
    let json = r#"{"publisher":"填报单位：株洲市商务局","projects":[{"name":"冷链物流园","investment":"4亿元"}]}"#;
    let list = load_text(json, "list.json").unwrap();
    assert_eq!(g.region(list.projects[0].region).code, 430200, "株洲市");
    // A title that names no place, or a name several places share, places nothing: rows without a
    // place are refused as before.
    for title in ["附件1：重点招商引资项目清单", "朝阳区招商项目", "新能源汽车产业链招商项目"] {
        let list = load_text(&format!("{title}\n项目名称,投资额\n某项目,1亿元\n"), "list.csv").unwrap();
        assert_eq!((list.projects.len(), list.rejected.len()), (0, 1), "{title}");
    }
}

#[test]
fn the_formats_own_english_key_with_a_unit_in_its_header_counts_in_that_unit() {
    // `investment` alone counts in yuan (the format's rule); `investment (million yuan)` is an
    // English-language list's column in millions, and must not be read as yuan.
    let csv = "name,region,investment (million yuan),seeking (US$ m),investment\n\
               A,成都市武侯区,50,5,\n\
               B,成都市锦江区,120,,\n";
    let list = load_text(csv, "list.csv").unwrap();
    assert_eq!(list.projects[0].investment.as_ref().map(|a| a.min), Some(50_000_000));
    assert_eq!(list.projects[1].investment.as_ref().map(|a| a.min), Some(120_000_000));
    assert_eq!(
        list.projects[0].seeking.as_ref().map(|a| (a.min, a.currency)),
        Some((35_500_000, opportunity_matcher::money::Currency::Usd))
    );
    let csv = "name,region,investment\nA,成都市武侯区,50000000\n";
    assert_eq!(load_text(csv, "list.csv").unwrap().projects[0].investment.as_ref().map(|a| a.min), Some(50_000_000));
}

#[test]
fn an_amount_with_a_note_in_brackets_is_read_and_the_note_said_not_the_row_refused() {
    let csv = "项目名称,项目地点,总投资（万元）,拟引资额\n\
               甲,成都市武侯区,60000（一期20000）,（待定）\n\
               乙,成都市锦江区,3000万美元(约2.1亿元),(1亿)\n\
               丙,成都市青羊区,（一期）,\n\
               丁,成都市金牛区,30（亿元）,2(亿)\n";
    let list = load_text(csv, "list.csv").unwrap();
    let min = |i: usize, f: fn(&opportunity_matcher::list::Project) -> &Option<opportunity_matcher::money::Amount>| {
        f(&list.projects[i]).as_ref().map(|a| a.min)
    };
    assert_eq!(min(0, |p| &p.investment), Some(600_000_000));
    assert_eq!(min(0, |p| &p.seeking), None, "（待定） is not published");
    assert_eq!(min(1, |p| &p.investment), Some(213_000_000), "30 million USD at the default rate");
    assert_eq!(min(1, |p| &p.seeking), Some(100_000_000));
    // A unit in brackets is the figure's unit, not a note (`30（亿元）` was read as 30万 or refused).
    assert_eq!(min(2, |p| &p.investment), Some(3_000_000_000));
    assert_eq!(min(2, |p| &p.seeking), Some(200_000_000));
    // Nothing outside the brackets: still refused, with its reason.
    assert_eq!(list.rejected.len(), 1);
    assert_eq!((list.rejected[0].row, list.rejected[0].field), (4, Field::Investment));
    let notes: Vec<String> = list
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::AmountAsideIgnored { .. }))
        .map(|w| w.message(Lang::ZhHans))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("一期20000") && notes[0].contains("未计入"), "{notes:?}");
}

#[test]
fn an_item_number_typed_before_a_name_is_no_part_of_the_name() {
    let csv = "项目名称,项目地点,总投资\n\
               1、汉源县花椒精深加工项目,雅安市汉源县,3亿\n\
               2.石棉县锂电材料项目,雅安市石棉县,20亿\n\
               （3）荥经县砂器文创园,雅安市荥经县,1.5亿\n\
               十二、名山区茶叶精深加工项目,雅安市名山区,5亿\n\
               2.5万吨锂盐项目,雅安市石棉县,8亿\n\
               5G基站配套项目,雅安市雨城区,1亿\n\
               1、2期物流园项目,雅安市雨城区,2亿\n\
               一带一路商贸城,雅安市雨城区,4亿\n";
    let list = load_text(csv, "list.csv").unwrap();
    let names: Vec<&str> = list.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "汉源县花椒精深加工项目",
            "石棉县锂电材料项目",
            "荥经县砂器文创园",
            "名山区茶叶精深加工项目",
            "2.5万吨锂盐项目",
            "5G基站配套项目",
            "1、2期物流园项目",
            "一带一路商贸城"
        ]
    );
    // Read again from the list it gives (as the compact form and the JSON export do): the same names.
    let again = load_text(&opportunity_matcher::list::to_normalised_json(&list), "list.json").unwrap();
    assert_eq!(again.projects.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), names);
}

#[test]
fn a_portal_api_with_pinyin_initials_as_keys_is_read() {
    // 项目名称 → xmmc, 项目地点 → xmdd, 总投资 → ztz, 拟引资 → nyz, 联系人 → lxr, 联系电话 → lxdh:
    // the keys many portals' APIs use. Without them the array was not found at all.
    let json = r#"{"code":200,"data":{"total":2,"rows":[
        {"xmbh":"A1","xmmc":"德阳装备制造配套项目","xmdd":"德阳市旌阳区","hylb":"装备制造","ztz":"8亿元","nyz":"5亿元","hzfs":"独资","lxr":"李工","lxdh":"0838-88881234"},
        {"xmbh":"A2","xmmc":"遂宁锂电材料项目","xmdd":"遂宁市射洪市","hylb":"先进材料","ztz":"30亿元","nyz":"","hzfs":"合资、合作","lxfs":"王工 13800001111"}
    ]}}"#;
    let list = load_text(json, "api.json").unwrap();
    assert_eq!(list.projects.len(), 2, "{:?}", list.rejected);
    let p = &list.projects[0];
    assert_eq!((p.id.as_str(), p.name.as_str(), p.sector.as_str()), ("A1", "德阳装备制造配套项目", "装备制造"));
    assert_eq!((p.investment.unwrap().min, p.seeking.unwrap().min), (800_000_000, 500_000_000));
    assert_eq!((p.contact_name.as_deref(), p.contact_phone.as_deref()), (Some("李工"), Some("0838-88881234")));
    let q = &list.projects[1];
    assert_eq!(Gazetteer::global().display_path(q.region, Lang::ZhHans), "四川省遂宁市射洪市");
    assert_eq!((q.contact_name.as_deref(), q.contact_phone.as_deref()), (Some("王工"), Some("13800001111")));
}

#[test]
fn a_tables_title_and_filing_office_rows_are_the_lists_title_and_publisher() {
    let csv = "附件2\n\
               株洲市2026年招商引资重点项目推介表\n\
               填报单位（盖章）：株洲市商务局,,填报时间：2026年3月\n\
               单位：万元\n\
               项目名称,项目地点,总投资\n\
               醴陵陶瓷产业转型升级项目,醴陵市,55000\n";
    let list = load_text(csv, "list.csv").unwrap();
    assert_eq!(list.meta.title.as_deref(), Some("株洲市2026年招商引资重点项目推介表"));
    assert_eq!(list.meta.publisher.as_deref(), Some("株洲市商务局"));
    // A table without such rows has neither; a JSON list's own title wins over its rows.
    let list = load_text("项目名称,项目地点\n醴陵陶瓷项目,醴陵市\n", "list.csv").unwrap();
    assert_eq!((list.meta.title, list.meta.publisher), (None, None));
}

/// A national list from JSON, read as a page reads it (`Matcher::from_source_into`: parsed where
/// its bytes are, its rows kept packed and built one at a time for validation) is the list loaded
/// whole: the same projects, rejections, warnings, reading and rankings — with the decisions that
/// read a whole column (序号 as id, the unit of bare figures from their magnitudes, a figure far from
/// the rest, a place read within the list's main city) made over every row.
#[test]
fn a_national_list_read_in_place_row_by_row_is_the_list_loaded_whole() {
    use opportunity_matcher::list::load_bytes;
    use opportunity_matcher::oml::Chunks;
    use opportunity_matcher::rank::{Matcher, Query};
    let places = ["成都市双流区", "成都市郫都区", "东部新区", "成都市青白江区", "简阳市"];
    let sectors = ["新能源", "食品饮料", "电子信息", "现代物流"];
    let mut json = String::from(r#"{"code":0,"msg":"ok","data":{"total":12000,"list":["#);
    for i in 0..12_000 {
        let sep = if i == 0 { "" } else { "," };
        // Bare figures in 万元 (said as an assumed unit), one written in 亿 among them (an outlier).
        let investment = if i == 777 { "3.5".to_string() } else { (20_000 + (i * 37) % 90_000).to_string() };
        let name = if i % 1000 == 5 { String::new() } else { format!("第{i}号{}产业项目", sectors[i % 4]) };
        json += &format!(
            r#"{sep}{{"序号":{},"项目名称":"{name}","所属行业":"{}","项目地点":"{}","总投资":{investment},"合作方式":["独资","合资"],"是否重点":{},"附件":{{"url":"x"}},"项目简介":"建设年产{i}吨生产线，配套研发中心与仓储物流设施。"}}"#,
            i + 1,
            sectors[i % 4],
            places[i % places.len()],
            i % 2 == 0,
        );
    }
    json += "]}}";
    let bytes = json.into_bytes();
    assert!(bytes.len() > 2 << 20, "{}", bytes.len());
    let whole = Matcher::new(load_bytes(&bytes, "list.json").unwrap());
    let read = Matcher::from_source_into(&bytes.as_slice(), "list.json", Box::new(Chunks::default())).unwrap();
    assert_eq!(read.len(), whole.len());
    assert_eq!(whole.rejected().len(), 12);
    assert!(whole.warnings().len() >= 2, "{:?}", whole.warnings());
    assert!((0..whole.len()).all(|i| read.project(i) == whole.project(i)));
    assert_eq!(format!("{:?}", read.rejected()), format!("{:?}", whole.rejected()));
    assert_eq!(format!("{:?}", read.warnings()), format!("{:?}", whole.warnings()));
    assert_eq!(format!("{:?}", read.reading()), format!("{:?}", whole.reading()));
    assert_eq!(read.facets(), whole.facets());
    // The whole-column decisions were made: ids from 序号, 万元 from the magnitudes, 东部新区 in 成都.
    let p = whole.project(2).unwrap();
    assert_eq!(p.id, "3");
    assert_eq!(p.investment.unwrap().min, (20_000 + 2 * 37) * 10_000);
    let g = opportunity_matcher::gazetteer::Gazetteer::global();
    assert_eq!(g.city_of(p.region).map(|c| g.region(c).name.clone()).as_deref(), Some("成都市"), "{}", p.region_text);
    for q in [
        Query { industry: Some("新能源".into()), region: Some("成都".into()), ..Query::default() },
        Query { budget: Some("5亿".into()), ..Query::default() },
    ] {
        assert_eq!(read.rank(&q), whole.rank(&q), "{q:?}");
    }
}

/// A CSV or TSV list larger than the pieces it is read in is split where its bytes are, never
/// copied whole: records and characters cut by a piece's end, quoted line breaks and doubled
/// quotes, CRLF, a byte order mark, title rows above the header — and read exactly as `load_bytes`
/// reads a copy. A list in GBK (not UTF-8) is read from a copy, as before.
#[test]
fn a_large_csv_list_is_read_in_pieces_where_its_bytes_are() {
    use opportunity_matcher::list::{load_bytes, read_table_at, ReadingChoices, Vocabulary};
    use opportunity_matcher::oml::Chunks;
    use opportunity_matcher::rank::Matcher;
    let table = |sep: &str, end: &str| {
        let mut t =
            format!("2026年成都市重点招商引资项目清单{end}单位：万元{end}序号{sep}项目名称{sep}项目地点{sep}总投资{sep}项目简介{end}");
        for i in 0..9_000 {
            let name = if i % 97 == 3 { format!("\"第{i}号\"\"新能源\"\"项目\"") } else { format!("第{i}号电池材料项目") };
            let about = if i % 13 == 0 {
                format!("\"建设年产{i}吨生产线，{end}配套研发中心。\"")
            } else {
                format!("建设年产{i}吨正极材料生产线，配套建设研发中心、检测中心、仓储物流设施及员工生活配套，达产后年产值约{i}万元，带动上下游企业集聚发展。")
            };
            t += &format!("{}{sep}{name}{sep}成都市双流区{sep}{}{sep}{about}{end}", i + 1, 20_000 + i % 500);
        }
        t
    };
    let csv = table(",", "\r\n");
    let tsv = table("\t", "\n");
    let gbk: Vec<u8> = {
        // Every character here is in GBK's two-byte range: a 项目名称 header and rows of 测试项目.
        let mut b = b"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,\xcf\xee\xc4\xbf\xb5\xd8\xb5\xe3\n".to_vec();
        let row = [b"\xb2\xe2\xca\xd4\xcf\xee\xc4\xbf".repeat(30).as_slice(), b",\xb3\xc9\xb6\xbc\n"].concat();
        while b.len() < 9 << 18 {
            b.extend_from_slice(&row);
        }
        b
    };
    let files = [
        (csv.clone().into_bytes(), "list.csv"),
        ([b"\xef\xbb\xbf".as_slice(), csv.as_bytes()].concat(), "list.csv"),
        (tsv.into_bytes(), "list.tsv"),
        (gbk, "list.csv"),
    ];
    for (bytes, name) in &files {
        assert!(bytes.len() > 2 << 20, "{}", bytes.len());
        let watched = Watched::new(bytes);
        let in_place = Matcher::from_source_into(&watched, name, Box::new(Chunks::default())).unwrap();
        let whole = Matcher::new(load_bytes(bytes, name).unwrap());
        assert!(whole.len() >= 8_000, "{name}: {}", whole.len());
        assert_eq!(in_place.len(), whole.len(), "{name}");
        assert!((0..whole.len()).all(|i| in_place.project(i) == whole.project(i)), "{name}");
        assert_eq!(format!("{:?}", in_place.rejected()), format!("{:?}", whole.rejected()), "{name}");
        assert_eq!(format!("{:?}", in_place.warnings()), format!("{:?}", whole.warnings()), "{name}");
        assert_eq!(format!("{:?}", in_place.reading()), format!("{:?}", whole.reading()), "{name}");
        assert_eq!(in_place.encoding(), whole.encoding(), "{name}");
        let read = read_table_at(&watched, name, Vocabulary::List, &ReadingChoices::default()).unwrap();
        assert_eq!(read.rows.len(), whole.len() + whole.rejected().len(), "{name}");
    }
    // The UTF-8 files were never copied whole: read a megabyte at a time at most.
    for (bytes, name) in &files[..3] {
        let watched = Watched::new(bytes);
        Matcher::from_source_into(&watched, name, Box::new(Chunks::default())).unwrap();
        assert!(watched.1.get() <= 1 << 20, "{name}: read {} bytes at once", watched.1.get());
    }
}
