//! The table reader: a [`Grid`] (CSV, TSV, a spreadsheet or JSON) as a careful clerk reads it.
//!
//! - **Header**: the row below titles (`附件2`, `2024年XX市重点招商引资项目表`, `填报单位：…（盖章）`,
//!   `金额单位：万元`) whose cells name the most known fields; a second header row under merged
//!   cells (`投资规模` over `总投资` / `拟引资`, `（万元）` under an amount) is joined to it.
//! - **Rows**: group headings (`一、智能网联及新能源汽车（4个）`, `（二）数字经济`, a row with one cell)
//!   give the rows under them a sector hint; totals (`合计`), notes (`注：…`), footers, repeated
//!   headers and empty rows are skipped with a note, never rejected and never a project; a blank
//!   left by a merged cell (a district written once for a block) is filled in place, with a note.
//! - **Units**: a unit in the header, the JSON key, a sub-header, a unit row above the table or a
//!   note under it applies to the bare figures of its amount columns; with no unit anywhere the
//!   figures' magnitudes decide, with a warning that names the column and the assumption.
//! - **Columns**: split places (`市（州）` + `县（市、区）`) are joined; a combined contact cell is split
//!   into name and phone; a `序号` that restarts in each group is a sequence number, not an id.
//!
//! Row numbers are those the spreadsheet shows. What was read, and how, is a [`TableReading`].

use super::fields::{header_unit, normalise_header, ColumnRole, Field, HeaderMatch, PlaceLevel, Vocabulary};
use super::grid::Cell;
use super::grid::{Grid, GridRow, Sheet, SourceKind};
use super::json::{JsonRows, JsonTable, Row};
use super::raw::RawRow;
use super::reading::{
    ColumnReading, FillSource, FilledCells, GroupReading, IgnoredColumn, IgnoredSheet, IgnoredWhy, ReadingChoices, SequenceReading,
    SheetReading, SkipWhy, SkippedRow, TableReading, UnitReading, UnitSource,
};
use super::report::{excerpt, Warning, WarningKind};
use super::LoadError;
use crate::fold::{fold, is_cjk};
use crate::hash::FxMap;
use crate::money::{has_unit_word, parse_money_in, Currency, Fx, MoneyUnit};
use crate::Lang;
use std::borrow::Cow;
use std::sync::OnceLock;

// ---- vocabulary (data/table-words.tsv) -------------------------------------------------------

struct Words {
    total: Vec<String>,
    note: Vec<String>,
    footer: Vec<String>,
    unit_link: Vec<String>,
    contact_label: Vec<String>,
    project_word: Vec<String>,
    generic_sheet: Vec<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words {
            total: vec![],
            note: vec![],
            footer: vec![],
            unit_link: vec![],
            contact_label: vec![],
            project_word: vec![],
            generic_sheet: vec![],
        };
        for line in include_str!("../../data/table-words.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let Some((kind, list)) = line.split_once('\t') else { continue };
            let target = match kind {
                "total" => &mut w.total,
                "note" => &mut w.note,
                "footer" => &mut w.footer,
                "unit-link" => &mut w.unit_link,
                "contact-label" => &mut w.contact_label,
                "project-word" => &mut w.project_word,
                "generic-sheet" => &mut w.generic_sheet,
                _ => continue,
            };
            target.extend(list.split('|').map(squash).filter(|s| !s.is_empty()));
        }
        // Longest first, so `联系电话` is dropped before `电话` and `总合计` is seen before `合计`.
        for list in [&mut w.total, &mut w.note, &mut w.footer, &mut w.unit_link, &mut w.contact_label] {
            crate::sort::sort_by_key(list, |s| std::cmp::Reverse(s.len()));
        }
        w
    })
}

/// Folded, without any whitespace: `合 计` → `合计`.
fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// `word` starts `text`, and what follows is not more of a Chinese word (a bracket, figure, colon
/// or nothing): `合计（12个）` is a total, `总计划投资` is not.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word).is_some_and(|rest| rest.chars().next().is_none_or(|c| !is_cjk(c)))
}

/// The first characters of a cell: what a row's kind is told by (a 10 MB cell is not folded whole).
fn head(text: &str) -> &str {
    match text.char_indices().nth(48) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The last characters of a cell.
fn tail(text: &str) -> &str {
    match text.char_indices().rev().nth(15) {
        Some((i, _)) => &text[i..],
        None => text,
    }
}

fn is_total(text: &str) -> bool {
    if text.chars().nth(30).is_some() {
        return false;
    }
    let t = squash(text);
    t.chars().count() <= 24 && words().total.iter().any(|w| starts_with_word(&t, w))
}

fn is_note(text: &str) -> bool {
    let t = squash(head(text));
    words().note.iter().any(|w| starts_with_word(&t, w))
}

fn is_footer(text: &str) -> bool {
    let t = squash(head(text));
    words().footer.iter().any(|w| t.strip_prefix(w.as_str()).is_some_and(|rest| rest.starts_with(':')))
}

/// True for a cell that says "the same as above" (`同上`, `〃`, `ditto`).
fn is_ditto(cell: &Cell) -> bool {
    let Cell::Text(t) = cell else { return false };
    let t = t.trim().trim_end_matches(['。', '.']);
    t.len() <= 16
        && (["同上", "同上行", "同前", "〃", "仝上"].contains(&t)
            || t.eq_ignore_ascii_case("ditto")
            || t.eq_ignore_ascii_case("same as above"))
}

/// The words of a title that may name its place: its first word after a label (`填报单位：`) and a
/// year (`2026年度`, `二〇二六年`), which name no place; `None` when fewer than two characters are left.
pub(crate) fn title_place_text(title: &str) -> Option<&str> {
    let first = title.split_whitespace().next()?;
    let first = first.split_once(['：', ':']).map_or(first, |(_, rest)| rest);
    let is_number = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c);
    let rest = first.trim_start_matches(is_number).trim_start_matches('年').trim_start_matches('度');
    (rest.chars().count() >= 2).then_some(rest)
}

/// True when a sheet's name or title says where its projects are: it begins with one place, read
/// clearly (`绵阳`, `德阳市`, `2026年雅安市招商引资项目`), not several (`成都 德阳`) or none (`汇总`);
/// when `whole`, nothing follows the place (a sheet's name).
fn names_a_place(text: &str, whole: bool) -> bool {
    let t = text.trim();
    // (`成都 德阳`: a short text of several words names several places.)
    if t.split_whitespace().count() > 1 && t.chars().count() <= 12 {
        return false;
    }
    let Some(rest) = title_place_text(t) else { return false };
    let p = crate::gazetteer::Gazetteer::global().resolve_place(rest);
    p.names_one_place() && (!whole || p.park.is_none())
}

fn is_generic_sheet_name(name: &str) -> bool {
    let t: String = squash(name).chars().filter(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation()).collect();
    t.is_empty()
        || t.ends_with('表')
        || words().generic_sheet.iter().any(|w| t == *w || (w.chars().count() >= 2 && w != "项目" && t.contains(w.as_str())))
}

