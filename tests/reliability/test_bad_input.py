"""Bad input through the Python package: each refusal is a clear exception and sends nothing.

A loopback socket server stands in for the API: it counts connections and records request
lines, and answers 404 to everything, so a request that was sent is visible.
"""

from __future__ import annotations

import socket
import threading
from typing import Iterator, List

import pytest

import zexa


class Recorder:
    """A loopback HTTP server answering 404 JSON and recording each request line."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.lines: List[str] = []
        self.connections = 0
        self.stopping = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _serve(self) -> None:
        while not self.stopping:
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data and len(data) < 4 * 1024 * 1024:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
                self.lines.append(head.split("\r\n", 1)[0])
                length = 0
                for header in head.split("\r\n")[1:]:
                    name, _, value = header.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                body = data.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in data else b""
                while len(body) < length:
                    chunk = conn.recv(1024 * 1024)
                    if not chunk:
                        break
                    body += chunk
                payload = b'{"error":"not_found","message":"no such thing"}'
                conn.sendall(
                    b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + f"Content-Length: {len(payload)}\r\n\r\n".encode()
                    + payload
                )

    def stop(self) -> None:
        self.stopping = True
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def server() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    recorder.stop()


@pytest.fixture
def client(server: Recorder) -> Iterator[zexa.Client]:
    with zexa.Client("zx_test_key", base_url=server.base_url, max_retries=0, timeout=5) as c:
        yield c


@pytest.mark.parametrize("phone", ["0912345678", "+0912345678", "+1234567890123456", "abc", "", "+"])
def test_invalid_phone_sends_nothing(client: zexa.Client, server: Recorder, phone: str) -> None:
    with pytest.raises(zexa.InvalidInputError) as info:
        client.contacts.create(name="Maria", phone=phone)
    assert isinstance(info.value, ValueError)
    assert server.connections == 0


@pytest.mark.parametrize("email", ["maria", "maria@", "@x.ao", "a b@x.ao", "a@b@c.ao"])
def test_invalid_email_sends_nothing(client: zexa.Client, server: Recorder, email: str) -> None:
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.create(name="Maria", phone="+244912345678", email=email)
    assert server.connections == 0


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_sends_nothing(client: zexa.Client, server: Recorder, name: str) -> None:
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.create(name=name, phone="+244912345678")
    with pytest.raises(zexa.InvalidInputError):
        client.contact_lists.create(name=name)
    assert server.connections == 0


@pytest.mark.parametrize("per_page", [0, 101])
def test_per_page_out_of_range_sends_nothing(client: zexa.Client, server: Recorder, per_page: int) -> None:
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.list(per_page=per_page)
    with pytest.raises(zexa.InvalidInputError):
        client.contact_lists.list(per_page=per_page)
    assert server.connections == 0


@pytest.mark.parametrize(
    "bad_call",
    [
        lambda c: c.contacts.get(123),
        lambda c: c.contacts.get(None),
        lambda c: c.contacts.get(b"cnt_1"),
        lambda c: c.contacts.create(name=None, phone="+244912345678"),
        lambda c: c.contacts.create(name="Maria", phone=244912345678),
        lambda c: c.contacts.list(per_page="10"),
        lambda c: c.contacts.create(name="Maria", phone="+244912345678", lists="lst_1"),
    ],
)
def test_wrong_types_are_type_errors(client: zexa.Client, server: Recorder, bad_call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        bad_call(client)
    assert server.connections == 0


def test_key_with_crlf_is_refused_at_construction(server: Recorder) -> None:
    for key in ["zx\r\nX-Injected: 1", "zx\nkey", "zx key", "", "zx\x00key"]:
        with pytest.raises((zexa.InvalidInputError, ValueError)):
            zexa.Client(key, base_url=server.base_url)
    with pytest.raises(TypeError):
        zexa.Client(123, base_url=server.base_url)  # type: ignore[arg-type]
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("zx_key", base_url="http://api.zexa.ao/v1")
    assert server.connections == 0


@pytest.mark.parametrize(
    "contact_id,encoded",
    [
        ("a/b", "a%2Fb"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#frag", "a%23frag"),
        ("..", "%2E%2E"),
        ("nul\x00x", "nul%00x"),
        ("ção", "%C3%A7%C3%A3o"),
    ],
)
def test_odd_ids_are_one_segment(client: zexa.Client, server: Recorder, contact_id: str, encoded: str) -> None:
    with pytest.raises(zexa.NotFoundError):
        client.contacts.get(contact_id)
    assert server.lines == [f"GET /v1/contacts/{encoded} HTTP/1.1"]


def test_empty_id_sends_nothing(client: zexa.Client, server: Recorder) -> None:
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.get("")
    assert server.connections == 0


def test_huge_name_is_a_clean_request(client: zexa.Client, server: Recorder) -> None:
    with pytest.raises(zexa.NotFoundError):
        client.contacts.create(name="M" * (1024 * 1024), phone="+244912345678")
    assert server.lines == ["POST /v1/contacts HTTP/1.1"]


def test_a_closed_client_fails_cleanly(server: Recorder) -> None:
    c = zexa.Client("zx_key", base_url=server.base_url, max_retries=0)
    c.close()
    try:
        c.contacts.get("cnt_1")
    except zexa.NotFoundError:
        pass  # still usable after close: connections are released lazily
    except (zexa.ZexaError, RuntimeError, ValueError):
        pass  # refused cleanly
