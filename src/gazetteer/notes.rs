//! Notes on how a region text was read, in plain words in the three languages.

use super::{Gazetteer, Level, RegionId};
use crate::Lang;

/// Something the reader of a resolved region should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceNote {
    /// An ambiguous name was settled by a parent named in the same text (`长春市朝阳区`).
    ResolvedByParent {
        /// The name as it appeared in the text (folded).
        name: String,
        /// The division chosen.
        chosen: RegionId,
    },
    /// The name fits several places and nothing in the text settles it (for a project's region the
    /// region stays `None`, or the enclosing division named before it).
    Ambiguous {
        /// The name as it appeared in the text (folded).
        name: String,
        /// The places it fits.
        candidates: Vec<RegionId>,
    },
    /// The text went on past the deepest known division; the rest is kept as the park.
    RestKeptAsPark {
        /// The rest, as typed.
        rest: String,
    },
    /// A near-miss spelling was accepted (edit distance over region names only).
    NearMiss {
        /// What was typed.
        typed: String,
        /// The division it was read as.
        chosen: RegionId,
    },
    /// A part of a place named by its side (`江苏南部`, `四川西边`): which cities that is has no
    /// answer in the gazetteer, so the whole place is read and the investor told.
    PartOfPlace {
        /// The side word as typed (`南部`).
        part: String,
        /// The place read whole.
        place: RegionId,
    },
    /// Several places in one text (`成都市、德阳市`): the division that holds them all is read, and
    /// the reader told (a search for one of them finds the project as in its province).
    SeveralPlaces {
        /// The text as typed.
        typed: String,
        /// The division read.
        chosen: RegionId,
    },
    /// A kind of zone after a place whose zone of that kind the gazetteer does not list
    /// (`厦门自贸区`, `长沙经开区`): the place is read whole, and the investor told.
    ZoneNotListed {
        /// The zone word as typed (`自贸区`).
        zone: String,
        /// The place read whole.
        place: RegionId,
    },
}

impl PlaceNote {
    /// The places an [`Ambiguous`](PlaceNote::Ambiguous) note offers (none for another note).
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::Gazetteer;
    /// let g = Gazetteer::global();
    /// assert_eq!(g.resolve_query("Fuzhou").notes[0].candidates().len(), 2);
    /// ```
    pub fn candidates(&self) -> Vec<super::RegionId> {
        match self {
            PlaceNote::Ambiguous { candidates, .. } => candidates.clone(),
            _ => Vec::new(),
        }
    }