/// A money unit a text declares: `金额单位：万元`, `注：表中投资额单位为亿元`, `以万元为单位`,
/// `（单位：万元）` in a title, or a cell that is only a unit (`（万元）`); `填报单位：XX（盖章）` declares
/// none (tests below).
pub(crate) fn declared_unit(text: &str) -> Option<MoneyUnit> {
    let t = squash(match text.char_indices().nth(500) {
        Some((i, _)) => &text[..i],
        None => text,
    });
    if t.chars().count() <= 8 {
        if let Some(u) = MoneyUnit::parse(&t) {
            return Some(u);
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let unit_after = |from: usize| -> Option<MoneyUnit> {
        let mut rest: String = chars[from..].iter().collect();
        // `单位除注明外均为亿元`: a 除…外 clause (the cells that say otherwise) before the link.
        if let Some(after) = rest.strip_prefix('除').and_then(|r| r.split_once('外')).filter(|(c, _)| c.chars().count() <= 8) {
            rest = after.1.to_string();
        }
        for link in &words().unit_link {
            if let Some(r) = rest.strip_prefix(link.as_str()) {
                rest = r.to_string();
                break;
            }
        }
        let rest: Vec<char> = rest.chars().take(6).collect();
        (1..=rest.len()).rev().find_map(|n| MoneyUnit::parse(&rest[..n].iter().collect::<String>()))
    };
    for i in 0..chars.len().saturating_sub(1) {
        if chars[i] == '单' && chars[i + 1] == '位' {
            if let Some(u) = unit_after(i + 2) {
                return Some(u);
            }
            // `以万元为单位`
            if i >= 1 && chars[i - 1] == '为' {
                let start = chars[..i - 1].iter().rposition(|c| *c == '以')?;
                if let Some(u) = MoneyUnit::parse(&chars[start + 1..i - 1].iter().collect::<String>()) {
                    return Some(u);
                }
            }
        }
    }
    None
}

// ---- group headings --------------------------------------------------------------------------

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾".contains(c) || c.is_ascii_digit()
}

/// The text after an ordinal prefix: `一、`, `（二）`, `(3)`, `4.`, `第五部分`, `第一类：`.
fn strip_ordinal(text: &str) -> Option<&str> {
    let t = text.trim();
    ordinal_len(head(t)).map(|n| t[n..].trim_start())
}

/// The length in bytes of an ordinal prefix of `t`, if it has one.
fn ordinal_len(t: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let byte = |i: usize| chars.get(i).map_or(t.len(), |(b, _)| *b);
    // (二) （二）
    if matches!(at(0), Some('(' | '（')) {
        let mut j = 1;
        while at(j).is_some_and(is_numeral) {
            j += 1;
        }
        return (j > 1 && matches!(at(j), Some(')' | '）'))).then(|| byte(j + 1));
    }
    // 第一部分、第二类：
    if at(0) == Some('第') {
        let mut j = 1;
        while at(j).is_some_and(is_numeral) {
            j += 1;
        }
        if j == 1 {
            return None;
        }
        if at(j).is_some_and(|c| "类部分批篇章节项组".contains(c)) {
            j += 1;
            if at(j) == Some('分') {
                j += 1;
            }
        }
        if at(j).is_some_and(|c| "、.．:：, 　)）".contains(c)) {
            j += 1;
        }
        return Some(byte(j));
    }
    // 一、 1. 2、 3)
    let mut j = 0;
    while at(j).is_some_and(is_numeral) {
        j += 1;
    }
    if j > 0 && j <= 4 && at(j).is_some_and(|c| "、.．:：)）".contains(c)) {
        // `1.5亿` is a figure, not an ordinal.
        if matches!(at(j), Some('.' | '．')) && at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some(byte(j + 1));
    }
    None
}

/// The text without a trailing count: `数字经济（4个）`, `先进制造（共12个项目）`, `服务业 共3项`.
fn strip_count(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let inner_is_count = |inner: &str| {
        // Folded, so that a Traditional count (`（2個）`, `共3項`) reads as a Simplified one.
        let folded = fold(inner);
        let i = folded.trim().trim_start_matches(['共', '计']).trim();
        let digits = i.chars().take_while(|c| is_numeral(*c)).count();
        let rest: String = i.chars().skip(digits).collect();
        digits > 0 && ["", "个", "项", "个项目", "项目", "个子项目", "家"].contains(&rest.trim())
    };
    if t.ends_with([')', '）']) {
        let open = t.rfind(['(', '（'])?;
        let inner = &t[open..];
        let inner = inner.trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
        return inner_is_count(inner).then(|| t[..open].trim_end());
    }
    let gong = t.rfind('共')?;
    inner_is_count(&t[gong..]).then(|| t[..gong].trim_end())
}

fn has_group_marker(text: &str) -> bool {
    strip_ordinal(text).is_some() || strip_count(text).is_some()
}

/// A heading that cannot be a project's name: numbered with a Chinese numeral (`一、`, `（二）`,
/// `第三部分`) or followed by a count (`（5个）`). Projects numbered inside their name use figures.
fn has_heading_marker(text: &str) -> bool {
    let t = head(text.trim());
    let chinese_ordinal = ordinal_len(t).is_some_and(|n| t[..n].chars().any(|c| is_numeral(c) && !c.is_ascii_digit()));
    chinese_ordinal || strip_count(text).is_some()
}

/// The sector a group heading gives: the heading without its ordinal and its count.
fn group_hint(text: &str) -> String {
    let t = strip_ordinal(text).unwrap_or(text);
    let t = strip_count(t).unwrap_or(t);
    t.trim().trim_end_matches([':', '：']).trim().to_string()
}

/// Only numerals and ordinal punctuation (`一`, `（二）`, `三、`): a 序号 cell that numbers a group.
fn is_group_ordinal(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().any(|c| is_numeral(c) && !c.is_ascii_digit())
        && t.chars().all(|c| is_numeral(c) || "、.．()（）第".contains(c))
}

// ---- contacts --------------------------------------------------------------------------------

/// A combined contact cell split into its parts.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ContactParts {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Splits `王磊 0553-5841234`, `联系人:高辉 联系电话:024-86896265`, `张三，13800000000，a@b.cn`.
/// Phones are runs of digits (with `-`, `+`, brackets, spaces, `转`) holding seven digits or more.
pub(crate) fn split_contact(text: &str) -> ContactParts {
    let mut parts = split_contact_once(text, false);
    // Digits the first pass left apart can meet once labels and e-mail addresses are gone
    // (`编号12 34@x.cn 567` leaves `编号12 567`…). Split what is left until the name holds no phone,
    // so that reading the name again — a normalised file reloaded — finds nothing more to split.
    // Each pass takes at least seven digits out, so this ends.
    while let Some(name) = parts.name.as_deref().filter(|n| has_phone(n)) {
        let again = split_contact_once(name, parts.email.is_some());
        let phones: Vec<&str> = parts.phone.iter().chain(again.phone.iter()).map(String::as_str).collect();
        parts =
            ContactParts { name: again.name, phone: (!phones.is_empty()).then(|| phones.join("、")), email: parts.email.or(again.email) };
    }
    parts
}

/// One pass of [`split_contact`]; with `email_found`, `@` words stay in the name (only one address
/// is taken, the others are not dropped).
fn split_contact_once(text: &str, email_found: bool) -> ContactParts {
    let chars: Vec<char> = text.chars().collect();
    let mut phones: Vec<String> = Vec::new();
    let mut email: Option<String> = None;
    let mut rest = String::new();
    let mut from = 0;
    for (start, end) in phone_runs(&chars) {
        rest.extend(&chars[from..start]);
        let run: String = chars[start..end].iter().collect();
        phones.push(run.trim().trim_end_matches(['/', '-', '转']).trim().to_string());
        rest.push(' ');
        from = end;
    }
    rest.extend(&chars[from..]);
    // An e-mail address: the word around an @.
    let mut words_kept: Vec<String> = Vec::new();
    for w in rest.split(|c: char| c.is_whitespace() || ",，;；、/".contains(c)) {
        if w.contains('@') && email.is_none() && !email_found {
            email = Some(w.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_string());
        } else if !w.is_empty() {
            words_kept.push(w.to_string());
        }
    }
    // Labels go (`联系人:`, `联系电话：`), longest first, matched on folded characters so that
    // `聯絡人：` and full-width colons go too; the name keeps its own script.
    let orig: Vec<char> = words_kept.join(" ").chars().collect();
    let folded: Vec<char> = orig.iter().map(|c| crate::fold::fold_char(*c)).collect();
    let mut keep = vec![true; orig.len()];
    for label in &words().contact_label {
        let l: Vec<char> = label.chars().collect();
        let mut i = 0;
        while i + l.len() <= folded.len() {
            if keep[i..i + l.len()].iter().all(|k| *k) && folded[i..i + l.len()] == l[..] {
                keep[i..i + l.len()].iter_mut().for_each(|k| *k = false);
                i += l.len();
            } else {
                i += 1;
            }
        }
    }
    let name: String = orig.iter().zip(keep).map(|(c, k)| if k { *c } else { ' ' }).collect();
    let name =
        name.split(|c: char| c.is_whitespace() || ":：,，;；、()（）".contains(c)).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    ContactParts { name: (!name.is_empty()).then_some(name), phone: (!phones.is_empty()).then(|| phones.join("、")), email }
}

/// Whether [`split_contact`] finds a phone in the text: a run of seven digits or more (with the
/// separators a phone number has). Digits scattered over words (`GD-0001 … 15亿元`) are not one.
fn has_phone(text: &str) -> bool {
    // Asked of every contact cell of a list: most hold fewer than seven digits in all.
    text.bytes().filter(u8::is_ascii_digit).count() >= 7 && !phone_runs(&text.chars().collect::<Vec<_>>()).is_empty()
}

/// True for a date written with `-` or `/` (`2025-10-09`, `2026/3/1`): no phone number (an area
/// code has three or four digits, but a number after it seven or eight).
fn is_date(run: &[char]) -> bool {
    let text: String = run.iter().collect();
    let parts: Vec<&str> = text.trim().split(['-', '/']).collect();
    let number = |t: &str, len: std::ops::RangeInclusive<usize>, max: u32| {
        len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    parts.len() == 3
        && number(parts[0], 4..=4, 2100)
        && parts[0].starts_with(['1', '2'])
        && number(parts[1], 1..=2, 12)
        && number(parts[2], 1..=2, 31)
}

/// The phone numbers in a text, as `(start, end)` in `chars`: from a digit, `+` or an opening
/// bracket, the longest run of the characters a number is written with (digits, `-+()`, spaces,
/// `转` for an extension, `/` between two numbers), when it holds seven digits or more.
fn phone_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let phone_char = |c: char| c.is_ascii_digit() || "-+()（）－—‐ 转/".contains(c);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || c == '+' || c == '(' || c == '（' {
            let end = (i..chars.len()).find(|&j| !phone_char(chars[j])).unwrap_or(chars.len());
            // A date first (`2025-10-09`, then perhaps a number after a space) is passed over whole.
            let first_word = (i..end).find(|&j| chars[j] == ' ').unwrap_or(end);
            if is_date(&chars[i..first_word]) {
                i = first_word;
                continue;
            }
            if chars[i..end].iter().filter(|c| c.is_ascii_digit()).count() >= 7 {
                runs.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    runs
}

// ---- reading one sheet -----------------------------------------------------------------------

/// Where merged regions put their value: covered cell → its region's top-left cell (row indexes
/// into the sheet's rows).
struct Merges {
    top_left: FxMap<(usize, usize), (usize, usize)>,
}

impl Merges {
    /// At most this many covered cells are remembered: a hostile workbook merging a million rows
    /// does not cost a million entries.
    const MAX_CELLS: usize = 2_000_000;

    fn of(sheet: &Sheet, ncols: usize) -> Merges {
        let index: FxMap<usize, usize> = sheet.rows.iter().enumerate().map(|(i, r)| (r.number, i)).collect();
        let mut top_left = FxMap::default();
        'merges: for m in &sheet.merged {
            let Some(&top) = index.get(&m.top) else { continue };
            for number in m.top..=m.bottom.min(m.top + sheet.rows.len()) {
                let Some(&i) = index.get(&number) else { continue };
                for c in m.left..=m.right.min(ncols.saturating_sub(1)) {
                    if (i, c) != (top, m.left) {
                        if top_left.len() >= Merges::MAX_CELLS {
                            break 'merges;
                        }
                        top_left.insert((i, c), (top, m.left));
                    }
                }
            }
        }
        Merges { top_left }
    }

    fn source(&self, row: usize, col: usize) -> Option<(usize, usize)> {
        self.top_left.get(&(row, col)).copied()
    }
}

fn cell_at(rows: &[GridRow], i: usize, c: usize) -> Option<&Cell> {
    rows.get(i).and_then(|r| r.cells.get(c))
}

/// Row `i`'s cells as text, made when a step reads them (never kept for the whole sheet).
fn texts_of(rows: &[GridRow], i: usize) -> Vec<String> {
    rows.get(i).map(|r| r.cells.iter().map(Cell::as_text).collect()).unwrap_or_default()
}

/// A skipped row's or a heading's cells as one line of text, for the reading report.
fn joined_text(cells: &[Cell]) -> String {
    cells.iter().map(Cell::as_text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
}

fn text_at(rows: &[GridRow], i: usize, c: usize) -> String {
    cell_at(rows, i, c).map(Cell::as_text).unwrap_or_default()
}

/// A header cell's text with merged regions filled (a title or group header spanning columns, a
/// header cell spanning two rows).
fn header_text(rows: &[GridRow], merges: &Merges, i: usize, c: usize) -> String {
    let own = text_at(rows, i, c);
    if !own.is_empty() {
        return own;
    }
    match merges.source(i, c) {
        Some((ti, tc)) => text_at(rows, ti, tc),
        None => String::new(),
    }
}

/// Longer cells are titles or data, not headers.
const MAX_HEADER_CHARS: usize = 30;

/// How many known fields a row's cells name (2 for a whole variant, 1 for one found inside), and
/// whether one of them is the project name.
fn header_score(cells: &[String], vocab: Vocabulary) -> (usize, bool) {
    let mut seen: Vec<ColumnRole> = Vec::new();
    let mut score = 0;
    for t in cells {
        if t.is_empty() || t.chars().count() > MAX_HEADER_CHARS {
            continue;
        }
        if let Some(HeaderMatch { role, exact }) = vocab.read(t) {
            if !seen.contains(&role) {
                seen.push(role);
                score += if exact { 2 } else { 1 };
            }
        }
    }
    (score, seen.contains(&ColumnRole::Field(Field::Name)))
}

/// Rows searched for the header.
const HEADER_SEARCH_ROWS: usize = 60;

/// A sheet laid out as project cards (项目推介表), as a table: a header row of the cards' labels
/// in the order first seen, then one row per card, numbered by the row its card begins at; and
/// those rows. A card is label–value pairs side by side (`项目名称 | 宜宾智能终端产业园`, two pairs in
/// a row too: `所属行业 | 电子信息 | 总投资 | 20亿元`) or in one cell (`项目名称：…`), one card per block:
/// a label seen again begins the next card. `None` for a table: a row with three labels or more
/// (a header), fewer than three labels paired with a value, no project name among them, or pairs
/// on fewer than three rows or half the rows with text.
///
/// ```text
/// 宜宾智能终端产业园项目推介表          (a title: no pair)
/// 项目名称 | 宜宾智能终端产业园
/// 项目地点 | 宜宾市叙州区                 →  项目名称 | 项目地点 | 总投资
/// 总投资   | 20亿元                           宜宾智能终端产业园 | 宜宾市叙州区 | 20亿元
/// ```
fn cards_as_table(sheet: &Sheet, vocab: Vocabulary) -> Option<(Sheet, Vec<usize>)> {
    let is_label = |t: &str| !t.is_empty() && t.chars().count() <= 16 && vocab.read(t).is_some();
    let mut cards: Vec<(usize, Vec<(String, Cell)>)> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let (mut pairs, mut rows_with_pairs, mut content_rows) = (0, 0, 0);
    for (i, row) in sheet.rows.iter().enumerate() {
        // A table shows its header within the rows searched for one; cards show a project's name
        // there (a national list is not read twice over).
        if i == HEADER_SEARCH_ROWS && (cards.is_empty() || rows_with_pairs * 2 < content_rows) {
            return None;
        }
        let texts: Vec<String> = row.cells.iter().map(Cell::as_text).collect();
        if texts.iter().filter(|t| vocab.read(t).is_some_and(|m| m.exact)).count() >= 3 {
            return None; // a header row: a table, not cards
        }
        let mut row_pairs: Vec<(String, Cell)> = Vec::new();
        let mut c = 0;
        while c < texts.len() {
            let t = &texts[c];
            // `项目名称：宜宾智能终端产业园` in one cell.
            if let Some((label, value)) = t.split_once(['：', ':']).filter(|(l, v)| is_label(l.trim()) && !v.trim().is_empty()) {
                row_pairs.push((label.trim().to_string(), Cell::Text(value.trim().into())));
                c += 1;
                continue;
            }
            if is_label(t) {
                let value = (c + 1..texts.len()).find(|&v| !texts[v].is_empty());
                // (A value may hold a header's word, `…产业园`; only a header whole is no value.)
                if let Some(v) = value.filter(|&v| !vocab.read(&texts[v]).is_some_and(|m| m.exact)) {
                    row_pairs.push((t.trim_end_matches(['：', ':']).to_string(), row.cells[v].clone()));
                    c = v + 1;
                    continue;
                }
            }
            c += 1;
        }
        if !texts.iter().all(String::is_empty) {
            content_rows += 1;
        }
        if !row_pairs.is_empty() {
            rows_with_pairs += 1;
        }
        for (label, value) in row_pairs {
            let key = super::fields::normalise_header(&label);
            let begins = cards.last().is_none_or(|(_, card)| card.iter().any(|(l, _)| super::fields::normalise_header(l) == key));
            if begins {
                cards.push((row.number, Vec::new()));
            }
            if !labels.iter().any(|l| super::fields::normalise_header(l) == key) {
                labels.push(label.clone());
            }
            cards.last_mut()?.1.push((label, value));
            pairs += 1;
        }
    }
    let names_project = labels.iter().any(|l| vocab.read(l).is_some_and(|m| m.role == ColumnRole::Field(Field::Name)));
    // Cards are mostly pairs, over several rows: a table's header row with a value-like cell
    // beside a label (`项目名称 | 备注`) is no card.
    if pairs < 3 || labels.len() < 3 || !names_project || rows_with_pairs < 3 || rows_with_pairs * 2 < content_rows {
        return None;
    }
    let first_row = cards.first()?.0;
    let mut rows = vec![GridRow { number: first_row, cells: labels.iter().map(|l| Cell::Text(l.as_str().into())).collect() }];
    let starts = cards.iter().map(|(n, _)| *n).collect();
    for (number, card) in cards {
        let mut cells = vec![Cell::Text("".into()); labels.len()];
        for (label, value) in card {
            let key = super::fields::normalise_header(&label);
            if let Some(c) = labels.iter().position(|l| super::fields::normalise_header(l) == key) {
                cells[c] = value;
            }
        }
        rows.push(GridRow { number, cells });
    }
    Some((Sheet { name: sheet.name.clone(), rows, merged: Vec::new() }, starts))
}

/// A column as read from the header.
#[derive(Clone, Debug)]
struct Column {
    header: String,
    role: Option<ColumnRole>,
    exact: bool,
    unit: Option<UnitReading>,
    ignored: Option<IgnoredColumn>,
    /// The header is the format's own English key (`investment`): bare figures are yuan.
    canonical: bool,
    /// The role or unit was chosen by the official ([`ReadingChoices`]).
    chosen: bool,
    /// For a column joined to an earlier one of its field ([`IgnoredColumn::Joined`]): what goes
    /// before its text (`建设内容：`; nothing after a portal's key such as `jsnr`), made once.
    join_label: String,
}

impl Column {
    /// The column holds (part of) the project's place.
    fn is_place(&self) -> bool {
        matches!(self.role, Some(ColumnRole::Field(Field::Region) | ColumnRole::RegionPart(_)))
    }
}

/// Whether an amount header names a year's or a completed part of the investment (`年度计划投资`,
/// `2026年计划投资`, `累计完成投资`, `本年完成`), not the total.
fn names_part_of_amount(header: &str) -> bool {
    const PART: [&str; 10] = ["年度", "本年", "当年", "今年", "累计", "已完成", "完成投资", "已投资", "已到位", "annual"];
    let f = fold(header);
    // `2026年` before the amount's words, not `5年` of a payback period (no amount header has one).
    let year = f.char_indices().any(|(i, c)| c == '年' && f[..i].chars().rev().take(4).filter(char::is_ascii_digit).count() == 4);
    year || PART.iter().any(|p| f.contains(p))
}

/// A text field whose second column is added to the first ([`IgnoredColumn::Joined`]).
fn is_joinable_text(role: ColumnRole) -> bool {
    matches!(role, ColumnRole::Field(Field::Description | Field::DescriptionEn | Field::Benefits | Field::Policies))
}

fn is_amount(role: Option<ColumnRole>) -> bool {
    matches!(role, Some(ColumnRole::Field(Field::Investment | Field::Seeking | Field::AnnualOutput)))
}

/// The kind of a row below the header.
#[derive(Clone, Debug, PartialEq)]
enum RowKind {
    Data,
    Group(String),
    Skip(SkipWhy),
    /// Text that goes on from the project above: only text columns (`项目简介`) filled, no name.
    Continued,
}

pub(crate) enum SheetFail {
    /// Nothing in the sheet.
    Empty,
    /// No row names the project; the cells of the likeliest header row.
    NoHeader(Vec<String>),
}

/// A sheet read: its data rows (built into raw rows later, [`SheetRows`]), the columns and
/// decisions that build them, and its reading.
pub(crate) struct SheetOut {
    pub rows: Vec<PendingRow>,
    columns: Vec<Column>,
    seq_as_id: bool,
    pub reading: SheetReading,
    pub warnings: Vec<Warning>,
}

/// The columns a header row (and a second header row under it) names: each column's field, unit
/// and whether it is used; the official's corrections applied; a header cell that only declares
/// a unit (`单位：万元`) returned apart. Unknown and duplicate headers are said in `warnings`.
/// `sub_texts`: per column, the second header row's text (merged cells filled), when there is one;
/// `from_keys`: the header is a JSON list's keys (a unit in one is said to come from the key).
#[allow(clippy::too_many_arguments)]
fn read_columns(
    top: &[String],
    sub_texts: &[Option<String>],
    sub_row: Option<usize>,
    from_keys: bool,
    vocab: Vocabulary,
    choices: &ReadingChoices,
    sheet_name: &str,
    header_row: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> (Vec<Column>, Option<UnitReading>) {
    let read_header = |h: &str| vocab.read(h);
    let mut columns: Vec<Column> = Vec::with_capacity(top.len());
    for c in 0..top.len() {
        let own_top = top[c].clone();
        let sub_text = sub_texts.get(c).cloned().flatten().filter(|t| !t.is_empty() && *t != own_top);
        // In CSV a header merged across columns leaves blanks to its right: the parent of a
        // sub-header cell is the nearest header to its left.
        let parent = if own_top.is_empty() && sub_text.is_some() {
            (0..c).rev().map(|k| &top[k]).find(|t| !t.is_empty()).cloned().unwrap_or_default()
        } else {
            own_top.clone()
        };
        let mut col = Column {
            header: String::new(),
            role: None,
            exact: false,
            unit: None,
            ignored: None,
            canonical: false,
            chosen: false,
            join_label: String::new(),
        };
        match &sub_text {
            Some(st) => {
                col.header = if parent.is_empty() { st.clone() } else { format!("{parent} / {st}") };
                let sub_row = sub_row.unwrap_or_default();
                if let Some(u) = MoneyUnit::parse(st).filter(|_| !parent.is_empty()) {
                    // `（万元）` under `总投资`.
                    if let Some(m) = read_header(&parent) {
                        col.role = Some(m.role);
                        col.exact = m.exact;
                    }
                    col.unit = Some(UnitReading { unit: u, source: UnitSource::SubHeader { row: sub_row } });
                } else {
                    let m = read_header(st).or_else(|| read_header(&format!("{parent}{st}"))).or_else(|| read_header(&parent));
                    if let Some(m) = m {
                        col.role = Some(m.role);
                        col.exact = m.exact;
                    }
                    col.unit = header_unit(st)
                        .map(|u| UnitReading { unit: u, source: UnitSource::SubHeader { row: sub_row } })
                        .or_else(|| header_unit(&parent).map(|u| UnitReading { unit: u, source: UnitSource::Header }));
                }
            }
            None => {
                col.header = own_top.clone();
                // A key inside a JSON object (`area.cityName`, `totalInvestment.unit`) is read by
                // its last part (`name` inside `areacityname` is no project name).
                let read = match super::json::nested_last(&own_top).filter(|_| from_keys) {
                    Some(last) => read_header(last),
                    None => read_header(&own_top),
                };
                if let Some(m) = read {
                    col.role = Some(m.role);
                    col.exact = m.exact;
                }
                let source = if from_keys { UnitSource::JsonKey } else { UnitSource::Header };
                col.unit = header_unit(&own_top).map(|u| UnitReading { unit: u, source });
            }
        }
        // A header cell with a line break in it (`总投资\n（万元）`) is shown on one line.
        col.header = col.header.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(ColumnRole::Field(f)) = col.role {
            // The format's own key (`investment`) counts in yuan, unless the header names its unit
            // (`Investment (million yuan)`, an English-language list's column).
            col.canonical = col.unit.is_none() && (normalise_header(&col.header) == f.key() || col.header.trim() == f.key());
            if col.canonical {
                col.unit = Some(UnitReading { unit: MoneyUnit::YUAN, source: UnitSource::Format });
            }
        }
        columns.push(col);
    }
    // The official's corrections: a column's field (or none), an amount column's unit.
    for choice in choices.for_sheet(sheet_name) {
        let Some(col) = columns.get_mut(choice.column) else { continue };
        match choice.role.as_deref() {
            Some("ignore") => {
                col.role = None;
                col.ignored = Some(IgnoredColumn::Chosen);
                col.chosen = true;
            }
            Some(key) => {
                if let Some(role) = ColumnRole::from_key(key) {
                    col.role = Some(role);
                    col.exact = true;
                    col.chosen = true;
                    col.canonical = false;
                    if col.header.trim().is_empty() {
                        col.header = role.label(Lang::ZhHans).to_string();
                    }
                }
            }
            None => {}
        }
        if let Some(unit) = choice.unit.as_deref().and_then(MoneyUnit::parse) {
            col.unit = Some(UnitReading { unit, source: UnitSource::Chosen });
            col.chosen = true;
        }
    }
    for col in &mut columns {
        if !is_amount(col.role) {
            col.unit = None;
        }
    }
    // `年度计划投资`, `2026年计划投资`, `累计完成投资`: an amount of one year or of what is done is
    // not the project's total (nor what it seeks), unless the official chose it.
    let total_or_sought = |role: Option<ColumnRole>| matches!(role, Some(ColumnRole::Field(Field::Investment | Field::Seeking)));
    for col in columns.iter_mut().filter(|c| total_or_sought(c.role) && !c.chosen && names_part_of_amount(&c.header)) {
        col.ignored = Some(IgnoredColumn::NotTotal);
    }
    // One column per role: a chosen column wins, then a whole variant over one found inside a
    // longer header; else the first.
    for c in 0..columns.len() {
        let Some(role) = columns[c].role else { continue };
        if let Some(k) = (0..c).find(|&k| columns[k].role == Some(role) && columns[k].ignored.is_none()) {
            // Text fields join: a list's 建设内容 beside its 项目简介, or its 备注, says more about
            // the project and is searched with it.
            if is_joinable_text(role) {
                let col = &mut columns[c];
                col.ignored = Some(IgnoredColumn::Joined);
                // A Chinese header says what the text is (`备注：…`); a portal's key (`jsnr`) would not.
                if col.header.chars().any(is_cjk) {
                    col.join_label = format!("{}：", header_label(&col.header));
                }
                continue;
            }
            let rank = |col: &Column| (col.chosen && col.role.is_some(), !vocab.is_weak(&col.header), col.exact);
            let loser = if rank(&columns[c]) > rank(&columns[k]) { k } else { c };
            columns[loser].ignored = Some(IgnoredColumn::Duplicate);
        }
    }
    // A header cell that only declares the unit (`单位：万元` at the end of the header row) is no
    // column: it gives the amount columns their unit.
    let mut header_unit_cell: Option<UnitReading> = None;
    for col in columns.iter_mut().filter(|c| c.role.is_none() && !c.chosen) {
        if let Some(u) = declared_unit(&col.header) {
            header_unit_cell.get_or_insert(UnitReading { unit: u, source: UnitSource::Header });
            col.ignored = Some(IgnoredColumn::UnitOnly);
        }
    }
    for col in &columns {
        if col.header.trim().is_empty() || matches!(col.ignored, Some(IgnoredColumn::UnitOnly | IgnoredColumn::Chosen)) {
            continue;
        }
        if col.role.is_none() {
            warnings.push(Warning::new(header_row, None, &col.header, WarningKind::UnknownHeader));
        } else if col.ignored == Some(IgnoredColumn::Duplicate) {
            warnings.push(Warning::new(header_row, col.role.and_then(ColumnRole::field), &col.header, WarningKind::DuplicateHeader));
        } else if col.ignored == Some(IgnoredColumn::NotTotal) {
            warnings.push(Warning::new(header_row, col.role.and_then(ColumnRole::field), &col.header, WarningKind::NotTotalAmount));
        }
    }
    (columns, header_unit_cell)
}

/// Reads one sheet (a JSON list's table is [`read_keyed`]).
/// The sheet is taken whole: its cells are moved into the rows it gives, never copied, so that a
/// national list is not held twice while it is read (and no row's text is kept beside its cells:
/// a step that reads text takes it from the cells when it needs it, [`texts_of`]).
pub(crate) fn read_sheet(mut sheet: Sheet, vocab: Vocabulary, choices: &ReadingChoices) -> Result<SheetOut, SheetFail> {
    let read_header = |h: &str| vocab.read(h);
    if sheet.rows.iter().all(|r| r.cells.iter().all(Cell::is_blank)) {
        return Err(SheetFail::Empty);
    }
    // A sheet of project cards is read as the table it stands for: its labels the header, a row
    // per card.
    let cards = match cards_as_table(&sheet, vocab) {
        Some((table, starts)) => {
            sheet = table;
            starts
        }
        None => Vec::new(),
    };
    let ncols = sheet.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let merges = Merges::of(&sheet, ncols);
    let mut rows = std::mem::take(&mut sheet.rows);
    let mut warnings = Vec::new();

    // -- the header row ------------------------------------------------------------------------
    let h = {
        let mut best: Option<(usize, usize)> = None; // (score, index) of rows naming the project
        let mut best_any: Option<(usize, usize)> = None;
        for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
            let filled: Vec<String> = (0..row.cells.len()).map(|c| header_text(&rows, &merges, i, c)).collect();
            let (score, has_name) = header_score(&filled, vocab);
            if has_name && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
            if score > 0 && best_any.is_none_or(|(s, _)| score > s) {
                best_any = Some((score, i));
            }
        }
        match best {
            // A row whose cells are merged down from the row above is the second row of a
            // two-row header (`序号` merged over both, `投资规模` over `总投资` / `拟引资`).
            Some((_, i)) if i > 0 && (0..ncols).any(|c| merges.source(i, c).is_some_and(|(ti, _)| ti == i - 1)) => i - 1,
            Some((_, i)) => i,
            None => {
                let i = best_any.map(|(_, i)| i).or_else(|| rows.iter().position(|r| r.cells.iter().any(|c| !c.is_blank()))).unwrap_or(0);
                return Err(SheetFail::NoHeader(texts_of(&rows, i).iter().filter(|t| !t.is_empty()).map(|t| excerpt(t)).collect()));
            }
        }
    };
    let top: Vec<String> = (0..ncols).map(|c| header_text(&rows, &merges, h, c)).collect();
    let name_col_top = top.iter().position(|t| read_header(t).is_some_and(|m| m.role == ColumnRole::Field(Field::Name)));

    // -- a second header row under merged cells ------------------------------------------------
    let merged_from_header = |s: usize| (0..ncols).any(|c| merges.source(s, c).is_some_and(|(ti, _)| ti == h));
    let sub: Option<usize> = (h + 1 < rows.len())
        .then_some(h + 1)
        .filter(|&s| merged_from_header(s) || is_sub_header(&texts_of(&rows, s), &top, name_col_top, &merges, s, h, vocab));
    let data_start = sub.map_or(h + 1, |s| s + 1);

    // -- columns -------------------------------------------------------------------------------
    let sub_texts: Vec<Option<String>> = (0..ncols)
        .map(|c| {
            sub.map(|s| {
                let own = text_at(&rows, s, c);
                if !own.is_empty() {
                    return own;
                }
                // A header cell merged down over both rows: the same text, nothing to add.
                match merges.source(s, c) {
                    Some((ti, tc)) if ti == h && tc == c => String::new(),
                    Some((ti, tc)) => text_at(&rows, ti, tc),
                    None => String::new(),
                }
            })
        })
        .collect();
    let header_row = Some(rows[h].number);
    let (mut columns, header_unit_cell) =
        read_columns(&top, &sub_texts, sub.map(|s| rows[s].number), false, vocab, choices, &sheet.name, header_row, &mut warnings);
    let active = |c: usize, columns: &[Column]| columns[c].role.filter(|_| columns[c].ignored.is_none());
    let col_of = |role: ColumnRole, columns: &[Column]| (0..columns.len()).find(|&c| active(c, columns) == Some(role));
    let name_col = col_of(ColumnRole::Field(Field::Name), &columns);
    let region_col = col_of(ColumnRole::Field(Field::Region), &columns);
    let seq_col = col_of(ColumnRole::Sequence, &columns);
    let header_width = columns.iter().rposition(|c| !c.header.trim().is_empty()).map_or(0, |c| c + 1);

    // -- rows above the header: titles, unit rows ----------------------------------------------
    let mut reading =
        SheetReading { header_rows: header_row.into_iter().chain(sub.map(|s| rows[s].number)).collect(), ..Default::default() };
    let mut table_unit: Option<UnitReading> = None;
    for i in 0..h {
        let row_texts = texts_of(&rows, i);
        let cells: Vec<&String> = row_texts.iter().filter(|t| !t.is_empty()).collect();
        if cells.is_empty() {
            continue;
        }
        let joined = cells.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(" ");
        reading.above_header.push(super::reading::RowNote { row: rows[i].number, text: excerpt(&joined) });
        if table_unit.is_none() {
            if let Some(u) = cells.iter().find_map(|t| declared_unit(t)) {
                table_unit = Some(UnitReading { unit: u, source: UnitSource::UnitRow { row: rows[i].number, text: excerpt(&joined) } });
            }
        }
    }

    // -- the rows below the header -------------------------------------------------------------
    let mut kinds: Vec<RowKind> = Vec::with_capacity(rows.len());
    let header_score_full = header_score(&top, vocab).0;
    for i in data_start..rows.len() {
        let row_texts = texts_of(&rows, i);
        let own = |c: usize| row_texts.get(c).is_some_and(|t| !t.is_empty());
        let own_cols: Vec<usize> = (0..row_texts.len()).filter(|&c| own(c)).collect();
        let Some(&c0) = own_cols.first() else {
            kinds.push(RowKind::Skip(SkipWhy::Empty));
            continue;
        };
        let t0 = &row_texts[c0];
        let name_text = name_col.map(|c| text_at(&rows, i, c)).unwrap_or_default();
        let kind = if is_total(t0) || (!name_text.is_empty() && is_total(&name_text)) {
            RowKind::Skip(SkipWhy::Total)
        } else if is_note(t0) {
            RowKind::Skip(SkipWhy::Note)
        } else if (own_cols.len() <= 2 && is_footer(t0)) || own_cols.iter().all(|&c| is_footer(&row_texts[c])) {
            // (`填表人：张三 | 审核人：李四 | 联系电话：…`: a signature line in several cells.)
            RowKind::Skip(SkipWhy::Footer)
        } else if header_score_full >= 4 && {
            let (score, has_name) = header_score(&row_texts, vocab);
            has_name && score * 5 >= header_score_full * 3
        } {
            RowKind::Skip(SkipWhy::RepeatedHeader)
        } else if own_cols.iter().all(|&c| MoneyUnit::parse(&row_texts[c]).is_some()) {
            RowKind::Skip(SkipWhy::UnitRow)
        } else if name_col.is_some_and(|c| !own(c))
            && matches!(kinds.last(), Some(RowKind::Data | RowKind::Continued))
            && own_cols.iter().all(|&c| active(c, &columns).is_some_and(is_joinable_text))
        {
            // `| | | | 年产5万吨` under a project whose 项目简介 ran on to the next row.
            RowKind::Continued
        } else if own_cols.len() == 1 {
            let looks_like_project = Some(c0) == name_col
                && !has_group_marker(t0)
                && words().project_word.iter().any(|w| squash(tail(t0)).ends_with(w.as_str()));
            if looks_like_project {
                RowKind::Data
            } else {
                RowKind::Group(group_hint(t0))
            }
        } else if Some(c0) == seq_col && is_group_ordinal(t0) && region_col.is_none_or(|c| !own(c)) {
            // `一 | 智能网联及新能源汽车 | | …`: the heading sits in the name column.
            let heading = own_cols.iter().skip(1).map(|&c| row_texts[c].as_str()).next().unwrap_or("");
            RowKind::Group(group_hint(heading))
        } else if has_group_marker(t0) && Some(c0) != name_col && name_col.is_none_or(|c| !own(c)) && region_col.is_none_or(|c| !own(c)) {
            RowKind::Group(group_hint(t0))
        } else if Some(c0) == name_col && has_heading_marker(t0) && region_col.is_none_or(|c| !own(c)) {
            // `一、先进制造业（5个）` in the name column with its subtotal beside it.
            RowKind::Group(group_hint(t0))
        } else {
            RowKind::Data
        };
        kinds.push(kind);
    }
    // Headings with no project after them are notes under the table (a signature, a remark).
    if let Some(last_data) = kinds.iter().rposition(|k| *k == RowKind::Data) {
        for k in kinds.iter_mut().skip(last_data + 1) {
            if matches!(k, RowKind::Group(_)) {
                *k = RowKind::Skip(SkipWhy::Footer);
            }
        }
    } else {
        for k in kinds.iter_mut() {
            if matches!(k, RowKind::Group(_)) {
                *k = RowKind::Skip(SkipWhy::Footer);
            }
        }
    }
    let row_index = |k: usize| data_start + k;

    // Units from unit rows and notes below the header.
    let mut note_unit: Option<UnitReading> = None;
    for (k, kind) in kinds.iter().enumerate() {
        let i = row_index(k);
        match kind {
            RowKind::Skip(SkipWhy::Note | SkipWhy::Footer) if note_unit.is_none() => {
                let joined = joined_text(&rows[i].cells);
                if let Some(u) = declared_unit(&joined) {
                    note_unit = Some(UnitReading { unit: u, source: UnitSource::Note { row: rows[i].number, text: excerpt(&joined) } });
                }
            }
            RowKind::Skip(SkipWhy::UnitRow) => {
                let row_texts = texts_of(&rows, i);
                for c in 0..row_texts.len().min(columns.len()) {
                    if let Some(u) = MoneyUnit::parse(&row_texts[c]) {
                        if is_amount(columns[c].role) && columns[c].unit.is_none() {
                            columns[c].unit = Some(UnitReading { unit: u, source: UnitSource::SubHeader { row: rows[i].number } });
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // -- cells: merged blanks filled in place --------------------------------------------------
    let mut cells: Vec<Vec<Cell>> = Vec::new(); // per data row (index k), the effective cells
    let mut fills: FxMap<(usize, FillSource), Vec<usize>> = FxMap::default();
    for (k, kind) in kinds.iter().enumerate() {
        let i = row_index(k);
        let mut row_cells: Vec<Cell> = std::mem::take(&mut rows[i].cells);
        row_cells.resize(ncols, Cell::Text("".into()));
        if *kind == RowKind::Data {
            for (c, cell) in row_cells.iter_mut().enumerate() {
                if cell.is_blank() {
                    if let Some((ti, tc)) = merges.source(i, c) {
                        if ti != i && tc == c && active(c, &columns).is_some() {
                            // The merge's first cell: in a row above the data (rows), or in a data
                            // row already moved into `cells` (never itself filled: it is no blank
                            // of its own merge).
                            let source =
                                if ti >= data_start { cells.get(ti - data_start).and_then(|r| r.get(tc)) } else { cell_at(&rows, ti, tc) };
                            if let Some(v) = source.filter(|v| !v.is_blank()) {
                                *cell = v.clone();
                                fills.entry((c, FillSource::Merged)).or_default().push(rows[i].number);
                            }
                        }
                    }
                }
            }
        }
        cells.push(row_cells);
    }
    let data_rows: Vec<usize> = (0..kinds.len()).filter(|&k| kinds[k] == RowKind::Data).collect();
    // Two columns of one field (`项目总投资` and `投资额度（亿元）`): the one the header chose may be
    // blank in every row while the other holds the values; then the other is read, and the warning
    // names the blank one. (A column the official chose stays.)
    for c in 0..columns.len() {
        if columns[c].ignored != Some(IgnoredColumn::Duplicate) {
            continue;
        }
        let same = |k: usize| k != c && columns[k].role == columns[c].role && columns[k].ignored.is_none() && !columns[k].chosen;
        let Some(k) = (0..columns.len()).find(|&k| same(k)) else { continue };
        let filled = |col: usize| data_rows.iter().filter(|&&r| cells[r].get(col).is_some_and(|v| !v.is_blank())).count();
        // (An amount column taken instead must read as amounts, not as text that happens to be there.)
        let amounts = matches!(columns[c].role, Some(ColumnRole::Field(Field::Investment | Field::Seeking)));
        let reads = || {
            let fx = Fx::default();
            data_rows.iter().filter_map(|&r| cells[r].get(c)).filter(|v| !v.is_blank()).all(|v| match v {
                Cell::Number(_) => true,
                v => matches!(crate::money::parse_money(&v.as_text(), &fx), Ok(Some(_))),
            })
        };
        if filled(k) == 0 && filled(c) > 0 && (!amounts || reads()) {
            columns[k].ignored = Some(IgnoredColumn::Duplicate);
            columns[c].ignored = None;
            let (now_used, now_ignored) = (columns[c].header.clone(), columns[k].header.clone());
            for w in warnings.iter_mut().filter(|w| w.kind == WarningKind::DuplicateHeader && w.value == now_used) {
                w.value = now_ignored.clone();
            }
        }
    }
    // A district or sector written once for a block, with no merge recorded (CSV): blanks under a
    // value, in a column that is blank in a third of its rows or more, within one group.
    // `cells` is indexed by row, then by this column.
    #[allow(clippy::needless_range_loop)]
    for c in 0..columns.len() {
        let fillable = matches!(active(c, &columns), Some(ColumnRole::Field(Field::Region | Field::Sector) | ColumnRole::RegionPart(_)));
        if !fillable || data_rows.is_empty() {
            continue;
        }
        let blanks = data_rows.iter().filter(|&&k| cells[k][c].as_text().is_empty()).count();
        if blanks < 2 || blanks * 3 < data_rows.len() {
            continue;
        }
        let mut last: Option<Cell> = None;
        for k in 0..kinds.len() {
            match &kinds[k] {
                RowKind::Group(_) => last = None,
                RowKind::Data if cells[k][c].as_text().is_empty() => {
                    if let Some(v) = &last {
                        cells[k][c] = v.clone();
                        fills.entry((c, FillSource::Above)).or_default().push(rows[row_index(k)].number);
                    }
                }
                RowKind::Data => last = Some(cells[k][c].clone()),
                RowKind::Skip(_) | RowKind::Continued => {}
            }
        }
    }

    // `同上` (ditto) in a cell: the value of the project row above, in any column read.
    #[allow(clippy::needless_range_loop)]
    for c in 0..columns.len() {
        if active(c, &columns).is_none() {
            continue;
        }
        let mut above: Option<usize> = None;
        for &k in &data_rows {
            if let (true, Some(a)) = (is_ditto(&cells[k][c]), above) {
                if !cells[a][c].is_blank() && !is_ditto(&cells[a][c]) {
                    cells[k][c] = cells[a][c].clone();
                    fills.entry((c, FillSource::Ditto)).or_default().push(rows[row_index(k)].number);
                }
            }
            above = Some(k);
        }
    }

    // -- a column of units beside the amounts (`投资额 | 单位` with 50 | 亿元, 3000 | 万元) ----------
    let unit_plan = {
        let cells_of = |c: usize, f: &mut dyn FnMut(usize, &Cell)| data_rows.iter().for_each(|&k| f(k, &cells[k][c]));
        row_unit_plan(&mut columns, &cells_of, &mut warnings)
    };
    if !unit_plan.is_empty() {
        for &k in &data_rows {
            apply_row_units(&unit_plan, &mut cells[k]);
        }
    }

    // -- whole-column decisions: 序号 as id, units of amount columns, outliers -----------------------
    let default_unit = header_unit_cell.or_else(|| table_unit.clone()).or_else(|| note_unit.clone());
    // Each column's cells visited when a decision reads it (a national list's columns are never
    // gathered beside its cells).
    let cells_of = |c: usize, f: &mut dyn FnMut(usize, &Cell)| data_rows.iter().for_each(|&k| f(rows[row_index(k)].number, &cells[k][c]));
    let (seq_as_id, sequence) = column_decisions(&mut columns, &cells_of, seq_col, default_unit.clone(), &mut warnings);
    reading.sequence = sequence;

    // -- data rows, built into raw rows when validation takes them ------------------------------
    // Sized once: a national list's rows are all held until validation.
    let mut out_rows = Vec::with_capacity(data_rows.len());
    let mut hint: Option<String> = None;
    let mut group_at: Option<usize> = None;
    for (k, kind) in kinds.iter().enumerate() {
        let i = row_index(k);
        let number = rows[i].number;
        match kind {
            RowKind::Skip(why) => {
                let text = joined_text(&cells[k]);
                reading.skipped.push(SkippedRow { row: number, why: *why, text: excerpt(&text) });
                continue;
            }
            RowKind::Continued => {
                if let Some(above) = out_rows.last_mut() {
                    let above: &mut PendingRow = above;
                    for (c, cell) in cells[k].iter().enumerate() {
                        let text = cell.as_text();
                        if text.is_empty() || c >= above.cells.len() {
                            continue;
                        }
                        let before = above.cells[c].as_text();
                        above.cells[c] = Cell::Text(if before.is_empty() { text } else { format!("{before}；{text}") }.into());
                    }
                }
                reading.skipped.push(SkippedRow { row: number, why: SkipWhy::Continued, text: excerpt(&joined_text(&cells[k])) });
                continue;
            }
            RowKind::Group(h) => {
                hint = (!h.is_empty()).then(|| h.clone());
                group_at = Some(reading.groups.len());
                reading.groups.push(GroupReading { row: number, text: excerpt(&joined_text(&cells[k])), hint: h.clone(), rows: 0 });
                continue;
            }
            RowKind::Data => {}
        }
        if let Some(g) = group_at {
            reading.groups[g].rows += 1;
        }
        if cells[k].iter().skip(header_width).any(|c| !c.is_blank()) {
            warnings.push(Warning::new(Some(number), None, "", WarningKind::ExtraCells));
        }
        reading.data_rows += 1;
        let place_filled = fills.iter().any(|((c, from), rows)| {
            *from == FillSource::Above && active(*c, &columns).is_some() && columns[*c].is_place() && rows.contains(&number)
        });
        out_rows.push(PendingRow { number, cells: std::mem::take(&mut cells[k]), hint: hint.clone(), place_filled });
    }
    let mut filled: Vec<FilledCells> =
        fills.into_iter().map(|((c, from), rows)| FilledCells { column: c, header: columns[c].header.clone(), rows, from }).collect();
    crate::sort::sort_by_key(&mut filled, |f| (f.column, f.rows.first().copied()));
    reading.filled = filled;
    reading.columns = column_readings(&columns);
    reading.unit_declared = default_unit;
    reading.cards = cards;
    Ok(SheetOut { rows: out_rows, columns, seq_as_id, reading, warnings })
}

/// Headers of a column that gives each row's unit (folded, brackets and colons dropped).
/// (`dw`, `jedw`: a portal API's pinyin keys; a column counts only when its cells are units.)
const ROW_UNIT_HEADERS: [&str; 13] =
    ["单位", "金额单位", "计量单位", "货币单位", "投资单位", "币种", "币别", "unit", "units", "currency", "dw", "jedw", "bz"];

/// Whether a header names a column of units (`单位`, `金额单位`, `币种`, `unit`).
fn is_unit_header(h: &str) -> bool {
    // A JSON object's unit (`totalInvestment.unit`).
    let h = super::json::nested_last(h).unwrap_or(h);
    let f: String = fold(h).chars().filter(|c| !c.is_whitespace() && !"()（）:：[]【】".contains(*c)).collect();
    ROW_UNIT_HEADERS.contains(&f.as_str())
}

/// The columns that may give each row's unit: no field, a unit header (their cells decide).
fn unit_column_candidates(columns: &[Column]) -> Vec<usize> {
    (0..columns.len())
        .filter(|&u| columns[u].role.is_none() && columns[u].ignored.is_none() && is_unit_header(&columns[u].header))
        .collect()
}

/// A column of units beside the amounts (`投资额 | 单位` with `50 | 亿元`, `3000 | 万元`,
/// `800 | 万美元`): each row's bare figures in the amount columns are read in that row's unit,
/// written into the cell ([`apply_row_units`]) so that the amount reads as any `50亿元` does.
/// Without it the column was an unknown one and the figures' unit a guess from their size (`50`
/// 亿元 read as 50 万元). Returns each unit column with the amount columns it serves: every amount
/// column when the table has one unit column, else those before each back to the previous one (or
/// after it when none is before). `cells_of` visits a candidate column's data cells; the columns
/// taken are marked, and their "unknown column" warnings dropped.
fn row_unit_plan(columns: &mut [Column], cells_of: &CellsOf<'_>, warnings: &mut Vec<Warning>) -> Vec<(usize, Vec<usize>)> {
    let unit_cols: Vec<usize> = unit_column_candidates(columns)
        .into_iter()
        .filter(|&u| {
            // Most of its filled cells are units (`万元`).
            let (mut filled, mut units) = (0, 0);
            cells_of(u, &mut |_, cell| {
                let t = cell.as_text();
                if !t.trim().is_empty() {
                    filled += 1;
                    units += usize::from(MoneyUnit::parse(&t).is_some());
                }
            });
            filled > 0 && units * 5 >= filled * 4
        })
        .collect();
    let mut plan = Vec::new();
    for (n, &u) in unit_cols.iter().enumerate() {
        let is_amount_col = |c: usize| is_amount(columns[c].role) && columns[c].ignored.is_none();
        let served: Vec<usize> = if unit_cols.len() == 1 {
            // The table's one unit column: every amount column (`投资额 | 单位 | 其中：拟引资`).
            (0..columns.len()).filter(|&c| is_amount_col(c)).collect()
        } else {
            let previous = if n == 0 { 0 } else { unit_cols[n - 1] + 1 };
            let before: Vec<usize> = (previous..u).filter(|&c| is_amount_col(c)).collect();
            if before.is_empty() {
                (u + 1..unit_cols.get(n + 1).copied().unwrap_or(columns.len())).filter(|&c| is_amount_col(c)).collect()
            } else {
                before
            }
        };
        if served.is_empty() {
            continue;
        }
        columns[u].ignored = Some(IgnoredColumn::RowUnits);
        let header = columns[u].header.clone();
        warnings.retain(|w| !(w.kind == WarningKind::UnknownHeader && w.value == header));
        plan.push((u, served));
    }
    plan
}

/// One row's bare figures in the served amount columns, written in the row's unit (`50` →
/// `50亿元`); a figure with its own unit, and a row whose unit cell is no unit, stay as they are.
fn apply_row_units(plan: &[(usize, Vec<usize>)], cells: &mut [Cell]) {
    for (u, served) in plan {
        let Some(unit) = cells.get(*u).and_then(row_unit) else { continue };
        for &c in served {
            if let Some(amount) = cells.get(c).and_then(|cell| in_unit(cell, &unit)) {
                cells[c] = amount;
            }
        }
    }
}

/// The unit a unit column's cell gives (`亿元`, `（万元）` → `万元`); `None` when it is no unit.
fn row_unit(cell: &Cell) -> Option<String> {
    let text = cell.as_text();
    MoneyUnit::parse(&text).map(|_| text.trim().trim_matches(|c| "()（）".contains(c)).to_string())
}

/// A bare figure written in `unit` (`50` → `50亿元`); `None` for a figure with its own unit, text or
/// a blank, which stay as they are.
fn in_unit(cell: &Cell, unit: &str) -> Option<Cell> {
    let figure = match cell {
        Cell::Number(n) if n.get().is_finite() => format!("{}", n.get()),
        cell => Some(cell.as_text().trim().to_string()).filter(|t| !t.is_empty() && is_plain_figure(t))?,
    };
    Some(Cell::Text(format!("{figure}{unit}").into()))
}

/// A sheet's data row as read, its cells not yet tagged with their fields.
pub(crate) struct PendingRow {
    number: usize,
    cells: Vec<Cell>,
    /// The sector its group heading gives.
    hint: Option<String>,
    place_filled: bool,
}

/// What turns a sheet's [`PendingRow`]s into raw rows.
struct SheetPlan {
    columns: Vec<Column>,
    seq_as_id: bool,
    /// The sheet's name, when the list has several.
    sheet: Option<String>,
    /// A row without an id gets `sheet{n}-row-{row}` (a second or later sheet of several).
    default_id_sheet: Option<usize>,
    /// The sector the sheet's name gives, for a row without one.
    sector_hint: Option<String>,
    /// The place the sheet's name or title gives, for a row without one.
    place_hint: Option<String>,
}

impl SheetPlan {
    fn build(&self, row: PendingRow) -> RawRow {
        let mut r = build_row(row.number, row.cells, &self.columns, self.seq_as_id, row.hint);
        r.place_filled = row.place_filled;
        r.sheet.clone_from(&self.sheet);
        r.default_id = self.default_id_sheet.map(|n| format!("sheet{n}-row-{}", r.row));
        if r.sector_hint.is_none() {
            r.sector_hint.clone_from(&self.sector_hint);
        }
        r.place_hint.clone_from(&self.place_hint);
        r.id_is_sequence = self.seq_as_id;
        r
    }
}

/// The data rows of a table's sheets, read and classified but built into raw rows (their cells
/// tagged, places joined, contacts split) only when validation takes them, one at a time: a
/// national list is held as its cells once, never as cells and raw rows at once.
pub(crate) struct SheetRows {
    sheets: Vec<(SheetPlan, Vec<PendingRow>)>,
}

impl std::fmt::Debug for SheetRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SheetRows({} rows)", self.len())
    }
}

impl SheetRows {
    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.sheets.iter().map(|(_, rows)| rows.len()).sum()
    }

    /// Each row with only its place (its place columns' cells, joined as for the whole row).
    pub(crate) fn for_each_place(&self, f: &mut dyn FnMut(RawRow)) {
        for (plan, rows) in &self.sheets {
            for row in rows {
                let cells = row
                    .cells
                    .iter()
                    .zip(&plan.columns)
                    .map(|(cell, col)| if col.is_place() { cell.clone() } else { Cell::Text("".into()) })
                    .collect();
                let pending = PendingRow { number: row.number, cells, hint: None, place_filled: row.place_filled };
                f(plan.build(pending));
            }
        }
    }

    /// Each row built, given up as it is handed on.
    pub(crate) fn into_each(self, f: &mut dyn FnMut(RawRow)) {
        for (plan, rows) in self.sheets {
            for row in rows {
                f(plan.build(row));
            }
        }
    }
}

/// The columns as the reading reports them (those with a header or a field).
fn column_readings(columns: &[Column]) -> Vec<ColumnReading> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, col)| !col.header.trim().is_empty() || col.role.is_some())
        .map(|(c, col)| ColumnReading {
            column: c,
            header: excerpt(&col.header),
            role: col.role,
            unit: col.unit.clone(),
            ignored: col.ignored,
            chosen: col.chosen,
        })
        .collect()
}

/// A JSON list's rows as the table reader gives them, built one at a time from their packed bytes
/// ([`JsonRows`]) when validation asks: a national list is never held as rows all at once.
pub(crate) struct KeyedRows {
    rows: JsonRows,
    plan: KeyedPlan,
}

/// What turns a JSON list's packed rows into raw rows.
struct KeyedPlan {
    /// Key number → column.
    column_of: Vec<Option<usize>>,
    columns: Vec<Column>,
    seq_as_id: bool,
    /// Keys of units and the amount keys they serve ([`row_unit_plan`]).
    unit_plan: Vec<(usize, Vec<usize>)>,
}

impl KeyedPlan {
    /// Row `index` (from 0) built from the cells of the columns `wanted` takes.
    fn build(&self, index: usize, row: &Row<'_>, wanted: impl Fn(&Column) -> bool) -> RawRow {
        let mut cells = vec![Cell::Text("".into()); self.columns.len()];
        for (key, value) in row.cells() {
            if let Some(c) = self.column_of.get(key as usize).copied().flatten().filter(|&c| wanted(&self.columns[c])) {
                cells[c] = value.to_cell();
            }
        }
        if !self.unit_plan.is_empty() && self.unit_plan.iter().any(|(u, _)| wanted(&self.columns[*u])) {
            apply_row_units(&self.unit_plan, &mut cells);
        }
        build_row(index + 1, cells, &self.columns, self.seq_as_id, None)
    }
}

impl std::fmt::Debug for KeyedRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeyedRows({} rows)", self.rows.len())
    }
}

impl KeyedRows {
    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Each row with only its place (the place columns' cells, joined as for the whole row), in
    /// order: what validation looks at first to find the list's main area.
    pub(crate) fn for_each_place(&self, f: &mut dyn FnMut(RawRow)) {
        let mut index = 0;
        self.rows.for_each(&mut |row| {
            f(self.plan.build(index, &row, Column::is_place));
            index += 1;
        });
    }

    /// Each row built, in order, giving up the packed bytes as they are read.
    pub(crate) fn into_each(self, f: &mut dyn FnMut(RawRow)) {
        let KeyedRows { rows, plan } = self;
        let mut index = 0;
        rows.into_each(&mut |row| {
            f(plan.build(index, &row, |_| true));
            index += 1;
        });
    }
}

/// Reads a JSON list's table: its keys are the header (in order of first appearance), each item of
/// its array a row. The same column reading and whole-column decisions as a sheet's; the rows are
/// left packed, to be built one at a time ([`KeyedRows`]).
pub(crate) fn read_keyed(
    table: JsonTable,
    vocab: Vocabulary,
    choices: &ReadingChoices,
    warnings: &mut Vec<Warning>,
) -> (KeyedRows, TableReading) {
    let (column_of, header) = table.columns();
    let JsonTable { rows, .. } = table;
    let top: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut sheet_warnings = Vec::new();
    let (mut columns, header_unit_cell) = read_columns(&top, &[], None, true, vocab, choices, "", None, &mut sheet_warnings);
    let seq_col = (0..columns.len()).find(|&c| columns[c].ignored.is_none() && columns[c].role == Some(ColumnRole::Sequence));

    // The whole-column decisions read the sequence and amount columns: those cells are taken out of
    // the packed rows in one pass, each row numbered by its place in the array.
    let mut decided_cols = decided_columns(&columns, seq_col);
    // A key of units (`"单位": "亿元"`) is read with the amounts.
    decided_cols.extend(unit_column_candidates(&columns));
    let mut decided: Vec<(usize, ColumnCells<'_>)> = decided_cols.iter().map(|&c| (c, Vec::with_capacity(rows.len()))).collect();
    if !decided.is_empty() {
        let mut index = 0;
        rows.for_each(&mut |row| {
            index += 1;
            for (_, cells) in decided.iter_mut() {
                cells.push((index, Cow::Owned(Cell::Text("".into()))));
            }
            for (key, value) in row.cells() {
                if let Some(c) = column_of.get(key as usize).copied().flatten() {
                    if let Some((_, cells)) = decided.iter_mut().find(|(d, _)| *d == c) {
                        if let Some(last) = cells.last_mut() {
                            last.1 = Cow::Owned(value.to_cell());
                        }
                    }
                }
            }
        });
    }
    let unit_plan = {
        let cells_of = |c: usize, f: &mut dyn FnMut(usize, &Cell)| {
            let cells = decided.iter().find(|(d, _)| *d == c).map_or(&[][..], |(_, cells)| cells.as_slice());
            cells.iter().for_each(|(number, cell)| f(*number, cell));
        };
        row_unit_plan(&mut columns, &cells_of, &mut sheet_warnings)
    };
    // The amount cells the decisions read, in their row's unit (the decided columns hold every
    // served amount column and the unit column, a cell per row each).
    for (u, served) in &unit_plan {
        let units: Vec<Option<String>> =
            decided.iter().find(|(d, _)| d == u).map_or_else(Vec::new, |(_, cells)| cells.iter().map(|(_, cell)| row_unit(cell)).collect());
        for (_, cells) in decided.iter_mut().filter(|(d, _)| served.contains(d)) {
            for ((_, cell), unit) in cells.iter_mut().zip(&units) {
                if let Some(amount) = unit.as_deref().and_then(|unit| in_unit(cell, unit)) {
                    *cell = Cow::Owned(amount);
                }
            }
        }
    }
    let cells_of = |c: usize, f: &mut dyn FnMut(usize, &Cell)| {
        let cells = decided.iter().find(|(d, _)| *d == c).map_or(&[][..], |(_, cells)| cells.as_slice());
        cells.iter().for_each(|(number, cell)| f(*number, cell));
    };
    let (seq_as_id, sequence) = column_decisions(&mut columns, &cells_of, seq_col, header_unit_cell.clone(), &mut sheet_warnings);
    drop(decided);
    warnings.append(&mut sheet_warnings);

    let sheet = SheetReading {
        sequence,
        data_rows: rows.len(),
        columns: column_readings(&columns),
        unit_declared: header_unit_cell,
        ..Default::default()
    };
    let reading = TableReading { kind: SourceKind::Json, vocabulary: vocab, sheets: vec![sheet], ..Default::default() };
    (KeyedRows { rows, plan: KeyedPlan { column_of, columns, seq_as_id, unit_plan } }, reading)
}

/// The cells of one column in the data rows, each with its row's number.
type ColumnCells<'a> = Vec<(usize, Cow<'a, Cell>)>;

/// Calls `f` with the row number and the cell of every data row in a column: how
/// [`column_decisions`] reads a column, without gathering a national list's cells in a vector.
type CellsOf<'a> = dyn Fn(usize, &mut dyn FnMut(usize, &Cell)) + 'a;

/// The columns whose every cell [`column_decisions`] reads: the sequence column and the amount
/// columns in use.
fn decided_columns(columns: &[Column], seq_col: Option<usize>) -> Vec<usize> {
    let amounts = (0..columns.len()).filter(|&c| is_amount(columns[c].role.filter(|_| columns[c].ignored.is_none())));
    seq_col.into_iter().chain(amounts).collect()
}

/// The decisions that read a whole column: whether `序号` is an id (no number repeats), the unit of
/// amount columns that declare none (from their figures' magnitudes, said as a warning), amounts
/// implausible whatever their unit, and single figures far from the rest of their column.
/// `cells_of`: visits the data rows' cells of a column (one of [`decided_columns`]).
fn column_decisions<'a>(
    columns: &mut [Column],
    cells_of: &CellsOf<'a>,
    seq_col: Option<usize>,
    default_unit: Option<UnitReading>,
    warnings: &mut Vec<Warning>,
) -> (bool, Option<SequenceReading>) {
    let active = |c: usize, columns: &[Column]| columns[c].role.filter(|_| columns[c].ignored.is_none());
    let mut seq_as_id = false;
    let mut sequence = None;
    if let Some(sc) = seq_col {
        let mut values: Vec<String> = Vec::new();
        cells_of(sc, &mut |_, cell| values.push(cell.as_text()));
        let mut seen = crate::hash::FxSet::default();
        let mut restarts = false;
        let mut prev: Option<f64> = None;
        for v in &values {
            if !v.is_empty() && !seen.insert(v.clone()) {
                restarts = true;
            }
            if let Ok(n) = v.parse::<f64>() {
                if prev.is_some_and(|p| n <= p) {
                    restarts = true;
                }
                prev = Some(n);
            }
        }
        let complete = values.iter().all(|v| !v.is_empty());
        let has_id = (0..columns.len()).any(|c| active(c, columns) == Some(ColumnRole::Field(Field::Id)));
        seq_as_id = !restarts && complete && !has_id;
        sequence = Some(SequenceReading { column: sc, header: columns[sc].header.clone(), as_id: seq_as_id, restarts });
    }

    // -- units of amount columns ---------------------------------------------------------------
    let fx = Fx::default();
    let figures = |c: usize| -> (Vec<f64>, Vec<f64>) {
        let (mut bare, mut explicit) = (Vec::new(), Vec::new());
        // A text's figure and whether it names a unit, read once per distinct text.
        let mut read: FxMap<String, Option<(f64, bool)>> = FxMap::default();
        cells_of(c, &mut |_, cell| match cell {
            Cell::Number(n) if n.get().is_finite() && n.get() > 0.0 => bare.push(n.get()),
            cell => {
                let t = text_view(cell);
                if t.len() > 200 {
                    return;
                }
                let read_one = |t: &str| match parse_money_in(t, &fx, Currency::Cny) {
                    Ok(Some(a)) if a.representative() > 0 => Some((a.representative() as f64, has_unit_word(&fold(t)))),
                    _ => None,
                };
                let figure = if is_plain_figure(&t) {
                    read_one(&t)
                } else {
                    match read.get(&*t) {
                        Some(known) => *known,
                        None => *read.entry(t.into_owned()).or_insert_with_key(|t| read_one(t)),
                    }
                };
                match figure {
                    Some((v, true)) => explicit.push(v),
                    Some((v, false)) => bare.push(v),
                    None => {}
                }
            }
        });
        (bare, explicit)
    };
    // Each amount column's figures, read once (three steps below look at them).
    let column_figures: Vec<(Vec<f64>, Vec<f64>)> =
        (0..columns.len()).map(|c| if is_amount(active(c, columns)) { figures(c) } else { Default::default() }).collect();
    let mut unitless: Vec<usize> = Vec::new();
    for c in 0..columns.len() {
        if !is_amount(active(c, columns)) || columns[c].unit.is_some() {
            continue;
        }
        if columns[c].canonical {
            columns[c].unit = Some(UnitReading { unit: MoneyUnit::YUAN, source: UnitSource::Format });
        } else if let Some(u) = &default_unit {
            columns[c].unit = Some(u.clone());
        } else {
            unitless.push(c);
        }
    }
    if !unitless.is_empty() {
        let (mut bare, mut explicit) = (Vec::new(), Vec::new());
        for &c in &unitless {
            let (b, e) = &column_figures[c];
            bare.extend(b);
            explicit.extend(e);
        }
        if let Some(typical) = median(&mut bare) {
            let (scale, source) = match median(&mut explicit).filter(|_| explicit.len() >= 3) {
                Some(written) => {
                    let best = [1.0, 1e4, 1e8]
                        .into_iter()
                        .min_by(|a, b| {
                            let d = |s: f64| ((typical * s).log10() - written.log10()).abs();
                            d(*a).total_cmp(&d(*b))
                        })
                        .unwrap_or(1.0);
                    (best, UnitSource::Calibrated { typical, written })
                }
                None => (magnitude_scale(typical), UnitSource::Magnitudes { typical }),
            };
            let unit = MoneyUnit { scale, currency: Currency::Cny };
            // Figures of a million and more read as yuan are the format's own rule, not a guess.
            let guessed = !(scale == 1.0 && typical >= 1e6);
            for &c in &unitless {
                if !column_figures[c].0.is_empty() {
                    columns[c].unit = Some(UnitReading { unit, source: source.clone() });
                }
                if !column_figures[c].0.is_empty() && guessed {
                    warnings.push(Warning::new(
                        None,
                        columns[c].role.and_then(ColumnRole::field),
                        &columns[c].header,
                        WarningKind::UnitAssumed { unit, typical, calibrated: matches!(source, UnitSource::Calibrated { .. }) },
                    ));
                }
            }
        }
    }
    // Amounts that come out implausible whatever their unit says: said, never silently kept.
    for c in 0..columns.len() {
        if !is_amount(active(c, columns)) {
            continue;
        }
        let unit = columns[c].unit.as_ref().map_or(MoneyUnit::YUAN, |u| u.unit);
        let (bare, explicit) = &column_figures[c];
        let mut yuan: Vec<f64> = bare.iter().map(|v| v * unit.scale * fx.rate(unit.currency)).chain(explicit.iter().copied()).collect();
        if let Some(m) = median(&mut yuan) {
            if !(1e5..=1e12).contains(&m) {
                warnings.push(Warning::new(
                    None,
                    columns[c].role.and_then(ColumnRole::field),
                    &columns[c].header,
                    WarningKind::AmountsImplausible { typical_yuan: m },
                ));
            }
        }
    }

    drop(column_figures);

    // One figure far from the rest of its column (`3.5` among `85000`s: written in 亿 in a 万元
    // column) is kept as read, but said on its row: a unit error must never pass in silence.
    for c in 0..columns.len() {
        if !is_amount(active(c, columns)) {
            continue;
        }
        let scale = columns[c].unit.as_ref().map_or(1.0, |u| u.unit.scale * fx.rate(u.unit.currency));
        // Two passes over the column (its figures, then the rows far from their median), each
        // distinct worded amount read once: no vector of a national list's cells or figures.
        let mut read: FxMap<String, Option<f64>> = FxMap::default();
        let mut figure_of = |cell: &Cell| -> Option<f64> {
            match cell {
                Cell::Text(t) if !is_plain_figure(t.trim()) => match read.get(t.trim()) {
                    Some(known) => *known,
                    None => *read.entry(t.trim().to_string()).or_insert_with(|| bare_figure(cell, &fx)),
                },
                cell => bare_figure(cell, &fx),
            }
        };
        let mut values: Vec<f64> = Vec::new();
        cells_of(c, &mut |_, cell| values.extend(figure_of(cell)));
        let count = values.len();
        let Some(typical) = median(&mut values).filter(|_| count >= 3) else { continue };
        drop(values);
        cells_of(c, &mut |number, cell| {
            let Some(v) = figure_of(cell) else { return };
            if !(1e-3..=1e3).contains(&(v / typical)) {
                warnings.push(Warning::new(
                    Some(number),
                    columns[c].role.and_then(ColumnRole::field),
                    &cell.as_text(),
                    WarningKind::AmountOutlier { read_yuan: v * scale, typical_yuan: typical * scale },
                ));
            }
        });
    }

    (seq_as_id, sequence)
}

/// The median of positive figures (sorted in place).
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    crate::sort::sort_by(values, |a, b| a.total_cmp(b));
    Some(values[values.len() / 2])
}

