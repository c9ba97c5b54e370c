"""Ctrl-C: a SIGINT during any call, back-off, Retry-After wait or campaign wait raises a
``KeyboardInterrupt`` (``zexa.Interrupted``) in the main thread within half a second, never a
``SystemError``, and says whether a send may have taken effect."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from typing import Callable, Iterator, List

import pytest

import zexa
from conftest import API_KEY, Sandbox
from rawserver import RawServer, response

# The most a Ctrl-C may take to stop a call (the promise).
PROMPT = 0.5


def interrupt_when(ready: threading.Event) -> List[float]:
    """Sends SIGINT to this process once ``ready`` is set; returns where the send time goes."""
    sent: List[float] = []

    def send() -> None:
        if ready.wait(timeout=30):
            sent.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=send, daemon=True).start()
    return sent


def interrupted(call: Callable[[], object], ready: threading.Event) -> "tuple[zexa.Interrupted, float]":
    """Runs ``call`` in the main thread, interrupted once ``ready`` is set; returns the
    exception and how long after the signal it came."""
    assert threading.current_thread() is threading.main_thread()
    sent = interrupt_when(ready)
    with pytest.raises(KeyboardInterrupt) as caught:
        call()
    took = time.monotonic() - sent[0]
    assert isinstance(caught.value, zexa.Interrupted), repr(caught.value)
    assert not isinstance(caught.value, Exception), "except Exception must not swallow Ctrl-C"
    return caught.value, took


@pytest.fixture
def silent() -> Iterator[RawServer]:
    server = RawServer(lambda request: None)
    yield server
    server.close()


def test_ctrl_c_stops_a_hanging_get_at_once(silent: RawServer) -> None:
    client = zexa.Client(API_KEY, base_url=silent.base_url)  # 30 s per attempt, 2 retries
    error, took = interrupted(client.credits.get, silent.received)
    assert took < PROMPT, f"{took:.3f} s"
    assert error.may_have_executed is False, "a GET changes nothing"
    assert error.attempts == 1


def test_ctrl_c_during_a_send_says_it_may_have_executed(silent: RawServer) -> None:
    client = zexa.Client(API_KEY, base_url=silent.base_url)

    def send() -> None:
        client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="Olá")

    error, took = interrupted(send, silent.received)
    assert took < PROMPT, f"{took:.3f} s"
    assert error.may_have_executed is True, "the POST was on the wire"
    assert "may have taken effect" in str(error)


def test_ctrl_c_stops_a_retry_after_wait() -> None:
    limited = RawServer(
        lambda r: response(429, b'{"error":"rate_limit_exceeded","message":"slow"}', "retry-after: 20")
    )
    client = zexa.Client(API_KEY, base_url=limited.base_url)
    try:
        error, took = interrupted(client.credits.get, limited.received)
    finally:
        limited.close()
    assert took < PROMPT, f"{took:.3f} s, not the 20 s Retry-After"
    assert error.may_have_executed is False
    assert limited.count == 1, "no attempt after the interrupt"


def test_ctrl_c_stops_a_campaign_wait_between_polls(client: zexa.Client, sandbox: Sandbox) -> None:
    contact = client.contacts.create(name="Maria", phone="+244912345678")
    lst = client.contact_lists.create(name="VIP")
    client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=[contact.id])
    campaign = client.campaigns.create(
        name="Later", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="x",
        scheduled_at="2099-01-01T00:00:00Z",
    )
    polled = threading.Event()
    error, took = interrupted(
        lambda: client.campaigns.wait(campaign.id, poll_interval=5, on_progress=lambda c: polled.set()),
        polled,
    )
    assert took < PROMPT, f"{took:.3f} s, not the 5 s poll interval"
    assert error.may_have_executed is False


def test_the_client_works_after_an_interrupt(silent: RawServer, sandbox: Sandbox) -> None:
    hanging = zexa.Client(API_KEY, base_url=silent.base_url)
    interrupted(hanging.credits.get, silent.received)
    client = sandbox.client()
    assert client.credits.get().currency
    assert client.credits.get().currency


def test_ctrl_c_during_a_failing_call_with_default_logging_is_a_keyboard_interrupt() -> None:
    """Seen before: ``SystemError: <built-in function __import__> returned a result with an
    exception set``, then the interrupt swallowed. A fresh interpreter with logging at its
    defaults (no pytest capture), retrying a refused connection (warnings logged)."""
    script = textwrap.dedent(
        """
        import os, signal, threading, time, zexa
        client = zexa.Client("zx_sandbox_key", base_url="http://127.0.0.1:9/v1", max_retries=1000)
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
        started = time.monotonic()
        try:
            client.credits.get()
        except KeyboardInterrupt as e:
            print(type(e).__name__, isinstance(e, zexa.Interrupted), e.may_have_executed)
        print("after", round(time.monotonic() - started, 1) < 5)
        """
    )
    run = subprocess.run([sys.executable, "-X", "dev", "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["Interrupted", "True", "False", "after", "True"], run.stdout + run.stderr
    assert "SystemError" not in run.stderr, run.stderr


def test_a_custom_sigint_handler_still_runs() -> None:
    """A handler that does not raise keeps the call going; one that raises stops it."""
    hits: List[int] = []
    previous = signal.signal(signal.SIGINT, lambda *a: hits.append(1))
    silent = RawServer(lambda r: None)
    try:
        client = zexa.Client(API_KEY, base_url=silent.base_url, timeout=0.8, max_retries=0)
        interrupt_when(silent.received)
        with pytest.raises(zexa.APITimeoutError):
            client.credits.get()
        assert hits == [1]
    finally:
        signal.signal(signal.SIGINT, previous)
        silent.close()


def test_calls_from_other_threads_are_unaffected(sandbox: Sandbox) -> None:
    client = sandbox.client()
    results: List[str] = []
    thread = threading.Thread(target=lambda: results.append(client.credits.get().currency))
    thread.start()
    thread.join(timeout=30)
    assert results and results[0]


def test_total_timeout_bounds_a_call(silent: RawServer) -> None:
    client = zexa.Client(API_KEY, base_url=silent.base_url, timeout=30, total_timeout=0.3)
    assert client.total_timeout == 0.3
    started = time.monotonic()
    with pytest.raises(zexa.APITimeoutError) as caught:
        client.credits.get()
    assert time.monotonic() - started < 10
    assert caught.value.may_have_executed is False
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client(API_KEY, total_timeout=0)


def test_interrupted_pickles() -> None:
    import pickle

    error = zexa.Interrupted("interrupted", may_have_executed=True, attempts=2)
    back = pickle.loads(pickle.dumps(error))
    assert isinstance(back, zexa.Interrupted) and back.may_have_executed and back.attempts == 2
