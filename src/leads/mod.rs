//! Investor leads matched against an opportunity list, both ways: for each lead (a company met at
//! a fair, a chain leader, a firm that fills a chain gap) the projects to pitch to it, and for each
//! project the leads to call.
//!
//! A leads sheet is read by the list's own table reader with the leads vocabulary
//! (`data/leads-headers.tsv`: 企业名称, 主营业务 / 意向行业, 投资意向金额, 意向地区, 联系人 …), with
//! the same "how I read your table" report and row-level rejections ([`read_leads`]). Each lead
//! becomes the [`Query`](crate::rank::Query) that `rank` would be given for the same industry,
//! budget and region text ([`Lead::query`]), so a lead's projects are exactly what `rank` returns.
//! The reverse view is made from the same pair scores: every lead's query scores every project
//! once ([`Matcher::for_each_score`]), and a bounded set per project keeps its best leads.
//!
//! ```
//! use opportunity_matcher::{leads::{match_leads, read_leads_text, LeadsOptions}, list::load_text, rank::Matcher};
//! let list = load_text("id,name,sector,region,investment\nP1,动力电池项目,装备制造,成都市双流区,30亿元\nP2,白酒包材项目,食品饮料,贵阳市,2亿元\n", "list.csv").unwrap();
//! let m = Matcher::new(list);
//! let sheet = read_leads_text("企业名称,意向行业,投资意向金额,意向地区\n宁德某电池公司,动力电池,30亿,成都\n某酒业集团,白酒,2亿,贵州\n", "leads.csv").unwrap();
//! let out = match_leads(&m, &sheet, &LeadsOptions { top: 1, ..LeadsOptions::default() }, &mut |_, _| {});
//! assert_eq!(out.leads[0].results[0].id, "P1");
//! assert_eq!(out.projects[1].leads[0].company, "某酒业集团");
//! assert_eq!(out.projects[0].leads[0].score, out.leads[0].results[0].score);
//! ```

mod sheet;

pub use sheet::{read_leads, read_leads_text, sheet_error, Lead, LeadRejectReason, LeadRejection, LeadSheet};

use crate::hash::FxMap;
use crate::rank::{Matcher, PairFacts, Parts, RankedProject, Understood};
use crate::Lang;
use serde::Serialize;

/// How many results per lead and per project, and in which language.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadsOptions {
    /// Best projects per lead, and best leads per project (default 10).
    pub top: usize,
    /// Language of reasons, warnings and rejections.
    pub lang: Lang,
    /// Today's date (`YYYY-MM-DD`) for marking stale projects; `None`: no staleness check.
    pub today: Option<String>,
}

impl Default for LeadsOptions {
    fn default() -> LeadsOptions {
        LeadsOptions { top: 10, lang: Lang::ZhHans, today: None }
    }
}

/// One lead and its best projects.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadMatches {
    /// The lead's id.
    pub id: String,
    /// The company.
    pub company: String,
    /// Contact person, phone and notes from the sheet, shown with the lead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The row of the sheet.
    pub row: usize,
    /// The lead's industry, budget and region as the sheet gives them (the text `rank` would be
    /// given).
    pub asked: Asked,
    /// The lead's industry, budget and region as understood.
    pub query: Understood,
    /// Parts of the lead that were not understood.
    pub warnings: Vec<String>,
    /// Its best projects, as `rank` gives them for the same query.
    pub results: Vec<RankedProject>,
}

/// A lead's industry, budget and region as text, as the sheet gives them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Asked {
    /// Industry sought and main business, joined.
    pub industry: Option<String>,
    /// Budget, a bare figure with its column's unit written out.
    pub budget: Option<String>,
    /// Preferred regions.
    pub region: Option<String>,
}

/// One lead as a match for a project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadFit {
    /// The lead's id.
    pub id: String,
    /// The company.
    pub company: String,
    /// Contact person and phone, if the sheet gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The pair's score: the same number as in the lead's results.
    pub score: f32,
    /// The parts the score was made of.
    pub parts: Parts,
    /// Why, in the lead's terms.
    pub reasons: Vec<String>,
}

