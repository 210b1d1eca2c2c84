//! Parsing the embedded data files and building the name indexes, once.

pub(crate) use crate::hash::FxMap;

use super::{EconZone, Gazetteer, Level, Region, RegionId};
use crate::fold::{fold, is_cjk};

// `data/*.tsv` without their comment lines (build.rs), which the parsers skip anyway.
const REGIONS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/regions.tsv"));
const EXTRAS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/region-extras.tsv"));
const ECON_ZONES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/econ-zones.tsv"));

/// Short forms that are ordinary words or shared by many districts (城关 = "the old town"); the
/// full names (城关区 …) still resolve.
const GENERIC_SHORTS: &[&str] = &[
    "城关", "城中", "城东", "城西", "城南", "城北", "城厢", "新城", "新市", "市中", "新华", "中西", "和平", "向阳", "前进", "红旗", "东风",
    "光明", "解放", "平安", "铁西", "铁东", "站前", "中原", "新兴", "开发", "高新",
];

/// What a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Region(RegionId),
    /// Index into the economic zones.
    Zone(usize),
}

/// One meaning of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub target: Target,
    /// The name is a suffix-free short form (绵阳, 涪城), which must not glue onto a following 镇/路 ….
    pub short: bool,
}

/// The names of every division and economic zone, folded.
#[derive(Default)]
pub(crate) struct NameIndex {
    /// Chinese names: full, short, Traditional (folded), aliases, economic zones.
    pub cjk: FxMap<String, Vec<Entry>>,
    /// Bit n set when some key of `cjk` has n characters.
    pub cjk_lens: u64,
    /// Latin names (pinyin, English) and their near-miss vocabulary, built on first need
    /// ([`Gazetteer::latin_names`]): a Chinese list and a Chinese query never read them, and they
    /// are a quarter of the gazetteer's start-up, which every page pays before its first result.
    pub latin: std::sync::OnceLock<LatinNames>,
    /// What the Latin names are built from (the data files' curated English names and aliases).
    pub latin_seeds: LatinSeeds,
    /// One-character abbreviations: 川 → 四川省, 蓉 → 成都市.
    pub abbr: FxMap<char, Vec<RegionId>>,
    /// Chinese names for near-miss spelling (`绵羊市`): full names of three or more characters,
    /// short forms of provinces and cities.
    pub cjk_vocab: Vec<(Vec<char>, RegionId)>,
    /// Pinyin of every character of the region names (homophones are the usual typing slip).
    pub char_pinyin: FxMap<char, &'static str>,
}

/// The Latin names of divisions and economic zones.
#[derive(Default)]
pub(crate) struct LatinNames {
    /// Letters and digits only: `chengdu`, `hongkong`, `xian`.
    pub map: FxMap<String, Vec<Entry>>,
    /// Names of divisions (not zones) of three or more letters, for near-miss spelling (`chengdou`).
    pub vocab: Vec<(String, RegionId)>,
}

