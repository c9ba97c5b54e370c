//! `client.contacts` and `client.exports`.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use zexa::{CreateContact, CreateExport, ImportMapped, ImportVcard, ListContacts, UpdateContact};

use super::{none, resource_common};
use crate::arg::*;
use crate::call::Base;
use crate::errors::{check, invalid};
use crate::models::into_model;
use crate::page::Page;

/// Contacts: create, get, update, delete, list and search, bulk import, export.
#[pyclass(frozen, module = "zexa")]
pub struct Contacts {
    base: Base,
}

resource_common!(Contacts);

#[pymethods]
impl Contacts {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> Contacts {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Creates a contact; `phone` must be E.164 (see `zexa.to_e164`).
    #[pyo3(signature = (*, name, phone, email=None, lists=None, custom_fields=None, **options))]
    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        py: Python<'_>,
        name: &Bound<'_, PyAny>,
        phone: &Bound<'_, PyAny>,
        email: Option<&Bound<'_, PyAny>>,
        lists: Option<&Bound<'_, PyAny>>,
        custom_fields: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let name = text("name", name)?;
        let phone = text("phone", phone)?;
        let email = opt_text("email", email)?;
        let lists = opt_texts("lists", lists)?;
        let custom_fields = opt_text_map("custom_fields", custom_fields)?;
        let mut request = CreateContact::new(name, phone);
        request.email = email;
        request.lists = lists;
        request.custom_fields = custom_fields;
        self.base
            .call(py, options, move |c| c.contacts().create(&request), into_model)
    }

    /// Fetches one contact.
    #[pyo3(signature = (contact_id, **options))]
    fn get(
        &self,
        py: Python<'_>,
        contact_id: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let contact_id = text("contact_id", contact_id)?;
        self.base
            .call(py, options, move |c| c.contacts().get(&contact_id), into_model)
    }

