//! What [`fleet_status`](crate::plan::fleet_status) reads: captures as bytes with a label
//! and what is known of their collection time, and the options of the report.

use chrono::{DateTime, TimeDelta, Utc};

use crate::inventory::{CaptureFormat, ParseOptions};
use crate::plan::DEFAULT_RISK_HORIZON_DAYS;

/// One capture handed to [`fleet_status`](crate::plan::fleet_status): a label that names
/// where it came from (a file path, `inventory.json`, a document ID), its bytes as saved
/// (UTF-8 or UTF-16 with a byte-order mark), and what is known of when it was collected.
///
/// The library reads no file: the caller reads the bytes and, when the user allows it, the
/// file's modification time.
///
/// ```
/// use volume_activation::chrono::{TimeZone, Utc};
/// use volume_activation::plan::CaptureInput;
///
/// let bytes = b"Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n";
/// let input = CaptureInput::new("captures/pc-001.txt", bytes)
///     .collected_at(Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap());
/// assert_eq!(input.label(), "captures/pc-001.txt");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptureInput<'a> {
    pub(crate) label: &'a str,
    pub(crate) bytes: &'a [u8],
    pub(crate) format: Option<CaptureFormat>,
    pub(crate) collected_at: Option<DateTime<Utc>>,
    pub(crate) collected_at_unless_printed: Option<DateTime<Utc>>,
    pub(crate) modified_at: Option<DateTime<Utc>>,
}

impl<'a> CaptureInput<'a> {
    /// A capture with its label and bytes; the format is detected
    /// ([`CaptureFormat::detect`]) and the collection time read from the capture when it
    /// prints one.
    #[must_use]
    pub const fn new(label: &'a str, bytes: &'a [u8]) -> CaptureInput<'a> {
        CaptureInput {
            label,
            bytes,
            format: None,
            collected_at: None,
            collected_at_unless_printed: None,
            modified_at: None,
        }
    }

    /// The format, when the caller knows it (otherwise detected).
    #[must_use]
    pub const fn format(mut self, format: CaptureFormat) -> CaptureInput<'a> {
        self.format = Some(format);
        self
    }

    /// When the capture was collected, as the caller knows it: this wins over the time the
    /// capture prints.
    #[must_use]
    pub const fn collected_at(mut self, at: DateTime<Utc>) -> CaptureInput<'a> {
        self.collected_at = Some(at);
        self
    }

    /// When the capture was collected, as the caller knows it, used only when the capture
    /// prints no trusted time of its own (a collection script's run time for WMI JSON, which
    /// prints none, without overriding the time `slmgr /dlv` prints). Its basis is
    /// [`CollectionTime::Given`]; [`collected_at`](CaptureInput::collected_at) wins over it.
    ///
    /// ```
    /// use volume_activation::chrono::{TimeZone, Utc};
    /// use volume_activation::plan::{CaptureInput, CollectionTime, StatusOptions, fleet_status};
    ///
    /// let printed = b"Name: Windows(R), Enterprise edition\n\
    /// License Status: Licensed\n\
    /// Trusted time: 5/14/2026 9:00:00 AM\n";
    /// let script = Utc.with_ymd_and_hms(2026, 5, 14, 12, 0, 0).unwrap();
    /// let input = CaptureInput::new("pc-001.txt", printed).collected_at_unless_printed(script);
    /// let options = StatusOptions::new(script).local_offset_minutes(0);
    /// let status = fleet_status([input], &options);
    /// let at = Utc.with_ymd_and_hms(2026, 5, 14, 9, 0, 0).unwrap();
    /// assert_eq!(status.machines[0].products[0].collected, CollectionTime::Capture { at });
    /// ```
    #[must_use]
    pub const fn collected_at_unless_printed(mut self, at: DateTime<Utc>) -> CaptureInput<'a> {
        self.collected_at_unless_printed = Some(at);
        self
    }

    /// The file's modification time, used only when neither a collection time is given nor
    /// the capture prints its trusted time. Give it only when the user allows it.
    #[must_use]
    pub const fn modified_at(mut self, at: DateTime<Utc>) -> CaptureInput<'a> {
        self.modified_at = Some(at);
        self
    }

    /// The label.
    #[must_use]
    pub const fn label(&self) -> &'a str {
        self.label
    }
}

