//! Licensing identifiers: newtypes over [`Guid`] so that an Application ID, an Activation ID
//! (SKU ID) and a client machine ID cannot be mixed up.

use std::fmt;
use std::str::FromStr;

use crate::catalog::Guid;
use crate::error::Error;

macro_rules! guid_newtype {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Guid);

        impl $name {
            /// The identifier with this GUID.
            #[must_use]
            pub const fn new(guid: Guid) -> Self {
                $name(guid)
            }

            /// The identifier whose GUID has this 128-bit value.
            #[must_use]
            pub const fn from_u128(value: u128) -> Self {
                $name(Guid::from_u128(value))
            }

            /// The GUID.
            #[must_use]
            pub const fn guid(self) -> Guid {
                self.0
            }

            /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, ASCII case-insensitively, with or
            /// without braces.
            ///
            /// # Errors
            ///
            #[doc = concat!("When the text is not a GUID; the message names the ", $what, ".")]
            pub fn parse(s: &str) -> Result<Self, Error> {
                Guid::parse(s).map($name).map_err(|_| {
                    Error::invalid(
                        $what,
                        s,
                        "32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                    )
                })
            }
        }

        impl From<u128> for $name {
            fn from(value: u128) -> Self {
                Self::from_u128(value)
            }
        }

        impl From<Guid> for $name {
            fn from(guid: Guid) -> Self {
                $name(guid)
            }
        }

        impl From<$name> for Guid {
            fn from(id: $name) -> Guid {
                id.0
            }
        }

        impl fmt::Display for $name {
            /// Lowercase, without braces.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

guid_newtype! {
    /// The Application ID of a licensed application: the `ApplicationID` property of WMI
    /// `SoftwareLicensingProduct`, the `Application ID:` line of `slmgr /dlv`. It tells Windows
    /// products from Office products in the one licensing store.
    ///
    /// ```
    /// use volume_activation::catalog::ApplicationId;
    ///
    /// let id: ApplicationId = "55C92734-D682-4D71-983E-D6EC3F16059F".parse()?;
    /// assert_eq!(id, ApplicationId::WINDOWS);
    /// assert!(id.is_windows());
    /// assert_eq!(id.to_string(), "55c92734-d682-4d71-983e-d6ec3f16059f");
    /// assert_eq!(ApplicationId::OFFICE.name(), Some("Office 2013 and later"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ApplicationId, "application id"
}

impl ApplicationId {
    /// Windows: `55c92734-d682-4d71-983e-d6ec3f16059f`.
    ///
    /// Source: Microsoft's `slmgr.vbs` ("Copyright (c) Microsoft Corporation"), which declares
    /// `WindowsAppId = "55c92734-d682-4d71-983e-d6ec3f16059f"` and filters Windows products by
    /// it. Confidence: documented (Microsoft-authored script, read from a published copy).
    pub const WINDOWS: ApplicationId =
        ApplicationId(Guid::from_u128(0x55c92734_d682_4d71_983e_d6ec3f16059f));

    /// Office 2013 and later (Office 2016, 2019, LTSC 2021, LTSC 2024 and Microsoft 365 Apps
    /// share it): `0ff1ce15-a989-479d-af46-f275c6370663`.
    ///
    /// Source: "Reset Office 365 ProPlus activation state" (Microsoft support article), whose
    /// Microsoft script `OLicenseCleanup.vbs` declares
    /// `Const OfficeAppId = "0ff1ce15-a989-479d-af46-f275c6370663"  'Office 2013/2016`,
    /// <https://learn.microsoft.com/en-us/office/troubleshoot/activation/reset-office-365-proplus-activation-state>.
    ///
    /// Conflict: the example `/dlv` output on "Configure a KMS host computer to activate volume
    /// licensed versions of Office" (ms.date 2024-04-26) prints
    /// `Application ID: 0ff1ce16-a989-479d-af46-f275c6370663` for the Office 2016 KMS host.
    /// No other Microsoft text uses `0ff1ce16`, the sample is hand-edited console text, and the
    /// support article names the value as a constant for Office 2013/2016, so the crate follows
    /// the support article; `0ff1ce16-…` is not recognised as an Office ID.
    ///
    /// The Office 2010 Application ID is left out: the reference notes give only its first
    /// eight digits and no Microsoft text giving it whole was found.
    pub const OFFICE: ApplicationId =
        ApplicationId(Guid::from_u128(0x0ff1ce15_a989_479d_af46_f275c6370663));

    /// Whether this is [`ApplicationId::WINDOWS`].
    #[must_use]
    pub const fn is_windows(self) -> bool {
        self.0.as_u128() == Self::WINDOWS.0.as_u128()
    }

    /// Whether this is [`ApplicationId::OFFICE`] (Office 2013 and later).
    #[must_use]
    pub const fn is_office(self) -> bool {
        self.0.as_u128() == Self::OFFICE.0.as_u128()
    }

    /// The application's name for the IDs the crate knows ("Windows", "Office 2013 and later"),
    /// `None` for any other.
    #[must_use]
    pub const fn name(self) -> Option<&'static str> {
        if self.is_windows() {
            Some("Windows")
        } else if self.is_office() {
            Some("Office 2013 and later")
        } else {
            None
        }
    }
}

guid_newtype! {
    /// An Activation ID (SKU ID): the `ID` property of WMI `SoftwareLicensingProduct`, the
    /// `Activation ID:` line of `slmgr /dlv`, the `SKU ID:` line of `ospp.vbs /dstatus`, and the
    /// argument of `slmgr /dlv`, `/ato`, `/dti`, `/atp` that selects one product.
    ///
    /// The crate has no table of Activation IDs; this type only keeps them apart from other IDs.
    ///
    /// ```
    /// use volume_activation::catalog::ActivationId;
    ///
    /// // The Office 2016 KMS host Activation ID from Microsoft's KMS host page.
    /// let id: ActivationId = "98EBFE73-2084-4C97-932C-C0CD1643BEA7".parse()?;
    /// assert_eq!(id.to_string(), "98ebfe73-2084-4c97-932c-c0cd1643bea7");
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ActivationId, "activation id"
}

guid_newtype! {
    /// A KMS client machine ID (CMID): the ID a KMS client sends and the KMS host counts (the
    /// count is the number of unique CMIDs seen in the last 30 days: "Key Management Services
    /// (KMS) activation planning",
    /// <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>).
    /// Tools report it as `ClientMachineID` (WMI `SoftwareLicensingService`, `Get-OSLicenseInfo`).
    ///
    /// ```
    /// use volume_activation::catalog::ClientMachineId;
    ///
    /// let a: ClientMachineId = "{0B1E1A6E-6B7A-4C8B-9C1D-2E3F4A5B6C7D}".parse()?;
    /// let b: ClientMachineId = "0b1e1a6e-6b7a-4c8b-9c1d-2e3f4a5b6c7d".parse()?;
    /// assert_eq!(a, b);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ClientMachineId, "client machine id"
}
