//! [`Client`]: the one place where a call becomes attempts on the wire, retries happen, and
//! answers become models or errors. Resource handlers only declare endpoints on top of it.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::builder::ClientBuilder;
use crate::cancel::{self, pause};
use crate::error::{excerpt, quoted, redact, truncated, ApiError, Error, Result, EXCERPT_CHARS, REDACTED};
use crate::options::RequestOptions;
use crate::pool::Connections;
use crate::resources::{Campaigns, ContactLists, Contacts, Credits, Exports, Messages, SenderIds, Webhooks};
use crate::response::{Response, ResponseInfo};
use crate::retry::{Decision, RetryPolicy};
use crate::secret::ApiKey;
use crate::transport::{send_once, Attempt, Method, Payload, Wire};
use crate::url;

/// A blocking client of the Zexa API.
///
/// `Client` is `Send + Sync` and cheap to clone: clones share one connection pool, so create
/// one per process and share it between threads. A client used after `fork()` is safe: the
/// child notices that the process changed and opens its own connections (see
/// [`Client::after_fork_in_child`]).
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

/// The settings of one client handle; [`Client::with_timeout`] and its kin make another
/// handle over the same [`Shared`] state.
pub(crate) struct Inner {
    pub shared: Arc<Shared>,
    pub timeout: Duration,
    /// The bound of a whole call, retries and their waits included.
    pub total_timeout: Option<Duration>,
    pub retry: RetryPolicy,
    /// Headers every request of this handle adds ([`Client::with_options`]).
    pub extra_headers: Vec<(String, String)>,
    /// Query pairs every request of this handle adds.
    pub extra_query: Vec<(String, String)>,
    /// Where a handle made by [`Client::with_response`] keeps the last success's metadata.
    pub recorder: Option<Arc<Mutex<Option<ResponseInfo>>>>,
}

/// What every handle made from one builder shares.
pub(crate) struct Shared {
    pub connections: Connections,
    /// The key, to remove it from anything a server echoes back.
    pub key: ApiKey,
    /// `Bearer <key>`: a secret, never printed.
    pub authorization: String,
    pub base_url: String,
    pub max_response_bytes: u64,
    /// The cap of a download's size.
    pub max_download_bytes: u64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.shared.base_url)
            .field("api_key", &"<redacted>")
            .field("timeout", &self.inner.timeout)
            .field("total_timeout", &self.inner.total_timeout)
            .field("max_retries", &self.inner.retry.max_retries)
            .field("extra_headers", &self.inner.extra_headers.len())
            .field("extra_query", &self.inner.extra_query.len())
            .finish()
    }
}

/// A successful answer: status and raw body.
pub(crate) struct Answer {
    pub status: u16,
    /// How many attempts it took.
    pub attempts: u32,
    /// Whether the call's method can change anything (a 2xx that cannot be decoded still did).
    pub effectful: bool,
    pub body: Vec<u8>,
}

/// The longest request URL sent. Servers and proxies commonly refuse longer ones (8 KiB is
/// nginx's and most gateways' header line limit), so a longer one is refused before sending.
pub const MAX_URL_BYTES: usize = 8 * 1024;

