//! Trust stores: SSL_CERT_FILE / SSL_CERT_DIR honoured (unless `trust_env(false)`), the OS
//! store on request, the bundled roots by default. One test function, in its own binary,
//! because the environment is process-wide. Needs the `openssl` CLI (a private CA and an
//! `openssl s_server` on 127.0.0.1).
mod common;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::KEY;
use zexa::{Client, Error, ErrorKind};

fn openssl(dir: &Path, args: &[&str]) {
    let status = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stderr(Stdio::null())
        .stdout(Stdio::null())
        .status();
    assert!(
        status.expect("the openssl CLI is needed").success(),
        "openssl {args:?}"
    );
}

/// A throwaway CA and a leaf for 127.0.0.1 signed by it, in `dir`.
fn make_certs(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "1",
            "-subj",
            "/CN=zexa test CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=localhost",
        ],
    );
    std::fs::write(
        dir.join("leaf.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "leaf.pem",
            "-days",
            "1",
            "-extfile",
            "leaf.ext",
        ],
    );
}

/// `openssl s_server -www` on 127.0.0.1: any request gets a 200 HTML status page, so a call
/// that gets past TLS ends in a decode error (not JSON), one that does not in a TLS error.
struct TlsServer(Child, u16);

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tls_server(dir: &Path) -> TlsServer {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-www",
            "-accept",
            &format!("127.0.0.1:{port}"),
            "-cert",
            "leaf.pem",
            "-key",
            "leaf.key",
        ])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "s_server did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    TlsServer(child, port)
}

/// `Ok` when TLS was accepted (the page is not JSON), `Err` with the error when it was not.
fn handshake(builder: zexa::ClientBuilder) -> Result<(), Error> {
    match builder.max_retries(0).build()?.credits().get() {
        Err(e) if e.kind() == ErrorKind::Decode => Ok(()),
        Err(e) => Err(e),
        Ok(_) => panic!("s_server answered JSON?"),
    }
}

#[test]
fn trust_stores() {
    std::env::remove_var("SSL_CERT_FILE");
    std::env::remove_var("SSL_CERT_DIR");
    let dir = std::env::temp_dir().join(format!("zexa-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    make_certs(&dir);
    let server = tls_server(&dir);
    let base = format!("https://127.0.0.1:{}/v1", server.1);
    let client = || Client::builder(KEY).base_url(&base);

    // The bundled Mozilla roots by default, and the OS store on request: neither knows the CA.
    let err = handshake(client()).unwrap_err();
    assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
    let err = handshake(client().use_os_trust_store(true)).unwrap_err();
    assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
    // An explicit CA.
    handshake(client().add_root_certificate_pem(std::fs::read(dir.join("ca.pem")).unwrap())).unwrap();

    // SSL_CERT_FILE, as curl and OpenSSL read it; ignored with trust_env(false).
    std::env::set_var("SSL_CERT_FILE", dir.join("ca.pem"));
    handshake(client()).unwrap();
    handshake(client().use_os_trust_store(true)).unwrap();
    assert!(handshake(client().trust_env(false)).is_err());
    std::env::remove_var("SSL_CERT_FILE");

    // SSL_CERT_DIR: a directory of PEM files (hashed names or not).
    let certs_dir = dir.join("certs");
    std::fs::create_dir_all(&certs_dir).unwrap();
    std::fs::copy(dir.join("ca.pem"), certs_dir.join("zexa-ca.crt")).unwrap();
    std::env::set_var("SSL_CERT_DIR", &certs_dir);
    handshake(client()).unwrap();
    std::env::remove_var("SSL_CERT_DIR");

    // A variable that yields no certificate is an error naming it, not a silent fallback.
    std::env::set_var("SSL_CERT_FILE", dir.join("missing.pem"));
    let err = client().build().unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "SSL_CERT_FILE"),
        "{err}"
    );
    client().trust_env(false).build().unwrap();
    std::env::remove_var("SSL_CERT_FILE");
    std::env::set_var("SSL_CERT_DIR", dir.join("leaf.csr"));
    let err = client().build().unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "SSL_CERT_DIR"),
        "{err}"
    );
    std::env::remove_var("SSL_CERT_DIR");
    let _ = std::fs::remove_dir_all(&dir);
}
