//! Type-ahead suggestions over region and economic-zone names.

use super::data::{latin_key, Target};
use super::{EconZone, Gazetteer, Level, Region, RegionId, Suggestion};
use crate::fold::{fold, is_cjk};

/// Every name a suggestion can start from, folded.
pub(crate) struct SuggestIndex {
    /// Chinese names (full, short, aliases): matched when they contain the typed text.
    cjk: Vec<(String, Target)>,
    /// Latin names (pinyin, English), letters and digits only, sorted: matched by prefix.
    latin: Vec<(String, Target)>,
}

impl SuggestIndex {
    pub(crate) fn build(regions: &[Region], skip: &[bool], zones: &[EconZone], extra: &[(RegionId, &str)]) -> SuggestIndex {
        let mut ix = SuggestIndex { cjk: Vec::new(), latin: Vec::new() };
        let mut add = |name: &str, t: Target| {
            if name.chars().any(is_cjk) {
                let key = fold(name);
                if !ix.cjk.iter().rev().take(4).any(|(k, tt)| *k == key && *tt == t) {
                    ix.cjk.push((key, t));
                }
            } else {
                let key = latin_key(name);
                if !key.is_empty() {
                    ix.latin.push((key, t));
                }
            }
        };
        for (i, r) in regions.iter().enumerate() {
            if skip[i] {
                continue;
            }
            let t = Target::Region(RegionId(i as u32));
            add(&r.name, t);
            if r.short != r.name {
                add(&r.short, t);
            }
            add(&r.pinyin, t);
            if latin_key(&r.name_en) != r.pinyin {
                add(&r.name_en, t);
            }
        }
        for (id, name) in extra {
            add(name, Target::Region(*id));
        }
        for (z, zone) in zones.iter().enumerate() {
            let t = Target::Zone(z);
            add(&zone.name, t);
            add(&zone.name_en, t);
            for a in &zone.aliases {
                add(a, t);
            }
        }
        crate::sort::sort_by(&mut ix.latin, |a, b| a.0.cmp(&b.0));
        ix.latin.dedup();
        ix
    }
}

impl Gazetteer {
    /// The type-ahead names, built on first use.
    fn suggest_index(&self) -> &SuggestIndex {
        self.suggest.get_or_init(|| {
            // A municipality's own city row (北京市 under 北京市) is offered as the province.
            let mut own_city = vec![false; self.regions.len()];
            for city in self.own_city.iter().flatten() {
                own_city[city.0 as usize] = true;
            }
            SuggestIndex::build(&self.regions, &own_city, &self.zones, &self.suggest_extra)
        })
    }

    /// Type-ahead: divisions and economic zones whose name, short form, Traditional form, pinyin or
    /// English name starts with the typed text (Chinese names also when they contain it), at most
    /// `limit`. Exact names come first, then provinces, cities (provincial capitals first),
    /// economic zones, counties and zones; within a level, names that start with the text before
    /// names that contain it. A partial Latin name in a region query resolves to the first of these.
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::{Gazetteer, Suggestion};
    /// let g = Gazetteer::global();
    /// let first = |s: &str| match g.suggest(s, 5)[0] {
    ///     Suggestion::Region(id) => g.region(id).name.clone(),
    ///     Suggestion::Zone(z) => g.econ_zones()[z].name.clone(),
    /// };
    /// assert_eq!(first("成都"), "成都市");
    /// assert_eq!(first("chengdu"), "成都市");
    /// assert_eq!(first("hong k"), "香港特别行政区");
    /// assert_eq!(first("川"), "四川省");
    /// assert_eq!(first("長三"), "长三角");
    /// ```
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<Suggestion> {
        let q = fold(prefix);
        let q = q.trim();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        // (exact first, level, start-vs-contains, tie-break) per target
        let mut found: Vec<((u8, u8, u8, u32), Target)> = Vec::new();
        let key_of = |t: Target, quality: u8| {
            let (rank, tie) = match t {
                Target::Region(id) => {
                    let r = self.region(id);
                    let rank = match r.level {
                        Level::Province => 0,
                        Level::City => 1,
                        Level::County | Level::Zone => 3,
                    };
                    // Among cities, provincial capitals first (their GB/T 2260 code is xx0100):
                    // `Cheng` is Chengdu before Chengde.
                    let capital_first = (r.level == Level::City && r.code % 10_000 != 100) as u32;
                    (rank, (capital_first << 31) | r.code)
                }
                Target::Zone(z) => (2, z as u32),
            };
            ((quality != 0) as u8, rank, quality, tie)
        };
        if q.chars().any(is_cjk) {
            for (key, t) in &self.suggest_index().cjk {
                if let Some(at) = key.find(q) {
                    let quality = if key == q {
                        0
                    } else if at == 0 {
                        1
                    } else {
                        2
                    };
                    found.push((key_of(*t, quality), *t));
                }
            }
        } else {
            let q = latin_key(q);
            if q.is_empty() {
                return Vec::new();
            }
            let list = &self.suggest_index().latin;
            let from = list.partition_point(|(k, _)| k.as_str() < q.as_str());
            for (key, t) in list[from..].iter().take_while(|(k, _)| k.starts_with(&q)) {
                found.push((key_of(*t, if *key == q { 0 } else { 1 }), *t));
            }
        }
        // Keys are distinct per target, so the stable shared sort gives the same order.
        crate::sort::sort_by_key(&mut found, |(k, _)| *k);
        let mut out: Vec<Suggestion> = Vec::with_capacity(limit);
        for (_, t) in found {
            let s = match t {
                Target::Region(id) => Suggestion::Region(id),
                Target::Zone(z) => Suggestion::Zone(z),
            };
            if !out.contains(&s) {
                out.push(s);
                if out.len() == limit {
                    break;
                }
            }
        }
        out
    }
}
