"""A large synthetic glossary overlay: how does matching scale from ~340 to 10,000 concepts?

Nobody has a 10,000-concept municipal glossary yet, so the benchmark invents
one. The invented concepts copy the shape of the real glossary (how many terms
and business forms a concept has, how many are phrases or hyphenated, which
letters words start with) so that they land in the same parts of the index as
real words: the first-letter buckets of the fuzzy search, the compound
modifier and head tables, the phrase table. Every concept gets at least one
business form, which makes the overlay heavier than a real glossary of the
same size would be.

The invented words contain "qx" ("baqxkelo"), which no Danish word does, so
they cannot collide with a real word or with each other, and they do not turn
ordinary words in the benchmark text into findings. The files are valid
against glossary/schema/concepts.schema.json and pass kommunsk's own checks:
`kommunsk.load([folder])` loads them like any company's overlay.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from kommunsk.glossary.termbase import Glossary

PER_FILE = 1_000  # kommunsk refuses YAML files over 4 MB; 1,000 concepts is about 0.7 MB
_CONSONANTS = "bdfgklmnprstv"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]
_DUMPER = getattr(
    yaml, "CSafeDumper", yaml.SafeDumper
)  # the C dumper when PyYAML has it: ten times faster


@dataclass(frozen=True)
class Shape:
    """The proportions of the real glossary that the synthetic concepts copy."""

    terms_per_concept: Counter[int]
    forms_per_concept: Counter[int]  # over concepts that have business forms at all
    phrase_share: float
    hyphen_share: float
    initials: Counter[str]

    @classmethod
    def of(cls, glossary: Glossary) -> Shape:
        concepts = list(glossary)
        words = [t.term for c in concepts for t in c.terms] + [
            f.form for c in concepts for f in c.business_forms
        ]
        return cls(
            terms_per_concept=Counter(len(c.terms) for c in concepts if c.terms),
            forms_per_concept=Counter(len(c.business_forms) for c in concepts if c.business_forms),
            phrase_share=sum(" " in w for w in words) / len(words),
            hyphen_share=sum("-" in w and " " not in w for w in words) / len(words),
            initials=Counter(w[0].lower() for w in words if w[0].isalpha()),
        )


@dataclass(frozen=True)
class Overlay:
    """The written overlay folder and what it holds."""

    folder: Path
    concepts: int
    words: int  # terms plus business forms
    files: int


class _Words:
    """Invented, unique, non-Danish words shaped like the real glossary's words."""

    def __init__(self, shape: Shape, rng: random.Random) -> None:
        self.shape = shape
        self.rng = rng
        self.serial = 0
        self.letters = list(shape.initials)
        self.weights = [shape.initials[c] for c in self.letters]

    def single(self) -> str:
        self.serial += 1
        number, parts = self.serial, []
        while number:
            number, digit = divmod(number, len(_SYLLABLES))
            parts.append(_SYLLABLES[digit])
        initial = self.rng.choices(self.letters, self.weights)[0]
        return initial + self.rng.choice(_VOWELS) + "qx" + "".join(parts)

    def word(self) -> str:
        """One glossary word: a single word, a two-word phrase or a hyphenated compound."""
        draw = self.rng.random()
        if draw < self.shape.phrase_share:
            return f"{self.single()} {self.single()}"
        if draw < self.shape.phrase_share + self.shape.hyphen_share:
            return f"{self.single()}-{self.single()}"
        return self.single()


def concepts(count: int, shape: Shape, seed: int) -> Iterator[dict[str, Any]]:
    """`count` concept records as the schema wants them."""
    rng = random.Random(seed)
    invent = _Words(shape, rng)
    term_counts, term_weights = zip(*shape.terms_per_concept.items(), strict=True)
    form_counts, form_weights = zip(*shape.forms_per_concept.items(), strict=True)
    for number in range(1, count + 1):
        cid = f"syntetisk-{number:05d}"
        terms = [invent.word() for _ in range(rng.choices(term_counts, term_weights)[0])]
        forms = [invent.word() for _ in range(rng.choices(form_counts, form_weights)[0])]
        yield {
            "id": cid,
            "terms": [
                {"term": t, "status": "preferred" if i == 0 else "admitted"}
                for i, t in enumerate(terms)
            ],
            "business_forms": [
                {
                    "form": f,
                    "register": rng.choice(("never", "sometimes")),
                    "reason": "Opfundet forretningsord til benchmark af et stort glossar.",
                }
                for f in forms
            ],
            "definition": f"Opfundet begreb nummer {number} til måling af et glossar med mange begreber.",
            "explanation": "Findes kun i benchmarkens midlertidige glossar; det betyder ingenting.",
            "english": f"synthetic benchmark concept {number}",
            "sources": [
                {
                    "title": f"Syntetisk kilde {number}",
                    "url": f"https://example.org/kommunsk-benchmark/{cid}",
                }
            ],
            "examples": [{"text": f"Vi bruger {forms[0]} i projektet.", "flag": [forms[0]]}],
            "added_in": "1.0.0",
            "changed_in": "1.0.0",
        }


def write_overlay(folder: Path, glossary: Glossary, total: int, seed: int) -> Overlay:
    """Write concept files to `folder` so that `glossary` plus the overlay has `total` concepts."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = max(0, total - len(glossary))
    records = list(concepts(wanted, Shape.of(glossary), seed))
    files = 0
    for start in range(0, len(records), PER_FILE):
        files += 1
        domain = f"syntetisk-{files:02d}"
        document = {
            "domain": domain,
            "title": f"Syntetiske begreber {files}",
            "concepts": records[start : start + PER_FILE],
        }
        text = "# Generated by benchmarks/synthetic.py for the scaling benchmark; not a real glossary.\n"
        text += yaml.dump(document, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=120)
        (folder / f"{domain}.yaml").write_text(text, encoding="utf-8")
    words = sum(len(r["terms"]) + len(r["business_forms"]) for r in records)
    return Overlay(folder, len(records), words, files)
