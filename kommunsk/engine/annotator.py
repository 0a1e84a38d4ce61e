"""Annotate text: match, resolve and describe every place a municipality would say it differently."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from typing import Any

from kommunsk.engine import legalrefs, slots
from kommunsk.engine import trained as pipelines
from kommunsk.engine.agreement import after, before
from kommunsk.engine.agreement import edits as agreement_edits
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.candidates import MATCH_RANK, Candidate, Matcher, Scorer
from kommunsk.engine.context import Surroundings
from kommunsk.engine.foreign import EnglishWords
from kommunsk.engine.index import Entry, FormIndex
from kommunsk.engine.inflector import Inflector
from kommunsk.engine.messages import message
from kommunsk.engine.names import CAPITALISED, FIRM, protected
from kommunsk.engine.resolve import resolve
from kommunsk.engine.suggest import shape, targets
from kommunsk.errors import InputTooLarge
from kommunsk.glossary.model import SEVERITY_OF_REGISTER, Concept, Kind, Severity, Variant
from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.termbase import Glossary
from kommunsk.language.danish import case_like, fold, is_abbreviation
from kommunsk.language.lexicon import Lexicon
from kommunsk.language.normalise import Normalised, normalise
from kommunsk.language.sentences import split
from kommunsk.language.tokenise import Token, tokens

MAX_CHARS = 5_000_000
VERB_SLOTS = frozenset({"inf", "pres", "past", "part", "pass", "imp", "past.pass"})


class Annotator:
    """Everything needed to annotate with one glossary; build once, reuse for many texts."""

    def __init__(
        self,
        glossary: Glossary,
        index: FormIndex,
        lexicon: Lexicon,
        scorer: Scorer | None = None,
        english: Lexicon | None = None,
    ) -> None:
        self.glossary = glossary
        self.index = index
        self.lexicon = lexicon
        self.matcher = Matcher(index, lexicon, scorer)
        self.inflector = Inflector(index, lexicon.__contains__)
        self.legal = legalrefs.pattern(index)
        self.names = tuple(tuple(_written(name)) for name in glossary.register.names)
        self.keep = frozenset(index.cased)
        self._own: dict[str, frozenset[str]] = {}
        # glossary words written with capitals (NemID, Byrådet, KL) are names themselves:
        # the name rules must not hide them
        # ... and so are the generic names of committees and administrations ("Socialudvalget"),
        # whose concepts take local variants: written with a capital they name the body
        named = frozenset(index.named)
        self._capitalised = [
            any(ch.isupper() for ch in e.word) or e.concept in named for e in index.entries
        ]
        found = index.detectors.get("english", "")
        self.english_concept = glossary.get(found) if found in glossary else None
        self.english = (
            EnglishWords(english, lexicon, frozenset(glossary.register.loanwords))
            if english is not None and self.english_concept is not None
            else None
        )

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
        around = Surroundings(words, split(norm.text, words))
        shielded = protected(norm.text, words, around.sentences, self.names, self.keep)
        candidates = self.matcher.candidates(norm.text, words)
        if pipeline is not None:
            nlp = pipelines.load(pipeline) if isinstance(pipeline, str) else pipeline
            candidates = pipelines.refine(candidates, norm.text, words, self.index, nlp)
        candidates = [
            c
            for c in candidates
            if max(shielded[c.first : c.last + 1])
            < (FIRM if self._capitalised[c.entry] else CAPITALISED)
        ]
        chosen = resolve(candidates, self.index.entries, around, self.glossary, day)
        described = [
            (c, a)
            for c in chosen
            if (a := self._describe(text, norm, c, place, day, around, unverified_variants))
        ]
        found = [a for _, a in described]
        found += [a for r in refs if (a := self._legal(text, norm, r, words)) is not None]
        # an English word inside a compound the glossary only explains ("equity-investering")
        # is still found: words under info-level matches stay open to the English-word check
        shown = [c for c, a in described if not (a.kind == "jargon" and a.severity == "info")]
        found += self._english_words(text, norm, around, shielded, shown, place)
        return sorted(found, key=lambda a: (a.start, a.end))

    def lookup(self, text: str) -> list[tuple[str, str, str, int]]:
        """Every glossary word `text` could be, whatever its context: (concept id, the glossary's
        word, match type, matched length), longest and most exact first. `explain` uses this."""
        norm = normalise(text)
        laws = [
            (concept, norm.text[ref.start : ref.end], "exact", ref.end - ref.start)
            for ref in legalrefs.find(norm.text, self.index, self.legal)
            for concept in ref.concepts
        ]
        found = self.matcher.candidates(norm.text, tokens(norm.text))
        found.sort(key=lambda c: (-(c.end - c.start), MATCH_RANK[c.match], -c.score))
        entries = self.index.entries
        return laws + [
            (entries[c.entry].concept, entries[c.entry].word, c.match, c.end - c.start)
            for c in found
        ]

    def _english_words(
        self,
        text: str,
        norm: Normalised,
        around: Surroundings,
        shielded: list[int],
        chosen: list[Candidate],
        place: Municipality | None,
    ) -> list[Annotation]:
        """Findings for English words no glossary entry matched (see engine.foreign)."""
        if self.english is None or self.english_concept is None:
            return []
        skip = list(map(bool, shielded))
        _mentions_english(around, skip)
        for candidate in chosen:
            skip[candidate.first : candidate.last + 1] = [True] * (
                candidate.last - candidate.first + 1
            )
        concept = self.english_concept
        found = []
        for first, last in self.english.runs(
            norm.text, around.words, skip, around.sentences.starts
        ):
            start, end = norm.original(around.words[first].start, around.words[last].end)
            found.append(
                self._unsuggested(
                    text[start:end],
                    start,
                    concept,
                    "avoid",
                    "suggestion",
                    concept.advice or "",
                    term=text[start:end].lower(),
                    reason=concept.advice,
                    municipality=place.code if place else None,
                )
            )
        return found

    def _unsuggested(
        self,
        written: str,
        start: int,
        concept: Concept,
        kind: Kind,
        severity: Severity,
        extra: str,
        **more: Any,
    ) -> Annotation:
        """An annotation with no word to put in the span's place: an English word, a law's name."""
        return Annotation(
            start=start,
            end=start + len(written),
            text=written,
            kind=kind,
            concept_id=concept.id,
            suggestions=(),
            match="exact",
            score=100,
            severity=severity,
            message=message(kind, severity, written, None, extra=extra),
            glossary_version=self.glossary.version,
            **more,
        )

    def _describe(
        self,
        text: str,
        norm: Normalised,
        candidate: Candidate,
        place: Municipality | None,
        day: date,
        around: Surroundings,
        unverified: bool = False,
    ) -> Annotation | None:
        """The annotation for a winning candidate; None when a compound would not rebuild a word."""
        words = around.words
        candidate = slots.apostrophe_genitive(candidate, norm.text)
        preceding = before(norm.text, words, around.sentences, candidate.first)
        slot, settled = slots.settle(
            candidate, words, norm.text, preceding, self.lexicon.__contains__
        )
        candidate = candidate._replace(slot=slot)
        entry = self.index.entries[candidate.entry]
        concept = self.glossary.get(entry.concept)
        local = concept.variants_for(place.code, day, unverified=unverified) if place else ()
        target = self._replacement_concept(concept, day)
        matched = norm.text[candidate.start : candidate.end]
        own = {fold(entry.word), fold(matched)}
        if place is not None and local and own & self._own_words(place):
            local = ()  # the municipality's own name for something (maybe under another concept)
        kind, severity, wanted, reason = self._classify(entry, concept, target, local, matched)
        opening = around.sentences.starts[candidate.first]
        suggestions, certain, stands = self._suggestions(
            target, wanted, matched, candidate, opening
        )
        if not stands:
            return None
        if _in_capitals(around, candidate.first, norm.text):
            suggestions = tuple(s.upper() for s in suggestions)  # "KPI'ER OG OPFØLGNING"
        certain = (
            certain
            and settled
            and not (entry.words > 1 and candidate.match != "exact" and not slot)
        )
        first = suggestions[0] if suggestions else None
        start, end = norm.original(candidate.start, candidate.end)
        who = place.official_name if place else ""
        extra = {
            "avoid": reason,
            "jargon": reason,
            "variant": _source_title(local),
            "outdated": _day_after(concept.valid_to),
        }.get(kind, concept.definition)
        safe = entry.role != "business" or concept.business_forms[entry.detail].rewrite == "safe"
        confident = (
            certain
            and safe
            and kind == "jargon"
            and candidate.match != "fuzzy"
            and severity != "info"
            and first is not None
        )
        changes = (
            self._edits(norm, around, candidate, entry, target, wanted[0], first)
            if confident and first is not None and wanted
            else None
        )
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
            replacement=first if changes else None,
            municipality=place.code if place else None,
            edits=changes or (),
            needs_person=kind in ("jargon", "avoid") and severity != "info" and not changes,
        )

    def _edits(
        self,
        norm: Normalised,
        around: Surroundings,
        candidate: Candidate,
        entry: Entry,
        target: Concept,
        word: str,
        replacement: str,
    ) -> tuple[tuple[int, int, str], ...] | None:
        """The replacement and the words that must agree with it, in the caller's offsets."""
        term = self.inflector.entry_of(target, word)
        gender = self.index.genders.get(term.id) if term is not None else None
        definite_of = None
        if entry.words > 1 and " " not in word:
            slot = "pl.def" if candidate.slot.startswith("pl") else "sg.def"

            def definite_of() -> str | None:
                form, sure = self.inflector.form(target, word, slot)
                return form if sure else None

        if candidate.part is not None:
            gender = None  # inside a compound, the head decides; the head did not change
        made = agreement_edits(
            norm.text,
            (candidate.start, candidate.end),
            replacement,
            before(norm.text, around.words, around.sentences, candidate.first),
            following=after(norm.text, around.words, around.sentences, candidate.last),
            gender=gender,
            slot=candidate.slot,
            is_word=self.lexicon.__contains__,
            definite_of=definite_of,
            verb=entry.pos == "verb" or candidate.slot in VERB_SLOTS,
        )
        if made is None:
            return None
        return tuple((*norm.original(a, b), new) for a, b, new in made)

    def _classify(
        self,
        entry: Entry,
        concept: Concept,
        target: Concept,
        local: tuple[Variant, ...],
        matched: str = "",
    ) -> tuple[Kind, Severity, list[str], str | None]:
        """Kind, severity, the municipal words to suggest, and the reason, for one matched entry."""
        if local and fold(matched) in {fold(v.term) for v in local}:
            local = ()  # the text already writes the municipality's own word ("byrådet")
        if entry.role != "business":
            kind, severity, wanted = self._term_kind(
                concept, target, entry.role, entry.detail, entry.word, local
            )
            return kind, severity, wanted, _local_source(local) if kind == "variant" else None
        form = concept.business_forms[entry.detail]
        if concept.avoid:
            return "avoid", SEVERITY_OF_REGISTER[form.register], [], concept.advice
        if local and form.register == "often":
            # a word municipalities write, but this one writes its own: "plejehjem" -> "plejecenter"
            if fold(entry.word) in {fold(v.term) for v in local}:
                return "term", "info", [], None
            return "variant", "suggestion", _terms(local), _local_source(local)
        chosen = form.suggest if target is concept else ()
        severity = SEVERITY_OF_REGISTER[form.register]
        return "jargon", severity, targets(target, chosen, tuple(_terms(local))), form.reason

    def _own_words(self, place: Municipality) -> frozenset[str]:
        """Every name and word the municipality's profile gives (folded): never wrong for it."""
        found = self._own.get(place.code)
        if found is None:
            words = [w for f in place.facts for w in (f.term, *f.words)]
            found = self._own[place.code] = frozenset(fold(w) for w in words)
        return found

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
    ) -> tuple[tuple[str, ...], bool, bool]:
        """(suggestions, whether the first is certain, whether the match stands at all).

        A compound stands when its jargon part is foreign (an anglicism is alien wherever it
        sits) or when putting the municipal word in its place gives a real Danish word.
        """
        written = self.index.entries[candidate.entry].word
        if candidate.part is None:
            if not words:
                return (), False, True
            inflect = lambda w: self.inflector.form(concept, w, candidate.slot)  # noqa: E731
            return (*shape(words, matched, inflect, sentence_start=opening, written=written), True)
        foreign = not self.index.entries[candidate.entry].native  # an anglicism or abbreviation
        single = [w for w in words if " " not in w]
        a, b = candidate.part
        if candidate.slot == "modifier" or (a == 0 and matched[b:].startswith("-")):
            rebuilt, known = self._modifier_rebuilt(concept, single, matched, b, foreign, opening)
        else:
            rebuilt, known = self._head_rebuilt(concept, single, matched, candidate, written)
        hyphenated = "-" in matched
        if not (foreign or known or (hyphenated and rebuilt)):
            return (), False, False
        if self.english is not None and self.english.any_english(matched[:a] + " " + matched[b:]):
            return (
                (),
                False,
                True,
            )  # "startup-økosystemet": the rest is jargon too; explain, do not half-mend
        return rebuilt, known, True

    def _modifier_rebuilt(
        self,
        concept: Concept,
        words: list[str],
        matched: str,
        cut: int,
        foreign: bool,
        opening: bool,
    ) -> tuple[tuple[str, ...], bool]:
        """The compound with the municipal word in front; certain when it is a real compound.

        A compound the lemma table has is certain. So is one built from an anglicism
        (or a hyphenated jargon word) and a Danish word ("kick-off-mødet" ->
        "opstartsmødet", "Workflow-beskrivelsen" -> "Arbejdsgangsbeskrivelsen"): the
        municipal word takes its own linking letter and the hyphen, there only for the
        English word, goes. Only a concept with one municipal noun is rebuilt: "KPI-rapporten"
        could be "effektmål" or "nøgletal", and an adjective ("nøglefærdig") makes no compound.
        """
        rest = matched[cut:]
        hyphen = rest.startswith("-")
        tail = rest[1:] if hyphen else rest
        tails = [tail, tail[1:]] if not hyphen and tail[:1] in ("s", "e") else [tail]
        for word in words:
            merged = _joined("", word.lower(), "-" + tail.lower())  # "roadmap-planen": tidsplanen
            if hyphen and "-" not in merged and merged in self.lexicon:
                return (_cased(merged, matched, cut, opening),), True
            for part in tails:
                for letter in ("", "s", "e"):
                    whole = word.lower() + letter + part.lower()
                    if part and whole in self.lexicon:
                        return (_cased(whole, matched, cut, opening),), True
        term = self.inflector.entry_of(concept, words[0]) if len(words) == 1 else None
        if (
            term is not None
            and term.pos != "adjective"
            and (foreign or hyphen)
            and tail.isalpha()
            and tail.lower() in self.lexicon
        ):
            letter = self.index.links.get(term.id, "")
            merged = _joined("", words[0], "-" + tail.lower())
            whole = merged if merged != words[0] + "-" + tail.lower() else words[0] + letter + tail
            return (_cased(whole.lower(), matched, cut, opening),), True
        if hyphen and term is not None and term.pos == "adjective":
            # "turnkey-løsning": "nøglefærdig løsning", for a person to check the agreement
            return (case_like(f"{words[0]} {tail}", matched),), False
        if hyphen:
            return tuple(case_like(w + rest, matched) for w in words), False
        return (), False

    def _head_rebuilt(
        self, concept: Concept, words: list[str], matched: str, candidate: Candidate, written: str
    ) -> tuple[tuple[str, ...], bool]:
        """The compound with the municipal word as its head, inflected like the jargon was."""
        a, b = candidate.part or (0, len(matched))
        head, part, tail = matched[:a], matched[a:b], matched[b:]
        inner, certain = shape(
            words, part, lambda w: self.inflector.form(concept, w, candidate.slot), written=written
        )
        rebuilt = tuple(self._closed(_joined(head, w, tail), head, w, tail) for w in inner)
        known = bool(rebuilt) and rebuilt[0].lower().replace("-", "") in self.lexicon
        return rebuilt, certain and (known or "-" in head)

    def _closed(self, joined: str, head: str, word: str, tail: str) -> str:
        """Danish writes compounds closed: "RFI-proces" with "markedsdialog" is "markedsdialogproces".

        The hyphen was there for the abbreviation or the English word; once the municipal word
        stands in its place, the compound closes (with a linking s or e where the lemma table has
        the compound that way).
        """
        if head or not tail.startswith("-") or joined != word + tail or " " in word:
            return joined
        rest = tail[1:]
        if not rest.isalpha() or not rest.islower():
            return joined
        for link in ("", "s", "e"):
            if (word + link + rest).lower() in self.lexicon:
                return word + link + rest
        return word + rest

    def _legal(
        self, text: str, norm: Normalised, ref: legalrefs.LegalRef, words: list[Token]
    ) -> Annotation | None:
        concept_ids = ref.concepts
        if not concept_ids:
            return None
        concept = self.glossary.get(concept_ids[0])
        start, end = norm.original(ref.start, ref.end)
        return self._unsuggested(
            text[start:end], start, concept, "term", "info", concept.definition, term=concept.label
        )


