//! The command line: every subcommand, its arguments and its help text (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, as `--help` shows them.
const EXIT_CODES: &str = "\
Exit codes:
  0  ok (for check: yes, the host activates the client)
  1  a \"no\" answer (check: no; error: not a documented code; sku: not one SKU or not a GVLK)
  2  usage or input error (unknown flag, unreadable or malformed file, unknown name)
  3  undocumented (check: Microsoft documents no answer for this host key and client)

Environment:
  NO_COLOR  set and not empty: no colour on the terminal";

/// Microsoft Volume Activation rules (KMS, MAK, ADBA, AVMA, GVLKs, thresholds, licence
/// states) from a shell: text by default, JSON with --json.
#[derive(Debug, Parser)]
#[command(name = "volume-activation", version, after_help = EXIT_CODES, propagate_version = true)]
pub(crate) struct Cli {
    /// Print JSON instead of text (stable field names, documented in cli/README.md).
    #[arg(long, global = true)]
    pub(crate) json: bool,

    /// The question to answer.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands. Adding one: a variant here, a module in `cmd/`, an arm in `cmd::run`.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// A SKU: its IDs, KMS threshold, published GVLK and sources; or the list; or a GVLK's SKUs.
    #[command(after_help = "\
Examples:
  volume-activation sku windows-server-2022/datacenter
  volume-activation sku \"Windows 10 Enterprise LTSC 2019\"
  volume-activation sku --list --family server
  volume-activation sku --gvlk WX4NM-KYWYW-QJJR4-XV3QB-6VM33")]
    Sku(SkuArgs),

    /// Can this KMS host activate that client? Exit 0 yes, 1 no, 3 undocumented.
    #[command(after_help = "\
Without --count the question is coverage: the count is taken as meeting the client's
threshold. Without --kb the host is taken to have the update its key needs (named in the
answer).

Examples:
  volume-activation check windows-server-2016 windows-server-2019 windows-11/enterprise
  volume-activation check windows-server-2016/standard \"Volume License for Windows Server 2019\" \\
      windows-10/enterprise --count 30 --kb KB4478877")]
    Check(CheckArgs),

    /// A documented activation error code: message, cause, resolution, sources.
    #[command(after_help = "\
The code is hex (0xC004F074 or C004F074), negative decimal (-1073418124) or positive decimal
(3221549172).

Examples:
  volume-activation error 0xC004F074
  volume-activation error -- -1073418124")]
    Error(ErrorArgs),

    /// Diagnose captures of slmgr /dlv, /dli, /xpr, ospp /dstatus, WMI or OSLicense output.
    #[command(after_help = "\
Each argument is a file, a directory (its files, sorted by name) or - for standard input.
The format is detected unless --format is given.

Examples:
  volume-activation explain capture.txt
  volume-activation explain --at 2026-05-14 --host-os windows-server-2019 \\
      --host-key windows-server-2019 captures/
  Get-CimInstance SoftwareLicensingProduct | ConvertTo-Json | volume-activation explain -")]
    Explain(ExplainArgs),

    /// Plan a fleet described in JSON: method per machine, KMS thresholds, MAKs, risks, actions.
    #[command(after_help = "\
Examples:
  volume-activation plan examples/data/fleet.json
  volume-activation plan fleet.json --at 2027-01-15 --html plan.html
  volume-activation plan fleet.json --json")]
    Plan(PlanArgs),

    /// The licence status of a fleet read from captures: machines at risk, causes, fixes, KMS
    /// hosts, actions.
    #[command(after_help = "\
Each argument is a file, a directory (its files, sorted by name) or - for standard input.
Every capture's label is its path as given, so each machine names its evidence files.
A capture's collection time is the trusted time it prints (local times need
--local-offset), else --collected-at, else with --use-file-times the file's modification
time, else unknown (then the state now is unknown, never assumed).

Exit: 0 the report covers every input; 2 a usage error, or an input could not be read
(each is named on stderr and in the report, and the report of the rest is still printed).

Examples:
  volume-activation status examples/data/captures --at 2026-05-15 --local-offset 0
  volume-activation status captures/ --horizon 30 --html status.html
  volume-activation status pc-*.txt --collected-at 2026-05-14T09:00:00Z --json
  Get-CimInstance SoftwareLicensingProduct | ConvertTo-Json | volume-activation status -")]
    Status(StatusArgs),

    /// The dated licence timeline of one machine: install, events, and what follows.
    #[command(after_help = "\
