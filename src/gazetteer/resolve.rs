//! Reading region text: a project's region field ([`Gazetteer::resolve_place`]) and an investor's
//! region query ([`Gazetteer::resolve_query`]).
//!
//! Chinese text is cut greedily into the longest known names (full names, short forms, Traditional
//! forms through folding, aliases), each next name a division inside the previous one. Latin text
//! (pinyin, English) is cut into words and matched on joined words (`hong kong` → `hongkong`).

use super::data::{Entry, Target};
use super::folded::{is_sep, Folded};
use super::latin::Word;
use super::{Gazetteer, Level, PlaceNote, PlaceResolution, RegionId, RegionQuery};
use crate::fold::{fold, is_cjk};

/// A short form glued onto one of these is part of a smaller place name (城关镇, 涪城路), not a county.
const BLOCK_AFTER_SHORT: &[char] = &['镇', '乡', '村', '街', '路', '道', '巷', '号', '楼'];
/// A short form followed by one of these takes it along (双流县, the former name of 双流区).
const SUFFIX_AFTER_SHORT: &[char] = &['县', '区', '市', '旗'];
/// Generic zone words after a city name: 成都高新区 → the city's high-tech zone if known.
const GENERIC_ZONE_WORDS: &[(&str, &str)] = &[
    ("高新技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("高新区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("经开区", "经开区"),
];
/// Words that add nothing to a region (四川省全域, 成都周边).
const FILLERS: &[&str] = &[
    // Conjunctions of two characters (one-character ones are `CJK_CONJUNCTIONS`).
    "或者",
    "或是",
    "还是",
    "以及",
    // What an investor prefers (`四川境内，最好成都`): the places are read alike.
    "最好是",
    "最好",
    "首选",
    "尽量",
    // How many (`西南三省`, `东北三省` is a zone's own name and matches first).
    "三省",
    "四省",
    "五省",
    "六省",
    "各省",
    // The whole of the place before (`绵阳市各县区`, `全市`): the place itself.
    "各县市区",
    "各县区",
    "各区县",
    "各县市",
    "各区市县",
    "所辖县区",
    "全市",
    "全域",
    "全县",
    "全区",
    "全国各地",
    "全国范围",
    "中国大陆",
    "其他都行",
    "其他均可",
    "其他都可以",
    "及周边",
    "哪里都可以",
    "哪里都行",
    "任何地方",
    "任意地区",
    "地区不限",
    "不限地区",
    "不限",
    "发达地区",
    "城市",
    "省份",
    "各市",
    "都市圈",
    "城市圈",
    "经济圈",
    "都市区",
    "同城化",
    "全国",
    "任意",
    "随便",
    "无所谓",
    "国内",
    "内地",
    "大陆",
    "其他",
    "其余",
    "之内",
    "范围内",
    "都可以",
    "全域",
    "全境",
    "境内",
    "辖区",
    "全省",
    "全市",
    "全区",
    "全县",
    "各地",
    "等地",
    "一带",
    "周边",
    "附近",
    "地区",
    "区域",
    "范围",
    "市区",
    "城区",
    "省内",
    "市内",
    "以内",
    "优先",
    "均可",
    "都行",
    "都可",
    "等",
    "内",
];
/// A side of the place named just before (`江苏南部`, `成都以东`): read as that place whole, with a
/// [`PlaceNote::PartOfPlace`], never as a place of its own (南部 is also a county in Sichuan) nor
/// as a broad zone (东部 is China's east). Longer first.
const SIDES: &[&str] = &[
    "东南部",
    "东北部",
    "西南部",
    "西北部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "东边",
    "西边",
    "南边",
    "北边",
    "东面",
    "西面",
    "南面",
    "北面",
    "东侧",
    "西侧",
    "南侧",
    "北侧",
    "以东",
    "以西",
    "以南",
    "以北",
    "东南",
    "东北",
    "西南",
    "西北",
];

/// Kinds of zone a city has, as investors write them after its name (`长沙经开区`, `厦门自贸区`):
/// when the gazetteer does not list that city's zone, the city is read whole and the investor told
/// (longer first).
const ZONE_KINDS: &[&str] = &[
    "高新技术产业开发区",
    "经济技术开发区",
    "自由贸易试验区",
    "综合保税区",
    "经济开发区",
    "高新区",
    "经开区",
    "自贸区",
    "自贸片区",
    "综保区",
    "保税区",
    "开发区",
    "工业园区",
    "产业园区",
    "工业园",
    "产业园",
    "园区",
];

/// The word of `words` (longest first) that `t` has at `pos`, if any: a side (`南部`, [`SIDES`]) or
/// a kind of zone (`自贸区`, [`ZONE_KINDS`]).
fn word_at(t: &Folded, pos: usize, end: usize, words: &[&'static str]) -> Option<&'static str> {
    let rest = &t.text[t.offs[pos]..t.offs[end]];
    words.iter().copied().find(|w| rest.starts_with(w))
}

/// Conjunctions between places in a query (成都和重庆).
const CJK_CONJUNCTIONS: &[char] = &['和', '及', '与', '或', '跟'];
const COUNTRY_PREFIXES: &[&str] = &["中华人民共和国", "中国"];

/// A name found in the text.
struct Hit {
    end: usize,
    /// Every division the name can mean.
    raw: Vec<RegionId>,
    /// Those consistent with the division named before it.
    cands: Vec<RegionId>,
}

impl Gazetteer {
    /// Resolves the region field of a project: a six-digit code (`510116`), a name path in
    /// Simplified or Traditional Chinese with or without suffixes (`四川省绵阳市涪城区`, `绵阳涪城`,
    /// `德陽市旌陽區`), a development zone (`苏州工业园区`, `成都高新区`), or pinyin/English
    /// (`Chengdu`, `Shuangliu, Chengdu`).
    ///
    /// Text after the deepest known division becomes the park (with a
    /// [`PlaceNote::RestKeptAsPark`] note). A name that fits several places and is not settled by a
    /// parent in the same text leaves the region `None` with a [`PlaceNote::Ambiguous`] note.
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::{Gazetteer, PlaceNote};
    /// use opportunity_matcher::Lang;
    /// let g = Gazetteer::global();
    ///
    /// let p = g.resolve_place("绵阳涪城");
    /// assert_eq!(g.display_path(p.region.unwrap(), Lang::ZhHans), "四川省绵阳市涪城区");
    ///
    /// let p = g.resolve_place("成都市双流区成都芯谷");
    /// assert_eq!(g.region(p.region.unwrap()).name, "双流区");
    /// assert_eq!(p.park.as_deref(), Some("成都芯谷"));
    ///
    /// let p = g.resolve_place("朝阳区"); // Beijing's or Changchun's?
    /// assert_eq!(p.region, None);
    /// assert!(matches!(&p.notes[0], PlaceNote::Ambiguous { candidates, .. } if candidates.len() == 2));
    ///
    /// let p = g.resolve_place("长春市朝阳区");
    /// assert_eq!(g.display_path(p.region.unwrap(), Lang::En), "Chaoyang, Changchun, Jilin");
    ///
    /// assert_eq!(g.resolve_place("火星市").region, None);
    ///
    /// // A bilingual cell: the place in either script.
    /// let p = g.resolve_place("Qinzhou, Guangxi 广西钦州");
    /// assert_eq!(g.region(p.region.unwrap()).name, "钦州市");
    ///
    /// // A cell with its label.
    /// let p = g.resolve_place("项目所在地：绵阳市涪城区");
    /// assert_eq!(g.region(p.region.unwrap()).name, "涪城区");
    /// ```
    pub fn resolve_place(&self, text: &str) -> PlaceResolution {
        let whole = self.resolve_place_any_script(text);
        // A cell with its label (`项目所在地：仁怀市茅台镇`, `地点: 成都`): the place after it.
        if whole.region.is_some() {
            return whole;
        }
        match text.split_once(['：', ':']).filter(|(label, rest)| label.chars().count() <= 8 && !rest.trim().is_empty()) {
            Some((_, rest)) => Some(self.resolve_place_any_script(rest)).filter(|p| p.region.is_some()).unwrap_or(whole),
            None => whole,
        }
    }

    fn resolve_place_any_script(&self, text: &str) -> PlaceResolution {
        let whole = self.resolve_place_in_one_script(text);
        // A bilingual cell (`Qinzhou, Guangxi 广西钦州`, `成都 Chengdu`): each script's words alone.
        let is_latin = |c: char| c.is_ascii_alphabetic();
        if whole.region.is_some() || !text.chars().any(is_cjk) || !text.chars().any(is_latin) {
            return whole;
        }
        let cjk: String = text.chars().map(|c| if is_latin(c) { ' ' } else { c }).collect();
        let latin: String = text.chars().map(|c| if is_cjk(c) { ' ' } else { c }).collect();
        // Only when both parts name the place, one within the other, cleanly: no note (a near miss,
        // a guess) and nothing left over as a park (`QQQ成都市` is no bilingual cell, and garbled
        // text has letters that near-miss a place's name).
        let clean = |part: &str| Some(self.resolve_place_in_one_script(part)).filter(|p| p.notes.is_empty() && p.park.is_none());
        match (clean(&cjk), clean(&latin)) {
            (Some(c), Some(l)) => match (c.region, l.region) {
                (Some(a), Some(b)) if self.is_within(a, b) => c,
                (Some(a), Some(b)) if self.is_within(b, a) => l,
                _ => whole,
            },
            _ => whole,
        }
    }

    fn resolve_place_in_one_script(&self, text: &str) -> PlaceResolution {
        let t = Folded::new(text);
        let mut out = PlaceResolution::default();
        let start = t.skip_seps(0, t.len());
        let mut end = t.len();
        while end > start && is_sep(t.chars[end - 1]) {
            end -= 1;
        }
        if start == end {
            return out;
        }
        let body = t.key(start, end);
        if body.bytes().all(|b| b.is_ascii_digit()) {
            out.region = self.code_text(body);
            return out;
        }
        if !t.chars[start..end].iter().any(|&c| is_cjk(c)) {
            return self.latin_place(&t, start, end);
        }
        let mut pos = start;
        for p in COUNTRY_PREFIXES {
            if body.starts_with(p) && body.len() > p.len() {
                pos = t.skip_seps(start + p.chars().count(), end);
                break;
            }
        }
        let (places, stop) = self.walk(&t, pos, end, false, &mut out.notes);
        let Some(place) = places.into_iter().next() else {
            // Nothing at the start: a lone abbreviation (川, 蓉), or a near miss (绵羊市).
            if end - pos == 1 {
                if let Some(ids) = self.names.abbr.get(&t.chars[pos]) {
                    out.region = self.choose(ids).ok();
                    return out;
                }
            }
            if (2..=6).contains(&(end - pos)) {
                if let Some(id) = self.near_cjk(&t.chars[pos..end]) {
                    out.region = Some(id);
                    out.notes.push(PlaceNote::NearMiss { typed: t.original(pos, end), chosen: id });
                }
            }
            return out;
        };
        match self.choose(&place.cands) {
            Ok(id) => out.region = Some(id),
            Err(cands) => {
                out.notes.push(PlaceNote::Ambiguous { name: t.key(place.start, place.end).to_string(), candidates: cands });
                out.region = place.parent;
            }
        }
        let rest_start = t.skip_seps(stop, end);
        if rest_start < end && out.region.is_some() {
            let rest_key = t.key(rest_start, end);
            if is_filler(rest_key) {
                return out;
            }
            // 成都市、德阳市: a list of places is read as the division enclosing them all.
            let list_sep = t.chars[stop..rest_start].iter().any(|c| matches!(c, '、' | ',' | ';' | '/' | '|' | '和' | '及'));
            if list_sep {
                if let Some(common) = self.enclosing_list(&t, out.region, rest_start, end) {
                    if out.region != Some(common) {
                        out.notes.push(PlaceNote::SeveralPlaces { typed: t.original(start, end), chosen: common });
                    }
                    out.region = Some(common);
                    return out;
                }
            }
            // `双流区（成都）`, `涪城区 绵阳市`: the rest names the place's own city or province.
            let inner = rest_key.trim_matches(|c: char| is_sep(c) || "()（）[]【】".contains(c));
            // Compared with the ancestors' names, never resolved again: a hostile text of a thousand
            // places must not recurse a thousand deep.
            if let Some(region) = out.region.filter(|_| !inner.is_empty()) {
                let names_an_ancestor = self.ancestors(region).filter(|a| *a != region).any(|a| {
                    let r = self.region(a);
                    inner == fold(&r.name) || inner == fold(&r.short)
                });
                if names_an_ancestor {
                    return out;
                }
            }
            // 岳阳经开区, 南湖新区: a bare kind of area right after a place is that place's, kept with it.
            let park = if rest_start == stop && super::english::is_bare_area_kind(rest_key) {
                t.original(place.start, end)
            } else {
                t.original(rest_start, end)
            };
            out.park = Some(park.clone());
            out.notes.push(PlaceNote::RestKeptAsPark { rest: park });
        }
        out
    }

    /// Resolves an investor's region text: one or more provinces, cities, counties or zones
    /// (separated by `、,，;；/`, spaces, `和 及 与 或`, `and`, `or`), in Chinese (any script, with or
    /// without suffixes), abbreviations (`川`, `蓉`, `渝`), pinyin or English (`Chengdu`,
    /// `Hong Kong`, `Sichuan Province`), economic zones (`成渝`, `长三角`, `大湾区`, `GBA`), and
    /// near-miss spellings of region names (`Chengdou`).
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::Gazetteer;
    /// let g = Gazetteer::global();
    /// let names = |text: &str| -> Vec<String> {
    ///     g.resolve_query(text).regions.iter().map(|id| g.region(*id).name.clone()).collect()
    /// };
    /// assert_eq!(names("成都、重庆"), ["成都市", "重庆市"]);
    /// assert_eq!(names("Chengdu and Chongqing"), ["成都市", "重庆市"]);
    /// assert_eq!(names("川"), ["四川省"]);
    /// assert_eq!(names("蓉"), ["成都市"]);
    ///
    /// let q = g.resolve_query("成渝 火星");
    /// assert_eq!(g.econ_zones()[q.zones[0]].name, "成渝地区双城经济圈");
    /// assert_eq!(q.not_understood, ["火星"]);
    /// ```
    pub fn resolve_query(&self, text: &str) -> RegionQuery {
        let t = Folded::new(text);
        let mut out = RegionQuery::default();
        let n = t.len();
        let mut pos = 0;
        let mut latin: Vec<Word> = Vec::new();
        let (mut brk, mut comma) = (false, false);
        while pos < n {
            let c = t.chars[pos];
            if is_sep(c) {
                if !c.is_whitespace() && c != ',' && c != '\'' && c != '-' && c != '.' {
                    brk = true;
                }
                comma |= c == ',';
                pos += 1;
            } else if is_cjk(c) {
                let mut e = pos;
                while e < n && !is_sep(t.chars[e]) && !t.chars[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                self.query_latin(&t, std::mem::take(&mut latin), &mut out);
                self.query_cjk(&t, pos, e, &mut out);
                brk = true;
                pos = e;
            } else {
                let mut e = pos;
                while e < n && !is_sep(t.chars[e]) && !is_cjk(t.chars[e]) {
                    e += 1;
                }
                latin.push(Word { start: pos, end: e, brk: std::mem::take(&mut brk), comma: std::mem::take(&mut comma) });
                pos = e;
            }
        }
        self.query_latin(&t, latin, &mut out);
        // `Xiamen or Fuzhou`: a name several places bear, beside a place read clearly, is the one in
        // that place's province (Fuzhou beside Xiamen is Fujian's), when only one is.
        let ambiguous: Vec<RegionId> = out.notes.iter().flat_map(PlaceNote::candidates).collect();
        let clear: Vec<RegionId> = out.regions.iter().copied().filter(|r| !ambiguous.contains(r)).collect();
        self.choose_near(&mut out, &clear);
        // A zone read as places (广佛) names its members; only zones with a bit stay zones.
        let (as_places, zones): (Vec<usize>, Vec<usize>) = out.zones.iter().partition(|z| self.zones[**z].read_as_places);
        out.zones = zones;
        out.regions.extend(as_places.iter().flat_map(|z| self.zones[*z].members.iter().copied()));
        let mut seen = crate::hash::FxSet::default();
        out.regions.retain(|r| seen.insert(*r));
        let mut seen = crate::hash::FxSet::default();
        out.zones.retain(|z| seen.insert(*z));
        out
    }

    /// A name of several places in `rq` read as the one in the province of a place of `near`, when
    /// exactly one candidate is: `Fuzhou` beside Xiamen is Fujian's; `except Suzhou` after Jiangsu
    /// is Jiangsu's. The note asking for the province goes with it.
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::Gazetteer;
    /// let g = Gazetteer::global();
    /// let mut fuzhou = g.resolve_query("Fuzhou");
    /// assert_eq!(fuzhou.regions.len(), 2);
    /// let xiamen = g.resolve_query("Xiamen").regions;
    /// g.choose_near(&mut fuzhou, &xiamen);
    /// assert_eq!(fuzhou.regions.iter().map(|r| g.region(*r).code).collect::<Vec<_>>(), [350100]);
    /// assert!(fuzhou.notes.is_empty());
    /// ```
    pub fn choose_near(&self, rq: &mut RegionQuery, near: &[RegionId]) {
        let provinces: Vec<RegionId> = near.iter().map(|r| self.province_of(*r)).collect();
        if provinces.is_empty() {
            return;
        }
        let mut dropped: Vec<RegionId> = Vec::new();
        rq.notes.retain(|n| {
            let PlaceNote::Ambiguous { candidates, .. } = n else { return true };
            let near: Vec<&RegionId> = candidates.iter().filter(|c| provinces.contains(&self.province_of(**c))).collect();
            if let [_] = near.as_slice() {
                dropped.extend(candidates.iter().filter(|c| !near.contains(c)));
                return false;
            }
            true
        });
        rq.regions.retain(|r| !dropped.contains(r));
    }

    /// `region` followed by a list of further places up to `end`: the division enclosing them all.
    fn enclosing_list(&self, t: &Folded, region: Option<RegionId>, mut pos: usize, end: usize) -> Option<RegionId> {
        let mut common = region?;
        let mut scratch = Vec::new();
        while pos < end {
            let (more, stop) = self.walk(t, pos, end, false, &mut scratch);
            let id = self.choose(&more.first()?.cands).ok()?;
            common = self.ancestors(common).find(|a| self.is_within(id, *a))?;
            let next = t.skip_seps(stop, end);
            if next == stop && next < end {
                return None; // unknown text glued to the place
            }
            pos = next;
        }
        Some(common)
    }

    /// A numeric region: a code, or (for a code no longer in use) its city or province.
    /// Six digits, or a nine- or twelve-digit township/village code (its county); other lengths
    /// are not read as codes (`12` is not Tianjin).
    pub(super) fn code_text(&self, digits: &str) -> Option<RegionId> {
        let code: u64 = digits.parse().ok()?;
        let six = match digits.len() {
            6 => code,
            9 => code / 1_000,
            12 => code / 1_000_000,
            _ => return None,
        } as u32;
        if six < 100_000 {
            return None;
        }
        self.by_code(six).or_else(|| self.by_code(six / 100 * 100)).or_else(|| self.by_code(six / 10_000 * 10_000))
    }

    /// Reads consecutive places from `pos`: in place mode (`query == false`) one place, stopping at
    /// the first name that is not inside it; in query mode a new place starts there.
    /// Returns the places and where reading stopped.
    fn walk(&self, t: &Folded, mut pos: usize, end: usize, query: bool, notes: &mut Vec<PlaceNote>) -> (Vec<WalkPlace>, usize) {
        let mut places: Vec<WalkPlace> = Vec::new();
        loop {
            let p = t.skip_seps(pos, end);
            if p >= end {
                return (places, p);
            }
            if let Some(cur) = places.last_mut() {
                if let Some(hit) = self.match_regions(t, p, end, Some(&cur.cands)) {
                    if self.choose(&hit.raw).is_err() {
                        if let Ok(chosen) = self.choose(&hit.cands) {
                            notes.push(PlaceNote::ResolvedByParent { name: t.key(p, hit.end).to_string(), chosen });
                        }
                    }
                    cur.parent = self.choose(&cur.cands).ok();
                    cur.cands = hit.cands;
                    cur.start = p;
                    cur.end = hit.end;
                    pos = hit.end;
                    continue;
                }
                if !query {
                    return (places, pos);
                }
            }
            // `江苏南部`: a side of the place before, not a new place (read by `query_cjk`).
            if !places.is_empty() && word_at(t, p, end, SIDES).is_some() {
                return (places, pos);
            }
            match self.match_regions(t, p, end, None) {
                Some(hit) if places.is_empty() || query => {
                    places.push(WalkPlace { start: p, end: hit.end, cands: hit.cands, parent: None });
                    pos = hit.end;
                }
                _ => return (places, pos),
            }
        }
    }

    /// The longest division name at `pos` (not past `end`) that lies inside one of `within`.
    fn match_regions(&self, t: &Folded, pos: usize, end: usize, within: Option<&[RegionId]>) -> Option<Hit> {
        let max = (end - pos).min(63);
        for len in (2..=max).rev() {
            if self.names.cjk_lens & (1u64 << len) == 0 {
                continue;
            }
            let Some(entries) = self.names.cjk.get(t.key(pos, pos + len)) else { continue };
            let next = t.chars.get(pos + len).copied().filter(|_| pos + len < end);
            let blocked = next.is_some_and(|c| BLOCK_AFTER_SHORT.contains(&c));
            let usable: Vec<&Entry> = entries.iter().filter(|e| !(e.short && blocked)).collect();
            let raw: Vec<RegionId> = usable
                .iter()
                .filter_map(|e| match e.target {
                    Target::Region(id) => Some(id),
                    Target::Zone(_) => None,
                })
                .collect();
            let cands = self.inside(&raw, within);
            if cands.is_empty() {
                continue;
            }
            let mut hit_end = pos + len;
            if usable.iter().all(|e| e.short) && next.is_some_and(|c| SUFFIX_AFTER_SHORT.contains(&c)) {
                hit_end += 1;
            }
            return Some(Hit { end: hit_end, raw, cands });
        }
        // 成都市高新区: the generic zone word after a city means that city's zone, if known.
        let within = within?;
        let rest = &t.text[t.offs[pos]..t.offs[end]];
        for (word, norm) in GENERIC_ZONE_WORDS {
            if !rest.starts_with(word) {
                continue;
            }
            for &city in within.iter().filter(|c| self.region(**c).level == Level::City) {
                let key = format!("{}{norm}", fold(&self.region(city).short));
                let zones: Vec<RegionId> = self
                    .names
                    .cjk
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| match e.target {
                        Target::Region(id) if self.region(id).parent == Some(city) => Some(id),
                        _ => None,
                    })
                    .collect();
                if !zones.is_empty() {
                    return Some(Hit { end: pos + word.chars().count(), raw: zones.clone(), cands: zones });
                }
            }
        }
        None
    }

    /// True when the zone covers the division: its bit, or for a zone read as places, one of its
    /// members at or above it.
    fn zone_holds(&self, zone: usize, id: RegionId) -> bool {
        let z = &self.zones[zone];
        if z.read_as_places || zone >= 64 {
            z.members.iter().any(|m| self.is_within(id, *m))
        } else {
            self.econ_zone_mask(id) & (1u64 << zone) != 0
        }
    }

    /// The economic zone named at `pos`, longest first: (zone, end).
    fn match_zone(&self, t: &Folded, pos: usize, end: usize) -> Option<(usize, usize)> {
        let max = (end - pos).min(63);
        for len in (2..=max).rev() {
            if self.names.cjk_lens & (1u64 << len) == 0 {
                continue;
            }
            if let Some(entries) = self.names.cjk.get(t.key(pos, pos + len)) {
                if let Some(z) = entries.iter().find_map(|e| match e.target {
                    Target::Zone(z) => Some(z),
                    Target::Region(_) => None,
                }) {
                    return Some((z, pos + len));
                }
            }
        }
        None
    }

    /// The candidates strictly inside one of `within` (all of them when `within` is `None`).
    fn inside(&self, cands: &[RegionId], within: Option<&[RegionId]>) -> Vec<RegionId> {
        match within {
            None => cands.to_vec(),
            Some(w) => cands.iter().copied().filter(|&c| self.ancestors(c).skip(1).any(|a| w.contains(&a))).collect(),
        }
    }

    /// One division out of several candidates: the only one; one that contains all others
    /// (吉林 → 吉林省 rather than 吉林市); the only province or city among counties (朝阳 → 朝阳市).
    /// Otherwise the candidates, sorted.
    pub(crate) fn choose(&self, cands: &[RegionId]) -> Result<RegionId, Vec<RegionId>> {
        let mut c = cands.to_vec();
        crate::sort::sort(&mut c);
        c.dedup();
        match c.len() {
            0 => return Err(c),
            1 => return Ok(c[0]),
            _ => {}
        }
        if let Some(&top) = c.iter().find(|&&a| c.iter().all(|&b| self.is_within(b, a))) {
            return Ok(top);
        }
        let min = c.iter().map(|&id| self.rank(id)).min().unwrap_or(2);
        let tops: Vec<RegionId> = c.iter().copied().filter(|&id| self.rank(id) == min).collect();
        if tops.len() == 1 && min <= 1 {
            return Ok(tops[0]);
        }
        Err(c)
    }

    /// A near-miss Chinese name: same length, one character replaced by a homophone, the usual
    /// slip of a pinyin input method (绵羊市 → 绵阳市, 城都 → 成都; 火星市 is not 新星市).
    fn near_cjk(&self, typed: &[char]) -> Option<RegionId> {
        let py = &self.names.char_pinyin;
        let homophone = |a: &char, b: &char| a == b || py.get(a).is_some_and(|pa| py.get(b) == Some(pa));
        let hits: Vec<RegionId> = self
            .names
            .cjk_vocab
            .iter()
            .filter(|(name, _)| {
                name.len() == typed.len()
                    && name.iter().zip(typed).filter(|(a, b)| a != b).count() == 1
                    && name.iter().zip(typed).all(|(a, b)| homophone(a, b))
            })
            .map(|(_, id)| *id)
            .collect();
        self.choose(&hits).ok()
    }

    pub(super) fn finish_query_place(&self, cands: &[RegionId], name: String, out: &mut RegionQuery) {
        match self.choose(cands) {
            Ok(id) => out.regions.push(id),
            Err(c) => {
                out.regions.extend(c.iter().copied());
                out.notes.push(PlaceNote::Ambiguous { name, candidates: c });
            }
        }
    }

    /// One run of Chinese text in a query (between separators).
    fn query_cjk(&self, t: &Folded, start: usize, end: usize, out: &mut RegionQuery) {
        // A lone abbreviation (川) or a run of them (京津, 川渝 is a zone name and matches first).
        let run = &t.chars[start..end];
        let whole_is_name = self.names.cjk.contains_key(t.key(start, end));
        if !whole_is_name && (1..=4).contains(&run.len()) && run.iter().all(|c| self.names.abbr.contains_key(c)) {
            for c in run {
                if let Some(ids) = self.names.abbr.get(c) {
                    out.regions.extend(ids.iter().copied());
                }
            }
            return;
        }
        // `滇东北`, `闽西`, `冀北`: a province's one-character name and a side of it that no zone
        // names (the sides investors name most are zones of their own: 苏南, 川南, 豫南): the
        // province whole, said — never the zone the side word alone would be (东北 is Northeast China).
        if !whole_is_name && (2..=4).contains(&run.len()) {
            if let Some([place]) = self.names.abbr.get(&run[0]).map(Vec::as_slice) {
                let side = t.original(start + 1, end);
                let is_side = SIDES.contains(&fold(&side).as_str()) || ["东", "西", "南", "北", "中"].contains(&fold(&side).as_str());
                let zone_whole = self.match_zone(t, start, end).is_some_and(|(_, zend)| zend == end);
                if is_side && !zone_whole {
                    out.regions.push(*place);
                    out.notes.push(PlaceNote::PartOfPlace { part: side, place: *place });
                    return;
                }
            }
        }
        let mut pos = start;
        let mut unknown_from: Option<usize> = None;
        // The place read just before, when it is one place: a side word after it is its part.
        let mut last_place: Option<RegionId> = None;
        // The zone read just before and where it ended: a name glued to it that lies outside it
        // is no place (`华中地区新建…` is no 新建区 of Nanchang).
        let mut last_zone: Option<(usize, usize)> = None;
        while pos < end {
            let flush = |from: &mut Option<usize>, to: usize, out: &mut RegionQuery| {
                if let Some(a) = from.take() {
                    self.query_unknown(t, a, to, out);
                }
            };
            // names, longest first: divisions (a path of them) or an economic zone
            let zone = self.match_zone(t, pos, end);
            // Right after one place, a word that reads it whole, said: a kind of zone the gazetteer
            // does not list for it (`厦门自贸区`) or a side of it (`江苏南部`). A zone's longer name
            // wins (`广西北部湾`). (No text is pending as unknown right after a place.)
            if let Some(place) = last_place.take() {
                let word = word_at(t, pos, end, ZONE_KINDS).map(|w| (w, true)).or_else(|| word_at(t, pos, end, SIDES).map(|w| (w, false)));
                if let Some((word, is_zone)) = word {
                    let word_end = pos + word.chars().count();
                    if zone.is_none_or(|(_, zend)| zend <= word_end) {
                        let typed = t.original(pos, word_end);
                        out.notes.push(match is_zone {
                            true => PlaceNote::ZoneNotListed { zone: typed, place },
                            false => PlaceNote::PartOfPlace { part: typed, place },
                        });
                        pos = word_end;
                        continue;
                    }
                }
            }
            let mut notes = Vec::new();
            let (places, stop) = self.walk(t, pos, end, true, &mut notes);
            let place_end = places.first().map(|_| stop);
            let zone_is_longer = match (zone, place_end) {
                (Some((_, zend)), Some(p)) => zend >= p,
                _ => true,
            };
            match (zone, place_end) {
                (Some((z, zend)), _) if zone_is_longer => {
                    flush(&mut unknown_from, pos, out);
                    out.zones.push(z);
                    pos = zend;
                    last_zone = Some((z, zend));
                }
                (_, Some(stop))
                    if last_zone.take().is_some_and(|(z, zend)| {
                        zend == pos && places.first().is_some_and(|p| !p.cands.iter().any(|&id| self.zone_holds(z, id)))
                    }) =>
                {
                    unknown_from.get_or_insert(pos);
                    pos = stop;
                }
                (_, Some(stop)) => {
                    flush(&mut unknown_from, pos, out);
                    out.notes.extend(notes);
                    // walk() in query mode reads several places; take only those before the
                    // first unknown character
                    for p in &places {
                        self.finish_query_place(&p.cands, t.key(p.start, p.end).to_string(), out);
                    }
                    last_place = places.last().and_then(|p| self.choose(&p.cands).ok());
                    pos = stop;
                }
                _ => {
                    let rest = &t.text[t.offs[pos]..t.offs[end]];
                    if let Some(f) = FILLERS.iter().find(|f| rest.starts_with(**f)) {
                        flush(&mut unknown_from, pos, out);
                        pos += f.chars().count();
                    } else if CJK_CONJUNCTIONS.contains(&t.chars[pos]) {
                        flush(&mut unknown_from, pos, out);
                        pos += 1;
                    } else {
                        unknown_from.get_or_insert(pos);
                        pos += 1;
                    }
                }
            }
        }
        if let Some(a) = unknown_from {
            self.query_unknown(t, a, end, out);
        }
    }

    /// Chinese text that matched nothing: a near miss (绵羊市) or not understood.
    fn query_unknown(&self, t: &Folded, start: usize, end: usize, out: &mut RegionQuery) {
        let typed = t.original(start, end);
        if typed.is_empty() {
            return;
        }
        if (2..=6).contains(&(end - start)) {
            if let Some(id) = self.near_cjk(&t.chars[start..end]) {
                out.regions.push(id);
                out.notes.push(PlaceNote::NearMiss { typed, chosen: id });
                return;
            }
        }
        out.not_understood.push(typed);
    }
}

/// A place read by [`Gazetteer::walk`].
struct WalkPlace {
    start: usize,
    end: usize,
    cands: Vec<RegionId>,
    /// The division named before the last name, when it was unambiguous.
    parent: Option<RegionId>,
}

/// True when the text is only filler words (全域, 周边 …).
fn is_filler(folded: &str) -> bool {
    let mut rest = folded.trim_matches(|c: char| is_sep(c));
    while !rest.is_empty() {
        match FILLERS.iter().find(|f| rest.starts_with(**f)) {
            Some(f) => rest = rest[f.len()..].trim_start_matches(|c: char| is_sep(c)),
            None => return false,
        }
    }
    true
}
