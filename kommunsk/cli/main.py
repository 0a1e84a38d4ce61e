"""The `kommunsk` command group: exit codes, one-line errors, and the list of commands.

Each command lives in its own module and returns its exit code. User mistakes
(every `KommunskError`, and click's usage errors) print one line to standard
error and exit 2; findings exit 1; a clean run exits 0; anything unexpected
exits 3 with where to report it, and a traceback only with KOMMUNSK_DEBUG set.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import os
import sys
import threading
from typing import Any, NoReturn

import click

from kommunsk._version import __version__
from kommunsk.cli.options import EXIT_CLEAN, EXIT_INTERNAL, EXIT_USAGE
from kommunsk.errors import GlossaryError, KommunskError
from kommunsk.glossary.paths import bundled_glossary

ISSUES = "https://github.com/kommunsk/kommunsk/issues"
MAX_PROBLEMS_SHOWN = 50


# Each command's module is imported only when the command runs (lazy, for start-up speed:
# the pre-commit hook runs `check` and should not pay for the glossary tools or the server).
COMMANDS = {
    "check": "kommunsk.cli.check",
    "annotate": "kommunsk.cli.annotate",
    "explain": "kommunsk.cli.explain",
    "rewrite": "kommunsk.cli.rewrite",
    "municipalities": "kommunsk.cli.municipalities",
    "glossary": "kommunsk.cli.glossary",
    "lsp": "kommunsk.cli.lsp",
    "serve": "kommunsk.cli.serve",
}


class KommunskGroup(click.Group):
    """A click group that turns every outcome into kommunsk's exit codes and one-line errors."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return super().get_command(ctx, cmd_name)
        command: click.Command = getattr(importlib.import_module(module), cmd_name)
        return command

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        code = self._run(*args, **kwargs)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, *args: Any, **kwargs: Any) -> int:
        kwargs.setdefault("prog_name", "kommunsk")
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.Abort:
            _say("afbrudt")
            return 130
        except click.exceptions.Exit as done:
            return int(done.exit_code)
        except click.ClickException as err:
            _say(f"kommunsk: fejl: {err.format_message()}")
            return EXIT_USAGE if isinstance(err, click.UsageError) else err.exit_code
        except GlossaryError as err:
            _say_glossary(err)
            return EXIT_USAGE
        except KommunskError as err:
            _say(f"kommunsk: fejl: {err}")
            return EXIT_USAGE
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_CLEAN
        except Exception as err:  # the last line of defence: no traceback for users
            if os.environ.get("KOMMUNSK_DEBUG"):
                raise
            _say(
                f"kommunsk: intern fejl: {type(err).__name__}: {err} "
                f"(sæt KOMMUNSK_DEBUG=1 for detaljer, og meld fejlen på {ISSUES})"
            )
            return EXIT_INTERNAL
        return result if isinstance(result, int) else EXIT_CLEAN


def _say(line: str) -> None:
    """One line on standard error; a closed standard error is no reason to crash."""
    with contextlib.suppress(OSError):
        click.echo(line, err=True)


def _say_glossary(err: GlossaryError) -> None:
    problems = err.problems
    _say(f"kommunsk: fejl: glossaret kan ikke indlæses ({len(problems)} problemer):")
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        _say(f"  {problem}")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        _say(f"  … og {len(problems) - MAX_PROBLEMS_SHOWN} til")


def _silence_stdout() -> None:
    """After the reader of a pipe went away, point stdout at /dev/null so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from kommunsk.glossary.yamlfile import load as load_yaml  # lazy: PyYAML only for --version

    meta = load_yaml(bundled_glossary() / "glossary.yaml").data
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


# Collect cyclic garbage after this many new objects instead of Python's 700 (for start-up
# speed): loading the glossary creates hundreds of thousands of long-lived objects, and the
# default threshold scans them again and again while a short command runs.
COLLECT_AFTER = 100_000


def main() -> NoReturn:
    """The console script (and `python -m kommunsk`): run a command as its own process, then leave.

    A command run from the library or in tests goes through `cli.main` and exits normally.
    """
    gc.set_threshold(COLLECT_AFTER, *gc.get_threshold()[1:])
    code = cli.main(standalone_mode=False)
    leave(code)


def leave(code: int) -> NoReturn:
    """Flush the output, run the exit handlers and end the process without tearing it down.

    Freeing the loaded glossary object by object takes longer than checking a
    proposal, and nothing in it needs freeing: files are written atomically
    before a command returns. With other threads still running, the process
    ends the usual way instead, so that they are joined.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            _silence_stdout()
        except (OSError, ValueError):
            pass
    os._exit(code)
