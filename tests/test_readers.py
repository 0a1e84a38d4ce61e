"""Readers: files and bytes to Documents, positions back into the file, suppression comments."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommunsk.readers import Document, ReadError, Skipped, read, read_bytes
from kommunsk.readers.position import line_text, position, source_span

SENTENCE = "Kunderne på plejehjemmet får bedre service"


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def at(doc: Document, word: str, nth: int = 0) -> int:
    """Text offset of the nth occurrence of `word` in the document's text."""
    offset = -1
    for _ in range(nth + 1):
        offset = doc.text.index(word, offset + 1)
    return offset


def ignored_words(doc: Document) -> list[str]:
    return [doc.text[start:end].strip() for start, end in doc.ignored]


# Plain text and encodings


def test_utf8_text_is_the_file(tmp_path: Path) -> None:
    doc = read(write(tmp_path, "brev.txt", f"Kære kommune\n{SENTENCE}\n".encode()))
    assert (doc.kind, doc.encoding, doc.bom, doc.newline) == ("text", "utf-8", False, "\n")
    assert doc.text == doc.source == f"Kære kommune\n{SENTENCE}\n"
    assert doc.offsets is None
    assert position(doc, at(doc, "plejehjemmet")) == (2, 13)
    assert line_text(doc, 2) == SENTENCE


def test_utf8_bom_is_recorded_and_not_counted(tmp_path: Path) -> None:
    doc = read(write(tmp_path, "brev.txt", b"\xef\xbb\xbf" + SENTENCE.encode()))
    assert (doc.encoding, doc.bom) == ("utf-8-sig", True)
    assert doc.text == SENTENCE
    assert position(doc, at(doc, "Kunderne")) == (1, 1)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_1252_danish(tmp_path: Path, encoding: str) -> None:
    text = f"{SENTENCE}.\nÆldre borgere og Øresund; Åen løber.\n"
    doc = read(write(tmp_path, "gammel.txt", text.encode(encoding)))
    assert doc.encoding == "cp1252"
    assert doc.text == text
    assert position(doc, at(doc, "Øresund")) == (2, 18)


def test_short_windows_1252_sentence_is_not_read_as_central_european() -> None:
    # charset-normalizer's favourite for these bytes is cp1250, where "å" would be "ĺ".
    doc = read_bytes(SENTENCE.encode("cp1252"), "kort.txt")
    assert doc.text == SENTENCE
    assert doc.encoding == "cp1252"


def test_utf16_with_bom() -> None:
    doc = read_bytes(SENTENCE.encode("utf-16"), "brev.txt")
    assert (doc.text, doc.encoding, doc.bom) == (SENTENCE, "utf-16", True)


def test_crlf_is_kept_and_counted_as_one_break(tmp_path: Path) -> None:
    data = b"Linje et\r\nLinje to\r\nHer er kunderne igen\r\n"
    doc = read(write(tmp_path, "crlf.txt", data))
    assert doc.newline == "\r\n"
    assert doc.source == data.decode()
    assert position(doc, at(doc, "kunderne")) == (3, 8)
    assert line_text(doc, 3) == "Her er kunderne igen"
    assert line_text(doc, 2) == "Linje to"


def test_dominant_newline_is_the_majority() -> None:
    assert read_bytes(b"a\nb\nc\r\nd", "x.txt").newline == "\n"
    assert read_bytes(b"a\r\nb\r\nc\nd", "x.txt").newline == "\r\n"


def test_nfd_text_survives_and_columns_count_code_points() -> None:
    text = "Borgerne pa\u030a plejehjemmet"
    doc = read_bytes(text.encode(), "nfd.txt")
    assert doc.text == text  # not composed: offsets must stay those of the file
    assert position(doc, at(doc, "plejehjemmet")) == (1, 14)


def test_undecodable_text_file_is_a_read_error(tmp_path: Path) -> None:
    garbage = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(
        ReadError, match=r"kunne ikke afgøre tegnsættet i .*rod\.txt; gem filen som UTF-8"
    ):
        read(write(tmp_path, "rod.txt", garbage))


def test_cyrillic_code_page_is_not_guessed_as_danish() -> None:
    russian = "Привет мир, как дела? Это тест текста на русском языке.".encode("cp1251")
    with pytest.raises(ReadError, match="tegnsættet"):
        read_bytes(russian, "brev.txt")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_refuse_cleanly(data: bytes) -> None:
    try:
        doc = read_bytes(data, "ukendt.txt")
    except (ReadError, Skipped):
        return
    assert doc.text == doc.source
    assert doc.encoding in {"utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "iso8859-15"}


# Files that are not read


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "notes" / "x.md")
    with pytest.raises(ReadError) as caught:
        read(missing)
    assert str(caught.value) == f"filen findes ikke: {missing}"


