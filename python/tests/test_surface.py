"""The openai-python-style surface: NOT_GIVEN vs None, per-call options, raw responses,
channels refused locally, Python-facing messages, close(), Page.iter_pages()."""

from __future__ import annotations

import json
import pickle
import threading
from datetime import timedelta
from typing import Any, List, Tuple, get_args

import pytest

import zexa
from zexa import _native

from conftest import Sandbox
from rawserver import RawServer, header, response

CONTACT = {"id": "cnt_1", "name": "Ana", "phone": "+244900000001", "email": None, "created_at": "2026-01-01T00:00:00Z"}


def recording_server() -> Tuple[RawServer, List[bytes]]:
    """A server answering every request with a contact, keeping what it received."""
    seen: List[bytes] = []
    lock = threading.Lock()

    def answer(request: bytes) -> bytes:
        with lock:
            seen.append(request)
        return response(200, json.dumps(CONTACT).encode(), "x-request-id: req_42", "X-Multi: a", "x-multi: b")

    return RawServer(answer), seen


def body_of(request: bytes) -> Any:
    return json.loads(request.partition(b"\r\n\r\n")[2])


def request_line(request: bytes) -> str:
    return request.split(b"\r\n", 1)[0].decode()


# ---- NOT_GIVEN and None ----


def test_update_sends_only_what_was_given_and_none_clears() -> None:
    server, seen = recording_server()
    try:
        client = zexa.Client("zx_test", base_url=server.base_url, max_retries=0)
        client.contacts.update("cnt_1", name="Ana")
        client.contacts.update("cnt_1", email=None, custom_fields=None)
        client.contacts.update("cnt_1", email="a@example.com", phone=zexa.NOT_GIVEN)
    finally:
        server.close()
    assert [body_of(r) for r in seen] == [
        {"name": "Ana"},
        {"email": None, "custom_fields": None},
        {"email": "a@example.com"},
    ]


def test_a_field_that_cannot_be_cleared_refuses_none_by_name(client: zexa.Client) -> None:
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.contacts.update("cnt_1", name=None)  # type: ignore[arg-type]
    assert caught.value.field == "name"
    assert caught.value.may_have_executed is False


def test_not_given_is_one_falsy_picklable_value() -> None:
    assert repr(zexa.NOT_GIVEN) == "NOT_GIVEN"
    assert not zexa.NOT_GIVEN
    assert pickle.loads(pickle.dumps(zexa.NOT_GIVEN)) is zexa.NOT_GIVEN


def test_an_update_with_none_clears_the_email_on_the_sandbox(client: zexa.Client) -> None:
    contact = client.contacts.create(name="Ana", phone="+244900000001", email="ana@example.com")
    assert client.contacts.get(contact.id).email == "ana@example.com"
    client.contacts.update(contact.id, email=None)
    assert client.contacts.get(contact.id).email is None


# ---- per-call options ----


def test_extra_headers_and_query_go_out_with_the_call_only() -> None:
    server, seen = recording_server()
    try:
        client = zexa.Client("zx_test", base_url=server.base_url, max_retries=0)
        client.contacts.get("cnt_1", extra_headers={"X-Trace": "abc"}, extra_query={"expand": True, "n": 2})
        client.contacts.get("cnt_1")
    finally:
        server.close()
    assert header(seen[0], "x-trace") == "abc"
    assert request_line(seen[0]).startswith("GET /v1/contacts/cnt_1?")
    assert "expand=true" in request_line(seen[0]) and "n=2" in request_line(seen[0])
    assert header(seen[1], "x-trace") == ""
    assert "?" not in request_line(seen[1])


def test_max_retries_per_call_overrides_the_client(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=0)
    contact = client.contacts.create(name="Ana", phone="+244900000001")
    sandbox.fault(kind="status", status=503)
    assert client.contacts.get(contact.id, max_retries=1).id == contact.id
    sandbox.fault(kind="status", status=503)
    with pytest.raises(zexa.ServerError):
        client.contacts.get(contact.id)


