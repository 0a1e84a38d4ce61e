"""readers.docx: every part of a Word document read, each paragraph with a place a Word user finds."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import word_proposal as proposal
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from kommunsk.engine.registry import annotator_for
from kommunsk.lint.check import CheckOptions, check_paths
from kommunsk.readers import read, read_bytes
from kommunsk.readers.docx import read_docx

ENDNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"


def test_every_part_in_order_with_its_place(tmp_path: Path) -> None:
    """Body, text box (once, not its fallback copy), table and nested table, header,
    footer, footnote; the colleague's deleted "gamle" is left out, the insertion read."""
    document = read(str(proposal.build(tmp_path / "tilbud.docx")))
    assert list(zip(document.text.split("\n"), document.places, strict=True)) == proposal.PARAGRAPHS


def test_findings_name_their_place(tmp_path: Path) -> None:
    path = proposal.build(tmp_path / "tilbud.docx")
    result = check_paths([str(path)], annotator_for(), CheckOptions())
    found = {(f.annotation.text, f.place) for f in result.findings}
    assert ("stakeholders", "Økonomi › afsnit 2") in found
    assert ("stakeholders", "fodnote 1 › afsnit 1") in found
    assert ("setup", "Økonomi › afsnit 7 › tekstboks 1 › afsnit 1") in found
    assert ("customer journey", proposal.PARAGRAPHS[18][1]) in found
    assert ("key account manager", "sidefod › afsnit 1") in found


def _with_endnote_and_comment() -> bytes:
    word = docx.Document()
    paragraph = word.add_paragraph("Se slutnoten.")
    paragraph._p.append(
        parse_xml(f'<w:r {proposal.NAMESPACES}><w:endnoteReference w:id="1"/></w:r>')
    )
    notes = (
        f"<w:endnotes {proposal.NAMESPACES}>"
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:t>Vores stakeholders i slutnoten.</w:t></w:r></w:p>'
        "</w:endnote></w:endnotes>"
    )
    part = Part(PackURI("/word/endnotes.xml"), ENDNOTES_TYPE, notes.encode(), word.part.package)
    word.part.relate_to(part, RT.ENDNOTES)
    word.add_comment(paragraph.runs[0], text="Husk kunderne.", author="Kollega", initials="KO")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_endnotes_are_read_and_comments_only_when_asked() -> None:
    data = _with_endnote_and_comment()
    plain = read_bytes(data, "noter.docx")
    assert list(zip(plain.text.split("\n"), plain.places, strict=True)) == [
        ("Se slutnoten.", "afsnit 1"),
        ("Vores stakeholders i slutnoten.", "slutnote 1 › afsnit 1"),
    ]
    with_comments = read_docx(data, "noter.docx", comments=True)
    assert with_comments.text.split("\n")[-1] == "Husk kunderne."
    assert with_comments.places[-1] == "kommentar 1 fra Kollega › afsnit 1"


def test_headings_by_inherited_style_and_by_outline_level() -> None:
    word = docx.Document()
    styles = word.styles
    own = styles.add_style("Tilbudsoverskrift", 1)  # a paragraph style
    own.base_style = styles["Heading 2"]
    word.add_paragraph("Leverance", style="Tilbudsoverskrift")
    word.add_paragraph("Første.")
    outlined = word.add_paragraph("Pris")
    outlined._p.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {proposal.NAMESPACES} w:val="1"/>')
    )
    word.add_paragraph("")
    word.add_paragraph("Anden.")
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_bytes(buffer.getvalue(), "o.docx")
    assert document.places == (
        "Leverance",
        "Leverance › afsnit 1",
        "Pris",
        "Pris › afsnit 1",
        "Pris › afsnit 1",
    )
