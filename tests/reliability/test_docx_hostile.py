"""Hostile Word files: zip bombs, entity bombs, passwords, old formats and damage, each one line."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kommunsk.errors import ReadError, Skipped
from kommunsk.readers import read, read_bytes
from kommunsk.readers.package import MAX_RATIO, MAX_UNPACKED, OLE_MAGIC

from .helpers import JARGON, document_xml, docx_bytes, one_line_error, paragraph, run

OLE_HEADER = OLE_MAGIC + bytes(504)  # a compound file's 512-byte header, as Word writes it


def _bomb(size: int) -> bytes:
    """A .docx whose document.xml unpacks to `size` bytes of one repeated paragraph."""
    unit = paragraph("kunder og stakeholders ").encode()
    body = unit * (size // len(unit))
    return docx_bytes(document_xml(body.decode()))


def _refused_quickly(data: bytes, name: str, tmp_path: Path) -> ReadError:
    """Read `data` as `name`; it must fail with little memory (never unpacking), naming the file."""
    path = tmp_path / name
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as caught:
            read(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert peak < 3 * len(data) + 20_000_000, peak  # never the unpacked size
    return caught.value


def test_zip_bomb_over_the_total_limit_is_refused_before_unpacking(tmp_path: Path) -> None:
    data = _bomb(MAX_UNPACKED + 5_000_000)
    assert len(data) < 5_000_000  # small on disk, over 100 MB unpacked
    error = _refused_quickly(data, "bombe.docx", tmp_path)
    assert "grænsen er 100.000.000 bytes" in str(error)


def test_zip_bomb_packed_too_tightly_is_refused(tmp_path: Path) -> None:
    data = _bomb(20_000_000)  # under the total limit, but packed hundreds of times
    error = _refused_quickly(data, "tæt.docx", tmp_path)
    assert "zip-bombe" in str(error) and f"grænsen er {MAX_RATIO}" in str(error)


def test_a_directory_that_lies_about_sizes_is_caught(tmp_path: Path) -> None:
    """A part that unpacks to more than the zip directory says is refused, not trusted."""
    real = document_xml(paragraph("kunder " * 50_000))
    data = bytearray(docx_bytes(real))
    declared = len(real).to_bytes(4, "little")
    smaller = (1000).to_bytes(4, "little")
    data = data.replace(declared, smaller)  # in the local header and the central directory
    path = tmp_path / "løgn.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match=r"løgn\.docx"):
        read(str(path))


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "kunder kunder kunder kunder kunder kunder">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def test_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    data = docx_bytes(document_xml(paragraph("&j;"), prolog=BILLION_LAUGHS))
    error = _refused_quickly(data, "latter.docx", tmp_path)
    # libxml2 stops at the amplification itself, or the DOCTYPE is refused after parsing
    assert "DTD" in str(error) or "ikke gyldig XML" in str(error)


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("API_KEY=hemmelig-nøgle-123", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
    data = docx_bytes(document_xml(paragraph("&x;"), prolog=prolog))
    error = _refused_quickly(data, "ekstern.docx", tmp_path)
    assert "hemmelig-nøgle" not in str(error)


def test_password_protected_word_file_says_so(tmp_path: Path) -> None:
    data = OLE_HEADER + "EncryptedPackage".encode("utf-16-le") + bytes(2000)
    error = _refused_quickly(data, "kode.docx", tmp_path)
    assert "adgangskode" in str(error)


def test_old_word_format_under_a_docx_name_says_so(tmp_path: Path) -> None:
    data = OLE_HEADER + "WordDocument".encode("utf-16-le") + bytes(2000)
    error = _refused_quickly(data, "gammel.docx", tmp_path)
    assert "gamle Word-format" in str(error)


@pytest.mark.parametrize("name", ["makro.docm", "skabelon.dotx", "gammel.doc"])
def test_macro_template_and_old_word_files_are_refused_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(docx_bytes(document_xml(paragraph("Kunderne"))))
    with pytest.raises(Skipped, match=r"gem filen som \.docx"):
        read(str(path))


def test_damaged_docx_is_one_read_error(tmp_path: Path) -> None:
    whole = docx_bytes(document_xml(paragraph("Kunderne")))
    for name, data in {
        "kort.docx": whole[: len(whole) // 2],
        "tom.docx": b"",
        "tekst.docx": b"slet ikke en zip",
        "uden-dokument.docx": docx_bytes(b"<ikke xml"),
    }.items():
        with pytest.raises(ReadError, match=rf"kan ikke læse Word-filen .*{name}"):
            read_bytes(data, name)


def test_a_part_without_its_main_document_is_damaged() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", "<styles/>")
    with pytest.raises(ReadError, match=r"word/document\.xml mangler"):
        read_bytes(buffer.getvalue(), "stil.docx")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bombe.docx", _bomb(30_000_000)),
        ("kode.docx", OLE_HEADER + "EncryptedPackage".encode("utf-16-le")),
        ("gammel.doc", OLE_HEADER),
        ("makro.docm", b"PK\x03\x04"),
        ("kort.docx", b"PK\x03\x04\x14\x00"),
    ],
)
def test_each_hostile_word_file_is_one_line_and_exit_2(
    tmp_path: Path, name: str, data: bytes
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "god.md").write_text(JARGON, encoding="utf-8")
    code, out, err = run("check", name, "god.md", cwd=tmp_path)
    assert code == 2
    one_line_error(err, name)
    assert "stakeholders" in out  # the good file is still checked
