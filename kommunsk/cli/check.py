"""`kommunsk check`: the linter and pre-commit entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kommunsk._version import __version__
from kommunsk.cli.options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    color_option,
    configured,
    fail,
    glossary_option,
    municipality_option,
    use_color,
)
from kommunsk.cli.progress import file_progress
from kommunsk.engine.registry import annotator_for
from kommunsk.lint import baseline
from kommunsk.lint.check import (
    DEFAULT_INCLUDE,
    FAIL_LEVELS,
    SEVERITIES,
    CheckOptions,
    check_paths,
    expand,
)
from kommunsk.reporters import REPORTERS, render


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@municipality_option
@as_of_option
@glossary_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    default="text",
    help="Output: text (standard), json, sarif eller github.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="warning",
    help="Laveste alvor der får kørslen til at fejle (standard: warning).",
)
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES[::-1]),
    default="suggestion",
    help="Laveste alvor der vises (standard: suggestion; info viser også kendte fagord).",
)
@click.option(
    "--ignore", multiple=True, metavar="ORD", help="Begreb (id) eller ord der ikke skal markeres."
)
@click.option("--include", multiple=True, default=DEFAULT_INCLUDE, hidden=True)
@click.option("--exclude", multiple=True, metavar="MØNSTER", help="Filer der springes over (glob).")
@click.option(
    "--baseline",
    "baseline_path",
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
    help="Foreslå også lokale varianter, som glossaret ikke har kunnet bekræfte.",
)
@color_option
@configured
def check(paths: tuple[str, ...], **options: Any) -> int:
    """Tjek filer for forretningssprog (bruges af pre-commit og i CI).

    Understøtter tekst, Markdown, HTML og Word (.docx); '-' læser fra standard input.
    Afslutter med 1, hvis noget fejler (standard: advarsler), 0 ellers og 2 ved brugerfejl.

    \b
    Eksempel:
      kommunsk check tilbud.md --municipality Aarhus --format sarif > kommunsk.sarif
    """
    if not paths:
        fail("angiv mindst én fil eller mappe (eller '-' for standard input)")
    baseline_path = options["baseline_path"]
    if options["update_baseline"] and not baseline_path:
        fail("--update-baseline kræver --baseline FIL (eller 'baseline' i konfigurationen)")
    known = None
    if baseline_path and not options["update_baseline"]:
        known = baseline.read(Path(baseline_path))
    check_options = CheckOptions(
        municipality=options["municipality"],
        as_of=options["as_of"],
        fail_on=options["fail_on"],
        min_severity=options["min_severity"],
        ignore=tuple(options["ignore"]),
        include=tuple(options["include"]),
        exclude=tuple(options["exclude"]),
        baseline=known,
        pipeline=options["pipeline"],
        unverified_variants=bool(options["unverified_variants"]),
    )
    engine = annotator_for(options["glossary_paths"])
    files = list(expand(paths, check_options))
    with file_progress(len(files)) as advance:
        result = check_paths(files, engine, check_options, on_file=advance)
    if options["update_baseline"]:
        baseline.write(
            Path(baseline_path),
            result.findings,
            kommunsk_version=__version__,
            glossary_version=engine.glossary.version,
        )
        click.echo(f"baseline skrevet: {baseline_path} ({len(result.findings)} fund)", err=True)
        return EXIT_CLEAN
    color = use_color(options["color"])
    output = render(options["fmt"], result.findings, result.summary, color=color)
    click.echo(output, nl=not output.endswith("\n"), color=color)
    return EXIT_FINDINGS if result.summary.failed else EXIT_CLEAN
