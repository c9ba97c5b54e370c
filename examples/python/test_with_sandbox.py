"""Testing code that uses ``zexa`` against the embedded sandbox: the ``zexa_sandbox`` pytest
fixture (registered by the package) and ``zexa.testing.Sandbox`` as a context manager.

Run with ``pytest examples/python``; nothing to start beforehand, no network, no sleeps.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Iterator, List, Tuple

import pytest

import zexa
from zexa.testing import Fault, Sandbox


def notify_order_shipped(client: zexa.Client, phone: str, order: str) -> str:
    """The code under test: texts a customer that their order left."""
    message = client.messages.send(channel="sms", to=phone, sender_id="ZEXA", body=f"A sua encomenda {order} está a caminho.")
    return message.id


@pytest.mark.zexa_sandbox(manual_clock=True, failure_rate=0.0)
def test_the_customer_gets_the_text(zexa_sandbox: Sandbox) -> None:
    """The fixture's sandbox records what was sent; the manual clock delivers it at once."""
    with zexa_sandbox.client() as client:
        message_id = notify_order_shipped(client, "+244912345678", "A-1001")
        [sent] = zexa_sandbox.messages(recipient="+244912345678")
        assert sent.id == message_id
        assert sent.body == "A sua encomenda A-1001 está a caminho."
        assert (sent.channel, sent.sender, sent.status) == ("sms", "ZEXA", "queued")
        zexa_sandbox.advance(1.0)
        assert client.messages.get(message_id).status == "delivered"


def test_a_server_error_surfaces(zexa_sandbox: Sandbox) -> None:
    """Faults on demand: a 503 on a send is raised, not retried (a retry could text twice)."""
    zexa_sandbox.inject_fault(Fault("status", status=503), path="/messages")
    with zexa_sandbox.client() as client:
        with pytest.raises(zexa.ServerError):
            notify_order_shipped(client, "+244912345678", "A-1002")
        stats = zexa_sandbox.stats()
        assert stats.by_route["POST /v1/messages"] == 1
        assert stats.faults_applied == 1
        assert zexa_sandbox.sent_messages() == [], "the faulted send did not execute"
        # Reads are retried: two 503s, then the answer.
        zexa_sandbox.inject_fault(Fault("status", status=503), count=2, path="/credits")
        assert client.credits.get().balance == 10000
        assert zexa_sandbox.stats().by_route["GET /v1/credits"] == 3


class _Receiver(BaseHTTPRequestHandler):
    received: List[Tuple[str, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 (the http.server API)
        length = int(self.headers.get("Content-Length", "0"))
        self.received.append((self.headers.get("X-Zexa-Event", ""), self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture
def receiver() -> Iterator[str]:
    """A local webhook receiver; yields its URL."""
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    _Receiver.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/zexa"
    finally:
        server.shutdown()
        server.server_close()


def test_a_campaign_and_its_webhooks_without_waiting(receiver: str) -> None:
    """A scheduled campaign runs when the clock says so; webhooks are POSTed by then."""
    with Sandbox(manual_clock=True, failure_rate=0.0) as sandbox, sandbox.client() as client:
        client.webhooks.create(url=receiver, events=["campaign.completed"])
        audience = client.contact_lists.create(name="VIP")
        for phone in ("+244911111111", "+244922222222"):
            client.contacts.create(name=phone, phone=phone, lists=[audience.id])
        campaign = client.campaigns.create(
            name="Saldos",
            channel="whatsapp",
            contact_list_id=audience.id,
            sender_id="ZEXA",
            template={"name": "saldos", "language": "pt"},
            scheduled_at="2099-01-01T09:00:00Z",
        )
        assert client.campaigns.get(campaign.id).status == "scheduled"
        sandbox.advance(80 * 365 * 86400.0)
        assert client.campaigns.get(campaign.id).status == "completed"
        recipients = sandbox.messages(campaign=campaign.id)
        assert [m.to for m in recipients] == ["+244911111111", "+244922222222"]
        assert all(m.template == {"name": "saldos", "language": "pt"} for m in recipients)
        [delivery] = sandbox.webhook_deliveries()
        assert (delivery.event_type, delivery.status_code) == ("campaign.completed", 204)
        assert delivery.payload["data"] == {"campaign_id": campaign.id, "status": "completed", "delivered": 2, "failed": 0}
        [(event, body)] = _Receiver.received
        assert event == "campaign.completed"
        assert json.loads(body) == delivery.payload
    with pytest.raises(RuntimeError):
        sandbox.stats()


def test_reset_and_bad_settings() -> None:
    """Reset returns to the start; mistakes are exceptions, not silent."""
    with Sandbox(credits=5) as sandbox, sandbox.client() as client:
        client.contacts.create(name="Maria", phone="+244912345678")
        assert client.credits.get().balance == 5
        sandbox.reset()
        assert client.contacts.list().total == 0
        with pytest.raises(RuntimeError, match="manual_clock"):
            sandbox.advance(1)
        with pytest.raises(ValueError):
            sandbox.inject_fault(Fault("status", status=200))
        with pytest.raises(ValueError):
            sandbox.set_fault_rate(0.5)
    with pytest.raises(ValueError):
        Sandbox(failure_rate=2.0)
