//! Money: reading amounts as officials and investors write them, holding them as integer yuan, and
//! showing them per language.
//!
//! Accepted forms (after [`fold`](crate::fold::fold), so Traditional `億`/`萬` and full-width digits
//! work too): plain yuan (`3000000000`), Arabic numbers with units (`12亿元`, `1.2亿`, `12000万元`,
//! `1,200万元`, `3千万`), Chinese numerals (`五千万`, `十二亿`, `二千五百万元`, `一亿二千万`), English
//! scales (`50 million`, `1.5bn`, `$5m`), currencies (`美元`, `USD`, `US$`, `$`, `港元`, `HKD`, `HK$`,
//! `欧元`, `EUR`, `€`, `英镑`, `GBP`, `日元`, `JPY`, `人民币`, `RMB`, `CNY`, `元`, `¥`), ranges
//! (`5-10亿`, `1亿~5亿`, `1至5亿`, `1 to 5 billion`) and open bounds (`5000万以内`, `up to 200 million
//! USD`, `5亿以上`, `at least 1 billion`).
//!
//! Spoken forms are read too: `2个亿`, `一个亿`, `上亿` / `过亿` (at least 1亿), `大概2亿`, `2亿上下`,
//! `5000w` (w = 万), `5kw` (千万), `2e` / `2个e` (e = 亿, as chat writes it), `3 yi` and `5 qian wan`
//! (pinyin), `1亿8` / `一亿八` (1.8亿: a last digit counts in the place below, unless 零 says
//! otherwise: `二万零五`), `三千五万` (3500万), `半个亿` / `两个半亿` / `一亿半` (halves), `一个多亿`
//! / `三千多万` (1–2亿, 3000–4000万), `百亿`, `不少于1亿`, `预算2-3个亿` and `2亿左右吧` (the field's
//! name and a particle around the amount), `两三个亿` and `二三十亿` (ranges of neighbouring numerals),
//! `几千万` / `十几亿` / `几十亿` / `大几千万` (几 = 2–9, 十几 = 11–19, 大几 = 5–9, 小几 = 2–4), `千万级` (1000万 up to 1亿), `一个小目标`
//! (1亿), `一千来万` / `十来个亿` / `一千万出头` (a little over: up to half a place more), `千把万` /
//! `个把亿` (about one of the unit), `小一个亿` / `近亿` (nearly: the amount), `5万块` (块 = 元), and in English `a billion`, `half a billion`, `a few million` (2–9 million), `tens of
//! millions`, `hundreds of millions`, number words (`fifty million`).
//!
//! Foreign amounts convert to yuan with the list's `fx` table, else [`Fx::default`]: USD 7.1,
//! HKD 0.91, EUR 7.7, GBP 9.0, JPY 0.048, TWD 0.22, MOP 0.88, SGD 5.3 yuan per unit (documented
//! defaults, rounded mid-2024 rates; a list's own `fx` overrides them). New Taiwan dollars are
//! `新臺幣`, `新台币`, `台币`, `NT$`, `NTD`, `TWD`; patacas `澳门元`, `澳門幣`, `MOP`, `MOP$`; Singapore
//! dollars `新加坡元`, `新币`, `S$`, `SGD`.

use crate::fold::fold;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// A currency an amount may be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// Chinese yuan (renminbi).
    #[default]
    Cny,
    /// US dollar.
    Usd,
    /// Hong Kong dollar.
    Hkd,
    /// Euro.
    Eur,
    /// Pound sterling.
    Gbp,
    /// Japanese yen.
    Jpy,
    /// New Taiwan dollar (新臺幣).
    Twd,
    /// Macau pataca (澳門幣).
    Mop,
    /// Singapore dollar.
    Sgd,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Hkd => "HKD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Jpy => "JPY",
            Currency::Twd => "TWD",
            Currency::Mop => "MOP",
            Currency::Sgd => "SGD",
        }
    }

    /// Parses an ISO code, case-insensitive.
    ///
    /// ```
    /// use opportunity_matcher::money::Currency;
    /// assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
    /// assert_eq!(Currency::from_code("XYZ"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Currency> {
        Some(match code.trim().to_ascii_uppercase().as_str() {
            "CNY" | "RMB" => Currency::Cny,
            "USD" => Currency::Usd,
            "HKD" => Currency::Hkd,
            "EUR" => Currency::Eur,
            "GBP" => Currency::Gbp,
            "JPY" => Currency::Jpy,
            "TWD" | "NTD" => Currency::Twd,
            "MOP" => Currency::Mop,
            "SGD" => Currency::Sgd,
            _ => return None,
        })
    }

    fn unit_name(self, lang: Lang) -> &'static str {
        match self {
            Currency::Cny => lang.pick("元", "元", "yuan"),
            Currency::Usd => lang.pick("美元", "美元", "USD"),
            Currency::Hkd => lang.pick("港元", "港元", "HKD"),
            Currency::Eur => lang.pick("欧元", "歐元", "EUR"),
            Currency::Gbp => lang.pick("英镑", "英鎊", "GBP"),
            Currency::Jpy => lang.pick("日元", "日圓", "JPY"),
            Currency::Twd => lang.pick("新台币", "新臺幣", "TWD"),
            Currency::Mop => lang.pick("澳门元", "澳門元", "MOP"),
            Currency::Sgd => lang.pick("新加坡元", "新加坡元", "SGD"),
        }
    }
}

/// Exchange rates: yuan per unit of each foreign currency.
///
/// ```
/// use opportunity_matcher::money::{Currency, Fx};
/// let fx = Fx::default();
/// assert_eq!(fx.rate(Currency::Usd), 7.1);
/// assert_eq!(fx.with(Currency::Usd, 7.2).rate(Currency::Usd), 7.2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fx {
    rates: Vec<(Currency, f64)>,
}

impl Default for Fx {
    /// The documented default rates, used when a list gives none.
    fn default() -> Self {
        Fx {
            rates: vec![
                (Currency::Usd, 7.1),
                (Currency::Hkd, 0.91),
                (Currency::Eur, 7.7),
                (Currency::Gbp, 9.0),
                (Currency::Jpy, 0.048),
                (Currency::Twd, 0.22),
                (Currency::Mop, 0.88),
                (Currency::Sgd, 5.3),
            ],
        }
    }
}

impl Fx {
    /// Yuan per unit of `currency` (1 for yuan).
    pub fn rate(&self, currency: Currency) -> f64 {
        if currency == Currency::Cny {
            return 1.0;
        }
        self.rates.iter().find(|(c, _)| *c == currency).map(|(_, r)| *r).unwrap_or(1.0)
    }

    /// Returns these rates with one replaced; non-finite or non-positive rates are ignored.
    pub fn with(mut self, currency: Currency, yuan_per_unit: f64) -> Fx {
        if currency != Currency::Cny && yuan_per_unit.is_finite() && yuan_per_unit > 0.0 {
            self.rates.retain(|(c, _)| *c != currency);
            self.rates.push((currency, yuan_per_unit));
        }
        self
    }
}

/// How an amount bounds the value: an exact figure, a range, or an open bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// One figure, `12亿元`.
    Exact,
    /// Both ends given, `5-10亿`.
    Range,
    /// Only an upper end, `5000万以内`, `up to 200 million USD`.
    UpTo,
    /// Only a lower end, `5亿以上`, `at least 1 billion`.
    AtLeast,
}

/// An amount of money in integer yuan, with the currency it was written in.
///
/// `min == max` for an exact figure; `min == 0` for [`Bound::UpTo`]; `max == u64::MAX` for
/// [`Bound::AtLeast`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// Lower end in yuan.
    pub min: u64,
    /// Upper end in yuan.
    pub max: u64,
    /// What kind of bound this is.
    pub bound: Bound,
    /// The currency the text was written in (amounts are converted to yuan already).
    pub currency: Currency,
}

impl Amount {
    /// An exact amount in yuan.
    pub fn yuan(yuan: u64) -> Amount {
        Amount { min: yuan, max: yuan, bound: Bound::Exact, currency: Currency::Cny }
    }

    /// A single representative figure: the value, the geometric middle of a range, or the given end
    /// of an open bound.
    ///
    /// ```
    /// use opportunity_matcher::money::{parse_money, Fx};
    /// let a = parse_money("5-20亿", &Fx::default()).unwrap().unwrap();
    /// assert_eq!(a.representative(), 1_000_000_000);
    /// ```
    pub fn representative(&self) -> u64 {
        match self.bound {
            Bound::Exact => self.min,
            Bound::Range => ((self.min.max(1) as f64) * (self.max.max(1) as f64)).sqrt().round() as u64,
            Bound::UpTo => self.max,
            Bound::AtLeast => self.min,
        }
    }
}

/// Why a piece of money text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyError {
    /// No number could be found or the words around it are not money words.
    NotUnderstood,
    /// A minus sign or a negative amount.
    Negative,
    /// More than a quadrillion yuan: surely a typing error.
    TooLarge,
    /// A range whose lower end is above its upper end.
    InvertedRange,
}

impl MoneyError {
    /// A plain-words explanation.
    ///
    /// ```
    /// use opportunity_matcher::{money::MoneyError, Lang};
    /// assert!(MoneyError::NotUnderstood.message(Lang::En).contains("amount"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let text: &str = match self {
            MoneyError::NotUnderstood => lang.pick(
                "无法识别为金额（示例：12亿元、5000万、5-10亿、USD 50 million）",
                "無法識別為金額（示例：12億元、5000萬、5-10億、USD 50 million）",
                "not readable as an amount (examples: 12亿元, 5000万, 5-10亿, USD 50 million)",
            ),
            MoneyError::Negative => lang.pick("金额不能为负数", "金額不能為負數", "an amount cannot be negative"),
            MoneyError::TooLarge => lang.pick(
                "金额超过一千万亿元，应为录入错误",
                "金額超過一千萬億元，應為錄入錯誤",
                "more than a quadrillion yuan, surely a typing error",
            ),
            MoneyError::InvertedRange => {
                lang.pick("区间的下限大于上限", "區間的下限大於上限", "the lower end of the range is above the upper end")
            }
        };
        text.to_string()
    }
}

pub(crate) const MAX_YUAN: f64 = 1e15;
/// What officials write in an amount cell for "not published" (after folding): dashes, slashes,
/// 待定 (to be decided), 暂无 (none yet), 面议 (to be negotiated) …
const NOT_PUBLISHED: [&str; 27] = [
    "-",
    "--",
    "---",
    "/",
    "//",
    "\\",
    "—",
    "——",
    "–",
    "…",
    "……",
    "...",
    "无",
    "暂无",
    "待定",
    "未定",
    "待议",
    "面议",
    "另议",
    "协商",
    "不详",
    "待确定",
    "n/a",
    "na",
    "tbd",
    "none",
    "null",
];
/// What an investor types in the budget box for "any amount" (after folding, spaces removed):
/// understood as no budget, so neither a warning nor a filter.
const ANY_AMOUNT: &[&str] = &[
    "不限",
    "不限额",
    "不限金额",
    "金额不限",
    "投资额不限",
    "预算不限",
    "规模不限",
    "无限制",
    "无上限",
    "不设限",
    "都可以",
    "都行",
    "均可",
    "随意",
    "随便",
    "无所谓",
    "看项目",
    "视项目而定",
    "看项目而定",
    "根据项目",
    "根据项目定",
    "灵活",
    "不确定",
    "不差钱",
    "越多越好",
    "多多益善",
    "上不封顶",
    "资金充足",
    "资金雄厚",
    "钱不是问题",
    "资金不是问题",
    "预算不是问题",
    "不缺钱",
    "不缺资金",
    "budgetflexible",
    "flexiblebudget",
    "budgetisflexible",
    "budgetopen",
    "openbudget",
    "nobudgetlimit",
    "nobudgetcap",
    "moneyisnoobject",
    "moneynoobject",
    "any",
    "anyamount",
    "nolimit",
    "unlimited",
    "flexible",
    "open",
    "notsure",
    "whatever",
    "depends",
];

