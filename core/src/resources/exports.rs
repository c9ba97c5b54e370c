use std::io::Write;
use std::time::Duration;

use serde::Serialize;

use super::wait::Poll;
use crate::client::{json_payload, Client};
use crate::enums::ExportStatus;
use crate::error::{quoted, Error, Result};
use crate::models::Export;
use crate::transport::{Method, Payload};
use crate::url::segment;

/// The exports endpoints. Get it from [`Client::exports`].
#[derive(Debug, Clone, Copy)]
pub struct Exports<'a> {
    client: &'a Client,
}

/// A contact export: all contacts, or one list's; CSV unless another format is set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreateExport {
    /// Only this list's contacts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_id: Option<String>,
    /// File format (`csv` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<ExportFormat>,
}

crate::enums::string_enum! {
    /// The file format of an export.
    ExportFormat {
        /// Comma-separated values (the default).
        Csv => "csv",
    }
}

impl CreateExport {
    /// All contacts, as CSV.
    pub fn new() -> CreateExport {
        CreateExport::default()
    }
}

setters!(CreateExport {
    /// Only this list's contacts.
    list_id: String,
    /// File format (`csv` by default): an [`ExportFormat`], or a name this version does not
    /// know yet.
    format: ExportFormat,
});

impl<'a> Exports<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Exports { client }
    }

    /// `POST /exports/contacts`: starts an export of contacts.
    pub fn create(&self, export: &CreateExport) -> Result<Export> {
        self.client
            .call(Method::Post, "/exports/contacts", &[], &json_payload(export)?)
    }

    /// `GET /exports/{id}`: the export's progress, with `download_url` once completed.
    pub fn get(&self, export_id: &str) -> Result<Export> {
        let path = format!("/exports/{}", segment("export_id", export_id)?);
        self.client.call(Method::Get, &path, &[], &Payload::Empty)
    }

    /// Polls the export every `poll_interval` ([`DEFAULT_POLL_INTERVAL`](crate::DEFAULT_POLL_INTERVAL)
    /// when `None`) until it is `completed` or `failed`, and returns it. With a `timeout`,
    /// gives up with [`Error::ExportWaitTimeout`] (carrying the export as last seen).
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let export = client.exports().create(&zexa::CreateExport::new())?;
    /// let export = client.exports().wait(&export.id, None, None)?;
    /// let mut file = std::fs::File::create("contacts.csv")?;
    /// let bytes = client.exports().download(&export, &mut file)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wait(
        &self,
        export_id: &str,
        poll_interval: impl Into<Option<Duration>>,
        timeout: Option<Duration>,
    ) -> Result<Export> {
        let poll = Poll {
            interval: poll_interval.into(),
            timeout,
        };
        poll.run(
            self.client,
            || self.get(export_id),
            Export::is_final,
            |_| {},
            |export, waited, polls| Error::ExportWaitTimeout {
                export: Box::new(export),
                waited,
                polls,
            },
        )
    }

    /// Streams a completed export's file into `writer` and returns the number of bytes
    /// written. `export` is an [`Export`] (as [`Self::wait`] returns it) or an export ID, which
    /// is looked up first.
    ///
    /// The file may be on another host (object storage): the API key is sent only when the
    /// download URL has the API's own scheme, host and port. The size is capped by
    /// [`ClientBuilder::max_download_bytes`](crate::ClientBuilder::max_download_bytes), and
    /// the body goes straight to `writer` (never whole into memory). Failures before the first
    /// byte are retried as any GET; once bytes are written, nothing is.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the export is not completed (or has no download URL);
    /// [`Error::Write`] when `writer` fails; otherwise the errors of any call.
    pub fn download<'e>(&self, export: impl Into<ExportRef<'e>>, writer: &mut impl Write) -> Result<u64> {
        let fetched;
        let export = match export.into() {
            ExportRef::Export(export) => export,
            ExportRef::Id(id) => {
                fetched = self.get(id)?;
                &fetched
            }
        };
        let url = match (&export.status, &export.download_url) {
            (ExportStatus::Completed, Some(url)) => url,
            (ExportStatus::Completed, None) => {
                return Err(Error::invalid(
                    "export",
                    format!("{} is completed but has no download_url", quoted(&export.id)),
                ))
            }
            (status, _) => {
                return Err(Error::invalid(
                    "export",
                    format!(
                        "{} is {status}, not completed: wait for it first (exports().wait)",
                        quoted(&export.id)
                    ),
                ))
            }
        };
        self.client.download(url, writer)
    }
}

/// The export to download: an [`Export`] or its ID.
#[derive(Debug, Clone, Copy)]
pub enum ExportRef<'a> {
    /// An export's ID (`exp_...`): it is fetched first.
    Id(&'a str),
    /// An export as the API returned it.
    Export(&'a Export),
}

impl<'a> From<&'a str> for ExportRef<'a> {
    fn from(id: &'a str) -> Self {
        ExportRef::Id(id)
    }
}

impl<'a> From<&'a String> for ExportRef<'a> {
    fn from(id: &'a String) -> Self {
        ExportRef::Id(id)
    }
}

impl<'a> From<&'a Export> for ExportRef<'a> {
    fn from(export: &'a Export) -> Self {
        ExportRef::Export(export)
    }
}
