"""Type stubs of the models (``zexa._models``).

Written by ``python/tools/model_stubs.py`` from the classes compiled from
``python/src/models/classes.rs``: edit those, then run the script.
"""

from datetime import datetime
from typing import Any, Dict, Literal, Mapping, Optional, Tuple, Union, final

from typing_extensions import Self

__all__ = ["Model", "Contact", "ContactList", "Campaign", "Message", "SenderId", "Webhook", "Credits", "Export", "UploadPreview", "ImportRowError", "ImportResult", "WebhookEventData", "WebhookEvent", "SmsCharacter", "SmsSegments", "SmsReplacement", "SmsSmartEncoded", "CampaignPreview"]

Channel = Literal["sms", "whatsapp", "telegram", "email", "slack"]
CampaignStatus = Literal["draft", "scheduled", "processing", "sent", "completed", "failed"]
MessageStatus = Literal["queued", "sent", "delivered", "failed", "undelivered"]
ExportStatus = Literal["pending", "processing", "completed", "failed"]
SenderIdStatus = Literal["pending", "approved", "rejected"]
WebhookEventType = Literal["message.delivered", "message.failed", "campaign.completed"]

class Model:
    """The base class of every model (`zexa.Model`): it holds nothing itself, it is there for
    `isinstance(x, zexa.Model)` and for type bounds."""

    @property
    def extra(self) -> Dict[str, Any]:
        """Fields of the JSON object that this version does not model, as received."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Builds the model from a mapping of JSON fields, as the API returns them."""
    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> Self:
        """Builds the model from a JSON object, as text or UTF-8 bytes."""
    def to_dict(self) -> Dict[str, Any]:
        """The JSON object as a new dict, unknown fields included."""
    def to_json(self) -> str:
        """The JSON object as text, unknown fields included."""
    def __copy__(self) -> Self:
        """Immutable: the model itself."""
    def __deepcopy__(self, memo: Any, /) -> Self:
        """Immutable: the model itself."""

@final
class Contact(Model):
    """A contact: a recipient with a phone number in E.164 and an optional email."""

    __match_args__ = ("id", "name", "phone", "email", "lists", "custom_fields", "gender", "valid", "created_at")
    @property
    def id(self) -> str:
        """`cnt_...`"""
    @property
    def name(self) -> str:
        """Full name."""
    @property
    def phone(self) -> str:
        """Phone number in E.164 (`+244912345678`)."""
    @property
    def email(self) -> Optional[str]:
        """Email address, if any."""
    @property
    def lists(self) -> Optional[Tuple[str, ...]]:
        """IDs of the lists the contact belongs to (may be absent in list responses)."""
    @property
    def custom_fields(self) -> Optional[Dict[str, str]]:
        """Custom fields."""
    @property
    def gender(self) -> Optional[str]:
        """Gender, when known."""
    @property
    def valid(self) -> Optional[bool]:
        """Whether the number is valid for delivery, when known."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""

@final
class ContactList(Model):
    """A named segment of contacts, the audience of a campaign."""

    __match_args__ = ("id", "name", "description", "contact_count", "created_at")
    @property
    def id(self) -> str:
        """`lst_...`"""
    @property
    def name(self) -> str:
        """Name of the list."""
    @property
    def description(self) -> Optional[str]:
        """Description, if any."""
    @property
    def contact_count(self) -> Optional[int]:
        """Number of contacts in the list, when the API says."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""

