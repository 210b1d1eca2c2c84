//! What the matcher understands of what investors actually type (issue 12), and that every reason
//! it gives is true. The words here are deliberately other than the examples: they stand
//! for the same classes of input (umbrella words, current vocabulary, pinyin, English, Traditional,
//! compounds, contractions, unknown words, spoken budgets, regional names).

use opportunity_matcher::fold::fold;
use opportunity_matcher::list::{load_bytes, load_text};
use opportunity_matcher::rank::{Matcher, Query, RankResponse, Weights};
use opportunity_matcher::taxonomy::Taxonomy;

fn bundled() -> Matcher {
    Matcher::new(load_bytes(include_bytes!("../www/data/opportunity-list.json"), "opportunity-list.json").unwrap())
}

fn industry(m: &Matcher, text: &str, top: usize) -> RankResponse {
    m.rank(&Query { industry: Some(text.into()), top: Some(top), ..Query::default() })
}

/// The taxonomy keys the query's industry was read as, each once.
fn keys(r: &RankResponse) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in r.query.industry.iter().filter_map(|i| i.key.clone()) {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

fn key_of(id: &str, m: &Matcher) -> Vec<String> {
    let t = Taxonomy::global();
    let p = m.project(m.position(id).unwrap()).unwrap();
    t.classify_project(&p.name, &p.sector, &p.tags).nodes.iter().map(|n| t.node(*n).key.clone()).collect()
}

// ---- 1. concepts, not strings --------------------------------------------------------------------

#[test]
fn an_umbrella_word_means_its_industries_across_sectors_and_nothing_else() {
    let m = bundled();
    for word in ["清洁能源", "潔淨能源", "clean energy", "qingjienengyuan"] {
        let r = industry(&m, word, 300);
        let ks = keys(&r);
        assert!(ks.contains(&"energy.pv".to_string()) && ks.contains(&"energy.hydro".to_string()), "{word}: {ks:?}");
        assert!(r.query.industry.iter().all(|i| i.concept.is_some()), "{word}: read as the concept");
        // Salt and phosphorus chemical plants are energy-and-chemicals, not clean energy.
        for id in ["SC-0055", "GS-0001"] {
            let x = r.results.iter().find(|x| x.id == id).unwrap();
            assert_eq!(x.parts.industry, Some(0.0), "{word}: {id} {:?}", x.reasons);
        }
        let pv = r.results.iter().find(|x| x.id == "SC-0058").unwrap();
        assert_eq!(pv.parts.industry, Some(1.0), "{word}: a PV plant is clean energy");
        assert!(pv.reasons[0].contains(word), "{:?}", pv.reasons);
    }
    // 生命健康 (an umbrella of the health economy) reaches elderly care and biomedicine alike.
    let r = industry(&m, "生命健康", 300);
    for id in ["SC-0088", "SC-0104", "GZ-0007"] {
        let x = r.results.iter().find(|x| x.id == id).unwrap();
        assert_eq!(x.parts.industry, Some(1.0), "{id}: {:?}", x.reasons);
    }
}

#[test]
fn english_is_matched_by_whole_words_never_by_a_prefix_or_a_near_word() {
    let t = Taxonomy::global();
    // Four-letter words one letter from another industry are themselves, or nothing.
    for (typed, key) in [("wind", Some("energy.wind")), ("wine", Some("food.wine")), ("coal", Some("energy.coal")), ("mine", None)] {
        let q = t.parse_query(typed);
        assert_eq!(q.terms[0].node.map(|n| t.node(n).key.as_str()), key, "{typed}");
        assert!(!q.terms[0].near_miss, "{typed}");
    }
    // A prefix of a word is not that word.
    assert!(t.classify("Chipset Winery").iter().all(|n| t.node(*n).key != "ei.ic"));
    assert_eq!(t.classify("offshore wind farms").iter().map(|n| t.node(*n).key.as_str()).collect::<Vec<_>>(), ["energy.wind.offshore"]);
}

// ---- 2. today's vocabulary ---------------------------------------------------------------------

#[test]
fn current_strategic_and_future_industries_in_three_scripts_and_pinyin() {
    let t = Taxonomy::global();
    let cases: [(&str, &str); 15] = [
        ("脑机接口", "digital.ai.bci"),
        ("腦機介面", "digital.ai.bci"),
        ("brain-computer interfaces", "digital.ai.bci"),
        ("量子计算", "ei.quantum"),
        ("quantum computing", "ei.quantum"),
        ("飞行汽车", "em.aerospace.evtol"),
        ("eVTOL", "em.aerospace.evtol"),
        ("细胞治疗", "bio.cell_gene"),
        ("CAR-T", "bio.cell_gene"),
        ("可控核聚变", "energy.nuclear.fusion"),
        ("压缩空气储能", "energy.storage.physical"),
        ("钠离子电池", "energy.storage.battery"),
        ("工具機", "em.cnc"),
        ("具身智能", "em.intelligent.robot.humanoid"),
        ("xibaozhiliao", "bio.cell_gene"),
    ];
    for (typed, key) in cases.into_iter().chain([
        // Consumer and everyday-service trades investors name (they were "not understood").
        ("宠物食品", "light.pet"),
        ("pet food", "light.pet"),
        ("寵物用品", "light.pet"),
        ("剧本杀", "services.entertainment"),
        ("密室逃脱", "services.entertainment"),
        ("家政服务", "services.household"),
        ("殡葬", "services.household"),
        ("eldercare", "services.wellness.eldercare"),
        ("露营", "services.tourism"),
        ("月子中心", "bio.health_services"),
        ("口腔医院", "bio.health_services"),
        ("婴幼儿托育", "services.education"),
        ("激光雷达", "ei.sensors"),
        ("铜箔", "mat.lithium"),
        ("CXO", "bio.cro"),
        ("chongwu", "light.pet"),
    ]) {
        let q = t.parse_query(typed);
        let got: Vec<&str> = q.terms.iter().filter_map(|x| x.node).map(|n| t.node(n).key.as_str()).collect();
        assert_eq!(got.first().copied(), Some(key), "{typed}: {q:?}");
        assert!(q.not_understood.is_empty() && q.terms.iter().all(|x| x.node.is_some()), "{typed}: {q:?}");
    }
    // Pinyin of umbrella words too (every label's pinyin: src/taxonomy/tests.rs).
    assert_eq!(t.lookup_concept("yinfajingji"), t.lookup_concept("银发经济"));
    assert!(t.lookup_concept("yinfajingji").is_some());
}

// ---- 3. compounds and several industries --------------------------------------------------------

#[test]
fn the_most_specific_reading_of_a_compound_wins() {
    let t = Taxonomy::global();
    let read = |text: &str| -> Vec<String> {
        t.parse_query(text).terms.iter().filter_map(|x| x.node).map(|n| t.node(n).key.clone()).collect::<Vec<_>>()
    };
    // The head is what is asked; the words before it qualify it.
    assert_eq!(read("锂电池电解液"), ["mat.lithium.electrolyte"]);
    assert_eq!(read("光伏逆变器"), ["em.energy_equipment"]);
    assert_eq!(read("白酒包装材料"), ["mat.packaging"]);
    assert_eq!(read("储能电池正极材料"), ["mat.lithium.cathode"]);
    // Words that do not qualify each other are several industries.
    assert_eq!(read("白酒芯片"), ["food.baijiu", "ei.ic"]);
}

#[test]
fn several_industries_in_one_query() {
    let t = Taxonomy::global();
    let read = |text: &str| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for k in t.parse_query(text).terms.iter().filter_map(|x| x.node).map(|n| t.node(n).key.clone()) {
            if !v.contains(&k) {
                v.push(k);
            }
        }
        v
    };
    assert_eq!(read("茶叶+预制菜"), ["food.tea", "food.prepared"]);
    assert_eq!(read("氢能＋储能"), ["energy.hydrogen", "energy.storage"]);
    assert_eq!(read("水电、核能"), ["energy.hydro", "energy.nuclear"]);
    assert_eq!(read("芯片和软件"), ["ei.ic", "ei.software"]);
    assert_eq!(read("tea or coffee"), ["food.tea", "food.beverage"]);
    // Two-character contractions of two industries (风 + 储, 医 + 养).
    assert_eq!(read("风储"), ["energy.wind", "energy.storage"]);
    assert_eq!(read("医养"), ["bio.health_services", "services.wellness.eldercare"]);
}

