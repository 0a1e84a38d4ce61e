"""Write benchmarks/data/da_top5000.tsv from wordfreq (run once by a maintainer; the file is committed).

The quick benchmark run (and so the test suite) must work without wordfreq,
which is only in the `bench` extra. It therefore generates its text from this
small committed list instead: the 5,000 most frequent Danish words that are
plain words (letters, with inner hyphens or apostrophes), with wordfreq's
frequencies. wordfreq's data is licensed CC BY-SA 4.0; see data/README.md.

    python benchmarks/make_wordlist.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.textgen import WORDLIST, is_plain_word  # noqa: E402

SIZE = 5_000


def main() -> None:
    from importlib.metadata import version

    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("da", 50_000) if is_plain_word(w)][:SIZE]
    lines = [
        f"# The {len(words)} most frequent plain Danish words with their frequencies,",
        f"# from wordfreq {version('wordfreq')} (top_n_list('da'), word_frequency). Data licence: CC BY-SA 4.0.",
        *(f"{w}\t{word_frequency(w, 'da'):.4e}" for w in words),
    ]
    WORDLIST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {WORDLIST.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
