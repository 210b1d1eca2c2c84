//! The query and shortlist in the URL fragment, so that a link (or a QR code) reopens exactly the
//! same view: `#q=动力电池&b=30亿&r=成都&s=SC-0001,SC-0002&lang=en`.
//!
//! Keys: `q` industry, `b` budget, `r` region, `sec` sector key, `co` cooperation, `st` stage,
//! `s` shortlist (comma-separated ids, each percent-encoded), `p` open project, `v=list` the
//! shortlist panel, `lang`. A fragment without any of these keys belongs to the host page (an
//! ordinary `#anchor`) and is left alone.

use super::state::{State, View};
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

/// The fragment (without `#`) for a state; empty when there is nothing to keep.
pub fn encode(state: &State) -> String {
    let mut pairs: Vec<String> = Vec::new();
    let mut put = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            pairs.push(format!("{k}={}", encode_component(v.trim())));
        }
    };
    put("q", &state.industry);
    put("b", &state.budget);
    put("r", &state.region);
    put("sec", &state.sector);
    put("co", &state.cooperation);
    put("st", &state.stage);
    if let Some(p) = &state.selected {
        put("p", p);
    }
    if state.view == View::Shortlist {
        put("v", "list");
    }
    if !state.shortlist.is_empty() {
        let ids: Vec<String> = state.shortlist.iter().map(|id| encode_component(id)).collect();
        pairs.push(format!("s={}", ids.join(",")));
    }
    if pairs.is_empty() {
        return String::new();
    }
    pairs.push(format!("lang={}", state.lang.tag()));
    pairs.join("&")
}

/// True when a fragment carries widget state (and not a host-page anchor).
pub fn is_ours(fragment: &str) -> bool {
    let f = fragment.trim_start_matches('#');
    f.split('&').any(|pair| pair.split_once('=').is_some_and(|(k, _)| KEYS.contains(&k)))
}

/// Reads a fragment into a state: every key present replaces that part; a fragment that is ours
/// resets the parts it does not name. Returns false (and changes nothing) for a foreign fragment.
pub fn decode(fragment: &str, state: &mut State) -> bool {
    let f = fragment.trim_start_matches('#');
    if !is_ours(f) {
        return false;
    }
    let lang = state.lang;
    let top = state.top;
    *state = State { lang, top, ..State::default() };
    for pair in f.split('&') {
        let Some((k, v)) = pair.split_once('=') else { continue };
        let value = || decode_component(v);
        match k {
            "q" => state.industry = value(),
            "b" => state.budget = value(),
            "r" => state.region = value(),
            "sec" => state.sector = value(),
            "co" => state.cooperation = value(),
            "st" => state.stage = value(),
            "p" => state.selected = Some(value()).filter(|s| !s.is_empty()),
            "v" => state.view = if v == "list" { View::Shortlist } else { View::Results },
            "lang" => state.lang = Lang::from_tag(&value()),
            "s" => {
                for id in v.split(',').map(decode_component) {
                    let id = id.trim().to_string();
                    if !id.is_empty() && !state.shortlist.contains(&id) && state.shortlist.len() < 200 {
                        state.shortlist.push(id);
                    }
                }
            }
            _ => {}
        }
    }
    true
}