// ---- 4. unknown words -------------------------------------------------------------------------

#[test]
fn an_unknown_word_is_said_and_matched_in_the_projects_own_text() {
    let m = bundled();
    // Partly known: 猕猴桃 is 水果, 果脯 is not; the warning says what was recognised.
    let r = industry(&m, "猕猴桃果脯", 5);
    assert_eq!(r.warnings, ["只认出“猕猴桃果脯”中的“猕猴桃”，其余按项目名称、标签和简介中的字词匹配"], "{:?}", r.warnings);
    assert!(r.results[0].name.contains("猕猴桃"));
    let r = industry(&m, "枇杷膏", 5);
    assert_eq!(r.warnings, ["没有认出“枇杷膏”这个行业，按项目名称、标签和简介中的字词匹配"], "{:?}", r.warnings);
    assert_eq!(r.results[0].id, "SC-0090", "the loquat park, by its own text");
    assert!(r.results[0].reasons[0].contains("枇杷"), "{:?}", r.results[0].reasons);
    // In Traditional and English the same message.
    let r = m.rank(&Query { industry: Some("枇杷膏".into()), lang: Some("zh-Hant".into()), ..Query::default() });
    assert_eq!(r.warnings, ["沒有認出「枇杷膏」這個行業，按項目名稱、標籤和簡介中的字詞匹配"]);
    let r = m.rank(&Query { industry: Some("枇杷膏".into()), lang: Some("en".into()), ..Query::default() });
    assert!(r.warnings[0].contains("not an industry") && r.warnings[0].contains("descriptions"), "{:?}", r.warnings);
}

#[test]
fn english_the_taxonomy_lacks_goes_through_the_glossary() {
    let m = bundled();
    let r = m.rank(&Query { industry: Some("loquats".into()), lang: Some("en".into()), top: Some(3), ..Query::default() });
    assert_eq!(r.query.industry[0].read_as.as_deref(), Some("枇杷"));
    assert_eq!(r.results[0].id, "SC-0090");
    assert!(r.warnings[0].contains("枇杷"), "{:?}", r.warnings);
    assert!(r.results[0].reasons[0].contains("枇杷"), "{:?}", r.results[0].reasons);
    // A glossary reading the taxonomy knows becomes its node.
    let r = industry(&m, "wheelchairs", 3);
    assert_eq!(keys(&r), ["bio.devices"]);
    assert!(Taxonomy::global().glossary_len() > 300);
}

// ---- 5. classification: tests/classification.rs ---------------------------------------------------

// ---- 6. budgets ---------------------------------------------------------------------------------

#[test]
fn spoken_budgets_are_understood_and_echoed_in_the_currency_typed_and_in_yuan() {
    let m = bundled();
    let budget = |text: &str, lang: &str| {
        let r = m.rank(&Query { budget: Some(text.into()), lang: Some(lang.into()), top: Some(1), ..Query::default() });
        assert!(r.warnings.is_empty(), "{text}: {:?}", r.warnings);
        let b = r.query.budget.unwrap_or_else(|| panic!("{text} understood"));
        (b.min_yuan, b.max_yuan, b.text)
    };
    assert_eq!(budget("三个亿", "zh-Hans"), (300_000_000, Some(300_000_000), "3亿元".into()));
    assert_eq!(budget("八千w", "zh-Hans"), (80_000_000, Some(80_000_000), "8000万元".into()));
    assert_eq!(budget("2kw", "zh-Hans"), (20_000_000, Some(20_000_000), "2000万元".into()));
    assert_eq!(budget("破亿", "zh-Hans"), (100_000_000, None, "1亿元以上".into()));
    assert_eq!(budget("差不多5个亿", "zh-Hans").0, 500_000_000);
    assert_eq!(budget("三四千万", "zh-Hans").0..=budget("三四千万", "zh-Hans").1.unwrap(), 30_000_000..=40_000_000);
    assert_eq!(budget("NT$ 50億", "zh-Hant"), (1_100_000_000, Some(1_100_000_000), "50億新臺幣（約11億元）".into()));
    assert_eq!(budget("新台币2亿", "zh-Hans").2, "2亿新台币（约4400万元）");
    assert_eq!(budget("MOP 200 million", "en").2, "200 million MOP (about 176 million yuan)");
    assert_eq!(budget("S$30m", "en").2, "30 million SGD (about 159 million yuan)");
    assert_eq!(budget("澳門幣5000萬", "zh-Hant").0, 44_000_000);
    // A range whose ends are vague, and "at least" in everyday words.
    assert_eq!(budget("几千万到一个亿", "zh-Hans").0..=budget("几千万到一个亿", "zh-Hans").1.unwrap(), 20_000_000..=100_000_000);
    assert_eq!(budget("起码5000万", "zh-Hans"), (50_000_000, None, "5000万元以上".into()));
    // "Money is no object" is no budget, and no warning.
    for text in ["不差钱", "越多越好"] {
        let r = m.rank(&Query { budget: Some(text.into()), top: Some(1), ..Query::default() });
        assert!(r.query.budget.is_none() && r.warnings.is_empty(), "{text}: {:?}", r.warnings);
    }
}

