"""The Word copies open cleanly in another program: LibreOffice converts them to PDF.

LibreOffice is installed by .ci/run (Debian's libreoffice-writer and poppler-utils);
these tests fail rather than skip when it is missing, so CI never passes without them.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
import word_proposal as proposal

from kommunsk.word import annotate_docx, rewrite_docx

pytestmark = pytest.mark.slow


def to_pdf(document: Path, folder: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (runs may be parallel)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is missing: apt-get install libreoffice-writer"
    profile = folder / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = folder / f"{document.stem}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 0
    return pdf


def pdf_text(pdf: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: apt-get install poppler-utils"
    out = subprocess.run(
        [pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return " ".join(out.stdout.split())


def test_tracked_copy_converts_and_shows_the_new_words(tmp_path: Path) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    output = tmp_path / "tilbud.rewritten.docx"
    rewrite_docx(str(source), str(output), when=datetime(2026, 12, 1, tzinfo=UTC))
    assert docx.Document(str(output)).paragraphs[2].text  # python-docx reads it back
    text = pdf_text(to_pdf(output, tmp_path))
    for words in (
        "driftsudgifterne",
        "interessenter får en fast pris",
        "borgerforløb for hver målgruppe",
        "faste kontaktperson",  # the footer
        "introduktion",  # the header
    ):
        assert words in text
    # LibreOffice shows tracked deletions struck through, so the old words are still there
    assert "stakeholders" in text


def test_commented_copy_converts_with_its_text_unchanged(tmp_path: Path) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    output = tmp_path / "tilbud.kommunsk.docx"
    annotate_docx(str(source), str(output))
    assert len(list(docx.Document(str(output)).comments)) == 13
    commented = pdf_text(to_pdf(output, tmp_path))
    original = pdf_text(to_pdf(source, tmp_path))
    assert commented == original
    assert "Vores stakeholders får en fast pris." in commented
