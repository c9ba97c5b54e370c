use super::{Arena, ToC};

/// One page of a list endpoint: `count` items, and where the page sits in the whole list.
/// The page owns its items; free it with the `_page_free` function of its type.
#[repr(C)]
pub struct ZexaPage<T> {
    /// The items of this page (NULL when `count` is 0).
    pub items: *const T,
    /// Number of `items`.
    pub count: usize,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}

/// A page of contacts.
pub type ZexaContactPage = ZexaPage<super::ZexaContact>;
/// A page of contact lists.
pub type ZexaContactListPage = ZexaPage<super::ZexaContactList>;
/// A page of campaigns.
pub type ZexaCampaignPage = ZexaPage<super::ZexaCampaign>;
/// A page of sender IDs.
pub type ZexaSenderIdPage = ZexaPage<super::ZexaSenderId>;

impl<M: ToC> ToC for zexa::Page<M> {
    type C = ZexaPage<M::C>;

    fn to_c(&self, a: &mut Arena) -> ZexaPage<M::C> {
        let (items, count) = a.views(&self.data);
        ZexaPage {
            items,
            count,
            total: self.total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}
