//! Shared helpers of the benchmark binaries in `src/bin/`.
//!
//! Each binary measures one thing and prints exactly one JSON line on stdout (see
//! [`emit`]); `bench/report.py` reads those lines and writes the tables. Everything here is
//! small on purpose: argument parsing, the API key, a model for the raw-ureq baseline,
//! memory readings from `/proc/self/status`, and the output line.

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Map, Value};

/// The key the sandbox accepts (nginx accepts anything).
pub const API_KEY: &str = "zx_sandbox_key";

/// The ID asked for in the latency runs; nginx answers the same contact for every ID.
pub const CONTACT_ID: &str = "cnt_def456";

/// `--name value` command-line flags, read once.
#[derive(Debug, Default)]
pub struct Args {
    values: HashMap<String, String>,
}

impl Args {
    /// Reads `--name value` pairs from the process arguments.
    ///
    /// # Panics
    /// When an argument is not a `--name value` pair: the benchmarks are driven by
    /// `run.sh`, so a bad command line is a bug to report loudly.
    pub fn from_env() -> Args {
        let mut values = HashMap::new();
        let mut it = std::env::args().skip(1);
        while let Some(flag) = it.next() {
            let name = flag
                .strip_prefix("--")
                .unwrap_or_else(|| panic!("unexpected argument {flag:?}"));
            let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
            values.insert(name.to_owned(), value);
        }
        Args { values }
    }

    /// The value of `--name`, or `default` when absent.
    pub fn str_or(&self, name: &str, default: &str) -> String {
        self.values
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    }

    /// The value of `--name`, which is required.
    ///
    /// # Panics
    /// When the flag is missing.
    pub fn required(&self, name: &str) -> String {
        self.values
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("--{name} is required"))
    }

    /// The value of `--name`, if given (a path or other optional text).
    pub fn optional(&self, name: &str) -> Option<String> {
        self.values.get(name).cloned()
    }

    /// The value of `--name` as a number, or `default` when absent.
    ///
    /// # Panics
    /// When the value is not a number.
    pub fn num_or(&self, name: &str, default: u64) -> u64 {
        self.values.get(name).map_or(default, |v| {
            v.parse()
                .unwrap_or_else(|_| panic!("--{name} expects a number, got {v:?}"))
        })
    }
}

/// A contact as a hand-written client would model it: the documented fields, no `extra`.
/// The raw-ureq baseline decodes into this.
#[derive(Debug, Clone, Deserialize)]
pub struct RawContact {
    /// `cnt_...`
    pub id: String,
    /// Full name.
    pub name: String,
    /// E.164 phone.
    pub phone: String,
    /// Email, if any.
    #[serde(default)]
    pub email: Option<String>,
    /// List IDs, if present.
    #[serde(default)]
    pub lists: Option<Vec<String>>,
    /// Custom fields, if present.
    #[serde(default)]
    pub custom_fields: Option<HashMap<String, String>>,
    /// Gender, if known.
    #[serde(default)]
    pub gender: Option<String>,
    /// Validity, if known.
    #[serde(default)]
    pub valid: Option<bool>,
    /// Creation time.
    pub created_at: String,
}

/// A client of the Rust SDK for `base_url` with the sandbox key.
///
/// # Panics
/// When the SDK refuses the URL or key.
pub fn sdk_client(base_url: &str) -> zexa::Client {
    zexa::Client::builder(API_KEY)
        .base_url(base_url)
        .build()
        .expect("SDK client for the benchmark server")
}

/// The ID of the first contact of the server behind `client` (the sandbox is seeded).
///
/// # Panics
/// When the list call fails or the server has no contact.
pub fn first_contact_id(client: &zexa::Client) -> String {
    let page = client
        .contacts()
        .list(&zexa::ListContacts::new().per_page(1u32))
        .expect("listing contacts");
    page.data
        .first()
        .map(|c| c.id.clone())
        .expect("the server has at least one contact (start the sandbox with --seed-contacts)")
}

/// A value from `/proc/self/status` in bytes, such as `VmHWM` (peak RSS) or `VmRSS`; 0 when
/// unreadable.
pub fn proc_status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Calls per second of `calls` done in `elapsed`.
pub fn rate(calls: u64, elapsed: Duration) -> f64 {
    calls as f64 / elapsed.as_secs_f64().max(1e-9)
}

/// Prints one result line: `{"section": ..., "client": ..., <fields>}`.
pub fn emit(section: &str, client: &str, fields: Value) {
    let mut line = Map::new();
    line.insert("section".into(), section.into());
    line.insert("client".into(), client.into());
    if let Value::Object(extra) = fields {
        line.extend(extra);
    }
    println!("{}", Value::Object(line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_own_peak_rss() {
        assert!(proc_status_bytes("VmHWM") > 0);
        assert_eq!(proc_status_bytes("NoSuchField"), 0);
    }

    #[test]
    fn rate_is_calls_per_second() {
        assert!((rate(100, Duration::from_millis(500)) - 200.0).abs() < 1e-6);
    }
}
