"""The form index: every surface form of every glossary word, mapped to its entry.

Built once per glossary version (see `cache`), it turns matching into dictionary
look-ups: a token is found by one `dict.get`, multiword terms by their first
word, compounds by their head or modifier, and typos by a guarded fuzzy search
over a small bucket. It is plain data (strings, numbers, tuples, lists and dicts),
so the cache stores it as it is.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, field, fields
from typing import Any

from kommunsk.glossary.model import Concept, Context, Matching
from kommunsk.glossary.termbase import Glossary
from kommunsk.language.danish import PREPOSITIONS, fold, is_abbreviation
from kommunsk.language.inflect import classify, needs_apostrophe, slots_of
from kommunsk.language.lexicon import gender, lemma_table, link, paradigm
from kommunsk.language.tokenise import words

MIN_FUZZY = 5
MIN_COMPOUND_PART = 3
LINKS = ("", "s", "e")


@dataclass(frozen=True)
class Entry:
    """One glossary word as the matcher sees it."""

    id: int
    concept: str
    word: str
    role: str  # "term", "business" or "variant"
    detail: int  # index of the term / business form / variant in its concept
    words: int  # number of words (1 for a single word)
    case_sensitive: bool
    compounds: str
    fuzzy: bool
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    window: int = 4
    code: str | None = None
    pos: str | None = None
    scope: str = "window"
    native: bool = False  # in spaCy's Danish lemma table: not an anglicism or an abbreviation
    excludes_scope: str = "window"


@dataclass(eq=False)
class FormIndex:
    """The compiled index (see module docstring); `forms` values are (entry id, slot) pairs."""

    entries: list[Entry]
    forms: dict[str, list[tuple[int, str]]]
    cased: dict[str, list[tuple[int, str]]]
    multi: dict[str, list[list[list[str]]]]  # first word -> [entry id as str, forms per word...]
    modifiers: dict[str, list[int]]
    fuzzy: dict[str, list[str]]  # first letter + length -> forms (see fuzzy_key)
    laws: dict[str, str]
    sections: dict[str, list[str]]
    slots: dict[int, dict[str, list[str]]]
    heads: dict[int, int]
    guessed: list[int]  # entries whose forms are regular guesses, not known to the lemma table
    detectors: dict[str, str]  # built-in check ("english") -> the concept that stands for its finds
    genders: dict[int, str]  # term entry -> "common", "neuter" or "plural" (its head noun's)
    links: dict[int, str]  # term entry -> its linking letter as a compound's first part
    named: list[
        str
    ]  # concepts of local bodies (committees, administrations): their words are names
    # lengths of modifiers and of heads that compound freely, longest first (derived by `build`,
    # kept so that a cached start need not walk every form to find them)
    modifier_lengths: list[int] = field(default_factory=list)
    head_lengths: list[int] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """The index as plain values (entries as tuples), for the cache."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["entries"] = [astuple(e) for e in self.entries]
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FormIndex:
        """The index from `to_data`'s values; a key missing or unknown raises TypeError."""
        return cls(**{**data, "entries": [Entry(*row) for row in data["entries"]]})


def _lengths(index: FormIndex) -> tuple[list[int], list[int]]:
    modifiers = {len(m) for m in index.modifiers}
    heads = {
        len(f)
        for f, hits in index.forms.items()
        if any(index.entries[i].compounds == "all" for i, _ in hits)
    }
    return sorted(modifiers, reverse=True), sorted(heads, reverse=True)


def build(glossary: Glossary) -> FormIndex:
    """Compile the glossary's words into a FormIndex."""
    builder = _Builder()
    for concept in glossary:
        for index, term in enumerate(concept.terms):
            builder.add(
                concept, term.term, "term", index, term.pos, term.matching, term.context, term.forms
            )
        for index, form in enumerate(concept.business_forms):
            builder.add(
                concept,
                form.form,
                "business",
                index,
                form.pos,
                form.matching,
                form.context,
                form.forms,
            )
        for index, variant in enumerate(concept.variants):
            kind = None if variant.term.islower() else "name"
            # a name of several words ("Børn og Unge") is that name only when written with its capitals
            cased = kind == "name" and " " in variant.term
            builder.add(
                concept,
                variant.term,
                "variant",
                index,
                kind,
                Matching(case_sensitive=cased or None),
                None,
                (),
                variant.code,
            )
        for basis in concept.legal_basis:
            builder.add_law(concept, basis.law, basis.section)
            if fold(basis.law) in {fold(t.term) for t in concept.terms}:
                # the concept is the law itself: its other names ("SEL", "lov om social
                # service") name it before a section sign too
                builder.add_law_names(basis.law, [t.term for t in concept.terms])
        if concept.detector:
            builder.index.detectors.setdefault(concept.detector, concept.id)
        if concept.local and concept.local.category in NAMED_CATEGORIES:
            builder.index.named.append(concept.id)
    built = builder.index
    built.modifier_lengths, built.head_lengths = _lengths(built)
    return built


NAMED_CATEGORIES = frozenset({"committee", "administration"})


