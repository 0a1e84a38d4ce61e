"""The municipality list as text or JSON (no glossary compile, no NLP)."""

from __future__ import annotations

import json
from datetime import date

from kommunsk._version import __version__
from kommunsk.glossary.municipalities import Municipalities
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.glossary.yamlfile import load


def registry() -> Municipalities:
    """The bundled municipality registry, read straight from its YAML files."""
    root = bundled_glossary()
    return Municipalities.read(root / "municipalities.yaml")


def render_municipalities(query: str | None, as_of: date | None, fmt: str) -> str:
    """List municipalities (all, or those matching `query`) with their region on the date."""
    items = registry()
    day = as_of or date.today()
    found = items.search(query, day) if query else list(items)
    if query and not found:
        found = items.search_fuzzy(query)
    if fmt == "json":
        version = load(bundled_glossary() / "glossary.yaml").data["version"]
        rows = [
            {
                "code": m.code,
                "name": m.name,
                "official_name": m.official_name,
                "region": m.region(day),
                "aliases": list(m.aliases),
            }
            for m in found
        ]
        data = {
            "schema_version": 1,
            "kommunsk_version": __version__,
            "glossary_version": version,
            "as_of": day.isoformat(),
            "municipalities": rows,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    width = max((len(m.official_name) for m in found), default=0)
    lines = [f"{m.code}  {m.official_name:<{width}}  {m.region(day)}" for m in found]
    lines.append(
        f"{len(found)} kommune{'r' if len(found) != 1 else ''} (regioner pr. {day.isoformat()})"
    )
    return "\n".join(lines) + "\n"
