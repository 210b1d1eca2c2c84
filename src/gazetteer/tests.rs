use super::*;
use crate::Lang;

fn g() -> &'static Gazetteer {
    Gazetteer::global()
}

fn id(code: u32) -> RegionId {
    g().by_code(code).unwrap_or_else(|| panic!("no region {code}"))
}

fn place(text: &str) -> PlaceResolution {
    g().resolve_place(text)
}

fn place_code(text: &str) -> Option<u32> {
    place(text).region.map(|r| g().region(r).code)
}

fn query_codes(text: &str) -> Vec<u32> {
    g().resolve_query(text).regions.iter().map(|r| g().region(*r).code).collect()
}

fn zone_index(name: &str) -> usize {
    g().econ_zones().iter().position(|z| z.name == name).unwrap_or_else(|| panic!("no zone {name}"))
}

fn query_zones(text: &str) -> Vec<String> {
    g().resolve_query(text).zones.iter().map(|z| g().econ_zones()[*z].name.clone()).collect()
}

#[test]
fn data_files_have_no_problems() {
    assert!(g().problems.is_empty(), "{:#?}", g().problems);
}

#[test]
fn every_province_city_and_county_is_there() {
    let count = |level: Level| g().regions().filter(|(_, r)| r.level == level).count();
    assert!(count(Level::Province) >= 31, "{}", count(Level::Province));
    assert!(count(Level::City) >= 330, "{}", count(Level::City));
    assert!(count(Level::County) >= 2800, "{}", count(Level::County));
    assert!(count(Level::Zone) >= 100, "{}", count(Level::Zone));
    for (_, r) in g().regions() {
        assert!(!["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"].contains(&r.name.as_str()), "{}", r.code);
        assert!((100_000..=999_999).contains(&r.code), "{} {}", r.code, r.name);
        assert!(!r.name_hant.is_empty() && !r.short.is_empty() && !r.name_en.is_empty(), "{} {}", r.code, r.name);
        assert!(r.pinyin.bytes().all(|b| b.is_ascii_lowercase()) && !r.pinyin.is_empty(), "{} {:?}", r.name, r.pinyin);
    }
}

#[test]
fn codes_are_unique_sorted_and_parents_sit_above() {
    let regions: Vec<&Region> = g().regions().map(|(_, r)| r).collect();
    assert!(regions.windows(2).all(|w| w[0].code < w[1].code));
    for (rid, r) in g().regions() {
        match r.level {
            Level::Province => assert_eq!(r.parent, None),
            Level::City => assert_eq!(g().region(r.parent.unwrap()).level, Level::Province, "{}", r.name),
            Level::County | Level::Zone => {
                let p = g().region(r.parent.unwrap());
                assert!(matches!(p.level, Level::City | Level::Province), "{}", r.name);
            }
        }
        assert_eq!(g().by_code(r.code), Some(rid));
        assert_eq!(g().region(g().province_of(rid)).code / 10_000, r.code / 10_000, "{}", r.name);
    }
}

#[test]
fn the_examples_of_the_list_format_resolve() {
    for text in ["四川省绵阳市涪城区", "绵阳市涪城区", "绵阳涪城", "涪城区", "四川綿陽市涪城區", "510703"] {
        assert_eq!(place_code(text), Some(510703), "{text}");
        assert!(place(text).notes.is_empty(), "{text}: {:?}", place(text).notes);
    }
    assert_eq!(place_code("四川绵阳"), Some(510700));
    assert_eq!(place_code("德陽市旌陽區"), Some(510603));
    assert_eq!(place_code("510116"), Some(510116));
    assert_eq!(g().region(id(510116)).name, "双流区");
}

#[test]
fn development_zones_resolve_under_their_city() {
    let sip = place("苏州工业园区").region.unwrap();
    assert_eq!(g().region(sip).level, Level::Zone);
    assert_eq!(g().region(sip).parent, Some(id(320500)));
    assert_eq!(g().city_of(sip), Some(id(320500)));
    assert_eq!(g().county_of(sip), Some(sip));

    for (text, name, city) in [
        ("成都高新区", "成都高新区", 510100),
        ("成都高新技术产业开发区", "成都高新区", 510100),
        ("成都市高新区", "成都高新区", 510100),
        ("天府新区", "天府新区", 510100),
        ("四川天府新区", "天府新区", 510100),
        ("两江新区", "两江新区", 500100),
        ("重庆市两江新区", "两江新区", 500100),
        ("雄安新区", "雄安新区", 130600),
        ("石家庄高新区", "石家庄高新技术产业开发区", 130100),
        ("长春市高新区", "长春高新技术产业开发区", 220100),
        ("绵阳高新区", "绵阳高新区", 510700),
        ("宜宾三江新区", "宜宾三江新区", 511500),
        ("横琴", "横琴粤澳深度合作区", 440400),
    ] {
        let r = place(text).region.unwrap_or_else(|| panic!("{text}"));
        assert_eq!(g().region(r).name, name, "{text}");
        assert_eq!(g().region(r).level, Level::Zone, "{text}");
        assert_eq!(g().city_of(r), Some(id(city)), "{text}");
    }
}

