//! What an investor rules out: places in the region box (`成都以外`, `除了北京`, `四川（不含成都）`,
//! `anywhere but Beijing`, `Sichuan except Chengdu`) and industries in the industry box (`不要房地产`,
//! `除了煤炭都行`, `新能源，不含光伏`, `not real estate`). What follows `除了` / `不含` / `except` (or
//! comes before `以外` / `之外`) is left out, the rest is what the investor looks for; the matcher
//! drops the projects left out (a filter), and never reads them as wanted.

use crate::fold::fold;

/// Words before a place left out (folded: Simplified, lower case), longest first.
const BEFORE: [&str; 20] = [
    "不包括",
    "不包含",
    "不考虑",
    "除了",
    "除去",
    "除开",
    "不要",
    "不含",
    "排除",
    "不去",
    "不在",
    "除",
    "anywhere but",
    "other than",
    "apart from",
    "outside of",
    "excluding",
    "but not",
    "except",
    "not in",
];
/// Words before an industry left out (folded), longest first at one place: the region's, without
/// those about going somewhere (`不去`, `不在`, `not in`), with those about doing or being offered
/// something (`不做`, `别推荐`, `no`). Not a bare `除`: `除尘设备` is dust removal.
const INDUSTRY_BEFORE: [&str; 31] = [
    "千万别推荐",
    "千万不要",
    "不要推荐",
    "不用推荐",
    "别推荐",
    "不想做",
    "不想投",
    "不考虑",
    "不包括",
    "不包含",
    "千万别",
    "不要",
    "不做",
    "不投",
    "不搞",
    "不碰",
    "除了",
    "除去",
    "除开",
    "不含",
    "排除",
    "anything but",
    "anything except",
    "other than",
    "apart from",
    "excluding",
    "but not",
    "except",
    "not",
    "no",
    "without",
];
/// Words after a place left out (also what the sentence reader looks for: `新竹以外的半导体`).
pub(super) const AFTER: [&str; 3] = ["以外", "之外", "除外"];
/// Where a region text is cut into clauses (`、` and `/` join places within one: `不含成都、绵阳`
/// leaves out both).
const SEPARATORS: [char; 5] = [',', '，', ';', '；', '\n'];

/// The region text split into what is wanted and what is left out (each part as typed, folded).
///
/// ```text
/// "成都以外"              → wanted "",     left out ["成都"]
/// "四川（不含成都）"      → wanted "四川", left out ["成都"]
/// "Sichuan except Chengdu" → wanted "sichuan", left out ["chengdu"]
/// "成都、重庆"            → wanted "成都、重庆", left out []
/// ```
pub(crate) fn split_exclusions(text: &str) -> (String, Vec<String>) {
    split_with(text, &BEFORE)
}

/// The industry text split into what is wanted and what is left out, as [`split_exclusions`]
/// splits a region text (each part folded; `都行` and its like after a part left out go).
///
/// ```text
/// "不要房地产"            → wanted "",       left out ["房地产"]
/// "新能源，不含光伏"      → wanted "新能源", left out ["光伏"]
/// "除了煤炭都行"          → wanted "",       left out ["煤炭"]
/// "solar, not coal"       → wanted "solar",  left out ["coal"]
/// ```
pub(crate) fn split_industry_exclusions(text: &str) -> (String, Vec<String>) {
    // `不含糖饮料` (sugar-free drinks) names a product: 不含 at the start rules out only before a 的
    // (`不含房地产的文旅项目`: cultural tourism, no real estate).
    let folded = fold(text);
    if let Some(rest) = ["不含", "不包含", "不包括"].iter().find_map(|w| folded.trim_start().strip_prefix(w)) {
        return match rest.split_once('的').filter(|(out, wanted)| !out.trim().is_empty() && !wanted.trim().is_empty()) {
            Some((out, wanted)) => (wanted.trim().to_string(), vec![out.trim().to_string()]),
            None => (folded, Vec::new()),
        };
    }
    // `除房地产外都可以`: a bare 除 rules out only with its 外 (`除尘设备` is dust removal).
    let chu_wai = folded.find('除').is_some_and(|at| folded[at..].contains('外'));
    let words: Vec<&str> = INDUSTRY_BEFORE.iter().copied().chain(chu_wai.then_some("除")).collect();
    let (wanted, left_out) = split_with(text, &words);
    // `除了煤炭都行`, `除了房地产，其他都可以`: "anything else will do" is no industry.
    const ANYTHING: [&str; 8] = ["其他都可以", "其它都可以", "其他都行", "其它都行", "都可以", "都行", "均可", "皆可"];
    let trim = |t: &str| {
        let t = t.trim();
        ANYTHING.iter().find_map(|w| t.strip_suffix(w)).unwrap_or(t).trim_end_matches(['的', ' ']).to_string()
    };
    let wanted: Vec<String> = wanted.split('、').map(trim).filter(|w| !w.is_empty() && !["其他", "其它"].contains(&w.as_str())).collect();
    (wanted.join("、"), left_out.iter().map(|o| trim(o)).filter(|o| !o.is_empty()).collect())
}

