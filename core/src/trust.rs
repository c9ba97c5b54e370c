//! Which certificate authorities a client trusts.
//!
//! In order: the CA certificates given to the builder; else, when the environment is trusted,
//! `SSL_CERT_FILE` / `SSL_CERT_DIR` (as curl, requests and every OpenSSL-based tool honour
//! them); else the operating system's store when asked for (`use_os_trust_store`, for a
//! corporate CA installed on the machine); else the Mozilla roots bundled in the binary
//! (webpki-roots), so that a client behaves the same on every machine.
//!
//! Reading the files is left to rustls-native-certs (`load_certs_from_paths` reads a PEM bundle
//! and an OpenSSL hashed directory, `load_native_certs` the platform's store).

use std::path::PathBuf;

use arc_swap::ArcSwapOption;

use ureq::tls::{Certificate, PemItem, RootCerts};

use crate::error::{Error, Result};

/// The trust settings of a builder.
#[derive(Debug, Clone)]
pub(crate) struct TrustSettings {
    /// PEM documents given with `add_root_certificate_pem`.
    pub pems: Vec<Vec<u8>>,
    /// Use the operating system's store rather than the bundled roots.
    pub os_store: bool,
}

impl Default for TrustSettings {
    /// The bundled Mozilla roots; the OS store with the `native-roots` feature.
    fn default() -> Self {
        TrustSettings {
            pems: Vec::new(),
            os_store: cfg!(feature = "native-roots"),
        }
    }
}

/// The roots to trust, or `None` for ureq's default (the bundled Mozilla roots).
///
/// # Errors
/// [`Error::InvalidInput`] for a PEM without a certificate, and for an `SSL_CERT_FILE` /
/// `SSL_CERT_DIR` or an OS store that yields none (naming the variable), rather than silently
/// trusting something else.
pub(crate) fn roots(settings: &TrustSettings, trust_env: bool) -> Result<Option<RootCerts>> {
    if !settings.pems.is_empty() {
        return from_pems(&settings.pems).map(Some);
    }
    if trust_env {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let (file, dir) = (var("SSL_CERT_FILE"), var("SSL_CERT_DIR"));
        if file.is_some() || dir.is_some() {
            let field = match (&file, &dir) {
                (Some(_), None) => "SSL_CERT_FILE",
                (None, Some(_)) => "SSL_CERT_DIR",
                _ => "SSL_CERT_FILE/SSL_CERT_DIR",
            };
            let source = Source::Paths(file.clone(), dir.clone());
            return cached(source, || {
                let found = rustls_native_certs::load_certs_from_paths(file.as_deref(), dir.as_deref());
                certs_or_error(found, field)
            })
            .map(Some);
        }
    }
    if settings.os_store {
        return cached(Source::OsStore, || {
            certs_or_error(rustls_native_certs::load_native_certs(), "os_trust_store")
        })
        .map(Some);
    }
    Ok(None)
}

/// Where a set of roots was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// `SSL_CERT_FILE` and `SSL_CERT_DIR`.
    Paths(Option<PathBuf>, Option<PathBuf>),
    /// The operating system's store.
    OsStore,
}

/// Roots loaded from the environment or the OS store, kept once per process for where they
/// came from. Reading and parsing a bundle takes milliseconds and its copy weighs about
/// 150 KiB: made per client, a server with a client per tenant (where `SSL_CERT_FILE` is
/// commonly set) would pay both for every tenant. Clones of one `RootCerts` share its
/// certificates, so clients with these roots also share one TLS connector (see `tls.rs`).
/// Like curl and requests in a long-lived session, a bundle changed on disk is seen by the
/// next process. An `ArcSwap`, not a lock: a fork must not leave it locked.
static LOADED: ArcSwapOption<Vec<(Source, RootCerts)>> = ArcSwapOption::const_empty();

fn cached(source: Source, load: impl FnOnce() -> Result<RootCerts>) -> Result<RootCerts> {
    if let Some(found) = LOADED.load().as_deref().and_then(|all| {
        all.iter()
            .find(|(s, _)| *s == source)
            .map(|(_, roots)| roots.clone())
    }) {
        return Ok(found);
    }
    let roots = load()?;
    LOADED.rcu(|current| {
        let mut next: Vec<(Source, RootCerts)> = current.as_deref().cloned().unwrap_or_default();
        if !next.iter().any(|(s, _)| *s == source) {
            next.push((source.clone(), roots.clone()));
        }
        Some(std::sync::Arc::new(next))
    });
    Ok(roots)
}

/// The certificates found, or an error saying why there were none.
fn certs_or_error(found: rustls_native_certs::CertificateResult, field: &str) -> Result<RootCerts> {
    if found.certs.is_empty() {
        let why = match found.errors.first() {
            Some(e) => format!("no CA certificate could be loaded ({e})"),
            None => "no CA certificate found".to_owned(),
        };
        return Err(Error::invalid(field, why));
    }
    let certs: Vec<Certificate<'static>> = found
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    Ok(RootCerts::new_with_certs(&certs))
}

/// The certificates of PEM documents given to the builder.
fn from_pems(pems: &[Vec<u8>]) -> Result<RootCerts> {
    let mut certs = Vec::new();
    for pem in pems {
        for item in ureq::tls::parse_pem(pem) {
            match item {
                Ok(PemItem::Certificate(cert)) => certs.push(cert),
                Ok(_) => {}
                Err(e) => return Err(Error::invalid("root_certificate", format!("not valid PEM: {e}"))),
            }
        }
    }
    if certs.is_empty() {
        return Err(Error::invalid(
            "root_certificate",
            "no certificate found in the PEM",
        ));
    }
    Ok(RootCerts::new_with_certs(&certs))
}

#[cfg(test)]
mod loaded_once {
    use super::*;

    #[test]
    fn roots_from_one_place_are_loaded_once_per_process_and_shared() {
        let source = Source::Paths(Some(PathBuf::from("/nonexistent/zexa-test-bundle.pem")), None);
        let loads = std::sync::atomic::AtomicUsize::new(0);
        let load = || {
            loads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(RootCerts::from(Vec::<Certificate<'static>>::new()))
        };
        let first = cached(source.clone(), load).unwrap();
        let second = cached(source, || unreachable!("loaded again")).unwrap();
        assert_eq!(loads.into_inner(), 1);
        match (first, second) {
            (RootCerts::Specific(a), RootCerts::Specific(b)) => assert!(std::sync::Arc::ptr_eq(&a, &b)),
            _ => panic!("specific roots"),
        }
    }
}

#[cfg(test)]
mod feature_tests {
    /// `cargo test -p zexa --features native-roots` runs this with the feature on (tests/run.sh).
    #[test]
    fn the_native_roots_feature_decides_the_default_store() {
        let builder = crate::Client::builder("zx_test_key");
        assert_eq!(builder.uses_os_trust_store(), cfg!(feature = "native-roots"));
        assert!(!builder.use_os_trust_store(false).uses_os_trust_store());
    }
}
