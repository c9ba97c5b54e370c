"""The models: one frozen native class per core model, holding the core's decoded value.

Fields read the core struct, timestamps are aware UTC datetimes, equality and hashing come from
the core's values, ``repr`` shows every set field, ``to_dict``/``to_json`` round trip with the
unknown fields (also in ``extra``), ``from_dict`` is checked as a response is, and they pickle."""

from __future__ import annotations

import copy
import json
import pickle
import pydoc
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, Dict, get_args

import pytest

import zexa

EVENT = (
    b'{"id":"evt_1","type":"message.delivered","created_at":"2026-06-24T10:00:00Z",'
    b'"data":{"message_id":"msg_1","status":"delivered","attempt":2},"livemode":false}'
)
CONTACT: Dict[str, Any] = {"id": "cnt_1", "name": "M", "phone": "+244912345678", "created_at": "2026-06-24T10:00:00Z"}
MODELS = [getattr(zexa, name) for name in zexa._models.__all__ if name != "Model"]


def test_a_page_item_equals_the_single_get_and_its_dict_twin(client: zexa.Client) -> None:
    created = client.contacts.create(name="Ana", phone="+244912000001", custom_fields={"city": "Luanda"})
    [listed] = [c for c in client.contacts.list(per_page=100) if c.id == created.id]
    fetched = client.contacts.get(created.id)
    twin = zexa.Contact.from_dict(fetched.to_dict())
    assert listed == fetched == twin
    assert hash(listed) == hash(fetched) == hash(twin)
    assert listed.to_dict() == fetched.to_dict() == twin.to_dict()
    assert listed.custom_fields == {"city": "Luanda"} and listed.email is None
    assert listed.created_at == fetched.created_at and listed.created_at.tzinfo == timezone.utc


def test_every_model_is_a_frozen_native_class() -> None:
    for cls in MODELS:
        assert issubclass(cls, zexa.Model) and cls.__module__ == "zexa"
        assert all(isinstance(name, str) for name in cls.__match_args__)
    contact = zexa.Contact.from_dict(CONTACT)
    with pytest.raises(AttributeError):
        contact.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del contact.name  # type: ignore[misc]
    with pytest.raises(AttributeError):
        contact.nickname = "x"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        contact.creatd_at  # type: ignore[attr-defined]  # a misspelt field is an error, not None
    with pytest.raises(TypeError):

        class Vip(zexa.Contact):  # type: ignore[misc]  # final
            pass

    with pytest.raises(TypeError):
        zexa.Contact(CONTACT)  # type: ignore[call-arg]  # from_dict builds models
    with pytest.raises(TypeError, match="abstract"):
        zexa.Model.from_dict(CONTACT)


def test_help_shows_each_field_with_its_type_and_doc() -> None:
    rendered = pydoc.render_doc(zexa.Contact, renderer=pydoc.plaintext)
    text = "\n".join(line.lstrip(" |") for line in rendered.splitlines())
    assert "A contact: a recipient" in text
    assert "\nemail\nOptional[str]: Email address, if any.\n" in text
    assert "\ncreated_at\ndatetime: Creation time (UTC).\n" in text
    assert "\nphone\nstr: Phone number in E.164 (`+244912345678`).\n" in text
    for cls in MODELS:
        for name in cls.__match_args__:
            doc = vars(cls)[name].__doc__
            assert doc and ": " in doc and "\n" not in doc, f"{cls.__name__}.{name}: {doc!r}"


