//! Detecting a list's text encoding. Officials' Excel exports are UTF-8 (often with a BOM),
//! UTF-16 ("Unicode text") or GB18030/GBK.
//!
//! Natively GB18030 is decoded with `encoding_rs`. In the browser the JavaScript layer decodes with
//! `TextDecoder` before the text reaches the wasm module, so no encoding tables ship in the bundle;
//! there, bytes that are not UTF-8 or UTF-16 decode lossily.

use serde::Serialize;

/// The encoding a list's bytes were found to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8, with or without BOM.
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Neither UTF-8 nor UTF-16, decoded with replacement characters (browser build only).
    Utf8Lossy,
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| if little_endian { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// Decodes bytes, detecting the encoding: a UTF-8 or UTF-16 byte-order mark, else valid UTF-8,
/// else GB18030.
///
/// ```
/// use opportunity_matcher::list::{decode, Encoding};
/// assert_eq!(decode("\u{feff}成都".as_bytes()), ("成都".to_string(), Encoding::Utf8));
/// assert_eq!(decode(b"\xb3\xc9\xb6\xbc").1, Encoding::Gb18030); // 成都 in GBK
/// ```
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return (decode_utf16(rest, true), Encoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return (decode_utf16(rest, false), Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => decode_legacy(bytes),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn decode_legacy(bytes: &[u8]) -> (String, Encoding) {
    let (text, _, _) = encoding_rs::GB18030.decode(bytes);
    (text.into_owned(), Encoding::Gb18030)
}

#[cfg(target_arch = "wasm32")]
fn decode_legacy(bytes: &[u8]) -> (String, Encoding) {
    (String::from_utf8_lossy(bytes).into_owned(), Encoding::Utf8Lossy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_exports_decode() {
        let mut le = vec![0xff, 0xfe];
        le.extend("名称".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le), ("名称".to_string(), Encoding::Utf16));
    }

    #[test]
    fn invalid_bytes_never_panic() {
        for bytes in [&b"\xff\xff\xff"[..], b"\xfe\xff\x00", b"\x80", b""] {
            let _ = decode(bytes);
        }
    }
}
