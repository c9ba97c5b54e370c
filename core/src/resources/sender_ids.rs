use super::ListParams;
use crate::client::Client;
use crate::error::Result;
use crate::models::SenderId;
use crate::page::{Page, PageIter, PageSource};
use serde::de::DeserializeOwned;

/// The sender-ID endpoints. Get it from [`Client::sender_ids`].
#[derive(Debug, Clone, Copy)]
pub struct SenderIds<'a> {
    client: &'a Client,
}

impl<'a> SenderIds<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        SenderIds { client }
    }

    /// `GET /sender-ids`: one page of registered sender IDs.
    pub fn list(&self, params: &ListParams) -> Result<Page<SenderId>> {
        self.list_as(params)
    }

    /// [`Self::list`] with each item decoded into `T` instead of the model: a struct with
    /// only the fields you need, or `serde_json::Value`. Paging is the same.
    pub fn list_as<T: DeserializeOwned>(&self, params: &ListParams) -> Result<Page<T>> {
        let (page, per_page) = params.checked()?;
        self.source().fetch(page, per_page)
    }

    /// Every sender ID, fetched lazily page by page. The first page is fetched on the first
    /// `next()`; parameters that are invalid come out as its first item (an error), and nothing
    /// is sent.
    pub fn iter(&self, params: &ListParams) -> PageIter<SenderId> {
        PageIter::lazy(params.checked().map(|first| (self.source(), first)))
    }

    fn source(&self) -> PageSource {
        PageSource::new(self.client, "/sender-ids".to_owned(), Vec::new())
    }
}
