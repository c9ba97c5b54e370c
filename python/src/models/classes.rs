//! Every Python model class, one per core model, by [`models!`]: a model's fields are listed
//! once here, with their Python type and one line of doc, which `help(zexa.Contact)` shows and
//! from which `python/tools/model_stubs.py` writes `zexa/_models.pyi`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple, PyType};
use pyo3::PyClassInitializer;

use super::values::{Timestamp, ToPyField};
use super::{CoreModel, Model};

/// A field's value: the core struct's field (named as in Python unless `= rust_name` says
/// otherwise), converted by [`ToPyField`], or by [`Timestamp`] for `as timestamp`.
macro_rules! field {
    ($py:expr, $model:expr, $name:ident = $rust:ident $(, $conv:ident)?) => {
        field!($py, $model, $rust $(, $conv)?)
    };
    ($py:expr, $model:expr, $name:ident) => {
        ToPyField::to_py(&$model.$name, $py)
    };
    ($py:expr, $model:expr, $name:ident, timestamp) => {
        Timestamp::timestamp_to_py(&$model.$name, $py)
    };
}

/// The unknown fields of a model that keeps them (`extra` given), or none.
macro_rules! extra {
    ($model:expr) => {
        None
    };
    ($model:expr, $extra:ident) => {
        Some(&$model.$extra)
    };
}

/// Declares, for each `Class(zexa::Core[, extra]) { field: "type" [as timestamp], ... }`:
/// the frozen class holding the core model, a documented getter per field, `extra`, `==` and
/// `hash()` from the core's values, `repr()`, `to_dict()`, `to_json()`, `from_dict()`,
/// `from_json()`, pickling, and the [`CoreModel`] impl that builds it. A `{ ... }` after the
/// fields adds methods of that class.
macro_rules! models {
    ($(
        $(#[doc = $doc:literal])+
        $class:ident($core:ty $(, $extra:ident)?) {
            $($(#[doc = $fdoc:literal])+ $field:ident $(= $rust:ident)? : $pytype:literal $(as $conv:ident)?,)*
        }
        $({ $($methods:tt)* })?
    )*) => {
        $(
            $(#[doc = $doc])+
            #[pyclass(frozen, eq, hash, extends = Model, module = "zexa")]
            #[derive(PartialEq)]
            pub struct $class(pub $core);

            impl std::hash::Hash for $class {
                fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                    super::hash_json(&self.0, state);
                }
            }

            impl CoreModel for $core {
                fn into_bound(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
                    let init = PyClassInitializer::from(Model).add_subclass($class(self));
                    Ok(Bound::new(py, init)?.into_any())
                }
            }

            /// A model nested in another one (`event.data`): a new instance each read.
            impl ToPyField for $core {
                fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    self.clone().into_bound(py)
                }
            }

            #[pymethods]
            impl $class {
                $(
                    #[doc = concat!($pytype, ":", $($fdoc),+)]
                    #[getter]
                    fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                        field!(py, self.0, $field $(= $rust)? $(, $conv)?)
                    }
                )*

                /// Dict[str, Any]: Fields of the JSON object that this version does not model, as received.
                #[getter]
                fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    super::extra_to_py(py, extra!(self.0 $(, $extra)?))
                }

                /// The field names, in order (`match model: case Class(a, b)`).
                #[classattr]
                fn __match_args__(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
                    super::match_args(py, &[$(stringify!($field)),*])
                }

                /// Builds the model from a mapping of JSON fields, as the API returns them
                /// (`DecodeError` when they do not fit).
                #[classmethod]
                fn from_dict<'py>(
                    cls: &Bound<'py, PyType>,
                    data: &Bound<'py, PyAny>,
                ) -> PyResult<Bound<'py, PyAny>> {
                    super::from_dict::<$core>(stringify!($class), data)?.into_bound(cls.py())
                }

                /// Builds the model from a JSON object, as text or UTF-8 bytes (`DecodeError`
                /// when it does not fit).
                #[classmethod]
                fn from_json<'py>(
                    cls: &Bound<'py, PyType>,
                    text: &Bound<'py, PyAny>,
                ) -> PyResult<Bound<'py, PyAny>> {
                    let py = cls.py();
                    let core: $core = match text.cast::<PyBytes>() {
                        Ok(bytes) => super::from_json(py, stringify!($class), bytes.as_bytes())?,
                        Err(_) => {
                            let text: std::borrow::Cow<'_, str> = text.extract()?;
                            super::from_json(py, stringify!($class), text.as_bytes())?
                        }
                    };
                    core.into_bound(py)
                }

                /// The JSON object as a new dict, unknown fields included.
                fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    super::to_dict(py, &self.0)
                }

                /// The JSON object as text, unknown fields included.
                fn to_json(&self) -> PyResult<String> {
                    super::to_json(&self.0)
                }

                fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                    let fields = [$((
                        stringify!($field),
                        // A timestamp that is not one shows as the text received.
                        field!(py, self.0, $field $(= $rust)? $(, $conv)?)
                            .or_else(|_| field!(py, self.0, $field $(= $rust)?))?,
                    )),*];
                    super::repr(py, stringify!($class), &fields, extra!(self.0 $(, $extra)?))
                }

                /// Pickled as its JSON, rebuilt by `from_json`.
                fn __reduce__<'py>(
                    slf: &Bound<'py, Self>,
                ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                    let rebuild = slf.get_type().getattr("from_json")?;
                    Ok((rebuild, (super::to_json(&slf.get().0)?,)))
                }

                $($($methods)*)?
            }
        )*

        /// Adds every model class, and their base `Model`, to the module `_native`.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            m.add_function(wrap_pyfunction!(model_literal_types, m)?)?;
            m.add_class::<Model>()?;
            $(m.add_class::<$class>()?;)*
            Ok(())
        }
    };
}

