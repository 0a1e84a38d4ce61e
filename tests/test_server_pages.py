"""The web page and the glossary pages: what a person sees, escaped, limited, kept in memory."""

from __future__ import annotations

import io
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import docx
import httpx
import pytest
from docx.oxml.ns import qn
from live_server import running
from starlette.testclient import TestClient

import kommunsk
from kommunsk.engine.rewrite import apply
from kommunsk.lint.check import CheckOptions
from kommunsk.server.app import create_app
from kommunsk.server.service import Settings

TEXT = "Vores kunder får et detaljeret roadmap. Investeringen er stor, og ROI er høj."
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
MARK = re.compile(r'<a href="#fund-\d+" class="mark sev-(\w+)"[^>]*>([^<]*)</a>')


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def shown(text: str, **options: str) -> list[kommunsk.Annotation]:
    return [
        a
        for a in kommunsk.annotate(text, **options)  # type: ignore[arg-type]
        if a.severity in ("warning", "suggestion")
    ]


def textarea(html: str) -> str:
    found = re.search(r'<textarea id="tekst"[^>]*>(.*?)</textarea>', html, re.S)
    assert found is not None
    return unescape(found.group(1))


def test_the_empty_page_offers_every_municipality_and_fetches_nothing_from_elsewhere(
    client: TestClient,
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.text.count("<option value=") == 98
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_a_checked_text_is_highlighted_by_severity(client: TestClient) -> None:
    page = client.post("/", data={"tekst": TEXT, "kommune": "Aarhus"})
    assert page.status_code == 200
    expected = shown(TEXT, municipality="Aarhus")
    marks = MARK.findall(page.text)
    assert [(severity, text) for severity, text in marks] == [
        (a.severity, a.text) for a in expected
    ]
    for annotation in expected:
        assert f'href="/ordliste/{annotation.concept_id}"' in page.text
    assert "Aarhus Kommune" in page.text
    warnings = sum(a.severity == "warning" for a in expected)
    suggestions = len(expected) - warnings
    counts = [
        f"{warnings} advarsler" * bool(warnings),
        f"{suggestions} forslag" * bool(suggestions),
    ]
    assert f"{len(expected)} fund: {', '.join(c for c in counts if c)}" in page.text
    assert textarea(page.text) == TEXT


def test_user_text_is_escaped_everywhere(client: TestClient) -> None:
    page = client.post("/", data={"tekst": XSS + " roadmap", "kommune": XSS})
    assert page.status_code == 400  # the municipality is unknown
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text
    assert textarea(page.text) == XSS + " roadmap"  # the text is kept for the next try
    page = client.post("/", data={"tekst": XSS + " Vores roadmap."})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert MARK.findall(page.text)


def test_an_upload_name_is_escaped(client: TestClient) -> None:
    name = "<img src=x onerror=alert(1)>.txt"
    page = client.post("/", files={"fil": (name, b"Vores roadmap.", "text/plain")})
    assert page.status_code == 200
    assert "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page.text


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "tilbud.docx",
            _docx("Vores roadmap er klar.", "Det giver en høj ROI."),
            ["roadmap", "ROI"],
        ),
        ("tilbud.md", b"# Tilbud\n\nVores **roadmap** er klar.\n", ["roadmap"]),
        ("tilbud.html", b"<p>Vores <b>roadmap</b> er klar.</p>", ["roadmap"]),
        ("tilbud.txt", "Vores roadmap er klar.".encode("cp1252"), ["roadmap"]),
    ],
)
def test_uploads_are_read_by_the_readers(
    client: TestClient, name: str, data: bytes, words: list[str]
) -> None:
    page = client.post("/", files={"fil": (name, data, "application/octet-stream")})
    assert page.status_code == 200, page.text
    assert [text for _, text in MARK.findall(page.text)] == words
    assert name in page.text


