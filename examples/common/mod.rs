//! What the examples that read files share.

use std::error::Error;
use std::process::ExitCode;

/// An example's outcome as its exit code, with the error printed as the one-line message it
/// is on stderr (an `Err` returned from `main` would print the error's `Debug` form).
pub fn report(result: Result<(), Box<dyn Error>>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
