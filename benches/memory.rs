//! Peak heap use of `parse_capture` relative to the input size, per format, with a counting
//! global allocator (no timing): `cargo bench --bench memory`.
//!
//! Each fixture is repeated until the input is about 4 MB. "peak" is the most heap the parse
//! held at once beyond what was live before it started (the input itself is not counted);
//! "kept" is what the returned `Capture` still holds. The bound is peak <= 3x input;
//! a row over the most its shape may hold is marked (`tests/parse_memory.rs` asserts the
//! same bounds on smaller inputs).

#[path = "../tests/support/parse_memory.rs"]
mod parse_memory;

use parse_memory::{Counting, measure, shapes};

#[global_allocator]
static A: Counting = Counting;

const TARGET: usize = 4 << 20;

fn main() {
    // `cargo bench` passes `--bench`; nothing to filter.
    for shape in shapes(TARGET) {
        let m = measure(shape.format, &shape.input);
        let over = if m.peak_ratio() > shape.bound {
            format!("  OVER {:.1}x", shape.bound)
        } else {
            String::new()
        };
        println!(
            "{:<28} input {:>9} B  peak {:>10} B ({:>5.2}x)  kept {:>10} B ({:>5.2}x)  records {}{over}",
            shape.name,
            m.input,
            m.peak,
            m.peak_ratio(),
            m.kept,
            m.kept_ratio(),
            m.records,
        );
    }
}