#[test]
fn a_generic_zone_word_after_a_city_without_that_zone_stays_the_park_named_with_its_place() {
    // 广元 has an 经开区 in the extras but no 高新区: the park is 广元市's 高新区, not any 高新区.
    let p = place("广元市高新区");
    assert_eq!(p.region, Some(id(510800)));
    assert_eq!(p.park.as_deref(), Some("广元市高新区"));
    // A bare kind of area keeps the place name it follows, as written (岳阳 has no 经开区 in the
    // extras); a park with a name of its own is kept alone.
    let p = place("岳阳经开区");
    assert_eq!(p.region, Some(id(430600)));
    assert_eq!(p.park.as_deref(), Some("岳阳经开区"));
    assert_eq!(p.notes, vec![PlaceNote::RestKeptAsPark { rest: "岳阳经开区".to_string() }]);
    let p = place("汨罗市循环经济产业园");
    assert_eq!(p.park.as_deref(), Some("循环经济产业园"));
}

#[test]
fn a_place_followed_by_its_own_city_in_brackets_has_no_park() {
    for text in ["双流区（成都）", "双流区(成都市)", "涪城区【绵阳】"] {
        let p = place(text);
        assert!(p.region.is_some() && p.park.is_none() && p.notes.is_empty(), "{text}: {p:?}");
    }
    // Another place's name in brackets stays what it was: a park kept with a note.
    let p = place("双流区（天府国际机场）");
    assert_eq!(p.park.as_deref(), Some("天府国际机场"));
}

#[test]
fn a_park_after_the_deepest_division_is_kept_as_the_park() {
    let p = place("成都市双流区成都芯谷");
    assert_eq!(p.region, Some(id(510116)));
    assert_eq!(p.park.as_deref(), Some("成都芯谷"));
    assert_eq!(p.notes, vec![PlaceNote::RestKeptAsPark { rest: "成都芯谷".to_string() }]);

    let p = place("成都市高新区天府软件园");
    assert_eq!(g().region(p.region.unwrap()).name, "成都高新区");
    assert_eq!(p.park.as_deref(), Some("天府软件园"));

    // Traditional text keeps its own script in the park
    let p = place("成都市雙流區 天府國際生物城");
    assert_eq!(p.region, Some(id(510116)));
    assert_eq!(p.park.as_deref(), Some("天府國際生物城"));

    // fillers are not parks
    let p = place("四川省全域");
    assert_eq!((p.region, p.park), (Some(id(510000)), None));
}

#[test]
fn chaoyang_district_is_ambiguous_until_the_city_is_named() {
    let p = place("朝阳区");
    assert_eq!(p.region, None);
    let PlaceNote::Ambiguous { name, candidates } = &p.notes[0] else { panic!("{:?}", p.notes) };
    assert_eq!(name, "朝阳区");
    let mut codes: Vec<u32> = candidates.iter().map(|c| g().region(*c).code).collect();
    codes.sort();
    assert_eq!(codes, [110105, 220104]);
    assert_eq!(p.notes[0].message(g(), Lang::En), "\"朝阳区\" is in both Beijing and Changchun; add the city");
    assert_eq!(p.notes[0].message(g(), Lang::ZhHant), "「朝阳区」同時是北京市和長春市的地名，請加上所屬城市");

    let p = place("长春市朝阳区");
    assert_eq!(p.region, Some(id(220104)));
    assert_eq!(p.notes, vec![PlaceNote::ResolvedByParent { name: "朝阳区".to_string(), chosen: id(220104) }]);
    assert_eq!(place_code("北京市朝阳区"), Some(110105));
    assert_eq!(place_code("北京朝阳区"), Some(110105));

    // named under a province only: the province, and the ambiguity is reported
    let p = place("四川省市中区");
    assert_eq!(p.region, Some(id(510000)));
    assert!(matches!(&p.notes[0], PlaceNote::Ambiguous { candidates, .. } if candidates.len() == 2));
}

