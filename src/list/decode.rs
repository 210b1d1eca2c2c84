//! Detecting a list's text encoding: the one detect-and-decode path of the crate, the same Rust code
//! natively and in the browser. Officials' exports are UTF-8 (often with a BOM), UTF-16 (Excel's
//! "Unicode text", with or without a BOM), GB18030/GBK (Excel on Chinese Windows) or Big5 (Taiwan).
//!
//! UTF-8 and UTF-16 are decoded here. The legacy double-byte encodings need tables, which come from
//! a [`Codec`] chosen per platform: natively `encoding_rs`; in the browser the platform's
//! `TextDecoder`, called from Rust through `web-sys`, so no encoding tables ship in the wasm. Only
//! the codec differs; which encoding the bytes are in is decided by the code below on both.

use serde::Serialize;

/// The encoding a list's bytes were found to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8, with or without BOM.
    Utf8,
    /// UTF-16, little- or big-endian, with or without a byte-order mark.
    Utf16,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Big5 (Traditional Chinese, Taiwan).
    Big5,
    /// Mostly UTF-8 with some runs of bytes that are not (a row pasted in GBK): the UTF-8 text is
    /// kept and those runs are decoded as GB18030.
    Utf8Lossy,
}

impl Encoding {
    /// The name people know it by: `UTF-8`, `UTF-16`, `GB18030`, `Big5`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
            Encoding::Utf8Lossy => "UTF-8 + GB18030",
        }
    }
}

/// The legacy double-byte encodings a [`Codec`] decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    /// GB18030 / GBK / GB2312.
    Gb18030,
    /// Big5.
    Big5,
}

/// Decodes a legacy encoding; bytes that mean nothing in it become U+FFFD. The platform supplies
/// it (see the module documentation); tests may pass their own.
pub trait Codec {
    /// The text of `bytes` in `encoding`, lossily.
    fn decode(&self, encoding: Legacy, bytes: &[u8]) -> String;
}

/// `encoding_rs`, natively.
#[cfg(not(target_arch = "wasm32"))]
struct PlatformCodec;

#[cfg(not(target_arch = "wasm32"))]
impl Codec for PlatformCodec {
    fn decode(&self, encoding: Legacy, bytes: &[u8]) -> String {
        let e = match encoding {
            Legacy::Gb18030 => encoding_rs::GB18030,
            Legacy::Big5 => encoding_rs::BIG5,
        };
        e.decode_without_bom_handling(bytes).0.into_owned()
    }
}

/// The browser's `TextDecoder`, in the wasm build.
#[cfg(target_arch = "wasm32")]
struct PlatformCodec;

#[cfg(target_arch = "wasm32")]
impl Codec for PlatformCodec {
    fn decode(&self, encoding: Legacy, bytes: &[u8]) -> String {
        let label = match encoding {
            Legacy::Gb18030 => "gb18030",
            Legacy::Big5 => "big5",
        };
        let opts = web_sys::TextDecoderOptions::new();
        opts.set_fatal(false);
        web_sys::TextDecoder::new_with_label_and_options(label, &opts)
            .ok()
            .and_then(|d| d.decode_with_u8_array(bytes).ok())
            .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The codec of this platform.
pub fn platform_codec() -> &'static dyn Codec {
    &PlatformCodec
}

/// Decodes bytes with the platform's codec: the best reading of [`decode_candidates`].
///
/// ```
/// use opportunity_matcher::list::{decode, Encoding};
/// assert_eq!(decode("\u{feff}成都".as_bytes()), ("成都".to_string(), Encoding::Utf8));
/// assert_eq!(decode(b"\xb3\xc9\xb6\xbc").1, Encoding::Gb18030); // 成都 in GBK
/// assert_eq!(decode(b"\xbb\x4f\xa5\x5f\xa5\xab").1, Encoding::Big5); // 臺北市 in Big5
/// ```
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    decode_candidates(bytes, platform_codec()).swap_remove(0)
}

