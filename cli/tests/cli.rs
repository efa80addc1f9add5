//! The `volume-activation` binary, run as a shell would: every subcommand with good and bad
//! input, its exit code, its JSON, and the shell behaviour (one-line errors naming the file,
//! quiet broken pipes, no colour off a terminal, no full product key).

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A redacted-looking but key-shaped string that is no published key.
const SECRET_KEY: &str = "BCDFG-HJKMP-QRTVW-XY234-6789B";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_volume-activation"));
    c.current_dir(workspace());
    c.env_remove("NO_COLOR");
    c
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn done(o: Output) -> Run {
    Run {
        code: o.status.code().unwrap(),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    done(bin().args(args).output().unwrap())
}

fn run_stdin(args: &[&str], input: &[u8]) -> Run {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    done(child.wait_with_output().unwrap())
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", r.stdout))
}

/// Exit 2 with exactly one line on stderr, `error: ...` containing `needle`, nothing on stdout.
fn assert_input_error(r: &Run, needle: &str) {
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 1, "one line: {:?}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{:?}", r.stderr);
    assert!(
        r.stderr.contains(needle),
        "{:?} should contain {needle:?}",
        r.stderr
    );
}

/// The file errors every subcommand that reads captures gives: a missing, an empty and a
/// binary file, each one line naming the file.
fn assert_capture_file_errors(subcommand: &str) {
    assert_input_error(
        &run(&[subcommand, "missing.txt"]),
        "cannot read \"missing.txt\": No such file or directory",
    );
    let empty = tmp(&format!("{subcommand}-empty.txt"), b"");
    assert_input_error(&run(&[subcommand, empty.to_str().unwrap()]), "is empty");
    let binary = tmp(
        &format!("{subcommand}-binary.bin"),
        &[0u8, 1, 2, 3, 0xFF, 0xFE, 0, 7, 8],
    );
    assert_input_error(
        &run(&[subcommand, binary.to_str().unwrap()]),
        "is a binary file",
    );
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("va-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

// ---- the command itself -------------------------------------------------------------------

#[test]
fn help_lists_every_subcommand_and_the_exit_codes() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    for c in [
        "sku",
        "check",
        "error",
        "explain",
        "plan",
        "status",
        "lifecycle",
        "export",
    ] {
        assert!(r.stdout.contains(&format!("\n  {c} ")), "{c} missing");
    }
    for code in [
        "0  ok",
        "1  a \"no\" answer",
        "2  usage or input error",
        "3  undocumented",
    ] {
        assert!(r.stdout.contains(code), "{code} missing");
    }
    assert!(r.stdout.contains("NO_COLOR"));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for c in [
        "sku",
        "check",
        "error",
        "explain",
        "plan",
        "status",
        "lifecycle",
        "export",
    ] {
        let r = run(&[c, "--help"]);
        assert_eq!(r.code, 0, "{c}");
        assert!(r.stdout.contains("Examples:"), "{c}");
        assert!(r.stdout.contains("--json"), "{c}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).code, 2);
    let r = run(&["frobnicate"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: "));
    let r = run(&["plan", "--frobnicate", "examples/data/fleet.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: unexpected argument '--frobnicate'")
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn version_prints_the_package_version() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("volume-activation {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_broken_pipe_ends_quietly() {
    let mut child = bin()
        .args(["export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the command writes its megabytes.
    drop(child.stdout.take());
    let r = done(child.wait_with_output().unwrap());
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}

#[test]
fn no_colour_off_a_terminal_or_with_no_color() {
    for no_color in [None, Some("1")] {
        let mut c = bin();
        c.args(["plan", "missing.json"]);
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        let r = done(c.output().unwrap());
        assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
    }
}

#[test]
fn no_full_key_reaches_stderr_even_in_usage_errors() {
    let ending = &SECRET_KEY[24..];
    for args in [
        vec![
            "check",
            "windows-server-2019",
            "windows-server-2019",
            "windows-10/enterprise",
            "--count",
            SECRET_KEY,
        ],
        vec![
            "check",
            SECRET_KEY,
            "windows-server-2019",
            "windows-10/enterprise",
        ],
        vec![
            "check",
            "windows-server-2019",
            SECRET_KEY,
            "windows-10/enterprise",
        ],
        vec!["sku", SECRET_KEY],
        vec!["error", SECRET_KEY],
        vec!["lifecycle", "windows-10/enterprise", SECRET_KEY],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains(SECRET_KEY), "{args:?}: {}", r.stderr);
        assert!(!r.stdout.contains(SECRET_KEY), "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.contains(ending) || !r.stderr.contains("BCDFG"),
            "{}",
            r.stderr
        );
    }
    // Other spellings of the key, echoed by clap: none of its hidden groups reaches stderr.
    for spelling in [
        SECRET_KEY.replace('-', " "),
        SECRET_KEY.replace('-', "_"),
        SECRET_KEY.replace('-', "\u{2013}"),
        SECRET_KEY.replacen("-QRTVW", "-QR\nTVW", 1),
    ] {
        let r = run(&[
            "check",
            "windows-server-2019",
            "windows-server-2019",
            "windows-10/enterprise",
            "--count",
            &spelling,
        ]);
        assert_eq!(r.code, 2, "{spelling:?}: {}", r.stderr);
        for group in ["BCDFG", "HJKMP", "XY234"] {
            assert!(!r.stderr.contains(group), "{spelling:?}: {}", r.stderr);
        }
        assert!(r.stderr.contains(ending), "{spelling:?}: {}", r.stderr);
    }
}

// ---- sku ----------------------------------------------------------------------------------

#[test]
fn sku_shows_ids_threshold_and_the_published_gvlk() {
    let r = run(&["sku", "windows-server-2022/datacenter"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("Windows Server 2022 Datacenter\n"));
    assert!(r.stdout.contains("KMS threshold:  5"));
    // Microsoft publishes the GVLK for slmgr /ipk: shown whole.
    assert!(
        r.stdout
            .contains("GVLK:           WX4NM-KYWYW-QJJR4-XV3QB-6VM33")
    );
    assert!(r.stdout.contains("https://learn.microsoft.com/"));
}

#[test]
fn sku_json_has_the_documented_fields() {
    let v = json(&run(&["sku", "--json", "Windows 10 Enterprise LTSC 2019"]));
    assert_eq!(v["id"], "windows-10-ltsc-2019/enterprise-ltsc");
    assert_eq!(v["family"], "client");
    assert_eq!(v["kms_threshold"], 25);
    assert_eq!(v["gvlk"]["confidence"], "documented");
    assert!(
        v["gvlk"]["source"]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    assert!(v["avma_key"].is_null());
}

#[test]
fn sku_list_and_family_filter() {
    let all = json(&run(&["sku", "--list", "--json"]));
    let servers = json(&run(&["sku", "--list", "--family", "server", "--json"]));
    let all = all.as_array().unwrap();
    let servers = servers.as_array().unwrap();
    assert!(servers.len() < all.len() && !servers.is_empty());
    assert!(servers.iter().all(|s| s["family"] == "server"));
    let r = run(&["sku", "--list", "--family", "office"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("id "));
    assert!(r.stdout.contains("office-ltsc-2021/professional-plus"));
    assert!(!r.stdout.contains("windows-"));
    let r = run(&["sku", "--list", "--family", "mainframe"]);
    assert_input_error(&r, "mainframe");
    // --family needs --list.
    assert_eq!(run(&["sku", "--family", "server"]).code, 2);
}

#[test]
fn sku_by_gvlk() {
    let r = run(&["sku", "--gvlk", "WX4NM-KYWYW-QJJR4-XV3QB-6VM33"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("windows-server-2022/datacenter"));
    let r = run(&["sku", "--json", "--gvlk", SECRET_KEY]);
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(v["published"], false);
    assert!(v["key"].is_null());
    assert_eq!(v["key_ending"], "6789B");
    assert!(!r.stdout.contains(SECRET_KEY));
    let r = run(&["sku", "--gvlk", SECRET_KEY]);
    assert_eq!(r.stdout, "the key ending 6789B is not a published GVLK\n");
    assert_input_error(&run(&["sku", "--gvlk", "not-a-key"]), "--gvlk");
}

#[test]
fn sku_unknown_and_partial_names() {
    assert_input_error(&run(&["sku", "windows-95/home"]), "windows-95/home");
    // A name that tells the edition but not the release: a "no" with the candidates.
    let r = run(&["sku", "--json", "Windows(R), Professional edition"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["one_sku"], false);
    assert_eq!(v["edition"], "pro");
    assert!(v["release"].is_null());
    let candidates = v["candidates"].as_array().unwrap();
    assert!(candidates.iter().any(|c| c == "windows-11/pro"));
    assert!(
        candidates
            .iter()
            .all(|c| c.as_str().unwrap().ends_with("/pro"))
    );
    // A key typed into the name is never echoed whole.
    let r = run(&["sku", "Windows(R), Professional edition", SECRET_KEY]);
    assert!(!r.stdout.contains(SECRET_KEY) && !r.stderr.contains(SECRET_KEY));
    assert!(
        r.stderr.contains("*****-*****-*****-*****-6789B"),
        "{}",
        r.stderr
    );
}

// ---- check --------------------------------------------------------------------------------

#[test]
fn check_yes_exits_0() {
    let r = run(&[
        "check",
        "windows-server-2019/standard",
        "windows-server-2019",
        "windows-10/enterprise",
        "--count",
        "30",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("answer: yes"));
    assert!(r.stdout.contains("KMS count: 30\n"));
}

#[test]
fn check_without_count_is_coverage_and_says_so() {
    let v = json(&run(&[
        "check",
        "--json",
        "windows-server-2019/standard",
        "windows-server-2019",
        "windows-10/enterprise",
    ]));
    assert_eq!(v["answer"], "yes");
    assert_eq!(v["count_assumed"], true);
    assert_eq!(v["count"], 25);
    let r = run(&[
        "check",
        "windows-server-2019/standard",
        "windows-server-2019",
        "windows-10/enterprise",
    ]);
    assert!(r.stdout.contains("taken as meeting the threshold"));
}

#[test]
fn check_without_kb_names_the_updates_taken_as_installed() {
    let r = run(&[
        "check",
        "--json",
        "windows-server-2016/standard",
        "windows-server-2019",
        "windows-10/enterprise",
    ]);
    let v = json(&r);
    assert_eq!(v["updates_assumed"], true);
    assert_eq!(v["updates"], serde_json::json!(["KB4478877"]));
    let r = run(&[
        "check",
        "windows-server-2016/standard",
        "windows-server-2019",
        "windows-10/enterprise",
    ]);
    assert!(
        r.stdout
            .contains("updates:   KB4478877 (no --kb: taken as installed")
    );
}

#[test]
fn check_no_exits_1_with_the_code() {
    let r = run(&[
        "check",
        "--json",
        "windows-server-2019/standard",
        "windows-server-2019",
        "windows-10/enterprise",
        "--count",
        "3",
    ]);
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(v["answer"], "no");
    assert_eq!(v["error_code"], "0xC004F038");
    assert_eq!(v["error_symbol"], "SL_E_VL_NOT_ENOUGH_COUNT");
    // A host missing the update it needs: a no with 0xC004F050.
    let r = run(&[
        "check",
        "--json",
        "windows-server-2016/standard",
        "windows-server-2019",
        "windows-10/enterprise",
        "--kb",
        "KB1234567",
    ]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(json(&r)["updates_assumed"], false);
}

#[test]
fn check_undocumented_exits_3() {
    let r = run(&[
        "check",
        "windows-server-2016",
        "windows-server-2019",
        "windows-11/enterprise",
    ]);
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert!(r.stdout.contains("answer: undocumented"));
}

#[test]
fn check_bad_input_exits_2() {
    assert_input_error(
        &run(&[
            "check",
            "windows-server-2019",
            "windows-server-2030",
            "windows-10/enterprise",
        ]),
        "windows-server-2030",
    );
    assert_input_error(
        &run(&[
            "check",
            "windows-server-2019",
            "windows-server-2019",
            "windows-99/enterprise",
        ]),
        "windows-99/enterprise",
    );
    assert_input_error(
        &run(&[
            "check",
            "windows-server-2019",
            "windows-server-2019",
            "windows-10/enterprise",
            "--kb",
            "KBxyz",
        ]),
        "--kb",
    );
    let r = run(&[
        "check",
        "windows-server-2019",
        "windows-server-2019",
        "windows-10/enterprise",
        "--count",
        "abc",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: invalid value 'abc' for '--count <N>'")
    );
    assert_eq!(run(&["check", "windows-server-2019"]).code, 2);
}

// ---- error --------------------------------------------------------------------------------

#[test]
fn error_reads_hex_negative_and_positive_decimal() {
    let hex = run(&["error", "0xC004F074"]);
    assert_eq!(hex.code, 0);
    assert!(
        hex.stdout
            .starts_with("0xC004F074 (-1073418124) SL_E_VL_BINDING_SERVICE_UNAVAILABLE\n")
    );
    for form in ["C004F074", "c004f074", "-1073418124", "3221549172"] {
        let r = run(&["error", form]);
        assert_eq!(r.code, 0, "{form}");
        assert_eq!(r.stdout, hex.stdout, "{form}");
    }
    let v = json(&run(&["error", "--json", "0xC004F074"]));
    assert_eq!(v["code"], "0xC004F074");
    assert_eq!(v["code_decimal"], -1073418124);
    assert_eq!(v["documented"], true);
    assert!(!v["sources"].as_array().unwrap().is_empty());
}

#[test]
fn error_unknown_code_is_a_no_and_garbage_an_error() {
    let r = run(&["error", "0x12345678"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "0x12345678 (305419896) is not a documented activation error code\n"
    );
    assert_eq!(
        json(&run(&["error", "--json", "305419896"]))["documented"],
        false
    );
    // Undocumented codes in the other forms: eight hex digits, negative decimal.
    assert_eq!(
        run(&["error", "1234567a"]).stdout,
        "0x1234567A (305419898) is not a documented activation error code\n"
    );
    assert_eq!(
        run(&["error", "-5"]).stdout,
        "0xFFFFFFFB (-5) is not a documented activation error code\n"
    );
    assert_input_error(&run(&["error", "0xZZ"]), "0xZZ");
    assert_input_error(&run(&["error", "99999999999"]), "99999999999");
}

// ---- explain ------------------------------------------------------------------------------

const CAPTURE: &str = "tests/fixtures/slmgr-dlv/kms-client-licensed.txt";

#[test]
fn explain_a_file_a_directory_and_stdin() {
    let r = run(&["explain", CAPTURE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("slmgr.vbs /dlv capture: 1 product"));
    let r = run(&["explain", "tests/fixtures/slmgr-dlv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("== tests/fixtures/slmgr-dlv/kms-client-licensed.txt\n")
    );
    let text = std::fs::read(workspace().join(CAPTURE)).unwrap();
    let r = run_stdin(&["explain", "-"], &text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("slmgr.vbs /dlv capture"));
}

#[test]
fn explain_with_a_kms_host_capture() {
    let r = run(&[
        "explain",
        "tests/fixtures/slmgr-dli/initial-grace.txt",
        "--sku",
        "windows-11/enterprise",
        "--host-os",
        "windows-server-2019",
        "--host-key",
        "windows-server-2019",
        "--host",
        "tests/fixtures/slmgr-dlv/kms-host-count.txt",
        "--host-format",
        "slmgr-dlv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("reports a current count of 50"),
        "{}",
        r.stdout
    );
    assert_input_error(
        &run(&["explain", CAPTURE, "--host", "missing-host.txt"]),
        "cannot read \"missing-host.txt\"",
    );
}

#[test]
fn explain_json_is_an_array_of_file_format_diagnosis() {
    let r = run(&[
        "explain",
        "--json",
        "--sku",
        "windows-10/enterprise",
        "--at",
        "2026-05-14",
        CAPTURE,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["file"], CAPTURE);
    assert_eq!(a[0]["format"], "slmgr-dlv");
    assert!(a[0]["diagnosis"]["products"].is_array());
}

#[test]
fn explain_reads_a_utf16_capture_with_its_bom() {
    let text = std::fs::read_to_string(workspace().join(CAPTURE)).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let p = tmp("utf16.txt", &bytes);
    let r = run(&["explain", p.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("slmgr.vbs /dlv capture: 1 product"));
}

#[test]
fn explain_bad_input_names_the_file() {
    assert_capture_file_errors("explain");
    let garbage = tmp("garbage.txt", b"hello world\nnothing here\n");
    assert_input_error(
        &run(&["explain", garbage.to_str().unwrap()]),
        "cannot tell the capture's format",
    );
    assert_input_error(
        &run(&["explain", "--at", "2026-02-30", CAPTURE]),
        "--at \"2026-02-30\"",
    );
    assert_input_error(
        &run(&["explain", "--format", "slmgr-xyz", CAPTURE]),
        "--format",
    );
    assert_input_error(
        &run(&["explain", "--date-order", "sideways", CAPTURE]),
        "--date-order",
    );
    assert_input_error(
        &run(&[
            "explain",
            CAPTURE,
            "--host",
            "tests/fixtures/slmgr-dlv/kms-host-count.txt",
            "--host-format",
            "slmgr-xyz",
        ]),
        "error: --host-format: ",
    );
    assert_input_error(
        &run(&[
            "explain",
            "--host-os",
            "windows-server-2019",
            "--host-key",
            "windows-server-2030",
            CAPTURE,
        ]),
        "--host-key",
    );
    // --host-os needs --host-key.
    assert_eq!(
        run(&["explain", "--host-os", "windows-server-2019", CAPTURE]).code,
        2
    );
    assert_eq!(run(&["explain"]).code, 2);
}

#[test]
fn explain_many_files_reports_each_bad_one_and_the_rest() {
    let empty = tmp("empty2.txt", b"  \n");
    let r = run(&["explain", CAPTURE, empty.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains("== tests/fixtures/slmgr-dlv/kms-client-licensed.txt")
    );
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{:?}", r.stderr);
    assert!(lines[0].contains("empty2.txt") && lines[0].contains("is empty"));
    assert_eq!(lines[1], "error: 1 of 2 captures could not be read");
}

// ---- plan ---------------------------------------------------------------------------------

const FLEET: &str = "examples/data/fleet.json";

#[test]
fn plan_the_bundled_fleet() {
    let r = run(&["plan", FLEET, "--at", "2026-12-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(
        "Volume activation plan at 2026-12-01 00:00 UTC (Enterprise Agreement, 375 machines, 291 PCs)"
    ));
    let v = json(&run(&[
        "plan",
        "--json",
        FLEET,
        "--at",
        "2026-12-01",
        "--horizon",
        "30",
    ]));
    assert_eq!(v["at"], "2026-12-01T00:00:00Z");
    assert_eq!(v["horizon_days"], 30);
    assert_eq!(v["machines"].as_array().unwrap().len(), 375);
}

#[test]
fn plan_accepts_a_utf8_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(workspace().join(FLEET)).unwrap());
    let p = tmp("bom.json", &bytes);
    let r = run(&["plan", p.to_str().unwrap(), "--at", "2026-12-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn plan_bad_input_names_the_file() {
    assert_input_error(
        &run(&["plan", "fleet.json"]),
        "cannot read \"fleet.json\": No such file or directory",
    );
    assert_input_error(&run(&["plan", "examples"]), "\"examples\": is a directory");
    let binary = tmp("fleet.bin", &[0x80, 0x81, 0, 1]);
    assert_input_error(
        &run(&["plan", binary.to_str().unwrap()]),
        "is not UTF-8 text",
    );
    let empty = tmp("empty.json", b"");
    assert_input_error(&run(&["plan", empty.to_str().unwrap()]), "is empty");
    let bad = tmp("bad.json", b"{\"program\": ");
    let r = run(&["plan", bad.to_str().unwrap()]);
    assert_input_error(&r, "bad.json\": invalid fleet json");
    let bad = tmp("bad-sku.json", br#"{"program": "enterprise-agreement", "machines": [{"name": "pc-1", "sku": "windows-99/pro", "channel": "volume-gvlk", "hardware": "physical"}]}"#);
    assert_input_error(
        &run(&["plan", bad.to_str().unwrap()]),
        "machine \"pc-1\" field \"sku\"",
    );
    assert_input_error(
        &run(&["plan", FLEET, "--at", "yesterday"]),
        "--at \"yesterday\"",
    );
    assert_eq!(run(&["plan", FLEET, "--horizon", "-3"]).code, 2);
    let r = run(&["plan", FLEET, "--html", "/nonexistent-dir/plan.html"]);
    assert_input_error(&r, "cannot write \"/nonexistent-dir/plan.html\"");
}

/// Checks that `html` is well-formed: tags nest and close, void elements self-close, text
/// holds no raw `<` and every `&` starts an entity.
fn assert_well_formed(html: &str) {
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("doctype first");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find(['<', '&']) {
        let (text, tail) = rest.split_at(i);
        assert!(
            !text.contains('>') || stack.iter().any(|t| t == "style"),
            "stray '>' in {text:?}"
        );
        if tail.starts_with('&') {
            let end = tail.find(';').expect("entity ends with ;");
            let entity = &tail[1..end];
            assert!(
                ["amp", "lt", "gt", "quot", "#39"].contains(&entity),
                "unknown entity {entity}"
            );
            rest = &tail[end + 1..];
            continue;
        }
        let end = tail.find('>').expect("tag closes");
        let tag = &tail[1..end];
        rest = &tail[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
        } else if tag.ends_with('/') {
            // self-closed
        } else {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(!name.is_empty(), "bad tag {tag:?}");
            assert!(
                !["meta", "br", "wbr", "img", "link", "input"].contains(&name.as_str()),
                "void {name} must self-close"
            );
            stack.push(name);
        }
        // Attribute values are quoted and hold no raw markup.
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in {tag:?}"
        );
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn plan_html_is_self_contained_well_formed_and_has_every_section() {
    let p = std::env::temp_dir().join(format!("va-plan-{}.html", std::process::id()));
    let r = run(&[
        "plan",
        FLEET,
        "--at",
        "2026-12-01",
        "--html",
        p.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Volume activation plan"));
    let html = read_html_report(
        &p,
        &[
            "summary",
            "timeline",
            "kms-hosts",
            "methods",
            "maks",
            "risks",
            "actions",
            "problems",
        ],
    );
    // The chart's threshold lines.
    assert!(html.contains("stroke-dasharray"));
    assert!(html.contains("kms-hq: Windows client threshold 25 reached (count 46)"));
    // Tables per KMS host, MAK and action.
    assert!(html.contains("<h3>kms-hq</h3>"));
    for fix in [
        "<td>host key windows-server-2025</td>",
        "<td>host key windows-server-2022 after KB5003638</td>",
        "<td>install KB4478877</td>",
    ] {
        assert!(html.contains(fix), "{fix}");
    }
    assert!(html.contains("Windows 10/11 Pro MAK"));
    assert!(html.contains("<ol>\n<li>obtain the"));
}

/// Reads the HTML report at `path`, removes the file, and checks what every report is: well
/// formed, a section per ID of `sections`, an inline SVG chart with bars, and self-contained
/// (no scripts, no external resources).
fn read_html_report(path: &Path, sections: &[&str]) -> String {
    let html = std::fs::read_to_string(path).unwrap();
    std::fs::remove_file(path).unwrap();
    assert_well_formed(&html);
    for id in sections {
        assert!(
            html.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(html.contains("<rect "));
    for forbidden in ["<script", "<link", " src=", " href=", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    html
}

#[test]
fn the_well_formedness_check_rejects_broken_markup() {
    for bad in [
        "<!DOCTYPE html>\n<html><body></html>",
        "<!DOCTYPE html>\n<p>a & b</p>",
        "<!DOCTYPE html>\n<meta charset=\"utf-8\">",
        "<!DOCTYPE html>\n<p>",
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_well_formed(bad)).is_err(),
            "{bad}"
        );
    }
    assert_well_formed("<!DOCTYPE html>\n<p class=\"x\">a &amp; b<br /></p>");
}

// ---- status -------------------------------------------------------------------------------

const CAPTURES: &str = "examples/data/captures";

/// Every machine of the bundled captures.
const MACHINES: [&str; 12] = [
    "kms01",
    "kms02",
    "pc-001",
    "pc-002",
    "pc-003",
    "pc-004",
    "pc-005",
    "pc-006",
    "pc-007",
    "srv-db01",
    "srv-web01",
    "srv-app01",
];

/// The bundled captures at the example's instant: report at 2026-05-15, 30 days ahead,
/// captures' local times in UTC, collected 2026-05-14 09:00 UTC.
fn status_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "status",
        CAPTURES,
        "--at",
        "2026-05-15",
        "--horizon",
        "30",
        "--local-offset",
        "0",
        "--collected-at",
        "2026-05-14T09:00:00Z",
    ];
    a.extend_from_slice(extra);
    a
}

#[test]
fn status_of_the_bundled_captures_names_every_machine_and_the_unreadable_one() {
    let r = run(&status_args(&[]));
    // broken.txt is unreadable: the report of the rest is printed, and the exit is 2.
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.starts_with(
        "Fleet licence status at 2026-05-15 00:00 UTC (horizon 2026-06-14 00:00 UTC; \
         12 machines, 15 products, 1 unreadable captures)"
    ));
    // Every state of either total once, 0 where a total lacks it.
    let states = [
        "Products by state",
        "  state         now  at horizon",
        "  unlicensed      0           1",
        "  licensed       11           8",
        "  oob-grace       2           0",
        "  oot-grace       0           1",
        "  notification    2           4",
        "  unknown         0           1",
        "",
        "",
    ];
    assert!(r.stdout.contains(&states.join("\n")), "{}", r.stdout);
    for m in MACHINES {
        assert!(r.stdout.contains(&format!("\n  {m} (from ")), "{m}");
    }
    // Each machine names its evidence files, as given on the command line.
    assert!(r.stdout.contains(
        "  pc-004 (from examples/data/captures/pc-004.ospp.txt, examples/data/captures/pc-004.txt)"
    ));
    assert!(
        r.stdout
            .contains("  2026-05-21 09:00 UTC  pc-002     Windows(R), Enterprise edition")
    );
    assert!(r.stdout.contains("KMS host below the activation threshold"));
    // --collected-at dates the captures that print no time; slmgr's printed time still
    // decides which of pc-005's two captures is newer.
    assert!(r.stdout.contains(
        "    superseded: examples/data/captures/pc-005.2026-04-20.txt (Windows): replaced by \
         the newer examples/data/captures/pc-005.2026-05-14.txt\n"
    ));
    assert!(
        r.stdout
            .contains("collected 2026-05-14 09:00 UTC (capture's trusted time)")
    );
    assert!(r.stdout.contains("collected 2026-05-14 09:00 UTC (given)"));
    assert!(r.stdout.contains(
        "Unreadable captures\n  examples/data/captures/broken.txt: not output of a tool"
    ));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{:?}", r.stderr);
    assert!(lines[0].starts_with(
        "error: \"examples/data/captures/broken.txt\": not output of a tool the crate reads"
    ));
    assert_eq!(
        lines[1],
        "error: 1 of 14 captures could not be read (the report covers the rest)"
    );
}

#[test]
fn status_of_readable_captures_exits_0() {
    let r = run(&[
        "status",
        "examples/data/captures/pc-001.txt",
        "examples/data/captures/kms02.txt",
        "examples/data/captures/pc-002.txt",
        "--at",
        "2026-05-15",
        "--local-offset",
        "+00:00",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert!(
        r.stdout
            .contains("3 machines, 3 products, 0 unreadable captures")
    );
    // pc-002 points to kms02, whose count (3) is below the Windows client threshold.
    assert!(r.stdout.contains(
        "  kms02  Windows  -             3        1             1  Windows client 25 (NOT met)"
    ));
    // The capture's trusted time, read with the offset.
    assert!(
        r.stdout
            .contains("collected 2026-05-14 09:00 UTC (capture's trusted time)")
    );
    // Without the offset the local time is not used: the time is unknown.
    let r = run(&[
        "status",
        "examples/data/captures/pc-001.txt",
        "--at",
        "2026-05-15",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("collected at an unknown time"),
        "{}",
        r.stdout
    );
}

#[test]
fn status_reads_standard_input_and_file_times_when_allowed() {
    let text = std::fs::read(workspace().join("examples/data/captures/servers.json")).unwrap();
    let r = run_stdin(&["status", "-", "--at", "2026-05-15"], &text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("  srv-db01 (from standard input)"),
        "{}",
        r.stdout
    );
    // WMI JSON prints no time: with --use-file-times the file's modification time is used.
    let p = tmp("servers.json", &text);
    let r = run(&["status", p.to_str().unwrap(), "--use-file-times"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("(file modification time)"),
        "{}",
        r.stdout
    );
    let r = run(&["status", p.to_str().unwrap()]);
    assert!(!r.stdout.contains("(file modification time)"));
}

#[test]
fn status_json_has_the_documented_fields() {
    let r = run(&status_args(&["--json"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let v = json(&r);
    for field in [
        "now",
        "horizon",
        "machines",
        "unreadable",
        "totals_now",
        "totals_at_horizon",
        "by_cause",
        "upcoming",
        "kms_hosts",
        "actions",
    ] {
        assert!(!v[field].is_null(), "{field}");
    }
    assert_eq!(v["now"], "2026-05-15T00:00:00Z");
    let machines = v["machines"].as_array().unwrap();
    let names: Vec<&str> = machines
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    for m in MACHINES {
        assert!(names.contains(&m), "{m}");
    }
    let pc2 = machines.iter().find(|m| m["name"] == "pc-002").unwrap();
    assert_eq!(pc2["sources"][0], "examples/data/captures/pc-002.txt");
    let p = &pc2["products"][0];
    assert_eq!(p["now"], "oob-grace");
    assert_eq!(p["at_horizon"], "notification");
    assert_eq!(p["cause"], "kms-host-below-threshold");
    assert_eq!(p["notification_at"], "2026-05-21T09:00:00Z");
    assert_eq!(p["fix"]["code"], "0xC004F038");
    assert_eq!(
        v["unreadable"][0]["source"],
        "examples/data/captures/broken.txt"
    );
    assert!(v["unreadable"][0]["reason"].is_string());
    assert!(v["kms_hosts"][0]["thresholds"].is_array());
    assert!(v["actions"][0]["machines"].is_array());
}

#[test]
fn status_html_is_self_contained_well_formed_and_has_every_section() {
    let p = std::env::temp_dir().join(format!("va-status-{}.html", std::process::id()));
    let r = run(&status_args(&["--html", p.to_str().unwrap()]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let html = read_html_report(
        &p,
        &[
            "summary",
            "timeline",
            "kms-hosts",
            "at-risk",
            "actions",
            "machines",
            "unreadable",
        ],
    );
    assert!(html.contains("<title>week of 2026-05-18: 1 machines reaching notification</title>"));
    for m in MACHINES {
        assert!(html.contains(&format!("<td>{m}</td>")), "{m}");
    }
    assert!(
        html.contains(
            "<tr><td>oot-grace</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>"
        )
    );
    assert!(html.contains("<td>Windows client 25: NOT met</td>"));
    assert!(html.contains("[0xC004F038]"));
    assert!(html.contains("captures/<wbr />broken.txt"));
}

#[test]
fn status_bad_input_names_the_file() {
    assert_capture_file_errors("status");
    let garbage = tmp("status-garbage.txt", b"hello world\nnothing here\n");
    assert_input_error(
        &run(&["status", garbage.to_str().unwrap()]),
        "status-garbage.txt\": not output of a tool the crate reads",
    );
    let c = "examples/data/captures/pc-001.txt";
    assert_input_error(
        &run(&["status", c, "--at", "2026-02-30"]),
        "--at \"2026-02-30\"",
    );
    assert_input_error(
        &run(&["status", c, "--collected-at", "yesterday"]),
        "--collected-at \"yesterday\": expected a date",
    );
    assert_input_error(
        &run(&["status", c, "--local-offset", "+2"]),
        "--local-offset \"+2\": expected a UTC offset",
    );
    assert_input_error(&run(&["status", c, "--format", "slmgr-xyz"]), "--format");
    assert_input_error(
        &run(&["status", c, "--date-order", "sideways"]),
        "--date-order",
    );
    let r = run(&["status", c, "--html", "/nonexistent-dir/status.html"]);
    assert_input_error(&r, "cannot write \"/nonexistent-dir/status.html\"");
    let r = run(&["status", "--frobnicate", c]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: unexpected argument '--frobnicate'")
    );
    assert_eq!(run(&["status"]).code, 2);
    assert_eq!(run(&["status", c, "--horizon", "-3"]).code, 2);
}

#[test]
fn status_reports_the_rest_when_some_files_cannot_be_read() {
    let empty = tmp("status-empty2.txt", b"  \n");
    let r = run(&[
        "status",
        "examples/data/captures/pc-001.txt",
        "missing.txt",
        empty.to_str().unwrap(),
        "--at",
        "2026-05-15",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains("1 machines, 1 products, 2 unreadable captures")
    );
    assert!(
        r.stdout
            .contains("  missing.txt: cannot read: No such file or directory\n")
    );
    assert!(r.stdout.contains("status-empty2.txt: is empty\n"));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{:?}", r.stderr);
    assert_eq!(
        lines[0],
        "error: cannot read \"missing.txt\": No such file or directory"
    );
    assert!(lines[1].contains("status-empty2.txt") && lines[1].contains("is empty"));
    assert_eq!(
        lines[2],
        "error: 2 of 3 captures could not be read (the report covers the rest)"
    );
    // Files the command could not read and captures the library could not read are listed
    // in the order given.
    let garbage = tmp("status-garbage2.txt", b"hello world\n");
    let r = run(&[
        "status",
        "missing.txt",
        garbage.to_str().unwrap(),
        "examples/data/captures/pc-001.txt",
        "missing-too.txt",
        "--at",
        "2026-05-15",
    ]);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{:?}", r.stderr);
    assert!(lines[0].contains("\"missing.txt\""), "{}", lines[0]);
    assert!(lines[1].contains("status-garbage2.txt"), "{}", lines[1]);
    assert!(lines[2].contains("\"missing-too.txt\""), "{}", lines[2]);
    let unreadable = r.stdout.split("Unreadable captures\n").nth(1).unwrap();
    let labels: Vec<&str> = unreadable
        .lines()
        .map(|l| l.trim_start().split(':').next().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["missing.txt", garbage.to_str().unwrap(), "missing-too.txt"]
    );
    // None readable: no report, each error and the count.
    let r = run(&["status", "missing.txt", empty.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 3, "{:?}", r.stderr);
}

// ---- lifecycle ----------------------------------------------------------------------------

#[test]
fn lifecycle_prints_the_dated_timeline() {
    let r = run(&[
        "lifecycle",
        "windows-10/enterprise",
        "volume-gvlk",
        "--installed",
        "2026-03-02",
        "--event",
        "2026-03-03=kms-activation",
        "--event",
        "2026-03-10=kms-renewal",
        "--until",
        "2027-06-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("2026-03-03 00:00  kms-activation\n"));
    // 180 days after the last renewal the KMS activation runs out.
    assert!(r.stdout.contains("2026-09-06 00:00  Licensed -> "));
    assert!(r.stdout.contains("-> Notification"));
    let v = json(&run(&[
        "lifecycle",
        "--json",
        "windows-10/enterprise",
        "volume-gvlk",
        "--installed",
        "2026-03-02",
        "--event",
        "2026-03-03=kms-activation:120",
        "--until",
        "2027-06-01",
    ]));
    let kinds: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds[..2], ["install", "event"]);
    assert!(kinds[2..].iter().all(|k| *k == "transition"));
    assert_eq!(v["entries"][1]["status"], "licensed");
}

#[test]
fn lifecycle_bad_input_exits_2() {
    let base = [
        "lifecycle",
        "windows-10/enterprise",
        "volume-gvlk",
        "--installed",
        "2026-03-02",
    ];
    let with = |extra: &[&str]| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend(extra);
        run(&a)
    };
    assert_input_error(&with(&["--event", "2026-03-03=teleport"]), "unknown event");
    assert_input_error(&with(&["--event", "kms-activation"]), "expected DATE=EVENT");
    assert_input_error(
        &with(&["--event", "2026-02-31=kms-activation"]),
        "--event \"2026-02-31\"",
    );
    assert_input_error(
        &with(&["--event", "2026-03-03=kms-activation:5"]),
        "kms-activation:5",
    );
    assert_input_error(
        &with(&["--event", "2026-03-03=rearm:2"]),
        "rearm takes no argument",
    );
    assert_input_error(
        &with(&[
            "--event",
            "2026-03-10=kms-activation",
            "--event",
            "2026-03-03=kms-renewal",
        ]),
        "out of order",
    );
    assert_input_error(&with(&["--until", "2025-01-01"]), "--until");
    assert_input_error(
        &run(&["lifecycle", "windows-10/enterprise", "volume-xyz"]),
        "volume-xyz",
    );
}

// ---- export -------------------------------------------------------------------------------

#[test]
fn export_json_has_every_table_with_provenance() {
    let r = run(&["export"]);
    assert_eq!(r.code, 0);
    let v = json(&r);
    let version = v["data_version"].as_str().unwrap().to_owned();
    let tables = v["tables"].as_array().unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "skus",
            "gvlks",
            "avma-keys",
            "host-key-coverage",
            "host-os",
            "required-updates",
            "error-codes"
        ]
    );
    for t in tables {
        let rows = t["rows"].as_array().unwrap();
        assert!(!rows.is_empty(), "{}", t["name"]);
        for row in rows {
            assert_eq!(row["data_version"], version.as_str());
            assert!(
                ["documented", "derived", "unverified"]
                    .contains(&row["confidence"].as_str().unwrap()),
                "{row}"
            );
            assert!(row["sources"].is_array(), "{row}");
        }
    }
    let coverage = &tables[3]["rows"];
    assert!(
        coverage
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["host_key"] == "windows-server-2019"
                && r["client"] == "windows-11/enterprise"
                && r["answer"] == "undocumented")
    );
}

#[test]
fn export_csv_of_one_table() {
    let r = run(&["export", "--format", "csv", "--table", "gvlks"]);
    assert_eq!(r.code, 0);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("sku,key,confidence,sources,data_version")
    );
    assert!(r.stdout.contains(
        "windows-server-2022/datacenter,WX4NM-KYWYW-QJJR4-XV3QB-6VM33,documented,https://"
    ));
    let r = run(&["export", "--format", "csv", "--table", "error-codes"]);
    assert!(r.stdout.starts_with("code,code_decimal,symbol,message,cause,resolution,methods,confidence,sources,data_version\r\n"));
    // --json wins over --format csv; one table only.
    let v = json(&run(&[
        "export", "--json", "--format", "csv", "--table", "skus",
    ]));
    assert_eq!(v["tables"].as_array().unwrap().len(), 1);
}

#[test]
fn export_bad_input_exits_2() {
    assert_input_error(
        &run(&["export", "--format", "csv"]),
        "error: --format csv needs --table: one of skus, gvlks, avma-keys, host-key-coverage, \
         host-os, required-updates, error-codes\n",
    );
    assert_eq!(run(&["export", "--table", "nope"]).code, 2);
    assert_eq!(run(&["export", "--format", "xml"]).code, 2);
}
