"""The web page and the glossary pages: server-rendered HTML, Danish, readable without JavaScript.

Handlers that use the glossary are plain functions, which Starlette runs in a
worker thread, so the event loop never waits for the engine.

The check page is one form: the text (or an uploaded file, read in memory by
the readers), the municipality and the date. Every button posts the form back
(check, use one suggestion, make every safe replacement), so the page keeps no
state between requests and works without scripts; the one script only adds
copying to the clipboard. Templates escape every value (Jinja2 autoescape).
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kommunsk._version import __version__
from kommunsk.engine.rewrite import apply
from kommunsk.errors import KommunskError, ReadError, Skipped, UnknownConcept, UnknownMunicipality
from kommunsk.glossary.municipalities import CATEGORIES, Municipality
from kommunsk.glossary.profile import HEADINGS, profile_data
from kommunsk.readers import read_bytes
from kommunsk.server import findings
from kommunsk.server.forms import read_form
from kommunsk.server.service import Service

UPLOAD_KINDS = (".docx", ".md", ".markdown", ".txt", ".text", ".html", ".htm")
STATUSES = {"preferred": "foretrukket", "admitted": "tilladt", "deprecated": "frarådet"}

TEMPLATES = Environment(
    loader=PackageLoader("kommunsk.server", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
)


def render(service: Service, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A template filled in, with the versions every page shows in its footer."""
    glossary = service.glossary(service.day(None))
    html = TEMPLATES.get_template(name).render(
        version=__version__, glossary_version=glossary.version, **values
    )
    return HTMLResponse(html, status_code=status)


async def check_page(request: Request) -> Response:
    """GET: the empty form. POST: check the text or file, apply what a button asked for."""
    service: Service = request.app.state.service
    values: dict[str, Any] = {
        "text": "",
        "filename": None,
        "municipality_query": service.settings.municipality or "",
        "day": service.day(None).isoformat(),
        "show_terms": False,
        "result": None,
        "error": None,
        "notice": None,
        "word_export": bool(request.app.state.word_exports),
    }
    form: dict[str, Any] | None = None
    if request.method == "POST":
        try:
            form = await read_form(request, service.settings.max_upload)
        except KommunskError as error:
            values["error"] = str(error)
    return await run_in_threadpool(_page, service, form, values)


def _page(service: Service, form: dict[str, Any] | None, values: dict[str, Any]) -> Response:
    """The page, after checking what the form asked for (in a worker thread: it uses the engine)."""
    status = 400 if values["error"] else 200
    if form is not None:
        try:
            status = _check(service, form, values)
        except KommunskError as error:
            values["error"] = str(error)
            status = 400
    values["municipalities"] = sorted(
        service.glossary(date.fromisoformat(values["day"])).municipalities,
        key=lambda m: m.name,
    )
    return render(service, "index.html", status, **values)


def _check(service: Service, form: dict[str, Any], values: dict[str, Any]) -> int:
    """Fill `values` from the form: read the upload, make the asked-for changes, check the text."""
    values["municipality_query"] = str(form.get("kommune", "")).strip()
    day = service.day(str(form.get("dato", "")).strip() or None)
    values["day"] = day.isoformat()
    values["show_terms"] = bool(form.get("fagord"))
    text = str(form.get("tekst", ""))
    upload = form.get("fil")
    ignored: tuple[tuple[int, int], ...] = ()
    if isinstance(upload, UploadFile) and upload.filename:
        values["filename"] = upload.filename
        text, ignored = _read_upload(upload)
    values["text"] = text  # kept in the form even when what follows fails
    municipality = service.find_municipality(values["municipality_query"], day)
    code = municipality.code if municipality is not None else None
    action = str(form.get("handling", "tjek"))
    if action == "ret-alle":
        rewritten = service.rewrite(text, code, day)
        text = rewritten.text
        values["notice"] = f"{len(rewritten.changes)} sikre rettelser er lavet."
    elif action.startswith("brug:"):
        chosen = [a for a in service.annotate(text, code, day) if findings.apply_key(a) == action]
        if chosen:
            text = apply(text, chosen).text
            values["notice"] = "Forslaget er brugt."
        else:
            values["notice"] = "Forslaget passer ikke længere til teksten; tjek den igen."
    annotations = [
        a
        for a in findings.shown(service.annotate(text, code, day), values["show_terms"])
        if not any(start <= a.start < end for start, end in ignored)
    ]
    values["text"] = text
    values["result"] = findings.result(text, annotations, service.glossary(day), municipality, day)
    return 200


