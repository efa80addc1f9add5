//! The row type of the activation error-code table (`error_codes.rs`).

/// One documented activation error code, as published (see `error_codes.rs` for sources).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ErrorCodeRow {
    /// The HRESULT as an unsigned 32-bit value.
    pub(crate) hresult: u32,
    /// The symbolic name (`SL_E_...`), where one is documented.
    pub(crate) symbol: Option<&'static str>,
    /// The remark the reference adds to the symbol cell, without its parentheses.
    pub(crate) symbol_note: Option<&'static str>,
    /// The message text Windows prints.
    pub(crate) message: &'static str,
    /// The documented cause (or a note that none is documented).
    pub(crate) cause: &'static str,
    /// The documented resolution (or a note that none is documented).
    pub(crate) resolution: &'static str,
    /// The activation methods the code applies to, as published.
    pub(crate) methods: &'static str,
    /// The source URLs.
    pub(crate) sources: &'static [&'static str],
}
