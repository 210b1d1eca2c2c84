//! Ranking behaviour an investor would notice, on the bundled illustrative list and on the
//! project's own fixtures.

use opportunity_matcher::gazetteer::Gazetteer;
use opportunity_matcher::list::{load_bytes, OpportunityList};
use opportunity_matcher::rank::{Matcher, Query, RankResponse};
use opportunity_matcher::taxonomy::Taxonomy;

const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/opportunity-list.json");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> OpportunityList {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load_bytes(&bytes, path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn bundled() -> Matcher {
    Matcher::new(load(BUNDLED))
}

fn q(industry: &str, budget: &str, region: &str) -> Query {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Query { industry: some(industry), budget: some(budget), region: some(region), top: Some(20), ..Query::default() }
}

fn province_name(m: &Matcher, index: usize) -> String {
    let g = Gazetteer::global();
    let p = m.project(index).unwrap();
    g.region(g.province_of(p.region)).name.clone()
}

fn city_name(m: &Matcher, index: usize) -> Option<String> {
    let g = Gazetteer::global();
    let p = m.project(index).unwrap();
    g.city_of(p.region).map(|c| g.region(c).name.clone())
}

fn mentions(m: &Matcher, index: usize, words: &[&str]) -> bool {
    let p = m.project(index).unwrap();
    let text = format!("{} {} {}", p.name, p.sector, p.tags.join(" "));
    words.iter().any(|w| text.contains(w))
}

#[test]
fn the_bundled_list_loads_cleanly_and_is_big_enough() {
    let list = load(BUNDLED);
    assert!(list.rejected.is_empty(), "{:?}", list.rejected.iter().map(|r| r.message(opportunity_matcher::Lang::En)).collect::<Vec<_>>());
    assert!(list.projects.len() >= 150, "{}", list.projects.len());
    let g = Gazetteer::global();
    let mut provinces: Vec<_> = list.projects.iter().map(|p| g.province_of(p.region)).collect();
    provinces.sort();
    provinces.dedup();
    assert!(provinces.len() >= 10, "{} provinces", provinces.len());
}

