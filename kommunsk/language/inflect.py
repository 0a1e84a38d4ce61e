"""Danish inflection slots: which form of a word a token is, and the same form of another word.

A rewrite must put "borger" into the slot that "kunderne" fills ("borgerne").
Candidate endings come from regular Danish morphology; the lemma table decides
which candidates are real words. Words the table lacks (anglicisms such as
"stakeholder") get the regular candidates, so "stakeholderne" is recognised.
"""

from __future__ import annotations

from collections.abc import Callable

VOWELS = set("aeiouyæøå")
Slots = dict[str, list[str]]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def needs_apostrophe(word: str) -> bool:
    """Abbreviations take their endings after an apostrophe: KPI'er, PoC'en."""
    letters = [c for c in word if c.isalpha()]
    return any(c.isdigit() for c in word) or sum(c.isupper() for c in letters) >= 2


def _doubled(word: str) -> str:
    if len(word) >= 3 and word[-1] not in VOWELS and word[-2] in VOWELS and word[-3] not in VOWELS:
        return word + word[-1]
    return ""


def _e_dropped(word: str) -> str:
    if len(word) >= 4 and word[-2:] in ("er", "el", "en") and word[-3] not in VOWELS:
        return word[:-2] + word[-1]
    return ""


def noun_slots(word: str, apostrophe: bool = False, loanword: bool = False) -> Slots:
    """Candidate forms of a noun per slot, most regular first (English -s plural for loanwords)."""
    if apostrophe:
        return _with_genitives(
            {
                "sg": [word],
                "sg.def": [word + "'en", word + "'et"],
                "pl": [word + "'er", word + "'s"],
                "pl.def": [word + "'erne"],
            },
            apostrophe=True,
        )
    w, dbl, drop = word, _doubled(word), _e_dropped(word)
    ends_e = w.endswith("e")
    # where the table has both, -er and -el words usually drop the e (plejecentret, reglen),
    # -en words keep it (dagsordenen)
    dropped_first = bool(drop) and not w.endswith("en")
    plain_def = [w + "en", w + "et"] + ([w + "n", w + "t"] if ends_e else [])
    drop_def = [drop + "et", drop + "en"] if drop else []
    singular_def = drop_def + plain_def if dropped_first else plain_def + drop_def
    singular_def += [dbl + "en", dbl + "et"] if dbl else []
    plain_plural = [w + "r"] if ends_e else [w + "er", w + "e"]
    drop_plural = [drop + "e", drop + "er"] if drop else []
    plural = drop_plural + plain_plural if dropped_first else plain_plural + drop_plural
    plural += [w + "s"] if loanword else [w]
    plural += [dbl + "e", dbl + "er"] if dbl else []
    plural_def: list[str] = []
    for p in plural:
        if p.endswith("ere"):
            plural_def.append(p[:-1] + "ne")
        if p.endswith(("e", "r")):
            plural_def.append(p + "ne")
        elif not p.endswith("s") or (loanword and p == w + "s"):
            plural_def.append(p + "ene")  # leads -> leadsene
    return _with_genitives(
        {
            "sg": [w],
            "sg.def": _unique(singular_def),
            "pl": _unique(plural),
            "pl.def": _unique(plural_def),
        }
    )


def _with_genitives(slots: Slots, *, apostrophe: bool = False) -> Slots:
    """Add the genitive of every slot: -s, or nothing after s, x, z (and 's after an abbreviation)."""
    for slot in list(slots):
        genitive = []
        for form in slots[slot]:
            if form.endswith(("s", "x", "z")):
                genitive.append(form)
            elif apostrophe and "'" not in form:
                genitive.append(form + "'s")
            else:
                genitive.append(form + "s")
        slots[slot + ".gen"] = _unique(genitive)
    return slots


def verb_slots(word: str, apostrophe: bool = False, loanword: bool = False) -> Slots:
    """Candidate forms of a verb per slot."""
    stem = word[:-1] if word.endswith("e") else word
    return {
        "inf": [word],
        "pres": _unique([word + "r", stem + "er"]),
        "past": _unique([stem + "ede", word + "de", stem + "te"]),
        "part": _unique([stem + "et", stem + "t", word + "t"]),
        "pass": _unique([word + "s", stem + "es"]),
        "imp": [stem],
        "prespart": _unique([word + "nde", stem + "ende"]),
        "past.pass": _unique([stem + "edes", word + "des", stem + "tes"]),
    }


