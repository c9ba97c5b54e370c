"""A hand-made HTTP server on 127.0.0.1 for what the sandbox cannot do on cue: never answer,
answer 429 with a long Retry-After, echo the request's headers back."""

from __future__ import annotations

import socket
import threading
from typing import Callable, List, Optional


class RawServer:
    """Accepts connections; ``answer(request_bytes)`` gives the bytes to send back, or ``None``
    to stay silent until the client goes away. ``requests`` is set once per request read."""

    def __init__(self, answer: Callable[[bytes], Optional[bytes]]) -> None:
        self.answer = answer
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.received = threading.Event()
        self.count = 0
        self._conns: List[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            data += chunk
            head, sep, rest = data.partition(b"\r\n\r\n")
            if not sep:
                continue
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if len(rest) < length:
                continue
            data = rest[length:]
            with self._lock:
                self.count += 1
            self.received.set()
            reply = self.answer(head + sep + rest[:length])
            if reply is not None:
                try:
                    conn.sendall(reply)
                except OSError:
                    return

    def close(self) -> None:
        self.listener.close()
        with self._lock:
            for conn in self._conns:
                conn.close()


def response(status: int, body: bytes, *headers: str) -> bytes:
    """An HTTP/1.1 response with a JSON body."""
    lines = [f"HTTP/1.1 {status} X", "content-type: application/json", f"content-length: {len(body)}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def header(request: bytes, name: str) -> str:
    """The value of a request header (empty when absent)."""
    for line in request.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower().encode():
            return value.strip().decode()
    return ""
