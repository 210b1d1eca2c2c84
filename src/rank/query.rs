//! The investor's query: what they typed ([`Query`]) and what the matcher understood of it
//! ([`Understood`]), with a warning for every part it could not use.

use super::weights::Weights;
use crate::fold::{fold, gram_set, Gram};
use crate::gazetteer::{Gazetteer, RegionId};
use crate::money::{format_amount, format_understood, parse_money, Amount, Bound, Fx};
use crate::taxonomy::ReadAs;
use crate::taxonomy::{NodeId, Taxonomy};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// What an investor enters. Every field is optional free text in Simplified Chinese, Traditional
/// Chinese or English.
///
/// ```
/// use opportunity_matcher::rank::Query;
/// let q: Query = serde_json::from_str(r#"{"industry": "動力電池", "budget": "30億", "region": "成都", "top": 5}"#).unwrap();
/// assert_eq!(q.top, Some(5));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// What the investor does or seeks: `动力电池`, `power battery`, `食品饮料`, `AI`.
    pub industry: Option<String>,
    /// How much they can invest: `30亿`, `5000万以内`, `1-5亿`, `up to 200 million USD`.
    pub budget: Option<String>,
    /// Where: `成都`, `川`, `Chengdu`, `成渝`, `长三角`, `成都、重庆`.
    pub region: Option<String>,
    /// Free keywords matched against names, tags and descriptions.
    pub keywords: Option<String>,
    /// Filter: only projects of this sector (a taxonomy sector, any script).
    pub sector: Option<String>,
    /// Filter: only projects open to this cooperation mode (`合资`, `PPP`).
    pub cooperation: Option<String>,
    /// Filter: only projects at this stage (`在谈`, `前期`).
    pub stage: Option<String>,
    /// Filter: only projects whose total investment lies in this range (`1-10亿`).
    pub investment: Option<String>,
    /// How many results (default 20).
    pub top: Option<usize>,
    /// Language of reasons and warnings (`zh-Hans`, `zh-Hant`, `en`).
    pub lang: Option<String>,
    /// Weights of the parts; missing ones keep their defaults.
    pub weights: Option<Weights>,
    /// Today's date (`YYYY-MM-DD`), for marking stale entries; none means no staleness check.
    pub today: Option<String>,
}

/// One industry term as understood.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndustryUnderstood {
    /// What was typed.
    pub typed: String,
    /// The taxonomy node's key (`nev.power_battery`), if one was found.
    pub key: Option<String>,
    /// The node's label in the query language.
    pub label: Option<String>,
    /// True when found as a near-miss spelling.
    pub near_miss: bool,
    /// The umbrella word the node was reached through (`新能源` for 光伏), in the query language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// For an English word the taxonomy lacks: the Chinese term of the glossary it was read as.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<String>,
    /// When only part of what was typed is a known word (`宠物食品` → 食品), that word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
    #[serde(skip)]
    pub(crate) node: Option<NodeId>,
    #[serde(skip)]
    pub(crate) concept_id: Option<crate::taxonomy::ConceptId>,
}

/// A text the industry part also matches against the projects' own words (bigram postings of
/// name, sector and tags, and of descriptions): each distinct folded text of the industry terms.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextTerm {
    /// Folded text whose bigrams are looked up.
    pub folded: String,
    /// What the investor typed for it.
    pub typed: String,
    /// True when the typed word was understood as an industry (then only the whole word found
    /// counts as a text match; an unknown word also counts by its parts).
    pub known: bool,
}

/// One place as understood.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionUnderstood {
    /// Display name in the query language.
    pub name: String,
    /// GB/T 2260 code (0 for zones without one).
    pub code: u32,
    #[serde(skip)]
    pub(crate) id: RegionId,
}

