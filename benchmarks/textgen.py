"""Generated Danish text for the benchmarks.

Why generate: kommunsk memoises everything it learns about a word, so a text
that repeats the same few paragraphs would be measured mostly on memo hits and
look faster than real documents. The generated text instead draws every word
from real Danish word frequencies (wordfreq, or the committed top-5,000 list
when wordfreq is not installed), so the number of distinct words grows with the
length of the text as it does in real writing. Glossary words (business forms
and municipal terms, in random inflected forms) are mixed in at a realistic
rate so that the matcher also does its real work: resolving, inflecting
suggestions and describing findings.

Everything is driven by a fixed seed: the same arguments give the same text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kommunsk.glossary.termbase import Glossary

ROOT = Path(__file__).resolve().parent.parent
WORDLIST = Path(__file__).resolve().parent / "data" / "da_top5000.tsv"
EXAMPLES = ROOT / "examples"
SEED = 20261127
GLOSSARY_RATE = 1 / 200  # about one glossary word per 200 words of running text
LINE_WIDTH = 78

_PLAIN = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")


def is_plain_word(word: str) -> bool:
    """Letters only, with inner hyphens or apostrophes: no numbers, abbreviations with dots, emoji."""
    return bool(_PLAIN.match(word))


@dataclass(frozen=True)
class Vocabulary:
    """Words with cumulative frequency weights, ready for weighted sampling."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]
    source: str  # where the words came from, for the report

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)


def _vocabulary(pairs: Sequence[tuple[str, float]], source: str) -> Vocabulary:
    words = tuple(w for w, _ in pairs)
    return Vocabulary(words, tuple(accumulate(f for _, f in pairs)), source)


def wordfreq_vocabulary(size: int = 50_000) -> Vocabulary:
    """wordfreq's Danish list (`top_n_list("da", size)`) weighted by `word_frequency`; needs wordfreq."""
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("da", size) if is_plain_word(w)]
    pairs = [(w, word_frequency(w, "da")) for w in words]
    return _vocabulary(pairs, f"wordfreq top_n_list('da', {size}): {len(pairs):,} plain words")


def committed_vocabulary() -> Vocabulary:
    """The committed top-5,000 list in benchmarks/data (works without wordfreq)."""
    pairs: list[tuple[str, float]] = []
    for line in WORDLIST.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, frequency = line.split("\t")
            pairs.append((word, float(frequency)))
    return _vocabulary(pairs, f"{WORDLIST.parent.name}/{WORDLIST.name}: {len(pairs):,} words")


def vocabulary(*, prefer_wordfreq: bool) -> Vocabulary:
    """wordfreq's list when wanted and installed, else the committed list."""
    if prefer_wordfreq:
        try:
            return wordfreq_vocabulary()
        except ImportError:
            pass
    return committed_vocabulary()


@dataclass(frozen=True)
class GlossaryWord:
    """One term or business form of the glossary with the surface forms it may take in running text."""

    concept: str
    role: str  # "term" or "business"
    forms: tuple[str, ...]


def glossary_words(glossary: Glossary) -> list[GlossaryWord]:
    """Every term and business form of `glossary`, each with its inflected forms where the index has them.

    The forms come from kommunsk's compiled form index (the same inflections
    the matcher knows), so a mixed-in "stakeholder" may appear as
    "stakeholderne" and a phrase such as "løbende omkostninger" with its head
    inflected.
    """
    from kommunsk.engine.registry import annotator

    index = annotator(glossary).index
    found: list[GlossaryWord] = []
    for entry in index.entries:
        if entry.role not in ("term", "business"):
            continue
        forms = {entry.word}
        slots = index.slots.get(entry.id, {})
        # "other" holds paradigm forms the index could not place in a slot (for "møde" also "mødtes")
        inflected = sorted({f for slot, group in slots.items() if slot != "other" for f in group})
        if entry.case_sensitive:
            pass  # written exactly as the glossary writes it ("KL")
        elif entry.words == 1 and "-" not in entry.word:
            forms.update(_restore_case(entry.word, f) for f in inflected)
        elif entry.words > 1 and entry.id in index.heads:
            parts = entry.word.split(" ")
            head = index.heads[entry.id]
            if len(parts) == entry.words and head < len(parts):
                forms.update(" ".join([*parts[:head], f, *parts[head + 1 :]]) for f in inflected)
        found.append(GlossaryWord(entry.concept, entry.role, tuple(sorted(forms))))
    return found


