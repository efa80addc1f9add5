//! `volume-activation`: the questions of the `volume-activation` crate from a shell.
//!
//! Every subcommand prints text, or JSON with `--json`; `plan` and `status` also write an HTML
//! report with `--html FILE`. Errors are one line on stderr (`error: cannot read "fleet.json":
//! No such file or directory`); exit codes are 0 ok or yes, 1 a "no" answer, 2 a usage or input
//! error, 3 undocumented. See `volume-activation --help`.

#![forbid(unsafe_code)]

mod args;
mod cmd;
mod fail;
mod html;
mod io;
mod redact;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let mut out = io::Output::stdout();
    match cmd::run(cli, &mut out) {
        Ok(outcome) => outcome.exit_code(),
        Err(fail) => {
            io::print_error(&fail.to_string());
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout with exit 0; a usage error is clap's message (redacted:
/// clap quotes what was typed) on stderr with exit 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
            io::print_error(text);
            ExitCode::from(2)
        }
    }
}
