//! Fleet-level composition: the activation method per machine, KMS coverage and threshold
//! projection, MAK needs, risks, and a report.