impl Client {
    /// A client of the production API with default settings.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the key is empty, longer than 1 KiB, or has a character
    /// that is not printable ASCII.
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
        &self.inner.shared.base_url
    }

    /// The per-attempt timeout of this client.
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The bound of a whole call, retries included, when one is set.
    pub fn total_timeout(&self) -> Option<Duration> {
        self.inner.total_timeout
    }

    /// The retry budget of this client.
    pub fn max_retries(&self) -> u32 {
        self.inner.retry.max_retries
    }

    /// A client with another timeout that shares this one's connection pool.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a zero timeout.
    pub fn with_timeout(&self, timeout: Duration) -> Result<Client> {
        if timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        Ok(self.derive(|inner| inner.timeout = timeout))
    }

    /// A client with another total timeout (`None`: none) that shares this one's pool.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a zero timeout.
    pub fn with_total_timeout(&self, total: Option<Duration>) -> Result<Client> {
        if total.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("total_timeout", "must be greater than zero"));
        }
        Ok(self.derive(|inner| inner.total_timeout = total))
    }

    /// A client with another retry budget that shares this one's connection pool.
    pub fn with_max_retries(&self, max_retries: u32) -> Client {
        self.derive(|inner| inner.retry.max_retries = max_retries)
    }

    /// Drops the connections inherited from the parent process and starts a fresh pool, when
    /// called in a child forked since the client was made; does nothing in the process that
    /// made it.
    ///
    /// Every call does this by itself when it notices that the process changed, so calling it
    /// is never needed for correctness: it only closes the inherited sockets at once (the
    /// Python package calls it from `os.register_at_fork`). The parent's connections are left
    /// as they were: nothing is read, written or shut down on them.
    pub fn after_fork_in_child(&self) {
        self.inner.shared.connections.restart_in_child();
    }

    /// A handle whose calls use `options` over this client's settings, sharing its connection
    /// pool: set options replace the client's, headers and query pairs are added to any this
    /// handle already adds. Making one is cheap (no connection is opened).
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// # let client = zexa::Client::new("k")?;
    /// let quick = client.with_options(&zexa::RequestOptions::new().timeout(Duration::from_secs(1)).max_retries(0))?;
    /// let balance = quick.credits().get()?.balance;
    /// # Ok::<(), zexa::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a zero timeout, or a header that is reserved
    /// (`Authorization`, `Content-Type`, `Host` and the framing headers) or cannot be sent.
    pub fn with_options(&self, options: &RequestOptions) -> Result<Client> {
        options.check()?;
        Ok(self.derive(|inner| {
            if let Some(timeout) = options.timeout {
                inner.timeout = timeout;
            }
            if let Some(max_retries) = options.max_retries {
                inner.retry.max_retries = max_retries;
            }
            if let Some(total) = options.total_timeout {
                inner.total_timeout = total;
            }
            inner.extra_headers.extend(options.headers.iter().cloned());
            inner.extra_query.extend(options.query.iter().cloned());
        }))
    }

    /// Runs `call` on a handle of this client that records the answer of each successful
    /// request, and returns `call`'s result with the metadata of the last one: status,
    /// headers, request ID, attempts and elapsed time. Nothing is sent twice.
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let response = client.with_response(|c| c.messages().get("msg_1"))?;
    /// eprintln!("request id for support: {:?}", response.request_id());
    /// # Ok::<(), zexa::Error>(())
    /// ```
    ///
    /// # Errors
    /// `call`'s error; [`Error::InvalidInput`] when `call` succeeded without making a request
    /// through the handle it was given.
    pub fn with_response<T>(&self, call: impl FnOnce(&Client) -> Result<T>) -> Result<Response<T>> {
        let slot = Arc::new(Mutex::new(None));
        let recording = self.derive(|inner| inner.recorder = Some(Arc::clone(&slot)));
        let value = call(&recording)?;
        let info = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
        match info {
            Some(info) => Ok(Response::new(value, info)),
            None => Err(Error::invalid(
                "call",
                "made no request through the client it was given, so there is no response to return",
            )),
        }
    }

    fn derive(&self, change: impl FnOnce(&mut Inner)) -> Client {
        let mut inner = Inner {
            shared: Arc::clone(&self.inner.shared),
            timeout: self.inner.timeout,
            total_timeout: self.inner.total_timeout,
            retry: self.inner.retry,
            extra_headers: self.inner.extra_headers.clone(),
            extra_query: self.inner.extra_query.clone(),
            recorder: self.inner.recorder.clone(),
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
        let answer = self.raw_request(method, path, query, body)?;
        if answer.body.is_empty() {
            return Ok(Value::Null);
        }
        decode(&answer, self.inner.shared.key.expose())
    }

    /// [`Self::request`], with the answer decoded into `T` (a `Deserialize` type of yours, or
    /// one of this crate's models).
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let credits: zexa::Credits = client.request_as(zexa::Method::Get, "/credits", &[], None)?;
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn request_as<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<T> {
        let answer = self.raw_request(method, path, query, body)?;
        decode(&answer, self.inner.shared.key.expose())
    }

    fn raw_request(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Answer> {
        check_request_path(path)?;
        let query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let payload = match body {
            Some(body) => json_payload(body)?,
            None => Payload::Empty,
        };
        self.execute(method, path, &query, &payload)
    }

    /// Sends a call and decodes its JSON answer into `T`.
    pub(crate) fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: &Payload,
    ) -> Result<T> {
        decode(
            &self.execute(method, path, query, payload)?,
            self.inner.shared.key.expose(),
        )
    }

    /// Sends a call whose answer carries nothing we need (204, or a 200 acknowledgement).
    pub(crate) fn call_empty(&self, method: Method, path: &str, payload: &Payload) -> Result<()> {
        self.execute(method, path, &[], payload).map(|_| ())
    }

    /// Sends a call, retrying as the policy allows, and returns the 2xx answer or the error.
    /// Every error it returns has the key removed (a server may echo it).
    pub(crate) fn execute(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: &Payload,
    ) -> Result<Answer> {
        let shared = &*self.inner.shared;
        self.run(method, path, query, payload)
            .map_err(|e| e.redacted(shared.key.expose()))
    }

    fn run(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: &Payload,
    ) -> Result<Answer> {
        let inner = &*self.inner;
        let shared = &*inner.shared;
        let url = if inner.extra_query.is_empty() {
            url::build(&shared.base_url, path, query)
        } else {
            let all: Vec<(String, String)> = query.iter().chain(&inner.extra_query).cloned().collect();
            url::build(&shared.base_url, path, &all)
        };
        if url.len() > MAX_URL_BYTES {
            return Err(Error::invalid(
                "url",
                format!(
                    "the request URL would be {} bytes, over the limit of {MAX_URL_BYTES} (an ID or query value that long cannot be sent)",
                    url.len()
                ),
            ));
        }
        let started = Instant::now();
        let deadline = inner.total_timeout.map(|t| started + t);
        let token = cancel::current();
        let token = token.as_ref();
        let log_path = truncated(path, LOG_PATH_CHARS);
        let secret = shared.key.expose();
        let agent = shared.connections.agent();
        let mut attempt_no = 1;
        loop {
            if let Some(token) = token.filter(|t| t.is_cancelled()) {
                return Err(token.interrupted_error());
            }
            let timeout = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => inner.timeout.min(left),
                    _ => return Err(total_timeout_error(inner, attempt_no - 1)),
                },
                None => inner.timeout,
            };
            let wire = Wire {
                agent: &agent,
                authorization: &shared.authorization,
                timeout,
                max_body: shared.max_response_bytes,
                extra_headers: &inner.extra_headers,
            };
            let attempt_started = Instant::now();
            if let Some(token) = token {
                token.attempt_started(method.may_take_effect());
            }
            let outcome = send_once(&wire, method, &url, payload);
            let may_have_executed = outcome.may_have_executed(method);
            if let Some(token) = token {
                token.attempt_ended(may_have_executed);
                // A read stopped by the token ends the attempt with an I/O error: what the
                // caller must hear is the interrupt.
                if token.is_cancelled() {
                    return Err(token.interrupted_error());
                }
            }
            log::debug!(
                target: "zexa",
                "{method} {log_path} -> {} in {} ms (attempt {attempt_no})",
                outcome_summary(&outcome, secret),
                attempt_started.elapsed().as_millis()
            );
            let outcome = match outcome {
                Attempt::Answered {
                    status: status @ 200..=299,
                    body,
                    headers,
                    ..
                } => {
                    if let Some(recorder) = &inner.recorder {
                        let info = ResponseInfo::new(status, &headers, attempt_no, started.elapsed(), secret);
                        *recorder.lock().unwrap_or_else(|e| e.into_inner()) = Some(info);
                    }
                    return Ok(Answer {
                        status,
                        attempts: attempt_no,
                        effectful: method.may_take_effect(),
                        body,
                    });
                }
                failed => failed,
            };
            match inner.retry.decide(method, attempt_no, &outcome) {
                Decision::RetryAfter(wait) if deadline.is_some_and(|d| Instant::now() + wait >= d) => {
                    log::warn!(
                        target: "zexa",
                        "{method} {log_path} attempt {attempt_no} failed ({}); no time left to retry within the total timeout",
                        outcome_summary(&outcome, secret),
                    );
                    return Err(into_error(outcome, attempt_no, method, secret));
                }
                Decision::RetryAfter(wait) => {
                    log::warn!(
                        target: "zexa",
                        "{method} {log_path} attempt {attempt_no} failed ({}); retrying in {} ms",
                        outcome_summary(&outcome, secret),
                        wait.as_millis()
                    );
                    pause(token, wait)?;
                    attempt_no += 1;
                }
                Decision::GiveUp => {
                    if attempt_no > 1 || !matches!(outcome, Attempt::Answered { .. }) {
                        log::warn!(
                            target: "zexa",
                            "{method} {log_path} gave up after {attempt_no} attempt(s): {}",
                            outcome_summary(&outcome, secret)
                        );
                    }
                    return Err(into_error(outcome, attempt_no, method, secret));
                }
            }
        }
    }

    /// Waits `pause` between polls of a wait; cut short (an [`Error::Interrupted`]) when the
    /// thread's [`crate::CancelToken`] is cancelled.
    pub(crate) fn pause(&self, wait: Duration) -> Result<()> {
        pause(cancel::current().as_ref(), wait)
    }
}

