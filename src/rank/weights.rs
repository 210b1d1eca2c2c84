//! Ranking weights and the part scores, in one place so that they are documented and tunable.
//!
//! A project's score is the weighted mean of the parts the investor filled in (an empty part is
//! neutral: it neither raises nor lowers anyone), blended with a small, openly stated share of the
//! publisher's own priority, so it stays in [0, 1] without ties at the top:
//!
//! ```text
//! base  = Σ(weight_p · part_p) / Σ(weight_p)   over parts p the investor gave (0.5 if none)
//! score = (1 − priority_share) · base + priority_share · priority / 100
//! ```
//!
//! | part | default weight | 1.0 means | falls to |
//! |---|---|---|---|
//! | industry | 0.45 | the project's sector or tag is the industry typed (or a synonym) | inside it 0.90, chain link 0.80, same chain 0.60, broader 0.55 (0.50 two levels up), sibling 0.45, same sector (or tagged only with the sector) 0.30; text overlap with name/tags up to 0.85, with the description up to 0.50 |
//! | region | 0.30 | the project lies inside a place typed | same city 0.80, same province 0.60, same economic zone 0.45, elsewhere 0.10 |
//! | budget | 0.25 | the amount sought is between half the budget and the budget | see [`budget_fit`](super::score::budget_fit): log scale, far above falls fastest; unknown amount 0.50 |
//! | keywords | 0.20 | every keyword bigram occurs in the project text | share of keyword bigrams found |
//! | priority | share 0.05 | publisher priority 100 | priority 0 or none: the share stays empty |

use serde::{Deserialize, Serialize};

/// The weights of the score parts. Any weight left out of a JSON object keeps its default.
///
/// ```
/// use opportunity_matcher::rank::Weights;
/// let w: Weights = serde_json::from_str(r#"{"region": 0.6}"#).unwrap();
/// assert_eq!(w.region, 0.6);
/// assert_eq!(w.industry, Weights::default().industry);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    /// Industry part.
    pub industry: f32,
    /// Budget part.
    pub budget: f32,
    /// Region part.
    pub region: f32,
    /// Keywords part.
    pub keywords: f32,
    /// Share of the score given to the publisher's priority (0–100).
    pub priority: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { industry: 0.45, budget: 0.25, region: 0.30, keywords: 0.20, priority: 0.05 }
    }
}

impl Weights {
    /// Negative or non-finite weights become 0; the priority bonus is capped at 0.2.
    pub fn sanitised(self) -> Weights {
        let ok = |w: f32| if w.is_finite() && w > 0.0 { w.min(100.0) } else { 0.0 };
        Weights {
            industry: ok(self.industry),
            budget: ok(self.budget),
            region: ok(self.region),
            keywords: ok(self.keywords),
            priority: ok(self.priority).min(0.2),
        }
    }

    /// Parses weights from `industry=0.5,region=0.3` or a JSON object (the widget's `weights`
    /// attribute). Unknown names are ignored.
    ///
    /// ```
    /// use opportunity_matcher::rank::Weights;
    /// assert_eq!(Weights::parse("industry=0.7, budget=0.1").industry, 0.7);
    /// assert_eq!(Weights::parse(r#"{"budget":0.5}"#).budget, 0.5);
    /// ```
    pub fn parse(text: &str) -> Weights {
        if let Ok(w) = serde_json::from_str::<Weights>(text) {
            return w.sanitised();
        }
        let mut w = Weights::default();
        for pair in text.split([',', ';', ' ']) {
            if let Some((k, v)) = pair.split_once(['=', ':']) {
                if let Ok(v) = v.trim().parse::<f32>() {
                    match k.trim() {
                        "industry" => w.industry = v,
                        "budget" => w.budget = v,
                        "region" => w.region = v,
                        "keywords" => w.keywords = v,
                        "priority" => w.priority = v,
                        _ => {}
                    }
                }
            }
        }
        w.sanitised()
    }
}

/// Industry part for each taxonomy relation between the query's term and the project.
pub mod industry {
    /// Same node, or a synonym of it.
    pub const SAME: f32 = 1.0;
    /// The project's industry lies inside the one asked for (`新能源汽车` asked, `动力电池` project).
    pub const INSIDE: f32 = 0.90;
    /// One is a link of the other's chain (`动力电池` ↔ `新能源汽车`): the 补链 case.
    pub const CHAIN_LINK: f32 = 0.80;
    /// The project's industry is broader than the one asked for, below sector level
    /// (`动力电池` asked, a project tagged only `新能源汽车` that is not on its chain).
    pub const BROADER: f32 = 0.55;
    /// Both are links of one chain (`动力电池` ↔ `锂电正极材料`).
    pub const SAME_CHAIN: f32 = 0.60;
    /// Broader by more than one level (a grandparent or above, below sector level).
    pub const ANCESTOR: f32 = 0.50;
    /// Same parent.
    pub const SIBLING: f32 = 0.45;
    /// Same top-level sector only.
    pub const SAME_SECTOR: f32 = 0.30;
    /// A term found only as a near-miss spelling counts this share.
    pub const NEAR_MISS_FACTOR: f32 = 0.9;
    /// A known word inside text that says more (`食品` in `宠物食品`) counts this share: it is a
    /// broader reading, below a project that has the whole text in its name or tags.
    pub const PARTIAL_FACTOR: f32 = 0.75;
    /// All query bigrams found in the name, sector or tags.
    pub const TEXT_STRONG: f32 = 0.85;
    /// All query bigrams found in the description only.
    pub const TEXT_WEAK: f32 = 0.50;
}

/// Region part for each relation between the place typed and the project's place.
pub mod region {
    /// The project lies inside a place typed (or inside an economic zone typed).
    pub const INSIDE: f32 = 1.0;
    /// The investor typed a county; the project is elsewhere in the same city.
    pub const SAME_CITY: f32 = 0.80;
    /// Same province.
    pub const SAME_PROVINCE: f32 = 0.60;
    /// The project's place and a place typed share an economic zone (成渝, 长三角 …).
    pub const SAME_ECON_ZONE: f32 = 0.45;
    /// Anywhere else: a preference, not a filter.
    pub const ELSEWHERE: f32 = 0.10;
}

/// Budget part when the project's amount is not published.
pub const BUDGET_UNKNOWN: f32 = 0.5;
