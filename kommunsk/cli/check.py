"""`kommunsk check`: the linter and pre-commit entry point."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from kommunsk._version import __version__
from kommunsk.cli.options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_USAGE,
    as_of_option,
    color_option,
    config_overrides,
    configured,
    fail,
    glossary_option,
    ignore_option,
    municipality_option,
    use_color,
)
from kommunsk.cli.progress import file_progress
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.registry import annotator_for
from kommunsk.errors import ReadError, Skipped, WriteError
from kommunsk.lint import baseline
from kommunsk.lint.check import (
    FAIL_LEVELS,
    SEVERITIES,
    CheckOptions,
    CheckResult,
    check_paths,
    expand,
)
from kommunsk.lint.files import DEFAULT_INCLUDE
from kommunsk.reporters import REPORTERS, github, render_chunks, statistics


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
@ignore_option
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
@click.option("--quiet", "-q", is_flag=True, help="Vis kun fundene (ingen opsummering).")
@click.option(
    "--statistics", is_flag=True, help="Vis antal fund pr. begreb i stedet for hvert fund."
)
@click.option(
    "--stdin-filename",
    metavar="NAVN",
    help="Læs standard input som denne fil (filtypen vælger læseren, fx tilbud.md).",
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Vis de sikre omskrivninger som diff (ændrer intet)."
)
@click.option(
    "--fix", is_flag=True, help="Foretag de sikre omskrivninger i filerne, og tjek derefter."
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
    Afslutter med 1, hvis noget fejler (standard: advarsler), 2 hvis en fil ikke kan læses
    eller ved brugerfejl, og ellers 0.

    \b
    Eksempel:
      kommunsk check tilbud.md --municipality Aarhus --format sarif > kommunsk.sarif
    """
    if not paths:
        fail("angiv mindst én fil eller mappe (eller '-' for standard input)")
    if options["update_baseline"] and not options["baseline_path"]:
        fail("--update-baseline kræver --baseline FIL (eller 'baseline' i konfigurationen)")
    if options["show_diff"] and options["fix"]:
        fail("--diff og --fix kan ikke bruges sammen")
    check_options = _check_options(options)
    engine = annotator_for(options["glossary_paths"])
    files = list(expand(paths, check_options))
    if options["show_diff"]:
        return _show_diff(files, engine, check_options)
    if options["fix"]:
        _fix(files, engine, check_options)
    with file_progress(len(files)) as advance:
        result = check_paths(paths, engine, check_options, on_file=advance)
    if options["update_baseline"]:
        return _write_baseline(Path(options["baseline_path"]), result, engine)
    _report(result, options)
    return _exit_code(result)


def _check_options(options: dict[str, Any]) -> CheckOptions:
    baseline_path = options["baseline_path"]
    known = None
    if baseline_path and not options["update_baseline"]:
        known = baseline.read(Path(baseline_path))
    return CheckOptions(
        municipality=options["municipality"],
        as_of=options["as_of"],
        fail_on=options["fail_on"],
        min_severity=options["min_severity"],
        ignore=tuple(options["ignore"]),
        include=tuple(options["include"]),
        exclude=tuple(options["exclude"]),
        baseline=known,
        baseline_root=Path(baseline_path).parent if baseline_path else None,
        pipeline=options["pipeline"],
        unverified_variants=bool(options["unverified_variants"]),
        stdin_filename=options["stdin_filename"],
        overrides=config_overrides(),
    )


def _report(result: CheckResult, options: dict[str, Any]) -> None:
    fmt, color = options["fmt"], use_color(options["color"])
    if options["statistics"]:
        stats = statistics.render_json if fmt == "json" else statistics.render_text
        pieces: Iterator[str] = iter((stats(result.findings, result.summary),))
    else:
        pieces = render_chunks(
            fmt, result.findings, result.summary, color=color, quiet=options["quiet"]
        )
    _write(pieces, color)
    for error in result.summary.errors:
        click.echo(f"kommunsk: fejl: {error}", err=True)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        github.append_step_summary(
            Path(os.environ["GITHUB_STEP_SUMMARY"]), result.findings, result.summary
        )


def _write(pieces: Iterator[str], color: bool) -> None:
    """Write the report as it is made, ending it with a newline if it has none."""
    last = ""
    for piece in pieces:
        if piece:
            click.echo(piece, nl=False, color=color)
            last = piece
    if not last.endswith("\n"):
        click.echo("", color=color)


def _exit_code(result: CheckResult) -> int:
    """The worst outcome wins: an unreadable file (2), then failing findings (1)."""
    if result.summary.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.summary.failed else EXIT_CLEAN


def _show_diff(files: list[str], engine: Annotator, options: CheckOptions) -> int:
    """Print the safe rewrites of every file as one diff; exit 1 when there is anything to change.

    A file that cannot be read or rewritten is named on standard error, the others are
    still shown, and the run exits 2.
    """
    from kommunsk.lint.rewrite_files import rewrite_file  # lazy: only --diff needs the rewriter

    changed = failed = False
    for path in files:
        try:
            outcome = rewrite_file(path, engine, options=options, mode="diff")
        except (ReadError, Skipped, WriteError) as error:
            click.echo(f"kommunsk: fejl: {error}", err=True)
            failed = True
            continue
        if outcome.rewrite.changed:
            changed = True
            click.echo(outcome.output, nl=False)
    return EXIT_USAGE if failed else EXIT_FINDINGS if changed else EXIT_CLEAN


def _fix(files: list[str], engine: Annotator, options: CheckOptions) -> None:
    """Apply the safe rewrites in place (atomically), telling on standard error what changed.

    Files that cannot be rewritten are left alone; the check that follows reports them.
    """
    from kommunsk.lint.rewrite_files import rewrite_file  # lazy: only --fix needs the rewriter

    if "-" in files:
        fail("--fix kan ikke bruges med standard input (brug --diff)")
    for path in files:
        try:
            outcome = rewrite_file(path, engine, options=options, mode="write")
        except (ReadError, Skipped, WriteError) as error:
            click.echo(f"kommunsk: kan ikke rette: {error}", err=True)
            continue
        if outcome.rewrite.changed:
            click.echo(outcome.message, err=True)


def _write_baseline(path: Path, result: CheckResult, engine: Annotator) -> int:
    baseline.write(
        path,
        result.findings,
        kommunsk_version=__version__,
        glossary_version=engine.glossary.version,
    )
    click.echo(f"baseline skrevet: {path} ({len(result.findings)} fund)", err=True)
    return EXIT_CLEAN
