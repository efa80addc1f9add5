//! `explain`: diagnose captures (files, directories of files, or standard input).

use serde::Serialize;
use volume_activation::inventory::{
    CaptureFormat, DateOrder, Diagnosis, ExplainOptions, ParseOptions,
};
use volume_activation::{KmsHost, KmsHostKey, explain};

use super::{parse_date, parse_option, parse_sku, parse_sku_or_release, read_capture};
use crate::args::ExplainArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::io::{Output, Progress, expand_inputs, print_error};

/// One explained capture in the JSON output.
#[derive(Debug, Serialize)]
struct Explained {
    /// The file (`-` for standard input).
    file: String,
    /// The format, given or detected.
    format: CaptureFormat,
    /// The library's diagnosis (`volume_activation::Diagnosis`).
    diagnosis: Diagnosis,
}

/// Runs `explain`.
pub(crate) fn run(args: &ExplainArgs, json: bool, out: &mut Output) -> Run {
    let format: Option<CaptureFormat> = parse_option("--format", args.format.as_deref())?;
    let mut parse = ParseOptions::new();
    if let Some(order) = parse_option::<DateOrder>("--date-order", args.date_order.as_deref())? {
        parse = parse.date_order(order);
    }
    let options = options(args, &parse)?;
    let files = expand_inputs(&args.inputs)?;
    let mut progress = Progress::new(files.len());
    let mut explained = Vec::new();
    let mut failed: Vec<Fail> = Vec::new();
    for file in &files {
        match read_capture(file, format, &parse) {
            Ok(capture) => {
                let diagnosis = explain(&capture, &options);
                explained.push(Explained {
                    file: file.display().to_string(),
                    format: diagnosis.format(),
                    diagnosis,
                });
            }
            Err(e) => {
                if files.len() > 1 {
                    progress.finish();
                    print_error(&e.to_string());
                }
                failed.push(e);
            }
        }
        progress.step();
    }
    progress.finish();
    if json {
        out.json(&explained)?;
    } else {
        let many = files.len() > 1;
        for (i, e) in explained.iter().enumerate() {
            let mut t = String::new();
            if i > 0 {
                t.push('\n');
            }
            if many {
                t.push_str(&format!("== {}\n", e.file));
            }
            t.push_str(&format!("{}\n", e.diagnosis));
            out.write(&t)?;
        }
    }
    match failed.len() {
        0 => Ok(Outcome::Yes),
        1 if files.len() == 1 => Err(failed.swap_remove(0)),
        n => Err(Fail::new(format!(
            "{n} of {} captures could not be read",
            files.len()
        ))),
    }
}

/// The explain options: host, host capture, SKU, time.
fn options(args: &ExplainArgs, parse: &ParseOptions) -> Result<ExplainOptions, Fail> {
    let mut options = ExplainOptions::new();
    if let (Some(os), Some(key)) = (&args.host_os, &args.host_key) {
        let (os, _) = parse_sku_or_release(os).map_err(|e| Fail::new(format!("--host-os: {e}")))?;
        let key =
            KmsHostKey::parse_lenient(key).map_err(|e| Fail::new(format!("--host-key: {e}")))?;
        options = options.host(KmsHost::new(os, key));
    }
    if let Some(host) = &args.host {
        let format = parse_option("--host-format", args.host_format.as_deref())?;
        options = options.host_capture(read_capture(host, format, parse)?);
    }
    if let Some(sku) = &args.sku {
        options = options.sku(parse_sku(sku).map_err(|e| Fail::new(format!("--sku: {e}")))?);
    }
    if let Some(at) = &args.at {
        options = options.at(parse_date("--at", at)?);
    }
    Ok(options)
}