def test_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="er en mappe"):
        read(str(tmp_path))


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    with pytest.raises(Skipped, match=r"springer over .*data\.txt: binær fil"):
        read(write(tmp_path, "data.txt", b"tekst\x00\x01\x02"))


def test_pdf_is_skipped_by_extension(tmp_path: Path) -> None:
    with pytest.raises(Skipped, match=r"rapport\.pdf: PDF-filer læses ikke"):
        read(write(tmp_path, "rapport.pdf", b"%PDF-1.7 just text bytes"))


def test_old_word_format_suggests_docx(tmp_path: Path) -> None:
    with pytest.raises(Skipped, match=r"gem filen som \.docx"):
        read(write(tmp_path, "brev.doc", b"\xd0\xcf\x11\xe0"))


def test_large_file_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(Skipped, match=r"større end grænsen på 1\.000 bytes"):
        read(write(tmp_path, "stor.txt", b"a" * 1001), max_bytes=1000)


def test_unknown_extension_reads_as_text_when_it_decodes(tmp_path: Path) -> None:
    doc = read(write(tmp_path, "README", SENTENCE.encode()))
    assert (doc.kind, doc.text) == ("text", SENTENCE)


def test_unknown_extension_that_does_not_decode_is_skipped() -> None:
    with pytest.raises(Skipped, match="ser ikke ud til at være tekst"):
        read_bytes(bytes(range(0x80, 0x100)) * 4, "data.bin2")


def test_stdin_is_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Kunderne\nfår # kommunsk: ignore\nservice".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    doc = read("-")
    assert (doc.path, doc.kind) == ("-", "text")
    assert ignored_words(doc) == ["service"]


