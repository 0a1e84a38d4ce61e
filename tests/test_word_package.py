"""kommunsk.word.package: what `check` refuses, the Word commands refuse too, in one line, exit 2.

Each bad file is refused before python-docx unpacks anything, and the output is
never written: not for a bad file, and never over the source.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import word_proposal as proposal
from reliability.helpers import document_xml, docx_bytes, one_line_error, paragraph, run

from kommunsk.readers.package import MAX_UNPACKED, OLE_MAGIC
from kommunsk.readers.read import MAX_BYTES

OLE_HEADER = OLE_MAGIC + bytes(504)
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
COMMANDS = {
    "check": ("check",),
    "annotate": ("annotate", "--output", "kopi.docx"),
    "rewrite": ("rewrite", "--output", "kopi.docx"),
}


def _bomb(size: int) -> bytes:
    unit = paragraph("kunder og stakeholders ").encode()
    return docx_bytes(document_xml((unit * (size // len(unit))).decode()))


def _macro_enabled(tmp_path: Path) -> bytes:
    """A real Word file whose main part is declared macro-enabled (a .docm renamed .docx)."""
    source = proposal.build(tmp_path / "kilde.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    MACRO_TYPE.encode(),
                )
            copy.writestr(info, data)
    return buffer.getvalue()


BAD = {
    "password": (
        "kode.docx",
        lambda _: OLE_HEADER + "EncryptedPackage".encode("utf-16-le") + bytes(100),
        "adgangskode",
    ),
    "legacy": ("gammel.docx", lambda _: OLE_HEADER + bytes(100), "gamle Word-format"),
    "macros": ("makro.docx", _macro_enabled, "makroer"),
    "damaged": ("skadet.docx", lambda _: b"PK\x03\x04 ikke en rigtig zip", "beskadiget"),
    "bomb": ("bombe.docx", lambda _: _bomb(MAX_UNPACKED + 5_000_000), "grænsen er 100.000.000"),
    "ratio": ("tæt.docx", lambda _: _bomb(20_000_000), "zip-bombe"),
    "too large": ("stor.docx", lambda _: b"PK" + bytes(MAX_BYTES), "større end grænsen"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("bad", sorted(BAD))
def test_bad_word_file_is_one_line_and_exit_2(tmp_path: Path, command: str, bad: str) -> None:
    name, make, words = BAD[bad]
    (tmp_path / name).write_bytes(make(tmp_path))
    code, _, err = run(*COMMANDS[command], name, cwd=tmp_path)
    assert code == 2
    assert words in one_line_error(err, name)
    assert not (tmp_path / "kopi.docx").exists()


def test_legacy_doc_by_name_is_refused_by_the_word_commands(tmp_path: Path) -> None:
    (tmp_path / "gammel.doc").write_bytes(OLE_HEADER)
    for command in ("annotate", "rewrite"):
        code, _, err = run(*COMMANDS[command], "gammel.doc", cwd=tmp_path)
        assert code == 2
        one_line_error(err, "gammel.doc")


@pytest.mark.parametrize("command", ["annotate", "rewrite"])
def test_output_over_the_source_is_refused(tmp_path: Path, command: str) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    before = source.read_bytes()
    code, _, err = run(command, "tilbud.docx", "--output", "./tilbud.docx", cwd=tmp_path)
    assert code == 2
    assert "--output må ikke være filen selv" in one_line_error(err, "tilbud.docx")
    assert source.read_bytes() == before


@pytest.mark.parametrize("command", ["annotate", "rewrite"])
def test_output_must_be_a_docx(tmp_path: Path, command: str) -> None:
    proposal.build(tmp_path / "tilbud.docx")
    code, _, err = run(command, "tilbud.docx", "--output", "tilbud.pdf", cwd=tmp_path)
    assert code == 2
    one_line_error(err, "tilbud.pdf")
    assert not (tmp_path / "tilbud.pdf").exists()
