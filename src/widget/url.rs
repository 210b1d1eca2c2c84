//! The search in the URL fragment, so that a link (or a QR code) reopens exactly the same view:
//! `#q=动力电池&b=30亿&r=成都&s=SC-0001,SC-0002&lang=en`.
//!
//! Keys: `q` industry, `b` budget, `r` region, `sec` sector key, `co` cooperation, `st` stage,
//! `s` shortlist (comma-separated ids, each percent-encoded), `p` open project, `v=list` the
//! shortlist panel, `lang`. A fragment without any of these keys belongs to the host page (an
//! ordinary `#anchor`) and is left alone.
//!
//! ```
//! use opportunity_matcher::widget::state::Search;
//! use opportunity_matcher::widget::url::{decode, encode};
//! let search = Search { industry: "动力电池".into(), shortlist: vec!["SC-0001".into()], ..Search::default() };
//! assert_eq!(encode(&search), "q=%E5%8A%A8%E5%8A%9B%E7%94%B5%E6%B1%A0&s=SC-0001&lang=zh-Hans");
//! let mut back = Search::default();
//! assert!(decode(&encode(&search), &mut back));
//! assert_eq!(back, search);
//! ```

use super::state::{Panel, Search, SHORTLIST_MAX};
use crate::Lang;

const KEYS: [&str; 10] = ["q", "b", "r", "sec", "co", "st", "s", "p", "v", "lang"];

/// Percent-encodes everything but unreserved ASCII (RFC 3986), as `encodeURIComponent` does
/// minus its few extra marks.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0').to_ascii_uppercase());
            out.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0').to_ascii_uppercase());
        }
    }
    out
}

/// Decodes `%XX` sequences (invalid ones are kept as written, invalid UTF-8 is replaced).
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A link as people can read it and still use it: escapes of non-ASCII text are decoded
/// (`动力电池` instead of `%E5%8A%A8…`), escapes of ASCII stay (a space stays `%20`, an `&` inside a
/// value stays `%26`), so that the text copied, typed or scanned opens the same search.
///
/// ```
/// use opportunity_matcher::widget::url::readable;
/// assert_eq!(readable("p.example/#q=%E7%94%B5%E6%B1%A0%20AI&b=1%26"), "p.example/#q=电池%20AI&b=1%26");
/// ```
pub fn readable(link: &str) -> String {
    let bytes = link.as_bytes();
    let hex = |i: usize| -> Option<u8> {
        let h = (*bytes.get(i + 1)? as char).to_digit(16)?;
        let l = (*bytes.get(i + 2)? as char).to_digit(16)?;
        Some((h * 16 + l) as u8)
    };
    let mut out = String::with_capacity(link.len());
    let mut i = 0;
    while i < bytes.len() {
        // A run of escapes of non-ASCII bytes that is valid UTF-8 is shown as its characters.
        let mut run = Vec::new();
        let mut j = i;
        while bytes.get(j) == Some(&b'%') {
            match hex(j) {
                Some(b) if b >= 0x80 => {
                    run.push(b);
                    j += 3;
                }
                _ => break,
            }
        }
        if run.is_empty() {
            let next = link[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&link[i..i + next]);
            i += next;
            continue;
        }
        for chunk in run.utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        i = j;
    }
    out
}

/// The fragment (without `#`) for a search; empty when there is nothing to keep.
pub fn encode(search: &Search) -> String {
    let mut pairs: Vec<String> = Vec::new();
    let mut put = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            pairs.push(format!("{k}={}", encode_component(v.trim())));
        }
    };
    put("q", &search.industry);
    put("b", &search.budget);
    put("r", &search.region);
    put("sec", &search.sector);
    put("co", &search.cooperation);
    put("st", &search.stage);
    if let Some(p) = &search.selected {
        put("p", p);
    }
    if search.panel == Panel::Shortlist {
        put("v", "list");
    }
    if !search.shortlist.is_empty() {
        let ids: Vec<String> = search.shortlist.iter().map(|id| encode_component(id)).collect();
        pairs.push(format!("s={}", ids.join(",")));
    }
    if pairs.is_empty() {
        return String::new();
    }
    pairs.push(format!("lang={}", search.lang.tag()));
    pairs.join("&")
}

