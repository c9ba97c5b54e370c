"""Read-only response models.

Each model is built from the dict of JSON fields the native module returns (the core's model
re-serialized, unknown fields included): attributes are named as the JSON fields (except a
message's ``from``, which is ``sender_id``), timestamps are aware UTC ``datetime`` objects,
channels and statuses are plain strings (unknown values included), and ``to_dict()`` gives the
whole JSON object back.

A field is converted the first time it is read, then kept: iterating 100 000 contacts builds
100 000 light objects, not a million datetimes nobody looks at. So a malformed timestamp from
the server raises ``DecodeError`` when that field is read.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import FrozenInstanceError
from datetime import datetime, timezone
from typing import Any, Callable, ClassVar, Dict, List, Mapping, Optional, Tuple, Type, TypeVar

from ._exceptions import DecodeError

__all__ = [
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
_set = object.__setattr__
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


_Field = Tuple[str, str, Optional[Callable[[Any], Any]]]


class Model:
    """Base class of the response models: frozen, compared by content, ``to_dict()`` to get the JSON."""

    __slots__ = ("_raw",)
    _fields: ClassVar[Tuple[_Field, ...]] = ()
    _field_specs: ClassVar[Dict[str, Tuple[str, Optional[Callable[[Any], Any]]]]] = {}
    _repr_fields: ClassVar[Tuple[str, ...]] = ("id",)
    _raw: Dict[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        """Builds the model from the JSON object ``data`` (as the API returns it)."""
        # A plain dict (what the native module gives) skips the slow abstract-class check.
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise TypeError(f"{type(self).__name__} takes a mapping of JSON fields, not {type(data).__name__}")
            data = dict(data)
        _set(self, "_raw", data)

    def __getattr__(self, name: str) -> Any:
        # Only called for a field slot not yet filled: convert it on first access, once.
        spec = type(self)._field_specs.get(name)
        if spec is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        key, convert = spec
        value = self._raw.get(key)
        if convert is not None and value is not None:
            value = convert(value)
        _set(self, name, value)
        return value

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._field_specs = {attr: (key, convert) for attr, key, convert in cls._fields}

    @classmethod
    def from_dict(cls: Type[_M], data: Mapping[str, Any]) -> _M:
        """Builds the model from a JSON object, as the API returns it."""
        return cls(data)

    def to_dict(self) -> Dict[str, Any]:
        """The whole JSON object as received, unknown fields included (a copy)."""
        return copy.deepcopy(self._raw)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}: {type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}: {type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._raw == other._raw

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self._raw, sort_keys=True, default=str)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._repr_fields)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self._raw,))


class Contact(Model):
    """A contact: a recipient with a phone number in E.164 and an optional email."""

    __slots__ = ("id", "name", "phone", "email", "lists", "custom_fields", "gender", "valid", "created_at")
    _fields = (
        ("id", "id", None),
        ("name", "name", None),
        ("phone", "phone", None),
        ("email", "email", None),
        ("lists", "lists", _tuple),
        ("custom_fields", "custom_fields", _dict),
        ("gender", "gender", None),
        ("valid", "valid", None),
        ("created_at", "created_at", _timestamp),
    )
    id: str
    """``cnt_...``"""
    name: str
    """Full name."""
    phone: str
    """Phone number in E.164."""
    email: Optional[str]
    """Email address, if any."""
    lists: Optional[Tuple[str, ...]]
    """IDs of the lists the contact belongs to (may be absent in list responses)."""
    custom_fields: Optional[Dict[str, str]]
    """Custom fields."""
    gender: Optional[str]
    """Gender, when known."""
    valid: Optional[bool]
    """Whether the number is valid for delivery, when known."""
    created_at: datetime
    """Creation time (UTC)."""


class ContactList(Model):
    """A named segment of contacts, the audience of a campaign."""

    __slots__ = ("id", "name", "description", "contact_count", "created_at")
    _fields = (
        ("id", "id", None),
        ("name", "name", None),
        ("description", "description", None),
        ("contact_count", "contact_count", None),
        ("created_at", "created_at", _timestamp),
    )
    id: str
    """``lst_...``"""
    name: str
    """Name of the list."""
    description: Optional[str]
    """Description, if any."""
    contact_count: Optional[int]
    """Number of contacts in the list, when the API says."""
    created_at: datetime
    """Creation time (UTC)."""


class Campaign(Model):
    """A broadcast campaign and its delivery statistics."""

    __slots__ = (
        "id",
        "name",
        "status",
        "channel",
        "total_recipients",
        "delivered",
        "failed",
        "created_at",
        "sent_at",
        "completed_at",
    )
    _fields = (
        ("id", "id", None),
        ("name", "name", None),
        ("status", "status", None),
        ("channel", "channel", None),
        ("total_recipients", "total_recipients", None),
        ("delivered", "delivered", None),
        ("failed", "failed", None),
        ("created_at", "created_at", _timestamp),
        ("sent_at", "sent_at", _timestamp),
        ("completed_at", "completed_at", _timestamp),
    )
    _repr_fields = ("id", "status")
    id: str
    """``cmp_...``"""
    name: str
    """Internal name."""
    status: str
    """``draft``, ``scheduled``, ``processing``, ``sent``, ``completed`` or ``failed`` (or a newer value)."""
    channel: str
    """``sms``, ``whatsapp``, ``telegram``, ``email`` or ``slack`` (or a newer value)."""
    total_recipients: int
    """Contacts targeted."""
    delivered: Optional[int]
    """Messages delivered so far."""
    failed: Optional[int]
    """Messages failed so far."""
    created_at: datetime
    """Creation time (UTC)."""
    sent_at: Optional[datetime]
    """When sending began; ``None`` until it starts."""
    completed_at: Optional[datetime]
    """When every message reached a final status; ``None`` until then."""

    @property
    def is_final(self) -> bool:
        """Whether the campaign will not change any more (``completed`` or ``failed``)."""
        return self.status in ("completed", "failed")


class Message(Model):
    """A single message and its delivery status."""

    __slots__ = ("id", "status", "channel", "to", "sender_id", "created_at", "error", "delivered_at")
    _fields = (
        ("id", "id", None),
        ("status", "status", None),
        ("channel", "channel", None),
        ("to", "to", None),
        ("sender_id", "from", None),
        ("created_at", "created_at", _timestamp),
        ("error", "error", None),
        ("delivered_at", "delivered_at", _timestamp),
    )
    _repr_fields = ("id", "status")
    id: str
    """``msg_...``"""
    status: str
    """``queued``, ``sent``, ``delivered``, ``failed`` or ``undelivered`` (or a newer value)."""
    channel: str
    """Channel it was sent on."""
    to: str
    """Recipient."""
    sender_id: str
    """Sender ID it was sent from (the JSON field ``from``)."""
    created_at: datetime
    """Creation time (UTC)."""
    error: Any
    """Why delivery failed, when it did (a string or an object, as the API sends it)."""
    delivered_at: Optional[datetime]
    """When it was delivered."""


class SenderId(Model):
    """A registered sender ID (or verified email sender)."""

    __slots__ = ("id", "name", "channel", "status")
    _fields = (
        ("id", "id", None),
        ("name", "name", None),
        ("channel", "channel", None),
        ("status", "status", None),
    )
    _repr_fields = ("id", "name")
    id: str
    """Identifier of the registration."""
    name: str
    """The name recipients see, used as ``sender_id``."""
    channel: str
    """Channel it is registered for."""
    status: str
    """``pending``, ``approved`` or ``rejected`` (or a newer value)."""


class Webhook(Model):
    """A registered delivery-status webhook."""

    __slots__ = ("id", "url", "events", "created_at")
    _fields = (
        ("id", "id", None),
        ("url", "url", None),
        ("events", "events", _tuple),
        ("created_at", "created_at", _timestamp),
    )
    id: str
    """``wh_...``"""
    url: str
    """Where events are POSTed."""
    events: Tuple[str, ...]
    """Event types delivered, e.g. ``message.delivered``."""
    created_at: datetime
    """Creation time (UTC)."""


class Credits(Model):
    """The account's credit balance."""

    __slots__ = ("balance", "currency")
    _fields = (("balance", "balance", None), ("currency", "currency", None))
    _repr_fields = ("balance", "currency")
    balance: float
    """Credits left."""
    currency: str
    """Currency code of the balance, e.g. ``AOA``."""


