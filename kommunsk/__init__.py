"""kommunsk: Danish municipal language for companies.

The library is the product; the command line is a thin shell over these four
functions::

    import kommunsk
    for a in kommunsk.annotate("Kunderne får en app.", municipality="Aarhus"):
        print(a.text, "->", a.suggestions)

The package is laid out along the data flow: `language` (Danish knowledge),
`glossary` (the termbase), `engine` (text in, annotations out), `readers` and
`lint` (files in, findings out), `reporters` and `cli` (findings out). See
docs/architecture.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommunsk._version import __version__
from kommunsk.errors import KommunskError

if TYPE_CHECKING:
    from kommunsk.engine.annotation import Annotation
    from kommunsk.engine.explain import Explanation
    from kommunsk.engine.rewrite import Change, Rewrite
    from kommunsk.glossary.municipalities import Municipality
    from kommunsk.glossary.termbase import Glossary

# The public types import on first use (PEP 562), so that `import kommunsk` and the
# command line's start stay light: lazy, for start-up speed.
_PUBLIC = {
    "Annotation": "kommunsk.engine.annotation",
    "Explanation": "kommunsk.engine.explain",
    "Rewrite": "kommunsk.engine.rewrite",
    "Change": "kommunsk.engine.rewrite",
    "Municipality": "kommunsk.glossary.municipalities",
    "Glossary": "kommunsk.glossary.termbase",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'kommunsk' has no attribute {name!r}")


__all__ = [
    "Annotation",
    "Change",
    "Explanation",
    "Glossary",
    "KommunskError",
    "Municipality",
    "Rewrite",
    "__version__",
    "annotate",
    "explain",
    "load",
    "rewrite",
]


def load(paths: Sequence[str | Path] | None = None, *, as_of: date | None = None) -> Glossary:
    """The bundled glossary plus optional overlay files; validity periods apply as of `as_of` (today)."""
    from kommunsk.engine.registry import load as _load  # lazy: see _PUBLIC

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
    from kommunsk.engine.registry import annotator  # lazy: see _PUBLIC

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
    from kommunsk.engine.explain import explain_with  # lazy: see _PUBLIC
    from kommunsk.engine.registry import annotator  # lazy: see _PUBLIC

    return explain_with(
        annotator(glossary), term, municipality=municipality, as_of=as_of or _as_of(glossary)
    )


def rewrite(
    text: str,
    *,
    municipality: str | Municipality | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
) -> Rewrite:
    """`text` with safe replacements made (agreement kept), and the findings a person must decide."""
    from kommunsk.engine.rewrite import apply  # lazy: see _PUBLIC

    return apply(text, annotate(text, municipality=municipality, glossary=glossary, as_of=as_of))


def _as_of(glossary: Glossary | None) -> date | None:
    return glossary.as_of if glossary is not None else None
