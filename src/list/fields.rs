//! The fields of an opportunity list and the column headers that name them (`data/list-headers.tsv`).

use crate::fold::{fold, is_cjk};
use crate::money::MoneyUnit;
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
        ColumnRole::Field(self).label(lang)
    }
}

/// What a column holds: a field of the format, or one of the roles a published table gives a
/// column that is not a field by itself (`data/list-headers.tsv` names both).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    /// A field of the format.
    Field(Field),
    /// `序号`: a running number. The project id when no number repeats (and no column gives ids);
    /// a number restarting in each group is only a sequence number.
    Sequence,
    /// A contact person and phone in one cell (`王磊 0553-5841234`, `联系人:高辉 联系电话:024-86896265`).
    Contact,
    /// One level of a place split over several columns (`市（州）` + `县（市、区）`).
    RegionPart(PlaceLevel),
}

/// The level of a place column of a split place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceLevel {
    /// 省
    Province,
    /// 市（州）
    City,
    /// 县（市、区）
    County,
}

impl ColumnRole {
    /// The key in `data/list-headers.tsv` and in the reading report: a field's key, or
    /// `sequence`, `contact`, `region_province`, `region_city`, `region_county`.
    ///
    /// ```
    /// use opportunity_matcher::list::{ColumnRole, Field, PlaceLevel};
    /// assert_eq!(ColumnRole::Field(Field::Name).key(), "name");
    /// assert_eq!(ColumnRole::RegionPart(PlaceLevel::County).key(), "region_county");
    /// assert_eq!(ColumnRole::from_key("sequence"), Some(ColumnRole::Sequence));
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            ColumnRole::Field(f) => f.key(),
            ColumnRole::Sequence => "sequence",
            ColumnRole::Contact => "contact",
            ColumnRole::RegionPart(PlaceLevel::Province) => "region_province",
            ColumnRole::RegionPart(PlaceLevel::City) => "region_city",
            ColumnRole::RegionPart(PlaceLevel::County) => "region_county",
        }
    }

    /// The role with this key.
    pub fn from_key(key: &str) -> Option<ColumnRole> {
        Field::from_key(key).map(ColumnRole::Field).or_else(|| {
            Some(match key {
                "sequence" => ColumnRole::Sequence,
                "contact" => ColumnRole::Contact,
                "region_province" => ColumnRole::RegionPart(PlaceLevel::Province),
                "region_city" => ColumnRole::RegionPart(PlaceLevel::City),
                "region_county" => ColumnRole::RegionPart(PlaceLevel::County),
                _ => return None,
            })
        })
    }

    /// The role's name for people, in `lang` (`项目名称`, `序号`, `联系人及电话` …).
    pub fn label(self, lang: Lang) -> &'static str {
        let row = headers().iter().find(|h| h.role == self).expect("every role has a row in list-headers.tsv");
        lang.pick(row.labels[0], row.labels[1], row.labels[2])
    }

    /// The field, for a field role.
    pub fn field(self) -> Option<Field> {
        match self {
            ColumnRole::Field(f) => Some(f),
            _ => None,
        }
    }

    /// Every role, fields first.
    pub fn all() -> impl Iterator<Item = ColumnRole> {
        Field::ALL.into_iter().map(ColumnRole::Field).chain([
            ColumnRole::Sequence,
            ColumnRole::Contact,
            ColumnRole::RegionPart(PlaceLevel::Province),
            ColumnRole::RegionPart(PlaceLevel::City),
            ColumnRole::RegionPart(PlaceLevel::County),
        ])
    }
}

impl serde::Serialize for ColumnRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// One row of `data/list-headers.tsv`.
struct HeaderRow {
    role: ColumnRole,
    labels: [&'static str; 3],
    /// Folded variants, labels included, and whether each may be found inside a longer header.
    variants: Vec<(String, bool)>,
}

/// The header table of an opportunity list, parsed once from `data/list-headers.tsv` (build.rs
/// checks its lines).
fn headers() -> &'static [HeaderRow] {
    &Vocabulary::List.table().rows
}

