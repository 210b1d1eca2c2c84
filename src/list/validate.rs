//! Validation: one code path from raw rows (CSV or JSON) to projects, rejections and warnings.

use super::grid::Cell;
use super::raw::{JsonMeta, RawRow};
use super::report::{excerpt, RejectReason, Rejection, Warning, WarningKind};
use super::{Field, ListMeta, Project};
use crate::fold::fold;
use crate::gazetteer::{Gazetteer, PlaceNote, PlaceResolution, RegionId};
use crate::hash::FxMap;
use crate::money::{format_amount, parse_money_with_unit, Amount, Currency, Fx, MoneyUnit};
use crate::Lang;

/// Rows for validation: built, or still pending — a JSON list's packed rows, a sheet's classified
/// cells — and built one at a time.
#[derive(Debug)]
pub(crate) enum Rows {
    Built(Vec<RawRow>),
    Keyed(super::table::KeyedRows),
    Sheet(super::table::SheetRows),
}

impl Rows {
    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        match self {
            Rows::Built(rows) => rows.len(),
            Rows::Keyed(rows) => rows.len(),
            Rows::Sheet(rows) => rows.len(),
        }
    }

    /// Each row's place, by reference: a row with its place cell (packed rows are built with their
    /// place columns only, for the look, and dropped).
    fn each_place(&self, f: &mut dyn FnMut(&RawRow)) {
        match self {
            Rows::Built(rows) => rows.iter().for_each(f),
            Rows::Keyed(rows) => rows.for_each_place(&mut |row| f(&row)),
            Rows::Sheet(rows) => rows.for_each_place(&mut |row| f(&row)),
        }
    }

    /// Each row, given up as it is handed on (one closure for every kind of rows: validation is
    /// the largest function of the bundle, not to be compiled once per kind).
    pub(crate) fn take(self, f: &mut dyn FnMut(RawRow)) {
        match self {
            Rows::Built(rows) => rows.into_iter().for_each(f),
            Rows::Keyed(rows) => rows.into_each(f),
            Rows::Sheet(rows) => rows.into_each(f),
        }
    }
}

/// Validates rows as projects, handing each project to `take` as soon as it is read, in list
/// order, and giving up each row as it is read: a caller that stores projects compactly
/// (`crate::oml`) never holds the list as rows and as projects at once. Pending rows are built
/// twice (with their places only for the list's main area, then whole for validation), never all
/// held built at once.
pub(crate) fn validate_rows(
    meta: JsonMeta,
    rows: Rows,
    warnings: &mut Vec<Warning>,
    mut take: impl FnMut(Project),
) -> (ListMeta, Vec<Rejection>) {
    let titles: Vec<String> = [&meta.title, &meta.publisher].into_iter().flatten().chain(&meta.titles).cloned().collect();
    let table_titles = meta.titles.clone();
    let mut meta = list_meta(meta, warnings);
    // A spreadsheet's title and `填报单位：…` rows are the list's title and publisher when it
    // declares none (a JSON list's own `title` wins).
    if meta.title.is_none() {
        meta.title = table_titles.iter().find_map(|t| list_title(t));
    }
    if meta.publisher.is_none() {
        meta.publisher = table_titles.iter().find_map(|t| list_publisher(t));
    }
    let mut ctx = Context {
        meta: &meta,
        gazetteer: Gazetteer::global(),
        places: FxMap::default(),
        seen_ids: FxMap::default(),
        areas: Vec::new(),
        title_area: None,
        county_area: None,
        warnings,
    };
    ctx.title_area = titles.iter().find_map(|t| ctx.place_in_title(t).map(|id| (id, t.clone())));
    ctx.areas = ctx.dominant_areas(&rows);
    if let (true, Some((area, _))) = (ctx.areas.is_empty(), &ctx.title_area) {
        // No place in the rows says where the list is: its title does (a county's own list).
        let g = ctx.gazetteer;
        ctx.areas = [Some(*area), g.city_of(*area), Some(g.province_of(*area))].into_iter().flatten().collect();
        ctx.areas.dedup();
    }
    let mut rejected = Vec::new();
    rows.take(&mut |mut raw| match ctx.project(&mut raw) {
        Ok(p) => take(p),
        Err(r) => rejected.push(r),
    });
    drop(ctx);
    (meta, rejected)
}

/// Words a list's title holds (`2026年XX市重点招商引资项目清单`, `Investment Opportunities 2026`).
const TITLE_WORDS: [&str; 12] =
    ["清单", "项目表", "汇总表", "一览表", "推介表", "项目库", "名录", "招商项目", "機遇", "opportunit", "projects", "project list"];

/// A row above a table's header read as the list's title: one that names a list, not a label
/// (`填报单位：…`), an attachment number (`附件2`) or a unit (`单位：万元`).
fn list_title(text: &str) -> Option<String> {
    let t = one_line(text.split_whitespace().collect::<Vec<_>>().join(" "));
    let folded = fold(&t);
    let names_a_list = TITLE_WORDS.iter().any(|w| folded.contains(&fold(w)));
    (names_a_list && !t.contains(['：', ':']) && (4..=80).contains(&t.chars().count())).then_some(t)
}

/// The organisation a `填报单位：XX市商务局（盖章）` row names, without the seal note.
fn list_publisher(text: &str) -> Option<String> {
    let t = text.trim();
    let (label, rest) = t.split_once(['：', ':'])?;
    // `填报单位（盖章）：…`
    let label = label.split(['（', '(']).next().unwrap_or(label);
    if !["填报单位", "报送单位", "发布单位", "编制单位", "单位名称", "publisher"].contains(&fold(label.trim()).as_str())
    {
        return None;
    }
    // `XX市商务局（盖章） 填报时间：2026年3月`: the organisation ends at the next label or space.
    let org = rest.split_whitespace().next().unwrap_or("");
    let org = org.split(['（', '(']).next().unwrap_or("").trim();
    (org.chars().count() >= 2 && org.chars().count() <= 40).then(|| org.to_string())
}

