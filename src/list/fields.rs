//! The fields of an opportunity list and the column headers that name them (`data/list-headers.tsv`).

use crate::fold::{fold, is_cjk};
use crate::Lang;
use std::sync::OnceLock;

/// One field of a project, named by its English key (docs/contract.md, "List format").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    NameEn,
    Sector,
    Tags,
    Region,
    Park,
    Investment,
    Seeking,
    Cooperation,
    Stage,
    LandMu,
    Description,
    DescriptionEn,
    Benefits,
    Policies,
    ContactOrg,
    ContactName,
    ContactPhone,
    ContactEmail,
    Priority,
    IrrPct,
    PaybackYears,
    Jobs,
    AnnualOutput,
    Updated,
    Url,
}

impl Field {
    /// Every field, in the order of the format table.
    pub const ALL: [Field; 27] = [
        Field::Id,
        Field::Name,
        Field::NameEn,
        Field::Sector,
        Field::Tags,
        Field::Region,
        Field::Park,
        Field::Investment,
        Field::Seeking,
        Field::Cooperation,
        Field::Stage,
        Field::LandMu,
        Field::Description,
        Field::DescriptionEn,
        Field::Benefits,
        Field::Policies,
        Field::ContactOrg,
        Field::ContactName,
        Field::ContactPhone,
        Field::ContactEmail,
        Field::Priority,
        Field::IrrPct,
        Field::PaybackYears,
        Field::Jobs,
        Field::AnnualOutput,
        Field::Updated,
        Field::Url,
    ];

    /// The English key, as used in JSON lists and in messages.
    ///
    /// ```
    /// use opportunity_matcher::list::Field;
    /// assert_eq!(Field::ContactPhone.key(), "contact_phone");
    /// assert_eq!(Field::from_key("land_mu"), Some(Field::LandMu));
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::NameEn => "name_en",
            Field::Sector => "sector",
            Field::Tags => "tags",
            Field::Region => "region",
            Field::Park => "park",
            Field::Investment => "investment",
            Field::Seeking => "seeking",
            Field::Cooperation => "cooperation",
            Field::Stage => "stage",
            Field::LandMu => "land_mu",
            Field::Description => "description",
            Field::DescriptionEn => "description_en",
            Field::Benefits => "benefits",
            Field::Policies => "policies",
            Field::ContactOrg => "contact_org",
            Field::ContactName => "contact_name",
            Field::ContactPhone => "contact_phone",
            Field::ContactEmail => "contact_email",
            Field::Priority => "priority",
            Field::IrrPct => "irr_pct",
            Field::PaybackYears => "payback_years",
            Field::Jobs => "jobs",
            Field::AnnualOutput => "annual_output",
            Field::Updated => "updated",
            Field::Url => "url",
        }
    }

    /// The field with this English key.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field's name for messages: `项目名称` / `項目名稱` / `project name`.
    ///
    /// ```
    /// use opportunity_matcher::{list::Field, Lang};
    /// assert_eq!(Field::Region.label(Lang::ZhHant), "項目地點");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        let row = headers().iter().find(|h| h.field == self).expect("every field has a row in list-headers.tsv");
        lang.pick(row.labels[0], row.labels[1], row.labels[2])
    }
}

/// One row of `data/list-headers.tsv`.
struct HeaderRow {
    field: Field,
    labels: [&'static str; 3],
    /// Folded variants, labels included.
    variants: Vec<String>,
}

/// The header table, parsed once from `data/list-headers.tsv`.
fn headers() -> &'static [HeaderRow] {
    static TABLE: OnceLock<Vec<HeaderRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/list-headers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&'static str> = l.split('\t').collect();
                let [key, hans, hant, en, variants] = cols[..] else { return None };
                let field = Field::from_key(key.trim())?;
                let variants =
                    [hans, hant, en].into_iter().chain(variants.split('|')).map(normalise_header).filter(|v| !v.is_empty()).collect();
                Some(HeaderRow { field, labels: [hans, hant, en], variants })
            })
            .collect()
    })
}

