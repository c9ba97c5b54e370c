"""Threads, the GIL, logging, models, options, the escape hatch, helpers."""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from typing import List

import pytest

import zexa
from conftest import API_KEY, Sandbox

EVENT = (
    b'{"id":"evt_1","type":"message.delivered","created_at":"2026-06-24T10:00:00Z",'
    b'"data":{"message_id":"msg_1","campaign_id":null,"status":"delivered","to":"+244912345678",'
    b'"error":null,"attempt":2},"livemode":false}'
)


def test_eight_threads_share_one_client(client: zexa.Client) -> None:
    errors: List[BaseException] = []
    created: List[str] = []
    lock = threading.Lock()

    def work(t: int) -> None:
        try:
            for i in range(10):
                c = client.contacts.create(name=f"T{t}-{i}", phone=f"+2449{t:02d}{i:06d}")
                assert client.contacts.get(c.id) == c
                with lock:
                    created.append(c.id)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(created)) == 80
    assert client.contacts.list().total == 80


def _count_during(action) -> tuple:  # type: ignore[no-untyped-def]
    counter = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            counter[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    try:
        time.sleep(0.05)
        before, started = counter[0], time.perf_counter()
        action()
        return counter[0] - before, time.perf_counter() - started
    finally:
        stop.set()
        thread.join()


def test_gil_is_released_during_calls(client: zexa.Client, sandbox: Sandbox) -> None:
    baseline, slept = _count_during(lambda: time.sleep(0.5))  # time.sleep releases the GIL
    sandbox.fault(kind="delay", ms=500, path="/credits")
    during, took = _count_during(client.credits.get)
    assert took >= 0.45
    assert during > 0.25 * baseline * (took / slept), (during, baseline)


def test_gil_is_released_while_paging_and_waiting(client: zexa.Client, sandbox: Sandbox) -> None:
    for i in range(3):
        client.contacts.create(name=f"P{i}", phone=f"+24491000000{i}")
    page = client.contacts.list(per_page=2)
    baseline, slept = _count_during(lambda: time.sleep(0.5))
    sandbox.fault(kind="delay", ms=500, path="/contacts")
    during, took = _count_during(page.next_page)
    assert took >= 0.45 and during > 0.25 * baseline * (took / slept)


def test_logging_reaches_python(client: zexa.Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="zexa")
    client.credits.get()
    records = [r for r in caplog.records if r.name == "zexa"]
    assert any("GET /credits" in r.getMessage() and r.levelno == logging.DEBUG for r in records)
    assert all(API_KEY not in r.getMessage() for r in caplog.records)


def test_a_log_level_change_applies_from_the_next_call(
    client: zexa.Client, caplog: pytest.LogCaptureFixture
) -> None:
    def debug_records() -> int:
        return sum(1 for r in caplog.records if r.name == "zexa" and r.levelno == logging.DEBUG)

    caplog.set_level(logging.WARNING, logger="zexa")
    client.credits.get()
    assert debug_records() == 0
    caplog.set_level(logging.DEBUG, logger="zexa")
    client.credits.get()
    assert debug_records() == 1
    caplog.set_level(logging.INFO, logger="zexa")
    client.credits.get()
    assert debug_records() == 1


def test_retry_warning_is_logged(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="zexa")
    sandbox.fault(kind="status", status=503)
    sandbox.client(max_retries=1).credits.get()
    assert any(r.name == "zexa" and r.levelno == logging.WARNING for r in caplog.records)


def test_with_options(client: zexa.Client, sandbox: Sandbox) -> None:
    fast = client.with_options(timeout=0.3)
    assert fast.timeout == pytest.approx(0.3) and fast.max_retries == client.max_retries
    assert client.timeout == 30.0
    retrying = client.with_options(max_retries=2)
    assert retrying.max_retries == 2 and client.max_retries == 0
    assert retrying.base_url == client.base_url
    sandbox.fault(kind="delay", ms=2000)
    with pytest.raises(zexa.APITimeoutError):
        fast.credits.get()
    sandbox.fault(kind="status", status=500)
    assert retrying.credits.get().currency
    with pytest.raises(zexa.InvalidInputError):
        client.with_options(timeout=0)


def test_request_escape_hatch(client: zexa.Client) -> None:
    credits = client.request("GET", "/credits")
    assert isinstance(credits, dict) and credits["balance"] == client.credits.get().balance
    created = client.request("POST", "/contacts", json={"name": "Raw", "phone": "+244912345670"})
    assert created["id"].startswith("cnt_")
    page = client.request("get", "/contacts", query={"name": "Raw", "per_page": 10, "valid": True})
    assert [c["id"] for c in page["data"]] == [created["id"]]
    assert client.request("DELETE", f"/contacts/{created['id']}") is None
    with pytest.raises(zexa.NotFoundError):
        client.request("GET", f"/contacts/{created['id']}")
    with pytest.raises(zexa.InvalidInputError):
        client.request("GET", "credits")
    with pytest.raises(zexa.InvalidInputError):
        client.request("FETCH", "/credits")


def test_models(client: zexa.Client) -> None:
    contact = client.contacts.create(name="Maria", phone="+244912345678")
    same = client.contacts.get(contact.id)
    assert contact == same and hash(contact) == hash(same)
    assert contact != client.contacts.update(contact.id, name="Other")
    assert repr(contact).startswith(f"Contact(id={contact.id!r}, name='Maria', phone='+244912345678', ")
    with pytest.raises(AttributeError):
        contact.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del contact.name  # type: ignore[misc]
    data = contact.to_dict()
    assert data["id"] == contact.id and data["created_at"].endswith("Z")
    data["name"] = "changed"
    assert contact.name == "Maria" and contact.to_dict()["name"] == "Maria"
    assert zexa.Contact.from_dict(contact.to_dict()) == contact
    assert pickle.loads(pickle.dumps(contact)) == contact
    assert contact.created_at.tzinfo == timezone.utc


def test_model_keeps_unknown_fields_and_values() -> None:
    event = zexa.parse_webhook_event(EVENT)
    assert isinstance(event, zexa.WebhookEvent) and event.type == "message.delivered"
    assert event.created_at == datetime(2026, 6, 24, 10, tzinfo=timezone.utc)
    assert event.data.message_id == "msg_1" and event.data.campaign_id is None
    assert event.to_dict()["livemode"] is False
    assert event.to_dict()["data"]["attempt"] == 2
    assert repr(event).startswith("WebhookEvent(id='evt_1', type='message.delivered', created_at=datetime.")
    assert "extra={'livemode': False}" in repr(event)
    assert zexa.parse_webhook_event(EVENT.decode()) == event
    future = EVENT.replace(b"message.delivered", b"message.read")
    assert zexa.parse_webhook_event(future).type == "message.read"
    campaign = zexa.Campaign.from_dict(
        {
            "id": "cmp_1",
            "name": "n",
            "status": "paused",
            "channel": "carrier-pigeon",
            "total_recipients": 1,
            "created_at": "2026-06-24T10:00:00.123456789+01:00",
            "sent_at": None,
        }
    )
    assert campaign.status == "paused" and campaign.channel == "carrier-pigeon" and not campaign.is_final
    assert campaign.created_at == datetime(2026, 6, 24, 9, 0, 0, 123456, tzinfo=timezone.utc)
    assert campaign.sent_at is None and campaign.completed_at is None


def test_fields_convert_when_read_and_a_bad_timestamp_is_a_decode_error() -> None:
    contact = zexa.Contact.from_dict(
        {"id": "cnt_1", "name": "M", "phone": "+244912345678", "lists": ["lst_1"], "created_at": "yesterday"}
    )
    assert contact.id == "cnt_1" and contact.lists == ("lst_1",)
    assert contact.lists == contact.lists == ("lst_1",), "read from the core model at each access"
    with pytest.raises(zexa.DecodeError):
        contact.created_at
    with pytest.raises(AttributeError):
        contact.no_such_field  # type: ignore[attr-defined]


def test_client_repr_has_no_key(sandbox: Sandbox) -> None:
    with sandbox.client(api_key="zx_super_secret") as client:
        assert "zx_super_secret" not in repr(client)
        assert "zx_super_secret" not in repr(client.contacts)
        assert sandbox.url in repr(client)


def test_to_e164() -> None:
    assert zexa.to_e164("0912 345 678", "244") == "+244912345678"
    assert zexa.to_e164("912345678", 244) == "+244912345678"
    assert zexa.to_e164("00351 912 345 678") == "+351912345678"
    assert zexa.to_e164("+1 (415) 555-0100") == "+14155550100"
    with pytest.raises(zexa.InvalidInputError):
        zexa.to_e164("0912345678")
    with pytest.raises(zexa.InvalidInputError):
        zexa.to_e164("12ab34", "244")


def test_import_is_fast_and_offline() -> None:
    code = "import time; t = time.perf_counter(); import zexa; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 1.0


def test_page_repr_and_types(client: zexa.Client) -> None:
    page = client.contact_lists.list()
    assert isinstance(page, zexa.Page) and page.data == [] and page.total == 0
    assert list(page) == [] and "Page(" in repr(page)
