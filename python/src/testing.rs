//! `NativeSandbox`: an embedded `zexa-sandbox` for `zexa.testing.Sandbox`. Its controls are
//! the Rust [`zexa_sandbox::Sandbox`] methods; structured values cross as JSON text (faults
//! in, messages, deliveries and stats out), decoded by serde on this side and by
//! `zexa/testing.py` on the other, so the shapes are those of the admin endpoints.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use zexa_sandbox::{Fault, MessageFilter, Sandbox, SandboxConfig};

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// A running sandbox; `None` once stopped.
#[pyclass(frozen, module = "zexa._native")]
pub struct NativeSandbox {
    /// Shared so a call runs without holding the lock (and without the GIL): a webhook
    /// receiver written in Python can then answer, and call the sandbox, during `advance`.
    sandbox: Mutex<Option<Arc<Sandbox>>>,
}

impl NativeSandbox {
    fn current(&self) -> PyResult<Arc<Sandbox>> {
        self.sandbox
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| PyRuntimeError::new_err("the sandbox was stopped"))
    }

    /// Runs `f` on the sandbox with the GIL released.
    fn with<T: Send>(&self, py: Python<'_>, f: impl FnOnce(&Sandbox) -> PyResult<T> + Send) -> PyResult<T> {
        let sandbox = self.current()?;
        py.detach(|| f(&sandbox))
    }
}

#[pymethods]
impl NativeSandbox {
    /// Starts a sandbox on a free loopback port; `None` arguments keep the sandbox's own
    /// defaults (`SandboxConfig::default()`).
    #[new]
    #[pyo3(signature = (*, api_key=None, credits=None, sender_ids=None, seed_contacts=None, rate_limit=None, delivery_ms=None, failure_rate=None, seed=None, latency_ms=None, manual_clock=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        credits: Option<f64>,
        sender_ids: Option<Vec<String>>,
        seed_contacts: Option<usize>,
        rate_limit: Option<u32>,
        delivery_ms: Option<u64>,
        failure_rate: Option<f64>,
        seed: Option<u64>,
        latency_ms: Option<u64>,
        manual_clock: bool,
    ) -> PyResult<NativeSandbox> {
        let mut config = SandboxConfig {
            manual_clock,
            ..SandboxConfig::default()
        };
        if let Some(v) = api_key {
            config.api_key = v;
        }
        if let Some(v) = credits {
            config.credits = v;
        }
        if let Some(names) = sender_ids {
            config.sender_ids = names
                .into_iter()
                .map(|n| {
                    let channels = zexa_sandbox::channels_for_sender(&n);
                    (n, channels)
                })
                .collect();
        }
        if let Some(v) = seed_contacts {
            config.seed_contacts = v;
        }
        config.rate_limit = rate_limit.filter(|n| *n > 0).or(config.rate_limit);
        if let Some(v) = delivery_ms {
            config.delivery_ms = v;
        }
        if let Some(v) = failure_rate {
            if !(0.0..=1.0).contains(&v) {
                return Err(value_error(format!("failure_rate must be from 0 to 1, got {v}")));
            }
            config.failure_rate = v;
        }
        if let Some(v) = seed {
            config.seed = v;
        }
        if let Some(v) = latency_ms {
            config.latency_ms = v;
        }
        let sandbox = py
            .detach(|| Sandbox::start_with(config))
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the sandbox: {e}")))?;
        Ok(NativeSandbox {
            sandbox: Mutex::new(Some(Arc::new(sandbox))),
        })
    }

    /// `http://127.0.0.1:PORT/v1`.
    #[getter]
    fn base_url(&self) -> PyResult<String> {
        Ok(self.current()?.base_url())
    }

    /// `http://127.0.0.1:PORT/`, the inbox page.
    #[getter]
    fn inbox_url(&self) -> PyResult<String> {
        Ok(self.current()?.inbox_url())
    }

    /// The accepted API key.
    #[getter]
    fn api_key(&self) -> PyResult<String> {
        Ok(self.current()?.api_key().to_string())
    }

    /// Queues `count` copies of the fault (JSON such as `{"kind": "status", "status": 503}`)
    /// for requests under `path` (any request when `None`).
    #[pyo3(signature = (fault_json, count=1, path=None))]
    fn inject_fault(&self, py: Python<'_>, fault_json: &str, count: u64, path: Option<&str>) -> PyResult<()> {
        let fault: Fault = serde_json::from_str(fault_json).map_err(value_error)?;
        fault.validate().map_err(value_error)?;
        self.with(py, |s| {
            s.inject_faults(fault, count, path);
            Ok(())
        })
    }

    /// Empties the fault queue.
    fn clear_faults(&self, py: Python<'_>) -> PyResult<()> {
        self.with(py, |s| {
            s.clear_faults();
            Ok(())
        })
    }

    /// Each request takes a random fault of `kinds_json` (a JSON array) with probability
    /// `rate`.
    fn set_fault_rate(&self, py: Python<'_>, rate: f64, kinds_json: &str) -> PyResult<()> {
        let kinds: Vec<Fault> = serde_json::from_str(kinds_json).map_err(value_error)?;
        self.with(py, |s| s.set_fault_rate(rate, kinds).map_err(value_error))
    }

    /// The request counters, as JSON.
    fn stats_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| to_json(&s.stats()))
    }

    /// The messages matching the filters, oldest first, as a JSON array.
    #[pyo3(signature = (recipient=None, channel=None, campaign=None, limit=None))]
    fn messages_json(
        &self,
        py: Python<'_>,
        recipient: Option<String>,
        channel: Option<String>,
        campaign: Option<String>,
        limit: Option<usize>,
    ) -> PyResult<String> {
        let filter = MessageFilter {
            recipient,
            channel,
            campaign,
            limit,
        };
        self.with(py, |s| to_json(&s.messages(&filter)))
    }

    /// Every webhook delivery attempted, oldest first, as a JSON array.
    fn webhook_deliveries_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| to_json(&s.webhook_deliveries()))
    }

    /// Everything back to the start configuration.
    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        self.with(py, |s| {
            s.reset();
            Ok(())
        })
    }

    /// Moves the manual clock forward by `ms` milliseconds (webhooks due are POSTed before it
    /// returns, with the GIL released so a Python receiver can answer).
    fn advance(&self, py: Python<'_>, ms: u64) -> PyResult<()> {
        self.with(py, |s| {
            // The Rust method panics on a wall clock (a test mistake); raise instead.
            if !s.manual_clock() {
                return Err(PyRuntimeError::new_err(
                    "advance() needs a sandbox started with manual_clock=True",
                ));
            }
            s.advance(Duration::from_millis(ms));
            Ok(())
        })
    }

    /// Whether the sandbox runs on a manual clock.
    #[getter]
    fn manual_clock(&self) -> PyResult<bool> {
        Ok(self.current()?.manual_clock())
    }

    /// Whether the sandbox is still running.
    #[getter]
    fn running(&self) -> bool {
        self.sandbox.lock().unwrap_or_else(|p| p.into_inner()).is_some()
    }

    /// Stops the server (idempotent); a call still running elsewhere finishes first, and the
    /// server stops when it does.
    fn stop(&self, py: Python<'_>) {
        let taken = self.sandbox.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(s) = taken {
            // Dropping the last reference stops and joins the server.
            py.detach(move || drop(s));
        }
    }
}