/// Every plausible reading of the bytes, the likeliest first (never empty). A byte-order mark or
/// valid UTF-8 gives one; legacy bytes give GB18030 and Big5 in the order the byte statistics
/// favour, so that a reader which finds no header in the first can try the second.
///
/// The order of the tests: a UTF-8, UTF-16 or GB18030 byte-order mark; UTF-16 without a mark
/// (zero bytes on one side of most byte pairs: ASCII tabs, digits and line ends); valid UTF-8;
/// mostly UTF-8 with a few runs of other bytes ([`Encoding::Utf8Lossy`]); else GB18030 or Big5.
pub fn decode_candidates(bytes: &[u8], codec: &dyn Codec) -> Vec<(String, Encoding)> {
    let mut bytes = bytes;
    // A doubled BOM (a tool that adds one to a file that had one).
    while let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()) {
        if !rest.starts_with(b"\xef\xbb\xbf") {
            return vec![match std::str::from_utf8(rest) {
                Ok(text) => (text.to_string(), Encoding::Utf8),
                Err(_) => (decode_mixed(rest, codec), Encoding::Utf8Lossy),
            }];
        }
        bytes = rest;
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe".as_slice()) {
        return vec![(decode_utf16(rest, true), Encoding::Utf16)];
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff".as_slice()) {
        return vec![(decode_utf16(rest, false), Encoding::Utf16)];
    }
    if let Some(rest) = bytes.strip_prefix(b"\x84\x31\x95\x33".as_slice()) {
        return vec![(codec.decode(Legacy::Gb18030, rest), Encoding::Gb18030)];
    }
    if let Some(little_endian) = utf16_without_bom(bytes) {
        return vec![(decode_utf16(bytes, little_endian), Encoding::Utf16)];
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => vec![(text.to_string(), Encoding::Utf8)],
        Err(_) if mostly_utf8(bytes) => vec![(decode_mixed(bytes, codec), Encoding::Utf8Lossy)],
        Err(_) => {
            let gb = codec.decode(Legacy::Gb18030, bytes);
            let big5 = codec.decode(Legacy::Big5, bytes);
            let (gb_bad, big5_bad) = (replacements(&gb), replacements(&big5));
            let big5_first = big5_bad < gb_bad || (big5_bad == gb_bad && looks_like_big5(bytes));
            if big5_first {
                vec![(big5, Encoding::Big5), (gb, Encoding::Gb18030)]
            } else {
                vec![(gb, Encoding::Gb18030), (big5, Encoding::Big5)]
            }
        }
    }
}

/// [`decode_candidates`] of bytes the caller gives up: UTF-8 (with or without byte-order marks)
/// becomes the text in place, without a second copy of the file; any other reading is the same as
/// [`decode_candidates`]'.
///
/// ```
/// use opportunity_matcher::list::{decode_candidates_owned, platform_codec, Encoding};
/// let texts = decode_candidates_owned("\u{feff}成都".as_bytes().to_vec(), platform_codec());
/// assert_eq!(texts, vec![("成都".to_string(), Encoding::Utf8)]);
/// ```
pub fn decode_candidates_owned(mut bytes: Vec<u8>, codec: &dyn Codec) -> Vec<(String, Encoding)> {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let mut marks = 0;
    while bytes[marks..].starts_with(BOM) {
        marks += BOM.len();
    }
    if marks > 0 {
        // As `decode_candidates`: every mark of a doubled one is dropped, the rest is UTF-8.
        bytes.drain(..marks);
        return match String::from_utf8(bytes) {
            Ok(text) => vec![(text, Encoding::Utf8)],
            Err(e) => vec![(decode_mixed(e.as_bytes(), codec), Encoding::Utf8Lossy)],
        };
    }
    let other_mark = [b"\xff\xfe".as_slice(), b"\xfe\xff", b"\x84\x31\x95\x33"].iter().any(|m| bytes.starts_with(m));
    if other_mark || utf16_without_bom(&bytes).is_some() {
        return decode_candidates(&bytes, codec);
    }
    match String::from_utf8(bytes) {
        Ok(text) => vec![(text, Encoding::Utf8)],
        Err(e) => decode_candidates(e.as_bytes(), codec),
    }
}

/// The encodings [`decode_candidates`] can recognise, for the message of a file none of them fits.
pub const TRIED: [Encoding; 4] = [Encoding::Utf8, Encoding::Utf16, Encoding::Gb18030, Encoding::Big5];

