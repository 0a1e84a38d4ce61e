"""The four comparisons, one function each; every one returns a report Row.

Each target is a ratio against a reference measured in the same run on the
same input, because an absolute time only describes the machine it was taken
on. Absolute figures (seconds, words per second, megabytes) go into the notes
for context.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import competitors, synthetic
from .measure import ProcessRun, Timing, alternate, can_measure_processes, once, run_process
from .report import NOT_MEASURED, Row, judged
from .textgen import EXAMPLES, SEED, Generator, GlossaryWord, Vocabulary, count_words, first_words

if TYPE_CHECKING:
    from kommunsk.engine.annotation import Annotation
    from kommunsk.glossary.termbase import Glossary

SPACY_TARGET = 1.0  # kommunsk time / spaCy make_doc time, at most
SPACZZ_TARGET = 50.0  # spaczz time / kommunsk time, at least (and recall at least as good)
SCALING_TARGET = 2.0  # 10,000-concept time / real-glossary time, at most
COLD_TARGET = 2.0  # kommunsk check / codespell, median process time, at most
MEMORY_TARGET_MB = 100.0  # peak resident memory of `kommunsk check`, at most
LINEAR_TARGET = 2.5  # tokenising twice the worst-case input / the input, at most (linear is 2)
LARGE_FILE_TARGET_MB = 300.0  # peak memory of `kommunsk check` on a large plain-text file, at most
FLAGGED = ("jargon", "avoid", "variant", "outdated")  # the kinds tests/corpus_scoring.py counts


@dataclass
class Setup:
    """What every case shares: the run's sizes, the glossary, the large text and a scratch folder."""

    repeats: int  # timed repetitions in process
    runs: int  # timed process runs for the cold start
    glossary: Glossary
    pool: list[GlossaryWord]
    vocab: Vocabulary
    text: str
    words: int
    work: Path  # a temporary folder for the overlay, the check file and the cache
    env: dict[str, str]  # environment for child processes (same private cache)
    slice_words: int  # the part of the text spaczz is timed on
    spaczz_repeats: int  # spaczz is slow: fewer repetitions
    synthetic_total: int  # concepts in the large glossary
    check_words: int = 3_000
    quick: bool = False


def _flagged(annotations: Sequence[Annotation]) -> int:
    return sum(1 for a in annotations if a.kind in FLAGGED)


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f} words/s"


def annotate_vs_spacy(s: Setup) -> Row:
    """1. kommunsk.annotate on the large text against spaCy's own tokenisation of it.

    spaCy's tokenizer is the floor for anything built on spaCy: a matcher that
    takes a Doc has paid at least this much before it looks at a word.
    """
    import spacy

    import kommunsk

    nlp = spacy.blank("da")
    nlp.max_length = max(nlp.max_length, len(s.text) + 1)

    def annotate() -> object:
        return kommunsk.annotate(s.text, glossary=s.glossary)

    def tokenise() -> object:
        return nlp.make_doc(s.text)

    first = once(annotate)  # fills kommunsk's per-word memo, as any second document would find it
    first_spacy = once(tokenise)  # fills spaCy's vocabulary and tokenizer cache likewise
    ours, theirs = alternate([annotate, tokenise], s.repeats)
    ratio = ours.best / theirs.best
    found = kommunsk.annotate(s.text, glossary=s.glossary)
    tokens = len(nlp.make_doc(s.text))
    return Row(
        1,
        "annotate large text vs spaCy make_doc",
        f"≤ {SPACY_TARGET:.1f}x",
        f"{ratio:.2f}x",
        judged(ratio <= SPACY_TARGET),
        ratio,
        notes=[
            f"text: {s.words:,} words, {len(s.text):,} characters, {tokens:,} spaCy tokens",
            f"kommunsk.annotate: best {ours.best:.3f} s, median {ours.median:.3f} s ({_rate(s.words, ours.best)}); "
            f"first call {first:.3f} s",
            f"spaCy make_doc:    best {theirs.best:.3f} s, median {theirs.median:.3f} s "
            f"({_rate(s.words, theirs.best)}); first call {first_spacy:.3f} s",
            f"findings: {_flagged(found):,} flagged and {len(found) - _flagged(found):,} municipal terms "
            f"({1000 * _flagged(found) / s.words:.1f} flagged per 1,000 words)",
        ],
        data=_timings(kommunsk=ours, spacy=theirs)
        | {
            "first_call": {"kommunsk": first, "spacy": first_spacy},
            "words": s.words,
            "ratio": ratio,
        },
    )


