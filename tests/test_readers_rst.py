"""The reStructuredText reader: code, comments and markup are blank, prose keeps its offsets."""

from __future__ import annotations

from kommunsk.readers.encoding import Decoded
from kommunsk.readers.rst import read_rst

PROSE = "Vi udarbejder et detaljeret roadmap."


def text_of(source: str) -> str:
    document = read_rst(Decoded(source, "utf-8", False, "\n"), "a.rst")
    assert len(document.text) == len(source) and document.source == source
    return document.text


def test_a_literal_block_after_double_colon_is_blank_and_the_prose_stays() -> None:
    source = f"Se koden her::\n\n    {PROSE}\n    mere kode\n\n{PROSE}\n"
    text = text_of(source)
    assert text.count("roadmap") == 1 and text.index("roadmap") == source.rindex("roadmap")
    assert text.startswith("Se koden her::\n\n") and text.count("\n") == source.count("\n")


def test_code_directives_and_comments_are_blank_but_a_note_is_prose() -> None:
    source = (
        f".. code-block:: python\n\n   print('{PROSE}')\n\n"
        f".. en kommentar om et {PROSE}\n   som fortsætter\n\n"
        f".. _mål: https://example.org/roadmap\n\n"
        f".. note::\n\n   {PROSE}\n\n"
        f">>> roadmap = 1\n>>> roadmap\n1\n\n"
        f"{PROSE}\n"
    )
    text = text_of(source)
    kept = [i for i in range(len(text)) if text.startswith("roadmap", i)]
    note = source.index("roadmap", source.index(".. note::"))
    assert kept == [note, source.rindex("roadmap")]
    assert ".. note::" not in text and "code-block" not in text


def test_a_double_colon_without_an_indented_block_blanks_nothing() -> None:
    source = f"Eksempel::\n{PROSE}\n"
    assert text_of(source) == source


def test_suppression_comments_switch_passages_off() -> None:
    source = f".. kommunsk: off\n\n{PROSE}\n\n.. kommunsk: on\n\n{PROSE}\n"
    document = read_rst(Decoded(source, "utf-8", False, "\n"), "a.rst")
    first = source.index("roadmap")
    assert document.is_ignored(first, first + 7)
    last = source.rindex("roadmap")
    assert not document.is_ignored(last, last + 7)
