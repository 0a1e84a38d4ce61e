"""Optional spaCy pipelines: a trained Danish pipeline's lemmas and parts of speech, when installed.

The default path needs no spaCy at all (the form index already holds every
inflected form from spaCy's lookup table). A named pipeline adds what only a
trained model knows: lemmas of forms the table lacks, and the part of speech
that tells the verb "bruger" from the noun. Nothing is ever downloaded.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kommunsk.engine.candidates import Candidate
from kommunsk.engine.index import FormIndex
from kommunsk.errors import PipelineError
from kommunsk.language.tokenise import Token

OPEN_CLASSES = {"noun": {"NOUN", "PROPN"}, "verb": {"VERB", "AUX"}, "adjective": {"ADJ"}}


@cache
def load(name: str) -> Any:
    """A spaCy pipeline by name: 'blank' (spacy.blank("da") with the lookup lemmatizer) or an installed package."""
    import spacy  # lazy: spaCy is loaded only when a pipeline is asked for

    if name == "blank":
        nlp = spacy.blank("da")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp
    try:
        nlp = spacy.load(name)
    except OSError:
        raise PipelineError(
            f"spaCy-pipelinen '{name}' er ikke installeret (installér den selv, fx med pip; kommunsk henter intet)"
        ) from None
    if nlp.lang != "da":
        raise PipelineError(f"spaCy-pipelinen '{name}' er til sproget '{nlp.lang}', ikke dansk")
    return nlp


def refine(
    candidates: list[Candidate], text: str, words: list[Token], index: FormIndex, nlp: Any
) -> list[Candidate]:
    """Add lemma matches the model finds, and drop matches whose part of speech contradicts the entry."""
    doc = nlp(text)
    by_start = {t.idx: t for t in doc}
    kept = [c for c in candidates if _pos_agrees(c, words, index, by_start)]
    matched = {c.first for c in kept}
    lemmas = _lemma_entries(index)
    for position, word in enumerate(words):
        token = by_start.get(word.start)
        if position in matched or token is None or token.idx + len(token.text) != word.end:
            continue
        for entry in lemmas.get(token.lemma_.lower(), ()):
            kept.append(Candidate(word.start, word.end, entry, "lemma", 95, "", position, position))
    return kept


def _pos_agrees(
    candidate: Candidate, words: list[Token], index: FormIndex, by_start: dict[int, Any]
) -> bool:
    entry = index.entries[candidate.entry]
    token = by_start.get(words[candidate.first].start)
    if token is None or not token.pos_ or entry.words > 1 or entry.pos not in OPEN_CLASSES:
        return True
    other_open = set().union(*(tags for pos, tags in OPEN_CLASSES.items() if pos != entry.pos))
    return token.pos_ not in other_open


@cache
def _lemma_entries(index: FormIndex) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for entry in index.entries:
        if entry.words == 1 and not entry.case_sensitive:
            found.setdefault(entry.word.lower(), []).append(entry.id)
    return {lemma: tuple(ids) for lemma, ids in found.items()}
