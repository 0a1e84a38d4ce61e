"""`kommunsk annotate`: every finding, including the municipal terms a text uses."""

from __future__ import annotations

from datetime import date

import click

from kommunsk.cli.options import (
    EXIT_CLEAN,
    EXIT_USAGE,
    as_of_option,
    color_option,
    config_overrides,
    configured,
    format_option,
    glossary_option,
    municipality_option,
    use_color,
)
from kommunsk.engine.registry import annotator_for
from kommunsk.lint.check import CheckOptions, check_paths
from kommunsk.reporters import render


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@format_option("text", "json")
@color_option
@configured
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
    options = CheckOptions(
        municipality=municipality,
        as_of=as_of,
        min_severity="info",
        fail_on="never",
        overrides=config_overrides(),
    )
    result = check_paths(paths or ("-",), annotator_for(glossary_paths), options)
    shown = use_color(color)
    output = render(fmt, result.findings, result.summary, color=shown, explain_once=True)
    click.echo(output, nl=not output.endswith("\n"), color=shown)
    for error in result.summary.errors:
        click.echo(f"kommunsk: fejl: {error}", err=True)
    return EXIT_USAGE if result.summary.errors else EXIT_CLEAN