def against_spaczz(s: Setup) -> Row:
    """2. kommunsk against spaczz's FuzzyMatcher with the same business forms: speed and recall.

    spaczz compares every pattern with every stretch of tokens, so it is timed
    on a slice of the large text; both tools are timed on that same slice.
    Recall is scored on the labelled sentences with the test suite's scoring
    code, spans only (spaczz knows nothing of concepts beyond its labels).
    """
    import kommunsk

    name = "kommunsk vs spaczz FuzzyMatcher"
    target = f"≥ {SPACZZ_TARGET:.0f}x, recall ≥ spaczz"
    matcher = competitors.spaczz_matcher(s.glossary)
    if isinstance(matcher, competitors.Missing):
        return Row(
            2,
            name,
            target,
            f"not measured ({matcher.reason})",
            NOT_MEASURED,
            notes=[matcher.details],
        )
    from corpus_scoring import kommunsk_spans, score

    ours_score = score(kommunsk_spans, check_concepts=False)
    theirs_score = score(matcher.spans, check_concepts=False)
    piece = first_words(s.text, s.slice_words)
    words = count_words(piece)

    def annotate() -> object:
        return kommunsk.annotate(piece, glossary=s.glossary)

    def fuzzy() -> object:
        return matcher.matches(piece)

    matcher.matches("Vi har talt med alle stakeholders om jeres pain points.")  # warm-up
    annotate()
    ours, theirs = alternate([annotate, fuzzy], s.spaczz_repeats)
    # the same slice with an empty per-word memo: a fresh glossary object gets a fresh annotator
    fresh = kommunsk.load(as_of=date.today())
    cold = once(lambda: kommunsk.annotate(piece, glossary=fresh))
    speedup = theirs.best / ours.best
    recall_ok = ours_score.recall >= theirs_score.recall
    found = matcher.matches(piece)
    return Row(
        2,
        name,
        target,
        f"{speedup:,.0f}x, recall {ours_score.recall:.2f} vs {theirs_score.recall:.2f}",
        judged(speedup >= SPACZZ_TARGET and recall_ok),
        speedup,
        notes=[
            f"spaczz {matcher.version}, default settings (min_r 75, ignore_case), {matcher.patterns} business forms",
            f"slice: the first {words:,} words of the large text",
            f"kommunsk: best {ours.best:.4f} s ({_rate(words, ours.best)}); "
            f"with an empty word memo {cold:.4f} s ({theirs.best / cold:,.0f}x faster than spaczz)",
            f"spaczz:   best {theirs.best:.3f} s ({_rate(words, theirs.best)}), {len(found):,} matches",
            f"recall on tests/corpus/labelled.yaml (spans only): kommunsk {ours_score.recall:.3f} "
            f"({ours_score.found}/{ours_score.expected}), spaczz {theirs_score.recall:.3f} "
            f"({theirs_score.found}/{theirs_score.expected})",
            f"false positives on clean sentences: kommunsk {ours_score.false_positive_rate:.3f}, "
            f"spaczz {theirs_score.false_positive_rate:.3f} ({theirs_score.clean_flagged}/{theirs_score.clean})",
        ],
        data=_timings(kommunsk=ours, spaczz=theirs)
        | {
            "words": words,
            "kommunsk_empty_memo": cold,
            "speedup": speedup,
            "recall": {"kommunsk": ours_score.recall, "spaczz": theirs_score.recall},
            "false_positive_rate": {
                "kommunsk": ours_score.false_positive_rate,
                "spaczz": theirs_score.false_positive_rate,
            },
        },
    )


