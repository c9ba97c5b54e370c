"""Models over the core's decoded models (native records): fields read one at a time, the same
behaviour as a model built from a dict, and the native constructor refusing foreign classes."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timezone

import pytest

import zexa
from zexa import _native

EVENT = (
    b'{"id":"evt_1","type":"message.delivered","created_at":"2026-06-24T10:00:00Z",'
    b'"data":{"message_id":"msg_1","status":"delivered","attempt":2},"livemode":false}'
)


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


def test_to_dict_is_a_new_dict_each_time(client: zexa.Client) -> None:
    contact = client.contacts.create(name="Rui", phone="+351912000002", lists=[])
    first = contact.to_dict()
    first["name"] = "changed"
    first["lists"].append("lst_x")
    assert contact.name == "Rui" and contact.to_dict()["lists"] == [] and contact.lists == ()


def test_converted_fields_are_kept_and_plain_ones_read_again(client: zexa.Client) -> None:
    contact = client.contacts.create(name="Eva", phone="+244912000003", lists=[])
    assert contact.created_at is contact.created_at
    assert contact.lists is contact.lists
    assert contact.phone == contact.phone == "+244912000003"


def test_copy_and_pickle_give_equal_models(client: zexa.Client) -> None:
    contact = client.contacts.create(name="Ivo", phone="+244912000004")
    for other in (pickle.loads(pickle.dumps(contact)), copy.copy(contact), copy.deepcopy(contact)):
        assert other == contact and type(other) is zexa.Contact and other.phone == contact.phone


def test_a_record_reads_known_and_unknown_fields() -> None:
    record = _native.parse_webhook_event(EVENT)
    assert record.get("type") == "message.delivered"
    assert record.get("livemode") is False, "an unknown field is kept"
    assert record.get("no_such_field") is None and record.get("no_such_field", 7) == 7
    data = record.to_dict()["data"]
    assert (data["message_id"], data["status"], data["attempt"]) == ("msg_1", "delivered", 2)
    event = zexa.WebhookEvent._of(record)
    assert event.created_at == datetime(2026, 6, 24, 10, tzinfo=timezone.utc)
    assert event.data.status == "delivered" and event.data.to is None


def test_the_native_constructor_takes_only_model_classes(client: zexa.Client) -> None:
    record = _native.parse_webhook_event(EVENT)
    for cls in (dict, object, _native.NativeClient, zexa.Page):
        with pytest.raises(TypeError):
            _native.model_of(cls, record)
    page = client.contacts.list()
    with pytest.raises(TypeError):
        page._native.models(_native.Record)
    assert isinstance(_native.model_of(zexa.WebhookEvent, record), zexa.WebhookEvent)
