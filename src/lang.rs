//! The three display languages and how a language tag maps onto them.

use serde::{Deserialize, Serialize};

/// A display language: Simplified Chinese, Traditional Chinese or English.
///
/// ```
/// use opportunity_matcher::Lang;
/// assert_eq!(Lang::from_tag("zh-TW"), Lang::ZhHant);
/// assert_eq!(Lang::from_tag("en-GB"), Lang::En);
/// assert_eq!(Lang::ZhHans.tag(), "zh-Hans");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese (`zh-Hans`, also `zh`, `zh-CN`, `zh-SG`).
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese (`zh-Hant`, also `zh-TW`, `zh-HK`, `zh-MO`).
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// English (`en` and any other tag).
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// All languages, in the order of the language switch.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// Maps a BCP 47 tag (case-insensitive) to a display language. Unknown tags give English,
    /// Chinese tags without a script or region give Simplified.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        if t.starts_with("zh") {
            if t.contains("hant") || t.contains("-tw") || t.contains("-hk") || t.contains("-mo") {
                Lang::ZhHant
            } else {
                Lang::ZhHans
            }
        } else if t.is_empty() {
            Lang::ZhHans
        } else {
            Lang::En
        }
    }

    /// The canonical tag: `zh-Hans`, `zh-Hant` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Picks one of three translations of the same text.
    pub fn pick<T>(self, hans: T, hant: T, en: T) -> T {
        match self {
            Lang::ZhHans => hans,
            Lang::ZhHant => hant,
            Lang::En => en,
        }
    }
}
