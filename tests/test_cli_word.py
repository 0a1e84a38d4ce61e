"""`kommunsk annotate --output` and `kommunsk rewrite --output` on Word files."""

from __future__ import annotations

from pathlib import Path

import word_proposal as proposal
from reliability.helpers import one_line_error, run


def test_annotate_output_writes_a_commented_copy(tmp_path: Path) -> None:
    proposal.build(tmp_path / "tilbud.docx")
    code, out, err = run(
        "annotate", "tilbud.docx", "--output", "tilbud.kommunsk.docx", cwd=tmp_path
    )
    assert code == 0 and out == ""
    assert err.strip() == (
        "skrev tilbud.kommunsk.docx: 13 kommentarer (5 står i brødteksten, fordi Word ikke "
        "viser kommentarer i sidehoveder, sidefødder, fodnoter og tekstbokse)"
    )
    document = proposal.part(tmp_path / "tilbud.kommunsk.docx", "word/document.xml")
    assert "go-to-market" in proposal.anchored(document)


def test_rewrite_output_writes_tracked_changes(tmp_path: Path) -> None:
    proposal.build(tmp_path / "tilbud.docx")
    code, _, err = run("rewrite", "tilbud.docx", "-o", "tilbud.rewritten.docx", cwd=tmp_path)
    assert code == 0
    assert err.strip() == "skrev tilbud.rewritten.docx: 10 sporede ændringer, 2 kommentarer"
    document = proposal.part(tmp_path / "tilbud.rewritten.docx", "word/document.xml")
    assert ("ins", "driftsudgifterne") in proposal.revisions(document)


def test_configuration_and_municipality_are_respected(tmp_path: Path) -> None:
    """min-severity from .kommunsk.toml, the municipality from the command line."""
    proposal.build(tmp_path / "tilbud.docx")
    (tmp_path / ".kommunsk.toml").write_text('min-severity = "info"\n', encoding="utf-8")
    code, _, err = run(
        "annotate", "tilbud.docx", "-o", "aarhus.docx", "--municipality", "Aarhus", cwd=tmp_path
    )
    assert code == 0, err
    texts = proposal.comment_texts(tmp_path / "aarhus.docx").values()
    assert any("Aarhus Kommune skriver selv «magistratsafdeling»" in t for t in texts)


def test_rewrite_of_a_word_file_needs_an_output(tmp_path: Path) -> None:
    proposal.build(tmp_path / "tilbud.docx")
    code, _, err = run("rewrite", "tilbud.docx", cwd=tmp_path)
    assert code == 2
    assert "--output" in one_line_error(err, "tilbud.docx")


def test_annotate_output_takes_one_file(tmp_path: Path) -> None:
    proposal.build(tmp_path / "a.docx")
    proposal.build(tmp_path / "b.docx")
    code, _, err = run("annotate", "a.docx", "b.docx", "-o", "c.docx", cwd=tmp_path)
    assert code == 2
    assert "præcis én Word-fil" in one_line_error(err)
    assert not (tmp_path / "c.docx").exists()


def test_rewrite_output_cannot_be_combined_with_write(tmp_path: Path) -> None:
    proposal.build(tmp_path / "tilbud.docx")
    code, _, err = run("rewrite", "tilbud.docx", "-o", "kopi.docx", "--write", cwd=tmp_path)
    assert code == 2
    one_line_error(err)
