"""`kommunsk explain`: what a municipal word means and what a company should know about it."""

from __future__ import annotations

import json
from datetime import date

import click

from kommunsk._version import __version__
from kommunsk.cli.options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    configured,
    format_option,
    glossary_option,
    municipality_option,
)
from kommunsk.cli.views.explain import render_explanation
from kommunsk.engine.explain import explain_with
from kommunsk.engine.registry import annotator_for


@click.command()
@click.argument("term")
@municipality_option
@as_of_option
@glossary_option
@format_option("text", "json")
@configured
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
    engine = annotator_for(glossary_paths)
    result = explain_with(engine, term, municipality=municipality, as_of=as_of)
    if fmt == "json":
        data = {
            "schema_version": 1,
            "kommunsk_version": __version__,
            "glossary_version": engine.glossary.version,
            **result.to_dict(),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_explanation(result))
    return EXIT_CLEAN if result.found else EXIT_FINDINGS
