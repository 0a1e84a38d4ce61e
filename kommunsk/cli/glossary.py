"""`kommunsk glossary ...`: validate, info, diff, export, fmt and fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kommunsk._version import __version__
from kommunsk.atomic import write_text
from kommunsk.cli.options import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, fail, format_option
from kommunsk.cli.views.info import render_info
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.cache import compiled
from kommunsk.engine.examples import check_example
from kommunsk.errors import KommunskError, YamlProblem
from kommunsk.glossary import versioning
from kommunsk.glossary.canonical import format_file
from kommunsk.glossary.export import export_text, write_markdown
from kommunsk.glossary.paths import bundled_glossary, glossary_files
from kommunsk.glossary.stats import stats
from kommunsk.glossary.termbase import Glossary, read_all


@click.group()
def glossary() -> None:
    """Arbejd med selve glossaret: tjek, tal, forskelle, eksport og kanonisk form."""


def _split(paths: tuple[str, ...]) -> tuple[Path | None, list[Path]]:
    """A glossary directory (holding glossary.yaml) as root, the rest as overlays."""
    root = None
    overlays = []
    for raw in paths:
        path = Path(raw)
        if (path / "glossary.yaml").is_file():
            if root is not None:
                fail("angiv højst én glossarmappe")
            root = path
        elif path.exists():
            overlays.append(path)
        else:
            fail(f"findes ikke: {raw}")
    return root, overlays


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--examples", is_flag=True, help="Kør også glossarets eksempelsætninger gennem matcheren."
)
def validate(paths: tuple[str, ...], examples: bool) -> int:
    """Tjek glossaret (eller en glossarmappe / egne filer oven på det indbyggede).

    Alle problemer vises på én gang med fil, linje og kolonne; afslutter med 2, hvis der er problemer.

    \b
    Eksempel:
      kommunsk glossary validate mine-begreber.yaml
    """
    root, overlays = _split(paths)
    loaded, problems = read_all(root or bundled_glossary(), overlays)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem{'er' if len(problems) != 1 else ''} fundet.", err=True)
        return EXIT_USAGE
    failures = _example_failures(root, overlays) if examples else []
    for failure in failures:
        click.echo(f"eksempel fejler: {failure}", err=True)
    click.echo(
        f"Glossaret er gyldigt: {len(loaded.concepts)} begreber, version {loaded.meta.get('version')}"
        + (f"; {len(failures)} eksempler fejler" if examples and failures else "")
        + ("; alle eksempler består" if examples and not failures else "")
    )
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def _example_failures(root: Path | None, overlays: list[Path]) -> list[object]:

    result = compiled(root or bundled_glossary(), tuple(overlays))
    engine = Annotator(result.glossary, result.index, result.lexicon, english=result.english)
    failures: list[object] = []
    for concept in result.glossary:
        for example in concept.examples:
            failures += check_example(
                concept, example, lambda t, m, d: engine.annotate(t, municipality=m, as_of=d)
            )
    return failures


def _load(paths: tuple[str, ...]) -> Glossary:

    root, overlays = _split(paths)
    return Glossary.load(overlays, root=root)


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@format_option("text", "json")
def info(paths: tuple[str, ...], fmt: str) -> int:
    """Tal om glossaret: begreber, forretningsord, fagtermer, lokale varianter, kilder og eksempler.

    \b
    Eksempel:
      kommunsk glossary info --format json
    """
    loaded = _load(paths)
    data = stats(loaded)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "schema_version": 1,
                    "kommunsk_version": __version__,
                    "glossary_version": loaded.version,
                    **data,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_CLEAN
    click.echo(render_info(data), nl=False)
    return EXIT_CLEAN


@glossary.command()
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@format_option("text", "json")
def diff(old: str, new: str, fmt: str) -> int:
    """Forskelle mellem to glossarmapper: tilføjede, fjernede og ændrede begreber og varianter.

    Afslutter med 1, hvis der er forskelle.

    \b
    Eksempel:
      kommunsk glossary diff gammel/glossary glossary
    """
    before, after = Glossary.load(root=old), Glossary.load(root=new)
    result = versioning.diff(before, after)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "schema_version": 1,
                    "kommunsk_version": __version__,
                    "glossary_version": result.new_version,
                    **result.as_dict(),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(f"{result.old_version} -> {result.new_version}")
        for concept_id in result.added:
            click.echo(f"+ {concept_id}")
        for concept_id in result.removed:
            click.echo(f"- {concept_id}")
        for change in result.changed:
            click.echo(f"~ {change.id}: {', '.join(change.fields) or 'varianter'}")
            for line in change.variants_added:
                click.echo(f"    + variant {line}")
            for line in change.variants_removed:
                click.echo(f"    - variant {line}")
            for line in change.variants_changed:
                click.echo(f"    ~ variant {line}")
        if result.empty:
            click.echo("ingen forskelle")
    return EXIT_CLEAN if result.empty else EXIT_FINDINGS


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@format_option("json", "csv", "markdown")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Skriv hertil i stedet for standard output: en mappe for markdown, ellers en fil.",
)
def export(paths: tuple[str, ...], fmt: str, output: Path | None) -> int:
    """Eksportér glossaret som JSON (hele begreber), CSV til Excel eller Markdown (én side pr. domæne).

    CSV er UTF-8 med BOM, semikolon og CRLF, så dansk Excel åbner filen direkte;
    én række pr. term og forretningsord. Markdown med --output skriver
    <domæne>.md og README.md i mappen; uden --output ét dokument.

    \b
    Eksempler:
      kommunsk glossary export --format csv --output kommunsk.csv
      kommunsk glossary export --format markdown --output docs/glossary
    """
    loaded = _load(paths)
    if fmt == "markdown" and output is not None:
        if output.exists() and not output.is_dir():
            fail(f"{output} er en fil; --format markdown skriver en mappe")
        result = write_markdown(loaded, output)
        for path in result.written:
            click.echo(f"skrevet: {path}")
        for path in result.removed:
            click.echo(f"fjernet: {path}")
        if not result.written and not result.removed:
            click.echo(f"{output} er allerede opdateret")
        return EXIT_CLEAN
    text = export_text(loaded, fmt)
    if output is None:
        # CSV goes out as bytes, so the BOM and CRLF reach a redirected file unchanged on any platform
        click.echo(text.encode("utf-8") if fmt == "csv" else text, nl=False)
    elif output.is_dir():
        fail(f"{output} er en mappe; --format {fmt} skriver én fil")
    elif not output.parent.is_dir():
        fail(f"mappen {output.parent} findes ikke")
    else:
        write_text(output, text)
    return EXIT_CLEAN


@glossary.command()
@click.argument("root", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--check", is_flag=True, help="Skriv intet; afslut med 1, hvis en fil ikke er på kanonisk form."
)
def fmt(root: str | None, check: bool) -> int:
    """Skriv glossarets YAML-filer på kanonisk form (nøgler i skemaets rækkefølge, begreber sorteret).

    \b
    Eksempel:
      kommunsk glossary fmt --check glossary
    """
    changed: list[Path] = []
    broken = False
    for path in glossary_files(Path(root) if root else bundled_glossary()):
        try:
            if format_file(path, write=not check):
                changed.append(path)
        except (KommunskError, OSError, AttributeError, KeyError, TypeError, IndexError) as err:
            click.echo(f"kommunsk: fejl: {_unformattable(path, err)}", err=True)
            broken = True
    for path in changed:
        click.echo(f"{'ikke kanonisk' if check else 'omformateret'}: {path}")
    if broken:
        return EXIT_USAGE
    return EXIT_FINDINGS if check and changed else EXIT_CLEAN


def _unformattable(path: Path, err: Exception) -> str:
    """One line on why `fmt` cannot format a file, naming it (and the line, for YAML errors)."""
    if isinstance(err, YamlProblem):
        return f"{path}:{err.line}:{err.column}: {err}" if err.line else f"{path}: {err}"
    if isinstance(err, KommunskError):
        return str(err)  # a WriteError already names the file
    if isinstance(err, OSError):
        return f"kan ikke læse {path}: {err.strerror or err}"
    return f"{path}: filen har ikke glossarets form; kør 'kommunsk glossary validate {path}'"


@glossary.command()
@click.argument("root", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--update", is_flag=True, help="Registrér de nuværende begreber som denne versions udgivelse."
)
def fingerprint(root: str | None, update: bool) -> int:
    """Tjek at ændrede begreber har fået ny version og changelog-linje; opdatér fingerprint.json.

    \b
    Eksempel:
      kommunsk glossary fingerprint --update
    """
    base = Path(root) if root else bundled_glossary()
    current = Glossary.load(root=base)
    recorded = versioning.read_fingerprint(base)
    check_fingerprint = versioning.update_problems if update else versioning.check_problems
    problems = check_fingerprint(current, recorded, versioning.changelog_versions(base))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        return EXIT_USAGE
    if update:
        path = base / versioning.FINGERPRINT
        text = (
            json.dumps(
                versioning.fingerprint(current), ensure_ascii=False, indent=2, sort_keys=True
            )
            + "\n"
        )
        if path.exists():
            write_text(path, text)
        else:
            path.write_text(text, encoding="utf-8")
        click.echo(f"{versioning.FINGERPRINT} opdateret til version {current.version}")
    else:
        click.echo(f"fingerprint passer til version {current.version}")
    return EXIT_CLEAN
