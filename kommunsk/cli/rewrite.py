"""`kommunsk rewrite`: replace jargon with the municipal word, keeping inflection and case.

A Word file is rewritten into a copy (`--output`) whose changes are tracked
changes, so the writer accepts or rejects each one in Word (kommunsk.word).
"""

from __future__ import annotations

from datetime import date

import click

from kommunsk.cli.options import (
    EXIT_CLEAN,
    as_of_option,
    config_overrides,
    configured,
    glossary_option,
    ignore_option,
    municipality_option,
)
from kommunsk.cli.word import output_option, word_summary
from kommunsk.engine.registry import annotator_for
from kommunsk.errors import UsageError
from kommunsk.lint.check import CheckOptions
from kommunsk.lint.rewrite_files import rewrite_file
from kommunsk.readers import kind_for
from kommunsk.word.tracked import track_file


@click.command()
@click.argument("path", type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--write", "-w", "mode", flag_value="write", help="Skriv ændringerne tilbage i filen (atomisk)."
)
@click.option("--diff", "mode", flag_value="diff", help="Vis ændringerne som unified diff.")
@ignore_option
@output_option(
    "Word: skriv en kopi med ændringerne som sporede ændringer (fx tilbud.rewritten.docx)."
)
@configured
def rewrite(
    path: str,
    municipality: str | None,
    as_of: date | None,
    glossary_paths: tuple[str, ...],
    mode: str | None,
    ignore: tuple[str, ...],
    output: str | None,
) -> int:
    """Omskriv forretningssprog til kommunale ord og bevar bøjning og store bogstaver.

    Kun sikre erstatninger foretages; jargon uden kommunalt modstykke og usikre fund står urørt.
    En Word-fil omskrives til en kopi (--output) med sporede ændringer; det, en person skal
    afgøre, bliver kommentarer. Originalen røres ikke.

    \b
    Eksempel:
      kommunsk rewrite tilbud.md --municipality Aarhus --diff
      kommunsk rewrite tilbud.docx --output tilbud.rewritten.docx
    """
    options = CheckOptions(
        municipality=municipality, as_of=as_of, ignore=ignore, overrides=config_overrides()
    )
    if kind_for(path) == "docx" or output is not None:
        if output is None:
            raise UsageError(
                f"en Word-fil omskrives til en kopi: kommunsk rewrite {path} --output KOPI.docx"
            )
        if mode is not None:
            raise UsageError("--output kan ikke bruges sammen med --write eller --diff")
        written = track_file(path, output, annotator_for(glossary_paths), options)
        click.echo(word_summary(written), err=True)
        return EXIT_CLEAN
    outcome = rewrite_file(path, annotator_for(glossary_paths), options=options, mode=mode)
    if outcome.output:
        click.echo(outcome.output, nl=not outcome.output.endswith("\n"))
    if outcome.message:
        click.echo(outcome.message, err=True)
    return EXIT_CLEAN
