"""The one-sentence Danish messages that go with each kind of finding."""

from __future__ import annotations


def first_sentence(text: str | None) -> str:
    """The first sentence of a longer text (definitions and advice can run to several)."""
    if not text:
        return ""
    text = " ".join(text.split())
    for stop in (". ", "! ", "? "):
        cut = text.find(stop)
        if cut > 0:
            text = text[: cut + 1]
    return text if text.endswith((".", "!", "?")) else text + "."


def message(
    kind: str, severity: str, text: str, suggestion: str | None, *, who: str = "", extra: str = ""
) -> str:
    """A single Danish sentence that says what to do about the span (or why, for jargon).

    `extra` is the reason for jargon, the advice for jargon to avoid, the date
    for outdated terms, the source of a local variant and the definition for
    recognised terms.
    """
    quoted = f"«{text}»"
    if kind == "jargon" and extra:
        return first_sentence(extra)
    if kind == "jargon" and suggestion:
        if severity == "warning":
            return f"Kommunen skriver «{suggestion}», ikke {quoted}."
        return f"Kommunen skriver hellere «{suggestion}» end {quoted}."
    if kind == "avoid":
        return f"{quoted} er forretningsjargon uden kommunalt modstykke: {first_sentence(extra)}"
    if kind == "variant" and suggestion:
        return f"{who} skriver «{suggestion}»" + (f" ({extra})." if extra else ".")
    if kind == "outdated" and suggestion:
        since = f" fra {extra}" if extra else ""
        return f"{quoted} er afløst af «{suggestion}»{since}."
    return f"Kommunalt fagord: {first_sentence(extra)}"