def test_per_call_options_are_checked_in_python_terms(client: zexa.Client) -> None:
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.contacts.get("cnt_1", extra_headers={"Authorization": "Bearer other"})
    assert caught.value.field is not None
    with pytest.raises(TypeError, match="timout"):
        client.contacts.get("cnt_1", timout=3)  # type: ignore[call-arg]
    with pytest.raises(zexa.InvalidInputError, match="timeout"):
        client.contacts.get("cnt_1", timeout=-1)


# ---- raw responses ----


def test_with_raw_response_gives_status_headers_and_the_model() -> None:
    server, _ = recording_server()
    try:
        client = zexa.Client("zx_test", base_url=server.base_url, max_retries=0)
        raw = client.contacts.with_raw_response.get("cnt_1")
    finally:
        server.close()
    assert isinstance(raw, zexa.APIResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req_42"
    assert raw.headers["X-REQUEST-ID"] == "req_42"
    assert "x-request-id" in raw.headers
    assert raw.headers.get_all("x-multi") == ["a", "b"]
    assert raw.attempts == 1
    assert isinstance(raw.elapsed, timedelta)
    contact = raw.parse()
    assert isinstance(contact, zexa.Contact) and contact.id == "cnt_1"


def test_every_resource_has_a_raw_view(client: zexa.Client) -> None:
    for name in ("contacts", "contact_lists", "campaigns", "messages", "sender_ids", "webhooks", "credits", "exports"):
        resource = getattr(client, name)
        assert repr(resource.with_raw_response).endswith(".with_raw_response>")
    credits = client.credits.with_raw_response.get()
    assert credits.status_code == 200 and credits.parse().balance >= 0
    page = client.sender_ids.with_raw_response.list().parse()
    assert isinstance(page, zexa.Page)


def test_a_raw_retried_call_counts_its_attempts(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=2)
    sandbox.fault(kind="status", status=503)
    raw = client.credits.with_raw_response.get()
    assert raw.attempts == 2


# ---- channels and messages in Python terms ----


def test_literal_types_are_the_cores_values() -> None:
    assert list(get_args(zexa.Channel)) == list(_native.CHANNELS)
    assert list(get_args(zexa.CampaignStatus)) == list(_native.CAMPAIGN_STATUSES)
    assert list(get_args(zexa.MessageStatus)) == list(_native.MESSAGE_STATUSES)
    assert list(get_args(zexa.ExportStatus)) == list(_native.EXPORT_STATUSES)
    assert list(get_args(zexa.SenderIdStatus)) == list(_native.SENDER_ID_STATUSES)
    assert list(get_args(zexa.WebhookEventType)) == list(_native.WEBHOOK_EVENT_TYPES)


def test_an_unknown_channel_is_refused_before_sending(sandbox: Sandbox) -> None:
    client = sandbox.client()
    before = sandbox.requests()
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.messages.send(channel="smss", to="+244900000001", sender_id="ZEXA", body="hi")  # type: ignore[arg-type]
    assert caught.value.field == "channel"
    assert "smss" in str(caught.value) and "sms" in str(caught.value) and "client.request" in str(caught.value)
    with pytest.raises(zexa.InvalidInputError, match="events"):
        client.webhooks.create(url="https://example.com/hook", events=["message.deliverd"])  # type: ignore[list-item]
    assert sandbox.requests() == before


def test_none_for_a_required_argument_names_it(client: zexa.Client) -> None:
    # Seen: "'None' is not an instance of 'str'", naming no argument. The message itself must
    # (pytest's `match` would also search the notes that pyo3 adds).
    cases = [
        (lambda: client.contacts.get(None), "contact_id must be a str, not NoneType"),  # type: ignore[arg-type]
        (lambda: client.contacts.create(name=None, phone="+244900000001"), "name must be a str"),  # type: ignore[arg-type]
        (lambda: client.contacts.delete_many("cnt_1"), "contact_ids must be a list of str, not str"),
        (lambda: client.contacts.create(name="A", phone="+244900000001", lists=[1]), "lists must be a str"),  # type: ignore[list-item]
        (lambda: client.contacts.import_mapped("upl_1", mapping=["a"]), "mapping must be a mapping"),  # type: ignore[arg-type]
        (lambda: client.contacts.list(valid="yes"), "valid must be a bool, not str"),  # type: ignore[arg-type]
        (lambda: client.contacts.list(per_page=True), "per_page must be an int, not bool"),
        (lambda: client.campaigns.wait("cmp_1", poll_interval="2"), "poll_interval must be a number"),  # type: ignore[arg-type]
        (lambda: client.contacts.get("cnt_1", timeout="3"), "timeout must be a number"),  # type: ignore[arg-type]
    ]
    for call, message in cases:
        with pytest.raises(TypeError) as caught:
            call()
        assert message in str(caught.value), (str(caught.value), message)
        assert "Vec" not in str(caught.value) and "PyString" not in str(caught.value)


def test_page_numbers_are_checked_as_input(client: zexa.Client) -> None:
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.contacts.list(page=10**30)
    assert caught.value.field == "page"
    with pytest.raises(zexa.InvalidInputError, match="per_page"):
        client.contacts.list(per_page=0)


def test_messages_speak_python_not_rust(client: zexa.Client) -> None:
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.contacts.create(name="Ana", phone="0912 345 678")
    # Seen: "zexa::to_e164 converts local formats" (a Rust path).
    assert "::" not in str(caught.value)
    assert "to_e164" in str(caught.value)


# ---- close() and pages ----


def test_a_closed_client_refuses_calls(sandbox: Sandbox) -> None:
    client = sandbox.client()
    page = client.sender_ids.list(per_page=1)
    client.close()
    assert client.closed
    with pytest.raises(zexa.ZexaError, match="closed"):
        client.credits.get()
    with pytest.raises(zexa.ZexaError, match="closed"):
        page.next_page()
    with sandbox.client() as other:
        other.credits.get()
    assert other.closed


def test_iter_pages_yields_each_page_once(client: zexa.Client, make_contacts: Any) -> None:
    make_contacts(5)
    pages = list(client.contacts.list(per_page=2).iter_pages())
    assert [p.page for p in pages] == [1, 2, 3]
    assert [len(p.data) for p in pages] == [2, 2, 1]
    assert len(list(client.contacts.list(per_page=2))) == 5
    assert zexa.Page[zexa.Contact] is not None


def test_defaults_are_the_cores(sandbox: Sandbox) -> None:
    client = sandbox.client()
    assert client.timeout == 30.0 and client.max_retries == 2 and client.total_timeout is None
    assert client.contacts.list().per_page == 50


# ---- exports: wait and download (the core's) ----


def test_an_export_waits_and_downloads_to_a_path_or_a_file(client: zexa.Client, make_contacts: Any, tmp_path: Any) -> None:
    import io

    make_contacts(3)
    export = client.contacts.export()
    done = client.exports.wait(export.id, poll_interval=0.01, timeout=30)
    assert done.status == "completed"
    path = tmp_path / "contacts.csv"
    written = client.exports.download(done, path)
    assert written == path.stat().st_size > 0
    buffer = io.BytesIO()
    assert client.exports.download(done.id, buffer) == written
    assert buffer.getvalue() == path.read_bytes()
    assert buffer.getvalue().count(b"\n") >= 3
    with pytest.raises(TypeError, match="destination"):
        client.exports.download(done, 42)  # type: ignore[arg-type]


def test_the_type_checker_refuses_an_unknown_channel(tmp_path: Any) -> None:
    """The ``Literal`` types catch ``channel="smss"`` before the code runs (mypy on a snippet)."""
    mypy_api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import zexa\n"
        "client = zexa.Client('zx_test')\n"
        "client.messages.send(channel='smss', to='+244900000001', sender_id='Z', body='x')\n"
        "client.contacts.get('cnt_1', timout=3)\n"
        "async def f(a: zexa.AsyncClient) -> None:\n"
        "    c: zexa.Contact = await a.contacts.get('cnt_1')\n"
        "    r: zexa.APIResponse[zexa.Contact] = await a.contacts.with_raw_response.get('cnt_1')\n"
        "    p: zexa.AsyncPage[zexa.Contact] = await a.contacts.list()\n"
    )
    out, _, status = mypy_api.run(["--strict", "--no-incremental", str(snippet)])
    assert status == 1, out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 2, out
    assert "'smss'" in errors[0] and "snippet.py:3:" in errors[0]
    assert '"timout"' in errors[1] and "snippet.py:4:" in errors[1], errors
