//! Presenting a project for people: every field ready to show in one language (place as a path,
//! amounts as `30亿元` / `30億元` / `3 billion yuan`, sector as a taxonomy label, staleness).
//! The widget and the JavaScript API both show projects through [`ProjectView`], so the browser
//! does no formatting of its own.
//!
//! The list's own text is shown in the visitor's language wherever the data allows:
//!
//! - **繁**: everything the list wrote is converted to Traditional characters with Taiwan usage
//!   through the [`HantTable`] (fetched by the page when 繁 is first chosen; until then it shows as
//!   written); tags that are taxonomy labels use the taxonomy's Traditional label, so that a tag and
//!   a reason never spell the same industry two ways.
//! - **English**: tags and the sector through the taxonomy's English labels, the place through the
//!   gazetteer, parks and zones through [`Gazetteer::english_zone_name`], cooperation modes and
//!   stages through [`crate::terms`]. What exists only in Chinese (a name without `name_en`, a
//!   description, an unknown tag) stays Chinese and is listed in [`ProjectView::untranslated`], so
//!   that a view can mark it `lang="zh"`.

use crate::gazetteer::Gazetteer;
use crate::hant::HantTable;
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
    /// Sector as written by the publisher (in Traditional characters in 繁).
    pub sector: String,
    /// The sector's taxonomy label in the chosen language, if it maps.
    pub sector_label: Option<String>,
    /// Tags in the chosen language where the taxonomy knows them, each once.
    pub tags: Vec<String>,
    /// Place as a full path in the chosen language.
    pub place: String,
    /// GB/T 2260 code of the place (0 for zones without one).
    pub place_code: u32,
    /// Park or carrier (in English when every part of its name is known).
    pub park: Option<String>,
    /// Total investment, formatted.
    pub investment: Option<String>,
    /// Amount sought, formatted.
    pub seeking: Option<String>,
    /// Total investment in yuan (lower end), for sorting and export.
    pub investment_yuan: Option<u64>,
    /// Cooperation modes in the chosen language where [`crate::terms`] knows them, each once.
    pub cooperation: Vec<String>,
    /// Stage, translated likewise.
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
    /// The fields shown in Chinese in an English view because the list gives them in Chinese only:
    /// `name`, `sector`, `park`, `stage`, `description`, `benefits`, `policies`, `contact_org`,
    /// `contact_name`, and one entry per list item as `tags.N` / `cooperation.N` (its position in
    /// `tags` / `cooperation`). Views mark them `lang="zh"`. Empty in the Chinese views.
    pub untranslated: Vec<String>,
}

/// Shows the list's own text in one language, noting what stays Chinese in an English view.
struct Shower<'a> {
    lang: Lang,
    hant: Option<&'a HantTable>,
    untranslated: Vec<String>,
}

/// True when the text has a Chinese character (what an English reader cannot read).
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF))
}

