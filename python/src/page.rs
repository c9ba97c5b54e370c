//! [`NativePage`]: one page of a list endpoint, wrapping the core's [`zexa::Page`] of typed
//! models; the next page is fetched (with the GIL released) only when asked for.
//!
//! Items are decoded by the core into the same models as in Rust and handed to Python as
//! instances of their model classes (see `record.rs`): no field becomes a Python object
//! before it is read.

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::models::CoreModel;
use crate::record::into_models;

/// A core page of any model type: what [`NativePage`] needs of it.
pub trait AnyPage: Send + Sync {
    /// How many items the whole list has.
    fn total(&self) -> u64;
    /// This page's number, from 1.
    fn number(&self) -> u32;
    /// The page size.
    fn per_page(&self) -> u32;
    /// Whether a later page has items.
    fn has_next_page(&self) -> bool;
    /// Fetches the next page; `None` after the last.
    fn next_page(&self) -> zexa::Result<Option<Box<dyn AnyPage>>>;

    /// Takes this page's items out, as instances of their Python model class.
    fn take_models<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyList>>;
}

impl<T: CoreModel> AnyPage for zexa::Page<T> {
    fn total(&self) -> u64 {
        self.total
    }
    fn number(&self) -> u32 {
        self.page
    }
    fn per_page(&self) -> u32 {
        self.per_page
    }
    fn has_next_page(&self) -> bool {
        zexa::Page::has_next_page(self)
    }
    fn next_page(&self) -> zexa::Result<Option<Box<dyn AnyPage>>> {
        Ok(zexa::Page::next_page(self)?.map(|page| Box::new(page) as Box<dyn AnyPage>))
    }
    fn take_models<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        into_models(py, std::mem::take(&mut self.data))
    }
}

/// One page of a list endpoint: its items as models, and the way to the next page.
#[pyclass(frozen, module = "zexa._native")]
pub struct NativePage {
    /// The core page, its items taken out (they are in `items`, as Python models).
    inner: Box<dyn AnyPage>,
    items: Py<PyList>,
}

impl NativePage {
    /// Fetches a first page with `client` (GIL released, stoppable by Ctrl-C), then wraps it.
    pub fn fetch<T, F>(py: Python<'_>, client: &zexa::Client, fetch: F) -> PyResult<NativePage>
    where
        T: CoreModel,
        F: FnOnce(&zexa::Client) -> zexa::Result<zexa::Page<T>> + Send,
    {
        let page = crate::run::call(py, || Ok(Box::new(fetch(client)?) as Box<dyn AnyPage>))?;
        NativePage::wrap(py, page)
    }

    fn wrap(py: Python<'_>, mut inner: Box<dyn AnyPage>) -> PyResult<NativePage> {
        let items = inner.take_models(py)?.unbind();
        Ok(NativePage { inner, items })
    }
}

#[pymethods]
impl NativePage {
    /// This page's items, as models.
    #[getter]
    fn data(&self, py: Python<'_>) -> Py<PyList> {
        self.items.clone_ref(py)
    }

    /// How many items the whole list has.
    #[getter]
    fn total(&self) -> u64 {
        self.inner.total()
    }

    /// This page's number, from 1.
    #[getter]
    fn page(&self) -> u32 {
        self.inner.number()
    }

    /// The page size.
    #[getter]
    fn per_page(&self) -> u32 {
        self.inner.per_page()
    }

    /// Whether a later page has items.
    fn has_next_page(&self) -> bool {
        self.inner.has_next_page()
    }

    /// Fetches the next page (GIL released); `None` after the last.
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<NativePage>> {
        let inner = &self.inner;
        crate::run::call(py, || inner.next_page())?
            .map(|page| NativePage::wrap(py, page))
            .transpose()
    }
}
