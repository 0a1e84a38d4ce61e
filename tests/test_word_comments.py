"""kommunsk.word.comments: a comment on exactly the flagged words, wherever Word keeps them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import word_proposal as proposal

from kommunsk.errors import UsageError
from kommunsk.word import AUTHOR, annotate_docx
from kommunsk.word.runs import isolate

# The words each comment is anchored on in the body, in document order. The header's and
# the footer's comments sit on the first heading, the footnote's on its reference mark and
# the text box's on the box's drawing (both hold no text of their own): Word shows no
# comments in those parts.
EXPECTED_ANCHORS = [
    "Indledning",  # «onboarding» in the header
    "Indledning",  # «key account manager» in the footer
    "løbende omkostninger",
    "stakeholders",  # "stake" bold + "holders" plain
    "customer journey",  # a list item
    "go-to-market",
    "customer journey",  # in a hyperlink
    "",  # the footnote's reference mark
    "",  # the text box: «stakeholders»
    "",  # the text box: «setup»
    "stakeholders",  # inside a colleague's tracked insertion
    "stakeholders",  # a table cell
    "customer journey",  # a table nested in the cell
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    folder = tmp_path_factory.mktemp("comments")
    return proposal.copy_of(folder, "tilbud.kommunsk.docx", annotate_docx)


def test_comments_sit_on_exactly_the_flagged_words(written: tuple[Path, Path, object]) -> None:
    _, output, _ = written
    document = proposal.part(output, "word/document.xml")
    assert proposal.anchored(document) == EXPECTED_ANCHORS


def test_no_comment_ranges_where_word_ignores_them(written: tuple[Path, Path, object]) -> None:
    _, output, _ = written
    for name in ("word/header1.xml", "word/footer1.xml", "word/footnotes.xml"):
        assert proposal.comment_ids(proposal.part(output, name)) == []


def test_each_comment_says_what_why_and_where_from(written: tuple[Path, Path, object]) -> None:
    _, output, result = written
    texts = proposal.comment_texts(output)
    ids = proposal.comment_ids(proposal.part(output, "word/document.xml"))
    by_anchor = [texts[i] for i in ids]
    split_word = by_anchor[3]
    assert split_word.startswith(f"{AUTHOR}|K|«stakeholders» → «interessenter»\n")
    assert "\nEngelsk lån fra ledelsessprog;" in split_word
    assert "\nKilde: " in split_word
    assert by_anchor[5].startswith(
        "kommunsk|K|«go-to-market»: skriv det med almindelige danske ord"
    )
    (header,) = [t for t in by_anchor[:2] if "«onboarding»" in t]
    assert "«onboarding» → «introduktion» eller «oplæring»" in header
    assert "står i sidehovedet (sidehoved › afsnit 1)" in header
    (footer,) = [t for t in by_anchor[:2] if "«key account manager»" in t]
    assert "står i sidefoden (sidefod › afsnit 1)" in footer
    assert "står i en fodnote (fodnote 1 › afsnit 1)" in by_anchor[7]
    assert "står i en tekstboks (Økonomi › afsnit 7 › tekstboks 1 › afsnit 1)" in by_anchor[8]
    assert result.comments == len(EXPECTED_ANCHORS)  # type: ignore[attr-defined]
    assert result.moved == 5  # type: ignore[attr-defined]


def test_split_runs_keep_their_formatting(written: tuple[Path, Path, object]) -> None:
    """'stake' stays bold and 'holders' plain; the text of the paragraph is unchanged."""
    _, output, _ = written
    paragraph = docx.Document(str(output)).paragraphs[5]
    assert paragraph.text == "Vores stakeholders får en fast pris."
    assert [(r.text, bool(r.bold)) for r in paragraph.runs if r.text] == [
        ("Vores ", False),
        ("stake", True),
        ("holders", False),
        (" får en fast pris.", False),
    ]


def test_the_copy_reads_as_the_original(written: tuple[Path, Path, object]) -> None:
    """Comments add no text: `check` reads the copy exactly as it read the original."""
    from kommunsk.readers import read

    source, output, _ = written
    before, after = read(str(source)), read(str(output))
    assert after.text == before.text
    assert after.places == before.places


def test_local_variant_and_its_source_with_a_municipality(tmp_path: Path) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    output = tmp_path / "aarhus.docx"
    annotate_docx(str(source), str(output), municipality="Aarhus", min_severity="info")
    texts = list(proposal.comment_texts(output).values())
    local = [t for t in texts if "«forvaltningen»" in t]
    assert len(local) == 1
    assert "Aarhus Kommune skriver selv «magistratsafdeling» (Sådan styres Aarhus" in local[0]


def test_severity_decides_what_becomes_a_comment(tmp_path: Path) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    output = tmp_path / "advarsler.docx"
    result = annotate_docx(str(source), str(output), min_severity="warning")
    anchors = proposal.anchored(proposal.part(output, "word/document.xml"))
    assert "løbende omkostninger" not in anchors  # a suggestion, not a warning
    assert result.comments == len(EXPECTED_ANCHORS) - 3  # also «onboarding» and «setup»


def test_output_must_not_be_the_source(tmp_path: Path) -> None:
    source = proposal.build(tmp_path / "tilbud.docx")
    with pytest.raises(UsageError, match="--output må ikke være filen selv"):
        annotate_docx(str(source), str(tmp_path / "." / "tilbud.docx"))
    (tmp_path / "link.docx").symlink_to(source)
    with pytest.raises(UsageError):
        annotate_docx(str(source), str(tmp_path / "link.docx"))


def test_isolate_splits_a_run_at_both_ends(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph()
    run = paragraph.add_run("Vi har mange kunder i dag.")
    run.italic = True
    runs = isolate(paragraph._p, 13, 19)
    assert runs is not None and len(runs) == 1
    assert [(r.text, r.italic) for r in paragraph.runs] == [
        ("Vi har mange ", True),
        ("kunder", True),
        (" i dag.", True),
    ]
    assert runs[0] is paragraph.runs[1]._r


def test_a_document_with_text_only_in_its_header_still_gets_its_comment(tmp_path: Path) -> None:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "Vores stakeholders"
    source = tmp_path / "hoved.docx"
    word.save(str(source))
    output = tmp_path / "kopi.docx"
    result = annotate_docx(str(source), str(output))
    assert (result.comments, result.moved) == (1, 1)
    assert proposal.anchored(proposal.part(output, "word/document.xml")) == [""]
    (text,) = proposal.comment_texts(output).values()
    assert "står i sidehovedet" in text
