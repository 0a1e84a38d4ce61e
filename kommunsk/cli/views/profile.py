"""One municipality's profile: names, region, council, committees, administrations and local words.

Everything comes from the glossary: the registry for code, names and region, the
municipality's profile file for its local facts, and the concepts' variants for
the words it uses. Each fact shows its period and points at its source, so a
reader can see what holds now and what was seen in an earlier council term.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from kommunsk._version import __version__
from kommunsk.glossary.model import Source
from kommunsk.glossary.municipalities import CATEGORIES, LocalFact, Municipality
from kommunsk.glossary.profile import HEADINGS, council, profile_data
from kommunsk.glossary.termbase import Glossary

__all__ = ["HEADINGS", "render_profile"]


def render_profile(glossary: Glossary, municipality: Municipality, day: date, fmt: str) -> str:
    """The profile as text (grouped, with numbered sources) or as JSON."""
    if fmt == "json":
        return json.dumps(_json(glossary, municipality, day), ensure_ascii=False, indent=2) + "\n"
    return _text(glossary, municipality, day)


def _json(glossary: Glossary, municipality: Municipality, day: date) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "kommunsk_version": __version__,
        "glossary_version": glossary.version,
        "as_of": day.isoformat(),
        "municipality": profile_data(glossary, municipality, day),
    }


def _text(glossary: Glossary, municipality: Municipality, day: date) -> str:
    sources: dict[tuple[str, str], int] = {}
    lines = [
        f"{municipality.official_name} (kode {municipality.code}), {municipality.region(day)}",
        f"Web: {municipality.web or 'ukendt'}",
        f"Kommunalbestyrelsen hedder: {council(glossary, municipality, day) or 'ukendt'}",
    ]
    for category in CATEGORIES:
        facts = [f for f in municipality.facts if f.category == category]
        if not facts:
            continue
        lines += ["", f"{HEADINGS[category]}:"]
        for fact in sorted(facts, key=lambda f: (not f.holds_on(day), f.valid_from or "", f.term)):
            number = sources.setdefault(_key(fact.source), len(sources) + 1)
            lines.append(f"  {_line(fact, day)} [{number}]")
    lines += ["", "Kilder:"]
    for (title, where), number in sources.items():
        lines.append(f"  [{number}] {title}" + (f" — {where}" if where else ""))
    total = len(municipality.facts)
    checked = sum(f.verified for f in municipality.facts)
    lines += ["", f"{total} lokale fakta, {checked} bekræftet på kommunens egne sider (pr. {day})"]
    return "\n".join(lines) + "\n"


def _line(fact: LocalFact, day: date) -> str:
    parts = [fact.term]
    if fact.abbreviation:
        parts[0] += f" ({fact.abbreviation})"
    if fact.covers:
        parts.append("dækker " + ", ".join(fact.covers))
    if fact.category == "committee" and fact.term_of_office:
        parts.append(f"valgperiode {fact.term_of_office}")
    elif fact.term_of_office:
        parts.append(f"set i valgperioden {fact.term_of_office}")
    elif fact.source.published:
        parts.append(f"set på en side fra {fact.source.published}")
    elif _period(fact):
        parts.append(_period(fact))
    if not fact.holds_on(day):
        parts.append("gælder ikke længere")
    if not fact.verified:
        parts.append("ikke bekræftet")
    return "; ".join(parts)


def _period(fact: LocalFact) -> str:
    if not (fact.valid_from or fact.valid_to):
        return ""
    return f"{fact.valid_from or '…'} – {fact.valid_to or '…'}"


def _key(source: Source) -> tuple[str, str]:
    return source.title, source.url or source.document or ""
