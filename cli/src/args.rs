//! The command line itself: every command, option and help text, declared with clap's derive.
//!
//! Nothing here decides a default that belongs to the API or the core: an option that is not
//! given stays `None` and the core's default applies.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use zexa_sandbox::SandboxArgs;

/// The command line of the Zexa messaging API: contacts, lists, messages, campaigns, webhooks,
/// a local sandbox and a webhook listener.
///
/// Configuration: ZEXA_API_KEY and ZEXA_BASE_URL, or --api-key and --base-url.
///
/// Exit codes: 0 success, 2 usage error, 3 invalid input (refused locally), 4 unauthorized,
/// 5 not found, 6 rate limited, 7 network error or timeout, 8 server error, 1 any other API
/// error, 130 interrupted.
#[derive(Debug, Parser)]
#[command(name = "zexa", version, about, long_about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted anywhere on the line.
#[derive(Debug, Args)]
pub struct Global {
    /// Print JSON for scripts: one document per result, JSON lines for lists.
    #[arg(long, global = true)]
    pub json: bool,
    /// Show each request and retry on stderr (never the API key).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// The API key (default: ZEXA_API_KEY).
    #[arg(long, global = true, value_name = "KEY")]
    pub api_key: Option<String>,
    /// The API's base URL (default: ZEXA_BASE_URL, then the production API).
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Timeout of each attempt, in seconds (default: the SDK's).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: Option<Duration>,
    /// Retries after a failure that is safe to retry (default: the SDK's).
    #[arg(long, global = true, value_name = "N")]
    pub max_retries: Option<u32>,
}

/// A number of seconds (`1.5`); whether zero is allowed is the core's call.
fn seconds(s: &str) -> Result<Duration, String> {
    let value: f64 = s
        .parse()
        .map_err(|_| "expected a number of seconds, e.g. 2.5".to_owned())?;
    Duration::try_from_secs_f64(value).map_err(|_| "expected a non-negative number of seconds".to_owned())
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, read, change, delete, list, import and export contacts.
    #[command(subcommand)]
    Contacts(Contacts),
    /// Contact lists and their members.
    #[command(subcommand)]
    Lists(Lists),
    /// Send a message or look one up.
    #[command(subcommand)]
    Messages(Messages),
    /// Preview, create, follow and list campaigns.
    #[command(subcommand)]
    Campaigns(Campaigns),
    /// The registered sender IDs.
    SenderIds(Paging),
    /// The credit balance.
    Credits,
    /// Register delivery-status webhooks.
    #[command(subcommand)]
    Webhooks(Webhooks),
    /// How an SMS body is encoded and how many segments it is billed as.
    Segments(SegmentsArgs),
    /// Call any endpoint: the escape hatch, with the same key, retries and errors.
    Request(RequestArgs),
    /// Run the local sandbox (the API emulator) until Ctrl-C.
    Sandbox(SandboxCommand),
    /// Receive delivery-status webhooks on loopback, print them, and forward them.
    Listen(ListenArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// How a list is printed (besides `--json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns.
    Table,
    /// Comma-separated values with a header row.
    Csv,
}

/// Paging of a list command.
#[derive(Debug, Args)]
pub struct Paging {
    /// Page number, from 1.
    #[arg(long)]
    pub page: Option<u32>,
    /// Items per page (default: the API's).
    #[arg(long)]
    pub per_page: Option<u32>,
    /// Every item of every page.
    #[arg(long, conflicts_with = "page")]
    pub all: bool,
    /// Table or CSV (`--json` prints JSON lines).
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub output: ListFormat,
}

/// `zexa contacts ...`
#[derive(Debug, Subcommand)]
pub enum Contacts {
    /// Create a contact.
    Create {
        /// Full name.
        #[arg(long)]
        name: String,
        /// Phone number in E.164 (+244912345678).
        #[arg(long)]
        phone: String,
        /// Email address.
        #[arg(long)]
        email: Option<String>,
        /// A list to add the contact to (repeatable).
        #[arg(long = "list", value_name = "LIST_ID")]
        lists: Vec<String>,
    },
    /// Show a contact.
    Get {
        /// The contact's ID (cnt_...).
        id: String,
    },
    /// Change a contact; only the options given are sent.
    Update {
        /// The contact's ID.
        id: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// New phone (E.164).
        #[arg(long)]
        phone: Option<String>,
        /// New email.
        #[arg(long, conflicts_with = "clear_email")]
        email: Option<String>,
        /// Remove the email address.
        #[arg(long)]
        clear_email: bool,
    },
    /// Delete contacts.
    Delete {
        /// The contacts' IDs.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// List or search contacts.
    List {
        /// Only members of this list.
        #[arg(long)]
        list_id: Option<String>,
        /// Name contains.
        #[arg(long)]
        name: Option<String>,
        /// This phone number.
        #[arg(long)]
        phone: Option<String>,
        /// This email.
        #[arg(long)]
        email: Option<String>,
        /// Reachable on this channel.
        #[arg(long)]
        channel: Option<String>,
        #[command(flatten)]
        paging: Paging,
    },
    /// Import a CSV (columns mapped with --map) or vCard (.vcf) file.
    Import {
        /// The file; `.vcf` is read as vCard, anything else as CSV/Excel.
        file: PathBuf,
        /// A column and the field it fills: name, phone, email, gender or custom:KEY (repeatable).
        #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = column_mapping)]
        mappings: Vec<(String, String)>,
        /// A list to add the imported contacts to (repeatable).
        #[arg(long = "list", value_name = "LIST_ID")]
        lists: Vec<String>,
        /// Upload and show the preview only; import nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Export contacts to a CSV file: waits for the export and downloads it.
    Export {
        /// Only this list's contacts.
        #[arg(long)]
        list_id: Option<String>,
        /// Where to write the file.
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        polling: Polling,
    },
}

/// `COLUMN=FIELD`, split at the last `=` (column names may hold one, field names do not).
fn column_mapping(s: &str) -> Result<(String, String), String> {
    match s.rsplit_once('=') {
        Some((column, field)) if !column.is_empty() && !field.is_empty() => {
            Ok((column.to_owned(), field.to_owned()))
        }
        _ => Err("expected COLUMN=FIELD, e.g. Telefone=phone".to_owned()),
    }
}

/// `zexa lists ...`
#[derive(Debug, Subcommand)]
pub enum Lists {
    /// Create a list.
    Create {
        /// Its name.
        name: String,
        /// A description.
        #[arg(long)]
        description: Option<String>,
    },
    /// List the lists.
    List(Paging),
    /// Add contacts to a list.
    Add {
        /// The list's ID (lst_...).
        list_id: String,
        /// The contacts' IDs.
        #[arg(required = true)]
        contact_ids: Vec<String>,
    },
    /// Remove contacts from a list.
    Remove {
        /// The list's ID.
        list_id: String,
        /// The contacts' IDs.
        #[arg(required = true)]
        contact_ids: Vec<String>,
    },
    /// The contacts of a list.
    Members {
        /// The list's ID.
        list_id: String,
        #[command(flatten)]
        paging: Paging,
    },
}

/// `zexa messages ...`
#[derive(Debug, Subcommand)]
pub enum Messages {
    /// Send one message.
    Send {
        /// sms, whatsapp, telegram, email or slack.
        #[arg(long)]
        channel: String,
        /// Recipient: E.164, an email address, or a Slack channel.
        #[arg(long)]
        to: String,
        /// Registered sender ID.
        #[arg(long)]
        from: String,
        #[command(flatten)]
        content: Content,
        /// Refuse an SMS body of more segments than this, before sending.
        #[arg(long)]
        max_segments: Option<u32>,
    },
    /// Show a message and its delivery status.
    Get {
        /// The message's ID (msg_...).
        id: String,
    },
    /// Send one personalised message per row of a CSV file: concurrent, within the rate
    /// limit, and with --journal never twice, even across a crash (rerun with the same
    /// journal to resume). Exits 1 when any row failed or may have been sent.
    SendBulk(SendBulk),
}

/// `zexa messages send-bulk FILE.csv ...`
#[derive(Debug, Args)]
pub struct SendBulk {
    /// The CSV file; its first line names the columns.
    pub file: std::path::PathBuf,
    /// The column with each row's recipient.
    #[arg(long, value_name = "COLUMN")]
    pub to_column: String,
    /// The body, with {column} filled from each row ({{ and }} for braces).
    #[arg(
        long,
        value_name = "TEMPLATE",
        conflicts_with = "body_column",
        required_unless_present = "body_column"
    )]
    pub body: Option<String>,
    /// The column with each row's whole body.
    #[arg(long, value_name = "COLUMN")]
    pub body_column: Option<String>,
    /// Registered sender ID.
    #[arg(long)]
    pub from: String,
    /// sms, whatsapp, telegram, email or slack.
    #[arg(long, default_value = "sms")]
    pub channel: String,
    /// The column with each row's key (an invoice or customer number); default: the row's
    /// position, from 0.
    #[arg(long, value_name = "COLUMN")]
    pub ref_column: Option<String>,
    /// The journal file (JSON lines) that makes a rerun skip what was sent.
    #[arg(long, value_name = "PATH")]
    pub journal: Option<std::path::PathBuf>,
    /// The most sends at once (the SDK's default when not given).
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Check every row and count SMS segments; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Refuse an SMS body of more segments than this, before sending.
    #[arg(long)]
    pub max_segments: Option<u32>,
    /// Where the refs that may have been sent are listed (default: FILE.ambiguous.csv).
    #[arg(long, value_name = "PATH")]
    pub ambiguous_out: Option<std::path::PathBuf>,
}

/// A body or a template: exactly one.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Content {
    /// Plain-text body.
    #[arg(long)]
    pub body: Option<String>,
    /// A template, as JSON.
    #[arg(long, value_name = "JSON", value_parser = json_value)]
    pub template: Option<serde_json::Value>,
}

fn json_value(s: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))
}

