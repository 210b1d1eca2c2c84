//! Loading the taxonomy from its JSON form and checking it.
//!
//! The curated data lives in `data/taxonomy.json` and is compiled into the crate; the rules it
//! must follow are written in the file's own `schema` field and enforced here, so a bad edit fails
//! the unit tests with a message that names the node, rather than misbehaving at run time.

use crate::hash::FxMap;

use serde::Deserialize;

use super::vocab::{Target, TermKind, Vocab};
use super::{Concept, ConceptId, Node, NodeId, NodeInfo, NodeKind, Taxonomy};

/// The curated taxonomy as JSON: the source, read by the tests against the compact form.
#[cfg(test)]
pub(super) const TAXONOMY_JSON: &str = include_str!("../../data/taxonomy.json");

/// The compiled-in curated taxonomy: `data/taxonomy.json` in the line form build.rs writes (the
/// format name, then one node a line: `key kind parent chains zh-Hans zh-Hant en syn abbr pinyin`,
/// tab separated, lists separated by U+001F, then the concepts as `*` lines). A file build.rs cannot
/// convert stops the build. Reading it needs no JSON parser in the wasm and is quicker.
pub(super) const TAXONOMY_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.tsv"));

/// The `format` value this loader understands.
pub(super) const FORMAT: &str = "opportunity-matcher-taxonomy/1";

#[derive(Deserialize)]
struct RawTaxonomy {
    format: String,
    nodes: Vec<RawNode>,
    #[serde(default)]
    concepts: Vec<RawConcept>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcept {
    key: String,
    #[serde(rename = "zh-Hans")]
    hans: String,
    #[serde(rename = "zh-Hant")]
    hant: String,
    en: String,
    #[serde(default)]
    syn: Vec<String>,
    members: Vec<String>,
    /// Pinyin of the Chinese terms (the line form only; see build.rs).
    #[serde(skip)]
    pinyin: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    key: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    chains: Vec<String>,
    #[serde(rename = "zh-Hans")]
    hans: String,
    #[serde(rename = "zh-Hant")]
    hant: String,
    en: String,
    #[serde(default)]
    syn: Vec<String>,
    #[serde(default)]
    abbr: Vec<String>,
    /// Pinyin of the Chinese terms (the line form only; see build.rs).
    #[serde(skip)]
    pinyin: Vec<String>,
}

/// Parses and validates a taxonomy document; see [`Taxonomy::from_json`].
pub(super) fn parse(json: &str) -> Result<Taxonomy, String> {
    let raw: RawTaxonomy = serde_json::from_str(json).map_err(|e| format!("taxonomy JSON: {e}"))?;
    check(raw)
}

/// Reads and validates the line form of [`TAXONOMY_TSV`] (same checks as the JSON form).
pub(super) fn parse_lines(text: &str) -> Result<Taxonomy, String> {
    let mut lines = text.lines();
    let format = lines.next().unwrap_or("");
    let list = |cell: &str| -> Vec<String> {
        if cell.is_empty() {
            Vec::new()
        } else {
            cell.split('\x1f').map(str::to_string).collect()
        }
    };
    let opt = |cell: &str| (!cell.is_empty()).then(|| cell.to_string());
    let mut nodes = Vec::new();
    let mut concepts = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if let Some(key) = f[0].strip_prefix('*') {
            let [_, hans, hant, en, syn, members, pinyin] = f[..] else {
                return Err(format!("taxonomy lines: bad concept line {line:?}"));
            };
            concepts.push(RawConcept {
                key: key.to_string(),
                hans: hans.to_string(),
                hant: hant.to_string(),
                en: en.to_string(),
                syn: list(syn),
                members: list(members),
                pinyin: list(pinyin),
            });
            continue;
        }
        let [key, kind, parent, chains, hans, hant, en, syn, abbr, pinyin] = f[..] else {
            return Err(format!("taxonomy lines: bad line {line:?}"));
        };
        nodes.push(RawNode {
            key: key.to_string(),
            kind: opt(kind),
            parent: opt(parent),
            chains: list(chains),
            hans: hans.to_string(),
            hant: hant.to_string(),
            en: en.to_string(),
            syn: list(syn),
            abbr: list(abbr),
            pinyin: list(pinyin),
        });
    }
    check(RawTaxonomy { format: format.to_string(), nodes, concepts })
}

