//! Security: the API key never shows in a `Debug`, `Display`, error, log record or panic
//! message; it is never sent in clear to a remote host nor to another host on redirect; TLS
//! goes through rustls with certificate verification on (a loopback HTTPS server with a
//! certificate from an unknown CA is refused, and accepted once its CA is configured).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::json;
use zexa::{Channel, Client, CreateContact, Error, ErrorKind, SendMessage};
use zexa_reliability::{
    closed_port, lock, respond, respond_json, Admin, CaptureLogger, RawServer, CANARY_KEY,
};
use zexa_sandbox::{Sandbox, SandboxConfig};

/// The part of the key that must appear nowhere.
const SECRET_PART: &str = "CANARYk3y_7f3a9c1e5b";

fn client_at(base: &str) -> Client {
    Client::builder(CANARY_KEY)
        .base_url(base)
        .no_proxy()
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .timeout(Duration::from_millis(400))
        .build()
        .expect("client builds")
}

fn sms() -> SendMessage {
    SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "secret test")
}

/// Every way an error can be printed, its source chain included.
fn renderings(e: &Error) -> Vec<String> {
    let mut out = vec![e.to_string(), format!("{e:?}"), format!("{e:#?}")];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push(s.to_string());
        out.push(format!("{s:?}"));
        source = s.source();
    }
    out
}

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Unwraps `result` inside `catch_unwind` so the panic message (which carries the error's
/// `Debug`) is captured by the hook installed in the test.
fn panic_message<T: std::fmt::Debug>(result: zexa::Result<T>) {
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        result.unwrap();
    }));
    assert!(caught.is_err(), "the call was expected to fail");
}

#[test]
fn the_key_is_in_no_output_of_any_error_kind() {
    let logger = CaptureLogger::install(true);
    let mut errors: Vec<(&str, Error)> = Vec::new();
    let mut texts: Vec<String> = Vec::new();

    // Nothing listens: Transport after retries.
    let refused = client_at(&format!("http://127.0.0.1:{}/v1", closed_port()));
    texts.push(format!("{refused:?}"));
    errors.push(("refused", refused.credits().get().unwrap_err()));

    // The sandbox, with a different key: 401. With the right key: 404, 422, 429, 5xx, close,
    // timeout, truncation.
    let other = Sandbox::start_with(SandboxConfig {
        api_key: "zx_other".into(),
        ..SandboxConfig::default()
    })
    .expect("sandbox");
    errors.push(("401", client_at(&other.base_url()).credits().get().unwrap_err()));
    let sandbox = Sandbox::start_with(SandboxConfig {
        api_key: CANARY_KEY.into(),
        ..SandboxConfig::default()
    })
    .expect("sandbox");
    let admin = Admin::new(sandbox.addr());
    let c = client_at(&sandbox.base_url());
    errors.push(("404", c.contacts().get("cnt_missing").unwrap_err()));
    let unknown_sender = SendMessage::text(Channel::Sms, "+244912345678", "NOT_REGISTERED", "x");
    errors.push(("4xx sender", c.messages().send(&unknown_sender).unwrap_err()));
    for (name, fault) in [
        ("429", json!({"kind": "rate_limit", "retry_after": 120})),
        ("503", json!({"kind": "status", "status": 503})),
        ("close", json!({"kind": "close"})),
        ("hang", json!({"kind": "hang"})),
        ("truncate", json!({"kind": "truncate"})),
    ] {
        admin.reset();
        admin.fault(fault);
        errors.push((name, c.messages().send(&sms()).unwrap_err()));
    }

    // Raw servers: garbage, malformed JSON, a body over the cap, a redirect.
    let garbage = RawServer::start(|s, _, _| {
        let _ = s.write_all(b"NOT HTTP\r\n\r\n");
    });
    errors.push((
        "garbage",
        client_at(&garbage.base_url()).credits().get().unwrap_err(),
    ));
    let bad_json = RawServer::start(|s, _, _| respond(s, 200, &[], b"{oops"));
    errors.push((
        "decode",
        client_at(&bad_json.base_url()).credits().get().unwrap_err(),
    ));
    let big = RawServer::start(|s, _, _| respond(s, 200, &[], &[b' '; 4096]));
    let capped = Client::builder(CANARY_KEY)
        .base_url(big.base_url())
        .no_proxy()
        .max_response_bytes(100)
        .build()
        .expect("client");
    errors.push(("cap", capped.credits().get().unwrap_err()));
    let redirect = RawServer::start(|s, _, _| respond(s, 302, &[("Location", "http://127.0.0.2:9/v1")], b""));
    errors.push((
        "redirect",
        client_at(&redirect.base_url()).credits().get().unwrap_err(),
    ));

    // TLS refused.
    let tls = TlsServer::start(&Pki::new(&["127.0.0.1"]));
    errors.push(("tls", client_at(&tls.base_url()).credits().get().unwrap_err()));

    // Refused locally, and refused at construction with the key in the input.
    errors.push((
        "invalid input",
        c.contacts().create(&CreateContact::new("", "123")).unwrap_err(),
    ));
    let injected = format!("{CANARY_KEY}\r\nX-Injected: 1");
    errors.push(("crlf key", Client::new(&injected).unwrap_err()));
    errors.push((
        "http remote",
        Client::builder(CANARY_KEY)
            .base_url("http://api.zexa.ao/v1")
            .build()
            .unwrap_err(),
    ));
    texts.push(format!("{:?}", Client::builder(CANARY_KEY)));
    texts.push(format!("{c:?}"));

    let kinds: std::collections::BTreeSet<String> =
        errors.iter().map(|(_, e)| format!("{:?}", e.kind())).collect();
    for kind in [
        "Transport",
        "Timeout",
        "Decode",
        "InvalidInput",
        "Unauthorized",
        "NotFound",
        "RateLimited",
    ] {
        assert!(kinds.contains(kind), "no {kind} error in the set: {kinds:?}");
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| lock(&PANICS).push(info.to_string())));
    let mut leaks = Vec::new();
    for (name, e) in errors {
        for text in renderings(&e) {
            if text.contains(SECRET_PART) {
                leaks.push(format!("{name}: {text}"));
            }
        }
        texts.push(format!("{name}: {e}"));
        panic_message::<()>(Err(e));
    }
    std::panic::set_hook(previous);
    assert!(leaks.is_empty(), "the key leaked in errors: {leaks:#?}");

    let panics = lock(&PANICS).clone();
    assert!(panics.len() >= 15, "panic messages captured: {}", panics.len());
    let lines = logger.lines();
    assert!(
        lines.iter().any(|l| l.contains(" ureq")),
        "ureq's records are captured too"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("DEBUG zexa")),
        "the SDK's records are captured"
    );
    for text in texts.iter().chain(&panics).chain(&lines) {
        assert!(!text.contains(SECRET_PART), "the key leaked in {text:?}");
    }
    let report = format!(
        "key leak check: {} error renderings, {} panic messages, {} log records (trace, all crates): key found 0 times\n",
        texts.len(),
        panics.len(),
        lines.len()
    );
    std::fs::write(zexa_reliability::report_dir().join("security.txt"), report).expect("write report");
}

