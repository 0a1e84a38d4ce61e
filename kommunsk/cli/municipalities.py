"""`kommunsk municipalities`: the 98 municipalities, without compiling the glossary or loading NLP."""

from __future__ import annotations

from datetime import date

import click

from kommunsk.cli.options import EXIT_CLEAN, as_of_option, format_option
from kommunsk.cli.views.municipalities import render_municipalities


@click.command()
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
    click.echo(render_municipalities(query, as_of, fmt), nl=False)
    return EXIT_CLEAN
