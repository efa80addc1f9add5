//! Adapters from what real machines print (slmgr, ospp, WMI, OSLicense JSON) into catalogue
//! and lifecycle types ([`parse_capture`] into a [`Capture`] of [`LicenseRecord`]s), and the
//! diagnosis of a parsed capture ([`explain`]).
//!
//! Product keys in a capture are redacted as they are read; problems inside an otherwise
//! readable capture become [`Warning`]s, not errors.
//!
//! ```
//! use volume_activation::lifecycle::LicenseStatus;
//! use volume_activation::inventory::{CaptureFormat, ExplainOptions, ParseOptions, explain, parse_capture};
//!
//! let text = "Name: Windows(R), Enterprise edition\r\n\
//! License Status: Notification\r\n\
//! Notification Reason: 0xC004F009 (grace time expired).\r\n";
//! let capture = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
//! assert_eq!(capture.records[0].status, Some(LicenseStatus::Notification));
//!
//! let diagnosis = explain(&capture, &ExplainOptions::new());
//! assert_eq!(diagnosis.products().len(), 1);
//! # Ok::<(), volume_activation::Error>(())
//! ```

pub(crate) mod capture;
mod detect;
mod explain;
mod fields;
mod identify;
#[cfg(feature = "serde")]
mod json;
mod locale;
mod lookalike;
pub(crate) mod record;
mod text;
mod values;

pub use capture::{
    Capture, CaptureFormat, CommandOutcome, CommandResult, DateOrder, ParseOptions, WARNINGS_MAX,
    Warning, decode_capture, parse_capture, parse_capture_bytes,
};
pub use explain::{Diagnosis, ExplainOptions, Finding, FindingKind, ProductDiagnosis, explain};
pub use identify::{Clue, Evidence, Identification, IdentificationOutcome, identify};
pub use locale::DisplayLanguage;
pub use record::{
    ExpiryKind, KmsClientInfo, KmsHostInfo, KmsRequestCounts, LicenseRecord, PrintedTime, RawField,
    RawFieldRef, RawFields, Remaining,
};