/// What [`LatinNames`] are built from besides the regions and zones.
#[derive(Default)]
pub(crate) struct LatinSeeds {
    /// Curated English names and their aliases (`region-extras.tsv`, `en` lines).
    curated_en: Vec<(RegionId, &'static str, Vec<&'static str>)>,
    /// Aliases in Latin letters (`alias` lines).
    aliases: Vec<(RegionId, &'static str)>,
    /// The city rows of municipality-like provinces (named through their province).
    own_city: Vec<bool>,
}

impl Gazetteer {
    /// The Latin names, built on the first call (a few milliseconds natively).
    pub(crate) fn latin_names(&self) -> &LatinNames {
        self.names.latin.get_or_init(|| build_latin(self))
    }
}

/// The Latin names in the order the data gives them (a name's meanings keep that order).
fn build_latin(g: &Gazetteer) -> LatinNames {
    let seeds = &g.names.latin_seeds;
    let mut map = FxMap::with_capacity_and_hasher(g.regions.len() * 2, Default::default());
    let mut add = |name: &str, target: Target| NameIndex::add(&mut map, latin_key(name), target, false);
    // Curated English names win over another division's pinyin: "shanxi" is 山西, not 陕西.
    let mut curated: FxMap<String, Vec<RegionId>> = FxMap::default();
    for (id, en, aliases) in &seeds.curated_en {
        for n in std::iter::once(en).chain(aliases) {
            curated.entry(latin_key(n)).or_default().push(*id);
        }
    }
    for (i, r) in g.regions.iter().enumerate() {
        if seeds.own_city[i] {
            continue;
        }
        let id = RegionId(i as u32);
        let own_pinyin = match curated.get(&r.pinyin) {
            Some(owners) => owners.contains(&id),
            None => true,
        };
        if own_pinyin {
            add(&r.pinyin, Target::Region(id));
        }
        add(&r.name_en, Target::Region(id));
    }
    for (id, en, aliases) in &seeds.curated_en {
        add(en, Target::Region(*id));
        for a in aliases {
            add(a, Target::Region(*id));
        }
    }
    for (id, alias) in &seeds.aliases {
        add(alias, Target::Region(*id));
    }
    for (z, zone) in g.zones.iter().enumerate() {
        add(&zone.name_en, Target::Zone(z));
        for a in zone.aliases.iter().filter(|a| !a.chars().any(is_cjk)) {
            add(a, Target::Zone(z));
        }
    }
    let mut vocab = Vec::new();
    for (key, entries) in &map {
        for e in entries {
            if let Target::Region(id) = e.target {
                if g.regions[id.0 as usize].level != Level::Zone && key.len() >= 3 {
                    vocab.push((key.clone(), id));
                }
            }
        }
    }
    crate::sort::sort(&mut vocab);
    LatinNames { map, vocab }
}

impl NameIndex {
    fn add(map: &mut FxMap<String, Vec<Entry>>, key: String, target: Target, short: bool) {
        if key.is_empty() {
            return;
        }
        let entries = map.entry(key).or_default();
        if let Some(e) = entries.iter_mut().find(|e| e.target == target) {
            e.short &= short;
        } else {
            entries.push(Entry { target, short });
        }
    }