MENTION = frozenset({"engelsk", "engelske", "english"})


def _mentions_english(around: Surroundings, skip: list[bool]) -> None:
    """A sentence that talks about English ("det hedder X på engelsk") mentions the words, not uses them."""
    if MENTION.isdisjoint(word.lower for word in around.words):
        return  # the usual case
    for index, word in enumerate(around.words):
        if word.lower in MENTION:
            first, last = around.sentences.bounds(index)
            skip[first : last + 1] = [True] * (last - first + 1)


def _written(name: str) -> list[str]:
    """The words of a name as written (the tokenizer's split, with the name's own letter case)."""
    return [name[t.start : t.end] for t in tokens(name)]


def _in_capitals(around: Surroundings, index: int, text: str) -> bool:
    """Is the word's sentence (a heading, mostly) written all in capitals?"""
    word = around.words[index]
    if any(c.isalpha() and not c.isupper() for c in text[word.start : word.end]):
        return False  # the word itself has a small letter: no need to look at its sentence
    first, last = around.sentences.bounds(index)
    written = [text[w.start : w.end] for w in around.words[first : last + 1]]
    letters = [c for w in written for c in w if c.isalpha()]
    return sum(len(w) > 1 for w in written) >= 2 and all(c.isupper() for c in letters)


def _cased(word: str, matched: str, cut: int, opening: bool) -> str:
    """A rebuilt compound written like the matched one: capital first letter, or all capitals.

    The capitals of an abbreviation in front ("PoC-fasen") say nothing about the compound.
    """
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if opening or (matched[:1].isupper() and not is_abbreviation(matched[:cut])):
        return word[:1].upper() + word[1:]
    return word


