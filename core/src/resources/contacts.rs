use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::exports::CreateExport;
use crate::client::{json_payload, Client};
use crate::enums::Channel;
use crate::error::{Error, Result};
use crate::models::{Contact, Export, ImportResult, UploadPreview};
use crate::multipart::file_form;
use crate::page::{check_page_params, Page, PageIter, PageSource};
use crate::phone::check_e164;
use crate::transport::{Method, Payload};
use crate::url::segment;
use crate::validate;

/// The contacts endpoints. Get it from [`Client::contacts`].
#[derive(Debug, Clone, Copy)]
pub struct Contacts<'a> {
    client: &'a Client,
}

/// A new contact: name and E.164 phone required.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreateContact {
    /// Full name.
    pub name: String,
    /// Phone in E.164; checked before sending.
    pub phone: String,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IDs of lists to add the contact to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
    /// Custom fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, String>>,
}

impl CreateContact {
    /// A contact with its required fields.
    pub fn new(name: impl Into<String>, phone: impl Into<String>) -> CreateContact {
        CreateContact {
            name: name.into(),
            phone: phone.into(),
            email: None,
            lists: None,
            custom_fields: None,
        }
    }

    /// Adds one custom field.
    pub fn custom_field(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.custom_fields
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    fn check(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        check_e164("phone", &self.phone)?;
        check_optional_email(self.email.as_deref())
    }
}

setters!(CreateContact {
    /// Sets the email address.
    email: String,
    /// Sets the lists to add the contact to.
    lists: Vec<String>,
    /// Sets all custom fields.
    custom_fields: BTreeMap<String, String>,
});

/// Changes to a contact: a field that is set is changed, one that is cleared is sent as
/// `null` (removed on the server), and one left alone is not sent.
///
/// ```
/// let changes = zexa::UpdateContact::new().name("Maria S.").clear_email();
/// assert_eq!(changes.email, Some(None));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UpdateContact {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New phone, E.164.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// New email; `Some(None)` removes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Option<String>>,
    /// New list memberships (an empty list removes the contact from every list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
    /// New custom fields, replacing the old ones; `Some(None)` removes them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<Option<BTreeMap<String, String>>>,
}

impl UpdateContact {
    /// An update that changes nothing yet.
    pub fn new() -> UpdateContact {
        UpdateContact::default()
    }

    /// Sets the new email.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(Some(email.into()));
        self
    }

    /// Removes the email (sends `"email": null`).
    pub fn clear_email(mut self) -> Self {
        self.email = Some(None);
        self
    }

    /// Sets the new custom fields, replacing the old ones.
    pub fn custom_fields(mut self, fields: impl Into<BTreeMap<String, String>>) -> Self {
        self.custom_fields = Some(Some(fields.into()));
        self
    }

    /// Removes every custom field (sends `"custom_fields": null`).
    pub fn clear_custom_fields(mut self) -> Self {
        self.custom_fields = Some(None);
        self
    }

    fn check(&self) -> Result<()> {
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(phone) = &self.phone {
            check_e164("phone", phone)?;
        }
        check_optional_email(self.email.as_ref().and_then(|e| e.as_deref()))
    }
}

setters!(UpdateContact {
    /// Sets the new name.
    name: String,
    /// Sets the new phone (E.164).
    phone: String,
    /// Sets the new list memberships.
    lists: Vec<String>,
});

/// Filters and paging of a contact search; every filter optional.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListContacts {
    /// Only members of this list.
    pub list_id: Option<String>,
    /// Name contains.
    pub name: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Gender.
    pub gender: Option<String>,
    /// Validity of the number.
    pub valid: Option<bool>,
    /// Contacts reachable on this channel.
    pub channel: Option<Channel>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 100.
    pub per_page: Option<u32>,
}

impl ListContacts {
    /// No filter, page 1, default size.
    pub fn new() -> ListContacts {
        ListContacts::default()
    }

    fn filters(&self) -> Vec<(String, String)> {
        let pairs = [
            ("list_id", self.list_id.clone()),
            ("name", self.name.clone()),
            ("phone", self.phone.clone()),
            ("email", self.email.clone()),
            ("gender", self.gender.clone()),
            ("valid", self.valid.map(|v| v.to_string())),
            ("channel", self.channel.as_ref().map(|c| c.as_str().to_owned())),
        ];
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect()
    }
}

setters!(ListContacts {
    /// Only members of this list.
    list_id: String,
    /// Name contains this text.
    name: String,
    /// This phone number.
    phone: String,
    /// This email address.
    email: String,
    /// This gender.
    gender: String,
    /// Only contacts reachable on this channel.
    channel: Channel,
});

value_setters!(ListContacts {
    /// Only valid (or invalid) numbers.
    valid: bool,
    /// Page number (from 1).
    page: u32,
    /// Page size (1 to 100).
    per_page: u32,
});

