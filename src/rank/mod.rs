//! Ranking a list against a query, with the reason for every rank.
//!
//! [`Matcher`] holds a loaded list and its [`MatchIndex`]; [`Matcher::rank`] reads the [`Query`],
//! makes per-query tables, scores every project in one pass of table look-ups, selects the top *k*
//! (ties broken by id, so the order is deterministic) and words reasons for those *k* only.
//! Weights and part scores are documented in [`weights`].
//!
//! ```
//! use opportunity_matcher::{list::load_text, rank::{Matcher, Query}};
//! let csv = "id,name,sector,tags,region,investment\n\
//!            A,成都动力电池项目,装备制造,动力电池,成都市双流区,30亿元\n\
//!            B,贵阳白酒包材项目,食品饮料,白酒,贵阳市,2亿元\n";
//! let m = Matcher::new(load_text(csv, "list.csv").unwrap());
//! let r = m.rank(&Query { industry: Some("動力電池".into()), region: Some("蓉".into()), ..Query::default() });
//! assert_eq!(r.results[0].id, "A");
//! assert!(r.results[0].reasons.iter().any(|x| x.contains("成都")));
//! ```

mod exclusion;
pub(crate) mod index;
mod query;
mod reasons;
mod score;
mod sentence;
pub mod weights;

pub use index::{IndexBuilder, MatchIndex};
pub use query::{understand, BudgetUnderstood, IndustryUnderstood, Query, RegionUnderstood, Understood};
pub use score::budget_fit;
pub use weights::Weights;

use crate::gazetteer::Gazetteer;
use crate::list::{Encoding, Facets, Format, ListMeta, OpportunityList, Project, ProjectStore, Rejection, TableReading, Warning};
use crate::taxonomy::Taxonomy;
use crate::Lang;
use score::{fit_and_why, QueryTables};
use serde::Serialize;
use std::borrow::Cow;

/// The part scores of one result; a part the investor left empty is `null`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Parts {
    /// Industry fit.
    pub industry: Option<f32>,
    /// Budget fit.
    pub budget: Option<f32>,
    /// Region fit.
    pub region: Option<f32>,
    /// Keyword fit (only when keywords were given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<f32>,
}

/// One ranked project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankedProject {
    /// Project id.
    pub id: String,
    /// Project name.
    pub name: String,
    /// Score in [0, 1], rounded to three decimals.
    pub score: f32,
    /// The parts the score was made of.
    pub parts: Parts,
    /// One sentence per part (and for priority and staleness), in the query language.
    pub reasons: Vec<String>,
    /// Position of the project in the loaded list.
    #[serde(skip)]
    pub index: usize,
}

/// The answer to a query: what was understood, warnings, results best first, and hints for
/// loosening the query when few projects fit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankResponse {
    /// The query as understood.
    pub query: Understood,
    /// Parts of the query that were not understood, and other notes.
    pub warnings: Vec<String>,
    /// Results, best first.
    pub results: Vec<RankedProject>,
    /// How many projects passed the filters.
    pub matched: usize,
    /// What to loosen when few projects fit (a wider region, a larger budget, a related industry).
    pub suggestions: Vec<String>,
}

/// A query read against one list (see [`Matcher::prepare`]): what was understood, the warnings,
/// and the look-up tables that score a project in a few loads.
pub struct PreparedQuery {
    understood: Understood,
    warnings: Vec<String>,
    tables: QueryTables,
}

impl PreparedQuery {
    /// The query as understood.
    pub fn understood(&self) -> &Understood {
        &self.understood
    }

    /// Parts of the query that were not understood, and other notes.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl std::fmt::Debug for PreparedQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedQuery").field("understood", &self.understood).field("warnings", &self.warnings).finish()
    }
}

/// Each part of one project for one query, and why: what a result's reasons are worded from (see
/// [`Matcher::facts_at`]). Small and `Copy`, so many can be kept.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairFacts {
    industry: Option<(f32, score::IndustryWhy)>,
    budget: Option<(f32, score::BudgetWhy)>,
    region: Option<(f32, score::RegionWhy)>,
    keywords: Option<f32>,
}

/// A loaded list, ready to be ranked: its settings and load report, its projects (decoded, or
/// left in a compact list's bytes, see [`ProjectStore`]) and the match index.
#[derive(Debug)]
pub struct Matcher {
    meta: ListMeta,
    rejected: Vec<Rejection>,
    warnings: Vec<Warning>,
    format: Format,
    encoding: Encoding,
    reading: Option<TableReading>,
    projects: ProjectStore,
    facets: Facets,
    index: MatchIndex,
    load_id: u64,
}

