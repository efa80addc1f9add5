//! Reading one printed field into a record: the key table shared by every format.
//!
//! Keys are matched ASCII case-insensitively with spaces ignored, so slmgr's `Partial Product
//! Key`, WMI's `PartialProductKey` and ospp's labels meet in one table.
//! Sources for the printed labels: slmgr.vbs message strings (`L_Msg*`, as shipped in
//! `%windir%\System32\slmgr.vbs`); WMI property names: SoftwareLicensingProduct /
//! SoftwareLicensingService, <https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct>;
//! OSLicense: <https://learn.microsoft.com/powershell/module/oslicense>.

use super::capture::ParseOptions;
use super::record::{ExpiryKind, LicenseRecord, Remaining};
use super::values;
use crate::catalog::{ApplicationId, Channel, Guid, Recognized, Sku};
use crate::lifecycle::LicenseStatus;

/// Per-record parse state that is not part of the record.
#[derive(Debug, Default)]
pub(crate) struct RecordState {
    /// WMI said this is not a KMS host (`IsKeyManagementServiceMachine` 0, or a -1 count).
    pub(crate) not_kms_host: bool,
    /// WMI said this is a KMS host.
    pub(crate) is_kms_host: bool,
    /// A channel was read from a channel line: whether exactly (a whole channel name) or by
    /// a family prefix. The most specific statement wins: an exact reading over a prefix one,
    /// and the line over the description when both are as specific.
    pub(crate) channel_line_exact: Option<bool>,
}

/// What happened to a field.
pub(crate) enum Applied {
    /// Read into a typed value (or a sentinel that means "none").
    Recognised,
    /// A key this crate does not read; kept raw.
    Unknown,
    /// A known key with a value that cannot be read: what was expected.
    Bad(&'static str),
}

/// The longest key [`norm`] reads, in UTF-8 bytes (Cyrillic letters take two, CJK three);
/// longer keys match nothing.
pub(crate) const NORM_MAX: usize = 160;

/// `key` lowercased with spaces and underscores removed, written into `buf` (on the caller's
/// stack: no allocation, and no copy of the buffer on the hot path). Keys longer than the
/// buffer match nothing.
///
/// Letters outside ASCII are kept (lowercased, as UTF-8), so that labels printed in other
/// display languages (`ライセンスの状態`) stay distinct; every Unicode space (the no-break
/// space, the ideographic space) is dropped like an ASCII one.
pub(crate) fn norm<'b>(key: &str, buf: &'b mut [u8; NORM_MAX]) -> &'b [u8] {
    let mut len = 0_usize;
    for c in key.chars() {
        if c.is_whitespace() || c == '_' {
            continue;
        }
        if c.is_ascii() {
            let Some(slot) = buf.get_mut(len) else {
                return &[];
            };
            *slot = u8::try_from(c.to_ascii_lowercase()).unwrap_or(b'?');
            len = len.saturating_add(1);
            continue;
        }
        for l in c.to_lowercase() {
            let mut utf8 = [0_u8; 4];
            for b in l.encode_utf8(&mut utf8).bytes() {
                let Some(slot) = buf.get_mut(len) else {
                    return &[];
                };
                *slot = b;
                len = len.saturating_add(1);
            }
        }
    }
    buf.get(..len).unwrap_or_default()
}

fn guid(v: &str) -> Result<Guid, &'static str> {
    Guid::parse(v).map_err(|_| "a GUID such as 55c92734-d682-4d71-983e-d6ec3f16059f")
}

/// Statement lines (no value) that set something.
fn statement(r: &mut LicenseRecord, text: &str) -> Applied {
    match norm(text.trim_end_matches('.'), &mut [0; NORM_MAX]) {
        b"keymanagementserviceisenabledonthismachine" => {
            r.kms_host_mut();
        }
        b"dnspublishingenabled" => r.kms_host_mut().dns_publishing = Some(true),
        b"dnspublishingdisabled" => r.kms_host_mut().dns_publishing = Some(false),
        b"kmshostcachingisenabled" => r.kms_client_mut().host_caching = Some(true),
        b"kmshostcachingisdisabled" => r.kms_client_mut().host_caching = Some(false),
        b"themachineispermanentlyactivated" => {
            r.permanent = true;
            r.status = Some(LicenseStatus::Licensed);
        }
        b"keymanagementserviceclientinformation"
        | b"mostrecentactivationinformation:"
        | b"mostrecentactivationinformation"
        | b"keymanagementservicecumulativerequestsreceivedfromclients"
        | b"thislicenseisnotinuse" => {}
        _ => return Applied::Unknown,
    }
    Applied::Recognised
}

