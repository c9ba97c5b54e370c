"""Errors say whether a request may have taken effect; the key and long inputs stay out of
errors; the ``zexa`` logger is silent unless asked (NullHandler, ``ZEXA_LOG``)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from typing import Iterator

import pytest

import zexa
from conftest import API_KEY, Sandbox
from rawserver import RawServer, header, response


def send(client: zexa.Client) -> zexa.Message:
    return client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="Olá")


def test_may_have_executed_on_every_error(client: zexa.Client, sandbox: Sandbox) -> None:
    sandbox.fault(kind="status", status=500, path="/messages")
    with pytest.raises(zexa.ServerError) as server_error:
        send(client)
    assert server_error.value.may_have_executed is True

    sandbox.fault(kind="status", status=500, path="/credits")
    with pytest.raises(zexa.ServerError) as get_error:
        client.credits.get()
    assert get_error.value.may_have_executed is False, "a GET changes nothing"

    sandbox.fault(kind="rate_limit", retry_after=120, path="/messages")
    with pytest.raises(zexa.RateLimitError) as limited:
        send(client)
    assert limited.value.may_have_executed is False

    with pytest.raises(zexa.InvalidInputError) as local:
        client.messages.send(channel="sms", to="912", sender_id="ZEXA", body="x")
    assert local.value.may_have_executed is False

    refused = zexa.Client(API_KEY, base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(zexa.APIConnectionError) as never_connected:
        send(refused)
    assert never_connected.value.may_have_executed is False

    sandbox.fault(kind="close", path="/messages")
    with pytest.raises(zexa.APIConnectionError) as dropped:
        send(client)
    assert dropped.value.may_have_executed is True


@pytest.fixture
def echoing() -> Iterator[RawServer]:
    """A gateway that puts the request's Authorization header into its error body."""

    def answer(request: bytes) -> bytes:
        auth = header(request, "authorization")
        body = {"error": "bad_gateway", "message": f"refused {auth}", "details": {"authorization": auth}}
        return response(502, json.dumps(body).encode(), f"x-request-id: req_{auth[-6:]}")

    server = RawServer(answer)
    yield server
    server.close()


def test_a_key_echoed_by_a_server_never_reaches_the_exception(echoing: RawServer) -> None:
    key = "zx_live_Sup3rS3cretEcho"
    client = zexa.Client(key, base_url=echoing.base_url, max_retries=0)
    with pytest.raises(zexa.ServerError) as caught:
        client.contacts.create(name="Maria", phone="+244912345678")
    error = caught.value
    shown = " ".join([str(error), repr(error), error.message, json.dumps(error.details), str(error.args)])
    assert "Sup3rS3cret" not in shown, shown
    assert "<redacted>" in error.message


def test_long_inputs_make_short_messages(client: zexa.Client) -> None:
    with pytest.raises(zexa.InvalidInputError) as phone:
        client.contacts.create(name="M", phone="9" * (1 << 20))
    assert len(str(phone.value)) < 300
    with pytest.raises(zexa.InvalidInputError) as long_id:
        client.contacts.get("a" * 100_000)
    assert len(str(long_id.value)) < 300 and long_id.value.field == "contact_id"


def test_keys_that_cannot_be_sent_are_refused_at_construction() -> None:
    for key in ["\ufeffzx_live_key", "zx_live_\u200bkey", "zx_live_é", "k" * (128 * 1024)]:
        with pytest.raises(zexa.InvalidInputError) as caught:
            zexa.Client(key)
        assert caught.value.field == "api_key"
        assert "zx_live" not in str(caught.value)
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client(API_KEY, app_name="a" * (128 * 1024))


def test_log_records_have_one_prefix(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    sandbox.fault(kind="status", status=503, path="/credits")
    client = sandbox.client(max_retries=1)
    with caplog.at_level(logging.DEBUG, logger="zexa"):
        client.credits.get()
    messages = [r.getMessage() for r in caplog.records if r.name == "zexa"]
    assert any("GET /credits" in m and "retrying" in m for m in messages), messages
    assert all(not m.startswith("zexa:") for m in messages), messages
    assert all(API_KEY not in m for m in messages)


def run_script(code: str, **env: str) -> "subprocess.CompletedProcess[str]":
    environment = {k: v for k, v in os.environ.items() if k != "ZEXA_LOG"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, env=environment
    )


RETRIED_THEN_OK = """
    import json, urllib.request, zexa, os
    url = os.environ["SANDBOX"]
    fault = json.dumps({"kind": "status", "status": 503, "path": "/credits"}).encode()
    request = urllib.request.Request(url[: -len("/v1")] + "/_sandbox/faults", data=fault, method="POST")
    request.add_header("Content-Type", "application/json")
    urllib.request.urlopen(request).read()
    client = zexa.Client("zx_sandbox_key", base_url=url, max_retries=1)
    print(client.credits.get().currency)
"""


def test_an_application_without_logging_sees_nothing_on_stderr(sandbox: Sandbox) -> None:
    run = run_script(RETRIED_THEN_OK, SANDBOX=sandbox.url)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", "a retried call printed: " + run.stderr


def test_zexa_log_adds_a_stderr_handler(sandbox: Sandbox) -> None:
    run = run_script(RETRIED_THEN_OK, SANDBOX=sandbox.url, ZEXA_LOG="debug")
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert any(" zexa WARNING GET /credits" in line and "retrying" in line for line in lines), run.stderr
    assert any(" zexa DEBUG GET /credits -> HTTP 200" in line for line in lines), run.stderr
    assert "zexa: zexa:" not in run.stderr and "zx_sandbox_key" not in run.stderr
    run = run_script(RETRIED_THEN_OK, SANDBOX=sandbox.url, ZEXA_LOG="warning")
    assert "WARNING" in run.stderr and "DEBUG" not in run.stderr, run.stderr
