"""String offsets to LSP positions: UTF-16 by default, UTF-8 and UTF-32 when agreed, LSP's line ends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol.types import Position

from kommunsk.lsp.positions import UTF8, UTF16, UTF32, LineIndex, units


def test_an_emoji_is_two_utf16_units_four_utf8_bytes_and_one_utf32_unit() -> None:
    text = "😀 kunderne"
    at = text.index("kunderne")
    assert LineIndex(text).position(at) == Position(0, 3)
    assert LineIndex(text, UTF8).position(at) == Position(0, 5)
    assert LineIndex(text, UTF32).position(at) == Position(0, 2)
    assert units("å", UTF8) == 2 and units("å") == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_end_where_lsp_says(newline: str) -> None:
    text = f"første{newline}😀 anden{newline}\u2028tredje"
    index = LineIndex(text)
    assert index.position(text.index("anden")) == Position(1, 3)
    # U+2028 is not a line end in LSP (Python's splitlines would say it is)
    assert index.position(text.index("tredje")) == Position(2, 1)


def test_offsets_come_back_and_past_the_end_is_clamped() -> None:
    text = "a😀b\nc"
    index = LineIndex(text)
    assert index.offset(Position(0, 3)) == text.index("b")
    assert index.offset(Position(0, 99)) == text.index("\n")
    assert index.offset(Position(9, 0)) == len(text)
    assert index.position(99) == Position(1, 1)


@given(st.text(alphabet="aå😀\n\r\u2028", max_size=30))
def test_position_and_offset_are_inverse_at_character_boundaries(text: str) -> None:
    for encoding in (UTF8, UTF16, UTF32):
        index = LineIndex(text, encoding)
        for offset in range(len(text) + 1):
            if text[offset - 1 : offset + 1] == "\r\n":
                continue  # between \r and \n is no place in a line
            assert index.offset(index.position(offset)) == offset