impl Shower<'_> {
    /// List text as it can be shown: in Traditional characters in 繁 (once the table is there), as
    /// written otherwise; in English, Chinese text is noted under `field`.
    fn text(&mut self, field: &str, text: &str) -> String {
        match self.lang {
            Lang::ZhHans => text.to_string(),
            Lang::ZhHant => self.hant.map_or_else(|| text.to_string(), |t| t.convert(text)),
            Lang::En => {
                if has_cjk(text) {
                    self.untranslated.push(field.to_string());
                }
                text.to_string()
            }
        }
    }

    fn opt(&mut self, field: &str, text: &Option<String>) -> Option<String> {
        text.as_deref().map(|t| self.text(field, t))
    }

    /// A cooperation mode or stage: the term table's wording, else the text as written.
    fn term(&mut self, field: &str, value: &str) -> String {
        match crate::terms::translate(value, self.lang) {
            Some(t) => t.to_string(),
            None => self.text(field, value),
        }
    }

    /// A tag: the taxonomy's label where the tag is one of its terms (in 繁 only where the tag is
    /// the label itself, so that a synonym keeps its own wording), else the text.
    fn tag(&mut self, field: &str, tag: &str) -> String {
        let t = Taxonomy::global();
        let node = t.lookup(tag);
        match (self.lang, node) {
            (Lang::En, Some(n)) => t.label(n, Lang::En).to_string(),
            (Lang::ZhHant, Some(n)) if crate::fold::fold(t.label(n, Lang::ZhHans)) == crate::fold::fold(tag) => {
                t.label(n, Lang::ZhHant).to_string()
            }
            _ => self.text(field, tag),
        }
    }

    /// A park or zone: in English when the gazetteer and the zone table know every part of it.
    fn park(&mut self, park: &str) -> String {
        match self.lang {
            Lang::En => Gazetteer::global().english_zone_name(park).unwrap_or_else(|| self.text("park", park)),
            _ => self.text("park", park),
        }
    }

    /// Each item shown once (合资 and 合資 are one mode; two tags may be one taxonomy label), its
    /// untranslated mark following it to its new position.
    fn list(&mut self, field: &str, items: &[String], show: fn(&mut Self, &str, &str) -> String) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for item in items {
            let marked = self.untranslated.len();
            let at = format!("{field}.{}", out.len());
            let shown = show(self, &at, item);
            if out.iter().any(|o| crate::fold::fold(o) == crate::fold::fold(&shown)) {
                self.untranslated.truncate(marked);
            } else {
                out.push(shown);
            }
        }
        out
    }
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
        ProjectView::with_hant(p, lang, None)
    }

    /// As [`ProjectView::new`], with the Simplified→Traditional table for 繁: the list's own text
    /// (name, tags, park, sector, stage, description …) is then shown in Traditional characters.
    /// The table is not used in the other languages.
    ///
    /// ```
    /// use opportunity_matcher::{hant::HantTable, list::load_text, present::ProjectView, Lang};
    /// let list = load_text("项目名称,所属行业,细分领域,项目地点,所在园区,项目阶段,项目简介\n\
    ///     动力电池项目,装备制造,动力电池,成都市双流区,双流综合保税区,在谈,建设电池生产线\n", "a.csv").unwrap();
    /// let table = HantTable::parse("@chars\n动\t動\n电\t電\n项\t項\n双\t雙\n综\t綜\n税\t稅\n区\t區\n").unwrap();
    /// let hant = ProjectView::with_hant(&list.projects[0], Lang::ZhHant, Some(&table));
    /// assert_eq!((hant.name.as_str(), hant.park.as_deref()), ("動力電池項目", Some("雙流綜合保稅區")));
    /// let en = ProjectView::new(&list.projects[0], Lang::En);
    /// assert_eq!(en.park.as_deref(), Some("Shuangliu Comprehensive Bonded Zone"));
    /// assert_eq!(en.stage.as_deref(), Some("In negotiation"));
    /// assert_eq!(en.untranslated, ["name", "description"]); // the list has no English for these
    /// ```
    pub fn with_hant(p: &Project, lang: Lang, hant: Option<&HantTable>) -> ProjectView {
        let g = Gazetteer::global();
        let t = Taxonomy::global();
        let english = lang == Lang::En;
        let mut show = Shower { lang, hant: hant.filter(|_| lang == Lang::ZhHant), untranslated: Vec::new() };
        let (name, alt_name) = match (&p.name_en, english) {
            (Some(en), true) => (en.clone(), Some(p.name.clone())),
            _ => (show.text("name", &p.name), p.name_en.clone().filter(|_| english)),
        };
        let sector_label = t.lookup(&p.sector).or_else(|| t.classify(&p.sector).first().copied()).map(|n| t.label(n, lang).to_string());
        let sector = if sector_label.is_some() { p.sector.clone() } else { show.text("sector", &p.sector) };
        let tags = show.list("tags", &p.tags, Shower::tag);
        let park = p.park.as_deref().map(|park| show.park(park));
        let cooperation = show.list("cooperation", &p.cooperation, Shower::term);
        let stage = p.stage.as_deref().map(|s| show.term("stage", s));
        let description = match (&p.description_en, english) {
            (Some(en), true) => Some(en.clone()),
            _ => show.opt("description", &p.description),
        };
        let benefits = show.opt("benefits", &p.benefits);
        let policies = show.opt("policies", &p.policies);
        let contact_org = show.opt("contact_org", &p.contact_org);
        let contact_name = show.opt("contact_name", &p.contact_name);
        ProjectView {
            id: p.id.clone(),
            name,
            alt_name,
            sector,
            sector_label,
            tags,
            place: g.display_path(p.region, lang),
            place_code: g.region(p.region).code,
            park,
            investment: p.investment.as_ref().map(|a| format_amount(a, lang)),
            seeking: p.seeking.as_ref().map(|a| format_amount(a, lang)),
            investment_yuan: p.investment.as_ref().map(|a| a.min),
            cooperation,
            stage,
            land_mu: p.land_mu,
            description,
            benefits,
            policies,
            contact_org,
            contact_name,
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
            untranslated: show.untranslated,
        }
    }

    /// True when `field` (a key of [`ProjectView::untranslated`]) is shown in Chinese in an
    /// English view.
    pub fn is_untranslated(&self, field: &str) -> bool {
        self.untranslated.iter().any(|f| f == field)
    }
}

