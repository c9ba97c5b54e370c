"""SMS segments, smart encoding, max_segments and the campaign preview."""

from __future__ import annotations

import pytest

import zexa
from conftest import Sandbox, ids

PT = "Informação: a sua encomenda chegou"


def test_segments_of_gsm_and_portuguese_text() -> None:
    plain = zexa.sms_segments("A sua encomenda chegou")
    assert isinstance(plain, zexa.SmsSegments)
    assert (plain.encoding, plain.segments, plain.units, plain.per_segment) == ("GSM-7", 1, 22, 160)
    assert plain.unicode_characters == ()

    pt = zexa.sms_segments(PT)
    assert (pt.encoding, pt.segments, pt.units, pt.per_segment) == ("UCS-2", 1, 34, 70)
    chars = pt.unicode_characters
    assert all(isinstance(c, zexa.SmsCharacter) for c in chars)
    assert [(c.character, c.char_index, c.byte_offset) for c in chars] == [("ç", 7, 7), ("ã", 8, 9)]
    for c in chars:
        assert PT[c.char_index :].startswith(c.character)
        assert PT.encode()[c.byte_offset :].startswith(c.character.encode())
    # `à é Ç É` are in GSM-7.
    assert zexa.sms_segments("Olà, é a Zexa. ÇÉ").encoding == "GSM-7"


@pytest.mark.parametrize(
    ("length", "gsm", "ucs2"),
    [(1, 1, 1), (70, 1, 1), (71, 1, 2), (134, 1, 2), (135, 1, 3), (160, 1, 3), (161, 2, 3), (306, 2, 5), (307, 3, 5)],
)
def test_boundaries(length: int, gsm: int, ucs2: int) -> None:
    assert zexa.sms_segments("a" * length).segments == gsm
    s = zexa.sms_segments("ç" + "a" * (length - 1))
    assert (s.encoding, s.units, s.segments) == ("UCS-2", length, ucs2)


def test_empty_text_and_extension_characters() -> None:
    empty = zexa.sms_segments("")
    assert (empty.encoding, empty.segments, empty.units) == ("GSM-7", 0, 0)
    for c in "\f^{}\\[~]|€":
        assert zexa.sms_segments(c).units == 2, c
    # 160 characters, 161 septets.
    assert zexa.sms_segments("a" * 159 + "€").segments == 2
    # The escaped pair does not fit in the 1 septet left in part 1.
    assert zexa.sms_segments("a" * 152 + "€" + "a" * 152).segments == 3


def test_emoji_and_combining_marks_are_never_split() -> None:
    family = "👨\u200d👩\u200d👧"
    s = zexa.sms_segments(f"Olá {family}👍🏽🇦🇴")
    assert [c.character for c in s.unicode_characters] == ["á", family, "👍🏽", "🇦🇴"]
    assert s.units == 4 + 8 + 4 + 4
    # A surrogate pair at the boundary: 66 units, then the emoji starts part 2.
    assert zexa.sms_segments("ç" + "a" * 65 + "😀" + "a" * 66).segments == 3
    assert zexa.sms_segments("ç" + "a" * 66 + "😀" + "a" * 65).segments == 2
    decomposed = zexa.sms_segments("e\u0301")
    assert (decomposed.encoding, decomposed.units) == ("UCS-2", 2)
    assert zexa.sms_segments("é").encoding == "GSM-7"
    assert zexa.sms_segments("ç" + "a" * 65 + "e\u0301" + "a" * 66).segments == 3


def test_smart_encode_replaces_look_alikes_only() -> None:
    text = "“Promoção” — 20%\u00a0off… hoje\u200b!"
    smart = zexa.sms_smart_encode(text)
    assert isinstance(smart, zexa.SmsSmartEncoded)
    assert smart.text == '"Promoção" - 20% off... hoje!'
    first = smart.replacements[0]
    assert isinstance(first, zexa.SmsReplacement)
    assert (first.original, first.replacement, first.char_index, first.byte_offset) == ("“", '"', 0, 0)
    assert [r.replacement for r in smart.replacements] == ['"', '"', "-", " ", "...", ""]
    for r in smart.replacements:
        assert text[r.char_index :].startswith(r.original)


