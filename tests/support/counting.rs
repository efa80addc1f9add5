//! A global allocator that counts this thread's heap, and `count`, which measures what a call
//! holds with it: shared by the parse-memory test and bench (through `parse_memory.rs`) and
//! the fleet bench (`benches/fleet.rs`). Declare `Counting` as the `#[global_allocator]` of
//! the binary that uses it.
//!
//! Only the measuring thread's allocations count (a test harness or another benchmark
//! thread cannot move the figures), and they are counted as requested: `peak` is the most
//! heap the call held at once beyond what was live before it started, `kept` what its result
//! still holds.

// A global allocator needs `unsafe`; a measurement does plain arithmetic (a failure is the
// point).
#![allow(unsafe_code, clippy::arithmetic_side_effects)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The allocator: declare it `#[global_allocator]` in the binary that uses this module.
pub struct Counting;

thread_local! {
    /// Whether this thread's allocations are counted, the bytes it holds and their peak.
    static ON: Cell<bool> = const { Cell::new(false) };
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn counted() -> bool {
    ON.try_with(Cell::get).unwrap_or(false)
}

fn grow(n: usize) {
    let _ = LIVE.try_with(|l| {
        let now = l.get().saturating_add(n);
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrink(n: usize) {
    let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(n)));
}

// SAFETY: delegates every call to the system allocator unchanged; it only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counted() {
            grow(layout.size());
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counted() {
            shrink(layout.size());
        }
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counted() {
            if new_size <= layout.size() {
                // Shrinking happens in place.
                shrink(layout.size() - new_size);
            } else {
                // Growing may move the block: old and new coexist, so count the new one
                // before the old one goes.
                grow(new_size);
                shrink(layout.size());
            }
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What a call held on the heap, in bytes.
pub struct Held {
    /// The most held at once during the call, beyond what was live before it.
    pub peak: usize,
    /// What the call's result still holds.
    pub kept: usize,
}

/// Runs `f`, counting this thread's heap (blocks freed during the call that were allocated
/// before it do not lower the figures below zero).
pub fn count<T>(f: impl FnOnce() -> T) -> (T, Held) {
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
    ON.with(|o| o.set(true));
    let value = f();
    let held = Held {
        peak: PEAK.with(Cell::get),
        kept: LIVE.with(Cell::get),
    };
    ON.with(|o| o.set(false));
    (value, held)
}