/// Numbers every matcher made by this process, so a view can tell a new list from the old one.
fn next_load_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A part fits well when it is at least this: when the best result scores below [`LOW_BEST`] (or
/// nothing passes the filters), the parts whose mean over the top ten is below it are the ones
/// to loosen.
const GOOD: f32 = 0.7;
/// Hints for loosening the query come only when the best score is below this.
const LOW_BEST: f32 = 0.75;

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

impl Matcher {
    /// Indexes a loaded list.
    pub fn new(list: OpportunityList) -> Matcher {
        let index = MatchIndex::build(&list.projects);
        let facets = crate::list::FacetCounter::of(&list.projects);
        let OpportunityList { meta, projects, rejected, warnings, format, encoding, reading } = list;
        Matcher {
            meta,
            rejected,
            warnings,
            format,
            encoding,
            reading,
            projects: ProjectStore::Owned(projects),
            facets,
            index,
            load_id: next_load_id(),
        }
    }

    /// A matcher over projects kept in a [`ProjectStore`] with their index (a compact list: see
    /// [`Matcher::from_compact`], written in `crate::oml`).
    pub(crate) fn from_store(meta: ListMeta, projects: ProjectStore, facets: Facets, index: MatchIndex) -> Matcher {
        Matcher {
            meta,
            rejected: Vec::new(),
            warnings: Vec::new(),
            format: Format::Compact,
            encoding: Encoding::Utf8,
            reading: None,
            projects,
            facets,
            index,
            load_id: next_load_id(),
        }
    }

    /// This matcher with the report of the load its list came from (a list read from a table and
    /// stored as compact records, `crate::oml`).
    pub(crate) fn with_report(
        mut self,
        rejected: Vec<Rejection>,
        warnings: Vec<Warning>,
        format: Format,
        encoding: Encoding,
        reading: Option<TableReading>,
    ) -> Matcher {
        (self.rejected, self.warnings, self.format, self.encoding, self.reading) = (rejected, warnings, format, encoding, reading);
        self
    }

    /// The match index (for writing it out with the list, `crate::oml`).
    pub(crate) fn index(&self) -> &MatchIndex {
        &self.index
    }

    /// The list's title, publisher, date, currency and exchange rates.
    pub fn meta(&self) -> &ListMeta {
        &self.meta
    }

    /// The rows that did not load, with their reasons.
    pub fn rejected(&self) -> &[Rejection] {
        &self.rejected
    }

    /// Problems that did not stop a row from loading.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The syntax the list was read from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The text encoding found.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// How the list's table was read (`None` for a compact list).
    pub fn reading(&self) -> Option<&TableReading> {
        self.reading.as_ref()
    }

    /// A summary line: `loaded 180 projects, rejected 2 rows, 3 warnings`.
    pub fn summary(&self, lang: Lang) -> String {
        crate::list::summary(self.len(), self.rejected.len(), self.warnings.len(), lang)
    }

    /// A number that differs for every matcher made by this process (to notice a new list).
    pub fn load_id(&self) -> u64 {
        self.load_id
    }

    /// The cooperation modes and stages the list uses, with their counts (see [`Facets`]).
    pub fn facets(&self) -> &Facets {
        &self.facets
    }

    /// The projects, by position.
    pub fn projects(&self) -> &ProjectStore {
        &self.projects
    }

    /// The project at a result's `index` (decoded on demand for a compact list).
    pub fn project(&self, index: usize) -> Option<Cow<'_, Project>> {
        self.projects.get(index)
    }

    /// The position of the project with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.projects.position(id)
    }

    /// The list as loaded, every project decoded (for writing it out, and for tests).
    pub fn to_list(&self) -> OpportunityList {
        OpportunityList {
            meta: self.meta.clone(),
            projects: self.projects.to_vec(),
            rejected: self.rejected.clone(),
            warnings: self.warnings.clone(),
            format: self.format,
            encoding: self.encoding,
            reading: self.reading.clone(),
        }
    }

    /// Number of projects.
    pub fn len(&self) -> usize {
        self.projects.len()
    }

    /// True when the list has no project.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }

    /// Ranks the list against a query. Never fails: what cannot be understood becomes a warning.
    pub fn rank(&self, query: &Query) -> RankResponse {
        self.rank_prepared(self.prepare(query))
    }

    /// Reads a query once against this list: what was understood, the warnings, and the per-query
    /// tables. [`Matcher::rank_prepared`] of it is [`Matcher::rank`] of the query;
    /// [`Matcher::for_each_score`] scores every project with it (the leads views, `crate::leads`).
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, rank::{Matcher, Query}};
    /// let m = Matcher::new(load_text("name,sector,region\n动力电池项目,装备制造,成都\n白酒项目,食品饮料,贵阳\n", "x.csv").unwrap());
    /// let q = Query { industry: Some("动力电池".into()), ..Query::default() };
    /// let mut scores = Vec::new();
    /// m.for_each_score(&m.prepare(&q), |position, score| scores.push((position, score)));
    /// let best = m.rank(&q).results[0].clone();
    /// assert!(scores.contains(&(best.index, m.explain_at(&m.prepare(&q), best.index).unwrap().score)));
    /// assert_eq!(m.rank_prepared(m.prepare(&q)), m.rank(&q));
    /// ```
    pub fn prepare(&self, query: &Query) -> PreparedQuery {
        let mut warnings = Vec::new();
        let understood = understand(query, &self.meta.fx, &mut warnings);
        let tables = QueryTables::build(&understood, &self.index);
        PreparedQuery { understood, warnings, tables }
    }

    /// Ranks the list against a prepared query (see [`Matcher::prepare`]).
    pub fn rank_prepared(&self, prepared: PreparedQuery) -> RankResponse {
        let PreparedQuery { understood: u, warnings, tables } = prepared;
        // One pass of table look-ups over every project, best `top` kept (score.rs).
        let (top, matched) = tables.top(&u, &self.index);
        let results: Vec<RankedProject> = top.iter().filter_map(|&(score, i)| self.explain(&u, &tables, i, score)).collect();
        let suggestions = self.suggestions(&u, &results);
        RankResponse { query: u, warnings, results, matched, suggestions }
    }

    /// Calls `f(list position, score)` for every project that passes the query's filters, with the
    /// unrounded score [`Matcher::rank`] ranks by (the same computation, so the same number).
    pub fn for_each_score(&self, prepared: &PreparedQuery, f: impl FnMut(usize, f32)) {
        prepared.tables.for_each_score(&prepared.understood, &self.index, f);
    }

    /// The project at list position `position` as a result of the prepared query: its score (as
    /// [`Matcher::rank`] gives it), parts and reasons. `None` for a position out of range.
    pub fn explain_at(&self, prepared: &PreparedQuery, position: usize) -> Option<RankedProject> {
        let (score, facts) = self.facts_at(prepared, position)?;
        self.explain_facts(&prepared.understood, &facts, position, score)
    }

    /// The score of the project at list position `position` for a prepared query and the facts
    /// its reasons are worded from, without wording them (`None` when it fails a filter). Keep
    /// them with the query as understood, and [`Matcher::explain_facts`] words the result later,
    /// once the query's tables are gone: the leads views keep many pairs and word only the best.
    pub fn facts_at(&self, prepared: &PreparedQuery, position: usize) -> Option<(f32, PairFacts)> {
        let score = prepared.tables.score_at(&prepared.understood, &self.index, position)?;
        Some((score, self.facts(&prepared.understood, &prepared.tables, position)))
    }

    /// The result for a project from facts of [`Matcher::facts_at`] and the query as understood
    /// ([`PreparedQuery::understood`]): the same as [`Matcher::explain_at`] gives.
    pub fn explain_facts(&self, u: &Understood, facts: &PairFacts, position: usize, score: f32) -> Option<RankedProject> {
        let p = self.projects.get(position)?;
        let p = &*p;
        let mut parts = Parts::default();
        let mut reasons = Vec::new();
        if let Some((s, why)) = facts.industry {
            parts.industry = Some(round3(s));
            reasons.push(reasons::industry(u, p, why));
        }
        if let Some((s, why)) = facts.budget {
            parts.budget = Some(round3(s));
            reasons.push(reasons::budget(u, p, why, s, &self.meta.fx));
        }
        if let Some((s, why)) = facts.region {
            parts.region = Some(round3(s));
            reasons.push(reasons::region(u, p, why));
        }
        if let Some(s) = facts.keywords {
            parts.keywords = Some(round3(s));
            reasons.push(reasons::keywords(u, s));
        }
        if let Some(pr) = p.priority.filter(|p| *p > 0 && u.weights.priority > 0.0) {
            reasons.push(reasons::priority(u.lang, pr, u.weights.priority));
        }
        if let (Some(updated), Some(today)) = (&p.updated, &u.today) {
            if crate::date::is_stale(updated, today) {
                reasons.push(reasons::stale(u.lang, updated));
            }
        }
        Some(RankedProject { id: p.id.clone(), name: p.name.clone(), score: round3(score), parts, reasons, index: position })
    }

    /// Each part of project `i` for the query, and why.
    fn facts(&self, u: &Understood, tables: &QueryTables, i: usize) -> PairFacts {
        let ix = &self.index;
        PairFacts {
            industry: u.has_industry().then(|| tables.industry(ix, i)),
            budget: u.budget.as_ref().map(|b| fit_and_why(&b.amount, ix.sought(i))),
            region: u.has_region().then(|| tables.region(ix, i)),
            keywords: (!u.keyword_grams.is_empty()).then(|| tables.keywords(u, ix, i)),
        }
    }

    fn explain(&self, u: &Understood, tables: &QueryTables, i: usize, score: f32) -> Option<RankedProject> {
        self.explain_facts(u, &self.facts(u, tables, i), i, score)
    }

    /// When the best result scores low (or nothing passes the filters), says which part of the
    /// query to loosen; never next to a result that fits well.
    fn suggestions(&self, u: &Understood, results: &[RankedProject]) -> Vec<String> {
        let lang = u.lang;
        if results.first().is_some_and(|best| best.score >= LOW_BEST) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let top: Vec<&RankedProject> = results.iter().take(10).collect();
        let mean = |f: fn(&Parts) -> Option<f32>| -> Option<f32> {
            let v: Vec<f32> = top.iter().filter_map(|r| f(&r.parts)).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f32>() / v.len() as f32)
        };
        if results.is_empty() {
            out.push(
                lang.pick(
                    "没有项目符合筛选条件：请放宽行业、合作方式、阶段或投资额筛选",
                    "沒有項目符合篩選條件：請放寬行業、合作方式、階段或投資額篩選",
                    "No project passes the filters: relax the sector, cooperation, stage or investment filter",
                )
                .to_string(),
            );
            return out;
        }
        if mean(|p| p.region).is_some_and(|m| m < GOOD) {
            let g = Gazetteer::global();
            let typed: Vec<String> = u.region.iter().map(|r| r.name.clone()).collect();
            let mut wider: Vec<String> = Vec::new();
            for r in &u.region {
                let province = g.province_of(r.id);
                let zone_bits = g.econ_zone_mask(r.id) & g.kin_zones();
                let name = if province != r.id {
                    g.display_name(province, lang)
                } else if zone_bits != 0 {
                    let z = &g.econ_zones()[zone_bits.trailing_zeros() as usize];
                    lang.pick(z.name.clone(), z.name_hant.clone(), z.name_en.clone())
                } else {
                    continue;
                };
                if !typed.contains(&name) && !wider.contains(&name) {
                    wider.push(name);
                }
            }
            out.push(if wider.is_empty() {
                lang.pick("清空地区，查看全国的项目", "清空地區，查看全國的項目", "Clear the region to see projects nationwide").to_string()
            } else {
                match lang {
                    Lang::En => format!("Widen the region, e.g. to {}", wider.join(", ")),
                    Lang::ZhHans => format!("扩大地区范围，例如：{}", wider.join("、")),
                    Lang::ZhHant => format!("擴大地區範圍，例如：{}", wider.join("、")),
                }
            });
        }
        if mean(|p| p.budget).is_some_and(|m| m < GOOD) {
            out.push(
                lang.pick(
                    "调整预算：多数相关项目的金额与您的预算相差较大",
                    "調整預算：多數相關項目的金額與您的預算相差較大",
                    "Adjust the budget: most related projects are far from it",
                )
                .to_string(),
            );
        }
        if mean(|p| p.industry).is_some_and(|m| m < GOOD) {
            let t = Taxonomy::global();
            let related: Vec<String> = u
                .industry
                .iter()
                .filter_map(|x| x.node)
                .flat_map(|n| t.related(n, 4))
                .map(|n| t.label(n, lang).to_string())
                .take(4)
                .collect();
            out.push(if related.is_empty() {
                lang.pick("换一个行业说法或更宽的行业", "換一個行業說法或更寬的行業", "Try another word for the industry, or a broader one")
                    .to_string()
            } else {
                match lang {
                    Lang::En => format!("Try a related industry: {}", related.join(", ")),
                    Lang::ZhHans => format!("试试相关行业：{}", related.join("、")),
                    Lang::ZhHant => format!("試試相關行業：{}", related.join("、")),
                }
            });
        }
        out
    }
}
