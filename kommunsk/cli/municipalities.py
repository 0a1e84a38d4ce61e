"""`kommunsk municipalities`: the list of the 98 municipalities, a region's, or one municipality's profile."""

from __future__ import annotations

from datetime import date

import click

from kommunsk.cli.options import EXIT_CLEAN, as_of_option, format_option
from kommunsk.cli.views.municipalities import registry, render_municipalities


@click.command()
@click.argument("query", required=False)
@as_of_option
@format_option("text", "json")
def municipalities(query: str | None, as_of: date | None, fmt: str) -> int:
    """Vis én kommunes profil, eller list kommuner med kode, officielt navn og region (på datoen).

    Et navn, en kode eller et alias viser kommunens profil: region, kommunalbestyrelsens
    navn, udvalg, forvaltninger, lokale ord og kilderne. En region ("Region Sjælland")
    lister regionens kommuner på datoen; andet lister de kommuner, hvis navn indeholder
    teksten.

    \b
    Eksempel:
      kommunsk municipalities vejle
      kommunsk municipalities "Region Sjælland"
      kommunsk municipalities --as-of 2027-01-01 --format json
    """
    found = registry().find_one(query) if query else None
    if found is not None:
        # lazy: only a profile needs the compiled glossary (the council's name, local words)
        from kommunsk.cli.views.profile import render_profile
        from kommunsk.engine.registry import load

        day = as_of or date.today()
        glossary = load()
        profile = glossary.municipalities.get(found.code)
        click.echo(render_profile(glossary, profile, day, fmt), nl=False)
        return EXIT_CLEAN
    click.echo(render_municipalities(query, as_of, fmt), nl=False)
    return EXIT_CLEAN
