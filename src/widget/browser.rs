//! The browser around the widget, for the controller: the address bar, `localStorage`, today's
//! date, the host element's attributes, downloads, printing, full screen, and list files read with
//! `TextDecoder`. The widget's logic never calls these itself; it asks for them as
//! [`Effect`](super::update::Effect)s.

use super::url;
use crate::list::LoadError;
use crate::rank::Matcher;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, File};

/// Where the shortlist is kept between visits (ids only, never the query).
const STORAGE_KEY: &str = "opportunity-matcher:shortlist";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The shortlist kept by an earlier visit (empty when there is none or storage is blocked).
pub fn saved_shortlist() -> Vec<String> {
    let mut ids = Vec::new();
    if let Some(saved) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) {
        url::read_ids(&saved, &mut ids);
    }
    ids
}

pub fn save_shortlist(ids: &[String]) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, &url::write_ids(ids));
    }
}

pub fn forget_shortlist() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// `Date.now()`: milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Today as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or("").to_string()
}

/// The address's fragment, with its `#`.
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The whole address (the shortlist's share link in the portal).
pub fn location_href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Writes `fragment` into the address, replacing the history entry (typing does not fill the back
/// button). An empty fragment removes the widget's own; a host page's `#anchor` is left alone.
pub fn write_fragment(fragment: &str) {
    let Some(w) = web_sys::window() else { return };
    let current = location_hash();
    let current = current.trim_start_matches('#');
    if fragment == current || (fragment.is_empty() && !url::is_ours(current)) {
        return;
    }
    let loc = w.location();
    let base = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    let target = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&target));
    }
}

/// The public page share links point at: `configured` (the `shareBase` option) or the host's
/// `share-base` attribute, else this page when it is served over http(s); none from `file://`
/// without a `share-base`, or for anything but a web address.
pub fn share_base(host: &Element, configured: Option<&str>) -> Option<String> {
    let configured = configured.map(str::to_string).or_else(|| host.get_attribute("share-base"));
    let base = match configured.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
        Some(b) => b,
        None => {
            let loc = web_sys::window()?.location();
            let protocol = loc.protocol().ok()?;
            if protocol != "http:" && protocol != "https:" {
                return None;
            }
            format!("{}{}{}", loc.origin().ok()?, loc.pathname().ok()?, loc.search().ok()?)
        }
    };
    url::share_base(&base)
}

#[wasm_bindgen]
extern "C" {
    /// The address of the wasm-bindgen glue module (`…/pkg/opportunity_matcher.js`): the files
    /// built with the wasm are next to it.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

/// Where the Simplified→Traditional display table is fetched from: the host's `hant-src`
/// attribute (a page that serves it elsewhere, or the offline fair page's inlined copy), else
/// `s2twp.tsv` next to the wasm (`make build` puts it in `www/pkg/`).
pub fn hant_table_url(host: &Element) -> Option<String> {
    if let Some(src) = host.get_attribute("hant-src").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
        return Some(src);
    }
    let base = MODULE_URL.with(|u| u.clone());
    web_sys::Url::new_with_base("s2twp.tsv", &base).ok().map(|u| u.href())
}

type Done = std::rc::Rc<std::cell::RefCell<Option<Box<dyn FnOnce(Result<String, String>)>>>>;

/// Calls the waiting callback once (later calls find it gone).
fn finish(done: &Done, result: Result<String, String>) {
    let f = done.borrow_mut().take();
    if let Some(f) = f {
        f(result);
    }
}

/// Fetches `url` as text and calls `done` with the text, or with why it could not (an HTTP
/// status, a network error).
pub fn fetch_text(url: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    use std::rc::Rc;
    let done: Done = Rc::new(std::cell::RefCell::new(Some(Box::new(done))));
    let Some(w) = web_sys::window() else { return finish(&done, Err("no window".into())) };
    let failed = {
        let (done, url) = (done.clone(), url.to_string());
        Rc::new(Closure::<dyn FnMut(JsValue)>::new(move |error: JsValue| {
            let why = js_sys::Reflect::get(&error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
            finish(&done, Err(format!("{} — {url}", why.unwrap_or_else(|| "network error".into()))));
        }))
    };
    let got_text = {
        let done = done.clone();
        Rc::new(Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
            finish(&done, text.as_string().ok_or_else(|| "the response is not text".to_string()));
        }))
    };
    let got_response = {
        let (done, url, failed, got_text) = (done.clone(), url.to_string(), failed.clone(), got_text.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |response: JsValue| match response.dyn_into::<web_sys::Response>() {
            Ok(r) if r.ok() => match r.text() {
                Ok(text) => {
                    let _ = text.then2(&got_text, &failed);
                }
                Err(_) => finish(&done, Err(format!("unreadable response — {url}"))),
            },
            Ok(r) => finish(&done, Err(format!("HTTP {} — {url}", r.status()))),
            Err(_) => finish(&done, Err(format!("no response — {url}"))),
        })
    };
    let _ = w.fetch_with_str(url).then2(&got_response, &failed);
    // One fetch per table: the callbacks must outlive this call.
    got_response.forget();
    std::mem::forget(failed);
    std::mem::forget(got_text);
}

/// Offers `text` as a file download named `file`. The previous download's object URL is revoked
/// (`last` keeps it).
pub fn download(doc: &Document, text: &str, mime: &str, file: &str, last: &mut Option<String>) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(old) = last.replace(href.clone()) {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    let a = super::dom::el(doc, "a").attr("href", &href).attr("download", file).html();
    a.click();
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn fullscreen(doc: &Document) {
    if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// Clicks `element` once the event being handled is over (clicking a file input from inside a
/// click listener would re-enter it), still within the tap's user activation.
pub fn click_soon(element: &Element) {
    let Some(w) = web_sys::window() else { return };
    if let Ok(click) = js_sys::Reflect::get(element, &JsValue::from_str("click")).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = w.set_timeout_with_callback(&click.bind0(element));
    }
}

/// What a list was read from, for the kiosk report's first line: the text encoding (`GBK/GB18030`,
/// as officials know their Excel exports), the workbook's kind, or `OML`.
fn source_label(m: &Matcher) -> &'static str {
    use crate::list::{Encoding, Format, SourceKind};
    match (m.format(), m.reading()) {
        (Format::Compact, _) => "OML",
        (_, Some(r)) if r.kind == SourceKind::Xlsx => "XLSX",
        (_, Some(r)) if r.kind == SourceKind::Xls => "XLS",
        (_, Some(r)) if r.kind == SourceKind::Ods => "ODS",
        _ if m.encoding() == Encoding::Gb18030 => "GBK/GB18030",
        _ => m.encoding().name(),
    }
}

/// Reads a list file through the one reader of every page (`wasm::open_list`, as
/// `Matcher.fromBytes`: the compact form in place, a spreadsheet through the spreadsheet module,
/// text in any encoding the core detects) and calls `done` with its name, what it was read from
/// and the list.
pub fn read_list_file(file: File, done: impl FnOnce(String, &'static str, Result<Matcher, LoadError>) + 'static) {
    let name = file.name();
    let read = Closure::once(move |buffer: JsValue| {
        let bytes = js_sys::Uint8Array::new(&buffer);
        let file_name = name.clone();
        crate::wasm::open_list(&bytes, &file_name, move |list| {
            let label = list.as_ref().map_or("", source_label);
            done(name, label, list);
        });
    });
    let _ = file.array_buffer().then(&read);
    // One small closure per file loaded; it has to outlive this call.
    read.forget();
}