#[test]
fn a_part_typed_in_the_wrong_box_moves_to_its_own_blank_box_and_is_said() {
    let m = bundled();
    let ask = |q: Query| m.rank(&Query { lang: Some("en".into()), top: Some(3), ..q });
    // A budget with the region, a place with the budget, an industry with either.
    let r = ask(Query { region: Some("成都 5000万".into()), ..Query::default() });
    assert_eq!(
        (r.query.budget.as_ref().map(|b| b.min_yuan), r.query.region.iter().map(|x| x.code).collect::<Vec<_>>()),
        (Some(50_000_000), vec![510100])
    );
    assert!(r.warnings.iter().any(|w| w.contains("\"5000万\" was read as the budget (typed with the region)")), "{:?}", r.warnings);
    let r = ask(Query { budget: Some("50 million, Chengdu".into()), ..Query::default() });
    assert_eq!(
        (r.query.budget.as_ref().map(|b| b.min_yuan), r.query.region.iter().map(|x| x.code).collect::<Vec<_>>()),
        (Some(50_000_000), vec![510100])
    );
    let r = ask(Query { region: Some("新能源 成都".into()), ..Query::default() });
    assert!(!r.query.industry.is_empty() && r.query.region.len() == 1, "{:?}", r.query);
    // A place left out stays left out; a filled box is not overwritten; a region that reads whole
    // (a zone of several English words) is not taken apart.
    let r = ask(Query { region: Some("Sichuan except Chengdu, 50 million".into()), ..Query::default() });
    assert_eq!(r.query.excluded.iter().map(|x| x.code).collect::<Vec<_>>(), [510100]);
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(50_000_000));
    let r = ask(Query { region: Some("成都 5000万".into()), budget: Some("1亿".into()), ..Query::default() });
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(100_000_000));
    let r = ask(Query { region: Some("Hainan Free Trade Port".into()), ..Query::default() });
    assert!(r.warnings.is_empty() && r.query.industry.is_empty(), "{:?}", r.warnings);
    let r = ask(Query { budget: Some("2 billion yuan".into()), ..Query::default() });
    assert!(r.warnings.is_empty() && r.query.region.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_budget_with_other_words_reads_its_amount_and_says_what_was_not_used() {
    let m = bundled();
    for (text, min, unused) in [
        ("预算有限，几百万", 2_000_000u64, "预算有限"),
        ("我的预算是五千万", 50_000_000, "我的预算是"),
        ("our budget is about 20 million USD", 142_000_000, "our budget is"),
    ] {
        let r = m.rank(&Query { budget: Some(text.into()), lang: Some("en".into()), top: Some(1), ..Query::default() });
        assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(min), "{text}");
        assert!(r.warnings.iter().any(|w| w.contains(&format!("\"{unused}\" was not used"))), "{text}: {:?}", r.warnings);
    }
}

#[test]
fn one_message_per_unreadable_budget() {
    let m = bundled();
    for text in ["0", "0元", "零"] {
        let r = m.rank(&Query { budget: Some(text.into()), ..Query::default() });
        assert_eq!(r.warnings.len(), 1, "{text}: {:?}", r.warnings);
        assert!(r.query.budget.is_none());
    }
}

// ---- 7. regions ---------------------------------------------------------------------------------

#[test]
fn regions_as_investors_name_them() {
    let m = bundled();
    let region = |text: &str| m.rank(&Query { region: Some(text.into()), top: Some(400), ..Query::default() });
    // A regional name covers its provinces: 华中 is Henan, Hubei, Hunan.
    let r = region("华中");
    assert_eq!(r.query.zones, ["华中地区"]);
    let inside: Vec<&str> = r.results.iter().filter(|x| x.parts.region == Some(1.0)).map(|x| x.id.as_str()).collect();
    assert!(inside.contains(&"HB-0001") && inside.contains(&"HN-0002"), "{inside:?}");
    assert!(!inside.iter().any(|id| id.starts_with("SC")), "{inside:?}");
    // A broad area is no neighbourhood: typing 武汉 does not make Shanghai a neighbour through 长江经济带.
    let r = region("武汉");
    let sh = r.results.iter().find(|x| x.id == "SH-0001").unwrap();
    assert_eq!(sh.parts.region, Some(0.1), "{:?}", sh.reasons);
    // A park under its true city.
    let r = region("前湾新区");
    assert_eq!(r.query.region[0].name, "宁波前湾新区");
    // A partial Latin name resolves to the first suggestion.
    let g = opportunity_matcher::gazetteer::Gazetteer::global();
    let first = match g.suggest("Kunmi", 1)[0] {
        opportunity_matcher::gazetteer::Suggestion::Region(id) => g.display_name(id, opportunity_matcher::Lang::ZhHans),
        opportunity_matcher::gazetteer::Suggestion::Zone(_) => unreachable!(),
    };
    assert_eq!(region("Kunmi").query.region[0].name, first);
}

// ---- 8. reasons are true -------------------------------------------------------------------------

#[test]
fn a_text_reason_cites_only_words_the_project_has() {
    let m = bundled();
    for word in ["海洋生物育种", "冷链果品", "枇杷膏", "电子竞技馆"] {
        let r = industry(&m, word, 10);
        for x in &r.results {
            let reason = &x.reasons[0];
            if !(reason.contains("名称或标签含") || reason.contains("简介提到")) {
                continue;
            }
            let p = m.project(x.index).unwrap();
            let text = fold(&format!(
                "{} {} {} {} {}",
                p.name,
                p.sector,
                p.tags.join(" "),
                p.description.clone().unwrap_or_default(),
                p.name_en.clone().unwrap_or_default()
            ));
            // Every quoted word is in the project's text, but the typed one when cited as "part of".
            let mut cited: Vec<&str> = reason.split('“').skip(1).filter_map(|s| s.split('”').next()).collect();
            if reason.contains("的一部分") {
                cited.pop();
            }
            assert!(!cited.is_empty(), "{reason}");
            for w in cited {
                assert!(text.contains(w), "{word}: {} does not contain {w:?} ({reason})", p.name);
            }
        }
    }
}

#[test]
fn an_open_at_least_budget_never_calls_a_larger_amount_above_it() {
    let m = bundled();
    for text in ["上千万", "1亿以上", "at least 50 million"] {
        let r = m.rank(&Query { budget: Some(text.into()), top: Some(300), ..Query::default() });
        for x in &r.results {
            assert!(!x.reasons.iter().any(|s| s.contains("超出") || s.contains("远超")), "{text}: {:?}", x.reasons);
            assert!(!x.reasons.iter().any(|s| s.contains("above your budget")), "{text}: {:?}", x.reasons);
        }
    }
}

#[test]
fn a_reasons_sector_is_the_sector_the_project_declares() {
    let m = bundled();
    let t = Taxonomy::global();
    for q in ["集成电路", "云计算", "白酒", "锂电正极材料", "康养", "创新药"] {
        let r = industry(&m, q, 200);
        for x in &r.results {
            let reason = &x.reasons[0];
            let Some(said) = reason.split("同属").nth(1).and_then(|rest| rest.strip_suffix("领域")) else { continue };
            let p = m.project(x.index).unwrap();
            let Some(declared) = t.lookup(&p.sector).or_else(|| t.classify(&p.sector).first().copied()) else { continue };
            assert_eq!(said, t.label(t.sector_of(declared), opportunity_matcher::Lang::ZhHans), "{q}: {} ({}): {reason}", p.name, p.sector);
        }
    }
}

#[test]
fn pumped_storage_is_no_battery_plant() {
    let m = bundled();
    for q in ["动力电池", "電芯", "battery cells"] {
        let r = industry(&m, q, 300);
        let pumped = r.results.iter().find(|x| x.id == "SC-0059").unwrap();
        let cells = r.results.iter().find(|x| x.id == "CQ-0002").unwrap();
        assert!(pumped.parts.industry.unwrap() < 0.5, "{q}: {:?}", pumped.reasons);
        assert_eq!(cells.parts.industry, Some(1.0));
    }
    assert!(key_of("SC-0059", &m).contains(&"energy.storage.pumped".to_string()));
}

// ---- 9. ties -------------------------------------------------------------------------------------