/// Applies one `key: value` (or a statement when `value` is `None`) to the record.
pub(crate) fn apply(
    r: &mut LicenseRecord,
    st: &mut RecordState,
    key: &str,
    value: Option<&str>,
    opts: &ParseOptions,
) -> Applied {
    let Some(v) = value else {
        return statement(r, key);
    };
    let v = v.trim_ascii();
    if v.is_empty() {
        if let Applied::Recognised = statement(r, key) {
            return Applied::Recognised;
        }
    }
    let mut buf = [0; NORM_MAX];
    let k = norm(key, &mut buf);
    // A label printed in another display language reads as its English label.
    let k = super::locale::english_key(k).unwrap_or(k);
    match apply_value(r, st, k, v, opts) {
        Ok(true) => Applied::Recognised,
        Ok(false) => Applied::Unknown,
        Err(e) => Applied::Bad(e),
    }
}

/// What a repeated field with a different value is told (its line is kept raw, the first
/// value stays).
const REPEATED: &str = "each field once per record (an earlier line of this record gave a different value, which is kept)";

/// Sets `slot` from `v` with `read`, leaving it `None` for a sentinel. A field already set
/// keeps its first value: the same value again is fine, a different one is refused with
/// [`REPEATED`] (the caller warns, naming the line).
fn set<T: PartialEq>(
    slot: &mut Option<T>,
    v: &str,
    read: impl FnOnce(&str) -> Result<T, &'static str>,
) -> Result<bool, &'static str> {
    if !values::is_sentinel(v) {
        let value = read(v)?;
        match slot {
            Some(first) if *first != value => return Err(REPEATED),
            Some(_) => {}
            None => *slot = Some(value),
        }
    }
    Ok(true)
}

fn port_of(v: &str, sentinel: bool) -> Result<Option<u16>, &'static str> {
    if sentinel { Ok(None) } else { values::port(v) }
}

/// Free text (a name, description or extended PID), any full product key in it redacted.
fn text(v: &str) -> Result<String, &'static str> {
    Ok(super::record::redact(v))
}

/// Sets a count slot; WMI's "not applicable" leaves it `None` (recognised, no warning).
fn set_count(slot: &mut Option<u32>, v: &str) -> Result<bool, &'static str> {
    if values::count(v)?.is_none() {
        return Ok(true);
    }
    set(slot, v, |v| values::count(v)?.ok_or("a count"))
}

fn u64_count(v: &str) -> Result<Option<u64>, &'static str> {
    Ok(values::count(v)?.map(u64::from))
}

