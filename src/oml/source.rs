//! Compact records left in their bytes: the [`ByteSource`] they are read from (a `Vec<u8>`
//! natively, a JavaScript `Uint8Array` in the browser), the chunked [`Stream`] that scans a list of
//! any size with a buffer of about a megabyte, and [`CompactRecords`], the project source a
//! [`ProjectStore`](crate::list::ProjectStore) holds for a compact list.

use super::codec::{Reader, Writer};
use super::records::{decode_id, decode_project, id_hash, write_project};
use crate::gazetteer::Gazetteer;
use crate::hash::FxMap;
use crate::list::{LoadError, Project, ProjectRecords, ReadAt, ThreadSafe};

/// Bytes that can be read at any offset (the crate's one [`ReadAt`]), held for as long as a list
/// is: the compact list a [`ProjectStore`] decodes projects from. Implemented for `Vec<u8>`
/// (native) and, in the browser, for a JavaScript `Uint8Array`.
///
/// ```
/// use opportunity_matcher::{list::ReadAt, oml::ByteSource};
/// let bytes: Box<dyn ByteSource> = Box::new(b"OMLIST".to_vec());
/// let mut out = [0u8; 3];
/// assert!(bytes.read_at(2, &mut out));
/// assert_eq!(&out, b"LIS");
/// assert!(!bytes.read_at(5, &mut out)); // past the end: false, nothing read
/// let rest = bytes.narrow(2, 6);
/// assert_eq!(rest.size(), 4);
/// ```
pub trait ByteSource: ReadAt + ThreadSafe {
    /// Bytes this source holds in the Rust heap (0 for bytes held by JavaScript).
    fn heap_bytes(&self) -> usize;
    /// The source narrowed to `start..end`, offsets then relative to `start` (drops the rest).
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource>;
}

impl ByteSource for Vec<u8> {
    fn heap_bytes(&self) -> usize {
        self.capacity()
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource> {
        // Kept whole with a window (moving 50 MB to drop the header would cost more than it saves).
        let end = end.min(self.len());
        Box::new(Window { bytes: *self, start: start.min(end), end })
    }
}

/// Bytes `start..end` of a vector.
struct Window {
    bytes: Vec<u8>,
    start: usize,
    end: usize,
}

impl ReadAt for Window {
    fn size(&self) -> usize {
        self.end - self.start
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        (&self.bytes[self.start..self.end]).read_at(at, out)
    }
}

impl ByteSource for Window {
    fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource> {
        let end = end.min(self.size());
        let start = start.min(end);
        Box::new(Window { start: self.start + start, end: self.start + end, bytes: self.bytes })
    }
}

/// Bytes written in chunks of about a megabyte, never moved once written: records stored as a list
/// is read grow without the copy (and the moment of twice the size) of a growing vector. The
/// native [`RecordSink`] of [`Matcher::from_table`](crate::rank::Matcher::from_table).
///
/// ```
/// use opportunity_matcher::oml::{ByteSource, Chunks, RecordSink};
/// let mut sink = Chunks::default();
/// sink.append(b"OML");
/// sink.append(b"IST");
/// let bytes = Box::new(sink).into_source();
/// let mut out = [0u8; 4];
/// assert!(bytes.read_at(2, &mut out));
/// assert_eq!(&out, b"LIST");
/// ```
#[derive(Default)]
pub struct Chunks {
    chunks: Vec<Vec<u8>>,
    /// Offset of each chunk's first byte.
    starts: Vec<usize>,
    len: usize,
}

impl Chunks {
    /// Appends `bytes` whole to one chunk (a new one when the last has no room for them).
    pub(super) fn push(&mut self, bytes: &[u8]) {
        match self.chunks.last_mut() {
            Some(last) if last.len() + bytes.len() <= last.capacity() => last.extend_from_slice(bytes),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK.max(bytes.len()));
                chunk.extend_from_slice(bytes);
                self.starts.push(self.len);
                self.chunks.push(chunk);
            }
        }
        self.len += bytes.len();
    }
}

impl ReadAt for Chunks {
    fn size(&self) -> usize {
        self.len
    }
    fn read_at(&self, at: usize, out: &mut [u8]) -> bool {
        if at.checked_add(out.len()).is_none_or(|end| end > self.len) {
            return false;
        }
        // The chunk holding `at`, then as many after it as `out` spans.
        let mut k = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let (mut at, mut done) = (at, 0);
        while done < out.len() {
            let Some(chunk) = self.chunks.get(k) else { return false };
            let from = at - self.starts[k];
            let n = (chunk.len() - from).min(out.len() - done);
            out[done..done + n].copy_from_slice(&chunk[from..from + n]);
            (at, done, k) = (at + n, done + n, k + 1);
        }
        true
    }
}

