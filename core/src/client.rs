//! [`Client`]: the one place where a call becomes attempts on the wire, retries happen, and
//! answers become models or errors. Resource handlers only declare endpoints on top of it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::builder::ClientBuilder;
use crate::error::{excerpt, ApiError, Error, Result};
use crate::resources::{Campaigns, ContactLists, Contacts, Credits, Exports, Messages, SenderIds, Webhooks};
use crate::retry::{Decision, RetryPolicy};
use crate::transport::{send_once, Attempt, Method, Payload, Wire};
use crate::url;

/// A blocking client of the Zexa API.
///
/// `Client` is `Send + Sync` and cheap to clone: clones share one connection pool, so create
/// one per process and share it between threads.
///
/// ```no_run
/// let client = zexa::Client::new("zx_live_key")?;
/// let credits = client.credits().get()?;
/// println!("{} {}", credits.balance, credits.currency);
/// # Ok::<(), zexa::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// The shared state of a client and its clones.
pub(crate) struct Inner {
    pub agent: ureq::Agent,
    /// `Bearer <key>`: a secret, never printed.
    pub authorization: String,
    pub base_url: String,
    pub timeout: Duration,
    pub retry: RetryPolicy,
    pub max_response_bytes: u64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &"<redacted>")
            .field("timeout", &self.inner.timeout)
            .field("max_retries", &self.inner.retry.max_retries)
            .finish()
    }
}

/// A successful answer: status and raw body.
pub(crate) struct Answer {
    pub status: u16,
    /// How many attempts it took.
    pub attempts: u32,
    pub body: Vec<u8>,
}

impl Client {
    /// A client of the production API with default settings.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the key is empty or has whitespace or control characters.
    pub fn new(api_key: &str) -> Result<Client> {
        Client::builder(api_key).build()
    }

    /// A builder for a client with other settings.
    pub fn builder(api_key: &str) -> ClientBuilder {
        ClientBuilder::new(api_key)
    }

    /// A client configured from the environment: `ZEXA_API_KEY` (required) and
    /// `ZEXA_BASE_URL` (optional).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `ZEXA_API_KEY` is missing or either variable is invalid.
    pub fn from_env() -> Result<Client> {
        Client::builder_from_env()?.build()
    }

    /// A builder preset from the environment, as [`Client::from_env`], to adjust further.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `ZEXA_API_KEY` is missing or not Unicode.
    pub fn builder_from_env() -> Result<ClientBuilder> {
        Client::builder_with_env(None)
    }

    /// A builder whose unset settings come from the environment: the key is `api_key`, or
    /// `ZEXA_API_KEY` when `None`; the base URL is `ZEXA_BASE_URL` when that is set (an
    /// explicit [`ClientBuilder::base_url`] still wins). The bindings use it, so every
    /// language reads the environment the same way.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when no key is given and `ZEXA_API_KEY` is missing or not Unicode.
    pub fn builder_with_env(api_key: Option<&str>) -> Result<ClientBuilder> {
        let mut builder = match api_key {
            Some(key) => Client::builder(key),
            None => Client::builder(
                &std::env::var("ZEXA_API_KEY")
                    .map_err(|_| Error::invalid("api_key", "no API key given and ZEXA_API_KEY is not set"))?,
            ),
        };
        if let Ok(base) = std::env::var("ZEXA_BASE_URL") {
            if !base.is_empty() {
                builder = builder.base_url(base);
            }
        }
        Ok(builder)
    }

    /// The API root this client talks to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The per-attempt timeout of this client.
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The retry budget of this client.
    pub fn max_retries(&self) -> u32 {
        self.inner.retry.max_retries
    }

    /// A client with another timeout that shares this one's connection pool.
    pub fn with_timeout(&self, timeout: Duration) -> Result<Client> {
        if timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        Ok(self.derive(|inner| inner.timeout = timeout))
    }

    /// A client with another retry budget that shares this one's connection pool.
    pub fn with_max_retries(&self, max_retries: u32) -> Client {
        self.derive(|inner| inner.retry.max_retries = max_retries)
    }

    fn derive(&self, change: impl FnOnce(&mut Inner)) -> Client {
        let mut inner = Inner {
            agent: self.inner.agent.clone(),
            authorization: self.inner.authorization.clone(),
            base_url: self.inner.base_url.clone(),
            timeout: self.inner.timeout,
            retry: self.inner.retry,
            max_response_bytes: self.inner.max_response_bytes,
        };
        change(&mut inner);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// Contacts: create, get, update, delete, list and search, bulk import, export.
    pub fn contacts(&self) -> Contacts<'_> {
        Contacts::new(self)
    }