/// True when decoded text is too damaged to be a list in that encoding: more than one character in
/// seven is a replacement character or a control character other than tab and line ends (the
/// bytes of an image, a PDF or a word-processor file, or an encoding not tried).
pub fn is_garbled(text: &str) -> bool {
    // Counted on the UTF-8 bytes (a national list is tens of megabytes): a character is a byte
    // that does not continue one; U+FFFD is EF BF BD, the C1 controls C2 80 to C2 9F.
    let b = text.as_bytes();
    let (mut total, mut bad) = (0usize, 0usize);
    for (i, &byte) in b.iter().enumerate() {
        total += usize::from(byte & 0xC0 != 0x80);
        let is_bad = match byte {
            b'\t' | b'\n' | b'\r' => false,
            0..0x20 | 0x7F => true,
            0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            0xEF => b.get(i + 1..i + 3) == Some(&[0xBF, 0xBD][..]),
            _ => false,
        };
        bad += usize::from(is_bad);
    }
    bad >= 4 && bad * 7 > total
}

fn replacements(text: &str) -> usize {
    text.chars().filter(|c| *c == '\u{fffd}').count()
}

/// Byte statistics that tell Big5 from GB2312/GBK when both decode without error: a GB2312
/// character's second byte is always 0xA1 or above, while about two Big5 characters in five have a
/// second byte in 0x40–0x7E. A GB18030 four-byte sequence (second byte a digit) is never Big5.
fn looks_like_big5(bytes: &[u8]) -> bool {
    let (mut pairs, mut low_trail) = (0usize, 0usize);
    let mut i = 0;
    while i + 1 < bytes.len() {
        let (lead, trail) = (bytes[i], bytes[i + 1]);
        if lead < 0x81 {
            i += 1;
            continue;
        }
        if trail.is_ascii_digit() {
            return false;
        }
        pairs += 1;
        if (0x40..=0x7e).contains(&trail) {
            low_trail += 1;
        }
        i += 2;
    }
    pairs > 0 && low_trail * 8 > pairs
}

/// UTF-16 without a byte-order mark: at least one byte pair in thirty (and four) has a zero byte,
/// nearly all on the same side (ASCII in UTF-16), and the text decodes without unpaired surrogates.
/// Returns whether it is little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    // Text in 8-bit encodings, nearly every file, has no zero byte (found at memchr's speed).
    if bytes.len() < 4 || !bytes.contains(&0) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut zero_high, mut zero_low) = (0usize, 0usize);
    for c in bytes.chunks_exact(2) {
        if c[1] == 0 && c[0] != 0 {
            zero_high += 1;
        }
        if c[0] == 0 && c[1] != 0 {
            zero_low += 1;
        }
    }
    // Text in 8-bit encodings has no zero bytes at all, so a few on one side are enough: a table in
    // UTF-16 has its delimiters, digits and line ends, even when its cells are all Chinese.
    let enough = |n: usize| n >= 4 && n * 30 >= pairs;
    let little_endian = if enough(zero_high) && zero_low * 20 <= zero_high {
        true
    } else if enough(zero_low) && zero_high * 20 <= zero_low {
        false
    } else {
        return None;
    };
    let text = decode_utf16(bytes, little_endian);
    (replacements(&text) * 50 <= text.chars().count()).then_some(little_endian)
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units =
        bytes.chunks_exact(2).map(|c| if little_endian { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// True when the non-ASCII runs that are valid UTF-8 outweigh, four to one, those that are not: a
/// UTF-8 file with a few stray GBK bytes. (GBK text is almost never valid UTF-8 beyond a lone
/// character, so a GBK file scores far below that.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for run in bytes.split(u8::is_ascii).filter(|r| !r.is_empty()) {
        if std::str::from_utf8(run).is_ok() {
            good += run.len();
        } else {
            bad += run.len();
        }
    }
    good >= 4 * bad
}