/// The header words a table is read with. An opportunity list and an investor-leads sheet are read
/// by the same table reader; only the words that name their columns differ. Both vocabularies
/// name the same column roles ([`ColumnRole`]): a leads sheet's `企业名称` is read as the `name`
/// role, `主营业务` / `意向行业` as `sector`, `投资意向金额` as `investment`, `意向地区` as `region`
/// (see `data/leads-headers.tsv`), and the reading report names each column with its own
/// vocabulary's label.
///
/// ```
/// use opportunity_matcher::list::{ColumnRole, Field, Vocabulary};
/// let m = Vocabulary::Leads.read("企业名称").unwrap();
/// assert_eq!(m.role, ColumnRole::Field(Field::Name));
/// assert_eq!(Vocabulary::Leads.label(m.role, opportunity_matcher::Lang::En), "company");
/// assert_eq!(Vocabulary::List.label(m.role, opportunity_matcher::Lang::En), "project name");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Vocabulary {
    /// An opportunity list (`data/list-headers.tsv`).
    #[default]
    List,
    /// A sheet of investor leads (`data/leads-headers.tsv`).
    Leads,
}

impl Vocabulary {
    fn table(self) -> &'static HeaderTable {
        static LIST: OnceLock<HeaderTable> = OnceLock::new();
        static LEADS: OnceLock<HeaderTable> = OnceLock::new();
        match self {
            Vocabulary::List => LIST.get_or_init(|| HeaderTable::parse(include_str!("../../data/list-headers.tsv"))),
            Vocabulary::Leads => LEADS.get_or_init(|| HeaderTable::parse(include_str!("../../data/leads-headers.tsv"))),
        }
    }

    /// Reads one header cell with this vocabulary (see [`read_header`], the list's).
    pub fn read(self, header: &str) -> Option<HeaderMatch> {
        if header.len() > 4 * MAX_HEADER_BYTES {
            return None;
        }
        let h = normalise_header(header);
        // No header variant is anywhere near this long; a huge cell (a hostile 10 MB header) would
        // otherwise be searched once per variant.
        if h.is_empty() || h.len() > MAX_HEADER_BYTES {
            return None;
        }
        let table = self.table();
        if let Some(role) = table.exact.get(&h) {
            return Some(HeaderMatch { role: *role, exact: true });
        }
        if let Some(m) = self.read_inside(&h) {
            return Some(m);
        }
        // A bilingual header (`Contact 联系方式`, `发布日期 Release Date`): an English part and a Chinese
        // part, the Chinese one a header whole. When the English one is a header too and differs,
        // the Chinese one only if it is more than a word of two (`项目 No.` is neither the name nor
        // surely the id).
        let switches = h.chars().zip(h.chars().skip(1)).filter(|(a, b)| is_cjk(*a) != is_cjk(*b)).count();
        if switches == 1 && h.chars().any(|c| c.is_ascii_alphabetic()) {
            let cjk: String = h.chars().filter(|c| is_cjk(*c)).collect();
            let latin: String = h.chars().filter(|c| !is_cjk(*c)).collect();
            let role = match (table.exact.get(&cjk), table.exact.get(&latin)) {
                (Some(a), Some(b)) if a != b && cjk.chars().count() <= 2 => None,
                (a, _) => a.copied(),
            };
            return role.map(|role| HeaderMatch { role, exact: false });
        }
        None
    }

    /// The longest variant found inside the (normalised) header, as [`read`](Self::read) takes it.
    fn read_inside(self, h: &str) -> Option<HeaderMatch> {
        let table = self.table();
        // The first variant of `inside` found in `h`: at each character, the variants starting there.
        let mut first: Option<usize> = None;
        for (at, c) in h.char_indices() {
            for &k in table.inside_by_first.get(&c).map_or(&[][..], Vec::as_slice) {
                let k = k as usize;
                if first.is_some_and(|f| f <= k) {
                    break;
                }
                if h[at..].starts_with(table.inside[k].0.as_str()) {
                    first = Some(k);
                }
            }
        }
        first.map(|k| HeaderMatch { role: table.inside[k].1, exact: false })
    }

    /// True when the header is a weak variant of its field (marked `~` in the header file,
    /// `项目类型`): another column of the same field wins over it wherever that one stands.
    pub(crate) fn is_weak(self, header: &str) -> bool {
        self.table().weak.contains(&normalise_header(header))
    }

    /// A role's name for people in this vocabulary (`企业名称` for a leads sheet's `name`); a role
    /// the vocabulary does not name keeps the list's name.
    pub fn label(self, role: ColumnRole, lang: Lang) -> &'static str {
        match self.table().rows.iter().find(|h| h.role == role) {
            Some(row) => lang.pick(row.labels[0], row.labels[1], row.labels[2]),
            None => role.label(lang),
        }
    }
}