#[test]
fn unknown_places_resolve_to_nothing() {
    for text in ["火星市", "火星", "", "  ", "、；", "项目地点待定", "999999", "abc xyz", "12", "000051"] {
        let p = place(text);
        assert_eq!(p.region, None, "{text}");
        assert!(p.notes.iter().all(|n| !matches!(n, PlaceNote::Ambiguous { .. })), "{text}: {:?}", p.notes);
    }
    // a short form glued to a town word is the town, not the county
    assert_eq!(place("城关镇").region, None);
}

#[test]
fn former_names_near_misses_and_lists() {
    assert_eq!(place_code("双流县"), Some(510116));
    assert_eq!(place_code("成都市郫县"), Some(510117));
    // a code no longer in use: its city
    assert_eq!(place_code("510124"), Some(510100));
    let p = place("绵羊市");
    assert_eq!(p.region, Some(id(510700)));
    assert!(matches!(p.notes[0], PlaceNote::NearMiss { .. }));
    // several places: the division enclosing them
    assert_eq!(place_code("成都市、德阳市"), Some(510000));
    assert_eq!(place_code("中国四川省成都市"), Some(510100));
    assert_eq!(place_code("凉山州西昌市"), Some(513401));
    assert_eq!(place_code("北川县"), Some(510726));
}

#[test]
fn latin_places_resolve() {
    assert_eq!(place_code("Chengdu"), Some(510100));
    assert_eq!(place_code("CHENGDU CITY"), Some(510100));
    assert_eq!(place_code("Shuangliu, Chengdu, Sichuan"), Some(510116));
    assert_eq!(place_code("Hong Kong"), Some(810000));
    let p = place("Chengdu Tianfu Software Park");
    assert_eq!(p.region, Some(id(510100)));
    assert_eq!(p.park.as_deref(), Some("Tianfu Software Park"));
}

#[test]
fn abbreviations_mean_their_province_or_city() {
    assert_eq!(query_codes("川"), [510000]);
    assert_eq!(query_codes("蜀"), [510000]);
    assert_eq!(query_codes("蓉"), [510100]);
    assert_eq!(query_codes("渝"), [500000]);
    assert_eq!(query_codes("黔"), [520000]);
    assert_eq!(query_codes("滬"), [310000]);
    assert_eq!(query_codes("京津"), [110000, 120000]);
    assert_eq!(place_code("川"), Some(510000));
    assert_eq!(place_code("蓉"), Some(510100));
    assert_eq!(place_code("蓉城"), Some(510100));
    // an abbreviation inside a longer name does not count
    assert_eq!(place_code("渝北区"), Some(500112));
}

#[test]
fn queries_in_any_script_and_pinyin_or_english() {
    assert_eq!(query_codes("德陽"), [510600]);
    assert_eq!(query_codes("成都"), [510100]);
    assert_eq!(query_codes("Chengdu"), [510100]);
    assert_eq!(query_codes("chengdu"), [510100]);
    assert_eq!(query_codes("Chengdu City"), [510100]);
    assert_eq!(query_codes("Sichuan"), [510000]);
    assert_eq!(query_codes("Sichuan Province"), [510000]);
    assert_eq!(query_codes("Guangdong"), [440000]);
    assert_eq!(query_codes("Shanghai"), [310000]);
    assert_eq!(query_codes("Hong Kong"), [810000]);
    assert_eq!(query_codes("hong kong"), [810000]);
    assert_eq!(query_codes("Shaanxi"), [610000]);
    assert_eq!(query_codes("Shanxi"), [140000]);
    assert_eq!(query_codes("Inner Mongolia"), [150000]);
    assert_eq!(query_codes("Tibet"), [540000]);
    assert_eq!(query_codes("Xizang"), [540000]);
    assert_eq!(query_codes("Xi'an"), [610100]);
    assert_eq!(query_codes("Canton"), [440100]);
    assert_eq!(query_codes("Macao"), [820000]);
    assert_eq!(query_codes("Chengdu, Sichuan"), [510100]);
    assert_eq!(query_codes("四川成都"), [510100]);
    assert_eq!(query_codes("四川省成都市双流区"), [510116]);
}

