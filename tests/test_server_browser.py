"""The page in a real headless Chromium (Debian's chromium, driven by Playwright), as a person uses it.

Load the page, paste a proposal, choose a municipality, check it, see the
highlights, use a suggestion from the keyboard, see the text change, open the
concept's glossary page, and read a glossary page with JavaScript off. No
request may leave the server. A screenshot of the checked text is saved.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import running

import kommunsk

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PROPOSAL = (
    "Vores kunder får et detaljeret roadmap, og kommunalbestyrelsen får en dashboard-løsning.\n\n"
    "Investeringen er stor, men ROI er høj, og vi holder et kick-off-møde med alle stakeholders."
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running() as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_check_a_proposal_use_a_suggestion_and_open_the_glossary(
    server: str,
    browser,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/")
    assert page.title() == "Tjek en tekst · kommunsk"
    page.fill("#tekst", PROPOSAL)
    page.fill("#kommune", "Aarhus")
    page.click("button[value=tjek]")
    page.wait_for_selector(".marked .mark")

    expected = [
        a
        for a in kommunsk.annotate(PROPOSAL, municipality="Aarhus")
        if a.severity in ("warning", "suggestion")
    ]
    marks = page.locator(".marked .mark")
    assert marks.all_inner_texts() == [a.text for a in expected]
    assert page.locator(".marked .mark.sev-warning").count() == sum(
        a.severity == "warning" for a in expected
    )
    assert page.locator(".findings .finding").count() == len(expected)
    assert page.locator("#kopier").is_visible()  # the script ran and offers copying
    page.click("#kopier")
    page.wait_for_selector("text=Teksten er kopieret.")

    marks.first.click()  # a highlight leads to its card
    assert page.url.endswith("#fund-1")
    page.screenshot(path=str(tmp_path / "tjek.png"), full_page=True)

    apply = page.locator("button.apply").first
    value = apply.get_attribute("value")
    assert value is not None
    target = next(a for a in expected if f"brug:{a.start}:{a.end}:{a.concept_id}" == value)
    apply.focus()
    page.keyboard.press("Enter")  # a real button, usable from the keyboard
    page.wait_for_selector("text=Forslaget er brugt.")
    from kommunsk.engine.rewrite import apply as rewrite

    changed = page.input_value("#tekst")
    assert changed == rewrite(PROPOSAL, [target]).text != PROPOSAL
    assert page.input_value("#kommune") == "Aarhus"

    page.locator(".finding a[href^='/ordliste/']").first.click()
    page.wait_for_selector("h1")
    assert "/ordliste/" in page.url
    assert page.locator("dt", has_text="Definition").count() == 1
    assert all(url.startswith(server) for url in requested), requested
    page.close()


def test_the_glossary_reads_without_javascript(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/ordliste?q=roadmap")
    page.click("a[href='/ordliste/tidsplan']")
    assert page.locator("h1").inner_text() == kommunsk.load().get("tidsplan").label
    assert page.locator("h2", has_text="Kilder").count() == 1
    page.goto(server + "/kommuner/751")
    assert page.locator("h1").inner_text() == "Aarhus Kommune"
    context.close()


def test_focus_is_visible_on_buttons(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server + "/")
    page.focus("button[value=tjek]")
    outline = page.eval_on_selector(
        "button[value=tjek]", "element => getComputedStyle(element).outlineStyle"
    )
    assert outline == "solid"
    page.close()
