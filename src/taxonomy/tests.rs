use super::*;

fn tax() -> &'static Taxonomy {
    Taxonomy::global()
}

/// The node a term names, or a test failure that says which term.
fn id(term: &str) -> NodeId {
    tax().lookup(term).unwrap_or_else(|| panic!("{term:?} does not resolve"))
}

fn key(id: NodeId) -> &'static str {
    &tax().node(id).key
}

#[test]
fn curated_data_loads_and_has_a_useful_size() {
    let n = tax().len();
    assert!((150..=300).contains(&n), "{n} nodes");
    assert_eq!(tax().sectors().len(), 12);
}

#[test]
fn power_battery_in_three_scripts_is_one_node() {
    let battery = id("动力电池");
    assert_eq!(id("動力電池"), battery);
    assert_eq!(id("power battery"), battery);
    assert_eq!(id("Power Batteries"), battery);
    assert_eq!(id("ＥＶ　battery"), battery);
    assert_eq!(id("鋰電池"), battery);
    assert_eq!(key(battery), "em.nev.battery");
}

#[test]
fn power_battery_is_a_link_of_the_nev_chain() {
    let battery = id("动力电池");
    assert_eq!(tax().relation(battery, id("新能源汽车")), Relation::ChainLink);
    assert_eq!(tax().relation(battery, id("锂电正极材料")), Relation::SameChain);
    assert_eq!(tax().relation(id("锂电正极材料"), id("新能源汽车")), Relation::ChainLink);
    assert_eq!(tax().relation(battery, id("驱动电机")), Relation::SameChain);
    assert_eq!(tax().relation(battery, id("装备制造")), Relation::ParentChild);
    assert_eq!(tax().relation(battery, id("电化学储能")), Relation::ChainLink);
    // Pumped-storage hydropower is storage too, but no battery plant's neighbour.
    assert_eq!(tax().relation(battery, id("抽水蓄能")), Relation::Unrelated);
    assert_eq!(tax().relation(id("抽水蓄能"), id("储能")), Relation::ParentChild);
}

#[test]
fn integrated_circuit_chain() {
    let ic = id("集成电路");
    for link in ["晶圆制造", "芯片设计", "封装测试", "半导体材料", "半导体设备"] {
        assert_eq!(tax().relation(id(link), ic), Relation::ChainLink, "{link}");
    }
    assert_eq!(tax().relation(id("半导体材料"), id("半导体设备")), Relation::SameChain);
    assert_eq!(id("半導體"), ic);
    assert_eq!(id("晶片"), ic);
    assert_eq!(id("IC"), ic);
    assert_eq!(id("chips"), ic);
}

#[test]
fn baijiu_suppliers_are_chain_links() {
    assert_eq!(tax().relation(id("白酒"), id("包装材料")), Relation::ChainLink);
    assert_eq!(tax().relation(id("白酒"), id("高粱")), Relation::ChainLink);
    assert_eq!(tax().relation(id("白酒"), id("啤酒")), Relation::Sibling);
    assert_eq!(tax().relation(id("白酒"), id("调味品")), Relation::SameSector);
    assert_eq!(tax().relation(id("白酒"), id("食品饮料")), Relation::ParentChild);
    assert_eq!(tax().relation(id("白酒"), id("人工智能")), Relation::Unrelated);
}

#[test]
fn relation_is_symmetric_for_every_pair() {
    let t = tax();
    for a in t.ids() {
        for b in t.ids() {
            assert_eq!(t.relation(a, b), t.relation(b, a), "{} / {}", key(a), key(b));
        }
        assert_eq!(t.relation(a, a), Relation::Same);
    }
}

#[test]
fn food_and_beverage_in_every_form() {
    let food = id("食品饮料");
    assert_eq!(tax().node(food).kind, NodeKind::Sector);
    for t in ["food and beverage", "Food & Beverage", "F&B", "f&b", "食品飲料", "生态特色食品"] {
        assert_eq!(id(t), food, "{t}");
    }
}

#[test]
fn ai_in_every_form() {
    let ai = id("人工智能");
    for t in ["AI", "ai", "A.I.", "人工智慧", "artificial intelligence", "ＡＩ"] {
        assert_eq!(id(t), ai, "{t}");
    }
}

#[test]
fn masks_are_medical_protection_under_biomedicine() {
    let mask = id("口罩");
    let protection = id("医疗防护");
    assert_eq!(tax().node(mask).parent, Some(protection));
    assert_eq!(tax().sector_of(mask), id("生物医药"));
    assert_eq!(id("健康医药"), id("生物医药"));
    assert_eq!(tax().node(id("防护服")).parent, Some(protection));
    assert_eq!(tax().node(id("消杀")).parent, Some(protection));
    assert_eq!(id("医疗物资"), protection);
}

