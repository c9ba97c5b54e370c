"""Every exception class, from the sandbox's fault injection and local checks."""

from __future__ import annotations

import pickle
import socket
from typing import List

import pytest

import zexa
from conftest import API_KEY, Sandbox


def test_hierarchy() -> None:
    assert issubclass(zexa.InvalidInputError, zexa.ZexaError)
    assert issubclass(zexa.InvalidInputError, ValueError)
    assert issubclass(zexa.APITimeoutError, zexa.APIConnectionError)
    assert issubclass(zexa.APIConnectionError, zexa.ZexaError)
    assert issubclass(zexa.DecodeError, zexa.ZexaError)
    for cls in (
        zexa.BadRequestError,
        zexa.AuthenticationError,
        zexa.NotFoundError,
        zexa.ConflictError,
        zexa.ValidationError,
        zexa.InsufficientCreditsError,
        zexa.RateLimitError,
        zexa.ServerError,
    ):
        assert issubclass(cls, zexa.APIError) and issubclass(cls, zexa.ZexaError)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, zexa.BadRequestError),
        (401, zexa.AuthenticationError),
        (404, zexa.NotFoundError),
        (409, zexa.ConflictError),
        (422, zexa.ValidationError),
        (500, zexa.ServerError),
        (503, zexa.ServerError),
        (418, zexa.APIError),
    ],
)
def test_status_faults(client: zexa.Client, sandbox: Sandbox, status: int, cls: type) -> None:
    sandbox.fault(kind="status", status=status, path="/credits")
    with pytest.raises(zexa.APIError) as info:
        client.credits.get()
    assert type(info.value) is cls
    assert info.value.status_code == status
    assert str(status) in str(info.value)


def test_html_502_from_a_proxy(client: zexa.Client, sandbox: Sandbox) -> None:
    sandbox.fault(kind="status", status=502, json=False)
    with pytest.raises(zexa.ServerError) as info:
        client.credits.get()
    assert info.value.code == "http_502" and info.value.message


def test_server_error_is_retried(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=1)
    sandbox.fault(kind="status", status=500)
    assert client.credits.get().balance > 0
    sandbox.fault(kind="status", status=500, count=2)
    with pytest.raises(zexa.ServerError) as info:
        client.credits.get()
    assert info.value.attempts == 2


def test_rate_limit(client: zexa.Client, sandbox: Sandbox) -> None:
    sandbox.fault(kind="rate_limit", retry_after=7)
    with pytest.raises(zexa.RateLimitError) as info:
        client.credits.get()
    assert info.value.status_code == 429 and info.value.retry_after == 7.0


def test_wrong_key(sandbox: Sandbox) -> None:
    client = sandbox.client(api_key="zx_wrong_secret_key")
    with pytest.raises(zexa.AuthenticationError) as info:
        client.credits.get()
    assert info.value.status_code == 401
    assert "zx_wrong_secret_key" not in str(info.value) and "zx_wrong_secret_key" not in repr(info.value)


def test_timeout(sandbox: Sandbox) -> None:
    client = sandbox.client(timeout=0.3, max_retries=0)
    sandbox.fault(kind="delay", ms=2000)
    with pytest.raises(zexa.APITimeoutError) as info:
        client.credits.get()
    assert isinstance(info.value, zexa.APIConnectionError)


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = zexa.Client(API_KEY, base_url=f"http://127.0.0.1:{port}/v1", max_retries=0)
    with pytest.raises(zexa.APIConnectionError) as info:
        client.credits.get()
    assert not isinstance(info.value, zexa.APITimeoutError)


def test_decode_error() -> None:
    with pytest.raises(zexa.DecodeError):
        zexa.parse_webhook_event(b"<html>")


def test_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZEXA_API_KEY", raising=False)
    with pytest.raises(zexa.ZexaError):
        zexa.Client()
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("")


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    monkeypatch.setenv("ZEXA_API_KEY", API_KEY)
    monkeypatch.setenv("ZEXA_BASE_URL", sandbox.url)
    client = zexa.Client()
    assert client.base_url == sandbox.url
    assert client.credits.get().currency
    assert zexa.Client("other").base_url == sandbox.url
    monkeypatch.delenv("ZEXA_BASE_URL")
    assert zexa.Client("k").base_url == "https://api.zexa.ao/v1"


def test_bad_settings() -> None:
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("k", timeout=-1)
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("k", timeout=0)
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("k", max_retries=-1)
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("k", base_url="http://example.com/v1")  # plain http only to loopback


@pytest.mark.parametrize(
    "call",
    [
        lambda c: zexa.Client(123),
        lambda c: zexa.Client("k", timeout="slow"),
        lambda c: c.contacts.get(42),
        lambda c: c.contacts.create(name="x", phone=244912345678),
        lambda c: c.contacts.create(name="x", phone="+244912345678", lists="lst_1"),
        lambda c: c.contacts.create(name="x", phone="+244912345678", custom_fields={"a": 1}),
        lambda c: c.contacts.list(page="2"),
        lambda c: c.contacts.list(valid="yes"),
        lambda c: c.contacts.delete_many("cnt_1"),
        lambda c: c.contact_lists.add_contacts(list_ids=[1], contact_ids=["c"]),
        lambda c: c.contacts.import_mapped("upl_1", mapping=["name"]),
        lambda c: c.webhooks.create(url="https://x", events="message.delivered"),
        lambda c: c.request("GET", "/credits", query={"a": object()}),
        lambda c: c.request("GET", "/credits", json={"a": {1, 2}}),
        lambda c: c.with_options(timeout="1"),
        lambda c: zexa.to_e164(912345678),
        lambda c: zexa.parse_webhook_event(123),
    ],
)
def test_wrong_argument_types(client: zexa.Client, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call(client)


def test_errors_survive_pickling(client: zexa.Client) -> None:
    errors: List[zexa.ZexaError] = []
    for call in (
        lambda: client.contacts.get("cnt_missing"),
        lambda: client.contacts.create(name="A", phone="912"),
        lambda: zexa.Client(API_KEY, base_url="http://127.0.0.1:9/v1", max_retries=0).credits.get(),
        lambda: zexa.parse_webhook_event(b"{}"),
    ):
        with pytest.raises(zexa.ZexaError) as raised:
            call()
        errors.append(raised.value)
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and copy.args == error.args and str(copy) == str(error)
        assert copy.__dict__ == error.__dict__
    not_found = pickle.loads(pickle.dumps(errors[0]))
    assert isinstance(not_found, zexa.NotFoundError) and not_found.status_code == 404
    assert not_found.request_id == errors[0].request_id and not_found.request_id
