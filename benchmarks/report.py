"""The benchmark report: one row per target, as a plain-text table and as JSON.

A row is never given a number it did not measure: when a reference tool is
missing, the row says "not measured" and why.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MET, NOT_MET, NOT_MEASURED = "met", "not met", "not measured"


@dataclass
class Row:
    """One target: what was compared, the measured ratio, the target, and whether it is met."""

    number: int
    name: str
    target: str
    measured: str  # the ratio with its unit, or the reason it was not measured
    status: str  # MET, NOT_MET or NOT_MEASURED
    ratio: float | None = None
    notes: list[str] = field(default_factory=list)  # context: absolute times, throughput, recall
    data: dict[str, Any] = field(default_factory=dict)  # the raw figures, for --json


def judged(ok: bool) -> str:
    return MET if ok else NOT_MET


def table(rows: list[Row]) -> str:
    """The rows as an aligned text table, followed by each row's notes."""
    header = ("#", "benchmark", "measured", "target", "result")
    cells = [header] + [(str(r.number), r.name, r.measured, r.target, r.status) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    for row in rows:
        if row.notes:
            lines.append("")
            lines.append(f"{row.number}. {row.name}")
            lines += [f"   {note}" for note in row.notes]
    return "\n".join(lines)


def write_json(
    path: Path, machine: dict[str, str], settings: dict[str, Any], rows: list[Row]
) -> None:
    data = {"machine": machine, "settings": settings, "rows": [asdict(r) for r in rows]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
