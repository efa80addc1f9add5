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

pub mod catalog;
mod error;
pub mod inventory;
pub mod lifecycle;
pub mod plan;
pub mod rules;
mod tables;

/// The date-time crate whose types ([`chrono::DateTime`], [`chrono::Utc`],
/// [`chrono::NaiveDate`]) appear in this crate's API, re-exported so that callers use the
/// same version.
pub use chrono;

pub use catalog::{
    Channel, Confidence, DATA_VERSION, Edition, Family, KeyKind, KmsHostKey, ProductKey, Release,
    Sku,
};
pub use error::Error;
pub use inventory::{Capture, explain, parse_capture};
pub use lifecycle::{LicenseStatus, Lifecycle};
pub use plan::{Fleet, Plan, plan};
pub use rules::{Denial, KmsHost, can_activate, check_activation};