class Export(Model):
    """An asynchronous export of contacts."""

    __slots__ = ("id", "status", "download_url", "created_at")
    _fields = (
        ("id", "id", None),
        ("status", "status", None),
        ("download_url", "download_url", None),
        ("created_at", "created_at", _timestamp),
    )
    _repr_fields = ("id", "status")
    id: str
    """``exp_...``"""
    status: str
    """``pending``, ``processing``, ``completed`` or ``failed`` (or a newer value)."""
    download_url: Optional[str]
    """Where to download the file once completed."""
    created_at: datetime
    """Creation time (UTC)."""


class UploadPreview(Model):
    """What an uploaded file contains, to map its columns from before importing."""

    __slots__ = ("upload_id", "columns", "rows", "total_rows")
    _fields = (
        ("upload_id", "upload_id", None),
        ("columns", "columns", _tuple),
        ("rows", "rows", lambda rows: tuple(tuple(row) for row in rows)),
        ("total_rows", "total_rows", None),
    )
    _repr_fields = ("upload_id", "total_rows")
    upload_id: str
    """``upl_...``: pass it to the import call."""
    columns: Tuple[str, ...]
    """Column names found in the file."""
    rows: Tuple[Tuple[str, ...], ...]
    """The first rows of the file, one string per column."""
    total_rows: int
    """How many data rows the file has."""