impl ByteSource for Chunks {
    fn heap_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::capacity).sum::<usize>() + self.starts.capacity() * 8
    }
    fn narrow(self: Box<Self>, start: usize, end: usize) -> Box<dyn ByteSource> {
        let end = end.min(self.len);
        let mut bytes = vec![0; end - start.min(end)];
        self.read_at(start.min(end), &mut bytes);
        Box::new(bytes)
    }
}

/// Where the records of a list being read are written: [`Chunks`] in the Rust heap (natively), or
/// in the browser a JavaScript array outside the wasm heap (`src/wasm.rs`), whose memory is given
/// back when the list is dropped, which the wasm heap's is not.
pub trait RecordSink {
    /// Appends bytes after those written so far.
    fn append(&mut self, bytes: &[u8]);
    /// Bytes written so far.
    fn written(&self) -> usize;
    /// The bytes written, to be read back.
    fn into_source(self: Box<Self>) -> Box<dyn ByteSource>;
}

impl RecordSink for Chunks {
    fn append(&mut self, bytes: &[u8]) {
        self.push(bytes);
    }
    fn written(&self) -> usize {
        self.len
    }
    fn into_source(self: Box<Self>) -> Box<dyn ByteSource> {
        self
    }
}

/// Projects stored as compact records one at a time, as a list is read ([`CompactRecords`] at the
/// end, the same a compact file of the same projects opens to).
pub(super) struct RecordsWriter {
    records: Box<dyn RecordSink>,
    offsets: Vec<u32>,
    ids: IdTable,
    record: Writer,
}

impl RecordsWriter {
    pub(super) fn new(records: Box<dyn RecordSink>, capacity: usize) -> RecordsWriter {
        RecordsWriter {
            records,
            offsets: Vec::with_capacity(capacity + 1),
            ids: IdTable::with_capacity(capacity),
            record: Writer::default(),
        }
    }

    /// Stores the next project; an error past 4 GiB of records (what `offsets` can say).
    pub(super) fn push(&mut self, p: &Project, g: &Gazetteer) -> Result<(), LoadError> {
        let at = u32::try_from(self.records.written()).map_err(|_| super::bad("projects over 4 GiB"))?;
        self.record.0.clear();
        write_project(&mut self.record, p, g);
        self.records.append(&self.record.0);
        self.ids.insert(id_hash(&p.id), self.offsets.len() as u32);
        self.offsets.push(at);
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<CompactRecords, LoadError> {
        let end = u32::try_from(self.records.written()).map_err(|_| super::bad("projects over 4 GiB"))?;
        self.offsets.push(end);
        self.offsets.shrink_to_fit();
        Ok(CompactRecords { records: self.records.into_source(), offsets: self.offsets, ids: self.ids })
    }
}

/// Project positions by a hash of their id ([`id_hash`]); several ids with one hash are kept
/// apart in `more`, and a look-up confirms the id itself.
#[derive(Default)]
pub(super) struct IdTable {
    first: FxMap<u64, u32>,
    more: Vec<(u64, u32)>,
}

impl IdTable {
    pub(crate) fn with_capacity(n: usize) -> IdTable {
        IdTable { first: FxMap::with_capacity_and_hasher(n, Default::default()), more: Vec::new() }
    }

    /// Positions of the ids with this hash.
    pub(crate) fn candidates(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        self.first.get(&hash).copied().into_iter().chain(self.more.iter().filter(move |e| e.0 == hash).map(|e| e.1))
    }

    pub(crate) fn insert(&mut self, hash: u64, position: u32) {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Occupied(_) => self.more.push((hash, position)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(position);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        // hashbrown: a bucket of (u64, u32) padded to 16 bytes and one control byte per bucket.
        self.first.capacity() * 17 + self.more.capacity() * 16
    }
}

/// Reads a source front to back in chunks, so that a list of any size is scanned with a buffer of
/// about [`CHUNK`] bytes (a record longer than that grows the buffer to fit it).
pub(super) struct Stream<'s> {
    pub(super) src: &'s dyn ByteSource,
    /// Allocated (and zeroed) once, grown only for a record longer than it; `buf[..filled]` holds
    /// source bytes.
    pub(super) buf: Vec<u8>,
    pub(super) filled: usize,
    /// Source offset of `buf[0]`.
    pub(super) at: usize,
    /// Read position in `buf`.
    pub(super) pos: usize,
}

pub(super) const CHUNK: usize = 1 << 20;

impl Stream<'_> {
    pub(super) fn offset(&self) -> usize {
        self.at + self.pos
    }

