//! The connection pool of a client, and what happens to it across `fork()`.
//!
//! A forked child inherits its parent's keep-alive sockets (and their TLS state). Used from two
//! processes, one socket carries two conversations: answers meant for one process reach the
//! other, two requests interleave into garbage, TLS records fail their MAC. So a pool belongs
//! to the process that made it: every call checks the process ID, and a child that sees
//! another one starts a fresh pool.
//!
//! The inherited pool is dropped, never shut down: dropping closes the child's copies of the
//! file descriptors, which leaves the parent's sockets as they were, whereas a `shutdown(2)`
//! (what `ureq::Agent::shutdown` does) would end the parent's connections too. No byte is read
//! or written on an inherited socket (ureq and rustls send nothing on drop).
//!
//! The current pool is held in an [`ArcSwap`] rather than a `Mutex`: a lock that another
//! thread of the parent held at the moment of the fork stays locked forever in the child, and
//! the child's first call would hang on it.

use std::sync::Arc;

use arc_swap::ArcSwap;
use ureq::unversioned::transport::{ConnectProxyConnector, Connector, SocksConnector, TcpConnector};

use crate::proxy::NamedProxy;
use crate::slicing::Slicer;

/// The pool of one process, and that process.
struct Owned {
    pid: u32,
    agent: ureq::Agent,
}

/// A client's connections: one pool per process.
pub(crate) struct Connections {
    config: ureq::config::Config,
    current: ArcSwap<Owned>,
}

impl Connections {
    /// Connections made with `config` (the pool itself is created lazily by ureq).
    pub(crate) fn new(config: ureq::config::Config) -> Connections {
        let owned = Owned {
            pid: std::process::id(),
            agent: agent(&config),
        };
        Connections {
            config,
            current: ArcSwap::from_pointee(owned),
        }
    }

    /// The agent of this process: the one made here, or a fresh one when this is a child
    /// forked since the pool was made.
    pub(crate) fn agent(&self) -> ureq::Agent {
        let current = self.current.load();
        if current.pid == std::process::id() {
            return current.agent.clone();
        }
        drop(current);
        self.restart_in_child();
        self.current.load().agent.clone()
    }

    /// In a child forked since the pool was made: drops the inherited pool and starts a fresh
    /// one. Does nothing in the process that made the pool.
    pub(crate) fn restart_in_child(&self) {
        let pid = std::process::id();
        // rcu: two threads of the child that notice at once make one new pool between them.
        self.current.rcu(|current| {
            if current.pid == pid {
                Arc::clone(current)
            } else {
                Arc::new(Owned {
                    pid,
                    agent: agent(&self.config),
                })
            }
        });
    }
}

/// An agent with our resolver (no thread spawned per lookup) and ureq's default connector
/// chain with [`Slicer`] right above the TCP socket (reads that a check can stop), its proxy
/// connectors wrapped so that their failures name the proxy, and the TLS connector this
/// process shares between clients of equal TLS settings ([`crate::tls`]).
fn agent(config: &ureq::config::Config) -> ureq::Agent {
    let tls = crate::tls::connector_for(config.tls_config());
    let connector =
        ().chain(NamedProxy(SocksConnector::default()))
            .chain(NamedProxy(ConnectProxyConnector::default()))
            .chain(TcpConnector::default())
            .chain(Slicer)
            .chain(tls);
    ureq::Agent::with_parts(config.clone(), connector, crate::resolver::SdkResolver::default())
}
