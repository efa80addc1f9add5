//! `error`: the documented activation error for a code in hex, negative or positive decimal.

use serde::Serialize;
use volume_activation::rules::ActivationErrorCode;

use crate::args::ErrorArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::io::Output;

/// The answer of `error --json`.
#[derive(Debug, Serialize)]
struct ErrorJson {
    /// The HRESULT as `0xC004F074`.
    code: String,
    /// The HRESULT as a signed decimal, as PowerShell and event logs print it.
    code_decimal: i32,
    documented: bool,
    symbol: Option<&'static str>,
    symbol_note: Option<&'static str>,
    message: Option<&'static str>,
    cause: Option<&'static str>,
    resolution: Option<&'static str>,
    methods: Option<&'static str>,
    sources: Vec<&'static str>,
}

/// Reads the code: positive decimal here (the library reads hex and negative decimal).
fn hresult(text: &str) -> Result<u32, Fail> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u32>().map_err(|_| {
            Fail::new(format!(
                "activation error code \"{t}\": expected a 32-bit code such as 0xC004F074, \
                 -1073418124 or 3221549172"
            ))
        });
    }
    Ok(ActivationErrorCode::parse_hresult(t)?)
}

/// Runs `error`.
pub(crate) fn run(args: &ErrorArgs, json: bool, out: &mut Output) -> Run {
    let hresult = hresult(&args.code)?;
    let code = ActivationErrorCode::lookup(hresult);
    let report = ErrorJson {
        code: format!("0x{hresult:08X}"),
        code_decimal: i32::from_ne_bytes(hresult.to_ne_bytes()),
        documented: code.is_some(),
        symbol: code.and_then(ActivationErrorCode::symbol),
        symbol_note: code.and_then(ActivationErrorCode::symbol_note),
        message: code.map(ActivationErrorCode::message),
        cause: code.map(ActivationErrorCode::cause),
        resolution: code.map(ActivationErrorCode::resolution),
        methods: code.map(ActivationErrorCode::methods),
        sources: code.map(|c| c.sources().collect()).unwrap_or_default(),
    };
    if json {
        out.json(&report)?;
    } else {
        out.write(&text(&report))?;
    }
    Ok(if report.documented {
        Outcome::Yes
    } else {
        Outcome::No
    })
}

fn text(r: &ErrorJson) -> String {
    if !r.documented {
        return format!(
            "{} ({}) is not a documented activation error code\n",
            r.code, r.code_decimal
        );
    }
    let mut t = format!("{} ({})", r.code, r.code_decimal);
    if let Some(s) = r.symbol {
        t.push_str(&format!(" {s}"));
    }
    if let Some(n) = r.symbol_note {
        t.push_str(&format!(" ({n})"));
    }
    t.push('\n');
    let field = |t: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            t.push_str(&format!("{name}:\n  {}\n", v.replace('\n', "\n  ")));
        }
    };
    field(&mut t, "message", r.message);
    field(&mut t, "cause", r.cause);
    field(&mut t, "resolution", r.resolution);
    field(&mut t, "methods", r.methods);
    t.push_str("sources:\n");
    for s in &r.sources {
        t.push_str(&format!("  - {s}\n"));
    }
    t
}
