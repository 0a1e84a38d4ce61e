"""Run kommunsk's benchmarks and print one row per target: measured ratio, target, met or not.

    python benchmarks/run.py                # the full run (about 200,000 words; needs the bench extra)
    python benchmarks/run.py --quick        # a small run for the test suite (needs nothing extra)
    python benchmarks/run.py --json out.json --words 300000

Every figure is a ratio against a reference measured in this run, on this
machine, on the same input; see docs/benchmarks.md for what each row means.
The run uses a private, temporary kommunsk cache, so it measures building the
cache too (as a warm-up) and leaves the user's cache alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Import these modules as the `benchmarks` package rather than as top-level names, and
# corpus_scoring from tests/ (shared with the test suite). Appended, so that an installed
# kommunsk is the one measured, as it is by the console scripts.
if sys.path and Path(sys.path[0]).resolve() == HERE:
    sys.path.pop(0)
sys.path += [str(ROOT), str(ROOT / "tests")]

from benchmarks import cases, measure, report, textgen  # noqa: E402

FULL_WORDS = 200_000
QUICK_WORDS = 20_000
CASES: tuple[tuple[str, Callable[[cases.Setup], report.Row]], ...] = (
    ("annotating the large text, and spaCy tokenising it", cases.annotate_vs_spacy),
    ("kommunsk and spaczz on a slice, and recall on the labelled sentences", cases.against_spaczz),
    ("writing, compiling and timing a 10,000-concept glossary", cases.glossary_scaling),
    ("cold starts of kommunsk check and codespell", cases.cold_start),
    ("the worst inputs: tokenising growth, and a large text file", cases.hostile_input),
    ("kommunsk serve's /v2/check and annotate in process", cases.server_check),
)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small inputs, for the test suite (figures indicative only)",
    )
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the results as JSON to PATH"
    )
    parser.add_argument(
        "--words",
        type=int,
        metavar="N",
        help=f"words in the large text (default {FULL_WORDS:,}; quick {QUICK_WORDS:,})",
    )
    args = parser.parse_args(argv)
    if args.words is not None and args.words < 1_000:
        parser.error("--words must be at least 1000")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    quick: bool = args.quick
    words: int = args.words or (QUICK_WORDS if quick else FULL_WORDS)
    with _scratch() as work:
        env = _child_environment(work)
        started = time.perf_counter()

        import kommunsk
        from kommunsk.engine.annotator import MAX_CHARS

        machine = measure.machine()
        _progress("building the glossary cache")
        build = measure.once(kommunsk.load)
        glossary = kommunsk.load()
        _progress(f"generating {words:,} words of text")
        vocab = textgen.vocabulary(prefer_wordfreq=not quick)
        pool = textgen.glossary_words(glossary)
        text = textgen.large_text(words, textgen.Generator(vocab, pool))
        if len(text) > MAX_CHARS:
            raise SystemExit(
                f"--words {words:,} makes {len(text):,} characters; kommunsk takes {MAX_CHARS:,} per call"
            )
        setup = cases.Setup(
            repeats=3 if quick else 5,
            runs=3 if quick else 7,
            glossary=glossary,
            pool=pool,
            vocab=vocab,
            text=text,
            words=textgen.count_words(text),
            work=work,
            env=env,
            slice_words=1_000 if quick else 10_000,
            spaczz_repeats=1 if quick else 3,
            synthetic_total=1_000 if quick else 10_000,
            quick=quick,
        )
        rows: list[report.Row] = []
        for number, (label, case) in enumerate(CASES, 1):
            _progress(f"{number}/{len(CASES)}: {label}")
            rows.append(case(setup))
        settings = {
            "mode": "quick" if quick else "full",
            "words": setup.words,
            "vocabulary": vocab.source,
            "seed": textgen.SEED,
            "glossary_rate": textgen.GLOSSARY_RATE,
            "repeats": setup.repeats,
            "process_runs": setup.runs,
            "glossary_build_seconds": round(build, 2),
            "total_seconds": round(time.perf_counter() - started, 1),
        }
    print(_header(machine, settings, quick))
    print(report.table(rows))
    if args.json:
        report.write_json(args.json, machine, settings, rows)
        print(f"\nwrote {args.json}")
    return 0


def _header(machine: Mapping[str, str], settings: Mapping[str, object], quick: bool) -> str:
    lines = [
        f"kommunsk benchmarks ({settings['mode']} run, {settings['total_seconds']} s)",
        f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']} RAM, {machine['system']}",
        f"versions: Python {machine['python']}, spaCy {machine['spacy']}, kommunsk {machine['kommunsk']}",
        f"text: {settings['words']:,} words from {settings['vocabulary']}, seed {settings['seed']}, "
        f"glossary words mixed in at 1 in {round(1 / textgen.GLOSSARY_RATE)}",
        f"glossary cache built in {settings['glossary_build_seconds']} s (warm-up, not measured)",
    ]
    if quick:
        lines.append(
            "quick run: small inputs; the figures are indicative only (use the full run for docs/benchmarks.md)"
        )
    return "\n".join(lines) + "\n"


@contextmanager
def _scratch() -> Iterator[Path]:
    """A temporary folder whose cache/ is kommunsk's cache while the benchmark runs (then restored)."""
    previous = os.environ.get("KOMMUNSK_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="kommunsk-bench-") as folder:
        os.environ["KOMMUNSK_CACHE_DIR"] = str(Path(folder) / "cache")
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop("KOMMUNSK_CACHE_DIR", None)
            else:
                os.environ["KOMMUNSK_CACHE_DIR"] = previous


def _child_environment(work: Path) -> dict[str, str]:
    """The environment for the processes the benchmark starts (the cold start and the fresh loads).

    Both tools get compiled bytecode, as after a normal installation: it is
    written during the warm-up run into a private folder (PYTHONPYCACHEPREFIX),
    so nothing is written into the source tree, and PYTHONDONTWRITEBYTECODE is
    dropped. Without this, an editable install in an environment that forbids
    bytecode files would recompile kommunsk's modules on every start.
    """
    env = dict(os.environ, NO_COLOR="1", PYTHONPYCACHEPREFIX=str(work / "bytecode"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
