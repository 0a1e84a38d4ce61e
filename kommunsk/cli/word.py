"""What the Word commands share: the `--output` option and the line that says what was written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from kommunsk.word.comments import WordResult

F = TypeVar("F", bound=Callable[..., Any])


def output_option(help_text: str) -> Callable[[F], F]:
    """`--output/-o FILE`: where the marked-up copy of a Word file goes (never the file itself)."""
    return click.option(
        "--output",
        "-o",
        metavar="FIL",
        type=click.Path(dir_okay=False),
        default=None,
        help=help_text,
    )


def word_summary(result: WordResult) -> str:
    """`skrev tilbud.kommunsk.docx: 3 ændringer, 2 kommentarer`, and why some comments moved."""
    parts = []
    if result.changes or not result.comments:
        parts.append(_count(result.changes, "sporet ændring", "sporede ændringer"))
    parts.append(_count(result.comments, "kommentar", "kommentarer"))
    line = f"skrev {result.output}: {', '.join(parts)}"
    if result.moved:
        line += (
            f" ({result.moved} står i brødteksten, fordi Word ikke viser kommentarer "
            "i sidehoveder, sidefødder, fodnoter og tekstbokse)"
        )
    return line


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