#[test]
fn query_lists_give_several_regions() {
    assert_eq!(query_codes("成都、重庆"), [510100, 500000]);
    assert_eq!(query_codes("成都,重庆"), [510100, 500000]);
    assert_eq!(query_codes("成都，重庆；绵阳"), [510100, 500000, 510700]);
    assert_eq!(query_codes("成都 重庆"), [510100, 500000]);
    assert_eq!(query_codes("成都和重庆"), [510100, 500000]);
    assert_eq!(query_codes("成都或德阳"), [510100, 510600]);
    assert_eq!(query_codes("成都/德阳"), [510100, 510600]);
    assert_eq!(query_codes("Chengdu and Chongqing"), [510100, 500000]);
    assert_eq!(query_codes("Chengdu or Chongqing"), [510100, 500000]);
    assert_eq!(query_codes("Beijing, Shanghai"), [110000, 310000]);
    // A comma separates names: two cities, not the zone "Chengdu-Chongqing".
    assert_eq!(query_codes("Chengdu, Chongqing"), [510100, 500000]);
    assert_eq!(query_codes("Chengdu,Chongqing"), [510100, 500000]);
    assert!(g().resolve_query("Chengdu, Chongqing").zones.is_empty());
    // names that contain a conjunction stay whole
    assert_eq!(query_codes("天津和平区"), [120101]);
}

#[test]
fn economic_zones_in_queries() {
    assert_eq!(query_zones("成渝"), ["成渝地区双城经济圈"]);
    assert_eq!(query_zones("成渝经济圈"), ["成渝地区双城经济圈"]);
    assert_eq!(query_zones("川渝"), ["成渝地区双城经济圈"]);
    assert_eq!(query_zones("Chengdu-Chongqing"), ["成渝地区双城经济圈"]);
    assert_eq!(query_zones("长三角"), ["长三角"]);
    assert_eq!(query_zones("長三角"), ["长三角"]);
    assert_eq!(query_zones("Yangtze River Delta"), ["长三角"]);
    assert_eq!(query_zones("YRD"), ["长三角"]);
    assert_eq!(query_zones("珠三角"), ["珠三角"]);
    assert_eq!(query_zones("粤港澳"), ["粤港澳大湾区"]);
    assert_eq!(query_zones("大湾区"), ["粤港澳大湾区"]);
    assert_eq!(query_zones("Greater Bay Area"), ["粤港澳大湾区"]);
    assert_eq!(query_zones("京津冀"), ["京津冀"]);
    assert_eq!(query_zones("Jing-Jin-Ji"), ["京津冀"]);
    assert_eq!(query_zones("川南"), ["川南经济区"]);
    assert_eq!(query_zones("成都平原经济区"), ["成都平原经济区"]);
    assert_eq!(query_zones("攀西"), ["攀西经济区"]);
    assert_eq!(query_zones("川东北、川西北"), ["川东北经济区", "川西北生态示范区"]);
    assert_eq!(query_zones("粤东"), ["粤东"]);
    assert_eq!(query_zones("粵北地區"), ["粤北"]);
    assert_eq!(query_zones("Western Guangdong"), ["粤西"]);
    assert_eq!(query_zones("胶东"), ["胶东经济圈"]);
    assert_eq!(query_zones("Jiaodong Peninsula"), ["胶东经济圈"]);
    // Parts of provinces, coasts and city tiers as investors say them.
    assert_eq!(query_zones("湘中"), ["湘中"]);
    assert_eq!(query_zones("浙北、豫西"), ["浙北", "豫西"]);
    assert_eq!(query_zones("鲁西南"), ["鲁西南"]);
    assert_eq!(query_zones("大西南"), ["西南地区"]);
    assert_eq!(query_zones("Sichuan Basin"), ["成渝地区双城经济圈"]);
    assert_eq!(query_zones("一线城市"), ["一线城市"]);
    assert_eq!(query_zones("北上广深"), ["一线城市"]);
    assert_eq!(query_zones("新一线"), ["新一线城市"]);
    assert_eq!(query_zones("coastal China"), ["沿海地区"]);
    // 沿海城市 is the coast, not 海城市 (Haicheng) inside it.
    let q = g().resolve_query("沿海城市");
    assert_eq!((q.regions.len(), q.not_understood.len()), (0, 0), "{q:?}");
    assert_eq!(query_zones("沿海城市"), ["沿海地区"]);
    let tier1 = 1u64 << zone_index("一线城市");
    assert_ne!(g().econ_zone_mask(id(440305)) & tier1, 0, "深圳市南山区");
    assert_eq!(g().econ_zone_mask(id(440500)) & tier1, 0, "汕头");
    // English words around a place name are no place (`anywhere in Hubei`).
    let q = g().resolve_query("anywhere in Hubei");
    assert_eq!((q.regions, q.not_understood.len()), (vec![id(420000)], 0));
    let jiaodong = 1u64 << zone_index("胶东经济圈");
    assert_ne!(g().econ_zone_mask(id(370212)) & jiaodong, 0, "青岛市崂山区");
    assert_eq!(g().econ_zone_mask(id(370100)) & jiaodong, 0, "济南");
    let q = g().resolve_query("成渝、贵阳");
    assert_eq!(q.zones.len(), 1);
    assert_eq!(q.regions, [id(520100)]);
}

