"""Models over the core's decoded models (the native ``Record`` base): fields read one at a time,
pages and single calls alike, and models built by hand decoded like those from the API."""

from __future__ import annotations

import copy
import pickle
from types import MappingProxyType
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


def test_a_model_keeps_unknown_fields() -> None:
    event = zexa.parse_webhook_event(EVENT)
    assert type(event) is zexa.WebhookEvent and event.type == "message.delivered"
    assert event.to_dict()["livemode"] is False, "an unknown field is kept"
    data = event.to_dict()["data"]
    assert (data["message_id"], data["status"], data["attempt"]) == ("msg_1", "delivered", 2)
    assert event.created_at == datetime(2026, 6, 24, 10, tzinfo=timezone.utc)
    assert type(event.data) is zexa.WebhookEventData
    assert event.data.status == "delivered" and event.data.to is None


CONTACT = {"id": "cnt_1", "name": "M", "phone": "+244912345678", "created_at": "2026-06-24T10:00:00Z"}


def test_a_model_built_by_hand_is_decoded_like_one_from_the_api() -> None:
    contact = zexa.Contact(CONTACT)
    assert contact == zexa.Contact.from_dict(MappingProxyType(CONTACT))
    assert contact.to_dict() == CONTACT and contact.email is None
    with pytest.raises(zexa.DecodeError, match="phone"):
        zexa.Contact({"id": "cnt_1", "name": "M", "created_at": "2026-06-24T10:00:00Z"})
    with pytest.raises(zexa.DecodeError):
        zexa.Contact({**CONTACT, "lists": "lst_1"})
    with pytest.raises(TypeError):
        zexa.Contact(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zexa.Contact()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        zexa.Model(CONTACT)


def test_only_model_classes_are_registered() -> None:
    with pytest.raises(TypeError):
        _native.register_model(dict)  # type: ignore[arg-type]
    with pytest.raises(TypeError):

        class Unknown(zexa.Model):
            __slots__ = ()
            _core = "Nonsense"


def test_a_user_subclass_builds_its_own_instances_and_takes_over_nothing(client: zexa.Client) -> None:
    class VipContact(zexa.Contact):
        __slots__ = ()

    vip = VipContact(CONTACT)
    assert type(vip) is VipContact and vip.phone == CONTACT["phone"]
    created = client.contacts.create(name="Vera", phone="+244912000005")
    assert type(created) is zexa.Contact


def test_a_field_reads_only_models() -> None:
    with pytest.raises(TypeError):
        zexa.Contact.phone.__get__(object())  # type: ignore[call-overload]