/// The unit a column of bare figures with no unit anywhere is read in, from a typical figure:
/// published projects run from a few million to some hundred billion yuan, so figures of a million
/// and more are yuan, figures from 300 up are 万元 (50,000 is 5亿, not 5万 yuan), smaller ones 亿元.
fn magnitude_scale(typical: f64) -> f64 {
    if typical >= 1e6 {
        1.0
    } else if typical >= 300.0 {
        1e4
    } else {
        1e8
    }
}

/// True when the row under the header is a second header row: it names fields or units, holds no
/// long text, and leaves the project-name column empty (or repeats its header, merged down).
fn is_sub_header(sub: &[String], top: &[String], name_col: Option<usize>, merges: &Merges, s: usize, h: usize, vocab: Vocabulary) -> bool {
    let read_header = |h: &str| vocab.read(h);
    let cells: Vec<(usize, &String)> = sub.iter().enumerate().filter(|(_, t)| !t.is_empty()).collect();
    if cells.is_empty() || cells.iter().any(|(_, t)| t.chars().count() > MAX_HEADER_CHARS) {
        return false;
    }
    if let Some(nc) = name_col {
        let t = sub.get(nc).map(String::as_str).unwrap_or("");
        let merged_down = merges.source(s, nc).is_some_and(|(ti, _)| ti == h);
        if !t.is_empty() && !merged_down && t != top[nc] && read_header(t).is_none() {
            return false;
        }
    }
    // A cell names something when it is a header, a unit (`（万元）`), or words with a unit in
    // brackets (`金额（亿元）`, `其中拟引资（亿元）`): no data cell is written that way.
    let naming = cells
        .iter()
        .filter(|(_, t)| read_header(t).is_some_and(|m| m.exact) || MoneyUnit::parse(t).is_some() || header_unit(t).is_some())
        .count();
    // Most of its cells name something: a data row may hold one word that happens to be a header.
    naming >= 1 && naming * 2 >= cells.len()
}