    /// Changes the given fields of a contact; the others are left as they are. `None` clears
    /// `email` or `custom_fields` (sent as `null`).
    #[pyo3(signature = (contact_id, *, name=Arg::NotGiven, phone=Arg::NotGiven, email=Arg::NotGiven,
                        lists=Arg::NotGiven, custom_fields=Arg::NotGiven, **options))]
    #[allow(clippy::too_many_arguments)]
    fn update(
        &self,
        py: Python<'_>,
        contact_id: &Bound<'_, PyAny>,
        name: Arg<Bound<'_, PyAny>>,
        phone: Arg<Bound<'_, PyAny>>,
        email: Arg<Bound<'_, PyAny>>,
        lists: Arg<Bound<'_, PyAny>>,
        custom_fields: Arg<Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let contact_id = text("contact_id", contact_id)?;
        let name = name.map(|v| text("name", &v))?;
        let phone = phone.map(|v| text("phone", &v))?;
        let email = email.map(|v| text("email", &v))?;
        let lists = lists.map(|v| texts("lists", &v))?;
        let custom_fields = custom_fields.map(|v| text_map("custom_fields", &v))?;
        let changes = || -> zexa::Result<UpdateContact> {
            let mut changes = UpdateContact::new();
            changes.name = name.required("name")?;
            changes.phone = phone.required("phone")?;
            changes.lists = lists.required("lists")?;
            changes = match email {
                Arg::NotGiven => changes,
                Arg::Null => changes.clear_email(),
                Arg::Value(email) => changes.email(email),
            };
            changes = match custom_fields {
                Arg::NotGiven => changes,
                Arg::Null => changes.clear_custom_fields(),
                Arg::Value(fields) => changes.custom_fields(fields),
            };
            Ok(changes)
        };
        let changes = check(py, changes())?;
        self.base.call(
            py,
            options,
            move |c| c.contacts().update(&contact_id, &changes),
            into_model,
        )
    }

    /// Deletes one contact.
    #[pyo3(signature = (contact_id, **options))]
    fn delete(
        &self,
        py: Python<'_>,
        contact_id: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let contact_id = text("contact_id", contact_id)?;
        self.base
            .call(py, options, move |c| c.contacts().delete(&contact_id), none)
    }

    /// Deletes several contacts in one call.
    #[pyo3(signature = (contact_ids, **options))]
    fn delete_many(
        &self,
        py: Python<'_>,
        contact_ids: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let contact_ids = texts("contact_ids", contact_ids)?;
        self.base
            .call(py, options, move |c| c.contacts().delete_many(&contact_ids), none)
    }

    /// One page of contacts matching the filters; iterate it to walk every page.
    #[pyo3(signature = (*, list_id=None, name=None, phone=None, email=None, gender=None, valid=None,
                        channel=None, page=None, per_page=None, **options))]
    #[allow(clippy::too_many_arguments)]
    fn list(
        &self,
        py: Python<'_>,
        list_id: Option<&Bound<'_, PyAny>>,
        name: Option<&Bound<'_, PyAny>>,
        phone: Option<&Bound<'_, PyAny>>,
        email: Option<&Bound<'_, PyAny>>,
        gender: Option<&Bound<'_, PyAny>>,
        valid: Option<&Bound<'_, PyAny>>,
        channel: Option<&Bound<'_, PyAny>>,
        page: Option<&Bound<'_, PyAny>>,
        per_page: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let list_id = opt_text("list_id", list_id)?;
        let name = opt_text("name", name)?;
        let phone = opt_text("phone", phone)?;
        let email = opt_text("email", email)?;
        let gender = opt_text("gender", gender)?;
        let valid = opt_flag("valid", valid)?;
        let channel = opt_text("channel", channel)?;
        let page = opt_count("page", page)?;
        let per_page = opt_count("per_page", per_page)?;
        let params = || -> zexa::Result<ListContacts> {
            let mut params = ListContacts::new();
            params.list_id = list_id;
            params.name = name;
            params.phone = phone;
            params.email = email;
            params.gender = gender;
            params.valid = valid;
            params.channel = channel.map(|c| self::channel("channel", &c)).transpose()?;
            params.page = count("page", page)?;
            params.per_page = count("per_page", per_page)?;
            Ok(params)
        };
        let params = check(py, params())?;
        let shared = self.base.shared.clone();
        self.base.call(
            py,
            options,
            move |c| c.contacts().list(&params),
            move |py, page| Page::wrap(py, &shared, page),
        )
    }

    /// Uploads a CSV or Excel file (a path, or its bytes with `filename`) and returns a
    /// preview to map columns from. The file name's extension tells the content type.
    #[pyo3(signature = (file, *, filename=None, **options))]
    fn upload(
        &self,
        py: Python<'_>,
        file: &Bound<'_, PyAny>,
        filename: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let filename = opt_text("filename", filename)?;
        let file = FileArg::extract(file, filename)?;
        self.base
            .call(py, options, move |c| file.upload(c, false), into_model)
    }

    /// Uploads a vCard (.vcf) file (a path, or its bytes with `filename`) and returns a preview.
    #[pyo3(signature = (file, *, filename=None, **options))]
    fn upload_vcard(
        &self,
        py: Python<'_>,
        file: &Bound<'_, PyAny>,
        filename: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let filename = opt_text("filename", filename)?;
        let file = FileArg::extract(file, filename)?;
        self.base
            .call(py, options, move |c| file.upload(c, true), into_model)
    }

    /// Imports an uploaded file, mapping its columns to `name`, `phone`, `email`, `gender` or
    /// `custom:<key>`.
    #[pyo3(signature = (upload_id, *, mapping, lists=None, **options))]
    fn import_mapped(
        &self,
        py: Python<'_>,
        upload_id: &Bound<'_, PyAny>,
        mapping: &Bound<'_, PyAny>,
        lists: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let upload_id = text("upload_id", upload_id)?;
        let mapping = text_map("mapping", mapping)?;
        let lists = opt_texts("lists", lists)?;
        let mut request = ImportMapped::new(upload_id, mapping);
        request.lists = lists;
        self.base.call(
            py,
            options,
            move |c| c.contacts().import_mapped(&request),
            into_model,
        )
    }

    /// Imports an uploaded vCard file.
    #[pyo3(signature = (upload_id, *, lists=None, **options))]
    fn import_vcard(
        &self,
        py: Python<'_>,
        upload_id: &Bound<'_, PyAny>,
        lists: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let upload_id = text("upload_id", upload_id)?;
        let lists = opt_texts("lists", lists)?;
        let mut request = ImportVcard::new(upload_id);
        request.lists = lists;
        self.base.call(
            py,
            options,
            move |c| c.contacts().import_vcard(&request),
            into_model,
        )
    }

    /// Starts an export of contacts (all, or one list's); wait for it with
    /// `client.exports.wait`.
    #[pyo3(signature = (*, list_id=None, format=None, **options))]
    fn export(
        &self,
        py: Python<'_>,
        list_id: Option<&Bound<'_, PyAny>>,
        format: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let list_id = opt_text("list_id", list_id)?;
        let format = opt_text("format", format)?;
        let mut request = CreateExport::new();
        request.list_id = list_id;
        request.format = format.map(zexa::ExportFormat::from);
        self.base
            .call(py, options, move |c| c.contacts().export(&request), into_model)
    }
}

/// The file of an upload: bytes (with the name given) or a path on disk.
enum FileArg {
    Bytes(Vec<u8>, String),
    Path(PathBuf, Option<String>),
}

impl FileArg {
    fn extract(file: &Bound<'_, PyAny>, filename: Option<String>) -> PyResult<FileArg> {
        let py = file.py();
        if file.is_instance_of::<PyBytes>()
            || file.is_instance_of::<PyByteArray>()
            || file.is_instance_of::<PyMemoryView>()
        {
            let bytes: Vec<u8> = py.get_type::<PyBytes>().call1((file,))?.extract()?;
            let Some(name) = filename else {
                return Err(crate::errors::to_py_err(
                    py,
                    invalid(
                        "filename",
                        "give the file's name with its bytes (its extension tells the content type)",
                    ),
                ));
            };
            return Ok(FileArg::Bytes(bytes, name));
        }
        if file.is_instance_of::<PyString>() || file.hasattr("__fspath__")? {
            let path: PathBuf = py.import("os")?.call_method1("fspath", (file,))?.extract()?;
            return Ok(FileArg::Path(path, filename));
        }
        Err(PyTypeError::new_err(format!(
            "file must be a path (str or os.PathLike) or bytes, not {}",
            file.get_type().name()?
        )))
    }

