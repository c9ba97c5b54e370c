//! `zexa_request`: any endpoint, with the client's authentication, retries and errors.

use std::ffi::c_char;

use crate::client::ZexaClient;
use crate::handle;
use crate::last_response::recorded;
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::{into_raw, json_arg, str_arg, str_pairs};

/// Calls an endpoint this version does not model, with the client's authentication, retries
/// and errors: `method` (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`), `path` appended to the base
/// URL (e.g. `/credits`, no query), `query_len` query pairs from the parallel arrays
/// `query_keys`/`query_values` (NULL when 0), and an optional JSON body (NULL: none).
///
/// On success `*out_json` is the JSON answer (`null` for an empty answer), freed with
/// `zexa_string_free`. Returns `ZEXA_INVALID_INPUT` for a bad method or path (refused by the
/// core), `ZEXA_INVALID_ARGUMENT` when `json_body` is not JSON, any API status. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_request(
    client: *const ZexaClient,
    method: *const c_char,
    path: *const c_char,
    query_keys: *const *const c_char,
    query_values: *const *const c_char,
    query_len: usize,
    json_body: *const c_char,
    out_json: *mut *mut c_char,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out_json)?;
        let method: zexa::Method = str_arg(method, "method")?.parse()?;
        let query = str_pairs(query_keys, query_values, query_len, "query")?;
        let body = json_arg(json_body, "json_body")?;
        let path = str_arg(path, "path")?;
        let answer = recorded(client, |c| c.request(method, path, &query, body.as_ref()))?;
        *slot = into_raw(&answer.to_string());
        Ok(())
    })
}
