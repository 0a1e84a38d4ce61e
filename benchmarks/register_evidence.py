"""Count how often municipal and business pages use each business form: the register evidence.

    python -m benchmarks.register_evidence CORPUS_DIR > glossary/evidence/register.yaml

CORPUS_DIR holds one text file per public page, in a `municipal/` and a
`business/` folder; each file starts with `url:`, `side:`, `publisher:` and
`kind:` lines, then `---`, then the page's running text. The pages themselves
are third-party text and stay out of the repository; the output keeps only
derived counts and the pages' addresses, so anyone can fetch the pages again.

For every business form the output gives, per side, the number of matches, the
matches per million words, and the number of pages that use the form, counted
by kommunsk itself (so a form's context conditions and the name rules apply:
"kunder" counts only where it means citizens). English words found by the
English-word check are counted the same way. docs/matching.md explains how the
glossary's `register` must follow these figures, and tests/test_register.py
checks that it does.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import yaml

import kommunsk
from kommunsk.language.tokenise import tokens

MUNICIPAL_KINDS = frozenset(
    {"municipality", "KL", "kombit", "state"}
)  # press on the municipal side is left out


def pages(folder: Path, side: str) -> list[tuple[dict[str, str], str]]:
    """(header, text) for each page of one side, in file-name order."""
    found = []
    for path in sorted((folder / side).glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        if side == "municipal" and meta.get("kind") not in MUNICIPAL_KINDS:
            continue
        found.append((meta, body))
    return found


def count(
    side_pages: list[tuple[dict[str, str], str]],
) -> tuple[int, Counter[str], dict[str, set[str]]]:
    """Words on the side, matches per form key, and the pages (URLs) each form key occurs on."""
    words = 0
    matches: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    for meta, text in side_pages:
        words += len(tokens(text))
        for annotation in kommunsk.annotate(text):
            if annotation.kind not in ("jargon", "avoid"):
                continue
            key = form_key(annotation.concept_id, annotation.term)
            matches[key] += 1
            where[key].add(meta["url"])
    return words, matches, where


def form_key(concept_id: str, term: str) -> str:
    return f"{concept_id}: {term.casefold()}"


def main(folder: Path) -> dict[str, object]:
    sides = {side: pages(folder, side) for side in ("municipal", "business")}
    counted = {side: count(found) for side, found in sides.items()}
    keys = sorted(set().union(*(c[1] for c in counted.values())))
    forms = {}
    for key in keys:
        forms[key] = {
            side: {
                "matches": counted[side][1][key],
                "per_million": round(
                    counted[side][1][key] * 1_000_000 / max(counted[side][0], 1), 1
                ),
                "pages": len(counted[side][2][key]),
            }
            for side in sides
        }
    return {
        "collected": date.today().isoformat(),
        "corpus": {
            side: {
                "words": counted[side][0],
                "pages": len(found),
                "urls": [meta["url"] for meta, _ in found],
            }
            for side, found in sides.items()
        },
        "forms": forms,
    }


if __name__ == "__main__":
    data = main(Path(sys.argv[1]))
    print("# Register evidence: how often municipal and business pages use each business form.")
    print("# Written by `python -m benchmarks.register_evidence CORPUS_DIR`; see docs/matching.md.")
    yaml.safe_dump(data, sys.stdout, allow_unicode=True, sort_keys=False, width=100)
