"""SMS segments and cost, computed locally by the Rust core before anything is sent.

Carriers carry an SMS in segments, and SMS APIs bill per segment: 160 GSM-7 characters in one
SMS (153 per part once split), but 70 (67 per part) as soon as one character is outside the
GSM 03.38 alphabet. In Portuguese ``á â ã ç ê í ó ô õ ú`` are outside it, so
``"Informação: a sua encomenda chegou"`` is billed like a message of emoji.
"""

from __future__ import annotations

from . import _native
from ._models import CampaignPreview, SmsCharacter, SmsReplacement, SmsSegments, SmsSmartEncoded

__all__ = [
    "SmsCharacter",
    "SmsSegments",
    "SmsReplacement",
    "SmsSmartEncoded",
    "CampaignPreview",
    "sms_segments",
    "sms_smart_encode",
]


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