/// Whether budget text says "any amount" (`不限`, `看项目`, `no limit`, `flexible`): the
/// investor sets no budget, which is not a budget misread.
///
/// ```
/// use opportunity_matcher::money::is_any_amount;
/// assert!(is_any_amount("不限"));
/// assert!(is_any_amount("投资额不限"));
/// assert!(is_any_amount("No limit"));
/// assert!(!is_any_amount("5000万以内"));
/// ```
pub fn is_any_amount(text: &str) -> bool {
    let folded: String = fold(text).chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '.' | '!' | '。')).collect();
    ANY_AMOUNT.contains(&folded.as_str())
}

/// Longer money text (after folding) is not read.
const MAX_TEXT_BYTES: usize = 1_000;

/// Reads money text into an [`Amount`] in yuan. Blank text is `Ok(None)` ("not published").
///
/// ```
/// use opportunity_matcher::money::{parse_money, Bound, Currency, Fx};
/// let fx = Fx::default();
/// let read = |t| parse_money(t, &fx).unwrap().unwrap();
/// assert_eq!(read("12亿元").min, 1_200_000_000);
/// assert_eq!(read("五千万").min, 50_000_000);
/// assert_eq!(read("30億").min, 3_000_000_000);
/// assert_eq!(read("1,200万元").min, 12_000_000);
/// let range = read("5-10亿");
/// assert_eq!((range.min, range.max, range.bound), (500_000_000, 1_000_000_000, Bound::Range));
/// let usd = read("USD 50 million");
/// assert_eq!((usd.min, usd.currency), (355_000_000, Currency::Usd));
/// assert_eq!(read("up to 200 million USD").bound, Bound::UpTo);
/// assert!(parse_money("", &fx).unwrap().is_none());
/// assert!(parse_money("很多钱", &fx).is_err());
/// ```
pub fn parse_money(text: &str, fx: &Fx) -> Result<Option<Amount>, MoneyError> {
    parse_money_in(text, fx, Currency::Cny)
}

/// Like [`parse_money`], for text whose bare figures are in `default_currency` (a list that
/// declares `"currency": "USD"`); a currency written in the text still wins.
///
/// ```
/// use opportunity_matcher::money::{parse_money_in, Currency, Fx};
/// let fx = Fx::default();
/// assert_eq!(parse_money_in("10 million", &fx, Currency::Usd).unwrap().unwrap().min, 71_000_000);
/// assert_eq!(parse_money_in("1亿元", &fx, Currency::Usd).unwrap().unwrap().min, 100_000_000);
/// ```
pub fn parse_money_in(text: &str, fx: &Fx, default_currency: Currency) -> Result<Option<Amount>, MoneyError> {
    let folded = fold(text);
    let s = folded.trim().to_string();
    if s.is_empty() || NOT_PUBLISHED.contains(&s.as_str()) {
        return Ok(None);
    }
    // No amount is written in this much text; a hostile 10 MB cell fails at once instead of being
    // scanned once per money word.
    if s.len() > MAX_TEXT_BYTES {
        return Err(MoneyError::NotUnderstood);
    }
    match plain_figure(&s) {
        Some((figure, yuan_written)) => read_plain_figure(figure, yuan_written, fx, default_currency),
        None => read_amount_words(s, fx, default_currency),
    }
}

/// What [`read_amount_words`] gives for a [`plain_figure`], without its word lists: most cells
/// of a list are plain figures, and a national list has hundreds of thousands of them.
fn read_plain_figure(figure: &str, yuan_written: bool, fx: &Fx, default_currency: Currency) -> Result<Option<Amount>, MoneyError> {
    let currency = if yuan_written { Currency::Cny } else { default_currency };
    let (v, _) = parse_number_with_scale(figure).ok_or(MoneyError::NotUnderstood)?;
    let y = yuan_of(v, fx.rate(currency))?;
    Ok(Some(Amount { min: y, max: y, bound: Bound::Exact, currency }))
}

/// A figure in its currency as whole yuan at `rate`: never infinite, never beyond `MAX_YUAN`.
fn yuan_of(v: f64, rate: f64) -> Result<u64, MoneyError> {
    let y = v * rate;
    if !y.is_finite() {
        return Err(MoneyError::NotUnderstood);
    }
    if y > MAX_YUAN {
        return Err(MoneyError::TooLarge);
    }
    Ok(y.round() as u64)
}

/// The full reading of folded, trimmed amount text: spoken words, bounds, currencies, open and
/// vague amounts, ranges.
fn read_amount_words(mut s: String, fx: &Fx, default_currency: Currency) -> Result<Option<Amount>, MoneyError> {
    s = spoken_words(&s);
    let (bound_hint, rest) = strip_bound_words(&s);
    s = rest;
    let (currency, rest) = strip_currency(&s);
    let currency = currency.unwrap_or(default_currency);
    s = rest;
    let s = s.trim().trim_end_matches(['.', '。']).trim();
    if s.starts_with('-') || s.starts_with("负") {
        return Err(MoneyError::Negative);
    }
    // `上亿`, `过千万`: at least one of the unit.
    let (open, s) = match open_unit(s) {
        Some(rest) => (true, format!("1{rest}")),
        None => (false, s.to_string()),
    };
    // `千万级`: from the amount up to ten times it.
    let (magnitude, s) = match s.trim_end().strip_suffix("级别").or_else(|| s.trim_end().strip_suffix('级')) {
        Some(rest) if rest.trim().starts_with(['十', '百', '千', '万', '亿']) => (true, format!("1{}", rest.trim())),
        Some(rest) if !rest.trim().is_empty() => (true, rest.trim().to_string()),
        _ => (false, s),
    };
    let bound_hint = if open { Some(Bound::AtLeast) } else { bound_hint };
    // A unit with no figure before a bound word is one of it: `千万以上`, `亿元以内` (a lone `亿`
    // stays unreadable).
    let s = if bound_hint.is_some() && s.starts_with(['百', '千', '万', '亿']) { format!("1{s}") } else { s };
    // `几千万到一个亿`: a range whose ends are vague themselves runs from the lower end's low to the
    // upper end's high; otherwise a vague quantity (`几千万`) is a range of its own.
    let split = split_range(&s);
    let ends = match split {
        (a, Some(b)) => match (vague_range(a), vague_range(b)) {
            (None, None) => vague_range(&s),
            (lo, hi) => Some((lo.map_or_else(|| a.to_string(), |v| v.0), hi.map_or_else(|| b.to_string(), |v| v.1))),
        },
        _ => vague_range(&s),
    };
    let (lo_text, hi_text) = match &ends {
        Some((lo, hi)) => (lo.as_str(), Some(hi.as_str())),
        None => split,
    };
    let rate = fx.rate(currency);
    let to_yuan = |v: f64| yuan_of(v, rate);
    let amount = match hi_text {
        None => {
            let (v, _) = parse_number_with_scale(lo_text).ok_or(MoneyError::NotUnderstood)?;
            let y = to_yuan(v)?;
            match bound_hint {
                _ if magnitude => Amount { min: y, max: to_yuan(v * 10.0)?, bound: Bound::Range, currency },
                Some(Bound::UpTo) => Amount { min: 0, max: y, bound: Bound::UpTo, currency },
                Some(Bound::AtLeast) => Amount { min: y, max: u64::MAX, bound: Bound::AtLeast, currency },
                _ => Amount { min: y, max: y, bound: Bound::Exact, currency },
            }
        }
        Some(hi_text) => {
            let (hi, hi_scale) = parse_number_with_scale(hi_text).ok_or(MoneyError::NotUnderstood)?;
            let (mut lo, lo_scale) = parse_number_with_scale(lo_text).ok_or(MoneyError::NotUnderstood)?;
            // `5-10亿`, `五百到一千万`: the large unit (万, 亿, million) written once after the upper
            // end applies to the lower end too. `三到五千`: a small unit alone carries over the same way.
            let (lo_large, hi_large) = (large_unit(lo_text), large_unit(hi_text));
            if lo_large == 1.0 && hi_large > 1.0 {
                // A lower figure of a thousand or more before 亿 counts in 万 (`5000-1亿`); a small one
                // above its upper end is a range the wrong way round (`10-5亿`).
                lo *= if lo * hi_large > hi && hi_large >= 1e8 && lo >= 1000.0 { 1e4 } else { hi_large };
            } else if lo_scale == 1.0 && hi_scale > 1.0 {
                lo *= hi_scale;
            }
            let (lo, hi) = (to_yuan(lo)?, to_yuan(hi)?);
            if lo > hi {
                return Err(MoneyError::InvertedRange);
            }
            Amount { min: lo, max: hi, bound: Bound::Range, currency }
        }
    };
    Ok(Some(amount))
}

