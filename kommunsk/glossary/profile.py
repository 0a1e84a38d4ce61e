"""One municipality's profile as data: names, region, council, local facts and local words.

The command line prints it and the server shows it as a page, so the data is
built once, here, from the glossary alone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.serial import to_data
from kommunsk.glossary.termbase import Glossary

HEADINGS = {  # the Danish heading of each category of local facts
    "committee": "Stående udvalg",
    "administration": "Forvaltninger",
    "elder_care_place": "Ældrepleje (stedet)",
    "home_care": "Hjemmepleje",
    "job_centre": "Jobcenter",
    "other": "Andre lokale navne",
}
COUNCIL = "kommunalbestyrelse"  # the concept whose variants name each municipality's council


def local_terms(glossary: Glossary, municipality: Municipality, day: date) -> list[dict[str, Any]]:
    """The municipality's own words for glossary concepts, valid on the day."""
    rows = []
    for concept in glossary:
        for variant in concept.variants_for(municipality.code, day, unverified=True):
            rows.append(
                {
                    "concept": concept.id,
                    "label": concept.label,
                    "term": variant.term,
                    "verified": variant.verified,
                    "source": to_data(variant.source),
                }
            )
    return rows


def council(glossary: Glossary, municipality: Municipality, day: date) -> str | None:
    """What the municipality calls its council (Byrådet, Kommunalbestyrelsen, …), if known."""
    if COUNCIL not in glossary:
        return None
    found = glossary.get(COUNCIL).variants_for(municipality.code, day, unverified=True)
    return found[0].term if found else None


def profile_data(glossary: Glossary, municipality: Municipality, day: date) -> dict[str, Any]:
    """The profile as plain data (the "municipality" object of the JSON output)."""
    facts = []
    for fact in municipality.facts:
        row = to_data(fact)
        row["holds"] = fact.holds_on(day)
        facts.append(row)
    return {
        "code": municipality.code,
        "name": municipality.name,
        "official_name": municipality.official_name,
        "region": municipality.region(day),
        "aliases": list(municipality.aliases),
        "web": municipality.web,
        "council": council(glossary, municipality, day),
        "facts": facts,
        "local_terms": local_terms(glossary, municipality, day),
    }