#[test]
fn econ_zone_masks_follow_membership() {
    let chengyu = 1u64 << zone_index("成渝地区双城经济圈");
    let fucheng = id(510703); // 绵阳市涪城区
    let yubei = id(500112); // 重庆市渝北区
    assert_ne!(g().econ_zone_mask(fucheng) & chengyu, 0);
    assert_ne!(g().econ_zone_mask(yubei) & chengyu, 0);
    assert_ne!(g().econ_zone_mask(id(500000)) & chengyu, 0);
    assert_ne!(g().econ_zone_mask(place("天府新区").region.unwrap()) & chengyu, 0);
    assert_eq!(g().econ_zone_mask(id(520100)) & chengyu, 0, "贵阳");
    assert_eq!(g().econ_zone_mask(id(520102)) & chengyu, 0, "贵阳 南明区");
    assert_eq!(g().econ_zone_mask(id(513200)) & chengyu, 0, "阿坝 is not in the plan");

    let gba = 1u64 << zone_index("粤港澳大湾区");
    assert_ne!(g().econ_zone_mask(id(440305)) & gba, 0, "深圳 南山区");
    assert_ne!(g().econ_zone_mask(id(810000)) & gba, 0, "Hong Kong");
    assert_eq!(g().econ_zone_mask(id(440500)) & gba, 0, "汕头");
    let plain = 1u64 << zone_index("成都平原经济区");
    assert_ne!(g().econ_zone_mask(id(510116)) & plain, 0);
    assert_eq!(g().econ_zone_mask(id(511500)) & plain, 0, "宜宾 is 川南");
    let yrd = 1u64 << zone_index("长三角");
    assert_ne!(g().econ_zone_mask(place("苏州工业园区").region.unwrap()) & yrd, 0);
    assert_eq!(g().econ_zone_mask(id(510000)) & yrd, 0);
}

#[test]
fn what_cannot_be_understood_is_reported() {
    let q = g().resolve_query("火星");
    assert!(q.regions.is_empty() && q.zones.is_empty());
    assert_eq!(q.not_understood, ["火星"]);
    let q = g().resolve_query("成都、火星");
    assert_eq!(q.regions, [id(510100)]);
    assert_eq!(q.not_understood, ["火星"]);
    let q = g().resolve_query("Mars");
    assert_eq!(q.not_understood, ["Mars"]);
    let q = g().resolve_query("成都周边");
    assert_eq!((q.regions.len(), q.not_understood.len()), (1, 0));
}

#[test]
fn near_misses_are_accepted_with_a_note() {
    let q = g().resolve_query("Chengdou");
    assert_eq!(q.regions, [id(510100)]);
    assert_eq!(q.notes, vec![PlaceNote::NearMiss { typed: "Chengdou".to_string(), chosen: id(510100) }]);
    assert_eq!(q.notes[0].message(g(), Lang::En), "\"Chengdou\" read as Chengdu, Sichuan");
    assert_eq!(query_codes("Chongquing"), [500000]);
    assert_eq!(query_codes("城都"), [510100]);
    assert!(g().resolve_query("Paris").regions.is_empty());
}

#[test]
fn ambiguous_query_names_give_every_candidate_and_a_note() {
    let q = g().resolve_query("朝阳区");
    assert_eq!(q.regions.len(), 2);
    assert!(matches!(q.notes[0], PlaceNote::Ambiguous { .. }));
    let q = g().resolve_query("长春朝阳区");
    assert_eq!(q.regions, [id(220104)]);
    assert!(matches!(q.notes[0], PlaceNote::ResolvedByParent { .. }));
    // a short form that is a city and some counties: the city
    assert_eq!(query_codes("朝阳"), [211300]);
    // a province and a city of the same name: the province
    assert_eq!(query_codes("吉林"), [220000]);
}

