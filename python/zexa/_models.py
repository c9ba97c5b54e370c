"""Read-only response models, defined natively (``python/src/models/``): one frozen class per
model of the Rust core, holding the core's own decoded value.

Attributes are named as the JSON fields (except a message's ``from``, which is ``sender_id``,
and an event's ``type``), timestamps are aware UTC ``datetime`` objects, channels and statuses
plain strings (unknown values included), lists tuples. Models compare and hash by value,
``repr()`` shows every set field, ``to_dict()``/``to_json()`` give the JSON object back with
the fields this version does not model (also in ``extra``), ``Class.from_dict(d)`` and
``Class.from_json(text)`` decode one as the API's responses are decoded, and they pickle.
A timestamp that is not one raises ``DecodeError`` when it is read. Types: ``_models.pyi``.
"""

from typing import Any, Dict, Literal, Tuple, Union

from ._native import (
    model_literal_types,
    Campaign,
    CampaignPreview,
    Contact,
    ContactList,
    Credits,
    Export,
    ImportResult,
    ImportRowError,
    Message,
    Model,
    SenderId,
    SmsCharacter,
    SmsReplacement,
    SmsSegments,
    SmsSmartEncoded,
    UploadPreview,
    Webhook,
    WebhookEvent,
    WebhookEventData,
)

# The core's string enums as Literal types of the values this version knows (a response may
# hold a newer one, kept as its text), as in _models.pyi: a Union of one Literal per value.
_KNOWN: Dict[str, Tuple[Any, ...]] = {
    name: tuple(Literal[value] for value in values) for name, values in model_literal_types()
}
Channel: Any = Union[_KNOWN["Channel"]]
CampaignStatus: Any = Union[_KNOWN["CampaignStatus"]]
MessageStatus: Any = Union[_KNOWN["MessageStatus"]]
ExportStatus: Any = Union[_KNOWN["ExportStatus"]]
SenderIdStatus: Any = Union[_KNOWN["SenderIdStatus"]]
WebhookEventType: Any = Union[_KNOWN["WebhookEventType"]]

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
    "SmsCharacter",
    "SmsSegments",
    "SmsReplacement",
    "SmsSmartEncoded",
    "CampaignPreview",
]