/// A column's header as the label of its text joined to another column's (`建设内容：…`): on one
/// line, without a unit or note in brackets.
fn header_label(header: &str) -> String {
    let one_line: String = header.split_whitespace().collect::<Vec<_>>().join("");
    let cut = one_line.find(['（', '(']).filter(|&i| i > 0).unwrap_or(one_line.len());
    one_line[..cut].trim_end_matches(['：', ':', '/']).to_string()
}

/// A data row's cells as fields.
fn build_row(number: usize, mut cells: Vec<Cell>, columns: &[Column], seq_as_id: bool, sector_hint: Option<String>) -> RawRow {
    // Every row of a national list is held until validation: its fields are sized exactly, once,
    // and a blank cell is not kept (`RawRow::get` reads a blank as absent). Exactly: a vector sized
    // for every column and shrunk afterwards leaves a hole per row in the wasm heap, which never
    // shrinks; one the size of the kept cells fits where the source row's cells were.
    let kept = |c: usize, col: &Column| {
        let keeps = match col.role {
            Some(ColumnRole::Field(_)) => true,
            Some(ColumnRole::Sequence) => seq_as_id,
            _ => false,
        };
        // The cell's text is looked at last: a national list's cells are out of the cache by now.
        keeps && col.ignored.is_none() && !cells.get(c).is_none_or(|cell| matches!(cell, Cell::Text(t) if t.trim().is_empty()))
    };
    let fields = columns.iter().enumerate().filter(|(c, col)| kept(*c, col)).count();
    let mut out: Vec<(Field, Cell)> = Vec::with_capacity(fields);
    let mut units: Vec<(Field, MoneyUnit)> = Vec::new();
    let mut parts: Vec<(PlaceLevel, String)> = Vec::new();
    let mut combined: Vec<String> = Vec::new();
    // A joined column's field, label and text.
    let mut joined: Vec<(Field, &str, String)> = Vec::new();
    for (c, col) in columns.iter().enumerate() {
        if let (Some(ColumnRole::Field(f)), Some(IgnoredColumn::Joined)) = (col.role, col.ignored) {
            let text = cells.get(c).map(Cell::as_text).unwrap_or_default();
            if !text.trim().is_empty() {
                joined.push((f, &col.join_label, text.trim().to_string()));
            }
            continue;
        }
        let Some(role) = col.role.filter(|_| col.ignored.is_none()) else { continue };
        if let (ColumnRole::Field(f), Some(u)) = (role, &col.unit) {
            // Only amount columns keep a unit (the others' were cleared when the columns were read).
            units.push((f, u.unit));
        }
        let cell = cells.get_mut(c).map(|cell| std::mem::replace(cell, Cell::Text("".into()))).unwrap_or(Cell::Text("".into()));
        if matches!(&cell, Cell::Text(t) if t.trim().is_empty()) && matches!(role, ColumnRole::Field(_) | ColumnRole::Sequence) {
            continue;
        }
        match role {
            ColumnRole::Field(f) => out.push((f, cell)),
            ColumnRole::Sequence if seq_as_id => out.push((Field::Id, cell)),
            ColumnRole::Sequence => {}
            ColumnRole::Contact => combined.push(cell.as_text()),
            ColumnRole::RegionPart(level) => parts.push((level, cell.as_text())),
        }
    }
    let mut row = RawRow { row: number, cells: out, units, sector_hint, ..RawRow::default() };
    for (f, label, text) in joined {
        let labelled = format!("{label}{text}");
        match row.get(f).map(Cell::as_text) {
            // The same words again (a portal's two keys for one text) are not repeated.
            Some(first) if fold(&first).contains(&fold(&text)) => {}
            Some(first) if !labelled.chars().any(is_cjk) && !first.chars().any(is_cjk) => {
                row.set(f, Cell::Text(format!("{}; {labelled}", first.trim_end_matches([';', '.', ' '])).into()))
            }
            Some(first) => row.set(f, Cell::Text(format!("{}；{labelled}", first.trim_end_matches(['；', ';', '。', ' '])).into())),
            None => row.set(f, Cell::Text(labelled.into())),
        }
    }
    // A place over several columns: 省 + 市 + 县, then the place column's own text unless it
    // already names them.
    let parts: Vec<String> = {
        let mut p = parts;
        crate::sort::sort_by_key(&mut p, |(l, _)| *l);
        p.into_iter().map(|(_, t)| t).filter(|t| !t.is_empty()).collect()
    };
    if !parts.is_empty() {
        let own = row.get(Field::Region).map(Cell::as_text).unwrap_or_default();
        let own_f = fold(&own);
        let mut text: String = parts.iter().filter(|p| !own_f.contains(&fold(p))).cloned().collect::<Vec<_>>().join("");
        text.push_str(&own);
        row.set(Field::Region, Cell::Text(text.into()));
    }
    // Contacts: a combined cell, or a name cell holding a phone, or a phone cell holding a name.
    let mut split_from: Vec<String> = combined;
    // Looked at in place first: most rows hold a plain name and a plain number.
    if let Some(name) = row.get(Field::ContactName).filter(|c| has_phone(&text_view(c))).map(Cell::as_text) {
        row.set(Field::ContactName, Cell::Text("".into()));
        split_from.push(name);
    }
    if let Some(phone) = row.get(Field::ContactPhone).filter(|c| text_view(c).chars().any(is_cjk)).map(Cell::as_text) {
        let parts = split_contact(&phone);
        if parts.name.is_some() {
            row.set(Field::ContactPhone, Cell::Text("".into()));
            split_from.push(phone);
        }
    }
    // `联系单位及电话`: an organisation's cell holding its phone (`三江新区投促局 0831-3330001`).
    if let Some(org) = row.get(Field::ContactOrg).filter(|c| has_phone(&text_view(c))).map(Cell::as_text) {
        let parts = split_contact(&org);
        if let Some(name) = parts.name {
            row.set(Field::ContactOrg, Cell::Text(name.into()));
            for (field, value) in [(Field::ContactPhone, parts.phone), (Field::ContactEmail, parts.email)] {
                if let (Some(v), None) = (value, row.get(field)) {
                    row.set(field, Cell::Text(v.into()));
                }
            }
        }
    }
    for text in split_from.iter().filter(|t| !t.trim().is_empty()) {
        let parts = split_contact(text);
        for (field, value) in [(Field::ContactName, parts.name), (Field::ContactPhone, parts.phone), (Field::ContactEmail, parts.email)] {
            if let Some(v) = value {
                if row.get(field).is_none() {
                    row.set(field, Cell::Text(v.into()));
                }
            }
        }
    }
    row
}