/// A figure in ASCII digits (with one decimal point at most), then at most one of `万` / `亿`,
/// then at most `元` — `5000万元`, `3.5亿`, `85000` —: the figure with its unit, and whether `元` was
/// written. None of the amount words, bounds, ranges or currencies can be in such text.
fn plain_figure(s: &str) -> Option<(&str, bool)> {
    let (figure, yuan_written) = match s.strip_suffix('元') {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let digits = figure.strip_suffix(['万', '亿']).unwrap_or(figure);
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (all_digits(int) && frac.is_none_or(all_digits)).then_some((figure, yuan_written))
}

/// Rewrites spoken Chinese and English amount words into the written forms the parser reads:
/// the measure word 个 goes (`2个亿` → `2亿`), `小目标` is 1亿, `数`/`好几` before a unit is `几`, the
/// English `half a` is 0.5 and `a couple of` is 2, and words of approximation (`大概`, `上下`,
/// `roughly` …) are dropped (an approximate amount is read as the amount).
fn spoken_words(s: &str) -> String {
    // Lists are read with this too: most amounts hold none of these words, so test before copying.
    let mut out = s.to_string();
    let mut swap = |from: &str, to: &str| {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    };
    swap("个", "");
    swap("小目标", "亿");
    swap("好几", "几");
    // `5万块`, `两千块钱`: 块 is the spoken 元.
    swap("块钱", "元");
    swap("块", "元");
    // `近亿`, `将近千万`: nearly one of the unit, read as the amount (as `将近2亿` is).
    if s.contains('近') {
        for near in ["将近", "接近", "近"] {
            for unit in ['百', '千', '万', '亿'] {
                swap(&format!("{near}{unit}"), &format!("一{unit}"));
            }
        }
    }
    for (from, to) in [("数十", "几十"), ("数百", "几百"), ("数千", "几千"), ("数万", "几万"), ("数亿", "几亿")] {
        swap(from, to);
    }
    for (from, to) in [
        ("half a ", "0.5 "),
        ("half an ", "0.5 "),
        ("a quarter of a ", "0.25 "),
        ("a quarter ", "0.25 "),
        ("quarter ", "0.25 "),
        ("a couple of ", "2 "),
        ("a couple ", "2 "),
    ] {
        swap(from, to);
    }
    for w in
        ["大概", "大约", "差不多", "估计", "预计", "将近", "接近", "上下", "左右", "roughly", "approximately", "approx.", "circa", "ca."]
    {
        swap(w, " ");
    }
    if out.contains('把') {
        out = about_one(&out);
    }
    if out.contains('小') {
        out = nearly_written(&out);
    }
    // `介乎1至2亿` (Cantonese), `介于…之间`: the word before a range.
    if let Some(rest) = out.trim_start().strip_prefix("介乎").or_else(|| out.trim_start().strip_prefix("介于")) {
        out = rest.to_string();
    }
    // `两亿左右（人民币）`: a currency in brackets is the currency.
    if out.contains(['（', '(']) {
        out = out.replace(['（', '(', '）', ')'], " ");
    }
    // `在1亿到2亿之间`, `from 1 to 2 billion`: the words around a range.
    if let Some(rest) =
        out.trim().strip_suffix("之间").or_else(|| out.trim().strip_suffix("之内").filter(|r| r.contains(['到', '至', '-'])))
    {
        out = rest.trim().trim_start_matches('在').to_string();
    }
    if let Some(rest) = out.trim().strip_prefix("from ").filter(|r| r.contains(" to ")) {
        out = rest.to_string();
    }
    if let Some(range) = two_bounds(&out) {
        out = range;
    }
    // `预算2-3亿`, `投资额：5000万`, `预算在2亿左右`: the field's name typed before the amount.
    // Longer labels first: `投资额` before `投资`.
    for label in [
        "预算",
        "总投资额",
        "总投资",
        "投资总额",
        "投资规模",
        "计划投资",
        "投资额",
        "投资",
        "资金",
        "金额",
        "规模",
        "单笔",
        "每笔",
        "单个项目",
        "budget",
    ] {
        if let Some(rest) = out.trim_start().strip_prefix(label) {
            let rest = rest.trim_start_matches([':', '：', ' ']);
            let rest = rest.strip_prefix("介乎").or_else(|| rest.strip_prefix("介于")).unwrap_or(rest);
            out = rest.strip_prefix(['为', '是', '在']).unwrap_or(rest).to_string();
            break;
        }
    }
    // `2亿左右吧`, `5000万的样子`: what a sentence ends with, not the amount.
    for tail in ["为佳", "为宜", "最好", "的样子", "这样", "样子", "吧", "啊", "呀", "哈", "呢", "的"] {
        if let Some(rest) = out.trim_end().strip_suffix(tail) {
            out = rest.to_string();
        }
    }
    if out.contains('半') {
        out = halves(&out);
    }
    out.trim_start_matches(['~', '～', '≈']).to_string()
}

/// 把 after a unit is about one of it: `千把万` → 一千万, `百把万` → 一百万, `万把元` → 一万元, and
/// `个把亿` (个 already gone) → 一亿. A 把 anywhere else is left (the amount stays unreadable).
fn about_one(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let Some(at) = chars.iter().position(|c| *c == '把') else { return s.to_string() };
    let numeral = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit() || chinese_digit(*c).is_some());
    let unit = |i: usize| chars.get(i).is_some_and(|c| matches!(c, '十' | '百' | '千' | '万' | '亿'));
    let text = |v: &[char]| v.iter().collect::<String>();
    if at >= 1 && unit(at - 1) && (at == 1 || !(numeral(at - 2) || unit(at - 2))) {
        return format!("{}一{}{}", text(&chars[..at - 1]), chars[at - 1], text(&chars[at + 1..]));
    }
    if (at == 0 || !(numeral(at - 1) || unit(at - 1))) && unit(at + 1) {
        return format!("{}一{}", text(&chars[..at]), text(&chars[at + 1..]));
    }
    s.to_string()
}

/// 小 before a figure says "a little under it" (`小一亿`, `小两千万`): read as the figure, as the
/// other words of approximation are. `小几千万` (2–4) is a vague range, left to [`vague_range`].
fn nearly_written(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let figure = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || chinese_digit(*c).is_some());
    match chars.iter().position(|c| *c == '小') {
        Some(at) if figure(chars.get(at + 1)) => chars[..at].iter().chain(&chars[at + 1..]).collect(),
        _ => s.to_string(),
    }
}

/// 半 as a half of the unit it goes with: `半亿` / `半个亿` → 0.5亿, `两个半亿` → 2.5亿, `一亿半` →
/// 1.5亿, `三万半` → 3.5万. A 半 in any other place is left (and the amount stays unreadable).
fn halves(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let Some(at) = chars.iter().position(|c| *c == '半') else { return s.to_string() };
    // The text is folded (万, 亿: no 萬, 億).
    let is_unit = |c: Option<&char>| c.is_some_and(|c| matches!(c, '万' | '亿'));
    let digit = |c: Option<&char>| c.and_then(|c| c.to_digit(10).map(f64::from).or_else(|| chinese_digit(*c)));
    let text = |v: &[char]| v.iter().collect::<String>();
    if is_unit(chars.get(at + 1)) {
        // `半亿`, `两半亿` (个 already gone): the figure before it, and a half.
        match at.checked_sub(1).map(|i| (i, digit(chars.get(i)))) {
            None => return format!("0.5{}", text(&chars[at + 1..])),
            Some((i, Some(d))) if i == 0 || digit(chars.get(i - 1)).is_none() => {
                return format!("{}{}.5{}", text(&chars[..i]), d, text(&chars[at + 1..]));
            }
            _ => {}
        }
    }
    if at >= 2 && is_unit(chars.get(at - 1)) && chars[at + 1..].iter().all(|c| *c == '元' || c.is_whitespace()) {
        // `一亿半`: a single figure, its unit, then a half.
        if let Some(d) = digit(chars.get(at - 2)).filter(|_| at == 2 || digit(chars.get(at - 3)).is_none()) {
            return format!("{}{}.5{}{}", text(&chars[..at - 2]), d, chars[at - 1], text(&chars[at + 1..]));
        }
    }
    s.to_string()
}

/// `上亿`, `过亿`, `破亿`, `超千万`, `逾百万`: an open amount of at least one of the unit; returns the
/// unit part (`亿`) to read after an implied 1.
fn open_unit(s: &str) -> Option<&str> {
    let s = s.trim();
    for prefix in ["上", "过", "破", "超", "逾"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if rest.starts_with(['十', '百', '千', '万', '亿']) {
                return Some(rest);
            }
        }
    }
    None
}

/// Vague quantities as a range, `(low text, high text)`: `几` is 2–9 (`十几` 11–19, `大几` 5–9,
/// `小几` 2–4), two
/// neighbouring Chinese numerals are both ends (`两三个亿` 2–3亿, `二三十亿` 20–30亿, `三五千万`),
/// `a few` / `several` are 2–9, `tens of` 10–99 and `hundreds of` 100–999.
fn vague_range(s: &str) -> Option<(String, String)> {
    if let Some(at) = s.find('几') {
        // `大几千万` is the upper part of the range (5–9), `小几千万` the lower (2–4).
        let (head, tail) = (&s[..at], &s[at + '几'.len_utf8()..]);
        let (lo, hi, head) = if let Some(h) = head.strip_suffix('大') {
            ("五", "九", h)
        } else if let Some(h) = head.strip_suffix('小') {
            ("二", "四", h)
        } else if head.ends_with('十') {
            ("一", "九", head)
        } else {
            ("二", "九", head)
        };
        return Some((format!("{head}{lo}{tail}"), format!("{head}{hi}{tail}")));
    }
    // `一个多亿` (个 gone) is 1–2亿, `三千多万` 3000–4000万, `十多亿` 10–20亿, `1亿多` 1–2亿: from
    // the figure up to one more of its last place. `来` says "a little over" (`十来亿` 10–15亿,
    // `一千来万` 1000–1500万, `两百来万` 200–250万): up to half a place more.
    for (word, share) in [('多', 1.0), ('来', 0.5)] {
        if let Some(at) = s.find(word) {
            let (head, tail) = (s[..at].trim(), s[at + word.len_utf8()..].trim());
            // `百来万`, `千多万`: a bare 百 or 千 is one of it (`一百来万`).
            let head = if head.starts_with(['百', '千']) { format!("一{head}") } else { head.to_string() };
            if let Some(range) = a_little_over(&head, tail, share) {
                return Some(range);
            }
        }
    }
    // `一千万出头`, `一个亿出头` (个 gone): a little over the amount, as `来` is.
    if let Some(rest) = s.trim_end().strip_suffix("出头") {
        let rest = rest.trim();
        let figure = rest.trim_end_matches(['万', '亿']);
        if let Some(range) = a_little_over(figure, &rest[figure.len()..], 0.5) {
            return Some(range);
        }
    }
    // `八位数` (an eight-figure sum): from 10^7 yuan up to 10^8.
    if let Some(figures) = s.trim().strip_suffix("位数").and_then(|n| parse_number_with_scale(n.trim())).map(|(x, _)| x) {
        if figures.fract() == 0.0 && (5.0..=12.0).contains(&figures) {
            let ten_thousands = |power: f64| format!("{}万", 10f64.powf(power - 4.0));
            return Some((ten_thousands(figures - 1.0), ten_thousands(figures)));
        }
    }
    for (word, lo, hi) in [
        ("hundreds of ", "100 ", "999 "),
        ("tens of ", "10 ", "99 "),
        ("a few ", "2 ", "9 "),
        ("several ", "2 ", "9 "),
        ("few ", "2 ", "9 "),
    ] {
        if s.starts_with(word) || s.contains(&format!(" {word}")) {
            return Some((s.replacen(word, lo, 1), s.replacen(word, hi, 1)));
        }
    }
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (chinese_digit(chars[i]), chinese_digit(chars[i + 1])) else { continue };
        if a >= 1.0 && (b - a == 1.0 || (a, b) == (3.0, 5.0)) {
            let with = |c: char| -> String { chars[..i].iter().chain(std::iter::once(&c)).chain(&chars[i + 2..]).collect() };
            return Some((with(chars[i]), with(chars[i + 1])));
        }
    }
    None
}

/// A whole figure `head` followed by units only (`tail`: 十 百 千 万 亿) as the range from it up to
/// `share` of its last place more: `一千`,`万`, 1.0 → (`一千万`, `2000万`).
fn a_little_over(head: &str, tail: &str, share: f64) -> Option<(String, String)> {
    if !tail.chars().all(|c| matches!(c, '十' | '百' | '千' | '万' | '亿')) {
        return None;
    }
    let (x, _) = parse_number_with_scale(head).filter(|(x, _)| *x >= 1.0 && x.fract() == 0.0)?;
    let mut place = 1.0;
    while x % (place * 10.0) == 0.0 {
        place *= 10.0;
    }
    Some((format!("{head}{tail}"), format!("{}{tail}", x + place * share)))
}

