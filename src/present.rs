//! Presenting a project for people: every field ready to show in one language (place as a path,
//! amounts as `30亿元` / `30億元` / `3,000 million yuan`, sector as a taxonomy label, staleness).
//! The widget and the JavaScript API both show projects through [`ProjectView`], so the browser
//! does no formatting of its own.

use crate::gazetteer::Gazetteer;
use crate::list::Project;
use crate::money::format_amount;
use crate::taxonomy::Taxonomy;
use crate::Lang;
use serde::Serialize;

/// A project with every field formatted for one language. Text fields are untrusted: render them
/// as text, never as HTML.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectView {
    /// Project id.
    pub id: String,
    /// Name in the chosen language where the list gives one (English name for `en`).
    pub name: String,
    /// The other name (Chinese name when English is shown), if any.
    pub alt_name: Option<String>,
    /// Sector as written by the publisher.
    pub sector: String,
    /// The sector's taxonomy label in the chosen language, if it maps.
    pub sector_label: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Place as a full path in the chosen language.
    pub place: String,
    /// GB/T 2260 code of the place (0 for zones without one).
    pub place_code: u32,
    /// Park or carrier.
    pub park: Option<String>,
    /// Total investment, formatted.
    pub investment: Option<String>,
    /// Amount sought, formatted.
    pub seeking: Option<String>,
    /// Total investment in yuan (lower end), for sorting and export.
    pub investment_yuan: Option<u64>,
    /// Cooperation modes.
    pub cooperation: Vec<String>,
    /// Stage.
    pub stage: Option<String>,
    /// Land in mu.
    pub land_mu: Option<f64>,
    /// Description in the chosen language where available.
    pub description: Option<String>,
    /// Benefits.
    pub benefits: Option<String>,
    /// Policies.
    pub policies: Option<String>,
    /// Contact organisation.
    pub contact_org: Option<String>,
    /// Contact person.
    pub contact_name: Option<String>,
    /// Phone as written.
    pub contact_phone: Option<String>,
    /// Phone reduced to `tel:` characters (digits, `+`, `-`), if it has digits.
    pub contact_tel: Option<String>,
    /// Email, only if it looks like one (for a `mailto:` link).
    pub contact_email: Option<String>,
    /// Publisher priority.
    pub priority: Option<u8>,
    /// IRR, formatted (`12.5%`).
    pub irr: Option<String>,
    /// Payback, formatted (`6年` / `6 years`).
    pub payback: Option<String>,
    /// Jobs.
    pub jobs: Option<u64>,
    /// Annual output, formatted.
    pub annual_output: Option<String>,
    /// Last update (ISO date).
    pub updated: Option<String>,
    /// An http(s) link (already checked at load).
    pub url: Option<String>,
}

fn tel(phone: &str) -> Option<String> {
    let t: String = phone
        .chars()
        .take_while(|c| *c != '/' && *c != '、' && *c != ',')
        .filter(|c| c.is_ascii_digit() || *c == '+' || *c == '-')
        .collect();
    (t.chars().filter(char::is_ascii_digit).count() >= 5).then_some(t)
}

fn email(e: &str) -> Option<String> {
    let e = e.trim();
    let ok = e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
        && !e.chars().any(|c| c.is_whitespace() || "<>\"'(),;:".contains(c));
    ok.then(|| e.to_string())
}

impl ProjectView {
    /// Formats a project for `lang`.
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, present::ProjectView, Lang};
    /// let list = load_text("项目名称,所属行业,项目地点,总投资,联系电话\n电池项目,装备制造,成都市双流区,30亿元,028-0000 0001\n", "a.csv").unwrap();
    /// let v = ProjectView::new(&list.projects[0], Lang::ZhHant);
    /// assert_eq!(v.investment.as_deref(), Some("30億元"));
    /// assert_eq!(v.contact_tel.as_deref(), Some("028-00000001"));
    /// ```
    pub fn new(p: &Project, lang: Lang) -> ProjectView {
        let g = Gazetteer::global();
        let t = Taxonomy::global();
        let english = lang == Lang::En;
        let (name, alt_name) = match (&p.name_en, english) {
            (Some(en), true) => (en.clone(), Some(p.name.clone())),
            _ => (p.name.clone(), p.name_en.clone().filter(|_| english)),
        };
        let description = if english { p.description_en.clone().or_else(|| p.description.clone()) } else { p.description.clone() };
        let sector_label = t.lookup(&p.sector).or_else(|| t.classify(&p.sector).first().copied()).map(|n| t.label(n, lang).to_string());
        ProjectView {
            id: p.id.clone(),
            name,
            alt_name,
            sector: p.sector.clone(),
            sector_label,
            tags: p.tags.clone(),
            place: g.display_path(p.region, lang),
            place_code: g.region(p.region).code,
            park: p.park.clone(),
            investment: p.investment.as_ref().map(|a| format_amount(a, lang)),
            seeking: p.seeking.as_ref().map(|a| format_amount(a, lang)),
            investment_yuan: p.investment.as_ref().map(|a| a.min),
            cooperation: p.cooperation.clone(),
            stage: p.stage.clone(),
            land_mu: p.land_mu,
            description,
            benefits: p.benefits.clone(),
            policies: p.policies.clone(),
            contact_org: p.contact_org.clone(),
            contact_name: p.contact_name.clone(),
            contact_phone: p.contact_phone.clone(),
            contact_tel: p.contact_phone.as_deref().and_then(tel),
            contact_email: p.contact_email.as_deref().and_then(email),
            priority: p.priority,
            irr: p.irr_pct.map(|v| format!("{}%", (v * 10.0).round() / 10.0)),
            payback: p.payback_years.map(|v| {
                let v = (v * 10.0).round() / 10.0;
                lang.pick(format!("{v}年"), format!("{v}年"), format!("{v} years"))
            }),
            jobs: p.jobs,
            annual_output: p.annual_output.as_ref().map(|a| format_amount(a, lang)),
            updated: p.updated.clone(),
            url: p.url.clone(),
        }
    }
}

