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

use ureq::tls::{Certificate, PemItem, RootCerts};

use crate::error::{Error, Result};

/// The trust settings of a builder.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrustSettings {
    /// PEM documents given with `add_root_certificate_pem`.
    pub pems: Vec<Vec<u8>>,
    /// Use the operating system's store rather than the bundled roots.
    pub os_store: bool,
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
            let found = rustls_native_certs::load_certs_from_paths(file.as_deref(), dir.as_deref());
            return certs_or_error(found, field).map(Some);
        }
    }
    if settings.os_store {
        return certs_or_error(rustls_native_certs::load_native_certs(), "os_trust_store").map(Some);
    }
    Ok(None)
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
