"""Runs the FastAPI example in-process (``fastapi.testclient``) against an embedded sandbox."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from fastapi_app import create_app  # noqa: E402
from zexa.testing import Sandbox  # noqa: E402


@pytest.mark.zexa_sandbox(manual_clock=True, failure_rate=0.0)
def test_the_service_sends_and_reports(zexa_sandbox: Sandbox) -> None:
    app = create_app(api_key=zexa_sandbox.api_key, base_url=zexa_sandbox.base_url)
    with TestClient(app) as http:
        sent = http.post("/notify", json={"phone": "912 345 678", "text": "Olá"})
        assert sent.status_code == 200, sent.text
        message_id = sent.json()["message_id"]
        [recorded] = zexa_sandbox.messages(recipient="+244912345678")
        assert recorded.id == message_id and recorded.body == "Olá"
        assert http.get(f"/messages/{message_id}").json()["status"] == "queued"
        zexa_sandbox.advance(1.0)
        assert http.get(f"/messages/{message_id}").json()["status"] == "delivered"
        assert http.get("/messages/msg_missing").status_code == 404
        assert http.post("/notify", json={"phone": "12", "text": "x"}).status_code == 422


@pytest.mark.zexa_sandbox(seed_contacts=120)
def test_the_contacts_endpoint_walks_pages(zexa_sandbox: Sandbox) -> None:
    app = create_app(api_key=zexa_sandbox.api_key, base_url=zexa_sandbox.base_url)
    with TestClient(app) as http:
        contacts = http.get("/contacts", params={"limit": 110}).json()
        assert len(contacts) == 110
        assert len({c["id"] for c in contacts}) == 110