Events are DATE=EVENT, with an argument after a colon where the event takes one:
  kms-activation[:MINUTES]  (renewal interval, default 10080)
  kms-renewal  kms-renewal-failure  adba-activation  avma-activation  leave-domain  rearm
  mak-activation[:independent|proxy]  key-change:CHANNEL  hardware-out-of-tolerance
  non-genuine  evaluation-expiry
DATE is YYYY-MM-DD (midnight UTC) or RFC 3339.

Examples:
  volume-activation lifecycle windows-10/enterprise volume-gvlk --installed 2026-03-02 \\
      --event 2026-03-03=kms-activation --event 2026-03-10=kms-renewal")]
    Lifecycle(LifecycleArgs),

    /// The crate's rule tables with sources, confidence and data version, as JSON or CSV.
    #[command(after_help = "\
Tables: skus, gvlks, avma-keys, host-key-coverage, host-os, required-updates, error-codes.

Examples:
  volume-activation export --table host-key-coverage --format csv > coverage.csv
  volume-activation export > rules.json")]
    Export(ExportArgs),
}

/// `sku`: one SKU, the list, or a GVLK's SKUs.
#[derive(Debug, Args)]
#[group(skip)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(false).args(["name", "list", "gvlk"])))]
pub(crate) struct SkuArgs {
    /// The SKU: an ID (windows-11/enterprise) or a name as tools print it; several words are
    /// joined with spaces.
    #[arg(value_name = "NAME_OR_ID")]
    pub(crate) name: Vec<String>,

    /// List every SKU (with --family: of one family).
    #[arg(long)]
    pub(crate) list: bool,

    /// With --list: only this family (client, server or office).
    #[arg(long, requires = "list", value_name = "FAMILY")]
    pub(crate) family: Option<String>,

    /// Which SKUs a published GVLK belongs to.
    #[arg(long, value_name = "KEY")]
    pub(crate) gvlk: Option<String>,
}

/// `check`: one KMS host and one client.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The host's OS: a SKU ID or name, or a release (its Standard or Enterprise SKU is taken).
    pub(crate) host_os: String,
    /// The host key group: an ID (windows-server-2019) or its name.
    pub(crate) host_key: String,
    /// The client SKU: an ID or a name.
    pub(crate) client: String,
    /// The host's KMS count (without it: taken as meeting the client's threshold).
    #[arg(long, value_name = "N")]
    pub(crate) count: Option<u32>,
    /// An update installed on the host (KB4478877); repeat for several. Without it: the update
    /// the key needs is taken as installed.
    #[arg(long = "kb", value_name = "KB")]
    pub(crate) kbs: Vec<String>,
    /// The client's key channel.
    #[arg(long, default_value = "volume-gvlk", value_name = "CHANNEL")]
    pub(crate) channel: String,
}

/// `error`: one code.
#[derive(Debug, Args)]
pub(crate) struct ErrorArgs {
    /// The code: 0xC004F074, C004F074, -1073418124 or 3221549172.
    #[arg(allow_negative_numbers = true)]
    pub(crate) code: String,
}

/// `explain`: captures to diagnose.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Capture files, directories of captures, or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub(crate) inputs: Vec<PathBuf>,
    /// The captures' format (detected when absent): slmgr-dlv, slmgr-dli, slmgr-xpr,
    /// ospp-dstatus, wmi-list, wmi-json, oslicense-list, oslicense-json, look-alike.
    #[arg(long, value_name = "FORMAT")]
    pub(crate) format: Option<String>,
    /// The instant to diagnose at (YYYY-MM-DD or RFC 3339); without it no deadline is dated.
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
    /// How the captures print dates: month-first or day-first.
    #[arg(long, value_name = "ORDER")]
    pub(crate) date_order: Option<String>,
    /// The SKU the captures are of, when they do not say.
    #[arg(long, value_name = "SKU")]
    pub(crate) sku: Option<String>,
    /// The KMS host's OS (with --host-key): the clients are checked against that host.
    #[arg(long, requires = "host_key", value_name = "SKU")]
    pub(crate) host_os: Option<String>,
    /// The KMS host's key group (with --host-os).
    #[arg(long, requires = "host_os", value_name = "KEY")]
    pub(crate) host_key: Option<String>,
    /// A capture of the KMS host (slmgr /dlv on the host).
    #[arg(long, value_name = "FILE")]
    pub(crate) host: Option<PathBuf>,
    /// The host capture's format (detected when absent).
    #[arg(long, requires = "host", value_name = "FORMAT")]
    pub(crate) host_format: Option<String>,
}

