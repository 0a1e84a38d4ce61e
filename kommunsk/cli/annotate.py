"""`kommunsk annotate`: every finding, including the municipal terms a text uses.

With `--output`, a Word file is written back as a copy with a review comment on
each finding (kommunsk.word), for writers who work in Word, not in a terminal.
"""

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
    ignore_option,
    municipality_option,
    use_color,
)
from kommunsk.cli.word import output_option, word_summary
from kommunsk.engine.registry import annotator_for
from kommunsk.errors import UsageError
from kommunsk.lint.check import SEVERITIES, CheckOptions, check_paths
from kommunsk.reporters import render
from kommunsk.word.comments import comment_file


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@format_option("text", "json")
@color_option
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES[::-1]),
    default=None,
    help="Laveste alvor der markeres (standard: info; med --output som check: suggestion).",
)
@ignore_option
@output_option(
    "Skriv en kopi af Word-filen med en kommentar ved hvert fund (fx tilbud.kommunsk.docx)."
)
@configured
def annotate(
    paths: tuple[str, ...],
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    fmt: str,
    color: bool | None,
    min_severity: str | None,
    ignore: tuple[str, ...],
    output: str | None,
) -> int:
    """Vis alle markeringer, også de kommunale fagord teksten bruger (til at læse fx et udbudsmateriale).

    Med --output skrives en kopi af en Word-fil med fundene som kommentarer; originalen røres ikke.

    \b
    Eksempel:
      kommunsk annotate kvalitetsstandard.docx
      echo "Visitationen vurderer behovet" | kommunsk annotate -
      kommunsk annotate tilbud.docx --output tilbud.kommunsk.docx
    """
    if output is not None:
        if len(paths) != 1:
            raise UsageError("--output kræver præcis én Word-fil")
        options = CheckOptions(
            municipality=municipality,
            as_of=as_of,
            min_severity=min_severity or "suggestion",
            ignore=ignore,
            overrides=config_overrides(),
        )
        written = comment_file(paths[0], output, annotator_for(glossary_paths), options)
        click.echo(word_summary(written), err=True)
        return EXIT_CLEAN
    options = CheckOptions(
        municipality=municipality,
        as_of=as_of,
        min_severity=min_severity or "info",
        fail_on="never",
        ignore=ignore,
        overrides=config_overrides(),
    )
    result = check_paths(paths or ("-",), annotator_for(glossary_paths), options)
    shown = use_color(color)
    output = render(fmt, result.findings, result.summary, color=shown, explain_once=True)
    click.echo(output, nl=not output.endswith("\n"), color=shown)
    for error in result.summary.errors:
        click.echo(f"kommunsk: fejl: {error}", err=True)
    return EXIT_USAGE if result.summary.errors else EXIT_CLEAN
