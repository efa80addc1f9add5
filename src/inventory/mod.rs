//! Adapters from what real machines print (slmgr, ospp, WMI, OSLicense JSON) into catalogue
//! and lifecycle types, and the diagnosis of a parsed capture (`explain`).

pub(crate) mod capture;
mod detect;
mod explain;
mod fields;
mod identify;
#[cfg(feature = "serde")]
mod json;
pub(crate) mod record;
mod text;
mod values;

pub use capture::{
    Capture, CaptureFormat, DateOrder, ParseOptions, Warning, parse_capture, parse_capture_bytes,
};
pub use explain::{Diagnosis, ExplainOptions, Finding, FindingKind, ProductDiagnosis, explain};
pub use identify::{Clue, Evidence, Identification, IdentificationOutcome, identify};
pub use record::{
    KmsClientInfo, KmsHostInfo, KmsRequestCounts, LicenseRecord, PrintedTime, RawField, Remaining,
};
