use crate::error::Result;
use crate::page::check_page_params;

/// Page number and size of a list call; both optional (page 1, 50 per page).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListParams {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 100.
    pub per_page: Option<u32>,
}

impl ListParams {
    /// Page 1 with the default size.
    pub fn new() -> ListParams {
        ListParams::default()
    }

    /// Checked page number and size, defaults filled.
    pub(crate) fn checked(&self) -> Result<(u32, u32)> {
        check_page_params(self.page, self.per_page)
    }
}

value_setters!(ListParams {
    /// Sets the page number (from 1).
    page: u32,
    /// Sets the page size (1 to 100).
    per_page: u32,
});