def test_reading_text_imports_no_heavy_library(tmp_path: Path) -> None:
    path = write(tmp_path, "brev.txt", SENTENCE.encode())
    script = (
        "import sys; from kommunsk.readers import read; read(sys.argv[1]);"
        "heavy = {'markdown_it', 'docx', 'charset_normalizer'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, path], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Markdown

MARKDOWN = """\
---
title: Kundeservice
---
# Vores kunder

Vi tilbyder `kunde_id` til alle kunder og en [vejledning](https://example.dk/kunde "kunde").
Se ![billede af borgere](kunde.png) og <span class="kunde">borgere</span>.
<!-- kunde i en kommentar -->

```python
kunde = "kunde"
```

    indrykket_kunde = 1

[ref]: https://example.dk/kunde "Kunde"

<div class="kunde">
Tekst i en div
</div>
"""


def test_markdown_blanks_what_is_not_prose() -> None:
    doc = read_bytes(MARKDOWN.encode(), "side.md")
    assert doc.kind == "markdown"
    assert doc.offsets is None
    assert len(doc.text) == len(doc.source)
    for blanked in (
        "title:",
        "kunde_id",
        "https://example.dk/kunde",
        "kunde.png",
        'class="kunde"',
        "<span",
        "kunde i en kommentar",
        'kunde = "kunde"',
        "indrykket_kunde",
        "[ref]",
    ):
        assert blanked not in doc.text, blanked
    for kept in (
        "Vores kunder",
        "til alle kunder",
        "vejledning",
        "billede af borgere",
        "Tekst i en div",
    ):
        assert kept in doc.text, kept
    assert " borgere " in doc.text  # text between inline tags stays


def test_markdown_text_is_the_source_with_spaces() -> None:
    doc = read_bytes(MARKDOWN.replace("\n", "\r\n").encode(), "side.md")
    assert len(doc.text) == len(doc.source)
    for char, original in zip(doc.text, doc.source, strict=True):
        assert char == original or (char == " " and original not in "\r\n")
    assert doc.newline == "\r\n"


def test_markdown_word_after_code_span_has_its_file_column() -> None:
    doc = read_bytes(b"Intro\r\n\r\nBrug `kode` og kunderne her\r\n", "a.md")
    assert position(doc, at(doc, "kunderne")) == (3, 16)
    assert doc.source[at(doc, "kunderne") :].startswith("kunderne")


def test_markdown_code_in_lists_quotes_and_tables() -> None:
    source = (
        "> citat med `kode1`\n\n- punkt med `kode2`\n\n"
        "| a | b `kode3` |\n|---|---|\n| `kode4` | x |\n"
    )
    doc = read_bytes(source.encode(), "a.md")
    assert not any(f"kode{n}" in doc.text for n in range(1, 5))
    assert "citat med" in doc.text and "punkt med" in doc.text


def test_markdown_without_front_matter_keeps_a_leading_rule_and_text() -> None:
    doc = read_bytes(b"---\nKunderne\n", "a.md")
    assert "Kunderne" in doc.text


# HTML

HTML = """<!DOCTYPE html>
<html><head><title>Om b&oslash;rgere</title>
<style>p { color: red }</style><meta charset="utf-8"></head>
<body><script>var kunder = 1;</script>
<p>B&oslash;rgere &amp; kunder</p><ul><li>en</li><li>to</li></ul>
<p>F&oslash;rst<br>derefter&nbsp;kunderne</p>
<template><p>skabelon</p></template><noscript>slå script til</noscript>
</body></html>"""


def test_html_visible_text_only() -> None:
    doc = read_bytes(HTML.encode(), "side.html")
    assert doc.kind == "html"
    assert "Om børgere" in doc.text  # the title is visible
    assert "Børgere & kunder" in doc.text
    for hidden in ("color", "var kunder", "skabelon", "slå script", "charset", "DOCTYPE", "<p>"):
        assert hidden not in doc.text, hidden
    assert "en\nto" in doc.text  # list items do not merge into "ento"
    assert "Først\nderefter\u00a0kunderne" in doc.text


def test_html_offsets_point_into_the_source() -> None:
    doc = read_bytes(HTML.encode(), "side.html")
    assert doc.offsets is not None
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets == sorted(doc.offsets)
    kunder = at(doc, "kunder")
    assert doc.source.startswith("kunder</p>", doc.offsets[kunder])
    assert position(doc, kunder) == (5, 25)  # "<p>B&oslash;rgere &amp; " is 24 characters
    entity = at(doc, "ø", 1)
    assert doc.source.startswith("&oslash;rgere &amp;", doc.offsets[entity])
    start, end = source_span(doc, at(doc, "Børgere"), at(doc, "Børgere") + len("Børgere"))
    assert doc.source[start:end] == "B&oslash;rgere"
    assert doc.offsets[-1] == doc.source.index("</body>")  # just after the last visible "\n"


def test_html_windows_1252() -> None:
    doc = read_bytes("<p>Borgerne får hjælp</p>".encode("cp1252"), "side.htm")
    assert (doc.encoding, doc.text.strip()) == ("cp1252", "Borgerne får hjælp")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/!-&;#ab pé\n\r=\"'", max_size=80))
def test_html_map_is_always_within_the_source(source: str) -> None:
    doc = read_bytes(source.encode(), "x.html")
    assert doc.offsets is not None
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets == sorted(doc.offsets)
    assert all(0 <= offset <= len(doc.source) for offset in doc.offsets)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="`*_[]()<>!-#>|: \nabé\r\t~", max_size=80))
def test_markdown_never_moves_a_character(source: str) -> None:
    doc = read_bytes(source.encode(), "x.md")
    assert len(doc.text) == len(doc.source)
    for char, original in zip(doc.text, doc.source, strict=True):
        assert char == original or (char == " " and original not in "\r\n")


# Word