#[test]
fn ties_go_to_the_projects_own_text_then_priority_then_id() {
    let csv = "id,name,sector,tags,region,priority\n\
               P-1,眉山钢材加工项目,先进材料,钢材,眉山市,\n\
               P-2,乐山特钢项目,先进材料,钢材,乐山市,10\n\
               P-3,攀枝花钢铁冶炼项目,先进材料,钢材,攀枝花市,\n\
               P-4,内江钢材项目,先进材料,钢材,内江市,90\n\
               P-5,自贡钢材项目,先进材料,钢材,自贡市,\n";
    let m = Matcher::new(load_text(csv, "x.csv").unwrap());
    let q = Query { industry: Some("钢铁".into()), weights: Some(Weights { priority: 0.0, ..Weights::default() }), ..Query::default() };
    let r = m.rank(&q);
    let ids: Vec<&str> = r.results.iter().map(|x| x.id.as_str()).collect();
    assert!(r.results.iter().all(|x| x.score == r.results[0].score), "all fit 钢铁 alike");
    // 钢铁 in its own name first; then the publisher's priority; then id.
    assert_eq!(ids, ["P-3", "P-4", "P-2", "P-1", "P-5"]);
}

// ---- a whole sentence in the industry box --------------------------------------------------------

#[test]
fn a_sentence_in_the_industry_box_gives_the_budget_and_region_it_names() {
    let m = bundled();
    for (text, industry, budget_min, region) in [
        ("打算在川南投个三千万搞白酒配套", "food.baijiu", 30_000_000u64, None),
        ("We'd like to invest about USD 10 million in medical devices near Wuhan", "bio.devices", 71_000_000, Some("Wuhan")),
        ("宜宾 動力電池 2億", "em.nev.battery", 200_000_000, Some("Yibin")),
    ] {
        let r = m.rank(&Query { industry: Some(text.into()), lang: Some("en".into()), top: Some(5), ..Query::default() });
        assert_eq!(keys(&r).first().map(String::as_str), Some(industry), "{text}: {:?}", r.query.industry);
        assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(budget_min), "{text}");
        let regions: Vec<&str> = r.query.region.iter().map(|x| x.name.as_str()).collect();
        match region {
            Some(name) => assert_eq!(regions, [name], "{text}"),
            None => assert_eq!(r.query.zones.len(), 1, "{text}: 川南 is a zone"),
        }
        assert!(r.warnings.iter().any(|w| w.contains("typed with the industry")), "{text}: {:?}", r.warnings);
        assert!(!r.warnings.iter().any(|w| w.contains("not an industry")), "{text}: {:?}", r.warnings);
        assert!(!r.results.is_empty(), "{text}");
    }
    // A filled budget box is kept: the figure in the industry text is not taken over it.
    let r = m.rank(&Query { industry: Some("在成都投五千万做新能源".into()), budget: Some("1亿".into()), ..Query::default() });
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(100_000_000));
    assert_eq!(r.query.region.len(), 1);
}

// ---- places left out ------------------------------------------------------------------------------

#[test]
fn a_place_left_out_is_never_read_as_wanted_and_its_projects_are_not_ranked() {
    let m = bundled();
    let g = opportunity_matcher::gazetteer::Gazetteer::global();
    // How many results lie in the place with this code.
    let in_place = |r: &RankResponse, code: u32| {
        let place = g.resolve_place(&code.to_string()).region.unwrap();
        r.results.iter().filter(|x| g.is_within(m.project(m.position(&x.id).unwrap()).unwrap().region, place)).count()
    };
    let rank = |region: &str| {
        m.rank(&Query { industry: Some("动力电池".into()), region: Some(region.into()), top: Some(30), ..Query::default() })
    };
    let everywhere = rank("");
    assert!(in_place(&everywhere, 510100) > 0, "the bundled list has Chengdu battery projects");
    for text in [
        "成都以外",
        "除了成都",
        "除成都外",
        "Anywhere but Chengdu",
        "四川（不含成都）",
        "Sichuan except Chengdu",
        "四川省內，不包括成都、綿陽",
    ] {
        let r = rank(text);
        assert_eq!(r.query.excluded.first().map(|x| x.code), Some(510100), "{text}: {:?}", r.query);
        assert!(!r.query.region.iter().any(|x| x.code == 510100), "{text}: Chengdu is never a place wanted");
        assert_eq!(in_place(&r, 510100), 0, "{text}: no Chengdu project is ranked");
        assert!(!r.results.is_empty(), "{text}");
        assert!(r.warnings.is_empty(), "{text}: {:?}", r.warnings);
    }
    // What is wanted beside it still counts: Sichuan outside Chengdu first.
    let r = rank("四川（不含成都）");
    assert_eq!(r.query.region.iter().map(|x| x.code).collect::<Vec<_>>(), [510000]);
    assert_eq!(r.results[0].id.split('-').next(), Some("SC"));
    // A zone can be left out too.
    let r = rank("长三角以外");
    assert_eq!(r.query.excluded_zones.len(), 1);
    assert!(
        r.results.iter().all(|x| !["SH", "JS", "ZJ", "AH"].contains(&x.id.split('-').next().unwrap())),
        "{:?}",
        r.results.iter().map(|x| &x.id).collect::<Vec<_>>()
    );
}

#[test]
fn a_budget_between_two_bounds_or_with_a_second_thought_reads_as_investors_mean_it() {
    let m = bundled();
    let budget = |text: &str| {
        let r = m.rank(&Query { budget: Some(text.into()), lang: Some("zh-Hans".into()), top: Some(3), ..Query::default() });
        (r.query.budget.map(|b| (b.min_yuan, b.max_yuan)), r.warnings)
    };
    // `五百到一千万` was 500 yuan to 1000万: a silent wrong value.
    assert_eq!(budget("五百到一千万"), (Some((5_000_000, Some(10_000_000))), vec![]));
    assert_eq!(budget("两亿以上五亿以下"), (Some((200_000_000, Some(500_000_000))), vec![]));
    assert_eq!(budget("起码3000万，最多8000万").0, Some((30_000_000, Some(80_000_000))));
    let (read, warnings) = budget("8000万以内，最好5000万左右");
    assert_eq!(read, Some((0, Some(80_000_000))));
    assert_eq!(warnings, ["预算只按“8000万以内”理解，“最好5000万左右”未使用"]);
}

// ---- stop 29: words probed afresh ----------------------------------------------------------------

#[test]
fn a_near_miss_says_which_industry_it_guessed() {
    let m = bundled();
    for (typed, lang, said) in
        [("新能原", "zh-Hans", "按最接近的"), ("半導休", "zh-Hant", "按最接近的"), ("semiconducter", "en", "read as the closest one")]
    {
        let r = m.rank(&Query { industry: Some(typed.into()), lang: Some(lang.into()), top: Some(1), ..Query::default() });
        assert!(r.query.industry.iter().all(|i| i.near_miss && i.key.is_some()), "{typed}: {:?}", r.query.industry);
        let label = r.query.industry[0].label.clone().unwrap();
        assert_eq!(r.warnings.len(), 1, "{typed}: {:?}", r.warnings);
        assert!(r.warnings[0].contains(said) && r.warnings[0].contains(&label) && r.warnings[0].contains(typed), "{:?}", r.warnings);
    }
    // A word the taxonomy has is no near miss of another: 自行车 was read as 自驾车 (self-driving cars).
    let r = industry(&m, "自行车", 1);
    assert_eq!(keys(&r), ["light.two_wheeler"]);
    assert!(r.warnings.is_empty() && !r.query.industry[0].near_miss, "{:?}", r.warnings);
}

