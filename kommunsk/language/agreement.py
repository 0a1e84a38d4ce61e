"""Agreement around a noun: the determiner and adjectives before it, the predicate after it.

When a rewrite puts a noun of another gender in place of the jargon, the words
that agree with it must follow: "et hurtigt setup" becomes "en hurtig
opsætning", "Det nye roadmap" becomes "Den nye tidsplan", "Roadmappet er
ambitiøst" becomes "Tidsplanen er ambitiøs". Determiners, copulas and verb
particles are closed classes of Danish grammar and are listed here; adjectives
and participles are recognised by their forms in the lemma table (`is_word`
answers "is this a Danish word form?"), so no adjective list is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kommunsk.language.danish import PREPOSITIONS, case_like

# common gender -> neuter, for every determiner that shows gender
GENDERED = {
    "en": "et",
    "den": "det",
    "denne": "dette",
    "ingen": "intet",
    "nogen": "noget",
    "hver": "hvert",
    "enhver": "ethvert",
    "anden": "andet",
    "min": "mit",
    "din": "dit",
    "sin": "sit",
    "vor": "vort",
    "hvilken": "hvilket",
    "al": "alt",
    "egen": "eget",
}
NEUTER = {neuter: common for common, neuter in GENDERED.items()}
# after these the adjective takes -e (the definite and possessive declension)
DEFINITE = frozenset(
    {"den", "det", "de", "denne", "dette", "disse", "min", "mit", "mine", "din", "dit", "dine"}
    | {"sin", "sit", "sine", "vores", "jeres", "deres", "hans", "hendes", "dens", "dets", "vor"}
    | {"vort", "vore"}
)
OWN = frozenset(
    {"egen", "eget", "egne"}
)  # "jeres egen": inflects for gender, keeps the -e after it
INDEFINITE = frozenset({"en", "et", "ingen", "intet", "nogen", "noget", "hver", "hvert"})
INDEFINITE |= {"enhver", "ethvert", "anden", "andet", "al", "alt", "egen", "eget", "hvilken"}
INDEFINITE |= {"hvilket"}
SINGULAR = frozenset({"en", "et", "ét", "én", "hver", "hvert", "enhver", "ethvert", "denne"})
SINGULAR |= {"dette", "den", "det", "hvilken", "hvilket"}
COORDINATING = frozenset({"og", "eller", "men", ","})
DETERMINERS = frozenset(GENDERED) | frozenset(NEUTER) | DEFINITE | INDEFINITE
COPULAS = frozenset({"er", "var", "bliver", "blev", "forbliver", "forblev", "virker", "være"})
DEGREE = frozenset({"meget", "helt", "ret", "særdeles", "ikke", "også", "altid", "mere", "mest"})
DEGREE |= {"så", "lidt", "fuldt", "endnu", "stadig", "nu", "både", "yderst", "temmelig"}
# the pronoun that refers back to a noun of each gender
PRONOUN = {"common": "den", "neuter": "det"}
# adverb particles of Danish particle verbs: anywhere in the next words ("skalere løsningen op"),
# or right after the verb ("eksekvere på")
PARTICLES = frozenset({"op", "ud", "ind", "ned", "frem", "hjem", "sammen"})
ATTACHED = frozenset({"på", "af", "over", "igennem"})
Gender = str  # "common", "neuter", or "plural" for a noun used only in the plural
IsWord = Callable[[str], bool]


@dataclass(frozen=True)
class Word:
    """A word near the noun, as written in the text: its offsets and its letters."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


Change = tuple[Word, str]


def determiner(word: str, gender: Gender) -> str | None:
    """The determiner in the given gender, written like `word` ("Det" -> "Den"); None if not one."""
    lower = word.lower()
    if gender == "neuter" and lower in GENDERED:
        return case_like(GENDERED[lower], word)
    if gender == "common" and lower in NEUTER:
        return case_like(NEUTER[lower], word)
    return None


def indefinite_adjective(word: str, gender: Gender, is_word: IsWord) -> str | None:
    """The adjective in the indefinite singular of `gender` ("hurtigt" <-> "hurtig"), or None.

    An adjective is recognised by its forms: base, base + t and base + e must all be words.
    """
    lower = word.lower()
    if gender == "common" and lower.endswith("t") and _adjective_base(lower[:-1], is_word):
        return case_like(lower[:-1], word)
    if gender == "neuter" and not lower.endswith("t") and _adjective_base(lower, is_word):
        return case_like(lower + "t", word)
    return None