/// Removes words such as `以内`, `up to`, `以上`, `at least` and says which bound they meant.
fn strip_bound_words(s: &str) -> (Option<Bound>, String) {
    const UP_TO: [&str; 28] = [
        "或以下",
        "唔超过",
        "不多于",
        "不多过",
        "上限",
        "封顶",
        "为限",
        "以内",
        "以下",
        "之内",
        "不超过",
        "不高于",
        "最多",
        "不到",
        "低于",
        "少于",
        "up to",
        "upto",
        "at most",
        "under",
        "below",
        "less than",
        "no more than",
        "not more than",
        "maximum",
        "max.",
        "max",
        "<=",
    ];
    const AT_LEAST: [&str; 26] = [
        // (Before `起`, which they hold.)
        "最起码",
        "起码",
        "最少",
        "最低",
        "或以上",
        "起投",
        "起步",
        "以上",
        "不少于",
        "不低于",
        "至少",
        "超过",
        "逾",
        "多于",
        "高于",
        "起",
        "at least",
        "over",
        "above",
        "more than",
        "no less than",
        "minimum",
        "min.",
        "min",
        ">=",
        "+",
    ];
    let mut out = s.to_string();
    let mut bound = None;
    // `不少于` holds `少于`, `no less than` holds `less than`: the negations are read first.
    for w in ["不少于", "不低于", "不小于", "no less than", "not less than"] {
        if out.contains(w) {
            out = out.replace(w, " ");
            bound = Some(Bound::AtLeast);
        }
    }
    for w in UP_TO {
        if out.contains(w) {
            out = out.replace(w, " ");
            bound = Some(Bound::UpTo);
        }
    }
    for w in ["≤", "<"] {
        if out.contains(w) {
            out = out.replace(w, " ");
            bound = Some(Bound::UpTo);
        }
    }
    for w in AT_LEAST {
        // `+` only as a trailing marker (`5亿+`), never inside a number.
        if w == "+" {
            if out.trim_end().ends_with('+') {
                out = out.trim_end().trim_end_matches('+').to_string();
                bound = Some(Bound::AtLeast);
            }
            continue;
        }
        if out.contains(w) {
            out = out.replace(w, " ");
            bound = Some(Bound::AtLeast);
        }
    }
    for w in ["≥", ">"] {
        if out.contains(w) {
            out = out.replace(w, " ");
            bound = Some(Bound::AtLeast);
        }
    }
    for w in ["约", "大约", "左右", "上下", "近", "预计", "approximately", "approx", "about", "around", "some "] {
        out = out.replace(w, " ");
    }
    (bound, out)
}

/// Removes currency words and symbols and says which currency they named (yuan if none).
fn strip_currency(s: &str) -> (Option<Currency>, String) {
    // Longest and most specific first: `港元` before `元`, `hk$` before `$`.
    const WORDS: [(&str, Currency); 57] = [
        ("新加坡元", Currency::Sgd),
        ("新加坡币", Currency::Sgd),
        ("singapore dollars", Currency::Sgd),
        ("singapore dollar", Currency::Sgd),
        ("新台币", Currency::Twd),
        ("台币", Currency::Twd),
        ("new taiwan dollars", Currency::Twd),
        ("new taiwan dollar", Currency::Twd),
        ("taiwan dollars", Currency::Twd),
        ("taiwan dollar", Currency::Twd),
        ("nt$", Currency::Twd),
        ("ntd", Currency::Twd),
        ("twd", Currency::Twd),
        ("澳门元", Currency::Mop),
        ("澳门币", Currency::Mop),
        ("葡币", Currency::Mop),
        ("patacas", Currency::Mop),
        ("pataca", Currency::Mop),
        ("mop$", Currency::Mop),
        ("mop", Currency::Mop),
        ("新币", Currency::Sgd),
        ("美元", Currency::Usd),
        ("美金", Currency::Usd),
        ("us$", Currency::Usd),
        ("usd", Currency::Usd),
        ("hong kong dollars", Currency::Hkd),
        ("hong kong dollar", Currency::Hkd),
        ("s$", Currency::Sgd),
        ("sgd", Currency::Sgd),
        ("dollars", Currency::Usd),
        ("dollar", Currency::Usd),
        ("港元", Currency::Hkd),
        ("港币", Currency::Hkd),
        // Hong Kong's spoken 港纸 (港紙).
        ("港纸", Currency::Hkd),
        ("hk$", Currency::Hkd),
        ("hkd", Currency::Hkd),
        ("欧元", Currency::Eur),
        ("euros", Currency::Eur),
        ("eur", Currency::Eur),
        ("€", Currency::Eur),
        ("英镑", Currency::Gbp),
        ("gbp", Currency::Gbp),
        ("£", Currency::Gbp),
        ("日元", Currency::Jpy),
        ("日圆", Currency::Jpy),
        ("日币", Currency::Jpy),
        ("jpy", Currency::Jpy),
        ("人民币", Currency::Cny),
        ("rmb", Currency::Cny),
        ("cny", Currency::Cny),
        ("yuan", Currency::Cny),
        ("元", Currency::Cny),
        ("¥", Currency::Cny),
        ("￥", Currency::Cny),
        ("$", Currency::Usd),
        ("円", Currency::Jpy),
        ("圆", Currency::Cny),
    ];
    let mut out = s.to_string();
    let mut currency = None;
    for (w, c) in WORDS {
        if out.contains(w) {
            out = out.replace(w, " ");
            currency.get_or_insert(c);
        }
    }
    (currency, out)
}

/// Splits `5-10亿`, `1亿~5亿`, `1至5亿`, `1 to 5 billion` into its two ends.
fn split_range(s: &str) -> (&str, Option<&str>) {
    for sep in [" to ", "~", "～", "至", "到", "—", "–", "-"] {
        if let Some(i) = s.find(sep) {
            let (a, b) = (s[..i].trim(), s[i + sep.len()..].trim());
            if !a.is_empty() && !b.is_empty() {
                return (a, Some(b));
            }
        }
    }
    (s, None)
}

/// English number words up to ninety (hundreds are a multiplier).
fn number_word(word: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if word == "a" || word == "an" {
        return Some(1.0);
    }
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    TENS.iter().position(|w| *w == word).map(|i| (i as f64 + 2.0) * 10.0)
}

fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' | '○' => 0.0,
        '一' | '壹' | '幺' => 1.0,
        '二' | '两' | '贰' | '貳' => 2.0,
        '三' | '叁' | '参' => 3.0,
        '四' | '肆' => 4.0,
        '五' | '伍' => 5.0,
        '六' | '陆' => 6.0,
        '七' | '柒' => 7.0,
        '八' | '捌' => 8.0,
        '九' | '玖' => 9.0,
        _ => return None,
    })
}

/// Small multipliers inside a section (十 百 千) and large ones that close a section (万 亿 and
/// English scales).
enum Token {
    Number(f64),
    /// An English number word: `twenty` followed by `five` adds up.
    Word(f64),
    Small(f64),
    Large(f64),
    /// 零 after a unit: a skipped place (`二万零五` is 20,005, where `二万五` is 25,000).
    Gap,
}

fn tokenize(s: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let mut num = String::new();
            let mut grouped = false;
            while i < chars.len() {
                let d = chars[i];
                if d.is_ascii_digit() || d == '.' {
                    num.push(d);
                } else if d == ',' {
                    // A thousands separator groups three digits (`12,000`); a single comma before one
                    // or two digits is a decimal comma (`12,5` as a semicolon CSV of Europe writes
                    // 12.5), never twelve and a half thousand ... nor 125.
                    let after = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    if (after == 1 || after == 2) && !grouped && !num.contains('.') {
                        num.push('.');
                    } else {
                        grouped = true;
                    }
                } else if d == '_' || d == '\'' {
                    // thousands separator: skip
                } else {
                    break;
                }
                i += 1;
            }
            tokens.push(Token::Number(num.parse().ok()?));
            continue;
        }
        if let Some(d) = chinese_digit(c) {
            // 零 after a unit only marks a skipped place (`一千零五`, `一亿零五百万`): no number.
            if d == 0.0 && matches!(tokens.last(), Some(Token::Small(_) | Token::Large(_))) {
                tokens.push(Token::Gap);
            } else {
                tokens.push(Token::Number(d));
            }
            i += 1;
            continue;
        }
        match c {
            '十' | '拾' => tokens.push(Token::Small(10.0)),
            '百' | '佰' => tokens.push(Token::Small(100.0)),
            '千' | '仟' => tokens.push(Token::Small(1000.0)),
            '万' => {
                if chars.get(i + 1) == Some(&'亿') {
                    tokens.push(Token::Large(1e12));
                    i += 1;
                } else {
                    tokens.push(Token::Large(1e4));
                }
            }
            '亿' => tokens.push(Token::Large(1e8)),
            ' ' => {}
            c if c.is_ascii_alphabetic() => {
                let mut word = String::new();
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    word.push(chars[i]);
                    i += 1;
                }
                // Number words (`fifty million`, `a billion`); `twenty five` adds up in the parser.
                if let Some(v) = number_word(&word) {
                    tokens.push(Token::Word(v));
                    continue;
                }
                // `3qianwan`, `5baiwan`: 千万 and 百万 typed in pinyin as one word.
                if let Some(small) = match word.as_str() {
                    "qianwan" => Some(1000.0),
                    "baiwan" => Some(100.0),
                    _ => None,
                } {
                    tokens.push(Token::Small(small));
                    tokens.push(Token::Large(1e4));
                    continue;
                }
                // `hundred`, and 百 / 千 typed in pinyin (`5 qian wan`).
                if let Some(small) = match word.as_str() {
                    "hundred" | "hundreds" | "bai" => Some(100.0),
                    "qian" => Some(1000.0),
                    _ => None,
                } {
                    tokens.push(Token::Small(small));
                    continue;
                }
                let scale = match word.as_str() {
                    // `5000w`, `5kw`: w is 万 in chat and on phones; `3 yi` is 亿 in pinyin, and
                    // `2e`, `2个e` is 亿 as chat writes it (a figure then `e`, never a exponent:
                    // `1e8` reads as two numbers in a row and is refused, as before).
                    "w" | "wan" => 1e4,
                    // `e` is 亿 only straight after a figure and before no other figure or unit: `1e8`
                    // is an exponent, `100e 亿` a typing slip, both refused as before.
                    "e" if !matches!(tokens.last(), Some(Token::Number(_)))
                        || chars[i..].iter().find(|c| **c != ' ').is_some_and(|c| c.is_ascii_digit() || matches!(c, '万' | '亿')) =>
                    {
                        return None
                    }
                    "e" | "yi" => 1e8,
                    "kw" => 1e7,
                    "k" | "thousand" | "thousands" => 1e3,
                    "m" | "mn" | "mio" | "mil" | "million" | "millions" | "mm" => 1e6,
                    "b" | "bn" | "billion" | "billions" => 1e9,
                    "t" | "tn" | "trillion" | "trillions" => 1e12,
                    _ => return None,
                };
                tokens.push(Token::Large(scale));
                continue;
            }
            _ => return None,
        }
        i += 1;
    }
    Some(tokens)
}

