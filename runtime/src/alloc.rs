//! The memory allocator of compiled programs: small blocks (up to [`SMALL_MAX`] bytes, the
//! size of most objects, tuples, short strs and small vectors) come from per-thread free
//! lists, one per 16-byte size class, refilled from the system allocator a chunk of
//! [`CHUNK`] bytes at a time (cut into blocks of the class); larger blocks go to the system
//! allocator directly.
//!
//! A Python program allocates and frees small objects at a high rate (a tuple per loop
//! iteration, a bound method per call...); popping and pushing a free list is a few
//! instructions where `malloc`/`free` are dozens. A program whose live objects grow (a list
//! of tokens, a tree) empties the lists at every allocation, so a refill serves many
//! allocations, as CPython's `pymalloc` pools do. Freed small blocks stay on the list of the
//! thread that freed them and are reused for that size class only; they are never returned
//! to the system (as with `pymalloc`, memory is bounded by the peak of live small blocks per
//! class, plus at most one partly used chunk per class).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Largest block served from the free lists.
pub const SMALL_MAX: usize = 256;
/// Size-class granularity (and the alignment every small block has).
const GRAIN: usize = 16;
const CLASSES: usize = SMALL_MAX / GRAIN;
/// Bytes a refill takes from the system for one size class (128 blocks of the largest
/// class, 2,048 of the smallest).
pub const CHUNK: usize = 32 * 1024;

/// The allocator (installed as the global allocator of the runtime library).
pub struct PoolAlloc;

thread_local! {
    /// Heads of the free lists; a free block's first word points at the next one.
    static FREE: UnsafeCell<[*mut u8; CLASSES]> = const { UnsafeCell::new([null_mut(); CLASSES]) };
}

/// The size class of a small layout, or `None` for blocks the system should serve.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    if size == 0 || size > SMALL_MAX || layout.align() > GRAIN {
        return None;
    }
    Some((size - 1) / GRAIN)
}

/// The layout of a block of size class `c`.
#[inline]
fn class_layout(c: usize) -> Layout {
    // SAFETY: the size is a non-zero multiple of the alignment, a power of two.
    unsafe { Layout::from_size_align_unchecked((c + 1) * GRAIN, GRAIN) }
}

/// Takes a chunk from the system for size class `c`: returns its first block and puts the
/// others on the (empty) free list of the class, in address order. Null when the system has
/// no memory.
#[cold]
#[inline(never)]
fn refill(c: usize) -> *mut u8 {
    let size = class_layout(c).size();
    // SAFETY: a non-zero size that is a multiple of the power-of-two alignment.
    let layout = unsafe { Layout::from_size_align_unchecked(CHUNK, GRAIN) };
    // SAFETY: a valid non-zero layout. The chunk is never freed: its blocks go back to the
    // free lists.
    let chunk = unsafe { System.alloc(layout) };
    if chunk.is_null() {
        return chunk;
    }
    let count = CHUNK / size;
    FREE.with(|f| {
        // SAFETY: thread-local, and no reference into it outlives this closure.
        let lists = unsafe { &mut *f.get() };
        let mut next = lists[c];
        for i in (1..count).rev() {
            // SAFETY: block `i` lies inside the chunk (`i * size + size <= CHUNK`), is
            // `GRAIN`-aligned and at least a word long; nothing else refers to it.
            unsafe {
                let block = chunk.add(i * size);
                *(block as *mut *mut u8) = next;
                next = block;
            }
        }
        lists[c] = next;
    });
    chunk
}

