//! What exists: releases, editions, SKUs, key kinds and channels, product keys, agreement
//! programs and product pools, and the provenance types the tables attach to facts.

pub(crate) mod build;
pub(crate) mod coverage;
pub(crate) mod edition;
pub(crate) mod guid;
pub(crate) mod gvlk;
pub(crate) mod host_key;
pub(crate) mod identifier;
pub(crate) mod kb;
pub(crate) mod key_kind;
pub(crate) mod product_key;
pub(crate) mod product_name;
pub(crate) mod program;
pub(crate) mod provenance;
pub(crate) mod release;
pub(crate) mod sku;
pub(crate) mod sources;

pub use build::{host_key_of_activation_id, releases_of_build};
pub use coverage::{Answer, Basis, Coverage};
pub use edition::Edition;
pub use guid::Guid;
pub use gvlk::{gvlk, gvlk_source, is_published_gvlk, skus_for_gvlk};
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
