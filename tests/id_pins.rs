//! Pins, value by value, the canonical ID (`Display`, `FromStr`, serde), the marketing name and
//! the unknown-value error message of every closed-set enum, so that moving their plumbing (the
//! crate's macro, then strum's derives) cannot change what users see.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use strum::IntoEnumIterator;
use volume_activation::catalog::*;
use volume_activation::inventory::*;
use volume_activation::lifecycle::*;
use volume_activation::plan::*;
use volume_activation::rules::*;

/// Checks one enum against its pinned (ID, name) list, in declaration order, and its pinned
/// error message for an unknown value (from `FromStr` and, with `serde`, from deserialising).
macro_rules! pin {
    ($t:ty, $err:expr, [$(($id:expr, $name:expr)),+ $(,)?]) => {{
        let want: &[(&str, &str)] = &[$(($id, $name)),+];
        let got: Vec<(String, &str)> = <$t>::iter().map(|v| (v.to_string(), v.name())).collect();
        let got: Vec<(&str, &str)> = got.iter().map(|(i, n)| (i.as_str(), *n)).collect();
        assert_eq!(got, want, "{}", stringify!($t));
        for (id, _) in want {
            let v: $t = id.parse().unwrap();
            assert_eq!(v.to_string(), *id);
            assert_eq!(id.to_ascii_uppercase().parse::<$t>().unwrap(), v);
            #[cfg(feature = "serde")]
            assert_eq!(serde_json::from_str::<$t>(&format!("\"{id}\"")).unwrap(), v);
        }
        let err = "no-such-value".parse::<$t>().unwrap_err();
        assert!(err.is_unknown());
        assert_eq!(err.to_string(), $err, "{}", stringify!($t));
        // A message that lists the values ("expected one of a, b, c") lists exactly the IDs,
        // in order: a variant added without its place in the message fails here.
        if let Some((_, listed)) = $err.split_once("expected one of ") {
            let listed: Vec<&str> = listed.split(", ").collect();
            let ids: Vec<&str> = want.iter().map(|(id, _)| *id).collect();
            assert_eq!(listed, ids, "{}: the message's list", stringify!($t));
        }
        // Surrounding spaces and other separators are not the ID.
        assert!(" kms ".parse::<$t>().is_err());
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::from_str::<$t>("\"no-such-value\"").unwrap_err().to_string(),
            $err,
            "{}",
            stringify!($t)
        );
    }};
}