@final
class Campaign(Model):
    """A broadcast campaign and its delivery statistics."""

    __match_args__ = ("id", "name", "status", "channel", "total_recipients", "delivered", "failed", "created_at", "sent_at", "completed_at")
    @property
    def id(self) -> str:
        """`cmp_...`"""
    @property
    def name(self) -> str:
        """Internal name."""
    @property
    def status(self) -> CampaignStatus:
        """Where the campaign is in its life (a value newer than this version comes as its text)."""
    @property
    def channel(self) -> Channel:
        """Channel it sends on."""
    @property
    def total_recipients(self) -> int:
        """Contacts targeted."""
    @property
    def delivered(self) -> Optional[int]:
        """Messages delivered so far."""
    @property
    def failed(self) -> Optional[int]:
        """Messages failed so far."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""
    @property
    def sent_at(self) -> Optional[datetime]:
        """When sending began; `None` until it starts."""
    @property
    def completed_at(self) -> Optional[datetime]:
        """When every message reached a final status; `None` until then."""
    @property
    def is_final(self) -> bool:
        """Whether the campaign will not change any more (`completed` or `failed`)."""

@final
class Message(Model):
    """A single message and its delivery status."""

    __match_args__ = ("id", "status", "channel", "to", "sender_id", "created_at", "error", "delivered_at")
    @property
    def id(self) -> str:
        """`msg_...`"""
    @property
    def status(self) -> MessageStatus:
        """Delivery status (a value newer than this version comes as its text)."""
    @property
    def channel(self) -> Channel:
        """Channel it was sent on."""
    @property
    def to(self) -> str:
        """Recipient."""
    @property
    def sender_id(self) -> str:
        """Sender ID it was sent from (the JSON field `from`)."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""
    @property
    def error(self) -> Any:
        """Why delivery failed, when it did (a string or an object, as the API sends it)."""
    @property
    def delivered_at(self) -> Optional[datetime]:
        """When it was delivered."""
    @property
    def is_final(self) -> bool:
        """Whether the status will not change any more (`delivered`, `failed` or `undelivered`)."""

@final
class SenderId(Model):
    """A registered sender ID (or verified email sender)."""

    __match_args__ = ("id", "name", "channel", "status")
    @property
    def id(self) -> str:
        """Identifier of the registration."""
    @property
    def name(self) -> str:
        """The name recipients see, used as `sender_id`."""
    @property
    def channel(self) -> Channel:
        """Channel it is registered for."""
    @property
    def status(self) -> SenderIdStatus:
        """Review status (a value newer than this version comes as its text)."""

@final
class Webhook(Model):
    """A registered delivery-status webhook."""

    __match_args__ = ("id", "url", "events", "created_at")
    @property
    def id(self) -> str:
        """`wh_...`"""
    @property
    def url(self) -> str:
        """Where events are POSTed."""
    @property
    def events(self) -> Tuple[str, ...]:
        """Event types delivered, e.g. `message.delivered`."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""

@final
class Credits(Model):
    """The account's credit balance."""

    __match_args__ = ("balance", "currency")
    @property
    def balance(self) -> float:
        """Credits left."""
    @property
    def currency(self) -> str:
        """Currency code of the balance, e.g. `AOA`."""

@final
class Export(Model):
    """An asynchronous export of contacts."""

    __match_args__ = ("id", "status", "download_url", "created_at")
    @property
    def id(self) -> str:
        """`exp_...`"""
    @property
    def status(self) -> ExportStatus:
        """Progress; `download_url` is set once `completed` (a newer value comes as its text)."""
    @property
    def download_url(self) -> Optional[str]:
        """Where to download the file once completed."""
    @property
    def created_at(self) -> datetime:
        """Creation time (UTC)."""
    @property
    def is_final(self) -> bool:
        """Whether the export will not change any more (`completed` or `failed`)."""

@final
class UploadPreview(Model):
    """What an uploaded file contains, to map its columns from before importing."""

    __match_args__ = ("upload_id", "columns", "rows", "total_rows")
    @property
    def upload_id(self) -> str:
        """`upl_...`: pass it to the import call."""
    @property
    def columns(self) -> Tuple[str, ...]:
        """Column names found in the file."""
    @property
    def rows(self) -> Tuple[Tuple[str, ...], ...]:
        """The first rows of the file, one string per column."""
    @property
    def total_rows(self) -> int:
        """How many data rows the file has."""

@final
class ImportRowError(Model):
    """One row of an import that was not imported."""

    __match_args__ = ("row", "error", "message")
    @property
    def row(self) -> int:
        """Row number in the file (1-based, over data rows)."""
    @property
    def error(self) -> str:
        """Machine-readable code, e.g. `validation_error`."""
    @property
    def message(self) -> str:
        """Human-readable reason."""

@final
class ImportResult(Model):
    """The outcome of an import."""

    __match_args__ = ("imported", "skipped", "errors")
    @property
    def imported(self) -> int:
        """Contacts created."""
    @property
    def skipped(self) -> int:
        """Rows not imported."""
    @property
    def errors(self) -> Tuple[ImportRowError, ...]:
        """Why rows were skipped."""

