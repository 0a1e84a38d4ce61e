"""The edits a safe rewrite makes: the municipal word, and the words that must agree with it.

A replacement is a list of edits in the normalised text: the matched words
themselves, plus an article, demonstrative or adjective before them whose form
depends on the new word's gender, plus two changes of construction:

- "de løbende omkostninger" -> "driftsudgifterne": a definite article before an
  adjective phrase is taken into the noun's definite form when the municipal word
  is a single noun;
- "jeres key account manager" -> "jeres faste kontaktperson": a municipal phrase
  that begins with an adjective takes the -e form after a possessive, a
  demonstrative, a genitive or the definite article.

After the noun, a predicate adjective ("Roadmappet er ambitiøst" -> "Tidsplanen
er ambitiøs") and a pronoun that refers back ("et roadmap, og det opdateres" ->
"en tidsplan, og den opdateres") follow the new gender too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kommunsk.language import agreement
from kommunsk.language.agreement import Word
from kommunsk.language.danish import case_like
from kommunsk.language.sentences import Sentences
from kommunsk.language.tokenise import Token

Edit = tuple[int, int, str]  # start, end (normalised text), new text
LOOK_BACK = 4  # words before the noun that may have to agree with it
LOOK_AHEAD = 7  # words after it where a predicate adjective or a pronoun may agree with it
_GAP = re.compile(r"[ \t]*,?[ \t]*")


def before(text: str, words: list[Token], sentences: Sentences, first: int) -> list[Word]:
    """The words right before word `first`, in the same sentence, joined only by spaces or commas."""
    found: list[Word] = []
    index = first - 1
    while index >= 0 and len(found) < LOOK_BACK and not sentences.starts[index + 1]:
        gap = text[words[index].end : words[index + 1].start]
        if not _GAP.fullmatch(gap):
            break
        word = words[index]
        if "," in gap:
            found.append(Word(word.end, word.end, ","))
        found.append(Word(word.start, word.end, text[word.start : word.end]))
        index -= 1
    return list(reversed(found))


def after(text: str, words: list[Token], sentences: Sentences, last: int) -> list[Word]:
    """The few words after word `last` in its sentence, commas as words of their own."""
    found: list[Word] = []
    for index in range(last + 1, min(last + 1 + LOOK_AHEAD, len(words))):
        if sentences.starts[index]:
            break
        gap = text[words[index - 1].end : words[index].start]
        if not _GAP.fullmatch(gap):
            break
        if "," in gap:
            found.append(Word(words[index - 1].end, words[index - 1].end, ","))
        found.append(
            Word(words[index].start, words[index].end, text[words[index].start : words[index].end])
        )
    return found


def edits(
    text: str,
    span: tuple[int, int],
    replacement: str,
    preceding: list[Word],
    *,
    following: Sequence[Word] = (),
    gender: str | None,
    slot: str,
    is_word: Callable[[str], bool],
    definite_of: Callable[[], str | None] | None = None,
    verb: bool = False,
) -> list[Edit] | None:
    """The edits for one safe replacement; None when agreement cannot be made right.

    `definite_of` gives the municipal word in the definite form of the slot, for
    taking a definite article into it. A verb inside a particle verb ("skalere
    løsningen op") is left to a person: the particle belongs to the jargon.
    """
    start, end = span
    if verb and agreement.particle_follows(following):
        return None
    words = replacement.split()
    noun_phrase = agreement.phrase(preceding, is_word)
    head = preceding[-1] if preceding else None
    if (
        definite_of is not None
        and head is not None
        and head.lower in ("den", "det", "de")
        and len(words) == 1
    ):
        definite = definite_of()
        if definite is None:
            return None
        return [(head.start, end, case_like(definite, head.text))]
    result: list[Edit] = []
    if len(words) > 1 and noun_phrase.definite and agreement.is_adjective(words[0], is_word):
        adjective = agreement.e_form(words[0], is_word)
        if adjective is None:
            return None
        replacement = " ".join([adjective, *words[1:]])
    if gender is not None and not slot.startswith("pl"):
        changed = agreement.agreeing(preceding, gender, plural=False, is_word=is_word)
        if changed is None:
            return None
        changed += agreement.predicative(following, gender, is_word=is_word)
        if _switched(changed, text[start:end], slot, gender):
            changed += agreement.pronoun(following, gender)
        result += [(w.start, w.end, new) for w, new in changed]
    result.append((start, end, replacement))
    return sorted(result)


def _switched(changed: list[agreement.Change], matched: str, slot: str, gender: str) -> bool:
    """Did the noun change gender? Its determiner changed, or its definite ending shows the old one."""
    if any(word.lower in agreement.DETERMINERS for word, _ in changed):
        return True
    if slot.startswith("sg.def"):
        ending = matched.lower().rstrip("s")
        return (gender == "common" and ending.endswith("et")) or (
            gender == "neuter" and ending.endswith("en")
        )
    return False
