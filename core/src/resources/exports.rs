use serde::Serialize;

use crate::client::{json_payload, Client};
use crate::error::Result;
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
}
