"""The Inflector: a concept's term put into the slot a matched word fills ("kunderne" -> "borgerne")."""

from __future__ import annotations

from collections.abc import Callable

from kommunsk.engine.index import Entry, FormIndex
from kommunsk.glossary.model import Concept
from kommunsk.language import agreement
from kommunsk.language.inflect import fill

GENITIVE = ".gen"
ADJECTIVE_AS_NOUN = {"e": "pl", "base": "sg"}
ARTICLE = {"common": "den", "neuter": "det", "plural": "de"}


class Inflector:
    """Put a concept's term into the slot a matched word fills, using the index's paradigms."""

    def __init__(self, index: FormIndex, is_word: Callable[[str], bool] | None = None) -> None:
        self.index = index
        self.is_word = is_word or (lambda word: False)
        self._guessed = set(index.guessed)
        self._term_entries: dict[tuple[str, str], Entry] = {}
        for entry in index.entries:
            if entry.role in ("term", "variant"):
                self._term_entries.setdefault((entry.concept, entry.word), entry)

    def entry_of(self, concept: Concept, word: str) -> Entry | None:
        """The index entry of one of a concept's terms (None for a word the index lacks)."""
        return self._term_entries.get((concept.id, word))

    def form(self, concept: Concept, word: str, slot: str) -> tuple[str, bool]:
        """(the inflected word, whether the inflection is certain)."""
        entry = self._term_entries.get((concept.id, word))
        base_slot = slot in ("", "sg", "inf", "base")
        if entry is None:
            return word, base_slot
        if entry.pos == "name":
            if slot.endswith(GENITIVE):
                return word + ("" if word.endswith("s") else "s"), True
            return word, slot in ("", "sg", "sg.def")
        if entry.id in self._guessed:
            return word, base_slot
        slots = self.index.slots.get(entry.id, {})
        found = fill(slot, slots) if slot else None
        certain = True
        if not found and slot in ADJECTIVE_AS_NOUN:
            # "de handicappede" -> "borgere med handicap": likely, not certain
            found, certain = fill(ADJECTIVE_AS_NOUN[slot], slots), False
        if not found and slot.endswith(GENITIVE):
            # the genitive is regular: the form of the slot without it, plus s
            plain = fill(slot.removesuffix(GENITIVE), slots)
            if plain and entry.words == 1:
                return restore_case(word, _genitive(plain)), True
        if not found and entry.words == 1 and ".def" in slot:
            nominal = self._adjective_as_noun(word, slot, slots)
            return (nominal, True) if nominal else (word, base_slot)
        if not found:
            return word, base_slot
        if entry.words > 1:
            return self._phrase(word, entry, found, slot), certain
        return restore_case(word, found), certain

    def _adjective_as_noun(self, word: str, slot: str, slots: dict[str, list[str]]) -> str | None:
        """A municipal term that is an adjective used as a noun takes an article when definite.

        "budgetejeren" -> "den budgetansvarlige", "budgetejernes" -> "de budgetansvarliges".
        """
        e_form = agreement.e_form(word, self.is_word) if word.islower() else None
        if e_form is None or e_form not in slots.get("pl", []):
            return None
        article = ARTICLE["plural" if slot.startswith("pl") else "common"]
        return f"{article} {e_form}{'s' if slot.endswith(GENITIVE) else ''}"

    def _phrase(self, word: str, entry: Entry, head_form: str, slot: str) -> str:
        parts = word.split()
        head = self.index.heads.get(entry.id, len(parts) - 1)
        if len(parts) != entry.words or head >= len(parts):
            return word
        if head > 0 and slot.startswith(("sg.def", "pl")) and self._leads_with_adjective(parts):
            return self._adjective_phrase(parts, entry, head, slot)
        parts[head] = restore_case(parts[head], head_form)
        return " ".join(parts)

    def _leads_with_adjective(self, parts: list[str]) -> bool:
        return parts[0].islower() and agreement.is_adjective(parts[0], self.is_word)

    def _adjective_phrase(self, parts: list[str], entry: Entry, head: int, slot: str) -> str:
        """A phrase like "fast kontaktperson" in a definite or plural slot.

        The definite form is the article, the adjective's -e form and the noun's
        indefinite form ("den faste kontaktperson"); the plural takes the -e form too.
        """
        slots = self.index.slots.get(entry.id, {})
        definite = ".def" in slot
        genitive = slot.endswith(GENITIVE)
        number = "pl" if slot.startswith("pl") else "sg"
        noun = fill(number + (GENITIVE if genitive else ""), slots) or parts[head]
        adjective = agreement.e_form(parts[0], self.is_word) or parts[0]
        words = [adjective, *parts[1:head], restore_case(parts[head], noun), *parts[head + 1 :]]
        if definite:
            gender = "plural" if number == "pl" else self.index.genders.get(entry.id, "common")
            words.insert(0, ARTICLE.get(gender, "den"))
        return " ".join(words)


def _genitive(form: str) -> str:
    return form if form.endswith(("s", "x", "z")) else form + "s"


def restore_case(written: str, form: str) -> str:
    """An inflected lower-case form in the written case of the term: kl's -> KL's, barnets lov."""
    if written.islower():
        return form
    if form.startswith(written.lower()):
        return written + form[len(written) :]
    return form