/// Headline figures of a list, for the fair's attract screen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListStats {
    /// Number of projects.
    pub projects: usize,
    /// Sum of published total investments, formatted.
    pub total_investment: String,
    /// Sum in yuan.
    pub total_investment_yuan: u64,
    /// `(sector label, projects, yuan)`, largest first.
    pub by_sector: Vec<(String, usize, u64)>,
    /// `(province name, projects, yuan)`, largest first.
    pub by_province: Vec<(String, usize, u64)>,
}

impl ListStats {
    /// Counts a list's projects and investment by sector and by province (the projects of an
    /// [`OpportunityList`](crate::list::OpportunityList), or [`Matcher::projects`](crate::rank::Matcher::projects)`().iter()`).
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, present::ListStats, Lang};
    /// let list = load_text("项目名称,所属行业,项目地点,总投资\nA,食品饮料,成都,1亿\nB,食品饮料,重庆,2亿\n", "a.csv").unwrap();
    /// let s = ListStats::new(&list.projects, Lang::ZhHans);
    /// assert_eq!(s.projects, 2);
    /// assert_eq!(s.total_investment, "3亿元");
    /// ```
    pub fn new<P: std::borrow::Borrow<Project>>(projects: impl IntoIterator<Item = P>, lang: Lang) -> ListStats {
        ListStats::from_facets(&crate::list::FacetCounter::of(projects), lang)
    }

    /// [`ListStats::new`] from the tallies a [`Matcher`](crate::rank::Matcher) made while the list
    /// loaded ([`Matcher::facets`](crate::rank::Matcher::facets)): no project is read, so the figures
    /// of a list of any size come at once.
    ///
    /// ```
    /// use opportunity_matcher::{list::load_text, present::ListStats, rank::Matcher, Lang};
    /// let list = load_text("项目名称,所属行业,项目地点,总投资\nA,食品饮料,成都,1亿\nB,白酒,重庆,2亿\n", "a.csv").unwrap();
    /// let m = Matcher::new(list.clone());
    /// assert_eq!(ListStats::from_facets(m.facets(), Lang::En), ListStats::new(&list.projects, Lang::En));
    /// ```
    pub fn from_facets(facets: &crate::list::Facets, lang: Lang) -> ListStats {
        let g = Gazetteer::global();
        let t = Taxonomy::global();
        let mut sectors: Vec<(String, usize, u64)> = Vec::new();
        let mut provinces: Vec<(String, usize, u64)> = Vec::new();
        let add = |v: &mut Vec<(String, usize, u64)>, key: String, n: usize, yuan: u64| match v.iter_mut().find(|e| e.0 == key) {
            Some(e) => {
                e.1 += n;
                e.2 = e.2.saturating_add(yuan);
            }
            None => v.push((key, n, yuan)),
        };
        let (mut total, mut count) = (0u64, 0usize);
        for (text, n, yuan) in &facets.sectors {
            count += n;
            total = total.saturating_add(*yuan);
            let sector = t
                .lookup(text)
                .or_else(|| t.classify(text).first().copied())
                .map(|node| t.label(t.sector_of(node), lang).to_string())
                .unwrap_or_else(|| if text.is_empty() { lang.pick("其他", "其他", "Other").to_string() } else { text.clone() });
            add(&mut sectors, sector, *n, *yuan);
        }
        for (place, n, yuan) in &facets.places {
            add(&mut provinces, g.display_name(g.province_of(*place), lang), *n, *yuan);
        }
        let by_size = |a: &(String, usize, u64), b: &(String, usize, u64)| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0));
        crate::sort::sort_by(&mut sectors, by_size);
        crate::sort::sort_by(&mut provinces, by_size);
        ListStats {
            projects: count,
            total_investment: crate::money::format_yuan(total, lang),
            total_investment_yuan: total,
            by_sector: sectors,
            by_province: provinces,
        }
    }
}