#[test]
fn traditional_power_battery_query_finds_power_battery_projects_in_chengdu() {
    let m = bundled();
    let r = m.rank(&q("動力電池", "30億", "成都"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let first = &r.results[0];
    assert!(mentions(&m, first.index, &["动力电池", "电池"]), "{}", first.name);
    assert_eq!(city_name(&m, first.index).as_deref(), Some("成都市"));
    assert!(first.reasons.iter().any(|x| x.starts_with("地区") && x.contains("成都")), "{:?}", first.reasons);
    assert!(first.reasons.iter().any(|x| x.starts_with("预算")), "{:?}", first.reasons);
    assert!(r.results.iter().all(|x| (0.0..=1.0).contains(&x.score)));
    assert!(r.results.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn simplified_traditional_and_english_queries_agree() {
    let m = bundled();
    let ids = |r: RankResponse| r.results.iter().take(5).map(|x| x.id.clone()).collect::<Vec<_>>();
    let hans = ids(m.rank(&q("动力电池", "", "")));
    let hant = ids(m.rank(&q("動力電池", "", "")));
    assert_eq!(hans, hant);
    let en = m.rank(&q("power battery", "", ""));
    assert!(mentions(&m, en.results[0].index, &["电池"]), "{}", en.results[0].name);
}

#[test]
fn rong_means_chengdu() {
    let m = bundled();
    let r = m.rank(&q("", "", "蓉"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.query.region.len(), 1);
    assert!(r.query.region[0].name.contains("成都"));
    for x in r.results.iter().take(5) {
        assert_eq!(city_name(&m, x.index).as_deref(), Some("成都市"), "{}", x.name);
    }
}

#[test]
fn chengyu_covers_sichuan_and_chongqing() {
    let m = bundled();
    let r = m.rank(&Query { region: Some("成渝".into()), top: Some(1000), ..Query::default() });
    let inside: Vec<String> = r.results.iter().filter(|x| x.parts.region == Some(1.0)).map(|x| province_name(&m, x.index)).collect();
    assert!(inside.iter().any(|p| p == "四川省"));
    assert!(inside.iter().any(|p| p == "重庆市"));
    assert!(inside.iter().all(|p| p == "四川省" || p == "重庆市"), "{inside:?}");
    let outside = r.results.iter().filter(|x| x.parts.region != Some(1.0)).count();
    assert!(outside > 0, "region is a preference, not a filter");
}

#[test]
fn food_and_beverage_in_english_finds_the_food_sector() {
    let m = bundled();
    let r = m.rank(&q("food and beverage", "", ""));
    let t = Taxonomy::global();
    let food = t.lookup("食品饮料").expect("食品饮料 in the taxonomy");
    for x in r.results.iter().take(5) {
        let p = m.project(x.index).unwrap();
        let node = t.lookup(&p.sector).or_else(|| t.classify(&p.sector).first().copied());
        assert_eq!(node.map(|n| t.sector_of(n)), Some(food), "{} ({})", p.name, p.sector);
    }
}

#[test]
fn a_small_budget_does_not_put_a_huge_project_first() {
    let m = bundled();
    let r = m.rank(&q("", "5000万", ""));
    let first = m.project(r.results[0].index).unwrap();
    let sought = first.sought().map(|a| a.min).unwrap_or(0);
    assert!(sought <= 100_000_000, "{} seeks {sought}", first.name);
    let r = m.rank(&q("新能源汽车", "5000万", ""));
    let first = m.project(r.results[0].index).unwrap();
    assert!(first.sought().is_none_or(|a| a.min < 10_000_000_000), "{}", first.name);
}

#[test]
fn garbage_in_every_field_gives_warnings_and_still_a_ranking() {
    let m = bundled();
    let r = m.rank(&Query {
        industry: Some("%%%###".into()),
        budget: Some("abc".into()),
        region: Some("火星".into()),
        sector: Some("qwertyuiop".into()),
        investment: Some("lots".into()),
        ..Query::default()
    });
    assert!(r.warnings.iter().any(|w| w.contains("abc")), "{:?}", r.warnings);
    assert!(r.warnings.iter().any(|w| w.contains("火星")), "{:?}", r.warnings);
    assert!(r.warnings.len() >= 4, "{:?}", r.warnings);
    assert_eq!(r.results.len(), 20);
}

#[test]
fn ranking_is_deterministic_and_ties_break_by_id() {
    let m = bundled();
    let a = m.rank(&q("食品", "1亿", "四川"));
    let b = m.rank(&q("食品", "1亿", "四川"));
    assert_eq!(a, b);
    let empty = m.rank(&Query { top: Some(1000), ..Query::default() });
    let unprioritised: Vec<&str> =
        empty.results.iter().filter(|x| m.project(x.index).unwrap().priority.unwrap_or(0) == 0).map(|x| x.id.as_str()).collect();
    let mut sorted = unprioritised.clone();
    sorted.sort();
    assert_eq!(unprioritised, sorted);
}

#[test]
fn reasons_come_in_the_query_language() {
    let m = bundled();
    let mut query = q("動力電池", "30億", "成都");
    query.lang = Some("zh-Hant".into());
    let r = m.rank(&query);
    assert!(r.results[0].reasons.iter().any(|x| x.starts_with("地區：")), "{:?}", r.results[0].reasons);
    query.lang = Some("en".into());
    let r = m.rank(&query);
    assert!(r.results[0].reasons.iter().any(|x| x.starts_with("Region: ")), "{:?}", r.results[0].reasons);
    assert!(r.results[0].reasons.iter().any(|x| x.contains("3 billion yuan")), "{:?}", r.results[0].reasons);
    // never "3,000 million"
}

#[test]
fn utf8_and_gbk_copies_give_identical_rankings() {
    let utf8 = Matcher::new(load(&fixture("sample-utf8.csv")));
    let gbk_list = load(&fixture("sample-gbk.csv"));
    assert_eq!(gbk_list.encoding, opportunity_matcher::list::Encoding::Gb18030);
    let gbk = Matcher::new(gbk_list);
    assert_eq!(utf8.to_list().projects, gbk.to_list().projects);
    for query in [q("動力電池", "30億", "成都"), q("食品", "", "四川"), q("AI", "5亿", "重庆")] {
        assert_eq!(utf8.rank(&query), gbk.rank(&query));
    }
}

#[test]
fn csv_json_and_crlf_copies_load_the_same_projects() {
    let utf8 = load(&fixture("sample-utf8.csv"));
    let crlf = load(&fixture("sample-utf8-nobom-crlf.csv"));
    let json = load(&fixture("sample.json"));
    assert_eq!(utf8.projects.len(), crlf.projects.len());
    assert_eq!(utf8.projects.len(), json.projects.len());
    for ((a, b), c) in utf8.projects.iter().zip(&crlf.projects).zip(&json.projects) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.name, c.name);
        assert_eq!(a.region, c.region);
        assert_eq!(a.investment.map(|x| x.min), c.investment.map(|x| x.min), "{}", a.name);
    }
}

#[test]
fn when_few_projects_fit_the_answer_says_what_to_loosen() {
    let m = bundled();
    let r = m.rank(&q("文旅", "5000万以内", "贵州"));
    assert!(!r.results.is_empty(), "never an empty screen");
    assert!(r.suggestions.iter().any(|s| s.contains("地区")), "{:?}", r.suggestions);
    assert!(r.suggestions.iter().any(|s| s.contains("预算")), "{:?}", r.suggestions);
    let r = m.rank(&q("钒钛", "1亿", "成都市双流区"));
    assert!(r.results[0].score < 0.75);
    assert!(r.suggestions.iter().any(|s| s.contains("四川省")), "{:?}", r.suggestions);
    // A best result that fits well gets no "few fit" hint, even if few others fit.
    let r = m.rank(&q("白酒", "", "成都市双流区"));
    assert!(r.results[0].score >= 0.75 && r.suggestions.is_empty(), "{:?}", r.suggestions);
    let r = m.rank(&q("动力电池", "30亿", "成都"));
    assert!(r.suggestions.is_empty(), "{:?}", r.suggestions);
}

#[test]
fn an_investor_in_power_batteries_fits_a_vehicle_chain_project_seeking_suppliers() {
    let m = bundled();
    let r = m.rank(&Query { industry: Some("动力电池".into()), top: Some(1000), ..Query::default() });
    let chain = r.results.iter().find(|x| x.reasons.iter().any(|s| s.contains("产业链上下游"))).expect("a chain-link result");
    assert!(chain.parts.industry.unwrap() >= 0.8);
}

#[test]
fn a_budget_typed_without_a_unit_is_read_in_wan_and_said_so() {
    // Investors type figures as lists write them, in 万: a range, a bound, Chinese numerals or a
    // decimal with no unit is not a few thousand yuan. Each reading is said as a warning.
    let m = bundled();
    for (typed, min, max) in [
        ("3000-5000", 30_000_000, Some(50_000_000)),
        ("两三千", 20_000_000, Some(30_000_000)),
        ("一千五", 15_000_000, Some(15_000_000)),
        ("3.5", 35_000, Some(35_000)),
        ("5000以内", 0, Some(50_000_000)),
        ("500以上", 5_000_000, None),
        // A currency is no magnitude: `RMB 500` and `￥500` are 500万 as well.
        ("RMB 500", 5_000_000, Some(5_000_000)),
        ("￥500", 5_000_000, Some(5_000_000)),
    ] {
        let r = m.rank(&Query { lang: Some("en".into()), ..q("", typed, "") });
        let b = r.query.budget.as_ref().unwrap_or_else(|| panic!("{typed}: no budget read"));
        assert_eq!((b.min_yuan, b.max_yuan), (min, max), "{typed}");
        assert!(r.warnings.iter().any(|w| w.contains(typed) && w.contains("no unit")), "{typed}: {:?}", r.warnings);
    }
    // A figure with its own unit, or one already large as yuan, is read as written, silently.
    for (typed, yuan) in [("5k", 5_000), ("100000", 100_000), ("3000万", 30_000_000)] {
        let r = m.rank(&q("", typed, ""));
        assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(yuan), "{typed}");
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
    }
}

#[test]
fn city_nicknames_and_everyday_region_names_are_understood() {
    let m = bundled();
    for (typed, city) in [("魔都", "上海市"), ("帝都", "北京市"), ("金陵", "南京市"), ("雾都", "重庆市"), ("岛城", "青岛市")]
    {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert_eq!(r.query.region.len(), 1, "{typed}");
        assert!(r.query.region[0].name.contains(city), "{typed}: {:?}", r.query.region[0].name);
    }
    // `greater Chengdu` is Chengdu, not the Greater Bay Area; 川西 is Sichuan's western plateau.
    let r = m.rank(&q("", "", "greater Chengdu"));
    assert!(r.query.zones.is_empty() && r.query.region.len() == 1, "{:?} {:?}", r.query.region, r.query.zones);
    assert!(r.query.region[0].name.contains("成都"));
    assert_eq!(m.rank(&q("", "", "川西")).query.zones.len(), 1);
    // Unions of regions as policies and investors name them: read as one zone each, nothing left
    // over, and no project placed outside them fits the region.
    for (typed, outside) in [("中西部", "广东省"), ("粤东西北", "四川省"), ("东三省", "四川省")] {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert_eq!(r.query.zones.len(), 1, "{typed}: {:?}", r.query.zones);
        let fitting: Vec<_> = r.results.iter().filter(|x| x.parts.region.is_some_and(|v| v > 0.5)).collect();
        for x in &fitting {
            assert_ne!(province_name(&m, x.index), outside, "{typed}: {}", x.name);
        }
        // The bundled list is mostly in Sichuan and Chongqing: 中西部 finds them.
        assert!(typed != "中西部" || fitting.len() >= 10, "{typed}: {} fit", fitting.len());
    }
}

/// A small list in Guangdong (the bundled list has few projects there).
fn guangdong() -> Matcher {
    let csv = "项目名称,所在地,行业,总投资\n\
               广州智能装备产业园,广东省广州市,智能制造,5亿元\n\
               佛山陶瓷产业升级项目,广东省佛山市,新型建材,3亿元\n\
               深圳人工智能创新中心,广东省深圳市,人工智能,8亿元\n\
               东莞电子信息产业园,广东省东莞市,电子信息,6亿元\n\
               湛江海洋牧场项目,广东省湛江市,海洋渔业,2亿元\n";
    Matcher::new(load_bytes(csv.as_bytes(), "guangdong.csv").unwrap())
}

#[test]
fn shorthand_for_a_few_cities_is_read_as_those_cities() {
    let m = guangdong();
    for (typed, cities) in [("广佛", ["广州市", "佛山市"]), ("深莞", ["深圳市", "东莞市"]), ("Guangzhou-Foshan", ["广州市", "佛山市"])]
    {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert!(r.query.zones.is_empty(), "{typed}: {:?}", r.query.zones);
        let named: Vec<&str> = r.query.region.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(named, cities, "{typed}");
        assert_eq!(r.results.len(), 5);
        for x in &r.results {
            let city = city_name(&m, x.index).unwrap();
            let full = x.parts.region == Some(1.0);
            assert_eq!(full, cities.contains(&city.as_str()), "{typed}: {} ({city}) {:?}", x.name, x.parts.region);
        }
    }
    // Zones with more members read as places too, none of them "not understood".
    for typed in ["杭州湾", "武汉城市圈", "皖南", "豫北", "西部陆海新通道"] {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert!(r.query.region.len() >= 3, "{typed}: {:?}", r.query.region);
    }
    // 西部陆海新通道 reaches 湛江 (a member), not 深圳.
    let r = m.rank(&q("", "", "西部陆海新通道"));
    let full: Vec<&str> = r.results.iter().filter(|x| x.parts.region == Some(1.0)).map(|x| x.name.as_str()).collect();
    assert_eq!(full, ["湛江海洋牧场项目"]);
}

#[test]
fn a_place_followed_by_chu_wai_is_left_out_never_wanted() {
    let m = guangdong();
    for typed in ["广东，佛山除外", "广东(佛山除外)", "除佛山外的广东", "广东 除了佛山"] {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        let wanted: Vec<&str> = r.query.region.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(wanted, ["广东省"], "{typed}");
        assert_eq!(r.query.excluded.len(), 1, "{typed}");
        assert!(!r.results.iter().any(|x| city_name(&m, x.index).as_deref() == Some("佛山市")), "{typed}");
        assert_eq!(r.results.len(), 4, "{typed}");
    }
}

#[test]
fn any_amount_any_industry_and_any_place_are_no_constraint_and_no_warning() {
    let m = bundled();
    for (industry, budget, region) in [
        ("", "不限", ""),
        ("", "投资额不限", ""),
        ("", "看项目", ""),
        ("", "no limit", ""),
        ("都可以", "", ""),
        ("anything", "", ""),
        ("", "", "任意"),
    ] {
        let r = m.rank(&q(industry, budget, region));
        assert!(r.warnings.is_empty(), "{industry}|{budget}|{region}: {:?}", r.warnings);
        assert!(r.query.budget.is_none() && r.query.industry.is_empty() && r.query.region.is_empty());
        assert_eq!(r.results.len(), 20);
    }
}

#[test]
fn umbrella_words_of_tech_and_food_name_industries() {
    let m = bundled();
    for typed in ["硬科技", "hard tech", "deep tech", "foodtech", "TOD"] {
        let r = m.rank(&q(typed, "", ""));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert!(!r.query.industry.is_empty(), "{typed}");
    }
    // 硬科技 covers chips and AI, not tourism.
    let r = m.rank(&q("硬科技", "", ""));
    let keys: Vec<&str> = r.query.industry.iter().filter_map(|i| i.key.as_deref()).collect();
    assert!(keys.contains(&"ei") && keys.contains(&"digital.ai"), "{keys:?}");
    assert!(!keys.iter().any(|k| k.starts_with("services")), "{keys:?}");
}

#[test]
fn an_investors_sentence_gives_its_parts_and_no_noise() {
    let m = bundled();
    // Only the words of a sentence: all projects, and one warning saying so.
    let r = m.rank(&q("有什么好项目推荐吗", "", ""));
    assert!(r.query.industry.is_empty());
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.results.len(), 20);
    // Who the investor is, then what they want: the place they are from is no region; the words
    // around the industry are not searched for (no "not an industry" warning).
    let r = m.rank(&q("我們是台灣的電子公司，想在昆山投資設廠，約5000萬美金", "", ""));
    let named: Vec<&str> = r.query.region.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(named, ["昆山市"]);
    assert!(r.query.budget.is_some());
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.query.industry.iter().all(|i| i.key.is_some()), "{:?}", r.query.industry);
    let r = m.rank(&q("本公司拟投资3000万元发展现代农业，意向四川", "", ""));
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.results.iter().take(5).all(|x| province_name(&m, x.index) == "四川省"));
}