def test_an_unreadable_upload_is_one_clear_line(client: TestClient) -> None:
    page = client.post("/", files={"fil": ("tilbud.pdf", b"%PDF-1.4", "application/pdf")})
    assert page.status_code == 400
    assert "filtypen kan ikke læses: tilbud.pdf" in page.text
    page = client.post(
        "/", files={"fil": ("tilbud.docx", b"not a zip", "application/octet-stream")}
    )
    assert page.status_code == 400
    assert "kan ikke læse Word-filen" in page.text


def test_an_upload_over_the_limit_is_413() -> None:
    small = TestClient(create_app(Settings(max_upload=10_000)))
    page = small.post("/", files={"fil": ("stor.txt", b"roadmap " * 50_000, "text/plain")})
    assert page.status_code == 413
    assert "for stor" in page.text


def test_an_upload_stays_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def to_disk(self: object) -> None:
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", to_disk)
    data = ("Vores roadmap er klar. " + "Almindelig tekst her. " * 70_000).encode()
    assert len(data) > 1_500_000  # beyond Starlette's own 1 MB spooling threshold
    page = TestClient(create_app()).post("/", files={"fil": ("lang.txt", data, "text/plain")})
    assert page.status_code == 200
    assert "roadmap" in [text for _, text in MARK.findall(page.text)]


def test_using_one_suggestion_changes_only_that_place(client: TestClient) -> None:
    page = client.post("/", data={"tekst": TEXT})
    value = re.search(r'name="handling" value="(brug:[^"]+)"', page.text)
    assert value is not None
    annotation = next(a for a in shown(TEXT) if a.edits)
    assert value.group(1) == f"brug:{annotation.start}:{annotation.end}:{annotation.concept_id}"
    after = client.post("/", data={"tekst": TEXT, "handling": value.group(1)})
    assert textarea(after.text) == apply(TEXT, [annotation]).text != TEXT
    assert "Forslaget er brugt." in after.text


def test_all_safe_suggestions_at_once(client: TestClient) -> None:
    after = client.post("/", data={"tekst": TEXT, "handling": "ret-alle"})
    assert textarea(after.text) == kommunsk.rewrite(TEXT).text
    assert "sikre rettelser er lavet" in after.text


def test_the_glossary_pages(client: TestClient, glossary: kommunsk.Glossary) -> None:
    index = client.get("/ordliste")
    assert index.text.count('<li><a href="/ordliste/') == len(glossary)
    found = client.get("/ordliste", params={"q": "roadmap"})
    assert 'href="/ordliste/tidsplan"' in found.text
    page = client.get("/ordliste/tidsplan")
    concept = glossary.get("tidsplan")
    assert page.status_code == 200
    for part in (concept.definition, concept.explanation, "Forretningssprog", "Kilder"):
        assert part.replace('"', "&#34;") in page.text
    assert client.get("/ordliste/ikke-et-begreb-xyz").status_code == 404
    # a concept with local variants lists them, linked to each municipality's profile
    council = client.get("/ordliste/kommunalbestyrelse")
    assert "Lokale varianter" in council.text and 'href="/kommuner/751"' in council.text


def test_the_municipality_pages(client: TestClient) -> None:
    listing = client.get("/kommuner")
    assert listing.text.count('<td><a href="/kommuner/') == 98
    assert client.get("/kommuner", params={"q": "vejle"}).text.count('href="/kommuner/') == 1
    profile = client.get("/kommuner/751")
    assert profile.status_code == 200
    assert "Aarhus Kommune" in profile.text and "Kommunalbestyrelsen hedder" in profile.text
    assert client.get("/kommuner/Århus").status_code == 200
    missing = client.get("/kommuner/" + XSS)
    assert missing.status_code == 404 and "<script>alert" not in missing.text