/// Reads every sheet of a grid; the sheets that hold a list give the rows, in order.
pub(crate) fn read_grid(
    grid: Grid,
    vocab: Vocabulary,
    choices: &ReadingChoices,
    warnings: &mut Vec<Warning>,
) -> Result<(SheetRows, TableReading), LoadError> {
    let mut reading = TableReading { kind: grid.kind, vocabulary: vocab, ..Default::default() };
    let mut outs: Vec<(String, SheetOut)> = Vec::new();
    let mut first_fail: Option<Vec<String>> = None;
    let (kind, sheet_count) = (grid.kind, grid.sheets.len());
    for sheet in grid.sheets {
        let name = sheet.name.clone();
        match read_sheet(sheet, vocab, choices) {
            Ok(out) if out.reading.data_rows > 0 => outs.push((name, out)),
            Ok(out) => {
                reading.ignored_sheets.push(IgnoredSheet { name: name.clone(), why: IgnoredWhy::NoRows });
                if outs.is_empty() && sheet_count == 1 {
                    outs.push((name, out));
                }
            }
            Err(SheetFail::Empty) => reading.ignored_sheets.push(IgnoredSheet { name, why: IgnoredWhy::Empty }),
            Err(SheetFail::NoHeader(headers)) => {
                reading.ignored_sheets.push(IgnoredSheet { name, why: IgnoredWhy::NoHeader });
                first_fail.get_or_insert(headers);
            }
        }
    }
    if outs.is_empty() {
        // A workbook whose only list sheet has a header and no rows still loads (no projects).
        return Err(match first_fail {
            Some(headers) => LoadError::NoNameColumn { headers },
            None => LoadError::Empty,
        });
    }
    let several = outs.len() > 1;
    let mut rows = SheetRows { sheets: Vec::new() };
    for (k, (name, out)) in outs.into_iter().enumerate() {
        let SheetOut { rows: sheet_rows, columns, seq_as_id, reading: mut sheet_reading, warnings: sheet_warnings } = out;
        let sheet_name = (several || kind.is_spreadsheet()).then(|| name.clone());
        // A sheet per city or county (`绵阳`, `德阳市`, or a title `2026年德阳市招商项目` above each
        // sheet's header): the place of its rows that give none; then the name is no sector.
        // (A name is a place only when it is one whole: `石棉项目` names a card's project.)
        let place_hint = (several && sheet_reading.cards.is_empty())
            .then(|| {
                let name_is_place = names_a_place(&name, true).then_some(name.as_str());
                let mut titles = sheet_reading.above_header.iter().map(|t| t.text.as_str());
                name_is_place.or_else(|| titles.find(|t| names_a_place(t, false))).map(|t| t.trim().to_string())
            })
            .flatten();
        let names_place = place_hint.as_deref() == Some(name.trim());
        // (A card sheet's name is its project's, not a sector: `项目1`, `宜宾智能终端产业园`.)
        let hint =
            (several && !names_place && !is_generic_sheet_name(&name) && sheet_reading.cards.is_empty()).then(|| name.trim().to_string());
        sheet_reading.name = sheet_name.clone();
        sheet_reading.sector_hint = hint.clone();
        sheet_reading.place_hint = place_hint.clone();
        for mut w in sheet_warnings {
            if several {
                w.sheet = sheet_name.clone();
            }
            warnings.push(w);
        }
        let plan = SheetPlan {
            columns,
            seq_as_id,
            sheet: if several { sheet_name.clone() } else { None },
            default_id_sheet: (several && k > 0).then_some(k + 1),
            sector_hint: hint.clone(),
            place_hint,
        };
        rows.sheets.push((plan, sheet_rows));
        reading.sheets.push(sheet_reading);
    }
    Ok((rows, reading))
}

