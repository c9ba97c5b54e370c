"""Read-only response models.

Every model holds the core's decoded model (its native base ``Record``), the same one Rust
users get, and reads it one field at a time. Attributes are
named as the JSON fields (except a message's ``from``, which is ``sender_id``), timestamps are
aware UTC ``datetime`` objects, channels and statuses are plain strings (unknown values
included), and ``to_dict()`` gives the whole JSON object back, unknown fields included.

A field becomes a Python object only when it is read, and a converted one (a timestamp, a
tuple) is kept: iterating 100 000 contacts for their phone numbers builds 100 000 light
objects and 100 000 strings, not a dict and a datetime per contact. So a malformed timestamp
from the server raises ``DecodeError`` when that field is read.
"""

from __future__ import annotations

import json
import re
from dataclasses import FrozenInstanceError
from datetime import datetime, timezone
from typing import (
    Any,
    ClassVar,
    Dict,
    Generic,
    List,
    TYPE_CHECKING,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    overload,
)

from ._exceptions import DecodeError
from ._native import NativeField, Record, register_model

__all__ = [
    "Field",
    "Model",
    "Contact",
    "ContactList",
    "Campaign",
    "Message",
    "SenderId",
    "Webhook",
    "Credits",
    "Export",
    "UploadPreview",
    "ImportRowError",
    "ImportResult",
    "WebhookEventData",
    "WebhookEvent",
]

_M = TypeVar("_M", bound="Model")
_FRACTION = re.compile(r"^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(.*)$")


def _timestamp(text: Any) -> datetime:
    """An ISO 8601 timestamp as an aware UTC datetime (``Z`` and any fraction length accepted)."""
    if not isinstance(text, str):
        raise DecodeError(f"expected an ISO 8601 timestamp, got {text!r}", status_code=None)
    value = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        # Python < 3.11 takes only 3 or 6 fraction digits.
        match = _FRACTION.match(value)
        if match is None:
            raise DecodeError(f"not an ISO 8601 timestamp: {text!r}", status_code=None) from None
        head, fraction, tail = match.groups()
        normalized = head + ("." + (fraction + "000000")[:6] if fraction else "") + tail
        try:
            parsed = datetime.fromisoformat(normalized)
        except ValueError:
            raise DecodeError(f"not an ISO 8601 timestamp: {text!r}", status_code=None) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _tuple(value: Any) -> Tuple[Any, ...]:
    return tuple(value)


def _dict(value: Any) -> Dict[str, Any]:
    return dict(value)


_T = TypeVar("_T")


class Field(NativeField, Generic[_T]):
    """A read-only field of a model: the JSON value of ``key``, converted when first read.

    A field kept as the JSON has it (a string, a number) is read from the model's JSON fields
    at each access; a converted one (a timestamp, a tuple) is converted once and kept. The
    reading itself is native (``zexa._native.NativeField``).
    """

    __slots__ = ()

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None, /) -> "Field[_T]": ...

        @overload
        def __get__(self, obj: "Model", owner: Optional[type] = None, /) -> _T: ...

        def __get__(self, obj: Optional["Model"], owner: Optional[type] = None, /) -> Any: ...


class Model(Record):
    """Base class of the response models: frozen, compared by content, ``to_dict()`` to get the JSON.

    A model holds the core's decoded model (the native ``Record`` base). ``Class(data)`` and
    ``Class.from_dict(data)`` decode a dict of JSON fields into it, so a model built by hand is
    checked like one from the API: a missing or mistyped field raises ``DecodeError``.
    """

    __slots__ = ("_cache",)
    _core: ClassVar[str]
    """The name of the core model this class wraps (each concrete model class sets it)."""
    _repr_fields: ClassVar[Tuple[str, ...]] = ("id",)
    _cache: Dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_core" in cls.__dict__:
            register_model(cls)

    @classmethod
    def from_dict(cls: Type[_M], data: Mapping[str, Any]) -> _M:
        """Builds the model from a JSON object, as the API returns it."""
        return cls(data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}: {type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}: {type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self.to_dict(), sort_keys=True, default=str)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._repr_fields)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.to_dict(),))


