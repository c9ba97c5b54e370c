//! Waiting for the network in slices, so that a call can be stopped while it waits.
//!
//! A thread blocked in a socket read hears nothing until the read ends: for a server that
//! never answers, the whole timeout (30 s by default, per attempt). When the thread runs
//! inside a [`CancelToken`] scope whose token has a check (the Python package's: "did Ctrl-C
//! come?"), every read waits at most [`SLICE`]; between slices the token is checked, and a
//! stopped call ends with an `Interrupted` I/O error that the client reports as
//! `Error::Interrupted`. Without such a scope the read is passed on unchanged.
//!
//! [`Sliced`] sits right above the TCP socket in ureq's connector chain, so TLS handshakes and
//! TLS reads go through it too. What it cannot cut short: opening the connection (bounded by
//! the connect timeout), a name lookup, and a write blocked on a full send buffer (a write
//! that stopped half-way could not be resumed).

use std::io;
use std::time::Instant;

use ureq::unversioned::transport::time::Duration as UreqDuration;
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

use crate::cancel::{self, CancelToken};

/// The longest a read waits before the token is checked again: well within the half second
/// in which Ctrl-C must take effect.
pub(crate) const SLICE: std::time::Duration = std::time::Duration::from_millis(20);

/// The connector that wraps each new transport in [`Sliced`].
#[derive(Debug, Default)]
pub(crate) struct Slicer;

impl<In: Transport> Connector<In> for Slicer {
    type Out = Sliced<In>;

    fn connect(&self, _: &ConnectionDetails, chained: Option<In>) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| Sliced { inner }))
    }
}

/// A transport whose reads wait in slices inside a checking [`CancelToken`] scope.
#[derive(Debug)]
pub(crate) struct Sliced<T> {
    inner: T,
}

impl<T: Transport> Transport for Sliced<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.inner.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let Some(token) = cancel::current().filter(CancelToken::has_check) else {
            return self.inner.await_input(timeout);
        };
        let started = Instant::now();
        loop {
            // The SDK sets no per-read timeout of its own, so a `PerRead` timeout is a slice
            // ending, never the call's.
            let left = match timeout.after {
                UreqDuration::Exact(after) => UreqDuration::Exact(after.saturating_sub(started.elapsed())),
                UreqDuration::NotHappening => UreqDuration::NotHappening,
            };
            let slice = NextTimeout {
                after: left,
                per_read: Some(UreqDuration::Exact(SLICE)),
                ..timeout
            };
            match self.inner.await_input(slice) {
                Err(ureq::Error::Timeout(ureq::Timeout::PerRead)) => {
                    if token.poll() {
                        return Err(ureq::Error::Io(io::Error::new(
                            io::ErrorKind::Interrupted,
                            "the call was interrupted",
                        )));
                    }
                }
                other => return other,
            }
        }
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}
