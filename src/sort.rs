//! The crate's one sort: a small, non-generic, stable merge sort of positions.
//!
//! Every `sort_by` / `sort_unstable` call site of the standard library instantiates its whole sort
//! (several KB of wasm each); the reference data, suggestions and lists of figures sorted in this
//! crate are small, so one copy serves them all.

/// Stable sort with one shared, non-generic merge sort of indices (a bottom-up merge sort over
/// `u32` positions, insertion sort for short slices). Every `sort_by`/`sort_unstable` call site
/// of the standard library instantiates its whole sort (several KB of wasm each); the reference
/// data, suggestions and UI lists sorted here are small, so one copy serves them all. Equal
/// elements keep their order.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    sort_dyn(v, &cmp)
}

/// [`sort_by`] on a key.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_dyn(v, &|a: &T, b: &T| key(a).cmp(&key(b)))
}

/// [`sort_by`] on the elements' own order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_dyn(v, &T::cmp)
}

/// The one generic step: the slice seen through two small closures, so that every element type
/// shares [`sort_positions`] (the sort's body was 500–700 bytes of wasm per type).
fn sort_dyn<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let n = v.len();
    // Compare and swap never run at once: a `RefCell` lets both closures hold the slice.
    let v = std::cell::RefCell::new(v);
    let compare = |a: usize, b: usize| {
        let v = v.borrow();
        cmp(&v[a], &v[b])
    };
    let mut swap = |a: usize, b: usize| v.borrow_mut().swap(a, b);
    sort_positions(n, &compare, &mut swap);
}

/// Sorts `n` elements seen by position: insertion sort for short runs, else the merge sort of
/// [`sorted_order`] and the permutation applied one cycle at a time.
#[inline(never)]
fn sort_positions(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering, swap: &mut dyn FnMut(usize, usize)) {
    if n <= 12 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(j - 1, j) == std::cmp::Ordering::Greater {
                swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order = sorted_order(n, &|a, b| cmp(a as usize, b as usize));
    let mut take = |j: usize| {
        let k = std::mem::replace(&mut order[j], u32::MAX);
        (k != u32::MAX).then_some(k as usize)
    };
    move_into_order(n, &mut take, swap);
}

/// Moves every element to its place, one cycle of the permutation at a time. `take(j)` gives the
/// position of the element that belongs at `j` the first time it is asked, `None` after.
fn move_into_order(n: usize, take: &mut dyn FnMut(usize) -> Option<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for i in 0..n {
        let mut j = i;
        while let Some(k) = take(j) {
            if k == i {
                break;
            }
            swap(j, k);
            j = k;
        }
    }
}

/// Sorts by a `u32` key whose values are unique within the slice (equal keys would keep no
/// particular order), with the plain `u64` sort: key and position as one number in `scratch`, a
/// buffer the caller reuses — no allocation per call when many small slices are sorted (every
/// object of a JSON list).
pub(crate) fn sort_by_unique_u32_key<T>(v: &mut [T], key: impl Fn(&T) -> u32, scratch: &mut Vec<u64>) {
    scratch.clear();
    scratch.extend(v.iter().enumerate().map(|(i, x)| (u64::from(key(x)) << 32) | i as u64));
    scratch.sort_unstable();
    let mut take = |j: usize| {
        let k = std::mem::replace(&mut scratch[j], u64::MAX);
        (k != u64::MAX).then_some((k & 0xffff_ffff) as usize)
    };
    move_into_order(v.len(), &mut take, &mut |a, b| v.swap(a, b));
}

/// The positions `0..n` in stable sorted order.
#[inline(never)]
fn sorted_order(n: usize, cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut l, mut r, mut k) = (i, mid, i);
            while l < mid && r < end {
                if cmp(a[r], a[l]) == std::cmp::Ordering::Less {
                    b[k] = a[r];
                    r += 1;
                } else {
                    b[k] = a[l];
                    l += 1;
                }
                k += 1;
            }
            b[k..k + mid - l].copy_from_slice(&a[l..mid]);
            k += mid - l;
            b[k..end].copy_from_slice(&a[r..end]);
            i = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_sort_is_stable_and_matches_std() {
        let mut seed = 7u32;
        for n in [0usize, 1, 2, 5, 12, 13, 31, 64, 100, 1000] {
            let v: Vec<(u8, u32)> = (0..n as u32)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 24) as u8 % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |e| e.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|e| e.0);
            assert_eq!(ours, std_sorted, "n = {n}");
            let mut rev = v.clone();
            sort_by(&mut rev, |a, b| b.cmp(a));
            let mut std_rev = v;
            std_rev.sort_by(|a, b| b.cmp(a));
            assert_eq!(rev, std_rev, "n = {n}");
        }
    }

    #[test]
    fn unique_key_sort_matches_std_with_one_scratch_buffer() {
        let mut scratch = Vec::new();
        for n in [0u32, 1, 2, 5, 16, 30, 257] {
            // A permutation of 0..n as keys, each with a payload that must travel with it.
            let v: Vec<(u32, String)> = (0..n).map(|i| ((i * 7919) % n.max(1), format!("p{i}"))).collect();
            let mut ours = v.clone();
            sort_by_unique_u32_key(&mut ours, |e| e.0, &mut scratch);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|e| e.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }
}
