//! Telling the tool a capture came from by what it prints.

use super::capture::CaptureFormat;

/// A printed `key` / `value` pair as the detector sees it.
fn pairs(text: &str, json: bool) -> impl Iterator<Item = (&str, &str)> {
    // JSON may be compressed onto one line: split at the structural characters too (a string
    // cut at a comma leaves pieces without `":`, which are skipped).
    let split =
        move |c: char| c == '\n' || c == '\r' || (json && matches!(c, ',' | '{' | '}' | '['));
    text.split(split).filter_map(move |line| {
        let line = if json {
            line.trim()
        } else {
            super::text::strip_chat_prefix(line.trim())
        };
        if json {
            let (k, v) = line.split_once("\":")?;
            let k = k.trim().trim_start_matches('"');
            let v = v.trim().trim_end_matches(',').trim();
            Some((k, v))
        } else {
            let (k, v) = line
                .split_once(" : ")
                .or_else(|| line.strip_suffix(" :").map(|k| (k, "")))?;
            Some((k.trim_end(), v.trim()))
        }
    })
}

/// Evidence for the OSLicense module (which prints states and sentinels as words, reasons in
/// hex, booleans as `True`/`False`) against WMI (state numbers, decimal reasons, the 1601
/// "not set" date): (oslicense, wmi). The OSLicense property list is in reference
/// `peers-and-asks.md` (<https://learn.microsoft.com/powershell/module/oslicense>).
fn votes(text: &str, json: bool) -> (u32, u32) {
    let (mut os, mut wmi) = (0u32, 0u32);
    for (k, v) in pairs(text, json) {
        let unquoted = v.trim_matches('"');
        let quoted = v.starts_with('"');
        let numeric = !unquoted.is_empty()
            && unquoted
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit());
        let k = k.to_ascii_lowercase();
        match k.as_str() {
            "licensestatus" if numeric && !quoted => wmi = wmi.saturating_add(1),
            "licensestatus" if !unquoted.is_empty() => os = os.saturating_add(1),
            "licensestatusreason" if unquoted.starts_with("0x") => os = os.saturating_add(1),
            "licensestatusreason" if numeric => wmi = wmi.saturating_add(1),
            "iskeymanagementservicemachine"
                if unquoted.eq_ignore_ascii_case("true")
                    || unquoted.eq_ignore_ascii_case("false") =>
            {
                os = os.saturating_add(1);
            }
            k if k.starts_with("adactivation") => os = os.saturating_add(1),
            _ => {}
        }
        if unquoted.contains("1601") || unquoted.contains("/Date(-11644473600000)/") {
            wmi = wmi.saturating_add(1);
        }
        if ["not set", "n/a", "unlimited", "no limit"]
            .iter()
            .any(|s| unquoted.eq_ignore_ascii_case(s))
        {
            os = os.saturating_add(1);
        }
    }
    (os, wmi)
}

