"""Small facts about written Danish that several modules need: folding, sorting, letter case."""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})
_ORDER = str.maketrans({"æ": "{0", "ä": "{0", "ø": "{1", "ö": "{1", "å": "{2"})


def fold(text: str) -> str:
    """A key for case- and diacritic-insensitive comparison ("Århus" and "Aarhus" agree)."""
    lowered = text.casefold().translate(_FOLD)
    stripped = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in stripped if c.isalnum())


def sort_key(text: str) -> str:
    """Danish alphabetical order: æ, ø, å after z, and "aa" sorting as "å"."""
    lowered = text.casefold()
    if lowered.startswith("aa"):
        lowered = "å" + lowered[2:]
    lowered = lowered.replace(" aa", " å").replace("-aa", "-å")
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_ORDER))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_abbreviation(word: str) -> bool:
    """Written in capitals, like ROI, KPI'er or CAPEX (its case says nothing about emphasis)."""
    letters = [c for c in word.split("'")[0] if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 2


def case_like(word: str, model: str, *, sentence_start: bool = False, written: str = "") -> str:
    """Write `word` in the letter case of `model`: KUNDERNE -> BORGERNE, Kunderne -> Borgerne.

    When the glossary writes the matched word as an abbreviation (ROI, PoC),
    its capitals say nothing about emphasis, so only a sentence start capitalises.
    """
    letters = [c for c in model if c.isalpha()]
    if is_abbreviation(written or model) and (written or len(letters) <= 5):
        upper_first = sentence_start
    elif len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    else:
        upper_first = bool(letters) and letters[0].isupper()
    if upper_first and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


# Closed word classes of Danish grammar (not glossary terms): they decide which
# word of a phrase inflects, and whether an ambiguous noun form is plural.
PREPOSITIONS = frozenset(
    {"på", "i", "af", "til", "for", "med", "om", "fra", "ved", "uden", "of", "on", "in", "to"}
)
PLURAL_CUES = frozenset(
    {
        "mange",
        "flere",
        "alle",
        "få",
        "nogle",
        "disse",
        "de",
        "begge",
        "adskillige",
        "to",
        "tre",
        "fire",
        "fem",
        "seks",
        "syv",
        "otte",
        "ni",
        "ti",
        "elleve",
        "tolv",
        "tyve",
        "hundrede",
        "tusind",
    }
)
SINGULAR_CUES = frozenset(
    {"et", "en", "ét", "én", "hvert", "hver", "ethvert", "enhver", "dette", "denne"}
)


def number_cue(previous: str) -> str | None:
    """'pl' or 'sg' when the word before a noun tells its number ("40 plejehjem", "et plejehjem")."""
    if previous.isdigit():
        return "sg" if previous == "1" else "pl"
    if previous in PLURAL_CUES:
        return "pl"
    if previous in SINGULAR_CUES:
        return "sg"
    return None


NEUTER_CUES = frozenset({"et", "ét", "dette", "ethvert", "intet", "noget", "hvert"})
DEFINITE_CUES = frozenset({"den", "det", "de", "denne", "dette", "disse"})
NOT_AFTER_GENITIVE = PREPOSITIONS | frozenset(
    {
        "og",
        "eller",
        "men",
        "som",
        "der",
        "at",
        "er",
        "var",
        "har",
        "blev",
        "skal",
        "kan",
        "vil",
        "bliver",
        "kr",
    }
)


def adjective_cue(previous: str) -> str | None:
    """The adjective slot the word before asks for: "et tværfagligt team", "de tværfaglige"."""
    if previous in DEFINITE_CUES or previous in PLURAL_CUES:
        return "e"
    if previous in NEUTER_CUES:
        return "t"
    return None