#[test]
fn short_forms_and_names() {
    let r = |code| g().region(id(code));
    assert_eq!(r(510700).short, "绵阳");
    assert_eq!(r(510703).short, "涪城");
    assert_eq!(r(513400).short, "凉山");
    assert_eq!(r(450000).short, "广西");
    assert_eq!(r(150000).short, "内蒙古");
    assert_eq!(r(510402).short, "东区");
    assert_eq!(r(510116).name_hant, "雙流區");
    assert_eq!(r(510100).name_hant, "成都市");
    assert_eq!(r(510100).pinyin, "chengdu");
    assert_eq!(r(500000).pinyin, "chongqing");
    assert_eq!(r(150000).name_en, "Inner Mongolia");
    assert_eq!(r(610000).name_en, "Shaanxi");
    assert_eq!(r(140000).name_en, "Shanxi");
    assert_eq!(r(810000).name_en, "Hong Kong");
    assert_eq!(r(510116).name_en, "Shuangliu");
}

#[test]
fn display_in_three_languages() {
    let shuangliu = id(510116);
    assert_eq!(g().display_name(id(510100), Lang::ZhHans), "成都市");
    assert_eq!(g().display_name(id(510100), Lang::En), "Chengdu");
    assert_eq!(g().display_path(shuangliu, Lang::ZhHans), "四川省成都市双流区");
    assert_eq!(g().display_path(shuangliu, Lang::ZhHant), "四川省成都市雙流區");
    assert_eq!(g().display_path(shuangliu, Lang::En), "Shuangliu, Chengdu, Sichuan");
    assert_eq!(g().display_path(id(110105), Lang::ZhHans), "北京市朝阳区");
    assert_eq!(g().display_path(id(110105), Lang::En), "Chaoyang, Beijing");
    assert_eq!(g().display_path(id(320576), Lang::En), "Suzhou Industrial Park, Suzhou, Jiangsu");
}

#[test]
fn hierarchy_accessors() {
    let shuangliu = id(510116);
    assert_eq!(g().province_of(shuangliu), id(510000));
    assert_eq!(g().city_of(shuangliu), Some(id(510100)));
    assert_eq!(g().county_of(shuangliu), Some(shuangliu));
    assert_eq!(g().city_of(id(510000)), None);
    assert_eq!(g().county_of(id(510100)), None);
    // a municipality: the district's city is the municipality
    let chaoyang = id(110105);
    assert_eq!(g().city_of(chaoyang), Some(id(110100)));
    assert_eq!(g().city_of(id(110000)), Some(id(110100)));
    assert_eq!(g().region(id(110100)).name, "北京市");
    assert_eq!(g().city_of(id(500229)), Some(id(500100)), "城口县 under 重庆市");
    // a county-level city directly under the province is its own city
    let xiantao = id(429004);
    assert_eq!(g().region(xiantao).parent, Some(id(420000)));
    assert_eq!(g().city_of(xiantao), Some(xiantao));
    assert!(g().is_within(shuangliu, id(510000)));
    assert!(!g().is_within(id(510000), shuangliu));
    assert_eq!(g().by_code(51), Some(id(510000)));
    assert_eq!(g().by_code(5101), Some(id(510100)));
    assert_eq!(g().by_code(510116001), Some(shuangliu));
    assert_eq!(g().by_code(0), None);
}

#[test]
fn suggestions_put_provinces_before_cities_before_counties() {
    let names = |prefix: &str, n: usize| -> Vec<String> {
        g().suggest(prefix, n)
            .iter()
            .map(|s| match s {
                Suggestion::Region(r) => g().region(*r).name.clone(),
                Suggestion::Zone(z) => g().econ_zones()[*z].name.clone(),
            })
            .collect()
    };
    assert_eq!(names("四川", 1), ["四川省"]);
    assert_eq!(names("sichuan", 1), ["四川省"]);
    assert_eq!(names("綿陽", 1), ["绵阳市"]);
    assert_eq!(names("mianyang", 1), ["绵阳市"]);
    assert_eq!(names("Hong", 1), ["香港特别行政区"]);
    assert_eq!(names("大湾", 1), ["粤港澳大湾区"]);
    assert_eq!(names("gba", 1), ["粤港澳大湾区"]);
    assert!(names("", 5).is_empty());
    assert!(names("成都", 0).is_empty());
    let levels: Vec<u8> = g()
        .suggest("南", 80)
        .iter()
        .filter_map(|s| match s {
            Suggestion::Region(r) => Some(g().rank(*r)),
            Suggestion::Zone(_) => None,
        })
        .collect();
    assert!(levels.len() >= 40);
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    assert_eq!(names("南", 1), ["河南省"]);
}

