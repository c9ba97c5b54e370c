//! Pages of list endpoints. Each page type is written out (not generic) so that the header
//! names it plainly; its items are an array of pointers (see ffi/ABI.md).

use super::{Arena, ToC, ZexaCampaign, ZexaContact, ZexaContactList, ZexaSenderId};

/// Declares the C page of `$item` views and its conversion from the core's `Page`.
macro_rules! page_to_c {
    ($page:ident, $model:ty) => {
        impl ToC for zexa::Page<$model> {
            type C = $page;

            fn to_c(&self, a: &mut Arena) -> $page {
                let (items, count) = a.views(&self.data);
                $page {
                    items,
                    count,
                    total: self.total,
                    page: self.page,
                    per_page: self.per_page,
                }
            }
        }
    };
}

/// One page of contacts: `count` items, and where the page sits in the whole list. The page
/// owns its items; free it with `zexa_contact_page_free`.
#[repr(C)]
pub struct ZexaContactPage {
    /// The items of this page (NULL when `count` is 0): `items[i]->id`.
    pub items: *const *const ZexaContact,
    /// Number of `items`.
    pub count: usize,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}
page_to_c!(ZexaContactPage, zexa::Contact);

/// One page of contact lists, as `ZexaContactPage`; free it with `zexa_contact_list_page_free`.
#[repr(C)]
pub struct ZexaContactListPage {
    /// The items of this page (NULL when `count` is 0).
    pub items: *const *const ZexaContactList,
    /// Number of `items`.
    pub count: usize,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}
page_to_c!(ZexaContactListPage, zexa::ContactList);

/// One page of campaigns, as `ZexaContactPage`; free it with `zexa_campaign_page_free`.
#[repr(C)]
pub struct ZexaCampaignPage {
    /// The items of this page (NULL when `count` is 0).
    pub items: *const *const ZexaCampaign,
    /// Number of `items`.
    pub count: usize,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}
page_to_c!(ZexaCampaignPage, zexa::Campaign);

/// One page of sender IDs, as `ZexaContactPage`; free it with `zexa_sender_id_page_free`.
#[repr(C)]
pub struct ZexaSenderIdPage {
    /// The items of this page (NULL when `count` is 0).
    pub items: *const *const ZexaSenderId,
    /// Number of `items`.
    pub count: usize,
    /// How many items the whole list has.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}
page_to_c!(ZexaSenderIdPage, zexa::SenderId);
