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
    /// Mostly UTF-8 with some runs of bytes that are not (a row pasted in GBK): the UTF-8 text is
    /// kept and those runs are decoded as GB18030 natively, as replacement characters in the
    /// browser build (where this is also what any other undecodable text gives).
    Utf8Lossy,
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units =
        bytes.chunks_exact(2).map(|c| if little_endian { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// Decodes bytes, detecting the encoding: a UTF-8 or UTF-16 byte-order mark, else valid UTF-8,
/// else mostly UTF-8 with a few runs of other bytes ([`Encoding::Utf8Lossy`]), else GB18030.
///
/// ```
/// use opportunity_matcher::list::{decode, Encoding};
/// assert_eq!(decode("\u{feff}成都".as_bytes()), ("成都".to_string(), Encoding::Utf8));
/// assert_eq!(decode(b"\xb3\xc9\xb6\xbc").1, Encoding::Gb18030); // 成都 in GBK
/// ```
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return match std::str::from_utf8(rest) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (decode_mixed(rest), Encoding::Utf8Lossy),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return (decode_utf16(rest, true), Encoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return (decode_utf16(rest, false), Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) if mostly_utf8(bytes) => (decode_mixed(bytes), Encoding::Utf8Lossy),
        Err(_) => decode_legacy(bytes),
    }
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
/// run of non-ASCII bytes as legacy text (GB18030 natively).
fn decode_mixed(bytes: &[u8]) -> String {
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
            Err(_) => out.push_str(&decode_legacy(&bytes[start..i]).0),
        }
    }
    out
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
    fn a_utf8_file_with_a_gbk_row_keeps_both() {
        // Regression: one row pasted in GBK turned the whole UTF-8 file into GB18030 mojibake.
        let mut bytes = "项目名称,项目地点\n测试项目,成都\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xb2\xe2\xca\xd4,\xb3\xc9\xb6\xbc\n"); // 测试,成都 in GBK
        let (text, encoding) = decode(&bytes);
        assert_eq!(encoding, Encoding::Utf8Lossy);
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(text, "项目名称,项目地点\n测试项目,成都\n测试,成都\n");
        assert!(text.starts_with("项目名称,项目地点\n测试项目,成都\n"));
        // A GBK file with a few UTF-8 bytes stays GB18030.
        let mut gbk = b"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,\xcf\xee\xc4\xbf\xb5\xd8\xb5\xe3\n\xb2\xe2\xca\xd4,\xb3\xc9\xb6\xbc\n".to_vec();
        gbk.extend_from_slice("成都".as_bytes());
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(decode(&gbk).1, Encoding::Gb18030);
    }

    #[test]
    fn invalid_bytes_never_panic() {
        for bytes in [&b"\xff\xff\xff"[..], b"\xfe\xff\x00", b"\x80", b""] {
            let _ = decode(bytes);
        }
    }
}