/// The checks and derived tables shared by both forms.
fn check(raw: RawTaxonomy) -> Result<Taxonomy, String> {
    if raw.format != FORMAT {
        return Err(format!("taxonomy format {:?}, expected {FORMAT:?}", raw.format));
    }
    if raw.nodes.is_empty() {
        return Err("taxonomy has no nodes".into());
    }
    // Node ids stay below 0x8000: the vocabulary packs concepts above them.
    if raw.nodes.len() > 0x7fff || raw.concepts.len() > 0x7fff {
        return Err(format!("taxonomy has {} nodes and {} concepts, at most {} each allowed", raw.nodes.len(), raw.concepts.len(), 0x7fff));
    }

    let mut by_key: FxMap<String, NodeId> = FxMap::with_capacity_and_hasher(raw.nodes.len(), Default::default());
    let mut nodes: Vec<Node> = Vec::with_capacity(raw.nodes.len());
    // Chains are resolved after every key is known (a chain may point forward).
    let mut pending_chains: Vec<Vec<String>> = Vec::with_capacity(raw.nodes.len());
    let mut abbr: Vec<(char, NodeId)> = Vec::new();
    let mut node_pinyin: Vec<Vec<String>> = Vec::with_capacity(raw.nodes.len());

    for (i, r) in raw.nodes.into_iter().enumerate() {
        let id = NodeId(i as u16);
        let key = r.key.trim().to_string();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)) {
            return Err(format!("node #{i}: key {:?} must be non-empty ASCII [A-Za-z0-9._-]", r.key));
        }
        if by_key.contains_key(&key) {
            return Err(format!("node {key}: key defined twice"));
        }
        for (what, label) in [("zh-Hans", &r.hans), ("zh-Hant", &r.hant), ("en", &r.en)] {
            if label.trim().is_empty() {
                return Err(format!("node {key}: empty {what} label"));
            }
        }
        let parent = match &r.parent {
            None => None,
            Some(p) => Some(*by_key.get(p.trim()).ok_or_else(|| format!("node {key}: parent {p:?} is unknown or comes after this node"))?),
        };
        let kind = match (r.kind.as_deref(), parent) {
            (Some("sector"), None) => NodeKind::Sector,
            (None | Some("industry"), Some(_)) => NodeKind::Industry,
            (Some("sector"), Some(_)) => return Err(format!("node {key}: a sector cannot have a parent")),
            (None | Some("industry"), None) => {
                return Err(format!("node {key}: an industry needs a parent (or mark it \"kind\":\"sector\")"))
            }
            (Some(other), _) => return Err(format!("node {key}: unknown kind {other:?}")),
        };
        let synonyms: Vec<String> = r.syn.iter().map(|s| s.trim().to_string()).collect();
        if let Some(bad) = synonyms.iter().find(|s| s.trim_start_matches('=').trim().is_empty()) {
            return Err(format!("node {key}: empty synonym {bad:?}"));
        }
        for a in &r.abbr {
            let mut chars = crate::fold::fold(a).chars().collect::<Vec<char>>();
            chars.retain(|c| !c.is_whitespace());
            match chars[..] {
                [c] if crate::fold::is_cjk(c) => {
                    if let Some(&(_, other)) = abbr.iter().find(|(x, _)| *x == c) {
                        return Err(format!("node {key}: contraction {c:?} already belongs to node {}", nodes[other.0 as usize].key));
                    }
                    abbr.push((c, id));
                }
                _ => return Err(format!("node {key}: contraction {a:?} must be one Chinese character")),
            }
        }
        node_pinyin.push(r.pinyin);
        by_key.insert(key.clone(), id);
        pending_chains.push(r.chains);
        nodes.push(Node {
            key,
            kind,
            parent,
            chains: Vec::new(),
            name: r.hans.trim().to_string(),
            name_hant: r.hant.trim().to_string(),
            name_en: r.en.trim().to_string(),
            synonyms,
        });
    }

    for (i, chains) in pending_chains.into_iter().enumerate() {
        for c in chains {
            let target = *by_key.get(c.trim()).ok_or_else(|| format!("node {}: chain {c:?} is unknown", nodes[i].key))?;
            if target.0 as usize == i {
                return Err(format!("node {}: a node cannot be a link of its own chain", nodes[i].key));
            }
            if !nodes[i].chains.contains(&target) {
                nodes[i].chains.push(target);
            }
        }
    }

    let info = derive_info(&nodes);
    let mut vocab = build_vocab(&nodes)?;
    let mut pinyin: Vec<(String, Target)> = Vec::new();
    let mut concepts: Vec<Concept> = Vec::with_capacity(raw.concepts.len());
    for (i, c) in raw.concepts.into_iter().enumerate() {
        let key = c.key.trim().to_string();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)) {
            return Err(format!("concept #{i}: key {:?} must be non-empty ASCII [A-Za-z0-9._-]", c.key));
        }
        if concepts.iter().any(|x| x.key == key) {
            return Err(format!("concept {key}: key defined twice"));
        }
        for (what, label) in [("zh-Hans", &c.hans), ("zh-Hant", &c.hant), ("en", &c.en)] {
            if label.trim().is_empty() {
                return Err(format!("concept {key}: empty {what} label"));
            }
        }
        let mut members = Vec::with_capacity(c.members.len());
        for m in &c.members {
            let id = *by_key.get(m.trim()).ok_or_else(|| format!("concept {key}: member {m:?} is unknown"))?;
            if !members.contains(&id) {
                members.push(id);
            }
        }
        if members.is_empty() {
            return Err(format!("concept {key}: no members"));
        }
        let id = ConceptId(i as u16);
        for t in [&c.hans, &c.hant, &c.en].into_iter().chain(c.syn.iter()) {
            vocab.add_concept(t.trim_start_matches('='), id).map_err(|(term, other)| {
                format!(
                    "concept {key}: term {term:?} already belongs to concept {}; a folded term may name one concept only",
                    concepts[other.0 as usize].key
                )
            })?;
        }
        pinyin.extend(c.pinyin.iter().map(|py| (py.clone(), Target::Concept(id))));
        concepts.push(Concept {
            key,
            name: c.hans.trim().to_string(),
            name_hant: c.hant.trim().to_string(),
            name_en: c.en.trim().to_string(),
            synonyms: c.syn.iter().map(|s| s.trim().to_string()).collect(),
            members,
        });
    }
    for (i, list) in node_pinyin.iter().enumerate() {
        pinyin.extend(list.iter().map(|py| (py.clone(), Target::Node(NodeId(i as u16)))));
    }
    // A pinyin shared by several entries names the one that encloses the others (yiyao: 医药 and
    // 彝药 → 生物医药); else none.
    crate::sort::sort_by(&mut pinyin, |a, b| a.0.cmp(&b.0));
    for group in pinyin.chunk_by(|a, b| a.0 == b.0) {
        let encloses = |a: Target, b: Target| match (a, b) {
            (Target::Node(x), Target::Node(y)) => x == y || info[y.0 as usize].ancestors.contains(&x),
            _ => a == b,
        };
        if let Some(&(ref py, t)) = group.iter().find(|(_, t)| group.iter().all(|(_, o)| encloses(*t, *o))) {
            vocab.add_pinyin(py, t);
        }
    }
    crate::sort::sort(&mut abbr);
    Ok(Taxonomy { nodes, info, by_key, vocab, concepts, abbr, glossary: super::glossary::Glossary::default() })
}