class Contact(Model):
    """A contact: a recipient with a phone number in E.164 and an optional email."""

    __slots__ = ()
    _core = "Contact"
    id: Field[str] = Field("id")
    """``cnt_...``"""
    name: Field[str] = Field("name")
    """Full name."""
    phone: Field[str] = Field("phone")
    """Phone number in E.164."""
    email: Field[Optional[str]] = Field("email")
    """Email address, if any."""
    lists: Field[Optional[Tuple[str, ...]]] = Field("lists", _tuple)
    """IDs of the lists the contact belongs to (may be absent in list responses)."""
    custom_fields: Field[Optional[Dict[str, str]]] = Field("custom_fields", _dict)
    """Custom fields."""
    gender: Field[Optional[str]] = Field("gender")
    """Gender, when known."""
    valid: Field[Optional[bool]] = Field("valid")
    """Whether the number is valid for delivery, when known."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""


class ContactList(Model):
    """A named segment of contacts, the audience of a campaign."""

    __slots__ = ()
    _core = "ContactList"
    id: Field[str] = Field("id")
    """``lst_...``"""
    name: Field[str] = Field("name")
    """Name of the list."""
    description: Field[Optional[str]] = Field("description")
    """Description, if any."""
    contact_count: Field[Optional[int]] = Field("contact_count")
    """Number of contacts in the list, when the API says."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""


class Campaign(Model):
    """A broadcast campaign and its delivery statistics."""

    __slots__ = ()
    _core = "Campaign"
    _repr_fields = ("id", "status")
    id: Field[str] = Field("id")
    """``cmp_...``"""
    name: Field[str] = Field("name")
    """Internal name."""
    status: Field[str] = Field("status")
    """``draft``, ``scheduled``, ``processing``, ``sent``, ``completed`` or ``failed`` (or a newer value)."""
    channel: Field[str] = Field("channel")
    """``sms``, ``whatsapp``, ``telegram``, ``email`` or ``slack`` (or a newer value)."""
    total_recipients: Field[int] = Field("total_recipients")
    """Contacts targeted."""
    delivered: Field[Optional[int]] = Field("delivered")
    """Messages delivered so far."""
    failed: Field[Optional[int]] = Field("failed")
    """Messages failed so far."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""
    sent_at: Field[Optional[datetime]] = Field("sent_at", _timestamp)
    """When sending began; ``None`` until it starts."""
    completed_at: Field[Optional[datetime]] = Field("completed_at", _timestamp)
    """When every message reached a final status; ``None`` until then."""

    @property
    def is_final(self) -> bool:
        """Whether the campaign will not change any more (``completed`` or ``failed``)."""
        return self.status in ("completed", "failed")


class Message(Model):
    """A single message and its delivery status."""

    __slots__ = ()
    _core = "Message"
    _repr_fields = ("id", "status")
    id: Field[str] = Field("id")
    """``msg_...``"""
    status: Field[str] = Field("status")
    """``queued``, ``sent``, ``delivered``, ``failed`` or ``undelivered`` (or a newer value)."""
    channel: Field[str] = Field("channel")
    """Channel it was sent on."""
    to: Field[str] = Field("to")
    """Recipient."""
    sender_id: Field[str] = Field("from")
    """Sender ID it was sent from (the JSON field ``from``)."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""
    error: Field[Any] = Field("error")
    """Why delivery failed, when it did (a string or an object, as the API sends it)."""
    delivered_at: Field[Optional[datetime]] = Field("delivered_at", _timestamp)
    """When it was delivered."""


class SenderId(Model):
    """A registered sender ID (or verified email sender)."""

    __slots__ = ()
    _core = "SenderId"
    _repr_fields = ("id", "name")
    id: Field[str] = Field("id")
    """Identifier of the registration."""
    name: Field[str] = Field("name")
    """The name recipients see, used as ``sender_id``."""
    channel: Field[str] = Field("channel")
    """Channel it is registered for."""
    status: Field[str] = Field("status")
    """``pending``, ``approved`` or ``rejected`` (or a newer value)."""