def e_form(adjective: str, is_word: IsWord) -> str | None:
    """The -e form of an adjective ("fast" -> "faste", "ny" -> "nye"), or None when unknown."""
    lower = adjective.lower()
    if lower.endswith("e"):
        return adjective
    candidates = [lower + "e", lower + lower[-1:] + "e"]
    if lower.endswith("el"):
        candidates.append(lower[:-2] + "le")  # "tværfunktionel" -> "tværfunktionelle" or "-le"
    for form in candidates:
        if is_word(form):
            return case_like(form, adjective)
    return None


def is_adjective(word: str, is_word: IsWord) -> bool:
    """An adjective in any of its positive forms (base, -t or -e), judged by the lemma table's forms."""
    lower = word.lower()
    return (
        _adjective_base(lower, is_word)
        or (lower.endswith("t") and _adjective_base(lower[:-1], is_word))
        or (lower.endswith("e") and _adjective_base(lower[:-1], is_word))
        or (lower.endswith("e") and len(lower) > 3 and _adjective_base(lower[:-2], is_word))
    )


def is_participle(word: str, is_word: IsWord) -> bool:
    """A past participle: "godkendt" (godkendte), "beskrevet" (beskrevne), "detaljeret" (detaljerede).

    Participles in the predicate do not change with the subject's gender, and an
    adjective right before one is an adverb ("præcist beskrevet"). An adjective's
    -t form has no -te form ("nemt", not "nemte"); a participle's has ("godkendte").
    """
    lower = word.lower()
    if len(lower) < 4 or not is_word(lower):
        return False
    if lower.endswith("et") and (is_word(lower[:-2] + "ne") or is_word(lower[:-2] + "ede")):
        return True
    return lower.endswith("t") and is_word(lower + "e")


def is_modifier(word: str, is_word: IsWord) -> bool:
    """A word that can stand between a determiner and its noun: an adjective of any kind.

    Besides regular adjectives: superlatives ("største"), participles ("oplagt",
    "detaljeret"), adjectives in -sk ("dansk"), and words that do not inflect
    ("fælles", "moderne").
    """
    lower = word.lower()
    if not lower.isalpha() or not is_word(lower):
        return False
    return (
        is_adjective(lower, is_word)
        or is_participle(lower, is_word)
        or (lower.endswith("ste") and is_word(lower[:-1]))
        or (lower.endswith("sk") and is_word(lower + "e"))
        or (lower.endswith("s") and not is_genitive(lower, is_word))
        or lower.endswith("e")
    )


def is_genitive(word: str, is_word: IsWord) -> bool:
    """A definite noun in the genitive ("kommunens", "projektets"): it acts as a possessive."""
    lower = word.lower()
    return (
        len(lower) > 4
        and lower.endswith(("ens", "ets", "nes"))
        and is_word(lower[:-1])
        and is_word(lower)
    )


def _adjective_base(base: str, is_word: IsWord) -> bool:
    return (
        len(base) >= 2
        and is_word(base)
        and is_word(base + "t")
        and (is_word(base + "e") or is_word(base + base[-1] + "e"))
    )


@dataclass(frozen=True)
class Phrase:
    """The noun phrase before a noun: its determiner (if any), and the adjectives that agree."""

    head: Word | None
    adjectives: tuple[Word, ...]
    definite: bool  # the -e declension: after den/det/de, a possessive or a genitive

    @property
    def singular(self) -> bool | None:
        """True after "en", "et", "denne" ..., False after "de", "disse", a numeral; None if unknown."""
        if self.head is None:
            return None
        lower = self.head.lower
        if lower in SINGULAR or lower in OWN - {"egne"}:
            return True
        if lower in ("de", "disse", "egne") or lower.isdigit():
            return lower == "1"
        return None


def phrase(before: Sequence[Word], is_word: IsWord) -> Phrase:
    """Read the words right before a noun (nearest last) as a noun phrase.

    Only the determiner and the adjectives that modify the noun itself agree with
    it: an adverb before an adjective ("et helt nyt setup") stays as it is.
    """
    position = len(before) - 1
    adjectives: list[Word] = []
    modifies_noun = True  # the words nearest the noun, and words coordinated with them
    while position >= 0:
        word = before[position]
        lower = word.lower
        if lower in DETERMINERS or lower.isdigit() or is_genitive(lower, is_word):
            break
        if lower in COORDINATING:
            modifies_noun = True
        elif lower in DEGREE or is_modifier(word.text, is_word):
            if modifies_noun and lower not in DEGREE:
                adjectives.append(word)
            modifies_noun = False  # a word right before an adjective is its adverb ("helt nyt")
        else:
            return Phrase(None, tuple(reversed(adjectives)), False)  # "til nye kunder"
        position -= 1
    head = before[position] if position >= 0 else None
    definite = head is not None and (
        head.lower in DEFINITE
        or (is_genitive(head.lower, is_word) and head.lower not in INDEFINITE)
    )
    if head is not None and head.lower in OWN and position > 0:
        earlier = before[position - 1].lower
        definite = earlier in DEFINITE or is_genitive(earlier, is_word)
    return Phrase(head, tuple(reversed(adjectives)), definite)


