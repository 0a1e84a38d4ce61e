"""Agreement around a replaced noun (language.agreement, engine.agreement), judged by the lemma table."""

from __future__ import annotations

import pytest

import kommunsk
from kommunsk.engine.registry import annotator
from kommunsk.language import agreement
from kommunsk.language.agreement import Word


@pytest.fixture(scope="module")
def is_word():  # type: ignore[no-untyped-def]
    return annotator().lexicon.__contains__


def words(text: str) -> list[Word]:
    found, position = [], 0
    for part in text.split():
        start = text.index(part, position)
        found.append(Word(start, start + len(part), part))
        position = start + len(part)
    return found


@pytest.mark.parametrize(
    ("word", "gender", "form"),
    [("hurtigt", "common", "hurtig"), ("ny", "neuter", "nyt"), ("Nyt", "common", "Ny")],
)
def test_indefinite_adjective(is_word, word: str, gender: str, form: str) -> None:  # type: ignore[no-untyped-def]
    assert agreement.indefinite_adjective(word, gender, is_word) == form


@pytest.mark.parametrize("word", ["kort", "fælles", "dansk", "vigtigste", "oplagt", "detaljeret"])
def test_modifiers_beyond_regular_adjectives(is_word, word: str) -> None:  # type: ignore[no-untyped-def]
    assert agreement.is_modifier(word, is_word)


@pytest.mark.parametrize("word", ["til", "med", "kommunens", "og"])
def test_not_modifiers(is_word, word: str) -> None:  # type: ignore[no-untyped-def]
    assert not agreement.is_modifier(word, is_word)


def test_participles_are_told_from_adjectives(is_word) -> None:  # type: ignore[no-untyped-def]
    assert agreement.is_participle("godkendt", is_word)
    assert agreement.is_participle("beskrevet", is_word)
    assert not agreement.is_participle("nemt", is_word)
    assert not agreement.is_participle("ambitiøst", is_word)


def test_determiner_and_adjective_follow_the_new_gender(is_word) -> None:  # type: ignore[no-untyped-def]
    changes = agreement.agreeing(words("et helt nyt"), "common", plural=False, is_word=is_word)
    assert [(w.text, new) for w, new in changes] == [("et", "en"), ("nyt", "ny")]


def test_definite_declension_keeps_the_adjective(is_word) -> None:  # type: ignore[no-untyped-def]
    changes = agreement.agreeing(words("jeres egen nye"), "neuter", plural=False, is_word=is_word)
    assert [(w.text, new) for w, new in changes] == [("egen", "eget")]
    assert agreement.phrase(words("jeres egen"), is_word).definite


def test_a_plural_only_word_cannot_follow_a_singular_article(is_word) -> None:  # type: ignore[no-untyped-def]
    assert agreement.agreeing(words("en lav"), "plural", plural=False, is_word=is_word) is None


def test_predicate_adjectives_agree_but_participles_and_adverbs_do_not(is_word) -> None:  # type: ignore[no-untyped-def]
    def predicate(text: str, gender: str) -> list[tuple[str, str]]:
        return [
            (w.text, new) for w, new in agreement.predicative(words(text), gender, is_word=is_word)
        ]

    assert predicate("er ambitiøst , men realistisk", "common") == [("ambitiøst", "ambitiøs")]
    assert predicate("er godkendt af", "common") == []
    assert predicate("er præcist beskrevet", "common") == []
    assert predicate("er lav sammenlignet med", "plural") == [("lav", "lave")]
    assert predicate("uden milepæle er ikke brugbart", "common") == [("brugbart", "brugbar")]


def test_pronoun_refers_back_only_in_a_coordinated_clause() -> None:
    assert agreement.pronoun(words("og det opdateres"), "common")[0][1] == "den"
    assert agreement.pronoun(words("og det er vigtigt at"), "common") == []


def test_particle_verbs_are_left_to_a_person() -> None:
    assert agreement.particle_follows(words("løsningen op til"))
    assert not agreement.particle_follows(words("planen fra første"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Vi laver et roadmap, og det opdateres hvert kvartal.",
            "Vi laver en tidsplan, og den opdateres hvert kvartal.",
        ),
        ("Hvilken KPI er vigtigst for jer?", "Hvilket effektmål er vigtigst for jer?"),
        (
            "Key account manageren er kommunens indgang.",
            "Den faste kontaktperson er kommunens indgang.",
        ),
        ("Budgetejerne godkender planen.", "De budgetansvarlige godkender planen."),
        (
            "Vi tager udgangspunkt i vores stakeholders' ønsker.",
            "Vi tager udgangspunkt i vores interessenters ønsker.",
        ),
        ("Kommunens use cases prioriteres.", "Kommunens anvendelsesområder prioriteres."),
        ("Samarbejdet er cross-functional.", "Samarbejdet er tværfagligt."),
        ("Vi eksekverer på projektplanen.", "Vi eksekverer på projektplanen."),
    ],
)
def test_rewrite_agrees(before: str, after: str) -> None:
    assert kommunsk.rewrite(before).text == after
