"""The on-disk cache is used as the hook uses it: built by one process, read by another."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

from kommunsk.engine.cache import build, compiled
from kommunsk.engine.index import FormIndex
from kommunsk.glossary.paths import bundled_glossary

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    (ROOT / "examples" / "tilbud.md").read_text(encoding="utf-8"),
    "Kunderne på plejehjemmet får en app, og vores stakeholders godkender roadmap'en.",
    "Visitationen vurderer behovet efter serviceloven § 83, og Borgerrepræsentationen beslutter.",
]
ANNOTATE = """
import json, sys, kommunsk
texts = json.load(sys.stdin)
print(json.dumps([[a.to_dict() for a in kommunsk.annotate(t, municipality="101")] for t in texts]))
"""


def _annotate_in_new_process(cache: Path) -> list[object]:
    env = {**os.environ, "KOMMUNSK_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", ANNOTATE],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: list[object] = json.loads(done.stdout)
    return result


def test_a_cache_built_in_one_process_gives_the_uncached_results_in_another(tmp_path: Path) -> None:
    from kommunsk.engine.annotator import Annotator

    first = _annotate_in_new_process(tmp_path)  # builds the cache
    assert list(tmp_path.glob("*.data")), "the first process should have written the cache"
    second = _annotate_in_new_process(tmp_path)  # reads it
    fresh = build(bundled_glossary(), ())
    engine = Annotator(fresh.glossary, fresh.index, fresh.lexicon, english=fresh.english)
    uncached = [[a.to_dict() for a in engine.annotate(t, municipality="101")] for t in TEXTS]
    assert second == first == json.loads(json.dumps(uncached))


def test_the_index_read_back_from_the_cache_format_has_the_built_types() -> None:
    built = compiled(bundled_glossary(), (), use_cache=False).index
    again = FormIndex.from_data(marshal.loads(marshal.dumps(built.to_data())))
    assert vars(again) == vars(built)
    entry = next(e for e in again.entries if e.requires or e.excludes)
    assert isinstance(entry.requires, tuple) and isinstance(entry.excludes, tuple)
    assert all(isinstance(hit, tuple) for hits in again.forms.values() for hit in hits)
