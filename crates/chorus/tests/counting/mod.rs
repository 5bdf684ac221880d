//! A global allocator that counts every heap byte the program holds, and the most it has held
//! since the last [`Counting::restart`]: heap memory measured exactly, the same on a busy machine
//! as on a quiet one (unlike resident memory or time). Shared by the memory test and the
//! `memory` example.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes held now and the most held since the last restart.
pub struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    PEAK.fetch_max(HELD.fetch_add(bytes, Relaxed) + bytes, Relaxed);
}

impl Counting {
    /// Bytes held now.
    pub fn held() -> usize {
        HELD.load(Relaxed)
    }

    /// The most bytes held since the last restart.
    pub fn peak() -> usize {
        PEAK.load(Relaxed)
    }

    /// Starts the next peak from what is held now.
    pub fn restart() {
        PEAK.store(HELD.load(Relaxed), Relaxed);
    }
}

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        match size.checked_sub(layout.size()) {
            Some(more) => grew(more),
            None => _ = HELD.fetch_sub(layout.size() - size, Relaxed),
        }
        unsafe { System.realloc(ptr, layout, size) }
    }
}