def test_transliteration_is_opt_in() -> None:
    assert zexa.sms_smart_encode(PT).text == PT
    assert zexa.sms_smart_encode(PT).replacements == ()
    smart = zexa.sms_smart_encode(PT, transliterate=True)
    assert smart.text == "Informacao: a sua encomenda chegou"
    assert [(r.original, r.replacement, r.char_index) for r in smart.replacements] == [("ç", "c", 7), ("ã", "a", 8)]
    assert zexa.sms_segments(smart.text).encoding == "GSM-7"
    assert zexa.sms_smart_encode("É já", transliterate=True).text == "É ja"


def test_models_are_frozen_and_round_trip() -> None:
    s = zexa.sms_segments(PT)
    assert s.to_dict()["encoding"] == "UCS-2"
    assert zexa.SmsSegments.from_dict(s.to_dict()) == s
    assert "UCS-2" in repr(s)
    with pytest.raises(AttributeError):
        s.segments = 3


def test_send_over_max_segments_is_refused_and_nothing_is_sent(client: zexa.Client, sandbox: Sandbox) -> None:
    before = sandbox.requests()
    body = PT * 3
    with pytest.raises(zexa.InvalidInputError) as raised:
        client.messages.send(channel="sms", to="+244912000001", sender_id="ZEXA", body=body, max_segments=1)
    message = str(raised.value)
    assert "2 SMS segments in UCS-2" in message
    assert '"ç" at character 7' in message
    assert sandbox.requests() == before
    sent = client.messages.send(channel="sms", to="+244912000001", sender_id="ZEXA", body=body, max_segments=2)
    assert sent.id.startswith("msg_")
    with pytest.raises(zexa.InvalidInputError, match="max_segments"):
        client.messages.send(channel="sms", to="+244912000001", sender_id="ZEXA", body="hi", max_segments=0)
    with pytest.raises(zexa.InvalidInputError, match="max_segments"):
        client.messages.send(channel="sms", to="+244912000001", sender_id="ZEXA", body="hi", max_segments=-1)


def _audience(client: zexa.Client, n: int) -> zexa.ContactList:
    lst = client.contact_lists.create(name="Preview")
    contacts = [client.contacts.create(name=f"P{i}", phone=f"+24493100000{i}") for i in range(n)]
    client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=ids(contacts))
    return lst


def test_campaign_over_max_segments_is_refused(client: zexa.Client, sandbox: Sandbox) -> None:
    lst = _audience(client, 2)
    before = sandbox.requests()
    with pytest.raises(zexa.InvalidInputError, match="3 SMS segments in GSM-7"):
        client.campaigns.create(
            name="Long", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="a" * 307, max_segments=2
        )
    assert sandbox.requests() == before
    assert len(client.campaigns.list().data) == 0


def test_preview_counts_with_one_request_and_creates_nothing(client: zexa.Client, sandbox: Sandbox) -> None:
    lst = _audience(client, 3)
    before = sandbox.requests()
    preview = client.campaigns.preview(lst.id, "sms", PT * 3)
    assert sandbox.requests() == before + 1
    assert isinstance(preview, zexa.CampaignPreview)
    assert (preview.contact_list_id, preview.channel, preview.recipients) == (lst.id, "sms", 3)
    assert preview.segments_per_message == 2 and preview.total_segments == 6
    assert preview.sms is not None and preview.sms.encoding == "UCS-2"
    assert [c.character for c in preview.sms.unicode_characters][:2] == ["ç", "ã"]
    assert len(client.campaigns.list().data) == 0

    email = client.campaigns.preview(lst.id, "email", "Hello")
    assert email.recipients == 3
    assert (email.sms, email.segments_per_message, email.total_segments) == (None, None, None)

    with pytest.raises(zexa.NotFoundError):
        client.campaigns.preview("lst_missing", "sms", "hi")
    with pytest.raises(zexa.InvalidInputError):
        client.campaigns.preview(lst.id, "sms", "")