class ImportRowError(Model):
    """One row of an import that was not imported."""

    __slots__ = ("row", "error", "message")
    _fields = (("row", "row", None), ("error", "error", None), ("message", "message", None))
    _repr_fields = ("row", "error")
    row: int
    """Row number in the file (1-based, over data rows)."""
    error: str
    """Machine-readable code, e.g. ``validation_error``."""
    message: str
    """Human-readable reason."""


def _row_errors(items: List[Any]) -> Tuple[ImportRowError, ...]:
    return tuple(ImportRowError(item) for item in items)


class ImportResult(Model):
    """The outcome of an import."""

    __slots__ = ("imported", "skipped", "errors")
    _fields = (("imported", "imported", None), ("skipped", "skipped", None), ("errors", "errors", _row_errors))
    _repr_fields = ("imported", "skipped")
    imported: int
    """Contacts created."""
    skipped: int
    """Rows not imported."""
    errors: Tuple[ImportRowError, ...]
    """Why rows were skipped."""


class WebhookEventData(Model):
    """The subject of a webhook event."""

    __slots__ = ("message_id", "campaign_id", "status", "to", "error")
    _fields = (
        ("message_id", "message_id", None),
        ("campaign_id", "campaign_id", None),
        ("status", "status", None),
        ("to", "to", None),
        ("error", "error", None),
    )
    _repr_fields = ("message_id", "campaign_id", "status")
    message_id: Optional[str]
    """The message, for ``message.*`` events."""
    campaign_id: Optional[str]
    """The campaign of the message, or of ``campaign.*`` events."""
    status: Optional[str]
    """The new status (``delivered``, ``failed``, ``completed``...)."""
    to: Optional[str]
    """The recipient, for message events."""
    error: Any
    """Why delivery failed, when it did."""


class WebhookEvent(Model):
    """A delivery-status event that Zexa POSTs to a registered webhook URL."""

    __slots__ = ("id", "type", "created_at", "data")
    _fields = (
        ("id", "id", None),
        ("type", "type", None),
        ("created_at", "created_at", _timestamp),
        ("data", "data", WebhookEventData),
    )
    _repr_fields = ("id", "type")
    id: str
    """``evt_...``: use it to ignore a redelivered event."""
    type: str
    """``message.delivered``, ``message.failed``, ``campaign.completed`` (or a newer type)."""
    created_at: datetime
    """When it happened (UTC)."""
    data: WebhookEventData
    """About which message or campaign."""