/// At most this many characters of a request path are logged (an ID of 100,000 characters
/// must not make a log line that long).
const LOG_PATH_CHARS: usize = 120;

/// At most this many characters of a transport failure are kept (ureq's messages may quote
/// the URL).
const FAILURE_CHARS: usize = 300;

/// The error of a call whose total timeout elapsed before another attempt could start.
fn total_timeout_error(inner: &Inner, attempts: u32) -> Error {
    Error::Timeout {
        message: format!(
            "the total timeout of {:?} elapsed",
            inner.total_timeout.unwrap_or_default()
        ),
        attempts,
        // Only a failure that surely had no effect is retried, so the attempts before this
        // one took none.
        may_have_executed: false,
        cause: None,
    }
}

/// A path for [`Client::request`]: from the API root, no query or fragment, and no `.` or `..`
/// segment (which would climb out of the base URL's path: `/../admin`).
fn check_request_path(path: &str) -> Result<()> {
    if !path.starts_with('/') || path.contains(['?', '#']) {
        return Err(Error::invalid(
            "path",
            "must start with '/' and carry no query or fragment (pass the query separately)",
        ));
    }
    let climbs = path.split('/').any(|segment| {
        let decoded = segment.replace("%2E", ".").replace("%2e", ".");
        decoded == "." || decoded == ".."
    });
    if climbs {
        return Err(Error::invalid(
            "path",
            format!("{} has a '.' or '..' segment", quoted(path)),
        ));
    }
    Ok(())
}