@final
class WebhookEventData(Model):
    """The subject of a webhook event."""

    __match_args__ = ("message_id", "campaign_id", "status", "to", "error")
    @property
    def message_id(self) -> Optional[str]:
        """The message, for `message.*` events."""
    @property
    def campaign_id(self) -> Optional[str]:
        """The campaign of the message, or of `campaign.*` events."""
    @property
    def status(self) -> Optional[str]:
        """The new status (`delivered`, `failed`, `completed`...)."""
    @property
    def to(self) -> Optional[str]:
        """The recipient, for message events."""
    @property
    def error(self) -> Any:
        """Why delivery failed, when it did."""

@final
class WebhookEvent(Model):
    """A delivery-status event that Zexa POSTs to a registered webhook URL."""

    __match_args__ = ("id", "type", "created_at", "data")
    @property
    def id(self) -> str:
        """`evt_...`: use it to ignore a redelivered event."""
    @property
    def type(self) -> WebhookEventType:
        """What happened (a type newer than this version comes as its text)."""
    @property
    def created_at(self) -> datetime:
        """When it happened (UTC)."""
    @property
    def data(self) -> WebhookEventData:
        """About which message or campaign."""

@final
class SmsCharacter(Model):
    """A user-perceived character that GSM-7 cannot carry (it made the text UCS-2), and where it is."""

    __match_args__ = ("character", "char_index", "byte_offset")
    @property
    def character(self) -> str:
        """The character as in the text: one or more code points (`"ç"`, an emoji sequence)."""
    @property
    def char_index(self) -> int:
        """Where it starts in the text, in code points: `text[char_index:].startswith(character)`."""
    @property
    def byte_offset(self) -> int:
        """Where it starts in the UTF-8 encoding of the text, in bytes."""

@final
class SmsSegments(Model):
    """How an SMS body is encoded and into how many billed segments it is split."""

    __match_args__ = ("encoding", "segments", "units", "per_segment", "unicode_characters")
    @property
    def encoding(self) -> Literal["GSM-7", "UCS-2"]:
        """`GSM-7` when every character is in the GSM 03.38 tables, `UCS-2` otherwise."""
    @property
    def segments(self) -> int:
        """How many segments the text is sent (and billed) in; 0 for an empty text."""
    @property
    def units(self) -> int:
        """GSM-7 septets (an extension-table character such as `€` counts 2), or UTF-16 units for UCS-2."""
    @property
    def per_segment(self) -> int:
        """Units a segment holds: 160 or 70 for a single SMS, 153 or 67 once split."""
    @property
    def unicode_characters(self) -> Tuple[SmsCharacter, ...]:
        """The characters that made the text UCS-2, in order (empty for GSM-7)."""

@final
class SmsReplacement(Model):
    """One change made by `sms_smart_encode`."""

    __match_args__ = ("original", "replacement", "char_index", "byte_offset")
    @property
    def original(self) -> str:
        """What the text had."""
    @property
    def replacement(self) -> str:
        """What it became (may be empty: a zero-width character is dropped)."""
    @property
    def char_index(self) -> int:
        """Where `original` starts in the original text, in code points."""
    @property
    def byte_offset(self) -> int:
        """Where `original` starts in the UTF-8 encoding of the original text, in bytes."""

@final
class SmsSmartEncoded(Model):
    """The result of `sms_smart_encode`: the new text and what was replaced."""

    __match_args__ = ("text", "replacements")
    @property
    def text(self) -> str:
        """The text with the replacements made."""
    @property
    def replacements(self) -> Tuple[SmsReplacement, ...]:
        """Every change, in order (empty when the text was left as it was)."""

@final
class CampaignPreview(Model):
    """What a campaign would use, computed without creating it (`client.campaigns.preview`)."""

    __match_args__ = ("contact_list_id", "channel", "recipients", "sms", "segments_per_message", "total_segments")
    @property
    def contact_list_id(self) -> str:
        """The audience."""
    @property
    def channel(self) -> Channel:
        """The channel it would send on."""
    @property
    def recipients(self) -> int:
        """How many contacts the list has now (one message each)."""
    @property
    def sms(self) -> Optional[SmsSegments]:
        """For SMS: the body's encoding and segments; `None` on other channels."""
    @property
    def segments_per_message(self) -> Optional[int]:
        """For SMS: segments each message is billed as; `None` on other channels."""
    @property
    def total_segments(self) -> Optional[int]:
        """For SMS: segments of the whole campaign (recipients x segments per message); `None` otherwise."""