/// The budget as understood.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetUnderstood {
    /// Lower end in yuan.
    pub min_yuan: u64,
    /// Upper end in yuan (`null` when open).
    pub max_yuan: Option<u64>,
    /// `exact`, `range`, `up_to` or `at_least`.
    pub bound: Bound,
    /// The currency the investor typed.
    pub currency: crate::money::Currency,
    /// As shown back, in the query language: in the currency typed and, for a foreign currency,
    /// in yuan too (`3億新臺幣（約6600萬元）`).
    pub text: String,
    #[serde(skip)]
    pub(crate) amount: Amount,
}

/// What the matcher understood of a [`Query`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Understood {
    /// Industry terms.
    pub industry: Vec<IndustryUnderstood>,
    /// Budget.
    pub budget: Option<BudgetUnderstood>,
    /// Places.
    pub region: Vec<RegionUnderstood>,
    /// Economic zones (`成渝地区双城经济圈`), in the query language.
    pub zones: Vec<String>,
    /// Places the investor left out (`成都以外`, `除了北京`, `Sichuan except Chengdu`): their
    /// projects are not ranked.
    pub excluded: Vec<RegionUnderstood>,
    /// Economic zones left out, in the query language.
    pub excluded_zones: Vec<String>,
    /// Industries the investor left out (`不要房地产`, `除了煤炭都行`, `not real estate`), as
    /// taxonomy labels in the query language: their projects are not ranked.
    pub excluded_industries: Vec<String>,
    /// Keywords as folded.
    pub keywords: Option<String>,
    /// Sector filter, as a taxonomy label.
    pub sector: Option<String>,
    /// Cooperation filter, folded.
    pub cooperation: Option<String>,
    /// Stage filter, folded.
    pub stage: Option<String>,
    /// Investment range filter.
    pub investment: Option<String>,
    /// Results asked for.
    pub top: usize,
    /// Language of reasons.
    pub lang: Lang,
    /// Weights in force.
    pub weights: Weights,
    #[serde(skip)]
    pub(crate) text_terms: Vec<TextTerm>,
    #[serde(skip)]
    pub(crate) keyword_grams: Vec<Gram>,
    #[serde(skip)]
    pub(crate) zone_ids: Vec<usize>,
    #[serde(skip)]
    pub(crate) excluded_zone_ids: Vec<usize>,
    #[serde(skip)]
    pub(crate) excluded_industry_nodes: Vec<NodeId>,
    #[serde(skip)]
    pub(crate) sector_node: Option<NodeId>,
    #[serde(skip)]
    pub(crate) investment_range: Option<Amount>,
    #[serde(skip)]
    pub(crate) today: Option<String>,
}

impl Understood {
    /// True when the investor gave an industry.
    pub fn has_industry(&self) -> bool {
        !self.industry.is_empty()
    }

    /// True when the investor gave a region that was understood.
    pub fn has_region(&self) -> bool {
        !self.region.is_empty() || !self.zone_ids.is_empty()
    }
}

const DEFAULT_TOP: usize = 20;
const MAX_TOP: usize = 1000;

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn quote(lang: Lang, s: &str) -> String {
    lang.pick(format!("“{s}”"), format!("「{s}」"), format!("\"{s}\""))
}

/// `budget "abc" not understood, ignored`, in the query language.
fn not_understood(lang: Lang, part: &str, typed: &str, hint: &str) -> String {
    let part_name = match part {
        "industry" => lang.pick("行业", "行業", "industry"),
        "budget" => lang.pick("预算", "預算", "budget"),
        "region" => lang.pick("地区", "地區", "region"),
        "sector" => lang.pick("行业筛选", "行業篩選", "sector filter"),
        _ => lang.pick("投资额筛选", "投資額篩選", "investment filter"),
    };
    let q = quote(lang, typed);
    match lang {
        Lang::En => format!("{part_name} {q} not understood, ignored{hint}"),
        Lang::ZhHans => format!("{part_name}{q}无法识别，已忽略{hint}"),
        Lang::ZhHant => format!("{part_name}{q}無法識別，已忽略{hint}"),
    }
}

