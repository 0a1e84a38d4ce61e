"""kommunsk: Danish municipal language for companies.

The library is the product; the command line is a thin shell over these four
functions::

    import kommunsk
    for a in kommunsk.annotate("Kunderne får en app.", municipality="Aarhus"):
        print(a.text, "->", a.suggestions)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .annotation import Annotation
    from .explanation import Explanation
    from .glossary import Glossary
    from .municipalities import Municipality
    from .rewriting import Rewrite

__all__ = ["__version__", "annotate", "explain", "load", "rewrite"]


def load(paths: Sequence[str | Path] | None = None, *, as_of: date | None = None) -> Glossary:
    """The bundled glossary plus optional overlay files; validity periods apply as of `as_of` (today)."""
    from .engine import load as _load

    return _load(paths, as_of=as_of)


def annotate(
    text: str,
    *,
    municipality: str | Municipality | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
    pipeline: Any = None,
    unverified_variants: bool = False,
) -> list[Annotation]:
    """Every place in `text` that a municipality would say differently, and the municipal terms found.

    `pipeline` optionally names an installed spaCy pipeline (e.g. "da_core_news_sm", or "blank")
    or passes one; its lemmas and parts of speech then refine the matches. Local variants the
    glossary marks unverified are suggested only with `unverified_variants=True`.
    """
    from .engine import annotator

    return annotator(glossary).annotate(
        text,
        municipality=municipality,
        as_of=as_of or _as_of(glossary),
        pipeline=pipeline,
        unverified_variants=unverified_variants,
    )


def explain(
    term: str,
    *,
    municipality: str | Municipality | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
) -> Explanation:
    """The concept behind a term (inflected forms and typos resolve), or close matches when none fits."""
    from .engine import annotator
    from .explanation import explain as _explain

    engine = annotator(glossary)
    place = engine.municipality(municipality)
    day = as_of or _as_of(glossary)
    return _explain(
        engine.glossary,
        term,
        lambda word: engine.annotate(word, as_of=day),
        municipality=place,
        as_of=day,
    )


def rewrite(
    text: str,
    *,
    municipality: str | Municipality | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
) -> Rewrite:
    """`text` with jargon replaced by the municipal term, keeping inflection and case; plus the changes."""
    from .rewriting import apply

    return apply(text, annotate(text, municipality=municipality, glossary=glossary, as_of=as_of))


def _as_of(glossary: Glossary | None) -> date | None:
    return glossary.as_of if glossary is not None else None
