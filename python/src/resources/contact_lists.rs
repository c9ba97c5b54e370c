//! `client.contact_lists`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zexa::{CreateContactList, ListMembership, ListParams};

use super::{none, resource_common};
use crate::arg::*;
use crate::call::Base;
use crate::errors::check;
use crate::models::into_model;
use crate::page::Page;

/// Contact lists and their members.
#[pyclass(frozen, module = "zexa")]
pub struct ContactLists {
    base: Base,
}

resource_common!(ContactLists);

/// The core's paging of a list call; `None` leaves the core's default.
pub fn list_params(page: Option<Count>, per_page: Option<Count>) -> zexa::Result<ListParams> {
    let mut params = ListParams::new();
    params.page = count("page", page)?;
    params.per_page = count("per_page", per_page)?;
    Ok(params)
}

#[pymethods]
impl ContactLists {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> ContactLists {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Creates a contact list.
    #[pyo3(signature = (*, name, description=None, **options))]
    fn create(
        &self,
        py: Python<'_>,
        name: &Bound<'_, PyAny>,
        description: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let name = text("name", name)?;
        let description = opt_text("description", description)?;
        let mut request = CreateContactList::new(name);
        request.description = description;
        self.base.call(
            py,
            options,
            move |c| c.contact_lists().create(&request),
            into_model,
        )
    }

    /// One page of contact lists; iterate it to walk every page.
    #[pyo3(signature = (*, page=None, per_page=None, **options))]
    fn list(
        &self,
        py: Python<'_>,
        page: Option<&Bound<'_, PyAny>>,
        per_page: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let page = opt_count("page", page)?;
        let per_page = opt_count("per_page", per_page)?;
        let params = check(py, list_params(page, per_page))?;
        let shared = self.base.shared.clone();
        self.base.call(
            py,
            options,
            move |c| c.contact_lists().list(&params),
            move |py, page| Page::wrap(py, &shared, page),
        )
    }

    /// Adds contacts to lists.
    #[pyo3(signature = (*, list_ids, contact_ids, **options))]
    fn add_contacts(
        &self,
        py: Python<'_>,
        list_ids: &Bound<'_, PyAny>,
        contact_ids: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let list_ids = texts("list_ids", list_ids)?;
        let contact_ids = texts("contact_ids", contact_ids)?;
        let membership = ListMembership::new(&list_ids, &contact_ids);
        self.base.call(
            py,
            options,
            move |c| c.contact_lists().add_contacts(&membership),
            none,
        )
    }

    /// Removes contacts from lists.
    #[pyo3(signature = (*, list_ids, contact_ids, **options))]
    fn remove_contacts(
        &self,
        py: Python<'_>,
        list_ids: &Bound<'_, PyAny>,
        contact_ids: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let list_ids = texts("list_ids", list_ids)?;
        let contact_ids = texts("contact_ids", contact_ids)?;
        let membership = ListMembership::new(&list_ids, &contact_ids);
        self.base.call(
            py,
            options,
            move |c| c.contact_lists().remove_contacts(&membership),
            none,
        )
    }

    /// One page of a list's members; iterate it to walk every page.
    #[pyo3(signature = (list_id, *, page=None, per_page=None, **options))]
    fn contacts(
        &self,
        py: Python<'_>,
        list_id: &Bound<'_, PyAny>,
        page: Option<&Bound<'_, PyAny>>,
        per_page: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let list_id = text("list_id", list_id)?;
        let page = opt_count("page", page)?;
        let per_page = opt_count("per_page", per_page)?;
        let params = check(py, list_params(page, per_page))?;
        let shared = self.base.shared.clone();
        self.base.call(
            py,
            options,
            move |c| c.contact_lists().contacts(&list_id, &params),
            move |py, page| Page::wrap(py, &shared, page),
        )
    }
}
