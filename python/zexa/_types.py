"""``Literal`` types of the API's string enums, for type checkers: ``channel="smss"`` is an
error before the code runs. At run time a value this version does not know is refused by the
client with a clear message (``client.request`` still sends anything).

The values are the Rust core's (``zexa._native.CHANNELS``...); a test keeps them equal.
"""

from __future__ import annotations

import os
from typing import Literal, Mapping, Optional, Protocol, TypedDict, Union


__all__ = [
    "CallOptions",
    "WaitOptions",
    "QueryValue",
    "FileInput",
    "Writable",
    "Destination",
    "Channel",
    "CampaignStatus",
    "MessageStatus",
    "ExportStatus",
    "SenderIdStatus",
    "WebhookEventType",
]

Channel = Literal["sms", "whatsapp", "telegram", "email", "slack"]
"""A messaging channel."""
CampaignStatus = Literal["draft", "scheduled", "processing", "sent", "completed", "failed"]
"""The status of a campaign; ``completed`` and ``failed`` are final."""
MessageStatus = Literal["queued", "sent", "delivered", "failed", "undelivered"]
"""The delivery status of a message."""
ExportStatus = Literal["pending", "processing", "completed", "failed"]
"""The status of a contact export."""
SenderIdStatus = Literal["pending", "approved", "rejected"]
"""The review status of a sender ID."""
WebhookEventType = Literal["message.delivered", "message.failed", "campaign.completed"]
"""A webhook event type."""

FileInput = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""A file to upload: a path, or its contents."""



class Writable(Protocol):
    """A binary file object (``open(..., "wb")``, ``io.BytesIO``...): what a download writes to."""

    def write(self, data: bytes, /) -> object:
        """Writes ``data``."""


Destination = Union[str, "os.PathLike[str]", Writable]
"""Where a download goes: a path (created or replaced) or a binary file object."""

QueryValue = Union[str, int, float, bool]
"""A query parameter's value (a bool is sent as ``true``/``false``)."""


class CallOptions(TypedDict, total=False):
    """The per-call options every method takes as keywords; left out (or ``None``), the
    client's setting applies.

    >>> client.contacts.get("cnt_1", timeout=5, extra_headers={"X-Trace": "abc"})  # doctest: +SKIP
    """

    timeout: Optional[float]
    """Seconds each attempt of this call may take."""
    max_retries: Optional[int]
    """How many times this call is retried (never a POST that may have been executed)."""
    extra_headers: Optional[Mapping[str, str]]
    """Headers added to every request of this call (``Authorization`` and the like are refused)."""
    extra_query: Optional[Mapping[str, QueryValue]]
    """Query parameters appended to every request of this call."""


class WaitOptions(TypedDict, total=False):
    """The per-call options of ``campaigns.wait`` and ``exports.wait``, whose own ``timeout``
    bounds the whole wait (each poll keeps the client's per-attempt timeout)."""

    max_retries: Optional[int]
    """How many times each poll is retried."""
    extra_headers: Optional[Mapping[str, str]]
    """Headers added to every poll."""
    extra_query: Optional[Mapping[str, QueryValue]]
    """Query parameters appended to every poll."""