    fn upload(self, client: &zexa::Client, vcard: bool) -> zexa::Result<zexa::UploadPreview> {
        let contacts = client.contacts();
        let (bytes, name) = match self {
            FileArg::Path(path, None) if vcard => return contacts.upload_vcard_path(&path),
            FileArg::Path(path, None) => return contacts.upload_path(&path),
            FileArg::Path(path, Some(name)) => {
                let bytes = std::fs::read(&path)
                    .map_err(|e| invalid("file", format!("cannot read {}: {e}", path.display())))?;
                (bytes, name)
            }
            FileArg::Bytes(bytes, name) => (bytes, name),
        };
        if vcard {
            contacts.upload_vcard(&bytes, &name)
        } else {
            contacts.upload(&bytes, &name)
        }
    }
}

/// Contact exports.
#[pyclass(frozen, module = "zexa")]
pub struct Exports {
    base: Base,
}

resource_common!(Exports);

#[pymethods]
impl Exports {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> Exports {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Fetches an export, to see whether it is ready for download.
    #[pyo3(signature = (export_id, **options))]
    fn get(
        &self,
        py: Python<'_>,
        export_id: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let export_id = text("export_id", export_id)?;
        self.base
            .call(py, options, move |c| c.exports().get(&export_id), into_model)
    }

    /// Polls an export until it is `completed` or `failed` and returns it (`poll_interval`
    /// left out is the core's default). Raises `zexa.WaitTimeoutError` when `timeout` seconds
    /// pass first.
    #[pyo3(signature = (export_id, *, poll_interval=None, timeout=None, **options))]
    fn wait(
        &self,
        py: Python<'_>,
        export_id: &Bound<'_, PyAny>,
        poll_interval: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let export_id = text("export_id", export_id)?;
        let poll_interval = opt_seconds("poll_interval", poll_interval)?;
        let timeout = opt_seconds("timeout", timeout)?;
        let poll_interval = check(py, duration("poll_interval", poll_interval))?;
        let timeout = check(py, duration("timeout", timeout))?;
        self.base.call(
            py,
            options,
            move |c| c.exports().wait(&export_id, poll_interval, timeout),
            into_model,
        )
    }

    /// Downloads a completed export (a `zexa.Export` or its ID) into `destination`: a path
    /// (the file is created or replaced) or a binary file object with `write()`. Returns the
    /// number of bytes written. The file streams through (never whole in memory); the API key
    /// is only sent to the API's own host.
    #[pyo3(signature = (export, destination, **options))]
    fn download(
        &self,
        py: Python<'_>,
        export: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let export_id: String = match export.extract::<String>() {
            Ok(id) => id,
            Err(_) => export.getattr("id").and_then(|id| id.extract()).map_err(|_| {
                PyTypeError::new_err(format!(
                    "export must be a zexa.Export or an export ID, not {}",
                    type_name(export)
                ))
            })?,
        };
        let mut sink = Sink::of(destination)?;
        self.base.call(
            py,
            options,
            move |c| c.exports().download(&export_id, &mut sink),
            |py, written| Ok(written.into_pyobject(py)?.into_any().unbind()),
        )
    }
}

/// Where a download goes: a file this call opened, or a Python file object.
enum Sink {
    File(std::fs::File),
    Python(Py<PyAny>),
}

impl Sink {
    fn of(destination: &Bound<'_, PyAny>) -> PyResult<Sink> {
        let py = destination.py();
        if destination.is_instance_of::<PyString>() || destination.hasattr("__fspath__")? {
            let path: PathBuf = py
                .import("os")?
                .call_method1("fspath", (destination,))?
                .extract()?;
            let file = std::fs::File::create(&path).map_err(|e| {
                crate::errors::to_py_err(
                    py,
                    invalid("destination", format!("cannot create {}: {e}", path.display())),
                )
            })?;
            return Ok(Sink::File(file));
        }
        if destination.hasattr("write")? {
            return Ok(Sink::Python(destination.clone().unbind()));
        }
        Err(PyTypeError::new_err(format!(
            "destination must be a path or a binary file object, not {}",
            type_name(destination)
        )))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::File(file) => file.write(buf),
            // The GIL only for the write itself: the download runs with it released.
            Sink::Python(object) => Python::attach(|py| {
                object
                    .call_method1(py, "write", (PyBytes::new(py, buf),))
                    .and_then(|n| {
                        if n.is_none(py) {
                            Ok(buf.len())
                        } else {
                            n.extract::<usize>(py)
                        }
                    })
                    .map_err(|e| std::io::Error::other(e.to_string()))
            }),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(file) => file.flush(),
            Sink::Python(object) => Python::attach(|py| {
                if object.bind(py).hasattr("flush").unwrap_or(false) {
                    object
                        .call_method0(py, "flush")
                        .map_err(|e| std::io::Error::other(e.to_string()))?;
                }
                Ok(())
            }),
        }
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}