/// A cell's text as [`Cell::as_text`] makes it, borrowed from a text cell (no copy per cell of a
/// national list).
fn text_view(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(t) => Cow::Borrowed(t.trim()),
        cell => Cow::Owned(cell.as_text()),
    }
}

/// True for a plain figure (`900000000`, `5000.5`, `85,000`): read at once wherever a column's
/// amounts are read, never remembered — a national list's column of them, nearly all distinct,
/// would hold a map of 100,000 texts at the peak of the load for nothing.
fn is_plain_figure(t: &str) -> bool {
    t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// The figure of an amount cell written without a unit word (`85000`, `3.5`, `1-2`'s middle), as
/// the unit decision reads it; `None` for text with a unit, blanks and what is not an amount.
fn bare_figure(cell: &Cell, fx: &Fx) -> Option<f64> {
    match cell {
        Cell::Number(n) if n.get().is_finite() && n.get() > 0.0 => Some(n.get()),
        cell => {
            let t = cell.as_text();
            if t.len() > 200 || has_unit_word(&fold(&t)) {
                return None;
            }
            // A plain figure keeps its decimals (the money reader rounds to whole yuan).
            if let Ok(v) = t.trim().replace(',', "").parse::<f64>() {
                return (v.is_finite() && v > 0.0).then_some(v);
            }
            let v = parse_money_in(&t, fx, Currency::Cny).ok()??.representative() as f64;
            (v > 0.0).then_some(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_headings_give_their_sector() {
        assert_eq!(group_hint("一、智能网联及新能源汽车（4个）"), "智能网联及新能源汽车");
        assert_eq!(group_hint("（二）数字经济"), "数字经济");
        assert_eq!(group_hint("3. 现代物流（共5个项目）"), "现代物流");
        assert_eq!(group_hint("第三部分：文旅康养"), "文旅康养");
        assert_eq!(group_hint("生物医药 共3项"), "生物医药");
        assert_eq!(group_hint("一、先進製造業（2個）"), "先進製造業");
        assert_eq!(group_hint("（二）數位經濟（共3項）"), "數位經濟");
        assert!(has_group_marker("十二、其他"));
        assert!(!has_group_marker("1.5亿元"));
        assert!(!has_group_marker("成都动力电池项目"));
        assert!(is_group_ordinal("一") && is_group_ordinal("（三）") && !is_group_ordinal("1"));
    }

    #[test]
    fn totals_notes_and_footers() {
        assert!(is_total("合计") && is_total("合 计") && is_total("小计（8个）") && is_total("總計"));
        assert!(!is_total("总计划投资项目"));
        assert!(is_note("注：1.表中投资额单位为万元") && is_note("备注") && is_note("说明:数据截至6月"));
        assert!(!is_note("注塑件生产项目"));
        assert!(is_footer("填报人：王五") && !is_footer("填报人员培训项目"));
    }

    #[test]
    fn units_declared_in_words() {
        let scale = |t| declared_unit(t).map(|u| u.scale);
        assert_eq!(scale("金额单位：万元"), Some(1e4));
        assert_eq!(scale("单位：亿元"), Some(1e8));
        assert_eq!(scale("说明：1.本表金额单位除注明外均为亿元；2.项目按产业分类排列。"), Some(1e8));
        assert_eq!(scale("注：金额单位除特别注明外为万元"), Some(1e4));
        assert_eq!(scale("注：1.表中投资额单位为万元；2.排名不分先后"), Some(1e4));
        assert_eq!(scale("2024年重点项目表（单位：万元）"), Some(1e4));
        assert_eq!(scale("以亿元为单位"), Some(1e8));
        assert_eq!(scale("（万元）"), Some(1e4));
        assert_eq!(scale("填报单位：XX投资促进中心（盖章）"), None);
        assert_eq!(scale("单位：亩"), None);
    }

    #[test]
    fn contacts_split_into_name_and_phone() {
        let p = split_contact("王磊 0553-5841234");
        assert_eq!((p.name.as_deref(), p.phone.as_deref()), (Some("王磊"), Some("0553-5841234")));
        let p = split_contact("联系人:高辉 联系电话:024-86896265");
        assert_eq!((p.name.as_deref(), p.phone.as_deref()), (Some("高辉"), Some("024-86896265")));
        let p = split_contact("张三，13800000000，zhang@example.cn");
        assert_eq!(
            (p.name.as_deref(), p.phone.as_deref(), p.email.as_deref()),
            (Some("张三"), Some("13800000000"), Some("zhang@example.cn"))
        );
        let p = split_contact("028-88880001");
        assert_eq!((p.name, p.phone.as_deref()), (None, Some("028-88880001")));
        // A date beside a name is no phone number (`2025-10-09` has eight digits).
        let p = split_contact("李娜 2025-10-09 0831-7654321");
        assert_eq!(p.phone.as_deref(), Some("0831-7654321"));
        assert!(!has_phone("更新于2026/3/17"));
        let p = split_contact("李四（0816）2345678");
        assert_eq!((p.name.as_deref(), p.phone.as_deref()), (Some("李四"), Some("（0816）2345678")));
    }

    #[test]
    fn a_split_name_is_not_split_again() {
        // Reading the name a second time (a normalised file reloaded) must find no phone and
        // must not take another address out of it.
        for text in ["编号12 34@x.cn 567 王五", "甲 a@x.cn 乙 b@y.cn 0816-2345678 丙", "GD-0001 15亿元 200 杨先生 invest@example.org"]
        {
            let p = split_contact(text);
            let name = p.name.clone().unwrap_or_default();
            assert!(!has_phone(&name), "{text:?} leaves a phone in {name:?}");
            assert_eq!(split_contact_once(&name, p.email.is_some()).name.unwrap_or_default(), name, "{text:?}");
        }
        let p = split_contact("甲 a@x.cn 乙 b@y.cn 0816-2345678 丙");
        assert_eq!((p.name.as_deref(), p.email.as_deref()), (Some("甲 乙 b@y.cn 丙"), Some("a@x.cn")));
        // Scattered digits are not a phone: such a name cell is kept whole.
        assert!(!has_phone("GD-0001 15亿元 200 杨先生"));
    }

    #[test]
    fn figures_alone_decide_a_unit_only_by_their_size() {
        assert_eq!(magnitude_scale(50_000.0), 1e4);
        assert_eq!(magnitude_scale(3_000.0), 1e4);
        assert_eq!(magnitude_scale(12.5), 1e8);
        assert_eq!(magnitude_scale(3_000_000_000.0), 1.0);
    }

    #[test]
    fn generic_sheet_names_are_no_sector() {
        for n in ["Sheet1", "工作表2", "附件1", "2024年招商项目表", "项目清单"] {
            assert!(is_generic_sheet_name(n), "{n}");
        }
        for n in ["先进制造业", "数字经济", "文旅康养项目"] {
            assert!(!is_generic_sheet_name(n), "{n}");
        }
    }
}
