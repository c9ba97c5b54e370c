//! Ctrl-C: while a command runs, SIGINT sets a flag instead of killing the process, so that a
//! call or a wait stops cleanly (the core's [`zexa::CancelToken`] asks the flag) and the command
//! says what was interrupted. A second Ctrl-C kills the process at once, as usual.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use signal_hook::consts::SIGINT;
use signal_hook::SigId;

/// The SIGINT handlers of one run; removed when dropped.
pub struct Interrupt {
    flag: Arc<AtomicBool>,
    handlers: Vec<SigId>,
}

impl Interrupt {
    /// Catches SIGINT until dropped. When the handlers cannot be installed, Ctrl-C keeps its
    /// default action (the process ends), which is still correct, only less tidy.
    pub fn catch() -> Interrupt {
        let flag = Arc::new(AtomicBool::new(false));
        let mut handlers = Vec::new();
        // Order matters: the conditional default sees the flag as the first Ctrl-C left it.
        if let Ok(id) = signal_hook::flag::register_conditional_default(SIGINT, Arc::clone(&flag)) {
            handlers.push(id);
        }
        if let Ok(id) = signal_hook::flag::register(SIGINT, Arc::clone(&flag)) {
            handlers.push(id);
        }
        Interrupt { flag, handlers }
    }

    /// Whether Ctrl-C came.
    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// A token that the core's calls and waits obey: cancelled by Ctrl-C.
    pub fn token(&self) -> zexa::CancelToken {
        let flag = Arc::clone(&self.flag);
        zexa::CancelToken::with_check(move || flag.load(Ordering::SeqCst))
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        for id in self.handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