#[allow(clippy::too_many_lines)] // one flat table of labels reads best
fn apply_value(
    r: &mut LicenseRecord,
    st: &mut RecordState,
    k: &[u8],
    v: &str,
    opts: &ParseOptions,
) -> Result<bool, &'static str> {
    let sentinel = values::is_sentinel(v);
    match k {
        b"name" | b"licensename" => set(&mut r.name, v, text),
        b"description" | b"licensedescription" => {
            // The channel is read from the description in `finish`, unless a channel line
            // said it.
            set(&mut r.description, v, text)
        }
        b"activationid" | b"id" | b"skuid" => set(&mut r.activation_id, v, guid),
        b"applicationid" => set(&mut r.application_id, v, |v| {
            ApplicationId::parse(v)
                .map_err(|_| "a GUID such as 55c92734-d682-4d71-983e-d6ec3f16059f")
        }),
        b"extendedpid" | b"productkeyid" => set(&mut r.extended_pid, v, text),
        b"productkeychannel" => {
            if !sentinel {
                let (c, exact) = Channel::read_printed(v)
                    .ok_or("a channel such as Volume:GVLK, Volume:MAK, Retail or OEM:DM")?;
                r.channel = Some(c);
                st.channel_line_exact = Some(exact);
            }
            Ok(true)
        }
        b"partialproductkey" | b"last5charactersofinstalledproductkey" => {
            set(&mut r.partial_key, v, |v| {
                if v.chars().count() == 5 && v.chars().all(|c| c.is_ascii_alphanumeric()) {
                    Ok(v.to_owned())
                } else {
                    Err("the last five characters of a product key")
                }
            })
        }
        b"licensestatus" => set(&mut r.status, v, |v| {
            LicenseStatus::parse_lenient(v)
                .or_else(|e| super::locale::status(v).ok_or(e))
                .or_else(|e| {
                    // Paste damage: stray spaces inside ospp's `---OOB_ GRACE---` token.
                    if v.starts_with("---") && v.contains(' ') {
                        let joined: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                        LicenseStatus::parse_lenient(&joined)
                    } else {
                        Err(e)
                    }
                })
                .map_err(|_| {
                    "a licence status such as Licensed, Initial grace period, ---OOB_GRACE--- or 0 to 6"
                })
        }),
        b"notificationreason" | b"licensestatusreason" | b"errorcode" => {
            set(&mut r.status_reason, v, values::hresult)
        }
        b"volumeactivationexpiration"
        | b"timebasedactivationexpiration"
        | b"automaticvmactivationexpiration"
        | b"timeremaining"
        | b"remaininggrace"
        | b"graceperiodremaining" => {
            let kind = match k {
                b"volumeactivationexpiration" => ExpiryKind::Volume,
                b"timebasedactivationexpiration" => ExpiryKind::TimeBased,
                b"automaticvmactivationexpiration" => ExpiryKind::AutomaticVm,
                b"timeremaining" => ExpiryKind::Grace,
                _ => ExpiryKind::Unnamed,
            };
            if r.remaining.is_none() {
                r.expiry_kind = Some(kind);
            }
            if values::is_unlimited(v) {
                r.remaining = Some(Remaining::Unlimited);
                return Ok(true);
            }
            // WMI's 4294967295 (or -1) is "not applicable", never a number of minutes.
            if values::is_not_applicable(v) {
                return Ok(true);
            }
            set(&mut r.remaining, v, values::remaining)
        }
        b"evaluationenddate" => time(&mut r.evaluation_end, v, opts),
        b"trustedtime" => time(&mut r.trusted_time, v, opts),
        b"clientmachineid(cmid)" | b"clientmachineid" => set(&mut r.client_machine_id, v, guid),
        // Two separate counters, each with WMI's "not applicable" (4294967295 or -1) as none.
        b"remainingwindowsrearmcount" | b"remainingapprearmcount" => {
            set_count(&mut r.windows_rearm_count, v)
        }
        b"remainingskurearmcount" => set_count(&mut r.sku_rearm_count, v),
        // KMS client.
        b"registeredkmsmachinename" | b"kmsmachineregistryoverridedefined" => {
            if !sentinel {
                let (h, p) = values::host_port(v)?;
                let c = r.kms_client_mut();
                c.registered_host = Some(super::record::redact(&h));
                c.registered_port = p.or(c.registered_port);
            }
            Ok(true)
        }
        b"keymanagementservicemachine" => {
            if !sentinel {
                r.kms_client_mut().registered_host = Some(super::record::redact(v));
            }
            Ok(true)
        }
        b"keymanagementserviceport" => {
            if let Some(p) = port_of(v, sentinel)? {
                r.kms_client_mut().registered_port = Some(p);
            }
            Ok(true)
        }
        b"registeredkmssrvrecordlookupdomain" | b"keymanagementservicelookupdomain" => {
            if !sentinel {
                r.kms_client_mut().lookup_domain = Some(super::record::redact(v));
            }
            Ok(true)
        }
        b"kmsmachinenamefromdns" => {
            if !sentinel {
                let (h, p) = values::host_port(v)?;
                let c = r.kms_client_mut();
                c.discovered_host = Some(super::record::redact(&h));
                c.discovered_port = p.or(c.discovered_port);
            }
            Ok(true)
        }
        b"discoveredkeymanagementservicemachinename" => {
            if !sentinel {
                r.kms_client_mut().discovered_host = Some(super::record::redact(v));
            }
            Ok(true)
        }
        b"discoveredkeymanagementservicemachineport" => {
            if let Some(p) = port_of(v, sentinel)? {
                r.kms_client_mut().discovered_port = Some(p);
            }
            Ok(true)
        }
        b"kmsmachineipaddress" | b"discoveredkeymanagementservicemachineipaddress" => {
            if !sentinel {
                r.kms_client_mut().discovered_ip = Some(super::record::redact(v));
            }
            Ok(true)
        }
        b"kmsmachineextendedpid" | b"keymanagementserviceproductkeyid" => {
            if !sentinel {
                r.kms_client_mut().host_extended_pid = Some(super::record::redact(v));
            }
            Ok(true)
        }
        b"activationinterval" | b"vlactivationinterval" => {
            if !sentinel && !values::is_not_applicable(v) {
                r.kms_client_mut().activation_interval = Some(values::minutes(v)?);
            }
            Ok(true)
        }
        b"renewalinterval" | b"vlrenewalinterval" => {
            if !sentinel && !values::is_not_applicable(v) {
                r.kms_client_mut().renewal_interval = Some(values::minutes(v)?);
            }
            Ok(true)
        }
        b"kmshostcaching" | b"keymanagementservicehostcaching" => {
            if !sentinel {
                r.kms_client_mut().host_caching = Some(values::boolean(v)?);
            }
            Ok(true)
        }
        b"dnsauto-discovery" => Ok(true),
        // KMS host.
        b"iskeymanagementservicemachine" => {
            if !sentinel {
                if values::boolean(v)? {
                    r.kms_host_mut();
                    st.is_kms_host = true;
                } else {
                    st.not_kms_host = true;
                }
            }
            Ok(true)
        }
        b"currentcount" | b"keymanagementservicecurrentcount" => {
            if !sentinel {
                match values::count(v)? {
                    Some(n) => r.kms_host_mut().current_count = Some(n),
                    None => st.not_kms_host = true,
                }
            }
            Ok(true)
        }
        b"requiredclientcount" => {
            if !sentinel {
                if let Some(n) = values::count(v)? {
                    r.kms_host_mut().required_count = Some(n);
                }
            }
            Ok(true)
        }
        b"listeningonport" | b"keymanagementservicelisteningport" => {
            if let Some(p) = port_of(v, sentinel)? {
                r.kms_host_mut().listening_port = Some(p);
            }
            Ok(true)
        }
        b"keymanagementservicednspublishing" => {
            if !sentinel {
                r.kms_host_mut().dns_publishing = Some(values::boolean(v)?);
            }
            Ok(true)
        }
        b"kmspriority" => {
            let low = if v.eq_ignore_ascii_case("low") {
                true
            } else if v.eq_ignore_ascii_case("normal") {
                false
            } else {
                return Err("Normal or Low");
            };
            r.kms_host_mut().low_priority = Some(low);
            Ok(true)
        }
        b"keymanagementservicelowpriority" => {
            if !sentinel {
                r.kms_host_mut().low_priority = Some(values::boolean(v)?);
            }
            Ok(true)
        }
        _ => requests(r, k, v, sentinel),
    }
}

