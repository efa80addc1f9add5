#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod macros;

mod catalog;
mod error;
mod inventory;
mod lifecycle;
mod plan;
mod rules;
mod tables;

pub use catalog::*;
pub use error::Error;
pub use inventory::*;
pub use lifecycle::*;
pub use plan::*;
pub use rules::*;
