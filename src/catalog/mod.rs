//! What exists: releases, editions, SKUs, key kinds and channels, product keys, KMS host keys,
//! agreement programs and product pools, identifiers, and the provenance types
//! ([`Source`], [`Confidence`]) every fact carries.
//!
//! Use this module to name a product and ask what it is: its family, its marketing name, the
//! names tools print for it ([`Sku::parse_lenient`], [`recognize_product`]), and the key
//! Microsoft publishes for it ([`Sku::gvlk`], a fact looked up in
//! [`rules`](crate::rules)). The catalogue makes no decisions; those are in
//! [`rules`](crate::rules).
//!
//! ```
//! use volume_activation::catalog::{Family, Release, Sku};
//!
//! let sku: Sku = "windows-server-2022/datacenter".parse()?;
//! assert_eq!(sku.name(), "Windows Server 2022 Datacenter");
//! assert_eq!(sku.family(), Family::Server);
//! assert!(Release::WindowsServer2019 < sku.release());
//!
//! let key = sku.gvlk().expect("Microsoft publishes this GVLK");
//! assert!(key.is_published_gvlk());
//! assert_eq!(key.to_string(), "*****-*****-*****-*****-6VM33"); // keys print redacted
//! # Ok::<(), volume_activation::Error>(())
//! ```

pub(crate) mod coverage;
pub(crate) mod edition;
pub(crate) mod guid;
pub(crate) mod host_key;
pub(crate) mod identifier;
pub(crate) mod kb;
pub(crate) mod key_kind;
pub(crate) mod product_alias;
pub(crate) mod product_key;
pub(crate) mod product_name;
pub(crate) mod program;
pub(crate) mod provenance;
pub(crate) mod release;
pub(crate) mod sku;
pub(crate) mod sku_table;
pub(crate) mod sources;

pub use coverage::{Answer, Basis, Coverage};
pub use edition::Edition;
pub use guid::Guid;
pub use host_key::KmsHostKey;
pub use identifier::{ActivationId, ApplicationId, ClientMachineId};
pub use kb::Kb;
pub use key_kind::{Channel, KeyKind};
pub use product_key::ProductKey;
pub use product_name::{Recognized, recognize_product};
pub use program::{AgreementProgram, ProductPool};
pub use provenance::{Confidence, DATA_VERSION, Source};
pub use release::{Family, Release};
pub use sku::Sku;