def agreeing(
    before: Sequence[Word], gender: Gender, *, plural: bool, is_word: IsWord
) -> list[Change] | None:
    """The words before a singular noun that must change to agree with `gender`, and their new form.

    `before` holds the words right before the noun, nearest last, with nothing but
    spaces and commas between them. None when agreement cannot be made: a plural-only
    municipal word after a singular determiner ("en total cost of ownership").
    """
    if plural or not before:
        return []
    found = phrase(before, is_word)
    if gender == "plural":
        return None if found.singular or (found.adjectives and not found.definite) else []
    changes: list[Change] = []
    head = found.head
    if head is not None and (new := determiner(head.text, gender)) is not None and new != head.text:
        changes.append((head, new))
    if not found.definite:
        for word in found.adjectives:
            new_form = indefinite_adjective(word.text, gender, is_word)
            if new_form is not None and new_form != word.text:
                changes.append((word, new_form))
    return sorted(changes, key=lambda change: change[0].start)


def predicative(after: Sequence[Word], gender: Gender, *, is_word: IsWord) -> list[Change]:
    """Predicate adjectives after the noun that agree with it: "tidsplanen er ambitiøs, men realistisk".

    `after` holds the words after the noun phrase, commas included as words. The shape
    is a copula, perhaps degree adverbs, then adjectives joined by og/men/eller/commas.
    An adjective followed by another adjective or a participle is an adverb ("præcist
    beskrevet") and a participle does not change ("er godkendt").
    """
    after = _past_attribute(after)
    if not after or after[0].lower not in COPULAS:
        return []
    position = 1
    while position < len(after) and after[position].lower in DEGREE:
        position += 1
    changes: list[Change] = []
    while position < len(after):
        word = after[position]
        following = after[position + 1] if position + 1 < len(after) else None
        if not is_adjective(word.text, is_word) or is_participle(word.text, is_word):
            break
        if (
            word.lower.endswith("t")
            and following is not None
            and (is_adjective(following.text, is_word) or is_participle(following.text, is_word))
        ):
            break  # "præcist beskrevet": an adverb
        new = _predicate_form(word.text, gender, is_word)
        if new is not None and new != word.text:
            changes.append((word, new))
        if following is None or following.lower not in COORDINATING:
            break
        position += 2
        while position < len(after) and after[position].lower in COORDINATING:
            position += 1
    return changes


def _past_attribute(after: Sequence[Word]) -> Sequence[Word]:
    """Skip a short prepositional phrase after the noun: "et roadmap uden milepæle er ..."."""
    if not after or after[0].lower not in PREPOSITIONS:
        return after
    for position in range(2, min(4, len(after))):
        if after[position].lower in COPULAS:
            return after[position:]
        if after[position].lower in (",", *PREPOSITIONS):
            break
    return ()


def _predicate_form(adjective: str, gender: Gender, is_word: IsWord) -> str | None:
    if gender != "plural":
        return indefinite_adjective(adjective, gender, is_word)
    lower = adjective.lower()
    base = lower[:-1] if lower.endswith("t") and _adjective_base(lower[:-1], is_word) else lower
    return e_form(case_like(base, adjective), is_word) if _adjective_base(base, is_word) else None


def pronoun(after: Sequence[Word], gender: Gender) -> list[Change]:
    """The pronoun that refers back to the noun in a coordinated clause: "et roadmap, og det opdateres".

    Only the shape "og/men + det/den + verb" right after the noun phrase, and not a
    formal subject ("og det er vigtigt, at ...").
    """
    if gender not in PRONOUN or len(after) < 3:
        return []
    words = [w for w in after if w.lower != ","]
    if (
        len(words) < 3
        or words[0].lower not in ("og", "men")
        or words[1].lower not in ("den", "det")
    ):
        return []
    if any(w.lower in ("at", "om", "hvis", "når") for w in words[2:]):
        return []
    verb = words[2].lower
    if not (verb in COPULAS or verb.endswith(("es", "er")) or verb in ("skal", "kan", "vil")):
        return []
    new = case_like(PRONOUN[gender], words[1].text)
    return [(words[1], new)] if new != words[1].text else []


def particle_follows(after: Sequence[Word]) -> bool:
    """Does a verb particle follow within the clause ("skalere løsningen op", "eksekvere på")?

    A verb replaced inside a particle verb changes meaning, so a person must look.
    """
    if after and after[0].lower in ATTACHED:
        return True
    for word in after[:3]:
        if word.lower == ",":
            return False
        if word.lower in PARTICLES:
            return True
    return False
