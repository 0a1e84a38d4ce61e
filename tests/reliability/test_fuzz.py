"""A fuzz pass: random bytes, text and small Word, Markdown and HTML files through `check`.

Whatever comes in, the only exceptions are the documented user errors (KommunskError
subclasses), and each input is handled within a time bound (hypothesis' deadline).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunsk.engine.annotator import Annotator
from kommunsk.engine.registry import annotator
from kommunsk.errors import KommunskError
from kommunsk.lint.check import CheckOptions, check_paths, findings_for
from kommunsk.readers import read_bytes

from .helpers import document_xml, docx_bytes

FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NAMES = ["a.txt", "a.md", "a.html", "a.docx", "uden-endelse"]
WORDS = ["Kunderne", "stakeholders", "borgere", "KPI'er", "go-live", "kunde@firma.dk", "www.kl.dk"]


@pytest.fixture(scope="module")
def engine() -> Annotator:
    found = annotator()
    found.annotate("Kunderne")  # the glossary is loaded before any deadline starts
    return found


def _check(data: bytes, name: str, engine: Annotator) -> None:
    """Read and check `data` as the file `name`; only user errors may escape."""
    try:
        document = read_bytes(data, name)
    except KommunskError:
        return
    for finding in findings_for(document, engine, CheckOptions(min_severity="info")):
        assert finding.line >= 1 and finding.column >= 1


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES))
def test_random_bytes(engine: Annotator, data: bytes, name: str) -> None:
    _check(data, name, engine)


@FUZZ
@given(text=st.text(max_size=2000), name=st.sampled_from(NAMES[:3]))
def test_random_unicode_text(engine: Annotator, text: str, name: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), name, engine)
    engine.annotate(text)


_RUN_TEXT = st.lists(st.sampled_from([*WORDS, " ", "æ", "&", "\t"]), max_size=12).map("".join)
_RUN = st.one_of(
    _RUN_TEXT.map(lambda t: f"<w:r><w:t>{escape(t)}</w:t></w:r>"),
    st.sampled_from(["<w:r><w:br/></w:r>", "<w:r><w:tab/></w:r>", "<w:r><w:softHyphen/></w:r>"]),
)


def _wrap(children: list[str], tag: str) -> str:
    return f"<w:{tag}>{''.join(children)}</w:{tag}>"


_PARAGRAPH = st.lists(
    st.one_of(_RUN, st.lists(_RUN, max_size=3).map(lambda r: _wrap(r, "ins"))), max_size=5
).map(lambda r: _wrap(r, "p"))
_BLOCK = st.recursive(
    _PARAGRAPH,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3)
        .map(lambda b: _wrap([_wrap(b, "tc")], "tr"))
        .map(lambda row: _wrap([row], "tbl")),
        st.lists(inner, max_size=3).map(lambda b: _wrap([_wrap(b, "sdtContent")], "sdt")),
    ),
    max_leaves=12,
)


@FUZZ
@given(blocks=st.lists(_BLOCK, max_size=8))
def test_random_small_word_files(engine: Annotator, blocks: list[str]) -> None:
    _check(docx_bytes(document_xml("".join(blocks))), "brev.docx", engine)


_MARKDOWN_PIECES = [
    "# ", "> ", "- ", "1. ", "    ", "```", "`", "*", "_", "[", "](", ")", "![", "<!-- ",
    " -->", "<!-- kommunsk: off -->", "<!-- kommunsk: on -->", "<!-- kommunsk: ignore -->",
    "|", "---", "\n", "\n\n", "<p>", "</p>", "<script>", "[ref]: https://x.dk", "~~", "\\",
]  # fmt: skip


@FUZZ
@given(st.lists(st.sampled_from(_MARKDOWN_PIECES + WORDS + [" "]), max_size=60))
def test_random_markdown_structures(engine: Annotator, pieces: list[str]) -> None:
    _check("".join(pieces).encode(), "a.md", engine)


_HTML_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<script>", "</script>", "<style>",
    "</style>", "<head>", "</head>", "<title>", "</title>", "<!--", "-->", "<!DOCTYPE html>",
    "<", ">", "&", "&oslash;", "&#248;", "&#x", ";", '<a href="', '">', "'", "<?", "</",
    "<![CDATA[", "]]>", "<!-- kommunsk: ignore -->", "<template>", "</template>", "\n",
]  # fmt: skip


@FUZZ
@given(st.lists(st.sampled_from(_HTML_PIECES + WORDS + [" "]), max_size=60))
def test_random_html_structures(engine: Annotator, pieces: list[str]) -> None:
    _check("".join(pieces).encode(), "a.html", engine)


@settings(max_examples=25, deadline=timedelta(seconds=5), suppress_health_check=list(HealthCheck))
@given(
    files=st.lists(
        st.tuples(st.sampled_from(NAMES), st.binary(max_size=500)), min_size=1, max_size=4
    )
)
def test_random_files_through_check_paths(
    engine: Annotator, tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    paths = []
    for number, (name, data) in enumerate(files):
        path: Path = folder / f"{number}-{name}"
        path.write_bytes(data)
        paths.append(str(path))
    result = check_paths([*paths, str(folder)], engine, CheckOptions())
    assert result.summary.files + len(result.summary.errors) >= len(paths)