#[test]
fn taiwan_and_hong_kong_words() {
    for (tw, cn) in [
        ("軟體", "软件"),
        ("資訊安全", "网络安全"),
        ("智慧製造", "智能制造"),
        ("數位經濟", "数字经济"),
        ("雲端運算", "云计算"),
        ("雲端", "云计算"),
        ("資料中心", "数据中心"),
        ("巨量資料", "大数据"),
        ("電動車", "新能源汽车"),
        ("生技", "生物技术"),
        ("醫療器材", "医疗器械"),
        ("印刷電路板", "印制电路板"),
        ("工具機", "数控机床"),
        ("航太", "航空航天"),
        ("太陽光電", "光伏"),
        ("晶矽", "晶硅光伏材料"),
        ("防護衣", "防护服"),
        ("長照", "养老服务"),
        ("菸酒", "烟酒"),
    ] {
        assert_eq!(id(tw), id(cn), "{tw} = {cn}");
    }
}

#[test]
fn sichuan_eight_sectors_are_sectors_with_sub_industries() {
    for s in ["电子信息", "装备制造", "食品饮料", "先进材料", "能源化工", "数字经济", "现代服务业", "现代农业"]
    {
        let sid = id(s);
        assert_eq!(tax().node(sid).kind, NodeKind::Sector, "{s}");
        assert!(tax().children(sid).len() >= 5, "{s} has few sub-industries");
    }
    assert_eq!(
        &tax().sectors()[..8].iter().map(|&s| tax().label(s, Lang::ZhHans)).collect::<Vec<_>>(),
        &["电子信息", "装备制造", "食品饮料", "先进材料", "能源化工", "数字经济", "现代服务业", "现代农业"]
    );
}

#[test]
fn guizhou_ten_industries_resolve() {
    let expect = [
        ("基础能源", "energy.basic"),
        ("清洁高效电力", "energy.power"),
        ("优质烟酒", "food.tobacco_liquor"),
        ("新型建材", "mat.building"),
        ("现代化工", "energy.chem"),
        ("先进装备制造", "em"),
        ("基础材料", "mat.basic"),
        ("生态特色食品", "food"),
        ("大数据电子信息", "ei"),
        ("健康医药", "bio"),
    ];
    for (term, k) in expect {
        assert_eq!(key(id(term)), k, "{term}");
        // Traditional script too.
        let hant: String = term
            .chars()
            .map(|c| match c {
                '础' => '礎',
                '电' => '電',
                '烟' => '菸',
                '建' => '建',
                '现' => '現',
                '进' => '進',
                '备' => '備',
                '态' => '態',
                '据' => '據',
                '信' => '信',
                '息' => '息',
                '药' => '藥',
                '医' => '醫',
                '优' => '優',
                '质' => '質',
                '洁' => '潔',
                '源' => '源',
                '装' => '裝',
                '制' => '製',
                '数' => '數',
                '特' => '特',
                '料' => '料',
                '材' => '材',
                '能' => '能',
                '力' => '力',
                '色' => '色',
                '食' => '食',
                '品' => '品',
                '化' => '化',
                '工' => '工',
                other => other,
            })
            .collect();
        assert_eq!(key(id(&hant)), k, "{hant}");
    }
}

#[test]
fn required_query_examples_resolve() {
    let t = tax();
    let cases = [
        ("动力电池", "em.nev.battery"),
        ("動力電池", "em.nev.battery"),
        ("power battery", "em.nev.battery"),
        ("新能源汽车零部件", "em.nev"),
        ("食品饮料", "food"),
        ("food and beverage", "food"),
        ("F&B", "food"),
        ("AI", "digital.ai"),
        ("人工智慧", "digital.ai"),
        ("口罩", "bio.protection.mask"),
        ("軟體", "ei.software"),
        ("半導體", "ei.ic"),
        ("晶片", "ei.ic"),
        ("白酒", "food.baijiu"),
        ("直播电商", "services.ecommerce.live"),
        ("cultural tourism", "services.tourism"),
        ("数据中心", "digital.datacenter"),
        ("資料中心", "digital.datacenter"),
        ("batery", "em.nev.battery"),
        ("semiconducter", "ei.ic"),
        ("e-commerce", "services.ecommerce"),
        ("livestreaming", "services.ecommerce.live"),
        ("logistics", "services.logistics"),
        ("电子商务和直播", "services.ecommerce"),
    ];
    for (text, k) in cases {
        let q = t.parse_query(text);
        assert!(q.not_understood.is_empty(), "{text}: {q:?}");
        let first = q.terms.first().unwrap_or_else(|| panic!("{text}: no term"));
        assert_eq!(first.node.map(key), Some(k), "{text}: {q:?}");
        assert_eq!(first.typed, text);
    }
}

