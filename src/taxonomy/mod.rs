//! The industry taxonomy: sectors, sub-industries and industrial-chain links, with labels in
//! Simplified Chinese, Traditional Chinese and English and synonyms in all three.
//!
//! The knowledge lives in `data/taxonomy.json` (curated by this project, same licence as the
//! crate; its `schema` field documents the format). It covers Sichuan's eight sectors,
//! Guizhou's ten industrial industries, biomedicine and medical protection, new-energy vehicles
//! and power batteries, integrated circuits, AI, e-commerce and live-streaming, logistics,
//! cultural tourism and more. It is compiled in and parsed once, on first use of
//! [`Taxonomy::global`].
//!
//! Three things are built on it:
//!
//! * **Mapping text to nodes.** [`Taxonomy::lookup`] resolves a whole term (`動力電池`,
//!   `power battery`, `F&B`); [`Taxonomy::classify`] finds every known term inside a project's
//!   name, sector and tags; [`Taxonomy::parse_query`] reads what an investor typed.
//! * **Closeness.** [`Taxonomy::relation`] says how two nodes relate, from the same node through
//!   a chain link (an investor in 动力电池 fits a 新能源汽车 project that seeks battery suppliers)
//!   down to unrelated.
//! * **Help while typing and when little fits.** [`Taxonomy::suggest`] for type-ahead,
//!   [`Taxonomy::related`] for "try a related industry" hints.
//!
//! All text is compared after [`crate::fold::fold`], so Traditional and Simplified, full-width
//! and half-width, upper and lower case meet in one form. A Traditional synonym is only listed
//! where the *word* differs (軟體 folds to 软体, so 软体 is listed under 软件).

mod data;
mod glossary;
mod query;
mod vocab;

#[cfg(test)]
mod tests;

use crate::hash::FxMap;
use std::sync::OnceLock;

use crate::fold::{fold, is_cjk};
use crate::Lang;

pub(crate) use query::{is_generic_word, means_any_industry};
pub use query::{IndustryQuery, IndustryTerm, ReadAs};

/// Identifies a node of a [`Taxonomy`]: its index in data order. Stable for one build of the
/// crate only; use [`Node::key`] for anything stored or shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u16);

/// Identifies an umbrella concept of a [`Taxonomy`] (新能源, 数字经济 …): its index in data order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConceptId(pub u16);

/// An umbrella word of national and provincial plans (新能源, 数字经济, 大健康, 双碳, 未来产业 …):
/// a set of nodes across sectors. A query naming it means every member and what lies inside them.
#[derive(Clone, Debug)]
pub struct Concept {
    /// Stable ASCII key, e.g. `new_energy`.
    pub key: String,
    /// Simplified Chinese label.
    pub name: String,
    /// Traditional Chinese label.
    pub name_hant: String,
    /// English label.
    pub name_en: String,
    /// Synonyms as written in the data.
    pub synonyms: Vec<String>,
    /// The nodes it covers.
    pub members: Vec<NodeId>,
}

/// The kind of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A top-level sector (电子信息, 食品饮料 …).
    Sector,
    /// A sub-industry under a sector or under another industry (动力电池 under 新能源汽车).
    Industry,
}

/// One sector or industry.
#[derive(Clone, Debug)]
pub struct Node {
    /// Stable ASCII key, e.g. `em.nev.battery`.
    pub key: String,
    /// Sector or industry.
    pub kind: NodeKind,
    /// The enclosing node; `None` for a sector.
    pub parent: Option<NodeId>,
    /// The chains this node is a link of, as listed in the data (not including those inherited
    /// from its ancestors).
    pub chains: Vec<NodeId>,
    /// Simplified Chinese label.
    pub name: String,
    /// Traditional Chinese label, in Taiwan/Hong Kong wording where it differs.
    pub name_hant: String,
    /// English label.
    pub name_en: String,
    /// Synonyms as written in the data (any script, not folded; the `=` whole-term marker
    /// is kept).
    pub synonyms: Vec<String>,
}

/// A project's industries, from [`Taxonomy::classify_project`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectIndustry {
    /// The node an official would file the project under: the most specific one its name and
    /// tags give.
    pub primary: Option<NodeId>,
    /// Every node its sector, tags and name name.
    pub nodes: Vec<NodeId>,
}

