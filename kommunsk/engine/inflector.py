"""The Inflector: a concept's term put into the slot a matched word fills ("kunderne" -> "borgerne")."""

from __future__ import annotations

from kommunsk.engine.index import Entry, FormIndex
from kommunsk.glossary.model import Concept
from kommunsk.language.inflect import fill

GENITIVE = ".gen"
ADJECTIVE_AS_NOUN = {"e": "pl", "base": "sg"}


class Inflector:
    """Put a concept's term into the slot a matched word fills, using the index's paradigms."""

    def __init__(self, index: FormIndex) -> None:
        self.index = index
        self._guessed = set(index.guessed)
        self._term_entries: dict[tuple[str, str], Entry] = {}
        for entry in index.entries:
            if entry.role in ("term", "variant"):
                self._term_entries.setdefault((entry.concept, entry.word), entry)

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
        if not found:
            return word, base_slot
        if entry.words > 1:
            return self._phrase(word, entry, found), certain
        return restore_case(word, found), certain

    def _phrase(self, word: str, entry: Entry, head_form: str) -> str:
        parts = word.split()
        head = self.index.heads.get(entry.id, len(parts) - 1)
        if len(parts) != entry.words or head >= len(parts):
            return word
        parts[head] = restore_case(parts[head], head_form)
        return " ".join(parts)


def restore_case(written: str, form: str) -> str:
    """An inflected lower-case form in the written case of the term: kl's -> KL's, barnets lov."""
    if written.islower():
        return form
    if form.startswith(written.lower()):
        return written + form[len(written) :]
    return form