/// Reads one number with its units; returns the value and the largest unit seen (1 if none), so a
/// range can carry a unit written once.
fn parse_number_with_scale(s: &str) -> Option<(f64, f64)> {
    let tokens = tokenize(s)?;
    let mut total = 0.0;
    let mut section = 0.0;
    let mut number: Option<f64> = None;
    let mut seen_any_number = false;
    let mut largest_scale: f64 = 1.0;
    let mut prev_word: Option<f64> = None;
    // The unit right before the number being read (`三千五`: 千), if it came straight after one.
    let mut unit_before: Option<f64> = None;
    let mut previous_unit: Option<f64> = None;
    let alone = tokens.len() == 1;
    for t in tokens {
        match t {
            Token::Word(v) if prev_word.is_some_and(|p| p >= 20.0 && p % 10.0 == 0.0) && v < 10.0 => {
                number = number.map(|n| n + v);
            }
            Token::Number(v) | Token::Word(v) => {
                // Two numbers in a row (`12 34`) are not one amount.
                if number.is_some() {
                    return None;
                }
                number = Some(v);
                seen_any_number = true;
                unit_before = previous_unit;
            }
            Token::Gap => {}
            Token::Small(m) => {
                // `十二` has an implicit one before 十, and so has an amount that begins with its
                // unit (`百亿`, `千万`).
                let first = section == 0.0 && total == 0.0 && !alone;
                section += number.take().unwrap_or(if m == 10.0 || first { 1.0 } else { 0.0 }) * m;
                seen_any_number = true;
                largest_scale = largest_scale.max(m);
            }
            Token::Large(m) => {
                // `三千五万` is 3,500万, as `三千五` is 3,500.
                let v = section + next_place_down(number.take(), unit_before.filter(|u| *u < 1e4)).unwrap_or(0.0);
                if v == 0.0 && total == 0.0 {
                    return None;
                }
                // `一亿二千万`: the 万 section adds to what the 亿 section gave.
                if m < largest_scale {
                    total += v * m;
                } else {
                    total = (total + v) * m;
                }
                section = 0.0;
                largest_scale = largest_scale.max(m);
            }
        }
        prev_word = match t {
            Token::Word(v) => Some(v),
            _ => None,
        };
        previous_unit = match t {
            Token::Small(m) | Token::Large(m) => Some(m),
            _ => None,
        };
    }
    if !seen_any_number {
        return None;
    }
    // Spoken amounts end on one digit of the next place down: `一亿八` / `1亿8` is 1.8亿,
    // `3万5` / `3w5` is 35,000, `三千五` is 3,500 (a 零 between says otherwise: `二万零五`).
    total += section + next_place_down(number, unit_before).unwrap_or(0.0);
    Some((total, largest_scale))
}

/// The largest of 万, 亿 (or `million`, `billion` …) in a number, 1 when it has none.
fn large_unit(s: &str) -> f64 {
    tokenize(s).into_iter().flatten().fold(1.0, |m, t| match t {
        Token::Large(u) => m.max(u),
        _ => m,
    })
}

/// An amount between two bounds written as two phrases: `1亿以上10亿以下`, `最少1000万最多5000万`,
/// `不少于1亿，不超过3亿`, `between 10 and 50 million` — as the range `A-B` (`A to B` in English).
fn two_bounds(s: &str) -> Option<String> {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("between ") {
        let (a, b) = rest.split_once(" and ")?;
        return Some(format!("{} to {}", a.trim(), b.trim()));
    }
    // `X以上 Y以下`
    if let Some((a, b)) = t.split_once("以上") {
        let b = b.trim_start_matches([',', '，', ' ', '、']);
        let b = b.strip_suffix("以下").or_else(|| b.strip_suffix("以内"))?;
        return (!a.trim().is_empty() && !b.trim().is_empty()).then(|| format!("{}-{}", a.trim(), b.trim()));
    }
    // `最少X最多Y`, `不少于X，不超过Y`
    const LOW: [&str; 6] = ["不少于", "不低于", "最少", "至少", "最低", "起码"];
    const HIGH: [&str; 6] = ["不超过", "不高于", "最多", "至多", "最高", "顶多"];
    let low = LOW.iter().find(|w| t.starts_with(**w))?;
    let rest = &t[low.len()..];
    let (at, high) = HIGH.iter().filter_map(|w| rest.find(w).map(|i| (i, *w))).min()?;
    let (a, b) = (rest[..at].trim_end_matches([',', '，', ' ', '、']), &rest[at + high.len()..]);
    (!a.trim().is_empty() && !b.trim().is_empty()).then(|| format!("{}-{}", a.trim(), b.trim()))
}

/// A last digit `d` written straight after the Chinese place `unit` (百 千 万 亿 万亿, or `w`, `e`)
/// counts in the place below it: `d × unit / 10`; any other number counts as written.
fn next_place_down(number: Option<f64>, unit: Option<f64>) -> Option<f64> {
    match (number, unit) {
        (Some(d), Some(m)) if [100.0, 1e3, 1e4, 1e8, 1e12].contains(&m) && d.fract() == 0.0 && (1.0..=9.0).contains(&d) => {
            Some(d * m / 10.0)
        }
        _ => number,
    }
}

/// The unit a table gives the bare figures of an amount column (`万元`, `亿元`, `万美元`): a bare
/// `5` in a column of 亿元 is 5 × 10⁸ yuan.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MoneyUnit {
    /// What one bare figure counts, in `currency`: 1, 10⁴ (万), 10⁸ (亿) …
    pub scale: f64,
    /// The currency of the unit.
    pub currency: Currency,
}

impl MoneyUnit {
    /// One yuan: bare figures are yuan (the format's own rule for its English keys).
    pub const YUAN: MoneyUnit = MoneyUnit { scale: 1.0, currency: Currency::Cny };

    /// Reads a unit as written in a header, a unit row or a note: `万元`, `（亿元）`, `万美元`,
    /// `元`, `亿`, `million USD`. Anything with a figure in it, or that names no money, is `None`.
    ///
    /// ```
    /// use opportunity_matcher::money::{Currency, MoneyUnit};
    /// assert_eq!(MoneyUnit::parse("（万元）"), Some(MoneyUnit { scale: 1e4, currency: Currency::Cny }));
    /// assert_eq!(MoneyUnit::parse("亿美元").map(|u| (u.scale, u.currency)), Some((1e8, Currency::Usd)));
    /// assert_eq!(MoneyUnit::parse("亩"), None);
    /// assert_eq!(MoneyUnit::parse("5万元"), None);
    /// ```
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        let t = Self::unit_text(text)?;
        if t.chars().any(|c| c.is_ascii_digit()) || !has_unit_word(&t) {
            return None;
        }
        Self::read_unit(&t, false)
    }

    /// [`MoneyUnit::parse`] for a column header's unit, which may also count in a round figure as
    /// English-language lists write it: `RMB 100 million`, `10,000 yuan`, `US$ m`, `¥100m`,
    /// `10k RMB` (a figure other than 1, 10, 100 … names an amount, not a unit: `5 million USD`).
    ///
    /// ```
    /// use opportunity_matcher::money::{Currency, MoneyUnit};
    /// let unit = |t| MoneyUnit::parse_header(t).map(|u| (u.scale, u.currency));
    /// assert_eq!(unit("RMB 100 million"), Some((1e8, Currency::Cny)));
    /// assert_eq!(unit("10,000 yuan"), Some((1e4, Currency::Cny)));
    /// assert_eq!(unit("US$ m"), Some((1e6, Currency::Usd)));
    /// assert_eq!(unit("million yuan"), Some((1e6, Currency::Cny)));
    /// assert_eq!(unit("5 million USD"), None);
    /// assert_eq!(unit("5万元"), None);
    /// ```
    pub fn parse_header(text: &str) -> Option<MoneyUnit> {
        let t = Self::unit_text(text)?;
        if !t.chars().any(|c| c.is_ascii_digit()) {
            return Self::parse(text);
        }
        // Only the English-style forms carry a figure: Chinese units never do (`5万元` is an amount).
        if !t.chars().any(|c| c.is_ascii_alphabetic() || "$¥".contains(c)) {
            return None;
        }
        // `10,000` is ten thousand.
        let chars: Vec<char> = t.chars().collect();
        let t: String = chars
            .iter()
            .enumerate()
            .filter(|&(i, c)| {
                !(*c == ',' && i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
            })
            .map(|(_, c)| *c)
            .collect();
        let figure: String = t.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        let round = figure.strip_prefix('1').is_some_and(|zeros| zeros.chars().all(|c| c == '0'));
        if !round {
            return None;
        }
        Self::read_unit(&t, true)
    }

    /// The folded unit text without brackets, a `单位` label or extra spaces; `None` when too long.
    fn unit_text(text: &str) -> Option<String> {
        if text.len() > 100 {
            return None;
        }
        let f = fold(text);
        let t: String = f.chars().map(|c| if "()[]【】:".contains(c) { ' ' } else { c }).collect();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let t = t.strip_prefix("单位").unwrap_or(&t).trim();
        let t = t
            .strip_prefix("unit")
            .map(str::trim)
            .filter(|r| r.is_empty() || !r.starts_with(|c: char| c.is_ascii_alphabetic()))
            .unwrap_or(t);
        let t = t.strip_prefix("in ").unwrap_or(t).trim();
        (!t.is_empty() && t.len() <= 32).then(|| t.to_string())
    }

    /// One unit of folded text `t` (with its round figure, when `counted`) as a scale and currency.
    fn read_unit(t: &str, counted: bool) -> Option<MoneyUnit> {
        // Latin units are whole words (`million`, `USD`): a header's last letter `t` is no trillion;
        // the short scales `m`, `mn`, `bn`, `k` are words of their own.
        const SHORT_SCALES: [&str; 6] = ["m", "mn", "mm", "bn", "k", "mio"];
        let words = ["us$", "hk$", "nt$", "mop$", "s$"].iter().fold(t.to_string(), |w, sign| w.replace(sign, " "));
        if words.split(|c: char| !c.is_ascii_alphabetic()).any(|w| !w.is_empty() && w.len() < 3 && !SHORT_SCALES.contains(&w)) {
            return None;
        }
        // No rates: every currency at par (`Fx::rate` is 1 for a currency it has no rate for), so
        // the amount of "1 unit" is the scale in the unit's own currency, whatever the currency.
        let fx = Fx { rates: Vec::new() };
        let read = |text: &str| parse_money_in(text, &fx, Currency::Cny).ok().flatten();
        let amount = if counted {
            read(t)
        } else {
            // `万元` reads glued to its figure; `million yuan` with a space.
            let glued: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            read(&format!("1{glued}")).or_else(|| read(&format!("1 {t}")))
        }?;
        (amount.bound == Bound::Exact && amount.min >= 1).then_some(MoneyUnit { scale: amount.min as f64, currency: amount.currency })
    }

    /// The unit as people write it: `万元`, `亿元`, `元`, `万美元`, `10 thousand yuan` …
    ///
    /// ```
    /// use opportunity_matcher::{money::MoneyUnit, Lang};
    /// assert_eq!(MoneyUnit::parse("万元").unwrap().label(Lang::ZhHant), "萬元");
    /// assert_eq!(MoneyUnit::parse("亿元").unwrap().label(Lang::En), "100 million yuan (亿元)");
    /// ```
    pub fn label(&self, lang: Lang) -> String {
        let unit = self.currency.unit_name(lang);
        const NAMES: [(f64, &str, &str, &str); 7] = [
            (1.0, "", "", ""),
            (1e3, "千", "千", "thousand "),
            (1e4, "万", "萬", "10 thousand "),
            (1e6, "百万", "百萬", "million "),
            (1e7, "千万", "千萬", "10 million "),
            (1e8, "亿", "億", "100 million "),
            (1e9, "十亿", "十億", "billion "),
        ];
        let Some(&(_, hans, hant, en)) = NAMES.iter().find(|n| n.0 == self.scale) else {
            return format!("×{} {unit}", self.scale);
        };
        match lang {
            Lang::En => {
                let zh = format!("{hans}{}", self.currency.unit_name(Lang::ZhHans));
                if en.is_empty() {
                    unit.to_string()
                } else {
                    format!("{en}{unit} ({zh})")
                }
            }
            _ => format!("{}{unit}", lang.pick(hans, hant, en)),
        }
    }
}