/// Encodes a request struct as a JSON payload.
pub(crate) fn json_payload<T: Serialize + ?Sized>(body: &T) -> Result<Payload> {
    serde_json::to_vec(body)
        .map(Payload::Json)
        .map_err(|e| Error::invalid("body", format!("cannot be encoded as JSON: {e}")))
}

/// Decodes a 2xx answer. serde's message may quote a value of the body (a whole field), and
/// the body may echo the key: both are cleaned as every error text is.
fn decode<T: DeserializeOwned>(answer: &Answer, secret: &str) -> Result<T> {
    serde_json::from_slice(&answer.body).map_err(|e| {
        // A text body is cleaned before it is cut into an excerpt; a binary one is described,
        // never quoted, so it is passed as it is.
        let cleaned = std::str::from_utf8(&answer.body)
            .ok()
            .filter(|text| text.contains(secret))
            .map(|text| text.replace(secret, REDACTED));
        Error::decode(
            answer.status,
            body_text(&e.to_string(), secret),
            cleaned.as_ref().map_or(&answer.body[..], |text| text.as_bytes()),
            answer.attempts,
            answer.effectful,
        )
    })
}

fn failure_message(outcome: &Attempt) -> &str {
    match outcome {
        Attempt::Answered { .. } => "answered",
        Attempt::NotConnected { message, .. }
        | Attempt::Failed { message, .. }
        | Attempt::TimedOut { message, .. }
        | Attempt::Fatal { message, .. } => message,
    }
}

