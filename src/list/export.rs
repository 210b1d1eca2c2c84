//! Writing a loaded list back out as normalised JSON (`opportunity-matcher convert`): English keys,
//! amounts in integer yuan, places as full paths, so that it reloads to the same projects.

use super::{OpportunityList, Project};
use crate::gazetteer::Gazetteer;
use crate::Lang;
use serde_json::{json, Map, Value};

fn project_json(p: &Project) -> Value {
    let g = Gazetteer::global();
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        if !v.is_null() && v != json!([]) {
            m.insert(k.to_string(), v);
        }
    };
    let amount = |a: &Option<crate::money::Amount>| match a {
        None => Value::Null,
        Some(a) if a.min == a.max => json!(a.min),
        Some(a) => json!(crate::money::format_amount(a, Lang::ZhHans)),
    };
    put("id", json!(p.id));
    put("name", json!(p.name));
    put("name_en", json!(p.name_en));
    put("sector", if p.sector.is_empty() { Value::Null } else { json!(p.sector) });
    put("tags", json!(p.tags));
    put("region", json!(g.display_path(p.region, Lang::ZhHans)));
    put("park", json!(p.park));
    put("investment", amount(&p.investment));
    put("seeking", amount(&p.seeking));
    put("cooperation", json!(p.cooperation));
    put("stage", json!(p.stage));
    put("land_mu", json!(p.land_mu));
    put("description", json!(p.description));
    put("description_en", json!(p.description_en));
    put("benefits", json!(p.benefits));
    put("policies", json!(p.policies));
    put("contact_org", json!(p.contact_org));
    put("contact_name", json!(p.contact_name));
    put("contact_phone", json!(p.contact_phone));
    put("contact_email", json!(p.contact_email));
    put("priority", json!(p.priority));
    put("irr_pct", json!(p.irr_pct));
    put("payback_years", json!(p.payback_years));
    put("jobs", json!(p.jobs));
    put("annual_output", amount(&p.annual_output));
    put("updated", json!(p.updated));
    put("url", json!(p.url));
    Value::Object(m)
}

/// The list as normalised JSON text (`{"format": "opportunity-list/1", ... "projects": [...]}`).
///
/// ```
/// use opportunity_matcher::list::{load_text, to_normalised_json};
/// let list = load_text("项目名称,项目地点,总投资\n测试,绵阳涪城,1.2亿\n", "a.csv").unwrap();
/// let json = to_normalised_json(&list);
/// assert!(json.contains("\"investment\": 120000000"));
/// assert_eq!(load_text(&json, "a.json").unwrap().projects, list.projects.iter().map(|p| {
///     let mut p = p.clone(); p.region_text = "四川省绵阳市涪城区".into(); p.row = 1; p
/// }).collect::<Vec<_>>());
/// ```
pub fn to_normalised_json(list: &OpportunityList) -> String {
    let meta = &list.meta;
    let doc = json!({
        "format": "opportunity-list/1",
        "title": meta.title,
        "publisher": meta.publisher,
        "updated": meta.updated,
        "notice": meta.notice,
        "currency": "CNY",
        "projects": list.projects.iter().map(project_json).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