/// `zexa campaigns ...`
#[derive(Debug, Subcommand)]
pub enum Campaigns {
    /// What a campaign would use (recipients, SMS segments), without creating it.
    Preview {
        /// The audience list.
        #[arg(long = "list", value_name = "LIST_ID")]
        list: String,
        /// The channel.
        #[arg(long)]
        channel: String,
        /// The body.
        #[arg(long)]
        body: String,
    },
    /// Create and launch (or schedule) a campaign.
    Create {
        /// Internal name.
        #[arg(long)]
        name: String,
        /// The channel.
        #[arg(long)]
        channel: String,
        /// The audience list.
        #[arg(long = "list", value_name = "LIST_ID")]
        list: String,
        /// Registered sender ID.
        #[arg(long)]
        from: String,
        /// The body.
        #[arg(long)]
        body: String,
        /// Start time, ISO 8601 UTC (2026-07-01T08:00:00Z); now when not given.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Refuse an SMS body of more segments than this, before sending.
        #[arg(long)]
        max_segments: Option<u32>,
        /// Then follow it until it is final, as `campaigns wait`.
        #[arg(long)]
        wait: bool,
        #[command(flatten)]
        polling: Polling,
    },
    /// Show a campaign and its counters.
    Get {
        /// The campaign's ID (cmp_...).
        id: String,
    },
    /// List campaigns.
    List(Paging),
    /// Follow a campaign until it is completed or failed; Ctrl-C stops waiting (not the campaign).
    Wait {
        /// The campaign's ID.
        id: String,
        #[command(flatten)]
        polling: Polling,
    },
}