#[test]
fn words_of_warehouses_green_power_tyres_and_two_wheelers() {
    let m = bundled();
    for (typed, key) in [
        ("海外仓", "services.logistics"),
        ("保税仓", "services.logistics"),
        ("bonded warehouse", "services.logistics"),
        ("轮胎", "em.auto"),
        ("橡胶制品", "energy.chem"),
        ("電動機車", "light.two_wheeler"),
        ("e-bikes", "light.two_wheeler"),
        ("总部基地", "services.business"),
        ("duty-free", "services.commerce"),
        ("绿色甲醇", "energy.hydrogen"),
        ("green ammonia", "energy.hydrogen"),
        ("螺蛳粉", "food.prepared"),
        ("edtech", "services.education"),
        // A Taiwan investor's words, and English modifiers the taxonomy had not.
        ("網通", "ei.communication"),
        ("連鎖加盟", "services.commerce"),
        ("機器手臂", "em.intelligent.robot"),
        ("塑膠", "energy.chem"),
        ("石化原料", "energy.chem"),
        ("螺絲", "em.general"),
        ("specialty chemicals", "energy.chem"),
        ("medical tourism", "bio.health_services"),
        ("commercial real estate", "services.property"),
        // What an investor wants to do, said with its verb (办, 开, 建, 搞, 做).
        ("办学校", "services.education"),
        ("开餐馆", "services.catering"),
        ("开发楼盘", "services.property"),
        ("建电站", "energy.power"),
        ("搞农家乐", "agri.leisure"),
        ("做药", "bio"),
        ("修路", "infra.transport"),
        // Words that are also a county's name stay the industry's (温泉 is hot springs, not 温泉县).
        ("温泉", "services.tourism.scenic"),
        ("二手车", "services.commerce"),
        ("汽车后市场", "em.auto"),
        // A kind before its general head is the kind: a cold-chain warehouse is cold chain.
        ("冷链仓库", "services.logistics.cold"),
        ("cold chain warehouse", "services.logistics.cold"),
    ] {
        let r = industry(&m, typed, 1);
        assert_eq!(keys(&r), [key], "{typed}");
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
    }
    // 一体化 says nothing of the industry: 风光储一体化 is wind, solar and storage.
    let r = industry(&m, "风光储一体化", 1);
    let mut k = keys(&r);
    k.sort();
    assert_eq!(k, ["energy.pv", "energy.storage", "energy.wind"]);
    // 绿电 is renewable power, as 再生能源 (Taiwan's word for it) is.
    assert_eq!(keys(&industry(&m, "綠電", 1)), keys(&industry(&m, "再生能源", 1)));
    // 总部 alone in a project's name files no project under business services (`直播电商总部项目`
    // stays e-commerce: tests/classification.rs); typed alone, it is the headquarters economy.
    assert_eq!(keys(&industry(&m, "总部", 1)), ["services.business"]);
}