#[test]
fn parts_of_a_province_are_read_as_their_places_never_as_a_region_with_a_like_name() {
    let m = bundled();
    let g = Gazetteer::global();
    // 渝东北 was read as 东北 (China's north-east) and "渝 not understood"; 赣南 as 甘南 in Gansu.
    for (typed, province) in [("渝东北", "重庆市"), ("渝西", "重庆市"), ("鄂西", "湖北省"), ("赣南", "江西省"), ("环沪", "")]
    {
        let r = m.rank(&q("", "", typed));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert!(r.query.zones.is_empty(), "{typed}: {:?}", r.query.zones);
        assert!(!r.query.region.is_empty(), "{typed}");
        for place in &r.query.region {
            let id = g.by_code(place.code).unwrap();
            let p = &g.region(g.province_of(id)).name;
            assert!(province.is_empty() || p == province, "{typed}: {} in {p}", place.name);
        }
    }
    // Every project that fits 渝东北 fully is in Chongqing.
    let r = m.rank(&q("", "", "渝东北"));
    for x in r.results.iter().filter(|x| x.parts.region == Some(1.0)) {
        assert_eq!(province_name(&m, x.index), "重庆市", "{}", x.name);
    }
    // The budget box: a cap and a floor said as officials and investors say them.
    for (typed, max) in [("上限2亿", Some(200_000_000)), ("2亿封顶", Some(200_000_000)), ("5000万起投", None)] {
        let r = m.rank(&q("", typed, ""));
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
        assert_eq!(r.query.budget.as_ref().unwrap().max_yuan, max, "{typed}");
    }
}