/// `plan`: a fleet file.
#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// The fleet description (JSON; see examples/data/fleet.json).
    #[arg(value_name = "FLEET.json")]
    pub(crate) fleet: PathBuf,
    /// Plan at this date (YYYY-MM-DD or RFC 3339); default: now.
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
    /// Days ahead in which a machine reaching notification is a risk.
    #[arg(long, value_name = "DAYS")]
    pub(crate) horizon: Option<u32>,
    /// Also write a self-contained HTML report (summary, timeline chart, tables) to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,
}

/// `status`: captures of many machines.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Capture files, directories of captures, or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub(crate) inputs: Vec<PathBuf>,
    /// The instant of the report (YYYY-MM-DD or RFC 3339); default: now.
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
    /// Days ahead of --at in which reaching notification is reported (default 90).
    #[arg(long, value_name = "DAYS")]
    pub(crate) horizon: Option<u32>,
    /// When the captures were collected (YYYY-MM-DD or RFC 3339), for those that print no
    /// trusted time of their own (WMI JSON, ospp).
    #[arg(long, value_name = "DATE")]
    pub(crate) collected_at: Option<String>,
    /// Take a file's modification time as its collection time when nothing else gives one.
    #[arg(long)]
    pub(crate) use_file_times: bool,
    /// The UTC offset of the local times captures print (slmgr's trusted time): +02:00,
    /// -05:30, Z, or minutes east of UTC (120). Without it local times are not used.
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub(crate) local_offset: Option<String>,
    /// The captures' format (detected when absent): slmgr-dlv, slmgr-dli, slmgr-xpr,
    /// ospp-dstatus, wmi-list, wmi-json, oslicense-list, oslicense-json, look-alike.
    #[arg(long, value_name = "FORMAT")]
    pub(crate) format: Option<String>,
    /// How the captures print dates: month-first or day-first.
    #[arg(long, value_name = "ORDER")]
    pub(crate) date_order: Option<String>,
    /// Also write a self-contained HTML report (summary, chart, tables) to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,
}

/// `lifecycle`: one machine's timeline.
#[derive(Debug, Args)]
pub(crate) struct LifecycleArgs {
    /// The SKU installed (ID or name).
    pub(crate) sku: String,
    /// The key channel installed: volume-gvlk, volume-mak, retail, ...
    pub(crate) channel: String,
    /// When the product was installed (YYYY-MM-DD or RFC 3339); default: the first event's
    /// date, or today.
    #[arg(long, value_name = "DATE")]
    pub(crate) installed: Option<String>,
    /// An event, `DATE=EVENT[:ARG]`; repeat in time order.
    #[arg(
        long = "event",
        value_name = "DATE=EVENT",
        help = "An event, DATE=EVENT[:ARG]; repeat in time order"
    )]
    pub(crate) events: Vec<String>,
    /// The end of the timeline (default: three years after the last event).
    #[arg(long, value_name = "DATE")]
    pub(crate) until: Option<String>,
}

/// `export`: the rule tables.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Output format (csv needs --table).
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub(crate) format: ExportFormat,
    /// Only this table.
    #[arg(long, value_enum, value_name = "NAME")]
    pub(crate) table: Option<Table>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// One JSON document.
    Json,
    /// One CSV table with a header row.
    Csv,
}

/// The exported tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Table {
    /// The catalogue: every SKU with its release, edition, family and KMS threshold.
    Skus,
    /// The published KMS client setup keys (GVLKs).
    Gvlks,
    /// The published AVMA guest keys.
    AvmaKeys,
    /// Host key group x client SKU: the three-valued answer and its basis.
    HostKeyCoverage,
    /// Host OS SKU x host key group: whether the key installs on that OS.
    HostOs,
    /// Host OS release x client release: the update the host needs.
    RequiredUpdates,
    /// The documented activation error codes.
    ErrorCodes,
}

impl Table {
    /// Every table, in export order.
    pub(crate) const ALL: [Table; 7] = [
        Table::Skus,
        Table::Gvlks,
        Table::AvmaKeys,
        Table::HostKeyCoverage,
        Table::HostOs,
        Table::RequiredUpdates,
        Table::ErrorCodes,
    ];

    /// The table's name as `--table` takes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Skus => "skus",
            Table::Gvlks => "gvlks",
            Table::AvmaKeys => "avma-keys",
            Table::HostKeyCoverage => "host-key-coverage",
            Table::HostOs => "host-os",
            Table::RequiredUpdates => "required-updates",
            Table::ErrorCodes => "error-codes",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn table_names_are_the_value_names() {
        use clap::ValueEnum;
        for t in super::Table::ALL {
            let value = t.to_possible_value().unwrap();
            assert_eq!(value.get_name(), t.name());
        }
        assert_eq!(
            super::Table::ALL.len(),
            super::Table::value_variants().len()
        );
    }
}