/// True when money text names its own magnitude or currency (`万`, `亿`, `元`, `美元`, `million`,
/// `$` …), so a column's unit must not scale it again.
pub fn has_unit_word(text: &str) -> bool {
    text.chars().any(|c| "万萬亿億元圆币幣镑鎊$€£¥￥円".contains(c) || c.is_ascii_alphabetic()) || text.contains("美金")
}

/// True when folded money text names its own magnitude (`万`, `亿`, `元`, `million` …), not only a
/// currency: `￥50,000` or `RMB 500` in a column of 万元 still counts in 万 (`￥50,000万`).
pub(crate) fn names_magnitude(folded: &str) -> bool {
    const CODES: [&str; 14] = ["rmb", "cny", "usd", "us", "hkd", "hk", "eur", "gbp", "jpy", "twd", "ntd", "nt", "mop", "sgd"];
    // `has_unit_word` without the currency symbols and codes, in one pass and no copy.
    folded.chars().any(|c| "万萬亿億元圆币幣镑鎊".contains(c))
        || folded.contains("美金")
        || folded.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w.bytes().any(|b| b.is_ascii_alphabetic()) && !CODES.contains(&w))
}

/// Like [`parse_money_in`], for a cell of a column whose bare figures are in `unit` (a header
/// `总投资（万元）`, a unit row `金额单位：万元`): a figure with no unit word of its own (`5000`,
/// `约5000`, `5-8`, `3000左右`) counts in `unit`; one with its own (`3亿`, `500万美元`) is read as
/// written.
///
/// ```
/// use opportunity_matcher::money::{parse_money_with_unit, Bound, Currency, Fx, MoneyUnit};
/// let fx = Fx::default();
/// let wan = MoneyUnit { scale: 1e4, currency: Currency::Cny };
/// let yi = MoneyUnit { scale: 1e8, currency: Currency::Cny };
/// let read = |t, u| parse_money_with_unit(t, &fx, u).unwrap().unwrap();
/// assert_eq!(read("50000", wan).min, 500_000_000);
/// assert_eq!(read("约3000", wan).min, 30_000_000);
/// assert_eq!(read("3亿", wan).min, 300_000_000);
/// assert_eq!(read("￥50,000", wan).min, 500_000_000);
/// assert_eq!(read("RMB 500", wan).min, 5_000_000);
/// assert_eq!(read("500元", wan).min, 500);
/// let r = read("5-8", yi);
/// assert_eq!((r.min, r.max, r.bound), (500_000_000, 800_000_000, Bound::Range));
/// assert!(parse_money_with_unit("待定", &fx, yi).unwrap().is_none());
/// ```
pub fn parse_money_with_unit(text: &str, fx: &Fx, unit: MoneyUnit) -> Result<Option<Amount>, MoneyError> {
    let as_written = parse_money_in(text, fx, unit.currency)?;
    if as_written.is_none() || unit.scale == 1.0 || text.len() > MAX_TEXT_BYTES || names_magnitude(&fold(text)) {
        return Ok(as_written);
    }
    // The unit written after the figure, so that `5-8` under 亿元 reads as `5-8亿` and a decimal
    // (`0.35` 亿) is scaled before it is rounded to yuan.
    let word = [(1e3, "千"), (1e4, "万"), (1e6, "百万"), (1e7, "千万"), (1e8, "亿"), (1e9, "十亿")]
        .into_iter()
        .find(|(s, _)| *s == unit.scale)
        .map(|(_, w)| w);
    match word {
        Some(w) => parse_money_in(&format!("{}{w}", text.trim()), fx, unit.currency),
        None => {
            let Some(mut a) = as_written else { return Ok(None) };
            for v in [&mut a.min, &mut a.max] {
                if *v != u64::MAX {
                    let y = *v as f64 * unit.scale;
                    if y > MAX_YUAN {
                        return Err(MoneyError::TooLarge);
                    }
                    *v = y.round() as u64;
                }
            }
            Ok(Some(a))
        }
    }
}

/// Shows an amount of yuan the way each language writes it: `30亿元`, `30億元`, `3 billion yuan`
/// (English: billions from a billion, millions from a million, the figure below).
///
/// ```
/// use opportunity_matcher::{money::format_yuan, Lang};
/// assert_eq!(format_yuan(3_000_000_000, Lang::ZhHans), "30亿元");
/// assert_eq!(format_yuan(1_250_000_000, Lang::ZhHant), "12.5億元");
/// assert_eq!(format_yuan(50_000_000, Lang::ZhHans), "5000万元");
/// assert_eq!(format_yuan(3_000_000_000, Lang::En), "3 billion yuan");
/// assert_eq!(format_yuan(500_000_000, Lang::En), "500 million yuan");
/// assert_eq!(format_yuan(800_000, Lang::En), "800,000 yuan");
/// ```
pub fn format_yuan(yuan: u64, lang: Lang) -> String {
    format_in_unit(yuan as f64, Currency::Cny, lang)
}

/// Shows an amount of yuan in another currency too, when the investor typed one:
/// `30亿元（约4.23亿美元）`, `3,000 million yuan (about 423 million USD)`.
///
/// ```
/// use opportunity_matcher::{money::{format_for, Currency, Fx}, Lang};
/// let fx = Fx::default();
/// assert_eq!(format_for(710_000_000, Currency::Usd, &fx, Lang::En), "710 million yuan (about 100 million USD)");
/// assert_eq!(format_for(710_000_000, Currency::Cny, &fx, Lang::ZhHans), "7.1亿元");
/// ```
pub fn format_for(yuan: u64, shown_in: Currency, fx: &Fx, lang: Lang) -> String {
    let base = format_yuan(yuan, lang);
    if shown_in == Currency::Cny {
        return base;
    }
    let foreign = format_in_unit(yuan as f64 / fx.rate(shown_in), shown_in, lang);
    match lang {
        Lang::En => format!("{base} (about {foreign})"),
        _ => format!("{base}（约{foreign}）").replace("约", lang.pick("约", "約", "约")),
    }
}

/// Shows an [`Amount`] (exact, range or open bound) in yuan.
///
/// ```
/// use opportunity_matcher::{money::{format_amount, parse_money, Fx}, Lang};
/// let a = parse_money("5-10亿", &Fx::default()).unwrap().unwrap();
/// assert_eq!(format_amount(&a, Lang::ZhHans), "5亿–10亿元");
/// ```
pub fn format_amount(a: &Amount, lang: Lang) -> String {
    format_bound(a, |v| format_in_unit(v as f64, Currency::Cny, lang), lang)
}

/// Shows an [`Amount`] as the investor wrote it: in its own currency and, for a foreign currency,
/// in yuan as well, so that what the matcher compares is always visible.
///
/// ```
/// use opportunity_matcher::{money::{format_understood, parse_money, Fx}, Lang};
/// let fx = Fx::default();
/// let a = parse_money("NT$3億", &fx).unwrap().unwrap();
/// assert_eq!(format_understood(&a, &fx, Lang::ZhHant), "3億新臺幣（約6600萬元）");
/// assert_eq!(format_understood(&a, &fx, Lang::En), "300 million TWD (about 66 million yuan)");
/// let b = parse_money("上亿", &fx).unwrap().unwrap();
/// assert_eq!(format_understood(&b, &fx, Lang::ZhHans), "1亿元以上");
/// ```
pub fn format_understood(a: &Amount, fx: &Fx, lang: Lang) -> String {
    let yuan = format_amount(a, lang);
    if a.currency == Currency::Cny {
        return yuan;
    }
    let rate = fx.rate(a.currency);
    let own = format_bound(a, |v| format_in_unit(v as f64 / rate, a.currency, lang), lang);
    match lang {
        Lang::En => format!("{own} (about {yuan})"),
        Lang::ZhHans => format!("{own}（约{yuan}）"),
        Lang::ZhHant => format!("{own}（約{yuan}）"),
    }
}

/// An amount's bound around figures formatted by `figure` (which ends with the unit name).
fn format_bound(a: &Amount, figure: impl Fn(u64) -> String, lang: Lang) -> String {
    match a.bound {
        Bound::Exact => figure(a.min),
        Bound::Range => {
            let (lo, hi) = (figure(a.min), figure(a.max));
            // The unit is written once, after the upper end: `5亿–10亿元`, `5–10 million yuan`.
            let common = lo.char_indices().map(|(i, _)| &lo[i..]).find(|tail| hi.ends_with(*tail)).unwrap_or("");
            let unit = common.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
            let unit = match lang {
                // `5–10 million yuan`, but `500 million–3 billion yuan` (each figure keeps its scale).
                Lang::En => {
                    let scale = |s: &str| [" billion ", " million "].into_iter().find(|w| s.contains(*w));
                    match (scale(&lo), scale(&hi)) {
                        (l, h) if l == h => unit.trim_start(),
                        // Different scales: only the currency's name is shared.
                        (_, Some(h)) => hi.split_once(h).map_or("", |(_, name)| name),
                        (_, None) => unit.trim_start(),
                    }
                }
                _ => unit.trim_start_matches(['亿', '億', '万', '萬']),
            };
            let lo = lo.strip_suffix(unit).unwrap_or(&lo).trim_end();
            format!("{lo}–{hi}")
        }
        Bound::UpTo => match lang {
            Lang::En => format!("up to {}", figure(a.max)),
            _ => format!("{}{}", figure(a.max), lang.pick("以内", "以內", "")),
        },
        Bound::AtLeast => match lang {
            Lang::En => format!("at least {}", figure(a.min)),
            _ => format!("{}以上", figure(a.min)),
        },
    }
}

