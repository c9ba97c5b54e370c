//! [`NativePage`]: one page of a list endpoint, wrapping the core's [`zexa::Page`]; the next
//! page is fetched (with the GIL released) only when asked for.

use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::convert::model_to_py;
use crate::errors::detached;

/// A core page of any model type.
trait AnyPage: Send + Sync {
    fn has_next_page(&self) -> bool;
    fn next_page(&self) -> zexa::Result<Option<Box<dyn AnyPage>>>;
    /// Converts the items to dicts and drops the Rust copies: one copy of a page in memory.
    fn take_data_to_py(&mut self, py: Python<'_>) -> PyResult<Py<PyList>>;
    fn meta(&self) -> (u64, u32, u32);
}

impl<T> AnyPage for zexa::Page<T>
where
    T: DeserializeOwned + Serialize + Send + Sync + 'static,
{
    fn has_next_page(&self) -> bool {
        zexa::Page::has_next_page(self)
    }

    fn next_page(&self) -> zexa::Result<Option<Box<dyn AnyPage>>> {
        Ok(zexa::Page::next_page(self)?.map(|p| Box::new(p) as Box<dyn AnyPage>))
    }

    fn take_data_to_py(&mut self, py: Python<'_>) -> PyResult<Py<PyList>> {
        let list = PyList::empty(py);
        for item in std::mem::take(&mut self.data) {
            list.append(model_to_py(py, &item)?)?;
        }
        Ok(list.unbind())
    }

    fn meta(&self) -> (u64, u32, u32) {
        (self.total, self.page, self.per_page)
    }
}

/// One page of a list endpoint: its items as dicts, and the way to the next page.
#[pyclass(frozen, module = "zexa._native")]
pub struct NativePage {
    inner: Box<dyn AnyPage>,
    items: Py<PyList>,
}

impl NativePage {
    /// Wraps a core page, converting its items once.
    pub fn wrap<T>(py: Python<'_>, page: zexa::Page<T>) -> PyResult<NativePage>
    where
        T: DeserializeOwned + Serialize + Send + Sync + 'static,
    {
        NativePage::from_any(py, Box::new(page))
    }

    fn from_any(py: Python<'_>, mut inner: Box<dyn AnyPage>) -> PyResult<NativePage> {
        let items = inner.take_data_to_py(py)?;
        Ok(NativePage { inner, items })
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
        self.inner.meta().0
    }

    /// This page's number, from 1.
    #[getter]
    fn page(&self) -> u32 {
        self.inner.meta().1
    }

    /// The page size.
    #[getter]
    fn per_page(&self) -> u32 {
        self.inner.meta().2
    }

    /// Whether a later page has items.
    fn has_next_page(&self) -> bool {
        self.inner.has_next_page()
    }

    /// Fetches the next page (GIL released); `None` after the last.
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<NativePage>> {
        let inner = &*self.inner;
        match detached(py, || inner.next_page())? {
            Some(next) => Ok(Some(NativePage::from_any(py, next)?)),
            None => Ok(None),
        }
    }
}