def test_repr_shows_every_set_field() -> None:
    contact = zexa.Contact.from_dict({**CONTACT, "lists": ["lst_1"], "valid": True, "tier": "gold"})
    assert repr(contact) == (
        "Contact(id='cnt_1', name='M', phone='+244912345678', lists=('lst_1',), valid=True, "
        "created_at=datetime.datetime(2026, 6, 24, 10, 0, tzinfo=datetime.timezone.utc), extra={'tier': 'gold'})"
    )
    event = zexa.parse_webhook_event(EVENT)
    assert "data=WebhookEventData(message_id='msg_1', status='delivered', extra={'attempt': 2})" in repr(event)
    bad = zexa.Contact.from_dict({**CONTACT, "created_at": "yesterday"})
    assert "created_at='yesterday'" in repr(bad), "a bad timestamp shows as received"
    segments = zexa.sms_segments("hi")
    assert repr(segments) == "SmsSegments(encoding='GSM-7', segments=1, units=2, per_segment=160, unicode_characters=())"


def test_equality_and_hash_come_from_the_core_values() -> None:
    a = zexa.Contact.from_dict({**CONTACT, "custom_fields": {"a": "1", "b": "2"}, "x": {"p": 1, "q": [1, 2]}})
    b = zexa.Contact.from_dict({**CONTACT, "x": {"q": [1, 2], "p": 1}, "custom_fields": {"b": "2", "a": "1"}})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != zexa.Contact.from_dict({**CONTACT, "x": {"p": 2, "q": [1, 2]}}), "unknown fields count"
    assert a != zexa.Contact.from_dict(CONTACT) and a != CONTACT and a != "cnt_1"
    assert zexa.Credits.from_dict({"balance": 1, "currency": "AOA"}) == zexa.Credits.from_dict(
        {"balance": 1.0, "currency": "AOA"}
    )
    list_ = zexa.ContactList.from_dict({"id": "cnt_1", "name": "M", "created_at": CONTACT["created_at"]})
    assert list_ != zexa.Contact.from_dict(CONTACT)


