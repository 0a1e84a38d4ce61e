"""Editor buffers to findings: which languages are read, and how, without a client."""

from __future__ import annotations

import pytest

from kommunsk.engine.registry import annotator
from kommunsk.lint.check import CheckOptions
from kommunsk.lsp.buffers import analyse, at, supported

TEXT = "Vi udarbejder et detaljeret roadmap for hele projektperioden.\n"


@pytest.mark.parametrize(
    ("language", "read"),
    [
        ("markdown", True),
        ("plaintext", True),
        ("text", True),
        ("restructuredtext", True),
        ("rst", True),
        ("python", False),
        ("html", False),
        (None, False),
    ],
)
def test_supported_languages(language: str | None, read: bool) -> None:
    assert supported(language) is read


def test_markdown_code_is_blank_but_plain_text_is_read_as_written() -> None:
    source = f"```\n{TEXT}```\n\n{TEXT}"
    markdown = analyse(source, "markdown", "a.md", annotator(), CheckOptions())
    plain = analyse(source, "plaintext", "a.txt", annotator(), CheckOptions())
    assert [a.start for a in markdown.shown] == [source.rindex("roadmap")]
    assert [a.start for a in plain.shown] == [source.index("roadmap"), source.rindex("roadmap")]


def test_terms_are_kept_for_hover_but_not_shown_and_suppression_comments_count() -> None:
    source = "Borgerne i hjemmeplejen.\n" + TEXT
    found = analyse(source, "plaintext", "a.txt", annotator(), CheckOptions())
    assert [a.kind for a in found.annotations if a.kind == "term"] != []
    assert all(a.kind != "term" for a in found.shown)
    assert at(found, source.index("hjemmeplejen") + 2)[0].kind == "term"
    quiet = analyse(
        "<!-- kommunsk: off -->\n" + TEXT, "markdown", "a.md", annotator(), CheckOptions()
    )
    assert quiet.shown == ()
