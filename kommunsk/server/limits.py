"""Request size limits: a request larger than allowed gets 413 before the app reads it all.

The limit is checked against Content-Length first and then counted as the body
streams in, so a client that lies about the length (or sends chunks) is cut off too.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class TooLarge(Exception):
    """The body passed the limit while it was being read."""


class BodyLimit:
    """ASGI middleware: at most `limit(path)` bytes of request body, else 413."""

    def __init__(self, app: ASGIApp, limit: Callable[[str], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await refuse(scope, send, limit)
            return
        seen = 0
        started = exceeded = False

        async def counted() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if exceeded:  # the app's own error page for TooLarge is replaced by the 413
                if not started:
                    started = True
                    await refuse(scope, send, limit)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await refuse(scope, send, limit)


async def refuse(scope: Scope, send: Send, limit: int) -> None:
    """413, as JSON for the APIs and as one Danish line for everything else."""
    message = f"Forespørgslen er for stor: højst {limit:,} bytes.".replace(",", ".")
    path = str(scope["path"])
    if path.startswith("/api/"):
        body = json.dumps(
            {"error": {"code": "too-large", "message": message}}, ensure_ascii=False
        ).encode()
        kind = b"application/json"
    else:
        prefix = "Error: " if path.startswith("/v2/") else ""
        body = (prefix + message).encode()
        kind = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
