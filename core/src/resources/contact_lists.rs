use serde::de::DeserializeOwned;
use serde::Serialize;

use super::contacts::id_list;
use super::ListParams;
use crate::client::{json_payload, Client};
use crate::error::Result;
use crate::models::{Contact, ContactList};
use crate::page::{Page, PageIter, PageSource};
use crate::transport::Method;
use crate::url::segment;
use crate::validate;

/// The contact-list endpoints. Get it from [`Client::contact_lists`].
#[derive(Debug, Clone, Copy)]
pub struct ContactLists<'a> {
    client: &'a Client,
}

/// A new contact list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreateContactList {
    /// Name of the list.
    pub name: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateContactList {
    /// A list with this name.
    pub fn new(name: impl Into<String>) -> CreateContactList {
        CreateContactList {
            name: name.into(),
            description: None,
        }
    }
}

setters!(CreateContactList {
    /// Sets the description.
    description: String,
});

/// Which contacts to add to (or remove from) which lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ListMembership {
    /// `lst_...` IDs.
    pub list_ids: Vec<String>,
    /// `cnt_...` IDs.
    pub contact_ids: Vec<String>,
}

impl ListMembership {
    /// Every contact of `contact_ids` in every list of `list_ids`.
    pub fn new<L: AsRef<str>, C: AsRef<str>>(list_ids: &[L], contact_ids: &[C]) -> ListMembership {
        ListMembership {
            list_ids: list_ids.iter().map(|s| s.as_ref().to_owned()).collect(),
            contact_ids: contact_ids.iter().map(|s| s.as_ref().to_owned()).collect(),
        }
    }

    fn check(&self) -> Result<()> {
        id_list("list_ids", &self.list_ids)?;
        id_list("contact_ids", &self.contact_ids).map(|_| ())
    }
}

impl<'a> ContactLists<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ContactLists { client }
    }

    /// `POST /contacts/list`.
    pub fn create(&self, list: &CreateContactList) -> Result<ContactList> {
        validate::non_empty("name", &list.name)?;
        self.client
            .call(Method::Post, "/contacts/list", &[], &json_payload(list)?)
    }

    /// `GET /contacts/list`: one page of lists.
    pub fn list(&self, params: &ListParams) -> Result<Page<ContactList>> {
        self.list_as(params)
    }

    /// [`Self::list`] with each item decoded into `T` instead of the model: a struct with
    /// only the fields you need, or `serde_json::Value`. Paging is the same.
    pub fn list_as<T: DeserializeOwned>(&self, params: &ListParams) -> Result<Page<T>> {
        let (page, per_page) = params.checked()?;
        self.source().fetch(page, per_page)
    }

    /// Every list, fetched lazily page by page. The first page is fetched on the first
    /// `next()`; parameters that are invalid come out as its first item (an error), and nothing
    /// is sent.
    pub fn iter(&self, params: &ListParams) -> PageIter<ContactList> {
        PageIter::lazy(params.checked().map(|first| (self.source(), first)))
    }

    fn source(&self) -> PageSource {
        PageSource::new(self.client, "/contacts/list".to_owned(), Vec::new())
    }

    /// `POST /contacts/list/contacts`: adds contacts to lists.
    pub fn add_contacts(&self, membership: &ListMembership) -> Result<()> {
        membership.check()?;
        self.client.call_empty(
            Method::Post,
            "/contacts/list/contacts",
            &json_payload(membership)?,
        )
    }

    /// `DELETE /contacts/list/contacts`: removes contacts from lists (the contacts remain).
    pub fn remove_contacts(&self, membership: &ListMembership) -> Result<()> {
        membership.check()?;
        self.client.call_empty(
            Method::Delete,
            "/contacts/list/contacts",
            &json_payload(membership)?,
        )
    }

    /// `GET /contacts/list/{listId}/contacts`: one page of a list's members.
    pub fn contacts(&self, list_id: &str, params: &ListParams) -> Result<Page<Contact>> {
        self.contacts_as(list_id, params)
    }

    /// [`Self::contacts`] with each item decoded into `T` instead of the model: a struct with
    /// only the fields you need, or `serde_json::Value`. Paging is the same.
    pub fn contacts_as<T: DeserializeOwned>(&self, list_id: &str, params: &ListParams) -> Result<Page<T>> {
        let (page, per_page) = params.checked()?;
        self.members(list_id)?.fetch(page, per_page)
    }

    /// Every member of a list, fetched lazily page by page. The first page is fetched on the first
    /// `next()`; parameters that are invalid come out as its first item (an error), and nothing
    /// is sent.
    pub fn iter_contacts(&self, list_id: &str, params: &ListParams) -> PageIter<Contact> {
        PageIter::lazy(
            params
                .checked()
                .and_then(|first| Ok((self.members(list_id)?, first))),
        )
    }

    fn members(&self, list_id: &str) -> Result<PageSource> {
        let path = format!("/contacts/list/{}/contacts", segment("list_id", list_id)?);
        Ok(PageSource::new(self.client, path, Vec::new()))
    }
}
