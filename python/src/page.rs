//! [`NativePage`]: one page of a list endpoint, wrapping the core's [`zexa::Page`] of typed
//! models; the next page is fetched (with the GIL released) only when asked for.
//!
//! Items are decoded by the core into the same models as in Rust and handed to Python as
//! instances of their model classes (see `record.rs`): no field becomes a Python object
//! before it is read.

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::detached;
use crate::models::{CoreModel, CoreValue};
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
    /// Takes this page's items out.
    fn take_items(&mut self) -> Vec<CoreValue>;
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
    fn take_items(&mut self) -> Vec<CoreValue> {
        std::mem::take(&mut self.data)
            .into_iter()
            .map(Into::into)
            .collect()
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
    /// Fetches a first page with the GIL released, then wraps it.
    pub fn fetch<T, F>(py: Python<'_>, fetch: F) -> PyResult<NativePage>
    where
        T: CoreModel,
        F: FnOnce() -> zexa::Result<zexa::Page<T>> + Send,
    {
        let (page, items) = detached(py, || {
            let mut page: Box<dyn AnyPage> = Box::new(fetch()?);
            let items = page.take_items();
            Ok((page, items))
        })?;
        NativePage::wrap(py, page, items)
    }

    fn wrap(py: Python<'_>, inner: Box<dyn AnyPage>, items: Vec<CoreValue>) -> PyResult<NativePage> {
        Ok(NativePage {
            inner,
            items: into_models(py, items)?.unbind(),
        })
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
        let next = detached(py, || {
            Ok(inner.next_page()?.map(|mut page| {
                let items = page.take_items();
                (page, items)
            }))
        })?;
        next.map(|(page, items)| NativePage::wrap(py, page, items))
            .transpose()
    }
}