fn requests(
    r: &mut LicenseRecord,
    k: &[u8],
    v: &str,
    sentinel: bool,
) -> Result<bool, &'static str> {
    use super::record::KmsRequestCounts as Q;
    // The counter a key names, matched once.
    let slot: fn(&mut Q) -> &mut Option<u64> = match k {
        b"totalrequestsreceived" | b"keymanagementservicetotalrequests" => |q| &mut q.total,
        b"failedrequestsreceived" | b"keymanagementservicefailedrequests" => |q| &mut q.failed,
        b"requestswithlicensestatusunlicensed" | b"keymanagementserviceunlicensedrequests" => {
            |q| &mut q.unlicensed
        }
        b"requestswithlicensestatuslicensed" | b"keymanagementservicelicensedrequests" => {
            |q| &mut q.licensed
        }
        b"requestswithlicensestatusinitialgraceperiod"
        | b"keymanagementserviceoobgracerequests" => |q| &mut q.oob_grace,
        b"requestswithlicensestatuslicenseexpiredorhardwareoutoftolerance"
        | b"keymanagementserviceootgracerequests" => |q| &mut q.oot_grace,
        b"requestswithlicensestatusnon-genuinegraceperiod"
        | b"keymanagementservicenongenuinegracerequests" => |q| &mut q.non_genuine_grace,
        b"requestswithlicensestatusnotification" | b"keymanagementservicenotificationrequests" => {
            |q| &mut q.notification
        }
        _ => return Ok(false),
    };
    if sentinel {
        return Ok(true);
    }
    if let Some(n) = u64_count(v)? {
        *slot(&mut r.kms_host_mut().requests) = Some(n);
    }
    Ok(true)
}

