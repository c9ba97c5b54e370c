// The list of every `ZexaStatus`, in one place. Both the Rust enum with its names
// (`status.rs`) and the C declaration in `include/zexa.h` (`ffi/tests/header.rs`, which
// includes this file) are generated from it, so they cannot disagree.
//
// `for_each_status!(m)` calls the macro `m` with the whole list. Values are never reused or
// renumbered (ffi/ABI.md); new ones are added at the end.
macro_rules! for_each_status {
    ($m:ident) => {
        $m! {
            /// Success.
            ZEXA_OK = 0,
            /// The core refused the input before sending anything (bad phone, empty name,
            /// per_page out of range...). `zexa_last_error_field()` names the field.
            ZEXA_INVALID_INPUT = 1,
            /// HTTP 400 `invalid_request`.
            ZEXA_INVALID_REQUEST = 2,
            /// HTTP 401: the API key was refused.
            ZEXA_UNAUTHORIZED = 3,
            /// HTTP 404.
            ZEXA_NOT_FOUND = 4,
            /// HTTP 409 (for example a phone number that already exists).
            ZEXA_CONFLICT = 5,
            /// HTTP 422 `validation_error`.
            ZEXA_VALIDATION_ERROR = 6,
            /// Code `insufficient_credits` (HTTP 422).
            ZEXA_INSUFFICIENT_CREDITS = 7,
            /// HTTP 429; `zexa_last_error_retry_after_ms()` tells how long the server asked to wait.
            ZEXA_RATE_LIMITED = 8,
            /// HTTP 5xx.
            ZEXA_SERVER_ERROR = 9,
            /// Any other error status.
            ZEXA_API_ERROR = 10,
            /// The request could not be delivered or the answer read (connection refused, TLS...).
            ZEXA_TRANSPORT_ERROR = 11,
            /// The call (or a wait) did not finish in time.
            ZEXA_TIMEOUT = 12,
            /// A 2xx answer (or a webhook payload) that is not the expected JSON.
            ZEXA_DECODE_ERROR = 13,
            /// A C argument is unusable: NULL where a value is required, a string that is not
            /// UTF-8, a JSON argument that does not parse, a handle that is not a live one of
            /// its type, a struct whose `struct_size` is wrong. Nothing was sent.
            ZEXA_INVALID_ARGUMENT = 14,
            /// A bug in the library (a caught panic). Nothing unwound into the caller.
            ZEXA_INTERNAL_ERROR = 15,
            /// The caller stopped the call: a progress callback returned non-zero, or a
            /// callback writer refused the data. `zexa_last_error_may_have_executed()` says
            /// whether a request that takes effect had been sent.
            ZEXA_CANCELLED = 16,
            /// Writing what the library read failed (the file descriptor of
            /// `zexa_exports_download_to_fd`). Nothing more is read.
            ZEXA_IO_ERROR = 17,
        }
    };
}