/// `没有认出“X”这个行业，按项目名称、标签和简介中的字词匹配`, with the glossary's reading of an
/// English word.
fn not_an_industry(lang: Lang, typed: &str, readings: &[String]) -> String {
    let q = quote(lang, typed);
    let read: Vec<String> = readings.iter().map(|r| quote(lang, r)).collect();
    match (lang, read.is_empty()) {
        (Lang::ZhHans, true) => format!("没有认出{q}这个行业，按项目名称、标签和简介中的字词匹配"),
        (Lang::ZhHant, true) => format!("沒有認出{q}這個行業，按項目名稱、標籤和簡介中的字詞匹配"),
        (Lang::En, true) => {
            format!("{q} is not an industry this matcher knows; matching its words in project names, tags and descriptions")
        }
        (Lang::ZhHans, false) => format!("没有认出{q}这个行业，按{}在项目名称、标签和简介中的字词匹配", read.join("、")),
        (Lang::ZhHant, false) => format!("沒有認出{q}這個行業，按{}在項目名稱、標籤和簡介中的字詞匹配", read.join("、")),
        (Lang::En, false) => {
            format!(
                "{q} is not an industry this matcher knows; read as {} and matched in project names, tags and descriptions",
                read.join(", ")
            )
        }
    }
}

/// `只认出“宠物食品”中的“食品”，其余按项目名称、标签和简介中的字词匹配`.
/// The places and zones of a resolved region text added to `regions` / `zone_ids` (with the zones'
/// names in `lang`), each once; its notes and the parts not understood said as warnings. Places
/// wanted and places left out are read alike.
fn take_places(
    rq: crate::gazetteer::RegionQuery,
    lang: Lang,
    regions: &mut Vec<RegionUnderstood>,
    zone_ids: &mut Vec<usize>,
    zone_names: &mut Vec<String>,
    warnings: &mut Vec<String>,
) {
    let gazetteer = Gazetteer::global();
    for id in rq.regions {
        if !regions.iter().any(|r| r.id == id) {
            regions.push(RegionUnderstood { name: gazetteer.display_name(id, lang), code: gazetteer.region(id).code, id });
        }
    }
    for z in rq.zones {
        if !zone_ids.contains(&z) {
            zone_ids.push(z);
            let zone = &gazetteer.econ_zones()[z];
            zone_names.push(lang.pick(&zone.name, &zone.name_hant, &zone.name_en).clone());
        }
    }
    for note in rq.notes {
        warnings.push(note.message(gazetteer, lang));
    }
    for junk in rq.not_understood {
        warnings.push(not_understood(lang, "region", &junk, ""));
    }
}

/// What was read from a sentence typed in the industry box.
fn read_from_sentence(lang: Lang, budget: Option<&str>, region: Option<&str>) -> String {
    let q = |s: &str| quote(lang, s);
    match (lang, budget, region) {
        (Lang::En, Some(b), Some(r)) => format!("{} was read as the budget and {} as the region (typed with the industry)", q(b), q(r)),
        (Lang::En, Some(b), None) => format!("{} was read as the budget (typed with the industry)", q(b)),
        (Lang::En, None, Some(r)) => format!("{} was read as the region (typed with the industry)", q(r)),
        (Lang::ZhHans, Some(b), Some(r)) => format!("行业栏中的{}已作为预算、{}已作为地区理解", q(b), q(r)),
        (Lang::ZhHans, Some(b), None) => format!("行业栏中的{}已作为预算理解", q(b)),
        (Lang::ZhHans, None, Some(r)) => format!("行业栏中的{}已作为地区理解", q(r)),
        (Lang::ZhHant, Some(b), Some(r)) => format!("行業欄中的{}已作為預算、{}已作為地區理解", q(b), q(r)),
        (Lang::ZhHant, Some(b), None) => format!("行業欄中的{}已作為預算理解", q(b)),
        (Lang::ZhHant, None, Some(r)) => format!("行業欄中的{}已作為地區理解", q(r)),
        (_, None, None) => String::new(),
    }
}

