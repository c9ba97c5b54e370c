"""Fixtures: the Zexa sandbox (built and started once per session) and clients of it."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import zexa

REPO = Path(__file__).resolve().parents[2]
API_KEY = "zx_sandbox_key"


class Sandbox:
    """A running `zexa-sandbox` process and its admin endpoints."""

    def __init__(self, *args: str) -> None:
        binary = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "debug" / "zexa-sandbox"
        self.proc = subprocess.Popen(
            [str(binary), "--addr", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http"):
            self.stop()
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        self.url = line
        self.root = line[: -len("/v1")] if line.endswith("/v1") else line

    def admin(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.root + path, data=data, method=method)
        # The sandbox takes state-changing admin requests only as JSON, even without a body.
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    def fault(self, **fault: Any) -> None:
        """Queues a one-shot fault, e.g. ``fault(kind="status", status=500)``."""
        self.admin("POST", "/_sandbox/faults", fault)

    def requests(self) -> int:
        """How many API requests the sandbox has served."""
        return int(self.admin("GET", "/_sandbox/stats")["requests"])

    def reset(self) -> None:
        self.admin("POST", "/_sandbox/reset")
        self.admin("DELETE", "/_sandbox/faults")

    def client(self, **options: Any) -> zexa.Client:
        options.setdefault("api_key", API_KEY)
        return zexa.Client(base_url=self.url, **options)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture(scope="session")
def sandboxes() -> Iterator[List[Sandbox]]:
    """Builds the sandbox once; every sandbox started during the session is stopped at its end."""
    subprocess.run(["cargo", "build", "-q", "-p", "zexa-sandbox"], cwd=REPO, check=True)
    started: List[Sandbox] = []
    yield started
    for sandbox in started:
        sandbox.stop()


@pytest.fixture(scope="session")
def sandbox_session(sandboxes: List[Sandbox]) -> Sandbox:
    sandbox = Sandbox("--delivery-ms", "50", "--failure-rate", "0")
    sandboxes.append(sandbox)
    return sandbox


@pytest.fixture
def sandbox(sandbox_session: Sandbox) -> Sandbox:
    """The shared sandbox, reset to its start state (no contacts, no faults) for each test."""
    sandbox_session.reset()
    return sandbox_session


@pytest.fixture(scope="session")
def poor_sandbox(sandboxes: List[Sandbox]) -> Sandbox:
    """A sandbox with a single credit."""
    sandbox = Sandbox("--credits", "1")
    sandboxes.append(sandbox)
    return sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[zexa.Client]:
    """A client of the shared sandbox; no retries, so faults show at once."""
    with sandbox.client(max_retries=0) as c:
        yield c


@pytest.fixture
def make_contacts(client: zexa.Client) -> Any:
    """Creates ``n`` contacts with distinct numbers and returns them."""

    def make(n: int, prefix: str = "Contact") -> List[zexa.Contact]:
        return [
            client.contacts.create(name=f"{prefix} {i}", phone=f"+2449{i:08d}") for i in range(n)
        ]

    return make


def ids(items: Any) -> List[str]:
    return [item.id for item in items]


def as_dict(model: zexa.Model) -> Dict[str, Any]:
    return model.to_dict()
