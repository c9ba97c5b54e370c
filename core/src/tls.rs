//! One TLS configuration per set of TLS settings, shared by every client of the process.
//!
//! ureq's [`RustlsConnector`] builds its rustls `ClientConfig` (the root store, the verifier,
//! the cipher suites, a session cache with room for 256 servers) on its first connection and
//! keeps it for the life of the connector. One connector per client meant one copy of all that
//! per client: with a thousand tenants, a thousand copies of the same web roots. Here clients
//! whose TLS settings are equal share one connector, hence one configuration:
//!
//! - the default settings (the built-in web roots): one connector for the whole process, kept
//!   once made;
//! - any other settings (a private CA): one connector per distinct set of settings, compared
//!   exactly (the DER bytes of every certificate, not a hash), kept while a client uses it.
//!
//! Sharing the configuration shares its TLS session cache too, so a new client resumes the
//! session of an earlier one to the same server: a shorter handshake. That is safe between
//! tenants: a session authenticates the server, never the caller (each request carries its
//! own key).
//!
//! Connectors belong to the process that made them. A forked child makes its own: a shared
//! configuration holds locks (its session cache is behind a `Mutex`), and one held by another
//! thread of the parent at the moment of the `fork()` would stay locked in the child. For the
//! same reason the table is an [`ArcSwapOption`], not a `Mutex`.

use std::sync::{Arc, Weak};

use arc_swap::ArcSwapOption;
use ureq::tls::{ClientCert, RootCerts, TlsConfig, TlsProvider};
use ureq::unversioned::transport::{ConnectionDetails, Connector, RustlsConnector, Transport};

/// A [`RustlsConnector`] that may be shared between the agents of several clients.
#[derive(Debug, Clone)]
pub(crate) struct SharedTls(Arc<RustlsConnector>);

impl SharedTls {
    /// Whether `self` and `other` are the same connector (tests).
    #[cfg(test)]
    fn same_as(&self, other: &SharedTls) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<In: Transport> Connector<In> for SharedTls {
    type Out = <RustlsConnector as Connector<In>>::Out;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        self.0.connect(details, chained)
    }
}

/// One entry of the table: the settings and their connector.
#[derive(Clone)]
struct Entry {
    /// The process that made the connector.
    pid: u32,
    settings: TlsConfig,
    connector: Weak<RustlsConnector>,
    /// The default settings' connector is kept for the life of the process.
    _keep: Option<Arc<RustlsConnector>>,
}

/// Every connector in use, by settings.
static TABLE: ArcSwapOption<Vec<Entry>> = ArcSwapOption::const_empty();

/// The connector for `settings`: the one already shared by clients with equal settings, or a
/// new one (which builds its rustls configuration once, on its first connection).
pub(crate) fn connector_for(settings: &TlsConfig) -> SharedTls {
    let pid = std::process::id();
    let mut chosen = None;
    TABLE.rcu(|current| {
        let entries = current.as_deref().map_or(&[][..], Vec::as_slice);
        if let Some(found) = entries
            .iter()
            .filter(|e| e.pid == pid && same_settings(&e.settings, settings))
            .find_map(|e| e.connector.upgrade())
        {
            chosen = Some(found);
            return current.clone();
        }
        let made = Arc::new(RustlsConnector::default());
        let keep = is_default(settings).then(|| Arc::clone(&made));
        // Entries no client uses any more, and a parent's (in a forked child), are dropped
        // here, so the table stays as small as the number of distinct settings in use.
        let mut next: Vec<Entry> = entries
            .iter()
            .filter(|e| e.pid == pid && e.connector.strong_count() > 0)
            .cloned()
            .collect();
        next.push(Entry {
            pid,
            settings: settings.clone(),
            connector: Arc::downgrade(&made),
            _keep: keep,
        });
        chosen = Some(made);
        Some(Arc::new(next))
    });
    SharedTls(chosen.expect("rcu runs its closure at least once"))
}

/// Whether `settings` are ureq's defaults (rustls, the web roots, SNI, verification on).
fn is_default(settings: &TlsConfig) -> bool {
    same_settings(settings, &TlsConfig::default())
}

/// Whether a connection made with `a` would be made exactly as with `b`. Every setting of a
/// [`TlsConfig`] is compared, by value: two clients built with the same PEM share, and a
/// client with another CA never uses a configuration that trusts what it does not.
fn same_settings(a: &TlsConfig, b: &TlsConfig) -> bool {
    let same_provider = match (
        a.unversioned_rustls_crypto_provider(),
        b.unversioned_rustls_crypto_provider(),
    ) {
        (None, None) => true,
        (Some(x), Some(y)) => Arc::ptr_eq(x, y),
        _ => false,
    };
    a.provider() == b.provider()
        && a.provider() == TlsProvider::Rustls
        && a.use_sni() == b.use_sni()
        && a.disable_verification() == b.disable_verification()
        && same_provider
        && same_client_cert(a.client_cert(), b.client_cert())
        && same_roots(a.root_certs(), b.root_certs())
}

