"""Reading a posted form, with an uploaded file kept in memory (never written to disk).

Starlette spools an uploaded file to a temporary file on disk beyond 1 MB. The
parser here raises that threshold above the upload limit, which the body-size
limit enforces before the parser sees more, so an upload stays in memory.
"""

from __future__ import annotations

from typing import Any

from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from kommunsk.errors import UsageError

MAX_FIELDS = 20


def in_memory_parser(limit: int) -> type[MultiPartParser]:
    """A multipart parser that keeps files of up to `limit` bytes in memory."""

    class InMemory(MultiPartParser):
        spool_max_size = limit + 1

    return InMemory


async def read_form(request: Request, max_upload: int) -> dict[str, Any]:
    """The form's fields (the last value of each); a file field is an UploadFile held in memory."""
    kind = request.headers.get("content-type", "")
    try:
        if kind.startswith("multipart/form-data"):
            parser = in_memory_parser(max_upload)(
                request.headers,
                request.stream(),
                max_files=1,
                max_fields=MAX_FIELDS,
                max_part_size=max_upload,
            )
            form = await parser.parse()
        elif kind.startswith("application/x-www-form-urlencoded"):
            form = await FormParser(request.headers, request.stream()).parse()
        else:
            raise UsageError("formularen skal sendes som multipart/form-data eller urlencoded")
    except MultiPartException as error:
        raise UsageError(f"formularen kan ikke læses: {error.message}") from None
    return dict(form.items())
