"""A tiny WSGI app for the gunicorn test: one client, created and warmed at import, which
``gunicorn --preload`` does in the master before forking its workers (so every worker inherits
its pooled connection). ``GET /?id=cnt_...`` answers ``<id> <phone>`` of that contact."""

from __future__ import annotations

import os
from typing import Callable, Iterable, List, Tuple
from urllib.parse import parse_qs

import zexa

client = zexa.Client(os.environ["ZEXA_API_KEY"], base_url=os.environ["ZEXA_BASE_URL"], max_retries=0)
client.credits.get()  # a live keep-alive connection, inherited by every worker

StartResponse = Callable[[str, List[Tuple[str, str]]], object]


def app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:  # type: ignore[type-arg]
    contact_id = parse_qs(environ.get("QUERY_STRING", "")).get("id", [""])[0]
    try:
        contact = client.contacts.get(contact_id)
        body, status = f"{contact.id} {contact.phone} {os.getpid()}".encode(), "200 OK"
    except zexa.ZexaError as e:
        body, status = f"error {type(e).__name__}: {e}".encode(), "502 Bad Gateway"
    start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