/// One project and its best leads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectLeads {
    /// Project id.
    pub id: String,
    /// Project name.
    pub name: String,
    /// Its best leads, best first (ties in sheet order).
    pub leads: Vec<LeadFit>,
}

/// A rejected row of the leads sheet, for output: where, what and why in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RejectedLead {
    /// The row as the sheet shows it.
    pub row: usize,
    /// The sheet, when a workbook gave leads from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The column, in the sheet's words.
    pub field: String,
    /// The value.
    pub value: String,
    /// The reason in words.
    pub reason: String,
    /// One line naming all of it.
    pub message: String,
}

/// Both views, and the rows left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadsReport {
    /// For each lead its best projects.
    pub leads: Vec<LeadMatches>,
    /// For each project its best leads (projects no lead reaches are left out).
    pub projects: Vec<ProjectLeads>,
    /// The rows of the leads sheet that were left out.
    pub rejected: Vec<RejectedLead>,
    /// How the leads sheet was read, its summary and warnings, in words.
    pub reading: Vec<String>,
}

/// The best `k` leads of every project: `(score, lead)` and the facts of the pair (worded into
/// reasons only for the pairs kept at the end), `k` slots per project.
struct BestLeads {
    k: usize,
    slots: Vec<(f32, u32)>,
    facts: Vec<Option<PairFacts>>,
    len: Vec<u16>,
    /// The lowest kept score of a full project (`-inf` until full): most pairs stop at this test.
    floor: Vec<f32>,
}

impl BestLeads {
    fn new(projects: usize, k: usize) -> BestLeads {
        BestLeads {
            k,
            slots: vec![(0.0, 0); projects * k],
            facts: vec![None; projects * k],
            len: vec![0; projects],
            floor: vec![f32::NEG_INFINITY; projects],
        }
    }

    /// Offers lead `lead` for project `p`; `facts` is asked for only when the lead is kept. Leads
    /// come in sheet order, so a lead that only ties the worst kept one ranks after it and is not
    /// kept.
    #[inline]
    fn offer(&mut self, p: usize, score: f32, lead: u32, facts: impl FnOnce() -> Option<PairFacts>) {
        if score <= self.floor[p] {
            return;
        }
        let k = self.k;
        let kept = &mut self.slots[p * k..(p + 1) * k];
        let len = self.len[p] as usize;
        let slot = if len < k {
            self.len[p] += 1;
            len
        } else {
            // The worst kept (lowest score; among equal scores the latest lead).
            let mut worst = 0;
            for (j, s) in kept.iter().enumerate() {
                let w = &kept[worst];
                if s.0 < w.0 || (s.0 == w.0 && s.1 > w.1) {
                    worst = j;
                }
            }
            worst
        };
        kept[slot] = (score, lead);
        self.facts[p * k + slot] = facts();
        if len + 1 >= k {
            self.floor[p] = kept.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
        }
    }

    /// Project `p`'s leads with their facts, best first, ties in sheet order.
    fn sorted(&self, p: usize) -> Vec<(f32, u32, Option<PairFacts>)> {
        let k = self.k;
        let mut v: Vec<(f32, u32, Option<PairFacts>)> =
            (p * k..p * k + self.len[p] as usize).map(|j| (self.slots[j].0, self.slots[j].1, self.facts[j])).collect();
        crate::sort::sort_by(&mut v, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v
    }
}

/// What a lead asks: the parts of its query that differ between leads.
type Asks<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn asks(lead: &Lead) -> Asks<'_> {
    (lead.industry.as_deref(), lead.budget.as_deref(), lead.region.as_deref())
}

