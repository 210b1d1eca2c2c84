//! Per-list precomputation, done once when a list loads, so that a query is one pass over plain
//! columns with table look-ups: region ancestors, economic-zone bits, taxonomy nodes, amounts and
//! bigram postings for every project.

use crate::fold::{fold, gram_set, Gram};
use crate::gazetteer::Gazetteer;
use crate::list::Project;
use crate::taxonomy::{NodeId, Taxonomy};
use std::collections::HashMap;

/// `u32::MAX` in a region column: no such level (a province has no city).
pub(crate) const NONE: u32 = u32::MAX;

/// Sorted posting lists: for each bigram, the projects whose text contains it.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    map: HashMap<Gram, Vec<u32>>,
}

impl Postings {
    fn add(&mut self, project: u32, grams: &[Gram]) {
        for g in grams {
            self.map.entry(*g).or_default().push(project);
        }
    }

    /// The projects containing `gram`, ascending.
    pub(crate) fn get(&self, gram: Gram) -> &[u32] {
        self.map.get(&gram).map(Vec::as_slice).unwrap_or(&[])
    }

    fn shrink(&mut self) {
        for v in self.map.values_mut() {
            v.shrink_to_fit();
        }
        self.map.shrink_to_fit();
    }
}

/// Column-oriented facts about every project of a list, built once by [`MatchIndex::build`].
#[derive(Debug, Default)]
pub struct MatchIndex {
    pub(crate) province: Vec<u32>,
    pub(crate) city: Vec<u32>,
    pub(crate) county: Vec<u32>,
    pub(crate) zone_mask: Vec<u32>,
    /// CSR: the taxonomy nodes of project `i` are `nodes[node_start[i]..node_start[i + 1]]`.
    pub(crate) node_start: Vec<u32>,
    pub(crate) nodes: Vec<NodeId>,
    /// Amount compared with the budget (`seeking`, else `investment`): `(min, max)`, `(0, 0)` when
    /// not published.
    pub(crate) sought: Vec<(u64, u64)>,
    /// Total investment for the investment filter, `(0, 0)` when not published.
    pub(crate) investment: Vec<(u64, u64)>,
    pub(crate) priority: Vec<u8>,
    /// Bigrams of name, English name, sector and tags.
    pub(crate) strong: Postings,
    /// Bigrams of descriptions and benefits.
    pub(crate) weak: Postings,
    /// Folded cooperation modes and stage, for the filters.
    pub(crate) cooperation: Vec<String>,
    pub(crate) stage: Vec<String>,
    /// Position of each project's id in id order, to break ties deterministically.
    pub(crate) id_rank: Vec<u32>,
}

impl MatchIndex {
    /// Precomputes everything a query needs about `projects`.
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, rank::MatchIndex};
    /// let list = load_text("name,sector,region\n动力电池项目,装备制造,成都\n", "x.csv").unwrap();
    /// let index = MatchIndex::build(&list.projects);
    /// assert_eq!(index.len(), 1);
    /// ```
    pub fn build(projects: &[Project]) -> MatchIndex {
        let g = Gazetteer::global();
        let t = Taxonomy::global();
        let n = projects.len();
        let mut ix = MatchIndex {
            province: Vec::with_capacity(n),
            city: Vec::with_capacity(n),
            county: Vec::with_capacity(n),
            zone_mask: Vec::with_capacity(n),
            node_start: Vec::with_capacity(n + 1),
            sought: Vec::with_capacity(n),
            investment: Vec::with_capacity(n),
            priority: Vec::with_capacity(n),
            cooperation: Vec::with_capacity(n),
            stage: Vec::with_capacity(n),
            ..MatchIndex::default()
        };
        // Sector and tag texts repeat across a list: classify each distinct text once.
        let mut classified: HashMap<String, Vec<NodeId>> = HashMap::new();
        for (i, p) in projects.iter().enumerate() {
            let region = p.region;
            ix.province.push(g.province_of(region).0);
            ix.city.push(g.city_of(region).map_or(NONE, |r| r.0));
            ix.county.push(g.county_of(region).map_or(NONE, |r| r.0));
            ix.zone_mask.push(g.econ_zone_mask(region));

            ix.node_start.push(ix.nodes.len() as u32);
            let mut nodes: Vec<NodeId> = Vec::new();
            let classifying = std::iter::once(&p.sector).chain(p.tags.iter());
            for text in classifying {
                let found = classified.entry(text.clone()).or_insert_with(|| t.classify(text));
                nodes.extend(found.iter().copied());
            }
            nodes.extend(t.classify(&p.name));
            nodes.sort_unstable();
            nodes.dedup();
            ix.nodes.extend(nodes);

            let span = |a: Option<&crate::money::Amount>| a.map_or((0, 0), |a| (a.min, a.max));
            ix.sought.push(span(p.sought()));
            ix.investment.push(span(p.investment.as_ref()));
            ix.priority.push(p.priority.unwrap_or(0));
            ix.cooperation.push(fold(&p.cooperation.join("、")));
            ix.stage.push(fold(p.stage.as_deref().unwrap_or("")));

            let mut strong = fold(&p.name);
            for extra in std::iter::once(&p.sector).chain(p.tags.iter()).chain(p.name_en.iter()) {
                strong.push(' ');
                strong.push_str(&fold(extra));
            }
            ix.strong.add(i as u32, &gram_set(&strong));
            let mut weak = String::new();
            for text in [&p.description, &p.description_en, &p.benefits].into_iter().flatten() {
                weak.push_str(&fold(text));
                weak.push(' ');
            }
            ix.weak.add(i as u32, &gram_set(&weak));
        }
        ix.node_start.push(ix.nodes.len() as u32);
        ix.strong.shrink();
        ix.weak.shrink();
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by(|a, b| projects[*a as usize].id.cmp(&projects[*b as usize].id));
        ix.id_rank = vec![0; n];
        for (rank, i) in order.into_iter().enumerate() {
            ix.id_rank[i as usize] = rank as u32;
        }
        ix
    }

    /// Number of projects indexed.
    pub fn len(&self) -> usize {
        self.province.len()
    }

    /// True when no project is indexed.
    pub fn is_empty(&self) -> bool {
        self.province.is_empty()
    }

    /// The taxonomy nodes of project `i`.
    pub(crate) fn nodes_of(&self, i: usize) -> &[NodeId] {
        &self.nodes[self.node_start[i] as usize..self.node_start[i + 1] as usize]
    }
}