class Webhook(Model):
    """A registered delivery-status webhook."""

    __slots__ = ()
    _core = "Webhook"
    id: Field[str] = Field("id")
    """``wh_...``"""
    url: Field[str] = Field("url")
    """Where events are POSTed."""
    events: Field[Tuple[str, ...]] = Field("events", _tuple)
    """Event types delivered, e.g. ``message.delivered``."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""


class Credits(Model):
    """The account's credit balance."""

    __slots__ = ()
    _core = "Credits"
    _repr_fields = ("balance", "currency")
    balance: Field[float] = Field("balance")
    """Credits left."""
    currency: Field[str] = Field("currency")
    """Currency code of the balance, e.g. ``AOA``."""


class Export(Model):
    """An asynchronous export of contacts."""

    __slots__ = ()
    _core = "Export"
    _repr_fields = ("id", "status")
    id: Field[str] = Field("id")
    """``exp_...``"""
    status: Field[str] = Field("status")
    """``pending``, ``processing``, ``completed`` or ``failed`` (or a newer value)."""
    download_url: Field[Optional[str]] = Field("download_url")
    """Where to download the file once completed."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """Creation time (UTC)."""


class UploadPreview(Model):
    """What an uploaded file contains, to map its columns from before importing."""

    __slots__ = ()
    _core = "UploadPreview"
    _repr_fields = ("upload_id", "total_rows")
    upload_id: Field[str] = Field("upload_id")
    """``upl_...``: pass it to the import call."""
    columns: Field[Tuple[str, ...]] = Field("columns", _tuple)
    """Column names found in the file."""
    rows: Field[Tuple[Tuple[str, ...], ...]] = Field("rows", lambda rows: tuple((tuple(row) for row in rows)))
    """The first rows of the file, one string per column."""
    total_rows: Field[int] = Field("total_rows")
    """How many data rows the file has."""


class ImportRowError(Model):
    """One row of an import that was not imported."""

    __slots__ = ()
    _core = "ImportRowError"
    _repr_fields = ("row", "error")
    row: Field[int] = Field("row")
    """Row number in the file (1-based, over data rows)."""
    error: Field[str] = Field("error")
    """Machine-readable code, e.g. ``validation_error``."""
    message: Field[str] = Field("message")
    """Human-readable reason."""


def _row_errors(items: List[Any]) -> Tuple[ImportRowError, ...]:
    return tuple(ImportRowError(item) for item in items)


class ImportResult(Model):
    """The outcome of an import."""

    __slots__ = ()
    _core = "ImportResult"
    _repr_fields = ("imported", "skipped")
    imported: Field[int] = Field("imported")
    """Contacts created."""
    skipped: Field[int] = Field("skipped")
    """Rows not imported."""
    errors: Field[Tuple[ImportRowError, ...]] = Field("errors", _row_errors)
    """Why rows were skipped."""


class WebhookEventData(Model):
    """The subject of a webhook event."""

    __slots__ = ()
    _core = "WebhookEventData"
    _repr_fields = ("message_id", "campaign_id", "status")
    message_id: Field[Optional[str]] = Field("message_id")
    """The message, for ``message.*`` events."""
    campaign_id: Field[Optional[str]] = Field("campaign_id")
    """The campaign of the message, or of ``campaign.*`` events."""
    status: Field[Optional[str]] = Field("status")
    """The new status (``delivered``, ``failed``, ``completed``...)."""
    to: Field[Optional[str]] = Field("to")
    """The recipient, for message events."""
    error: Field[Any] = Field("error")
    """Why delivery failed, when it did."""


class WebhookEvent(Model):
    """A delivery-status event that Zexa POSTs to a registered webhook URL."""

    __slots__ = ()
    _core = "WebhookEvent"
    _repr_fields = ("id", "type")
    id: Field[str] = Field("id")
    """``evt_...``: use it to ignore a redelivered event."""
    type: Field[str] = Field("type")
    """``message.delivered``, ``message.failed``, ``campaign.completed`` (or a newer type)."""
    created_at: Field[datetime] = Field("created_at", _timestamp)
    """When it happened (UTC)."""
    data: Field[WebhookEventData] = Field("data", WebhookEventData)
    """About which message or campaign."""
