"""Which inflection slot a matched word fills, decided from the words around it.

A form alone is often ambiguous: "plejehjem" is singular or plural, "use cases"
a plural or a genitive, "cross-functional" any form of the adjective. The words
around decide: "40 plejehjem" is plural, "en oplagt use case" singular,
"stakeholders' ønsker" a plural genitive, "Samarbejdet er cross-functional"
the neuter form. A rewrite applies a suggestion only when the slot is settled.
"""

from __future__ import annotations

from collections.abc import Callable

from kommunsk.engine.candidates import Candidate
from kommunsk.language import agreement
from kommunsk.language.agreement import Word
from kommunsk.language.danish import NOT_AFTER_GENITIVE, adjective_cue, number_cue
from kommunsk.language.tokenise import Token

IsWord = Callable[[str], bool]
INDEFINITE_GENITIVES = frozenset({"sg.gen", "pl.gen"})
VERB_ENDINGS = ("es", "ede", "te", "er")  # "use cases prioriteres": the next word is a verb
# the most frequent verbs that follow a plural subject ("alle stakeholders får ...")
COMMON_VERBS = frozenset({"får", "gør", "går", "ser", "står", "må", "bør", "tager", "giver"})


def settle(
    candidate: Candidate,
    words: list[Token],
    text: str,
    before: list[Word],
    is_word: IsWord,
) -> tuple[str, bool]:
    """One slot for the match, and whether it is certain.

    `before` holds the words right before the match (engine.agreement.before).
    """
    options = candidate.slot.split("|") if candidate.slot else [""]
    previous = words[candidate.first - 1].lower if candidate.first > 0 else ""
    if options == ["base"]:
        cue = _adjective_cue(candidate, words, text, before, is_word)
        return (cue, True) if cue else ("base", True)
    if any(o.endswith(".gen") for o in options):
        options = _genitive_or_not(options, candidate, words, text)
    if len(options) == 1:
        return options[0], True
    cue = _number_cue(before, previous, is_word)
    for option in options:
        if cue and option.split(".")[0] == cue:
            return option, True
    return options[0], False


def apostrophe_genitive(candidate: Candidate, text: str) -> Candidate:
    """ "stakeholders' ønsker": the apostrophe after an -s plural makes it a plural genitive."""
    end = candidate.end
    if (
        text[end : end + 1] in ("'", "’")
        and text[end - 1 : end].lower() == "s"
        and not text[end + 1 : end + 2].isalpha()
        and any(o.startswith("pl") for o in candidate.slot.split("|"))
    ):
        return candidate._replace(end=end + 1, slot="pl.gen")
    return candidate


def _genitive_or_not(
    options: list[str], candidate: Candidate, words: list[Token], text: str
) -> list[str]:
    """Keep the genitive readings only when a noun can follow; definite genitives always stand."""
    genitives = [o for o in options if o.endswith(".gen")]
    plain = [o for o in options if not o.endswith(".gen")]
    ambiguous = set(genitives) <= INDEFINITE_GENITIVES
    if not ambiguous:
        return genitives if not plain else options
    if _noun_follows(candidate, words, text, strict=bool(plain)):
        # an English -s plural in the genitive takes an apostrophe ("founders'"): without one,
        # "vores founders baggrund" is a singular genitive
        return ["sg.gen"] if "pl" in plain and "sg.gen" in genitives else genitives
    if plain:
        return plain
    return sorted({o.removesuffix(".gen") for o in genitives}, key=lambda o: o != "pl")


def _noun_follows(candidate: Candidate, words: list[Token], text: str, *, strict: bool) -> bool:
    """Could the next word be the noun of a genitive? Not after punctuation or before a function word.

    When the form is also a plain plural ("use cases"), a next word that looks like
    a verb ("prioriteres", "ønsker") makes the plural the reading.
    """
    if candidate.last + 1 >= len(words):
        return False
    following = words[candidate.last + 1]
    between = text[candidate.end : following.start]
    if between.strip() or following.lower in NOT_AFTER_GENITIVE:
        return False
    return not (
        strict and (following.lower.endswith(VERB_ENDINGS) or following.lower in COMMON_VERBS)
    )


def _number_cue(before: list[Word], previous: str, is_word: IsWord) -> str | None:
    """'sg' or 'pl' from the determiner or numeral, looking back over adjectives ("en oplagt use case")."""
    cue = number_cue(previous)
    if cue:
        return cue
    singular = agreement.phrase(before, is_word).singular if before else None
    return None if singular is None else ("sg" if singular else "pl")


def _adjective_cue(
    candidate: Candidate, words: list[Token], text: str, before: list[Word], is_word: IsWord
) -> str | None:
    """The form an adjective needs: after a determiner, before a plural noun, or in a predicate."""
    previous = words[candidate.first - 1].lower if candidate.first > 0 else ""
    found = agreement.phrase(before, is_word) if before else None
    if found is not None and found.definite:
        return "e"
    cue = adjective_cue(previous)
    if cue:
        return cue
    if found is not None and found.head is not None:
        return adjective_cue(found.head.lower)  # "en cross-functional indsats": the base form
    if previous in agreement.COPULAS and candidate.first >= 2:
        return _subject_cue(words[candidate.first - 2].lower, is_word)
    if candidate.last + 1 < len(words):
        following = words[candidate.last + 1]
        gap = text[candidate.end : following.start]
        if (
            gap == " "
            and following.lower.endswith(("s", "erne", "ene"))
            and len(following.lower) > 3
        ):
            return "e"  # "cross-functional teams"
    return None


def _subject_cue(subject: str, is_word: IsWord) -> str | None:
    """ "Samarbejdet er X": a neuter definite subject takes -t, a plural definite one -e."""
    if subject.endswith(("erne", "ene")) and is_word(subject):
        return "e"
    if (
        subject.endswith("et")
        and is_word(subject)
        and (is_word(subject[:-2]) or is_word(subject[:-1]))
    ):
        return "t"
    return None