def fuzzy_key(first: str, length: int) -> str:
    """Fuzzy buckets hold forms by first letter and length, so a typo is compared with few forms."""
    return f"{first}{length}"


def business_defaults(word: str) -> tuple[str, bool]:
    """Default compound mode and fuzziness for a business form (short words and abbreviations are strict)."""
    letters = [c for c in word if c.isalpha()]
    short = len(letters) < MIN_FUZZY or needs_apostrophe(word) or " " in word
    return ("hyphen" if short else "all"), not short


class _Builder:
    def __init__(self) -> None:
        self.index = FormIndex([], {}, {}, {}, {}, {}, {}, {}, {}, {}, [], {}, {}, {}, [])

    def add(
        self,
        concept: Concept,
        word: str,
        role: str,
        detail: int,
        pos: str | None,
        matching: Matching,
        context: Context | None,
        extra: tuple[str, ...],
        code: str | None = None,
    ) -> None:
        parts = words(word)
        if not parts:
            return
        compounds, fuzzy = business_defaults(word) if role == "business" else ("none", False)
        case_sensitive = bool(matching.case_sensitive)
        entry = Entry(
            id=len(self.index.entries),
            concept=concept.id,
            word=word,
            role=role,
            detail=detail,
            words=len(parts),
            case_sensitive=case_sensitive,
            compounds=matching.compounds or compounds,
            fuzzy=fuzzy if matching.fuzzy is None else matching.fuzzy,
            requires=_expand(context.requires) if context else (),
            excludes=_expand(context.excludes) if context else (),
            window=context.window if context else 4,
            scope=context.scope if context else "window",
            native=not is_abbreviation(word) and all(part in lemma_table() for part in parts),
            excludes_scope=(context.excludes_scope or context.scope) if context else "window",
            code=code,
            pos=pos,
        )
        self.index.entries.append(entry)
        if role in ("term", "variant") and (found := gender(parts[head_position(parts)])):
            self.index.genders[entry.id] = found
        if role in ("term", "variant") and len(parts) == 1 and word.isalpha():
            self.index.links[entry.id] = link(word)
        if len(parts) == 1:
            self._add_single(entry, word, pos, matching.inflect and pos != "name", extra)
        else:
            self._add_multi(entry, parts, matching.inflect and pos != "name", extra)

    def _add_single(
        self, entry: Entry, word: str, pos: str | None, inflect: bool, extra: tuple[str, ...]
    ) -> None:
        slots = (
            _slots(word, pos, loanword=_loanword(entry), danish=entry.role != "business")
            if inflect
            else {"sg": [word.lower()]}
        )
        self.index.slots[entry.id] = slots
        if inflect and _is_guessed(word, danish=entry.role != "business"):
            self.index.guessed.append(entry.id)
        cased = entry.case_sensitive
        surface: dict[str, list[str]] = {}
        for slot, forms in slots.items():
            for form in forms:
                surface.setdefault(_cased_form(word, form) if cased else form, []).append(slot)
        regular = slots_of(word, pos, frozenset({word.lower()}))
        for form in extra:
            slot = classify(form.lower(), regular) or _slot_by_lemma(form.lower())
            surface.setdefault(form if cased else form.lower(), []).append(slot)
        if not inflect:
            surface[word if cased else word.lower()] = [_slot_by_lemma(word.lower())]
        target = self.index.cased if cased else self.index.forms
        for key, found in surface.items():
            target.setdefault(key, []).append(
                (entry.id, "|".join(dict.fromkeys(s for s in found if s)))
            )
        if entry.compounds == "all" and not entry.case_sensitive:
            for link in LINKS:
                self.index.modifiers.setdefault(word.lower() + link, []).append(entry.id)
        if entry.fuzzy and not entry.case_sensitive:
            for form in surface:
                if len(form) >= MIN_FUZZY and form.isalpha():
                    self.index.fuzzy.setdefault(fuzzy_key(form[0], len(form)), []).append(form)
        if "-" in word:
            self._add_multi(
                entry, word.lower().replace("-", " ").split(), inflect, extra, register=False
            )

    def _add_multi(
        self,
        entry: Entry,
        parts: list[str],
        inflect: bool,
        extra: tuple[str, ...],
        register: bool = True,
    ) -> None:
        head = head_position(parts)
        per_word = [sorted(_forms(p) if inflect else {p}) for p in parts]
        self.index.multi.setdefault(parts[0], []).append([[str(entry.id), str(head)], *per_word])
        if register and all("-" not in p for p in parts):
            # "proof of concept" is also written "proof-of-concept"
            joined = "-".join(parts)
            self.index.forms.setdefault(joined, []).append((entry.id, "sg"))
        for form in extra:
            more = words(form)
            if len(more) > 1:
                self.index.multi.setdefault(more[0], []).append(
                    [[str(entry.id), str(head_position(more))], *[[w] for w in more]]
                )
        if register:
            lemma = _lemma(parts[head])
            self.index.slots[entry.id] = (
                _slots(lemma, None, loanword=_loanword(entry), danish=entry.role != "business")
                if inflect
                else {"sg": [parts[head]]}
            )
            self.index.heads[entry.id] = head
            if inflect and _is_guessed(lemma, danish=entry.role != "business"):
                self.index.guessed.append(entry.id)

    def add_law_names(self, law: str, names: list[str]) -> None:
        key = law.lower()
        for name in names:
            for form in (name.lower(), name.lower() + "s"):
                self.index.laws.setdefault(form, key)

    def add_law(self, concept: Concept, law: str, section: str | None) -> None:
        key = law.lower()
        for form in (key, key + "s"):
            self.index.laws[form] = key
        if section:
            match = re.match(r"§ (\d+ ?[a-z]?)", section)
            if match:
                number = match.group(1).replace(" ", "")
                for name in (key, ""):
                    self.index.sections.setdefault(f"{name}|{number}", []).append(concept.id)