/// How two nodes relate, closest first: the derived order makes `a < b` mean "a is closer".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// The same node.
    Same,
    /// One is a link of the other's chain (动力电池 ↔ 新能源汽车, 包装材料 ↔ 白酒).
    ChainLink,
    /// One is an ancestor of the other (白酒 ↔ 食品饮料).
    ParentChild,
    /// Both are links of one chain (动力电池 ↔ 锂电正极材料).
    SameChain,
    /// Same parent (白酒 ↔ 啤酒).
    Sibling,
    /// Same top-level sector, further away (白酒, under 烟酒, ↔ 调味品).
    SameSector,
    /// None of the above.
    Unrelated,
}

/// Derived, per-node facts computed once at load.
#[derive(Clone, Debug)]
struct NodeInfo {
    /// The top-level sector (the node itself for a sector).
    sector: NodeId,
    /// 0 for a sector.
    depth: u8,
    /// Parent first, sector last.
    ancestors: Vec<NodeId>,
    /// Chain heads this node is a link of, its own and inherited from its ancestors; sorted.
    heads: Vec<NodeId>,
    /// Direct children in data order.
    children: Vec<NodeId>,
}

/// The industry taxonomy. Use [`Taxonomy::global`] for the curated one.
pub struct Taxonomy {
    nodes: Vec<Node>,
    info: Vec<NodeInfo>,
    by_key: FxMap<String, NodeId>,
    vocab: vocab::Vocab,
    concepts: Vec<Concept>,
    /// One-character contractions (光 → 光伏), sorted: `光储充` names three nodes.
    abbr: Vec<(char, NodeId)>,
    glossary: glossary::Glossary,
}

impl std::fmt::Debug for Taxonomy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Taxonomy").field("nodes", &self.nodes.len()).field("terms", &self.vocab.terms.len()).finish()
    }
}

