//! Credits: the account balance.

use crate::client::ZexaClient;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaCredits};
use crate::status::ZexaStatus;

/// `GET /credits`: the balance. `*out` is freed with `zexa_credits_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_credits_get(client: *const ZexaClient, out: *mut *mut ZexaCredits) -> ZexaStatus {
    emit(out, || recorded(client, |c| c.credits().get()))
}

/// Frees a credit balance. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_credits_free(credits: *mut ZexaCredits) {
    free(credits)
}
