"""The `kommunsk` command line: a thin click layer over the library.

Each command parses options, calls one library function and hands the result
to a reporter. User mistakes print one line and exit 2; findings exit 1; a
clean run exits 0; anything unexpected exits 3.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn, TypeVar

import click

from . import __version__

F = TypeVar("F", bound=Callable[..., Any])
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UserError(click.ClickException):
    """A mistake on the user's side: one line, exit 2."""

    exit_code = EXIT_USAGE


def fail(message: str) -> NoReturn:
    raise UserError(message)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' er ikke en dato på formen ÅÅÅÅ-MM-DD") from None


def municipality_option(f: F) -> F:
    return click.option(
        "--municipality",
        "-m",
        metavar="KOMMUNE",
        help="Kommunen teksten er til (kode, navn eller alias), fx 751, Aarhus eller 'Københavns Kommune'.",
    )(f)


def as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        metavar="DATO",
        callback=_iso_date,
        help="Brug glossarets gyldighed på denne dato (ÅÅÅÅ-MM-DD); standard er i dag.",
    )(f)


def format_option(*choices: str) -> Callable[[F], F]:
    """`--format/-f` with the given choices; the first is the default."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Outputformat.",
    )


def glossary_option(f: F) -> F:
    return click.option(
        "--glossary",
        "-g",
        "glossary_paths",
        multiple=True,
        type=click.Path(exists=True),
        help="Egen glossarfil eller -mappe lagt oven på det indbyggede glossar (kan gentages).",
    )(f)


class KommunskGroup(click.Group):
    """A click group that turns every outcome into kommunsk's exit codes and one-line errors.

    Commands return their exit code; user mistakes (also click's usage errors)
    print one line to stderr and exit 2; anything unexpected exits 3 without a
    traceback unless KOMMUNSK_DEBUG is set.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        code = self._run(*args, **kwargs)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, *args: Any, **kwargs: Any) -> int:
        from .errors import user_errors
        from .problems import GlossaryError

        kwargs.setdefault("prog_name", "kommunsk")
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.Abort:
            click.echo("afbrudt", err=True)
            return 130
        except click.ClickException as err:
            click.echo(f"kommunsk: fejl: {err.format_message()}", err=True)
            return EXIT_USAGE if isinstance(err, click.UsageError) else err.exit_code
        except GlossaryError as err:
            click.echo(
                f"kommunsk: fejl: glossaret kan ikke indlæses ({len(err.problems)} problemer):",
                err=True,
            )
            for problem in err.problems:
                click.echo(f"  {problem}", err=True)
            return EXIT_USAGE
        except user_errors() as err:
            click.echo(f"kommunsk: fejl: {err}", err=True)
            return EXIT_USAGE
        except KeyboardInterrupt:
            return 130
        except Exception as err:  # the last line of defence: no traceback for users
            if os.environ.get("KOMMUNSK_DEBUG"):
                raise
            click.echo(
                f"kommunsk: intern fejl: {type(err).__name__}: {err} (sæt KOMMUNSK_DEBUG=1 for detaljer)",
                err=True,
            )
            return EXIT_INTERNAL
        return result if isinstance(result, int) else EXIT_CLEAN


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .paths import bundled_glossary
    from .yamlfile import load

    meta = load(bundled_glossary() / "glossary.yaml").data
    click.echo(f"kommunsk {__version__} (glossar {meta['version']}, {meta['released']})")
    ctx.exit()


@click.group(
    cls=KommunskGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Vis versionen af kommunsk og af glossaret.",
)
def cli() -> None:
    """Kommunsk: skriv som kommunen. Finder forretningssprog i tekster til kommuner og foreslår det
    kommunale ord ("kunderne" -> "borgerne").

    \b
    Eksempler:
      kommunsk check tilbud.md --municipality Aarhus
      kommunsk explain visitation
      kommunsk rewrite tilbud.md --diff
    """


def main() -> None:
    """The console script."""
    cli.main()


from . import commands  # noqa: E402,F401  (registers the commands on `cli`)

if __name__ == "__main__":
    main()