    /// The note as one sentence in `lang`.
    ///
    /// ```
    /// use opportunity_matcher::gazetteer::{Gazetteer, PlaceNote};
    /// use opportunity_matcher::Lang;
    /// let g = Gazetteer::global();
    /// let r = g.resolve_place("朝阳区");
    /// assert_eq!(r.notes[0].message(g, Lang::En), "\"朝阳区\" is in both Beijing and Changchun; add the city");
    /// assert_eq!(r.notes[0].message(g, Lang::ZhHans), "“朝阳区”同时是北京市和长春市的地名，请加上所属城市");
    /// ```
    pub fn message(&self, g: &Gazetteer, lang: Lang) -> String {
        match self {
            PlaceNote::ResolvedByParent { name, chosen } => {
                let path = g.display_path(*chosen, lang);
                match lang {
                    Lang::ZhHans => format!("“{name}”有多处同名，已按文中的上级地名定为{path}"),
                    Lang::ZhHant => format!("「{name}」有多處同名，已按文中的上級地名定為{path}"),
                    Lang::En => format!("\"{name}\" names several places; the parent named with it chose {path}"),
                }
            }
            PlaceNote::Ambiguous { name, candidates } => {
                // Tell the places apart by what encloses them: the city for a county, else the province.
                let enclosing = |id: RegionId| {
                    let r = g.region(id);
                    let up = match r.level {
                        Level::County | Level::Zone => g.city_of(id).filter(|c| *c != id).or(r.parent),
                        _ => r.parent,
                    };
                    up.map_or_else(|| g.display_name(id, lang), |p| g.display_name(p, lang))
                };
                let mut labels: Vec<String> = Vec::new();
                for c in candidates {
                    let l = enclosing(*c);
                    if !labels.contains(&l) {
                        labels.push(l);
                    }
                }
                let add_what = |hans: &'static str, hant: &'static str, en: &'static str| {
                    let counties = candidates.iter().all(|c| matches!(g.region(*c).level, Level::County | Level::Zone));
                    if counties {
                        lang.pick(hans, hant, en)
                    } else {
                        lang.pick("请加上所属省份", "請加上所屬省份", "add the province")
                    }
                };
                let mut what = add_what("请加上所属城市", "請加上所屬城市", "add the city");
                let mut verb_en = "is in";
                // 新竹市 and 新竹县 are both in Taiwan: what encloses them does not tell them apart,
                // their own names do.
                if labels.len() < 2 {
                    labels = candidates.iter().map(|c| g.display_name(*c, lang)).collect();
                    labels.dedup();
                    what = lang.pick("请写明是哪一个", "請寫明是哪一個", "say which");
                    verb_en = "names";
                }
                match lang {
                    Lang::ZhHans | Lang::ZhHant => {
                        let list = join_zh(&labels);
                        let (q1, q2, verb, tail) = if lang == Lang::ZhHans {
                            ("“", "”", "同时是", "的地名")
                        } else {
                            ("「", "」", "同時是", "的地名")
                        };
                        format!("{q1}{name}{q2}{verb}{list}{tail}，{what}")
                    }
                    Lang::En => {
                        let list = if labels.len() == 2 { format!("both {} and {}", labels[0], labels[1]) } else { join_en(&labels) };
                        format!("\"{name}\" {verb_en} {list}; {what}")
                    }
                }
            }
            PlaceNote::RestKeptAsPark { rest } => match lang {
                Lang::ZhHans => format!("“{rest}”不是已知的行政区划，已作为园区/载体保留"),
                Lang::ZhHant => format!("「{rest}」不是已知的行政區劃，已作為園區／載體保留"),
                Lang::En => format!("\"{rest}\" is below the known divisions; kept as the park"),
            },
            PlaceNote::NearMiss { typed, chosen } => {
                let path = g.display_path(*chosen, lang);
                match lang {
                    Lang::ZhHans => format!("“{typed}”已按“{path}”理解"),
                    Lang::ZhHant => format!("「{typed}」已按「{path}」理解"),
                    Lang::En => format!("\"{typed}\" read as {path}"),
                }
            }
            PlaceNote::SeveralPlaces { typed, chosen } => {
                let path = g.display_path(*chosen, lang);
                match lang {
                    Lang::ZhHans => format!("“{typed}”含多个地方，已按包含它们的{path}理解"),
                    Lang::ZhHant => format!("「{typed}」含多個地方，已按包含它們的{path}理解"),
                    Lang::En => format!("\"{typed}\" names several places; read as {path}, which holds them all"),
                }
            }
            PlaceNote::ZoneNotListed { zone, place } => {
                let name = g.display_name(*place, lang);
                match lang {
                    Lang::ZhHans => format!("未收录{name}的“{zone}”，已按整个{name}理解"),
                    Lang::ZhHant => format!("未收錄{name}的「{zone}」，已按整個{name}理解"),
                    Lang::En => format!("all of {name} is read (its \"{zone}\" is not listed)"),
                }
            }
            PlaceNote::PartOfPlace { part, place } => {
                let name = g.display_name(*place, lang);
                match lang {
                    Lang::ZhHans => format!("“{part}”无法细分到具体城市，已按整个{name}理解"),
                    Lang::ZhHant => format!("「{part}」無法細分到具體城市，已按整個{name}理解"),
                    Lang::En => format!("all of {name} is read (\"{part}\" names no cities of its own)"),
                }
            }
        }
    }
}

fn join_zh(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}和{last}", init.join("、")),
    }
}

fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
