"""One error hierarchy: every deliberate error is a KommunskError with a documented, stable code."""

from __future__ import annotations

import inspect
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kommunsk import errors
from kommunsk.cli.main import KommunskGroup

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text(encoding="utf-8")
CLASSES = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, errors.KommunskError) and cls is not errors.KommunskError
]


def _instance(cls: type[errors.KommunskError]) -> errors.KommunskError:
    if cls is errors.GlossaryError:
        return cls([])
    if cls in (errors.UnknownConcept, errors.UnknownMunicipality):
        return cls("x", ["y"])  # type: ignore[call-arg]
    if cls is errors.Skipped:
        return cls("a.pdf", "PDF-filer læses ikke")  # type: ignore[call-arg]
    return cls("noget gik galt")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_error_has_a_unique_documented_code(cls: type[errors.KommunskError]) -> None:
    assert f"| `{cls.code}` | `{cls.__name__}` |" in DOCS
    assert sum(c.code == cls.code for c in CLASSES) == 1


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_command_line_turns_every_error_into_one_line_and_exit_2(
    cls: type[errors.KommunskError],
) -> None:
    @click.group(cls=KommunskGroup)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise _instance(cls)

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 2
    assert result.stderr.startswith("kommunsk: fejl:") and "Traceback" not in result.stderr


def test_anything_else_is_an_internal_error_with_where_to_report_it() -> None:
    @click.group(cls=KommunskGroup)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise RuntimeError("uventet")

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 3
    assert "intern fejl" in result.stderr and "github.com/kommunsk/kommunsk/issues" in result.stderr