/// The list's own settings, normalised; the compact reader reads its settings through this too.
pub(crate) fn list_meta(meta: JsonMeta, warnings: &mut Vec<Warning>) -> ListMeta {
    let mut fx = Fx::default();
    for (code, value) in &meta.fx {
        match (Currency::from_code(code), value.as_f64()) {
            (Some(c), Some(rate)) if rate.is_finite() && rate > 0.0 => fx = fx.with(c, rate),
            _ => warnings.push(Warning::new(None, None, &format!("fx.{code} = {value}"), WarningKind::ListSetting)),
        }
    }
    let currency = match meta.currency.as_deref() {
        None => Currency::Cny,
        Some(code) => Currency::from_code(code).unwrap_or_else(|| {
            warnings.push(Warning::new(None, None, &format!("currency = {code}"), WarningKind::ListSetting));
            Currency::Cny
        }),
    };
    // Texts as every cell is read: trimmed, blank means absent.
    let text = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    ListMeta {
        title: text(meta.title),
        publisher: text(meta.publisher),
        updated: meta.updated.as_deref().and_then(parse_date),
        currency,
        fx,
        notice: text(meta.notice),
    }
}

struct Context<'a> {
    meta: &'a ListMeta,
    gazetteer: &'static Gazetteer,
    /// Places repeat across a list: resolve each distinct text once.
    places: FxMap<String, PlaceResolution>,
    seen_ids: FxMap<String, usize>,
    /// The city, then the province, that most of the list's places are in: where a place that is
    /// not clear alone (`东部新区`, `朝阳区`) is looked for.
    areas: Vec<RegionId>,
    /// The place the list's title names (`雅安市荥经县2026年度招商引资项目清单` → 荥经县), with that
    /// title: where a project without a place is, in a list that names its area once.
    title_area: Option<(RegionId, String)>,
    /// The county most of the list's places are in (a county's own list): where a town or village
    /// the gazetteer does not list is placed, rather than the city.
    county_area: Option<RegionId>,
    warnings: &'a mut Vec<Warning>,
}

/// An amount cell's text outside brackets, and what the brackets held (`60000（一期20000）` →
/// `60000`, `一期20000`), when it has a bracketed part and text outside it.
///
/// ```text
/// "60000（一期20000）"  → ("60000", "一期20000")
/// "5亿元(其中引资3亿)"  → ("5亿元", "其中引资3亿")
/// "总投资5亿元，其中拟引资3亿元" → ("总投资5亿元", "其中拟引资3亿元")
/// "（待定）"            → None
/// ```
fn outside_brackets(text: &str) -> Option<(String, String)> {
    // `总投资5亿元，其中拟引资3亿元`: a clause after 其中 is a note as a bracket is.
    for sep in ["，其中", ",其中", "；其中", ";其中", "。其中", "， 其中", ", 其中"] {
        if let Some((main, aside)) = text.split_once(sep) {
            let aside = format!("其中{}", aside.trim());
            return (!main.trim().is_empty()).then(|| (main.trim().to_string(), aside));
        }
    }
    let (mut main, mut aside, mut depth) = (String::new(), Vec::<String>::new(), 0usize);
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => {
                if depth == 0 {
                    aside.push(String::new());
                }
                depth += 1;
            }
            ')' | '）' | ']' | '】' if depth > 0 => depth -= 1,
            c if depth > 0 => aside.last_mut().map_or((), |a| a.push(c)),
            c => main.push(c),
        }
    }
    let aside: Vec<String> = aside.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    (depth == 0 && !main.trim().is_empty() && !aside.is_empty()).then(|| (main.trim().to_string(), aside.join("；")))
}

/// What separates the items of a list cell (`合资、合作`, `PPP/BOT`, full-width `／` `｜` too).
pub(crate) const LIST_SEPARATORS: &str = "、,，;；/|／｜";

/// Splits a list cell on [`LIST_SEPARATORS`] and line breaks (and spaces, for tags). A JSON array is a list
/// already: its items are kept whole (`<img src=x>` or `TCP/IP` stays one tag).
fn split_list(cell: &Cell, on_spaces: bool) -> Vec<String> {
    let parts: Vec<String> = match cell {
        Cell::List(items) => return items.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        other => vec![other.as_text()],
    };
    parts
        .iter()
        .flat_map(|p| p.split(|c: char| LIST_SEPARATORS.contains(c) || c == '\n' || c == '\r' || (on_spaces && c.is_whitespace())))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits cooperation modes; spaces separate them only when every piece is Chinese or an acronym
/// (`PPP 合资`), so `joint venture` stays one mode; known modes written together are split too
/// (`独资或合资`, see [`crate::terms::split_joined_modes`]).
pub(crate) fn split_modes(cell: &Cell) -> Vec<String> {
    let parts = split_list(cell, false);
    let chinese_or_acronym = |w: &str| w.chars().all(|c| crate::fold::is_cjk(c) || c.is_ascii_uppercase() || c.is_ascii_digit());
    parts
        .into_iter()
        .flat_map(|p| {
            let words: Vec<String> = p.split_whitespace().map(str::to_string).collect();
            if words.len() > 1 && words.iter().all(|w| chinese_or_acronym(w)) {
                words
            } else {
                vec![p]
            }
        })
        // `独资或合资`, `合资合作`, `PPP模式`: the known modes the piece is made of.
        .flat_map(|p| match crate::terms::split_joined_modes(&p) {
            Some(modes) => modes.into_iter().map(str::to_string).collect(),
            None => vec![p],
        })
        .collect()
}

fn non_blank(cell: Option<&Cell>) -> Option<String> {
    cell.map(Cell::as_text).filter(|s| !s.is_empty())
}

/// A project's name as a list gives it: on one line ([`one_line`]), without an item number an
/// official typed before it (`1、`, `2.`, `（3）`, `一、`: the list's numbering, not the name's). A number that is part of the name stays (`2.5万吨锂盐项目`, `5G基站`, `1号线`), and so
/// does a name that is only a number or begins with a second one (`1、2期项目`), so that reading a
/// name twice gives the same name.
///
/// ```text
/// "1、汉源县花椒精深加工项目" → "汉源县花椒精深加工项目"
/// "（3）荥经县砂器文创园"     → "荥经县砂器文创园"
/// "2.5万吨锂盐项目"           → "2.5万吨锂盐项目"
/// ```
pub(crate) fn project_name(text: String) -> String {
    let text = one_line(text);
    match strip_item_number(&text) {
        Some(rest) if strip_item_number(rest).is_none() && rest.chars().next().is_some_and(|c| c.is_alphabetic()) => rest.to_string(),
        _ => text,
    }
}

/// The text after a leading item number (`1、`, `12.`, `3)`, `（4）`, `(5)`, `一、`, `十二、`), if any.
fn strip_item_number(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let is_digit = |c: char| c.is_ascii_digit();
    let is_cjk_numeral = |c: char| "一二三四五六七八九十".contains(c);
    // `（3）`, `(3)`
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let digits = inner.trim_start_matches(|c: char| is_digit(c) || is_cjk_numeral(c));
        if digits.len() < inner.len() {
            if let Some(rest) = digits.strip_prefix(['）', ')']) {
                return Some(rest.trim_start());
            }
        }
        return None;
    }
    let after_digits = t.trim_start_matches(is_digit);
    let after = if after_digits.len() < t.len() && t.len() - after_digits.len() <= 3 {
        after_digits
    } else {
        let after_cjk = t.trim_start_matches(is_cjk_numeral);
        if after_cjk.len() == t.len() || t.len() - after_cjk.len() > 6 {
            return None;
        }
        // `一、` but not `一带一路`: only with the comma after a Chinese numeral.
        return after_cjk.strip_prefix('、').map(str::trim_start);
    };
    // `2.5万吨`: a point followed by a digit is a decimal point.
    let rest = after.strip_prefix(['、', '.', '．', ')', '）'])?;
    if rest.starts_with(is_digit) {
        return None;
    }
    Some(rest.trim_start())
}