def _comments_and_revisions(data: bytes) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(author, text) of each comment, and the deleted and inserted texts of a .docx."""
    word = docx.Document(io.BytesIO(data))
    comments = [(c.author, c.text) for c in word.comments]
    body = word.element.body
    deleted = [
        "".join(t.text or "" for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))
    ]
    inserted = ["".join(t.text or "" for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    return comments, deleted, inserted


def test_the_word_download_gives_the_file_back_with_comments(client: TestClient) -> None:
    assert "Hent Word-filen med kommentarer" in client.get("/").text
    original = _docx("Vores roadmap er klar.", "Vi glæder os.")
    answer = client.post(
        "/hent/word",
        files={"fil": ("tilbud.docx", original, "x")},
        data={"kommune": "Aarhus", "som": "kommentarer"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"] == 'attachment; filename="tilbud-kommunsk.docx"'
    comments, deleted, inserted = _comments_and_revisions(answer.content)
    assert len(comments) == 1 and comments[0][0] == "kommunsk"
    assert "tidsplan" in comments[0][1]
    assert deleted == inserted == []
    copy = docx.Document(io.BytesIO(answer.content))
    assert [p.text for p in copy.paragraphs] == ["Vores roadmap er klar.", "Vi glæder os."]


def test_the_word_download_gives_the_file_back_with_tracked_changes(client: TestClient) -> None:
    answer = client.post(
        "/hent/word",
        files={"fil": ("tilbud.docx", _docx("Vi laver et detaljeret roadmap."), "x")},
        data={"som": "rettelser"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"] == 'attachment; filename="tilbud-omskrevet.docx"'
    _, deleted, inserted = _comments_and_revisions(answer.content)
    assert "roadmap" in "".join(deleted) and "tidsplan" in "".join(inserted)
    assert "et" in deleted and "en" in inserted  # the article follows the new word's gender


def test_the_word_download_refuses_what_is_not_word(client: TestClient) -> None:
    answer = client.post("/hent/word", files={"fil": ("a.docx", b"not a zip", "x")})
    assert answer.status_code == 400 and "a.docx" in answer.text
    wrong = client.post(
        "/hent/word", files={"fil": ("a.docx", _docx("x"), "x")}, data={"som": "<script>"}
    )
    assert wrong.status_code == 400 and "<script>" not in wrong.text


def test_a_word_export_plugs_into_the_download_route() -> None:
    app = create_app()
    seen: list[tuple[str, str | None]] = []

    def export(data: bytes, name: str, engine: object, options: CheckOptions) -> bytes:
        seen.append((name, options.municipality))
        return b"PK new docx"

    app.state.word_exports = {"kommentarer": (export, "kommunsk")}
    client = TestClient(app)
    answer = client.post(
        "/hent/word",
        files={"fil": ("tilbud.docx", _docx("Vores roadmap er klar."), "x")},
        data={"kommune": "Aarhus"},
    )
    assert answer.status_code == 200
    assert answer.content == b"PK new docx"
    assert seen == [("tilbud.docx", "751")]


@pytest.mark.slow
def test_fifty_parallel_clients_each_get_their_own_answer() -> None:
    """No state between requests: 50 clients at once, each result equal to the library's."""
    municipalities = ["Aarhus", "Odense", "Vejle", "København", None]
    jobs = [
        (
            f"Tilbud nr. {n}: vores kunder får et roadmap og {n} leads. " * (1 + n % 3),
            municipalities[n % 5],
        )
        for n in range(50)
    ]
    with running() as url:

        def ask(
            job: tuple[str, str | None],
        ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
            text, municipality = job
            with httpx.Client(base_url=url, timeout=60) as http:
                api = http.post("/api/annotate", json={"text": text, "municipality": municipality})
                lt = http.post(
                    "/v2/check",
                    data={"text": text, "language": "da-DK", "kommune": municipality or ""},
                )
            api.raise_for_status()
            lt.raise_for_status()
            return api.json()["annotations"], lt.json()["matches"]

        with ThreadPoolExecutor(max_workers=50) as pool:
            answers = list(pool.map(ask, jobs))
    for (text, municipality), (found, matches) in zip(jobs, answers, strict=True):
        expected = [
            a for a in kommunsk.annotate(text, municipality=municipality) if a.kind != "term"
        ]
        assert found == [a.to_dict() for a in expected]
        assert [(m["offset"], m["length"]) for m in matches] == [
            (a.start, a.end - a.start) for a in expected if a.severity != "info"
        ]