/// The rows, and the two ways headers are looked up in them.
struct HeaderTable {
    rows: Vec<HeaderRow>,
    /// Whole variants (first row wins).
    exact: crate::hash::FxMap<String, ColumnRole>,
    /// Variants that may be found inside a longer header (two CJK characters or four letters and
    /// more, not marked `=`), longest first.
    inside: Vec<(String, ColumnRole)>,
    /// The places in `inside` of the variants that begin with each character, in order: a header is
    /// searched at each of its characters for the variants that can start there, not for every
    /// variant (the table reader asks of every short cell of every row whether it is a header).
    inside_by_first: crate::hash::FxMap<char, Vec<u32>>,
    /// Whole variants marked `~` in the file: a column so headed gives way to another column of
    /// the same field wherever that one stands.
    weak: crate::hash::FxSet<String>,
}

impl HeaderTable {
    fn parse(text: &'static str) -> HeaderTable {
        let rows: Vec<HeaderRow> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&'static str> = l.split('\t').collect();
                let [key, hans, hant, en, variants] = cols[..] else { return None };
                let role = ColumnRole::from_key(key.trim())?;
                let variants = [hans, hant, en]
                    .into_iter()
                    .map(|v| (v, true))
                    // `~` (weak) is read by `HeaderTable::parse` below; here it is only taken off.
                    .chain(variants.split('|').map(|v| v.strip_prefix('~').unwrap_or(v)).map(|v| match v.strip_prefix('=') {
                        Some(exact) => (exact, false),
                        None => (v, true),
                    }))
                    .map(|(v, inside)| (normalise_header(v), inside))
                    .filter(|(v, _)| !v.is_empty())
                    .collect();
                Some(HeaderRow { role, labels: [hans, hant, en], variants })
            })
            .collect();
        let mut exact = crate::hash::FxMap::default();
        let mut inside = Vec::new();
        for row in &rows {
            for (v, may_be_inside) in &row.variants {
                exact.entry(v.clone()).or_insert(row.role);
                let cjk = v.chars().filter(|c| is_cjk(*c)).count();
                if *may_be_inside && (cjk >= 2 || (cjk == 0 && v.len() >= 4)) {
                    inside.push((v.clone(), row.role));
                }
            }
        }
        // Longest first; equal lengths keep the file's order.
        crate::sort::sort_by_key(&mut inside, |(v, _)| std::cmp::Reverse(v.len()));
        let mut inside_by_first: crate::hash::FxMap<char, Vec<u32>> = crate::hash::FxMap::default();
        for (k, (v, _)) in inside.iter().enumerate() {
            if let Some(c) = v.chars().next() {
                inside_by_first.entry(c).or_default().push(k as u32);
            }
        }
        // Weak variants (`~项目类型`): whole headers that give a field only when no other column
        // gives it (`项目类型` often holds 新建 / 续建 beside a real `行业` column).
        let weak = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(4))
            .flat_map(|variants| variants.split('|'))
            .filter_map(|v| v.strip_prefix('~'))
            .map(|v| normalise_header(v.strip_prefix('=').unwrap_or(v)))
            .collect();
        HeaderTable { rows, exact, inside, inside_by_first, weak }
    }
}

