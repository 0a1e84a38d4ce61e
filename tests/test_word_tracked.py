"""kommunsk.word.tracked: safe rewrites as tracked changes on exactly the replaced words."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
import word_proposal as proposal

from kommunsk.readers import read
from kommunsk.word import rewrite_docx

WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

# The tracked changes in the body, in document order (the text box's come separately).
EXPECTED_BODY = [
    ("del", "de løbende omkostninger"),
    ("ins", "driftsudgifterne"),
    ("del", "stake"),  # the bold run
    ("del", "holders"),  # the plain run
    ("ins", "interessenter"),
    ("del", "en"),  # the article agrees with the new word
    ("ins", "et"),
    ("del", "customer journey"),
    ("ins", "borgerforløb"),
    ("del", "customer journey"),  # in the hyperlink
    ("ins", "borgerforløb"),
    ("del", "stakeholders"),  # the table cell
    ("ins", "interessenter"),
    ("del", "en"),  # the nested table
    ("ins", "et"),
    ("del", "customer journey"),
    ("ins", "borgerforløb"),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    folder = tmp_path_factory.mktemp("tracked")
    return proposal.copy_of(
        folder, "tilbud.rewritten.docx", lambda src, out: rewrite_docx(src, out, when=WHEN)
    )


def test_tracked_changes_replace_only_the_flagged_words(written: tuple[Path, Path, object]) -> None:
    _, output, _ = written
    document = proposal.part(output, "word/document.xml")
    body = proposal.revisions(document)
    assert body == EXPECTED_BODY
    box = [("del", "stakeholders"), ("ins", "interessenter")]  # after the hyperlink's change
    in_box = EXPECTED_BODY[:11] + box + EXPECTED_BODY[11:]
    assert proposal.revisions(document, boxes=True) == in_box


def test_the_text_box_copy_for_older_programs_changes_alike(
    written: tuple[Path, Path, object],
) -> None:
    _, output, _ = written
    document = proposal.part(output, "word/document.xml")
    (fallback,) = document.iter(f"{proposal.MC}Fallback")  # type: ignore[attr-defined]
    changes = [
        (element.tag.rpartition("}")[2], "".join(element.itertext()))
        for element in fallback.iter(f"{proposal.W}del", f"{proposal.W}ins")
    ]
    assert changes == [("del", "stakeholders"), ("ins", "interessenter")]


def test_headers_footers_and_footnotes_are_rewritten_too(
    written: tuple[Path, Path, object],
) -> None:
    _, output, _ = written
    assert proposal.revisions(proposal.part(output, "word/header1.xml")) == [
        ("del", "onboarding"),
        ("ins", "introduktion"),
    ]
    assert proposal.revisions(proposal.part(output, "word/footer1.xml")) == [
        ("del", "key account manager"),
        ("ins", "faste kontaktperson"),
    ]
    assert proposal.revisions(proposal.part(output, "word/footnotes.xml")) == [
        ("del", "stakeholders"),
        ("ins", "interessenter"),
    ]


def test_author_date_and_unique_ids(written: tuple[Path, Path, object]) -> None:
    _, output, _ = written
    ids = []
    for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"):
        root = proposal.part(output, name)
        for element in root.iter(f"{proposal.W}ins", f"{proposal.W}del"):  # type: ignore[attr-defined]
            if element.get(f"{proposal.W}author") == "kommunsk":
                assert element.get(f"{proposal.W}date") == "2026-12-01T09:30:00Z"
                ids.append(element.get(f"{proposal.W}id"))
    # 10 changes: one deletion per replaced run ("stake", "holders"), and two edits
    # (article and word) for each "en customer journey"
    assert len(ids) == len(set(ids)) == 27  # and the text box's copy for older programs
    assert not {"901", "902"} & set(ids)  # the colleague's revisions keep theirs


def test_inserted_text_keeps_the_replaced_formatting(written: tuple[Path, Path, object]) -> None:
    _, output, _ = written
    root = proposal.part(output, "word/document.xml")
    inserted = [
        (
            "".join(t.text for t in ins.iter(f"{proposal.W}t")),
            ins.find(f".//{proposal.W}b") is not None,
        )
        for ins in root.iter(f"{proposal.W}ins")  # type: ignore[attr-defined]
        if ins.get(f"{proposal.W}author") == "kommunsk"
    ]
    assert inserted[:3] == [
        ("driftsudgifterne", False),
        ("interessenter", True),  # "stake" was bold
        ("et", False),
    ]


def test_what_needs_a_person_becomes_a_comment(written: tuple[Path, Path, object]) -> None:
    """go-to-market has no safe rewrite; the colleague's inserted «stakeholders» is theirs."""
    _, output, result = written
    document = proposal.part(output, "word/document.xml")
    assert proposal.anchored(document) == ["go-to-market", "stakeholders"]
    assert (result.changes, result.comments) == (10, 2)  # type: ignore[attr-defined]
    colleague = proposal.revisions(document, author="Kollega")
    assert colleague == [("del", "gamle "), ("ins", "nye stakeholders ")]


def test_accepting_every_change_gives_the_rewritten_text(
    written: tuple[Path, Path, object],
) -> None:
    """Read as `check` reads it (deletions left out, insertions read): the engine's rewrite."""
    import kommunsk

    source, output, _ = written
    before, after = read(str(source)), read(str(output))
    assert after.text == kommunsk.rewrite(before.text).text.replace(
        "Vi har nye interessenter", "Vi har nye stakeholders"
    )
    assert docx.Document(str(output)).paragraphs[0].text == "Indledning"