    fn add_cjk(&mut self, name: &str, target: Target, short: bool) {
        let key = fold(name);
        let n = key.chars().count();
        if n < 2 {
            return;
        }
        self.cjk_lens |= 1u64 << n.min(63);
        Self::add(&mut self.cjk, key, target, short);
    }
}

/// A Latin name as a key: folded, letters and digits only (`Xi'an` → `xian`, `Hong Kong` → `hongkong`).
pub(crate) fn latin_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn capitalise(pinyin: &str) -> String {
    let mut c = pinyin.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A region line before ids are assigned.
struct Row {
    code: u32,
    level: Level,
    parent: Option<u32>,
    name: String,
    hant: String,
    short: String,
    pinyin: String,
    en: String,
}

/// Parses `data/regions.tsv` (format in its header).
fn parse_regions(problems: &mut Vec<String>) -> (Vec<Row>, FxMap<char, &'static str>) {
    let mut s2t: FxMap<char, char> = FxMap::default();
    let mut pinyin: FxMap<char, &'static str> = FxMap::default();
    let mut cells: Vec<(u32, Vec<&str>)> = Vec::new();
    let mut prev = 0u32;
    for line in REGIONS_TSV.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(pairs) = line.strip_prefix('~') {
            let chars: Vec<char> = pairs.chars().collect();
            for p in chars.chunks_exact(2) {
                s2t.insert(p[0], p[1]);
            }
        } else if let Some(groups) = line.strip_prefix('^') {
            for g in groups.split(' ') {
                let split = g.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(g.len());
                let (syllable, chars) = g.split_at(split);
                for c in chars.chars() {
                    pinyin.insert(c, syllable);
                }
            }
        } else {
            let f: Vec<&str> = line.split('\t').collect();
            let code = match (f[0].len(), f[0].parse::<u32>()) {
                (2, Ok(n)) => prev / 100 * 100 + n,
                (6, Ok(n)) => n,
                _ => {
                    problems.push(format!("regions.tsv: bad code in {line:?}"));
                    continue;
                }
            };
            prev = code;
            cells.push((code, f));
        }
    }
    let mut codes: Vec<u32> = cells.iter().map(|(c, _)| *c).collect();
    crate::sort::sort(&mut codes);
    let cell = |f: &Vec<&str>, i: usize| f.get(i).copied().unwrap_or("").to_string();
    let rows = cells
        .into_iter()
        .map(|(code, f)| {
            let name = cell(&f, 1);
            let level = if code % 10_000 == 0 {
                Level::Province
            } else if code % 100 == 0 {
                Level::City
            } else if (71..=80).contains(&(code % 100)) {
                Level::Zone
            } else {
                Level::County
            };
            let parent = match (level, f.get(2).and_then(|p| p.parse::<u32>().ok())) {
                (Level::Province, _) => None,
                (_, Some(p)) => Some(p),
                _ if code % 100 != 0 && codes.binary_search(&(code / 100 * 100)).is_ok() => Some(code / 100 * 100),
                _ => Some(code / 10_000 * 10_000),
            };
            let mut hant = cell(&f, 3);
            if hant.is_empty() {
                hant = name.chars().map(|c| s2t.get(&c).copied().unwrap_or(c)).collect();
            }
            let mut short = cell(&f, 5);
            if short.is_empty() {
                let mut c = name.chars();
                c.next_back();
                short = c.as_str().to_string();
            }
            let mut py = cell(&f, 4);
            if py.is_empty() {
                py = short.chars().filter_map(|c| pinyin.get(&c).copied()).collect();
            }
            let en = cell(&f, 6);
            Row { code, level, parent, name, hant, short, pinyin: py, en }
        })
        .collect();
    (rows, pinyin)
}

/// Curated lines of `data/region-extras.tsv`.
struct Extras<'a> {
    abbr: Vec<(u32, char)>,
    alias: Vec<(u32, &'a str)>,
    en: Vec<(u32, &'a str, Vec<&'a str>)>,
}

fn parse_extras(rows: &mut Vec<Row>, problems: &mut Vec<String>) -> Extras<'static> {
    let mut x = Extras { abbr: Vec::new(), alias: Vec::new(), en: Vec::new() };
    for line in EXTRAS_TSV.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let Some(code) = f.get(1).and_then(|c| c.parse::<u32>().ok()) else {
            problems.push(format!("region-extras.tsv: bad line {line:?}"));
            continue;
        };
        match f[0] {
            "abbr" => {
                for a in &f[2..] {
                    let mut c = a.chars();
                    match (c.next(), c.next()) {
                        (Some(ch), None) => x.abbr.push((code, ch)),
                        _ => problems.push(format!("region-extras.tsv: abbreviation {a:?} is not one character")),
                    }
                }
            }
            "alias" => x.alias.extend(f[2..].iter().filter(|a| !a.is_empty()).map(|a| (code, *a))),
            "en" if f.len() >= 3 => x.en.push((code, f[2], f[3..].to_vec())),
            "zone" if f.len() == 7 => {
                let name = f[3].to_string();
                rows.push(Row {
                    code,
                    level: Level::Zone,
                    parent: f[2].parse().ok(),
                    short: name.clone(),
                    hant: f[4].to_string(),
                    pinyin: f[5].to_string(),
                    en: f[6].to_string(),
                    name,
                });
            }
            _ => problems.push(format!("region-extras.tsv: bad line {line:?}")),
        }
    }
    x
}

