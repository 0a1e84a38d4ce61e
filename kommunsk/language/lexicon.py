"""spaCy's Danish lemma table (spacy-lookups-data), read directly and inverted into paradigms.

Only the index builder uses this module: the table is large (about 553,000
forms), so matching never loads it; the compiled index carries what matching
needs. Reading the file directly keeps spaCy itself out of the build.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from kommunsk.language.inflect import slots_of

TABLE = "da_lemma_lookup.json.gz"
ENGLISH_TABLE = "en_lexeme_prob.json.gz"
MIN_ENGLISH = 3  # shorter English words ("it", "go") are too often Danish or abbreviations
ENGLISH_LOG_PROB = -14.0  # common English: about the 16,000 most frequent lower-case words


def table_version() -> str:
    """The installed spacy-lookups-data version (part of the index cache key).

    Read from the package's about.py rather than by importing it, which would
    build path objects for every language: this runs on every cold start.
    """
    spec = find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    about = Path(next(iter(spec.submodule_search_locations))) / "about.py"
    try:
        found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", about.read_text(encoding="utf-8"))
    except OSError:
        return "unknown"
    return found.group(1) if found else "unknown"


@cache
def lemma_table() -> dict[str, str]:
    """form -> lemma, all lower-case, as spaCy's lookup lemmatizer uses it."""
    return _table(TABLE)


def _table(name: str) -> dict[str, str]:
    # lazy, for start-up speed: the tables are read only when the form index is built
    import gzip  # lazy (see above)
    import json  # lazy (see above)
    from importlib import resources  # lazy (see above)

    path = resources.files("spacy_lookups_data").joinpath("data", name)
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


def english_hashes() -> array[int]:
    """Sorted hashes of common English words (by spaCy's English word frequencies) that Danish lacks.

    This is what the English-word check asks: "is this an English word and not a Danish one?"
    Only words English writes in lower case and writes often are taken, so rare spellings,
    names and Danish words that turn up in English web text stay out.
    """
    danish = lemma_table()
    probabilities: dict[str, float] = _table(ENGLISH_TABLE)  # type: ignore[assignment]
    words = {
        w
        for w, p in probabilities.items()
        if p >= ENGLISH_LOG_PROB
        and len(w) >= MIN_ENGLISH
        and w.isalpha()
        and w.isascii()
        and w.islower()
        and w not in danish
    }
    return array("Q", sorted({word_hash(w) for w in words}))


LINK_SUFFIXES = ("ing", "else", "hed", "tion", "sion", "dom", "skab", "ning")  # take a linking s


def link(word: str) -> str:
    """The linking letter a word takes as the first part of a compound: "" , "s" or "e".

    Counted from the compounds the lemma table has with the word in front
    ("arbejdsgangsanalyse": s, "interessentanalyse": none); for a word the table
    has no compounds of, the usual rule for its ending ("afprøvning" + s).
    """
    lower = word.lower()
    counts = {"": 0, "s": 0, "e": 0}
    lemmas = _sorted_lemmas()
    start = bisect_left(lemmas, lower)
    for form in itertools.islice(lemmas, start, start + 5000):
        if not form.startswith(lower):
            break
        rest = form[len(lower) :]
        for letter in ("s", "e", ""):
            part = rest[len(letter) :]
            if rest.startswith(letter) and len(part) >= MIN_PART and part in _inverse():
                counts[letter] += 1
                break
    counts["e"] = counts["e"] if counts["e"] > 1 else 0  # "friste"+"rinde": one is chance
    best = max(counts, key=lambda letter: (counts[letter], letter == ""))
    if counts[best]:
        return best
    return "s" if lower.endswith(LINK_SUFFIXES) or _is_compound(lower) else ""


MIN_PART = 5  # the shortest second part counted as evidence of a linking letter


def _is_compound(word: str) -> bool:
    """Two known words ("mile" + "pæl"): a compound first part usually takes a linking s."""
    inverse = _inverse()
    return any(word[:cut] in inverse and word[cut:] in inverse for cut in range(3, len(word) - 2))


@cache
def _sorted_lemmas() -> list[str]:
    return sorted(_inverse())


@cache
def _inverse() -> dict[str, tuple[str, ...]]:
    inverse: dict[str, list[str]] = defaultdict(list)
    for form, lemma in lemma_table().items():
        inverse[lemma].append(form)
    return {lemma: tuple(sorted(forms)) for lemma, forms in inverse.items()}


def paradigm(word: str) -> frozenset[str]:
    """The word and every form whose lemma is the word (built outward, never from one lemma)."""
    word = word.lower()
    return frozenset({word, *_inverse().get(word, ())})


def gender(noun: str) -> str | None:
    """'common' or 'neuter' from the noun's definite singular in the lemma table; None if unknown.

    A compound the table lacks takes the gender of its longest known final part
    ("velfærdsteknologiopsætning" is common like "opsætning"). A term written in
    the plural ("totalomkostninger") is 'plural': what agrees with it takes the
    plural forms.
    """
    word = noun.lower()
    table = lemma_table()
    for cut in range(len(word) - 2):
        part = word[cut:]
        if _plural_form(part, table):
            return "plural"
        forms = paradigm(part)
        if len(forms) == 1 and cut == 0:
            continue
        definite = [f for f in slots_of(part, "noun", forms).get("sg.def", ()) if f in forms]
        with_genitive = [f for f in definite if f + "s" in forms]  # "mødets" rules out "møden"
        definite = with_genitive or definite
        if definite:
            neuter = all(f.endswith(("et", "t")) and not f.endswith("en") for f in definite)
            common = all(f.endswith(("en", "n")) for f in definite)
            return "neuter" if neuter else "common" if common else None
        if cut > 0 and len(forms) > 1:
            return None
    return None


def _plural_form(word: str, table: dict[str, str]) -> bool:
    """Is the word the indefinite plural of another lemma ("omkostninger" of "omkostning")?"""
    lemma = table.get(word)
    if not lemma or lemma == word or len(word) < 5 or word in _inverse():
        return False
    return word in slots_of(lemma, "noun", paradigm(lemma)).get("pl", ())


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a lower-case word, for the compact lexicon."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def lexicon_hashes(extra: Iterable[str] = ()) -> array[int]:
    """Sorted hashes of every form in the table (and `extra` words): 'is this ordinary Danish?'."""
    hashes = {word_hash(w) for w in lemma_table()}
    hashes.update(word_hash(w.lower()) for w in extra)
    return array("Q", sorted(hashes))


class Lexicon:
    """Membership test over the compact hash array (a few MB instead of a 50 MB set)."""

    def __init__(self, hashes: array[int]) -> None:
        self.hashes = hashes

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        h = word_hash(word.lower())
        i = bisect_left(self.hashes, h)
        return i < len(self.hashes) and self.hashes[i] == h

    def __len__(self) -> int:
        return len(self.hashes)
