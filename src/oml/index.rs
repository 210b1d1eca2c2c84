//! The index section of the `.oml` form: a [`MatchIndex`] as fixed-width little-endian columns,
//! written after the records and read back without re-indexing when the file was written with the
//! same reference data (see [`super::data_fingerprint`]).

use super::codec::{Reader, Writer};
use crate::rank::index::{MatchIndex, Postings};
use crate::taxonomy::NodeId;

/// Appends the index (read back by [`read_index`]).
pub(super) fn write_index(ix: &MatchIndex, w: &mut Writer) {
    fn postings(w: &mut Writer, p: &Postings) {
        w.le_u32(p.keys.len() as u32);
        for k in &p.keys {
            w.le_u64(*k);
        }
        w.u32s(&p.offsets);
        w.bytes(&p.bytes);
    }
    w.u32s(&ix.region);
    w.u32s(&ix.node_set);
    w.u32s(&ix.set_start);
    let set_nodes: Vec<u32> = ix.set_nodes.iter().map(|n| n.0 as u32).collect();
    w.u32s(&set_nodes);
    w.le_u32(ix.amounts.len() as u32);
    for (a, b) in &ix.amounts {
        w.le_u64(*a);
        w.le_u64(*b);
    }
    w.u32s(&ix.sought);
    w.u32s(&ix.investment);
    w.bytes(&ix.priority);
    postings(w, &ix.strong);
    postings(w, &ix.weak);
    w.u32s(&ix.cooperation);
    w.u32s(&ix.stage);
    w.le_u32(ix.texts.len() as u32);
    for t in &ix.texts {
        w.bytes(t.as_bytes());
    }
    w.u32s(&ix.id_rank);
    w.u32s(&ix.perm);
}

/// Reads an index written by [`write_index`] for `n` projects. `None` when the bytes are short or
/// inconsistent (the caller then re-indexes the projects); never panics.
pub(super) fn read_index(r: &mut Reader, n: usize) -> Option<MatchIndex> {
    fn postings(r: &mut Reader) -> Option<Postings> {
        let len = r.le_u32()? as usize;
        let raw = r.take(len.checked_mul(8)?)?;
        let keys: Vec<u64> = raw.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect();
        let offsets = r.u32s()?;
        let bytes = r.bytes()?.to_vec();
        let ok = offsets.len() == keys.len() + 1
            && keys.windows(2).all(|w| w[0] < w[1])
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets.first() == Some(&0)
            && offsets.last().map(|l| *l as usize) == Some(bytes.len());
        ok.then_some(Postings { keys, offsets, bytes })
    }
    let region = r.u32s()?;
    let node_set = r.u32s()?;
    let set_start = r.u32s()?;
    let set_nodes: Vec<NodeId> = r.u32s()?.into_iter().map(|x| NodeId(x as u16)).collect();
    let count = r.le_u32()? as usize;
    let mut amounts = Vec::with_capacity(count.min(r.0.len() / 16));
    for _ in 0..count {
        amounts.push((r.le_u64()?, r.le_u64()?));
    }
    let sought = r.u32s()?;
    let investment = r.u32s()?;
    let priority = r.bytes()?.to_vec();
    let strong = postings(r)?;
    let weak = postings(r)?;
    let cooperation = r.u32s()?;
    let stage = r.u32s()?;
    let count = r.le_u32()? as usize;
    let mut texts = Vec::with_capacity(count.min(r.0.len() / 4));
    for _ in 0..count {
        texts.push(std::str::from_utf8(r.bytes()?).ok()?.to_owned());
    }
    let id_rank = r.u32s()?;
    let perm = r.u32s()?;
    MatchIndex::from_columns(
        n,
        MatchIndex {
            region,
            node_set,
            set_start,
            set_nodes,
            amounts,
            sought,
            investment,
            priority,
            strong,
            weak,
            cooperation,
            stage,
            texts,
            id_rank,
            perm,
            ..MatchIndex::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::load_text;

    #[test]
    fn the_index_survives_write_and_read() {
        let list = load_text(
            "name,sector,tags,region,investment,cooperation\n动力电池项目,装备制造,电芯,成都,30亿,合资\n白酒包材,食品饮料,,贵阳,1亿,独资\n",
            "x.csv",
        )
        .unwrap();
        let ix = MatchIndex::build(&list.projects);
        let mut w = Writer(Vec::new());
        write_index(&ix, &mut w);
        let out = w.0;
        let mut input = Reader(&out[..]);
        assert_eq!(read_index(&mut input, 2).as_ref(), Some(&ix));
        assert!(input.0.is_empty());
        // Wrong project count or truncated bytes: no index, no panic.
        assert!(read_index(&mut Reader(&out[..]), 3).is_none());
        for cut in [0, 10, out.len() / 2, out.len() - 1] {
            assert!(read_index(&mut Reader(&out[..cut]), 2).is_none());
        }
    }
}