#[test]
fn parse_query_flags_near_misses_only_for_typos() {
    let t = tax();
    let q = t.parse_query("semiconducter");
    assert!(q.terms[0].near_miss);
    let q = t.parse_query("semiconductor");
    assert!(!q.terms[0].near_miss);
    let q = t.parse_query("semiconducter industry");
    assert_eq!(q.terms[0].node, t.lookup("集成电路"));
    assert!(q.terms[0].near_miss);
}

#[test]
fn parse_query_splits_lists_and_conjunctions() {
    let t = tax();
    let q = t.parse_query("白酒、茶葉；光伏/ hydrogen, 医疗器械和中医药");
    let nodes: Vec<&str> = q.terms.iter().map(|x| key(x.node.unwrap())).collect();
    assert_eq!(nodes, ["food.baijiu", "food.tea", "energy.pv", "energy.hydrogen", "bio.devices", "bio.tcm"]);
    let q = t.parse_query("chips and batteries");
    let nodes: Vec<&str> = q.terms.iter().map(|x| key(x.node.unwrap())).collect();
    assert_eq!(nodes, ["ei.ic", "em.nev.battery"]);
    // A term containing the conjunction keeps the part whole.
    let q = t.parse_query("Food and Beverage Processing");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(q.terms[0].node, t.lookup("食品饮料"));
    // 调和油 (blended oil) is not split at 和.
    let q = t.parse_query("调和油");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(q.terms[0].typed, "调和油");
}

#[test]
fn parse_query_keeps_unknown_text_and_reports_junk() {
    let t = tax();
    let q = t.parse_query("算盘制造, 123, ???, 产业, x, 不限, ,, CRM, sdfgh");
    assert_eq!(q.terms.len(), 2);
    assert_eq!(q.terms[0].typed, "算盘制造");
    assert_eq!(q.terms[0].node, None);
    // Matched in project text without its generic word (制造 is in every factory's name).
    assert_eq!(q.terms[0].folded, "算盘");
    assert_eq!(q.terms[1].folded, "crm");
    assert_eq!(q.not_understood, ["123", "???", "产业", "x", "sdfgh"]);
    assert!(t.parse_query("").is_empty());
    assert!(t.parse_query("   ").not_understood.is_empty());
}

#[test]
fn parse_query_never_panics_on_odd_input() {
    let t = tax();
    let long = "电".repeat(10_000);
    for s in ["\u{0}", "𠀀𠀁", "a and and b", " and ", "和", "及及及", "/,/,", "ＡＮＤ", &long, "e\u{301}", "ﬁ"] {
        let _ = t.parse_query(s);
        let _ = t.classify(s);
        let _ = t.suggest(s, Lang::En, 5);
        let _ = t.lookup(s);
    }
}

#[test]
fn every_node_has_three_labels() {
    for i in tax().ids() {
        let n = tax().node(i);
        for lang in Lang::ALL {
            assert!(!tax().label(i, lang).trim().is_empty(), "{} {lang:?}", n.key);
        }
        assert!(n.key.is_ascii());
        assert_eq!(n.kind == NodeKind::Sector, n.parent.is_none(), "{}", n.key);
    }
}

#[test]
fn every_label_and_synonym_resolves_to_its_own_node() {
    let t = tax();
    for i in t.ids() {
        let n = t.node(i);
        let terms = [&n.name, &n.name_hant, &n.name_en].into_iter().chain(&n.synonyms);
        for s in terms {
            let s = s.trim_start_matches('=');
            assert_eq!(t.lookup(s), Some(i), "{s:?} of {}", n.key);
        }
    }
}

#[test]
fn a_term_claimed_by_two_nodes_is_refused() {
    let json = r#"{"format":"opportunity-matcher-taxonomy/1","nodes":[
        {"key":"a","kind":"sector","zh-Hans":"甲","zh-Hant":"甲","en":"A","syn":["軟體"]},
        {"key":"b","kind":"sector","zh-Hans":"乙","zh-Hant":"乙","en":"B","syn":["软体"]}]}"#;
    let err = Taxonomy::from_json(json).unwrap_err();
    assert!(err.contains("软体") && err.contains("node b"), "{err}");
    let json = r#"{"format":"opportunity-matcher-taxonomy/1","nodes":[
        {"key":"a","parent":"b","zh-Hans":"甲","zh-Hant":"甲","en":"A"}]}"#;
    assert!(Taxonomy::from_json(json).unwrap_err().contains("parent"));
    let json = r#"{"format":"opportunity-matcher-taxonomy/1","nodes":[
        {"key":"a","kind":"sector","zh-Hans":"甲","zh-Hant":"","en":"A"}]}"#;
    assert!(Taxonomy::from_json(json).unwrap_err().contains("zh-Hant"));
}