#[test]
fn plain_http_to_a_remote_host_is_refused_at_build() {
    for url in [
        "http://api.zexa.ao/v1",
        "http://10.0.0.1/v1",
        "http://0.0.0.0:8080/v1",
        "http://127.0.0.1.nip.io/v1",
        "http://localhost.example.com/v1",
        "http://127.0.0.1@example.com/v1",
        "http://[::ffff:7f00:1]/v1",
        "HTTP://example.com/v1",
        "ftp://127.0.0.1/v1",
        "ws://127.0.0.1/v1",
    ] {
        let e = Client::builder(CANARY_KEY).base_url(url).build().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{url}");
        assert!(!e.to_string().contains(SECRET_PART));
    }
    for url in [
        "http://127.0.0.1:1/v1",
        "http://127.9.9.9/v1",
        "http://localhost/v1",
        "http://[::1]/v1",
    ] {
        assert!(Client::builder(CANARY_KEY).base_url(url).build().is_ok(), "{url}");
    }
}

#[test]
fn the_key_never_reaches_another_host_on_redirect() {
    let other = RawServer::start_on("127.0.0.2", |s, _, _| respond_json(s, 200, &json!({})));
    for status in [301u16, 302, 303, 307, 308] {
        let location = format!("http://{}/v1/credits", other.addr());
        let server = RawServer::start(move |s, _, _| respond(s, status, &[("Location", &location)], b""));
        let c = client_at(&server.base_url());
        let e = c.credits().get().unwrap_err();
        assert_eq!(e.status(), Some(status));
        let e = c.messages().send(&sms()).unwrap_err();
        assert_eq!(e.status(), Some(status));
        assert_eq!(server.requests().len(), 2);
    }
    assert_eq!(other.connections(), 0, "the other host was never contacted");
}

/// A CA and a leaf it signed.
struct Pki {
    ca_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
}

impl Pki {
    fn new(names: &[&str]) -> Pki {
        let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).expect("ca params");
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "Zexa reliability test CA");
        ca.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let ca_key = rcgen::KeyPair::generate().expect("ca key");
        let ca_cert = ca.self_signed(&ca_key).expect("ca cert");
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let leaf = rcgen::CertificateParams::new(names).expect("leaf params");
        let leaf_key = rcgen::KeyPair::generate().expect("leaf key");
        let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).expect("leaf cert");
        Pki {
            ca_pem: ca_cert.pem(),
            chain: vec![leaf_cert.der().clone(), ca_cert.der().clone()],
            key: leaf_key.serialize_der(),
        }
    }
}