// SAFETY: small blocks are carved only from system chunks, at multiples of their class size
// from the chunk's `GRAIN`-aligned start, so every block handed out has at least the
// requested size and alignment; a block is on at most one free list at a time (it is pushed
// when freed and popped when reused).
unsafe impl GlobalAlloc for PoolAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout) else {
            // SAFETY: forwarded with the caller's guarantees.
            return unsafe { System.alloc(layout) };
        };
        let head = FREE.with(|f| {
            // SAFETY: thread-local, and no reference into it outlives this closure.
            let lists = unsafe { &mut *f.get() };
            let p = lists[c];
            if !p.is_null() {
                // SAFETY: `p` is a free block of this class; its first word is the link.
                lists[c] = unsafe { *(p as *mut *mut u8) };
            }
            p
        });
        if !head.is_null() {
            return head;
        }
        refill(c)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(c) = class_of(layout) else {
            // SAFETY: forwarded; large blocks come from the system.
            return unsafe { System.dealloc(ptr, layout) };
        };
        FREE.with(|f| {
            // SAFETY: thread-local; `ptr` is a small block of class `c` (its layout maps to
            // the same class as when it was allocated), now unused, at least a word long.
            let lists = unsafe { &mut *f.get() };
            unsafe { *(ptr as *mut *mut u8) = lists[c] };
            lists[c] = ptr;
        });
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for `new_size` with this alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            (None, None) => {
                // SAFETY: both are system blocks.
                unsafe { System.realloc(ptr, layout, new_size) }
            }
            (Some(a), Some(b)) if a == b => ptr,
            _ => {
                // SAFETY: allocate, copy what both sizes hold, free the old block.
                unsafe {
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refills_cut_a_chunk_into_distinct_aligned_blocks() {
        // Three chunks' worth of one class, all live at once: every block is distinct,
        // aligned, and writable over its whole size; freed, they serve the next requests.
        let a = PoolAlloc;
        let l = Layout::from_size_align(200, 8).unwrap();
        let size = class_layout(class_of(l).unwrap()).size();
        let n = 3 * CHUNK / size + 5;
        let mut blocks = Vec::with_capacity(n);
        for i in 0..n {
            // SAFETY: a valid layout; each block is written within its size, then freed once.
            let p = unsafe { a.alloc(l) };
            assert!(!p.is_null());
            assert_eq!(p as usize % GRAIN, 0);
            unsafe { p.write_bytes(i as u8, size) };
            blocks.push(p);
        }
        for (i, &p) in blocks.iter().enumerate() {
            // SAFETY: the block is live and `size` bytes long.
            let bytes = unsafe { std::slice::from_raw_parts(p, size) };
            assert!(
                bytes.iter().all(|b| *b == i as u8),
                "block {i} was overwritten"
            );
        }
        let mut sorted = blocks.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), n, "no block handed out twice");
        for &p in &blocks {
            // SAFETY: allocated above with `l`, freed once.
            unsafe { a.dealloc(p, l) };
        }
        // SAFETY: as above.
        let q = unsafe { a.alloc(l) };
        assert_eq!(
            q,
            *blocks.last().unwrap(),
            "the last block freed is reused first"
        );
        unsafe { a.dealloc(q, l) };
    }

    #[test]
    fn blocks_are_reused_within_their_class() {
        let a = PoolAlloc;
        let l = Layout::from_size_align(40, 8).unwrap();
        // SAFETY: matched alloc/dealloc with the same layout.
        unsafe {
            let p = a.alloc(l);
            assert_eq!(p as usize % GRAIN, 0);
            p.write_bytes(0xAB, 40);
            a.dealloc(p, l);
            let q = a.alloc(Layout::from_size_align(48, 16).unwrap());
            assert_eq!(p, q, "same class (33..=48 bytes) reuses the block");
            let r = a.realloc(q, Layout::from_size_align(48, 16).unwrap(), 300);
            assert!(!r.is_null());
            a.dealloc(r, Layout::from_size_align(300, 16).unwrap());
        }
        assert_eq!(class_of(Layout::from_size_align(1, 1).unwrap()), Some(0));
        assert_eq!(class_of(Layout::from_size_align(16, 8).unwrap()), Some(0));
        assert_eq!(class_of(Layout::from_size_align(17, 8).unwrap()), Some(1));
        assert_eq!(class_of(Layout::from_size_align(256, 8).unwrap()), Some(15));
        assert_eq!(class_of(Layout::from_size_align(257, 8).unwrap()), None);
        assert_eq!(class_of(Layout::from_size_align(32, 32).unwrap()), None);
    }
}
