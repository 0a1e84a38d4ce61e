"""The ASGI application behind `kommunsk serve`: routes, limits, security headers.

One process serves the page and the glossary pages (pages), kommunsk's JSON API
(api), LanguageTool's HTTP API (languagetool) and the OpenAPI description.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kommunsk.errors import KommunskError
from kommunsk.lint.check import CheckOptions
from kommunsk.server import api, openapi, pages
from kommunsk.server.downloads import DOCX, WordExport, word_exports
from kommunsk.server.forms import read_form
from kommunsk.server.languagetool import (
    LANGUAGES,
    ProtocolError,
    matches,
    parse_check,
    response,
)
from kommunsk.server.limits import BodyLimit
from kommunsk.server.service import Service, Settings

STATIC = Path(__file__).parent / "static"
UPLOAD_PATHS = frozenset({"/", "/hent/word"})  # the only places a file may be posted
MULTIPART_OVERHEAD = 100_000  # the form's other fields and part headers around an upload
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Every answer says: nothing from elsewhere, no framing, no guessing of content types."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def lt_check(request: Request) -> Response:
    """LanguageTool's POST /v2/check (GET with the same parameters works too)."""
    service: Service = request.app.state.service
    try:
        if request.method == "POST":
            form = await read_form(request, service.settings.max_body)
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
        else:
            fields = dict(request.query_params)
    except KommunskError as error:
        return PlainTextResponse(f"Error: {error}", status_code=400)
    link = str(request.url_for("concept", concept="{id}")).replace("%7Bid%7D", "{id}")
    return await run_in_threadpool(_lt_answer, service, fields, link)


def _lt_answer(service: Service, fields: dict[str, str], link: str) -> Response:
    """The /v2/check answer (in a worker thread: it uses the engine)."""
    try:
        checked = parse_check(fields)
        day, code = service.place(checked.municipality, fields.get("date") or None)
        found = service.annotate(checked.text.plain, code, day)
    except ProtocolError as error:
        return PlainTextResponse(str(error), status_code=error.status)
    except KommunskError as error:
        return PlainTextResponse(f"Error: {error}", status_code=400)
    glossary_version = service.glossary(day).version
    return JSONResponse(response(checked, matches(checked, found, link), glossary_version))


async def lt_languages(_request: Request) -> Response:
    return JSONResponse(list(LANGUAGES))


async def openapi_json(_request: Request) -> Response:
    return JSONResponse(openapi.document())


async def word_download(request: Request) -> Response:
    """POST a .docx: a copy with the findings as comments, or the safe rewrites as tracked changes."""
    service: Service = request.app.state.service
    exports: Mapping[str, tuple[WordExport, str]] = request.app.state.word_exports
    try:
        form = await read_form(request, service.settings.max_upload)
    except KommunskError as error:
        return PlainTextResponse(str(error), status_code=400)
    upload = form.get("fil")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return PlainTextResponse("Vælg en Word-fil (.docx).", status_code=400)
    chosen = exports.get(str(form.get("som", "kommentarer")))
    if chosen is None:
        return PlainTextResponse("Vælg kommentarer eller rettelser.", status_code=400)
    data = await upload.read()
    return await run_in_threadpool(_word_file, service, chosen, data, upload.filename, form)


def _word_file(
    service: Service,
    chosen: tuple[WordExport, str],
    data: bytes,
    filename: str,
    form: dict[str, Any],
) -> Response:
    """The uploaded Word file with the findings in it (in a worker thread: it uses the engine)."""
    export, suffix = chosen
    name = PurePath(filename).name
    try:
        day, code = service.place(
            str(form.get("kommune", "")) or None, str(form.get("dato", "")) or None
        )
        options = CheckOptions(
            municipality=code,
            as_of=day,
            unverified_variants=service.settings.unverified_variants,
        )
        result = service.with_engine(lambda engine: export(data, name, engine, options))
    except KommunskError as error:
        return PlainTextResponse(str(error), status_code=400)
    stem = PurePath(name).stem.replace('"', "")
    return Response(
        result,
        media_type=DOCX,
        headers={"content-disposition": f'attachment; filename="{stem}-{suffix}.docx"'},
    )


def create_app(settings: Settings | None = None) -> Starlette:
    """The application; `settings` are the command line's defaults and limits."""
    chosen = settings or Settings()

    def limit(path: str) -> int:
        if path in UPLOAD_PATHS:
            return chosen.max_upload + MULTIPART_OVERHEAD
        return chosen.max_body

    app = Starlette(
        routes=[
            Route("/", pages.check_page, methods=["GET", "POST"]),
            Route("/ordliste", pages.glossary_page),
            Route("/ordliste/{concept}", pages.concept_page, name="concept"),
            Route("/kommuner", pages.municipalities_page),
            Route("/kommuner/{name}", pages.municipality_page),
            Route("/hent/word", word_download, methods=["POST"]),
            Route("/api/annotate", api.annotate, methods=["POST"]),
            Route("/api/rewrite", api.rewrite, methods=["POST"]),
            Route("/api/explain", api.explain),
            Route("/api/municipalities", api.municipalities),
            Route("/api/municipalities/{name}", api.municipality),
            Route("/openapi.json", openapi_json),
            Route("/v2/check", lt_check, methods=["GET", "POST"]),
            Route("/v2/languages", lt_languages),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(SecurityHeaders), Middleware(BodyLimit, limit=limit)],
    )
    app.state.service = Service(chosen)
    app.state.word_exports = word_exports()
    return app
