//! Every public type is `Debug + Clone + Send + Sync` (and the small values `Copy`).
//! Extend the list as layers add types.

#![allow(clippy::extra_unused_type_parameters)]

use volume_activation::*;

fn assert_public<T: std::fmt::Debug + Clone + Send + Sync + 'static>() {}

#[test]
fn test_autotrait() {
    assert_public::<Error>();
    assert_public::<Release>();
    assert_public::<Family>();
    assert_public::<Edition>();
    assert_public::<Sku>();
    assert_public::<KeyKind>();
    assert_public::<Channel>();
    assert_public::<ProductKey>();
    assert_public::<AgreementProgram>();
    assert_public::<ProductPool>();
    assert_public::<Guid>();
    assert_public::<ApplicationId>();
    assert_public::<ActivationId>();
    assert_public::<ClientMachineId>();
    assert_public::<Recognized>();
    assert_public::<Source>();
    assert_public::<Confidence>();
    assert_public::<LicenseStatus>();
    assert_public::<Capture>();
    assert_public::<LicenseRecord>();
    assert_public::<Diagnosis>();
    assert_public::<ProductDiagnosis>();
    assert_public::<Finding>();
    assert_public::<FindingKind>();
    assert_public::<ExplainOptions>();
}

#[cfg(feature = "serde")]
#[test]
fn serde_types() {
    fn both<T: serde::Serialize + serde::de::DeserializeOwned>() {}
    fn ser<T: serde::Serialize>() {}
    both::<Release>();
    both::<Family>();
    both::<Edition>();
    both::<Sku>();
    both::<KeyKind>();
    both::<Channel>();
    both::<ProductKey>();
    both::<AgreementProgram>();
    both::<ProductPool>();
    both::<Guid>();
    both::<ApplicationId>();
    both::<ActivationId>();
    both::<ClientMachineId>();
    both::<Recognized>();
    both::<Confidence>();
    both::<LicenseStatus>();
    ser::<Source>();
    ser::<Error>();
    both::<Capture>();
    both::<LicenseRecord>();
    both::<Diagnosis>();
    both::<ProductDiagnosis>();
    both::<Finding>();
    both::<FindingKind>();
    both::<ExplainOptions>();
}
