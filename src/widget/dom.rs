//! A tiny element builder over web-sys. Text goes in with `set_text_content` only: the widget never
//! parses HTML, so whatever a list contains (`<script>`, `onerror=`) shows as text.

use super::action::Action;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node};

/// An element under construction.
pub struct El(pub Element);

/// Creates an element (the tag names used are all valid, so this does not fail in practice; if it
/// ever did, a `<span>` stands in rather than a panic).
pub fn el(doc: &Document, tag: &str) -> El {
    let e = doc.create_element(tag).or_else(|_| doc.create_element("span")).unwrap_or_else(|_| unreachable_element());
    El(e)
}

#[cold]
fn unreachable_element() -> Element {
    wasm_bindgen::throw_str("opportunity-matcher: the document refused to create an element")
}

impl El {
    pub fn class(self, c: &str) -> El {
        self.0.set_class_name(c);
        self
    }

    pub fn attr(self, k: &str, v: &str) -> El {
        let _ = self.0.set_attribute(k, v);
        self
    }

    pub fn attr_if(self, cond: bool, k: &str, v: &str) -> El {
        if cond {
            self.attr(k, v)
        } else {
            self
        }
    }

    pub fn text(self, t: &str) -> El {
        self.0.set_text_content(Some(t));
        self
    }

    pub fn child(self, c: impl AsRef<Node>) -> El {
        let _ = self.0.append_child(c.as_ref());
        self
    }

    pub fn children<I: IntoIterator<Item = E>, E: AsRef<Node>>(self, cs: I) -> El {
        for c in cs {
            let _ = self.0.append_child(c.as_ref());
        }
        self
    }

    pub fn hidden(self, hidden: bool) -> El {
        if hidden {
            let _ = self.0.set_attribute("hidden", "");
        }
        self
    }

    pub fn build(self) -> Element {
        self.0
    }

    pub fn html(self) -> HtmlElement {
        self.0.unchecked_into()
    }
}

impl AsRef<Node> for El {
    fn as_ref(&self) -> &Node {
        self.0.as_ref()
    }
}

/// A text node.
pub fn text(doc: &Document, t: &str) -> Node {
    doc.create_text_node(t).into()
}

/// Removes an element's children.
pub fn clear(parent: &Element) {
    parent.replace_children_with_node_0();
}

/// Text that only screen readers read.
pub fn sr_only(doc: &Document, t: &str) -> Element {
    el(doc, "span").class("om-sr").text(t).build()
}

/// A button that does `action` (its `data-action` and `data-id`, read back by the widget's delegated
/// listeners), with a focus key (`data-key`, `action` or `action:id`) so that focus can be restored
/// after a re-render.
pub fn button(doc: &Document, class: &str, action: &Action, label: &str) -> El {
    let b = el(doc, "button").class(class).attr("type", "button");
    let Some((name, id)) = action.dom() else { return b.text(label) };
    let b = b.attr("data-action", name).text(label);
    match id {
        Some(id) => b.attr("data-key", &format!("{name}:{id}")).attr("data-id", &id),
        None => b.attr("data-key", name),
    }
}