/// Precomputes ancestors, sector, depth, children and inherited chain heads of every node.
fn derive_info(nodes: &[Node]) -> Vec<NodeInfo> {
    let mut info: Vec<NodeInfo> = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = NodeId(i as u16);
        // Parents always precede their children, so the parent's info is complete.
        let (ancestors, mut heads) = match n.parent {
            None => (Vec::new(), Vec::new()),
            Some(p) => {
                let pi = &info[p.0 as usize];
                let mut a = Vec::with_capacity(pi.ancestors.len() + 1);
                a.push(p);
                a.extend_from_slice(&pi.ancestors);
                (a, pi.heads.clone())
            }
        };
        heads.extend_from_slice(&n.chains);
        heads.sort_unstable();
        heads.dedup();
        let sector = ancestors.last().copied().unwrap_or(id);
        info.push(NodeInfo { sector, depth: ancestors.len() as u8, ancestors, heads, children: Vec::new() });
    }
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            info[p.0 as usize].children.push(NodeId(i as u16));
        }
    }
    info
}

/// Collects every label and synonym as a lookup term, refusing a term claimed by two nodes.
fn build_vocab(nodes: &[Node]) -> Result<Vocab, String> {
    let mut vocab = Vocab::default();
    for (i, n) in nodes.iter().enumerate() {
        let id = NodeId(i as u16);
        let labels = [(&n.name, TermKind::Hans), (&n.name_hant, TermKind::Hant), (&n.name_en, TermKind::En)];
        for (label, kind) in labels {
            vocab.add(label, id, kind, false).map_err(|e| conflict(nodes, &n.key, e))?;
        }
        for s in &n.synonyms {
            let (text, whole_only) = match s.strip_prefix('=') {
                Some(rest) => (rest, true),
                None => (s.as_str(), false),
            };
            vocab.add(text, id, TermKind::Synonym, whole_only).map_err(|e| conflict(nodes, &n.key, e))?;
        }
    }
    vocab.finish();
    Ok(vocab)
}

fn conflict(nodes: &[Node], key: &str, (term, other): (String, NodeId)) -> String {
    format!("node {key}: term {term:?} already belongs to node {}; a folded term may name one node only", nodes[other.0 as usize].key)
}