/// A loopback HTTPS server (rustls) answering every request with a credits document.
struct TlsServer {
    addr: SocketAddr,
    handshakes_failed: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl TlsServer {
    fn start(pki: &Pki) -> TlsServer {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                pki.chain.clone(),
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.key.clone())),
            )
            .expect("server config");
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let handshakes_failed = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (failed, requests, stop) = (handshakes_failed.clone(), requests.clone(), stop.clone());
            std::thread::spawn(move || {
                for tcp in listener.incoming() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(tcp) = tcp else { continue };
                    let _ = tcp.set_read_timeout(Some(Duration::from_secs(5)));
                    let conn = rustls::ServerConnection::new(config.clone()).expect("server connection");
                    let mut tls = rustls::StreamOwned::new(conn, tcp);
                    let mut head = Vec::new();
                    let mut buf = [0u8; 4096];
                    let deadline = Instant::now() + Duration::from_secs(5);
                    let ok = loop {
                        if head.windows(4).any(|w| w == b"\r\n\r\n") {
                            break true;
                        }
                        if Instant::now() > deadline {
                            break false;
                        }
                        match tls.read(&mut buf) {
                            Ok(0) | Err(_) => break false,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    };
                    if !ok {
                        failed.fetch_add(1, Ordering::SeqCst);
                        continue;
                    }
                    lock(&requests).push(String::from_utf8_lossy(&head).into_owned());
                    let body = br#"{"balance": 42.5, "currency": "AOA"}"#;
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = tls.write_all(answer.as_bytes());
                    let _ = tls.write_all(body);
                    let _ = tls.flush();
                    tls.conn.send_close_notify();
                    let _ = tls.flush();
                }
            })
        };
        TlsServer {
            addr,
            handshakes_failed,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    fn base_url(&self) -> String {
        format!("https://{}/v1", self.addr)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = std::net::TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn tls_verifies_certificates_and_trusts_a_configured_ca() {
    let pki = Pki::new(&["127.0.0.1", "localhost"]);
    let server = TlsServer::start(&pki);

    // Unknown CA: refused during the handshake, before any request byte.
    let e = client_at(&server.base_url()).credits().get().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e:?}");
    assert!(e.to_string().to_lowercase().contains("certificate"), "{e}");
    assert!(
        lock(&server.requests).is_empty(),
        "no request was sent to an untrusted server"
    );
    // The server notes the failed handshake on its own thread, maybe after the client returned.
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.handshakes_failed.load(Ordering::SeqCst) == 0 {
        assert!(
            Instant::now() < deadline,
            "the server never saw the refused handshake"
        );
        std::thread::yield_now();
    }
    let refused_attempts = e.attempts();

    // The CA configured: accepted, by IP and by name.
    for host in [
        format!("127.0.0.1:{}", server.addr.port()),
        format!("localhost:{}", server.addr.port()),
    ] {
        let c = Client::builder(CANARY_KEY)
            .base_url(format!("https://{host}/v1"))
            .no_proxy()
            .add_root_certificate_pem(pki.ca_pem.as_bytes())
            .build()
            .expect("client");
        let credits = c.credits().get().expect("trusted CA: accepted");
        assert_eq!(credits.balance, 42.5);
    }
    let requests = lock(&server.requests).clone();
    assert_eq!(requests.len(), 2);
    assert!(
        requests[0].contains(&format!("Bearer {CANARY_KEY}")),
        "the key travels inside TLS"
    );

    // The CA configured, but the certificate names another host: refused.
    let other = Pki::new(&["api.zexa.ao"]);
    let wrong_name = TlsServer::start(&other);
    let e = Client::builder(CANARY_KEY)
        .base_url(wrong_name.base_url())
        .no_proxy()
        .add_root_certificate_pem(other.ca_pem.as_bytes())
        .build()
        .expect("client")
        .credits()
        .get()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e:?}");
    assert!(lock(&wrong_name.requests).is_empty());

    std::fs::write(
        zexa_reliability::report_dir().join("tls.txt"),
        format!("untrusted CA: {refused_attempts} attempt(s), error: {e}\n"),
    )
    .expect("write tls report");
}

#[test]
fn a_bad_root_certificate_is_refused_at_build() {
    for pem in [
        &b""[..],
        b"not a pem",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    ] {
        let r = Client::builder(CANARY_KEY).add_root_certificate_pem(pem).build();
        assert!(
            matches!(&r, Err(e) if e.kind() == ErrorKind::InvalidInput) || r.is_ok(),
            "a broken PEM gives InvalidInput or is ignored, never a panic"
        );
    }
    let r = Client::builder(CANARY_KEY)
        .add_root_certificate_pem(&b"not a pem"[..])
        .build();
    assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidInput);
}

#[test]
fn an_untrusted_certificate_is_not_retried() {
    let server = TlsServer::start(&Pki::new(&["127.0.0.1"]));
    let e = client_at(&server.base_url()).credits().get().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e:?}");
    assert_eq!(
        e.attempts(),
        1,
        "sending again cannot make a certificate valid: {e}"
    );
}
