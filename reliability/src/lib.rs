//! Shared helpers of the reliability tests.