#[test]
fn no_input_makes_it_panic() {
    let long = "四川".repeat(5_000);
    let inputs = [
        "",
        " ",
        "\u{0}",
        "（",
        "）成都",
        "成都（",
        "🙂",
        "💩成都",
        "a",
        "1",
        "12",
        "1234567",
        "99999999999999999999",
        "&&&",
        "-",
        "and",
        "or",
        "和",
        "高新区",
        "经开区",
        "市",
        "区区区",
        "'",
        "hong kong kong",
        "510116510116",
        "四川省省省",
        &long,
        "\u{202e}成都",
        "ＣＨＥＮＧＤＵ",
        "成都\t\n重庆",
        "Ä",
        "ß",
        "İstanbul",
    ];
    for s in inputs {
        let _ = g().resolve_place(s);
        let _ = g().resolve_query(s);
        let _ = g().suggest(s, 10);
        for n in place(s).notes.iter().chain(&g().resolve_query(s).notes) {
            for lang in Lang::ALL {
                assert!(!n.message(g(), lang).is_empty());
            }
        }
    }
}

#[test]
fn messages_in_three_languages() {
    let notes = [
        PlaceNote::ResolvedByParent { name: "朝阳区".into(), chosen: id(220104) },
        PlaceNote::Ambiguous { name: "鼓楼区".into(), candidates: vec![id(320106), id(320302), id(350102)] },
        PlaceNote::RestKeptAsPark { rest: "成都芯谷".into() },
        PlaceNote::NearMiss { typed: "Chengdou".into(), chosen: id(510100) },
    ];
    let en: Vec<String> = notes.iter().map(|n| n.message(g(), Lang::En)).collect();
    assert_eq!(en[0], "\"朝阳区\" names several places; the parent named with it chose Chaoyang, Changchun, Jilin");
    assert_eq!(en[1], "\"鼓楼区\" is in Nanjing, Xuzhou and Fuzhou; add the city");
    assert_eq!(en[2], "\"成都芯谷\" is below the known divisions; kept as the park");
    assert_eq!(notes[1].message(g(), Lang::ZhHans), "“鼓楼区”同时是南京市、徐州市和福州市的地名，请加上所属城市");
    assert_eq!(notes[2].message(g(), Lang::ZhHant), "「成都芯谷」不是已知的行政區劃，已作為園區／載體保留");
    assert_eq!(notes[3].message(g(), Lang::ZhHans), "“Chengdou”已按“四川省成都市”理解");
}

#[test]
fn every_region_path_resolves_back_to_its_region() {
    let mut failures = Vec::new();
    let mut english_failures = Vec::new();
    for (rid, r) in g().regions() {
        let expect = |got: Option<RegionId>| {
            // a municipality's own city row is named like its province
            got == Some(rid) || (r.level == Level::City && got == r.parent && g().region(r.parent.unwrap()).name == r.name)
        };
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let path = g().display_path(rid, lang);
            let got = place(&path);
            if !expect(got.region) || got.park.is_some() {
                failures.push(format!("{path} → {:?} {:?}", got.region.map(|x| g().region(x).code), got.park));
            }
        }
        let path = g().display_path(rid, Lang::En);
        if r.level != Level::Zone && !expect(place(&path).region) {
            english_failures.push(format!("{path} → {:?}", place(&path).region.map(|x| g().region(x).code)));
        }
    }
    assert!(failures.is_empty(), "{} failures: {:#?}", failures.len(), failures);
    // English names are pinyin: 和田市 and 和田县 are both "Hetian, Hotan, Xinjiang" (8 such paths)
    assert!(english_failures.len() <= 10, "{} failures: {:#?}", english_failures.len(), english_failures);
}

#[test]
fn sichuan_list_forms() {
    assert_eq!(place_code("甘孜州康定市"), Some(513301));
    assert_eq!(place_code("阿坝州汶川县"), Some(513221));
    assert_eq!(place_code("四川省 成都市 双流区"), Some(510116));
    assert_eq!(place_code("攀枝花东区"), Some(510402));
    assert_eq!(place_code("四川省成都市、绵阳市、德阳市"), Some(510000));
    assert_eq!(place_code("四川省宜宾市三江新区"), Some(511590));
    // a zone in brackets after its county: the county, the zone kept as the park
    let p = place("成都市龙泉驿区（成都经开区）");
    assert_eq!(p.region, Some(id(510112)));
    assert_eq!(p.park.as_deref(), Some("成都经开区"));
    let q = g().resolve_query("Chengdu High-tech Zone");
    assert_eq!(g().region(q.regions[0]).name, "成都高新区");
    assert_eq!(query_zones("江浙沪"), ["江浙沪"]);
    assert_eq!(query_zones("成德眉资"), ["成都都市圈"]);
}