/// True when a fragment carries widget state (and not a host-page anchor).
pub fn is_ours(fragment: &str) -> bool {
    let f = fragment.trim_start_matches('#');
    f.split('&').any(|pair| pair.split_once('=').is_some_and(|(k, _)| KEYS.contains(&k)))
}

/// Reads a fragment into a search: every key present replaces that part; a fragment that is ours
/// resets the parts it does not name. Returns false (and changes nothing) for a foreign fragment.
pub fn decode(fragment: &str, search: &mut Search) -> bool {
    let f = fragment.trim_start_matches('#');
    if !is_ours(f) {
        return false;
    }
    let lang = search.lang;
    let top = search.top;
    *search = Search { lang, top, ..Search::default() };
    for pair in f.split('&') {
        let Some((k, v)) = pair.split_once('=') else { continue };
        let value = || decode_component(v);
        match k {
            "q" => search.industry = value(),
            "b" => search.budget = value(),
            "r" => search.region = value(),
            "sec" => search.sector = value(),
            "co" => search.cooperation = value(),
            "st" => search.stage = value(),
            "p" => search.selected = Some(value()).filter(|s| !s.is_empty()),
            "v" => search.panel = if v == "list" { Panel::Shortlist } else { Panel::Results },
            "lang" => search.lang = Lang::from_tag(&value()),
            "s" => read_ids(v, &mut search.shortlist),
            _ => {}
        }
    }
    true
}

/// Adds the comma-separated, percent-encoded ids of `list` to `shortlist`: each once, blanks left
/// out, at most [`SHORTLIST_MAX`] in all. The stored shortlist uses the same form.
pub fn read_ids(list: &str, shortlist: &mut Vec<String>) {
    for id in list.split(',').map(decode_component) {
        let id = id.trim().to_string();
        if !id.is_empty() && !shortlist.contains(&id) && shortlist.len() < SHORTLIST_MAX {
            shortlist.push(id);
        }
    }
}

/// The shortlist as [`read_ids`] reads it back (for `localStorage`).
pub fn write_ids(shortlist: &[String]) -> String {
    let ids: Vec<String> = shortlist.iter().map(|id| encode_component(id)).collect();
    ids.join(",")
}

/// True for `http://` and `https://` URLs (anything else never becomes a link or a QR code).
pub fn is_http(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://")
}

/// The page a share link points at: `base` when it is a web address, without its own fragment.
pub fn share_base(base: &str) -> Option<String> {
    is_http(base).then(|| base.split('#').next().unwrap_or("").to_string())
}

