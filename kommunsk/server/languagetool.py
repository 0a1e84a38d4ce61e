"""LanguageTool's HTTP API, the part its clients use: the request read, the answer in its JSON shape.

LibreOffice, the LanguageTool browser add-on, editor plugins and the Python
clients talk to a LanguageTool server through `POST /v2/check` and
`GET /v2/languages` (https://languagetool.org/http-api/). This module knows
that protocol and nothing of HTTP frameworks: it turns the form fields into a
`CheckRequest` and kommunsk's annotations into LanguageTool matches.

Offsets are counted in UTF-16 code units, as LanguageTool (a Java program)
counts them and its clients expect: an emoji before a finding counts twice.
With `data` (text and markup parts), offsets refer to the whole input, markup
included, and only the text parts (and markup's `interpretAs`) are checked.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kommunsk._version import __version__
from kommunsk.engine.annotation import Annotation
from kommunsk.readers.position import code_units as units

LANGUAGES = ({"name": "Danish", "code": "da", "longCode": "da-DK"},)
ACCEPTED_LANGUAGES = frozenset({"da", "da-dk", "auto"})
LEVELS = frozenset({"default", "picky"})
FLAGGED = ("jargon", "avoid", "variant", "outdated")
CATEGORY = {"id": "KOMMUNSK", "name": "Kommunalt sprog"}
CONTEXT_CHARS = 40  # characters of context on each side, as LanguageTool shows them
RULES = {
    "jargon": ("KOMMUNSK_JARGON", "Forretningssprog, som kommunen siger anderledes", "register"),
    "avoid": ("KOMMUNSK_AVOID", "Forretningssprog uden et kommunalt ord", "register"),
    "variant": ("KOMMUNSK_VARIANT", "Kommunen har sit eget ord", "locale-violation"),
    "outdated": ("KOMMUNSK_OUTDATED", "Betegnelse afløst ved en lovændring", "terminology"),
}
SHORT = {
    "jargon": "Forretningssprog",
    "avoid": "Undgå ordet",
    "variant": "Lokalt ord",
    "outdated": "Forældet betegnelse",
}
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


class ProtocolError(Exception):
    """A request LanguageTool would refuse; the message is sent as LanguageTool sends its own."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(f"Error: {message}")
        self.status = status


@dataclass(frozen=True)
class Annotated:
    """The text to check and the whole input it came from, with a map from one to the other.

    `positions[i]` is the offset in `original` of `plain[i]`; the last entry maps the end.
    """

    plain: str
    original: str
    positions: tuple[int, ...] | None = None  # None: plain and original are the same

    def to_original(self, offset: int) -> int:
        return offset if self.positions is None else self.positions[offset]

    def end_to_original(self, start: int, end: int) -> int:
        """Where a span ending at `end` ends in the original: just after its last character."""
        if self.positions is None or end <= start:
            return self.to_original(end)
        return self.positions[end - 1] + 1


@dataclass(frozen=True)
class CheckRequest:
    """The fields of a /v2/check request that kommunsk acts on."""

    text: Annotated
    language: str
    level: str = "default"
    enabled_only: bool = False
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    municipality: str | None = None

    def wants(self, rule_id: str) -> bool:
        """Whether the client asked for the rule (LanguageTool's enabled/disabled rules and categories)."""
        category = str(CATEGORY["id"])
        if rule_id in self.disabled_rules or category in self.disabled_categories:
            return False
        if self.enabled_only:
            return rule_id in self.enabled_rules or category in self.enabled_categories
        return True