def glossary_scaling(s: Setup) -> Row:
    """3. The same text with the real glossary and with a 10,000-concept synthetic overlay.

    The target compares warm runs (the per-word memo filled), as in row 1; the
    first call with an empty memo, where the fuzzy search over the larger
    buckets is paid, and the cost of loading the larger compiled glossary in a
    fresh process are reported beside it.
    """
    import kommunsk

    overlay = synthetic.write_overlay(
        s.work / "synthetic-glossary", s.glossary, s.synthetic_total, SEED
    )
    build = once(
        lambda: kommunsk.load([overlay.folder])
    )  # validates, compiles and caches the overlay
    large = kommunsk.load([overlay.folder])
    fresh = kommunsk.load(as_of=date.today())  # the real glossary with an empty word memo
    first_real = once(lambda: kommunsk.annotate(s.text, glossary=fresh))
    first_large = once(lambda: kommunsk.annotate(s.text, glossary=large))

    def real_run() -> object:
        return kommunsk.annotate(s.text, glossary=s.glossary)

    def large_run() -> object:
        return kommunsk.annotate(s.text, glossary=large)

    real, big = alternate([real_run, large_run], s.repeats)
    ratio = big.best / real.best
    concepts = len(large)
    notes = [
        f"glossary: {len(s.glossary):,} real concepts + {overlay.concepts:,} synthetic "
        f"({overlay.words:,} invented terms and business forms, {overlay.files} file(s)) = {concepts:,}",
        f"real glossary:   best {real.best:.3f} s ({_rate(s.words, real.best)}); first call {first_real:.3f} s",
        f"{concepts:,} concepts: best {big.best:.3f} s ({_rate(s.words, big.best)}); first call {first_large:.3f} s "
        f"({first_large / first_real:.2f}x the real glossary's first call)",
        f"validating and compiling the overlay (once, then cached): {build:.1f} s",
    ]
    data = _timings(real=real, large=big) | {
        "concepts": concepts,
        "first_call": {"real": first_real, "large": first_large},
        "build_seconds": build,
        "ratio": ratio,
    }
    if can_measure_processes():
        loads = {
            label: _load_in_fresh_process(s, paths)
            for label, paths in (("real", []), ("large", [str(overlay.folder)]))
        }
        notes.append(
            "loading the compiled glossary in a fresh process: "
            f"real {loads['real'].seconds:.2f} s / {loads['real'].peak_mb:.0f} MB, "
            f"{concepts:,} concepts {loads['large'].seconds:.2f} s / {loads['large'].peak_mb:.0f} MB"
        )
        data["fresh_process_load"] = {
            k: {"seconds": v.seconds, "peak_mb": v.peak_mb} for k, v in loads.items()
        }
    return Row(
        3,
        f"glossary {len(s.glossary):,} → {concepts:,} concepts",
        f"≤ {SCALING_TARGET:.1f}x",
        f"{ratio:.2f}x",
        judged(ratio <= SCALING_TARGET),
        ratio,
        notes=notes,
        data=data,
    )


def _load_in_fresh_process(s: Setup, overlays: list[str]) -> ProcessRun:
    """Start Python, import kommunsk and load the compiled glossary from the cache (the second of two runs)."""
    command = [sys.executable, "-c", "import sys, kommunsk; kommunsk.load(sys.argv[1:])", *overlays]
    run_process(command, cwd=s.work, env=s.env)  # warm-up: bytecode written
    return run_process(command, cwd=s.work, env=s.env)


def cold_start(s: Setup) -> Row:
    """4. `kommunsk check FILE` against `codespell FILE` as fresh processes, plus kommunsk's peak memory.

    This is what a pre-commit hook costs on every commit. codespell is the
    reference because it is the spelling linter people already run there.
    Each tool runs once to warm up (kommunsk builds its cache then), then
    `runs` times in turn; the target compares medians.
    """
    name = f"cold start: kommunsk check vs codespell ({s.check_words:,} words)"
    target = f"≤ {COLD_TARGET:.0f}x, ≤ {MEMORY_TARGET_MB:.0f} MB"
    if not can_measure_processes():
        reason = "needs os.wait4 (Linux or macOS)"
        return Row(4, name, target, f"not measured ({reason})", NOT_MEASURED, notes=[reason])
    path = s.work / "tilbud-3000.md"
    words, findings = _write_check_file(s, path)
    commands = {"kommunsk check": ([str(_script("kommunsk")), "check", str(path)], (0, 1))}
    codespell = _script("codespell")
    if codespell.is_file():
        commands["codespell"] = ([str(codespell), str(path)], (0, 65))  # 65: misspellings found
    runs = _alternate_runs(s, commands)
    ours = runs["kommunsk check"]
    peak = max(r.peak_mb for r in ours)
    notes = [
        f"file: examples/tilbud.md plus generated text, {words:,} words, {findings} findings "
        f"({100 * findings / words:.1f} per 100 words)",
        *(_describe(label, found) for label, found in runs.items()),
    ]
    data: dict[str, object] = {"words": words, "findings": findings, "peak_mb": peak}
    data |= {label: _process_data(found) for label, found in runs.items()}
    if "codespell" not in runs:
        reason = "codespell not installed"
        notes.append(
            f"{reason}; kommunsk's peak memory {peak:.0f} MB (target ≤ {MEMORY_TARGET_MB:.0f} MB)"
        )
        return Row(
            4, name, target, f"not measured ({reason})", NOT_MEASURED, notes=notes, data=data
        )
    ratio = _median(ours) / _median(runs["codespell"])
    data["ratio"] = ratio
    return Row(
        4,
        name,
        target,
        f"{ratio:.2f}x, {peak:.0f} MB",
        judged(ratio <= COLD_TARGET and peak <= MEMORY_TARGET_MB),
        ratio,
        notes=notes,
        data=data,
    )


