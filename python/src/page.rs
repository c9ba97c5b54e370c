//! [`NativePage`]: one page of a list endpoint, wrapping the core's [`zexa::Page`]; the next
//! page is fetched (with the GIL released) only when asked for.
//!
//! The core decodes each item as raw JSON (`list_as`), and the items go from that text to
//! Python dicts in one pass ([`json_to_py`]): paging stays the core's, and no Rust model is
//! built only to be converted again. The Python models are made from those dicts.

use pyo3::prelude::*;
use pyo3::types::PyList;
use serde_json::value::RawValue;

use crate::errors::detached;
use crate::from_json::{json_to_py, KeyCache};

/// A core page whose items are kept as the JSON text the API sent.
pub type RawPage = zexa::Page<Box<RawValue>>;

/// One page of a list endpoint: its items as dicts, and the way to the next page.
#[pyclass(frozen, module = "zexa._native")]
pub struct NativePage {
    /// The core page, its items taken out (converted once into `items`).
    inner: RawPage,
    items: Py<PyList>,
}

impl NativePage {
    /// Wraps a core page, converting its items once and dropping their JSON text.
    pub fn wrap(py: Python<'_>, mut page: RawPage) -> PyResult<NativePage> {
        let items = PyList::empty(py);
        let keys = KeyCache::default();
        for item in std::mem::take(&mut page.data) {
            items.append(json_to_py(py, item.get(), &keys)?)?;
        }
        Ok(NativePage {
            inner: page,
            items: items.unbind(),
        })
    }
}

#[pymethods]
impl NativePage {
    /// This page's items, as dicts.
    #[getter]
    fn data(&self, py: Python<'_>) -> Py<PyList> {
        self.items.clone_ref(py)
    }

    /// How many items the whole list has.
    #[getter]
    fn total(&self) -> u64 {
        self.inner.total
    }

    /// This page's number, from 1.
    #[getter]
    fn page(&self) -> u32 {
        self.inner.page
    }

    /// The page size.
    #[getter]
    fn per_page(&self) -> u32 {
        self.inner.per_page
    }

    /// Whether a later page has items.
    fn has_next_page(&self) -> bool {
        self.inner.has_next_page()
    }

    /// Fetches the next page (GIL released); `None` after the last.
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<NativePage>> {
        let inner = &self.inner;
        match detached(py, || inner.next_page())? {
            Some(next) => Ok(Some(NativePage::wrap(py, next)?)),
            None => Ok(None),
        }
    }
}
