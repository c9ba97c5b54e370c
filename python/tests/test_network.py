"""Real networks from Python: gzip asked for and decoded under the size limit, readable errors
for unasked-for or corrupt encodings, proxies (explicit, none, from the environment), and the
trust-store options. Every server here is on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import resource
import socket
import threading
from typing import Iterator, List

import pytest

import zexa

from conftest import Sandbox
from rawserver import RawServer, header, response

KEY = "zx_test_Sup3rS3cretKey9"
PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [*PROXY_VARS, "SSL_CERT_FILE", "SSL_CERT_DIR"]:
        monkeypatch.delenv(name, raising=False)


def printable(text: str) -> bool:
    return all(c.isprintable() and c != "\ufffd" for c in text)


CREDITS = json.dumps({"balance": 9, "currency": "AOA"}).encode()


def compressing(request: bytes) -> bytes:
    """gzip when asked for; a corrupt gzip body for /contacts/corrupt, brotli-like bytes for
    /contacts/brotli."""
    if "gzip" not in header(request, "accept-encoding"):
        return response(400, b'{"error": "asked for no gzip"}')
    line = request.split(b"\r\n", 1)[0]
    if b"/contacts/corrupt " in line:
        body = bytearray(gzip.compress(CREDITS))
        body[12:] = bytes(b ^ 0xFF for b in body[12:])
        return response(200, bytes(body), "content-encoding: gzip")
    if b"/contacts/brotli " in line:
        return response(200, bytes([0x1B, 0xFF, 0x00, 0xF8, 0x25, 0x00]), "content-encoding: br")
    return response(200, gzip.compress(CREDITS), "content-encoding: gzip")


@pytest.fixture
def gzip_server() -> Iterator[RawServer]:
    server = RawServer(compressing)
    yield server
    server.close()


def test_gzip_is_asked_for_and_decoded(gzip_server: RawServer) -> None:
    client = zexa.Client(KEY, base_url=gzip_server.base_url, max_retries=0)
    assert client.credits.get().balance == 9


@pytest.mark.parametrize(
    ("contact_id", "expected"),
    [("corrupt", "gzip-compressed body is corrupt"), ("brotli", 'compressed with "br", which the client did not ask for')],
)
def test_corrupt_or_unasked_for_encodings_are_readable_decode_errors(
    gzip_server: RawServer, contact_id: str, expected: str
) -> None:
    client = zexa.Client(KEY, base_url=gzip_server.base_url, max_retries=0)
    with pytest.raises(zexa.DecodeError) as caught:
        client.contacts.get(contact_id)
    assert expected in str(caught.value)
    assert printable(str(caught.value)), repr(str(caught.value))


def test_a_compressed_bomb_stops_at_the_size_limit_with_flat_memory() -> None:
    member = gzip.compress(bytes(1 << 20))
    bomb = response(200, member * 1024, "content-encoding: gzip")  # 1 GiB inflated, ~1 MiB sent
    server = RawServer(lambda _request: bomb)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        client = zexa.Client(KEY, base_url=server.base_url, max_retries=0)
        with pytest.raises(zexa.DecodeError) as caught:
            client.credits.get()
        assert "larger than the limit" in str(caught.value)
        grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert grown_mib < 64, f"peak RSS grew by {grown_mib:.0f} MiB"
    finally:
        server.close()


class ConnectProxy:
    """A CONNECT proxy on 127.0.0.1: records each request line, answers ``answer`` (e.g.
    ``403 Forbidden``), or on ``200`` tunnels to the target."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.lines: List[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            self._converse(conn)

    def _converse(self, conn: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                return
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode()
        self.lines.append(line)
        if not self.answer.startswith("200"):
            conn.sendall(f"HTTP/1.1 {self.answer}\r\ncontent-length: 0\r\n\r\n".encode())
            return
        host, port = line.split()[1].rsplit(":", 1)
        with socket.create_connection((host, int(port))) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self._tunnel(conn, upstream)

    @staticmethod
    def _tunnel(conn: socket.socket, upstream: socket.socket) -> None:
        def pump(src: socket.socket, dst: socket.socket) -> None:
            try:
                while chunk := src.recv(65536):
                    dst.sendall(chunk)
            except OSError:
                pass
            finally:
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

        back = threading.Thread(target=pump, args=(upstream, conn), daemon=True)
        back.start()
        pump(conn, upstream)
        back.join(timeout=10)

    def close(self) -> None:
        self.listener.close()


def test_an_explicit_proxy_is_used_even_for_a_loopback_sandbox(sandbox: Sandbox) -> None:
    proxy = ConnectProxy("200 OK")
    try:
        client = sandbox.client(proxy=proxy.url)
        assert client.credits.get().currency
        assert len(proxy.lines) == 1 and proxy.lines[0].startswith("CONNECT 127.0.0.1:")
    finally:
        proxy.close()


def test_a_refusing_proxy_is_named_without_its_credentials() -> None:
    proxy = ConnectProxy("403 Forbidden")
    try:
        with_credentials = proxy.url.replace("http://", "http://alice:pr0xy-s3cret@")
        client = zexa.Client(KEY, proxy=with_credentials, max_retries=0)
        with pytest.raises(zexa.APIConnectionError) as caught:
            client.credits.get()
        text = str(caught.value)
        assert f"proxy {proxy.url[7:]} refused CONNECT with 403" in text
        assert "pr0xy-s3cret" not in text and "alice" not in text
        assert not caught.value.may_have_executed
        assert proxy.lines == ["CONNECT api.zexa.ao:443 HTTP/1.1"]
    finally:
        proxy.close()


def test_proxies_from_the_environment(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    proxy = ConnectProxy("403 Forbidden")
    try:
        # A loopback sandbox is never proxied from the environment (the key stays off the proxy).
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("ALL_PROXY", proxy.url)
        sandbox.client().credits.get()
        assert proxy.lines == []
        # An https API uses HTTPS_PROXY, unless proxy=None or trust_env=False.
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        with pytest.raises(zexa.APIConnectionError, match="refused CONNECT with 403"):
            zexa.Client(KEY, max_retries=0).credits.get()
        assert proxy.lines == ["CONNECT api.zexa.ao:443 HTTP/1.1"]
        # A malformed variable is an error naming it, never quoting its credentials.
        monkeypatch.setenv("HTTPS_PROXY", "http://alice:s3cret@proxy.corp:99999")
        with pytest.raises(zexa.InvalidInputError) as caught:
            zexa.Client(KEY)
        assert caught.value.field == "HTTPS_PROXY" and "s3cret" not in str(caught.value)
        zexa.Client(KEY, proxy=None)
        zexa.Client(KEY, trust_env=False)
        zexa.Client(KEY, proxy="http://127.0.0.1:3128")
    finally:
        proxy.close()


def test_plain_http_never_goes_through_a_remote_proxy(sandbox: Sandbox) -> None:
    with pytest.raises(zexa.InvalidInputError, match="10.0.0.5:3128 is not on this machine"):
        sandbox.client(proxy="http://10.0.0.5:3128")
    with pytest.raises(TypeError):
        zexa.Client(KEY, proxy=3128)  # type: ignore[arg-type]


def test_trust_store_options(monkeypatch: pytest.MonkeyPatch) -> None:
    zexa.Client(KEY, os_trust_store=True)
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    with pytest.raises(zexa.InvalidInputError) as caught:
        zexa.Client(KEY)
    assert caught.value.field == "SSL_CERT_FILE"
    zexa.Client(KEY, trust_env=False)
