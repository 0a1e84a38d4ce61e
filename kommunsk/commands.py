"""The commands of the `kommunsk` command line (registered on `cli.cli`)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    cli,
    fail,
    format_option,
    glossary_option,
    municipality_option,
)

FORMATS = click.Choice(["text", "json", "sarif", "github"])


def _color(choice: bool | None) -> bool:
    import os

    if choice is not None:
        return choice
    return (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


def _settings(config_path: str | None, **given: Any) -> dict[str, Any]:
    """Command-line values over the configuration file's (None means 'not given')."""
    from . import config

    found = config.load(Path(config_path) if config_path else None)
    merged = {k.replace("-", "_"): v for k, v in found.values.items()}
    merged.update({k: v for k, v in given.items() if v not in (None, ())})
    return merged


def _annotator(glossary_paths: tuple[str, ...] | list[str]) -> Any:
    from .engine import annotator, load

    return annotator(load(list(glossary_paths)) if glossary_paths else None)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--format", "-f", "fmt", type=FORMATS, help="Output: text (standard), json, sarif eller github."
)
@click.option(
    "--fail-on",
    type=click.Choice(["warning", "suggestion", "info", "never"]),
    help="Laveste alvor der får kørslen til at fejle (standard: warning).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["warning", "suggestion", "info"]),
    help="Laveste alvor der vises (standard: suggestion; info viser også kendte fagord).",
)
@click.option(
    "--ignore", multiple=True, metavar="ORD", help="Begreb (id) eller ord der ikke skal markeres."
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Fejl kun på fund, der ikke står i denne baseline-fil.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Skriv alle nuværende fund til baseline-filen og afslut med 0.",
)
@click.option(
    "--pipeline",
    metavar="NAVN",
    help="Brug en installeret spaCy-pipeline (fx da_core_news_sm, eller 'blank') til lemmaer og ordklasser.",
)
@click.option(
    "--unverified-variants",
    is_flag=True,
    default=None,
    help="Foreslå også lokale varianter, som glossaret ikke har kunnet bekræfte.",
)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Brug denne konfigurationsfil."
)
@click.option(
    "--color/--no-color", default=None, help="Farver i tekst-output (standard: kun i en terminal)."
)
def check(paths: tuple[str, ...], **options: Any) -> int:
    """Tjek filer for forretningssprog (bruges af pre-commit og i CI).

    Understøtter tekst, Markdown, HTML og Word (.docx); '-' læser fra standard input.
    Afslutter med 1, hvis noget fejler (standard: advarsler), 0 ellers og 2 ved brugerfejl.

    \b
    Eksempel:
      kommunsk check tilbud.md --municipality Aarhus --format sarif > kommunsk.sarif
    """
    from .check import DEFAULT_INCLUDE, CheckOptions, check_paths, expand
    from .progress import file_progress
    from .reporters import render

    settings = _settings(options.pop("config_path"), **options)
    if not paths:
        fail("angiv mindst én fil eller mappe (eller '-' for standard input)")
    baseline_path = settings.get("baseline")
    known = None
    if baseline_path and not settings.get("update_baseline"):
        from .baseline import read as read_baseline

        known = read_baseline(Path(baseline_path))
    check_options = CheckOptions(
        municipality=settings.get("municipality"),
        as_of=settings.get("as_of")
        if isinstance(settings.get("as_of"), date)
        else _date(settings.get("as_of")),
        fail_on=settings.get("fail_on", "warning"),
        min_severity=settings.get("min_severity", "suggestion"),
        ignore=tuple(settings.get("ignore", ())),
        include=tuple(settings.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(settings.get("exclude", ())),
        baseline=known,
        pipeline=settings.get("pipeline"),
        unverified_variants=bool(settings.get("unverified_variants")),
    )
    engine = _annotator(settings.get("glossary", ()))
    files = list(expand(paths, check_options))
    with file_progress(len(files)) as advance:
        result = check_paths(files, engine, check_options, on_file=advance)
    if settings.get("update_baseline"):
        if not baseline_path:
            fail("--update-baseline kræver --baseline FIL (eller 'baseline' i konfigurationen)")
        from .baseline import write as write_baseline

        write_baseline(
            Path(baseline_path),
            result.findings,
            kommunsk_version=__version__,
            glossary_version=engine.glossary.version,
        )
        click.echo(f"baseline skrevet: {baseline_path} ({len(result.findings)} fund)", err=True)
        return EXIT_CLEAN
    color = _color(settings.get("color"))
    output = render(
        settings.get("fmt") or settings.get("format") or "text",
        result.findings,
        result.summary,
        color=color,
    )
    click.echo(output, nl=not output.endswith("\n"), color=color)
    return EXIT_FINDINGS if result.summary.failed else EXIT_CLEAN


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"'as-of' i konfigurationen er ikke en dato på formen ÅÅÅÅ-MM-DD: {value}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@format_option("text", "json")
@click.option(
    "--color/--no-color", default=None, help="Farver i tekst-output (standard: kun i en terminal)."
)
def annotate(
    paths: tuple[str, ...],
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    fmt: str,
    color: bool | None,
) -> int:
    """Vis alle markeringer, også de kommunale fagord teksten bruger (til at læse fx et udbudsmateriale).

    \b
    Eksempel:
      kommunsk annotate kvalitetsstandard.docx
      echo "Visitationen vurderer behovet" | kommunsk annotate -
    """
    from .check import CheckOptions, check_paths
    from .reporters import render

    options = CheckOptions(
        municipality=municipality, as_of=as_of, min_severity="info", fail_on="never"
    )
    result = check_paths(paths or ("-",), _annotator(glossary_paths), options)
    shown = _color(color)
    output = render(fmt, result.findings, result.summary, color=shown)
    click.echo(output, nl=not output.endswith("\n"), color=shown)
    return EXIT_CLEAN


@cli.command()
@click.argument("term")
@municipality_option
@as_of_option
@glossary_option
@format_option("text", "json")
def explain(
    term: str,
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    fmt: str,
) -> int:
    """Forklar et kommunalt fagord eller et forretningsord: definition, lovgrundlag, kilder, lokal variant.

    Bøjede former og stavefejl findes også ("visiteret", "plejecentre", "BUM-modellen").

    \b
    Eksempel:
      kommunsk explain visitation --municipality Odense
    """
    import json

    import kommunsk

    from .explain_view import render_explanation

    glossary = _annotator(glossary_paths).glossary
    result = kommunsk.explain(term, municipality=municipality, glossary=glossary, as_of=as_of)
    if fmt == "json":
        data = {
            "schema_version": 1,
            "kommunsk_version": __version__,
            "glossary_version": glossary.version,
            **result.to_dict(),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_explanation(result))
    return EXIT_CLEAN if result.found else EXIT_FINDINGS


@cli.command()
@click.argument("path", type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--write", "-w", "mode", flag_value="write", help="Skriv ændringerne tilbage i filen (atomisk)."
)
@click.option("--diff", "mode", flag_value="diff", help="Vis ændringerne som unified diff.")
def rewrite(
    path: str,
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    mode: str | None,
) -> int:
    """Omskriv forretningssprog til kommunale ord og bevar bøjning og store bogstaver.

    Kun sikre erstatninger foretages; jargon uden kommunalt modstykke og usikre fund står urørt.

    \b
    Eksempel:
      kommunsk rewrite tilbud.md --municipality Aarhus --diff
    """
    from .rewrite_files import rewrite_file

    outcome = rewrite_file(
        path, _annotator(glossary_paths), municipality=municipality, as_of=as_of, mode=mode
    )
    if outcome.output:
        click.echo(outcome.output, nl=not outcome.output.endswith("\n"))
    if outcome.message:
        click.echo(outcome.message, err=True)
    return EXIT_CLEAN


@cli.command()
@click.argument("query", required=False)
@as_of_option
@format_option("text", "json")
def municipalities(query: str | None, as_of: date | None, fmt: str) -> int:
    """List Danmarks 98 kommuner med kode, officielt navn og region (på datoen).

    \b
    Eksempel:
      kommunsk municipalities aarhus
      kommunsk municipalities --as-of 2027-01-01 --format json
    """
    from .registry_view import render_municipalities

    click.echo(render_municipalities(query, as_of, fmt), nl=False)
    return EXIT_CLEAN


from . import glossary_commands  # noqa: E402,F401  (registers `kommunsk glossary ...`)
