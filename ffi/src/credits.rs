//! Credits: the account balance.

use crate::client::ZexaClient;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaCredits};
use crate::status::ZexaStatus;

/// `GET /credits`: the balance. `*out` is freed with `zexa_credits_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_credits_get(client: *const ZexaClient, out: *mut *mut ZexaCredits) -> ZexaStatus {
    emit(out, || recorded(client, |c| c.credits().get()))
}

/// Frees a credit balance. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_credits_free(credits: *mut ZexaCredits) {
    free(credits)
}