/// Longer headers (after [`normalise_header`]) name no field.
const MAX_HEADER_BYTES: usize = 256;

/// Folds a header and drops spaces, line breaks, underscores and a bracketed unit:
/// `总投资（万元）` → `总投资`.
pub(crate) fn normalise_header(h: &str) -> String {
    let f = fold(h.trim_start_matches('\u{feff}'));
    let mut out = String::new();
    let mut depth = 0;
    let mut inner = String::new();
    for c in f.chars() {
        match c {
            '(' | '[' | '【' | '〔' => {
                depth += 1;
                inner.clear();
            }
            ')' | ']' | '】' | '〕' => {
                depth = (depth - 1).max(0);
                // A bracket that names a language is part of the header (`Project Name (EN)`,
                // `项目名称（英文）` are the English name); any other is a unit or a note.
                if depth == 0 && ["en", "eng", "english", "英文"].contains(&inner.trim()) {
                    out.push_str("english");
                }
            }
            ' ' | '_' | '*' | ':' | '：' | '\u{a0}' if depth == 0 => {}
            c if depth == 0 => out.push(c),
            c => inner.push(c),
        }
    }
    out
}

/// How one header cell was read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeaderMatch {
    /// What the column holds.
    pub role: ColumnRole,
    /// True when the whole header is a known variant (not one found inside a longer header).
    pub exact: bool,
}

/// Reads one header cell: the role it names, if any. Exact variants win; otherwise the longest
/// variant contained in the header (only variants of two or more CJK characters or four or more
/// letters, and not those marked `=`, so `no` does not match `notes` nor `项目` `项目性质`).
///
/// ```
/// use opportunity_matcher::list::{read_header, ColumnRole, Field, PlaceLevel};
/// let m = read_header("所属区（市）县").unwrap();
/// assert_eq!((m.role, m.exact), (ColumnRole::RegionPart(PlaceLevel::County), true));
/// assert_eq!(read_header("联系人及电话").unwrap().role, ColumnRole::Contact);
/// assert_eq!(read_header("项目总投资额\n（亿元）").unwrap().role, ColumnRole::Field(Field::Investment));
/// assert_eq!(read_header("项目性质"), None);
/// ```
pub fn read_header(header: &str) -> Option<HeaderMatch> {
    Vocabulary::List.read(header)
}

/// Maps one header to a field (see [`read_header`]; a column role that is not a field gives `None`).
///
/// ```
/// use opportunity_matcher::list::{field_for_header, Field};
/// assert_eq!(field_for_header("项目名称"), Some(Field::Name));
/// assert_eq!(field_for_header("總投資（萬元）"), Some(Field::Investment));
/// assert_eq!(field_for_header("项目所在园区"), Some(Field::Park));
/// assert_eq!(field_for_header("Contact Phone"), Some(Field::ContactPhone));
/// assert_eq!(field_for_header("资金盘子"), None);
/// // A 备注 column's text follows the description's (a second column of a text field).
/// assert_eq!(field_for_header("备注"), Some(Field::Description));
/// ```
pub fn field_for_header(header: &str) -> Option<Field> {
    read_header(header).and_then(|m| m.role.field())
}