/// Confirms a CSV/Excel upload with a mapping of its columns to contact fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ImportMapped {
    /// From [`UploadPreview::upload_id`].
    pub upload_id: String,
    /// Column name to the contact field it fills.
    pub mapping: BTreeMap<String, ImportField>,
    /// Lists to add the imported contacts to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
}

impl ImportMapped {
    /// An import of `upload_id` with this column mapping: pairs of a column name and the field
    /// it fills, typed or by name (a map works too).
    ///
    /// ```
    /// use zexa::{ImportField, ImportMapped};
    /// let typed = ImportMapped::new("upl_1", [("Nome", ImportField::Name), ("Cidade", ImportField::custom("city"))]);
    /// let named = ImportMapped::new("upl_1", [("Nome", "name"), ("Cidade", "custom:city")]);
    /// assert_eq!(typed, named);
    /// ```
    pub fn new<C, F>(upload_id: impl Into<String>, mapping: impl IntoIterator<Item = (C, F)>) -> ImportMapped
    where
        C: Into<String>,
        F: Into<ImportField>,
    {
        ImportMapped {
            upload_id: upload_id.into(),
            mapping: mapping.into_iter().map(|(c, f)| (c.into(), f.into())).collect(),
            lists: None,
        }
    }
}

/// The contact field an imported column fills.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImportField {
    /// `name`
    Name,
    /// `phone`
    Phone,
    /// `email`
    Email,
    /// `gender`
    Gender,
    /// `custom:<key>`: a custom field.
    Custom(String),
    /// A field name this version does not know, sent as given.
    Unknown(String),
}

impl ImportField {
    /// A custom field `key` (`custom:<key>`).
    pub fn custom(key: impl Into<String>) -> ImportField {
        ImportField::Custom(key.into())
    }

    /// The field as the API spells it.
    pub fn to_wire(&self) -> String {
        match self {
            ImportField::Name => "name".to_owned(),
            ImportField::Phone => "phone".to_owned(),
            ImportField::Email => "email".to_owned(),
            ImportField::Gender => "gender".to_owned(),
            ImportField::Custom(key) => format!("custom:{key}"),
            ImportField::Unknown(other) => other.clone(),
        }
    }
}

impl From<&str> for ImportField {
    fn from(name: &str) -> ImportField {
        match name {
            "name" => ImportField::Name,
            "phone" => ImportField::Phone,
            "email" => ImportField::Email,
            "gender" => ImportField::Gender,
            other => match other.strip_prefix("custom:") {
                Some(key) => ImportField::Custom(key.to_owned()),
                None => ImportField::Unknown(other.to_owned()),
            },
        }
    }
}

impl From<String> for ImportField {
    fn from(name: String) -> ImportField {
        ImportField::from(name.as_str())
    }
}

impl Serialize for ImportField {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_wire())
    }
}

setters!(ImportMapped {
    /// Sets the lists to add the imported contacts to.
    lists: Vec<String>,
});

/// Confirms a vCard upload.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ImportVcard {
    /// From [`UploadPreview::upload_id`].
    pub upload_id: String,
    /// Lists to add the imported contacts to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
}

impl ImportVcard {
    /// An import of `upload_id`.
    pub fn new(upload_id: impl Into<String>) -> ImportVcard {
        ImportVcard {
            upload_id: upload_id.into(),
            lists: None,
        }
    }
}

setters!(ImportVcard {
    /// Sets the lists to add the imported contacts to.
    lists: Vec<String>,
});

fn check_optional_email(email: Option<&str>) -> Result<()> {
    email.map_or(Ok(()), |e| validate::email("email", e))
}

/// Checks a list of contact IDs for a bulk call.
pub(crate) fn id_list<S: AsRef<str>>(field: &str, ids: &[S]) -> Result<Vec<String>> {
    if ids.is_empty() {
        return Err(Error::invalid(field, "must name at least one ID"));
    }
    ids.iter()
        .map(|id| {
            let id = id.as_ref();
            validate::non_empty(field, id).map(|()| id.to_owned())
        })
        .collect()
}

fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::invalid("file", format!("cannot read {}: {e}", path.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "upload".into());
    Ok((name, bytes))
}

