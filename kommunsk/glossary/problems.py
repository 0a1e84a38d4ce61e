"""Problems found in glossary files, reported all at once with file, line and column."""

from __future__ import annotations

from dataclasses import dataclass

from kommunsk.glossary.model import Location


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a glossary file, pointing at where it is."""

    location: Location
    message: str
    concept: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.location)
        if self.concept and self.field:
            return f"{where}: concept '{self.concept}' > {self.field}: {self.message}"
        if self.concept:
            return f"{where}: concept '{self.concept}': {self.message}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"
