"""A client used across fork() (multiprocessing, gunicorn --preload, a bare os.fork with
threads mid-request): every answer is the one asked for, in children and parent alike."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

import zexa
from conftest import API_KEY, Sandbox

HERE = Path(__file__).resolve().parent

# The client that forked workers inherit (as a module-level client of an app would be).
_shared: "zexa.Client | None" = None


def _get(args: Tuple[str, str]) -> Tuple[str, str, str, str]:
    """In a pool worker: fetches one contact with the inherited client."""
    assert _shared is not None
    contact_id, phone = args
    got = _shared.contacts.get(contact_id)
    return contact_id, phone, got.id, got.phone


def make_contacts(client: zexa.Client, n: int) -> List[Tuple[str, str]]:
    made = []
    for i in range(n):
        phone = f"+2449{50_000_000 + i:08d}"
        made.append((client.contacts.create(name=f"Fork {i}", phone=phone).id, phone))
    return made


def test_a_fork_pool_over_a_warmed_client_gets_only_its_own_answers(sandbox: Sandbox) -> None:
    global _shared
    _shared = sandbox.client(max_retries=0)
    contacts = make_contacts(_shared, 50)
    _shared.contacts.get(contacts[0][0])  # the pool now holds a live connection
    asked = [contacts[i % len(contacts)] for i in range(2000)]
    with multiprocessing.get_context("fork").Pool(4) as pool:
        answers = pool.map(_get, asked, chunksize=25)
    wrong = [a for a in answers if (a[0], a[1]) != (a[2], a[3])]
    assert len(answers) == 2000 and wrong == [], wrong[:5]
    # The parent's own connection still works.
    assert _shared.contacts.get(contacts[1][0]).phone == contacts[1][1]


def test_fork_while_other_threads_are_mid_request(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=0)
    contacts = make_contacts(client, 30)
    stop = threading.Event()
    problems: List[str] = []

    def hammer(t: int) -> None:
        deadline = time.monotonic() + 60
        i = t
        while not stop.is_set() and time.monotonic() < deadline:
            contact_id, phone = contacts[i % len(contacts)]
            i += 1
            try:
                got = client.contacts.get(contact_id)
                if (got.id, got.phone) != (contact_id, phone):
                    problems.append(f"thread {t} got {got.id} for {contact_id}")
            except zexa.ZexaError as e:
                problems.append(f"thread {t}: {e}")

    threads = [threading.Thread(target=hammer, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    codes = []
    try:
        for round_ in range(20):
            pid = os.fork()
            if pid == 0:  # the child: 40 checked calls, then out without cleanup
                code = 0
                try:
                    for i in range(40):
                        contact_id, phone = contacts[(i * 7 + round_) % len(contacts)]
                        got = client.contacts.get(contact_id)
                        if (got.id, got.phone) != (contact_id, phone):
                            code = 3
                except BaseException:  # noqa: BLE001
                    code = 4
                os._exit(code)
            _, status = os.waitpid(pid, 0)
            codes.append(os.waitstatus_to_exitcode(status))
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert codes == [0] * 20, "children: 0 ok, 3 a wrong answer, 4 an error"
    assert problems == [], problems[:5]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def gunicorn(sandbox: Sandbox) -> Iterator[str]:
    """``gunicorn --preload -w 4`` serving ``fork_app``; yields its URL."""
    binary = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    assert binary, "gunicorn is installed in the test venv (python/run_tests.sh)"
    port = free_port()
    env = dict(os.environ, ZEXA_API_KEY=API_KEY, ZEXA_BASE_URL=sandbox.url, PYTHONPATH=str(HERE))
    proc = subprocess.Popen(
        [binary, "--preload", "-w", "4", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "fork_app:app"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until it accepts connections, bounded
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=30)
    if proc.stdout is not None:
        proc.stdout.close()


def test_gunicorn_preload_workers_answer_with_their_own_requests(sandbox: Sandbox, gunicorn: str) -> None:
    client = sandbox.client()
    contacts = make_contacts(client, 40)

    def ask(i: int) -> Tuple[str, str, str]:
        contact_id, phone = contacts[i % len(contacts)]
        with urllib.request.urlopen(f"{gunicorn}?id={contact_id}", timeout=30) as answer:
            return contact_id, phone, answer.read().decode()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(400)))
    wrong = [a for a in answers if not a[2].startswith(f"{a[0]} {a[1]} ")]
    assert wrong == [], wrong[:5]
    workers = {a[2].split()[2] for a in answers}
    assert len(workers) > 1, "the requests were served by several forked workers"
