//! The one codec of the `.oml` form: [`Writer`] appends and [`Reader`] reads the record fields
//! (varint lengths, optional values with a presence tag, amounts) and the index section's
//! fixed-width columns (`u32` counts and little-endian values). Reading never panics: every
//! method returns `None` on short or malformed bytes.

use crate::money::{Amount, Bound, Currency};

/// The currencies an amount may be stored in, by their stored number.
pub(super) const CURRENCIES: [Currency; 6] = [Currency::Cny, Currency::Usd, Currency::Hkd, Currency::Eur, Currency::Gbp, Currency::Jpy];

#[derive(Default)]
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    #[inline(always)]
    pub(super) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    #[inline(always)]
    pub(super) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    #[inline(always)]
    pub(super) fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.varint(0),
            Some(s) => {
                self.varint(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
    #[inline(always)]
    pub(super) fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    #[inline(always)]
    pub(super) fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                self.0.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    #[inline(always)]
    pub(super) fn opt_amount(&mut self, a: &Option<Amount>) {
        match a {
            None => self.0.push(0),
            Some(a) => {
                let bound = match a.bound {
                    Bound::Exact => 1,
                    Bound::Range => 2,
                    Bound::UpTo => 3,
                    Bound::AtLeast => 4,
                };
                self.0.push(bound);
                self.0.push(CURRENCIES.iter().position(|c| *c == a.currency).unwrap_or(0) as u8);
                self.varint(a.min);
                self.varint(a.max);
            }
        }
    }
    /// A `u32` count, then each item as four little-endian bytes (the index section).
    pub(super) fn u32s(&mut self, v: &[u32]) {
        self.0.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    /// A `u32` length, then the bytes (the index section).
    pub(super) fn bytes(&mut self, v: &[u8]) {
        self.0.extend_from_slice(&(v.len() as u32).to_le_bytes());
        self.0.extend_from_slice(v);
    }
    pub(super) fn le_u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub(super) fn le_u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

pub(super) struct Reader<'a>(pub(super) &'a [u8]);

impl<'a> Reader<'a> {
    #[inline(always)]
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let head = self.0.get(..n)?;
        self.0 = &self.0[n..];
        Some(head)
    }
    #[inline(always)]
    pub(super) fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    #[inline(always)]
    pub(super) fn varint(&mut self) -> Option<u64> {
        // A plain loop (not an iterator adaptor), so that it inlines in a size-optimised build.
        let (mut v, mut shift) = (0u64, 0u32);
        while shift < 64 {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
        None
    }
    #[inline(always)]
    pub(super) fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }
    #[inline(always)]
    pub(super) fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    /// A string's bytes, not checked to be UTF-8 (see [`ProjectRef`]).
    #[inline(always)]
    pub(super) fn raw(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    #[inline(always)]
    pub(super) fn opt_raw(&mut self) -> Option<Option<&'a [u8]>> {
        match self.varint()? {
            0 => Some(None),
            n => Some(Some(self.take(usize::try_from(n - 1).ok()?)?)),
        }
    }
    #[inline(always)]
    pub(super) fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.opt_raw()? {
            None => Some(None),
            Some(b) => Some(Some(std::str::from_utf8(b).ok()?)),
        }
    }
    #[inline(always)]
    pub(super) fn strs(&mut self) -> Option<Strs<'a>> {
        let count = self.len()?;
        let start = self.0;
        for _ in 0..count {
            self.raw()?;
        }
        Some(Strs { count, bytes: &start[..start.len() - self.0.len()] })
    }
    #[inline(always)]
    pub(super) fn opt_f64(&mut self) -> Option<Option<f64>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))),
            _ => None,
        }
    }
    #[inline(always)]
    pub(super) fn opt_amount(&mut self) -> Option<Option<Amount>> {
        let bound = match self.byte()? {
            0 => return Some(None),
            1 => Bound::Exact,
            2 => Bound::Range,
            3 => Bound::UpTo,
            4 => Bound::AtLeast,
            _ => return None,
        };
        let currency = *CURRENCIES.get(self.byte()? as usize)?;
        let (min, max) = (self.varint()?, self.varint()?);
        Some(Some(Amount { min, max, bound, currency }))
    }
    pub(super) fn le_u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn le_u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// What [`Writer::u32s`] wrote.
    pub(super) fn u32s(&mut self) -> Option<Vec<u32>> {
        let len = self.le_u32()? as usize;
        let raw = self.take(len.checked_mul(4)?)?;
        Some(raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    /// What [`Writer::bytes`] wrote.
    pub(super) fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.le_u32()? as usize;
        self.take(len)
    }
}

/// A list of strings as stored, read without allocating.
#[derive(Clone, Copy)]
pub(super) struct Strs<'a> {
    count: usize,
    bytes: &'a [u8],
}

impl<'a> Strs<'a> {
    /// The strings' bytes.
    pub(super) fn iter(self) -> impl Iterator<Item = &'a [u8]> {
        let mut r = Reader(self.bytes);
        (0..self.count).map_while(move |_| r.raw())
    }

    /// The items normalised like a JSON list's items: trimmed, blank ones dropped.
    pub(super) fn to_vec(self) -> Vec<String> {
        let mut r = Reader(self.bytes);
        (0..self.count).filter_map(|_| r.raw().map(text)).filter(|t| !t.is_empty()).collect()
    }
}

/// A stored string as text, normalised exactly as the CSV and JSON readers normalise a cell
/// (surrounding white space trimmed), so that every form of a list loads to the same projects and
/// `convert` from any form to any other and back is the identity. A byte sequence that is not
/// UTF-8 (only a damaged or hand-made file has one) shows replacement characters instead of losing
/// the project.
pub(super) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_owned()
}

/// An optional stored string, normalised like a cell: blank means absent.
pub(super) fn opt_text(bytes: Option<&[u8]>) -> Option<String> {
    bytes.map(text).filter(|t| !t.is_empty())
}
