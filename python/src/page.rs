//! [`Page`] (`zexa.Page`): one page of a list endpoint, wrapping the core's [`zexa::Page`];
//! the next page is fetched (with the GIL released) only when asked for, by `next_page()`,
//! by iterating the items (`for contact in page`) or the pages (`page.iter_pages()`).
//!
//! Paging itself is the core's: a core page knows how to fetch the next one, with the client
//! (and per-call options) that fetched it.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyType};

use crate::call::Shared;
use crate::models::into_model;
use crate::models::CoreModel;

/// A core page of any model type: what [`Page`] needs of it.
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
        let list = PyList::empty(py);
        for item in std::mem::take(&mut self.data) {
            list.append(into_model(py, item)?)?;
        }
        Ok(list)
    }
}

/// One page of a list endpoint: `data` (its items), `total`, `page`, `per_page`.
///
/// Iterating a page yields every item from this page to the last one, fetching each further
/// page only when the previous one is used up (one page in memory at a time, the GIL
/// released while fetching); `iter_pages()` yields the pages themselves.
#[pyclass(frozen, module = "zexa")]
pub struct Page {
    /// The core page, its items taken out (they are in `items`, as Python models).
    inner: Arc<dyn AnyPage>,
    items: Py<PyList>,
    shared: Arc<Shared>,
}

impl Page {
    /// A Python page of a core one, its items converted to models.
    pub fn wrap<T: CoreModel>(
        py: Python<'_>,
        shared: &Arc<Shared>,
        page: zexa::Page<T>,
    ) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Page::new(py, shared, Box::new(page))?)?.into_any())
    }

    fn new(py: Python<'_>, shared: &Arc<Shared>, mut inner: Box<dyn AnyPage>) -> PyResult<Page> {
        let items = inner.take_models(py)?.unbind();
        Ok(Page {
            inner: Arc::from(inner),
            items,
            shared: Arc::clone(shared),
        })
    }

    /// The next page, fetched now (the iterators' way).
    fn fetch_next(&self, py: Python<'_>) -> PyResult<Option<Py<Page>>> {
        self.shared.client(py)?;
        let inner = &self.inner;
        match crate::run::call(py, || inner.next_page())? {
            None => Ok(None),
            Some(next) => Ok(Some(Py::new(py, Page::new(py, &self.shared, next)?)?)),
        }
    }
}

#[pymethods]
impl Page {
    /// `Page[Contact]` in annotations evaluated at run time.
    #[classmethod]
    fn __class_getitem__(cls: &Bound<'_, PyType>, item: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = cls.py();
        let alias = py.import("types")?.getattr("GenericAlias")?;
        Ok(alias.call1((cls, item))?.unbind())
    }

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

    /// Fetches the next page (GIL released; on a worker for `zexa.AsyncClient`); `None`
    /// after the last.
    fn next_page(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.shared.client(py)?;
        let inner = Arc::clone(&self.inner);
        let shared = Arc::clone(&self.shared);
        crate::pool::call_or_defer(
            py,
            move || inner.next_page(),
            move |py, next| match next {
                None => Ok(py.None()),
                Some(next) => Ok(Py::new(py, Page::new(py, &shared, next)?)?.into_any()),
            },
        )
    }

    /// Every item from this page to the last, fetching later pages lazily.
    fn __iter__(slf: Py<Self>) -> Items {
        Items {
            page: Some(slf),
            index: 0,
        }
    }

    /// This page and every later one, each fetched when the previous one is done with.
    fn iter_pages(slf: Py<Self>) -> Pages {
        Pages {
            next: Some(slf),
            started: false,
        }
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.items.bind(py).len()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Page(page={}, per_page={}, total={}, items={})",
            self.inner.number(),
            self.inner.per_page(),
            self.inner.total(),
            self.items.bind(py).len()
        )
    }
}

/// The iterator of `iter(page)`: items, page after page.
#[pyclass(module = "zexa")]
pub struct Items {
    page: Option<Py<Page>>,
    index: usize,
}

#[pymethods]
impl Items {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            let Some(page) = &self.page else {
                return Ok(None);
            };
            let page = page.get();
            let items = page.items.bind(py);
            if self.index < items.len() {
                self.index += 1;
                return Ok(Some(items.get_item(self.index - 1)?.unbind()));
            }
            let next = if page.inner.has_next_page() {
                page.fetch_next(py)?
            } else {
                None
            };
            self.page = next;
            self.index = 0;
        }
    }
}

/// The iterator of `page.iter_pages()`.
#[pyclass(module = "zexa")]
pub struct Pages {
    next: Option<Py<Page>>,
    started: bool,
}

#[pymethods]
impl Pages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<Page>>> {
        if self.started {
            // The page handed out last is done with: fetch the one after it.
            self.next = match &self.next {
                Some(page) if page.get().inner.has_next_page() => page.get().fetch_next(py)?,
                _ => None,
            };
        }
        self.started = true;
        Ok(self.next.as_ref().map(|p| p.clone_ref(py)))
    }
}
