//! `host_key_coverage`, `host_os_support`, `required_update`, `check_activation` and
//! `can_activate` allocate nothing (counted with a wrapping global allocator).

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]
// A counting global allocator is unsafe to implement; the library itself forbids unsafe code.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use strum::IntoEnumIterator;

use volume_activation::catalog::Kb;
use volume_activation::rules::{host_key_coverage, host_os_support, required_update};
use volume_activation::{
    Channel, KmsHost, KmsHostKey, Release, Sku, can_activate, check_activation,
};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations are counted: only the measuring thread's are, so the
    /// test harness allocating on its own threads cannot make the count flaky.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTED.try_with(Cell::get).unwrap_or(false) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn lookups_allocate_nothing() {
    let skus: Vec<Sku> = Sku::all().collect();
    let hosts: Vec<KmsHost> = KmsHostKey::iter()
        .map(|k| {
            let os = skus
                .iter()
                .copied()
                .find(|os| host_os_support(*os, k).is_yes())
                .unwrap_or(skus[0]);
            KmsHost::new(os, k)
                .with_update(Kb::new(4_478_877).unwrap())
                .with_update(Kb::new(3_172_614).unwrap())
        })
        .collect();
    COUNTED.with(|c| c.set(true));
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut yes = 0usize;
    for h in &hosts {
        for s in &skus {
            for ch in [Channel::VolumeGvlk, Channel::VolumeMak] {
                for count in [0, 5, 25] {
                    let r = check_activation(h, *s, ch, count);
                    yes += usize::from(r.is_ok());
                    yes += usize::from(can_activate(h, *s, ch, count));
                    if let Err(d) = r {
                        yes += d.sources().len() + usize::from(d.hresult().is_some());
                    }
                }
            }
            yes += usize::from(host_key_coverage(h.key(), *s).is_yes());
            yes += usize::from(host_os_support(*s, h.key()).is_yes());
        }
    }
    for a in Release::iter() {
        for b in Release::iter() {
            yes += required_update(a, b).kbs().count();
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    COUNTED.with(|c| c.set(false));
    assert!(yes > 0);
    assert_eq!(after - before, 0, "lookups allocated");
}