impl<'a> Contacts<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Contacts { client }
    }

    /// `POST /contacts`. The phone must be E.164 (see [`crate::to_e164`]).
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let contact = client.contacts().create(
    ///     &zexa::CreateContact::new("Maria Santos", "+244912345678").email("maria@example.com"),
    /// )?;
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn create(&self, contact: &CreateContact) -> Result<Contact> {
        contact.check()?;
        self.client
            .call(Method::Post, "/contacts", &[], &json_payload(contact)?)
    }

    /// `GET /contacts/{id}`.
    pub fn get(&self, contact_id: &str) -> Result<Contact> {
        let path = format!("/contacts/{}", segment("contact_id", contact_id)?);
        self.client.call(Method::Get, &path, &[], &Payload::Empty)
    }

    /// `PUT /contacts/{id}`: changes the fields that are set.
    pub fn update(&self, contact_id: &str, changes: &UpdateContact) -> Result<Contact> {
        changes.check()?;
        let path = format!("/contacts/{}", segment("contact_id", contact_id)?);
        self.client.call(Method::Put, &path, &[], &json_payload(changes)?)
    }

    /// `DELETE /contacts/{id}`: removes the contact from every list, permanently.
    pub fn delete(&self, contact_id: &str) -> Result<()> {
        let path = format!("/contacts/{}", segment("contact_id", contact_id)?);
        self.client.call_empty(Method::Delete, &path, &Payload::Empty)
    }

    /// `DELETE /contacts` with `{"ids": [...]}`: deletes several contacts at once.
    pub fn delete_many<S: AsRef<str>>(&self, contact_ids: &[S]) -> Result<()> {
        let ids = id_list("contact_ids", contact_ids)?;
        let body = json_payload(&serde_json::json!({ "ids": ids }))?;
        self.client.call_empty(Method::Delete, "/contacts", &body)
    }

    /// `GET /contacts`: one page of contacts matching the filters.
    pub fn list(&self, params: &ListContacts) -> Result<Page<Contact>> {
        self.list_as(params)
    }

    /// [`Self::list`] with each item decoded into `T` instead of the model: a struct with
    /// only the fields you need, or `serde_json::Value`. Paging is the same.
    pub fn list_as<T: DeserializeOwned>(&self, params: &ListContacts) -> Result<Page<T>> {
        let (page, per_page) = check_page_params(params.page, params.per_page)?;
        self.source(params).fetch(page, per_page)
    }

    /// Every contact matching the filters, from `params.page` on, fetched lazily page by page. The first page is fetched on the first
    /// `next()`; parameters that are invalid come out as its first item (an error), and nothing
    /// is sent.
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// for contact in client.contacts().iter(&zexa::ListContacts::new().per_page(100)) {
    ///     println!("{}", contact?.phone);
    /// }
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn iter(&self, params: &ListContacts) -> PageIter<Contact> {
        PageIter::lazy(
            check_page_params(params.page, params.per_page).map(|first| (self.source(params), first)),
        )
    }

    fn source(&self, params: &ListContacts) -> PageSource {
        PageSource::new(self.client, "/contacts".to_owned(), params.filters())
    }

    /// `POST /contacts/upload`: uploads a CSV or Excel file and returns its preview. The
    /// content type is chosen from `filename`'s extension.
    pub fn upload(&self, file: &[u8], filename: &str) -> Result<UploadPreview> {
        validate::non_empty("filename", filename)?;
        self.client
            .call(Method::Post, "/contacts/upload", &[], &file_form(filename, file))
    }

    /// [`Self::upload`] of a file on disk.
    pub fn upload_path(&self, path: impl AsRef<Path>) -> Result<UploadPreview> {
        let (name, bytes) = read_file(path.as_ref())?;
        self.upload(&bytes, &name)
    }

    /// `POST /contacts/mapped/file`: imports an uploaded CSV/Excel file with a column mapping.
    pub fn import_mapped(&self, import: &ImportMapped) -> Result<ImportResult> {
        validate::non_empty("upload_id", &import.upload_id)?;
        if import.mapping.is_empty() {
            return Err(Error::invalid("mapping", "must map at least one column"));
        }
        self.client
            .call(Method::Post, "/contacts/mapped/file", &[], &json_payload(import)?)
    }

    /// `POST /contacts/upload/vcard`: uploads a `.vcf` file and returns its preview.
    pub fn upload_vcard(&self, file: &[u8], filename: &str) -> Result<UploadPreview> {
        validate::non_empty("filename", filename)?;
        self.client.call(
            Method::Post,
            "/contacts/upload/vcard",
            &[],
            &file_form(filename, file),
        )
    }

    /// [`Self::upload_vcard`] of a file on disk.
    pub fn upload_vcard_path(&self, path: impl AsRef<Path>) -> Result<UploadPreview> {
        let (name, bytes) = read_file(path.as_ref())?;
        self.upload_vcard(&bytes, &name)
    }

    /// `POST /contacts/mapped/vcard`: imports an uploaded vCard file.
    pub fn import_vcard(&self, import: &ImportVcard) -> Result<ImportResult> {
        validate::non_empty("upload_id", &import.upload_id)?;
        self.client.call(
            Method::Post,
            "/contacts/mapped/vcard",
            &[],
            &json_payload(import)?,
        )
    }

    /// `POST /exports/contacts`: starts an export; poll it with [`Client::exports`].
    pub fn export(&self, export: &CreateExport) -> Result<Export> {
        self.client.exports().create(export)
    }
}