fn split_with(text: &str, before_words: &[&str]) -> (String, Vec<String>) {
    let folded = fold(text);
    let mut wanted: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    for part in folded.split(SEPARATORS) {
        // `广东(佛山除外)`: what the brackets hold is a clause of its own.
        let part = part.replace(['(', '（'], "\u{1}").replace([')', '）'], " ");
        let found_before =
            before_words.iter().filter_map(|w| find_word(&part, w).map(|at| (at, *w))).min_by_key(|(at, w)| (*at, usize::MAX - w.len()));
        if let Some((at, word)) = found_before {
            wanted.push(part[..at].to_string());
            let mut out = &part[at + word.len()..];
            // `除了北京以外其他都行`: the place ends at `以外`, what follows is wanted again.
            if let Some((end, after)) = AFTER.iter().filter_map(|w| out.find(w).map(|e| (e, *w))).min() {
                wanted.push(out[end + after.len()..].to_string());
                out = &out[..end];
            }
            // `除北京外`, `除深圳外的广东`: the place ends at 外, what follows is wanted.
            // (Only after 除: `不含外高桥` leaves out 外高桥.)
            let out = match out.split_once('外').filter(|(place, _)| word == "除" && !place.trim().is_empty()) {
                Some((place, rest)) => {
                    wanted.push(rest.trim_start_matches(['的', ' ']).to_string());
                    place
                }
                None => out,
            };
            left_out.push(out.trim().to_string());
            continue;
        }
        if let Some((end, after)) = AFTER.iter().filter_map(|w| part.find(w).map(|e| (e, *w))).min() {
            // `广东 (佛山除外)`: the place left out starts at the bracket.
            let (before, out) = part[..end].rsplit_once('\u{1}').unwrap_or(("", &part[..end]));
            wanted.push(before.to_string());
            left_out.push(out.trim().to_string());
            wanted.push(part[end + after.len()..].to_string());
            continue;
        }
        wanted.push(part);
    }
    let wanted: Vec<String> = wanted.into_iter().map(|w| w.replace('\u{1}', " ").trim().to_string()).filter(|w| !w.is_empty()).collect();
    let left_out: Vec<String> = left_out.into_iter().map(|w| w.replace('\u{1}', " ")).collect();
    (wanted.join("、"), left_out.into_iter().filter(|w| !w.is_empty()).collect())
}

/// Where `word` starts in `text`: anywhere for Chinese, as whole words for Latin words.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if !word.is_ascii() {
        // `佛山除外`: the 除 of 除外 (after the place) does not start a place left out.
        return text.match_indices(word).map(|(i, _)| i).find(|&i| !AFTER.iter().any(|a| text[i..].starts_with(a)));
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| i + from) {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric());
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphanumeric());
        if before && after {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_ruled_out_are_told_apart_from_places_wanted() {
        let split = |t: &str| split_exclusions(t);
        let s = |w: &str, o: &[&str]| (w.to_string(), o.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(split("成都以外"), s("", &["成都"]));
        assert_eq!(split("除了北京"), s("", &["北京"]));
        assert_eq!(split("广东，佛山除外"), s("广东", &["佛山"]));
        assert_eq!(split("广东(深圳除外)"), s("广东", &["深圳"]));
        assert_eq!(split("除深圳外的广东"), s("广东", &["深圳"]));
        assert_eq!(split("上海，不含外高桥"), s("上海", &["外高桥"]));
        assert_eq!(split("除北京外"), s("", &["北京"]));
        assert_eq!(split("除了北京以外其他都行"), s("其他都行", &["北京"]));
        assert_eq!(split("四川（不含成都）"), s("四川", &["成都"]));
        assert_eq!(split("四川省內，不包括成都、綿陽"), s("四川省内", &["成都、绵阳"]));
        assert_eq!(split("Sichuan except Chengdu"), s("sichuan", &["chengdu"]));
        assert_eq!(split("anywhere but Beijing"), s("", &["beijing"]));
        assert_eq!(split("成都、重庆"), s("成都、重庆", &[]));
        // `exceptional` and `Zhengzhou` hold no word that rules out.
        assert_eq!(split("Zhengzhou").1, Vec::<String>::new());
        assert_eq!(split("exceptional").1, Vec::<String>::new());
    }

    #[test]
    fn industries_ruled_out_are_told_apart_from_industries_wanted() {
        let split = |t: &str| split_industry_exclusions(t);
        let s = |w: &str, o: &[&str]| (w.to_string(), o.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(split("不要房地产"), s("", &["房地产"]));
        assert_eq!(split("新能源，不含光伏"), s("新能源", &["光伏"]));
        assert_eq!(split("除了煤炭都行"), s("", &["煤炭"]));
        assert_eq!(split("除了房地产，其他都可以"), s("", &["房地产"]));
        assert_eq!(split("千万别推荐房地产，想做新能源"), s("想做新能源", &["房地产"]));
        assert_eq!(split("Solar, not coal"), s("solar", &["coal"]));
        assert_eq!(split("anything but mining"), s("", &["mining"]));
        assert_eq!(split("不含糖饮料").1, Vec::<String>::new());
        assert_eq!(split("不含房地产的文旅项目"), s("文旅项目", &["房地产"]));
        assert_eq!(split("除房地产外都可以"), s("", &["房地产"]));
        assert_eq!(split("除尘设备").1, Vec::<String>::new());
        // `nonferrous` and `notebook` hold no word that rules out.
        assert_eq!(split("nonferrous metals, notebook computers").1, Vec::<String>::new());
    }

    #[test]
    fn no_place_name_reads_as_ruling_itself_out() {
        let g = crate::gazetteer::Gazetteer::global();
        for id in 0..g.len() as u32 {
            let r = g.region(crate::gazetteer::RegionId(id));
            for name in [&r.name, &r.short] {
                assert_eq!(split_exclusions(name).1, Vec::<String>::new(), "{name}");
            }
        }
    }
}
