"""Export the glossary for other tools: JSON (whole concepts) or CSV (one row per word)."""

from __future__ import annotations

import csv
import io
import json

from kommunsk._version import __version__
from kommunsk.glossary.serial import to_data
from kommunsk.glossary.termbase import Glossary


def to_json(glossary: Glossary) -> str:
    concepts = []
    for concept in glossary:
        data = to_data(concept)
        data.pop("location", None)
        concepts.append(data)
    document = {
        "schema_version": 1,
        "kommunsk_version": __version__,
        "glossary_version": glossary.version,
        "concepts": concepts,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "concept_id",
            "domain",
            "word",
            "role",
            "status_or_strength",
            "suggest",
            "municipality",
            "glossary_version",
        ]
    )
    for concept in glossary:
        for term in concept.terms:
            writer.writerow(
                [
                    concept.id,
                    concept.domain,
                    term.term,
                    "term",
                    term.status,
                    "",
                    "",
                    glossary.version,
                ]
            )
        for form in concept.business_forms:
            suggest = "; ".join(form.suggest or concept.preferred)
            writer.writerow(
                [
                    concept.id,
                    concept.domain,
                    form.form,
                    "avoid" if concept.avoid else "business",
                    form.strength,
                    suggest,
                    "",
                    glossary.version,
                ]
            )
        for variant in concept.variants:
            writer.writerow(
                [
                    concept.id,
                    concept.domain,
                    variant.term,
                    "variant",
                    "verified" if variant.verified else "unverified",
                    "",
                    variant.code,
                    glossary.version,
                ]
            )
    return out.getvalue()