/// How a wait polls.
#[derive(Debug, Args)]
pub struct Polling {
    /// Seconds between polls (default: the SDK's).
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub poll_interval: Option<Duration>,
    /// Give up after this many seconds (exit 7).
    #[arg(long = "wait-timeout", value_name = "SECONDS", value_parser = seconds)]
    pub wait_timeout: Option<Duration>,
}

/// `zexa webhooks ...`
#[derive(Debug, Subcommand)]
pub enum Webhooks {
    /// Register a webhook.
    Create {
        /// Where events are POSTed (https; http to loopback in the sandbox).
        url: String,
        /// An event type, e.g. message.delivered (repeatable).
        #[arg(long = "event", value_name = "EVENT", required = true)]
        events: Vec<String>,
    },
}

/// `zexa segments ...`
#[derive(Debug, Args)]
pub struct SegmentsArgs {
    /// The text; read from stdin when not given.
    pub text: Option<String>,
}

/// An HTTP method of `zexa request`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum HttpMethod {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

/// `zexa request ...`
#[derive(Debug, Args)]
pub struct RequestArgs {
    /// GET, POST, PUT, PATCH or DELETE.
    #[arg(value_enum, ignore_case = true)]
    pub method: HttpMethod,
    /// The path under the base URL, e.g. /credits.
    pub path: String,
    /// A query parameter (repeatable).
    #[arg(long = "query", value_name = "K=V", value_parser = query_pair)]
    pub query: Vec<(String, String)>,
    /// The JSON body.
    #[arg(long, value_name = "JSON", value_parser = json_value)]
    pub data: Option<serde_json::Value>,
}

fn query_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| "expected K=V".to_owned())
}

/// `zexa sandbox ...`: the options of `zexa-sandbox`; the accepted key is `--api-key`.
#[derive(Debug, Args)]
pub struct SandboxCommand {
    #[command(flatten)]
    pub options: SandboxArgs,
}

/// `zexa listen ...`
#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Replay each event (same body and headers) to this local URL and print its answer.
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Event types to receive (repeatable; default: every type the SDK knows).
    #[arg(long = "events", value_name = "EVENT", num_args = 1..)]
    pub events: Vec<String>,
    /// Address of the receiver; loopback. Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: std::net::SocketAddr,
    /// The public URL of a tunnel in front of the receiver, registered instead of the local one.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

/// `zexa completions ...`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_splits_at_the_last_equals_sign() {
        assert_eq!(
            column_mapping("Telefone=phone"),
            Ok(("Telefone".to_owned(), "phone".to_owned()))
        );
        assert_eq!(
            column_mapping("a=b=custom:x"),
            Ok(("a=b".to_owned(), "custom:x".to_owned()))
        );
        assert!(column_mapping("Telefone").is_err());
        assert!(column_mapping("=phone").is_err());
        assert!(column_mapping("Telefone=").is_err());
    }

    #[test]
    fn seconds_take_fractions_and_refuse_what_is_not_a_duration() {
        assert_eq!(seconds("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(
            seconds("0"),
            Ok(Duration::ZERO),
            "the core decides whether zero is allowed"
        );
        assert!(seconds("-1").is_err());
        assert!(seconds("NaN").is_err());
        assert!(seconds("soon").is_err());
    }

    #[test]
    fn query_pairs_split_at_the_first_equals_sign() {
        assert_eq!(query_pair("q=a=b"), Ok(("q".to_owned(), "a=b".to_owned())));
        assert!(query_pair("q").is_err());
    }
}