def _write_check_file(s: Setup, path: Path) -> tuple[int, int]:
    """The example proposal plus generated text, with about one finding per 100 words.

    Random Danish already holds some business words; the rest of the findings
    are business forms put in at random places. Returns (words, findings).
    """
    proposal = (EXAMPLES / "tilbud.md").read_text(encoding="utf-8")
    business = [w for w in s.pool if w.role == "business"]
    generator = Generator(s.vocab, business, seed=SEED + 100)
    missing = s.check_words - count_words(proposal)

    def write(mixed: int) -> int:
        path.write_text(proposal + "\n" + generator.text(missing, count=mixed), encoding="utf-8")
        return _findings(path)

    found = write(0)
    wanted = round(count_words(path.read_text(encoding="utf-8")) / 100)
    if found < wanted:
        found = write(wanted - found)
    return count_words(path.read_text(encoding="utf-8")), found


def _findings(path: Path) -> int:
    """What `kommunsk check` would report for the file, counted in process."""
    from kommunsk.engine.registry import annotator
    from kommunsk.lint.check import CheckOptions, check_paths

    return check_paths([str(path)], annotator(), CheckOptions()).summary.findings


def _alternate_runs(
    s: Setup, commands: Mapping[str, tuple[list[str], tuple[int, ...]]]
) -> dict[str, list[ProcessRun]]:
    """A captured warm-up run of each command that must succeed, then `s.runs` measured runs of each, in turn."""
    expected: dict[str, int] = {}
    for label, (command, allowed) in commands.items():
        warm = subprocess.run(
            command, cwd=s.work, env=s.env, capture_output=True, text=True, check=False
        )
        if warm.returncode not in allowed:
            raise RuntimeError(f"{label} exited {warm.returncode}:\n{warm.stderr or warm.stdout}")
        expected[label] = warm.returncode
    runs: dict[str, list[ProcessRun]] = {label: [] for label in commands}
    for _ in range(s.runs):
        for label, (command, _allowed) in commands.items():
            run = run_process(command, cwd=s.work, env=s.env)
            if run.returncode != expected[label]:
                raise RuntimeError(
                    f"{label} exited {run.returncode}, its warm-up {expected[label]}"
                )
            runs[label].append(run)
    return runs


def _script(name: str) -> Path:
    """A console script of the virtualenv that runs this benchmark."""
    return Path(sys.executable).parent / (name + (".exe" if os.name == "nt" else ""))


def _median(runs: list[ProcessRun]) -> float:
    return Timing(tuple(r.seconds for r in runs)).median


def _describe(label: str, runs: list[ProcessRun]) -> str:
    timing = Timing(tuple(r.seconds for r in runs))
    return (
        f"{label}: median {timing.median:.3f} s, best {timing.best:.3f} s over {len(runs)} runs; "
        f"peak memory {max(r.peak_mb for r in runs):.0f} MB"
    )


def _process_data(runs: list[ProcessRun]) -> dict[str, object]:
    return {"seconds": [r.seconds for r in runs], "peak_mb": [r.peak_mb for r in runs]}


def _timings(**timings: Timing) -> dict[str, object]:
    return {
        name: {"seconds": list(t.seconds), "best": t.best, "median": t.median}
        for name, t in timings.items()
    }