    /// Reads more of the source after what is buffered; false at its end.
    fn refill(&mut self) -> bool {
        if self.at + self.filled >= self.src.size() {
            return false;
        }
        // Keep the unread bytes, at the front.
        self.buf.copy_within(self.pos..self.filled, 0);
        self.at += self.pos;
        self.filled -= self.pos;
        self.pos = 0;
        // A record that did not fit a full buffer: twice the room.
        let room = if self.filled == self.buf.len() { (2 * self.buf.len()).max(CHUNK) } else { self.buf.len().max(CHUNK) };
        if room > self.buf.len() {
            self.buf.resize(room, 0);
        }
        let end = self.buf.len().min(self.src.size() - self.at);
        let ok = self.src.read_at(self.at + self.filled, &mut self.buf[self.filled..end]);
        self.filled = end;
        ok
    }

    /// Runs `f` over the buffered bytes, reading more until it succeeds or the source ends.
    pub(super) fn parse<T>(&mut self, mut f: impl FnMut(&mut Reader) -> Option<T>) -> Option<T> {
        loop {
            let mut r = Reader(&self.buf[self.pos..self.filled]);
            if let Some(v) = f(&mut r) {
                self.pos = self.filled - r.0.len();
                return Some(v);
            }
            if !self.refill() {
                return None;
            }
        }
    }

    /// Everything from the read position to the end of the source.
    pub(super) fn rest(self) -> Vec<u8> {
        let mut out = self.buf[self.pos..self.filled].to_vec();
        let have = self.at + self.filled;
        let old = out.len();
        out.resize(old + self.src.size().saturating_sub(have), 0);
        if !self.src.read_at(have, &mut out[old..]) {
            out.truncate(old);
        }
        out
    }
}

/// The records of a compact list and where each project starts: `offsets[i]..offsets[i + 1]` is
/// project `i` in `records`.
pub(super) struct CompactRecords {
    pub(super) records: Box<dyn ByteSource>,
    pub(super) offsets: Vec<u32>,
    pub(super) ids: IdTable,
}

impl CompactRecords {
    fn record(&self, i: usize) -> Option<Vec<u8>> {
        let (start, end) = (*self.offsets.get(i)? as usize, *self.offsets.get(i + 1)? as usize);
        let mut bytes = vec![0; end.checked_sub(start)?];
        self.records.read_at(start, &mut bytes).then_some(bytes)
    }
}

impl ProjectRecords for CompactRecords {
    fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn get(&self, i: usize) -> Option<Project> {
        self.record(i).and_then(|b| decode_project(&b))
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.ids.candidates(id_hash(id)).map(|i| i as usize).find(|&i| self.record(i).and_then(|b| decode_id(&b)).as_deref() == Some(id))
    }

    fn block(&self, first: usize, out: &mut Vec<Project>) -> usize {
        // The records from `first` up to about a megabyte (at least one), read in one go.
        let n = self.len();
        if first >= n {
            return n;
        }
        let start = self.offsets[first] as usize;
        let mut end = first + 1;
        while end < n && (self.offsets[end + 1] as usize) - start <= CHUNK {
            end += 1;
        }
        let mut bytes = vec![0; self.offsets[end] as usize - start];
        if self.records.read_at(start, &mut bytes) {
            for i in first..end {
                let range = self.offsets[i] as usize - start..self.offsets[i + 1] as usize - start;
                out.extend(bytes.get(range).and_then(decode_project));
            }
        }
        end
    }

    fn heap_bytes(&self) -> (usize, usize) {
        (self.offsets.capacity() * 4 + self.ids.heap_bytes(), self.records.heap_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bytes_read_back_across_chunks_and_refuse_reads_past_the_end() {
        let mut chunks = Chunks::default();
        let mut whole = Vec::new();
        // Pieces of every size around a chunk, one larger than a chunk.
        for (k, n) in [10, CHUNK - 20, 30, CHUNK + 5, 1, CHUNK / 2, CHUNK / 2 + 1].into_iter().enumerate() {
            let piece: Vec<u8> = (0..n).map(|i| (i * 31 + k * 7) as u8).collect();
            chunks.push(&piece);
            whole.extend_from_slice(&piece);
        }
        assert_eq!(chunks.size(), whole.len());
        assert!(chunks.chunks.len() >= 4);
        for (at, n) in [(0, 10), (5, CHUNK), (CHUNK - 15, 40), (CHUNK + 10, CHUNK + 5), (whole.len() - 3, 3), (0, whole.len()), (7, 0)] {
            let mut out = vec![0; n];
            assert!(chunks.read_at(at, &mut out), "{at} {n}");
            assert_eq!(out, whole[at..at + n], "{at} {n}");
        }
        let mut out = [0u8; 4];
        assert!(!chunks.read_at(whole.len() - 3, &mut out));
        assert!(!chunks.read_at(usize::MAX, &mut out));
        let narrow = Box::new(chunks).narrow(CHUNK - 5, CHUNK + 5);
        let mut out = [0u8; 10];
        assert!(narrow.read_at(0, &mut out));
        assert_eq!(out[..], whole[CHUNK - 5..CHUNK + 5]);
    }
}
