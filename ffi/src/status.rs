//! The one status enum of the C API (generated from the list in `statuses.rs`), and its
//! mapping from the core's [`zexa::ErrorKind`].

use std::ffi::{c_char, CStr};

use zexa::ErrorKind;

include!("statuses.rs");

/// Defines `ZexaStatus` and its C names from the list of `statuses.rs`.
macro_rules! define_statuses {
    ($($(#[doc = $doc:literal])* $name:ident = $value:literal,)+) => {
        /// The outcome of every fallible `zexa_` function (see `include/zexa.h`).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ZexaStatus {
            $($(#[doc = $doc])* $name = $value,)+
        }

        impl ZexaStatus {
            /// The name of the status with this value, if there is one.
            fn name_of(code: u32) -> Option<&'static CStr> {
                match code {
                    $($value => Some(
                        match CStr::from_bytes_with_nul(concat!(stringify!($name), "\0").as_bytes()) {
                            Ok(name) => name,
                            Err(_) => unreachable!(),
                        },
                    ),)+
                    _ => None,
                }
            }
        }
    };
}

for_each_status!(define_statuses);

impl ZexaStatus {
    /// The status of a core error, from its kind.
    pub(crate) fn of(error: &zexa::Error) -> ZexaStatus {
        match error.kind() {
            ErrorKind::InvalidInput => ZexaStatus::ZEXA_INVALID_INPUT,
            ErrorKind::InvalidRequest => ZexaStatus::ZEXA_INVALID_REQUEST,
            ErrorKind::Unauthorized => ZexaStatus::ZEXA_UNAUTHORIZED,
            ErrorKind::NotFound => ZexaStatus::ZEXA_NOT_FOUND,
            ErrorKind::Conflict => ZexaStatus::ZEXA_CONFLICT,
            ErrorKind::Validation => ZexaStatus::ZEXA_VALIDATION_ERROR,
            ErrorKind::InsufficientCredits => ZexaStatus::ZEXA_INSUFFICIENT_CREDITS,
            ErrorKind::RateLimited => ZexaStatus::ZEXA_RATE_LIMITED,
            ErrorKind::Server => ZexaStatus::ZEXA_SERVER_ERROR,
            ErrorKind::OtherApi => ZexaStatus::ZEXA_API_ERROR,
            ErrorKind::Transport => ZexaStatus::ZEXA_TRANSPORT_ERROR,
            ErrorKind::Timeout | ErrorKind::WaitTimeout => ZexaStatus::ZEXA_TIMEOUT,
            ErrorKind::Decode => ZexaStatus::ZEXA_DECODE_ERROR,
            ErrorKind::Interrupted => ZexaStatus::ZEXA_CANCELLED,
            ErrorKind::Write => ZexaStatus::ZEXA_IO_ERROR,
            // A kind added to the core later: an answer with a status is an API error.
            _ if error.status().is_some() => ZexaStatus::ZEXA_API_ERROR,
            _ => ZexaStatus::ZEXA_INTERNAL_ERROR,
        }
    }
}

/// The name of a status, such as `"ZEXA_NOT_FOUND"`, or `"ZEXA_UNKNOWN_STATUS"` for a value
/// this version does not define.
///
/// Takes the status as an integer so that any value is safe to pass. The string is static:
/// never free it. Thread-safe; does not touch the last error.
#[no_mangle]
pub extern "C" fn zexa_status_name(status: u32) -> *const c_char {
    ZexaStatus::name_of(status)
        .unwrap_or(c"ZEXA_UNKNOWN_STATUS")
        .as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_name() {
        for code in 0..=17u32 {
            let name = ZexaStatus::name_of(code).expect("a name");
            assert!(name.to_str().unwrap().starts_with("ZEXA_"));
        }
        assert_eq!(ZexaStatus::name_of(16), Some(c"ZEXA_CANCELLED"));
        assert_eq!(ZexaStatus::name_of(18), None);
    }
}
