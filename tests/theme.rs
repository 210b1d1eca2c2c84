//! Every colour the widget draws comes from its documented custom properties (README: Theming):
//! a colour written anywhere else in the stylesheets would not follow a host page's theme (a dark
//! page would get dark text on dark ground). The only literals allowed are the defaults in the
//! `:host` block and the print view, which is black on white paper whatever the screen shows.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

/// Colour literals in `css`: `#rgb…`, `rgb(`/`rgba(`/`hsl(`, and the named colours a stylesheet is
/// likely to use.
fn colour_literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    for (i, _) in line.match_indices('#') {
        let hex = bytes[i + 1..].iter().take_while(|b| b.is_ascii_hexdigit()).count();
        if matches!(hex, 3 | 4 | 6 | 8) {
            found.push(line[i..i + 1 + hex].to_string());
        }
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if line.contains(f) {
            found.push(f.to_string());
        }
    }
    for named in [": white", ": black", " white;", " black;", " gray;", " grey;", " red;", " blue;"] {
        if line.contains(named) {
            found.push(named.trim().to_string());
        }
    }
    found
}

/// `(line number, literal)` for every colour written outside the `:host` defaults and the print rules.
fn stray_colours(css: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut exempt_depth: Option<usize> = None;
    let mut in_comment = false;
    for (n, raw) in css.lines().enumerate() {
        // Comments may name colours (`--om-accent: #8b0000` as an example).
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(e) => {
                        rest = &rest[e + 2..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(s) => {
                        line.push_str(&rest[..s]);
                        rest = &rest[s + 2..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        let opens = line.matches('{').count();
        if exempt_depth.is_none() && opens > 0 && (line.trim_start().starts_with(":host {") || line.contains("@media print")) {
            exempt_depth = Some(depth);
        }
        if exempt_depth.is_none() {
            out.extend(colour_literals(&line).into_iter().map(|c| (n + 1, c)));
        }
        depth += opens;
        depth = depth.saturating_sub(line.matches('}').count());
        if exempt_depth.is_some_and(|d| depth <= d) {
            exempt_depth = None;
        }
    }
    out
}

#[test]
fn every_colour_of_the_widget_comes_from_its_custom_properties() {
    for path in ["src/widget/style.css", "src/widget/fair/style.css"] {
        let css = fs::read_to_string(path).unwrap();
        assert_eq!(stray_colours(&css), Vec::<(usize, String)>::new(), "{path}: colours outside the :host defaults (use var(--_…))");
    }
}

#[test]
fn the_check_finds_a_colour_written_in_a_rule() {
    let css = ":host {\n  --_fg: var(--om-fg, #1b1f24);\n}\n/* e.g. #8b0000 */\n.om-reasons { color: #2c333d; }\n.a { box-shadow: 0 1px rgba(0,0,0,.2); }\n@media print {\n  .om-print { color: #000; }\n}\n";
    assert_eq!(stray_colours(css), vec![(5, "#2c333d".to_string()), (6, "rgba(".to_string())]);
}

#[test]
fn every_custom_property_the_stylesheet_reads_is_documented_in_the_readme() {
    let readme = fs::read_to_string("README.md").unwrap();
    let css = fs::read_to_string("src/widget/style.css").unwrap();
    let mut missing = Vec::new();
    for (i, _) in css.match_indices("var(--om-") {
        let name: String = css[i + 4..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        if !readme.contains(&format!("`{name}`")) && !missing.contains(&name) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "README's Theming section does not document {missing:?}");
}