fn contact_of(lead: &Lead) -> Option<String> {
    let parts: Vec<&str> =
        [&lead.contact_name, &lead.contact_phone, &lead.contact_email].into_iter().flatten().map(String::as_str).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Matches every lead of `sheet` against the list of `matcher`, both ways.
///
/// For each lead: its best `options.top` projects, exactly `matcher.rank(&lead.query(..))`. For
/// each project: its best `options.top` leads by the same pair scores (rounded as results are).
/// Leads asking the same thing share one reading of their query. `progress(done, total)` is
/// called as leads are done (two passes: scoring, then the reasons of the projects' best leads),
/// for a progress bar.
pub fn match_leads(matcher: &Matcher, sheet: &LeadSheet, options: &LeadsOptions, progress: &mut dyn FnMut(usize, usize)) -> LeadsReport {
    let lang = options.lang;
    let top = options.top.clamp(1, 1000);
    let n = matcher.len();
    let total = sheet.leads.len() + 1;
    let mut best = BestLeads::new(n, top);
    let mut leads_out = Vec::with_capacity(sheet.leads.len());
    // One reading of the query per distinct (industry, budget, region): sheets repeat them. Each
    // reading's answer is kept (its query as understood words the reasons of the projects view).
    let mut first_of: FxMap<Asks<'_>, u32> = FxMap::default();
    let mut first_with: Vec<u32> = Vec::with_capacity(sheet.leads.len());
    let mut answers: FxMap<u32, crate::rank::RankResponse> = FxMap::default();
    for (l, lead) in sheet.leads.iter().enumerate() {
        let first = *first_of.entry(asks(lead)).or_insert(l as u32);
        first_with.push(first);
        if first == l as u32 {
            let prepared = matcher.prepare(&lead.query(top, lang.tag(), options.today.as_deref()));
            let lead_index = l as u32;
            // Every pair's score, the same number `rank` ranks by; the facts of a pair only while
            // it is among its project's best.
            matcher.for_each_score(&prepared, |position, score| {
                best.offer(position, score, lead_index, || matcher.facts_at(&prepared, position).map(|(_, facts)| facts))
            });
            answers.insert(lead_index, matcher.rank_prepared(prepared));
        }
        let response = &answers[&first];
        leads_out.push(LeadMatches {
            id: lead.id.clone(),
            company: lead.company.clone(),
            contact: contact_of(lead),
            row: lead.row,
            asked: Asked { industry: lead.industry.clone(), budget: lead.budget.clone(), region: lead.region.clone() },
            query: response.query.clone(),
            warnings: response.warnings.clone(),
            results: response.results.clone(),
        });
        progress(l + 1, total);
    }
    // A lead whose query repeats an earlier one scored every project through that one: it has the
    // same scores and facts, and ranks after it (sheet order breaks ties).
    let mut repeats: FxMap<u32, Vec<u32>> = FxMap::default();
    for (l, &f) in first_with.iter().enumerate() {
        if f != l as u32 {
            repeats.entry(f).or_default().push(l as u32);
        }
    }
    let mut projects_out = Vec::new();
    for p in 0..n {
        let mut kept = best.sorted(p);
        if kept.is_empty() {
            continue;
        }
        if !repeats.is_empty() {
            let mut all = kept.clone();
            for &(s, l, facts) in &kept {
                for &r in repeats.get(&l).map(Vec::as_slice).unwrap_or(&[]) {
                    all.push((s, r, facts));
                }
            }
            crate::sort::sort_by(&mut all, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            all.truncate(top);
            kept = all;
        }
        let mut fits = Vec::with_capacity(kept.len());
        for (score, l, facts) in kept {
            let lead = &sheet.leads[l as usize];
            let understood = &answers[&first_with[l as usize]].query;
            if let Some(r) = facts.and_then(|facts| matcher.explain_facts(understood, &facts, p, score)) {
                fits.push(LeadFit {
                    id: lead.id.clone(),
                    company: lead.company.clone(),
                    contact: contact_of(lead),
                    score: r.score,
                    parts: r.parts,
                    reasons: r.reasons,
                });
            }
        }
        let Some(project) = matcher.project(p) else { continue };
        projects_out.push(ProjectLeads { id: project.id.clone(), name: project.name.clone(), leads: fits });
    }
    progress(total, total);
    let rejected = sheet
        .rejected
        .iter()
        .map(|r| RejectedLead {
            row: r.row,
            sheet: r.sheet.clone(),
            field: crate::list::Vocabulary::Leads.label(r.field, lang).to_string(),
            value: r.value.clone(),
            reason: r.reason_text(lang),
            message: r.message(lang),
        })
        .collect();
    LeadsReport { leads: leads_out, projects: projects_out, rejected, reading: sheet.report(lang) }
}

impl LeadsReport {
    /// The two views as tables for a spreadsheet, headers in `lang`: one row per (lead, project)
    /// pair of the leads view, then one per (project, lead) pair of the projects view. Write them
    /// with [`crate::csv::to_csv`] (formula-safe).
    ///
    /// ```
    /// use opportunity_matcher::{leads::{match_leads, read_leads_text, LeadsOptions}, list::load_text, rank::Matcher, Lang};
    /// let m = Matcher::new(load_text("name,sector,region\n=HYPERLINK(1),装备制造,成都\n", "l.csv").unwrap());
    /// let sheet = read_leads_text("company,industry\nAcme,装备制造\n", "x.csv").unwrap();
    /// let report = match_leads(&m, &sheet, &LeadsOptions::default(), &mut |_, _| {});
    /// let (by_lead, by_project) = report.tables(Lang::En);
    /// assert_eq!(by_lead[0][0], "lead id");
    /// assert_eq!(by_lead[1][4], "=HYPERLINK(1)");
    /// assert!(opportunity_matcher::csv::to_csv(&by_lead).contains("\"'=HYPERLINK(1)\""));
    /// assert_eq!(by_project[1][3], "row-2");
    /// ```
    pub fn tables(&self, lang: Lang) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        let h = |zh: &str, hant: &str, en: &str| lang.pick(zh, hant, en).to_string();
        let part = |v: Option<f32>| v.map(|v| format!("{v}")).unwrap_or_default();
        let parts_header = || [h("行业", "行業", "industry"), h("预算", "預算", "budget"), h("地区", "地區", "region")];
        let sep = lang.pick("；", "；", "; ");
        let mut by_lead = vec![[
            vec![
                h("线索编号", "線索編號", "lead id"),
                h("企业名称", "企業名稱", "company"),
                h("名次", "名次", "rank"),
                h("项目编号", "項目編號", "project id"),
                h("项目名称", "項目名稱", "project name"),
                h("匹配度", "匹配度", "score"),
            ],
            parts_header().to_vec(),
            vec![h("理由", "理由", "reasons")],
        ]
        .concat()];
        for lead in &self.leads {
            for (k, r) in lead.results.iter().enumerate() {
                by_lead.push(vec![
                    lead.id.clone(),
                    lead.company.clone(),
                    (k + 1).to_string(),
                    r.id.clone(),
                    r.name.clone(),
                    format!("{}", r.score),
                    part(r.parts.industry),
                    part(r.parts.budget),
                    part(r.parts.region),
                    r.reasons.join(sep),
                ]);
            }
        }
        let mut by_project = vec![[
            vec![
                h("项目编号", "項目編號", "project id"),
                h("项目名称", "項目名稱", "project name"),
                h("名次", "名次", "rank"),
                h("线索编号", "線索編號", "lead id"),
                h("企业名称", "企業名稱", "company"),
                h("联系方式", "聯絡方式", "contact"),
                h("匹配度", "匹配度", "score"),
            ],
            parts_header().to_vec(),
            vec![h("理由", "理由", "reasons")],
        ]
        .concat()];
        for project in &self.projects {
            for (k, f) in project.leads.iter().enumerate() {
                by_project.push(vec![
                    project.id.clone(),
                    project.name.clone(),
                    (k + 1).to_string(),
                    f.id.clone(),
                    f.company.clone(),
                    f.contact.clone().unwrap_or_default(),
                    format!("{}", f.score),
                    part(f.parts.industry),
                    part(f.parts.budget),
                    part(f.parts.region),
                    f.reasons.join(sep),
                ]);
            }
        }
        (by_lead, by_project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_leads_keep_the_top_k_with_ties_in_sheet_order() {
        let mut b = BestLeads::new(1, 2);
        for (score, lead) in [(0.5, 0), (0.7, 1), (0.5, 2), (0.9, 3), (0.7, 4)] {
            b.offer(0, score, lead, || None);
        }
        assert_eq!(b.sorted(0).iter().map(|(s, l, _)| (*s, *l)).collect::<Vec<_>>(), vec![(0.9, 3), (0.7, 1)]);
    }
}
