"""`kommunsk rewrite`: replace jargon with the municipal word, keeping inflection and case."""

from __future__ import annotations

from datetime import date

import click

from kommunsk.cli.options import (
    EXIT_CLEAN,
    as_of_option,
    config_overrides,
    configured,
    glossary_option,
    municipality_option,
)
from kommunsk.engine.registry import annotator_for
from kommunsk.lint.check import CheckOptions
from kommunsk.lint.rewrite_files import rewrite_file


@click.command()
@click.argument("path", type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--write", "-w", "mode", flag_value="write", help="Skriv ændringerne tilbage i filen (atomisk)."
)
@click.option("--diff", "mode", flag_value="diff", help="Vis ændringerne som unified diff.")
@configured
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
    options = CheckOptions(municipality=municipality, as_of=as_of, overrides=config_overrides())
    outcome = rewrite_file(path, annotator_for(glossary_paths), options=options, mode=mode)
    if outcome.output:
        click.echo(outcome.output, nl=not outcome.output.endswith("\n"))
    if outcome.message:
        click.echo(outcome.message, err=True)
    return EXIT_CLEAN