/// When a capture was collected, and how the crate knows.
///
/// Unknown is a state of its own, never "now": a product whose period may have ended since
/// an unknown instant has an unknown state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum CollectionTime {
    /// Given by the caller ([`CaptureInput::collected_at`]).
    Given {
        /// The instant.
        at: DateTime<Utc>,
    },
    /// The licensing service's trusted time the capture prints (with an offset, or a local
    /// time converted with [`StatusOptions::local_offset_minutes`]).
    Capture {
        /// The instant.
        at: DateTime<Utc>,
    },
    /// The file's modification time ([`CaptureInput::modified_at`]).
    FileModified {
        /// The instant.
        at: DateTime<Utc>,
    },
    /// Not known.
    Unknown,
}

impl CollectionTime {
    /// The instant, when known.
    #[must_use]
    pub const fn at(self) -> Option<DateTime<Utc>> {
        match self {
            CollectionTime::Given { at }
            | CollectionTime::Capture { at }
            | CollectionTime::FileModified { at } => Some(at),
            CollectionTime::Unknown => None,
        }
    }

    /// How the instant is known, in words (`given`, `capture's trusted time`, `file
    /// modification time`, `unknown`).
    #[must_use]
    pub const fn basis(self) -> &'static str {
        match self {
            CollectionTime::Given { .. } => "given",
            CollectionTime::Capture { .. } => "capture's trusted time",
            CollectionTime::FileModified { .. } => "file modification time",
            CollectionTime::Unknown => "unknown",
        }
    }
}

/// How [`fleet_status`](crate::plan::fleet_status) reports: the instant of the report
/// (`now`; the library never reads the clock), the horizon it looks ahead to, how captures
/// are parsed, and the UTC offset of local times the captures print.
///
/// ```
/// use volume_activation::chrono::{TimeZone, Utc};
/// use volume_activation::plan::StatusOptions;
///
/// let now = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
/// let options = StatusOptions::new(now).horizon_days(30).local_offset_minutes(120);
/// assert_eq!(options.horizon(), Utc.with_ymd_and_hms(2026, 5, 31, 0, 0, 0).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusOptions {
    pub(crate) now: DateTime<Utc>,
    pub(crate) horizon: DateTime<Utc>,
    pub(crate) parse: ParseOptions,
    pub(crate) local_offset_minutes: Option<i32>,
}

impl StatusOptions {
    /// A report at `now`, looking [`DEFAULT_RISK_HORIZON_DAYS`] ahead.
    #[must_use]
    pub fn new(now: DateTime<Utc>) -> StatusOptions {
        StatusOptions {
            now,
            horizon: days_after(now, DEFAULT_RISK_HORIZON_DAYS),
            parse: ParseOptions::new(),
            local_offset_minutes: None,
        }
    }

    /// Looks `days` ahead of `now` (an unrepresentable instant saturates at the last one
    /// chrono represents).
    #[must_use]
    pub fn horizon_days(mut self, days: u32) -> StatusOptions {
        self.horizon = days_after(self.now, days);
        self
    }

    /// How captures are parsed (date order, console width).
    #[must_use]
    pub fn parse_options(mut self, parse: ParseOptions) -> StatusOptions {
        self.parse = parse;
        self
    }

    /// The UTC offset, in minutes east of UTC, of the local times captures print (slmgr's
    /// `Trusted time`): with it they become collection times. Without it a local time is not
    /// used.
    #[must_use]
    pub fn local_offset_minutes(mut self, minutes: i32) -> StatusOptions {
        self.local_offset_minutes = Some(minutes);
        self
    }

    /// The instant of the report.
    #[must_use]
    pub const fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The horizon.
    #[must_use]
    pub const fn horizon(&self) -> DateTime<Utc> {
        self.horizon
    }
}

fn days_after(t: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    TimeDelta::try_days(i64::from(days))
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}