/// A text of the list itself (its title, publisher, notice) as it can be shown in `lang`: in
/// Traditional characters in 繁 when the table is there; and whether it is Chinese an English
/// reader is shown as written (to be marked `lang="zh"`).
///
/// ```
/// use opportunity_matcher::{present::list_text, Lang};
/// assert_eq!(list_text("投资四川", Lang::En, None), ("投资四川".to_string(), true));
/// assert_eq!(list_text("Invest Sichuan", Lang::En, None), ("Invest Sichuan".to_string(), false));
/// ```
pub fn list_text(text: &str, lang: Lang, hant: Option<&HantTable>) -> (String, bool) {
    let mut show = Shower { lang, hant, untranslated: Vec::new() };
    let shown = show.text("text", text);
    (shown, !show.untranslated.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_text;
    use std::sync::OnceLock;

    fn table() -> &'static HantTable {
        static T: OnceLock<HantTable> = OnceLock::new();
        T.get_or_init(|| HantTable::parse(include_str!("../data/s2twp.tsv")).expect("data/s2twp.tsv parses"))
    }

    const CSV: &str = "项目编号,项目名称,英文名称,所属行业,细分领域,项目地点,所在园区,合作方式,项目阶段,项目简介,联系单位\n\
        IC-1,集成电路封装测试基地,,电子信息,集成电路、封装测试、积体电路、芯片设计服务,四川省成都市郫都区,成都高新西区,合资、合資、独资,在談,建设集成电路封装测试生产线,成都高新区投资促进局\n\
        BAT-1,动力电池项目,Power battery plant,装备制造,动力电池,成都市双流区,宜宾白酒产业园,PPP、代持,签约,,\n";

    fn project(i: usize) -> Project {
        load_text(CSV, "list.csv").unwrap().projects[i].clone()
    }

    #[test]
    fn english_shows_the_taxonomy_the_gazetteer_and_the_term_table_and_marks_the_rest() {
        let v = ProjectView::new(&project(0), Lang::En);
        assert_eq!(v.name, "集成电路封装测试基地");
        assert_eq!(v.sector_label.as_deref(), Some("Electronic information"));
        assert_eq!(v.park.as_deref(), Some("Chengdu High-tech West Zone"));
        assert_eq!(v.place, "Pidu, Chengdu, Sichuan");
        assert_eq!(v.cooperation, ["Joint venture", "Sole proprietorship"], "合资 and 合資 are one mode");
        assert_eq!(v.stage.as_deref(), Some("In negotiation"));
        assert_eq!(v.tags[0], "Integrated circuits");
        assert!(!v.tags.iter().skip(1).any(|t| t == "Integrated circuits"), "积体电路 is the same industry, said once: {:?}", v.tags);
        // What only exists in Chinese is marked, and only that.
        for field in ["name", "description", "contact_org"] {
            assert!(v.is_untranslated(field), "{field}");
        }
        for field in ["sector", "park", "stage", "cooperation.0", "cooperation.1", "tags.0"] {
            assert!(!v.is_untranslated(field), "{field}");
        }
        for (i, tag) in v.tags.iter().enumerate() {
            assert_eq!(v.is_untranslated(&format!("tags.{i}")), has_cjk(tag), "{tag}");
        }
        for (i, c) in v.cooperation.iter().enumerate() {
            assert_eq!(v.is_untranslated(&format!("cooperation.{i}")), has_cjk(c), "{c}");
        }
    }

    #[test]
    fn an_english_name_from_the_list_leaves_the_chinese_one_as_the_other_name() {
        let v = ProjectView::new(&project(1), Lang::En);
        assert_eq!((v.name.as_str(), v.alt_name.as_deref()), ("Power battery plant", Some("动力电池项目")));
        assert!(!v.is_untranslated("name"));
        assert_eq!(v.park.as_deref(), Some("宜宾白酒产业园"), "白酒 is no place or zone word: kept, and marked");
        assert!(v.is_untranslated("park"));
        assert_eq!(v.cooperation, ["Public-private partnership (PPP)", "代持"]);
        assert!(v.is_untranslated("cooperation.1") && !v.is_untranslated("cooperation.0"));
        assert_eq!(v.stage.as_deref(), Some("Signed"));
    }

    #[test]
    fn traditional_shows_every_list_text_in_traditional_characters() {
        let v = ProjectView::with_hant(&project(0), Lang::ZhHant, Some(table()));
        assert_eq!(v.name, "積體電路封裝測試基地");
        assert_eq!(v.park.as_deref(), Some("成都高新西區"));
        assert_eq!(v.place, "四川省成都市郫都區");
        assert_eq!(v.cooperation, ["合資", "獨資"]);
        assert_eq!(v.stage.as_deref(), Some("在談"));
        assert_eq!(v.description.as_deref(), Some("建設積體電路封裝測試生產線"));
        assert_eq!(v.contact_org.as_deref(), Some("成都高新區投資促進局"));
        let t = Taxonomy::global();
        assert_eq!(
            v.tags[0],
            t.label(t.lookup("集成电路").unwrap(), Lang::ZhHant),
            "a tag that is a taxonomy label reads as the reasons do"
        );
        // Nothing Simplified is left: converting again changes nothing.
        let shown = [v.name.clone(), v.park.clone().unwrap(), v.description.clone().unwrap(), v.tags.join("、"), v.cooperation.join("、")];
        for text in shown {
            assert_eq!(table().convert(&text), text);
        }
        assert!(v.untranslated.is_empty());
    }

    #[test]
    fn without_the_table_traditional_shows_the_list_as_written_and_simplified_never_converts() {
        let p = project(0);
        assert_eq!(ProjectView::with_hant(&p, Lang::ZhHant, None).name, "集成电路封装测试基地");
        let hans = ProjectView::with_hant(&p, Lang::ZhHans, Some(table()));
        assert_eq!((hans.name.as_str(), hans.park.as_deref()), ("集成电路封装测试基地", Some("成都高新西区")));
        assert_eq!(hans.cooperation, ["合资", "独资"], "one mode, in the reader's script");
        assert_eq!(hans.stage.as_deref(), Some("在谈"));
        assert_eq!(ProjectView::with_hant(&p, Lang::En, Some(table())), ProjectView::new(&p, Lang::En), "English never uses the table");
    }

    #[test]
    fn list_texts_are_converted_or_marked_like_project_fields() {
        assert_eq!(list_text("投资四川机遇清单", Lang::ZhHant, Some(table())), ("投資四川機遇清單".to_string(), false));
        assert_eq!(list_text("投资四川机遇清单", Lang::ZhHans, Some(table())), ("投资四川机遇清单".to_string(), false));
        assert!(list_text("投资四川机遇清单", Lang::En, None).1, "Chinese on an English page is marked");
    }
}
