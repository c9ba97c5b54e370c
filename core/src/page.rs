//! [`Page`] and the lazy [`PageIter`] over every item of a list endpoint.
//!
//! Paging lives here once for every list endpoint: a page remembers how it was fetched, so it
//! can fetch the next one; the iterator holds one page at a time and fetches the next only
//! when the current one is used up.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::{Method, Payload};

/// The API's default page size.
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The largest page size the API serves.
pub const MAX_PER_PAGE: u32 = 100;

/// One page of a list endpoint.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub data: Vec<T>,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
    /// Whether a later page has items, decided when this page was fetched (so that taking
    /// `data` out of the page does not change it).
    has_next: bool,
    /// Whether the answer carried `meta.total` (otherwise `total` is inferred from this page).
    total_reported: bool,
    source: PageSource,
}

/// How to fetch any page of one list: endpoint and filters.
#[derive(Debug, Clone)]
pub(crate) struct PageSource {
    client: Client,
    path: String,
    filters: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct RawPage<T> {
    data: Vec<T>,
    #[serde(default)]
    meta: Option<Meta>,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    total: Option<u64>,
    #[serde(default)]
    per_page: Option<u32>,
}

/// Checks `page` (from 1) and `per_page` (1 to 100), filling the API's defaults.
pub(crate) fn check_page_params(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32)> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if page == 0 {
        return Err(Error::invalid("page", "pages are numbered from 1"));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(Error::invalid(
            "per_page",
            format!("must be between 1 and {MAX_PER_PAGE}, got {per_page}"),
        ));
    }
    Ok((page, per_page))
}

impl PageSource {
    pub(crate) fn new(client: &Client, path: String, filters: Vec<(String, String)>) -> PageSource {
        PageSource {
            client: client.clone(),
            path,
            filters,
        }
    }

    /// Fetches page `page` of `per_page` items.
    pub(crate) fn fetch<T: DeserializeOwned>(&self, page: u32, per_page: u32) -> Result<Page<T>> {
        let mut query = self.filters.clone();
        query.push(("page".to_owned(), page.to_string()));
        query.push(("per_page".to_owned(), per_page.to_string()));
        let raw: RawPage<T> = self
            .client
            .call(Method::Get, &self.path, &query, &Payload::Empty)?;
        let meta = raw.meta.unwrap_or(Meta {
            total: None,
            per_page: None,
        });
        // The page number is the one asked for, whatever `meta.page` says: a server that
        // repeats a stale page number must not make an iterator ask for the same page forever.
        let per_page = meta.per_page.filter(|p| *p > 0).unwrap_or(per_page);
        // Without a total, this page is taken as the last one that has items.
        let total_reported = meta.total.is_some();
        let total = meta
            .total
            .unwrap_or(u64::from(page - 1) * u64::from(per_page) + raw.data.len() as u64);
        let has_next = !raw.data.is_empty() && u64::from(page) * u64::from(per_page) < total;
        Ok(Page {
            data: raw.data,
            total,
            page,
            per_page,
            has_next,
            total_reported,
            source: self.clone(),
        })
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// Whether a later page has items: `page * per_page < total`, and this page was not empty
    /// when it was fetched.
    pub fn has_next_page(&self) -> bool {
        self.has_next
    }

    /// Fetches the next page; `Ok(None)` after the last.
    pub fn next_page(&self) -> Result<Option<Page<T>>> {
        if !self.has_next_page() {
            return Ok(None);
        }
        self.source.fetch(self.page + 1, self.per_page).map(Some)
    }

    /// Every item from this page to the last, fetching later pages lazily, one at a time.
    pub fn into_items(self) -> PageIter<T> {
        let next = self.has_next_page().then(|| (self.page + 1, self.per_page));
        PageIter {
            current: self.data.into_iter(),
            source: Some(self.source),
            next,
            failed: None,
        }
    }

    /// This page, then every later page, each fetched only when asked for. A failed fetch is
    /// yielded once, and ends the walk.
    pub fn pages(self) -> Pages<T> {
        Pages {
            ready: Some(self),
            next: None,
        }
    }

    /// Whether the server reported the list's `total` (`meta.total`); when it did not, `total`
    /// counts only up to this page.
    pub(crate) fn total_reported(&self) -> bool {
        self.total_reported
    }

    /// The number of pages of this list at this page size.
    pub fn total_pages(&self) -> u64 {
        self.total.div_ceil(u64::from(self.per_page.max(1)))
    }
}

/// A page iterates its own items and nothing more: no request is made. Walking every page is
/// explicit: [`Page::into_items`], [`Page::pages`], or a resource's `iter`.
impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> std::vec::IntoIter<T> {
        self.data.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> std::slice::Iter<'a, T> {
        self.data.iter()
    }
}

