"""How kommunsk does on real text: precision and recall on sentences from public Danish pages.

    python -m benchmarks.realtext            # all sentences, a table per side and severity
    python -m benchmarks.realtext --split test --flags   # the held-out part, every flag listed

The sentences (benchmarks/realtext/sentences.yaml) were quoted from municipal
pages (municipalities, KL, the state) and business pages (vendors, startups,
clusters, trade press), and two labellers marked, before kommunsk ran on them,
the words a municipal reader would find alien (`alien`: both agreed; `unsure`:
one did, or either was unsure). A flag is counted against those labels:

- right: it overlaps an alien span (an abbreviation in brackets right after an
  alien term, "Monthly Recurring Revenue (MRR)", belongs to the term);
- unsure: it overlaps an unsure span and nothing alien; left out of precision,
  and reported;
- outdated: a term a law change retired; the sentences carry no date, so these
  are reported apart rather than judged;
- wrong: anything else.

Precision = right / (right + wrong); recall = alien spans on the business side
that some flag overlaps / all of them. Only what `check` shows by default
(warnings and suggestions) is counted.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import kommunsk

SENTENCES = Path(__file__).resolve().parent / "realtext" / "sentences.yaml"
SHOWN = ("warning", "suggestion")
_ABBREVIATION = re.compile(r" ?\(([A-ZÆØÅ]{2,6})\)")


@dataclass
class Tally:
    """Counts for one slice of the set (a side, a severity, a split)."""

    right: int = 0
    wrong: int = 0
    unsure: int = 0
    outdated: int = 0
    gold: int = 0
    found: int = 0
    sentences: int = 0
    flagged_sentences: int = 0
    words: int = 0

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def flagged_share(self) -> float:
        return self.flagged_sentences / self.sentences if self.sentences else 0.0


@dataclass
class Report:
    """Tallies by side and by severity, and every flag with its verdict."""

    by_side: dict[str, Tally] = field(default_factory=dict)
    by_severity: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)
    flags: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, str]] = field(default_factory=list)


def load(split: str = "all") -> list[dict[str, Any]]:
    """The labelled sentences, all of them or one split ("dev" or "test")."""
    rows: list[dict[str, Any]] = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    return [r for r in rows if split == "all" or r["split"] == split]


def gold_spans(row: dict[str, Any]) -> list[str]:
    """The alien spans of a sentence, each with the abbreviation that follows it in brackets."""
    text, spans = row["text"], []
    for entry in row.get("alien", ()):
        span = entry["span"]
        at = text.find(span)
        follows = _ABBREVIATION.match(text, at + len(span)) if at >= 0 else None
        spans.append(span + (follows.group(0) if follows else ""))
    return spans


def evaluate(rows: list[dict[str, Any]]) -> Report:
    """Run kommunsk on every sentence and count the flags against the labels."""
    report = Report()
    for row in rows:
        side = report.by_side.setdefault(row["side"], Tally())
        _judge(row, side, report)
    return report


def _judge(row: dict[str, Any], side: Tally, report: Report) -> None:
    text = row["text"]
    gold, unsure = gold_spans(row), list(row.get("unsure", ()))
    flags = [a for a in kommunsk.annotate(text) if a.severity in SHOWN]
    decided = [a for a in flags if a.kind != "outdated"]
    for tally in (side, report.total):
        tally.sentences += 1
        tally.flagged_sentences += bool(decided)
        tally.words += len(text.split())
    for a in flags:
        verdict = _verdict(a.text, a.kind, gold, unsure)
        for tally in (side, report.total, report.by_severity.setdefault(a.severity, Tally())):
            setattr(tally, verdict, getattr(tally, verdict) + 1)
        report.flags.append((verdict, row["side"], a.severity, a.text, a.concept_id, text))
    if row["side"] == "business":
        for span in gold:
            hit = any(_overlaps(a.text, span) for a in decided)
            for tally in (side, report.total):
                tally.gold += 1
                tally.found += hit
            if not hit:
                report.misses.append((span, text))


def _verdict(flag: str, kind: str, gold: list[str], unsure: list[str]) -> str:
    if kind == "outdated":
        return "outdated"
    if any(_overlaps(flag, span) for span in gold):
        return "right"
    if any(_overlaps(flag, span) for span in unsure):
        return "unsure"
    return "wrong"


def _overlaps(flag: str, span: str) -> bool:
    return flag in span or span in flag


def render(report: Report, *, show_flags: bool = False) -> str:
    """A table per side and severity, then the misses (and every flag with `show_flags`)."""
    lines = [
        "| slice | sentences | flags right | wrong | unsure | outdated | precision | recall (business) "
        "| sentences flagged |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    slices = [
        *(("side: " + k, v) for k, v in sorted(report.by_side.items())),
        ("all", report.total),
    ]
    slices += [("severity: " + k, v) for k, v in sorted(report.by_severity.items())]
    for name, t in slices:
        recall = f"{t.recall:.2f} ({t.found}/{t.gold})" if t.gold else ""
        share = f"{t.flagged_share:.1%}" if t.sentences else ""
        lines.append(
            f"| {name} | {t.sentences or ''} | {t.right} | {t.wrong} | {t.unsure} | {t.outdated} "
            f"| {t.precision:.2f} | {recall} | {share} |"
        )
    lines += ["", f"Misses ({len(report.misses)}):"]
    lines += [f"- {span!r} in: {text}" for span, text in report.misses]
    if show_flags:
        lines += ["", "Flags:"]
        counted = Counter(verdict for verdict, *_ in report.flags)
        lines.append(", ".join(f"{k}: {n}" for k, n in sorted(counted.items())))
        lines += [
            f"- {v} [{side}, {sev}] {flag!r} ({cid}): {text}"
            for v, side, sev, flag, cid, text in report.flags
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--flags", action="store_true", help="list every flag with its verdict")
    args = parser.parse_args(argv)
    sys.stdout.write(render(evaluate(load(args.split)), show_flags=args.flags))
    return 0


if __name__ == "__main__":
    sys.exit(main())