#[test]
fn chains_point_at_real_nodes_and_inherit_down() {
    let t = tax();
    let cathode = id("锂电正极材料");
    assert!(t.chain_heads(cathode).contains(&id("新能源汽车")));
    assert!(t.node(cathode).chains.is_empty());
    for i in t.ids() {
        assert!(!t.chain_heads(i).contains(&i), "{} is a link of itself", key(i));
    }
}

#[test]
fn classify_finds_nev_and_battery_in_a_project_name() {
    let t = tax();
    let found = t.classify("成都新能源汽车动力电池配套产业园项目");
    assert_eq!(found, vec![id("新能源汽车"), id("动力电池")]);
    // Traditional script and mixed English.
    assert_eq!(t.classify("成都新能源汽車動力電池配套產業園"), found);
    assert_eq!(t.classify("AI芯片设计中心"), vec![id("芯片设计"), id("AI")]);
}

#[test]
fn classify_matches_english_whole_words_with_plurals() {
    let t = tax();
    assert_eq!(t.classify("Supply chain maintenance"), vec![id("supply chain")]);
    assert_eq!(t.classify("EV Batteries and solar cells"), vec![id("power battery"), id("solar cell")]);
    assert!(t.classify("chain").is_empty());
    assert_eq!(t.classify("Smart chips plant"), vec![id("chip")]);
}

#[test]
fn classify_skips_whole_term_only_synonyms_inside_text() {
    let t = tax();
    assert!(t.classify("铜仁市").is_empty(), "铜 is whole-term only");
    assert_eq!(t.lookup("铜"), t.lookup("有色金属"));
    assert!(t.classify("云南").is_empty());
    assert!(t.classify("绵阳科创产业园").is_empty());
    assert_eq!(t.classify("茶叶加工"), vec![id("茶叶")]);
}

#[test]
fn classify_prefers_the_longest_term() {
    let t = tax();
    assert_eq!(t.classify("功率半导体"), vec![id("功率半导体")]);
    assert_eq!(t.classify("氢燃料电池汽车"), vec![id("氢燃料电池汽车")]);
    assert_eq!(t.classify("动力电池回收利用"), vec![id("资源循环利用")]);
    assert_eq!(t.classify("光伏电池片"), vec![id("光伏")]);
}

#[test]
fn suggest_by_prefix() {
    let t = tax();
    let battery = id("动力电池");
    assert!(t.suggest("动力", Lang::ZhHans, 10).contains(&battery));
    assert!(t.suggest("動力", Lang::ZhHant, 10).contains(&battery));
    assert!(t.suggest("pow", Lang::En, 10).contains(&battery));
    assert!(t.suggest("电池", Lang::ZhHans, 10).contains(&battery)); // CJK: contains
                                                                     // Sectors first.
    let s = t.suggest("食品", Lang::ZhHans, 5);
    assert_eq!(s[0], id("食品饮料"));
    // An exact name comes first even before sectors.
    let s = t.suggest("白酒", Lang::ZhHans, 5);
    assert_eq!(s[0], id("白酒"));
    assert_eq!(t.suggest("", Lang::En, 3), t.sectors()[..3].to_vec());
    assert!(t.suggest("zzzz", Lang::En, 5).is_empty());
    assert_eq!(t.suggest("电", Lang::ZhHans, 4).len(), 4);
}

#[test]
fn related_industries_for_hints() {
    let t = tax();
    let battery = id("动力电池");
    let rel = t.related(battery, 6);
    assert_eq!(rel[0], id("新能源汽车"));
    assert!(rel.contains(&id("电化学储能")));
    assert!(!rel.contains(&battery));
    let rel = t.related(id("白酒"), 10);
    assert!(rel.contains(&id("包装材料")));
    assert!(rel.contains(&id("烟酒")));
    assert!(rel.contains(&id("啤酒")));
    assert!(t
        .related(id("电子信息"), 3)
        .iter()
        .all(|&r| t.node(r).parent == Some(id("电子信息")) || t.relation(r, id("电子信息")) == Relation::ChainLink));
}