/// The pages of a list, from [`Page::pages`]: each fetched when the previous one is used.
#[derive(Debug)]
pub struct Pages<T> {
    /// The page to yield next, when it is already here (the first one).
    ready: Option<Page<T>>,
    /// Where and which page to fetch next, when there is one.
    next: Option<(PageSource, u32, u32)>,
}

impl<T> Pages<T> {
    /// Remembers how to fetch the page after `page`.
    fn after(page: &Page<T>) -> Option<(PageSource, u32, u32)> {
        page.has_next
            .then(|| (page.source.clone(), page.page + 1, page.per_page))
    }
}

impl<T: DeserializeOwned> Iterator for Pages<T> {
    type Item = Result<Page<T>>;

    fn next(&mut self) -> Option<Result<Page<T>>> {
        let page = match self.ready.take() {
            Some(page) => page,
            None => {
                let (source, number, per_page) = self.next.take()?;
                match source.fetch(number, per_page) {
                    Ok(page) => page,
                    Err(e) => return Some(Err(e)),
                }
            }
        };
        self.next = Pages::after(&page);
        Some(Ok(page))
    }
}

/// A lazy iterator over every item of a list endpoint.
///
/// It holds one page at a time and fetches the next when the current one is used up. An
/// error is yielded once, and ends the iteration.
#[derive(Debug)]
pub struct PageIter<T> {
    current: std::vec::IntoIter<T>,
    source: Option<PageSource>,
    /// The page number and size to fetch when `current` runs out.
    next: Option<(u32, u32)>,
    /// An error found before the first fetch (invalid parameters), yielded first.
    failed: Option<Error>,
}

impl<T> PageIter<T> {
    /// An iterator that will fetch the first page of `start` (where, and the checked page
    /// number and size) on the first call to `next`. A `start` that failed (invalid
    /// parameters) is yielded as the first item, and ends the iteration: nothing is sent.
    pub(crate) fn lazy(start: Result<(PageSource, (u32, u32))>) -> PageIter<T> {
        match start {
            Ok((source, first)) => PageIter {
                current: Vec::new().into_iter(),
                source: Some(source),
                next: Some(first),
                failed: None,
            },
            Err(e) => PageIter {
                current: Vec::new().into_iter(),
                source: None,
                next: None,
                failed: Some(e),
            },
        }
    }
}

impl<T: DeserializeOwned> Iterator for PageIter<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        if let Some(error) = self.failed.take() {
            return Some(Err(error));
        }
        loop {
            if let Some(item) = self.current.next() {
                return Some(Ok(item));
            }
            let (page, per_page) = self.next.take()?;
            let source = self.source.as_ref()?;
            match source.fetch::<T>(page, per_page) {
                Ok(fetched) => {
                    self.next = fetched
                        .has_next_page()
                        .then(|| (fetched.page + 1, fetched.per_page));
                    self.current = fetched.data.into_iter();
                }
                Err(e) => {
                    self.source = None;
                    return Some(Err(e));
                }
            }
        }
    }
}