/// Decodes run by run: ASCII and runs of non-ASCII bytes that are valid UTF-8 as UTF-8, any other
/// run of non-ASCII bytes as GB18030.
fn decode_mixed(bytes: &[u8], codec: &dyn Codec) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let ascii = bytes[i].is_ascii();
        while i < bytes.len() && bytes[i].is_ascii() == ascii {
            i += 1;
        }
        match std::str::from_utf8(&bytes[start..i]) {
            Ok(text) => out.push_str(text),
            Err(_) => out.push_str(&codec.decode(Legacy::Gb18030, &bytes[start..i])),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = match (bom, little_endian) {
            (false, _) => vec![],
            (true, true) => vec![0xff, 0xfe],
            (true, false) => vec![0xfe, 0xff],
        };
        for u in text.encode_utf16() {
            out.extend(if little_endian { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf16_exports_decode_with_and_without_a_mark() {
        let text = "项目名称\t建设地点\t总投资（万元）\r\n成都动力电池项目\t成都市双流区\t50000\r\n";
        for le in [true, false] {
            for bom in [true, false] {
                assert_eq!(decode(&utf16(text, le, bom)), (text.to_string(), Encoding::Utf16), "le {le} bom {bom}");
            }
        }
    }

    #[test]
    fn a_utf8_file_with_a_gbk_row_keeps_both() {
        // Regression: one row pasted in GBK turned the whole UTF-8 file into GB18030 mojibake.
        let mut bytes = "项目名称,项目地点\n测试项目,成都\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xb2\xe2\xca\xd4,\xb3\xc9\xb6\xbc\n"); // 测试,成都 in GBK
        let (text, encoding) = decode(&bytes);
        assert_eq!(encoding, Encoding::Utf8Lossy);
        assert_eq!(text, "项目名称,项目地点\n测试项目,成都\n测试,成都\n");
        // A GBK file with a few UTF-8 bytes stays GB18030.
        let mut gbk = b"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,\xcf\xee\xc4\xbf\xb5\xd8\xb5\xe3\n\xb2\xe2\xca\xd4,\xb3\xc9\xb6\xbc\n".to_vec();
        gbk.extend_from_slice("成都".as_bytes());
        assert_eq!(decode(&gbk).1, Encoding::Gb18030);
    }

    #[test]
    fn big5_and_gbk_are_told_apart() {
        let text = "項目名稱,建設地點,總投資\n臺北市半導體封裝測試項目,新竹縣竹北市,30億元\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        assert_eq!(decode(&big5), (text.to_string(), Encoding::Big5));
        let simplified = "项目名称,建设地点,总投资\n成都新能源汽车动力电池配套产业园项目,成都市双流区,50亿元\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
        assert_eq!(decode(&gbk), (simplified.to_string(), Encoding::Gb18030));
        // The other reading is offered second, for a reader that finds no header in the first.
        let both = decode_candidates(&big5, platform_codec());
        assert_eq!(both.iter().map(|c| c.1).collect::<Vec<_>>(), [Encoding::Big5, Encoding::Gb18030]);
    }

    #[test]
    fn an_injected_codec_decides_nothing() {
        // The detection is this module's: a codec that only reports which table was asked for
        // shows the same order natively and in the browser.
        struct Naming;
        impl Codec for Naming {
            fn decode(&self, encoding: Legacy, _: &[u8]) -> String {
                format!("{encoding:?}")
            }
        }
        let (gbk, _, _) = encoding_rs::GBK.encode("项目名称,建设地点\n");
        let order: Vec<String> = decode_candidates(&gbk, &Naming).into_iter().map(|c| c.0).collect();
        assert_eq!(order, ["Gb18030", "Big5"]);
    }

    #[test]
    fn garbled_text_is_counted_by_characters() {
        // The byte count against the rule it implements, character by character.
        let by_chars = |text: &str| {
            let total = text.chars().count();
            let bad = text.chars().filter(|&c| c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))).count();
            bad >= 4 && bad * 7 > total
        };
        let c1: String = (0x80u32..=0x9F).filter_map(char::from_u32).collect();
        let samples = [
            String::new(),
            "项目名称,项目地点\n测试项目,成都\n".to_string(),
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd}ab".to_string(),
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd}".to_string() + &"项目".repeat(20),
            "\u{1}\u{2}\u{3}\u{7f}abc".to_string(),
            c1.clone(),
            c1 + &"x".repeat(200),
            "\u{ffef}\u{ffbd}¿½ÿ½\u{a0}\u{a1}".repeat(3),
            "\t\n\r".repeat(10),
        ];
        for text in &samples {
            assert_eq!(is_garbled(text), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn binary_bytes_are_garbled_text() {
        let png =
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\x00\x01sRGB";
        assert!(is_garbled(&decode(png).0));
        assert!(!is_garbled("项目名称,项目地点\n测试,成都\n"));
    }

    #[test]
    fn invalid_bytes_never_panic() {
        for bytes in [&b"\xff\xff\xff"[..], b"\xfe\xff\x00", b"\x80", b"", b"\x00a\x00", b"\xef\xbb\xbf\xef\xbb"] {
            let _ = decode(bytes);
        }
    }
}