#[test]
fn a_side_of_a_place_reads_the_place_whole_and_says_so() {
    let m = bundled();
    let region =
        |text: &str, lang: &str| m.rank(&Query { region: Some(text.into()), lang: Some(lang.into()), top: Some(1), ..Query::default() });
    for (text, lang, place) in [
        ("江苏南部", "zh-Hans", "江苏省"),
        ("浙江東部", "zh-Hant", "浙江省"),
        ("成都以东", "zh-Hans", "成都市"),
        ("western Sichuan", "en", "Sichuan"),
        ("north of Chengdu", "en", "Chengdu"),
        // A kind of zone the gazetteer does not list for that city: the city, said.
        ("厦门自贸区", "zh-Hans", "厦门市"),
        ("長沙經開區", "zh-Hant", "長沙市"),
    ] {
        let r = region(text, lang);
        // 南部 is also a county of Sichuan and 东部 China's east: neither is read.
        let names: Vec<&str> = r.query.region.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, [place], "{text}");
        assert!(r.query.zones.is_empty(), "{text}: {:?}", r.query.zones);
        assert_eq!(r.warnings.len(), 1, "{text}: {:?}", r.warnings);
        assert!(r.warnings[0].contains(place), "{:?}", r.warnings);
    }
    // A zone named with a side word stays the zone.
    let r = region("广西北部湾", "zh-Hans");
    assert_eq!(r.query.zones, ["北部湾城市群"]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(region("southern Jiangsu", "en").query.zones.len(), 1);
    assert!(region("western China", "en").query.region.is_empty());
    // `Hainan Island` is Hainan, not Hong Kong's Islands District.
    let r = region("Hainan Island", "en");
    assert_eq!(r.query.region.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["Hainan"]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn parts_of_provinces_and_city_groups_read_as_their_places() {
    let m = bundled();
    let g = opportunity_matcher::gazetteer::Gazetteer::global();
    let region = |text: &str| m.rank(&Query { region: Some(text.into()), top: Some(1), ..Query::default() });
    // (text, province code of every place, how many places)
    for (text, province, count) in [
        ("重庆主城区", 500000, 9),
        ("豫南", 410000, 3),
        ("桂西", 450000, 3),
        ("南疆", 650000, 5),
        ("北疆", 650000, 8),
        ("辽东半岛", 210000, 3),
        ("福厦泉", 350000, 3),
        ("滇西", 530000, 7),
        ("陕北", 610000, 2),
        ("陇东", 620000, 2),
        // The Gansu corridor, not Tianjin's 河西区 with 走廊 not understood.
        ("河西走廊", 620000, 5),
    ] {
        let r = region(text);
        assert!(r.warnings.is_empty(), "{text}: {:?}", r.warnings);
        assert_eq!(r.query.region.len(), count, "{text}: {:?}", r.query.region);
        for place in &r.query.region {
            let p = g.province_of(g.by_code(place.code).unwrap());
            assert_eq!(g.region(p).code, province, "{text}: {}", place.name);
        }
    }
    // Everyday names and a preference said in words: no warning.
    for (text, places) in [("江浙一带", 2), ("东南沿海", 4), ("四川境内，最好成都", 2), ("云南或者贵州", 2)] {
        let r = region(text);
        assert!(r.warnings.is_empty(), "{text}: {:?}", r.warnings);
        assert_eq!(r.query.region.len(), places, "{text}: {:?}", r.query.region);
    }
    // The 19 national new areas, each where it is; 华东六省一市 is East China whole.
    let r = region("国家级新区");
    assert!(r.warnings.is_empty() && r.query.region.len() == 19, "{:?} {:?}", r.warnings, r.query.region);
    let r = region("华东六省一市");
    assert!(r.warnings.is_empty() && r.query.zones.len() == 1, "{:?} {:?}", r.warnings, r.query.zones);
    let r = region("西南三省");
    assert!(r.warnings.is_empty() && r.query.zones.len() == 1, "{:?} {:?}", r.warnings, r.query.zones);
    // 成渝双城 is the Chengdu-Chongqing circle, not 双城区 of Harbin.
    let r = region("成渝双城");
    assert!(r.query.region.is_empty() && r.query.zones.len() == 1, "{:?}", r.query);
}

#[test]
fn trades_processes_and_taiwan_and_english_words_investors_type() {
    let m = bundled();
    for (typed, key) in [
        // Metalworking an investor names by its process, not its product.
        ("铸造", "em.general"),
        ("锻造", "em.general"),
        ("热处理", "em.general"),
        ("电镀", "em.general"),
        ("特高压", "energy.power"),
        ("医疗耗材", "bio.devices"),
        ("基因测序", "bio.biotech"),
        ("商业保理", "services.finance"),
        ("私募基金", "services.finance"),
        ("城际铁路", "infra.transport"),
        ("茶饮", "food.beverage"),
        ("奶业", "food.dairy"),
        ("箱包", "light.textile"),
        ("中草药", "agri.herbs"),
        ("康复医疗", "bio.health_services"),
        ("数字人", "digital.ai"),
        // A whole-word term under generic words glued to it (=产业园区 + 运营).
        ("产业园区运营", "infra.park"),
        // Taiwan's words.
        ("安養中心", "services.wellness.eldercare"),
        ("休閒農場", "agri.leisure"),
        ("社會住宅", "services.property"),
        ("運動產業", "services.sports"),
        ("職業訓練", "services.education"),
        // English.
        ("desalination", "eco.water"),
        ("e-waste", "eco.recycling"),
        ("hydrogen refueling", "energy.hydrogen"),
        ("freight forwarding", "services.logistics"),
        ("office buildings", "services.property"),
        ("universities", "services.education"),
        ("toll roads", "infra.transport"),
        ("telecom", "ei.communication"),
        ("metals", "mat.metal"),
        ("智改数转", "digital.iiot"),
        ("MCU", "ei.ic"),
        ("智能座舱", "em.nev.connected"),
        ("跨境物流", "services.logistics"),
        ("air cargo", "services.logistics"),
        ("大米", "agri.grain_oil"),
        ("呼叫中心", "services.business"),
        ("rooftop solar", "energy.pv"),
        // Pinyin typed word by word, a generic word among them (汽车 + 零部件, 医疗器械 + 产业).
        ("qiche lingbujian", "em.auto"),
        ("yiliao qixie chanye", "bio.devices"),
    ] {
        let r = industry(&m, typed, 1);
        assert_eq!(keys(&r), [key], "{typed}");
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
    }
}

#[test]
fn sentences_in_cantonese_from_abroad_and_with_a_place_left_out() {
    let m = bundled();
    let ask = |text: &str| m.rank(&Query { industry: Some(text.into()), lang: Some("en".into()), top: Some(5), ..Query::default() });
    // `台中以外` after 於 (at): Taichung is left out, never wanted.
    let r = ask("本公司擬於台中以外的地區投資半導體設備，預算約新台幣10億");
    assert_eq!(keys(&r), ["em.semi_equipment"]);
    assert_eq!(r.query.excluded.iter().map(|x| x.code).collect::<Vec<_>>(), [710400], "{:?}", r.query);
    assert!(r.query.region.is_empty(), "{:?}", r.query.region);
    assert!(!r.warnings.iter().any(|w| w.contains("not an industry")), "{:?}", r.warnings);
    // Cantonese 喺 (at), 我哋 (we), 搵 (look for); who the investor is from abroad (新加坡企业).
    for (text, key) in [
        ("想喺大灣區投資物流倉，預算三億以內", "services.logistics"),
        ("我哋想搵深圳嘅人工智能項目，大約一億", "digital.ai"),
        ("我们是新加坡企业，想在广西钦州投资港口物流，大概1亿新币", "services.logistics"),
        // What the investor has in hand, a plant enlarged, a generic word beside the industry.
        ("手上有五千万，想做冷链物流，广东广西都行", "services.logistics.cold"),
        ("我们公司做锂电池隔膜的，想在四川宜宾扩产，大概投10个亿", "mat.lithium.separator"),
        ("计划投资8000万建设一个屠宰场，地点在内蒙古或者黑龙江", "food.meat"),
        ("江西赣州的稀土深加工项目有吗？投资额5亿上下", "mat.rare_earth"),
    ] {
        let r = ask(text);
        assert_eq!(keys(&r), [key], "{text}: {:?}", r.query.industry);
        assert!(r.query.budget.is_some(), "{text}");
        assert!(!r.query.region.is_empty() || !r.query.zones.is_empty(), "{text}");
        assert!(!r.warnings.iter().any(|w| w.contains("not an industry") || w.contains("not understood")), "{text}: {:?}", r.warnings);
    }
    // Who the investor is and what they do, in English and in Hong Kong's written Chinese; a
    // place after a word of investing though glued to the industry (投資昆山電子零組件廠); a
    // figure after 价格 (price) when buying a project; the numeral before 千万 kept.
    for (text, key) in [
        ("I'm a Taiwanese businessman looking to set up a food factory in Fujian, budget around NT$100 million", "food"),
        ("Our company makes auto parts and wants to expand to Chongqing or Chengdu with 200 million RMB", "em.auto"),
        ("Need a data center site in Inner Mongolia or Gansu, about 1 billion yuan", "digital.datacenter"),
        ("我司係香港上市公司，有意喺珠三角投資新能源汽車零部件，預算5億港元左右", "em.nev"),
        ("台商欲投資昆山電子零組件廠，資金約新台幣20億", "ei.components"),
        ("有个朋友想在三亚开民宿，预算300万左右，有合适的吗", "services.tourism.hotel"),
        ("求购：四川境内已建成的酒店项目，价格2亿以内", "services.tourism.hotel"),
    ] {
        let r = ask(text);
        assert_eq!(keys(&r), [key], "{text}: {:?}", r.query.industry);
        assert!(r.query.budget.is_some(), "{text}");
        assert!(!r.query.region.is_empty() || !r.query.zones.is_empty(), "{text}");
        assert!(!r.warnings.iter().any(|w| w.contains("not an industry") || w.contains("only \"")), "{text}: {:?}", r.warnings);
    }
    // 人 of 人民币 after a figure is the currency's (not a count of people); Hong Kong's 港紙; a
    // battery maker's plant; a country abroad is no industry.
    for (text, key, min) in [
        ("想在粵港澳大灣區找個醫療器械項目，三至五億人民幣", "bio.devices", 300_000_000u64),
        ("本人想喺中山或珠海做食品加工，大約三千萬港紙", "food", 27_300_000),
        ("We are a Korean battery maker planning a plant in Jiangsu, about $500 million", "em.nev.battery", 3_550_000_000),
        ("Singapore fund looking at data centres in Malaysia or Guizhou, USD 200m", "digital.datacenter", 1_420_000_000),
    ] {
        let r = ask(text);
        assert_eq!(keys(&r), [key], "{text}: {:?}", r.query.industry);
        assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(min), "{text}");
        assert!(!r.warnings.iter().any(|w| w.contains("not an industry") || w.contains("only \"")), "{text}: {:?}", r.warnings);
    }
    // A name several cities bear after the industry is the region, and the region box asks which.
    let r = ask("biotech Taizhou");
    assert_eq!(keys(&r), ["bio.biotech"]);
    assert_eq!(r.query.region.len(), 2, "{:?}", r.query.region);
    assert!(r.warnings.iter().any(|w| w.contains("add the province")), "{:?}", r.warnings);
    let r = ask("Hong Kong investor seeking hotel or resort projects in Hainan under HK$500 million");
    assert_eq!(r.query.region.iter().map(|x| x.code).collect::<Vec<_>>(), [460000], "Hong Kong is where the investor is from");
    let r = ask("想参股一个新能源项目，金额一千万左右，地区不限");
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(10_000_000));
    assert!(!r.warnings.iter().any(|w| w.contains("only \"")), "{:?}", r.warnings);
    // A figure after 适合 (suits) is the budget, and a word of about stays with it.
    let r = ask("有没有适合一个亿左右的文旅项目？湖南张家界附近");
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(100_000_000));
    assert!(r.warnings.iter().any(|w| w.contains("\"一个亿左右\"")), "{:?}", r.warnings);
    // `around 200 million` is the budget, not a part of the place before it.
    let r = ask("Looking for a solar project in Inner Mongolia around 200 million yuan");
    assert_eq!(r.query.region.iter().map(|x| x.code).collect::<Vec<_>>(), [150000]);
    assert!(r.warnings.iter().any(|w| w.contains("\"Inner Mongolia\" as the region")), "{:?}", r.warnings);
}

