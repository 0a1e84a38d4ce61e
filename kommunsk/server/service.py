"""What every request needs from the library: the settings, and one door to the engine.

The server keeps no state between requests: each one names its text, its
municipality and its date, and the answer depends on nothing else. The
engine is CPU-bound (the interpreter lock would serialise its work anyway),
so calls into it go one at a time through a lock, in a worker thread, while
the event loop keeps accepting and answering other requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.explain import Explanation, explain_with
from kommunsk.engine.registry import annotator, load
from kommunsk.engine.rewrite import Rewrite, apply
from kommunsk.errors import UsageError
from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.termbase import Glossary

T = TypeVar("T")
MAX_BODY = 1_000_000  # bytes in a request without a file (JSON, a form, /v2/check)
MAX_UPLOAD = 10_000_000  # bytes of an uploaded file (the readers' own limit)
FLAGGED = ("jargon", "avoid", "variant", "outdated")


@dataclass(frozen=True)
class Settings:
    """How `kommunsk serve` was started: defaults for requests that do not say, and the limits."""

    municipality: str | None = None
    as_of: date | None = None  # None: the day of each request
    glossary_paths: tuple[str, ...] = ()
    unverified_variants: bool = False
    max_body: int = MAX_BODY
    max_upload: int = MAX_UPLOAD


@dataclass
class Service:
    """The library behind one lock; every method is a plain function of its arguments."""

    settings: Settings = field(default_factory=Settings)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, work: Callable[[], T]) -> T:
        with self._lock:
            return work()

    def day(self, given: str | None) -> date:
        """The request's date (ÅÅÅÅ-MM-DD), else the configured one, else today."""
        if given:
            try:
                return date.fromisoformat(given)
            except ValueError:
                raise UsageError(f"'{given}' er ikke en dato på formen ÅÅÅÅ-MM-DD") from None
        return self.settings.as_of or date.today()

    def municipality(self, given: str | None) -> str | None:
        return (given or "").strip() or self.settings.municipality

    def glossary(self, day: date) -> Glossary:
        return self.run(lambda: load(list(self.settings.glossary_paths) or None, as_of=day))

    def _overlaid(self) -> Glossary | None:
        """The glossary with the configured overlays; None for the bundled one (as the library does)."""
        return load(list(self.settings.glossary_paths)) if self.settings.glossary_paths else None

    def find_municipality(self, query: str | None, day: date) -> Municipality | None:
        """The municipality a request names (code, name or alias); UnknownMunicipality if none."""
        name = self.municipality(query)
        return None if name is None else self.glossary(day).municipalities.lookup(name)

    def place(self, municipality: str | None, day: str | None) -> tuple[date, str | None]:
        """A request's date and municipality code (the server's defaults where it names none)."""
        chosen_day = self.day(day)
        found = self.find_municipality(municipality, chosen_day)
        return chosen_day, found.code if found else None

    def annotate(
        self, text: str, municipality: str | None, day: date, *, unverified: bool = False
    ) -> list[Annotation]:
        """kommunsk.annotate with the server's glossary and defaults."""
        chosen = self.municipality(municipality)

        def work() -> list[Annotation]:
            return annotator(self._overlaid()).annotate(
                text,
                municipality=chosen,
                as_of=day,
                unverified_variants=unverified or self.settings.unverified_variants,
            )

        return self.run(work)

    def with_engine(self, work: Callable[[Annotator], T]) -> T:
        """`work` given the server's engine (its glossary and overlays), behind the lock."""
        return self.run(lambda: work(annotator(self._overlaid())))

    def rewrite(self, text: str, municipality: str | None, day: date) -> Rewrite:
        return apply(text, self.annotate(text, municipality, day))

    def explain(self, term: str, municipality: str | None, day: date) -> Explanation:
        chosen = self.municipality(municipality)

        def work() -> Explanation:
            return explain_with(annotator(self._overlaid()), term, municipality=chosen, as_of=day)

        return self.run(work)
