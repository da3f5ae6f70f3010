//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// veto: sanctions screening against the official lists.
#[derive(Debug, Parser)]
#[command(name = "veto", version, about, long_about = None)]
pub struct Cli {
    /// Store directory (default: $VETO_HOME, else the user's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,

    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format of listing commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human-readable table or text.
    #[default]
    Table,
    /// JSON.
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse list files and store them as a new version (atomic).
    Import(ImportArgs),
    /// Show the lists in the store.
    Lists(ListsArgs),
    /// Print one entity.
    Entity(EntityArgs),
    /// Download the current official lists, verify and import them.
    Update(UpdateArgs),
    /// Show what changed between two versions of a list.
    Diff(DiffArgs),
    /// Screen a name (or a file of queries) against the lists.
    Screen(ScreenArgs),
    /// Score two names against each other, with the explanation.
    Compare(CompareArgs),
    /// Find listed names in documents and payment messages (text, HTML, MT103/MT202,
    /// pacs.008/pacs.009), with their positions.
    Scan(ScanArgs),
    /// Serve the screening HTTP API (veto's /v1 endpoints and yente-compatible /match).
    Serve(ServeArgs),
}

/// `veto serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the bound address is
    /// printed on stderr).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// Config file (TOML or JSON): api_keys, admin_keys, max_body_bytes,
    /// max_batch, max_name_chars, request_timeout_ms.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Serve these list files (parsed now, and again on each reload) instead
    /// of the store.
    #[arg(long = "list", value_name = "FILE")]
    pub lists: Vec<PathBuf>,
    /// Serve without API keys on a non-loopback address.
    #[arg(long)]
    pub insecure_no_auth: bool,
}

/// Output format of `veto scan`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// One line per mention, then why.
    #[default]
    Text,
    /// One JSON object per mention.
    Jsonl,
}

/// Arguments of `veto scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or directories to scan (`-` reads standard input). A `.jsonl` file is a
    /// batch of messages: one `{"id", "text", "format"?}` object per line.
    #[arg(value_name = "FILE|DIR|-", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ScanFormat,
    /// Report mentions scoring at least this (default: the scanner's default).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Read every input as this format instead of recognizing it: text, html, mt, xml
    /// (ISO 20022), jsonl.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Write the mentions here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Scan against these list files (parsed now) instead of the store.
    #[arg(long = "list", value_name = "FILE")]
    pub lists: Vec<PathBuf>,
}

/// `veto screen`.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// The name to screen (omit with --input).
    #[arg(value_name = "NAME", required_unless_present = "input", conflicts_with = "input")]
    pub name: Option<String>,
    /// Kind of entity: person, organization, vessel, aircraft.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<veto_model::Kind>,
    /// Birth date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub dob: Option<veto_model::PartialDate>,
    /// Country (ISO code or name).
    #[arg(long, value_parser = parse_country)]
    pub country: Option<veto_model::Country>,
    /// Identifier TYPE:VALUE (passport:AB123, imo:9187629, ...), repeatable.
    #[arg(long = "id", value_name = "TYPE:VALUE")]
    pub ids: Vec<String>,
    /// At most this many hits per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only hits scoring at least this (default: the matcher's default).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Output format (single query).
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Batch input: JSON lines or CSV of queries.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Batch output (JSON lines); default stdout.
    #[arg(long, value_name = "FILE", requires = "input")]
    pub output: Option<PathBuf>,
    /// Screen against these list files (parsed now) instead of the store.
    #[arg(long = "list", value_name = "FILE")]
    pub lists: Vec<PathBuf>,
}

/// `veto compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first name (the query).
    pub a: String,
    /// The second name (as on a list).
    pub b: String,
    /// Kind of entity.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<veto_model::Kind>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Take token rarity from these list files instead of the store.
    #[arg(long = "list", value_name = "FILE")]
    pub lists: Vec<PathBuf>,
}

fn parse_kind(s: &str) -> Result<veto_model::Kind, String> {
    veto_model::Kind::parse(s)
        .ok_or_else(|| format!("unknown kind '{s}' (person, organization, vessel, aircraft)"))
}

fn parse_date(s: &str) -> Result<veto_model::PartialDate, String> {
    s.parse().map_err(|e: veto_model::DateParseError| e.to_string())
}

fn parse_country(s: &str) -> Result<veto_model::Country, String> {
    veto_model::country::resolve(s).ok_or_else(|| format!("unknown country '{s}'"))
}

/// `veto import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// List files (CSV, XML, JSON, xlsx, ods; .gz and .zip are unpacked).
    #[arg(value_name = "FILE", required_unless_present = "default")]
    pub files: Vec<PathBuf>,
    /// Import the lists embedded in veto (OFAC SDN and Consolidated, UN, UK).
    #[arg(long, conflicts_with = "files")]
    pub default: bool,
    /// Force the format instead of detecting it from the content.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<veto_model::Format>,
    /// Force the source (e.g. us_ofac_cons for a renamed consolidated CSV).
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<veto_model::Source>,
    /// Skip bad records (each one is reported) instead of failing.
    #[arg(long)]
    pub lenient: bool,
    /// Parse and report, but do not store.
    #[arg(long)]
    pub dry_run: bool,
    /// Output format of the report.
    #[arg(long, value_enum, default_value_t)]
    pub output: OutputFormat,
}

fn parse_format(s: &str) -> Result<veto_model::Format, String> {
    veto_model::Format::parse(s).ok_or_else(|| {
        let all: Vec<&str> = veto_model::Format::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format '{s}' (expected one of: {})", all.join(", "))
    })
}

/// `veto lists`.
#[derive(Debug, Args)]
pub struct ListsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Also show stored versions that are not active.
    #[arg(long)]
    pub all: bool,
}

/// `veto entity`.
#[derive(Debug, Args)]
pub struct EntityArgs {
    /// Entity id, e.g. us_ofac_sdn:35096 or un:QDi.001.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// `veto update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Only these lists (default: all configured). Names: us_ofac_sdn,
    /// us_ofac_cons, un, uk_ofsi, eu_fsf, us_csl.
    #[arg(value_name = "LIST")]
    pub lists: Vec<String>,
    /// Override a list's download address: LIST=URL (repeat for lists of
    /// several files, in order).
    #[arg(long = "url", value_name = "LIST=URL")]
    pub urls: Vec<String>,
    /// A JSON file of list download settings (see `veto update --help`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Accept a download with far fewer entities than the stored version.
    #[arg(long)]
    pub allow_shrink: bool,
    /// Give up on a download after this many seconds.
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    pub timeout: u64,
    /// Skip bad records (each one is reported) instead of failing.
    #[arg(long)]
    pub lenient: bool,
}

/// `veto diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The list (e.g. us_ofac_sdn).
    pub list: String,
    /// The older version id (default: the version before the active one).
    #[arg(long)]
    pub from: Option<String>,
    /// The newer version id (default: the active one).
    #[arg(long)]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn flag_table_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