impl Taxonomy {
    /// The curated taxonomy compiled into the crate, parsed on first use.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// assert!(tax.len() > 100);
    /// ```
    pub fn global() -> &'static Taxonomy {
        static GLOBAL: OnceLock<Taxonomy> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            // The data is compiled in and checked by the unit tests, so this cannot fail in a
            // released build.
            let mut t = data::parse_lines(data::TAXONOMY_TSV).expect("data/taxonomy.json is valid");
            t.glossary = glossary::Glossary::embedded();
            t
        })
    }

    /// The umbrella concepts (新能源, 数字经济 …), in data order.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let new_energy = tax.lookup_concept("新能源").unwrap();
    /// let members = &tax.concept(new_energy).members;
    /// assert!(members.contains(&tax.lookup("光伏").unwrap()));
    /// assert!(members.contains(&tax.lookup("风电").unwrap()));
    /// assert!(!members.contains(&tax.lookup("盐化工").unwrap()));
    /// ```
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept behind an id.
    ///
    /// # Panics
    /// If the id does not come from this taxonomy.
    pub fn concept(&self, id: ConceptId) -> &Concept {
        &self.concepts[id.0 as usize]
    }

    /// The label of a concept in a display language.
    ///
    /// ```
    /// use opportunity_matcher::{taxonomy::Taxonomy, Lang};
    /// let tax = Taxonomy::global();
    /// let c = tax.lookup_concept("低空经济").unwrap();
    /// assert_eq!(tax.concept_label(c, Lang::ZhHant), "低空經濟");
    /// assert_eq!(tax.concept_label(c, Lang::En), "Low-altitude economy");
    /// ```
    pub fn concept_label(&self, id: ConceptId, lang: Lang) -> &str {
        let c = self.concept(id);
        lang.pick(&c.name, &c.name_hant, &c.name_en)
    }

    /// The concept a whole term names (`新能源`, `綠能`, `new energy`, `xinnengyuan`), if any.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let c = tax.lookup_concept("新能源");
    /// assert!(c.is_some());
    /// assert_eq!(tax.lookup_concept("綠能"), c);
    /// assert_eq!(tax.lookup_concept("xinnengyuan"), c);
    /// assert_eq!(tax.lookup_concept("光伏"), None); // a node, not an umbrella word
    /// ```
    pub fn lookup_concept(&self, term: &str) -> Option<ConceptId> {
        let folded = fold(term);
        let folded = folded.trim();
        self.vocab.concept_folded(folded).or(match self.vocab.pinyin_folded(folded) {
            Some(vocab::Target::Concept(c)) => Some(c),
            _ => None,
        })
    }

    /// The node a one-character contraction stands for (`光` → 光伏, `储` → 储能).
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// assert_eq!(tax.contraction('光'), tax.lookup("光伏"));
    /// assert_eq!(tax.contraction('儲'), tax.lookup("储能"));
    /// assert_eq!(tax.contraction('甲'), None);
    /// ```
    pub fn contraction(&self, c: char) -> Option<NodeId> {
        let c = crate::fold::t2s_char(c);
        self.abbr.binary_search_by_key(&c, |&(x, _)| x).ok().map(|i| self.abbr[i].1)
    }

    /// Chinese readings of English industry text from the bilingual glossary
    /// (`data/industry-glossary.tsv`): `(English words read, Chinese terms)`.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// assert_eq!(tax.glossary("wineries")[0].1[0], "酒庄");
    /// assert!(tax.glossary("zzzz").is_empty());
    /// ```
    pub fn glossary(&self, english: &str) -> Vec<(String, Vec<String>)> {
        self.glossary.read(&fold(english))
    }

    /// Number of glossary entries.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// assert!(Taxonomy::global().glossary_len() > 300);
    /// ```
    pub fn glossary_len(&self) -> usize {
        self.glossary.len()
    }

    /// Parses and checks a taxonomy in the format of `data/taxonomy.json`
    /// (`"format": "opportunity-matcher-taxonomy/1"`). The error names the offending node: an
    /// unknown or later parent, an unknown chain, an empty label, or a term that two nodes
    /// claim.
    pub fn from_json(json: &str) -> Result<Taxonomy, String> {
        data::parse(json)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True if there are no nodes (never for the curated taxonomy).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// All node ids in data order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).map(|i| NodeId(i as u16))
    }

    /// The node behind an id.
    ///
    /// # Panics
    /// If the id does not come from this taxonomy.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    /// The node with a stable key such as `em.nev.battery`.
    pub fn by_key(&self, key: &str) -> Option<NodeId> {
        self.by_key.get(key).copied()
    }

    /// The top-level sectors, in data order (Sichuan's eight first).
    pub fn sectors(&self) -> Vec<NodeId> {
        self.ids().filter(|&id| self.node(id).kind == NodeKind::Sector).collect()
    }

    /// The sector a node belongs to (a sector belongs to itself).
    pub fn sector_of(&self, id: NodeId) -> NodeId {
        self.info[id.0 as usize].sector
    }

    /// Ancestors of a node, parent first, sector last; empty for a sector.
    pub fn ancestors(&self, id: NodeId) -> &[NodeId] {
        &self.info[id.0 as usize].ancestors
    }

    /// Direct children of a node, in data order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.info[id.0 as usize].children
    }

    /// The chains a node is a link of, including those inherited from its ancestors
    /// (锂电正极材料 inherits 新能源汽车 from 锂电材料).
    pub fn chain_heads(&self, id: NodeId) -> &[NodeId] {
        &self.info[id.0 as usize].heads
    }

    /// The label of a node in a display language.
    ///
    /// ```
    /// use opportunity_matcher::{taxonomy::Taxonomy, Lang};
    /// let tax = Taxonomy::global();
    /// let id = tax.lookup("软件").unwrap();
    /// assert_eq!(tax.label(id, Lang::ZhHant), "軟體");
    /// assert_eq!(tax.label(id, Lang::En), "Software");
    /// ```
    pub fn label(&self, id: NodeId, lang: Lang) -> &str {
        let n = self.node(id);
        lang.pick(&n.name, &n.name_hant, &n.name_en)
    }

    /// Resolves a whole term — a label or synonym in any script — after [`fold`]. Spaces and
    /// punctuation are ignored if the exact form is unknown (`e-commerce` = `ecommerce`,
    /// `A.I.` = `AI`), and an English plural falls back to its singular.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let id = tax.lookup("動力電池");
    /// assert!(id.is_some());
    /// assert_eq!(tax.lookup("power batteries"), id);
    /// assert_eq!(tax.lookup("no such industry"), None);
    /// ```
    pub fn lookup(&self, term: &str) -> Option<NodeId> {
        self.vocab.lookup_folded(fold(term).trim())
    }

    /// Every node whose label or synonym occurs in the text (after [`fold`]), longest match
    /// first; a match overlapping a longer one (or an equally long one further left) is
    /// dropped, so `新能源汽车` does not also yield `汽车` or `新能源`. English terms match
    /// whole words only (`AI` is not found in `chain`), plurals included. Synonyms marked
    /// whole-term-only in the data (one-character words such as 茶, common words such as
    /// 产业园) are not searched for inside text.
    ///
    /// Fast enough to run on every project at load: one hash probe per character.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let found = tax.classify("成都新能源汽车动力电池配套产业园项目");
    /// assert_eq!(found, vec![tax.lookup("新能源汽车").unwrap(), tax.lookup("动力电池").unwrap()]);
    /// ```
    pub fn classify(&self, text: &str) -> Vec<NodeId> {
        self.vocab.classify_folded(&fold(text))
    }

    /// Where the taxonomy's words (node labels and synonyms, umbrella words) occur in text already
    /// folded with [`crate::fold::fold`]: `(start, length)` in characters, in order, longest first
    /// and without overlaps. What a sentence reader keeps of a phrase around an industry.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// assert_eq!(tax.known_word_spans("公司想做新能源汽车"), vec![(4, 5)]);
    /// assert_eq!(tax.known_word_spans("光伏和储能"), vec![(0, 2), (3, 2)]);
    /// assert!(tax.known_word_spans("公司想").is_empty());
    /// ```
    pub fn known_word_spans(&self, folded: &str) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = self.vocab.spans_folded(folded).into_iter().map(|(s, l, _)| (s, l)).collect();
        spans.extend(self.vocab.concept_spans(folded).into_iter().map(|(s, l, _)| (s, l)));
        crate::sort::sort_by(&mut spans, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (s, l) in spans {
            if !kept.iter().any(|&(ks, kl)| s < ks + kl && ks < s + l) {
                kept.push((s, l));
            }
        }
        crate::sort::sort_by_key(&mut kept, |&(s, _)| s);
        kept
    }

    /// [`classify`](Self::classify) for text that is already folded with
    /// [`crate::fold::fold`] (a list loader folds each field once and can reuse it).
    pub fn classify_folded(&self, folded: &str) -> Vec<NodeId> {
        self.vocab.classify_folded(folded)
    }

    /// A project's industries from its name, sector and tags: every node they name (what ranking
    /// compares with the query), and the one an official would file it under, the most specific:
    ///
    /// 1. the known words of the name, leaving out sectors and any word another one lies inside
    ///    (`新能源汽车整车` → 整车制造: the words before the head qualify it);
    /// 2. the head of the name, its last known word (`成都新能源汽车动力电池配套产业园项目` →
    ///    动力电池), or for two words joined by 及/和/与 (`整车及电池`) what encloses both;
    /// 3. kept if it lies in the sector the project declares or is a link of one of its chains
    ///    (包装材料 in 食品饮料), else the last word of the name in that sector, if any (`白酒产业园
    ///    酒类物流` filed under 食品饮料 → 白酒);
    /// 4. without a known word in the name: the first tag in the declared sector, else the first
    ///    tag, else the sector.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let tags = ["动力电池".to_string(), "新能源汽车".to_string()];
    /// let p = tax.classify_project("成都新能源汽车动力电池配套产业园项目", "装备制造", &tags);
    /// assert_eq!(p.primary, tax.lookup("动力电池"));
    /// assert!(p.nodes.contains(&tax.lookup("新能源汽车").unwrap()));
    /// ```
    pub fn classify_project(&self, name: &str, sector: &str, tags: &[String]) -> ProjectIndustry {
        let folded_name = fold(name);
        let mut spans = self.vocab.spans_folded(&folded_name);
        crate::sort::sort_by_key(&mut spans, |s| s.0);
        let tag_nodes: Vec<Vec<NodeId>> = tags.iter().map(|t| self.classify(t)).collect();
        let sector_nodes = self.classify(sector);
        let mut nodes: Vec<NodeId> = Vec::new();
        for n in sector_nodes.iter().chain(tag_nodes.iter().flatten()).copied().chain(spans.iter().map(|s| s.2)) {
            if !nodes.contains(&n) {
                nodes.push(n);
            }
        }
        let is_sector = |n: NodeId| self.node(n).kind == NodeKind::Sector;
        let declared = sector_nodes.first().map(|&n| self.sector_of(n));
        let in_declared = |n: NodeId| declared.is_none_or(|d| self.sector_of(n) == d);
        // 1. the specific words of the name
        let words: Vec<(usize, usize, NodeId)> = spans
            .iter()
            .copied()
            .filter(|&(_, _, n)| !is_sector(n) && !spans.iter().any(|&(_, _, m)| m != n && self.ancestors(m).contains(&n)))
            .collect();
        // 2. the head, or what encloses two words joined by a conjunction
        let chars: Vec<char> = folded_name.chars().collect();
        let head = match words.as_slice() {
            [.., a, b] => {
                let between: String = chars[(a.0 + a.1).min(chars.len())..b.0.min(chars.len())].iter().collect();
                let joined = !between.is_empty() && between.chars().all(|c| "及和与、&".contains(c) || c.is_whitespace());
                if joined && a.2 == b.2 {
                    Some(a.2)
                } else if joined {
                    let common = self.ancestors(a.2).iter().copied().find(|x| x == &b.2 || self.ancestors(b.2).contains(x));
                    Some(common.filter(|&c| !is_sector(c)).unwrap_or(a.2))
                } else {
                    Some(b.2)
                }
            }
            [only] => Some(only.2),
            [] => None,
        };
        // 3. consistent with the declared sector, or a link of one of its chains
        let first_tag_in = |ok: &dyn Fn(NodeId) -> bool| tag_nodes.iter().flatten().copied().find(|&n| !is_sector(n) && ok(n));
        let primary = match head {
            Some(h) if in_declared(h) || self.chain_heads(h).iter().any(|&c| in_declared(c)) => Some(h),
            Some(h) => words.iter().rev().map(|w| w.2).find(|&n| in_declared(n)).or(Some(h)),
            None => first_tag_in(&in_declared).or_else(|| first_tag_in(&|_| true)).or_else(|| sector_nodes.first().copied()),
        };
        ProjectIndustry { primary, nodes }
    }

    /// How two nodes relate; symmetric, and the closest relation when several hold (动力电池 is
    /// both a child and a chain link of 新能源汽车: [`Relation::ChainLink`]).
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::{Relation, Taxonomy};
    /// let tax = Taxonomy::global();
    /// let id = |t: &str| tax.lookup(t).unwrap();
    /// assert_eq!(tax.relation(id("动力电池"), id("新能源汽车")), Relation::ChainLink);
    /// assert_eq!(tax.relation(id("锂电正极材料"), id("动力电池")), Relation::SameChain);
    /// assert_eq!(tax.relation(id("白酒"), id("食品饮料")), Relation::ParentChild);
    /// assert_eq!(tax.relation(id("白酒"), id("啤酒")), Relation::Sibling);
    /// assert_eq!(tax.relation(id("白酒"), id("包装材料")), Relation::ChainLink);
    /// assert_eq!(tax.relation(id("白酒"), id("半导体")), Relation::Unrelated);
    /// ```
    pub fn relation(&self, a: NodeId, b: NodeId) -> Relation {
        if a == b {
            return Relation::Same;
        }
        let (ia, ib) = (&self.info[a.0 as usize], &self.info[b.0 as usize]);
        if ia.heads.binary_search(&b).is_ok() || ib.heads.binary_search(&a).is_ok() {
            return Relation::ChainLink;
        }
        if ia.ancestors.contains(&b) || ib.ancestors.contains(&a) {
            return Relation::ParentChild;
        }
        if sorted_intersect(&ia.heads, &ib.heads) {
            return Relation::SameChain;
        }
        let (pa, pb) = (self.nodes[a.0 as usize].parent, self.nodes[b.0 as usize].parent);
        if pa.is_some() && pa == pb {
            return Relation::Sibling;
        }
        if ia.sector == ib.sector {
            return Relation::SameSector;
        }
        Relation::Unrelated
    }

    /// Type-ahead: nodes with a label or synonym (in any language) that starts with the folded
    /// prefix, or for a prefix containing CJK also contains it, or for English has a word
    /// starting with it. Order: a node named exactly by the prefix, then sectors, then closeness
    /// (a label starting with the prefix, a synonym starting with it, a contained match), then
    /// shorter terms, then data order. An empty prefix lists the sectors. `lang` ranks the
    /// labels of that language first among the prefix matches.
    ///
    /// ```
    /// use opportunity_matcher::{taxonomy::Taxonomy, Lang};
    /// let tax = Taxonomy::global();
    /// let battery = tax.lookup("动力电池").unwrap();
    /// assert!(tax.suggest("动力", Lang::ZhHans, 5).contains(&battery));
    /// assert!(tax.suggest("pow", Lang::En, 8).contains(&battery));
    /// ```
    pub fn suggest(&self, prefix: &str, lang: Lang, limit: usize) -> Vec<NodeId> {
        let p = fold(prefix);
        let p = p.trim();
        if p.is_empty() {
            return self.sectors().into_iter().take(limit).collect();
        }
        let cjk = p.chars().any(is_cjk);
        let word_start = format!(" {p}");
        let own_label = match lang {
            Lang::ZhHans => vocab::TermKind::Hans,
            Lang::ZhHant => vocab::TermKind::Hant,
            Lang::En => vocab::TermKind::En,
        };
        // Best (class, term length) per node, indexed by node (the order is set by the sort below).
        let mut best: Vec<(u8, usize)> = vec![(u8::MAX, usize::MAX); self.nodes.len()];
        for t in &self.vocab.terms {
            let class = if t.text == p {
                0
            } else if t.text.starts_with(p) {
                if t.kind == own_label {
                    1
                } else if t.kind.is_label() {
                    2
                } else {
                    3
                }
            } else if (cjk && t.text.contains(p)) || (!cjk && t.text.contains(&word_start)) {
                4
            } else {
                continue;
            };
            let e = &mut best[t.node.0 as usize];
            if (class, t.chars) < *e {
                *e = (class, t.chars);
            }
        }
        let mut found: Vec<(NodeId, (u8, usize))> =
            best.into_iter().enumerate().filter(|(_, b)| b.0 != u8::MAX).map(|(i, b)| (NodeId(i as u16), b)).collect();
        crate::sort::sort_by_key(&mut found, |&(id, (class, len))| (class != 0, self.node(id).kind != NodeKind::Sector, class, len, id));
        found.into_iter().take(limit).map(|(id, _)| id).collect()
    }

    /// Nodes to suggest when a query on `id` finds little: chain partners first (the chain it
    /// is a link of, or the links of its chain), then its parent and other ancestors, then its
    /// children, then other links of the same chains, then siblings.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let battery = tax.lookup("动力电池").unwrap();
    /// assert_eq!(tax.related(battery, 1), vec![tax.lookup("新能源汽车").unwrap()]);
    /// ```
    pub fn related(&self, id: NodeId, limit: usize) -> Vec<NodeId> {
        let depth = self.info[id.0 as usize].depth as i32;
        let mut found: Vec<(Relation, i32, NodeId)> = self
            .ids()
            .filter(|&other| other != id)
            .filter_map(|other| {
                let r = self.relation(id, other);
                if r > Relation::Sibling {
                    return None;
                }
                // Among ancestors and descendants: parent, grandparents …, then children.
                let d = self.info[other.0 as usize].depth as i32 - depth;
                let order = if d < 0 { -d } else { 100 + d };
                Some((r, order, other))
            })
            .collect();
        crate::sort::sort(&mut found);
        found.into_iter().take(limit).map(|(_, _, id)| id).collect()
    }
}

/// True if two sorted slices share an element.
fn sorted_intersect(a: &[NodeId], b: &[NodeId]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}