def adjective_slots(word: str, apostrophe: bool = False, loanword: bool = False) -> Slots:
    """Candidate forms of an adjective per slot (positive degree)."""
    dbl = _doubled(word)
    return {
        "base": [word],
        "e": _unique(
            [word + "e", dbl + "e" if dbl else "", word[:-2] + "ede" if word.endswith("et") else ""]
        ),
        "t": _unique([word + "t"] if not word.endswith("t") else [word]),
    }


GENERATORS: dict[str, Callable[[str, bool, bool], Slots]] = {
    "noun": noun_slots,
    "verb": verb_slots,
    "adjective": adjective_slots,
}


def guess_pos(word: str, forms: frozenset[str]) -> str:
    """Noun, verb or adjective, from which regular forms the paradigm contains."""
    stem = word[:-1] if word.endswith("e") else word
    if (
        word.endswith("e")
        and word + "r" in forms
        and ({stem + "et", stem + "t", stem + "te"} & forms)
    ):
        return "verb"
    adjective = {f for found in adjective_slots(word).values() for f in found}
    if word + "t" in forms and forms <= adjective:
        return "adjective"
    return "noun"


def slots_of(word: str, pos: str | None, forms: frozenset[str]) -> Slots:
    """The real forms of `word` per slot: candidates that the paradigm contains."""
    lower = word.lower()
    kind = pos if pos in GENERATORS else guess_pos(lower, forms)
    known = len(forms) > 1
    candidates = GENERATORS[kind](lower, needs_apostrophe(word), not known)
    if not known:
        return candidates
    doubled = _doubled(lower)
    slots = {slot: [f for f in found if f in forms] for slot, found in candidates.items()}
    if (
        kind == "noun"
        and slots["pl"] == [lower]
        and lower + "s" in forms
        and lower + "ne" in forms
        and lower + "r" not in forms
    ):
        # a loanword the table has with the English plural: case, cases, casene
        slots["pl"] = [lower + "s"]
    if kind == "verb":
        _place_strong_forms(slots, forms, lower)
    if kind == "noun" and len(slots["pl"]) > 1 and lower in slots["pl"]:
        # a zero plural only where the word has no other plural (plejehjem, not kunde)
        slots["pl"].remove(lower)
        slots["pl.gen"] = [f for f in slots["pl.gen"] if f not in (lower, lower + "s")]
    if doubled:
        # where the table has both (udbudet, udbuddet), the doubled consonant is the norm
        slots = {
            slot: sorted(found, key=lambda f: not f.startswith(doubled))
            for slot, found in slots.items()
        }
    return slots


def _place_strong_forms(slots: Slots, forms: frozenset[str], lower: str) -> None:
    """Put a strong verb's own past forms where regular endings found none ("sætte": satte, sat)."""
    stem = lower[:-1] if lower.endswith("e") else lower
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in forms and not slots.get("imp"):
        slots["imp"] = [stem[:-1]]  # "sætte": sæt
    placed = {f for found in slots.values() for f in found}
    unplaced = sorted(f for f in forms - placed if f[:2] == lower[:2])
    endings = {"past": ("te",), "part": ("t",), "past.pass": ("tes",)}
    for slot, ending in endings.items():
        if not slots.get(slot):
            slots[slot] = [f for f in unplaced if f.endswith(ending) and not f.endswith("ende")]


def classify(form: str, slots: Slots) -> str | None:
    """Every slot whose forms include `form`, joined by "|" ("sg|pl" for plejehjem); None if none."""
    found = [slot for slot, forms in slots.items() if form in forms]
    return "|".join(found) if found else None


def fill(slot: str, slots: Slots) -> str | None:
    """The form for `slot`, or None when the word has no known form there."""
    found = slots.get(slot)
    return found[0] if found else None