/// Longer headers (after [`normalise_header`]) name no field.
const MAX_HEADER_BYTES: usize = 256;

/// Folds a header and drops spaces, underscores and a bracketed unit: `总投资（万元）` → `总投资`.
fn normalise_header(h: &str) -> String {
    let f = fold(h.trim_start_matches('\u{feff}'));
    let mut out = String::new();
    let mut depth = 0;
    for c in f.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = (depth - 1).max(0),
            ' ' | '_' | '*' | ':' | '：' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The scale a header's unit gives bare numbers in its column: `总投资(万元)` → 10,000.
pub fn header_scale(header: &str) -> f64 {
    let f = fold(header);
    if f.contains("亿") {
        1e8
    } else if f.contains("万") {
        1e4
    } else if f.contains("million") || f.contains("百万") {
        1e6
    } else {
        1.0
    }
}

/// Maps one header to a field. Exact variants win; otherwise the longest variant contained in the
/// header (only variants of two or more CJK characters or four or more letters, so `no` does not
/// match `notes`).
///
/// ```
/// use opportunity_matcher::list::{field_for_header, Field};
/// assert_eq!(field_for_header("项目名称"), Some(Field::Name));
/// assert_eq!(field_for_header("總投資（萬元）"), Some(Field::Investment));
/// assert_eq!(field_for_header("项目所在园区"), Some(Field::Park));
/// assert_eq!(field_for_header("Contact Phone"), Some(Field::ContactPhone));
/// assert_eq!(field_for_header("备注"), None);
/// ```
pub fn field_for_header(header: &str) -> Option<Field> {
    let h = normalise_header(header);
    // No header variant is anywhere near this long; a huge cell (a hostile 10 MB header) would
    // otherwise be searched once per variant.
    if h.is_empty() || h.len() > MAX_HEADER_BYTES {
        return None;
    }
    let table = headers();
    for row in table {
        if row.variants.contains(&h) {
            return Some(row.field);
        }
    }
    let mut best: Option<(usize, Field)> = None;
    for row in table {
        for v in &row.variants {
            let cjk = v.chars().filter(|c| is_cjk(*c)).count();
            let long_enough = cjk >= 2 || (cjk == 0 && v.len() >= 4);
            if long_enough && h.contains(v.as_str()) && best.is_none_or(|(len, _)| v.len() > len) {
                best = Some((v.len(), row.field));
            }
        }
    }
    best.map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_headers_and_a_chinese_name() {
        for f in Field::ALL {
            assert!(headers().iter().any(|h| h.field == f), "{f:?} missing from data/list-headers.tsv");
            assert_eq!(field_for_header(f.key()), Some(f), "{f:?}");
            for lang in Lang::ALL {
                assert_eq!(field_for_header(f.label(lang)), Some(f), "{f:?} {lang:?}");
            }
        }
        assert_eq!(Field::Investment.label(Lang::ZhHans), "总投资");
    }

    #[test]
    fn official_header_variants_map() {
        let cases = [
            ("项目编号", Field::Id),
            ("序号", Field::Id),
            ("产业类别", Field::Sector),
            ("建设地点", Field::Region),
            ("拟引资额（亿元）", Field::Seeking),
            ("用地面积(亩)", Field::LandMu),
            ("推荐指数", Field::Priority),
            ("項目名稱", Field::Name),
            ("\u{feff}项目编号", Field::Id),
            ("项目总投资额", Field::Investment),
        ];
        for (h, f) in cases {
            assert_eq!(field_for_header(h), Some(f), "{h}");
        }
    }

    #[test]
    fn units_in_headers_scale_bare_numbers() {
        assert_eq!(header_scale("总投资（万元）"), 1e4);
        assert_eq!(header_scale("拟引资额(亿元)"), 1e8);
        assert_eq!(header_scale("总投资"), 1.0);
    }
}