def test_to_dict_and_to_json_round_trip_with_unknown_fields() -> None:
    event = zexa.parse_webhook_event(EVENT)
    # The core writes the data fields it models, null when absent.
    expected = json.loads(EVENT)
    expected["data"].update(campaign_id=None, to=None, error=None)
    assert event.to_dict() == expected and json.loads(event.to_json()) == expected
    assert zexa.WebhookEvent.from_json(event.to_json()) == event
    assert zexa.WebhookEvent.from_json(event.to_json().encode()) == event
    assert zexa.WebhookEvent.from_dict(event.to_dict()) == event
    assert event.extra == {"livemode": False} and event.data.extra == {"attempt": 2}
    assert zexa.sms_segments("hi").extra == {}, "a model without unknown fields"
    first = event.to_dict()
    first["data"]["status"] = "changed"
    first["livemode"] = True
    extra = event.extra
    extra["livemode"] = True
    assert event.data.status == "delivered" and event.to_dict()["livemode"] is False and event.extra == {"livemode": False}
    message = zexa.Message.from_dict(
        {"id": "msg_1", "status": "queued", "channel": "sms", "to": "+1", "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}
    )
    assert message.sender_id == "ZEXA" and message.to_dict()["from"] == "ZEXA" and "sender_id" not in message.to_dict()


def test_nested_models_and_tuples() -> None:
    result = zexa.ImportResult.from_dict(
        {"imported": 1, "skipped": 1, "errors": [{"row": 2, "error": "validation_error", "message": "bad phone"}]}
    )
    [error] = result.errors
    assert type(result.errors) is tuple and type(error) is zexa.ImportRowError
    assert (error.row, error.error, error.message) == (2, "validation_error", "bad phone")
    preview = zexa.UploadPreview.from_dict({"upload_id": "upl_1", "columns": ["a", "b"], "rows": [["1", "2"]], "total_rows": 1})
    assert preview.columns == ("a", "b") and preview.rows == (("1", "2"),)


def test_timestamps_are_aware_utc_datetimes() -> None:
    campaign = zexa.Campaign.from_dict(
        {
            "id": "cmp_1",
            "name": "n",
            "status": "completed",
            "channel": "sms",
            "created_at": "2026-06-24T10:00:00.123456789+01:00",
            "sent_at": "2026-06-24T10:00:01z",
            "completed_at": "2026-06-24T10:00:02",
        }
    )
    assert campaign.created_at == datetime(2026, 6, 24, 9, 0, 0, 123456, tzinfo=timezone.utc)
    assert campaign.created_at.utcoffset() == timedelta(0) and campaign.created_at.tzinfo is timezone.utc
    assert campaign.sent_at == datetime(2026, 6, 24, 10, 0, 1, tzinfo=timezone.utc)
    assert campaign.completed_at == datetime(2026, 6, 24, 10, 0, 2, tzinfo=timezone.utc), "no offset: UTC"
    assert campaign.is_final and campaign.total_recipients == 0
    assert campaign.to_dict()["created_at"] == "2026-06-24T10:00:00.123456789+01:00", "kept as received"
    with pytest.raises(zexa.DecodeError, match="yesterday"):
        zexa.Contact.from_dict({**CONTACT, "created_at": "yesterday"}).created_at


def test_from_dict_is_checked_like_a_response() -> None:
    contact = zexa.Contact.from_dict(CONTACT)
    assert contact == zexa.Contact.from_dict(MappingProxyType(CONTACT))
    assert contact.to_dict() == CONTACT and contact.email is None
    with pytest.raises(zexa.DecodeError, match="missing field `phone`"):
        zexa.Contact.from_dict({"id": "cnt_1", "name": "M", "created_at": "2026-06-24T10:00:00Z"})
    with pytest.raises(zexa.DecodeError, match="not a valid Contact"):
        zexa.Contact.from_dict({**CONTACT, "lists": "lst_1"})
    with pytest.raises(zexa.DecodeError):
        zexa.Contact.from_dict({**CONTACT, "valid": "yes"})
    with pytest.raises(zexa.DecodeError):
        zexa.Contact.from_json("{")
    with pytest.raises(TypeError, match="mapping"):
        zexa.Contact.from_dict(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zexa.Contact.from_dict({**CONTACT, "x": object()})
    with pytest.raises(TypeError):
        zexa.Contact.from_dict()  # type: ignore[call-arg]


def test_copy_and_pickle_give_equal_models() -> None:
    contact = zexa.Contact.from_dict({**CONTACT, "tier": "gold"})
    assert copy.copy(contact) is contact and copy.deepcopy(contact) is contact, "immutable"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        other = pickle.loads(pickle.dumps(contact, protocol))
        assert other == contact and type(other) is zexa.Contact and other.extra == {"tier": "gold"}
    event = zexa.parse_webhook_event(EVENT)
    assert pickle.loads(pickle.dumps(event)) == event


def test_channels_and_statuses_have_literal_types_of_the_core_values() -> None:
    def values(alias: Any) -> list[str]:
        return [get_args(member)[0] for member in get_args(alias)]

    assert values(zexa._models.Channel) == ["sms", "whatsapp", "telegram", "email", "slack"]
    assert "completed" in values(zexa._models.CampaignStatus) and "undelivered" in values(zexa._models.MessageStatus)
    assert vars(zexa.Campaign)["status"].__doc__.startswith("CampaignStatus: ")
    assert vars(zexa.Message)["channel"].__doc__.startswith("Channel: ")
    assert vars(zexa.WebhookEvent)["type"].__doc__.startswith("WebhookEventType: ")
    stub = (Path(zexa.__file__).parent / "_models.pyi").read_text()
    assert 'Channel = Literal["sms", "whatsapp", "telegram", "email", "slack"]' in stub
    assert "    def status(self) -> CampaignStatus:" in stub
    paused = zexa.Campaign.from_dict(
        {"id": "c", "name": "n", "status": "paused", "channel": "pigeon", "created_at": "2026-06-24T10:00:00Z"}
    )
    assert (paused.status, paused.channel, paused.is_final) == ("paused", "pigeon", False), "newer values are kept"


def test_the_stubs_are_generated_from_the_classes() -> None:
    tool = Path(__file__).resolve().parent.parent / "tools" / "model_stubs.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
