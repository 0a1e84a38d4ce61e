"""The glossary's data model: small immutable records built from the YAML files.

Everything here is plain data. Loading, validation and matching live in their own
modules, so that a newcomer can read the model without the machinery around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Status = Literal["preferred", "admitted", "deprecated"]
Register = Literal["never", "sometimes", "often"]
Rewriting = Literal["safe", "person"]
Scope = Literal["window", "sentence", "document"]
Kind = Literal["jargon", "avoid", "variant", "outdated", "term"]
Severity = Literal["warning", "suggestion", "info"]
MatchType = Literal["exact", "lemma", "compound", "fuzzy"]
SEVERITY_OF_REGISTER: dict[str, Severity] = {
    "never": "warning",
    "sometimes": "suggestion",
    "often": "info",
}
CompoundMode = Literal["none", "hyphen", "all"]


@dataclass(frozen=True)
class Location:
    """Where something was written: file, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Source:
    """A public source for a fact: a page or a document."""

    title: str
    url: str | None = None
    document: str | None = None
    publisher: str | None = None
    licence: str | None = None
    accessed: str | None = None
    published: str | None = None  # when the page itself is dated (year, month or day)


@dataclass(frozen=True)
class Context:
    """Neighbour words that decide whether a match counts (compared in any inflection)."""

    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    window: int = 4
    scope: Scope = "window"
    excludes_scope: Scope | None = None  # None: the same as scope


@dataclass(frozen=True)
class Matching:
    """Per-word overrides of how a word may be matched; None means the default for the word."""

    case_sensitive: bool | None = None
    compounds: CompoundMode | None = None
    fuzzy: bool | None = None
    inflect: bool = True


@dataclass(frozen=True)
class Term:
    """A municipal term for a concept."""

    term: str
    status: Status
    pos: str | None = None
    forms: tuple[str, ...] = ()
    context: Context | None = None
    matching: Matching = field(default_factory=Matching)
    note: str | None = None


@dataclass(frozen=True)
class BusinessForm:
    """A word a company writes where a municipality would say something else.

    `register` records how municipal texts treat the word, and decides the severity
    (see SEVERITY_OF_REGISTER and docs/matching.md).
    """

    form: str
    register: Register
    reason: str
    suggest: tuple[str, ...] = ()
    pos: str | None = None
    forms: tuple[str, ...] = ()
    context: Context | None = None
    matching: Matching = field(default_factory=Matching)
    disambiguation: str | None = None
    note: str | None = None
    evidence: tuple[Source, ...] = ()  # municipal pages using the form, beyond the counted corpus
    rewrite: Rewriting = "safe"  # "person": a rewrite would need the sentence rebuilt


@dataclass(frozen=True)
class LegalBasis:
    """A law, and optionally the section of it, that a concept rests on."""

    law: str
    section: str | None = None
    url: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        return f"{self.law} {self.section}" if self.section else self.law


@dataclass(frozen=True)
class ExampleSpan:
    """A span of an example sentence, with what the matcher must say about it."""

    span: str
    kind: Kind | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Example:
    """A sentence that doubles as a test: spans to flag and spans to keep."""

    text: str
    flag: tuple[ExampleSpan, ...] = ()
    keep: tuple[ExampleSpan, ...] = ()
    municipality: str | None = None
    as_of: str | None = None


@dataclass(frozen=True)
class Variant:
    """How one municipality says a concept locally."""

    code: str
    term: str
    source: Source
    verified: bool = True
    valid_from: str | None = None
    valid_to: str | None = None
    note: str | None = None

    def is_valid(self, on: date) -> bool:
        return _within(on, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class LocalSource:
    """Where a concept's local variants come from: the profiles' facts of one category.

    Committees and administrations are matched by area ("the committee for ældre"),
    so one concept stands for each area.
    """

    category: str
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """One entry of the termbase: the municipal terms, business forms and facts for a concept."""

    id: str
    domain: str
    definition: str
    explanation: str
    english: str
    added_in: str
    changed_in: str
    terms: tuple[Term, ...] = ()
    avoid: bool = False
    advice: str | None = None
    business_forms: tuple[BusinessForm, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()
    sources: tuple[Source, ...] = ()
    examples: tuple[Example, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    replaced_by: str | None = None
    see_also: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    local: LocalSource | None = None
    note: str | None = None
    detector: str | None = None  # "english": the concept of words the English-word check finds
    location: Location = field(default=Location("<unknown>"), compare=False)

    @property
    def preferred(self) -> tuple[str, ...]:
        """The preferred terms, falling back to admitted ones."""
        best = tuple(t.term for t in self.terms if t.status == "preferred")
        return best or tuple(t.term for t in self.terms if t.status == "admitted")

    @property
    def label(self) -> str:
        """The name to show for the concept."""
        if self.preferred:
            return self.preferred[0]
        return self.business_forms[0].form if self.business_forms else self.id

    def is_valid(self, on: date) -> bool:
        return _within(on, self.valid_from, self.valid_to)

    def is_retired(self, on: date) -> bool:
        """True when a law change retired the concept before `on`."""
        return self.valid_to is not None and on.isoformat() > self.valid_to

    def is_future(self, on: date) -> bool:
        """True when the concept only comes into force after `on`."""
        return self.valid_from is not None and on.isoformat() < self.valid_from

    def variants_for(self, code: str, on: date, *, unverified: bool = False) -> tuple[Variant, ...]:
        """The municipality's own terms for this concept, valid on the date."""
        return tuple(
            v
            for v in self.variants
            if v.code == code and v.is_valid(on) and (v.verified or unverified)
        )


@dataclass(frozen=True)
class RegisterLists:
    """Words that are never jargon: known names, and English words municipalities write."""

    names: tuple[str, ...] = ()
    loanwords: tuple[str, ...] = ()


def _within(on: date, start: str | None, end: str | None) -> bool:
    day = on.isoformat()
    return (start is None or start <= day) and (end is None or day <= end)


def semver(text: str) -> tuple[int, ...]:
    """A version such as "1.2.0" as a comparable tuple; (0, 0, 0) when it is not one."""
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return (0, 0, 0)
