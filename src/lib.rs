#![doc = include_str!("../README.md")]
// Lints: the `[lints]` table of Cargo.toml (deny missing docs and panicking constructs),
// shared with the tests, benches and examples; the library itself forbids unsafe code.
#![forbid(unsafe_code)]
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

/// The enum plumbing crate whose traits the closed-set enums implement
/// ([`strum::IntoEnumIterator`] for `iter()`, [`strum::VariantArray`] for `VARIANTS`,
/// [`strum::EnumCount`] for `COUNT`), re-exported so that callers use the same version.
pub use strum;

pub use catalog::{
    Channel, Confidence, DATA_VERSION, Edition, Family, KeyKind, KmsHostKey, ProductKey, Release,
    Sku,
};
pub use error::Error;
pub use inventory::{Capture, explain, parse_capture};
pub use lifecycle::{LicenseStatus, Lifecycle};
pub use plan::{Fleet, Plan, plan};
pub use rules::{Denial, KmsHost, can_activate, check_activation};
