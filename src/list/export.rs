//! Writing a loaded list back out as normalised JSON (`opportunity-matcher convert`): English keys,
//! amounts in integer yuan, places as full paths, so that it reloads to the same projects.

use super::{OpportunityList, Project};
use crate::gazetteer::Gazetteer;
use crate::money::Bound;
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
    // Exact figures in yuan: a range or an open bound written for people ("1.01–1.2亿元") would
    // round, and the list would not reload to the same amounts.
    let amount = |a: &Option<crate::money::Amount>| match a {
        None => Value::Null,
        Some(a) => match a.bound {
            Bound::Exact => json!(a.min),
            Bound::Range => json!(format!("{}-{}元", a.min, a.max)),
            Bound::UpTo => json!(format!("{}元以内", a.max)),
            Bound::AtLeast => json!(format!("{}元以上", a.min)),
        },
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

#[cfg(test)]
mod tests {
    use super::to_normalised_json;
    use crate::list::load_text;

    #[test]
    fn ranges_and_open_amounts_reload_to_the_yuan() {
        // Written for people ("1.01–1.2亿元") a range would round: 1.011256亿 must stay 101,125,600.
        let csv = "项目名称,项目地点,总投资,拟引资额,年产值\n甲,绵阳涪城,1.011256亿-1.2亿,3000.5万以内,2.345678亿以上\n";
        let list = load_text(csv, "a.csv").unwrap();
        let again = load_text(&to_normalised_json(&list), "a.json").unwrap();
        let amounts = |l: &crate::list::OpportunityList| {
            let p = &l.projects[0];
            (p.investment, p.seeking, p.annual_output)
        };
        assert_eq!(amounts(&again), amounts(&list));
        assert_eq!(list.projects[0].investment.unwrap().min, 101_125_600);
    }
}
