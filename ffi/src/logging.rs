//! `zexa_set_log_callback`: the core's log records (each attempt at debug, each retry and
//! give-up at warn), delivered to a C function.
//!
//! Only the SDK's own records are delivered (target `zexa`), never those of the HTTP library
//! underneath, whose trace level dumps raw wire bytes. The core removes the API key from every
//! record it makes.
//!
//! The callback runs on the thread that makes the call, under a read lock: setting another
//! callback waits until every running call of the old one has returned, so its `userdata` may
//! be freed as soon as `zexa_set_log_callback` returns. Records made by zexa calls from inside
//! the callback are not delivered (that would recurse), and the callback cannot be changed
//! from inside itself.

use std::cell::Cell;
use std::ffi::{c_char, c_void, CString};
use std::sync::{Once, RwLock};

use crate::last_error::{bad_argument, Failure};
use crate::panic::run;
use crate::status::ZexaStatus;

/// The level of a log record, most severe first. `zexa_set_log_callback` delivers the records
/// at its `min_level` and every more severe one.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZexaLogLevel {
    /// A call failed for good.
    ZEXA_LOG_ERROR = 1,
    /// A failed attempt that is retried, or a call that gave up.
    ZEXA_LOG_WARN = 2,
    /// Noteworthy events.
    ZEXA_LOG_INFO = 3,
    /// Each attempt: method, path, outcome, duration.
    ZEXA_LOG_DEBUG = 4,
    /// Finer detail.
    ZEXA_LOG_TRACE = 5,
}

impl ZexaLogLevel {
    fn of(level: log::Level) -> ZexaLogLevel {
        match level {
            log::Level::Error => ZexaLogLevel::ZEXA_LOG_ERROR,
            log::Level::Warn => ZexaLogLevel::ZEXA_LOG_WARN,
            log::Level::Info => ZexaLogLevel::ZEXA_LOG_INFO,
            log::Level::Debug => ZexaLogLevel::ZEXA_LOG_DEBUG,
            log::Level::Trace => ZexaLogLevel::ZEXA_LOG_TRACE,
        }
    }

    fn filter(level: u32) -> Option<log::LevelFilter> {
        Some(match level {
            1 => log::LevelFilter::Error,
            2 => log::LevelFilter::Warn,
            3 => log::LevelFilter::Info,
            4 => log::LevelFilter::Debug,
            5 => log::LevelFilter::Trace,
            _ => return None,
        })
    }
}

/// A function receiving log records: the level, the target (`"zexa"`), the message (both
/// NUL-terminated UTF-8, valid only during the call) and the `userdata` given to
/// `zexa_set_log_callback`. It must not unwind (no C++ exception may leave it).
pub type ZexaLogCallback = Option<
    unsafe extern "C" fn(
        level: ZexaLogLevel,
        target: *const c_char,
        message: *const c_char,
        userdata: *mut c_void,
    ),
>;

#[derive(Clone, Copy)]
struct Sink {
    callback: unsafe extern "C" fn(ZexaLogLevel, *const c_char, *const c_char, *mut c_void),
    /// The caller's pointer, kept as an address: the library never dereferences it.
    userdata: usize,
    min: log::LevelFilter,
}

static SINK: RwLock<Option<Sink>> = RwLock::new(None);
static INSTALL: Once = Once::new();

thread_local! {
    /// Whether this thread is inside the callback now.
    static IN_CALLBACK: Cell<bool> = const { Cell::new(false) };
}

struct Forwarder;

static FORWARDER: Forwarder = Forwarder;

fn is_core(target: &str) -> bool {
    target == "zexa" || target.starts_with("zexa::")
}

/// A C string of `text`, NUL bytes replaced (a message is never cut short or refused).
fn c_text(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{fffd}")).unwrap_or_default()
}

impl log::Log for Forwarder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        is_core(metadata.target())
    }

    fn log(&self, record: &log::Record<'_>) {
        if !is_core(record.target()) || IN_CALLBACK.with(Cell::get) {
            return;
        }
        let Ok(sink) = SINK.read() else { return };
        let Some(sink) = *sink else { return };
        if record.level() > sink.min {
            return;
        }
        let target = c_text(record.target());
        let message = c_text(&record.args().to_string());
        IN_CALLBACK.with(|c| c.set(true));
        // SAFETY: the callback and userdata are the caller's, given to zexa_set_log_callback
        // with the documented contract (thread-safe, valid until replaced); the strings live
        // until the call returns. The read lock is held meanwhile (see the module docs).
        unsafe {
            (sink.callback)(
                ZexaLogLevel::of(record.level()),
                target.as_ptr(),
                message.as_ptr(),
                sink.userdata as *mut c_void,
            )
        };
        IN_CALLBACK.with(|c| c.set(false));
    }

    fn flush(&self) {}
}

/// Delivers the SDK's log records at `min_level` (a `ZEXA_LOG_*` value) and above to
/// `callback`, with `userdata`; a NULL `callback` stops delivery. By default nothing is logged.
///
/// What is delivered: one `ZEXA_LOG_DEBUG` record per HTTP attempt (method, path, outcome,
/// duration), one `ZEXA_LOG_WARN` per retry (with the wait) and per call that gave up. The API
/// key never appears in a record, and long paths are cut short.
///
/// Thread safety: the callback is called on the thread that makes the call, possibly on
/// several threads at once, so it must be thread-safe. When this function returns, the
/// previous callback is not running on any thread and is never called again, so its
/// `userdata` may be freed. Records made by zexa calls from inside the callback are dropped.
///
/// Returns `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a `min_level` that is not a `ZEXA_LOG_*`
/// value, or when called from inside the callback; `ZEXA_INTERNAL_ERROR` if another logger
/// of the Rust `log` crate was installed in this library first (only possible when the
/// static library is linked into a Rust program that sets its own).
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_set_log_callback(
    min_level: u32,
    callback: ZexaLogCallback,
    userdata: *mut c_void,
) -> ZexaStatus {
    run(|| {
        let min = ZexaLogLevel::filter(min_level)
            .ok_or_else(|| bad_argument("min_level", "must be a ZEXA_LOG_* value (1 to 5)"))?;
        if IN_CALLBACK.with(Cell::get) {
            return Err(bad_argument(
                "callback",
                "the log callback cannot be changed from inside itself",
            ));
        }
        let mut installed = Ok(());
        INSTALL.call_once(|| installed = log::set_logger(&FORWARDER));
        if installed.is_err() {
            return Err(Failure::Panic(
                "another logger is installed in this process; zexa cannot deliver records".to_owned(),
            ));
        }
        let mut sink = SINK.write().unwrap_or_else(|e| e.into_inner());
        *sink = callback.map(|callback| Sink {
            callback,
            userdata: userdata as usize,
            min,
        });
        log::set_max_level(if sink.is_some() {
            min
        } else {
            log::LevelFilter::Off
        });
        Ok(())
    })
}
