"""TLS: certificates are verified, and a private CA is trusted only once configured."""

from __future__ import annotations

import http.server
import json
import shutil
import ssl
import subprocess
import threading
from pathlib import Path
from typing import Iterator, Tuple

import pytest

import zexa

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl CLI")


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway CA and a leaf for 127.0.0.1 signed by it."""
    d = tmp_path_factory.mktemp("tls")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
             "-days", "1", "-subj", "/CN=zexa test CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
             cwd=d)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
             "-subj", "/CN=localhost", cwd=d)
    (d / "leaf.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
    )
    _openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "leaf.pem", "-days", "1", "-extfile", "leaf.ext", cwd=d)
    return d


BIG = 12 * 1024 * 1024


class _Credits(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real server

    def _answer(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        pad = "p" * BIG if self.path.endswith("/big") else ""
        self._answer({"balance": 42, "currency": "AOA", "pad": pad})

    def do_POST(self) -> None:  # noqa: N802
        """An upload: counts the CSV rows that arrived whole (the file ends in a marker)."""
        body = self.rfile.read(int(self.headers["Content-Length"]))
        rows = body.count(b",+2449") if b"END,OF FILE\n" in body else 0
        self._answer({"upload_id": "upl_1", "total_rows": rows})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def https_server(certs: Path) -> Iterator[Tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 presenting the leaf; yields its base URL and the CA file."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Credits)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs / "leaf.pem", certs / "leaf.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/v1", certs / "ca.pem"
    server.shutdown()
    server.server_close()


def test_a_self_signed_server_is_refused(https_server: Tuple[str, Path]) -> None:
    url, _ = https_server
    client = zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5)
    with pytest.raises(zexa.APIConnectionError) as caught:
        client.credits.get()
    assert "zx_test_key" not in str(caught.value)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_the_server_is_trusted_once_its_ca_is_configured(https_server: Tuple[str, Path], as_bytes: bool) -> None:
    url, ca = https_server
    ca_cert = ca.read_bytes() if as_bytes else str(ca)
    client = zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5, ca_cert=ca_cert)
    credits = client.credits.get()
    assert credits.balance == 42 and credits.currency == "AOA"


def test_ca_cert_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        zexa.Client("zx_test_key", ca_cert=123)  # type: ignore[arg-type]


def test_ca_cert_without_a_certificate_is_refused(tmp_path: Path) -> None:
    with pytest.raises(zexa.InvalidInputError):
        zexa.Client("zx_test_key", ca_cert=b"not a pem")


def test_ssl_cert_file_and_dir_are_honoured(
    https_server: Tuple[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url, ca = https_server
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    assert zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5).credits.get().balance == 42
    # trust_env=False ignores it: back to the bundled roots, which do not know this CA.
    with pytest.raises(zexa.APIConnectionError):
        zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5, trust_env=False).credits.get()
    monkeypatch.delenv("SSL_CERT_FILE")
    (tmp_path / "corp-ca.crt").write_bytes(ca.read_bytes())
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    assert zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5).credits.get().balance == 42


def test_the_os_trust_store_does_not_know_a_private_ca(https_server: Tuple[str, Path]) -> None:
    url, _ = https_server
    with pytest.raises(zexa.APIConnectionError, match="(?i)certificate"):
        zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=5, os_trust_store=True).credits.get()


def test_a_large_page_and_a_large_upload_pass_over_tls(https_server: Tuple[str, Path]) -> None:
    """The 16 KiB connection buffers (under and above rustls) stream whole bodies both ways."""
    url, ca = https_server
    client = zexa.Client("zx_test_key", base_url=url, max_retries=0, timeout=30, ca_cert=str(ca))
    page = client.request("GET", "/big")
    assert len(page["pad"]) == BIG
    rows = [f"Contact {i},+2449{i:08}" for i in range(300_000)]
    csv = ("name,phone\n" + "\n".join(rows) + "\nEND,OF FILE\n").encode()
    assert len(csv) > 8 * 1024 * 1024
    assert client.contacts.upload(csv, filename="big.csv").total_rows == len(rows)