fn time(
    slot: &mut Option<super::record::PrintedTime>,
    v: &str,
    opts: &ParseOptions,
) -> Result<bool, &'static str> {
    if values::is_sentinel(v) {
        return Ok(true);
    }
    let value = values::time(v, opts.date_order).map_err(values::DateProblem::expected)?;
    match slot {
        Some(first) if value.as_ref().is_some_and(|v| v != first) => Err(REPEATED),
        Some(_) => Ok(true),
        None => {
            *slot = value;
            Ok(true)
        }
    }
}

/// Whether `key` is a label the field table reads (a value line of some format).
pub(crate) fn is_field_label(key: &str) -> bool {
    let mut r = LicenseRecord::default();
    let mut st = RecordState::default();
    // A probe value every reader accepts or refuses without side effects that matter here.
    !matches!(
        apply_value(
            &mut r,
            &mut st,
            norm(key, &mut [0; NORM_MAX]),
            "",
            &ParseOptions::default()
        ),
        Ok(false)
    ) || is_raw_label(key)
}

/// Labels slmgr and ospp print that the crate keeps raw (no typed field), so that a
/// console-wrapped line is never glued onto them.
pub(crate) fn is_raw_label(key: &str) -> bool {
    const LABELS: [&[u8]; 20] = [
        b"installationid",
        b"uselicenseurl",
        b"validationurl",
        b"productkeycertificateurl",
        b"processorcertificateurl",
        b"machinecertificateurl",
        b"configuredactivationtype",
        b"softwarelicensingserviceversion",
        b"productid",
        b"betaexpiration",
        b"errordescription",
        b"activationtypeconfiguration",
        b"activationobjectname",
        b"aodn",
        b"aoextendedpid",
        b"aoactivationid",
        b"guestiaid",
        b"hostmachinename",
        b"activationtime",
        b"hostdigitalpid2",
    ];
    LABELS.contains(&norm(key, &mut [0; NORM_MAX]))
}

/// Finishes a record: drops KMS host data WMI said does not apply, recognises the SKU.
pub(crate) fn finish(r: &mut LicenseRecord, st: &RecordState) {
    if st.not_kms_host {
        // Not a KMS host: the counts do not apply, the host settings it printed stay.
        let keep = r.kms_host.take().and_then(|mut h| {
            let settings = h.listening_port.is_some()
                || h.dns_publishing.is_some()
                || h.low_priority.is_some();
            h.is_kms_host = Some(false);
            h.current_count = None;
            h.required_count = None;
            h.requests = super::record::KmsRequestCounts::default();
            settings.then_some(h)
        });
        r.kms_host = keep;
    } else if let Some(h) = r.kms_host.as_mut() {
        if st.is_kms_host {
            h.is_kms_host = Some(true);
        }
    }
    let described = r.description.as_deref().and_then(Channel::read_printed);
    match (st.channel_line_exact, described) {
        (None, d) => r.channel = d.map(|(c, _)| c),
        (Some(false), Some((c, true))) => r.channel = Some(c),
        _ => {}
    }
    let (sku, recognized) = recognise_sku(r.name.as_deref(), r.description.as_deref());
    r.sku = sku;
    r.recognized = recognized;
}

/// What the printed name and description say about the product: the SKU when they name one
/// (as [`Sku::parse_lenient`] reads it), and the parts recognised either way
/// ([`crate::catalog::recognize_product`] over name and description).
fn recognise_sku(name: Option<&str>, description: Option<&str>) -> (Option<Sku>, Recognized) {
    let Some(name) = name else {
        return (None, Recognized::default());
    };
    // `recognize_product` reads every name `Sku::parse_lenient` reads (and the parts of the
    // others), so its SKU is the lenient parse's.
    let recognized = crate::catalog::recognize_product(name, description);
    (recognized.sku(), recognized)
}
