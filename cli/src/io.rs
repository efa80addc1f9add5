//! The shell side: standard output that ends quietly on a closed pipe, reading inputs with
//! errors that name the file, colour only where wanted, and a progress bar on a terminal.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::fail::Fail;

/// Standard output. A closed pipe (`| head`) is not an error: once the reader is gone, the
/// rest of the output is dropped and the run ends with its answer's exit code.
pub(crate) struct Output {
    out: Box<dyn Write>,
    closed: bool,
}

impl Output {
    /// Standard output.
    pub(crate) fn stdout() -> Output {
        Output::new(Box::new(std::io::stdout().lock()))
    }

    /// Output to any writer (tests).
    pub(crate) fn new(out: Box<dyn Write>) -> Output {
        Output { out, closed: false }
    }

    /// Writes `text`; a broken pipe closes the output quietly, any other error is an error.
    pub(crate) fn write(&mut self, text: &str) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        match self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
        {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(Fail::new(format!(
                "cannot write to standard output: {}",
                crate::fail::io_cause(&e)
            ))),
        }
    }

    /// Writes `value` as pretty JSON and a newline.
    pub(crate) fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fail> {
        let mut text = serde_json::to_string_pretty(value)
            .map_err(|e| Fail::new(format!("cannot write json: {e}")))?;
        text.push('\n');
        self.write(&text)
    }
}

/// Reads the bytes of `path` (`-`: standard input), refusing a directory and an empty file.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, Fail> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Fail::read(path, &e))?;
    } else {
        if path.is_dir() {
            return Err(Fail::file(path, "is a directory, expected a file"));
        }
        bytes = std::fs::read(path).map_err(|e| Fail::read(path, &e))?;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Fail::file(path, "is empty"));
    }
    Ok(bytes)
}

/// Reads `path` as UTF-8 text without its byte-order mark (Windows editors and PowerShell's
/// `Out-File -Encoding utf8` write one).
pub(crate) fn read_text(path: &Path) -> Result<String, Fail> {
    let bytes = read_bytes(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        Fail::file(
            path,
            format!(
                "is not UTF-8 text (invalid byte at offset {}), expected a JSON file",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The files named by `inputs`: files as given, `-` as is, a directory's files (not its
/// subdirectories, not hidden files) sorted by name. A missing path is an error naming it.
pub(crate) fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Fail> {
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" || !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = Vec::new();
        let entries = std::fs::read_dir(input).map_err(|e| Fail::read(input, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Fail::read(input, &e))?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && entry.path().is_file() {
                found.push(entry.path());
            }
        }
        if found.is_empty() {
            return Err(Fail::file(input, "is a directory with no files"));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Whether to colour a stream: only on a terminal, and never when `NO_COLOR` is set to a
/// non-empty value (<https://no-color.org>).
pub(crate) fn use_color(is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Prints `error: message` on stderr, the label in red where colour is wanted.
pub(crate) fn print_error(message: &str) {
    let stderr = std::io::stderr();
    let color = use_color(
        stderr.is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let label = if color {
        "\x1b[1;31merror:\x1b[0m"
    } else {
        "error:"
    };
    let message = crate::redact::redact(message);
    // A closed stderr leaves nowhere to report to: ignore the write error.
    let _ = writeln!(stderr.lock(), "{label} {message}");
}

/// Files read before the progress bar shows (fewer finish before anyone would look).
const PROGRESS_FROM: usize = 20;

/// A progress bar on stderr, drawn only for many files and only on a terminal.
pub(crate) struct Progress {
    total: usize,
    done: usize,
    shown: bool,
}

impl Progress {
    /// Progress over `total` files.
    pub(crate) fn new(total: usize) -> Progress {
        let shown = total >= PROGRESS_FROM && std::io::stderr().is_terminal();
        Progress {
            total,
            done: 0,
            shown,
        }
    }

    /// One more file read.
    pub(crate) fn step(&mut self) {
        self.done = self.done.saturating_add(1);
        if self.shown {
            const WIDTH: usize = 30;
            let filled = self
                .done
                .saturating_mul(WIDTH)
                .checked_div(self.total)
                .unwrap_or(0);
            let bar: String = (0..WIDTH)
                .map(|i| if i < filled { '#' } else { ' ' })
                .collect();
            let _ = write!(
                std::io::stderr(),
                "\r[{bar}] {}/{} files",
                self.done,
                self.total
            );
        }
    }

    /// Clears the bar.
    pub(crate) fn finish(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r{:60}\r", "");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn color_only_on_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(use_color(true, None));
        assert!(use_color(true, Some(OsStr::new(""))));
        assert!(!use_color(true, Some(OsStr::new("1"))));
        assert!(!use_color(false, None));
        assert!(!use_color(false, Some(OsStr::new(""))));
    }

    #[test]
    fn a_broken_pipe_closes_the_output_quietly() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut out = Output::new(Box::new(Closed));
        assert_eq!(out.write("a"), Ok(()));
        assert!(out.closed);
        assert_eq!(out.write("b"), Ok(()));
    }

    #[test]
    fn other_write_errors_are_errors() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut out = Output::new(Box::new(Full));
        assert_eq!(
            out.write("a").unwrap_err().to_string(),
            "cannot write to standard output: disk full"
        );
    }
}