impl CaptureFormat {
    /// The tool a capture comes from, told by what it prints; `None` when the text does not
    /// say clearly (then ask the user).
    ///
    /// Lines are read as the parser reads them (chat stamps such as `[10:02] user:` and
    /// markdown escapes undone).
    ///
    /// - JSON (starts with `{` or `[`) and `Name : value` list views are WMI or OSLicense:
    ///   OSLicense prints licence states as words (`Licensed`), reasons in hex (`0xC004F009`),
    ///   `True`/`False`, and sentinels (`Not Set`, `N/A`, `Unlimited`); WMI prints state
    ///   numbers, decimal reasons and the 1601 "not set" date. Evidence for both gives `None`;
    ///   a leading `[` with no JSON evidence is read on as text.
    /// - `LICENSE NAME:`, `LICENSE STATUS:`, `---Processing---` lines, or `ospp.vbs /act`'s
    ///   lines, are `ospp.vbs /dstatus` (which also reads `/act` output).
    /// - A label only `/dlv` prints (`Activation ID:`, `Application ID:`, `Extended PID:`,
    ///   `Installation ID:`, `Product Key Channel:`, the rearm counts, `Trusted time:`, the
    ///   URLs) is `slmgr /dlv`, even when the capture starts after its `Name:` line;
    ///   `License Status:`, `Partial Product Key:`, any label in another display language
    ///   the crate reads (German `Lizenzstatus:`; one only `/dlv` prints makes it `/dlv`), or the lines of
    ///   `slmgr /ato` and slmgr errors are `slmgr /dli` (which also reads them), as is `Name:`
    ///   with `Description:`.
    /// - Text about activation or licences with a mark no Microsoft tool prints (an asterisk
    ///   banner, a title between `===` or `***`, a script's own label such as
    ///   `Activation status:` or `[+] Checking ...`, a minute count that is not digits) is a
    ///   third-party script's look-alike ([`CaptureFormat::LookAlike`]), even when it quotes
    ///   slmgr's lines.
    /// - `<product> edition:` headings followed by an indented expiry sentence are `slmgr /xpr`.
    ///
    /// ```
    /// use volume_activation::inventory::CaptureFormat;
    ///
    /// let dli = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n";
    /// assert_eq!(CaptureFormat::detect(dli), Some(CaptureFormat::SlmgrDli));
    /// let json = "{\"Name\":\"Windows(R), Enterprise edition\",\"LicenseStatus\":1,\"LicenseStatusReason\":0}";
    /// assert_eq!(CaptureFormat::detect(json), Some(CaptureFormat::WmiJson));
    /// assert_eq!(CaptureFormat::detect("hello"), None);
    /// ```
    #[must_use]
    pub fn detect(text: &str) -> Option<CaptureFormat> {
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            match votes(t, true) {
                (0, 0) => {}
                (_, 0) => return Some(CaptureFormat::OsLicenseJson),
                (0, _) => return Some(CaptureFormat::WmiJson),
                _ => return None,
            }
            // A leading `[` that is no JSON (a chat stamp, a prompt): read on as text.
        }
        // A third-party script's look-alike text before any Microsoft label it may quote.
        if super::lookalike::detect(t) {
            return Some(CaptureFormat::LookAlike);
        }
        // Lines as the parser reads them: chat stamps and markdown escapes undone.
        let lines = || super::text::split_lines(t).map(super::text::clean);
        let has = |prefix: &str| {
            lines().any(|l| {
                l.trim_start()
                    .get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            })
        };
        let has_exact = |prefix: &str| lines().any(|l| l.trim_start().starts_with(prefix));
        if has_exact("LICENSE NAME:")
            || has_exact("LICENSE STATUS:")
            || has_exact("---Processing")
            || has_exact("<Product activation successful>")
            || has_exact("Installed product key detected")
        {
            return Some(CaptureFormat::OsppDstatus);
        }
        let list_lines = pairs(t, false).count();
        if list_lines > 0 && !has("Name:") {
            match votes(t, false) {
                (0, 0) => {}
                (_, 0) => return Some(CaptureFormat::OsLicenseList),
                (0, _) => return Some(CaptureFormat::WmiList),
                _ => return None,
            }
        }
        // Labels only `/dlv` prints (slmgr.vbs `L_MsgActID`, `L_MsgAppID`, `L_MsgPID4`,
        // `L_MsgChannel`, `L_MsgRemaining*RearmCount`, `L_MsgCurrentTrustedTime`, the URLs).
        const DLV_ONLY: [&str; 10] = [
            "Activation ID:",
            "Application ID:",
            "Extended PID:",
            "Installation ID:",
            "Product Key Channel:",
            "Remaining Windows rearm count:",
            "Remaining SKU rearm count:",
            "Trusted time:",
            "Use License URL:",
            "Validation URL:",
        ];
        // Labels `/dli` prints too, and `/ato` and slmgr error output.
        const DLI: [&str; 5] = [
            "License Status:",
            "Partial Product Key:",
            "Product activated successfully",
            "Error: 0x",
            "Activating ",
        ];
        // Labels printed in another display language (`locale.rs`), as the English keys
        // they stand for.
        let localized = super::locale::english_keys(lines());
        // A capture cut before its `Name:` line still shows its labels.
        if DLV_ONLY.iter().any(|p| has(p))
            || localized
                .iter()
                .any(|k| DLV_ONLY.iter().any(|p| super::locale::is_label(p, k)))
        {
            return Some(CaptureFormat::SlmgrDlv);
        }
        if DLI.iter().any(|p| has(p)) || !localized.is_empty() {
            return Some(CaptureFormat::SlmgrDli);
        }
        if has("Name:") {
            // `Name:` and `Description:` alone: `/dli` cut before its status line.
            return has("Description:").then_some(CaptureFormat::SlmgrDli);
        }
        let xpr = lines().zip(lines().skip(1)).any(|(a, b)| {
            (a.trim_end().ends_with(" edition:") || a.trim_end().ends_with(" edition :"))
                && b.starts_with(|c: char| c.is_whitespace())
                && !b.trim().is_empty()
        });
        xpr.then_some(CaptureFormat::SlmgrXpr)
    }
}