#[test]
fn an_industry_left_out_is_never_read_as_wanted_and_its_projects_are_not_ranked() {
    let m = bundled();
    let t = Taxonomy::global();
    let rank = |text: &str| m.rank(&Query { industry: Some(text.into()), top: Some(300), lang: Some("en".into()), ..Query::default() });
    // How many ranked projects are classified within the node with this key.
    let within = |r: &RankResponse, key: &str| {
        let node = t.by_key(key).unwrap();
        r.results
            .iter()
            .filter(|x| {
                key_of(&x.id, &m).iter().any(|k| {
                    let n = t.by_key(k).unwrap();
                    n == node || t.ancestors(n).contains(&node)
                })
            })
            .count()
    };
    assert!(within(&rank(""), "energy.coal") > 0, "the bundled list has coal projects");
    for text in ["不做煤炭", "除了煤炭都行", "除了煤炭，其他都可以", "不要煤炭項目", "anything but coal", "no coal"]
    {
        let r = rank(text);
        assert_eq!(r.query.excluded_industries, ["Coal"], "{text}: {:?}", r.query);
        assert!(!keys(&r).contains(&"energy.coal".to_string()), "{text}: coal is never an industry wanted");
        assert_eq!(within(&r, "energy.coal"), 0, "{text}: no coal project is ranked");
        assert!(!r.results.is_empty() && r.warnings.is_empty(), "{text}: {:?}", r.warnings);
    }
    // What is wanted beside it still counts: new energy without photovoltaics, and a sentence's
    // budget and place with a sector left out.
    let r = rank("新能源，不含光伏");
    assert!(keys(&r).contains(&"energy.pv".to_string()), "新能源 still names PV: {:?}", keys(&r));
    assert_eq!(within(&r, "energy.pv"), 0);
    assert!(within(&r, "energy.wind") > 0 && r.results[0].parts.industry == Some(1.0));
    let r = rank("想在四川投资，千万别推荐房地产，预算5亿");
    assert_eq!(r.query.excluded_industries, ["Real estate"]);
    assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), Some(500_000_000));
    assert_eq!(r.query.region.iter().map(|x| x.code).collect::<Vec<_>>(), [510000]);
    assert_eq!(within(&r, "services.property"), 0);
    // Cultural tourism without real estate (不含…的), a bare 除…外.
    for text in ["不含房地产的文旅项目", "除房地产外都可以"] {
        let r = rank(text);
        assert_eq!(r.query.excluded_industries, ["Real estate"], "{text}");
        assert_eq!(within(&r, "services.property"), 0, "{text}");
    }
    assert_eq!(keys(&rank("不含房地产的文旅项目")), ["services.tourism"]);
    // What is wanted is quoted back as typed, in Traditional.
    let r = rank("基礎能源，不要煤炭");
    assert!(r.query.industry.iter().all(|i| i.typed == "基礎能源"), "{:?}", r.query.industry);
    // A product and a place are not industries left out: `不含糖饮料` is sugar-free drinks,
    // `除尘设备` dust removal, `除了成都` a place (the region's).
    assert!(rank("不含糖饮料").query.excluded_industries.is_empty());
    assert_eq!(keys(&rank("除尘设备")), ["eco.equipment"]);
    let r = rank("除了成都都行");
    assert!(r.query.excluded_industries.is_empty() && r.query.excluded.iter().any(|x| x.code == 510100), "{:?}", r.query);
}