def _slots(
    word: str, pos: str | None, *, loanword: bool = False, danish: bool = False
) -> dict[str, list[str]]:
    """The forms of a word per slot, from the lemma table, its head, or regular endings.

    A loanword also takes the English plural ("use cases", "milestones"); a Danish
    municipal term the table lacks inflects like its longest known final part.
    """
    slots = _table_slots(word, pos, danish=danish)
    if loanword and pos in (None, "noun") and "pl" in slots:
        english = word.lower() + "s"
        plural = [english] + [f for f in slots["pl"] if f not in (english, word.lower())]
        slots = {**slots, "pl": plural, "pl.gen": _unique_list([english, *slots.get("pl.gen", [])])}
    return slots


def _loanword(entry: Entry) -> bool:
    """Jargon that is not Danish: an English word takes the English plural too."""
    return entry.role == "business" and not entry.native


def _unique_list(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _table_slots(word: str, pos: str | None, *, danish: bool = False) -> dict[str, list[str]]:
    forms = paradigm(word)
    if len(forms) == 1:
        head = _known_head(word.lower()) or (_final_part(word.lower()) if danish else None)
        if head:
            # a compound the table lacks inflects like its head: plejepersonale -> personalet
            prefix = word.lower()[: -len(head)]
            return {slot: [prefix + f for f in found] for slot, found in _slots(head, pos).items()}
    slots = slots_of(word, pos, forms)
    if len(forms) > 1:
        unplaced = sorted(forms - {f for found in slots.values() for f in found})
        if unplaced:
            slots["other"] = unplaced
        return slots
    table = lemma_table()
    # generated forms of unknown words must not be ordinary words with another lemma
    return {
        slot: [f for f in found if f == word.lower() or f not in table]
        for slot, found in slots.items()
    }


def _known_head(word: str) -> str | None:
    """The longest final part of a Danish compound that the table knows as a lemma.

    Both parts must be Danish words (the first may end in a linking s), so an
    anglicism such as "stakeholder" is not taken for "stake" + "holder".
    """
    table = lemma_table()
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head, modifier = word[cut:], word[:cut]
        if len(paradigm(head)) > 1 and (
            modifier in table or (modifier.endswith("s") and modifier[:-1] in table)
        ):
            return head
    return None


def _final_part(word: str) -> str | None:
    """The longest final part the table knows as a lemma: the head of a Danish compound.

    Only for the glossary's own Danish terms, whose first part may itself be a
    compound the table lacks ("databehandler" + "aftale").
    """
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        if len(paradigm(word[cut:])) > 1:
            return word[cut:]
    return None


def _is_guessed(word: str, *, danish: bool = False) -> bool:
    """True when the word's forms come from regular endings only (an anglicism, a new compound)."""
    lower = word.lower()
    if len(paradigm(word)) > 1 or _known_head(lower) is not None:
        return False
    return not (danish and _final_part(lower) is not None)


def _slot_by_lemma(form: str) -> str:
    """The slot of a listed form, judged from the paradigm of its lemma in the table."""
    lemma = lemma_table().get(form)
    if not lemma:
        return ""
    return classify(form, slots_of(lemma, None, paradigm(lemma))) or ""


def head_position(parts: list[str]) -> int:
    """The word of a phrase that inflects: the one before the first preposition, else the last."""
    for position, part in enumerate(parts[1:], 1):
        if part in PREPOSITIONS:
            return position - 1
    return len(parts) - 1


def _lemma(word: str) -> str:
    """A phrase may be written in an inflected form ("løbende omkostninger"): inflect from its lemma."""
    table = lemma_table()
    if len(paradigm(word)) == 1 and table.get(word, word) != word:
        return table[word]
    return word


def _forms(word: str) -> set[str]:
    return {word} | {f for found in _slots(_lemma(word), None).values() for f in found}


def _expand(context_words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({form for w in context_words for form in _forms(w)}))


def _cased_form(word: str, lower_form: str) -> str:
    """Restore the written case of an abbreviation in an inflected form: kpi'er -> KPI'er."""
    return word + lower_form[len(word) :] if lower_form.startswith(word.lower()) else lower_form