#[test]
fn every_id_name_and_error_message_is_pinned() {
    pin!(
        ActivationMethod,
        "unknown activation method \"no-such-value\": expected one of kms, adba, mak, avma",
        [
            ("kms", "KMS"),
            ("adba", "Active Directory-based activation"),
            ("mak", "MAK"),
            ("avma", "AVMA"),
        ]
    );
    pin!(
        AgreementProgram,
        "unknown agreement program \"no-such-value\": expected a program ID such as enterprise-agreement, select-plus, open-value or csp",
        [
            ("enterprise-agreement", "Enterprise Agreement"),
            ("select-license", "Select License"),
            ("select-plus", "Select Plus"),
            ("mpsa", "Microsoft Products and Services Agreement"),
            ("open-license", "Open License"),
            ("open-value", "Open Value"),
            ("open-value-subscription", "Open Value Subscription"),
            ("campus", "Campus Agreement"),
            ("school", "School Agreement"),
            ("spla", "Services Provider License Agreement"),
            ("isv-royalty", "ISV Royalty Licensing Program"),
            ("hvms", "High Volume Messaging Services Agreement"),
            ("csp", "Cloud Solution Provider"),
        ]
    );
    pin!(
        Answer,
        "unknown answer \"no-such-value\": expected one of documented, derived, documented-no, derived-no, undocumented",
        [
            ("documented", "yes (documented)"),
            ("derived", "yes (derived from a documented rule)"),
            ("documented-no", "no (documented)"),
            ("derived-no", "no (derived from a documented rule)"),
            ("undocumented", "undocumented"),
        ]
    );
    pin!(
        Basis,
        "unknown basis \"no-such-value\": expected a basis ID such as activation-versions-table or product-group-hierarchy",
        [
            (
                "activation-versions-table",
                "listed in the current KMS activation versions table"
            ),
            (
                "activation-versions-2019",
                "listed for the Windows Server 2019 host key (current table and Windows Server 2019 Activation page)"
            ),
            (
                "activation-versions-2012-r2-for-windows-10",
                "listed for the Windows Server 2012 R2 for Windows 10 host key (Windows Server 2016/2019 Activation pages)"
            ),
            (
                "step1-table",
                "listed in Step 1: Review and Select Activation Methods (Windows Server 2012 R2)"
            ),
            (
                "step1-and-table7",
                "listed in Step 1 and Table 7 (Windows Server 2012 R2 references)"
            ),
            (
                "table7",
                "listed in Table 7 (Windows Server 2012 R2 Volume Activation Technical Reference)"
            ),
            (
                "vista-key-table",
                "listed for the Windows Vista host key (Table 7, Volume Activation 2.0 key groups)"
            ),
            (
                "va2-group-b-example",
                "the Server Group B example of Changes to Volume Activation 2.0"
            ),
            (
                "product-group-hierarchy",
                "derived from the product key group hierarchy (a key activates its own group and lower groups)"
            ),
            (
                "later-generation",
                "derived from the key hierarchy: a KMS host key activates its own and earlier generations, never a later one (\"The KMS key for the newer Windows products will also activate the previous generation\")"
            ),
            (
                "later-generation-kb3086418",
                "KB3086418: to activate Windows 10 a Windows Server 2012 R2 KMS host needs the updated \"Windows Server 2012 R2 for Windows 10\" host key"
            ),
            (
                "ltsc-later-year",
                "the key's row names its LTSB/LTSC releases by year; a release of a later year is a later generation, which the key does not activate"
            ),
            (
                "previous-generation",
                "derived: \"The KMS key for the newer Windows products will also activate the previous generation\" (and a key activates its own product group)"
            ),
            (
                "office-older-key-newer-version",
                "derived: Office needs a KMS host key for each version (\"activate a KMS host key for each version of Office\"); an older version's key cannot know a newer version"
            ),
            (
                "sbs-kms-not-offered",
                "KMS isn't offered for Small Business Server 2011; each edition uses a MAK (Volume Licensing FAQ)"
            ),
            (
                "windows-11-not-listed",
                "Microsoft lists Windows 11 only under the Windows Server 2022 and 2025 host keys; it says neither yes nor no for this key"
            ),
            (
                "ltsc-release-not-listed",
                "no table names this LTSB/LTSC release for this key (the 2019, 2022 and 2025 rows say \"Windows 10 Enterprise LTSC/LTSC N/LTSB\" without a year)"
            ),
            (
                "iot-ltsc-not-listed",
                "Windows IoT Enterprise LTSC appears in no host key table"
            ),
            (
                "not-listed",
                "not listed in any Microsoft table read, and no documented rule decides it"
            ),
            (
                "client-key-activates-only-clients",
                "a KMS host on a Windows client activates only Windows client (and a client key cannot be installed on Windows Server)"
            ),
            (
                "vista-keys-stop-at-vista",
                "Windows Server 2008 and Windows Vista keys cannot activate Windows 7 or Windows Server 2008 R2 and later"
            ),
            (
                "newer-server-needs-newer-key",
                "activating a Windows Server newer than the host key needs a newer host key"
            ),
            (
                "office-key-per-version",
                "Office needs the Office host key of its own version (one per version; Windows keys do not activate Office)"
            ),
            (
                "office-key-per-version-older",
                "derived for Office 2010/2013 from the per-version host packs and keys"
            ),
            (
                "office-other-version",
                "no Microsoft page says an Office host key activates another Office version"
            ),
            (
                "host-os-table",
                "listed as a host OS for this key (KMS activation planning, Windows Server 2016/2019 Activation)"
            ),
            (
                "host-os-step1",
                "listed as a host OS in Step 1: Review and Select Activation Methods"
            ),
            (
                "host-os-windows-7-guide",
                "listed as a host OS in the Windows 7 Volume Activation guides and Table 7"
            ),
            (
                "host-os-ws2008-blog",
                "listed as a host OS in Volume Activation of Windows Server 2008 (Microsoft blog)"
            ),
            (
                "client-key-not-on-server",
                "a client KMS key can't be installed into the KMS in Windows Server"
            ),
            (
                "azure-edition-cannot-host",
                "Windows Server Datacenter: Azure Edition is activated by Azure and can't be a KMS host"
            ),
            (
                "windows-10-key-not-on-2016",
                "the Windows Server 2012 R2 for Windows 10 host key cannot be installed on Windows Server 2016"
            ),
            (
                "office-host-os",
                "listed as a host OS for this Office version's host pack"
            ),
            (
                "office-host-os-2013",
                "listed as an Office 2013 host OS (Volume activation methods in Office 2013)"
            ),
            (
                "office-host-os-2010",
                "listed as an Office 2010 host OS (Microsoft support blog)"
            ),
            (
                "office-host-os-2010-only",
                "only Windows Server 2003, Windows 7 volume editions and Windows Server 2008 R2 are supported as Office 2010 KMS hosts; Windows Server 2008 isn't covered (Volume Licensing FAQ)"
            ),
            (
                "host-os-own-release",
                "derived: the key runs on the release it is named for (Table 7 lists KMS hosts running Windows Server 2012 and Windows 8 with their KMS keys)"
            ),
            (
                "required-updates-plan-over-step1",
                "the update table of KMS activation planning (2025) names a newer update than Step 1 (2012 R2 planning) for this host and client; the newer text wins"
            ),
            (
                "required-updates-table",
                "the update table of KMS activation planning"
            ),
            (
                "required-updates-step1",
                "the updates named in Step 1: Review and Select Activation Methods"
            ),
            (
                "required-updates-kb968912",
                "KB968912 extends Vista / Windows Server 2008 KMS hosts to Windows 7 / 2008 R2"
            ),
            (
                "host-os-not-listed",
                "not listed as a host OS for this key, and no documented rule decides it"
            ),
            (
                "cannot-update-2008-r2",
                "Windows Server 2008 R2 KMS hosts cannot be updated to activate Windows Server 2016 or newer"
            ),
            (
                "cannot-update-vista-for-windows-10",
                "Windows Vista and Windows Server 2008 KMS hosts cannot activate Windows 10"
            ),
            (
                "step1-conflicts-with-table7",
                "Step 1 names KB2885698 for Windows Server 2008 KMS hosts activating Windows Server 2012 R2; Table 7 says Windows Vista and Windows Server 2008 cannot activate Windows Server 2012 R2"
            ),
            (
                "not-newer-than-host",
                "updates are required only to activate a Windows newer than the KMS host"
            ),
        ]
    );
    pin!(
        CaptureFormat,
        "unknown capture format \"no-such-value\": expected one of slmgr-dlv, slmgr-dli, slmgr-xpr, ospp-dstatus, wmi-list, wmi-json, oslicense-list, oslicense-json, look-alike",
        [
            ("slmgr-dlv", "slmgr.vbs /dlv"),
            ("slmgr-dli", "slmgr.vbs /dli"),
            ("slmgr-xpr", "slmgr.vbs /xpr"),
            ("ospp-dstatus", "cscript ospp.vbs /dstatus"),
            (
                "wmi-list",
                "Get-CimInstance SoftwareLicensing* | Format-List"
            ),
            (
                "wmi-json",
                "Get-CimInstance SoftwareLicensing* | ConvertTo-Json"
            ),
            ("oslicense-list", "Get-OSLicenseInfo | Format-List"),
            ("oslicense-json", "Get-OSLicenseInfo | ConvertTo-Json"),
            (
                "look-alike",
                "a third-party activation check script (not Microsoft's output)"
            ),
        ]
    );
    pin!(
        Channel,
        "unknown channel \"no-such-value\": expected a channel ID such as volume-gvlk, volume-mak, retail or oem-dm",
        [
            ("retail", "Retail"),
            ("oem-dm", "OEM:DM"),
            ("oem-slp", "OEM:SLP"),
            ("oem-nonslp", "OEM:NONSLP"),
            ("oem-coa", "OEM:COA"),
            ("volume-mak", "Volume:MAK"),
            ("volume-csvlk", "Volume:CSVLK"),
            ("volume-gvlk", "Volume:GVLK"),
            ("avma", "AVMA"),
            ("timebased-eval", "TIMEBASED_EVAL"),
        ]
    );
    pin!(
        Confidence,
        "unknown confidence \"no-such-value\": expected one of documented, derived, unverified",
        [
            ("documented", "documented"),
            ("derived", "derived from a documented rule"),
            ("unverified", "unverified"),
        ]
    );
    pin!(
        DateOrder,
        "unknown date order \"no-such-value\": expected one of month-first, day-first",
        [
            ("month-first", "Month first (M/D/Y)"),
            ("day-first", "Day first (D/M/Y)"),
        ]
    );
    pin!(
        Edition,
        "unknown edition \"no-such-value\": expected an edition ID such as pro, enterprise-ltsc, datacenter or professional-plus",
        [
            ("business", "Business"),
            ("business-n", "Business N"),
            ("pro", "Pro"),
            ("pro-n", "Pro N"),
            ("pro-e", "Professional E"),
            ("pro-for-workstations", "Pro for Workstations"),
            ("pro-for-workstations-n", "Pro for Workstations N"),
            ("pro-education", "Pro Education"),
            ("pro-education-n", "Pro Education N"),
            ("education", "Education"),
            ("education-n", "Education N"),
            ("enterprise", "Enterprise"),
            ("enterprise-n", "Enterprise N"),
            ("enterprise-e", "Enterprise E"),
            ("enterprise-g", "Enterprise G"),
            ("enterprise-g-n", "Enterprise G N"),
            ("enterprise-ltsc", "Enterprise LTSC"),
            ("enterprise-n-ltsc", "Enterprise N LTSC"),
            ("iot-enterprise-ltsc", "IoT Enterprise LTSC"),
            ("standard", "Standard"),
            ("datacenter", "Datacenter"),
            ("datacenter-azure-edition", "Datacenter: Azure Edition"),
            ("essentials", "Essentials"),
            ("web", "Web"),
            ("hpc", "HPC"),
            ("itanium", "for Itanium-Based Systems"),
            ("standard-without-hyper-v", "Standard without Hyper-V"),
            ("enterprise-without-hyper-v", "Enterprise without Hyper-V"),
            ("datacenter-without-hyper-v", "Datacenter without Hyper-V"),
            ("multipoint-standard", "MultiPoint Standard"),
            ("multipoint-premium", "MultiPoint Premium"),
            ("base", "(no edition name)"),
            ("base-n", "N"),
            ("single-language", "Single Language"),
            ("country-specific", "Country Specific"),
            ("premium", "Premium"),
            ("premium-add-on", "Premium Add-on"),
            ("professional-plus", "Professional Plus"),
            ("project-professional", "Project Professional"),
            ("project-standard", "Project Standard"),
            ("visio-premium", "Visio Premium"),
            ("visio-professional", "Visio Professional"),
            ("visio-standard", "Visio Standard"),
            ("access", "Access"),
            ("excel", "Excel"),
            ("infopath", "InfoPath"),
            ("onenote", "OneNote"),
            ("outlook", "Outlook"),
            ("powerpoint", "PowerPoint"),
            ("publisher", "Publisher"),
            ("sharepoint-workspace", "SharePoint Workspace"),
            ("lync", "Lync"),
            ("skype-for-business", "Skype for Business"),
            ("word", "Word"),
        ]
    );
    pin!(
        Entitlement,
        "unknown entitlement \"no-such-value\": expected one of granted, undocumented",
        [("granted", "Granted"), ("undocumented", "Undocumented"),]
    );
    pin!(
        ExpiryMode,
        "unknown expiry mode \"no-such-value\": expected one of notification, reduced-functionality",
        [
            ("notification", "Notification mode"),
            ("reduced-functionality", "Reduced functionality mode"),
        ]
    );
    pin!(
        Family,
        "unknown family \"no-such-value\": expected one of client, server, office",
        [
            ("client", "Windows client"),
            ("server", "Windows Server"),
            ("office", "Office"),
        ]
    );
    pin!(
        FaqAdvice,
        "unknown faq advice \"no-such-value\": expected one of mak-with-vamt, kms-preferred",
        [
            ("mak-with-vamt", "MAK with VAMT"),
            ("kms-preferred", "KMS preferred"),
        ]
    );
    pin!(
        Cause,
        "unknown cause \"no-such-value\": expected one of no-kms-host, kms-host-below-threshold, wrong-host-key, kms-renewal-failing, mak-not-activated, not-activated, evaluation-ending, non-genuine",
        [
            (
                "no-kms-host",
                "grace running out without a reachable KMS host"
            ),
            (
                "kms-host-below-threshold",
                "KMS host below the activation threshold"
            ),
            ("wrong-host-key", "wrong KMS host key"),
            ("kms-renewal-failing", "KMS activation not renewed"),
            ("mak-not-activated", "MAK not activated"),
            ("not-activated", "not activated"),
            ("evaluation-ending", "evaluation ending"),
            ("non-genuine", "non-genuine"),
        ]
    );
    pin!(
        Evidence,
        "unknown evidence \"no-such-value\": expected one of activation-id, product-name, edition-name, build-number",
        [
            ("activation-id", "Activation ID"),
            ("product-name", "product name"),
            ("edition-name", "edition name"),
            ("build-number", "build number"),
        ]
    );
    pin!(
        IdentificationOutcome,
        "unknown identification outcome \"no-such-value\": expected one of identified, ambiguous, contradictory, unknown",
        [
            ("identified", "identified"),
            ("ambiguous", "ambiguous"),
            ("contradictory", "contradictory"),
            ("unknown", "unknown"),
        ]
    );
    pin!(
        FindingKind,
        "unknown finding kind \"no-such-value\": expected one of product, state, deadline, error-code, activation, kms-client, kms-host, kms-count, capture",
        [
            ("product", "Product"),
            ("state", "State"),
            ("deadline", "Deadline"),
            ("error-code", "Error code"),
            ("activation", "Activation"),
            ("kms-client", "KMS client"),
            ("kms-host", "KMS host"),
            ("kms-count", "KMS count"),
            ("capture", "Capture"),
        ]
    );
    pin!(
        FleetRecord,
        "unknown fleet record \"no-such-value\": expected one of fleet, domain, machine, kms-host, mak-key, rollout-wave",
        [
            ("fleet", "fleet"),
            ("domain", "domain"),
            ("machine", "machine"),
            ("kms-host", "KMS host"),
            ("mak-key", "MAK key"),
            ("rollout-wave", "rollout wave"),
        ]
    );
    pin!(
        Hardware,
        "unknown hardware \"no-such-value\": expected one of physical, virtual",
        [("physical", "Physical"), ("virtual", "Virtual machine"),]
    );
    pin!(
        KeyDelivery,
        "unknown key delivery \"no-such-value\": expected one of per-product-pool, per-purchase, vlsc-product-keys, activation-center-only, undocumented",
        [
            (
                "per-product-pool",
                "Keys per product pool (systems, servers, applications)"
            ),
            ("per-purchase", "Keys based on the licence purchase"),
            ("vlsc-product-keys", "Keys on the VLSC Product Keys page"),
            (
                "activation-center-only",
                "Keys only from the Microsoft Activation Center"
            ),
            ("undocumented", "Undocumented"),
        ]
    );
    pin!(
        KeyKind,
        "unknown key kind \"no-such-value\": expected one of retail, oem, setup-key, mak, kms-host, kms-client, avma, timebased-eval, subscription",
        [
            ("retail", "Retail"),
            ("oem", "OEM"),
            ("setup-key", "Setup key"),
            ("mak", "Multiple Activation Key (MAK)"),
            ("kms-host", "KMS host key (CSVLK)"),
            ("kms-client", "KMS client setup key (GVLK)"),
            ("avma", "Automatic Virtual Machine Activation (AVMA) key"),
            ("timebased-eval", "Time-based evaluation"),
            ("subscription", "Subscription"),
        ]
    );
    pin!(
        KmsApplication,
        "unknown kms application \"no-such-value\": expected one of windows, office",
        [("windows", "Windows"), ("office", "Office"),]
    );
    pin!(
        KmsHostKey,
        "unknown kms host key \"no-such-value\": expected a host key ID such as windows-server-2022, windows-10, windows-server-2008-r2-group-c or office-ltsc-2024",
        [
            (
                "windows-server-2025",
                "Volume License for Windows Server 2025"
            ),
            (
                "windows-server-2022",
                "Volume License for Windows Server 2022"
            ),
            (
                "windows-server-2019",
                "Volume License for Windows Server 2019"
            ),
            (
                "windows-server-2016",
                "Volume License for Windows Server 2016"
            ),
            (
                "windows-server-2012-r2-for-windows-10",
                "Volume License for Windows Server 2012 R2 for Windows 10"
            ),
            (
                "windows-server-2012-r2",
                "Volume License for Windows Server 2012 R2"
            ),
            (
                "windows-server-2012",
                "Volume License for Windows Server 2012"
            ),
            (
                "windows-server-2008-r2-group-c",
                "Windows Server 2008 R2 Server Group C (KMS_C)"
            ),
            (
                "windows-server-2008-r2-group-b",
                "Windows Server 2008 R2 Server Group B (KMS_B)"
            ),
            (
                "windows-server-2008-r2-group-a",
                "Windows Server 2008 R2 Server Group A (KMS_A)"
            ),
            (
                "windows-server-2008-group-c",
                "Windows Server 2008 Server Group C"
            ),
            (
                "windows-server-2008-group-b",
                "Windows Server 2008 Server Group B"
            ),
            (
                "windows-server-2008-group-a",
                "Windows Server 2008 Server Group A"
            ),
            ("windows-10", "Volume License for Windows 10"),
            ("windows-8.1", "Volume License for Windows 8.1"),
            ("windows-8", "Volume License for Windows 8"),
            ("windows-7", "Windows 7 client KMS host key (Client VL)"),
            (
                "windows-vista",
                "Windows Vista client KMS host key (Vista VL)"
            ),
            ("office-ltsc-2024", "Office LTSC 2024 KMS host key"),
            ("office-ltsc-2021", "Office LTSC 2021 KMS host key"),
            ("office-2019", "Office 2019 KMS host key"),
            ("office-2016", "Office 2016 KMS host key"),
            ("office-2013", "Office 2013 KMS host key"),
            ("office-2010", "Office 2010 KMS host key"),
        ]
    );
    pin!(
        LicenseStatus,
        "unknown licence status \"no-such-value\": expected one of unlicensed, licensed, oob-grace, oot-grace, non-genuine-grace, notification, extended-grace",
        [
            ("unlicensed", "Unlicensed"),
            ("licensed", "Licensed"),
            ("oob-grace", "Initial grace period"),
            (
                "oot-grace",
                "Additional grace period (KMS license expired or hardware out of tolerance)"
            ),
            ("non-genuine-grace", "Non-genuine grace period"),
            ("notification", "Notification"),
            ("extended-grace", "Extended grace period"),
        ]
    );
    pin!(
        MakActivationMethod,
        "unknown mak activation method \"no-such-value\": expected one of independent, proxy",
        [
            ("independent", "MAK Independent Activation"),
            ("proxy", "MAK Proxy Activation (VAMT)"),
        ]
    );
    pin!(
        MakAllotmentBasis,
        "unknown mak allotment basis \"no-such-value\": expected one of licence-count-with-headroom, price-level, undocumented",
        [
            (
                "licence-count-with-headroom",
                "Licence count, with headroom"
            ),
            ("price-level", "Per pricing level (A-D)"),
            ("undocumented", "Undocumented"),
        ]
    );
    pin!(
        PriceLevel,
        "unknown price level \"no-such-value\": expected one of a, b, c, d",
        [
            ("a", "Level A"),
            ("b", "Level B"),
            ("c", "Level C"),
            ("d", "Level D"),
        ]
    );
    pin!(
        ProductClass,
        "unknown product class \"no-such-value\": expected one of windows-client, windows-server, office",
        [
            ("windows-client", "Windows client"),
            ("windows-server", "Windows Server"),
            ("office", "Office"),
        ]
    );
    pin!(
        ProductPool,
        "unknown product pool \"no-such-value\": expected one of systems, servers, applications",
        [
            ("systems", "Systems"),
            ("servers", "Servers"),
            ("applications", "Applications"),
        ]
    );
    pin!(
        ProgramRight,
        "unknown program right \"no-such-value\": expected one of reimaging, downgrade, evaluation, training-and-backup-copies",
        [
            ("reimaging", "Reimaging rights"),
            ("downgrade", "Downgrade rights"),
            ("evaluation", "Evaluation rights"),
            (
                "training-and-backup-copies",
                "Limited copies for training and back-up"
            ),
        ]
    );
    pin!(
        RecommendedMethod,
        "unknown recommended method \"no-such-value\": expected one of adba, avma, kms, mak-independent, mak-proxy, outside-volume-activation",
        [
            ("adba", "Active Directory-based activation"),
            ("avma", "Automatic Virtual Machine Activation"),
            ("kms", "Key Management Service"),
            ("mak-independent", "MAK independent activation"),
            ("mak-proxy", "MAK proxy activation (VAMT)"),
            ("outside-volume-activation", "Outside volume activation"),
        ]
    );
    pin!(
        ReimagingRequirement,
        "unknown reimaging requirement \"no-such-value\": expected one of identical-product, identical-product-and-one-purchased-unit, undocumented",
        [
            (
                "identical-product",
                "Copies identical to the originally licensed product"
            ),
            (
                "identical-product-and-one-purchased-unit",
                "Identical product, and at least one purchased unit"
            ),
            ("undocumented", "Undocumented"),
        ]
    );
    pin!(
        Release,
        "unknown release \"no-such-value\": expected a release ID such as windows-11, windows-server-2022 or office-ltsc-2024",
        [
            ("windows-vista", "Windows Vista"),
            ("windows-7", "Windows 7"),
            ("windows-8", "Windows 8"),
            ("windows-8.1", "Windows 8.1"),
            ("windows-10", "Windows 10"),
            ("windows-10-ltsb-2015", "Windows 10 LTSB 2015"),
            ("windows-10-ltsb-2016", "Windows 10 LTSB 2016"),
            ("windows-10-ltsc-2019", "Windows 10 LTSC 2019"),
            ("windows-11", "Windows 11"),
            ("windows-10-ltsc-2021", "Windows 10 LTSC 2021"),
            ("windows-11-ltsc-2024", "Windows 11 LTSC 2024"),
            ("windows-server-2008", "Windows Server 2008"),
            (
                "small-business-server-2008",
                "Windows Small Business Server 2008"
            ),
            ("windows-server-2008-r2", "Windows Server 2008 R2"),
            (
                "small-business-server-2011",
                "Windows Small Business Server 2011"
            ),
            ("windows-server-2012", "Windows Server 2012"),
            ("windows-server-2012-r2", "Windows Server 2012 R2"),
            ("windows-server-2016", "Windows Server 2016"),
            ("windows-server-1709", "Windows Server, version 1709"),
            ("windows-server-1803", "Windows Server, version 1803"),
            ("windows-server-2019", "Windows Server 2019"),
            (
                "windows-server-sac",
                "Windows Server Semi-Annual Channel (versions 1809 to 20H2)"
            ),
            ("windows-server-2022", "Windows Server 2022"),
            ("windows-server-2025", "Windows Server 2025"),
            ("office-2010", "Office 2010"),
            ("office-2013", "Office 2013"),
            ("office-2016", "Office 2016"),
            ("office-2019", "Office 2019"),
            ("office-ltsc-2021", "Office LTSC 2021"),
            ("office-ltsc-2024", "Office LTSC 2024"),
        ]
    );
    pin!(
        RiskCause,
        "unknown risk cause \"no-such-value\": expected one of threshold-after-grace, mak-activations-short, no-mak-key",
        [
            (
                "threshold-after-grace",
                "KMS threshold reached after the grace period"
            ),
            ("mak-activations-short", "MAK activations short"),
            ("no-mak-key", "No MAK for the product"),
        ]
    );
    pin!(
        SbsMak,
        "unknown sbs mak \"no-such-value\": expected one of win-sbs-std-essentials-2011, windows-server-2008-r2-mak-b",
        [
            (
                "win-sbs-std-essentials-2011",
                "Win SBS Std/Essentials 2011 MAK"
            ),
            (
                "windows-server-2008-r2-mak-b",
                "Windows Server 2008 R2 MAK B"
            ),
        ]
    );
    pin!(
        SetupKeySource,
        "unknown setup key source \"no-such-value\": expected one of media-sleeve, download, vlsc-download-screen, activation-call-center",
        [
            (
                "media-sleeve",
                "Printed on the media sleeve (physical fulfilment)"
            ),
            (
                "download",
                "Provided with the download (download fulfilment)"
            ),
            ("vlsc-download-screen", "Shown on the VLSC download screen"),
            ("activation-call-center", "From the Activation Call Center"),
        ]
    );
    pin!(
        Severity,
        "unknown severity \"no-such-value\": expected one of error, warning",
        [("error", "Error"), ("warning", "Warning"),]
    );
    pin!(
        UnitsPurchased,
        "unknown units purchased \"no-such-value\": expected one of none, at-least-one",
        [
            ("none", "No unit purchased"),
            ("at-least-one", "At least one unit purchased"),
        ]
    );
    pin!(
        UpdateNeed,
        "unknown update need \"no-such-value\": expected one of not-needed, required, cannot-be-updated, undocumented",
        [
            ("not-needed", "no update needed"),
            ("required", "update required"),
            ("cannot-be-updated", "cannot be updated"),
            ("undocumented", "undocumented"),
        ]
    );
}