/// Builds the gazetteer from the embedded files.
pub(crate) fn build() -> Gazetteer {
    let mut problems = Vec::new();
    let (mut rows, char_pinyin) = parse_regions(&mut problems);
    let extras = parse_extras(&mut rows, &mut problems);
    crate::sort::sort_by_key(&mut rows, |r| r.code);
    for w in rows.windows(2) {
        if w[0].code == w[1].code {
            problems.push(format!("duplicate code {}", w[0].code));
        }
    }
    // The rows' names move into the regions (a gazetteer is built on every page start, where
    // each of its 17,000 names copied once more is felt on a phone).
    let row_codes: Vec<u32> = rows.iter().map(|r| r.code).collect();
    let id_of = |code: u32| row_codes.binary_search(&code).ok().map(|i| RegionId(i as u32));
    let mut regions: Vec<Region> = rows
        .into_iter()
        .map(|r| Region {
            code: r.code,
            level: r.level,
            parent: r.parent.and_then(|p| {
                let id = id_of(p);
                if id.is_none() {
                    problems.push(format!("{} {}: unknown parent {p}", r.code, r.name));
                }
                id
            }),
            name_en: if r.en.is_empty() { capitalise(&r.pinyin) } else { r.en },
            name: r.name,
            name_hant: r.hant,
            short: r.short,
            pinyin: r.pinyin,
        })
        .collect();
    for (i, r) in regions.iter().enumerate() {
        if r.parent.is_some_and(|p| p.0 as usize >= i) {
            problems.push(format!("{} {}: parent sorts after the child", r.code, r.name));
        }
    }
    for (code, en, _) in &extras.en {
        match id_of(*code) {
            Some(id) => regions[id.0 as usize].name_en = en.to_string(),
            None => problems.push(format!("region-extras.tsv: en for unknown code {code}")),
        }
    }
    // A municipality-like province and its city row of the same name.
    let mut own_city = vec![None; regions.len()];
    let mut is_own_city = vec![false; regions.len()];
    for i in 0..regions.len() {
        if let Some(p) = regions[i].parent {
            if regions[p.0 as usize].level == Level::Province
                && regions[i].level == Level::City
                && regions[i].name == regions[p.0 as usize].name
            {
                own_city[p.0 as usize] = Some(RegionId(i as u32));
                is_own_city[i] = true;
                regions[i].name_en = regions[p.0 as usize].name_en.clone();
            }
        }
    }

    let zones = parse_econ_zones(&id_of, &mut problems);
    let mut masks = vec![0u64; regions.len()];
    for (z, zone) in zones.iter().enumerate().take(64).filter(|(_, z)| !z.read_as_places) {
        for m in &zone.members {
            masks[m.0 as usize] |= 1 << z;
        }
    }
    for i in 0..regions.len() {
        if let Some(p) = regions[i].parent {
            masks[i] |= masks[p.0 as usize];
        }
    }

    // Sized for every division's names (Simplified, Traditional, short; pinyin and English) up
    // front: growing the maps rehashes every key several times.
    let mut names =
        NameIndex { char_pinyin, cjk: FxMap::with_capacity_and_hasher(regions.len() * 3, Default::default()), ..NameIndex::default() };
    for (i, r) in regions.iter().enumerate() {
        if is_own_city[i] {
            continue;
        }
        let id = RegionId(i as u32);
        let t = Target::Region(id);
        names.add_cjk(&r.name, t, false);
        names.add_cjk(&r.name_hant, t, false);
        if r.short != r.name {
            let short = r.level != Level::Zone;
            if !(short && GENERIC_SHORTS.contains(&r.short.as_str())) {
                names.add_cjk(&r.short, t, short);
            }
            // 凉山州, 北川县, 鄂伦春旗: the short form with the plain suffix
            for (long, plain) in [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")] {
                if r.name.ends_with(long) {
                    names.add_cjk(&format!("{}{plain}", r.short), t, false);
                }
            }
        }
        let full_chars = fold(&r.name).chars().collect::<Vec<_>>();
        if full_chars.len() >= 3 && r.level != Level::Zone {
            names.cjk_vocab.push((full_chars, id));
        }
        if matches!(r.level, Level::Province | Level::City) && r.short != r.name {
            names.cjk_vocab.push((fold(&r.short).chars().collect(), id));
        }
    }
    names.latin_seeds.curated_en = extras.en.iter().filter_map(|(code, en, aliases)| Some((id_of(*code)?, *en, aliases.clone()))).collect();
    for (code, alias) in &extras.alias {
        match id_of(*code) {
            Some(id) if alias.chars().any(is_cjk) => names.add_cjk(alias, Target::Region(id), false),
            Some(id) => names.latin_seeds.aliases.push((id, alias)),
            None => problems.push(format!("region-extras.tsv: alias {alias} for unknown code {code}")),
        }
    }
    names.latin_seeds.own_city = is_own_city;
    for (code, ch) in &extras.abbr {
        match id_of(*code) {
            Some(id) => names.abbr.entry(crate::fold::t2s_char(*ch)).or_default().push(id),
            None => problems.push(format!("region-extras.tsv: abbreviation {ch} for unknown code {code}")),
        }
    }
    for (z, zone) in zones.iter().enumerate() {
        let t = Target::Zone(z);
        names.add_cjk(&zone.name, t, false);
        names.add_cjk(&zone.name_hant, t, false);
        for a in zone.aliases.iter().filter(|a| a.chars().any(is_cjk)) {
            names.add_cjk(a, t, false);
        }
    }

    let mut extra_names: Vec<(RegionId, &'static str)> = Vec::new();
    for (code, _, aliases) in &extras.en {
        if let Some(id) = id_of(*code) {
            extra_names.extend(aliases.iter().map(|a| (id, *a)));
        }
    }
    extra_names.extend(extras.alias.iter().filter_map(|(code, a)| Some((id_of(*code)?, *a))));
    let codes = regions.iter().map(|r| r.code).collect();
    let suggest = std::sync::OnceLock::new();
    let kin_mask = zones.iter().enumerate().take(64).filter(|(_, z)| z.kin).fold(0u64, |m, (i, _)| m | (1 << i));
    Gazetteer { regions, codes, masks, kin_mask, own_city, zones, names, suggest, suggest_extra: extra_names, problems }
}

fn parse_econ_zones(id_of: &dyn Fn(u32) -> Option<RegionId>, problems: &mut Vec<String>) -> Vec<EconZone> {
    let mut zones = Vec::new();
    for line in ECON_ZONES_TSV.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (kin, read_as_places) = match f.get(5).copied() {
            None | Some("kin") => (true, false),
            Some("area") => (false, false),
            Some("places") => (false, true),
            Some(other) => {
                problems.push(format!("econ-zones.tsv: {}: unknown scope {other:?} (kin, area or places)", f[0]));
                continue;
            }
        };
        // A zone's place in the file is its bit: the zones read as places come after all others.
        if !read_as_places && zones.iter().any(|z: &EconZone| z.read_as_places) {
            problems.push(format!("econ-zones.tsv: {}: a kin or area zone after a `places` zone (its bit would move)", f[0]));
        }
        if !(5..=6).contains(&f.len()) {
            problems.push(format!("econ-zones.tsv: bad line {line:?}"));
            continue;
        }
        let mut members = Vec::new();
        for m in f[4].split(' ').filter(|m| !m.is_empty()) {
            match m.parse().ok().and_then(id_of) {
                Some(id) => members.push(id),
                None => problems.push(format!("econ-zones.tsv: {}: unknown member {m}", f[0])),
            }
        }
        zones.push(EconZone {
            name: f[0].to_string(),
            name_hant: f[1].to_string(),
            name_en: f[2].to_string(),
            aliases: f[3].split('|').filter(|a| !a.is_empty()).map(str::to_string).collect(),
            members,
            kin,
            read_as_places,
        });
    }
    if zones.iter().filter(|z| !z.read_as_places).count() > 64 {
        problems.push("econ-zones.tsv: more than 64 kin or area zones; the masks hold 64 (use scope `places`)".to_string());
    }
    zones
}