    /// Contact lists and their members.
    pub fn contact_lists(&self) -> ContactLists<'_> {
        ContactLists::new(self)
    }

    /// Broadcast campaigns.
    pub fn campaigns(&self) -> Campaigns<'_> {
        Campaigns::new(self)
    }

    /// Single messages on any channel.
    pub fn messages(&self) -> Messages<'_> {
        Messages::new(self)
    }

    /// Registered sender IDs.
    pub fn sender_ids(&self) -> SenderIds<'_> {
        SenderIds::new(self)
    }

    /// Delivery-status webhooks.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks::new(self)
    }

    /// The credit balance.
    pub fn credits(&self) -> Credits<'_> {
        Credits::new(self)
    }

    /// Asynchronous contact exports.
    pub fn exports(&self) -> Exports<'_> {
        Exports::new(self)
    }

    /// Calls an endpoint this version does not model, with the same authentication, retries,
    /// limits and errors as every other call. `path` is appended to the base URL (e.g.
    /// `/credits`); `query` pairs are encoded. Returns the JSON answer (`Value::Null` for 204).
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let credits = client.request(zexa::Method::Get, "/credits", &[], None)?;
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn request(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Value> {
        if !path.starts_with('/') || path.contains(['?', '#']) {
            return Err(Error::invalid(
                "path",
                "must start with '/' and carry no query or fragment (pass the query separately)",
            ));
        }
        let query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let payload = match body {
            Some(body) => json_payload(body)?,
            None => Payload::Empty,
        };
        let answer = self.execute(method, path, &query, &payload)?;
        if answer.body.is_empty() {
            return Ok(Value::Null);
        }
        decode(&answer)
    }

    /// Sends a call and decodes its JSON answer into `T`.
    pub(crate) fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: &Payload,
    ) -> Result<T> {
        decode(&self.execute(method, path, query, payload)?)
    }

    /// Sends a call whose answer carries nothing we need (204, or a 200 acknowledgement).
    pub(crate) fn call_empty(&self, method: Method, path: &str, payload: &Payload) -> Result<()> {
        self.execute(method, path, &[], payload).map(|_| ())
    }

    /// Sends a call, retrying as the policy allows, and returns the 2xx answer or the error.
    pub(crate) fn execute(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: &Payload,
    ) -> Result<Answer> {
        let inner = &*self.inner;
        let url = url::build(&inner.base_url, path, query);
        let wire = Wire {
            agent: &inner.agent,
            authorization: &inner.authorization,
            timeout: inner.timeout,
            max_body: inner.max_response_bytes,
        };
        let mut attempt_no = 1;
        loop {
            let started = Instant::now();
            let outcome = send_once(&wire, method, &url, payload);
            log::debug!(
                target: "zexa",
                "zexa: {method} {path} -> {} in {} ms (attempt {attempt_no})",
                outcome_summary(&outcome),
                started.elapsed().as_millis()
            );
            let outcome = match outcome {
                Attempt::Answered {
                    status: status @ 200..=299,
                    body,
                    ..
                } => {
                    return Ok(Answer {
                        status,
                        attempts: attempt_no,
                        body,
                    });
                }
                failed => failed,
            };
            match inner.retry.decide(method, attempt_no, &outcome) {
                Decision::RetryAfter(wait) => {
                    log::warn!(
                        target: "zexa",
                        "zexa: {method} {path} attempt {attempt_no} failed ({}); retrying in {} ms",
                        outcome_summary(&outcome),
                        wait.as_millis()
                    );
                    std::thread::sleep(wait);
                    attempt_no += 1;
                }
                Decision::GiveUp => {
                    if attempt_no > 1 || !matches!(outcome, Attempt::Answered { .. }) {
                        log::warn!(
                            target: "zexa",
                            "zexa: {method} {path} gave up after {attempt_no} attempt(s): {}",
                            outcome_summary(&outcome)
                        );
                    }
                    return Err(into_error(outcome, attempt_no));
                }
            }
        }
    }
}

/// Encodes a request struct as a JSON payload.
pub(crate) fn json_payload<T: Serialize + ?Sized>(body: &T) -> Result<Payload> {
    serde_json::to_vec(body)
        .map(Payload::Json)
        .map_err(|e| Error::invalid("body", format!("cannot be encoded as JSON: {e}")))
}

fn decode<T: DeserializeOwned>(answer: &Answer) -> Result<T> {
    serde_json::from_slice(&answer.body)
        .map_err(|e| Error::decode(answer.status, e.to_string(), &answer.body, answer.attempts))
}

fn failure_message(outcome: &Attempt) -> &str {
    match outcome {
        Attempt::Answered { .. } => "answered",
        Attempt::NotConnected { message }
        | Attempt::Failed { message }
        | Attempt::TimedOut { message }
        | Attempt::Fatal { message, .. } => message,
    }
}

fn outcome_summary(outcome: &Attempt) -> String {
    match outcome {
        Attempt::Answered { status, .. } => format!("HTTP {status}"),
        other => failure_message(other).to_owned(),
    }
}

/// The error body the API documents; every field optional, so a partial body still helps.
#[derive(serde::Deserialize)]
struct ErrorBody {
    error: Option<String>,
    message: Option<String>,
    details: Option<Value>,
    request_id: Option<String>,
}

fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// Turns the last failed attempt into the caller's error.
fn into_error(outcome: Attempt, attempts: u32) -> Error {
    match outcome {
        Attempt::Answered {
            status,
            retry_after,
            request_id,
            body,
        } => {
            let parsed: Option<ErrorBody> = serde_json::from_slice(&body).ok();
            let (code, message, details, body_request_id) = match parsed {
                // An empty code or message says nothing: fall back as if it were absent.
                Some(b) => (non_blank(b.error), non_blank(b.message), b.details, b.request_id),
                None => (None, None, None, None),
            };
            let message = message.unwrap_or_else(|| {
                let text = excerpt(&body);
                if text.is_empty() {
                    format!("HTTP {status} with an empty body")
                } else {
                    text
                }
            });
            Error::Api(Box::new(ApiError {
                status,
                code: code.unwrap_or_else(|| format!("http_{status}")),
                message,
                details: details.filter(|d| !d.is_null()),
                request_id: body_request_id.or(request_id),
                retry_after,
                attempts,
            }))
        }
        Attempt::TimedOut { message } => Error::Timeout { message, attempts },
        Attempt::NotConnected { message } | Attempt::Failed { message } => {
            Error::Transport { message, attempts }
        }
        Attempt::Fatal {
            message,
            status: Some(status),
        } => Error::Decode {
            status,
            message,
            excerpt: String::new(),
            attempts,
        },
        Attempt::Fatal {
            message,
            status: None,
        } => Error::Transport { message, attempts },
    }
}