def _read_upload(upload: UploadFile) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text of an uploaded file, read in memory; ReadError for what cannot be read."""
    name = upload.filename or ""
    if PurePath(name).suffix.lower() not in UPLOAD_KINDS:
        raise ReadError(f"filtypen kan ikke læses: {name} (brug .docx, .md, .txt eller .html)")
    upload.file.seek(0)
    data = upload.file.read()
    try:
        document = read_bytes(data, PurePath(name).name)
    except Skipped as skipped:
        raise ReadError(f"{name}: {skipped}") from None
    return document.text, document.ignored


def glossary_page(request: Request) -> Response:
    """The concepts, all or those a search finds (by any term, business form or id)."""
    service: Service = request.app.state.service
    glossary = service.glossary(service.day(None))
    query = request.query_params.get("q", "").strip()
    concepts = sorted(glossary, key=lambda c: c.label.casefold())
    if query:
        wanted = query.casefold()
        concepts = [c for c in concepts if any(wanted in w.casefold() for w in _words(c))]
    return render(service, "glossary.html", concepts=concepts, query=query)


def _words(concept: Any) -> list[str]:
    return [
        concept.id,
        concept.label,
        *(t.term for t in concept.terms),
        *(b.form for b in concept.business_forms),
    ]


def concept_page(request: Request) -> Response:
    """One concept: definition, explanation, terms, business forms, law, sources, local variants."""
    service: Service = request.app.state.service
    day = service.day(request.query_params.get("dato"))
    glossary = service.glossary(day)
    concept_id = request.path_params["concept"]
    if concept_id not in glossary:
        try:
            concept = glossary.lookup(concept_id)
        except UnknownConcept as error:
            return _not_found(
                service,
                "Begrebet findes ikke",
                f"Ordlisten har intet begreb, der hedder {concept_id}.",
                [(label, f"/ordliste?q={quote(label)}") for label in error.suggestions],
            )
    else:
        concept = glossary.get(concept_id)
    names = {m.code: m.name for m in glossary.municipalities}
    variants = [
        {
            "code": v.code,
            "municipality": names.get(v.code, v.code),
            "term": v.term,
            "verified": v.verified,
            "source": v.source,
        }
        for v in concept.variants
        if v.is_valid(day)
    ]
    see_also = [(i, glossary.get(i).label) for i in concept.see_also if i in glossary]
    replaced = concept.replaced_by
    return render(
        service,
        "concept.html",
        concept=concept,
        variants=sorted(variants, key=lambda v: str(v["municipality"])),
        see_also=see_also,
        statuses=STATUSES,
        retired=concept.is_retired(day),
        replaced_label=glossary.get(replaced).label if replaced and replaced in glossary else "",
    )


def municipalities_page(request: Request) -> Response:
    """The 98 municipalities, or those whose name, code or region contains the search."""
    service: Service = request.app.state.service
    day = service.day(None)
    query = request.query_params.get("q", "").strip()
    found: list[Municipality] = sorted(service.glossary(day).municipalities, key=lambda m: m.name)
    if query:
        wanted = query.casefold()
        found = [
            m
            for m in found
            if any(wanted in w.casefold() for w in (*m.names, m.code, m.region(day)))
        ]
    return render(service, "municipalities.html", municipalities=found, query=query, day=day)


def municipality_page(request: Request) -> Response:
    """One municipality's profile: council, committees, administrations, its own words."""
    service: Service = request.app.state.service
    day = service.day(request.query_params.get("dato"))
    glossary = service.glossary(day)
    name = request.path_params["name"]
    try:
        municipality = glossary.municipalities.lookup(name)
    except UnknownMunicipality as error:
        return _not_found(
            service,
            "Kommunen findes ikke",
            f"Ingen kommune hedder {name}.",
            [(label, f"/kommuner?q={quote(label)}") for label in error.suggestions],
        )
    profile = profile_data(glossary, municipality, day)
    groups = [
        (HEADINGS[category], [f for f in profile["facts"] if f["category"] == category])
        for category in CATEGORIES
    ]
    return render(
        service,
        "municipality.html",
        profile=profile,
        groups=[(heading, facts) for heading, facts in groups if facts],
    )


def _not_found(
    service: Service, title: str, message: str, suggestions: list[tuple[str, str]]
) -> Response:
    """The 404 page for a concept or municipality that does not exist, with the closest ones."""
    return render(service, "error.html", 404, title=title, message=message, suggestions=suggestions)
