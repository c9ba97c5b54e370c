//! The resources of a client (`client.contacts`, `client.campaigns`...): one `#[pyclass]` per
//! resource whose methods are the Python API itself. Each signature is written once, here,
//! with its stub in `zexa/_native.pyi`; arguments left out are passed to the core as "not
//! given", so every default is the core's.
//!
//! Every method also takes the per-call options as keywords (`**options`, see `call.rs`), and
//! every resource has a `with_raw_response` view whose methods answer with an `APIResponse`.

pub mod campaigns;
pub mod contact_lists;
pub mod contacts;
pub mod messaging;

use pyo3::prelude::*;

/// The constructor and the raw view of a resource class holding a `base: Base` (its
/// `with_raw_response` getter, in its `#[pymethods]`, returns `self.raw_view()`).
macro_rules! resource_common {
    ($class:ident) => {
        impl $class {
            /// The resource of a client.
            pub fn new(shared: &std::sync::Arc<crate::call::Shared>) -> $class {
                $class {
                    base: crate::call::Base::new(std::sync::Arc::clone(shared)),
                }
            }

            /// The same resource, its methods answering with `APIResponse`s.
            fn raw_view(&self) -> $class {
                $class {
                    base: self.base.raw(),
                }
            }

            /// `<zexa.Contacts>` or `<zexa.Contacts.with_raw_response>`.
            fn repr(&self) -> String {
                let view = if self.base.raw {
                    ".with_raw_response"
                } else {
                    ""
                };
                format!("<zexa.{}{}>", stringify!($class), view)
            }
        }
    };
}
pub(crate) use resource_common;

/// `None`, the value of a call that answers nothing (a delete).
pub fn none(py: Python<'_>, _: ()) -> PyResult<Py<PyAny>> {
    Ok(py.None())
}

/// Registers the resource classes in `_native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<contacts::Contacts>()?;
    m.add_class::<contacts::Exports>()?;
    m.add_class::<contact_lists::ContactLists>()?;
    m.add_class::<campaigns::Campaigns>()?;
    m.add_class::<messaging::Messages>()?;
    m.add_class::<messaging::SenderIds>()?;
    m.add_class::<messaging::Webhooks>()?;
    m.add_class::<messaging::CreditsResource>()?;
    Ok(())
}