#[test]
fn umbrella_slang_shops_and_services_investors_name() {
    let m = bundled();
    for (typed, key) in [
        ("第三方检测", "services.tech"),
        ("房车", "em.auto"),
        ("仪器仪表", "em.general"),
        ("小额贷款", "services.finance"),
        ("网络文学", "digital.content"),
        ("农贸市场", "services.commerce"),
        ("零售药店", "services.commerce"),
        ("牛肉面", "services.catering"),
        ("墓园", "services.household"),
        ("小龙虾", "agri.fishery"),
        ("加气站", "energy.gas"),
        // A filling station is no hydrogen station (it was read as the closest word, 加氢站).
        ("加油站", "energy.basic"),
        ("康养小镇", "services.wellness"),
        ("硅料", "mat.pv_silicon"),
        ("再生铝", "eco.recycling"),
        ("综合保税区", "services.logistics"),
        ("高速公路服务区", "infra.transport"),
    ] {
        let r = industry(&m, typed, 1);
        assert_eq!(keys(&r), [key], "{typed}");
        assert!(r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
    }
    // Umbrella words of the press: the "new three" exports, the "old three", farming with its
    // processing and rural tourism.
    for (typed, members) in [
        ("新三样", &["em.nev", "energy.pv"][..]),
        ("老三样", &["light.textile", "light.furniture", "light.appliances"][..]),
        ("三产融合", &["agri.processing", "agri.leisure"][..]),
        ("两新一重", &["digital.infra", "infra.urban"][..]),
        ("黑科技", &["ei", "digital.ai"][..]),
    ] {
        let r = industry(&m, typed, 1);
        let ks = keys(&r);
        assert!(members.iter().all(|k| ks.contains(&k.to_string())), "{typed}: {ks:?}");
        assert!(r.query.industry.iter().all(|i| i.concept.is_some()) && r.warnings.is_empty(), "{typed}: {:?}", r.warnings);
    }
}

#[test]
fn budgets_said_as_investors_say_them_inside_a_sentence() {
    let m = bundled();
    let read = |text: &str| {
        let r = m.rank(&Query { industry: Some(text.into()), top: Some(1), lang: Some("en".into()), ..Query::default() });
        (
            r.query.budget.as_ref().map(|b| (b.min_yuan, b.max_yuan)),
            keys(&r),
            r.query.industry.iter().map(|i| i.typed.clone()).collect::<Vec<_>>(),
        )
    };
    // 数千万 (several ten-millions), 千万 alone, 百来万 (a little over a million), 八位数 (an
    // eight-figure sum), 2000W (万 in chat), money in hand (有闲钱), the currency after the amount.
    assert_eq!(read("想投资数千万做养老").0, Some((20_000_000, Some(90_000_000))));
    assert_eq!(read("想投资千万做养老").0, Some((10_000_000, Some(10_000_000))));
    assert_eq!(read("我有百来万想开个奶茶店").0, Some((1_000_000, Some(1_500_000))));
    assert_eq!(read("预算八位数，做新能源").0, Some((10_000_000, Some(100_000_000))));
    assert_eq!(read("预算2000W，想做预制菜工厂").0, Some((20_000_000, Some(20_000_000))));
    let (budget, ks, typed) = read("本人有闲钱三千来万，想搞个民宿");
    assert_eq!((budget, ks), (Some((30_000_000, Some(35_000_000))), vec!["services.tourism.hotel".to_string()]));
    assert_eq!(typed, ["民宿"], "no words of having money are left as the industry");
    let (budget, _, typed) = read("在贵州投资大数据，预算不超过五亿元人民币");
    assert_eq!((budget, typed), (Some((0, Some(500_000_000))), vec!["大数据".to_string()]));
    // Watts beside a solar plant are no budget when an amount in 万 is there; "by all means" is no
    // figure; money no object is no budget and no industry.
    assert_eq!(read("建设100W光伏电站 投资5000万").0, Some((50_000_000, Some(50_000_000))));
    assert_eq!(read("千万别推荐房地产，想做新能源").0, None);
    for text in ["想在京津冀搞氢能，钱不是问题", "hydrogen projects in Hebei, budget flexible"] {
        let (budget, ks, typed) = read(text);
        assert_eq!((budget, ks), (None, vec!["energy.hydrogen".to_string()]), "{text}: {typed:?}");
    }
    // Who the investor is, with a 的 between the country and the noun.
    assert_eq!(read("我们是新加坡的基金，想投资成渝地区的数据中心，5到10亿").1, ["digital.datacenter"]);
}

#[test]
fn sides_of_provinces_and_a_shared_name_beside_a_clear_place() {
    let m = bundled();
    let region = |text: &str| m.rank(&Query { region: Some(text.into()), top: Some(1), lang: Some("en".into()), ..Query::default() });
    let codes = |r: &RankResponse| r.query.region.iter().map(|x| x.code).collect::<Vec<_>>();
    // Parts of provinces investors name, at city level.
    for (text, want) in [
        ("陕南", &[610700, 610900, 611000][..]),
        ("闽西", &[350800, 350400][..]),
        ("桂南", &[450100, 450500, 450700, 450600][..]),
        ("两广", &[440000, 450000][..]),
        ("冀北", &[130700, 130800][..]),
    ] {
        let r = region(text);
        assert_eq!(codes(&r), want, "{text}");
        assert!(r.warnings.is_empty(), "{text}: {:?}", r.warnings);
    }
    // A side of a province no zone names is the province whole, said — never the zone its side
    // word alone names (东北 is Northeast China), nor a place elsewhere spelt alike (陕南 was
    // Shannan, Tibet).
    for (text, province) in [("滇东北", 530000), ("赣东北", 360000), ("浙西", 330000), ("鲁中", 370000)] {
        let r = region(text);
        assert_eq!((codes(&r), r.query.zones.len()), (vec![province], 0), "{text}: {:?}", r.query.zones);
        assert!(r.warnings.iter().any(|w| w.contains("names no cities of its own")), "{text}: {:?}", r.warnings);
    }
    // Inland China is the central and western provinces.
    assert_eq!(region("内陆").query.zones, ["Central and Western China"]);
    // A name two places bear, beside a clear place, is the one in its province: Fuzhou beside Xiamen
    // is Fujian's, beside Nanchang Jiangxi's; Suzhou beside Hefei is Anhui's. Alone it is asked.
    assert_eq!(codes(&region("Xiamen or Fuzhou")), [350200, 350100]);
    assert_eq!(codes(&region("Nanchang, Fuzhou")), [360100, 361000]);
    assert_eq!(codes(&region("Suzhou, Hefei")), [341300, 340100]);
    assert!(region("Fuzhou").warnings.iter().any(|w| w.contains("add the province")));
}

#[test]
fn sentences_from_taiwan_and_abroad_with_a_place_preferred_or_left_out() {
    let m = bundled();
    let ask = |text: &str| m.rank(&Query { industry: Some(text.into()), top: Some(3), lang: Some("en".into()), ..Query::default() });
    let codes = |rs: &[opportunity_matcher::rank::RegionUnderstood]| rs.iter().map(|x| x.code).collect::<Vec<_>>();
    // A Taiwan company's letter: who it is (本公司), going to the mainland (赴大陸: no place), a place
    // preferred (地點以海南為佳), and a budget in NT dollars.
    let r = ask("本公司想赴大陸投資觀光飯店，地點以海南為佳，資金5億台幣");
    assert_eq!(keys(&r), ["services.tourism.hotel"]);
    assert_eq!(codes(&r.query.region), [460000]);
    assert!(r.query.industry.iter().all(|i| i.typed == "觀光飯店"), "{:?}", r.query.industry);
    assert_eq!(r.warnings.len(), 1, "only what was read from the sentence is said: {:?}", r.warnings);
    // Expanding a plant (擴廠) and a case (案子) are no industry words.
    assert_eq!(keys(&ask("想在昆山擴廠做電子零組件")), ["ei.components"]);
    assert_eq!(keys(&ask("想找長三角的半導體設備案子")), ["em.semi_equipment"]);
    // A place left out in English, and a name two places bear left out beside its province.
    let r = ask("data centre in Guangdong, not Shenzhen, up to 1 billion yuan");
    assert_eq!((codes(&r.query.region), codes(&r.query.excluded)), (vec![440000], vec![440300]));
    let r = ask("solar in Jiangsu, except Suzhou");
    assert_eq!((codes(&r.query.region), codes(&r.query.excluded)), (vec![320000], vec![320500]));
    assert!(r.query.industry.iter().all(|i| i.typed == "solar"), "{:?}", r.query.industry);
    // A joint-venture partner sought is no industry; a city and its district before the industry.
    assert_eq!(keys(&ask("Seeking joint venture partner for a lithium battery plant in Sichuan")), ["em.nev.battery"]);
    let r = ask("深圳南山 人工智能 三个亿");
    assert_eq!((codes(&r.query.region), r.query.budget.as_ref().map(|b| b.min_yuan)), (vec![440305], Some(300_000_000)));
    // Chat money: two "small targets" (1亿 each), 百把万 (about a million).
    assert_eq!(ask("手头有两个小目标，想在成都搞新能源").query.budget.map(|b| b.min_yuan), Some(200_000_000));
    assert_eq!(ask("找个县城搞养殖，预算百把万").query.budget.map(|b| b.min_yuan), Some(1_000_000));
}

#[test]
fn a_sentence_typed_in_pinyin_or_with_the_place_first_gives_its_parts() {
    let m = bundled();
    let ask = |text: &str| m.rank(&Query { industry: Some(text.into()), top: Some(3), lang: Some("en".into()), ..Query::default() });
    let codes = |r: &RankResponse| r.query.region.iter().map(|x| x.code).collect::<Vec<_>>();
    // On a phone without a Chinese keyboard: industry, place and budget all in pinyin, in any order.
    for (text, key, place, yuan) in [
        ("guangfu sichuan", "energy.pv", 510000, None),
        ("chengdu dongli dianchi 5yi", "em.nev.battery", 510100, Some(500_000_000)),
        ("yiliao qixie shanghai 3qianwan", "bio.devices", 310000, Some(30_000_000)),
        ("Sichuan solar", "energy.pv", 510000, None),
    ] {
        let r = ask(text);
        assert_eq!(keys(&r), [key], "{text}: {:?}", r.warnings);
        assert_eq!(codes(&r), [place], "{text}");
        assert_eq!(r.query.budget.as_ref().map(|b| b.min_yuan), yuan, "{text}");
        assert_eq!(r.warnings.len(), 1, "{text}: only what was read from the sentence is said: {:?}", r.warnings);
    }
    // A word the taxonomy knows whole stays whole (`Sichuan pepper` is a crop, not Sichuan; `dongli
    // dianchi` is 动力电池, not Tianjin's 东丽 and batteries).
    assert!(codes(&ask("Sichuan pepper")).is_empty());
    let r = ask("dongli dianchi");
    assert_eq!((keys(&r), codes(&r), r.warnings.len()), (vec!["em.nev.battery".to_string()], vec![], 0));
}