/// A name's text on one line. A line break typed inside a spreadsheet cell (Alt+Enter, to wrap a
/// long project name) is no part of the name: the lines join without a space, except between two
/// words in Latin letters or digits (`Phase` / `II`), where one space separates them.
///
/// ```text
/// "遵义经开区新能源电池\n正极材料项目" → "遵义经开区新能源电池正极材料项目"
/// "Cold-chain logistics park\r\nPhase II" → "Cold-chain logistics park Phase II"
/// ```
pub(crate) fn one_line(text: String) -> String {
    if !text.contains(['\n', '\r']) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()) {
        let latin_words = out.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
            && line.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if latin_words {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// [`non_blank`] of a field's cell, its text moved out of the row when it is already as `as_text`
/// would make it (no spaces around it): the fields a project keeps as they are read last, once,
/// without a copy each (a national list's descriptions and contacts).
fn take_non_blank(raw: &mut RawRow, field: Field) -> Option<String> {
    let cell = raw.get_mut(field)?;
    let text = match cell {
        Cell::Text(t) if !t.is_empty() && t.trim().len() == t.len() => Some(std::mem::take(t).into_string()),
        cell => non_blank(Some(cell)),
    };
    text.filter(|t| !says_nothing(t))
}

/// What officials put in a text cell for "nothing here" (`—`, `/`, `无`, `暂无`, `N/A`): the field is
/// left out rather than shown as a contact named "—".
///
/// ```text
/// "—" "／" "……" "无" "暂无" "N/A" → nothing;  "无锡" "-5%" "张三" → text
/// ```
fn says_nothing(text: &str) -> bool {
    let t = text.trim();
    t.chars().all(|c| "-—–/／\\…. ·、_＿".contains(c))
        || ["无", "暂无", "无。", "不详", "n/a", "na", "none", "null", "nil"].contains(&fold(t).as_str())
}

/// Reads a number, ignoring a unit word after it (`800亩`, `12.5%`, `6年`, `3000人`).
fn parse_number(text: &str) -> Option<f64> {
    let f = fold(text).replace(',', "");
    let f = f.trim();
    let end = f.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).unwrap_or(f.len());
    let (num, rest) = f.split_at(end);
    let rest = rest.trim();
    const UNITS: [&str; 16] =
        ["亩", "%", "年", "人", "个", "名", "mu", "years", "year", "yrs", "jobs", "people", "pct", "percent", "个月", ""];
    if !UNITS.contains(&rest) {
        return None;
    }
    let v: f64 = num.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Reads a date as `YYYY-MM-DD` from `2022-09-30`, `2022/9/30`, `2022.09.30`, `2022年9月30日`,
/// `2022-09` (first of the month) or `20220930`.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    let f = fold(text);
    let f = f.trim();
    let digits_only: String = f.chars().filter(|c| c.is_ascii_digit()).collect();
    let parts: Vec<u32> = if f.chars().all(|c| c.is_ascii_digit()) && f.len() == 8 {
        vec![digits_only[..4].parse().ok()?, digits_only[4..6].parse().ok()?, digits_only[6..].parse().ok()?]
    } else {
        let cleaned: String = f.chars().take_while(|c| !c.is_whitespace() && *c != 't').collect();
        cleaned.split(['-', '/', '.', '年', '月', '日']).filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect::<Option<Vec<u32>>>()?
    };
    let (y, m, d) = match parts[..] {
        [y, m, d] => (y, m, d),
        [y, m] => (y, m, 1),
        _ => return None,
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

impl Context<'_> {
    fn warn(&mut self, raw: &RawRow, field: Field, value: &str, kind: WarningKind) {
        let mut w = Warning::new(Some(raw.row), Some(field), value, kind);
        w.sheet = raw.sheet.clone();
        self.warnings.push(w);
    }

    fn reject(raw: &RawRow, id: &Option<String>, field: Field, reason: RejectReason) -> Rejection {
        let value = raw.get(field).map(Cell::as_text).unwrap_or_default();
        Rejection { row: raw.row, sheet: raw.sheet.clone(), id: id.clone(), field, value: excerpt(&value), reason }
    }

    /// The city and the province that more than half of the list's resolved places are in (a list
    /// of two places or more).
    fn dominant_areas(&mut self, rows: &Rows) -> Vec<RegionId> {
        let mut cities: FxMap<RegionId, usize> = FxMap::default();
        let mut provinces: FxMap<RegionId, usize> = FxMap::default();
        let mut counties: FxMap<RegionId, usize> = FxMap::default();
        let mut resolved = 0usize;
        rows.each_place(&mut |raw| {
            let Some(text) = non_blank(raw.get(Field::Region)) else { return };
            let Some(id) = self.place(&text).region else { return };
            resolved += 1;
            if let Some(c) = self.gazetteer.city_of(id) {
                *cities.entry(c).or_default() += 1;
            }
            *provinces.entry(self.gazetteer.province_of(id)).or_default() += 1;
            if self.gazetteer.region(id).level == crate::gazetteer::Level::County {
                *counties.entry(id).or_default() += 1;
            }
        });
        self.county_area = counties
            .into_iter()
            .max_by_key(|(id, n)| (*n, std::cmp::Reverse(id.0)))
            .filter(|(_, n)| resolved >= 2 && n * 2 > resolved)
            .map(|(id, _)| id);
        let mut areas = Vec::new();
        for tally in [cities, provinces] {
            if let Some((id, n)) = tally.into_iter().max_by_key(|(id, n)| (*n, std::cmp::Reverse(id.0))) {
                if resolved >= 2 && n * 2 > resolved {
                    areas.push(id);
                }
            }
        }
        areas
    }

    /// A place that is not clear alone, read within the list's main city or province: one of an
    /// ambiguous name's candidates, or the text after the area's name (`东部新区` → `成都市东部新区`).
    fn place_in_list_area(&mut self, text: &str, alone: &PlaceResolution) -> Option<PlaceResolution> {
        for area in self.areas.clone() {
            let g = self.gazetteer;
            for note in &alone.notes {
                if let PlaceNote::Ambiguous { candidates, .. } = note {
                    let inside: Vec<RegionId> = candidates.iter().copied().filter(|c| g.is_within(*c, area)).collect();
                    if let [one] = inside[..] {
                        return Some(PlaceResolution { region: Some(one), park: alone.park.clone(), notes: Vec::new() });
                    }
                }
            }
            // `成都市东部新区`, and `成都东部新区` (zones are named after the city's short form).
            for prefix in [g.region(area).name.clone(), g.region(area).short.clone()] {
                let within = self.place(&format!("{prefix}{text}"));
                if let Some(id) = within.region.filter(|id| *id != area && g.is_within(*id, area)) {
                    let notes = within.notes.into_iter().filter(|n| matches!(n, PlaceNote::RestKeptAsPark { .. })).collect();
                    return Some(PlaceResolution { region: Some(id), park: within.park, notes });
                }
            }
        }
        None
    }

    /// The place a project's name begins with (`高坪区丝绸文创产业园项目`), for a row whose place cell
    /// is blank or was filled from the row above: only a county-level place or deeper, unambiguous, inside the city or province most
    /// of the list is in — a clerk's reading, never a guess from a word inside the name.
    fn place_from_name(&mut self, name: &str) -> Option<RegionId> {
        let areas = self.areas.clone();
        let g = self.gazetteer;
        let p = self.place(name);
        let region = p.region?;
        let clear = !p.notes.iter().any(|n| matches!(n, PlaceNote::Ambiguous { .. }));
        let below_city = g.city_of(region).is_some_and(|c| c != region);
        (clear && below_city && areas.iter().any(|a| g.is_within(region, *a))).then_some(region)
    }

    /// The place a list's title or publisher begins with (`2026年株洲市重点招商引资项目` → 株洲市,
    /// `填报单位：荥经县商务局（盖章）` → 荥经县): a clear place, never one of several of the same name,
    /// and only at the start (a row above the header that holds data names no area).
    fn place_in_title(&mut self, title: &str) -> Option<RegionId> {
        let p = self.place(super::table::title_place_text(title)?);
        let clear = !p.notes.iter().any(|n| matches!(n, PlaceNote::Ambiguous { .. }));
        p.region.filter(|_| clear)
    }

    /// [`Self::amount`], and for an amount that reads only without a note in brackets
    /// (`60000（一期20000）`, `5亿（其中引资3亿）`), that amount with the note set aside (to be said).
    fn amount_with_aside(&self, raw: &RawRow, field: Field) -> Result<(Option<Amount>, Option<String>), crate::money::MoneyError> {
        match self.amount(raw, field) {
            Err(error) => {
                let Some(Cell::Text(text)) = raw.get(field) else { return Err(error) };
                let unit = self.column_unit(raw, field);
                let read = |t: &str| parse_money_with_unit(t, &self.meta.fx, unit);
                // `（待定）`, `(3亿)`: the whole cell in brackets is the amount.
                let t = text.trim();
                let whole = t.strip_prefix(['(', '（', '[', '【']).and_then(|r| r.strip_suffix([')', '）', ']', '】']));
                if let Some(inner) = whole.filter(|inner| !inner.contains(['(', '（', ')', '）', '[', ']', '【', '】'])) {
                    return read(inner).map(|a| (a, None)).map_err(|_| error);
                }
                let Some((main, aside)) = outside_brackets(text) else { return Err(error) };
                // `30（亿元）`: the brackets hold the figure's unit, not a note.
                if MoneyUnit::parse(&aside).is_some() {
                    return read(&format!("{main}{aside}")).map(|a| (a, None)).map_err(|_| error);
                }
                match read(&main) {
                    Ok(Some(a)) => Ok((Some(a), Some(aside))),
                    _ => Err(error),
                }
            }
            Ok(a) => Ok((a, None)),
        }
    }

    /// The amount sought that a note beside the total names (`其中拟引资3亿元`, `拟引资5000万元`):
    /// the note's figure after a word of seeking, in the total's unit when it has none of its own.
    fn sought_in_note(&self, raw: &RawRow, note: &str) -> Option<Amount> {
        const SEEKING: [&str; 8] = ["拟引资", "引资", "拟招商", "招商", "拟融资", "融资", "拟引进", "引进资金"];
        let folded = fold(note);
        let at = SEEKING.iter().filter_map(|w| folded.find(w).map(|i| i + w.len())).min()?;
        let figure = folded[at..].trim_start_matches(['：', ':', '额', '金', '为', ' ']);
        let unit = self.column_unit(raw, Field::Investment);
        parse_money_with_unit(figure, &self.meta.fx, unit).ok().flatten().filter(|a| a.max > 0)
    }

    /// The unit bare figures of the row's amount `field` count in: a column in 万美元 says its
    /// currency; bare yuan figures take the list's.
    fn column_unit(&self, raw: &RawRow, field: Field) -> MoneyUnit {
        let unit = raw.unit(field);
        let currency = if unit.currency == Currency::Cny && unit.scale == 1.0 { self.meta.currency } else { unit.currency };
        MoneyUnit { scale: unit.scale, currency }
    }

    fn amount(&self, raw: &RawRow, field: Field) -> Result<Option<Amount>, crate::money::MoneyError> {
        let MoneyUnit { scale, currency } = self.column_unit(raw, field);
        let rate = self.meta.fx.rate(currency);
        match raw.get(field) {
            None => Ok(None),
            Some(Cell::Number(n)) => {
                let n = n.get();
                if !n.is_finite() {
                    return Err(crate::money::MoneyError::NotUnderstood);
                }
                if n < 0.0 {
                    return Err(crate::money::MoneyError::Negative);
                }
                let yuan = n * scale * rate;
                if yuan > 1e15 {
                    return Err(crate::money::MoneyError::TooLarge);
                }
                let mut a = Amount::yuan(yuan.round() as u64);
                a.currency = currency;
                Ok(Some(a))
            }
            Some(cell) => parse_money_with_unit(&cell.as_text(), &self.meta.fx, MoneyUnit { scale, currency }),
        }
    }

    fn place(&mut self, text: &str) -> PlaceResolution {
        if let Some(p) = self.places.get(text) {
            return p.clone();
        }
        let p = self.gazetteer.resolve_place(text);
        self.places.insert(text.to_string(), p.clone());
        p
    }

    fn project(&mut self, raw: &mut RawRow) -> Result<Project, Rejection> {
        let row = raw.row;
        let id_given = non_blank(raw.get(Field::Id));
        let name = non_blank(raw.get(Field::Name))
            .map(project_name)
            .ok_or_else(|| Self::reject(raw, &id_given, Field::Name, RejectReason::MissingName))?;

        // A list whose only place column is the park (`所在园区`: `宜宾三江新区`, `两江新区`): a park
        // the gazetteer places clearly is where the project is (the park stays as written).
        let park_as_place = || non_blank(raw.get(Field::Park)).filter(|park| self.place(park).names_one_place());
        let (region_text, from_name) = match non_blank(raw.get(Field::Region)).or_else(park_as_place) {
            Some(text) => (text, None),
            None => match self.place_from_name(&name) {
                Some(id) => (self.gazetteer.display_path(id, Lang::ZhHans), Some(id)),
                // A workbook of a sheet per city: the place the row's sheet names.
                None => match raw.place_hint.clone().and_then(|hint| self.place_in_title(&hint).map(|area| (area, hint))) {
                    Some((area, hint)) => {
                        self.warn(raw, Field::Region, &hint, WarningKind::PlaceFromSheet { chosen: area });
                        (self.gazetteer.display_path(area, Lang::ZhHans), None)
                    }
                    None => match self.title_area.clone() {
                        Some((area, title)) => {
                            self.warn(raw, Field::Region, &title, WarningKind::PlaceFromTitle { chosen: area });
                            (self.gazetteer.display_path(area, Lang::ZhHans), None)
                        }
                        None => return Err(Self::reject(raw, &id_given, Field::Region, RejectReason::MissingRegion)),
                    },
                },
            },
        };
        let mut place = self.place(&region_text);
        let (mut region_text, mut from_name) = (region_text, from_name);
        // A place filled from the row above (a CSV's merged block) gives way to a name that
        // begins with another district of the list's area (`高坪区…项目` under `嘉陵区`).
        if raw.place_filled {
            if let (Some(filled), Some(named)) = (place.region, self.place_from_name(&name)) {
                if named != filled && !self.gazetteer.is_within(named, filled) {
                    region_text = self.gazetteer.display_path(named, Lang::ZhHans);
                    place = self.place(&region_text);
                    from_name = Some(named);
                }
            }
        }
        let mut from_list = false;
        let unclear = place.region.is_none() || place.notes.iter().any(|n| matches!(n, PlaceNote::Ambiguous { .. }));
        if unclear {
            if let Some(p) = self.place_in_list_area(&region_text, &place) {
                place = p;
                from_list = true;
            }
        }
        // `南山镇`, `青石村`, `高新区`: a town, township, street, village or park the gazetteer does not
        // list, in a list whose places are mostly in one city or county: placed there, its text kept
        // as the park, and said. In a province's list such a name stays a rejection (which city is it in?).
        let mut unlisted_in_list = false;
        if place.region.is_none()
            && !place.notes.iter().any(|n| matches!(n, PlaceNote::Ambiguous { .. }))
            && below_what_the_gazetteer_lists(&region_text)
        {
            let g = self.gazetteer;
            let main = self.areas.first().copied().filter(|a| g.region(*a).level != crate::gazetteer::Level::Province);
            // The deepest area the list says it is in: its main county, or the county its title
            // names inside its main city, or its main city.
            let title = self.title_area.as_ref().map(|(id, _)| *id);
            let deeper = self.county_area.or(title).filter(|c| main.is_some_and(|m| *c != m && g.is_within(*c, m)));
            if let Some(area) = deeper.or(main) {
                place = PlaceResolution { region: Some(area), park: Some(region_text.trim().to_string()), notes: Vec::new() };
                unlisted_in_list = true;
            }
        }
        // `绵阳市高新区`: a city, then the rest, which is the zone named after the city's short form.
        if let (Some(city), Some(rest)) = (place.region, &place.park) {
            if self.gazetteer.region(city).level == crate::gazetteer::Level::City {
                let zone = self.place(&format!("{}{rest}", self.gazetteer.region(city).short));
                if zone.park.is_none() && zone.region.is_some_and(|z| z != city && self.gazetteer.is_within(z, city)) {
                    place = zone;
                }
            }
        }
        // `四川绵阳 Mianyang Sichuan`: a bilingual cell whose English rest names the same place (or
        // one around it) is no park.
        if let Some(read) = place.region {
            let english_again =
                |rest: &str, ctx: &mut Self| rest.is_ascii() && ctx.place(rest).region.is_some_and(|r| ctx.gazetteer.is_within(read, r));
            let rests: Vec<String> = place
                .notes
                .iter()
                .filter_map(|n| match n {
                    PlaceNote::RestKeptAsPark { rest } => Some(rest.clone()),
                    _ => None,
                })
                .collect();
            for rest in rests {
                if english_again(&rest, self) {
                    place.notes.retain(|n| !matches!(n, PlaceNote::RestKeptAsPark { rest: r } if *r == rest));
                    if place.park.as_deref() == Some(rest.as_str()) {
                        place.park = None;
                    }
                }
            }
        }
        let Some(region) = place.region else {
            let reason = place
                .notes
                .iter()
                .find_map(|n| match n {
                    PlaceNote::Ambiguous { candidates, .. } => Some(RejectReason::AmbiguousRegion {
                        candidates: candidates.iter().map(|c| self.gazetteer.display_path(*c, Lang::ZhHans)).collect(),
                    }),
                    _ => None,
                })
                .unwrap_or(RejectReason::UnknownRegion);
            return Err(Self::reject(raw, &id_given, Field::Region, reason));
        };

        let (investment, investment_aside) = self
            .amount_with_aside(raw, Field::Investment)
            .map_err(|error| Self::reject(raw, &id_given, Field::Investment, RejectReason::UnreadableAmount { error }))?;
        let (mut seeking, seeking_aside) = self
            .amount_with_aside(raw, Field::Seeking)
            .map_err(|error| Self::reject(raw, &id_given, Field::Seeking, RejectReason::UnreadableAmount { error }))?;
        // `5亿元（其中引资3亿元）` with no amount sought of its own: the note names it.
        let mut investment_aside = investment_aside;
        let mut seeking_from_note = None;
        if let Some(aside) = investment_aside.as_deref().filter(|_| seeking.is_none() && raw.get(Field::Seeking).is_none_or(Cell::is_blank))
        {
            if let Some(sought) = self.sought_in_note(raw, aside) {
                seeking = Some(sought);
                seeking_from_note = investment_aside.take();
            }
        }

        let mut id = id_given.clone().or_else(|| raw.default_id.clone()).unwrap_or_else(|| format!("row-{row}"));
        // A sequence number started again on another sheet (`1, 2, 3` on each city's sheet) is no
        // duplicate: the sheet's name goes before it (`德阳市-1`).
        if let (true, Some(sheet), true) = (raw.id_is_sequence, &raw.sheet, self.seen_ids.contains_key(&id)) {
            let with_sheet = format!("{}-{id}", sheet.trim());
            if !self.seen_ids.contains_key(&with_sheet) {
                id = with_sheet;
            }
        }
        if let Some(first_row) = self.seen_ids.get(&id) {
            return Err(Self::reject(raw, &id_given, Field::Id, RejectReason::DuplicateId { first_row: *first_row }));
        }
        self.seen_ids.insert(id.clone(), row);

        // A place read with a park left over, far from where the rest of the list is, in a text
        // that names neither the city nor the province it was read in (`西安高新区` names 西安, and
        // is read right): perhaps not the place it looks like.
        let g = self.gazetteer;
        let mut region = region;
        let outside = !self.areas.is_empty() && !self.areas.iter().any(|a| g.is_within(region, *a));
        let names_its_parents = || {
            let folded = fold(&region_text);
            [g.city_of(region), Some(g.province_of(region))]
                .into_iter()
                .flatten()
                .filter(|p| *p != region)
                .any(|p| folded.contains(&fold(&g.region(p).short)) || folded.contains(&fold(&g.region(p).name)))
        };
        let deeper_than_city = g.city_of(region).is_some_and(|c| c != region);
        let left_over = place.notes.iter().find_map(|n| match n {
            PlaceNote::RestKeptAsPark { rest } => Some(rest.clone()),
            _ => None,
        });
        let mut placed_in_list: Option<RegionId> = None;
        let mut far_away: Option<RegionId> = None;
        if let Some(rest) = left_over.filter(|_| outside && deeper_than_city && !names_its_parents()) {
            let short = fold(&g.region(region).short);
            let folded_rest = fold(&rest);
            let areas = self.areas.clone();
            let in_list = |id: RegionId| areas.iter().any(|a| g.is_within(id, *a));
            // `绥阳市涪城区` in a Sichuan list: the rest is a place of the list's area (a county
            // written with another's name before it).
            let rest_place = self.place(&rest);
            let rest_clear = !rest_place.notes.iter().any(|n| matches!(n, PlaceNote::Ambiguous { .. }));
            if let Some(id) = rest_place.region.filter(|id| rest_clear && rest_place.park.is_none() && in_list(*id)) {
                placed_in_list = Some(region);
                region = id;
                place.notes.clear();
                place.park = None;
            } else if folded_rest
                .strip_prefix(short.as_str())
                .is_some_and(|kind| !short.is_empty() && crate::gazetteer::is_bare_area_kind(kind))
            {
                // `南湖新区` in 岳阳's list: a zone named like a district far away (嘉兴's 南湖区)
                // by its short form, one the gazetteer does not know: a park of the list's area.
                placed_in_list = Some(region);
                region = self.areas[0];
                place.notes.clear();
                place.park = Some(rest);
            } else {
                far_away = Some(region);
            }
        }

        // From here on nothing rejects: problems are warnings.
        for (field, aside) in [(Field::Investment, investment_aside), (Field::Seeking, seeking_aside)] {
            if let Some(aside) = aside {
                let text = raw.get(field).map(Cell::as_text).unwrap_or_default();
                self.warn(raw, field, &text, WarningKind::AmountAsideIgnored { aside });
            }
        }
        if let Some(aside) = seeking_from_note {
            let text = raw.get(Field::Investment).map(Cell::as_text).unwrap_or_default();
            self.warn(raw, Field::Seeking, &text, WarningKind::SeekingFromNote { aside });
        }
        let mut park = non_blank(raw.get(Field::Park)).map(one_line);
        if (placed_in_list.is_some() || unlisted_in_list) && park.is_none() {
            park = place.park.clone();
        }
        for note in &place.notes {
            if let PlaceNote::RestKeptAsPark { rest } = note {
                if park.is_none() {
                    park = Some(rest.clone());
                }
            }
            self.warn(raw, Field::Region, &region_text, WarningKind::PlaceNote { note: note.clone() });
        }
        if from_list {
            self.warn(raw, Field::Region, &region_text, WarningKind::PlaceFromList { chosen: region });
        }
        if unlisted_in_list {
            self.warn(raw, Field::Region, &region_text, WarningKind::UnlistedPlaceInListArea { placed: region });
        }
        if let Some(chosen) = from_name {
            self.warn(raw, Field::Region, &name, WarningKind::PlaceFromName { chosen });
        }
        if let Some(read_as) = placed_in_list {
            self.warn(raw, Field::Region, &region_text, WarningKind::PlaceKeptInList { read_as, placed: region });
        }
        if let Some(read_as) = far_away {
            let list_area = self.areas[0];
            self.warn(raw, Field::Region, &region_text, WarningKind::PlaceOutsideList { read_as, list_area });
        }
        if let (Some(s), Some(i)) = (&seeking, &investment) {
            if s.min > i.max {
                self.warn(raw, Field::Seeking, &format_amount(s, Lang::ZhHans), WarningKind::SeekingAboveInvestment);
            }
        }
        let mut sector = non_blank(raw.get(Field::Sector)).map(one_line).unwrap_or_default();
        // `新建`, `续建` under a `项目类型` read as the sector: how far the project is, not its industry.
        if crate::terms::lookup(&sector).is_some_and(|t| t.kind == crate::terms::TermKind::Stage) {
            let moved = non_blank(raw.get(Field::Stage)).is_none();
            self.warn(raw, Field::Sector, &sector, WarningKind::StageNotSector { moved });
            if moved {
                raw.set(Field::Stage, Cell::Text(std::mem::take(&mut sector).into()));
            }
            sector.clear();
        }
        if sector.is_empty() {
            // A group heading above the row (or its sheet's name) gives it; the reading says so.
            match &raw.sector_hint {
                Some(hint) => sector = hint.clone(),
                None => self.warn(raw, Field::Sector, "", WarningKind::MissingSector),
            }
        }

        let number = |field: Field, this: &mut Self| -> Option<f64> {
            let text = non_blank(raw.get(field))?;
            let v = match raw.get(field) {
                Some(Cell::Number(n)) if n.get().is_finite() => Some(n.get()),
                _ => parse_number(&text),
            };
            if v.is_none() {
                this.warn(raw, field, &text, WarningKind::ValueDropped);
            }
            v
        };
        let land_mu = number(Field::LandMu, self).and_then(keep::land_mu);
        let irr_pct = number(Field::IrrPct, self).and_then(keep::irr_pct);
        let payback_years = number(Field::PaybackYears, self).and_then(keep::payback_years);
        let jobs = number(Field::Jobs, self).and_then(|v| keep::jobs(v.round()).then(|| v.round() as u64));
        let priority = number(Field::Priority, self).map(|p| {
            if !(0.0..=100.0).contains(&p) {
                self.warn(raw, Field::Priority, &p.to_string(), WarningKind::PriorityClamped);
            }
            p.clamp(0.0, 100.0).round() as u8
        });
        let annual_output = match self.amount(raw, Field::AnnualOutput) {
            Ok(a) => a,
            Err(_) => {
                let text = non_blank(raw.get(Field::AnnualOutput)).unwrap_or_default();
                self.warn(raw, Field::AnnualOutput, &text, WarningKind::ValueDropped);
                None
            }
        };
        let updated = non_blank(raw.get(Field::Updated)).and_then(|t| {
            // A spreadsheet's date whose cell lost its date format is its serial (`46100`).
            let serial = match raw.get(Field::Updated) {
                Some(Cell::Number(n)) => crate::date::from_spreadsheet_serial(n.get()),
                _ => None,
            };
            let d = serial.or_else(|| parse_date(&t));
            if d.is_none() {
                self.warn(raw, Field::Updated, &t, WarningKind::ValueDropped);
            }
            d
        });
        let url = non_blank(raw.get(Field::Url)).and_then(|u| {
            let safe = safe_url(&u);
            if safe.is_none() {
                self.warn(raw, Field::Url, &u, WarningKind::UrlDropped);
            }
            safe
        });

        Ok(Project {
            id,
            name,
            name_en: take_non_blank(raw, Field::NameEn).map(one_line),
            sector,
            tags: raw.get(Field::Tags).map(|c| split_list(c, true)).unwrap_or_default(),
            region_text,
            region,
            park,
            investment,
            seeking,
            cooperation: raw.get(Field::Cooperation).map(split_modes).unwrap_or_default(),
            stage: take_non_blank(raw, Field::Stage),
            land_mu,
            description: take_non_blank(raw, Field::Description),
            description_en: take_non_blank(raw, Field::DescriptionEn),
            benefits: take_non_blank(raw, Field::Benefits),
            policies: take_non_blank(raw, Field::Policies),
            contact_org: take_non_blank(raw, Field::ContactOrg),
            contact_name: take_non_blank(raw, Field::ContactName),
            contact_phone: take_non_blank(raw, Field::ContactPhone),
            contact_email: take_non_blank(raw, Field::ContactEmail),
            priority,
            irr_pct,
            payback_years,
            jobs,
            annual_output,
            updated,
            url,
            row,
        })
    }
}

/// What a list keeps of each number field; the compact reader applies the same rules, so that a
/// value no reader of text would keep cannot arrive through the binary form either. Figures are
/// kept to hundredths: no list means more (a spreadsheet's 400.00000000007276 is float noise for
/// 400), and a figure with two decimals reads back from JSON text exactly.
pub(crate) mod keep {

    /// `v` to hundredths, when it is a number below `limit` in size.
    fn hundredths(v: f64, limit: f64) -> Option<f64> {
        (v.is_finite() && v.abs() < limit).then(|| (v * 100.0).round() / 100.0)
    }
    /// Land in mu: not negative, below a trillion.
    pub(crate) fn land_mu(v: f64) -> Option<f64> {
        hundredths(v, 1e12).filter(|v| *v >= 0.0)
    }
    /// A rate of return in percent; it may be negative.
    pub(crate) fn irr_pct(v: f64) -> Option<f64> {
        hundredths(v, 1e6)
    }
    /// Years: not negative.
    pub(crate) fn payback_years(v: f64) -> Option<f64> {
        hundredths(v, 1e6).filter(|v| *v >= 0.0)
    }
    /// Jobs, a whole number below a billion (more is a typo, not a project).
    pub(crate) fn jobs(whole: f64) -> bool {
        (0.0..1e9).contains(&whole)
    }
}

/// Keeps an http(s) url, percent-encoding the characters that must never reach an attribute raw
/// (`"`, `'`, `<`, `>`, `` ` ``, spaces); anything else (`javascript:`, `data:`, protocol-relative)
/// is `None`.
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    if !is_http_link(u) {
        return None;
    }
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match ENCODED.iter().find(|(raw, _)| *raw == c) {
            Some((_, code)) => out.push_str(code),
            None => out.push(c),
        }
    }
    Some(out)
}

