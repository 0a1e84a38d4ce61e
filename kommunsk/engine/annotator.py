"""Annotate text: match, resolve and describe every place a municipality would say it differently."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kommunsk.engine import legalrefs
from kommunsk.engine import trained as pipelines
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.candidates import Candidate, Matcher, Scorer
from kommunsk.engine.index import Entry, FormIndex
from kommunsk.engine.inflector import Inflector
from kommunsk.engine.messages import message
from kommunsk.engine.resolve import resolve
from kommunsk.engine.suggest import shape, targets
from kommunsk.errors import InputTooLarge
from kommunsk.glossary.model import Concept, Kind, Severity, Variant
from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.termbase import Glossary
from kommunsk.language.danish import NOT_AFTER_GENITIVE, adjective_cue, case_like, fold, number_cue
from kommunsk.language.lexicon import Lexicon
from kommunsk.language.normalise import Normalised, normalise
from kommunsk.language.tokenise import Token, tokens

MAX_CHARS = 5_000_000


class Annotator:
    """Everything needed to annotate with one glossary; build once, reuse for many texts."""

    def __init__(
        self, glossary: Glossary, index: FormIndex, lexicon: Lexicon, scorer: Scorer | None = None
    ) -> None:
        self.glossary = glossary
        self.index = index
        self.lexicon = lexicon
        self.matcher = Matcher(index, lexicon, scorer)
        self.inflector = Inflector(index)
        self.legal = legalrefs.pattern(index)

    def municipality(self, query: str | Municipality | None) -> Municipality | None:
        if query is None or isinstance(query, Municipality):
            return query
        return self.glossary.municipalities.lookup(query)

    def annotate(
        self,
        text: str,
        *,
        municipality: str | Municipality | None = None,
        as_of: date | None = None,
        pipeline: Any = None,
        unverified_variants: bool = False,
    ) -> list[Annotation]:
        """Annotations sorted by start; `pipeline` is an optional spaCy pipeline (or its name).

        Local variants marked unverified in the glossary are used only with `unverified_variants`.
        """
        if len(text) > MAX_CHARS:
            raise InputTooLarge(f"teksten er {len(text):,} tegn; grænsen er {MAX_CHARS:,} pr. kald")
        place = self.municipality(municipality)
        day = as_of or self.glossary.day
        norm = normalise(text)
        words = tokens(norm.text)
        refs = list(legalrefs.find(norm.text, self.index, self.legal)) if "§" in norm.text else []
        if refs:
            words = _outside(words, refs)
        candidates = self.matcher.candidates(norm.text, words)
        if pipeline is not None:
            nlp = pipelines.load(pipeline) if isinstance(pipeline, str) else pipeline
            candidates = pipelines.refine(candidates, norm.text, words, self.index, nlp)
        chosen = resolve(candidates, self.index.entries, words, self.glossary, day)
        found = [
            self._describe(text, norm, c, place, day, words, unverified_variants) for c in chosen
        ]
        found += [a for r in refs if (a := self._legal(text, norm, r, words)) is not None]
        return sorted(found, key=lambda a: (a.start, a.end))

    def _describe(
        self,
        text: str,
        norm: Normalised,
        candidate: Candidate,
        place: Municipality | None,
        day: date,
        words: list[Token],
        unverified: bool = False,
    ) -> Annotation:
        slot, settled = _settle_slot(candidate, words, norm.text)
        candidate = candidate._replace(slot=slot)
        entry = self.index.entries[candidate.entry]
        concept = self.glossary.get(entry.concept)
        local = concept.variants_for(place.code, day, unverified=unverified) if place else ()
        target = self._replacement_concept(concept, day)
        kind, severity, wanted, reason = self._classify(entry, concept, target, local)
        matched = norm.text[candidate.start : candidate.end]
        opening = _sentence_start(norm.text, candidate.start)
        suggestions, certain = self._suggestions(target, wanted, matched, candidate, opening)
        certain = (
            certain
            and settled
            and not (entry.words > 1 and candidate.match != "exact" and not slot)
        )
        first = suggestions[0] if suggestions else None
        start, end = norm.original(candidate.start, candidate.end)
        who = place.official_name if place else ""
        extra = {"avoid": reason, "jargon": reason, "outdated": _day_after(concept.valid_to)}.get(
            kind, concept.definition
        )
        confident = certain and kind == "jargon" and candidate.match != "fuzzy"
        return Annotation(
            start=start,
            end=end,
            text=text[start:end],
            kind=kind,
            concept_id=concept.id,
            suggestions=suggestions,
            match=candidate.match,  # type: ignore[arg-type]
            score=candidate.score,
            severity=severity,
            message=message(kind, severity, text[start:end], first, who=who, extra=extra or ""),
            glossary_version=self.glossary.version,
            term=entry.word,
            reason=reason,
            replacement=first if confident else None,
            municipality=place.code if place else None,
        )

    def _classify(
        self, entry: Entry, concept: Concept, target: Concept, local: tuple[Variant, ...]
    ) -> tuple[Kind, Severity, list[str], str | None]:
        """Kind, severity, the municipal words to suggest, and the reason, for one matched entry."""
        if entry.role != "business":
            kind, severity, wanted = self._term_kind(
                concept, target, entry.role, entry.detail, entry.word, local
            )
            return kind, severity, wanted, None
        form = concept.business_forms[entry.detail]
        if concept.avoid:
            return "avoid", form.strength, [], concept.advice
        chosen = form.suggest if target is concept else ()
        return "jargon", form.strength, targets(target, chosen, tuple(_terms(local))), form.reason

    def _replacement_concept(self, concept: Concept, day: date) -> Concept:
        if concept.is_retired(day) and concept.replaced_by and concept.replaced_by in self.glossary:
            return self.glossary.get(concept.replaced_by)
        return concept

    def _term_kind(
        self,
        concept: Concept,
        target: Concept,
        role: str,
        detail: int,
        word: str,
        local: tuple[Variant, ...],
    ) -> tuple[Kind, Severity, list[str]]:
        if target is not concept:
            return "outdated", "warning", list(target.preferred)
        if role == "term" and concept.terms[detail].status == "deprecated" and not concept.valid_to:
            return "outdated", "suggestion", list(concept.preferred)
        if local and fold(word) not in {fold(v.term) for v in local}:
            return "variant", "suggestion", _terms(local)
        return "term", "info", []

    def _suggestions(
        self, concept: Concept, words: list[str], matched: str, candidate: Candidate, opening: bool
    ) -> tuple[tuple[str, ...], bool]:
        written = self.index.entries[candidate.entry].word
        if not words:
            return (), False
        if candidate.part is None:
            inflect = lambda w: self.inflector.form(concept, w, candidate.slot)  # noqa: E731
            return shape(words, matched, inflect, sentence_start=opening, written=written)
        a, b = candidate.part
        head, part, tail = matched[:a], matched[a:b], matched[b:]
        if candidate.slot == "modifier":
            return self._modifier_suggestions(concept, words, matched, b)
        inner, certain = shape(
            words, part, lambda w: self.inflector.form(concept, w, candidate.slot), written=written
        )
        return tuple(head + w + tail for w in inner), certain

    def _modifier_suggestions(
        self, concept: Concept, words: list[str], matched: str, cut: int
    ) -> tuple[tuple[str, ...], bool]:
        rests = [matched[cut:]]
        if matched[cut : cut + 1] in ("s", "e"):
            rests.append(matched[cut + 1 :])
        for word in words:
            for rest in rests:
                for link in ("", "s", "e"):
                    whole = word.lower() + link + rest.lower()
                    if " " not in word and whole in self.lexicon:
                        return (case_like(whole, matched), *words[1:]), True
        return tuple(case_like(w, matched) for w in words), False

    def _legal(
        self, text: str, norm: Normalised, ref: legalrefs.LegalRef, words: list[Token]
    ) -> Annotation | None:
        concept_ids = ref.concepts
        if not concept_ids:
            return None
        concept = self.glossary.get(concept_ids[0])
        start, end = norm.original(ref.start, ref.end)
        return Annotation(
            start=start,
            end=end,
            text=text[start:end],
            kind="term",
            concept_id=concept.id,
            suggestions=(),
            match="exact",
            score=100,
            severity="info",
            message=message("term", "info", text[start:end], None, extra=concept.definition),
            glossary_version=self.glossary.version,
            term=concept.label,
        )


def _outside(words: list[Token], refs: list[legalrefs.LegalRef]) -> list[Token]:
    """The words that are not part of a legal reference (both lists are in text order)."""
    kept: list[Token] = []
    position = 0
    for word in words:
        while position < len(refs) and refs[position].end <= word.start:
            position += 1
        if position < len(refs) and refs[position].start <= word.start:
            continue
        kept.append(word)
    return kept


def _settle_slot(candidate: Candidate, words: list[Token], text: str) -> tuple[str, bool]:
    """One slot for the match, and whether it is certain.

    The words around decide what the form alone cannot: "40 plejehjem" is
    plural, "et tværfagligt team" neuter, and "stakeholders i" a plural rather
    than a genitive, because a genitive is followed by its noun.
    """
    options = candidate.slot.split("|") if candidate.slot else [""]
    previous = words[candidate.first - 1].lower if candidate.first > 0 else ""
    if options == ["base"]:
        cue = adjective_cue(previous)
        return (cue, True) if cue else ("base", True)
    if any(o.endswith(".gen") for o in options) and not _noun_follows(candidate, words, text):
        plain = [o for o in options if not o.endswith(".gen")]
        options = plain or sorted(
            {o.removesuffix(".gen") for o in options}, key=lambda o: o != "pl"
        )
    if len(options) == 1:
        return options[0], True
    cue = number_cue(previous)
    for option in options:
        if cue and option.split(".")[0] == cue:
            return option, True
    return options[0], False


def _noun_follows(candidate: Candidate, words: list[Token], text: str) -> bool:
    """Could the next word be the noun of a genitive? Not after punctuation, or before a function word."""
    if candidate.last + 1 >= len(words):
        return False
    following = words[candidate.last + 1]
    between = text[candidate.end : following.start]
    return not between.strip() and following.lower not in NOT_AFTER_GENITIVE


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 80) : position].rstrip()
    return not before or before[-1] in ".!?:\n"


def _terms(variants: tuple[Variant, ...]) -> list[str]:
    return [v.term for v in variants]


def _day_after(iso: str | None) -> str:
    if not iso:
        return ""
    day = date.fromisoformat(iso) + timedelta(days=1)
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
