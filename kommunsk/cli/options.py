"""Options shared by several commands, and the configuration file that fills them.

A configuration key is an option's long name without the dashes ("fail-on" is
`--fail-on`), so one table serves `[tool.kommunsk]`, `.kommunsk.toml` and the
command line. Values the user typed win over the file; the file wins over the
option's default. A value of the wrong type or outside an option's choices is
a user error naming the file and the key.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click.core import ParameterSource

from kommunsk.errors import ConfigError, UsageError
from kommunsk.lint import config
from kommunsk.lint.municipality import Override

F = TypeVar("F", bound=Callable[..., Any])
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

# configuration keys whose option stores its value under another name
PARAMETER_NAMES = {"format": "fmt", "glossary": "glossary_paths", "baseline": "baseline_path"}


CONFIG_KEY = "kommunsk.config"  # where `configured` leaves the configuration for the command


def config_overrides() -> tuple[Override, ...]:
    """The configuration's per-path municipality overrides, for the running command."""
    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get(CONFIG_KEY) if ctx is not None else None
    return tuple(found.get("overrides", ())) if found is not None else ()


def fail(message: str) -> NoReturn:
    """Stop with one line on standard error and exit 2."""
    raise UsageError(message)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
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


def ignore_option(f: F) -> F:
    """`--ignore ORD` (repeatable; the configuration's `ignore` list fills it)."""
    return click.option(
        "--ignore",
        multiple=True,
        metavar="ORD",
        help="Begreb (id) eller ord der ikke skal markeres.",
    )(f)


def color_option(f: F) -> F:
    return click.option(
        "--color/--no-color",
        default=None,
        help="Farver i tekst-output (standard: kun i en terminal; NO_COLOR og FORCE_COLOR gælder).",
    )(f)


def use_color(choice: bool | None) -> bool:
    """Colour on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR turns it on anywhere."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def configured(f: F) -> F:
    """Add `--config FILE` and fill every option the user did not give from the configuration file."""

    def wrapper(ctx: click.Context, /, config_path: str | None, **kwargs: Any) -> Any:
        found = config.load(Path(config_path) if config_path else None)
        ctx.meta[CONFIG_KEY] = found
        params = {p.name: p for p in ctx.command.params if p.name}
        for key, value in found.values.items():
            name = PARAMETER_NAMES.get(key, key.replace("-", "_"))
            param = params.get(name)
            if param is None or ctx.get_parameter_source(name) not in (
                ParameterSource.DEFAULT,
                None,
            ):
                continue
            kwargs[name] = _from_config(ctx, param, value, found.path, key)
        return f(**kwargs)

    functools.update_wrapper(wrapper, f)
    option = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Brug denne konfigurationsfil (standard: den nærmeste pyproject.toml, .kommunsk.toml/.yaml).",
    )
    return option(click.pass_context(wrapper))  # type: ignore[return-value]


def _from_config(
    ctx: click.Context, param: click.Parameter, value: Any, path: Path | None, key: str
) -> Any:
    """A configuration value converted and checked as if it had been typed for the option."""
    try:
        converted = param.type_cast_value(ctx, value)
        if param.callback is not None:
            converted = param.callback(ctx, param, converted)
        return converted
    except click.BadParameter as err:
        raise ConfigError(f"{path}: '{key}': {err.format_message()}") from None
