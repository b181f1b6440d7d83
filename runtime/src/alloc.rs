//! The memory allocator of compiled programs: small blocks (up to [`SMALL_MAX`] bytes, the
//! size of most objects, tuples, short strs and small vectors) come from per-thread free
//! lists, one per 16-byte size class, refilled from the system allocator a block at a time;
//! larger blocks go to the system allocator directly.
//!
//! A Python program allocates and frees small objects at a high rate (a tuple per loop
//! iteration, a bound method per call...); popping and pushing a free list is a few
//! instructions where `malloc`/`free` are dozens. Freed small blocks stay on the list of the
//! thread that freed them and are reused for that size class only; they are never returned
//! to the system (as with CPython's `pymalloc`, memory is bounded by the peak of live small
//! blocks per class).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Largest block served from the free lists.
pub const SMALL_MAX: usize = 256;
/// Size-class granularity (and the alignment every small block has).
const GRAIN: usize = 16;
const CLASSES: usize = SMALL_MAX / GRAIN;

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

// SAFETY: small blocks are carved only from system blocks of their class size and alignment
// `GRAIN`, so every block handed out has at least the requested size and alignment; a block
// is on at most one free list at a time (it is pushed when freed and popped when reused).
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
        // SAFETY: a valid non-zero layout.
        unsafe { System.alloc(class_layout(c)) }
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