fn same_client_cert(a: Option<&ClientCert>, b: Option<&ClientCert>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.private_key().der() == y.private_key().der()
                && x.certs().len() == y.certs().len()
                && x.certs().iter().zip(y.certs()).all(|(c, d)| c.der() == d.der())
        }
        _ => false,
    }
}

fn same_roots(a: &RootCerts, b: &RootCerts) -> bool {
    match (a, b) {
        (RootCerts::WebPki, RootCerts::WebPki) => true,
        (RootCerts::PlatformVerifier, RootCerts::PlatformVerifier) => true,
        (RootCerts::Specific(x), RootCerts::Specific(y)) => {
            Arc::ptr_eq(x, y)
                || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(c, d)| c.der() == d.der()))
        }
        // A kind of roots added by a later ureq: never assumed equal.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::tls::Certificate;

    fn roots(ders: &[&'static [u8]]) -> TlsConfig {
        let certs: Vec<Certificate<'static>> = ders.iter().map(|d| Certificate::from_der(d)).collect();
        TlsConfig::builder()
            .root_certs(RootCerts::new_with_certs(&certs))
            .build()
    }

    #[test]
    fn default_settings_share_one_connector_for_the_process() {
        let a = connector_for(&TlsConfig::default());
        let b = connector_for(&TlsConfig::builder().build());
        assert!(a.same_as(&b));
        drop((a, b));
        // Kept even while no client holds it.
        let c = connector_for(&TlsConfig::default());
        let d = connector_for(&TlsConfig::default());
        assert!(c.same_as(&d));
    }

    #[test]
    fn equal_private_roots_share_and_other_roots_do_not() {
        let a = connector_for(&roots(&[b"ca one"]));
        let b = connector_for(&roots(&[b"ca one"]));
        let other = connector_for(&roots(&[b"ca two"]));
        let both = connector_for(&roots(&[b"ca one", b"ca two"]));
        let default = connector_for(&TlsConfig::default());
        assert!(a.same_as(&b));
        assert!(!a.same_as(&other) && !a.same_as(&both) && !a.same_as(&default));
        assert!(!other.same_as(&both));
    }

    #[test]
    fn settings_differing_in_anything_do_not_share() {
        let base = roots(&[b"ca three"]);
        let no_sni = TlsConfig::builder()
            .root_certs(base.root_certs().clone())
            .use_sni(false)
            .build();
        let unverified = TlsConfig::builder().disable_verification(true).build();
        assert!(!same_settings(&base, &no_sni));
        assert!(!same_settings(&TlsConfig::default(), &unverified));
        assert!(!is_default(&unverified) && is_default(&TlsConfig::default()));
    }

    #[cfg(unix)]
    #[test]
    fn a_forked_child_makes_its_own_connector() {
        let parent = connector_for(&TlsConfig::default());
        let parent_ptr = Arc::as_ptr(&parent.0) as usize;
        // SAFETY: fork has no preconditions; the child only looks up a connector (no lock is
        // taken on that path) and leaves with _exit, never returning into the harness.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            let ok = std::panic::catch_unwind(|| {
                let mine = connector_for(&TlsConfig::default());
                let again = connector_for(&TlsConfig::default());
                Arc::as_ptr(&mine.0) as usize != parent_ptr && mine.same_as(&again)
            });
            // SAFETY: ends the child at once.
            unsafe { libc::_exit(if matches!(ok, Ok(true)) { 0 } else { 1 }) };
        }
        let mut status = 0;
        // SAFETY: waits for our own child; `status` is a valid out-pointer.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "child status {status}"
        );
        // The parent's connector is still the parent's.
        assert!(parent.same_as(&connector_for(&TlsConfig::default())));
    }

    #[test]
    fn an_unused_private_connector_is_dropped_from_the_table() {
        let first = connector_for(&roots(&[b"ca four"]));
        let weak = Arc::downgrade(&first.0);
        drop(first);
        assert!(
            weak.upgrade().is_none(),
            "nothing keeps a private CA's connector alive"
        );
        // The next lookup makes a fresh one and prunes the dead entry.
        let again = connector_for(&roots(&[b"ca four"]));
        let table = TABLE.load();
        let entries = table.as_deref().expect("table made");
        let four = roots(&[b"ca four"]);
        assert_eq!(
            entries
                .iter()
                .filter(|e| same_settings(&e.settings, &four))
                .count(),
            1
        );
        drop(again);
    }
}
