//! The published facts as static data. Private: reached only through typed accessors.
//!
//! Each table names its source in its module docs, and rows that need it carry a
//! [`Source`](crate::catalog::Source) and a [`Confidence`](crate::catalog::Confidence).

pub(crate) mod activation_id;
pub(crate) mod build;
pub(crate) mod error_code_row;
pub(crate) mod error_codes;
pub(crate) mod gvlk;
pub(crate) mod kms_host_key;
pub(crate) mod kms_host_os;
pub(crate) mod kms_updates;