/// `“5000万” was read as the budget (typed with the region)`.
fn moved_to(lang: Lang, part: &str, to: &str, from: &str) -> String {
    let q = quote(lang, part);
    let name = |b: &str| match (b, lang) {
        ("budget", Lang::En) => "the budget",
        ("region", Lang::En) => "the region",
        ("industry", Lang::En) => "the industry",
        ("budget", _) => lang.pick("预算", "預算", ""),
        ("region", _) => lang.pick("地区", "地區", ""),
        _ => lang.pick("行业", "行業", ""),
    };
    match lang {
        Lang::En => format!("{q} was read as {} (typed with {})", name(to), name(from)),
        Lang::ZhHans => format!("{}栏中的{q}已作为{}理解", name(from), name(to)),
        Lang::ZhHant => format!("{}欄中的{q}已作為{}理解", name(from), name(to)),
    }
}

fn partly_an_industry(lang: Lang, typed: &str, found: &[&str]) -> String {
    let mut words: Vec<String> = Vec::new();
    for f in found {
        let w = quote(lang, f);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    let q = quote(lang, typed);
    match lang {
        Lang::ZhHans => format!("只认出{q}中的{}，其余按项目名称、标签和简介中的字词匹配", words.join("、")),
        Lang::ZhHant => format!("只認出{q}中的{}，其餘按項目名稱、標籤和簡介中的字詞匹配", words.join("、")),
        Lang::En => format!(
            "only {} of {q} is an industry this matcher knows; the rest is matched in project names, tags and descriptions",
            words.join(", ")
        ),
    }
}

/// `没有认出“自行车”这个行业，按最接近的“智能网联汽车”理解`: a near miss is a guess at a typo, and
/// the investor is told which industry it guessed (a right guess reads as a correction, a wrong one
/// can be retyped).
fn read_as_near_miss(lang: Lang, typed: &str, label: &str) -> String {
    let (q, l) = (quote(lang, typed), quote(lang, label));
    match lang {
        Lang::ZhHans => format!("没有认出{q}这个行业，按最接近的{l}理解"),
        Lang::ZhHant => format!("沒有認出{q}這個行業，按最接近的{l}理解"),
        Lang::En => format!("{q} is not an industry this matcher knows; read as the closest one, {l}"),
    }
}

/// The industry text without the industries it leaves out, and the nodes of those left out; `None`
/// when it leaves none out, or when a part left out is not wholly an industry the taxonomy knows
/// (then the text is read as it is).
fn industries_left_out(text: &str, taxonomy: &Taxonomy) -> Option<(String, Vec<NodeId>)> {
    let (wanted, left_out) = super::exclusion::split_industry_exclusions(text);
    if left_out.is_empty() {
        return None;
    }
    let mut nodes: Vec<NodeId> = Vec::new();
    for part in &left_out {
        let parsed = taxonomy.parse_query(part);
        if !parsed.all_known() {
            return None;
        }
        nodes.extend(parsed.terms.iter().filter_map(|t| t.node).filter(|n| !nodes.contains(n)).collect::<Vec<_>>());
    }
    // The wanted parts as typed (a Taiwan investor's `基礎能源` is quoted back in Traditional, not as
    // folded), where folding kept the text's length.
    let (typed, folded): (Vec<char>, Vec<char>) = (text.chars().collect(), fold(text).chars().collect());
    let as_typed = |piece: &str| {
        let p: Vec<char> = piece.chars().collect();
        (typed.len() == folded.len() && !p.is_empty())
            .then(|| folded.windows(p.len()).position(|w| w == p.as_slice()))
            .flatten()
            .map_or_else(|| piece.to_string(), |at| typed[at..at + p.len()].iter().collect())
    };
    Some((wanted.split('、').map(as_typed).collect::<Vec<_>>().join("、"), nodes))
}

/// Reads a [`Query`]: parses money, resolves places, maps industry terms to the taxonomy. Whatever
/// cannot be used becomes a warning; nothing here fails.
pub fn understand(query: &Query, fx: &Fx, warnings: &mut Vec<String>) -> Understood {
    let lang = query.lang.as_deref().map(Lang::from_tag).unwrap_or_default();
    let taxonomy = Taxonomy::global();
    // `不要房地产`, `除了煤炭都行`, `新能源，不含光伏`: industries left out are a filter, never
    // industries wanted. Taken only when every part left out is an industry the taxonomy knows
    // (`除了北京都行` is a place: the sentence reader's).
    let without_left_out;
    let mut left_out_nodes: Vec<NodeId> = Vec::new();
    let query = match blank(&query.industry).and_then(|text| industries_left_out(text, taxonomy)) {
        Some((wanted, nodes)) => {
            left_out_nodes = nodes;
            without_left_out = Query { industry: Some(wanted), ..query.clone() };
            &without_left_out
        }
        None => query,
    };
    // A whole sentence in the industry box (`想在成都投个五千万做新能源`): its budget and place are
    // read as the budget and the region when those boxes are blank, and said.
    let split_query;
    let query = match blank(&query.industry)
        .and_then(|text| super::sentence::split_sentence(text, fx, blank(&query.budget).is_none(), blank(&query.region).is_none()))
    {
        Some(parts) => {
            if parts.budget.is_some() || parts.region.is_some() {
                warnings.push(read_from_sentence(lang, parts.budget.as_deref(), parts.region.as_deref()));
            }
            if parts.nothing_asked {
                let typed = query.industry.as_deref().unwrap_or_default().trim();
                warnings.push(not_understood(lang, "industry", typed, ""));
            }
            split_query = Query {
                industry: Some(parts.industry),
                budget: parts.budget.or_else(|| query.budget.clone()),
                region: parts.region.or_else(|| query.region.clone()),
                ..query.clone()
            };
            &split_query
        }
        None => query,
    };
    // A budget typed with the region (`成都 5000万`), a place typed with the budget (`2亿 成都`), an
    // industry typed with either: moved into its own box when that one is blank, and said.
    let moved_query;
    let query = {
        let mut q = query.clone();
        let mut changed = false;
        for from_region in [true, false] {
            let text = if from_region { blank(&q.region) } else { blank(&q.budget) };
            let Some(text) = text.map(str::to_string) else { continue };
            let (want_budget, want_region, want_industry) =
                (blank(&q.budget).is_none(), blank(&q.region).is_none(), blank(&q.industry).is_none());
            let Some(m) = super::sentence::misplaced_parts(&text, fx, from_region, want_budget, want_region, want_industry) else {
                continue;
            };
            let from = if from_region { "region" } else { "budget" };
            for (part, to) in [(&m.budget, "budget"), (&m.region, "region"), (&m.industry, "industry")] {
                if let Some(part) = part {
                    warnings.push(moved_to(lang, part, to, from));
                }
            }
            if from_region {
                q.region = Some(m.rest);
            } else {
                q.budget = Some(m.rest);
            }
            q.budget = m.budget.or(q.budget);
            q.region = m.region.or(q.region);
            q.industry = m.industry.or(q.industry);
            changed = true;
        }
        if changed {
            moved_query = q;
            &moved_query
        } else {
            query
        }
    };
    let gazetteer = Gazetteer::global();
    let mut u = Understood {
        top: query.top.unwrap_or(DEFAULT_TOP).clamp(1, MAX_TOP),
        lang,
        weights: query.weights.clone().unwrap_or_default().sanitised(),
        today: query.today.clone(),
        excluded_industries: left_out_nodes.iter().map(|n| taxonomy.label(*n, lang).to_string()).collect(),
        excluded_industry_nodes: left_out_nodes,
        ..Understood::default()
    };

    if let Some(text) = blank(&query.industry) {
        let parsed = taxonomy.parse_query(text);
        let mut unknown: Vec<(String, Vec<String>)> = Vec::new();
        for term in &parsed.terms {
            let read_as = match &term.read_as {
                Some(ReadAs::Glossary(zh)) => Some(zh.clone()),
                _ => None,
            };
            let known = term.node.is_some() && term.partial.is_none();
            match u.text_terms.iter_mut().find(|t| t.folded == term.folded) {
                Some(t) => t.known |= known,
                None => u.text_terms.push(TextTerm { folded: term.folded.clone(), typed: term.typed.clone(), known }),
            }
            if !known {
                match unknown.iter_mut().find(|(typed, _)| *typed == term.typed) {
                    Some((_, readings)) => readings.extend(read_as.clone()),
                    None => unknown.push((term.typed.clone(), read_as.clone().into_iter().collect())),
                }
            }
            if let (true, Some(node)) = (term.near_miss, term.node) {
                warnings.push(read_as_near_miss(lang, &term.typed, taxonomy.label(node, lang)));
            }
            u.industry.push(IndustryUnderstood {
                key: term.node.map(|n| taxonomy.node(n).key.clone()),
                label: term.node.map(|n| taxonomy.label(n, lang).to_string()),
                near_miss: term.near_miss,
                concept: term.concept.map(|c| taxonomy.concept_label(c, lang).to_string()),
                read_as,
                partial: term.partial.clone(),
                node: term.node,
                concept_id: term.concept,
                typed: term.typed.clone(),
            });
        }
        // A part of which nothing was understood as an industry is said so, once, with the
        // fallback it gets: its words matched in the projects' own text.
        for (typed, readings) in unknown {
            let found: Vec<&str> =
                parsed.terms.iter().filter(|t| t.typed == typed && t.node.is_some()).filter_map(|t| t.partial.as_deref()).collect();
            if !found.is_empty() {
                warnings.push(partly_an_industry(lang, &typed, &found));
            } else if !parsed.terms.iter().any(|t| t.typed == typed && t.node.is_some()) {
                warnings.push(not_an_industry(lang, &typed, &readings));
            }
        }
        for junk in parsed.not_understood {
            warnings.push(not_understood(lang, "industry", &junk, ""));
        }
    }

    if let Some(text) = blank(&query.budget).filter(|t| !crate::money::is_any_amount(t)) {
        let mut read = parse_money(text, fx);
        // `5000万以内，最好3000万`, `预算有限，几百万`, `我的预算是五千万`: the first clause that reads
        // as an amount (else the amount phrase the sentence reader finds) is the budget; the rest is
        // said as not used.
        if read.is_err() {
            let clauses = text.split([',', '，', ';', '；', '。']).filter(|c| !c.trim().is_empty());
            let phrase = clauses
                .filter_map(|c| Some(c.trim()).filter(|c| matches!(parse_money(c, fx), Ok(Some(_)))).map(str::to_string))
                .next()
                .or_else(|| super::sentence::budget_phrase(text, fx));
            if let Some(phrase) = phrase.filter(|p| p.trim() != text.trim()) {
                read = parse_money(&phrase, fx);
                let rest = text.replacen(&phrase, " … ", 1);
                let rest = rest.trim_matches(|c: char| c.is_whitespace() || ",，;；。…".contains(c));
                warnings.push(match lang {
                    Lang::En => format!("budget: only \"{}\" was read; \"{}\" was not used", phrase.trim(), rest),
                    Lang::ZhHans => format!("预算只按“{}”理解，“{}”未使用", phrase.trim(), rest),
                    Lang::ZhHant => format!("預算只按「{}」理解，「{}」未使用", phrase.trim(), rest),
                });
            }
        }
        match read {
            Ok(Some(amount)) if amount.max == 0 => {
                // One message: a zero budget is not a budget (and no "no unit" guess on top).
                let hint = match lang {
                    Lang::En => " (a budget of zero)".to_string(),
                    _ => lang.pick("（金额为零）", "（金額為零）", "").to_string(),
                };
                warnings.push(not_understood(lang, "budget", text, &hint));
            }
            Ok(Some(mut amount)) => {
                // Figures with no unit that would be a small sum of yuan are almost surely in 万
                // (ten thousands), as lists write them: `30` → 30万元, `3000-5000`, `三千`, `3.5`
                // (read in 万 before rounding, 35,000 yuan), `500以内`. Said as a warning.
                let largest = if amount.max == u64::MAX { amount.min } else { amount.max };
                let in_wan = (largest < 100_000 && !crate::money::names_magnitude(&fold(text)))
                    .then(|| {
                        crate::money::parse_money_with_unit(text, fx, crate::money::MoneyUnit { scale: 1e4, currency: amount.currency })
                    })
                    .and_then(|read| read.ok().flatten())
                    .filter(|wan| wan.min > amount.min || wan.max > amount.max);
                if let Some(wan) = in_wan {
                    amount = wan;
                    warnings.push(match lang {
                        Lang::En => format!("budget \"{text}\" has no unit; read as {}", format_understood(&amount, fx, lang)),
                        Lang::ZhHans => format!("预算“{text}”未写单位，按{}理解", format_understood(&amount, fx, lang)),
                        Lang::ZhHant => format!("預算「{text}」未寫單位，按{}理解", format_understood(&amount, fx, lang)),
                    });
                }
                u.budget = Some(BudgetUnderstood {
                    min_yuan: amount.min,
                    max_yuan: (amount.max != u64::MAX).then_some(amount.max),
                    bound: amount.bound,
                    currency: amount.currency,
                    text: format_understood(&amount, fx, lang),
                    amount,
                });
            }
            Ok(None) => {}
            Err(e) => {
                let hint = match lang {
                    Lang::En => format!(" ({})", e.message(lang)),
                    _ => format!("（{}）", e.message(lang)),
                };
                warnings.push(not_understood(lang, "budget", text, &hint));
            }
        }
    }

    if let Some(text) = blank(&query.region) {
        // `成都以外`, `四川（不含成都）`: the places left out are a filter, never places wanted.
        let (wanted, left_out) = super::exclusion::split_exclusions(text);
        let rq = gazetteer.resolve_query(if left_out.is_empty() { text } else { &wanted });
        // `Jiangsu except Suzhou`: a name several places bear, left out, is the one in the province
        // wanted.
        for out in &left_out {
            let mut out_rq = gazetteer.resolve_query(out);
            gazetteer.choose_near(&mut out_rq, &rq.regions);
            take_places(out_rq, lang, &mut u.excluded, &mut u.excluded_zone_ids, &mut u.excluded_zones, warnings);
        }
        take_places(rq, lang, &mut u.region, &mut u.zone_ids, &mut u.zones, warnings);
    }

    if let Some(text) = blank(&query.keywords) {
        let folded = fold(text);
        u.keyword_grams = gram_set(&folded);
        u.keywords = Some(folded);
    }

    if let Some(text) = blank(&query.sector) {
        match taxonomy.lookup(text).or_else(|| taxonomy.classify(text).first().copied()) {
            Some(node) => {
                let sector = taxonomy.sector_of(node);
                let sector = if taxonomy.node(node).kind == crate::taxonomy::NodeKind::Sector { node } else { sector };
                u.sector = Some(taxonomy.label(sector, lang).to_string());
                u.sector_node = Some(sector);
            }
            None => warnings.push(not_understood(lang, "sector", text, "")),
        }
    }
    u.cooperation = blank(&query.cooperation).map(fold);
    u.stage = blank(&query.stage).map(fold);
    if let Some(text) = blank(&query.investment) {
        match parse_money(text, fx) {
            Ok(Some(a)) => {
                u.investment = Some(format_amount(&a, lang));
                u.investment_range = Some(a);
            }
            Ok(None) => {}
            Err(_) => warnings.push(not_understood(lang, "investment", text, "")),
        }
    }
    u
}