fn trim_number(v: f64, max_decimals: usize) -> String {
    let s = format!("{v:.max_decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn group_thousands(v: f64, decimals: usize) -> String {
    let s = trim_number(v, decimals);
    let (int, frac) = s.split_once('.').map(|(a, b)| (a.to_string(), Some(b.to_string()))).unwrap_or((s, None));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

fn format_in_unit(value: f64, currency: Currency, lang: Lang) -> String {
    let unit = currency.unit_name(lang);
    match lang {
        // One way everywhere: billions from a billion up (`3 billion yuan`, never `3,000 million`),
        // millions from a million (`500 million yuan`), plain figures below (`800,000 yuan`); as
        // many decimals as the Chinese 亿 / 万 forms keep.
        Lang::En => {
            let (b, m) = (value / 1e9, value / 1e6);
            if b >= 1.0 {
                let decimals = if b >= 100.0 {
                    1
                } else if b >= 10.0 {
                    2
                } else {
                    3
                };
                format!("{} billion {unit}", group_thousands(b, decimals))
            } else if m >= 1.0 {
                let decimals = if m >= 100.0 {
                    0
                } else if m >= 10.0 {
                    1
                } else {
                    2
                };
                format!("{} million {unit}", group_thousands(m, decimals))
            } else {
                format!("{} {unit}", group_thousands(value, 0))
            }
        }
        _ => {
            let (yi, wan) = (lang.pick("亿", "億", ""), lang.pick("万", "萬", ""));
            if value >= 1e8 {
                let v = value / 1e8;
                format!("{}{yi}{unit}", trim_number(v, if v >= 100.0 { 0 } else { 2 }))
            } else if value >= 1e4 {
                let v = value / 1e4;
                format!("{}{wan}{unit}", trim_number(v, if v >= 100.0 { 0 } else { 1 }))
            } else {
                format!("{}{unit}", trim_number(value, 0))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_figures_read_as_the_full_reading_reads_them() {
        // Every shape `plain_figure` takes, with figures from small to beyond MAX_YUAN, in yuan
        // and in a list whose currency is the US dollar: the short path and the full one agree.
        let fx = Fx::default();
        let mut seen = 0;
        for int in ["0", "1", "7", "12", "085", "3500", "60000", "123456789", "99999999999", "1234567890123456789"] {
            for frac in ["", ".5", ".05", ".123456", ".0"] {
                for unit in ["", "万", "亿"] {
                    for yuan in ["", "元"] {
                        let text = format!("{int}{frac}{unit}{yuan}");
                        let (figure, written) = plain_figure(&text).expect("a plain figure");
                        for currency in [Currency::Cny, Currency::Usd] {
                            let plain = read_plain_figure(figure, written, &fx, currency);
                            assert_eq!(plain, read_amount_words(text.clone(), &fx, currency), "{text} in {currency:?}");
                            assert_eq!(plain, parse_money_in(&text, &fx, currency), "{text}");
                        }
                        seen += 1;
                    }
                }
            }
        }
        assert_eq!(seen, 300);
        for not_plain in ["5.", ".5", "5..5", "5万万", "5亿万元", "元", "万", "5,000", "5 万", "五千万", "5000万以上", "1-2亿", "$5"]
        {
            assert_eq!(plain_figure(not_plain), None, "{not_plain}");
        }
    }

    fn read(t: &str) -> Amount {
        parse_money(t, &Fx::default()).unwrap_or_else(|e| panic!("{t}: {e:?}")).unwrap()
    }

    #[test]
    fn every_form_of_the_spec_reads() {
        let cases: [(&str, u64); 16] = [
            ("12亿元", 1_200_000_000),
            ("1.2亿", 120_000_000),
            ("12000万元", 120_000_000),
            ("五千万", 50_000_000),
            ("5000万美元", 355_000_000),
            ("USD 50 million", 355_000_000),
            ("1,200万元", 12_000_000),
            ("3000000000", 3_000_000_000),
            ("30億元", 3_000_000_000),
            ("十二亿", 1_200_000_000),
            ("二千五百万元", 25_000_000),
            ("一亿二千万", 120_000_000),
            ("3千万", 30_000_000),
            ("１２亿元", 1_200_000_000),
            ("$5m", 35_500_000),
            ("HK$ 100 million", 91_000_000),
        ];
        for (text, yuan) in cases {
            assert_eq!(read(text).min, yuan, "{text}");
        }
    }

    #[test]
    fn formats_of_one_amount_agree() {
        let forms = ["3亿元", "3亿", "30000万元", "三亿", "叁亿元", "300000000", "300 million yuan", "RMB 300m", "3億"];
        for f in forms {
            assert_eq!(read(f).min, 300_000_000, "{f}");
        }
    }

    #[test]
    fn ranges_and_open_bounds() {
        let r = read("1-5亿");
        assert_eq!((r.min, r.max, r.bound), (100_000_000, 500_000_000, Bound::Range));
        let r = read("1亿~5亿");
        assert_eq!((r.min, r.max), (100_000_000, 500_000_000));
        let r = read("5000万至1亿");
        assert_eq!((r.min, r.max), (50_000_000, 100_000_000));
        let r = read("1 to 5 billion");
        assert_eq!((r.min, r.max), (1_000_000_000, 5_000_000_000));
        let r = read("5000万以内");
        assert_eq!((r.min, r.max, r.bound), (0, 50_000_000, Bound::UpTo));
        let r = read("up to 200 million USD");
        assert_eq!((r.max, r.bound, r.currency), (1_420_000_000, Bound::UpTo, Currency::Usd));
        let r = read("5亿以上");
        assert_eq!((r.min, r.bound), (500_000_000, Bound::AtLeast));
        let r = read("at least 1 billion");
        assert_eq!((r.min, r.bound), (1_000_000_000, Bound::AtLeast));
    }

    #[test]
    fn list_fx_overrides_default_rates() {
        let fx = Fx::default().with(Currency::Usd, 7.0);
        assert_eq!(parse_money("USD 10 million", &fx).unwrap().unwrap().min, 70_000_000);
    }

    #[test]
    fn a_range_names_its_unit_once_or_says_it_with_two_bounds() {
        let fx = Fx::default();
        for (text, min, max) in [
            ("五百到一千万", 5_000_000, 10_000_000),
            ("三千到五千万", 30_000_000, 50_000_000),
            ("5000-1亿", 50_000_000, 100_000_000),
            ("三到五千", 3_000, 5_000),
            ("1亿以上10亿以下", 100_000_000, 1_000_000_000),
            ("1亿以上，3亿以内", 100_000_000, 300_000_000),
            ("最少1000万最多5000万", 10_000_000, 50_000_000),
            ("不少于1亿，不超过3亿", 100_000_000, 300_000_000),
            ("在1亿到2亿之间", 100_000_000, 200_000_000),
            ("1千万到3千万之间", 10_000_000, 30_000_000),
            ("between 10 and 50 million", 10_000_000, 50_000_000),
            ("from 1 to 2 billion", 1_000_000_000, 2_000_000_000),
        ] {
            let a = parse_money(text, &fx).unwrap().unwrap_or_else(|| panic!("{text}"));
            assert_eq!((a.min, a.max, a.bound), (min, max, Bound::Range), "{text}");
        }
    }

    #[test]
    fn unreadable_text_is_an_error_not_a_panic() {
        let fx = Fx::default();
        for t in ["很多钱", "abc", "亿", "12 34", "1.2.3亿", "-+", "万万", "¥¥", "5亿-", "NaN", "1e999"] {
            assert!(parse_money(t, &fx).is_err(), "{t} should not read");
        }
        assert_eq!(parse_money("-5亿", &fx), Err(MoneyError::Negative));
        assert_eq!(parse_money("10-5亿", &fx), Err(MoneyError::InvertedRange));
        assert_eq!(parse_money("5亿-1亿", &fx), Err(MoneyError::InvertedRange));
        assert_eq!(parse_money("99999999999999999亿", &fx), Err(MoneyError::TooLarge));
    }

    #[test]
    fn blank_means_not_published() {
        for t in ["", "  ", "-", "--", "待定", "／", "——", "暂无", "无", "/", "面议"] {
            assert_eq!(parse_money(t, &Fx::default()), Ok(None), "{t:?}");
        }
    }

    #[test]
    fn larger_text_gives_larger_amounts() {
        let ordered = ["500万", "五千万", "1亿", "1.5亿", "12亿元", "30亿", "100亿"];
        let values: Vec<u64> = ordered.iter().map(|t| read(t).min).collect();
        assert!(values.windows(2).all(|w| w[0] < w[1]), "{values:?}");
    }

    #[test]
    fn spoken_chinese_amounts_read() {
        let cases: [(&str, u64, u64, Bound); 44] = [
            ("2个亿", 200_000_000, 200_000_000, Bound::Exact),
            ("一个亿", 100_000_000, 100_000_000, Bound::Exact),
            ("上亿", 100_000_000, u64::MAX, Bound::AtLeast),
            ("过亿", 100_000_000, u64::MAX, Bound::AtLeast),
            ("上千万", 10_000_000, u64::MAX, Bound::AtLeast),
            ("大概2亿", 200_000_000, 200_000_000, Bound::Exact),
            ("3亿上下", 300_000_000, 300_000_000, Bound::Exact),
            ("5000w", 50_000_000, 50_000_000, Bound::Exact),
            ("5kw", 50_000_000, 50_000_000, Bound::Exact),
            ("8千w", 80_000_000, 80_000_000, Bound::Exact),
            ("两三个亿", 200_000_000, 300_000_000, Bound::Range),
            ("二三十亿", 2_000_000_000, 3_000_000_000, Bound::Range),
            ("几千万", 20_000_000, 90_000_000, Bound::Range),
            ("大几千万", 50_000_000, 90_000_000, Bound::Range),
            ("小几个亿", 200_000_000, 400_000_000, Bound::Range),
            ("十几亿", 1_100_000_000, 1_900_000_000, Bound::Range),
            ("几十亿", 2_000_000_000, 9_000_000_000, Bound::Range),
            ("数亿元", 200_000_000, 900_000_000, Bound::Range),
            ("千万级", 10_000_000, 100_000_000, Bound::Range),
            ("一个小目标", 100_000_000, 100_000_000, Bound::Exact),
            ("不到5000万", 0, 50_000_000, Bound::UpTo),
            ("超过3亿", 300_000_000, u64::MAX, Bound::AtLeast),
            ("千万以上", 10_000_000, u64::MAX, Bound::AtLeast),
            ("一千来万", 10_000_000, 15_000_000, Bound::Range),
            ("十来个亿", 1_000_000_000, 1_500_000_000, Bound::Range),
            ("两百来万", 2_000_000, 2_500_000, Bound::Range),
            ("10来亿", 1_000_000_000, 1_500_000_000, Bound::Range),
            ("一千万出头", 10_000_000, 15_000_000, Bound::Range),
            ("一个亿出头", 100_000_000, 150_000_000, Bound::Range),
            ("千把万", 10_000_000, 10_000_000, Bound::Exact),
            ("个把亿", 100_000_000, 100_000_000, Bound::Exact),
            ("万把块", 10_000, 10_000, Bound::Exact),
            ("5万块钱", 50_000, 50_000, Bound::Exact),
            ("小一个亿", 100_000_000, 100_000_000, Bound::Exact),
            ("小两千万", 20_000_000, 20_000_000, Bound::Exact),
            ("近亿", 100_000_000, 100_000_000, Bound::Exact),
            ("将近千万", 10_000_000, 10_000_000, Bound::Exact),
            ("上限2亿", 0, 200_000_000, Bound::UpTo),
            ("2亿封顶", 0, 200_000_000, Bound::UpTo),
            ("2亿为限", 0, 200_000_000, Bound::UpTo),
            ("5000万起投", 50_000_000, u64::MAX, Bound::AtLeast),
            ("起步3000万", 30_000_000, u64::MAX, Bound::AtLeast),
            ("百万级别", 1_000_000, 10_000_000, Bound::Range),
            ("quarter billion yuan", 250_000_000, 250_000_000, Bound::Exact),
        ];
        for (text, min, max, bound) in cases {
            let a = read(text);
            assert_eq!((a.min, a.max, a.bound), (min, max, bound), "{text}");
        }
    }

    #[test]
    fn a_last_digit_after_a_place_counts_in_the_place_below_and_chat_units_read() {
        for (text, yuan) in [
            // As said aloud: 一亿八 is 1.8亿, 三万五 is 3.5万, 三千五 is 3,500.
            ("1亿8", 180_000_000),
            ("一亿八", 180_000_000),
            ("3万5", 35_000),
            ("3w5", 35_000),
            ("三千五", 3_500),
            ("一百五", 150),
            ("三千五万", 35_000_000),
            ("两千五万", 25_000_000),
            // 零 marks a skipped place; a place written out, or a number of two digits, is as written.
            ("二万零五", 20_005),
            ("一千零五", 1_005),
            ("1亿零8", 100_000_008),
            ("1亿8千万", 180_000_000),
            ("3千5百万", 35_000_000),
            ("十五万", 150_000),
            ("1亿5000万", 150_000_000),
            // Chat and pinyin units.
            ("2e", 200_000_000),
            ("1.5e", 150_000_000),
            ("2个e", 200_000_000),
            ("3 yi", 300_000_000),
            ("5 qian wan", 50_000_000),
            ("2 bai wan", 2_000_000),
        ] {
            let a = read(text);
            assert_eq!((a.min, a.max), (yuan, yuan), "{text}");
        }
        let fx = Fx::default();
        for text in ["1e8", "1.5e8", "2e3", "e", "yi", "100e 亿元"] {
            assert_eq!(parse_money_in(text, &fx, Currency::Cny).ok().flatten(), None, "{text}: an exponent or a unit alone is no amount");
        }
        assert_eq!(read("1-2e").min, 100_000_000);
        assert_eq!(read("5e以内").max, 500_000_000);
    }

    #[test]
    fn budgets_as_a_sentence_says_them_read() {
        let cases: [(&str, u64, u64, Bound); 22] = [
            // The field's name before, a particle after.
            ("预算2-3个亿", 200_000_000, 300_000_000, Bound::Range),
            ("预算在2亿左右", 200_000_000, 200_000_000, Bound::Exact),
            ("投资额：5000万", 50_000_000, 50_000_000, Bound::Exact),
            ("2亿左右吧", 200_000_000, 200_000_000, Bound::Exact),
            ("5000万的样子", 50_000_000, 50_000_000, Bound::Exact),
            ("大概两千万吧", 20_000_000, 20_000_000, Bound::Exact),
            // Negated bounds (`不少于` holds `少于`).
            ("不少于1亿", 100_000_000, u64::MAX, Bound::AtLeast),
            ("不低于5000万", 50_000_000, u64::MAX, Bound::AtLeast),
            ("no less than 1 billion", 1_000_000_000, u64::MAX, Bound::AtLeast),
            ("不超过2亿", 0, 200_000_000, Bound::UpTo),
            // Halves.
            ("半个亿", 50_000_000, 50_000_000, Bound::Exact),
            ("两个半亿", 250_000_000, 250_000_000, Bound::Exact),
            ("一亿半", 150_000_000, 150_000_000, Bound::Exact),
            ("3万半", 35_000, 35_000, Bound::Exact),
            // 多 after a figure: up to one more of its last place.
            ("一个多亿", 100_000_000, 200_000_000, Bound::Range),
            ("三千多万", 30_000_000, 40_000_000, Bound::Range),
            ("十多亿", 1_000_000_000, 2_000_000_000, Bound::Range),
            ("二十多亿", 2_000_000_000, 3_000_000_000, Bound::Range),
            ("5000多万", 50_000_000, 60_000_000, Bound::Range),
            ("1亿多", 100_000_000, 200_000_000, Bound::Range),
            // A unit first has a one before it.
            ("百亿", 10_000_000_000, 10_000_000_000, Bound::Exact),
            ("千万", 10_000_000, 10_000_000, Bound::Exact),
        ];
        for (text, min, max, bound) in cases {
            let a = read(text);
            assert_eq!((a.min, a.max, a.bound), (min, max, bound), "{text}");
        }
        let fx = Fx::default();
        for text in ["亿", "万", "百", "千", "半", "多"] {
            let read = parse_money_in(text, &fx, Currency::Cny);
            assert!(!matches!(read, Ok(Some(a)) if a.max > 0), "{text}: a unit alone is no amount, read {read:?}");
        }
    }

    #[test]
    fn spoken_english_amounts_read() {
        let cases: [(&str, u64, u64); 8] = [
            ("a billion yuan", 1_000_000_000, 1_000_000_000),
            ("half a billion", 500_000_000, 500_000_000),
            ("fifty million", 50_000_000, 50_000_000),
            ("twenty five million", 25_000_000, 25_000_000),
            ("two hundred million", 200_000_000, 200_000_000),
            ("a few million", 2_000_000, 9_000_000),
            ("tens of millions", 10_000_000, 99_000_000),
            ("roughly 300 million", 300_000_000, 300_000_000),
        ];
        for (text, min, max) in cases {
            let a = read(text);
            assert_eq!((a.min, a.max), (min, max), "{text}");
        }
        assert_eq!(read("hundreds of millions USD").min, 710_000_000);
    }

    #[test]
    fn budget_labels_and_english_bounds_around_the_amount() {
        // (text, min, max, bound): the field's own name typed before the figure, and the English
        // words of a bound whose short form (`min`, `max`) sits inside them.
        let cases: [(&str, u64, u64, Bound); 14] = [
            // Hong Kong's and Taiwan's words: 唔 is 不, 介乎 is between, 或以上 is "or more".
            ("預算介乎1至2億", 100_000_000, 200_000_000, Bound::Range),
            ("唔超過3億", 0, 300_000_000, Bound::UpTo),
            ("3億或以上", 300_000_000, u64::MAX, Bound::AtLeast),
            ("不多於2億", 0, 200_000_000, Bound::UpTo),
            // A currency in brackets, a preference after the amount.
            ("兩億左右（人民幣）", 200_000_000, 200_000_000, Bound::Exact),
            ("2億以下為佳", 0, 200_000_000, Bound::UpTo),
            ("五千萬或以下", 0, 50_000_000, Bound::UpTo),
            ("总投资不超过5亿元", 0, 500_000_000, Bound::UpTo),
            ("投资规模在1亿左右", 100_000_000, 100_000_000, Bound::Exact),
            ("计划投资3000万", 30_000_000, 30_000_000, Bound::Exact),
            ("minimum 10m", 10_000_000, u64::MAX, Bound::AtLeast),
            ("maximum RMB 80 million", 0, 80_000_000, Bound::UpTo),
            ("not more than 1 billion", 0, 1_000_000_000, Bound::UpTo),
            ("5 mil", 5_000_000, 5_000_000, Bound::Exact),
        ];
        for (text, min, max, bound) in cases {
            let a = read(text);
            assert_eq!((a.min, a.max, a.bound), (min, max, bound), "{text}");
        }
    }

    #[test]
    fn taiwan_macau_and_singapore_currencies() {
        let cases: [(&str, Currency, u64); 11] = [
            ("新臺幣10億", Currency::Twd, 220_000_000),
            ("新台币10亿", Currency::Twd, 220_000_000),
            ("台幣3億元", Currency::Twd, 66_000_000),
            ("NT$3億", Currency::Twd, 66_000_000),
            ("TWD 300 million", Currency::Twd, 66_000_000),
            ("300 million New Taiwan dollars", Currency::Twd, 66_000_000),
            ("澳門幣1億", Currency::Mop, 88_000_000),
            ("MOP 100 million", Currency::Mop, 88_000_000),
            ("S$ 10 million", Currency::Sgd, 53_000_000),
            ("新加坡元1000万", Currency::Sgd, 53_000_000),
            ("US$ 10 million", Currency::Usd, 71_000_000),
        ];
        for (text, currency, yuan) in cases {
            let a = read(text);
            assert_eq!((a.currency, a.min), (currency, yuan), "{text}");
        }
        assert_eq!(Currency::from_code("twd"), Some(Currency::Twd));
        assert_eq!(Currency::from_code("MOP"), Some(Currency::Mop));
        assert_eq!(Currency::from_code("SGD"), Some(Currency::Sgd));
    }

    #[test]
    fn money_is_shown_per_language() {
        assert_eq!(format_yuan(3_000_000_000, Lang::ZhHans), "30亿元");
        assert_eq!(format_yuan(3_000_000_000, Lang::ZhHant), "30億元");
        assert_eq!(format_yuan(3_000_000_000, Lang::En), "3 billion yuan", "never 3,000 million");
        assert_eq!(format_yuan(1_250_000_000, Lang::En), "1.25 billion yuan");
        assert_eq!(format_yuan(36_610_000_000, Lang::En), "36.61 billion yuan");
        assert_eq!(format_yuan(999_000_000, Lang::En), "999 million yuan");
        assert_eq!(format_yuan(12_345_000, Lang::En), "12.3 million yuan");
        assert_eq!(format_yuan(2_500_000, Lang::En), "2.5 million yuan");
        assert_eq!(format_yuan(800_000, Lang::En), "800,000 yuan");
        let fx = Fx::default();
        let range = |t: &str| format_amount(&parse_money(t, &fx).unwrap().unwrap(), Lang::En);
        assert_eq!(range("5-10亿"), "500 million–1 billion yuan");
        assert_eq!(range("1-5亿"), "100–500 million yuan");
        assert_eq!(range("10-50亿"), "1–5 billion yuan");
        // Every English amount reads back as the same figure (kiosk presets write them into the input).
        for yuan in [800_000u64, 2_500_000, 500_000_000, 3_000_000_000, 36_610_000_000] {
            let text = format_yuan(yuan, Lang::En);
            assert_eq!(parse_money(&text, &fx).unwrap().map(|a| a.min), Some(yuan), "{text}");
        }
        assert_eq!(format_yuan(12_000_000, Lang::ZhHant), "1200萬元");
        assert_eq!(format_yuan(0, Lang::ZhHans), "0元");
        assert_eq!(format_for(3_000_000_000, Currency::Usd, &Fx::default(), Lang::ZhHans), "30亿元（约4.23亿美元）");
    }
}