def parse_check(fields: Mapping[str, str]) -> CheckRequest:
    """Read the form fields of a /v2/check request; ProtocolError for what LanguageTool refuses."""
    language = fields.get("language", "").strip()
    if not language:
        raise ProtocolError("Missing 'language' parameter, e.g. 'language=da-DK'")
    if language.lower() not in ACCEPTED_LANGUAGES:
        raise ProtocolError(
            f"'{language}' is not a language code known to kommunsk. "
            "Supported language codes are: da, da-DK, auto"
        )
    if "text" in fields:
        text = Annotated(fields["text"], fields["text"])
    elif "data" in fields:
        text = parse_data(fields["data"])
    else:
        raise ProtocolError("Missing 'text' or 'data' parameter")
    level = fields.get("level", "default") or "default"
    if level not in LEVELS:
        raise ProtocolError(f"Unknown level '{level}', use 'default' or 'picky'")
    request = CheckRequest(
        text=text,
        language=language,
        level=level,
        enabled_only=_flag(fields.get("enabledOnly", "false"), "enabledOnly"),
        enabled_rules=_names(fields.get("enabledRules", "")),
        disabled_rules=_names(fields.get("disabledRules", "")),
        enabled_categories=_names(fields.get("enabledCategories", "")),
        disabled_categories=_names(fields.get("disabledCategories", "")),
        municipality=fields.get("kommune") or None,
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise ProtocolError(
            "You set enabledOnly=true, but did not name any rules in enabledRules or "
            "categories in enabledCategories"
        )
    return request


def _flag(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("true", "false", ""):
        return lowered == "true"
    raise ProtocolError(f"'{name}' must be 'true' or 'false', not '{value}'")


def _names(value: str) -> frozenset[str]:
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def parse_data(raw: str) -> Annotated:
    """LanguageTool's `data` field: {"annotation": [{"text": …} | {"markup": …, "interpretAs": …}]}."""
    try:
        parsed = json.loads(raw)
    except ValueError as error:
        raise ProtocolError(f"'data' is not valid JSON: {error}") from None
    parts = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(parts, list):
        raise ProtocolError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    original: list[str] = []
    positions: list[int] = []
    at = 0  # offset in the original
    for part in parts:
        if not isinstance(part, dict):
            raise ProtocolError("each part of 'annotation' must be an object")
        if isinstance(part.get("text"), str):
            text = part["text"]
            plain.append(text)
            positions.extend(range(at, at + len(text)))
        elif isinstance(part.get("markup"), str):
            markup = part["markup"]
            seen = part.get("interpretAs", "")
            if not isinstance(seen, str):
                raise ProtocolError("'interpretAs' must be a string")
            plain.append(seen)
            positions.extend([at] * len(seen))  # what markup stands for maps to the markup
            text = markup
        else:
            raise ProtocolError("each part of 'annotation' needs 'text' or 'markup'")
        original.append(text)
        at += len(text)
    positions.append(at)
    return Annotated("".join(plain), "".join(original), tuple(positions))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


class Utf16:
    """Offsets in a Python string (code points) as UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


def matches(
    request: CheckRequest, annotations: Sequence[Annotation], link: str
) -> list[dict[str, Any]]:
    """kommunsk's findings as LanguageTool matches, for the rules the client wants.

    `link` is the glossary page's address with "{id}" where the concept id goes.
    """
    text = request.text
    to_utf16 = Utf16(text.original)
    sentences = Sentences(text.plain)
    found = []
    for annotation in annotations:
        if annotation.kind not in RULES or (
            annotation.severity == "info" and request.level != "picky"
        ):
            continue  # "info": jargon the context makes acceptable; shown only when picky
        rule_id, description, issue_type = RULES[annotation.kind]
        if not request.wants(rule_id):
            continue
        start = text.to_original(annotation.start)
        end = text.end_to_original(annotation.start, annotation.end)
        offset = to_utf16(start)
        found.append(
            {
                "message": annotation.message,
                "shortMessage": SHORT[annotation.kind],
                "replacements": [{"value": value} for value in _replacements(annotation)],
                "offset": offset,
                "length": to_utf16(end) - offset,
                "context": context(text.plain, annotation.start, annotation.end),
                "sentence": sentences.around(annotation.start, annotation.end),
                "type": {"typeName": "Hint" if annotation.severity != "warning" else "Other"},
                "rule": {
                    "id": rule_id,
                    "subId": annotation.concept_id,
                    "description": description,
                    "issueType": issue_type,
                    "urls": [{"value": link.replace("{id}", annotation.concept_id)}],
                    "category": dict(CATEGORY),
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return found


def _replacements(annotation: Annotation) -> list[str]:
    """The replacement a rewrite would make first, then the other suggestions, each once."""
    values = [annotation.replacement] if annotation.replacement else []
    return list(dict.fromkeys([*values, *annotation.suggestions]))


def context(plain: str, start: int, end: int) -> dict[str, Any]:
    """Up to 40 characters either side of the finding, on one line, "..." where cut."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(plain), end + CONTEXT_CHARS)
    before = ("..." if left > 0 else "") + plain[left:start]
    shown = before + plain[start:right] + ("..." if right < len(plain) else "")
    shown = re.sub(r"[\r\n\t]", " ", shown)
    return {"text": shown, "offset": units(before), "length": units(plain[start:end])}


class Sentences:
    """The sentences of a text, found once: a sentence ends at ". ", "! ", "? " or a line break."""

    def __init__(self, plain: str) -> None:
        self.plain = plain
        self._ends = [
            (m.start(), m.end(), m.group() == "\n") for m in _SENTENCE_END.finditer(plain)
        ]
        self._marks = [mark for mark, _, _ in self._ends]
        self._after = [end for _, end, _ in self._ends]

    def around(self, start: int, end: int) -> str:
        """The sentence the span from `start` to `end` stands in."""
        before = bisect.bisect_right(self._after, start) - 1
        first = self._after[before] if before >= 0 else 0
        following = bisect.bisect_left(self._marks, end)
        if following < len(self._ends):
            mark, _, line_break = self._ends[following]
            last = mark if line_break else mark + 1
        else:
            last = len(self.plain)
        return self.plain[first:last].strip()


def sentence(plain: str, start: int, end: int) -> str:
    """The sentence the finding stands in (for one finding; `Sentences` for many)."""
    return Sentences(plain).around(start, end)


def response(
    request: CheckRequest, found: list[dict[str, Any]], glossary_version: str
) -> dict[str, Any]:
    """The whole /v2/check answer."""
    return {
        "software": {
            "name": "kommunsk",
            "version": __version__,
            "buildDate": glossary_version,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": "Danish",
            "code": "da-DK",
            "detectedLanguage": {"name": "Danish", "code": "da-DK", "confidence": 1.0},
        },
        "matches": found,
    }
