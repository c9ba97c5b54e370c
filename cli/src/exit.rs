//! The documented exit codes, and the one place that maps an error of the SDK onto them.

use zexa::ErrorKind;

/// Success.
pub const OK: i32 = 0;
/// Any API error without a code of its own (a validation error, a conflict, no credits...).
pub const API_ERROR: i32 = 1;
/// A usage error: a command or option clap refused.
pub const USAGE: i32 = 2;
/// Input the SDK refused locally; nothing was sent.
pub const INVALID_INPUT: i32 = 3;
/// HTTP 401: a missing or wrong API key.
pub const UNAUTHORIZED: i32 = 4;
/// HTTP 404.
pub const NOT_FOUND: i32 = 5;
/// HTTP 429, after the SDK's retries.
pub const RATE_LIMITED: i32 = 6;
/// The API could not be reached or did not answer in time (a wait that ran out included).
pub const NETWORK: i32 = 7;
/// HTTP 5xx, after the SDK's retries.
pub const SERVER: i32 = 8;
/// Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// The exit code of a command that failed with `kind`.
pub fn code_of(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::InvalidInput => INVALID_INPUT,
        ErrorKind::Unauthorized => UNAUTHORIZED,
        ErrorKind::NotFound => NOT_FOUND,
        ErrorKind::RateLimited => RATE_LIMITED,
        ErrorKind::Transport | ErrorKind::Timeout | ErrorKind::WaitTimeout => NETWORK,
        ErrorKind::Server => SERVER,
        ErrorKind::Interrupted => INTERRUPTED,
        _ => API_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_documented_code() {
        let cases = [
            (ErrorKind::InvalidInput, 3),
            (ErrorKind::Unauthorized, 4),
            (ErrorKind::NotFound, 5),
            (ErrorKind::RateLimited, 6),
            (ErrorKind::Transport, 7),
            (ErrorKind::Timeout, 7),
            (ErrorKind::WaitTimeout, 7),
            (ErrorKind::Server, 8),
            (ErrorKind::Interrupted, 130),
            (ErrorKind::Validation, 1),
            (ErrorKind::Conflict, 1),
            (ErrorKind::InsufficientCredits, 1),
            (ErrorKind::InvalidRequest, 1),
            (ErrorKind::Decode, 1),
            (ErrorKind::OtherApi, 1),
            (ErrorKind::Write, 1),
        ];
        for (kind, code) in cases {
            assert_eq!(code_of(kind), code, "{kind}");
        }
    }
}
