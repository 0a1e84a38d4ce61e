"""kommunsk's own JSON API: annotate, rewrite, explain and the municipalities, as the library answers.

Each answer carries the kommunsk and glossary versions; offsets are Python
string offsets (code points), as in the library. A user mistake (an unknown
municipality, a bad date, a missing field) is a 400 with {"error": {"code",
"message"}}, the code being the library's stable error code. Work with the
glossary runs in a worker thread (plain functions: Starlette runs them there).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from kommunsk._version import __version__
from kommunsk.errors import KommunskError, UnknownMunicipality, UsageError
from kommunsk.glossary.profile import profile_data
from kommunsk.server.service import FLAGGED, Service


def error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def failed(err: KommunskError) -> JSONResponse:
    """A library error as a 400 (404 for a municipality asked for by path)."""
    extra = {"suggestions": err.suggestions} if isinstance(err, UnknownMunicipality) else {}
    return error(400, err.code, str(err), **extra)


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body())
    except ValueError:
        raise UsageError("forespørgslen skal være et JSON-objekt") from None
    if not isinstance(data, dict):
        raise UsageError("forespørgslen skal være et JSON-objekt")
    text = data.get("text")
    if not isinstance(text, str):
        raise UsageError('feltet "text" mangler eller er ikke en tekst')
    for key in ("municipality", "date"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise UsageError(f'feltet "{key}" skal være en tekst')
    return data


Handler = Callable[[Service, dict[str, Any]], JSONResponse]


def _posted(handler: Handler) -> Callable[[Request], Awaitable[JSONResponse]]:
    """An endpoint that reads the JSON body, then runs `handler` in a worker thread (it uses
    the engine, which must not hold up the event loop)."""

    async def endpoint(request: Request) -> JSONResponse:
        service: Service = request.app.state.service
        try:
            data = await _body(request)
        except KommunskError as err:
            return failed(err)
        return await run_in_threadpool(handler, service, data)

    endpoint.__doc__ = handler.__doc__
    return endpoint


def _versions(service: Service, day: Any) -> dict[str, Any]:
    return {
        "kommunsk_version": __version__,
        "glossary_version": service.glossary(day).version,
        "as_of": day.isoformat(),
    }


def _annotate(service: Service, data: dict[str, Any]) -> JSONResponse:
    """POST {"text", "municipality"?, "date"?, "include_terms"?} -> the annotations."""
    try:
        day, code = service.place(data.get("municipality"), data.get("date"))
        found = service.annotate(data["text"], code, day)
    except KommunskError as err:
        return failed(err)
    if not data.get("include_terms"):
        found = [a for a in found if a.kind in FLAGGED]
    return JSONResponse(
        {
            **_versions(service, day),
            "municipality": code,
            "annotations": [a.to_dict() for a in found],
        }
    )


def _rewrite(service: Service, data: dict[str, Any]) -> JSONResponse:
    """POST {"text", "municipality"?, "date"?} -> the rewritten text, the changes, what is left."""
    try:
        day, code = service.place(data.get("municipality"), data.get("date"))
        done = service.rewrite(data["text"], code, day)
    except KommunskError as err:
        return failed(err)
    return JSONResponse(
        {
            **_versions(service, day),
            "municipality": code,
            "text": done.text,
            "changes": [
                {
                    "start": c.start,
                    "end": c.end,
                    "old": c.old,
                    "new": c.new,
                    "concept_id": c.concept_id,
                }
                for c in done.changes
            ],
            "needs_person": [a.to_dict() for a in done.needs_person],
        }
    )


annotate = _posted(_annotate)
rewrite = _posted(_rewrite)


def explain(request: Request) -> JSONResponse:
    """GET ?term=&municipality=&date= -> the concept, or the closest words (found: false)."""
    service: Service = request.app.state.service
    params = request.query_params
    term = params.get("term", "").strip()
    if not term:
        return error(400, "usage", 'parameteren "term" mangler')
    try:
        day = service.day(params.get("date"))
        result = service.explain(term, params.get("municipality"), day)
    except KommunskError as err:
        return failed(err)
    return JSONResponse({**_versions(service, day), **result.to_dict()})


def municipalities(request: Request) -> JSONResponse:
    """GET ?q=&date= -> the municipalities whose name, code or region contains q (all without q)."""
    service: Service = request.app.state.service
    try:
        day = service.day(request.query_params.get("date"))
    except KommunskError as err:
        return failed(err)
    wanted = request.query_params.get("q", "").strip().casefold()
    rows = [
        {
            "code": m.code,
            "name": m.name,
            "official_name": m.official_name,
            "region": m.region(day),
        }
        for m in sorted(service.glossary(day).municipalities, key=lambda m: m.code)
        if not wanted or any(wanted in w.casefold() for w in (*m.names, m.code, m.region(day)))
    ]
    return JSONResponse({**_versions(service, day), "municipalities": rows})


def municipality(request: Request) -> JSONResponse:
    """GET /api/municipalities/{name} -> one municipality's profile (404 with suggestions if none)."""
    service: Service = request.app.state.service
    try:
        day = service.day(request.query_params.get("date"))
        glossary = service.glossary(day)
        found = glossary.municipalities.lookup(request.path_params["name"])
    except UnknownMunicipality as err:
        return error(404, err.code, str(err), suggestions=err.suggestions)
    except KommunskError as err:
        return failed(err)
    return JSONResponse(
        {**_versions(service, day), "municipality": profile_data(glossary, found, day)}
    )
