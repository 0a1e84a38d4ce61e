"""`kommunsk serve`: the web page, the glossary pages, the JSON API and LanguageTool's HTTP API.

Binds to 127.0.0.1 unless told otherwise, on port 8081 (LanguageTool's own
default port, so clients' examples fit). The port is bound before the server
starts, so a taken port is one clear line and exit 2; Ctrl-C stops it cleanly.
"""

from __future__ import annotations

import ipaddress
import socket
from datetime import date

import click

from kommunsk.cli.options import (
    EXIT_CLEAN,
    as_of_option,
    configured,
    fail,
    glossary_option,
    municipality_option,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081
SERVER_PACKAGES = ("starlette", "uvicorn", "multipart", "jinja2")


@click.command()
@click.option(
    "--host", default=DEFAULT_HOST, show_default=True, help="Adressen serveren lytter på."
)
@click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535), help="Porten."
)
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--unverified-variants",
    is_flag=True,
    help="Foreslå også lokale varianter, som glossaret ikke har kunnet bekræfte.",
)
@configured
def serve(
    host: str,
    port: int,
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    unverified_variants: bool,
) -> int:
    """Start kommunsk som en lokal server: en webside, ordlisten, et JSON-API og LanguageTools API.

    Kommunen og datoen er standard for forespørgsler, der ikke selv angiver dem.
    LibreOffice (Værktøjer > Indstillinger > Sprogindstillinger > LanguageTool-server) og
    LanguageTools browsertilføjelse ("anden server") peges på http://127.0.0.1:8081/v2.

    \b
    Eksempel:
      kommunsk serve --municipality Aarhus
      kommunsk serve --port 8090
    """
    try:
        import uvicorn  # lazy: the server's packages load only for `kommunsk serve`

        from kommunsk.server.app import create_app  # lazy, as above
        from kommunsk.server.service import Settings  # lazy, as above
    except ImportError as error:
        missing = error.name or "starlette"
        fail(
            f"kommunsk serve mangler pakken {missing}; installer kommunsk igen med dens "
            "afhængigheder: pip install --force-reinstall kommunsk "
            f"(serveren bruger {', '.join(SERVER_PACKAGES)})"
        )
    settings = Settings(
        municipality=municipality,
        as_of=as_of,
        glossary_paths=tuple(glossary_paths),
        unverified_variants=unverified_variants,
    )
    app = create_app(settings)
    service = app.state.service
    day = service.day(None)
    service.find_municipality(municipality, day)  # an unknown default is a usage error now
    service.annotate("", None, day)  # load the glossary before the first request
    listener = _bind(host, port)
    address = listener.getsockname()
    shown = f"[{address[0]}]" if ":" in address[0] else address[0]
    if not _is_loopback(address[0]):
        click.echo(
            f"kommunsk: advarsel: serveren lytter på {address[0]} og kan nås fra andre maskiner",
            err=True,
        )
    click.echo(
        f"kommunsk kører på http://{shown}:{address[1]}/ (LanguageTool-API: /v2) – Ctrl-C stopper"
    )
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn has shut down gracefully and passes Ctrl-C on
        pass
    finally:
        listener.close()
    click.echo("kommunsk er stoppet")
    return EXIT_CLEAN


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, or one clear line about why there can be none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        fail(f"ukendt adresse: {host}")
    family, kind, proto, _name, where = infos[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(where)
    except OSError as error:
        listener.close()
        fail(f"kan ikke lytte på {host}:{port} ({error.strerror}); vælg en anden med --port")
    listener.listen(128)
    return listener


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
