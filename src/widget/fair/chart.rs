//! Horizontal bar charts as SVG DOM, for the attract screen. Every label is a `<text>` node filled
//! with `set_text_content`, so names from a list are shown as text whatever they contain. Colours
//! come from the stylesheet (classes), so nothing needs an inline style.

use web_sys::{Document, Element};

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Creates an SVG element.
pub fn svg_el(doc: &Document, tag: &str) -> Element {
    doc.create_element_ns(Some(SVG_NS), tag)
        .or_else(|_| doc.create_element("span"))
        .unwrap_or_else(|_| wasm_bindgen::throw_str("opportunity-matcher: cannot create an SVG element"))
}

fn set(e: &Element, attrs: &[(&str, &str)]) {
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
}

/// One bar: its label, the value written after it, and its length as a share of the longest.
pub struct Bar {
    pub label: String,
    pub value: String,
    pub share: f64,
    /// The "others" bar (drawn in grey).
    pub others: bool,
}

/// Width of a text in user units at font size 1, enough to size the label column without measuring:
/// CJK and full-width characters count 1, Latin capitals 0.8, spaces 0.35, others 0.66 (generous
/// for the usual sans-serif fonts, DejaVu Sans included).
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 {
                1.0
            } else if c.is_ascii_uppercase() {
                0.8
            } else if c == ' ' {
                0.35
            } else {
                0.66
            }
        })
        .sum()
}

/// The text cut (with `…`) to at most `width` units at font size 1.
fn fit(s: &str, width: f64) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 1.0; // room for the ellipsis
    for c in s.chars() {
        w += text_width(c.encode_utf8(&mut [0; 4]));
        if w > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A bar chart: `title` for screen readers, one row a bar. The drawing is 1000 units wide and
/// scales with its box (the stylesheet gives it `width: 100%`). `narrow` (a phone) draws each label
/// above its bar, 600 units wide, so the text stays legible when the chart is 350 px wide.
pub fn bars(doc: &Document, title: &str, bars: &[Bar], narrow: bool) -> Element {
    let w: f64 = if narrow { 600.0 } else { 1000.0 };
    let row: f64 = if narrow { 86.0 } else { 54.0 };
    let font: f64 = if narrow { 28.0 } else { 30.0 };
    let label_w =
        if narrow { 0.0 } else { (bars.iter().map(|b| text_width(&b.label)).fold(0.0, f64::max) * font + 16.0).clamp(120.0, 470.0) };
    let value_w = bars.iter().map(|b| text_width(&b.value)).fold(0.0, f64::max) * font * 0.9 + 24.0;
    let bar_max = (w - label_w - value_w).max(120.0);
    let h = (bars.len().max(1) as f64) * row;

    let svg = svg_el(doc, "svg");
    set(
        &svg,
        &[
            ("class", "om-chart"),
            ("viewBox", &format!("0 0 {w} {h}")),
            ("role", "img"),
            ("aria-label", title),
            ("preserveAspectRatio", "xMinYMin meet"),
        ],
    );
    let t = svg_el(doc, "title");
    t.set_text_content(Some(title));
    let _ = svg.append_child(&t);
    for (i, b) in bars.iter().enumerate() {
        let y = i as f64 * row;
        let g = svg_el(doc, "g");
        set(
            &g,
            &[(
                "class",
                if b.others {
                    "om-chart-row om-chart-others"
                } else if i % 2 == 0 {
                    "om-chart-row"
                } else {
                    "om-chart-row om-chart-alt"
                },
            )],
        );
        let label = svg_el(doc, "text");
        let (lx, ly, anchor, baseline) =
            if narrow { (0.0, y + font * 0.9, "start", "auto") } else { (label_w - 16.0, y + row / 2.0, "end", "central") };
        set(
            &label,
            &[
                ("class", "om-chart-label"),
                ("x", &format!("{lx}")),
                ("y", &format!("{ly}")),
                ("text-anchor", anchor),
                ("dominant-baseline", baseline),
                ("font-size", &format!("{font}")),
            ],
        );
        label.set_text_content(Some(&fit(&b.label, if narrow { w / font } else { (label_w - 16.0) / font })));
        let len = (b.share.clamp(0.0, 1.0) * bar_max).max(4.0);
        let (by, bh) = if narrow { (y + font * 1.2, row * 0.4) } else { (y + row * 0.18, row * 0.64) };
        let rect = svg_el(doc, "rect");
        set(
            &rect,
            &[
                ("class", "om-chart-bar"),
                ("x", &format!("{label_w}")),
                ("y", &format!("{by:.1}")),
                ("width", &format!("{len:.1}")),
                ("height", &format!("{bh:.1}")),
                ("rx", "6"),
            ],
        );
        let value = svg_el(doc, "text");
        set(
            &value,
            &[
                ("class", "om-chart-value"),
                ("x", &format!("{:.1}", label_w + len + 12.0)),
                ("y", &format!("{:.1}", by + bh / 2.0)),
                ("dominant-baseline", "central"),
                ("font-size", &format!("{:.1}", font * 0.9)),
            ],
        );
        value.set_text_content(Some(&b.value));
        let _ = g.append_child(&label);
        let _ = g.append_child(&rect);
        let _ = g.append_child(&value);
        let _ = svg.append_child(&g);
    }
    svg
}
