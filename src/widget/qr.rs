//! QR codes as SVG DOM, for handing a search and shortlist over to a phone at the fair. Encoding is
//! done by the `qrcodegen` crate (MIT, no dependencies); drawing is one `<path>` of dark modules
//! (runs of a row merged into one rectangle) on a white square with the standard four-module quiet
//! zone, so the code scales to any size without blurring and needs no inline style.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;
use web_sys::{Document, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Light modules around the code, as the standard asks.
const QUIET: i32 = 4;

/// The path data of a QR code for `text` and its width in modules (quiet zone included), or
/// `None` when the text is too long for any QR code (over about 2,900 bytes).
pub fn path_data(text: &str) -> Option<(String, i32)> {
    // Medium error correction (15 %) survives glare on a screen and a smudged print; the encoder
    // raises it further when that fits in the same version.
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if qr.get_module(x, y) {
                let start = x;
                while x < n && qr.get_module(x, y) {
                    x += 1;
                }
                let _ = write!(d, "M{},{}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    Some((d, n + 2 * QUIET))
}

/// An `<svg role="img">` showing the QR code of `text`, labelled `label` for screen readers, at
/// `px` CSS pixels per module (the stylesheet may scale it down to fit a narrow screen). `None`
/// when the text cannot be encoded.
pub fn svg(doc: &Document, text: &str, label: &str, px: i32) -> Option<Element> {
    let (d, width) = path_data(text)?;
    let make = |tag: &str| doc.create_element_ns(Some(SVG_NS), tag).ok();
    let svg = make("svg")?;
    let size = (width * px).to_string();
    for (k, v) in [
        ("class", "om-qr-code"),
        ("viewBox", &format!("0 0 {width} {width}")),
        ("width", &size),
        ("height", &size),
        ("role", "img"),
        ("aria-label", label),
        ("shape-rendering", "crispEdges"),
        ("data-modules", &width.to_string()),
    ] {
        let _ = svg.set_attribute(k, v);
    }
    let title = make("title")?;
    title.set_text_content(Some(label));
    let bg = make("rect")?;
    for (k, v) in [("width", width.to_string()), ("height", width.to_string()), ("fill", "#ffffff".to_string())] {
        let _ = bg.set_attribute(k, &v);
    }
    let path = make("path")?;
    let _ = path.set_attribute("d", &d);
    let _ = path.set_attribute("fill", "#000000");
    let _ = svg.append_child(&title);
    let _ = svg.append_child(&bg);
    let _ = svg.append_child(&path);
    Some(svg)
}
