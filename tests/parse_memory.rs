//! Parsing holds at most 3x its input (issue 11): every format's shape from the memory bench,
//! on smaller inputs, its peak heap counted by a global allocator (no timing).

// Tests may unwrap and do plain arithmetic: a failure is the point. The rest of the lints apply.
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

#[path = "support/parse_memory.rs"]
mod parse_memory;

use parse_memory::{BOUND, Counting, measure, shapes};

#[global_allocator]
static A: Counting = Counting;

#[test]
fn every_format_holds_at_most_its_bound() {
    let mut over = Vec::new();
    for shape in shapes(256 << 10) {
        let m = measure(shape.format, &shape.input);
        assert!(m.records > 100, "{}: {} records", shape.name, m.records);
        assert!(m.kept_ratio() <= m.peak_ratio(), "{}", shape.name);
        if m.peak_ratio() > shape.bound {
            over.push(format!(
                "{}: {:.2}x > {:.1}x",
                shape.name,
                m.peak_ratio(),
                shape.bound
            ));
        }
    }
    assert!(over.is_empty(), "{over:?}");
}

#[test]
fn only_the_nologo_xpr_shape_has_a_wider_bound() {
    let wider: Vec<&str> = shapes(1 << 10)
        .iter()
        .filter(|s| s.bound > BOUND)
        .map(|s| s.name)
        .collect();
    assert_eq!(wider, ["slmgr-xpr //nologo"]);
}