/// The unit a header gives the bare numbers of its amount column: the text in brackets or after
/// the field's name (`总投资（万元）`, `投资估算\n（亿元）`, `总投资/万美元`), if it is a money unit.
///
/// ```
/// use opportunity_matcher::{list::header_unit, money::Currency};
/// assert_eq!(header_unit("总投资（万元）").map(|u| u.scale), Some(1e4));
/// assert_eq!(header_unit("拟引资额(亿美元)").map(|u| (u.scale, u.currency)), Some((1e8, Currency::Usd)));
/// assert_eq!(header_unit("总投资"), None);
/// assert_eq!(header_unit("总投资 Total Investment (亿元/100 million yuan)").map(|u| u.scale), Some(1e8));
/// assert_eq!(header_unit("用地面积（亩）"), None);
/// ```
pub fn header_unit(header: &str) -> Option<MoneyUnit> {
    if header.len() > 4 * MAX_HEADER_BYTES {
        return None;
    }
    let f = fold(header);
    let mut candidates: Vec<String> = Vec::new();
    // Bracketed parts.
    let mut depth = 0;
    let mut inner = String::new();
    let mut outer = String::new();
    for c in f.chars() {
        match c {
            '(' | '[' | '【' | '〔' => {
                depth += 1;
                if depth == 1 {
                    inner.clear();
                }
            }
            ')' | ']' | '】' | '〕' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    // A bilingual unit, `(亿元/100 million yuan)`: each part is a candidate too.
                    if inner.contains(['/', '|']) {
                        let parts: Vec<String> = inner.split(['/', '|']).map(|p| p.trim().to_string()).collect();
                        candidates.push(std::mem::take(&mut inner));
                        candidates.extend(parts);
                    } else {
                        candidates.push(std::mem::take(&mut inner));
                    }
                }
            }
            c if depth > 0 => inner.push(c),
            c => outer.push(c),
        }
    }
    // The text after the name: `总投资 万元`, `总投资/亿元`, `总投资万元`.
    let outer: String = outer.chars().filter(|c| !c.is_whitespace()).collect();
    for sep in ['/', ':', '|', '-', ','] {
        if let Some((_, after)) = outer.rsplit_once(sep) {
            candidates.push(after.to_string());
        }
    }
    for n in (1..=4).rev() {
        let chars: Vec<char> = outer.chars().collect();
        if chars.len() > n {
            candidates.push(chars[chars.len() - n..].iter().collect());
        }
    }
    candidates.iter().find_map(|c| MoneyUnit::parse_header(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_inside_a_header_is_found_as_the_longest_first_scan_finds_it() {
        for vocab in [Vocabulary::List, Vocabulary::Leads] {
            let table = vocab.table();
            let scan = |h: &str| table.inside.iter().find(|(v, _)| h.contains(v.as_str())).map(|(_, role)| *role);
            let variants: Vec<&String> = table.rows.iter().flat_map(|r| r.variants.iter().map(|(v, _)| v)).collect();
            let mut headers: Vec<String> = Vec::new();
            for (i, v) in variants.iter().enumerate() {
                let other = variants[(i * 7 + 3) % variants.len()];
                headers.extend([format!("项目{v}"), format!("{v}及{other}"), format!("{other}{v}"), format!("x{v}y")]);
                let cut: String = v.chars().skip(1).collect();
                headers.push(format!("{cut}{other}"));
            }
            for h in &headers {
                let h = normalise_header(h);
                if h.is_empty() || h.len() > MAX_HEADER_BYTES || table.exact.contains_key(&h) {
                    continue;
                }
                assert_eq!(vocab.read_inside(&h).map(|m| m.role), scan(&h), "{h}");
            }
        }
    }

    #[test]
    fn every_role_has_headers_and_a_chinese_name() {
        for role in ColumnRole::all() {
            assert!(headers().iter().any(|h| h.role == role), "{role:?} missing from data/list-headers.tsv");
            for lang in Lang::ALL {
                assert_eq!(read_header(role.label(lang)).map(|m| m.role), Some(role), "{role:?} {lang:?}");
            }
        }
        for f in Field::ALL {
            assert_eq!(field_for_header(f.key()), Some(f), "{f:?}");
        }
        assert_eq!(Field::Investment.label(Lang::ZhHans), "总投资");
    }

    #[test]
    fn every_line_of_the_header_file_is_read() {
        let lines = include_str!("../../data/list-headers.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(headers().len(), lines);
    }

    #[test]
    fn official_header_variants_map() {
        let field = |f| Some(ColumnRole::Field(f));
        let cases = [
            ("项目编号", field(Field::Id)),
            ("序号", Some(ColumnRole::Sequence)),
            ("产业类别", field(Field::Sector)),
            ("项目类别", field(Field::Sector)),
            ("所属产业", field(Field::Sector)),
            ("建设地点", field(Field::Region)),
            ("拟引资额（亿元）", field(Field::Seeking)),
            ("用地面积(亩)", field(Field::LandMu)),
            ("推荐指数", field(Field::Priority)),
            ("項目名稱", field(Field::Name)),
            ("\u{feff}项目编号", field(Field::Id)),
            ("项目总投资额", field(Field::Investment)),
            ("投资估算（亿元）", field(Field::Investment)),
            ("计划总投资", field(Field::Investment)),
            ("投资规模（亿元）", field(Field::Investment)),
            ("项目概况", field(Field::Description)),
            ("建设内容及规模", field(Field::Description)),
            ("建设内容\n及规模", field(Field::Description)),
            ("联系人电话", field(Field::ContactPhone)),
            ("市（州）", Some(ColumnRole::RegionPart(PlaceLevel::City))),
            ("县（市、区）", Some(ColumnRole::RegionPart(PlaceLevel::County))),
            ("项目 名称", field(Field::Name)),
            ("2024年XX市重点招商引资项目表", None),
            ("项目性质", None),
        ];
        for (h, role) in cases {
            assert_eq!(read_header(h).map(|m| m.role), role, "{h}");
        }
    }

    #[test]
    fn units_in_headers() {
        let unit = |h| header_unit(h).map(|u| u.scale);
        assert_eq!(unit("总投资（万元）"), Some(1e4));
        assert_eq!(unit("拟引资额(亿元)"), Some(1e8));
        assert_eq!(unit("总投资\n（亿元）"), Some(1e8));
        assert_eq!(unit("总投资/万元"), Some(1e4));
        assert_eq!(unit("总投资 万元"), Some(1e4));
        assert_eq!(unit("总投资（元）"), Some(1.0));
        assert_eq!(unit("总投资"), None);
        assert_eq!(unit("投资规模"), None);
        assert_eq!(unit("用地（亩）"), None);
    }

    #[test]
    fn a_bracket_naming_a_language_is_part_of_the_header_and_any_other_is_not() {
        let role = |h| read_header(h).map(|m| m.role);
        assert_eq!(role("Project Name (EN)"), Some(ColumnRole::Field(Field::NameEn)));
        assert_eq!(role("项目名称（英文）"), Some(ColumnRole::Field(Field::NameEn)));
        assert_eq!(role("Description (English)"), Some(ColumnRole::Field(Field::DescriptionEn)));
        assert_eq!(role("项目名称（必填）"), Some(ColumnRole::Field(Field::Name)));
        assert_eq!(role("Investment Return"), Some(ColumnRole::Field(Field::Benefits)));
        assert_eq!(role("项目概述"), Some(ColumnRole::Field(Field::Description)));
    }

    #[test]
    fn units_in_english_headers() {
        use crate::money::Currency;
        let unit = |h| header_unit(h).map(|u| (u.scale, u.currency));
        assert_eq!(unit("Total Investment (RMB 100 million)"), Some((1e8, Currency::Cny)));
        assert_eq!(unit("Investment (10,000 yuan)"), Some((1e4, Currency::Cny)));
        assert_eq!(unit("Investment (million yuan)"), Some((1e6, Currency::Cny)));
        assert_eq!(unit("Investment (unit: 100 million yuan)"), Some((1e8, Currency::Cny)));
        assert_eq!(unit("Investment (US$ m)"), Some((1e6, Currency::Usd)));
        assert_eq!(unit("Investment Sought (USD million)"), Some((1e6, Currency::Usd)));
        assert_eq!(unit("Total Investment (¥100m)"), Some((1e8, Currency::Cny)));
        assert_eq!(unit("Investment (10k RMB)"), Some((1e4, Currency::Cny)));
        assert_eq!(unit("總投資（新台幣萬元）"), Some((1e4, Currency::Twd)));
        // An amount, a letter or no money is no unit.
        assert_eq!(unit("Investment (5 million USD)"), None);
        assert_eq!(unit("Investment (t)"), None);
        assert_eq!(unit("Land (mu)"), None);
        assert_eq!(unit("Phase (2)"), None);
    }
}