#[test]
fn a_partial_latin_name_resolves_to_the_first_suggestion() {
    for typed in ["Cheng", "chengd", "Beiji", "Hong K", "Shangh", "Guangz", "Kunm", "Yangtze Riv"] {
        let first = g().suggest(typed, 8)[0];
        let q = g().resolve_query(typed);
        match first {
            Suggestion::Region(id) => assert_eq!(q.regions, [id], "{typed}"),
            Suggestion::Zone(z) => assert_eq!(q.zones, [z], "{typed}"),
        }
        assert!(q.not_understood.is_empty(), "{typed}: {q:?}");
    }
    // Never 册亨 (Ceheng) by edit distance while the suggestions start with other places; among
    // cities the provincial capital comes first.
    assert_eq!(g().region(g().resolve_query("Cheng").regions[0]).name, "成都市");
    assert_eq!(g().region(g().resolve_query("Nanj").regions[0]).name, "南京市");
    // A typo that starts no name is still a near miss.
    assert_eq!(g().region(g().resolve_query("Chengdou").regions[0]).name, "成都市");
}

#[test]
fn regional_names_are_zones() {
    let zone = |text: &str| -> Vec<String> { g().resolve_query(text).zones.iter().map(|z| g().econ_zones()[*z].name.clone()).collect() };
    for (typed, name) in [
        ("西南", "西南地区"),
        ("西北", "西北地区"),
        ("东北", "东北地区"),
        ("華東", "华东地区"),
        ("华南", "华南地区"),
        ("华北", "华北地区"),
        ("华中", "华中地区"),
        ("苏南", "苏南"),
        ("苏北", "苏北"),
        ("皖江", "皖江城市带"),
        ("北部湾", "北部湾城市群"),
        ("长江经济带", "长江经济带"),
        ("黄河流域", "黄河流域"),
        ("海峡西岸", "海峡西岸经济区"),
        ("关中", "关中平原城市群"),
        ("Southwest China", "西南地区"),
        ("Beibu Gulf", "北部湾城市群"),
    ] {
        assert_eq!(zone(typed), [name], "{typed}");
    }
    let wanjiang = 1u64 << zone_index("皖江城市带");
    assert_ne!(g().econ_zone_mask(id(340200)) & wanjiang, 0, "芜湖 is on the 皖江 belt");
    assert_eq!(g().econ_zone_mask(id(340600)) & wanjiang, 0, "淮北 is not");
    // Broad areas count only when typed: they are not kin.
    let southwest = 1u64 << zone_index("西南地区");
    assert_eq!(g().kin_zones() & southwest, 0);
    assert_ne!(g().kin_zones() & (1u64 << zone_index("成渝地区双城经济圈")), 0);
}

#[test]
fn new_areas_and_parks_are_under_their_true_city() {
    for (typed, city) in [
        ("杭州湾新区", "宁波市"),
        ("东部新区", "成都市"),
        ("梅山保税港区", "宁波市"),
        ("梅山", "宁波市"),
        ("临港新片区", "上海市"),
        ("光谷", "武汉市"),
        ("亦庄", "北京市"),
        ("中关村", "北京市"),
        ("西永", "重庆市"),
        ("平潭综合实验区", "福州市"),
    ] {
        let q = g().resolve_query(typed);
        assert_eq!(q.regions.len(), 1, "{typed}: {q:?}");
        let c = g().city_of(q.regions[0]).unwrap();
        assert_eq!(g().region(c).name, city, "{typed}");
        let p = g().resolve_place(typed);
        assert_eq!(p.region, Some(q.regions[0]), "{typed} as a project's place");
    }
}

#[test]
fn latin_names_are_built_only_when_latin_text_is_read() {
    // A gazetteer of its own: the shared one may have read Latin text in another test.
    let fresh = data::build();
    let chengdu = fresh.by_code(510100).unwrap();
    assert_eq!(fresh.resolve_place("四川省成都市双流区").region, fresh.by_code(510116));
    assert_eq!(fresh.resolve_query("成都、绵羊市").regions[0], chengdu);
    assert!(fresh.names.latin.get().is_none(), "Chinese places and queries need no Latin names");
    // Latin text builds them, with the same answers as the shared gazetteer.
    assert_eq!(fresh.resolve_query("Chengdu").regions, vec![chengdu]);
    assert!(fresh.names.latin.get().is_some());
    for typed in ["chengdou", "Xi'an", "shanxi", "Hong Kong", "Pearl River Delta", "Inner Mongolia"] {
        let (a, b) = (fresh.resolve_query(typed), g().resolve_query(typed));
        assert_eq!((a.regions, a.zones), (b.regions, b.zones), "{typed}");
    }
}