def _joined(head: str, word: str, tail: str) -> str:
    """Put a word between a compound's other parts; a head that repeats the word's own head merges.

    "Kick-off-mødet" with "opstartsmøde" becomes "opstartsmødet", not "opstartsmøde-mødet".
    """
    if tail.startswith("-") and " " not in word:
        rest = tail[1:]
        for size in range(min(len(word), len(rest)), 2, -1):
            if word.lower().endswith(rest[:size].lower()) and rest[:size].isalpha():
                return head + word[: len(word) - size] + rest
    return head + word + tail


def _outside(words: list[Token], refs: list[legalrefs.LegalRef]) -> list[Token]:
    """The words that are not part of a legal reference (both lists are in text order)."""
    starts = [w.start for w in words]
    dropped: set[int] = set()
    for ref in refs:  # few references in many words: find each one's words by bisection
        first = bisect_left(starts, ref.start)
        dropped.update(range(first, bisect_left(starts, ref.end, first)))
    return [w for i, w in enumerate(words) if i not in dropped] if dropped else words


def _source_title(variants: tuple[Variant, ...]) -> str:
    """The page a local variant comes from, short: "kilde: Ældreudvalget, horsholm.dk"."""
    if not variants:
        return ""
    source = variants[0].source
    host = (source.url or "").split("/")[2] if (source.url or "").count("/") >= 2 else ""
    return "kilde: " + ", ".join(p for p in (source.title, host.removeprefix("www.")) if p)


def _local_source(variants: tuple[Variant, ...]) -> str:
    """Where the municipality's own word comes from, for the finding's reason."""
    source = variants[0].source
    where = source.url or source.document or ""
    return f"Kilde: {source.title}" + (f" ({where})" if where else "")


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
