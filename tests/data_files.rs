//! The data files are checked when the crate builds (`build.rs`): the shipped files pass, and a
//! malformed line is named by file line and reason instead of reaching the program.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/data_checks.rs"]
mod data_checks;

use data_checks::*;

fn data(file: &str) -> String {
    std::fs::read_to_string(format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_shipped_data_files_pass() {
    for (file, check) in [
        ("regions.tsv", regions_line as fn(&str) -> Result<(), String>),
        ("region-extras.tsv", region_extras_line),
        ("econ-zones.tsv", econ_zones_line),
        ("list-headers.tsv", list_headers_line),
        ("t2s.tsv", t2s_line),
        ("list-terms.tsv", list_terms_line),
        ("zone-suffixes.tsv", zone_suffixes_line),
        ("industry-glossary.tsv", glossary_line),
        ("taxonomy-pinyin.tsv", pinyin_line),
    ] {
        assert_eq!(check_lines(&data(file), check), Ok(()), "{file}");
    }
    assert!(taxonomy(&data("taxonomy.json"), &pinyin_map(&data("taxonomy-pinyin.tsv"))).is_ok());
}

#[test]
fn a_malformed_line_is_named_by_its_line_number() {
    let text = "# comment\n\n长三角\t長三角\tYRD\tx\t310000\n成渝\t成渝\tChengyu\tx\t51000\n";
    let (line, why) = check_lines(text, econ_zones_line).unwrap_err();
    assert_eq!(line, 4);
    assert!(why.contains("\"51000\" is not a six-digit code"), "{why}");

    assert_eq!(check_lines("abbr\t510000\t川蜀\n", region_extras_line).unwrap_err().0, 1);
    assert!(check_lines("zonex\t510100\tx\n", region_extras_line).unwrap_err().1.contains("unknown kind"));
    assert!(check_lines("項\t项\n顆粒\t颗\n", t2s_line).unwrap_err().0 == 2);
    assert!(check_lines("name\t名称\t名稱\tname\n", list_headers_line).unwrap_err().1.contains("5 non-empty"));
    assert!(check_lines("510100\t\n", regions_line).unwrap_err().1.contains("name"));
    let (line, why) = check_lines("stage\t在谈\t在談\tIn talks\nphase\t前期\t前期\tPreparation\n", list_terms_line).unwrap_err();
    assert_eq!((line, why.contains("unknown kind \"phase\"")), (2, true), "{why}");
    assert_eq!(check_lines("# c\nsuffix\t新区\t新區\n", zone_suffixes_line).unwrap_err().0, 2, "a missing English column");
    assert!(check_lines("word\t东\t東\t東\n", zone_suffixes_line).unwrap_err().1.contains("non-ASCII"));
}

#[test]
fn a_broken_taxonomy_names_the_line_of_the_node() {
    let json = "{\"format\": \"opportunity-matcher-taxonomy/1\", \"nodes\": [\n\
        {\"key\":\"a\",\"zh-Hans\":\"甲\",\"zh-Hant\":\"甲\",\"en\":\"A\"},\n\
        {\"key\":\"b\",\"parent\":\"c\",\"zh-Hans\":\"乙\",\"zh-Hant\":\"乙\",\"en\":\"B\"}\n]}";
    let (line, why) = taxonomy(json, &PinyinOf::new()).unwrap_err();
    assert_eq!(line, 3);
    assert!(why.contains("parent `c`"), "{why}");

    let missing_label = json.replace(",\"parent\":\"c\"", "").replace(",\"en\":\"B\"", "");
    let (line, why) = taxonomy(&missing_label, &PinyinOf::new()).unwrap_err();
    assert_eq!((line, why.contains("missing field `en`")), (3, true), "{why}");

    let (line, why) = taxonomy("{\"format\": 1,\n\"nodes\": [,]}", &PinyinOf::new()).unwrap_err();
    assert_eq!(line, 2, "{why}");
}

#[test]
fn a_concept_naming_no_node_and_a_bad_glossary_line_are_named() {
    let json = "{\"format\": \"opportunity-matcher-taxonomy/1\", \"nodes\": [\n\
                {\"key\": \"energy\", \"zh-Hans\": \"能源\", \"zh-Hant\": \"能源\", \"en\": \"Energy\"}],\n\
                \"concepts\": [\n\
                {\"key\": \"green\", \"zh-Hans\": \"绿色\", \"zh-Hant\": \"綠色\", \"en\": \"Green\", \"members\": [\"solar\"]}]}";
    let (line, why) = taxonomy(json, &PinyinOf::new()).unwrap_err();
    assert_eq!(line, 4, "{why}");
    assert!(why.contains("member `solar` is not a node"), "{why}");
    let (line, why) = check_lines("# glossary\nwind power\t风电\nsolar\t\n", glossary_line).unwrap_err();
    assert_eq!(line, 3, "{why}");
    let (line, _) = check_lines("风电\tfengdian\n光伏\tGuang Fu\n", pinyin_line).unwrap_err();
    assert_eq!(line, 2);
}
