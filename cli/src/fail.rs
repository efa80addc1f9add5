//! How a run ends: an answer's exit code, or an error printed as one line on stderr.

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

/// The answer of a run that worked, as its exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Exit 0: done, or "yes".
    Yes,
    /// Exit 1: a "no" answer.
    No,
    /// Exit 3: Microsoft documents no answer.
    Undocumented,
}

impl Outcome {
    /// The process exit code.
    pub(crate) fn exit_code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Yes => 0,
            Outcome::No => 1,
            Outcome::Undocumented => 3,
        })
    }
}

/// A usage or input error (exit 2): one line, naming the input and the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fail(String);

impl Fail {
    /// An error with this message (lowercase, no trailing period).
    pub(crate) fn new(message: impl Into<String>) -> Fail {
        Fail(message.into())
    }

    /// An error about the file at `path`: `"fleet.json": cause`.
    pub(crate) fn file(path: &Path, cause: impl fmt::Display) -> Fail {
        Fail(format!("{}: {cause}", quote_path(path)))
    }

    /// An error reading the file at `path`: `cannot read "fleet.json": No such file or directory`.
    pub(crate) fn read(path: &Path, err: &std::io::Error) -> Fail {
        Fail(format!(
            "cannot read {}: {}",
            quote_path(path),
            io_cause(err)
        ))
    }

    /// An error writing the file at `path`.
    pub(crate) fn write(path: &Path, err: &std::io::Error) -> Fail {
        Fail(format!(
            "cannot write {}: {}",
            quote_path(path),
            io_cause(err)
        ))
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<volume_activation::Error> for Fail {
    fn from(e: volume_activation::Error) -> Fail {
        Fail(e.to_string())
    }
}

/// A path in double quotes, as messages show it (`-` is standard input).
pub(crate) fn quote_path(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        format!("{:?}", path.display().to_string())
    }
}

/// An I/O error's cause without Rust's ` (os error N)` suffix.
pub(crate) fn io_cause(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    }
}

/// The result of a subcommand.
pub(crate) type Run = Result<Outcome, Fail>;
