//! The path by which the rest of the binding makes Python models (`crate::record::into_model`);
//! the models themselves are in `models/`.

pub use crate::models::{into_model, into_models};
