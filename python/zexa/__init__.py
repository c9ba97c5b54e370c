"""Python client for the Zexa messaging API: SMS, WhatsApp, Telegram, email and Slack.

A thin layer over the Rust crate ``zexa``: validation, retries, pagination and error mapping
all live there.

>>> import zexa
>>> client = zexa.Client()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Union

from . import _logging as _logging  # installs the log bridge on import
from . import _native
from ._client import Client, ClientSettings
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
    InsufficientCreditsError,
    Interrupted,
    InvalidInputError,
    WaitTimeoutError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
    ZexaError,
)
from ._models import (
    Campaign,
    Contact,
    ContactList,
    Credits,
    Export,
    ImportResult,
    ImportRowError,
    Message,
    Model,
    SenderId,
    UploadPreview,
    Webhook,
    WebhookEvent,
    WebhookEventData,
)
from ._native import (
    NOT_GIVEN,
    Campaigns,
    ContactLists,
    Contacts,
    CreditsResource,
    Exports,
    Messages,
    NotGiven,
    Page,
    SenderIds,
    Webhooks,
)
from ._bulk import BulkResult
from ._response import APIResponse, Headers
from ._sms import (
    CampaignPreview,
    SmsCharacter,
    SmsReplacement,
    SmsSegments,
    SmsSmartEncoded,
    sms_segments,
    sms_smart_encode,
)

from ._types import (
    CallOptions,
    CampaignStatus,
    Channel,
    ExportStatus,
    FileInput,
    MessageStatus,
    QueryValue,
    SenderIdStatus,
    WebhookEventType,
)

if TYPE_CHECKING:
    from ._async_client import AsyncClient
    from ._async_page import AsyncPage
    from ._async_resources import (
        AsyncCampaigns,
        AsyncContactLists,
        AsyncContacts,
        AsyncCreditsResource,
        AsyncExports,
        AsyncMessages,
        AsyncSenderIds,
        AsyncWebhooks,
    )
    from ._async_run import CallCancelled

# The async client loads asyncio (a few hundred ms on a cold start): only when first used.
_LAZY = {
    "AsyncClient": "._async_client",
    "AsyncPage": "._async_page",
    "CallCancelled": "._async_run",
    **{
        name: "._async_resources"
        for name in (
            "AsyncCampaigns",
            "AsyncContactLists",
            "AsyncContacts",
            "AsyncCreditsResource",
            "AsyncExports",
            "AsyncMessages",
            "AsyncSenderIds",
            "AsyncWebhooks",
        )
    },
}


def __getattr__(name: str) -> Any:
    """The async client's names, imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zexa' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__version__: str = _native.CORE_VERSION
"""The version of this package (the same as the Rust core's)."""

__all__ = [
    "Client",
    "ClientSettings",
    "AsyncClient",
    "Page",
    "AsyncPage",
    "APIResponse",
    "BulkResult",
    "Headers",
    "NOT_GIVEN",
    "NotGiven",
    "CallOptions",
    "QueryValue",
    "FileInput",
    "Channel",
    "CampaignStatus",
    "MessageStatus",
    "ExportStatus",
    "SenderIdStatus",
    "WebhookEventType",
    "Contacts",
    "Exports",
    "ContactLists",
    "Campaigns",
    "Messages",
    "SenderIds",
    "Webhooks",
    "CreditsResource",
    "AsyncContacts",
    "AsyncExports",
    "AsyncContactLists",
    "AsyncCampaigns",
    "AsyncMessages",
    "AsyncSenderIds",
    "AsyncWebhooks",
    "AsyncCreditsResource",
    "to_e164",
    "parse_webhook_event",
    "sms_segments",
    "sms_smart_encode",
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
    "ImportResult",
    "ImportRowError",
    "WebhookEvent",
    "WebhookEventData",
    "SmsSegments",
    "SmsCharacter",
    "SmsSmartEncoded",
    "SmsReplacement",
    "CampaignPreview",
    "ZexaError",
    "InvalidInputError",
    "APIConnectionError",
    "APITimeoutError",
    "DecodeError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "InsufficientCreditsError",
    "RateLimitError",
    "ServerError",
    "Interrupted",
    "CallCancelled",
    "WaitTimeoutError",
]


def to_e164(number: str, default_country_code: Union[str, int, None] = None) -> str:
    """Converts a written phone number to E.164.

    Spaces, dashes, dots and brackets are removed; a ``00`` prefix becomes ``+``; a national
    number gets ``default_country_code`` in front (its trunk ``0`` dropped):
    ``to_e164("0912 345 678", "244") == "+244912345678"``. Raises ``InvalidInputError`` when
    the result cannot be E.164.
    """
    code = default_country_code
    if isinstance(code, int) and not isinstance(code, bool):
        code = str(code)
    return _native.to_e164(number, code)  # type: ignore[arg-type]  # a bool is refused natively


def parse_webhook_event(payload: Union[bytes, bytearray, memoryview, str]) -> WebhookEvent:
    """Parses the body of a webhook request into a ``WebhookEvent``; ``DecodeError`` if it is not one."""
    if isinstance(payload, str):
        data = payload.encode("utf-8")
    elif isinstance(payload, (bytes, bytearray, memoryview)):
        data = bytes(payload)
    else:
        raise TypeError(f"payload must be bytes or str, not {type(payload).__name__}")
    return _native.parse_webhook_event(data)