/// The core's string enums and the values this version knows, for the `Literal` types of the
/// stubs and of `zexa._models` (a response may hold a newer value, kept as its text).
#[pyfunction]
fn model_literal_types() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("Channel", zexa::Channel::KNOWN),
        ("CampaignStatus", zexa::CampaignStatus::KNOWN),
        ("MessageStatus", zexa::MessageStatus::KNOWN),
        ("ExportStatus", zexa::ExportStatus::KNOWN),
        ("SenderIdStatus", zexa::SenderIdStatus::KNOWN),
        ("WebhookEventType", zexa::WebhookEventType::KNOWN),
    ]
}

models! {
    /// A contact: a recipient with a phone number in E.164 and an optional email.
    Contact(zexa::Contact, extra) {
        /// `cnt_...`
        id: "str",
        /// Full name.
        name: "str",
        /// Phone number in E.164 (`+244912345678`).
        phone: "str",
        /// Email address, if any.
        email: "Optional[str]",
        /// IDs of the lists the contact belongs to (may be absent in list responses).
        lists: "Optional[Tuple[str, ...]]",
        /// Custom fields.
        custom_fields: "Optional[Dict[str, str]]",
        /// Gender, when known.
        gender: "Optional[str]",
        /// Whether the number is valid for delivery, when known.
        valid: "Optional[bool]",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
    }

    /// A named segment of contacts, the audience of a campaign.
    ContactList(zexa::ContactList, extra) {
        /// `lst_...`
        id: "str",
        /// Name of the list.
        name: "str",
        /// Description, if any.
        description: "Optional[str]",
        /// Number of contacts in the list, when the API says.
        contact_count: "Optional[int]",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
    }

    /// A broadcast campaign and its delivery statistics.
    Campaign(zexa::Campaign, extra) {
        /// `cmp_...`
        id: "str",
        /// Internal name.
        name: "str",
        /// Where the campaign is in its life (a value newer than this version comes as its text).
        status: "CampaignStatus",
        /// Channel it sends on.
        channel: "Channel",
        /// Contacts targeted.
        total_recipients: "int",
        /// Messages delivered so far.
        delivered: "Optional[int]",
        /// Messages failed so far.
        failed: "Optional[int]",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
        /// When sending began; `None` until it starts.
        sent_at: "Optional[datetime]" as timestamp,
        /// When every message reached a final status; `None` until then.
        completed_at: "Optional[datetime]" as timestamp,
    } {
        /// bool: Whether the campaign will not change any more (`completed` or `failed`).
        #[getter]
        fn is_final(&self) -> bool {
            self.0.status.is_final()
        }
    }

    /// A single message and its delivery status.
    Message(zexa::Message, extra) {
        /// `msg_...`
        id: "str",
        /// Delivery status (a value newer than this version comes as its text).
        status: "MessageStatus",
        /// Channel it was sent on.
        channel: "Channel",
        /// Recipient.
        to: "str",
        /// Sender ID it was sent from (the JSON field `from`).
        sender_id = from: "str",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
        /// Why delivery failed, when it did (a string or an object, as the API sends it).
        error: "Any",
        /// When it was delivered.
        delivered_at: "Optional[datetime]" as timestamp,
    } {
        /// bool: Whether the status will not change any more (`delivered`, `failed` or `undelivered`).
        #[getter]
        fn is_final(&self) -> bool {
            self.0.status.is_final()
        }
    }

    /// A registered sender ID (or verified email sender).
    SenderId(zexa::SenderId, extra) {
        /// Identifier of the registration.
        id: "str",
        /// The name recipients see, used as `sender_id`.
        name: "str",
        /// Channel it is registered for.
        channel: "Channel",
        /// Review status (a value newer than this version comes as its text).
        status: "SenderIdStatus",
    }

    /// A registered delivery-status webhook.
    Webhook(zexa::Webhook, extra) {
        /// `wh_...`
        id: "str",
        /// Where events are POSTed.
        url: "str",
        /// Event types delivered, e.g. `message.delivered`.
        events: "Tuple[str, ...]",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
    }

    /// The account's credit balance.
    Credits(zexa::Credits, extra) {
        /// Credits left.
        balance: "float",
        /// Currency code of the balance, e.g. `AOA`.
        currency: "str",
    }

    /// An asynchronous export of contacts.
    Export(zexa::Export, extra) {
        /// `exp_...`
        id: "str",
        /// Progress; `download_url` is set once `completed` (a newer value comes as its text).
        status: "ExportStatus",
        /// Where to download the file once completed.
        download_url: "Optional[str]",
        /// Creation time (UTC).
        created_at: "datetime" as timestamp,
    } {
        /// bool: Whether the export will not change any more (`completed` or `failed`).
        #[getter]
        fn is_final(&self) -> bool {
            self.0.status.is_final()
        }
    }

    /// What an uploaded file contains, to map its columns from before importing.
    UploadPreview(zexa::UploadPreview, extra) {
        /// `upl_...`: pass it to the import call.
        upload_id: "str",
        /// Column names found in the file.
        columns: "Tuple[str, ...]",
        /// The first rows of the file, one string per column.
        rows: "Tuple[Tuple[str, ...], ...]",
        /// How many data rows the file has.
        total_rows: "int",
    }

    /// One row of an import that was not imported.
    ImportRowError(zexa::ImportRowError, extra) {
        /// Row number in the file (1-based, over data rows).
        row: "int",
        /// Machine-readable code, e.g. `validation_error`.
        error: "str",
        /// Human-readable reason.
        message: "str",
    }

    /// The outcome of an import.
    ImportResult(zexa::ImportResult, extra) {
        /// Contacts created.
        imported: "int",
        /// Rows not imported.
        skipped: "int",
        /// Why rows were skipped.
        errors: "Tuple[ImportRowError, ...]",
    }

    /// The subject of a webhook event.
    WebhookEventData(zexa::WebhookEventData, extra) {
        /// The message, for `message.*` events.
        message_id: "Optional[str]",
        /// The campaign of the message, or of `campaign.*` events.
        campaign_id: "Optional[str]",
        /// The new status (`delivered`, `failed`, `completed`...).
        status: "Optional[str]",
        /// The recipient, for message events.
        to: "Optional[str]",
        /// Why delivery failed, when it did.
        error: "Any",
    }

    /// A delivery-status event that Zexa POSTs to a registered webhook URL.
    WebhookEvent(zexa::WebhookEvent, extra) {
        /// `evt_...`: use it to ignore a redelivered event.
        id: "str",
        /// What happened (a type newer than this version comes as its text).
        r#type = event_type: "WebhookEventType",
        /// When it happened (UTC).
        created_at: "datetime" as timestamp,
        /// About which message or campaign.
        data: "WebhookEventData",
    }

    /// A user-perceived character that GSM-7 cannot carry (it made the text UCS-2), and where it is.
    SmsCharacter(zexa::SmsCharacter) {
        /// The character as in the text: one or more code points (`"ç"`, an emoji sequence).
        character: "str",
        /// Where it starts in the text, in code points: `text[char_index:].startswith(character)`.
        char_index: "int",
        /// Where it starts in the UTF-8 encoding of the text, in bytes.
        byte_offset: "int",
    }

    /// How an SMS body is encoded and into how many billed segments it is split.
    SmsSegments(zexa::SmsSegments) {
        /// `GSM-7` when every character is in the GSM 03.38 tables, `UCS-2` otherwise.
        encoding: "Literal[\"GSM-7\", \"UCS-2\"]",
        /// How many segments the text is sent (and billed) in; 0 for an empty text.
        segments: "int",
        /// GSM-7 septets (an extension-table character such as `€` counts 2), or UTF-16 units for UCS-2.
        units: "int",
        /// Units a segment holds: 160 or 70 for a single SMS, 153 or 67 once split.
        per_segment: "int",
        /// The characters that made the text UCS-2, in order (empty for GSM-7).
        unicode_characters: "Tuple[SmsCharacter, ...]",
    }

    /// One change made by `sms_smart_encode`.
    SmsReplacement(zexa::SmsReplacement) {
        /// What the text had.
        original: "str",
        /// What it became (may be empty: a zero-width character is dropped).
        replacement: "str",
        /// Where `original` starts in the original text, in code points.
        char_index: "int",
        /// Where `original` starts in the UTF-8 encoding of the original text, in bytes.
        byte_offset: "int",
    }

    /// The result of `sms_smart_encode`: the new text and what was replaced.
    SmsSmartEncoded(zexa::SmsSmartEncoded) {
        /// The text with the replacements made.
        text: "str",
        /// Every change, in order (empty when the text was left as it was).
        replacements: "Tuple[SmsReplacement, ...]",
    }

    /// What a campaign would use, computed without creating it (`client.campaigns.preview`).
    CampaignPreview(zexa::CampaignPreview) {
        /// The audience.
        contact_list_id: "str",
        /// The channel it would send on.
        channel: "Channel",
        /// How many contacts the list has now (one message each).
        recipients: "int",
        /// For SMS: the body's encoding and segments; `None` on other channels.
        sms: "Optional[SmsSegments]",
        /// For SMS: segments each message is billed as; `None` on other channels.
        segments_per_message: "Optional[int]",
        /// For SMS: segments of the whole campaign (recipients x segments per message); `None` otherwise.
        total_segments: "Optional[int]",
    }
}