/// The characters [`safe_url`] percent-encodes, and their codes.
const ENCODED: [(char, &str); 6] = [('"', "%22"), ('\'', "%27"), ('<', "%3C"), ('>', "%3E"), ('`', "%60"), (' ', "%20")];

/// An http(s) scheme with something after it, and no control character.
fn is_http_link(u: &str) -> bool {
    let b = u.as_bytes();
    let scheme = |s: &[u8]| b.len() > s.len() && b[..s.len()].eq_ignore_ascii_case(s);
    (scheme(b"https://") || scheme(b"http://")) && !u.chars().any(char::is_control)
}

/// True when [`safe_url`] would keep `url` exactly as it is (the check a compact list's links
/// must pass), without building the string.
pub(crate) fn is_safe_url(url: &str) -> bool {
    url.trim().len() == url.len() && is_http_link(url) && !url.chars().any(|c| ENCODED.iter().any(|(raw, _)| *raw == c))
}

/// True when a place ends like a town, township, street or village (`南山镇`, `城关街道`, `青石村`,
/// `巴彦苏木`) or a park or zone (`高新区`, `临港工业园区`): what the gazetteer (provinces, cities,
/// counties and the zones it knows) may not list.
fn below_what_the_gazetteer_lists(text: &str) -> bool {
    const ENDINGS: [&str; 9] = ["镇", "乡", "街道", "街道办", "街道办事处", "村", "社区", "苏木", "嘎查"];
    // A place is short; a hostile cell of megabytes is not folded again for this.
    if text.len() > 200 {
        return false;
    }
    let text = fold(text.trim());
    // `某某开发区`, `XX镇`: a template's placeholder, no place.
    if !text.chars().all(crate::fold::is_cjk) || text.contains('某') {
        return false;
    }
    ENDINGS.iter().any(|e| text.strip_suffix(e).is_some_and(|rest| !rest.is_empty())) || crate::gazetteer::ends_with_area_kind(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_url_check_agrees_with_safe_url() {
        for u in [
            "https://example.org/a",
            "HTTP://x.cn/p?q=1",
            " https://a.cn",
            "https://a.cn ",
            "https://",
            "http://a b",
            "https://a.cn/\"x\"",
            "javascript:alert(1)",
            "https://a.cn/\u{7}",
            "https://例子.中国/路径",
            "ftp://x",
            "http:/x",
            "",
        ] {
            assert_eq!(is_safe_url(u), safe_url(u).as_deref() == Some(u), "{u:?}");
        }
    }

    #[test]
    fn only_http_urls_survive_and_they_are_attribute_safe() {
        assert_eq!(safe_url("https://example.org/a").as_deref(), Some("https://example.org/a"));
        assert_eq!(safe_url(" HTTP://example.org/p?q=<b>\"x\"").as_deref(), Some("HTTP://example.org/p?q=%3Cb%3E%22x%22"));
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//example.org", "vbscript:x", "https://", "ftp://x"]
        {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn figures_are_kept_to_hundredths_and_within_reason() {
        assert_eq!(super::keep::land_mu(400.00000000007276), Some(400.0));
        assert_eq!(super::keep::land_mu(0.1 + 0.2), Some(0.3));
        assert_eq!(super::keep::land_mu(-1.0), None);
        assert_eq!(super::keep::irr_pct(-3.456), Some(-3.46));
        assert_eq!(super::keep::payback_years(f64::INFINITY), None);
        let list = crate::list::load_text("项目名称,项目地点,用地面积,内部收益率\n甲,绵阳涪城,150.0000000001,12.345\n", "a.csv").unwrap();
        assert_eq!((list.projects[0].land_mu, list.projects[0].irr_pct), (Some(150.0), Some(12.35)));
    }

    #[test]
    fn dates_in_official_forms() {
        assert_eq!(parse_date("2022-09-30").as_deref(), Some("2022-09-30"));
        assert_eq!(parse_date("2022/9/3").as_deref(), Some("2022-09-03"));
        assert_eq!(parse_date("2022年9月30日").as_deref(), Some("2022-09-30"));
        assert_eq!(parse_date("20220930").as_deref(), Some("2022-09-30"));
        assert_eq!(parse_date("2022-09").as_deref(), Some("2022-09-01"));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(parse_number("800亩"), Some(800.0));
        assert_eq!(parse_number("12.5%"), Some(12.5));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("很多"), None);
    }
}
