"""Campaigns, messages, sender IDs, webhooks and credits against the sandbox."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import List

import pytest

import zexa
from conftest import Sandbox, ids


def _audience(client: zexa.Client, n: int = 3) -> zexa.ContactList:
    lst = client.contact_lists.create(name="Audience")
    contacts = [client.contacts.create(name=f"P{i}", phone=f"+24493000000{i}") for i in range(n)]
    client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=ids(contacts))
    return lst


def test_campaign_create_get_list_wait(client: zexa.Client) -> None:
    lst = _audience(client)
    campaign = client.campaigns.create(
        name="Promo", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="Olá!"
    )
    assert isinstance(campaign, zexa.Campaign) and campaign.id.startswith("cmp_")
    assert campaign.channel == "sms" and campaign.total_recipients == 3
    assert client.campaigns.get(campaign.id).id == campaign.id
    assert campaign.id in ids(client.campaigns.list())

    seen: List[zexa.Campaign] = []
    done = client.campaigns.wait(campaign.id, poll_interval=0.05, timeout=30, on_progress=seen.append)
    assert done.status == "completed" and done.is_final
    assert (done.delivered or 0) + (done.failed or 0) == 3
    assert done.completed_at is not None and done.completed_at.tzinfo is not None
    assert seen and seen[-1] == done and all(isinstance(c, zexa.Campaign) for c in seen)
    assert client.campaigns.wait(campaign.id) == done


def test_campaign_wait_progress_error_is_raised(client: zexa.Client, sandbox: Sandbox) -> None:
    lst = _audience(client, 1)
    campaign = client.campaigns.create(
        name="P", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="x"
    )

    def boom(c: zexa.Campaign) -> None:
        raise KeyError("boom")

    before = sandbox.requests()
    with pytest.raises(KeyError):
        client.campaigns.wait(campaign.id, poll_interval=0.05, on_progress=boom)
    assert sandbox.requests() - before == 1, "the wait stops at the exception"


def test_ctrl_c_stops_a_campaign_wait(client: zexa.Client, sandbox: Sandbox) -> None:
    lst = _audience(client, 1)
    later = datetime.now(timezone.utc) + timedelta(hours=1)
    campaign = client.campaigns.create(
        name="Later", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="x", scheduled_at=later
    )
    before = sandbox.requests()

    def interrupt_once_polled() -> None:
        deadline = time.monotonic() + 10
        while sandbox.requests() == before and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    interrupter = threading.Thread(target=interrupt_once_polled)
    interrupter.start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            client.campaigns.wait(campaign.id, poll_interval=0.05, timeout=20)
    finally:
        interrupter.join()
    assert time.monotonic() - started < 5, "stopped at the next poll, not at the timeout"
    assert client.campaigns.get(campaign.id).status == "scheduled"


@pytest.mark.parametrize(
    "scheduled_at",
    [
        datetime.now(timezone.utc) + timedelta(hours=1),
        datetime.now(timezone(timedelta(hours=1))) + timedelta(hours=1),
        datetime.utcnow() + timedelta(hours=1),  # naive means UTC
        (datetime.now(timezone.utc) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ],
)
def test_scheduled_campaign_and_wait_timeout(client: zexa.Client, scheduled_at: object) -> None:
    lst = _audience(client, 1)
    campaign = client.campaigns.create(
        name="Later",
        channel="sms",
        contact_list_id=lst.id,
        sender_id="ZEXA",
        body="x",
        scheduled_at=scheduled_at,  # type: ignore[arg-type]
    )
    assert campaign.status == "scheduled"
    with pytest.raises(zexa.WaitTimeoutError) as timed_out:
        client.campaigns.wait(campaign.id, poll_interval=0.05, timeout=0.2)
    assert isinstance(timed_out.value, zexa.APITimeoutError), "still caught as a timeout"
    assert timed_out.value.campaign.id == campaign.id and timed_out.value.campaign.status == "scheduled"
    assert timed_out.value.attempts >= 2 and timed_out.value.may_have_executed is False


def test_campaign_errors(client: zexa.Client) -> None:
    lst = _audience(client, 1)
    with pytest.raises(TypeError):
        client.campaigns.create(
            name="x", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="b", scheduled_at=5  # type: ignore[arg-type]
        )
    with pytest.raises(zexa.InvalidInputError):
        client.campaigns.create(name="x", channel="sms", contact_list_id=lst.id, sender_id="ZEXA")
    with pytest.raises(zexa.NotFoundError):
        client.campaigns.create(name="x", channel="sms", contact_list_id="lst_nope", sender_id="ZEXA", body="b")
    with pytest.raises(zexa.ValidationError) as info:
        client.campaigns.create(name="x", channel="sms", contact_list_id=lst.id, sender_id="NOPE", body="b")
    assert info.value.code == "validation_error" and info.value.request_id


def test_messages(client: zexa.Client) -> None:
    message = client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="Olá")
    assert isinstance(message, zexa.Message) and message.id.startswith("msg_")
    assert message.sender_id == "ZEXA" and message.to_dict()["from"] == "ZEXA"
    assert "sender_id" not in message.to_dict()
    assert message.channel == "sms" and message.to == "+244912345678"
    fetched = client.messages.get(message.id)
    assert fetched.id == message.id and fetched.sender_id == "ZEXA"
    email = client.messages.send(
        channel="email", to="maria@example.com", sender_id="noreply@zexa.ao", body="Hi"
    )
    assert email.channel == "email"
    wa = client.messages.send(
        channel="whatsapp",
        to="+244912345678",
        sender_id="ZEXA",
        template={"name": "welcome", "language": "pt", "params": [1, 2.5, True, None]},
    )
    assert wa.channel == "whatsapp"
    with pytest.raises(zexa.InvalidInputError):
        client.messages.send(channel="sms", to="0912345678", sender_id="ZEXA", body="x")
    with pytest.raises(TypeError):
        client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", template={1: object()})  # type: ignore[dict-item]


def test_sender_ids_webhooks_credits(client: zexa.Client) -> None:
    senders = list(client.sender_ids.list(per_page=2))
    assert {s.name for s in senders} >= {"ZEXA", "noreply@zexa.ao"}
    assert all(isinstance(s, zexa.SenderId) and s.status for s in senders)

    hook = client.webhooks.create(url="https://example.com/hook", events=["message.delivered"])
    assert isinstance(hook, zexa.Webhook) and hook.id.startswith("wh_")
    assert hook.events == ("message.delivered",)
    with pytest.raises(zexa.InvalidInputError):
        client.webhooks.create(url="ftp://x", events=["message.delivered"])

    credits = client.credits.get()
    assert isinstance(credits, zexa.Credits)
    assert credits.balance == 10000 and credits.currency
    client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="x")
    assert client.credits.get().balance == credits.balance - 1


def test_insufficient_credits(poor_sandbox: Sandbox) -> None:
    poor_sandbox.reset()
    client = poor_sandbox.client()
    client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="1")
    with pytest.raises(zexa.InsufficientCreditsError) as info:
        client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="2")
    assert isinstance(info.value, zexa.APIError)
    assert info.value.status_code == 422 and info.value.code == "insufficient_credits"
