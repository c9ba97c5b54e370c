//! # libzexa: the C ABI of the Zexa SDK
//!
//! A thin translation layer over the `zexa` core crate: every operation (validation,
//! retries, paging, error classification) is the core's; this crate only converts C
//! arguments into core requests, core models into C structs, and core errors into a
//! `ZexaStatus` plus a thread-local last-error record.
//!
//! Conventions (see `include/zexa.h`):
//! - every fallible function returns `ZexaStatus` and writes its result through an `out`
//!   pointer, which is set to NULL on failure;
//! - every pointer returned to the caller has exactly one `_free` function, and `_free(NULL)`
//!   is a no-op; strings inside a result are owned by that result;
//! - argument strings are NUL-terminated UTF-8 and are copied; NULL where a value is
//!   required, or invalid UTF-8, gives `ZEXA_INVALID_ARGUMENT`;
//! - no panic unwinds into C: a caught panic gives `ZEXA_INTERNAL_ERROR`.

mod campaigns;
mod client;
mod contact_lists;
mod contacts;
mod credits;
mod exports;
#[cfg(test)]
mod fuzz_tests;
mod handle;
mod imports;
mod iter;
mod keepalive;
mod last_error;
mod last_response;
mod logging;
mod messages;
mod models;
mod network;
mod options;
mod panic;
mod phone;
mod request;
mod sender_ids;
mod sms;
#[cfg(test)]
mod sms_tests;
mod status;
mod strings;
mod tristate;
mod version;
mod webhooks;