def hostile_input(s: Setup) -> Row:
    """5. The worst inputs found so far stay linear, and a large plain-text file stays bounded.

    "a." repeated once made the tokenizer quadratic; tokenising twice as much of
    it must take about twice as long (a ratio, so no machine speed is assumed).
    A plain-text file of 50 MB (5 MB in --quick) is checked in a fresh process,
    whose peak memory must stay under the documented limit.
    """
    from kommunsk.language.tokenise import tokens

    name = "hostile input: 'a.'×2N vs ×N tokenising; check on a large text file"
    target = f"≤ {LINEAR_TARGET}x, ≤ {LARGE_FILE_TARGET_MB:.0f} MB"
    size = 25_000 if s.quick else 100_000
    small, large = "a." * size, "a." * (2 * size)
    timed = alternate([lambda: tokens(small), lambda: tokens(large)], s.repeats)
    ratio = timed[1].best / timed[0].best
    notes = [
        f"tokenising {2 * size:,} / {4 * size:,} characters of 'a.': best "
        f"{timed[0].best:.3f} s / {timed[1].best:.3f} s"
    ]
    data: dict[str, object] = {"tokenise_ratio": ratio}
    if not can_measure_processes():
        notes.append("memory not measured (needs os.wait4)")
        return Row(
            5,
            name,
            target,
            f"{ratio:.2f}x",
            judged(ratio <= LINEAR_TARGET),
            ratio,
            notes=notes,
            data=data,
        )
    megabytes = 5 if s.quick else 50
    path = s.work / "stor.txt"
    _write_plain_text(s, path, megabytes * 1_000_000)
    run = run_process([str(_script("kommunsk")), "check", str(path)], cwd=s.work, env=s.env)
    notes.append(
        f"kommunsk check on {megabytes} MB of plain text: {run.seconds:.1f} s, "
        f"peak memory {run.peak_mb:.0f} MB, exit {run.returncode}"
    )
    data |= {"large_file_mb": megabytes, "large_file_seconds": run.seconds, "peak_mb": run.peak_mb}
    ok = ratio <= LINEAR_TARGET and run.peak_mb <= LARGE_FILE_TARGET_MB and run.returncode in (0, 1)
    return Row(
        5,
        name,
        target,
        f"{ratio:.2f}x, {run.peak_mb:.0f} MB",
        judged(ok),
        ratio,
        notes=notes,
        data=data,
    )


def _write_plain_text(s: Setup, path: Path, size: int) -> None:
    """Paragraphs of the large text, repeated until the file has `size` bytes."""
    paragraphs = [p for p in s.text.split("\n\n") if p.strip()] or [s.text]
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            for paragraph in paragraphs:
                written += out.write(paragraph + "\n\n")
                if written >= size:
                    break


SERVER_TARGET = 2.0  # /v2/check answer time / kommunsk.annotate in process, at most
SERVER_WORDS = 1_000


def server_check(s: Setup) -> Row:
    """6. `kommunsk serve`'s POST /v2/check on a 1,000-word text against kommunsk.annotate in process.

    The server runs as its own process (`kommunsk serve` on a free local port),
    as LibreOffice or the browser add-on would find it; each request opens a new
    connection, sends the form and reads the JSON, so HTTP, parsing, UTF-16
    offsets and JSON are all billed. The reference is the same annotate call in
    this process, on the same words, with the server's default municipality.
    """
    import json
    import socket
    import time
    import urllib.parse
    import urllib.request

    import kommunsk

    name = "LanguageTool /v2/check vs annotate in process, 1,000 words"
    piece = first_words(s.text, SERVER_WORDS)
    words = count_words(piece)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v2/check"
    body = urllib.parse.urlencode({"text": piece, "language": "da-DK"}).encode()
    server = subprocess.Popen(
        [str(_script("kommunsk")), "serve", "--port", str(port)],
        cwd=s.work,
        env=s.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def check() -> object:
            with urllib.request.urlopen(url, data=body, timeout=60) as answer:
                return json.loads(answer.read())

        deadline = time.monotonic() + 60
        while True:
            try:
                answered = check()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    return Row(
                        6,
                        name,
                        f"≤ {SERVER_TARGET:.1f}x",
                        "not measured (the server did not start)",
                        NOT_MEASURED,
                    )
                time.sleep(0.1)

        def annotate() -> object:
            return kommunsk.annotate(piece, glossary=s.glossary)

        once(annotate)
        repeats = max(10, 4 * s.repeats)
        served, local = alternate([check, annotate], repeats)
    finally:
        server.terminate()
        server.wait(timeout=30)
    ratio = served.median / local.median
    matches = len(answered["matches"]) if isinstance(answered, dict) else 0
    return Row(
        6,
        name,
        f"≤ {SERVER_TARGET:.1f}x",
        f"{ratio:.2f}x",
        judged(ratio <= SERVER_TARGET),
        ratio,
        notes=[
            f"text: {words:,} words, {len(piece):,} characters; {matches} LanguageTool matches",
            f"POST /v2/check: median {served.median * 1000:.1f} ms, best {served.best * 1000:.1f} ms "
            f"over {repeats} requests, a new connection each",
            f"kommunsk.annotate: median {local.median * 1000:.1f} ms, best {local.best * 1000:.1f} ms",
        ],
        data=_timings(server=served, annotate=local) | {"words": words, "ratio": ratio},
    )