def make_docx(path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("Første afsnit om kunder")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Celle med kunder"
    table.cell(0, 1).text = "Nabo"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Flettet celle"
    word.add_paragraph("Sidste afsnit\nmed linjeskift")
    section = word.sections[0]
    section.header.paragraphs[0].text = "Sidehoved om kunder"
    section.footer.paragraphs[0].text = "Sidefod med service"
    word.save(str(path))


def test_docx_paragraphs_in_order(tmp_path: Path) -> None:
    path = tmp_path / "brev.docx"
    make_docx(path)
    doc = read(str(path))
    assert doc.kind == "docx"
    expected = [
        "Første afsnit om kunder",
        "Celle med kunder",
        "Nabo",
        "Flettet celle",
        "Sidste afsnit med linjeskift",
        "Sidehoved om kunder",
        "Sidefod med service",
    ]
    assert doc.text == "\n".join(expected)
    assert doc.source == doc.text
    assert len(doc.paragraphs) == len(expected)
    for number, paragraph in enumerate(expected, start=1):
        assert line_text(doc, number) == paragraph
    assert position(doc, at(doc, "kunder", 1)) == (2, 11)
    assert position(doc, at(doc, "Sidefod")) == (7, 1)
    assert position(doc, at(doc, "service")) == (7, 13)


def test_docx_reads_revisions_content_controls_and_nested_tables(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    word = docx.Document()
    paragraph = word.add_paragraph("Før ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>indsat</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a">'
            "<w:r><w:delText>slettet</w:delText></w:r></w:del>"
        )
    )
    word.element.body.insert(
        1,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
            "<w:p><w:r><w:t>Kontrol</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    outer = word.add_table(rows=1, cols=1)
    outer.cell(0, 0).paragraphs[0].text = "Ydre"
    outer.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "Indre"
    path = tmp_path / "revision.docx"
    word.save(str(path))
    doc = read(str(path))
    assert doc.text.split("\n")[:4] == ["Før indsat", "Kontrol", "Ydre", "Indre"]


def test_docx_suppression_by_paragraph(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for text in ("kommunsk: ignore", "", "Kunderne her", "Kunderne der"):
        word.add_paragraph(text)
    path = tmp_path / "s.docx"
    word.save(str(path))
    doc = read(str(path))
    assert ignored_words(doc) == ["Kunderne her"]


def test_corrupt_docx_is_a_read_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<ikke xml")
    for name, data in (("zip.docx", buffer.getvalue()), ("tekst.docx", b"slet ikke en zip")):
        with pytest.raises(ReadError, match=rf"kan ikke læse Word-filen .*{name}"):
            read(write(tmp_path, name, data))


# Suppression


def test_text_ignore_next_non_empty_line() -> None:
    doc = read_bytes(b"# kommunsk: ignore\n\nKunderne her\nKunderne der\n", "a.txt")
    assert ignored_words(doc) == ["Kunderne her"]
    assert doc.is_ignored(at(doc, "Kunderne"), at(doc, "Kunderne") + 8)
    assert not doc.is_ignored(at(doc, "Kunderne", 1), at(doc, "Kunderne", 1) + 8)


def test_text_off_and_on_blocks() -> None:
    source = "a\n// KOMMUNSK:OFF\nkunder\nkommunsk: on\nb\nkommunsk : off\nresten\n"
    doc = read_bytes(source.encode(), "a.txt")
    assert [doc.text[s:e] for s, e in doc.ignored] == [
        "// KOMMUNSK:OFF\nkunder\nkommunsk: on",
        "kommunsk : off\nresten\n",
    ]


def test_markdown_ignore_comment() -> None:
    source = "<!--   Kommunsk:  IGNORE   -->\n\nKunderne her\n\nKunderne der\n"
    doc = read_bytes(source.encode(), "a.md")
    assert ignored_words(doc) == ["Kunderne her"]


def test_markdown_off_on_comments() -> None:
    source = "Før\n\n<!-- kommunsk: off -->\nKunder\n\nflere\n<!-- kommunsk: on -->\nEfter\n"
    doc = read_bytes(source.encode(), "a.md")
    ((start, end),) = doc.ignored
    assert "Kunder" in doc.text[start:end] and "flere" in doc.text[start:end]
    assert "Før" not in doc.text[start:end] and "Efter" not in doc.text[start:end]


def test_markdown_off_without_on_runs_to_the_end() -> None:
    doc = read_bytes(b"a\n\n<!-- kommunsk: off -->\n\nkunder\n", "a.md")
    assert doc.ignored == ((3, len(doc.text)),)


def test_markdown_marker_inside_code_is_documentation_not_a_marker() -> None:
    source = "Skriv `<!-- kommunsk: ignore -->` over linjen.\n\nKunderne\n"
    assert read_bytes(source.encode(), "a.md").ignored == ()


def test_html_suppression_maps_into_text() -> None:
    source = (
        "<p>Før</p><!-- kommunsk: ignore --><p>Kunderne her</p><p>Kunderne der</p>"
        "<!-- kommunsk: off --><p>B&oslash;rgere</p><!-- kommunsk: on --><p>Efter</p>"
    )
    doc = read_bytes(source.encode(), "a.html")
    assert ignored_words(doc) == ["Kunderne her", "Børgere"]


@pytest.mark.parametrize("marker", ["kommunsk: ignore", "KOMMUNSK:ignore", "# kommunsk :  ignore"])
def test_line_marker_spellings(marker: str) -> None:
    doc = read_bytes(f"{marker}\nkunder\n".encode(), "a.txt")
    assert ignored_words(doc) == ["kunder"]


def test_words_that_merely_start_like_a_directive_are_no_marker() -> None:
    assert read_bytes(b"kommunsk: online\nkunder\n", "a.txt").ignored == ()


def test_read_bytes_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown reader kind"):
        read_bytes(b"x", "x", kind="pdf")