/// The link that opens `search` on the page `base` (as [`share_base`] gives it); none when there
/// is nothing to share or no page to share it on.
pub fn share_link(base: Option<&str>, search: &Search) -> Option<String> {
    let fragment = encode(search);
    if fragment.is_empty() {
        return None;
    }
    Some(format!("{}#{}", base?, fragment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::state::PAGE;

    fn full() -> Search {
        Search {
            industry: "动力电池、AI".into(),
            budget: "1-5亿 & more=yes".into(),
            region: "Chengdu, Chongqing".into(),
            sector: "em".into(),
            cooperation: "合资".into(),
            stage: "前期".into(),
            shortlist: vec!["SC-0001".into(), "id,with,commas".into(), "50%&#".into()],
            selected: Some("SC-0001".into()),
            panel: Panel::Shortlist,
            lang: Lang::ZhHant,
            top: PAGE,
        }
    }

    #[test]
    fn every_part_of_a_search_survives_the_round_trip() {
        let search = full();
        let fragment = encode(&search);
        assert!(!fragment.contains(['#', ' ']), "{fragment}");
        let mut back = Search { lang: Lang::En, ..Search::default() };
        assert!(decode(&format!("#{fragment}"), &mut back));
        assert_eq!(back, search);
    }

    #[test]
    fn a_fragment_resets_what_it_does_not_name_but_keeps_the_page_size() {
        let mut search = Search { top: 3 * PAGE, ..full() };
        assert!(decode("q=AI", &mut search));
        assert_eq!(search, Search { industry: "AI".into(), lang: Lang::ZhHant, top: 3 * PAGE, ..Search::default() });
    }

    #[test]
    fn a_host_page_anchor_is_not_ours() {
        let mut search = full();
        for foreign in ["", "#", "#contact", "#section=2", "#q"] {
            assert!(!decode(foreign, &mut search), "{foreign}");
        }
        assert_eq!(search, full(), "left alone");
        assert!(is_ours("#lang=en"));
    }

    #[test]
    fn nothing_to_keep_is_an_empty_fragment_and_blanks_are_left_out() {
        assert_eq!(encode(&Search::default()), "");
        let blank = Search { industry: "  ".into(), lang: Lang::En, ..Search::default() };
        assert_eq!(encode(&blank), "");
        let trimmed = Search { budget: " 30亿 ".into(), lang: Lang::En, ..Search::default() };
        assert_eq!(encode(&trimmed), "b=30%E4%BA%BF&lang=en");
    }

    #[test]
    fn shortlists_from_links_are_deduplicated_and_bounded() {
        let many: Vec<String> = (0..250).map(|i| format!("P-{i}")).collect();
        let mut search = Search::default();
        decode(&format!("s=A,A,%20,B,{}", many.join(",")), &mut search);
        assert_eq!(&search.shortlist[..2], ["A", "B"]);
        assert_eq!(search.shortlist.len(), SHORTLIST_MAX);
        let mut back = Vec::new();
        read_ids(&write_ids(&full().shortlist), &mut back);
        assert_eq!(back, full().shortlist);
    }

    #[test]
    fn a_readable_link_decodes_chinese_but_keeps_spaces_and_marks_encoded() {
        let mut search = full();
        search.industry = "AI chips 动力电池".into();
        let link = share_link(Some("https://invest.example/match/"), &search).unwrap();
        let text = readable(&link);
        assert!(text.contains("q=AI%20chips%20动力电池"), "{text}");
        assert!(!text.contains(' '), "a link text never has a space: {text}");
        assert!(text.contains("b=1-5亿%20%26%20more%3Dyes"), "an & inside a value stays escaped: {text}");
        let mut back = Search::default();
        assert!(decode(text.split_once('#').unwrap().1, &mut back));
        assert_eq!(back, search, "the readable text opens the same search");
        assert_eq!(readable("a%E7%94%B5%E6b%zz%"), "a电%E6b%zz%", "broken escapes are kept as written");
    }

    #[test]
    fn components_decode_leniently() {
        assert_eq!(decode_component("%E6%88%90%E9%83%BD"), "成都");
        assert_eq!(decode_component("100%"), "100%", "an incomplete escape stays as written");
        assert_eq!(decode_component("%zz%41"), "%zzA");
        assert_eq!(decode_component("%FF"), "\u{fffd}", "invalid UTF-8 is replaced");
        assert_eq!(encode_component("a b/é~"), "a%20b%2F%C3%A9~");
    }

    #[test]
    fn share_links_point_only_at_web_pages() {
        let search = Search { industry: "AI".into(), ..Search::default() };
        let base = share_base("https://invest.example.gov.cn/match/#old").unwrap();
        assert_eq!(share_link(Some(&base), &search).as_deref(), Some("https://invest.example.gov.cn/match/#q=AI&lang=zh-Hans"));
        assert_eq!(share_link(Some(&base), &Search::default()), None, "nothing to share");
        assert_eq!(share_link(None, &search), None, "no page to share it on");
        for unsafe_base in ["javascript:alert(1)//", "data:text/html,x", "file:///c:/kiosk.html", "invest.example.gov.cn"] {
            assert_eq!(share_base(unsafe_base), None, "{unsafe_base}");
        }
        assert!(is_http(" HTTPS://Example.org"));
    }
}
