from pathlib import Path

import spacy

import kommunsk


def test_component_is_registered_through_entry_points() -> None:
    nlp = spacy.blank("da")
    nlp.add_pipe("kommunsk", config={"municipality": "101"})
    doc = nlp("Kunderne på plejehjemmet møder kommunalbestyrelsen.")
    spans = doc.spans["kommunsk"]
    assert [(s.text, s.label_) for s in spans] == [
        ("Kunderne", "jargon"),
        ("plejehjemmet", "jargon"),
        ("kommunalbestyrelsen", "variant"),
    ]
    assert spans[2]._.kommunsk.suggestions[0] == "Borgerrepræsentationen"


def test_component_spans_key_is_configurable() -> None:
    nlp = spacy.blank("da")
    nlp.add_pipe("kommunsk", config={"spans_key": "jargon"})
    doc = nlp("Vores stakeholders.")
    assert [s.text for s in doc.spans["jargon"]] == ["stakeholders"]


def test_blank_pipeline_with_lookup_lemmas_agrees_with_the_default() -> None:
    text = Path("examples/tilbud.md").read_text(encoding="utf-8")
    default = [(a.start, a.end, a.concept_id) for a in kommunsk.annotate(text)]
    with_spacy = [(a.start, a.end, a.concept_id) for a in kommunsk.annotate(text, pipeline="blank")]
    assert with_spacy == default


def test_missing_trained_pipeline_is_a_clear_error() -> None:
    import pytest

    from kommunsk.engine.trained import PipelineError

    with pytest.raises(PipelineError, match="ikke installeret"):
        kommunsk.annotate("tekst", pipeline="da_core_news_findes_ikke")