/// A failure for the log and for errors: the key removed, then cut to a bounded length.
fn clean_failure(outcome: &Attempt, secret: &str) -> String {
    let mut text = failure_message(outcome).to_owned();
    redact(&mut text, secret);
    truncated(&text, FAILURE_CHARS).into_owned()
}

fn outcome_summary(outcome: &Attempt, secret: &str) -> String {
    match outcome {
        Attempt::Answered { status, .. } => format!("HTTP {status}"),
        other => clean_failure(other, secret),
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

/// The text of an error body, the key removed before it is cut (a cut could leave part of it).
fn body_text(text: &str, secret: &str) -> String {
    let mut text = text.to_owned();
    redact(&mut text, secret);
    truncated(&text, EXCERPT_CHARS).into_owned()
}

/// Turns the last failed attempt of a `method` call into the caller's error.
pub(crate) fn into_error(outcome: Attempt, attempts: u32, method: Method, secret: &str) -> Error {
    let may_have_executed = outcome.may_have_executed(method);
    let message = clean_failure(&outcome, secret);
    let cause = outcome.cause();
    match outcome {
        Attempt::Answered {
            status,
            retry_after,
            request_id,
            body,
            ..
        } => {
            let parsed: Option<ErrorBody> = serde_json::from_slice(&body).ok();
            let (code, message, details, body_request_id) = match parsed {
                // An empty code or message says nothing: fall back as if it were absent.
                Some(b) => (non_blank(b.error), non_blank(b.message), b.details, b.request_id),
                None => (None, None, None, None),
            };
            let message = match message {
                Some(message) => body_text(&message, secret),
                None => {
                    let text = excerpt(&redact_bytes(&body, secret));
                    if text.is_empty() {
                        format!("HTTP {status} with an empty body")
                    } else {
                        text
                    }
                }
            };
            Error::Api(Box::new(ApiError {
                status,
                code: body_text(&code.unwrap_or_else(|| format!("http_{status}")), secret),
                message,
                details: details.filter(|d| !d.is_null()).map(|mut d| {
                    truncate_strings(&mut d, secret);
                    d
                }),
                request_id: body_request_id.or(request_id).map(|id| body_text(&id, secret)),
                retry_after,
                attempts,
                may_have_executed,
            }))
        }
        Attempt::TimedOut { .. } => Error::Timeout {
            message,
            attempts,
            may_have_executed,
            cause,
        },
        Attempt::NotConnected { .. } | Attempt::Failed { .. } => Error::Transport {
            message,
            attempts,
            may_have_executed,
            cause,
        },
        Attempt::Fatal {
            status: Some(status), ..
        } => Error::Decode {
            status,
            message,
            excerpt: String::new(),
            attempts,
            may_have_executed,
        },
        Attempt::Fatal { status: None, .. } => Error::Transport {
            message,
            attempts,
            may_have_executed,
            cause,
        },
    }
}

/// `body` with every occurrence of `secret` replaced by [`REDACTED`], bytes kept as they are
/// (a lossy conversion first would turn a binary body into text for the excerpt).
fn redact_bytes<'a>(body: &'a [u8], secret: &str) -> std::borrow::Cow<'a, [u8]> {
    let secret = secret.as_bytes();
    if secret.is_empty() || !body.windows(secret.len()).any(|w| w == secret) {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.windows(secret.len()).position(|w| w == secret) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(REDACTED.as_bytes());
        rest = &rest[at + secret.len()..];
    }
    out.extend_from_slice(rest);
    std::borrow::Cow::Owned(out)
}

/// Every string of an error's `details`, the key removed and cut to a body excerpt's length.
fn truncate_strings(value: &mut Value, secret: &str) {
    match value {
        Value::String(text) => *text = body_text(text, secret),
        Value::Array(items) => items.iter_mut().for_each(|v| truncate_strings(v, secret)),
        Value::Object(map) => map.values_mut().for_each(|v| truncate_strings(v, secret)),
        _ => {}
    }
}