#[test]
fn compact_form_reads_like_the_json() {
    let json = data::parse(data::TAXONOMY_JSON).unwrap();
    let lines = Taxonomy::global();
    assert_eq!(format!("{:?}", json.nodes), format!("{:?}", lines.nodes));
    assert_eq!(format!("{:?}", json.info), format!("{:?}", lines.info));
    assert_eq!(json.by_key, lines.by_key);
    assert_eq!(json.vocab.terms.len(), lines.vocab.terms.len());
    for t in &lines.vocab.terms {
        assert_eq!(json.lookup(&t.text), lines.lookup(&t.text), "{}", t.text);
    }
}

/// Prints the bundled list's classification (`cargo test --lib print_bundled_classification -- --ignored --nocapture`),
/// for reviewing `tests/classification.tsv`.
#[test]
#[ignore]
fn print_bundled_classification() {
    let list = crate::list::load_bytes(include_bytes!("../../www/data/opportunity-list.json"), "x.json").unwrap();
    let t = tax();
    for p in &list.projects {
        let c = t.classify_project(&p.name, &p.sector, &p.tags);
        let all: Vec<&str> = c.nodes.iter().map(|n| key(*n)).collect();
        println!("{}\t{}\t{}\t{}\t{}", p.id, c.primary.map(key).unwrap_or("-"), p.name, p.tags.join("、"), all.join(" "));
    }
}

#[test]
fn every_chinese_label_and_synonym_has_its_pinyin() {
    // data/taxonomy-pinyin.tsv is generated by scripts/gen-taxonomy-pinyin.mjs: rerun it after an edit.
    let pinyin: std::collections::HashSet<&str> = include_str!("../../data/taxonomy-pinyin.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let cjk = |s: &str| !s.is_empty() && s.chars().all(crate::fold::is_cjk);
    let t = tax();
    let mut missing = Vec::new();
    for id in t.ids() {
        let n = t.node(id);
        for s in [&n.name, &n.name_hant].into_iter().chain(n.synonyms.iter()) {
            let s = s.trim_start_matches('=');
            if cjk(s) && !pinyin.contains(s) {
                missing.push(s.to_string());
            }
        }
    }
    for c in t.concepts() {
        for s in [&c.name, &c.name_hant].into_iter().chain(c.synonyms.iter()) {
            if cjk(s) && !pinyin.contains(s.as_str()) {
                missing.push(s.clone());
            }
        }
    }
    assert!(missing.is_empty(), "no pinyin for {missing:?}: run node scripts/gen-taxonomy-pinyin.mjs");
    // And typed pinyin finds them.
    assert_eq!(t.lookup("jiqiren"), None, "lookup is for terms; pinyin is read in queries");
    assert_eq!(t.parse_query("jiqiren").terms[0].node, t.lookup("机器人"));
    assert_eq!(t.parse_query("Yu Zhi Cai").terms[0].node, t.lookup("预制菜"));
    assert_eq!(t.parse_query("lvyou").terms[0].node, t.lookup("旅游"));
}

#[test]
fn umbrella_concepts_are_data_with_real_members() {
    let t = tax();
    assert!(t.concepts().len() >= 12);
    for c in t.concepts() {
        assert!(!c.members.is_empty(), "{}", c.key);
        assert_eq!(t.lookup_concept(&c.name), t.lookup_concept(&c.name_en), "{}", c.key);
    }
    let digital = t.lookup_concept("数字经济").unwrap();
    // 数字经济 is both a sector (classification) and an umbrella word (queries).
    assert_eq!(t.lookup("数字经济"), t.by_key("digital"));
    assert!(t.concept(digital).members.contains(&t.by_key("ei").unwrap()));
    // A contraction character names one node.
    assert_eq!(t.contraction('氢'), t.by_key("energy.hydrogen"));
    assert_eq!(t.contraction('儲'), t.by_key("energy.storage"));
}

#[test]
fn malformed_concepts_and_contractions_are_refused_with_their_name() {
    let base = r#"{"format":"opportunity-matcher-taxonomy/1","nodes":[{"key":"a","kind":"sector","zh-Hans":"甲","zh-Hant":"甲","en":"A","abbr":["甲"]}"#;
    let bad_member = format!(r#"{base}],"concepts":[{{"key":"c","zh-Hans":"丙","zh-Hant":"丙","en":"C","members":["zz"]}}]}}"#);
    assert!(Taxonomy::from_json(&bad_member).unwrap_err().contains("concept c: member \"zz\""));
    let two_chars = base.replace(r#""abbr":["甲"]"#, r#""abbr":["甲乙"]"#) + "]}";
    assert!(Taxonomy::from_json(&two_chars).unwrap_err().contains("one Chinese character"));
}
