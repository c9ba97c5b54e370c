"""SMS segments and cost, computed locally by the Rust core before anything is sent.

Carriers carry an SMS in segments, and SMS APIs bill per segment: 160 GSM-7 characters in one
SMS (153 per part once split), but 70 (67 per part) as soon as one character is outside the
GSM 03.38 alphabet. In Portuguese ``á â ã ç ê í ó ô õ ú`` are outside it, so
``"Informação: a sua encomenda chegou"`` is billed like a message of emoji.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from . import _native
from ._models import Field, Model

__all__ = [
    "SmsCharacter",
    "SmsSegments",
    "SmsReplacement",
    "SmsSmartEncoded",
    "CampaignPreview",
    "sms_segments",
    "sms_smart_encode",
]


class SmsCharacter(Model):
    """A user-perceived character that GSM-7 cannot carry (it made the text UCS-2), and where it is."""

    __slots__ = ()
    _core = "SmsCharacter"
    _repr_fields = ("character", "char_index")
    character: Field[str] = Field("character")
    """The character as in the text: one or more code points (``"ç"``, ``"e\\u0301"``, an emoji sequence)."""
    char_index: Field[int] = Field("char_index")
    """Where it starts in the text, in code points: ``text[char_index:].startswith(character)``."""
    byte_offset: Field[int] = Field("byte_offset")
    """Where it starts in the UTF-8 encoding of the text, in bytes."""


def _characters(items: List[Any]) -> Tuple[SmsCharacter, ...]:
    return tuple(SmsCharacter(item) for item in items)


class SmsSegments(Model):
    """How an SMS body is encoded and into how many billed segments it is split."""

    __slots__ = ()
    _core = "SmsSegments"
    _repr_fields = ("encoding", "segments", "units")
    encoding: Field[str] = Field("encoding")
    """``"GSM-7"`` when every character is in the GSM 03.38 tables, ``"UCS-2"`` otherwise."""
    segments: Field[int] = Field("segments")
    """How many segments the text is sent (and billed) in; 0 for an empty text."""
    units: Field[int] = Field("units")
    """GSM-7 septets (an extension-table character such as ``€`` counts 2), or UTF-16 units for UCS-2."""
    per_segment: Field[int] = Field("per_segment")
    """Units a segment holds: 160 or 70 for a single SMS, 153 or 67 once split."""
    unicode_characters: Field[Tuple[SmsCharacter, ...]] = Field("unicode_characters", _characters)
    """The characters that made the text UCS-2, in order (empty for GSM-7)."""


class SmsReplacement(Model):
    """One change made by ``sms_smart_encode``."""

    __slots__ = ()
    _core = "SmsReplacement"
    _repr_fields = ("original", "replacement", "char_index")
    original: Field[str] = Field("original")
    """What the text had."""
    replacement: Field[str] = Field("replacement")
    """What it became (may be empty: a zero-width character is dropped)."""
    char_index: Field[int] = Field("char_index")
    """Where ``original`` starts in the original text, in code points."""
    byte_offset: Field[int] = Field("byte_offset")
    """Where ``original`` starts in the UTF-8 encoding of the original text, in bytes."""


def _replacements(items: List[Any]) -> Tuple[SmsReplacement, ...]:
    return tuple(SmsReplacement(item) for item in items)


class SmsSmartEncoded(Model):
    """The result of ``sms_smart_encode``: the new text and what was replaced."""

    __slots__ = ()
    _core = "SmsSmartEncoded"
    _repr_fields = ("text",)
    text: Field[str] = Field("text")
    """The text with the replacements made."""
    replacements: Field[Tuple[SmsReplacement, ...]] = Field("replacements", _replacements)
    """Every change, in order (empty when the text was left as it was)."""


class CampaignPreview(Model):
    """What a campaign would use, computed without creating it (``client.campaigns.preview``)."""

    __slots__ = ()
    _core = "CampaignPreview"
    _repr_fields = ("recipients", "segments_per_message", "total_segments")
    contact_list_id: Field[str] = Field("contact_list_id")
    """The audience."""
    channel: Field[str] = Field("channel")
    """The channel it would send on."""
    recipients: Field[int] = Field("recipients")
    """How many contacts the list has now (one message each)."""
    sms: Field[Optional[SmsSegments]] = Field("sms", SmsSegments)
    """For SMS: the body's encoding and segments; ``None`` on other channels."""
    segments_per_message: Field[Optional[int]] = Field("segments_per_message")
    """For SMS: segments each message is billed as; ``None`` on other channels."""
    total_segments: Field[Optional[int]] = Field("total_segments")
    """For SMS: segments of the whole campaign (recipients x segments per message); ``None`` otherwise."""


def sms_segments(text: str) -> SmsSegments:
    """The encoding and billed segments of an SMS body, as carriers count them (GSM 03.38).

    GSM-7 when every character is in the default alphabet or its extension table (``^ { } \\ [ ~ ] | €``
    and form feed count 2), UCS-2 otherwise; ``unicode_characters`` says which characters forced
    it. A user-perceived character (an emoji sequence, a flag, a letter with its combining marks)
    is never split across segments; CR LF counts 2.

    >>> zexa.sms_segments("Informação: a sua encomenda chegou").encoding  # doctest: +SKIP
    'UCS-2'
    """
    return _native.sms_segments(text)


def sms_smart_encode(text: str, transliterate: bool = False) -> SmsSmartEncoded:
    """``text`` with look-alikes that keep its meaning, so that it can go as GSM-7 where possible.

    Curly quotes become straight ones, en and em dashes ``-``, the ellipsis ``...``, non-breaking
    and other spaces a space; zero-width characters are dropped; a letter written with combining
    marks becomes the same precomposed letter when GSM-7 has it. ``replacements`` lists every change.

    ``transliterate=True`` also turns accented letters that GSM-7 lacks into their base letters
    (``ç`` -> ``c``, ``ã`` -> ``a``). That changes the text (the words are misspelt), so it is opt-in.
    """
    return _native.sms_smart_encode(text, transliterate)