def _restore_case(word: str, form: str) -> str:
    """kpi'er -> KPI'er for a word written with capitals; other forms as they are."""
    if word != word.lower() and form.startswith(word.lower()):
        return word + form[len(word) :]
    return form


class Generator:
    """Sentences, paragraphs, headings and list items from a vocabulary, with glossary words mixed in.

    Three independent random streams (words, glossary positions, layout) come
    from one seed, so mixing in more or fewer glossary words does not change
    the rest of the text.
    """

    def __init__(self, vocab: Vocabulary, pool: Sequence[GlossaryWord], seed: int = SEED) -> None:
        self.vocab = vocab
        self.pool = list(pool)
        self.seed = seed

    def text(self, words: int, *, rate: float = GLOSSARY_RATE, count: int | None = None) -> str:
        """About `words` words of Markdown-like text; glossary words at `rate`, or exactly `count` of them."""
        drawn = self.vocab.sample(random.Random(self.seed), words)
        mixer = random.Random(self.seed + 1)
        if count is not None:
            positions = mixer.sample(range(words), min(count, words))
        else:
            positions = [i for i in range(words) if mixer.random() < rate]
        if self.pool:
            for i in positions:
                item = mixer.choice(self.pool)
                drawn[i] = mixer.choice(item.forms)
        return _layout(drawn, random.Random(self.seed + 2))


def _layout(drawn: list[str], rng: random.Random) -> str:
    """Put sentence punctuation, capitals, line breaks, paragraphs, headings and lists into a word stream."""
    blocks: list[str] = []
    position = 0
    while position < len(drawn):
        kind = rng.random()
        if kind < 0.06:  # a heading
            size = rng.randint(2, 5)
            heading = " ".join(drawn[position : position + size])
            blocks.append("## " + _capital(heading))
            position += size
            continue
        sentences: list[str] = []
        for _ in range(rng.randint(2, 7)):
            if position >= len(drawn):
                break
            size = max(3, min(40, round(rng.gauss(15, 6))))
            sentences.append(_sentence(drawn[position : position + size], rng))
            position += size
        if kind < 0.14:  # a bulleted list, one sentence per item
            blocks.append("\n".join(_wrap("- " + s, indent="  ") for s in sentences))
        else:
            blocks.append(_wrap(" ".join(sentences)))
    return "\n\n".join(blocks) + "\n"


def _sentence(words: list[str], rng: random.Random) -> str:
    out = list(words)
    for i in range(len(out) - 1):
        if rng.random() < 0.06:
            out[i] += ","
    end = rng.random()
    mark = "." if end < 0.90 else "?" if end < 0.96 else "!" if end < 0.98 else ":"
    return _capital(" ".join(out)) + mark


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wrap(text: str, indent: str = "") -> str:
    """Greedy wrapping at LINE_WIDTH (textwrap is far slower on 200,000 words and not needed)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > LINE_WIDTH:
            lines.append(line)
            line = indent + word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def count_words(text: str) -> int:
    """Whitespace-separated pieces that hold a letter or digit (Markdown marks such as '##' do not count)."""
    return sum(1 for piece in text.split() if any(c.isalnum() for c in piece))


def example_texts() -> str:
    """The repository's own example texts (examples/*.md), joined."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md")))


def large_text(words: int, generator: Generator) -> str:
    """The example texts followed by generated text, together at least `words` words."""
    examples = example_texts()
    missing = max(0, words - count_words(examples))
    text = examples + "\n\n" + generator.text(missing)
    while count_words(text) < words:  # glossary phrases and headings shift the count a little
        text += "\n" + Generator(generator.vocab, generator.pool, generator.seed + 7).text(
            words - count_words(text)
        )
    return text


def first_words(text: str, words: int) -> str:
    """The first `words` words of `text`, cut at the end of a line so no sentence is broken mid-word."""
    lines = text.splitlines(keepends=True)
    seen = 0
    for number, line in enumerate(lines):
        seen += count_words(line)
        if seen >= words:
            return "".join(lines[: number + 1])
    return text
